/* apmm-action-row.h — one roadmap action, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "apmm-session.h"

G_BEGIN_DECLS

#define APMM_TYPE_ACTION_ROW (apmm_action_row_get_type ())
G_DECLARE_FINAL_TYPE (ApmmActionRow, apmm_action_row, APMM, ACTION_ROW, GtkListBoxRow)

/* The row edits, moves and removes its action through the session itself. */
GtkWidget   *apmm_action_row_new            (ApmmSession       *session,
                                             const char        *action_id);
/* The same, made when it first comes near the view (apmm-list-culling.h):
 * until then it only remembers what it shows, and is named for a screen
 * reader. */
GtkWidget   *apmm_action_row_new_lazy       (ApmmSession       *session,
                                             const char        *action_id);
const char  *apmm_action_row_get_action_id  (ApmmActionRow     *self);
/* 0-based position in the roadmap as last shown. */
guint        apmm_action_row_get_position   (ApmmActionRow     *self);
void         apmm_action_row_update         (ApmmActionRow     *self,
                                             const ApmmAction  *action,
                                             guint              position,
                                             guint              n_actions);
/* Puts the cursor in the title with the text selected, for a new action. */
void         apmm_action_row_focus_title    (ApmmActionRow     *self);

G_END_DECLS
