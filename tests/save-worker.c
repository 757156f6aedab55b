/* save-worker.c — saves a large session over and over, to be killed mid-save
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Used by test-save-atomic.c, which kills this program with SIGKILL at random
 * moments and checks that the file it was writing is always one complete
 * version. Two distinct sessions, A and B, are built the same way every time:
 *
 *   save-worker --expected a|b PATH   write A or B once (the reference bytes)
 *   save-worker --bench N PATH        save N times; print the mean µs per save
 *   save-worker --loop PATH           print "ready", read "a" or "b" from
 *                                     stdin, then save A, B, A, B, … (or
 *                                     B, A, …) until killed
 *   save-worker --loop-refused PATH   the same where every save must be
 *                                     refused (an unwritable folder): exits
 *                                     with failure if one ever succeeds
 */
#define G_LOG_DOMAIN "save-worker"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "apmm-model.h"
#include "apmm-session.h"
#include "apmm-session-file.h"

/* About 2.5 MiB of JSON: well past "multi-megabyte", well under the loader's
 * 16 MiB limit, and every string under its 64 KiB limit. */
#define N_ACTIONS        250
#define N_PARTICIPANTS   200
#define DESCRIPTION_LEN  7000
#define MEASURE_LEN      2000

/* Text with quotes, backslashes, newlines and non-ASCII characters, so the
 * writer's escaping is part of what must survive. */
static char *
make_text (char   variant,
           guint  index,
           gsize  length)
{
  static const char *words[] = {
    "rollback", "“monitoring”", "on-call", "Zürich", "évaluation", "data\\lake",
    "\"quoted\"", "line\nbreak", "tab\tstop", "façade", "naïve", "Ångström",
  };
  GString *text = g_string_sized_new (length + 32);

  g_string_append_printf (text, "%c%u: ", variant, index);
  for (guint i = 0; text->len < length; i++)
    {
      g_string_append (text, words[(i + index) % G_N_ELEMENTS (words)]);
      g_string_append_c (text, ' ');
    }

  return g_string_free (text, FALSE);
}

static void
add_actions (ApmmSession *session,
             char         variant)
{
  for (guint i = 0; i < N_ACTIONS; i++)
    {
      g_autofree char *id = apmm_session_new_action_id (session);
      g_autofree char *title = g_strdup_printf ("Action %c%u", variant, i);
      g_autoptr(ApmmAction) action = apmm_action_new (id, title);

      g_free (action->description);
      action->description = make_text (variant, i, DESCRIPTION_LEN);
      g_free (action->measure);
      action->measure = make_text (variant, i + 1, MEASURE_LEN);
      g_free (action->owner);
      action->owner = g_strdup_printf ("Owner %c%u", variant, i % 17);
      action->horizon = (ApmmHorizon) (i % APMM_N_HORIZONS);
      action->status = (ApmmActionStatus) (i % APMM_N_ACTION_STATUSES);
      apmm_session_insert_action (session, -1, action);
    }
}

static ApmmSession *
build_session (char variant)
{
  ApmmSession *session = apmm_session_new ();
  ApmmModel *model = apmm_model_get_default ();
  g_autofree char *notes = make_text (variant, 0, 60000);

  apmm_session_set_organisation (session, variant == 'A' ? "Alpha Mutual" : "Beta Logistics");
  apmm_session_set_title (session, "Atomic save stress session");
  apmm_session_set_facilitator (session, "Save Worker");
  apmm_session_set_date (session, variant == 'A' ? "2026-01-01" : "2026-02-02");
  apmm_session_set_notes (session, notes);

  for (guint i = 0; i < N_PARTICIPANTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Participant %c%u", variant, i);
      apmm_session_add_participant (session, name, (int) ((i + (variant == 'A')) % APMM_N_LEVELS));
    }

  for (guint i = 0; i < apmm_model_get_n_criteria (model); i++)
    {
      const ApmmCriterion *criterion = apmm_model_get_criterion (model, i);
      g_autofree char *note = make_text (variant, i, 4000);

      apmm_session_set_status (session, criterion->id,
                               (ApmmStatus) ((i + (variant == 'B')) % APMM_N_STATUSES));
      apmm_session_set_evidence_note (session, criterion->id, note);
    }

  add_actions (session, variant);

  return session;
}

static int
write_expected (const char *which,
                const char *path)
{
  g_autoptr(ApmmSession) session = build_session (g_ascii_toupper (which[0]));
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;

  if (!apmm_session_save_file (session, file, NULL, NULL, NULL, &error))
    {
      g_printerr ("save-worker: %s\n", error->message);
      return EXIT_FAILURE;
    }

  return EXIT_SUCCESS;
}

static int
bench (guint       n,
       const char *path)
{
  g_autoptr(ApmmSession) a = build_session ('A');
  g_autoptr(ApmmSession) b = build_session ('B');
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!apmm_session_save_file (i % 2 ? b : a, file, NULL, NULL, NULL, &error))
        {
          g_printerr ("save-worker: %s\n", error->message);
          return EXIT_FAILURE;
        }
    }

  printf ("%" G_GINT64_FORMAT "\n", (g_get_monotonic_time () - start) / MAX (n, 1));
  return EXIT_SUCCESS;
}

/* Builds both sessions, says "ready", then waits for a line naming the first
 * version to save ("a" or "b"). The test starts the next worker while the
 * current one is saving, so the building is off its clock, and names the
 * version that is not on disk, so the very first save already replaces one
 * content with the other. */
static int
save_forever (const char *path,
              gboolean    refused)
{
  g_autoptr(ApmmSession) a = build_session ('A');
  g_autoptr(ApmmSession) b = build_session ('B');
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  char first[8] = { 0 };
  gboolean next_is_a;

  printf ("ready\n");
  fflush (stdout);

  if (fgets (first, sizeof first, stdin) == NULL)
    return EXIT_FAILURE;
  next_is_a = first[0] == 'a';

  for (;;)
    {
      g_autoptr(GError) error = NULL;

      gboolean saved = apmm_session_save_file (next_is_a ? a : b, file, NULL, NULL, NULL, &error);

      if (refused && (saved || !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED)))
        {
          g_printerr ("save-worker: a save into an unwritable folder was not refused\n");
          return EXIT_FAILURE;
        }
      if (!refused && !saved)
        {
          g_printerr ("save-worker: %s\n", error->message);
          return EXIT_FAILURE;
        }
      next_is_a = !next_is_a;
    }
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--expected") &&
      (g_str_equal (argv[2], "a") || g_str_equal (argv[2], "b")))
    return write_expected (argv[2], argv[3]);

  if (argc == 4 && g_str_equal (argv[1], "--bench"))
    return bench ((guint) g_ascii_strtoull (argv[2], NULL, 10), argv[3]);

  if (argc == 3 && g_str_equal (argv[1], "--loop"))
    return save_forever (argv[2], FALSE);

  if (argc == 3 && g_str_equal (argv[1], "--loop-refused"))
    return save_forever (argv[2], TRUE);

  g_printerr ("usage: save-worker --expected a|b PATH | --bench N PATH | --loop[-refused] PATH\n");
  return 2;
}
