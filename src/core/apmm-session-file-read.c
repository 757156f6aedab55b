/* apmm-session-file-read.c — JSON to a session: typed readers and validation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib's getters emit criticals on a wrong type, so every member is
 * read through a typed reader that checks the node first, and every refusal
 * names its place: "ratings › l3.rollback › status: …".
 */
#define G_LOG_DOMAIN "apmm-session-file"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "apmm-baseline.h"
#include "apmm-disputes.h"
#include "apmm-model.h"
#include "apmm-session-file-private.h"

/* ------------------------------------------------------------------------ */
/* Typed members                                                             */
/* ------------------------------------------------------------------------ */

/* json-glib's getters emit criticals on a wrong type, so every reader checks
 * the node first. Each returns FALSE with @error set when the member is
 * present but wrong; an absent member leaves the default in place. */

gboolean
apmm_sf_node_is_type (JsonNode *node,
              GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
read_string (JsonObject   *object,
             const char   *key,
             const char   *path,
             const char  **value,
             GError      **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    return TRUE;
  if (!apmm_sf_node_is_type (node, G_TYPE_STRING))
    return apmm_sf_invalid_member (error, path, key, _("expected a string"));

  *value = json_node_get_string (node);

  return TRUE;
}

static gboolean
read_integer (JsonObject *object,
              const char *key,
              const char *path,
              int         min,
              int         max,
              gboolean    nullable,
              int        *value,
              GError    **error)
{
  JsonNode *node = json_object_get_member (object, key);
  g_autofree char *reason = NULL;
  gint64 v;

  if (node == NULL)
    return TRUE;
  if (nullable && JSON_NODE_HOLDS_NULL (node))
    {
      *value = -1;
      return TRUE;
    }
  if (apmm_sf_node_is_type (node, G_TYPE_INT64) && (v = json_node_get_int (node)) >= min && v <= max)
    {
      *value = (int) v;
      return TRUE;
    }

  if (nullable)
    reason = g_strdup_printf (_("expected a whole number from %d to %d, or null"), min, max);
  else
    reason = g_strdup_printf (_("expected a whole number from %d to %d"), min, max);

  return apmm_sf_invalid_member (error, path, key, reason);
}

static gboolean
read_boolean (JsonObject *object,
              const char *key,
              const char *path,
              gboolean   *value,
              GError    **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    return TRUE;
  if (!apmm_sf_node_is_type (node, G_TYPE_BOOLEAN))
    return apmm_sf_invalid_member (error, path, key, _("expected true or false"));

  *value = json_node_get_boolean (node);

  return TRUE;
}

static gboolean
read_object (JsonObject  *object,
             const char  *key,
             const char  *path,
             JsonObject **value,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  *value = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return apmm_sf_invalid_member (error, path, key, _("expected an object"));

  *value = json_node_get_object (node);

  return TRUE;
}

static gboolean
read_array (JsonObject  *object,
            const char  *key,
            const char  *path,
            gboolean     nullable,
            JsonArray  **value,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  *value = NULL;
  if (node == NULL || (nullable && JSON_NODE_HOLDS_NULL (node)))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return apmm_sf_invalid_member (error, path, key,
                           nullable ? _("expected an array or null") : _("expected an array"));

  *value = json_node_get_array (node);

  return TRUE;
}

/* An element that must be an object: rows of participants and the roadmap,
 * entries of ratings, prompts and gaps. */
static JsonObject *
element_object (JsonNode    *node,
                const char  *path,
                GError     **error)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      apmm_sf_invalid (error, path, _("expected an object"));
      return NULL;
    }

  return json_node_get_object (node);
}

static gboolean
read_date (JsonObject   *object,
           const char   *key,
           const char   *path,
           gboolean      nullable,
           const char  **value,
           GError      **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || (nullable && JSON_NODE_HOLDS_NULL (node)))
    return TRUE;

  if (!apmm_sf_node_is_type (node, G_TYPE_STRING) || !apmm_date_is_valid (json_node_get_string (node)))
    return apmm_sf_invalid_member (error, path, key,
                           nullable ? _("expected a date written YYYY-MM-DD, or null")
                                    : _("expected a date written YYYY-MM-DD"));

  *value = json_node_get_string (node);

  return TRUE;
}

static gboolean
read_date_time (JsonObject   *object,
                const char   *key,
                const char   *path,
                const char  **value,
                GError      **error)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) when = NULL;

  if (!read_string (object, key, path, value, error))
    return FALSE;
  if (*value == NULL || (*value)[0] == '\0')
    return TRUE;

  when = g_date_time_new_from_iso8601 (*value, utc);
  if (when == NULL)
    return apmm_sf_invalid_member (error, path, key,
                           _("expected an ISO 8601 date and time such as 2026-03-12T14:30:00+01:00"));

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Validation and loading, section by section                               */
/* ------------------------------------------------------------------------ */

typedef struct {
  ApmmSession  *session;
  ApmmModel    *model;
  GError      **error;
} Loader;

static gboolean
load_header (Loader     *loader,
             JsonObject *root)
{
  JsonNode *format = json_object_get_member (root, "format");
  JsonNode *version = json_object_get_member (root, "version");
  JsonNode *model = json_object_get_member (root, "model");
  gint64 v;

  if (format == NULL)
    return apmm_sf_invalid (loader->error, "format", _("missing; this is not an APMM session file"));
  if (!apmm_sf_node_is_type (format, G_TYPE_STRING) || g_strcmp0 (json_node_get_string (format), APMM_SESSION_FORMAT) != 0)
    return apmm_sf_invalid (loader->error, "format", _("expected “apmm-session”"));

  if (version == NULL)
    return apmm_sf_invalid (loader->error, "version", _("missing"));
  if (!apmm_sf_node_is_type (version, G_TYPE_INT64) || (v = json_node_get_int (version)) < 1)
    return apmm_sf_invalid (loader->error, "version", _("expected a whole number from 1"));
  if (v > APMM_SESSION_FORMAT_VERSION)
    {
      /* The number is formatted apart: xgettext cannot read a format macro
       * inside a translatable string. */
      g_autofree char *found = g_strdup_printf ("%" G_GINT64_FORMAT, v);

      g_set_error (loader->error, APMM_SESSION_ERROR, APMM_SESSION_ERROR_NEWER_VERSION,
                   _("This session was written by a newer version of APMM Workshop (format %s); "
                     "this version reads format %d"), found, APMM_SESSION_FORMAT_VERSION);
      return FALSE;
    }

  if (model == NULL)
    return apmm_sf_invalid (loader->error, "model", _("missing"));
  if (!apmm_sf_node_is_type (model, G_TYPE_STRING))
    return apmm_sf_invalid (loader->error, "model", _("expected a string such as “apmm-1”"));
  if (g_strcmp0 (json_node_get_string (model), APMM_MODEL_REF) != 0)
    {
      g_autofree char *label = apmm_sf_label (json_node_get_string (model));

      g_set_error (loader->error, APMM_SESSION_ERROR, APMM_SESSION_ERROR_UNKNOWN_MODEL,
                   _("This session uses the model “%s”, which this version of APMM Workshop does not know "
                     "(it knows “%s”)"), label, APMM_MODEL_REF);
      return FALSE;
    }

  return TRUE;
}

/* The facilitator's pick: an entry point the model knows, or null. Whether it
 * is still offered is for the assessment to say, not the reader. */
static gboolean
load_entry_point (Loader     *loader,
                  JsonObject *root)
{
  JsonNode *node = json_object_get_member (root, "entry_point");
  const char *id;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!apmm_sf_node_is_type (node, G_TYPE_STRING) ||
      apmm_model_lookup_entry_point (apmm_model_get_default (),
                                     (id = json_node_get_string (node))) == NULL)
    return apmm_sf_invalid (loader->error, "entry_point",
                            _("expected an entry point such as “pilot-rescue”, or null"));

  apmm_session_set_entry_point (loader->session, id);
  return TRUE;
}

static gboolean
load_metadata (Loader     *loader,
               JsonObject *root)
{
  const char *title = NULL, *organisation = NULL, *facilitator = NULL, *date = NULL, *notes = NULL;
  int perceived = -1, target = -1;
  GError **error = loader->error;

  if (!read_string (root, "title", "", &title, error) ||
      !read_string (root, "organisation", "", &organisation, error) ||
      !read_string (root, "facilitator", "", &facilitator, error) ||
      !read_string (root, "notes", "", &notes, error) ||
      !read_string (root, "date", "", &date, error))
    return FALSE;
  if (date != NULL && date[0] != '\0' && !read_date (root, "date", "", FALSE, &date, error))
    return FALSE;
  if (!read_integer (root, "perceived_level", "", 0, APMM_MAX_LEVEL, TRUE, &perceived, error) ||
      !read_integer (root, "target_level", "", 1, APMM_MAX_LEVEL, TRUE, &target, error))
    return FALSE;

  apmm_session_set_title (loader->session, title != NULL ? title : "");
  apmm_session_set_organisation (loader->session, organisation != NULL ? organisation : "");
  apmm_session_set_facilitator (loader->session, facilitator != NULL ? facilitator : "");
  apmm_session_set_date (loader->session, date != NULL ? date : "");
  apmm_session_set_notes (loader->session, notes != NULL ? notes : "");
  apmm_session_set_perceived_level (loader->session, perceived);
  apmm_session_set_target_level (loader->session, target);

  return load_entry_point (loader, root);
}

static gboolean
load_participant (Loader     *loader,
                  JsonNode   *node,
                  const char *path)
{
  JsonObject *object = element_object (node, path, loader->error);
  const char *name = NULL;
  int vote = -1;

  if (object == NULL)
    return FALSE;
  if (!read_string (object, "name", path, &name, loader->error) ||
      !read_integer (object, "perceived_level", path, 0, APMM_MAX_LEVEL, TRUE, &vote, loader->error))
    return FALSE;
  if (name == NULL)
    return apmm_sf_invalid_member (loader->error, path, "name", _("missing"));

  apmm_session_add_participant (loader->session, name, vote);

  return TRUE;
}

static gboolean
load_participants (Loader     *loader,
                   JsonObject *root)
{
  JsonArray *array = NULL;
  guint n;

  if (!read_array (root, "participants", "", FALSE, &array, loader->error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  n = json_array_get_length (array);
  if (n > APMM_SESSION_MAX_PARTICIPANTS)
    {
      g_autofree char *reason = g_strdup_printf (_("more than %d participants"), APMM_SESSION_MAX_PARTICIPANTS);
      return apmm_sf_invalid (loader->error, "participants", reason);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = apmm_sf_path_index ("participants", i);

      if (!load_participant (loader, json_array_get_element (array, i), path))
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_tallies (Loader     *loader,
              JsonObject *votes)
{
  JsonArray *array = NULL;
  g_autofree char *reason =
    g_strdup_printf (_("expected %d whole numbers from 0 to %d, one per level"), APMM_N_LEVELS, APMM_SESSION_MAX_TALLY);

  if (!read_array (votes, "anonymous", "votes", FALSE, &array, loader->error))
    return FALSE;
  if (array == NULL)
    return TRUE;
  if (json_array_get_length (array) != APMM_N_LEVELS)
    return apmm_sf_invalid (loader->error, "votes" SEP "anonymous", reason);

  for (guint level = 0; level < APMM_N_LEVELS; level++)
    {
      JsonNode *node = json_array_get_element (array, level);
      gint64 count;

      if (!apmm_sf_node_is_type (node, G_TYPE_INT64) || (count = json_node_get_int (node)) < 0 || count > APMM_SESSION_MAX_TALLY)
        return apmm_sf_invalid (loader->error, "votes" SEP "anonymous", reason);
      apmm_session_set_tally (loader->session, level, (guint) count);
    }

  return TRUE;
}

static gboolean
load_votes (Loader     *loader,
            JsonObject *root)
{
  JsonObject *votes = NULL;
  gboolean hidden = FALSE;

  if (!read_object (root, "votes", "", &votes, loader->error))
    return FALSE;
  if (votes == NULL)
    return TRUE;
  if (!load_tallies (loader, votes) ||
      !read_boolean (votes, "hidden", "votes", &hidden, loader->error))
    return FALSE;

  apmm_session_set_votes_hidden (loader->session, hidden);

  return TRUE;
}

static gboolean
load_status (Loader     *loader,
             JsonObject *object,
             const char *path,
             const char *id)
{
  JsonNode *node = json_object_get_member (object, "status");
  ApmmStatus status;

  if (node == NULL)
    return apmm_sf_invalid_member (loader->error, path, "status", _("missing"));
  if (!apmm_sf_node_is_type (node, G_TYPE_STRING) || !apmm_status_from_string (json_node_get_string (node), &status))
    return apmm_sf_invalid_member (loader->error, path, "status", _("expected one of met, partly, not-met, unknown"));

  apmm_session_set_status (loader->session, id, status);

  return TRUE;
}

static gboolean
load_rating (Loader     *loader,
             const char *id,
             JsonNode   *node,
             const char *path)
{
  JsonObject *object = element_object (node, path, loader->error);
  const char *note = NULL, *by = NULL, *at = NULL;

  if (object == NULL)
    return FALSE;
  if (!load_status (loader, object, path, id) ||
      !read_string (object, "note", path, &note, loader->error) ||
      !read_string (object, "confirmed_by", path, &by, loader->error) ||
      !read_date_time (object, "confirmed_at", path, &at, loader->error))
    return FALSE;

  apmm_session_set_evidence_note (loader->session, id, note != NULL ? note : "");
  apmm_session_set_confirmed_by (loader->session, id, by != NULL ? by : "");
  apmm_session_set_confirmed_at (loader->session, id, at != NULL ? at : "");

  return TRUE;
}

static gboolean
load_prompt (Loader     *loader,
             const char *id,
             JsonNode   *node,
             const char *path)
{
  JsonObject *object = element_object (node, path, loader->error);
  const char *notes = NULL;

  if (object == NULL)
    return FALSE;
  if (!read_string (object, "notes", path, &notes, loader->error))
    return FALSE;

  apmm_session_set_prompt_notes (loader->session, id, notes != NULL ? notes : "");

  return TRUE;
}

static gboolean
load_gap (Loader     *loader,
          const char *id,
          JsonNode   *node,
          const char *path)
{
  JsonObject *object = element_object (node, path, loader->error);
  const char *owner = NULL, *note = NULL;
  int impact = APMM_IMPACT_DEFAULT, effort = APMM_EFFORT_DEFAULT;

  if (object == NULL)
    return FALSE;
  if (!read_integer (object, "impact", path, 1, 3, FALSE, &impact, loader->error) ||
      !read_integer (object, "effort", path, 1, 3, FALSE, &effort, loader->error) ||
      !read_string (object, "owner", path, &owner, loader->error) ||
      !read_string (object, "note", path, &note, loader->error))
    return FALSE;

  apmm_session_set_gap_impact (loader->session, id, (guint) impact);
  apmm_session_set_gap_effort (loader->session, id, (guint) effort);
  apmm_session_set_gap_owner (loader->session, id, owner != NULL ? owner : "");
  apmm_session_set_gap_note (loader->session, id, note != NULL ? note : "");

  return TRUE;
}

typedef gboolean (*LoadEntryFunc) (Loader     *loader,
                                   const char *id,
                                   JsonNode   *node,
                                   const char *path);

/* ratings, prompts and gaps: objects keyed by the model's ids. */
static gboolean
load_keyed (Loader        *loader,
            JsonObject    *root,
            const char    *key,
            gboolean       by_criterion,
            LoadEntryFunc  load_entry)
{
  JsonObject *object = NULL;
  JsonObjectIter iter;
  const char *id;
  JsonNode *node;

  if (!read_object (root, key, "", &object, loader->error))
    return FALSE;
  if (object == NULL)
    return TRUE;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &id, &node))
    {
      g_autofree char *path = apmm_sf_path_child (key, id);

      if (by_criterion && apmm_model_lookup_criterion (loader->model, id) == NULL)
        return apmm_sf_invalid (loader->error, path, _("unknown criterion (expected an id such as l3.rollback)"));
      if (!by_criterion && apmm_model_lookup_prompt (loader->model, id) == NULL)
        return apmm_sf_invalid (loader->error, path, _("unknown prompt (expected adoption, production or failure)"));
      if (!load_entry (loader, id, node, path))
        return FALSE;
    }

  return TRUE;
}

/* An array of distinct criterion ids: gap_order, and an action's criteria. */
static GStrv
read_criterion_list (Loader     *loader,
                     JsonArray  *array,
                     const char *path)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *place = apmm_sf_path_index (path, i);
      const char *id;

      if (!apmm_sf_node_is_type (node, G_TYPE_STRING) ||
          apmm_model_lookup_criterion (loader->model, (id = json_node_get_string (node))) == NULL)
        {
          apmm_sf_invalid (loader->error, place, _("expected a criterion id such as l3.rollback"));
          return NULL;
        }
      if (!g_hash_table_add (seen, (char *) id))
        {
          apmm_sf_invalid (loader->error, place, _("this criterion is already listed"));
          return NULL;
        }
      g_strv_builder_add (builder, id);
    }

  return g_strv_builder_end (builder);
}

static gboolean
load_gap_order (Loader     *loader,
                JsonObject *root)
{
  JsonArray *array = NULL;
  g_auto(GStrv) order = NULL;

  if (!read_array (root, "gap_order", "", TRUE, &array, loader->error))
    return FALSE;
  if (array == NULL)
    return TRUE;
  if ((order = read_criterion_list (loader, array, "gap_order")) == NULL)
    return FALSE;

  apmm_session_set_gap_order (loader->session, (const char * const *) order);

  return TRUE;
}

static gboolean
read_action_enums (Loader     *loader,
                   JsonObject *object,
                   const char *path,
                   ApmmAction *action)
{
  const char *horizon = NULL, *status = NULL;

  if (!read_string (object, "horizon", path, &horizon, loader->error) ||
      !read_string (object, "status", path, &status, loader->error))
    return FALSE;
  if (horizon != NULL && !apmm_horizon_from_string (horizon, &action->horizon))
    return apmm_sf_invalid_member (loader->error, path, "horizon", _("expected one of 30-days, quarter, later"));
  if (status != NULL && !apmm_action_status_from_string (status, &action->status))
    return apmm_sf_invalid_member (loader->error, path, "status",
                           _("expected one of planned, in-progress, done, dropped"));

  return TRUE;
}

static gboolean
read_action_id (Loader      *loader,
                JsonObject  *object,
                const char  *path,
                GHashTable  *ids,
                const char **id)
{
  *id = NULL;
  if (!read_string (object, "id", path, id, loader->error))
    return FALSE;
  if (*id == NULL || (*id)[0] == '\0')
    return apmm_sf_invalid_member (loader->error, path, "id", _("missing; every action needs an id"));
  if (!g_hash_table_add (ids, (char *) *id))
    return apmm_sf_invalid_member (loader->error, path, "id", _("another action already uses this id"));

  return TRUE;
}

static gboolean
load_action (Loader     *loader,
             JsonNode   *node,
             const char *path,
             GHashTable *ids)
{
  JsonObject *object = element_object (node, path, loader->error);
  const char *id = NULL, *title = NULL, *description = NULL, *owner = NULL, *due = NULL, *measure = NULL;
  JsonArray *criteria = NULL;
  g_auto(GStrv) criteria_ids = NULL;
  g_autofree char *criteria_path = apmm_sf_path_child (path, "criteria");
  ApmmAction action = { 0 };

  if (object == NULL || !read_action_id (loader, object, path, ids, &id))
    return FALSE;
  if (!read_string (object, "title", path, &title, loader->error) ||
      !read_string (object, "description", path, &description, loader->error) ||
      !read_string (object, "owner", path, &owner, loader->error) ||
      !read_string (object, "measure", path, &measure, loader->error) ||
      !read_date (object, "due", path, TRUE, &due, loader->error) ||
      !read_array (object, "criteria", path, FALSE, &criteria, loader->error) ||
      !read_action_enums (loader, object, path, &action))
    return FALSE;
  if (criteria != NULL && (criteria_ids = read_criterion_list (loader, criteria, criteria_path)) == NULL)
    return FALSE;

  /* The session copies the action, so borrowed strings are enough here. */
  action.id = (char *) id;
  action.title = (char *) (title != NULL ? title : "");
  action.description = (char *) (description != NULL ? description : "");
  action.owner = (char *) (owner != NULL ? owner : "");
  action.measure = (char *) (measure != NULL ? measure : "");
  action.due = (char *) due;
  action.criteria = criteria_ids;
  apmm_session_insert_action (loader->session, (int) apmm_session_get_n_actions (loader->session), &action);

  return TRUE;
}

static gboolean
load_roadmap (Loader     *loader,
              JsonObject *root)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array = NULL;
  guint n;

  if (!read_array (root, "roadmap", "", FALSE, &array, loader->error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  n = json_array_get_length (array);
  if (n > APMM_SESSION_MAX_ACTIONS)
    {
      g_autofree char *reason = g_strdup_printf (_("more than %d actions"), APMM_SESSION_MAX_ACTIONS);
      return apmm_sf_invalid (loader->error, "roadmap", reason);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = apmm_sf_path_index ("roadmap", i);

      if (!load_action (loader, json_array_get_element (array, i), path, ids))
        return FALSE;
    }

  return TRUE;
}

static const char *
node_kind (JsonNode *node)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("an array");
  if (JSON_NODE_HOLDS_NULL (node))
    return _("null");
  if (apmm_sf_node_is_type (node, G_TYPE_STRING))
    return _("a string");
  if (apmm_sf_node_is_type (node, G_TYPE_BOOLEAN))
    return _("a boolean");
  return _("a number");
}

/* "baseline" and "disputes" are read by their own units (apmm-baseline.c,
 * apmm-disputes.c), which report a refusal the way this loader does. */
static gboolean
load_comparison (Loader     *loader,
                 JsonObject *root)
{
  JsonNode *node;

  if ((node = json_object_get_member (root, "baseline")) != NULL)
    {
      g_autoptr(ApmmBaseline) baseline = apmm_baseline_from_json (node, loader->error);

      if (baseline == NULL)
        return FALSE;
      apmm_session_set_baseline (loader->session, baseline);
    }

  if ((node = json_object_get_member (root, "disputes")) != NULL)
    {
      g_autoptr(ApmmDisputes) disputes = apmm_disputes_from_json (node, loader->error);

      if (disputes == NULL)
        return FALSE;
      apmm_session_set_disputes (loader->session, disputes);
    }

  return TRUE;
}

/* The presentation's keys are read by apmm-presentation.c. */
static gboolean
load_presentation (Loader     *loader,
                   JsonObject *root)
{
  g_autoptr(ApmmPresentation) presentation = apmm_presentation_from_json (root, loader->error);

  if (presentation == NULL)
    return FALSE;
  apmm_session_set_presentation (loader->session, presentation, NULL);
  return TRUE;
}

static gboolean
load_root (Loader   *loader,
           JsonNode *root_node)
{
  JsonObject *root;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      g_set_error (loader->error, APMM_SESSION_ERROR, APMM_SESSION_ERROR_INVALID,
                   _("The file holds %s, not a session object"), node_kind (root_node));
      return FALSE;
    }

  root = json_node_get_object (root_node);

  return load_header (loader, root) &&
         load_metadata (loader, root) &&
         load_participants (loader, root) &&
         load_votes (loader, root) &&
         load_keyed (loader, root, "ratings", TRUE, load_rating) &&
         load_keyed (loader, root, "prompts", FALSE, load_prompt) &&
         load_keyed (loader, root, "gaps", TRUE, load_gap) &&
         load_gap_order (loader, root) &&
         load_roadmap (loader, root) &&
         load_comparison (loader, root) &&
         load_presentation (loader, root);
}

gboolean
apmm_sf_load_root (ApmmSession  *session,
                   JsonNode     *root,
                   GError      **error)
{
  Loader loader = { session, apmm_model_get_default (), error };

  return load_root (&loader, root);
}
