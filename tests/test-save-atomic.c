/* test-save-atomic.c — a save killed with SIGKILL never leaves a broken file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * save-worker saves a multi-megabyte session over and over, alternating two
 * distinct contents A and B. This test kills it 200 times at a random moment
 * within a save and checks that the file on disk always loads and is exactly
 * A or exactly B, and that nothing but GLib's hidden temporary files is left
 * beside it.
 *
 * The same runs where the file is a symbolic link to a file in another
 * folder (the link stays, its target is replaced atomically), and where the
 * folder cannot be written (every save is refused, the file never changes
 * and no temporary file appears). As root, which may write anywhere, the
 * worker runs as "nobody" for that case.
 */
#define G_LOG_DOMAIN "test-save-atomic"

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "apmm-session.h"
#include "apmm-file-writer.h"
#include "apmm-session-file.h"

#define N_KILLS          200
#define TARGET_NAME      "session.apmm"
#define REAL_DIR         "real"
#define NOBODY           65534

typedef enum {
  MODE_PLAIN,
  MODE_SYMLINK,
  MODE_READ_ONLY,
} Mode;
#define TEMP_PREFIX      APMM_FILE_WRITER_TEMP_PREFIX

typedef struct {
  Mode      mode;
  char     *worker;
  char     *dir;
  char     *real_dir;     /* where the bytes are: dir, or dir/real for a symlink */
  GFile    *real;         /* the file really replaced */
  GFile    *target;
  GBytes   *a;
  GBytes   *b;
  gint64    save_usec;

  /* What the kills found. */
  guint     n_a;
  guint     n_b;
  guint     n_changed;
  guint     n_temp_files;

  /* Where the time goes, in µs. */
  gint64    startup_usec;
  gint64    check_usec;
} Fixture;

static void
run_worker (Fixture    *f,
            const char *mode,
            const char *arg,
            const char *path,
            char      **out)
{
  const char *argv[] = { f->worker, mode, arg, path, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
}

static GBytes *
expected_bytes (Fixture    *f,
                const char *which)
{
  g_autofree char *path = g_build_filename (f->dir, which, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ApmmSession) session = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  run_worker (f, "--expected", which, path, NULL);
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);

  /* The references themselves must be valid sessions under the limits. */
  session = apmm_session_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (session);
  g_assert_true (g_file_delete (file, NULL, NULL));

  return bytes;
}

static void
fixture_set_up (Fixture *f)
{
  g_autofree char *stdout_text = NULL;
  g_autofree char *bench_path = NULL;
  g_autoptr(GError) error = NULL;

  f->worker = g_test_build_filename (G_TEST_BUILT, "save-worker", NULL);
  f->dir = g_dir_make_tmp ("apmm-save-atomic-XXXXXX", &error);
  g_assert_no_error (error);
  f->target = g_file_new_build_filename (f->dir, TARGET_NAME, NULL);

  f->a = expected_bytes (f, "a");
  f->b = expected_bytes (f, "b");
  g_assert_false (g_bytes_equal (f->a, f->b));
  g_assert_cmpuint (g_bytes_get_size (f->a), >, 2 * 1024 * 1024);
  g_assert_cmpuint (g_bytes_get_size (f->a), <, APMM_SESSION_MAX_SIZE);

  /* How long one save of an existing file takes here, so that the kills can
   * be spread over the whole of a save. */
  bench_path = g_build_filename (f->dir, "bench.apmm", NULL);
  run_worker (f, "--bench", "6", bench_path, &stdout_text);
  f->save_usec = g_ascii_strtoll (stdout_text, NULL, 10);
  g_assert_cmpint (f->save_usec, >, 0);
  g_unlink (bench_path);

  f->real_dir = f->mode == MODE_SYMLINK ? g_build_filename (f->dir, REAL_DIR, NULL) : g_strdup (f->dir);
  g_assert_cmpint (g_mkdir_with_parents (f->real_dir, 0755), ==, 0);
  f->real = g_file_new_build_filename (f->real_dir, TARGET_NAME, NULL);
  g_file_replace_contents (f->real, g_bytes_get_data (f->a, NULL), g_bytes_get_size (f->a),
                           NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);

  if (f->mode == MODE_SYMLINK)
    {
      g_file_make_symbolic_link (f->target, REAL_DIR "/" TARGET_NAME, NULL, &error);
      g_assert_no_error (error);
    }
  else if (f->mode == MODE_READ_ONLY)
    {
      g_autofree char *path = g_file_get_path (f->target);

      /* The file is writable, its folder is not: GLib would write in place. */
      if (getuid () == 0)
        {
          g_assert_cmpint (chown (path, NOBODY, NOBODY), ==, 0);
          g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
        }
      else
        g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);
    }
}

static void
fixture_tear_down (Fixture *f)
{
  g_autoptr(GFile) dir = g_file_new_for_path (f->dir);
  g_autoptr(GFile) real_dir = g_file_new_for_path (f->real_dir);

  g_chmod (f->dir, 0700);
  g_file_delete (f->target, NULL, NULL);
  g_file_delete (f->real, NULL, NULL);
  if (f->mode == MODE_SYMLINK)
    g_assert_true (g_file_delete (real_dir, NULL, NULL));
  g_assert_true (g_file_delete (dir, NULL, NULL));
  g_clear_object (&f->target);
  g_clear_object (&f->real);
  g_free (f->real_dir);
  g_clear_pointer (&f->a, g_bytes_unref);
  g_clear_pointer (&f->b, g_bytes_unref);
  g_free (f->worker);
  g_free (f->dir);
}

static void
become_nobody_cb (gpointer user_data)
{
  if (setgid (NOBODY) != 0 || setuid (NOBODY) != 0)
    _exit (3);
}

static GSubprocess *
spawn_worker (Fixture *f)
{
  g_autofree char *path = g_file_get_path (f->target);
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GError) error = NULL;
  GSubprocess *worker;

  if (f->mode == MODE_READ_ONLY && getuid () == 0)
    g_subprocess_launcher_set_child_setup (launcher, become_nobody_cb, NULL, NULL);
  worker = g_subprocess_launcher_spawn (launcher, &error, f->worker,
                                        f->mode == MODE_READ_ONLY ? "--loop-refused" : "--loop",
                                        path, NULL);
  g_assert_no_error (error);

  return worker;
}

/* Waits until the worker has built its sessions, then lets it save, starting
 * with the version that is not on disk. Returns when it has been told. */
static void
start_worker (Fixture     *f,
              GSubprocess *worker,
              gboolean     first_is_a)
{
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GError) error = NULL;
  gint64 waited = g_get_monotonic_time ();

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (worker));
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (out), FALSE);
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "ready");
  f->startup_usec += g_get_monotonic_time () - waited;

  g_output_stream_write_all (g_subprocess_get_stdin_pipe (worker), first_is_a ? "a\n" : "b\n", 2,
                             NULL, NULL, &error);
  g_assert_no_error (error);
}

/* Everything but the target must be one of GLib's hidden temporary files,
 * which a killed g_file_replace_contents() leaves behind. They are counted,
 * then removed so that 200 kills do not fill the disk. */
static void
check_folder (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->real_dir, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  if (f->mode == MODE_SYMLINK)
    g_assert_true (g_file_test (g_file_peek_path (f->target), G_FILE_TEST_IS_SYMLINK));
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (g_str_equal (name, TARGET_NAME))
        continue;

      if (!g_str_has_prefix (name, TEMP_PREFIX) || f->mode == MODE_READ_ONLY)
        g_error ("unexpected file left beside the session: %s", name);

      path = g_build_filename (f->real_dir, name, NULL);
      g_assert_cmpint (g_unlink (path), ==, 0);
      f->n_temp_files++;
    }
}

/* Returns whether the file now holds A. */
static gboolean
check_target (Fixture *f,
              gboolean was_a)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gboolean is_a;

  /* A and B were checked to load (expected_bytes()): equal bytes suffice. */
  bytes = g_file_load_bytes (f->real, NULL, NULL, &error);
  g_assert_no_error (error);
  is_a = g_bytes_equal (bytes, f->a);
  if (!is_a && !g_bytes_equal (bytes, f->b))
    g_error ("the session file is neither version A nor version B (%" G_GSIZE_FORMAT " bytes)",
             g_bytes_get_size (bytes));

  if (is_a)
    f->n_a++;
  else
    f->n_b++;
  if (is_a != was_a)
    f->n_changed++;

  return is_a;
}

static void
test_kill_during_save (gconstpointer data)
{
  Fixture f = { .mode = GPOINTER_TO_INT (data) };
  g_autoptr(GSubprocess) next = NULL;
  gboolean is_a = TRUE;
  gint64 start;

  fixture_set_up (&f);
  start = g_get_monotonic_time ();
  next = spawn_worker (&f);

  for (guint i = 0; i < N_KILLS; i++)
    {
      g_autoptr(GSubprocess) worker = g_steal_pointer (&next);
      g_autoptr(GError) error = NULL;
      gint64 checked;

      /* The kill lands within the first save (which replaces the version on
       * disk with the other one) or the second. The next worker builds its
       * sessions meanwhile; it touches no file until it is started. */
      start_worker (&f, worker, !is_a);
      if (i + 1 < N_KILLS)
        next = spawn_worker (&f);
      g_usleep (g_test_rand_int_range (0, (gint32) MIN (2 * f.save_usec, G_MAXINT32)));
      g_subprocess_send_signal (worker, SIGKILL);
      g_subprocess_wait (worker, NULL, &error);
      g_assert_no_error (error);
      if (!g_subprocess_get_if_signaled (worker))
        g_error ("the worker exited by itself (status %d)", g_subprocess_get_exit_status (worker));
      g_assert_cmpint (g_subprocess_get_term_sig (worker), ==, SIGKILL);

      checked = g_get_monotonic_time ();
      check_folder (&f);
      is_a = check_target (&f, is_a);
      f.check_usec += g_get_monotonic_time () - checked;
    }

  g_test_message ("session %" G_GSIZE_FORMAT " bytes; one save %" G_GINT64_FORMAT " ms; "
                  "%u kills in %.1f s (waiting for workers %.1f s, checks %.1f s): "
                  "A %u, B %u, changed %u, kills that left a temporary file %u",
                  g_bytes_get_size (f.a), f.save_usec / 1000, N_KILLS,
                  (g_get_monotonic_time () - start) / 1e6, f.startup_usec / 1e6, f.check_usec / 1e6,
                  f.n_a, f.n_b, f.n_changed, f.n_temp_files);

  /* The kills really hit saves: some mid-write (a temporary file was left)
   * and some after a completed save (the content changed). */
  g_assert_cmpuint (f.n_a + f.n_b, ==, N_KILLS);
  if (f.mode == MODE_READ_ONLY)
    {
      /* Refused every time: the file is still A, and nothing was written. */
      g_assert_cmpuint (f.n_a, ==, N_KILLS);
      g_assert_cmpuint (f.n_temp_files, ==, 0);
    }
  else
    {
      g_assert_cmpuint (f.n_changed, >, 0);
      g_assert_cmpuint (f.n_temp_files, >, 0);
    }

  fixture_tear_down (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/session-file/save/kill-during-save", GINT_TO_POINTER (MODE_PLAIN),
                        test_kill_during_save);
  g_test_add_data_func ("/session-file/save/kill-during-save-symlink", GINT_TO_POINTER (MODE_SYMLINK),
                        test_kill_during_save);
  g_test_add_data_func ("/session-file/save/kill-during-save-read-only-folder",
                        GINT_TO_POINTER (MODE_READ_ONLY), test_kill_during_save);

  return g_test_run ();
}
