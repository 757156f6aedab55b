/* bench-report.c — the example's report PDF against the ladder PDF export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-report [RUNS] [SESSION]
 *
 * Exports SESSION (by default the Meridian Insurance example) RUNS times
 * (default 21) as the ladder PDF (`--export=pdf`) and as the report PDF
 * (`--export=report`), alternately, each to a file, after one untimed warm-up
 * of each. Prints the medians of the wall-clock time and of this thread's CPU
 * time, and how many times the ladder the report takes.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <time.h>

#include "apmm-export.h"
#include "apmm-report-export.h"
#include "apmm-session-file.h"

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

static ApmmSession *
load (const char *path)
{
  g_autoptr(GError) error = NULL;
  ApmmSession *session;

  if (path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      session = apmm_session_load_file (file, NULL, &error);
    }
  else
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data ("/org/apmm/Workshop/core/examples/meridian-insurance.apmm",
                                                         0, NULL);

      session = apmm_session_load_bytes (bytes, &error);
    }
  if (session == NULL)
    g_error ("%s", error->message);
  return session;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ApmmSession) session = load (argc > 2 ? argv[2] : NULL);
  guint runs = argc > 1 ? (guint) MAX (atoi (argv[1]), 5) : 21;
  g_autofree char *dir = g_dir_make_tmp ("apmm-bench-report-XXXXXX", NULL);
  g_autofree char *ladder_path = g_build_filename (dir, "ladder.pdf", NULL);
  g_autofree char *report_path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GFile) ladder_file = g_file_new_for_path (ladder_path);
  g_autoptr(GFile) report_file = g_file_new_for_path (report_path);
  g_autofree double *ladder_wall = g_new0 (double, runs);
  g_autofree double *ladder_cpu = g_new0 (double, runs);
  g_autofree double *report_wall = g_new0 (double, runs);
  g_autofree double *report_cpu = g_new0 (double, runs);
  double lw, lc, rw, rc;

  for (guint i = 0; i <= runs; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      double cpu_start = thread_cpu_ms ();

      if (!apmm_export_session (session, "pdf", ladder_file, NULL, &error))
        g_error ("%s", error->message);
      if (i > 0)
        {
          ladder_wall[i - 1] = (g_get_monotonic_time () - start) / 1000.0;
          ladder_cpu[i - 1] = thread_cpu_ms () - cpu_start;
        }

      start = g_get_monotonic_time ();
      cpu_start = thread_cpu_ms ();
      if (!apmm_report_export (session, APMM_REPORT_FORMAT_PDF, APMM_REPORT_DEFAULT, APMM_PAPER_A4,
                               APMM_REPORT_TABLE_ACTIONS, report_file, &error))
        g_error ("%s", error->message);
      if (i > 0)
        {
          report_wall[i - 1] = (g_get_monotonic_time () - start) / 1000.0;
          report_cpu[i - 1] = thread_cpu_ms () - cpu_start;
        }
    }
  g_unlink (ladder_path);
  g_unlink (report_path);
  g_rmdir (dir);

  lw = median (ladder_wall, runs);
  lc = median (ladder_cpu, runs);
  rw = median (report_wall, runs);
  rc = median (report_cpu, runs);
  g_print ("ladder PDF: median %.1f ms wall, %.1f ms CPU (%u runs)\n", lw, lc, runs);
  g_print ("report PDF: median %.1f ms wall, %.1f ms CPU (%u runs)\n", rw, rc, runs);
  g_print ("report / ladder: %.1fx wall, %.1fx CPU\n", rw / lw, rc / lc);
  return EXIT_SUCCESS;
}
