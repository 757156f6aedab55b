/* apmm-safe-text.h — file names and user text made safe to show in a message
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* @text (any bytes, NULL allowed) as one line of valid UTF-8 that cannot
 * steer a terminal or a label: invalid bytes become U+FFFD, control
 * characters are written as escapes (\n, \t, \r, \x1b, \u0085), and the
 * bidirectional controls and line separators that reorder or break the
 * message are written as \u202e etc. Plain text is returned unchanged. */
char  *apmm_safe_text        (const char  *text);
/* As apmm_safe_text(), then escaped for Pango markup: for titles that parse
 * markup, such as libadwaita 1.2's toasts. */
char  *apmm_safe_markup      (const char  *text);
/* @file's full name as the user knows it (a path, or a URI for remote
 * files), made safe. */
char  *apmm_safe_file_name   (GFile       *file);
/* Only the last part of @file's name, made safe. */
char  *apmm_safe_basename    (GFile       *file);

G_END_DECLS
