/* first-frame-shim.c — an LD_PRELOAD library that ends a GTK program at its first painted frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The benchmark runs the app and a minimal AdwApplicationWindow the same way,
 * so neither needs benchmark code of its own: this library wraps
 * gtk_window_present(), follows the window's frame clock, and at the end of
 * the first frame painted while the window's title contains
 * $APMM_BENCH_TITLE (any title when unset) it prints one line to standard
 * error and exits:
 *
 *   first-frame cpu_ms=<process CPU> rss_kb=<peak RSS> widgets=<count>
 *
 * and exits at once, so the wall-clock time of the whole run, measured by
 * the caller, is the time to the first frame.
 *
 * Waiting for the title matters: a window that loads its file in the
 * background paints an empty frame first, and that frame shows the user
 * nothing.
 *
 * With $APMM_BENCH_FRAMES=N it keeps going for N more frames after that one
 * (letting idle work land) before reporting peak RSS.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

/* Not in any header: this library exports it in place of GTK's. */
void gtk_window_present (GtkWindow *window);

static gboolean hooked;
static guint frames_left;
static gboolean seen;
static double seen_cpu_ms;

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static guint
count_widgets (GtkWidget *widget)
{
  guint n = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child);
  return n;
}

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  const char *want = g_getenv ("APMM_BENCH_TITLE");
  const char *title = gtk_window_get_title (window);
  struct rusage usage;

  if (!seen)
    {
      if (want != NULL && (title == NULL || strstr (title, want) == NULL))
        return;
      seen = TRUE;
      seen_cpu_ms = cpu_ms ();
      frames_left = (guint) atoi (g_getenv ("APMM_BENCH_FRAMES") ? g_getenv ("APMM_BENCH_FRAMES") : "0");
    }
  if (frames_left > 0)
    {
      frames_left--;
      gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
      return;
    }

  getrusage (RUSAGE_SELF, &usage);
  fprintf (stderr, "first-frame cpu_ms=%.1f rss_kb=%ld widgets=%u\n",
           seen_cpu_ms, usage.ru_maxrss, count_widgets (GTK_WIDGET (window)));
  fflush (stderr);
  _exit (0);
}

void
gtk_window_present (GtkWindow *window)
{
  static void (*real_present) (GtkWindow *) = NULL;
  GdkFrameClock *clock;

  if (real_present == NULL)
    real_present = (void (*) (GtkWindow *)) dlsym (RTLD_NEXT, "gtk_window_present");
  real_present (window);

  /* Only the first window: dialogs presented later are not the start-up. */
  if (hooked)
    return;
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  if (clock == NULL)
    return;
  hooked = TRUE;
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), window);
}
