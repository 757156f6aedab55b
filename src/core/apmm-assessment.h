/* apmm-assessment.h — the APMM rules applied to a session (docs/apmm-rules.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "apmm-model.h"
#include "apmm-session.h"

G_BEGIN_DECLS

typedef struct {
  const ApmmCriterion *criterion;
  ApmmStatus           status;
  guint                impact;          /* 1..3 */
  guint                effort;          /* 1..3 */
  gboolean             crosses_chasm;   /* the criterion sits above the Failure Chasm
                                         * while the evidence level is below it */
} ApmmGap;

/* An immutable snapshot of the verdict for one state of a session. */
typedef struct _ApmmAssessment ApmmAssessment;

#define APMM_TYPE_ASSESSMENT (apmm_assessment_get_type ())

GType               apmm_assessment_get_type                (void) G_GNUC_CONST;
ApmmAssessment     *apmm_assessment_new                     (ApmmSession     *session,
                                                             ApmmModel       *model);
ApmmAssessment     *apmm_assessment_ref                     (ApmmAssessment  *self);
void                apmm_assessment_unref                   (ApmmAssessment  *self);

guint               apmm_assessment_get_evidence_level      (ApmmAssessment  *self);
/* FALSE when there is no perceived level (null). */
gboolean            apmm_assessment_get_perceived_level     (ApmmAssessment  *self,
                                                             guint           *level);
gboolean            apmm_assessment_get_overestimation      (ApmmAssessment  *self,
                                                             int             *levels);
guint               apmm_assessment_get_target_level        (ApmmAssessment  *self);
/* FALSE at level 4 (null). */
gboolean            apmm_assessment_get_next_level_progress (ApmmAssessment  *self,
                                                             double          *progress);
gboolean            apmm_assessment_get_inconclusive        (ApmmAssessment  *self);
/* NULL-terminated entry point ids. */
const char * const *apmm_assessment_get_entry_points        (ApmmAssessment  *self);
/* The facilitator's pick among the offered entry points, or NULL. */
const char         *apmm_assessment_get_entry_point         (ApmmAssessment  *self);
gboolean            apmm_assessment_get_entry_point_stale   (ApmmAssessment  *self);
/* FALSE until any criterion is rated: no page shows a verdict before. */
gboolean            apmm_assessment_get_assessed            (ApmmAssessment  *self);
/* FALSE at level 4. */
gboolean            apmm_assessment_get_next_level_counts   (ApmmAssessment  *self,
                                                             guint           *met,
                                                             guint           *partly,
                                                             guint           *total);
/* Ranked: the session's manual order where it has one, else the default ranking. */
guint               apmm_assessment_get_n_gaps              (ApmmAssessment  *self);
const ApmmGap      *apmm_assessment_get_gap                 (ApmmAssessment  *self,
                                                             guint            index);
/* Criterion ids of the gaps in the default ranking (ignoring any manual order). */
GStrv               apmm_assessment_dup_default_gap_order   (ApmmAssessment  *self);

/* The room's votes as cast (see apmm_assessment_dup_public()). Returns the total. */
gboolean            apmm_assessment_get_votes_hidden        (ApmmAssessment  *self);
guint               apmm_assessment_get_votes               (ApmmAssessment  *self,
                                                             guint            counts[APMM_N_LEVELS]);
/* The verdict as the room may see it: hidden votes masked (no perceived
 * level, no overestimation, no count per level). */
ApmmAssessment     *apmm_assessment_dup_public              (ApmmAssessment  *self);
/* How many criteria of @level are still unknown. */
guint               apmm_assessment_get_n_unknown           (ApmmAssessment  *self,
                                                             guint            level);
/* The manual gap order after moving gap @id before or after gap @anchor;
 * NULL when either is not a gap. */
GStrv               apmm_assessment_dup_gap_order_moving    (ApmmAssessment  *self,
                                                             const char      *id,
                                                             const char      *anchor,
                                                             gboolean         after);

/* The `--summary` object (docs/apmm-rules.md). */
JsonNode           *apmm_assessment_to_summary             (ApmmAssessment  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ApmmAssessment, apmm_assessment_unref)

G_END_DECLS
