/* apmm-window.c — the window: a document shown, and the dialogs around its file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "apmm-assessment-page.h"
#include "apmm-details-panel.h"
#include "apmm-drafts.h"
#include "apmm-explorer-page.h"
#include "apmm-gap-page.h"
#include "apmm-gui-utils.h"
#include "apmm-presentation-actions.h"
#include "apmm-roadmap-page.h"
#include "apmm-safe-text.h"
#include "apmm-session-file.h"
#include "apmm-window-private.h"

G_DEFINE_FINAL_TYPE (ApmmWindow, apmm_window, ADW_TYPE_APPLICATION_WINDOW)

typedef struct {
  ApmmWindowThen  then;
  gpointer        user_data;
  GDestroyNotify  destroy;
} Continuation;

static void save_with_continuation (ApmmWindow *self, Continuation *cont, gboolean force_chooser);

static Continuation *
continuation_new (ApmmWindowThen then,
                  gpointer       user_data,
                  GDestroyNotify destroy)
{
  Continuation *cont = g_new0 (Continuation, 1);

  cont->then = then;
  cont->user_data = user_data;
  cont->destroy = destroy;

  return cont;
}

static void
continuation_free (Continuation *cont)
{
  if (cont == NULL)
    return;
  if (cont->destroy != NULL)
    cont->destroy (cont->user_data);
  g_free (cont);
}

static void
continuation_run (ApmmWindow   *self,
                  Continuation *cont)
{
  if (cont != NULL && cont->then != NULL)
    cont->then (self, cont->user_data);
  continuation_free (cont);
}

static gboolean
is_modified (ApmmWindow *self)
{
  return self->document != NULL && apmm_document_get_modified (self->document);
}

/* The window title is what the shell and screen readers show: the unsaved
 * mark leads, as in other GNOME document apps. The header shows the
 * document's title and subtitle through bindings. */
static void
update_title (ApmmWindow *self)
{
  g_autofree char *window_title = NULL;

  if (self->document == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("APMM Workshop"));
      return;
    }

  window_title = g_strdup_printf ("%s%s — %s", is_modified (self) ? "• " : "",
                                  apmm_document_get_title (self->document), _("APMM Workshop"));
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
update_inhibit (ApmmWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  gboolean modified = is_modified (self);

  if (app == NULL)
    return;

  /* Logging out with unsaved work must not happen silently. */
  if (modified && self->inhibit_cookie == 0)
    self->inhibit_cookie = gtk_application_inhibit (app, GTK_WINDOW (self),
                                                    GTK_APPLICATION_INHIBIT_LOGOUT,
                                                    _("There are unsaved workshop sessions"));
  else if (!modified && self->inhibit_cookie != 0)
    {
      gtk_application_uninhibit (app, self->inhibit_cookie);
      self->inhibit_cookie = 0;
    }
}

/* GTK 4.8 lets Tab wander into the hidden children of a stack (the welcome
 * page behind a session, the other pages behind the visible one), where the
 * focus then gets stuck. Only the shown child of each stack may take focus. */
static void
restrict_focus_to_visible_child (GtkWidget *stack,
                                 GtkWidget *visible)
{
  for (GtkWidget *child = gtk_widget_get_first_child (stack);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_can_focus (child, child == visible);
}

static void shown_pages_changed_cb (ApmmWindow *self);

static void
visible_page_changed_cb (ApmmWindow *self)
{
  restrict_focus_to_visible_child (GTK_WIDGET (self->view_stack),
                                   adw_view_stack_get_visible_child (self->view_stack));
  shown_pages_changed_cb (self);
}

/* Pages that show a verdict take the document and follow its assessment;
 * the others edit its session.
 *
 * A page gets them only once it is shown (the details panel once it is
 * revealed), so opening a session builds the rows of the page in view and
 * nothing else: a page never looked at costs nothing. A page that has been
 * shown keeps following the document while hidden, so switching back to it
 * is instant; a new document is handed only to the pages in view, and the
 * others drop the old one until they are shown again. */
static gboolean
page_is_shown (ApmmWindow *self,
               AdwBin     *bin)
{
  if (bin == self->details_bin)
    return adw_flap_get_reveal_flap (self->details_flap);
  return adw_view_stack_get_visible_child (self->view_stack) == GTK_WIDGET (bin);
}

static GtkWidget *
page_new (ApmmWindow *self,
          AdwBin     *bin)
{
  if (bin == self->explorer_bin)
    return apmm_explorer_page_new ();
  if (bin == self->assessment_bin)
    return apmm_assessment_page_new ();
  if (bin == self->gaps_bin)
    return apmm_gap_page_new ();
  if (bin == self->roadmap_bin)
    return apmm_roadmap_page_new ();
  return apmm_details_panel_new ();
}

/* The page widget itself is made on the first visit too. */
static void
give_page_document (ApmmWindow   *self,
                    AdwBin       *bin,
                    ApmmDocument *document)
{
  GtkWidget *child = adw_bin_get_child (bin);
  GObjectClass *klass;
  const char *property = NULL;
  gpointer value;
  g_autoptr(GObject) current = NULL;

  if (child == NULL)
    {
      if (document == NULL)
        return;
      child = page_new (self, bin);
      adw_bin_set_child (bin, child);
    }
  klass = G_OBJECT_GET_CLASS (child);
  if (g_object_class_find_property (klass, "document"))
    {
      property = "document";
      value = document;
    }
  else if (g_object_class_find_property (klass, "session"))
    {
      property = "session";
      value = document != NULL ? apmm_document_get_session (document) : NULL;
    }
  else
    return;

  g_object_get (child, property, &current, NULL);
  if ((gpointer) current != value)
    g_object_set (child, property, value, NULL);
}

/* A new document (or none): the pages in view take it, the others let go. */
static void
set_pages_document (ApmmWindow   *self,
                    ApmmDocument *document)
{
  AdwBin *bins[] = { self->explorer_bin, self->assessment_bin, self->gaps_bin,
                     self->roadmap_bin, self->details_bin };

  for (guint i = 0; i < G_N_ELEMENTS (bins); i++)
    give_page_document (self, bins[i], page_is_shown (self, bins[i]) ? document : NULL);
}

/* A page coming into view (or the details revealed) is made and filled on
 * its first visit. */
static void
shown_pages_changed_cb (ApmmWindow *self)
{
  AdwBin *bins[] = { self->explorer_bin, self->assessment_bin, self->gaps_bin,
                     self->roadmap_bin, self->details_bin };

  if (self->document == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (bins); i++)
    if (page_is_shown (self, bins[i]))
      give_page_document (self, bins[i], self->document);
}

static void
document_state_cb (ApmmWindow *self)
{
  update_title (self);
  update_inhibit (self);
}

static void
history_state_cb (ApmmWindow *self)
{
  _apmm_window_update_actions (self);
}

static void
draft_failed_cb (ApmmWindow   *self,
                 const GError *error)
{
  g_autofree char *message = g_strdup_printf (_("Could not save a draft: %s"), error->message);

  apmm_window_show_toast (self, message);
}

static void
update_autosave_delay (ApmmWindow *self)
{
  if (self->document != NULL)
    apmm_document_set_autosave_delay (self->document,
                                      g_settings_get_uint (self->settings, "autosave-delay"));
}

static void
hide_info_bar (ApmmWindow *self)
{
  gtk_info_bar_set_revealed (self->info_bar, FALSE);
}

static void
update_info_bar (ApmmWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (self->document == NULL || !apmm_document_get_read_only (self->document))
    {
      hide_info_bar (self);
      return;
    }

  name = apmm_document_dup_display_name (self->document);
  text = g_strdup_printf (_("“%s” is read-only. Use Save As to keep your changes in another file."),
                          name);
  gtk_label_set_text (self->info_label, text);
  gtk_info_bar_set_message_type (self->info_bar, GTK_MESSAGE_WARNING);
  gtk_info_bar_set_revealed (self->info_bar, TRUE);
}

static void
info_bar_response_cb (ApmmWindow *self,
                      int         response,
                      GtkInfoBar *info_bar)
{
  if (response == GTK_RESPONSE_ACCEPT)
    apmm_window_save_as (self);
  hide_info_bar (self);
}

/* Other windows showing @document: it is closed with the last of them. */
static gboolean
shown_elsewhere (ApmmWindow   *self,
                 ApmmDocument *document)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  if (document == NULL)
    return FALSE;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != (gpointer) self && APMM_IS_WINDOW (l->data) &&
        APMM_WINDOW (l->data)->document == document)
      return TRUE;

  return FALSE;
}

void
apmm_window_set_document (ApmmWindow   *self,
                          ApmmDocument *document)
{
  g_autoptr(ApmmDocument) old = NULL;

  g_return_if_fail (APMM_IS_WINDOW (self));
  g_return_if_fail (document == NULL || APMM_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  /* A document left unmodified by its last window leaves no draft behind;
   * the user already chose to discard or keep unsaved work. */
  old = g_steal_pointer (&self->document);
  if (old != NULL && !shown_elsewhere (self, old))
    apmm_document_discard_draft (old);

  self->document = document != NULL ? g_object_ref (document) : NULL;
  g_binding_group_set_source (self->document_bindings, document);
  g_signal_group_set_target (self->document_signals, document);
  g_signal_group_set_target (self->history_signals,
                             document != NULL ? apmm_document_get_history (document) : NULL);
  update_autosave_delay (self);

  set_pages_document (self, document);
  apmm_window_set_opening (self, FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, document != NULL ? "session" : "welcome");
  restrict_focus_to_visible_child (GTK_WIDGET (self->main_stack),
                                   gtk_stack_get_visible_child (self->main_stack));
  gtk_stack_set_visible_child_name (self->title_stack, document != NULL ? "session" : "welcome");
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), document != NULL);

  update_info_bar (self);
  update_title (self);
  update_inhibit (self);
  _apmm_window_update_actions (self);
}

static void
show_error_dialog (ApmmWindow *self,
                   const char *heading,
                   const char *body)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_to_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) APMM_SESSION_MIME_TYPE,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "apmm-workshop %u",
    .groups = NULL,
    .is_private = FALSE,
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

void
apmm_window_show_open_error (ApmmWindow   *self,
                             GFile        *file,
                             const GError *error)
{
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *safe_message = NULL;

  g_return_if_fail (APMM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (error != NULL);

  name = apmm_safe_basename (file);
  heading = g_strdup_printf (_("Could Not Open “%s”"), name);
  safe_message = apmm_safe_text (error->message);
  show_error_dialog (self, heading, safe_message);
}

typedef struct {
  ApmmWindow   *self;
  GFile        *file;
  GCancellable *cancellable;
} LoadRequest;

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  LoadRequest *req = user_data;
  ApmmWindow *self = req->self;
  g_autoptr(ApmmDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (self->loading == req->cancellable)
    g_clear_object (&self->loading);

  document = apmm_document_load_finish (result, &error);
  if (document != NULL)
    apmm_window_take_loaded (self, document);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    apmm_window_show_open_error (self, req->file, error);

  g_object_unref (req->self);
  g_object_unref (req->file);
  g_object_unref (req->cancellable);
  g_free (req);
}

void
apmm_window_take_loaded (ApmmWindow   *self,
                         ApmmDocument *document)
{
  g_return_if_fail (APMM_IS_WINDOW (self));
  g_return_if_fail (APMM_IS_DOCUMENT (document));

  apmm_window_set_document (self, document);
  if (apmm_document_get_file (document) != NULL)
    add_to_recent (apmm_document_get_file (document));
}

void
apmm_window_show_error (ApmmWindow *self,
                        const char *heading,
                        const char *body)
{
  g_return_if_fail (APMM_IS_WINDOW (self));

  show_error_dialog (self, heading, body);
}

void
apmm_window_load_file (ApmmWindow *self,
                       GFile      *file)
{
  LoadRequest *req;

  g_return_if_fail (APMM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* The last file asked for wins. */
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loading = g_cancellable_new ();

  req = g_new0 (LoadRequest, 1);
  req->self = g_object_ref (self);
  req->file = g_object_ref (file);
  req->cancellable = g_object_ref (self->loading);
  apmm_document_load_async (file, req->cancellable, loaded_cb, req);
}

gboolean
apmm_window_is_loading (ApmmWindow *self)
{
  g_return_val_if_fail (APMM_IS_WINDOW (self), FALSE);

  return self->loading != NULL;
}

static void
open_after_confirm (ApmmWindow *self,
                    gpointer    user_data)
{
  apmm_window_load_file (self, G_FILE (user_data));
}

void
apmm_window_open_file (ApmmWindow *self,
                       GFile      *file)
{
  g_return_if_fail (APMM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  _apmm_window_confirm_discard (self, open_after_confirm, g_object_ref (file), g_object_unref);
}

static void
new_after_confirm (ApmmWindow *self,
                   gpointer    user_data)
{
  g_autoptr(ApmmDocument) document = apmm_document_new ();

  apmm_window_set_document (self, document);
  adw_view_stack_set_visible_child_name (self->view_stack, "assessment");
}

void
apmm_window_new_session (ApmmWindow *self)
{
  g_return_if_fail (APMM_IS_WINDOW (self));

  _apmm_window_confirm_discard (self, new_after_confirm, NULL, NULL);
}

static void
example_after_confirm (ApmmWindow *self,
                       gpointer    user_data)
{
  const char *name = user_data;
  g_autofree char *path = g_strdup_printf ("/org/apmm/Workshop/core/examples/%s%s", name,
                                           APMM_SESSION_EXTENSION);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(ApmmSession) session = NULL;
  g_autoptr(ApmmDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (bytes == NULL)
    {
      show_error_dialog (self, _("Could Not Open the Example"), name);
      return;
    }

  session = apmm_session_load_bytes (bytes, &error);
  if (session == NULL)
    {
      show_error_dialog (self, _("Could Not Open the Example"), error->message);
      return;
    }

  /* An example opens as a new, untitled session: saving asks where. */
  document = apmm_document_new_for_session (session);
  apmm_window_set_document (self, document);
}

void
apmm_window_open_example (ApmmWindow *self,
                          const char *name)
{
  g_return_if_fail (APMM_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  _apmm_window_confirm_discard (self, example_after_confirm, g_strdup (name), g_free);
}

/* --- Saving ------------------------------------------------------------ */

/* One save asked by the user, with what to do once it is done. The document
 * is the one shown when it was asked, whatever the window shows later; the
 * window is watched, not held, so a save outlives a closed window. */
typedef struct {
  ApmmWindow   *self;
  ApmmDocument *document;
  GFile        *file;
  Continuation *cont;
} SaveRequest;

static SaveRequest *
save_request_new (ApmmWindow   *self,
                  GFile        *file,
                  Continuation *cont)
{
  SaveRequest *req = g_new0 (SaveRequest, 1);

  g_set_weak_pointer (&req->self, self);
  req->document = g_object_ref (self->document);
  req->file = g_object_ref (file);
  req->cont = cont;

  return req;
}

static void
save_request_free (SaveRequest *req)
{
  g_clear_object (&req->file);
  g_clear_object (&req->document);
  continuation_free (req->cont);
  g_clear_weak_pointer (&req->self);
  g_free (req);
}

static void save_to (SaveRequest *req, ApmmDocumentSaveFlags flags);

static void
changed_on_disk_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             gpointer          user_data)
{
  SaveRequest *req = g_object_steal_data (G_OBJECT (dialog), "request");

  if (req == NULL)
    return;

  if (g_str_equal (response, "overwrite"))
    {
      save_to (req, APMM_DOCUMENT_SAVE_IGNORE_CHANGES);
      return;
    }
  if (g_str_equal (response, "save-as") && req->self != NULL && req->self->document == req->document)
    save_with_continuation (req->self, g_steal_pointer (&req->cont), TRUE);

  save_request_free (req);
}

static void
ask_changed_on_disk (SaveRequest *req)
{
  g_autofree char *name = apmm_safe_basename (req->file);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (req->self),
                                                       _("File Changed on Disk"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("“%s” was changed by another program after you opened it. "
                                    "Overwriting replaces those changes with yours."),
                                  name);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "save-as", _("Save _As…"),
                                    "overwrite", _("_Overwrite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "overwrite", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "save-as");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "request", req, (GDestroyNotify) save_request_free);
  g_signal_connect (dialog, "response", G_CALLBACK (changed_on_disk_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_failed_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         gpointer          user_data)
{
  SaveRequest *req = g_object_steal_data (G_OBJECT (dialog), "request");

  if (req == NULL)
    return;

  if (g_str_equal (response, "save-as") && req->self != NULL && req->self->document == req->document)
    save_with_continuation (req->self, g_steal_pointer (&req->cont), TRUE);

  save_request_free (req);
}

/* A save that failed (a full disk, a folder that cannot be written) wrote
 * nothing: the work is still here and in a draft. Offer to save it
 * elsewhere; the continuation (closing, say) goes with it. */
static void
ask_save_elsewhere (SaveRequest *req,
                    const char  *heading,
                    const char  *body)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (req->self), heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "close", _("_Close"),
                                    "save-as", _("Save _As…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "save-as", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save-as");
  adw_message_dialog_set_close_response (dialog, "close");
  g_object_set_data_full (G_OBJECT (dialog), "request", req, (GDestroyNotify) save_request_free);
  g_signal_connect (dialog, "response", G_CALLBACK (save_failed_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  SaveRequest *req = user_data;
  ApmmWindow *self = req->self;
  g_autoptr(GError) error = NULL;

  if (!apmm_document_save_finish (APMM_DOCUMENT (object), result, &error))
    {
      if (self == NULL)
        {
          /* The window is gone; the work is still in the draft. */
          apmm_document_write_draft (req->document);
          save_request_free (req);
          return;
        }
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        {
          ask_changed_on_disk (req);
          return;
        }
      else
        {
          g_autofree char *name = apmm_safe_basename (req->file);
          g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);
          g_autofree char *reason = apmm_safe_text (error->message);
          g_autofree char *body = g_strdup_printf (_("%s\n\nYour changes are still here and in an "
                                                     "automatic draft. Try Save As to keep them "
                                                     "in another place."),
                                                   reason);

          apmm_document_write_draft (req->document);
          ask_save_elsewhere (req, heading, body);
          return;
        }
    }

  add_to_recent (req->file);
  if (self != NULL)
    {
      apmm_window_show_toast (self, _("Session saved"));
      continuation_run (self, g_steal_pointer (&req->cont));
    }
  save_request_free (req);
}

/* Writes in the background; the dialogs (changed on disk, failure) and the
 * continuation come when the document says it is done. */
static void
save_to (SaveRequest           *req,
         ApmmDocumentSaveFlags  flags)
{
  apmm_document_save_async (req->document, req->file, flags, NULL, saved_cb, req);
}

void
_apmm_window_save_to (ApmmWindow *self,
                      GFile      *file)
{
  g_return_if_fail (APMM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->document != NULL)
    save_to (save_request_new (self, file, NULL), APMM_DOCUMENT_SAVE_NONE);
}

static void
save_chooser_response_cb (GtkNativeDialog *native,
                          int              response,
                          SaveRequest     *req)
{
  /* The dialog is modal: the document is the one it was opened for. */
  if (response == GTK_RESPONSE_ACCEPT && req->self != NULL && req->self->document != NULL)
    {
      req->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      req->document = g_object_ref (req->self->document);
      save_to (req, APMM_DOCUMENT_SAVE_NONE);
    }
  else
    save_request_free (req);

  g_object_unref (native);
}

static GtkFileFilter *
session_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("APMM Sessions"));
  gtk_file_filter_add_mime_type (filter, APMM_SESSION_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "apmm");

  return filter;
}

static void
save_with_continuation (ApmmWindow   *self,
                        Continuation *cont,
                        gboolean      force_chooser)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;
  SaveRequest *req;
  GFile *file;

  if (self->document == NULL)
    {
      continuation_free (cont);
      return;
    }

  file = apmm_document_get_file (self->document);
  if (!force_chooser && file != NULL && !apmm_document_get_read_only (self->document))
    {
      save_to (save_request_new (self, file, cont), APMM_DOCUMENT_SAVE_NONE);
      return;
    }

  native = gtk_file_chooser_native_new (_("Save Session"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  filter = session_filter_new ();
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  if (file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (native), file, NULL);
  else
    {
      name = apmm_document_suggest_file_name (self->document);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
    }

  /* Until a file is picked, the request holds no document: a dialog that
   * never answers keeps nothing alive. */
  req = g_new0 (SaveRequest, 1);
  g_set_weak_pointer (&req->self, self);
  req->cont = cont;
  g_signal_connect (native, "response", G_CALLBACK (save_chooser_response_cb), req);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
apmm_window_save (ApmmWindow *self)
{
  g_return_if_fail (APMM_IS_WINDOW (self));

  save_with_continuation (self, NULL, FALSE);
}

void
apmm_window_save_as (ApmmWindow *self)
{
  g_return_if_fail (APMM_IS_WINDOW (self));

  save_with_continuation (self, NULL, TRUE);
}

/* --- Unsaved changes --------------------------------------------------- */

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  ApmmWindow *self = APMM_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  Continuation *cont = g_object_steal_data (G_OBJECT (dialog), "continuation");

  if (g_str_equal (response, "save"))
    save_with_continuation (self, cont, FALSE);
  else if (g_str_equal (response, "discard"))
    {
      if (self->document != NULL)
        apmm_document_discard_draft (self->document);
      continuation_run (self, cont);
    }
  else
    continuation_free (cont);
}

void
_apmm_window_confirm_discard (ApmmWindow     *self,
                              ApmmWindowThen  then,
                              gpointer        user_data,
                              GDestroyNotify  destroy)
{
  Continuation *cont = continuation_new (then, user_data, destroy);
  g_autofree char *name = NULL;
  AdwMessageDialog *dialog;

  if (!is_modified (self))
    {
      continuation_run (self, cont);
      return;
    }

  name = apmm_document_dup_display_name (self->document);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("“%s” has unsaved changes. Changes which are not saved "
                                    "will be permanently lost."),
                                  name);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  /* The dialog owns the continuation until it answers, so a dialog closed
   * any other way frees it, and a second answer finds nothing to run. */
  g_object_set_data_full (G_OBJECT (dialog), "continuation", cont, (GDestroyNotify) continuation_free);
  /* Closing the window is one of the answers: the dialog keeps it alive until
   * the dialog itself is gone, or GTK would detach the dialog from a freed
   * parent. */
  g_object_set_data_full (G_OBJECT (dialog), "parent", g_object_ref (self), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (discard_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- Welcome view ------------------------------------------------------ */

static void
recent_row_activated_cb (ApmmWindow    *self,
                         GtkListBoxRow *row,
                         GtkListBox    *list)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "uri");
  g_autoptr(GFile) file = g_file_new_for_uri (uri);

  apmm_window_open_file (self, file);
}

static gboolean
is_session_item (GtkRecentInfo *info)
{
  const char *mime = gtk_recent_info_get_mime_type (info);
  const char *uri = gtk_recent_info_get_uri (info);

  return (g_strcmp0 (mime, APMM_SESSION_MIME_TYPE) == 0 ||
          g_str_has_suffix (uri, APMM_SESSION_EXTENSION)) &&
         gtk_recent_info_exists (info);
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *ia = (GtkRecentInfo *) a;
  GtkRecentInfo *ib = (GtkRecentInfo *) b;

  return g_date_time_compare (gtk_recent_info_get_modified (ib),
                              gtk_recent_info_get_modified (ia));
}

static void
populate_recent (ApmmWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  items = g_list_sort (items, compare_recent);

  for (GList *l = items; l != NULL && shown < 6; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autoptr(GFile) file = NULL;
      g_autofree char *parent_name = NULL;
      g_autoptr(GFile) parent = NULL;
      GtkWidget *row;

      if (!is_session_item (info))
        continue;

      file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
      parent = g_file_get_parent (file);
      parent_name = parent != NULL ? g_file_get_parse_name (parent) : NULL;

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gtk_recent_info_get_display_name (info));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (parent_name != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), parent_name);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "uri", g_strdup (gtk_recent_info_get_uri (info)), g_free);
      gtk_list_box_append (self->recent_list, row);
      shown++;
    }

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  gtk_widget_set_visible (self->recent_box, shown > 0);
}

/* --- Drag and drop ----------------------------------------------------- */

static gboolean
drop_cb (ApmmWindow    *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  GdkFileList *list;
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  list = g_value_get_boxed (value);
  files = gdk_file_list_get_files (list);
  if (files == NULL)
    return FALSE;

  apmm_window_open_file (self, G_FILE (files->data));
  g_slist_free (files);

  return TRUE;
}

/* --- Window life cycle ------------------------------------------------- */

static void
close_after_confirm (ApmmWindow *self,
                     gpointer    user_data)
{
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
apmm_window_close_request (GtkWindow *window)
{
  ApmmWindow *self = APMM_WINDOW (window);
  int width, height;

  /* Unsaved work is asked about when its last window closes. */
  if (is_modified (self) && !self->close_confirmed && !shown_elsewhere (self, self->document))
    {
      _apmm_window_confirm_discard (self, close_after_confirm, NULL, NULL);
      return TRUE;
    }

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }

  if (self->document != NULL && !is_modified (self) && !shown_elsewhere (self, self->document))
    apmm_document_discard_draft (self->document);

  return GTK_WINDOW_CLASS (apmm_window_parent_class)->close_request (window);
}

static void
apmm_window_dispose (GObject *object)
{
  ApmmWindow *self = APMM_WINDOW (object);

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_handle_id (&self->opening_source, g_source_remove);
  if (self->shortcuts_window != NULL)
    gtk_window_destroy (self->shortcuts_window);
  g_clear_object (&self->shortcuts_window);
  if (self->inhibit_cookie != 0 && gtk_window_get_application (GTK_WINDOW (self)) != NULL)
    gtk_application_uninhibit (gtk_window_get_application (GTK_WINDOW (self)), self->inhibit_cookie);
  self->inhibit_cookie = 0;

  if (self->document_bindings != NULL)
    g_binding_group_set_source (self->document_bindings, NULL);
  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);
  if (self->history_signals != NULL)
    g_signal_group_set_target (self->history_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), APMM_TYPE_WINDOW);

  G_OBJECT_CLASS (apmm_window_parent_class)->dispose (object);
}

static void
apmm_window_finalize (GObject *object)
{
  ApmmWindow *self = APMM_WINDOW (object);

  g_clear_object (&self->document);
  g_clear_object (&self->document_bindings);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->history_signals);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (apmm_window_parent_class)->finalize (object);
}

static void
apmm_window_class_init (ApmmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = apmm_window_dispose;
  object_class->finalize = apmm_window_finalize;
  window_class->close_request = apmm_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/apmm/Workshop/apmm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ApmmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ApmmWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, ApmmWindow, title_stack);
  gtk_widget_class_bind_template_child (widget_class, ApmmWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, ApmmWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, ApmmWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, ApmmWindow, example_menu_button);
  gtk_widget_class_bind_template_child (widget_class, ApmmWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, ApmmWindow, example_menu);
  gtk_widget_class_bind_template_child (widget_class, ApmmWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ApmmWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ApmmWindow, details_flap);
  gtk_widget_class_bind_template_child (widget_class, ApmmWindow, explorer_bin);
  gtk_widget_class_bind_template_child (widget_class, ApmmWindow, assessment_bin);
  gtk_widget_class_bind_template_child (widget_class, ApmmWindow, gaps_bin);
  gtk_widget_class_bind_template_child (widget_class, ApmmWindow, roadmap_bin);
  gtk_widget_class_bind_template_child (widget_class, ApmmWindow, details_bin);
  gtk_widget_class_bind_template_child (widget_class, ApmmWindow, info_bar);
  gtk_widget_class_bind_template_child (widget_class, ApmmWindow, info_label);
  gtk_widget_class_bind_template_child (widget_class, ApmmWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, ApmmWindow, opening_spinner);
  gtk_widget_class_bind_template_child (widget_class, ApmmWindow, recent_box);
  gtk_widget_class_bind_template_child (widget_class, ApmmWindow, details_button);
  gtk_widget_class_bind_template_child (widget_class, ApmmWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, ApmmWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, ApmmWindow, edit_section);

  _apmm_window_class_actions_init (klass);
}

/* The bottom view switcher shows when the window is too narrow for the one
 * in the header bar. It is given the pages the first time it shows: each
 * switcher builds a button for every page, work a wide window never needs. */
static void
update_switcher_bar (ApmmWindow *self)
{
  gboolean reveal = adw_view_switcher_title_get_title_visible (self->switcher_title);

  if (reveal && adw_view_switcher_bar_get_stack (self->switcher_bar) == NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
  adw_view_switcher_bar_set_reveal (self->switcher_bar, reveal);
}

static void
apmm_window_init (ApmmWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  apmm_zoom_attach (GTK_WIDGET (self), self->settings);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  if (g_strcmp0 (PROFILE, "Devel") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (update_switcher_bar), self, G_CONNECT_SWAPPED);
  update_switcher_bar (self);
  apmm_gui_menu_button_set_menu_later (self->primary_menu_button, self->primary_menu);
  apmm_gui_menu_button_set_menu_later (self->example_menu_button, self->example_menu);
  /* The button shows whether the details are open, however they were opened
   * (F9, the button, or a swipe). */
  g_object_bind_property (self->details_flap, "reveal-flap",
                          self->details_button, "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_signal_connect_object (self->details_flap, "notify::reveal-flap",
                           G_CALLBACK (shown_pages_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_info_bar_add_button (self->info_bar, _("Save _As…"), GTK_RESPONSE_ACCEPT);
  g_signal_connect_object (self->info_bar, "response", G_CALLBACK (info_bar_response_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->recent_list, "row-activated", G_CALLBACK (recent_row_activated_cb),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (visible_page_changed_cb), self, G_CONNECT_SWAPPED);
  visible_page_changed_cb (self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  /* The pages themselves are made when first shown (set_pages_document). */

  /* Whatever document the window shows, the header shows its title and
   * subtitle, and the window follows its state. */
  self->document_bindings = g_binding_group_new ();
  g_binding_group_bind (self->document_bindings, "title", self->switcher_title, "title",
                        G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->document_bindings, "subtitle", self->switcher_title, "subtitle",
                        G_BINDING_SYNC_CREATE);

  self->document_signals = g_signal_group_new (APMM_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "notify::title",
                                 G_CALLBACK (document_state_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::modified",
                                 G_CALLBACK (document_state_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::read-only",
                                 G_CALLBACK (update_info_bar), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "draft-failed",
                                 G_CALLBACK (draft_failed_cb), self, G_CONNECT_SWAPPED);

  self->history_signals = g_signal_group_new (APMM_TYPE_HISTORY);
  g_signal_group_connect_object (self->history_signals, "notify",
                                 G_CALLBACK (history_state_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->settings, "changed::autosave-delay",
                           G_CALLBACK (update_autosave_delay), self, G_CONNECT_SWAPPED);

  /* The recent files are read each time the welcome page is shown: a
   * window opened on a session never needs them. */
  g_signal_connect_object (gtk_stack_get_child_by_name (self->main_stack, "welcome"), "map",
                           G_CALLBACK (populate_recent), self, G_CONNECT_SWAPPED);
  apmm_window_set_document (self, NULL);
  update_title (self);
  _apmm_window_update_actions (self);
}

ApmmWindow *
apmm_window_new (GtkApplication *application)
{
  return g_object_new (APMM_TYPE_WINDOW, "application", application, NULL);
}

ApmmWindow *
apmm_window_find_for_file (GtkApplication *application,
                           GFile          *file)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    {
      ApmmWindow *window = l->data;

      GFile *shown = APMM_IS_WINDOW (window) ? apmm_window_get_file (window) : NULL;

      if (shown != NULL && g_file_equal (shown, file))
        return window;
    }

  return NULL;
}

ApmmDocument *
apmm_window_get_document (ApmmWindow *self)
{
  g_return_val_if_fail (APMM_IS_WINDOW (self), NULL);

  return self->document;
}

ApmmSession *
apmm_window_get_session (ApmmWindow *self)
{
  g_return_val_if_fail (APMM_IS_WINDOW (self), NULL);

  return self->document != NULL ? apmm_document_get_session (self->document) : NULL;
}

ApmmHistory *
apmm_window_get_history (ApmmWindow *self)
{
  g_return_val_if_fail (APMM_IS_WINDOW (self), NULL);

  return self->document != NULL ? apmm_document_get_history (self->document) : NULL;
}

GFile *
apmm_window_get_file (ApmmWindow *self)
{
  g_return_val_if_fail (APMM_IS_WINDOW (self), NULL);

  return self->document != NULL ? apmm_document_get_file (self->document) : NULL;
}

static gboolean
show_opening_spinner_cb (gpointer data)
{
  ApmmWindow *self = data;

  self->opening_source = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->opening_spinner), TRUE);
  gtk_spinner_start (self->opening_spinner);
  return G_SOURCE_REMOVE;
}

/* A window opened for a session the application is still reading shows
 * nothing until the session is in (a spinner after half a second), not
 * the welcome page: laying that out would only delay the session. */
void
apmm_window_set_opening (ApmmWindow *self,
                         gboolean    opening)
{
  g_return_if_fail (APMM_IS_WINDOW (self));

  g_clear_handle_id (&self->opening_source, g_source_remove);
  gtk_spinner_stop (self->opening_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->opening_spinner), FALSE);

  if (opening && self->document == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "opening");
      self->opening_source = g_timeout_add (500, show_opening_spinner_cb, self);
    }
  else if (!opening && self->document == NULL)
    gtk_stack_set_visible_child_name (self->main_stack, "welcome");
}

gboolean
apmm_window_is_disposable (ApmmWindow *self)
{
  g_return_val_if_fail (APMM_IS_WINDOW (self), FALSE);

  return self->document == NULL ||
         (apmm_document_get_file (self->document) == NULL && !is_modified (self));
}

void
apmm_window_show_toast (ApmmWindow *self,
                        const char *message)
{
  g_autofree char *markup = NULL;

  g_return_if_fail (APMM_IS_WINDOW (self));

  /* libadwaita 1.2 parses a toast's title as markup: "Johnson & Johnson"
   * would show nothing. Names in it may hold control characters too. */
  markup = apmm_safe_markup (message);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
}
