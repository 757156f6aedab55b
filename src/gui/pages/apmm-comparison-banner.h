/* apmm-comparison-banner.h — what moved since the baseline, on the Gap Map and the Roadmap
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "apmm-session.h"

G_BEGIN_DECLS

typedef enum {
  APMM_COMPARISON_BANNER_GAPS,     /* the gaps closed and the new gaps since the baseline */
  APMM_COMPARISON_BANNER_ROADMAP,  /* the baseline's actions that were done */
} ApmmComparisonBannerKind;

/* A card shown only while the session has a baseline; it follows the
 * session's changes. */
#define APMM_TYPE_COMPARISON_BANNER (apmm_comparison_banner_get_type ())
G_DECLARE_FINAL_TYPE (ApmmComparisonBanner, apmm_comparison_banner, APMM, COMPARISON_BANNER, GtkBox)

GtkWidget  *apmm_comparison_banner_new          (ApmmComparisonBannerKind  kind);
void        apmm_comparison_banner_set_session  (ApmmComparisonBanner     *self,
                                                 ApmmSession              *session);

G_END_DECLS
