/* apmm-roadmap.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-roadmap"

#include "config.h"

#include <glib/gi18n.h>

#include "apmm-roadmap.h"

gboolean
apmm_roadmap_gap_is_covered (ApmmSession *session,
                             const char  *criterion_id)
{
  guint n;

  g_return_val_if_fail (APMM_IS_SESSION (session), FALSE);
  g_return_val_if_fail (criterion_id != NULL, FALSE);

  n = apmm_session_get_n_actions (session);
  for (guint i = 0; i < n; i++)
    {
      const ApmmAction *action = apmm_session_get_action (session, i);

      /* A dropped action no longer closes anything: the gap is open again. */
      if (action->status == APMM_ACTION_DROPPED)
        continue;
      if (apmm_action_covers (action, criterion_id))
        return TRUE;
    }

  return FALSE;
}

GStrv
apmm_roadmap_dup_uncovered (ApmmSession    *session,
                            ApmmAssessment *assessment)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  guint n;

  g_return_val_if_fail (APMM_IS_SESSION (session), NULL);
  g_return_val_if_fail (assessment != NULL, NULL);

  builder = g_strv_builder_new ();
  n = apmm_assessment_get_n_gaps (assessment);
  for (guint i = 0; i < n; i++)
    {
      const ApmmGap *gap = apmm_assessment_get_gap (assessment, i);

      if (!apmm_roadmap_gap_is_covered (session, gap->criterion->id))
        g_strv_builder_add (builder, gap->criterion->id);
    }

  return g_strv_builder_end (builder);
}

/* The next level's gaps come first, the levels above later; a high-impact
 * gap moves one horizon sooner and a low-impact one one later:
 * horizon = (level − evidence − 1) + (2 − impact), within 30 days … later. */
ApmmHorizon
apmm_roadmap_horizon_for (guint evidence_level,
                          guint level,
                          guint impact)
{
  int steps = (int) level - (int) evidence_level - 1;
  int index = MAX (steps, 0) + 2 - (int) CLAMP (impact, 1, 3);

  return (ApmmHorizon) CLAMP (index, APMM_HORIZON_30_DAYS, APMM_HORIZON_LATER);
}

ApmmAction *
apmm_roadmap_draft_action (ApmmSession    *session,
                           ApmmAssessment *assessment,
                           const ApmmGap  *gap,
                           const char     *id)
{
  const ApmmCriterion *criterion;
  ApmmAction *action;

  g_return_val_if_fail (APMM_IS_SESSION (session), NULL);
  g_return_val_if_fail (assessment != NULL, NULL);
  g_return_val_if_fail (gap != NULL && gap->criterion != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  criterion = gap->criterion;
  action = apmm_action_new (id, criterion->action);
  g_free (action->description);
  action->description = g_strdup (criterion->description);
  g_strfreev (action->criteria);
  action->criteria = g_new0 (char *, 2);
  action->criteria[0] = g_strdup (criterion->id);
  g_free (action->owner);
  action->owner = g_strdup (apmm_session_get_gap_owner (session, criterion->id));
  action->horizon = apmm_roadmap_horizon_for (apmm_assessment_get_evidence_level (assessment),
                                              criterion->level, gap->impact);
  action->status = APMM_ACTION_PLANNED;
  g_free (action->measure);
  /* The criterion is the measure: the gap is closed when the room can rate
   * it Met with evidence. The description above already says what it asks. */
  /* Translators: %s is a criterion's short title, "Rollback procedure". */
  action->measure = g_strdup_printf (_("“%s” rated Met, with evidence"), criterion->title);

  return action;
}

guint
apmm_roadmap_draft_from_gaps (ApmmSession *session,
                              ApmmModel   *model)
{
  g_autoptr(ApmmAssessment) assessment = NULL;
  g_auto(GStrv) uncovered = NULL;
  guint n_gaps;
  guint added = 0;

  g_return_val_if_fail (APMM_IS_SESSION (session), 0);
  g_return_val_if_fail (APMM_IS_MODEL (model), 0);

  assessment = apmm_assessment_new (session, model);
  uncovered = apmm_roadmap_dup_uncovered (session, assessment);
  n_gaps = apmm_assessment_get_n_gaps (assessment);

  for (guint i = 0; i < n_gaps; i++)
    {
      const ApmmGap *gap = apmm_assessment_get_gap (assessment, i);
      g_autofree char *id = NULL;
      g_autoptr(ApmmAction) action = NULL;

      if (!g_strv_contains ((const char * const *) uncovered, gap->criterion->id))
        continue;

      id = apmm_session_new_action_id (session);
      action = apmm_roadmap_draft_action (session, assessment, gap, id);
      apmm_session_insert_action (session, -1, action);
      added++;
    }

  return added;
}
