/* bench-edit.c — frame time after an edit, and the main loop's longest stall during a save
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-edit edits SESSION [N]   opens SESSION in a window, shows every page
 *                                  once (so each is built and follows the
 *                                  session, the worst case), then on the
 *                                  assessment page N times each: toggles a
 *                                  rating, types one character in a note;
 *                                  then switches N times round the four
 *                                  pages (APMM_BENCH_VERBOSE=1 prints each
 *                                  edit and switch, with its CPU time)
 *   bench-edit visits SESSION [PAGE...]  opens SESSION in a window and shows
 *                                  each page (Gap Map, Roadmap, Self-Assessment,
 *                                  then the details sidebar, unless named;
 *                                  "details" opens the sidebar) for the first
 *                                  time, which builds it
 *   bench-edit save SESSION [N]    loads SESSION and saves it N times in the
 *                                  background, as Save and autosave do
 *
 * For an edit it measures the wall clock from the edit to the end of the
 * next painted frame (the frame clock's "after-paint"), which is what a
 * user waits for, each edit starting from an idle frame clock. For a save it runs a 1 ms timeout on the main loop while
 * the document is busy and reports the longest gap between two of its
 * runs, less the 1 ms: the longest time the window could not react.
 * For an edit it also measures the main thread's CPU time from the edit
 * to the end of that frame (the work that must fit in 16 ms), and until the
 * main loop is idle again (also what the edit left for later: idle layout,
 * animation frames), which a shared machine's load inflates much less than
 * the wall clock.
 * Prints one line per measurement, medians in ms:
 *
 *   no-edit ms=<median> max=<max>   (a frame with no edit: the baseline)
 *   rating-toggle ms=<median> max=<max> cpu_ms=<median CPU time, edit to idle>
 *                 frame_cpu_ms=<median CPU time, edit to the end of its frame>
 *   note-keystroke ms=… max=… cpu_ms=… frame_cpu_ms=…   (the same)
 *   page-switch ms=… max=… cpu_ms=… frame_cpu_ms=…      (the same)
 *   first-visit-PAGE ms=<ms> max=<ms> cpu_ms=<CPU time, switch to idle> frame_cpu_ms=…
 *   save-stall ms=<median of the per-save longest stalls> max=<max> save_ms=<median save time>
 *
 * Not a test: timings depend on the machine (docs/performance.md).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <time.h>

/* Under callgrind with --instr-atstart=no, only the edits are instrumented:
 * loading the session and building every page runs several times faster. */
#if defined(__has_include)
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#endif
#endif
#ifndef CALLGRIND_START_INSTRUMENTATION
#define CALLGRIND_START_INSTRUMENTATION
#define CALLGRIND_STOP_INSTRUMENTATION
#define CALLGRIND_DUMP_STATS_AT(what)
#endif

#include "apmm-application.h"
#include "apmm-document.h"
#include "apmm-window-private.h"

static gboolean painted;
static guint paints;
/* The main thread's CPU time, in ms, of the last edit time_to_frame() timed:
 * to the end of its frame, and until the main loop was idle again. */
static double last_frame_cpu_ms;
static double last_cpu_ms;

static double
thread_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1000000.0;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  painted = TRUE;
  paints++;
}

static gboolean
set_flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms, sleeping when there is nothing to do, so
 * that waiting costs no CPU time. */
static void
iterate_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static GtkWidget *
find_widget (GtkWidget *widget,
             gboolean (*match) (GtkWidget *, gconstpointer),
             gconstpointer data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_class (GtkWidget     *widget,
           gconstpointer  css_class)
{
  return GTK_IS_TOGGLE_BUTTON (widget) && gtk_widget_has_css_class (widget, css_class);
}

static gboolean
is_text_view (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_TEXT_VIEW (widget) && gtk_widget_is_drawable (widget)
         && gtk_text_view_get_editable (GTK_TEXT_VIEW (widget));
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static void
report (const char *what,
        GArray     *values,
        const char *extra)
{
  g_array_sort (values, compare_doubles);
  g_print ("%s ms=%.2f max=%.2f%s\n", what, g_array_index (values, double, values->len / 2),
           g_array_index (values, double, values->len - 1), extra != NULL ? extra : "");
}

/* Runs the main loop until what is pending has run: idle work such as a
 * text view laying out its lines, and a frame the last one asked for. */
static void
drain (void)
{
  for (guint i = 0; i < 2; i++)
    {
      iterate_ms (40);
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
    }
}

/* Paints a frame and drains the main loop: whatever is left from before
 * (building the pages, laying them out) is done before an edit is timed. */
static void
settle (GtkWidget *window)
{
  painted = FALSE;
  gtk_widget_queue_draw (window);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  drain ();
}

/* Runs the main loop until the frame clock has painted nothing for 100 ms,
 * for at most a second: animations started by the last edit (a button's
 * 200 ms change of colour, a row's 400 ms highlight) have ended, so the next
 * edit starts from an idle clock, as a click does after a moment. A text
 * cursor can keep the clock ticking longer; then the edit meets a ticking
 * clock, as typing does. */
static void
wait_for_idle_clock (void)
{
  for (guint i = 0; i < 10; i++)
    {
      guint before = paints;

      iterate_ms (100);
      if (paints == before)
        return;
    }
}

/* Wall-clock ms from @edit to the end of the next painted frame, starting
 * from an idle frame clock; in last_frame_cpu_ms, the main thread's CPU time
 * from @edit to the end of that frame (the work that has to fit in 16 ms),
 * and in last_cpu_ms, until the work it left for later (idle layout of
 * text, animation frames) is done too, which a shared machine's load
 * inflates much less than the wall clock. Not inlined, so that
 * `valgrind --tool=callgrind --toggle-collect=time_to_frame` counts the
 * edits alone, each with all the work it causes (add --instr-atstart=no
 * to run the rest uninstrumented, several times faster). */
static G_GNUC_NO_INLINE double
time_to_frame (GtkWidget *window,
               void     (*edit) (gpointer),
               gpointer   data)
{
  gint64 start;
  double cpu_start, ms;

  wait_for_idle_clock ();
  painted = FALSE;
  start = g_get_monotonic_time ();
  cpu_start = thread_cpu_ms ();
  edit (data);
  gtk_widget_queue_draw (window);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  last_frame_cpu_ms = thread_cpu_ms () - cpu_start;
  drain ();
  last_cpu_ms = thread_cpu_ms () - cpu_start;
  return ms;
}

/* With APMM_BENCH_VERBOSE set, prints each edit as it is measured. */
static void
verbose (const char *what,
         double      ms)
{
  if (g_getenv ("APMM_BENCH_VERBOSE") != NULL)
    g_printerr ("%s: %.1f ms, CPU %.1f ms to the frame, %.1f ms in all\n", what, ms, last_frame_cpu_ms,
                last_cpu_ms);
}

static void
nothing (gpointer data)
{
}

static void
click (gpointer button)
{
  gtk_toggle_button_set_active (button, !gtk_toggle_button_get_active (button));
}

static void
type_key (gpointer view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  gtk_text_buffer_insert_interactive_at_cursor (buffer, "x", 1, TRUE);
}

typedef struct {
  GtkWidget  *window;
  const char *page;
} PageSwitch;

static void
show_page (gpointer data)
{
  PageSwitch *to = data;

  /* The details sidebar is opened, not switched to. */
  if (g_str_equal (to->page, "details"))
    gtk_widget_activate_action (to->window, "win.show-details", NULL);
  else
    gtk_widget_activate_action (to->window, "win.show-page", "s", to->page);
}

/* The application the windows belong to: registered, so that libadwaita
 * has loaded its stylesheets (ui/style.css) as for the app itself. */
static ApmmApplication *bench_app;

/* A 1280×800 window that has opened @path, whose painted frames the
 * benchmark sees; NULL, having said so, when the file does not open. */
static ApmmWindow *
open_window (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ApmmWindow *window = apmm_window_new (GTK_APPLICATION (bench_app));

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  /* As the app does for a file named on its command line: no welcome page
   * while the session is read. */
  apmm_window_set_opening (window, TRUE);
  gtk_window_present (GTK_WINDOW (window));
  apmm_window_load_file (window, file);
  while (apmm_window_is_loading (window))
    g_main_context_iteration (NULL, TRUE);
  if (apmm_window_get_session (window) == NULL)
    {
      g_printerr ("could not open %s\n", path);
      return NULL;
    }

  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  return window;
}

static int
bench_edits (const char *path,
             guint       n)
{
  const char *pages[] = { "explorer", "gaps", "roadmap", "assessment" };
  ApmmWindow *window = open_window (path);
  g_autoptr(GArray) toggles = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) toggles_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) keys_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) switches = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floors = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) switches_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) toggles_frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) keys_frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) switches_frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *switches_extra = NULL;
  g_autofree char *toggles_extra = NULL;
  g_autofree char *keys_extra = NULL;
  GtkWidget *met, *not_met, *note;

  if (window == NULL)
    return 1;
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-details", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", pages[i]);
      iterate_ms (300);
    }

  settle (GTK_WIDGET (window));
  settle (GTK_WIDGET (window));

  met = find_widget (GTK_WIDGET (window->assessment_bin), has_class, "status-met");
  not_met = find_widget (GTK_WIDGET (window->assessment_bin), has_class, "status-not-met");
  note = find_widget (GTK_WIDGET (window->assessment_bin), is_text_view, NULL);
  if (met == NULL || not_met == NULL || note == NULL)
    {
      g_printerr ("no rating button or note on the assessment page\n");
      return 1;
    }

  /* The baseline: no edit at all, only a frame asked for, in the same
   * window: what "the next frame" costs with nothing to do. */
  for (guint i = 0; i < n; i++)
    {
      double ms = time_to_frame (GTK_WIDGET (window), nothing, NULL);

      g_array_append_val (floors, ms);
    }

  for (guint i = 0; i < n; i++)
    {
      double ms;

      /* Around the call, so that callgrind sees time_to_frame entered. */
      CALLGRIND_START_INSTRUMENTATION;
      ms = time_to_frame (GTK_WIDGET (window), click, i % 2 == 0 ? not_met : met);
      CALLGRIND_STOP_INSTRUMENTATION;

      g_array_append_val (toggles, ms);
      g_array_append_val (toggles_cpu, last_cpu_ms);
      g_array_append_val (toggles_frame, last_frame_cpu_ms);
      verbose ("rating toggle", ms);
    }
  /* Under callgrind, one profile per kind of edit (.1 and .2 files). */
  CALLGRIND_DUMP_STATS_AT ("rating-toggle");
  gtk_widget_grab_focus (note);
  settle (GTK_WIDGET (window));
  for (guint i = 0; i < n; i++)
    {
      double ms;

      CALLGRIND_START_INSTRUMENTATION;
      ms = time_to_frame (GTK_WIDGET (window), type_key, note);
      CALLGRIND_STOP_INSTRUMENTATION;

      g_array_append_val (keys, ms);
      g_array_append_val (keys_cpu, last_cpu_ms);
      g_array_append_val (keys_frame, last_frame_cpu_ms);
      verbose ("keystroke", ms);
    }

  CALLGRIND_DUMP_STATS_AT ("note-keystroke");

  /* Between pages seen before (each was built on its first visit). */
  for (guint i = 0; i < n * G_N_ELEMENTS (pages); i++)
    {
      PageSwitch to = { GTK_WIDGET (window), pages[i % G_N_ELEMENTS (pages)] };
      g_autofree char *what = NULL;
      double ms;

      CALLGRIND_START_INSTRUMENTATION;
      ms = time_to_frame (GTK_WIDGET (window), show_page, &to);
      CALLGRIND_STOP_INSTRUMENTATION;

      g_array_append_val (switches, ms);
      g_array_append_val (switches_cpu, last_cpu_ms);
      g_array_append_val (switches_frame, last_frame_cpu_ms);
      what = g_strdup_printf ("switch to %s", to.page);
      verbose (what, ms);
    }
  CALLGRIND_DUMP_STATS_AT ("page-switch");
  toggles_extra = g_strdup_printf (" cpu_ms=%.2f frame_cpu_ms=%.2f", median (toggles_cpu), median (toggles_frame));
  keys_extra = g_strdup_printf (" cpu_ms=%.2f frame_cpu_ms=%.2f", median (keys_cpu), median (keys_frame));
  report ("no-edit", floors, NULL);
  report ("rating-toggle", toggles, toggles_extra);
  report ("note-keystroke", keys, keys_extra);
  switches_extra = g_strdup_printf (" cpu_ms=%.2f frame_cpu_ms=%.2f", median (switches_cpu), median (switches_frame));
  report ("page-switch", switches, switches_extra);
  return 0;
}

/* Each page's first visit, in a window that has just opened the session:
 * one sample each, as a user sees it once per process (a second window in
 * the same process is measured slower, so the suite runs this in a new
 * process each time). */
static int
bench_visits (const char  *path,
              const char **pages,
              guint        n_pages)
{
  ApmmWindow *window = open_window (path);

  if (window == NULL)
    return 1;
  for (guint p = 0; p < n_pages; p++)
    {
      PageSwitch to = { GTK_WIDGET (window), pages[p] };
      g_autoptr(GArray) visit = g_array_new (FALSE, FALSE, sizeof (double));
      g_autofree char *what = g_strdup_printf ("first-visit-%s", pages[p]);
      g_autofree char *extra = NULL;
      double ms;

      settle (GTK_WIDGET (window));
      CALLGRIND_START_INSTRUMENTATION;
      ms = time_to_frame (GTK_WIDGET (window), show_page, &to);
      CALLGRIND_STOP_INSTRUMENTATION;
      g_array_append_val (visit, ms);
      extra = g_strdup_printf (" cpu_ms=%.2f frame_cpu_ms=%.2f", last_cpu_ms, last_frame_cpu_ms);
      report (what, visit, extra);
    }
  return 0;
}

static gint64 last_tick;
static double longest_gap;

static gboolean
tick_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();
  double gap = (now - last_tick) / 1000.0 - 1.0;

  longest_gap = MAX (longest_gap, gap);
  last_tick = now;
  return G_SOURCE_CONTINUE;
}

static gboolean load_done;

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      data)
{
  ApmmDocument **document = data;
  g_autoptr(GError) error = NULL;

  *document = apmm_document_load_finish (result, &error);
  if (*document == NULL)
    g_printerr ("%s\n", error->message);
  load_done = TRUE;
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      data)
{
  gboolean *done = data;
  g_autoptr(GError) error = NULL;

  if (!apmm_document_save_finish (APMM_DOCUMENT (object), result, &error))
    g_printerr ("%s\n", error->message);
  *done = TRUE;
}

static int
bench_save (const char *path,
            guint       n)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *dir = g_dir_make_tmp ("apmm-bench-save-XXXXXX", NULL);
  g_autofree char *out_path = g_build_filename (dir, "saved.apmm", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(ApmmDocument) document = NULL;
  g_autoptr(GArray) stalls = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) saves = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *extra = NULL;

  apmm_document_load_async (file, NULL, loaded_cb, &document);
  while (!load_done)
    g_main_context_iteration (NULL, TRUE);
  if (document == NULL)
    return 1;

  for (guint i = 0; i < n; i++)
    {
      gboolean done = FALSE;
      guint tick;
      gint64 start;
      double ms;

      iterate_ms (50);
      longest_gap = 0;
      start = last_tick = g_get_monotonic_time ();
      tick = g_timeout_add (1, tick_cb, NULL);
      apmm_document_save_async (document, out, APMM_DOCUMENT_SAVE_IGNORE_CHANGES, NULL, saved_cb, &done);
      /* The stall of the call itself counts: it is on the main loop. */
      while (!done)
        g_main_context_iteration (NULL, TRUE);
      tick_cb (NULL);
      g_source_remove (tick);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (stalls, longest_gap);
      g_array_append_val (saves, ms);
    }

  g_array_sort (saves, compare_doubles);
  extra = g_strdup_printf (" save_ms=%.0f", g_array_index (saves, double, saves->len / 2));
  report ("save-stall", stalls, extra);
  g_unlink (out_path);
  g_rmdir (dir);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  guint n;

  if (argc < 3)
    {
      g_printerr ("usage: %s edits|visits|save SESSION [N]\n", argv[0]);
      return 2;
    }
  n = argc > 3 ? (guint) MAX (1, atoi (argv[3])) : 21;

  if (g_str_equal (argv[1], "save"))
    return bench_save (argv[2], n);

  g_set_application_name ("APMM Workshop benchmark");
  gtk_init ();
  adw_init ();
  bench_app = apmm_application_new ();
  g_application_set_flags (G_APPLICATION (bench_app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (bench_app), NULL, &error))
    {
      g_printerr ("could not start the application: %s\n", error->message);
      return 1;
    }
  if (g_str_equal (argv[1], "visits"))
    {
      const char *pages[] = { "gaps", "roadmap", "assessment", "details" };

      if (argc > 3)
        return bench_visits (argv[2], (const char **) argv + 3, argc - 3);
      return bench_visits (argv[2], pages, G_N_ELEMENTS (pages));
    }
  return bench_edits (argv[2], n);
}
