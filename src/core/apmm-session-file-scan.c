/* apmm-session-file-scan.c — bytes to JSON: one strict pass that builds the tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first steps of loading, each able to refuse the input with one
 * translated line: size, emptiness, then a strict non-recursive scan of the
 * JSON text (syntax, nesting depth, string length, duplicate keys, numbers
 * that json-glib would silently wrap, UTF-8 inside strings) that builds the
 * JsonNode tree as it goes, the same tree json-glib's parser would build. A
 * refused input is checked for NUL bytes and invalid UTF-8 before the scan's
 * own message is given, so an encoding problem is always named first.
 */
#define G_LOG_DOMAIN "apmm-session-file"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "apmm-session-file-private.h"

/* ------------------------------------------------------------------------ */
/* The strict scan, building the tree                                        */
/* ------------------------------------------------------------------------ */

/* json-glib 1.6 recurses without limit, wraps integers that overflow, turns
 * 1e999 into "inf", accepts comments, single quotes and "var x =", keeps the
 * last of duplicate keys and decodes lone surrogates into invalid UTF-8. This
 * scan walks the text once with an explicit stack and refuses all of it.
 * What it accepts is plain RFC 8259 JSON, and it builds the tree that
 * json_parser_load_from_data () would: the same node and value types
 * (numbers without a fraction or an exponent are int64, the others double,
 * as json-glib's scanner decides), members in file order, each node's parent
 * set. Parsing the text a second time with json-glib, as the reader once
 * did, was two thirds of reading a large session;
 * tests/test-session-file-scan.c and the fuzzer compare the two trees. */

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
  char       *key;       /* objects: the member being read */
  JsonNode   *node;      /* the object or array node being filled */
  JsonObject *object;    /* objects: the node's object */
  JsonArray  *array;     /* arrays: the node's array */
} ScanFrame;

typedef struct {
  const char  *data;
  gsize        len;
  gsize        pos;
  gsize        line;
  gsize        line_start;
  gsize        offset;   /* of data in the file: the byte order mark skipped */
  ScanFrame    frames[APMM_SESSION_MAX_DEPTH];
  guint        depth;
  ScanState    state;
  GString     *text;     /* the string being read, unescaped */
  JsonNode    *root;
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

static gboolean
scan_fail_too_long (Scanner *sc,
                    gsize    start)
{
  g_autofree char *reason =
    g_strdup_printf (_("a string is longer than the limit of %d KiB"), APMM_SESSION_MAX_STRING / 1024);

  return scan_fail_at (sc, APMM_SESSION_ERROR_TOO_LARGE, start, reason);
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
    g_clear_pointer (&sc->frames[i].key, g_free);
  sc->depth = 0;
  g_string_free (sc->text, TRUE);
  sc->text = NULL;
}

/* Hands a new value to the object member or array element being read, or
 * makes it the root. The scanner keeps no reference of its own. */
static void
scan_place (Scanner  *sc,
            JsonNode *node)
{
  ScanFrame *frame;

  if (sc->depth == 0)
    {
      g_assert (sc->root == NULL);
      sc->root = node;
      return;
    }

  frame = &sc->frames[sc->depth - 1];
  json_node_set_parent (node, frame->node);
  if (frame->is_object)
    json_object_set_member (frame->object, frame->key, node);
  else
    json_array_add_element (frame->array, node);
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
scan_unicode_escape (Scanner *sc)
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

  g_string_append_unichar (sc->text, unit);

  return TRUE;
}

/* An escape at sc->pos (on the backslash). */
static gboolean
scan_escape (Scanner *sc)
{
  static const char simple_in[] = "\"\\/bfnrt";
  static const char simple_out[] = "\"\\/\b\f\n\r\t";
  const char *found;
  char c;

  if (sc->pos + 1 >= sc->len)
    return scan_fail (sc, _("the file ends inside a string"));

  c = sc->data[sc->pos + 1];
  if (c == 'u')
    return scan_unicode_escape (sc);

  found = c != '\0' ? strchr (simple_in, c) : NULL;
  if (found == NULL)
    return scan_fail (sc, _("unknown escape sequence in a string"));

  g_string_append_c (sc->text, simple_out[found - simple_in]);
  sc->pos += 2;

  return TRUE;
}

/* The length of the well-formed UTF-8 character at sc->pos (a byte of 0x80
 * or more), as g_utf8_validate () judges it (no overlong forms, surrogates
 * or code points past U+10FFFF), or 0. */
static guint
utf8_char_length (Scanner *sc)
{
  const guchar *p = (const guchar *) sc->data + sc->pos;
  gsize left = sc->len - sc->pos;
  guchar lo = 0x80, hi = 0xbf;
  guint n;

  if (p[0] >= 0xc2 && p[0] <= 0xdf)
    n = 2;
  else if (p[0] >= 0xe0 && p[0] <= 0xef)
    {
      n = 3;
      if (p[0] == 0xe0)
        lo = 0xa0;
      else if (p[0] == 0xed)
        hi = 0x9f;
    }
  else if (p[0] >= 0xf0 && p[0] <= 0xf4)
    {
      n = 4;
      if (p[0] == 0xf0)
        lo = 0x90;
      else if (p[0] == 0xf4)
        hi = 0x8f;
    }
  else
    return 0;

  if (left < n || p[1] < lo || p[1] > hi)
    return 0;
  for (guint i = 2; i < n; i++)
    if (p[i] < 0x80 || p[i] > 0xbf)
      return 0;

  return n;
}

#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

/* Whether any of the eight bytes in @w is a quote, a backslash, a control
 * character or part of a multi-byte character: the bit tricks for "has a
 * zero byte" and "has a byte less than n", which never miss one. */
static inline gboolean
word_is_plain (guint64 w)
{
  guint64 quote = w ^ (ONES * '"');
  guint64 backslash = w ^ (ONES * '\\');
  guint64 special = ((w - ONES * 0x20) & ~w)
                    | ((quote - ONES) & ~quote)
                    | ((backslash - ONES) & ~backslash)
                    | w;

  return (special & HIGHS) == 0;
}

static inline gboolean
byte_is_plain (guchar c)
{
  return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

/* The end of the run of plain characters (no escape, no quote, ASCII) that
 * starts at @pos, eight bytes at a time while it can: most of a session
 * file's bytes are such runs inside long strings. */
static gsize
plain_run_end (Scanner *sc,
               gsize    pos)
{
  while (pos + 8 <= sc->len)
    {
      guint64 w;

      memcpy (&w, sc->data + pos, 8);
      if (!word_is_plain (w))
        break;
      pos += 8;
    }
  while (pos < sc->len && byte_is_plain ((guchar) sc->data[pos]))
    pos++;

  return pos;
}

/* A string at sc->pos (on the opening quote); its value, unescaped, is left
 * in sc->text. The limit is on the string's value, in UTF-8 bytes after
 * unescaping, as the writer measures it: a string of exactly
 * APMM_SESSION_MAX_STRING bytes is accepted, however it is escaped. The
 * limit is checked after each run of plain characters and before each other
 * character: a plain character is never refused, so this gives the answer
 * checking before every character would, and a string over the limit is
 * refused for its length, not for what comes after the limit. */
static gboolean
scan_string (Scanner *sc)
{
  gsize start = sc->pos;

  g_string_truncate (sc->text, 0);
  sc->pos++;
  for (;;)
    {
      gsize run_end = plain_run_end (sc, sc->pos);
      guchar c;

      if (run_end > sc->pos)
        {
          if (sc->text->len + (run_end - sc->pos) > APMM_SESSION_MAX_STRING)
            return scan_fail_too_long (sc, start);
          g_string_append_len (sc->text, sc->data + sc->pos, (gssize) (run_end - sc->pos));
          sc->pos = run_end;
        }

      if (sc->text->len > APMM_SESSION_MAX_STRING)
        return scan_fail_too_long (sc, start);
      if (sc->pos == sc->len)
        return scan_fail_at (sc, APMM_SESSION_ERROR_SYNTAX, start, _("the file ends inside a string"));

      c = (guchar) sc->data[sc->pos];
      if (c == '"')
        {
          sc->pos++;
          return TRUE;
        }
      else if (c == '\\')
        {
          if (!scan_escape (sc))
            return FALSE;
        }
      else if (c < 0x20)
        {
          return scan_fail (sc, _("a control character inside a string must be written as an escape"));
        }
      else
        {
          guint n = utf8_char_length (sc);

          /* The message check_encoding () gives; apmm_sf_parse_json ()
           * still looks for a NUL byte further on, which comes first. */
          if (n == 0)
            {
              g_set_error (sc->error, APMM_SESSION_ERROR, APMM_SESSION_ERROR_ENCODING,
                           _("The file is not valid UTF-8 text (invalid byte at offset %zu)"),
                           sc->offset + sc->pos);
              return FALSE;
            }
          g_string_append_len (sc->text, sc->data + sc->pos, n);
          sc->pos += n;
        }
    }
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

/* A whole number without a fraction or an exponent, as json-glib stores it,
 * when it fits a 64-bit integer. */
static gboolean
integer_value (const char *text,
               gsize       len,
               gint64     *value)
{
  gboolean negative = text[0] == '-';
  guint64 limit = negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64;
  guint64 magnitude = 0;

  for (gsize i = negative ? 1 : 0; i < len; i++)
    {
      guint digit = (guint) (text[i] - '0');

      if (magnitude > (limit - digit) / 10)
        return FALSE;
      magnitude = magnitude * 10 + digit;
    }

  if (!negative)
    *value = (gint64) magnitude;
  else if (magnitude == limit)
    *value = G_MININT64;
  else
    *value = -(gint64) magnitude;

  return TRUE;
}

static gboolean
scan_number (Scanner *sc)
{
  gsize start = sc->pos;
  gboolean is_integer = TRUE;
  char text[MAX_NUMBER_LENGTH + 1];
  gint64 integer;
  double real;

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

  if (is_integer)
    {
      if (!integer_value (sc->data + start, sc->pos - start, &integer))
        return scan_fail_at (sc, APMM_SESSION_ERROR_SYNTAX, start, _("a number is out of range"));
      scan_place (sc, json_node_init_int (json_node_alloc (), integer));
      return TRUE;
    }

  /* json-glib reads the digits with g_strtod () and negates the result; in
   * every locale that is the correctly rounded value g_ascii_strtod () gives,
   * -0.0 included. */
  memcpy (text, sc->data + start, sc->pos - start);
  text[sc->pos - start] = '\0';
  real = g_ascii_strtod (text, NULL);
  if (!isfinite (real))
    return scan_fail_at (sc, APMM_SESSION_ERROR_SYNTAX, start, _("a number is out of range"));
  scan_place (sc, json_node_init_double (json_node_alloc (), real));

  return TRUE;
}

static gboolean
scan_literal (Scanner *sc)
{
  gsize left = sc->len - sc->pos;
  const char *p = sc->data + sc->pos;

  if (left >= 4 && memcmp (p, "true", 4) == 0)
    {
      scan_place (sc, json_node_init_boolean (json_node_alloc (), TRUE));
      sc->pos += 4;
    }
  else if (left >= 5 && memcmp (p, "false", 5) == 0)
    {
      scan_place (sc, json_node_init_boolean (json_node_alloc (), FALSE));
      sc->pos += 5;
    }
  else if (left >= 4 && memcmp (p, "null", 4) == 0)
    {
      scan_place (sc, json_node_init_null (json_node_alloc ()));
      sc->pos += 4;
    }
  else
    {
      return scan_fail (sc, _("expected a value (an object, array, string, number, true, false or null)"));
    }

  return TRUE;
}

static gboolean
scan_push (Scanner  *sc,
           gboolean  is_object)
{
  ScanFrame *frame;
  JsonNode *node;

  if (sc->depth == APMM_SESSION_MAX_DEPTH)
    {
      g_autofree char *reason =
        g_strdup_printf (_("values are nested deeper than the limit of %d levels"),
                         APMM_SESSION_MAX_DEPTH);
      return scan_fail_at (sc, APMM_SESSION_ERROR_TOO_DEEP, sc->pos, reason);
    }

  /* The container joins its parent now, empty: a member's place among its
   * siblings is its key's, whenever its value is complete. */
  node = json_node_alloc ();
  if (is_object)
    json_node_take_object (json_node_init (node, JSON_NODE_OBJECT), json_object_new ());
  else
    json_node_take_array (json_node_init (node, JSON_NODE_ARRAY), json_array_new ());
  scan_place (sc, node);

  frame = &sc->frames[sc->depth++];
  frame->is_object = is_object;
  frame->index = 0;
  frame->key = NULL;
  frame->node = node;
  frame->object = is_object ? json_node_get_object (node) : NULL;
  frame->array = is_object ? NULL : json_node_get_array (node);
  sc->pos++;
  sc->state = is_object ? SCAN_KEY_OR_CLOSE : SCAN_VALUE_OR_CLOSE;

  return TRUE;
}

static void
scan_pop (Scanner *sc)
{
  ScanFrame *frame = &sc->frames[--sc->depth];

  g_clear_pointer (&frame->key, g_free);
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
    {
      if (!scan_string (sc))
        return FALSE;
      scan_place (sc, json_node_init_string (json_node_alloc (), sc->text->str));
      return TRUE;
    }
  if (c == '-' || g_ascii_isdigit (c))
    return scan_number (sc);

  return scan_literal (sc);
}

/* A member name. The object being filled already holds every earlier
 * member, so it is its own set of the names seen. */
static gboolean
scan_key (Scanner *sc)
{
  ScanFrame *frame = &sc->frames[sc->depth - 1];
  gsize start = sc->pos;

  if (sc->data[sc->pos] != '"')
    return scan_fail (sc, _("expected a member name in double quotes"));
  if (!scan_string (sc))
    return FALSE;

  if (json_object_has_member (frame->object, sc->text->str))
    {
      g_autofree char *label = apmm_sf_label (sc->text->str);
      g_autofree char *path = scanner_path (sc, sc->depth - 1);
      g_autofree char *reason = NULL;

      if (sc->depth == 1)
        reason = g_strdup_printf (_("duplicate key “%s” at the top level"), label);
      else
        reason = g_strdup_printf (_("duplicate key “%s” in %s"), label, path);
      return scan_fail_at (sc, APMM_SESSION_ERROR_SYNTAX, start, reason);
    }

  g_free (frame->key);
  frame->key = g_strndup (sc->text->str, sc->text->len);
  sc->state = SCAN_COLON;

  return TRUE;
}

/* The participant and action limits are checked here, as the file is
 * scanned, so that a file with 100,000 participants is refused before a
 * tree of them is built. The reader checks them again, with the same
 * message, for sessions that come from elsewhere. @seen is how many
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

/* The tree of the document, or NULL with the scan's error. Only on success
 * is every byte known to be valid UTF-8 without NULs. */
static JsonNode *
scan_document (const char  *data,
               gsize        len,
               gsize        offset,
               GError     **error)
{
  Scanner sc = { .data = data, .len = len, .offset = offset, .line = 1, .state = SCAN_VALUE,
                 .error = error };
  gboolean ok = TRUE;

  sc.text = g_string_sized_new (256);
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
  if (!ok)
    g_clear_pointer (&sc.root, json_node_unref);

  return sc.root;
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
  g_autoptr(GError) scan_error = NULL;
  gsize len = 0, bom = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  JsonNode *root;

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

  /* A byte order mark is not JSON, but editors on some systems add one. */
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    bom = 3;

  /* The scan validates UTF-8 where JSON allows anything but ASCII, inside
   * strings, and refuses NUL bytes and any other byte elsewhere: what it
   * accepts is valid UTF-8 without NULs, so the whole buffer is validated
   * again only for a refused file, for the message that names the
   * encoding problem first, as it always has. */
  root = scan_document (data + bom, len - bom, bom, &scan_error);
  if (root == NULL)
    {
      if (check_encoding (data, len, error))
        g_propagate_error (error, g_steal_pointer (&scan_error));
      return NULL;
    }

  return root;
}
