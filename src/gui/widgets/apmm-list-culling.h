/* apmm-list-culling.h — long lists in a scrolled page: rows drawn only in
 * view, and made only when they first come into view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Makes @list draw only the rows near the view of its GtkScrolledWindow,
 * and make its lazy rows (below) when they first come near it.
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
 * A list that is not inside a GtkScrolledWindow draws every row, and
 * makes every lazy row as soon as it is laid out.
 * docs/performance.md has the figures. */
void     apmm_list_box_draw_rows_in_view (GtkListBox *list);

/* Whether @row (a child of a list given to the function above) is drawn. */
gboolean apmm_list_box_row_is_drawn      (GtkWidget  *row);

/* Makes the content of a row. It must set the row's child (which replaces
 * the empty stand-in) and show what the row stands for now. */
typedef void (*ApmmListRowBuildFunc) (GtkListBoxRow *row);

/* A lazy row holds an empty stand-in @estimated_height pixels high until
 * it first comes near the view of a list given to
 * apmm_list_box_draw_rows_in_view(), or apmm_list_row_build() is called:
 * then @build makes its content, once. Opening a page with hundreds of
 * rows then lays out the text of the few in view only. Until it is built,
 * the row's owner should give it an accessible label, so that a screen
 * reader can name it. The list refines the estimate from the rows made. */
void     apmm_list_row_set_lazy          (GtkListBoxRow        *row,
                                          ApmmListRowBuildFunc  build,
                                          int                   estimated_height);
gboolean apmm_list_row_is_built          (GtkListBoxRow        *row);
/* Makes the content of @row now, if it is lazy and not yet made. */
void     apmm_list_row_build             (GtkListBoxRow        *row);

G_END_DECLS
