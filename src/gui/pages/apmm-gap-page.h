/* apmm-gap-page.h — the Gap Map: what stands between the evidence and the target
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "apmm-document.h"

G_BEGIN_DECLS

#define APMM_TYPE_GAP_PAGE (apmm_gap_page_get_type ())
G_DECLARE_FINAL_TYPE (ApmmGapPage, apmm_gap_page, APMM, GAP_PAGE, AdwBin)

GtkWidget    *apmm_gap_page_new          (void);
ApmmSession  *apmm_gap_page_get_session  (ApmmGapPage  *self);
void          apmm_gap_page_set_session  (ApmmGapPage  *self,
                                          ApmmSession  *session);
/* The document shown; its verdict is followed through its "assessment". A
 * session set on its own gets a document of its own. */
ApmmDocument *apmm_gap_page_get_document (ApmmGapPage *self);
void          apmm_gap_page_set_document (ApmmGapPage *self,
                                          ApmmDocument *document);

G_END_DECLS
