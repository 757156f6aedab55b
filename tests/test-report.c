/* test-report.c — the report's content model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "apmm-report.h"
#include "apmm-session-file.h"

static const char * const examples[] = {
  "northwind-logistics", "meridian-insurance", "halcyon-health", NULL
};

static ApmmSession *
load_example (const char *name)
{
  g_autofree char *path = g_strdup_printf ("/org/apmm/Workshop/core/examples/%s.apmm", name);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
  g_autoptr(GError) error = NULL;
  ApmmSession *session;

  g_assert_nonnull (bytes);
  session = apmm_session_load_bytes (bytes, &error);
  g_assert_no_error (error);
  return session;
}

static ApmmSession *
load_data_file (const char *name)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ApmmSession *session = apmm_session_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return session;
}

/* Every string of the report, joined, so a test can search it all at once. */
static char *
all_text (ApmmReport *report)
{
  GString *s = g_string_new (NULL);

#define ADD(x) G_STMT_START { g_string_append (s, (x)); g_string_append_c (s, '\n'); } G_STMT_END
  ADD (apmm_report_get_organisation (report));
  ADD (apmm_report_get_title (report));
  ADD (apmm_report_get_facilitator (report));
  ADD (apmm_report_get_notes (report));
  for (guint l = 1; l < APMM_N_LEVELS; l++)
    for (guint i = 0; i < apmm_report_get_n_criteria (report, l); i++)
      {
        const ApmmReportCriterion *c = apmm_report_get_criterion (report, l, i);

        ADD (c->note);
        ADD (c->confirmed_by);
      }
  for (guint i = 0; i < apmm_report_get_n_prompts (report); i++)
    ADD (apmm_report_get_prompt (report, i)->notes);
  for (guint i = 0; i < apmm_report_get_n_gaps (report); i++)
    {
      ADD (apmm_report_get_gap (report, i)->owner);
      ADD (apmm_report_get_gap (report, i)->note);
    }
  for (guint i = 0; i < apmm_report_get_n_actions (report); i++)
    {
      const ApmmReportAction *a = apmm_report_get_action (report, i);

      ADD (a->title);
      ADD (a->description);
      ADD (a->owner);
      ADD (a->measure);
    }
  for (guint i = 0; i < apmm_session_get_n_participants (apmm_report_get_session (report)); i++)
    ADD (apmm_session_get_participant_name (apmm_report_get_session (report), i));
#undef ADD
  return g_string_free (s, FALSE);
}

static void
test_report_content (void)
{
  ApmmModel *model = apmm_model_get_default ();

  for (guint e = 0; examples[e] != NULL; e++)
    {
      g_autoptr(ApmmSession) session = load_example (examples[e]);
      g_autoptr(ApmmAssessment) assessment = apmm_assessment_new (session, model);
      g_autoptr(ApmmReport) report = apmm_report_new (session, model, APMM_REPORT_DEFAULT);
      guint counts[APMM_N_LEVELS], expected[APMM_N_LEVELS];
      guint n_criteria = 0;

      g_assert_cmpstr (apmm_report_get_organisation (report), ==, apmm_session_get_organisation (session));
      for (guint l = 0; l < APMM_N_LEVELS; l++)
        n_criteria += apmm_report_get_n_criteria (report, l);
      g_assert_cmpuint (n_criteria, ==, apmm_model_get_n_criteria (model));
      g_assert_cmpuint (apmm_report_get_n_prompts (report), ==, apmm_model_get_n_prompts (model));
      g_assert_cmpuint (apmm_report_get_n_gaps (report), ==, apmm_assessment_get_n_gaps (assessment));
      for (guint i = 0; i < apmm_report_get_n_gaps (report); i++)
        {
          g_assert_true (apmm_report_get_gap (report, i)->criterion == apmm_assessment_get_gap (assessment, i)->criterion);
          g_assert_cmpuint (apmm_report_get_gap (report, i)->rank, ==, i + 1);
        }
      g_assert_cmpuint (apmm_report_get_n_actions (report), ==, apmm_session_get_n_actions (session));
      for (guint i = 0; i < apmm_report_get_n_actions (report); i++)
        g_assert_cmpstr (apmm_report_get_action (report, i)->title, ==, apmm_session_get_action (session, i)->title);
      g_assert_cmpuint (apmm_report_get_votes (report, counts), ==, apmm_session_count_votes (session, expected));
      g_assert_cmpmem (counts, sizeof counts, expected, sizeof expected);
      /* Every offer once: the rescue and the sprint are one offer. */
      g_assert_cmpuint (apmm_report_get_n_entry_points (report), >=, 1);
      g_assert_cmpuint (apmm_report_get_n_entry_points (report), <=,
                        g_strv_length ((char **) apmm_assessment_get_entry_points (assessment)));
      g_assert_nonnull (strstr (apmm_report_get_headline (report),
                                apmm_model_get_level (model, apmm_assessment_get_evidence_level (assessment))->name));
    }
}

static void
test_report_meridian_verdict (void)
{
  g_autoptr(ApmmSession) session = load_example ("meridian-insurance");
  g_autoptr(ApmmReport) report = apmm_report_new (session, apmm_model_get_default (), 0);
  const ApmmReportCriterion *c = apmm_report_get_criterion (report, 1, 0);
  g_autofree char *when = apmm_report_format_when (c->confirmed_at);

  /* Evidence 2, the room says 3: one level over, in words. */
  g_assert_cmpstr (apmm_report_get_estimation_text (report), ==,
                   "The room rates itself one level above the evidence");
  g_assert_nonnull (strstr (apmm_report_get_progress_text (report), "1 of 7 criteria met and 2 partly met (29%)"));
  g_assert_null (apmm_report_get_inconclusive_text (report));
  g_assert_cmpstr (c->confirmed_by, ==, "Peter Lindqvist");
  g_assert_cmpstr (when, ==, "2026-03-12 09:20");
  /* Gaps the roadmap covers, and the ones it does not. */
  g_assert_cmpuint (apmm_report_get_n_uncovered (report), <=, apmm_report_get_n_gaps (report));
}

/* 62.5 % rounds as the ladder's "Next level 63%" does, so the page agrees with itself. */
static void
test_report_progress_rounding (void)
{
  g_autoptr(ApmmSession) session = load_example ("halcyon-health");
  g_autoptr(ApmmReport) report = apmm_report_new (session, apmm_model_get_default (), 0);

  g_assert_nonnull (strstr (apmm_report_get_progress_text (report), "1 of 4 criteria met and 3 partly met (63%)"));
}

static void
test_report_inconclusive (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(ApmmReport) report = NULL;

  apmm_session_set_status (session, "l1.tools-purchased", APMM_STATUS_MET);
  report = apmm_report_new (session, apmm_model_get_default (), 0);
  g_assert_nonnull (apmm_report_get_inconclusive_text (report));
  g_assert_nonnull (strstr (apmm_report_get_inconclusive_text (report), "1 criterion of level 1"));
  g_assert_cmpuint (apmm_report_get_n_entry_points (report), ==, 1);
  g_assert_cmpstr (apmm_report_get_entry_point (report, 0)->entry_point->id, ==, "diagnostic-sprint");
  g_assert_cmpstr (apmm_report_get_estimation_text (report), ==, "");
  /* No title: a sensible default for the cover. */
  g_assert_cmpstr (apmm_report_get_title (report), !=, "");
}

/* The whole name, the name without its role, and each word of it. */
static void
assert_no_names (ApmmSession *session,
                 const char  *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  for (guint i = 0; i < apmm_session_get_n_participants (session); i++)
    {
      const char *name = apmm_session_get_participant_name (session, i);
      g_autofree char *person = g_strndup (name, strcspn (name, "("));
      g_auto(GStrv) words = g_strsplit (g_strstrip (person), " ", -1);

      for (guint w = 0; words[w] != NULL; w++)
        {
          g_autofree char *word = g_utf8_casefold (words[w], -1);
          g_autoptr(GRegex) re = NULL;
          g_autofree char *escaped = NULL;
          g_autofree char *pattern = NULL;

          if (strlen (word) < 2)
            continue;
          escaped = g_regex_escape_string (word, -1);
          pattern = g_strdup_printf ("(?<!\\w)%s(?!\\w)", escaped);
          re = g_regex_new (pattern, 0, 0, NULL);
          if (g_regex_match (re, folded, 0, NULL))
            g_error ("“%s” (of participant “%s”) is in the anonymised report", words[w], name);
        }
    }
}

static void
test_report_anonymised (void)
{
  ApmmModel *model = apmm_model_get_default ();

  for (guint e = 0; examples[e] != NULL; e++)
    {
      g_autoptr(ApmmSession) session = load_example (examples[e]);
      g_autoptr(ApmmReport) plain = apmm_report_new (session, model, 0);
      g_autoptr(ApmmReport) anon = apmm_report_new (session, model, APMM_REPORT_ANONYMISED);
      g_autofree char *plain_text = all_text (plain);
      g_autofree char *anon_text = all_text (anon);

      g_assert_true (apmm_report_get_anonymised (anon));
      /* The plain report names people; the anonymised one names none. */
      g_assert_nonnull (strstr (plain_text, apmm_session_get_participant_name (session, 0)));
      assert_no_names (session, anon_text);
      g_assert_nonnull (strstr (anon_text, "Participant 1"));
      /* The verdict does not change. */
      g_assert_cmpstr (apmm_report_get_headline (anon), ==, apmm_report_get_headline (plain));
    }
}

static void
test_report_anonymised_forms (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(ApmmReport) report = NULL;

  apmm_session_add_participant (session, "Helen Okafor (Chief Claims Officer)", 3);
  apmm_session_add_participant (session, "Jan van der Berg", 2);
  apmm_session_add_participant (session, "a+b (weird)*", 2);
  apmm_session_set_evidence_note (session, "l1.tools-purchased",
                                  "HELEN said so; Helenium is a plant; van der Berg agreed; a+b too.");
  apmm_session_set_confirmed_by (session, "l1.tools-purchased", "Helen Okafor");
  apmm_session_set_gap_owner (session, "l1.budget-allocated", "IT Operations");
  apmm_session_set_facilitator (session, "Jonas Achterberg");
  report = apmm_report_new (session, apmm_model_get_default (), APMM_REPORT_ANONYMISED);

  g_assert_cmpstr (apmm_report_get_criterion (report, 1, 0)->note, ==,
                   "Participant 1 said so; Helenium is a plant; van der Participant 2 agreed; Participant 3 too.");
  g_assert_cmpstr (apmm_report_get_criterion (report, 1, 0)->confirmed_by, ==, "Participant 1");
  g_assert_cmpstr (apmm_report_get_facilitator (report), ==, "Jonas Achterberg");
  g_assert_cmpstr (apmm_session_get_participant_name (apmm_report_get_session (report), 1), ==, "Participant 2");
  /* The gap of level 1 is there, with a team as its owner, kept. */
  g_assert_cmpstr (apmm_report_get_gap (report, 1)->criterion->id, ==, "l1.budget-allocated");
  g_assert_cmpstr (apmm_report_get_gap (report, 1)->owner, ==, "IT Operations");
}

/* The source offers the rescue and the sprint as one ("… or …"), with one
 * description; the facilitator's pick comes first and says so. */
static void
test_report_offers_and_pick (void)
{
  g_autoptr(ApmmSession) meridian = load_example ("meridian-insurance");
  g_autoptr(ApmmSession) halcyon = load_example ("halcyon-health");
  g_autoptr(ApmmReport) level2 = apmm_report_new (meridian, apmm_model_get_default (), APMM_REPORT_DEFAULT);
  g_autoptr(ApmmReport) picked = NULL;
  const ApmmReportEntryPoint *ep;

  g_assert_cmpuint (apmm_report_get_n_entry_points (level2), ==, 1);
  ep = apmm_report_get_entry_point (level2, 0);
  g_assert_cmpstr (ep->heading, ==, "Pilot-to-Production Rescue or AI Feature Sprint");
  g_assert_false (g_str_has_prefix (ep->why, "The facilitator chose"));

  /* Halcyon stands on level 3, where all three fit; its session records
   * the Ops Retainer. */
  g_assert_cmpstr (apmm_session_get_entry_point (halcyon), ==, "ops-retainer");
  picked = apmm_report_new (halcyon, apmm_model_get_default (), APMM_REPORT_DEFAULT);
  g_assert_cmpuint (apmm_report_get_n_entry_points (picked), ==, 2);
  ep = apmm_report_get_entry_point (picked, 0);
  g_assert_cmpstr (ep->entry_point->id, ==, "ops-retainer");
  g_assert_true (g_str_has_prefix (ep->why, "The facilitator chose Monthly AI Ops Retainer."));
  g_assert_cmpstr (apmm_report_get_entry_point (picked, 1)->heading, ==,
                   "Pilot-to-Production Rescue or AI Feature Sprint");
}

static void
test_report_since_baseline (void)
{
  g_autoptr(ApmmSession) later = load_data_file ("meridian-insurance-later.apmm");
  g_autoptr(ApmmSession) plain = load_example ("meridian-insurance");
  g_autoptr(ApmmReport) report = apmm_report_new (later, apmm_model_get_default (), APMM_REPORT_ANONYMISED);
  g_autoptr(ApmmReport) without = apmm_report_new (plain, apmm_model_get_default (), APMM_REPORT_DEFAULT);
  const char * const *lines = apmm_report_get_since_baseline (report);
  g_autofree char *all = NULL;

  g_assert_null (apmm_report_get_since_baseline (without));
  g_assert_nonnull (lines);
  g_assert_cmpstr (lines[0], ==, "Evidence level: 2 → 3 (+1 since 2026-03-12)");
  g_assert_cmpstr (lines[1], ==, "Perceived level: 3 → 3");
  g_assert_true (g_strv_contains (lines, "Rollback procedure: Partly → Met"));
  all = g_strjoinv ("\n", (char **) lines);
  g_assert_nonnull (strstr (all, "Gaps closed: "));
  g_assert_nonnull (strstr (all, "Gaps opened: "));
  g_assert_nonnull (strstr (all, "Earlier actions done: Fallback runbook for claims handlers"));
  for (guint i = 0; i < apmm_session_get_n_participants (later); i++)
    {
      g_autofree char *name = g_strdup (apmm_session_get_participant_name (later, i));

      name[strcspn (name, " ")] = '\0';
      g_assert_null (strstr (all, name));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/content", test_report_content);
  g_test_add_func ("/report/meridian-verdict", test_report_meridian_verdict);
  g_test_add_func ("/report/inconclusive", test_report_inconclusive);
  g_test_add_func ("/report/progress-rounding", test_report_progress_rounding);
  g_test_add_func ("/report/anonymised", test_report_anonymised);
  g_test_add_func ("/report/anonymised-forms", test_report_anonymised_forms);
  g_test_add_func ("/report/offers-and-pick", test_report_offers_and_pick);
  g_test_add_func ("/report/since-baseline", test_report_since_baseline);

  return g_test_run ();
}
