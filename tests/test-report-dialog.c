/* test-report-dialog.c — the Export Report dialog and printing the report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "apmm-report-dialog.h"
#include "apmm-report-export.h"
#include "apmm-test-utils.h"

static GtkWidget *
find_check (GtkWidget  *root,
            const char *label)
{
  /* The format buttons carry their row's title as accessible label. */
  for (guint n = 0;; n++)
    {
      GtkWidget *check = apmm_test_find_nth (root, apmm_test_is_of_type,
                                             APMM_TEST_TYPE (GTK_TYPE_CHECK_BUTTON), n);
      g_autofree char *name = NULL;

      if (check == NULL)
        return NULL;
      g_object_get (gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW), "title", &name, NULL);
      if (g_strcmp0 (name, label) == 0)
        return check;
    }
}

static GtkWidget *
page_label (GtkWidget *root,
            guint      page,
            guint      n_pages)
{
  g_autofree char *text = g_strdup_printf ("Page %u of %u", page, n_pages);

  return apmm_test_find_widget (root, apmm_test_is_label_with_text, text);
}

static void
test_preview (void)
{
  g_autoptr(ApmmSession) session = apmm_test_load_example ("meridian-insurance.apmm");
  g_autoptr(ApmmReport) report = apmm_report_new (session, apmm_model_get_default (), 0);
  g_autoptr(ApmmReportPages) pages = NULL;
  ApmmReportDialog *dialog = apmm_report_dialog_new (NULL, session);
  GtkWidget *root = GTK_WIDGET (dialog);
  GtkWidget *next, *previous, *sw;
  double w, h;
  guint n;

  /* The dialog starts on the locale's paper: A4 in C.UTF-8. */
  apmm_paper_get_size (APMM_PAPER_A4, &w, &h);
  pages = apmm_report_pages_new (report, w, h);
  n = apmm_report_pages_get_n_pages (pages);
  gtk_window_present (GTK_WINDOW (dialog));
  apmm_test_iterate ();

  /* It previews the report's pages, one at a time. */
  g_assert_nonnull (page_label (root, 1, n));
  next = apmm_test_find_widget (root, apmm_test_is_button_with_icon, "go-next-symbolic");
  previous = apmm_test_find_widget (root, apmm_test_is_button_with_icon, "go-previous-symbolic");
  g_assert_false (gtk_widget_get_sensitive (previous));
  apmm_test_click (next);
  g_assert_nonnull (page_label (root, 2, n));
  g_assert_true (gtk_widget_get_sensitive (previous));
  apmm_test_click (previous);
  g_assert_nonnull (page_label (root, 1, n));

  /* Anonymising rebuilds the preview; the pages are still there. */
  sw = apmm_test_find_widget (root, apmm_test_is_of_type, APMM_TEST_TYPE (GTK_TYPE_SWITCH));
  gtk_switch_set_active (GTK_SWITCH (sw), TRUE);
  apmm_test_iterate ();
  g_assert_nonnull (page_label (root, 1, n));

  gtk_window_destroy (GTK_WINDOW (dialog));
  apmm_test_iterate ();
}

static void
test_options_follow_format (void)
{
  g_autoptr(ApmmSession) session = apmm_test_load_example ("northwind-logistics.apmm");
  ApmmReportDialog *dialog = apmm_report_dialog_new (NULL, session);
  GtkWidget *root = GTK_WIDGET (dialog);
  GtkWidget *paper = apmm_test_find_nth (root, apmm_test_is_of_type, APMM_TEST_TYPE (ADW_TYPE_COMBO_ROW), 0);
  GtkWidget *table = apmm_test_find_nth (root, apmm_test_is_of_type, APMM_TEST_TYPE (ADW_TYPE_COMBO_ROW), 1);

  gtk_window_present (GTK_WINDOW (dialog));
  apmm_test_iterate ();
  /* PDF by default: the paper matters, the CSV table does not. */
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_check (root, "_PDF Document"))));
  g_assert_true (gtk_widget_get_sensitive (paper));
  g_assert_false (gtk_widget_get_sensitive (table));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_check (root, "C_SV Table")), TRUE);
  g_assert_false (gtk_widget_get_sensitive (paper));
  g_assert_true (gtk_widget_get_sensitive (table));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_check (root, "_Markdown")), TRUE);
  g_assert_false (gtk_widget_get_sensitive (paper));
  g_assert_false (gtk_widget_get_sensitive (table));

  gtk_window_destroy (GTK_WINDOW (dialog));
  apmm_test_iterate ();
}

static int
pdf_pages (const char *path)
{
  g_autofree char *command = g_strdup_printf ("sh -c \"pdfinfo '%s' | sed -n 's/^Pages: *//p'\"", path);
  g_autofree char *out = NULL;

  g_assert_true (g_spawn_command_line_sync (command, &out, NULL, NULL, NULL));
  return atoi (out);
}

static char *
pdf_text (const char *path)
{
  g_autofree char *command = g_strdup_printf ("pdftotext -raw '%s' -", path);
  char *out = NULL;

  g_assert_true (g_spawn_command_line_sync (command, &out, NULL, NULL, NULL));
  return out;
}

/* Printing draws the pages of the PDF: printed to a file, the same pages
 * with the same text come out. */
static void
test_print_draws_the_pdf_pages (void)
{
  g_autoptr(ApmmSession) session = apmm_test_load_example ("halcyon-health.apmm");
  g_autoptr(ApmmReport) report = apmm_report_new (session, apmm_model_get_default (), 0);
  g_autoptr(GtkPrintOperation) operation = apmm_report_print_operation_new (session);
  g_autofree char *dir = g_dir_make_tmp ("apmm-print-XXXXXX", NULL);
  g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *exported = g_build_filename (dir, "exported.pdf", NULL);
  g_autofree char *printed_text = NULL;
  g_autofree char *exported_text = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  if (pdfinfo == NULL)
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are needed to read the PDFs back");
      return;
    }
  gtk_print_operation_set_export_filename (operation, printed);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  /* The tests run in C.UTF-8, whose paper is A4. */
  pdf = apmm_report_to_pdf (report, APMM_PAPER_A4, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (exported, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));

  g_assert_cmpint (pdf_pages (printed), ==, pdf_pages (exported));
  g_assert_cmpint (pdf_pages (printed), >=, 5);
  printed_text = pdf_text (printed);
  exported_text = pdf_text (exported);
  g_assert_cmpstr (printed_text, ==, exported_text);

  g_unlink (printed);
  g_unlink (exported);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/report-dialog/preview", test_preview);
  g_test_add_func ("/report-dialog/options-follow-format", test_options_follow_format);
  g_test_add_func ("/report-dialog/print-draws-the-pdf-pages", test_print_draws_the_pdf_pages);

  return g_test_run ();
}
