/* apmm-criterion-marks.h — what moved since the baseline, and what the groups dispute, for one criterion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "apmm-session.h"

G_BEGIN_DECLS

/* A row shown under a criterion's row on the Self-Assessment page, and
 * only when it has something to say: "Was Partly on 2026-03-12" when the
 * status changed since the baseline; each group's status and note side by
 * side when merged groups disagree, with buttons to settle the status. */
#define APMM_TYPE_CRITERION_MARKS (apmm_criterion_marks_get_type ())
G_DECLARE_FINAL_TYPE (ApmmCriterionMarks, apmm_criterion_marks, APMM, CRITERION_MARKS, AdwPreferencesRow)

GtkWidget   *apmm_criterion_marks_new          (ApmmSession        *session,
                                                const char         *criterion_id);
void         apmm_criterion_marks_set_session  (ApmmCriterionMarks *self,
                                                ApmmSession        *session);
const char  *apmm_criterion_marks_get_criterion_id (ApmmCriterionMarks *self);
gboolean     apmm_criterion_marks_is_changed   (ApmmCriterionMarks *self);
gboolean     apmm_criterion_marks_is_disputed  (ApmmCriterionMarks *self);
/* Hidden by a page filter, whatever it has to say. */
void         apmm_criterion_marks_set_filtered (ApmmCriterionMarks *self,
                                                gboolean            filtered);

G_END_DECLS
