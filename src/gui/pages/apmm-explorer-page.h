/* apmm-explorer-page.h — the Level Explorer: the ladder beside one level's detail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "apmm-document.h"

G_BEGIN_DECLS

#define APMM_TYPE_EXPLORER_PAGE (apmm_explorer_page_get_type ())
G_DECLARE_FINAL_TYPE (ApmmExplorerPage, apmm_explorer_page, APMM, EXPLORER_PAGE, GtkWidget)

GtkWidget   *apmm_explorer_page_new                (void);
ApmmSession *apmm_explorer_page_get_session        (ApmmExplorerPage *self);
void         apmm_explorer_page_set_session        (ApmmExplorerPage *self,
                                                    ApmmSession      *session);
/* The document shown; its verdict is followed through its "assessment". A
 * session set on its own gets a document of its own. */
ApmmDocument *apmm_explorer_page_get_document (ApmmExplorerPage *self);
void          apmm_explorer_page_set_document (ApmmExplorerPage *self,
                                               ApmmDocument *document);
guint        apmm_explorer_page_get_selected_level (ApmmExplorerPage *self);
void         apmm_explorer_page_set_selected_level (ApmmExplorerPage *self,
                                                    guint             level);

G_END_DECLS
