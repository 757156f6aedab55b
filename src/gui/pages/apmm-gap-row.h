/* apmm-gap-row.h — one ranked gap on the Gap Map, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "apmm-assessment.h"
#include "apmm-session.h"

G_BEGIN_DECLS

#define APMM_TYPE_GAP_ROW (apmm_gap_row_get_type ())
G_DECLARE_FINAL_TYPE (ApmmGapRow, apmm_gap_row, APMM, GAP_ROW, GtkListBoxRow)

/*
 * Signals:
 * - "move" (int offset): the user asked to move this gap up (-1) or down (+1);
 * - "gap-dropped" (const char *criterion_id, gboolean after): another gap was
 *   dragged onto this row, to go before it or, when @after, after it.
 * The row writes impact, effort, owner and note to the session itself.
 */
GtkWidget   *apmm_gap_row_new               (ApmmSession    *session,
                                             const char     *criterion_id);
/* The same, made when it first comes near the view (apmm-list-culling.h):
 * until then it keeps the gap it shows, and is named for a screen reader. */
GtkWidget   *apmm_gap_row_new_lazy          (ApmmSession    *session,
                                             const char     *criterion_id);
const char  *apmm_gap_row_get_criterion_id  (ApmmGapRow     *self);
/* 1-based rank as shown. */
guint        apmm_gap_row_get_rank          (ApmmGapRow     *self);
/* Shows @gap at @rank (1-based) of @n_gaps and refreshes the editable fields. */
void         apmm_gap_row_update            (ApmmGapRow     *self,
                                             const ApmmGap  *gap,
                                             guint           rank,
                                             guint           n_gaps);

G_END_DECLS
