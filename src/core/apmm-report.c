/* apmm-report.c — what the written follow-up says, before any format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-report"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "apmm-report.h"
#include "apmm-compare.h"
#include "apmm-roadmap.h"

struct _ApmmReport
{
  gatomicrefcount  ref_count;

  ApmmModel       *model;
  ApmmSession     *session;        /* a private copy, renamed when anonymised */
  ApmmAssessment  *assessment;
  gboolean         anonymised;

  /* Every string the report shows, owned here; the structs point into it. */
  GStringChunk    *strings;

  const char      *organisation;
  const char      *title;
  const char      *date;
  const char      *facilitator;
  const char      *notes;

  char            *headline;
  char            *perceived_text;
  char            *estimation_text;
  char            *progress_text;
  char            *target_text;
  char            *inconclusive_text;
  GArray          *entry_points;                /* ApmmReportEntryPoint */

  GArray          *criteria[APMM_N_LEVELS];     /* ApmmReportCriterion; [0] empty */
  GArray          *prompts;                     /* ApmmReportPrompt */
  guint            votes[APMM_N_LEVELS];
  guint            n_votes;
  GArray          *gaps;                        /* ApmmReportGap */
  guint            n_uncovered;
  GArray          *actions;                     /* ApmmReportAction */
  GPtrArray       *closes;                      /* the actions' NULL-terminated criterion arrays */
  GPtrArray       *since_baseline;              /* NULL-terminated lines in the chunk; NULL without a baseline */
};

G_DEFINE_BOXED_TYPE (ApmmReport, apmm_report, apmm_report_ref, apmm_report_unref)

/* ---- Anonymising ------------------------------------------------------- */

typedef struct {
  GRegex     *regex;         /* every name form of every participant; NULL when none */
  GHashTable *replacements;  /* casefolded name form → "Participant N" */
} Anonymiser;

/* Particles of family names are too common as words to be removed alone. */
static const char * const particles[] = {
  "al", "bin", "da", "de", "del", "della", "den", "der", "di", "do", "dos", "du",
  "el", "ibn", "la", "le", "van", "von", "y", "zu", NULL
};

/* "Helen Okafor (Chief Claims Officer)" → "Helen Okafor". */
static char *
person_part (const char *name)
{
  const char *bracket = strchr (name, '(');
  g_autofree char *person = g_strndup (name, bracket ? (gsize) (bracket - name) : strlen (name));

  return g_strdup (g_strstrip (person));
}

static void
add_form (Anonymiser *anon,
          GPtrArray  *forms,
          const char *form,
          const char *replacement)
{
  g_autofree char *key = g_utf8_casefold (form, -1);

  if (g_utf8_strlen (form, -1) < 2 || g_hash_table_contains (anon->replacements, key))
    return;
  g_hash_table_insert (anon->replacements, g_steal_pointer (&key), g_strdup (replacement));
  g_ptr_array_add (forms, g_regex_escape_string (form, -1));
}

static void
add_participant_forms (Anonymiser *anon,
                       GPtrArray  *forms,
                       const char *name,
                       const char *replacement)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));
  g_autofree char *person = person_part (stripped);
  g_auto(GStrv) words = g_regex_split_simple ("[\\s,;/]+", person, 0, 0);

  add_form (anon, forms, stripped, replacement);
  add_form (anon, forms, person, replacement);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = g_strdup (words[i]);
      g_autofree char *lower = NULL;

      /* "J." is an initial, not a name. */
      if (g_str_has_suffix (word, "."))
        continue;
      lower = g_utf8_strdown (word, -1);
      if (!g_strv_contains (particles, lower))
        add_form (anon, forms, word, replacement);
    }
}

static int
longest_first (gconstpointer a,
               gconstpointer b)
{
  return (int) strlen (*(const char * const *) b) - (int) strlen (*(const char * const *) a);
}

static void
anonymiser_init (Anonymiser  *anon,
                 ApmmSession *session)
{
  g_autoptr(GPtrArray) forms = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) pattern = g_string_new ("(?<![\\w])(?:");

  anon->replacements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  anon->regex = NULL;
  for (guint i = 0; i < apmm_session_get_n_participants (session); i++)
    {
      g_autofree char *replacement = g_strdup_printf (_("Participant %u"), i + 1);

      add_participant_forms (anon, forms, apmm_session_get_participant_name (session, i),
                             replacement);
    }
  if (forms->len == 0)
    return;

  /* Longest first, so a full name wins over its first word. */
  g_ptr_array_sort (forms, longest_first);
  for (guint i = 0; i < forms->len; i++)
    g_string_append_printf (pattern, "%s%s", i ? "|" : "", (const char *) forms->pdata[i]);
  g_string_append (pattern, ")(?![\\w])");
  anon->regex = g_regex_new (pattern->str, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
}

static void
anonymiser_clear (Anonymiser *anon)
{
  g_clear_pointer (&anon->regex, g_regex_unref);
  g_clear_pointer (&anon->replacements, g_hash_table_unref);
}

static gboolean
replace_name_cb (const GMatchInfo *info,
                 GString          *result,
                 gpointer          user_data)
{
  GHashTable *replacements = user_data;
  g_autofree char *match = g_match_info_fetch (info, 0);
  g_autofree char *key = g_utf8_casefold (match, -1);
  const char *replacement = g_hash_table_lookup (replacements, key);

  g_string_append (result, replacement ? replacement : match);
  return FALSE;
}

/* ---- Building ---------------------------------------------------------- */

/* Interns @text (NULL is ""), anonymised when the report is. */
static const char *
take (ApmmReport *self,
      Anonymiser *anon,
      const char *text)
{
  g_autofree char *replaced = NULL;

  if (text == NULL)
    text = "";
  if (anon->regex != NULL && *text != '\0')
    {
      replaced = g_regex_replace_eval (anon->regex, text, -1, 0, 0,
                                       replace_name_cb, anon->replacements, NULL);
      if (replaced != NULL)
        text = replaced;
    }
  return g_string_chunk_insert_const (self->strings, text);
}


static void
build_verdict (ApmmReport *self)
{
  guint evidence = apmm_assessment_get_evidence_level (self->assessment);
  const ApmmLevel *level = apmm_model_get_level (self->model, evidence);
  guint perceived = 0;
  int over = 0;
  double progress = 0;

  if (apmm_assessment_get_inconclusive (self->assessment))
    self->headline = g_strdup_printf (_("Evidence level at least %u, %s"), evidence, level->name);
  else
    self->headline = g_strdup_printf (_("Evidence level %u, %s"), evidence, level->name);

  if (apmm_assessment_get_perceived_level (self->assessment, &perceived))
    self->perceived_text = g_strdup_printf (_("The room's perceived level: %u, %s"), perceived,
                                            apmm_model_get_level (self->model, perceived)->name);
  else
    self->perceived_text = g_strdup (_("The room gave no perceived level."));
  if (apmm_assessment_get_overestimation (self->assessment, &over))
    self->estimation_text = apmm_assessment_describe_overestimation (over);
  else
    self->estimation_text = g_strdup ("");

  if (apmm_assessment_get_next_level_progress (self->assessment, &progress))
    {
      const ApmmLevel *next = apmm_model_get_level (self->model, evidence + 1);
      guint met = 0, partly = 0;

      for (guint i = 0; next->criteria[i] != NULL; i++)
        {
          ApmmStatus status = apmm_session_get_status (self->session, next->criteria[i]->id);

          met += status == APMM_STATUS_MET;
          partly += status == APMM_STATUS_PARTLY;
        }
      /* Counted honestly: a partly met criterion is half of one, and says so. */
      self->progress_text =
        g_strdup_printf (_("Towards level %u, %s: %u of %u criteria met and %u partly met (%u%%)."),
                         evidence + 1, next->name, met, next->n_criteria, partly,
                         /* Rounded as the ladder rounds it, so both say the same. */
                         (guint) (progress * 100.0 + 0.5));
    }
  else
    self->progress_text = g_strdup (_("Level 4 is the top of the model: there is no next level."));

  self->target_text = g_strdup_printf (_("Target level %u, %s"),
                                       apmm_assessment_get_target_level (self->assessment),
                                       apmm_model_get_level (self->model,
                                                             apmm_assessment_get_target_level (self->assessment))->name);
}

static void
build_inconclusive (ApmmReport *self)
{
  guint evidence = apmm_assessment_get_evidence_level (self->assessment);
  const ApmmLevel *next;
  guint unknown = 0;

  if (!apmm_assessment_get_inconclusive (self->assessment) || evidence >= APMM_MAX_LEVEL)
    return;
  next = apmm_model_get_level (self->model, evidence + 1);
  for (guint i = 0; next->criteria[i] != NULL; i++)
    unknown += apmm_session_get_status (self->session, next->criteria[i]->id) == APMM_STATUS_UNKNOWN;
  self->inconclusive_text =
    g_strdup_printf (ngettext ("Inconclusive: %u criterion of level %u is unknown, so level %u is a floor, not a verdict.",
                               "Inconclusive: %u criteria of level %u are unknown, so level %u is a floor, not a verdict.",
                               unknown),
                     unknown, evidence + 1, evidence);
}

static gboolean
offer_listed (GArray               *entry_points,
              const ApmmEntryPoint *point)
{
  for (guint i = 0; i < entry_points->len; i++)
    if (apmm_entry_point_same_offer (g_array_index (entry_points, ApmmReportEntryPoint, i).entry_point,
                                     point))
      return TRUE;
  return FALSE;
}

static void
add_entry_point (ApmmReport           *self,
                 const ApmmEntryPoint *point,
                 gboolean              picked,
                 guint                 evidence)
{
  ApmmReportEntryPoint ep = { point, point->offer, NULL };
  g_autofree char *why = NULL;

  if (point->min_level < 0)
    why = g_strdup (_("Recommended because the evidence cannot pin the level down: a short diagnostic establishes it first."));
  else if (point->min_level == point->max_level)
    why = g_strdup_printf (_("Recommended because it serves level %d and the evidence level is %u."),
                           point->min_level, evidence);
  else
    why = g_strdup_printf (_("Recommended because it serves levels %d to %d and the evidence level is %u."),
                           point->min_level, point->max_level, evidence);
  if (picked)
    {
      /* Translators: the first is an entry point's name, the second a
       * "Recommended because …" sentence. */
      char *chosen = g_strdup_printf (_("The facilitator chose %s. %s"), point->name, why);

      g_free (why);
      why = chosen;
    }
  ep.why = g_string_chunk_insert_const (self->strings, why);
  g_array_append_val (self->entry_points, ep);
}

/* The offered entry points, the facilitator's pick first; entry points the
 * source offers together ("Pilot-to-Production Rescue or AI Feature Sprint")
 * are listed once, under the offer's heading. */
static void
build_entry_points (ApmmReport *self)
{
  const char * const *ids = apmm_assessment_get_entry_points (self->assessment);
  const char *pick = apmm_assessment_get_entry_point (self->assessment);
  guint evidence = apmm_assessment_get_evidence_level (self->assessment);
  const ApmmEntryPoint *picked = pick != NULL ? apmm_model_lookup_entry_point (self->model, pick) : NULL;

  self->entry_points = g_array_new (FALSE, TRUE, sizeof (ApmmReportEntryPoint));
  if (picked != NULL)
    add_entry_point (self, picked, TRUE, evidence);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const ApmmEntryPoint *point = apmm_model_lookup_entry_point (self->model, ids[i]);

      if (point != NULL && !offer_listed (self->entry_points, point))
        add_entry_point (self, point, FALSE, evidence);
    }
}

static void
build_evidence (ApmmReport *self,
                Anonymiser *anon)
{
  for (guint l = 0; l < APMM_N_LEVELS; l++)
    {
      const ApmmLevel *level = apmm_model_get_level (self->model, l);

      self->criteria[l] = g_array_new (FALSE, TRUE, sizeof (ApmmReportCriterion));
      for (guint i = 0; level->criteria[i] != NULL; i++)
        {
          const char *id = level->criteria[i]->id;
          ApmmReportCriterion c = {
            level->criteria[i],
            apmm_session_get_status (self->session, id),
            take (self, anon, apmm_session_get_evidence_note (self->session, id)),
            take (self, anon, apmm_session_get_confirmed_by (self->session, id)),
            take (self, anon, apmm_session_get_confirmed_at (self->session, id)),
          };

          g_array_append_val (self->criteria[l], c);
        }
    }

  self->prompts = g_array_new (FALSE, TRUE, sizeof (ApmmReportPrompt));
  for (guint i = 0; i < apmm_model_get_n_prompts (self->model); i++)
    {
      const ApmmPrompt *prompt = apmm_model_get_prompt (self->model, i);
      ApmmReportPrompt p = { prompt, take (self, anon, apmm_session_get_prompt_notes (self->session, prompt->id)) };

      g_array_append_val (self->prompts, p);
    }
  self->n_votes = apmm_session_count_votes (self->session, self->votes);
}

static void
build_gaps (ApmmReport *self,
            Anonymiser *anon)
{
  self->gaps = g_array_new (FALSE, TRUE, sizeof (ApmmReportGap));
  for (guint i = 0; i < apmm_assessment_get_n_gaps (self->assessment); i++)
    {
      const ApmmGap *gap = apmm_assessment_get_gap (self->assessment, i);
      const char *id = gap->criterion->id;
      ApmmReportGap g = {
        i + 1, gap->criterion, gap->status, gap->impact, gap->effort,
        take (self, anon, apmm_session_get_gap_owner (self->session, id)),
        take (self, anon, apmm_session_get_gap_note (self->session, id)),
        gap->crosses_chasm,
        apmm_roadmap_gap_is_covered (self->session, id),
      };

      self->n_uncovered += !g.covered;
      g_array_append_val (self->gaps, g);
    }
}

static void
build_actions (ApmmReport *self,
               Anonymiser *anon)
{
  self->actions = g_array_new (FALSE, TRUE, sizeof (ApmmReportAction));
  self->closes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < apmm_session_get_n_actions (self->session); i++)
    {
      const ApmmAction *action = apmm_session_get_action (self->session, i);
      GPtrArray *closes = g_ptr_array_new ();
      ApmmReportAction a = {
        take (self, anon, action->id),
        take (self, anon, action->title),
        take (self, anon, action->description),
        take (self, anon, action->owner),
        action->horizon,
        take (self, anon, action->due),
        action->status,
        take (self, anon, action->measure),
        NULL, 0,
      };

      for (guint k = 0; action->criteria != NULL && action->criteria[k] != NULL; k++)
        {
          const ApmmCriterion *criterion = apmm_model_lookup_criterion (self->model, action->criteria[k]);

          if (criterion != NULL)
            g_ptr_array_add (closes, (gpointer) criterion);
        }
      a.n_closes = closes->len;
      g_ptr_array_add (closes, NULL);
      a.closes = (const ApmmCriterion * const *) closes->pdata;
      g_ptr_array_add (self->closes, g_ptr_array_free (closes, FALSE));
      g_array_append_val (self->actions, a);
    }
}

static void
build_since_baseline (ApmmReport  *self,
                      ApmmSession *session,
                      Anonymiser  *anon)
{
  ApmmBaseline *baseline = apmm_session_get_baseline (session);
  g_autoptr(ApmmComparison) comparison = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  if (baseline == NULL)
    return;
  comparison = apmm_comparison_new (baseline, session, self->model);
  lines = apmm_comparison_dup_summary (comparison, self->model, 0);
  self->since_baseline = g_ptr_array_new ();
  for (guint i = 0; i < lines->len; i++)
    {
      const ApmmComparisonLine *line = g_ptr_array_index (lines, i);
      g_autofree char *text = NULL;

      if (line->detail != NULL)
        /* Translators: a "Since the baseline" line: label, what changed, the movement */
        text = g_strdup_printf (_("%s: %s (%s)"), line->label, line->text, line->detail);
      else
        /* Translators: a "Since the baseline" line: label, what changed */
        text = g_strdup_printf (_("%s: %s"), line->label, line->text);
      g_ptr_array_add (self->since_baseline, (gpointer) take (self, anon, text));
    }
  g_ptr_array_add (self->since_baseline, NULL);
}

/* The private copy: participants renamed, and the vote shown (the report is
 * written after the reveal; it gives counts only). */
static ApmmSession *
copy_session (ApmmSession *session,
              gboolean     anonymise)
{
  ApmmSession *copy = apmm_session_copy (session);

  if (anonymise)
    for (guint i = 0; i < apmm_session_get_n_participants (copy); i++)
      {
        g_autofree char *name = g_strdup_printf (_("Participant %u"), i + 1);

        apmm_session_rename_participant (copy, i, name);
      }
  apmm_session_set_votes_hidden (copy, FALSE);
  return copy;
}

ApmmReport *
apmm_report_new (ApmmSession     *session,
                 ApmmModel       *model,
                 ApmmReportFlags  flags)
{
  ApmmReport *self;
  Anonymiser anon = { NULL, NULL };
  const char *title;

  g_return_val_if_fail (APMM_IS_SESSION (session), NULL);
  g_return_val_if_fail (APMM_IS_MODEL (model), NULL);

  self = g_new0 (ApmmReport, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->model = g_object_ref (model);
  self->anonymised = (flags & APMM_REPORT_ANONYMISED) != 0;
  self->strings = g_string_chunk_new (4096);

  if (self->anonymised)
    anonymiser_init (&anon, session);
  else
    anon.replacements = NULL;

  /* Strings are taken from the original, whose names the anonymiser knows. */
  self->organisation = take (self, &anon, apmm_session_get_organisation (session));
  title = apmm_session_get_title (session);
  self->title = take (self, &anon, *title != '\0' ? title : _("AI Production Maturity Assessment"));
  self->date = take (self, &anon, apmm_session_get_date (session));
  self->facilitator = take (self, &anon, apmm_session_get_facilitator (session));
  self->notes = take (self, &anon, apmm_session_get_notes (session));

  self->session = copy_session (session, self->anonymised);
  self->assessment = apmm_assessment_new (self->session, model);

  build_verdict (self);
  build_inconclusive (self);
  build_entry_points (self);
  build_evidence (self, &anon);
  build_gaps (self, &anon);
  build_actions (self, &anon);
  build_since_baseline (self, session, &anon);

  anonymiser_clear (&anon);
  return self;
}

ApmmReport *
apmm_report_ref (ApmmReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
apmm_report_unref (ApmmReport *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint l = 0; l < APMM_N_LEVELS; l++)
    g_clear_pointer (&self->criteria[l], g_array_unref);
  g_clear_pointer (&self->prompts, g_array_unref);
  g_clear_pointer (&self->gaps, g_array_unref);
  g_clear_pointer (&self->actions, g_array_unref);
  g_clear_pointer (&self->closes, g_ptr_array_unref);
  g_clear_pointer (&self->since_baseline, g_ptr_array_unref);
  g_clear_pointer (&self->entry_points, g_array_unref);
  g_free (self->headline);
  g_free (self->perceived_text);
  g_free (self->estimation_text);
  g_free (self->progress_text);
  g_free (self->target_text);
  g_free (self->inconclusive_text);
  g_clear_pointer (&self->assessment, apmm_assessment_unref);
  g_clear_object (&self->session);
  g_clear_object (&self->model);
  g_string_chunk_free (self->strings);
  g_free (self);
}

ApmmModel *
apmm_report_get_model (ApmmReport *self)
{
  return self->model;
}

ApmmSession *
apmm_report_get_session (ApmmReport *self)
{
  return self->session;
}

ApmmAssessment *
apmm_report_get_assessment (ApmmReport *self)
{
  return self->assessment;
}

gboolean
apmm_report_get_anonymised (ApmmReport *self)
{
  return self->anonymised;
}

const char *
apmm_report_get_organisation (ApmmReport *self)
{
  return self->organisation;
}

const char *
apmm_report_get_title (ApmmReport *self)
{
  return self->title;
}

const char *
apmm_report_get_date (ApmmReport *self)
{
  return self->date;
}

const char *
apmm_report_get_facilitator (ApmmReport *self)
{
  return self->facilitator;
}

const char *
apmm_report_get_notes (ApmmReport *self)
{
  return self->notes;
}

const char *
apmm_report_get_headline (ApmmReport *self)
{
  return self->headline;
}

const char *
apmm_report_get_perceived_text (ApmmReport *self)
{
  return self->perceived_text;
}

const char *
apmm_report_get_estimation_text (ApmmReport *self)
{
  return self->estimation_text;
}

const char *
apmm_report_get_progress_text (ApmmReport *self)
{
  return self->progress_text;
}

const char *
apmm_report_get_target_text (ApmmReport *self)
{
  return self->target_text;
}

const char *
apmm_report_get_inconclusive_text (ApmmReport *self)
{
  return self->inconclusive_text;
}

guint
apmm_report_get_n_entry_points (ApmmReport *self)
{
  return self->entry_points->len;
}

const ApmmReportEntryPoint *
apmm_report_get_entry_point (ApmmReport *self,
                             guint       index)
{
  g_return_val_if_fail (index < self->entry_points->len, NULL);
  return &g_array_index (self->entry_points, ApmmReportEntryPoint, index);
}

guint
apmm_report_get_n_criteria (ApmmReport *self,
                            guint       level)
{
  g_return_val_if_fail (level < APMM_N_LEVELS, 0);
  return self->criteria[level]->len;
}

const ApmmReportCriterion *
apmm_report_get_criterion (ApmmReport *self,
                           guint       level,
                           guint       index)
{
  g_return_val_if_fail (level < APMM_N_LEVELS, NULL);
  g_return_val_if_fail (index < self->criteria[level]->len, NULL);
  return &g_array_index (self->criteria[level], ApmmReportCriterion, index);
}

guint
apmm_report_get_n_prompts (ApmmReport *self)
{
  return self->prompts->len;
}

const ApmmReportPrompt *
apmm_report_get_prompt (ApmmReport *self,
                        guint       index)
{
  g_return_val_if_fail (index < self->prompts->len, NULL);
  return &g_array_index (self->prompts, ApmmReportPrompt, index);
}

guint
apmm_report_get_votes (ApmmReport *self,
                       guint       counts[APMM_N_LEVELS])
{
  memcpy (counts, self->votes, sizeof self->votes);
  return self->n_votes;
}

guint
apmm_report_get_n_gaps (ApmmReport *self)
{
  return self->gaps->len;
}

const ApmmReportGap *
apmm_report_get_gap (ApmmReport *self,
                     guint       index)
{
  g_return_val_if_fail (index < self->gaps->len, NULL);
  return &g_array_index (self->gaps, ApmmReportGap, index);
}

guint
apmm_report_get_n_uncovered (ApmmReport *self)
{
  return self->n_uncovered;
}

guint
apmm_report_get_n_actions (ApmmReport *self)
{
  return self->actions->len;
}

const ApmmReportAction *
apmm_report_get_action (ApmmReport *self,
                        guint       index)
{
  g_return_val_if_fail (index < self->actions->len, NULL);
  return &g_array_index (self->actions, ApmmReportAction, index);
}

const char *
apmm_report_impact_label (guint value)
{
  switch (value)
    {
    case 1:
      return C_("impact or effort", "Low");
    case 3:
      return C_("impact or effort", "High");
    default:
      return C_("impact or effort", "Medium");
    }
}

char *
apmm_report_level_label (ApmmReport *self,
                         guint       level)
{
  g_return_val_if_fail (level < APMM_N_LEVELS, NULL);
  return g_strdup_printf (_("Level %u · %s"), level, apmm_model_get_level (self->model, level)->name);
}

char *
apmm_report_format_when (const char *when)
{
  g_autoptr(GDateTime) dt = NULL;

  if (when == NULL || *when == '\0')
    return g_strdup ("");
  dt = g_date_time_new_from_iso8601 (when, NULL);
  if (dt == NULL)
    return g_strdup (when);
  /* The wall-clock time of the room, as written, not converted to ours. */
  return g_date_time_format (dt, "%Y-%m-%d %H:%M");
}

char *
apmm_report_suggest_basename (ApmmReport *self)
{
  g_autoptr(GString) name = g_string_new (NULL);

  if (*self->organisation != '\0')
    g_string_append_printf (name, "%s ", self->organisation);
  g_string_append (name, _("APMM report"));
  if (*self->date != '\0')
    g_string_append_printf (name, " %s", self->date);
  /* A name, not a path. */
  g_strdelimit (name->str, "/\\:", '-');
  return g_string_free (g_steal_pointer (&name), FALSE);
}

const char * const *
apmm_report_get_since_baseline (ApmmReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->since_baseline != NULL ? (const char * const *) self->since_baseline->pdata : NULL;
}
