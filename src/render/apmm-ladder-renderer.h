/* apmm-ladder-renderer.h — the maturity ladder, drawn with cairo and pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "apmm-assessment.h"
#include "apmm-model.h"
#include "apmm-session.h"

G_BEGIN_DECLS

/* The picture is designed for sizes from 320×240 to 3840×2160. */
#define APMM_LADDER_MIN_WIDTH   320
#define APMM_LADDER_MIN_HEIGHT  240
#define APMM_LADDER_MAX_WIDTH  3840
#define APMM_LADDER_MAX_HEIGHT 2160

typedef enum {
  APMM_LADDER_PALETTE_LIGHT,
  APMM_LADDER_PALETTE_DARK,
  APMM_LADDER_PALETTE_HIGH_CONTRAST,
} ApmmLadderPalette;

typedef enum {
  APMM_LADDER_MARKER_EVIDENCE,
  APMM_LADDER_MARKER_PERCEIVED,
  APMM_LADDER_MARKER_TARGET,
  APMM_LADDER_MARKER_PROGRESS,
  APMM_LADDER_MARKER_ESTIMATION,  /* the arrow from evidence to perceived, with its label */
} ApmmLadderMarker;

#define APMM_LADDER_N_MARKERS 5

/*
 * What the picture shows. Marker positions are doubles in level units (0.0 is
 * the middle of rung 0, 4.0 the middle of rung 4) so that a widget can
 * interpolate between two states while a marker moves.
 *
 * The strings are borrowed: names and descriptions from the model, which
 * outlives every state made from it.
 */
typedef struct {
  const char *names[APMM_N_LEVELS];
  const char *descriptions[APMM_N_LEVELS];
  const char *chasm_title;

  double      evidence;        /* 0..4 */
  guint       evidence_level;  /* the integer level, for labels */
  gboolean    inconclusive;    /* the evidence level is a floor */
  gboolean    unassessed;      /* nothing is rated yet: no evidence, target or progress */
  gboolean    has_perceived;
  double      perceived;
  int         overestimation;  /* perceived − evidence; 0 without a perceived level */
  double      target;
  guint       target_level;
  gboolean    has_progress;    /* FALSE at level 4 */
  double      progress;        /* 0..1, shown on rung evidence + 1 */
  guint       next_met;        /* what the progress counts: criteria of the next level */
  guint       next_partly;
  guint       next_total;      /* 0 when unknown: the label falls back to a percentage */

  guint       votes[APMM_N_LEVELS];
  guint       n_votes;
  gboolean    votes_hidden;

  /* A re-assessment's baseline (apmm-compare.h): its evidence and perceived
   * levels drawn as ghosts, and the movement of the evidence level. */
  gboolean    has_baseline;
  guint       baseline_level;
  int         baseline_perceived;  /* -1 when the baseline had none */
  char        baseline_label[96];  /* "+1 since 2026-03-12" */

  int         selected;        /* a selected rung, -1 for none */
  gboolean    focus_visible;   /* draw a focus ring around the selected rung */
  gboolean    transparent;     /* leave the background to the caller (a widget's window) */
} ApmmLadderState;

/* Fills @state from @session and @model; @assessment may be NULL, then it is
 * computed. The selection is cleared. */
void        apmm_ladder_state_init          (ApmmLadderState        *state,
                                             ApmmSession            *session,
                                             ApmmModel              *model,
                                             ApmmAssessment         *assessment);
/* @out takes everything from @to except the marker positions, which are
 * linearly interpolated at @t (0 = @from, 1 = @to). */
void        apmm_ladder_state_interpolate   (ApmmLadderState        *out,
                                             const ApmmLadderState  *from,
                                             const ApmmLadderState  *to,
                                             double                  t);
gboolean    apmm_ladder_state_positions_equal (const ApmmLadderState *a,
                                               const ApmmLadderState *b);
/* A translated sentence for screen readers: "Evidence level 2, AI Active.
 * Perceived level 3: overestimated by one level. Target 3." */
char       *apmm_ladder_state_describe      (const ApmmLadderState  *state);
/* A translated sentence about one rung, for tooltips and the selection. */
char       *apmm_ladder_state_describe_rung (const ApmmLadderState  *state,
                                             guint                   level);

/* Geometry that depends on the size alone, for hit-testing and tooltips.
 * Returns the level under (@x, @y), or -1 outside every rung. */
int         apmm_ladder_layout_rung_at      (int                     width,
                                             int                     height,
                                             double                  x,
                                             double                  y);
void        apmm_ladder_layout_get_rung_rect (int                    width,
                                              int                    height,
                                              guint                  level,
                                              cairo_rectangle_t     *rect);
void        apmm_ladder_layout_get_chasm_rect (int                   width,
                                               int                   height,
                                               cairo_rectangle_t    *rect);

/* A measured picture: every text laid out with pango, every marker placed.
 * Compute it once per frame, then draw it (and ask it where things are). */
typedef struct _ApmmLadderLayout ApmmLadderLayout;

ApmmLadderLayout *apmm_ladder_layout_new    (const ApmmLadderState  *state,
                                             int                     width,
                                             int                     height);
void        apmm_ladder_layout_free         (ApmmLadderLayout       *layout);
/* Logical extents of a level's name in picture coordinates. */
void        apmm_ladder_layout_get_name_rect (ApmmLadderLayout      *layout,
                                              guint                  level,
                                              cairo_rectangle_t     *rect);
/* FALSE when the description was dropped for lack of room. */
gboolean    apmm_ladder_layout_get_description_rect (ApmmLadderLayout *layout,
                                                     guint            level,
                                                     cairo_rectangle_t *rect);
/* FALSE when the marker is not shown. */
gboolean    apmm_ladder_layout_get_marker_rect (ApmmLadderLayout    *layout,
                                                ApmmLadderMarker     marker,
                                                cairo_rectangle_t   *rect);
/* The vote labels ("3 votes" per rung, or one "Votes hidden"); FALSE when
 * there is none at @level. */
gboolean    apmm_ladder_layout_get_votes_rect (ApmmLadderLayout     *layout,
                                               guint                 level,
                                               cairo_rectangle_t    *rect);
/* A marker's label where it is drawn beside or inside its marker; FALSE
 * when it was dropped for lack of room (the legend names the marker then). */
gboolean    apmm_ladder_layout_get_marker_label_rect (ApmmLadderLayout *layout,
                                                      ApmmLadderMarker  marker,
                                                      cairo_rectangle_t *rect);
/* The font size of a marker's label in pixels, 0 when it is not drawn. Every
 * marker and vote label shares one size. */
double      apmm_ladder_layout_get_marker_label_px (ApmmLadderLayout   *layout,
                                                    ApmmLadderMarker    marker);
/* The legend's entry (shape and word) for the evidence, perceived or target
 * marker; FALSE when the picture has no legend or the marker is not shown. */
gboolean    apmm_ladder_layout_get_legend_rect (ApmmLadderLayout    *layout,
                                                ApmmLadderMarker     marker,
                                                cairo_rectangle_t   *rect);
/* The Failure Chasm's title. */
void        apmm_ladder_layout_get_chasm_label_rect (ApmmLadderLayout *layout,
                                                     cairo_rectangle_t *rect);
/* A baseline's ghost marker (@marker is EVIDENCE or PERCEIVED); FALSE when
 * there is no baseline or the ghost would sit under the marker of now. */
gboolean    apmm_ladder_layout_get_ghost_rect (ApmmLadderLayout     *layout,
                                               ApmmLadderMarker      marker,
                                               cairo_rectangle_t    *rect);
/* The movement label ("+1 since 2026-03-12"); FALSE when not drawn. */
gboolean    apmm_ladder_layout_get_movement_rect (ApmmLadderLayout  *layout,
                                                  cairo_rectangle_t *rect);

/* The text of a marker's label as laid out (it may be a shorter variant). */
const char *apmm_ladder_layout_get_marker_text (ApmmLadderLayout    *layout,
                                                ApmmLadderMarker     marker);

void        apmm_ladder_layout_draw         (ApmmLadderLayout       *layout,
                                             cairo_t                *cr,
                                             ApmmLadderPalette       palette);

/* Convenience: measure and draw in one go. */
void        apmm_ladder_render              (cairo_t                *cr,
                                             const ApmmLadderState  *state,
                                             ApmmLadderPalette       palette,
                                             int                     width,
                                             int                     height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ApmmLadderLayout, apmm_ladder_layout_free)

G_END_DECLS
