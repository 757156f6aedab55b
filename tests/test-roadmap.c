/* test-roadmap.c — which gaps the roadmap covers, and drafting actions from them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "apmm-assessment.h"
#include "apmm-roadmap.h"
#include "apmm-session.h"

static void
meet_level (ApmmSession *session,
            guint        level)
{
  const ApmmLevel *info = apmm_model_get_level (apmm_model_get_default (), level);

  for (guint i = 0; i < info->n_criteria; i++)
    apmm_session_set_status (session, info->criteria[i]->id, APMM_STATUS_MET);
}

static void
append_action (ApmmSession      *session,
               const char       *criterion_id,
               ApmmActionStatus  status)
{
  g_autofree char *id = apmm_session_new_action_id (session);
  g_autoptr(ApmmAction) action = apmm_action_new (id, "Hand-written");

  g_strfreev (action->criteria);
  action->criteria = g_new0 (char *, 2);
  action->criteria[0] = g_strdup (criterion_id);
  action->status = status;
  apmm_session_insert_action (session, -1, action);
}

static void
test_horizon_for (void)
{
  static const struct {
    guint       evidence, level, impact;
    ApmmHorizon expected;
  } cases[] = {
    /* Medium impact: the next level now, the one after next quarter. */
    { 0, 1, 2, APMM_HORIZON_30_DAYS },
    { 1, 2, 2, APMM_HORIZON_30_DAYS },
    { 1, 3, 2, APMM_HORIZON_QUARTER },
    { 1, 4, 2, APMM_HORIZON_LATER },
    { 2, 4, 2, APMM_HORIZON_QUARTER },
    /* High impact comes one horizon sooner, low impact one later. */
    { 1, 2, 3, APMM_HORIZON_30_DAYS },
    { 1, 3, 3, APMM_HORIZON_30_DAYS },
    { 1, 4, 3, APMM_HORIZON_QUARTER },
    { 1, 2, 1, APMM_HORIZON_QUARTER },
    { 1, 3, 1, APMM_HORIZON_LATER },
    { 0, 4, 1, APMM_HORIZON_LATER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (apmm_roadmap_horizon_for (cases[i].evidence, cases[i].level, cases[i].impact), ==,
                     cases[i].expected);
}

static void
test_uncovered (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(ApmmAssessment) before = NULL;
  g_autoptr(ApmmAssessment) after = NULL;
  g_auto(GStrv) all = NULL;
  g_auto(GStrv) rest = NULL;

  /* Evidence 0, target 1: both level-1 criteria are open. */
  before = apmm_assessment_new (session, apmm_model_get_default ());
  all = apmm_roadmap_dup_uncovered (session, before);
  g_assert_cmpuint (g_strv_length (all), ==, 2);
  g_assert_cmpstr (all[0], ==, "l1.tools-purchased");
  g_assert_cmpstr (all[1], ==, "l1.budget-allocated");

  append_action (session, "l1.budget-allocated", APMM_ACTION_IN_PROGRESS);
  g_assert_true (apmm_roadmap_gap_is_covered (session, "l1.budget-allocated"));
  g_assert_false (apmm_roadmap_gap_is_covered (session, "l1.tools-purchased"));
  after = apmm_assessment_new (session, apmm_model_get_default ());
  rest = apmm_roadmap_dup_uncovered (session, after);
  g_assert_cmpstrv (rest, ((const char * const[]) { "l1.tools-purchased", NULL }));
}

static void
test_dropped_does_not_cover (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();

  append_action (session, "l1.tools-purchased", APMM_ACTION_DROPPED);
  g_assert_false (apmm_roadmap_gap_is_covered (session, "l1.tools-purchased"));
  append_action (session, "l1.tools-purchased", APMM_ACTION_DONE);
  g_assert_true (apmm_roadmap_gap_is_covered (session, "l1.tools-purchased"));
}

static void
test_draft_action (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(ApmmAssessment) assessment = NULL;
  g_autoptr(ApmmAction) action = NULL;
  const ApmmGap *gap;

  meet_level (session, 1);
  apmm_session_set_target_level (session, 3);
  apmm_session_set_gap_owner (session, "l3.rollback", "Priya");
  apmm_session_set_gap_order (session, (const char * const[]) { "l3.rollback", NULL });
  assessment = apmm_assessment_new (session, apmm_model_get_default ());
  gap = apmm_assessment_get_gap (assessment, 0);
  g_assert_cmpstr (gap->criterion->id, ==, "l3.rollback");

  action = apmm_roadmap_draft_action (session, assessment, gap, "a9");
  g_assert_cmpstr (action->id, ==, "a9");
  /* A short imperative from the model, not the criterion's name again. */
  g_assert_cmpstr (action->title, ==, "Write and test the rollback runbook");
  g_assert_cmpstr (action->title, !=, gap->criterion->title);
  g_assert_cmpstr (action->description, ==, gap->criterion->description);
  g_assert_cmpstr (action->measure, ==, "“Rollback procedure” rated Met, with evidence");
  g_assert_null (strstr (action->measure, gap->criterion->description));
  g_assert_cmpstrv (action->criteria, ((const char * const[]) { "l3.rollback", NULL }));
  g_assert_cmpstr (action->owner, ==, "Priya");
  g_assert_cmpint (action->horizon, ==, APMM_HORIZON_QUARTER);
  g_assert_cmpint (action->status, ==, APMM_ACTION_PLANNED);

  /* A high-impact gap two levels up is drafted for the next 30 days. */
  apmm_session_set_gap_impact (session, "l3.rollback", 3);
  g_clear_pointer (&assessment, apmm_assessment_unref);
  g_clear_pointer (&action, apmm_action_free);
  assessment = apmm_assessment_new (session, apmm_model_get_default ());
  action = apmm_roadmap_draft_action (session, assessment, apmm_assessment_get_gap (assessment, 0), "a10");
  g_assert_cmpint (action->horizon, ==, APMM_HORIZON_30_DAYS);
}

/* Every criterion has its own action text in the model, in every language. */
static void
test_every_criterion_has_action (void)
{
  ApmmModel *model = apmm_model_get_default ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < apmm_model_get_n_criteria (model); i++)
    {
      const ApmmCriterion *criterion = apmm_model_get_criterion (model, i);

      g_assert_nonnull (criterion->action);
      g_assert_cmpstr (criterion->action, !=, criterion->title);
      g_assert_cmpuint (strlen (criterion->action), <=, 60);
      g_assert_false (g_hash_table_contains (seen, criterion->action));
      g_hash_table_add (seen, (gpointer) criterion->action);
    }
}

static void
test_draft_from_gaps (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  ApmmModel *model = apmm_model_get_default ();
  guint n_level2 = apmm_model_get_level (model, 2)->n_criteria;
  guint n_level3 = apmm_model_get_level (model, 3)->n_criteria;
  guint added;

  meet_level (session, 1);
  apmm_session_set_target_level (session, 3);
  append_action (session, "l2.owned-use-case", APMM_ACTION_PLANNED);

  added = apmm_roadmap_draft_from_gaps (session, model);
  g_assert_cmpuint (added, ==, n_level2 + n_level3 - 1);
  g_assert_cmpuint (apmm_session_get_n_actions (session), ==, n_level2 + n_level3);

  for (guint i = 1; i < apmm_session_get_n_actions (session); i++)
    {
      const ApmmAction *action = apmm_session_get_action (session, i);
      const ApmmCriterion *criterion;
      guint found = G_MAXUINT;

      g_assert_nonnull (action->criteria);
      g_assert_cmpuint (g_strv_length (action->criteria), ==, 1);
      g_assert_cmpstr (action->criteria[0], !=, "l2.owned-use-case");
      criterion = apmm_model_lookup_criterion (model, action->criteria[0]);
      g_assert_cmpint (action->horizon, ==,
                       criterion->level == 2 ? APMM_HORIZON_30_DAYS : APMM_HORIZON_QUARTER);

      /* Every drafted action has its own id. */
      g_assert_nonnull (apmm_session_lookup_action (session, action->id, &found));
      g_assert_cmpuint (found, ==, i);
    }

  /* Everything is covered now: a second press adds nothing. */
  g_assert_cmpuint (apmm_roadmap_draft_from_gaps (session, model), ==, 0);
  g_assert_cmpuint (apmm_session_get_n_actions (session), ==, n_level2 + n_level3);
}

static void
test_draft_nothing_at_top (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();

  for (guint level = 1; level <= APMM_MAX_LEVEL; level++)
    meet_level (session, level);
  g_assert_cmpuint (apmm_roadmap_draft_from_gaps (session, apmm_model_get_default ()), ==, 0);
  g_assert_cmpuint (apmm_session_get_n_actions (session), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/roadmap/horizon-for", test_horizon_for);
  g_test_add_func ("/roadmap/uncovered", test_uncovered);
  g_test_add_func ("/roadmap/dropped-does-not-cover", test_dropped_does_not_cover);
  g_test_add_func ("/roadmap/draft-action", test_draft_action);
  g_test_add_func ("/roadmap/every-criterion-has-action", test_every_criterion_has_action);
  g_test_add_func ("/roadmap/draft-from-gaps", test_draft_from_gaps);
  g_test_add_func ("/roadmap/draft-nothing-at-top", test_draft_nothing_at_top);

  return g_test_run ();
}
