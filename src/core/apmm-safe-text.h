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

/* The start of @text for a place that shows a glance, not the whole: at
 * most @max_chars characters and @max_lines lines, cut after a whole word
 * where one ends in the last third, with trailing spaces and punctuation
 * dropped and "…" added. Sets *@clipped (may be NULL) when anything was
 * cut; a text that fits is returned whole. Widgets show the excerpt and
 * offer the whole text a click away: a label shapes all of its text at
 * every width it is measured for. */
char  *apmm_text_excerpt     (const char  *text,
                              guint        max_chars,
                              guint        max_lines,
                              gboolean    *clipped);

G_END_DECLS
