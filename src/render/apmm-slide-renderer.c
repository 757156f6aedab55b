/* apmm-slide-renderer.c — one slide drawn with cairo and pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A slide is a column of blocks from the top margin down: kicker, title,
 * lead, a picture (the vote's bars or the ladder), the list, the callout.
 * Type is sized from the height alone, so the same slide reads the same
 * from the back of the room at any resolution; what does not fit is cut
 * with an ellipsis rather than shrunk below the body size.
 */
#define G_LOG_DOMAIN "apmm-slide-renderer"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "apmm-ladder-renderer.h"
#include "apmm-slide-renderer.h"

#define FONT_FAMILY "Cantarell, DejaVu Sans, Sans"

static const ApmmSlidePalette palettes[] = {
  [APMM_SLIDE_THEME_LIGHT] = {
    .background = { 1.0, 1.0, 1.0 },
    .text = { 0.08, 0.08, 0.10 },
    .secondary = { 0.24, 0.24, 0.27 },
    .accent = { 0.05, 0.25, 0.55 },
    .panel = { 0.93, 0.95, 0.98 },
  },
  [APMM_SLIDE_THEME_DARK] = {
    .background = { 0.07, 0.08, 0.10 },
    .text = { 0.97, 0.97, 0.97 },
    .secondary = { 0.80, 0.81, 0.83 },
    .accent = { 0.55, 0.76, 1.0 },
    .panel = { 0.14, 0.16, 0.20 },
  },
};

/* A drawing in progress: where the next block goes and what was drawn. */
typedef struct {
  cairo_t                *cr;
  const ApmmSlidePalette *palette;
  ApmmSlideTheme          theme;
  int                     width;
  int                     height;
  double                  margin_x;
  double                  margin_y;
  double                  body_px;
  double                  title_px;
  double                  y;       /* the top of the next block */
  double                  bottom;  /* the lowest y a block may reach */
  ApmmSlideMetrics       *metrics;
} Canvas;

/* --- Helpers -------------------------------------------------------------- */

static void
set_color (cairo_t              *cr,
           const ApmmSlideColor *color)
{
  cairo_set_source_rgb (cr, color->red, color->green, color->blue);
}

static double
channel (double c)
{
  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (const ApmmSlideColor *c)
{
  return 0.2126 * channel (c->red) + 0.7152 * channel (c->green) + 0.0722 * channel (c->blue);
}

static void
add_ink (Canvas *canvas,
         double  x,
         double  y,
         double  width,
         double  height)
{
  cairo_rectangle_t *ink = &canvas->metrics->ink;
  double x2, y2;

  if (width <= 0 || height <= 0)
    return;
  if (ink->width <= 0)
    {
      *ink = (cairo_rectangle_t) { x, y, width, height };
      return;
    }
  x2 = MAX (ink->x + ink->width, x + width);
  y2 = MAX (ink->y + ink->height, y + height);
  ink->x = MIN (ink->x, x);
  ink->y = MIN (ink->y, y);
  ink->width = x2 - ink->x;
  ink->height = y2 - ink->y;
}

static PangoLayout *
make_layout (Canvas     *canvas,
             const char *text,
             double      px,
             gboolean    bold,
             gboolean    italic,
             double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (canvas->cr);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Metrics without hinting: a PDF page and a window lay out alike. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  pango_layout_context_changed (layout);
  cairo_font_options_destroy (options);

  pango_font_description_set_absolute_size (font, px * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (font, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Limits @layout to @max_height, with an ellipsis where it is cut. Returns
 * FALSE when not even one line fits. */
static gboolean
fit_height (Canvas      *canvas,
            PangoLayout *layout,
            double       max_height)
{
  int width, height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  if (height <= max_height)
    return TRUE;

  canvas->metrics->truncated = TRUE;
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, (int) (max_height * PANGO_SCALE));
  pango_layout_get_pixel_size (layout, &width, &height);
  return height <= max_height && pango_layout_get_line_count (layout) > 0 && width > 0;
}

static void
show_layout (Canvas               *canvas,
             PangoLayout          *layout,
             double                x,
             double                y,
             const ApmmSlideColor *color,
             double                px)
{
  PangoRectangle ink, logical;

  pango_layout_get_pixel_extents (layout, &ink, &logical);
  cairo_move_to (canvas->cr, x, y);
  set_color (canvas->cr, color);
  pango_cairo_show_layout (canvas->cr, layout);
  add_ink (canvas, x + logical.x, y + logical.y, logical.width, logical.height);
  canvas->metrics->min_text_px = canvas->metrics->min_text_px > 0
                                 ? MIN (canvas->metrics->min_text_px, px) : px;
}

/* Draws a block of text at the current position; returns its height, 0 when
 * nothing fitted. */
static double
text_block (Canvas               *canvas,
            const char           *text,
            double                px,
            gboolean              bold,
            gboolean              italic,
            const ApmmSlideColor *color,
            double                x,
            double                width,
            double                gap_after)
{
  g_autoptr(PangoLayout) layout = NULL;
  int height;

  if (text == NULL || text[0] == '\0')
    return 0;
  layout = make_layout (canvas, text, px, bold, italic, width);
  if (!fit_height (canvas, layout, canvas->bottom - canvas->y))
    {
      canvas->metrics->truncated = TRUE;
      return 0;
    }
  show_layout (canvas, layout, x, canvas->y, color, px);
  pango_layout_get_pixel_size (layout, NULL, &height);
  canvas->y += height + gap_after;
  return height;
}

static double
content_width (Canvas *canvas)
{
  return canvas->width - 2 * canvas->margin_x;
}

/* --- Blocks ----------------------------------------------------------------- */

static void
draw_heading (Canvas          *canvas,
              const ApmmSlide *slide)
{
  const ApmmSlidePalette *p = canvas->palette;

  text_block (canvas, slide->kicker, canvas->body_px, TRUE, FALSE, &p->accent,
              canvas->margin_x, content_width (canvas), canvas->body_px * 0.2);
  text_block (canvas, slide->title, canvas->title_px, TRUE, FALSE, &p->text,
              canvas->margin_x, content_width (canvas), canvas->body_px * 0.5);
  canvas->metrics->title_px = canvas->title_px;
  text_block (canvas, slide->lead, canvas->body_px, FALSE, FALSE, &p->text,
              canvas->margin_x, content_width (canvas), canvas->body_px * 0.8);
}

/* A mark drawn as a label in a panel, so it reads without colour. */
static double
draw_mark (Canvas     *canvas,
           const char *mark,
           double      x,
           double      y)
{
  g_autoptr(PangoLayout) layout = make_layout (canvas, mark, canvas->body_px, TRUE, FALSE, -1);
  double pad = canvas->body_px * 0.25;
  int width, height;

  pango_layout_set_width (layout, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  set_color (canvas->cr, &canvas->palette->panel);
  cairo_rectangle (canvas->cr, x, y, width + 2 * pad, height);
  cairo_fill (canvas->cr);
  show_layout (canvas, layout, x + pad, y, &canvas->palette->accent, canvas->body_px);
  return width + 2 * pad;
}

static double
mark_column_width (Canvas          *canvas,
                   const ApmmSlide *slide)
{
  double widest = 0;

  for (guint i = 0; i < slide->items->len; i++)
    {
      const ApmmSlideItem *item = g_ptr_array_index (slide->items, i);
      g_autoptr(PangoLayout) layout = NULL;
      int width;

      if (item->mark == NULL)
        continue;
      layout = make_layout (canvas, item->mark, canvas->body_px, TRUE, FALSE, -1);
      pango_layout_set_width (layout, -1);
      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width + canvas->body_px * 0.5);
    }
  /* A long mark must not squeeze the text out. */
  return MIN (widest, content_width (canvas) * 0.35);
}

static gboolean
draw_item (Canvas              *canvas,
           const ApmmSlideItem *item,
           double               mark_width)
{
  const ApmmSlidePalette *p = canvas->palette;
  double gap = canvas->body_px * 0.5;
  double x = canvas->margin_x;
  double top = canvas->y;
  double text_x, height;

  if (canvas->bottom - canvas->y < canvas->body_px * 1.2)
    return FALSE;

  if (mark_width > 0)
    {
      if (item->mark != NULL)
        draw_mark (canvas, item->mark, x, top);
      text_x = x + mark_width + gap;
    }
  else
    {
      /* A bullet: a square, with the text's own words carrying the meaning. */
      double size = canvas->body_px * 0.3;

      set_color (canvas->cr, &p->accent);
      cairo_rectangle (canvas->cr, x, top + canvas->body_px * 0.5, size, size);
      cairo_fill (canvas->cr);
      add_ink (canvas, x, top + canvas->body_px * 0.5, size, size);
      text_x = x + canvas->body_px;
    }

  height = text_block (canvas, item->text, canvas->body_px, FALSE, FALSE, &p->text,
                       text_x, canvas->width - canvas->margin_x - text_x, canvas->body_px * 0.1);
  if (height == 0)
    {
      canvas->y = top;
      return FALSE;
    }
  text_block (canvas, item->detail, canvas->body_px, FALSE, FALSE, &p->secondary,
              text_x, canvas->width - canvas->margin_x - text_x, 0);
  canvas->y += canvas->body_px * 0.45;
  canvas->metrics->n_items++;
  return TRUE;
}

static void
draw_items (Canvas          *canvas,
            const ApmmSlide *slide)
{
  double mark_width = mark_column_width (canvas, slide);

  for (guint i = 0; i < slide->items->len; i++)
    if (!draw_item (canvas, g_ptr_array_index (slide->items, i), mark_width))
      {
        canvas->metrics->truncated = TRUE;
        break;
      }
}

/* The callout sits at the bottom when there is room, in a panel with a rule
 * on its left, its label in bold: the words say what it is. */
static void
draw_callout (Canvas          *canvas,
              const ApmmSlide *slide,
              gboolean         centred)
{
  const ApmmSlidePalette *p = canvas->palette;
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  double pad = canvas->body_px * 0.6;
  double rule = MAX (4, canvas->body_px * 0.18);
  double width = content_width (canvas) - 2 * pad - rule;
  double x = canvas->margin_x, y;
  int height;

  if (slide->callout == NULL)
    return;
  if (slide->callout_label != NULL)
    text = g_markup_printf_escaped ("<b>%s</b>  %s", slide->callout_label, slide->callout);
  else
    text = g_markup_printf_escaped ("“%s”", slide->callout);

  layout = make_layout (canvas, "", canvas->body_px * (centred ? 1.2 : 1.0), FALSE, centred, width);
  pango_layout_set_markup (layout, text, -1);
  if (centred)
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  if (!fit_height (canvas, layout, canvas->bottom - canvas->y - 2 * pad))
    return;
  pango_layout_get_pixel_size (layout, NULL, &height);

  /* Down at the bottom margin, unless the list already reaches there. */
  y = MAX (canvas->y, canvas->bottom - height - 2 * pad);
  set_color (canvas->cr, &p->panel);
  cairo_rectangle (canvas->cr, x, y, content_width (canvas), height + 2 * pad);
  cairo_fill (canvas->cr);
  set_color (canvas->cr, &p->accent);
  cairo_rectangle (canvas->cr, x, y, rule, height + 2 * pad);
  cairo_fill (canvas->cr);
  add_ink (canvas, x, y, content_width (canvas), height + 2 * pad);
  show_layout (canvas, layout, x + rule + pad, y + pad, &p->text,
               canvas->body_px * (centred ? 1.2 : 1.0));
  canvas->y = y + height + 2 * pad;
}

/* --- Pictures ---------------------------------------------------------------- */

/* The vote as bars, one row per level, each with its count written out. */
static void
draw_vote_bars (Canvas          *canvas,
                ApmmSlideDeck   *deck,
                const ApmmSlide *slide)
{
  const ApmmSlidePalette *p = canvas->palette;
  ApmmModel *model = apmm_model_get_default ();
  double row = MIN (canvas->body_px * 1.9, (canvas->bottom - canvas->y) / APMM_N_LEVELS);
  double label_width = content_width (canvas) * 0.38;
  double bar_x = canvas->margin_x + label_width + canvas->body_px * 0.5;
  double bar_max = canvas->width - canvas->margin_x - bar_x - canvas->body_px * 5.5;
  guint most = 1;
  guint perceived = G_MAXUINT;

  if (slide->votes_hidden || slide->n_votes == 0 || row < canvas->body_px * 1.2)
    return;
  apmm_assessment_get_perceived_level (apmm_slide_deck_get_assessment (deck), &perceived);
  for (guint level = 0; level < APMM_N_LEVELS; level++)
    most = MAX (most, slide->votes[level]);

  for (guint level = 0; level < APMM_N_LEVELS; level++)
    {
      g_autofree char *label = g_strdup_printf ("%u · %s", level, apmm_model_get_level (model, level)->name);
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u vote", "%u votes",
                                                             slide->votes[level]),
                                                slide->votes[level]);
      g_autoptr(PangoLayout) name = make_layout (canvas, label, canvas->body_px, level == perceived,
                                                 FALSE, label_width);
      g_autoptr(PangoLayout) number = make_layout (canvas, count, canvas->body_px, level == perceived,
                                                   FALSE, -1);
      double y = canvas->y + level * row;
      double bar = bar_max * slide->votes[level] / most;

      pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (name, -1);
      show_layout (canvas, name, canvas->margin_x, y, &p->text, canvas->body_px);
      set_color (canvas->cr, &p->accent);
      if (bar > 0)
        {
          cairo_rectangle (canvas->cr, bar_x, y + row * 0.1, bar, row * 0.6);
          cairo_fill (canvas->cr);
          add_ink (canvas, bar_x, y + row * 0.1, bar, row * 0.6);
        }
      show_layout (canvas, number, bar_x + bar + canvas->body_px * 0.4, y, &p->text, canvas->body_px);
    }
  canvas->y += APMM_N_LEVELS * row + canvas->body_px * 0.4;
}

static void
draw_ladder (Canvas        *canvas,
             ApmmSlideDeck *deck)
{
  ApmmLadderState state;
  double height = canvas->bottom - canvas->y;
  double width = content_width (canvas);

  if (height < APMM_LADDER_MIN_HEIGHT || width < APMM_LADDER_MIN_WIDTH)
    {
      canvas->metrics->truncated = TRUE;
      return;
    }
  apmm_ladder_state_init (&state, apmm_slide_deck_get_session (deck), apmm_model_get_default (),
                          apmm_slide_deck_get_assessment (deck));
  state.transparent = TRUE;
  /* The level slides carry the descriptions; on the wall they would be too
   * small to read from the back of the room. */
  for (guint i = 0; i < APMM_N_LEVELS; i++)
    state.descriptions[i] = NULL;
  cairo_save (canvas->cr);
  cairo_translate (canvas->cr, canvas->margin_x, canvas->y);
  cairo_rectangle (canvas->cr, 0, 0, width, height);
  cairo_clip (canvas->cr);
  apmm_ladder_render (canvas->cr, &state,
                      canvas->theme == APMM_SLIDE_THEME_DARK ? APMM_LADDER_PALETTE_DARK
                                                              : APMM_LADDER_PALETTE_HIGH_CONTRAST,
                      (int) width, (int) height);
  cairo_restore (canvas->cr);
  add_ink (canvas, canvas->margin_x, canvas->y, width, height);
  canvas->y += height;
}

/* --- Slides -------------------------------------------------------------- */

static void
draw_title_slide (Canvas          *canvas,
                  const ApmmSlide *slide)
{
  const ApmmSlidePalette *p = canvas->palette;
  double rule = MAX (4, canvas->body_px * 0.2);

  canvas->y = canvas->height * 0.22;
  set_color (canvas->cr, &p->accent);
  cairo_rectangle (canvas->cr, canvas->margin_x, canvas->y, canvas->body_px * 3, rule);
  cairo_fill (canvas->cr);
  add_ink (canvas, canvas->margin_x, canvas->y, canvas->body_px * 3, rule);
  canvas->y += rule + canvas->body_px * 0.6;
  draw_heading (canvas, slide);
  draw_callout (canvas, slide, TRUE);
}

static void
draw_slide (Canvas          *canvas,
            ApmmSlideDeck   *deck,
            const ApmmSlide *slide)
{
  switch (slide->kind)
    {
    case APMM_SLIDE_TITLE:
      draw_title_slide (canvas, slide);
      return;
    case APMM_SLIDE_VOTE:
      draw_heading (canvas, slide);
      draw_vote_bars (canvas, deck, slide);
      break;
    case APMM_SLIDE_LADDER:
      draw_heading (canvas, slide);
      /* The evidence opted in goes below the ladder: keep room for it. */
      if (slide->callout != NULL)
        canvas->bottom -= canvas->body_px * 4;
      draw_ladder (canvas, deck);
      if (slide->callout != NULL)
        canvas->bottom += canvas->body_px * 4;
      break;
    case APMM_SLIDE_LEVEL:
    case APMM_SLIDE_CHASM:
    case APMM_SLIDE_PROMPT:
    case APMM_SLIDE_GAPS:
    case APMM_SLIDE_ENTRY_POINT:
    case APMM_SLIDE_NEXT_STEPS:
    case APMM_SLIDE_COMPARISON:
    default:
      draw_heading (canvas, slide);
      break;
    }
  draw_items (canvas, slide);
  draw_callout (canvas, slide, FALSE);
}

/* --- Public API ------------------------------------------------------------ */

const ApmmSlidePalette *
apmm_slide_theme_get_palette (ApmmSlideTheme theme)
{
  g_return_val_if_fail (theme < APMM_SLIDE_N_THEMES, NULL);

  return &palettes[theme];
}

double
apmm_slide_contrast_ratio (const ApmmSlideColor *a,
                           const ApmmSlideColor *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

double
apmm_slide_body_px (int height)
{
  return height * 28.0 / 768.0;
}

double
apmm_slide_title_px (int height)
{
  return height * 56.0 / 768.0;
}

void
apmm_slide_render (cairo_t          *cr,
                   ApmmSlideDeck    *deck,
                   guint             index,
                   ApmmSlideTheme    theme,
                   int               width,
                   int               height,
                   ApmmSlideMetrics *metrics)
{
  ApmmSlideMetrics scratch;
  Canvas canvas = { 0 };

  g_return_if_fail (cr != NULL && deck != NULL);
  g_return_if_fail (index < apmm_slide_deck_get_n_slides (deck));
  g_return_if_fail (theme < APMM_SLIDE_N_THEMES);

  canvas.cr = cr;
  canvas.theme = theme;
  canvas.palette = &palettes[theme];
  canvas.width = MAX (width, 1);
  canvas.height = MAX (height, 1);
  canvas.body_px = apmm_slide_body_px (canvas.height);
  canvas.title_px = apmm_slide_title_px (canvas.height);
  /* Slides narrower than 4:3 keep the body size; their lines just wrap more. */
  canvas.margin_x = canvas.width * 0.06;
  canvas.margin_y = canvas.height * 0.07;
  canvas.y = canvas.margin_y;
  canvas.bottom = canvas.height - canvas.margin_y;
  canvas.metrics = metrics != NULL ? metrics : &scratch;
  memset (canvas.metrics, 0, sizeof *canvas.metrics);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, canvas.width, canvas.height);
  cairo_clip (cr);
  set_color (cr, &canvas.palette->background);
  cairo_paint (cr);
  draw_slide (&canvas, deck, apmm_slide_deck_get_slide (deck, index));
  cairo_restore (cr);
}

void
apmm_slide_render_timer (cairo_t           *cr,
                         const char        *text,
                         ApmmSlideTheme     theme,
                         int                width,
                         int                height,
                         cairo_rectangle_t *ink)
{
  ApmmSlideMetrics metrics = { 0 };
  Canvas canvas = { 0 };
  g_autoptr(PangoLayout) layout = NULL;
  double pad;
  int w, h;

  g_return_if_fail (cr != NULL && text != NULL);
  g_return_if_fail (theme < APMM_SLIDE_N_THEMES);

  canvas.cr = cr;
  canvas.palette = &palettes[theme];
  canvas.width = width;
  canvas.height = height;
  canvas.metrics = &metrics;
  canvas.body_px = apmm_slide_body_px (height);
  pad = canvas.body_px * 0.3;

  layout = make_layout (&canvas, text, canvas.body_px, TRUE, FALSE, -1);
  pango_layout_set_width (layout, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  set_color (cr, &canvas.palette->panel);
  cairo_rectangle (cr, width - w - 3 * pad, height - h - 3 * pad, w + 2 * pad, h + 2 * pad);
  cairo_fill (cr);
  show_layout (&canvas, layout, width - w - 2 * pad, height - h - 2 * pad,
               &canvas.palette->text, canvas.body_px);
  if (ink != NULL)
    *ink = (cairo_rectangle_t) { width - w - 3 * pad, height - h - 3 * pad, w + 2 * pad, h + 2 * pad };
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
apmm_slide_deck_to_pdf (ApmmSlideDeck   *deck,
                        ApmmSlideTheme   theme,
                        GByteArray      *out,
                        GError         **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (deck != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  surface = cairo_pdf_surface_create_for_stream (append_cb, out,
                                                 APMM_SLIDE_PDF_WIDTH, APMM_SLIDE_PDF_HEIGHT);
  cr = cairo_create (surface);
  for (guint i = 0; i < apmm_slide_deck_get_n_slides (deck); i++)
    {
      apmm_slide_render (cr, deck, i, theme, APMM_SLIDE_PDF_WIDTH, APMM_SLIDE_PDF_HEIGHT, NULL);
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
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot draw the slides: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
