/* apmm-report-export.c — choosing a report format, writing the file, the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-report-export"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <langinfo.h>
#include <string.h>

#include "apmm-cli.h"
#include "apmm-file-writer.h"
#include "apmm-report-export.h"
#include "apmm-report-private.h"
#include "apmm-safe-text.h"
#include "apmm-session-file.h"

/* ---- What the writers share ------------------------------------------- */

static gboolean
is_bidi_control (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

char *
apmm_report_clean_text (const char *text,
                        gboolean    drop_bidi)
{
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\t')
        g_string_append_c (out, ' ');
      else if (c == '\r')
        {
          if (p[1] != '\n')
            g_string_append_c (out, '\n');
        }
      else if (c == '\n')
        g_string_append_c (out, '\n');
      else if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0xFFFE || c == 0xFFFF)
        continue;
      else if (drop_bidi && is_bidi_control (c))
        continue;
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
apmm_report_confirmed_text (const ApmmReportCriterion *criterion)
{
  g_autofree char *when = apmm_report_format_when (criterion->confirmed_at);

  if (*criterion->confirmed_by != '\0' && *when != '\0')
    return g_strdup_printf (C_("confirmed by, at", "%s, %s"), criterion->confirmed_by, when);
  return g_strdup (*criterion->confirmed_by != '\0' ? criterion->confirmed_by : when);
}

char *
apmm_report_closes_text (const ApmmReportAction *action)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < action->n_closes; i++)
    g_string_append_printf (out, "%s%s", i ? "; " : "", action->closes[i]->title);
  return g_string_free (out, FALSE);
}

const char *
apmm_report_chasm_text (const ApmmReportGap *gap)
{
  return gap->crosses_chasm ? _("Yes") : "";
}

const char *
apmm_report_action_title (const ApmmReportAction *action)
{
  return *action->title != '\0' ? action->title : _("Untitled action");
}

/* ---- Paper -------------------------------------------------------------- */

void
apmm_paper_get_size (ApmmPaper  paper,
                     double    *width,
                     double    *height)
{
  if (paper == APMM_PAPER_LETTER)
    {
      *width = 612.0;
      *height = 792.0;
    }
  else
    {
      *width = 595.276;
      *height = 841.89;
    }
}

ApmmPaper
apmm_paper_from_locale (void)
{
#ifdef __GLIBC__
  /* glibc gives LC_PAPER's size in millimetres; US Letter is 216 × 279. The
   * program set its locale from the environment at start (main.c), so this
   * reads the user's LC_PAPER without touching the process's locale. */
  union { char *string; unsigned int word; } width;

  width.string = nl_langinfo (_NL_PAPER_WIDTH);
  if (width.word == 216)
    return APMM_PAPER_LETTER;
#endif
  return APMM_PAPER_A4;
}

gboolean
apmm_paper_from_string (const char *name,
                        ApmmPaper  *paper)
{
  if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = APMM_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "letter") == 0)
    *paper = APMM_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

/* ---- Formats ------------------------------------------------------------ */

static const struct {
  const char       *name;
  ApmmReportFormat  format;
} format_names[] = {
  { "pdf", APMM_REPORT_FORMAT_PDF },
  { "html", APMM_REPORT_FORMAT_HTML },
  { "htm", APMM_REPORT_FORMAT_HTML },
  { "md", APMM_REPORT_FORMAT_MARKDOWN },
  { "markdown", APMM_REPORT_FORMAT_MARKDOWN },
  { "xlsx", APMM_REPORT_FORMAT_XLSX },
  { "csv", APMM_REPORT_FORMAT_CSV },
};

gboolean
apmm_report_format_from_string (const char       *name,
                                ApmmReportFormat *format)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (format_names); i++)
    if (g_ascii_strcasecmp (name, format_names[i].name) == 0)
      {
        *format = format_names[i].format;
        return TRUE;
      }
  return FALSE;
}

gboolean
apmm_report_format_from_filename (const char       *filename,
                                  ApmmReportFormat *format)
{
  const char *dot = filename ? strrchr (filename, '.') : NULL;

  return dot != NULL && strchr (dot, G_DIR_SEPARATOR) == NULL
         && apmm_report_format_from_string (dot + 1, format);
}

gboolean
apmm_report_table_from_string (const char      *name,
                               ApmmReportTable *table)
{
  if (g_strcmp0 (name, "actions") == 0)
    *table = APMM_REPORT_TABLE_ACTIONS;
  else if (g_strcmp0 (name, "criteria") == 0)
    *table = APMM_REPORT_TABLE_CRITERIA;
  else if (g_strcmp0 (name, "gaps") == 0)
    *table = APMM_REPORT_TABLE_GAPS;
  else
    return FALSE;
  return TRUE;
}

GBytes *
apmm_report_render (ApmmReport        *report,
                    ApmmReportFormat   format,
                    ApmmPaper          paper,
                    ApmmReportTable    table,
                    GError           **error)
{
  g_return_val_if_fail (report != NULL, NULL);

  switch (format)
    {
    case APMM_REPORT_FORMAT_PDF:
      return apmm_report_to_pdf (report, paper, error);
    case APMM_REPORT_FORMAT_HTML:
      return apmm_report_to_html (report);
    case APMM_REPORT_FORMAT_MARKDOWN:
      return apmm_report_to_markdown (report);
    case APMM_REPORT_FORMAT_XLSX:
      return apmm_report_to_xlsx (report, error);
    case APMM_REPORT_FORMAT_CSV:
      return apmm_report_to_csv (report, table);
    default:
      g_assert_not_reached ();
    }
}

/* ---- Writing ------------------------------------------------------------ */

gboolean
apmm_report_write_file (GFile   *file,
                        GBytes  *bytes,
                        GError **error)
{
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  /* The one file writer: a temporary file beside the target, every write
   * checked, renamed over it only when complete; it names the file in its
   * messages and refuses pipes and devices. */
  return apmm_file_write_bytes (file, bytes, APMM_FILE_WRITE_NONE, NULL, NULL, NULL, error);
}

gboolean
apmm_report_export (ApmmSession       *session,
                    ApmmReportFormat   format,
                    ApmmReportFlags    flags,
                    ApmmPaper          paper,
                    ApmmReportTable    table,
                    GFile             *output,
                    GError           **error)
{
  g_autoptr(ApmmReport) report = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (APMM_IS_SESSION (session), FALSE);
  g_return_val_if_fail (G_IS_FILE (output), FALSE);

  report = apmm_report_new (session, apmm_model_get_default (), flags);
  bytes = apmm_report_render (report, format, paper, table, error);
  if (bytes == NULL)
    return FALSE;
  return apmm_report_write_file (output, bytes, error);
}

/* ---- The command line --------------------------------------------------- */

gboolean
apmm_report_export_kind_is_known (const char *kind)
{
  return g_strcmp0 (kind, "report") == 0 || g_strcmp0 (kind, "xlsx") == 0
         || g_strcmp0 (kind, "csv") == 0;
}

/* TRUE when @output is the file @input names, by any path: a report must
 * never replace the session it is made from. */
static gboolean
same_file (GFile *input,
           GFile *output)
{
  g_autofree char *in_path = g_file_get_path (input);
  g_autofree char *out_path = g_file_get_path (output);
  GStatBuf in_st, out_st;

  return in_path != NULL && out_path != NULL &&
         g_stat (in_path, &in_st) == 0 && g_stat (out_path, &out_st) == 0 &&
         in_st.st_dev == out_st.st_dev && in_st.st_ino == out_st.st_ino;
}

static int
usage (GString    *err,
       const char *message)
{
  g_string_append_printf (err, "%s\n", message);
  return APMM_EXIT_USAGE;
}

/* Which file format --export=KIND writes to @output, or a usage message. */
static gboolean
choose_format (const char        *kind,
               const char        *output,
               ApmmReportFormat  *format,
               GString           *err)
{
  if (g_strcmp0 (kind, "xlsx") == 0)
    *format = APMM_REPORT_FORMAT_XLSX;
  else if (g_strcmp0 (kind, "csv") == 0)
    *format = APMM_REPORT_FORMAT_CSV;
  else if (!apmm_report_format_from_filename (output, format)
           || *format == APMM_REPORT_FORMAT_XLSX || *format == APMM_REPORT_FORMAT_CSV)
    {
      g_string_append_printf (err, "%s\n",
                              _("--export=report writes a .pdf, .html or .md file: name the output so"));
      return FALSE;
    }
  return TRUE;
}

int
apmm_report_export_cli (const char *kind,
                        const char *output,
                        const char *paper_name,
                        const char *table_name,
                        gboolean    anonymise,
                        const char *input,
                        GString    *err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmSession) session = NULL;
  g_autoptr(GFile) in_file = NULL;
  g_autoptr(GFile) out_file = NULL;
  ApmmReportFormat format;
  ApmmPaper paper = apmm_paper_from_locale ();
  ApmmReportTable table = APMM_REPORT_TABLE_ACTIONS;

  g_return_val_if_fail (err != NULL, APMM_EXIT_USAGE);

  if (!apmm_report_export_kind_is_known (kind) || output == NULL || input == NULL)
    return usage (err, _("Usage: --export=report|xlsx|csv --output=PATH FILE"));
  if (!choose_format (kind, output, &format, err))
    return APMM_EXIT_USAGE;
  if (paper_name != NULL && (format != APMM_REPORT_FORMAT_PDF || !apmm_paper_from_string (paper_name, &paper)))
    return usage (err, _("--paper is a4 or letter, for a PDF report"));
  if (table_name != NULL && (format != APMM_REPORT_FORMAT_CSV || !apmm_report_table_from_string (table_name, &table)))
    return usage (err, _("--table is actions, criteria or gaps, for --export=csv"));

  in_file = g_file_new_for_commandline_arg (input);
  out_file = g_file_new_for_commandline_arg (output);
  if (same_file (in_file, out_file))
    {
      g_autofree char *name = apmm_safe_file_name (out_file);
      g_autofree char *message =
        g_strdup_printf (_("The output “%s” is the session being exported; choose another output file"),
                         name);

      return usage (err, message);
    }

  session = apmm_session_load_file (in_file, NULL, &error);
  if (session == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", input, error->message);
      g_autofree char *safe = apmm_safe_text (message);

      g_string_append_printf (err, "%s\n", safe);
      return APMM_EXIT_INVALID;
    }

  if (!apmm_report_export (session, format, anonymise ? APMM_REPORT_ANONYMISED : 0,
                           paper, table, out_file, &error))
    {
      g_autofree char *safe = apmm_safe_text (error->message);

      g_string_append_printf (err, "%s\n", safe);
      return APMM_EXIT_INVALID;
    }
  return APMM_EXIT_OK;
}
