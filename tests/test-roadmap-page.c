/* test-roadmap-page.c — the Roadmap page as the facilitator uses it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "apmm-session-file.h"

#include "apmm-action-row.h"
#include "apmm-assessment.h"
#include "apmm-history.h"
#include "apmm-roadmap-page.h"

static void
set_level (ApmmSession *session,
           guint        level,
           ApmmStatus   status)
{
  const ApmmLevel *info = apmm_model_get_level (apmm_model_get_default (), level);

  for (guint i = 0; i < info->n_criteria; i++)
    apmm_session_set_status (session, info->criteria[i]->id, status);
}

typedef gboolean (*Match) (GtkWidget *widget, gconstpointer data);

static void
collect (GtkWidget *root,
         Match      match,
         gconstpointer data,
         GPtrArray *out)
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

static GtkWidget *
find_nth (GtkWidget     *root,
          Match          match,
          gconstpointer  data,
          guint          n)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (root, match, data, found);
  return n < found->len ? g_ptr_array_index (found, n) : NULL;
}

static gboolean
is_type (GtkWidget *widget, gconstpointer data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

static gboolean
has_label (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

static gboolean
has_tooltip (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

static gboolean
has_icon (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), data) == 0;
}

static gboolean
has_placeholder (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_ENTRY (widget) && g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (widget)), data) == 0;
}

static gboolean
is_check_for (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_CHECK_BUTTON (widget) &&
         g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), data) == 0;
}

static gboolean
shows_text (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

/* Depth first, the page's lists come in reading order: entry points, gaps
 * without an action, actions. */
static GtkListBox *
list_at (GtkWidget *page,
         guint      n)
{
  return GTK_LIST_BOX (find_nth (page, is_type, GSIZE_TO_POINTER (GTK_TYPE_LIST_BOX), n));
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

#define entry_points(page) list_at (page, 0)
#define uncovered(page) list_at (page, 1)
#define actions(page) list_at (page, 2)

static GtkWidget *
action_row (GtkWidget *page,
            guint      index)
{
  return GTK_WIDGET (gtk_list_box_get_row_at_index (actions (page), index));
}

static GtkWidget *
new_page (ApmmSession *session)
{
  GtkWidget *page = g_object_ref_sink (apmm_roadmap_page_new ());

  apmm_roadmap_page_set_session (APMM_ROADMAP_PAGE (page), session);
  return page;
}

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static void
test_entry_points (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  ApmmModel *model = apmm_model_get_default ();
  GtkWidget *page = new_page (session);
  g_autofree char *expected = NULL;

  /* A new session knows nothing: the level cannot be pinned down. */
  g_assert_cmpuint (count_rows (entry_points (page)), ==, 1);
  g_assert_nonnull (find_nth (GTK_WIDGET (entry_points (page)), shows_text,
                              apmm_model_lookup_entry_point (model, "diagnostic-sprint")->name, 0));

  set_level (session, 1, APMM_STATUS_MET);
  set_level (session, 2, APMM_STATUS_MET);
  set_level (session, 3, APMM_STATUS_NOT_MET);
  expected = g_strdup_printf ("Evidence level 2 (%s) → %s or %s",
                              apmm_model_get_level (model, 2)->name,
                              apmm_model_lookup_entry_point (model, "pilot-rescue")->name,
                              apmm_model_lookup_entry_point (model, "feature-sprint")->name);
  g_assert_nonnull (find_nth (page, shows_text, expected, 0));
  g_assert_cmpuint (count_rows (entry_points (page)), ==, 2);
  g_assert_nonnull (find_nth (GTK_WIDGET (entry_points (page)), shows_text,
                              apmm_model_lookup_entry_point (model, "pilot-rescue")->description, 0));

  /* One unknown criterion of level 3 makes it inconclusive again. */
  apmm_session_set_status (session, "l3.rollback", APMM_STATUS_UNKNOWN);
  g_assert_null (find_nth (page, shows_text, expected, 0));
  g_assert_cmpuint (count_rows (entry_points (page)), ==, 1);

  g_assert_finalize_object (page);
}

static gboolean
label_starts_with (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), data);
}

static void
test_inconclusive_text (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *page = new_page (session);
  g_autofree char *prefix = NULL;

  prefix = g_strdup_printf ("Inconclusive — start with the %s",
                            apmm_model_lookup_entry_point (apmm_model_get_default (),
                                                           "diagnostic-sprint")->name);
  g_assert_nonnull (find_nth (page, label_starts_with, prefix, 0));

  g_assert_finalize_object (page);
}

static void
test_draft_from_gaps (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(ApmmHistory) history = NULL;
  g_autoptr(ApmmAssessment) assessment = NULL;
  GtkWidget *page;
  GtkWidget *draft;
  guint n_gaps;

  set_level (session, 1, APMM_STATUS_MET);
  apmm_session_set_target_level (session, 3);
  assessment = apmm_assessment_new (session, apmm_model_get_default ());
  n_gaps = apmm_assessment_get_n_gaps (assessment);
  history = apmm_history_new (session);
  page = new_page (session);
  draft = find_nth (page, has_label, "_Draft from Gaps", 0);

  g_assert_cmpuint (count_rows (uncovered (page)), ==, n_gaps);
  g_assert_true (gtk_widget_get_sensitive (draft));

  click (draft);
  g_assert_cmpuint (apmm_session_get_n_actions (session), ==, n_gaps);
  g_assert_cmpuint (count_rows (actions (page)), ==, n_gaps);
  for (guint i = 0; i < n_gaps; i++)
    {
      const ApmmGap *gap = apmm_assessment_get_gap (assessment, i);
      const ApmmAction *action = apmm_session_get_action (session, i);

      g_assert_true (apmm_action_covers (action, gap->criterion->id));
      g_assert_cmpstr (apmm_action_row_get_action_id (APMM_ACTION_ROW (action_row (page, i))), ==, action->id);
    }
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (uncovered (page))));
  g_assert_nonnull (find_nth (page, shows_text, "Every open gap has an action.", 0));
  g_assert_false (gtk_widget_get_sensitive (draft));

  /* A second press finds nothing left to draft. */
  click (draft);
  g_assert_cmpuint (apmm_session_get_n_actions (session), ==, n_gaps);

  /* The whole draft is one step to undo. */
  apmm_history_undo (history);
  g_assert_cmpuint (apmm_session_get_n_actions (session), ==, 0);
  g_assert_cmpuint (count_rows (actions (page)), ==, 0);
  g_assert_cmpuint (count_rows (uncovered (page)), ==, n_gaps);

  g_assert_finalize_object (page);
}

static void
test_uncovered_flags (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *page = new_page (session);
  const ApmmAction *action;
  GtkDropDown *status;

  /* Evidence 0, target 1: both level 1 criteria are flagged. */
  g_assert_cmpuint (count_rows (uncovered (page)), ==, 2);

  click (find_nth (GTK_WIDGET (uncovered (page)), has_label, "_Add Action", 0));
  g_assert_cmpuint (apmm_session_get_n_actions (session), ==, 1);
  action = apmm_session_get_action (session, 0);
  g_assert_true (apmm_action_covers (action, "l1.tools-purchased"));
  g_assert_cmpuint (count_rows (uncovered (page)), ==, 1);

  /* A dropped action closes nothing: its gap is flagged again. */
  status = GTK_DROP_DOWN (find_nth (action_row (page, 0), is_type, GSIZE_TO_POINTER (GTK_TYPE_DROP_DOWN), 0));
  gtk_drop_down_set_selected (status, APMM_ACTION_DROPPED);
  g_assert_cmpint (apmm_session_get_action (session, 0)->status, ==, APMM_ACTION_DROPPED);
  g_assert_cmpuint (count_rows (uncovered (page)), ==, 2);

  g_assert_finalize_object (page);
}

static void
test_add_and_remove (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *page = new_page (session);
  g_autofree char *second = NULL;

  g_assert_cmpuint (count_rows (actions (page)), ==, 0);
  click (find_nth (page, has_tooltip, "Add an empty action at the end of the roadmap", 0));
  click (find_nth (page, has_tooltip, "Add an empty action at the end of the roadmap", 0));
  g_assert_cmpuint (apmm_session_get_n_actions (session), ==, 2);
  g_assert_cmpuint (count_rows (actions (page)), ==, 2);
  second = g_strdup (apmm_session_get_action (session, 1)->id);

  click (find_nth (action_row (page, 0), has_icon, "user-trash-symbolic", 0));
  g_assert_cmpuint (apmm_session_get_n_actions (session), ==, 1);
  g_assert_cmpstr (apmm_session_get_action (session, 0)->id, ==, second);
  g_assert_cmpuint (count_rows (actions (page)), ==, 1);
  g_assert_cmpstr (apmm_action_row_get_action_id (APMM_ACTION_ROW (action_row (page, 0))), ==, second);

  g_assert_finalize_object (page);
}

static void
insert_action (ApmmSession *session,
               const char  *id,
               const char  *title)
{
  g_autoptr(ApmmAction) action = apmm_action_new (id, title);

  apmm_session_insert_action (session, -1, action);
}

static void
test_edit_inline (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *page = new_page (session);
  GtkWidget *row;
  GtkEditable *title;
  GtkEditable *due;
  g_autofree char *first = NULL;

  insert_action (session, "a1", "One");
  insert_action (session, "a2", "Two");
  row = action_row (page, 0);
  title = GTK_EDITABLE (find_nth (row, is_type, GSIZE_TO_POINTER (GTK_TYPE_ENTRY), 0));
  due = GTK_EDITABLE (find_nth (row, has_placeholder, "YYYY-MM-DD", 0));
  g_assert_cmpstr (gtk_editable_get_text (title), ==, "One");

  gtk_editable_set_text (title, "Name the owner");
  g_assert_cmpstr (apmm_session_get_action (session, 0)->title, ==, "Name the owner");

  /* Not a date: shown as an error and not written. */
  gtk_editable_set_text (due, "2025-02-30");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (due), "error"));
  g_assert_null (apmm_session_get_action (session, 0)->due);
  gtk_editable_set_text (due, "2025-02-28");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (due), "error"));
  g_assert_cmpstr (apmm_session_get_action (session, 0)->due, ==, "2025-02-28");

  /* Move down: the same row, now second, in the session and on screen. */
  first = g_strdup (apmm_session_get_action (session, 0)->id);
  click (find_nth (row, has_icon, "go-down-symbolic", 0));
  g_assert_cmpstr (apmm_session_get_action (session, 1)->id, ==, first);
  g_assert_true (action_row (page, 1) == row);
  g_assert_false (gtk_widget_get_sensitive (find_nth (row, has_icon, "go-down-symbolic", 0)));

  g_assert_finalize_object (page);
}

static void
test_link_criteria (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *page = new_page (session);
  const ApmmCriterion *rollback = apmm_model_lookup_criterion (apmm_model_get_default (), "l3.rollback");
  g_autofree char *chip = g_strdup_printf ("L3 · %s", rollback->title);
  GtkWidget *row;

  insert_action (session, "a1", "One");
  row = action_row (page, 0);
  g_assert_null (find_nth (row, shows_text, chip, 0));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_nth (row, is_check_for, rollback->title, 0)), TRUE);
  g_assert_true (apmm_action_covers (apmm_session_get_action (session, 0), "l3.rollback"));
  g_assert_nonnull (find_nth (row, shows_text, chip, 0));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_nth (row, is_check_for, rollback->title, 0)), FALSE);
  g_assert_false (apmm_action_covers (apmm_session_get_action (session, 0), "l3.rollback"));
  g_assert_null (find_nth (row, shows_text, chip, 0));

  g_assert_finalize_object (page);
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
  GtkWidget *page = g_object_ref_sink (apmm_roadmap_page_new ());
  GtkWidget *window = gtk_window_new ();
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  int minimum = 0, natural = 0;

  gtk_css_provider_load_from_resource (css, "/org/apmm/Workshop/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_assert_no_error (error);
  session = apmm_session_load_bytes (bytes, &error);
  g_assert_no_error (error);
  apmm_roadmap_page_set_session (APMM_ROADMAP_PAGE (page), session);
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

  g_test_add_func ("/roadmap-page/entry-points", test_entry_points);
  g_test_add_func ("/roadmap-page/inconclusive-text", test_inconclusive_text);
  g_test_add_func ("/roadmap-page/draft-from-gaps", test_draft_from_gaps);
  g_test_add_func ("/roadmap-page/uncovered-flags", test_uncovered_flags);
  g_test_add_func ("/roadmap-page/add-and-remove", test_add_and_remove);
  g_test_add_func ("/roadmap-page/edit-inline", test_edit_inline);
  g_test_add_func ("/roadmap-page/link-criteria", test_link_criteria);
  g_test_add_func ("/roadmap-page/fits-narrow-window", test_fits_narrow_window);

  return g_test_run ();
}
