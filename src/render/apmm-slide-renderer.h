/* apmm-slide-renderer.h — one slide drawn with cairo and pango, at any size:
 * the audience view, the presenter console and the deck PDF share it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "apmm-slides.h"

G_BEGIN_DECLS

typedef enum {
  APMM_SLIDE_THEME_LIGHT,
  APMM_SLIDE_THEME_DARK,
} ApmmSlideTheme;

#define APMM_SLIDE_N_THEMES 2

typedef struct {
  double red, green, blue;
} ApmmSlideColor;

/* Every text colour reaches 7:1 against both backgrounds it is drawn on
 * (WCAG's AAA level), for projectors that wash colours out. */
typedef struct {
  ApmmSlideColor background;
  ApmmSlideColor text;       /* titles, body */
  ApmmSlideColor secondary;  /* kickers, details */
  ApmmSlideColor accent;     /* bars, rules, marks' text */
  ApmmSlideColor panel;      /* the callout's and marks' background */
} ApmmSlidePalette;

const ApmmSlidePalette *apmm_slide_theme_get_palette (ApmmSlideTheme         theme);
/* The WCAG 2 contrast ratio of two colours, 1 to 21. */
double              apmm_slide_contrast_ratio     (const ApmmSlideColor  *a,
                                                   const ApmmSlideColor  *b);

/* Type is sized from the height: at 768 pixels, body text is 28 px and
 * titles 56 px. */
double              apmm_slide_body_px            (int                    height);
double              apmm_slide_title_px           (int                    height);

/* What a drawing did, for tests and for the console. */
typedef struct {
  double             title_px;       /* the title's font size */
  double             min_text_px;    /* the smallest font size drawn */
  cairo_rectangle_t  ink;            /* everything drawn but the background */
  guint              n_items;        /* list items drawn */
  gboolean           truncated;      /* some text did not fit and was cut */
} ApmmSlideMetrics;

/* Draws slide @index of @deck's shown slides into (0, 0, @width, @height).
 * @metrics may be NULL. */
void                apmm_slide_render             (cairo_t               *cr,
                                                   ApmmSlideDeck         *deck,
                                                   guint                  index,
                                                   ApmmSlideTheme         theme,
                                                   int                    width,
                                                   int                    height,
                                                   ApmmSlideMetrics      *metrics);
/* The small timer in the audience view's corner, e.g. "12:30". */
void                apmm_slide_render_timer       (cairo_t               *cr,
                                                   const char            *text,
                                                   ApmmSlideTheme         theme,
                                                   int                    width,
                                                   int                    height,
                                                   cairo_rectangle_t     *ink);

/* The deck as a PDF, one 16:9 page (1280×720 points) per shown slide,
 * appended to @out (the caller writes it to a file). */
#define APMM_SLIDE_PDF_WIDTH  1280
#define APMM_SLIDE_PDF_HEIGHT  720
gboolean            apmm_slide_deck_to_pdf        (ApmmSlideDeck         *deck,
                                                   ApmmSlideTheme         theme,
                                                   GByteArray            *out,
                                                   GError               **error);

G_END_DECLS
