/* apmm-action.c — a roadmap action
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-action"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "apmm-action.h"
#include "apmm-enum-private.h"

G_DEFINE_BOXED_TYPE (ApmmAction, apmm_action, apmm_action_copy, apmm_action_free)

/* NULL and an empty list of criteria mean the same thing. */
static gboolean
strv_equal (char **a,
            char **b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL);

  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

/**
 * apmm_action_new:
 * @id: the action's id, unique within its session
 * @title: what is to be done
 *
 * Creates a planned action for the next 30 days with empty texts.
 *
 * Returns: (transfer full): the action
 */
ApmmAction *
apmm_action_new (const char *id,
                 const char *title)
{
  ApmmAction *action;

  g_return_val_if_fail (id != NULL, NULL);

  action = g_new0 (ApmmAction, 1);
  action->id = g_strdup (id);
  action->title = g_strdup (title != NULL ? title : "");
  action->description = g_strdup ("");
  action->owner = g_strdup ("");
  action->measure = g_strdup ("");
  action->horizon = APMM_HORIZON_30_DAYS;
  action->status = APMM_ACTION_PLANNED;

  return action;
}

ApmmAction *
apmm_action_copy (const ApmmAction *action)
{
  ApmmAction *copy;

  g_return_val_if_fail (action != NULL, NULL);

  copy = g_new0 (ApmmAction, 1);
  apmm_action_copy_into (copy, action);

  return copy;
}

void
apmm_action_copy_into (ApmmAction       *dest,
                       const ApmmAction *src)
{
  g_return_if_fail (dest != NULL);
  g_return_if_fail (src != NULL);

  dest->id = g_strdup (src->id);
  dest->title = g_strdup (src->title);
  dest->description = g_strdup (src->description);
  dest->criteria = g_strdupv (src->criteria);
  dest->owner = g_strdup (src->owner);
  dest->horizon = src->horizon;
  dest->due = g_strdup (src->due);
  dest->status = src->status;
  dest->measure = g_strdup (src->measure);
}

void
apmm_action_clear (ApmmAction *action)
{
  g_return_if_fail (action != NULL);

  g_clear_pointer (&action->id, g_free);
  g_clear_pointer (&action->title, g_free);
  g_clear_pointer (&action->description, g_free);
  g_clear_pointer (&action->criteria, g_strfreev);
  g_clear_pointer (&action->owner, g_free);
  g_clear_pointer (&action->due, g_free);
  g_clear_pointer (&action->measure, g_free);
}

void
apmm_action_free (ApmmAction *action)
{
  if (action == NULL)
    return;

  apmm_action_clear (action);
  g_free (action);
}

gboolean
apmm_action_equal (const ApmmAction *a,
                   const ApmmAction *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->title, b->title) == 0 &&
         g_strcmp0 (a->description, b->description) == 0 &&
         strv_equal (a->criteria, b->criteria) &&
         g_strcmp0 (a->owner, b->owner) == 0 &&
         a->horizon == b->horizon &&
         g_strcmp0 (a->due, b->due) == 0 &&
         a->status == b->status &&
         g_strcmp0 (a->measure, b->measure) == 0;
}

/* Whether the action is meant to close the gap of @criterion_id. */
gboolean
apmm_action_covers (const ApmmAction *action,
                    const char       *criterion_id)
{
  g_return_val_if_fail (action != NULL, FALSE);
  g_return_val_if_fail (criterion_id != NULL, FALSE);

  return action->criteria != NULL &&
         g_strv_contains ((const char * const *) action->criteria, criterion_id);
}

const char *
apmm_horizon_to_string (ApmmHorizon horizon)
{
  g_return_val_if_fail ((guint) horizon < APMM_N_HORIZONS, NULL);

  return apmm_enum_to_nick (APMM_TYPE_HORIZON, horizon);
}

gboolean
apmm_horizon_from_string (const char  *str,
                          ApmmHorizon *horizon)
{
  int index;

  g_return_val_if_fail (horizon != NULL, FALSE);

  if (!apmm_enum_from_nick (APMM_TYPE_HORIZON, str, &index))
    return FALSE;

  *horizon = (ApmmHorizon) index;
  return TRUE;
}

const char *
apmm_horizon_get_label (ApmmHorizon horizon)
{
  switch (horizon)
    {
    case APMM_HORIZON_30_DAYS:
      return _("Next 30 days");
    case APMM_HORIZON_QUARTER:
      return _("Next quarter");
    case APMM_HORIZON_LATER:
      return _("Later");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
apmm_action_status_to_string (ApmmActionStatus status)
{
  g_return_val_if_fail ((guint) status < APMM_N_ACTION_STATUSES, NULL);

  return apmm_enum_to_nick (APMM_TYPE_ACTION_STATUS, status);
}

gboolean
apmm_action_status_from_string (const char       *str,
                                ApmmActionStatus *status)
{
  int index;

  g_return_val_if_fail (status != NULL, FALSE);

  if (!apmm_enum_from_nick (APMM_TYPE_ACTION_STATUS, str, &index))
    return FALSE;

  *status = (ApmmActionStatus) index;
  return TRUE;
}

const char *
apmm_action_status_get_label (ApmmActionStatus status)
{
  switch (status)
    {
    case APMM_ACTION_PLANNED:
      return _("Planned");
    case APMM_ACTION_IN_PROGRESS:
      return _("In progress");
    case APMM_ACTION_DONE:
      return _("Done");
    case APMM_ACTION_DROPPED:
      return _("Dropped");
    default:
      g_return_val_if_reached (NULL);
    }
}
