/* apmm-session-caption.h — "Meridian Insurance · 14 May 2026" under each page's title
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "apmm-session.h"

G_BEGIN_DECLS

/* The switcher in the header bar takes the window title's place in a wide
 * window, so the organisation's name would be nowhere on screen: each page
 * shows it, with the workshop's date in the user's format, under its title. */
#define APMM_TYPE_SESSION_CAPTION (apmm_session_caption_get_type ())
G_DECLARE_FINAL_TYPE (ApmmSessionCaption, apmm_session_caption, APMM, SESSION_CAPTION, AdwBin)

GtkWidget  *apmm_session_caption_new         (void);
void        apmm_session_caption_set_session (ApmmSessionCaption *self,
                                              ApmmSession        *session);
const char *apmm_session_caption_get_text    (ApmmSessionCaption *self);

G_END_DECLS
