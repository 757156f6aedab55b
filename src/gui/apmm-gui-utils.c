/* apmm-gui-utils.c — small helpers the pages and rows share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-gui-utils"

#include "config.h"

#include <glib/gi18n.h>

#include "apmm-gui-utils.h"

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
