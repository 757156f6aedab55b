/* apmm-compare-dialogs.h — "Compare with Earlier Session…" and "Merge Group Files…"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "apmm-window.h"

G_BEGIN_DECLS

/* Asks for an earlier session file and makes it the baseline of the
 * window's session (one undoable change); explains a refusal in a dialog. */
void  apmm_compare_dialog_show  (ApmmWindow  *window);
/* Asks for 2 to 20 breakout groups' files and opens their merge as a new,
 * unsaved session: in @window when it holds nothing to lose, else in a new
 * window. A bad file is named in a dialog and nothing is opened. */
void  apmm_merge_dialog_show    (ApmmWindow  *window);

G_END_DECLS
