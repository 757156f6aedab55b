/* apmm-session-file-write.c — a session to JSON, keeping what this version does not know
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Known keys are written in the documented order, then the keys this version
 * does not know, copied from the loaded file and sorted, so that a file
 * written by a newer version loses nothing when saved again here.
 */
#define G_LOG_DOMAIN "apmm-session-file"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "apmm-baseline.h"
#include "apmm-disputes.h"
#include "apmm-model.h"
#include "apmm-session-file-private.h"
#include "apmm-session-private.h"

static const char * const top_keys[] = {
  "format", "version", "model", "title", "organisation", "facilitator", "date", "notes",
  "participants", "perceived_level", "target_level", "votes", "ratings", "prompts", "gaps",
  "gap_order", "roadmap", "entry_point", "baseline", "disputes", "presentation", "agenda", NULL
};
static const char * const participant_keys[] = { "name", "perceived_level", NULL };
static const char * const votes_keys[] = { "anonymous", "hidden", NULL };
static const char * const rating_keys[] = { "status", "note", "confirmed_by", "confirmed_at", NULL };
static const char * const prompt_keys[] = { "notes", NULL };
static const char * const gap_keys[] = { "impact", "effort", "owner", "note", NULL };
static const char * const action_keys[] = {
  "id", "title", "description", "criteria", "owner", "horizon", "due", "status", "measure", NULL
};

/* ------------------------------------------------------------------------ */
/* Session to JSON                                                           */
/* ------------------------------------------------------------------------ */

static JsonObject *
origin_object (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonObject *
origin_member_object (JsonObject *parent,
                      const char *key)
{
  return parent != NULL ? origin_object (json_object_get_member (parent, key)) : NULL;
}

static JsonObject *
origin_element_object (JsonObject *parent,
                       const char *key,
                       guint       index)
{
  JsonNode *node = parent != NULL ? json_object_get_member (parent, key) : NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);

  return index < json_array_get_length (array)
    ? origin_object (json_array_get_element (array, index)) : NULL;
}

static JsonObject *
origin_action (JsonObject *root,
               const char *id)
{
  JsonNode *node = root != NULL ? json_object_get_member (root, "roadmap") : NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *action = origin_object (json_array_get_element (array, i));
      JsonNode *action_id = action != NULL ? json_object_get_member (action, "id") : NULL;

      if (action_id != NULL && apmm_sf_node_is_type (action_id, G_TYPE_STRING) &&
          g_strcmp0 (json_node_get_string (action_id), id) == 0)
        return action;
    }

  return NULL;
}

/* Appends the members of @origin whose keys are not in @known, sorted. */
static guint
add_unknowns (JsonObject          *out,
              JsonObject          *origin,
              const char * const  *known)
{
  g_autoptr(GList) keys = NULL;
  guint n = 0;

  if (origin == NULL)
    return 0;

  keys = g_list_sort (json_object_get_members (origin), (GCompareFunc) strcmp);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      if (g_strv_contains (known, l->data))
        continue;
      json_object_set_member (out, l->data, json_node_copy (json_object_get_member (origin, l->data)));
      n++;
    }

  return n;
}

static void
set_string_unless_empty (JsonObject *object,
                         const char *key,
                         const char *value)
{
  if (value != NULL && value[0] != '\0')
    json_object_set_string_member (object, key, value);
}

static void
set_level (JsonObject *object,
           const char *key,
           int         level)
{
  if (level < 0)
    json_object_set_null_member (object, key);
  else
    json_object_set_int_member (object, key, level);
}

static JsonArray *
string_array (const char * const *strings)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strings != NULL && strings[i] != NULL; i++)
    json_array_add_string_element (array, strings[i]);

  return array;
}

static void
save_participants (ApmmSession *session,
                   JsonObject  *root,
                   JsonObject  *origin)
{
  guint n = apmm_session_get_n_participants (session);
  JsonArray *array;

  if (n == 0)
    return;

  array = json_array_new ();
  for (guint i = 0; i < n; i++)
    {
      JsonObject *participant = json_object_new ();

      json_object_set_string_member (participant, "name", apmm_session_get_participant_name (session, i));
      set_level (participant, "perceived_level", apmm_session_get_participant_vote (session, i));
      add_unknowns (participant, origin_element_object (origin, "participants", i), participant_keys);
      json_array_add_object_element (array, participant);
    }
  json_object_set_array_member (root, "participants", array);
}

static void
save_votes (ApmmSession *session,
            JsonObject  *root,
            JsonObject  *origin)
{
  g_autoptr(JsonObject) votes = json_object_new ();
  JsonArray *tallies = json_array_new ();
  gboolean is_default = !apmm_session_get_votes_hidden (session);

  for (guint level = 0; level < APMM_N_LEVELS; level++)
    {
      guint count = apmm_session_get_tally (session, level);

      json_array_add_int_element (tallies, count);
      is_default = is_default && count == 0;
    }
  json_object_set_array_member (votes, "anonymous", tallies);
  json_object_set_boolean_member (votes, "hidden", apmm_session_get_votes_hidden (session));

  if (add_unknowns (votes, origin_member_object (origin, "votes"), votes_keys) > 0 || !is_default)
    json_object_set_object_member (root, "votes", g_steal_pointer (&votes));
}

static gboolean
fill_rating (ApmmSession *session,
             const char  *id,
             JsonObject  *rating)
{
  ApmmStatus status = apmm_session_get_status (session, id);
  const char *note = apmm_session_get_evidence_note (session, id);
  const char *by = apmm_session_get_confirmed_by (session, id);
  const char *at = apmm_session_get_confirmed_at (session, id);

  json_object_set_string_member (rating, "status", apmm_status_to_string (status));
  set_string_unless_empty (rating, "note", note);
  set_string_unless_empty (rating, "confirmed_by", by);
  set_string_unless_empty (rating, "confirmed_at", at);

  return status != APMM_STATUS_UNKNOWN || note[0] != '\0' || by[0] != '\0' || at[0] != '\0';
}

static gboolean
fill_prompt (ApmmSession *session,
             const char  *id,
             JsonObject  *prompt)
{
  const char *notes = apmm_session_get_prompt_notes (session, id);

  set_string_unless_empty (prompt, "notes", notes);

  return notes[0] != '\0';
}

static gboolean
fill_gap (ApmmSession *session,
          const char  *id,
          JsonObject  *gap)
{
  guint impact = apmm_session_get_gap_impact (session, id);
  guint effort = apmm_session_get_gap_effort (session, id);
  const char *owner = apmm_session_get_gap_owner (session, id);
  const char *note = apmm_session_get_gap_note (session, id);

  json_object_set_int_member (gap, "impact", impact);
  json_object_set_int_member (gap, "effort", effort);
  set_string_unless_empty (gap, "owner", owner);
  set_string_unless_empty (gap, "note", note);

  return impact != APMM_IMPACT_DEFAULT || effort != APMM_EFFORT_DEFAULT || owner[0] != '\0' || note[0] != '\0';
}

typedef gboolean (*FillEntryFunc) (ApmmSession *session,
                                   const char  *id,
                                   JsonObject  *entry);

/* ratings, prompts and gaps in the model's order; an entry that holds only
 * defaults is left out unless it carries keys this version does not know. */
static void
save_keyed (ApmmSession         *session,
            ApmmModel           *model,
            JsonObject          *root,
            JsonObject          *origin,
            const char          *key,
            gboolean             by_criterion,
            const char * const  *known,
            FillEntryFunc        fill_entry)
{
  g_autoptr(JsonObject) section = json_object_new ();
  JsonObject *origin_section = origin_member_object (origin, key);
  guint n = by_criterion ? apmm_model_get_n_criteria (model) : apmm_model_get_n_prompts (model);

  for (guint i = 0; i < n; i++)
    {
      const char *id = by_criterion ? apmm_model_get_criterion (model, i)->id : apmm_model_get_prompt (model, i)->id;
      g_autoptr(JsonObject) entry = json_object_new ();
      gboolean needed = fill_entry (session, id, entry);

      if (add_unknowns (entry, origin_member_object (origin_section, id), known) > 0 || needed)
        json_object_set_object_member (section, id, g_steal_pointer (&entry));
    }

  if (json_object_get_size (section) > 0)
    json_object_set_object_member (root, key, g_steal_pointer (&section));
}

static JsonObject *
action_to_object (const ApmmAction *action,
                  JsonObject       *origin)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", action->id);
  json_object_set_string_member (object, "title", action->title != NULL ? action->title : "");
  json_object_set_string_member (object, "description", action->description != NULL ? action->description : "");
  json_object_set_array_member (object, "criteria", string_array ((const char * const *) action->criteria));
  json_object_set_string_member (object, "owner", action->owner != NULL ? action->owner : "");
  json_object_set_string_member (object, "horizon", apmm_horizon_to_string (action->horizon));
  if (action->due != NULL && action->due[0] != '\0')
    json_object_set_string_member (object, "due", action->due);
  else
    json_object_set_null_member (object, "due");
  json_object_set_string_member (object, "status", apmm_action_status_to_string (action->status));
  json_object_set_string_member (object, "measure", action->measure != NULL ? action->measure : "");
  add_unknowns (object, origin_action (origin, action->id), action_keys);

  return object;
}

static void
save_roadmap (ApmmSession *session,
              JsonObject  *root,
              JsonObject  *origin)
{
  guint n = apmm_session_get_n_actions (session);
  JsonArray *array;

  if (n == 0)
    return;

  array = json_array_new ();
  for (guint i = 0; i < n; i++)
    json_array_add_object_element (array, action_to_object (apmm_session_get_action (session, i), origin));
  json_object_set_array_member (root, "roadmap", array);
}

static void
save_metadata (ApmmSession *session,
               JsonObject  *root)
{
  json_object_set_string_member (root, "format", APMM_SESSION_FORMAT);
  json_object_set_int_member (root, "version", APMM_SESSION_FORMAT_VERSION);
  json_object_set_string_member (root, "model", APMM_MODEL_REF);
  set_string_unless_empty (root, "title", apmm_session_get_title (session));
  set_string_unless_empty (root, "organisation", apmm_session_get_organisation (session));
  set_string_unless_empty (root, "facilitator", apmm_session_get_facilitator (session));
  set_string_unless_empty (root, "date", apmm_session_get_date (session));
  set_string_unless_empty (root, "notes", apmm_session_get_notes (session));
}

JsonNode *
apmm_sf_session_to_node (ApmmSession *session)
{
  ApmmModel *model = apmm_model_get_default ();
  JsonObject *origin = origin_object (apmm_session_get_origin (session));
  g_autoptr(JsonObject) root = json_object_new ();
  const char * const *gap_order = apmm_session_get_gap_order (session);
  JsonNode *node;

  save_metadata (session, root);
  save_participants (session, root, origin);
  if (apmm_session_get_perceived_level (session) >= 0)
    set_level (root, "perceived_level", apmm_session_get_perceived_level (session));
  if (apmm_session_get_target_level (session) >= 0)
    set_level (root, "target_level", apmm_session_get_target_level (session));
  save_votes (session, root, origin);
  save_keyed (session, model, root, origin, "ratings", TRUE, rating_keys, fill_rating);
  save_keyed (session, model, root, origin, "prompts", FALSE, prompt_keys, fill_prompt);
  save_keyed (session, model, root, origin, "gaps", TRUE, gap_keys, fill_gap);
  if (gap_order != NULL)
    json_object_set_array_member (root, "gap_order", string_array (gap_order));
  save_roadmap (session, root, origin);
  set_string_unless_empty (root, "entry_point", apmm_session_get_entry_point (session));
  if (apmm_session_get_baseline (session) != NULL)
    json_object_set_member (root, "baseline", apmm_baseline_to_json (apmm_session_get_baseline (session)));
  if (apmm_session_get_disputes (session) != NULL)
    json_object_set_member (root, "disputes", apmm_disputes_to_json (apmm_session_get_disputes (session)));
  apmm_presentation_to_json (apmm_session_get_presentation (session), root, origin);
  add_unknowns (root, origin, top_keys);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, g_steal_pointer (&root));

  return node;
}
