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
