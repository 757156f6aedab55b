/* apmm-audience-window.h — the slides on the wall, full screen, driven by
 * the keys a presentation clicker sends; it owns the presentation's state
 * (slide, blank screen, segment timer) that the presenter console shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "apmm-slide-view.h"

G_BEGIN_DECLS

#define APMM_TYPE_AUDIENCE_WINDOW (apmm_audience_window_get_type ())
G_DECLARE_FINAL_TYPE (ApmmAudienceWindow, apmm_audience_window, APMM, AUDIENCE_WINDOW, GtkWindow)

/* Presents @session from the slide @slide_id (NULL: the first). With two
 * monitors the slides go full screen on the one @parent is not on and the
 * console opens on @parent's; with one, the slides cover it and the console
 * is one key (C) away. Leaving (Escape) shows @parent again on the page
 * @stack showed when the presentation began. */
ApmmAudienceWindow *apmm_audience_window_present   (GtkWindow          *parent,
                                                    ApmmSession        *session,
                                                    AdwViewStack       *stack,
                                                    const char         *slide_id);

ApmmSlideDeck      *apmm_audience_window_get_deck  (ApmmAudienceWindow *self);
int                 apmm_audience_window_get_index (ApmmAudienceWindow *self);
void                apmm_audience_window_go_to     (ApmmAudienceWindow *self,
                                                    int                 index);
ApmmSlideViewBlank  apmm_audience_window_get_blank (ApmmAudienceWindow *self);
void                apmm_audience_window_set_blank (ApmmAudienceWindow *self,
                                                    ApmmSlideViewBlank  blank);
gboolean            apmm_audience_window_get_timer_shown (ApmmAudienceWindow *self);
void                apmm_audience_window_toggle_timer (ApmmAudienceWindow *self);
/* The segment timer: elapsed seconds in the current agenda segment. */
gint64              apmm_audience_window_get_elapsed (ApmmAudienceWindow *self);
gboolean            apmm_audience_window_get_timer_running (ApmmAudienceWindow *self);
/* The current agenda segment's title and planned seconds; FALSE without one. */
gboolean            apmm_audience_window_get_segment (ApmmAudienceWindow *self,
                                                      const char        **title,
                                                      gint64             *planned);
/* A clicker's key; TRUE when it was one. The console forwards its keys here. */
gboolean            apmm_audience_window_handle_key (ApmmAudienceWindow *self,
                                                     guint               keyval,
                                                     GdkModifierType     state);
GtkWindow          *apmm_audience_window_get_console (ApmmAudienceWindow *self);
GdkMonitor         *apmm_audience_window_get_monitor (ApmmAudienceWindow *self);
/* Ends the presentation: closes the console and the slides. */
void                apmm_audience_window_leave     (ApmmAudienceWindow *self);

G_END_DECLS
