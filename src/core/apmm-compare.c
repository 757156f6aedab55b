/* apmm-compare.c — a re-assessment compared with an earlier session (its baseline)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The comparison reads only the baseline's stored copy, never its file: a
 * session keeps comparing after the earlier file was moved or deleted.
 */
#define G_LOG_DOMAIN "apmm-compare"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "apmm-assessment.h"
#include "apmm-compare.h"

struct _ApmmComparison
{
  gatomicrefcount  ref_count;
  ApmmBaseline    *baseline;
  guint            level_now;
  int              perceived_now;
  GArray          *changes;       /* ApmmCriterionChange */
  char           **gaps_closed;
  char           **gaps_opened;
  GPtrArray       *actions_done;  /* ApmmAction *, borrowed from the baseline */
};

G_DEFINE_BOXED_TYPE (ApmmComparison, apmm_comparison, apmm_comparison_ref, apmm_comparison_unref)
G_DEFINE_QUARK (apmm-compare-error-quark, apmm_compare_error)

/* Case and white space do not make another organisation. */
static char *
normalise_name (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (folded), " \t\n\r", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_strv_builder_add (builder, words[i]);
  kept = g_strv_builder_end (builder);

  return g_strjoinv (" ", kept);
}

static void
find_changes (ApmmComparison *self,
              ApmmSession    *session,
              ApmmModel      *model)
{
  for (guint i = 0; i < apmm_model_get_n_criteria (model); i++)
    {
      const ApmmCriterion *criterion = apmm_model_get_criterion (model, i);
      ApmmCriterionChange change = {
        criterion,
        apmm_baseline_get_status (self->baseline, criterion->id),
        apmm_session_get_status (session, criterion->id),
      };

      if (change.from != change.to)
        g_array_append_val (self->changes, change);
    }
}

static void
find_gaps (ApmmComparison *self,
           ApmmSession    *session,
           ApmmAssessment *assessment)
{
  const char * const *then = apmm_baseline_get_gaps (self->baseline);
  g_autoptr(GStrvBuilder) closed = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) opened = g_strv_builder_new ();

  for (guint i = 0; then[i] != NULL; i++)
    if (apmm_session_get_status (session, then[i]) == APMM_STATUS_MET)
      g_strv_builder_add (closed, then[i]);

  for (guint i = 0; i < apmm_assessment_get_n_gaps (assessment); i++)
    {
      const char *id = apmm_assessment_get_gap (assessment, i)->criterion->id;

      if (!apmm_baseline_has_gap (self->baseline, id))
        g_strv_builder_add (opened, id);
    }

  self->gaps_closed = g_strv_builder_end (closed);
  self->gaps_opened = g_strv_builder_end (opened);
}

static gboolean
all_met (ApmmSession        *session,
         const char * const *criteria)
{
  if (criteria == NULL || criteria[0] == NULL)
    return FALSE;

  for (guint i = 0; criteria[i] != NULL; i++)
    if (apmm_session_get_status (session, criteria[i]) != APMM_STATUS_MET)
      return FALSE;

  return TRUE;
}

static void
find_actions_done (ApmmComparison *self,
                   ApmmSession    *session)
{
  for (guint i = 0; i < apmm_baseline_get_n_actions (self->baseline); i++)
    {
      const ApmmAction *action = apmm_baseline_get_action (self->baseline, i);
      const ApmmAction *now = apmm_session_lookup_action (session, action->id, NULL);

      if ((now != NULL && now->status == APMM_ACTION_DONE) ||
          all_met (session, (const char * const *) action->criteria))
        g_ptr_array_add (self->actions_done, (gpointer) action);
    }
}

static void
add_level (JsonBuilder *builder,
           const char  *key,
           int          level)
{
  json_builder_set_member_name (builder, key);
  if (level >= 0)
    json_builder_add_int_value (builder, level);
  else
    json_builder_add_null_value (builder);
}

static void
add_strings (JsonBuilder        *builder,
             const char         *key,
             const char * const *strings)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; strings[i] != NULL; i++)
    json_builder_add_string_value (builder, strings[i]);
  json_builder_end_array (builder);
}

static void
add_changes (ApmmComparison *self,
             JsonBuilder    *builder)
{
  json_builder_set_member_name (builder, "criteria_changed");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->changes->len; i++)
    {
      const ApmmCriterionChange *change = &g_array_index (self->changes, ApmmCriterionChange, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "criterion");
      json_builder_add_string_value (builder, change->criterion->id);
      json_builder_set_member_name (builder, "level");
      json_builder_add_int_value (builder, change->criterion->level);
      json_builder_set_member_name (builder, "from");
      json_builder_add_string_value (builder, apmm_status_to_string (change->from));
      json_builder_set_member_name (builder, "to");
      json_builder_add_string_value (builder, apmm_status_to_string (change->to));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_actions_done (ApmmComparison *self,
                  JsonBuilder    *builder)
{
  json_builder_set_member_name (builder, "actions_done");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->actions_done->len; i++)
    {
      const ApmmAction *action = g_ptr_array_index (self->actions_done, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, action->id);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, action->title != NULL ? action->title : "");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

ApmmBaseline *
apmm_baseline_new_from_session (ApmmSession *session,
                                const char  *file)
{
  ApmmModel *model = apmm_model_get_default ();
  g_autoptr(ApmmAssessment) assessment = NULL;
  g_autoptr(GArray) statuses = NULL;
  g_autoptr(GStrvBuilder) gaps = g_strv_builder_new ();
  g_autoptr(GPtrArray) actions = g_ptr_array_new ();
  g_auto(GStrv) gap_ids = NULL;
  guint perceived;

  g_return_val_if_fail (APMM_IS_SESSION (session), NULL);

  assessment = apmm_assessment_new (session, model);
  statuses = g_array_new (FALSE, TRUE, sizeof (ApmmStatus));
  for (guint i = 0; i < apmm_model_get_n_criteria (model); i++)
    {
      ApmmStatus status = apmm_session_get_status (session, apmm_model_get_criterion (model, i)->id);

      g_array_append_val (statuses, status);
    }
  for (guint i = 0; i < apmm_assessment_get_n_gaps (assessment); i++)
    g_strv_builder_add (gaps, apmm_assessment_get_gap (assessment, i)->criterion->id);
  gap_ids = g_strv_builder_end (gaps);
  for (guint i = 0; i < apmm_session_get_n_actions (session); i++)
    g_ptr_array_add (actions, (gpointer) apmm_session_get_action (session, i));

  return apmm_baseline_new (file, apmm_session_get_organisation (session),
                            apmm_session_get_date (session),
                            apmm_assessment_get_evidence_level (assessment),
                            apmm_assessment_get_perceived_level (assessment, &perceived) ? (int) perceived : -1,
                            apmm_assessment_get_target_level (assessment),
                            (const ApmmStatus *) statuses->data,
                            (const char * const *) gap_ids, actions);
}

gboolean
apmm_baseline_check (ApmmBaseline  *baseline,
                     ApmmSession   *session,
                     GError       **error)
{
  g_autofree char *then = NULL;
  g_autofree char *now = NULL;
  const char *date;

  g_return_val_if_fail (baseline != NULL, FALSE);
  g_return_val_if_fail (APMM_IS_SESSION (session), FALSE);

  then = normalise_name (apmm_baseline_get_organisation (baseline));
  now = normalise_name (apmm_session_get_organisation (session));
  if (then[0] != '\0' && now[0] != '\0' && strcmp (then, now) != 0)
    {
      g_set_error (error, APMM_COMPARE_ERROR, APMM_COMPARE_ERROR_OTHER_ORGANISATION,
                   _("The earlier session assessed another organisation (“%s”, not “%s”)"),
                   apmm_baseline_get_organisation (baseline),
                   apmm_session_get_organisation (session));
      return FALSE;
    }

  /* Dates are YYYY-MM-DD, so they order as strings. */
  date = apmm_baseline_get_date (baseline);
  if (date[0] != '\0' && apmm_session_get_date (session)[0] != '\0' &&
      strcmp (date, apmm_session_get_date (session)) > 0)
    {
      g_set_error (error, APMM_COMPARE_ERROR, APMM_COMPARE_ERROR_LATER_DATE,
                   _("The earlier session is dated %s, after this session (%s): swap them"),
                   date, apmm_session_get_date (session));
      return FALSE;
    }

  return TRUE;
}

ApmmComparison *
apmm_comparison_new (ApmmBaseline *baseline,
                     ApmmSession  *session,
                     ApmmModel    *model)
{
  g_autoptr(ApmmAssessment) assessment = NULL;
  ApmmComparison *self;
  guint perceived;

  g_return_val_if_fail (baseline != NULL, NULL);
  g_return_val_if_fail (APMM_IS_SESSION (session), NULL);
  g_return_val_if_fail (APMM_IS_MODEL (model), NULL);

  assessment = apmm_assessment_new (session, model);
  self = g_new0 (ApmmComparison, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->baseline = apmm_baseline_ref (baseline);
  self->level_now = apmm_assessment_get_evidence_level (assessment);
  self->perceived_now = apmm_assessment_get_perceived_level (assessment, &perceived) ? (int) perceived : -1;
  self->changes = g_array_new (FALSE, FALSE, sizeof (ApmmCriterionChange));
  self->actions_done = g_ptr_array_new ();

  find_changes (self, session, model);
  find_gaps (self, session, assessment);
  find_actions_done (self, session);

  return self;
}

ApmmComparison *
apmm_comparison_ref (ApmmComparison *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
apmm_comparison_unref (ApmmComparison *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_ptr_array_unref (self->actions_done);
  g_strfreev (self->gaps_closed);
  g_strfreev (self->gaps_opened);
  g_array_unref (self->changes);
  apmm_baseline_unref (self->baseline);
  g_free (self);
}

ApmmBaseline *
apmm_comparison_get_baseline (ApmmComparison *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->baseline;
}

guint
apmm_comparison_get_level_then (ApmmComparison *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return apmm_baseline_get_evidence_level (self->baseline);
}

guint
apmm_comparison_get_level_now (ApmmComparison *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->level_now;
}

int
apmm_comparison_get_level_change (ApmmComparison *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return (int) self->level_now - (int) apmm_baseline_get_evidence_level (self->baseline);
}

int
apmm_comparison_get_perceived_then (ApmmComparison *self)
{
  g_return_val_if_fail (self != NULL, -1);

  return apmm_baseline_get_perceived_level (self->baseline);
}

int
apmm_comparison_get_perceived_now (ApmmComparison *self)
{
  g_return_val_if_fail (self != NULL, -1);

  return self->perceived_now;
}

guint
apmm_comparison_get_n_changes (ApmmComparison *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->changes->len;
}

const ApmmCriterionChange *
apmm_comparison_get_change (ApmmComparison *self,
                            guint           index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->changes->len, NULL);

  return &g_array_index (self->changes, ApmmCriterionChange, index);
}

const ApmmCriterionChange *
apmm_comparison_lookup_change (ApmmComparison *self,
                               const char     *criterion_id)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->changes->len; i++)
    {
      const ApmmCriterionChange *change = &g_array_index (self->changes, ApmmCriterionChange, i);

      if (g_strcmp0 (change->criterion->id, criterion_id) == 0)
        return change;
    }

  return NULL;
}

const char * const *
apmm_comparison_get_gaps_closed (ApmmComparison *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->gaps_closed;
}

const char * const *
apmm_comparison_get_gaps_opened (ApmmComparison *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->gaps_opened;
}

gboolean
apmm_comparison_is_gap_closed (ApmmComparison *self,
                               const char     *criterion_id)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return criterion_id != NULL && g_strv_contains ((const char * const *) self->gaps_closed, criterion_id);
}

gboolean
apmm_comparison_is_gap_opened (ApmmComparison *self,
                               const char     *criterion_id)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return criterion_id != NULL && g_strv_contains ((const char * const *) self->gaps_opened, criterion_id);
}

guint
apmm_comparison_get_n_actions_done (ApmmComparison *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->actions_done->len;
}

const ApmmAction *
apmm_comparison_get_action_done (ApmmComparison *self,
                                 guint           index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->actions_done->len, NULL);

  return g_ptr_array_index (self->actions_done, index);
}

gboolean
apmm_comparison_is_action_done (ApmmComparison *self,
                                const char     *action_id)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->actions_done->len; i++)
    if (g_strcmp0 (((const ApmmAction *) g_ptr_array_index (self->actions_done, i))->id, action_id) == 0)
      return TRUE;

  return FALSE;
}

char *
apmm_comparison_dup_movement_label (ApmmComparison *self)
{
  const char *date;
  int change;

  g_return_val_if_fail (self != NULL, NULL);

  date = apmm_baseline_get_date (self->baseline);
  change = apmm_comparison_get_level_change (self);

  if (date[0] == '\0')
    {
      if (change == 0)
        return g_strdup (_("No change since the baseline"));
      /* TRANSLATORS: the change of the evidence level, e.g. "+1 since the baseline" */
      return g_strdup_printf (_("%+d since the baseline"), change);
    }

  if (change == 0)
    return g_strdup_printf (_("No change since %s"), date);

  /* TRANSLATORS: the change of the evidence level and the baseline's date,
   * e.g. "+1 since 2026-03-12" */
  return g_strdup_printf (_("%+d since %s"), change, date);
}

JsonNode *
apmm_comparison_to_json (ApmmComparison *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "baseline_file");
  json_builder_add_string_value (builder, apmm_baseline_get_file (self->baseline));
  json_builder_set_member_name (builder, "baseline_date");
  if (apmm_baseline_get_date (self->baseline)[0] != '\0')
    json_builder_add_string_value (builder, apmm_baseline_get_date (self->baseline));
  else
    json_builder_add_null_value (builder);
  add_level (builder, "evidence_level_then", apmm_comparison_get_level_then (self));
  add_level (builder, "evidence_level_now", self->level_now);
  json_builder_set_member_name (builder, "evidence_level_change");
  json_builder_add_int_value (builder, apmm_comparison_get_level_change (self));
  add_level (builder, "perceived_level_then", apmm_comparison_get_perceived_then (self));
  add_level (builder, "perceived_level_now", self->perceived_now);
  add_changes (self, builder);
  add_strings (builder, "gaps_closed", (const char * const *) self->gaps_closed);
  add_strings (builder, "gaps_opened", (const char * const *) self->gaps_opened);
  add_actions_done (self, builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* ---- The summary the report and the slides share --------------------------- */

void
apmm_comparison_line_free (ApmmComparisonLine *line)
{
  if (line == NULL)
    return;
  g_free (line->label);
  g_free (line->text);
  g_free (line->detail);
  g_free (line);
}

static void
add_line (GPtrArray  *lines,
          const char *label,
          char       *text,
          char       *detail)
{
  ApmmComparisonLine *line = g_new0 (ApmmComparisonLine, 1);

  line->label = g_strdup (label);
  line->text = text;
  line->detail = detail;
  g_ptr_array_add (lines, line);
}

static char *
perceived_text (int level)
{
  /* Translators: no perceived level was given */
  return level < 0 ? g_strdup (C_("perceived level", "none")) : g_strdup_printf ("%d", level);
}

static char *
criteria_titles (ApmmModel          *model,
                 const char * const *ids)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      const ApmmCriterion *criterion = apmm_model_lookup_criterion (model, ids[i]);

      g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "",
                              criterion != NULL ? criterion->title : ids[i]);
    }
  if (text->len == 0)
    return g_strdup (C_("gaps or actions", "none"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

GPtrArray *
apmm_comparison_dup_summary (ApmmComparison *self,
                             ApmmModel      *model,
                             guint           max_changes)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) apmm_comparison_line_free);
  g_autoptr(GString) done = g_string_new (NULL);
  guint n_changes;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (APMM_IS_MODEL (model), NULL);

  add_line (lines, _("Evidence level"),
            /* Translators: a level then → now */
            g_strdup_printf (_("%u → %u"), apmm_comparison_get_level_then (self),
                             apmm_comparison_get_level_now (self)),
            apmm_comparison_dup_movement_label (self));
  {
    g_autofree char *then = perceived_text (apmm_comparison_get_perceived_then (self));
    g_autofree char *now = perceived_text (apmm_comparison_get_perceived_now (self));

    /* Translators: a level then → now */
    add_line (lines, _("Perceived level"), g_strdup_printf (_("%s → %s"), then, now), NULL);
  }

  n_changes = apmm_comparison_get_n_changes (self);
  for (guint i = 0; i < n_changes; i++)
    {
      const ApmmCriterionChange *change = apmm_comparison_get_change (self, i);

      if (max_changes > 0 && i >= max_changes)
        {
          add_line (lines, _("Criteria"),
                    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u more criterion changed",
                                                  "%u more criteria changed", n_changes - i),
                                     n_changes - i),
                    NULL);
          break;
        }
      add_line (lines, change->criterion->title,
                g_strdup_printf (_("%s → %s"), apmm_status_get_label (change->from),
                                 apmm_status_get_label (change->to)),
                NULL);
    }
  if (n_changes == 0)
    add_line (lines, _("Criteria"), g_strdup (_("No criterion changed status")), NULL);

  add_line (lines, _("Gaps closed"), criteria_titles (model, apmm_comparison_get_gaps_closed (self)), NULL);
  add_line (lines, _("Gaps opened"), criteria_titles (model, apmm_comparison_get_gaps_opened (self)), NULL);

  for (guint i = 0; i < apmm_comparison_get_n_actions_done (self); i++)
    g_string_append_printf (done, "%s%s", done->len > 0 ? ", " : "",
                            apmm_comparison_get_action_done (self, i)->title);
  add_line (lines, _("Earlier actions done"),
            done->len > 0 ? g_strdup (done->str) : g_strdup (C_("gaps or actions", "none")), NULL);
  return lines;
}
