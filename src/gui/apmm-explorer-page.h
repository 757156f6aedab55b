/* apmm-explorer-page.h — the Level Explorer: the ladder beside one level's detail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "apmm-session.h"

G_BEGIN_DECLS

#define APMM_TYPE_EXPLORER_PAGE (apmm_explorer_page_get_type ())
G_DECLARE_FINAL_TYPE (ApmmExplorerPage, apmm_explorer_page, APMM, EXPLORER_PAGE, GtkWidget)

GtkWidget   *apmm_explorer_page_new                (void);
ApmmSession *apmm_explorer_page_get_session        (ApmmExplorerPage *self);
void         apmm_explorer_page_set_session        (ApmmExplorerPage *self,
                                                    ApmmSession      *session);
guint        apmm_explorer_page_get_selected_level (ApmmExplorerPage *self);
void         apmm_explorer_page_set_selected_level (ApmmExplorerPage *self,
                                                    guint             level);

G_END_DECLS
