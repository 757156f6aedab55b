/* apmm-gui-utils.c — small helpers the pages and rows share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-gui-utils"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "apmm-gui-utils.h"
#include "apmm-safe-text.h"
#include "apmm-session-file.h"

#define SESSION_SIGNALS_KEY "apmm-gui-session-signals"

/* Moves @owner's session from *@slot to @session and makes @handlers follow
 * it, through one GSignalGroup per owner: the group connects @handlers
 * (swapped, the owner first) for as long as the owner lives, and moving its
 * target moves them all from the old session to the new one. @handlers must
 * be the same every time for an owner (a static table). Returns FALSE, doing
 * nothing, when the session is the same, so that setters can return early and
 * not notify. */
gboolean
apmm_gui_bind_session (gpointer                  owner,
                       ApmmSession             **slot,
                       ApmmSession              *session,
                       const ApmmSessionHandler *handlers,
                       gsize                     n_handlers)
{
  GSignalGroup *group;

  g_assert (G_IS_OBJECT (owner));
  g_assert (slot != NULL);

  if (*slot == session)
    return FALSE;

  group = g_object_get_data (owner, SESSION_SIGNALS_KEY);
  if (group == NULL && n_handlers > 0)
    {
      group = g_signal_group_new (APMM_TYPE_SESSION);
      for (gsize i = 0; i < n_handlers; i++)
        g_signal_group_connect_object (group, handlers[i].signal, handlers[i].handler,
                                       owner, G_CONNECT_SWAPPED);
      g_object_set_data_full (owner, SESSION_SIGNALS_KEY, group, g_object_unref);
    }

  g_set_object (slot, session);
  if (group != NULL)
    g_signal_group_set_target (group, session);

  return TRUE;
}

ApmmDocument *
apmm_gui_document_for_session (ApmmSession *session)
{
  ApmmDocument *document;

  if (session == NULL)
    return NULL;

  document = apmm_document_new_for_session (session);
  apmm_document_set_autosave (document, FALSE);

  return document;
}

/* Sets an editable's text only when it differs, so that the echo of the
 * user's own edit does not move their cursor. NULL reads as empty. */
void
apmm_gui_sync_editable (GtkEditable *editable,
                        const char  *text)
{
  if (text == NULL)
    text = "";
  if (g_strcmp0 (gtk_editable_get_text (editable), text) != 0)
    gtk_editable_set_text (editable, text);
}

char *
apmm_gui_format_date (GDateTime *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  /* Translators: a date, see g_date_time_format(); "%-e %B %Y" is "14 May 2024".
   * Write it the way your language does, e.g. "%-e. %B %Y". */
  g_autofree char *text = g_date_time_format (date, _("%-e %B %Y"));

  return g_strdup (g_strstrip (text));
}

char *
apmm_gui_format_date_time (GDateTime *date_time)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (date_time != NULL, NULL);

  /* Translators: a date and time, see g_date_time_format(); "14 May 2024, 10:32". */
  text = g_date_time_format (date_time, _("%-e %B %Y, %H:%M"));
  return g_strdup (g_strstrip (text));
}

/* --- Input limits -------------------------------------------------------- */

static AdwToastOverlay *
find_toast_overlay_below (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return ADW_TOAST_OVERLAY (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwToastOverlay *found = find_toast_overlay_below (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The toast overlay of @widget's window, or NULL. */
static AdwToastOverlay *
find_toast_overlay (GtkWidget *widget)
{
  GtkWidget *overlay;

  /* A field in a popover, or a dialog's parent window, is not inside the
   * overlay: look from the window down. */
  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL && gtk_widget_get_root (widget) != NULL)
    return find_toast_overlay_below (GTK_WIDGET (gtk_widget_get_root (widget)));
  return overlay != NULL ? ADW_TOAST_OVERLAY (overlay) : NULL;
}

const char *
apmm_gui_participant_name (const char *name)
{
  return name != NULL && *name != '\0' ? name : _("Unnamed participant");
}

GtkWidget *
apmm_gui_wrapped_label (const char *text,
                        const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), 12);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
create_menu_cb (GtkMenuButton *button,
                gpointer       model)
{
  /* GTK calls this each time the button opens: the first time only, the
   * button gets its menu. */
  if (gtk_menu_button_get_menu_model (button) != model)
    gtk_menu_button_set_menu_model (button, model);
}

void
apmm_gui_menu_button_set_menu_later (GtkMenuButton *button,
                                     GMenuModel    *model)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (G_IS_MENU_MODEL (model));

  gtk_menu_button_set_create_popup_func (button, create_menu_cb, g_object_ref (model), g_object_unref);
}

void
apmm_gui_set_accessible_label (GtkWidget  *widget,
                               const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

gboolean
apmm_gui_toast (GtkWidget  *widget,
                const char *message)
{
  AdwToastOverlay *overlay;
  g_autofree char *markup = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  if ((overlay = find_toast_overlay (widget)) == NULL)
    return FALSE;

  /* libadwaita 1.2 parses toast titles as markup ("Johnson & Johnson"). */
  markup = apmm_safe_markup (message);
  adw_toast_overlay_add_toast (overlay, adw_toast_new (markup));
  return TRUE;
}

/* How many bytes of @text (@len bytes) fit in @room, cut between characters. */
static gsize
fitting_prefix (const char *text,
                gsize       len,
                gsize       room)
{
  const char *end;

  if (len <= room)
    return len;
  end = g_utf8_find_prev_char (text, text + room + 1);
  return end != NULL ? (gsize) (end - text) : 0;
}

static void
announce_cut (GtkWidget *widget)
{
  g_autofree char *message =
    g_strdup_printf (_("The text was cut at %u KiB, the most a session keeps in one field"),
                     (guint) (APMM_SESSION_MAX_STRING / 1024));

  gtk_widget_error_bell (widget);
  apmm_gui_toast (widget, message);
}

static void
buffer_insert_text_cb (GtkTextBuffer *buffer,
                       GtkTextIter   *location,
                       const char    *text,
                       int            len,
                       GtkWidget     *owner)
{
  GtkTextIter start, end;
  g_autofree char *current = NULL;
  gsize used, keep;

  if (len < 0)
    len = strlen (text);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  used = strlen (current);
  if (used + (gsize) len <= APMM_SESSION_MAX_STRING)
    return;

  g_signal_stop_emission_by_name (buffer, "insert-text");
  keep = fitting_prefix (text, len, used < APMM_SESSION_MAX_STRING ? APMM_SESSION_MAX_STRING - used : 0);
  if (keep > 0)
    {
      g_signal_handlers_block_by_func (buffer, buffer_insert_text_cb, owner);
      gtk_text_buffer_insert (buffer, location, text, keep);
      g_signal_handlers_unblock_by_func (buffer, buffer_insert_text_cb, owner);
    }
  announce_cut (owner);
}

void
apmm_gui_limit_text_buffer (GtkTextBuffer *buffer,
                            GtkWidget     *owner)
{
  g_return_if_fail (GTK_IS_TEXT_BUFFER (buffer));
  g_return_if_fail (GTK_IS_WIDGET (owner));

  g_signal_connect_object (buffer, "insert-text", G_CALLBACK (buffer_insert_text_cb), owner, 0);
}

static void
editable_insert_text_cb (GtkEditable *delegate,
                         const char  *text,
                         int          len,
                         int         *position,
                         GtkWidget   *owner)
{
  gsize used = strlen (gtk_editable_get_text (delegate));
  gsize keep;

  if (len < 0)
    len = strlen (text);
  if (used + (gsize) len <= APMM_SESSION_MAX_STRING)
    return;

  g_signal_stop_emission_by_name (delegate, "insert-text");
  keep = fitting_prefix (text, len, used < APMM_SESSION_MAX_STRING ? APMM_SESSION_MAX_STRING - used : 0);
  if (keep > 0)
    {
      g_signal_handlers_block_by_func (delegate, editable_insert_text_cb, owner);
      gtk_editable_insert_text (delegate, text, keep, position);
      g_signal_handlers_unblock_by_func (delegate, editable_insert_text_cb, owner);
    }
  announce_cut (owner);
}

void
apmm_gui_limit_editable (GtkEditable *editable)
{
  GtkEditable *delegate;

  g_return_if_fail (GTK_IS_EDITABLE (editable));

  /* Rows and entries hand their text to a GtkText, which emits insert-text. */
  delegate = gtk_editable_get_delegate (editable);
  if (delegate == NULL)
    delegate = editable;
  g_signal_connect_object (delegate, "insert-text", G_CALLBACK (editable_insert_text_cb), editable, 0);
}

gboolean
apmm_gui_check_room (GtkWidget  *widget,
                     guint       count,
                     guint       max,
                     const char *message)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  if (count < max)
    return TRUE;
  gtk_widget_error_bell (widget);
  apmm_gui_toast (widget, message);
  return FALSE;
}

void
apmm_gui_add_participant_from (GtkEditable *name_row,
                               ApmmSession *session)
{
  g_autofree char *name = NULL;
  g_autofree char *full = NULL;

  g_return_if_fail (GTK_IS_EDITABLE (name_row));

  name = g_strstrip (g_strdup (gtk_editable_get_text (name_row)));
  if (session == NULL || *name == '\0')
    return;

  full = g_strdup_printf (_("A session holds at most %u participants"), APMM_SESSION_MAX_PARTICIPANTS);
  if (!apmm_gui_check_room (GTK_WIDGET (name_row), apmm_session_get_n_participants (session),
                            APMM_SESSION_MAX_PARTICIPANTS, full))
    return;

  apmm_session_add_participant (session, name, -1);
  gtk_editable_set_text (name_row, "");
  gtk_widget_grab_focus (GTK_WIDGET (name_row));
}
