/* apmm-export.h — headless exports (`--export=FORMAT --output=PATH [--size=WxH] FILE`)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "apmm-session.h"

G_BEGIN_DECLS

/* Formats are looked up by name so that report formats (pdf report, md, html,
 * csv) can join the same option later. */
gboolean  apmm_export_format_is_known  (const char    *format);
/* Comma-separated list of known formats, for --help and error messages. */
const char *apmm_export_list_formats   (void);
/* Writes @session in @format to @output atomically. @size may be NULL ("WxH"). */
gboolean  apmm_export_session          (ApmmSession   *session,
                                        const char    *format,
                                        GFile         *output,
                                        const char    *size,
                                        GError       **error);
/* The command line: loads @input, exports, returns an exit status (apmm-cli.h)
 * and appends a one-line reason to @err on failure. */
int       apmm_export_cli              (const char    *format,
                                        const char    *output,
                                        const char    *size,
                                        const char    *input,
                                        GString       *err);

G_END_DECLS
