/* apmm-report-dialog.c — "Export Report…": the format, the options, a preview, then where
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-report-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "apmm-report-dialog.h"
#include "apmm-gui-utils.h"
#include "apmm-report-export.h"
#include "apmm-safe-text.h"

struct _ApmmReportDialog
{
  AdwWindow        parent_instance;

  GtkCheckButton  *pdf_check;
  GtkCheckButton  *html_check;
  GtkCheckButton  *markdown_check;
  GtkCheckButton  *xlsx_check;
  GtkCheckButton  *csv_check;
  AdwComboRow     *paper_row;
  AdwComboRow     *table_row;
  GtkSwitch       *anonymise_switch;
  GtkDrawingArea  *preview;
  GtkLabel        *page_label;
  GtkWidget       *previous_button;
  GtkWidget       *next_button;
  GtkWidget       *export_button;

  ApmmSession     *session;
  ApmmReportPages *pages;
  guint            page;
};

G_DEFINE_FINAL_TYPE (ApmmReportDialog, apmm_report_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  ApmmSession      *session;   /* a copy: the export runs in a thread */
  GFile            *file;
  ApmmReportFormat  format;
  ApmmReportFlags   flags;
  ApmmPaper         paper;
  ApmmReportTable   table;
} ExportData;

static const struct {
  ApmmReportFormat  format;
  const char       *extension;
  const char       *filter;
} kinds[] = {
  { APMM_REPORT_FORMAT_PDF, "pdf", N_("PDF Document") },
  { APMM_REPORT_FORMAT_HTML, "html", N_("Web Page") },
  { APMM_REPORT_FORMAT_MARKDOWN, "md", N_("Markdown") },
  { APMM_REPORT_FORMAT_XLSX, "xlsx", N_("Workbook") },
  { APMM_REPORT_FORMAT_CSV, "csv", N_("CSV Table") },
};

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->session);
  g_clear_object (&data->file);
  g_free (data);
}

/* ---- What the dialog says ------------------------------------------------ */

static ApmmReportFormat
chosen_format (ApmmReportDialog *self)
{
  if (gtk_check_button_get_active (self->html_check))
    return APMM_REPORT_FORMAT_HTML;
  if (gtk_check_button_get_active (self->markdown_check))
    return APMM_REPORT_FORMAT_MARKDOWN;
  if (gtk_check_button_get_active (self->xlsx_check))
    return APMM_REPORT_FORMAT_XLSX;
  if (gtk_check_button_get_active (self->csv_check))
    return APMM_REPORT_FORMAT_CSV;
  return APMM_REPORT_FORMAT_PDF;
}

static ApmmPaper
chosen_paper (ApmmReportDialog *self)
{
  return adw_combo_row_get_selected (self->paper_row) == 1 ? APMM_PAPER_LETTER : APMM_PAPER_A4;
}

static ApmmReportFlags
chosen_flags (ApmmReportDialog *self)
{
  return gtk_switch_get_active (self->anonymise_switch) ? APMM_REPORT_ANONYMISED : APMM_REPORT_DEFAULT;
}

static ApmmReportTable
chosen_table (ApmmReportDialog *self)
{
  switch (adw_combo_row_get_selected (self->table_row))
    {
    case 1: return APMM_REPORT_TABLE_CRITERIA;
    case 2: return APMM_REPORT_TABLE_GAPS;
    default: return APMM_REPORT_TABLE_ACTIONS;
    }
}

/* ---- The preview ------------------------------------------------------- */

static void
update_page_label (ApmmReportDialog *self)
{
  guint n = self->pages ? apmm_report_pages_get_n_pages (self->pages) : 0;
  g_autofree char *text = g_strdup_printf (_("Page %u of %u"), n ? self->page + 1 : 0, n);

  gtk_label_set_text (self->page_label, text);
  gtk_widget_set_sensitive (self->previous_button, self->page > 0);
  gtk_widget_set_sensitive (self->next_button, self->page + 1 < n);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

/* The preview shows the report's pages on the chosen paper, as the PDF and
 * print draw them; the other formats say the same thing. */
static void
rebuild_preview (ApmmReportDialog *self)
{
  g_autoptr(ApmmReport) report = NULL;
  double w, h;

  g_clear_pointer (&self->pages, apmm_report_pages_free);
  if (self->session != NULL)
    {
      report = apmm_report_new (self->session, apmm_model_get_default (), chosen_flags (self));
      apmm_paper_get_size (chosen_paper (self), &w, &h);
      self->pages = apmm_report_pages_new (report, w, h);
      self->page = MIN (self->page, apmm_report_pages_get_n_pages (self->pages) - 1);
    }
  else
    self->page = 0;
  update_page_label (self);
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  ApmmReportDialog *self = user_data;
  double w, h, scale, x, y;

  if (self->pages == NULL)
    return;
  apmm_paper_get_size (chosen_paper (self), &w, &h);
  scale = MIN ((width - 32) / w, (height - 32) / h);
  if (scale <= 0)
    return;
  x = (width - w * scale) / 2;
  y = (height - h * scale) / 2;
  /* A soft shadow, so the page reads as paper in light and dark styles. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_rectangle (cr, x + 2, y + 3, w * scale, h * scale);
  cairo_fill (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, w, h);
  cairo_clip (cr);
  apmm_report_pages_draw (self->pages, cr, self->page);
}

/* ---- Callbacks ------------------------------------------------------------ */

static void
format_toggled_cb (ApmmReportDialog *self,
                   GtkCheckButton   *button)
{
  ApmmReportFormat format = chosen_format (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->paper_row), format == APMM_REPORT_FORMAT_PDF);
  gtk_widget_set_sensitive (GTK_WIDGET (self->table_row), format == APMM_REPORT_FORMAT_CSV);
}

static void
options_changed_cb (ApmmReportDialog *self)
{
  rebuild_preview (self);
}

static void
previous_clicked_cb (ApmmReportDialog *self)
{
  if (self->page > 0)
    self->page--;
  update_page_label (self);
}

static void
next_clicked_cb (ApmmReportDialog *self)
{
  if (self->pages != NULL && self->page + 1 < apmm_report_pages_get_n_pages (self->pages))
    self->page++;
  update_page_label (self);
}

/* ---- Exporting ------------------------------------------------------------ */

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(GError) error = NULL;

  if (apmm_report_export (data->session, data->format, data->flags, data->paper, data->table,
                          data->file, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GtkWindow *parent = source != NULL ? GTK_WINDOW (source) : NULL;
  ExportData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = apmm_safe_basename (data->file);
  g_autofree char *message = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      message = g_strdup_printf (_("Report exported to “%s”"), name);
      if (parent != NULL)
        apmm_gui_toast (GTK_WIDGET (parent), message);
      return;
    }
  /* A failure is something to act on: it stays until read. */
  {
    g_autofree char *reason = apmm_safe_text (error->message);
    GtkWidget *dialog = adw_message_dialog_new (parent, _("Could Not Export the Report"), reason);

    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
    gtk_window_present (GTK_WINDOW (dialog));
  }
}

static GFile *
with_extension (GFile      *file,
                const char *extension)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *name = NULL;
  ApmmReportFormat format;

  if (apmm_report_format_from_filename (basename, &format))
    return g_object_ref (file);
  name = g_strdup_printf ("%s.%s", basename, extension);
  return g_file_get_child (parent, name);
}

static void
chooser_response_cb (GtkNativeDialog  *native,
                     int               response,
                     ApmmReportDialog *self)
{
  g_autoptr(GFile) file = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  ApmmReportFormat format = chosen_format (self);
  ExportData *data;
  GTask *task;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  /* Cancelling the chooser comes back to the dialog, options as they were. */
  if (file == NULL || self->session == NULL)
    return;

  data = g_new0 (ExportData, 1);
  data->session = apmm_session_copy (self->session);
  data->format = format;
  data->flags = chosen_flags (self);
  data->paper = chosen_paper (self);
  data->table = chosen_table (self);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].format == format)
      data->file = with_extension (file, kinds[i].extension);

  task = g_task_new (parent, NULL, export_done_cb, NULL);
  g_task_set_source_tag (task, chooser_response_cb);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
  g_object_unref (task);
  gtk_window_close (GTK_WINDOW (self));
}

static void
export_clicked_cb (ApmmReportDialog *self)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(ApmmReport) report = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  ApmmReportFormat format = chosen_format (self);
  guint kind = 0;

  if (self->session == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].format == format)
      kind = i;

  report = apmm_report_new (self->session, apmm_model_get_default (), chosen_flags (self));
  basename = apmm_report_suggest_basename (report);
  name = g_strdup_printf ("%s.%s", basename, kinds[kind].extension);

  native = gtk_file_chooser_native_new (_("Export Report"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _(kinds[kind].filter));
  gtk_file_filter_add_suffix (filter, kinds[kind].extension);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect_object (native, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ---- GObject ------------------------------------------------------------- */

static void
apmm_report_dialog_dispose (GObject *object)
{
  ApmmReportDialog *self = APMM_REPORT_DIALOG (object);

  g_clear_pointer (&self->pages, apmm_report_pages_free);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (apmm_report_dialog_parent_class)->dispose (object);
}

static void
apmm_report_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ApmmReportDialog *self = APMM_REPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
apmm_report_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ApmmReportDialog *self = APMM_REPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      apmm_report_dialog_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
apmm_report_dialog_class_init (ApmmReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = apmm_report_dialog_dispose;
  object_class->get_property = apmm_report_dialog_get_property;
  object_class->set_property = apmm_report_dialog_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, APMM_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/apmm/Workshop/apmm-report-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ApmmReportDialog, pdf_check);
  gtk_widget_class_bind_template_child (widget_class, ApmmReportDialog, html_check);
  gtk_widget_class_bind_template_child (widget_class, ApmmReportDialog, markdown_check);
  gtk_widget_class_bind_template_child (widget_class, ApmmReportDialog, xlsx_check);
  gtk_widget_class_bind_template_child (widget_class, ApmmReportDialog, csv_check);
  gtk_widget_class_bind_template_child (widget_class, ApmmReportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, ApmmReportDialog, table_row);
  gtk_widget_class_bind_template_child (widget_class, ApmmReportDialog, anonymise_switch);
  gtk_widget_class_bind_template_child (widget_class, ApmmReportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, ApmmReportDialog, page_label);
  gtk_widget_class_bind_template_child (widget_class, ApmmReportDialog, previous_button);
  gtk_widget_class_bind_template_child (widget_class, ApmmReportDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, ApmmReportDialog, export_button);
  gtk_widget_class_bind_template_callback (widget_class, format_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, options_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, previous_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
apmm_report_dialog_init (ApmmReportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
  /* The paper the locale would print on. */
  adw_combo_row_set_selected (self->paper_row, apmm_paper_from_locale () == APMM_PAPER_LETTER ? 1 : 0);
  format_toggled_cb (self, NULL);
  update_page_label (self);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->export_button);
}

ApmmReportDialog *
apmm_report_dialog_new (GtkWindow   *parent,
                        ApmmSession *session)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (APMM_IS_SESSION (session), NULL);

  return g_object_new (APMM_TYPE_REPORT_DIALOG,
                       "transient-for", parent,
                       "session", session,
                       NULL);
}

ApmmSession *
apmm_report_dialog_get_session (ApmmReportDialog *self)
{
  g_return_val_if_fail (APMM_IS_REPORT_DIALOG (self), NULL);
  return self->session;
}

void
apmm_report_dialog_set_session (ApmmReportDialog *self,
                                ApmmSession      *session)
{
  g_return_if_fail (APMM_IS_REPORT_DIALOG (self));
  g_return_if_fail (session == NULL || APMM_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;
  self->page = 0;
  rebuild_preview (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/* ---- Printing --------------------------------------------------------- */

typedef struct {
  ApmmReport      *report;
  ApmmReportPages *pages;
} PrintData;

static void
print_data_free (PrintData *data)
{
  g_clear_pointer (&data->pages, apmm_report_pages_free);
  g_clear_pointer (&data->report, apmm_report_unref);
  g_free (data);
}

/* The pages are laid out for the paper the user picked, in points. */
static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintData         *data)
{
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);

  g_clear_pointer (&data->pages, apmm_report_pages_free);
  data->pages = apmm_report_pages_new (data->report, MAX (width, 300), MAX (height, 400));
  gtk_print_operation_set_n_pages (operation, apmm_report_pages_get_n_pages (data->pages));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintData         *data)
{
  if (data->pages != NULL && page_nr >= 0 && (guint) page_nr < apmm_report_pages_get_n_pages (data->pages))
    apmm_report_pages_draw (data->pages, gtk_print_context_get_cairo_context (context), page_nr);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GtkWindow               *parent)
{
  g_autoptr(GError) error = NULL;

  /* Said once, whether run() or "done" reports it. */
  if (result != GTK_PRINT_OPERATION_RESULT_ERROR || g_object_get_data (G_OBJECT (operation), "apmm-reported"))
    return;
  g_object_set_data (G_OBJECT (operation), "apmm-reported", GINT_TO_POINTER (TRUE));
  gtk_print_operation_get_error (operation, &error);
  {
    g_autofree char *reason = error ? apmm_safe_text (error->message) : NULL;
    GtkWidget *dialog = adw_message_dialog_new (parent, _("Could Not Print the Report"), reason);

    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
    gtk_window_present (GTK_WINDOW (dialog));
  }
}

GtkPrintOperation *
apmm_report_print_operation_new (ApmmSession *session)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  g_autofree char *name = NULL;
  PrintData *data;

  g_return_val_if_fail (APMM_IS_SESSION (session), NULL);

  operation = gtk_print_operation_new ();
  data = g_new0 (PrintData, 1);
  data->report = apmm_report_new (session, apmm_model_get_default (), APMM_REPORT_DEFAULT);
  paper = gtk_paper_size_new (apmm_paper_from_locale () == APMM_PAPER_LETTER
                              ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* The pages draw their own margins, header and footer, in points. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  name = apmm_report_suggest_basename (data->report);
  gtk_print_operation_set_job_name (operation, name);
  g_object_set_data_full (G_OBJECT (operation), "apmm-print-data", data, (GDestroyNotify) print_data_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), data);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), data);
  return operation;
}

void
apmm_report_print (GtkWindow   *parent,
                   ApmmSession *session)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (APMM_IS_SESSION (session));

  operation = apmm_report_print_operation_new (session);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), parent, 0);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    print_done_cb (operation, result, parent);
}
