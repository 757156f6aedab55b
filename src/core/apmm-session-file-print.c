/* apmm-session-file-print.c — the session file's own JSON printer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib 1.6's generator writes doubles with locale-independent but not
 * shortest digits and orders nothing; this printer is small and writes the
 * same bytes for the same value on every machine: 2-space indent,
 * "key": value, members in the node's order, a newline at the end. Only
 * control characters, the quote and the backslash are escaped, so that a
 * string's length in the file is close to its length in the session.
 */
#define G_LOG_DOMAIN "apmm-session-file"

#include "config.h"

#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "apmm-session-file.h"

/* ------------------------------------------------------------------------ */
/* The writer                                                                */
/* ------------------------------------------------------------------------ */

static void write_node (GString  *out,
                        JsonNode *node,
                        guint     indent);

static void
write_string (GString    *out,
              const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

/* The shortest text that reads back as the same double, always with a
 * decimal point or an exponent so that it stays a double. */
static void
write_double (GString *out,
              double   value)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buffer, sizeof buffer, formats[i], value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  g_string_append (out, buffer);
  if (strpbrk (buffer, ".eE") == NULL)
    g_string_append (out, ".0");
}

static void
write_value (GString  *out,
             JsonNode *node)
{
  GType type = json_node_get_value_type (node);

  if (type == G_TYPE_INT64)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
  else if (type == G_TYPE_DOUBLE)
    write_double (out, json_node_get_double (node));
  else if (type == G_TYPE_BOOLEAN)
    g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
  else if (type == G_TYPE_STRING)
    write_string (out, json_node_get_string (node));
  else
    g_string_append (out, "null");
}

static void
write_indent (GString *out,
              guint    indent)
{
  for (guint i = 0; i < indent; i++)
    g_string_append (out, "  ");
}

static void
write_object (GString    *out,
              JsonObject *object,
              guint       indent)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;
  gboolean first = TRUE;

  if (json_object_get_size (object) == 0)
    {
      g_string_append (out, "{}");
      return;
    }

  g_string_append_c (out, '{');
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &key, &member))
    {
      g_string_append (out, first ? "\n" : ",\n");
      first = FALSE;
      write_indent (out, indent + 1);
      write_string (out, key);
      g_string_append (out, ": ");
      write_node (out, member, indent + 1);
    }
  g_string_append_c (out, '\n');
  write_indent (out, indent);
  g_string_append_c (out, '}');
}

static void
write_array (GString   *out,
             JsonArray *array,
             guint      indent)
{
  guint n = json_array_get_length (array);

  if (n == 0)
    {
      g_string_append (out, "[]");
      return;
    }

  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      g_string_append (out, i == 0 ? "\n" : ",\n");
      write_indent (out, indent + 1);
      write_node (out, json_array_get_element (array, i), indent + 1);
    }
  g_string_append_c (out, '\n');
  write_indent (out, indent);
  g_string_append_c (out, ']');
}

static void
write_node (GString  *out,
            JsonNode *node,
            guint     indent)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      write_object (out, json_node_get_object (node), indent);
      break;
    case JSON_NODE_ARRAY:
      write_array (out, json_node_get_array (node), indent);
      break;
    case JSON_NODE_VALUE:
      write_value (out, node);
      break;
    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}
char *
apmm_session_file_json_to_string (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (node != NULL, NULL);

  write_node (out, node, 0);
  g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}
