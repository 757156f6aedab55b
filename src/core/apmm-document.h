/* apmm-document.h — a session with its file, history, drafts and verdict
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "apmm-assessment.h"
#include "apmm-history.h"
#include "apmm-session.h"

G_BEGIN_DECLS

/*
 * An ApmmDocument owns one ApmmSession for its whole life, and everything that
 * goes with it being open: its undo history and unsaved-changes state, the
 * file it was loaded from or saved to (with the file's etag), whether that
 * file is read-only or was changed on disk by another program, the autosaved
 * draft, and the live verdict. Windows show a document; any number of them
 * may show the same one.
 *
 * Files are read and written in a worker thread (GTask): loading parses in
 * the worker, saving serialises a copy of the session there, so the main
 * loop never waits for the disk, however large the session.
 *
 * Properties (all read-only, notified only on a real change):
 * - "session", "history", "file";
 * - "assessment": an immutable ApmmAssessment, recomputed once after every
 *   change of the session (on its "changed" signal);
 * - "title": the organisation, or “Untitled Session”;
 * - "subtitle": where the session lives and whether it has unsaved changes;
 * - "modified", "read-only", "changed-on-disk", "busy" (a load or save is
 *   running);
 * - "autosave-delay" (read-write): seconds after the last change before a
 *   draft is written.
 *
 * Signal "draft-failed" (GError): a draft could not be written.
 */
#define APMM_TYPE_DOCUMENT (apmm_document_get_type ())
G_DECLARE_FINAL_TYPE (ApmmDocument, apmm_document, APMM, DOCUMENT, GObject)

#define APMM_DOCUMENT_AUTOSAVE_DELAY_DEFAULT 5

/* A new, empty, never saved session. */
ApmmDocument    *apmm_document_new                (void);
/* @session as a new, never saved document (an example, for instance). */
ApmmDocument    *apmm_document_new_for_session    (ApmmSession          *session);

/* Reads and validates @file in a worker thread. On failure the error says
 * why (APMM_SESSION_ERROR) and no document is made. */
void             apmm_document_load_async         (GFile                *file,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
ApmmDocument    *apmm_document_load_finish        (GAsyncResult         *result,
                                                   GError              **error);

/* Restores the autosaved draft @draft_id (file @draft) of a session that came
 * from @origin (NULL when it was never saved): the document starts from what
 * is on disk and carries the draft as one unsaved change, so undo goes back
 * to the file and saving still checks the file's etag. */
void             apmm_document_recover_async      (const char           *draft_id,
                                                   GFile                *draft,
                                                   GFile                *origin,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
ApmmDocument    *apmm_document_recover_finish     (GAsyncResult         *result,
                                                   GError              **error);

typedef enum {
  APMM_DOCUMENT_SAVE_NONE           = 0,
  /* Replace the file even if it changed on disk since it was read. */
  APMM_DOCUMENT_SAVE_IGNORE_CHANGES = 1 << 0,
} ApmmDocumentSaveFlags;

/* Saves to @file, or to the document's own file when @file is NULL. Saving to
 * the document's own file fails with G_IO_ERROR_WRONG_ETAG when another
 * program changed it (unless IGNORE_CHANGES; "changed-on-disk" is then set),
 * and with G_IO_ERROR_READ_ONLY when it is read-only. The file is replaced
 * atomically. On success the document takes @file, it is unmodified as of
 * the state that was written, and its draft is removed. Saves run one after
 * another, in the order asked. */
void             apmm_document_save_async         (ApmmDocument         *self,
                                                   GFile                *file,
                                                   ApmmDocumentSaveFlags flags,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean         apmm_document_save_finish        (ApmmDocument         *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

ApmmSession     *apmm_document_get_session        (ApmmDocument         *self);
ApmmHistory     *apmm_document_get_history        (ApmmDocument         *self);
ApmmAssessment  *apmm_document_get_assessment     (ApmmDocument         *self);
GFile           *apmm_document_get_file           (ApmmDocument         *self);
const char      *apmm_document_get_etag           (ApmmDocument         *self);
const char      *apmm_document_get_title          (ApmmDocument         *self);
const char      *apmm_document_get_subtitle       (ApmmDocument         *self);
gboolean         apmm_document_get_modified       (ApmmDocument         *self);
gboolean         apmm_document_get_read_only      (ApmmDocument         *self);
gboolean         apmm_document_get_changed_on_disk (ApmmDocument        *self);
gboolean         apmm_document_get_busy           (ApmmDocument         *self);
guint            apmm_document_get_autosave_delay (ApmmDocument         *self);
void             apmm_document_set_autosave_delay (ApmmDocument         *self,
                                                   guint                 seconds);
const char      *apmm_document_get_draft_id       (ApmmDocument         *self);
/* On by default. Off for a document that only lets a widget show a session
 * on its own (tests, previews): it then never writes a draft. */
gboolean         apmm_document_get_autosave       (ApmmDocument         *self);
void             apmm_document_set_autosave       (ApmmDocument         *self,
                                                   gboolean              autosave);

/* The file's display name, else the organisation, else “Untitled Session”. */
char            *apmm_document_dup_display_name   (ApmmDocument         *self);
/* “<organisation> <date>.apmm”, safe as a file name. */
char            *apmm_document_suggest_file_name  (ApmmDocument         *self);

/* Writes the draft now (in a worker thread), whatever the timer. */
void             apmm_document_write_draft        (ApmmDocument         *self);
/* Removes the draft: the user knowingly discarded the changes, or the
 * document is closed unmodified. */
void             apmm_document_discard_draft      (ApmmDocument         *self);

G_END_DECLS
