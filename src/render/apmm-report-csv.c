/* apmm-report-csv.c — one table of the report as CSV, for a tracker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a
 * comma, a quote or a line break, quotes doubled. UTF-8 without a byte-order
 * mark. A cell a spreadsheet would run as a formula (it starts with =, +, -,
 * @, a tab or a carriage return) gets a leading apostrophe, as OWASP
 * recommends, so importing the file runs nothing.
 */
#define G_LOG_DOMAIN "apmm-report-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "apmm-report-export.h"
#include "apmm-report-private.h"

static void
append_field (GString    *out,
              const char *text,
              gboolean    first)
{
  g_autofree char *clean = NULL;
  gboolean quote;

  if (!first)
    g_string_append_c (out, ',');
  if (text == NULL)
    text = "";
  /* Formula prefixes are judged on the raw text: a leading tab or CR counts. */
  quote = strpbrk (text, ",\"\r\n") != NULL;
  if (strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0')
    {
      g_string_append (out, "\"'");
      quote = TRUE;
    }
  else if (quote)
    g_string_append_c (out, '"');
  /* Control characters other than tab and line breaks have no place in a cell. */
  clean = g_strdup (text);
  for (char *p = clean; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append (out, "\"\"");
      else if ((guchar) *p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
        continue;
      else
        g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

static void
append_record (GString            *out,
               const char * const *cells)
{
  for (guint i = 0; cells[i] != NULL; i++)
    append_field (out, cells[i], i == 0);
  g_string_append (out, "\r\n");
}

static void
write_actions (GString    *out,
               ApmmReport *report)
{
  /* Column names a tracker's importer can map: stable, in English, as ids. */
  static const char * const header[] = {
    "id", "title", "description", "owner", "horizon", "due", "status", "success_measure",
    "closes", "closes_titles", NULL
  };

  append_record (out, header);
  for (guint i = 0; i < apmm_report_get_n_actions (report); i++)
    {
      const ApmmReportAction *a = apmm_report_get_action (report, i);
      g_autoptr(GString) ids = g_string_new (NULL);
      g_autofree char *titles = apmm_report_closes_text (a);
      const char *row[11];

      for (guint k = 0; k < a->n_closes; k++)
        g_string_append_printf (ids, "%s%s", k ? " " : "", a->closes[k]->id);
      row[0] = a->id;
      row[1] = a->title;
      row[2] = a->description;
      row[3] = a->owner;
      row[4] = apmm_horizon_to_string (a->horizon);
      row[5] = a->due;
      row[6] = apmm_action_status_to_string (a->status);
      row[7] = a->measure;
      row[8] = ids->str;
      row[9] = titles;
      row[10] = NULL;
      append_record (out, row);
    }
}

static void
write_criteria (GString    *out,
                ApmmReport *report)
{
  static const char * const header[] = {
    "criterion", "level", "title", "status", "note", "confirmed_by", "confirmed_at", NULL
  };

  append_record (out, header);
  for (guint l = 1; l < APMM_N_LEVELS; l++)
    for (guint i = 0; i < apmm_report_get_n_criteria (report, l); i++)
      {
        const ApmmReportCriterion *c = apmm_report_get_criterion (report, l, i);
        g_autofree char *level = g_strdup_printf ("%u", l);
        const char *row[] = { c->criterion->id, level, c->criterion->title,
                              apmm_status_to_string (c->status), c->note, c->confirmed_by,
                              c->confirmed_at, NULL };

        append_record (out, row);
      }
}

static void
write_gaps (GString    *out,
            ApmmReport *report)
{
  static const char * const header[] = {
    "rank", "criterion", "level", "title", "status", "impact", "effort", "owner", "note",
    "crosses_chasm", "has_action", NULL
  };

  append_record (out, header);
  for (guint i = 0; i < apmm_report_get_n_gaps (report); i++)
    {
      const ApmmReportGap *g = apmm_report_get_gap (report, i);
      g_autofree char *rank = g_strdup_printf ("%u", g->rank);
      g_autofree char *level = g_strdup_printf ("%u", g->criterion->level);
      g_autofree char *impact = g_strdup_printf ("%u", g->impact);
      g_autofree char *effort = g_strdup_printf ("%u", g->effort);
      const char *row[] = { rank, g->criterion->id, level, g->criterion->title,
                            apmm_status_to_string (g->status), impact, effort, g->owner, g->note,
                            g->crosses_chasm ? "yes" : "no", g->covered ? "yes" : "no", NULL };

      append_record (out, row);
    }
}

GBytes *
apmm_report_to_csv (ApmmReport      *report,
                    ApmmReportTable  table)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (report != NULL, NULL);

  switch (table)
    {
    case APMM_REPORT_TABLE_CRITERIA:
      write_criteria (out, report);
      break;
    case APMM_REPORT_TABLE_GAPS:
      write_gaps (out, report);
      break;
    case APMM_REPORT_TABLE_ACTIONS:
    default:
      write_actions (out, report);
      break;
    }
  return g_string_free_to_bytes (out);
}
