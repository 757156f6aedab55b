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

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

#define TYPE(t) GSIZE_TO_POINTER (t)

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* What the user can read: a label that is drawn and has text. */
static gboolean
is_shown (GtkWidget *widget)
{
  return widget != NULL && gtk_widget_is_drawable (widget);
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

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  return window;
}

static GtkWidget *
criterion_button (GtkWidget  *root,
                  const char *criterion_id,
                  const char *status_class)
{
  GtkWidget *row = find_widget (root, is_criterion_row, criterion_id);

  g_assert_nonnull (row);
  return find_widget (row, has_css_class, status_class);
}

static const char *
evidence_text (GtkWidget *root)
{
  GtkWidget *label = find_widget (root, has_css_class, "evidence-level");

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
  window = show_in_window (page);
  g_assert_cmpstr (evidence_text (page), ==, "Level 0 · AI Curious");

  click (criterion_button (page, "l1.tools-purchased", "status-met"));
  g_assert_cmpint (apmm_session_get_status (session, "l1.tools-purchased"), ==, APMM_STATUS_MET);
  g_assert_cmpstr (evidence_text (page), ==, "Level 0 · AI Curious");

  click (criterion_button (page, "l1.budget-allocated", "status-met"));
  g_assert_cmpint (apmm_session_get_status (session, "l1.budget-allocated"), ==, APMM_STATUS_MET);
  g_assert_cmpstr (evidence_text (page), ==, "Level 1 · AI Licensed");
  g_assert_nonnull (find_widget (page, is_label_with_text, "0 % of level 2 criteria met"));

  click (criterion_button (page, "l2.live-real-data", "status-partly"));
  g_assert_cmpint (apmm_session_get_status (session, "l2.live-real-data"), ==, APMM_STATUS_PARTLY);
  /* One half of three criteria: 17 %. */
  g_assert_nonnull (find_widget (page, is_label_with_text, "17 % of level 2 criteria met"));
  g_assert_nonnull (find_widget (page, is_label_with_text,
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

static void
test_note_and_confirmation (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *row = g_object_ref_sink (apmm_criterion_row_new (session, "l3.rollback"));
  GtkWidget *note, *entry;

  note = entry = find_widget (row, is_of_type, TYPE (GTK_TYPE_ENTRY));
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Runbook RB-12, tested in March");
  g_assert_cmpstr (apmm_session_get_evidence_note (session, "l3.rollback"), ==,
                   "Runbook RB-12, tested in March");

  entry = gtk_widget_get_next_sibling (entry);
  g_assert_true (GTK_IS_ENTRY (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Dana (CTO)");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (apmm_session_get_confirmed_by (session, "l3.rollback"), ==, "Dana (CTO)");
  g_assert_cmpstr (apmm_session_get_confirmed_at (session, "l3.rollback"), !=, "");

  /* An edit from elsewhere (undo) shows in the row. */
  apmm_session_set_evidence_note (session, "l3.rollback", "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note)), ==, "");

  g_assert_finalize_object (row);
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
  GtkWidget *caption = find_widget (strip, is_label_with_text, "The room feels");

  g_assert_nonnull (caption);
  return gtk_widget_get_next_sibling (caption);
}

static void
test_votes_change_perceived (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *page = g_object_ref_sink (apmm_assessment_page_new ());
  GtkWidget *strip, *window, *plus;

  apmm_assessment_page_set_session (APMM_ASSESSMENT_PAGE (page), session);
  window = show_in_window (page);
  strip = find_widget (page, is_of_type, TYPE (APMM_TYPE_RESULT_STRIP));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (perceived_label (strip))), ==, "No votes yet");

  /* No participants: the panel counts a show of hands. */
  plus = find_widget (page, is_add_vote_button, GUINT_TO_POINTER (3));
  g_assert_nonnull (plus);
  click (plus);
  click (plus);
  g_assert_cmpuint (apmm_session_get_tally (session, 3), ==, 2);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (perceived_label (strip))), ==,
                   "Level 3 · AI Reliable");
  g_assert_nonnull (find_widget (page, is_label_with_text,
                                 "The room rates itself three levels above the evidence"));

  click (find_widget (page, is_add_vote_button, GUINT_TO_POINTER (1)));
  click (find_widget (page, is_add_vote_button, GUINT_TO_POINTER (1)));
  click (find_widget (page, is_add_vote_button, GUINT_TO_POINTER (1)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (perceived_label (strip))), ==,
                   "Level 1 · AI Licensed");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
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
  window = show_in_window (panel);
  g_assert_false (apmm_votes_panel_get_anonymous (APMM_VOTES_PANEL (panel)));

  /* The second participant's "2" button. */
  {
    GtkWidget *row = find_widget (panel, is_label_with_text, "Ben");
    GtkWidget *button;

    while (row != NULL && !ADW_IS_ACTION_ROW (row))
      row = gtk_widget_get_parent (row);
    g_assert_nonnull (row);
    button = find_widget (row, is_button_labelled, "2");
    click (button);
    g_assert_cmpint (apmm_session_get_participant_vote (session, 1), ==, 2);
    g_assert_cmpint (apmm_session_get_participant_vote (session, 0), ==, -1);
    g_assert_true (gtk_widget_has_css_class (button, "vote-current"));
    g_assert_nonnull (find_widget (row, is_label_with_text, "Level 2 · AI Active"));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (panel);
}

static void
test_hidden_votes_stay_hidden (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *page = g_object_ref_sink (apmm_assessment_page_new ());
  GtkWidget *window, *strip, *hide, *plus;

  apmm_assessment_page_set_session (APMM_ASSESSMENT_PAGE (page), session);
  window = show_in_window (page);
  strip = find_widget (page, is_of_type, TYPE (APMM_TYPE_RESULT_STRIP));

  hide = find_widget (page, is_label_with_text, "Hide Votes");
  while (hide != NULL && !GTK_IS_TOGGLE_BUTTON (hide))
    hide = gtk_widget_get_parent (hide);
  g_assert_nonnull (hide);
  click (hide);
  g_assert_true (apmm_session_get_votes_hidden (session));

  plus = find_widget (page, is_add_vote_button, GUINT_TO_POINTER (4));
  click (plus);
  click (plus);
  iterate ();
  g_assert_cmpuint (apmm_session_get_tally (session, 4), ==, 2);

  /* Nothing shows a count or the perceived level; the hidden notice does. */
  g_assert_null (find_widget (page, is_counter_with_text, NULL));
  g_assert_false (is_shown (perceived_label (strip)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (perceived_label (strip))), ==, "");
  g_assert_null (find_widget (strip, is_label_with_text, "Level 4 · AI Native"));
  g_assert_null (find_widget (page, is_label_with_text,
                              "The room rates itself four levels above the evidence"));
  g_assert_true (is_shown (find_widget (strip, is_label_with_text, "Votes hidden — 2 cast")));

  /* Reveal from the strip. */
  click (find_widget (strip, is_button_labelled, "Reveal"));
  iterate ();
  g_assert_false (apmm_session_get_votes_hidden (session));
  g_assert_true (is_shown (perceived_label (strip)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (perceived_label (strip))), ==,
                   "Level 4 · AI Native");
  g_assert_nonnull (find_widget (page, is_counter_with_text, NULL));
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
  window = show_in_window (page);

  notes = find_widget (page, has_css_class, "prompt-notes");
  g_assert_nonnull (notes);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes));
  gtk_text_buffer_set_text (buffer, "Nobody could name the daily users", -1);
  g_assert_cmpstr (apmm_session_get_prompt_notes (session, "adoption"), ==,
                   "Nobody could name the daily users");

  apmm_session_set_prompt_notes (session, "adoption", "");
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, 0);

  jump = find_widget (page, has_css_class, "informs-button");
  g_assert_nonnull (jump);
  click (jump);
  row = find_widget (page, is_criterion_row, "l2.adoption-measured");
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
  GtkWidget *window = show_in_window (page);
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
  GtkWidget *page = g_object_ref_sink (apmm_assessment_page_new ());
  GtkWidget *window = gtk_window_new ();
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  int minimum = 0, natural = 0;

  gtk_css_provider_load_from_resource (css, "/org/apmm/Workshop/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_assert_no_error (error);
  session = apmm_session_load_bytes (bytes, &error);
  g_assert_no_error (error);
  apmm_assessment_page_set_session (APMM_ASSESSMENT_PAGE (page), session);
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

  g_test_add_func ("/assessment-page/templates", test_templates);
  g_test_add_func ("/assessment-page/rating-changes-strip", test_rating_changes_strip);
  g_test_add_func ("/assessment-page/note-and-confirmation", test_note_and_confirmation);
  g_test_add_func ("/assessment-page/votes-change-perceived", test_votes_change_perceived);
  g_test_add_func ("/assessment-page/per-person-votes", test_per_person_votes);
  g_test_add_func ("/assessment-page/hidden-votes-stay-hidden", test_hidden_votes_stay_hidden);
  g_test_add_func ("/assessment-page/prompt-notes-and-jump", test_prompt_notes_and_jump);
  g_test_add_func ("/assessment-page/empty-state", test_empty_state);
  g_test_add_func ("/assessment-page/fits-narrow-window", test_fits_narrow_window);

  return g_test_run ();
}
