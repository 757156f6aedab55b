/* apmm-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "apmm-application.h"

G_BEGIN_DECLS

#define APMM_TYPE_WINDOW (apmm_window_get_type ())
G_DECLARE_FINAL_TYPE (ApmmWindow, apmm_window, APMM, WINDOW, AdwApplicationWindow)

ApmmWindow *apmm_window_new (ApmmApplication *application);

G_END_DECLS
