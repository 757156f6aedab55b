/* apmm-drafts.h — autosaved drafts of unsaved sessions, for crash recovery
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "apmm-session.h"

G_BEGIN_DECLS

/* A draft is two files in the drafts folder: <id>.apmm (the session, in the
 * ordinary format) and <id>.info (a key file: the session's own file, if any,
 * and when the draft was written). */
typedef struct {
  char       *id;
  GFile      *draft;     /* <id>.apmm */
  GFile      *origin;    /* the file the session came from, or NULL when never saved */
  GDateTime  *modified;  /* when the draft was written */
  char       *title;     /* the organisation, or NULL */
} ApmmDraftInfo;

void            apmm_draft_info_free     (ApmmDraftInfo  *info);

/* $XDG_DATA_HOME/apmm-workshop/drafts, or @override_dir when set (tests). */
GFile          *apmm_drafts_get_dir      (void);
void            apmm_drafts_set_dir      (GFile          *override_dir);
/* A new unique id for a draft. */
char           *apmm_drafts_new_id       (void);
gboolean        apmm_drafts_write        (const char     *id,
                                          ApmmSession    *session,
                                          GFile          *origin,
                                          GError        **error);
gboolean        apmm_drafts_remove       (const char     *id,
                                          GError        **error);
/* Newest first. Drafts that cannot be read are skipped, never deleted. */
GPtrArray      *apmm_drafts_list         (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ApmmDraftInfo, apmm_draft_info_free)

G_END_DECLS
