/* apmm-export-dialog.h — "Export Ladder…": a native save dialog, then a PNG, SVG or PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "apmm-session.h"

G_BEGIN_DECLS

/* Asks where to save the ladder of @session, then writes it (in a thread, from
 * a copy of the session). The format follows the file's extension, else the
 * chosen filter, else PNG. @callback runs on the main thread when done; get
 * the result with apmm_export_ladder_dialog_finish(). */
void      apmm_export_ladder_dialog_async   (GtkWindow            *parent,
                                             ApmmSession          *session,
                                             const char           *suggested_basename,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
/* Returns the written file, or NULL with @error set: G_IO_ERROR_CANCELLED when
 * the user closed the dialog (show nothing), else a one-line reason for a toast. */
GFile    *apmm_export_ladder_dialog_finish  (GAsyncResult         *result,
                                             GError              **error);

/* Fire and forget: like the above, and shows the outcome itself, as a toast on
 * the first AdwToastOverlay found in @parent, else (for failures) a message dialog. */
void      apmm_export_ladder_dialog         (GtkWindow            *parent,
                                             ApmmSession          *session,
                                             const char           *suggested_basename);

G_END_DECLS
