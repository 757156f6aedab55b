/* test-history.c — undo, redo, merged edits and the unsaved-changes state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "apmm-history.h"

typedef struct
{
  ApmmSession *session;
  ApmmHistory *history;
  char        *last_description;   /* the session's last "changed" description */
  guint        n_can_undo;         /* notify::can-undo emissions */
  guint        n_can_redo;
  guint        n_modified;
} Fixture;

static void
on_changed_cb (ApmmSession *session,
               const char  *description,
               Fixture     *fixture)
{
  g_free (fixture->last_description);
  fixture->last_description = g_strdup (description);
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *counter)
{
  (*counter)++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->session = apmm_session_new ();
  apmm_session_set_organisation (fixture->session, "Northwind");
  g_signal_connect (fixture->session, "changed", G_CALLBACK (on_changed_cb), fixture);

  fixture->history = apmm_history_new (fixture->session);
  g_assert_true (apmm_history_get_session (fixture->history) == fixture->session);
  g_signal_connect (fixture->history, "notify::can-undo",
                    G_CALLBACK (on_notify_cb), &fixture->n_can_undo);
  g_signal_connect (fixture->history, "notify::can-redo",
                    G_CALLBACK (on_notify_cb), &fixture->n_can_redo);
  g_signal_connect (fixture->history, "notify::modified",
                    G_CALLBACK (on_notify_cb), &fixture->n_modified);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->history);
  g_assert_finalize_object (fixture->session);
  g_free (fixture->last_description);
}

/* Each undo returns the session to exactly the state before the edit, and
 * redo replays it exactly. */
static void
test_undo_redo_exact (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(ApmmSession) state0 = apmm_session_copy (fixture->session);
  g_autoptr(ApmmSession) state1 = NULL;
  g_autoptr(ApmmSession) state2 = NULL;

  g_assert_false (apmm_history_can_undo (fixture->history));
  g_assert_false (apmm_history_can_redo (fixture->history));

  apmm_session_set_status (fixture->session, "l1.tools-purchased", APMM_STATUS_MET);
  state1 = apmm_session_copy (fixture->session);
  apmm_session_add_participant (fixture->session, "Ada", 3);
  state2 = apmm_session_copy (fixture->session);
  g_assert_false (apmm_session_equal (state1, state2));

  apmm_history_undo (fixture->history);
  g_assert_true (apmm_session_equal (fixture->session, state1));
  g_assert_true (apmm_history_can_redo (fixture->history));
  apmm_history_undo (fixture->history);
  g_assert_true (apmm_session_equal (fixture->session, state0));
  g_assert_false (apmm_history_can_undo (fixture->history));

  /* Nothing left: a further undo changes nothing. */
  apmm_history_undo (fixture->history);
  g_assert_true (apmm_session_equal (fixture->session, state0));

  apmm_history_redo (fixture->history);
  g_assert_true (apmm_session_equal (fixture->session, state1));
  apmm_history_redo (fixture->history);
  g_assert_true (apmm_session_equal (fixture->session, state2));
  g_assert_false (apmm_history_can_redo (fixture->history));
  g_assert_true (apmm_history_can_undo (fixture->history));
}

/* Undo and redo change the session themselves; that must not count as a new edit. */
static void
test_undo_is_not_an_edit (Fixture       *fixture,
                          gconstpointer  data)
{
  apmm_session_set_target_level (fixture->session, 3);
  apmm_history_undo (fixture->history);
  g_assert_false (apmm_history_can_undo (fixture->history));
  g_assert_true (apmm_history_can_redo (fixture->history));

  apmm_history_redo (fixture->history);
  g_assert_cmpint (apmm_session_get_target_level (fixture->session), ==, 3);
  g_assert_true (apmm_history_can_undo (fixture->history));
  g_assert_false (apmm_history_can_redo (fixture->history));

  apmm_history_undo (fixture->history);
  g_assert_cmpint (apmm_session_get_target_level (fixture->session), ==, -1);
}

static void
test_new_edit_clears_redo (Fixture       *fixture,
                           gconstpointer  data)
{
  apmm_session_set_perceived_level (fixture->session, 2);
  apmm_session_set_target_level (fixture->session, 3);
  apmm_history_undo (fixture->history);
  g_assert_true (apmm_history_can_redo (fixture->history));

  apmm_session_set_facilitator (fixture->session, "Grace");
  g_assert_false (apmm_history_can_redo (fixture->history));
  g_assert_null (apmm_history_get_redo_label (fixture->history));

  apmm_history_redo (fixture->history);
  g_assert_cmpint (apmm_session_get_target_level (fixture->session), ==, -1);
  g_assert_cmpstr (apmm_session_get_facilitator (fixture->session), ==, "Grace");

  apmm_history_undo (fixture->history);
  g_assert_cmpstr (apmm_session_get_facilitator (fixture->session), ==, "");
  g_assert_cmpint (apmm_session_get_perceived_level (fixture->session), ==, 2);
}

/* Typing a note is one step: quick edits with the same description merge. */
static void
test_merge_quick_edits (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *note = "l2.live-real-data";

  apmm_session_set_evidence_note (fixture->session, note, "D");
  apmm_session_set_evidence_note (fixture->session, note, "De");
  apmm_session_set_evidence_note (fixture->session, note, "Demo");
  g_assert_true (apmm_history_can_undo (fixture->history));

  apmm_history_undo (fixture->history);
  g_assert_cmpstr (apmm_session_get_evidence_note (fixture->session, note), ==, "");
  g_assert_false (apmm_history_can_undo (fixture->history));

  apmm_history_redo (fixture->history);
  g_assert_cmpstr (apmm_session_get_evidence_note (fixture->session, note), ==, "Demo");
}

/* Typing a word and erasing it at once leaves nothing to undo. */
static void
test_merge_back_to_start (Fixture       *fixture,
                          gconstpointer  data)
{
  apmm_session_set_notes (fixture->session, "T");
  apmm_session_set_notes (fixture->session, "Ty");
  apmm_session_set_notes (fixture->session, "T");
  apmm_session_set_notes (fixture->session, "");

  g_assert_false (apmm_history_can_undo (fixture->history));
  g_assert_null (apmm_history_get_undo_label (fixture->history));
  g_assert_false (apmm_history_get_modified (fixture->history));

  /* The next keystroke starts a fresh step. */
  apmm_session_set_notes (fixture->session, "N");
  apmm_history_undo (fixture->history);
  g_assert_cmpstr (apmm_session_get_notes (fixture->session), ==, "");
  g_assert_false (apmm_history_can_undo (fixture->history));
}

/* Edits with different descriptions stay apart, however quick. */
static void
test_no_merge_across_descriptions (Fixture       *fixture,
                                   gconstpointer  data)
{
  apmm_session_set_facilitator (fixture->session, "G");
  apmm_session_set_notes (fixture->session, "N");
  apmm_session_set_facilitator (fixture->session, "Gr");

  apmm_history_undo (fixture->history);
  g_assert_cmpstr (apmm_session_get_facilitator (fixture->session), ==, "G");
  g_assert_cmpstr (apmm_session_get_notes (fixture->session), ==, "N");
  apmm_history_undo (fixture->history);
  g_assert_cmpstr (apmm_session_get_notes (fixture->session), ==, "");
  apmm_history_undo (fixture->history);
  g_assert_cmpstr (apmm_session_get_facilitator (fixture->session), ==, "");
  g_assert_false (apmm_history_can_undo (fixture->history));
}

/* A pause longer than the merge window starts a new step. */
/* Clicks never merge: two quick "Add participant" are two steps. */
static void
test_clicks_are_steps (Fixture       *fixture,
                       gconstpointer  data)
{
  apmm_session_add_participant (fixture->session, "Ada", -1);
  apmm_session_add_participant (fixture->session, "Grace", -1);
  apmm_session_set_status (fixture->session, "l1.tools-purchased", APMM_STATUS_MET);
  apmm_session_set_status (fixture->session, "l1.tools-purchased", APMM_STATUS_PARTLY);

  apmm_history_undo (fixture->history);
  g_assert_cmpint (apmm_session_get_status (fixture->session, "l1.tools-purchased"), ==, APMM_STATUS_MET);
  apmm_history_undo (fixture->history);
  g_assert_cmpint (apmm_session_get_status (fixture->session, "l1.tools-purchased"), ==, APMM_STATUS_UNKNOWN);
  apmm_history_undo (fixture->history);
  g_assert_cmpuint (apmm_session_get_n_participants (fixture->session), ==, 1);
  apmm_history_undo (fixture->history);
  g_assert_cmpuint (apmm_session_get_n_participants (fixture->session), ==, 0);
  g_assert_false (apmm_history_can_undo (fixture->history));
}

/* A batch is one step under its own name, however many changes it makes;
 * batches nest; an empty batch leaves nothing to undo. */
static void
test_batch (Fixture       *fixture,
            gconstpointer  data)
{
  guint before_modified = fixture->n_modified;

  apmm_history_begin_batch (fixture->history, "Draft from Gaps");
  apmm_session_add_participant (fixture->session, "Ada", 1);
  apmm_history_begin_batch (fixture->history, "Inner");
  apmm_session_set_status (fixture->session, "l1.tools-purchased", APMM_STATUS_MET);
  apmm_history_end_batch (fixture->history);
  /* Nothing is recorded until the outermost batch ends. */
  g_assert_false (apmm_history_can_undo (fixture->history));
  apmm_session_set_notes (fixture->session, "Drafted");
  apmm_history_end_batch (fixture->history);

  g_assert_true (apmm_history_can_undo (fixture->history));
  g_assert_cmpstr (apmm_history_get_undo_label (fixture->history), ==, "Draft from Gaps");
  g_assert_true (apmm_history_get_modified (fixture->history));
  g_assert_cmpuint (fixture->n_modified, ==, before_modified + 1);

  apmm_history_undo (fixture->history);
  g_assert_cmpuint (apmm_session_get_n_participants (fixture->session), ==, 0);
  g_assert_cmpint (apmm_session_get_status (fixture->session, "l1.tools-purchased"), ==, APMM_STATUS_UNKNOWN);
  g_assert_cmpstr (apmm_session_get_notes (fixture->session), ==, "");
  g_assert_false (apmm_history_can_undo (fixture->history));
  apmm_history_redo (fixture->history);
  g_assert_cmpstr (apmm_session_get_notes (fixture->session), ==, "Drafted");
  g_assert_cmpuint (apmm_session_get_n_participants (fixture->session), ==, 1);

  /* The next edit is a step of its own, not part of the batch. */
  apmm_session_set_notes (fixture->session, "Drafted!");
  apmm_history_undo (fixture->history);
  g_assert_cmpstr (apmm_session_get_notes (fixture->session), ==, "Drafted");

  /* An empty batch. */
  apmm_history_begin_batch (fixture->history, "Nothing");
  apmm_history_end_batch (fixture->history);
  g_assert_cmpstr (apmm_history_get_undo_label (fixture->history), ==, "Draft from Gaps");
}

static void
test_no_merge_after_pause (Fixture       *fixture,
                           gconstpointer  data)
{
  apmm_session_set_notes (fixture->session, "First");
  g_usleep ((APMM_HISTORY_MERGE_MS + 100) * G_TIME_SPAN_MILLISECOND);
  apmm_session_set_notes (fixture->session, "First thought");

  apmm_history_undo (fixture->history);
  g_assert_cmpstr (apmm_session_get_notes (fixture->session), ==, "First");
  apmm_history_undo (fixture->history);
  g_assert_cmpstr (apmm_session_get_notes (fixture->session), ==, "");
}

/* An edit right after undo is a new step, not part of the undone one. */
static void
test_no_merge_across_undo (Fixture       *fixture,
                           gconstpointer  data)
{
  apmm_session_set_notes (fixture->session, "A");
  apmm_session_set_notes (fixture->session, "AB");
  apmm_history_redo (fixture->history);
  apmm_history_undo (fixture->history);
  apmm_history_redo (fixture->history);
  apmm_session_set_notes (fixture->session, "ABC");

  apmm_history_undo (fixture->history);
  g_assert_cmpstr (apmm_session_get_notes (fixture->session), ==, "AB");
  apmm_history_undo (fixture->history);
  g_assert_cmpstr (apmm_session_get_notes (fixture->session), ==, "");
}

static void
test_labels (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *rating_label = NULL;
  g_autofree char *vote_label = NULL;
  g_autofree char *property_label = NULL;

  g_assert_null (apmm_history_get_undo_label (fixture->history));
  g_assert_null (apmm_history_get_redo_label (fixture->history));

  apmm_session_set_status (fixture->session, "l1.budget-allocated", APMM_STATUS_PARTLY);
  rating_label = g_strdup (fixture->last_description);
  g_assert_nonnull (rating_label);
  g_assert_cmpstr (rating_label, !=, "");
  g_assert_cmpstr (apmm_history_get_undo_label (fixture->history), ==, rating_label);

  apmm_session_set_tally (fixture->session, 2, 4);
  vote_label = g_strdup (fixture->last_description);
  g_assert_cmpstr (vote_label, !=, rating_label);
  g_assert_cmpstr (apmm_history_get_undo_label (fixture->history), ==, vote_label);

  apmm_history_undo (fixture->history);
  g_assert_cmpstr (apmm_history_get_undo_label (fixture->history), ==, rating_label);
  g_assert_cmpstr (apmm_history_get_redo_label (fixture->history), ==, vote_label);

  g_object_get (fixture->history, "redo-label", &property_label, NULL);
  g_assert_cmpstr (property_label, ==, vote_label);

  apmm_history_undo (fixture->history);
  g_assert_null (apmm_history_get_undo_label (fixture->history));
  g_assert_cmpstr (apmm_history_get_redo_label (fixture->history), ==, rating_label);
}

/* Modified compares content with the saved state, so undoing back to it
 * clears the mark and editing back to it by hand does too. */
static void
test_modified (Fixture       *fixture,
               gconstpointer  data)
{
  gboolean modified = TRUE;

  g_assert_false (apmm_history_get_modified (fixture->history));

  apmm_session_set_date (fixture->session, "2025-03-14");
  g_assert_true (apmm_history_get_modified (fixture->history));
  g_assert_cmpuint (fixture->n_modified, ==, 1);

  apmm_history_mark_saved (fixture->history);
  g_assert_false (apmm_history_get_modified (fixture->history));
  g_assert_cmpuint (fixture->n_modified, ==, 2);

  apmm_session_set_date (fixture->session, "2025-03-15");
  g_assert_true (apmm_history_get_modified (fixture->history));
  apmm_history_undo (fixture->history);
  g_assert_false (apmm_history_get_modified (fixture->history));
  apmm_history_undo (fixture->history);
  g_assert_true (apmm_history_get_modified (fixture->history));
  apmm_history_redo (fixture->history);
  g_assert_false (apmm_history_get_modified (fixture->history));

  apmm_session_set_title (fixture->session, "Kick-off");
  g_assert_true (apmm_history_get_modified (fixture->history));
  apmm_session_set_title (fixture->session, "");
  g_assert_false (apmm_history_get_modified (fixture->history));

  g_object_get (fixture->history, "modified", &modified, NULL);
  g_assert_false (modified);
}

/* A quick edit right after saving is its own step: undo returns to the saved state. */
static void
test_no_merge_across_save (Fixture       *fixture,
                           gconstpointer  data)
{
  apmm_session_set_notes (fixture->session, "Saved");
  apmm_history_mark_saved (fixture->history);
  apmm_session_set_notes (fixture->session, "Saved text");

  apmm_history_undo (fixture->history);
  g_assert_cmpstr (apmm_session_get_notes (fixture->session), ==, "Saved");
  g_assert_false (apmm_history_get_modified (fixture->history));
}

/* Notify fires when the state flips, never for an edit that leaves it alone. */
static void
test_notify (Fixture       *fixture,
             gconstpointer  data)
{
  gboolean can_undo = FALSE;

  apmm_session_set_perceived_level (fixture->session, 1);
  g_assert_cmpuint (fixture->n_can_undo, ==, 1);
  g_assert_cmpuint (fixture->n_can_redo, ==, 0);

  apmm_session_set_target_level (fixture->session, 4);
  g_assert_cmpuint (fixture->n_can_undo, ==, 1);

  apmm_history_undo (fixture->history);
  g_assert_cmpuint (fixture->n_can_undo, ==, 1);
  g_assert_cmpuint (fixture->n_can_redo, ==, 1);

  apmm_history_undo (fixture->history);
  g_assert_cmpuint (fixture->n_can_undo, ==, 2);
  g_assert_cmpuint (fixture->n_can_redo, ==, 1);
  g_object_get (fixture->history, "can-undo", &can_undo, NULL);
  g_assert_false (can_undo);

  apmm_history_redo (fixture->history);
  apmm_history_redo (fixture->history);
  g_assert_cmpuint (fixture->n_can_undo, ==, 3);
  g_assert_cmpuint (fixture->n_can_redo, ==, 2);

  /* A no-op edit emits nothing and so records nothing. */
  apmm_session_set_target_level (fixture->session, 4);
  g_assert_cmpuint (fixture->n_can_undo, ==, 3);
  g_assert_cmpuint (fixture->n_can_redo, ==, 2);
}

/* Undo reaches back at most 200 steps. */
static void
test_cap (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(ApmmSession) oldest = NULL;
  guint n_undone = 0;

  for (guint i = 1; i <= 205; i++)
    {
      g_autofree char *value = g_strdup_printf ("%u", i);

      /* Alternating fields keeps the edits from merging. */
      if (i % 2 == 0)
        apmm_session_set_facilitator (fixture->session, value);
      else
        apmm_session_set_organisation (fixture->session, value);

      if (i == 5)
        oldest = apmm_session_copy (fixture->session);
    }

  while (apmm_history_can_undo (fixture->history))
    {
      apmm_history_undo (fixture->history);
      n_undone++;
    }

  g_assert_cmpuint (n_undone, ==, 200);
  g_assert_true (apmm_session_equal (fixture->session, oldest));
}

static void
add_test (const char *path,
          void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_test ("/history/undo-redo-exact", test_undo_redo_exact);
  add_test ("/history/undo-is-not-an-edit", test_undo_is_not_an_edit);
  add_test ("/history/new-edit-clears-redo", test_new_edit_clears_redo);
  add_test ("/history/merge/quick-edits", test_merge_quick_edits);
  add_test ("/history/merge/back-to-start", test_merge_back_to_start);
  add_test ("/history/merge/not-across-descriptions", test_no_merge_across_descriptions);
  add_test ("/history/merge/not-after-pause", test_no_merge_after_pause);
  add_test ("/history/merge/not-clicks", test_clicks_are_steps);
  add_test ("/history/batch", test_batch);
  add_test ("/history/merge/not-across-undo", test_no_merge_across_undo);
  add_test ("/history/merge/not-across-save", test_no_merge_across_save);
  add_test ("/history/labels", test_labels);
  add_test ("/history/modified", test_modified);
  add_test ("/history/notify", test_notify);
  add_test ("/history/cap", test_cap);

  return g_test_run ();
}
