/* apmm-gap-matrix.c
 *
 * Scores run 1 to 3, so the matrix is a 3×3 grid: every gap lies inside one
 * cell. The four corners carry the classic quadrant names (Quick Wins …) and
 * colours; the middle row and column are neutral.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-gap-matrix"

#include "config.h"

#include <glib/gi18n.h>

#include "apmm-gap-matrix.h"

#define N_SCORES 3
#define SPACING  4

struct _ApmmGapMatrix
{
  GtkWidget   parent_instance;

  /* [impact - 1][effort - 1] */
  GtkWidget  *cells[N_SCORES][N_SCORES];
  GtkWidget  *boxes[N_SCORES][N_SCORES];
  guint       counts[N_SCORES][N_SCORES];
  GtkWidget  *impact_labels[N_SCORES];
  GtkWidget  *effort_labels[N_SCORES];
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

static const Quadrant *
find_quadrant (guint impact,
               guint effort)
{
  for (guint i = 0; i < G_N_ELEMENTS (quadrants); i++)
    if (quadrants[i].impact == impact && quadrants[i].effort == effort)
      return &quadrants[i];

  return NULL;
}

static GtkWidget *
make_label (const char *text,
            const char *css_class,
            float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* In a narrow window a quadrant is narrower than "Thankless": break words
   * rather than push the matrix wider than the window. */
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
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

  const Quadrant *quadrant = find_quadrant (impact, effort);

  /* Every cell starts at its top left, so the titles of a row line up and
   * the gaps sit inside their cell, never on a line between two. */
  gtk_widget_add_css_class (cell, "matrix-cell");
  if (quadrant != NULL)
    {
      gtk_box_append (GTK_BOX (cell), make_label (_(quadrant->title), "heading", 0));
      gtk_box_append (GTK_BOX (cell), make_label (_(quadrant->subtitle), "caption", 0));
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
build_children (ApmmGapMatrix *self)
{
  static const char *effort_titles[N_SCORES] = { N_("Low effort"), N_("Medium effort"), N_("High effort") };
  static const char *impact_titles[N_SCORES] = { N_("Low impact"), N_("Medium impact"), N_("High impact") };

  for (guint i = 0; i < N_SCORES; i++)
    {
      self->impact_labels[i] = make_label (_(impact_titles[i]), "matrix-axis", 1);
      gtk_widget_set_parent (self->impact_labels[i], GTK_WIDGET (self));
      self->effort_labels[i] = make_label (_(effort_titles[i]), "matrix-axis", 0.5);
      gtk_widget_set_parent (self->effort_labels[i], GTK_WIDGET (self));
    }

  for (guint impact = 1; impact <= N_SCORES; impact++)
    for (guint effort = 1; effort <= N_SCORES; effort++)
      gtk_widget_set_parent (make_cell (self, impact, effort), GTK_WIDGET (self));
}

static GtkWidget *
make_chip (const ApmmGap *gap,
           guint          rank)
{
  const ApmmCriterion *criterion = gap->criterion;
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  g_autofree char *number = g_strdup_printf ("%u", rank);
  g_autofree char *tooltip = NULL;
  GtkWidget *dot = gtk_label_new (number);
  GtkWidget *title = gtk_label_new (criterion->title);

  gtk_widget_add_css_class (chip, "matrix-chip");
  gtk_widget_add_css_class (dot, "gap-rank");
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 26);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_box_append (GTK_BOX (chip), dot);

  if (gap->crosses_chasm)
    {
      /* The mark sits between the rank and the title, over neither, so a
       * chip in a narrow matrix still shows it when the title is cut short. */
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_image_set_pixel_size (GTK_IMAGE (icon), 14);
      gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (icon, "chasm-badge");
      gtk_box_append (GTK_BOX (chip), icon);
      /* Translators: %u is a gap's rank, %s its criterion. */
      tooltip = g_strdup_printf (_("%u. %s — crosses the Failure Chasm"), rank, criterion->title);
    }
  else
    {
      tooltip = g_strdup_printf (_("%u. %s"), rank, criterion->title);
    }
  gtk_box_append (GTK_BOX (chip), title);
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

/* Each of the nine cells is painted on its own, so every gap lies clearly
 * inside one: the corners in their quadrant's colour, the rest neutral. */
static void
snapshot_cells (ApmmGapMatrix *self,
                GtkSnapshot   *snapshot)
{
  for (guint impact = 1; impact <= N_SCORES; impact++)
    for (guint effort = 1; effort <= N_SCORES; effort++)
      {
        const Quadrant *quadrant = find_quadrant (impact, effort);
        graphene_rect_t bounds;
        GskRoundedRect rounded;
        GdkRGBA color;

        if (!gtk_widget_compute_bounds (self->cells[impact - 1][effort - 1], GTK_WIDGET (self), &bounds) ||
            bounds.size.width <= 0 || bounds.size.height <= 0)
          continue;
        gdk_rgba_parse (&color, quadrant != NULL ? quadrant->color : "#9a9996");
        color.alpha = quadrant != NULL ? quadrant->alpha : 0.08;
        gsk_rounded_rect_init_from_rect (&rounded, &bounds, 12);
        gtk_snapshot_push_rounded_clip (snapshot, &rounded);
        gtk_snapshot_append_color (snapshot, &color, &bounds);
        gtk_snapshot_pop (snapshot);
      }
}

static int
max_width (GtkWidget **widgets,
           guint       n,
           gboolean    natural)
{
  int result = 0;

  for (guint i = 0; i < n; i++)
    {
      int min, nat;

      gtk_widget_measure (widgets[i], GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      result = MAX (result, natural ? nat : min);
    }

  return result;
}

static int
max_height (GtkWidget **widgets,
            guint       n,
            int         for_width,
            gboolean    natural)
{
  int result = 0;

  for (guint i = 0; i < n; i++)
    {
      int min, nat;

      gtk_widget_measure (widgets[i], GTK_ORIENTATION_VERTICAL, for_width, &min, &nat, NULL, NULL);
      result = MAX (result, natural ? nat : min);
    }

  return result;
}

/* The impact labels take their natural width when there is room and wrap
 * ("Medium" over "impact") when the matrix is narrow. */
static int
label_width (ApmmGapMatrix *self,
             int            width)
{
  int label_min = max_width (self->impact_labels, N_SCORES, FALSE);
  int label_nat = max_width (self->impact_labels, N_SCORES, TRUE);
  int cell_min = max_width (&self->cells[0][0], N_SCORES * N_SCORES, FALSE);
  int room = width - N_SCORES * SPACING - N_SCORES * cell_min;

  return CLAMP (room, label_min, label_nat);
}

/* The three columns of cells share the width equally, whatever they hold,
 * so that the medium column sits exactly on the quadrant line. */
static int
cell_width (ApmmGapMatrix *self,
            int            width)
{
  int label_w = label_width (self, width);
  int cell_min = max_width (&self->cells[0][0], N_SCORES * N_SCORES, FALSE);

  return MAX (cell_min, (width - label_w - N_SCORES * SPACING) / N_SCORES);
}

/* Row heights from the top (high impact) down. */
static void
row_heights (ApmmGapMatrix *self,
             int            label_w,
             int            cell_w,
             gboolean       natural,
             int            heights[N_SCORES])
{
  for (guint row = 0; row < N_SCORES; row++)
    {
      guint impact = N_SCORES - row;
      int label = max_height (&self->impact_labels[impact - 1], 1, label_w, natural);

      heights[row] = MAX (label, max_height (self->cells[impact - 1], N_SCORES, cell_w, natural));
    }
}

static GtkSizeRequestMode
apmm_gap_matrix_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
apmm_gap_matrix_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  ApmmGapMatrix *self = APMM_GAP_MATRIX (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int label_min = max_width (self->impact_labels, N_SCORES, FALSE);
      int label_nat = max_width (self->impact_labels, N_SCORES, TRUE);

      *minimum = label_min + N_SCORES * SPACING +
                 N_SCORES * max_width (&self->cells[0][0], N_SCORES * N_SCORES, FALSE);
      *natural = label_nat + N_SCORES * SPACING +
                 N_SCORES * max_width (&self->cells[0][0], N_SCORES * N_SCORES, TRUE);
    }
  else
    {
      int width = for_size < 0 ? G_MAXINT / 2 : for_size;
      int label_w = label_width (self, width);
      int cell_w = cell_width (self, width);
      int footer = max_height (self->effort_labels, N_SCORES, cell_w, TRUE) + N_SCORES * SPACING;
      int mins[N_SCORES], nats[N_SCORES];

      if (for_size < 0)
        cell_w = max_width (&self->cells[0][0], N_SCORES * N_SCORES, TRUE);
      row_heights (self, label_w, cell_w, FALSE, mins);
      row_heights (self, label_w, cell_w, TRUE, nats);
      *minimum = footer + mins[0] + mins[1] + mins[2];
      *natural = footer + nats[0] + nats[1] + nats[2];
    }
}

static void
distribute_heights (int heights[N_SCORES],
                    int mins[N_SCORES],
                    int nats[N_SCORES],
                    int available)
{
  int sum_min = mins[0] + mins[1] + mins[2];
  int sum_nat = nats[0] + nats[1] + nats[2];

  for (guint row = 0; row < N_SCORES; row++)
    {
      if (available >= sum_nat)
        heights[row] = nats[row] + (available - sum_nat) / N_SCORES;
      else if (sum_nat > sum_min)
        heights[row] = mins[row] + MAX (0, available - sum_min) * (nats[row] - mins[row]) / (sum_nat - sum_min);
      else
        heights[row] = mins[row];
    }
}

static void
apmm_gap_matrix_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  ApmmGapMatrix *self = APMM_GAP_MATRIX (widget);
  int label_w = label_width (self, width);
  int cell_w = cell_width (self, width);
  int footer = max_height (self->effort_labels, N_SCORES, cell_w, TRUE);
  int mins[N_SCORES], nats[N_SCORES], heights[N_SCORES];
  int x0 = label_w + SPACING;
  int y = 0;

  row_heights (self, label_w, cell_w, FALSE, mins);
  row_heights (self, label_w, cell_w, TRUE, nats);
  distribute_heights (heights, mins, nats, height - footer - N_SCORES * SPACING);

  for (guint row = 0; row < N_SCORES; row++)
    {
      guint impact = N_SCORES - row;

      gtk_widget_size_allocate (self->impact_labels[impact - 1],
                                &(GtkAllocation) { 0, y, label_w, heights[row] }, -1);
      for (guint col = 0; col < N_SCORES; col++)
        gtk_widget_size_allocate (self->cells[impact - 1][col],
                                  &(GtkAllocation) { x0 + col * (cell_w + SPACING), y,
                                                     cell_w, heights[row] }, -1);
      y += heights[row] + SPACING;
    }

  for (guint col = 0; col < N_SCORES; col++)
    gtk_widget_size_allocate (self->effort_labels[col],
                              &(GtkAllocation) { x0 + col * (cell_w + SPACING), y, cell_w, footer }, -1);

}

static void
apmm_gap_matrix_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  ApmmGapMatrix *self = APMM_GAP_MATRIX (widget);

  snapshot_cells (self, snapshot);
  GTK_WIDGET_CLASS (apmm_gap_matrix_parent_class)->snapshot (widget, snapshot);
}

static void
apmm_gap_matrix_dispose (GObject *object)
{
  ApmmGapMatrix *self = (ApmmGapMatrix *)object;

  for (guint i = 0; i < N_SCORES; i++)
    {
      g_clear_pointer (&self->impact_labels[i], gtk_widget_unparent);
      g_clear_pointer (&self->effort_labels[i], gtk_widget_unparent);
      for (guint j = 0; j < N_SCORES; j++)
        {
          self->boxes[i][j] = NULL;
          g_clear_pointer (&self->cells[i][j], gtk_widget_unparent);
        }
    }

  G_OBJECT_CLASS (apmm_gap_matrix_parent_class)->dispose (object);
}

static void
apmm_gap_matrix_class_init (ApmmGapMatrixClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = apmm_gap_matrix_dispose;
  widget_class->snapshot = apmm_gap_matrix_snapshot;
  widget_class->get_request_mode = apmm_gap_matrix_get_request_mode;
  widget_class->measure = apmm_gap_matrix_measure;
  widget_class->size_allocate = apmm_gap_matrix_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "gapmatrix");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
apmm_gap_matrix_init (ApmmGapMatrix *self)
{
  build_children (self);
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
