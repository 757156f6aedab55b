/* apmm-session-file.c — reading and writing session files (format version 1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loading: apmm-session-file-scan.c turns bytes into JSON only after a strict
 * pre-scan, apmm-session-file-read.c turns JSON into a session and says
 * where and why it refuses. Saving: apmm-session-file-write.c builds the
 * JSON (unknown keys kept), apmm-session-file-print.c prints it, and
 * apmm-file-writer.c puts it on disk.
 *
 * Why a custom writer and printer rather than json-glib's generator and
 * g_file_replace_contents(): the printer gives byte-for-byte the same file
 * for the same session (shortest round-tripping doubles, fixed member
 * order), so saves diff cleanly and tests compare bytes; and the file writer
 * checks every write and the fsync, which GLib 2.74 does not (on a full disk
 * it renames a cut file over the good one). Every save is checked against
 * the reader's limits first (apmm_session_check_limits()): this app never
 * writes a file it would refuse to open.
 */
#define G_LOG_DOMAIN "apmm-session-file"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "apmm-file-writer.h"
#include "apmm-model.h"
#include "apmm-session-file-private.h"
#include "apmm-session-private.h"

G_DEFINE_QUARK (apmm-session-error-quark, apmm_session_error)

/* ------------------------------------------------------------------------ */
/* Places and messages                                                       */
/* ------------------------------------------------------------------------ */

/* A key from the file, made safe to show on one line: control characters are
 * replaced and long keys are shortened. */
char *
apmm_sf_label (const char *key)
{
  GString *label = g_string_new (NULL);
  guint n_chars = 0;

  for (const char *p = key; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (n_chars++ == MAX_LABEL_CHARS)
        {
          g_string_append (label, "…");
          break;
        }
      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        g_string_append_unichar (label, 0xfffd);
      else
        g_string_append_unichar (label, c);
    }

  return g_string_free (label, FALSE);
}

char *
apmm_sf_path_child (const char *parent,
            const char *key)
{
  g_autofree char *label = apmm_sf_label (key);

  if (parent == NULL || parent[0] == '\0')
    return g_steal_pointer (&label);

  return g_strconcat (parent, SEP, label, NULL);
}

char *
apmm_sf_path_index (const char *parent,
            guint       index)
{
  /* People count rows from one. */
  g_autofree char *number = g_strdup_printf ("%u", index + 1);

  return apmm_sf_path_child (parent, number);
}

gboolean
apmm_sf_fail_at (GError     **error,
         int          code,
         const char  *path,
         const char  *reason)
{
  if (path == NULL || path[0] == '\0')
    g_set_error_literal (error, APMM_SESSION_ERROR, code, reason);
  else
    g_set_error (error, APMM_SESSION_ERROR, code, "%s: %s", path, reason);

  return FALSE;
}

gboolean
apmm_sf_invalid (GError     **error,
         const char  *path,
         const char  *reason)
{
  return apmm_sf_fail_at (error, APMM_SESSION_ERROR_INVALID, path, reason);
}

gboolean
apmm_sf_invalid_member (GError     **error,
                const char  *path,
                const char  *key,
                const char  *reason)
{
  g_autofree char *place = apmm_sf_path_child (path, key);

  return apmm_sf_invalid (error, place, reason);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                */
/* ------------------------------------------------------------------------ */

ApmmSession *
apmm_session_load_bytes (GBytes  *bytes,
                         GError **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(ApmmSession) session = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((root = apmm_sf_parse_json (bytes, error)) == NULL)
    return NULL;

  session = apmm_session_new ();
  if (!apmm_sf_load_root (session, root, error))
    return NULL;

  apmm_session_set_origin (session, root);

  return g_steal_pointer (&session);
}

/* Reads at most APMM_SESSION_MAX_SIZE + 1 bytes, so that a file that grows
 * after it was measured, or that reports no size, cannot exhaust memory. */
static GBytes *
read_capped (GFile         *file,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;
  guint8 chunk[64 * 1024];
  gssize n;

  if ((stream = g_file_read (file, cancellable, &local_error)) == NULL)
    goto failed;

  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk, cancellable, &local_error)) > 0)
    {
      g_byte_array_append (buffer, chunk, (guint) n);
      if (buffer->len > APMM_SESSION_MAX_SIZE)
        return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
    }
  if (n == 0)
    return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));

failed:
  g_set_error (error, APMM_SESSION_ERROR, APMM_SESSION_ERROR_IO,
               _("The file could not be read: %s"), local_error->message);
  return NULL;
}

static gboolean
check_file_info (GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  GFileType type;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error_literal (error, APMM_SESSION_ERROR, APMM_SESSION_ERROR_NOT_FOUND,
                             _("The file does not exist"));
      else
        g_set_error (error, APMM_SESSION_ERROR, APMM_SESSION_ERROR_IO,
                     _("The file could not be read: %s"), local_error->message);
      return FALSE;
    }

  type = g_file_info_get_file_type (info);
  if (type == G_FILE_TYPE_DIRECTORY)
    return apmm_sf_fail_at (error, APMM_SESSION_ERROR_NOT_REGULAR, NULL, _("This is a folder, not a session file"));
  if (type != G_FILE_TYPE_REGULAR)
    return apmm_sf_fail_at (error, APMM_SESSION_ERROR_NOT_REGULAR, NULL, _("This is not a regular file"));

  if (g_file_info_get_size (info) > APMM_SESSION_MAX_SIZE)
    {
      apmm_sf_set_too_large_error (error, (guint64) g_file_info_get_size (info));
      return FALSE;
    }

  return TRUE;
}

ApmmSession *
apmm_session_load_file (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_file_info (file, cancellable, error))
    return NULL;
  if ((bytes = read_capped (file, cancellable, error)) == NULL)
    return NULL;

  return apmm_session_load_bytes (bytes, error);
}

GBytes *
apmm_session_to_bytes (ApmmSession *session)
{
  g_autoptr(JsonNode) node = NULL;
  char *text;

  g_return_val_if_fail (APMM_IS_SESSION (session), NULL);

  node = apmm_sf_session_to_node (session);
  text = apmm_session_file_json_to_string (node);

  return g_bytes_new_take (text, strlen (text));
}

gboolean
apmm_session_save_file (ApmmSession   *session,
                        GFile         *file,
                        const char    *etag_in,
                        char         **etag_out,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (APMM_IS_SESSION (session), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = apmm_session_to_bytes (session);

  return g_file_replace_contents (file,
                                  g_bytes_get_data (bytes, NULL),
                                  g_bytes_get_size (bytes),
                                  etag_in,
                                  FALSE,
                                  G_FILE_CREATE_NONE,
                                  etag_out,
                                  cancellable,
                                  error);
}
