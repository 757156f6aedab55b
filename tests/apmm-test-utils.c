/* apmm-test-utils.c — what the widget tests share: finding, clicking, showing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "apmm-model.h"
#include "apmm-session-file.h"

#include "apmm-test-utils.h"

/* Depth first, so the first match is the first in reading order. */
GtkWidget *
apmm_test_find_widget (GtkWidget     *root,
                       ApmmTestMatch  match,
                       gconstpointer  data)
{
  return apmm_test_find_nth (root, match, data, 0);
}

static void
collect (GtkWidget     *root,
         ApmmTestMatch  match,
         gconstpointer  data,
         GPtrArray     *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (match (child, data))
        g_ptr_array_add (out, child);
      collect (child, match, data, out);
    }
}

GtkWidget *
apmm_test_find_nth (GtkWidget     *root,
                    ApmmTestMatch  match,
                    gconstpointer  data,
                    guint          n)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (root, match, data, found);
  return n < found->len ? g_ptr_array_index (found, n) : NULL;
}

gboolean
apmm_test_is_of_type (GtkWidget     *widget,
                      gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

gboolean
apmm_test_is_button_labelled (GtkWidget     *widget,
                              gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

gboolean
apmm_test_is_button_with_icon (GtkWidget     *widget,
                               gconstpointer  icon_name)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon_name) == 0;
}

gboolean
apmm_test_is_label_with_text (GtkWidget     *widget,
                              gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* A button's "activate" only starts a pressed-look animation and clicks later:
 * emit "clicked" as a pointer click does, and only where a pointer could. */
void
apmm_test_click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

void
apmm_test_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

GtkWidget *
apmm_test_show_in_window (GtkWidget *child,
                          int        width)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, 768);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  apmm_test_iterate ();
  return window;
}

void
apmm_test_set_level_status (ApmmSession *session,
                            guint        level,
                            ApmmStatus   status)
{
  const ApmmLevel *info = apmm_model_get_level (apmm_model_get_default (), level);

  for (guint i = 0; i < info->n_criteria; i++)
    apmm_session_set_status (session, info->criteria[i]->id, status);
}

/* One of the example sessions the app ships, as the app reads it. */
ApmmSession *
apmm_test_load_example (const char *basename)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strconcat ("/org/apmm/Workshop/core/examples/", basename, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  ApmmSession *session;

  g_assert_no_error (error);
  session = apmm_session_load_bytes (bytes, &error);
  g_assert_no_error (error);
  return session;
}

/* The window can be as narrow as 360 px, so a page must fold to fit that,
 * styled as the application styles it. Takes the page (a full reference,
 * the session already set) and checks it is finalized with its window. */
void
apmm_test_assert_fits_width (GtkWidget *page,
                             int        max_width)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  GtkWidget *window;
  int minimum = 0, natural = 0;

  gtk_css_provider_load_from_resource (css, "/org/apmm/Workshop/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  window = apmm_test_show_in_window (page, 1024);

  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_test_message ("minimum width %d, natural width %d", minimum, natural);
  g_assert_cmpint (minimum, <=, max_width);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css));
}

gboolean
apmm_test_is_mnemonic_label (GtkWidget     *widget,
                             gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_label_get_use_underline (GTK_LABEL (widget))
         && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

/* GTK 4.8 names a control with a mnemonic after its label, underscore and
 * all: such controls must carry an accessible label of their own, without. */
void
apmm_test_assert_accessible_label (GtkWidget  *widget,
                                   const char *expected)
{
  g_autofree char *mismatch = NULL;

  g_assert_nonnull (widget);
  g_assert_null (strchr (expected, '_'));
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
  g_assert_null (mismatch);
}
