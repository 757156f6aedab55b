/* bench-ladder.c — how long a 3840×2160 ladder takes to draw
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-ladder [RUNS]
 *        bench-ladder --shots DIR   (writes the screenshots looked at in docs/ladder.md)
 *
 * Prints the median of RUNS (default 41) renders of the busiest realistic
 * session: every marker, an inconclusive floor, an overestimation across the
 * Failure Chasm and 40 votes.
 */
#include "config.h"

#include <stdlib.h>
#include <time.h>

#include "apmm-ladder-renderer.h"

static ApmmSession *
busiest_session (void)
{
  ApmmSession *session = apmm_session_new ();
  static const guint spread[APMM_N_LEVELS] = { 2, 6, 12, 14, 6 };
  guint n = 0;

  apmm_session_set_status (session, "l1.tools-purchased", APMM_STATUS_MET);
  apmm_session_set_status (session, "l1.budget-allocated", APMM_STATUS_MET);
  apmm_session_set_status (session, "l2.live-real-data", APMM_STATUS_MET);
  apmm_session_set_status (session, "l2.owned-use-case", APMM_STATUS_PARTLY);
  apmm_session_set_target_level (session, 3);
  for (guint level = 0; level < APMM_N_LEVELS; level++)
    for (guint k = 0; k < spread[level]; k++)
      {
        g_autofree char *name = g_strdup_printf ("Participant %u", ++n);

        apmm_session_add_participant (session, name, (int) level);
      }
  return session;
}

/* CPU time of this thread, in ms: on a busy machine it shows the work apart from the waiting. */
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

static void
write_shots (ApmmSession *session,
             const char  *dir)
{
  static const int sizes[][2] = { { 320, 240 }, { 360, 690 }, { 1024, 768 }, { 1920, 1080 }, { 3840, 2160 } };
  static const char *palettes[] = { "light", "dark", "high-contrast" };
  ApmmLadderState state;

  apmm_ladder_state_init (&state, session, apmm_model_get_default (), NULL);
  g_mkdir_with_parents (dir, 0755);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint p = 0; p < G_N_ELEMENTS (palettes); p++)
      {
        int w = sizes[s][0], h = sizes[s][1];
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
        cairo_t *cr = cairo_create (surface);
        g_autofree char *name = g_strdup_printf ("%s/ladder-%dx%d-%s.png", dir, w, h, palettes[p]);

        apmm_ladder_render (cr, &state, (ApmmLadderPalette) p, w, h);
        cairo_surface_write_to_png (surface, name);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
        g_print ("%s\n", name);
      }

  /* The same session with its votes hidden, as the facilitator shows it
   * before the reveal. */
  apmm_session_set_votes_hidden (session, TRUE);
  apmm_ladder_state_init (&state, session, apmm_model_get_default (), NULL);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      int w = sizes[s][0], h = sizes[s][1];
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
      cairo_t *cr = cairo_create (surface);
      g_autofree char *name = g_strdup_printf ("%s/ladder-%dx%d-votes-hidden.png", dir, w, h);

      apmm_ladder_render (cr, &state, APMM_LADDER_PALETTE_LIGHT, w, h);
      cairo_surface_write_to_png (surface, name);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      g_print ("%s\n", name);
    }
  apmm_session_set_votes_hidden (session, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ApmmSession) session = busiest_session ();
  ApmmLadderState state;
  cairo_surface_t *surface;
  guint runs = argc > 1 ? (guint) MAX (atoi (argv[1]), 20) : 41;
  g_autofree double *times = NULL;
  g_autofree double *cpu = NULL;

  if (argc > 2 && g_str_equal (argv[1], "--shots"))
    {
      write_shots (session, argv[2]);
      return EXIT_SUCCESS;
    }

  apmm_ladder_state_init (&state, session, apmm_model_get_default (), NULL);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 3840, 2160);
  times = g_new0 (double, runs);
  cpu = g_new0 (double, runs);

  /* One untimed render warms the font and glyph caches, as the first frame of the app does. */
  for (guint i = 0; i <= runs; i++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();
      double cpu_start = thread_cpu_ms ();

      apmm_ladder_render (cr, &state, APMM_LADDER_PALETTE_LIGHT, 3840, 2160);
      cairo_surface_flush (surface);
      if (i > 0)
        {
          times[i - 1] = (g_get_monotonic_time () - start) / 1000.0;
          cpu[i - 1] = thread_cpu_ms () - cpu_start;
        }
      cairo_destroy (cr);
    }
  qsort (times, runs, sizeof (double), compare_doubles);
  qsort (cpu, runs, sizeof (double), compare_doubles);
  g_print ("3840x2160, busiest session (%u votes), %u renders: median %.2f ms "
           "(min %.2f, max %.2f); CPU time median %.2f ms\n",
           state.n_votes, runs, times[runs / 2], times[0], times[runs - 1], cpu[runs / 2]);

  cairo_surface_destroy (surface);
  return EXIT_SUCCESS;
}
