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

#include "apmm-text-field.h"

#include "apmm-session-caption.h"

#include "apmm-list-culling.h"

#include "apmm-test-utils.h"

static gboolean
has_tooltip (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

static gboolean
has_tooltip_text (GtkWidget *widget, gconstpointer data)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

static gboolean
is_check_for (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_CHECK_BUTTON (widget) &&
         g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), data) == 0;
}

/* Depth first, the page's lists come in reading order: entry points, gaps
 * without an action, actions. */
static GtkListBox *
list_at (GtkWidget *page,
         guint      n)
{
  return GTK_LIST_BOX (apmm_test_find_nth (page, apmm_test_is_of_type,
                                           APMM_TEST_TYPE (GTK_TYPE_LIST_BOX), n));
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
test_entry_points (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  ApmmModel *model = apmm_model_get_default ();
  GtkWidget *page = new_page (session);
  const ApmmEntryPoint *rescue = apmm_model_lookup_entry_point (model, "pilot-rescue");
  g_autofree char *expected = NULL;

  /* A new session shows no verdict: nothing is rated yet. */
  g_assert_cmpuint (count_rows (entry_points (page)), ==, 0);
  g_assert_nonnull (apmm_test_find_nth (page, apmm_test_is_label_with_text, "Not assessed yet", 0));

  /* One rating, the rest unknown: the level cannot be pinned down. */
  apmm_session_set_status (session, "l1.tools-purchased", APMM_STATUS_MET);
  g_assert_null (apmm_test_find_nth (page, apmm_test_is_label_with_text, "Not assessed yet", 0));
  g_assert_cmpuint (count_rows (entry_points (page)), ==, 1);
  g_assert_nonnull (apmm_test_find_nth (GTK_WIDGET (entry_points (page)),
                                        apmm_test_is_label_with_text,
                                        apmm_model_lookup_entry_point (model, "diagnostic-sprint")->name, 0));

  /* Level 2: the source's one offer, "… or …", with its one description. */
  apmm_test_set_level_status (session, 1, APMM_STATUS_MET);
  apmm_test_set_level_status (session, 2, APMM_STATUS_MET);
  apmm_test_set_level_status (session, 3, APMM_STATUS_NOT_MET);
  expected = g_strdup_printf ("Evidence level 2 (%s) → %s", apmm_model_get_level (model, 2)->name,
                              rescue->offer);
  g_assert_nonnull (apmm_test_find_nth (page, apmm_test_is_label_with_text, expected, 0));
  g_assert_cmpuint (count_rows (entry_points (page)), ==, 1);
  g_assert_nonnull (apmm_test_find_nth (GTK_WIDGET (entry_points (page)),
                                        apmm_test_is_label_with_text, rescue->offer, 0));
  g_assert_nonnull (apmm_test_find_nth (GTK_WIDGET (entry_points (page)),
                                        apmm_test_is_label_with_text, rescue->description, 0));
  g_assert_null (apmm_test_find_nth (GTK_WIDGET (entry_points (page)),
                                     apmm_test_is_label_with_text, rescue->description, 1));

  /* One unknown criterion of level 3 makes it inconclusive again. */
  apmm_session_set_status (session, "l3.rollback", APMM_STATUS_UNKNOWN);
  g_assert_null (apmm_test_find_nth (page, apmm_test_is_label_with_text, expected, 0));
  g_assert_cmpuint (count_rows (entry_points (page)), ==, 1);

  g_assert_finalize_object (page);
}

/* Level 3 offers the rescue-or-sprint and the retainer: the facilitator picks
 * one, the session keeps it, and a pick the evidence outgrew is called stale. */
static void
test_entry_point_pick (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  ApmmModel *model = apmm_model_get_default ();
  GtkWidget *page = new_page (session);
  const ApmmEntryPoint *retainer = apmm_model_lookup_entry_point (model, "ops-retainer");
  GtkWidget *retainer_pick;
  GtkWidget *sprint_pick;
  g_autofree char *expected = NULL;
  g_autofree char *stale = NULL;

  apmm_test_set_level_status (session, 1, APMM_STATUS_MET);
  apmm_test_set_level_status (session, 2, APMM_STATUS_MET);
  apmm_test_set_level_status (session, 3, APMM_STATUS_MET);
  apmm_test_set_level_status (session, 4, APMM_STATUS_NOT_MET);
  g_assert_cmpuint (count_rows (entry_points (page)), ==, 2);
  g_assert_nonnull (apmm_test_find_nth (page, apmm_test_is_label_with_text,
                                        "Several entry points fit this level: pick the one you will start with.", 0));

  sprint_pick = apmm_test_find_nth (page, is_check_for,
                                    apmm_model_lookup_entry_point (model, "feature-sprint")->name, 0);
  retainer_pick = apmm_test_find_nth (page, is_check_for, "Start here", 0);
  g_assert_nonnull (sprint_pick);
  g_assert_nonnull (retainer_pick);
  apmm_test_assert_accessible_label (retainer_pick, "Start with Monthly AI Ops Retainer");

  gtk_check_button_set_active (GTK_CHECK_BUTTON (retainer_pick), TRUE);
  g_assert_cmpstr (apmm_session_get_entry_point (session), ==, "ops-retainer");
  expected = g_strdup_printf ("Evidence level 3 (%s) → %s", apmm_model_get_level (model, 3)->name,
                              retainer->name);
  g_assert_nonnull (apmm_test_find_nth (page, apmm_test_is_label_with_text, expected, 0));
  /* The same buttons, not rebuilt ones: the focus stays put. */
  g_assert_true (apmm_test_find_nth (page, is_check_for, "Start here", 0) == retainer_pick);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (sprint_pick)));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (sprint_pick), TRUE);
  g_assert_cmpstr (apmm_session_get_entry_point (session), ==, "feature-sprint");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (retainer_pick)));

  /* The evidence drops to level 2: the pick stays in the session, but the
   * retainer no longer fits. */
  apmm_session_set_entry_point (session, "ops-retainer");
  apmm_session_set_status (session, "l3.rollback", APMM_STATUS_NOT_MET);
  stale = g_strdup_printf ("Earlier pick “%s” no longer fits the evidence, so it is ignored. "
                           "Pick again below.", retainer->name);
  g_assert_nonnull (apmm_test_find_nth (page, apmm_test_is_label_with_text, stale, 0));
  g_assert_cmpstr (apmm_session_get_entry_point (session), ==, "ops-retainer");

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

  apmm_session_set_status (session, "l1.tools-purchased", APMM_STATUS_MET);
  prefix = g_strdup_printf ("Inconclusive — start with the %s",
                            apmm_model_lookup_entry_point (apmm_model_get_default (),
                                                           "diagnostic-sprint")->name);
  g_assert_nonnull (apmm_test_find_nth (page, label_starts_with, prefix, 0));

  g_assert_finalize_object (page);
}

static void
test_draft_from_gaps (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(ApmmAssessment) assessment = NULL;
  ApmmHistory *history;
  GtkWidget *page;
  GtkWidget *draft;
  guint n_gaps;

  apmm_test_set_level_status (session, 1, APMM_STATUS_MET);
  apmm_session_set_target_level (session, 3);
  assessment = apmm_assessment_new (session, apmm_model_get_default ());
  n_gaps = apmm_assessment_get_n_gaps (assessment);
  page = new_page (session);
  history = apmm_document_get_history (apmm_roadmap_page_get_document (APMM_ROADMAP_PAGE (page)));
  draft = apmm_test_find_nth (page, apmm_test_is_button_labelled, "_Draft from Gaps", 0);

  g_assert_cmpuint (count_rows (uncovered (page)), ==, n_gaps);
  g_assert_true (gtk_widget_get_sensitive (draft));

  apmm_test_click (draft);
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
  g_assert_nonnull (apmm_test_find_nth (page, apmm_test_is_label_with_text,
                                        "Every open gap has an action.", 0));
  g_assert_false (gtk_widget_get_sensitive (draft));

  /* A second press finds nothing left to draft, even one that reaches the
   * insensitive button (a stale keyboard shortcut, a screen reader). */
  g_signal_emit_by_name (draft, "clicked");
  g_assert_cmpuint (apmm_session_get_n_actions (session), ==, n_gaps);

  /* The whole draft is one step to undo, named after the button. */
  g_assert_cmpstr (apmm_history_get_undo_label (history), ==, "Draft from Gaps");
  apmm_history_undo (history);
  g_assert_false (apmm_history_can_undo (history));
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

  apmm_test_click (apmm_test_find_nth (GTK_WIDGET (uncovered (page)), apmm_test_is_button_labelled,
                                       "_Add Action", 0));
  g_assert_cmpuint (apmm_session_get_n_actions (session), ==, 1);
  action = apmm_session_get_action (session, 0);
  g_assert_true (apmm_action_covers (action, "l1.tools-purchased"));
  g_assert_cmpuint (count_rows (uncovered (page)), ==, 1);

  /* A dropped action closes nothing: its gap is flagged again. */
  status = GTK_DROP_DOWN (apmm_test_find_nth (action_row (page, 0), apmm_test_is_of_type,
                                              APMM_TEST_TYPE (GTK_TYPE_DROP_DOWN), 0));
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
  apmm_test_click (apmm_test_find_nth (page, has_tooltip,
                                       "Add an empty action at the end of the roadmap", 0));
  apmm_test_click (apmm_test_find_nth (page, has_tooltip,
                                       "Add an empty action at the end of the roadmap", 0));
  g_assert_cmpuint (apmm_session_get_n_actions (session), ==, 2);
  g_assert_cmpuint (count_rows (actions (page)), ==, 2);
  second = g_strdup (apmm_session_get_action (session, 1)->id);

  /* Two deliberate clicks are two steps to undo, however quick. */
  {
    ApmmHistory *history = apmm_document_get_history (apmm_roadmap_page_get_document (APMM_ROADMAP_PAGE (page)));

    apmm_history_undo (history);
    g_assert_cmpuint (apmm_session_get_n_actions (session), ==, 1);
    g_assert_true (apmm_history_can_undo (history));
    apmm_history_redo (history);
    g_assert_cmpuint (apmm_session_get_n_actions (session), ==, 2);
  }

  apmm_test_click (apmm_test_find_nth (action_row (page, 0), apmm_test_is_button_with_icon,
                                       "user-trash-symbolic", 0));
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
  ApmmTextField *title;
  GtkWidget *due;
  GtkCalendar *calendar;
  g_autofree char *first = NULL;
  g_autofree char *shown = NULL;

  insert_action (session, "a1", "One");
  insert_action (session, "a2", "Two");
  row = action_row (page, 0);
  title = APMM_TEXT_FIELD (apmm_test_find_nth (row, apmm_test_is_of_type,
                                               APMM_TEST_TYPE (APMM_TYPE_TEXT_FIELD), 0));
  due = apmm_test_find_widget (row, has_tooltip_text, "Pick the due date");
  calendar = GTK_CALENDAR (apmm_test_find_widget (row, apmm_test_is_of_type,
                                                  APMM_TEST_TYPE (GTK_TYPE_CALENDAR)));
  shown = apmm_text_field_dup_text (title);
  g_assert_cmpstr (shown, ==, "One");

  apmm_text_field_set_text (title, "Name the owner");
  g_assert_cmpstr (apmm_session_get_action (session, 0)->title, ==, "Name the owner");

  /* Due is picked on a calendar in a popover and shown in the user's way. */
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (due)), ==, "No date");
  {
    g_autoptr(GDateTime) day = g_date_time_new_local (2025, 2, 28, 0, 0, 0);

    gtk_calendar_select_day (calendar, day);
  }
  g_assert_cmpstr (apmm_session_get_action (session, 0)->due, ==, "2025-02-28");
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (due)), ==, "28 February 2025");
  apmm_test_click (apmm_test_find_widget (row, apmm_test_is_button_labelled, "_No Due Date"));
  g_assert_null (apmm_session_get_action (session, 0)->due);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (due)), ==, "No date");

  /* Move down: the same row, now second, in the session and on screen. */
  first = g_strdup (apmm_session_get_action (session, 0)->id);
  apmm_test_click (apmm_test_find_nth (row, apmm_test_is_button_with_icon, "go-down-symbolic", 0));
  g_assert_cmpstr (apmm_session_get_action (session, 1)->id, ==, first);
  g_assert_true (action_row (page, 1) == row);
  g_assert_false (gtk_widget_get_sensitive (apmm_test_find_nth (row, apmm_test_is_button_with_icon,
                                                                "go-down-symbolic", 0)));

  g_assert_finalize_object (page);
}

static void
collect_menu_actions (GMenuModel *model,
                      GPtrArray  *actions)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      char *action = NULL;

      if (section != NULL)
        collect_menu_actions (section, actions);
      else if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        g_ptr_array_add (actions, action);
    }
}

/* ⋮ opens a menu (a GMenu in a popover), not an inline expander; its items
 * show the details, move and remove the action. */
static void
test_row_menu (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *page = new_page (session);
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *row, *menu_button, *description;
  GMenuModel *model;

  insert_action (session, "a1", "One");
  insert_action (session, "a2", "Two");
  row = action_row (page, 0);
  menu_button = apmm_test_find_widget (row, apmm_test_is_of_type, APMM_TEST_TYPE (GTK_TYPE_MENU_BUTTON));
  g_assert_nonnull (menu_button);
  g_assert_cmpstr (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (menu_button)), ==, "view-more-symbolic");
  model = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button));
  g_assert_nonnull (model);
  collect_menu_actions (model, actions);
  g_assert_cmpuint (actions->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (actions, 0), ==, "row.show-details");
  g_assert_cmpstr (g_ptr_array_index (actions, 1), ==, "row.move-up");
  g_assert_cmpstr (g_ptr_array_index (actions, 2), ==, "row.move-down");
  g_assert_cmpstr (g_ptr_array_index (actions, 3), ==, "row.remove");

  /* The details open below the row. */
  description = apmm_test_find_widget (row, apmm_test_is_mnemonic_label, "_Description");
  g_assert_false (gtk_widget_is_visible (description));
  g_assert_true (gtk_widget_activate_action (row, "row.show-details", NULL));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (description, GTK_TYPE_REVEALER)));

  /* The first action cannot move up; down and remove act on the session. */
  g_assert_true (gtk_widget_activate_action (row, "row.move-down", NULL));
  g_assert_cmpstr (apmm_session_get_action (session, 1)->id, ==, "a1");
  g_assert_true (gtk_widget_activate_action (row, "row.remove", NULL));
  g_assert_cmpuint (apmm_session_get_n_actions (session), ==, 1);
  g_assert_cmpstr (apmm_session_get_action (session, 0)->id, ==, "a2");

  g_assert_finalize_object (page);
}

/* The action's fields behind mnemonic labels are named without the underscore. */
static void
test_accessible_names (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *page = new_page (session);
  GtkWidget *row;
  const struct { const char *mnemonic, *name; } fields[] = {
    { "_Description", "Description" },
    { "Success _measure", "Success measure" },
  };

  insert_action (session, "a1", "One");
  row = action_row (page, 0);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *label = apmm_test_find_widget (row, apmm_test_is_mnemonic_label, fields[i].mnemonic);
      GtkWidget *field = gtk_label_get_mnemonic_widget (GTK_LABEL (label));

      apmm_test_assert_accessible_label (label, fields[i].name);
      /* The text view inside the field is what takes the focus. */
      apmm_test_assert_accessible_label (apmm_text_field_get_view (APMM_TEXT_FIELD (field)), fields[i].name);
    }

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
  g_assert_null (apmm_test_find_nth (row, apmm_test_is_label_with_text, chip, 0));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (apmm_test_find_nth (row, is_check_for,
                                                                     rollback->title, 0)), TRUE);
  g_assert_true (apmm_action_covers (apmm_session_get_action (session, 0), "l3.rollback"));
  g_assert_nonnull (apmm_test_find_nth (row, apmm_test_is_label_with_text, chip, 0));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (apmm_test_find_nth (row, is_check_for,
                                                                     rollback->title, 0)), FALSE);
  g_assert_false (apmm_action_covers (apmm_session_get_action (session, 0), "l3.rollback"));
  g_assert_null (apmm_test_find_nth (row, apmm_test_is_label_with_text, chip, 0));

  g_assert_finalize_object (page);
}

/* An edit touches only what it changed: typing into one action, or rating a
 * criterion, leaves every other row as it was (its chips are the same
 * widgets, so their tooltips and the keyboard focus stay put), and the rows
 * still follow what did change, undo included. */
static void
test_edit_touches_one_row (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *page = new_page (session);
  ApmmHistory *history = apmm_document_get_history (apmm_roadmap_page_get_document (APMM_ROADMAP_PAGE (page)));
  const ApmmCriterion *rollback = apmm_model_lookup_criterion (apmm_model_get_default (), "l3.rollback");
  g_autofree char *chip_text = g_strdup_printf ("L3 · %s", rollback->title);
  g_autoptr(ApmmAction) linked = apmm_action_new ("a2", "Two");
  g_autoptr(GtkWidget) chip = NULL;
  ApmmTextField *first_title, *second_title;
  g_autofree char *shown = NULL;

  insert_action (session, "a1", "One");
  linked->criteria = g_strdupv ((char *[]) { "l3.rollback", NULL });
  apmm_session_insert_action (session, -1, linked);
  chip = g_object_ref (apmm_test_find_nth (action_row (page, 1), apmm_test_is_label_with_text,
                                           chip_text, 0));
  first_title = APMM_TEXT_FIELD (apmm_test_find_nth (action_row (page, 0), apmm_test_is_of_type,
                                                     APMM_TEST_TYPE (APMM_TYPE_TEXT_FIELD), 0));
  second_title = APMM_TEXT_FIELD (apmm_test_find_nth (action_row (page, 1), apmm_test_is_of_type,
                                                      APMM_TEST_TYPE (APMM_TYPE_TEXT_FIELD), 0));

  apmm_text_field_set_text (first_title, "One, renamed");
  apmm_session_set_status (session, "l3.rollback", APMM_STATUS_MET);
  g_assert_true (apmm_test_find_nth (action_row (page, 1), apmm_test_is_label_with_text,
                                     chip_text, 0) == chip);
  g_assert_true (gtk_widget_get_parent (chip) != NULL);

  /* The rows still follow the session: an edit of the second action by
   * undo, redo and directly. */
  apmm_history_undo (history);
  apmm_history_undo (history);
  shown = apmm_text_field_dup_text (first_title);
  g_assert_cmpstr (shown, ==, "One");
  g_clear_pointer (&shown, g_free);
  {
    g_autoptr(ApmmAction) edited = apmm_action_copy (apmm_session_get_action (session, 1));

    g_free (edited->title);
    edited->title = g_strdup ("Two, edited elsewhere");
    g_clear_pointer (&edited->criteria, g_strfreev);
    apmm_session_replace_action (session, 1, edited);
  }
  shown = apmm_text_field_dup_text (second_title);
  g_assert_cmpstr (shown, ==, "Two, edited elsewhere");
  g_assert_null (apmm_test_find_nth (action_row (page, 1), apmm_test_is_label_with_text,
                                     chip_text, 0));
  g_assert_null (gtk_widget_get_parent (chip));

  g_clear_object (&chip);
  g_assert_finalize_object (page);
}

/* Out of view (another page shown in the window's stack) the page does no
 * work for an edit; shown again, it has caught up with every edit: the
 * actions added and edited, and the new verdict's entry points. */
static void
test_hidden_page_catches_up (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *page = new_page (session);
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *window;
  ApmmTextField *title;
  g_autofree char *shown = NULL;

  insert_action (session, "a1", "One");
  gtk_stack_add_named (GTK_STACK (stack), gtk_label_new ("Another page"), "other");
  gtk_stack_add_named (GTK_STACK (stack), page, "roadmap");
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "roadmap");
  window = apmm_test_show_in_window (stack, 1024);
  g_assert_cmpuint (count_rows (entry_points (page)), ==, 0);
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "other");
  apmm_test_iterate ();
  g_assert_false (gtk_widget_get_mapped (page));

  insert_action (session, "a2", "Two");
  {
    g_autoptr(ApmmAction) edited = apmm_action_copy (apmm_session_get_action (session, 0));

    g_free (edited->title);
    edited->title = g_strdup ("One, edited");
    apmm_session_replace_action (session, 0, edited);
  }
  apmm_test_set_level_status (session, 1, APMM_STATUS_MET);
  g_assert_cmpuint (count_rows (actions (page)), ==, 1);
  g_assert_cmpuint (count_rows (entry_points (page)), ==, 0);

  gtk_stack_set_visible_child_name (GTK_STACK (stack), "roadmap");
  g_assert_cmpuint (count_rows (actions (page)), ==, 2);
  title = APMM_TEXT_FIELD (apmm_test_find_nth (action_row (page, 0), apmm_test_is_of_type,
                                               APMM_TEST_TYPE (APMM_TYPE_TEXT_FIELD), 0));
  shown = apmm_text_field_dup_text (title);
  g_assert_cmpstr (shown, ==, "One, edited");
  g_assert_cmpuint (count_rows (entry_points (page)), >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
}

/* The window can be as narrow as 360 px, so the page must fold to fit that
 * with a full session, the example the app ships, in it. */
static void
test_fits_narrow_window (void)
{
  g_autoptr(ApmmSession) session = apmm_test_load_example ("meridian-insurance.apmm");
  GtkWidget *page = g_object_ref_sink (apmm_roadmap_page_new ());

  apmm_roadmap_page_set_session (APMM_ROADMAP_PAGE (page), session);
  apmm_test_assert_fits_width (page, 360);
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

static gboolean
is_add_action_button (GtkWidget     *widget,
                      gconstpointer  data)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Add an empty action at the end of the roadmap") == 0;
}

/* With hundreds of actions the page makes and draws only the rows near
 * the view (docs/performance.md): a row far below is an empty placeholder
 * that a screen reader can still name, which follows edits made meanwhile
 * and shows them when it is scrolled to; the ⋮ menu's "Show Details" and a
 * new action's title work on any row. */
static void
test_long_list_draws_rows_in_view (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *page = new_page (session);
  g_autoptr(ApmmAction) renamed = NULL;
  g_autoptr(ApmmAction) added = NULL;
  g_autofree char *shown = NULL;
  GtkWidget *window, *last, *middle, *title;

  for (guint i = 1; i <= 200; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i);
      g_autofree char *title_text = g_strdup_printf ("Action %u", i);

      insert_action (session, id, title_text);
    }
  window = apmm_test_show_in_window (page, 1024);
  apmm_test_wait_for_frame (page);
  last = action_row (page, 199);
  g_assert_true (apmm_list_row_is_built (GTK_LIST_BOX_ROW (action_row (page, 0))));
  g_assert_false (apmm_list_row_is_built (GTK_LIST_BOX_ROW (last)));
  g_assert_null (apmm_test_find_widget (last, apmm_test_is_of_type, APMM_TEST_TYPE (APMM_TYPE_TEXT_FIELD)));
  apmm_test_assert_accessible_label (last, "Action 200: Action 200");

  /* An edit (undo, a merge) while it is not made. */
  renamed = apmm_action_copy (apmm_session_get_action (session, 199));
  g_free (renamed->title);
  renamed->title = g_strdup ("Rollback drill");
  apmm_session_replace_action (session, 199, renamed);
  apmm_test_assert_accessible_label (last, "Action 200: Rollback drill");

  apmm_test_assert_draws_rows_in_view (action_row (page, 0), last);
  g_assert_true (apmm_list_row_is_built (GTK_LIST_BOX_ROW (last)));
  title = apmm_test_find_widget (last, apmm_test_is_of_type, APMM_TEST_TYPE (APMM_TYPE_TEXT_FIELD));
  shown = apmm_text_field_dup_text (APMM_TEXT_FIELD (title));
  g_assert_cmpstr (shown, ==, "Rollback drill");

  /* The ⋮ menu of a row not made yet. */
  middle = action_row (page, 100);
  g_assert_false (apmm_list_row_is_built (GTK_LIST_BOX_ROW (middle)));
  g_assert_true (gtk_widget_activate_action (middle, "row.show-details", NULL));
  g_assert_true (apmm_list_row_is_built (GTK_LIST_BOX_ROW (middle)));
  g_assert_true (gtk_widget_get_visible (apmm_test_find_widget (middle, apmm_test_is_of_type,
                                                                APMM_TEST_TYPE (GTK_TYPE_REVEALER))));

  /* A new action at the end of a long roadmap: its title has the focus. */
  apmm_test_click (apmm_test_find_widget (page, is_add_action_button, NULL));
  g_assert_cmpuint (apmm_session_get_n_actions (session), ==, 201);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), action_row (page, 200)));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/roadmap-page/entry-points", test_entry_points);
  g_test_add_func ("/roadmap-page/entry-point-pick", test_entry_point_pick);
  g_test_add_func ("/roadmap-page/inconclusive-text", test_inconclusive_text);
  g_test_add_func ("/roadmap-page/draft-from-gaps", test_draft_from_gaps);
  g_test_add_func ("/roadmap-page/uncovered-flags", test_uncovered_flags);
  g_test_add_func ("/roadmap-page/add-and-remove", test_add_and_remove);
  g_test_add_func ("/roadmap-page/long-list-draws-rows-in-view", test_long_list_draws_rows_in_view);
  g_test_add_func ("/roadmap-page/edit-inline", test_edit_inline);
  g_test_add_func ("/roadmap-page/link-criteria", test_link_criteria);
  g_test_add_func ("/roadmap-page/edit-touches-one-row", test_edit_touches_one_row);
  g_test_add_func ("/roadmap-page/hidden-page-catches-up", test_hidden_page_catches_up);
  g_test_add_func ("/roadmap-page/fits-narrow-window", test_fits_narrow_window);
  g_test_add_func ("/roadmap-page/accessible-names", test_accessible_names);
  g_test_add_func ("/roadmap-page/row-menu", test_row_menu);

  g_test_add_func ("/roadmap-page/session-caption", test_session_caption);
  return g_test_run ();
}
