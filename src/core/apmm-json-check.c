/* apmm-json-check.c — checked reads of the session file's comparison and merge keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-json-check"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "apmm-json-check.h"
#include "apmm-model.h"
#include "apmm-session-file.h"

static gboolean
holds (JsonNode *node,
       GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
fail_member (GError     **error,
             const char  *path,
             const char  *key,
             const char  *reason)
{
  g_autofree char *place = g_strconcat (path, APMM_JSON_SEP, key, NULL);

  return apmm_json_fail (error, place, reason);
}

gboolean
apmm_json_fail (GError     **error,
                const char  *path,
                const char  *reason)
{
  g_set_error (error, APMM_SESSION_ERROR, APMM_SESSION_ERROR_INVALID, "%s: %s", path, reason);

  return FALSE;
}

gboolean
apmm_json_get_string (JsonObject   *object,
                      const char   *key,
                      const char   *path,
                      const char  **value,
                      GError      **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    return TRUE;
  if (!holds (node, G_TYPE_STRING))
    return fail_member (error, path, key, _("expected a string"));

  *value = json_node_get_string (node);

  return TRUE;
}

gboolean
apmm_json_get_integer (JsonObject  *object,
                       const char  *key,
                       const char  *path,
                       int          min,
                       int          max,
                       gboolean     nullable,
                       int         *value,
                       GError     **error)
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
  if (holds (node, G_TYPE_INT64) && (v = json_node_get_int (node)) >= min && v <= max)
    {
      *value = (int) v;
      return TRUE;
    }

  if (nullable)
    reason = g_strdup_printf (_("expected a whole number from %d to %d, or null"), min, max);
  else
    reason = g_strdup_printf (_("expected a whole number from %d to %d"), min, max);

  return fail_member (error, path, key, reason);
}

gboolean
apmm_json_get_status (JsonNode    *node,
                      const char  *path,
                      int         *status,
                      GError     **error)
{
  ApmmStatus value;

  if (!holds (node, G_TYPE_STRING) || !apmm_status_from_string (json_node_get_string (node), &value))
    return apmm_json_fail (error, path, _("expected one of met, partly, not-met, unknown"));

  *status = value;

  return TRUE;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (a, b);
}

void
apmm_json_add_unknowns (JsonObject         *out,
                        JsonObject         *origin,
                        const char * const *known)
{
  g_autoptr(GList) members = NULL;

  if (origin == NULL)
    return;

  members = g_list_sort (json_object_get_members (origin), compare_keys);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      json_object_set_member (out, l->data, json_node_copy (json_object_get_member (origin, l->data)));
}
