/* test-gap-page.c — the Gap Map as the facilitator uses it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "apmm-session-file.h"

#include "apmm-assessment.h"
#include "apmm-gap-matrix.h"
#include "apmm-gap-page.h"
#include "apmm-gap-row.h"

#include "apmm-text-field.h"

#include "apmm-session-caption.h"

#include "apmm-list-culling.h"

#include "apmm-test-utils.h"

/* Evidence level 1, aiming for level 3: the level 2 and level 3 criteria are gaps. */
static ApmmSession *
new_session (void)
{
  ApmmSession *session = apmm_session_new ();

  apmm_test_set_level_status (session, 1, APMM_STATUS_MET);
  apmm_session_set_target_level (session, 3);
  return session;
}

static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child) &&
          g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return TRUE;
      if (gtk_widget_get_visible (child) && shows_text (child, text))
        return TRUE;
    }

  return FALSE;
}

/* The page's own stack: the one with a "list" view (a drop-down has its own). */
static GtkStack *
find_view_stack (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStack *found;

      if (GTK_IS_STACK (child) && gtk_stack_get_child_by_name (GTK_STACK (child), "list") != NULL)
        return GTK_STACK (child);
      if ((found = find_view_stack (child)) != NULL)
        return found;
    }

  return NULL;
}

static GtkListBox *
gap_list (GtkWidget *page)
{
  return GTK_LIST_BOX (apmm_test_find_widget (page, apmm_test_is_of_type,
                                              APMM_TEST_TYPE (GTK_TYPE_LIST_BOX)));
}

static guint
count_rows (GtkWidget *page)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (gap_list (page), n) != NULL)
    n++;
  return n;
}

/* A row as the user sees it when it is scrolled to: rows after the first
 * few are made only then (apmm-list-culling.h). */
static ApmmGapRow *
row_at (GtkWidget *page,
        guint      index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (gap_list (page), index);

  if (row != NULL)
    apmm_list_row_build (row);
  return APMM_GAP_ROW (row);
}

static const char *
row_id (GtkWidget *page,
        guint      index)
{
  return apmm_gap_row_get_criterion_id (row_at (page, index));
}

static GStrv
default_order (ApmmSession *session)
{
  g_autoptr(ApmmAssessment) assessment = apmm_assessment_new (session, apmm_model_get_default ());

  return apmm_assessment_dup_default_gap_order (assessment);
}

static void
assert_rows_follow (GtkWidget          *page,
                    const char * const *order)
{
  guint n = g_strv_length ((char **) order);

  g_assert_cmpuint (count_rows (page), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (row_id (page, i), ==, order[i]);
}

static GtkWidget *
new_page (ApmmSession *session)
{
  GtkWidget *page = g_object_ref_sink (apmm_gap_page_new ());

  apmm_gap_page_set_session (APMM_GAP_PAGE (page), session);
  return page;
}

static void
test_lists_ranked_gaps (void)
{
  g_autoptr(ApmmSession) session = new_session ();
  g_autoptr(ApmmAssessment) assessment = apmm_assessment_new (session, apmm_model_get_default ());
  GtkWidget *page = new_page (session);
  guint n = apmm_assessment_get_n_gaps (assessment);
  guint n_chasm = 0;

  g_assert_cmpuint (n, ==, apmm_model_get_level (apmm_model_get_default (), 2)->n_criteria +
                           apmm_model_get_level (apmm_model_get_default (), 3)->n_criteria);
  g_assert_cmpuint (count_rows (page), ==, n);
  for (guint i = 0; i < n; i++)
    {
      const ApmmGap *gap = apmm_assessment_get_gap (assessment, i);
      g_autofree char *rank = g_strdup_printf ("%u", i + 1);
      GtkWidget *row = GTK_WIDGET (row_at (page, i));

      g_assert_cmpstr (row_id (page, i), ==, gap->criterion->id);
      g_assert_true (shows_text (row, rank));
      g_assert_true (shows_text (row, gap->criterion->title));
      g_assert_true (shows_text (row, apmm_status_get_label (gap->status)));
      g_assert_cmpint (shows_text (row, "Crosses the Failure Chasm"), ==, gap->crosses_chasm);
      n_chasm += gap->crosses_chasm;
    }
  /* Evidence 1 is below the chasm: every level 3 gap crosses it. */
  g_assert_cmpuint (n_chasm, ==, apmm_model_get_level (apmm_model_get_default (), 3)->n_criteria);

  g_assert_finalize_object (page);
}

static void
test_move_down_persists (void)
{
  g_autoptr(ApmmSession) session = new_session ();
  g_auto(GStrv) before = default_order (session);
  GtkWidget *page = new_page (session);
  const char * const *order;
  GtkWidget *down;

  g_assert_null (apmm_session_get_gap_order (session));
  g_assert_false (gtk_widget_get_sensitive (apmm_test_find_widget (GTK_WIDGET (row_at (page, 0)),
                                                                   apmm_test_is_button_with_icon,
                                                                   "go-up-symbolic")));

  down = apmm_test_find_widget (GTK_WIDGET (row_at (page, 0)), apmm_test_is_button_with_icon,
                                "go-down-symbolic");
  g_assert_nonnull (down);
  g_signal_emit_by_name (down, "clicked");

  order = apmm_session_get_gap_order (session);
  g_assert_nonnull (order);
  g_assert_cmpuint (g_strv_length ((char **) order), ==, g_strv_length (before));
  g_assert_cmpstr (order[0], ==, before[1]);
  g_assert_cmpstr (order[1], ==, before[0]);
  for (guint i = 2; before[i] != NULL; i++)
    g_assert_cmpstr (order[i], ==, before[i]);
  assert_rows_follow (page, order);

  /* The moved row keeps its identity: the same row, now second. */
  g_assert_cmpuint (apmm_gap_row_get_rank (row_at (page, 1)), ==, 2);
  g_assert_true (shows_text (GTK_WIDGET (row_at (page, 1)), "2"));

  g_assert_finalize_object (page);
}

static void
test_reset_order (void)
{
  g_autoptr(ApmmSession) session = new_session ();
  g_auto(GStrv) recommended = default_order (session);
  GtkWidget *page = new_page (session);
  GtkWidget *reset = apmm_test_find_widget (page, apmm_test_is_button_labelled,
                                            "_Reset to Recommended Order");
  guint last = g_strv_length (recommended) - 1;

  g_assert_nonnull (reset);
  g_assert_false (gtk_widget_get_sensitive (reset));

  /* Drag the last gap onto the top half of the first row. */
  g_signal_emit_by_name (row_at (page, 0), "gap-dropped", recommended[last], FALSE);
  g_assert_cmpstr (apmm_session_get_gap_order (session)[0], ==, recommended[last]);
  g_assert_cmpstr (row_id (page, 0), ==, recommended[last]);
  g_assert_cmpstr (row_id (page, 1), ==, recommended[0]);
  g_assert_true (gtk_widget_get_sensitive (reset));

  g_signal_emit_by_name (reset, "clicked");
  g_assert_null (apmm_session_get_gap_order (session));
  assert_rows_follow (page, (const char * const *) recommended);
  g_assert_false (gtk_widget_get_sensitive (reset));

  g_assert_finalize_object (page);
}

static void
test_drop_after (void)
{
  g_autoptr(ApmmSession) session = new_session ();
  g_auto(GStrv) recommended = default_order (session);
  GtkWidget *page = new_page (session);

  /* The first gap dropped on the bottom half of the third row lands third. */
  g_signal_emit_by_name (row_at (page, 2), "gap-dropped", recommended[0], TRUE);
  g_assert_cmpstr (row_id (page, 0), ==, recommended[1]);
  g_assert_cmpstr (row_id (page, 1), ==, recommended[2]);
  g_assert_cmpstr (row_id (page, 2), ==, recommended[0]);
  g_assert_cmpstr (apmm_session_get_gap_order (session)[2], ==, recommended[0]);

  g_assert_finalize_object (page);
}

static void
test_impact_reranks (void)
{
  g_autoptr(ApmmSession) session = new_session ();
  guint n_level2 = apmm_model_get_level (apmm_model_get_default (), 2)->n_criteria;
  g_auto(GStrv) recommended = default_order (session);
  const char *last_of_level2 = recommended[n_level2 - 1];
  GtkWidget *page = new_page (session);
  GtkWidget *row = GTK_WIDGET (row_at (page, n_level2 - 1));
  GtkWidget *high;

  g_assert_cmpstr (row_id (page, n_level2 - 1), ==, last_of_level2);
  /* The first "High" button of a row is the impact picker's. */
  high = apmm_test_find_widget (row, apmm_test_is_button_labelled, "High");
  g_assert_nonnull (high);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (high), TRUE);

  g_assert_cmpuint (apmm_session_get_gap_impact (session, last_of_level2), ==, 3);
  g_assert_null (apmm_session_get_gap_order (session));
  g_assert_cmpstr (row_id (page, 0), ==, last_of_level2);
  g_assert_cmpuint (apmm_gap_row_get_rank (APMM_GAP_ROW (row)), ==, 1);

  g_assert_finalize_object (page);
}

/* Setting Impact on the row being worked in keeps it under the pointer; it
 * takes its new rank once the focus leaves the row. */
static void
test_edited_row_stays (void)
{
  g_autoptr(ApmmSession) session = new_session ();
  guint n_level2 = apmm_model_get_level (apmm_model_get_default (), 2)->n_criteria;
  g_auto(GStrv) recommended = default_order (session);
  const char *last_of_level2 = recommended[n_level2 - 1];
  GtkWidget *page = new_page (session);
  GtkWidget *window = apmm_test_show_in_window (page, 1024);
  GtkWidget *row = GTK_WIDGET (row_at (page, n_level2 - 1));
  GtkWidget *high = apmm_test_find_widget (row, apmm_test_is_button_labelled, "High");

  g_assert_true (gtk_widget_grab_focus (high));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (high), TRUE);
  g_assert_cmpuint (apmm_session_get_gap_impact (session, last_of_level2), ==, 3);
  /* Still where the pointer is. */
  g_assert_true (GTK_WIDGET (row_at (page, n_level2 - 1)) == row);

  /* Leaving the row moves it to its rank. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (row_at (page, 0))));
  apmm_test_iterate ();
  g_assert_true (GTK_WIDGET (row_at (page, 0)) == row);
  g_assert_cmpstr (row_id (page, 0), ==, last_of_level2);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
}

/* In a shown Gap Map the owner and note fields are one line high, not as
 * tall as their text laid out one letter per line. */
static void
test_fields_one_line_high (void)
{
  g_autoptr(ApmmSession) session = new_session ();
  GtkWidget *page, *window, *owner;
  const char *id;

  page = new_page (session);
  id = row_id (page, 0);
  apmm_session_set_gap_owner (session, id, "Claire Dubois");
  window = apmm_test_show_in_window (page, 1024);
  for (guint i = 0; i < 10; i++)
    apmm_test_iterate ();
  owner = apmm_test_find_widget (GTK_WIDGET (row_at (page, 0)), apmm_test_is_of_type,
                                 APMM_TEST_TYPE (APMM_TYPE_TEXT_FIELD));
  g_assert_cmpint (gtk_widget_get_height (owner), >, 10);
  g_assert_cmpint (gtk_widget_get_height (owner), <, 60);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
}

static void
test_owner_and_note (void)
{
  g_autoptr(ApmmSession) session = new_session ();
  GtkWidget *page = new_page (session);
  const char *id = g_strdup (row_id (page, 0));
  GtkWidget *owner = apmm_test_find_widget (GTK_WIDGET (row_at (page, 0)), apmm_test_is_of_type,
                                            APMM_TEST_TYPE (APMM_TYPE_TEXT_FIELD));
  g_autofree char *shown = NULL;

  apmm_text_field_set_text (APMM_TEXT_FIELD (owner), "Priya");
  g_assert_cmpstr (apmm_session_get_gap_owner (session, id), ==, "Priya");

  /* An owner is one line: a pasted line break becomes a space. */
  apmm_text_field_set_text (APMM_TEXT_FIELD (owner), "Priya\nand Sam");
  g_assert_cmpstr (apmm_session_get_gap_owner (session, id), ==, "Priya and Sam");

  /* And the other way: an edit elsewhere (say, an undo) shows up in the row. */
  apmm_session_set_gap_owner (session, id, "Sam");
  shown = apmm_text_field_dup_text (APMM_TEXT_FIELD (owner));
  g_assert_cmpstr (shown, ==, "Sam");

  g_free ((char *) id);
  g_assert_finalize_object (page);
}

static void
test_target_level (void)
{
  g_autoptr(ApmmSession) session = new_session ();
  GtkWidget *page = new_page (session);
  GtkDropDown *target = GTK_DROP_DOWN (apmm_test_find_widget (page, apmm_test_is_of_type,
                                                              APMM_TEST_TYPE (GTK_TYPE_DROP_DOWN)));
  guint n_level2 = apmm_model_get_level (apmm_model_get_default (), 2)->n_criteria;
  GListModel *levels = gtk_drop_down_get_model (target);

  /* Levels 2, 3 and 4 can be aimed for from evidence level 1. */
  g_assert_cmpuint (g_list_model_get_n_items (levels), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (levels), 0), ==, "Level 2 · AI Active");
  g_assert_cmpuint (gtk_drop_down_get_selected (target), ==, 1);

  gtk_drop_down_set_selected (target, 0);
  g_assert_cmpint (apmm_session_get_target_level (session), ==, 2);
  g_assert_cmpuint (count_rows (page), ==, n_level2);

  apmm_session_set_target_level (session, 4);
  g_assert_cmpuint (gtk_drop_down_get_selected (target), ==, 2);
  g_assert_cmpuint (count_rows (page), ==, apmm_model_get_n_criteria (apmm_model_get_default ()) -
                                            apmm_model_get_level (apmm_model_get_default (), 1)->n_criteria);

  g_assert_finalize_object (page);
}

static void
test_matrix (void)
{
  g_autoptr(ApmmSession) session = new_session ();
  GtkWidget *page = new_page (session);
  ApmmGapMatrix *matrix = APMM_GAP_MATRIX (apmm_test_find_widget (page, apmm_test_is_of_type,
                                                                  APMM_TEST_TYPE (APMM_TYPE_GAP_MATRIX)));
  guint n = count_rows (page);
  g_autofree char *id = g_strdup (row_id (page, n - 1));

  g_assert_cmpuint (apmm_gap_matrix_count_cell (matrix, 2, 2), ==, n);
  g_assert_true (shows_text (GTK_WIDGET (matrix), "Quick Wins"));

  apmm_session_set_gap_impact (session, id, 3);
  apmm_session_set_gap_effort (session, id, 1);
  g_assert_cmpuint (apmm_gap_matrix_count_cell (matrix, 3, 1), ==, 1);
  g_assert_cmpuint (apmm_gap_matrix_count_cell (matrix, 2, 2), ==, n - 1);

  g_assert_finalize_object (page);
}

static gboolean
has_tooltip (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_TOGGLE_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

static gboolean
is_chip (GtkWidget *widget, gconstpointer data)
{
  return gtk_widget_has_css_class (widget, "matrix-chip");
}

static gboolean
is_css (GtkWidget *widget, gconstpointer data)
{
  return gtk_widget_has_css_class (widget, data);
}

/* A 3×3 grid: every chip lies inside exactly one cell, the corner titles of
 * a row line up, and the Failure Chasm mark covers no rank badge. */
static void
test_matrix_grid (void)
{
  g_autoptr(ApmmSession) session = new_session ();
  GtkWidget *page = new_page (session);
  GtkWidget *window;
  GtkWidget *matrix;
  GtkWidget *chip, *rank, *mark;
  graphene_rect_t quick, major, chip_box, rank_box, mark_box;
  GtkWidget *cells[9];
  guint n_cells = 0;

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (apmm_test_find_widget (page, has_tooltip,
                                                                          "Show the gaps by impact and effort")),
                                TRUE);
  window = apmm_test_show_in_window (page, 1024);
  matrix = apmm_test_find_widget (page, apmm_test_is_of_type, APMM_TEST_TYPE (APMM_TYPE_GAP_MATRIX));
  for (GtkWidget *child = gtk_widget_get_first_child (matrix); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_has_css_class (child, "matrix-cell"))
      cells[n_cells++] = child;
  g_assert_cmpuint (n_cells, ==, 9);

  /* Each chip (all medium/medium here) lies wholly inside one cell. */
  chip = apmm_test_find_widget (matrix, is_chip, NULL);
  g_assert_true (gtk_widget_compute_bounds (chip, matrix, &chip_box));
  {
    guint inside = 0;

    for (guint i = 0; i < n_cells; i++)
      {
        graphene_rect_t cell;

        g_assert_true (gtk_widget_compute_bounds (cells[i], matrix, &cell));
        if (graphene_rect_contains_rect (&cell, &chip_box))
          inside++;
        for (guint j = i + 1; j < n_cells; j++)
          {
            graphene_rect_t other;

            g_assert_true (gtk_widget_compute_bounds (cells[j], matrix, &other));
            g_assert_false (graphene_rect_intersection (&cell, &other, NULL));
          }
      }
    g_assert_cmpuint (inside, ==, 1);
  }

  /* The titles of the top row sit at one height. */
  g_assert_true (gtk_widget_compute_bounds (apmm_test_find_widget (matrix, apmm_test_is_label_with_text,
                                                                   "Quick Wins"), matrix, &quick));
  g_assert_true (gtk_widget_compute_bounds (apmm_test_find_widget (matrix, apmm_test_is_label_with_text,
                                                                   "Major Projects"), matrix, &major));
  g_assert_cmpfloat (quick.origin.y, ==, major.origin.y);

  /* Level 3 gaps cross the chasm from evidence 1: the mark beside the rank. */
  mark = apmm_test_find_widget (matrix, is_css, "chasm-badge");
  g_assert_nonnull (mark);
  chip = gtk_widget_get_parent (mark);
  rank = apmm_test_find_widget (chip, is_css, "gap-rank");
  g_assert_true (gtk_widget_compute_bounds (rank, matrix, &rank_box));
  g_assert_true (gtk_widget_compute_bounds (mark, matrix, &mark_box));
  g_assert_false (graphene_rect_intersection (&rank_box, &mark_box, NULL));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
}

static void
test_empty_states (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *page = new_page (NULL);
  GtkStack *stack = find_view_stack (page);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_true (shows_text (page, "No Session"));

  for (guint level = 1; level <= APMM_MAX_LEVEL; level++)
    apmm_test_set_level_status (session, level, APMM_STATUS_MET);
  apmm_gap_page_set_session (APMM_GAP_PAGE (page), session);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_true (shows_text (page, "No Gaps"));
  g_assert_cmpuint (count_rows (page), ==, 0);

  /* A criterion that stops being met opens a gap, live. */
  apmm_session_set_status (session, "l4.literacy", APMM_STATUS_PARTLY);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  g_assert_cmpuint (count_rows (page), ==, 1);
  g_assert_cmpstr (row_id (page, 0), ==, "l4.literacy");

  g_assert_finalize_object (page);
}

/* A new session shows no verdict: the summary says nothing is assessed. */
static void
test_not_assessed (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *page = new_page (session);
  const char *text = "Not assessed yet: every criterion is still unknown. Rate them on the "
                     "Self-Assessment page (Alt+2) to find the evidence level and the real gaps.";

  g_assert_true (shows_text (page, text));
  /* The source's line, loaded with the model, is shown where gaps are named. */
  g_assert_true (shows_text (page, "You can’t fix what you haven’t named"));
  apmm_session_set_status (session, "l1.budget-allocated", APMM_STATUS_MET);
  g_assert_false (shows_text (page, text));
  g_assert_true (shows_text (page, "Evidence level 0 (AI Curious). 1 gap to close to reach level 1 (AI Licensed)."));

  g_assert_finalize_object (page);
}

static void
test_switch_session (void)
{
  g_autoptr(ApmmSession) first = new_session ();
  g_autoptr(ApmmSession) second = apmm_session_new ();
  GtkWidget *page = new_page (first);

  apmm_gap_page_set_session (APMM_GAP_PAGE (page), second);
  g_assert_true (apmm_gap_page_get_session (APMM_GAP_PAGE (page)) == second);
  g_assert_cmpuint (count_rows (page), ==, apmm_model_get_level (apmm_model_get_default (), 1)->n_criteria);

  /* The old session no longer drives the page. */
  apmm_session_set_target_level (first, 4);
  g_assert_cmpuint (count_rows (page), ==, apmm_model_get_level (apmm_model_get_default (), 1)->n_criteria);

  g_assert_finalize_object (page);
}

/* Out of view (another page shown in the window's stack) the page does no
 * work for an edit; shown again, it has caught up with every edit. */
static void
test_hidden_page_catches_up (void)
{
  g_autoptr(ApmmSession) session = new_session ();
  GtkWidget *page = new_page (session);
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *window;
  GtkWidget *first_row;
  g_auto(GStrv) order = NULL;

  gtk_stack_add_named (GTK_STACK (stack), gtk_label_new ("Another page"), "other");
  gtk_stack_add_named (GTK_STACK (stack), page, "gaps");
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "gaps");
  window = apmm_test_show_in_window (stack, 1024);
  first_row = GTK_WIDGET (row_at (page, 0));
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "other");
  apmm_test_iterate ();
  g_assert_false (gtk_widget_get_mapped (page));

  /* Level 2 met: its gaps close, so the first row would go. */
  apmm_test_set_level_status (session, 2, APMM_STATUS_MET);
  g_assert_true (GTK_WIDGET (row_at (page, 0)) == first_row);

  gtk_stack_set_visible_child_name (GTK_STACK (stack), "gaps");
  order = default_order (session);
  assert_rows_follow (page, (const char * const *) order);
  g_assert_cmpuint (count_rows (page), ==, apmm_model_get_level (apmm_model_get_default (), 3)->n_criteria);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
}

/* The window can be as narrow as 360 px, so the page must fold to fit that
 * with a full session, the example the app ships, in it. */
static void
test_fits_narrow_window (void)
{
  g_autoptr(ApmmSession) session = apmm_test_load_example ("meridian-insurance.apmm");
  GtkWidget *page = g_object_ref_sink (apmm_gap_page_new ());

  apmm_gap_page_set_session (APMM_GAP_PAGE (page), session);
  apmm_test_assert_fits_width (page, 360);
}

/* GTK 4.8 names a control with a mnemonic after its label, underscore and
 * all ("_List List"): the page's mnemonic controls carry names of their own. */
static void
test_accessible_names (void)
{
  g_autoptr(ApmmSession) session = new_session ();
  GtkWidget *page = new_page (session);
  GtkWidget *list, *matrix;

  /* The view toggles show their label through an AdwButtonContent. */
  list = gtk_widget_get_ancestor (apmm_test_find_widget (page, apmm_test_is_mnemonic_label, "_List"),
                                  GTK_TYPE_TOGGLE_BUTTON);
  matrix = gtk_widget_get_ancestor (apmm_test_find_widget (page, apmm_test_is_mnemonic_label, "Impact × _Effort"),
                                    GTK_TYPE_TOGGLE_BUTTON);
  apmm_test_assert_accessible_label (list, "List");
  apmm_test_assert_accessible_label (matrix, "Impact × Effort");
  apmm_test_assert_accessible_label (apmm_test_find_widget (page, apmm_test_is_button_labelled,
                                                  "_Reset to Recommended Order"),
                           "Reset to Recommended Order");
  apmm_test_assert_accessible_label (apmm_test_find_widget (page, apmm_test_is_mnemonic_label, "_Target level"),
                           "Target level");
  apmm_test_assert_accessible_label (apmm_test_find_widget (page, apmm_test_is_of_type,
                                                  APMM_TEST_TYPE (GTK_TYPE_DROP_DOWN)),
                           "Target level");

  g_assert_finalize_object (page);
}

/* The organisation and the date (in the user's format) stand under the
 * page's title, since the wide header bar shows only the view switcher. */
static void
test_session_caption (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *page;
  GtkWidget *caption;

  apmm_session_set_organisation (session, "Acme Mutual");
  apmm_session_set_date (session, "2026-05-14");
  page = new_page (session);
  caption = apmm_test_find_widget (page, apmm_test_is_of_type, APMM_TEST_TYPE (APMM_TYPE_SESSION_CAPTION));
  g_assert_nonnull (caption);
  g_assert_cmpstr (apmm_session_caption_get_text (APMM_SESSION_CAPTION (caption)), ==, "Acme Mutual · 14 May 2026");
  apmm_session_set_organisation (session, "Acme Re");
  g_assert_cmpstr (apmm_session_caption_get_text (APMM_SESSION_CAPTION (caption)), ==, "Acme Re · 14 May 2026");

  g_assert_finalize_object (page);
}

/* The rows after the first few are made when they first come near the
 * view (docs/performance.md): until then a screen reader can still name
 * them, and once scrolled to they show their gap, its text painted. */
static void
test_rows_made_in_view (void)
{
  g_autoptr(ApmmSession) session = new_session ();
  g_autoptr(ApmmAssessment) assessment = apmm_assessment_new (session, apmm_model_get_default ());
  GtkWidget *page = new_page (session);
  guint n = apmm_assessment_get_n_gaps (assessment);
  const ApmmGap *gap = apmm_assessment_get_gap (assessment, n - 1);
  g_autofree char *name = g_strdup_printf ("Gap %u: %s", n, gap->criterion->title);
  GtkWidget *window, *first, *last;

  window = apmm_test_show_in_window (page, 1024);
  apmm_test_wait_for_frame (page);
  first = GTK_WIDGET (gtk_list_box_get_row_at_index (gap_list (page), 0));
  last = GTK_WIDGET (gtk_list_box_get_row_at_index (gap_list (page), n - 1));
  g_assert_true (apmm_list_row_is_built (GTK_LIST_BOX_ROW (first)));
  g_assert_false (apmm_list_row_is_built (GTK_LIST_BOX_ROW (last)));
  g_assert_false (shows_text (last, gap->criterion->title));
  apmm_test_assert_accessible_label (last, name);

  apmm_test_assert_draws_rows_in_view (first, last);
  g_assert_true (apmm_list_row_is_built (GTK_LIST_BOX_ROW (last)));
  g_assert_true (shows_text (last, gap->criterion->title));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/gap-page/lists-ranked-gaps", test_lists_ranked_gaps);
  g_test_add_func ("/gap-page/move-down-persists", test_move_down_persists);
  g_test_add_func ("/gap-page/reset-order", test_reset_order);
  g_test_add_func ("/gap-page/drop-after", test_drop_after);
  g_test_add_func ("/gap-page/impact-reranks", test_impact_reranks);
  g_test_add_func ("/gap-page/edited-row-stays", test_edited_row_stays);
  g_test_add_func ("/gap-page/fields-one-line-high", test_fields_one_line_high);
  g_test_add_func ("/gap-page/owner-and-note", test_owner_and_note);
  g_test_add_func ("/gap-page/target-level", test_target_level);
  g_test_add_func ("/gap-page/matrix", test_matrix);
  g_test_add_func ("/gap-page/matrix-grid", test_matrix_grid);
  g_test_add_func ("/gap-page/empty-states", test_empty_states);
  g_test_add_func ("/gap-page/not-assessed", test_not_assessed);
  g_test_add_func ("/gap-page/switch-session", test_switch_session);
  g_test_add_func ("/gap-page/hidden-page-catches-up", test_hidden_page_catches_up);
  g_test_add_func ("/gap-page/fits-narrow-window", test_fits_narrow_window);
  g_test_add_func ("/gap-page/accessible-names", test_accessible_names);
  g_test_add_func ("/gap-page/rows-made-in-view", test_rows_made_in_view);

  g_test_add_func ("/gap-page/session-caption", test_session_caption);
  return g_test_run ();
}
