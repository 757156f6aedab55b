/* test-compare-marks.c — a baseline's and the merged groups' marks on the pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "apmm-assessment-page.h"
#include "apmm-gap-page.h"
#include "apmm-roadmap-page.h"
#include "apmm-compare.h"
#include "apmm-criterion-marks.h"
#include "apmm-criterion-row.h"
#include "apmm-merge.h"
#include "apmm-session-file.h"
#include "apmm-window.h"

#include "apmm-test-utils.h"

static gboolean
is_marks_for (GtkWidget     *widget,
              gconstpointer  id)
{
  return APMM_IS_CRITERION_MARKS (widget) &&
         g_strcmp0 (apmm_criterion_marks_get_criterion_id (APMM_CRITERION_MARKS (widget)), id) == 0;
}

static gboolean
is_row_for (GtkWidget     *widget,
            gconstpointer  id)
{
  return APMM_IS_CRITERION_ROW (widget) &&
         g_strcmp0 (apmm_criterion_row_get_criterion_id (APMM_CRITERION_ROW (widget)), id) == 0;
}

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
shown (GtkWidget *widget)
{
  return widget != NULL && gtk_widget_is_drawable (widget);
}

static ApmmSession *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ApmmSession *session = apmm_session_load_file (file, NULL, &error);

  g_assert_no_error (error);

  return session;
}

static void
test_changed_marked (void)
{
  g_autoptr(ApmmSession) session = load (TEST_DATA_DIR "/meridian-insurance-later.apmm");
  GtkWidget *page = apmm_assessment_page_new ();
  GtkWidget *window;
  GtkWidget *marks, *label;

  apmm_assessment_page_set_session (APMM_ASSESSMENT_PAGE (page), session);
  window = apmm_test_show_in_window (page, 1200);

  /* Output monitoring went from not met to met since March. */
  marks = apmm_test_find_widget (page, is_marks_for, "l3.output-monitoring");
  g_assert_true (shown (marks));
  label = apmm_test_find_widget (marks, is_label_containing, "Changed: was Not met on 2026-03-12");
  g_assert_true (shown (label));
  g_assert_true (gtk_widget_has_css_class (label, "status-up"));
  /* Cost tracked was met then and now: nothing to say. */
  g_assert_false (shown (apmm_test_find_widget (page, is_marks_for, "l3.cost-tracked")));

  /* Rating it back to not met removes the mark at once. */
  apmm_session_set_status (session, "l3.output-monitoring", APMM_STATUS_NOT_MET);
  apmm_test_iterate ();
  g_assert_false (shown (marks));
  apmm_session_set_status (session, "l3.cost-tracked", APMM_STATUS_PARTLY);
  apmm_test_iterate ();
  marks = apmm_test_find_widget (page, is_marks_for, "l3.cost-tracked");
  g_assert_true (shown (marks));
  g_assert_true (gtk_widget_has_css_class (apmm_test_find_widget (marks, is_label_containing, "Changed"),
                                           "status-down"));

  /* Undoing the baseline removes every mark. */
  apmm_session_set_baseline (session, NULL);
  apmm_test_iterate ();
  g_assert_false (shown (marks));

  gtk_window_destroy (GTK_WINDOW (window));
}

static ApmmSession *
merged_groups (void)
{
  const char *paths[] = { TEST_DATA_DIR "/groups/claims-team.apmm", TEST_DATA_DIR "/groups/it-ops.apmm",
                          TEST_DATA_DIR "/groups/data-science.apmm", NULL };
  ApmmSession *sessions[3];
  g_auto(GStrv) groups = apmm_merge_group_names (paths);
  g_autoptr(GError) error = NULL;
  ApmmSession *merged;

  for (guint i = 0; i < 3; i++)
    sessions[i] = load (paths[i]);
  merged = apmm_merge_sessions (sessions, (const char * const *) groups, 3, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    g_object_unref (sessions[i]);

  return merged;
}

static void
test_disputed_filter_and_settle (void)
{
  g_autoptr(ApmmSession) session = merged_groups ();
  GtkWidget *page = apmm_assessment_page_new ();
  GtkWidget *window, *filter, *marks, *settle;

  apmm_assessment_page_set_session (APMM_ASSESSMENT_PAGE (page), session);
  window = apmm_test_show_in_window (page, 1200);

  filter = apmm_test_find_widget (page, apmm_test_is_button_labelled, "Disputed (3)");
  g_assert_true (shown (filter));

  /* Each group's status and note, side by side. */
  marks = apmm_test_find_widget (page, is_marks_for, "l3.rollback");
  g_assert_true (shown (marks));
  g_assert_true (shown (apmm_test_find_widget (marks, apmm_test_is_label_with_text, "claims-team")));
  g_assert_true (shown (apmm_test_find_widget (marks, apmm_test_is_label_with_text, "it-ops")));
  g_assert_true (shown (apmm_test_find_widget (marks, apmm_test_is_label_with_text, "data-science")));
  g_assert_true (shown (apmm_test_find_widget (marks, apmm_test_is_label_with_text,
                                               "Rollback is a flag, not a procedure.")));

  /* The filter leaves only the disputed criteria. */
  apmm_test_click (filter);
  apmm_test_iterate ();
  g_assert_true (shown (apmm_test_find_widget (page, is_row_for, "l3.rollback")));
  g_assert_true (shown (apmm_test_find_widget (page, is_row_for, "l2.adoption-measured")));
  g_assert_false (shown (apmm_test_find_widget (page, is_row_for, "l3.cost-tracked")));
  g_assert_false (shown (apmm_test_find_widget (page, is_row_for, "l1.tools-purchased")));

  /* The room settles rollback as partly. */
  settle = apmm_test_find_widget (marks, apmm_test_is_button_labelled, "Partly");
  apmm_test_click (settle);
  apmm_test_iterate ();
  g_assert_cmpint (apmm_session_get_status (session, "l3.rollback"), ==, APMM_STATUS_PARTLY);
  g_assert_false (apmm_disputes_contains (apmm_session_get_disputes (session), "l3.rollback"));
  g_assert_false (shown (apmm_test_find_widget (page, is_row_for, "l3.rollback")));
  g_assert_true (shown (apmm_test_find_widget (page, apmm_test_is_button_labelled, "Disputed (2)")));

  /* Settling the rest turns the filter off and hides it. */
  apmm_session_settle_dispute (session, "l2.adoption-measured", APMM_STATUS_MET);
  apmm_session_settle_dispute (session, "l3.two-people", APMM_STATUS_NOT_MET);
  apmm_test_iterate ();
  g_assert_false (shown (filter));
  g_assert_true (shown (apmm_test_find_widget (page, is_row_for, "l3.cost-tracked")));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_gap_map_and_roadmap (void)
{
  g_autoptr(ApmmSession) session = load (TEST_DATA_DIR "/meridian-insurance-later.apmm");
  GtkWidget *gaps = apmm_gap_page_new ();
  GtkWidget *roadmap = apmm_roadmap_page_new ();
  GtkWidget *gaps_window, *roadmap_window, *label;

  apmm_gap_page_set_session (APMM_GAP_PAGE (gaps), session);
  apmm_roadmap_page_set_session (APMM_ROADMAP_PAGE (roadmap), session);
  gaps_window = apmm_test_show_in_window (gaps, 1200);
  roadmap_window = apmm_test_show_in_window (roadmap, 1200);

  g_assert_true (shown (apmm_test_find_widget (gaps, is_label_containing,
                                               "Compared with the session of 2026-03-12 · evidence level +1")));
  label = apmm_test_find_widget (gaps, is_label_containing, "Closed (6): Rollback procedure");
  g_assert_true (shown (label));
  g_assert_true (gtk_widget_has_css_class (label, "status-up"));
  g_assert_true (shown (apmm_test_find_widget (gaps, is_label_containing, "New (4): ")));

  g_assert_true (shown (apmm_test_find_widget (roadmap, is_label_containing, "6 of 6 earlier actions done:")));
  g_assert_true (shown (apmm_test_find_widget (roadmap, apmm_test_is_label_with_text,
                                               "✓ Fallback runbook for claims handlers")));

  /* The runbook's action is reopened and rollback is partly again: it is
   * no longer done, and the gap is open again. */
  apmm_session_set_status (session, "l3.rollback", APMM_STATUS_PARTLY);
  {
    g_autoptr(ApmmAction) action = apmm_action_copy (apmm_session_get_action (session, 0));

    action->status = APMM_ACTION_IN_PROGRESS;
    apmm_session_replace_action (session, 0, action);
  }
  apmm_test_iterate ();
  g_assert_true (shown (apmm_test_find_widget (roadmap, is_label_containing, "5 of 6 earlier actions done:")));
  g_assert_true (shown (apmm_test_find_widget (roadmap, apmm_test_is_label_with_text,
                                               "○ Fallback runbook for claims handlers")));
  g_assert_true (shown (apmm_test_find_widget (gaps, is_label_containing, "Closed (5): ")));

  /* Without a baseline the cards go. */
  apmm_session_set_baseline (session, NULL);
  apmm_test_iterate ();
  g_assert_false (shown (apmm_test_find_widget (gaps, is_label_containing, "Closed (")));
  g_assert_false (shown (apmm_test_find_widget (roadmap, is_label_containing, "earlier actions done")));

  gtk_window_destroy (GTK_WINDOW (gaps_window));
  gtk_window_destroy (GTK_WINDOW (roadmap_window));
}

/* Three groups side by side still fit a narrow window: the cards and the
 * settle buttons fold onto more lines. */
static void
test_disputes_fit_narrow (void)
{
  g_autoptr(ApmmSession) session = merged_groups ();
  GtkWidget *page = g_object_ref_sink (apmm_assessment_page_new ());

  apmm_assessment_page_set_session (APMM_ASSESSMENT_PAGE (page), session);
  apmm_test_assert_fits_width (page, 360);
}

/* Through the window, as the app shows a file: the marks are there. */
static void
test_window_shows_marks (void)
{
  ApmmWindow *window = apmm_window_new (NULL);
  g_autoptr(GFile) file = g_file_new_for_path (TEST_DATA_DIR "/meridian-insurance-later.apmm");
  GtkWidget *marks;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 900);
  gtk_window_present (GTK_WINDOW (window));
  apmm_window_load_file (window, file);
  while (apmm_window_is_loading (window))
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (apmm_window_get_session (window));
  /* A page builds its rows when first shown. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "assessment");
  apmm_test_iterate ();

  marks = apmm_test_find_widget (GTK_WIDGET (window), is_marks_for, "l3.output-monitoring");
  g_assert_nonnull (marks);
  g_assert_true (gtk_widget_get_visible (marks));
  /* In the list, right under its criterion's row. */
  g_assert_true (is_row_for (gtk_widget_get_prev_sibling (marks), "l3.output-monitoring"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/compare-marks/changed", test_changed_marked);
  g_test_add_func ("/compare-marks/disputed-filter-and-settle", test_disputed_filter_and_settle);
  g_test_add_func ("/compare-marks/gap-map-and-roadmap", test_gap_map_and_roadmap);
  g_test_add_func ("/compare-marks/disputes-fit-narrow", test_disputes_fit_narrow);
  g_test_add_func ("/compare-marks/window", test_window_shows_marks);

  return g_test_run ();
}
