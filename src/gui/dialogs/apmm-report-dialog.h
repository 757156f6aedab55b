/* apmm-report-dialog.h — "Export Report…": the format, the options, a preview, then where
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "apmm-session.h"

G_BEGIN_DECLS

#define APMM_TYPE_REPORT_DIALOG (apmm_report_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ApmmReportDialog, apmm_report_dialog, APMM, REPORT_DIALOG, AdwWindow)

/* A dialog over @parent that exports @session's report. It writes from a copy
 * of the session taken when the user picks the file, in a thread, and says
 * the outcome on @parent (a toast, or a message dialog for a failure). */
ApmmReportDialog *apmm_report_dialog_new         (GtkWindow        *parent,
                                                  ApmmSession      *session);
ApmmSession      *apmm_report_dialog_get_session (ApmmReportDialog *self);
void              apmm_report_dialog_set_session (ApmmReportDialog *self,
                                                  ApmmSession      *session);

/* A print operation that draws @session's report: the pages of the PDF,
 * laid out for the paper of the print setup (A4 or Letter from the locale
 * by default). */
GtkPrintOperation *apmm_report_print_operation_new (ApmmSession  *session);
/* Prints @session's report with the print dialog; failures are shown on @parent. */
void              apmm_report_print              (GtkWindow        *parent,
                                                  ApmmSession      *session);

G_END_DECLS
