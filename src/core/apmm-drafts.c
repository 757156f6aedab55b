/* apmm-drafts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-drafts"

#include "config.h"

#include <string.h>

#include "apmm-drafts.h"
#include "apmm-file-writer.h"
#include "apmm-session-file.h"

#define INFO_GROUP "Draft"

static GFile *override_dir;

void
apmm_draft_info_free (ApmmDraftInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->id);
  g_clear_object (&info->draft);
  g_clear_object (&info->origin);
  g_clear_pointer (&info->modified, g_date_time_unref);
  g_free (info->title);
  g_free (info);
}

GFile *
apmm_drafts_get_dir (void)
{
  if (override_dir != NULL)
    return g_object_ref (override_dir);

  return g_file_new_build_filename (g_get_user_data_dir (), "apmm-workshop", "drafts", NULL);
}

void
apmm_drafts_set_dir (GFile *dir)
{
  g_set_object (&override_dir, dir);
}

char *
apmm_drafts_new_id (void)
{
  return g_uuid_string_random ();
}

static GFile *
draft_child (const char *id,
             const char *suffix)
{
  g_autoptr(GFile) dir = apmm_drafts_get_dir ();
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_file_get_child (dir, name);
}

/* Drafts hold a client's board talking that the user never chose to put in
 * this folder: it and every file in it are the user's alone (0700 / 0600). */
static gboolean
ensure_dir (GError **error)
{
  g_autoptr(GFile) dir = apmm_drafts_get_dir ();

  return apmm_file_make_private_dir (dir, error);
}

gboolean
apmm_drafts_write (const char   *id,
                   ApmmSession  *session,
                   GFile        *origin,
                   GError      **error)
{
  g_autoptr(GFile) draft = NULL;
  g_autoptr(GFile) info_file = NULL;
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);
  g_autofree char *info_data = NULL;
  gsize info_len = 0;

  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (APMM_IS_SESSION (session), FALSE);

  /* A draft the reader would refuse could not be recovered: refuse it here,
   * before anything is written, and the previous draft stays. */
  if (!apmm_session_check_limits (session, error) || !ensure_dir (error))
    return FALSE;

  if (origin != NULL)
    {
      g_autofree char *uri = g_file_get_uri (origin);
      g_key_file_set_string (info, INFO_GROUP, "Origin", uri);
    }
  g_key_file_set_string (info, INFO_GROUP, "Modified", stamp);
  g_key_file_set_string (info, INFO_GROUP, "Title", apmm_session_get_organisation (session));
  info_data = g_key_file_to_data (info, &info_len, NULL);
  info_file = draft_child (id, ".info");

  /* The description goes first: a crash between the two writes then leaves
   * a draft whose session is the previous one, never a session nobody lists. */
  if (!apmm_file_write_data (info_file, info_data, info_len, APMM_FILE_WRITE_PRIVATE,
                             NULL, NULL, NULL, error))
    return FALSE;

  draft = draft_child (id, APMM_SESSION_EXTENSION);
  return apmm_session_save_private (session, draft, error);
}

gboolean
apmm_drafts_remove (const char  *id,
                    GError     **error)
{
  g_autoptr(GFile) draft = draft_child (id, APMM_SESSION_EXTENSION);
  g_autoptr(GFile) info = draft_child (id, ".info");
  g_autoptr(GError) local_error = NULL;

  if (!g_file_delete (draft, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_clear_error (&local_error);

  if (!g_file_delete (info, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static ApmmDraftInfo *
read_info (const char *id)
{
  g_autoptr(GFile) info_file = draft_child (id, ".info");
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autofree char *path = g_file_get_path (info_file);
  g_autofree char *origin = NULL;
  g_autofree char *stamp = NULL;
  ApmmDraftInfo *info;

  /* A draft without its description is still offered (dated by the file):
   * losing where it came from is better than losing the work. */
  if (path != NULL)
    g_key_file_load_from_file (kf, path, G_KEY_FILE_NONE, NULL);

  stamp = g_key_file_get_string (kf, INFO_GROUP, "Modified", NULL);
  origin = g_key_file_get_string (kf, INFO_GROUP, "Origin", NULL);

  info = g_new0 (ApmmDraftInfo, 1);
  info->id = g_strdup (id);
  info->draft = draft_child (id, APMM_SESSION_EXTENSION);
  info->origin = origin != NULL ? g_file_new_for_uri (origin) : NULL;
  info->modified = stamp != NULL ? g_date_time_new_from_iso8601 (stamp, NULL) : NULL;
  if (info->modified == NULL)
    {
      g_autoptr(GFileInfo) file_info = g_file_query_info (info->draft, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                                          G_FILE_QUERY_INFO_NONE, NULL, NULL);
      guint64 mtime = file_info != NULL ?
        g_file_info_get_attribute_uint64 (file_info, G_FILE_ATTRIBUTE_TIME_MODIFIED) : 0;

      info->modified = g_date_time_new_from_unix_utc ((gint64) mtime);
    }
  info->title = g_key_file_get_string (kf, INFO_GROUP, "Title", NULL);

  return info;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const ApmmDraftInfo *ia = *(ApmmDraftInfo * const *) a;
  const ApmmDraftInfo *ib = *(ApmmDraftInfo * const *) b;

  return g_date_time_compare (ib->modified, ia->modified);
}

/* How old a temporary file in the drafts folder must be to count as left
 * behind by a killed save rather than a write under way. */
#define STALE_TEMP_SECONDS 60

static gboolean
is_stale (GFileInfo *info)
{
  guint64 modified = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);

  return modified + STALE_TEMP_SECONDS < (guint64) (g_get_real_time () / G_USEC_PER_SEC);
}

GPtrArray *
apmm_drafts_list (void)
{
  g_autoptr(GFile) dir = apmm_drafts_get_dir ();
  g_autoptr(GFileEnumerator) enumerator = NULL;
  GPtrArray *drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) apmm_draft_info_free);
  GFileInfo *child;

  enumerator = g_file_enumerate_children (dir,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                          G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (enumerator == NULL)
    return drafts;

  while ((child = g_file_enumerator_next_file (enumerator, NULL, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (child);

      /* A save killed half-way leaves a temporary file behind (ours, or
       * GLib's from older versions); in the drafts folder nobody else
       * writes, so it can go — unless a draft is still being written
       * through it (drafts are written in a worker thread, possibly while
       * another window lists them): the writer holds a lock on its temporary
       * file, and a file is only taken once it is a minute old as well. */
      if (g_str_has_prefix (name, APMM_FILE_WRITER_TEMP_PREFIX) && is_stale (child))
        {
          g_autoptr(GFile) stale = g_file_get_child (dir, name);
          apmm_file_writer_remove_stale (stale);
        }
      else if (g_str_has_prefix (name, ".goutputstream-") && is_stale (child))
        {
          /* Left by versions that wrote drafts with GLib. */
          g_autoptr(GFile) stale = g_file_get_child (dir, name);
          g_file_delete (stale, NULL, NULL);
        }
      else if (g_str_has_suffix (name, APMM_SESSION_EXTENSION))
        {
          g_autofree char *id = g_strndup (name, strlen (name) - strlen (APMM_SESSION_EXTENSION));
          ApmmDraftInfo *info = read_info (id);

          if (info != NULL)
            g_ptr_array_add (drafts, info);
        }
      g_object_unref (child);
    }

  g_ptr_array_sort (drafts, compare_newest_first);

  return drafts;
}
