/* apmm-list-culling.h — long lists in a scrolled page draw only the rows in view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Makes @list draw only the rows near the view of its GtkScrolledWindow.
 *
 * GTK 4.8 snapshots every row of a GtkListBox, in view or not, and its
 * cairo renderer then walks every node and uploads every icon again on
 * each frame that repaints the page: with 500 participants that is most
 * of a frame. After each layout, rows further than half a view above or
 * below what the scrolled window shows are given opacity 0, which GTK
 * draws as nothing, and rows coming into view get opacity 1 again in the
 * same frame, before it is painted. The rows stay mapped, measured,
 * allocated, focusable and accessible: only drawing is skipped.
 *
 * A list that is not inside a GtkScrolledWindow draws every row.
 * docs/performance.md has the figures. */
void     apmm_list_box_draw_rows_in_view (GtkListBox *list);

/* Whether @row (a child of a list given to the function above) is drawn. */
gboolean apmm_list_box_row_is_drawn      (GtkWidget  *row);

G_END_DECLS
