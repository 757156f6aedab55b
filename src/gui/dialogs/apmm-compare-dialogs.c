/* apmm-compare-dialogs.c — "Compare with Earlier Session…" and "Merge Group Files…"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialogs only pick files and report; what a baseline or a merge is lives
 * in core (apmm-compare.c, apmm-merge.c).
 */
#define G_LOG_DOMAIN "apmm-compare-dialogs"

#include "config.h"

#include <glib/gi18n.h>

#include "apmm-compare-dialogs.h"
#include "apmm-compare.h"
#include "apmm-merge.h"
#include "apmm-session-file.h"

static void
show_message (ApmmWindow *window,
              const char *heading,
              const char *body)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window), heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename);
}

static GtkFileChooserNative *
session_chooser (ApmmWindow *window,
                 const char *title,
                 const char *accept)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GFile *current = apmm_window_get_file (window);

  native = gtk_file_chooser_native_new (title, GTK_WINDOW (window), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (filter, _("APMM Sessions"));
  gtk_file_filter_add_mime_type (filter, APMM_SESSION_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "apmm");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);

  /* Earlier sessions and the groups' files usually sit beside this one. */
  if (current != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (current);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }

  return native;
}

/* --- Compare -------------------------------------------------------------- */

static void
compare_with_file (ApmmWindow *window,
                   GFile      *file)
{
  ApmmSession *session = apmm_window_get_session (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmSession) earlier = NULL;
  g_autoptr(ApmmBaseline) baseline = NULL;
  g_autoptr(ApmmComparison) comparison = NULL;
  g_autofree char *name = display_name (file);
  g_autofree char *heading = NULL;
  g_autofree char *path = NULL;
  g_autofree char *movement = NULL;

  if (session == NULL)
    return;

  heading = g_strdup_printf (_("Could Not Compare With “%s”"), name);
  if ((earlier = apmm_session_load_file (file, NULL, &error)) == NULL)
    {
      show_message (window, heading, error->message);
      return;
    }

  path = g_file_get_path (file);
  baseline = apmm_baseline_new_from_session (earlier, path != NULL ? path : name);
  if (!apmm_baseline_check (baseline, session, &error))
    {
      show_message (window, heading, error->message);
      return;
    }

  apmm_session_set_baseline (session, baseline);
  comparison = apmm_comparison_new (baseline, session, apmm_model_get_default ());
  movement = apmm_comparison_dup_movement_label (comparison);
  /* Translators: a toast after choosing the baseline, e.g.
   * "Evidence level +1 since 2026-03-12". */
  g_free (heading);
  heading = g_strdup_printf (_("Evidence level %s"), movement);
  apmm_window_show_toast (window, heading);
}

static void
compare_response_cb (GtkNativeDialog *native,
                     int              response,
                     ApmmWindow      *window)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        compare_with_file (window, file);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

void
apmm_compare_dialog_show (ApmmWindow *window)
{
  GtkFileChooserNative *native;

  g_return_if_fail (APMM_IS_WINDOW (window));

  if (apmm_window_get_session (window) == NULL)
    return;

  native = session_chooser (window, _("Compare with Earlier Session"), _("_Compare"));
  g_signal_connect_object (native, "response", G_CALLBACK (compare_response_cb), window, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* --- Merge ---------------------------------------------------------------- */

/* Every file is read before anything opens; the bad ones are all named. */
static GPtrArray *
load_groups (ApmmWindow *window,
             GListModel *files,
             GStrv      *paths_out)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GStrvBuilder) paths = g_strv_builder_new ();
  g_autoptr(GString) failures = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *name = display_name (file);
      ApmmSession *session = apmm_session_load_file (file, NULL, &error);

      if (session == NULL)
        {
          g_string_append_printf (failures, "%s%s: %s", failures->len > 0 ? "\n" : "", name,
                                  error->message);
          continue;
        }
      g_ptr_array_add (sessions, session);
      g_strv_builder_add (paths, name);
    }

  if (failures->len > 0)
    {
      show_message (window, _("Could Not Merge the Group Files"), failures->str);
      return NULL;
    }

  *paths_out = g_strv_builder_end (paths);

  return g_steal_pointer (&sessions);
}

static void
show_merged (ApmmWindow  *window,
             ApmmSession *merged,
             guint        n_groups)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));
  ApmmWindow *target = window;
  g_auto(GStrv) disputed = apmm_disputes_dup_criteria (apmm_session_get_disputes (merged));
  g_autofree char *message = NULL;

  if (!apmm_window_is_disposable (window) && app != NULL)
    {
      target = apmm_window_new (app);
      gtk_window_present (GTK_WINDOW (target));
    }

  /* A new session that takes the merge as one change: unsaved, and undo
   * goes back to an empty session rather than losing the work. */
  apmm_window_new_session (target);
  apmm_session_assign (apmm_window_get_session (target), merged, _("Merge group files"));

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Merged %u groups: %u criterion disputed",
                                          "Merged %u groups: %u criteria disputed",
                                          g_strv_length (disputed)),
                             n_groups, g_strv_length (disputed));
  apmm_window_show_toast (target, message);
}

static void
merge_files (ApmmWindow *window,
             GListModel *files)
{
  guint n = g_list_model_get_n_items (files);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(ApmmSession) merged = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) groups = NULL;
  g_autofree char *body = NULL;

  if (n < APMM_MERGE_MIN_GROUPS || n > APMM_MERGE_MAX_GROUPS)
    {
      body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Choose %d to %d group files at once; %u was chosen.",
                                           "Choose %d to %d group files at once; %u were chosen.", n),
                              APMM_MERGE_MIN_GROUPS, APMM_MERGE_MAX_GROUPS, n);
      show_message (window, _("Could Not Merge the Group Files"), body);
      return;
    }

  if ((sessions = load_groups (window, files, &names)) == NULL)
    return;

  groups = apmm_merge_group_names ((const char * const *) names);
  merged = apmm_merge_sessions ((ApmmSession * const *) sessions->pdata,
                                (const char * const *) groups, sessions->len, &error);
  if (merged == NULL)
    {
      show_message (window, _("Could Not Merge the Group Files"), error->message);
      return;
    }

  show_merged (window, merged, sessions->len);
}

static void
merge_response_cb (GtkNativeDialog *native,
                   int              response,
                   ApmmWindow      *window)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));

      merge_files (window, files);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

void
apmm_merge_dialog_show (ApmmWindow *window)
{
  GtkFileChooserNative *native;

  g_return_if_fail (APMM_IS_WINDOW (window));

  native = session_chooser (window, _("Merge Group Files"), _("_Merge"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
  g_signal_connect_object (native, "response", G_CALLBACK (merge_response_cb), window, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
