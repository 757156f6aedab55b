/* apmm-action.h — a roadmap action
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  APMM_HORIZON_30_DAYS = 0,  /* "30-days": next 30 days */
  APMM_HORIZON_QUARTER,      /* "quarter": next quarter */
  APMM_HORIZON_LATER,        /* "later" */
} ApmmHorizon;

#define APMM_N_HORIZONS 3

typedef enum {
  APMM_ACTION_PLANNED = 0,   /* "planned" */
  APMM_ACTION_IN_PROGRESS,   /* "in-progress" */
  APMM_ACTION_DONE,          /* "done" */
  APMM_ACTION_DROPPED,       /* "dropped" */
} ApmmActionStatus;

#define APMM_N_ACTION_STATUSES 4

/* A plain value: the session stores copies, getters return borrowed pointers. */
typedef struct {
  char              *id;          /* unique within the session, e.g. "a1" */
  char              *title;
  char              *description;
  char             **criteria;    /* NULL-terminated criterion ids this action closes; may be NULL */
  char              *owner;
  ApmmHorizon        horizon;
  char              *due;         /* "YYYY-MM-DD" or NULL */
  ApmmActionStatus   status;
  char              *measure;     /* success measure */
} ApmmAction;

#define APMM_TYPE_ACTION (apmm_action_get_type ())

GType        apmm_action_get_type               (void) G_GNUC_CONST;
ApmmAction  *apmm_action_new                    (const char        *id,
                                                 const char        *title);
ApmmAction  *apmm_action_copy                   (const ApmmAction  *action);
void         apmm_action_free                   (ApmmAction        *action);
/* For an action stored in memory of its own (the session keeps its actions
 * in reference-counted boxes): copy_into copies @src's fields into @dest,
 * which holds none yet; clear frees @action's fields and leaves them NULL. */
void         apmm_action_copy_into              (ApmmAction        *dest,
                                                 const ApmmAction  *src);
void         apmm_action_clear                  (ApmmAction        *action);
gboolean     apmm_action_equal                  (const ApmmAction  *a,
                                                 const ApmmAction  *b);
gboolean     apmm_action_covers                 (const ApmmAction  *action,
                                                 const char        *criterion_id);

const char  *apmm_horizon_to_string             (ApmmHorizon        horizon);
gboolean     apmm_horizon_from_string           (const char        *str,
                                                 ApmmHorizon       *horizon);
const char  *apmm_horizon_get_label             (ApmmHorizon        horizon);
const char  *apmm_action_status_to_string       (ApmmActionStatus   status);
gboolean     apmm_action_status_from_string     (const char        *str,
                                                 ApmmActionStatus  *status);
const char  *apmm_action_status_get_label       (ApmmActionStatus   status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ApmmAction, apmm_action_free)

G_END_DECLS
