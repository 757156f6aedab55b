/* apmm-report.h — what the written follow-up says, before any format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One content model feeds every report format (PDF, HTML, Markdown, the
 * workbook and CSV): a writer only decides how things look. Every string is
 * final: translated sentences are composed here, and in an anonymised report
 * every participant name has already been replaced.
 */
#pragma once

#include <glib-object.h>

#include "apmm-action.h"
#include "apmm-assessment.h"
#include "apmm-model.h"
#include "apmm-session.h"

G_BEGIN_DECLS

typedef enum {
  APMM_REPORT_DEFAULT    = 0,
  /* No participant name anywhere: see apmm_report_new(). */
  APMM_REPORT_ANONYMISED = 1 << 0,
} ApmmReportFlags;

/* Strings are never NULL ("" when the session has nothing). */
typedef struct {
  const ApmmCriterion *criterion;
  ApmmStatus           status;
  const char          *note;
  const char          *confirmed_by;
  const char          *confirmed_at;   /* as in the session: ISO 8601 or "" */
} ApmmReportCriterion;

typedef struct {
  const ApmmPrompt *prompt;
  const char       *notes;
} ApmmReportPrompt;

typedef struct {
  guint                rank;            /* 1-based */
  const ApmmCriterion *criterion;
  ApmmStatus           status;
  guint                impact;          /* 1..3 */
  guint                effort;          /* 1..3 */
  const char          *owner;
  const char          *note;
  gboolean             crosses_chasm;
  gboolean             covered;         /* a live (not dropped) action closes it */
} ApmmReportGap;

typedef struct {
  const char                  *id;
  const char                  *title;
  const char                  *description;
  const char                  *owner;
  ApmmHorizon                  horizon;
  const char                  *due;          /* "YYYY-MM-DD" or "" */
  ApmmActionStatus             status;
  const char                  *measure;
  const ApmmCriterion * const *closes;       /* NULL-terminated; unknown ids are left out */
  guint                        n_closes;
} ApmmReportAction;

typedef struct {
  const ApmmEntryPoint *entry_point;
  const char           *heading;             /* the offer it is part of, as the source names it */
  const char           *why;                 /* a translated sentence */
} ApmmReportEntryPoint;

typedef struct _ApmmReport ApmmReport;

#define APMM_TYPE_REPORT (apmm_report_get_type ())

GType        apmm_report_get_type   (void) G_GNUC_CONST;
/*
 * Builds the report of @session as @model judges it. With
 * APMM_REPORT_ANONYMISED, every participant's name is replaced by
 * “Participant N” (N their place in the session's list) wherever it appears in
 * a string of the session: in owners and confirmers, and in notes, titles
 * and descriptions, matched as the whole name, as the name without a
 * bracketed role (“Helen Okafor (Chief Claims Officer)” → “Helen Okafor”),
 * and as each word of that name (“Helen”), case-insensitively and on word
 * boundaries. Owners and confirmers that are not participants (a team, an
 * outside supplier) are kept: they are not people of the room. The
 * facilitator is kept unless they are also a participant. The vote is only
 * ever given as counts per level, in every report.
 */
ApmmReport  *apmm_report_new        (ApmmSession      *session,
                                     ApmmModel        *model,
                                     ApmmReportFlags   flags);
ApmmReport  *apmm_report_ref        (ApmmReport       *self);
void         apmm_report_unref      (ApmmReport       *self);

ApmmModel      *apmm_report_get_model       (ApmmReport *self);
/* The session the report was made from, for the ladder picture; never edit it.
 * Anonymised reports hold a copy with every participant renamed. */
ApmmSession    *apmm_report_get_session     (ApmmReport *self);
ApmmAssessment *apmm_report_get_assessment  (ApmmReport *self);
gboolean        apmm_report_get_anonymised  (ApmmReport *self);

/* The cover. */
const char  *apmm_report_get_organisation   (ApmmReport *self);
const char  *apmm_report_get_title          (ApmmReport *self);   /* the workshop title, or a default */
const char  *apmm_report_get_date           (ApmmReport *self);   /* "YYYY-MM-DD" or "" */
const char  *apmm_report_get_facilitator    (ApmmReport *self);
const char  *apmm_report_get_notes          (ApmmReport *self);   /* the session's notes */

/* The verdict, in sentences. */
const char  *apmm_report_get_headline       (ApmmReport *self);   /* "Evidence level 2, AI Active" */
const char  *apmm_report_get_perceived_text (ApmmReport *self);   /* the room's level, or that it gave none */
const char  *apmm_report_get_estimation_text (ApmmReport *self);  /* the overestimation in words; "" without votes */
const char  *apmm_report_get_progress_text  (ApmmReport *self);   /* next-level progress, counted */
const char  *apmm_report_get_target_text    (ApmmReport *self);
/* NULL when the assessment is conclusive. */
const char  *apmm_report_get_inconclusive_text (ApmmReport *self);
guint        apmm_report_get_n_entry_points (ApmmReport *self);
const ApmmReportEntryPoint *apmm_report_get_entry_point (ApmmReport *self,
                                                         guint       index);

/* The evidence: the criteria of @level (1..4) in the model's order. */
guint        apmm_report_get_n_criteria     (ApmmReport *self,
                                             guint       level);
const ApmmReportCriterion *apmm_report_get_criterion (ApmmReport *self,
                                                      guint       level,
                                                      guint       index);
guint        apmm_report_get_n_prompts      (ApmmReport *self);
const ApmmReportPrompt *apmm_report_get_prompt (ApmmReport *self,
                                                guint       index);

/* The room's vote: counts per level, never names. Returns the total. */
guint        apmm_report_get_votes          (ApmmReport *self,
                                             guint       counts[APMM_N_LEVELS]);

/* The ranked gaps, and the roadmap. */
guint        apmm_report_get_n_gaps         (ApmmReport *self);
const ApmmReportGap *apmm_report_get_gap    (ApmmReport *self,
                                             guint       index);
guint        apmm_report_get_n_uncovered    (ApmmReport *self);
guint        apmm_report_get_n_actions      (ApmmReport *self);
const ApmmReportAction *apmm_report_get_action (ApmmReport *self,
                                                guint       index);

/* "Since the baseline": translated lines ("Evidence level: 1 → 2 (+1 since
 * 2026-03-12)", "Rollback procedure: Not met → Met", the gaps closed and
 * opened, the earlier actions done), NULL-terminated; NULL when the session
 * has no baseline. */
const char * const *apmm_report_get_since_baseline (ApmmReport *self);

/* Translated labels the writers share. */
const char  *apmm_report_impact_label       (guint       value);   /* "Low", "Medium", "High" */
/* "Level 2 · AI Active" */
char        *apmm_report_level_label        (ApmmReport *self,
                                             guint       level);
/* A session date-time ("2026-03-12T09:20:00+01:00") as "2026-03-12 09:20"; other text unchanged. */
char        *apmm_report_format_when        (const char *when);
/* The basename a report of this session is offered under, without extension:
 * "Meridian Insurance APMM report 2026-03-12". */
char        *apmm_report_suggest_basename   (ApmmReport *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ApmmReport, apmm_report_unref)

G_END_DECLS
