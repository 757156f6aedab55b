/* apmm-session-file.c — reading and writing session files (format version 1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loading: apmm-session-file-scan.c turns bytes into JSON in one strict
 * scan, apmm-session-file-read.c turns JSON into a session and says
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

static ApmmSession *
session_from_root (JsonNode  *root,
                   GError   **error)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();

  if (!apmm_sf_load_root (session, root, error))
    return NULL;

  apmm_session_set_origin (session, root);

  return g_steal_pointer (&session);
}

ApmmSession *
apmm_session_load_bytes (GBytes  *bytes,
                         GError **error)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((root = apmm_sf_parse_json (bytes, error)) == NULL)
    return NULL;

  return session_from_root (root, error);
}

/* Reads at most APMM_SESSION_MAX_SIZE + 1 bytes, so that a file that grows
 * after it was measured, or that reports no size, cannot exhaust memory.
 * The buffer is sized from @size_hint, the size the file reported, and read
 * into directly: growing it 64 KiB at a time copied a 15 MB session over
 * and over. */
static GBytes *
read_capped (GFile         *file,
             guint64        size_hint,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  g_autoptr(GError) local_error = NULL;
  gssize n;

  if ((stream = g_file_read (file, cancellable, &local_error)) == NULL)
    goto failed;

  buffer = g_byte_array_sized_new ((guint) MIN (size_hint, APMM_SESSION_MAX_SIZE) + 1);
  for (;;)
    {
      guint len = buffer->len;
      /* The rest of what the file reported and one byte more, so that the
       * end is seen at once; 64 KiB at a time past that. */
      gsize want = size_hint + 1 > len ? (gsize) (size_hint + 1 - len) : 64 * 1024;

      want = MIN (want, (gsize) APMM_SESSION_MAX_SIZE + 1 - len);
      g_byte_array_set_size (buffer, len + (guint) want);
      n = g_input_stream_read (G_INPUT_STREAM (stream), buffer->data + len, want, cancellable, &local_error);
      g_byte_array_set_size (buffer, len + (guint) MAX (n, 0));
      if (n <= 0 || buffer->len > APMM_SESSION_MAX_SIZE)
        break;
    }
  if (n >= 0)
    return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));

failed:
  g_set_error (error, APMM_SESSION_ERROR, APMM_SESSION_ERROR_IO,
               _("The file could not be read: %s"), local_error->message);
  return NULL;
}

static gboolean
check_file_info (GFile         *file,
                 guint64       *size,
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

  *size = (guint64) MAX (g_file_info_get_size (info), 0);
  return TRUE;
}

ApmmSession *
apmm_session_load_file (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  guint64 size = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_file_info (file, &size, cancellable, error))
    return NULL;
  if ((bytes = read_capped (file, size, cancellable, error)) == NULL)
    return NULL;

  /* The tree holds copies of everything it needs: the file's bytes go
   * before the session is built, so that a large file is in memory twice at
   * most (the tree, the session), not three times. */
  root = apmm_sf_parse_json (bytes, error);
  g_clear_pointer (&bytes, g_bytes_unref);
  if (root == NULL)
    return NULL;

  return session_from_root (root, error);
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

/* ------------------------------------------------------------------------ */
/* Limits                                                                    */
/* ------------------------------------------------------------------------ */

static gboolean
check_string (const char  *value,
              const char  *what,
              GError     **error)
{
  gsize len = value != NULL ? strlen (value) : 0;
  g_autofree char *found = NULL;

  if (len <= APMM_SESSION_MAX_STRING)
    return TRUE;

  /* Formatted apart: xgettext cannot read a format macro in a message. */
  found = g_strdup_printf ("%" G_GSIZE_FORMAT, len);
  /* Translators: the first is a field such as "The session's notes". */
  g_set_error (error, APMM_SESSION_ERROR, APMM_SESSION_ERROR_TOO_LARGE,
               _("%s is too long to save: %s bytes, over the limit of %d bytes (%d KiB) for one text; "
                 "shorten it and save again"),
               what, found, APMM_SESSION_MAX_STRING, APMM_SESSION_MAX_STRING / 1024);
  return FALSE;
}

static gboolean
check_count (guint        n,
             guint        max,
             gboolean     actions,
             GError     **error)
{
  if (n <= max)
    return TRUE;

  if (actions)
    g_set_error (error, APMM_SESSION_ERROR, APMM_SESSION_ERROR_TOO_LARGE,
                 _("The session has %u roadmap actions; a session file holds at most %u"), n, max);
  else
    g_set_error (error, APMM_SESSION_ERROR, APMM_SESSION_ERROR_TOO_LARGE,
                 _("The session has %u participants; a session file holds at most %u"), n, max);
  return FALSE;
}

static gboolean
check_metadata (ApmmSession  *session,
                GError      **error)
{
  return check_string (apmm_session_get_title (session), _("The session title"), error) &&
         check_string (apmm_session_get_organisation (session), _("The organisation"), error) &&
         check_string (apmm_session_get_facilitator (session), _("The facilitator"), error) &&
         check_string (apmm_session_get_date (session), _("The date"), error) &&
         check_string (apmm_session_get_notes (session), _("The session’s notes"), error);
}

static gboolean
check_participants (ApmmSession  *session,
                    GError      **error)
{
  guint n = apmm_session_get_n_participants (session);

  if (!check_count (n, APMM_SESSION_MAX_PARTICIPANTS, FALSE, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *what = g_strdup_printf (_("The name of participant %u"), i + 1);

      if (!check_string (apmm_session_get_participant_name (session, i), what, error))
        return FALSE;
    }
  for (guint level = 0; level < APMM_N_LEVELS; level++)
    if (apmm_session_get_tally (session, level) > APMM_SESSION_MAX_TALLY)
      {
        g_set_error (error, APMM_SESSION_ERROR, APMM_SESSION_ERROR_TOO_LARGE,
                     _("A level has more than %d votes"), APMM_SESSION_MAX_TALLY);
        return FALSE;
      }

  return TRUE;
}

static gboolean
check_criteria (ApmmSession  *session,
                GError      **error)
{
  ApmmModel *model = apmm_model_get_default ();

  for (guint i = 0; i < apmm_model_get_n_criteria (model); i++)
    {
      const char *id = apmm_model_get_criterion (model, i)->id;
      g_autofree char *note = g_strdup_printf (_("The evidence note of criterion %s"), id);
      g_autofree char *by = g_strdup_printf (_("“Confirmed by” of criterion %s"), id);
      g_autofree char *owner = g_strdup_printf (_("The owner of the gap %s"), id);
      g_autofree char *gap_note = g_strdup_printf (_("The note on the gap %s"), id);

      if (!check_string (apmm_session_get_evidence_note (session, id), note, error) ||
          !check_string (apmm_session_get_confirmed_by (session, id), by, error) ||
          !check_string (apmm_session_get_confirmed_at (session, id), by, error) ||
          !check_string (apmm_session_get_gap_owner (session, id), owner, error) ||
          !check_string (apmm_session_get_gap_note (session, id), gap_note, error))
        return FALSE;
    }
  for (guint i = 0; i < apmm_model_get_n_prompts (model); i++)
    {
      const char *id = apmm_model_get_prompt (model, i)->id;
      g_autofree char *what = g_strdup_printf (_("The notes on the prompt %s"), id);

      if (!check_string (apmm_session_get_prompt_notes (session, id), what, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_roadmap (ApmmSession  *session,
               GError      **error)
{
  guint n = apmm_session_get_n_actions (session);

  if (!check_count (n, APMM_SESSION_MAX_ACTIONS, TRUE, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const ApmmAction *action = apmm_session_get_action (session, i);
      /* Translators: %u is the action's number in the roadmap. */
      g_autofree char *what = g_strdup_printf (_("A text of roadmap action %u"), i + 1);

      if (!check_string (action->id, what, error) ||
          !check_string (action->title, what, error) ||
          !check_string (action->description, what, error) ||
          !check_string (action->owner, what, error) ||
          !check_string (action->measure, what, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
apmm_session_check_limits (ApmmSession  *session,
                           GError      **error)
{
  g_return_val_if_fail (APMM_IS_SESSION (session), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return check_metadata (session, error) &&
         check_participants (session, error) &&
         check_criteria (session, error) &&
         check_roadmap (session, error);
}

GBytes *
apmm_session_to_checked_bytes (ApmmSession  *session,
                               GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize size;

  g_return_val_if_fail (APMM_IS_SESSION (session), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!apmm_session_check_limits (session, error))
    return NULL;

  bytes = apmm_session_to_bytes (session);
  size = g_bytes_get_size (bytes);
  if (size > APMM_SESSION_MAX_SIZE)
    {
      g_autofree char *found = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (APMM_SESSION_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, APMM_SESSION_ERROR, APMM_SESSION_ERROR_TOO_LARGE,
                   _("The session would be %s, more than the limit of %s for a session file; "
                     "shorten some notes and save again"), found, limit);
      return NULL;
    }

  return g_steal_pointer (&bytes);
}

static gboolean
save_checked (ApmmSession         *session,
              GFile               *file,
              ApmmFileWriteFlags   flags,
              const char          *etag_in,
              char               **etag_out,
              GCancellable        *cancellable,
              GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (APMM_IS_SESSION (session), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((bytes = apmm_session_to_checked_bytes (session, &local_error)) == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("%s. Nothing was written."), local_error->message);
      return FALSE;
    }

  return apmm_file_write_bytes (file, bytes, flags, etag_in, etag_out, cancellable, error);
}

gboolean
apmm_session_save_file (ApmmSession   *session,
                        GFile         *file,
                        const char    *etag_in,
                        char         **etag_out,
                        GCancellable  *cancellable,
                        GError       **error)
{
  return save_checked (session, file, APMM_FILE_WRITE_NONE, etag_in, etag_out, cancellable, error);
}

gboolean
apmm_session_save_private (ApmmSession   *session,
                           GFile         *file,
                           GError       **error)
{
  return save_checked (session, file, APMM_FILE_WRITE_PRIVATE, NULL, NULL, NULL, error);
}
