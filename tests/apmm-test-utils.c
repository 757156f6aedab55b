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

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
frame_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Until @widget's window has laid out and painted a whole frame after the
 * call: what the user sees next. */
void
apmm_test_wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gboolean timed_out = FALSE;
  guint timeout_id;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  timeout_id = g_timeout_add_seconds (10, frame_timeout_cb, &timed_out);
  while (!painted && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout_id);
  g_signal_handler_disconnect (clock, id);
}

/* How many colours GTK paints in @widget's area, rendering @ancestor as it
 * is drawn on screen (with the render nodes GTK keeps for each widget). An
 * area showing any text has many; a blank one, one. */
guint
apmm_test_count_colours (GtkWidget *ancestor,
                         GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (ancestor);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree guchar *pixels = NULL;
  int width = gtk_widget_get_width (ancestor);
  int height = gtk_widget_get_height (ancestor);
  graphene_rect_t bounds;
  int x0, y0, x1, y1;

  g_assert_true (gtk_widget_compute_bounds (widget, ancestor, &bounds));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  gsk_renderer_realize (renderer, NULL, &error);
  g_assert_no_error (error);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);

  pixels = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, pixels, (gsize) width * 4);
  x0 = CLAMP ((int) bounds.origin.x, 0, width);
  y0 = CLAMP ((int) bounds.origin.y, 0, height);
  x1 = CLAMP ((int) (bounds.origin.x + bounds.size.width), 0, width);
  y1 = CLAMP ((int) (bounds.origin.y + bounds.size.height), 0, height);
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        guint32 pixel;

        memcpy (&pixel, pixels + ((gsize) y * width + x) * 4, 4);
        g_hash_table_add (colours, GUINT_TO_POINTER (pixel));
      }
  return g_hash_table_size (colours);
}

static gboolean
is_list_of (GtkWidget     *widget,
            gconstpointer  row_class)
{
  GtkListBoxRow *first;

  if (!GTK_IS_LIST_BOX (widget))
    return FALSE;
  first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (widget), 0);
  return first != NULL && gtk_widget_has_css_class (GTK_WIDGET (first), row_class);
}

/* The @index-th row (from 0) of the list under @root whose rows have the
 * style class @row_class, whether its content is made yet or not
 * (apmm-list-culling.h). */
GtkWidget *
apmm_test_list_row (GtkWidget  *root,
                    const char *row_class,
                    guint       index)
{
  GtkWidget *list = apmm_test_find_widget (root, is_list_of, row_class);
  GtkListBoxRow *row;

  g_assert_nonnull (list);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), (int) index);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), row_class));
  return GTK_WIDGET (row);
}

/* Until @scrolled has stopped moving: GTK animates a scroll to the focus,
 * starting a frame or two after the focus moves. */
void
apmm_test_wait_for_scrolling (GtkScrolledWindow *scrolled)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  guint still = 0;

  while (still < 5)
    {
      double value = gtk_adjustment_get_value (adjustment);

      apmm_test_wait_for_frame (GTK_WIDGET (scrolled));
      still = value == gtk_adjustment_get_value (adjustment) ? still + 1 : 0;
    }
}

static void
scroll_to (GtkScrolledWindow *scrolled,
           GtkWidget         *row)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (row, GTK_WIDGET (scrolled), &bounds));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + bounds.origin.y - 12);
  apmm_test_wait_for_scrolling (scrolled);
}

/* A long list (apmm-list-culling.h) in a shown window draws the rows in
 * view, with their content, and not those far away, wherever it is
 * scrolled to: here to @first_row, then to @last_row. */
void
apmm_test_assert_draws_rows_in_view (GtkWidget *first_row,
                                     GtkWidget *last_row)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (last_row, GTK_TYPE_SCROLLED_WINDOW);

  g_assert_nonnull (scrolled);
  scroll_to (GTK_SCROLLED_WINDOW (scrolled), first_row);
  g_assert_true (gtk_widget_get_opacity (first_row) > 0);
  g_assert_cmpuint (apmm_test_count_colours (scrolled, first_row), >, 8);
  g_assert_true (gtk_widget_get_opacity (last_row) == 0);

  scroll_to (GTK_SCROLLED_WINDOW (scrolled), last_row);
  g_assert_true (gtk_widget_get_opacity (last_row) > 0);
  g_assert_cmpuint (apmm_test_count_colours (scrolled, last_row), >, 8);
  g_assert_true (gtk_widget_get_opacity (first_row) == 0);
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
