/* apmm-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define APMM_TYPE_PREFERENCES_WINDOW (apmm_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (ApmmPreferencesWindow, apmm_preferences_window, APMM, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

ApmmPreferencesWindow *apmm_preferences_window_new (void);

G_END_DECLS
