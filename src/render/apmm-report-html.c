/* apmm-report-html.c — the report as one self-contained HTML file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Styles are inline, the ladder is inline SVG, and a Content-Security-Policy
 * forbids scripts and every request: the file opens the same offline, in a
 * mail client's preview, or from a hostile folder. Every string from the
 * session is escaped and isolated (<bdi>), so a note can neither inject
 * markup nor reorder the page around it.
 */
#define G_LOG_DOMAIN "apmm-report-html"

#include "config.h"

#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <string.h>

#include "apmm-ladder-renderer.h"
#include "apmm-report-export.h"
#include "apmm-report-private.h"

static const char style[] =
  ":root{--ink:#1d2433;--muted:#5b6475;--accent:#1c4e80;--line:#d5dae3;--soft:#f3f5f8;"
  "--met:#2e7d32;--partly:#b26a00;--notmet:#b3261e;--unknown:#6b7280}"
  "*{box-sizing:border-box}"
  "body{margin:0;background:#e9ecf1;color:var(--ink);font:15px/1.55 'Cantarell','Noto Sans','DejaVu Sans',sans-serif}"
  "main{max-width:1040px;margin:24px auto;background:#fff;padding:56px 64px;box-shadow:0 1px 4px rgba(0,0,0,.12)}"
  "h1{font-size:34px;line-height:1.2;margin:0 0 8px;color:var(--accent)}"
  "h2{font-size:24px;margin:48px 0 12px;padding-bottom:6px;border-bottom:2px solid var(--accent);color:var(--accent)}"
  "h3{font-size:18px;margin:28px 0 8px}"
  ".cover{padding:48px 0 32px;border-bottom:6px solid var(--accent)}"
  ".kicker{text-transform:uppercase;letter-spacing:.12em;color:var(--muted);font-size:13px;margin:0 0 24px}"
  ".cover dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 20px;margin:24px 0 0}"
  ".cover dt{color:var(--muted)}.cover dd{margin:0}"
  ".anon{display:inline-block;margin-top:16px;padding:2px 10px;border:1px solid var(--muted);border-radius:12px;font-size:13px}"
  ".headline{font-size:22px;font-weight:700;margin:8px 0}"
  ".warning{border-left:4px solid var(--partly);background:#fff6e5;padding:10px 14px;margin:12px 0}"
  ".facts{padding-left:20px}"
  ".ladder{margin:16px 0;border:1px solid var(--line)}.ladder svg{display:block;width:100%;height:auto}"
  ".entry{border:1px solid var(--line);border-radius:6px;padding:12px 16px;margin:8px 0}"
  ".entry b{color:var(--accent)}.why{color:var(--muted);font-style:italic}"
  "table{width:100%;border-collapse:collapse;margin:8px 0 16px;font-size:13.5px}"
  "table.fixed{table-layout:fixed}"
  "th{background:var(--accent);color:#fff;text-align:left;font-weight:600;padding:6px 8px}"
  "td{padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top;overflow-wrap:break-word;word-break:normal}"
  "tbody tr:nth-child(even) td{background:var(--soft)}"
  ".num{text-align:right;white-space:nowrap}"
  ".status{font-weight:600;white-space:nowrap}"
  ".s-met{color:var(--met)}.s-partly{color:var(--partly)}.s-not-met{color:var(--notmet)}.s-unknown{color:var(--unknown)}"
  ".chasm{color:var(--notmet);font-weight:600}"
  ".bar{display:inline-block;height:10px;background:var(--accent);border-radius:2px;vertical-align:middle;margin-right:8px}"
  ".prompt{margin:12px 0}.question{color:var(--muted);font-style:italic}"
  ".uncovered li{color:var(--notmet)}"
  ".level{break-inside:avoid}.risk{color:var(--muted)}"
  "footer{margin-top:48px;color:var(--muted);font-size:12px;border-top:1px solid var(--line);padding-top:8px}"
  "@media print{"
  "@page{margin:16mm 14mm}"
  "body{background:#fff;font-size:10.5pt}"
  "main{max-width:none;margin:0;padding:0;box-shadow:none}"
  ".cover{break-after:page;padding-top:30%}"
  "h2{break-before:page;break-after:avoid}h3{break-after:avoid}"
  "thead{display:table-header-group}tr{break-inside:avoid}"
  "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
  "}";

/* Escaped for text and attribute values alike; controls removed (they are
 * not allowed in HTML), newlines kept as <br> where @lines. */
static void
append_escaped (GString    *out,
                const char *text,
                gboolean    lines)
{
  g_autofree char *clean = apmm_report_clean_text (text, FALSE);

  for (const char *p = clean; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&#39;"); break;
        case '\n': g_string_append (out, lines ? "<br>" : " "); break;
        default: g_string_append_c (out, *p);
        }
    }
}

/* A string from the session: escaped and isolated. */
static void
append_user (GString    *out,
             const char *text)
{
  g_string_append (out, "<bdi>");
  append_escaped (out, text, TRUE);
  g_string_append (out, "</bdi>");
}

static void
append_tag (GString    *out,
            const char *tag,
            const char *text)
{
  g_string_append_printf (out, "<%s>", tag);
  append_escaped (out, text, FALSE);
  /* The closing tag is the name alone, without the attributes. */
  g_string_append_printf (out, "</%.*s>\n", (int) strcspn (tag, " "), tag);
}

static void
append_status (GString    *out,
               ApmmStatus  status)
{
  g_string_append_printf (out, "<td class=\"status s-%s\">", apmm_status_to_string (status));
  append_escaped (out, apmm_status_get_label (status), FALSE);
  g_string_append (out, "</td>");
}

/* @widths: percentages of the columns, so the tables of one kind line up; or NULL. */
static void
append_th_row (GString            *out,
               const char * const *cells,
               const guint        *widths)
{
  if (widths != NULL)
    {
      g_string_append (out, "<table class=\"fixed\">\n<colgroup>");
      for (guint i = 0; cells[i] != NULL; i++)
        g_string_append_printf (out, "<col style=\"width:%u%%\">", widths[i]);
      g_string_append (out, "</colgroup>\n<thead><tr>");
    }
  else
    g_string_append (out, "<table>\n<thead><tr>");
  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_string_append (out, "<th>");
      append_escaped (out, cells[i], FALSE);
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr></thead>\n<tbody>\n");
}

static void
append_td (GString    *out,
           const char *text,
           gboolean    user)
{
  g_string_append (out, "<td>");
  if (user)
    append_user (out, text);
  else
    append_escaped (out, text, FALSE);
  g_string_append (out, "</td>");
}

static void
write_cover (GString    *out,
             ApmmReport *report)
{
  struct { const char *label; const char *value; } rows[] = {
    { _("Workshop"), apmm_report_get_title (report) },
    { _("Date"), apmm_report_get_date (report) },
    { _("Facilitator"), apmm_report_get_facilitator (report) },
  };

  g_string_append (out, "<section class=\"cover\">\n<p class=\"kicker\">");
  append_escaped (out, _("AI Production Maturity Assessment"), FALSE);
  g_string_append (out, "</p>\n<h1>");
  append_user (out, *apmm_report_get_organisation (report) != '\0'
                    ? apmm_report_get_organisation (report) : apmm_report_get_title (report));
  g_string_append (out, "</h1>\n<dl>\n");
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (*rows[i].value == '\0')
        continue;
      append_tag (out, "dt", rows[i].label);
      g_string_append (out, "<dd>");
      append_user (out, rows[i].value);
      g_string_append (out, "</dd>\n");
    }
  g_string_append (out, "</dl>\n");
  if (apmm_report_get_anonymised (report))
    {
      g_string_append (out, "<p class=\"anon\">");
      append_escaped (out, _("Anonymised: participants are numbered, not named."), FALSE);
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "</section>\n");
}

static void
write_ladder (GString    *out,
              ApmmReport *report)
{
  g_autofree char *svg = apmm_report_ladder_svg (report, 960, 540);
  const char *start = svg ? strstr (svg, "<svg") : NULL;
  g_autofree char *description = NULL;
  ApmmLadderState state;

  if (start == NULL)
    return;
  apmm_ladder_state_init (&state, apmm_report_get_session (report), apmm_report_get_model (report),
                          apmm_report_get_assessment (report));
  description = apmm_ladder_state_describe (&state);
  g_string_append (out, "<figure class=\"ladder\" role=\"img\" aria-label=\"");
  append_escaped (out, description, FALSE);
  g_string_append (out, "\">\n");
  g_string_append (out, start);
  g_string_append (out, "</figure>\n");
}

static void
write_verdict (GString    *out,
               ApmmReport *report)
{
  guint n = apmm_report_get_n_entry_points (report);

  g_string_append (out, "<section>\n");
  append_tag (out, "h2", _("Verdict"));
  append_tag (out, "p class=\"headline\"", apmm_report_get_headline (report));
  if (apmm_report_get_inconclusive_text (report) != NULL)
    append_tag (out, "p class=\"warning\"", apmm_report_get_inconclusive_text (report));
  g_string_append (out, "<ul class=\"facts\">\n");
  append_tag (out, "li", apmm_report_get_perceived_text (report));
  if (*apmm_report_get_estimation_text (report) != '\0')
    append_tag (out, "li", apmm_report_get_estimation_text (report));
  append_tag (out, "li", apmm_report_get_progress_text (report));
  append_tag (out, "li", apmm_report_get_target_text (report));
  g_string_append (out, "</ul>\n");
  write_ladder (out, report);

  append_tag (out, "h3", ngettext ("Recommended entry point", "Recommended entry points", n));
  for (guint i = 0; i < n; i++)
    {
      const ApmmReportEntryPoint *ep = apmm_report_get_entry_point (report, i);

      g_string_append (out, "<div class=\"entry\"><b>");
      append_escaped (out, ep->heading, FALSE);
      g_string_append (out, "</b><br>");
      append_escaped (out, ep->entry_point->description, FALSE);
      g_string_append (out, "<br><span class=\"why\">");
      append_escaped (out, ep->why, FALSE);
      g_string_append (out, "</span></div>\n");
    }
  if (*apmm_report_get_notes (report) != '\0')
    {
      append_tag (out, "h3", _("Notes from the workshop"));
      g_string_append (out, "<p>");
      append_user (out, apmm_report_get_notes (report));
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "</section>\n");
}

/* The lines hold titles of the session's actions: written as its strings. */
static void
write_since_baseline (GString    *out,
                      ApmmReport *report)
{
  const char * const *lines = apmm_report_get_since_baseline (report);

  if (lines == NULL)
    return;
  g_string_append (out, "<section>\n");
  append_tag (out, "h2", _("Since the baseline"));
  g_string_append (out, "<ul class=\"facts\">\n");
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_string_append (out, "<li>");
      append_user (out, lines[i]);
      g_string_append (out, "</li>\n");
    }
  g_string_append (out, "</ul>\n</section>\n");
}

static void
write_evidence (GString    *out,
                ApmmReport *report)
{
  const char *header[] = { _("Criterion"), _("Status"), _("Evidence"), _("Confirmed by"), NULL };

  g_string_append (out, "<section>\n");
  append_tag (out, "h2", _("Evidence"));
  for (guint l = 1; l < APMM_N_LEVELS; l++)
    {
      g_autofree char *label = apmm_report_level_label (report, l);

      static const guint widths[] = { 22, 10, 48, 20 };

      append_tag (out, "h3", label);
      append_th_row (out, header, widths);
      for (guint i = 0; i < apmm_report_get_n_criteria (report, l); i++)
        {
          const ApmmReportCriterion *c = apmm_report_get_criterion (report, l, i);
          g_autofree char *confirmed = apmm_report_confirmed_text (c);

          g_string_append (out, "<tr>");
          append_td (out, c->criterion->title, FALSE);
          append_status (out, c->status);
          append_td (out, c->note, TRUE);
          append_td (out, confirmed, TRUE);
          g_string_append (out, "</tr>\n");
        }
      g_string_append (out, "</tbody></table>\n");
    }

  append_tag (out, "h3", _("The three prompts"));
  for (guint i = 0; i < apmm_report_get_n_prompts (report); i++)
    {
      const ApmmReportPrompt *p = apmm_report_get_prompt (report, i);

      g_string_append (out, "<div class=\"prompt\">");
      append_tag (out, "b", p->prompt->title);
      append_tag (out, "div class=\"question\"", p->prompt->question);
      g_string_append (out, "<p>");
      if (*p->notes != '\0')
        append_user (out, p->notes);
      else
        append_escaped (out, _("No notes from the room."), FALSE);
      g_string_append (out, "</p></div>\n");
    }
  g_string_append (out, "</section>\n");
}

static void
write_votes (GString    *out,
             ApmmReport *report)
{
  guint counts[APMM_N_LEVELS];
  guint total = apmm_report_get_votes (report, counts);
  guint most = 1;
  const char *header[] = { _("Level"), _("Votes"), NULL };
  g_autofree char *summary = NULL;

  g_string_append (out, "<section>\n");
  append_tag (out, "h2", _("The room's vote"));
  if (total == 0)
    {
      append_tag (out, "p", _("The room did not vote."));
      g_string_append (out, "</section>\n");
      return;
    }
  for (guint l = 0; l < APMM_N_LEVELS; l++)
    most = MAX (most, counts[l]);
  append_th_row (out, header, NULL);
  for (guint l = 0; l < APMM_N_LEVELS; l++)
    {
      g_autofree char *label = apmm_report_level_label (report, l);

      g_string_append (out, "<tr>");
      append_td (out, label, FALSE);
      g_string_append_printf (out, "<td><span class=\"bar\" style=\"width:%upx\"></span>%u</td></tr>\n",
                              counts[l] * 240 / most, counts[l]);
    }
  g_string_append (out, "</tbody></table>\n");
  summary = g_strdup_printf (ngettext ("%u vote in all; counts only, never names.",
                                       "%u votes in all; counts only, never names.", total), total);
  append_tag (out, "p", summary);
  g_string_append (out, "</section>\n");
}

static void
write_gaps (GString    *out,
            ApmmReport *report)
{
  const char *header[] = { _("Rank"), _("Criterion"), _("Level"), _("Status"), _("Impact"),
                           _("Effort"), _("Owner"), _("Note"), _("Crosses the Failure Chasm"), NULL };
  g_autofree char *title = g_strdup_printf (_("Gaps to level %u"),
                                            apmm_assessment_get_target_level (apmm_report_get_assessment (report)));

  g_string_append (out, "<section>\n");
  append_tag (out, "h2", title);
  if (apmm_report_get_n_gaps (report) == 0)
    append_tag (out, "p", _("No gaps: every criterion up to the target level is met."));
  else
    {
      static const guint widths[] = { 5, 17, 6, 9, 8, 8, 13, 24, 10 };

      append_th_row (out, header, widths);
      for (guint i = 0; i < apmm_report_get_n_gaps (report); i++)
        {
          const ApmmReportGap *g = apmm_report_get_gap (report, i);

          g_string_append_printf (out, "<tr><td class=\"num\">%u</td>", g->rank);
          append_td (out, g->criterion->title, FALSE);
          g_string_append_printf (out, "<td class=\"num\">%u</td>", g->criterion->level);
          append_status (out, g->status);
          append_td (out, apmm_report_impact_label (g->impact), FALSE);
          append_td (out, apmm_report_impact_label (g->effort), FALSE);
          append_td (out, g->owner, TRUE);
          append_td (out, g->note, TRUE);
          g_string_append (out, "<td class=\"chasm\">");
          append_escaped (out, apmm_report_chasm_text (g), FALSE);
          g_string_append (out, "</td></tr>\n");
        }
      g_string_append (out, "</tbody></table>\n");
    }
  g_string_append (out, "</section>\n");
}

static void
write_roadmap (GString    *out,
               ApmmReport *report)
{
  const char *header[] = { _("Action"), _("Owner"), _("Horizon"), _("Due"), _("Status"),
                           _("Success measure"), _("Closes"), NULL };

  g_string_append (out, "<section>\n");
  append_tag (out, "h2", _("Roadmap"));
  if (apmm_report_get_n_actions (report) == 0)
    append_tag (out, "p", _("No actions yet."));
  else
    {
      static const guint widths[] = { 27, 13, 11, 11, 10, 15, 13 };

      append_th_row (out, header, widths);
      for (guint i = 0; i < apmm_report_get_n_actions (report); i++)
        {
          const ApmmReportAction *a = apmm_report_get_action (report, i);
          g_autofree char *closes = apmm_report_closes_text (a);

          g_string_append (out, "<tr><td><b>");
          append_user (out, apmm_report_action_title (a));
          g_string_append (out, "</b>");
          if (*a->description != '\0')
            {
              g_string_append (out, "<br>");
              append_user (out, a->description);
            }
          g_string_append (out, "</td>");
          append_td (out, a->owner, TRUE);
          append_td (out, apmm_horizon_get_label (a->horizon), FALSE);
          append_td (out, a->due, TRUE);
          append_td (out, apmm_action_status_get_label (a->status), FALSE);
          append_td (out, a->measure, TRUE);
          append_td (out, closes, FALSE);
          g_string_append (out, "</tr>\n");
        }
      g_string_append (out, "</tbody></table>\n");
    }
  if (apmm_report_get_n_uncovered (report) > 0)
    {
      append_tag (out, "h3", _("Gaps without an action:"));
      g_string_append (out, "<ul class=\"uncovered\">\n");
      for (guint i = 0; i < apmm_report_get_n_gaps (report); i++)
        {
          const ApmmReportGap *g = apmm_report_get_gap (report, i);
          g_autofree char *line = NULL;

          if (g->covered)
            continue;
          line = g_strdup_printf ("⚠ %s (%u)", g->criterion->title, g->criterion->level);
          append_tag (out, "li", line);
        }
      g_string_append (out, "</ul>\n");
    }
  g_string_append (out, "</section>\n");
}

static void
write_appendix (GString    *out,
                ApmmReport *report)
{
  ApmmModel *model = apmm_report_get_model (report);

  g_string_append (out, "<section>\n");
  append_tag (out, "h2", _("Appendix: the five levels"));
  for (guint l = 0; l < APMM_N_LEVELS; l++)
    {
      const ApmmLevel *level = apmm_model_get_level (model, l);
      g_autofree char *label = apmm_report_level_label (report, l);

      g_string_append (out, "<div class=\"level\">\n");
      append_tag (out, "h3", label);
      append_tag (out, "p", level->description);
      g_string_append (out, "<ul>\n");
      for (guint i = 0; level->signs[i] != NULL; i++)
        append_tag (out, "li", level->signs[i]);
      g_string_append (out, "</ul>\n<p class=\"risk\"><b>");
      append_escaped (out, _("Risk"), FALSE);
      g_string_append (out, ":</b> ");
      append_escaped (out, level->risk, FALSE);
      g_string_append (out, "</p>\n</div>\n");
    }
  g_string_append (out, "</section>\n");
}

GBytes *
apmm_report_to_html (ApmmReport *report)
{
  GString *out = g_string_new (NULL);
  const char *organisation;
  const char *lang;

  g_return_val_if_fail (report != NULL, NULL);

  organisation = apmm_report_get_organisation (report);
  /* Translators: the language of the report, as an HTML lang attribute. */
  lang = C_("html lang", "en");
  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"");
  append_escaped (out, lang, FALSE);
  g_string_append (out, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                        "style-src 'unsafe-inline'; img-src data:; script-src 'none'; "
                        "form-action 'none'; base-uri 'none'\">\n"
                        "<meta name=\"referrer\" content=\"no-referrer\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                        "<meta name=\"generator\" content=\"APMM Workshop " PACKAGE_VERSION "\">\n<title>");
  if (*organisation != '\0')
    {
      append_escaped (out, organisation, FALSE);
      g_string_append (out, " — ");
    }
  append_escaped (out, apmm_report_get_title (report), FALSE);
  g_string_append_printf (out, "</title>\n<style>%s</style>\n</head>\n<body>\n<main>\n", style);

  write_cover (out, report);
  write_verdict (out, report);
  write_since_baseline (out, report);
  write_evidence (out, report);
  write_votes (out, report);
  write_gaps (out, report);
  write_roadmap (out, report);
  write_appendix (out, report);

  g_string_append (out, "<footer>");
  append_escaped (out, _("Written with APMM Workshop from the session's evidence."), FALSE);
  g_string_append (out, "</footer>\n</main>\n</body>\n</html>\n");
  return g_string_free_to_bytes (out);
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Drops the namespace declarations of the root: inline SVG in HTML needs
 * none, and the file then names no URL at all. */
static char *
strip_namespaces (const char *svg)
{
  g_autoptr(GRegex) re = g_regex_new ("\\s+xmlns(:xlink)?=\"[^\"]*\"", 0, 0, NULL);

  return g_regex_replace_literal (re, svg, -1, 0, "", 0, NULL);
}

char *
apmm_report_ladder_svg (ApmmReport *report,
                        int         width,
                        int         height)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  ApmmLadderState state;
  cairo_status_t status;

  g_return_val_if_fail (report != NULL, NULL);

  surface = cairo_svg_surface_create_for_stream (append_cb, data, width, height);
  cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  cr = cairo_create (surface);
  apmm_ladder_state_init (&state, apmm_report_get_session (report), apmm_report_get_model (report),
                          apmm_report_get_assessment (report));
  apmm_ladder_render (cr, &state, APMM_LADDER_PALETTE_LIGHT, width, height);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    return NULL;
  g_byte_array_append (data, (const guint8 *) "", 1);
  return strip_namespaces ((const char *) data->data);
}
