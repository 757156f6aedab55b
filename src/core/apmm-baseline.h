/* apmm-baseline.h — what a session remembers of the earlier session it is compared with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "apmm-action.h"
#include "apmm-model.h"

G_BEGIN_DECLS

/* An immutable, reference-counted copy of an earlier session's verdict: where
 * it was read from, its organisation and date, its evidence, perceived and
 * target levels, every criterion's status, its ranked gaps and its roadmap
 * actions (id, title, criteria, status). It is stored in the session file
 * under "baseline" so that a comparison survives a moved or deleted file.
 * apmm-compare.h builds one from a session. */
typedef struct _ApmmBaseline ApmmBaseline;

#define APMM_TYPE_BASELINE (apmm_baseline_get_type ())

GType               apmm_baseline_get_type             (void) G_GNUC_CONST;
/* @statuses: one per criterion of the default model, in its order.
 * @gaps: ranked criterion ids, NULL-terminated. @actions: ApmmAction *, copied. */
ApmmBaseline       *apmm_baseline_new                  (const char          *file,
                                                        const char          *organisation,
                                                        const char          *date,
                                                        guint                evidence_level,
                                                        int                  perceived_level,
                                                        guint                target_level,
                                                        const ApmmStatus    *statuses,
                                                        const char * const  *gaps,
                                                        GPtrArray           *actions);
ApmmBaseline       *apmm_baseline_ref                  (ApmmBaseline        *self);
void                apmm_baseline_unref                (ApmmBaseline        *self);
gboolean            apmm_baseline_equal                (ApmmBaseline        *a,
                                                        ApmmBaseline        *b);

/* The file name or path the baseline was read from ("" when unknown). */
const char         *apmm_baseline_get_file             (ApmmBaseline        *self);
const char         *apmm_baseline_get_organisation     (ApmmBaseline        *self);
/* "YYYY-MM-DD" or "" */
const char         *apmm_baseline_get_date             (ApmmBaseline        *self);
guint               apmm_baseline_get_evidence_level   (ApmmBaseline        *self);
/* -1 when the baseline had no perceived level. */
int                 apmm_baseline_get_perceived_level  (ApmmBaseline        *self);
guint               apmm_baseline_get_target_level     (ApmmBaseline        *self);
ApmmStatus          apmm_baseline_get_status           (ApmmBaseline        *self,
                                                        const char          *criterion_id);
const char * const *apmm_baseline_get_gaps             (ApmmBaseline        *self);
gboolean            apmm_baseline_has_gap              (ApmmBaseline        *self,
                                                        const char          *criterion_id);
guint               apmm_baseline_get_n_actions        (ApmmBaseline        *self);
const ApmmAction   *apmm_baseline_get_action           (ApmmBaseline        *self,
                                                        guint                index);

/* The "baseline" object of the session file (docs/session-format.md). Members
 * this version does not know are kept from the object it was read from. */
JsonNode           *apmm_baseline_to_json              (ApmmBaseline        *self);
/* Validates @node; on failure sets an APMM_SESSION_ERROR naming the place
 * ("baseline › date: …") and returns NULL. */
ApmmBaseline       *apmm_baseline_from_json            (JsonNode            *node,
                                                        GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ApmmBaseline, apmm_baseline_unref)

G_END_DECLS
