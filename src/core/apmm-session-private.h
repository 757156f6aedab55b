/* apmm-session-private.h — what the file format needs from the session, and nothing else does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "apmm-session.h"

G_BEGIN_DECLS

/* The document root as loaded from a file, kept so that keys this version does
 * not know are written back unchanged. Not part of the content: it does not
 * notify, is ignored by apmm_session_equal() and survives apmm_session_assign()
 * and apmm_session_copy(). NULL for a new session. */
JsonNode  *apmm_session_get_origin  (ApmmSession  *self);
void       apmm_session_set_origin  (ApmmSession  *self,
                                     JsonNode     *origin);

/* During "changed": whether the change is typing in a text, which the history
 * may merge with the previous edit of the same text. */
gboolean      apmm_session_change_is_text_edit (ApmmSession *self);

G_END_DECLS
