/* apmm-history.h — undo/redo and the unsaved-changes state of a session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "apmm-session.h"

G_BEGIN_DECLS

#define APMM_TYPE_HISTORY (apmm_history_get_type ())
G_DECLARE_FINAL_TYPE (ApmmHistory, apmm_history, APMM, HISTORY, GObject)

ApmmHistory  *apmm_history_new             (ApmmSession  *session);
ApmmSession  *apmm_history_get_session     (ApmmHistory  *self);
gboolean      apmm_history_can_undo        (ApmmHistory  *self);
gboolean      apmm_history_can_redo        (ApmmHistory  *self);
/* Translated descriptions of the edit that undo/redo would revert/replay, or NULL. */
const char   *apmm_history_get_undo_label  (ApmmHistory  *self);
const char   *apmm_history_get_redo_label  (ApmmHistory  *self);
void          apmm_history_undo            (ApmmHistory  *self);
void          apmm_history_redo            (ApmmHistory  *self);
/* Unsaved changes: the session differs from the state last marked saved. */
gboolean      apmm_history_get_modified    (ApmmHistory  *self);
void          apmm_history_mark_saved      (ApmmHistory  *self);
/* Records @state, a copy of the session that was written while edits may
 * have gone on, as the saved content. @state must not change afterwards. */
void          apmm_history_mark_saved_state (ApmmHistory *self,
                                             ApmmSession *state);
/* Everything between begin and end is one undo step named @description. */
void          apmm_history_begin_batch     (ApmmHistory  *self,
                                            const char   *description);
void          apmm_history_end_batch       (ApmmHistory  *self);
/* Typing in the same text (see apmm_session_change_is_text_edit()) with no
 * pause longer than this many ms merges into one step; nothing else merges. */
#define APMM_HISTORY_MERGE_MS 1500

G_END_DECLS
