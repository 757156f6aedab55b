/* apmm-file-writer.h — the one way APMM Workshop writes a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file the app produces (sessions, drafts, exports, reports) goes
 * through here. The new content is written to a temporary file in the
 * target's own folder, every write, the fsync and the close are checked, and
 * only a complete file is renamed over the target. On any failure the
 * temporary file is removed and the target is untouched. A symbolic link is
 * followed and its target replaced; a folder that cannot be written is
 * refused (G_IO_ERROR_PERMISSION_DENIED), never written in place. See
 * docs/session-format.md, "How files are written".
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Temporary files start with this; a killed writer may leave one behind. */
#define APMM_FILE_WRITER_TEMP_PREFIX ".apmm-write-"

typedef enum {
  APMM_FILE_WRITE_NONE    = 0,
  /* The file holds data the user did not place (drafts): 0600, whatever
   * the mode of the file it replaces. Without it, an existing file keeps its
   * mode and a new one gets 0666 less the umask. */
  APMM_FILE_WRITE_PRIVATE = 1 << 0,
} ApmmFileWriteFlags;

typedef struct _ApmmFileSink ApmmFileSink;

/* Appends @len bytes to the file being written; FALSE with @error set (disk
 * full, file too large…) when it could not. */
gboolean  apmm_file_sink_write  (ApmmFileSink        *sink,
                                 const void          *data,
                                 gsize                len,
                                 GError             **error);

/* Produces the content by calling apmm_file_sink_write(); returning FALSE
 * (with @error set) abandons the write and keeps the old file. */
typedef gboolean (*ApmmFileProduceFunc) (ApmmFileSink  *sink,
                                         gpointer       user_data,
                                         GError       **error);

/* Replaces @file with what @produce writes. @etag_in, when not NULL, makes
 * the write fail with G_IO_ERROR_WRONG_ETAG if the file changed since it was
 * read; @etag_out receives the new file's etag. */
gboolean  apmm_file_write       (GFile               *file,
                                 ApmmFileWriteFlags   flags,
                                 ApmmFileProduceFunc  produce,
                                 gpointer             user_data,
                                 const char          *etag_in,
                                 char               **etag_out,
                                 GCancellable        *cancellable,
                                 GError             **error);

/* Replaces @file with @len bytes of @data. */
gboolean  apmm_file_write_data  (GFile               *file,
                                 const void          *data,
                                 gsize                len,
                                 ApmmFileWriteFlags   flags,
                                 const char          *etag_in,
                                 char               **etag_out,
                                 GCancellable        *cancellable,
                                 GError             **error);

/* Replaces @file with @bytes. */
gboolean  apmm_file_write_bytes (GFile               *file,
                                 GBytes              *bytes,
                                 ApmmFileWriteFlags   flags,
                                 const char          *etag_in,
                                 char               **etag_out,
                                 GCancellable        *cancellable,
                                 GError             **error);

/* Removes @temp, a file named APMM_FILE_WRITER_TEMP_PREFIX… left by a writer
 * that was killed, unless a writer (in any process) is still writing it.
 * Returns whether it was removed. */
gboolean  apmm_file_writer_remove_stale (GFile        *temp);

/* Creates @dir and its parents as needed, each new folder 0700, and makes
 * @dir itself 0700: for folders that hold drafts. */
gboolean  apmm_file_make_private_dir (GFile          *dir,
                                      GError        **error);

G_END_DECLS
