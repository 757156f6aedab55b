/* test-merge.c — breakout groups' sessions merged, in core and on the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "apmm-assessment.h"
#include "apmm-merge.h"
#include "apmm-session-file.h"

#define GROUPS_DIR TEST_DATA_DIR "/groups"

static ApmmSession *
group_session (const char *organisation)
{
  ApmmSession *session = apmm_session_new ();

  apmm_session_set_organisation (session, organisation);
  apmm_session_set_date (session, "2026-03-12");

  return session;
}

static ApmmSession *
merge_two (ApmmSession  *a,
           ApmmSession  *b,
           GError      **error)
{
  ApmmSession *sessions[] = { a, b };
  const char *groups[] = { "north", "south", NULL };

  return apmm_merge_sessions (sessions, groups, 2, error);
}

static void
test_agreement (void)
{
  g_autoptr(ApmmSession) a = group_session ("Acme");
  g_autoptr(ApmmSession) b = group_session ("Acme");
  g_autoptr(ApmmSession) merged = NULL;
  g_autoptr(GError) error = NULL;

  apmm_session_set_status (a, "l1.tools-purchased", APMM_STATUS_MET);
  apmm_session_set_evidence_note (a, "l1.tools-purchased", "Copilot for everyone");
  apmm_session_set_confirmed_by (a, "l1.tools-purchased", "Ada");
  apmm_session_set_status (b, "l1.tools-purchased", APMM_STATUS_MET);
  apmm_session_set_confirmed_by (b, "l1.tools-purchased", "Ben");
  apmm_session_set_prompt_notes (a, "adoption", "Usage is logged");
  apmm_session_set_prompt_notes (b, "adoption", "Usage is logged");

  merged = merge_two (a, b, &error);
  g_assert_no_error (error);
  g_assert_cmpint (apmm_session_get_status (merged, "l1.tools-purchased"), ==, APMM_STATUS_MET);
  /* The note keeps its group's name; the group without a note adds nothing. */
  g_assert_cmpstr (apmm_session_get_evidence_note (merged, "l1.tools-purchased"), ==, "north: Copilot for everyone");
  g_assert_cmpstr (apmm_session_get_confirmed_by (merged, "l1.tools-purchased"), ==, "Ada, Ben");
  /* The same words from both groups are kept once, with both names. */
  g_assert_cmpstr (apmm_session_get_prompt_notes (merged, "adoption"), ==, "north, south: Usage is logged");
  g_assert_null (apmm_session_get_disputes (merged));
  g_assert_cmpstr (apmm_session_get_organisation (merged), ==, "Acme");
}

static void
test_disagreement (void)
{
  g_autoptr(ApmmSession) a = group_session ("Acme");
  g_autoptr(ApmmSession) b = group_session ("Acme");
  g_autoptr(ApmmSession) merged = NULL;
  g_autoptr(GError) error = NULL;
  ApmmDisputes *disputes;
  const ApmmGroupRating *rating;

  apmm_session_set_status (a, "l3.rollback", APMM_STATUS_MET);
  apmm_session_set_evidence_note (a, "l3.rollback", "Rehearsed in May");
  apmm_session_set_status (b, "l3.rollback", APMM_STATUS_PARTLY);
  apmm_session_set_evidence_note (b, "l3.rollback", "Never with IT");

  merged = merge_two (a, b, &error);
  g_assert_no_error (error);
  /* Never inflated: the lower of met and partly. */
  g_assert_cmpint (apmm_session_get_status (merged, "l3.rollback"), ==, APMM_STATUS_PARTLY);
  g_assert_cmpstr (apmm_session_get_evidence_note (merged, "l3.rollback"), ==,
                   "north: Rehearsed in May · south: Never with IT");

  disputes = apmm_session_get_disputes (merged);
  g_assert_true (apmm_disputes_contains (disputes, "l3.rollback"));
  g_assert_false (apmm_disputes_contains (disputes, "l3.cost-tracked"));
  g_assert_cmpuint (apmm_disputes_get_n_groups (disputes, "l3.rollback"), ==, 2);
  rating = apmm_disputes_get_group (disputes, "l3.rollback", 0);
  g_assert_cmpstr (rating->group, ==, "north");
  g_assert_cmpint (rating->status, ==, APMM_STATUS_MET);
  g_assert_cmpstr (rating->note, ==, "Rehearsed in May");
  rating = apmm_disputes_get_group (disputes, "l3.rollback", 1);
  g_assert_cmpstr (rating->group, ==, "south");
  g_assert_cmpint (rating->status, ==, APMM_STATUS_PARTLY);

  /* The room settles it at met: one change, the dispute gone. */
  apmm_session_settle_dispute (merged, "l3.rollback", APMM_STATUS_MET);
  g_assert_cmpint (apmm_session_get_status (merged, "l3.rollback"), ==, APMM_STATUS_MET);
  g_assert_null (apmm_session_get_disputes (merged));
}

static void
test_unknowns (void)
{
  static const struct {
    ApmmStatus a, b, merged;
  } cases[] = {
    { APMM_STATUS_MET, APMM_STATUS_UNKNOWN, APMM_STATUS_UNKNOWN },
    { APMM_STATUS_NOT_MET, APMM_STATUS_UNKNOWN, APMM_STATUS_UNKNOWN },
    { APMM_STATUS_PARTLY, APMM_STATUS_NOT_MET, APMM_STATUS_NOT_MET },
    { APMM_STATUS_UNKNOWN, APMM_STATUS_UNKNOWN, APMM_STATUS_UNKNOWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ApmmSession) a = group_session ("Acme");
      g_autoptr(ApmmSession) b = group_session ("Acme");
      g_autoptr(ApmmSession) merged = NULL;
      g_autoptr(GError) error = NULL;

      apmm_session_set_status (a, "l2.live-real-data", cases[i].a);
      apmm_session_set_status (b, "l2.live-real-data", cases[i].b);
      merged = merge_two (a, b, &error);
      g_assert_no_error (error);
      g_assert_cmpint (apmm_session_get_status (merged, "l2.live-real-data"), ==, cases[i].merged);
      g_assert_true (apmm_disputes_contains (apmm_session_get_disputes (merged), "l2.live-real-data") ==
                     (cases[i].a != cases[i].b));
    }
}

static void
test_duplicate_participants (void)
{
  g_autoptr(ApmmSession) a = group_session ("Acme");
  g_autoptr(ApmmSession) b = group_session ("Acme");
  g_autoptr(ApmmSession) merged = NULL;
  g_autoptr(GError) error = NULL;

  apmm_session_add_participant (a, "Ada", 2);
  apmm_session_add_participant (a, "Ben", 3);
  apmm_session_add_participant (b, "Ada", 1);
  apmm_session_add_participant (b, "Ada", -1);
  apmm_session_set_tally (a, 2, 4);
  apmm_session_set_tally (b, 2, 1);

  merged = merge_two (a, b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (apmm_session_get_n_participants (merged), ==, 4);
  g_assert_cmpstr (apmm_session_get_participant_name (merged, 0), ==, "Ada");
  g_assert_cmpstr (apmm_session_get_participant_name (merged, 1), ==, "Ben");
  g_assert_cmpstr (apmm_session_get_participant_name (merged, 2), ==, "Ada (south)");
  g_assert_cmpstr (apmm_session_get_participant_name (merged, 3), ==, "Ada (south 2)");
  g_assert_cmpint (apmm_session_get_participant_vote (merged, 2), ==, 1);
  g_assert_cmpint (apmm_session_get_participant_vote (merged, 3), ==, -1);
  g_assert_cmpuint (apmm_session_get_tally (merged, 2), ==, 5);
}

static void
test_twenty_groups (void)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GStrvBuilder) paths = g_strv_builder_new ();
  g_auto(GStrv) path_list = NULL;
  g_auto(GStrv) groups = NULL;
  g_autoptr(ApmmSession) merged = NULL;
  g_autoptr(ApmmSession) too_many = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(ApmmSession) reloaded = NULL;

  for (guint i = 0; i < 21; i++)
    {
      ApmmSession *session = group_session ("Acme");
      g_autofree char *path = g_strdup_printf ("/media/usb%u/breakout.apmm", i);

      apmm_session_add_participant (session, "Facilitator", 2);
      apmm_session_set_status (session, "l1.tools-purchased", APMM_STATUS_MET);
      apmm_session_set_status (session, "l1.budget-allocated", i == 7 ? APMM_STATUS_PARTLY : APMM_STATUS_MET);
      g_ptr_array_add (sessions, session);
      g_strv_builder_add (paths, path);
    }
  path_list = g_strv_builder_end (paths);
  groups = apmm_merge_group_names ((const char * const *) path_list);
  g_assert_cmpstr (groups[0], ==, "breakout");
  g_assert_cmpstr (groups[1], ==, "breakout (2)");
  g_assert_cmpstr (groups[20], ==, "breakout (21)");

  merged = apmm_merge_sessions ((ApmmSession * const *) sessions->pdata, (const char * const *) groups, 20, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (apmm_session_get_n_participants (merged), ==, 20);
  g_assert_cmpstr (apmm_session_get_participant_name (merged, 19), ==, "Facilitator (breakout (20))");
  g_assert_cmpint (apmm_session_get_status (merged, "l1.tools-purchased"), ==, APMM_STATUS_MET);
  g_assert_cmpint (apmm_session_get_status (merged, "l1.budget-allocated"), ==, APMM_STATUS_PARTLY);
  g_assert_cmpuint (apmm_disputes_get_n_groups (apmm_session_get_disputes (merged), "l1.budget-allocated"), ==, 20);

  /* Twenty groups' disputes read back. */
  saved = apmm_session_to_bytes (merged);
  reloaded = apmm_session_load_bytes (saved, &error);
  g_assert_no_error (error);
  g_assert_true (apmm_session_equal (merged, reloaded));

  too_many = apmm_merge_sessions ((ApmmSession * const *) sessions->pdata, (const char * const *) groups, 21, &error);
  g_assert_null (too_many);
  g_assert_error (error, APMM_MERGE_ERROR, APMM_MERGE_ERROR_COUNT);
}

static void
test_other_organisation (void)
{
  g_autoptr(ApmmSession) a = group_session ("Acme");
  g_autoptr(ApmmSession) b = group_session ("Globex");
  g_autoptr(ApmmSession) merged = NULL;
  g_autoptr(GError) error = NULL;

  merged = merge_two (a, b, &error);
  g_assert_null (merged);
  g_assert_error (error, APMM_MERGE_ERROR, APMM_MERGE_ERROR_OTHER_ORGANISATION);
  g_assert_cmpstr (error->message, ==, "The groups assessed different organisations (“Acme” and “Globex”)");
}

static void
test_gaps_and_actions (void)
{
  g_autoptr(ApmmSession) a = group_session ("Acme");
  g_autoptr(ApmmSession) b = group_session ("Acme");
  g_autoptr(ApmmAction) runbook = apmm_action_new ("a1", "Runbook");
  g_autoptr(ApmmAction) same = apmm_action_new ("a1", "Write the rollback runbook");
  g_autoptr(ApmmAction) other = apmm_action_new ("a2", "Alerting");
  g_autoptr(ApmmSession) merged = NULL;
  g_autoptr(GError) error = NULL;
  const ApmmAction *joined;

  apmm_session_set_gap_impact (a, "l3.rollback", 3);
  apmm_session_set_gap_owner (a, "l3.rollback", "Claire");
  apmm_session_set_gap_effort (b, "l3.rollback", 3);
  apmm_session_set_gap_owner (b, "l3.rollback", "Stefan");

  runbook->criteria = g_strsplit ("l3.rollback", ",", -1);
  runbook->owner = (g_free (runbook->owner), g_strdup ("Claire"));
  runbook->status = APMM_ACTION_DONE;
  same->criteria = g_strsplit ("l3.rollback", ",", -1);
  same->owner = (g_free (same->owner), g_strdup ("Stefan"));
  same->horizon = APMM_HORIZON_QUARTER;
  other->criteria = g_strsplit ("l3.output-monitoring", ",", -1);
  apmm_session_insert_action (a, -1, runbook);
  apmm_session_insert_action (b, -1, same);
  apmm_session_insert_action (b, -1, other);

  merged = merge_two (a, b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (apmm_session_get_gap_impact (merged, "l3.rollback"), ==, 3);
  g_assert_cmpuint (apmm_session_get_gap_effort (merged, "l3.rollback"), ==, 3);
  g_assert_cmpstr (apmm_session_get_gap_owner (merged, "l3.rollback"), ==, "Claire, Stefan");

  /* Two actions on the same criterion are one; ids are fresh and distinct. */
  g_assert_cmpuint (apmm_session_get_n_actions (merged), ==, 2);
  joined = apmm_session_get_action (merged, 0);
  g_assert_cmpstr (joined->id, ==, "a1");
  g_assert_cmpstr (joined->title, ==, "Runbook");
  g_assert_cmpstr (joined->owner, ==, "Claire, Stefan");
  g_assert_cmpint (joined->status, ==, APMM_ACTION_PLANNED);
  g_assert_cmpint (joined->horizon, ==, APMM_HORIZON_30_DAYS);
  g_assert_cmpstr (apmm_session_get_action (merged, 1)->id, ==, "a2");
}

static void
test_disputes_unknown_keys (void)
{
  const char *text =
    "{\n"
    "  \"format\": \"apmm-session\",\n"
    "  \"version\": 1,\n"
    "  \"model\": \"apmm-1\",\n"
    "  \"date\": \"2026-03-12\",\n"
    "  \"ratings\": {\n"
    "    \"l3.rollback\": {\n"
    "      \"status\": \"partly\"\n"
    "    }\n"
    "  },\n"
    "  \"disputes\": {\n"
    "    \"l3.rollback\": [\n"
    "      {\n"
    "        \"group\": \"north\",\n"
    "        \"status\": \"met\",\n"
    "        \"note\": \"\",\n"
    "        \"x-seat\": 4\n"
    "      },\n"
    "      {\n"
    "        \"group\": \"south\",\n"
    "        \"status\": \"partly\",\n"
    "        \"note\": \"Never with IT\"\n"
    "      }\n"
    "    ]\n"
    "  }\n"
    "}\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmSession) session = apmm_session_load_bytes (bytes, &error);
  g_autoptr(GBytes) saved = NULL;

  g_assert_no_error (error);
  saved = apmm_session_to_bytes (session);
  g_assert_cmpmem (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), text, strlen (text));
}

static void
test_disputes_bad (void)
{
  static const struct {
    const char *disputes;
    const char *message;
  } cases[] = {
    { "[]", "disputes: expected an object" },
    { "{\"l9.x\": []}", "disputes › l9.x: unknown criterion (expected an id such as l3.rollback)" },
    { "{\"l3.rollback\": [{\"status\": \"met\"}]}", "disputes › l3.rollback: expected the ratings of 2 to 20 groups" },
    { "{\"l3.rollback\": [{\"status\": \"met\"}, {\"group\": \"b\"}]}",
      "disputes › l3.rollback › 2 › status: missing" },
    { "{\"l3.rollback\": [{\"status\": \"met\"}, {\"status\": \"sure\"}]}",
      "disputes › l3.rollback › 2 › status: expected one of met, partly, not-met, unknown" },
    { "{\"l3.rollback\": [{\"status\": \"met\"}, {\"status\": \"met\", \"note\": 1}]}",
      "disputes › l3.rollback › 2 › note: expected a string" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"format\": \"apmm-session\", \"version\": 1, "
                                               "\"model\": \"apmm-1\", \"disputes\": %s}",
                                               cases[i].disputes);
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
      g_autoptr(GError) error = NULL;
      g_autoptr(ApmmSession) session = apmm_session_load_bytes (bytes, &error);

      g_assert_null (session);
      g_assert_error (error, APMM_SESSION_ERROR, APMM_SESSION_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
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
test_program_three_groups (void)
{
  g_autofree char *dir = g_dir_make_tmp ("apmm-merge-XXXXXX", NULL);
  g_autofree char *output = g_build_filename (dir, "plenary.apmm", NULL);
  g_autofree char *option = g_strconcat ("--output=", output, NULL);
  const char *args[] = { "--merge", GROUPS_DIR "/claims-team.apmm", GROUPS_DIR "/it-ops.apmm",
                         GROUPS_DIR "/data-science.apmm", option, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (output);
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmSession) merged = NULL;
  g_autoptr(ApmmAssessment) assessment = NULL;

  g_assert_cmpint (run_program (args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpstr (out, ==,
                   "l2.adoption-measured: claims-team met, it-ops met, data-science unknown\n"
                   "l3.rollback: claims-team met, it-ops partly, data-science partly\n"
                   "l3.two-people: claims-team partly, it-ops not-met, data-science partly\n");

  merged = apmm_session_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (apmm_session_get_n_participants (merged), ==, 9);
  g_assert_cmpstr (apmm_session_get_participant_name (merged, 5), ==, "Claire Dubois (it-ops)");
  /* The unknown at level 2 holds the merged level at 1, and inconclusive. */
  assessment = apmm_assessment_new (merged, apmm_model_get_default ());
  g_assert_cmpuint (apmm_assessment_get_evidence_level (assessment), ==, 1);
  g_assert_true (apmm_assessment_get_inconclusive (assessment));

  g_unlink (output);
  g_rmdir (dir);
}

static void
test_program_bad_input (void)
{
  g_autofree char *dir = g_dir_make_tmp ("apmm-merge-XXXXXX", NULL);
  g_autofree char *output = g_build_filename (dir, "plenary.apmm", NULL);
  g_autofree char *option = g_strconcat ("--output=", output, NULL);
  const char *args[] = { "--merge", GROUPS_DIR "/claims-team.apmm", TEST_DATA_DIR "/bad/truncated.apmm",
                         GROUPS_DIR "/data-science.apmm", option, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_program (args, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, TEST_DATA_DIR "/bad/truncated.apmm: "));
  g_assert_null (strstr (err, "claims-team"));
  /* Nothing was written. */
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

static void
test_program_output_is_input (void)
{
  g_autofree char *dir = g_dir_make_tmp ("apmm-merge-XXXXXX", NULL);
  g_autofree char *copy = g_build_filename (dir, "group.apmm", NULL);
  g_autofree char *link = g_build_filename (dir, "link.apmm", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *after = NULL;
  g_autofree char *option = g_strconcat ("--output=", link, NULL);
  const char *args[] = { "--merge", GROUPS_DIR "/claims-team.apmm", copy, option, NULL };
  const char *one[] = { "--merge", GROUPS_DIR "/claims-team.apmm", option, NULL };
  const char *no_output[] = { "--merge", GROUPS_DIR "/claims-team.apmm", GROUPS_DIR "/it-ops.apmm", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_true (g_file_get_contents (GROUPS_DIR "/it-ops.apmm", &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (copy, contents, -1, NULL));
  g_assert_cmpint (symlink (copy, link), ==, 0);

  /* The output is a link to an input: refused, the input untouched. */
  g_assert_cmpint (run_program (args, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "is one of the files to merge"));
  g_assert_true (g_file_get_contents (copy, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, contents);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_program (one, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--merge takes 2 to 20 FILEs"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_program (no_output, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--merge needs --output=PATH"));
  g_assert_cmpstr (out, ==, "");

  g_unlink (link);
  g_unlink (copy);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge/agreement", test_agreement);
  g_test_add_func ("/merge/disagreement", test_disagreement);
  g_test_add_func ("/merge/unknowns", test_unknowns);
  g_test_add_func ("/merge/duplicate-participants", test_duplicate_participants);
  g_test_add_func ("/merge/twenty-groups", test_twenty_groups);
  g_test_add_func ("/merge/other-organisation", test_other_organisation);
  g_test_add_func ("/merge/gaps-and-actions", test_gaps_and_actions);
  g_test_add_func ("/merge/file/unknown-keys", test_disputes_unknown_keys);
  g_test_add_func ("/merge/file/bad", test_disputes_bad);
  g_test_add_func ("/merge/program/three-groups", test_program_three_groups);
  g_test_add_func ("/merge/program/bad-input", test_program_bad_input);
  g_test_add_func ("/merge/program/output-is-input", test_program_output_is_input);

  return g_test_run ();
}
