/* test-session-file-scan.c — the reader's JSON tree is json-glib's, byte for byte
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The strict scan (src/core/apmm-session-file-scan.c) builds the JsonNode
 * tree itself instead of letting json-glib parse the text a second time.
 * Every file it accepts must give exactly the tree json-glib 1.6 gives
 * (json-tree-identical.h: types, int64 against double, the bits of each
 * double, string bytes, member order, parents): the examples, the test data,
 * the fuzz corpus and inputs chosen to be tricky. And it must refuse what it
 * refused before, with the same messages: encoding problems first, wherever
 * the scan stopped.
 */
#include "config.h"

#include <string.h>

#include "apmm-session-file-private.h"
#include "json-tree-identical.h"

/* --- Helpers ------------------------------------------------------------ */

/* The tree json-glib's parser builds, the byte order mark skipped as the
 * reader does. */
static JsonNode *
json_glib_tree (const char *data,
                gsize       len)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      len -= 3;
    }
  json_parser_load_from_data (parser, data, (gssize) len, &error);
  g_assert_no_error (error);

  return json_parser_steal_root (parser);
}

static void
assert_same_tree_len (const char *data,
                      gsize       len,
                      const char *what)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) ours = apmm_sf_parse_json (bytes, &error);
  g_autoptr(JsonNode) theirs = NULL;
  g_autofree char *difference = NULL;

  if (ours == NULL)
    g_error ("%s: refused: %s", what, error->message);
  theirs = json_glib_tree (data, len);
  g_assert_nonnull (theirs);
  g_assert_null (json_node_get_parent (ours));
  difference = json_tree_difference (ours, theirs, "");
  if (difference != NULL)
    g_error ("%s: the trees differ at %s", what, difference);
}

static void
assert_same_tree (const char *text)
{
  assert_same_tree_len (text, strlen (text), text);
}

static void
assert_refused_len (const char *data,
                    gsize       len,
                    int         code,
                    const char *message)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = apmm_sf_parse_json (bytes, &error);

  g_assert_null (root);
  g_assert_error (error, APMM_SESSION_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
assert_refused (const char *text,
                int         code,
                const char *message)
{
  assert_refused_len (text, strlen (text), code, message);
}

static void
assert_folder_same_trees (const char *folder,
                          gboolean    all_accepted)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (folder, 0, &error);
  const char *name;
  guint compared = 0;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *data = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(JsonNode) root = NULL;
      gsize len = 0;

      if (!g_str_has_suffix (name, ".apmm") && !g_str_has_suffix (name, ".json") && all_accepted)
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        continue;
      g_file_get_contents (path, &data, &len, &error);
      g_assert_no_error (error);

      /* The corpus holds refused inputs too: those are compared where the
       * reader accepts them. */
      bytes = g_bytes_new_static (data, len);
      root = apmm_sf_parse_json (bytes, NULL);
      if (root == NULL && !all_accepted)
        continue;
      assert_same_tree_len (data, len, path);
      compared++;
    }
  g_assert_cmpuint (compared, >, 0);
}

/* --- Trees of whole files ------------------------------------------------ */

static void
test_tree_examples (void)
{
  assert_folder_same_trees (SRC_ROOT "/data/examples", TRUE);
}

static void
test_tree_test_data (void)
{
  assert_folder_same_trees (TEST_DATA_DIR, TRUE);
  assert_folder_same_trees (TEST_DATA_DIR "/groups", TRUE);
  assert_folder_same_trees (TEST_DATA_DIR "/bad", FALSE);
  assert_folder_same_trees (SRC_ROOT "/tests/fuzz/corpus", FALSE);
}

/* --- Tricky inputs -------------------------------------------------------- */

static void
test_tree_strings (void)
{
  static const char * const texts[] = {
    "{\"a\": \"\"}",
    "{\"\": \"empty key\"}",
    "[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"]",
    "[\"\\u0041\\u00e9\\u20ac\\uFFFF\\uFEFF\\u001f\\u0001\"]",
    "[\"\\ud83d\\ude00 and \\uD834\\uDD1E\", \"\\udbff\\udfff\"]",
    "[\"é € 😀 \xef\xbf\xbf \xf4\x8f\xbf\xbf ß\"]",
    "{\"ключ\": \"значение\", \"键\": \"值\", \"\\u006b\": 1}",
    "[\"tab\\tin the middle of a longer string that spans several words\"]",
    "\"a string at the root\"",
    "\xef\xbb\xbf{\"bom\": true}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_same_tree (texts[i]);
}

/* Each special character (an escape, a quote, a multi-byte character) at
 * every position of strings up to 24 bytes, so that every offset in and
 * around the scan's eight-byte steps is crossed. */
static void
test_tree_string_offsets (void)
{
  static const char * const specials[] = { "\\\"", "\\\\", "\\n", "\\u00e9", "é", "€", "😀", "\\ud83d\\ude00",
                                           "\x7f", " ", "~", "!", "#", "[", "]" };

  for (guint s = 0; s < G_N_ELEMENTS (specials); s++)
    for (guint before = 0; before < 24; before++)
      for (guint after = 0; after < 10; after++)
        {
          g_autofree char *a = g_strnfill (before, 'x');
          g_autofree char *b = g_strnfill (after, 'y');
          g_autofree char *text = g_strdup_printf ("{\"k%s%s%s\": [\"%s%s%s\"]}",
                                                   a, specials[s], b, a, specials[s], b);

          assert_same_tree (text);
        }
}

static void
test_tree_numbers (void)
{
  static const char * const texts[] = {
    "[0, -0, 1, -1, 7, 10, 42, 1234567890123]",
    "[9223372036854775807, -9223372036854775808, -9223372036854775807]",
    "[0.0, -0.0, -0, -0e0, 0e5, 0.5, -0.5, 1.0, 1.5, 100.25]",
    "[1e2, 1E2, 1e+2, 1e-2, 1.5e3, -1.5e-7, 2E-3, 0.1, 0.2, 0.3]",
    "[1e-400, -1e-400, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308]",
    "[-1.7976931348623157e308, 4.9406564584124654e-324, 123456789012345678901234567890.0]",
    "[9223372036854775808.0, 9223372036854775807e0, 0.30000000000000004, 3.141592653589793]",
    "[1.00000000000000011102230246251565404236316680908203125]",
    "42",
    "-0.0",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_same_tree (texts[i]);
}

static void
test_tree_structure (void)
{
  static const char * const texts[] = {
    "{}",
    "[]",
    "[[], {}, [[]], {\"a\": {}}, [{}]]",
    "{\"a\": [], \"b\": {}, \"c\": null, \"d\": true, \"e\": false}",
    "[true, false, null, \"null\", 0]",
    " \r\n\t{ \"a\" : [ 1 , 2 ] , \"b\" :\n\"c\" } \r\n\t",
    "{\"z\": 1, \"a\": 2, \"m\": {\"y\": 3, \"b\": 4}, \"A\": 5}",
    "true",
    "null",
  };
  g_autoptr(GString) deep = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_same_tree (texts[i]);

  /* Nesting up to the limit, arrays and objects alternating. */
  for (guint i = 0; i < APMM_SESSION_MAX_DEPTH; i++)
    g_string_append (deep, i % 2 == 0 ? "{\"k\": " : "[1, ");
  g_string_append (deep, "\"bottom\"");
  for (guint i = APMM_SESSION_MAX_DEPTH; i > 0; i--)
    g_string_append (deep, (i - 1) % 2 == 0 ? "}" : "]");
  assert_same_tree (deep->str);
}

/* A long string at the limit, escaped and not, and a file of many. */
static void
test_tree_long_strings (void)
{
  g_autoptr(GString) text = g_string_new ("{\"plain\": \"");
  g_autofree char *fill = g_strnfill (APMM_SESSION_MAX_STRING, 'a');

  g_string_append (text, fill);
  g_string_append (text, "\", \"escaped\": \"");
  for (guint i = 0; i < APMM_SESSION_MAX_STRING / 2; i++)
    g_string_append (text, "\\u00e9");
  g_string_append (text, "\", \"list\": [");
  for (guint i = 0; i < 200; i++)
    g_string_append_printf (text, "%s\"%u %.*s\"", i == 0 ? "" : ", ", i, (int) (i * 37 % 3000), fill);
  g_string_append (text, "]}");
  assert_same_tree (text->str);
}

/* --- Refusals, unchanged ------------------------------------------------- */

/* The whole file is checked for NUL bytes and UTF-8 only when the scan
 * refuses it: the encoding message must still win over the scan's own,
 * wherever each problem is. */
static void
test_refused_encoding_first (void)
{
  /* A syntax error, then an invalid byte. */
  assert_refused ("{,\"a\": \"\xff\"}", APMM_SESSION_ERROR_ENCODING,
                  "The file is not valid UTF-8 text (invalid byte at offset 8)");
  /* An invalid byte outside a string. */
  assert_refused ("[1, \xff]", APMM_SESSION_ERROR_ENCODING,
                  "The file is not valid UTF-8 text (invalid byte at offset 4)");
  /* An invalid byte in a string, then a NUL byte: the NUL comes first. */
  assert_refused_len ("[\"\xc3\", 1]\0", 9, APMM_SESSION_ERROR_ENCODING,
                      "The file contains a NUL byte at offset 8; it is not a text file");
  /* A string over the limit, then an invalid byte. */
  {
    g_autofree char *fill = g_strnfill (APMM_SESSION_MAX_STRING + 1, 'a');
    g_autofree char *text = g_strdup_printf ("[\"%s\", \"\xe2\x82\"]", fill);

    assert_refused (text, APMM_SESSION_ERROR_ENCODING,
                    "The file is not valid UTF-8 text (invalid byte at offset 65543)");
  }
  /* Offsets count the byte order mark. */
  assert_refused ("\xef\xbb\xbf[\"\xc0\xaf\"]", APMM_SESSION_ERROR_ENCODING,
                  "The file is not valid UTF-8 text (invalid byte at offset 5)");
}

static void
test_refused_utf8_in_strings (void)
{
  static const struct { const char *text; const char *message; } cases[] = {
    { "[\"ab\xc0\xaf\"]", "The file is not valid UTF-8 text (invalid byte at offset 4)" },        /* overlong */
    { "[\"ab\xe0\x80\xaf\"]", "The file is not valid UTF-8 text (invalid byte at offset 4)" },    /* overlong */
    { "[\"ab\xed\xa0\x80\"]", "The file is not valid UTF-8 text (invalid byte at offset 4)" },    /* a surrogate */
    { "[\"ab\xf4\x90\x80\x80\"]", "The file is not valid UTF-8 text (invalid byte at offset 4)" },/* past U+10FFFF */
    { "[\"ab\xf8\x88\x80\x80\x80\"]", "The file is not valid UTF-8 text (invalid byte at offset 4)" },
    { "[\"abcdefghijklm\x80\"]", "The file is not valid UTF-8 text (invalid byte at offset 15)" },
    { "[\"abc\xc3", "The file is not valid UTF-8 text (invalid byte at offset 5)" },           /* cut short */
    { "[\"abc\xe2\x82z\"]", "The file is not valid UTF-8 text (invalid byte at offset 5)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_refused (cases[i].text, APMM_SESSION_ERROR_ENCODING, cases[i].message);
}

/* A raw control character at every offset around the eight-byte steps. */
static void
test_refused_control_characters (void)
{
  static const char controls[] = { '\x01', '\x1f', '\t', '\n', '\r' };

  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    for (guint before = 0; before < 24; before++)
      {
        g_autofree char *fill = g_strnfill (before, 'x');
        g_autofree char *text = g_strdup_printf ("[\"%s%cyyyyyyyyy\"]", fill, controls[i]);
        g_autofree char *message =
          g_strdup_printf ("Not valid JSON at line 1, column %u: a control character inside a "
                           "string must be written as an escape", before + 3);

        assert_refused (text, APMM_SESSION_ERROR_SYNTAX, message);
      }
}

/* The string limit is checked before each character that is not plain, so
 * a control character or a bad escape just at the limit is named, and one
 * just past it is not. */
static void
test_refused_string_limit_edges (void)
{
  g_autofree char *at = g_strnfill (APMM_SESSION_MAX_STRING, 'a');
  g_autofree char *over = g_strnfill (APMM_SESSION_MAX_STRING + 1, 'a');
  g_autofree char *at_control = g_strdup_printf ("[\"%s\x01\"]", at);
  g_autofree char *over_control = g_strdup_printf ("[\"%s\x01\"]", over);
  g_autofree char *at_escape = g_strdup_printf ("[\"%s\\x\"]", at);
  g_autofree char *straddling = g_strdup_printf ("[\"%.*sé\"]", APMM_SESSION_MAX_STRING - 1, at);
  g_autofree char *unterminated = g_strdup_printf ("[\"%s", at);
  g_autofree char *unterminated_over = g_strdup_printf ("[\"%s", over);
  g_autofree char *escape_over = g_strdup_printf ("[\"%.*s\\u00e9\"]", APMM_SESSION_MAX_STRING - 1, at);
  g_autofree char *accepted = g_strdup_printf ("[\"%.*s\\u00e9\"]", APMM_SESSION_MAX_STRING - 2, at);
  const char *too_long = "Not valid JSON at line 1, column 2: a string is longer than the limit of 64 KiB";

  assert_refused (at_control, APMM_SESSION_ERROR_SYNTAX,
                  "Not valid JSON at line 1, column 65539: a control character inside a string must be written as an escape");
  assert_refused (over_control, APMM_SESSION_ERROR_TOO_LARGE, too_long);
  assert_refused (at_escape, APMM_SESSION_ERROR_SYNTAX,
                  "Not valid JSON at line 1, column 65539: unknown escape sequence in a string");
  assert_refused (straddling, APMM_SESSION_ERROR_TOO_LARGE, too_long);
  assert_refused (unterminated, APMM_SESSION_ERROR_SYNTAX,
                  "Not valid JSON at line 1, column 2: the file ends inside a string");
  assert_refused (unterminated_over, APMM_SESSION_ERROR_TOO_LARGE, too_long);
  assert_refused (escape_over, APMM_SESSION_ERROR_TOO_LARGE, too_long);
  assert_same_tree (accepted);
}

static void
test_refused_numbers (void)
{
  assert_refused ("[9223372036854775808]", APMM_SESSION_ERROR_SYNTAX,
                  "Not valid JSON at line 1, column 2: a number is out of range");
  assert_refused ("[-9223372036854775809]", APMM_SESSION_ERROR_SYNTAX,
                  "Not valid JSON at line 1, column 2: a number is out of range");
  assert_refused ("[99999999999999999999999]", APMM_SESSION_ERROR_SYNTAX,
                  "Not valid JSON at line 1, column 2: a number is out of range");
  assert_refused ("[1e400]", APMM_SESSION_ERROR_SYNTAX,
                  "Not valid JSON at line 1, column 2: a number is out of range");
  assert_refused ("[-1e400]", APMM_SESSION_ERROR_SYNTAX,
                  "Not valid JSON at line 1, column 2: a number is out of range");
  assert_refused ("[01]", APMM_SESSION_ERROR_SYNTAX,
                  "Not valid JSON at line 1, column 3: expected “,” or “]”");
  assert_refused ("[-]", APMM_SESSION_ERROR_SYNTAX,
                  "Not valid JSON at line 1, column 3: expected a digit");
  assert_refused ("[1.]", APMM_SESSION_ERROR_SYNTAX,
                  "Not valid JSON at line 1, column 4: expected a digit after the decimal point");
  assert_refused ("[1e]", APMM_SESSION_ERROR_SYNTAX,
                  "Not valid JSON at line 1, column 4: expected a digit in the exponent");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/session-file-scan/tree/examples", test_tree_examples);
  g_test_add_func ("/session-file-scan/tree/test-data", test_tree_test_data);
  g_test_add_func ("/session-file-scan/tree/strings", test_tree_strings);
  g_test_add_func ("/session-file-scan/tree/string-offsets", test_tree_string_offsets);
  g_test_add_func ("/session-file-scan/tree/numbers", test_tree_numbers);
  g_test_add_func ("/session-file-scan/tree/structure", test_tree_structure);
  g_test_add_func ("/session-file-scan/tree/long-strings", test_tree_long_strings);
  g_test_add_func ("/session-file-scan/refused/encoding-first", test_refused_encoding_first);
  g_test_add_func ("/session-file-scan/refused/utf8-in-strings", test_refused_utf8_in_strings);
  g_test_add_func ("/session-file-scan/refused/control-characters", test_refused_control_characters);
  g_test_add_func ("/session-file-scan/refused/string-limit-edges", test_refused_string_limit_edges);
  g_test_add_func ("/session-file-scan/refused/numbers", test_refused_numbers);

  return g_test_run ();
}
