/* apmm-window.h — one window per session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "apmm-history.h"
#include "apmm-session.h"

G_BEGIN_DECLS

#define APMM_TYPE_WINDOW (apmm_window_get_type ())
G_DECLARE_FINAL_TYPE (ApmmWindow, apmm_window, APMM, WINDOW, AdwApplicationWindow)

ApmmWindow   *apmm_window_new               (GtkApplication   *application);
/* The window of @application showing @file, or NULL: a file is open in one
 * window at most. */
ApmmWindow   *apmm_window_find_for_file     (GtkApplication   *application,
                                             GFile            *file);
/* NULL while the welcome view is shown. */
ApmmSession  *apmm_window_get_session       (ApmmWindow       *self);
ApmmHistory  *apmm_window_get_history       (ApmmWindow       *self);
GFile        *apmm_window_get_file          (ApmmWindow       *self);
/* TRUE when the window shows no session, or an unmodified new one: it can
 * take a file without asking. */
gboolean      apmm_window_is_disposable     (ApmmWindow       *self);
/* Loads @file into this window. On failure a dialog explains why and the
 * current session is kept. Returns whether the file was opened. */
gboolean      apmm_window_load_file         (ApmmWindow       *self,
                                             GFile            *file);
/* Shows a session already loaded from @file (the caller checked it). */
void          apmm_window_take_loaded       (ApmmWindow       *self,
                                             ApmmSession      *session,
                                             GFile            *file);
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
/* Restores an autosaved draft (see apmm-drafts.h) as modified work. */
gboolean      apmm_window_restore_draft     (ApmmWindow       *self,
                                             const char       *draft_id,
                                             GFile            *draft,
                                             GFile            *origin);
void          apmm_window_show_toast        (ApmmWindow       *self,
                                             const char       *message);
/* Saves now when the session has a writable file, else shows Save As.
 * The autosave and saving logic live in apmm-window.c; the actions in
 * apmm-window-actions.c. */
void          apmm_window_save              (ApmmWindow       *self);
void          apmm_window_save_as           (ApmmWindow       *self);

G_END_DECLS
