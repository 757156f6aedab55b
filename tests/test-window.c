/* test-window.c — the window's file life cycle as a user meets it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "apmm-criterion-row.h"
#include "apmm-drafts.h"
#include "apmm-session-file.h"
#include "apmm-test-utils.h"
#include "apmm-window-private.h"

typedef struct {
  char        *tmpdir;
  ApmmWindow  *window;
} Fixture;

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* Loads @file as Open does and waits until it is read (in the background).
 * Returns whether the window now shows it. */
static gboolean
load_and_wait (ApmmWindow *window,
               GFile      *file)
{
  apmm_window_load_file (window, file);
  while (apmm_window_is_loading (window))
    g_main_context_iteration (NULL, TRUE);

  return apmm_window_get_file (window) != NULL && g_file_equal (apmm_window_get_file (window), file);
}

/* Saving writes in the background: waits until the document is written. */
static void
wait_until_saved (ApmmWindow *window)
{
  ApmmDocument *document = apmm_window_get_document (window);

  while (document != NULL && apmm_document_get_busy (document))
    g_main_context_iteration (NULL, TRUE);
}

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
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GFile) drafts = NULL;
  g_autofree char *drafts_path = NULL;

  f->tmpdir = g_dir_make_tmp ("apmm-window-XXXXXX", NULL);
  drafts_path = g_build_filename (f->tmpdir, "drafts", NULL);
  drafts = g_file_new_for_path (drafts_path);
  apmm_drafts_set_dir (drafts);

  f->window = apmm_window_new (NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate (50);
}

static void
close_all_dialogs (void)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) || GTK_IS_DIALOG (l->data))
      gtk_window_destroy (l->data);
  g_list_free (toplevels);
}

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
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  close_all_dialogs ();
  /* Skip the unsaved-changes question: the test is over. */
  f->window->close_confirmed = TRUE;
  g_object_ref (f->window);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->window);

  apmm_drafts_set_dir (NULL);
  remove_tree (f->tmpdir);
  g_free (f->tmpdir);
}

static AdwMessageDialog *
find_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  AdwMessageDialog *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);

  return found;
}

/* Answers like a click on the button: respond, then the dialog goes away. */
/* The file chooser a Save As shows (in-process: GTK_USE_PORTAL=0). */
static GtkWindow *
find_file_chooser (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (GTK_IS_FILE_CHOOSER (l->data) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);

  return found;
}

static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate (20);
}

static char *
example_path (Fixture    *f,
              const char *name)
{
  g_autofree char *resource = g_strdup_printf ("/org/apmm/Workshop/core/examples/%s.apmm", name);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, NULL);
  char *path = g_build_filename (f->tmpdir, "session.apmm", NULL);

  g_assert_nonnull (bytes);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));

  return path;
}

static char *
checksum_of (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

static void
test_welcome (Fixture       *f,
              gconstpointer  data)
{
  g_assert_null (apmm_window_get_session (f->window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->main_stack), ==, "welcome");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "APMM Workshop");
  g_assert_true (apmm_window_is_disposable (f->window));
  g_assert_false (gtk_widget_get_visible (f->window->undo_button));
}

/* A window opened for a session still being read shows neither the
 * welcome page nor its recent files, only a spinner after a while; the
 * session replaces it, and with nothing to wait for the welcome returns. */
static void
test_opening (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *spinner = GTK_WIDGET (f->window->opening_spinner);

  apmm_window_set_opening (f->window, TRUE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->main_stack), ==, "opening");
  g_assert_false (gtk_widget_get_visible (spinner));
  g_assert_true (apmm_window_is_disposable (f->window));
  iterate (700);
  g_assert_true (gtk_widget_get_visible (spinner));
  g_assert_true (gtk_widget_is_drawable (spinner));

  apmm_window_open_example (f->window, "meridian-insurance");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->main_stack), ==, "session");
  g_assert_false (gtk_widget_get_visible (spinner));

  /* Opening again with a session in the window changes nothing. */
  apmm_window_set_opening (f->window, TRUE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->main_stack), ==, "session");
  apmm_window_set_opening (f->window, FALSE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->main_stack), ==, "session");
}

static void
test_opening_fails (Fixture       *f,
                    gconstpointer  data)
{
  apmm_window_set_opening (f->window, TRUE);
  apmm_window_set_opening (f->window, FALSE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->main_stack), ==, "welcome");
  iterate (700);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window->opening_spinner)));
}

static void
test_open_example (Fixture       *f,
                   gconstpointer  data)
{
  apmm_window_open_example (f->window, "meridian-insurance");

  g_assert_nonnull (apmm_window_get_session (f->window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->main_stack), ==, "session");
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (f->window)), "Meridian"));
  /* An example is a new, untitled copy: nothing unsaved yet, no file. */
  g_assert_null (apmm_window_get_file (f->window));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (f->window)), "•"));
}

static void
count_items_changed (guint *changes)
{
  (*changes)++;
}

static void
test_unsaved_mark_and_undo (Fixture       *f,
                            gconstpointer  data)
{
  ApmmSession *session;

  apmm_window_open_example (f->window, "meridian-insurance");
  session = apmm_window_get_session (f->window);

  apmm_session_set_organisation (session, "Acme Mutual");
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (f->window)), "• Acme Mutual"));
  g_assert_true (gtk_widget_is_sensitive (f->window->undo_button));

  /* The main menu says what Undo would undo. */
  {
    g_autofree char *label = NULL;

    g_assert_cmpint (g_menu_model_get_n_items (G_MENU_MODEL (f->window->edit_section)), ==, 2);
    g_assert_true (g_menu_model_get_item_attribute (G_MENU_MODEL (f->window->edit_section), 0,
                                                    "label", "s", &label));
    g_assert_cmpstr (label, ==, "_Undo “Change organisation”");
  }

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (f->window)), "•"));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (f->window)), "Meridian"));

  /* Rating a criterion back to what the file says makes the session
   * unmodified again, with Undo's label unchanged: the menu's items stay in
   * place (an open menu is not rebuilt under the pointer). Undo's label
   * follows the next kind of edit. */
  {
    g_autofree char *label = NULL;
    ApmmStatus saved = apmm_session_get_status (session, "l1.tools-purchased");
    guint changes = 0;
    gulong id;

    apmm_session_set_status (session, "l1.tools-purchased",
                             saved == APMM_STATUS_NOT_MET ? APMM_STATUS_PARTLY : APMM_STATUS_NOT_MET);
    g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (f->window)), "•"));
    id = g_signal_connect_swapped (f->window->edit_section, "items-changed",
                                   G_CALLBACK (count_items_changed), &changes);
    apmm_session_set_status (session, "l1.tools-purchased", saved);
    g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (f->window)), "•"));
    g_assert_cmpuint (changes, ==, 0);
    apmm_session_set_title (session, "Readiness review");
    g_assert_cmpuint (changes, >, 0);
    g_assert_true (g_menu_model_get_item_attribute (G_MENU_MODEL (f->window->edit_section), 0,
                                                    "label", "s", &label));
    g_assert_cmpstr (label, ==, "_Undo “Change workshop title”");
    g_signal_handler_disconnect (f->window->edit_section, id);
  }
}

static void
test_bad_file_keeps_session (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (f->tmpdir, "bad.apmm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (bad);
  ApmmSession *before;
  AdwMessageDialog *dialog;

  apmm_window_open_example (f->window, "northwind-logistics");
  before = apmm_window_get_session (f->window);

  g_assert_true (g_file_set_contents (bad, "{\"format\": \"apmm-session\", \"version\": 1,", -1, NULL));
  g_assert_false (load_and_wait (f->window, file));

  /* The reason is shown and the work on screen stays. */
  g_assert_true (apmm_window_get_session (f->window) == before);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "bad.apmm"));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), !=, "");
}

static void
test_newer_version_untouched (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->tmpdir, "future.apmm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (path,
                                      "{\"format\": \"apmm-session\", \"version\": 2, \"model\": \"apmm-1\"}\n",
                                      -1, NULL));
  before = checksum_of (path);

  g_assert_false (load_and_wait (f->window, file));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "newer"));
  /* Nothing was opened, so nothing can be saved over it. */
  g_assert_null (apmm_window_get_session (f->window));

  after = checksum_of (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_save_and_external_change (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *path = example_path (f, "meridian-insurance");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ApmmSession) reloaded = NULL;
  g_autofree char *external = NULL;
  g_autofree char *after = NULL;
  ApmmSession *session;
  AdwMessageDialog *dialog;
  struct timespec ts;

  g_assert_true (load_and_wait (f->window, file));
  session = apmm_window_get_session (f->window);

  /* A plain save writes the change and clears the unsaved mark. */
  apmm_session_set_facilitator (session, "Sam Okafor");
  apmm_window_save (f->window);
  wait_until_saved (f->window);
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (f->window)), "•"));
  reloaded = apmm_session_load_file (file, NULL, NULL);
  g_assert_nonnull (reloaded);
  g_assert_cmpstr (apmm_session_get_facilitator (reloaded), ==, "Sam Okafor");

  /* Another program rewrites the file (a second later, so the etag changes). */
  g_assert_true (g_file_set_contents (path, "{\"format\": \"apmm-session\", \"version\": 1, "
                                            "\"model\": \"apmm-1\", \"organisation\": \"Theirs\"}\n",
                                      -1, NULL));
  clock_gettime (CLOCK_REALTIME, &ts);
  {
    g_autoptr(GFileInfo) info = g_file_info_new ();
    g_file_info_set_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED, ts.tv_sec + 5);
    g_assert_true (g_file_set_attributes_from_info (file, info, G_FILE_QUERY_INFO_NONE, NULL, NULL));
  }
  external = checksum_of (path);

  apmm_session_set_facilitator (session, "Ines Moreau");
  apmm_window_save (f->window);
  wait_until_saved (f->window);

  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "File Changed on Disk");
  respond (dialog, "cancel");

  /* Cancel leaves their version on disk and ours on screen, unsaved. */
  after = checksum_of (path);
  g_assert_cmpstr (external, ==, after);
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (f->window)), "•"));
}

static void
test_read_only_file (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = example_path (f, "halcyon-health");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  before = checksum_of (path);

  g_assert_true (load_and_wait (f->window, file));
  g_assert_true (gtk_info_bar_get_revealed (f->window->info_bar));
  g_assert_nonnull (strstr (gtk_label_get_text (f->window->info_label), "read-only"));

  /* Saving a read-only file asks where instead (a file chooser), never writes it. */
  apmm_session_set_notes (apmm_window_get_session (f->window), "More notes");
  apmm_window_save (f->window);
  iterate (100);
  g_assert_nonnull (find_file_chooser ());
  close_all_dialogs ();

  after = checksum_of (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_unwritable_folder_keeps_work (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *blocker = g_build_filename (f->tmpdir, "not-a-folder", NULL);
  g_autofree char *target = g_build_filename (blocker, "session.apmm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(GPtrArray) drafts = NULL;
  AdwMessageDialog *dialog;

  /* A path whose "folder" is a file cannot be written, even by root. */
  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  apmm_window_open_example (f->window, "northwind-logistics");
  apmm_session_set_notes (apmm_window_get_session (f->window), "Precious notes");

  /* What the Save dialog does with the path picked. */
  _apmm_window_save_to (f->window, file);
  wait_until_saved (f->window);

  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_heading (dialog), "Could Not Save"));
  g_assert_cmpstr (apmm_session_get_notes (apmm_window_get_session (f->window)), ==, "Precious notes");
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (f->window)), "•"));

  /* …and the work is also in a draft. */
  drafts = wait_for_drafts (1);
  g_assert_cmpuint (drafts->len, ==, 1);

  /* The dialog offers to save it elsewhere, and that asks where. */
  g_assert_null (find_file_chooser ());
  respond (dialog, "save-as");
  iterate (100);
  g_assert_nonnull (find_file_chooser ());
  close_all_dialogs ();
  g_assert_cmpstr (apmm_session_get_notes (apmm_window_get_session (f->window)), ==, "Precious notes");
}

static void
test_confirm_discard (Fixture       *f,
                      gconstpointer  data)
{
  AdwMessageDialog *dialog;

  apmm_window_open_example (f->window, "meridian-insurance");
  apmm_session_set_title (apmm_window_get_session (f->window), "Day two");

  /* New Session with unsaved work asks; Cancel keeps everything. */
  apmm_window_new_session (f->window);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  respond (dialog, "cancel");
  g_assert_cmpstr (apmm_session_get_title (apmm_window_get_session (f->window)), ==, "Day two");

  /* Discard really starts afresh. */
  apmm_window_new_session (f->window);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  respond (dialog, "discard");
  g_assert_cmpstr (apmm_session_get_title (apmm_window_get_session (f->window)), ==, "");
  g_assert_cmpstr (apmm_session_get_organisation (apmm_window_get_session (f->window)), ==, "");
}

static void
test_close_asks (Fixture       *f,
                 gconstpointer  data)
{
  AdwMessageDialog *dialog;

  apmm_window_open_example (f->window, "meridian-insurance");
  apmm_session_set_title (apmm_window_get_session (f->window), "Unsaved");

  gtk_window_close (GTK_WINDOW (f->window));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  respond (dialog, "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
}

static void
got_result_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_autosave_and_restore (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = example_path (f, "meridian-insurance");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autofree char *before = checksum_of (path);
  g_autofree char *after = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(ApmmDocument) recovered = NULL;
  ApmmDraftInfo *info;
  ApmmWindow *second;

  g_settings_set_uint (settings, "autosave-delay", 1);
  g_assert_true (load_and_wait (f->window, file));
  apmm_session_set_status (apmm_window_get_session (f->window), "l3.rollback", APMM_STATUS_MET);

  drafts = wait_for_drafts (1);
  info = g_ptr_array_index (drafts, 0);
  g_assert_true (g_file_equal (info->origin, file));

  /* The file itself is untouched until the user saves. */
  after = checksum_of (path);
  g_assert_cmpstr (before, ==, after);

  /* A second window restores the draft as unsaved work on the same file. */
  second = apmm_window_new (NULL);
  apmm_document_recover_async (info->id, info->draft, info->origin, NULL, got_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  recovered = apmm_document_recover_finish (result, NULL);
  g_assert_nonnull (recovered);
  apmm_window_set_document (second, recovered);
  g_assert_cmpint (apmm_session_get_status (apmm_window_get_session (second), "l3.rollback"), ==,
                   APMM_STATUS_MET);
  g_assert_true (g_file_equal (apmm_window_get_file (second), file));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (second)), "•"));

  /* Undo goes back to what is on disk. */
  gtk_widget_activate_action (GTK_WIDGET (second), "win.undo", NULL);
  g_assert_cmpint (apmm_session_get_status (apmm_window_get_session (second), "l3.rollback"), !=,
                   APMM_STATUS_MET);

  second->close_confirmed = TRUE;
  g_object_ref (second);
  gtk_window_destroy (GTK_WINDOW (second));
  g_assert_finalize_object (second);
  g_settings_reset (settings, "autosave-delay");
}

static void
test_saving_removes_draft (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = example_path (f, "meridian-insurance");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GPtrArray) after = NULL;

  g_settings_set_uint (settings, "autosave-delay", 1);
  g_assert_true (load_and_wait (f->window, file));
  apmm_session_set_notes (apmm_window_get_session (f->window), "draft me");
  drafts = wait_for_drafts (1);

  apmm_window_save (f->window);
  wait_until_saved (f->window);
  after = apmm_drafts_list ();
  g_assert_cmpuint (after->len, ==, 0);
  g_settings_reset (settings, "autosave-delay");
}

static void
test_details_sidebar (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *flap;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1600, 900);
  apmm_window_open_example (f->window, "meridian-insurance");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-details", NULL);
  iterate (800);

  /* The details open beside the page as a sidebar, not over half the window. */
  g_assert_true (adw_flap_get_reveal_flap (f->window->details_flap));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (f->window->details_button)));
  flap = adw_flap_get_flap (f->window->details_flap);
  g_assert_cmpint (gtk_widget_get_width (flap), >=, 360);
  g_assert_cmpint (gtk_widget_get_width (flap), <=, 440);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window->view_stack)), >,
                   gtk_widget_get_width (GTK_WIDGET (f->window)) / 2);

  /* The header button closes it again, and says so. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (f->window->details_button), FALSE);
  g_assert_false (adw_flap_get_reveal_flap (f->window->details_flap));
}

static void
test_tab_reaches_every_page (Fixture       *f,
                             gconstpointer  data)
{
  const char *pages[] = { "explorer", "assessment", "gaps", "roadmap" };
  AdwBin *bins[] = { f->window->explorer_bin, f->window->assessment_bin,
                     f->window->gaps_bin, f->window->roadmap_bin };

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 768);
  apmm_window_open_example (f->window, "meridian-insurance");

  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      GtkWidget *previous = NULL;
      gboolean inside = FALSE;

      adw_view_stack_set_visible_child_name (f->window->view_stack, pages[p]);
      iterate (300);
      gtk_window_set_focus (GTK_WINDOW (f->window), NULL);

      /* Keyboard users Tab from the header into the page and on through it:
       * focus must never get stuck, and never land on a hidden page. */
      for (guint i = 0; i < 40; i++)
        {
          GtkWidget *focus;

          g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
          focus = gtk_root_get_focus (GTK_ROOT (f->window));
          g_assert_nonnull (focus);
          g_assert_true (focus != previous);
          g_assert_true (gtk_widget_is_drawable (focus));
          for (guint b = 0; b < G_N_ELEMENTS (bins); b++)
            if (b != p)
              g_assert_false (gtk_widget_is_ancestor (focus, GTK_WIDGET (bins[b])));
          inside |= gtk_widget_is_ancestor (focus, GTK_WIDGET (bins[p]));
          previous = focus;
        }

      g_assert_true (inside);
    }
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  return NULL;
}

static void
test_drop_file (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = example_path (f, "halcyon-health");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkDropTarget *target = find_drop_target (GTK_WIDGET (f->window));
  GValue value = G_VALUE_INIT;
  GSList *files = g_slist_prepend (NULL, file);
  gboolean accepted = FALSE;

  /* A file dropped on the window opens like one picked in Open. */
  g_assert_nonnull (target);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_slist_free (files);

  g_assert_true (accepted);
  while (apmm_window_is_loading (f->window))
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (apmm_window_get_file (f->window));
  g_assert_true (g_file_equal (apmm_window_get_file (f->window), file));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (f->window)), "Halcyon"));
}

static gboolean
has_css_class (GtkWidget     *widget,
               gconstpointer  css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

static gboolean
is_criterion_row (GtkWidget     *widget,
                  gconstpointer  id)
{
  return APMM_IS_CRITERION_ROW (widget)
         && g_strcmp0 (apmm_criterion_row_get_criterion_id (APMM_CRITERION_ROW (widget)), id) == 0;
}

static GtkWidget *
status_button (ApmmWindow *window,
               const char *criterion_id,
               const char *status_class)
{
  GtkWidget *row = apmm_test_find_widget (GTK_WIDGET (window->assessment_bin), is_criterion_row,
                                          criterion_id);

  g_assert_nonnull (row);
  return apmm_test_find_widget (row, has_css_class, status_class);
}

static const char *
evidence_text (ApmmWindow *window)
{
  GtkWidget *label = apmm_test_find_widget (GTK_WIDGET (window->assessment_bin), has_css_class,
                                            "evidence-level");

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
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

/* Opening a session builds the page in view and nothing else: a page (or the
 * details sidebar) builds its rows when it is first shown, and still shows
 * the session's ratings then. */
static void
test_pages_built_on_first_visit (Fixture       *f,
                                 gconstpointer  data)
{
  guint roadmap_before, details_before;
  g_autofree char *before = NULL;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1600, 900);
  apmm_window_open_example (f->window, "meridian-insurance");
  adw_view_stack_set_visible_child_name (f->window->view_stack, "explorer");
  iterate (100);

  g_assert_null (apmm_test_find_widget (GTK_WIDGET (f->window->assessment_bin), is_criterion_row,
                                        "l1.tools-purchased"));
  roadmap_before = count_widgets (GTK_WIDGET (f->window->roadmap_bin));
  details_before = count_widgets (GTK_WIDGET (f->window->details_bin));

  /* Shown, the assessment has its rows, with the session's ratings. */
  adw_view_stack_set_visible_child_name (f->window->view_stack, "assessment");
  iterate (100);
  g_assert_nonnull (apmm_test_find_widget (GTK_WIDGET (f->window->assessment_bin), is_criterion_row,
                                           "l1.tools-purchased"));
  g_assert_cmpstr (evidence_text (f->window), !=, "");
  before = g_strdup (evidence_text (f->window));

  /* The roadmap and the details are built when they come into view. */
  g_assert_cmpuint (count_widgets (GTK_WIDGET (f->window->roadmap_bin)), ==, roadmap_before);
  adw_view_stack_set_visible_child_name (f->window->view_stack, "roadmap");
  iterate (100);
  g_assert_cmpuint (count_widgets (GTK_WIDGET (f->window->roadmap_bin)), >, roadmap_before + 20);

  g_assert_cmpuint (count_widgets (GTK_WIDGET (f->window->details_bin)), ==, details_before);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-details", NULL);
  iterate (100);
  g_assert_cmpuint (count_widgets (GTK_WIDGET (f->window->details_bin)), >, details_before + 20);

  /* A page seen once keeps following the session while hidden. */
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (status_button (f->window, "l1.tools-purchased",
                                                                                  "status-not-met"))));
  g_signal_emit_by_name (status_button (f->window, "l1.tools-purchased", "status-not-met"), "clicked");
  iterate (50);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (status_button (f->window, "l1.tools-purchased",
                                                                                 "status-not-met"))));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (f->window)), "•"));
  g_assert_cmpstr (evidence_text (f->window), !=, before);
}

/* The main menu, the welcome page's example menu and the bottom view
 * switcher are made when they are first needed, not with the window; made,
 * they hold what they always held. */
static void
test_menus_made_when_opened (Fixture       *f,
                             gconstpointer  data)
{
  GtkPopover *popover;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  apmm_window_open_example (f->window, "meridian-insurance");
  iterate (100);
  g_assert_null (gtk_menu_button_get_popover (f->window->primary_menu_button));
  g_assert_null (gtk_menu_button_get_popover (f->window->example_menu_button));
  g_assert_false (adw_view_switcher_bar_get_reveal (f->window->switcher_bar));
  g_assert_null (adw_view_switcher_bar_get_stack (f->window->switcher_bar));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (f->window->primary_menu_button)));

  /* Opened, the main menu is the primary menu, Undo's section included. */
  gtk_menu_button_popup (f->window->primary_menu_button);
  iterate (100);
  popover = gtk_menu_button_get_popover (f->window->primary_menu_button);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_true (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)) == f->window->primary_menu);
  gtk_menu_button_popdown (f->window->primary_menu_button);
  iterate (50);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));

  /* Opened again, it is the same menu. */
  gtk_menu_button_popup (f->window->primary_menu_button);
  iterate (50);
  g_assert_true (gtk_menu_button_get_popover (f->window->primary_menu_button) == popover);
  gtk_menu_button_popdown (f->window->primary_menu_button);

  gtk_menu_button_popup (f->window->example_menu_button);
  iterate (50);
  popover = gtk_menu_button_get_popover (f->window->example_menu_button);
  g_assert_nonnull (popover);
  g_assert_true (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)) == f->window->example_menu);
  gtk_menu_button_popdown (f->window->example_menu_button);

  /* Too narrow for the header's switcher: the bottom one shows the pages. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
  iterate (300);
  g_assert_true (adw_view_switcher_title_get_title_visible (f->window->switcher_title));
  g_assert_true (adw_view_switcher_bar_get_reveal (f->window->switcher_bar));
  g_assert_true (adw_view_switcher_bar_get_stack (f->window->switcher_bar) == f->window->view_stack);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  iterate (300);
  g_assert_false (adw_view_switcher_bar_get_reveal (f->window->switcher_bar));
}

/* The projector and the laptop: two windows on one document stay in sync,
 * and the document is closed with the last of them. */
static void
test_two_windows_one_document (Fixture       *f,
                               gconstpointer  data)
{
  ApmmWindow *second = apmm_window_new (NULL);
  g_autofree char *before = NULL;
  AdwMessageDialog *dialog;

  apmm_window_open_example (f->window, "meridian-insurance");
  apmm_window_set_document (second, apmm_window_get_document (f->window));
  gtk_window_present (GTK_WINDOW (second));
  adw_view_stack_set_visible_child_name (f->window->view_stack, "assessment");
  adw_view_stack_set_visible_child_name (second->view_stack, "assessment");
  iterate (100);

  before = g_strdup (evidence_text (second));
  g_assert_cmpstr (before, ==, evidence_text (f->window));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (status_button (second, "l1.tools-purchased",
                                                                                  "status-not-met"))));

  /* A rating on the laptop… */
  apmm_test_click (status_button (f->window, "l1.tools-purchased", "status-not-met"));
  iterate (50);

  /* …shows on the projector: the button, the verdict, the unsaved mark. */
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (status_button (second, "l1.tools-purchased",
                                                                                 "status-not-met"))));
  g_assert_cmpstr (evidence_text (second), !=, before);
  g_assert_cmpstr (evidence_text (second), ==, evidence_text (f->window));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (second)), "•"));
  g_assert_true (gtk_widget_is_sensitive (second->undo_button));

  /* Undo on the projector undoes it on the laptop too. */
  gtk_widget_activate_action (GTK_WIDGET (second), "win.undo", NULL);
  iterate (50);
  g_assert_cmpstr (evidence_text (f->window), ==, before);
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (f->window)), "•"));

  /* Unsaved work is asked about when its last window closes, not before. */
  apmm_session_set_notes (apmm_window_get_session (second), "Unsaved");
  gtk_window_close (GTK_WINDOW (second));
  iterate (50);
  g_assert_null (find_dialog ());
  gtk_window_close (GTK_WINDOW (f->window));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  respond (dialog, "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/window/welcome", test_welcome);
  ADD ("/window/open-example", test_open_example);
  ADD ("/window/menus-made-when-opened", test_menus_made_when_opened);
  ADD ("/window/opening", test_opening);
  ADD ("/window/opening-fails", test_opening_fails);
  ADD ("/window/unsaved-mark-and-undo", test_unsaved_mark_and_undo);
  ADD ("/window/bad-file-keeps-session", test_bad_file_keeps_session);
  ADD ("/window/newer-version-untouched", test_newer_version_untouched);
  ADD ("/window/save-and-external-change", test_save_and_external_change);
  ADD ("/window/read-only-file", test_read_only_file);
  ADD ("/window/unwritable-folder-keeps-work", test_unwritable_folder_keeps_work);
  ADD ("/window/confirm-discard", test_confirm_discard);
  ADD ("/window/close-asks", test_close_asks);
  ADD ("/window/autosave-and-restore", test_autosave_and_restore);
  ADD ("/window/saving-removes-draft", test_saving_removes_draft);
  ADD ("/window/details-sidebar", test_details_sidebar);
  ADD ("/window/tab-reaches-every-page", test_tab_reaches_every_page);
  ADD ("/window/drop-file", test_drop_file);
  ADD ("/window/two-windows-one-document", test_two_windows_one_document);
  ADD ("/window/pages-built-on-first-visit", test_pages_built_on_first_visit);
#undef ADD

  return g_test_run ();
}
