/* apmm-hfw-bin.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-hfw-bin"

#include "config.h"

#include "apmm-hfw-bin.h"

struct _ApmmHfwBin
{
  GtkWidget  parent_instance;

  GtkWidget *child;
  /* The width last allocated, for a height asked about no width. */
  int        last_width;
  int        minimum_width;
  int        maximum_width;
};

static void apmm_hfw_bin_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ApmmHfwBin, apmm_hfw_bin, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                      apmm_hfw_bin_buildable_init))

enum {
  PROP_0,
  PROP_CHILD,
  PROP_MINIMUM_WIDTH,
  PROP_MAXIMUM_WIDTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GtkBuildableIface *parent_buildable_iface;

/* The width the child is given out of @width. */
static int
child_width (ApmmHfwBin *self,
             int         width)
{
  return self->maximum_width >= 0 ? MIN (width, self->maximum_width) : width;
}

static void
apmm_hfw_bin_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  ApmmHfwBin *self = APMM_HFW_BIN (widget);
  int min_width = 0, nat_width = 0;

  *minimum = *natural = 0;
  if (self->child == NULL || !gtk_widget_get_visible (self->child))
    return;

  /* The width does not depend on the height. With a minimum width of its
   * own the child's width is not asked at all: that would lay out all of
   * its text twice more (at its narrowest and at its widest). */
  if (self->minimum_width >= 0)
    {
      min_width = self->minimum_width;
      nat_width = MAX (min_width, self->maximum_width);
    }
  else
    gtk_widget_measure (self->child, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, &nat_width, NULL, NULL);
  if (self->maximum_width >= 0)
    nat_width = MIN (nat_width, MAX (min_width, self->maximum_width));

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = min_width;
      *natural = nat_width;
      return;
    }

  /* A viewport asks for the height at no width only to ask for the width
   * at that height, which is the width above whatever the height: answer
   * with the height at the width last given, which GTK has cached. */
  if (for_size < 0)
    for_size = self->last_width > 0 ? self->last_width : nat_width;
  gtk_widget_measure (self->child, GTK_ORIENTATION_VERTICAL, child_width (self, MAX (for_size, min_width)),
                      minimum, natural, NULL, NULL);
}

static void
apmm_hfw_bin_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  ApmmHfwBin *self = APMM_HFW_BIN (widget);
  int inner = child_width (self, width);
  int x = (width - inner) / 2;

  self->last_width = width;
  if (self->child == NULL || !gtk_widget_get_visible (self->child))
    return;
  gtk_widget_allocate (self->child, inner, height, baseline,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (x, 0)));
}

static GtkSizeRequestMode
apmm_hfw_bin_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
apmm_hfw_bin_buildable_add_child (GtkBuildable *buildable,
                                  GtkBuilder   *builder,
                                  GObject      *child,
                                  const char   *type)
{
  if (GTK_IS_WIDGET (child))
    apmm_hfw_bin_set_child (APMM_HFW_BIN (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
apmm_hfw_bin_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = apmm_hfw_bin_buildable_add_child;
}

static void
apmm_hfw_bin_dispose (GObject *object)
{
  ApmmHfwBin *self = APMM_HFW_BIN (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (apmm_hfw_bin_parent_class)->dispose (object);
}

static void
apmm_hfw_bin_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ApmmHfwBin *self = APMM_HFW_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;
    case PROP_MINIMUM_WIDTH:
      g_value_set_int (value, self->minimum_width);
      break;
    case PROP_MAXIMUM_WIDTH:
      g_value_set_int (value, self->maximum_width);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
apmm_hfw_bin_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ApmmHfwBin *self = APMM_HFW_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      apmm_hfw_bin_set_child (self, g_value_get_object (value));
      break;
    case PROP_MINIMUM_WIDTH:
      self->minimum_width = g_value_get_int (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_MAXIMUM_WIDTH:
      self->maximum_width = g_value_get_int (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
apmm_hfw_bin_class_init (ApmmHfwBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = apmm_hfw_bin_dispose;
  object_class->get_property = apmm_hfw_bin_get_property;
  object_class->set_property = apmm_hfw_bin_set_property;

  widget_class->measure = apmm_hfw_bin_measure;
  widget_class->size_allocate = apmm_hfw_bin_size_allocate;
  widget_class->get_request_mode = apmm_hfw_bin_get_request_mode;
  gtk_widget_class_set_css_name (widget_class, "hfwbin");

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* The width to ask for, the child's own not measured; -1 measures it. */
  properties[PROP_MINIMUM_WIDTH] =
    g_param_spec_int ("minimum-width", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  /* At most this wide, centred in a wider bin, as AdwClamp does; -1: any. */
  properties[PROP_MAXIMUM_WIDTH] =
    g_param_spec_int ("maximum-width", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
apmm_hfw_bin_init (ApmmHfwBin *self)
{
  self->minimum_width = -1;
  self->maximum_width = -1;
}

GtkWidget *
apmm_hfw_bin_new (GtkWidget *child)
{
  return g_object_new (APMM_TYPE_HFW_BIN, "child", child, NULL);
}

GtkWidget *
apmm_hfw_bin_get_child (ApmmHfwBin *self)
{
  g_return_val_if_fail (APMM_IS_HFW_BIN (self), NULL);

  return self->child;
}

void
apmm_hfw_bin_set_child (ApmmHfwBin *self,
                              GtkWidget        *child)
{
  g_return_if_fail (APMM_IS_HFW_BIN (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;

  g_clear_pointer (&self->child, gtk_widget_unparent);
  self->child = child;
  if (child != NULL)
    gtk_widget_set_parent (child, GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}
