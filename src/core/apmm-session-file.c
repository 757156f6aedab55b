/* apmm-session-file.c — reading and writing session files (format version 1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loading runs a pipeline whose every step can refuse the input with one
 * translated line: size, emptiness, NUL bytes, UTF-8, a strict non-recursive
 * JSON scan (syntax, nesting depth, string length, duplicate keys, numbers
 * that json-glib would silently wrap), json-glib's parser (which recurses,
 * hence the scan first), and finally the validation of the session itself,
 * whose messages name the place: "ratings › l3.rollback › status: …".
 *
 * Saving writes known keys in the documented order, then the keys this
 * version does not know — copied from the loaded file — sorted, with our own
 * pretty printer so that the output is byte-for-byte deterministic.
 */
#define G_LOG_DOMAIN "apmm-session-file"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "apmm-model.h"
#include "apmm-session-file.h"
#include "apmm-session-private.h"

/* The separator between the parts of a place in error messages. */
#define SEP " \xe2\x80\xba "

/* Limits on what a session may hold, so that a file cannot make the window
 * build a list of a million rows. */
#define MAX_PARTICIPANTS  500
#define MAX_ACTIONS       500
#define MAX_TALLY         100000
#define MAX_NUMBER_LENGTH 64
#define MAX_LABEL_CHARS   40

static const char * const top_keys[] = {
  "format", "version", "model", "title", "organisation", "facilitator", "date", "notes",
  "participants", "perceived_level", "target_level", "votes", "ratings", "prompts", "gaps",
  "gap_order", "roadmap", "entry_point", NULL
};
static const char * const participant_keys[] = { "name", "perceived_level", NULL };
static const char * const votes_keys[] = { "anonymous", "hidden", NULL };
static const char * const rating_keys[] = { "status", "note", "confirmed_by", "confirmed_at", NULL };
static const char * const prompt_keys[] = { "notes", NULL };
static const char * const gap_keys[] = { "impact", "effort", "owner", "note", NULL };
static const char * const action_keys[] = {
  "id", "title", "description", "criteria", "owner", "horizon", "due", "status", "measure", NULL
};

G_DEFINE_QUARK (apmm-session-error-quark, apmm_session_error)

/* ------------------------------------------------------------------------ */
/* Places and messages                                                       */
/* ------------------------------------------------------------------------ */

/* A key from the file, made safe to show on one line: control characters are
 * replaced and long keys are shortened. */
static char *
label_for_message (const char *key)
{
  GString *label = g_string_new (NULL);
  guint n_chars = 0;

  for (const char *p = key; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (n_chars++ == MAX_LABEL_CHARS)
        {
          g_string_append (label, "…");
          break;
        }
      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        g_string_append_unichar (label, 0xfffd);
      else
        g_string_append_unichar (label, c);
    }

  return g_string_free (label, FALSE);
}

static char *
path_child (const char *parent,
            const char *key)
{
  g_autofree char *label = label_for_message (key);

  if (parent == NULL || parent[0] == '\0')
    return g_steal_pointer (&label);

  return g_strconcat (parent, SEP, label, NULL);
}

static char *
path_index (const char *parent,
            guint       index)
{
  /* People count rows from one. */
  g_autofree char *number = g_strdup_printf ("%u", index + 1);

  return path_child (parent, number);
}

static gboolean
fail_at (GError     **error,
         int          code,
         const char  *path,
         const char  *reason)
{
  if (path == NULL || path[0] == '\0')
    g_set_error_literal (error, APMM_SESSION_ERROR, code, reason);
  else
    g_set_error (error, APMM_SESSION_ERROR, code, "%s: %s", path, reason);

  return FALSE;
}

static gboolean
invalid (GError     **error,
         const char  *path,
         const char  *reason)
{
  return fail_at (error, APMM_SESSION_ERROR_INVALID, path, reason);
}

static gboolean
invalid_member (GError     **error,
                const char  *path,
                const char  *key,
                const char  *reason)
{
  g_autofree char *place = path_child (path, key);

  return invalid (error, place, reason);
}

/* ------------------------------------------------------------------------ */
/* The strict pre-parse scan                                                 */
/* ------------------------------------------------------------------------ */

/* json-glib 1.6 recurses without limit, wraps integers that overflow, turns
 * 1e999 into "inf", accepts comments, single quotes and "var x =", keeps the
 * last of duplicate keys and decodes lone surrogates into invalid UTF-8. This
 * scan walks the text once with an explicit stack and refuses all of it, so
 * that what reaches json-glib is plain RFC 8259 JSON it handles correctly. */

typedef enum {
  SCAN_VALUE,
  SCAN_VALUE_OR_CLOSE,
  SCAN_KEY,
  SCAN_KEY_OR_CLOSE,
  SCAN_COLON,
  SCAN_AFTER_VALUE,
} ScanState;

typedef struct {
  gboolean    is_object;
  guint       index;     /* arrays: the element being read */
  const char *key;       /* objects: the member being read, owned by keys */
  GHashTable *keys;      /* objects: member names seen so far */
} ScanFrame;

typedef struct {
  const char  *data;
  gsize        len;
  gsize        pos;
  gsize        line;
  gsize        line_start;
  ScanFrame    frames[APMM_SESSION_MAX_DEPTH];
  guint        depth;
  ScanState    state;
  GError     **error;
} Scanner;

static gsize
scanner_column (Scanner *sc,
                gsize    pos)
{
  return g_utf8_strlen (sc->data + sc->line_start, pos - sc->line_start) + 1;
}

static gboolean
scan_fail_at (Scanner    *sc,
              int         code,
              gsize       pos,
              const char *reason)
{
  /* Translators: the first two are numbers, the last a reason such as
   * "expected “:” after a key". */
  g_set_error (sc->error, APMM_SESSION_ERROR, code, _("Not valid JSON at line %zu, column %zu: %s"),
               sc->line, scanner_column (sc, pos), reason);
  return FALSE;
}

static gboolean
scan_fail (Scanner    *sc,
           const char *reason)
{
  return scan_fail_at (sc, APMM_SESSION_ERROR_SYNTAX, sc->pos, reason);
}

static char *
scanner_path (Scanner *sc,
              guint    n_frames)
{
  g_autofree char *path = g_strdup ("");

  for (guint i = 0; i < n_frames; i++)
    {
      ScanFrame *frame = &sc->frames[i];
      char *next;

      if (frame->is_object)
        next = path_child (path, frame->key != NULL ? frame->key : "");
      else
        next = path_index (path, frame->index);
      g_free (path);
      path = next;
    }

  return g_steal_pointer (&path);
}

static void
scanner_clear (Scanner *sc)
{
  for (guint i = 0; i < sc->depth; i++)
    g_clear_pointer (&sc->frames[i].keys, g_hash_table_unref);
  sc->depth = 0;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Reads the four hex digits after "\u" at @pos. */
static gboolean
scan_hex4 (Scanner *sc,
           gsize    pos,
           guint   *unit)
{
  *unit = 0;
  if (pos + 4 > sc->len)
    return scan_fail_at (sc, APMM_SESSION_ERROR_SYNTAX, pos, _("the file ends inside a string"));

  for (guint i = 0; i < 4; i++)
    {
      int v = hex_value (sc->data[pos + i]);

      if (v < 0)
        return scan_fail_at (sc, APMM_SESSION_ERROR_SYNTAX, pos,
                             _("expected four hexadecimal digits after \\u"));
      *unit = (*unit << 4) | (guint) v;
    }

  return TRUE;
}

/* A \u escape at sc->pos (on the backslash), with its surrogate pair. */
static gboolean
scan_unicode_escape (Scanner *sc,
                     GString *decoded)
{
  gsize start = sc->pos;
  guint unit, low;

  if (!scan_hex4 (sc, sc->pos + 2, &unit))
    return FALSE;
  sc->pos += 6;

  if (unit == 0)
    return scan_fail_at (sc, APMM_SESSION_ERROR_ENCODING, start,
                         _("a string contains a NUL character (\\u0000)"));
  if (unit >= 0xdc00 && unit <= 0xdfff)
    return scan_fail_at (sc, APMM_SESSION_ERROR_ENCODING, start,
                         _("a string contains an unpaired surrogate escape"));
  if (unit >= 0xd800 && unit <= 0xdbff)
    {
      if (sc->pos + 2 > sc->len || sc->data[sc->pos] != '\\' || sc->data[sc->pos + 1] != 'u')
        return scan_fail_at (sc, APMM_SESSION_ERROR_ENCODING, start,
                             _("a string contains an unpaired surrogate escape"));
      if (!scan_hex4 (sc, sc->pos + 2, &low))
        return FALSE;
      if (low < 0xdc00 || low > 0xdfff)
        return scan_fail_at (sc, APMM_SESSION_ERROR_ENCODING, start,
                             _("a string contains an unpaired surrogate escape"));
      sc->pos += 6;
      unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
    }

  if (decoded != NULL)
    g_string_append_unichar (decoded, unit);

  return TRUE;
}

/* An escape at sc->pos (on the backslash). */
static gboolean
scan_escape (Scanner *sc,
             GString *decoded)
{
  static const char simple_in[] = "\"\\/bfnrt";
  static const char simple_out[] = "\"\\/\b\f\n\r\t";
  const char *found;
  char c;

  if (sc->pos + 1 >= sc->len)
    return scan_fail (sc, _("the file ends inside a string"));

  c = sc->data[sc->pos + 1];
  if (c == 'u')
    return scan_unicode_escape (sc, decoded);

  found = c != '\0' ? strchr (simple_in, c) : NULL;
  if (found == NULL)
    return scan_fail (sc, _("unknown escape sequence in a string"));

  if (decoded != NULL)
    g_string_append_c (decoded, simple_out[found - simple_in]);
  sc->pos += 2;

  return TRUE;
}

/* A string at sc->pos (on the opening quote); @decoded receives its value
 * when the caller needs it (keys). */
static gboolean
scan_string (Scanner *sc,
             GString *decoded)
{
  gsize start = sc->pos;

  sc->pos++;
  while (sc->pos < sc->len)
    {
      guchar c = (guchar) sc->data[sc->pos];

      if (sc->pos - start > APMM_SESSION_MAX_STRING)
        {
          g_autofree char *reason =
            g_strdup_printf (_("a string is longer than the limit of %d KiB"),
                             APMM_SESSION_MAX_STRING / 1024);
          return scan_fail_at (sc, APMM_SESSION_ERROR_TOO_LARGE, start, reason);
        }

      if (c == '"')
        {
          sc->pos++;
          return TRUE;
        }
      else if (c == '\\')
        {
          if (!scan_escape (sc, decoded))
            return FALSE;
        }
      else if (c < 0x20)
        {
          return scan_fail (sc, _("a control character inside a string must be written as an escape"));
        }
      else
        {
          if (decoded != NULL)
            g_string_append_c (decoded, (char) c);
          sc->pos++;
        }
    }

  return scan_fail_at (sc, APMM_SESSION_ERROR_SYNTAX, start, _("the file ends inside a string"));
}

static gsize
skip_digits (Scanner *sc)
{
  gsize n = 0;

  while (sc->pos < sc->len && g_ascii_isdigit (sc->data[sc->pos]))
    {
      sc->pos++;
      n++;
    }

  return n;
}

/* Checks that the number fits what json-glib stores without loss of sense:
 * a 64-bit integer or a finite double. */
static gboolean
number_in_range (const char *text,
                 gboolean    is_integer)
{
  if (is_integer)
    return g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, NULL, NULL);

  return isfinite (g_ascii_strtod (text, NULL));
}

static gboolean
scan_number (Scanner *sc)
{
  gsize start = sc->pos;
  gboolean is_integer = TRUE;
  char text[MAX_NUMBER_LENGTH + 1];

  if (sc->data[sc->pos] == '-')
    sc->pos++;
  if (sc->pos < sc->len && sc->data[sc->pos] == '0')
    sc->pos++;
  else if (skip_digits (sc) == 0)
    return scan_fail (sc, _("expected a digit"));

  if (sc->pos < sc->len && sc->data[sc->pos] == '.')
    {
      sc->pos++;
      is_integer = FALSE;
      if (skip_digits (sc) == 0)
        return scan_fail (sc, _("expected a digit after the decimal point"));
    }
  if (sc->pos < sc->len && (sc->data[sc->pos] == 'e' || sc->data[sc->pos] == 'E'))
    {
      sc->pos++;
      is_integer = FALSE;
      if (sc->pos < sc->len && (sc->data[sc->pos] == '+' || sc->data[sc->pos] == '-'))
        sc->pos++;
      if (skip_digits (sc) == 0)
        return scan_fail (sc, _("expected a digit in the exponent"));
    }

  if (sc->pos - start > MAX_NUMBER_LENGTH)
    return scan_fail_at (sc, APMM_SESSION_ERROR_SYNTAX, start, _("a number is too long"));

  memcpy (text, sc->data + start, sc->pos - start);
  text[sc->pos - start] = '\0';
  if (!number_in_range (text, is_integer))
    return scan_fail_at (sc, APMM_SESSION_ERROR_SYNTAX, start, _("a number is out of range"));

  return TRUE;
}

static gboolean
scan_literal (Scanner *sc)
{
  static const char * const literals[] = { "true", "false", "null" };

  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      gsize n = strlen (literals[i]);

      if (sc->len - sc->pos >= n && memcmp (sc->data + sc->pos, literals[i], n) == 0)
        {
          sc->pos += n;
          return TRUE;
        }
    }

  return scan_fail (sc, _("expected a value (an object, array, string, number, true, false or null)"));
}

static gboolean
scan_push (Scanner  *sc,
           gboolean  is_object)
{
  ScanFrame *frame;

  if (sc->depth == APMM_SESSION_MAX_DEPTH)
    {
      g_autofree char *reason =
        g_strdup_printf (_("values are nested deeper than the limit of %d levels"),
                         APMM_SESSION_MAX_DEPTH);
      return scan_fail_at (sc, APMM_SESSION_ERROR_TOO_DEEP, sc->pos, reason);
    }

  frame = &sc->frames[sc->depth++];
  frame->is_object = is_object;
  frame->index = 0;
  frame->key = NULL;
  frame->keys = is_object ? g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) : NULL;
  sc->pos++;
  sc->state = is_object ? SCAN_KEY_OR_CLOSE : SCAN_VALUE_OR_CLOSE;

  return TRUE;
}

static void
scan_pop (Scanner *sc)
{
  ScanFrame *frame = &sc->frames[--sc->depth];

  g_clear_pointer (&frame->keys, g_hash_table_unref);
  sc->pos++;
  sc->state = SCAN_AFTER_VALUE;
}

static gboolean
scan_value (Scanner *sc)
{
  char c = sc->data[sc->pos];

  if (c == '{' || c == '[')
    return scan_push (sc, c == '{');

  sc->state = SCAN_AFTER_VALUE;
  if (c == '"')
    return scan_string (sc, NULL);
  if (c == '-' || g_ascii_isdigit (c))
    return scan_number (sc);

  return scan_literal (sc);
}

static gboolean
scan_key (Scanner *sc)
{
  ScanFrame *frame = &sc->frames[sc->depth - 1];
  g_autoptr(GString) key = g_string_new (NULL);
  gsize start = sc->pos;

  if (sc->data[sc->pos] != '"')
    return scan_fail (sc, _("expected a member name in double quotes"));
  if (!scan_string (sc, key))
    return FALSE;

  if (g_hash_table_contains (frame->keys, key->str))
    {
      g_autofree char *label = label_for_message (key->str);
      g_autofree char *path = scanner_path (sc, sc->depth - 1);
      g_autofree char *reason = NULL;

      if (sc->depth == 1)
        reason = g_strdup_printf (_("duplicate key “%s” at the top level"), label);
      else
        reason = g_strdup_printf (_("duplicate key “%s” in %s"), label, path);
      return scan_fail_at (sc, APMM_SESSION_ERROR_SYNTAX, start, reason);
    }

  frame->key = g_string_free (g_steal_pointer (&key), FALSE);
  g_hash_table_add (frame->keys, (char *) frame->key);
  sc->state = SCAN_COLON;

  return TRUE;
}

static gboolean
scan_after_value (Scanner *sc)
{
  ScanFrame *frame;
  char c = sc->data[sc->pos];

  if (sc->depth == 0)
    return scan_fail (sc, _("unexpected text after the end of the document"));

  frame = &sc->frames[sc->depth - 1];
  if (c == ',')
    {
      sc->pos++;
      frame->index++;
      sc->state = frame->is_object ? SCAN_KEY : SCAN_VALUE;
      return TRUE;
    }
  if ((c == '}' && frame->is_object) || (c == ']' && !frame->is_object))
    {
      scan_pop (sc);
      return TRUE;
    }

  return scan_fail (sc, frame->is_object ? _("expected “,” or “}”") : _("expected “,” or “]”"));
}

static gboolean
scan_token (Scanner *sc)
{
  char c = sc->data[sc->pos];

  switch (sc->state)
    {
    case SCAN_VALUE_OR_CLOSE:
      if (c == ']')
        {
          scan_pop (sc);
          return TRUE;
        }
      return scan_value (sc);

    case SCAN_VALUE:
      return scan_value (sc);

    case SCAN_KEY_OR_CLOSE:
      if (c == '}')
        {
          scan_pop (sc);
          return TRUE;
        }
      return scan_key (sc);

    case SCAN_KEY:
      return scan_key (sc);

    case SCAN_COLON:
      if (c != ':')
        return scan_fail (sc, _("expected “:” after a member name"));
      sc->pos++;
      sc->state = SCAN_VALUE;
      return TRUE;

    case SCAN_AFTER_VALUE:
      return scan_after_value (sc);

    default:
      g_assert_not_reached ();
    }
}

static void
skip_whitespace (Scanner *sc)
{
  while (sc->pos < sc->len)
    {
      char c = sc->data[sc->pos];

      if (c == '\n')
        {
          sc->line++;
          sc->line_start = sc->pos + 1;
        }
      else if (c != ' ' && c != '\t' && c != '\r')
        {
          break;
        }
      sc->pos++;
    }
}

static gboolean
scan_document (const char  *data,
               gsize        len,
               GError     **error)
{
  Scanner sc = { .data = data, .len = len, .line = 1, .state = SCAN_VALUE, .error = error };
  gboolean ok = TRUE;

  for (;;)
    {
      skip_whitespace (&sc);
      if (sc.pos == sc.len)
        break;
      if (!(ok = scan_token (&sc)))
        break;
    }

  if (ok && (sc.depth > 0 || sc.state != SCAN_AFTER_VALUE))
    ok = scan_fail (&sc, _("the file ends too early (it may be truncated)"));

  scanner_clear (&sc);

  return ok;
}

/* ------------------------------------------------------------------------ */
/* Bytes to JSON                                                             */
/* ------------------------------------------------------------------------ */

static gboolean
check_encoding (const char  *data,
                gsize        len,
                GError     **error)
{
  const char *nul = memchr (data, '\0', len);
  const char *end = NULL;

  if (nul != NULL)
    {
      g_set_error (error, APMM_SESSION_ERROR, APMM_SESSION_ERROR_ENCODING,
                   _("The file contains a NUL byte at offset %zu; it is not a text file"),
                   (gsize) (nul - data));
      return FALSE;
    }

  if (!g_utf8_validate_len (data, len, &end))
    {
      g_set_error (error, APMM_SESSION_ERROR, APMM_SESSION_ERROR_ENCODING,
                   _("The file is not valid UTF-8 text (invalid byte at offset %zu)"),
                   (gsize) (end - data));
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_blank (const char *data,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;

  return TRUE;
}

/* Exact figures: a file just over the limit would otherwise read as
 * "16.8 MB; limited to 16.8 MB" once both are rounded. */
static void
set_too_large_error (GError  **error,
                     guint64   size)
{
  g_autofree char *limit = g_format_size_full (APMM_SESSION_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);
  /* Formatted apart: xgettext cannot read a format macro in a message. */
  g_autofree char *found = g_strdup_printf ("%" G_GUINT64_FORMAT, size);

  g_set_error (error, APMM_SESSION_ERROR, APMM_SESSION_ERROR_TOO_LARGE,
               _("The file is %s bytes; session files are limited to %s (%d bytes)"),
               found, limit, APMM_SESSION_MAX_SIZE);
}

static JsonNode *
parse_json (GBytes  *bytes,
            GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);

  if (len > APMM_SESSION_MAX_SIZE)
    {
      set_too_large_error (error, len);
      return NULL;
    }

  if (data == NULL || is_blank (data, len))
    {
      g_set_error_literal (error, APMM_SESSION_ERROR, APMM_SESSION_ERROR_EMPTY,
                           _("The file is empty"));
      return NULL;
    }

  if (!check_encoding (data, len, error))
    return NULL;

  /* A byte order mark is not JSON, but editors on some systems add one. */
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      len -= 3;
    }

  if (!scan_document (data, len, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) len, &local_error))
    {
      g_set_error (error, APMM_SESSION_ERROR, APMM_SESSION_ERROR_SYNTAX,
                   _("Not valid JSON: %s"), local_error->message);
      return NULL;
    }

  return json_parser_steal_root (parser);
}

/* ------------------------------------------------------------------------ */
/* Typed members                                                             */
/* ------------------------------------------------------------------------ */

/* json-glib's getters emit criticals on a wrong type, so every reader checks
 * the node first. Each returns FALSE with @error set when the member is
 * present but wrong; an absent member leaves the default in place. */

static gboolean
node_is_type (JsonNode *node,
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
  if (!node_is_type (node, G_TYPE_STRING))
    return invalid_member (error, path, key, _("expected a string"));

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
  if (node_is_type (node, G_TYPE_INT64) && (v = json_node_get_int (node)) >= min && v <= max)
    {
      *value = (int) v;
      return TRUE;
    }

  if (nullable)
    reason = g_strdup_printf (_("expected a whole number from %d to %d, or null"), min, max);
  else
    reason = g_strdup_printf (_("expected a whole number from %d to %d"), min, max);

  return invalid_member (error, path, key, reason);
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
  if (!node_is_type (node, G_TYPE_BOOLEAN))
    return invalid_member (error, path, key, _("expected true or false"));

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
    return invalid_member (error, path, key, _("expected an object"));

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
    return invalid_member (error, path, key,
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
      invalid (error, path, _("expected an object"));
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

  if (!node_is_type (node, G_TYPE_STRING) || !apmm_date_is_valid (json_node_get_string (node)))
    return invalid_member (error, path, key,
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
    return invalid_member (error, path, key,
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
    return invalid (loader->error, "format", _("missing; this is not an APMM session file"));
  if (!node_is_type (format, G_TYPE_STRING) || g_strcmp0 (json_node_get_string (format), APMM_SESSION_FORMAT) != 0)
    return invalid (loader->error, "format", _("expected “apmm-session”"));

  if (version == NULL)
    return invalid (loader->error, "version", _("missing"));
  if (!node_is_type (version, G_TYPE_INT64) || (v = json_node_get_int (version)) < 1)
    return invalid (loader->error, "version", _("expected a whole number from 1"));
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
    return invalid (loader->error, "model", _("missing"));
  if (!node_is_type (model, G_TYPE_STRING))
    return invalid (loader->error, "model", _("expected a string such as “apmm-1”"));
  if (g_strcmp0 (json_node_get_string (model), APMM_MODEL_REF) != 0)
    {
      g_autofree char *label = label_for_message (json_node_get_string (model));

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
  if (!node_is_type (node, G_TYPE_STRING) ||
      apmm_model_lookup_entry_point (apmm_model_get_default (),
                                     (id = json_node_get_string (node))) == NULL)
    return invalid (loader->error, "entry_point",
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
    return invalid_member (loader->error, path, "name", _("missing"));

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
  if (n > MAX_PARTICIPANTS)
    {
      g_autofree char *reason = g_strdup_printf (_("more than %d participants"), MAX_PARTICIPANTS);
      return invalid (loader->error, "participants", reason);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = path_index ("participants", i);

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
    g_strdup_printf (_("expected %d whole numbers from 0 to %d, one per level"), APMM_N_LEVELS, MAX_TALLY);

  if (!read_array (votes, "anonymous", "votes", FALSE, &array, loader->error))
    return FALSE;
  if (array == NULL)
    return TRUE;
  if (json_array_get_length (array) != APMM_N_LEVELS)
    return invalid (loader->error, "votes" SEP "anonymous", reason);

  for (guint level = 0; level < APMM_N_LEVELS; level++)
    {
      JsonNode *node = json_array_get_element (array, level);
      gint64 count;

      if (!node_is_type (node, G_TYPE_INT64) || (count = json_node_get_int (node)) < 0 || count > MAX_TALLY)
        return invalid (loader->error, "votes" SEP "anonymous", reason);
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
    return invalid_member (loader->error, path, "status", _("missing"));
  if (!node_is_type (node, G_TYPE_STRING) || !apmm_status_from_string (json_node_get_string (node), &status))
    return invalid_member (loader->error, path, "status", _("expected one of met, partly, not-met, unknown"));

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
      g_autofree char *path = path_child (key, id);

      if (by_criterion && apmm_model_lookup_criterion (loader->model, id) == NULL)
        return invalid (loader->error, path, _("unknown criterion (expected an id such as l3.rollback)"));
      if (!by_criterion && apmm_model_lookup_prompt (loader->model, id) == NULL)
        return invalid (loader->error, path, _("unknown prompt (expected adoption, production or failure)"));
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
      g_autofree char *place = path_index (path, i);
      const char *id;

      if (!node_is_type (node, G_TYPE_STRING) ||
          apmm_model_lookup_criterion (loader->model, (id = json_node_get_string (node))) == NULL)
        {
          invalid (loader->error, place, _("expected a criterion id such as l3.rollback"));
          return NULL;
        }
      if (!g_hash_table_add (seen, (char *) id))
        {
          invalid (loader->error, place, _("this criterion is already listed"));
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
    return invalid_member (loader->error, path, "horizon", _("expected one of 30-days, quarter, later"));
  if (status != NULL && !apmm_action_status_from_string (status, &action->status))
    return invalid_member (loader->error, path, "status",
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
    return invalid_member (loader->error, path, "id", _("missing; every action needs an id"));
  if (!g_hash_table_add (ids, (char *) *id))
    return invalid_member (loader->error, path, "id", _("another action already uses this id"));

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
  g_autofree char *criteria_path = path_child (path, "criteria");
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
  if (n > MAX_ACTIONS)
    {
      g_autofree char *reason = g_strdup_printf (_("more than %d actions"), MAX_ACTIONS);
      return invalid (loader->error, "roadmap", reason);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = path_index ("roadmap", i);

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
  if (node_is_type (node, G_TYPE_STRING))
    return _("a string");
  if (node_is_type (node, G_TYPE_BOOLEAN))
    return _("a boolean");
  return _("a number");
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
         load_roadmap (loader, root);
}

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

      if (action_id != NULL && node_is_type (action_id, G_TYPE_STRING) &&
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

static JsonNode *
session_to_node (ApmmSession *session)
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
  add_unknowns (root, origin, top_keys);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, g_steal_pointer (&root));

  return node;
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                */
/* ------------------------------------------------------------------------ */


ApmmSession *
apmm_session_load_bytes (GBytes  *bytes,
                         GError **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(ApmmSession) session = NULL;
  Loader loader;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((root = parse_json (bytes, error)) == NULL)
    return NULL;

  session = apmm_session_new ();
  loader.session = session;
  loader.model = apmm_model_get_default ();
  loader.error = error;
  if (!load_root (&loader, root))
    return NULL;

  apmm_session_set_origin (session, root);

  return g_steal_pointer (&session);
}

/* Reads at most APMM_SESSION_MAX_SIZE + 1 bytes, so that a file that grows
 * after it was measured, or that reports no size, cannot exhaust memory. */
static GBytes *
read_capped (GFile         *file,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;
  guint8 chunk[64 * 1024];
  gssize n;

  if ((stream = g_file_read (file, cancellable, &local_error)) == NULL)
    goto failed;

  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk, cancellable, &local_error)) > 0)
    {
      g_byte_array_append (buffer, chunk, (guint) n);
      if (buffer->len > APMM_SESSION_MAX_SIZE)
        return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
    }
  if (n == 0)
    return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));

failed:
  g_set_error (error, APMM_SESSION_ERROR, APMM_SESSION_ERROR_IO,
               _("The file could not be read: %s"), local_error->message);
  return NULL;
}

static gboolean
check_file_info (GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  GFileType type;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error_literal (error, APMM_SESSION_ERROR, APMM_SESSION_ERROR_NOT_FOUND,
                             _("The file does not exist"));
      else
        g_set_error (error, APMM_SESSION_ERROR, APMM_SESSION_ERROR_IO,
                     _("The file could not be read: %s"), local_error->message);
      return FALSE;
    }

  type = g_file_info_get_file_type (info);
  if (type == G_FILE_TYPE_DIRECTORY)
    return fail_at (error, APMM_SESSION_ERROR_NOT_REGULAR, NULL, _("This is a folder, not a session file"));
  if (type != G_FILE_TYPE_REGULAR)
    return fail_at (error, APMM_SESSION_ERROR_NOT_REGULAR, NULL, _("This is not a regular file"));

  if (g_file_info_get_size (info) > APMM_SESSION_MAX_SIZE)
    {
      set_too_large_error (error, (guint64) g_file_info_get_size (info));
      return FALSE;
    }

  return TRUE;
}

ApmmSession *
apmm_session_load_file (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_file_info (file, cancellable, error))
    return NULL;
  if ((bytes = read_capped (file, cancellable, error)) == NULL)
    return NULL;

  return apmm_session_load_bytes (bytes, error);
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

GBytes *
apmm_session_to_bytes (ApmmSession *session)
{
  g_autoptr(JsonNode) node = NULL;
  char *text;

  g_return_val_if_fail (APMM_IS_SESSION (session), NULL);

  node = session_to_node (session);
  text = apmm_session_file_json_to_string (node);

  return g_bytes_new_take (text, strlen (text));
}

gboolean
apmm_session_save_file (ApmmSession   *session,
                        GFile         *file,
                        const char    *etag_in,
                        char         **etag_out,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (APMM_IS_SESSION (session), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = apmm_session_to_bytes (session);

  return g_file_replace_contents (file,
                                  g_bytes_get_data (bytes, NULL),
                                  g_bytes_get_size (bytes),
                                  etag_in,
                                  FALSE,
                                  G_FILE_CREATE_NONE,
                                  etag_out,
                                  cancellable,
                                  error);
}
