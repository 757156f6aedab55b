/* apmm-session.c — the workshop session document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-session"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "apmm-session-private.h"

typedef struct {
  ApmmStatus  status;
  char       *note;
  char       *confirmed_by;
  char       *confirmed_at;
} Rating;

typedef struct {
  guint  impact;
  guint  effort;
  char  *owner;
  char  *note;
} Gap;

/* Participants and actions are shared between a session and its copies
 * (the undo history keeps one per step): a copy takes a reference to each,
 * and a change replaces the one it changes (a participant shared with a copy
 * is copied first). Work per edit then does not grow with the number of
 * participants or actions, nor with the length of their text. */
typedef struct {
  gint  ref_count;
  char *name;
  int   vote;  /* -1 when the participant has not voted */
} Participant;

struct _ApmmSession
{
  GObject      parent_instance;

  char        *organisation;
  char        *facilitator;
  char        *date;
  char        *title;
  char        *notes;
  char        *entry_point;   /* "" when the facilitator picked none */
  int          perceived_level;
  int          target_level;

  GPtrArray   *participants;  /* Participant * */
  guint        tallies[APMM_N_LEVELS];
  gboolean     votes_hidden;

  /* Keyed by id. An entry that returns to its defaults is removed, so an
   * absent entry and a default one are the same content. */
  GHashTable  *ratings;       /* criterion id → Rating * */
  GHashTable  *prompts;       /* prompt id → notes */
  GHashTable  *gaps;          /* criterion id → Gap * */
  char       **gap_order;     /* NULL when the default ranking applies */

  GPtrArray   *actions;       /* ApmmAction * */

  ApmmBaseline *baseline;     /* the earlier session compared with, or NULL */
  ApmmDisputes *disputes;     /* what merged breakout groups rated differently, or NULL */
  ApmmPresentation *presentation;  /* slide order, hidden slides, agenda */

  JsonNode    *origin;

  /* Set while "changed" is emitted for typing in a text: such edits may
   * merge into one undo step (see apmm_session_change_is_text_edit()). */
  gboolean     text_edit;
};

G_DEFINE_FINAL_TYPE (ApmmSession, apmm_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ORGANISATION,
  PROP_FACILITATOR,
  PROP_DATE,
  PROP_TITLE,
  PROP_NOTES,
  PROP_ENTRY_POINT,
  PROP_PERCEIVED_LEVEL,
  PROP_TARGET_LEVEL,
  PROP_VOTES_HIDDEN,
  PROP_BASELINE,
  PROP_DISPUTES,
  N_PROPS
};

enum {
  RATING_CHANGED,
  PROMPT_CHANGED,
  GAP_CHANGED,
  GAP_ORDER_CHANGED,
  PARTICIPANTS_CHANGED,
  VOTES_CHANGED,
  ROADMAP_CHANGED,
  PRESENTATION_CHANGED,
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* A notification that apmm_session_assign() emits once everything is
 * copied: a property's "notify" when @pspec is set, else @signal. */
typedef struct {
  GParamSpec *pspec;
  guint       signal;
  const char *id;  /* owned by the model, or NULL */
} Pending;

#define PENDING_NOTIFY(prop_id)        ((Pending) { properties[prop_id], 0, NULL })
#define PENDING_SIGNAL(signal_id, id)  ((Pending) { NULL, signals[signal_id], id })

static void
rating_free (gpointer data)
{
  Rating *rating = data;

  g_free (rating->note);
  g_free (rating->confirmed_by);
  g_free (rating->confirmed_at);
  g_free (rating);
}

static Rating *
rating_copy (const Rating *rating)
{
  Rating *copy = g_new0 (Rating, 1);

  copy->status = rating->status;
  copy->note = g_strdup (rating->note);
  copy->confirmed_by = g_strdup (rating->confirmed_by);
  copy->confirmed_at = g_strdup (rating->confirmed_at);
  return copy;
}

static gboolean
rating_is_default (const Rating *rating)
{
  return rating == NULL ||
         (rating->status == APMM_STATUS_UNKNOWN && *rating->note == '\0' &&
          *rating->confirmed_by == '\0' && *rating->confirmed_at == '\0');
}

static gboolean
rating_equal (const Rating *a,
              const Rating *b)
{
  if (rating_is_default (a) || rating_is_default (b))
    return rating_is_default (a) && rating_is_default (b);

  return a->status == b->status && strcmp (a->note, b->note) == 0 &&
         strcmp (a->confirmed_by, b->confirmed_by) == 0 &&
         strcmp (a->confirmed_at, b->confirmed_at) == 0;
}

static void
gap_free (gpointer data)
{
  Gap *gap = data;

  g_free (gap->owner);
  g_free (gap->note);
  g_free (gap);
}

static Gap *
gap_copy (const Gap *gap)
{
  Gap *copy = g_new0 (Gap, 1);

  copy->impact = gap->impact;
  copy->effort = gap->effort;
  copy->owner = g_strdup (gap->owner);
  copy->note = g_strdup (gap->note);
  return copy;
}

static gboolean
gap_is_default (const Gap *gap)
{
  return gap == NULL ||
         (gap->impact == APMM_IMPACT_DEFAULT && gap->effort == APMM_EFFORT_DEFAULT &&
          *gap->owner == '\0' && *gap->note == '\0');
}

static gboolean
gap_equal (const Gap *a,
           const Gap *b)
{
  if (gap_is_default (a) || gap_is_default (b))
    return gap_is_default (a) && gap_is_default (b);

  return a->impact == b->impact && a->effort == b->effort &&
         strcmp (a->owner, b->owner) == 0 && strcmp (a->note, b->note) == 0;
}

static void
participant_unref (gpointer data)
{
  Participant *participant = data;

  if (!g_atomic_int_dec_and_test (&participant->ref_count))
    return;
  g_free (participant->name);
  g_free (participant);
}

static Participant *
participant_new (const char *name,
                 int         vote)
{
  Participant *participant = g_new0 (Participant, 1);

  participant->ref_count = 1;
  participant->name = g_strdup (name);
  participant->vote = vote;
  return participant;
}

static gpointer
participant_ref (gconstpointer src,
                 gpointer      user_data)
{
  Participant *participant = (Participant *) src;

  g_atomic_int_inc (&participant->ref_count);
  return participant;
}

/* A session's actions are copies it shares with its own copies, never
 * changed in place: reference-counted boxes. */
static void
action_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, (GDestroyNotify) apmm_action_clear);
}

static ApmmAction *
action_new_shared (const ApmmAction *action)
{
  ApmmAction *shared = g_atomic_rc_box_new0 (ApmmAction);

  apmm_action_copy_into (shared, action);
  return shared;
}

static gpointer
action_ref (gconstpointer src,
            gpointer      user_data)
{
  return g_atomic_rc_box_acquire ((gpointer) src);
}

static gboolean
strv_equal0 (char **a,
             char **b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static const ApmmCriterion *
lookup_criterion (const char *id)
{
  return apmm_model_lookup_criterion (apmm_model_get_default (), id);
}

static gboolean
is_level (int level)
{
  return level >= -1 && level <= APMM_MAX_LEVEL;
}

static gboolean
is_target_level (int level)
{
  return level == -1 || (level >= 1 && level <= APMM_MAX_LEVEL);
}

static gboolean
is_valid_gap_order (const char * const *order)
{
  for (guint i = 0; order[i] != NULL; i++)
    {
      if (lookup_criterion (order[i]) == NULL)
        return FALSE;
      for (guint j = 0; j < i; j++)
        if (strcmp (order[i], order[j]) == 0)
          return FALSE;
    }

  return TRUE;
}

static gboolean
is_unique_action_id (ApmmSession *self,
                     const char  *id,
                     int          except)
{
  for (guint i = 0; i < self->actions->len; i++)
    {
      const ApmmAction *action = g_ptr_array_index (self->actions, i);

      if ((int) i != except && g_strcmp0 (action->id, id) == 0)
        return FALSE;
    }

  return TRUE;
}

static void
emit_changed (ApmmSession *self,
              const char  *description)
{
  g_signal_emit (self, signals[CHANGED], 0, description);
}

/* Runs @emit's "changed" as a text edit. */
#define AS_TEXT_EDIT(self, call) \
  G_STMT_START { (self)->text_edit = TRUE; call; (self)->text_edit = FALSE; } G_STMT_END

static void
set_metadata (ApmmSession *self,
              char       **field,
              const char  *value,
              guint        prop_id,
              const char  *description)
{
  if (!replace_string (field, value != NULL ? value : ""))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  AS_TEXT_EDIT (self, emit_changed (self, description));
}

static Rating *
ensure_rating (ApmmSession *self,
               const char  *criterion_id)
{
  Rating *rating = g_hash_table_lookup (self->ratings, criterion_id);

  if (rating == NULL)
    {
      rating = g_new0 (Rating, 1);
      rating->note = g_strdup ("");
      rating->confirmed_by = g_strdup ("");
      rating->confirmed_at = g_strdup ("");
      g_hash_table_insert (self->ratings, g_strdup (criterion_id), rating);
    }

  return rating;
}

static void
rating_changed (ApmmSession *self,
                const char  *criterion_id,
                const char  *description)
{
  if (rating_is_default (g_hash_table_lookup (self->ratings, criterion_id)))
    g_hash_table_remove (self->ratings, criterion_id);

  g_signal_emit (self, signals[RATING_CHANGED], 0, criterion_id);
  emit_changed (self, description);
}

/* Sets one string field of a rating, found by its offset in the struct. The
 * caller has checked that the value differs. */
static void
set_rating_string (ApmmSession *self,
                   const char  *criterion_id,
                   gsize        offset,
                   const char  *value,
                   const char  *description)
{
  Rating *rating = ensure_rating (self, criterion_id);

  replace_string (G_STRUCT_MEMBER_P (rating, offset), value != NULL ? value : "");
  AS_TEXT_EDIT (self, rating_changed (self, criterion_id, description));
}

static const Rating *
get_rating (ApmmSession *self,
            const char  *criterion_id)
{
  g_return_val_if_fail (APMM_IS_SESSION (self), NULL);
  g_return_val_if_fail (criterion_id != NULL, NULL);

  return g_hash_table_lookup (self->ratings, criterion_id);
}

static Gap *
ensure_gap (ApmmSession *self,
            const char  *criterion_id)
{
  Gap *gap = g_hash_table_lookup (self->gaps, criterion_id);

  if (gap == NULL)
    {
      gap = g_new0 (Gap, 1);
      gap->impact = APMM_IMPACT_DEFAULT;
      gap->effort = APMM_EFFORT_DEFAULT;
      gap->owner = g_strdup ("");
      gap->note = g_strdup ("");
      g_hash_table_insert (self->gaps, g_strdup (criterion_id), gap);
    }

  return gap;
}

/* Drops a default entry again; notifies only when @description is set. */
static void
gap_changed (ApmmSession *self,
             const char  *criterion_id,
             const char  *description)
{
  if (gap_is_default (g_hash_table_lookup (self->gaps, criterion_id)))
    g_hash_table_remove (self->gaps, criterion_id);

  if (description == NULL)
    return;

  g_signal_emit (self, signals[GAP_CHANGED], 0, criterion_id);
  emit_changed (self, description);
}

static void
set_gap_string (ApmmSession *self,
                const char  *criterion_id,
                gsize        offset,
                const char  *value,
                const char  *description)
{
  Gap *gap = ensure_gap (self, criterion_id);
  gboolean changed = replace_string (G_STRUCT_MEMBER_P (gap, offset), value != NULL ? value : "");

  AS_TEXT_EDIT (self, gap_changed (self, criterion_id, changed ? description : NULL));
}

static void
set_gap_number (ApmmSession *self,
                const char  *criterion_id,
                gsize        offset,
                guint        value,
                const char  *description)
{
  Gap *gap = ensure_gap (self, criterion_id);
  guint *field = G_STRUCT_MEMBER_P (gap, offset);
  gboolean changed = *field != value;

  *field = value;
  gap_changed (self, criterion_id, changed ? description : NULL);
}

static const Gap *
get_gap (ApmmSession *self,
         const char  *criterion_id)
{
  g_return_val_if_fail (APMM_IS_SESSION (self), NULL);
  g_return_val_if_fail (criterion_id != NULL, NULL);

  return g_hash_table_lookup (self->gaps, criterion_id);
}

static Participant *
get_participant (ApmmSession *self,
                 guint        index)
{
  return g_ptr_array_index (self->participants, index);
}

/* The participant at @index, to be changed: one shared with a copy of the
 * session is replaced by a copy of its own first. */
static Participant *
get_writable_participant (ApmmSession *self,
                          guint        index)
{
  Participant *participant = get_participant (self, index);

  if (g_atomic_int_get (&participant->ref_count) > 1)
    {
      Participant *own = participant_new (participant->name, participant->vote);

      /* The copy keeps the shared one. */
      g_ptr_array_index (self->participants, index) = own;
      participant_unref (participant);
      participant = own;
    }
  return participant;
}

static void
participants_changed (ApmmSession *self,
                      gboolean     votes,
                      const char  *description)
{
  g_signal_emit (self, signals[PARTICIPANTS_CHANGED], 0);
  if (votes)
    g_signal_emit (self, signals[VOTES_CHANGED], 0);
  emit_changed (self, description);
}

static void
roadmap_changed (ApmmSession *self,
                 const char  *description)
{
  g_signal_emit (self, signals[ROADMAP_CHANGED], 0);
  emit_changed (self, description);
}

static gboolean
participants_equal (GPtrArray *a,
                    GPtrArray *b,
                    gboolean   votes)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      const Participant *pa = g_ptr_array_index (a, i);
      const Participant *pb = g_ptr_array_index (b, i);

      if (pa == pb)
        continue;
      if (votes ? pa->vote != pb->vote : strcmp (pa->name, pb->name) != 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
actions_equal (GPtrArray *a,
               GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      const ApmmAction *action_a = g_ptr_array_index (a, i);
      const ApmmAction *action_b = g_ptr_array_index (b, i);

      if (action_a != action_b && !apmm_action_equal (action_a, action_b))
        return FALSE;
    }

  return TRUE;
}

static gboolean
metadata_equal (ApmmSession *a,
                ApmmSession *b)
{
  return strcmp (a->organisation, b->organisation) == 0 &&
         strcmp (a->facilitator, b->facilitator) == 0 &&
         strcmp (a->date, b->date) == 0 &&
         strcmp (a->title, b->title) == 0 &&
         strcmp (a->notes, b->notes) == 0 &&
         strcmp (a->entry_point, b->entry_point) == 0 &&
         a->perceived_level == b->perceived_level &&
         a->target_level == b->target_level &&
         apmm_baseline_equal (a->baseline, b->baseline) &&
         apmm_disputes_equal (a->disputes, b->disputes);
}

static gboolean
votes_equal (ApmmSession *a,
             ApmmSession *b)
{
  return a->votes_hidden == b->votes_hidden &&
         memcmp (a->tallies, b->tallies, sizeof a->tallies) == 0 &&
         participants_equal (a->participants, b->participants, TRUE);
}

static gboolean
criteria_content_equal (ApmmSession *a,
                        ApmmSession *b)
{
  ApmmModel *model = apmm_model_get_default ();

  for (guint i = 0; i < apmm_model_get_n_criteria (model); i++)
    {
      const char *id = apmm_model_get_criterion (model, i)->id;

      if (!rating_equal (g_hash_table_lookup (a->ratings, id), g_hash_table_lookup (b->ratings, id)) ||
          !gap_equal (g_hash_table_lookup (a->gaps, id), g_hash_table_lookup (b->gaps, id)))
        return FALSE;
    }

  for (guint i = 0; i < apmm_model_get_n_prompts (model); i++)
    {
      const char *id = apmm_model_get_prompt (model, i)->id;

      if (g_strcmp0 (g_hash_table_lookup (a->prompts, id), g_hash_table_lookup (b->prompts, id)) != 0)
        return FALSE;
    }

  return TRUE;
}

static void
assign_string (char       **field,
               const char  *value,
               guint        prop_id,
               GArray      *pending)
{
  if (replace_string (field, value))
    g_array_append_val (pending, PENDING_NOTIFY (prop_id));
}

static void
assign_int (int    *field,
            int     value,
            guint   prop_id,
            GArray *pending)
{
  if (*field == value)
    return;

  *field = value;
  g_array_append_val (pending, PENDING_NOTIFY (prop_id));
}

static void
assign_metadata (ApmmSession *self,
                 ApmmSession *from,
                 GArray      *pending)
{
  assign_string (&self->organisation, from->organisation, PROP_ORGANISATION, pending);
  assign_string (&self->facilitator, from->facilitator, PROP_FACILITATOR, pending);
  assign_string (&self->date, from->date, PROP_DATE, pending);
  assign_string (&self->title, from->title, PROP_TITLE, pending);
  assign_string (&self->notes, from->notes, PROP_NOTES, pending);
  assign_string (&self->entry_point, from->entry_point, PROP_ENTRY_POINT, pending);
  assign_int (&self->perceived_level, from->perceived_level, PROP_PERCEIVED_LEVEL, pending);
  assign_int (&self->target_level, from->target_level, PROP_TARGET_LEVEL, pending);
  if (!apmm_baseline_equal (self->baseline, from->baseline))
    {
      g_clear_pointer (&self->baseline, apmm_baseline_unref);
      self->baseline = from->baseline != NULL ? apmm_baseline_ref (from->baseline) : NULL;
      g_array_append_val (pending, PENDING_NOTIFY (PROP_BASELINE));
    }
  if (!apmm_disputes_equal (self->disputes, from->disputes))
    {
      g_clear_pointer (&self->disputes, apmm_disputes_unref);
      self->disputes = from->disputes != NULL ? apmm_disputes_ref (from->disputes) : NULL;
      g_array_append_val (pending, PENDING_NOTIFY (PROP_DISPUTES));
    }
}

static void
assign_votes (ApmmSession *self,
              ApmmSession *from,
              GArray      *pending)
{
  gboolean names = participants_equal (self->participants, from->participants, FALSE);
  gboolean votes = votes_equal (self, from);

  if (self->votes_hidden != from->votes_hidden)
    {
      self->votes_hidden = from->votes_hidden;
      g_array_append_val (pending, PENDING_NOTIFY (PROP_VOTES_HIDDEN));
    }

  if (!names || !participants_equal (self->participants, from->participants, TRUE))
    {
      g_ptr_array_unref (self->participants);
      self->participants = g_ptr_array_copy (from->participants, participant_ref, NULL);
      g_ptr_array_set_free_func (self->participants, participant_unref);
      g_array_append_val (pending, PENDING_SIGNAL (PARTICIPANTS_CHANGED, NULL));
    }

  memcpy (self->tallies, from->tallies, sizeof self->tallies);
  if (!votes)
    g_array_append_val (pending, PENDING_SIGNAL (VOTES_CHANGED, NULL));
}

static void
assign_criterion (ApmmSession *self,
                  ApmmSession *from,
                  const char  *id,
                  GArray      *pending)
{
  const Rating *rating = g_hash_table_lookup (from->ratings, id);
  const Gap *gap = g_hash_table_lookup (from->gaps, id);

  if (!rating_equal (g_hash_table_lookup (self->ratings, id), rating))
    {
      if (rating_is_default (rating))
        g_hash_table_remove (self->ratings, id);
      else
        g_hash_table_insert (self->ratings, g_strdup (id), rating_copy (rating));
      g_array_append_val (pending, PENDING_SIGNAL (RATING_CHANGED, id));
    }

  if (!gap_equal (g_hash_table_lookup (self->gaps, id), gap))
    {
      if (gap_is_default (gap))
        g_hash_table_remove (self->gaps, id);
      else
        g_hash_table_insert (self->gaps, g_strdup (id), gap_copy (gap));
      g_array_append_val (pending, PENDING_SIGNAL (GAP_CHANGED, id));
    }
}

static void
assign_prompt (ApmmSession *self,
               ApmmSession *from,
               const char  *id,
               GArray      *pending)
{
  const char *notes = g_hash_table_lookup (from->prompts, id);

  if (g_strcmp0 (g_hash_table_lookup (self->prompts, id), notes) == 0)
    return;

  if (notes == NULL)
    g_hash_table_remove (self->prompts, id);
  else
    g_hash_table_insert (self->prompts, g_strdup (id), g_strdup (notes));
  g_array_append_val (pending, PENDING_SIGNAL (PROMPT_CHANGED, id));
}

static void
assign_content (ApmmSession *self,
                ApmmSession *from,
                GArray      *pending)
{
  ApmmModel *model = apmm_model_get_default ();

  assign_metadata (self, from, pending);
  assign_votes (self, from, pending);

  for (guint i = 0; i < apmm_model_get_n_criteria (model); i++)
    assign_criterion (self, from, apmm_model_get_criterion (model, i)->id, pending);

  for (guint i = 0; i < apmm_model_get_n_prompts (model); i++)
    assign_prompt (self, from, apmm_model_get_prompt (model, i)->id, pending);

  if (!strv_equal0 (self->gap_order, from->gap_order))
    {
      g_strfreev (self->gap_order);
      self->gap_order = g_strdupv (from->gap_order);
      g_array_append_val (pending, PENDING_SIGNAL (GAP_ORDER_CHANGED, NULL));
    }

  if (!actions_equal (self->actions, from->actions))
    {
      g_ptr_array_unref (self->actions);
      self->actions = g_ptr_array_copy (from->actions, action_ref, NULL);
      g_ptr_array_set_free_func (self->actions, action_unref);
      g_array_append_val (pending, PENDING_SIGNAL (ROADMAP_CHANGED, NULL));
    }

  if (!apmm_presentation_equal (self->presentation, from->presentation))
    {
      apmm_presentation_free (self->presentation);
      self->presentation = apmm_presentation_copy (from->presentation);
      g_array_append_val (pending, PENDING_SIGNAL (PRESENTATION_CHANGED, NULL));
    }
}

static void
apmm_session_finalize (GObject *object)
{
  ApmmSession *self = (ApmmSession *) object;

  g_clear_pointer (&self->organisation, g_free);
  g_clear_pointer (&self->facilitator, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->entry_point, g_free);
  g_clear_pointer (&self->participants, g_ptr_array_unref);
  g_clear_pointer (&self->ratings, g_hash_table_unref);
  g_clear_pointer (&self->prompts, g_hash_table_unref);
  g_clear_pointer (&self->gaps, g_hash_table_unref);
  g_clear_pointer (&self->gap_order, g_strfreev);
  g_clear_pointer (&self->actions, g_ptr_array_unref);
  g_clear_pointer (&self->baseline, apmm_baseline_unref);
  g_clear_pointer (&self->disputes, apmm_disputes_unref);
  g_clear_pointer (&self->presentation, apmm_presentation_free);
  g_clear_pointer (&self->origin, json_node_unref);

  G_OBJECT_CLASS (apmm_session_parent_class)->finalize (object);
}

static void
apmm_session_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ApmmSession *self = APMM_SESSION (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:
      g_value_set_string (value, self->organisation);
      break;
    case PROP_FACILITATOR:
      g_value_set_string (value, self->facilitator);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_ENTRY_POINT:
      g_value_set_string (value, self->entry_point);
      break;
    case PROP_PERCEIVED_LEVEL:
      g_value_set_int (value, self->perceived_level);
      break;
    case PROP_TARGET_LEVEL:
      g_value_set_int (value, self->target_level);
      break;
    case PROP_VOTES_HIDDEN:
      g_value_set_boolean (value, self->votes_hidden);
      break;
    case PROP_BASELINE:
      g_value_set_boxed (value, self->baseline);
      break;
    case PROP_DISPUTES:
      g_value_set_boxed (value, self->disputes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
apmm_session_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ApmmSession *self = APMM_SESSION (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:
      apmm_session_set_organisation (self, g_value_get_string (value));
      break;
    case PROP_FACILITATOR:
      apmm_session_set_facilitator (self, g_value_get_string (value));
      break;
    case PROP_DATE:
      apmm_session_set_date (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      apmm_session_set_title (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      apmm_session_set_notes (self, g_value_get_string (value));
      break;
    case PROP_ENTRY_POINT:
      apmm_session_set_entry_point (self, g_value_get_string (value));
      break;
    case PROP_PERCEIVED_LEVEL:
      apmm_session_set_perceived_level (self, g_value_get_int (value));
      break;
    case PROP_TARGET_LEVEL:
      apmm_session_set_target_level (self, g_value_get_int (value));
      break;
    case PROP_VOTES_HIDDEN:
      apmm_session_set_votes_hidden (self, g_value_get_boolean (value));
      break;
    case PROP_BASELINE:
      apmm_session_set_baseline (self, g_value_get_boxed (value));
      break;
    case PROP_DISPUTES:
      apmm_session_set_disputes (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, "",
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                              G_PARAM_STATIC_STRINGS);
}

static guint
id_signal (const char *name)
{
  return g_signal_new (name, APMM_TYPE_SESSION, G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                       g_cclosure_marshal_VOID__STRING,
                       G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static guint
plain_signal (const char *name)
{
  return g_signal_new (name, APMM_TYPE_SESSION, G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                       g_cclosure_marshal_VOID__VOID, G_TYPE_NONE, 0);
}

static void
apmm_session_class_init (ApmmSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = apmm_session_finalize;
  object_class->get_property = apmm_session_get_property;
  object_class->set_property = apmm_session_set_property;

  properties[PROP_ORGANISATION] = string_property ("organisation");
  properties[PROP_FACILITATOR] = string_property ("facilitator");
  properties[PROP_DATE] = string_property ("date");
  properties[PROP_TITLE] = string_property ("title");
  properties[PROP_NOTES] = string_property ("notes");
  properties[PROP_ENTRY_POINT] = string_property ("entry-point");
  properties[PROP_PERCEIVED_LEVEL] =
    g_param_spec_int ("perceived-level", NULL, NULL, -1, APMM_MAX_LEVEL, -1, flags);
  /* 0 is in range for GObject but refused by the setter: a target is 1..4. */
  properties[PROP_TARGET_LEVEL] =
    g_param_spec_int ("target-level", NULL, NULL, -1, APMM_MAX_LEVEL, -1, flags);
  properties[PROP_VOTES_HIDDEN] =
    g_param_spec_boolean ("votes-hidden", NULL, NULL, FALSE, flags);
  properties[PROP_BASELINE] =
    g_param_spec_boxed ("baseline", NULL, NULL, APMM_TYPE_BASELINE, flags);
  properties[PROP_DISPUTES] =
    g_param_spec_boxed ("disputes", NULL, NULL, APMM_TYPE_DISPUTES, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[RATING_CHANGED] = id_signal ("rating-changed");
  signals[PROMPT_CHANGED] = id_signal ("prompt-changed");
  signals[GAP_CHANGED] = id_signal ("gap-changed");
  signals[GAP_ORDER_CHANGED] = plain_signal ("gap-order-changed");
  signals[PARTICIPANTS_CHANGED] = plain_signal ("participants-changed");
  signals[VOTES_CHANGED] = plain_signal ("votes-changed");
  signals[ROADMAP_CHANGED] = plain_signal ("roadmap-changed");
  signals[PRESENTATION_CHANGED] = plain_signal ("presentation-changed");
  signals[CHANGED] = id_signal ("changed");
}

static void
apmm_session_init (ApmmSession *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->organisation = g_strdup ("");
  self->facilitator = g_strdup ("");
  self->date = g_date_time_format (now, "%Y-%m-%d");
  self->title = g_strdup ("");
  self->notes = g_strdup ("");
  self->entry_point = g_strdup ("");
  self->perceived_level = -1;
  self->target_level = -1;
  self->participants = g_ptr_array_new_with_free_func (participant_unref);
  self->ratings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, rating_free);
  self->prompts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->gaps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, gap_free);
  self->actions = g_ptr_array_new_with_free_func (action_unref);
  self->presentation = apmm_presentation_new ();
}

/**
 * apmm_session_new:
 *
 * Creates an empty session dated today.
 *
 * Returns: (transfer full): the session
 */
ApmmSession *
apmm_session_new (void)
{
  return g_object_new (APMM_TYPE_SESSION, NULL);
}

/**
 * apmm_session_copy:
 * @self: a session
 *
 * Returns: (transfer full): a deep copy of @self, origin included
 */
ApmmSession *
apmm_session_copy (ApmmSession *self)
{
  ApmmSession *copy;
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (Pending));

  g_return_val_if_fail (APMM_IS_SESSION (self), NULL);

  /* Nobody listens to the new object yet: its notifications are moot. */
  copy = apmm_session_new ();
  assign_content (copy, self, pending);
  apmm_session_set_origin (copy, self->origin);

  return copy;
}

void
apmm_session_assign (ApmmSession *self,
                     ApmmSession *from,
                     const char  *description)
{
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (Pending));

  g_return_if_fail (APMM_IS_SESSION (self));
  g_return_if_fail (APMM_IS_SESSION (from));

  if (self == from || apmm_session_equal (self, from))
    return;

  /* Copy everything first, so every handler sees the final state. */
  assign_content (self, from, pending);

  for (guint i = 0; i < pending->len; i++)
    {
      const Pending *p = &g_array_index (pending, Pending, i);

      if (p->pspec != NULL)
        g_object_notify_by_pspec (G_OBJECT (self), p->pspec);
      else if (p->id != NULL)
        g_signal_emit (self, p->signal, 0, p->id);
      else
        g_signal_emit (self, p->signal, 0);
    }

  emit_changed (self, description != NULL ? description : _("Change session"));
}

gboolean
apmm_session_equal (ApmmSession *a,
                    ApmmSession *b)
{
  g_return_val_if_fail (APMM_IS_SESSION (a), FALSE);
  g_return_val_if_fail (APMM_IS_SESSION (b), FALSE);

  return metadata_equal (a, b) &&
         votes_equal (a, b) &&
         participants_equal (a->participants, b->participants, FALSE) &&
         criteria_content_equal (a, b) &&
         strv_equal0 (a->gap_order, b->gap_order) &&
         actions_equal (a->actions, b->actions) &&
         apmm_presentation_equal (a->presentation, b->presentation);
}

JsonNode *
apmm_session_get_origin (ApmmSession *self)
{
  g_return_val_if_fail (APMM_IS_SESSION (self), NULL);

  return self->origin;
}

void
apmm_session_set_origin (ApmmSession *self,
                         JsonNode    *origin)
{
  g_return_if_fail (APMM_IS_SESSION (self));

  if (origin == self->origin)
    return;

  g_clear_pointer (&self->origin, json_node_unref);
  if (origin != NULL)
    self->origin = json_node_ref (origin);
}

const char *
apmm_session_get_organisation (ApmmSession *self)
{
  g_return_val_if_fail (APMM_IS_SESSION (self), NULL);

  return self->organisation;
}

void
apmm_session_set_organisation (ApmmSession *self,
                               const char  *organisation)
{
  g_return_if_fail (APMM_IS_SESSION (self));

  set_metadata (self, &self->organisation, organisation, PROP_ORGANISATION,
                _("Change organisation"));
}

const char *
apmm_session_get_facilitator (ApmmSession *self)
{
  g_return_val_if_fail (APMM_IS_SESSION (self), NULL);

  return self->facilitator;
}

void
apmm_session_set_facilitator (ApmmSession *self,
                              const char  *facilitator)
{
  g_return_if_fail (APMM_IS_SESSION (self));

  set_metadata (self, &self->facilitator, facilitator, PROP_FACILITATOR,
                _("Change facilitator"));
}

const char *
apmm_session_get_date (ApmmSession *self)
{
  g_return_val_if_fail (APMM_IS_SESSION (self), NULL);

  return self->date;
}

void
apmm_session_set_date (ApmmSession *self,
                       const char  *date)
{
  g_return_if_fail (APMM_IS_SESSION (self));

  set_metadata (self, &self->date, date, PROP_DATE, _("Change date"));
}

const char *
apmm_session_get_title (ApmmSession *self)
{
  g_return_val_if_fail (APMM_IS_SESSION (self), NULL);

  return self->title;
}

void
apmm_session_set_title (ApmmSession *self,
                        const char  *title)
{
  g_return_if_fail (APMM_IS_SESSION (self));

  set_metadata (self, &self->title, title, PROP_TITLE, _("Change workshop title"));
}

const char *
apmm_session_get_notes (ApmmSession *self)
{
  g_return_val_if_fail (APMM_IS_SESSION (self), NULL);

  return self->notes;
}

void
apmm_session_set_notes (ApmmSession *self,
                        const char  *notes)
{
  g_return_if_fail (APMM_IS_SESSION (self));

  set_metadata (self, &self->notes, notes, PROP_NOTES, _("Edit notes"));
}

const char *
apmm_session_get_entry_point (ApmmSession *self)
{
  g_return_val_if_fail (APMM_IS_SESSION (self), NULL);

  return self->entry_point;
}

/**
 * apmm_session_set_entry_point:
 * @self: a session
 * @entry_point: (nullable): an entry point id of the model, or %NULL or ""
 *   for none
 *
 * Records the facilitator's pick among the entry points the assessment
 * offers. The session keeps a pick that is no longer offered; the
 * assessment ignores it and calls it stale.
 */
void
apmm_session_set_entry_point (ApmmSession *self,
                              const char  *entry_point)
{
  g_return_if_fail (APMM_IS_SESSION (self));
  g_return_if_fail (entry_point == NULL || entry_point[0] == '\0' ||
                    apmm_model_lookup_entry_point (apmm_model_get_default (), entry_point) != NULL);

  set_metadata (self, &self->entry_point, entry_point, PROP_ENTRY_POINT,
                _("Choose entry point"));
}

int
apmm_session_get_perceived_level (ApmmSession *self)
{
  g_return_val_if_fail (APMM_IS_SESSION (self), -1);

  return self->perceived_level;
}

void
apmm_session_set_perceived_level (ApmmSession *self,
                                  int          level)
{
  g_return_if_fail (APMM_IS_SESSION (self));
  g_return_if_fail (is_level (level));

  if (self->perceived_level == level)
    return;

  self->perceived_level = level;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERCEIVED_LEVEL]);
  emit_changed (self, _("Change perceived level"));
}

int
apmm_session_get_target_level (ApmmSession *self)
{
  g_return_val_if_fail (APMM_IS_SESSION (self), -1);

  return self->target_level;
}

void
apmm_session_set_target_level (ApmmSession *self,
                               int          level)
{
  g_return_if_fail (APMM_IS_SESSION (self));
  g_return_if_fail (is_target_level (level));

  if (self->target_level == level)
    return;

  self->target_level = level;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_LEVEL]);
  emit_changed (self, _("Change target level"));
}

guint
apmm_session_get_n_participants (ApmmSession *self)
{
  g_return_val_if_fail (APMM_IS_SESSION (self), 0);

  return self->participants->len;
}

const char *
apmm_session_get_participant_name (ApmmSession *self,
                                   guint        index)
{
  g_return_val_if_fail (APMM_IS_SESSION (self), NULL);
  g_return_val_if_fail (index < self->participants->len, NULL);

  return get_participant (self, index)->name;
}

int
apmm_session_get_participant_vote (ApmmSession *self,
                                   guint        index)
{
  g_return_val_if_fail (APMM_IS_SESSION (self), -1);
  g_return_val_if_fail (index < self->participants->len, -1);

  return get_participant (self, index)->vote;
}

/* Returns the new participant's index, always the last. */
guint
apmm_session_add_participant (ApmmSession *self,
                              const char  *name,
                              int          vote)
{
  g_return_val_if_fail (APMM_IS_SESSION (self), 0);
  g_return_val_if_fail (name != NULL, 0);
  g_return_val_if_fail (is_level (vote), 0);

  g_ptr_array_add (self->participants, participant_new (name, vote));
  participants_changed (self, vote != -1, _("Add participant"));

  return self->participants->len - 1;
}

void
apmm_session_rename_participant (ApmmSession *self,
                                 guint        index,
                                 const char  *name)
{
  g_return_if_fail (APMM_IS_SESSION (self));
  g_return_if_fail (index < self->participants->len);
  g_return_if_fail (name != NULL);

  if (g_strcmp0 (get_participant (self, index)->name, name) == 0
      || !replace_string (&get_writable_participant (self, index)->name, name))
    return;

  AS_TEXT_EDIT (self, participants_changed (self, FALSE, _("Rename participant")));
}

void
apmm_session_set_participant_vote (ApmmSession *self,
                                   guint        index,
                                   int          vote)
{
  Participant *participant;

  g_return_if_fail (APMM_IS_SESSION (self));
  g_return_if_fail (index < self->participants->len);
  g_return_if_fail (is_level (vote));

  if (get_participant (self, index)->vote == vote)
    return;

  participant = get_writable_participant (self, index);
  participant->vote = vote;
  participants_changed (self, TRUE, _("Change vote"));
}

void
apmm_session_remove_participant (ApmmSession *self,
                                 guint        index)
{
  gboolean voted;

  g_return_if_fail (APMM_IS_SESSION (self));
  g_return_if_fail (index < self->participants->len);

  voted = get_participant (self, index)->vote != -1;
  g_ptr_array_remove_index (self->participants, index);
  participants_changed (self, voted, _("Remove participant"));
}

guint
apmm_session_get_tally (ApmmSession *self,
                        guint        level)
{
  g_return_val_if_fail (APMM_IS_SESSION (self), 0);
  g_return_val_if_fail (level <= APMM_MAX_LEVEL, 0);

  return self->tallies[level];
}

void
apmm_session_set_tally (ApmmSession *self,
                        guint        level,
                        guint        count)
{
  g_return_if_fail (APMM_IS_SESSION (self));
  g_return_if_fail (level <= APMM_MAX_LEVEL);

  if (self->tallies[level] == count)
    return;

  self->tallies[level] = count;
  g_signal_emit (self, signals[VOTES_CHANGED], 0);
  emit_changed (self, _("Change show of hands"));
}

gboolean
apmm_session_get_votes_hidden (ApmmSession *self)
{
  g_return_val_if_fail (APMM_IS_SESSION (self), FALSE);

  return self->votes_hidden;
}

void
apmm_session_set_votes_hidden (ApmmSession *self,
                               gboolean     hidden)
{
  g_return_if_fail (APMM_IS_SESSION (self));

  hidden = !!hidden;
  if (self->votes_hidden == hidden)
    return;

  self->votes_hidden = hidden;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VOTES_HIDDEN]);
  g_signal_emit (self, signals[VOTES_CHANGED], 0);
  emit_changed (self, hidden ? _("Hide votes") : _("Show votes"));
}

/**
 * apmm_session_count_votes:
 * @self: a session
 * @counts: (out) (optional): votes per level
 *
 * Counts the participants' votes and the anonymous tallies together.
 *
 * Returns: the number of votes
 */
guint
apmm_session_count_votes (ApmmSession *self,
                          guint        counts[APMM_N_LEVELS])
{
  guint per_level[APMM_N_LEVELS];
  guint total = 0;

  g_return_val_if_fail (APMM_IS_SESSION (self), 0);

  memcpy (per_level, self->tallies, sizeof per_level);
  for (guint i = 0; i < self->participants->len; i++)
    {
      int vote = get_participant (self, i)->vote;

      if (vote >= 0)
        per_level[vote]++;
    }

  for (guint i = 0; i < APMM_N_LEVELS; i++)
    total += per_level[i];

  if (counts != NULL)
    memcpy (counts, per_level, sizeof per_level);

  return total;
}

ApmmStatus
apmm_session_get_status (ApmmSession *self,
                         const char  *criterion_id)
{
  const Rating *rating = get_rating (self, criterion_id);

  return rating != NULL ? rating->status : APMM_STATUS_UNKNOWN;
}

void
apmm_session_set_status (ApmmSession *self,
                         const char  *criterion_id,
                         ApmmStatus   status)
{
  const ApmmCriterion *criterion;
  g_autofree char *description = NULL;

  g_return_if_fail (APMM_IS_SESSION (self));
  g_return_if_fail (criterion_id != NULL);
  g_return_if_fail ((guint) status < APMM_N_STATUSES);
  criterion = lookup_criterion (criterion_id);
  g_return_if_fail (criterion != NULL);

  if (apmm_session_get_status (self, criterion_id) == status)
    return;

  ensure_rating (self, criterion_id)->status = status;
  /* Translators: an undo label; %s is a criterion such as “Rollback procedure”. */
  description = g_strdup_printf (_("Rate “%s”"), criterion->title);
  rating_changed (self, criterion_id, description);
}

const char *
apmm_session_get_evidence_note (ApmmSession *self,
                                const char  *criterion_id)
{
  const Rating *rating = get_rating (self, criterion_id);

  return rating != NULL ? rating->note : "";
}

void
apmm_session_set_evidence_note (ApmmSession *self,
                                const char  *criterion_id,
                                const char  *note)
{
  g_autofree char *description = NULL;

  g_return_if_fail (APMM_IS_SESSION (self));
  g_return_if_fail (criterion_id != NULL);
  g_return_if_fail (lookup_criterion (criterion_id) != NULL);

  if (g_strcmp0 (apmm_session_get_evidence_note (self, criterion_id), note ? note : "") == 0)
    return;

  /* Translators: an undo label; %s is a criterion such as “Rollback procedure”.
   * Naming it keeps quick notes on two criteria from merging into one undo step. */
  description = g_strdup_printf (_("Edit evidence note of “%s”"), lookup_criterion (criterion_id)->title);
  set_rating_string (self, criterion_id, G_STRUCT_OFFSET (Rating, note), note, description);
}

const char *
apmm_session_get_confirmed_by (ApmmSession *self,
                               const char  *criterion_id)
{
  const Rating *rating = get_rating (self, criterion_id);

  return rating != NULL ? rating->confirmed_by : "";
}

void
apmm_session_set_confirmed_by (ApmmSession *self,
                               const char  *criterion_id,
                               const char  *who)
{
  g_return_if_fail (APMM_IS_SESSION (self));
  g_return_if_fail (criterion_id != NULL);
  g_return_if_fail (lookup_criterion (criterion_id) != NULL);

  if (g_strcmp0 (apmm_session_get_confirmed_by (self, criterion_id), who ? who : "") == 0)
    return;

  set_rating_string (self, criterion_id, G_STRUCT_OFFSET (Rating, confirmed_by), who,
                     _("Change who confirmed"));
}

const char *
apmm_session_get_confirmed_at (ApmmSession *self,
                               const char  *criterion_id)
{
  const Rating *rating = get_rating (self, criterion_id);

  return rating != NULL ? rating->confirmed_at : "";
}

void
apmm_session_set_confirmed_at (ApmmSession *self,
                               const char  *criterion_id,
                               const char  *when)
{
  g_return_if_fail (APMM_IS_SESSION (self));
  g_return_if_fail (criterion_id != NULL);
  g_return_if_fail (lookup_criterion (criterion_id) != NULL);

  if (g_strcmp0 (apmm_session_get_confirmed_at (self, criterion_id), when ? when : "") == 0)
    return;

  set_rating_string (self, criterion_id, G_STRUCT_OFFSET (Rating, confirmed_at), when,
                     _("Change confirmation date"));
}

const char *
apmm_session_get_prompt_notes (ApmmSession *self,
                               const char  *prompt_id)
{
  const char *notes;

  g_return_val_if_fail (APMM_IS_SESSION (self), NULL);
  g_return_val_if_fail (prompt_id != NULL, NULL);

  notes = g_hash_table_lookup (self->prompts, prompt_id);
  return notes != NULL ? notes : "";
}

void
apmm_session_set_prompt_notes (ApmmSession *self,
                               const char  *prompt_id,
                               const char  *notes)
{
  g_return_if_fail (APMM_IS_SESSION (self));
  g_return_if_fail (prompt_id != NULL);
  g_return_if_fail (apmm_model_lookup_prompt (apmm_model_get_default (), prompt_id) != NULL);

  if (notes == NULL)
    notes = "";

  if (strcmp (apmm_session_get_prompt_notes (self, prompt_id), notes) == 0)
    return;

  if (*notes == '\0')
    g_hash_table_remove (self->prompts, prompt_id);
  else
    g_hash_table_insert (self->prompts, g_strdup (prompt_id), g_strdup (notes));

  g_signal_emit (self, signals[PROMPT_CHANGED], 0, prompt_id);
  AS_TEXT_EDIT (self, emit_changed (self, _("Edit prompt notes")));
}

guint
apmm_session_get_gap_impact (ApmmSession *self,
                             const char  *criterion_id)
{
  const Gap *gap = get_gap (self, criterion_id);

  return gap != NULL ? gap->impact : APMM_IMPACT_DEFAULT;
}

void
apmm_session_set_gap_impact (ApmmSession *self,
                             const char  *criterion_id,
                             guint        impact)
{
  g_return_if_fail (APMM_IS_SESSION (self));
  g_return_if_fail (criterion_id != NULL);
  g_return_if_fail (lookup_criterion (criterion_id) != NULL);
  g_return_if_fail (impact >= 1 && impact <= 3);

  set_gap_number (self, criterion_id, G_STRUCT_OFFSET (Gap, impact), impact,
                  _("Change impact"));
}

guint
apmm_session_get_gap_effort (ApmmSession *self,
                             const char  *criterion_id)
{
  const Gap *gap = get_gap (self, criterion_id);

  return gap != NULL ? gap->effort : APMM_EFFORT_DEFAULT;
}

void
apmm_session_set_gap_effort (ApmmSession *self,
                             const char  *criterion_id,
                             guint        effort)
{
  g_return_if_fail (APMM_IS_SESSION (self));
  g_return_if_fail (criterion_id != NULL);
  g_return_if_fail (lookup_criterion (criterion_id) != NULL);
  g_return_if_fail (effort >= 1 && effort <= 3);

  set_gap_number (self, criterion_id, G_STRUCT_OFFSET (Gap, effort), effort,
                  _("Change effort"));
}

const char *
apmm_session_get_gap_owner (ApmmSession *self,
                            const char  *criterion_id)
{
  const Gap *gap = get_gap (self, criterion_id);

  return gap != NULL ? gap->owner : "";
}

void
apmm_session_set_gap_owner (ApmmSession *self,
                            const char  *criterion_id,
                            const char  *owner)
{
  g_return_if_fail (APMM_IS_SESSION (self));
  g_return_if_fail (criterion_id != NULL);
  g_return_if_fail (lookup_criterion (criterion_id) != NULL);

  set_gap_string (self, criterion_id, G_STRUCT_OFFSET (Gap, owner), owner,
                  _("Change gap owner"));
}

const char *
apmm_session_get_gap_note (ApmmSession *self,
                           const char  *criterion_id)
{
  const Gap *gap = get_gap (self, criterion_id);

  return gap != NULL ? gap->note : "";
}

void
apmm_session_set_gap_note (ApmmSession *self,
                           const char  *criterion_id,
                           const char  *note)
{
  g_return_if_fail (APMM_IS_SESSION (self));
  g_return_if_fail (criterion_id != NULL);
  g_return_if_fail (lookup_criterion (criterion_id) != NULL);

  set_gap_string (self, criterion_id, G_STRUCT_OFFSET (Gap, note), note,
                  _("Edit gap note"));
}

const char * const *
apmm_session_get_gap_order (ApmmSession *self)
{
  g_return_val_if_fail (APMM_IS_SESSION (self), NULL);

  return (const char * const *) self->gap_order;
}

/* An empty order is no manual order: the default ranking applies again. */
void
apmm_session_set_gap_order (ApmmSession        *self,
                            const char * const *order)
{
  g_return_if_fail (APMM_IS_SESSION (self));
  g_return_if_fail (order == NULL || is_valid_gap_order (order));

  if (order != NULL && order[0] == NULL)
    order = NULL;

  if (strv_equal0 (self->gap_order, (char **) order))
    return;

  g_strfreev (self->gap_order);
  self->gap_order = g_strdupv ((char **) order);

  g_signal_emit (self, signals[GAP_ORDER_CHANGED], 0);
  emit_changed (self, order != NULL ? _("Reorder gaps") : _("Restore gap ranking"));
}

guint
apmm_session_get_n_actions (ApmmSession *self)
{
  g_return_val_if_fail (APMM_IS_SESSION (self), 0);

  return self->actions->len;
}

const ApmmAction *
apmm_session_get_action (ApmmSession *self,
                         guint        index)
{
  g_return_val_if_fail (APMM_IS_SESSION (self), NULL);
  g_return_val_if_fail (index < self->actions->len, NULL);

  return g_ptr_array_index (self->actions, index);
}

const ApmmAction *
apmm_session_lookup_action (ApmmSession *self,
                            const char  *id,
                            guint       *index)
{
  g_return_val_if_fail (APMM_IS_SESSION (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->actions->len; i++)
    {
      const ApmmAction *action = g_ptr_array_index (self->actions, i);

      if (g_strcmp0 (action->id, id) == 0)
        {
          if (index != NULL)
            *index = i;
          return action;
        }
    }

  return NULL;
}

char *
apmm_session_new_action_id (ApmmSession *self)
{
  guint64 largest = 0;

  g_return_val_if_fail (APMM_IS_SESSION (self), NULL);

  for (guint i = 0; i < self->actions->len; i++)
    {
      const ApmmAction *action = g_ptr_array_index (self->actions, i);
      guint64 n;

      if (action->id != NULL && action->id[0] == 'a' &&
          g_ascii_string_to_unsigned (action->id + 1, 10, 0, G_MAXUINT32, &n, NULL))
        largest = MAX (largest, n);
    }

  return g_strdup_printf ("a%" G_GUINT64_FORMAT, largest + 1);
}

/* @position -1 appends. The action's id must be unique in the session. */
void
apmm_session_insert_action (ApmmSession      *self,
                            int               position,
                            const ApmmAction *action)
{
  g_return_if_fail (APMM_IS_SESSION (self));
  g_return_if_fail (action != NULL && action->id != NULL);
  g_return_if_fail (position >= -1 && position <= (int) self->actions->len);
  g_return_if_fail (is_unique_action_id (self, action->id, -1));

  if (position < 0)
    position = self->actions->len;

  g_ptr_array_insert (self->actions, position, action_new_shared (action));
  roadmap_changed (self, _("Add action"));
}

void
apmm_session_replace_action (ApmmSession      *self,
                             guint             index,
                             const ApmmAction *action)
{
  g_return_if_fail (APMM_IS_SESSION (self));
  g_return_if_fail (action != NULL && action->id != NULL);
  g_return_if_fail (index < self->actions->len);
  g_return_if_fail (is_unique_action_id (self, action->id, index));

  if (apmm_action_equal (g_ptr_array_index (self->actions, index), action))
    return;

  action_unref (g_ptr_array_index (self->actions, index));
  g_ptr_array_index (self->actions, index) = action_new_shared (action);
  AS_TEXT_EDIT (self, roadmap_changed (self, _("Edit action")));
}

void
apmm_session_remove_action (ApmmSession *self,
                            guint        index)
{
  g_return_if_fail (APMM_IS_SESSION (self));
  g_return_if_fail (index < self->actions->len);

  g_ptr_array_remove_index (self->actions, index);
  roadmap_changed (self, _("Remove action"));
}

void
apmm_session_move_action (ApmmSession *self,
                          guint        from,
                          guint        to)
{
  gpointer action;

  g_return_if_fail (APMM_IS_SESSION (self));
  g_return_if_fail (from < self->actions->len);
  g_return_if_fail (to < self->actions->len);

  if (from == to)
    return;

  action = g_ptr_array_steal_index (self->actions, from);
  g_ptr_array_insert (self->actions, to, action);
  roadmap_changed (self, _("Move action"));
}

const ApmmPresentation *
apmm_session_get_presentation (ApmmSession *self)
{
  g_return_val_if_fail (APMM_IS_SESSION (self), NULL);

  return self->presentation;
}

void
apmm_session_set_presentation (ApmmSession            *self,
                               const ApmmPresentation *presentation,
                               const char             *description)
{
  g_return_if_fail (APMM_IS_SESSION (self));
  g_return_if_fail (presentation != NULL);

  if (apmm_presentation_equal (self->presentation, presentation))
    return;

  apmm_presentation_free (self->presentation);
  self->presentation = apmm_presentation_copy (presentation);
  g_signal_emit (self, signals[PRESENTATION_CHANGED], 0);
  emit_changed (self, description != NULL ? description : _("Change the presentation"));
}

gboolean
apmm_date_is_valid (const char *text)
{
  guint year, month, day;

  g_return_val_if_fail (text != NULL, FALSE);

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);

  return year <= G_MAXUINT16 && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

ApmmBaseline *
apmm_session_get_baseline (ApmmSession *self)
{
  g_return_val_if_fail (APMM_IS_SESSION (self), NULL);

  return self->baseline;
}

void
apmm_session_set_baseline (ApmmSession  *self,
                           ApmmBaseline *baseline)
{
  g_return_if_fail (APMM_IS_SESSION (self));

  if (apmm_baseline_equal (self->baseline, baseline))
    return;

  g_clear_pointer (&self->baseline, apmm_baseline_unref);
  if (baseline != NULL)
    self->baseline = apmm_baseline_ref (baseline);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASELINE]);
  emit_changed (self, baseline != NULL ? _("Compare with earlier session") : _("Stop comparing"));
}

ApmmDisputes *
apmm_session_get_disputes (ApmmSession *self)
{
  g_return_val_if_fail (APMM_IS_SESSION (self), NULL);

  return self->disputes;
}

void
apmm_session_set_disputes (ApmmSession  *self,
                           ApmmDisputes *disputes)
{
  g_auto(GStrv) ids = NULL;

  g_return_if_fail (APMM_IS_SESSION (self));

  /* No disputed criterion and no disputes are the same content. */
  ids = apmm_disputes_dup_criteria (disputes);
  if (ids[0] == NULL)
    disputes = NULL;
  if (apmm_disputes_equal (self->disputes, disputes))
    return;

  g_clear_pointer (&self->disputes, apmm_disputes_unref);
  if (disputes != NULL)
    self->disputes = apmm_disputes_ref (disputes);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPUTES]);
  emit_changed (self, _("Change disputes"));
}

void
apmm_session_settle_dispute (ApmmSession *self,
                             const char  *criterion_id,
                             ApmmStatus   status)
{
  g_autoptr(ApmmDisputes) rest = NULL;
  Rating *rating;

  g_return_if_fail (APMM_IS_SESSION (self));
  g_return_if_fail (lookup_criterion (criterion_id) != NULL);
  g_return_if_fail (apmm_disputes_contains (self->disputes, criterion_id));

  /* One edit, one undo step: the status and the settled dispute together. */
  rest = apmm_disputes_without (self->disputes, criterion_id);
  g_clear_pointer (&self->disputes, apmm_disputes_unref);
  self->disputes = g_steal_pointer (&rest);
  rating = ensure_rating (self, criterion_id);
  rating->status = status;
  if (rating_is_default (rating))
    g_hash_table_remove (self->ratings, criterion_id);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPUTES]);
  g_signal_emit (self, signals[RATING_CHANGED], 0, lookup_criterion (criterion_id)->id);
  emit_changed (self, _("Settle disputed criterion"));
}

/**
 * apmm_session_change_is_text_edit:
 * @self: a session
 *
 * Asked from a "changed" handler: whether this change is typing in a text
 * (a name, a note, an action's wording). The history merges quick runs of
 * those into one undo step; any other change is a step of its own.
 *
 * Returns: %TRUE during the "changed" emission of a text edit
 */
gboolean
apmm_session_change_is_text_edit (ApmmSession *self)
{
  g_return_val_if_fail (APMM_IS_SESSION (self), FALSE);

  return self->text_edit;
}
