/* apmm-report-xlsx.c — the report as a workbook: Summary, Criteria, Gaps, Roadmap, Votes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cells are typed (levels, ranks, scores and counts as numbers, dates as
 * dates, yes/no as booleans), every sheet's header row is frozen, and each
 * column is as wide as its longest line up to a limit, with long text wrapped.
 * Strings are written as strings, never as formulas, whatever they start with.
 */
#define G_LOG_DOMAIN "apmm-report-xlsx"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "apmm-report-export.h"
#include "apmm-report-private.h"

#define MAX_COLS        12
#define MIN_WIDTH        6.0
#define MAX_WIDTH       60.0
/* Excel's limit is 32,767 characters a cell. */
#define MAX_CELL_CHARS  32000

typedef struct {
  lxw_workbook  *book;
  lxw_format    *header;
  lxw_format    *wrap;
  lxw_format    *date;
  lxw_format    *datetime;
  lxw_format    *percent;
  lxw_format    *bold;
} Book;

typedef struct {
  Book          *book;
  lxw_worksheet *sheet;
  lxw_row_t      row;
  double         widths[MAX_COLS];
  gboolean       wrap[MAX_COLS];
  lxw_error      error;
} Sheet;

static void
fit (Sheet       *s,
     lxw_col_t    col,
     const char  *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      double w = g_utf8_strlen (lines[i], -1) * 1.1 + 2;

      if (w > MAX_WIDTH)
        s->wrap[col] = TRUE;
      s->widths[col] = CLAMP (MAX (s->widths[col], w), MIN_WIDTH, MAX_WIDTH);
    }
}

static void
keep_error (Sheet     *s,
            lxw_error  error)
{
  if (s->error == LXW_NO_ERROR)
    s->error = error;
}

static void
put_text (Sheet       *s,
          lxw_col_t    col,
          const char  *text)
{
  g_autofree char *clean = apmm_report_clean_text (text, FALSE);

  if (*clean == '\0')
    return;
  if (g_utf8_strlen (clean, -1) > MAX_CELL_CHARS)
    {
      char *cut = g_utf8_offset_to_pointer (clean, MAX_CELL_CHARS);

      *cut = '\0';
    }
  if (strchr (clean, '\n') != NULL)
    s->wrap[col] = TRUE;
  fit (s, col, clean);
  keep_error (s, worksheet_write_string (s->sheet, s->row, col, clean,
                                         s->wrap[col] ? s->book->wrap : NULL));
}

static void
put_number (Sheet     *s,
            lxw_col_t  col,
            double     value,
            lxw_format *format)
{
  g_autofree char *text = g_strdup_printf ("%g", value);

  fit (s, col, text);
  keep_error (s, worksheet_write_number (s->sheet, s->row, col, value, format));
}

static void
put_bool (Sheet     *s,
          lxw_col_t  col,
          gboolean   value)
{
  fit (s, col, "FALSE");
  keep_error (s, worksheet_write_boolean (s->sheet, s->row, col, value, NULL));
}

/* "YYYY-MM-DD" or an ISO 8601 date-time as a date cell; other text as text. */
static void
put_date (Sheet      *s,
          lxw_col_t   col,
          const char *text)
{
  g_autoptr(GDateTime) dt = NULL;
  lxw_datetime when = { 0 };
  gboolean has_time = strchr (text, 'T') != NULL;

  if (*text == '\0')
    return;
  if (has_time)
    dt = g_date_time_new_from_iso8601 (text, NULL);
  else if (apmm_date_is_valid (text))
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autofree char *iso = g_strdup_printf ("%sT00:00:00Z", text);

      dt = g_date_time_new_from_iso8601 (iso, utc);
    }
  if (dt == NULL || g_date_time_get_year (dt) < 1900)
    {
      put_text (s, col, text);
      return;
    }
  /* The room's wall-clock time, as written. */
  when.year = g_date_time_get_year (dt);
  when.month = g_date_time_get_month (dt);
  when.day = g_date_time_get_day_of_month (dt);
  when.hour = g_date_time_get_hour (dt);
  when.min = g_date_time_get_minute (dt);
  fit (s, col, has_time ? "2026-03-12 09:20" : "2026-03-12");
  keep_error (s, worksheet_write_datetime (s->sheet, s->row, col, &when,
                                           has_time ? s->book->datetime : s->book->date));
}

static void
sheet_init (Sheet              *s,
            Book               *book,
            const char         *name,
            const char * const *header)
{
  memset (s, 0, sizeof *s);
  s->book = book;
  s->sheet = workbook_add_worksheet (book->book, name);
  for (lxw_col_t c = 0; header[c] != NULL && c < MAX_COLS; c++)
    {
      fit (s, c, header[c]);
      keep_error (s, worksheet_write_string (s->sheet, 0, c, header[c], book->header));
    }
  worksheet_freeze_panes (s->sheet, 1, 0);
  s->row = 1;
}

static lxw_error
sheet_finish (Sheet *s,
              guint  n_cols)
{
  for (lxw_col_t c = 0; c < n_cols; c++)
    worksheet_set_column (s->sheet, c, c, s->widths[c], s->wrap[c] ? s->book->wrap : NULL);
  if (s->row > 1)
    worksheet_autofilter (s->sheet, 0, 0, s->row - 1, n_cols - 1);
  return s->error;
}

static lxw_error
write_summary (Book       *book,
               ApmmReport *report)
{
  ApmmAssessment *assessment = apmm_report_get_assessment (report);
  const char *header[] = { _("Item"), _("Value"), NULL };
  g_autoptr(GString) entry = g_string_new (NULL);
  guint perceived = 0;
  int over = 0;
  double progress = 0;
  Sheet s;

  sheet_init (&s, book, _("Summary"), header);
#define LABEL(text) put_text (&s, 0, (text))
  LABEL (_("Organisation")); put_text (&s, 1, apmm_report_get_organisation (report)); s.row++;
  LABEL (_("Workshop")); put_text (&s, 1, apmm_report_get_title (report)); s.row++;
  LABEL (_("Date")); put_date (&s, 1, apmm_report_get_date (report)); s.row++;
  LABEL (_("Facilitator")); put_text (&s, 1, apmm_report_get_facilitator (report)); s.row++;
  LABEL (_("Evidence level"));
  put_number (&s, 1, apmm_assessment_get_evidence_level (assessment), NULL); s.row++;
  LABEL (_("Verdict")); put_text (&s, 1, apmm_report_get_headline (report)); s.row++;
  LABEL (_("Perceived level"));
  if (apmm_assessment_get_perceived_level (assessment, &perceived))
    put_number (&s, 1, perceived, NULL);
  s.row++;
  LABEL (_("Overestimation"));
  if (apmm_assessment_get_overestimation (assessment, &over))
    put_number (&s, 1, over, NULL);
  s.row++;
  LABEL (_("Target level"));
  put_number (&s, 1, apmm_assessment_get_target_level (assessment), NULL); s.row++;
  LABEL (_("Next-level progress"));
  if (apmm_assessment_get_next_level_progress (assessment, &progress))
    put_number (&s, 1, progress, book->percent);
  s.row++;
  LABEL (_("Inconclusive")); put_bool (&s, 1, apmm_assessment_get_inconclusive (assessment)); s.row++;
  for (guint i = 0; i < apmm_report_get_n_entry_points (report); i++)
    g_string_append_printf (entry, "%s%s", i ? "; " : "", apmm_report_get_entry_point (report, i)->heading);
  LABEL (_("Recommended entry points")); put_text (&s, 1, entry->str); s.row++;
  LABEL (_("Gaps")); put_number (&s, 1, apmm_report_get_n_gaps (report), NULL); s.row++;
  LABEL (_("Gaps without an action")); put_number (&s, 1, apmm_report_get_n_uncovered (report), NULL); s.row++;
  LABEL (_("Actions")); put_number (&s, 1, apmm_report_get_n_actions (report), NULL); s.row++;
  LABEL (_("Anonymised")); put_bool (&s, 1, apmm_report_get_anonymised (report)); s.row++;
  LABEL (_("Notes from the workshop")); put_text (&s, 1, apmm_report_get_notes (report)); s.row++;
#undef LABEL
  return sheet_finish (&s, 2);
}

static lxw_error
write_criteria (Book       *book,
                ApmmReport *report)
{
  const char *header[] = { _("Criterion"), _("Level"), _("Title"), _("Status"), _("Evidence"),
                           _("Confirmed by"), _("Confirmed at"), NULL };
  Sheet s;

  sheet_init (&s, book, _("Criteria"), header);
  for (guint l = 1; l < APMM_N_LEVELS; l++)
    for (guint i = 0; i < apmm_report_get_n_criteria (report, l); i++, s.row++)
      {
        const ApmmReportCriterion *c = apmm_report_get_criterion (report, l, i);

        put_text (&s, 0, c->criterion->id);
        put_number (&s, 1, l, NULL);
        put_text (&s, 2, c->criterion->title);
        put_text (&s, 3, apmm_status_get_label (c->status));
        put_text (&s, 4, c->note);
        put_text (&s, 5, c->confirmed_by);
        put_date (&s, 6, c->confirmed_at);
      }
  return sheet_finish (&s, 7);
}

static lxw_error
write_gaps (Book       *book,
            ApmmReport *report)
{
  const char *header[] = { _("Rank"), _("Criterion"), _("Level"), _("Title"), _("Status"),
                           _("Impact"), _("Effort"), _("Owner"), _("Note"),
                           _("Crosses the Failure Chasm"), _("Has an action"), NULL };
  Sheet s;

  sheet_init (&s, book, _("Gaps"), header);
  for (guint i = 0; i < apmm_report_get_n_gaps (report); i++, s.row++)
    {
      const ApmmReportGap *g = apmm_report_get_gap (report, i);

      put_number (&s, 0, g->rank, NULL);
      put_text (&s, 1, g->criterion->id);
      put_number (&s, 2, g->criterion->level, NULL);
      put_text (&s, 3, g->criterion->title);
      put_text (&s, 4, apmm_status_get_label (g->status));
      put_number (&s, 5, g->impact, NULL);
      put_number (&s, 6, g->effort, NULL);
      put_text (&s, 7, g->owner);
      put_text (&s, 8, g->note);
      put_bool (&s, 9, g->crosses_chasm);
      put_bool (&s, 10, g->covered);
    }
  return sheet_finish (&s, 11);
}

static lxw_error
write_roadmap (Book       *book,
               ApmmReport *report)
{
  const char *header[] = { _("Action"), _("Title"), _("Description"), _("Owner"), _("Horizon"),
                           _("Due"), _("Status"), _("Success measure"), _("Closes"), NULL };
  Sheet s;

  sheet_init (&s, book, _("Roadmap"), header);
  for (guint i = 0; i < apmm_report_get_n_actions (report); i++, s.row++)
    {
      const ApmmReportAction *a = apmm_report_get_action (report, i);
      g_autofree char *closes = apmm_report_closes_text (a);

      put_text (&s, 0, a->id);
      put_text (&s, 1, a->title);
      put_text (&s, 2, a->description);
      put_text (&s, 3, a->owner);
      put_text (&s, 4, apmm_horizon_get_label (a->horizon));
      put_date (&s, 5, a->due);
      put_text (&s, 6, apmm_action_status_get_label (a->status));
      put_text (&s, 7, a->measure);
      put_text (&s, 8, closes);
    }
  return sheet_finish (&s, 9);
}

static lxw_error
write_votes (Book       *book,
             ApmmReport *report)
{
  const char *header[] = { _("Level"), _("Name"), _("Votes"), NULL };
  guint counts[APMM_N_LEVELS];
  Sheet s;

  apmm_report_get_votes (report, counts);
  sheet_init (&s, book, _("Votes"), header);
  for (guint l = 0; l < APMM_N_LEVELS; l++, s.row++)
    {
      put_number (&s, 0, l, NULL);
      put_text (&s, 1, apmm_model_get_level (apmm_report_get_model (report), l)->name);
      put_number (&s, 2, counts[l], NULL);
    }
  return sheet_finish (&s, 3);
}

static void
book_formats (Book *book)
{
  book->header = workbook_add_format (book->book);
  format_set_bold (book->header);
  format_set_font_color (book->header, LXW_COLOR_WHITE);
  format_set_bg_color (book->header, 0x1C4E80);
  book->wrap = workbook_add_format (book->book);
  format_set_text_wrap (book->wrap);
  format_set_align (book->wrap, LXW_ALIGN_VERTICAL_TOP);
  book->date = workbook_add_format (book->book);
  format_set_num_format (book->date, "yyyy-mm-dd");
  book->datetime = workbook_add_format (book->book);
  format_set_num_format (book->datetime, "yyyy-mm-dd hh:mm");
  book->percent = workbook_add_format (book->book);
  format_set_num_format (book->percent, "0%");
}

/* libxlsxwriter writes to a file: a private folder, read back, then removed. */
GBytes *
apmm_report_to_xlsx (ApmmReport  *report,
                     GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  lxw_workbook_options options = { 0 };
  lxw_doc_properties properties = { 0 };
  g_autofree char *title = NULL;
  lxw_error status = LXW_NO_ERROR;
  Book book = { 0 };
  gsize length = 0;
  gboolean read;

  g_return_val_if_fail (report != NULL, NULL);

  dir = g_dir_make_tmp ("apmm-xlsx-XXXXXX", error);
  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, "report.xlsx", NULL);
  options.tmpdir = dir;
  book.book = workbook_new_opt (path, &options);
  if (book.book == NULL)
    {
      g_rmdir (dir);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot create the workbook"));
      return NULL;
    }
  {
    g_autofree char *raw = g_strdup_printf ("%s %s", apmm_report_get_organisation (report),
                                            apmm_report_get_title (report));

    /* Document properties are XML too: no control characters. */
    title = apmm_report_clean_text (raw, FALSE);
  }
  properties.title = title;
  properties.comments = (char *) "APMM Workshop";
  workbook_set_properties (book.book, &properties);
  book_formats (&book);

  status = write_summary (&book, report);
  if (status == LXW_NO_ERROR)
    status = write_criteria (&book, report);
  if (status == LXW_NO_ERROR)
    status = write_gaps (&book, report);
  if (status == LXW_NO_ERROR)
    status = write_roadmap (&book, report);
  if (status == LXW_NO_ERROR)
    status = write_votes (&book, report);
  /* Closing frees the workbook whatever happened, and writes the file. */
  if (workbook_close (book.book) != LXW_NO_ERROR && status == LXW_NO_ERROR)
    status = LXW_ERROR_CREATING_XLSX_FILE;

  read = status == LXW_NO_ERROR && g_file_get_contents (path, &contents, &length, error);
  g_unlink (path);
  g_rmdir (dir);
  if (status != LXW_NO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write the workbook: %s"),
                   lxw_strerror (status));
      return NULL;
    }
  if (!read)
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}
