/* apmm-report-markdown.c — the report as GitHub-flavoured Markdown, readable as plain text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-report-markdown"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "apmm-report-export.h"
#include "apmm-report-private.h"

/* Escapes what would turn a user's text into markup inside a line. Only the
 * characters that matter are escaped, so the text stays readable. */
static void
append_inline (GString    *out,
               const char *line)
{
  for (const char *p = line; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\': case '`': case '*': case '_': case '[': case ']':
        case '<': case '>': case '|': case '~':
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
          break;
        case '&':
          /* Only where it could start an entity such as &lt; */
          if (g_ascii_isalnum (p[1]) || p[1] == '#')
            g_string_append_c (out, '\\');
          g_string_append_c (out, '&');
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

/* A line that would start a block (heading, quote, list, rule, code) is
 * escaped at its start. */
static void
append_line_start (GString    *out,
                   const char *line)
{
  const char *p = line;

  while (*p == ' ')
    p++;
  if (*p == '#' || *p == '+' || *p == '-' || *p == '=')
    g_string_append_c (out, '\\');
  else if (g_ascii_isdigit (*p))
    {
      const char *q = p;

      while (g_ascii_isdigit (*q))
        q++;
      if (*q == '.' || *q == ')')
        {
          g_string_append_len (out, p, q - p);
          g_string_append_c (out, '\\');
          p = q;
        }
    }
  append_inline (out, p);
}

/* A paragraph of user text: each line escaped, kept as a hard line break. */
static void
append_text (GString    *out,
             const char *text)
{
  g_autofree char *clean = apmm_report_clean_text (text, TRUE);
  g_auto(GStrv) lines = g_strsplit (clean, "\n", -1);
  gboolean first = TRUE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] == '\0')
        {
          if (!first)
            g_string_append (out, "\n\n");
          first = TRUE;
          continue;
        }
      if (!first)
        g_string_append (out, "  \n");
      append_line_start (out, lines[i]);
      first = FALSE;
    }
}

/* A table cell: one line, so newlines become <br> and pipes are escaped. */
static void
append_cell (GString    *out,
             const char *text)
{
  g_autofree char *clean = apmm_report_clean_text (text, TRUE);
  g_auto(GStrv) lines = g_strsplit (clean, "\n", -1);
  gboolean first = TRUE;

  g_string_append (out, "| ");
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      if (!first)
        g_string_append (out, "<br>");
      append_inline (out, lines[i]);
      first = FALSE;
    }
  g_string_append_c (out, ' ');
}

static void
append_row (GString            *out,
            const char * const *cells)
{
  for (guint i = 0; cells[i] != NULL; i++)
    append_cell (out, cells[i]);
  g_string_append (out, "|\n");
}

static void
append_header (GString            *out,
               const char * const *cells)
{
  append_row (out, cells);
  for (guint i = 0; cells[i] != NULL; i++)
    g_string_append (out, "|---");
  g_string_append (out, "|\n");
}

static void
append_heading (GString    *out,
                guint       depth,
                const char *title)
{
  for (guint i = 0; i < depth; i++)
    g_string_append_c (out, '#');
  g_string_append_c (out, ' ');
  append_inline (out, title);
  g_string_append (out, "\n\n");
}

static void
append_field (GString    *out,
              const char *label,
              const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_string_append_printf (out, "**%s:** ", label);
  append_text (out, value);
  g_string_append (out, "  \n");
}

static void
write_cover (GString    *out,
             ApmmReport *report)
{
  const char *organisation = apmm_report_get_organisation (report);

  append_heading (out, 1, *organisation != '\0' ? organisation : apmm_report_get_title (report));
  if (*organisation != '\0')
    {
      g_string_append_printf (out, "*%s*  \n", _("AI Production Maturity Assessment"));
    }
  append_field (out, _("Workshop"), apmm_report_get_title (report));
  append_field (out, _("Date"), apmm_report_get_date (report));
  append_field (out, _("Facilitator"), apmm_report_get_facilitator (report));
  if (apmm_report_get_anonymised (report))
    g_string_append_printf (out, "*%s*  \n", _("Anonymised: participants are numbered, not named."));
  g_string_append_c (out, '\n');
}

static void
write_verdict (GString    *out,
               ApmmReport *report)
{
  guint n = apmm_report_get_n_entry_points (report);

  append_heading (out, 2, _("Verdict"));
  g_string_append_printf (out, "**");
  append_inline (out, apmm_report_get_headline (report));
  g_string_append (out, "**\n\n");
  if (apmm_report_get_inconclusive_text (report) != NULL)
    {
      g_string_append (out, "> **");
      append_inline (out, _("Warning"));
      g_string_append (out, ":** ");
      append_inline (out, apmm_report_get_inconclusive_text (report));
      g_string_append (out, "\n\n");
    }
  g_string_append_printf (out, "- ");
  append_inline (out, apmm_report_get_perceived_text (report));
  if (*apmm_report_get_estimation_text (report) != '\0')
    {
      g_string_append (out, "\n- ");
      append_inline (out, apmm_report_get_estimation_text (report));
    }
  g_string_append (out, "\n- ");
  append_inline (out, apmm_report_get_progress_text (report));
  g_string_append (out, "\n- ");
  append_inline (out, apmm_report_get_target_text (report));
  g_string_append (out, "\n\n");

  append_heading (out, 3, ngettext ("Recommended entry point", "Recommended entry points", n));
  for (guint i = 0; i < n; i++)
    {
      const ApmmReportEntryPoint *ep = apmm_report_get_entry_point (report, i);

      g_string_append (out, "- **");
      append_inline (out, ep->heading);
      g_string_append (out, "** — ");
      append_inline (out, ep->entry_point->description);
      g_string_append (out, " *");
      append_inline (out, ep->why);
      g_string_append (out, "*\n");
    }
  g_string_append_c (out, '\n');

  if (*apmm_report_get_notes (report) != '\0')
    {
      append_heading (out, 3, _("Notes from the workshop"));
      append_text (out, apmm_report_get_notes (report));
      g_string_append (out, "\n\n");
    }
}

static void
write_since_baseline (GString    *out,
                      ApmmReport *report)
{
  const char * const *lines = apmm_report_get_since_baseline (report);

  if (lines == NULL)
    return;
  append_heading (out, 2, _("Since the baseline"));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_string_append (out, "- ");
      append_inline (out, lines[i]);
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
}

static void
write_evidence (GString    *out,
                ApmmReport *report)
{
  append_heading (out, 2, _("Evidence"));
  for (guint l = 1; l < APMM_N_LEVELS; l++)
    {
      g_autofree char *label = apmm_report_level_label (report, l);
      const char *header[] = { _("Criterion"), _("Status"), _("Evidence"), _("Confirmed by"), NULL };

      append_heading (out, 3, label);
      append_header (out, header);
      for (guint i = 0; i < apmm_report_get_n_criteria (report, l); i++)
        {
          const ApmmReportCriterion *c = apmm_report_get_criterion (report, l, i);
          g_autofree char *confirmed = apmm_report_confirmed_text (c);
          const char *row[] = { c->criterion->title, apmm_status_get_label (c->status), c->note, confirmed, NULL };

          append_row (out, row);
        }
      g_string_append_c (out, '\n');
    }

  append_heading (out, 3, _("The three prompts"));
  for (guint i = 0; i < apmm_report_get_n_prompts (report); i++)
    {
      const ApmmReportPrompt *p = apmm_report_get_prompt (report, i);

      g_string_append (out, "**");
      append_inline (out, p->prompt->title);
      g_string_append (out, "** — *");
      append_inline (out, p->prompt->question);
      g_string_append (out, "*\n\n");
      if (*p->notes != '\0')
        append_text (out, p->notes);
      else
        g_string_append_printf (out, "*%s*", _("No notes from the room."));
      g_string_append (out, "\n\n");
    }
}

static void
write_votes (GString    *out,
             ApmmReport *report)
{
  guint counts[APMM_N_LEVELS];
  guint total = apmm_report_get_votes (report, counts);
  const char *header[] = { _("Level"), _("Votes"), NULL };

  append_heading (out, 2, _("The room's vote"));
  if (total == 0)
    {
      g_string_append_printf (out, "%s\n\n", _("The room did not vote."));
      return;
    }
  append_header (out, header);
  for (guint l = 0; l < APMM_N_LEVELS; l++)
    {
      g_autofree char *label = apmm_report_level_label (report, l);
      g_autofree char *count = g_strdup_printf ("%u", counts[l]);
      const char *row[] = { label, count, NULL };

      append_row (out, row);
    }
  g_string_append_c (out, '\n');
  g_string_append_printf (out, ngettext ("%u vote in all; counts only, never names.",
                                         "%u votes in all; counts only, never names.", total), total);
  g_string_append (out, "\n\n");
}

static void
write_gaps (GString    *out,
            ApmmReport *report)
{
  const char *header[] = { _("Rank"), _("Criterion"), _("Level"), _("Status"), _("Impact"),
                           _("Effort"), _("Owner"), _("Note"), _("Crosses the Failure Chasm"), NULL };
  g_autofree char *title = g_strdup_printf (_("Gaps to level %u"),
                                            apmm_assessment_get_target_level (apmm_report_get_assessment (report)));

  append_heading (out, 2, title);
  if (apmm_report_get_n_gaps (report) == 0)
    {
      g_string_append_printf (out, "%s\n\n", _("No gaps: every criterion up to the target level is met."));
      return;
    }
  append_header (out, header);
  for (guint i = 0; i < apmm_report_get_n_gaps (report); i++)
    {
      const ApmmReportGap *g = apmm_report_get_gap (report, i);
      g_autofree char *rank = g_strdup_printf ("%u", g->rank);
      g_autofree char *level = g_strdup_printf ("%u", g->criterion->level);
      const char *row[] = { rank, g->criterion->title, level, apmm_status_get_label (g->status),
                            apmm_report_impact_label (g->impact), apmm_report_impact_label (g->effort),
                            g->owner, g->note, apmm_report_chasm_text (g), NULL };

      append_row (out, row);
    }
  g_string_append_c (out, '\n');
}

static void
write_roadmap (GString    *out,
               ApmmReport *report)
{
  const char *header[] = { _("Action"), _("Owner"), _("Horizon"), _("Due"), _("Status"),
                           _("Success measure"), _("Closes"), NULL };

  append_heading (out, 2, _("Roadmap"));
  if (apmm_report_get_n_actions (report) == 0)
    g_string_append_printf (out, "%s\n\n", _("No actions yet."));
  else
    {
      append_header (out, header);
      for (guint i = 0; i < apmm_report_get_n_actions (report); i++)
        {
          const ApmmReportAction *a = apmm_report_get_action (report, i);
          g_autofree char *closes = apmm_report_closes_text (a);
          const char *row[] = { a->owner, apmm_horizon_get_label (a->horizon), a->due,
                                apmm_action_status_get_label (a->status), a->measure, closes, NULL };
          g_autofree char *title = apmm_report_clean_text (apmm_report_action_title (a), TRUE);

          /* The title in bold, on one line; the description after it. */
          g_strdelimit (title, "\n", ' ');
          g_string_append (out, "| **");
          append_inline (out, g_strstrip (title));
          g_string_append (out, "**");
          if (*a->description != '\0')
            {
              GString *cell = g_string_new (NULL);

              append_cell (cell, a->description);
              /* append_cell opened its own cell: keep its content only. */
              g_string_append (out, "<br>");
              g_string_append_len (out, cell->str + 2, cell->len - 3);
              g_string_free (cell, TRUE);
            }
          g_string_append_c (out, ' ');
          append_row (out, row);
        }
      g_string_append_c (out, '\n');
    }

  if (apmm_report_get_n_uncovered (report) > 0)
    {
      g_string_append_printf (out, "**%s**\n\n", _("Gaps without an action:"));
      for (guint i = 0; i < apmm_report_get_n_gaps (report); i++)
        {
          const ApmmReportGap *g = apmm_report_get_gap (report, i);

          if (g->covered)
            continue;
          g_string_append (out, "- ⚠ ");
          append_inline (out, g->criterion->title);
          g_string_append_printf (out, " (%u)\n", g->criterion->level);
        }
      g_string_append_c (out, '\n');
    }
}

static void
write_appendix (GString    *out,
                ApmmReport *report)
{
  ApmmModel *model = apmm_report_get_model (report);

  append_heading (out, 2, _("Appendix: the five levels"));
  for (guint l = 0; l < APMM_N_LEVELS; l++)
    {
      const ApmmLevel *level = apmm_model_get_level (model, l);
      g_autofree char *label = apmm_report_level_label (report, l);

      append_heading (out, 3, label);
      append_text (out, level->description);
      g_string_append (out, "\n\n");
      for (guint i = 0; level->signs[i] != NULL; i++)
        {
          g_string_append (out, "- ");
          append_inline (out, level->signs[i]);
          g_string_append_c (out, '\n');
        }
      g_string_append_printf (out, "\n**%s:** ", _("Risk"));
      append_inline (out, level->risk);
      g_string_append (out, "\n\n");
    }
}

GBytes *
apmm_report_to_markdown (ApmmReport *report)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (report != NULL, NULL);

  write_cover (out, report);
  write_verdict (out, report);
  write_since_baseline (out, report);
  write_evidence (out, report);
  write_votes (out, report);
  write_gaps (out, report);
  write_roadmap (out, report);
  write_appendix (out, report);
  return g_string_free_to_bytes (out);
}
