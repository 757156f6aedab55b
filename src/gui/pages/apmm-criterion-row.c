/* apmm-criterion-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-criterion-row"

#include "config.h"

#include <glib/gi18n.h>

#include "apmm-criterion-row.h"
#include "apmm-gui-utils.h"
#include "apmm-text-field.h"

#define HIGHLIGHT_SECONDS 2

struct _ApmmCriterionRow
{
  AdwPreferencesRow parent_instance;

  ApmmSession     *session;
  char            *criterion_id;
  guint            highlight_source;
  gboolean         syncing;
  gboolean         confirmed_pending;

  GtkLabel        *title_label;
  GtkLabel        *description_label;
  GtkToggleButton *met_button;
  GtkToggleButton *partly_button;
  GtkToggleButton *not_met_button;
  GtkToggleButton *unknown_button;
  ApmmTextField   *note_entry;
  GtkEntry        *confirmed_entry;
  GtkLabel        *confirmed_at_label;
};

G_DEFINE_FINAL_TYPE (ApmmCriterionRow, apmm_criterion_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_CRITERION_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkToggleButton *
button_for_status (ApmmCriterionRow *self,
                   ApmmStatus        status)
{
  switch (status)
    {
    case APMM_STATUS_MET:
      return self->met_button;
    case APMM_STATUS_PARTLY:
      return self->partly_button;
    case APMM_STATUS_NOT_MET:
      return self->not_met_button;
    case APMM_STATUS_UNKNOWN:
    default:
      return self->unknown_button;
    }
}

static ApmmStatus
status_for_button (ApmmCriterionRow *self,
                   GtkToggleButton  *button)
{
  if (button == self->met_button)
    return APMM_STATUS_MET;
  if (button == self->partly_button)
    return APMM_STATUS_PARTLY;
  if (button == self->not_met_button)
    return APMM_STATUS_NOT_MET;
  return APMM_STATUS_UNKNOWN;
}

static void
sync_confirmed_at (ApmmCriterionRow *self,
                   const char       *when)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *text = NULL;

  if (when != NULL && *when != '\0')
    dt = g_date_time_new_from_iso8601 (when, NULL);

  /* The line keeps its place while empty, so confirming a criterion does not
   * push the rows below it down. */
  gtk_widget_set_child_visible (GTK_WIDGET (self->confirmed_at_label), dt != NULL);
  if (dt == NULL)
    {
      gtk_label_set_text (self->confirmed_at_label, "");
      return;
    }

  shown = apmm_gui_format_date_time (dt);
  /* Translators: %s is a date and time such as "14 May 2024, 10:32". */
  text = g_strdup_printf (_("Confirmed %s"), shown);
  gtk_label_set_text (self->confirmed_at_label, text);
}

static void
apmm_criterion_row_sync (ApmmCriterionRow *self)
{
  ApmmStatus status = APMM_STATUS_UNKNOWN;
  const char *note = "";
  const char *who = "";
  const char *when = "";

  if (self->session != NULL && self->criterion_id != NULL)
    {
      status = apmm_session_get_status (self->session, self->criterion_id);
      note = apmm_session_get_evidence_note (self->session, self->criterion_id);
      who = apmm_session_get_confirmed_by (self->session, self->criterion_id);
      when = apmm_session_get_confirmed_at (self->session, self->criterion_id);
    }

  self->syncing = TRUE;
  gtk_toggle_button_set_active (button_for_status (self, status), TRUE);
  apmm_text_field_sync (self->note_entry, note);
  apmm_gui_sync_editable (GTK_EDITABLE (self->confirmed_entry), who);
  self->syncing = FALSE;

  sync_confirmed_at (self, when);
  gtk_widget_set_sensitive (GTK_WIDGET (self), self->session != NULL);
}

static void
apmm_criterion_row_set_criterion_id (ApmmCriterionRow *self,
                                     const char       *criterion_id)
{
  const ApmmCriterion *criterion = NULL;
  GtkToggleButton *buttons[] = { self->met_button, self->partly_button,
                                 self->not_met_button, self->unknown_button };

  g_free (self->criterion_id);
  self->criterion_id = g_strdup (criterion_id);
  if (criterion_id != NULL)
    criterion = apmm_model_lookup_criterion (apmm_model_get_default (), criterion_id);
  if (criterion == NULL)
    return;

  gtk_label_set_text (self->title_label, criterion->title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), criterion->title);
  gtk_label_set_text (self->description_label, criterion->description);

  /* The buttons read only "Met", "Partly"…: their accessible names carry the
   * criterion too, since a screen reader may announce a button on its own. */
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      g_autofree char *label = NULL;

      /* Translators: a rating button's accessible name, e.g. "Met: Rollback procedure". */
      label = g_strdup_printf (_("%s: %s"), gtk_button_get_label (GTK_BUTTON (buttons[i])),
                               criterion->title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (buttons[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, criterion->title,
                                      -1);
    }
  /* The row itself is a list item: name it after its criterion. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, criterion->title,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (apmm_text_field_get_view (self->note_entry)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Evidence note"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, criterion->title,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->confirmed_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Confirmed by"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, criterion->title,
                                  -1);
}

static void
rating_changed_cb (ApmmCriterionRow *self,
                   const char       *criterion_id,
                   ApmmSession      *session)
{
  if (g_strcmp0 (criterion_id, self->criterion_id) == 0)
    apmm_criterion_row_sync (self);
}

static void
status_toggled_cb (GtkToggleButton  *button,
                   ApmmCriterionRow *self)
{
  if (self->syncing || self->session == NULL || !gtk_toggle_button_get_active (button))
    return;

  apmm_session_set_status (self->session, self->criterion_id, status_for_button (self, button));
}

static void
note_changed_cb (ApmmCriterionRow *self,
                 ApmmTextField    *field)
{
  g_autofree char *text = NULL;

  if (self->syncing || self->session == NULL)
    return;

  text = apmm_text_field_dup_text (field);
  apmm_session_set_evidence_note (self->session, self->criterion_id, text);
}

static void
confirmed_changed_cb (ApmmCriterionRow *self,
                      GtkEditable      *editable)
{
  if (self->syncing || self->session == NULL)
    return;

  apmm_session_set_confirmed_by (self->session, self->criterion_id,
                                 gtk_editable_get_text (editable));
  self->confirmed_pending = TRUE;
}

/* The moment of confirmation is stamped once the name is committed (Enter or
 * leaving the field), not at every keystroke: the typing then merges into one
 * undo step and the stamp is a second one. Clearing the name clears the stamp. */
static void
confirmed_commit_cb (ApmmCriterionRow *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *when = NULL;

  if (!self->confirmed_pending || self->session == NULL)
    return;

  self->confirmed_pending = FALSE;
  if (*apmm_session_get_confirmed_by (self->session, self->criterion_id) != '\0')
    {
      now = g_date_time_new_now_local ();
      when = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
    }
  apmm_session_set_confirmed_at (self->session, self->criterion_id, when ? when : "");
}

static gboolean
highlight_done_cb (gpointer user_data)
{
  ApmmCriterionRow *self = user_data;

  gtk_widget_remove_css_class (GTK_WIDGET (self), "highlighted");
  self->highlight_source = 0;
  return G_SOURCE_REMOVE;
}

static void
apmm_criterion_row_dispose (GObject *object)
{
  ApmmCriterionRow *self = (ApmmCriterionRow *)object;

  apmm_criterion_row_set_session (self, NULL);
  g_clear_handle_id (&self->highlight_source, g_source_remove);

  G_OBJECT_CLASS (apmm_criterion_row_parent_class)->dispose (object);
}

static void
apmm_criterion_row_finalize (GObject *object)
{
  ApmmCriterionRow *self = (ApmmCriterionRow *)object;

  g_clear_pointer (&self->criterion_id, g_free);

  G_OBJECT_CLASS (apmm_criterion_row_parent_class)->finalize (object);
}

static void
apmm_criterion_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ApmmCriterionRow *self = APMM_CRITERION_ROW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_CRITERION_ID:
      g_value_set_string (value, self->criterion_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
apmm_criterion_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ApmmCriterionRow *self = APMM_CRITERION_ROW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      apmm_criterion_row_set_session (self, g_value_get_object (value));
      break;

    case PROP_CRITERION_ID:
      apmm_criterion_row_set_criterion_id (self, g_value_get_string (value));
      apmm_criterion_row_sync (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
apmm_criterion_row_class_init (ApmmCriterionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = apmm_criterion_row_dispose;
  object_class->finalize = apmm_criterion_row_finalize;
  object_class->get_property = apmm_criterion_row_get_property;
  object_class->set_property = apmm_criterion_row_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         APMM_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CRITERION_ID] =
    g_param_spec_string ("criterion-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (APMM_TYPE_TEXT_FIELD);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/apmm/Workshop/apmm-criterion-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ApmmCriterionRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, ApmmCriterionRow, description_label);
  gtk_widget_class_bind_template_child (widget_class, ApmmCriterionRow, met_button);
  gtk_widget_class_bind_template_child (widget_class, ApmmCriterionRow, partly_button);
  gtk_widget_class_bind_template_child (widget_class, ApmmCriterionRow, not_met_button);
  gtk_widget_class_bind_template_child (widget_class, ApmmCriterionRow, unknown_button);
  gtk_widget_class_bind_template_child (widget_class, ApmmCriterionRow, note_entry);
  gtk_widget_class_bind_template_child (widget_class, ApmmCriterionRow, confirmed_entry);
  gtk_widget_class_bind_template_child (widget_class, ApmmCriterionRow, confirmed_at_label);
  gtk_widget_class_bind_template_callback (widget_class, status_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, confirmed_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, confirmed_commit_cb);
}

static void
apmm_criterion_row_init (ApmmCriterionRow *self)
{
  GtkEventController *focus;

  /* Template signal handlers can fire while the template is being built, before
   * the row knows its criterion: keep them quiet until then. */
  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->syncing = FALSE;

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (confirmed_commit_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->confirmed_entry), focus);
}

GtkWidget *
apmm_criterion_row_new (ApmmSession *session,
                        const char  *criterion_id)
{
  g_return_val_if_fail (session == NULL || APMM_IS_SESSION (session), NULL);
  g_return_val_if_fail (criterion_id != NULL, NULL);

  return g_object_new (APMM_TYPE_CRITERION_ROW,
                       "criterion-id", criterion_id,
                       "session", session,
                       NULL);
}

ApmmSession *
apmm_criterion_row_get_session (ApmmCriterionRow *self)
{
  g_return_val_if_fail (APMM_IS_CRITERION_ROW (self), NULL);

  return self->session;
}

void
apmm_criterion_row_set_session (ApmmCriterionRow *self,
                                ApmmSession      *session)
{
  static const ApmmSessionHandler handlers[] = {
    { "rating-changed", G_CALLBACK (rating_changed_cb) },
  };

  g_return_if_fail (APMM_IS_CRITERION_ROW (self));
  g_return_if_fail (session == NULL || APMM_IS_SESSION (session));

  if (!apmm_gui_bind_session (self, &self->session, session, handlers, G_N_ELEMENTS (handlers)))
    return;
  self->confirmed_pending = FALSE;

  apmm_criterion_row_sync (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

const char *
apmm_criterion_row_get_criterion_id (ApmmCriterionRow *self)
{
  g_return_val_if_fail (APMM_IS_CRITERION_ROW (self), NULL);

  return self->criterion_id;
}

void
apmm_criterion_row_highlight (ApmmCriterionRow *self)
{
  g_return_if_fail (APMM_IS_CRITERION_ROW (self));

  gtk_widget_add_css_class (GTK_WIDGET (self), "highlighted");
  g_clear_handle_id (&self->highlight_source, g_source_remove);
  self->highlight_source = g_timeout_add_seconds (HIGHLIGHT_SECONDS, highlight_done_cb, self);

  gtk_widget_grab_focus (GTK_WIDGET (button_for_status (self,
                                                        self->session
                                                        ? apmm_session_get_status (self->session,
                                                                                   self->criterion_id)
                                                        : APMM_STATUS_UNKNOWN)));
}
