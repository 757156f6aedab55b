/* apmm-session-caption.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-session-caption"

#include "config.h"

#include <glib/gi18n.h>

#include "apmm-gui-utils.h"
#include "apmm-safe-text.h"
#include "apmm-session-caption.h"

struct _ApmmSessionCaption
{
  AdwBin       parent_instance;

  ApmmSession *session;
  GtkLabel    *label;
};

G_DEFINE_FINAL_TYPE (ApmmSessionCaption, apmm_session_caption, ADW_TYPE_BIN)

/* The longest organisation name shown whole, in characters. */
#define CAPTION_MAX_CHARS 120

static void
sync_text (ApmmSessionCaption *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *organisation = self->session != NULL ? apmm_session_get_organisation (self->session) : "";
  const char *date = self->session != NULL ? apmm_session_get_date (self->session) : "";

  if (*organisation != '\0' || self->session == NULL)
    {
      /* A caption, not the whole name: an organisation may be 64 KiB long. */
      g_autofree char *shown = apmm_text_excerpt (organisation, CAPTION_MAX_CHARS, 1, NULL);

      g_string_append (text, shown);
    }
  else
    g_string_append (text, _("Untitled Session"));
  if (apmm_date_is_valid (date))
    {
      g_autofree char *iso = g_strconcat (date, "T00:00:00", NULL);
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();
      g_autoptr(GDateTime) day = g_date_time_new_from_iso8601 (iso, local);
      g_autofree char *shown = day != NULL ? apmm_gui_format_date (day) : NULL;

      if (shown != NULL)
        g_string_append_printf (text, " · %s", shown);
    }

  gtk_label_set_text (self->label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self), self->session != NULL);
}

static void
apmm_session_caption_dispose (GObject *object)
{
  ApmmSessionCaption *self = APMM_SESSION_CAPTION (object);

  apmm_gui_bind_session (self, &self->session, NULL, NULL, 0);

  G_OBJECT_CLASS (apmm_session_caption_parent_class)->dispose (object);
}

static void
apmm_session_caption_class_init (ApmmSessionCaptionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = apmm_session_caption_dispose;
}

static void
apmm_session_caption_init (ApmmSessionCaption *self)
{
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->label, 0);
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_wrap_mode (self->label, PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "session-caption");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->label));
  sync_text (self);
}

GtkWidget *
apmm_session_caption_new (void)
{
  return g_object_new (APMM_TYPE_SESSION_CAPTION, NULL);
}

void
apmm_session_caption_set_session (ApmmSessionCaption *self,
                                  ApmmSession        *session)
{
  static const ApmmSessionHandler handlers[] = {
    { "notify::organisation", G_CALLBACK (sync_text) },
    { "notify::date", G_CALLBACK (sync_text) },
  };

  g_return_if_fail (APMM_IS_SESSION_CAPTION (self));
  g_return_if_fail (session == NULL || APMM_IS_SESSION (session));

  if (apmm_gui_bind_session (self, &self->session, session, handlers, G_N_ELEMENTS (handlers)))
    sync_text (self);
}

const char *
apmm_session_caption_get_text (ApmmSessionCaption *self)
{
  g_return_val_if_fail (APMM_IS_SESSION_CAPTION (self), NULL);

  return gtk_label_get_text (self->label);
}
