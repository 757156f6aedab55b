/* apmm-file-writer.c — the one way APMM Workshop writes a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Why not g_file_replace_contents(): in GLib 2.74 it ignores a failed write
 * (ENOSPC, EFBIG) and still fsyncs and renames the cut temporary file over
 * the good one, and where it cannot create a temporary file beside the
 * target (a symlink, a read-only folder) it falls back to truncating the
 * target and writing in place, which a crash or a kill leaves empty. Here
 * every step is checked and the only change ever made to the target is one
 * rename(2) of a complete, synced file.
 */
#define G_LOG_DOMAIN "apmm-file-writer"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "apmm-file-writer.h"
#include "apmm-safe-text.h"

/* As the kernel's own limit on symlinks followed in one lookup. */
#define MAX_LINK_HOPS 40

struct _ApmmFileSink {
  int         fd;
  const char *name;   /* the user's name for the file, for messages */
};

/* ------------------------------------------------------------------------ */
/* Messages                                                                  */
/* ------------------------------------------------------------------------ */

static const char *
reason_for_errno (int saved_errno)
{
  switch (saved_errno)
    {
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
      return _("the disk is full");
    case EFBIG:
      return _("the file would be larger than this disk or this program may write");
    case EACCES:
    case EPERM:
    case EROFS:
      return _("permission denied");
    default:
      return g_strerror (saved_errno);
    }
}

static gboolean
fail_errno (GError     **error,
            int          saved_errno,
            const char  *name)
{
  /* Translators: the first is a file name, the second a reason such as
   * "the disk is full". */
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not write “%s”: %s. The file on disk was not changed."),
               name, reason_for_errno (saved_errno));
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* The sink                                                                  */
/* ------------------------------------------------------------------------ */

gboolean
apmm_file_sink_write (ApmmFileSink  *sink,
                      const void    *data,
                      gsize          len,
                      GError       **error)
{
  const guint8 *p = data;

  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  while (len > 0)
    {
      ssize_t n = write (sink->fd, p, MIN (len, (gsize) G_MAXSSIZE));

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return fail_errno (error, errno, sink->name);
        }
      if (n == 0)
        return fail_errno (error, ENOSPC, sink->name);
      p += n;
      len -= (gsize) n;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Where to write                                                            */
/* ------------------------------------------------------------------------ */

/* Follows @path through symbolic links to the file that is really replaced.
 * A link whose target does not exist yet resolves to that target. */
static char *
resolve_target (const char  *path,
                const char  *name,
                GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint hops = 0; hops <= MAX_LINK_HOPS; hops++)
    {
      g_autofree char *link = NULL;
      GStatBuf st;

      if (g_lstat (current, &st) != 0)
        {
          if (errno == ENOENT)
            return g_steal_pointer (&current);
          fail_errno (error, errno, name);
          return NULL;
        }
      if (!S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);

      if ((link = g_file_read_link (current, NULL)) == NULL)
        {
          fail_errno (error, EINVAL, name);
          return NULL;
        }
      if (!g_path_is_absolute (link))
        {
          g_autofree char *dir = g_path_get_dirname (current);
          char *joined = g_build_filename (dir, link, NULL);

          g_free (current);
          current = joined;
        }
      else
        {
          g_free (current);
          current = g_steal_pointer (&link);
        }
    }

  fail_errno (error, ELOOP, name);
  return NULL;
}

typedef struct {
  gboolean exists;
  mode_t   mode;
  uid_t    uid;
  gid_t    gid;
} TargetInfo;

/* Refuses at once what cannot be replaced by a regular file: a FIFO (whose
 * opening would block), a device, a socket, a folder, a read-only file. */
static gboolean
check_target (const char  *target,
              const char  *name,
              TargetInfo  *info,
              GError     **error)
{
  GStatBuf st;

  memset (info, 0, sizeof *info);
  if (g_stat (target, &st) != 0)
    {
      if (errno == ENOENT)
        return TRUE;
      return fail_errno (error, errno, name);
    }

  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("Could not write “%s”: it is a folder"), name);
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("Could not write “%s”: it is not a regular file (a pipe, a device or a socket)"),
                   name);
      return FALSE;
    }
  if (access (target, W_OK) != 0 && errno != ENOENT)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("Could not write “%s”: the file is read-only"), name);
      return FALSE;
    }

  info->exists = TRUE;
  info->mode = st.st_mode & 07777;
  info->uid = st.st_uid;
  info->gid = st.st_gid;
  return TRUE;
}

static char *
query_etag (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info != NULL ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

/* A folder we cannot create a file in is never written in place: the caller
 * offers another place (Save As).
 *
 * The temporary file is locked (flock) while it is written, so that a clean-up
 * of stale temporary files (apmm_file_writer_remove_stale()) never removes
 * one that is in use, in this process or another; a killed writer's lock
 * goes with it. If a clean-up removed the file between its creation and the
 * lock, the path no longer names our file: start again with a new one. */
static int
open_temp (const char  *target,
           char       **temp_path,
           mode_t       mode,
           const char  *name,
           GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (target);

  for (guint attempt = 0; attempt < 8; attempt++)
    {
      g_autofree char *tmpl = g_build_filename (dir, APMM_FILE_WRITER_TEMP_PREFIX "XXXXXX", NULL);
      int fd = g_mkstemp_full (tmpl, O_WRONLY | O_CLOEXEC, (int) mode);
      GStatBuf by_path, by_fd;

      if (fd < 0)
        {
          int saved_errno = errno;
          g_autofree char *dir_name = g_filename_display_name (dir);
          g_autofree char *safe_dir = apmm_safe_text (dir_name);

          if (saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                         _("Could not write “%s”: the folder “%s” cannot be written to. "
                           "The file on disk was not changed; save it in another folder."),
                         name, safe_dir);
          else
            fail_errno (error, saved_errno, name);
          return -1;
        }

      if (flock (fd, LOCK_EX) == 0 && g_stat (tmpl, &by_path) == 0 && fstat (fd, (struct stat *) &by_fd) == 0 &&
          by_path.st_dev == by_fd.st_dev && by_path.st_ino == by_fd.st_ino)
        {
          *temp_path = g_steal_pointer (&tmpl);
          return fd;
        }
      close (fd);
    }

  fail_errno (error, EAGAIN, name);
  return -1;
}

/* Makes the directory entry of the rename durable; not every file system
 * can sync a folder, and the file itself is already safe. */
static void
sync_dir (const char *target)
{
  g_autofree char *dir = g_path_get_dirname (target);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return;
  (void) fsync (fd);
  close (fd);
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                   */
/* ------------------------------------------------------------------------ */

static gboolean
fill_and_sync (int                  fd,
               const char          *name,
               ApmmFileProduceFunc  produce,
               gpointer             user_data,
               mode_t               mode,
               TargetInfo          *info,
               GError             **error)
{
  ApmmFileSink sink = { fd, name };

  if (!produce (&sink, user_data, error))
    return FALSE;

  /* Best effort, as GLib does: only root may give a file to someone else. */
  if (info->exists)
    (void) fchown (fd, info->uid, info->gid);
  if (fchmod (fd, mode) != 0)
    return fail_errno (error, errno, name);

  if (fsync (fd) != 0)
    return fail_errno (error, errno, name);

  return TRUE;
}

static mode_t
current_umask (void)
{
  /* Read, not set, where the kernel says it (Linux ≥ 4.7): umask(2) alone
   * would change it for every thread while we look. */
  g_autofree char *status = NULL;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    {
      const char *line = strstr (status, "\nUmask:");

      if (line != NULL)
        return (mode_t) g_ascii_strtoull (line + strlen ("\nUmask:"), NULL, 8) & 0777;
    }
  return 022;
}

gboolean
apmm_file_write (GFile               *file,
                 ApmmFileWriteFlags   flags,
                 ApmmFileProduceFunc  produce,
                 gpointer             user_data,
                 const char          *etag_in,
                 char               **etag_out,
                 GCancellable        *cancellable,
                 GError             **error)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *target = NULL;
  g_autofree char *temp = NULL;
  TargetInfo info;
  mode_t mode;
  int fd;
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (produce != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = apmm_safe_file_name (file);
  if ((path = g_file_get_path (file)) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Could not write “%s”: only files on this computer can be written"), name);
      return FALSE;
    }

  if ((target = resolve_target (path, name, error)) == NULL ||
      !check_target (target, name, &info, error))
    return FALSE;

  if (etag_in != NULL && info.exists)
    {
      g_autofree char *current = query_etag (target);

      if (g_strcmp0 (current, etag_in) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                       _("“%s” was changed by another program"), name);
          return FALSE;
        }
    }

  if (flags & APMM_FILE_WRITE_PRIVATE)
    mode = 0600;
  else if (info.exists)
    mode = info.mode;
  else
    mode = 0666 & ~current_umask ();

  /* The temporary file starts private whatever its final mode: it holds
   * the new content before anyone decided who may read it. */
  if ((fd = open_temp (target, &temp, 0600, name, error)) < 0)
    return FALSE;

  ok = fill_and_sync (fd, name, produce, user_data, mode, &info, error);
  if (close (fd) != 0 && ok)
    ok = fail_errno (error, errno, name);
  if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;
  if (ok && g_rename (temp, target) != 0)
    ok = fail_errno (error, errno, name);

  if (!ok)
    {
      (void) g_unlink (temp);
      return FALSE;
    }

  sync_dir (target);
  if (etag_out != NULL)
    *etag_out = query_etag (target);

  return TRUE;
}

typedef struct {
  const void *data;
  gsize       len;
} Data;

static gboolean
write_data_cb (ApmmFileSink  *sink,
               gpointer       user_data,
               GError       **error)
{
  Data *d = user_data;

  return apmm_file_sink_write (sink, d->data, d->len, error);
}

gboolean
apmm_file_write_data (GFile               *file,
                      const void          *data,
                      gsize                len,
                      ApmmFileWriteFlags   flags,
                      const char          *etag_in,
                      char               **etag_out,
                      GCancellable        *cancellable,
                      GError             **error)
{
  Data d = { data, len };

  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  return apmm_file_write (file, flags, write_data_cb, &d, etag_in, etag_out, cancellable, error);
}

gboolean
apmm_file_write_bytes (GFile               *file,
                       GBytes              *bytes,
                       ApmmFileWriteFlags   flags,
                       const char          *etag_in,
                       char               **etag_out,
                       GCancellable        *cancellable,
                       GError             **error)
{
  gsize len = 0;
  const void *data;

  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &len);
  return apmm_file_write_data (file, len > 0 ? data : "", len, flags, etag_in, etag_out,
                               cancellable, error);
}

gboolean
apmm_file_make_private_dir (GFile   *dir,
                            GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (dir), FALSE);

  name = apmm_safe_file_name (dir);
  if ((path = g_file_get_path (dir)) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Could not create the folder “%s”: only folders on this computer can be used"),
                   name);
      return FALSE;
    }

  /* Folders made by an earlier version were 0755: tighten them too. */
  if (g_mkdir_with_parents (path, 0700) != 0 || g_chmod (path, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

gboolean
apmm_file_writer_remove_stale (GFile *temp)
{
  g_autofree char *path = NULL;
  gboolean removed = FALSE;
  int fd;

  g_return_val_if_fail (G_IS_FILE (temp), FALSE);

  if ((path = g_file_get_path (temp)) == NULL)
    return FALSE;

  /* O_NONBLOCK: whatever the file turned out to be, opening never waits. */
  fd = open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0)
    return FALSE;
  if (flock (fd, LOCK_EX | LOCK_NB) == 0)
    removed = g_unlink (path) == 0;
  close (fd);

  return removed;
}
