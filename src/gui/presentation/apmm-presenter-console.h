/* apmm-presenter-console.h — the facilitator's screen while presenting:
 * current and next slide, private notes, segment timer and clock, reveal
 * votes and rate live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _ApmmAudienceWindow ApmmAudienceWindow;

#define APMM_TYPE_PRESENTER_CONSOLE (apmm_presenter_console_get_type ())
G_DECLARE_FINAL_TYPE (ApmmPresenterConsole, apmm_presenter_console, APMM, PRESENTER_CONSOLE, GtkWindow)

GtkWindow *apmm_presenter_console_new (ApmmAudienceWindow *audience);

G_END_DECLS
