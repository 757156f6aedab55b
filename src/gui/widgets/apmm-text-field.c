/* apmm-text-field.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-text-field"

#include "config.h"

#include <string.h>

#include <pango/pango.h>

#include "apmm-gui-utils.h"
#include "apmm-text-field.h"

/* Widths remembered per text: the allocated one, the natural one, and the
 * odd ones a parent tries while it shares out space. */
#define HEIGHT_CACHE_SIZE 4

struct _ApmmTextField
{
  GtkWidget    parent_instance;

  GtkTextView *view;
  GtkLabel    *placeholder_label;
  gboolean     multiline;
  gboolean     flattening;

  /* What measuring found for the current text and font, so that a layout
   * pass that asks again (a box asks several times) shapes nothing: the
   * text is shaped at most once per change for each width it is given.
   * The heights are those of the text alone, by the width it wraps at. */
  PangoLayout *layout;
  gboolean     measured;
  guint        context_serial;
  int          natural_width;
  struct {
    int width;
    int height;
  }            heights[HEIGHT_CACHE_SIZE];
  guint        next_height;
};

G_DEFINE_FINAL_TYPE (ApmmTextField, apmm_text_field, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_PLACEHOLDER_TEXT,
  PROP_MULTILINE,
  PROP_ACCESSIBLE_LABEL,
  N_PROPS
};

enum {
  CHANGED,
  ACTIVATE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GtkTextBuffer *
get_buffer (ApmmTextField *self)
{
  return gtk_text_view_get_buffer (self->view);
}

/* A single-line field keeps one line: a pasted line break becomes a space. */
static gboolean
flatten_line_breaks (ApmmTextField *self)
{
  g_autofree char *text = NULL;

  if (self->multiline || self->flattening)
    return FALSE;

  text = apmm_text_field_dup_text (self);
  if (strpbrk (text, "\r\n") == NULL)
    return FALSE;

  g_strdelimit (text, "\r\n", ' ');
  self->flattening = TRUE;
  gtk_text_buffer_set_text (get_buffer (self), text, -1);
  self->flattening = FALSE;
  return TRUE;
}

static void
buffer_changed_cb (ApmmTextField *self)
{
  GtkTextBuffer *buffer = get_buffer (self);

  self->measured = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->placeholder_label), gtk_text_buffer_get_char_count (buffer) == 0);
  if (flatten_line_breaks (self))
    return;

  g_signal_emit (self, signals[CHANGED], 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

static gboolean
key_pressed_cb (ApmmTextField   *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  if (self->multiline && (state & GDK_CONTROL_MASK) == 0)
    return FALSE;

  g_signal_emit (self, signals[ACTIVATE], 0);
  return TRUE;
}

static gboolean
apmm_text_field_grab_focus (GtkWidget *widget)
{
  ApmmTextField *self = APMM_TEXT_FIELD (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

/* A text view asks for no width and, measured before it has one, wraps
 * every character onto its own line: a field in a row would then be as tall
 * as its text is long. The field asks for the width of its longest line (up
 * to a point), and measures its height for that width when asked for none. */
#define MIN_WIDTH 60
#define MAX_NATURAL_WIDTH 480

/* Forgets what was measured when the text or the font changed since. */
static void
check_measured (ApmmTextField *self)
{
  guint context_serial = pango_context_get_serial (gtk_widget_get_pango_context (GTK_WIDGET (self->view)));

  if (self->measured && self->context_serial == context_serial)
    return;

  self->measured = TRUE;
  self->context_serial = context_serial;
  self->natural_width = -1;
  for (guint i = 0; i < HEIGHT_CACHE_SIZE; i++)
    self->heights[i].width = -1;
}

/* One layout of the field's text, kept while the text is the same. */
static PangoLayout *
get_layout (ApmmTextField *self,
            const char    *empty_text)
{
  g_autofree char *text = apmm_text_field_dup_text (self);
  const char *shown = *text != '\0' ? text : empty_text;

  if (self->layout == NULL)
    {
      self->layout = pango_layout_new (gtk_widget_get_pango_context (GTK_WIDGET (self->view)));
      pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
    }
  if (g_strcmp0 (pango_layout_get_text (self->layout), shown) != 0)
    pango_layout_set_text (self->layout, shown, -1);
  return self->layout;
}

/* The width of the longest line, up to a point: laid out at that point, a
 * text that wraps is at least as wide. */
static int
natural_text_width (ApmmTextField *self)
{
  PangoLayout *layout;
  int width = 0;

  check_measured (self);
  if (self->natural_width >= 0)
    return self->natural_width;

  layout = get_layout (self, gtk_label_get_text (self->placeholder_label));
  pango_layout_set_width (layout, (MAX_NATURAL_WIDTH - 2) * PANGO_SCALE);
  if (pango_layout_is_wrapped (layout))
    width = MAX_NATURAL_WIDTH - 2;
  else
    pango_layout_get_pixel_size (layout, &width, NULL);
  self->natural_width = width;
  return width;
}

static int
text_height_for_width (ApmmTextField *self,
                       int            width)
{
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (self->view));
  PangoLayout *layout;
  GtkBorder padding;
  int text_width, height = -1;

  gtk_style_context_get_padding (style, &padding);
  text_width = MAX (1, width - padding.left - padding.right - 2);

  check_measured (self);
  for (guint i = 0; i < HEIGHT_CACHE_SIZE; i++)
    if (self->heights[i].width == text_width)
      height = self->heights[i].height;
  if (height < 0)
    {
      layout = get_layout (self, " ");
      pango_layout_set_width (layout, text_width * PANGO_SCALE);
      pango_layout_get_pixel_size (layout, NULL, &height);
      self->heights[self->next_height].width = text_width;
      self->heights[self->next_height].height = height;
      self->next_height = (self->next_height + 1) % HEIGHT_CACHE_SIZE;
    }

  return height + padding.top + padding.bottom;
}

static void
apmm_text_field_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  ApmmTextField *self = APMM_TEXT_FIELD (widget);
  int view_min = 0, view_nat = 0, label_min = 0, label_nat = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (GTK_WIDGET (self->view), orientation, for_size, &view_min, &view_nat, NULL, NULL);
      /* The view's own minimum is its padding. */
      *minimum = view_min + MIN_WIDTH;
      *natural = view_min + CLAMP (natural_text_width (self) + 2, MIN_WIDTH, MAX_NATURAL_WIDTH);
      return;
    }

  if (for_size < 0)
    {
      int min_w, nat_w;

      apmm_text_field_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
      for_size = nat_w;
    }
  /* GtkTextView reports the height of its text as last laid out, whatever
   * width it is asked about: lay the text out for that width here. */
  *minimum = *natural = text_height_for_width (self, for_size);
  gtk_widget_measure (GTK_WIDGET (self->placeholder_label), orientation, for_size, &label_min, &label_nat, NULL, NULL);
  *minimum = MAX (*minimum, label_min);
  *natural = MAX (*natural, label_nat);
}

static void
apmm_text_field_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  ApmmTextField *self = APMM_TEXT_FIELD (widget);

  gtk_widget_allocate (GTK_WIDGET (self->view), width, height, -1, NULL);
  gtk_widget_allocate (GTK_WIDGET (self->placeholder_label), width, height, -1, NULL);
  /* Mapped before it has a width, a text view lays its text out at none,
   * a character a line: the view is shown once it has its width. */
  if (!gtk_widget_get_child_visible (GTK_WIDGET (self->view)))
    gtk_widget_set_child_visible (GTK_WIDGET (self->view), TRUE);
}

static GtkSizeRequestMode
apmm_text_field_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static gboolean
apmm_text_field_mnemonic_activate (GtkWidget *widget,
                                   gboolean   group_cycling)
{
  return apmm_text_field_grab_focus (widget);
}

static void
apmm_text_field_dispose (GObject *object)
{
  ApmmTextField *self = APMM_TEXT_FIELD (object);

  if (self->placeholder_label != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->placeholder_label));
  if (self->view != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->view));
  self->placeholder_label = NULL;
  self->view = NULL;
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (apmm_text_field_parent_class)->dispose (object);
}

static void
apmm_text_field_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ApmmTextField *self = APMM_TEXT_FIELD (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_take_string (value, apmm_text_field_dup_text (self));
      break;
    case PROP_PLACEHOLDER_TEXT:
      g_value_set_string (value, gtk_label_get_text (self->placeholder_label));
      break;
    case PROP_MULTILINE:
      g_value_set_boolean (value, self->multiline);
      break;
    case PROP_ACCESSIBLE_LABEL:
      g_value_set_string (value, NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
apmm_text_field_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ApmmTextField *self = APMM_TEXT_FIELD (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      apmm_text_field_set_text (self, g_value_get_string (value));
      break;
    case PROP_PLACEHOLDER_TEXT:
      apmm_text_field_set_placeholder_text (self, g_value_get_string (value));
      break;
    case PROP_MULTILINE:
      if (self->multiline != g_value_get_boolean (value))
        {
          self->multiline = g_value_get_boolean (value);
          flatten_line_breaks (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_ACCESSIBLE_LABEL:
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, g_value_get_string (value),
                                      -1);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
apmm_text_field_class_init (ApmmTextFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = apmm_text_field_dispose;
  object_class->get_property = apmm_text_field_get_property;
  object_class->set_property = apmm_text_field_set_property;
  widget_class->grab_focus = apmm_text_field_grab_focus;
  widget_class->mnemonic_activate = apmm_text_field_mnemonic_activate;

  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, "", flags);
  properties[PROP_PLACEHOLDER_TEXT] = g_param_spec_string ("placeholder-text", NULL, NULL, "", flags);
  properties[PROP_MULTILINE] = g_param_spec_boolean ("multiline", NULL, NULL, FALSE, flags);
  /* Write-only in effect: the accessible name of the text view, for .ui files. */
  properties[PROP_ACCESSIBLE_LABEL] = g_param_spec_string ("accessible-label", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  widget_class->measure = apmm_text_field_measure;
  widget_class->size_allocate = apmm_text_field_size_allocate;
  widget_class->get_request_mode = apmm_text_field_get_request_mode;
  gtk_widget_class_set_css_name (widget_class, "textfield");
}

static void
apmm_text_field_init (ApmmTextField *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->view, FALSE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->view), TRUE);
  gtk_widget_set_child_visible (GTK_WIDGET (self->view), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->view), GTK_WIDGET (self));
  apmm_gui_limit_text_buffer (get_buffer (self), GTK_WIDGET (self));

  self->placeholder_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->placeholder_label, 0);
  gtk_label_set_ellipsize (self->placeholder_label, PANGO_ELLIPSIZE_END);
  gtk_widget_set_can_target (GTK_WIDGET (self->placeholder_label), FALSE);
  gtk_widget_set_valign (GTK_WIDGET (self->placeholder_label), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (self->placeholder_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->placeholder_label), "hint");
  gtk_widget_set_parent (GTK_WIDGET (self->placeholder_label), GTK_WIDGET (self));

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->view), keys);

  g_signal_connect_object (get_buffer (self), "changed", G_CALLBACK (buffer_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
apmm_text_field_new (void)
{
  return g_object_new (APMM_TYPE_TEXT_FIELD, NULL);
}

char *
apmm_text_field_dup_text (ApmmTextField *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (APMM_IS_TEXT_FIELD (self), NULL);

  gtk_text_buffer_get_bounds (get_buffer (self), &start, &end);
  return gtk_text_buffer_get_text (get_buffer (self), &start, &end, FALSE);
}

void
apmm_text_field_set_text (ApmmTextField *self,
                          const char    *text)
{
  g_return_if_fail (APMM_IS_TEXT_FIELD (self));

  gtk_text_buffer_set_text (get_buffer (self), text != NULL ? text : "", -1);
}

void
apmm_text_field_sync (ApmmTextField *self,
                      const char    *text)
{
  g_autofree char *current = NULL;

  g_return_if_fail (APMM_IS_TEXT_FIELD (self));

  current = apmm_text_field_dup_text (self);
  if (g_strcmp0 (current, text != NULL ? text : "") != 0)
    apmm_text_field_set_text (self, text);
}

void
apmm_text_field_set_placeholder_text (ApmmTextField *self,
                                      const char    *text)
{
  g_return_if_fail (APMM_IS_TEXT_FIELD (self));

  if (g_strcmp0 (gtk_label_get_text (self->placeholder_label), text != NULL ? text : "") == 0)
    return;

  gtk_label_set_text (self->placeholder_label, text);
  /* An empty field is as wide as its hint. */
  self->measured = FALSE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  /* The hint is what the field asks for: a screen reader reads it as
   * the field's description. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_PLACEHOLDER, text != NULL ? text : "",
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACEHOLDER_TEXT]);
}

GtkWidget *
apmm_text_field_get_view (ApmmTextField *self)
{
  g_return_val_if_fail (APMM_IS_TEXT_FIELD (self), NULL);

  return GTK_WIDGET (self->view);
}

void
apmm_text_field_select_all (ApmmTextField *self)
{
  GtkTextIter start, end;

  g_return_if_fail (APMM_IS_TEXT_FIELD (self));

  gtk_text_buffer_get_bounds (get_buffer (self), &start, &end);
  gtk_text_buffer_select_range (get_buffer (self), &start, &end);
}
