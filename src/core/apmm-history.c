/* apmm-history.c — undo/redo and the unsaved-changes state of a session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "apmm-history"

#include "config.h"

#include "apmm-history.h"
#include "apmm-session-private.h"

/* Enough for a whole workshop of edits while keeping memory bounded: each
 * step holds a full copy of a (small) session. */
#define MAX_UNDO_STEPS 200

typedef struct
{
  ApmmSession *state;         /* the content to go back (or forward) to */
  char        *description;   /* translated label of the edit */
  gint64       time;          /* monotonic time of the last edit merged into the step */
  gboolean     text_edit;     /* typing, which the next keystroke may merge into */
} Step;

struct _ApmmHistory
{
  GObject      parent_instance;

  ApmmSession *session;
  gulong       changed_handler;

  /* A copy of the session as it is now: the state an edit is about to leave. */
  ApmmSession *current;
  /* A copy of the session as it was last saved (or when the history began). */
  ApmmSession *saved;

  GPtrArray   *undo_steps;    /* Step, most recent last */
  GPtrArray   *redo_steps;    /* Step, next to redo last */

  /* Set while undo or redo assigns a snapshot, whose own "changed" is no edit. */
  gboolean     replaying;
  /* Cleared by undo, redo and saving, so no later edit merges across them. */
  gboolean     can_merge;

  /* An explicit batch: every change between begin and end is one step. */
  guint        batch_depth;
  char        *batch_description;

  /* The last notified values, so notify fires only on a real change. */
  gboolean     can_undo;
  gboolean     can_redo;
  gboolean     modified;
  char        *undo_label;
  char        *redo_label;
};

G_DEFINE_FINAL_TYPE (ApmmHistory, apmm_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static Step *
step_new (ApmmSession *state,
          const char  *description)
{
  Step *step = g_new0 (Step, 1);

  step->state = state;
  step->description = g_strdup (description != NULL ? description : "");
  step->time = g_get_monotonic_time ();

  return step;
}

static void
step_free (gpointer data)
{
  Step *step = data;

  g_clear_object (&step->state);
  g_free (step->description);
  g_free (step);
}

static Step *
peek_step (GPtrArray *steps)
{
  return steps->len > 0 ? g_ptr_array_index (steps, steps->len - 1) : NULL;
}

static Step *
pop_step (GPtrArray *steps)
{
  g_assert (steps->len > 0);

  return g_ptr_array_steal_index (steps, steps->len - 1);
}

static const char *
peek_label (GPtrArray *steps)
{
  Step *step = peek_step (steps);

  return step != NULL ? step->description : NULL;
}

static void
update_label (ApmmHistory *self,
              char       **label,
              const char  *value,
              GParamSpec  *pspec)
{
  if (g_strcmp0 (*label, value) == 0)
    return;

  g_free (*label);
  *label = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
update_flag (ApmmHistory *self,
             gboolean    *flag,
             gboolean     value,
             GParamSpec  *pspec)
{
  if (*flag == value)
    return;

  *flag = value;
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

/* Brings the public state in line with the stacks and notifies what changed. */
static void
update_state (ApmmHistory *self)
{
  g_object_freeze_notify (G_OBJECT (self));
  update_flag (self, &self->can_undo, self->undo_steps->len > 0, properties[PROP_CAN_UNDO]);
  update_flag (self, &self->can_redo, self->redo_steps->len > 0, properties[PROP_CAN_REDO]);
  update_flag (self, &self->modified, !apmm_session_equal (self->session, self->saved),
               properties[PROP_MODIFIED]);
  update_label (self, &self->undo_label, peek_label (self->undo_steps),
                properties[PROP_UNDO_LABEL]);
  update_label (self, &self->redo_label, peek_label (self->redo_steps),
                properties[PROP_REDO_LABEL]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Only typing merges: a run of keystrokes in the same text, with no pause
 * longer than the merge window. A click (a rating, Add Action) is always a
 * step of its own; a group of changes that belong together is a batch. */
static gboolean
should_merge (ApmmHistory *self,
              const char  *description,
              gint64       now)
{
  Step *last = peek_step (self->undo_steps);

  return self->can_merge &&
         last != NULL &&
         last->text_edit &&
         apmm_session_change_is_text_edit (self->session) &&
         g_strcmp0 (last->description, description) == 0 &&
         now - last->time <= (gint64) APMM_HISTORY_MERGE_MS * G_TIME_SPAN_MILLISECOND;
}

/* Typing a note emits one change per keystroke: those belong to one step,
 * whose "before" state is the one the first keystroke left. */
static void
merge_change (ApmmHistory *self,
              gint64       now)
{
  Step *last = peek_step (self->undo_steps);

  last->time = now;

  /* Typing a word and erasing it again leaves nothing to undo. */
  if (apmm_session_equal (last->state, self->session))
    {
      g_ptr_array_remove_index (self->undo_steps, self->undo_steps->len - 1);
      self->can_merge = FALSE;
    }
}

static void
push_change (ApmmHistory *self,
             const char  *description)
{
  g_ptr_array_add (self->undo_steps, step_new (g_steal_pointer (&self->current), description));
  if (self->undo_steps->len > MAX_UNDO_STEPS)
    g_ptr_array_remove_index (self->undo_steps, 0);

  g_ptr_array_set_size (self->redo_steps, 0);
  self->can_merge = TRUE;
}

static void
on_session_changed_cb (ApmmHistory *self,
                       const char  *description,
                       ApmmSession *session)
{
  gint64 now;

  g_assert (APMM_IS_HISTORY (self));
  g_assert (APMM_IS_SESSION (session));

  /* Inside a batch the step is recorded when the batch ends. */
  if (self->replaying || self->batch_depth > 0)
    return;

  now = g_get_monotonic_time ();

  if (should_merge (self, description, now))
    merge_change (self, now);
  else
    {
      push_change (self, description);
      peek_step (self->undo_steps)->text_edit = apmm_session_change_is_text_edit (self->session);
    }

  g_clear_object (&self->current);
  self->current = apmm_session_copy (self->session);

  update_state (self);
}

/* Moves one step from @from to @to: the session takes the step's state and
 * the state it leaves becomes the opposite step, under the same label. */
static void
replay_step (ApmmHistory *self,
             GPtrArray   *from,
             GPtrArray   *to)
{
  Step *step;

  if (from->len == 0)
    return;

  step = pop_step (from);

  self->replaying = TRUE;
  apmm_session_assign (self->session, step->state, step->description);
  self->replaying = FALSE;

  g_ptr_array_add (to, step_new (g_steal_pointer (&self->current), step->description));
  self->current = apmm_session_copy (self->session);
  self->can_merge = FALSE;
  step_free (step);

  update_state (self);
}

static void
apmm_history_set_session (ApmmHistory *self,
                          ApmmSession *session)
{
  g_assert (self->session == NULL);
  g_return_if_fail (APMM_IS_SESSION (session));

  self->session = g_object_ref (session);
  self->current = apmm_session_copy (session);
  self->saved = g_object_ref (self->current);
  self->changed_handler = g_signal_connect_object (session, "changed",
                                                   G_CALLBACK (on_session_changed_cb),
                                                   self, G_CONNECT_SWAPPED);
}

static void
apmm_history_dispose (GObject *object)
{
  ApmmHistory *self = (ApmmHistory *)object;

  if (self->session != NULL)
    g_clear_signal_handler (&self->changed_handler, self->session);

  g_clear_object (&self->session);
  g_clear_object (&self->current);
  g_clear_object (&self->saved);
  g_ptr_array_set_size (self->undo_steps, 0);
  g_ptr_array_set_size (self->redo_steps, 0);

  G_OBJECT_CLASS (apmm_history_parent_class)->dispose (object);
}

static void
apmm_history_finalize (GObject *object)
{
  ApmmHistory *self = (ApmmHistory *)object;

  g_clear_pointer (&self->undo_steps, g_ptr_array_unref);
  g_clear_pointer (&self->redo_steps, g_ptr_array_unref);
  g_clear_pointer (&self->undo_label, g_free);
  g_clear_pointer (&self->redo_label, g_free);
  g_clear_pointer (&self->batch_description, g_free);

  G_OBJECT_CLASS (apmm_history_parent_class)->finalize (object);
}

static void
apmm_history_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ApmmHistory *self = APMM_HISTORY (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->can_undo);
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, self->can_redo);
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, self->undo_label);
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, self->redo_label);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
apmm_history_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ApmmHistory *self = APMM_HISTORY (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      apmm_history_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
apmm_history_class_init (ApmmHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = apmm_history_dispose;
  object_class->finalize = apmm_history_finalize;
  object_class->get_property = apmm_history_get_property;
  object_class->set_property = apmm_history_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         APMM_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
apmm_history_init (ApmmHistory *self)
{
  self->undo_steps = g_ptr_array_new_with_free_func (step_free);
  self->redo_steps = g_ptr_array_new_with_free_func (step_free);
}

/**
 * apmm_history_new:
 * @session: the session whose edits to record
 *
 * Starts recording edits of @session. Its current content counts as saved.
 *
 * Returns: (transfer full): a new history
 */
ApmmHistory *
apmm_history_new (ApmmSession *session)
{
  g_return_val_if_fail (APMM_IS_SESSION (session), NULL);

  return g_object_new (APMM_TYPE_HISTORY,
                       "session", session,
                       NULL);
}

ApmmSession *
apmm_history_get_session (ApmmHistory *self)
{
  g_return_val_if_fail (APMM_IS_HISTORY (self), NULL);

  return self->session;
}

gboolean
apmm_history_can_undo (ApmmHistory *self)
{
  g_return_val_if_fail (APMM_IS_HISTORY (self), FALSE);

  return self->can_undo;
}

gboolean
apmm_history_can_redo (ApmmHistory *self)
{
  g_return_val_if_fail (APMM_IS_HISTORY (self), FALSE);

  return self->can_redo;
}

const char *
apmm_history_get_undo_label (ApmmHistory *self)
{
  g_return_val_if_fail (APMM_IS_HISTORY (self), NULL);

  return self->undo_label;
}

const char *
apmm_history_get_redo_label (ApmmHistory *self)
{
  g_return_val_if_fail (APMM_IS_HISTORY (self), NULL);

  return self->redo_label;
}

void
apmm_history_undo (ApmmHistory *self)
{
  g_return_if_fail (APMM_IS_HISTORY (self));

  replay_step (self, self->undo_steps, self->redo_steps);
}

void
apmm_history_redo (ApmmHistory *self)
{
  g_return_if_fail (APMM_IS_HISTORY (self));

  replay_step (self, self->redo_steps, self->undo_steps);
}

gboolean
apmm_history_get_modified (ApmmHistory *self)
{
  g_return_val_if_fail (APMM_IS_HISTORY (self), FALSE);

  return self->modified;
}

/**
 * apmm_history_mark_saved:
 * @self: a history
 *
 * Records the session's current content as the saved one: the session is
 * unmodified until it differs from it again, including after undo or redo.
 */
void
apmm_history_mark_saved (ApmmHistory *self)
{
  g_return_if_fail (APMM_IS_HISTORY (self));

  g_clear_object (&self->saved);
  self->saved = apmm_session_copy (self->session);
  /* Undo after saving must come back to exactly the saved state. */
  self->can_merge = FALSE;

  update_state (self);
}

/**
 * apmm_history_mark_saved_state:
 * @self: a history
 * @state: the content that was written
 *
 * Like apmm_history_mark_saved(), for a save that wrote a copy in the
 * background: edits made while it ran stay unsaved.
 */
void
apmm_history_mark_saved_state (ApmmHistory *self,
                               ApmmSession *state)
{
  g_return_if_fail (APMM_IS_HISTORY (self));
  g_return_if_fail (APMM_IS_SESSION (state));

  g_set_object (&self->saved, state);
  self->can_merge = FALSE;

  update_state (self);
}

/**
 * apmm_history_begin_batch:
 * @self: a history
 * @description: the translated label of the whole batch, for undo
 *
 * Every change of the session until the matching apmm_history_end_batch()
 * becomes one undo step under @description, such as the actions that
 * "Draft from Gaps" adds. Batches nest; the outermost one names the step.
 */
void
apmm_history_begin_batch (ApmmHistory *self,
                          const char  *description)
{
  g_return_if_fail (APMM_IS_HISTORY (self));
  g_return_if_fail (description != NULL);

  if (self->batch_depth++ == 0)
    {
      g_free (self->batch_description);
      self->batch_description = g_strdup (description);
    }
}

void
apmm_history_end_batch (ApmmHistory *self)
{
  g_return_if_fail (APMM_IS_HISTORY (self));
  g_return_if_fail (self->batch_depth > 0);

  if (--self->batch_depth > 0)
    return;

  /* A batch that changed nothing leaves nothing to undo. */
  if (!apmm_session_equal (self->current, self->session))
    {
      push_change (self, self->batch_description);
      self->can_merge = FALSE;
      self->current = apmm_session_copy (self->session);
    }
  g_clear_pointer (&self->batch_description, g_free);

  update_state (self);
}
