/* test-details-panel.c — editing the session's details and participants
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "apmm-session-file.h"

#include "apmm-details-panel.h"

typedef gboolean (*Match) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find_widget (GtkWidget     *root,
             Match          match,
             gconstpointer  data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (match (child, data))
        return child;
      if ((found = find_widget (child, match, data)) != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_button_with_icon (GtkWidget     *widget,
                     gconstpointer  icon)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon) == 0;
}

static gboolean
is_text_view (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_TEXT_VIEW (widget);
}

static GtkWidget *
row (GtkWidget  *panel,
     const char *title)
{
  GtkWidget *found = find_widget (panel, is_row_titled, title);

  g_assert_nonnull (found);
  return found;
}

/* A button's "activate" only starts a pressed-look animation and clicks later:
 * emit "clicked" as a pointer click does. */
static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GtkWidget *
show_in_window (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 420, 768);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  return window;
}

static void
test_template (void)
{
  GtkWidget *panel = g_object_ref_sink (apmm_details_panel_new ());

  g_assert_null (apmm_details_panel_get_session (APMM_DETAILS_PANEL (panel)));
  g_assert_finalize_object (panel);
}

static void
test_fields_edit_session (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *panel = g_object_ref_sink (apmm_details_panel_new ());
  GtkWidget *window, *notes;
  GtkTextBuffer *buffer;

  apmm_session_set_organisation (session, "Northwind");
  apmm_details_panel_set_session (APMM_DETAILS_PANEL (panel), session);
  window = show_in_window (panel);

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (panel, "Organisation"))), ==, "Northwind");
  gtk_editable_set_text (GTK_EDITABLE (row (panel, "Organisation")), "Northwind Logistics");
  gtk_editable_set_text (GTK_EDITABLE (row (panel, "Facilitator")), "Sam Okafor");
  gtk_editable_set_text (GTK_EDITABLE (row (panel, "Workshop title")), "Q3 maturity check");
  g_assert_cmpstr (apmm_session_get_organisation (session), ==, "Northwind Logistics");
  g_assert_cmpstr (apmm_session_get_facilitator (session), ==, "Sam Okafor");
  g_assert_cmpstr (apmm_session_get_title (session), ==, "Q3 maturity check");

  notes = find_widget (panel, is_text_view, NULL);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes));
  gtk_text_buffer_set_text (buffer, "Board wants a verdict by June.", -1);
  g_assert_cmpstr (apmm_session_get_notes (session), ==, "Board wants a verdict by June.");

  /* Changes made elsewhere (undo, revert) show in the fields. */
  apmm_session_set_facilitator (session, "Someone Else");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (panel, "Facilitator"))), ==, "Someone Else");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (panel);
}

static void
test_date_validation (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *panel = g_object_ref_sink (apmm_details_panel_new ());
  GtkWidget *window, *date;

  apmm_session_set_date (session, "2024-05-14");
  apmm_details_panel_set_session (APMM_DETAILS_PANEL (panel), session);
  window = show_in_window (panel);
  date = row (panel, "Date (YYYY-MM-DD)");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "2024-05-14");

  gtk_editable_set_text (GTK_EDITABLE (date), "2024-02-30");
  g_assert_true (gtk_widget_has_css_class (date, "error"));
  g_assert_cmpstr (apmm_session_get_date (session), ==, "2024-05-14");

  gtk_editable_set_text (GTK_EDITABLE (date), "14/05/2024");
  g_assert_true (gtk_widget_has_css_class (date, "error"));
  g_assert_cmpstr (apmm_session_get_date (session), ==, "2024-05-14");

  /* An unrelated edit must not wipe what the user is still typing. */
  apmm_session_set_title (session, "Kick-off");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "14/05/2024");

  gtk_editable_set_text (GTK_EDITABLE (date), "2024-02-29");
  g_assert_false (gtk_widget_has_css_class (date, "error"));
  g_assert_cmpstr (apmm_session_get_date (session), ==, "2024-02-29");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (panel);
}

static void
test_participants (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *panel = g_object_ref_sink (apmm_details_panel_new ());
  GtkWidget *window, *add, *ana, *remove;

  apmm_details_panel_set_session (APMM_DETAILS_PANEL (panel), session);
  window = show_in_window (panel);
  add = row (panel, "Add participant");

  /* Enter adds, and empty names are refused. */
  gtk_editable_set_text (GTK_EDITABLE (add), "Ana");
  g_signal_emit_by_name (add, "entry-activated");
  g_assert_cmpuint (apmm_session_get_n_participants (session), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add)), ==, "");
  gtk_editable_set_text (GTK_EDITABLE (add), "   ");
  g_signal_emit_by_name (add, "entry-activated");
  g_assert_cmpuint (apmm_session_get_n_participants (session), ==, 1);

  /* So does the button. */
  gtk_editable_set_text (GTK_EDITABLE (add), "Ben");
  click (find_widget (add, is_button_with_icon, "list-add-symbolic"));
  g_assert_cmpuint (apmm_session_get_n_participants (session), ==, 2);
  g_assert_cmpstr (apmm_session_get_participant_name (session, 1), ==, "Ben");

  /* Rename in place. */
  ana = row (panel, "Participant 1");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ana)), ==, "Ana");
  gtk_editable_set_text (GTK_EDITABLE (ana), "Ana Lima");
  g_signal_emit_by_name (ana, "apply");
  g_assert_cmpstr (apmm_session_get_participant_name (session, 0), ==, "Ana Lima");

  /* Remove the first: Ben is left. */
  remove = find_widget (ana, is_button_with_icon, "user-trash-symbolic");
  g_assert_nonnull (remove);
  g_assert_nonnull (gtk_widget_get_tooltip_text (remove));
  click (remove);
  g_assert_cmpuint (apmm_session_get_n_participants (session), ==, 1);
  g_assert_cmpstr (apmm_session_get_participant_name (session, 0), ==, "Ben");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (panel, "Participant 1"))), ==, "Ben");
  g_assert_null (find_widget (panel, is_row_titled, "Participant 2"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (panel);
}

static void
test_switch_session (void)
{
  g_autoptr(ApmmSession) first = apmm_session_new ();
  g_autoptr(ApmmSession) second = apmm_session_new ();
  GtkWidget *panel = g_object_ref_sink (apmm_details_panel_new ());
  GtkWidget *window;

  apmm_session_set_organisation (first, "First");
  apmm_session_set_organisation (second, "Second");
  apmm_details_panel_set_session (APMM_DETAILS_PANEL (panel), first);
  window = show_in_window (panel);
  apmm_details_panel_set_session (APMM_DETAILS_PANEL (panel), second);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (panel, "Organisation"))), ==, "Second");

  /* The old session no longer drives the panel, nor the panel it. */
  apmm_session_set_organisation (first, "Changed");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (panel, "Organisation"))), ==, "Second");

  apmm_details_panel_set_session (APMM_DETAILS_PANEL (panel), NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (adw_bin_get_child (ADW_BIN (panel)))),
                   ==, "empty");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (panel);
}

/* The window can be as narrow as 360 px, so the page must fold to fit that
 * with a full session, the example the app ships, in it, and styled as the
 * application styles it. */
static void
test_fits_narrow_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/org/apmm/Workshop/core/examples/meridian-insurance.apmm",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_autoptr(ApmmSession) session = NULL;
  GtkWidget *page = g_object_ref_sink (apmm_details_panel_new ());
  GtkWidget *window = gtk_window_new ();
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  int minimum = 0, natural = 0;

  gtk_css_provider_load_from_resource (css, "/org/apmm/Workshop/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_assert_no_error (error);
  session = apmm_session_load_bytes (bytes, &error);
  g_assert_no_error (error);
  apmm_details_panel_set_session (APMM_DETAILS_PANEL (page), session);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_test_message ("minimum width %d, natural width %d", minimum, natural);
  g_assert_cmpint (minimum, <=, 360);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/details-panel/template", test_template);
  g_test_add_func ("/details-panel/fields-edit-session", test_fields_edit_session);
  g_test_add_func ("/details-panel/date-validation", test_date_validation);
  g_test_add_func ("/details-panel/participants", test_participants);
  g_test_add_func ("/details-panel/switch-session", test_switch_session);
  g_test_add_func ("/details-panel/fits-narrow-window", test_fits_narrow_window);

  return g_test_run ();
}
