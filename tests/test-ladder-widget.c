/* test-ladder-widget.c — the ladder widget follows the session, for eyes and screen readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "apmm-ladder-renderer.h"
#include "apmm-ladder-widget.h"

#define EVIDENCE_RGB 0x1a5fb4

static void
set_level (ApmmSession *session,
           guint        level)
{
  ApmmModel *model = apmm_model_get_default ();

  for (guint i = 0; i < apmm_model_get_n_criteria (model); i++)
    {
      const ApmmCriterion *c = apmm_model_get_criterion (model, i);

      apmm_session_set_status (session, c->id,
                               c->level <= level ? APMM_STATUS_MET : APMM_STATUS_NOT_MET);
    }
}

static void
assert_accessible_description (GtkWidget  *widget,
                               const char *expected)
{
  g_autofree char *mismatch =
    gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);

  g_assert_null (mismatch);
}

static GtkShortcut *
find_shortcut (GtkWidget  *widget,
               const char *trigger)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          g_autofree char *name = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (name, trigger))
            return g_steal_pointer (&shortcut);
        }
    }
  return NULL;
}

static void
press (GtkWidget  *widget,
       const char *trigger)
{
  g_autoptr(GtkShortcut) shortcut = find_shortcut (widget, trigger);

  g_assert_nonnull (shortcut);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                               GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                               gtk_shortcut_get_arguments (shortcut)));
}

static void
activated_cb (GtkWidget *widget,
              int        level,
              int       *out)
{
  *out = level;
}

static void
test_description_follows_session (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *widget = g_object_ref_sink (apmm_ladder_widget_new ());
  g_autofree char *before = NULL;
  g_autofree char *mismatch = NULL;
  const char *now;

  set_level (session, 1);
  apmm_ladder_widget_set_session (APMM_LADDER_WIDGET (widget), session);
  g_assert_true (apmm_ladder_widget_get_session (APMM_LADDER_WIDGET (widget)) == session);

  before = g_strdup (apmm_ladder_widget_get_description (APMM_LADDER_WIDGET (widget)));
  g_assert_true (g_str_has_prefix (before, "Evidence level 1, AI Licensed."));
  assert_accessible_description (widget, before);

  /* Rating the level-2 criteria met moves the evidence up, and the screen reader hears it. */
  apmm_session_set_status (session, "l2.live-real-data", APMM_STATUS_MET);
  apmm_session_set_status (session, "l2.owned-use-case", APMM_STATUS_MET);
  apmm_session_set_status (session, "l2.adoption-measured", APMM_STATUS_MET);
  now = apmm_ladder_widget_get_description (APMM_LADDER_WIDGET (widget));
  g_assert_true (g_str_has_prefix (now, "Evidence level 2, AI Active."));
  assert_accessible_description (widget, now);
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, before);
  g_assert_nonnull (mismatch);

  /* A perceived level and a target are heard too. */
  apmm_session_set_perceived_level (session, 3);
  apmm_session_set_target_level (session, 4);
  now = apmm_ladder_widget_get_description (APMM_LADDER_WIDGET (widget));
  g_assert_nonnull (strstr (now, "Perceived level 3: overestimated by 1 level."));
  g_assert_nonnull (strstr (now, "Target 4."));
  assert_accessible_description (widget, now);

  apmm_ladder_widget_set_session (APMM_LADDER_WIDGET (widget), NULL);
  g_assert_finalize_object (widget);
}

static void
test_keyboard (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *widget = g_object_ref_sink (apmm_ladder_widget_new ());
  ApmmLadderWidget *ladder = APMM_LADDER_WIDGET (widget);
  int activated = -1;

  set_level (session, 2);
  apmm_ladder_widget_set_session (ladder, session);
  g_signal_connect (widget, "level-activated", G_CALLBACK (activated_cb), &activated);
  g_assert_true (gtk_widget_get_focusable (widget));
  g_assert_cmpint (apmm_ladder_widget_get_selected_level (ladder), ==, -1);

  /* The first arrow press lands on the evidence level, the next ones move. */
  press (widget, "Up");
  g_assert_cmpint (apmm_ladder_widget_get_selected_level (ladder), ==, 2);
  press (widget, "Up");
  g_assert_cmpint (apmm_ladder_widget_get_selected_level (ladder), ==, 3);
  g_assert_nonnull (strstr (apmm_ladder_widget_get_description (ladder),
                            "Selected: Level 3, AI Reliable"));
  assert_accessible_description (widget, apmm_ladder_widget_get_description (ladder));
  g_assert_cmpint (activated, ==, -1);

  press (widget, "Return");
  g_assert_cmpint (activated, ==, 3);

  press (widget, "End");
  g_assert_cmpint (apmm_ladder_widget_get_selected_level (ladder), ==, 4);
  press (widget, "Up");
  g_assert_cmpint (apmm_ladder_widget_get_selected_level (ladder), ==, 4);
  press (widget, "Home");
  press (widget, "Down");
  g_assert_cmpint (apmm_ladder_widget_get_selected_level (ladder), ==, 0);
  press (widget, "KP_Enter");
  g_assert_cmpint (activated, ==, 0);

  g_object_set (widget, "selected-level", 1, NULL);
  g_assert_cmpint (apmm_ladder_widget_get_selected_level (ladder), ==, 1);

  apmm_ladder_widget_set_session (ladder, NULL);
  g_assert_finalize_object (widget);
}

static guint32
evidence_pixel_on_rung (GtkWidget *widget,
                        guint      level)
{
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  cairo_rectangle_t rung;
  guint32 pixel;
  double x = width * 0.664;

  /* The widget's own drawing, as GTK asks for it on every frame. */
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Just inside the top of the evidence pill, in the middle of its lane. */
  apmm_ladder_layout_get_rung_rect (width, height, level, &rung);
  pixel = *(guint32 *) (cairo_image_surface_get_data (surface)
                        + (int) (rung.y + rung.height * 0.22) * cairo_image_surface_get_stride (surface)
                        + (int) x * 4) & 0xffffff;
  cairo_surface_destroy (surface);
  return pixel;
}

static void
test_draws_live (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *widget = g_object_ref_sink (apmm_ladder_widget_new ());

  /* Without animations a change shows at once. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  set_level (session, 1);
  apmm_ladder_widget_set_session (APMM_LADDER_WIDGET (widget), session);
  gtk_window_set_child (GTK_WINDOW (window), widget);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (widget) < 1000 || gtk_widget_get_height (widget) < 700)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmphex (evidence_pixel_on_rung (widget, 1), ==, EVIDENCE_RGB);
  g_assert_cmphex (evidence_pixel_on_rung (widget, 3), !=, EVIDENCE_RGB);

  set_level (session, 3);
  g_assert_cmphex (evidence_pixel_on_rung (widget, 3), ==, EVIDENCE_RGB);
  g_assert_cmphex (evidence_pixel_on_rung (widget, 1), !=, EVIDENCE_RGB);

  gtk_window_destroy (GTK_WINDOW (window));
  apmm_ladder_widget_set_session (APMM_LADDER_WIDGET (widget), NULL);
  g_assert_finalize_object (widget);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ladder-widget/description-follows-session", test_description_follows_session);
  g_test_add_func ("/ladder-widget/keyboard", test_keyboard);
  g_test_add_func ("/ladder-widget/draws-live", test_draws_live);

  return g_test_run ();
}
