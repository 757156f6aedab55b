/* test-cli.c — the headless command line on the examples and on bad files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The verdicts below are worked out by hand from docs/apmm-rules.md and the
 * example files, not copied from the program's output.
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "apmm-cli.h"

typedef struct {
  const char *criterion;
  const char *status;
} ExpectedGap;

typedef struct {
  const char        *file;
  int                evidence_level;
  const char        *evidence_level_name;
  int                perceived_level;
  int                overestimation;
  int                target_level;
  double             next_level_progress;
  const char        *entry_points[4];
  const char        *entry_point;
  ExpectedGap        gaps[7];
} ExpectedSummary;

static const ExpectedSummary expected_summaries[] = {
  /* Licences and budget, nothing live; the room (7 named votes and 3
   * anonymous ones) says 2. Ranked by impact, then effort. */
  { "northwind-logistics.apmm", 1, "AI Licensed", 2, 1, 2, 0.5 / 3,
    { "readiness-workshop" }, NULL,
    { { "l2.owned-use-case", "partly" },
      { "l2.live-real-data", "not-met" },
      { "l2.adoption-measured", "not-met" } } },
  /* All of level 2 met; the nine votes' lower median is 3. One of seven
   * level-3 criteria met and two partly: 2/7. */
  { "meridian-insurance.apmm", 2, "AI Active", 3, 1, 3, 2.0 / 7,
    { "pilot-rescue", "feature-sprint" }, NULL,
    { { "l3.rollback", "partly" },
      { "l3.output-monitoring", "not-met" },
      { "l3.failure-process", "not-met" },
      { "l3.slo-reviewed", "not-met" },
      { "l3.two-people", "partly" },
      { "l3.cost-capped", "not-met" } } },
  /* Level 3 throughout, target 4; one level-4 criterion met and three
   * partly: 2.5/4. The facilitator's manual gap order applies. */
  { "halcyon-health.apmm", 3, "AI Reliable", 3, 0, 4, 0.625,
    { "pilot-rescue", "feature-sprint", "ops-retainer" }, "ops-retainer",
    { { "l4.literacy", "partly" },
      { "l4.feedback-loops", "partly" },
      { "l4.core-operations", "partly" } } },
};

static const char * const bad_fixtures[] = {
  "array-root.apmm", "comment.apmm", "deep-nesting.apmm", "duplicate-key.apmm", "empty.apmm",
  "huge-number.apmm", "invalid-utf8.apmm", "level-out-of-range.apmm", "lone-surrogate.apmm",
  "newer-version.apmm", "not-json.apmm", "nul-byte.apmm", "truncated.apmm",
  "unknown-criterion.apmm", "unknown-model.apmm", "unknown-status.apmm", "wrong-type.apmm",
};

static char *
example_path (const char *name)
{
  return g_build_filename (SRC_ROOT, "data", "examples", name, NULL);
}

static char *
bad_path (const char *name)
{
  return g_build_filename (TEST_DATA_DIR, "bad", name, NULL);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      n++;

  return n;
}

static JsonObject *
parse_summary (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  return json_object_ref (json_node_get_object (root));
}

static void
assert_int_member (JsonObject *object,
                   const char *key,
                   int         expected)
{
  JsonNode *node = json_object_get_member (object, key);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (node), ==, expected);
}

static void
assert_entry_points (JsonObject         *summary,
                     const char * const *expected)
{
  JsonArray *array = json_object_get_array_member (summary, "entry_points");
  guint n = 0;

  while (n < 3 && expected[n] != NULL)
    n++;
  g_assert_cmpuint (json_array_get_length (array), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (json_array_get_string_element (array, i), ==, expected[i]);
}

static void
assert_gaps (JsonObject        *summary,
             const ExpectedGap *expected,
             int                level)
{
  JsonArray *array = json_object_get_array_member (summary, "gaps");
  guint n = 0;

  while (n < 7 && expected[n].criterion != NULL)
    n++;
  g_assert_cmpuint (json_array_get_length (array), ==, n);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *gap = json_array_get_object_element (array, i);

      g_assert_cmpstr (json_object_get_string_member (gap, "criterion"), ==, expected[i].criterion);
      g_assert_cmpstr (json_object_get_string_member (gap, "status"), ==, expected[i].status);
      assert_int_member (gap, "level", level);
    }
}

static void
test_summary_examples (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected_summaries); i++)
    {
      const ExpectedSummary *expected = &expected_summaries[i];
      g_autofree char *path = example_path (expected->file);
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GString) err = g_string_new (NULL);
      g_autoptr(JsonObject) summary = NULL;

      g_test_message ("%s", expected->file);
      g_assert_cmpint (apmm_cli_summary (path, out, err), ==, APMM_EXIT_OK);
      g_assert_cmpstr (err->str, ==, "");
      g_assert_true (g_str_has_prefix (out->str, "{\n  \"evidence_level\": "));
      g_assert_true (g_str_has_suffix (out->str, "}\n"));

      summary = parse_summary (out->str);
      assert_int_member (summary, "evidence_level", expected->evidence_level);
      g_assert_cmpstr (json_object_get_string_member (summary, "evidence_level_name"), ==,
                       expected->evidence_level_name);
      assert_int_member (summary, "perceived_level", expected->perceived_level);
      assert_int_member (summary, "overestimation", expected->overestimation);
      assert_int_member (summary, "target_level", expected->target_level);
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (summary, "next_level_progress"),
                                      expected->next_level_progress, 1e-12);
      g_assert_false (json_object_get_boolean_member (summary, "inconclusive"));
      assert_entry_points (summary, expected->entry_points);
      assert_gaps (summary, expected->gaps, expected->evidence_level + 1);
      if (expected->entry_point != NULL)
        g_assert_cmpstr (json_object_get_string_member (summary, "entry_point"), ==,
                         expected->entry_point);
      else
        g_assert_true (json_object_get_null_member (summary, "entry_point"));
      g_assert_true (json_object_get_boolean_member (summary, "assessed"));
      /* The contract's nine keys, then entry_point and assessed. */
      g_assert_cmpuint (json_object_get_size (summary), ==, 11);
    }
}

static void
test_summary_bad_file (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_fixtures); i++)
    {
      g_autofree char *path = bad_path (bad_fixtures[i]);
      g_autofree char *prefix = g_strconcat (path, ": ", NULL);
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GString) err = g_string_new (NULL);

      g_assert_cmpint (apmm_cli_summary (path, out, err), ==, APMM_EXIT_INVALID);
      g_assert_cmpstr (out->str, ==, "");
      g_assert_true (g_str_has_prefix (err->str, prefix));
      g_assert_cmpuint (count_lines (err->str), ==, 1);
      g_assert_cmpuint (strlen (err->str), >, strlen (prefix) + 5);
    }
}

static void
test_summary_missing_file (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);

  g_assert_cmpint (apmm_cli_summary ("/nonexistent/session.apmm", out, err), ==, APMM_EXIT_INVALID);
  g_assert_cmpstr (err->str, ==, "/nonexistent/session.apmm: The file does not exist\n");
}

static void
test_validate_good (void)
{
  g_autofree char *a = example_path ("northwind-logistics.apmm");
  g_autofree char *b = example_path ("meridian-insurance.apmm");
  g_autofree char *c = example_path ("halcyon-health.apmm");
  const char *paths[] = { a, b, c, NULL };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);

  g_assert_cmpint (apmm_cli_validate (paths, out, err), ==, APMM_EXIT_OK);
  g_assert_cmpstr (out->str, ==, "");
  g_assert_cmpstr (err->str, ==, "");
}

static void
test_validate_mixed (void)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  g_ptr_array_add (paths, example_path ("meridian-insurance.apmm"));
  for (guint i = 0; i < G_N_ELEMENTS (bad_fixtures); i++)
    g_ptr_array_add (paths, bad_path (bad_fixtures[i]));
  g_ptr_array_add (paths, example_path ("halcyon-health.apmm"));
  g_ptr_array_add (paths, NULL);

  g_assert_cmpint (apmm_cli_validate ((const char * const *) paths->pdata, out, err), ==, APMM_EXIT_INVALID);
  g_assert_cmpstr (out->str, ==, "");

  /* One line per bad file, in the order given, and none for the good ones. */
  g_assert_cmpuint (count_lines (err->str), ==, G_N_ELEMENTS (bad_fixtures));
  lines = g_strsplit (err->str, "\n", -1);
  for (guint i = 0; i < G_N_ELEMENTS (bad_fixtures); i++)
    {
      g_autofree char *prefix = g_strconcat (g_ptr_array_index (paths, i + 1), ": ", NULL);

      g_assert_true (g_str_has_prefix (lines[i], prefix));
    }
}

static void
test_validate_no_files (void)
{
  const char *paths[] = { NULL };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);

  g_assert_cmpint (apmm_cli_validate (paths, out, err), ==, APMM_EXIT_USAGE);
  g_assert_cmpuint (count_lines (err->str), ==, 1);
}

/* --- The real program ------------------------------------------------------- */

static int
run_program (const char * const  *args,
             char               **out,
             char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  int wait_status = 0;

  /* No display: the command line must not need one. */
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_setenv (env, "G_DEBUG", "fatal-criticals", TRUE);

  g_ptr_array_add (argv, (char *) BUILD_ROOT "/src/apmm-workshop");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, out, err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));

  return WEXITSTATUS (wait_status);
}

static void
assert_clean_stderr (const char *err)
{
  g_assert_null (strstr (err, "CRITICAL"));
  g_assert_null (strstr (err, "WARNING"));
  g_assert_null (strstr (err, "Gtk-"));
}

static void
test_program_summary_bad_file (void)
{
  g_autofree char *path = bad_path ("unknown-status.apmm");
  const char *args[] = { "--summary", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = g_strconcat (path, ": ratings › l3.rollback › status: expected one of met, partly, "
                                           "not-met, unknown\n", NULL);

  g_assert_cmpint (run_program (args, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  assert_clean_stderr (err);
  g_assert_cmpuint (count_lines (err), ==, 1);
  g_assert_cmpstr (err, ==, expected);
}

static void
test_program_summary_example (void)
{
  g_autofree char *path = example_path ("meridian-insurance.apmm");
  const char *args[] = { "--summary", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonObject) summary = NULL;

  g_assert_cmpint (run_program (args, &out, &err), ==, 0);
  assert_clean_stderr (err);
  g_assert_cmpstr (err, ==, "");
  summary = parse_summary (out);
  assert_int_member (summary, "evidence_level", 2);
  assert_int_member (summary, "perceived_level", 3);
}

static void
test_program_usage_errors (void)
{
  const char *unknown[] = { "--bogus", NULL };
  const char *no_file[] = { "--summary", NULL };
  const char *combined[] = { "--summary", "--validate", "x.apmm", NULL };
  const char * const *cases[] = { unknown, no_file, combined };

  /* Wrong options, whoever notices them first, exit with the documented 2. */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run_program (cases[i], &out, &err), ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_cmpstr (err, !=, "");
      assert_clean_stderr (err);
    }
}

static void
test_program_version (void)
{
  const char *args[] = { "--version", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_program (args, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "apmm-workshop " PACKAGE_VERSION "\n");
  g_assert_cmpstr (err, ==, "");
}

static void
test_program_validate (void)
{
  g_autofree char *good = example_path ("northwind-logistics.apmm");
  g_autofree char *deep = bad_path ("deep-nesting.apmm");
  g_autofree char *nul = bad_path ("nul-byte.apmm");
  const char *args[] = { "--validate", good, deep, nul, TEST_DATA_DIR, NULL };
  const char *good_args[] = { "--validate", good, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *good_out = NULL;
  g_autofree char *good_err = NULL;

  g_assert_cmpint (run_program (args, &out, &err), ==, 1);
  assert_clean_stderr (err);
  g_assert_cmpuint (count_lines (err), ==, 3);
  g_assert_nonnull (strstr (err, TEST_DATA_DIR ": This is a folder"));

  g_assert_cmpint (run_program (good_args, &good_out, &good_err), ==, 0);
  g_assert_cmpstr (good_out, ==, "");
  g_assert_cmpstr (good_err, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/summary/examples", test_summary_examples);
  g_test_add_func ("/cli/summary/bad-files", test_summary_bad_file);
  g_test_add_func ("/cli/summary/missing-file", test_summary_missing_file);
  g_test_add_func ("/cli/validate/good", test_validate_good);
  g_test_add_func ("/cli/validate/mixed", test_validate_mixed);
  g_test_add_func ("/cli/validate/no-files", test_validate_no_files);
  g_test_add_func ("/cli/program/summary-bad-file", test_program_summary_bad_file);
  g_test_add_func ("/cli/program/summary-example", test_program_summary_example);
  g_test_add_func ("/cli/program/validate", test_program_validate);
  g_test_add_func ("/cli/program/usage-errors", test_program_usage_errors);
  g_test_add_func ("/cli/program/version", test_program_version);

  return g_test_run ();
}
