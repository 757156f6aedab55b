/* apmm-cli.c — the headless command line: --summary and --validate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both commands print into strings rather than to the terminal, so that the
 * application decides where the text goes and tests can read it back. They
 * only ever go through the session loader, which reports every bad input as a
 * GError, so nothing here can log a GLib warning or critical.
 */
#define G_LOG_DOMAIN "apmm-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "apmm-assessment.h"
#include "apmm-cli.h"
#include "apmm-compare.h"
#include "apmm-merge.h"
#include "apmm-model.h"
#include "apmm-safe-text.h"
#include "apmm-session-file.h"

/* One line "FILE: reason", whatever the name and the reason hold: control
 * characters and bidi overrides are shown as escapes (apmm-safe-text.h). */
static void
append_failure (GString    *err,
                const char *path,
                const char *reason)
{
  g_autofree char *safe_path = apmm_safe_text (path);
  g_autofree char *safe_reason = apmm_safe_text (reason);

  g_string_append_printf (err, "%s: %s\n", safe_path, safe_reason);
}

static ApmmSession *
load (const char  *path,
      GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return apmm_session_load_file (file, NULL, error);
}

int
apmm_cli_summary (const char *path,
                  GString    *out,
                  GString    *err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmSession) session = NULL;
  g_autoptr(ApmmAssessment) assessment = NULL;
  g_autoptr(JsonNode) summary = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (out != NULL, APMM_EXIT_USAGE);
  g_return_val_if_fail (err != NULL, APMM_EXIT_USAGE);

  if (path == NULL || path[0] == '\0')
    {
      g_string_append_printf (err, "%s\n", _("--summary needs a session file"));
      return APMM_EXIT_USAGE;
    }

  if ((session = load (path, &error)) == NULL)
    {
      append_failure (err, path, error->message);
      return APMM_EXIT_INVALID;
    }

  assessment = apmm_assessment_new (session, apmm_model_get_default ());
  summary = apmm_assessment_to_summary (assessment);
  text = apmm_session_file_json_to_string (summary);
  g_string_append (out, text);

  return APMM_EXIT_OK;
}

int
apmm_cli_validate (const char * const *paths,
                   GString            *out,
                   GString            *err)
{
  int status = APMM_EXIT_OK;

  g_return_val_if_fail (out != NULL, APMM_EXIT_USAGE);
  g_return_val_if_fail (err != NULL, APMM_EXIT_USAGE);

  if (paths == NULL || paths[0] == NULL)
    {
      g_string_append_printf (err, "%s\n", _("--validate needs at least one session file"));
      return APMM_EXIT_USAGE;
    }

  /* Every file is checked, so that one run lists all the bad ones. */
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ApmmSession) session = load (paths[i], &error);

      if (session == NULL)
        {
          append_failure (err, paths[i], error->message);
          status = APMM_EXIT_INVALID;
        }
    }

  return status;
}

int
apmm_cli_compare (const char *old_path,
                  const char *new_path,
                  GString    *out,
                  GString    *err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmSession) old_session = NULL;
  g_autoptr(ApmmSession) new_session = NULL;
  g_autoptr(ApmmBaseline) baseline = NULL;
  g_autoptr(ApmmComparison) comparison = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (out != NULL, APMM_EXIT_USAGE);
  g_return_val_if_fail (err != NULL, APMM_EXIT_USAGE);

  if (old_path == NULL || new_path == NULL)
    {
      g_string_append_printf (err, "%s\n", _("--compare needs an earlier and a later session file"));
      return APMM_EXIT_USAGE;
    }

  if ((old_session = load (old_path, &error)) == NULL)
    {
      append_failure (err, old_path, error->message);
      return APMM_EXIT_INVALID;
    }
  if ((new_session = load (new_path, &error)) == NULL)
    {
      append_failure (err, new_path, error->message);
      return APMM_EXIT_INVALID;
    }

  baseline = apmm_baseline_new_from_session (old_session, old_path);
  if (!apmm_baseline_check (baseline, new_session, &error))
    {
      append_failure (err, old_path, error->message);
      return APMM_EXIT_INVALID;
    }

  comparison = apmm_comparison_new (baseline, new_session, apmm_model_get_default ());
  node = apmm_comparison_to_json (comparison);
  text = apmm_session_file_json_to_string (node);
  g_string_append (out, text);

  return APMM_EXIT_OK;
}

static gboolean
is_same_file (GFile *a,
              GFile *b)
{
  g_autoptr(GFileInfo) info_a = NULL;
  g_autoptr(GFileInfo) info_b = NULL;
  const char *attributes = G_FILE_ATTRIBUTE_ID_FILE;

  if (g_file_equal (a, b))
    return TRUE;

  /* Another spelling or a link to the same file. */
  info_a = g_file_query_info (a, attributes, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  info_b = g_file_query_info (b, attributes, G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info_a != NULL && info_b != NULL &&
         g_strcmp0 (g_file_info_get_attribute_string (info_a, G_FILE_ATTRIBUTE_ID_FILE),
                    g_file_info_get_attribute_string (info_b, G_FILE_ATTRIBUTE_ID_FILE)) == 0;
}

static void
print_disputes (ApmmSession *merged,
                GString     *out)
{
  ApmmDisputes *disputes = apmm_session_get_disputes (merged);
  g_auto(GStrv) ids = apmm_disputes_dup_criteria (disputes);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_string_append_printf (out, "%s:", ids[i]);
      for (guint g = 0; g < apmm_disputes_get_n_groups (disputes, ids[i]); g++)
        {
          const ApmmGroupRating *rating = apmm_disputes_get_group (disputes, ids[i], g);

          g_string_append_printf (out, "%s %s %s", g > 0 ? "," : "", rating->group,
                                  apmm_status_to_string (rating->status));
        }
      g_string_append_c (out, '\n');
    }
}

static GPtrArray *
load_all (const char * const *paths,
          GString            *err)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean ok = TRUE;

  /* Every file is read, so that one run names all the bad ones. */
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      ApmmSession *session = load (paths[i], &error);

      if (session == NULL)
        {
          append_failure (err, paths[i], error->message);
          ok = FALSE;
          continue;
        }
      g_ptr_array_add (sessions, session);
    }

  return ok ? g_steal_pointer (&sessions) : NULL;
}

int
apmm_cli_merge (const char * const *paths,
                const char         *output,
                GString            *out,
                GString            *err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(ApmmSession) merged = NULL;
  g_auto(GStrv) groups = NULL;
  guint n;

  g_return_val_if_fail (out != NULL, APMM_EXIT_USAGE);
  g_return_val_if_fail (err != NULL, APMM_EXIT_USAGE);

  n = paths != NULL ? g_strv_length ((char **) paths) : 0;
  if (n < APMM_MERGE_MIN_GROUPS || n > APMM_MERGE_MAX_GROUPS)
    {
      g_string_append_printf (err, _("--merge needs %d to %d session files"),
                              APMM_MERGE_MIN_GROUPS, APMM_MERGE_MAX_GROUPS);
      g_string_append_c (err, '\n');
      return APMM_EXIT_USAGE;
    }
  if (output == NULL || output[0] == '\0')
    {
      g_string_append_printf (err, "%s\n", _("--merge needs --output=PATH"));
      return APMM_EXIT_USAGE;
    }

  target = g_file_new_for_commandline_arg (output);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) input = g_file_new_for_commandline_arg (paths[i]);

      if (is_same_file (input, target))
        {
          append_failure (err, output, _("is one of the files to merge; choose another output"));
          return APMM_EXIT_USAGE;
        }
    }

  if ((sessions = load_all (paths, err)) == NULL)
    return APMM_EXIT_INVALID;

  groups = apmm_merge_group_names (paths);
  merged = apmm_merge_sessions ((ApmmSession * const *) sessions->pdata,
                                (const char * const *) groups, n, &error);
  if (merged == NULL)
    {
      g_string_append_printf (err, "%s\n", error->message);
      return APMM_EXIT_INVALID;
    }
  if (!apmm_session_save_file (merged, target, NULL, NULL, NULL, &error))
    {
      append_failure (err, output, error->message);
      return APMM_EXIT_INVALID;
    }

  print_disputes (merged, out);

  return APMM_EXIT_OK;
}
