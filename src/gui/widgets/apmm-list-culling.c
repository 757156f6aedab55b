/* apmm-list-culling.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-list-culling"

#include "config.h"

#include "apmm-list-culling.h"

#define CULLER_KEY "apmm-list-culler"

typedef struct
{
  GtkWidget     *list;   /* not owned: the culler is the list's data */
  GdkFrameClock *clock;  /* while the list is mapped */
  gulong         layout_id;
} Culler;

/* After GTK has laid the window out, and before it paints: rows in view
 * (give or take half a view) are drawn, the others are not. */
static void
cull (Culler *culler)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (culler->list, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;
  double top = -G_MAXDOUBLE;
  double bottom = G_MAXDOUBLE;

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
      double opacity;

      gtk_widget_get_allocation (row, &allocation);
      opacity = allocation.y < bottom && allocation.y + allocation.height > top ? 1.0 : 0.0;
      if (gtk_widget_get_opacity (row) != opacity)
        gtk_widget_set_opacity (row, opacity);
    }
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
