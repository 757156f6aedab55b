/* apmm-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define APMM_TYPE_APPLICATION (apmm_application_get_type ())
G_DECLARE_FINAL_TYPE (ApmmApplication, apmm_application, APMM, APPLICATION, AdwApplication)

typedef struct _ApmmWindow ApmmWindow;

ApmmApplication *apmm_application_new            (void);
/* The window showing @file, or NULL: a file is open in one window at most. */
ApmmWindow      *apmm_application_lookup_window  (ApmmApplication *self,
                                                  GFile           *file);

G_END_DECLS
