/* apmm-gap-matrix.h — the gaps placed on an impact × effort 2×2
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "apmm-assessment.h"

G_BEGIN_DECLS

#define APMM_TYPE_GAP_MATRIX (apmm_gap_matrix_get_type ())
G_DECLARE_FINAL_TYPE (ApmmGapMatrix, apmm_gap_matrix, APMM, GAP_MATRIX, GtkWidget)

GtkWidget  *apmm_gap_matrix_new          (void);
/* Places every gap of @assessment (NULL: none) in the cell of its scores,
 * numbered by its rank. */
void        apmm_gap_matrix_set_gaps     (ApmmGapMatrix   *self,
                                          ApmmAssessment  *assessment);
/* Number of gaps shown in the cell for @impact and @effort (1..3 each). */
guint       apmm_gap_matrix_count_cell   (ApmmGapMatrix   *self,
                                          guint            impact,
                                          guint            effort);

G_END_DECLS
