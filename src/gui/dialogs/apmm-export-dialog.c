/* apmm-export-dialog.c — "Export Ladder…": a native save dialog, then a PNG, SVG or PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-export-dialog"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "apmm-export-dialog.h"
#include "apmm-gui-utils.h"
#include "apmm-export.h"
#include "apmm-safe-text.h"

typedef struct {
  ApmmSession *session;   /* a copy: the export runs in a thread */
  GFile       *file;
  const char  *format;
} ExportData;

static const struct {
  const char *format;
  const char *name;
  const char *pattern;
} kinds[] = {
  { "png", N_("PNG Image"), "*.png" },
  { "svg", N_("SVG Image"), "*.svg" },
  { "pdf", N_("PDF Document"), "*.pdf" },
};

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->session);
  g_clear_object (&data->file);
  g_free (data);
}

/* The extension wins; without one, the filter the user picked; else PNG. */
static const char *
choose_format (GFile         *file,
               GtkFileFilter *filter)
{
  g_autofree char *basename = g_file_get_basename (file);
  const char *dot = basename ? strrchr (basename, '.') : NULL;

  for (guint i = 0; dot != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_ascii_strcasecmp (dot + 1, kinds[i].format) == 0)
      return kinds[i].format;
  for (guint i = 0; filter != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (gtk_file_filter_get_name (filter), _(kinds[i].name)) == 0)
      return kinds[i].format;
  return kinds[0].format;
}

static GFile *
with_extension (GFile      *file,
                const char *format)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = NULL;
  g_autoptr(GFile) parent = NULL;

  if (strrchr (basename, '.') != NULL)
    return g_object_ref (file);
  parent = g_file_get_parent (file);
  name = g_strdup_printf ("%s.%s", basename, format);
  return g_file_get_child (parent, name);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(GError) error = NULL;

  if (apmm_export_session (data->session, data->format, data->file, NULL, &error))
    g_task_return_pointer (task, g_object_ref (data->file), g_object_unref);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
response_cb (GtkNativeDialog *native,
             int              response,
             GTask           *task)
{
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (native);
  ExportData *data = g_task_get_task_data (task);
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (chooser);

  if (file == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Export cancelled"));
  else
    {
      data->format = choose_format (file, gtk_file_chooser_get_filter (chooser));
      data->file = with_extension (file, data->format);
      g_task_run_in_thread (task, export_thread);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (task);
}

void
apmm_export_ladder_dialog_async (GtkWindow           *parent,
                                 ApmmSession         *session,
                                 const char          *suggested_basename,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GtkFileChooserNative *native;
  ExportData *data;
  GTask *task;
  g_autofree char *name = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (APMM_IS_SESSION (session));

  task = g_task_new (parent, cancellable, callback, user_data);
  g_task_set_source_tag (task, apmm_export_ladder_dialog_async);
  data = g_new0 (ExportData, 1);
  data->session = apmm_session_copy (session);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);

  native = gtk_file_chooser_native_new (_("Export Ladder"), parent,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(kinds[i].name));
      gtk_file_filter_add_pattern (filter, kinds[i].pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    }
  name = g_strdup_printf ("%s.png", suggested_basename && *suggested_basename
                                    ? suggested_basename : _("ladder"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  /* The task reference is dropped in response_cb. */
  g_signal_connect (native, "response", G_CALLBACK (response_cb), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

GFile *
apmm_export_ladder_dialog_finish (GAsyncResult  *result,
                                  GError       **error)
{
  /* The task's source object is the parent window, so check the task by
   * its tag rather than with g_task_is_valid (result, NULL). */
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == apmm_export_ladder_dialog_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
show_failure_dialog (GtkWindow  *parent,
                     const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Could Not Export the Ladder"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
report_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GtkWindow *parent = GTK_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = apmm_export_ladder_dialog_finish (result, &error);
  g_autofree char *message = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (file != NULL)
    {
      g_autofree char *name = apmm_safe_basename (file);

      message = g_strdup_printf (_("Ladder exported to “%s”"), name);
    }
  else
    message = g_strdup (error->message);

  if ((parent == NULL || !apmm_gui_toast (GTK_WIDGET (parent), message)) && file == NULL)
    show_failure_dialog (parent, message);
}

void
apmm_export_ladder_dialog (GtkWindow   *parent,
                           ApmmSession *session,
                           const char  *suggested_basename)
{
  apmm_export_ladder_dialog_async (parent, session, suggested_basename, NULL, report_cb, NULL);
}
