/* apmm-report-pdf.c — the report laid out in pages with pango, drawn with cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report becomes a flow of rows — headings, paragraphs, table rows, the
 * ladder — each made of pango layouts measured once. Paging places the rows
 * top to bottom: a heading stays with what follows it, a table repeats its
 * header on every page it runs over, rows break between rows, and a row too
 * tall for what is left of a page (a 10 KB note) breaks between its lines.
 * Drawing a page only draws what paging placed there, so the PDF and
 * GtkPrintOperation draw the same pages.
 */
#define G_LOG_DOMAIN "apmm-report-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "apmm-ladder-renderer.h"
#include "apmm-report-export.h"
#include "apmm-report-private.h"

#define MARGIN_X        56.0
#define MARGIN_TOP      78.0
#define MARGIN_BOTTOM   66.0
#define CELL_PAD_X       5.0
#define CELL_PAD_Y       4.0
#define FONT_FAMILY     "Sans"
/* A row up to this share of the page's body moves to the next page whole
 * rather than break between its lines. */
#define SPLIT_FRACTION   0.4

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

typedef struct { double r, g, b; } Colour;

static const Colour ink = RGB (0x1d2433);
static const Colour muted = RGB (0x5b6475);
static const Colour accent = RGB (0x1c4e80);
static const Colour line_colour = RGB (0xd5dae3);
static const Colour soft = RGB (0xf3f5f8);
static const Colour warning_bg = RGB (0xfff6e5);
static const Colour white = RGB (0xffffff);

typedef enum {
  ROW_TEXT,
  ROW_TABLE,
  ROW_LADDER,
  ROW_BREAK,
} RowKind;

typedef struct {
  PangoLayout *layout;        /* NULL for an empty cell */
  guint        n_lines;
  double      *tops;          /* each line's top and bottom, in points */
  double      *bottoms;
  double       x;
  double       width;
  Colour       colour;
} Cell;

typedef struct _Row Row;

typedef struct {
  guint   n_cols;
  double *x;
  double *widths;
  Row    *header;
} Table;

struct _Row {
  RowKind   kind;
  Cell     *cells;
  guint     n_cells;
  Table    *table;             /* for ROW_TABLE */
  double    pad_y;
  double    space_before;
  gboolean  keep_with_next;
  gboolean  has_bg;
  Colour    bg;
  gboolean  rule_below;        /* a heading's underline, a table row's divider */
  char     *section;           /* a section heading's title, for the contents */
  Colour    rule;
  double    rule_width;
  double    height;            /* whole, with padding */
};

typedef struct {
  Row    *row;
  double  y;
  double  height;
  guint  *start;               /* per cell, the first line drawn */
  guint  *end;                 /* per cell, one past the last */
} Placement;

struct _ApmmReportPages
{
  ApmmReport   *report;
  double        width;
  double        height;
  PangoContext *context;
  GPtrArray    *rows;          /* Row */
  GPtrArray    *tables;        /* Table */
  GPtrArray    *pages;         /* GPtrArray of Placement; page 0 is the cover */
  char         *header_left;
  char         *header_right;
  GPtrArray    *contents;      /* Row of each section heading, in order */
  GArray       *contents_pages; /* guint: the page each starts on */
};

/* ---- Layouts ------------------------------------------------------------ */

/* Lines break without inserting hyphens: the text extracts as it was written. */
static void
add_no_hyphens (PangoAttrList *attrs)
{
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
}

static PangoLayout *
new_layout (ApmmReportPages *self,
            const char      *font,
            double           width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  add_no_hyphens (attrs);
  pango_layout_set_attributes (layout, attrs);
  return layout;
}

/* Rich text: segments appended with their own attributes. */
typedef struct {
  GString       *text;
  PangoAttrList *attrs;
} Rich;

static void
rich_init (Rich *rich)
{
  rich->text = g_string_new (NULL);
  rich->attrs = pango_attr_list_new ();
}

static void
rich_add (Rich        *rich,
          const char  *text,
          PangoWeight  weight,
          PangoStyle   style,
          const Colour *colour)
{
  g_autofree char *clean = apmm_report_clean_text (text, FALSE);
  guint start = rich->text->len;
  PangoAttribute *attr;

  g_string_append (rich->text, clean);
  if (weight != PANGO_WEIGHT_NORMAL)
    {
      attr = pango_attr_weight_new (weight);
      attr->start_index = start;
      attr->end_index = rich->text->len;
      pango_attr_list_insert (rich->attrs, attr);
    }
  if (style != PANGO_STYLE_NORMAL)
    {
      attr = pango_attr_style_new (style);
      attr->start_index = start;
      attr->end_index = rich->text->len;
      pango_attr_list_insert (rich->attrs, attr);
    }
  if (colour != NULL)
    {
      attr = pango_attr_foreground_new (colour->r * 65535, colour->g * 65535, colour->b * 65535);
      attr->start_index = start;
      attr->end_index = rich->text->len;
      pango_attr_list_insert (rich->attrs, attr);
    }
}

/* Measures every line once: paging and drawing only read these numbers. */
static void
cell_measure (Cell *cell)
{
  PangoLayoutIter *iter;
  guint i = 0;

  g_clear_pointer (&cell->tops, g_free);
  g_clear_pointer (&cell->bottoms, g_free);
  if (cell->layout == NULL)
    return;
  cell->n_lines = pango_layout_get_line_count (cell->layout);
  cell->tops = g_new0 (double, cell->n_lines);
  cell->bottoms = g_new0 (double, cell->n_lines);
  iter = pango_layout_get_iter (cell->layout);
  do
    {
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      cell->tops[i] = (double) y0 / PANGO_SCALE;
      cell->bottoms[i] = (double) y1 / PANGO_SCALE;
      i++;
    }
  while (i < cell->n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static double
cell_height (const Cell *cell,
             guint       start,
             guint       end)
{
  if (cell->layout == NULL || end <= start)
    return 0;
  return cell->bottoms[end - 1] - cell->tops[start];
}

static void
row_measure (Row *row)
{
  double h = 0;

  for (guint i = 0; i < row->n_cells; i++)
    {
      cell_measure (&row->cells[i]);
      h = MAX (h, cell_height (&row->cells[i], 0, row->cells[i].n_lines));
    }
  if (row->kind != ROW_LADDER)
    row->height = h + 2 * row->pad_y;
}

static void
row_free (Row *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    {
      g_clear_object (&row->cells[i].layout);
      g_free (row->cells[i].tops);
      g_free (row->cells[i].bottoms);
    }
  g_free (row->cells);
  g_free (row->section);
  g_free (row);
}

static void
table_free (Table *table)
{
  g_free (table->x);
  g_free (table->widths);
  if (table->header != NULL)
    row_free (table->header);
  g_free (table);
}

/* ---- Building the flow -------------------------------------------------- */

static double
body_width (ApmmReportPages *self)
{
  return self->width - 2 * MARGIN_X;
}

static Row *
row_new (RowKind kind,
         guint   n_cells)
{
  Row *row = g_new0 (Row, 1);

  row->kind = kind;
  row->n_cells = n_cells;
  row->cells = g_new0 (Cell, n_cells);
  for (guint i = 0; i < n_cells; i++)
    row->cells[i].colour = ink;
  return row;
}

static Row *
add_rich (ApmmReportPages *self,
          Rich            *rich,
          const char      *font,
          double           space_before)
{
  Row *row = row_new (ROW_TEXT, 1);

  row->cells[0].layout = new_layout (self, font, body_width (self));
  row->cells[0].x = MARGIN_X;
  row->cells[0].width = body_width (self);
  pango_layout_set_text (row->cells[0].layout, rich->text->str, rich->text->len);
  add_no_hyphens (rich->attrs);
  pango_layout_set_attributes (row->cells[0].layout, rich->attrs);
  g_string_free (rich->text, TRUE);
  pango_attr_list_unref (rich->attrs);
  row->space_before = space_before;
  row_measure (row);
  g_ptr_array_add (self->rows, row);
  return row;
}

static Row *
add_paragraph (ApmmReportPages *self,
               const char      *text,
               const char      *font,
               const Colour    *colour,
               double           space_before)
{
  Rich rich;

  rich_init (&rich);
  rich_add (&rich, text, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, colour);
  return add_rich (self, &rich, font, space_before);
}

/* A bullet with its text indented after it, wrapped lines included. */
static void
add_bullet (ApmmReportPages *self,
            const char      *text)
{
  Row *row = row_new (ROW_TEXT, 2);
  g_autofree char *clean = apmm_report_clean_text (text, FALSE);
  const double indent = 12;

  row->cells[0].layout = new_layout (self, FONT_FAMILY " 9.5", indent);
  row->cells[0].x = MARGIN_X;
  row->cells[0].width = indent;
  pango_layout_set_text (row->cells[0].layout, "•", -1);
  row->cells[1].layout = new_layout (self, FONT_FAMILY " 9.5", body_width (self) - indent);
  row->cells[1].x = MARGIN_X + indent;
  row->cells[1].width = body_width (self) - indent;
  pango_layout_set_text (row->cells[1].layout, clean, -1);
  row->space_before = 2;
  row_measure (row);
  g_ptr_array_add (self->rows, row);
}

static void
add_heading (ApmmReportPages *self,
             guint            depth,
             const char      *text)
{
  Row *row = add_paragraph (self, text, depth == 1 ? FONT_FAMILY " Bold 18" : FONT_FAMILY " Bold 12.5",
                            &accent, depth == 1 ? 22 : 14);

  row->keep_with_next = TRUE;
  if (depth == 1)
    {
      row->section = g_strdup (text);
      row->rule_below = TRUE;
      row->rule = accent;
      row->rule_width = 1.5;
      row->pad_y = 3;
      row->height += 2 * row->pad_y + 8;
    }
}

static void
add_break (ApmmReportPages *self)
{
  g_ptr_array_add (self->rows, row_new (ROW_BREAK, 0));
}

/* A table whose columns get @weights of the body's width. */
static Table *
table_new (ApmmReportPages    *self,
           const double       *weights,
           const char * const *header)
{
  Table *table = g_new0 (Table, 1);
  double total = 0, x = MARGIN_X;

  while (header[table->n_cols] != NULL)
    table->n_cols++;
  table->x = g_new0 (double, table->n_cols);
  table->widths = g_new0 (double, table->n_cols);
  for (guint i = 0; i < table->n_cols; i++)
    total += weights[i];
  for (guint i = 0; i < table->n_cols; i++)
    {
      table->x[i] = x;
      table->widths[i] = body_width (self) * weights[i] / total;
      x += table->widths[i];
    }

  table->header = row_new (ROW_TABLE, table->n_cols);
  table->header->table = table;
  table->header->pad_y = CELL_PAD_Y;
  table->header->has_bg = TRUE;
  table->header->bg = accent;
  for (guint i = 0; i < table->n_cols; i++)
    {
      Cell *cell = &table->header->cells[i];

      cell->x = table->x[i] + CELL_PAD_X;
      cell->width = table->widths[i] - 2 * CELL_PAD_X;
      cell->layout = new_layout (self, FONT_FAMILY " Bold 8.5", cell->width);
      cell->colour = white;
      pango_layout_set_text (cell->layout, header[i], -1);
    }
  row_measure (table->header);
  g_ptr_array_add (self->tables, table);
  return table;
}

/* @colours may be NULL; user text is set as plain text, never as markup. */
static void
table_add_row (ApmmReportPages    *self,
               Table              *table,
               const char * const *texts,
               const Colour      **colours)
{
  Row *row = row_new (ROW_TABLE, table->n_cols);
  guint n_rows = 0;

  for (guint i = 0; i < self->rows->len; i++)
    n_rows += ((Row *) self->rows->pdata[i])->table == table;
  row->table = table;
  row->pad_y = CELL_PAD_Y;
  row->rule_below = TRUE;
  row->rule = line_colour;
  row->rule_width = 0.5;
  if (n_rows % 2 == 1)
    {
      row->has_bg = TRUE;
      row->bg = soft;
    }
  for (guint i = 0; i < table->n_cols; i++)
    {
      Cell *cell = &row->cells[i];
      g_autofree char *clean = apmm_report_clean_text (texts[i], FALSE);

      cell->x = table->x[i] + CELL_PAD_X;
      cell->width = table->widths[i] - 2 * CELL_PAD_X;
      if (colours != NULL && colours[i] != NULL)
        cell->colour = *colours[i];
      if (*clean == '\0')
        continue;
      cell->layout = new_layout (self, FONT_FAMILY " 8.5", cell->width);
      pango_layout_set_text (cell->layout, clean, -1);
    }
  row_measure (row);
  g_ptr_array_add (self->rows, row);
}

static const Colour *
status_colour (ApmmStatus status)
{
  static const Colour met = RGB (0x2e7d32), partly = RGB (0xb26a00),
                      not_met = RGB (0xb3261e), unknown = RGB (0x6b7280);

  switch (status)
    {
    case APMM_STATUS_MET: return &met;
    case APMM_STATUS_PARTLY: return &partly;
    case APMM_STATUS_NOT_MET: return &not_met;
    case APMM_STATUS_UNKNOWN:
    default: return &unknown;
    }
}

static void
build_verdict (ApmmReportPages *self)
{
  ApmmReport *report = self->report;
  guint n = apmm_report_get_n_entry_points (report);
  Row *row;

  add_heading (self, 1, _("Verdict"));
  add_paragraph (self, apmm_report_get_headline (report), FONT_FAMILY " Bold 15", &ink, 4);
  if (apmm_report_get_inconclusive_text (report) != NULL)
    {
      row = add_paragraph (self, apmm_report_get_inconclusive_text (report), FONT_FAMILY " Bold 10",
                           &ink, 8);
      row->has_bg = TRUE;
      row->bg = warning_bg;
      row->pad_y = 6;
      row->height += 12;
    }
  add_paragraph (self, apmm_report_get_perceived_text (report), FONT_FAMILY " 10", &ink, 8);
  if (*apmm_report_get_estimation_text (report) != '\0')
    add_paragraph (self, apmm_report_get_estimation_text (report), FONT_FAMILY " Bold 10", &ink, 2);
  add_paragraph (self, apmm_report_get_progress_text (report), FONT_FAMILY " 10", &ink, 2);
  add_paragraph (self, apmm_report_get_target_text (report), FONT_FAMILY " 10", &ink, 2);

  row = row_new (ROW_LADDER, 0);
  row->space_before = 10;
  /* The ladder's own 16:9, at which it shows every label. */
  row->height = body_width (self) * 540.0 / 960.0;
  g_ptr_array_add (self->rows, row);

  add_heading (self, 2, ngettext ("Recommended entry point", "Recommended entry points", n));
  for (guint i = 0; i < n; i++)
    {
      const ApmmReportEntryPoint *ep = apmm_report_get_entry_point (report, i);
      Rich rich;

      rich_init (&rich);
      rich_add (&rich, ep->heading, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, &accent);
      rich_add (&rich, " — ", PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, NULL);
      rich_add (&rich, ep->entry_point->description, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, NULL);
      rich_add (&rich, "\n", PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, NULL);
      rich_add (&rich, ep->why, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, &muted);
      add_rich (self, &rich, FONT_FAMILY " 9.5", 6);
    }
  if (*apmm_report_get_notes (report) != '\0')
    {
      add_heading (self, 2, _("Notes from the workshop"));
      add_paragraph (self, apmm_report_get_notes (report), FONT_FAMILY " 9.5", &ink, 2);
    }
}

/* Under the verdict, on its pages: a sub-heading and one bullet a line. */
static void
build_since_baseline (ApmmReportPages *self)
{
  const char * const *lines = apmm_report_get_since_baseline (self->report);

  if (lines == NULL)
    return;
  add_heading (self, 2, _("Since the baseline"));
  for (guint i = 0; lines[i] != NULL; i++)
    add_bullet (self, lines[i]);
}

static void
build_evidence (ApmmReportPages *self)
{
  ApmmReport *report = self->report;
  static const double weights[] = { 2.2, 0.9, 4.0, 1.7 };
  const char *header[] = { _("Criterion"), _("Status"), _("Evidence"), _("Confirmed by"), NULL };

  add_break (self);
  add_heading (self, 1, _("Evidence"));
  for (guint l = 1; l < APMM_N_LEVELS; l++)
    {
      g_autofree char *label = apmm_report_level_label (report, l);
      Table *table = table_new (self, weights, header);

      add_heading (self, 2, label);
      for (guint i = 0; i < apmm_report_get_n_criteria (report, l); i++)
        {
          const ApmmReportCriterion *c = apmm_report_get_criterion (report, l, i);
          g_autofree char *confirmed = apmm_report_confirmed_text (c);
          const char *texts[] = { c->criterion->title, apmm_status_get_label (c->status), c->note, confirmed };
          const Colour *colours[] = { NULL, status_colour (c->status), NULL, &muted };

          table_add_row (self, table, texts, colours);
        }
    }

  add_heading (self, 2, _("The three prompts"));
  for (guint i = 0; i < apmm_report_get_n_prompts (report); i++)
    {
      const ApmmReportPrompt *p = apmm_report_get_prompt (report, i);
      Rich rich;
      Row *row;

      rich_init (&rich);
      rich_add (&rich, p->prompt->title, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, &accent);
      rich_add (&rich, "\n", PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, NULL);
      rich_add (&rich, p->prompt->question, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, &muted);
      row = add_rich (self, &rich, FONT_FAMILY " 9.5", 8);
      row->keep_with_next = TRUE;
      add_paragraph (self, *p->notes != '\0' ? p->notes : _("No notes from the room."),
                     FONT_FAMILY " 9.5", &ink, 3);
    }
}

static void
build_votes (ApmmReportPages *self)
{
  ApmmReport *report = self->report;
  guint counts[APMM_N_LEVELS];
  guint total = apmm_report_get_votes (report, counts);
  static const double weights[] = { 3, 1, 4 };
  const char *header[] = { _("Level"), _("Votes"), "", NULL };
  g_autofree char *summary = NULL;
  Table *table;

  add_heading (self, 1, _("The room's vote"));
  if (total == 0)
    {
      add_paragraph (self, _("The room did not vote."), FONT_FAMILY " 10", &ink, 0);
      return;
    }
  table = table_new (self, weights, header);
  for (guint l = 0; l < APMM_N_LEVELS; l++)
    {
      g_autofree char *label = apmm_report_level_label (report, l);
      g_autofree char *count = g_strdup_printf ("%u", counts[l]);
      /* A bar of block characters: text, so it prints and extracts as it looks. */
      g_autoptr(GString) bar = g_string_new (NULL);
      const char *texts[4];

      for (guint k = 0; k < counts[l] && k < 40; k++)
        g_string_append (bar, "█");
      texts[0] = label;
      texts[1] = count;
      texts[2] = bar->str;
      texts[3] = NULL;
      table_add_row (self, table, texts, (const Colour *[]) { NULL, NULL, &accent });
    }
  summary = g_strdup_printf (ngettext ("%u vote in all; counts only, never names.",
                                       "%u votes in all; counts only, never names.", total), total);
  add_paragraph (self, summary, FONT_FAMILY " Italic 9", &muted, 4);
}

static void
build_gaps (ApmmReportPages *self)
{
  ApmmReport *report = self->report;
  /* Widths in points on A4, scaled to the paper: the short columns fit their words. */
  static const double weights[] = { 18, 86, 26, 48, 50, 50, 56, 105, 46 };
  const char *header[] = { "#", _("Criterion"), C_("short for level", "Lvl"), _("Status"), _("Impact"),
                           _("Effort"), _("Owner"), _("Note"), _("Chasm"), NULL };
  g_autofree char *title = g_strdup_printf (_("Gaps to level %u"),
                                            apmm_assessment_get_target_level (apmm_report_get_assessment (report)));
  static const Colour chasm = RGB (0xb3261e);
  Table *table;

  add_break (self);
  add_heading (self, 1, title);
  if (apmm_report_get_n_gaps (report) == 0)
    {
      add_paragraph (self, _("No gaps: every criterion up to the target level is met."),
                     FONT_FAMILY " 10", &ink, 0);
      return;
    }
  add_paragraph (self, _("Ranked by level, then impact, then effort, unless the facilitator reordered them. "
                         "“Chasm” marks the gaps that cross the Failure Chasm between AI that runs and AI that is reliable."),
                 FONT_FAMILY " 9", &muted, 6);
  table = table_new (self, weights, header);
  for (guint i = 0; i < apmm_report_get_n_gaps (report); i++)
    {
      const ApmmReportGap *g = apmm_report_get_gap (report, i);
      g_autofree char *rank = g_strdup_printf ("%u", g->rank);
      g_autofree char *level = g_strdup_printf ("%u", g->criterion->level);
      const char *texts[] = { rank, g->criterion->title, level, apmm_status_get_label (g->status),
                              apmm_report_impact_label (g->impact), apmm_report_impact_label (g->effort),
                              g->owner, g->note, apmm_report_chasm_text (g) };
      const Colour *colours[] = { NULL, NULL, NULL, status_colour (g->status), NULL, NULL, NULL, NULL, &chasm };

      table_add_row (self, table, texts, colours);
    }
}

/* The action's title, first in its cell, in bold. */
static void
embolden_start (Row   *row,
                gsize  length)
{
  PangoLayout *layout = row->cells[0].layout;
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  PangoAttribute *attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

  if (layout == NULL)
    return;
  attr->start_index = 0;
  attr->end_index = MIN (length, strlen (pango_layout_get_text (layout)));
  pango_attr_list_insert (attrs, attr);
  add_no_hyphens (attrs);
  pango_layout_set_attributes (layout, attrs);
  row_measure (row);
}

static void
build_roadmap (ApmmReportPages *self)
{
  ApmmReport *report = self->report;
  static const double weights[] = { 122, 62, 54, 56, 50, 79, 60 };
  const char *header[] = { _("Action"), _("Owner"), _("Horizon"), _("Due"), _("Status"),
                           _("Success measure"), _("Closes"), NULL };
  static const Colour alert = RGB (0xb3261e);

  add_heading (self, 1, _("Roadmap"));
  if (apmm_report_get_n_actions (report) == 0)
    add_paragraph (self, _("No actions yet."), FONT_FAMILY " 10", &ink, 0);
  else
    {
      Table *table = table_new (self, weights, header);

      for (guint i = 0; i < apmm_report_get_n_actions (report); i++)
        {
          const ApmmReportAction *a = apmm_report_get_action (report, i);
          g_autofree char *closes = apmm_report_closes_text (a);
          g_autofree char *what = *a->description != '\0'
            ? g_strdup_printf ("%s\n%s", apmm_report_action_title (a), a->description)
            : g_strdup (apmm_report_action_title (a));
          const char *texts[] = { what, a->owner, apmm_horizon_get_label (a->horizon), a->due,
                                  apmm_action_status_get_label (a->status), a->measure, closes };

          table_add_row (self, table, texts, NULL);
          embolden_start (self->rows->pdata[self->rows->len - 1], strlen (apmm_report_action_title (a)));
        }
    }
  if (apmm_report_get_n_uncovered (report) > 0)
    {
      add_heading (self, 2, _("Gaps without an action:"));
      for (guint i = 0; i < apmm_report_get_n_gaps (report); i++)
        {
          const ApmmReportGap *g = apmm_report_get_gap (report, i);
          g_autofree char *line = NULL;

          if (g->covered)
            continue;
          line = g_strdup_printf ("⚠ %s (%u)", g->criterion->title, g->criterion->level);
          add_paragraph (self, line, FONT_FAMILY " 9.5", &alert, 2);
        }
    }
}

static void
build_appendix (ApmmReportPages *self)
{
  ApmmModel *model = apmm_report_get_model (self->report);

  add_break (self);
  add_heading (self, 1, _("Appendix: the five levels"));
  for (guint l = 0; l < APMM_N_LEVELS; l++)
    {
      const ApmmLevel *level = apmm_model_get_level (model, l);
      g_autofree char *label = apmm_report_level_label (self->report, l);
      Rich rich;

      add_heading (self, 2, label);
      add_paragraph (self, level->description, FONT_FAMILY " Italic 9.5", &ink, 0);
      for (guint i = 0; level->signs[i] != NULL; i++)
        add_bullet (self, level->signs[i]);
      rich_init (&rich);
      rich_add (&rich, _("Risk"), PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, NULL);
      rich_add (&rich, ": ", PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, NULL);
      rich_add (&rich, level->risk, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, &muted);
      add_rich (self, &rich, FONT_FAMILY " 9.5", 4);
    }
}

/* ---- Paging ------------------------------------------------------------- */

typedef struct {
  ApmmReportPages *self;
  GPtrArray       *page;
  double           y;
  Table           *page_table;  /* the table whose header this page shows */
} Pager;

static double
body_bottom (ApmmReportPages *self)
{
  return self->height - MARGIN_BOTTOM;
}

static void
placement_free (Placement *p)
{
  g_free (p->start);
  g_free (p->end);
  g_free (p);
}

static void
pager_new_page (Pager *pager)
{
  pager->page = g_ptr_array_new_with_free_func ((GDestroyNotify) placement_free);
  g_ptr_array_add (pager->self->pages, pager->page);
  pager->y = MARGIN_TOP;
  pager->page_table = NULL;
}

static void
pager_place (Pager       *pager,
             Row         *row,
             const guint *start,
             const guint *end,
             double       height)
{
  Placement *p = g_new0 (Placement, 1);

  p->row = row;
  p->y = pager->y;
  p->height = height;
  p->start = g_memdup2 (start, sizeof (guint) * MAX (row->n_cells, 1));
  p->end = g_memdup2 (end, sizeof (guint) * MAX (row->n_cells, 1));
  g_ptr_array_add (pager->page, p);
  pager->y += height;
  if (row->section != NULL)
    {
      guint page = pager->self->pages->len;

      g_ptr_array_add (pager->self->contents, row);
      g_array_append_val (pager->self->contents_pages, page);
    }
}

static void
pager_place_whole (Pager *pager,
                   Row   *row)
{
  g_autofree guint *start = g_new0 (guint, MAX (row->n_cells, 1));
  g_autofree guint *end = g_new0 (guint, MAX (row->n_cells, 1));

  for (guint i = 0; i < row->n_cells; i++)
    end[i] = row->cells[i].n_lines;
  pager_place (pager, row, start, end, row->height);
}

/* How far the lines of @row from @start fit in @avail points: fills @end and
 * returns the fragment's height, 0 when no line fits. */
static double
fit_lines (Row         *row,
           const guint *start,
           double       avail,
           guint       *end)
{
  double inner = avail - 2 * row->pad_y;
  double h = 0;
  gboolean progress = FALSE;

  for (guint i = 0; i < row->n_cells; i++)
    {
      const Cell *cell = &row->cells[i];
      guint e = start[i];

      while (e < cell->n_lines && cell->bottoms[e] - cell->tops[start[i]] <= inner)
        e++;
      end[i] = e;
      progress |= e > start[i];
      h = MAX (h, cell_height (cell, start[i], e));
    }
  if (!progress)
    {
      /* A row of empty cells still takes its padding. */
      for (guint i = 0; i < row->n_cells; i++)
        if (start[i] < row->cells[i].n_lines)
          return 0;
    }
  return h + 2 * row->pad_y;
}

static gboolean
all_done (Row         *row,
          const guint *start)
{
  for (guint i = 0; i < row->n_cells; i++)
    if (start[i] < row->cells[i].n_lines)
      return FALSE;
  return TRUE;
}

/* What must come onto the page with a heading: the next row whole when
 * paging would not split it, else its first lines (and its table's header). */
static double
min_start (ApmmReportPages *self,
           Row             *next)
{
  double body = body_bottom (self) - MARGIN_TOP;
  double h = 0;

  if (next == NULL || next->kind == ROW_BREAK)
    return 0;
  if (next->kind == ROW_LADDER || next->height <= body * SPLIT_FRACTION)
    h = next->height;
  else
    for (guint i = 0; i < next->n_cells; i++)
      {
        const Cell *cell = &next->cells[i];

        h = MAX (h, cell_height (cell, 0, MIN (cell->n_lines, 2)) + 2 * next->pad_y);
      }
  h += next->space_before;
  if (next->table != NULL)
    h += next->table->header->height;
  return h;
}

static void
place_row (Pager *pager,
           Row   *row)
{
  ApmmReportPages *self = pager->self;
  double body = body_bottom (self) - MARGIN_TOP;
  g_autofree guint *start = g_new0 (guint, MAX (row->n_cells, 1));
  g_autofree guint *end = g_new0 (guint, MAX (row->n_cells, 1));

  if (pager->page->len > 0)
    pager->y += row->space_before;

  for (;;)
    {
      gboolean fresh = pager->page->len == 0;
      double header = row->table != NULL && pager->page_table != row->table ? row->table->header->height : 0;
      double avail = body_bottom (self) - pager->y - header;
      double whole, h;

      whole = fit_lines (row, start, G_MAXDOUBLE, end);
      if (row->kind == ROW_LADDER || (whole <= avail && all_done (row, end)))
        {
          if (row->kind != ROW_LADDER || row->height <= avail || fresh)
            {
              if (header > 0)
                {
                  pager_place_whole (pager, row->table->header);
                  pager->page_table = row->table;
                }
              if (row->kind == ROW_LADDER)
                pager_place_whole (pager, row);
              else
                pager_place (pager, row, start, end, whole);
              return;
            }
        }
      /* A row that would fit on a fresh page and is not worth splitting moves. */
      h = row->kind == ROW_LADDER ? 0 : fit_lines (row, start, avail, end);
      if (!fresh && (h == 0 || whole <= body * SPLIT_FRACTION))
        {
          pager_new_page (pager);
          continue;
        }
      if (h == 0)
        {
          /* Not even one line fits on an empty page: place what there is. */
          fit_lines (row, start, G_MAXDOUBLE, end);
          h = whole;
        }
      if (header > 0)
        {
          pager_place_whole (pager, row->table->header);
          pager->page_table = row->table;
        }
      pager_place (pager, row, start, end, h);
      memcpy (start, end, sizeof (guint) * row->n_cells);
      if (all_done (row, start))
        return;
      pager_new_page (pager);
    }
}

static void
paginate (ApmmReportPages *self)
{
  Pager pager = { self, NULL, 0, NULL };

  /* Page 0 is the cover, drawn apart. */
  pager_new_page (&pager);
  pager_new_page (&pager);
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = self->rows->pdata[i];
      Row *next = i + 1 < self->rows->len ? self->rows->pdata[i + 1] : NULL;

      if (row->kind == ROW_BREAK)
        {
          if (pager.page->len > 0)
            pager_new_page (&pager);
          continue;
        }
      /* No orphaned headings: a heading moves to the next page with what follows it. */
      if (row->keep_with_next && pager.page->len > 0)
        {
          double need = row->space_before + row->height;
          guint j = i + 1;

          /* A run of headings stays together with the first lines after it. */
          while (j < self->rows->len && ((Row *) self->rows->pdata[j])->keep_with_next)
            {
              Row *heading = self->rows->pdata[j++];

              need += heading->space_before + heading->height;
            }
          next = j < self->rows->len ? self->rows->pdata[j] : NULL;
          need += min_start (self, next);
          if (pager.y + need > body_bottom (self))
            pager_new_page (&pager);
        }
      place_row (&pager, row);
    }
  /* A break at the very end leaves no blank page. */
  if (pager.page->len == 0 && self->pages->len > 2)
    g_ptr_array_remove_index (self->pages, self->pages->len - 1);
}

/* ---- Drawing ------------------------------------------------------------ */

static void
set_colour (cairo_t      *cr,
            const Colour *c)
{
  cairo_set_source_rgb (cr, c->r, c->g, c->b);
}

/* Draws lines [start, end) of @cell with their tops at @y. */
static void
draw_cell_lines (cairo_t    *cr,
                 const Cell *cell,
                 double      y,
                 guint       start,
                 guint       end)
{
  PangoLayoutIter *iter;
  guint i = 0;

  if (cell->layout == NULL || end <= start)
    return;
  set_colour (cr, &cell->colour);
  iter = pango_layout_get_iter (cell->layout);
  do
    {
      if (i >= start && i < end)
        {
          PangoRectangle logical;
          double baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, cell->x + (double) logical.x / PANGO_SCALE,
                         y + baseline - cell->tops[start]);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      i++;
    }
  while (i < end && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_ladder (ApmmReportPages *self,
             cairo_t         *cr,
             double           y,
             double           height)
{
  ApmmLadderState state;
  double w = body_width (self);
  /* Drawn at a size the ladder is designed for, then scaled to the column. */
  const int lw = 960, lh = 540;

  apmm_ladder_state_init (&state, apmm_report_get_session (self->report),
                          apmm_report_get_model (self->report),
                          apmm_report_get_assessment (self->report));
  cairo_save (cr);
  cairo_translate (cr, MARGIN_X, y);
  cairo_rectangle (cr, 0, 0, w, height);
  cairo_clip (cr);
  cairo_scale (cr, w / lw, height / lh);
  apmm_ladder_render (cr, &state, APMM_LADDER_PALETTE_LIGHT, lw, lh);
  cairo_restore (cr);
  cairo_set_source_rgb (cr, line_colour.r, line_colour.g, line_colour.b);
  cairo_set_line_width (cr, 0.5);
  cairo_rectangle (cr, MARGIN_X, y, w, height);
  cairo_stroke (cr);
}

static void
draw_placement (ApmmReportPages *self,
                cairo_t         *cr,
                const Placement *p)
{
  Row *row = p->row;
  double y = p->y;
  double x0 = MARGIN_X, x1 = self->width - MARGIN_X;

  if (row->kind == ROW_LADDER)
    {
      draw_ladder (self, cr, y, row->height);
      return;
    }
  if (row->has_bg)
    {
      set_colour (cr, &row->bg);
      cairo_rectangle (cr, x0, y, x1 - x0, p->height);
      cairo_fill (cr);
    }
  for (guint i = 0; i < row->n_cells; i++)
    {
      double dx = row->kind == ROW_TEXT && row->has_bg ? 8 : 0;
      Cell cell = row->cells[i];

      cell.x += dx;
      draw_cell_lines (cr, &cell, y + row->pad_y, p->start[i], p->end[i]);
    }
  if (row->rule_below)
    {
      set_colour (cr, &row->rule);
      cairo_set_line_width (cr, row->rule_width);
      cairo_move_to (cr, x0, y + p->height - row->rule_width / 2);
      cairo_line_to (cr, x1, y + p->height - row->rule_width / 2);
      cairo_stroke (cr);
    }
}

static void
show_text (ApmmReportPages *self,
           cairo_t         *cr,
           const char      *text,
           const char      *font,
           const Colour    *colour,
           double           x,
           double           y,
           double           width,
           PangoAlignment   align)
{
  g_autoptr(PangoLayout) layout = new_layout (self, font, width);
  g_autofree char *clean = apmm_report_clean_text (text, FALSE);

  pango_layout_set_text (layout, clean, -1);
  pango_layout_set_alignment (layout, align);
  set_colour (cr, colour);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static double
text_height (ApmmReportPages *self,
             const char      *text,
             const char      *font,
             double           width)
{
  g_autoptr(PangoLayout) layout = new_layout (self, font, width);
  g_autofree char *clean = apmm_report_clean_text (text, FALSE);
  int h = 0;

  pango_layout_set_text (layout, clean, -1);
  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

/* The sections and the pages they start on, as a consultancy's cover lists them. */
static void
draw_contents (ApmmReportPages *self,
               cairo_t         *cr,
               double           x,
               double           y,
               double           w)
{
  double column = MIN (w, 300);

  if (self->contents->len == 0 || y > self->height - 170 - 16.0 * self->contents->len)
    return;
  show_text (self, cr, _("Contents"), FONT_FAMILY " Bold 10", &muted, x, y, column, PANGO_ALIGN_LEFT);
  y += 20;
  for (guint i = 0; i < self->contents->len; i++)
    {
      Row *row = self->contents->pdata[i];
      g_autofree char *page = g_strdup_printf ("%u", g_array_index (self->contents_pages, guint, i));

      show_text (self, cr, row->section, FONT_FAMILY " 10", &ink, x, y, column - 40, PANGO_ALIGN_LEFT);
      show_text (self, cr, page, FONT_FAMILY " 10", &ink, x + column - 40, y, 40, PANGO_ALIGN_RIGHT);
      set_colour (cr, &line_colour);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, x, y + 15.5);
      cairo_line_to (cr, x + column, y + 15.5);
      cairo_stroke (cr);
      y += 18;
    }
}

static void
draw_cover (ApmmReportPages *self,
            cairo_t         *cr)
{
  ApmmReport *report = self->report;
  const char *organisation = apmm_report_get_organisation (report);
  double w = body_width (self) - 40;
  double x = MARGIN_X + 40;
  double y = self->height * 0.30;
  struct { const char *label; const char *value; } facts[] = {
    { _("Workshop"), apmm_report_get_title (report) },
    { _("Date"), apmm_report_get_date (report) },
    { _("Facilitator"), apmm_report_get_facilitator (report) },
  };

  /* A band down the left edge, in the accent colour. */
  set_colour (cr, &accent);
  cairo_rectangle (cr, 0, 0, 28, self->height);
  cairo_fill (cr);

  show_text (self, cr, _("AI Production Maturity Assessment"), FONT_FAMILY " Bold 11", &muted,
             x, y - 30, w, PANGO_ALIGN_LEFT);
  if (*organisation == '\0')
    organisation = apmm_report_get_title (report);
  show_text (self, cr, organisation, FONT_FAMILY " Bold 30", &accent, x, y, w, PANGO_ALIGN_LEFT);
  y += text_height (self, organisation, FONT_FAMILY " Bold 30", w) + 14;
  set_colour (cr, &accent);
  cairo_rectangle (cr, x, y, 80, 3);
  cairo_fill (cr);
  y += 24;
  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    {
      if (*facts[i].value == '\0')
        continue;
      show_text (self, cr, facts[i].label, FONT_FAMILY " 10", &muted, x, y, 90, PANGO_ALIGN_LEFT);
      show_text (self, cr, facts[i].value, FONT_FAMILY " 12", &ink, x + 100, y - 1, w - 100, PANGO_ALIGN_LEFT);
      y += MAX (text_height (self, facts[i].value, FONT_FAMILY " 12", w - 100), 16) + 8;
      /* A 10 KB title must not run off the cover. */
      if (y > self->height - 160)
        break;
    }
  draw_contents (self, cr, x, MAX (y + 36, self->height * 0.55), w);
  y = MAX (y + 30, self->height - 140);
  show_text (self, cr, apmm_report_get_headline (report), FONT_FAMILY " Bold 13", &ink,
             x, y, w, PANGO_ALIGN_LEFT);
  if (apmm_report_get_anonymised (report))
    show_text (self, cr, _("Anonymised: participants are numbered, not named."),
               FONT_FAMILY " Italic 9", &muted, x, self->height - 70, w, PANGO_ALIGN_LEFT);
}

static void
draw_header_footer (ApmmReportPages *self,
                    cairo_t         *cr,
                    guint            index)
{
  double w = body_width (self);
  g_autofree char *page = g_strdup_printf (_("Page %u of %u"), index + 1, self->pages->len);
  g_autoptr(PangoLayout) probe = new_layout (self, FONT_FAMILY " 8", w * 0.7);

  /* One line each, ellipsized: a long organisation name cannot push into the body. */
  pango_layout_set_text (probe, self->header_left, -1);
  pango_layout_set_ellipsize (probe, PANGO_ELLIPSIZE_END);
  set_colour (cr, &muted);
  cairo_move_to (cr, MARGIN_X, 40);
  pango_cairo_show_layout (cr, probe);
  show_text (self, cr, self->header_right, FONT_FAMILY " 8", &muted, MARGIN_X + w * 0.7, 40,
             w * 0.3, PANGO_ALIGN_RIGHT);
  set_colour (cr, &line_colour);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN_X, 56);
  cairo_line_to (cr, MARGIN_X + w, 56);
  cairo_stroke (cr);

  show_text (self, cr, page, FONT_FAMILY " 8", &muted, MARGIN_X, self->height - 42, w, PANGO_ALIGN_RIGHT);
  if (apmm_report_get_anonymised (self->report))
    show_text (self, cr, _("Anonymised"), FONT_FAMILY " 8", &muted, MARGIN_X, self->height - 42, w * 0.5,
               PANGO_ALIGN_LEFT);
}

/* ---- Public API ------------------------------------------------------- */

static PangoContext *
new_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics: the same line breaks on paper, in a PDF and in a preview. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72.0);
  cairo_font_options_destroy (options);
  return context;
}

ApmmReportPages *
apmm_report_pages_new (ApmmReport *report,
                       double      width,
                       double      height)
{
  ApmmReportPages *self;
  const char *organisation;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (width >= 300 && height >= 400, NULL);

  self = g_new0 (ApmmReportPages, 1);
  self->report = apmm_report_ref (report);
  self->width = width;
  self->height = height;
  self->context = new_context ();
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  self->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->contents = g_ptr_array_new ();
  self->contents_pages = g_array_new (FALSE, FALSE, sizeof (guint));

  organisation = apmm_report_get_organisation (report);
  self->header_left = *organisation != '\0'
    ? g_strdup_printf ("%s — %s", organisation, _("AI Production Maturity Assessment"))
    : g_strdup (_("AI Production Maturity Assessment"));
  self->header_right = g_strdup (apmm_report_get_date (report));

  build_verdict (self);
  build_since_baseline (self);
  build_evidence (self);
  build_votes (self);
  build_gaps (self);
  build_roadmap (self);
  build_appendix (self);
  paginate (self);
  return self;
}

void
apmm_report_pages_free (ApmmReportPages *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->pages);
  g_ptr_array_unref (self->contents);
  g_array_unref (self->contents_pages);
  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->tables);
  g_object_unref (self->context);
  apmm_report_unref (self->report);
  g_free (self->header_left);
  g_free (self->header_right);
  g_free (self);
}

guint
apmm_report_pages_get_n_pages (ApmmReportPages *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->pages->len;
}

void
apmm_report_pages_draw (ApmmReportPages *self,
                        cairo_t         *cr,
                        guint            index)
{
  GPtrArray *page;

  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->pages->len);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_fill (cr);
  if (index == 0)
    draw_cover (self, cr);
  else
    {
      page = self->pages->pdata[index];
      draw_header_footer (self, cr, index);
      for (guint i = 0; i < page->len; i++)
        draw_placement (self, cr, page->pdata[i]);
    }
  cairo_restore (cr);
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
apmm_report_to_pdf (ApmmReport  *report,
                    ApmmPaper    paper,
                    GError     **error)
{
  g_autoptr(ApmmReportPages) pages = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;

  g_return_val_if_fail (report != NULL, NULL);

  apmm_paper_get_size (paper, &width, &height);
  pages = apmm_report_pages_new (report, width, height);
  surface = cairo_pdf_surface_create_for_stream (append_cb, data, width, height);
  title = *apmm_report_get_organisation (report) != '\0'
    ? g_strdup_printf ("%s — %s", apmm_report_get_organisation (report), apmm_report_get_title (report))
    : g_strdup (apmm_report_get_title (report));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "APMM Workshop " PACKAGE_VERSION);
  if (!apmm_report_get_anonymised (report))
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, apmm_report_get_facilitator (report));
  cr = cairo_create (surface);
  for (guint i = 0; i < apmm_report_pages_get_n_pages (pages); i++)
    {
      apmm_report_pages_draw (pages, cr, i);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot lay out the report as PDF: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}
