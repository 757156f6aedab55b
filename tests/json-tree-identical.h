/* json-tree-identical.h — whether two JSON trees are the same, exactly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Stricter than json_node_equal (), which takes 1 and 1.0 for the same
 * number: the node types, the value types (int64, double, boolean, string),
 * the bits of every double (so -0.0 is not 0.0), every string's bytes, the
 * members in order and each node's parent must all agree. Shared by
 * test-session-file-scan.c and the fuzzer, which compare the reader's tree
 * with the one json-glib's parser builds from the same text.
 */
#pragma once

#include <string.h>

#include <json-glib/json-glib.h>

/* Returns NULL when @a and @b are the same, or where they first differ. */
static inline char *
json_tree_difference (JsonNode   *a,
                      JsonNode   *b,
                      const char *place)
{
  if (json_node_get_node_type (a) != json_node_get_node_type (b))
    return g_strdup_printf ("%s: node types differ", place);
  if ((json_node_get_parent (a) == NULL) != (json_node_get_parent (b) == NULL))
    return g_strdup_printf ("%s: one has a parent, the other not", place);

  switch (json_node_get_node_type (a))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *oa = json_node_get_object (a), *ob = json_node_get_object (b);
        g_autoptr(GList) ka = json_object_get_members (oa);
        g_autoptr(GList) kb = json_object_get_members (ob);
        GList *la, *lb;

        for (la = ka, lb = kb; la != NULL && lb != NULL; la = la->next, lb = lb->next)
          {
            g_autofree char *child = g_strdup_printf ("%s/%s", place, (const char *) la->data);
            char *difference;

            if (strcmp (la->data, lb->data) != 0)
              return g_strdup_printf ("%s: members in a different order or with different names", child);
            if (json_node_get_parent (json_object_get_member (oa, la->data)) != a ||
                json_node_get_parent (json_object_get_member (ob, lb->data)) != b)
              return g_strdup_printf ("%s: not the child of its object", child);
            difference = json_tree_difference (json_object_get_member (oa, la->data),
                                               json_object_get_member (ob, lb->data), child);
            if (difference != NULL)
              return difference;
          }
        if (la != NULL || lb != NULL || json_object_get_size (oa) != json_object_get_size (ob))
          return g_strdup_printf ("%s: a different number of members", place);
        return NULL;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *aa = json_node_get_array (a), *ab = json_node_get_array (b);

        if (json_array_get_length (aa) != json_array_get_length (ab))
          return g_strdup_printf ("%s: a different number of elements", place);
        for (guint i = 0; i < json_array_get_length (aa); i++)
          {
            g_autofree char *child = g_strdup_printf ("%s/%u", place, i);
            char *difference;

            if (json_node_get_parent (json_array_get_element (aa, i)) != a ||
                json_node_get_parent (json_array_get_element (ab, i)) != b)
              return g_strdup_printf ("%s: not the child of its array", child);
            difference = json_tree_difference (json_array_get_element (aa, i),
                                               json_array_get_element (ab, i), child);
            if (difference != NULL)
              return difference;
          }
        return NULL;
      }

    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (a);

        if (type != json_node_get_value_type (b))
          return g_strdup_printf ("%s: %s against %s", place, g_type_name (type),
                                  g_type_name (json_node_get_value_type (b)));
        if (type == G_TYPE_INT64 && json_node_get_int (a) == json_node_get_int (b))
          return NULL;
        if (type == G_TYPE_BOOLEAN && json_node_get_boolean (a) == json_node_get_boolean (b))
          return NULL;
        if (type == G_TYPE_STRING && g_strcmp0 (json_node_get_string (a), json_node_get_string (b)) == 0)
          return NULL;
        if (type == G_TYPE_DOUBLE)
          {
            double da = json_node_get_double (a), db = json_node_get_double (b);

            if (memcmp (&da, &db, sizeof da) == 0)
              return NULL;
          }
        if (type != G_TYPE_INT64 && type != G_TYPE_BOOLEAN && type != G_TYPE_STRING &&
            type != G_TYPE_DOUBLE)
          return g_strdup_printf ("%s: an unexpected value type %s", place, g_type_name (type));
        return g_strdup_printf ("%s: values differ", place);
      }

    case JSON_NODE_NULL:
      return NULL;

    default:
      return g_strdup_printf ("%s: an unknown node type", place);
    }
}
