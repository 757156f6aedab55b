/* test-file-writer.c — what every file the app writes is promised
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A full disk (a small tmpfs, where this machine lets us mount one) and a
 * file size limit (RLIMIT_FSIZE with SIGXFSZ ignored), for the writer itself
 * and for each of its users: a session save, a draft, a ladder export. Each
 * must fail with a clear message, leave the old file byte for byte and leave
 * no temporary file. Then symlinks, pipes, modes, unwritable folders, etags.
 */
#define G_LOG_DOMAIN "test-file-writer"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "apmm-drafts.h"
#include "apmm-export.h"
#include "apmm-file-writer.h"
#include "apmm-session-file.h"

#define OLD_CONTENT "the old file, which must survive\n"

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */
/* ------------------------------------------------------------------------ */

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("apmm-file-writer-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
write_old (const char *path)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, OLD_CONTENT, -1, &error);
  g_assert_no_error (error);
}

static void
assert_old (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, OLD_CONTENT);
}

/* Nothing but @expected (NULL-terminated names) in @dir: no temporary file. */
static void
assert_only (const char  *dir,
             const char  *first,
             ...)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  const char *name;
  va_list args;

  va_start (args, first);
  for (name = first; name != NULL; name = va_arg (args, const char *))
    g_ptr_array_add (expected, (char *) name);
  va_end (args);

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < expected->len; i++)
        found = found || g_str_equal (name, expected->pdata[i]);
      if (!found)
        g_error ("unexpected file in %s: %s", dir, name);
    }
}

static GBytes *
big_bytes (gsize size)
{
  char *data = g_malloc (size);

  memset (data, 'x', size);
  return g_bytes_new_take (data, size);
}

/* A valid session whose file is about 300 KiB. */
static ApmmSession *
big_session (void)
{
  ApmmSession *session = apmm_session_new ();

  apmm_session_set_organisation (session, "Johnson & Johnson");
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *id = apmm_session_new_action_id (session);
      g_autoptr(ApmmAction) action = apmm_action_new (id, "Big");

      g_free (action->description);
      action->description = g_strnfill (60000, 'd');
      apmm_session_insert_action (session, -1, action);
    }
  return session;
}

/* ------------------------------------------------------------------------ */
/* Full disks                                                                */
/* ------------------------------------------------------------------------ */

typedef gboolean (*WriteFunc) (const char  *dir,
                               const char  *name,
                               GError     **error);

static gboolean
write_raw (const char  *dir,
           const char  *name,
           GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = big_bytes (300 * 1024);

  return apmm_file_write_bytes (file, bytes, APMM_FILE_WRITE_NONE, NULL, NULL, NULL, error);
}

static gboolean
write_session (const char  *dir,
               const char  *name,
               GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ApmmSession) session = big_session ();

  return apmm_session_save_file (session, file, NULL, NULL, NULL, error);
}

static gboolean
write_draft (const char  *dir,
             const char  *name,
             GError     **error)
{
  g_autoptr(GFile) drafts = g_file_new_for_path (dir);
  g_autoptr(ApmmSession) session = big_session ();
  g_autofree char *id = g_strndup (name, strlen (name) - strlen (APMM_SESSION_EXTENSION));
  gboolean ok;

  apmm_drafts_set_dir (drafts);
  ok = apmm_drafts_write (id, session, NULL, error);
  apmm_drafts_set_dir (NULL);
  return ok;
}

static gboolean
write_export (const char  *dir,
              const char  *name,
              GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ApmmSession) session = big_session ();

  /* A 4096×4096 PNG of the ladder is well over the room left. */
  return apmm_export_session (session, "png", file, "4096x4096", error);
}

static const struct {
  const char *name;
  WriteFunc   write;
} writers[] = {
  { "raw.bin", write_raw },
  { "session.apmm", write_session },
  { "draft.apmm", write_draft },
  { "ladder.png", write_export },
};

/* Each writer over an existing file that cannot grow: the old file stays,
 * byte for byte, and no temporary file is left. */
static void
check_full (const char *dir,
            int         code,
            const char *what)
{
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      g_autofree char *path = g_build_filename (dir, writers[i].name, NULL);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s: %s", what, writers[i].name);
      g_assert_false (writers[i].write (dir, writers[i].name, &error));
      g_assert_error (error, G_IO_ERROR, code);
      g_assert_nonnull (strstr (error->message, "was not changed"));
      assert_old (path);
    }
}

static void
write_all_old (const char *dir)
{
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      g_autofree char *path = g_build_filename (dir, writers[i].name, NULL);
      write_old (path);
    }
}

static void
test_file_size_limit (void)
{
  g_autofree char *dir = make_dir ();
  struct rlimit old_limit, limit;
  void (*old_handler) (int);

  write_all_old (dir);
  /* As the app does (main.c): past the limit, write() fails with EFBIG. */
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  limit = old_limit;
  limit.rlim_cur = 64 * 1024;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  check_full (dir, G_IO_ERROR_FAILED, "file size limit");

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  signal (SIGXFSZ, old_handler);

  assert_only (dir, "raw.bin", "session.apmm", "draft.apmm", "draft.info", "ladder.png", NULL);
  remove_tree (dir);
}

static void
test_full_disk (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *filler = g_build_filename (dir, "filler", NULL);
  g_autoptr(GBytes) chunk = big_bytes (4096);
  FILE *fill;

  if (mount ("tmpfs", dir, "tmpfs", 0, "size=1m,mode=0700") != 0)
    {
      g_test_skip_printf ("cannot mount a tmpfs here (%s)", g_strerror (errno));
      g_rmdir (dir);
      return;
    }

  write_all_old (dir);
  /* The drafts' description is written first; it must fit, as it would on
   * a disk that filled while the session was being written. */
  {
    g_autofree char *info = g_build_filename (dir, "draft.info", NULL);
    write_old (info);
  }
  fill = fopen (filler, "w");
  g_assert_nonnull (fill);
  while (fwrite (g_bytes_get_data (chunk, NULL), 1, 4096, fill) == 4096 && fflush (fill) == 0)
    ;
  fclose (fill);

  check_full (dir, G_IO_ERROR_NO_SPACE, "full disk");

  assert_only (dir, "raw.bin", "session.apmm", "draft.apmm", "draft.info", "ladder.png",
               "filler", NULL);
  g_assert_cmpint (umount (dir), ==, 0);
  g_rmdir (dir);
}

/* ------------------------------------------------------------------------ */
/* Links, pipes, modes, folders, etags                                       */
/* ------------------------------------------------------------------------ */

static void
test_symlink_replaces_target (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *real_dir = g_build_filename (dir, "real", NULL);
  g_autofree char *real = g_build_filename (real_dir, "s.apmm", NULL);
  g_autofree char *link = g_build_filename (dir, "s.apmm", NULL);
  g_autofree char *dangling = g_build_filename (dir, "new.apmm", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (link);
  g_autoptr(GFile) dangling_file = g_file_new_for_path (dangling);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (real_dir, 0755), ==, 0);
  write_old (real);
  g_assert_cmpint (symlink ("real/s.apmm", link), ==, 0);
  g_assert_true (apmm_file_write_data (file, "new\n", 4, APMM_FILE_WRITE_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_file_get_contents (real, &contents, NULL, &error);
  g_assert_cmpstr (contents, ==, "new\n");
  assert_only (real_dir, "s.apmm", NULL);

  /* A link to a file not made yet creates that file. */
  g_assert_cmpint (symlink ("real/made.apmm", dangling), ==, 0);
  g_assert_true (apmm_file_write_data (dangling_file, "x", 1, APMM_FILE_WRITE_NONE, NULL, NULL, NULL, &error));
  g_assert_true (g_file_test (dangling, G_FILE_TEST_IS_SYMLINK));
  assert_only (real_dir, "s.apmm", "made.apmm", NULL);

  remove_tree (dir);
}

static void
test_fifo_refused_at_once (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (fifo);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  /* Opening a FIFO for writing would block until a reader comes: the test
   * would hang (and time out) if the writer tried. */
  g_assert_false (apmm_file_write_data (file, "x", 1, APMM_FILE_WRITE_NONE, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  assert_only (dir, "pipe.png", NULL);

  g_clear_error (&error);
  g_assert_false (apmm_file_write_data (file, "x", 1, APMM_FILE_WRITE_NONE, NULL, NULL, NULL, &error));
  remove_tree (dir);
}

static mode_t
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static void
test_modes (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *kept = g_build_filename (dir, "kept.png", NULL);
  g_autofree char *fresh = g_build_filename (dir, "fresh.png", NULL);
  g_autofree char *private = g_build_filename (dir, "private.apmm", NULL);
  g_autoptr(GFile) kept_file = g_file_new_for_path (kept);
  g_autoptr(GFile) fresh_file = g_file_new_for_path (fresh);
  g_autoptr(GFile) private_file = g_file_new_for_path (private);
  g_autoptr(GError) error = NULL;
  mode_t old_umask = umask (022);

  write_old (kept);
  g_assert_cmpint (g_chmod (kept, 0640), ==, 0);
  g_assert_true (apmm_file_write_data (kept_file, "a", 1, APMM_FILE_WRITE_NONE, NULL, NULL, NULL, &error));
  g_assert_cmpint (mode_of (kept), ==, 0640);

  g_assert_true (apmm_file_write_data (fresh_file, "a", 1, APMM_FILE_WRITE_NONE, NULL, NULL, NULL, &error));
  g_assert_cmpint (mode_of (fresh), ==, 0644);

  write_old (private);
  g_assert_cmpint (g_chmod (private, 0644), ==, 0);
  g_assert_true (apmm_file_write_data (private_file, "a", 1, APMM_FILE_WRITE_PRIVATE, NULL, NULL, NULL, &error));
  g_assert_cmpint (mode_of (private), ==, 0600);

  umask (old_umask);
  remove_tree (dir);
}

static void
test_unwritable_folder_refused (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "s.apmm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  /* As root, permissions do not stop a write: a read-only tmpfs does. */
  if (getuid () == 0)
    {
      if (mount ("tmpfs", dir, "tmpfs", 0, "size=64k,mode=0755") != 0)
        {
          g_test_skip_printf ("cannot mount a tmpfs here (%s)", g_strerror (errno));
          g_rmdir (dir);
          return;
        }
      write_old (path);
      g_assert_cmpint (mount (NULL, dir, NULL, MS_REMOUNT | MS_RDONLY, NULL), ==, 0);
    }
  else
    {
      write_old (path);
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
    }

  g_assert_false (apmm_file_write_data (file, "new", 3, APMM_FILE_WRITE_NONE, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  if (getuid () != 0)
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_assert_nonnull (strstr (error->message, "another folder"));
    }
  assert_old (path);
  assert_only (dir, "s.apmm", NULL);

  if (getuid () == 0)
    g_assert_cmpint (umount (dir), ==, 0);
  else
    g_chmod (dir, 0700);
  remove_tree (dir);
}

static void
test_etag (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "s.apmm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(GFileInfo) info = NULL;

  g_assert_true (apmm_file_write_data (file, "one", 3, APMM_FILE_WRITE_NONE, NULL, &etag, NULL, &error));
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_cmpstr (etag, ==, g_file_info_get_etag (info));

  g_assert_false (apmm_file_write_data (file, "two", 3, APMM_FILE_WRITE_NONE, "1:2", NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&error);
  g_assert_true (apmm_file_write_data (file, "two", 3, APMM_FILE_WRITE_NONE, etag, NULL, NULL, &error));
  g_assert_no_error (error);

  remove_tree (dir);
}

/* A producer that fails half-way keeps the old file. */
static gboolean
half_then_fail_cb (ApmmFileSink  *sink,
                   gpointer       user_data,
                   GError       **error)
{
  if (!apmm_file_sink_write (sink, "half", 4, error))
    return FALSE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the drawing failed");
  return FALSE;
}

static void
test_producer_failure (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "s.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  write_old (path);
  g_assert_false (apmm_file_write (file, APMM_FILE_WRITE_NONE, half_then_fail_cb, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  assert_old (path);
  assert_only (dir, "s.png", NULL);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/file-writer/full/file-size-limit", test_file_size_limit);
  g_test_add_func ("/file-writer/full/tmpfs", test_full_disk);
  g_test_add_func ("/file-writer/symlink", test_symlink_replaces_target);
  g_test_add_func ("/file-writer/fifo", test_fifo_refused_at_once);
  g_test_add_func ("/file-writer/modes", test_modes);
  g_test_add_func ("/file-writer/unwritable-folder", test_unwritable_folder_refused);
  g_test_add_func ("/file-writer/etag", test_etag);
  g_test_add_func ("/file-writer/producer-failure", test_producer_failure);

  return g_test_run ();
}
