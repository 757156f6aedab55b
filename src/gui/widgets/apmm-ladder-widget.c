/* apmm-ladder-widget.c — the maturity ladder, live, animated and accessible
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-ladder-widget"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "apmm-ladder-renderer.h"
#include "apmm-gui-utils.h"
#include "apmm-ladder-widget.h"

#define ANIMATION_MS 350

struct _ApmmLadderWidget
{
  GtkWidget        parent_instance;

  ApmmSession     *session;

  ApmmDocument *document;

  GSignalGroup *document_signals;
  ApmmModel       *model;
  AdwAnimation    *animation;

  /* What is on screen, and the two ends of a running animation. */
  ApmmLadderState  shown;
  ApmmLadderState  from;
  ApmmLadderState  to;
  gboolean         has_state;

  int              selected;
  char            *description;
};

G_DEFINE_FINAL_TYPE (ApmmLadderWidget, apmm_ladder_widget, GTK_TYPE_WIDGET)

static void bind_session (ApmmLadderWidget *self, ApmmSession *session);

enum {
  PROP_0,
  PROP_SESSION,
  PROP_DOCUMENT,
  PROP_SELECTED_LEVEL,
  N_PROPS
};

enum {
  LEVEL_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_description (ApmmLadderWidget *self)
{
  GString *str = g_string_new (NULL);

  if (!self->has_state)
    g_string_append (str, _("No session."));
  else
    {
      g_autofree char *state = apmm_ladder_state_describe (&self->to);

      g_string_append (str, state);
      if (self->selected >= 0)
        {
          g_autofree char *rung = apmm_ladder_state_describe_rung (&self->to, self->selected);
          g_auto(GStrv) lines = g_strsplit (rung, "\n", -1);
          g_autofree char *sentences = g_strjoinv (". ", lines);

          g_string_append_c (str, ' ');
          g_string_append_printf (str, _("Selected: %s."), sentences);
        }
    }

  if (g_strcmp0 (str->str, self->description) == 0)
    {
      g_string_free (str, TRUE);
      return;
    }
  g_free (self->description);
  self->description = g_string_free (str, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

static void
animation_value_cb (double            value,
                    ApmmLadderWidget *self)
{
  apmm_ladder_state_interpolate (&self->shown, &self->from, &self->to, value);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Recomputes the verdict; markers that moved glide to their new rung. */
static void
refresh (ApmmLadderWidget *self,
         gboolean          animate)
{
  gboolean had_state = self->has_state;

  self->has_state = self->session != NULL;
  if (self->has_state)
    apmm_ladder_state_init (&self->to, self->session, self->model,
                            apmm_document_get_assessment (self->document));

  if (had_state && self->has_state && animate &&
      !apmm_ladder_state_positions_equal (&self->shown, &self->to))
    {
      self->from = self->shown;
      adw_animation_reset (self->animation);
      /* AdwAnimation skips to the end by itself when animations are disabled. */
      adw_animation_play (self->animation);
    }
  else
    {
      adw_animation_reset (self->animation);
      self->shown = self->to;
    }

  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
session_changed_cb (ApmmLadderWidget *self)
{
  refresh (self, TRUE);
}

static ApmmLadderPalette
current_palette (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  if (adw_style_manager_get_high_contrast (manager))
    return APMM_LADDER_PALETTE_HIGH_CONTRAST;
  if (adw_style_manager_get_dark (manager))
    return APMM_LADDER_PALETTE_DARK;
  return APMM_LADDER_PALETTE_LIGHT;
}

static void
select_level (ApmmLadderWidget *self,
              int               level,
              gboolean          activate)
{
  apmm_ladder_widget_set_selected_level (self, CLAMP (level, 0, APMM_MAX_LEVEL));
  if (activate)
    g_signal_emit (self, signals[LEVEL_ACTIVATED], 0, self->selected);
}

static gboolean
move_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  ApmmLadderWidget *self = APMM_LADDER_WIDGET (widget);
  int delta = g_variant_get_int32 (args);
  int from = self->selected >= 0 ? self->selected
                                 : self->has_state ? (int) self->to.evidence_level : 0;

  select_level (self, self->selected >= 0 ? from + delta : from, FALSE);
  return TRUE;
}

static gboolean
jump_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  select_level (APMM_LADDER_WIDGET (widget), g_variant_get_int32 (args), FALSE);
  return TRUE;
}

static gboolean
activate_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  ApmmLadderWidget *self = APMM_LADDER_WIDGET (widget);

  if (self->selected < 0)
    return FALSE;
  g_signal_emit (self, signals[LEVEL_ACTIVATED], 0, self->selected);
  return TRUE;
}

static void
pressed_cb (GtkGestureClick  *gesture,
            int               n_press,
            double            x,
            double            y,
            ApmmLadderWidget *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int level = apmm_ladder_layout_rung_at (gtk_widget_get_width (widget),
                                          gtk_widget_get_height (widget), x, y);

  if (level < 0)
    return;
  gtk_widget_grab_focus (widget);
  select_level (self, level, TRUE);
}

static void
style_changed_cb (ApmmLadderWidget *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
snapshot_focus_ring (GtkSnapshot *snapshot,
                     int          width,
                     int          height)
{
  /* Adwaita's focus ring: the accent colour at half opacity, two pixels wide. */
  const GdkRGBA colour = { 0.208, 0.518, 0.894, 0.5 };
  const GdkRGBA colours[4] = { colour, colour, colour, colour };
  const float widths[4] = { 2, 2, 2, 2 };
  GskRoundedRect outline;

  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (1, 1, width - 2, height - 2), 6);
  gtk_snapshot_append_border (snapshot, &outline, widths, colours);
}

static void
apmm_ladder_widget_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  ApmmLadderWidget *self = APMM_LADDER_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  ApmmLadderState state;
  cairo_t *cr;

  if (!self->has_state || width < 1 || height < 1)
    return;

  state = self->shown;
  state.selected = self->selected;
  state.focus_visible = gtk_widget_has_visible_focus (widget);
  state.transparent = TRUE;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  apmm_ladder_render (cr, &state, current_palette (), width, height);
  cairo_destroy (cr);

  /* With no rung selected yet the renderer has nothing to ring: ring the whole
   * widget, so keyboard users see where the focus is. */
  if (state.focus_visible && state.selected < 0)
    snapshot_focus_ring (snapshot, width, height);
}

static void
apmm_ladder_widget_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = APMM_LADDER_MIN_WIDTH;
      *natural = 800;
    }
  else
    {
      *minimum = APMM_LADDER_MIN_HEIGHT;
      *natural = 600;
    }
}

static gboolean
apmm_ladder_widget_query_tooltip (GtkWidget  *widget,
                                  int         x,
                                  int         y,
                                  gboolean    keyboard_mode,
                                  GtkTooltip *tooltip)
{
  ApmmLadderWidget *self = APMM_LADDER_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int level = keyboard_mode ? self->selected : apmm_ladder_layout_rung_at (width, height, x, y);
  g_autofree char *text = NULL;
  cairo_rectangle_t r;

  if (!self->has_state || level < 0)
    return FALSE;

  text = apmm_ladder_state_describe_rung (&self->to, level);
  gtk_tooltip_set_text (tooltip, text);
  /* The tip area makes the tooltip follow the pointer from rung to rung. */
  apmm_ladder_layout_get_rung_rect (width, height, level, &r);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { r.x, r.y, r.width, r.height });
  return TRUE;
}

static void
apmm_ladder_widget_state_flags_changed (GtkWidget     *widget,
                                        GtkStateFlags  previous)
{
  GtkStateFlags now = gtk_widget_get_state_flags (widget);

  GTK_WIDGET_CLASS (apmm_ladder_widget_parent_class)->state_flags_changed (widget, previous);
  if ((now ^ previous) & (GTK_STATE_FLAG_FOCUS_VISIBLE | GTK_STATE_FLAG_FOCUSED))
    gtk_widget_queue_draw (widget);
}

static void
apmm_ladder_widget_dispose (GObject *object)
{
  ApmmLadderWidget *self = APMM_LADDER_WIDGET (object);

  apmm_ladder_widget_set_document (self, NULL);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->animation);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (apmm_ladder_widget_parent_class)->dispose (object);
}

static void
apmm_ladder_widget_finalize (GObject *object)
{
  ApmmLadderWidget *self = APMM_LADDER_WIDGET (object);

  g_free (self->description);

  G_OBJECT_CLASS (apmm_ladder_widget_parent_class)->finalize (object);
}

static void
apmm_ladder_widget_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ApmmLadderWidget *self = APMM_LADDER_WIDGET (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SELECTED_LEVEL:
      g_value_set_int (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
apmm_ladder_widget_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ApmmLadderWidget *self = APMM_LADDER_WIDGET (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      apmm_ladder_widget_set_session (self, g_value_get_object (value));
      break;

    case PROP_DOCUMENT:
      apmm_ladder_widget_set_document (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_LEVEL:
      apmm_ladder_widget_set_selected_level (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_bindings (GtkWidgetClass *widget_class)
{
  static const struct { guint key; int delta; } moves[] = {
    { GDK_KEY_Up, 1 }, { GDK_KEY_KP_Up, 1 }, { GDK_KEY_Down, -1 }, { GDK_KEY_KP_Down, -1 },
  };
  static const struct { guint key; int level; } jumps[] = {
    { GDK_KEY_Home, 0 }, { GDK_KEY_KP_Home, 0 },
    { GDK_KEY_End, APMM_MAX_LEVEL }, { GDK_KEY_KP_End, APMM_MAX_LEVEL },
  };
  static const guint activators[] = {
    GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter, GDK_KEY_space, GDK_KEY_KP_Space,
  };

  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    gtk_widget_class_add_binding (widget_class, moves[i].key, 0, move_cb, "i", moves[i].delta);
  for (guint i = 0; i < G_N_ELEMENTS (jumps); i++)
    gtk_widget_class_add_binding (widget_class, jumps[i].key, 0, jump_cb, "i", jumps[i].level);
  for (guint i = 0; i < G_N_ELEMENTS (activators); i++)
    gtk_widget_class_add_binding (widget_class, activators[i], 0, activate_cb, NULL);
}

static void
apmm_ladder_widget_class_init (ApmmLadderWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = apmm_ladder_widget_dispose;
  object_class->finalize = apmm_ladder_widget_finalize;
  object_class->get_property = apmm_ladder_widget_get_property;
  object_class->set_property = apmm_ladder_widget_set_property;

  widget_class->snapshot = apmm_ladder_widget_snapshot;
  widget_class->measure = apmm_ladder_widget_measure;
  widget_class->query_tooltip = apmm_ladder_widget_query_tooltip;
  widget_class->state_flags_changed = apmm_ladder_widget_state_flags_changed;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, APMM_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         APMM_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SELECTED_LEVEL] =
    g_param_spec_int ("selected-level", NULL, NULL, -1, APMM_MAX_LEVEL, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted on a click on a rung, or Enter on the selected rung. */
  signals[LEVEL_ACTIVATED] =
    g_signal_new ("level-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  add_bindings (widget_class);
  gtk_widget_class_set_css_name (widget_class, "apmm-ladder");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
apmm_ladder_widget_init (ApmmLadderWidget *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  AdwAnimationTarget *target;
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->selected = -1;
  self->model = g_object_ref (apmm_model_get_default ());

  /* The ladder follows the document's verdict: one refresh per change. */
  self->document_signals = g_signal_group_new (APMM_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "notify::assessment",
                                 G_CALLBACK (session_changed_cb), self, G_CONNECT_SWAPPED);

  target = adw_callback_animation_target_new ((AdwAnimationTargetFunc) animation_value_cb,
                                              self, NULL);
  self->animation = adw_timed_animation_new (GTK_WIDGET (self), 0, 1, ANIMATION_MS, target);
  adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->animation), ADW_EASE_OUT_CUBIC);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (style_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (style_changed_cb),
                           self, G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Maturity ladder"),
                                  -1);
  update_description (self);
}

GtkWidget *
apmm_ladder_widget_new (void)
{
  return g_object_new (APMM_TYPE_LADDER_WIDGET, NULL);
}

ApmmSession *
apmm_ladder_widget_get_session (ApmmLadderWidget *self)
{
  g_return_val_if_fail (APMM_IS_LADDER_WIDGET (self), NULL);
  return self->session;
}

static void
bind_session (ApmmLadderWidget *self,
                                ApmmSession      *session)
{
  g_return_if_fail (APMM_IS_LADDER_WIDGET (self));
  g_return_if_fail (session == NULL || APMM_IS_SESSION (session));

  if (self->session == session)
    return;

  g_set_object (&self->session, session);

  /* A different session is a different picture: no animation from the old one. */
  self->has_state = FALSE;
  refresh (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

int
apmm_ladder_widget_get_selected_level (ApmmLadderWidget *self)
{
  g_return_val_if_fail (APMM_IS_LADDER_WIDGET (self), -1);
  return self->selected;
}

void
apmm_ladder_widget_set_selected_level (ApmmLadderWidget *self,
                                       int               level)
{
  g_return_if_fail (APMM_IS_LADDER_WIDGET (self));
  g_return_if_fail (level >= -1 && level <= APMM_MAX_LEVEL);

  if (self->selected == level)
    return;
  self->selected = level;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_LEVEL]);
}

const char *
apmm_ladder_widget_get_description (ApmmLadderWidget *self)
{
  g_return_val_if_fail (APMM_IS_LADDER_WIDGET (self), NULL);
  return self->description;
}

void
apmm_ladder_widget_set_session (ApmmLadderWidget *self,
                                ApmmSession *session)
{
  g_autoptr(ApmmDocument) document = NULL;

  g_return_if_fail (APMM_IS_LADDER_WIDGET (self));
  g_return_if_fail (session == NULL || APMM_IS_SESSION (session));

  if (session == self->session && (session == NULL) == (self->document == NULL))
    return;

  /* A session on its own gets a document of its own, for its verdict. */
  document = apmm_gui_document_for_session (session);
  apmm_ladder_widget_set_document (self, document);
}

ApmmDocument *
apmm_ladder_widget_get_document (ApmmLadderWidget *self)
{
  g_return_val_if_fail (APMM_IS_LADDER_WIDGET (self), NULL);

  return self->document;
}

void
apmm_ladder_widget_set_document (ApmmLadderWidget *self,
                                 ApmmDocument *document)
{
  g_return_if_fail (APMM_IS_LADDER_WIDGET (self));
  g_return_if_fail (document == NULL || APMM_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  g_signal_group_set_target (self->document_signals, document);
  bind_session (self, document != NULL ? apmm_document_get_session (document) : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}
