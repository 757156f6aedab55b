/* apmm-text-field.h — a text field whose text wraps and grows, so nothing typed is hidden
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A GtkEntry scrolls a long text out of sight ("Write the fallback runbc").
 * ApmmTextField wraps it instead and grows a line at a time. Like an entry it
 * has a "changed" signal for every change of its text (also one made with
 * apmm_text_field_set_text()), a hint shown while it is empty, and "activate" on Enter when it
 * is not multi-line; a multi-line field takes Enter as a new line. Tab moves
 * on, as in an entry. */
#define APMM_TYPE_TEXT_FIELD (apmm_text_field_get_type ())
G_DECLARE_FINAL_TYPE (ApmmTextField, apmm_text_field, APMM, TEXT_FIELD, GtkWidget)

GtkWidget  *apmm_text_field_new                  (void);
/* Returns: (transfer full): the text */
char       *apmm_text_field_dup_text             (ApmmTextField *self);
void        apmm_text_field_set_text             (ApmmTextField *self,
                                                  const char    *text);
/* Sets the text only when it differs, so the echo of the user's own edit
 * does not move the cursor. NULL reads as empty. */
void        apmm_text_field_sync                 (ApmmTextField *self,
                                                  const char    *text);
void        apmm_text_field_set_placeholder_text (ApmmTextField *self,
                                                  const char    *text);
/* The text view that takes the focus and carries the accessible name. */
GtkWidget  *apmm_text_field_get_view             (ApmmTextField *self);
void        apmm_text_field_select_all           (ApmmTextField *self);

G_END_DECLS
