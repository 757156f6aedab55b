/* apmm-wrap-box.h — a layout-only container that wraps its children into columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GtkFlowBox is a selection container: in GTK 4.8, a flow box whose cells
 * are not focusable swallows Tab, and focusable cells add a stop per cell.
 * ApmmWrapBox only lays out: children sit in equal columns, as many per line
 * as fit between min- and max-children-per-line, and keep the plain Tab
 * order of their widgets. */
#define APMM_TYPE_WRAP_BOX (apmm_wrap_box_get_type ())
G_DECLARE_FINAL_TYPE (ApmmWrapBox, apmm_wrap_box, APMM, WRAP_BOX, GtkWidget)

GtkWidget  *apmm_wrap_box_new     (void);
void        apmm_wrap_box_append  (ApmmWrapBox  *self,
                                   GtkWidget    *child);

G_END_DECLS
