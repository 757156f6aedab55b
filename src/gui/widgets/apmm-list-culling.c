/* apmm-list-culling.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-list-culling"

#include "config.h"

#include "apmm-list-culling.h"

#define CULLER_KEY "apmm-list-culler"
/* Looked up for every row after every layout: a quark, not a string. */
static GQuark
lazy_build_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("apmm-list-row-build");
  return quark;
}

/* Rows sampled to refine the height of the stand-ins. */
#define ESTIMATE_SAMPLES 16

typedef struct
{
  GtkWidget     *list;   /* not owned: the culler is the list's data */
  GdkFrameClock *clock;  /* while the list is mapped */
  gulong         layout_id;
  int            estimate;
} Culler;

static gboolean
row_is_lazy (GtkWidget *row)
{
  return g_object_get_qdata (G_OBJECT (row), lazy_build_quark ()) != NULL;
}

/* The stand-ins take the height of the rows made so far, so that the
 * page's length (and its scroll bar) is about right before they are made. */
static void
refine_estimate (Culler *culler)
{
  int total = 0, n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (culler->list);
       row != NULL && n < ESTIMATE_SAMPLES;
       row = gtk_widget_get_next_sibling (row))
    {
      if (!GTK_IS_LIST_BOX_ROW (row) || row_is_lazy (row) || !gtk_widget_get_visible (row)
          || gtk_widget_get_height (row) <= 0)
        continue;
      total += gtk_widget_get_height (row);
      n++;
    }
  if (n == 0 || ABS (total / n - culler->estimate) <= 2)
    return;

  culler->estimate = total / n;
  for (GtkWidget *row = gtk_widget_get_first_child (culler->list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (row_is_lazy (row))
      gtk_widget_set_size_request (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)), -1,
                                   culler->estimate);
}

/* After GTK has laid the window out, and before it paints: rows in view
 * (give or take half a view) are made if they are lazy, and drawn; the
 * others are not drawn. Making rows asks for another layout, which GTK does
 * before it paints (then this runs again). */
static void
cull (Culler *culler)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (culler->list, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;
  double top = -G_MAXDOUBLE;
  double bottom = G_MAXDOUBLE;
  gboolean built = FALSE;

  if (scrolled != NULL && gtk_widget_compute_bounds (culler->list, scrolled, &bounds))
    {
      int height = gtk_widget_get_height (scrolled);

      /* In the list's own coordinates. */
      top = -bounds.origin.y - height / 2.0;
      bottom = -bounds.origin.y + height * 1.5;
    }

  for (GtkWidget *row = gtk_widget_get_first_child (culler->list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkAllocation allocation;
      gboolean near;

      gtk_widget_get_allocation (row, &allocation);
      near = allocation.y < bottom && allocation.y + allocation.height > top;
      if (near && row_is_lazy (row))
        {
          apmm_list_row_build (GTK_LIST_BOX_ROW (row));
          built = TRUE;
        }
      if (gtk_widget_get_opacity (row) != (near ? 1.0 : 0.0))
        gtk_widget_set_opacity (row, near ? 1.0 : 0.0);
    }
  if (!built)
    refine_estimate (culler);
}

static void
layout_cb (GdkFrameClock *clock,
           Culler        *culler)
{
  cull (culler);
}

static void
stop (Culler *culler)
{
  if (culler->clock != NULL)
    {
      g_clear_signal_handler (&culler->layout_id, culler->clock);
      g_clear_object (&culler->clock);
    }
}

static void
map_cb (GtkWidget *list,
        Culler    *culler)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (list);

  stop (culler);
  if (clock == NULL)
    return;
  culler->clock = g_object_ref (clock);
  /* After GTK's own handler, which allocates the window. */
  culler->layout_id = g_signal_connect_after (clock, "layout",
                                              G_CALLBACK (layout_cb), culler);
}

static void
unmap_cb (GtkWidget *list,
          Culler    *culler)
{
  stop (culler);
}

static void
culler_free (gpointer data)
{
  Culler *culler = data;

  stop (culler);
  g_free (culler);
}

void
apmm_list_box_draw_rows_in_view (GtkListBox *list)
{
  Culler *culler;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  if (g_object_get_data (G_OBJECT (list), CULLER_KEY) != NULL)
    return;

  culler = g_new0 (Culler, 1);
  culler->list = GTK_WIDGET (list);
  culler->estimate = -1;
  g_object_set_data_full (G_OBJECT (list), CULLER_KEY, culler, culler_free);
  g_signal_connect (list, "map", G_CALLBACK (map_cb), culler);
  g_signal_connect (list, "unmap", G_CALLBACK (unmap_cb), culler);
  if (gtk_widget_get_mapped (GTK_WIDGET (list)))
    map_cb (GTK_WIDGET (list), culler);
}

gboolean
apmm_list_box_row_is_drawn (GtkWidget *row)
{
  g_return_val_if_fail (GTK_IS_WIDGET (row), FALSE);

  return gtk_widget_get_opacity (row) > 0.0;
}

void
apmm_list_row_set_lazy (GtkListBoxRow        *row,
                        ApmmListRowBuildFunc  build,
                        int                   estimated_height)
{
  GtkWidget *stand_in;

  g_return_if_fail (GTK_IS_LIST_BOX_ROW (row));
  g_return_if_fail (build != NULL);

  stand_in = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_size_request (stand_in, -1, MAX (estimated_height, 1));
  gtk_list_box_row_set_child (row, stand_in);
  g_object_set_qdata (G_OBJECT (row), lazy_build_quark (), build);
}

gboolean
apmm_list_row_is_built (GtkListBoxRow *row)
{
  g_return_val_if_fail (GTK_IS_LIST_BOX_ROW (row), FALSE);

  return !row_is_lazy (GTK_WIDGET (row));
}

void
apmm_list_row_build (GtkListBoxRow *row)
{
  ApmmListRowBuildFunc build;

  g_return_if_fail (GTK_IS_LIST_BOX_ROW (row));

  build = g_object_get_qdata (G_OBJECT (row), lazy_build_quark ());
  if (build == NULL)
    return;
  g_object_set_qdata (G_OBJECT (row), lazy_build_quark (), NULL);
  build (row);
}
