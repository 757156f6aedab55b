/* apmm-session.h — the workshop session document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "apmm-action.h"
#include "apmm-baseline.h"
#include "apmm-disputes.h"
#include "apmm-model.h"
#include "apmm-presentation.h"

G_BEGIN_DECLS

#define APMM_IMPACT_DEFAULT 2
#define APMM_EFFORT_DEFAULT 2

/*
 * Change notification, fine-grained so a view redraws only what changed:
 *
 * - GObject "notify" for the scalar properties below;
 * - "rating-changed" (criterion id), "prompt-changed" (prompt id),
 *   "gap-changed" (criterion id), "gap-order-changed", "participants-changed",
 *   "votes-changed" (any vote: a participant's or an anonymous tally, or
 *   votes-hidden), "roadmap-changed", "presentation-changed";
 * - "changed" (a translated, human-readable description of the edit, used
 *   as the undo label) once after every effective change, whatever it was.
 *
 * A mutator that changes nothing emits nothing.
 */
#define APMM_TYPE_SESSION (apmm_session_get_type ())
G_DECLARE_FINAL_TYPE (ApmmSession, apmm_session, APMM, SESSION, GObject)

ApmmSession       *apmm_session_new                   (void);
ApmmSession       *apmm_session_copy                  (ApmmSession      *self);
/* Makes @self hold the same content as @from, emitting notifications for what
 * differs (and one "changed" when anything did). Used by undo and revert. */
void               apmm_session_assign                (ApmmSession      *self,
                                                       ApmmSession      *from,
                                                       const char       *description);
gboolean           apmm_session_equal                 (ApmmSession      *a,
                                                       ApmmSession      *b);

/* Metadata (strings never NULL; "" when unset). */
const char        *apmm_session_get_organisation      (ApmmSession      *self);
void               apmm_session_set_organisation      (ApmmSession      *self,
                                                       const char       *organisation);
const char        *apmm_session_get_facilitator       (ApmmSession      *self);
void               apmm_session_set_facilitator       (ApmmSession      *self,
                                                       const char       *facilitator);
const char        *apmm_session_get_date              (ApmmSession      *self);
void               apmm_session_set_date              (ApmmSession      *self,
                                                       const char       *date);
const char        *apmm_session_get_title             (ApmmSession      *self);
void               apmm_session_set_title             (ApmmSession      *self,
                                                       const char       *title);
const char        *apmm_session_get_notes             (ApmmSession      *self);
void               apmm_session_set_notes             (ApmmSession      *self,
                                                       const char       *notes);

/* The facilitator's pick among the offered entry points: an entry point id
 * of the model, or "" for none. */
const char        *apmm_session_get_entry_point       (ApmmSession      *self);
void               apmm_session_set_entry_point       (ApmmSession      *self,
                                                       const char       *entry_point);

/* Levels: -1 means "not set" (null in the file). */
int                apmm_session_get_perceived_level   (ApmmSession      *self);
void               apmm_session_set_perceived_level   (ApmmSession      *self,
                                                       int               level);
int                apmm_session_get_target_level      (ApmmSession      *self);
void               apmm_session_set_target_level      (ApmmSession      *self,
                                                       int               level);

/* Participants and the room's votes. */
guint              apmm_session_get_n_participants    (ApmmSession      *self);
const char        *apmm_session_get_participant_name  (ApmmSession      *self,
                                                       guint             index);
int                apmm_session_get_participant_vote  (ApmmSession      *self,
                                                       guint             index);
guint              apmm_session_add_participant       (ApmmSession      *self,
                                                       const char       *name,
                                                       int               vote);
void               apmm_session_rename_participant    (ApmmSession      *self,
                                                       guint             index,
                                                       const char       *name);
void               apmm_session_set_participant_vote  (ApmmSession      *self,
                                                       guint             index,
                                                       int               vote);
void               apmm_session_remove_participant    (ApmmSession      *self,
                                                       guint             index);
/* Anonymous tallies per level (device-free show of hands). */
guint              apmm_session_get_tally             (ApmmSession      *self,
                                                       guint             level);
void               apmm_session_set_tally             (ApmmSession      *self,
                                                       guint             level,
                                                       guint             count);
gboolean           apmm_session_get_votes_hidden      (ApmmSession      *self);
void               apmm_session_set_votes_hidden      (ApmmSession      *self,
                                                       gboolean          hidden);
/* All votes per level: participants' votes plus anonymous tallies. Returns the total. */
guint              apmm_session_count_votes           (ApmmSession      *self,
                                                       guint             counts[APMM_N_LEVELS]);

/* Ratings. An unrated criterion is APMM_STATUS_UNKNOWN with empty strings. */
ApmmStatus         apmm_session_get_status            (ApmmSession      *self,
                                                       const char       *criterion_id);
void               apmm_session_set_status            (ApmmSession      *self,
                                                       const char       *criterion_id,
                                                       ApmmStatus        status);
const char        *apmm_session_get_evidence_note     (ApmmSession      *self,
                                                       const char       *criterion_id);
void               apmm_session_set_evidence_note     (ApmmSession      *self,
                                                       const char       *criterion_id,
                                                       const char       *note);
const char        *apmm_session_get_confirmed_by      (ApmmSession      *self,
                                                       const char       *criterion_id);
void               apmm_session_set_confirmed_by      (ApmmSession      *self,
                                                       const char       *criterion_id,
                                                       const char       *who);
/* ISO 8601 date-time or "" */
const char        *apmm_session_get_confirmed_at      (ApmmSession      *self,
                                                       const char       *criterion_id);
void               apmm_session_set_confirmed_at      (ApmmSession      *self,
                                                       const char       *criterion_id,
                                                       const char       *when);

/* Self-assessment prompt notes. */
const char        *apmm_session_get_prompt_notes      (ApmmSession      *self,
                                                       const char       *prompt_id);
void               apmm_session_set_prompt_notes      (ApmmSession      *self,
                                                       const char       *prompt_id,
                                                       const char       *notes);

/* Gap details (per criterion; defaults impact 2, effort 2, empty strings). */
guint              apmm_session_get_gap_impact        (ApmmSession      *self,
                                                       const char       *criterion_id);
void               apmm_session_set_gap_impact        (ApmmSession      *self,
                                                       const char       *criterion_id,
                                                       guint             impact);
guint              apmm_session_get_gap_effort        (ApmmSession      *self,
                                                       const char       *criterion_id);
void               apmm_session_set_gap_effort        (ApmmSession      *self,
                                                       const char       *criterion_id,
                                                       guint             effort);
const char        *apmm_session_get_gap_owner         (ApmmSession      *self,
                                                       const char       *criterion_id);
void               apmm_session_set_gap_owner         (ApmmSession      *self,
                                                       const char       *criterion_id,
                                                       const char       *owner);
const char        *apmm_session_get_gap_note          (ApmmSession      *self,
                                                       const char       *criterion_id);
void               apmm_session_set_gap_note          (ApmmSession      *self,
                                                       const char       *criterion_id,
                                                       const char       *note);
/* Manual gap order: criterion ids, NULL-terminated; NULL when the default ranking applies. */
const char * const *apmm_session_get_gap_order        (ApmmSession      *self);
void               apmm_session_set_gap_order         (ApmmSession      *self,
                                                       const char * const *order);

/* Roadmap actions, in the facilitator's order. */
guint              apmm_session_get_n_actions         (ApmmSession      *self);
const ApmmAction  *apmm_session_get_action            (ApmmSession      *self,
                                                       guint             index);
const ApmmAction  *apmm_session_lookup_action         (ApmmSession      *self,
                                                       const char       *id,
                                                       guint            *index);
/* Returns a fresh unique action id ("a1", "a2", …). */
char              *apmm_session_new_action_id         (ApmmSession      *self);
void               apmm_session_insert_action         (ApmmSession      *self,
                                                       int               position,
                                                       const ApmmAction *action);
void               apmm_session_replace_action        (ApmmSession      *self,
                                                       guint             index,
                                                       const ApmmAction *action);
void               apmm_session_remove_action         (ApmmSession      *self,
                                                       guint             index);
void               apmm_session_move_action           (ApmmSession      *self,
                                                       guint             from,
                                                       guint             to);

/* Re-assessment and breakout groups (apmm-compare.h, apmm-merge.h): the
 * earlier session this one is compared with, and the criteria merged groups
 * rated differently. Both are NULL when unset and notify as properties
 * "baseline" and "disputes". Settling a dispute sets the criterion's status
 * and removes the dispute in one change. */
ApmmBaseline      *apmm_session_get_baseline          (ApmmSession      *self);
void               apmm_session_set_baseline          (ApmmSession      *self,
                                                       ApmmBaseline     *baseline);
ApmmDisputes      *apmm_session_get_disputes          (ApmmSession      *self);
void               apmm_session_set_disputes          (ApmmSession      *self,
                                                       ApmmDisputes     *disputes);
void               apmm_session_settle_dispute        (ApmmSession      *self,
                                                       const char       *criterion_id,
                                                       ApmmStatus        status);

/* How the session is presented (slides and agenda); never NULL. Setting it
 * stores a copy; @description is the undo label (NULL for a generic one). */
const ApmmPresentation *apmm_session_get_presentation (ApmmSession          *self);
void               apmm_session_set_presentation      (ApmmSession            *self,
                                                       const ApmmPresentation *presentation,
                                                       const char             *description);

/* TRUE if @text is "YYYY-MM-DD" naming a real calendar day: the form every
 * date in a session file takes. */
gboolean           apmm_date_is_valid                 (const char       *text);

G_END_DECLS
