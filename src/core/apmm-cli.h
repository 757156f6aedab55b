/* apmm-cli.h — the headless command line: --summary, --validate, --compare, --merge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses, documented in --help and the README. */
#define APMM_EXIT_OK        0
#define APMM_EXIT_INVALID   1   /* a file is not a valid session, or an output cannot be written */
#define APMM_EXIT_USAGE     2   /* wrong options */

/* Each appends what the command prints to @out (stdout) and @err (stderr) and
 * returns the exit status. They never log GLib warnings or criticals. */
int  apmm_cli_summary   (const char          *path,
                         GString             *out,
                         GString             *err);
int  apmm_cli_validate  (const char * const  *paths,
                         GString             *out,
                         GString             *err);
/* --compare OLD NEW: the comparison as one JSON object. */
int  apmm_cli_compare   (const char          *old_path,
                         const char          *new_path,
                         GString             *out,
                         GString             *err);
/* --merge FILE… --output=PATH: every input is read before anything is
 * written; a bad input is named and nothing is written. Prints the disputed
 * criteria, one "id: group status, group status, …" line each. */
int  apmm_cli_merge     (const char * const  *paths,
                         const char          *output,
                         GString             *out,
                         GString             *err);

G_END_DECLS
