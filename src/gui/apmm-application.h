/* apmm-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define APMM_TYPE_APPLICATION (apmm_application_get_type ())
G_DECLARE_FINAL_TYPE (ApmmApplication, apmm_application, APMM, APPLICATION, AdwApplication)

ApmmApplication *apmm_application_new            (void);

G_END_DECLS
