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
/* What a user types or pastes stays within what a session file may hold
 * (APMM_SESSION_MAX_STRING bytes, docs/session-format.md): text that would
 * pass it is cut at the limit, and a toast says so — never silently. */
void     apmm_gui_limit_text_buffer        (GtkTextBuffer            *buffer,
                                            GtkWidget                *owner);
void     apmm_gui_limit_editable           (GtkEditable              *editable);
/* TRUE while @count is under @max; else rings, shows @message (which names
 * the limit) and returns FALSE, so the caller adds nothing. */
gboolean apmm_gui_check_room               (GtkWidget                *widget,
                                            guint                     count,
                                            guint                     max,
                                            const char               *message);
/* Adds the participant named in @name_row (an entry the facilitator types
 * names into, one after another): trims the name, refuses the 501st with a
 * toast, clears the row and keeps the keyboard there. */
void     apmm_gui_add_participant_from     (GtkEditable              *name_row,
                                            ApmmSession              *session);
/* A participant's name as shown: "Unnamed participant" for an empty one. */
const char *apmm_gui_participant_name      (const char               *name);
/* A label for a paragraph: wrapped (at words, or letters in a word longer
 * than a line), start-aligned, with @css_class if not NULL. Its minimum
 * width is 12 characters: without one GTK 4.8 measures a wrapped label's
 * minimum by laying its text out at no width, a letter a line. */
GtkWidget *apmm_gui_wrapped_label          (const char               *text,
                                            const char               *css_class);
/* Gives @button the menu of @model when it first opens: GTK builds a menu's
 * popover and its items as soon as a button has the model, which is work
 * the window's first frame does not need. */
void     apmm_gui_menu_button_set_menu_later (GtkMenuButton          *button,
                                              GMenuModel             *model);
/* Names @widget for a screen reader. */
void     apmm_gui_set_accessible_label     (GtkWidget                *widget,
                                            const char               *label);
/* Shows @message, made safe, in the toast overlay of @widget's window;
 * FALSE when there is none. */
gboolean apmm_gui_toast                    (GtkWidget                *widget,
                                            const char               *message);

/* Dates as the user's language writes them ("14 May 2024", "14. Mai 2024"). */
char    *apmm_gui_format_date              (GDateTime                *date);
char    *apmm_gui_format_date_time         (GDateTime                *date_time);

G_END_DECLS
