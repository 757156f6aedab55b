/* apmm-details-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-details-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "apmm-details-panel.h"
#include "apmm-gui-utils.h"
#include "apmm-hfw-bin.h"
#include "apmm-list-culling.h"
#include "apmm-session-file.h"

struct _ApmmDetailsPanel
{
  AdwBin         parent_instance;

  ApmmSession   *session;
  gboolean       syncing;
  gboolean       picking;   /* the calendar is being set to the session's date */

  GtkStack      *stack;
  AdwEntryRow   *organisation_row;
  AdwEntryRow   *title_row;
  AdwEntryRow   *facilitator_row;
  AdwEntryRow   *date_row;
  GtkMenuButton *date_button;
  GtkCalendar   *date_calendar;
  GtkWidget     *date_error_label;
  GtkTextView   *notes_view;
  GtkListBox    *participants_list;
  AdwEntryRow   *add_row;
  GtkWidget     *add_button;
};

G_DEFINE_FINAL_TYPE (ApmmDetailsPanel, apmm_details_panel, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define PARTICIPANT_KEY "apmm-participant"
/* The name a participant's row was last given. */
#define NAME_KEY        "apmm-name"

static void
sync_notes (ApmmDetailsPanel *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  const char *notes = apmm_session_get_notes (self->session);
  g_autofree char *current = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (current, notes) != 0)
    gtk_text_buffer_set_text (buffer, notes, -1);
}

static void
sync_fields (ApmmDetailsPanel *self)
{
  self->syncing = TRUE;
  apmm_gui_sync_editable (GTK_EDITABLE (self->organisation_row),
                 apmm_session_get_organisation (self->session));
  apmm_gui_sync_editable (GTK_EDITABLE (self->title_row), apmm_session_get_title (self->session));
  apmm_gui_sync_editable (GTK_EDITABLE (self->facilitator_row),
                 apmm_session_get_facilitator (self->session));
  /* A date being typed is not in the session yet: leave the half-typed text. */
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->date_row), "error"))
    apmm_gui_sync_editable (GTK_EDITABLE (self->date_row), apmm_session_get_date (self->session));
  sync_notes (self);
  self->syncing = FALSE;
}

static void
rename_apply_cb (AdwEntryRow      *row,
                 ApmmDetailsPanel *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), PARTICIPANT_KEY));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (self->session == NULL || index >= apmm_session_get_n_participants (self->session))
    return;

  if (*name == '\0')
    {
      /* A participant keeps a name: put the old one back. */
      gtk_editable_set_text (GTK_EDITABLE (row),
                             apmm_session_get_participant_name (self->session, index));
      return;
    }
  apmm_session_rename_participant (self->session, index, name);
}

static void
remove_clicked_cb (GtkButton        *button,
                   ApmmDetailsPanel *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), PARTICIPANT_KEY));

  if (self->session != NULL && index < apmm_session_get_n_participants (self->session))
    apmm_session_remove_participant (self->session, index);
}

static GtkWidget *
create_participant_row (ApmmDetailsPanel *self,
                        guint             index)
{
  const char *name = apmm_session_get_participant_name (self->session, index);
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;

  /* Translators: a participant's position in the list, e.g. "Participant 3". */
  title = g_strdup_printf (_("Participant %u"), index + 1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), name);
  g_object_set_data (G_OBJECT (row), PARTICIPANT_KEY, GUINT_TO_POINTER (index));
  g_signal_connect (row, "apply", G_CALLBACK (rename_apply_cb), self);

  /* Translators: %s is a participant's name. */
  label = g_strdup_printf (_("Remove %s"), name);
  gtk_widget_set_tooltip_text (remove, _("Remove participant"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data (G_OBJECT (remove), PARTICIPANT_KEY, GUINT_TO_POINTER (index));
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  g_object_set_data (G_OBJECT (row), "apmm-remove-button", remove);
  g_object_set_data_full (G_OBJECT (row), NAME_KEY, g_strdup (name), g_free);

  return row;
}

static void
rebuild_participants (ApmmDetailsPanel *self)
{
  GtkListBoxRow *row;
  guint n;

  /* The "Add participant" row stays last; everything before it is rebuilt. */
  while ((row = gtk_list_box_get_row_at_index (self->participants_list, 0)) != NULL
         && GTK_WIDGET (row) != GTK_WIDGET (self->add_row))
    gtk_list_box_remove (self->participants_list, GTK_WIDGET (row));

  if (self->session == NULL)
    return;

  n = apmm_session_get_n_participants (self->session);
  for (guint i = 0; i < n; i++)
    gtk_list_box_insert (self->participants_list, create_participant_row (self, i), i);
}

static void
session_changed_cb (ApmmDetailsPanel *self)
{
  sync_fields (self);
}

/* Renaming someone must not rebuild the list under the keyboard focus: when
 * the number of participants is unchanged, only the names are refreshed. */
static void
participants_changed_cb (ApmmDetailsPanel *self)
{
  guint n = apmm_session_get_n_participants (self->session);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->participants_list, n);

  if (row == NULL || GTK_WIDGET (row) != GTK_WIDGET (self->add_row))
    {
      rebuild_participants (self);
      return;
    }

  /* A vote counts as a participants change too: only a row whose name
   * changed is touched, in a room of hundreds. */
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *child = GTK_WIDGET (gtk_list_box_get_row_at_index (self->participants_list, i));
      const char *name = apmm_session_get_participant_name (self->session, i);
      g_autofree char *label = NULL;

      if (g_strcmp0 (g_object_get_data (G_OBJECT (child), NAME_KEY), name) == 0)
        continue;

      label = g_strdup_printf (_("Remove %s"), name);
      g_object_set_data_full (G_OBJECT (child), NAME_KEY, g_strdup (name), g_free);
      apmm_gui_sync_editable (GTK_EDITABLE (child), name);
      gtk_accessible_update_property (g_object_get_data (G_OBJECT (child), "apmm-remove-button"),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }
}

static void
field_changed_cb (ApmmDetailsPanel *self,
                  GtkEditable      *editable)
{
  const char *text = gtk_editable_get_text (editable);

  if (self->syncing || self->session == NULL)
    return;

  if (editable == GTK_EDITABLE (self->organisation_row))
    apmm_session_set_organisation (self->session, text);
  else if (editable == GTK_EDITABLE (self->title_row))
    apmm_session_set_title (self->session, text);
  else if (editable == GTK_EDITABLE (self->facilitator_row))
    apmm_session_set_facilitator (self->session, text);
}

static void
date_changed_cb (ApmmDetailsPanel *self,
                 GtkEditable      *editable)
{
  const char *text = gtk_editable_get_text (editable);
  /* An empty field is not an error, only unfinished: GtkText also passes
   * through "" when its whole text is replaced. */
  gboolean valid = *text == '\0' || apmm_date_is_valid (text);

  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
  gtk_widget_set_visible (self->date_error_label, !valid);

  if (self->syncing || self->session == NULL || *text == '\0' || !valid)
    return;

  apmm_session_set_date (self->session, text);
}

static void
today_clicked_cb (ApmmDetailsPanel *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  gtk_menu_button_popdown (self->date_button);
}

/* The calendar opens on the session's date, or today without one. */
static void
date_popover_show_cb (ApmmDetailsPanel *self)
{
  const char *date = self->session != NULL ? apmm_session_get_date (self->session) : "";
  g_autoptr(GDateTime) shown = NULL;

  if (date != NULL && apmm_date_is_valid (date))
    {
      g_autofree char *iso = g_strconcat (date, "T00:00:00", NULL);
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();

      shown = g_date_time_new_from_iso8601 (iso, local);
    }
  if (shown == NULL)
    shown = g_date_time_new_now_local ();
  self->picking = TRUE;
  gtk_calendar_select_day (self->date_calendar, shown);
  self->picking = FALSE;
}

/* Picking a day writes it as the session keeps dates; the row shows it. */
static void
date_day_selected_cb (ApmmDetailsPanel *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *text = NULL;

  if (self->picking)
    return;
  day = gtk_calendar_get_date (self->date_calendar);
  text = g_date_time_format (day, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
  gtk_menu_button_popdown (self->date_button);
}

static void
notes_changed_cb (ApmmDetailsPanel *self,
                  GtkTextBuffer    *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->syncing || self->session == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  apmm_session_set_notes (self->session, text);
}

static void
add_text_changed_cb (ApmmDetailsPanel *self,
                     GtkEditable      *editable)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  gtk_widget_set_sensitive (self->add_button, *name != '\0');
}

static void
add_participant_cb (ApmmDetailsPanel *self)
{
  apmm_gui_add_participant_from (GTK_EDITABLE (self->add_row), self->session);
}

static void
apmm_details_panel_dispose (GObject *object)
{
  ApmmDetailsPanel *self = (ApmmDetailsPanel *)object;

  apmm_details_panel_set_session (self, NULL);

  G_OBJECT_CLASS (apmm_details_panel_parent_class)->dispose (object);
}

static void
apmm_details_panel_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ApmmDetailsPanel *self = APMM_DETAILS_PANEL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
apmm_details_panel_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ApmmDetailsPanel *self = APMM_DETAILS_PANEL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      apmm_details_panel_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
apmm_details_panel_class_init (ApmmDetailsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = apmm_details_panel_dispose;
  object_class->get_property = apmm_details_panel_get_property;
  object_class->set_property = apmm_details_panel_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         APMM_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (APMM_TYPE_HFW_BIN);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/apmm/Workshop/apmm-details-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, ApmmDetailsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, ApmmDetailsPanel, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, ApmmDetailsPanel, title_row);
  gtk_widget_class_bind_template_child (widget_class, ApmmDetailsPanel, facilitator_row);
  gtk_widget_class_bind_template_child (widget_class, ApmmDetailsPanel, date_row);
  gtk_widget_class_bind_template_child (widget_class, ApmmDetailsPanel, date_button);
  gtk_widget_class_bind_template_child (widget_class, ApmmDetailsPanel, date_calendar);
  gtk_widget_class_bind_template_child (widget_class, ApmmDetailsPanel, date_error_label);
  gtk_widget_class_bind_template_child (widget_class, ApmmDetailsPanel, notes_view);
  gtk_widget_class_bind_template_child (widget_class, ApmmDetailsPanel, participants_list);
  gtk_widget_class_bind_template_child (widget_class, ApmmDetailsPanel, add_row);
  gtk_widget_class_bind_template_child (widget_class, ApmmDetailsPanel, add_button);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, today_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_participant_cb);
}

static void
apmm_details_panel_init (ApmmDetailsPanel *self)
{
  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->syncing = FALSE;

  apmm_list_box_draw_rows_in_view (self->participants_list);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (notes_changed_cb), self, G_CONNECT_SWAPPED);
  apmm_gui_limit_text_buffer (gtk_text_view_get_buffer (self->notes_view), GTK_WIDGET (self->notes_view));
  apmm_gui_limit_editable (GTK_EDITABLE (self->organisation_row));
  apmm_gui_limit_editable (GTK_EDITABLE (self->title_row));
  apmm_gui_limit_editable (GTK_EDITABLE (self->facilitator_row));
  apmm_gui_limit_editable (GTK_EDITABLE (self->add_row));
}

GtkWidget *
apmm_details_panel_new (void)
{
  return g_object_new (APMM_TYPE_DETAILS_PANEL, NULL);
}

ApmmSession *
apmm_details_panel_get_session (ApmmDetailsPanel *self)
{
  g_return_val_if_fail (APMM_IS_DETAILS_PANEL (self), NULL);

  return self->session;
}

void
apmm_details_panel_set_session (ApmmDetailsPanel *self,
                                ApmmSession      *session)
{
  static const ApmmSessionHandler handlers[] = {
    { "changed", G_CALLBACK (session_changed_cb) },
    { "participants-changed", G_CALLBACK (participants_changed_cb) },
  };

  g_return_if_fail (APMM_IS_DETAILS_PANEL (self));
  g_return_if_fail (session == NULL || APMM_IS_SESSION (session));

  if (!apmm_gui_bind_session (self, &self->session, session, handlers, G_N_ELEMENTS (handlers)))
    return;

  gtk_stack_set_visible_child_name (self->stack, session != NULL ? "details" : "empty");
  if (session != NULL)
    {
      /* Start from what the session holds, not from a previous session's typing. */
      self->syncing = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), "");
      self->syncing = FALSE;
      sync_fields (self);
    }

  rebuild_participants (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}
