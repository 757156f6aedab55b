/* apmm-window.h — one window per session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "apmm-document.h"

G_BEGIN_DECLS

#define APMM_TYPE_WINDOW (apmm_window_get_type ())
G_DECLARE_FINAL_TYPE (ApmmWindow, apmm_window, APMM, WINDOW, AdwApplicationWindow)

ApmmWindow   *apmm_window_new               (GtkApplication   *application);
/* The window of @application showing @file, or NULL: a file is open in one
 * window at most. */
ApmmWindow   *apmm_window_find_for_file     (GtkApplication   *application,
                                             GFile            *file);
/* The document shown, or NULL while the welcome view is shown. Any number
 * of windows may show the same document. */
ApmmDocument *apmm_window_get_document      (ApmmWindow       *self);
void          apmm_window_set_document      (ApmmWindow       *self,
                                             ApmmDocument     *document);
/* The document's session, history and file; NULL on the welcome view. */
ApmmSession  *apmm_window_get_session       (ApmmWindow       *self);
ApmmHistory  *apmm_window_get_history       (ApmmWindow       *self);
GFile        *apmm_window_get_file          (ApmmWindow       *self);
/* TRUE when the window shows no session, or an unmodified new one: it can
 * take a file without asking. */
void          apmm_window_set_opening       (ApmmWindow       *self,
                                             gboolean          opening);
gboolean      apmm_window_is_disposable     (ApmmWindow       *self);
/* Reads @file in the background, then shows it in this window. On failure a
 * dialog explains why and the current document is kept. */
void          apmm_window_load_file         (ApmmWindow       *self,
                                             GFile            *file);
/* TRUE while a file is being read for this window. */
gboolean      apmm_window_is_loading        (ApmmWindow       *self);
/* Shows a document just read from its file, and lists the file as recent. */
void          apmm_window_take_loaded       (ApmmWindow       *self,
                                             ApmmDocument     *document);
/* An error dialog on this window. */
void          apmm_window_show_error        (ApmmWindow       *self,
                                             const char       *heading,
                                             const char       *body);
/* Explains, in a dialog on this window, why @file could not be opened. */
void          apmm_window_show_open_error   (ApmmWindow       *self,
                                             GFile            *file,
                                             const GError     *error);
/* Asks about unsaved changes first, then loads. */
void          apmm_window_open_file         (ApmmWindow       *self,
                                             GFile            *file);
void          apmm_window_new_session       (ApmmWindow       *self);
void          apmm_window_open_example      (ApmmWindow       *self,
                                             const char       *name);
void          apmm_window_show_toast        (ApmmWindow       *self,
                                             const char       *message);
/* Saves (in the background) when the document has a writable file, else
 * shows Save As. The file life cycle lives in ApmmDocument; the dialogs
 * around it in apmm-window.c; the actions in apmm-window-actions.c. */
void          apmm_window_save              (ApmmWindow       *self);
void          apmm_window_save_as           (ApmmWindow       *self);

G_END_DECLS
