/* apmm-ladder-widget.h — the maturity ladder, live, animated and accessible
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "apmm-document.h"

G_BEGIN_DECLS

#define APMM_TYPE_LADDER_WIDGET (apmm_ladder_widget_get_type ())
G_DECLARE_FINAL_TYPE (ApmmLadderWidget, apmm_ladder_widget, APMM, LADDER_WIDGET, GtkWidget)

GtkWidget    *apmm_ladder_widget_new                (void);
ApmmSession  *apmm_ladder_widget_get_session        (ApmmLadderWidget  *self);
void          apmm_ladder_widget_set_session        (ApmmLadderWidget  *self,
                                                     ApmmSession       *session);
/* The document shown; its verdict is followed through its "assessment". A
 * session set on its own gets a document of its own. */
ApmmDocument *apmm_ladder_widget_get_document (ApmmLadderWidget *self);
void          apmm_ladder_widget_set_document (ApmmLadderWidget *self,
                                               ApmmDocument *document);
/* The rung chosen by click or keyboard, -1 for none. */
int           apmm_ladder_widget_get_selected_level (ApmmLadderWidget  *self);
void          apmm_ladder_widget_set_selected_level (ApmmLadderWidget  *self,
                                                     int                level);
/* The accessible description as last set, for tests and screenshots. */
const char   *apmm_ladder_widget_get_description    (ApmmLadderWidget  *self);

G_END_DECLS
