/* apmm-wrap-box.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-wrap-box"

#include "config.h"

#include "apmm-wrap-box.h"

struct _ApmmWrapBox
{
  GtkWidget  parent_instance;

  int        column_spacing;
  int        row_spacing;
  guint      min_per_line;
  guint      max_per_line;
};

static void apmm_wrap_box_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ApmmWrapBox, apmm_wrap_box, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                      apmm_wrap_box_buildable_init))

enum {
  PROP_0,
  PROP_COLUMN_SPACING,
  PROP_ROW_SPACING,
  PROP_MIN_CHILDREN_PER_LINE,
  PROP_MAX_CHILDREN_PER_LINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GtkBuildableIface *parent_buildable_iface;

static guint
count_visible (ApmmWrapBox *self,
               int         *max_min_width,
               int         *max_nat_width)
{
  guint n = 0;

  *max_min_width = *max_nat_width = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min, nat;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      *max_min_width = MAX (*max_min_width, min);
      *max_nat_width = MAX (*max_nat_width, nat);
      n++;
    }

  return n;
}

/* How many equal columns fit in @width. */
static guint
columns_for_width (ApmmWrapBox *self,
                   int          width,
                   int          column_min,
                   guint        n_children)
{
  guint max_cols = MIN (MAX (self->max_per_line, 1), MAX (n_children, 1));
  guint min_cols = MIN (MAX (self->min_per_line, 1), max_cols);
  guint cols = max_cols;

  while (cols > min_cols &&
         (int) cols * column_min + ((int) cols - 1) * self->column_spacing > width)
    cols--;

  return cols;
}

static int
column_width (ApmmWrapBox *self,
              int          width,
              guint        cols)
{
  return MAX (0, (width - ((int) cols - 1) * self->column_spacing) / (int) cols);
}

/* Total height for @width, or the row heights when @rows is given. */
static int
height_for_width (ApmmWrapBox *self,
                  int          width,
                  guint        cols,
                  GArray      *rows)
{
  int col_width = column_width (self, width, cols);
  int total = 0, row_height = 0;
  guint in_row = 0, n_rows = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min, nat;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, col_width, &min, &nat, NULL, NULL);
      row_height = MAX (row_height, nat);
      if (++in_row == cols)
        {
          if (rows != NULL)
            g_array_append_val (rows, row_height);
          total += row_height + (n_rows++ > 0 ? self->row_spacing : 0);
          row_height = 0;
          in_row = 0;
        }
    }

  if (in_row > 0)
    {
      if (rows != NULL)
        g_array_append_val (rows, row_height);
      total += row_height + (n_rows > 0 ? self->row_spacing : 0);
    }

  return total;
}

static void
apmm_wrap_box_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  ApmmWrapBox *self = APMM_WRAP_BOX (widget);
  int max_min, max_nat;
  guint n = count_visible (self, &max_min, &max_nat);

  if (n == 0)
    {
      *minimum = *natural = 0;
      return;
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      guint min_cols = MIN (MAX (self->min_per_line, 1), n);
      guint max_cols = MIN (MAX (self->max_per_line, 1), n);

      *minimum = (int) min_cols * max_min + ((int) min_cols - 1) * self->column_spacing;
      *natural = (int) max_cols * max_nat + ((int) max_cols - 1) * self->column_spacing;
    }
  else
    {
      /* Without a width, the narrowest layout is the tallest: one per line. */
      int width = for_size >= 0 ? for_size : max_min;
      guint cols = columns_for_width (self, width, max_min, n);
      int min_h = height_for_width (self, width, cols, NULL);
      int nat_width = for_size >= 0 ? for_size : max_nat * (int) MIN (self->max_per_line, n);
      guint nat_cols = columns_for_width (self, nat_width, max_min, n);

      *minimum = min_h;
      *natural = for_size >= 0 ? min_h : height_for_width (self, nat_width, nat_cols, NULL);
      *natural = MAX (*natural, *minimum);
    }
}

static void
apmm_wrap_box_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  ApmmWrapBox *self = APMM_WRAP_BOX (widget);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (int));
  int max_min, max_nat, col_width, y = 0;
  guint n = count_visible (self, &max_min, &max_nat);
  guint cols, index = 0;

  if (n == 0)
    return;

  cols = columns_for_width (self, width, max_min, n);
  col_width = column_width (self, width, cols);
  height_for_width (self, width, cols, rows);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      guint row, col;
      int row_height;

      if (!gtk_widget_should_layout (child))
        continue;

      row = index / cols;
      col = index % cols;
      row_height = g_array_index (rows, int, row);
      if (col == 0 && row > 0)
        y += g_array_index (rows, int, row - 1) + self->row_spacing;

      gtk_widget_size_allocate (child,
                                &(GtkAllocation) { (int) col * (col_width + self->column_spacing), y,
                                                   col_width, row_height },
                                -1);
      index++;
    }
}

static GtkSizeRequestMode
apmm_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
apmm_wrap_box_buildable_add_child (GtkBuildable *buildable,
                                   GtkBuilder   *builder,
                                   GObject      *child,
                                   const char   *type)
{
  if (GTK_IS_WIDGET (child))
    apmm_wrap_box_append (APMM_WRAP_BOX (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
apmm_wrap_box_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = apmm_wrap_box_buildable_add_child;
}

static void
apmm_wrap_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (apmm_wrap_box_parent_class)->dispose (object);
}

static void
apmm_wrap_box_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ApmmWrapBox *self = APMM_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_COLUMN_SPACING:
      g_value_set_int (value, self->column_spacing);
      break;
    case PROP_ROW_SPACING:
      g_value_set_int (value, self->row_spacing);
      break;
    case PROP_MIN_CHILDREN_PER_LINE:
      g_value_set_uint (value, self->min_per_line);
      break;
    case PROP_MAX_CHILDREN_PER_LINE:
      g_value_set_uint (value, self->max_per_line);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_int_prop (ApmmWrapBox *self,
              int         *field,
              int          value,
              guint        prop)
{
  if (*field == value)
    return;
  *field = value;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_uint_prop (ApmmWrapBox *self,
               guint       *field,
               guint        value,
               guint        prop)
{
  if (*field == value)
    return;
  *field = value;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
apmm_wrap_box_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ApmmWrapBox *self = APMM_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_COLUMN_SPACING:
      set_int_prop (self, &self->column_spacing, g_value_get_int (value), prop_id);
      break;
    case PROP_ROW_SPACING:
      set_int_prop (self, &self->row_spacing, g_value_get_int (value), prop_id);
      break;
    case PROP_MIN_CHILDREN_PER_LINE:
      set_uint_prop (self, &self->min_per_line, g_value_get_uint (value), prop_id);
      break;
    case PROP_MAX_CHILDREN_PER_LINE:
      set_uint_prop (self, &self->max_per_line, g_value_get_uint (value), prop_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
apmm_wrap_box_class_init (ApmmWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = apmm_wrap_box_dispose;
  object_class->get_property = apmm_wrap_box_get_property;
  object_class->set_property = apmm_wrap_box_set_property;
  widget_class->measure = apmm_wrap_box_measure;
  widget_class->size_allocate = apmm_wrap_box_size_allocate;
  widget_class->get_request_mode = apmm_wrap_box_get_request_mode;

  properties[PROP_COLUMN_SPACING] =
    g_param_spec_int ("column-spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROW_SPACING] =
    g_param_spec_int ("row-spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MIN_CHILDREN_PER_LINE] =
    g_param_spec_uint ("min-children-per-line", NULL, NULL, 1, G_MAXUINT, 1,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_CHILDREN_PER_LINE] =
    g_param_spec_uint ("max-children-per-line", NULL, NULL, 1, G_MAXUINT, 7,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "wrapbox");
}

static void
apmm_wrap_box_init (ApmmWrapBox *self)
{
  self->min_per_line = 1;
  self->max_per_line = 7;
}

GtkWidget *
apmm_wrap_box_new (void)
{
  return g_object_new (APMM_TYPE_WRAP_BOX, NULL);
}

void
apmm_wrap_box_append (ApmmWrapBox *self,
                      GtkWidget   *child)
{
  g_return_if_fail (APMM_IS_WRAP_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (gtk_widget_get_parent (child) == NULL);

  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}
