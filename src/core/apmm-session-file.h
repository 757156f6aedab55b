/* apmm-session-file.h — reading and writing session files (format version 1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "apmm-session.h"

G_BEGIN_DECLS

#define APMM_SESSION_FORMAT          "apmm-session"
#define APMM_SESSION_FORMAT_VERSION  1
#define APMM_SESSION_EXTENSION       ".apmm"
#define APMM_SESSION_MIME_TYPE       "application/x-apmm-session"

/* The limits of a session file, the same for reading and writing: the app
 * never saves what it could not open (docs/session-format.md, "Limits"). */
#define APMM_SESSION_MAX_SIZE         (16 * 1024 * 1024)  /* bytes in the file */
#define APMM_SESSION_MAX_DEPTH        32                  /* nesting of values */
#define APMM_SESSION_MAX_STRING       (64 * 1024)         /* UTF-8 bytes in one string, after unescaping */
#define APMM_SESSION_MAX_PARTICIPANTS 500
#define APMM_SESSION_MAX_ACTIONS      500
#define APMM_SESSION_MAX_TALLY        100000              /* anonymous votes for one level */

#define APMM_SESSION_ERROR (apmm_session_error_quark ())

typedef enum {
  APMM_SESSION_ERROR_NOT_FOUND,     /* missing file */
  APMM_SESSION_ERROR_NOT_REGULAR,   /* a folder or a special file */
  APMM_SESSION_ERROR_TOO_LARGE,     /* over APMM_SESSION_MAX_SIZE */
  APMM_SESSION_ERROR_EMPTY,
  APMM_SESSION_ERROR_ENCODING,      /* invalid UTF-8, NUL bytes */
  APMM_SESSION_ERROR_SYNTAX,        /* not JSON, truncated, duplicate keys */
  APMM_SESSION_ERROR_TOO_DEEP,      /* nesting beyond APMM_SESSION_MAX_DEPTH */
  APMM_SESSION_ERROR_INVALID,       /* valid JSON, not a valid session */
  APMM_SESSION_ERROR_NEWER_VERSION, /* written by a newer APMM Workshop */
  APMM_SESSION_ERROR_UNKNOWN_MODEL,
  APMM_SESSION_ERROR_IO,            /* could not read or write */
} ApmmSessionError;

GQuark        apmm_session_error_quark     (void);

/* Parse and validate. @error names the place: "ratings › l3.rollback › status: …". */
ApmmSession  *apmm_session_load_bytes      (GBytes        *bytes,
                                            GError       **error);
ApmmSession  *apmm_session_load_file       (GFile         *file,
                                            GCancellable  *cancellable,
                                            GError       **error);
/* Deterministic, pretty-printed UTF-8 JSON, ending with a newline. Unknown keys
 * kept from the loaded file are written back unchanged. */
GBytes       *apmm_session_to_bytes        (ApmmSession   *session);
/* The first limit @session is over, as a message naming the field, or TRUE
 * when it fits a session file (strings and counts; the file's size is
 * checked by apmm_session_to_checked_bytes()). */
gboolean      apmm_session_check_limits    (ApmmSession   *session,
                                            GError       **error);
/* apmm_session_to_bytes(), or NULL with APMM_SESSION_ERROR_TOO_LARGE when the
 * result would be refused by the reader. */
GBytes       *apmm_session_to_checked_bytes (ApmmSession  *session,
                                            GError       **error);
/* Checks the limits, then replaces @file atomically (apmm-file-writer.h): on
 * any failure the file on disk is unchanged. @etag_in, when not NULL, makes
 * the save fail with G_IO_ERROR_WRONG_ETAG if the file changed on disk. */
gboolean      apmm_session_save_file       (ApmmSession   *session,
                                            GFile         *file,
                                            const char    *etag_in,
                                            char         **etag_out,
                                            GCancellable  *cancellable,
                                            GError       **error);
/* As apmm_session_save_file(), for files that hold data the user did not
 * place (drafts): mode 0600. */
gboolean      apmm_session_save_private    (ApmmSession   *session,
                                            GFile         *file,
                                            GError       **error);
/* The writer behind apmm_session_to_bytes(), for any JSON value: 2-space
 * indent, "key": value, members in the node's order, newline at the end. */
char         *apmm_session_file_json_to_string (JsonNode  *node);

G_END_DECLS
