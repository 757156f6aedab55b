/* test-slides.c — the slide list, its privacy defaults, and the presentation
 * and agenda keys of the session file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "apmm-session-file.h"
#include "apmm-slides.h"

/* --- Helpers ------------------------------------------------------------ */

static ApmmSession *
load_example (const char *name)
{
  g_autofree char *path = g_build_filename (SRC_ROOT, "data", "examples", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ApmmSession *session = apmm_session_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return session;
}

static ApmmSession *
load_string (const char  *text,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return apmm_session_load_bytes (bytes, error);
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

static ApmmSlideDeck *
deck_for (ApmmSession *session)
{
  return apmm_slide_deck_new (session, apmm_model_get_default (), NULL);
}

/* Everything a slide puts on the wall, as one string. */
static char *
wall_text (const ApmmSlide *slide)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s\n%s\n%s\n%s\n%s\n", slide->kicker ? slide->kicker : "",
                          slide->title ? slide->title : "", slide->lead ? slide->lead : "",
                          slide->callout_label ? slide->callout_label : "",
                          slide->callout ? slide->callout : "");
  for (guint i = 0; i < slide->items->len; i++)
    {
      const ApmmSlideItem *item = g_ptr_array_index (slide->items, i);

      g_string_append_printf (text, "%s %s %s\n", item->mark ? item->mark : "", item->text,
                              item->detail ? item->detail : "");
    }
  return g_string_free (text, FALSE);
}

static const ApmmSlide *
find_slide (ApmmSlideDeck *deck,
            const char    *id)
{
  int index = apmm_slide_deck_find (deck, id);

  g_assert_cmpint (index, >=, 0);
  return apmm_slide_deck_get_slide (deck, index);
}

static char *
save_and_reload (ApmmSession *session,
                 ApmmSession **reloaded)
{
  g_autoptr(GBytes) bytes = apmm_session_to_bytes (session);
  g_autoptr(GError) error = NULL;

  *reloaded = apmm_session_load_bytes (bytes, &error);
  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* --- The slide list ------------------------------------------------------- */

static void
test_empty_session (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(ApmmSlideDeck) deck = deck_for (session);
  const char * const *ids = apmm_slide_get_default_ids ();
  const ApmmSlide *slide;

  g_assert_cmpuint (apmm_slide_deck_get_n_slides (deck), ==, APMM_SLIDE_N_SLIDES);
  /* No baseline: every slide but the comparison, in the default order. */
  g_assert_cmpint (apmm_slide_deck_find (deck, "comparison"), ==, -1);
  for (guint i = 0, k = 0; i < APMM_SLIDE_N_SLIDES; i++, k++)
    {
      if (g_str_equal (ids[k], "comparison"))
        k++;
      slide = apmm_slide_deck_get_slide (deck, i);
      g_assert_cmpstr (slide->id, ==, ids[k]);
      g_assert_nonnull (slide->title);
      g_assert_false (slide->hidden);
      /* Only the entry point has a note: the assessment is inconclusive. */
      if (slide->kind != APMM_SLIDE_ENTRY_POINT)
        g_assert_null (slide->notes);
    }

  slide = apmm_slide_deck_get_slide (deck, 0);
  g_assert_cmpint (slide->kind, ==, APMM_SLIDE_TITLE);
  g_assert_cmpstr (slide->callout, ==, "You can’t fix what you haven’t named");

  slide = find_slide (deck, "level-2");
  g_assert_cmpint (slide->kind, ==, APMM_SLIDE_LEVEL);
  g_assert_cmpint (slide->level, ==, 2);
  g_assert_cmpstr (slide->title, ==, "AI Active");
  g_assert_cmpuint (slide->items->len, >, 0);
  g_assert_cmpstr (slide->callout_label, ==, "Risk");

  slide = find_slide (deck, "chasm");
  g_assert_cmpstr (slide->title, ==, apmm_model_get_chasm_title (apmm_model_get_default ()));

  slide = find_slide (deck, "prompt-failure");
  g_assert_cmpint (slide->kind, ==, APMM_SLIDE_PROMPT);
  g_assert_cmpstr (slide->callout_label, ==, "Warning");

  slide = find_slide (deck, "vote");
  g_assert_cmpuint (slide->n_votes, ==, 0);
  g_assert_cmpstr (slide->lead, ==, "No votes yet.");

  /* Nothing rated: level 0, inconclusive, so the diagnostic sprint. */
  slide = find_slide (deck, "entry-point");
  g_assert_cmpstr (slide->title, ==, "APMM Diagnostic Sprint");
  g_assert_nonnull (slide->lead);

  slide = find_slide (deck, "next-steps");
  g_assert_cmpuint (slide->items->len, ==, 0);
  g_assert_cmpstr (slide->lead, ==, "No actions on the roadmap yet.");
}

static void
test_partial_session (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(ApmmSlideDeck) deck = NULL;
  const ApmmSlide *slide;

  apmm_session_set_organisation (session, "Contoso");
  apmm_session_set_title (session, "Readiness day");
  apmm_session_set_date (session, "2026-03-12");
  apmm_session_set_status (session, "l1.tools-purchased", APMM_STATUS_MET);
  apmm_session_set_status (session, "l1.budget-allocated", APMM_STATUS_MET);
  apmm_session_add_participant (session, "Ana", 3);
  apmm_session_add_participant (session, "Bo", -1);

  deck = deck_for (session);
  slide = find_slide (deck, "title");
  g_assert_cmpstr (slide->title, ==, "Contoso");
  g_assert_cmpstr (slide->lead, ==, "Readiness day · 12 March 2026");

  slide = find_slide (deck, "vote");
  g_assert_cmpuint (slide->n_votes, ==, 1);
  g_assert_cmpuint (slide->votes[3], ==, 1);
  g_assert_cmpstr (slide->lead, ==, "The room puts us at Level 3 · AI Reliable.");
  g_assert_cmpstr (slide->notes, ==, "Not voted yet: Bo");

  slide = find_slide (deck, "ladder");
  g_assert_cmpstr (slide->lead, ==, "Evidence: Level 1 · AI Licensed. The room sees itself 2 levels higher.");

  slide = find_slide (deck, "gaps");
  g_assert_cmpstr (slide->title, ==, "The gaps to level 2");
  g_assert_cmpuint (slide->items->len, ==, 3);
}

static void
test_complete_session (void)
{
  g_autoptr(ApmmSession) session = load_example ("meridian-insurance.apmm");
  g_autoptr(ApmmSlideDeck) deck = deck_for (session);
  g_autoptr(ApmmAssessment) assessment = apmm_assessment_new (session, apmm_model_get_default ());
  const ApmmSlide *slide;

  slide = find_slide (deck, "gaps");
  g_assert_cmpuint (slide->items->len, ==, MIN (apmm_assessment_get_n_gaps (assessment),
                                                 APMM_SLIDE_MAX_GAPS));
  g_assert_nonnull (slide->notes);  /* the owners, for the console */

  slide = find_slide (deck, "next-steps");
  g_assert_cmpuint (slide->items->len, >, 0);
  g_assert_nonnull (((ApmmSlideItem *) g_ptr_array_index (slide->items, 0))->mark);

  slide = find_slide (deck, "entry-point");
  g_assert_cmpstr (slide->title, ==,
                   apmm_model_lookup_entry_point (apmm_model_get_default (),
                                                  apmm_assessment_get_entry_points (assessment)[0])->offer);

  slide = find_slide (deck, "ladder");
  g_assert_nonnull (slide->notes);  /* evidence notes, for the console */
}

/* --- Privacy -------------------------------------------------------------- */

static void
assert_private (ApmmSession *session,
                ApmmSlideDeck *deck)
{
  for (guint i = 0; i < apmm_slide_deck_get_n_slides (deck); i++)
    {
      g_autofree char *text = wall_text (apmm_slide_deck_get_slide (deck, i));
      ApmmModel *model = apmm_model_get_default ();

      for (guint p = 0; p < apmm_session_get_n_participants (session); p++)
        g_assert_null (strstr (text, apmm_session_get_participant_name (session, p)));
      for (guint c = 0; c < apmm_model_get_n_criteria (model); c++)
        {
          const char *id = apmm_model_get_criterion (model, c)->id;
          const char *note = apmm_session_get_evidence_note (session, id);
          const char *owner = apmm_session_get_gap_owner (session, id);

          if (note[0] != '\0')
            g_assert_null (strstr (text, note));
          if (owner[0] != '\0')
            g_assert_null (strstr (text, owner));
        }
      for (guint a = 0; a < apmm_session_get_n_actions (session); a++)
        {
          const char *owner = apmm_session_get_action (session, a)->owner;

          if (owner != NULL && owner[0] != '\0')
            g_assert_null (strstr (text, owner));
        }
    }
}

static void
test_privacy_defaults (void)
{
  const char *examples[] = { "meridian-insurance.apmm", "northwind-logistics.apmm",
                             "halcyon-health.apmm" };

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autoptr(ApmmSession) session = load_example (examples[i]);
      g_autoptr(ApmmSlideDeck) deck = deck_for (session);

      assert_private (session, deck);
    }
}

static void
test_privacy_opt_in (void)
{
  g_autoptr(ApmmSession) session = load_example ("meridian-insurance.apmm");
  g_autoptr(ApmmPresentation) presentation =
    apmm_presentation_copy (apmm_session_get_presentation (session));
  g_autoptr(ApmmSlideDeck) deck = NULL;
  g_autofree char *vote = NULL;
  g_autofree char *gaps = NULL;
  g_autofree char *steps = NULL;
  g_autofree char *ladder = NULL;

  apmm_presentation_set_reveal (presentation, "vote", APMM_SLIDE_REVEAL_NAMES);
  apmm_presentation_set_reveal (presentation, "gaps", APMM_SLIDE_REVEAL_OWNERS);
  apmm_session_set_presentation (session, presentation, NULL);
  deck = deck_for (session);

  vote = wall_text (find_slide (deck, "vote"));
  g_assert_nonnull (strstr (vote, apmm_session_get_participant_name (session, 0)));
  gaps = wall_text (find_slide (deck, "gaps"));
  g_assert_nonnull (strstr (gaps, "Ravi Menon"));
  /* Opting in on one slide does not open the others. */
  steps = wall_text (find_slide (deck, "next-steps"));
  g_assert_null (strstr (steps, apmm_session_get_action (session, 0)->owner));
  ladder = wall_text (find_slide (deck, "ladder"));
  g_assert_null (find_slide (deck, "ladder")->callout);
}

static void
test_votes_hidden (void)
{
  g_autoptr(ApmmSession) session = load_example ("meridian-insurance.apmm");
  g_autoptr(ApmmPresentation) presentation =
    apmm_presentation_copy (apmm_session_get_presentation (session));
  g_autoptr(ApmmSlideDeck) deck = NULL;
  const ApmmSlide *slide;

  apmm_presentation_set_reveal (presentation, "vote", APMM_SLIDE_REVEAL_NAMES);
  apmm_session_set_presentation (session, presentation, NULL);
  apmm_session_set_votes_hidden (session, TRUE);
  deck = deck_for (session);
  slide = find_slide (deck, "vote");
  g_assert_true (slide->votes_hidden);
  g_assert_true (g_str_has_prefix (slide->lead, "Votes stay hidden until everyone has voted."));
  /* Hidden votes show no names, even opted in. */
  g_assert_cmpuint (slide->items->len, ==, 0);
  /* Nor does the ladder tell what the room voted. */
  g_assert_cmpstr (find_slide (deck, "ladder")->lead, ==, "Evidence: Level 2 · AI Active.");
}

/* --- Hidden and reordered slides ----------------------------------------- */

static void
test_hidden_and_reordered (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(ApmmPresentation) presentation = apmm_presentation_new ();
  const char *order[] = { "ladder", "title", "no-such-slide", NULL };
  g_autoptr(ApmmSlideDeck) deck = NULL;
  guint changes = 0;

  g_signal_connect_swapped (session, "presentation-changed", G_CALLBACK (g_atomic_int_inc), &changes);
  apmm_presentation_set_order (presentation, order);
  apmm_presentation_set_hidden (presentation, "chasm", TRUE);
  apmm_presentation_set_hidden (presentation, "level-4", TRUE);
  apmm_session_set_presentation (session, presentation, NULL);
  apmm_session_set_presentation (session, presentation, NULL);
  g_assert_cmpuint (changes, ==, 1);

  deck = deck_for (session);
  g_assert_cmpuint (apmm_slide_deck_get_n_slides (deck), ==, APMM_SLIDE_N_SLIDES - 2);
  g_assert_cmpuint (apmm_slide_deck_get_n_all (deck), ==, APMM_SLIDE_N_SLIDES);
  g_assert_cmpstr (apmm_slide_deck_get_slide (deck, 0)->id, ==, "ladder");
  g_assert_cmpstr (apmm_slide_deck_get_slide (deck, 1)->id, ==, "title");
  g_assert_cmpstr (apmm_slide_deck_get_slide (deck, 2)->id, ==, "level-0");
  g_assert_cmpint (apmm_slide_deck_find (deck, "chasm"), ==, -1);
  g_assert_true (apmm_slide_deck_get_any (deck, 6)->hidden);
  g_assert_cmpstr (apmm_slide_deck_get_any (deck, 6)->id, ==, "level-4");
}

/* --- The file ------------------------------------------------------------- */

static const char presentation_file[] =
  "{\"format\": \"apmm-session\", \"version\": 1, \"model\": \"apmm-1\",\n"
  " \"presentation\": {\"order\": [\"vote\", \"title\"], \"hidden\": [\"chasm\"],\n"
  "                  \"reveal\": {\"gaps\": [\"owners\", \"notes\"]},\n"
  "                  \"theme\": \"dark\"},\n"
  " \"agenda\": [{\"title\": \"Welcome\", \"minutes\": 10, \"slide\": \"title\", \"room\": \"A\"},\n"
  "            {\"title\": \"Coffee\", \"minutes\": 15}]}";

static void
test_file_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmSession) session = load_string (presentation_file, &error);
  g_autoptr(ApmmSession) reloaded = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  const ApmmPresentation *presentation;

  g_assert_no_error (error);
  presentation = apmm_session_get_presentation (session);
  g_assert_cmpstr (apmm_presentation_get_order (presentation)[0], ==, "vote");
  g_assert_true (apmm_presentation_is_hidden (presentation, "chasm"));
  g_assert_cmpuint (apmm_presentation_get_reveal (presentation, "gaps"), ==,
                    APMM_SLIDE_REVEAL_OWNERS | APMM_SLIDE_REVEAL_NOTES);
  agenda = apmm_presentation_dup_agenda (presentation);
  g_assert_cmpuint (agenda->len, ==, 2);
  g_assert_cmpuint (((ApmmAgendaSegment *) agenda->pdata[1])->minutes, ==, 15);
  g_assert_null (((ApmmAgendaSegment *) agenda->pdata[1])->slide);

  text = save_and_reload (session, &reloaded);
  g_assert_true (apmm_session_equal (session, reloaded));
  /* Unknown members inside both keys survive. */
  g_assert_nonnull (strstr (text, "\"theme\": \"dark\""));
  g_assert_nonnull (strstr (text, "\"room\": \"A\""));
  g_assert_nonnull (strstr (text, "\"reveal\": {\n      \"gaps\": [\n        \"notes\",\n        \"owners\""));
}

static void
test_file_defaults_not_written (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(ApmmSession) reloaded = NULL;
  g_autofree char *text = save_and_reload (session, &reloaded);
  g_autoptr(GPtrArray) agenda = NULL;
  guint total = 0;

  g_assert_null (strstr (text, "presentation"));
  g_assert_null (strstr (text, "agenda"));

  /* The default agenda fits a half day. */
  agenda = apmm_presentation_dup_agenda (apmm_session_get_presentation (reloaded));
  g_assert_false (apmm_presentation_has_agenda (apmm_session_get_presentation (reloaded)));
  for (guint i = 0; i < agenda->len; i++)
    {
      const ApmmAgendaSegment *segment = agenda->pdata[i];

      total += segment->minutes;
      g_assert_true (segment->slide == NULL || apmm_slide_id_is_known (segment->slide));
    }
  g_assert_cmpuint (total, ==, 210);  /* 3 h 30 min, as documented */
}

static void
test_file_edit_round_trip (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(ApmmSession) reloaded = NULL;
  g_autoptr(ApmmPresentation) presentation = apmm_presentation_new ();
  g_autoptr(GPtrArray) agenda = g_ptr_array_new_with_free_func ((GDestroyNotify) apmm_agenda_segment_free);
  g_autofree char *text = NULL;

  g_ptr_array_add (agenda, apmm_agenda_segment_new ("Opening", 5, "title"));
  apmm_presentation_set_agenda (presentation, agenda);
  apmm_presentation_set_hidden (presentation, "prompt-adoption", TRUE);
  apmm_session_set_presentation (session, presentation, "Hide a slide");
  text = save_and_reload (session, &reloaded);
  g_assert_true (apmm_session_equal (session, reloaded));
  g_assert_true (apmm_presentation_is_hidden (apmm_session_get_presentation (reloaded),
                                              "prompt-adoption"));

  /* Undo's copy and assign carry the presentation too. */
  {
    g_autoptr(ApmmSession) copy = apmm_session_copy (session);
    g_autoptr(ApmmSession) fresh = apmm_session_new ();

    g_assert_true (apmm_session_equal (copy, session));
    apmm_session_assign (copy, fresh, NULL);
    g_assert_false (apmm_presentation_is_hidden (apmm_session_get_presentation (copy),
                                                 "prompt-adoption"));
  }
}

static void
assert_refused (const char *members,
                const char *needle)
{
  g_autofree char *text = g_strdup_printf ("{\"format\": \"apmm-session\", \"version\": 1, "
                                           "\"model\": \"apmm-1\", %s}", members);
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmSession) session = load_string (text, &error);

  g_assert_null (session);
  g_assert_error (error, APMM_SESSION_ERROR, APMM_SESSION_ERROR_INVALID);
  if (strstr (error->message, needle) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, needle);
}

static void
test_file_bad_values (void)
{
  assert_refused ("\"presentation\": []", "presentation: expected an object");
  assert_refused ("\"presentation\": {\"order\": \"title\"}", "presentation › order: expected an array");
  assert_refused ("\"presentation\": {\"order\": [\"title\", 3]}", "presentation › order › 2: expected a string");
  assert_refused ("\"presentation\": {\"hidden\": [\"vote\", \"vote\"]}", "presentation › hidden › 2: this slide is already listed");
  assert_refused ("\"presentation\": {\"reveal\": {\"vote\": [\"emails\"]}}", "presentation › reveal › vote: expected names, notes or owners");
  assert_refused ("\"agenda\": {}", "agenda: expected an array");
  assert_refused ("\"agenda\": [{\"minutes\": 5}]", "agenda › 1 › title: expected a string");
  assert_refused ("\"agenda\": [{\"title\": \"A\", \"minutes\": 0}]", "agenda › 1 › minutes: expected a whole number from 1 to 600");
  assert_refused ("\"agenda\": [{\"title\": \"A\", \"minutes\": 5, \"slide\": 1}]", "agenda › 1 › slide: expected a string");
}

static void
test_comparison (void)
{
  g_autoptr(ApmmSession) later = load_data_file ("meridian-insurance-later.apmm");
  g_autoptr(ApmmSession) plain = load_example ("meridian-insurance.apmm");
  g_autoptr(ApmmSlideDeck) deck = deck_for (later);
  g_autoptr(ApmmSlideDeck) without = deck_for (plain);
  const ApmmSlide *slide;
  g_autofree char *wall = NULL;

  g_assert_cmpint (apmm_slide_deck_find (without, "comparison"), ==, -1);
  g_assert_cmpuint (apmm_slide_deck_get_n_all (without), ==, APMM_SLIDE_N_SLIDES);

  g_assert_cmpuint (apmm_slide_deck_get_n_slides (deck), ==, APMM_SLIDE_N_SLIDES + 1);
  g_assert_cmpint (apmm_slide_deck_find (deck, "comparison"), ==,
                   apmm_slide_deck_find (deck, "ladder") + 1);
  slide = find_slide (deck, "comparison");
  g_assert_cmpint (slide->kind, ==, APMM_SLIDE_COMPARISON);
  g_assert_cmpstr (slide->kicker, ==, "Since the baseline");
  g_assert_cmpstr (slide->title, ==, "Evidence level 2 → 3");
  g_assert_cmpstr (slide->lead, ==, "+1 since 2026-03-12.");
  wall = wall_text (slide);
  g_assert_nonnull (strstr (wall, "Evidence level 2 → 3 · Perceived level 3 → 3"));
  g_assert_nonnull (strstr (wall, "Changed Output monitoring: Not met → Met"));
  g_assert_nonnull (strstr (wall, "more criteria changed"));
  g_assert_nonnull (strstr (wall, "Gaps closed "));
  g_assert_nonnull (strstr (wall, "Gaps opened "));
  g_assert_nonnull (strstr (wall, "Actions done Fallback runbook for claims handlers"));
  /* At most APMM_SLIDE_MAX_CHANGES criteria, one "more" line, and five others. */
  g_assert_cmpuint (slide->items->len, <=, APMM_SLIDE_MAX_CHANGES + 5);
  for (guint i = 0; i < apmm_session_get_n_participants (later); i++)
    {
      g_autofree char *name = g_strdup (apmm_session_get_participant_name (later, i));

      name[strcspn (name, " ")] = '\0';
      g_assert_null (strstr (wall, name));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/slides/empty", test_empty_session);
  g_test_add_func ("/slides/partial", test_partial_session);
  g_test_add_func ("/slides/complete", test_complete_session);
  g_test_add_func ("/slides/privacy/defaults", test_privacy_defaults);
  g_test_add_func ("/slides/privacy/opt-in", test_privacy_opt_in);
  g_test_add_func ("/slides/privacy/votes-hidden", test_votes_hidden);
  g_test_add_func ("/slides/hidden-and-reordered", test_hidden_and_reordered);
  g_test_add_func ("/slides/file/round-trip", test_file_round_trip);
  g_test_add_func ("/slides/file/defaults-not-written", test_file_defaults_not_written);
  g_test_add_func ("/slides/file/edit-round-trip", test_file_edit_round_trip);
  g_test_add_func ("/slides/file/bad-values", test_file_bad_values);
  g_test_add_func ("/slides/comparison", test_comparison);

  return g_test_run ();
}
