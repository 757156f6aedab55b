/* test-presentation.c — F5 to Escape: the audience window, its keys, the
 * presenter console, live ratings on the wall, zoom and full screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "apmm-audience-window.h"
#include "apmm-drafts.h"
#include "apmm-session-file.h"
#include "apmm-test-utils.h"
#include "apmm-window-private.h"

typedef struct {
  char        *tmpdir;
  ApmmWindow  *window;
} Fixture;

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *drafts_path = NULL;
  g_autofree char *example = g_build_filename (SRC_ROOT, "data", "examples", "meridian-insurance.apmm", NULL);
  g_autoptr(GFile) drafts = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (example);

  f->tmpdir = g_dir_make_tmp ("apmm-present-XXXXXX", NULL);
  drafts_path = g_build_filename (f->tmpdir, "drafts", NULL);
  drafts = g_file_new_for_path (drafts_path);
  apmm_drafts_set_dir (drafts);

  f->window = apmm_window_new (NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  apmm_window_load_file (f->window, file);
  while (apmm_window_is_loading (f->window))
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (apmm_window_get_session (f->window));
  iterate (50);
}

static ApmmAudienceWindow *
find_audience (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  ApmmAudienceWindow *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (APMM_IS_AUDIENCE_WINDOW (l->data) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  ApmmAudienceWindow *audience = find_audience ();

  if (audience != NULL)
    gtk_window_destroy (GTK_WINDOW (audience));
  f->window->close_confirmed = TRUE;
  g_object_ref (f->window);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->window);
  apmm_drafts_set_dir (NULL);
  g_rmdir (f->tmpdir);
  g_free (f->tmpdir);
}

static ApmmAudienceWindow *
start (Fixture    *f,
       const char *action)
{
  ApmmAudienceWindow *audience;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), action, NULL));
  iterate (100);
  audience = find_audience ();
  g_assert_nonnull (audience);
  return audience;
}

static void
key (ApmmAudienceWindow *audience,
     guint               keyval)
{
  g_assert_true (apmm_audience_window_handle_key (audience, keyval, 0));
}

static const char *
current_id (ApmmAudienceWindow *audience)
{
  return apmm_slide_deck_get_slide (apmm_audience_window_get_deck (audience),
                                    apmm_audience_window_get_index (audience))->id;
}

static void
test_keys (Fixture       *f,
           gconstpointer  data)
{
  ApmmAudienceWindow *audience;
  const char *next_keys[] = { "Right", "Down", "Page_Down", "space", "Return" };
  const char *previous_keys[] = { "Left", "Up", "Page_Up", "BackSpace" };
  guint n;

  adw_view_stack_set_visible_child_name (f->window->view_stack, "gaps");
  audience = start (f, "win.present");
  n = apmm_slide_deck_get_n_slides (apmm_audience_window_get_deck (audience));
  g_assert_cmpint (apmm_audience_window_get_index (audience), ==, 0);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (audience)), ==, "Slide 1 of 15: Meridian Insurance");

  for (guint i = 0; i < G_N_ELEMENTS (next_keys); i++)
    key (audience, gdk_keyval_from_name (next_keys[i]));
  g_assert_cmpint (apmm_audience_window_get_index (audience), ==, 5);
  for (guint i = 0; i < G_N_ELEMENTS (previous_keys); i++)
    key (audience, gdk_keyval_from_name (previous_keys[i]));
  g_assert_cmpint (apmm_audience_window_get_index (audience), ==, 1);
  key (audience, GDK_KEY_End);
  g_assert_cmpint (apmm_audience_window_get_index (audience), ==, n - 1);
  key (audience, GDK_KEY_Right);  /* no further than the end */
  g_assert_cmpint (apmm_audience_window_get_index (audience), ==, n - 1);
  key (audience, GDK_KEY_Home);
  g_assert_cmpint (apmm_audience_window_get_index (audience), ==, 0);

  /* A number, then Return, jumps. */
  key (audience, GDK_KEY_1);
  key (audience, GDK_KEY_2);
  key (audience, GDK_KEY_Return);
  g_assert_cmpstr (current_id (audience), ==, "ladder");

  /* B or . blanks; the next key brings the slide back, on the same slide. */
  key (audience, GDK_KEY_b);
  g_assert_cmpint (apmm_audience_window_get_blank (audience), ==, APMM_SLIDE_VIEW_BLACK);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (audience)), ==, "Black screen");
  key (audience, GDK_KEY_Right);
  g_assert_cmpint (apmm_audience_window_get_blank (audience), ==, APMM_SLIDE_VIEW_SLIDE);
  g_assert_cmpstr (current_id (audience), ==, "ladder");
  key (audience, GDK_KEY_period);
  g_assert_cmpint (apmm_audience_window_get_blank (audience), ==, APMM_SLIDE_VIEW_BLACK);
  key (audience, GDK_KEY_w);
  g_assert_cmpint (apmm_audience_window_get_blank (audience), ==, APMM_SLIDE_VIEW_WHITE);
  key (audience, GDK_KEY_comma);
  g_assert_cmpint (apmm_audience_window_get_blank (audience), ==, APMM_SLIDE_VIEW_SLIDE);

  /* Escape leaves, back on the page the presentation started from. */
  adw_view_stack_set_visible_child_name (f->window->view_stack, "explorer");
  key (audience, GDK_KEY_Escape);
  iterate (100);
  g_assert_null (find_audience ());
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->view_stack), ==, "gaps");
}

static void
test_present_from_page (Fixture       *f,
                        gconstpointer  data)
{
  ApmmAudienceWindow *audience;

  adw_view_stack_set_visible_child_name (f->window->view_stack, "gaps");
  audience = start (f, "win.present-current");
  g_assert_cmpstr (current_id (audience), ==, "gaps");
  key (audience, GDK_KEY_Escape);
  iterate (50);

  adw_view_stack_set_visible_child_name (f->window->view_stack, "roadmap");
  audience = start (f, "win.present-current");
  g_assert_cmpstr (current_id (audience), ==, "entry-point");
}

/* A rating made in the main window reaches the wall at once. */
static void
test_live_rating (Fixture       *f,
                  gconstpointer  data)
{
  ApmmAudienceWindow *audience = start (f, "win.present");
  ApmmSession *session = apmm_window_get_session (f->window);
  const char *level3[] = { "l3.output-monitoring", "l3.rollback", "l3.cost-tracked", "l3.slo-reviewed",
                           "l3.two-people", "l3.cost-capped", "l3.failure-process" };
  GtkWindow *console = apmm_audience_window_get_console (audience);
  GtkDropDown *criterion, *status;

  apmm_audience_window_go_to (audience, apmm_slide_deck_find (apmm_audience_window_get_deck (audience), "ladder"));
  g_assert_true (g_str_has_prefix (apmm_slide_deck_get_slide (apmm_audience_window_get_deck (audience),
                                                              apmm_audience_window_get_index (audience))->lead,
                                   "Evidence: Level 2"));
  for (guint i = 0; i < G_N_ELEMENTS (level3); i++)
    apmm_session_set_status (session, level3[i], APMM_STATUS_MET);
  g_assert_cmpstr (current_id (audience), ==, "ladder");
  g_assert_true (g_str_has_prefix (apmm_slide_deck_get_slide (apmm_audience_window_get_deck (audience),
                                                              apmm_audience_window_get_index (audience))->lead,
                                   "Evidence: Level 3"));

  /* On a prompt's slide, Rate live offers the criterion the prompt informs. */
  apmm_audience_window_go_to (audience, apmm_slide_deck_find (apmm_audience_window_get_deck (audience),
                                                              "prompt-failure"));
  criterion = GTK_DROP_DOWN (apmm_test_find_widget (GTK_WIDGET (console), apmm_test_is_of_type,
                                                    APMM_TEST_TYPE (GTK_TYPE_DROP_DOWN)));
  g_assert_cmpstr (apmm_model_get_criterion (apmm_model_get_default (),
                                             gtk_drop_down_get_selected (criterion))->id, ==,
                   apmm_model_lookup_prompt (apmm_model_get_default (), "failure")->informs[0]);
  apmm_audience_window_go_to (audience, apmm_slide_deck_find (apmm_audience_window_get_deck (audience), "ladder"));

  /* And the console rates live: the first criterion set to Not met drops the level. */
  criterion = GTK_DROP_DOWN (apmm_test_find_widget (GTK_WIDGET (console), apmm_test_is_of_type,
                                                    APMM_TEST_TYPE (GTK_TYPE_DROP_DOWN)));
  status = GTK_DROP_DOWN (apmm_test_find_nth (GTK_WIDGET (console), apmm_test_is_of_type,
                                              APMM_TEST_TYPE (GTK_TYPE_DROP_DOWN), 1));
  gtk_drop_down_set_selected (criterion, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (status), ==, 3);  /* Met */
  gtk_drop_down_set_selected (status, 1);  /* Not met */
  g_assert_cmpint (apmm_session_get_status (session, "l1.tools-purchased"), ==, APMM_STATUS_NOT_MET);
  g_assert_true (g_str_has_prefix (apmm_slide_deck_get_slide (apmm_audience_window_get_deck (audience),
                                                              apmm_audience_window_get_index (audience))->lead,
                                   "Evidence: Level 0"));
}

static gboolean
is_reveal (GtkWidget     *widget,
           gconstpointer  data)
{
  return GTK_IS_TOGGLE_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Reveal Votes") == 0;
}

static void
test_console (Fixture       *f,
              gconstpointer  data)
{
  ApmmAudienceWindow *audience = start (f, "win.present");
  ApmmSession *session = apmm_window_get_session (f->window);
  GtkWindow *console = apmm_audience_window_get_console (audience);
  GtkToggleButton *reveal;
  const char *title;
  gint64 planned;

  /* One monitor: the console is one key away. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (console)));
  key (audience, GDK_KEY_c);
  iterate (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (console)));
  g_assert_nonnull (apmm_test_find_widget (GTK_WIDGET (console), apmm_test_is_label_with_text,
                                           "Slide 1 of 15"));
  {
    int min_width = 0;

    /* It fits a 1024-pixel laptop screen, window frame and all. */
    gtk_widget_measure (GTK_WIDGET (console), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
    g_assert_cmpint (min_width, <=, 1000);
  }

  /* The private notes of the gaps slide name the owners; the wall does not. */
  apmm_audience_window_go_to (audience, apmm_slide_deck_find (apmm_audience_window_get_deck (audience), "gaps"));
  g_assert_nonnull (apmm_test_find_widget (GTK_WIDGET (console), apmm_test_is_label_with_text,
                                           apmm_slide_deck_get_slide (apmm_audience_window_get_deck (audience),
                                                                      apmm_audience_window_get_index (audience))->notes));

  /* Reveal votes. */
  apmm_session_set_votes_hidden (session, TRUE);
  reveal = GTK_TOGGLE_BUTTON (apmm_test_find_widget (GTK_WIDGET (console), is_reveal, NULL));
  g_assert_false (gtk_toggle_button_get_active (reveal));
  gtk_toggle_button_set_active (reveal, TRUE);
  g_assert_false (apmm_session_get_votes_hidden (session));

  /* The segment timer: T starts and pauses it, S shows it on the wall. */
  apmm_audience_window_go_to (audience, apmm_slide_deck_find (apmm_audience_window_get_deck (audience), "level-1"));
  g_assert_true (apmm_audience_window_get_segment (audience, &title, &planned));
  g_assert_cmpstr (title, ==, "The five levels");
  g_assert_cmpint (planned, ==, 30 * 60);
  g_assert_false (apmm_audience_window_get_timer_running (audience));
  key (audience, GDK_KEY_t);
  g_assert_true (apmm_audience_window_get_timer_running (audience));
  key (audience, GDK_KEY_t);
  g_assert_false (apmm_audience_window_get_timer_running (audience));
  g_assert_false (apmm_audience_window_get_timer_shown (audience));
  key (audience, GDK_KEY_s);
  g_assert_true (apmm_audience_window_get_timer_shown (audience));
}

static gboolean
is_slide_control (GtkWidget     *widget,
                  gconstpointer  data)
{
  const char *id = g_object_get_data (G_OBJECT (widget), "slide-id");
  const char *kind = strchr (data, ':');

  if (id == NULL || strncmp (id, data, kind - (const char *) data) != 0 ||
      id[kind - (const char *) data] != '\0')
    return FALSE;
  if (strcmp (kind, ":shown") == 0)
    return GTK_IS_CHECK_BUTTON (widget);
  return GTK_IS_BUTTON (widget) &&
         GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "move")) == (strcmp (kind, ":up") == 0 ? -1 : 1);
}

/* The facilitator hides and moves slides from the console; the session keeps it. */
static void
test_hide_and_move (Fixture       *f,
                    gconstpointer  data)
{
  ApmmAudienceWindow *audience = start (f, "win.present");
  ApmmSession *session = apmm_window_get_session (f->window);
  GtkWidget *console = GTK_WIDGET (apmm_audience_window_get_console (audience));
  GtkWidget *shown = apmm_test_find_widget (console, is_slide_control, "chasm:shown");
  GtkWidget *up;

  g_assert_nonnull (shown);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (shown)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (shown), FALSE);
  g_assert_true (apmm_presentation_is_hidden (apmm_session_get_presentation (session), "chasm"));
  g_assert_cmpuint (apmm_slide_deck_get_n_slides (apmm_audience_window_get_deck (audience)), ==,
                    APMM_SLIDE_N_SLIDES - 1);
  g_assert_cmpint (apmm_slide_deck_find (apmm_audience_window_get_deck (audience), "chasm"), ==, -1);
  iterate (50);

  up = apmm_test_find_widget (console, is_slide_control, "ladder:up");
  g_assert_nonnull (up);
  apmm_test_click (up);
  g_assert_cmpstr (apmm_presentation_get_order (apmm_session_get_presentation (session))[10], ==, "ladder");
  g_assert_cmpint (apmm_slide_deck_find (apmm_audience_window_get_deck (audience), "ladder"), ==,
                   apmm_slide_deck_find (apmm_audience_window_get_deck (audience), "vote") - 1);
  iterate (50);

  /* The first slide cannot move up. */
  g_assert_false (gtk_widget_get_sensitive (apmm_test_find_widget (console, is_slide_control, "title:up")));

  /* Undo in the main window brings the ladder back after the vote. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpint (apmm_slide_deck_find (apmm_audience_window_get_deck (audience), "ladder"), ==,
                   apmm_slide_deck_find (apmm_audience_window_get_deck (audience), "vote") + 1);
}

static gboolean
is_segment_control (GtkWidget     *widget,
                    gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data)) &&
         g_object_get_data (G_OBJECT (widget), "segment") == GUINT_TO_POINTER (1);
}

/* The agenda is edited in the console; the timer follows, the session keeps it. */
static void
test_agenda (Fixture       *f,
             gconstpointer  data)
{
  ApmmAudienceWindow *audience = start (f, "win.present");
  ApmmSession *session = apmm_window_get_session (f->window);
  GtkWidget *console = GTK_WIDGET (apmm_audience_window_get_console (audience));
  GtkWidget *minutes = apmm_test_find_widget (console, is_segment_control, APMM_TEST_TYPE (GTK_TYPE_SPIN_BUTTON));
  GtkWidget *title = apmm_test_find_widget (console, is_segment_control, APMM_TEST_TYPE (GTK_TYPE_ENTRY));
  g_autoptr(GPtrArray) agenda = NULL;
  const char *segment;
  gint64 planned;

  g_assert_false (apmm_presentation_has_agenda (apmm_session_get_presentation (session)));
  g_assert_nonnull (apmm_test_find_widget (console, apmm_test_is_label_with_text, "3 h 30 min in all"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (minutes), 40);
  gtk_editable_set_text (GTK_EDITABLE (title), "Levels, with examples");
  g_signal_emit_by_name (title, "activate");
  iterate (50);

  agenda = apmm_presentation_dup_agenda (apmm_session_get_presentation (session));
  g_assert_cmpuint (((ApmmAgendaSegment *) agenda->pdata[1])->minutes, ==, 40);
  g_assert_cmpstr (((ApmmAgendaSegment *) agenda->pdata[1])->title, ==, "Levels, with examples");
  g_assert_nonnull (apmm_test_find_widget (console, apmm_test_is_label_with_text, "3 h 40 min in all"));
  /* The rows being edited stay: the spin button still has the console. */
  g_assert_true (gtk_widget_get_parent (minutes) != NULL && gtk_widget_get_root (minutes) == GTK_ROOT (console));

  apmm_audience_window_go_to (audience, apmm_slide_deck_find (apmm_audience_window_get_deck (audience), "level-2"));
  g_assert_true (apmm_audience_window_get_segment (audience, &segment, &planned));
  g_assert_cmpstr (segment, ==, "Levels, with examples");
  g_assert_cmpint (planned, ==, 40 * 60);
}

static void
test_two_monitors (Fixture       *f,
                   gconstpointer  data)
{
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  ApmmAudienceWindow *audience;
  GdkMonitor *mine;

  if (g_list_model_get_n_items (monitors) < 2)
    {
      g_test_skip ("the display has one monitor");
      return;
    }
  audience = start (f, "win.present");
  mine = gdk_display_get_monitor_at_surface (gdk_display_get_default (),
                                             gtk_native_get_surface (GTK_NATIVE (f->window)));
  g_assert_nonnull (apmm_audience_window_get_monitor (audience));
  g_assert_true (apmm_audience_window_get_monitor (audience) != mine);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (apmm_audience_window_get_console (audience))));
}

static void
test_zoom (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *label = apmm_test_find_widget (GTK_WIDGET (f->window), apmm_test_is_of_type,
                                            APMM_TEST_TYPE (GTK_TYPE_LABEL));
  int before, after;

  g_settings_set_double (settings, "text-scale", 1.0);
  iterate (50);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, -1, NULL, &before, NULL, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.zoom-in", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.zoom-in", NULL));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "text-scale"), 1.2, 0.001);
  iterate (50);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, -1, NULL, &after, NULL, NULL);
  g_assert_cmpint (after, >, before);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.zoom-out", NULL));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "text-scale"), 1.1, 0.001);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.zoom-reset", NULL));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "text-scale"), 1.0, 0.001);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/presentation/keys", test_keys);
  ADD ("/presentation/present-from-page", test_present_from_page);
  ADD ("/presentation/live-rating", test_live_rating);
  ADD ("/presentation/console", test_console);
  ADD ("/presentation/hide-and-move", test_hide_and_move);
  ADD ("/presentation/agenda", test_agenda);
  ADD ("/presentation/two-monitors", test_two_monitors);
  ADD ("/presentation/zoom", test_zoom);
#undef ADD

  return g_test_run ();
}
