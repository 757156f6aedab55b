/* test-assessment.c — the rules of docs/apmm-rules.md, one table row per case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "apmm-assessment.h"

/*
 * A case is a small spec in words, expanded onto a fresh session:
 *
 * ratings    "L1=met l2.owned-use-case=partly": `Ln=` rates every criterion of
 *            level n, an id rates one; later tokens win. Unrated is unknown.
 * votes      participants' votes, "-" for a participant without one.
 * tallies    anonymous tallies "level:count".
 * scores     gap scores "id:impact:effort".
 * order      the manual gap order, or NULL for none.
 *
 * Expectations: progress < 0 and perceived < 0 mean null; gaps lists the ranked
 * criterion ids, each with a trailing "*" when it crosses the Failure Chasm.
 */
typedef struct
{
  const char *name;
  const char *ratings;
  const char *votes;
  const char *tallies;
  int         perceived;
  int         target;
  const char *scores;
  const char *order;

  guint       evidence;
  double      progress;
  gboolean    inconclusive;
  int         expected_perceived;
  int         overestimation;
  guint       expected_target;
  const char *entry_points;
  const char *gaps;
} RuleCase;

#define L3_ALL "l3.output-monitoring* l3.rollback* l3.cost-tracked* l3.slo-reviewed* " \
               "l3.two-people* l3.cost-capped* l3.failure-process*"

static const RuleCase rule_cases[] = {
  { "no-ratings", "", "", "", -1, -1, "", NULL,
    0, 0.0, TRUE, -1, 0, 1, "diagnostic-sprint",
    "l1.tools-purchased l1.budget-allocated" },
  { "all-met", "L1=met L2=met L3=met L4=met", "", "", -1, -1, "", NULL,
    4, -1, FALSE, -1, 0, 4, "ops-retainer", "" },
  { "all-met-target-ignored", "L1=met L2=met L3=met L4=met", "", "", -1, 4, "", NULL,
    4, -1, FALSE, -1, 0, 4, "ops-retainer", "" },
  { "partly-is-not-met", "l1.tools-purchased=met l1.budget-allocated=partly", "", "", -1, -1, "", NULL,
    0, 0.75, FALSE, -1, 0, 1, "readiness-workshop", "l1.budget-allocated" },
  { "all-partly", "L1=partly", "", "", -1, -1, "", NULL,
    0, 0.5, FALSE, -1, 0, 1, "readiness-workshop", "l1.tools-purchased l1.budget-allocated" },
  { "higher-levels-need-lower", "L2=met L3=met L4=met l1.budget-allocated=met", "", "", -1, -1, "", NULL,
    0, 0.5, TRUE, -1, 0, 1, "diagnostic-sprint", "l1.tools-purchased" },
  { "level-1", "L1=met l2.live-real-data=partly l2.owned-use-case=met l2.adoption-measured=not-met",
    "", "", -1, -1, "", NULL,
    1, 0.5, FALSE, -1, 0, 2, "readiness-workshop", "l2.live-real-data l2.adoption-measured" },
  { "unknown-next-level", "L1=met l2.live-real-data=met l2.owned-use-case=met", "", "", -1, -1, "", NULL,
    1, 2.0 / 3.0, TRUE, -1, 0, 2, "diagnostic-sprint", "l2.adoption-measured" },
  { "unknown-above-next-level", "L1=met L2=met L3=not-met", "", "", -1, -1, "", NULL,
    2, 0.0, FALSE, -1, 0, 3, "pilot-rescue feature-sprint", L3_ALL },
  { "level-3", "L1=met L2=met L3=met L4=not-met l4.literacy=partly", "", "", -1, -1, "", NULL,
    3, 0.125, FALSE, -1, 0, 4, "pilot-rescue feature-sprint ops-retainer",
    "l4.core-operations l4.feedback-loops l4.literacy l4.repeatable-process" },
  { "level-3-inconclusive", "L1=met L2=met L3=met L4=met l4.literacy=unknown", "", "", -1, -1, "", NULL,
    3, 0.75, TRUE, -1, 0, 4, "diagnostic-sprint", "l4.literacy" },
  { "votes-odd", "L1=met L2=not-met", "3 1 2", "", -1, -1, "", NULL,
    1, 0.0, FALSE, 2, 1, 2, "readiness-workshop",
    "l2.live-real-data l2.owned-use-case l2.adoption-measured" },
  { "votes-even-lower-median", "L1=met L2=not-met", "1 3 3 0", "", -1, -1, "", NULL,
    1, 0.0, FALSE, 1, 0, 2, "readiness-workshop",
    "l2.live-real-data l2.owned-use-case l2.adoption-measured" },
  { "votes-with-tallies", "L1=met L2=not-met", "0 - -", "3:2 2:1", 4, -1, "", NULL,
    1, 0.0, FALSE, 2, 1, 2, "readiness-workshop",
    "l2.live-real-data l2.owned-use-case l2.adoption-measured" },
  { "votes-tallies-only", "L1=met L2=not-met", "", "4:1", 0, -1, "", NULL,
    1, 0.0, FALSE, 4, 3, 2, "readiness-workshop",
    "l2.live-real-data l2.owned-use-case l2.adoption-measured" },
  { "votes-fall-back-to-session", "L1=met L2=not-met", "- -", "", 3, -1, "", NULL,
    1, 0.0, FALSE, 3, 2, 2, "readiness-workshop",
    "l2.live-real-data l2.owned-use-case l2.adoption-measured" },
  { "votes-none", "L1=met L2=not-met", "- -", "", -1, -1, "", NULL,
    1, 0.0, FALSE, -1, 0, 2, "readiness-workshop",
    "l2.live-real-data l2.owned-use-case l2.adoption-measured" },
  { "underestimation", "L1=met L2=met L3=met L4=not-met", "1 2", "", 4, -1, "", NULL,
    3, 0.0, FALSE, 1, -2, 4, "pilot-rescue feature-sprint ops-retainer",
    "l4.core-operations l4.feedback-loops l4.literacy l4.repeatable-process" },
  { "target-equal-evidence-ignored", "L1=met L2=met L3=not-met", "", "", -1, 2, "", NULL,
    2, 0.0, FALSE, -1, 0, 3, "pilot-rescue feature-sprint", L3_ALL },
  { "target-below-evidence-ignored", "L1=met L2=met L3=not-met", "", "", -1, 1, "", NULL,
    2, 0.0, FALSE, -1, 0, 3, "pilot-rescue feature-sprint", L3_ALL },
  { "target-spans-levels", "L1=met L2=not-met L3=met l3.rollback=partly L4=not-met",
    "", "", -1, 4, "l4.literacy:3:1 l3.rollback:1:3", NULL,
    1, 0.0, FALSE, -1, 0, 4, "readiness-workshop",
    "l2.live-real-data l2.owned-use-case l2.adoption-measured l3.rollback* "
    "l4.literacy* l4.core-operations* l4.feedback-loops* l4.repeatable-process*" },
  { "ranking-ties", "L1=met L2=met L3=not-met", "", "",
    -1, -1, "l3.rollback:3:2 l3.cost-tracked:3:1 l3.slo-reviewed:1:1 l3.two-people:3:1 l3.cost-capped:2:3",
    NULL,
    2, 0.0, FALSE, -1, 0, 3, "pilot-rescue feature-sprint",
    "l3.cost-tracked* l3.two-people* l3.rollback* l3.output-monitoring* l3.failure-process* "
    "l3.cost-capped* l3.slo-reviewed*" },
  { "manual-order", "L1=met L2=not-met L3=not-met l3.cost-tracked=met", "", "",
    -1, 3, "l2.owned-use-case:3:1",
    "l3.rollback l1.tools-purchased l3.cost-tracked l2.adoption-measured",
    1, 0.0, FALSE, -1, 0, 3, "readiness-workshop",
    "l3.rollback* l2.adoption-measured l2.owned-use-case l2.live-real-data "
    "l3.output-monitoring* l3.slo-reviewed* l3.two-people* l3.cost-capped* l3.failure-process*" },
  { "manual-order-empty", "L1=met L2=not-met", "", "", -1, -1, "l2.adoption-measured:3:2", "",
    1, 0.0, FALSE, -1, 0, 2, "readiness-workshop",
    "l2.adoption-measured l2.live-real-data l2.owned-use-case" },
};

static ApmmModel *
get_model (void)
{
  ApmmModel *model = apmm_model_get_default ();

  g_assert_nonnull (model);

  return model;
}

static ApmmStatus
parse_status (const char *str)
{
  ApmmStatus status;

  g_assert_true (apmm_status_from_string (str, &status));

  return status;
}

static void
apply_rating (ApmmSession *session,
              const char  *token)
{
  g_auto(GStrv) parts = g_strsplit (token, "=", 2);
  ApmmModel *model = get_model ();
  ApmmStatus status;

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  status = parse_status (parts[1]);

  if (parts[0][0] == 'L')
    {
      const ApmmLevel *level = apmm_model_get_level (model, atoi (parts[0] + 1));

      for (guint i = 0; level->criteria[i] != NULL; i++)
        apmm_session_set_status (session, level->criteria[i]->id, status);
    }
  else
    {
      g_assert_nonnull (apmm_model_lookup_criterion (model, parts[0]));
      apmm_session_set_status (session, parts[0], status);
    }
}

static void
apply_votes (ApmmSession *session,
             const char  *votes,
             const char  *tallies)
{
  g_auto(GStrv) vote_tokens = g_strsplit (votes, " ", -1);
  g_auto(GStrv) tally_tokens = g_strsplit (tallies, " ", -1);

  for (guint i = 0; vote_tokens[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("Participant %u", i + 1);
      int vote = g_str_equal (vote_tokens[i], "-") ? -1 : atoi (vote_tokens[i]);

      if (*vote_tokens[i] != '\0')
        apmm_session_add_participant (session, name, vote);
    }

  for (guint i = 0; tally_tokens[i] != NULL; i++)
    {
      guint level, count;

      if (*tally_tokens[i] == '\0')
        continue;
      g_assert_cmpint (sscanf (tally_tokens[i], "%u:%u", &level, &count), ==, 2);
      apmm_session_set_tally (session, level, count);
    }
}

static void
apply_scores (ApmmSession *session,
              const char  *scores)
{
  g_auto(GStrv) tokens = g_strsplit (scores, " ", -1);

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (tokens[i], ":", 3);

      if (*tokens[i] == '\0')
        continue;
      g_assert_cmpuint (g_strv_length (parts), ==, 3);
      apmm_session_set_gap_impact (session, parts[0], atoi (parts[1]));
      apmm_session_set_gap_effort (session, parts[0], atoi (parts[2]));
    }
}

static ApmmSession *
session_from_case (const RuleCase *rule)
{
  ApmmSession *session = apmm_session_new ();
  g_auto(GStrv) ratings = g_strsplit (rule->ratings, " ", -1);

  for (guint i = 0; ratings[i] != NULL; i++)
    {
      if (*ratings[i] != '\0')
        apply_rating (session, ratings[i]);
    }

  apply_votes (session, rule->votes, rule->tallies);
  apmm_session_set_perceived_level (session, rule->perceived);
  apmm_session_set_target_level (session, rule->target);
  apply_scores (session, rule->scores);

  if (rule->order != NULL)
    {
      g_auto(GStrv) order = g_strsplit (rule->order, " ", -1);

      /* An empty spec stands for an empty manual order, not for none. */
      if (*rule->order == '\0')
        g_clear_pointer (&order[0], g_free);
      apmm_session_set_gap_order (session, (const char * const *) order);
    }

  return session;
}

static char *
join_gaps (ApmmAssessment *assessment)
{
  g_autoptr(GString) str = g_string_new (NULL);

  for (guint i = 0; i < apmm_assessment_get_n_gaps (assessment); i++)
    {
      const ApmmGap *gap = apmm_assessment_get_gap (assessment, i);

      if (i > 0)
        g_string_append_c (str, ' ');
      g_string_append (str, gap->criterion->id);
      if (gap->crosses_chasm)
        g_string_append_c (str, '*');
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static void
check_levels (ApmmAssessment *assessment,
              const RuleCase *rule)
{
  guint perceived = 0;
  int overestimation = 0;
  double progress = 0.0;

  g_assert_cmpuint (apmm_assessment_get_evidence_level (assessment), ==, rule->evidence);
  g_assert_cmpuint (apmm_assessment_get_target_level (assessment), ==, rule->expected_target);
  g_assert_cmpint (apmm_assessment_get_inconclusive (assessment), ==, rule->inconclusive);

  g_assert_cmpint (apmm_assessment_get_next_level_progress (assessment, &progress), ==,
                   rule->progress >= 0);
  if (rule->progress >= 0)
    g_assert_cmpfloat_with_epsilon (progress, rule->progress, 1e-9);

  g_assert_cmpint (apmm_assessment_get_perceived_level (assessment, &perceived), ==,
                   rule->expected_perceived >= 0);
  g_assert_cmpint (apmm_assessment_get_overestimation (assessment, &overestimation), ==,
                   rule->expected_perceived >= 0);
  if (rule->expected_perceived >= 0)
    {
      g_assert_cmpuint (perceived, ==, rule->expected_perceived);
      g_assert_cmpint (overestimation, ==, rule->overestimation);
    }
}

static void
test_rule_case (gconstpointer data)
{
  const RuleCase *rule = data;
  g_autoptr(ApmmSession) session = session_from_case (rule);
  g_autoptr(ApmmAssessment) assessment = apmm_assessment_new (session, get_model ());
  g_autofree char *entry_points = NULL;
  g_autofree char *gaps = NULL;

  check_levels (assessment, rule);

  entry_points = g_strjoinv (" ", (GStrv) apmm_assessment_get_entry_points (assessment));
  g_assert_cmpstr (entry_points, ==, rule->entry_points);

  gaps = join_gaps (assessment);
  g_assert_cmpstr (gaps, ==, rule->gaps);
}

/* The manual order changes the ranked gaps, never the recommended ranking. */
static void
test_default_order_ignores_manual (void)
{
  const RuleCase *rule = NULL;
  g_autoptr(ApmmSession) session = NULL;
  g_autoptr(ApmmAssessment) assessment = NULL;
  g_auto(GStrv) order = NULL;
  g_autofree char *joined = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rule_cases); i++)
    {
      if (g_str_equal (rule_cases[i].name, "manual-order"))
        rule = &rule_cases[i];
    }
  g_assert_nonnull (rule);

  session = session_from_case (rule);
  assessment = apmm_assessment_new (session, get_model ());
  order = apmm_assessment_dup_default_gap_order (assessment);
  joined = g_strjoinv (" ", order);
  g_assert_cmpstr (joined, ==,
                   "l2.owned-use-case l2.live-real-data l2.adoption-measured "
                   "l3.output-monitoring l3.rollback l3.slo-reviewed l3.two-people "
                   "l3.cost-capped l3.failure-process");
}

/* Gaps carry the status, impact and effort the views show. */
static void
test_gap_details (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(ApmmAssessment) assessment = NULL;
  const ApmmGap *gap;

  apmm_session_set_status (session, "l1.tools-purchased", APMM_STATUS_PARTLY);
  apmm_session_set_status (session, "l1.budget-allocated", APMM_STATUS_NOT_MET);
  apmm_session_set_gap_impact (session, "l1.budget-allocated", 3);
  apmm_session_set_gap_effort (session, "l1.budget-allocated", 1);

  assessment = apmm_assessment_new (session, get_model ());
  g_assert_cmpuint (apmm_assessment_get_n_gaps (assessment), ==, 2);

  gap = apmm_assessment_get_gap (assessment, 0);
  g_assert_cmpstr (gap->criterion->id, ==, "l1.budget-allocated");
  g_assert_cmpint (gap->status, ==, APMM_STATUS_NOT_MET);
  g_assert_cmpuint (gap->impact, ==, 3);
  g_assert_cmpuint (gap->effort, ==, 1);
  g_assert_false (gap->crosses_chasm);

  gap = apmm_assessment_get_gap (assessment, 1);
  g_assert_cmpstr (gap->criterion->id, ==, "l1.tools-purchased");
  g_assert_cmpint (gap->status, ==, APMM_STATUS_PARTLY);
  g_assert_cmpuint (gap->impact, ==, APMM_IMPACT_DEFAULT);
  g_assert_cmpuint (gap->effort, ==, APMM_EFFORT_DEFAULT);
}

/* An assessment is a snapshot: later edits of the session do not reach it. */
static void
test_snapshot (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(ApmmAssessment) assessment = NULL;
  ApmmAssessment *copy;

  apmm_session_set_status (session, "l1.tools-purchased", APMM_STATUS_MET);
  apmm_session_set_status (session, "l1.budget-allocated", APMM_STATUS_MET);
  assessment = apmm_assessment_new (session, get_model ());

  apmm_session_set_status (session, "l1.budget-allocated", APMM_STATUS_NOT_MET);
  g_assert_cmpuint (apmm_assessment_get_evidence_level (assessment), ==, 1);

  copy = g_boxed_copy (APMM_TYPE_ASSESSMENT, assessment);
  g_assert_true (copy == assessment);
  g_boxed_free (APMM_TYPE_ASSESSMENT, copy);
  g_assert_cmpuint (apmm_assessment_get_evidence_level (assessment), ==, 1);
}

static char *
summary_text (ApmmSession *session)
{
  g_autoptr(ApmmAssessment) assessment = apmm_assessment_new (session, get_model ());
  g_autoptr(JsonNode) summary = apmm_assessment_to_summary (assessment);
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, summary);

  return json_generator_to_data (generator, NULL);
}

static void
test_summary_text (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autofree char *text = NULL;

  apply_rating (session, "L1=met");
  apply_rating (session, "l2.live-real-data=met");
  apply_rating (session, "l2.owned-use-case=partly");
  apply_rating (session, "l2.adoption-measured=not-met");
  apply_votes (session, "3 2", "");
  apply_scores (session, "l2.adoption-measured:3:2");

  text = summary_text (session);
  g_assert_cmpstr (text, ==,
                   "{\"evidence_level\":1,"
                   "\"evidence_level_name\":\"AI Licensed\","
                   "\"perceived_level\":2,"
                   "\"overestimation\":1,"
                   "\"target_level\":2,"
                   "\"next_level_progress\":0.5,"
                   "\"inconclusive\":false,"
                   "\"entry_points\":[\"readiness-workshop\"],"
                   "\"gaps\":["
                   "{\"criterion\":\"l2.adoption-measured\",\"level\":2,\"status\":\"not-met\"},"
                   "{\"criterion\":\"l2.owned-use-case\",\"level\":2,\"status\":\"partly\"}"
                   "],"
                   "\"entry_point\":null,"
                   "\"assessed\":true}");
}

static void
test_summary_nulls (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autofree char *text = NULL;

  apply_rating (session, "L1=met");
  apply_rating (session, "L2=met");
  apply_rating (session, "L3=met");
  apply_rating (session, "L4=met");

  text = summary_text (session);
  g_assert_cmpstr (text, ==,
                   "{\"evidence_level\":4,"
                   "\"evidence_level_name\":\"AI Native\","
                   "\"perceived_level\":null,"
                   "\"overestimation\":null,"
                   "\"target_level\":4,"
                   "\"next_level_progress\":null,"
                   "\"inconclusive\":false,"
                   "\"entry_points\":[\"ops-retainer\"],"
                   "\"gaps\":[],"
                   "\"entry_point\":null,"
                   "\"assessed\":true}");
}

/* The summary's names are fixed English strings; they must stay the model's
 * own names, which are English under the C locale. */
static void
test_summary_level_names (void)
{
  ApmmModel *model = get_model ();

  for (guint level = 0; level <= APMM_MAX_LEVEL; level++)
    {
      g_autoptr(ApmmSession) session = apmm_session_new ();
      g_autoptr(ApmmAssessment) assessment = NULL;
      g_autoptr(JsonNode) summary = NULL;
      JsonObject *object;

      for (guint l = 1; l <= level; l++)
        {
          g_autofree char *token = g_strdup_printf ("L%u=met", l);

          apply_rating (session, token);
        }

      assessment = apmm_assessment_new (session, model);
      g_assert_cmpuint (apmm_assessment_get_evidence_level (assessment), ==, level);

      summary = apmm_assessment_to_summary (assessment);
      object = json_node_get_object (summary);
      g_assert_cmpint (json_object_get_int_member (object, "evidence_level"), ==, level);
      g_assert_cmpstr (json_object_get_string_member (object, "evidence_level_name"), ==,
                       apmm_model_get_level (model, level)->name);
    }
}

/* At level 3 the source's ranges overlap: all three entry points are
 * offered, and the facilitator's pick counts only while it is offered. */
static void
apply_ratings (ApmmSession *session,
               const char  *tokens)
{
  g_auto(GStrv) parts = g_strsplit (tokens, " ", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    apply_rating (session, parts[i]);
}

static void
test_entry_point_pick (void)
{
  static const struct {
    const char *ratings;
    const char *pick;
    const char *expected;   /* the pick the assessment reports, or NULL */
    gboolean    stale;
  } cases[] = {
    { "L1=met L2=met L3=met L4=not-met", "", NULL, FALSE },
    { "L1=met L2=met L3=met L4=not-met", "ops-retainer", "ops-retainer", FALSE },
    { "L1=met L2=met L3=met L4=not-met", "feature-sprint", "feature-sprint", FALSE },
    { "L1=met L2=met L3=met L4=not-met", "readiness-workshop", NULL, TRUE },
    { "L1=met L2=met L3=not-met", "ops-retainer", NULL, TRUE },
    { "L1=met L2=met L3=not-met", "pilot-rescue", "pilot-rescue", FALSE },
    /* Inconclusive: only the diagnostic sprint is offered. */
    { "L1=met", "pilot-rescue", NULL, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ApmmSession) session = apmm_session_new ();
      g_autoptr(ApmmAssessment) assessment = NULL;
      g_autoptr(JsonNode) summary = NULL;
      JsonObject *object;

      apply_ratings (session, cases[i].ratings);
      apmm_session_set_entry_point (session, cases[i].pick);
      assessment = apmm_assessment_new (session, get_model ());
      g_assert_cmpstr (apmm_assessment_get_entry_point (assessment), ==, cases[i].expected);
      g_assert_cmpint (apmm_assessment_get_entry_point_stale (assessment), ==, cases[i].stale);

      summary = apmm_assessment_to_summary (assessment);
      object = json_node_get_object (summary);
      if (cases[i].expected != NULL)
        g_assert_cmpstr (json_object_get_string_member (object, "entry_point"), ==,
                         cases[i].expected);
      else
        g_assert_true (json_object_get_null_member (object, "entry_point"));
    }
}

/* The ranges are the model's: a model with other ranges offers other entry
 * points, with no table in the code to disagree with it. */
static void
test_entry_points_from_model (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/org/apmm/Workshop/core/apmm-model.xml",
                                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autofree char *xml = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_auto(GStrv) parts = NULL;
  g_autofree char *changed = NULL;
  g_autoptr(GBytes) changed_bytes = NULL;
  g_autoptr(ApmmModel) model = NULL;
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(ApmmAssessment) assessment = NULL;
  g_autofree char *joined = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (strstr (xml, "id=\"ops-retainer\" min-level=\"3\""));
  parts = g_strsplit (xml, "id=\"ops-retainer\" min-level=\"3\"", -1);
  changed = g_strjoinv ("id=\"ops-retainer\" min-level=\"2\"", parts);
  changed_bytes = g_bytes_new (changed, strlen (changed));
  model = apmm_model_new_from_bytes (changed_bytes, &error);
  g_assert_no_error (error);

  apply_ratings (session, "L1=met L2=met L3=not-met");
  assessment = apmm_assessment_new (session, model);
  joined = g_strjoinv (" ", (GStrv) apmm_assessment_get_entry_points (assessment));
  g_assert_cmpstr (joined, ==, "pilot-rescue feature-sprint ops-retainer");
}

/* No verdict before data: "assessed" turns true with the first rating that
 * is not unknown, and the counts say what the progress is made of. */
static void
test_assessed_and_counts (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(ApmmAssessment) empty = apmm_assessment_new (session, get_model ());
  g_autoptr(ApmmAssessment) unknown = NULL;
  g_autoptr(ApmmAssessment) rated = NULL;
  guint met = 99, partly = 99, total = 99;

  g_assert_false (apmm_assessment_get_assessed (empty));
  apply_rating (session, "l1.tools-purchased=unknown");
  unknown = apmm_assessment_new (session, get_model ());
  g_assert_false (apmm_assessment_get_assessed (unknown));

  apply_ratings (session, "L1=met L2=met l3.rollback=met l3.two-people=partly l3.cost-capped=partly");
  rated = apmm_assessment_new (session, get_model ());
  g_assert_true (apmm_assessment_get_assessed (rated));
  g_assert_true (apmm_assessment_get_next_level_counts (rated, &met, &partly, &total));
  g_assert_cmpuint (met, ==, 1);
  g_assert_cmpuint (partly, ==, 2);
  g_assert_cmpuint (total, ==, 7);
}

/* While the votes are hidden, the public view shows nothing of them but how
 * many were cast; the facilitator's view still has them. */
static void
test_public_view (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(ApmmAssessment) open_view = NULL;
  g_autoptr(ApmmAssessment) open_public = NULL;
  g_autoptr(ApmmAssessment) hidden = NULL;
  g_autoptr(ApmmAssessment) hidden_public = NULL;
  guint counts[APMM_N_LEVELS];
  guint level;
  int over;

  apmm_session_add_participant (session, "Ada", 3);
  apmm_session_add_participant (session, "Grace", 3);
  apmm_session_set_tally (session, 1, 1);

  open_view = apmm_assessment_new (session, get_model ());
  open_public = apmm_assessment_dup_public (open_view);
  g_assert_true (open_public == open_view);
  g_assert_true (apmm_assessment_get_perceived_level (open_public, &level));
  g_assert_cmpuint (level, ==, 3);
  g_assert_cmpuint (apmm_assessment_get_votes (open_public, counts), ==, 3);
  g_assert_cmpuint (counts[3], ==, 2);
  g_assert_cmpuint (counts[1], ==, 1);

  apmm_session_set_votes_hidden (session, TRUE);
  hidden = apmm_assessment_new (session, get_model ());
  hidden_public = apmm_assessment_dup_public (hidden);
  g_assert_true (apmm_assessment_get_votes_hidden (hidden_public));
  /* The facilitator's view keeps the votes… */
  g_assert_true (apmm_assessment_get_perceived_level (hidden, &level));
  g_assert_cmpuint (level, ==, 3);
  /* …the room's does not: no level, no overestimation, no count per level. */
  g_assert_false (apmm_assessment_get_perceived_level (hidden_public, NULL));
  g_assert_false (apmm_assessment_get_overestimation (hidden_public, &over));
  g_assert_cmpuint (apmm_assessment_get_votes (hidden_public, counts), ==, 3);
  for (guint i = 0; i < APMM_N_LEVELS; i++)
    g_assert_cmpuint (counts[i], ==, 0);
  /* The evidence is never hidden. */
  g_assert_cmpuint (apmm_assessment_get_evidence_level (hidden_public), ==,
                    apmm_assessment_get_evidence_level (hidden));
  g_assert_cmpuint (apmm_assessment_get_n_gaps (hidden_public), ==, apmm_assessment_get_n_gaps (hidden));
}

static void
test_unknown_counts (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(ApmmAssessment) before = NULL;
  g_autoptr(ApmmAssessment) after = NULL;
  ApmmModel *model = get_model ();
  const ApmmLevel *one = apmm_model_get_level (model, 1);

  before = apmm_assessment_new (session, model);
  g_assert_cmpuint (apmm_assessment_get_n_unknown (before, 1), ==, one->n_criteria);

  apmm_session_set_status (session, one->criteria[0]->id, APMM_STATUS_MET);
  apmm_session_set_status (session, one->criteria[1]->id, APMM_STATUS_NOT_MET);
  after = apmm_assessment_new (session, model);
  g_assert_cmpuint (apmm_assessment_get_n_unknown (after, 1), ==, one->n_criteria - 2);
  g_assert_cmpuint (apmm_assessment_get_n_unknown (after, 2), ==,
                    apmm_model_get_level (model, 2)->n_criteria);
}

static void
test_gap_order_moving (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(ApmmAssessment) assessment = NULL;
  g_autoptr(ApmmAssessment) moved = NULL;
  g_auto(GStrv) order = NULL;
  g_auto(GStrv) back = NULL;
  const char *first, *second, *third;

  apmm_session_set_target_level (session, 3);
  assessment = apmm_assessment_new (session, get_model ());
  g_assert_cmpuint (apmm_assessment_get_n_gaps (assessment), >=, 3);
  first = apmm_assessment_get_gap (assessment, 0)->criterion->id;
  second = apmm_assessment_get_gap (assessment, 1)->criterion->id;
  third = apmm_assessment_get_gap (assessment, 2)->criterion->id;

  /* The first gap dropped after the third. */
  order = apmm_assessment_dup_gap_order_moving (assessment, first, third, TRUE);
  g_assert_nonnull (order);
  g_assert_cmpuint (g_strv_length (order), ==, apmm_assessment_get_n_gaps (assessment));
  g_assert_cmpstr (order[0], ==, second);
  g_assert_cmpstr (order[1], ==, third);
  g_assert_cmpstr (order[2], ==, first);

  /* Applied, then moved back before the second. */
  apmm_session_set_gap_order (session, (const char * const *) order);
  moved = apmm_assessment_new (session, get_model ());
  back = apmm_assessment_dup_gap_order_moving (moved, first, second, FALSE);
  g_assert_cmpstr (back[0], ==, first);
  g_assert_cmpstr (back[1], ==, second);

  /* Not a gap: nothing to move. */
  g_assert_null (apmm_assessment_dup_gap_order_moving (assessment, "l0.nothing", first, TRUE));
  g_assert_null (apmm_assessment_dup_gap_order_moving (assessment, first, "l0.nothing", TRUE));
}

int
main (int   argc,
      char *argv[])
{
  /* Model texts are translated: the C locale gives the source's English. */
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rule_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/assessment/rules/%s", rule_cases[i].name);

      g_test_add_data_func (path, &rule_cases[i], test_rule_case);
    }

  g_test_add_func ("/assessment/default-order-ignores-manual", test_default_order_ignores_manual);
  g_test_add_func ("/assessment/gap-details", test_gap_details);
  g_test_add_func ("/assessment/snapshot", test_snapshot);
  g_test_add_func ("/assessment/public-view", test_public_view);
  g_test_add_func ("/assessment/unknown-counts", test_unknown_counts);
  g_test_add_func ("/assessment/gap-order-moving", test_gap_order_moving);
  g_test_add_func ("/assessment/summary/text", test_summary_text);
  g_test_add_func ("/assessment/summary/nulls", test_summary_nulls);
  g_test_add_func ("/assessment/summary/level-names", test_summary_level_names);
  g_test_add_func ("/assessment/entry-point/pick", test_entry_point_pick);
  g_test_add_func ("/assessment/entry-point/from-model", test_entry_points_from_model);
  g_test_add_func ("/assessment/assessed-and-counts", test_assessed_and_counts);

  return g_test_run ();
}
