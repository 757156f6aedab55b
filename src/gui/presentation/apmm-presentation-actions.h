/* apmm-presentation-actions.h — the window's Present (F5, Shift+F5), zoom
 * (Ctrl++, Ctrl+−, Ctrl+0) and full screen (F11) actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The slide a page of the main window presents from (Shift+F5). */
const char *apmm_presentation_slide_for_page   (const char     *page);
/* Installs the actions on the window class. */
void        apmm_presentation_install_actions  (GtkWidgetClass *widget_class);
/* Scales the text of @window with the "text-scale" setting of @settings. */
void        apmm_zoom_attach                   (GtkWidget      *window,
                                                GSettings      *settings);

G_END_DECLS
