/* apmm-session-file-private.h — what the units of the session file share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The session file is read and written by five units, each small enough to
 * hold in mind:
 *
 *   apmm-session-file.c        public API, places and messages, the file on disk
 *   apmm-session-file-scan.c   bytes → JSON: one strict scan that builds the tree
 *   apmm-session-file-read.c   JSON → session: typed readers and validation
 *   apmm-session-file-write.c  session → JSON, with the unknown keys kept
 *   apmm-session-file-print.c  JSON → bytes: the deterministic printer
 */
#pragma once

#include <json-glib/json-glib.h>

#include "apmm-session-file.h"

G_BEGIN_DECLS

/* The separator between the parts of a place in error messages. */
#define SEP " \xe2\x80\xba "

/* Longest number text the scan accepts, and longest key shown in a message. */
#define MAX_NUMBER_LENGTH 64
#define MAX_LABEL_CHARS   40

/* Places and messages (apmm-session-file.c). */
char      *apmm_sf_label               (const char   *key);
char      *apmm_sf_path_child          (const char   *parent,
                                        const char   *key);
char      *apmm_sf_path_index          (const char   *parent,
                                        guint         index);
gboolean   apmm_sf_fail_at             (GError      **error,
                                        int           code,
                                        const char   *path,
                                        const char   *reason);
gboolean   apmm_sf_invalid             (GError      **error,
                                        const char   *path,
                                        const char   *reason);
gboolean   apmm_sf_invalid_member      (GError      **error,
                                        const char   *path,
                                        const char   *key,
                                        const char   *reason);

/* apmm-session-file-scan.c */
void       apmm_sf_set_too_large_error (GError      **error,
                                        guint64       size);
JsonNode  *apmm_sf_parse_json          (GBytes       *bytes,
                                        GError      **error);

/* apmm-session-file-read.c */
gboolean   apmm_sf_node_is_type        (JsonNode     *node,
                                        GType         type);
gboolean   apmm_sf_load_root           (ApmmSession  *session,
                                        JsonNode     *root,
                                        GError      **error);

/* apmm-session-file-write.c */
JsonNode  *apmm_sf_session_to_node     (ApmmSession  *session);

G_END_DECLS
