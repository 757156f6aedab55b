/* apmm-gap-matrix.c
 *
 * The 2×2 has four quadrants, but scores run 1 to 3: a medium score sits on
 * the line between two quadrants. The widget is therefore a 3×3 grid of
 * cells whose middle row and column straddle the quadrant boundaries; the
 * quadrants are painted behind the grid, split through the middle cells.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-gap-matrix"

#include "config.h"

#include <glib/gi18n.h>

#include "apmm-gap-matrix.h"

#define N_SCORES 3

struct _ApmmGapMatrix
{
  GtkWidget   parent_instance;

  GtkWidget  *grid;
  /* [impact - 1][effort - 1] */
  GtkWidget  *cells[N_SCORES][N_SCORES];
  GtkWidget  *boxes[N_SCORES][N_SCORES];
  guint       counts[N_SCORES][N_SCORES];
};

G_DEFINE_FINAL_TYPE (ApmmGapMatrix, apmm_gap_matrix, GTK_TYPE_WIDGET)

typedef struct {
  guint        impact;
  guint        effort;
  const char  *title;
  const char  *subtitle;
  const char  *color;
  double       alpha;
} Quadrant;

/* Colours from the GNOME palette, translucent so that they read on light and
 * dark backgrounds alike. */
static const Quadrant quadrants[] = {
  { 3, 1, N_("Quick Wins"), N_("High impact, low effort"), "#2ec27e", 0.20 },
  { 3, 3, N_("Major Projects"), N_("High impact, high effort"), "#3584e4", 0.16 },
  { 1, 1, N_("Fill-ins"), N_("Low impact, low effort"), "#9a9996", 0.14 },
  { 1, 3, N_("Thankless Tasks"), N_("Low impact, high effort"), "#e66100", 0.14 },
};

static GtkWidget *
make_label (const char *text,
            const char *css_class,
            float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
make_cell (ApmmGapMatrix *self,
           guint          impact,
           guint          effort)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *box = gtk_flow_box_new ();

  gtk_widget_add_css_class (cell, "matrix-cell");
  gtk_widget_set_hexpand (cell, TRUE);
  gtk_widget_set_vexpand (cell, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (quadrants); i++)
    {
      if (quadrants[i].impact != impact || quadrants[i].effort != effort)
        continue;
      gtk_box_append (GTK_BOX (cell), make_label (_(quadrants[i].title), "heading", 0));
      gtk_box_append (GTK_BOX (cell), make_label (_(quadrants[i].subtitle), "caption", 0));
    }

  /* The chips are information, not controls: the list view is where gaps are
   * edited, so they take no keyboard focus here. */
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (box), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (box), 3);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (box), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (box), 6);
  gtk_widget_set_can_focus (box, FALSE);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (cell), box);

  self->cells[impact - 1][effort - 1] = cell;
  self->boxes[impact - 1][effort - 1] = box;
  return cell;
}

static void
build_grid (ApmmGapMatrix *self)
{
  static const char *effort_titles[N_SCORES] = { N_("Low effort"), N_("Medium effort"), N_("High effort") };
  static const char *impact_titles[N_SCORES] = { N_("Low impact"), N_("Medium impact"), N_("High impact") };
  GtkGrid *grid;

  self->grid = gtk_grid_new ();
  grid = GTK_GRID (self->grid);
  gtk_grid_set_column_homogeneous (grid, FALSE);
  gtk_grid_set_row_spacing (grid, 4);
  gtk_grid_set_column_spacing (grid, 4);
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));

  for (guint effort = 1; effort <= N_SCORES; effort++)
    gtk_grid_attach (grid, make_label (_(effort_titles[effort - 1]), "matrix-axis", 0.5),
                     effort, N_SCORES + 1, 1, 1);

  /* High impact on top, as on any prioritisation chart. */
  for (guint impact = N_SCORES; impact >= 1; impact--)
    {
      guint row = N_SCORES - impact + 1;

      gtk_grid_attach (grid, make_label (_(impact_titles[impact - 1]), "matrix-axis", 1),
                       0, row, 1, 1);
      for (guint effort = 1; effort <= N_SCORES; effort++)
        gtk_grid_attach (grid, make_cell (self, impact, effort), effort, row, 1, 1);
    }
}

static GtkWidget *
make_chip (const ApmmGap *gap,
           guint          rank)
{
  const ApmmCriterion *criterion = gap->criterion;
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *number = g_strdup_printf ("%u", rank);
  g_autofree char *tooltip = NULL;
  GtkWidget *dot = gtk_label_new (number);
  GtkWidget *title = gtk_label_new (criterion->title);

  gtk_widget_add_css_class (chip, "matrix-chip");
  gtk_widget_add_css_class (dot, "gap-rank");
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 22);
  gtk_label_set_width_chars (GTK_LABEL (title), 8);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_box_append (GTK_BOX (chip), dot);
  gtk_box_append (GTK_BOX (chip), title);

  if (gap->crosses_chasm)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "chasm-marker");
      gtk_box_append (GTK_BOX (chip), icon);
      /* Translators: %u is a gap's rank, %s its criterion. */
      tooltip = g_strdup_printf (_("%u. %s — crosses the Failure Chasm"), rank, criterion->title);
    }
  else
    {
      tooltip = g_strdup_printf (_("%u. %s"), rank, criterion->title);
    }
  gtk_widget_set_tooltip_text (chip, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chip),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);

  return chip;
}

static void
clear_cells (ApmmGapMatrix *self)
{
  for (guint i = 0; i < N_SCORES; i++)
    for (guint j = 0; j < N_SCORES; j++)
      {
        GtkWidget *child;

        while ((child = gtk_widget_get_first_child (self->boxes[i][j])) != NULL)
          gtk_flow_box_remove (GTK_FLOW_BOX (self->boxes[i][j]), child);
        self->counts[i][j] = 0;
      }
}

/* The rectangle of @cell in our coordinates. */
static graphene_rect_t
cell_bounds (ApmmGapMatrix *self,
             GtkWidget     *cell)
{
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (cell, GTK_WIDGET (self), &bounds))
    graphene_rect_init (&bounds, 0, 0, 0, 0);

  return bounds;
}

static void
snapshot_quadrants (ApmmGapMatrix *self,
                    GtkSnapshot   *snapshot)
{
  graphene_rect_t top_left = cell_bounds (self, self->cells[N_SCORES - 1][0]);
  graphene_rect_t middle = cell_bounds (self, self->cells[1][1]);
  graphene_rect_t bottom_right = cell_bounds (self, self->cells[0][N_SCORES - 1]);
  float x0 = top_left.origin.x;
  float y0 = top_left.origin.y;
  float xm = middle.origin.x + middle.size.width / 2;
  float ym = middle.origin.y + middle.size.height / 2;
  float x1 = bottom_right.origin.x + bottom_right.size.width;
  float y1 = bottom_right.origin.y + bottom_right.size.height;
  const graphene_rect_t rects[] = {
    GRAPHENE_RECT_INIT (x0, y0, xm - x0 - 2, ym - y0 - 2),
    GRAPHENE_RECT_INIT (xm + 2, y0, x1 - xm - 2, ym - y0 - 2),
    GRAPHENE_RECT_INIT (x0, ym + 2, xm - x0 - 2, y1 - ym - 2),
    GRAPHENE_RECT_INIT (xm + 2, ym + 2, x1 - xm - 2, y1 - ym - 2),
  };

  for (guint i = 0; i < G_N_ELEMENTS (quadrants); i++)
    {
      GskRoundedRect rounded;
      GdkRGBA color;

      gdk_rgba_parse (&color, quadrants[i].color);
      color.alpha = quadrants[i].alpha;
      gsk_rounded_rect_init_from_rect (&rounded, &rects[i], 12);
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, &color, &rects[i]);
      gtk_snapshot_pop (snapshot);
    }
}

static void
apmm_gap_matrix_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  ApmmGapMatrix *self = APMM_GAP_MATRIX (widget);

  snapshot_quadrants (self, snapshot);
  GTK_WIDGET_CLASS (apmm_gap_matrix_parent_class)->snapshot (widget, snapshot);
}

static void
apmm_gap_matrix_dispose (GObject *object)
{
  ApmmGapMatrix *self = (ApmmGapMatrix *)object;

  g_clear_pointer (&self->grid, gtk_widget_unparent);

  G_OBJECT_CLASS (apmm_gap_matrix_parent_class)->dispose (object);
}

static void
apmm_gap_matrix_class_init (ApmmGapMatrixClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = apmm_gap_matrix_dispose;
  widget_class->snapshot = apmm_gap_matrix_snapshot;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gapmatrix");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
apmm_gap_matrix_init (ApmmGapMatrix *self)
{
  build_grid (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Impact and effort of the gaps"),
                                  -1);
}

GtkWidget *
apmm_gap_matrix_new (void)
{
  return g_object_new (APMM_TYPE_GAP_MATRIX, NULL);
}

void
apmm_gap_matrix_set_gaps (ApmmGapMatrix  *self,
                          ApmmAssessment *assessment)
{
  guint n;

  g_return_if_fail (APMM_IS_GAP_MATRIX (self));

  clear_cells (self);
  if (assessment == NULL)
    return;

  n = apmm_assessment_get_n_gaps (assessment);
  for (guint i = 0; i < n; i++)
    {
      const ApmmGap *gap = apmm_assessment_get_gap (assessment, i);
      guint impact = CLAMP (gap->impact, 1, N_SCORES);
      guint effort = CLAMP (gap->effort, 1, N_SCORES);

      gtk_flow_box_append (GTK_FLOW_BOX (self->boxes[impact - 1][effort - 1]),
                           make_chip (gap, i + 1));
      self->counts[impact - 1][effort - 1]++;
    }
}

guint
apmm_gap_matrix_count_cell (ApmmGapMatrix *self,
                            guint          impact,
                            guint          effort)
{
  g_return_val_if_fail (APMM_IS_GAP_MATRIX (self), 0);
  g_return_val_if_fail (impact >= 1 && impact <= N_SCORES, 0);
  g_return_val_if_fail (effort >= 1 && effort <= N_SCORES, 0);

  return self->counts[impact - 1][effort - 1];
}
