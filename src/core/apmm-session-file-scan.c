/* apmm-session-file-scan.c — bytes to JSON: the strict pre-scan, then json-glib
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first steps of loading, each able to refuse the input with one
 * translated line: size, emptiness, NUL bytes, UTF-8, then a strict
 * non-recursive scan of the JSON text (syntax, nesting depth, string length,
 * duplicate keys, numbers that json-glib would silently wrap), and only then
 * json-glib's parser, which recurses and is lenient, hence the scan first.
 */
#define G_LOG_DOMAIN "apmm-session-file"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "apmm-session-file-private.h"

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
        next = apmm_sf_path_child (path, frame->key != NULL ? frame->key : "");
      else
        next = apmm_sf_path_index (path, frame->index);
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
                     GString *decoded,
                     gsize   *n_decoded)
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

  *n_decoded += (gsize) g_unichar_to_utf8 (unit, NULL);
  if (decoded != NULL)
    g_string_append_unichar (decoded, unit);

  return TRUE;
}

/* An escape at sc->pos (on the backslash). */
static gboolean
scan_escape (Scanner *sc,
             GString *decoded,
             gsize   *n_decoded)
{
  static const char simple_in[] = "\"\\/bfnrt";
  static const char simple_out[] = "\"\\/\b\f\n\r\t";
  const char *found;
  char c;

  if (sc->pos + 1 >= sc->len)
    return scan_fail (sc, _("the file ends inside a string"));

  c = sc->data[sc->pos + 1];
  if (c == 'u')
    return scan_unicode_escape (sc, decoded, n_decoded);

  found = c != '\0' ? strchr (simple_in, c) : NULL;
  if (found == NULL)
    return scan_fail (sc, _("unknown escape sequence in a string"));

  *n_decoded += 1;
  if (decoded != NULL)
    g_string_append_c (decoded, simple_out[found - simple_in]);
  sc->pos += 2;

  return TRUE;
}

/* A string at sc->pos (on the opening quote); @decoded receives its value
 * when the caller needs it (keys). The limit is on the string's value, in
 * UTF-8 bytes after unescaping, as the writer measures it: a string of
 * exactly APMM_SESSION_MAX_STRING bytes is accepted, however it is escaped. */
static gboolean
scan_string (Scanner *sc,
             GString *decoded)
{
  gsize start = sc->pos;
  gsize n_decoded = 0;

  sc->pos++;
  while (sc->pos < sc->len)
    {
      guchar c = (guchar) sc->data[sc->pos];

      if (n_decoded > APMM_SESSION_MAX_STRING)
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
          if (!scan_escape (sc, decoded, &n_decoded))
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
          n_decoded++;
          sc->pos++;
        }
    }

  if (n_decoded > APMM_SESSION_MAX_STRING)
    {
      g_autofree char *reason =
        g_strdup_printf (_("a string is longer than the limit of %d KiB"), APMM_SESSION_MAX_STRING / 1024);
      return scan_fail_at (sc, APMM_SESSION_ERROR_TOO_LARGE, start, reason);
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
      g_autofree char *label = apmm_sf_label (key->str);
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

/* The participant and action limits are checked here, as the file is
 * scanned, so that a file with 100,000 participants is refused before
 * json-glib builds a tree of them. The reader checks them again, with the
 * same message, for sessions that come from elsewhere. @seen is how many
 * elements of a top-level array were read before the one starting now. */
static gboolean
scan_check_count (Scanner *sc,
                  guint    seen)
{
  const char *key = sc->frames[0].key;
  g_autofree char *reason = NULL;

  if (g_strcmp0 (key, "participants") == 0 && seen >= APMM_SESSION_MAX_PARTICIPANTS)
    reason = g_strdup_printf (_("more than %d participants"), APMM_SESSION_MAX_PARTICIPANTS);
  else if (g_strcmp0 (key, "roadmap") == 0 && seen >= APMM_SESSION_MAX_ACTIONS)
    reason = g_strdup_printf (_("more than %d actions"), APMM_SESSION_MAX_ACTIONS);
  else
    return TRUE;

  return apmm_sf_invalid (sc->error, key, reason);
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
      if (sc->depth == 2 && !frame->is_object && !scan_check_count (sc, frame->index))
        return FALSE;
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
void
apmm_sf_set_too_large_error (GError  **error,
                     guint64   size)
{
  g_autofree char *limit = g_format_size_full (APMM_SESSION_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);
  /* Formatted apart: xgettext cannot read a format macro in a message. */
  g_autofree char *found = g_strdup_printf ("%" G_GUINT64_FORMAT, size);

  g_set_error (error, APMM_SESSION_ERROR, APMM_SESSION_ERROR_TOO_LARGE,
               _("The file is %s bytes; session files are limited to %s (%d bytes)"),
               found, limit, APMM_SESSION_MAX_SIZE);
}

JsonNode *
apmm_sf_parse_json (GBytes  *bytes,
            GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);

  if (len > APMM_SESSION_MAX_SIZE)
    {
      apmm_sf_set_too_large_error (error, len);
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

  /* Not json_parser_new_immutable (): sealing the tree hashes every string
   * in it, 10 % of reading a 15 MB session, and nothing here needs the
   * nodes sealed. */
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, (gssize) len, &local_error))
    {
      g_set_error (error, APMM_SESSION_ERROR, APMM_SESSION_ERROR_SYNTAX,
                   _("Not valid JSON: %s"), local_error->message);
      return NULL;
    }

  return json_parser_steal_root (parser);
}
