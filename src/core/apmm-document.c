/* apmm-document.c — a session with its file, history, drafts and verdict
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-document"

#include "config.h"

#include <glib/gi18n.h>

#include "apmm-document.h"
#include "apmm-drafts.h"
#include "apmm-safe-text.h"
#include "apmm-session-file.h"

struct _ApmmDocument
{
  GObject          parent_instance;

  ApmmSession     *session;
  ApmmHistory     *history;
  ApmmAssessment  *assessment;

  GFile           *file;
  char            *etag;
  gboolean         read_only;
  gboolean         changed_on_disk;

  char            *title;
  char            *subtitle;
  gboolean         modified;

  /* Saves run one at a time; the others wait here, in order. */
  GQueue           pending_saves;
  gboolean         saving;

  /* Drafts: one write at a time. A change during a write asks for another
   * one after it; a discard during a write removes what it left. */
  char            *draft_id;
  gboolean         autosave;
  guint            autosave_delay;
  guint            autosave_source;
  gboolean         draft_writing;
  gboolean         draft_again;
  gboolean         draft_unwanted;
};

G_DEFINE_FINAL_TYPE (ApmmDocument, apmm_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_HISTORY,
  PROP_ASSESSMENT,
  PROP_FILE,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_MODIFIED,
  PROP_READ_ONLY,
  PROP_CHANGED_ON_DISK,
  PROP_BUSY,
  PROP_AUTOSAVE_DELAY,
  N_PROPS
};

enum {
  DRAFT_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void start_next_save (ApmmDocument *self);

/* --- State ------------------------------------------------------------- */

static void
set_flag (ApmmDocument *self,
          gboolean     *flag,
          gboolean      value,
          guint         prop)
{
  value = !!value;
  if (*flag == value)
    return;

  *flag = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_string (ApmmDocument  *self,
            char         **slot,
            char          *value,
            guint          prop)
{
  if (g_strcmp0 (*slot, value) == 0)
    {
      g_free (value);
      return;
    }

  g_free (*slot);
  *slot = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static char *
file_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename);
}

/* The longest window title, in characters. */
#define TITLE_MAX_CHARS 80

static void
update_titles (ApmmDocument *self)
{
  const char *organisation = apmm_session_get_organisation (self->session);
  char *subtitle;

  if (self->file != NULL)
    {
      g_autofree char *name = file_display_name (self->file);

      subtitle = self->modified ? g_strdup_printf (_("%s — unsaved changes"), name)
                                : g_steal_pointer (&name);
    }
  else
    subtitle = g_strdup (self->modified ? _("Not saved — unsaved changes") : _("Not saved"));

  g_object_freeze_notify (G_OBJECT (self));
  /* A title, not the whole name: an organisation may be 64 KiB long. */
  set_string (self, &self->title,
              organisation[0] != '\0' ? apmm_text_excerpt (organisation, TITLE_MAX_CHARS, 1, NULL)
                                       : g_strdup (_("Untitled Session")),
              PROP_TITLE);
  set_string (self, &self->subtitle, subtitle, PROP_SUBTITLE);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
set_file (ApmmDocument *self,
          GFile        *file)
{
  if (self->file == file || (self->file != NULL && file != NULL && g_file_equal (self->file, file)))
    return;

  g_set_object (&self->file, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

static void
recompute_assessment (ApmmDocument *self)
{
  g_clear_pointer (&self->assessment, apmm_assessment_unref);
  self->assessment = apmm_assessment_new (self->session, apmm_model_get_default ());
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSESSMENT]);
}

/* --- Drafts ------------------------------------------------------------ */

typedef struct {
  char        *id;
  ApmmSession *state;
  GFile       *origin;
} DraftData;

static void
draft_data_free (gpointer data)
{
  DraftData *d = data;

  g_free (d->id);
  g_clear_object (&d->state);
  g_clear_object (&d->origin);
  g_free (d);
}

static void
draft_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  DraftData *d = task_data;
  GError *error = NULL;

  if (apmm_drafts_write (d->id, d->state, d->origin, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
remove_draft_files (ApmmDocument *self)
{
  g_autoptr(GError) error = NULL;

  if (!apmm_drafts_remove (self->draft_id, &error))
    g_debug ("Could not remove draft %s: %s", self->draft_id, error->message);
}

static void
draft_written_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ApmmDocument *self = APMM_DOCUMENT (object);
  g_autoptr(GError) error = NULL;

  self->draft_writing = FALSE;

  if (!g_task_propagate_boolean (G_TASK (result), &error) && !self->draft_unwanted)
    g_signal_emit (self, signals[DRAFT_FAILED], 0, error);

  if (self->draft_unwanted)
    {
      self->draft_unwanted = FALSE;
      remove_draft_files (self);
    }

  if (self->draft_again)
    {
      self->draft_again = FALSE;
      if (self->modified)
        apmm_document_write_draft (self);
    }
}

/**
 * apmm_document_write_draft:
 * @self: a document
 *
 * Writes a copy of the session to its draft in a worker thread. A write
 * already under way is followed by another one with the newer content.
 */
void
apmm_document_write_draft (ApmmDocument *self)
{
  g_autoptr(GTask) task = NULL;
  DraftData *d;

  g_return_if_fail (APMM_IS_DOCUMENT (self));

  g_clear_handle_id (&self->autosave_source, g_source_remove);

  if (self->draft_writing)
    {
      self->draft_again = TRUE;
      return;
    }

  d = g_new0 (DraftData, 1);
  d->id = g_strdup (self->draft_id);
  d->state = apmm_session_copy (self->session);
  d->origin = self->file != NULL ? g_object_ref (self->file) : NULL;

  self->draft_writing = TRUE;
  self->draft_unwanted = FALSE;
  task = g_task_new (self, NULL, draft_written_cb, NULL);
  g_task_set_source_tag (task, apmm_document_write_draft);
  g_task_set_task_data (task, d, draft_data_free);
  g_task_run_in_thread (task, draft_thread);
}

void
apmm_document_discard_draft (ApmmDocument *self)
{
  g_return_if_fail (APMM_IS_DOCUMENT (self));

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (self->draft_writing)
    {
      self->draft_unwanted = TRUE;
      self->draft_again = FALSE;
    }
  remove_draft_files (self);
}

static gboolean
autosave_cb (gpointer user_data)
{
  ApmmDocument *self = user_data;

  self->autosave_source = 0;

  if (self->modified)
    apmm_document_write_draft (self);
  else
    apmm_document_discard_draft (self);

  return G_SOURCE_REMOVE;
}

/* --- Following the session --------------------------------------------- */

static void
session_changed_cb (ApmmDocument *self,
                    const char   *description,
                    ApmmSession  *session)
{
  recompute_assessment (self);
  update_titles (self);

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (self->autosave)
    self->autosave_source = g_timeout_add_seconds (self->autosave_delay, autosave_cb, self);
}

static void
history_modified_cb (ApmmDocument *self)
{
  g_object_freeze_notify (G_OBJECT (self));
  set_flag (self, &self->modified, apmm_history_get_modified (self->history), PROP_MODIFIED);
  update_titles (self);
  g_object_thaw_notify (G_OBJECT (self));
}

static ApmmDocument *
document_new (ApmmSession *session,
              GFile       *file,
              const char  *etag,
              gboolean     read_only,
              const char  *draft_id)
{
  ApmmDocument *self = g_object_new (APMM_TYPE_DOCUMENT, NULL);

  self->session = g_object_ref (session);
  self->history = apmm_history_new (session);
  self->file = file != NULL ? g_object_ref (file) : NULL;
  self->etag = g_strdup (etag);
  self->read_only = read_only;
  self->draft_id = draft_id != NULL ? g_strdup (draft_id) : apmm_drafts_new_id ();
  self->assessment = apmm_assessment_new (session, apmm_model_get_default ());

  /* The history records the change before the document hears of it, so
   * "modified" is current when the assessment and the titles are. */
  g_signal_connect_object (session, "changed", G_CALLBACK (session_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::modified", G_CALLBACK (history_modified_cb),
                           self, G_CONNECT_SWAPPED);
  update_titles (self);

  return self;
}

ApmmDocument *
apmm_document_new (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();

  return document_new (session, NULL, NULL, FALSE, NULL);
}

ApmmDocument *
apmm_document_new_for_session (ApmmSession *session)
{
  g_return_val_if_fail (APMM_IS_SESSION (session), NULL);

  return document_new (session, NULL, NULL, FALSE, NULL);
}

/* --- Loading ----------------------------------------------------------- */

typedef struct {
  GFile       *file;
  GFile       *origin;
  char        *draft_id;
  ApmmSession *session;
  ApmmSession *draft;
  char        *etag;
  gboolean     read_only;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *d = data;

  g_clear_object (&d->file);
  g_clear_object (&d->origin);
  g_free (d->draft_id);
  g_clear_object (&d->session);
  g_clear_object (&d->draft);
  g_free (d->etag);
  g_free (d);
}

/* The etag is read before the content: a change in between then shows as a
 * change on disk when saving, never the other way round. */
static void
query_file_state (GFile         *file,
                  GCancellable  *cancellable,
                  char         **etag,
                  gboolean      *read_only)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_ETAG_VALUE ","
                            G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE ","
                            G_FILE_ATTRIBUTE_UNIX_MODE,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info == NULL)
    return;

  *etag = g_strdup (g_file_info_get_etag (info));
  if (read_only == NULL)
    return;
  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE))
    *read_only = !g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE);
  /* A file marked read-only is respected even by a user who could write it
   * anyway (root, for instance). */
  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_UNIX_MODE) &&
      (g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE) & 0222) == 0)
    *read_only = TRUE;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *d = task_data;
  GError *error = NULL;

  query_file_state (d->file, cancellable, &d->etag, &d->read_only);
  d->session = apmm_session_load_file (d->file, cancellable, &error);
  if (d->session == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
apmm_document_load_async (GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *d;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  d = g_new0 (LoadData, 1);
  d->file = g_object_ref (file);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, apmm_document_load_async);
  g_task_set_task_data (task, d, load_data_free);
  g_task_run_in_thread (task, load_thread);
}

ApmmDocument *
apmm_document_load_finish (GAsyncResult  *result,
                           GError       **error)
{
  LoadData *d;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == apmm_document_load_async, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  d = g_task_get_task_data (G_TASK (result));
  return document_new (d->session, d->file, d->etag, d->read_only, NULL);
}

static void
recover_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadData *d = task_data;
  GError *error = NULL;

  d->draft = apmm_session_load_file (d->file, cancellable, &error);
  if (d->draft == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* What is on disk now is the saved state; when it cannot be read, the
   * draft is recovered as all new work. */
  if (d->origin != NULL)
    {
      query_file_state (d->origin, cancellable, &d->etag, NULL);
      d->session = apmm_session_load_file (d->origin, cancellable, NULL);
    }

  g_task_return_boolean (task, TRUE);
}

void
apmm_document_recover_async (const char          *draft_id,
                             GFile               *draft,
                             GFile               *origin,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *d;

  g_return_if_fail (draft_id != NULL);
  g_return_if_fail (G_IS_FILE (draft));
  g_return_if_fail (origin == NULL || G_IS_FILE (origin));

  d = g_new0 (LoadData, 1);
  d->file = g_object_ref (draft);
  d->origin = origin != NULL ? g_object_ref (origin) : NULL;
  d->draft_id = g_strdup (draft_id);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, apmm_document_recover_async);
  g_task_set_task_data (task, d, load_data_free);
  g_task_run_in_thread (task, recover_thread);
}

ApmmDocument *
apmm_document_recover_finish (GAsyncResult  *result,
                              GError       **error)
{
  LoadData *d;
  g_autoptr(ApmmSession) saved = NULL;
  ApmmDocument *self;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == apmm_document_recover_async, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  d = g_task_get_task_data (G_TASK (result));
  saved = d->session != NULL ? g_object_ref (d->session) : apmm_session_new ();
  self = document_new (saved, d->origin, d->etag, FALSE, d->draft_id);
  /* One change on top of what is on disk: shown as unsaved, undone in one step. */
  apmm_session_assign (self->session, d->draft, _("Recover draft"));

  return self;
}

/* --- Saving ------------------------------------------------------------ */

typedef struct {
  GFile                 *file;
  ApmmDocumentSaveFlags  flags;
  ApmmSession           *state;
  char                  *etag_in;
  char                  *etag_out;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *d = data;

  g_clear_object (&d->file);
  g_clear_object (&d->state);
  g_free (d->etag_in);
  g_free (d->etag_out);
  g_free (d);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *d = task_data;
  GError *error = NULL;

  if (apmm_session_save_file (d->state, d->file, d->etag_in, &d->etag_out, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static gboolean
is_own_file (ApmmDocument *self,
             GFile        *file)
{
  return self->file != NULL && g_file_equal (self->file, file);
}

static void
set_saving (ApmmDocument *self,
            gboolean      saving)
{
  set_flag (self, &self->saving, saving, PROP_BUSY);
}

static void
save_written_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ApmmDocument *self = APMM_DOCUMENT (object);
  g_autoptr(GTask) outer = user_data;
  SaveData *d = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        set_flag (self, &self->changed_on_disk, TRUE, PROP_CHANGED_ON_DISK);
      g_task_return_error (outer, error);
    }
  else
    {
      g_object_freeze_notify (G_OBJECT (self));
      set_file (self, d->file);
      g_free (self->etag);
      self->etag = g_steal_pointer (&d->etag_out);
      set_flag (self, &self->read_only, FALSE, PROP_READ_ONLY);
      set_flag (self, &self->changed_on_disk, FALSE, PROP_CHANGED_ON_DISK);
      apmm_history_mark_saved_state (self->history, d->state);
      /* Edits made while the file was written stay in the draft. */
      if (self->modified)
        apmm_document_write_draft (self);
      else
        apmm_document_discard_draft (self);
      update_titles (self);
      g_object_thaw_notify (G_OBJECT (self));
      g_task_return_boolean (outer, TRUE);
    }

  set_saving (self, FALSE);
  start_next_save (self);
}

static void
start_save (ApmmDocument *self,
            GTask        *outer)
{
  SaveData *d = g_task_get_task_data (outer);
  g_autoptr(GTask) inner = NULL;
  SaveData *inner_data;

  if (is_own_file (self, d->file) && self->read_only)
    {
      g_autofree char *name = file_display_name (d->file);

      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                               _("“%s” is read-only"), name);
      g_object_unref (outer);
      start_next_save (self);
      return;
    }

  inner_data = g_new0 (SaveData, 1);
  inner_data->file = g_object_ref (d->file);
  inner_data->flags = d->flags;
  /* A copy, taken now: edits go on in the main thread while it is written. */
  inner_data->state = apmm_session_copy (self->session);
  if (is_own_file (self, d->file) && !(d->flags & APMM_DOCUMENT_SAVE_IGNORE_CHANGES))
    inner_data->etag_in = g_strdup (self->etag);

  set_saving (self, TRUE);
  inner = g_task_new (self, g_task_get_cancellable (outer), save_written_cb, outer);
  g_task_set_source_tag (inner, start_save);
  g_task_set_task_data (inner, inner_data, save_data_free);
  g_task_run_in_thread (inner, save_thread);
}

static void
start_next_save (ApmmDocument *self)
{
  GTask *next;

  if (self->saving)
    return;

  next = g_queue_pop_head (&self->pending_saves);
  if (next != NULL)
    start_save (self, next);
}

void
apmm_document_save_async (ApmmDocument          *self,
                          GFile                 *file,
                          ApmmDocumentSaveFlags  flags,
                          GCancellable          *cancellable,
                          GAsyncReadyCallback    callback,
                          gpointer               user_data)
{
  GTask *task;
  SaveData *d;

  g_return_if_fail (APMM_IS_DOCUMENT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, apmm_document_save_async);

  if (file == NULL)
    file = self->file;
  if (file == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                               _("The session has no file yet"));
      g_object_unref (task);
      return;
    }

  d = g_new0 (SaveData, 1);
  d->file = g_object_ref (file);
  d->flags = flags;
  g_task_set_task_data (task, d, save_data_free);

  g_queue_push_tail (&self->pending_saves, task);
  start_next_save (self);
}

gboolean
apmm_document_save_finish (ApmmDocument  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (APMM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- GObject ----------------------------------------------------------- */

static void
apmm_document_dispose (GObject *object)
{
  ApmmDocument *self = APMM_DOCUMENT (object);

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);

  G_OBJECT_CLASS (apmm_document_parent_class)->dispose (object);
}

static void
apmm_document_finalize (GObject *object)
{
  ApmmDocument *self = APMM_DOCUMENT (object);

  g_assert (g_queue_is_empty (&self->pending_saves));

  g_clear_object (&self->history);
  g_clear_object (&self->session);
  g_clear_pointer (&self->assessment, apmm_assessment_unref);
  g_clear_object (&self->file);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->draft_id, g_free);

  G_OBJECT_CLASS (apmm_document_parent_class)->finalize (object);
}

static void
apmm_document_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ApmmDocument *self = APMM_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_ASSESSMENT:
      g_value_set_boxed (value, self->assessment);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_CHANGED_ON_DISK:
      g_value_set_boolean (value, self->changed_on_disk);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->saving);
      break;
    case PROP_AUTOSAVE_DELAY:
      g_value_set_uint (value, self->autosave_delay);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
apmm_document_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ApmmDocument *self = APMM_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_AUTOSAVE_DELAY:
      apmm_document_set_autosave_delay (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
apmm_document_class_init (ApmmDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = apmm_document_dispose;
  object_class->finalize = apmm_document_finalize;
  object_class->get_property = apmm_document_get_property;
  object_class->set_property = apmm_document_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, APMM_TYPE_SESSION, ro);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, APMM_TYPE_HISTORY, ro);
  properties[PROP_ASSESSMENT] =
    g_param_spec_boxed ("assessment", NULL, NULL, APMM_TYPE_ASSESSMENT, ro);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, ro);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL, ro);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE, ro);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE, ro);
  properties[PROP_CHANGED_ON_DISK] =
    g_param_spec_boolean ("changed-on-disk", NULL, NULL, FALSE, ro);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, ro);
  properties[PROP_AUTOSAVE_DELAY] =
    g_param_spec_uint ("autosave-delay", NULL, NULL, 1, 600, APMM_DOCUMENT_AUTOSAVE_DELAY_DEFAULT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[DRAFT_FAILED] =
    g_signal_new ("draft-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
apmm_document_init (ApmmDocument *self)
{
  self->autosave = TRUE;
  self->autosave_delay = APMM_DOCUMENT_AUTOSAVE_DELAY_DEFAULT;
  g_queue_init (&self->pending_saves);
}

/* --- Accessors --------------------------------------------------------- */

ApmmSession *
apmm_document_get_session (ApmmDocument *self)
{
  g_return_val_if_fail (APMM_IS_DOCUMENT (self), NULL);

  return self->session;
}

ApmmHistory *
apmm_document_get_history (ApmmDocument *self)
{
  g_return_val_if_fail (APMM_IS_DOCUMENT (self), NULL);

  return self->history;
}

ApmmAssessment *
apmm_document_get_assessment (ApmmDocument *self)
{
  g_return_val_if_fail (APMM_IS_DOCUMENT (self), NULL);

  return self->assessment;
}

GFile *
apmm_document_get_file (ApmmDocument *self)
{
  g_return_val_if_fail (APMM_IS_DOCUMENT (self), NULL);

  return self->file;
}

const char *
apmm_document_get_etag (ApmmDocument *self)
{
  g_return_val_if_fail (APMM_IS_DOCUMENT (self), NULL);

  return self->etag;
}

const char *
apmm_document_get_title (ApmmDocument *self)
{
  g_return_val_if_fail (APMM_IS_DOCUMENT (self), NULL);

  return self->title;
}

const char *
apmm_document_get_subtitle (ApmmDocument *self)
{
  g_return_val_if_fail (APMM_IS_DOCUMENT (self), NULL);

  return self->subtitle;
}

gboolean
apmm_document_get_modified (ApmmDocument *self)
{
  g_return_val_if_fail (APMM_IS_DOCUMENT (self), FALSE);

  return self->modified;
}

gboolean
apmm_document_get_read_only (ApmmDocument *self)
{
  g_return_val_if_fail (APMM_IS_DOCUMENT (self), FALSE);

  return self->read_only;
}

gboolean
apmm_document_get_changed_on_disk (ApmmDocument *self)
{
  g_return_val_if_fail (APMM_IS_DOCUMENT (self), FALSE);

  return self->changed_on_disk;
}

gboolean
apmm_document_get_busy (ApmmDocument *self)
{
  g_return_val_if_fail (APMM_IS_DOCUMENT (self), FALSE);

  return self->saving;
}

guint
apmm_document_get_autosave_delay (ApmmDocument *self)
{
  g_return_val_if_fail (APMM_IS_DOCUMENT (self), 0);

  return self->autosave_delay;
}

void
apmm_document_set_autosave_delay (ApmmDocument *self,
                                  guint         seconds)
{
  g_return_if_fail (APMM_IS_DOCUMENT (self));

  seconds = CLAMP (seconds, 1, 600);
  if (self->autosave_delay == seconds)
    return;

  self->autosave_delay = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOSAVE_DELAY]);
}

gboolean
apmm_document_get_autosave (ApmmDocument *self)
{
  g_return_val_if_fail (APMM_IS_DOCUMENT (self), FALSE);

  return self->autosave;
}

void
apmm_document_set_autosave (ApmmDocument *self,
                            gboolean      autosave)
{
  g_return_if_fail (APMM_IS_DOCUMENT (self));

  self->autosave = !!autosave;
  if (!self->autosave)
    g_clear_handle_id (&self->autosave_source, g_source_remove);
}

const char *
apmm_document_get_draft_id (ApmmDocument *self)
{
  g_return_val_if_fail (APMM_IS_DOCUMENT (self), NULL);

  return self->draft_id;
}

char *
apmm_document_dup_display_name (ApmmDocument *self)
{
  const char *organisation;

  g_return_val_if_fail (APMM_IS_DOCUMENT (self), NULL);

  if (self->file != NULL)
    return file_display_name (self->file);

  organisation = apmm_session_get_organisation (self->session);
  if (organisation[0] != '\0')
    return g_strdup (organisation);

  return g_strdup (_("Untitled Session"));
}

char *
apmm_document_suggest_file_name (ApmmDocument *self)
{
  const char *organisation;
  const char *date;
  g_autofree char *base = NULL;

  g_return_val_if_fail (APMM_IS_DOCUMENT (self), NULL);

  organisation = apmm_session_get_organisation (self->session);
  date = apmm_session_get_date (self->session);

  if (organisation[0] == '\0')
    base = g_strdup (_("Untitled Session"));
  else if (date[0] != '\0')
    base = g_strdup_printf ("%s %s", organisation, date);
  else
    base = g_strdup (organisation);

  g_strdelimit (base, "/\\:", '-');

  return g_strconcat (base, APMM_SESSION_EXTENSION, NULL);
}
