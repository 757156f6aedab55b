/* apmm-compare.h — a re-assessment compared with an earlier session (its baseline)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "apmm-baseline.h"
#include "apmm-model.h"
#include "apmm-session.h"

G_BEGIN_DECLS

#define APMM_COMPARE_ERROR (apmm_compare_error_quark ())

typedef enum {
  APMM_COMPARE_ERROR_OTHER_ORGANISATION, /* the baseline assessed another organisation */
  APMM_COMPARE_ERROR_LATER_DATE,         /* the baseline is dated after the session */
} ApmmCompareError;

GQuark              apmm_compare_error_quark         (void);

/* What @session shows now, as a baseline for a later session. @file is the
 * name or path it was read from (may be NULL). */
ApmmBaseline       *apmm_baseline_new_from_session   (ApmmSession    *session,
                                                      const char     *file);
/* Refuses a baseline of another organisation (names compared without case
 * and surrounding or repeated white space; an empty name matches any) or one
 * dated after @session. Another model or a newer format never gets this far:
 * the session loader refuses those files. */
gboolean            apmm_baseline_check              (ApmmBaseline   *baseline,
                                                      ApmmSession    *session,
                                                      GError        **error);

typedef struct {
  const ApmmCriterion *criterion;
  ApmmStatus           from;
  ApmmStatus           to;
} ApmmCriterionChange;

/* An immutable comparison of a session with its baseline. */
typedef struct _ApmmComparison ApmmComparison;

#define APMM_TYPE_COMPARISON (apmm_comparison_get_type ())

GType               apmm_comparison_get_type         (void) G_GNUC_CONST;
ApmmComparison     *apmm_comparison_new              (ApmmBaseline   *baseline,
                                                      ApmmSession    *session,
                                                      ApmmModel      *model);
ApmmComparison     *apmm_comparison_ref              (ApmmComparison *self);
void                apmm_comparison_unref            (ApmmComparison *self);

ApmmBaseline       *apmm_comparison_get_baseline     (ApmmComparison *self);
guint               apmm_comparison_get_level_then   (ApmmComparison *self);
guint               apmm_comparison_get_level_now    (ApmmComparison *self);
/* Now minus then: +1 when the evidence level rose by one. */
int                 apmm_comparison_get_level_change (ApmmComparison *self);
/* -1 when there was, or is, no perceived level. */
int                 apmm_comparison_get_perceived_then (ApmmComparison *self);
int                 apmm_comparison_get_perceived_now  (ApmmComparison *self);

/* Criteria whose status differs, in the model's order. */
guint               apmm_comparison_get_n_changes    (ApmmComparison *self);
const ApmmCriterionChange *apmm_comparison_get_change (ApmmComparison *self,
                                                      guint           index);
/* NULL when @criterion_id did not change. */
const ApmmCriterionChange *apmm_comparison_lookup_change (ApmmComparison *self,
                                                      const char     *criterion_id);
/* A gap closed: a criterion that was a gap in the baseline and is met now.
 * A gap opened: a gap now that was not one in the baseline. */
const char * const *apmm_comparison_get_gaps_closed  (ApmmComparison *self);
const char * const *apmm_comparison_get_gaps_opened  (ApmmComparison *self);
gboolean            apmm_comparison_is_gap_closed    (ApmmComparison *self,
                                                      const char     *criterion_id);
gboolean            apmm_comparison_is_gap_opened    (ApmmComparison *self,
                                                      const char     *criterion_id);
/* Baseline actions done: the session's action with the same id is done, or
 * every criterion the baseline action covered is met now. */
guint               apmm_comparison_get_n_actions_done (ApmmComparison *self);
const ApmmAction   *apmm_comparison_get_action_done  (ApmmComparison *self,
                                                      guint           index);
gboolean            apmm_comparison_is_action_done   (ApmmComparison *self,
                                                      const char     *action_id);

/* A short translated label of the movement: "+1 since 2026-03-12",
 * "−1 since …", "no change since …" ("since the baseline" without a date). */
char               *apmm_comparison_dup_movement_label (ApmmComparison *self);

/* The `--compare` object (docs/compare-and-merge.md). */
JsonNode           *apmm_comparison_to_json          (ApmmComparison *self);

/* One line of the comparison as the report and the slides say it:
 * "Evidence level" / "1 → 2" / "+1 since 2026-03-12". */
typedef struct {
  char *label;
  char *text;
  char *detail;   /* or NULL */
} ApmmComparisonLine;

void                apmm_comparison_line_free        (ApmmComparisonLine *line);
/* Translated lines, ApmmComparisonLine *: the evidence level then → now, the
 * perceived level then → now, each changed criterion (its title: from → to),
 * the gaps closed, the gaps opened and the earlier actions done (named by
 * title, "none" when there are none). No participant names, except as they
 * appear in an action's title. @max_changes: at most this many changed
 * criteria, then one "N more" line; 0 for all. */
GPtrArray          *apmm_comparison_dup_summary      (ApmmComparison *self,
                                                      ApmmModel      *model,
                                                      guint           max_changes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ApmmComparison, apmm_comparison_unref)

G_END_DECLS
