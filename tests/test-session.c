/* test-session.c — the session document and its change notification
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "apmm-session-private.h"

/* Records every signal a session emits, in order, as "name" or "name:detail". */
typedef struct {
  GPtrArray *events;
  char      *description;  /* of the last "changed" */
} Recorder;

static void
record (Recorder   *recorder,
        const char *name,
        const char *detail)
{
  g_ptr_array_add (recorder->events,
                   detail != NULL ? g_strdup_printf ("%s:%s", name, detail) : g_strdup (name));
}

static const char *
current_signal (gpointer instance)
{
  return g_signal_name (g_signal_get_invocation_hint (instance)->signal_id);
}

static void
on_id_signal (ApmmSession *session,
              const char  *id,
              Recorder    *recorder)
{
  record (recorder, current_signal (session), id);
}

static void
on_plain_signal (ApmmSession *session,
                 Recorder    *recorder)
{
  record (recorder, current_signal (session), NULL);
}

static void
on_notify (ApmmSession *session,
           GParamSpec  *pspec,
           Recorder    *recorder)
{
  record (recorder, "notify", pspec->name);
}

static void
on_changed (ApmmSession *session,
            const char  *description,
            Recorder    *recorder)
{
  g_assert_nonnull (description);
  g_assert_cmpstr (description, !=, "");
  record (recorder, "changed", NULL);
  g_free (recorder->description);
  recorder->description = g_strdup (description);
}

static Recorder *
recorder_new (ApmmSession *session)
{
  static const char * const id_signals[] = { "rating-changed", "prompt-changed", "gap-changed" };
  static const char * const plain_signals[] = {
    "gap-order-changed", "participants-changed", "votes-changed", "roadmap-changed",
  };
  Recorder *recorder = g_new0 (Recorder, 1);

  recorder->events = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (id_signals); i++)
    g_signal_connect (session, id_signals[i], G_CALLBACK (on_id_signal), recorder);
  for (guint i = 0; i < G_N_ELEMENTS (plain_signals); i++)
    g_signal_connect (session, plain_signals[i], G_CALLBACK (on_plain_signal), recorder);
  g_signal_connect (session, "notify", G_CALLBACK (on_notify), recorder);
  g_signal_connect (session, "changed", G_CALLBACK (on_changed), recorder);

  return recorder;
}

static void
recorder_free (Recorder *recorder)
{
  g_ptr_array_unref (recorder->events);
  g_free (recorder->description);
  g_free (recorder);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Recorder, recorder_free)

/* Checks the events since the last check, space-separated, and forgets them. */
static void
assert_events (Recorder   *recorder,
               const char *expected)
{
  g_autofree char *actual = NULL;

  g_ptr_array_add (recorder->events, NULL);
  actual = g_strjoinv (" ", (char **) recorder->events->pdata);
  g_ptr_array_set_size (recorder->events, 0);

  g_assert_cmpstr (actual, ==, expected);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* g_object_set() holds "notify" back until it returns, so after a change
 * through it "changed" comes first: only the set of events is fixed. */
static void
assert_events_unordered (Recorder   *recorder,
                         const char *expected)
{
  g_auto(GStrv) expected_events = g_strsplit (expected, " ", -1);
  g_autofree char *sorted_expected = NULL;

  qsort (expected_events, g_strv_length (expected_events), sizeof (char *), compare_strings);
  g_ptr_array_sort (recorder->events, compare_strings);
  sorted_expected = g_strjoinv (" ", expected_events);
  assert_events (recorder, sorted_expected);
}

static void
expect_critical (void)
{
  g_test_expect_message ("apmm-session", G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
}

static void
test_session_defaults (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  g_assert_cmpstr (apmm_session_get_organisation (session), ==, "");
  g_assert_cmpstr (apmm_session_get_facilitator (session), ==, "");
  g_assert_cmpstr (apmm_session_get_title (session), ==, "");
  g_assert_cmpstr (apmm_session_get_notes (session), ==, "");
  g_assert_cmpstr (apmm_session_get_date (session), ==, today);
  g_assert_cmpint (apmm_session_get_perceived_level (session), ==, -1);
  g_assert_cmpint (apmm_session_get_target_level (session), ==, -1);
  g_assert_false (apmm_session_get_votes_hidden (session));
  g_assert_cmpuint (apmm_session_get_n_participants (session), ==, 0);
  g_assert_cmpuint (apmm_session_count_votes (session, NULL), ==, 0);
  g_assert_cmpint (apmm_session_get_status (session, "l3.rollback"), ==, APMM_STATUS_UNKNOWN);
  g_assert_cmpstr (apmm_session_get_evidence_note (session, "l3.rollback"), ==, "");
  g_assert_cmpstr (apmm_session_get_confirmed_by (session, "l3.rollback"), ==, "");
  g_assert_cmpstr (apmm_session_get_confirmed_at (session, "l3.rollback"), ==, "");
  g_assert_cmpstr (apmm_session_get_prompt_notes (session, "failure"), ==, "");
  g_assert_cmpuint (apmm_session_get_gap_impact (session, "l3.rollback"), ==, 2);
  g_assert_cmpuint (apmm_session_get_gap_effort (session, "l3.rollback"), ==, 2);
  g_assert_cmpstr (apmm_session_get_gap_owner (session, "l3.rollback"), ==, "");
  g_assert_cmpstr (apmm_session_get_gap_note (session, "l3.rollback"), ==, "");
  g_assert_null (apmm_session_get_gap_order (session));
  g_assert_cmpuint (apmm_session_get_n_actions (session), ==, 0);
  g_assert_null (apmm_session_get_origin (session));
}

typedef void (*StringSetter) (ApmmSession *, const char *);
typedef const char *(*StringGetter) (ApmmSession *);

static void
test_session_metadata (void)
{
  static const struct {
    const char   *property;
    StringSetter  set;
    StringGetter  get;
  } fields[] = {
    { "organisation", apmm_session_set_organisation, apmm_session_get_organisation },
    { "facilitator", apmm_session_set_facilitator, apmm_session_get_facilitator },
    { "date", apmm_session_set_date, apmm_session_get_date },
    { "title", apmm_session_set_title, apmm_session_get_title },
    { "notes", apmm_session_set_notes, apmm_session_get_notes },
  };
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(Recorder) recorder = recorder_new (session);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *expected = g_strdup_printf ("notify:%s changed", fields[i].property);
      g_autofree char *through_gobject = NULL;

      fields[i].set (session, "Northwind");
      assert_events (recorder, expected);
      g_assert_cmpstr (fields[i].get (session), ==, "Northwind");

      fields[i].set (session, "Northwind");
      assert_events (recorder, "");

      g_object_set (session, fields[i].property, "Meridian", NULL);
      assert_events_unordered (recorder, expected);
      g_object_get (session, fields[i].property, &through_gobject, NULL);
      g_assert_cmpstr (through_gobject, ==, "Meridian");

      /* NULL clears: the strings are never NULL. */
      fields[i].set (session, NULL);
      assert_events (recorder, expected);
      g_assert_cmpstr (fields[i].get (session), ==, "");
      fields[i].set (session, "");
      assert_events (recorder, "");
    }

  apmm_session_set_organisation (session, "Halcyon");
  g_assert_cmpstr (recorder->description, ==, "Change organisation");
  assert_events (recorder, "notify:organisation changed");
}

static void
test_session_levels (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(Recorder) recorder = recorder_new (session);
  int level = 0;

  apmm_session_set_perceived_level (session, 3);
  assert_events (recorder, "notify:perceived-level changed");
  apmm_session_set_perceived_level (session, 3);
  assert_events (recorder, "");
  apmm_session_set_perceived_level (session, 0);
  assert_events (recorder, "notify:perceived-level changed");
  g_assert_cmpint (apmm_session_get_perceived_level (session), ==, 0);

  apmm_session_set_target_level (session, 4);
  assert_events (recorder, "notify:target-level changed");
  g_assert_cmpstr (recorder->description, ==, "Change target level");
  apmm_session_set_target_level (session, 4);
  assert_events (recorder, "");
  g_object_set (session, "target-level", -1, NULL);
  assert_events_unordered (recorder, "notify:target-level changed");
  g_object_get (session, "target-level", &level, NULL);
  g_assert_cmpint (level, ==, -1);

  /* Level 0 is no target, and there is no level 5. */
  expect_critical ();
  apmm_session_set_target_level (session, 0);
  expect_critical ();
  apmm_session_set_perceived_level (session, 5);
  expect_critical ();
  apmm_session_set_perceived_level (session, -2);
  g_test_assert_expected_messages ();
  assert_events (recorder, "");
  g_assert_cmpint (apmm_session_get_target_level (session), ==, -1);
  g_assert_cmpint (apmm_session_get_perceived_level (session), ==, 0);
}

static void
test_session_participants (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(Recorder) recorder = recorder_new (session);

  g_assert_cmpuint (apmm_session_add_participant (session, "Ana", -1), ==, 0);
  assert_events (recorder, "participants-changed changed");
  g_assert_cmpstr (recorder->description, ==, "Add participant");
  g_assert_cmpuint (apmm_session_add_participant (session, "Ben", 3), ==, 1);
  assert_events (recorder, "participants-changed votes-changed changed");
  g_assert_cmpuint (apmm_session_get_n_participants (session), ==, 2);
  g_assert_cmpstr (apmm_session_get_participant_name (session, 1), ==, "Ben");
  g_assert_cmpint (apmm_session_get_participant_vote (session, 0), ==, -1);
  g_assert_cmpint (apmm_session_get_participant_vote (session, 1), ==, 3);

  apmm_session_rename_participant (session, 0, "Anna");
  assert_events (recorder, "participants-changed changed");
  apmm_session_rename_participant (session, 0, "Anna");
  assert_events (recorder, "");
  g_assert_cmpstr (apmm_session_get_participant_name (session, 0), ==, "Anna");

  apmm_session_set_participant_vote (session, 0, 2);
  assert_events (recorder, "participants-changed votes-changed changed");
  apmm_session_set_participant_vote (session, 0, 2);
  assert_events (recorder, "");

  expect_critical ();
  apmm_session_set_participant_vote (session, 2, 1);
  expect_critical ();
  apmm_session_set_participant_vote (session, 0, 5);
  expect_critical ();
  apmm_session_add_participant (session, NULL, 1);
  g_test_assert_expected_messages ();
  assert_events (recorder, "");

  apmm_session_remove_participant (session, 0);
  assert_events (recorder, "participants-changed votes-changed changed");
  g_assert_cmpstr (apmm_session_get_participant_name (session, 0), ==, "Ben");

  apmm_session_set_participant_vote (session, 0, -1);
  assert_events (recorder, "participants-changed votes-changed changed");
  /* A participant without a vote leaves the votes as they were. */
  apmm_session_remove_participant (session, 0);
  assert_events (recorder, "participants-changed changed");
  g_assert_cmpuint (apmm_session_get_n_participants (session), ==, 0);
}

static void
test_session_votes (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(Recorder) recorder = recorder_new (session);
  guint counts[APMM_N_LEVELS] = { 9, 9, 9, 9, 9 };

  apmm_session_set_tally (session, 2, 3);
  assert_events (recorder, "votes-changed changed");
  apmm_session_set_tally (session, 2, 3);
  assert_events (recorder, "");
  apmm_session_set_tally (session, 4, 1);
  assert_events (recorder, "votes-changed changed");
  g_assert_cmpuint (apmm_session_get_tally (session, 2), ==, 3);
  g_assert_cmpuint (apmm_session_get_tally (session, 0), ==, 0);

  apmm_session_add_participant (session, "Ana", 2);
  apmm_session_add_participant (session, "Ben", 0);
  apmm_session_add_participant (session, "Cem", -1);
  assert_events (recorder, "participants-changed votes-changed changed "
                           "participants-changed votes-changed changed "
                           "participants-changed changed");

  g_assert_cmpuint (apmm_session_count_votes (session, counts), ==, 6);
  g_assert_cmpuint (counts[0], ==, 1);
  g_assert_cmpuint (counts[1], ==, 0);
  g_assert_cmpuint (counts[2], ==, 4);
  g_assert_cmpuint (counts[3], ==, 0);
  g_assert_cmpuint (counts[4], ==, 1);

  apmm_session_set_votes_hidden (session, TRUE);
  assert_events (recorder, "notify:votes-hidden votes-changed changed");
  g_assert_cmpstr (recorder->description, ==, "Hide votes");
  apmm_session_set_votes_hidden (session, TRUE);
  assert_events (recorder, "");
  g_assert_true (apmm_session_get_votes_hidden (session));
  g_object_set (session, "votes-hidden", FALSE, NULL);
  assert_events_unordered (recorder, "notify:votes-hidden votes-changed changed");

  expect_critical ();
  apmm_session_set_tally (session, 5, 1);
  g_test_assert_expected_messages ();
  assert_events (recorder, "");
}

static void
test_session_ratings (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(Recorder) recorder = recorder_new (session);

  apmm_session_set_status (session, "l3.rollback", APMM_STATUS_MET);
  assert_events (recorder, "rating-changed:l3.rollback changed");
  g_assert_cmpstr (recorder->description, ==, "Rate “Rollback procedure”");
  apmm_session_set_status (session, "l3.rollback", APMM_STATUS_MET);
  assert_events (recorder, "");
  g_assert_cmpint (apmm_session_get_status (session, "l3.rollback"), ==, APMM_STATUS_MET);
  g_assert_cmpint (apmm_session_get_status (session, "l3.two-people"), ==, APMM_STATUS_UNKNOWN);

  apmm_session_set_evidence_note (session, "l3.rollback", "Runbook RB-12, tested in May");
  assert_events (recorder, "rating-changed:l3.rollback changed");
  g_assert_cmpstr (recorder->description, ==, "Edit evidence note of “Rollback procedure”");
  apmm_session_set_evidence_note (session, "l3.rollback", "Runbook RB-12, tested in May");
  assert_events (recorder, "");

  apmm_session_set_confirmed_by (session, "l2.live-real-data", "Ana");
  assert_events (recorder, "rating-changed:l2.live-real-data changed");
  apmm_session_set_confirmed_by (session, "l2.live-real-data", "Ana");
  assert_events (recorder, "");
  apmm_session_set_confirmed_at (session, "l2.live-real-data", "2026-03-04T10:00:00Z");
  assert_events (recorder, "rating-changed:l2.live-real-data changed");
  apmm_session_set_confirmed_at (session, "l2.live-real-data", "2026-03-04T10:00:00Z");
  assert_events (recorder, "");
  g_assert_cmpstr (apmm_session_get_confirmed_by (session, "l2.live-real-data"), ==, "Ana");
  g_assert_cmpstr (apmm_session_get_confirmed_at (session, "l2.live-real-data"), ==,
                   "2026-03-04T10:00:00Z");
  g_assert_cmpint (apmm_session_get_status (session, "l2.live-real-data"), ==,
                   APMM_STATUS_UNKNOWN);

  /* Back to unknown is a change too. */
  apmm_session_set_status (session, "l3.rollback", APMM_STATUS_UNKNOWN);
  assert_events (recorder, "rating-changed:l3.rollback changed");
  g_assert_cmpstr (apmm_session_get_evidence_note (session, "l3.rollback"), ==,
                   "Runbook RB-12, tested in May");

  expect_critical ();
  apmm_session_set_status (session, "l3.undo", APMM_STATUS_MET);
  expect_critical ();
  apmm_session_set_evidence_note (session, "l9.nothing", "x");
  expect_critical ();
  apmm_session_set_status (session, "l3.rollback", (ApmmStatus) 7);
  g_test_assert_expected_messages ();
  assert_events (recorder, "");
}

static void
test_session_prompts (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(Recorder) recorder = recorder_new (session);

  apmm_session_set_prompt_notes (session, "failure", "Nobody owns incidents.");
  assert_events (recorder, "prompt-changed:failure changed");
  apmm_session_set_prompt_notes (session, "failure", "Nobody owns incidents.");
  assert_events (recorder, "");
  g_assert_cmpstr (apmm_session_get_prompt_notes (session, "failure"), ==,
                   "Nobody owns incidents.");
  g_assert_cmpstr (apmm_session_get_prompt_notes (session, "adoption"), ==, "");

  apmm_session_set_prompt_notes (session, "failure", NULL);
  assert_events (recorder, "prompt-changed:failure changed");
  apmm_session_set_prompt_notes (session, "failure", "");
  assert_events (recorder, "");

  expect_critical ();
  apmm_session_set_prompt_notes (session, "budget", "x");
  g_test_assert_expected_messages ();
  assert_events (recorder, "");
}

static void
test_session_gaps (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(Recorder) recorder = recorder_new (session);

  apmm_session_set_gap_impact (session, "l3.cost-capped", 3);
  assert_events (recorder, "gap-changed:l3.cost-capped changed");
  apmm_session_set_gap_impact (session, "l3.cost-capped", 3);
  assert_events (recorder, "");
  /* Setting the default explicitly is a no-op on an untouched gap. */
  apmm_session_set_gap_effort (session, "l3.cost-capped", 2);
  assert_events (recorder, "");
  apmm_session_set_gap_effort (session, "l3.cost-capped", 1);
  assert_events (recorder, "gap-changed:l3.cost-capped changed");
  apmm_session_set_gap_owner (session, "l3.cost-capped", "CFO");
  assert_events (recorder, "gap-changed:l3.cost-capped changed");
  apmm_session_set_gap_owner (session, "l3.cost-capped", "CFO");
  assert_events (recorder, "");
  apmm_session_set_gap_note (session, "l3.cost-capped", "Budget per use case");
  assert_events (recorder, "gap-changed:l3.cost-capped changed");
  apmm_session_set_gap_note (session, "l3.cost-capped", "Budget per use case");
  assert_events (recorder, "");

  g_assert_cmpuint (apmm_session_get_gap_impact (session, "l3.cost-capped"), ==, 3);
  g_assert_cmpuint (apmm_session_get_gap_effort (session, "l3.cost-capped"), ==, 1);
  g_assert_cmpstr (apmm_session_get_gap_owner (session, "l3.cost-capped"), ==, "CFO");
  g_assert_cmpstr (apmm_session_get_gap_note (session, "l3.cost-capped"), ==,
                   "Budget per use case");
  g_assert_cmpuint (apmm_session_get_gap_impact (session, "l3.rollback"), ==, 2);

  expect_critical ();
  apmm_session_set_gap_impact (session, "l3.cost-capped", 4);
  expect_critical ();
  apmm_session_set_gap_effort (session, "l3.cost-capped", 0);
  expect_critical ();
  apmm_session_set_gap_owner (session, "l3.nobody", "x");
  g_test_assert_expected_messages ();
  assert_events (recorder, "");
}

static void
test_session_gap_order (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(Recorder) recorder = recorder_new (session);
  const char * const order[] = { "l3.rollback", "l2.live-real-data", NULL };
  const char * const same[] = { "l3.rollback", "l2.live-real-data", NULL };
  const char * const empty[] = { NULL };
  const char * const unknown[] = { "l3.rollback", "l3.undo", NULL };
  const char * const twice[] = { "l3.rollback", "l3.rollback", NULL };

  apmm_session_set_gap_order (session, order);
  assert_events (recorder, "gap-order-changed changed");
  g_assert_cmpstr (recorder->description, ==, "Reorder gaps");
  g_assert_true (g_strv_equal (apmm_session_get_gap_order (session), order));
  apmm_session_set_gap_order (session, same);
  assert_events (recorder, "");

  apmm_session_set_gap_order (session, NULL);
  assert_events (recorder, "gap-order-changed changed");
  g_assert_null (apmm_session_get_gap_order (session));
  apmm_session_set_gap_order (session, empty);
  assert_events (recorder, "");
  g_assert_null (apmm_session_get_gap_order (session));

  expect_critical ();
  apmm_session_set_gap_order (session, unknown);
  expect_critical ();
  apmm_session_set_gap_order (session, twice);
  g_test_assert_expected_messages ();
  assert_events (recorder, "");
}

static ApmmAction *
make_action (const char *id,
             const char *title)
{
  ApmmAction *action = apmm_action_new (id, title);
  const char * const criteria[] = { "l3.rollback", NULL };

  action->criteria = g_strdupv ((char **) criteria);
  g_free (action->owner);
  action->owner = g_strdup ("Ops lead");
  action->horizon = APMM_HORIZON_QUARTER;
  return action;
}

static void
test_session_actions (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(Recorder) recorder = recorder_new (session);
  g_autoptr(ApmmAction) first = make_action ("a1", "Write the rollback runbook");
  g_autoptr(ApmmAction) second = make_action ("a7", "Rehearse a rollback");
  g_autoptr(ApmmAction) foreign = make_action ("x9", "Imported");
  g_autoptr(ApmmAction) edited = NULL;
  g_autofree char *id = apmm_session_new_action_id (session);
  guint index = 99;

  g_assert_cmpstr (id, ==, "a1");

  apmm_session_insert_action (session, -1, first);
  assert_events (recorder, "roadmap-changed changed");
  g_assert_cmpstr (recorder->description, ==, "Add action");
  apmm_session_insert_action (session, 0, second);
  apmm_session_insert_action (session, 2, foreign);
  assert_events (recorder, "roadmap-changed changed roadmap-changed changed");
  g_assert_cmpuint (apmm_session_get_n_actions (session), ==, 3);
  g_assert_cmpstr (apmm_session_get_action (session, 0)->id, ==, "a7");
  g_assert_cmpstr (apmm_session_get_action (session, 1)->id, ==, "a1");
  /* The session keeps its own copy. */
  g_assert_true (apmm_session_get_action (session, 1) != first);
  g_assert_true (apmm_action_equal (apmm_session_get_action (session, 1), first));

  g_clear_pointer (&id, g_free);
  id = apmm_session_new_action_id (session);
  g_assert_cmpstr (id, ==, "a8");

  g_assert_true (apmm_session_lookup_action (session, "a1", &index) ==
                 apmm_session_get_action (session, 1));
  g_assert_cmpuint (index, ==, 1);
  g_assert_null (apmm_session_lookup_action (session, "a2", NULL));

  apmm_session_replace_action (session, 1, first);
  assert_events (recorder, "");
  edited = apmm_action_copy (first);
  edited->status = APMM_ACTION_DONE;
  apmm_session_replace_action (session, 1, edited);
  assert_events (recorder, "roadmap-changed changed");
  g_assert_cmpint (apmm_session_get_action (session, 1)->status, ==, APMM_ACTION_DONE);

  /* Ids stay unique. */
  expect_critical ();
  apmm_session_insert_action (session, -1, first);
  expect_critical ();
  apmm_session_replace_action (session, 0, first);
  expect_critical ();
  apmm_session_insert_action (session, 5, edited);
  g_test_assert_expected_messages ();
  assert_events (recorder, "");

  apmm_session_move_action (session, 0, 2);
  assert_events (recorder, "roadmap-changed changed");
  apmm_session_move_action (session, 1, 1);
  assert_events (recorder, "");
  g_assert_cmpstr (apmm_session_get_action (session, 0)->id, ==, "a1");
  g_assert_cmpstr (apmm_session_get_action (session, 1)->id, ==, "x9");
  g_assert_cmpstr (apmm_session_get_action (session, 2)->id, ==, "a7");

  apmm_session_remove_action (session, 1);
  assert_events (recorder, "roadmap-changed changed");
  g_assert_cmpuint (apmm_session_get_n_actions (session), ==, 2);
  g_assert_null (apmm_session_lookup_action (session, "x9", NULL));
}

/* A session that has something in every part of its content. */
static ApmmSession *
make_full_session (void)
{
  ApmmSession *session = apmm_session_new ();
  g_autoptr(ApmmAction) action = make_action ("a1", "Write the rollback runbook");
  const char * const order[] = { "l3.rollback", "l3.cost-tracked", NULL };

  apmm_session_set_organisation (session, "Meridian Insurance");
  apmm_session_set_facilitator (session, "Sam");
  apmm_session_set_date (session, "2026-03-04");
  apmm_session_set_title (session, "Claims AI review");
  apmm_session_set_notes (session, "Room B");
  apmm_session_set_perceived_level (session, 3);
  apmm_session_set_target_level (session, 3);
  apmm_session_add_participant (session, "Ana", 3);
  apmm_session_add_participant (session, "Ben", -1);
  apmm_session_set_tally (session, 2, 4);
  apmm_session_set_votes_hidden (session, TRUE);
  apmm_session_set_status (session, "l2.live-real-data", APMM_STATUS_MET);
  apmm_session_set_evidence_note (session, "l2.live-real-data", "Claims triage live since 2025");
  apmm_session_set_confirmed_by (session, "l2.live-real-data", "Ana");
  apmm_session_set_status (session, "l3.rollback", APMM_STATUS_PARTLY);
  apmm_session_set_prompt_notes (session, "production", "Live, but unmonitored.");
  apmm_session_set_gap_impact (session, "l3.rollback", 3);
  apmm_session_set_gap_owner (session, "l3.rollback", "Ops lead");
  apmm_session_set_gap_order (session, order);
  apmm_session_insert_action (session, -1, action);

  return session;
}

static void
test_session_copy_equal (void)
{
  g_autoptr(ApmmSession) session = make_full_session ();
  g_autoptr(ApmmSession) copy = apmm_session_copy (session);
  g_autoptr(ApmmSession) empty = apmm_session_new ();
  g_autoptr(JsonNode) origin = json_from_string ("{\"format\": \"apmm-session\"}", NULL);

  g_assert_true (apmm_session_equal (session, copy));
  g_assert_true (apmm_session_equal (copy, session));
  g_assert_false (apmm_session_equal (session, empty));
  g_assert_cmpstr (apmm_session_get_evidence_note (copy, "l2.live-real-data"), ==,
                   "Claims triage live since 2025");
  g_assert_cmpuint (apmm_session_get_n_actions (copy), ==, 1);
  /* The copy shares the session's actions and participants until either
   * changes one: a change to one never shows in the other. */
  {
    g_autoptr(ApmmAction) edited = apmm_action_copy (apmm_session_get_action (copy, 0));
    g_autofree char *title = g_strdup (apmm_session_get_action (session, 0)->title);
    g_autofree char *name = g_strdup (apmm_session_get_participant_name (session, 0));
    int vote = apmm_session_get_participant_vote (session, 0);

    g_free (edited->title);
    edited->title = g_strdup ("Edited in the copy");
    apmm_session_replace_action (copy, 0, edited);
    apmm_session_rename_participant (copy, 0, "Renamed in the copy");
    apmm_session_set_participant_vote (copy, 0, vote == 4 ? 3 : 4);
    g_assert_cmpstr (apmm_session_get_action (session, 0)->title, ==, title);
    g_assert_cmpstr (apmm_session_get_participant_name (session, 0), ==, name);
    g_assert_cmpint (apmm_session_get_participant_vote (session, 0), ==, vote);
    g_assert_false (apmm_session_equal (session, copy));

    /* And the other way round. */
    g_clear_object (&copy);
    copy = apmm_session_copy (session);
    apmm_session_rename_participant (session, 0, "Renamed in the session");
    apmm_session_set_participant_vote (session, 0, vote == 4 ? 3 : 4);
    g_assert_cmpstr (apmm_session_get_participant_name (copy, 0), ==, name);
    g_assert_cmpint (apmm_session_get_participant_vote (copy, 0), ==, vote);
    apmm_session_rename_participant (session, 0, name);
    apmm_session_set_participant_vote (session, 0, vote);
    g_assert_true (apmm_session_equal (session, copy));
  }

  /* The origin is not content: equal ignores it, copy keeps it. */
  apmm_session_set_origin (session, origin);
  g_assert_true (apmm_session_equal (session, copy));
  g_clear_object (&copy);
  copy = apmm_session_copy (session);
  g_assert_true (apmm_session_get_origin (copy) != NULL);
  g_assert_true (json_node_equal (apmm_session_get_origin (copy), origin));

  /* A deep copy: editing it leaves the original alone, and each part counts. */
  apmm_session_set_evidence_note (copy, "l2.live-real-data", "");
  g_assert_false (apmm_session_equal (session, copy));
  apmm_session_set_evidence_note (copy, "l2.live-real-data", "Claims triage live since 2025");
  g_assert_true (apmm_session_equal (session, copy));

  apmm_session_set_participant_vote (copy, 1, 0);
  g_assert_false (apmm_session_equal (session, copy));
  apmm_session_set_participant_vote (copy, 1, -1);
  apmm_session_set_tally (copy, 0, 1);
  g_assert_false (apmm_session_equal (session, copy));
  apmm_session_set_tally (copy, 0, 0);
  apmm_session_set_gap_order (copy, NULL);
  g_assert_false (apmm_session_equal (session, copy));
  g_clear_object (&copy);

  copy = apmm_session_copy (session);
  apmm_session_set_gap_note (copy, "l3.rollback", "x");
  g_assert_false (apmm_session_equal (session, copy));
  g_clear_object (&copy);

  copy = apmm_session_copy (session);
  apmm_session_move_action (copy, 0, 0);
  apmm_session_remove_action (copy, 0);
  g_assert_false (apmm_session_equal (session, copy));
  g_clear_object (&copy);

  copy = apmm_session_copy (session);
  apmm_session_rename_participant (copy, 0, "Anna");
  g_assert_false (apmm_session_equal (session, copy));
}

static void
test_session_assign (void)
{
  g_autoptr(ApmmSession) session = make_full_session ();
  g_autoptr(ApmmSession) other = apmm_session_copy (session);
  g_autoptr(ApmmSession) empty = apmm_session_new ();
  g_autoptr(JsonNode) origin = json_from_string ("{\"x-extra\": 1}", NULL);
  g_autoptr(Recorder) recorder = recorder_new (session);

  /* Nothing differs: nothing is emitted. */
  apmm_session_assign (session, other, "Undo");
  assert_events (recorder, "");

  apmm_session_set_organisation (other, "Meridian Re");
  apmm_session_set_status (other, "l3.rollback", APMM_STATUS_MET);
  apmm_session_set_prompt_notes (other, "failure", "On-call rota exists.");
  apmm_session_set_origin (session, origin);
  apmm_session_assign (session, other, "Undo");
  assert_events (recorder,
                 "notify:organisation rating-changed:l3.rollback prompt-changed:failure changed");
  g_assert_cmpstr (recorder->description, ==, "Undo");
  g_assert_true (apmm_session_equal (session, other));
  /* The origin survives the assignment. */
  g_assert_true (apmm_session_get_origin (session) == origin);

  apmm_session_set_participant_vote (other, 1, 2);
  apmm_session_set_gap_effort (other, "l3.rollback", 3);
  apmm_session_assign (session, other, "Redo");
  assert_events (recorder, "participants-changed votes-changed gap-changed:l3.rollback changed");

  apmm_session_set_votes_hidden (other, FALSE);
  apmm_session_set_target_level (other, 4);
  apmm_session_remove_action (other, 0);
  apmm_session_assign (session, other, "Redo");
  assert_events (recorder, "notify:target-level notify:votes-hidden votes-changed "
                           "roadmap-changed changed");

  apmm_session_assign (session, other, "Redo");
  assert_events (recorder, "");

  /* Back to a blank session: everything that was set is reported once. */
  apmm_session_set_date (empty, apmm_session_get_date (session));
  apmm_session_assign (session, empty, "Revert");
  assert_events (recorder,
                 "notify:organisation notify:facilitator notify:title notify:notes "
                 "notify:perceived-level notify:target-level "
                 "participants-changed votes-changed "
                 "rating-changed:l2.live-real-data "
                 "rating-changed:l3.rollback gap-changed:l3.rollback "
                 "prompt-changed:production prompt-changed:failure "
                 "gap-order-changed changed");
  g_assert_true (apmm_session_equal (session, empty));
}

/* Every date in a session is a real day written YYYY-MM-DD; the file reader,
 * the details panel and the roadmap's due dates all ask the same question. */
static void
test_date_is_valid (void)
{
  const char *valid[] = { "2024-05-14", "2024-02-29", "0001-01-01", "9999-12-31" };
  const char *invalid[] = { "", "2024-5-14", "2024/05/14", "2023-02-29", "2024-13-01",
                            "2024-00-10", "2024-04-31", "2024-05-14T00:00", "２０２４-05-14",
                            "+024-05-14", "0000-01-01" };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (apmm_date_is_valid (valid[i]));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_false (apmm_date_is_valid (invalid[i]));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/session/defaults", test_session_defaults);
  g_test_add_func ("/session/metadata", test_session_metadata);
  g_test_add_func ("/session/levels", test_session_levels);
  g_test_add_func ("/session/participants", test_session_participants);
  g_test_add_func ("/session/votes", test_session_votes);
  g_test_add_func ("/session/ratings", test_session_ratings);
  g_test_add_func ("/session/prompts", test_session_prompts);
  g_test_add_func ("/session/gaps", test_session_gaps);
  g_test_add_func ("/session/gap-order", test_session_gap_order);
  g_test_add_func ("/session/actions", test_session_actions);
  g_test_add_func ("/session/copy-equal", test_session_copy_equal);
  g_test_add_func ("/session/assign", test_session_assign);
  g_test_add_func ("/session/date-is-valid", test_date_is_valid);

  return g_test_run ();
}
