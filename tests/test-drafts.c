/* test-drafts.c — autosaved drafts survive what a crash can leave behind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "apmm-drafts.h"
#include "apmm-file-writer.h"
#include "apmm-session-file.h"

static char *
make_dir (void)
{
  char *path = g_dir_make_tmp ("apmm-drafts-XXXXXX", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (path);

  apmm_drafts_set_dir (dir);
  return path;
}

static void
remove_dir (char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  g_rmdir (path);
  g_free (path);
  apmm_drafts_set_dir (NULL);
}

static void
test_write_list_remove (void)
{
  char *path = make_dir ();
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(GFile) origin = g_file_new_for_path ("/tmp/client.apmm");
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(ApmmSession) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = apmm_drafts_new_id ();
  ApmmDraftInfo *info;

  apmm_session_set_organisation (session, "Northwind");
  apmm_session_set_status (session, "l1.tools-purchased", APMM_STATUS_MET);
  g_assert_true (apmm_drafts_write (id, session, origin, &error));
  g_assert_no_error (error);

  drafts = apmm_drafts_list ();
  g_assert_cmpuint (drafts->len, ==, 1);
  info = g_ptr_array_index (drafts, 0);
  g_assert_cmpstr (info->id, ==, id);
  g_assert_cmpstr (info->title, ==, "Northwind");
  g_assert_true (g_file_equal (info->origin, origin));

  restored = apmm_session_load_file (info->draft, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (apmm_session_equal (restored, session));

  g_assert_true (apmm_drafts_remove (id, &error));
  after = apmm_drafts_list ();
  g_assert_cmpuint (after->len, ==, 0);

  remove_dir (path);
}

static void
test_draft_without_info_is_offered (void)
{
  char *path = make_dir ();
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(GPtrArray) drafts = NULL;
  g_autofree char *id = apmm_drafts_new_id ();
  g_autofree char *info_name = g_strconcat (id, ".info", NULL);
  g_autofree char *info_path = g_build_filename (path, info_name, NULL);
  ApmmDraftInfo *info;

  g_assert_true (apmm_drafts_write (id, session, NULL, NULL));
  g_assert_cmpint (g_unlink (info_path), ==, 0);

  /* The work is there even if its description is not. */
  drafts = apmm_drafts_list ();
  g_assert_cmpuint (drafts->len, ==, 1);
  info = g_ptr_array_index (drafts, 0);
  g_assert_null (info->origin);
  g_assert_cmpint (g_date_time_to_unix (info->modified), >, 0);

  remove_dir (path);
}

static void
test_stale_temp_files_cleaned (void)
{
  char *path = make_dir ();
  g_autofree char *stale = g_build_filename (path, ".goutputstream-ABC123", NULL);
  g_autoptr(GPtrArray) drafts = NULL;

  g_autofree char *ours = g_build_filename (path, APMM_FILE_WRITER_TEMP_PREFIX "XYZ789", NULL);

  g_autofree char *writing = g_build_filename (path, APMM_FILE_WRITER_TEMP_PREFIX "NOW123", NULL);
  struct utimbuf an_hour_ago = { time (NULL) - 3600, time (NULL) - 3600 };

  g_assert_true (g_file_set_contents (stale, "{ half a sess", -1, NULL));
  g_assert_true (g_file_set_contents (ours, "{ half a sess", -1, NULL));
  g_assert_cmpint (utime (stale, &an_hour_ago), ==, 0);
  g_assert_cmpint (utime (ours, &an_hour_ago), ==, 0);
  /* A draft being written by another window right now. */
  g_assert_true (g_file_set_contents (writing, "{ half a sess", -1, NULL));

  drafts = apmm_drafts_list ();
  g_assert_cmpuint (drafts->len, ==, 0);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (ours, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (writing, G_FILE_TEST_EXISTS));
  g_unlink (writing);

  remove_dir (path);
}

static void
test_newest_first (void)
{
  char *path = make_dir ();
  g_autoptr(ApmmSession) a = apmm_session_new ();
  g_autoptr(ApmmSession) b = apmm_session_new ();
  g_autoptr(GPtrArray) drafts = NULL;

  apmm_session_set_organisation (a, "Older");
  apmm_session_set_organisation (b, "Newer");
  g_assert_true (apmm_drafts_write ("a", a, NULL, NULL));
  g_usleep (1100 * 1000);
  g_assert_true (apmm_drafts_write ("b", b, NULL, NULL));

  drafts = apmm_drafts_list ();
  g_assert_cmpuint (drafts->len, ==, 2);
  g_assert_cmpstr (((ApmmDraftInfo *) g_ptr_array_index (drafts, 0))->title, ==, "Newer");

  remove_dir (path);
}

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

/* Drafts hold client data the user never placed: 0600 files in a 0700
 * folder, even where an earlier version made them 0644 in 0755. */
static void
test_private_modes (void)
{
  char *path = make_dir ();
  g_autofree char *drafts = g_build_filename (path, "nested", "drafts", NULL);
  g_autoptr(GFile) drafts_dir = g_file_new_for_path (drafts);
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = apmm_drafts_new_id ();
  g_autofree char *name = g_strconcat (id, APMM_SESSION_EXTENSION, NULL);
  g_autofree char *info_name = g_strconcat (id, ".info", NULL);
  g_autofree char *draft = g_build_filename (drafts, name, NULL);
  g_autofree char *info = g_build_filename (drafts, info_name, NULL);
  g_autofree char *nested = g_build_filename (path, "nested", NULL);
  mode_t old_umask = umask (022);

  apmm_drafts_set_dir (drafts_dir);
  g_assert_true (apmm_drafts_write (id, session, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmphex (mode_of (drafts), ==, 0700);
  g_assert_cmphex (mode_of (nested), ==, 0700);
  g_assert_cmphex (mode_of (draft), ==, 0600);
  g_assert_cmphex (mode_of (info), ==, 0600);

  g_assert_cmpint (g_chmod (drafts, 0755), ==, 0);
  g_assert_cmpint (g_chmod (draft, 0644), ==, 0);
  apmm_session_set_organisation (session, "Again");
  g_assert_true (apmm_drafts_write (id, session, NULL, &error));
  g_assert_cmphex (mode_of (drafts), ==, 0700);
  g_assert_cmphex (mode_of (draft), ==, 0600);

  umask (old_umask);
  apmm_drafts_remove (id, NULL);
  g_rmdir (drafts);
  g_rmdir (nested);
  remove_dir (path);
}

/* A draft the reader would refuse is never written: the previous one
 * stays and recovers. */
static void
test_over_limit_keeps_last_good_draft (void)
{
  char *path = make_dir ();
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(ApmmSession) restored = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = apmm_drafts_new_id ();
  g_autofree char *at_limit = g_strnfill (APMM_SESSION_MAX_STRING, 'n');
  g_autofree char *pasted = g_strnfill (78 * 1024, 'n');

  apmm_session_set_notes (session, at_limit);
  g_assert_true (apmm_drafts_write (id, session, NULL, &error));
  g_assert_no_error (error);

  apmm_session_set_notes (session, pasted);
  g_assert_false (apmm_drafts_write (id, session, NULL, &error));
  g_assert_error (error, APMM_SESSION_ERROR, APMM_SESSION_ERROR_TOO_LARGE);
  g_clear_error (&error);

  drafts = apmm_drafts_list ();
  g_assert_cmpuint (drafts->len, ==, 1);
  restored = apmm_session_load_file (((ApmmDraftInfo *) drafts->pdata[0])->draft, NULL, &error);
  g_assert_nonnull (restored);
  g_assert_cmpstr (apmm_session_get_notes (restored), ==, at_limit);

  apmm_drafts_remove (id, NULL);
  remove_dir (path);
}

/* A temporary file a writer still holds (locked) is not a stale one: listing
 * drafts while another draft is being written must not remove it. */
static void
test_temp_file_in_use_kept (void)
{
  char *path = make_dir ();
  g_autofree char *busy = g_build_filename (path, APMM_FILE_WRITER_TEMP_PREFIX "BUSY01", NULL);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GPtrArray) after = NULL;
  struct utimbuf an_hour_ago = { time (NULL) - 3600, time (NULL) - 3600 };
  int fd = open (busy, O_WRONLY | O_CREAT | O_EXCL, 0600);

  /* Old enough to look stale: only the writer's lock keeps it. */
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (utime (busy, &an_hour_ago), ==, 0);
  g_assert_cmpint (flock (fd, LOCK_EX), ==, 0);
  drafts = apmm_drafts_list ();
  g_assert_true (g_file_test (busy, G_FILE_TEST_EXISTS));

  close (fd);
  after = apmm_drafts_list ();
  g_assert_false (g_file_test (busy, G_FILE_TEST_EXISTS));
  remove_dir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/drafts/write-list-remove", test_write_list_remove);
  g_test_add_func ("/drafts/without-info-is-offered", test_draft_without_info_is_offered);
  g_test_add_func ("/drafts/stale-temp-files-cleaned", test_stale_temp_files_cleaned);
  g_test_add_func ("/drafts/newest-first", test_newest_first);
  g_test_add_func ("/drafts/private-modes", test_private_modes);
  g_test_add_func ("/drafts/temp-file-in-use-kept", test_temp_file_in_use_kept);
  g_test_add_func ("/drafts/over-limit-keeps-last-good-draft", test_over_limit_keeps_last_good_draft);

  return g_test_run ();
}
