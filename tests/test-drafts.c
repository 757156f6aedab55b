/* test-drafts.c — autosaved drafts survive what a crash can leave behind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "apmm-drafts.h"
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

  g_assert_true (g_file_set_contents (stale, "{ half a sess", -1, NULL));
  drafts = apmm_drafts_list ();
  g_assert_cmpuint (drafts->len, ==, 0);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/drafts/write-list-remove", test_write_list_remove);
  g_test_add_func ("/drafts/without-info-is-offered", test_draft_without_info_is_offered);
  g_test_add_func ("/drafts/stale-temp-files-cleaned", test_stale_temp_files_cleaned);
  g_test_add_func ("/drafts/newest-first", test_newest_first);

  return g_test_run ();
}
