/* apmm-roadmap.h — how the roadmap relates to the gaps: coverage and drafting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "apmm-action.h"
#include "apmm-assessment.h"
#include "apmm-session.h"

G_BEGIN_DECLS

/* TRUE when an action of @session that is not dropped links @criterion_id. */
gboolean     apmm_roadmap_gap_is_covered   (ApmmSession       *session,
                                            const char        *criterion_id);
/* Criterion ids of @assessment's gaps that no live action covers, in gap rank
 * order. Never NULL; empty when every gap has an action. */
GStrv        apmm_roadmap_dup_uncovered    (ApmmSession       *session,
                                            ApmmAssessment    *assessment);
/* The horizon an action for a gap at @level with @impact (1..3) gets when
 * the evidence level is @evidence_level: the next level is for the next 30
 * days, the one after for the quarter, anything further later; high impact
 * comes one horizon sooner, low impact one later. */
ApmmHorizon  apmm_roadmap_horizon_for      (guint              evidence_level,
                                            guint              level,
                                            guint              impact);
/* A planned action with id @id that closes @gap: its title and description come
 * from the criterion, its owner is the gap's owner in @session. */
ApmmAction  *apmm_roadmap_draft_action     (ApmmSession       *session,
                                            ApmmAssessment    *assessment,
                                            const ApmmGap     *gap,
                                            const char        *id);
/* Appends one drafted action per uncovered gap of @session judged by @model.
 * Every insert carries the same undo description, so the history merges them
 * into one step. Returns the number of actions added. */
guint        apmm_roadmap_draft_from_gaps  (ApmmSession       *session,
                                            ApmmModel         *model);

G_END_DECLS
