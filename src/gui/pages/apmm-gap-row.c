/* apmm-gap-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-gap-row"

#include "config.h"

#include <glib/gi18n.h>

#include "apmm-wrap-box.h"
#include "apmm-gap-row.h"
#include "apmm-gui-utils.h"
#include "apmm-list-culling.h"
#include "apmm-text-field.h"

#define N_SCORES 3

struct _ApmmGapRow
{
  GtkListBoxRow    parent_instance;

  ApmmSession     *session;
  char            *criterion_id;
  guint            rank;
  gboolean         syncing;
  /* Made when it first comes near the view; until then no template, and
   * the gap it shows is kept here. */
  gboolean         lazy;
  gboolean         built;
  gboolean         have_gap;
  ApmmGap          gap;
  guint            n_gaps;

  GtkLabel        *rank_label;
  GtkLabel        *title_label;
  GtkLabel        *level_label;
  GtkLabel        *status_label;
  GtkWidget       *chasm_box;
  GtkWidget       *scores_box;
  GtkWidget       *move_up_button;
  GtkWidget       *move_down_button;
  GtkToggleButton *impact_buttons[N_SCORES];
  GtkToggleButton *effort_buttons[N_SCORES];
  ApmmTextField   *owner_entry;
  ApmmTextField   *note_entry;
};

G_DEFINE_FINAL_TYPE (ApmmGapRow, apmm_gap_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_CRITERION_ID,
  PROP_LAZY,
  N_PROPS
};

enum {
  SIGNAL_MOVE,
  SIGNAL_GAP_DROPPED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const status_classes[APMM_N_STATUSES] = {
  [APMM_STATUS_UNKNOWN] = "status-unknown",
  [APMM_STATUS_NOT_MET] = "status-not-met",
  [APMM_STATUS_PARTLY] = "status-partly",
  [APMM_STATUS_MET] = "status-met",
};

static void
sync_scores (GtkToggleButton **buttons,
             guint             score)
{
  score = CLAMP (score, 1, N_SCORES);
  gtk_toggle_button_set_active (buttons[score - 1], TRUE);
}

static guint
score_for_button (GtkToggleButton **buttons,
                  GtkToggleButton  *button)
{
  for (guint i = 0; i < N_SCORES; i++)
    if (buttons[i] == button)
      return i + 1;
  g_assert_not_reached ();
}

static void
sync_status (ApmmGapRow *self,
             ApmmStatus  status)
{
  for (guint i = 0; i < APMM_N_STATUSES; i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), status_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status_classes[status]);
  gtk_label_set_text (self->status_label, apmm_status_get_label (status));
}

static void
sync_accessible_label (ApmmGapRow          *self,
                       const ApmmCriterion *criterion)
{
  g_autofree char *label = NULL;

  /* Translators: how a screen reader names a row of the gap list:
   * "Gap 2: Rollback procedure". */
  label = g_strdup_printf (_("Gap %u: %s"), self->rank, criterion->title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
impact_toggled_cb (ApmmGapRow      *self,
                   GtkToggleButton *button)
{
  if (self->syncing || !gtk_toggle_button_get_active (button))
    return;

  apmm_session_set_gap_impact (self->session, self->criterion_id,
                               score_for_button (self->impact_buttons, button));
}

static void
effort_toggled_cb (ApmmGapRow      *self,
                   GtkToggleButton *button)
{
  if (self->syncing || !gtk_toggle_button_get_active (button))
    return;

  apmm_session_set_gap_effort (self->session, self->criterion_id,
                               score_for_button (self->effort_buttons, button));
}

static void
owner_changed_cb (ApmmGapRow    *self,
                  ApmmTextField *field)
{
  g_autofree char *text = NULL;

  if (self->syncing)
    return;

  text = apmm_text_field_dup_text (field);
  apmm_session_set_gap_owner (self->session, self->criterion_id, text);
}

static void
note_changed_cb (ApmmGapRow    *self,
                 ApmmTextField *field)
{
  g_autofree char *text = NULL;

  if (self->syncing)
    return;

  text = apmm_text_field_dup_text (field);
  apmm_session_set_gap_note (self->session, self->criterion_id, text);
}

static void
move_up_clicked_cb (ApmmGapRow *self)
{
  g_signal_emit (self, signals[SIGNAL_MOVE], 0, -1);
}

static void
move_down_clicked_cb (ApmmGapRow *self)
{
  g_signal_emit (self, signals[SIGNAL_MOVE], 0, 1);
}

static gboolean
move_binding_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  ApmmGapRow *self = APMM_GAP_ROW (widget);
  int offset = g_variant_get_int32 (args);
  GtkWidget *button = offset < 0 ? self->move_up_button : self->move_down_button;

  if (!gtk_widget_get_sensitive (button))
    return FALSE;

  g_signal_emit (self, signals[SIGNAL_MOVE], 0, offset);
  return TRUE;
}

static GdkContentProvider *
drag_prepare_cb (ApmmGapRow    *self,
                 double         x,
                 double         y,
                 GtkDragSource *source)
{
  return gdk_content_provider_new_typed (G_TYPE_STRING, self->criterion_id);
}

static void
drag_begin_cb (ApmmGapRow    *self,
               GdkDrag       *drag,
               GtkDragSource *source)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, icon, 24, 24);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragging");
}

static void
drag_end_cb (ApmmGapRow    *self,
             GdkDrag       *drag,
             gboolean       delete_data,
             GtkDragSource *source)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragging");
}

static gboolean
drop_is_after (ApmmGapRow *self,
               double      y)
{
  return y > gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
}

static GdkDragAction
drop_motion_cb (ApmmGapRow    *self,
                double         x,
                double         y,
                GtkDropTarget *target)
{
  gboolean after = drop_is_after (self, y);

  if (after)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-above");
      gtk_widget_add_css_class (GTK_WIDGET (self), "drop-below");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-below");
      gtk_widget_add_css_class (GTK_WIDGET (self), "drop-above");
    }

  return GDK_ACTION_MOVE;
}

static void
drop_leave_cb (ApmmGapRow    *self,
               GtkDropTarget *target)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-above");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-below");
}

static gboolean
drop_cb (ApmmGapRow    *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  const char *dragged = g_value_get_string (value);

  drop_leave_cb (self, target);
  if (dragged == NULL || g_strcmp0 (dragged, self->criterion_id) == 0)
    return FALSE;

  g_signal_emit (self, signals[SIGNAL_GAP_DROPPED], 0, dragged, drop_is_after (self, y));
  return TRUE;
}

static void
setup_drag_and_drop (ApmmGapRow *self)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_swapped (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect_swapped (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (source, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));

  g_signal_connect_swapped (target, "motion", G_CALLBACK (drop_motion_cb), self);
  g_signal_connect_swapped (target, "leave", G_CALLBACK (drop_leave_cb), self);
  g_signal_connect_swapped (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/* The row's widgets show self->gap. */
static void
show_gap (ApmmGapRow *self)
{
  const ApmmGap *gap = &self->gap;
  const ApmmCriterion *criterion = gap->criterion;
  const ApmmLevel *level = apmm_model_get_level (apmm_model_get_default (), criterion->level);
  g_autofree char *rank_text = NULL;
  g_autofree char *level_text = NULL;

  self->syncing = TRUE;
  rank_text = g_strdup_printf ("%u", self->rank);
  gtk_label_set_text (self->rank_label, rank_text);
  gtk_label_set_text (self->title_label, criterion->title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), criterion->description);
  /* Translators: "Level 3 · AI Reliable". */
  level_text = g_strdup_printf (_("Level %u · %s"), criterion->level, level->name);
  gtk_label_set_text (self->level_label, level_text);
  sync_status (self, gap->status);
  gtk_widget_set_visible (self->chasm_box, gap->crosses_chasm);
  gtk_widget_set_sensitive (self->move_up_button, self->rank > 1);
  gtk_widget_set_sensitive (self->move_down_button, self->rank < self->n_gaps);
  sync_scores (self->impact_buttons, gap->impact);
  sync_scores (self->effort_buttons, gap->effort);
  apmm_text_field_sync (self->owner_entry, apmm_session_get_gap_owner (self->session, self->criterion_id));
  apmm_text_field_sync (self->note_entry, apmm_session_get_gap_note (self->session, self->criterion_id));
  self->syncing = FALSE;
}

static void
build_lazy_cb (GtkListBoxRow *row)
{
  ApmmGapRow *self = APMM_GAP_ROW (row);

  self->built = TRUE;
  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->syncing = FALSE;
  if (self->have_gap)
    show_gap (self);
}

/* An expanded row's height, before the list has measured one. */
#define ESTIMATED_HEIGHT 200

static void
apmm_gap_row_constructed (GObject *object)
{
  ApmmGapRow *self = APMM_GAP_ROW (object);

  G_OBJECT_CLASS (apmm_gap_row_parent_class)->constructed (object);

  /* What the template sets on the row itself. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "gap-row");
  apmm_list_row_set_lazy (GTK_LIST_BOX_ROW (self), build_lazy_cb, ESTIMATED_HEIGHT);
  if (!self->lazy)
    apmm_list_row_build (GTK_LIST_BOX_ROW (self));
}

static void
apmm_gap_row_dispose (GObject *object)
{
  ApmmGapRow *self = (ApmmGapRow *)object;

  if (self->built)
    gtk_widget_dispose_template (GTK_WIDGET (self), APMM_TYPE_GAP_ROW);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (apmm_gap_row_parent_class)->dispose (object);
}

static void
apmm_gap_row_finalize (GObject *object)
{
  ApmmGapRow *self = (ApmmGapRow *)object;

  g_clear_pointer (&self->criterion_id, g_free);

  G_OBJECT_CLASS (apmm_gap_row_parent_class)->finalize (object);
}

static void
apmm_gap_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ApmmGapRow *self = APMM_GAP_ROW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_CRITERION_ID:
      g_value_set_string (value, self->criterion_id);
      break;
    case PROP_LAZY:
      g_value_set_boolean (value, self->lazy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
apmm_gap_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ApmmGapRow *self = APMM_GAP_ROW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_CRITERION_ID:
      self->criterion_id = g_value_dup_string (value);
      break;
    case PROP_LAZY:
      self->lazy = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
apmm_gap_row_class_init (ApmmGapRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = apmm_gap_row_constructed;
  object_class->dispose = apmm_gap_row_dispose;
  object_class->finalize = apmm_gap_row_finalize;
  object_class->get_property = apmm_gap_row_get_property;
  object_class->set_property = apmm_gap_row_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         APMM_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CRITERION_ID] =
    g_param_spec_string ("criterion-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LAZY] =
    g_param_spec_boolean ("lazy", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_MOVE] =
    g_signal_new ("move",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);
  signals[SIGNAL_GAP_DROPPED] =
    g_signal_new ("gap-dropped",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  /* Alt+Up and Alt+Down move the gap that holds the focus, wherever in the row
   * the focus is. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                move_binding_cb, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK,
                                move_binding_cb, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                move_binding_cb, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK,
                                move_binding_cb, "i", 1);

  g_type_ensure (APMM_TYPE_WRAP_BOX);
  g_type_ensure (APMM_TYPE_TEXT_FIELD);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/apmm/Workshop/apmm-gap-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ApmmGapRow, rank_label);
  gtk_widget_class_bind_template_child (widget_class, ApmmGapRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, ApmmGapRow, level_label);
  gtk_widget_class_bind_template_child (widget_class, ApmmGapRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, ApmmGapRow, chasm_box);
  gtk_widget_class_bind_template_child (widget_class, ApmmGapRow, scores_box);
  gtk_widget_class_bind_template_child (widget_class, ApmmGapRow, move_up_button);
  gtk_widget_class_bind_template_child (widget_class, ApmmGapRow, move_down_button);
  gtk_widget_class_bind_template_child_full (widget_class, "impact_low", FALSE,
                                             G_STRUCT_OFFSET (ApmmGapRow, impact_buttons[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "impact_medium", FALSE,
                                             G_STRUCT_OFFSET (ApmmGapRow, impact_buttons[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "impact_high", FALSE,
                                             G_STRUCT_OFFSET (ApmmGapRow, impact_buttons[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "effort_low", FALSE,
                                             G_STRUCT_OFFSET (ApmmGapRow, effort_buttons[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "effort_medium", FALSE,
                                             G_STRUCT_OFFSET (ApmmGapRow, effort_buttons[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "effort_high", FALSE,
                                             G_STRUCT_OFFSET (ApmmGapRow, effort_buttons[2]));
  gtk_widget_class_bind_template_child (widget_class, ApmmGapRow, owner_entry);
  gtk_widget_class_bind_template_child (widget_class, ApmmGapRow, note_entry);
  gtk_widget_class_bind_template_callback (widget_class, impact_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, effort_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, owner_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, move_up_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, move_down_clicked_cb);
}

static void
apmm_gap_row_init (ApmmGapRow *self)
{
  setup_drag_and_drop (self);
}

static GtkWidget *
row_new (ApmmSession *session,
         const char  *criterion_id,
         gboolean     lazy)
{
  g_return_val_if_fail (APMM_IS_SESSION (session), NULL);
  g_return_val_if_fail (criterion_id != NULL, NULL);

  return g_object_new (APMM_TYPE_GAP_ROW,
                       "session", session,
                       "criterion-id", criterion_id,
                       "lazy", lazy,
                       NULL);
}

GtkWidget *
apmm_gap_row_new (ApmmSession *session,
                  const char  *criterion_id)
{
  return row_new (session, criterion_id, FALSE);
}

GtkWidget *
apmm_gap_row_new_lazy (ApmmSession *session,
                       const char  *criterion_id)
{
  return row_new (session, criterion_id, TRUE);
}

const char *
apmm_gap_row_get_criterion_id (ApmmGapRow *self)
{
  g_return_val_if_fail (APMM_IS_GAP_ROW (self), NULL);

  return self->criterion_id;
}

guint
apmm_gap_row_get_rank (ApmmGapRow *self)
{
  g_return_val_if_fail (APMM_IS_GAP_ROW (self), 0);

  return self->rank;
}

void
apmm_gap_row_update (ApmmGapRow    *self,
                     const ApmmGap *gap,
                     guint          rank,
                     guint          n_gaps)
{
  g_return_if_fail (APMM_IS_GAP_ROW (self));
  g_return_if_fail (gap != NULL);
  g_return_if_fail (g_strcmp0 (gap->criterion->id, self->criterion_id) == 0);

  self->gap = *gap;
  self->have_gap = TRUE;
  self->rank = rank;
  self->n_gaps = n_gaps;
  sync_accessible_label (self, gap->criterion);
  /* A row not made yet shows the gap when it is. */
  if (self->built)
    show_gap (self);
}
