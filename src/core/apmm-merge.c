/* apmm-merge.c — breakout groups' sessions merged into one for the plenary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each rule errs on the side of less evidence: where groups disagree the
 * merged status is the lowest of theirs and the criterion is disputed until
 * the room settles it; nothing a group wrote is dropped, it is kept under the
 * group's name.
 */
#define G_LOG_DOMAIN "apmm-merge"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "apmm-merge.h"
#include "apmm-session-file.h"

#define MAX_PARTICIPANTS 500
#define MAX_ACTIONS      500
#define MAX_TALLY        100000

typedef struct {
  ApmmSession * const *sessions;
  const char * const  *groups;
  guint                n;
  ApmmSession         *out;
  ApmmDisputes        *disputes;
  GError             **error;
} Merge;

G_DEFINE_QUARK (apmm-merge-error-quark, apmm_merge_error)

/* ------------------------------------------------------------------------ */
/* Text                                                                      */
/* ------------------------------------------------------------------------ */

static gboolean
check_length (Merge      *m,
              const char *text,
              const char *what)
{
  if (strlen (text) <= APMM_SESSION_MAX_STRING)
    return TRUE;

  g_set_error (m->error, APMM_MERGE_ERROR, APMM_MERGE_ERROR_TOO_LARGE,
               _("The groups’ notes on %s together are longer than a session file can hold (64 KiB)"),
               what);
  return FALSE;
}

/* Texts shown on one line (evidence and gap notes, measures) are joined
 * with " · "; texts shown in a text view (session and prompt notes,
 * descriptions) one group per line. */
#define INLINE_SEPARATOR " \xc2\xb7 "

/* Each group's non-empty text after the group's name; groups that wrote the
 * same text share it: "claims-team, it-ops: Runbook rehearsed in May". */
static char *
join_with_groups (Merge        *m,
                  const char *(*get) (ApmmSession *, const char *),
                  const char   *id,
                  const char   *separator)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < m->n; i++)
    {
      const char *value = get (m->sessions[i], id);
      guint index;

      if (value[0] == '\0')
        continue;
      if (!g_ptr_array_find_with_equal_func (texts, value, g_str_equal, &index))
        {
          index = texts->len;
          g_ptr_array_add (texts, (gpointer) value);
          g_ptr_array_add (names, g_ptr_array_new ());
        }
      g_ptr_array_add (g_ptr_array_index (names, index), (gpointer) m->groups[i]);
    }

  for (guint i = 0; i < texts->len; i++)
    {
      GPtrArray *groups = g_ptr_array_index (names, i);

      if (text->len > 0)
        g_string_append (text, separator);
      for (guint g = 0; g < groups->len; g++)
        g_string_append_printf (text, "%s%s", g > 0 ? ", " : "", (const char *) g_ptr_array_index (groups, g));
      g_string_append_printf (text, ": %s", (const char *) g_ptr_array_index (texts, i));
    }

  return g_string_free (text, FALSE);
}

/* Distinct non-empty values, in order, joined by @separator. */
static void
add_distinct (GPtrArray  *seen,
              const char *value)
{
  if (value != NULL && value[0] != '\0' &&
      !g_ptr_array_find_with_equal_func (seen, value, g_str_equal, NULL))
    g_ptr_array_add (seen, (gpointer) value);
}

static char *
join_distinct (GPtrArray  *seen,
               const char *separator)
{
  g_ptr_array_add (seen, NULL);

  return g_strjoinv (separator, (char **) seen->pdata);
}

/* ------------------------------------------------------------------------ */
/* Metadata and votes                                                        */
/* ------------------------------------------------------------------------ */

static const char *
get_notes (ApmmSession *session,
           const char  *unused)
{
  return apmm_session_get_notes (session);
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

/* The lower median of the levels that are set, as for votes; -1 when none is. */
static int
median_level (Merge *m,
              int  (*get) (ApmmSession *))
{
  g_autoptr(GArray) levels = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < m->n; i++)
    {
      int level = get (m->sessions[i]);

      if (level >= 0)
        g_array_append_val (levels, level);
    }
  if (levels->len == 0)
    return -1;

  g_array_sort (levels, compare_ints);

  return g_array_index (levels, int, (levels->len - 1) / 2);
}

static gboolean
merge_metadata (Merge *m)
{
  g_autofree char *notes = join_with_groups (m, get_notes, NULL, "\n");
  const char *date = "";

  for (guint i = 0; i < m->n; i++)
    {
      if (apmm_session_get_organisation (m->out)[0] == '\0')
        apmm_session_set_organisation (m->out, apmm_session_get_organisation (m->sessions[i]));
      /* The plenary is held after the last group: the latest date. */
      if (strcmp (apmm_session_get_date (m->sessions[i]), date) > 0)
        date = apmm_session_get_date (m->sessions[i]);
    }

  apmm_session_set_title (m->out, apmm_session_get_title (m->sessions[0]));
  apmm_session_set_facilitator (m->out, apmm_session_get_facilitator (m->sessions[0]));
  apmm_session_set_date (m->out, date);
  apmm_session_set_perceived_level (m->out, median_level (m, apmm_session_get_perceived_level));
  apmm_session_set_target_level (m->out, median_level (m, apmm_session_get_target_level));

  if (!check_length (m, notes, _("the session")))
    return FALSE;
  apmm_session_set_notes (m->out, notes);

  return TRUE;
}

/* A name taken by another participant gets its group's name, then a number. */
static char *
unique_name (GHashTable *taken,
             const char *name,
             const char *group)
{
  char *candidate;

  if (name[0] == '\0' || !g_hash_table_contains (taken, name))
    return g_strdup (name);

  candidate = g_strdup_printf ("%s (%s)", name, group);
  for (guint n = 2; g_hash_table_contains (taken, candidate); n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s (%s %u)", name, group, n);
    }

  return candidate;
}

static gboolean
merge_votes (Merge *m)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint tallies[APMM_N_LEVELS] = { 0 };
  gboolean hidden = FALSE;

  for (guint i = 0; i < m->n; i++)
    {
      ApmmSession *session = m->sessions[i];

      for (guint p = 0; p < apmm_session_get_n_participants (session); p++)
        {
          char *name = unique_name (taken, apmm_session_get_participant_name (session, p), m->groups[i]);

          if (apmm_session_get_n_participants (m->out) == MAX_PARTICIPANTS)
            {
              g_free (name);
              g_set_error (m->error, APMM_MERGE_ERROR, APMM_MERGE_ERROR_TOO_LARGE,
                           _("The groups have more than %d participants together"), MAX_PARTICIPANTS);
              return FALSE;
            }
          apmm_session_add_participant (m->out, name, apmm_session_get_participant_vote (session, p));
          g_hash_table_add (taken, name);
        }

      for (guint level = 0; level < APMM_N_LEVELS; level++)
        tallies[level] = MIN (tallies[level] + apmm_session_get_tally (session, level), MAX_TALLY);
      hidden |= apmm_session_get_votes_hidden (session);
    }

  for (guint level = 0; level < APMM_N_LEVELS; level++)
    apmm_session_set_tally (m->out, level, tallies[level]);
  apmm_session_set_votes_hidden (m->out, hidden);

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Ratings, prompts and gaps                                                 */
/* ------------------------------------------------------------------------ */

static const char *
get_confirmed_at (ApmmSession *session,
                  const char  *id)
{
  return apmm_session_get_confirmed_at (session, id);
}

static gboolean
merge_rating (Merge      *m,
              const char *id)
{
  g_autofree char *note = join_with_groups (m, apmm_session_get_evidence_note, id, INLINE_SEPARATOR);
  g_autoptr(GPtrArray) confirmed = g_ptr_array_new ();
  g_autofree char *confirmed_by = NULL;
  ApmmStatus lowest = APMM_STATUS_MET;
  gboolean agree = TRUE;
  const char *latest = "";

  /* The enum is ordered unknown < not-met < partly < met: the lowest is the
   * least evidence, and an unknown never counts for more than a not-met. */
  for (guint i = 0; i < m->n; i++)
    {
      ApmmStatus status = apmm_session_get_status (m->sessions[i], id);

      agree &= status == apmm_session_get_status (m->sessions[0], id);
      lowest = MIN (lowest, status);
      add_distinct (confirmed, apmm_session_get_confirmed_by (m->sessions[i], id));
      if (g_strcmp0 (get_confirmed_at (m->sessions[i], id), latest) > 0)
        latest = get_confirmed_at (m->sessions[i], id);
    }

  if (!agree)
    for (guint i = 0; i < m->n; i++)
      apmm_disputes_add (m->disputes, id, m->groups[i], apmm_session_get_status (m->sessions[i], id),
                         apmm_session_get_evidence_note (m->sessions[i], id));

  confirmed_by = join_distinct (confirmed, ", ");
  if (!check_length (m, note, id) || !check_length (m, confirmed_by, id))
    return FALSE;

  apmm_session_set_status (m->out, id, lowest);
  apmm_session_set_evidence_note (m->out, id, note);
  /* A confirmation stands for a met criterion the groups agree on. */
  if (agree)
    {
      apmm_session_set_confirmed_by (m->out, id, confirmed_by);
      apmm_session_set_confirmed_at (m->out, id, latest);
    }

  return TRUE;
}

static gboolean
merge_prompt (Merge      *m,
              const char *id)
{
  g_autofree char *notes = join_with_groups (m, apmm_session_get_prompt_notes, id, "\n");

  if (!check_length (m, notes, id))
    return FALSE;
  apmm_session_set_prompt_notes (m->out, id, notes);

  return TRUE;
}

/* A group has a gap entry when it changed anything from the defaults. */
static gboolean
has_gap_entry (ApmmSession *session,
               const char  *id)
{
  return apmm_session_get_gap_impact (session, id) != APMM_IMPACT_DEFAULT ||
         apmm_session_get_gap_effort (session, id) != APMM_EFFORT_DEFAULT ||
         apmm_session_get_gap_owner (session, id)[0] != '\0' ||
         apmm_session_get_gap_note (session, id)[0] != '\0';
}

/* The highest impact and the highest effort any group gave: a gap is never
 * made to look cheaper than one group thinks it is. */
static gboolean
merge_gap (Merge      *m,
           const char *id)
{
  g_autofree char *note = join_with_groups (m, apmm_session_get_gap_note, id, INLINE_SEPARATOR);
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();
  g_autofree char *owner = NULL;
  guint impact = 0, effort = 0;

  for (guint i = 0; i < m->n; i++)
    if (has_gap_entry (m->sessions[i], id))
      {
        impact = MAX (impact, apmm_session_get_gap_impact (m->sessions[i], id));
        effort = MAX (effort, apmm_session_get_gap_effort (m->sessions[i], id));
        add_distinct (owners, apmm_session_get_gap_owner (m->sessions[i], id));
      }
  if (impact == 0)
    return TRUE;

  owner = join_distinct (owners, ", ");
  if (!check_length (m, note, id) || !check_length (m, owner, id))
    return FALSE;

  apmm_session_set_gap_impact (m->out, id, impact);
  apmm_session_set_gap_effort (m->out, id, effort);
  apmm_session_set_gap_owner (m->out, id, owner);
  apmm_session_set_gap_note (m->out, id, note);

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Actions                                                                   */
/* ------------------------------------------------------------------------ */

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Actions that close the same criteria are one action; an action that names
 * no criterion is never joined. */
static char *
action_key (const ApmmAction *action)
{
  g_auto(GStrv) sorted = NULL;

  if (action->criteria == NULL || action->criteria[0] == NULL)
    return NULL;

  sorted = g_strdupv (action->criteria);
  qsort (sorted, g_strv_length (sorted), sizeof (char *), compare_strings);

  return g_strjoinv ("\n", sorted);
}

/* The least advanced status of those not dropped: a plan is done only when
 * every group says so. */
static ApmmActionStatus
joined_status (ApmmActionStatus a,
               ApmmActionStatus b)
{
  if (a == APMM_ACTION_DROPPED)
    return b;
  if (b == APMM_ACTION_DROPPED)
    return a;

  return MIN (a, b);
}

static char *
append_text (const char *text,
             const char *separator,
             const char *group,
             const char *value)
{
  if (value == NULL || value[0] == '\0')
    return g_strdup (text);
  if (text[0] == '\0')
    return g_strdup_printf ("%s: %s", group, value);

  return g_strdup_printf ("%s%s%s: %s", text, separator, group, value);
}

static gboolean
join_action (Merge            *m,
             ApmmAction       *into,
             const ApmmAction *action,
             const char       *group)
{
  g_autofree char *description = append_text (into->description, "\n", group, action->description);
  g_autofree char *measure = append_text (into->measure, INLINE_SEPARATOR, group, action->measure);
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();
  g_auto(GStrv) parts = g_strsplit (into->owner, ", ", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    add_distinct (owners, parts[i]);
  add_distinct (owners, action->owner);

  g_free (into->owner);
  into->owner = join_distinct (owners, ", ");
  if (!check_length (m, description, into->title) || !check_length (m, measure, into->title) ||
      !check_length (m, into->owner, into->title))
    return FALSE;

  g_free (into->description);
  into->description = g_steal_pointer (&description);
  g_free (into->measure);
  into->measure = g_steal_pointer (&measure);
  into->horizon = MIN (into->horizon, action->horizon);
  if (action->due != NULL && (into->due == NULL || strcmp (action->due, into->due) < 0))
    {
      g_free (into->due);
      into->due = g_strdup (action->due);
    }
  into->status = joined_status (into->status, action->status);

  return TRUE;
}

static ApmmAction *
first_action (const ApmmAction *action,
              const char       *group,
              guint             number)
{
  g_autofree char *id = g_strdup_printf ("a%u", number);
  ApmmAction *copy = apmm_action_copy (action);
  char *text;

  g_free (copy->id);
  copy->id = g_steal_pointer (&id);
  text = append_text ("", "", group, action->description);
  g_free (copy->description);
  copy->description = text;
  text = append_text ("", "", group, action->measure);
  g_free (copy->measure);
  copy->measure = text;
  if (copy->owner == NULL)
    copy->owner = g_strdup ("");

  return copy;
}

static gboolean
merge_actions (Merge *m)
{
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func ((GDestroyNotify) apmm_action_free);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < m->n; i++)
    for (guint a = 0; a < apmm_session_get_n_actions (m->sessions[i]); a++)
      {
        const ApmmAction *action = apmm_session_get_action (m->sessions[i], a);
        g_autofree char *key = action_key (action);
        ApmmAction *joined = key != NULL ? g_hash_table_lookup (by_key, key) : NULL;

        if (joined != NULL)
          {
            if (!join_action (m, joined, action, m->groups[i]))
              return FALSE;
            continue;
          }
        if (actions->len == MAX_ACTIONS)
          {
            g_set_error (m->error, APMM_MERGE_ERROR, APMM_MERGE_ERROR_TOO_LARGE,
                         _("The groups have more than %d roadmap actions together"), MAX_ACTIONS);
            return FALSE;
          }
        joined = first_action (action, m->groups[i], actions->len + 1);
        g_ptr_array_add (actions, joined);
        if (key != NULL)
          g_hash_table_insert (by_key, g_steal_pointer (&key), joined);
      }

  for (guint i = 0; i < actions->len; i++)
    apmm_session_insert_action (m->out, -1, g_ptr_array_index (actions, i));

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                */
/* ------------------------------------------------------------------------ */

GStrv
apmm_merge_group_names (const char * const *paths)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (paths != NULL, NULL);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *base = g_path_get_basename (paths[i]);
      char *name;

      if (g_str_has_suffix (base, APMM_SESSION_EXTENSION))
        base[strlen (base) - strlen (APMM_SESSION_EXTENSION)] = '\0';
      if (base[0] == '\0' || strcmp (base, ".") == 0 || strcmp (base, G_DIR_SEPARATOR_S) == 0)
        {
          g_free (base);
          base = g_strdup_printf (_("Group %u"), i + 1);
        }

      name = g_strdup (base);
      for (guint n = 2; g_hash_table_contains (taken, name); n++)
        {
          g_free (name);
          name = g_strdup_printf ("%s (%u)", base, n);
        }
      g_hash_table_add (taken, name);
      g_strv_builder_add (builder, name);
    }

  return g_strv_builder_end (builder);
}

static gboolean
check_organisations (ApmmSession * const *sessions,
                     guint                n,
                     GError             **error)
{
  const char *first = NULL;

  for (guint i = 0; i < n; i++)
    {
      const char *name = apmm_session_get_organisation (sessions[i]);
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      if (name[0] == '\0')
        continue;
      if (first == NULL)
        {
          first = name;
          continue;
        }
      a = g_utf8_casefold (first, -1);
      b = g_utf8_casefold (name, -1);
      if (strcmp (g_strstrip (a), g_strstrip (b)) != 0)
        {
          g_set_error (error, APMM_MERGE_ERROR, APMM_MERGE_ERROR_OTHER_ORGANISATION,
                       _("The groups assessed different organisations (“%s” and “%s”)"), first, name);
          return FALSE;
        }
    }

  return TRUE;
}

ApmmSession *
apmm_merge_sessions (ApmmSession * const *sessions,
                     const char * const  *groups,
                     guint                n_sessions,
                     GError             **error)
{
  ApmmModel *model = apmm_model_get_default ();
  g_autoptr(ApmmSession) out = NULL;
  g_autoptr(ApmmDisputes) disputes = NULL;
  Merge m;

  g_return_val_if_fail (sessions != NULL, NULL);
  g_return_val_if_fail (groups != NULL, NULL);

  if (n_sessions < APMM_MERGE_MIN_GROUPS || n_sessions > APMM_MERGE_MAX_GROUPS)
    {
      g_set_error (error, APMM_MERGE_ERROR, APMM_MERGE_ERROR_COUNT,
                   _("Merging needs %d to %d group files; %u were given"),
                   APMM_MERGE_MIN_GROUPS, APMM_MERGE_MAX_GROUPS, n_sessions);
      return NULL;
    }
  if (!check_organisations (sessions, n_sessions, error))
    return NULL;

  out = apmm_session_new ();
  disputes = apmm_disputes_new ();
  m = (Merge) { sessions, groups, n_sessions, out, disputes, error };

  if (!merge_metadata (&m) || !merge_votes (&m))
    return NULL;
  for (guint i = 0; i < apmm_model_get_n_criteria (model); i++)
    if (!merge_rating (&m, apmm_model_get_criterion (model, i)->id) ||
        !merge_gap (&m, apmm_model_get_criterion (model, i)->id))
      return NULL;
  for (guint i = 0; i < apmm_model_get_n_prompts (model); i++)
    if (!merge_prompt (&m, apmm_model_get_prompt (model, i)->id))
      return NULL;
  if (!merge_actions (&m))
    return NULL;

  apmm_session_set_disputes (out, disputes);

  return g_steal_pointer (&out);
}
