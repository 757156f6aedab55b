/* apmm-disputes.c — the criteria breakout groups rated differently, until the room settles them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-disputes"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "apmm-disputes.h"
#include "apmm-json-check.h"

#define DISPUTES "disputes"
#define MAX_GROUPS 20

struct _ApmmDisputes
{
  gatomicrefcount  ref_count;
  GHashTable      *criteria;  /* criterion id → GPtrArray of Entry * */
};

/* A group rating plus the members this version does not know. */
typedef struct {
  ApmmGroupRating  rating;
  JsonObject      *unknown;
} Entry;

G_DEFINE_BOXED_TYPE (ApmmDisputes, apmm_disputes, apmm_disputes_ref, apmm_disputes_unref)

static const char * const entry_keys[] = { "group", "status", "note", NULL };

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->rating.group);
  g_free (entry->rating.note);
  g_clear_pointer (&entry->unknown, json_object_unref);
  g_free (entry);
}

static Entry *
entry_new (const char *group,
           ApmmStatus  status,
           const char *note)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->rating.group = g_strdup (group != NULL ? group : "");
  entry->rating.status = status;
  entry->rating.note = g_strdup (note != NULL ? note : "");

  return entry;
}

static gpointer
entry_copy (gconstpointer src,
            gpointer      data)
{
  const Entry *entry = src;
  Entry *copy = entry_new (entry->rating.group, entry->rating.status, entry->rating.note);

  if (entry->unknown != NULL)
    copy->unknown = json_object_ref (entry->unknown);

  return copy;
}

static GPtrArray *
lookup (ApmmDisputes *self,
        const char   *criterion_id)
{
  return criterion_id != NULL ? g_hash_table_lookup (self->criteria, criterion_id) : NULL;
}

static GPtrArray *
ensure (ApmmDisputes *self,
        const char   *criterion_id)
{
  GPtrArray *groups = lookup (self, criterion_id);

  if (groups == NULL)
    {
      groups = g_ptr_array_new_with_free_func (entry_free);
      g_hash_table_insert (self->criteria, g_strdup (criterion_id), groups);
    }

  return groups;
}

static gboolean
groups_equal (GPtrArray *a,
              GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      const Entry *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);

      if (strcmp (x->rating.group, y->rating.group) != 0 || x->rating.status != y->rating.status ||
          strcmp (x->rating.note, y->rating.note) != 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_entry (ApmmDisputes  *self,
            const char    *criterion_id,
            JsonNode      *node,
            const char    *path,
            GError       **error)
{
  g_autofree char *status_path = g_strconcat (path, APMM_JSON_SEP, "status", NULL);
  const char *group = "", *note = "";
  JsonNode *status_node;
  JsonObject *object;
  Entry *entry;
  int status;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return apmm_json_fail (error, path, _("expected an object"));
  object = json_node_get_object (node);

  if (!apmm_json_get_string (object, "group", path, &group, error) ||
      !apmm_json_get_string (object, "note", path, &note, error))
    return FALSE;
  if ((status_node = json_object_get_member (object, "status")) == NULL)
    return apmm_json_fail (error, status_path, _("missing"));
  if (!apmm_json_get_status (status_node, status_path, &status, error))
    return FALSE;

  entry = entry_new (group, status, note);
  entry->unknown = json_object_ref (object);
  g_ptr_array_add (ensure (self, criterion_id), entry);

  return TRUE;
}

static gboolean
read_criterion (ApmmDisputes  *self,
                const char    *criterion_id,
                JsonNode      *node,
                GError       **error)
{
  g_autofree char *path = g_strconcat (DISPUTES, APMM_JSON_SEP, criterion_id, NULL);
  JsonArray *array;

  if (apmm_model_lookup_criterion (apmm_model_get_default (), criterion_id) == NULL)
    return apmm_json_fail (error, path, _("unknown criterion (expected an id such as l3.rollback)"));
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return apmm_json_fail (error, path, _("expected an array"));

  array = json_node_get_array (node);
  if (json_array_get_length (array) < 2 || json_array_get_length (array) > MAX_GROUPS)
    return apmm_json_fail (error, path, _("expected the ratings of 2 to 20 groups"));

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *place = g_strdup_printf ("%s%s%u", path, APMM_JSON_SEP, i + 1);

      if (!read_entry (self, criterion_id, json_array_get_element (array, i), place, error))
        return FALSE;
    }

  return TRUE;
}

ApmmDisputes *
apmm_disputes_new (void)
{
  ApmmDisputes *self = g_new0 (ApmmDisputes, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->criteria = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);

  return self;
}

ApmmDisputes *
apmm_disputes_ref (ApmmDisputes *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
apmm_disputes_unref (ApmmDisputes *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_hash_table_unref (self->criteria);
  g_free (self);
}

gboolean
apmm_disputes_equal (ApmmDisputes *a,
                     ApmmDisputes *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL || g_hash_table_size (a->criteria) != g_hash_table_size (b->criteria))
    return FALSE;

  g_hash_table_iter_init (&iter, a->criteria);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!groups_equal (value, lookup (b, key)))
      return FALSE;

  return TRUE;
}

void
apmm_disputes_add (ApmmDisputes *self,
                   const char   *criterion_id,
                   const char   *group,
                   ApmmStatus    status,
                   const char   *note)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (apmm_model_lookup_criterion (apmm_model_get_default (), criterion_id) != NULL);

  g_ptr_array_add (ensure (self, criterion_id), entry_new (group, status, note));
}

ApmmDisputes *
apmm_disputes_without (ApmmDisputes *self,
                       const char   *criterion_id)
{
  ApmmDisputes *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (self != NULL, NULL);

  copy = apmm_disputes_new ();
  g_hash_table_iter_init (&iter, self->criteria);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (key, criterion_id) != 0)
      g_hash_table_insert (copy->criteria, g_strdup (key),
                           g_ptr_array_copy (value, entry_copy, NULL));

  /* The copies were made without a free function. */
  g_hash_table_iter_init (&iter, copy->criteria);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_set_free_func (value, entry_free);

  if (g_hash_table_size (copy->criteria) == 0)
    g_clear_pointer (&copy, apmm_disputes_unref);

  return copy;
}

gboolean
apmm_disputes_contains (ApmmDisputes *self,
                        const char   *criterion_id)
{
  return self != NULL && lookup (self, criterion_id) != NULL;
}

GStrv
apmm_disputes_dup_criteria (ApmmDisputes *self)
{
  ApmmModel *model = apmm_model_get_default ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; self != NULL && i < apmm_model_get_n_criteria (model); i++)
    {
      const char *id = apmm_model_get_criterion (model, i)->id;

      if (lookup (self, id) != NULL)
        g_strv_builder_add (builder, id);
    }

  return g_strv_builder_end (builder);
}

guint
apmm_disputes_get_n_groups (ApmmDisputes *self,
                            const char   *criterion_id)
{
  GPtrArray *groups = self != NULL ? lookup (self, criterion_id) : NULL;

  return groups != NULL ? groups->len : 0;
}

const ApmmGroupRating *
apmm_disputes_get_group (ApmmDisputes *self,
                         const char   *criterion_id,
                         guint         index)
{
  GPtrArray *groups;

  g_return_val_if_fail (self != NULL, NULL);

  groups = lookup (self, criterion_id);
  g_return_val_if_fail (groups != NULL && index < groups->len, NULL);

  return &((Entry *) g_ptr_array_index (groups, index))->rating;
}

JsonNode *
apmm_disputes_to_json (ApmmDisputes *self)
{
  g_auto(GStrv) ids = apmm_disputes_dup_criteria (self);
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      GPtrArray *groups = lookup (self, ids[i]);
      JsonArray *array = json_array_new ();

      for (guint j = 0; j < groups->len; j++)
        {
          const Entry *entry = g_ptr_array_index (groups, j);
          JsonObject *member = json_object_new ();

          json_object_set_string_member (member, "group", entry->rating.group);
          json_object_set_string_member (member, "status", apmm_status_to_string (entry->rating.status));
          json_object_set_string_member (member, "note", entry->rating.note);
          apmm_json_add_unknowns (member, entry->unknown, entry_keys);
          json_array_add_object_element (array, member);
        }
      json_object_set_array_member (object, ids[i], array);
    }

  json_node_take_object (node, object);

  return node;
}

ApmmDisputes *
apmm_disputes_from_json (JsonNode  *node,
                         GError   **error)
{
  g_autoptr(ApmmDisputes) self = apmm_disputes_new ();
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return apmm_json_fail (error, DISPUTES, _("expected an object")), NULL;
  object = json_node_get_object (node);

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (!read_criterion (self, l->data, json_object_get_member (object, l->data), error))
      return NULL;

  return g_steal_pointer (&self);
}
