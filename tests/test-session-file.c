/* test-session-file.c — loading, validating and saving session files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every bad-input category of the file format has its own case, asserting
 * both the error code and that the one-line message names the place or the
 * reason. The suite runs with fatal warnings and criticals, so a loader that
 * logged instead of failing cleanly would abort here.
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "apmm-session-file.h"
#include "apmm-session-private.h"

static const char * const examples[] = {
  "northwind-logistics.apmm",
  "meridian-insurance.apmm",
  "halcyon-health.apmm",
};

/* --- Helpers ------------------------------------------------------------ */

static ApmmSession *
load_string (const char  *text,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return apmm_session_load_bytes (bytes, error);
}

static ApmmSession *
load_fixture (const char  *name,
              GError     **error)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "bad", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return apmm_session_load_file (file, NULL, error);
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (data, len);
}

/* Asserts the error, that its message contains @needle and that it is one line. */
static void
assert_refused (ApmmSession *session,
                GError      *error,
                int          code,
                const char  *needle)
{
  g_assert_null (session);
  g_assert_error (error, APMM_SESSION_ERROR, code);
  if (strstr (error->message, needle) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, needle);
  g_assert_null (strchr (error->message, '\n'));
}

static void
assert_fixture_refused (const char *name,
                        int         code,
                        const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmSession) session = load_fixture (name, &error);

  assert_refused (session, error, code, needle);
}

static void
assert_string_refused (const char *text,
                       int         code,
                       const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmSession) session = load_string (text, &error);

  assert_refused (session, error, code, needle);
}

#define HEADER "{\"format\": \"apmm-session\", \"version\": 1, \"model\": \"apmm-1\""

/* --- Bad input, one case per category ------------------------------------ */

static void
test_not_json (void)
{
  assert_fixture_refused ("not-json.apmm", APMM_SESSION_ERROR_SYNTAX, "line 1, column 1");
}

static void
test_truncated (void)
{
  assert_fixture_refused ("truncated.apmm", APMM_SESSION_ERROR_SYNTAX, "truncated");
  assert_string_refused (HEADER ", \"organisation\": \"Meri", APMM_SESSION_ERROR_SYNTAX,
                         "ends inside a string");
}

static void
test_empty (void)
{
  assert_fixture_refused ("empty.apmm", APMM_SESSION_ERROR_EMPTY, "empty");
  assert_string_refused ("  \n\t ", APMM_SESSION_ERROR_EMPTY, "empty");
}

static void
test_array_root (void)
{
  assert_fixture_refused ("array-root.apmm", APMM_SESSION_ERROR_INVALID, "holds an array");
  assert_string_refused ("\"apmm-session\"", APMM_SESSION_ERROR_INVALID, "holds a string");
}

static void
test_wrong_types (void)
{
  assert_fixture_refused ("wrong-type.apmm", APMM_SESSION_ERROR_INVALID, "organisation: expected a string");
  assert_string_refused ("{\"format\": \"apmm-session\", \"version\": \"1\", \"model\": \"apmm-1\"}",
                         APMM_SESSION_ERROR_INVALID, "version: expected a whole number");
  assert_string_refused (HEADER ", \"participants\": [{\"name\": \"Ada\"}, {\"name\": 3}]}",
                         APMM_SESSION_ERROR_INVALID, "participants › 2 › name: expected a string");
  assert_string_refused (HEADER ", \"ratings\": []}", APMM_SESSION_ERROR_INVALID,
                         "ratings: expected an object");
  assert_string_refused (HEADER ", \"votes\": {\"hidden\": \"yes\"}}", APMM_SESSION_ERROR_INVALID,
                         "votes › hidden: expected true or false");
  assert_string_refused (HEADER ", \"roadmap\": [{\"id\": \"a1\", \"criteria\": \"l3.rollback\"}]}",
                         APMM_SESSION_ERROR_INVALID, "roadmap › 1 › criteria: expected an array");
  assert_string_refused (HEADER ", \"gaps\": {\"l3.rollback\": {\"impact\": 2.5}}}",
                         APMM_SESSION_ERROR_INVALID, "gaps › l3.rollback › impact: expected a whole number from 1 to 3");
}

static void
test_unknown_enum (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmSession) session = load_fixture ("unknown-status.apmm", &error);

  g_assert_null (session);
  g_assert_error (error, APMM_SESSION_ERROR, APMM_SESSION_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "ratings › l3.rollback › status: expected one of met, partly, not-met, unknown");

  assert_string_refused (HEADER ", \"roadmap\": [{\"id\": \"a1\", \"horizon\": \"soon\"}]}",
                         APMM_SESSION_ERROR_INVALID, "roadmap › 1 › horizon: expected one of 30-days, quarter, later");
  assert_string_refused (HEADER ", \"roadmap\": [{\"id\": \"a1\", \"status\": \"Done\"}]}",
                         APMM_SESSION_ERROR_INVALID, "roadmap › 1 › status: expected one of planned");
}

static void
test_out_of_range (void)
{
  assert_fixture_refused ("level-out-of-range.apmm", APMM_SESSION_ERROR_INVALID,
                          "target_level: expected a whole number from 1 to 4, or null");
  assert_string_refused (HEADER ", \"target_level\": 0}", APMM_SESSION_ERROR_INVALID, "target_level");
  assert_string_refused (HEADER ", \"perceived_level\": -1}", APMM_SESSION_ERROR_INVALID,
                         "perceived_level: expected a whole number from 0 to 4, or null");
  assert_string_refused (HEADER ", \"participants\": [{\"name\": \"Ada\", \"perceived_level\": 5}]}",
                         APMM_SESSION_ERROR_INVALID, "participants › 1 › perceived_level");
  assert_string_refused (HEADER ", \"gaps\": {\"l2.live-real-data\": {\"effort\": 4}}}",
                         APMM_SESSION_ERROR_INVALID, "gaps › l2.live-real-data › effort");
  assert_string_refused (HEADER ", \"votes\": {\"anonymous\": [0, 1, 2]}}",
                         APMM_SESSION_ERROR_INVALID, "votes › anonymous: expected 5 whole numbers");
  assert_string_refused (HEADER ", \"date\": \"2026-02-30\"}", APMM_SESSION_ERROR_INVALID,
                         "date: expected a date written YYYY-MM-DD");
  assert_string_refused (HEADER ", \"roadmap\": [{\"id\": \"a1\", \"due\": \"next week\"}]}",
                         APMM_SESSION_ERROR_INVALID, "roadmap › 1 › due");
  assert_string_refused (HEADER ", \"ratings\": {\"l1.budget-allocated\": {\"status\": \"met\", "
                         "\"confirmed_at\": \"yesterday\"}}}",
                         APMM_SESSION_ERROR_INVALID, "ratings › l1.budget-allocated › confirmed_at");
}

static void
test_unknown_ids (void)
{
  assert_fixture_refused ("unknown-criterion.apmm", APMM_SESSION_ERROR_INVALID,
                          "ratings › l5.telepathy: unknown criterion");
  assert_string_refused (HEADER ", \"gaps\": {\"l3.Rollback\": {}}}", APMM_SESSION_ERROR_INVALID,
                         "gaps › l3.Rollback: unknown criterion");
  assert_string_refused (HEADER ", \"prompts\": {\"budget\": {\"notes\": \"\"}}}", APMM_SESSION_ERROR_INVALID,
                         "prompts › budget: unknown prompt");
  assert_string_refused (HEADER ", \"gap_order\": [\"l3.rollback\", \"l9.x\"]}", APMM_SESSION_ERROR_INVALID,
                         "gap_order › 2: expected a criterion id");
  assert_string_refused (HEADER ", \"roadmap\": [{\"id\": \"a1\"}, {\"id\": \"a1\"}]}",
                         APMM_SESSION_ERROR_INVALID, "roadmap › 2 › id: another action already uses this id");
  assert_string_refused (HEADER ", \"entry_point\": \"consulting\"}", APMM_SESSION_ERROR_INVALID,
                         "entry_point: expected an entry point such as “pilot-rescue”, or null");
  assert_string_refused (HEADER ", \"entry_point\": 3}", APMM_SESSION_ERROR_INVALID, "entry_point");
}

/* The facilitator's pick survives a save, whether or not it is still offered
 * (a stale pick is the assessment's business); null and absent mean none. */
static void
test_entry_point_round_trip (void)
{
  static const char * const picks[] = { "ops-retainer", "readiness-workshop", "" };

  for (guint i = 0; i < G_N_ELEMENTS (picks); i++)
    {
      g_autoptr(ApmmSession) session = apmm_session_new ();
      g_autoptr(ApmmSession) loaded = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      apmm_session_set_entry_point (session, picks[i]);
      bytes = apmm_session_to_bytes (session);
      text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_assert_cmpint (strstr (text, "\"entry_point\"") != NULL, ==, picks[i][0] != '\0');
      loaded = apmm_session_load_bytes (bytes, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (apmm_session_get_entry_point (loaded), ==, picks[i]);
      g_assert_true (apmm_session_equal (session, loaded));
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ApmmSession) loaded = load_string (HEADER ", \"entry_point\": null}", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (apmm_session_get_entry_point (loaded), ==, "");
  }
}

static void
test_newer_version (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmSession) session = load_fixture ("newer-version.apmm", &error);

  g_assert_null (session);
  g_assert_error (error, APMM_SESSION_ERROR, APMM_SESSION_ERROR_NEWER_VERSION);
  g_assert_cmpstr (error->message, ==,
                   "This session was written by a newer version of APMM Workshop (format 2); "
                   "this version reads format 1");
}

static void
test_unknown_model (void)
{
  assert_fixture_refused ("unknown-model.apmm", APMM_SESSION_ERROR_UNKNOWN_MODEL, "“cmmi-3”");
  assert_string_refused ("{\"format\": \"apmm-session\", \"version\": 1}", APMM_SESSION_ERROR_INVALID,
                         "model: missing");
  assert_string_refused ("{\"format\": \"something-else\", \"version\": 1, \"model\": \"apmm-1\"}",
                         APMM_SESSION_ERROR_INVALID, "format: expected “apmm-session”");
}

static void
test_deep_nesting (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmSession) session = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize n = 100000;
  char *deep = g_malloc (n);

  /* A hundred thousand open brackets would overflow json-glib's recursion. */
  memset (deep, '[', n);
  bytes = g_bytes_new_take (deep, n);
  session = apmm_session_load_bytes (bytes, &error);
  assert_refused (session, error, APMM_SESSION_ERROR_TOO_DEEP, "nested deeper than the limit of 32");

  assert_fixture_refused ("deep-nesting.apmm", APMM_SESSION_ERROR_TOO_DEEP, "line 5");
}

static char *
nested_session (guint depth)
{
  GString *text = g_string_new (HEADER ", \"x-deep\": ");

  /* The session object itself is the first level. */
  for (guint i = 1; i < depth; i++)
    g_string_append_c (text, '[');
  for (guint i = 1; i < depth; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');

  return g_string_free (text, FALSE);
}

static void
test_nesting_limit (void)
{
  g_autofree char *at_limit = nested_session (APMM_SESSION_MAX_DEPTH);
  g_autofree char *over_limit = nested_session (APMM_SESSION_MAX_DEPTH + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmSession) session = load_string (at_limit, &error);
  g_autoptr(GBytes) saved = NULL;

  g_assert_no_error (error);
  saved = apmm_session_to_bytes (session);
  g_assert_nonnull (strstr (g_bytes_get_data (saved, NULL), "\"x-deep\""));

  assert_string_refused (over_limit, APMM_SESSION_ERROR_TOO_DEEP, "limit of 32 levels");
}

static void
test_huge_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("apmm-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "huge.apmm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(ApmmSession) session = NULL;

  g_assert_no_error (error);

  /* A sparse file: its size is over the cap without writing the bytes. */
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_seekable_truncate (G_SEEKABLE (stream), APMM_SESSION_MAX_SIZE + 1024 * 1024, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error);
  g_assert_no_error (error);

  session = apmm_session_load_file (file, NULL, &error);
  assert_refused (session, error, APMM_SESSION_ERROR_TOO_LARGE, "limited to 16");

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_long_string (void)
{
  g_autoptr(GString) text = g_string_new (HEADER ", \"notes\": \"");
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmSession) session = NULL;

  for (guint i = 0; i < APMM_SESSION_MAX_STRING + 16; i++)
    g_string_append_c (text, 'a');
  g_string_append (text, "\"}");

  session = load_string (text->str, &error);
  assert_refused (session, error, APMM_SESSION_ERROR_TOO_LARGE, "string is longer than the limit of 64 KiB");
}

static void
test_invalid_utf8 (void)
{
  assert_fixture_refused ("invalid-utf8.apmm", APMM_SESSION_ERROR_ENCODING, "invalid byte at offset 89");
  assert_fixture_refused ("lone-surrogate.apmm", APMM_SESSION_ERROR_ENCODING, "unpaired surrogate");
}

static void
test_nul_bytes (void)
{
  assert_fixture_refused ("nul-byte.apmm", APMM_SESSION_ERROR_ENCODING, "NUL byte at offset 93");
  assert_string_refused (HEADER ", \"notes\": \"a\\u0000b\"}", APMM_SESSION_ERROR_ENCODING, "\\u0000");
}

static void
test_duplicate_keys (void)
{
  assert_fixture_refused ("duplicate-key.apmm", APMM_SESSION_ERROR_SYNTAX,
                          "duplicate key “status” in ratings › l3.rollback");
  assert_string_refused (HEADER ", \"model\": \"apmm-1\"}", APMM_SESSION_ERROR_SYNTAX,
                         "duplicate key “model” at the top level");
  /* An escaped key is the same key. */
  assert_string_refused (HEADER ", \"roadmap\": [{\"id\": \"a\", \"\\u0069d\": \"b\"}]}",
                         APMM_SESSION_ERROR_SYNTAX, "duplicate key “id” in roadmap › 1");
}

static void
test_json_glib_leniency (void)
{
  /* json-glib 1.6 accepts each of these; a session file must not. */
  assert_fixture_refused ("comment.apmm", APMM_SESSION_ERROR_SYNTAX, "line 5, column 3");
  assert_fixture_refused ("huge-number.apmm", APMM_SESSION_ERROR_SYNTAX, "out of range");
  assert_string_refused (HEADER ", \"x\": 1e999}", APMM_SESSION_ERROR_SYNTAX, "out of range");
  assert_string_refused ("var session = " HEADER "}", APMM_SESSION_ERROR_SYNTAX, "line 1, column 1");
  assert_string_refused ("{'format': 'apmm-session'}", APMM_SESSION_ERROR_SYNTAX, "double quotes");
  assert_string_refused (HEADER ",}", APMM_SESSION_ERROR_SYNTAX, "line 1");
  assert_string_refused (HEADER "} {}", APMM_SESSION_ERROR_SYNTAX, "after the end");
}

static void
test_folder (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (TEST_DATA_DIR);
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmSession) session = apmm_session_load_file (file, NULL, &error);

  assert_refused (session, error, APMM_SESSION_ERROR_NOT_REGULAR, "folder");
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (TEST_DATA_DIR "/no-such-session.apmm");
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmSession) session = apmm_session_load_file (file, NULL, &error);

  assert_refused (session, error, APMM_SESSION_ERROR_NOT_FOUND, "does not exist");
}

static void
test_long_key_in_message (void)
{
  /* A place built from the file's keys stays one short line. */
  assert_string_refused (HEADER ", \"ratings\": {\"l1.x\\nwith a new line and a very long tail that goes on\": {}}}",
                         APMM_SESSION_ERROR_INVALID, "ratings › l1.x\xef\xbf\xbdwith a new line");
}

/* --- Round trips --------------------------------------------------------- */

static void
test_examples_round_trip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *path = g_build_filename (SRC_ROOT, "data", "examples", examples[i], NULL);
      g_autoptr(GBytes) original = read_file (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(ApmmSession) first = apmm_session_load_bytes (original, &error);
      g_autoptr(GBytes) saved = NULL;
      g_autoptr(ApmmSession) second = NULL;
      g_autoptr(GBytes) saved_again = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (first);
      g_assert_cmpuint (apmm_session_get_n_participants (first), >=, 6);
      g_assert_cmpuint (apmm_session_get_n_actions (first), >=, 3);

      saved = apmm_session_to_bytes (first);
      second = apmm_session_load_bytes (saved, &error);
      g_assert_no_error (error);
      g_assert_true (apmm_session_equal (first, second));

      /* The examples are stored in the writer's own form. */
      g_assert_true (g_bytes_equal (saved, original));
      saved_again = apmm_session_to_bytes (second);
      g_assert_true (g_bytes_equal (saved, saved_again));
    }
}

static void
test_examples_in_resource (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *uri = g_strconcat ("resource:///org/apmm/Workshop/core/examples/", examples[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_uri (uri);
      g_autoptr(GError) error = NULL;
      g_autoptr(ApmmSession) session = apmm_session_load_file (file, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (apmm_session_get_organisation (session), !=, "");
    }
}

static JsonObject *
parse_object (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  return json_object_ref (json_node_get_object (root));
}

static JsonObject *
member_object (JsonObject *object,
               const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));

  return json_node_get_object (node);
}

static JsonObject *
first_element_object (JsonObject *object,
                      const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));

  return json_array_get_object_element (json_node_get_array (node), 0);
}

static ApmmSession *
load_unknown_keys_fixture (GBytes **original)
{
  g_autoptr(GError) error = NULL;
  ApmmSession *session;

  *original = read_file (TEST_DATA_DIR "/unknown-keys.apmm");
  session = apmm_session_load_bytes (*original, &error);
  g_assert_no_error (error);
  g_assert_nonnull (apmm_session_get_origin (session));

  return session;
}

static void
test_unknown_keys_preserved (void)
{
  g_autoptr(GBytes) original = NULL;
  g_autoptr(ApmmSession) session = load_unknown_keys_fixture (&original);
  g_autoptr(GBytes) saved = apmm_session_to_bytes (session);
  g_autoptr(JsonObject) root = parse_object (saved);
  JsonObject *rating = member_object (member_object (root, "ratings"), "l1.tools-purchased");
  JsonObject *source = member_object (rating, "x-source");
  JsonObject *action = first_element_object (root, "roadmap");

  g_assert_cmpstr (json_object_get_string_member (action, "x-jira"), ==, "OPS-1234");
  g_assert_cmpstr (json_object_get_string_member (source, "system"), ==, "crm");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (source, "ids")), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (member_object (member_object (root, "ratings"), "l3.rollback"),
                                                  "x-flag"), ==, "kept even though the rating is default");
  g_assert_cmpstr (json_object_get_string_member (first_element_object (root, "participants"), "x-email"),
                   ==, "ada@example.org");
  g_assert_cmpstr (json_object_get_string_member (member_object (root, "votes"), "x-mode"), ==, "show-of-hands");
  g_assert_cmpstr (json_object_get_string_member (member_object (member_object (root, "prompts"), "failure"),
                                                  "x-recording"), ==, "minute 42");
  g_assert_cmpint (json_object_get_int_member (member_object (member_object (root, "gaps"), "l2.live-real-data"),
                                               "x-cost"), ==, 12000);
  g_assert_true (json_object_has_member (root, "x-zeta"));
  g_assert_cmpstr (json_object_get_string_member (member_object (member_object (root, "x-alpha"), "nested"),
                                                  "deeper"), ==, "value");
}

static void
test_unknown_keys_survive_edits (void)
{
  g_autoptr(GBytes) original = NULL;
  g_autoptr(ApmmSession) session = load_unknown_keys_fixture (&original);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(JsonObject) root = NULL;
  JsonObject *rating;

  apmm_session_set_status (session, "l1.tools-purchased", APMM_STATUS_PARTLY);
  apmm_session_set_evidence_note (session, "l1.tools-purchased", "Only the pilot contract was shown.");
  apmm_session_set_organisation (session, "Renamed Ltd");

  saved = apmm_session_to_bytes (session);
  root = parse_object (saved);
  rating = member_object (member_object (root, "ratings"), "l1.tools-purchased");
  g_assert_cmpstr (json_object_get_string_member (rating, "status"), ==, "partly");
  g_assert_cmpstr (json_object_get_string_member (rating, "note"), ==, "Only the pilot contract was shown.");
  g_assert_true (json_object_has_member (rating, "x-source"));
  g_assert_cmpstr (json_object_get_string_member (root, "organisation"), ==, "Renamed Ltd");
  g_assert_cmpstr (json_object_get_string_member (first_element_object (root, "roadmap"), "x-jira"), ==, "OPS-1234");
}

static void
test_unknown_keys_stable (void)
{
  g_autoptr(GBytes) original = NULL;
  g_autoptr(ApmmSession) session = load_unknown_keys_fixture (&original);
  g_autoptr(GBytes) saved = apmm_session_to_bytes (session);
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmSession) reloaded = apmm_session_load_bytes (saved, &error);
  g_autoptr(GBytes) saved_again = NULL;
  const char *text;

  g_assert_no_error (error);
  g_assert_true (apmm_session_equal (session, reloaded));
  saved_again = apmm_session_to_bytes (reloaded);
  g_assert_true (g_bytes_equal (saved, saved_again));

  /* Known keys first in the documented order, then unknown keys sorted. */
  text = g_bytes_get_data (saved, NULL);
  g_assert_true (strstr (text, "\"roadmap\"") < strstr (text, "\"x-alpha\""));
  g_assert_true (strstr (text, "\"x-alpha\"") < strstr (text, "\"x-zeta\""));
  /* The member order inside an unknown value is kept as it was. */
  g_assert_true (strstr (text, "\"b-key\"") < strstr (text, "\"a-key\""));
}

static void
test_deterministic_output (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(ApmmSession) other = NULL;
  g_autoptr(GBytes) empty = NULL;
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  g_autoptr(GError) error = NULL;
  const char *minimal = "{\n  \"format\": \"apmm-session\",\n  \"version\": 1,\n  \"model\": \"apmm-1\"\n}\n";

  /* A new session is dated today; without a date only the header remains. */
  apmm_session_set_date (session, "");
  empty = apmm_session_to_bytes (session);
  g_assert_cmpmem (g_bytes_get_data (empty, NULL), g_bytes_get_size (empty), minimal, strlen (minimal));

  /* The same content set in a different order writes the same bytes. */
  apmm_session_set_status (session, "l3.rollback", APMM_STATUS_MET);
  apmm_session_set_status (session, "l1.tools-purchased", APMM_STATUS_PARTLY);
  apmm_session_set_organisation (session, "Tab\there, quote \" and “curly”, new\nline, \x01 control");
  other = apmm_session_new ();
  apmm_session_set_date (other, "");
  apmm_session_set_organisation (other, "Tab\there, quote \" and “curly”, new\nline, \x01 control");
  apmm_session_set_status (other, "l1.tools-purchased", APMM_STATUS_PARTLY);
  apmm_session_set_status (other, "l3.rollback", APMM_STATUS_MET);

  a = apmm_session_to_bytes (session);
  b = apmm_session_to_bytes (other);
  g_assert_true (g_bytes_equal (a, b));
  g_assert_nonnull (strstr (g_bytes_get_data (a, NULL), "\"Tab\\there, quote \\\" and “curly”, new\\nline, \\u0001 control\""));
  g_assert_true (strstr (g_bytes_get_data (a, NULL), "l1.tools-purchased") <
                 strstr (g_bytes_get_data (a, NULL), "l3.rollback"));

  g_clear_object (&other);
  other = apmm_session_load_bytes (a, &error);
  g_assert_no_error (error);
  g_assert_true (apmm_session_equal (session, other));
}

static void
test_save_and_etag_conflict (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("apmm-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "session.apmm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(ApmmSession) loaded = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *contents = NULL;
  const char *outside = "edited elsewhere\n";

  g_assert_no_error (error);
  apmm_session_set_organisation (session, "Etag Check");
  g_assert_true (apmm_session_save_file (session, file, NULL, &etag, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (etag);

  loaded = apmm_session_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (apmm_session_equal (session, loaded));

  /* Another program changes the file; a later time stamp changes the etag. */
  g_file_set_contents (path, outside, -1, &error);
  g_assert_no_error (error);
  g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, (guint64) g_get_real_time () / G_USEC_PER_SEC + 60,
                               G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);

  apmm_session_set_organisation (session, "Etag Check, edited");
  g_assert_false (apmm_session_save_file (session, file, etag, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);

  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, outside);

  g_unlink (path);
  g_rmdir (dir);
}

/* --- Limits: what the app accepts it saves, and what it saves it opens --- */

static ApmmSession *
save_and_reload (ApmmSession  *session,
                 GError      **error)
{
  g_autofree char *dir = g_dir_make_tmp ("apmm-limits-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "s.apmm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ApmmSession *loaded = NULL;

  if (apmm_session_save_file (session, file, NULL, NULL, NULL, error))
    loaded = apmm_session_load_file (file, NULL, error);
  else
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_unlink (path);
  g_rmdir (dir);
  return loaded;
}

static void
assert_round_trip (ApmmSession *session)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmSession) loaded = save_and_reload (session, &error);

  g_assert_no_error (error);
  g_assert_true (apmm_session_equal (loaded, session));
}

static void
assert_save_refused (ApmmSession *session,
                     const char  *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmSession) loaded = save_and_reload (session, &error);

  g_assert_null (loaded);
  g_assert_error (error, APMM_SESSION_ERROR, APMM_SESSION_ERROR_TOO_LARGE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, fragment));
  g_assert_nonnull (strstr (error->message, "Nothing was written"));
}

/* Exactly 64 KiB is allowed, as the docs say; one byte more is not, on
 * saving or on loading. Escapes do not count: 64 KiB of newlines take
 * 128 KiB in the file and still load. */
static void
test_limit_string (void)
{
  const char fills[] = { 'a', '\n', '"', '\x01' };

  for (guint i = 0; i < G_N_ELEMENTS (fills); i++)
    {
      g_autoptr(ApmmSession) session = apmm_session_new ();
      g_autofree char *at_limit = g_strnfill (APMM_SESSION_MAX_STRING, fills[i]);
      g_autofree char *over = g_strnfill (APMM_SESSION_MAX_STRING + 1, fills[i]);

      apmm_session_set_notes (session, at_limit);
      assert_round_trip (session);
      apmm_session_set_notes (session, over);
      assert_save_refused (session, "The session’s notes is too long to save: 65537 bytes, over the limit of 65536 bytes (64 KiB)");
    }
}

/* Multi-byte characters: the limit is in bytes, and "é" is two. */
static void
test_limit_string_utf8 (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) file = g_string_new (HEADER ", \"notes\": \"");
  g_autoptr(ApmmSession) loaded = NULL;
  g_autoptr(GError) error = NULL;

  while (text->len < APMM_SESSION_MAX_STRING)
    g_string_append (text, "\xc3\xa9");
  apmm_session_set_evidence_note (session, "l3.rollback", text->str);
  assert_round_trip (session);
  g_string_append (text, "\xc3\xa9");
  apmm_session_set_evidence_note (session, "l3.rollback", text->str);
  assert_save_refused (session, "l3.rollback");

  /* And in a file written elsewhere, with \u escapes. */
  for (guint i = 0; i < APMM_SESSION_MAX_STRING / 2; i++)
    g_string_append (file, "\\u00e9");
  g_string_append (file, "\"}");
  loaded = load_string (file->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (apmm_session_get_notes (loaded)), ==, APMM_SESSION_MAX_STRING);
}

static void
test_limit_counts (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();

  for (guint i = 0; i < APMM_SESSION_MAX_PARTICIPANTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("P%u", i);
      apmm_session_add_participant (session, name, -1);
    }
  for (guint i = 0; i < APMM_SESSION_MAX_ACTIONS; i++)
    {
      g_autofree char *id = apmm_session_new_action_id (session);
      g_autoptr(ApmmAction) action = apmm_action_new (id, "Act");
      apmm_session_insert_action (session, -1, action);
    }
  apmm_session_set_tally (session, 2, APMM_SESSION_MAX_TALLY);
  assert_round_trip (session);

  apmm_session_add_participant (session, "one too many", -1);
  assert_save_refused (session, "501 participants");
  apmm_session_remove_participant (session, 0);
  {
    g_autofree char *id = apmm_session_new_action_id (session);
    g_autoptr(ApmmAction) action = apmm_action_new (id, "Act");
    apmm_session_insert_action (session, -1, action);
  }
  assert_save_refused (session, "501 roadmap actions");
  apmm_session_remove_action (session, 0);
  assert_round_trip (session);
}

/* Too many participants or actions are refused as the file is scanned,
 * before the rest of it is parsed: the text after the one too many is never
 * looked at, so a broken tail does not hide the real reason. */
static void
test_limit_counts_before_parse (void)
{
  const struct { const char *key, *element, *needle; } cases[] = {
    { "participants", "{\"name\": \"P\"}", "participants: more than 500 participants" },
    { "roadmap", "{\"id\": \"a\"}", "roadmap: more than 500 actions" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GString) text = g_string_new (HEADER);

      g_string_append_printf (text, ", \"%s\": [", cases[c].key);
      for (guint i = 0; i <= 500; i++)
        g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", cases[c].element);
      g_string_append (text, ", this is not JSON");
      assert_string_refused (text->str, APMM_SESSION_ERROR_INVALID, cases[c].needle);
    }
}

/* Every string under its limit, the whole over 16 MiB: refused before a
 * byte is written, never saved as a file the reader refuses. */
static void
test_limit_file_size (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *id = apmm_session_new_action_id (session);
      g_autoptr(ApmmAction) action = apmm_action_new (id, "Long");

      g_free (action->description);
      action->description = g_strnfill (APMM_SESSION_MAX_STRING, 'd');
      apmm_session_insert_action (session, -1, action);
    }
  assert_save_refused (session, "more than the limit of 16");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/session-file/bad/not-json", test_not_json);
  g_test_add_func ("/session-file/bad/truncated", test_truncated);
  g_test_add_func ("/session-file/bad/empty", test_empty);
  g_test_add_func ("/session-file/bad/array-root", test_array_root);
  g_test_add_func ("/session-file/bad/wrong-types", test_wrong_types);
  g_test_add_func ("/session-file/bad/unknown-enum", test_unknown_enum);
  g_test_add_func ("/session-file/bad/out-of-range", test_out_of_range);
  g_test_add_func ("/session-file/bad/unknown-ids", test_unknown_ids);
  g_test_add_func ("/session-file/bad/newer-version", test_newer_version);
  g_test_add_func ("/session-file/bad/unknown-model", test_unknown_model);
  g_test_add_func ("/session-file/bad/deep-nesting", test_deep_nesting);
  g_test_add_func ("/session-file/bad/nesting-limit", test_nesting_limit);
  g_test_add_func ("/session-file/bad/huge-file", test_huge_file);
  g_test_add_func ("/session-file/bad/long-string", test_long_string);
  g_test_add_func ("/session-file/bad/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/session-file/bad/nul-bytes", test_nul_bytes);
  g_test_add_func ("/session-file/bad/duplicate-keys", test_duplicate_keys);
  g_test_add_func ("/session-file/bad/json-glib-leniency", test_json_glib_leniency);
  g_test_add_func ("/session-file/bad/folder", test_folder);
  g_test_add_func ("/session-file/bad/missing-file", test_missing_file);
  g_test_add_func ("/session-file/bad/long-key-in-message", test_long_key_in_message);
  g_test_add_func ("/session-file/round-trip/examples", test_examples_round_trip);
  g_test_add_func ("/session-file/round-trip/entry-point", test_entry_point_round_trip);
  g_test_add_func ("/session-file/round-trip/examples-in-resource", test_examples_in_resource);
  g_test_add_func ("/session-file/round-trip/unknown-keys", test_unknown_keys_preserved);
  g_test_add_func ("/session-file/round-trip/unknown-keys-after-edits", test_unknown_keys_survive_edits);
  g_test_add_func ("/session-file/round-trip/unknown-keys-stable", test_unknown_keys_stable);
  g_test_add_func ("/session-file/save/deterministic", test_deterministic_output);
  g_test_add_func ("/session-file/save/etag-conflict", test_save_and_etag_conflict);
  g_test_add_func ("/session-file/limits/string", test_limit_string);
  g_test_add_func ("/session-file/limits/string-utf8", test_limit_string_utf8);
  g_test_add_func ("/session-file/limits/counts", test_limit_counts);
  g_test_add_func ("/session-file/limits/counts-before-parse", test_limit_counts_before_parse);
  g_test_add_func ("/session-file/limits/file-size", test_limit_file_size);

  return g_test_run ();
}
