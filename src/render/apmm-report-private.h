/* apmm-report-private.h — what the report writers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "apmm-report.h"

G_BEGIN_DECLS

/* @text without C0/C1 control characters (tabs become spaces, newlines stay)
 * and, when @drop_bidi, without bidirectional embedding, override and
 * isolate controls, which could reorder the layout around a user string. */
char       *apmm_report_clean_text      (const char                *text,
                                         gboolean                   drop_bidi);
/* "Peter Lindqvist, 2026-03-12 09:20", or "" */
char       *apmm_report_confirmed_text  (const ApmmReportCriterion *criterion);
/* The titles of the criteria an action closes, joined by "; ". */
char       *apmm_report_closes_text     (const ApmmReportAction    *action);
/* "Yes" when the gap crosses the Failure Chasm, else "". */
const char *apmm_report_chasm_text      (const ApmmReportGap       *gap);
/* The title of an action, or "Untitled action" when it has none. */
const char *apmm_report_action_title    (const ApmmReportAction    *action);

G_END_DECLS
