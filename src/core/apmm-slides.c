/* apmm-slides.c — the slide list for a session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each slide says what the pages say, from the same assessment, in words
 * for the room. What is private — participants' names, evidence notes,
 * owners — goes to the slide's notes for the facilitator's console, and onto
 * the wall only where the facilitator opted in for that slide.
 */
#define G_LOG_DOMAIN "apmm-slides"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "apmm-compare.h"
#include "apmm-slides.h"

struct _ApmmSlideDeck
{
  ApmmSession    *session;
  ApmmAssessment *assessment;
  GPtrArray      *all;    /* ApmmSlide *, presentation order */
  GPtrArray      *shown;  /* borrowed from all */
};

static const char * const default_ids[] = {
  "title",
  "level-0", "level-1", "level-2", "level-3", "level-4",
  "chasm",
  "prompt-adoption", "prompt-production", "prompt-failure",
  "vote", "ladder", "comparison", "gaps", "entry-point", "next-steps",
  NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (default_ids) == APMM_SLIDE_N_IDS + 1);

/* ------------------------------------------------------------------------ */
/* Slides                                                                    */
/* ------------------------------------------------------------------------ */

static void
item_free (gpointer data)
{
  ApmmSlideItem *item = data;

  g_free (item->mark);
  g_free (item->text);
  g_free (item->detail);
  g_free (item);
}

static void
slide_free (gpointer data)
{
  ApmmSlide *slide = data;

  g_free (slide->id);
  g_free (slide->kicker);
  g_free (slide->title);
  g_free (slide->lead);
  g_ptr_array_unref (slide->items);
  g_free (slide->callout_label);
  g_free (slide->callout);
  g_free (slide->notes);
  g_free (slide);
}

static ApmmSlide *
slide_new (ApmmSlideKind  kind,
           const char    *id)
{
  ApmmSlide *slide = g_new0 (ApmmSlide, 1);

  slide->kind = kind;
  slide->id = g_strdup (id);
  slide->level = -1;
  slide->items = g_ptr_array_new_with_free_func (item_free);
  return slide;
}

static void
add_item (ApmmSlide  *slide,
          const char *mark,
          const char *text,
          char       *detail)  /* (transfer full) */
{
  ApmmSlideItem *item = g_new0 (ApmmSlideItem, 1);

  item->mark = g_strdup (mark);
  item->text = g_strdup (text);
  item->detail = detail != NULL && detail[0] != '\0' ? detail : NULL;
  if (item->detail == NULL)
    g_free (detail);
  g_ptr_array_add (slide->items, item);
}

static char *
level_label (ApmmModel *model,
             guint      level)
{
  /* TRANSLATORS: a level and its name, e.g. "Level 2 · AI Active" */
  return g_strdup_printf (_("Level %u · %s"), level, apmm_model_get_level (model, level)->name);
}

static char *
format_date (const char *date)
{
  int y, m, d;
  g_autoptr(GDateTime) dt = NULL;

  if (!apmm_date_is_valid (date) || sscanf (date, "%d-%d-%d", &y, &m, &d) != 3)
    return NULL;
  dt = g_date_time_new_utc (y, m, d, 0, 0, 0);
  /* TRANSLATORS: the workshop's date on the title slide, strftime format */
  return g_date_time_format (dt, _("%-d %B %Y"));
}

static ApmmSlide *
build_title (ApmmSession *session,
             ApmmModel   *model)
{
  ApmmSlide *slide = slide_new (APMM_SLIDE_TITLE, "title");
  const char *organisation = apmm_session_get_organisation (session);
  const char *title = apmm_session_get_title (session);
  g_autofree char *date = format_date (apmm_session_get_date (session));

  slide->kicker = g_strdup (apmm_model_get_title (model));
  slide->title = g_strdup (organisation[0] != '\0' ? organisation : _("AI Readiness Workshop"));
  if (title[0] != '\0' && date != NULL)
    /* TRANSLATORS: the workshop's title and its date on the title slide */
    slide->lead = g_strdup_printf (_("%s · %s"), title, date);
  else if (title[0] != '\0')
    slide->lead = g_strdup (title);
  else
    slide->lead = g_steal_pointer (&date);
  slide->callout = g_strdup (apmm_model_get_tagline (model));
  return slide;
}

static ApmmSlide *
build_level (ApmmModel *model,
             guint      number)
{
  const ApmmLevel *level = apmm_model_get_level (model, number);
  g_autofree char *id = g_strdup_printf ("level-%u", number);
  ApmmSlide *slide = slide_new (APMM_SLIDE_LEVEL, id);

  slide->level = number;
  /* TRANSLATORS: above a level's name on its slide */
  slide->kicker = g_strdup_printf (_("Level %u of %d"), number, APMM_MAX_LEVEL);
  slide->title = g_strdup (level->name);
  slide->lead = g_strdup (level->description);
  for (guint i = 0; level->signs != NULL && level->signs[i] != NULL; i++)
    add_item (slide, NULL, level->signs[i], NULL);
  slide->callout_label = g_strdup (_("Risk"));
  slide->callout = g_strdup (level->risk);
  return slide;
}

static ApmmSlide *
build_chasm (ApmmModel *model)
{
  ApmmSlide *slide = slide_new (APMM_SLIDE_CHASM, "chasm");

  slide->kicker = g_strdup_printf (_("Between level %d and level %d"),
                                   APMM_CHASM_BELOW, APMM_CHASM_BELOW + 1);
  slide->title = g_strdup (apmm_model_get_chasm_title (model));
  slide->lead = g_strdup (apmm_model_get_chasm_text (model));
  return slide;
}

static ApmmSlide *
build_prompt (ApmmSession *session,
              ApmmModel   *model,
              guint        index)
{
  const ApmmPrompt *prompt = apmm_model_get_prompt (model, index);
  g_autofree char *id = g_strconcat ("prompt-", prompt->id, NULL);
  ApmmSlide *slide = slide_new (APMM_SLIDE_PROMPT, id);
  const char *notes = apmm_session_get_prompt_notes (session, prompt->id);

  slide->kicker = g_strdup_printf (_("Prompt %u of %u"), index + 1, apmm_model_get_n_prompts (model));
  slide->title = g_strdup (prompt->title);
  slide->lead = g_strdup (prompt->question);
  slide->callout_label = g_strdup (_("Warning"));
  slide->callout = g_strdup (prompt->warning);
  if (notes[0] != '\0')
    slide->notes = g_strdup (notes);
  return slide;
}

static char *
names_at_level (ApmmSession *session,
                int          level)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < apmm_session_get_n_participants (session); i++)
    {
      const char *name = apmm_session_get_participant_name (session, i);

      if (apmm_session_get_participant_vote (session, i) != level || name[0] == '\0')
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, name);
    }
  return names->len > 0 ? g_string_free (g_steal_pointer (&names), FALSE) : NULL;
}

static ApmmSlide *
build_vote (ApmmSession    *session,
            ApmmModel      *model,
            ApmmAssessment *assessment,
            ApmmSlideReveal reveal)
{
  ApmmSlide *slide = slide_new (APMM_SLIDE_VOTE, "vote");
  g_autofree char *missing = names_at_level (session, -1);
  guint perceived;

  slide->kicker = g_strdup (_("The room's vote"));
  slide->title = g_strdup (_("Where are we today?"));
  slide->n_votes = apmm_session_count_votes (session, slide->votes);
  slide->votes_hidden = apmm_session_get_votes_hidden (session);

  if (slide->votes_hidden)
    slide->lead = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Votes stay hidden until everyone has voted. %u vote so far.",
                                                "Votes stay hidden until everyone has voted. %u votes so far.",
                                                slide->n_votes),
                                   slide->n_votes);
  else if (slide->n_votes == 0)
    slide->lead = g_strdup (_("No votes yet."));
  else if (apmm_assessment_get_perceived_level (assessment, &perceived))
    {
      g_autofree char *label = level_label (model, perceived);

      /* TRANSLATORS: %s is "Level 2 · AI Active" */
      slide->lead = g_strdup_printf (_("The room puts us at %s."), label);
    }

  if (!slide->votes_hidden && (reveal & APMM_SLIDE_REVEAL_NAMES))
    for (guint level = 0; level < APMM_N_LEVELS; level++)
      {
        g_autofree char *names = names_at_level (session, level);
        g_autofree char *mark = g_strdup_printf (_("Level %u"), level);

        if (names != NULL)
          add_item (slide, mark, names, NULL);
      }

  if (missing != NULL)
    slide->notes = g_strdup_printf (_("Not voted yet: %s"), missing);
  return slide;
}

static void
append_evidence_notes (GString     *notes,
                       ApmmSession *session,
                       ApmmModel   *model)
{
  for (guint i = 0; i < apmm_model_get_n_criteria (model); i++)
    {
      const ApmmCriterion *criterion = apmm_model_get_criterion (model, i);
      const char *note = apmm_session_get_evidence_note (session, criterion->id);
      ApmmStatus status = apmm_session_get_status (session, criterion->id);

      if (note[0] == '\0')
        continue;
      g_string_append_printf (notes, "%s%s (%s): %s", notes->len > 0 ? "\n" : "",
                              criterion->title, apmm_status_get_label (status), note);
    }
}

static ApmmSlide *
build_ladder (ApmmSession    *session,
              ApmmModel      *model,
              ApmmAssessment *assessment,
              ApmmSlideReveal reveal)
{
  ApmmSlide *slide = slide_new (APMM_SLIDE_LADDER, "ladder");
  guint evidence = apmm_assessment_get_evidence_level (assessment);
  g_autofree char *label = level_label (model, evidence);
  g_autoptr(GString) notes = g_string_new (NULL);
  int over;

  slide->kicker = g_strdup (_("The maturity ladder"));
  slide->title = g_strdup (_("Where the evidence puts us"));
  if (apmm_assessment_get_overestimation (assessment, &over) && over != 0)
    slide->lead = g_strdup_printf (over > 0
                                   ? g_dngettext (GETTEXT_PACKAGE,
                                                  "Evidence: %s. The room sees itself %d level higher.",
                                                  "Evidence: %s. The room sees itself %d levels higher.", over)
                                   : g_dngettext (GETTEXT_PACKAGE,
                                                  "Evidence: %s. The room sees itself %d level lower.",
                                                  "Evidence: %s. The room sees itself %d levels lower.", -over),
                                   label, ABS (over));
  else
    slide->lead = g_strdup_printf (_("Evidence: %s."), label);

  append_evidence_notes (notes, session, model);
  if (notes->len > 0)
    slide->notes = g_strdup (notes->str);
  if ((reveal & APMM_SLIDE_REVEAL_NOTES) && notes->len > 0)
    {
      slide->callout_label = g_strdup (_("Evidence"));
      slide->callout = g_strdup (notes->str);
    }
  return slide;
}

static const char *
criterion_title (ApmmModel  *model,
                 const char *id)
{
  const ApmmCriterion *criterion = apmm_model_lookup_criterion (model, id);

  return criterion != NULL ? criterion->title : id;
}

/* "Rollback procedure, Output monitoring and 4 more", "none": one line. */
static char *
short_list (GPtrArray *names)
{
  const guint shown = 2;
  g_autoptr(GString) text = g_string_new (NULL);

  if (names->len == 0)
    return g_strdup (C_("gaps or actions", "none"));
  for (guint i = 0; i < MIN (names->len, shown); i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", (const char *) g_ptr_array_index (names, i));
  if (names->len > shown)
    /* Translators: a shortened list: "Rollback procedure, Output monitoring and 4 more" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u more", "%s and %u more",
                                         names->len - shown),
                            text->str, names->len - shown);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The session compared with its baseline: what the report's "Since the
 * baseline" says, made to fit: the levels on one line, at most
 * APMM_SLIDE_MAX_CHANGES changed criteria, then the gaps closed and opened and
 * the earlier actions done. Only built when the session has a baseline. */
static ApmmSlide *
build_comparison (ApmmSession *session,
                  ApmmModel   *model)
{
  ApmmSlide *slide = slide_new (APMM_SLIDE_COMPARISON, "comparison");
  ApmmBaseline *baseline = apmm_session_get_baseline (session);
  g_autoptr(ApmmComparison) comparison = apmm_comparison_new (baseline, session, model);
  g_autoptr(GPtrArray) lines = apmm_comparison_dup_summary (comparison, model, APMM_SLIDE_MAX_CHANGES);
  g_autofree char *movement = apmm_comparison_dup_movement_label (comparison);
  const ApmmComparisonLine *evidence, *perceived;
  guint n;

  /* The summary's order: evidence, perceived, the changes, then the gaps
   * closed, the gaps opened and the actions done. */
  g_assert (lines->len >= 5);
  n = lines->len;
  evidence = g_ptr_array_index (lines, 0);
  perceived = g_ptr_array_index (lines, 1);

  slide->kicker = g_strdup (_("Since the baseline"));
  /* Translators: the comparison slide's title: the evidence level then and now */
  slide->title = g_strdup_printf (_("Evidence level %u → %u"),
                                  apmm_comparison_get_level_then (comparison),
                                  apmm_comparison_get_level_now (comparison));
  /* The movement ("+1 since 2026-03-12"), as a sentence. */
  slide->lead = g_strdup_printf ("%s.", movement);
  {
    /* Translators: the comparison slide's levels: "Evidence level 2 → 3 · Perceived level 3 → 3" */
    g_autofree char *levels = g_strdup_printf (_("%s %s · %s %s"), evidence->label, evidence->text,
                                               perceived->label, perceived->text);

    add_item (slide, _("Levels"), levels, NULL);
  }
  for (guint i = 2; i + 3 < n; i++)
    {
      const ApmmComparisonLine *line = g_ptr_array_index (lines, i);
      guint n_changes = apmm_comparison_get_n_changes (comparison);
      /* The "N more" and "No criterion changed" lines name no criterion. */
      gboolean plain = n_changes == 0 || (i + 4 == n && n_changes > APMM_SLIDE_MAX_CHANGES);
      g_autofree char *text = plain ? g_strdup (line->text)
                                    : g_strdup_printf (_("%s: %s"), line->label, line->text);

      add_item (slide, _("Changed"), text, NULL);
    }
  {
    g_autoptr(GPtrArray) closed = g_ptr_array_new ();
    g_autoptr(GPtrArray) opened = g_ptr_array_new ();
    g_autoptr(GPtrArray) done = g_ptr_array_new ();
    const char * const *ids;
    g_autofree char *closed_text = NULL;
    g_autofree char *opened_text = NULL;
    g_autofree char *done_text = NULL;

    ids = apmm_comparison_get_gaps_closed (comparison);
    for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
      g_ptr_array_add (closed, (gpointer) criterion_title (model, ids[i]));
    ids = apmm_comparison_get_gaps_opened (comparison);
    for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
      g_ptr_array_add (opened, (gpointer) criterion_title (model, ids[i]));
    for (guint i = 0; i < apmm_comparison_get_n_actions_done (comparison); i++)
      g_ptr_array_add (done, (gpointer) apmm_comparison_get_action_done (comparison, i)->title);
    closed_text = short_list (closed);
    opened_text = short_list (opened);
    done_text = short_list (done);
    add_item (slide, _("Gaps closed"), closed_text, NULL);
    add_item (slide, _("Gaps opened"), opened_text, NULL);
    add_item (slide, _("Actions done"), done_text, NULL);
  }
  return slide;
}

static const char *
scale_word (guint value)
{
  switch (value)
    {
    case 1:
      return C_("impact or effort", "low");
    case 3:
      return C_("impact or effort", "high");
    default:
      return C_("impact or effort", "medium");
    }
}

static ApmmSlide *
build_gaps (ApmmSession    *session,
            ApmmAssessment *assessment,
            ApmmSlideReveal reveal)
{
  ApmmSlide *slide = slide_new (APMM_SLIDE_GAPS, "gaps");
  guint n = apmm_assessment_get_n_gaps (assessment);
  g_autoptr(GString) notes = g_string_new (NULL);

  slide->kicker = g_strdup (_("Gap map"));
  slide->title = g_strdup_printf (_("The gaps to level %u"),
                                  apmm_assessment_get_target_level (assessment));
  if (n == 0)
    slide->lead = g_strdup (_("No gaps: every criterion up to the target level is met."));
  else if (n > APMM_SLIDE_MAX_GAPS)
    slide->lead = g_strdup_printf (_("The top %u of %u gaps, most urgent first."), APMM_SLIDE_MAX_GAPS, n);
  else
    slide->lead = g_strdup (_("Most urgent first."));

  for (guint i = 0; i < n; i++)
    {
      const ApmmGap *gap = apmm_assessment_get_gap (assessment, i);
      const char *owner = apmm_session_get_gap_owner (session, gap->criterion->id);
      const char *note = apmm_session_get_gap_note (session, gap->criterion->id);
      g_autoptr(GString) detail = g_string_new (NULL);
      g_autofree char *mark = NULL;

      if (owner[0] != '\0' || note[0] != '\0')
        g_string_append_printf (notes, "%s%s: %s%s%s", notes->len > 0 ? "\n" : "",
                                gap->criterion->title, owner,
                                owner[0] != '\0' && note[0] != '\0' ? " — " : "", note);
      if (i >= APMM_SLIDE_MAX_GAPS)
        continue;

      mark = g_strdup_printf (_("Level %u"), gap->criterion->level);
      /* TRANSLATORS: a gap's detail line: status, impact, effort */
      g_string_append_printf (detail, _("%s · impact %s · effort %s"),
                              apmm_status_get_label (gap->status),
                              scale_word (gap->impact), scale_word (gap->effort));
      if (gap->crosses_chasm)
        g_string_append_printf (detail, " · %s", _("across the Failure Chasm"));
      if ((reveal & APMM_SLIDE_REVEAL_OWNERS) && owner[0] != '\0')
        g_string_append_printf (detail, " · %s", owner);
      if ((reveal & APMM_SLIDE_REVEAL_NOTES) && note[0] != '\0')
        g_string_append_printf (detail, " · %s", note);
      add_item (slide, mark, gap->criterion->title, g_string_free (g_steal_pointer (&detail), FALSE));
    }
  if (notes->len > 0)
    slide->notes = g_strdup (notes->str);
  return slide;
}

/* The offer to start with — the facilitator's pick, else the first offered —
 * with the source's description; other offers as "Also fits". */
static ApmmSlide *
build_entry_point (ApmmModel      *model,
                   ApmmAssessment *assessment)
{
  ApmmSlide *slide = slide_new (APMM_SLIDE_ENTRY_POINT, "entry-point");
  const char * const *ids = apmm_assessment_get_entry_points (assessment);
  const char *pick = apmm_assessment_get_entry_point (assessment);
  const char *first = pick != NULL ? pick : ids[0];
  const ApmmEntryPoint *point = first != NULL ? apmm_model_lookup_entry_point (model, first) : NULL;
  const ApmmEntryPoint *previous;

  slide->kicker = g_strdup (pick != NULL ? _("The facilitator’s pick")
                                         : ngettext ("Recommended entry point", "Recommended entry points",
                                                     g_strv_length ((char **) ids)));
  if (point == NULL)
    {
      slide->title = g_strdup (_("Where to start"));
      return slide;
    }
  slide->title = g_strdup (pick != NULL ? point->name : point->offer);
  slide->lead = g_strdup (point->description);
  previous = point;
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const ApmmEntryPoint *other = apmm_model_lookup_entry_point (model, ids[i]);

      if (other == NULL || apmm_entry_point_same_offer (other, point) ||
          (previous != point && apmm_entry_point_same_offer (other, previous)))
        continue;
      add_item (slide, _("Also fits"), other->offer, NULL);
      previous = other;
    }
  if (apmm_assessment_get_inconclusive (assessment))
    slide->notes = g_strdup (_("The assessment is inconclusive: some criteria of the next level are unknown."));
  return slide;
}

static ApmmSlide *
build_next_steps (ApmmSession    *session,
                  ApmmSlideReveal reveal)
{
  ApmmSlide *slide = slide_new (APMM_SLIDE_NEXT_STEPS, "next-steps");
  g_autoptr(GString) notes = g_string_new (NULL);
  guint shown = 0;

  slide->kicker = g_strdup (_("Roadmap"));
  slide->title = g_strdup (_("Next steps"));

  /* Soonest first: the roadmap's order within each horizon. */
  for (guint horizon = 0; horizon < APMM_N_HORIZONS; horizon++)
    for (guint i = 0; i < apmm_session_get_n_actions (session); i++)
      {
        const ApmmAction *action = apmm_session_get_action (session, i);
        const char *owner = action->owner != NULL ? action->owner : "";
        char *detail = NULL;

        if (action->horizon != horizon || action->status == APMM_ACTION_DROPPED)
          continue;
        if (owner[0] != '\0')
          g_string_append_printf (notes, "%s%s: %s", notes->len > 0 ? "\n" : "", action->title, owner);
        if (shown++ >= APMM_SLIDE_MAX_ACTIONS)
          continue;
        if ((reveal & APMM_SLIDE_REVEAL_OWNERS) && owner[0] != '\0')
          detail = g_strdup (owner);
        add_item (slide, apmm_horizon_get_label (action->horizon), action->title, detail);
      }

  if (shown == 0)
    slide->lead = g_strdup (_("No actions on the roadmap yet."));
  else if (shown > APMM_SLIDE_MAX_ACTIONS)
    slide->lead = g_strdup_printf (_("The first %u of %u actions."), APMM_SLIDE_MAX_ACTIONS, shown);
  if (notes->len > 0)
    slide->notes = g_strdup (notes->str);
  return slide;
}

static ApmmSlide *
build_slide (const char     *id,
             ApmmSession    *session,
             ApmmModel      *model,
             ApmmAssessment *assessment,
             ApmmSlideReveal reveal)
{
  if (strcmp (id, "title") == 0)
    return build_title (session, model);
  if (g_str_has_prefix (id, "level-"))
    return build_level (model, id[6] - '0');
  if (strcmp (id, "chasm") == 0)
    return build_chasm (model);
  if (g_str_has_prefix (id, "prompt-"))
    {
      for (guint i = 0; i < apmm_model_get_n_prompts (model); i++)
        if (strcmp (apmm_model_get_prompt (model, i)->id, id + 7) == 0)
          return build_prompt (session, model, i);
    }
  if (strcmp (id, "vote") == 0)
    return build_vote (session, model, assessment, reveal);
  if (strcmp (id, "ladder") == 0)
    return build_ladder (session, model, assessment, reveal);
  if (strcmp (id, "comparison") == 0)
    return build_comparison (session, model);
  if (strcmp (id, "gaps") == 0)
    return build_gaps (session, assessment, reveal);
  if (strcmp (id, "entry-point") == 0)
    return build_entry_point (model, assessment);
  g_assert (strcmp (id, "next-steps") == 0);
  return build_next_steps (session, reveal);
}

/* The facilitator's order: the known ids it lists, then the others in their
 * default order. */
static GPtrArray *
presentation_order (const ApmmPresentation *presentation)
{
  const char * const *order = apmm_presentation_get_order (presentation);
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; order != NULL && order[i] != NULL; i++)
    if (apmm_slide_id_is_known (order[i]))
      g_ptr_array_add (ids, (gpointer) g_intern_string (order[i]));
  for (guint i = 0; default_ids[i] != NULL; i++)
    if (!g_ptr_array_find (ids, g_intern_string (default_ids[i]), NULL))
      g_ptr_array_add (ids, (gpointer) g_intern_string (default_ids[i]));
  return ids;
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                */
/* ------------------------------------------------------------------------ */

const char * const *
apmm_slide_get_default_ids (void)
{
  return default_ids;
}

gboolean
apmm_slide_id_is_known (const char *id)
{
  g_return_val_if_fail (id != NULL, FALSE);

  return g_strv_contains (default_ids, id);
}

const char *
apmm_slide_kind_get_label (ApmmSlideKind kind)
{
  static const char * const labels[] = {
    N_("Title"), N_("Level"), N_("Failure Chasm"), N_("Prompt"), N_("Room vote"),
    N_("Ladder"), N_("Top gaps"), N_("Entry point"), N_("Next steps"),
    N_("Comparison"),
  };

  g_return_val_if_fail (kind < G_N_ELEMENTS (labels), NULL);

  return _(labels[kind]);
}

/**
 * apmm_slide_deck_new:
 * @session: the session
 * @model: the model
 * @assessment: (nullable): the session's assessment, computed when %NULL
 *
 * Returns: (transfer full): the slides of @session
 */
ApmmSlideDeck *
apmm_slide_deck_new (ApmmSession    *session,
                     ApmmModel      *model,
                     ApmmAssessment *assessment)
{
  ApmmSlideDeck *self;
  const ApmmPresentation *presentation;
  g_autoptr(GPtrArray) ids = NULL;

  g_return_val_if_fail (APMM_IS_SESSION (session), NULL);
  g_return_val_if_fail (APMM_IS_MODEL (model), NULL);

  self = g_new0 (ApmmSlideDeck, 1);
  self->session = g_object_ref (session);
  /* The wall shows the room's view: hidden votes stay hidden everywhere. */
  if (assessment != NULL)
    self->assessment = apmm_assessment_dup_public (assessment);
  else
    {
      g_autoptr(ApmmAssessment) full = apmm_assessment_new (session, model);

      self->assessment = apmm_assessment_dup_public (full);
    }
  self->all = g_ptr_array_new_with_free_func (slide_free);
  self->shown = g_ptr_array_new ();

  presentation = apmm_session_get_presentation (session);
  ids = presentation_order (presentation);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      ApmmSlideReveal reveal;
      ApmmSlide *slide;

      /* Only a session compared with an earlier one has a comparison. */
      if (strcmp (id, "comparison") == 0 && apmm_session_get_baseline (session) == NULL)
        continue;
      reveal = apmm_presentation_get_reveal (presentation, id);
      slide = build_slide (id, session, model, self->assessment, reveal);

      slide->reveal = reveal;
      slide->hidden = apmm_presentation_is_hidden (presentation, id);
      g_ptr_array_add (self->all, slide);
      if (!slide->hidden)
        g_ptr_array_add (self->shown, slide);
    }
  return self;
}

void
apmm_slide_deck_free (ApmmSlideDeck *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->shown);
  g_ptr_array_unref (self->all);
  apmm_assessment_unref (self->assessment);
  g_object_unref (self->session);
  g_free (self);
}

ApmmSession *
apmm_slide_deck_get_session (ApmmSlideDeck *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->session;
}

ApmmAssessment *
apmm_slide_deck_get_assessment (ApmmSlideDeck *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->assessment;
}

guint
apmm_slide_deck_get_n_slides (ApmmSlideDeck *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->shown->len;
}

const ApmmSlide *
apmm_slide_deck_get_slide (ApmmSlideDeck *self,
                           guint          index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->shown->len, NULL);

  return g_ptr_array_index (self->shown, index);
}

guint
apmm_slide_deck_get_n_all (ApmmSlideDeck *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->all->len;
}

const ApmmSlide *
apmm_slide_deck_get_any (ApmmSlideDeck *self,
                         guint          index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->all->len, NULL);

  return g_ptr_array_index (self->all, index);
}

int
apmm_slide_deck_find (ApmmSlideDeck *self,
                      const char    *id)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (id != NULL, -1);

  for (guint i = 0; i < self->shown->len; i++)
    if (strcmp (((ApmmSlide *) g_ptr_array_index (self->shown, i))->id, id) == 0)
      return i;
  return -1;
}
