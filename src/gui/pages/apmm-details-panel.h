/* apmm-details-panel.h — the session's details: who, when, what, and the participants
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "apmm-session.h"

G_BEGIN_DECLS

#define APMM_TYPE_DETAILS_PANEL (apmm_details_panel_get_type ())
G_DECLARE_FINAL_TYPE (ApmmDetailsPanel, apmm_details_panel, APMM, DETAILS_PANEL, AdwBin)

GtkWidget   *apmm_details_panel_new         (void);
ApmmSession *apmm_details_panel_get_session (ApmmDetailsPanel *self);
void         apmm_details_panel_set_session (ApmmDetailsPanel *self,
                                             ApmmSession      *session);

G_END_DECLS
