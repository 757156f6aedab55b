/* apmm-gui-utils.h — small helpers the pages and rows share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "apmm-document.h"

G_BEGIN_DECLS

/* One session signal and the handler a widget connects to it, swapped (the
 * widget comes first). */
typedef struct {
  const char *signal;
  GCallback   handler;
} ApmmSessionHandler;

gboolean apmm_gui_bind_session             (gpointer                  owner,
                                            ApmmSession             **slot,
                                            ApmmSession              *session,
                                            const ApmmSessionHandler *handlers,
                                            gsize                     n_handlers);
/* A document for a widget shown on its own with just a session (tests,
 * previews): it follows the session and computes its verdict, never
 * autosaves. In the window, widgets get the window's document. */
ApmmDocument *apmm_gui_document_for_session (ApmmSession *session);
void     apmm_gui_sync_editable            (GtkEditable              *editable,
                                            const char               *text);
/* Dates as the user's language writes them ("14 May 2024", "14. Mai 2024"). */
char    *apmm_gui_format_date              (GDateTime                *date);
char    *apmm_gui_format_date_time         (GDateTime                *date_time);

G_END_DECLS
