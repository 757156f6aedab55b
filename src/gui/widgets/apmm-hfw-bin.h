/* apmm-hfw-bin.h — a bin measured height-for-width only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A bin whose width never depends on its height.
 *
 * GTK 4.8 asks a widget for its width at a given height in two common
 * places: a horizontal GtkBox being allocated measures each child's width
 * for the box's height, and the GtkViewport a GtkScrolledWindow puts around
 * a page measures the page's width for the viewport's height. A wrapped
 * GtkLabel answers that question with a bisection, laying its text out
 * about ten times, on every layout. Wrapped text that scrolls vertically,
 * or sits beside something in a row, never needs it: this bin answers every
 * width question with its child's width for no height (which GTK caches),
 * and its height only for a real width, so the text is laid out at the
 * width it gets. docs/performance.md has the figures. */
#define APMM_TYPE_HFW_BIN (apmm_hfw_bin_get_type ())
G_DECLARE_FINAL_TYPE (ApmmHfwBin, apmm_hfw_bin, APMM, HFW_BIN, GtkWidget)

GtkWidget *apmm_hfw_bin_new       (GtkWidget        *child);
GtkWidget *apmm_hfw_bin_get_child (ApmmHfwBin *self);
void       apmm_hfw_bin_set_child (ApmmHfwBin *self,
                                         GtkWidget        *child);

G_END_DECLS
