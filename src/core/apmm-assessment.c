/* apmm-assessment.c — the APMM rules applied to a session (docs/apmm-rules.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "apmm-assessment"

#include "config.h"

#include <string.h>

#include "apmm-assessment.h"

struct _ApmmAssessment
{
  gatomicrefcount     ref_count;

  /* Held because every ApmmGap points into the model's criteria. */
  ApmmModel          *model;

  guint               evidence_level;
  guint               target_level;
  int                 perceived_level;   /* -1 when there is none */
  gboolean            has_progress;
  double              progress;
  gboolean            inconclusive;
  gboolean            assessed;
  guint               next_met;
  guint               next_partly;
  guint               next_total;
  GPtrArray          *entry_points;      /* const char * owned by the model, NULL-terminated */
  const char         *entry_point;       /* the facilitator's pick, when offered */
  gboolean            entry_point_stale; /* a pick that is not offered */

  GArray             *gaps;              /* ApmmGap, in the session's order */
  GArray             *default_gaps;      /* ApmmGap, in the default ranking */

  /* The room's votes as cast; zero per level in a public view while hidden. */
  gboolean            votes_hidden;
  guint               votes[APMM_N_LEVELS];
  guint               n_votes;
  /* Criteria still unknown, per level. */
  guint               n_unknown[APMM_N_LEVELS];
};

G_DEFINE_BOXED_TYPE (ApmmAssessment, apmm_assessment, apmm_assessment_ref, apmm_assessment_unref)

/* The summary is a machine-readable contract, so it always carries the
 * untranslated level names of docs/apmm-rules.md, whatever the user's locale. */
static const char * const summary_level_names[APMM_N_LEVELS] = {
  "AI Curious",
  "AI Licensed",
  "AI Active",
  "AI Reliable",
  "AI Native",
};

static gboolean
level_is_met (ApmmSession     *session,
              const ApmmLevel *level)
{
  for (guint i = 0; level->criteria[i] != NULL; i++)
    {
      if (apmm_session_get_status (session, level->criteria[i]->id) != APMM_STATUS_MET)
        return FALSE;
    }

  return TRUE;
}

static guint
compute_evidence_level (ApmmSession *session,
                        ApmmModel   *model)
{
  guint evidence = 0;

  while (evidence < APMM_MAX_LEVEL &&
         level_is_met (session, apmm_model_get_level (model, evidence + 1)))
    evidence++;

  return evidence;
}

/* Progress and inconclusiveness both look only at the level above the evidence. */
static void
compute_next_level (ApmmAssessment *self,
                    ApmmSession    *session)
{
  const ApmmLevel *next;
  double score = 0.0;

  self->has_progress = FALSE;
  self->progress = 0.0;
  self->inconclusive = FALSE;

  if (self->evidence_level >= APMM_MAX_LEVEL)
    return;

  next = apmm_model_get_level (self->model, self->evidence_level + 1);
  g_assert (next->n_criteria > 0);
  self->next_total = next->n_criteria;

  for (guint i = 0; next->criteria[i] != NULL; i++)
    {
      switch (apmm_session_get_status (session, next->criteria[i]->id))
        {
        case APMM_STATUS_MET:
          score += 1.0;
          self->next_met++;
          break;
        case APMM_STATUS_PARTLY:
          score += 0.5;
          self->next_partly++;
          break;
        case APMM_STATUS_UNKNOWN:
          self->inconclusive = TRUE;
          break;
        case APMM_STATUS_NOT_MET:
        default:
          break;
        }
    }

  self->has_progress = TRUE;
  self->progress = score / next->n_criteria;
}

/* The lower median of every vote in the room, falling back to the level the
 * facilitator entered when nobody voted. */
static int
compute_perceived_level (ApmmSession *session)
{
  guint counts[APMM_N_LEVELS] = { 0, };
  guint total;
  guint wanted;

  total = apmm_session_count_votes (session, counts);
  if (total == 0)
    {
      int level = apmm_session_get_perceived_level (session);

      return level >= 0 && level <= APMM_MAX_LEVEL ? level : -1;
    }

  wanted = (total - 1) / 2;
  for (guint level = 0; level < APMM_N_LEVELS; level++)
    {
      if (wanted < counts[level])
        return level;
      wanted -= counts[level];
    }

  g_assert_not_reached ();
  return -1;
}

static guint
compute_target_level (ApmmSession *session,
                      guint        evidence_level)
{
  int target = apmm_session_get_target_level (session);

  if (target > (int) evidence_level && target <= APMM_MAX_LEVEL)
    return target;

  return MIN (evidence_level + 1, APMM_MAX_LEVEL);
}

/* The ranges come from the model (min-level, max-level): an inconclusive
 * assessment gets the entry points for "not sure" (range -1), any other every
 * entry point whose range holds the evidence level, in the model's order. */
static void
compute_entry_points (ApmmAssessment *self)
{
  guint n = apmm_model_get_n_entry_points (self->model);

  self->entry_points = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    {
      const ApmmEntryPoint *point = apmm_model_get_entry_point (self->model, i);
      gboolean offered;

      if (self->inconclusive)
        offered = point->min_level < 0;
      else
        offered = point->min_level >= 0 &&
                  (guint) point->min_level <= self->evidence_level &&
                  self->evidence_level <= (guint) point->max_level;
      if (offered)
        g_ptr_array_add (self->entry_points, (gpointer) point->id);
    }
  g_ptr_array_add (self->entry_points, NULL);
}

/* A pick that is no longer offered (the evidence moved) is kept in the
 * session, but the verdict ignores it and says it is stale. */
static void
compute_entry_point_pick (ApmmAssessment *self,
                          ApmmSession    *session)
{
  const char *pick = apmm_session_get_entry_point (session);

  if (pick[0] == '\0')
    return;

  for (guint i = 0; i + 1 < self->entry_points->len; i++)
    {
      const char *id = g_ptr_array_index (self->entry_points, i);

      if (strcmp (id, pick) == 0)
        {
          self->entry_point = id;
          return;
        }
    }

  self->entry_point_stale = TRUE;
}

/* Whether the room has rated anything yet: before that, every level and
 * entry point would be a guess, so no page shows a verdict. */
static gboolean
compute_assessed (ApmmSession *session,
                  ApmmModel   *model)
{
  guint n = apmm_model_get_n_criteria (model);

  for (guint i = 0; i < n; i++)
    {
      if (apmm_session_get_status (session, apmm_model_get_criterion (model, i)->id) !=
          APMM_STATUS_UNKNOWN)
        return TRUE;
    }

  return FALSE;
}

static int
compare_gaps (gconstpointer a,
              gconstpointer b)
{
  const ApmmGap *gap_a = a;
  const ApmmGap *gap_b = b;

  if (gap_a->criterion->level != gap_b->criterion->level)
    return gap_a->criterion->level < gap_b->criterion->level ? -1 : 1;
  if (gap_a->impact != gap_b->impact)
    return gap_a->impact > gap_b->impact ? -1 : 1;
  if (gap_a->effort != gap_b->effort)
    return gap_a->effort < gap_b->effort ? -1 : 1;
  if (gap_a->criterion->index != gap_b->criterion->index)
    return gap_a->criterion->index < gap_b->criterion->index ? -1 : 1;
  return 0;
}

static void
collect_default_gaps (ApmmAssessment *self,
                      ApmmSession    *session)
{
  guint n_criteria = apmm_model_get_n_criteria (self->model);

  for (guint i = 0; i < n_criteria; i++)
    {
      const ApmmCriterion *criterion = apmm_model_get_criterion (self->model, i);
      ApmmGap gap;

      if (criterion->level <= self->evidence_level || criterion->level > self->target_level)
        continue;

      gap.criterion = criterion;
      gap.status = apmm_session_get_status (session, criterion->id);
      if (gap.status == APMM_STATUS_MET)
        continue;

      gap.impact = apmm_session_get_gap_impact (session, criterion->id);
      gap.effort = apmm_session_get_gap_effort (session, criterion->id);
      gap.crosses_chasm = criterion->level > APMM_CHASM_BELOW &&
                          self->evidence_level <= APMM_CHASM_BELOW;
      g_array_append_val (self->default_gaps, gap);
    }

  g_array_sort (self->default_gaps, compare_gaps);
}

/* Applies the facilitator's order: the gaps it names come first in its order,
 * then every gap it does not name in the default ranking. Ids that are no
 * longer gaps (the criterion was met since) are skipped. */
static void
apply_gap_order (ApmmAssessment     *self,
                 const char * const *order)
{
  guint n = self->default_gaps->len;
  g_autofree gboolean *placed = g_new0 (gboolean, MAX (n, 1));

  for (guint i = 0; order != NULL && order[i] != NULL; i++)
    {
      for (guint j = 0; j < n; j++)
        {
          const ApmmGap *gap = &g_array_index (self->default_gaps, ApmmGap, j);

          if (placed[j] || g_strcmp0 (gap->criterion->id, order[i]) != 0)
            continue;

          g_array_append_vals (self->gaps, gap, 1);
          placed[j] = TRUE;
          break;
        }
    }

  for (guint j = 0; j < n; j++)
    {
      if (!placed[j])
        g_array_append_vals (self->gaps, &g_array_index (self->default_gaps, ApmmGap, j), 1);
    }
}

static void
count_unknown (ApmmAssessment *self,
               ApmmSession    *session)
{
  for (guint level = 0; level < APMM_N_LEVELS; level++)
    {
      const ApmmLevel *info = apmm_model_get_level (self->model, level);

      for (guint i = 0; i < info->n_criteria; i++)
        if (apmm_session_get_status (session, info->criteria[i]->id) == APMM_STATUS_UNKNOWN)
          self->n_unknown[level]++;
    }
}

static void
apmm_assessment_free (ApmmAssessment *self)
{
  g_clear_object (&self->model);
  g_clear_pointer (&self->entry_points, g_ptr_array_unref);
  g_clear_pointer (&self->gaps, g_array_unref);
  g_clear_pointer (&self->default_gaps, g_array_unref);
  g_free (self);
}

/**
 * apmm_assessment_new:
 * @session: the session to assess
 * @model: the model whose criteria the session rates
 *
 * Applies the rules of the model to the current state of @session. The
 * result does not follow later changes: assess again after a change.
 *
 * Returns: (transfer full): a new assessment
 */
ApmmAssessment *
apmm_assessment_new (ApmmSession *session,
                     ApmmModel   *model)
{
  ApmmAssessment *self;

  g_return_val_if_fail (APMM_IS_SESSION (session), NULL);
  g_return_val_if_fail (APMM_IS_MODEL (model), NULL);

  self = g_new0 (ApmmAssessment, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->model = g_object_ref (model);
  self->gaps = g_array_new (FALSE, FALSE, sizeof (ApmmGap));
  self->default_gaps = g_array_new (FALSE, FALSE, sizeof (ApmmGap));

  self->evidence_level = compute_evidence_level (session, model);
  compute_next_level (self, session);
  self->perceived_level = compute_perceived_level (session);
  self->target_level = compute_target_level (session, self->evidence_level);
  self->assessed = compute_assessed (session, model);
  compute_entry_points (self);
  compute_entry_point_pick (self, session);
  collect_default_gaps (self, session);
  apply_gap_order (self, apmm_session_get_gap_order (session));
  self->votes_hidden = apmm_session_get_votes_hidden (session);
  self->n_votes = apmm_session_count_votes (session, self->votes);
  count_unknown (self, session);

  return self;
}

ApmmAssessment *
apmm_assessment_ref (ApmmAssessment *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
apmm_assessment_unref (ApmmAssessment *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    apmm_assessment_free (self);
}

guint
apmm_assessment_get_evidence_level (ApmmAssessment *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->evidence_level;
}

gboolean
apmm_assessment_get_perceived_level (ApmmAssessment *self,
                                     guint          *level)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->perceived_level < 0)
    return FALSE;

  if (level != NULL)
    *level = self->perceived_level;

  return TRUE;
}

gboolean
apmm_assessment_get_overestimation (ApmmAssessment *self,
                                    int            *levels)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->perceived_level < 0)
    return FALSE;

  if (levels != NULL)
    *levels = self->perceived_level - (int) self->evidence_level;

  return TRUE;
}

guint
apmm_assessment_get_target_level (ApmmAssessment *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->target_level;
}

gboolean
apmm_assessment_get_next_level_progress (ApmmAssessment *self,
                                         double         *progress)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!self->has_progress)
    return FALSE;

  if (progress != NULL)
    *progress = self->progress;

  return TRUE;
}

gboolean
apmm_assessment_get_inconclusive (ApmmAssessment *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->inconclusive;
}

const char * const *
apmm_assessment_get_entry_points (ApmmAssessment *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->entry_points->pdata;
}

/**
 * apmm_assessment_get_entry_point:
 * @self: an assessment
 *
 * Returns: (nullable): the entry point the facilitator picked, when it is
 *   one of the offered entry points; %NULL without a pick or with a stale one
 */
const char *
apmm_assessment_get_entry_point (ApmmAssessment *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->entry_point;
}

/**
 * apmm_assessment_get_entry_point_stale:
 * @self: an assessment
 *
 * Returns: %TRUE when the session records a pick that is not offered at the
 *   current evidence level: it is ignored, and the pages say so
 */
gboolean
apmm_assessment_get_entry_point_stale (ApmmAssessment *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->entry_point_stale;
}

/**
 * apmm_assessment_get_assessed:
 * @self: an assessment
 *
 * Returns: %TRUE once any criterion has a rating other than unknown. Before
 *   that there is no verdict to show: every page says "not assessed yet".
 */
gboolean
apmm_assessment_get_assessed (ApmmAssessment *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->assessed;
}

/**
 * apmm_assessment_get_next_level_counts:
 * @self: an assessment
 * @met: (out) (optional): the criteria of the next level that are met
 * @partly: (out) (optional): those partly met
 * @total: (out) (optional): all criteria of the next level
 *
 * The counts behind the next-level progress, so a page can say what it
 * counts ("1 of 7 met, 2 partly") rather than a bare percentage.
 *
 * Returns: FALSE at level 4, where there is no next level
 */
gboolean
apmm_assessment_get_next_level_counts (ApmmAssessment *self,
                                       guint          *met,
                                       guint          *partly,
                                       guint          *total)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (met != NULL)
    *met = self->next_met;
  if (partly != NULL)
    *partly = self->next_partly;
  if (total != NULL)
    *total = self->next_total;

  return self->has_progress;
}

guint
apmm_assessment_get_n_gaps (ApmmAssessment *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->gaps->len;
}

const ApmmGap *
apmm_assessment_get_gap (ApmmAssessment *self,
                         guint           index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->gaps->len, NULL);

  return &g_array_index (self->gaps, ApmmGap, index);
}

/**
 * apmm_assessment_dup_default_gap_order:
 * @self: an assessment
 *
 * Returns: (transfer full): the criterion ids of the gaps in the default
 *   ranking, ignoring any manual order of the session
 */
GStrv
apmm_assessment_dup_default_gap_order (ApmmAssessment *self)
{
  GStrv ids;

  g_return_val_if_fail (self != NULL, NULL);

  ids = g_new0 (char *, self->default_gaps->len + 1);
  for (guint i = 0; i < self->default_gaps->len; i++)
    ids[i] = g_strdup (g_array_index (self->default_gaps, ApmmGap, i).criterion->id);

  return ids;
}

static void
add_nullable_int (JsonBuilder *builder,
                  const char  *key,
                  gboolean     is_set,
                  gint64       value)
{
  json_builder_set_member_name (builder, key);
  if (is_set)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_summary_gaps (ApmmAssessment *self,
                  JsonBuilder    *builder)
{
  json_builder_set_member_name (builder, "gaps");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->gaps->len; i++)
    {
      const ApmmGap *gap = &g_array_index (self->gaps, ApmmGap, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "criterion");
      json_builder_add_string_value (builder, gap->criterion->id);
      json_builder_set_member_name (builder, "level");
      json_builder_add_int_value (builder, gap->criterion->level);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, apmm_status_to_string (gap->status));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * apmm_assessment_to_summary:
 * @self: an assessment
 *
 * Builds the `--summary` object of docs/apmm-rules.md, with its keys in the
 * order the contract lists them and untranslated names.
 *
 * Returns: (transfer full): a JSON object node
 */
JsonNode *
apmm_assessment_to_summary (ApmmAssessment *self)
{
  g_autoptr(JsonBuilder) builder = NULL;
  gboolean has_overestimation;
  int overestimation = 0;

  g_return_val_if_fail (self != NULL, NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);

  add_nullable_int (builder, "evidence_level", TRUE, self->evidence_level);
  json_builder_set_member_name (builder, "evidence_level_name");
  json_builder_add_string_value (builder, summary_level_names[self->evidence_level]);
  add_nullable_int (builder, "perceived_level",
                    self->perceived_level >= 0, self->perceived_level);
  has_overestimation = apmm_assessment_get_overestimation (self, &overestimation);
  add_nullable_int (builder, "overestimation", has_overestimation, overestimation);
  add_nullable_int (builder, "target_level", TRUE, self->target_level);

  json_builder_set_member_name (builder, "next_level_progress");
  if (self->has_progress)
    json_builder_add_double_value (builder, self->progress);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "inconclusive");
  json_builder_add_boolean_value (builder, self->inconclusive);

  json_builder_set_member_name (builder, "entry_points");
  json_builder_begin_array (builder);
  for (guint i = 0; i + 1 < self->entry_points->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (self->entry_points, i));
  json_builder_end_array (builder);

  add_summary_gaps (self, builder);

  /* Beyond the contract's keys, documented in docs/session-format.md. */
  json_builder_set_member_name (builder, "entry_point");
  if (self->entry_point != NULL)
    json_builder_add_string_value (builder, self->entry_point);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "assessed");
  json_builder_add_boolean_value (builder, self->assessed);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* --- The room's votes, and what may be shown of them --------------------- */

gboolean
apmm_assessment_get_votes_hidden (ApmmAssessment *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->votes_hidden;
}

/**
 * apmm_assessment_get_votes:
 * @self: an assessment
 * @counts: (out) (optional): the votes per level
 *
 * In a public view while the votes are hidden, every level counts zero but
 * the total still says how many were cast.
 *
 * Returns: how many votes were cast
 */
guint
apmm_assessment_get_votes (ApmmAssessment *self,
                           guint           counts[APMM_N_LEVELS])
{
  g_return_val_if_fail (self != NULL, 0);

  if (counts != NULL)
    memcpy (counts, self->votes, sizeof self->votes);

  return self->n_votes;
}

/**
 * apmm_assessment_dup_public:
 * @self: an assessment
 *
 * The verdict as the room may see it: while the votes are hidden, nothing
 * hints at them — no perceived level, so no overestimation, and no count per
 * level — or the room would anchor on them before the reveal. Every view the
 * audience sees (the ladder, the result strip, exports) shows this one.
 *
 * Returns: (transfer full): @self itself when nothing is hidden, else a
 *   masked copy
 */
ApmmAssessment *
apmm_assessment_dup_public (ApmmAssessment *self)
{
  ApmmAssessment *copy;

  g_return_val_if_fail (self != NULL, NULL);

  if (!self->votes_hidden)
    return apmm_assessment_ref (self);

  copy = g_new0 (ApmmAssessment, 1);
  *copy = *self;
  g_atomic_ref_count_init (&copy->ref_count);
  copy->model = g_object_ref (self->model);
  copy->gaps = g_array_ref (self->gaps);
  copy->default_gaps = g_array_ref (self->default_gaps);
  copy->entry_points = g_ptr_array_ref (self->entry_points);
  copy->perceived_level = -1;
  memset (copy->votes, 0, sizeof copy->votes);

  return copy;
}

/* --- Criteria still unknown ---------------------------------------------- */

guint
apmm_assessment_get_n_unknown (ApmmAssessment *self,
                               guint           level)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (level < APMM_N_LEVELS, 0);

  return self->n_unknown[level];
}

/* --- Gap order ----------------------------------------------------------- */

/**
 * apmm_assessment_dup_gap_order_moving:
 * @self: an assessment
 * @id: the criterion id of the gap to move
 * @anchor: the criterion id of the gap to place it beside
 * @after: %TRUE to place it after @anchor, %FALSE before
 *
 * The manual gap order that results from moving one gap, as the Gap Map's
 * drag and drop and move buttons do: the gaps in their current order, with
 * @id moved next to @anchor.
 *
 * Returns: (transfer full) (nullable): the new order, or %NULL when @id or
 *   @anchor is not a gap
 */
GStrv
apmm_assessment_dup_gap_order_moving (ApmmAssessment *self,
                                      const char     *id,
                                      const char     *anchor,
                                      gboolean        after)
{
  g_autoptr(GPtrArray) order = NULL;
  guint from = G_MAXUINT;
  guint to = G_MAXUINT;
  gpointer moved;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (id != NULL && anchor != NULL, NULL);

  order = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->gaps->len; i++)
    {
      const char *gap_id = g_array_index (self->gaps, ApmmGap, i).criterion->id;

      if (g_str_equal (gap_id, id))
        from = i;
      g_ptr_array_add (order, g_strdup (gap_id));
    }
  if (from == G_MAXUINT || g_str_equal (id, anchor))
    return NULL;

  moved = g_ptr_array_steal_index (order, from);
  for (guint i = 0; i < order->len; i++)
    if (g_str_equal (g_ptr_array_index (order, i), anchor))
      to = i;
  if (to == G_MAXUINT)
    {
      g_free (moved);
      return NULL;
    }

  g_ptr_array_insert (order, to + (after ? 1 : 0), moved);
  g_ptr_array_add (order, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&order), FALSE);
}
