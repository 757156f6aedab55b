/* apmm-baseline.c — what a session remembers of the earlier session it is compared with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-baseline"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "apmm-baseline.h"
#include "apmm-json-check.h"
#include "apmm-session.h"

/* The model has sixteen criteria; the array is sized for any model. */
struct _ApmmBaseline
{
  gatomicrefcount  ref_count;
  char            *file;
  char            *organisation;
  char            *date;
  guint            evidence_level;
  int              perceived_level;
  guint            target_level;
  GArray          *statuses;  /* ApmmStatus, one per criterion of the model */
  char           **gaps;
  GPtrArray       *actions;   /* ApmmAction * */
  JsonObject      *origin;    /* the object it was read from, for unknown members */
};

G_DEFINE_BOXED_TYPE (ApmmBaseline, apmm_baseline, apmm_baseline_ref, apmm_baseline_unref)

#define BASELINE "baseline"

static const char * const baseline_keys[] = {
  "file", "model", "organisation", "date", "evidence_level", "perceived_level",
  "target_level", "ratings", "gaps", "actions", NULL
};

/* The baseline keeps what a comparison needs of an action, the same whether
 * it came from a session or from the file. */
static gpointer
copy_action (gconstpointer src,
             gpointer      data)
{
  const ApmmAction *action = src;
  ApmmAction *copy = apmm_action_new (action->id, action->title);

  copy->criteria = g_strdupv (action->criteria);
  if (copy->criteria == NULL)
    copy->criteria = g_new0 (char *, 1);
  copy->status = action->status;

  return copy;
}

static ApmmBaseline *
baseline_alloc (void)
{
  ApmmBaseline *self = g_new0 (ApmmBaseline, 1);
  guint n = apmm_model_get_n_criteria (apmm_model_get_default ());

  g_atomic_ref_count_init (&self->ref_count);
  self->statuses = g_array_sized_new (FALSE, TRUE, sizeof (ApmmStatus), n);
  g_array_set_size (self->statuses, n);
  self->perceived_level = -1;
  self->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) apmm_action_free);

  return self;
}

static int
criterion_index (const char *criterion_id)
{
  const ApmmCriterion *criterion =
    apmm_model_lookup_criterion (apmm_model_get_default (), criterion_id);

  return criterion != NULL ? (int) criterion->index : -1;
}

/* ------------------------------------------------------------------------ */
/* Reading                                                                   */
/* ------------------------------------------------------------------------ */

static gboolean
read_model (JsonObject  *object,
            GError     **error)
{
  const char *model = APMM_MODEL_REF;

  if (!apmm_json_get_string (object, "model", BASELINE, &model, error))
    return FALSE;
  if (strcmp (model, APMM_MODEL_REF) != 0)
    return apmm_json_fail (error, BASELINE APMM_JSON_SEP "model",
                           _("the earlier session assessed another model; this version compares APMM 1 only"));

  return TRUE;
}

static gboolean
read_strings (ApmmBaseline  *self,
              JsonObject    *object,
              GError       **error)
{
  const char *file = "", *organisation = "", *date = "";

  if (!apmm_json_get_string (object, "file", BASELINE, &file, error) ||
      !apmm_json_get_string (object, "organisation", BASELINE, &organisation, error) ||
      !apmm_json_get_string (object, "date", BASELINE, &date, error))
    return FALSE;
  if (date[0] != '\0' && !apmm_date_is_valid (date))
    return apmm_json_fail (error, BASELINE APMM_JSON_SEP "date",
                           _("expected a date written YYYY-MM-DD"));

  self->file = g_strdup (file);
  self->organisation = g_strdup (organisation);
  self->date = g_strdup (date);

  return TRUE;
}

static gboolean
read_levels (ApmmBaseline  *self,
             JsonObject    *object,
             GError       **error)
{
  int evidence = 0, target = 1;

  if (!apmm_json_get_integer (object, "evidence_level", BASELINE, 0, APMM_MAX_LEVEL, FALSE,
                              &evidence, error) ||
      !apmm_json_get_integer (object, "perceived_level", BASELINE, 0, APMM_MAX_LEVEL, TRUE,
                              &self->perceived_level, error) ||
      !apmm_json_get_integer (object, "target_level", BASELINE, 1, APMM_MAX_LEVEL, FALSE,
                              &target, error))
    return FALSE;

  self->evidence_level = evidence;
  self->target_level = target;

  return TRUE;
}

static gboolean
read_ratings (ApmmBaseline  *self,
              JsonObject    *object,
              GError       **error)
{
  JsonNode *node = json_object_get_member (object, "ratings");
  const char *path = BASELINE APMM_JSON_SEP "ratings";
  g_autoptr(GList) members = NULL;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return apmm_json_fail (error, path, _("expected an object"));

  members = json_object_get_members (json_node_get_object (node));
  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *place = g_strconcat (path, APMM_JSON_SEP, l->data, NULL);
      int index = criterion_index (l->data);
      int status;

      if (index < 0)
        return apmm_json_fail (error, place, _("unknown criterion (expected an id such as l3.rollback)"));
      if (!apmm_json_get_status (json_object_get_member (json_node_get_object (node), l->data),
                                 place, &status, error))
        return FALSE;
      g_array_index (self->statuses, ApmmStatus, index) = status;
    }

  return TRUE;
}

/* A list of distinct criterion ids. */
static char **
read_criteria (JsonNode    *node,
               const char  *path,
               GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  if (node == NULL)
    return g_strv_builder_end (builder);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      apmm_json_fail (error, path, _("expected an array"));
      return NULL;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *place = g_strdup_printf ("%s%s%u", path, APMM_JSON_SEP, i + 1);
      const char *id;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING ||
          criterion_index (id = json_node_get_string (element)) < 0)
        {
          apmm_json_fail (error, place, _("unknown criterion (expected an id such as l3.rollback)"));
          return NULL;
        }
      if (!g_hash_table_add (seen, (gpointer) id))
        {
          apmm_json_fail (error, place, _("this criterion is listed twice"));
          return NULL;
        }
      g_strv_builder_add (builder, id);
    }

  return g_strv_builder_end (builder);
}

static ApmmAction *
read_action (JsonNode    *node,
             const char  *path,
             GError     **error)
{
  g_autoptr(ApmmAction) action = NULL;
  g_autofree char *criteria_path = g_strconcat (path, APMM_JSON_SEP, "criteria", NULL);
  const char *id = NULL, *title = "", *status = "planned";
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return apmm_json_fail (error, path, _("expected an object")), NULL;
  object = json_node_get_object (node);

  if (!apmm_json_get_string (object, "id", path, &id, error) ||
      !apmm_json_get_string (object, "title", path, &title, error) ||
      !apmm_json_get_string (object, "status", path, &status, error))
    return NULL;
  if (id == NULL || id[0] == '\0')
    return apmm_json_fail (error, path, _("an action needs a non-empty id")), NULL;

  action = apmm_action_new (id, title);
  if (!apmm_action_status_from_string (status, &action->status))
    {
      g_autofree char *place = g_strconcat (path, APMM_JSON_SEP, "status", NULL);

      return apmm_json_fail (error, place, _("expected one of planned, in-progress, done, dropped")), NULL;
    }
  action->criteria = read_criteria (json_object_get_member (object, "criteria"), criteria_path, error);
  if (action->criteria == NULL)
    return NULL;

  return g_steal_pointer (&action);
}

static gboolean
read_actions (ApmmBaseline  *self,
              JsonObject    *object,
              GError       **error)
{
  JsonNode *node = json_object_get_member (object, "actions");
  const char *path = BASELINE APMM_JSON_SEP "actions";
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return apmm_json_fail (error, path, _("expected an array"));

  array = json_node_get_array (node);
  if (json_array_get_length (array) > 500)
    return apmm_json_fail (error, path, _("more than 500 actions"));

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *place = g_strdup_printf ("%s%s%u", path, APMM_JSON_SEP, i + 1);
      ApmmAction *action = read_action (json_array_get_element (array, i), place, error);

      if (action == NULL)
        return FALSE;
      g_ptr_array_add (self->actions, action);
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                   */
/* ------------------------------------------------------------------------ */

static JsonArray *
strings_to_array (const char * const *strings)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strings != NULL && strings[i] != NULL; i++)
    json_array_add_string_element (array, strings[i]);

  return array;
}

static JsonObject *
ratings_to_object (ApmmBaseline *self)
{
  ApmmModel *model = apmm_model_get_default ();
  JsonObject *ratings = json_object_new ();

  for (guint i = 0; i < self->statuses->len; i++)
    {
      ApmmStatus status = g_array_index (self->statuses, ApmmStatus, i);

      if (status != APMM_STATUS_UNKNOWN)
        json_object_set_string_member (ratings, apmm_model_get_criterion (model, i)->id,
                                       apmm_status_to_string (status));
    }

  return ratings;
}

static JsonArray *
actions_to_array (ApmmBaseline *self)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < self->actions->len; i++)
    {
      const ApmmAction *action = g_ptr_array_index (self->actions, i);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "id", action->id);
      json_object_set_string_member (object, "title", action->title != NULL ? action->title : "");
      json_object_set_array_member (object, "criteria",
                                    strings_to_array ((const char * const *) action->criteria));
      json_object_set_string_member (object, "status", apmm_action_status_to_string (action->status));
      json_array_add_object_element (array, object);
    }

  return array;
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                */
/* ------------------------------------------------------------------------ */

ApmmBaseline *
apmm_baseline_new (const char         *file,
                   const char         *organisation,
                   const char         *date,
                   guint               evidence_level,
                   int                 perceived_level,
                   guint               target_level,
                   const ApmmStatus   *statuses,
                   const char * const *gaps,
                   GPtrArray          *actions)
{
  ApmmBaseline *self;

  g_return_val_if_fail (evidence_level <= APMM_MAX_LEVEL, NULL);
  g_return_val_if_fail (perceived_level >= -1 && perceived_level <= APMM_MAX_LEVEL, NULL);
  g_return_val_if_fail (target_level >= 1 && target_level <= APMM_MAX_LEVEL, NULL);
  g_return_val_if_fail (statuses != NULL, NULL);

  self = baseline_alloc ();
  self->file = g_strdup (file != NULL ? file : "");
  self->organisation = g_strdup (organisation != NULL ? organisation : "");
  self->date = g_strdup (date != NULL ? date : "");
  self->evidence_level = evidence_level;
  self->perceived_level = perceived_level;
  self->target_level = target_level;
  memcpy (self->statuses->data, statuses, self->statuses->len * sizeof (ApmmStatus));
  self->gaps = g_strdupv ((char **) gaps);
  if (self->gaps == NULL)
    self->gaps = g_new0 (char *, 1);
  if (actions != NULL)
    g_ptr_array_extend (self->actions, actions, copy_action, NULL);

  return self;
}

ApmmBaseline *
apmm_baseline_ref (ApmmBaseline *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
apmm_baseline_unref (ApmmBaseline *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->file);
  g_free (self->organisation);
  g_free (self->date);
  g_array_unref (self->statuses);
  g_strfreev (self->gaps);
  g_ptr_array_unref (self->actions);
  g_clear_pointer (&self->origin, json_object_unref);
  g_free (self);
}

gboolean
apmm_baseline_equal (ApmmBaseline *a,
                     ApmmBaseline *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  if (strcmp (a->file, b->file) != 0 || strcmp (a->organisation, b->organisation) != 0 ||
      strcmp (a->date, b->date) != 0 || a->evidence_level != b->evidence_level ||
      a->perceived_level != b->perceived_level || a->target_level != b->target_level ||
      memcmp (a->statuses->data, b->statuses->data, a->statuses->len * sizeof (ApmmStatus)) != 0 ||
      !g_strv_equal ((const char * const *) a->gaps, (const char * const *) b->gaps) ||
      a->actions->len != b->actions->len)
    return FALSE;

  for (guint i = 0; i < a->actions->len; i++)
    if (!apmm_action_equal (g_ptr_array_index (a->actions, i), g_ptr_array_index (b->actions, i)))
      return FALSE;

  return TRUE;
}

const char *
apmm_baseline_get_file (ApmmBaseline *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->file;
}

const char *
apmm_baseline_get_organisation (ApmmBaseline *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->organisation;
}

const char *
apmm_baseline_get_date (ApmmBaseline *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->date;
}

guint
apmm_baseline_get_evidence_level (ApmmBaseline *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->evidence_level;
}

int
apmm_baseline_get_perceived_level (ApmmBaseline *self)
{
  g_return_val_if_fail (self != NULL, -1);

  return self->perceived_level;
}

guint
apmm_baseline_get_target_level (ApmmBaseline *self)
{
  g_return_val_if_fail (self != NULL, 1);

  return self->target_level;
}

ApmmStatus
apmm_baseline_get_status (ApmmBaseline *self,
                          const char   *criterion_id)
{
  int index;

  g_return_val_if_fail (self != NULL, APMM_STATUS_UNKNOWN);

  index = criterion_index (criterion_id);
  if (index < 0 || (guint) index >= self->statuses->len)
    return APMM_STATUS_UNKNOWN;

  return g_array_index (self->statuses, ApmmStatus, index);
}

const char * const *
apmm_baseline_get_gaps (ApmmBaseline *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->gaps;
}

gboolean
apmm_baseline_has_gap (ApmmBaseline *self,
                       const char   *criterion_id)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (criterion_id != NULL, FALSE);

  return g_strv_contains ((const char * const *) self->gaps, criterion_id);
}

guint
apmm_baseline_get_n_actions (ApmmBaseline *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->actions->len;
}

const ApmmAction *
apmm_baseline_get_action (ApmmBaseline *self,
                          guint         index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->actions->len, NULL);

  return g_ptr_array_index (self->actions, index);
}

JsonNode *
apmm_baseline_to_json (ApmmBaseline *self)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  g_return_val_if_fail (self != NULL, NULL);

  json_object_set_string_member (object, "file", self->file);
  json_object_set_string_member (object, "model", APMM_MODEL_REF);
  json_object_set_string_member (object, "organisation", self->organisation);
  json_object_set_string_member (object, "date", self->date);
  json_object_set_int_member (object, "evidence_level", self->evidence_level);
  if (self->perceived_level >= 0)
    json_object_set_int_member (object, "perceived_level", self->perceived_level);
  else
    json_object_set_null_member (object, "perceived_level");
  json_object_set_int_member (object, "target_level", self->target_level);
  json_object_set_object_member (object, "ratings", ratings_to_object (self));
  json_object_set_array_member (object, "gaps", strings_to_array ((const char * const *) self->gaps));
  json_object_set_array_member (object, "actions", actions_to_array (self));
  apmm_json_add_unknowns (object, self->origin, baseline_keys);

  json_node_take_object (node, object);

  return node;
}

ApmmBaseline *
apmm_baseline_from_json (JsonNode  *node,
                         GError   **error)
{
  g_autoptr(ApmmBaseline) self = NULL;
  JsonObject *object;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return apmm_json_fail (error, BASELINE, _("expected an object")), NULL;
  object = json_node_get_object (node);

  self = baseline_alloc ();
  if (!read_model (object, error) ||
      !read_strings (self, object, error) ||
      !read_levels (self, object, error) ||
      !read_ratings (self, object, error) ||
      !read_actions (self, object, error))
    return NULL;

  self->gaps = read_criteria (json_object_get_member (object, "gaps"),
                              BASELINE APMM_JSON_SEP "gaps", error);
  if (self->gaps == NULL)
    return NULL;

  /* Actions from the baseline keep their unknown members only at the top
   * level of the key; the baseline is a summary, not a second roadmap. */
  self->origin = json_object_ref (object);

  return g_steal_pointer (&self);
}
