/* apmm-disputes.h — the criteria breakout groups rated differently, until the room settles them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "apmm-model.h"

G_BEGIN_DECLS

/* One group's view of a disputed criterion. */
typedef struct {
  char       *group;   /* the group's name (see apmm-merge.h) */
  ApmmStatus  status;
  char       *note;
} ApmmGroupRating;

/* An immutable, reference-counted map: criterion id → the groups' ratings,
 * stored in the session file under "disputes". Build one with
 * apmm_disputes_new() and apmm_disputes_add() before sharing it. */
typedef struct _ApmmDisputes ApmmDisputes;

#define APMM_TYPE_DISPUTES (apmm_disputes_get_type ())

GType                  apmm_disputes_get_type      (void) G_GNUC_CONST;
ApmmDisputes          *apmm_disputes_new           (void);
ApmmDisputes          *apmm_disputes_ref           (ApmmDisputes   *self);
void                   apmm_disputes_unref         (ApmmDisputes   *self);
gboolean               apmm_disputes_equal         (ApmmDisputes   *a,
                                                    ApmmDisputes   *b);
void                   apmm_disputes_add           (ApmmDisputes   *self,
                                                    const char     *criterion_id,
                                                    const char     *group,
                                                    ApmmStatus      status,
                                                    const char     *note);
/* A copy without @criterion_id; NULL when nothing else is disputed. */
ApmmDisputes          *apmm_disputes_without       (ApmmDisputes   *self,
                                                    const char     *criterion_id);

gboolean               apmm_disputes_contains      (ApmmDisputes   *self,
                                                    const char     *criterion_id);
/* Disputed criterion ids in the model's order, NULL-terminated. */
GStrv                  apmm_disputes_dup_criteria  (ApmmDisputes   *self);
guint                  apmm_disputes_get_n_groups  (ApmmDisputes   *self,
                                                    const char     *criterion_id);
const ApmmGroupRating *apmm_disputes_get_group     (ApmmDisputes   *self,
                                                    const char     *criterion_id,
                                                    guint           index);

/* The "disputes" object of the session file (docs/session-format.md). */
JsonNode              *apmm_disputes_to_json       (ApmmDisputes   *self);
ApmmDisputes          *apmm_disputes_from_json     (JsonNode       *node,
                                                    GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ApmmDisputes, apmm_disputes_unref)

G_END_DECLS
