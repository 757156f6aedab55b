/* apmm-gap-page.h — the Gap Map: what stands between the evidence and the target
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "apmm-session.h"

G_BEGIN_DECLS

#define APMM_TYPE_GAP_PAGE (apmm_gap_page_get_type ())
G_DECLARE_FINAL_TYPE (ApmmGapPage, apmm_gap_page, APMM, GAP_PAGE, AdwBin)

GtkWidget    *apmm_gap_page_new          (void);
ApmmSession  *apmm_gap_page_get_session  (ApmmGapPage  *self);
void          apmm_gap_page_set_session  (ApmmGapPage  *self,
                                          ApmmSession  *session);

G_END_DECLS
