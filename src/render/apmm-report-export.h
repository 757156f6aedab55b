/* apmm-report-export.h — the written follow-up as PDF, HTML, Markdown, a workbook or CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "apmm-report.h"

G_BEGIN_DECLS

typedef enum {
  APMM_REPORT_FORMAT_PDF,
  APMM_REPORT_FORMAT_HTML,
  APMM_REPORT_FORMAT_MARKDOWN,
  APMM_REPORT_FORMAT_XLSX,
  APMM_REPORT_FORMAT_CSV,
} ApmmReportFormat;

typedef enum {
  APMM_REPORT_TABLE_ACTIONS,
  APMM_REPORT_TABLE_CRITERIA,
  APMM_REPORT_TABLE_GAPS,
} ApmmReportTable;

typedef enum {
  APMM_PAPER_A4,
  APMM_PAPER_LETTER,
} ApmmPaper;

/* ---- Writers: everything in memory, so a failure never leaves half a file. */

GBytes     *apmm_report_to_markdown       (ApmmReport       *report);
GBytes     *apmm_report_to_html           (ApmmReport       *report);
GBytes     *apmm_report_to_csv            (ApmmReport       *report,
                                           ApmmReportTable   table);
GBytes     *apmm_report_to_xlsx           (ApmmReport       *report,
                                           GError          **error);
GBytes     *apmm_report_to_pdf            (ApmmReport       *report,
                                           ApmmPaper         paper,
                                           GError          **error);

/* The ladder of @report as an SVG document (for the HTML), or NULL. */
char       *apmm_report_ladder_svg        (ApmmReport       *report,
                                           int               width,
                                           int               height);

/* ---- The PDF's pages, which printing draws too (all sizes in points). */

typedef struct _ApmmReportPages ApmmReportPages;

void        apmm_paper_get_size           (ApmmPaper         paper,
                                           double           *width,
                                           double           *height);
/* US Letter where the locale's paper (LC_PAPER) is 8.5 × 11 inches, else A4. */
ApmmPaper   apmm_paper_from_locale        (void);
gboolean    apmm_paper_from_string        (const char       *name,
                                           ApmmPaper        *paper);

ApmmReportPages *apmm_report_pages_new    (ApmmReport       *report,
                                           double            width,
                                           double            height);
void        apmm_report_pages_free        (ApmmReportPages  *pages);
guint       apmm_report_pages_get_n_pages (ApmmReportPages  *pages);
/* Draws page @index (0-based) with its header and footer at the origin of @cr. */
void        apmm_report_pages_draw        (ApmmReportPages  *pages,
                                           cairo_t          *cr,
                                           guint             index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ApmmReportPages, apmm_report_pages_free)

/* ---- Files and the command line. */

/* The one place every report file is written: replaces @file atomically with
 * @bytes, never leaving a partial file, and says which file in @error. */
gboolean    apmm_report_write_file        (GFile            *file,
                                           GBytes           *bytes,
                                           GError          **error);

/* Format by name: "pdf", "html", "md" (or "markdown"), "xlsx", "csv". */
gboolean    apmm_report_format_from_string (const char      *name,
                                            ApmmReportFormat *format);
/* The format a file name asks for by its extension. */
gboolean    apmm_report_format_from_filename (const char    *filename,
                                              ApmmReportFormat *format);
gboolean    apmm_report_table_from_string (const char       *name,
                                           ApmmReportTable  *table);

GBytes     *apmm_report_render            (ApmmReport       *report,
                                           ApmmReportFormat  format,
                                           ApmmPaper         paper,
                                           ApmmReportTable   table,
                                           GError          **error);
gboolean    apmm_report_export            (ApmmSession      *session,
                                           ApmmReportFormat  format,
                                           ApmmReportFlags   flags,
                                           ApmmPaper         paper,
                                           ApmmReportTable   table,
                                           GFile            *output,
                                           GError          **error);

/* `--export=report|xlsx|csv`: @kind is the --export value; @paper and @table
 * may be NULL. Returns an exit status (apmm-cli.h) with a reason in @err. */
gboolean    apmm_report_export_kind_is_known (const char    *kind);
int         apmm_report_export_cli        (const char       *kind,
                                           const char       *output,
                                           const char       *paper,
                                           const char       *table,
                                           gboolean          anonymise,
                                           const char       *input,
                                           GString          *err);

G_END_DECLS
