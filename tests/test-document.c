/* test-document.c — a session's file life cycle, without a display
 *
 * Load, save, save as, autosave, recovery, a file changed on disk, a
 * read-only file, a file from a newer version, and the live verdict.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "apmm-document.h"
#include "apmm-drafts.h"
#include "apmm-session-file.h"

typedef struct {
  char  *tmpdir;
  char  *drafts;
  GFile *file;        /* a copy of an example in tmpdir */
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        {
          g_chmod (child, 0644);
          g_unlink (child);
        }
    }
  g_rmdir (path);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *example = g_build_filename (SRC_ROOT, "data", "examples", "meridian-insurance.apmm", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) drafts = NULL;
  gsize len;

  f->tmpdir = g_dir_make_tmp ("apmm-document-XXXXXX", NULL);
  f->drafts = g_build_filename (f->tmpdir, "drafts", NULL);
  drafts = g_file_new_for_path (f->drafts);
  apmm_drafts_set_dir (drafts);

  g_assert_true (g_file_get_contents (example, &contents, &len, NULL));
  path = g_build_filename (f->tmpdir, "meridian.apmm", NULL);
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  f->file = g_file_new_for_path (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  apmm_drafts_set_dir (NULL);
  g_clear_object (&f->file);
  remove_tree (f->tmpdir);
  g_free (f->tmpdir);
  g_free (f->drafts);
}

typedef struct {
  GAsyncResult *result;
} Wait;

static void
got_result_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
}

static GAsyncResult *
wait_for_result (Wait *wait)
{
  while (wait->result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return wait->result;
}

static ApmmDocument *
load (GFile   *file,
      GError **error)
{
  Wait wait = { NULL };
  ApmmDocument *document;

  apmm_document_load_async (file, NULL, got_result_cb, &wait);
  document = apmm_document_load_finish (wait_for_result (&wait), error);
  g_object_unref (wait.result);

  return document;
}

static gboolean
save (ApmmDocument          *document,
      GFile                 *file,
      ApmmDocumentSaveFlags  flags,
      GError               **error)
{
  Wait wait = { NULL };
  gboolean ok;

  apmm_document_save_async (document, file, flags, NULL, got_result_cb, &wait);
  ok = apmm_document_save_finish (document, wait_for_result (&wait), error);
  g_object_unref (wait.result);

  return ok;
}

static char *
read_text (GFile *file)
{
  char *contents = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  return contents;
}

static ApmmSession *
read_session (GFile *file)
{
  g_autoptr(GError) error = NULL;
  ApmmSession *session = apmm_session_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return session;
}

/* Waits, without a timing assert, until the drafts folder holds @n drafts. */
static GPtrArray *
wait_for_drafts (guint n)
{
  for (;;)
    {
      GPtrArray *drafts = apmm_drafts_list ();

      if (drafts->len == n)
        return drafts;
      g_ptr_array_unref (drafts);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *counter)
{
  (*counter)++;
}

static void
test_new (void)
{
  g_autoptr(ApmmDocument) document = apmm_document_new ();

  g_assert_cmpstr (apmm_document_get_title (document), ==, "Untitled Session");
  g_assert_cmpstr (apmm_document_get_subtitle (document), ==, "Not saved");
  g_assert_false (apmm_document_get_modified (document));
  g_assert_null (apmm_document_get_file (document));
  g_assert_nonnull (apmm_document_get_assessment (document));
  g_assert_nonnull (apmm_document_get_draft_id (document));

  apmm_session_set_organisation (apmm_document_get_session (document), "Acme Mutual");
  g_assert_cmpstr (apmm_document_get_title (document), ==, "Acme Mutual");
  g_assert_cmpstr (apmm_document_get_subtitle (document), ==, "Not saved — unsaved changes");
  g_assert_true (apmm_document_get_modified (document));

  apmm_session_set_date (apmm_document_get_session (document), "2026-12-01");
  g_autofree char *name = apmm_document_suggest_file_name (document);
  g_assert_cmpstr (name, ==, "Acme Mutual 2026-12-01.apmm");

  /* A window's title is the start of a very long name, not all 64 KiB of it. */
  {
    g_autofree char *long_name = g_strnfill (65536, 'x');

    memcpy (long_name, "Acme ", 5);
    apmm_session_set_organisation (apmm_document_get_session (document), long_name);
    g_assert_true (g_str_has_prefix (apmm_document_get_title (document), "Acme xxx"));
    g_assert_true (g_str_has_suffix (apmm_document_get_title (document), "…"));
    g_assert_cmpint (g_utf8_strlen (apmm_document_get_title (document), -1), <=, 81);
  }
}

static void
test_load (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmDocument) document = load (f->file, &error);

  g_assert_no_error (error);
  g_assert_true (g_file_equal (apmm_document_get_file (document), f->file));
  g_assert_nonnull (apmm_document_get_etag (document));
  g_assert_false (apmm_document_get_read_only (document));
  g_assert_false (apmm_document_get_modified (document));
  g_assert_false (apmm_document_get_changed_on_disk (document));
  g_assert_cmpstr (apmm_document_get_title (document), ==,
                   apmm_session_get_organisation (apmm_document_get_session (document)));
  g_assert_cmpstr (apmm_document_get_subtitle (document), ==, "meridian.apmm");
}

static void
test_load_refused (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GFile) bad = g_file_new_build_filename (TEST_DATA_DIR, "bad", "truncated.apmm", NULL);
  g_autoptr(GFile) missing = g_file_new_build_filename (f->tmpdir, "missing.apmm", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  g_autoptr(ApmmDocument) document = load (bad, &error);

  g_assert_null (document);
  g_assert_error (error, APMM_SESSION_ERROR, APMM_SESSION_ERROR_SYNTAX);

  g_assert_null (load (missing, &error2));
  g_assert_error (error2, APMM_SESSION_ERROR, APMM_SESSION_ERROR_NOT_FOUND);
}

/* A file written by a newer APMM Workshop is refused, so nothing can write
 * over it: there is no document to save. */
static void
test_newer_version_refused (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GFile) newer = g_file_new_build_filename (TEST_DATA_DIR, "bad", "newer-version.apmm", NULL);
  g_autoptr(GFile) copy = g_file_new_build_filename (f->tmpdir, "newer.apmm", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmDocument) document = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_copy (newer, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL));
  before = read_text (copy);

  document = load (copy, &error);
  g_assert_null (document);
  g_assert_error (error, APMM_SESSION_ERROR, APMM_SESSION_ERROR_NEWER_VERSION);

  after = read_text (copy);
  g_assert_cmpstr (before, ==, after);
}

static void
test_save (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmDocument) document = load (f->file, &error);
  g_autoptr(ApmmSession) written = NULL;
  ApmmSession *session = apmm_document_get_session (document);
  guint n_busy = 0;

  g_assert_no_error (error);
  g_signal_connect (document, "notify::busy", G_CALLBACK (count_cb), &n_busy);

  apmm_session_set_notes (session, "Saved notes");
  g_assert_true (apmm_document_get_modified (document));
  g_assert_cmpstr (apmm_document_get_subtitle (document), ==, "meridian.apmm — unsaved changes");

  g_assert_true (save (document, NULL, APMM_DOCUMENT_SAVE_NONE, &error));
  g_assert_no_error (error);
  g_assert_false (apmm_document_get_modified (document));
  g_assert_cmpstr (apmm_document_get_subtitle (document), ==, "meridian.apmm");
  g_assert_nonnull (apmm_document_get_etag (document));
  /* Busy while the worker wrote, idle after. */
  g_assert_cmpuint (n_busy, ==, 2);
  g_assert_false (apmm_document_get_busy (document));

  written = read_session (f->file);
  g_assert_cmpstr (apmm_session_get_notes (written), ==, "Saved notes");
}

/* Saving writes the state it was asked to save: edits made while the worker
 * writes stay unsaved, and are not lost. */
static void
test_edit_while_saving (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmDocument) document = load (f->file, &error);
  g_autoptr(ApmmSession) written = NULL;
  ApmmSession *session = apmm_document_get_session (document);
  Wait wait = { NULL };

  apmm_session_set_notes (session, "First");
  apmm_document_save_async (document, NULL, APMM_DOCUMENT_SAVE_NONE, NULL, got_result_cb, &wait);
  /* The save runs in the background: the main loop is free. */
  g_assert_true (apmm_document_get_busy (document));
  apmm_session_set_notes (session, "Second");

  g_assert_true (apmm_document_save_finish (document, wait_for_result (&wait), &error));
  g_assert_no_error (error);
  g_object_unref (wait.result);

  written = read_session (f->file);
  g_assert_cmpstr (apmm_session_get_notes (written), ==, "First");
  g_assert_true (apmm_document_get_modified (document));
  g_assert_cmpstr (apmm_session_get_notes (session), ==, "Second");

  /* Two saves asked at once run one after the other. */
  apmm_document_save_async (document, NULL, APMM_DOCUMENT_SAVE_NONE, NULL, NULL, NULL);
  g_assert_true (save (document, NULL, APMM_DOCUMENT_SAVE_NONE, &error));
  g_assert_no_error (error);
  g_assert_false (apmm_document_get_modified (document));
}

static void
test_save_as (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(ApmmDocument) document = apmm_document_new ();
  g_autoptr(GFile) target = g_file_new_build_filename (f->tmpdir, "new.apmm", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmSession) written = NULL;
  guint n_file = 0;

  g_signal_connect (document, "notify::file", G_CALLBACK (count_cb), &n_file);
  apmm_session_set_organisation (apmm_document_get_session (document), "Northwind");

  /* Never saved: there is no file to save to without asking. */
  g_assert_false (save (document, NULL, APMM_DOCUMENT_SAVE_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
  g_clear_error (&error);
  g_assert_true (apmm_document_get_modified (document));

  g_assert_true (save (document, target, APMM_DOCUMENT_SAVE_NONE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_file, ==, 1);
  g_assert_true (g_file_equal (apmm_document_get_file (document), target));
  g_assert_cmpstr (apmm_document_get_subtitle (document), ==, "new.apmm");
  g_assert_false (apmm_document_get_modified (document));

  written = read_session (target);
  g_assert_cmpstr (apmm_session_get_organisation (written), ==, "Northwind");
}

static void
test_autosave_and_recovery (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmDocument) document = load (f->file, &error);
  g_autoptr(ApmmDocument) recovered = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(ApmmSession) draft = NULL;
  g_autofree char *before = read_text (f->file);
  g_autofree char *now = NULL;
  ApmmDraftInfo *info;
  Wait wait = { NULL };
  ApmmStatus status;

  status = apmm_session_get_status (apmm_document_get_session (document), "l3.rollback");
  g_assert_cmpint (status, !=, APMM_STATUS_MET);
  apmm_document_set_autosave_delay (document, 1);
  apmm_session_set_status (apmm_document_get_session (document), "l3.rollback", APMM_STATUS_MET);

  /* A draft is written a moment after the change, beside the file. */
  drafts = wait_for_drafts (1);
  info = g_ptr_array_index (drafts, 0);
  g_assert_cmpstr (info->id, ==, apmm_document_get_draft_id (document));
  g_assert_true (g_file_equal (info->origin, f->file));
  draft = read_session (info->draft);
  g_assert_cmpint (apmm_session_get_status (draft, "l3.rollback"), ==, APMM_STATUS_MET);
  now = read_text (f->file);
  g_assert_cmpstr (before, ==, now);

  /* Recovery: the draft as unsaved work on the same file. */
  apmm_document_recover_async (info->id, info->draft, info->origin, NULL, got_result_cb, &wait);
  recovered = apmm_document_recover_finish (wait_for_result (&wait), &error);
  g_object_unref (wait.result);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (apmm_document_get_file (recovered), f->file));
  g_assert_true (apmm_document_get_modified (recovered));
  g_assert_cmpstr (apmm_document_get_draft_id (recovered), ==, info->id);
  g_assert_cmpint (apmm_session_get_status (apmm_document_get_session (recovered), "l3.rollback"), ==,
                   APMM_STATUS_MET);

  /* Undo goes back to what is on disk. */
  apmm_history_undo (apmm_document_get_history (recovered));
  g_assert_cmpint (apmm_session_get_status (apmm_document_get_session (recovered), "l3.rollback"), ==,
                   status);
  g_assert_false (apmm_document_get_modified (recovered));
  apmm_history_redo (apmm_document_get_history (recovered));

  /* Saving the recovered work removes the draft. */
  g_assert_true (save (recovered, NULL, APMM_DOCUMENT_SAVE_NONE, &error));
  g_assert_no_error (error);
  after = apmm_drafts_list ();
  g_assert_cmpuint (after->len, ==, 0);
}

static void
test_recover_never_saved (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(ApmmDocument) document = apmm_document_new ();
  g_autoptr(ApmmDocument) recovered = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  ApmmDraftInfo *info;
  Wait wait = { NULL };

  apmm_session_set_organisation (apmm_document_get_session (document), "Halcyon");
  apmm_document_write_draft (document);
  drafts = wait_for_drafts (1);
  info = g_ptr_array_index (drafts, 0);
  g_assert_null (info->origin);

  apmm_document_recover_async (info->id, info->draft, NULL, NULL, got_result_cb, &wait);
  recovered = apmm_document_recover_finish (wait_for_result (&wait), &error);
  g_object_unref (wait.result);
  g_assert_no_error (error);
  g_assert_null (apmm_document_get_file (recovered));
  g_assert_true (apmm_document_get_modified (recovered));
  g_assert_cmpstr (apmm_document_get_title (recovered), ==, "Halcyon");

  /* A document without autosave writes no draft of its own. */
  apmm_document_set_autosave (recovered, FALSE);
  g_assert_false (apmm_document_get_autosave (recovered));

  /* Discarding the work removes its draft. */
  apmm_document_discard_draft (recovered);
  g_ptr_array_unref (g_steal_pointer (&drafts));
  drafts = wait_for_drafts (0);
}

/* Another program wrote the file after it was opened: saving does not
 * replace that silently, until the user says so. */
static void
test_changed_on_disk (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmDocument) document = load (f->file, &error);
  g_autoptr(ApmmSession) written = NULL;
  g_autofree char *path = g_file_get_path (f->file);
  g_autofree char *theirs = NULL;
  g_autofree char *now = NULL;
  guint n_changed = 0;

  g_signal_connect (document, "notify::changed-on-disk", G_CALLBACK (count_cb), &n_changed);

  /* Their edit, with another modification time. */
  g_assert_true (g_file_set_contents (path, "{\"format\": \"someone else\"}\n", -1, NULL));
  g_assert_true (g_file_set_attribute_uint64 (f->file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                              (guint64) g_get_real_time () / G_USEC_PER_SEC + 3600,
                                              G_FILE_QUERY_INFO_NONE, NULL, NULL));
  theirs = read_text (f->file);

  apmm_session_set_notes (apmm_document_get_session (document), "Mine");
  g_assert_false (save (document, NULL, APMM_DOCUMENT_SAVE_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&error);
  g_assert_true (apmm_document_get_changed_on_disk (document));
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_true (apmm_document_get_modified (document));
  now = read_text (f->file);
  g_assert_cmpstr (now, ==, theirs);

  /* Overwriting, knowingly. */
  g_assert_true (save (document, NULL, APMM_DOCUMENT_SAVE_IGNORE_CHANGES, &error));
  g_assert_no_error (error);
  g_assert_false (apmm_document_get_changed_on_disk (document));
  written = read_session (f->file);
  g_assert_cmpstr (apmm_session_get_notes (written), ==, "Mine");
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_file_get_path (f->file);
  g_autoptr(GFile) other = g_file_new_build_filename (f->tmpdir, "copy.apmm", NULL);
  g_autoptr(ApmmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = read_text (f->file);
  g_autofree char *after = NULL;

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  document = load (f->file, &error);
  g_assert_no_error (error);
  g_assert_true (apmm_document_get_read_only (document));

  apmm_session_set_notes (apmm_document_get_session (document), "More notes");
  g_assert_false (save (document, NULL, APMM_DOCUMENT_SAVE_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
  g_clear_error (&error);
  after = read_text (f->file);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (apmm_document_get_modified (document));

  /* Save As elsewhere: the copy is writable. */
  g_assert_true (save (document, other, APMM_DOCUMENT_SAVE_NONE, &error));
  g_assert_no_error (error);
  g_assert_false (apmm_document_get_read_only (document));
  g_assert_true (g_file_equal (apmm_document_get_file (document), other));
}

/* The verdict is computed once per change, whatever the change, and follows
 * undo. */
static void
test_assessment_once_per_change (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmDocument) document = load (f->file, &error);
  g_autoptr(ApmmSession) other = apmm_session_new ();
  ApmmSession *session = apmm_document_get_session (document);
  ApmmAssessment *before;
  guint n_assessment = 0;
  guint evidence;

  g_signal_connect (document, "notify::assessment", G_CALLBACK (count_cb), &n_assessment);
  before = apmm_document_get_assessment (document);
  evidence = apmm_assessment_get_evidence_level (before);
  g_assert_cmpuint (evidence, >, 0);

  /* One rating: one new verdict. */
  apmm_session_set_status (session, "l1.tools-purchased", APMM_STATUS_NOT_MET);
  g_assert_cmpuint (n_assessment, ==, 1);
  g_assert_true (apmm_document_get_assessment (document) != before);
  g_assert_cmpuint (apmm_assessment_get_evidence_level (apmm_document_get_assessment (document)), ==, 0);

  /* A change that changes nothing: no new verdict. */
  apmm_session_set_status (session, "l1.tools-purchased", APMM_STATUS_NOT_MET);
  g_assert_cmpuint (n_assessment, ==, 1);

  /* Replacing everything at once is one change. */
  apmm_session_assign (session, other, "Replace");
  g_assert_cmpuint (n_assessment, ==, 2);

  /* Undo is a change too. */
  apmm_history_undo (apmm_document_get_history (document));
  apmm_history_undo (apmm_document_get_history (document));
  g_assert_cmpuint (n_assessment, ==, 4);
  g_assert_cmpuint (apmm_assessment_get_evidence_level (apmm_document_get_assessment (document)), ==,
                    evidence);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/document/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/document/new", test_new);
  ADD ("load", test_load);
  ADD ("load-refused", test_load_refused);
  ADD ("newer-version-refused", test_newer_version_refused);
  ADD ("save", test_save);
  ADD ("edit-while-saving", test_edit_while_saving);
  ADD ("save-as", test_save_as);
  ADD ("autosave-and-recovery", test_autosave_and_recovery);
  ADD ("recover-never-saved", test_recover_never_saved);
  ADD ("changed-on-disk", test_changed_on_disk);
  ADD ("read-only", test_read_only);
  ADD ("assessment-once-per-change", test_assessment_once_per_change);

#undef ADD

  return g_test_run ();
}
