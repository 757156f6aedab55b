/* apmm-action-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-action-row"

#include "config.h"

#include <glib/gi18n.h>

#include "apmm-wrap-box.h"
#include "apmm-action-row.h"
#include "apmm-gui-utils.h"
#include "apmm-list-culling.h"
#include "apmm-text-field.h"

struct _ApmmActionRow
{
  GtkListBoxRow    parent_instance;

  ApmmSession     *session;
  char            *action_id;
  guint            position;
  guint            n_actions;
  /* Made when it first comes near the view; until then no template. */
  gboolean         lazy;
  gboolean         built;
  /* The action as last shown, so that an update that changes nothing
   * touches no widget: the page updates every row on each roadmap change. */
  ApmmAction      *shown;
  gboolean         syncing;
  /* criterion id → GtkCheckButton in the links popover */
  GHashTable      *checks;

  GtkLabel        *rank_label;
  ApmmTextField   *title_entry;
  GtkDropDown     *status_dropdown;
  GtkStringList   *status_labels;
  GtkWidget       *move_up_button;
  GtkWidget       *move_down_button;
  GtkBox          *chips_box;
  GtkWidget       *fields_box;
  GtkLabel        *no_links_label;
  GtkBox          *checks_box;
  ApmmTextField   *owner_entry;
  GtkDropDown     *horizon_dropdown;
  GtkStringList   *horizon_labels;
  GtkWidget       *due_button;
  GtkCalendar     *due_calendar;
  GtkWidget       *details_button;
  GtkWidget       *details_revealer;
  gboolean         details_shown;
  ApmmTextField   *description_entry;
  ApmmTextField   *measure_entry;
};

G_DEFINE_FINAL_TYPE (ApmmActionRow, apmm_action_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_ACTION_ID,
  PROP_LAZY,
  PROP_DETAILS_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef void (*EditFunc) (ApmmActionRow *self,
                          ApmmAction    *action,
                          gpointer       data);

static void
replace_string (char       **field,
                const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/* Copies the action, lets @func change the copy and writes it back: the session
 * only emits when something really changed. */
static void
edit_action (ApmmActionRow *self,
             EditFunc       func,
             gpointer       data)
{
  const ApmmAction *current;
  g_autoptr(ApmmAction) copy = NULL;
  guint index;

  if (self->syncing || self->session == NULL)
    return;
  current = apmm_session_lookup_action (self->session, self->action_id, &index);
  if (current == NULL)
    return;

  copy = apmm_action_copy (current);
  func (self, copy, data);
  if (!apmm_action_equal (copy, current))
    apmm_session_replace_action (self->session, index, copy);
}

static void
set_title (ApmmActionRow *self, ApmmAction *action, gpointer data)
{
  g_free (action->title);
  action->title = apmm_text_field_dup_text (self->title_entry);
}

static void
set_description (ApmmActionRow *self, ApmmAction *action, gpointer data)
{
  g_free (action->description);
  action->description = apmm_text_field_dup_text (self->description_entry);
}

static void
set_owner (ApmmActionRow *self, ApmmAction *action, gpointer data)
{
  g_free (action->owner);
  action->owner = apmm_text_field_dup_text (self->owner_entry);
}

static void
set_measure (ApmmActionRow *self, ApmmAction *action, gpointer data)
{
  g_free (action->measure);
  action->measure = apmm_text_field_dup_text (self->measure_entry);
}

static void
set_due (ApmmActionRow *self, ApmmAction *action, gpointer data)
{
  replace_string (&action->due, data);
}

static void
set_status (ApmmActionRow *self, ApmmAction *action, gpointer data)
{
  action->status = gtk_drop_down_get_selected (self->status_dropdown);
}

static void
set_horizon (ApmmActionRow *self, ApmmAction *action, gpointer data)
{
  action->horizon = gtk_drop_down_get_selected (self->horizon_dropdown);
}

/* The linked criteria in the model's order, whatever order they were ticked in. */
static void
set_criteria (ApmmActionRow *self, ApmmAction *action, gpointer data)
{
  ApmmModel *model = apmm_model_get_default ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = apmm_model_get_n_criteria (model);

  for (guint i = 0; i < n; i++)
    {
      const char *id = apmm_model_get_criterion (model, i)->id;
      GtkCheckButton *check = g_hash_table_lookup (self->checks, id);

      if (check != NULL && gtk_check_button_get_active (check))
        g_strv_builder_add (builder, id);
    }

  g_strfreev (action->criteria);
  action->criteria = g_strv_builder_end (builder);
}

static void
title_changed_cb (ApmmActionRow *self)
{
  edit_action (self, set_title, NULL);
}

static void
description_changed_cb (ApmmActionRow *self)
{
  edit_action (self, set_description, NULL);
}

static void
owner_changed_cb (ApmmActionRow *self)
{
  edit_action (self, set_owner, NULL);
}

static void
measure_changed_cb (ApmmActionRow *self)
{
  edit_action (self, set_measure, NULL);
}

static void
status_selected_cb (ApmmActionRow *self)
{
  edit_action (self, set_status, NULL);
}

static void
horizon_selected_cb (ApmmActionRow *self)
{
  edit_action (self, set_horizon, NULL);
}

/* The due date is picked on a calendar, so it is always a real date; the
 * session keeps it as YYYY-MM-DD and the button shows it in the user's way. */
static void
due_day_selected_cb (ApmmActionRow *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->due_calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  if (!self->syncing)
    edit_action (self, set_due, text);
}

static void
due_clear_cb (ApmmActionRow *self)
{
  edit_action (self, set_due, NULL);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->due_button));
}

static void
sync_due (ApmmActionRow *self,
          const char    *due)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *label = NULL;

  if (due != NULL && apmm_date_is_valid (due))
    {
      g_autofree char *iso = g_strconcat (due, "T00:00:00", NULL);
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();

      date = g_date_time_new_from_iso8601 (iso, local);
    }
  if (date != NULL)
    {
      label = apmm_gui_format_date (date);
      gtk_calendar_select_day (self->due_calendar, date);
    }
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->due_button), label != NULL ? label : _("No date"));
}

static void
check_toggled_cb (ApmmActionRow *self)
{
  edit_action (self, set_criteria, NULL);
}

static void
move_by (ApmmActionRow *self,
         int            offset)
{
  guint index;

  if (apmm_session_lookup_action (self->session, self->action_id, &index) == NULL)
    return;
  if ((offset < 0 && index == 0) ||
      (offset > 0 && index + 1 >= apmm_session_get_n_actions (self->session)))
    return;

  apmm_session_move_action (self->session, index, index + offset);
}

static void
move_up_clicked_cb (ApmmActionRow *self)
{
  move_by (self, -1);
}

static void
move_down_clicked_cb (ApmmActionRow *self)
{
  move_by (self, 1);
}

static void
remove_clicked_cb (ApmmActionRow *self)
{
  guint index;

  if (apmm_session_lookup_action (self->session, self->action_id, &index) != NULL)
    apmm_session_remove_action (self->session, index);
}

static gboolean
move_binding_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  ApmmActionRow *self = APMM_ACTION_ROW (widget);

  move_by (self, g_variant_get_int32 (args));
  return TRUE;
}

static void
build_checks (ApmmActionRow *self)
{
  ApmmModel *model = apmm_model_get_default ();

  for (guint level = 1; level <= APMM_MAX_LEVEL; level++)
    {
      const ApmmLevel *info = apmm_model_get_level (model, level);
      g_autofree char *heading = g_strdup_printf (_("Level %u · %s"), level, info->name);
      GtkWidget *label = gtk_label_new (heading);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "heading");
      if (level > 1)
        gtk_widget_set_margin_top (label, 6);
      gtk_box_append (self->checks_box, label);

      for (guint i = 0; i < info->n_criteria; i++)
        {
          const ApmmCriterion *criterion = info->criteria[i];
          GtkWidget *check = gtk_check_button_new_with_label (criterion->title);

          gtk_widget_set_tooltip_text (check, criterion->description);
          g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self,
                                   G_CONNECT_SWAPPED);
          gtk_box_append (self->checks_box, check);
          g_hash_table_insert (self->checks, (gpointer) criterion->id, check);
        }
    }
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static gboolean
strv_same (char **a,
           char **b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || *a == NULL) && (b == NULL || *b == NULL);
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

/* The chips are made again only when the links changed since @before. */
static void
sync_chips (ApmmActionRow    *self,
            const ApmmAction *before,
            const ApmmAction *action)
{
  ApmmModel *model = apmm_model_get_default ();
  gboolean any = FALSE;

  if (before != NULL && strv_same (before->criteria, action->criteria))
    return;

  clear_box (self->chips_box);
  for (guint i = 0; action->criteria != NULL && action->criteria[i] != NULL; i++)
    {
      const ApmmCriterion *criterion = apmm_model_lookup_criterion (model, action->criteria[i]);
      g_autofree char *text = NULL;
      GtkWidget *chip;

      if (criterion == NULL)
        continue;
      /* Translators: a linked criterion chip, "L3 · Rollback procedure". */
      text = g_strdup_printf (_("L%u · %s"), criterion->level, criterion->title);
      chip = gtk_label_new (text);
      gtk_label_set_ellipsize (GTK_LABEL (chip), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (chip), 28);
      gtk_widget_set_tooltip_text (chip, criterion->description);
      gtk_widget_add_css_class (chip, "criterion-chip");
      gtk_box_append (self->chips_box, chip);
      any = TRUE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->no_links_label), !any);
}

static void
sync_criteria (ApmmActionRow    *self,
               const ApmmAction *before,
               const ApmmAction *action)
{
  GHashTableIter iter;
  gpointer id, check;

  sync_chips (self, before, action);
  g_hash_table_iter_init (&iter, self->checks);
  while (g_hash_table_iter_next (&iter, &id, &check))
    gtk_check_button_set_active (check, apmm_action_covers (action, id));
}

/* The row's widgets show self->shown, where they showed @before (or
 * nothing yet). */
static void
show_action (ApmmActionRow    *self,
             const ApmmAction *before)
{
  const ApmmAction *action = self->shown;
  g_autofree char *rank = g_strdup_printf ("%u", self->position + 1);

  self->syncing = TRUE;
  gtk_label_set_text (self->rank_label, rank);
  apmm_text_field_sync (self->title_entry, action->title);
  apmm_text_field_sync (self->owner_entry, action->owner);
  apmm_text_field_sync (self->description_entry, action->description);
  apmm_text_field_sync (self->measure_entry, action->measure);
  /* A date being typed stays until it is complete. */
  sync_due (self, action->due);
  gtk_drop_down_set_selected (self->status_dropdown, action->status);
  gtk_drop_down_set_selected (self->horizon_dropdown, action->horizon);
  gtk_widget_set_sensitive (self->move_up_button, self->position > 0);
  gtk_widget_set_sensitive (self->move_down_button, self->position + 1 < self->n_actions);
  sync_criteria (self, before, action);
  self->syncing = FALSE;
}

static void
build (ApmmActionRow *self)
{
  self->built = TRUE;
  /* Template signals fire while the template's defaults are applied. */
  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < APMM_N_ACTION_STATUSES; i++)
    gtk_string_list_append (self->status_labels, apmm_action_status_get_label (i));
  for (guint i = 0; i < APMM_N_HORIZONS; i++)
    gtk_string_list_append (self->horizon_labels, apmm_horizon_get_label (i));
  build_checks (self);
  self->syncing = FALSE;
  if (self->details_shown)
    {
      gtk_widget_set_visible (self->details_revealer, TRUE);
      gtk_revealer_set_reveal_child (GTK_REVEALER (self->details_revealer), TRUE);
    }
  if (self->shown != NULL)
    show_action (self, NULL);
}

static void
build_lazy_cb (GtkListBoxRow *row)
{
  build (APMM_ACTION_ROW (row));
}

static void
ensure_built (ApmmActionRow *self)
{
  if (!self->built)
    apmm_list_row_build (GTK_LIST_BOX_ROW (self));
}

/* A collapsed row's height, before the list has measured one. */
#define ESTIMATED_HEIGHT 110

static void
apmm_action_row_constructed (GObject *object)
{
  ApmmActionRow *self = (ApmmActionRow *)object;

  G_OBJECT_CLASS (apmm_action_row_parent_class)->constructed (object);

  /* What the template sets on the row itself. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "action-row");
  apmm_list_row_set_lazy (GTK_LIST_BOX_ROW (self), build_lazy_cb, ESTIMATED_HEIGHT);
  if (!self->lazy)
    apmm_list_row_build (GTK_LIST_BOX_ROW (self));
}

static void
apmm_action_row_dispose (GObject *object)
{
  ApmmActionRow *self = (ApmmActionRow *)object;

  if (self->checks != NULL)
    g_hash_table_remove_all (self->checks);
  if (self->built)
    gtk_widget_dispose_template (GTK_WIDGET (self), APMM_TYPE_ACTION_ROW);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (apmm_action_row_parent_class)->dispose (object);
}

static void
apmm_action_row_finalize (GObject *object)
{
  ApmmActionRow *self = (ApmmActionRow *)object;

  g_clear_pointer (&self->action_id, g_free);
  g_clear_pointer (&self->shown, apmm_action_free);
  g_clear_pointer (&self->checks, g_hash_table_unref);

  G_OBJECT_CLASS (apmm_action_row_parent_class)->finalize (object);
}

/* The description and measure show below the row, opened from the ⋮ menu. */
static void
set_details_shown (ApmmActionRow *self,
                   gboolean       shown)
{
  if (self->details_shown == shown)
    return;

  ensure_built (self);
  self->details_shown = shown;
  gtk_widget_set_visible (self->details_revealer, shown);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->details_revealer), shown);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAILS_SHOWN]);
}

static void
row_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ApmmActionRow *self = APMM_ACTION_ROW (widget);

  if (g_str_equal (action_name, "row.move-up"))
    move_by (self, -1);
  else if (g_str_equal (action_name, "row.move-down"))
    move_by (self, 1);
  else if (g_str_equal (action_name, "row.remove"))
    remove_clicked_cb (self);
}

static void
apmm_action_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ApmmActionRow *self = APMM_ACTION_ROW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_ACTION_ID:
      g_value_set_string (value, self->action_id);
      break;
    case PROP_LAZY:
      g_value_set_boolean (value, self->lazy);
      break;
    case PROP_DETAILS_SHOWN:
      g_value_set_boolean (value, self->details_shown);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
apmm_action_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ApmmActionRow *self = APMM_ACTION_ROW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_ACTION_ID:
      self->action_id = g_value_dup_string (value);
      break;
    case PROP_LAZY:
      self->lazy = g_value_get_boolean (value);
      break;
    case PROP_DETAILS_SHOWN:
      set_details_shown (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
apmm_action_row_class_init (ApmmActionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = apmm_action_row_constructed;
  object_class->dispose = apmm_action_row_dispose;
  object_class->finalize = apmm_action_row_finalize;
  object_class->get_property = apmm_action_row_get_property;
  object_class->set_property = apmm_action_row_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         APMM_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ACTION_ID] =
    g_param_spec_string ("action-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LAZY] =
    g_param_spec_boolean ("lazy", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DETAILS_SHOWN] =
    g_param_spec_boolean ("details-shown", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The ⋮ menu's items. */
  gtk_widget_class_install_property_action (widget_class, "row.show-details", "details-shown");
  gtk_widget_class_install_action (widget_class, "row.move-up", NULL, row_action_cb);
  gtk_widget_class_install_action (widget_class, "row.move-down", NULL, row_action_cb);
  gtk_widget_class_install_action (widget_class, "row.remove", NULL, row_action_cb);

  /* Alt+Up and Alt+Down move the action that holds the focus. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, GDK_ALT_MASK, move_binding_cb, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, move_binding_cb, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, GDK_ALT_MASK, move_binding_cb, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, move_binding_cb, "i", 1);

  g_type_ensure (APMM_TYPE_WRAP_BOX);
  g_type_ensure (APMM_TYPE_TEXT_FIELD);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/apmm/Workshop/apmm-action-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ApmmActionRow, rank_label);
  gtk_widget_class_bind_template_child (widget_class, ApmmActionRow, title_entry);
  gtk_widget_class_bind_template_child (widget_class, ApmmActionRow, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ApmmActionRow, status_labels);
  gtk_widget_class_bind_template_child (widget_class, ApmmActionRow, move_up_button);
  gtk_widget_class_bind_template_child (widget_class, ApmmActionRow, move_down_button);
  gtk_widget_class_bind_template_child (widget_class, ApmmActionRow, chips_box);
  gtk_widget_class_bind_template_child (widget_class, ApmmActionRow, fields_box);
  gtk_widget_class_bind_template_child (widget_class, ApmmActionRow, no_links_label);
  gtk_widget_class_bind_template_child (widget_class, ApmmActionRow, checks_box);
  gtk_widget_class_bind_template_child (widget_class, ApmmActionRow, owner_entry);
  gtk_widget_class_bind_template_child (widget_class, ApmmActionRow, horizon_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ApmmActionRow, horizon_labels);
  gtk_widget_class_bind_template_child (widget_class, ApmmActionRow, due_button);
  gtk_widget_class_bind_template_child (widget_class, ApmmActionRow, due_calendar);
  gtk_widget_class_bind_template_child (widget_class, ApmmActionRow, details_button);
  gtk_widget_class_bind_template_child (widget_class, ApmmActionRow, details_revealer);
  gtk_widget_class_bind_template_child (widget_class, ApmmActionRow, description_entry);
  gtk_widget_class_bind_template_child (widget_class, ApmmActionRow, measure_entry);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, description_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, owner_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, measure_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, due_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, due_clear_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, horizon_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, move_up_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, move_down_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
apmm_action_row_init (ApmmActionRow *self)
{
  self->checks = g_hash_table_new (g_str_hash, g_str_equal);
}

static GtkWidget *
row_new (ApmmSession *session,
         const char  *action_id,
         gboolean     lazy)
{
  g_return_val_if_fail (APMM_IS_SESSION (session), NULL);
  g_return_val_if_fail (action_id != NULL, NULL);

  return g_object_new (APMM_TYPE_ACTION_ROW,
                       "session", session,
                       "action-id", action_id,
                       "lazy", lazy,
                       NULL);
}

GtkWidget *
apmm_action_row_new (ApmmSession *session,
                     const char  *action_id)
{
  return row_new (session, action_id, FALSE);
}

GtkWidget *
apmm_action_row_new_lazy (ApmmSession *session,
                          const char  *action_id)
{
  return row_new (session, action_id, TRUE);
}

const char *
apmm_action_row_get_action_id (ApmmActionRow *self)
{
  g_return_val_if_fail (APMM_IS_ACTION_ROW (self), NULL);

  return self->action_id;
}

guint
apmm_action_row_get_position (ApmmActionRow *self)
{
  g_return_val_if_fail (APMM_IS_ACTION_ROW (self), 0);

  return self->position;
}

void
apmm_action_row_update (ApmmActionRow    *self,
                        const ApmmAction *action,
                        guint             position,
                        guint             n_actions)
{
  g_autofree char *label = NULL;
  ApmmAction *before;

  g_return_if_fail (APMM_IS_ACTION_ROW (self));
  g_return_if_fail (action != NULL);
  g_return_if_fail (g_strcmp0 (action->id, self->action_id) == 0);

  if (self->shown != NULL && position == self->position && n_actions == self->n_actions
      && apmm_action_equal (self->shown, action))
    return;

  self->position = position;
  self->n_actions = n_actions;
  before = g_steal_pointer (&self->shown);
  self->shown = apmm_action_copy (action);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.move-up", position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.move-down", position + 1 < n_actions);
  /* Translators: how a screen reader names a roadmap row, "Action 2: Define rollback". */
  label = g_strdup_printf (_("Action %u: %s"), position + 1, action->title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);

  /* A row not made yet shows the action when it is. */
  if (self->built)
    show_action (self, before);
  g_clear_pointer (&before, apmm_action_free);
}

void
apmm_action_row_focus_title (ApmmActionRow *self)
{
  g_return_if_fail (APMM_IS_ACTION_ROW (self));

  ensure_built (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
  apmm_text_field_select_all (self->title_entry);
}
