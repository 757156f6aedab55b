/* apmm-criterion-row.h — one entry criterion: its status, evidence note and who confirmed it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "apmm-session.h"

G_BEGIN_DECLS

#define APMM_TYPE_CRITERION_ROW (apmm_criterion_row_get_type ())
G_DECLARE_FINAL_TYPE (ApmmCriterionRow, apmm_criterion_row, APMM, CRITERION_ROW, AdwPreferencesRow)

GtkWidget   *apmm_criterion_row_new              (ApmmSession       *session,
                                                  const char        *criterion_id);
ApmmSession *apmm_criterion_row_get_session      (ApmmCriterionRow  *self);
void         apmm_criterion_row_set_session      (ApmmCriterionRow  *self,
                                                  ApmmSession       *session);
const char  *apmm_criterion_row_get_criterion_id (ApmmCriterionRow  *self);
/* Draws the eye to the row for a moment and moves the keyboard focus to it. */
void         apmm_criterion_row_highlight        (ApmmCriterionRow  *self);

G_END_DECLS
