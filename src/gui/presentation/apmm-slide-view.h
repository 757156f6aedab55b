/* apmm-slide-view.h — one slide of a deck, drawn by the slide renderer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "apmm-slide-renderer.h"

G_BEGIN_DECLS

typedef enum {
  APMM_SLIDE_VIEW_SLIDE,
  APMM_SLIDE_VIEW_BLACK,
  APMM_SLIDE_VIEW_WHITE,
} ApmmSlideViewBlank;

#define APMM_TYPE_SLIDE_VIEW (apmm_slide_view_get_type ())
G_DECLARE_FINAL_TYPE (ApmmSlideView, apmm_slide_view, APMM, SLIDE_VIEW, GtkWidget)

GtkWidget      *apmm_slide_view_new        (void);
/* The view keeps no reference on @deck: the caller keeps it alive while it
 * is shown, and sets a new one when it rebuilds it. */
void            apmm_slide_view_set_slide  (ApmmSlideView      *self,
                                            ApmmSlideDeck      *deck,
                                            int                 index);
void            apmm_slide_view_set_theme  (ApmmSlideView      *self,
                                            ApmmSlideTheme      theme);
void            apmm_slide_view_set_blank  (ApmmSlideView      *self,
                                            ApmmSlideViewBlank  blank);
/* NULL hides the timer. */
void            apmm_slide_view_set_timer  (ApmmSlideView      *self,
                                            const char         *text);

G_END_DECLS
