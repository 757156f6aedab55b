/* apmm-votes-panel.h — the room's device-free vote: per participant or a show of hands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "apmm-session.h"

G_BEGIN_DECLS

#define APMM_TYPE_VOTES_PANEL (apmm_votes_panel_get_type ())
G_DECLARE_FINAL_TYPE (ApmmVotesPanel, apmm_votes_panel, APMM, VOTES_PANEL, AdwBin)

GtkWidget   *apmm_votes_panel_new         (void);
ApmmSession *apmm_votes_panel_get_session (ApmmVotesPanel *self);
void         apmm_votes_panel_set_session (ApmmVotesPanel *self,
                                           ApmmSession    *session);
/* TRUE while votes are recorded as anonymous tallies per level. */
gboolean     apmm_votes_panel_get_anonymous (ApmmVotesPanel *self);
void         apmm_votes_panel_set_anonymous (ApmmVotesPanel *self,
                                             gboolean        anonymous);

G_END_DECLS
