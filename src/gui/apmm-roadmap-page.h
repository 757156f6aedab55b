/* apmm-roadmap-page.h — where to start, and the actions that close the gaps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "apmm-session.h"

G_BEGIN_DECLS

#define APMM_TYPE_ROADMAP_PAGE (apmm_roadmap_page_get_type ())
G_DECLARE_FINAL_TYPE (ApmmRoadmapPage, apmm_roadmap_page, APMM, ROADMAP_PAGE, AdwBin)

GtkWidget    *apmm_roadmap_page_new          (void);
ApmmSession  *apmm_roadmap_page_get_session  (ApmmRoadmapPage  *self);
void          apmm_roadmap_page_set_session  (ApmmRoadmapPage  *self,
                                              ApmmSession      *session);

G_END_DECLS
