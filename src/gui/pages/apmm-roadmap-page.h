/* apmm-roadmap-page.h — where to start, and the actions that close the gaps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "apmm-document.h"

G_BEGIN_DECLS

#define APMM_TYPE_ROADMAP_PAGE (apmm_roadmap_page_get_type ())
G_DECLARE_FINAL_TYPE (ApmmRoadmapPage, apmm_roadmap_page, APMM, ROADMAP_PAGE, AdwBin)

GtkWidget    *apmm_roadmap_page_new          (void);
ApmmSession  *apmm_roadmap_page_get_session  (ApmmRoadmapPage  *self);
void          apmm_roadmap_page_set_session  (ApmmRoadmapPage  *self,
                                              ApmmSession      *session);
/* The document shown; its verdict is followed through its "assessment". A
 * session set on its own gets a document of its own. */
ApmmDocument *apmm_roadmap_page_get_document (ApmmRoadmapPage *self);
void          apmm_roadmap_page_set_document (ApmmRoadmapPage *self,
                                              ApmmDocument *document);

G_END_DECLS
