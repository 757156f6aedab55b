/* test-compare.c — a re-assessment compared with its baseline, in core and on the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected movements are worked out by hand from apmm-domain.md §2.
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <json-glib/json-glib.h>

#include "apmm-cli.h"
#include "apmm-compare.h"
#include "apmm-session-file.h"

static const char * const level_one[] = { "l1.tools-purchased", "l1.budget-allocated", NULL };
static const char * const level_two[] = { "l2.live-real-data", "l2.owned-use-case", "l2.adoption-measured", NULL };

static ApmmSession *
session_with (const char         *organisation,
              const char         *date,
              const char * const *met,
              const char * const *more_met)
{
  ApmmSession *session = apmm_session_new ();

  apmm_session_set_organisation (session, organisation);
  apmm_session_set_date (session, date);
  for (guint i = 0; met != NULL && met[i] != NULL; i++)
    apmm_session_set_status (session, met[i], APMM_STATUS_MET);
  for (guint i = 0; more_met != NULL && more_met[i] != NULL; i++)
    apmm_session_set_status (session, more_met[i], APMM_STATUS_MET);

  return session;
}

static ApmmComparison *
compare (ApmmSession *then,
         ApmmSession *now)
{
  g_autoptr(ApmmBaseline) baseline = apmm_baseline_new_from_session (then, "then.apmm");
  g_autoptr(GError) error = NULL;

  g_assert_true (apmm_baseline_check (baseline, now, &error));
  g_assert_no_error (error);

  return apmm_comparison_new (baseline, now, apmm_model_get_default ());
}

static char *
movement (ApmmComparison *comparison)
{
  return apmm_comparison_dup_movement_label (comparison);
}

static void
test_level_rose (void)
{
  g_autoptr(ApmmSession) then = session_with ("Acme", "2026-03-12", level_one, NULL);
  g_autoptr(ApmmSession) now = session_with ("Acme", "2026-09-15", level_one, level_two);
  g_autoptr(ApmmComparison) comparison = compare (then, now);
  g_autofree char *label = movement (comparison);

  g_assert_cmpuint (apmm_comparison_get_level_then (comparison), ==, 1);
  g_assert_cmpuint (apmm_comparison_get_level_now (comparison), ==, 2);
  g_assert_cmpint (apmm_comparison_get_level_change (comparison), ==, 1);
  g_assert_cmpstr (label, ==, "+1 since 2026-03-12");
  /* The three level-2 criteria were the gaps to target 2: all closed. */
  g_assert_cmpuint (g_strv_length ((char **) apmm_comparison_get_gaps_closed (comparison)), ==, 3);
  g_assert_true (apmm_comparison_is_gap_closed (comparison, "l2.live-real-data"));
  /* The new target is 3: its seven criteria are new gaps. */
  g_assert_cmpuint (g_strv_length ((char **) apmm_comparison_get_gaps_opened (comparison)), ==, 7);
  g_assert_true (apmm_comparison_is_gap_opened (comparison, "l3.rollback"));
}

static void
test_level_fell (void)
{
  g_autoptr(ApmmSession) then = session_with ("Acme", "2026-03-12", level_one, level_two);
  g_autoptr(ApmmSession) now = session_with ("Acme", "2026-09-15", level_one, level_two);
  g_autoptr(ApmmComparison) comparison = NULL;
  g_autofree char *label = NULL;
  const ApmmCriterionChange *change;

  /* Adoption can no longer be counted: back to level 1. */
  apmm_session_set_status (now, "l2.adoption-measured", APMM_STATUS_PARTLY);
  comparison = compare (then, now);
  label = movement (comparison);

  g_assert_cmpint (apmm_comparison_get_level_change (comparison), ==, -1);
  g_assert_cmpstr (label, ==, "-1 since 2026-03-12");
  g_assert_cmpuint (apmm_comparison_get_n_changes (comparison), ==, 1);
  change = apmm_comparison_get_change (comparison, 0);
  g_assert_cmpstr (change->criterion->id, ==, "l2.adoption-measured");
  g_assert_cmpint (change->from, ==, APMM_STATUS_MET);
  g_assert_cmpint (change->to, ==, APMM_STATUS_PARTLY);
  g_assert_true (apmm_comparison_is_gap_opened (comparison, "l2.adoption-measured"));
  g_assert_false (apmm_comparison_is_gap_closed (comparison, "l2.adoption-measured"));
}

static void
test_level_stayed (void)
{
  g_autoptr(ApmmSession) then = session_with ("Acme", "2026-03-12", level_one, NULL);
  g_autoptr(ApmmSession) now = session_with ("ACME ", "2026-09-15", level_one, NULL);
  g_autoptr(ApmmComparison) comparison = NULL;
  g_autofree char *label = NULL;

  /* One criterion up, one down: the level stays at 1. */
  apmm_session_set_status (then, "l2.owned-use-case", APMM_STATUS_PARTLY);
  apmm_session_set_status (now, "l2.live-real-data", APMM_STATUS_MET);
  apmm_session_set_status (now, "l2.owned-use-case", APMM_STATUS_NOT_MET);
  comparison = compare (then, now);
  label = movement (comparison);

  g_assert_cmpint (apmm_comparison_get_level_change (comparison), ==, 0);
  g_assert_cmpstr (label, ==, "No change since 2026-03-12");
  g_assert_cmpuint (apmm_comparison_get_n_changes (comparison), ==, 2);
  g_assert_cmpint (apmm_comparison_lookup_change (comparison, "l2.live-real-data")->to, ==, APMM_STATUS_MET);
  g_assert_cmpint (apmm_comparison_lookup_change (comparison, "l2.owned-use-case")->from, ==, APMM_STATUS_PARTLY);
  g_assert_cmpint (apmm_comparison_lookup_change (comparison, "l2.owned-use-case")->to, ==, APMM_STATUS_NOT_MET);
  g_assert_null (apmm_comparison_lookup_change (comparison, "l1.tools-purchased"));
  g_assert_true (apmm_comparison_is_gap_closed (comparison, "l2.live-real-data"));
}

static void
test_perceived_and_actions (void)
{
  g_autoptr(ApmmSession) then = session_with ("Acme", "2026-03-12", level_one, NULL);
  g_autoptr(ApmmSession) now = session_with ("Acme", "2026-09-15", level_one, NULL);
  g_autoptr(ApmmAction) by_status = apmm_action_new ("a1", "Name the owner");
  g_autoptr(ApmmAction) by_criteria = apmm_action_new ("a2", "Go live");
  g_autoptr(ApmmAction) not_done = apmm_action_new ("a3", "Count users");
  g_autoptr(ApmmComparison) comparison = NULL;

  by_criteria->criteria = g_strsplit ("l2.live-real-data", ",", -1);
  not_done->criteria = g_strsplit ("l2.adoption-measured", ",", -1);
  apmm_session_insert_action (then, -1, by_status);
  apmm_session_insert_action (then, -1, by_criteria);
  apmm_session_insert_action (then, -1, not_done);
  apmm_session_set_perceived_level (then, 3);
  apmm_session_add_participant (now, "Ada", 2);

  by_status->status = APMM_ACTION_DONE;
  apmm_session_insert_action (now, -1, by_status);
  apmm_session_insert_action (now, -1, not_done);
  apmm_session_set_status (now, "l2.live-real-data", APMM_STATUS_MET);
  comparison = compare (then, now);

  g_assert_cmpint (apmm_comparison_get_perceived_then (comparison), ==, 3);
  g_assert_cmpint (apmm_comparison_get_perceived_now (comparison), ==, 2);
  g_assert_cmpuint (apmm_comparison_get_n_actions_done (comparison), ==, 2);
  g_assert_true (apmm_comparison_is_action_done (comparison, "a1"));
  g_assert_true (apmm_comparison_is_action_done (comparison, "a2"));
  g_assert_false (apmm_comparison_is_action_done (comparison, "a3"));
}

static void
test_other_organisation_refused (void)
{
  g_autoptr(ApmmSession) then = session_with ("Halcyon Health", "2026-03-12", NULL, NULL);
  g_autoptr(ApmmSession) now = session_with ("Meridian Insurance", "2026-09-15", NULL, NULL);
  g_autoptr(ApmmBaseline) baseline = apmm_baseline_new_from_session (then, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (apmm_baseline_check (baseline, now, &error));
  g_assert_error (error, APMM_COMPARE_ERROR, APMM_COMPARE_ERROR_OTHER_ORGANISATION);
  g_assert_cmpstr (error->message, ==,
                   "The earlier session assessed another organisation (“Halcyon Health”, not “Meridian Insurance”)");
}

static void
test_later_baseline_refused (void)
{
  g_autoptr(ApmmSession) then = session_with ("Acme", "2026-09-15", NULL, NULL);
  g_autoptr(ApmmSession) now = session_with ("Acme", "2026-03-12", NULL, NULL);
  g_autoptr(ApmmBaseline) baseline = apmm_baseline_new_from_session (then, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (apmm_baseline_check (baseline, now, &error));
  g_assert_error (error, APMM_COMPARE_ERROR, APMM_COMPARE_ERROR_LATER_DATE);
}

/* --- The baseline in the session file --------------------------------------- */

static GBytes *
read_bytes (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static void
test_baseline_round_trip (void)
{
  g_autoptr(GBytes) original = read_bytes (TEST_DATA_DIR "/meridian-insurance-later.apmm");
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmSession) session = apmm_session_load_bytes (original, &error);
  g_autoptr(GBytes) saved = NULL;
  ApmmBaseline *baseline;

  g_assert_no_error (error);
  baseline = apmm_session_get_baseline (session);
  g_assert_nonnull (baseline);
  g_assert_cmpstr (apmm_baseline_get_file (baseline), ==, "meridian-insurance.apmm");
  g_assert_cmpstr (apmm_baseline_get_date (baseline), ==, "2026-03-12");
  g_assert_cmpuint (apmm_baseline_get_evidence_level (baseline), ==, 2);
  g_assert_cmpint (apmm_baseline_get_perceived_level (baseline), ==, 3);
  g_assert_cmpint (apmm_baseline_get_status (baseline, "l3.rollback"), ==, APMM_STATUS_PARTLY);
  g_assert_cmpuint (apmm_baseline_get_n_actions (baseline), ==, 6);

  saved = apmm_session_to_bytes (session);
  g_assert_true (g_bytes_equal (saved, original));
}

/* The copy in the file is what the comparison reads: the same as comparing
 * with the earlier file itself. */
static void
test_stored_baseline_matches_file (void)
{
  g_autoptr(GFile) earlier = g_file_new_build_filename (SRC_ROOT, "data", "examples",
                                                        "meridian-insurance.apmm", NULL);
  g_autoptr(GFile) later = g_file_new_for_path (TEST_DATA_DIR "/meridian-insurance-later.apmm");
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmSession) then = apmm_session_load_file (earlier, NULL, &error);
  g_autoptr(ApmmSession) now = apmm_session_load_file (later, NULL, &error);
  g_autoptr(ApmmBaseline) fresh = NULL;
  g_autoptr(ApmmComparison) comparison = NULL;
  g_autofree char *label = NULL;

  g_assert_no_error (error);
  fresh = apmm_baseline_new_from_session (then, "meridian-insurance.apmm");
  g_assert_true (apmm_baseline_equal (fresh, apmm_session_get_baseline (now)));

  comparison = apmm_comparison_new (apmm_session_get_baseline (now), now, apmm_model_get_default ());
  label = movement (comparison);
  g_assert_cmpstr (label, ==, "+1 since 2026-03-12");
  g_assert_cmpuint (apmm_comparison_get_n_actions_done (comparison), ==, 6);
  g_assert_cmpuint (g_strv_length ((char **) apmm_comparison_get_gaps_closed (comparison)), ==, 6);
}

static ApmmSession *
load_text (const char  *text,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return apmm_session_load_bytes (bytes, error);
}

static void
test_baseline_unknown_keys_kept (void)
{
  const char *text =
    "{\n"
    "  \"format\": \"apmm-session\",\n"
    "  \"version\": 1,\n"
    "  \"model\": \"apmm-1\",\n"
    "  \"date\": \"2026-09-15\",\n"
    "  \"baseline\": {\n"
    "    \"file\": \"old.apmm\",\n"
    "    \"model\": \"apmm-1\",\n"
    "    \"organisation\": \"\",\n"
    "    \"date\": \"2026-03-12\",\n"
    "    \"evidence_level\": 1,\n"
    "    \"perceived_level\": null,\n"
    "    \"target_level\": 2,\n"
    "    \"ratings\": {\n"
    "      \"l1.tools-purchased\": \"met\",\n"
    "      \"l1.budget-allocated\": \"met\"\n"
    "    },\n"
    "    \"gaps\": [\n"
    "      \"l2.live-real-data\"\n"
    "    ],\n"
    "    \"actions\": [],\n"
    "    \"x-tool\": {\n"
    "      \"b\": 1,\n"
    "      \"a\": [\n"
    "        true\n"
    "      ]\n"
    "    }\n"
    "  }\n"
    "}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmSession) session = load_text (text, &error);
  g_autoptr(GBytes) saved = NULL;

  g_assert_no_error (error);
  saved = apmm_session_to_bytes (session);
  g_assert_cmpmem (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), text, strlen (text));
}

static void
test_baseline_bad (void)
{
  static const struct {
    const char *baseline;
    const char *message;
  } cases[] = {
    { "[]", "baseline: expected an object" },
    { "{\"model\": \"sammy-2\"}",
      "baseline › model: the earlier session assessed another model; this version compares APMM 1 only" },
    { "{\"evidence_level\": 7}", "baseline › evidence_level: expected a whole number from 0 to 4" },
    { "{\"date\": \"2026-02-30\"}", "baseline › date: expected a date written YYYY-MM-DD" },
    { "{\"ratings\": {\"l9.x\": \"met\"}}",
      "baseline › ratings › l9.x: unknown criterion (expected an id such as l3.rollback)" },
    { "{\"gaps\": [\"l3.rollback\", \"l3.rollback\"]}", "baseline › gaps › 2: this criterion is listed twice" },
    { "{\"actions\": [{\"id\": \"\"}]}", "baseline › actions › 1: an action needs a non-empty id" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"format\": \"apmm-session\", \"version\": 1, "
                                               "\"model\": \"apmm-1\", \"baseline\": %s}",
                                               cases[i].baseline);
      g_autoptr(GError) error = NULL;
      g_autoptr(ApmmSession) session = load_text (text, &error);

      g_assert_null (session);
      g_assert_error (error, APMM_SESSION_ERROR, APMM_SESSION_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_session_baseline_is_content (void)
{
  g_autoptr(ApmmSession) then = session_with ("Acme", "2026-03-12", level_one, NULL);
  g_autoptr(ApmmSession) now = session_with ("Acme", "2026-09-15", level_one, NULL);
  g_autoptr(ApmmSession) copy = NULL;
  g_autoptr(ApmmBaseline) baseline = apmm_baseline_new_from_session (then, "then.apmm");
  guint notified = 0;

  g_signal_connect_swapped (now, "notify::baseline", G_CALLBACK (g_atomic_int_inc), &notified);
  copy = apmm_session_copy (now);
  apmm_session_set_baseline (now, baseline);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_false (apmm_session_equal (now, copy));

  /* Undo: assigning the earlier state removes the baseline again. */
  apmm_session_assign (now, copy, NULL);
  g_assert_null (apmm_session_get_baseline (now));
  g_assert_cmpuint (notified, ==, 2);
}

/* --- The program ------------------------------------------------------------ */

static int
run_program (const char * const  *args,
             char               **out,
             char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  int wait_status = 0;

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
test_program_compare (void)
{
  const char *args[] = { "--compare", SRC_ROOT "/data/examples/meridian-insurance.apmm",
                         TEST_DATA_DIR "/meridian-insurance-later.apmm", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  JsonArray *changed;

  g_assert_cmpint (run_program (args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (object, "evidence_level_then"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (object, "evidence_level_now"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (object, "perceived_level_then"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (object, "perceived_level_now"), ==, 3);
  changed = json_object_get_array_member (object, "criteria_changed");
  g_assert_cmpuint (json_array_get_length (changed), ==, 9);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (changed, 0), "criterion"),
                   ==, "l3.output-monitoring");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (changed, 0), "from"),
                   ==, "not-met");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (changed, 0), "to"), ==, "met");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "gaps_closed")), ==, 6);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "gaps_opened")), ==, 4);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "actions_done")), ==, 6);
}

static void
test_program_compare_refused (void)
{
  const char *other[] = { "--compare", SRC_ROOT "/data/examples/halcyon-health.apmm",
                          TEST_DATA_DIR "/meridian-insurance-later.apmm", NULL };
  const char *newer[] = { "--compare", TEST_DATA_DIR "/bad/newer-version.apmm",
                          TEST_DATA_DIR "/meridian-insurance-later.apmm", NULL };
  const char *model[] = { "--compare", TEST_DATA_DIR "/bad/unknown-model.apmm",
                          TEST_DATA_DIR "/meridian-insurance-later.apmm", NULL };
  const char *one[] = { "--compare", TEST_DATA_DIR "/meridian-insurance-later.apmm", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_program (other, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, SRC_ROOT "/data/examples/halcyon-health.apmm: The earlier session assessed "
                   "another organisation (“Halcyon Health”, not “Meridian Insurance”)\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_program (newer, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "newer-version.apmm: This session was written by a newer version"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_program (model, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "unknown-model.apmm: "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_program (one, &out, &err), ==, 2);
  g_assert_cmpstr (out, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/compare/level/rose", test_level_rose);
  g_test_add_func ("/compare/level/fell", test_level_fell);
  g_test_add_func ("/compare/level/stayed", test_level_stayed);
  g_test_add_func ("/compare/perceived-and-actions", test_perceived_and_actions);
  g_test_add_func ("/compare/refused/other-organisation", test_other_organisation_refused);
  g_test_add_func ("/compare/refused/later-baseline", test_later_baseline_refused);
  g_test_add_func ("/compare/file/round-trip", test_baseline_round_trip);
  g_test_add_func ("/compare/file/stored-matches-file", test_stored_baseline_matches_file);
  g_test_add_func ("/compare/file/unknown-keys", test_baseline_unknown_keys_kept);
  g_test_add_func ("/compare/file/bad", test_baseline_bad);
  g_test_add_func ("/compare/session/baseline-is-content", test_session_baseline_is_content);
  g_test_add_func ("/compare/program/compare", test_program_compare);
  g_test_add_func ("/compare/program/refused", test_program_compare_refused);

  return g_test_run ();
}
