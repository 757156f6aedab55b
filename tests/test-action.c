/* test-action.c — roadmap action values and their identifiers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "apmm-action.h"
#include "apmm-enums.h"
#include "apmm-model.h"

static void
test_action_new (void)
{
  g_autoptr(ApmmAction) action = apmm_action_new ("a1", "Write the rollback runbook");

  g_assert_cmpstr (action->id, ==, "a1");
  g_assert_cmpstr (action->title, ==, "Write the rollback runbook");
  g_assert_cmpstr (action->description, ==, "");
  g_assert_cmpstr (action->owner, ==, "");
  g_assert_cmpstr (action->measure, ==, "");
  g_assert_null (action->criteria);
  g_assert_null (action->due);
  g_assert_cmpint (action->horizon, ==, APMM_HORIZON_30_DAYS);
  g_assert_cmpint (action->status, ==, APMM_ACTION_PLANNED);
  g_assert_false (apmm_action_covers (action, "l3.rollback"));
}

static void
test_action_copy_equal (void)
{
  const char * const criteria[] = { "l3.rollback", "l3.failure-process", NULL };
  g_autoptr(ApmmAction) action = apmm_action_new ("a2", "Rehearse a rollback");
  g_autoptr(ApmmAction) copy = NULL;
  g_autoptr(ApmmAction) boxed = NULL;

  action->criteria = g_strdupv ((char **) criteria);
  action->due = g_strdup ("2026-06-30");
  action->horizon = APMM_HORIZON_QUARTER;
  action->status = APMM_ACTION_IN_PROGRESS;

  copy = apmm_action_copy (action);
  g_assert_true (copy != action);
  g_assert_true (copy->criteria != action->criteria);
  g_assert_true (apmm_action_equal (action, copy));
  g_assert_true (apmm_action_covers (copy, "l3.failure-process"));
  g_assert_false (apmm_action_covers (copy, "l2.live-real-data"));

  boxed = g_boxed_copy (APMM_TYPE_ACTION, action);
  g_assert_true (apmm_action_equal (action, boxed));

  /* Every field counts. */
  g_clear_pointer (&copy->due, g_free);
  g_assert_false (apmm_action_equal (action, copy));
  copy->due = g_strdup ("2026-06-30");
  copy->status = APMM_ACTION_DONE;
  g_assert_false (apmm_action_equal (action, copy));
  copy->status = APMM_ACTION_IN_PROGRESS;
  g_free (copy->criteria[1]);
  copy->criteria[1] = NULL;
  g_assert_false (apmm_action_equal (action, copy));

  /* No criteria and an empty list are the same. */
  g_clear_pointer (&action->criteria, g_strfreev);
  g_clear_pointer (&copy->criteria, g_strfreev);
  copy->criteria = g_new0 (char *, 1);
  g_assert_true (apmm_action_equal (action, copy));

  g_assert_true (apmm_action_equal (NULL, NULL));
  g_assert_false (apmm_action_equal (action, NULL));
}

static void
test_action_horizons (void)
{
  static const char * const ids[] = { "30-days", "quarter", "later" };
  static const char * const labels[] = { "Next 30 days", "Next quarter", "Later" };
  ApmmHorizon horizon = APMM_HORIZON_LATER;

  for (guint i = 0; i < APMM_N_HORIZONS; i++)
    {
      g_assert_cmpstr (apmm_horizon_to_string ((ApmmHorizon) i), ==, ids[i]);
      g_assert_true (apmm_horizon_from_string (ids[i], &horizon));
      g_assert_cmpint (horizon, ==, i);
      g_assert_cmpstr (apmm_horizon_get_label ((ApmmHorizon) i), ==, labels[i]);
    }

  g_assert_false (apmm_horizon_from_string ("next-year", &horizon));
  g_assert_false (apmm_horizon_from_string (NULL, &horizon));
  g_assert_cmpint (horizon, ==, APMM_HORIZON_LATER);
}

static void
test_action_statuses (void)
{
  static const char * const ids[] = { "planned", "in-progress", "done", "dropped" };
  static const char * const labels[] = { "Planned", "In progress", "Done", "Dropped" };
  ApmmActionStatus status = APMM_ACTION_DROPPED;

  for (guint i = 0; i < APMM_N_ACTION_STATUSES; i++)
    {
      g_assert_cmpstr (apmm_action_status_to_string ((ApmmActionStatus) i), ==, ids[i]);
      g_assert_true (apmm_action_status_from_string (ids[i], &status));
      g_assert_cmpint (status, ==, i);
      g_assert_cmpstr (apmm_action_status_get_label ((ApmmActionStatus) i), ==, labels[i]);
    }

  g_assert_false (apmm_action_status_from_string ("Done", &status));

  /* The strings are the generated enum types' nicks: one per value. */
  {
    g_autoptr(GEnumClass) statuses = g_type_class_ref (APMM_TYPE_ACTION_STATUS);
    g_autoptr(GEnumClass) horizons = g_type_class_ref (APMM_TYPE_HORIZON);
    g_autoptr(GEnumClass) ratings = g_type_class_ref (APMM_TYPE_STATUS);

    g_assert_cmpuint (statuses->n_values, ==, APMM_N_ACTION_STATUSES);
    g_assert_cmpuint (horizons->n_values, ==, APMM_N_HORIZONS);
    g_assert_cmpuint (ratings->n_values, ==, APMM_N_STATUSES);
  }
  g_assert_cmpint (status, ==, APMM_ACTION_DROPPED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/action/new", test_action_new);
  g_test_add_func ("/action/copy-equal", test_action_copy_equal);
  g_test_add_func ("/action/horizons", test_action_horizons);
  g_test_add_func ("/action/statuses", test_action_statuses);

  return g_test_run ();
}
