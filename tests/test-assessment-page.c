/* test-assessment-page.c — the Self-Assessment page as the facilitator drives it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "apmm-session-file.h"

#include "apmm-assessment-page.h"
#include "apmm-criterion-row.h"
#include "apmm-result-strip.h"
#include "apmm-votes-panel.h"
#include "apmm-list-culling.h"

#include "apmm-text-field.h"

#include "apmm-session-caption.h"

#include "apmm-test-utils.h"

static gboolean
has_css_class (GtkWidget     *widget,
               gconstpointer  css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

static gboolean
is_criterion_row (GtkWidget     *widget,
                  gconstpointer  id)
{
  return APMM_IS_CRITERION_ROW (widget)
         && g_strcmp0 (apmm_criterion_row_get_criterion_id (APMM_CRITERION_ROW (widget)), id) == 0;
}

/* What the user can read: a label that is drawn and has text. */
static gboolean
is_shown (GtkWidget *widget)
{
  return widget != NULL && gtk_widget_is_drawable (widget);
}

static GtkWidget *
criterion_button (GtkWidget  *root,
                  const char *criterion_id,
                  const char *status_class)
{
  GtkWidget *row = apmm_test_find_widget (root, is_criterion_row, criterion_id);

  g_assert_nonnull (row);
  return apmm_test_find_widget (row, has_css_class, status_class);
}

static const char *
evidence_text (GtkWidget *root)
{
  GtkWidget *label = apmm_test_find_widget (root, has_css_class, "evidence-level");

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
test_templates (void)
{
  GtkWidget *widgets[] = {
    apmm_assessment_page_new (),
    apmm_result_strip_new (),
    apmm_votes_panel_new (),
    apmm_criterion_row_new (NULL, "l3.rollback"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    {
      g_object_ref_sink (widgets[i]);
      g_assert_finalize_object (widgets[i]);
    }
}

static void
test_rating_changes_strip (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *page = g_object_ref_sink (apmm_assessment_page_new ());
  GtkWidget *window;

  apmm_assessment_page_set_session (APMM_ASSESSMENT_PAGE (page), session);
  window = apmm_test_show_in_window (page, 1024);
  /* No verdict before any rating: not "Level 0", and no progress bar. */
  g_assert_cmpstr (evidence_text (page), ==, "Not assessed yet");
  g_assert_nonnull (apmm_test_find_widget (page, apmm_test_is_label_with_text,
                                           "Not assessed yet: rate the entry criteria below to see "
                                           "the evidence level"));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (
    apmm_test_find_widget (page, apmm_test_is_of_type, APMM_TEST_TYPE (GTK_TYPE_LEVEL_BAR)))));

  apmm_test_click (criterion_button (page, "l1.tools-purchased", "status-met"));
  g_assert_cmpint (apmm_session_get_status (session, "l1.tools-purchased"), ==, APMM_STATUS_MET);
  g_assert_cmpstr (evidence_text (page), ==, "Level 0 · AI Curious");

  apmm_test_click (criterion_button (page, "l1.budget-allocated", "status-met"));
  g_assert_cmpint (apmm_session_get_status (session, "l1.budget-allocated"), ==, APMM_STATUS_MET);
  g_assert_cmpstr (evidence_text (page), ==, "Level 1 · AI Licensed");
  g_assert_nonnull (apmm_test_find_widget (page, apmm_test_is_label_with_text,
                                           "0 of 3 level 2 criteria met"));

  apmm_test_click (criterion_button (page, "l2.live-real-data", "status-partly"));
  g_assert_cmpint (apmm_session_get_status (session, "l2.live-real-data"), ==, APMM_STATUS_PARTLY);
  /* Counted as they are, not as a percentage that hides the half weight. */
  g_assert_nonnull (apmm_test_find_widget (page, apmm_test_is_label_with_text,
                                           "0 of 3 level 2 criteria met, 1 partly"));
  g_assert_nonnull (apmm_test_find_widget (page, apmm_test_is_label_with_text,
                                 "Inconclusive: 2 criteria of level 2 are unknown — "
                                 "recommend the APMM Diagnostic Sprint"));

  /* Back to unknown: the level drops again, and the row follows undo-like edits. */
  apmm_session_set_status (session, "l1.budget-allocated", APMM_STATUS_NOT_MET);
  g_assert_cmpstr (evidence_text (page), ==, "Level 0 · AI Curious");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (
    criterion_button (page, "l1.budget-allocated", "status-not-met"))));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
}

static gboolean
is_drawn_label (GtkWidget     *widget,
                gconstpointer  text)
{
  return apmm_test_is_label_with_text (widget, text) && gtk_widget_is_drawable (widget);
}

/* The strip keeps its height when the inconclusive warning comes and goes,
 * so nothing below it moves under the pointer. */
static void
test_strip_keeps_height (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *strip = g_object_ref_sink (apmm_result_strip_new ());
  GtkWidget *window;
  int inconclusive_h, settled_h;

  apmm_test_set_level_status (session, 1, APMM_STATUS_MET);
  apmm_session_set_status (session, "l2.live-real-data", APMM_STATUS_MET);
  apmm_result_strip_set_session (APMM_RESULT_STRIP (strip), session);
  window = apmm_test_show_in_window (strip, 1024);
  g_assert_nonnull (apmm_test_find_widget (strip, apmm_test_is_label_with_text,
                                           "Inconclusive: 2 criteria of level 2 are unknown — "
                                           "recommend the APMM Diagnostic Sprint"));
  gtk_widget_measure (strip, GTK_ORIENTATION_VERTICAL, 1000, &inconclusive_h, NULL, NULL, NULL);

  apmm_session_set_status (session, "l2.owned-use-case", APMM_STATUS_NOT_MET);
  apmm_session_set_status (session, "l2.adoption-measured", APMM_STATUS_NOT_MET);
  g_assert_null (apmm_test_find_widget (strip, is_drawn_label,
                                        "Inconclusive: 2 criteria of level 2 are unknown — "
                                        "recommend the APMM Diagnostic Sprint"));
  g_assert_null (apmm_test_find_widget (strip, is_drawn_label,
                                        "Inconclusive: 3 criteria of level 2 are unknown — "
                                        "recommend the APMM Diagnostic Sprint"));
  gtk_widget_measure (strip, GTK_ORIENTATION_VERTICAL, 1000, &settled_h, NULL, NULL, NULL);
  g_assert_cmpint (settled_h, ==, inconclusive_h);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (strip);
}

/* Where the room overestimates, the source's headline fact stands beside it. */
static void
test_overestimation_fact (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *strip = g_object_ref_sink (apmm_result_strip_new ());
  g_autoptr(ApmmAssessment) assessment = NULL;
  g_autofree char *progress = NULL;

  apmm_test_set_level_status (session, 1, APMM_STATUS_MET);
  apmm_test_set_level_status (session, 2, APMM_STATUS_NOT_MET);
  apmm_session_set_perceived_level (session, 3);
  apmm_result_strip_set_session (APMM_RESULT_STRIP (strip), session);
  g_assert_nonnull (apmm_test_find_widget (strip, apmm_test_is_label_with_text,
                                           "The room rates itself two levels above the evidence. "
                                           "Most organisations overestimate their maturity by at "
                                           "least one level."));

  apmm_session_set_perceived_level (session, 1);
  g_assert_nonnull (apmm_test_find_widget (strip, apmm_test_is_label_with_text,
                                           "The room's view matches the evidence"));

  /* The level 3 counts the issue quotes: 1 of 7 met, 2 partly. */
  apmm_test_set_level_status (session, 2, APMM_STATUS_MET);
  apmm_session_set_status (session, "l3.rollback", APMM_STATUS_MET);
  apmm_session_set_status (session, "l3.two-people", APMM_STATUS_PARTLY);
  apmm_session_set_status (session, "l3.cost-capped", APMM_STATUS_PARTLY);
  assessment = apmm_assessment_new (session, apmm_model_get_default ());
  progress = apmm_result_strip_describe_progress (assessment);
  g_assert_cmpstr (progress, ==, "1 of 7 level 3 criteria met, 2 partly");
  g_assert_nonnull (apmm_test_find_widget (strip, apmm_test_is_label_with_text, progress));

  g_assert_finalize_object (strip);
}

static void
test_note_and_confirmation (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *row = g_object_ref_sink (apmm_criterion_row_new (session, "l3.rollback"));
  GtkWidget *note, *entry;
  g_autofree char *shown = NULL;
  int before_h, after_h;

  note = apmm_test_find_widget (row, apmm_test_is_of_type, APMM_TEST_TYPE (APMM_TYPE_TEXT_FIELD));
  g_assert_nonnull (note);
  apmm_text_field_set_text (APMM_TEXT_FIELD (note), "Runbook RB-12, tested in March");
  g_assert_cmpstr (apmm_session_get_evidence_note (session, "l3.rollback"), ==,
                   "Runbook RB-12, tested in March");

  entry = gtk_widget_get_next_sibling (note);
  g_assert_true (GTK_IS_ENTRY (entry));
  gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, 800, &before_h, NULL, NULL, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Dana (CTO)");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (apmm_session_get_confirmed_by (session, "l3.rollback"), ==, "Dana (CTO)");
  g_assert_cmpstr (apmm_session_get_confirmed_at (session, "l3.rollback"), !=, "");
  /* The "Confirmed …" line had its room already: the rows below stay put. */
  gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, 800, &after_h, NULL, NULL, NULL);
  g_assert_cmpint (after_h, ==, before_h);
  /* In the user's way of writing dates ("1 December 2026, 10:32"), not ISO. */
  apmm_session_set_confirmed_at (session, "l3.rollback", "2026-05-14T10:32:00Z");
  {
    g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 ("2026-05-14T10:32:00Z", NULL);
    g_autoptr(GDateTime) local = g_date_time_to_local (utc);
    g_autofree char *expected = g_date_time_format (local, "Confirmed %-e May 2026, %H:%M");

    g_assert_nonnull (apmm_test_find_widget (row, apmm_test_is_label_with_text, g_strstrip (expected)));
  }

  /* An edit from elsewhere (undo) shows in the row. */
  apmm_session_set_evidence_note (session, "l3.rollback", "");
  shown = apmm_text_field_dup_text (APMM_TEXT_FIELD (note));
  g_assert_cmpstr (shown, ==, "");

  g_assert_finalize_object (row);
}

static void
note_mapped_cb (GtkWidget *field,
                gboolean  *view_mapped)
{
  *view_mapped = gtk_widget_get_mapped (gtk_widget_get_first_child (field));
}

/* A note's text view is shown once the field has its width: mapped before
 * (as a page's rows are when the page first shows), GtkTextView lays its
 * text out at no width, a character a line, which with a page of 1 KB notes
 * was most of the page's first visit. Shown, the note is there and takes
 * the focus and the keyboard. */
static void
test_note_shown_with_its_width (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *list = g_object_ref_sink (gtk_list_box_new ());
  GtkWidget *row;
  GtkWidget *note;
  GtkWidget *view;
  GtkWidget *window;
  gboolean view_mapped = TRUE;
  g_autofree char *shown = NULL;

  apmm_session_set_evidence_note (session, "l3.rollback", "A rollback runbook exists and was tested in March.");
  row = apmm_criterion_row_new (session, "l3.rollback");
  note = apmm_test_find_widget (row, apmm_test_is_of_type, APMM_TEST_TYPE (APMM_TYPE_TEXT_FIELD));
  view = gtk_widget_get_first_child (note);
  g_assert_true (GTK_IS_TEXT_VIEW (view));
  g_signal_connect (note, "map", G_CALLBACK (note_mapped_cb), &view_mapped);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  window = apmm_test_show_in_window (list, 1024);

  g_assert_false (view_mapped);
  g_assert_true (gtk_widget_get_mapped (view));
  g_assert_cmpint (gtk_widget_get_width (view), >, 100);
  g_assert_true (gtk_widget_grab_focus (note));
  g_assert_true (gtk_widget_has_focus (view));
  apmm_text_field_set_text (APMM_TEXT_FIELD (note), "Tested in March and in May.");
  shown = apmm_text_field_dup_text (APMM_TEXT_FIELD (note));
  g_assert_cmpstr (shown, ==, "Tested in March and in May.");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (list);
}

/* A long evidence note wraps and the field grows: nothing typed is hidden. */
static void
test_long_note_wraps (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *list = g_object_ref_sink (gtk_list_box_new ());
  GtkWidget *row = apmm_criterion_row_new (session, "l3.rollback");
  GtkWidget *window;
  GtkWidget *note = apmm_test_find_widget (row, apmm_test_is_of_type,
                                           APMM_TEST_TYPE (APMM_TYPE_TEXT_FIELD));
  const char *text = "Write the fallback runbook for the claims triage model, test it with the "
                     "on-call team in a game day, and keep the result in the ops wiki next to the "
                     "alert definitions so the second person can find it at three in the morning.";
  int width, short_h, long_h;
  g_autofree char *shown = NULL;

  gtk_list_box_append (GTK_LIST_BOX (list), row);
  window = apmm_test_show_in_window (list, 1024);
  width = gtk_widget_get_width (note);
  g_assert_cmpint (width, >, 100);
  apmm_text_field_set_text (APMM_TEXT_FIELD (note), "Runbook");
  gtk_widget_measure (note, GTK_ORIENTATION_VERTICAL, width, &short_h, NULL, NULL, NULL);
  apmm_text_field_set_text (APMM_TEXT_FIELD (note), text);
  gtk_widget_measure (note, GTK_ORIENTATION_VERTICAL, width, &long_h, NULL, NULL, NULL);
  g_assert_cmpint (long_h, >=, 2 * short_h - 20);
  /* Its natural width never asks for the whole text on one line. */
  {
    int min_w, nat_w;

    gtk_widget_measure (note, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
    g_assert_cmpint (min_w, <, 300);
  }
  shown = apmm_text_field_dup_text (APMM_TEXT_FIELD (note));
  g_assert_cmpstr (shown, ==, text);
  g_assert_cmpstr (apmm_session_get_evidence_note (session, "l3.rollback"), ==, text);

  /* Measured before it has a width (as a list row first is), a field is not
   * as tall as a column of single characters: it wraps at its natural width. */
  {
    GtkWidget *fresh = g_object_ref_sink (apmm_text_field_new ());
    int fresh_h, name_w;

    apmm_text_field_set_text (APMM_TEXT_FIELD (fresh), "Claire Dubois");
    gtk_widget_measure (fresh, GTK_ORIENTATION_VERTICAL, -1, NULL, &fresh_h, NULL, NULL);
    gtk_widget_measure (fresh, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &name_w, NULL, NULL);
    g_assert_cmpint (fresh_h, <=, short_h);
    g_assert_cmpint (name_w, >=, 60);
    g_assert_finalize_object (fresh);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (list);
}

static gboolean
quit_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for a few frames: a style change is applied at the next one. */
static void
wait_frames (void)
{
  gboolean done = FALSE;

  g_timeout_add (100, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* A field measures its text once per change, but a larger font (the
 * window's zoom, Ctrl++) still makes it taller, and a new text too. */
static void
test_note_follows_font (void)
{
  GtkWidget *field = apmm_text_field_new ();
  GtkWidget *window = apmm_test_show_in_window (field, 600);
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  int small_h, large_h, longer_h, again_h;

  apmm_text_field_set_text (APMM_TEXT_FIELD (field),
                            "Runbook RB-12, tested in March with the on-call team, kept in the ops wiki");
  gtk_widget_measure (field, GTK_ORIENTATION_VERTICAL, 300, &small_h, NULL, NULL, NULL);
  gtk_widget_measure (field, GTK_ORIENTATION_VERTICAL, 300, &again_h, NULL, NULL, NULL);
  g_assert_cmpint (again_h, ==, small_h);

  gtk_css_provider_load_from_data (provider, "textfield textview { font-size: 28px; }", -1);
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (field),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  wait_frames ();
  gtk_widget_measure (field, GTK_ORIENTATION_VERTICAL, 300, &large_h, NULL, NULL, NULL);
  g_assert_cmpint (large_h, >, small_h + 20);

  apmm_text_field_set_text (APMM_TEXT_FIELD (field),
                            "Runbook RB-12, tested in March with the on-call team, kept in the ops wiki "
                            "next to the alert definitions, so the second person can find it at night");
  wait_frames ();
  gtk_widget_measure (field, GTK_ORIENTATION_VERTICAL, 300, &longer_h, NULL, NULL, NULL);
  g_assert_cmpint (longer_h, >, large_h);

  gtk_style_context_remove_provider_for_display (gtk_widget_get_display (field),
                                                 GTK_STYLE_PROVIDER (provider));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_add_vote_button (GtkWidget     *widget,
                    gconstpointer  level)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "list-add-symbolic") == 0
         && GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "apmm-level")) == GPOINTER_TO_UINT (level);
}

static gboolean
is_counter_with_text (GtkWidget     *widget,
                      gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, "tally-count")
         && *gtk_label_get_text (GTK_LABEL (widget)) != '\0';
}

static GtkWidget *
perceived_label (GtkWidget *strip)
{
  GtkWidget *caption = apmm_test_find_widget (strip, apmm_test_is_label_with_text,
                                              "The room feels");

  g_assert_nonnull (caption);
  return gtk_widget_get_next_sibling (caption);
}

static void
test_votes_change_perceived (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *page = g_object_ref_sink (apmm_assessment_page_new ());
  GtkWidget *strip, *window, *plus;

  apmm_session_set_status (session, "l1.tools-purchased", APMM_STATUS_NOT_MET);
  apmm_assessment_page_set_session (APMM_ASSESSMENT_PAGE (page), session);
  window = apmm_test_show_in_window (page, 1024);
  strip = apmm_test_find_widget (page, apmm_test_is_of_type,
                                 APMM_TEST_TYPE (APMM_TYPE_RESULT_STRIP));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (perceived_label (strip))), ==, "No votes yet");

  /* No participants: the panel counts a show of hands. */
  plus = apmm_test_find_widget (page, is_add_vote_button, GUINT_TO_POINTER (3));
  g_assert_nonnull (plus);
  apmm_test_click (plus);
  apmm_test_click (plus);
  g_assert_cmpuint (apmm_session_get_tally (session, 3), ==, 2);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (perceived_label (strip))), ==,
                   "Level 3 · AI Reliable");
  g_assert_nonnull (apmm_test_find_widget (page, apmm_test_is_label_with_text,
                                 "The room rates itself three levels above the evidence. "
                                 "Most organisations overestimate their maturity by at least one level."));

  apmm_test_click (apmm_test_find_widget (page, is_add_vote_button, GUINT_TO_POINTER (1)));
  apmm_test_click (apmm_test_find_widget (page, is_add_vote_button, GUINT_TO_POINTER (1)));
  apmm_test_click (apmm_test_find_widget (page, is_add_vote_button, GUINT_TO_POINTER (1)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (perceived_label (strip))), ==,
                   "Level 1 · AI Licensed");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
}

/* Participants can be added where the votes are taken. */
static void
test_add_participant_in_votes (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *panel = g_object_ref_sink (apmm_votes_panel_new ());
  GtkWidget *window, *add;

  apmm_votes_panel_set_session (APMM_VOTES_PANEL (panel), session);
  window = apmm_test_show_in_window (panel, 1024);
  add = apmm_test_find_widget (panel, apmm_test_is_of_type, APMM_TEST_TYPE (ADW_TYPE_ENTRY_ROW));
  g_assert_nonnull (add);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (add)), ==, "Add participant");

  gtk_editable_set_text (GTK_EDITABLE (add), "  Ana  ");
  g_signal_emit_by_name (add, "entry-activated");
  gtk_editable_set_text (GTK_EDITABLE (add), "Ben");
  g_signal_emit_by_name (add, "apply");
  /* Nothing typed adds no one. */
  g_signal_emit_by_name (add, "apply");

  g_assert_cmpuint (apmm_session_get_n_participants (session), ==, 2);
  g_assert_cmpstr (apmm_session_get_participant_name (session, 0), ==, "Ana");
  g_assert_cmpstr (apmm_session_get_participant_name (session, 1), ==, "Ben");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add)), ==, "");
  /* Each gets a row to vote in. */
  g_assert_nonnull (apmm_test_find_widget (panel, apmm_test_is_label_with_text, "Ben"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (panel);
}

static void
test_per_person_votes (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *panel = g_object_ref_sink (apmm_votes_panel_new ());
  GtkWidget *window;

  apmm_session_add_participant (session, "Ana", -1);
  apmm_session_add_participant (session, "Ben", -1);
  apmm_votes_panel_set_session (APMM_VOTES_PANEL (panel), session);
  window = apmm_test_show_in_window (panel, 1024);
  g_assert_false (apmm_votes_panel_get_anonymous (APMM_VOTES_PANEL (panel)));

  /* The second participant's "2" button. */
  {
    GtkWidget *row = apmm_test_find_widget (panel, apmm_test_is_label_with_text, "Ben");
    GtkWidget *button;

    while (row != NULL && !GTK_IS_LIST_BOX_ROW (row))
      row = gtk_widget_get_parent (row);
    g_assert_nonnull (row);
    button = apmm_test_find_widget (row, apmm_test_is_button_labelled, "2");
    apmm_test_click (button);
    g_assert_cmpint (apmm_session_get_participant_vote (session, 1), ==, 2);
    g_assert_cmpint (apmm_session_get_participant_vote (session, 0), ==, -1);
    g_assert_true (gtk_widget_has_css_class (button, "vote-current"));
    g_assert_nonnull (apmm_test_find_widget (row, apmm_test_is_label_with_text,
                                             "Level 2 · AI Active"));

    /* The list asks a row for its width at the whole list's height. The
     * name and the vote keep the width they have at any height: wrapped
     * labels asked that way would answer the narrowest width their text
     * fits in that height, laying it out at width after width. */
    {
      int min_any, nat_any, min_tall, nat_tall;

      gtk_widget_measure (row, GTK_ORIENTATION_HORIZONTAL, -1, &min_any, &nat_any, NULL, NULL);
      gtk_widget_measure (row, GTK_ORIENTATION_HORIZONTAL, 5000, &min_tall, &nat_tall, NULL, NULL);
      g_assert_cmpint (min_tall, ==, min_any);
      g_assert_cmpint (nat_tall, ==, nat_any);
    }
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (panel);
}

/* A vote or a rename changes only the row it is about: the other rows keep
 * their widgets, and a renamed participant's buttons say the new name to a
 * screen reader. */
static void
test_vote_touches_one_row (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *panel = g_object_ref_sink (apmm_votes_panel_new ());
  GtkWidget *ana_row, *ben_row, *ana_subtitle, *ben_two;

  apmm_session_add_participant (session, "Ana", 1);
  apmm_session_add_participant (session, "Ben", -1);
  apmm_votes_panel_set_session (APMM_VOTES_PANEL (panel), session);
  ana_row = gtk_widget_get_ancestor (apmm_test_find_widget (panel, apmm_test_is_label_with_text, "Ana"),
                                     GTK_TYPE_LIST_BOX_ROW);
  ben_row = gtk_widget_get_ancestor (apmm_test_find_widget (panel, apmm_test_is_label_with_text, "Ben"),
                                     GTK_TYPE_LIST_BOX_ROW);
  ana_subtitle = apmm_test_find_widget (ana_row, apmm_test_is_label_with_text, "Level 1 · AI Licensed");
  g_assert_nonnull (ana_subtitle);

  ben_two = apmm_test_find_widget (ben_row, apmm_test_is_button_labelled, "2");
  apmm_test_click (ben_two);
  g_assert_true (gtk_widget_has_css_class (ben_two, "vote-current"));
  g_assert_nonnull (apmm_test_find_widget (ben_row, apmm_test_is_label_with_text, "Level 2 · AI Active"));
  g_assert_true (apmm_test_find_widget (ana_row, apmm_test_is_label_with_text,
                                        "Level 1 · AI Licensed") == ana_subtitle);

  apmm_test_assert_accessible_label (ben_two, "Ben votes Level 2 · AI Active");
  apmm_session_rename_participant (session, 1, "Ben Okafor");
  g_assert_nonnull (apmm_test_find_widget (ben_row, apmm_test_is_label_with_text, "Ben Okafor"));
  apmm_test_assert_accessible_label (ben_two, "Ben Okafor votes Level 2 · AI Active");
  apmm_test_assert_accessible_label (apmm_test_find_widget (ben_row, apmm_test_is_button_with_icon,
                                                            "edit-clear-symbolic"),
                                     "Clear the vote of Ben Okafor");

  /* Hiding the votes still reaches every row. */
  apmm_session_set_votes_hidden (session, TRUE);
  g_assert_false (gtk_widget_has_css_class (ben_two, "vote-current"));
  g_assert_nonnull (apmm_test_find_widget (ana_row, apmm_test_is_label_with_text, "Vote recorded"));

  g_assert_finalize_object (panel);
}

static void
test_hidden_votes_stay_hidden (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *page = g_object_ref_sink (apmm_assessment_page_new ());
  GtkWidget *window, *strip, *hide, *plus;

  apmm_assessment_page_set_session (APMM_ASSESSMENT_PAGE (page), session);
  window = apmm_test_show_in_window (page, 1024);
  strip = apmm_test_find_widget (page, apmm_test_is_of_type,
                                 APMM_TEST_TYPE (APMM_TYPE_RESULT_STRIP));

  hide = apmm_test_find_widget (page, apmm_test_is_label_with_text, "Hide Votes");
  while (hide != NULL && !GTK_IS_TOGGLE_BUTTON (hide))
    hide = gtk_widget_get_parent (hide);
  g_assert_nonnull (hide);
  apmm_test_click (hide);
  g_assert_true (apmm_session_get_votes_hidden (session));

  plus = apmm_test_find_widget (page, is_add_vote_button, GUINT_TO_POINTER (4));
  apmm_test_click (plus);
  apmm_test_click (plus);
  apmm_test_iterate ();
  g_assert_cmpuint (apmm_session_get_tally (session, 4), ==, 2);

  /* Nothing shows a count or the perceived level; the hidden notice does. */
  g_assert_null (apmm_test_find_widget (page, is_counter_with_text, NULL));
  g_assert_false (is_shown (perceived_label (strip)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (perceived_label (strip))), ==, "");
  g_assert_null (apmm_test_find_widget (strip, apmm_test_is_label_with_text,
                                        "Level 4 · AI Native"));
  g_assert_null (apmm_test_find_widget (page, apmm_test_is_label_with_text,
                              "The room rates itself four levels above the evidence"));
  g_assert_true (is_shown (apmm_test_find_widget (strip, apmm_test_is_label_with_text,
                                                  "Votes hidden — 2 cast")));

  /* Reveal from the strip. */
  apmm_test_click (apmm_test_find_widget (strip, apmm_test_is_button_labelled, "Reveal"));
  apmm_test_iterate ();
  g_assert_false (apmm_session_get_votes_hidden (session));
  g_assert_true (is_shown (perceived_label (strip)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (perceived_label (strip))), ==,
                   "Level 4 · AI Native");
  g_assert_nonnull (apmm_test_find_widget (page, is_counter_with_text, NULL));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (hide)));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
}

static void
test_prompt_notes_and_jump (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *page = g_object_ref_sink (apmm_assessment_page_new ());
  GtkWidget *window, *notes, *jump, *row;
  GtkTextBuffer *buffer;
  GtkRoot *root;

  apmm_assessment_page_set_session (APMM_ASSESSMENT_PAGE (page), session);
  window = apmm_test_show_in_window (page, 1024);

  notes = apmm_test_find_widget (page, has_css_class, "prompt-notes");
  g_assert_nonnull (notes);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes));
  gtk_text_buffer_set_text (buffer, "Nobody could name the daily users", -1);
  g_assert_cmpstr (apmm_session_get_prompt_notes (session, "adoption"), ==,
                   "Nobody could name the daily users");

  apmm_session_set_prompt_notes (session, "adoption", "");
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, 0);

  jump = apmm_test_find_widget (page, has_css_class, "informs-button");
  g_assert_nonnull (jump);
  apmm_test_click (jump);
  row = apmm_test_find_widget (page, is_criterion_row, "l2.adoption-measured");
  g_assert_true (gtk_widget_has_css_class (row, "highlighted"));
  root = gtk_widget_get_root (page);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (root), row));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
}

static void
test_empty_state (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *page = g_object_ref_sink (apmm_assessment_page_new ());
  GtkWidget *window = apmm_test_show_in_window (page, 1024);
  GtkStack *stack = GTK_STACK (adw_bin_get_child (ADW_BIN (page)));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  apmm_assessment_page_set_session (APMM_ASSESSMENT_PAGE (page), session);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "content");
  apmm_assessment_page_set_session (APMM_ASSESSMENT_PAGE (page), NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  /* Detached from the page, the session's edits reach no widget. */
  apmm_session_set_status (session, "l1.tools-purchased", APMM_STATUS_MET);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
}

/* A paragraph's minimum width is a few words, not a letter: GTK 4.8
 * measures a wrapped label's minimum by laying its text out at that width,
 * so a letter a line would shape every letter of the text apart. The empty
 * state, not shown, is not measured at all. */
static void
test_paragraphs_measured_at_words (void)
{
  g_autoptr(ApmmSession) session = apmm_test_load_example ("meridian-insurance.apmm");
  GtkWidget *page = g_object_ref_sink (apmm_assessment_page_new ());
  GtkWidget *window;
  GtkWidget *chasm_text;
  GtkWidget *empty;
  int minimum = 0, letter = 0;

  apmm_assessment_page_set_session (APMM_ASSESSMENT_PAGE (page), session);
  window = apmm_test_show_in_window (page, 1024);
  chasm_text = apmm_test_find_widget (page, apmm_test_is_label_with_text,
                                      apmm_model_get_chasm_text (apmm_model_get_default ()));
  g_assert_nonnull (chasm_text);
  gtk_widget_measure (chasm_text, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  {
    g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (chasm_text, "m");

    pango_layout_get_pixel_size (layout, &letter, NULL);
  }
  g_assert_cmpint (minimum, >=, 4 * letter);

  empty = gtk_stack_get_child_by_name (GTK_STACK (adw_bin_get_child (ADW_BIN (page))), "empty");
  g_assert_false (gtk_stack_get_hhomogeneous (GTK_STACK (adw_bin_get_child (ADW_BIN (page)))));
  g_assert_false (gtk_widget_get_child_visible (empty));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
}

/* The window can be as narrow as 360 px, so the page must fold to fit that
 * with a full session, the example the app ships, in it. */
static void
test_fits_narrow_window (void)
{
  g_autoptr(ApmmSession) session = apmm_test_load_example ("meridian-insurance.apmm");
  GtkWidget *page = g_object_ref_sink (apmm_assessment_page_new ());

  apmm_assessment_page_set_session (APMM_ASSESSMENT_PAGE (page), session);
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
  page = g_object_ref_sink (apmm_assessment_page_new ());
  apmm_assessment_page_set_session (APMM_ASSESSMENT_PAGE (page), session);
  caption = apmm_test_find_widget (page, apmm_test_is_of_type, APMM_TEST_TYPE (APMM_TYPE_SESSION_CAPTION));
  g_assert_nonnull (caption);
  g_assert_cmpstr (apmm_session_caption_get_text (APMM_SESSION_CAPTION (caption)), ==, "Acme Mutual · 14 May 2026");
  apmm_session_set_organisation (session, "Acme Re");
  g_assert_cmpstr (apmm_session_caption_get_text (APMM_SESSION_CAPTION (caption)), ==, "Acme Re · 14 May 2026");

  g_assert_finalize_object (page);
}

/* The row of the @index-th participant (from 0) in the votes panel,
 * whether its content is made yet or not. */
static GtkWidget *
vote_row (GtkWidget *root,
          guint      index)
{
  return apmm_test_list_row (root, "participant-vote-row", index);
}

static ApmmSession *
session_with_participants (guint n)
{
  ApmmSession *session = apmm_session_new ();

  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Participant %u", i);

      apmm_session_add_participant (session, name, -1);
    }
  return session;
}

/* With hundreds of participants the page draws only the rows near the view
 * (docs/performance.md): a row far below is not drawn, and is drawn, with
 * its name, as soon as it is scrolled to, here by the keyboard focus. */
static void
test_long_votes_list_draws_rows_in_view (void)
{
  g_autoptr(ApmmSession) session = session_with_participants (300);
  GtkWidget *page = g_object_ref_sink (apmm_assessment_page_new ());
  GtkWidget *window, *scrolled, *first_row, *last_row, *button;

  apmm_assessment_page_set_session (APMM_ASSESSMENT_PAGE (page), session);
  window = apmm_test_show_in_window (page, 1024);
  apmm_test_wait_for_frame (page);

  first_row = vote_row (page, 0);
  last_row = vote_row (page, 299);
  scrolled = gtk_widget_get_ancestor (first_row, GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scrolled);
  g_assert_false (apmm_list_box_row_is_drawn (last_row));

  /* Tab (or a screen reader) moves the focus there: the page scrolls, and
   * the row is painted. */
  g_assert_true (gtk_widget_grab_focus (last_row));
  apmm_test_wait_for_scrolling (GTK_SCROLLED_WINDOW (scrolled));
  button = apmm_test_find_widget (last_row, apmm_test_is_button_labelled, "2");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_grab_focus (button));
  apmm_test_wait_for_scrolling (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_true (apmm_list_box_row_is_drawn (last_row));
  g_assert_cmpuint (apmm_test_count_colours (scrolled, last_row), >, 8);

  /* And the first rows, now far above, are not drawn any more. */
  g_assert_false (apmm_list_box_row_is_drawn (first_row));

  /* Scrolling back with the scroll bar brings them back. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), 0);
  apmm_test_wait_for_scrolling (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_false (apmm_list_box_row_is_drawn (last_row));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
}

/* Opening the page with hundreds of participants makes the content of the
 * rows in view only (docs/performance.md): a row far below is a
 * placeholder a screen reader can still name, and is made when the focus
 * moves to it, showing the session as it is then, and votes as any other. */
static void
test_long_votes_list_builds_rows_in_view (void)
{
  g_autoptr(ApmmSession) session = session_with_participants (300);
  GtkWidget *page = g_object_ref_sink (apmm_assessment_page_new ());
  GtkWidget *window, *scrolled, *last_row, *middle_row, *name, *three, *one;

  apmm_assessment_page_set_session (APMM_ASSESSMENT_PAGE (page), session);
  window = apmm_test_show_in_window (page, 1024);
  apmm_test_wait_for_frame (page);

  g_assert_true (apmm_list_row_is_built (GTK_LIST_BOX_ROW (vote_row (page, 0))));
  middle_row = vote_row (page, 150);
  last_row = vote_row (page, 299);
  scrolled = gtk_widget_get_ancestor (vote_row (page, 0), GTK_TYPE_SCROLLED_WINDOW);
  g_assert_false (apmm_list_row_is_built (GTK_LIST_BOX_ROW (middle_row)));
  g_assert_false (apmm_list_row_is_built (GTK_LIST_BOX_ROW (last_row)));
  g_assert_null (apmm_test_find_widget (last_row, apmm_test_is_of_type,
                                        APMM_TEST_TYPE (GTK_TYPE_BUTTON)));
  apmm_test_assert_accessible_label (middle_row, "Participant 151");
  apmm_test_assert_accessible_label (last_row, "Participant 300");

  /* What happens to a participant before the row is made shows in it. */
  apmm_session_rename_participant (session, 299, "Zoë Okafor");
  apmm_session_set_participant_vote (session, 299, 3);
  apmm_test_assert_accessible_label (last_row, "Zoë Okafor");
  g_assert_false (apmm_list_row_is_built (GTK_LIST_BOX_ROW (last_row)));

  g_assert_true (gtk_widget_grab_focus (last_row));
  apmm_test_wait_for_scrolling (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_true (apmm_list_row_is_built (GTK_LIST_BOX_ROW (last_row)));
  g_assert_false (apmm_list_row_is_built (GTK_LIST_BOX_ROW (middle_row)));
  name = apmm_test_find_widget (last_row, apmm_test_is_label_with_text, "Zoë Okafor");
  g_assert_nonnull (name);
  g_assert_cmpuint (apmm_test_count_colours (scrolled, name), >, 8);
  g_assert_nonnull (apmm_test_find_widget (last_row, apmm_test_is_label_with_text,
                                           "Level 3 · AI Reliable"));
  three = apmm_test_find_widget (last_row, apmm_test_is_button_labelled, "3");
  g_assert_true (gtk_widget_has_css_class (three, "vote-current"));
  apmm_test_assert_accessible_label (three, "Zoë Okafor votes Level 3 · AI Reliable");

  /* Its buttons vote. */
  one = apmm_test_find_widget (last_row, apmm_test_is_button_labelled, "1");
  apmm_test_click (one);
  g_assert_cmpint (apmm_session_get_participant_vote (session, 299), ==, 1);
  g_assert_true (gtk_widget_has_css_class (one, "vote-current"));
  g_assert_false (gtk_widget_has_css_class (three, "vote-current"));
  g_assert_nonnull (apmm_test_find_widget (last_row, apmm_test_is_label_with_text,
                                           "Level 1 · AI Licensed"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/assessment-page/templates", test_templates);
  g_test_add_func ("/assessment-page/add-participant-in-votes", test_add_participant_in_votes);
  g_test_add_func ("/assessment-page/rating-changes-strip", test_rating_changes_strip);
  g_test_add_func ("/assessment-page/note-and-confirmation", test_note_and_confirmation);
  g_test_add_func ("/assessment-page/long-note-wraps", test_long_note_wraps);
  g_test_add_func ("/assessment-page/note-shown-with-its-width", test_note_shown_with_its_width);
  g_test_add_func ("/assessment-page/note-follows-font", test_note_follows_font);
  g_test_add_func ("/assessment-page/strip-keeps-height", test_strip_keeps_height);
  g_test_add_func ("/assessment-page/overestimation-fact", test_overestimation_fact);
  g_test_add_func ("/assessment-page/votes-change-perceived", test_votes_change_perceived);
  g_test_add_func ("/assessment-page/per-person-votes", test_per_person_votes);
  g_test_add_func ("/assessment-page/vote-touches-one-row", test_vote_touches_one_row);
  g_test_add_func ("/assessment-page/long-votes-list-draws-rows-in-view",
                   test_long_votes_list_draws_rows_in_view);
  g_test_add_func ("/assessment-page/long-votes-list-builds-rows-in-view",
                   test_long_votes_list_builds_rows_in_view);
  g_test_add_func ("/assessment-page/hidden-votes-stay-hidden", test_hidden_votes_stay_hidden);
  g_test_add_func ("/assessment-page/prompt-notes-and-jump", test_prompt_notes_and_jump);
  g_test_add_func ("/assessment-page/empty-state", test_empty_state);
  g_test_add_func ("/assessment-page/fits-narrow-window", test_fits_narrow_window);
  g_test_add_func ("/assessment-page/paragraphs-measured-at-words", test_paragraphs_measured_at_words);

  g_test_add_func ("/assessment-page/session-caption", test_session_caption);
  return g_test_run ();
}
