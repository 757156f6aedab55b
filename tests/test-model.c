/* test-model.c — the built-in APMM model as docs/apmm-rules.md describes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "apmm-model.h"

#define MODEL_RESOURCE "/org/apmm/Workshop/core/apmm-model.xml"

/* The contract's criteria table, in its order. */
static const struct {
  const char *id;
  guint       level;
} expected_criteria[] = {
  { "l1.tools-purchased", 1 },
  { "l1.budget-allocated", 1 },
  { "l2.live-real-data", 2 },
  { "l2.owned-use-case", 2 },
  { "l2.adoption-measured", 2 },
  { "l3.output-monitoring", 3 },
  { "l3.rollback", 3 },
  { "l3.cost-tracked", 3 },
  { "l3.slo-reviewed", 3 },
  { "l3.two-people", 3 },
  { "l3.cost-capped", 3 },
  { "l3.failure-process", 3 },
  { "l4.core-operations", 4 },
  { "l4.feedback-loops", 4 },
  { "l4.literacy", 4 },
  { "l4.repeatable-process", 4 },
};

static const char * const level_names[] = {
  "AI Curious", "AI Licensed", "AI Active", "AI Reliable", "AI Native",
};

static GBytes *
load_model_bytes (void)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_resources_lookup_data (MODEL_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  g_assert_no_error (error);
  return bytes;
}

static void
test_model_criteria (void)
{
  ApmmModel *model = apmm_model_get_default ();

  g_assert_cmpuint (apmm_model_get_n_criteria (model), ==, G_N_ELEMENTS (expected_criteria));

  for (guint i = 0; i < G_N_ELEMENTS (expected_criteria); i++)
    {
      const ApmmCriterion *criterion = apmm_model_get_criterion (model, i);
      g_auto(GStrv) words = g_strsplit (criterion->title, " ", -1);

      g_assert_cmpstr (criterion->id, ==, expected_criteria[i].id);
      g_assert_cmpuint (criterion->level, ==, expected_criteria[i].level);
      g_assert_cmpuint (criterion->index, ==, i);
      g_assert_true (apmm_model_lookup_criterion (model, criterion->id) == criterion);
      g_assert_cmpstr (criterion->title, !=, "");
      /* A title is a short label: four words at most. */
      g_assert_cmpuint (g_strv_length (words), <=, 4);
      g_assert_cmpuint (strlen (criterion->description), >, strlen (criterion->title));
    }

  g_assert_null (apmm_model_lookup_criterion (model, "l5.unknown"));
  g_assert_cmpstr (apmm_model_lookup_criterion (model, "l3.rollback")->title, ==,
                   "Rollback procedure");
}

static void
test_model_levels (void)
{
  ApmmModel *model = apmm_model_get_default ();
  guint n_criteria = 0;

  for (guint i = 0; i < APMM_N_LEVELS; i++)
    {
      const ApmmLevel *level = apmm_model_get_level (model, i);

      g_assert_cmpuint (level->number, ==, i);
      g_assert_cmpstr (level->name, ==, level_names[i]);
      g_assert_nonnull (level->description);
      g_assert_nonnull (level->risk);
      g_assert_cmpuint (g_strv_length ((char **) level->signs), ==, 3);
      if (i == APMM_MAX_LEVEL)
        g_assert_null (level->climb);
      else
        g_assert_nonnull (level->climb);

      for (guint j = 0; j < level->n_criteria; j++)
        {
          g_assert_cmpuint (level->criteria[j]->level, ==, i);
          g_assert_true (level->criteria[j] == apmm_model_get_criterion (model, n_criteria + j));
        }
      g_assert_null (level->criteria[level->n_criteria]);
      n_criteria += level->n_criteria;
    }

  g_assert_cmpuint (apmm_model_get_level (model, 0)->n_criteria, ==, 0);
  g_assert_cmpuint (apmm_model_get_level (model, 3)->n_criteria, ==, 7);
  g_assert_cmpuint (n_criteria, ==, apmm_model_get_n_criteria (model));
  g_assert_cmpstr (apmm_model_get_level (model, 1)->signs[0], ==,
                   "Active seat utilisation is below 15%");
  g_assert_true (g_str_has_prefix (apmm_model_get_level (model, 4)->risk, "Complacency."));
}

static void
test_model_texts (void)
{
  ApmmModel *model = apmm_model_get_default ();

  g_assert_cmpstr (apmm_model_get_title (model), ==, "AI Production Maturity Model");
  g_assert_cmpstr (apmm_model_get_tagline (model), ==, "You can’t fix what you haven’t named");
  g_assert_cmpstr (apmm_model_get_chasm_title (model), ==, "The Failure Chasm");
  g_assert_true (g_str_has_prefix (apmm_model_get_chasm_text (model),
                                   "The crossing from Level 2 to Level 3 is where most "
                                   "enterprise AI spend is permanently trapped."));
  g_assert_true (g_str_has_suffix (apmm_model_get_chasm_text (model),
                                   "It’s the absence of any production standard applied "
                                   "before deployment."));
}

static void
test_model_prompts (void)
{
  ApmmModel *model = apmm_model_get_default ();
  static const char * const adoption[] = { "l2.adoption-measured", NULL };
  static const char * const production[] = { "l2.live-real-data", "l3.output-monitoring", NULL };
  static const char * const failure[] = { "l3.failure-process", "l3.rollback", NULL };
  const ApmmPrompt *prompt;

  g_assert_cmpuint (apmm_model_get_n_prompts (model), ==, 3);

  prompt = apmm_model_get_prompt (model, 0);
  g_assert_cmpstr (prompt->id, ==, "adoption");
  g_assert_cmpstr (prompt->title, ==, "On adoption");
  g_assert_true (g_strv_equal (prompt->informs, adoption));

  prompt = apmm_model_lookup_prompt (model, "production");
  g_assert_true (prompt == apmm_model_get_prompt (model, 1));
  g_assert_cmpstr (prompt->title, ==, "On production");
  g_assert_true (g_strv_equal (prompt->informs, production));

  prompt = apmm_model_lookup_prompt (model, "failure");
  g_assert_cmpstr (prompt->title, ==, "On failure");
  g_assert_true (g_str_has_prefix (prompt->question, "When your AI makes a wrong decision"));
  g_assert_cmpstr (prompt->warning, ==,
                   "If there is no defined failure process, the system is not in production. "
                   "It is in a controlled experiment that happens to have users.");
  g_assert_true (g_strv_equal (prompt->informs, failure));

  g_assert_null (apmm_model_lookup_prompt (model, "budget"));
}

static void
test_model_entry_points (void)
{
  ApmmModel *model = apmm_model_get_default ();
  static const struct {
    const char *id;
    const char *name;
    int         min_level;
    int         max_level;
  } expected[] = {
    { "readiness-workshop", "AI Readiness Workshop", 0, 1 },
    { "pilot-rescue", "Pilot-to-Production Rescue", 2, 3 },
    { "feature-sprint", "AI Feature Sprint", 2, 3 },
    { "ops-retainer", "Monthly AI Ops Retainer", 3, 4 },
    { "diagnostic-sprint", "APMM Diagnostic Sprint", -1, -1 },
  };

  g_assert_cmpuint (apmm_model_get_n_entry_points (model), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const ApmmEntryPoint *entry_point = apmm_model_get_entry_point (model, i);

      g_assert_cmpstr (entry_point->id, ==, expected[i].id);
      g_assert_cmpstr (entry_point->name, ==, expected[i].name);
      g_assert_cmpint (entry_point->min_level, ==, expected[i].min_level);
      g_assert_cmpint (entry_point->max_level, ==, expected[i].max_level);
      g_assert_nonnull (entry_point->description);
      g_assert_true (apmm_model_lookup_entry_point (model, expected[i].id) == entry_point);
    }

  g_assert_null (apmm_model_lookup_entry_point (model, "consulting"));

  /* The source offers the rescue and the sprint as one, with one description. */
  g_assert_cmpstr (apmm_model_lookup_entry_point (model, "pilot-rescue")->offer, ==,
                   "Pilot-to-Production Rescue or AI Feature Sprint");
  g_assert_true (apmm_entry_point_same_offer (apmm_model_lookup_entry_point (model, "pilot-rescue"),
                                              apmm_model_lookup_entry_point (model, "feature-sprint")));
  g_assert_false (apmm_entry_point_same_offer (apmm_model_lookup_entry_point (model, "feature-sprint"),
                                               apmm_model_lookup_entry_point (model, "ops-retainer")));
  g_assert_cmpstr (apmm_model_lookup_entry_point (model, "ops-retainer")->offer, ==,
                   "Monthly AI Ops Retainer");
}

static void
test_model_status_strings (void)
{
  static const char * const ids[] = { "unknown", "not-met", "partly", "met" };
  static const char * const labels[] = { "Unknown", "Not met", "Partly", "Met" };

  for (guint i = 0; i < APMM_N_STATUSES; i++)
    {
      ApmmStatus status = APMM_STATUS_UNKNOWN;

      g_assert_cmpstr (apmm_status_to_string ((ApmmStatus) i), ==, ids[i]);
      g_assert_true (apmm_status_from_string (ids[i], &status));
      g_assert_cmpint (status, ==, i);
      g_assert_cmpstr (apmm_status_get_label ((ApmmStatus) i), ==, labels[i]);
    }

  {
    ApmmStatus status = APMM_STATUS_MET;

    g_assert_false (apmm_status_from_string ("Met", &status));
    g_assert_false (apmm_status_from_string ("", &status));
    g_assert_false (apmm_status_from_string (NULL, &status));
    g_assert_cmpint (status, ==, APMM_STATUS_MET);
  }
}

/* The real model with one edit, so each broken document differs from a
 * valid one in exactly the way the test names. */
static GBytes *
edit_model (const char *from,
            const char *to)
{
  g_autoptr(GBytes) bytes = load_model_bytes ();
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (bytes, NULL),
                                              g_bytes_get_size (bytes));

  g_assert_nonnull (strstr (text->str, from));
  g_string_replace (text, from, to, 1);
  return g_string_free_to_bytes (g_steal_pointer (&text));
}

static void
assert_refused (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmModel) model = apmm_model_new_from_bytes (bytes, &error);

  g_assert_null (model);
  g_assert_nonnull (error);
}

static void
test_model_broken (void)
{
  static const struct {
    const char *from;
    const char *to;
  } edits[] = {
    /* An unknown element, and a known one in the wrong place. */
    { "<risk>Complacency.", "<colour>red</colour><risk>Complacency." },
    { "<name>AI Curious</name>", "<name>AI Curious</name><tagline>x</tagline>" },
    /* Missing or duplicated identifiers. */
    { "<criterion id=\"l3.rollback\">", "<criterion>" },
    { "<criterion id=\"l3.rollback\">", "<criterion id=\"l3.cost-tracked\">" },
    { "<prompt id=\"failure\">", "<prompt>" },
    { "<entry-point id=\"pilot-rescue\"", "<entry-point" },
    { "<informs criterion=\"l3.rollback\"/>", "<informs criterion=\"l3.undo\"/>" },
    /* Unknown attributes, wrong model, bad numbers. */
    { "<level number=\"2\">", "<level number=\"2\" colour=\"red\">" },
    { "<model id=\"apmm\" version=\"1\">", "<model id=\"apmm\" version=\"2\">" },
    { "<level number=\"2\">", "<level number=\"5\">" },
    { "min-level=\"3\" max-level=\"4\"", "min-level=\"4\" max-level=\"3\"" },
    /* Incomplete or duplicated texts. */
    { "<name>AI Active</name>", "" },
    { "<name>AI Active</name>", "<name>AI Active</name><name>Again</name>" },
    { "<title>Rollback procedure</title>", "<title> </title>" },
    { "<tagline>", "stray text<tagline>" },
    /* Not XML at all. */
    { "</model>", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autoptr(GBytes) bytes = edit_model (edits[i].from, edits[i].to);

      g_test_message ("edit %u: %s", i, edits[i].to);
      assert_refused (bytes);
    }

  {
    g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);

    assert_refused (empty);
  }
}

static void
test_model_reload (void)
{
  g_autoptr(GBytes) bytes = load_model_bytes ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmModel) model = apmm_model_new_from_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (apmm_model_get_n_criteria (model), ==, 16);
  g_assert_true (model != apmm_model_get_default ());
  g_assert_true (apmm_model_get_default () == apmm_model_get_default ());
}

/* Runs in a child process: the locale it sets must not leak into other tests. */
static void
test_model_german_child (void)
{
  g_autoptr(GBytes) bytes = load_model_bytes ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmModel) model = NULL;
  static const char * const german[] = {
    "KI-neugierig", "KI-lizenziert", "KI-aktiv", "KI-zuverlässig", "KI-nativ",
  };

  /* glibc ignores LANGUAGE in the "C" locale but honours it in C.UTF-8,
   * which glibc 2.35 and later always provide: no extra locale needed. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "de", TRUE);
  g_assert_nonnull (setlocale (LC_ALL, ""));
  bindtextdomain (GETTEXT_PACKAGE, BUILD_ROOT "/po");
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  model = apmm_model_new_from_bytes (bytes, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < APMM_N_LEVELS; i++)
    g_assert_cmpstr (apmm_model_get_level (model, i)->name, ==, german[i]);

  g_assert_cmpstr (apmm_model_get_chasm_title (model), ==, "Die Fehlerkluft");
  g_assert_cmpstr (apmm_status_get_label (APMM_STATUS_MET), ==, "Erfüllt");
  g_assert_cmpstr (apmm_status_get_label (APMM_STATUS_NOT_MET), ==, "Nicht erfüllt");
  /* Identifiers are never translated. */
  g_assert_cmpstr (apmm_model_get_criterion (model, 6)->id, ==, "l3.rollback");
}

static void
test_model_german (void)
{
  g_test_trap_subprocess ("/model/german/subprocess", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* English model text uses the typographic dashes and quotes of the UI: no
 * spaced hyphen as a dash, no straight quotes or apostrophes. */
static void
test_model_typography (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/org/apmm/Workshop/core/apmm-model.xml",
                                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autofree char *xml = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(GRegex) element = g_regex_new (">([^<]+)</", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (element, xml, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *text = g_match_info_fetch (match, 1);

      g_test_message ("%s", text);
      g_assert_null (strstr (text, " - "));
      g_assert_null (strchr (text, '"'));
      g_assert_null (strchr (text, '\''));
      g_match_info_next (match, NULL);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/criteria", test_model_criteria);
  g_test_add_func ("/model/levels", test_model_levels);
  g_test_add_func ("/model/texts", test_model_texts);
  g_test_add_func ("/model/prompts", test_model_prompts);
  g_test_add_func ("/model/entry-points", test_model_entry_points);
  g_test_add_func ("/model/typography", test_model_typography);
  g_test_add_func ("/model/status-strings", test_model_status_strings);
  g_test_add_func ("/model/broken", test_model_broken);
  g_test_add_func ("/model/reload", test_model_reload);
  g_test_add_func ("/model/german", test_model_german);
  g_test_add_func ("/model/german/subprocess", test_model_german_child);

  return g_test_run ();
}
