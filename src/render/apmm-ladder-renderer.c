/* apmm-ladder-renderer.c — the maturity ladder, drawn with cairo and pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-ladder-renderer"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "apmm-compare.h"
#include "apmm-ladder-renderer.h"

/* Vertical proportions, in rung heights: five rungs, three small gaps and the
 * Failure Chasm between rungs 2 and 3. */
#define RUNG_UNITS   1.0
#define GAP_UNITS    0.12
#define CHASM_UNITS  0.72
#define TOTAL_UNITS  (5 * RUNG_UNITS + 3 * GAP_UNITS + CHASM_UNITS)

/* A key to the marker shapes below rung 0, when the marker lanes are too
 * narrow to name each marker in place. */
#define LEGEND_UNITS 0.5

/* Horizontal proportions of the content width. Every lane ends inside the
 * rung's right border. */
#define TEXT_END     0.39
#define VOTES_START  0.405
#define VOTES_END    0.515
#define LANE_EVIDENCE_START  0.53
#define LANE_EVIDENCE_END    0.71
#define LANE_PERCEIVED_START 0.725
#define LANE_PERCEIVED_END   0.87
#define LANE_TARGET_START    0.885
#define LANE_TARGET_END      0.985

/* The boxes the marker words must fit in, as fractions of their lane's width
 * and of the rung height. */
#define EVIDENCE_BOX_W  0.88
#define PERCEIVED_BOX_W 0.86
#define TARGET_BOX_W    0.84
#define TARGET_BOX_H    0.34

#define PILL_HEIGHT  0.62
#define FONT_FAMILY  "Cantarell, DejaVu Sans, Sans"
/* Marker labels share one size, at most this many rung heights. */
#define MARKER_PX    0.24
/* The smallest text worth drawing, in pixels. */
#define MIN_LABEL_PX 6.5
#define MIN_DESCRIPTION_PX 11.0

typedef enum {
  ROLE_TEXT,
  ROLE_SECONDARY,
  ROLE_BADGE_TEXT,
  ROLE_ON_EVIDENCE,
  ROLE_PERCEIVED,
  ROLE_TARGET,
  ROLE_CHASM_TEXT,
} Role;

typedef struct {
  double r, g, b;
} Rgb;

typedef struct {
  Rgb background;
  Rgb rung_border;
  double rung_border_width;  /* in rung heights */
  Rgb badge;
  Rgb badge_text;
  Rgb text;
  Rgb secondary;
  Rgb evidence;
  Rgb on_evidence;
  Rgb progress_fill;
  Rgb perceived;
  Rgb target;
  Rgb dots;
  Rgb chasm;
  Rgb chasm_hatch;
  Rgb chasm_text;
  Rgb focus;
} Palette;

typedef struct {
  PangoLayout *layout;  /* NULL when not shown */
  double       x, y, width, height;  /* in the picture, scale applied */
  double       raw_width, raw_height; /* as pango laid it out */
  double       scale;
  double       px;                    /* the size it was shaped at */
  Role         role;
  guint        candidate;
} Label;

struct _ApmmLadderLayout
{
  ApmmLadderState    state;
  int                width;
  int                height;

  double             u;        /* rung height */
  double             mu;       /* marker unit (see Frame) */
  gboolean           stacked;
  double             x0, cw;   /* content left and width */
  double             badge;
  cairo_rectangle_t  rungs[APMM_N_LEVELS];
  cairo_rectangle_t  chasm;
  cairo_rectangle_t  markers[APMM_LADDER_N_MARKERS];
  gboolean           marker_shown[APMM_LADDER_N_MARKERS];
  double             arrow_x, arrow_from, arrow_to;

  Label              numbers[APMM_N_LEVELS];
  Label              names[APMM_N_LEVELS];
  Label              descriptions[APMM_N_LEVELS];
  Label              votes[APMM_N_LEVELS];
  Label              votes_hidden;
  Label              chasm_label;
  Label              marker_labels[APMM_LADDER_N_MARKERS];
  char              *marker_texts[APMM_LADDER_N_MARKERS];
  double             marker_px;  /* the one size of every marker and vote label */

  gboolean           legend;
  cairo_rectangle_t  legend_band;
  Label              legend_labels[APMM_LADDER_N_MARKERS];
  cairo_rectangle_t  legend_swatches[APMM_LADDER_N_MARKERS];

  double             dot_pitch;
  guint              dot_cols;
  double             dots_x, dots_y[APMM_N_LEVELS];

  /* A re-assessment's baseline (layout_baseline) */
  cairo_rectangle_t  ghosts[APMM_LADDER_MARKER_PERCEIVED + 1];
  gboolean           ghost_shown[APMM_LADDER_MARKER_PERCEIVED + 1];
  Label              movement;
};

static const Palette palettes[] = {
  [APMM_LADDER_PALETTE_LIGHT] = {
    .background = { 1.0, 1.0, 1.0 },
    .rung_border = { 0.70, 0.70, 0.72 },
    .rung_border_width = 0.016,
    .badge = { 0.871, 0.867, 0.855 },
    .badge_text = { 0.141, 0.122, 0.192 },
    .text = { 0.141, 0.122, 0.192 },
    .secondary = { 0.302, 0.290, 0.337 },
    .evidence = { 0.102, 0.373, 0.706 },
    .on_evidence = { 1.0, 1.0, 1.0 },
    .progress_fill = { 0.600, 0.757, 0.945 },
    .perceived = { 0.698, 0.251, 0.0 },
    .target = { 0.380, 0.208, 0.514 },
    .dots = { 0.239, 0.220, 0.275 },
    .chasm = { 0.984, 0.902, 0.902 },
    .chasm_hatch = { 0.753, 0.110, 0.157 },
    .chasm_text = { 0.580, 0.082, 0.122 },
    .focus = { 0.208, 0.518, 0.894 },
  },
  [APMM_LADDER_PALETTE_DARK] = {
    .background = { 0.141, 0.141, 0.141 },
    .rung_border = { 0.40, 0.40, 0.41 },
    .rung_border_width = 0.016,
    .badge = { 0.290, 0.290, 0.300 },
    .badge_text = { 1.0, 1.0, 1.0 },
    .text = { 1.0, 1.0, 1.0 },
    .secondary = { 0.800, 0.796, 0.784 },
    .evidence = { 0.384, 0.627, 0.918 },
    .on_evidence = { 0.0, 0.0, 0.0 },
    .progress_fill = { 0.208, 0.376, 0.580 },
    .perceived = { 1.0, 0.639, 0.282 },
    .target = { 0.863, 0.541, 0.867 },
    .dots = { 0.871, 0.867, 0.855 },
    .chasm = { 0.239, 0.122, 0.122 },
    .chasm_hatch = { 1.0, 0.482, 0.388 },
    .chasm_text = { 1.0, 0.580, 0.510 },
    .focus = { 0.471, 0.682, 0.929 },
  },
  [APMM_LADDER_PALETTE_HIGH_CONTRAST] = {
    .background = { 1.0, 1.0, 1.0 },
    .rung_border = { 0.0, 0.0, 0.0 },
    .rung_border_width = 0.03,
    .badge = { 0.0, 0.0, 0.0 },
    .badge_text = { 1.0, 1.0, 1.0 },
    .text = { 0.0, 0.0, 0.0 },
    .secondary = { 0.0, 0.0, 0.0 },
    .evidence = { 0.0, 0.184, 0.655 },
    .on_evidence = { 1.0, 1.0, 1.0 },
    .progress_fill = { 0.0, 0.184, 0.655 },
    .perceived = { 0.541, 0.165, 0.0 },
    .target = { 0.0, 0.0, 0.0 },
    .dots = { 0.0, 0.0, 0.0 },
    .chasm = { 1.0, 1.0, 1.0 },
    .chasm_hatch = { 0.0, 0.0, 0.0 },
    .chasm_text = { 0.0, 0.0, 0.0 },
    .focus = { 0.0, 0.0, 0.0 },
  },
};

/* --- State ---------------------------------------------------------------- */

static void
state_init_baseline (ApmmLadderState *state,
                     ApmmSession     *session,
                     ApmmModel       *model)
{
  ApmmBaseline *baseline = apmm_session_get_baseline (session);
  g_autoptr(ApmmComparison) comparison = NULL;
  g_autofree char *label = NULL;

  state->baseline_perceived = -1;
  if (baseline == NULL)
    return;

  comparison = apmm_comparison_new (baseline, session, model);
  label = apmm_comparison_dup_movement_label (comparison);
  state->has_baseline = TRUE;
  state->baseline_level = apmm_comparison_get_level_then (comparison);
  /* Like the perceived marker, the earlier vote stays hidden with the votes. */
  if (!state->votes_hidden)
    state->baseline_perceived = apmm_comparison_get_perceived_then (comparison);
  g_strlcpy (state->baseline_label, label, sizeof state->baseline_label);
}

void
apmm_ladder_state_init (ApmmLadderState *state,
                        ApmmSession     *session,
                        ApmmModel       *model,
                        ApmmAssessment  *assessment)
{
  g_autoptr(ApmmAssessment) owned = NULL;
  g_autoptr(ApmmAssessment) shown = NULL;
  guint perceived;
  int over = 0;

  g_return_if_fail (state != NULL);
  g_return_if_fail (APMM_IS_SESSION (session));
  g_return_if_fail (APMM_IS_MODEL (model));

  if (assessment == NULL)
    assessment = owned = apmm_assessment_new (session, model);
  /* The ladder is what the room sees: hidden votes stay hidden, not even the
   * perceived marker may hint at them before the reveal. */
  assessment = shown = apmm_assessment_dup_public (assessment);

  memset (state, 0, sizeof *state);
  for (guint i = 0; i < APMM_N_LEVELS; i++)
    {
      const ApmmLevel *level = apmm_model_get_level (model, i);

      state->names[i] = level->name;
      state->descriptions[i] = level->description;
    }
  state->chasm_title = apmm_model_get_chasm_title (model);

  state->evidence_level = apmm_assessment_get_evidence_level (assessment);
  state->evidence = state->evidence_level;
  state->inconclusive = apmm_assessment_get_inconclusive (assessment);
  state->unassessed = !apmm_assessment_get_assessed (assessment);
  state->has_perceived = apmm_assessment_get_perceived_level (assessment, &perceived);
  state->perceived = state->has_perceived ? perceived : state->evidence;
  if (apmm_assessment_get_overestimation (assessment, &over))
    state->overestimation = over;
  state->target_level = apmm_assessment_get_target_level (assessment);
  state->target = state->target_level;
  state->has_progress = apmm_assessment_get_next_level_progress (assessment, &state->progress);
  apmm_assessment_get_next_level_counts (assessment, &state->next_met, &state->next_partly,
                                         &state->next_total);

  state->n_votes = apmm_assessment_get_votes (assessment, state->votes);
  state->votes_hidden = apmm_assessment_get_votes_hidden (assessment);
  state->selected = -1;
  state_init_baseline (state, session, model);
}

void
apmm_ladder_state_interpolate (ApmmLadderState       *out,
                               const ApmmLadderState *from,
                               const ApmmLadderState *to,
                               double                 t)
{
  g_return_if_fail (out != NULL && from != NULL && to != NULL);

  t = CLAMP (t, 0.0, 1.0);
  *out = *to;
  out->evidence = from->evidence + (to->evidence - from->evidence) * t;
  out->target = from->target + (to->target - from->target) * t;
  out->progress = from->progress + (to->progress - from->progress) * t;
  /* A perceived marker that appears or vanishes jumps: there is nothing to move from. */
  if (from->has_perceived && to->has_perceived)
    out->perceived = from->perceived + (to->perceived - from->perceived) * t;
}

gboolean
apmm_ladder_state_positions_equal (const ApmmLadderState *a,
                                   const ApmmLadderState *b)
{
  return a->evidence == b->evidence &&
         a->target == b->target &&
         a->progress == b->progress &&
         a->has_perceived == b->has_perceived &&
         (!a->has_perceived || a->perceived == b->perceived);
}

static void
describe_perceived (GString               *str,
                    const ApmmLadderState *state)
{
  guint level = (guint) lround (state->perceived);
  int over = state->overestimation;

  if (state->votes_hidden)
    g_string_append (str, _("Perceived level hidden until the votes are revealed."));
  else if (!state->has_perceived)
    g_string_append (str, _("No perceived level."));
  else if (over > 0)
    g_string_append_printf (str,
                            ngettext ("Perceived level %u: overestimated by %d level.",
                                      "Perceived level %u: overestimated by %d levels.", over),
                            level, over);
  else if (over < 0)
    g_string_append_printf (str,
                            ngettext ("Perceived level %u: underestimated by %d level.",
                                      "Perceived level %u: underestimated by %d levels.", -over),
                            level, -over);
  else
    g_string_append_printf (str, _("Perceived level %u: matches the evidence."), level);
}

static void
describe_votes (GString               *str,
                const ApmmLadderState *state)
{
  if (state->votes_hidden)
    {
      g_string_append (str, _("Votes hidden."));
      return;
    }
  if (state->n_votes == 0)
    return;

  g_string_append_printf (str, ngettext ("%u vote:", "%u votes:", state->n_votes), state->n_votes);
  for (guint i = 0, n = 0; i < APMM_N_LEVELS; i++)
    {
      if (state->votes[i] == 0)
        continue;
      g_string_append (str, n++ ? ", " : " ");
      g_string_append_printf (str, _("%u at level %u"), state->votes[i], i);
    }
  g_string_append_c (str, '.');
}

char *
apmm_ladder_state_describe (const ApmmLadderState *state)
{
  GString *str = g_string_new (NULL);
  guint evidence = state->evidence_level;
  const char *name = state->names[evidence] ? state->names[evidence] : "";

  if (state->unassessed)
    {
      g_string_append (str, _("Not assessed yet: no criterion is rated."));
      if (state->votes_hidden || state->n_votes > 0)
        g_string_append_c (str, ' ');
      describe_votes (str, state);
      return g_string_free (str, FALSE);
    }
  if (state->inconclusive)
    g_string_append_printf (str, _("Evidence level at least %u, %s: inconclusive."), evidence, name);
  else
    g_string_append_printf (str, _("Evidence level %u, %s."), evidence, name);
  g_string_append_c (str, ' ');
  describe_perceived (str, state);
  g_string_append_c (str, ' ');
  g_string_append_printf (str, _("Target %u."), state->target_level);
  if (state->has_progress)
    {
      g_string_append_c (str, ' ');
      if (state->next_total > 0)
        /* Translators: "Level 3: 1 of 7 criteria met, 2 partly." */
        g_string_append_printf (str, _("Level %u: %u of %u criteria met, %u partly."),
                                evidence + 1, state->next_met, state->next_total, state->next_partly);
      else
        g_string_append_printf (str, _("Level %u is %d%% met."),
                                evidence + 1, (int) lround (state->progress * 100));
    }
  if (state->votes_hidden || state->n_votes > 0)
    g_string_append_c (str, ' ');
  describe_votes (str, state);
  if (state->has_baseline)
    {
      g_string_append_c (str, ' ');
      /* TRANSLATORS: the movement of the evidence level, e.g. "+1 since 2026-03-12" */
      g_string_append_printf (str, _("Evidence level: %s."), state->baseline_label);
    }

  return g_string_free (str, FALSE);
}

char *
apmm_ladder_state_describe_rung (const ApmmLadderState *state,
                                 guint                  level)
{
  GString *str;

  g_return_val_if_fail (level < APMM_N_LEVELS, NULL);

  str = g_string_new (NULL);
  g_string_append_printf (str, _("Level %u, %s"), level, state->names[level] ? state->names[level] : "");
  if (state->descriptions[level] && *state->descriptions[level])
    g_string_append_printf (str, ": %s", state->descriptions[level]);
  if (level == state->evidence_level && !state->unassessed)
    g_string_append_printf (str, "\n%s", state->inconclusive ? _("Evidence level (a floor: inconclusive)")
                                                             : _("Evidence level"));
  if (state->has_perceived && level == (guint) lround (state->perceived))
    g_string_append_printf (str, "\n%s", _("Perceived level"));
  if (level == state->target_level && !state->unassessed)
    g_string_append_printf (str, "\n%s", _("Target level"));
  if (state->has_progress && !state->unassessed && level == state->evidence_level + 1)
    {
      g_string_append_c (str, '\n');
      g_string_append_printf (str, _("%d%% of its criteria met"), (int) lround (state->progress * 100));
    }
  if (!state->votes_hidden && state->votes[level] > 0)
    {
      g_string_append_c (str, '\n');
      g_string_append_printf (str, ngettext ("%u vote", "%u votes", state->votes[level]),
                              state->votes[level]);
    }
  return g_string_free (str, FALSE);
}

/* --- Geometry ------------------------------------------------------------- */

typedef struct {
  double   x0, y0, cw, u;
  double   rung_y[APMM_N_LEVELS];
  double   chasm_y;
  gboolean legend;
  double   legend_y;

  /* Narrow pictures stack each rung: the name across the top, the votes and
   * markers below it. Otherwise the name, votes and markers sit side by side. */
  gboolean stacked;
  double   badge, badge_x, text_x, text_end;
  double   lane_left, lane_right;  /* where the votes and marker lanes go */
  double   mu;                     /* the marker unit: their heights scale with it */
  double   marker_dy;              /* markers sit this far below a rung's middle */
  /* Stacked, the lanes are cut to what their words need (see frame_stops). */
  gboolean has_stops;
  double   stops[8];
} Frame;

static const char *marker_word (ApmmLadderMarker marker);
static void        votes_word_extents (double *width,
                                       double *height);
static void        marker_word_extents (ApmmLadderMarker  marker,
                                        double           *width,
                                        double           *height);

/* Where the lane fraction @q (of the content width) lies on the picture. */
static const double lane_qs[8] = {
  VOTES_START, VOTES_END, LANE_EVIDENCE_START, LANE_EVIDENCE_END,
  LANE_PERCEIVED_START, LANE_PERCEIVED_END, LANE_TARGET_START, LANE_TARGET_END,
};

static double
frame_lane_x (const Frame *f,
              double       q)
{
  for (guint i = 0; f->has_stops && i < G_N_ELEMENTS (lane_qs); i++)
    if (q == lane_qs[i])
      return f->stops[i];
  if (!f->stacked)
    return f->x0 + q * f->cw;
  return f->lane_left + (q - VOTES_START) / (LANE_TARGET_END - VOTES_START) *
                        (f->lane_right - f->lane_left);
}

static double
frame_lane_w (const Frame *f,
              double       start,
              double       end)
{
  return frame_lane_x (f, end) - frame_lane_x (f, start);
}

/* Marker text is never drawn smaller than this: 14 px on a window-sized
 * picture, proportionally more on a projector, less only on a tiny sidebar. */
static double
marker_floor_px (double u)
{
  return MAX (MIN (14.0, 0.3 * u), 0.13 * u);
}

/* The box a marker's word must fit in, from the lane widths and rung height. */
static void
marker_word_box (ApmmLadderMarker  marker,
                 const Frame      *f,
                 double           *w,
                 double           *h)
{
  switch (marker)
    {
    case APMM_LADDER_MARKER_EVIDENCE:
      *w = frame_lane_w (f, LANE_EVIDENCE_START, LANE_EVIDENCE_END) * EVIDENCE_BOX_W;
      *h = f->mu * PILL_HEIGHT * 0.84;
      break;
    case APMM_LADDER_MARKER_PERCEIVED:
      *w = frame_lane_w (f, LANE_PERCEIVED_START, LANE_PERCEIVED_END) * PERCEIVED_BOX_W;
      *h = f->mu * PILL_HEIGHT * 0.7;
      break;
    case APMM_LADDER_MARKER_TARGET:
      *w = frame_lane_w (f, LANE_TARGET_START, LANE_TARGET_END) * TARGET_BOX_W;
      *h = f->mu * TARGET_BOX_H;
      break;
    case APMM_LADDER_MARKER_PROGRESS:
    case APMM_LADDER_MARKER_ESTIMATION:
    default:
      g_assert_not_reached ();
    }
}

/* Whether the marker shapes need a key: when one of the words "Evidence",
 * "Perceived" or "Target" would be smaller than the floor in its place. It
 * depends on the size alone, so that hit-testing needs no layout. */
static gboolean
frame_needs_legend (const Frame *f)
{
  static const ApmmLadderMarker named[] = {
    APMM_LADDER_MARKER_EVIDENCE, APMM_LADDER_MARKER_PERCEIVED, APMM_LADDER_MARKER_TARGET,
  };
  double floor_px = marker_floor_px (f->u);

  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    {
      double word_w, word_h, box_w, box_h;

      marker_word_extents (named[i], &word_w, &word_h);
      marker_word_box (named[i], f, &box_w, &box_h);
      if (word_w * floor_px > box_w || word_h * floor_px > box_h)
        return TRUE;
    }
  return FALSE;
}

/* The four lanes (votes, evidence, perceived, target) share a narrow
 * row, above all when stacked: cut in fixed shares, "Perceived" lost its pill and "Target"
 * its flag at 1024×768, and a German "6 Stimmen" fell back to a bare "6".
 * Each lane first gets what its word needs at the floor size, then the rest
 * in the usual shares. It depends on the size alone, like the legend. */
static void
frame_stops (Frame *f)
{
  static const ApmmLadderMarker named[] = {
    APMM_LADDER_MARKER_EVIDENCE, APMM_LADDER_MARKER_PERCEIVED, APMM_LADDER_MARKER_TARGET,
  };
  static const double shares[] = { EVIDENCE_BOX_W, PERCEIVED_BOX_W, TARGET_BOX_W };
  double floor_px = marker_floor_px (f->u);
  double left = f->stacked ? f->lane_left : f->x0 + VOTES_START * f->cw;
  double span = f->lane_right - left;
  double total = LANE_TARGET_END - VOTES_START;
  double need[4], base[4], gap, sum = 0, room, x;
  double word_w, word_h;

  f->has_stops = FALSE;
  if (span <= 0)
    return;

  votes_word_extents (&word_w, &word_h);
  need[0] = word_w * floor_px;
  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    {
      marker_word_extents (named[i], &word_w, &word_h);
      need[i + 1] = word_w * floor_px / shares[i] + f->mu * 0.1;
    }
  for (guint i = 0; i < 4; i++)
    {
      base[i] = (lane_qs[2 * i + 1] - lane_qs[2 * i]) / total * span;
      sum += need[i];
    }
  gap = (LANE_EVIDENCE_START - VOTES_END) / total * span;
  room = span - 3 * gap - sum;
  if (room < 0)
    return;

  /* What is left goes where the fixed shares would have put it, beyond each
   * lane's need. */
  {
    double extra_sum = 0, extra[4];

    for (guint i = 0; i < 4; i++)
      extra_sum += (extra[i] = MAX (0, base[i] - need[i]));
    x = left;
    for (guint i = 0; i < 4; i++)
      {
        double w = need[i] + (extra_sum > 0 ? room * extra[i] / extra_sum : room / 4);

        f->stops[2 * i] = x;
        f->stops[2 * i + 1] = x + w;
        x += w + gap;
      }
  }
  f->has_stops = TRUE;
}

/* The columns, from the rung height and the content width. */
static void
frame_columns (Frame *f)
{
  double pad = f->u * 0.1;

  f->badge = MIN (f->u * 0.8, f->cw * 0.1);
  f->badge_x = f->x0 + pad;
  f->text_x = f->badge_x + f->badge + pad * 1.4;
  f->lane_left = f->text_x;
  f->lane_right = f->x0 + f->cw * LANE_TARGET_END;
  f->text_end = f->stacked ? f->lane_right : f->x0 + f->cw * TEXT_END;
  f->mu = f->stacked ? f->u * 0.65 : f->u;
  f->marker_dy = f->stacked ? f->u * 0.22 : 0;
  frame_stops (f);
}

static void
frame_compute (Frame *f,
               int    width,
               int    height)
{
  double margin = round (0.035 * MIN (width, height));
  double units = TOTAL_UNITS;
  double y;

  f->x0 = margin;
  f->y0 = margin;
  f->cw = MAX (1.0, width - 2 * margin);
  f->u = MAX (1.0, (height - 2 * margin) / units);
  f->stacked = f->cw < 4.5 * f->u;
  frame_columns (f);
  /* Side by side, the lanes get less than half the width: where their words
   * do not fit there but do under the names, stack the rungs. */
  if (!f->stacked && !f->has_stops)
    {
      f->stacked = TRUE;
      frame_columns (f);
      if (!f->has_stops)
        {
          f->stacked = FALSE;
          frame_columns (f);
        }
    }
  f->legend = frame_needs_legend (f);
  if (f->legend)
    {
      units += GAP_UNITS + LEGEND_UNITS;
      f->u = MAX (1.0, (height - 2 * margin) / units);
      frame_columns (f);
    }

  /* Top to bottom: 4, 3, the chasm, 2, 1, 0 and the legend. */
  y = f->y0;
  for (int level = APMM_MAX_LEVEL; level >= 0; level--)
    {
      f->rung_y[level] = y;
      y += f->u * RUNG_UNITS;
      if (level == APMM_CHASM_BELOW + 1)
        {
          f->chasm_y = y;
          y += f->u * CHASM_UNITS;
        }
      else
        y += f->u * GAP_UNITS;
    }
  f->legend_y = y;
}

/* The vertical middle of the markers at a fractional level position. */
static double
frame_level_y (const Frame *f,
               double       position)
{
  int low;
  double a, b;

  position = CLAMP (position, 0.0, (double) APMM_MAX_LEVEL);
  low = MIN ((int) floor (position), APMM_MAX_LEVEL - 1);
  a = f->rung_y[low] + f->u / 2;
  b = f->rung_y[low + 1] + f->u / 2;
  return a + (b - a) * (position - low) + f->marker_dy;
}

int
apmm_ladder_layout_rung_at (int    width,
                            int    height,
                            double x,
                            double y)
{
  Frame f;

  frame_compute (&f, width, height);
  if (x < f.x0 || x >= f.x0 + f.cw)
    return -1;
  for (guint i = 0; i < APMM_N_LEVELS; i++)
    if (y >= f.rung_y[i] && y < f.rung_y[i] + f.u)
      return i;
  return -1;
}

void
apmm_ladder_layout_get_rung_rect (int                width,
                                  int                height,
                                  guint              level,
                                  cairo_rectangle_t *rect)
{
  Frame f;

  g_return_if_fail (level < APMM_N_LEVELS);
  frame_compute (&f, width, height);
  *rect = (cairo_rectangle_t) { f.x0, f.rung_y[level], f.cw, f.u };
}

void
apmm_ladder_layout_get_chasm_rect (int                width,
                                   int                height,
                                   cairo_rectangle_t *rect)
{
  Frame f;

  frame_compute (&f, width, height);
  *rect = (cairo_rectangle_t) { f.x0, f.chasm_y, f.cw, f.u * CHASM_UNITS };
}

/* --- Text ----------------------------------------------------------------- */

static PangoContext *
create_context (void)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics make text scale linearly with its size and measure the
   * same on image, SVG and PDF surfaces. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  return context;
}

static void
label_measure (Label       *label,
               PangoLayout *pl)
{
  PangoRectangle logical;

  pango_layout_get_extents (pl, NULL, &logical);
  label->raw_width = (double) logical.width / PANGO_SCALE;
  label->raw_height = (double) logical.height / PANGO_SCALE;
  label->width = label->raw_width * label->scale;
  label->height = label->raw_height * label->scale;
}

static void
label_scale (Label  *label,
             double  scale)
{
  label->scale = scale;
  label->width = label->raw_width * scale;
  label->height = label->raw_height * scale;
}

static void
label_clear (Label *label)
{
  g_clear_object (&label->layout);
}

/* The font family, parsed once: every label starts from a copy. */
static const PangoFontDescription *
base_font (void)
{
  static PangoFontDescription *desc;

  if (g_once_init_enter (&desc))
    g_once_init_leave (&desc, pango_font_description_from_string (FONT_FAMILY));
  return desc;
}

/* --- Shaping cache ---------------------------------------------------------
 *
 * Shaping text is most of the cost of a layout, and a widget lays out the same
 * texts at the same sizes frame after frame. Each thread (the export runs in
 * one of its own) keeps the layouts it shaped, keyed by everything that shapes
 * them; a stored layout is never changed. */

#define SHAPE_CACHE_MAX 512

typedef struct {
  PangoContext *context;
  GHashTable   *layouts;  /* key → PangoLayout */
} ShapeCache;

static void
shape_cache_free (gpointer data)
{
  ShapeCache *cache = data;

  g_hash_table_unref (cache->layouts);
  g_object_unref (cache->context);
  g_free (cache);
}

static GPrivate shape_cache_key = G_PRIVATE_INIT (shape_cache_free);

static ShapeCache *
shape_cache_get (void)
{
  ShapeCache *cache = g_private_get (&shape_cache_key);

  if (cache == NULL)
    {
      cache = g_new0 (ShapeCache, 1);
      cache->context = create_context ();
      cache->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      g_private_set (&shape_cache_key, cache);
    }
  return cache;
}

static PangoLayout *
shape_new (PangoContext *context,
           const char   *text,
           double        px,
           PangoWeight   weight,
           gboolean      centred,
           int           wrap)
{
  PangoLayout *pl = pango_layout_new (context);
  PangoFontDescription *desc = pango_font_description_copy_static (base_font ());

  pango_font_description_set_absolute_size (desc, px * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  pango_layout_set_font_description (pl, desc);
  pango_font_description_free (desc);
  pango_layout_set_alignment (pl, centred ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
  if (wrap > 0)
    {
      pango_layout_set_wrap (pl, PANGO_WRAP_WORD);
      pango_layout_set_width (pl, wrap);
    }
  pango_layout_set_text (pl, text, -1);
  return pl;
}

/* A layout of @text at @px, wrapped at @wrap_w pixels when that is positive.
 * The caller owns a reference and must not change the layout. */
static PangoLayout *
shape (const char  *text,
       double       px,
       PangoWeight  weight,
       gboolean     centred,
       double       wrap_w)
{
  ShapeCache *cache = shape_cache_get ();
  int wrap = wrap_w > 0 ? (int) (wrap_w * PANGO_SCALE) : -1;
  char *key = g_strdup_printf ("%a|%d|%d|%d|%s", px, (int) weight, centred, wrap, text);
  PangoLayout *pl = g_hash_table_lookup (cache->layouts, key);

  if (pl != NULL)
    {
      g_free (key);
      return g_object_ref (pl);
    }
  /* A window being resized makes new sizes every frame: start afresh now and then. */
  if (g_hash_table_size (cache->layouts) >= SHAPE_CACHE_MAX)
    g_hash_table_remove_all (cache->layouts);
  pl = shape_new (cache->context, text, px, weight, centred, wrap);
  g_hash_table_insert (cache->layouts, key, pl);
  return g_object_ref (pl);
}

/* Gives @label a layout of @text at @px and measures it. */
static void
label_shape (Label       *label,
             const char  *text,
             double       px,
             PangoWeight  weight,
             gboolean     centred,
             double       wrap_w)
{
  g_clear_object (&label->layout);
  label->layout = shape (text, px, weight, centred, wrap_w);
  label->scale = 1.0;
  label->px = px;
  label_measure (label, label->layout);
}

static const char *
marker_word (ApmmLadderMarker marker)
{
  switch (marker)
    {
    case APMM_LADDER_MARKER_EVIDENCE: return _("Evidence");
    case APMM_LADDER_MARKER_PERCEIVED: return _("Perceived");
    case APMM_LADDER_MARKER_TARGET: return _("Target");
    case APMM_LADDER_MARKER_PROGRESS:
    case APMM_LADDER_MARKER_ESTIMATION:
    default: g_assert_not_reached ();
    }
}

/* Like marker_word_extents() for a two-digit vote count, "10 votes". */
static void
votes_word_extents (double *width,
                    double *height)
{
  static double extents[2];
  static gsize measured;

  if (g_once_init_enter (&measured))
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u vote", "%u votes", 10), 10u);
      Label probe = { 0 };

      label_shape (&probe, text, 100, PANGO_WEIGHT_BOLD, FALSE, 0);
      extents[0] = probe.width / 100;
      extents[1] = probe.height / 100;
      label_clear (&probe);
      g_once_init_leave (&measured, 1);
    }
  *width = extents[0];
  *height = extents[1];
}

/* The logical size of a marker's word per pixel of font size, measured once:
 * with unhinted metrics, text scales linearly with its size. */
static void
marker_word_extents (ApmmLadderMarker  marker,
                     double           *width,
                     double           *height)
{
  static double extents[APMM_LADDER_MARKER_TARGET + 1][2];
  static gsize measured;

  g_assert (marker <= APMM_LADDER_MARKER_TARGET);
  if (g_once_init_enter (&measured))
    {
      for (guint i = 0; i <= APMM_LADDER_MARKER_TARGET; i++)
        {
          Label probe = { 0 };

          label_shape (&probe, marker_word (i), 100, PANGO_WEIGHT_BOLD, FALSE, 0);
          extents[i][0] = probe.width / 100;
          extents[i][1] = probe.height / 100;
          label_clear (&probe);
        }
      g_once_init_leave (&measured, 1);
    }
  *width = extents[marker][0];
  *height = extents[marker][1];
}

/* Lays out the best of @candidates in one box: the largest size up to
 * @max_px that fits, preferring earlier candidates unless a later one is
 * larger than @prefer times the best. Leaves the label empty when nothing
 * fits at @min_px. Each candidate is shaped once; the fit is a scale, which
 * is exact with unhinted metrics. */
static void
label_fit_prefer (ApmmLadderLayout   *self,
                  Label              *label,
                  const char * const *candidates,
                  double              box_w,
                  double              box_h,
                  double              max_px,
                  double              min_px,
                  PangoWeight         weight,
                  Role                role,
                  double              prefer,
                  gboolean            centred)
{
  PangoLayout *layouts[8] = { NULL };
  double scales[8] = { 0 };
  double best = 0;
  guint n;

  label->role = role;
  label->layout = NULL;
  for (n = 0; candidates[n] != NULL && n < G_N_ELEMENTS (layouts); n++)
    {
      label_shape (label, candidates[n], max_px, weight, centred, 0);
      layouts[n] = g_object_ref (label->layout);
      scales[n] = MIN (1.0, MIN (box_w / label->width, box_h / label->height)) * 0.985;
      best = MAX (best, scales[n]);
    }
  g_clear_object (&label->layout);
  for (guint i = 0; i < n && label->layout == NULL; i++)
    {
      if (scales[i] * max_px < min_px || scales[i] < prefer * best)
        continue;
      label->layout = g_object_ref (layouts[i]);
      label->candidate = i;
      label_measure (label, layouts[i]);
      label_scale (label, scales[i]);
    }
  if (label->layout == NULL)
    label->width = label->height = 0;
  for (guint i = 0; i < n; i++)
    g_object_unref (layouts[i]);
}

/* Prefers earlier, longer candidates unless a later one is twice the size. */
static void
label_fit (ApmmLadderLayout   *self,
           Label              *label,
           const char * const *candidates,
           double              box_w,
           double              box_h,
           double              max_px,
           double              min_px,
           PangoWeight         weight,
           Role                role)
{
  label_fit_prefer (self, label, candidates, box_w, box_h, max_px, min_px, weight, role, 0.5,
                    TRUE);
}

/* @text with its last space turned into a line break, or NULL without one. */
static char *
two_lines (const char *text)
{
  char *copy = g_strdup (text);
  char *space = strrchr (copy, ' ');

  if (space == NULL)
    {
      g_free (copy);
      return NULL;
    }
  *space = '\n';
  return copy;
}

/* Wraps @text at @box_w for @scale; returns whether it fits @box_h. */
static gboolean
label_wrap (Label      *label,
            const char *text,
            double      px,
            double      scale,
            double      box_w,
            double      box_h)
{
  label_shape (label, text, px, PANGO_WEIGHT_NORMAL, FALSE, box_w / scale);
  label_scale (label, scale);
  return label->height <= box_h && label->width <= box_w + 0.5;
}

/* --- Layout --------------------------------------------------------------- */

/* The largest common scale at which every description wraps into the box, or
 * 0 when one does not fit even at @min_scale. Wrapping is estimated from each
 * text's one-line width first, so that pango wraps each text only once or twice. */
static double
layout_descriptions (ApmmLadderLayout *self,
                     double            box_w,
                     double            box_h,
                     double            ref_px,
                     double            min_scale)
{
  double widths[APMM_N_LEVELS] = { 0 };
  double line_h = 0, scale = 1.0;
  gboolean fits = FALSE;

  for (guint i = 0; i < APMM_N_LEVELS; i++)
    {
      Label *d = &self->descriptions[i];
      const char *text = self->state.descriptions[i];

      if (text == NULL || *text == '\0')
        continue;
      d->role = ROLE_SECONDARY;
      label_shape (d, text, ref_px, PANGO_WEIGHT_NORMAL, FALSE, 0);
      widths[i] = d->width;
      line_h = MAX (line_h, d->height);
    }

  for (; !fits && scale >= min_scale; scale *= 0.95)
    {
      fits = TRUE;
      /* Word wrapping wastes some of each line: allow for a tenth. */
      for (guint i = 0; i < APMM_N_LEVELS && fits; i++)
        fits = ceil (widths[i] * scale * 1.1 / box_w) * line_h * scale <= box_h;
      for (guint i = 0; i < APMM_N_LEVELS && fits; i++)
        if (self->descriptions[i].layout != NULL)
          fits = label_wrap (&self->descriptions[i], self->state.descriptions[i], ref_px,
                             scale, box_w, box_h);
      if (fits)
        return scale;
    }
  return 0;
}

static void
layout_names (ApmmLadderLayout *self,
              double            text_w,
              double            box_h,
              double            px)
{
  double scale = 1.0;

  /* A name may take two lines where that makes it clearly larger, as in a
   * narrow sidebar; all names then share the smallest size. */
  for (guint i = 0; i < APMM_N_LEVELS; i++)
    {
      const char *name = self->state.names[i] ? self->state.names[i] : "";
      g_autofree char *broken = two_lines (name);
      const char *candidates[] = { name, broken, NULL };

      label_fit_prefer (self, &self->names[i], candidates, text_w, box_h, px, 1.0,
                        PANGO_WEIGHT_BOLD, ROLE_TEXT, 0.9, FALSE);
      scale = MIN (scale, self->names[i].scale);
    }
  for (guint i = 0; i < APMM_N_LEVELS; i++)
    label_scale (&self->names[i], scale);
}

static void
layout_texts_column (ApmmLadderLayout *self,
                     double            text_x,
                     double            text_w)
{
  double u = self->u;
  double desc_px = 0.17 * u;

  /* Descriptions share one size so the rungs read as a set; a description
   * that cannot fit at the minimum size drops them all. Stacked rungs have
   * no room for them. */
  if (self->stacked)
    layout_names (self, text_w, 0.36 * u, 0.3 * u);
  else if (layout_descriptions (self, text_w, 0.48 * u, desc_px,
                                MAX (MIN_DESCRIPTION_PX, 0.11 * u) / desc_px) == 0)
    {
      for (guint i = 0; i < APMM_N_LEVELS; i++)
        label_clear (&self->descriptions[i]);
      layout_names (self, text_w, 0.7 * u, 0.44 * u);
    }
  else
    layout_names (self, text_w, 0.40 * u, 0.36 * u);

  for (guint i = 0; i < APMM_N_LEVELS; i++)
    {
      Label *name = &self->names[i];
      Label *d = &self->descriptions[i];
      const cairo_rectangle_t *r = &self->rungs[i];

      name->x = text_x;
      if (self->stacked)
        name->y = r->y + 0.04 * u;
      else if (d->layout != NULL)
        {
          name->y = r->y + (u - name->height - d->height - 0.02 * u) / 2;
          d->x = text_x;
          d->y = name->y + name->height + 0.02 * u;
        }
      else
        name->y = r->y + (u - name->height) / 2;
    }
}

static void
layout_badges (ApmmLadderLayout *self,
               double            badge_x)
{
  for (guint i = 0; i < APMM_N_LEVELS; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i);
      const char *candidates[] = { number, NULL };
      Label *label = &self->numbers[i];

      label_fit (self, label, candidates, self->badge * 0.8, self->badge * 0.8,
                 self->badge * 0.62, 1.0, PANGO_WEIGHT_BOLD, ROLE_BADGE_TEXT);
      label->x = badge_x + (self->badge - label->width) / 2;
      label->y = self->rungs[i].y + (self->u - label->height) / 2;
    }
}

/* The chasm's title has a backing of this many rung heights around it. */
#define CHASM_PAD 0.08

static void
layout_chasm (ApmmLadderLayout *self,
              double            text_x,
              double            text_w)
{
  const char *title = self->state.chasm_title && *self->state.chasm_title
                      ? self->state.chasm_title : _("The Failure Chasm");
  g_autofree char *broken = two_lines (title);
  const char *candidates[] = { title, broken, NULL };
  Label *label = &self->chasm_label;

  /* The backing stays inside the text column, clear of the votes column. */
  label_fit_prefer (self, label, candidates, text_w - CHASM_PAD * self->u,
                    self->chasm.height * 0.66, 0.34 * self->u, MIN_LABEL_PX,
                    PANGO_WEIGHT_BOLD, ROLE_CHASM_TEXT, 0.9, TRUE);
  label->x = text_x;
  label->y = self->chasm.y + (self->chasm.height - label->height) / 2;
}

/* --- Marker and vote labels --------------------------------------------------
 *
 * Every marker and vote label is first fitted to its own box; then all of them
 * take the smallest of those sizes, so that no count shouts over the markers'
 * words; only then are they placed. A word that would be smaller than the
 * floor is dropped: the legend names its marker instead. */

static void
fit_marker_label (ApmmLadderLayout   *self,
                  Label              *label,
                  const char * const *candidates,
                  double              box_w,
                  double              box_h,
                  Role                role)
{
  label_fit (self, label, candidates, box_w, box_h, MARKER_PX * self->u,
             marker_floor_px (self->u), PANGO_WEIGHT_BOLD, role);
}

static void
fit_marker (ApmmLadderLayout   *self,
            ApmmLadderMarker    marker,
            const char * const *candidates,
            double              box_w,
            double              box_h,
            Role                role)
{
  Label *label = &self->marker_labels[marker];

  fit_marker_label (self, label, candidates, box_w, box_h, role);
  if (label->layout != NULL)
    self->marker_texts[marker] = g_strdup (candidates[label->candidate]);
}

static void
fit_votes (ApmmLadderLayout *self,
           double            w)
{
  if (self->state.votes_hidden)
    {
      /* The badge has the chasm row right of the title to itself: with the
       * votes hidden there is no perceived marker and so no arrow across it. */
      const char *candidates[] = { _("Votes hidden"), _("Votes\nhidden"), NULL };
      double pad = self->u * 0.1;

      /* Unlike a count, the badge is never dropped: nothing else says the
       * votes exist. On a tiny picture it goes below the floor instead. */
      label_fit_prefer (self, &self->votes_hidden, candidates, w - 3 * pad,
                        self->chasm.height * 0.62, MARKER_PX * self->u, MIN_LABEL_PX,
                        PANGO_WEIGHT_BOLD, ROLE_SECONDARY, 0.9, TRUE);
      return;
    }

  for (guint i = 0; i < APMM_N_LEVELS; i++)
    {
      guint n = self->state.votes[i];
      g_autofree char *full = NULL;
      g_autofree char *bare = NULL;

      if (n == 0)
        continue;
      full = g_strdup_printf (ngettext ("%u vote", "%u votes", n), n);
      bare = g_strdup_printf ("%u", n);
      {
        const char *candidates[] = { full, bare, NULL };

        fit_marker_label (self, &self->votes[i], candidates, w,
                          self->u * (self->stacked ? 0.26 : 0.36), ROLE_TEXT);
      }
    }
}

static void
place_votes (ApmmLadderLayout *self,
             double            x,
             double            w,
             double            hidden_w)
{
  guint max = 0;
  /* The dots end inside the rung, clear of its border: stacked, they start
   * at 0.73 and must end by 0.92 of the rung. */
  double cell_h = self->u * (self->stacked ? 0.19 : 0.42);
  /* Stacked, the count and the dots go under the name. */
  double count_y = self->stacked ? 0.45 : 0.08;
  double dots_y = self->stacked ? 0.73 : 0.5;

  if (self->state.votes_hidden)
    {
      Label *label = &self->votes_hidden;
      double pad = self->u * 0.1;

      label->x = x + pad + (hidden_w - 3 * pad - label->width) / 2;
      label->y = self->chasm.y + (self->chasm.height - label->height) / 2;
      return;
    }

  for (guint i = 0; i < APMM_N_LEVELS; i++)
    {
      max = MAX (max, self->state.votes[i]);
      self->votes[i].x = x;
      self->votes[i].y = self->rungs[i].y + self->u * count_y;
    }

  /* One dot per vote, the same pitch on every rung, in as few rows as fit. */
  self->dot_pitch = 0;
  for (guint rows = 1; max > 0 && rows <= 8; rows++)
    {
      /* A whole number of pixels, so that the dots can be stamped from one tile. */
      double pitch = floor (MIN (cell_h / rows, self->u * 0.2));
      guint cols = pitch > 0 ? (guint) floor (w / pitch) : 0;

      if (cols * rows >= max)
        {
          self->dot_pitch = pitch >= 3.0 ? pitch : 0;
          self->dot_cols = cols;
          break;
        }
    }
  self->dots_x = round (x);
  for (guint i = 0; i < APMM_N_LEVELS; i++)
    self->dots_y[i] = round (self->rungs[i].y + self->u * dots_y);
}

static void
place_pill_label (Label                   *label,
                  const cairo_rectangle_t *pill)
{
  label->x = pill->x + (pill->width - label->width) / 2;
  label->y = pill->y + (pill->height - label->height) / 2;
}

static void
fit_evidence (ApmmLadderLayout *self,
              const Frame      *f)
{
  const ApmmLadderState *s = &self->state;
  double lx = frame_lane_x (f, LANE_EVIDENCE_START);
  double lw = frame_lane_w (f, LANE_EVIDENCE_START, LANE_EVIDENCE_END);
  double ph = f->mu * PILL_HEIGHT;
  g_autofree char *floor1 = g_strdup_printf (_("Evidence ≥ %u\ninconclusive"), s->evidence_level);
  g_autofree char *floor2 = g_strdup_printf (_("≥ %u — inconclusive"), s->evidence_level);
  g_autofree char *floor3 = g_strdup_printf (_("Evidence ≥ %u"), s->evidence_level);
  g_autofree char *floor4 = g_strdup_printf (_("≥ %u"), s->evidence_level);
  const char *plain[] = { marker_word (APMM_LADDER_MARKER_EVIDENCE), NULL };
  const char *floor[] = { floor1, floor2, floor3, floor4, NULL };
  double box_w, box_h;

  /* Before any rating there is no evidence level to mark, not even a floor. */
  if (s->unassessed)
    return;

  self->markers[APMM_LADDER_MARKER_EVIDENCE] = (cairo_rectangle_t) {
    lx, frame_level_y (f, s->evidence) - ph / 2, lw, ph };
  self->marker_shown[APMM_LADDER_MARKER_EVIDENCE] = TRUE;
  marker_word_box (APMM_LADDER_MARKER_EVIDENCE, f, &box_w, &box_h);
  fit_marker (self, APMM_LADDER_MARKER_EVIDENCE, s->inconclusive ? floor : plain,
              box_w, box_h, ROLE_ON_EVIDENCE);
}

static void
fit_progress (ApmmLadderLayout *self,
              const Frame      *f)
{
  const ApmmLadderState *s = &self->state;
  double lx = frame_lane_x (f, LANE_EVIDENCE_START);
  double lw = frame_lane_w (f, LANE_EVIDENCE_START, LANE_EVIDENCE_END);
  double y = frame_level_y (f, MIN (s->evidence + 1, APMM_MAX_LEVEL));
  int percent = (int) lround (CLAMP (s->progress, 0, 1) * 100);
  g_autofree char *full = NULL;
  g_autofree char *mid = NULL;
  g_autofree char *bare = NULL;
  const char *candidates[4] = { NULL, };

  /* Say what is counted ("1/7 met, 2 partly"), not a percentage in which
   * partly met criteria silently weigh half; a state without counts (an
   * interpolated or hand-made one) keeps the percentage. */
  if (s->next_total > 0 && s->next_partly > 0)
    {
      /* Translators: on the ladder, the next level's criteria: "1/7 met, 2 partly". */
      full = g_strdup_printf (_("%u/%u met, %u partly"), s->next_met, s->next_total, s->next_partly);
      mid = g_strdup_printf (_("%u/%u met"), s->next_met, s->next_total);
      bare = g_strdup_printf ("%u/%u", s->next_met, s->next_total);
    }
  else if (s->next_total > 0)
    {
      full = g_strdup_printf (_("%u/%u met"), s->next_met, s->next_total);
      mid = g_strdup_printf ("%u/%u", s->next_met, s->next_total);
    }
  else
    {
      full = g_strdup_printf (_("Next level %d%%"), percent);
      mid = g_strdup_printf (_("Next %d%%"), percent);
      bare = g_strdup_printf ("%d%%", percent);
    }
  candidates[0] = full;
  candidates[1] = mid;
  candidates[2] = bare;

  if (!s->has_progress || s->unassessed)
    return;
  self->marker_shown[APMM_LADDER_MARKER_PROGRESS] = TRUE;
  self->markers[APMM_LADDER_MARKER_PROGRESS] = (cairo_rectangle_t) {
    lx, y + f->mu * 0.1, lw, f->mu * 0.26 };
  fit_marker (self, APMM_LADDER_MARKER_PROGRESS, candidates, lw, f->mu * 0.34, ROLE_TEXT);
}

static void
fit_target (ApmmLadderLayout *self,
            const Frame      *f)
{
  double lx = frame_lane_x (f, LANE_TARGET_START);
  double lw = frame_lane_w (f, LANE_TARGET_START, LANE_TARGET_END);
  double y = frame_level_y (f, self->state.target);
  const char *candidates[] = { marker_word (APMM_LADDER_MARKER_TARGET), NULL };
  double box_w, box_h;

  if (self->state.unassessed)
    return;
  self->markers[APMM_LADDER_MARKER_TARGET] = (cairo_rectangle_t) {
    lx, y - f->mu * 0.42, lw, f->mu * 0.84 };
  self->marker_shown[APMM_LADDER_MARKER_TARGET] = TRUE;
  marker_word_box (APMM_LADDER_MARKER_TARGET, f, &box_w, &box_h);
  fit_marker (self, APMM_LADDER_MARKER_TARGET, candidates, box_w, box_h, ROLE_TARGET);
}

/* The inside of the rung nearest @y, less its border and a margin. */
static void
inner_rung_span (ApmmLadderLayout *self,
                 double            y,
                 double           *top,
                 double           *bottom)
{
  guint level = 0;
  double best = G_MAXDOUBLE;
  double inset = self->u * 0.08;
  /* Stacked, the top of the rung belongs to the name. */
  double top_inset = self->u * (self->stacked ? 0.45 : 0.08);

  for (guint i = 0; i < APMM_N_LEVELS; i++)
    {
      double d = fabs (self->rungs[i].y + self->u / 2 - y);

      if (d < best)
        {
          best = d;
          level = i;
        }
    }
  *top = self->rungs[level].y + top_inset;
  *bottom = self->rungs[level].y + self->u - inset;
}

static void
fit_perceived (ApmmLadderLayout *self,
               const Frame      *f)
{
  const ApmmLadderState *s = &self->state;
  double lx = frame_lane_x (f, LANE_PERCEIVED_START);
  double lw = frame_lane_w (f, LANE_PERCEIVED_START, LANE_PERCEIVED_END);
  double ph = f->mu * PILL_HEIGHT;
  double py = frame_level_y (f, s->perceived);
  double ey = frame_level_y (f, s->evidence);
  const char *candidates[] = { marker_word (APMM_LADDER_MARKER_PERCEIVED), NULL };
  int over = s->overestimation;
  g_autofree char *l1 = NULL;
  g_autofree char *l2 = NULL;
  g_autofree char *l3 = NULL;
  double box_w, box_h;

  if (!s->has_perceived)
    return;
  self->markers[APMM_LADDER_MARKER_PERCEIVED] = (cairo_rectangle_t) { lx, py - ph / 2, lw, ph };
  self->marker_shown[APMM_LADDER_MARKER_PERCEIVED] = TRUE;
  marker_word_box (APMM_LADDER_MARKER_PERCEIVED, f, &box_w, &box_h);
  fit_marker (self, APMM_LADDER_MARKER_PERCEIVED, candidates, box_w, box_h, ROLE_PERCEIVED);

  if (over == 0 || s->unassessed || fabs (py - ey) < ph / 2 + self->u * 0.1)
    return;

  /* The arrow runs from the evidence level to the perceived marker, along
   * the lane's left edge. */
  self->arrow_x = lx + lw * 0.1;
  self->arrow_from = ey;
  self->arrow_to = py + (py < ey ? ph / 2 : -ph / 2);
  self->markers[APMM_LADDER_MARKER_ESTIMATION] = (cairo_rectangle_t) {
    self->arrow_x - lw * 0.06, MIN (self->arrow_from, self->arrow_to),
    lw * 0.96, fabs (self->arrow_to - self->arrow_from) };
  self->marker_shown[APMM_LADDER_MARKER_ESTIMATION] = TRUE;
  if (over > 0)
    {
      l1 = g_strdup_printf (_("+%d overestimated"), over);
      l2 = g_strdup_printf (_("+%d\noverestimated"), over);
      l3 = g_strdup_printf ("+%d", over);
    }
  else
    {
      l1 = g_strdup_printf (_("−%d underestimated"), -over);
      l2 = g_strdup_printf (_("−%d\nunderestimated"), -over);
      l3 = g_strdup_printf ("−%d", -over);
    }
  {
    /* Its label sits beside the arrow's tail, inside the evidence rung, so it
     * covers no rung border; it may use the target lane when the flag is
     * on another rung. */
    const char *labels[] = { l1, l2, l3, NULL };
    double top, bottom, right = lx + lw;

    inner_rung_span (self, ey, &top, &bottom);
    if (fabs (frame_level_y (f, s->target) - ey) > self->u / 2)
      right = frame_lane_x (f, LANE_TARGET_END);
    fit_marker (self, APMM_LADDER_MARKER_ESTIMATION, labels,
                right - (self->arrow_x + self->u * 0.12), bottom - top, ROLE_PERCEIVED);
  }
}

static void
place_markers (ApmmLadderLayout *self)
{
  Label *labels = self->marker_labels;
  const cairo_rectangle_t *m = self->markers;
  double u = self->u;

  place_pill_label (&labels[APMM_LADDER_MARKER_EVIDENCE], &m[APMM_LADDER_MARKER_EVIDENCE]);
  place_pill_label (&labels[APMM_LADDER_MARKER_PERCEIVED], &m[APMM_LADDER_MARKER_PERCEIVED]);

  labels[APMM_LADDER_MARKER_PROGRESS].x = m[APMM_LADDER_MARKER_PROGRESS].x +
    (m[APMM_LADDER_MARKER_PROGRESS].width - labels[APMM_LADDER_MARKER_PROGRESS].width) / 2;
  labels[APMM_LADDER_MARKER_PROGRESS].y = m[APMM_LADDER_MARKER_PROGRESS].y - self->mu * 0.04 -
                                          labels[APMM_LADDER_MARKER_PROGRESS].height;

  labels[APMM_LADDER_MARKER_TARGET].x = m[APMM_LADDER_MARKER_TARGET].x +
                                        m[APMM_LADDER_MARKER_TARGET].width * 0.1;
  labels[APMM_LADDER_MARKER_TARGET].y = m[APMM_LADDER_MARKER_TARGET].y + self->mu * 0.82 -
                                        labels[APMM_LADDER_MARKER_TARGET].height;

  if (self->marker_shown[APMM_LADDER_MARKER_ESTIMATION])
    {
      Label *label = &labels[APMM_LADDER_MARKER_ESTIMATION];
      double top, bottom;

      inner_rung_span (self, self->arrow_from, &top, &bottom);
      label->x = self->arrow_x + u * 0.12;
      label->y = CLAMP (self->arrow_from - label->height / 2, top, bottom - label->height);
    }
}

/* Every marker and vote label takes the smallest of their fitted sizes. */
static void
unify_marker_labels (ApmmLadderLayout *self)
{
  Label *all[APMM_N_LEVELS + 1 + APMM_LADDER_N_MARKERS];
  guint n = 0;
  double px = MARKER_PX * self->u;

  for (guint i = 0; i < APMM_N_LEVELS; i++)
    all[n++] = &self->votes[i];
  all[n++] = &self->votes_hidden;
  for (guint i = 0; i < APMM_LADDER_N_MARKERS; i++)
    all[n++] = &self->marker_labels[i];

  for (guint i = 0; i < n; i++)
    if (all[i]->layout != NULL && all[i]->px * all[i]->scale >= marker_floor_px (self->u))
      px = MIN (px, all[i]->px * all[i]->scale);
  for (guint i = 0; i < n; i++)
    if (all[i]->layout != NULL)
      label_scale (all[i], MIN (px, all[i]->px * all[i]->scale) / all[i]->px);
  self->marker_px = px;
}

/* The legend: a small copy of each marker's shape followed by its word, in
 * one row centred under the ladder. */
static void
layout_legend (ApmmLadderLayout *self,
               const Frame      *f)
{
  static const ApmmLadderMarker keyed[] = {
    APMM_LADDER_MARKER_EVIDENCE, APMM_LADDER_MARKER_PERCEIVED, APMM_LADDER_MARKER_TARGET,
  };
  double band_h = self->u * LEGEND_UNITS;
  double px = MIN (MAX (self->marker_px, marker_floor_px (self->u)), band_h * 0.6);
  double total = 0, x, scale = 1.0;

  self->legend = f->legend;
  self->legend_band = (cairo_rectangle_t) { f->x0, f->legend_y, f->cw, band_h };
  if (!self->legend)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (keyed); i++)
    {
      Label *label = &self->legend_labels[keyed[i]];
      double swatch_w = keyed[i] == APMM_LADDER_MARKER_TARGET ? 0.9 * px : 1.8 * px;

      if (!self->marker_shown[keyed[i]])
        continue;
      label->role = ROLE_TEXT;
      label_shape (label, marker_word (keyed[i]), px, PANGO_WEIGHT_BOLD, FALSE, 0);
      self->legend_swatches[keyed[i]].width = swatch_w;
      total += swatch_w + 0.35 * px + label->width + (total > 0 ? 1.1 * px : 0);
    }

  /* On a very narrow picture the row shrinks rather than leaving the band. */
  if (total > f->cw)
    scale = f->cw / total;
  x = f->x0 + (f->cw - total * scale) / 2;
  for (guint i = 0; i < G_N_ELEMENTS (keyed); i++)
    {
      Label *label = &self->legend_labels[keyed[i]];
      cairo_rectangle_t *swatch = &self->legend_swatches[keyed[i]];
      double mid = f->legend_y + band_h / 2;
      double swatch_h = (keyed[i] == APMM_LADDER_MARKER_TARGET ? 1.2 : 0.9) * px * scale;

      if (label->layout == NULL)
        continue;
      label_scale (label, scale);
      swatch->width *= scale;
      *swatch = (cairo_rectangle_t) { x, mid - swatch_h / 2, swatch->width, swatch_h };
      label->x = x + swatch->width + 0.35 * px * scale;
      label->y = mid - label->height / 2;
      x = label->x + label->width + 1.1 * px * scale;
    }
}

/* --- Baseline ghosts --------------------------------------------------------
 *
 * A re-assessment shows where the evidence and the room's vote stood at the
 * baseline: dashed outlines of the evidence and perceived pills, drawn behind
 * the markers of now, and the evidence level's movement ("+1 since
 * 2026-03-12") inside the evidence ghost. When the level did not move, the
 * ghost is a dashed halo around the pill of now and the label goes under it,
 * in the same rung, when there is room (the description always says it).
 * Placed after everything else, so it moves nothing. */

static void
layout_baseline (ApmmLadderLayout *self,
                 const Frame      *f)
{
  const ApmmLadderState *s = &self->state;
  const cairo_rectangle_t *now = &self->markers[APMM_LADDER_MARKER_EVIDENCE];
  double ph = f->mu * PILL_HEIGHT;
  int change = (int) s->evidence_level - (int) s->baseline_level;
  g_autofree char *short_label = change != 0 ? g_strdup_printf ("%+d", change) : NULL;
  /* On a small ladder the change alone, as the marker words give way to the legend. */
  const char *candidates[] = { s->baseline_label, short_label, NULL };
  cairo_rectangle_t box;
  double top, bottom;

  if (!s->has_baseline)
    return;

  if (s->baseline_level != s->evidence_level)
    {
      self->ghosts[APMM_LADDER_MARKER_EVIDENCE] = (cairo_rectangle_t) {
        now->x, frame_level_y (f, s->baseline_level) - ph / 2, now->width, ph };
      self->ghost_shown[APMM_LADDER_MARKER_EVIDENCE] = TRUE;
      box = self->ghosts[APMM_LADDER_MARKER_EVIDENCE];
      box.x += ph * 0.3;
      box.width -= ph * 0.6;
      box.y += ph * 0.12;
      box.height -= ph * 0.24;
    }
  else
    {
      /* Unchanged: a dashed halo around the pill of now, the label under it. */
      double pad = MIN (self->u * 0.05, (now->y - self->rungs[s->evidence_level].y) / 2);
      double below;

      self->ghosts[APMM_LADDER_MARKER_EVIDENCE] = (cairo_rectangle_t) {
        now->x - pad, now->y - pad, now->width + 2 * pad, now->height + 2 * pad };
      self->ghost_shown[APMM_LADDER_MARKER_EVIDENCE] = TRUE;
      inner_rung_span (self, now->y + now->height / 2, &top, &bottom);
      below = now->y + now->height + pad;
      box = (cairo_rectangle_t) { now->x, below, now->width,
                                  self->rungs[s->evidence_level].y + self->u - below };
    }

  if (s->baseline_perceived >= 0 &&
      (!s->has_perceived || (double) s->baseline_perceived != s->perceived))
    {
      double lx = frame_lane_x (f, LANE_PERCEIVED_START);
      double lw = frame_lane_w (f, LANE_PERCEIVED_START, LANE_PERCEIVED_END);

      self->ghosts[APMM_LADDER_MARKER_PERCEIVED] = (cairo_rectangle_t) {
        lx, frame_level_y (f, s->baseline_perceived) - ph / 2, lw, ph };
      self->ghost_shown[APMM_LADDER_MARKER_PERCEIVED] = TRUE;
    }

  if (box.width <= 0 || box.height <= 0)
    return;
  label_fit (self, &self->movement, candidates, box.width, box.height,
             MARKER_PX * self->u, MAX (MIN_LABEL_PX, 0.08 * self->u), PANGO_WEIGHT_BOLD,
             ROLE_SECONDARY);
  self->movement.x = box.x + (box.width - self->movement.width) / 2;
  self->movement.y = box.y + (box.height - self->movement.height) / 2;
}

ApmmLadderLayout *
apmm_ladder_layout_new (const ApmmLadderState *state,
                        int                    width,
                        int                    height)
{
  ApmmLadderLayout *self;
  Frame f;
  double text_w, votes_x, votes_w, chasm_w, hidden_x, hidden_w;

  g_return_val_if_fail (state != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  self = g_new0 (ApmmLadderLayout, 1);
  self->state = *state;
  self->width = width;
  self->height = height;

  frame_compute (&f, width, height);
  self->u = f.u;
  self->x0 = f.x0;
  self->cw = f.cw;
  for (guint i = 0; i < APMM_N_LEVELS; i++)
    self->rungs[i] = (cairo_rectangle_t) { f.x0, f.rung_y[i], f.cw, f.u };
  self->chasm = (cairo_rectangle_t) { f.x0, f.chasm_y, f.cw, f.u * CHASM_UNITS };

  self->mu = f.mu;
  self->stacked = f.stacked;
  self->badge = f.badge;
  text_w = MAX (1.0, f.text_end - f.text_x);
  votes_x = frame_lane_x (&f, VOTES_START);
  votes_w = frame_lane_w (&f, VOTES_START, VOTES_END);
  /* Stacked, the chasm's title shares its row with the hidden-votes badge. */
  chasm_w = f.stacked ? text_w * 0.55 : text_w;
  hidden_x = f.stacked ? f.text_x + chasm_w + f.u * 0.1 : votes_x;
  hidden_w = f.x0 + f.cw - hidden_x;

  layout_badges (self, f.badge_x);
  layout_texts_column (self, f.text_x, text_w);
  layout_chasm (self, f.text_x, chasm_w);

  fit_votes (self, self->state.votes_hidden ? hidden_w : votes_w);
  fit_evidence (self, &f);
  fit_progress (self, &f);
  fit_target (self, &f);
  fit_perceived (self, &f);
  unify_marker_labels (self);
  place_votes (self, self->state.votes_hidden ? hidden_x : votes_x, votes_w, hidden_w);
  place_markers (self);
  layout_legend (self, &f);
  layout_baseline (self, &f);

  return self;
}

void
apmm_ladder_layout_free (ApmmLadderLayout *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < APMM_N_LEVELS; i++)
    {
      label_clear (&self->numbers[i]);
      label_clear (&self->names[i]);
      label_clear (&self->descriptions[i]);
      label_clear (&self->votes[i]);
    }
  label_clear (&self->votes_hidden);
  label_clear (&self->chasm_label);
  label_clear (&self->movement);
  for (guint i = 0; i < APMM_LADDER_N_MARKERS; i++)
    {
      label_clear (&self->marker_labels[i]);
      label_clear (&self->legend_labels[i]);
      g_free (self->marker_texts[i]);
    }
  g_free (self);
}

static void
label_rect (const Label       *label,
            cairo_rectangle_t *rect)
{
  *rect = (cairo_rectangle_t) { label->x, label->y, label->width, label->height };
}

void
apmm_ladder_layout_get_name_rect (ApmmLadderLayout  *self,
                                  guint              level,
                                  cairo_rectangle_t *rect)
{
  g_return_if_fail (self != NULL && level < APMM_N_LEVELS && rect != NULL);
  label_rect (&self->names[level], rect);
}

gboolean
apmm_ladder_layout_get_description_rect (ApmmLadderLayout  *self,
                                         guint              level,
                                         cairo_rectangle_t *rect)
{
  g_return_val_if_fail (self != NULL && level < APMM_N_LEVELS && rect != NULL, FALSE);
  label_rect (&self->descriptions[level], rect);
  return self->descriptions[level].layout != NULL;
}

gboolean
apmm_ladder_layout_get_marker_rect (ApmmLadderLayout  *self,
                                    ApmmLadderMarker   marker,
                                    cairo_rectangle_t *rect)
{
  g_return_val_if_fail (self != NULL && marker < APMM_LADDER_N_MARKERS && rect != NULL, FALSE);
  *rect = self->markers[marker];
  return self->marker_shown[marker];
}

gboolean
apmm_ladder_layout_get_votes_rect (ApmmLadderLayout  *self,
                                   guint              level,
                                   cairo_rectangle_t *rect)
{
  const Label *label;

  g_return_val_if_fail (self != NULL && level < APMM_N_LEVELS && rect != NULL, FALSE);
  label = self->state.votes_hidden ? &self->votes_hidden : &self->votes[level];
  label_rect (label, rect);
  return label->layout != NULL;
}

gboolean
apmm_ladder_layout_get_marker_label_rect (ApmmLadderLayout  *self,
                                          ApmmLadderMarker   marker,
                                          cairo_rectangle_t *rect)
{
  g_return_val_if_fail (self != NULL && marker < APMM_LADDER_N_MARKERS && rect != NULL, FALSE);
  label_rect (&self->marker_labels[marker], rect);
  return self->marker_shown[marker] && self->marker_labels[marker].layout != NULL;
}

double
apmm_ladder_layout_get_marker_label_px (ApmmLadderLayout *self,
                                        ApmmLadderMarker  marker)
{
  const Label *label;

  g_return_val_if_fail (self != NULL && marker < APMM_LADDER_N_MARKERS, 0);
  label = &self->marker_labels[marker];
  if (!self->marker_shown[marker] || label->layout == NULL)
    return 0;
  return label->px * label->scale;
}

gboolean
apmm_ladder_layout_get_legend_rect (ApmmLadderLayout  *self,
                                    ApmmLadderMarker   marker,
                                    cairo_rectangle_t *rect)
{
  const Label *label;
  const cairo_rectangle_t *swatch;

  g_return_val_if_fail (self != NULL && marker < APMM_LADDER_N_MARKERS && rect != NULL, FALSE);
  label = &self->legend_labels[marker];
  swatch = &self->legend_swatches[marker];
  if (!self->legend || label->layout == NULL)
    {
      *rect = (cairo_rectangle_t) { 0, 0, 0, 0 };
      return FALSE;
    }
  rect->x = swatch->x;
  rect->y = MIN (swatch->y, label->y);
  rect->width = label->x + label->width - swatch->x;
  rect->height = MAX (swatch->y + swatch->height, label->y + label->height) - rect->y;
  return TRUE;
}

void
apmm_ladder_layout_get_chasm_label_rect (ApmmLadderLayout  *self,
                                         cairo_rectangle_t *rect)
{
  g_return_if_fail (self != NULL && rect != NULL);
  label_rect (&self->chasm_label, rect);
}

const char *
apmm_ladder_layout_get_marker_text (ApmmLadderLayout *self,
                                    ApmmLadderMarker  marker)
{
  g_return_val_if_fail (self != NULL && marker < APMM_LADDER_N_MARKERS, NULL);
  return self->marker_texts[marker];
}

/* --- Drawing -------------------------------------------------------------- */

static void
set_rgb (cairo_t   *cr,
         const Rgb *c)
{
  cairo_set_source_rgb (cr, c->r, c->g, c->b);
}

static void
rounded_rect (cairo_t                 *cr,
              const cairo_rectangle_t *r,
              double                   radius)
{
  radius = MIN (radius, MIN (r->width, r->height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, r->x + r->width - radius, r->y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, r->x + r->width - radius, r->y + r->height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, r->x + radius, r->y + r->height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, r->x + radius, r->y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static const Rgb *
role_colour (const Palette *p,
             Role           role)
{
  switch (role)
    {
    case ROLE_TEXT: return &p->text;
    case ROLE_SECONDARY: return &p->secondary;
    case ROLE_BADGE_TEXT: return &p->badge_text;
    case ROLE_ON_EVIDENCE: return &p->on_evidence;
    case ROLE_PERCEIVED: return &p->perceived;
    case ROLE_TARGET: return &p->target;
    case ROLE_CHASM_TEXT: return &p->chasm_text;
    default: g_assert_not_reached ();
    }
}

static void
draw_label (cairo_t       *cr,
            const Palette *p,
            const Label   *label)
{
  if (label->layout == NULL)
    return;
  set_rgb (cr, role_colour (p, label->role));
  cairo_save (cr);
  cairo_translate (cr, label->x, label->y);
  cairo_scale (cr, label->scale, label->scale);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, label->layout);
  cairo_restore (cr);
}

static void
draw_label_backed (cairo_t       *cr,
                   const Palette *p,
                   const Label   *label,
                   double         pad)
{
  cairo_rectangle_t r = { label->x - pad, label->y - pad / 2,
                          label->width + 2 * pad, label->height + pad };

  if (label->layout == NULL)
    return;
  rounded_rect (cr, &r, pad);
  set_rgb (cr, &p->background);
  cairo_fill (cr);
  draw_label (cr, p, label);
}

/* Adds @r snapped to whole pixels: boxes on the pixel grid skip cairo's
 * rasteriser, which is most of the cost of large shapes at 4K. */
static void
add_box (cairo_t *cr,
         double   x,
         double   y,
         double   width,
         double   height)
{
  double x1 = round (x), y1 = round (y);

  cairo_rectangle (cr, x1, y1, round (x + width) - x1, round (y + height) - y1);
}

static void
add_outline (cairo_t                 *cr,
             const cairo_rectangle_t *r,
             double                   line)
{
  add_box (cr, r->x, r->y, r->width, line);
  add_box (cr, r->x, r->y + r->height - line, r->width, line);
  add_box (cr, r->x, r->y + line, line, r->height - 2 * line);
  add_box (cr, r->x + r->width - line, r->y + line, line, r->height - 2 * line);
}

/* Whether the picture lands on pixels one to one (an image surface, not
 * scaled): then repeated shapes are stamped from one small drawn tile, which
 * costs a copy instead of rasterising every shape. Vector surfaces keep the
 * shapes. */
static gboolean
pixel_exact (cairo_t *cr)
{
  cairo_matrix_t m;

  cairo_get_matrix (cr, &m);
  return cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_IMAGE &&
         m.xx == 1 && m.yy == 1 && m.xy == 0 && m.yx == 0 &&
         m.x0 == floor (m.x0) && m.y0 == floor (m.y0);
}

/* A context to draw a @w × @h tile into; tile_end() makes it a pattern. */
static cairo_t *
tile_begin (cairo_t *cr,
            int      w,
            int      h)
{
  cairo_surface_t *tile = cairo_surface_create_similar_image (cairo_get_target (cr),
                                                              CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *tc = cairo_create (tile);

  cairo_surface_destroy (tile);
  return tc;
}

/* The tile repeated over the plane, one copy with its corner at (@ox, @oy). */
static cairo_pattern_t *
tile_end (cairo_t *tc,
          double   ox,
          double   oy)
{
  cairo_pattern_t *pattern = cairo_pattern_create_for_surface (cairo_get_target (tc));
  cairo_matrix_t m;

  cairo_destroy (tc);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_matrix_init_translate (&m, -ox, -oy);
  cairo_pattern_set_matrix (pattern, &m);
  return pattern;
}

/* Outlined rungs, not filled ones: a fill would touch most pixels of the
 * picture a second time, which a 4K frame cannot afford. */
static void
draw_rungs (ApmmLadderLayout *self,
            cairo_t          *cr,
            const Palette    *p)
{
  double line = MAX (1.0, round (self->u * p->rung_border_width));

  for (guint i = 0; i < APMM_N_LEVELS; i++)
    add_outline (cr, &self->rungs[i], line);
  set_rgb (cr, &p->rung_border);
  cairo_fill (cr);

  for (guint i = 0; i < APMM_N_LEVELS; i++)
    add_box (cr, self->x0 + self->u * 0.1, self->rungs[i].y + (self->u - self->badge) / 2,
             self->badge, self->badge);
  set_rgb (cr, &p->badge);
  cairo_fill (cr);

  for (guint i = 0; i < APMM_N_LEVELS; i++)
    {
      draw_label (cr, p, &self->numbers[i]);
      draw_label (cr, p, &self->names[i]);
      draw_label (cr, p, &self->descriptions[i]);
    }
}

/* Diagonal hatching between @top and @bottom: lines x + y = c.x + c.y + k·step,
 * stamped from one tile where the picture is pixel-exact. It stays between
 * the teeth: a rectangular clip is cheap, a zigzag one costs a mask. */
static void
draw_hatching (ApmmLadderLayout *self,
               cairo_t          *cr,
               const Palette    *p,
               double            top,
               double            bottom)
{
  const cairo_rectangle_t *c = &self->chasm;
  int step = MAX (2, (int) round (self->u * 0.34));
  double line = MAX (1.0, self->u * 0.03);

  add_box (cr, c->x, top, c->width, bottom - top);
  if (pixel_exact (cr))
    {
      cairo_t *tc = tile_begin (cr, step, step);
      cairo_pattern_t *pattern;

      set_rgb (tc, &p->chasm);
      cairo_paint (tc);
      set_rgb (tc, &p->chasm_hatch);
      cairo_set_line_width (tc, line);
      /* Lines through the tile and its corners, drawn past its edges so
       * that no line end falls inside it. */
      for (int k = -1; k <= 1; k++)
        {
          cairo_move_to (tc, (k - 1) * step, 2 * step);
          cairo_line_to (tc, (k + 2) * step, -step);
        }
      cairo_stroke (tc);
      pattern = tile_end (tc, round (c->x + c->y), 0);
      cairo_set_source (cr, pattern);
      cairo_pattern_destroy (pattern);
      cairo_fill (cr);
      return;
    }

  cairo_clip (cr);
  set_rgb (cr, &p->chasm_hatch);
  cairo_set_line_width (cr, line);
  for (double x = c->x - c->height; x < c->x + c->width; x += step)
    {
      cairo_move_to (cr, x, c->y + c->height);
      cairo_line_to (cr, x + c->height, c->y);
    }
  cairo_stroke (cr);
}

/* The torn edges: triangles every other @step pixels along the band's top and
 * bottom, stamped from one tile per edge where the picture is pixel-exact.
 * The source is the band's colour. */
static void
draw_teeth (ApmmLadderLayout *self,
            cairo_t          *cr,
            double            top,
            double            bottom,
            double            inset)
{
  const cairo_rectangle_t *c = &self->chasm;
  int step = MAX (2, (int) round (MAX (4.0, self->u * 0.22)));

  if (inset < 1)
    return;
  if (pixel_exact (cr))
    {
      cairo_pattern_t *source = cairo_pattern_reference (cairo_get_source (cr));
      cairo_t *tc = tile_begin (cr, 2 * step, inset);
      cairo_pattern_t *pattern;

      /* Top edge: a tooth in the second half of each pair of steps. */
      cairo_set_source (tc, source);
      cairo_move_to (tc, step, inset);
      cairo_line_to (tc, 1.5 * step, 0);
      cairo_line_to (tc, 2 * step, inset);
      cairo_fill (tc);
      pattern = tile_end (tc, c->x, top - inset);
      cairo_set_source (cr, pattern);
      cairo_pattern_destroy (pattern);
      add_box (cr, c->x, top - inset, c->width, inset);
      cairo_fill (cr);

      /* Bottom edge: in the first half. */
      tc = tile_begin (cr, 2 * step, inset);
      cairo_set_source (tc, source);
      cairo_move_to (tc, 0, 0);
      cairo_line_to (tc, 0.5 * step, inset);
      cairo_line_to (tc, step, 0);
      cairo_fill (tc);
      pattern = tile_end (tc, c->x, bottom);
      cairo_set_source (cr, pattern);
      cairo_pattern_destroy (pattern);
      add_box (cr, c->x, bottom, c->width, inset);
      cairo_fill (cr);
      cairo_set_source (cr, source);
      cairo_pattern_destroy (source);
      return;
    }

  cairo_save (cr);
  add_box (cr, c->x, c->y, c->width, c->height);
  cairo_clip (cr);
  for (int x = 0; x < c->width; x += 2 * step)
    {
      cairo_move_to (cr, c->x + x + step, top);
      cairo_line_to (cr, c->x + x + 1.5 * step, top - inset);
      cairo_line_to (cr, c->x + x + 2 * step, top);
      cairo_close_path (cr);
      cairo_move_to (cr, c->x + x, bottom);
      cairo_line_to (cr, c->x + x + 0.5 * step, bottom + inset);
      cairo_line_to (cr, c->x + x + step, bottom);
      cairo_close_path (cr);
    }
  cairo_fill (cr);
  cairo_restore (cr);
}

/* A band with torn, zigzag edges and diagonal hatching: the ladder is broken
 * here. The teeth are drawn apart from the band so that only two thin strips
 * go through the rasteriser. */
static void
draw_chasm (ApmmLadderLayout *self,
            cairo_t          *cr,
            const Palette    *p)
{
  const cairo_rectangle_t *c = &self->chasm;
  double inset = round (c->height * 0.12);
  double top = round (c->y) + inset;
  double bottom = round (c->y + c->height) - inset;

  cairo_save (cr);
  set_rgb (cr, &p->chasm);
  /* A stamped hatching tile carries the band's colour too: one pass, not two. */
  if (!pixel_exact (cr))
    {
      add_box (cr, c->x, top, c->width, bottom - top);
      cairo_fill (cr);
    }
  draw_teeth (self, cr, top, bottom, inset);
  draw_hatching (self, cr, p, top, bottom);
  cairo_restore (cr);

  draw_label_backed (cr, p, &self->chasm_label, self->u * 0.08);
}

/* One fill per rung keeps each path's height, and so the rasteriser's work, small. */
static void
draw_dots (ApmmLadderLayout *self,
           cairo_t          *cr,
           const Palette    *p)
{
  set_rgb (cr, &p->dots);
  for (guint i = 0; i < APMM_N_LEVELS; i++)
    {
      for (guint k = 0; k < self->state.votes[i]; k++)
        {
          double x = self->dots_x + (k % self->dot_cols + 0.5) * self->dot_pitch;
          double y = self->dots_y[i] + (k / self->dot_cols + 0.5) * self->dot_pitch;

          cairo_new_sub_path (cr);
          cairo_arc (cr, x, y, self->dot_pitch * 0.36, 0, 2 * G_PI);
        }
      cairo_fill (cr);
    }
}

/* The same dots stamped from one tile: each rung's dots are a rectangle of
 * full rows and one of the rest. */
static void
stamp_dots (ApmmLadderLayout *self,
            cairo_t          *cr,
            const Palette    *p)
{
  int pitch = (int) self->dot_pitch;
  cairo_t *tc = tile_begin (cr, pitch, pitch);
  cairo_pattern_t *pattern;

  set_rgb (tc, &p->dots);
  cairo_arc (tc, pitch / 2.0, pitch / 2.0, pitch * 0.36, 0, 2 * G_PI);
  cairo_fill (tc);
  pattern = tile_end (tc, self->dots_x, 0);
  cairo_set_source (cr, pattern);
  for (guint i = 0; i < APMM_N_LEVELS; i++)
    {
      guint n = self->state.votes[i];
      guint full = n / self->dot_cols, rest = n % self->dot_cols;
      cairo_matrix_t m;

      if (n == 0)
        continue;
      cairo_matrix_init_translate (&m, -self->dots_x, -self->dots_y[i]);
      cairo_pattern_set_matrix (pattern, &m);
      cairo_rectangle (cr, self->dots_x, self->dots_y[i], self->dot_cols * pitch, full * pitch);
      cairo_rectangle (cr, self->dots_x, self->dots_y[i] + full * pitch, rest * pitch, pitch);
      cairo_fill (cr);
    }
  cairo_pattern_destroy (pattern);
}

static void
draw_votes (ApmmLadderLayout *self,
            cairo_t          *cr,
            const Palette    *p)
{
  if (self->state.votes_hidden)
    {
      const Label *l = &self->votes_hidden;
      double pad = self->u * 0.1;
      cairo_rectangle_t box = { l->x - pad, l->y - pad / 2, l->width + 2 * pad, l->height + pad };
      double dash = MAX (2.0, self->u * 0.06);

      rounded_rect (cr, &box, pad);
      set_rgb (cr, &p->background);
      cairo_fill_preserve (cr);
      set_rgb (cr, &p->secondary);
      cairo_set_line_width (cr, MAX (1.0, self->u * 0.02));
      cairo_set_dash (cr, &dash, 1, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      draw_label (cr, p, l);
      return;
    }

  if (self->dot_pitch > 0 && pixel_exact (cr))
    stamp_dots (self, cr, p);
  else if (self->dot_pitch > 0)
    draw_dots (self, cr, p);
  for (guint i = 0; i < APMM_N_LEVELS; i++)
    draw_label (cr, p, &self->votes[i]);
}

static void
draw_evidence (ApmmLadderLayout *self,
               cairo_t          *cr,
               const Palette    *p)
{
  const cairo_rectangle_t *pill = &self->markers[APMM_LADDER_MARKER_EVIDENCE];
  double r = pill->height / 2;

  if (!self->marker_shown[APMM_LADDER_MARKER_EVIDENCE])
    return;
  rounded_rect (cr, pill, r);
  set_rgb (cr, &p->evidence);
  cairo_fill (cr);

  /* A floor points up: the level may be higher once the unknowns are known. */
  if (self->state.inconclusive)
    {
      double cx = pill->x + pill->width / 2;
      double h = self->mu * (self->stacked ? 0.14 : 0.16);

      cairo_move_to (cr, cx - h * 1.4, pill->y - h * 0.15);
      cairo_line_to (cr, cx, pill->y - h * 1.05);
      cairo_line_to (cr, cx + h * 1.4, pill->y - h * 0.15);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
  draw_label (cr, p, &self->marker_labels[APMM_LADDER_MARKER_EVIDENCE]);
}

static void
draw_progress (ApmmLadderLayout *self,
               cairo_t          *cr,
               const Palette    *p)
{
  const cairo_rectangle_t *bar = &self->markers[APMM_LADDER_MARKER_PROGRESS];
  double line = MAX (1.0, self->u * 0.03);
  cairo_rectangle_t inner = { bar->x + line, bar->y + line,
                              (bar->width - 2 * line) * CLAMP (self->state.progress, 0, 1),
                              bar->height - 2 * line };

  if (!self->marker_shown[APMM_LADDER_MARKER_PROGRESS])
    return;
  rounded_rect (cr, bar, bar->height / 2);
  set_rgb (cr, &p->background);
  cairo_fill_preserve (cr);
  set_rgb (cr, &p->evidence);
  cairo_set_line_width (cr, line);
  cairo_stroke (cr);
  if (inner.width > 0.5)
    {
      rounded_rect (cr, &inner, inner.height / 2);
      set_rgb (cr, &p->progress_fill);
      cairo_fill (cr);
    }
  draw_label (cr, p, &self->marker_labels[APMM_LADDER_MARKER_PROGRESS]);
}

static void
draw_perceived (ApmmLadderLayout *self,
                cairo_t          *cr,
                const Palette    *p)
{
  const cairo_rectangle_t *pill = &self->markers[APMM_LADDER_MARKER_PERCEIVED];
  double line = MAX (2.0, self->u * 0.055);
  cairo_rectangle_t inset = { pill->x + line / 2, pill->y + line / 2,
                              pill->width - line, pill->height - line };

  if (!self->marker_shown[APMM_LADDER_MARKER_PERCEIVED])
    return;
  rounded_rect (cr, &inset, inset.height / 2);
  set_rgb (cr, &p->background);
  cairo_fill_preserve (cr);
  set_rgb (cr, &p->perceived);
  cairo_set_line_width (cr, line);
  cairo_stroke (cr);
  draw_label (cr, p, &self->marker_labels[APMM_LADDER_MARKER_PERCEIVED]);
}

static void
draw_estimation (ApmmLadderLayout *self,
                 cairo_t          *cr,
                 const Palette    *p)
{
  double x = self->arrow_x;
  double dir = self->arrow_to < self->arrow_from ? -1.0 : 1.0;
  double head = self->u * 0.16;
  double line = MAX (1.5, self->u * 0.04);
  const Label *label;

  if (!self->marker_shown[APMM_LADDER_MARKER_ESTIMATION])
    return;
  set_rgb (cr, &p->perceived);
  cairo_arc (cr, x, self->arrow_from, line * 1.6, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_set_line_width (cr, line);
  cairo_move_to (cr, x, self->arrow_from);
  cairo_line_to (cr, x, self->arrow_to - dir * head * 0.8);
  cairo_stroke (cr);
  cairo_move_to (cr, x, self->arrow_to);
  cairo_line_to (cr, x - head * 0.6, self->arrow_to - dir * head);
  cairo_line_to (cr, x + head * 0.6, self->arrow_to - dir * head);
  cairo_close_path (cr);
  cairo_fill (cr);
  /* The label sits inside the evidence rung, beside the arrow's tail: nothing
   * is drawn behind it. */
  label = &self->marker_labels[APMM_LADDER_MARKER_ESTIMATION];
  draw_label (cr, p, label);
}

static void
draw_flag (cairo_t                 *cr,
           const Palette           *p,
           const cairo_rectangle_t *r,
           double                   line,
           double                   flag_w)
{
  double pole_x = r->x + line / 2;

  set_rgb (cr, &p->target);
  cairo_set_line_width (cr, line);
  cairo_move_to (cr, pole_x, r->y);
  cairo_line_to (cr, pole_x, r->y + r->height);
  cairo_stroke (cr);
  cairo_move_to (cr, pole_x, r->y);
  cairo_line_to (cr, pole_x + flag_w, r->y + r->height * 0.2);
  cairo_line_to (cr, pole_x, r->y + r->height * 0.4);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_target (ApmmLadderLayout *self,
             cairo_t          *cr,
             const Palette    *p)
{
  const cairo_rectangle_t *r = &self->markers[APMM_LADDER_MARKER_TARGET];
  double line = MAX (1.5, self->u * 0.045);
  cairo_rectangle_t pole = { r->x + r->width * 0.06 - line / 2, r->y, r->width, r->height };

  if (!self->marker_shown[APMM_LADDER_MARKER_TARGET])
    return;
  draw_flag (cr, p, &pole, line, MIN (r->width * 0.8, self->u * 0.7));
  draw_label (cr, p, &self->marker_labels[APMM_LADDER_MARKER_TARGET]);
}

/* The key under the ladder: the same shapes, small, each with its word. */
static void
draw_legend (ApmmLadderLayout *self,
             cairo_t          *cr,
             const Palette    *p)
{
  const cairo_rectangle_t *e = &self->legend_swatches[APMM_LADDER_MARKER_EVIDENCE];
  const cairo_rectangle_t *pc = &self->legend_swatches[APMM_LADDER_MARKER_PERCEIVED];
  const cairo_rectangle_t *t = &self->legend_swatches[APMM_LADDER_MARKER_TARGET];

  if (!self->legend)
    return;
  if (self->legend_labels[APMM_LADDER_MARKER_EVIDENCE].layout != NULL)
    {
      rounded_rect (cr, e, e->height / 2);
      set_rgb (cr, &p->evidence);
      cairo_fill (cr);
    }
  if (self->legend_labels[APMM_LADDER_MARKER_PERCEIVED].layout != NULL)
    {
      double line = MAX (1.5, pc->height * 0.16);
      cairo_rectangle_t inset = { pc->x + line / 2, pc->y + line / 2,
                                  pc->width - line, pc->height - line };

      rounded_rect (cr, &inset, inset.height / 2);
      set_rgb (cr, &p->perceived);
      cairo_set_line_width (cr, line);
      cairo_stroke (cr);
    }
  if (self->legend_labels[APMM_LADDER_MARKER_TARGET].layout != NULL)
    draw_flag (cr, p, t, MAX (1.5, t->width * 0.14), t->width);
  for (guint i = 0; i < APMM_LADDER_N_MARKERS; i++)
    draw_label (cr, p, &self->legend_labels[i]);
}

static void
draw_selection (ApmmLadderLayout *self,
                cairo_t          *cr,
                const Palette    *p)
{
  int sel = self->state.selected;
  double line = MAX (2.0, self->u * (self->state.focus_visible ? 0.06 : 0.03));
  cairo_rectangle_t r;

  if (sel < 0 || sel >= APMM_N_LEVELS)
    return;
  r = self->rungs[sel];
  r.x -= line; r.y -= line; r.width += 2 * line; r.height += 2 * line;
  rounded_rect (cr, &r, self->u * 0.16);
  set_rgb (cr, &p->focus);
  cairo_set_line_width (cr, line);
  cairo_stroke (cr);
}

/* --- Baseline ghosts, drawn (see layout_baseline) ------------------------- */

static void
draw_ghost (cairo_t                 *cr,
            const cairo_rectangle_t *pill,
            const Rgb               *colour,
            double                   line)
{
  double dash[] = { line * 2.5, line * 1.5 };

  cairo_save (cr);
  rounded_rect (cr, pill, pill->height / 2);
  cairo_set_source_rgba (cr, colour->r, colour->g, colour->b, 0.12);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, colour->r, colour->g, colour->b, 0.75);
  cairo_set_line_width (cr, line);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_baseline (ApmmLadderLayout *self,
               cairo_t          *cr,
               const Palette    *p)
{
  double line = MAX (1.0, self->mu * 0.035);

  if (!self->state.has_baseline)
    return;

  if (self->ghost_shown[APMM_LADDER_MARKER_EVIDENCE])
    draw_ghost (cr, &self->ghosts[APMM_LADDER_MARKER_EVIDENCE], &p->evidence, line);
  if (self->ghost_shown[APMM_LADDER_MARKER_PERCEIVED])
    draw_ghost (cr, &self->ghosts[APMM_LADDER_MARKER_PERCEIVED], &p->perceived, line);
  draw_label (cr, p, &self->movement);
}

gboolean
apmm_ladder_layout_get_ghost_rect (ApmmLadderLayout  *self,
                                   ApmmLadderMarker   marker,
                                   cairo_rectangle_t *rect)
{
  g_return_val_if_fail (self != NULL && rect != NULL, FALSE);
  g_return_val_if_fail (marker == APMM_LADDER_MARKER_EVIDENCE ||
                        marker == APMM_LADDER_MARKER_PERCEIVED, FALSE);

  *rect = self->ghosts[marker];

  return self->ghost_shown[marker];
}

gboolean
apmm_ladder_layout_get_movement_rect (ApmmLadderLayout  *self,
                                      cairo_rectangle_t *rect)
{
  g_return_val_if_fail (self != NULL && rect != NULL, FALSE);

  *rect = (cairo_rectangle_t) { self->movement.x, self->movement.y,
                                self->movement.width, self->movement.height };

  return self->movement.layout != NULL;
}

void
apmm_ladder_layout_draw (ApmmLadderLayout  *self,
                         cairo_t           *cr,
                         ApmmLadderPalette  palette)
{
  const Palette *p;

  g_return_if_fail (self != NULL && cr != NULL);
  g_return_if_fail (palette <= APMM_LADDER_PALETTE_HIGH_CONTRAST);

  p = &palettes[palette];
  cairo_save (cr);
  /* Painting with SOURCE is cairo's plainest fill: no compositing and no
   * path, a straight write of every pixel. */
  if (!self->state.transparent)
    {
      cairo_save (cr);
      cairo_rectangle (cr, 0, 0, self->width, self->height);
      cairo_clip (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
      set_rgb (cr, &p->background);
      cairo_paint (cr);
      cairo_restore (cr);
    }

  draw_rungs (self, cr, p);
  draw_chasm (self, cr, p);
  draw_votes (self, cr, p);
  draw_progress (self, cr, p);
  draw_baseline (self, cr, p);
  draw_evidence (self, cr, p);
  draw_perceived (self, cr, p);
  draw_estimation (self, cr, p);
  draw_target (self, cr, p);
  draw_legend (self, cr, p);
  draw_selection (self, cr, p);
  cairo_restore (cr);
}

void
apmm_ladder_render (cairo_t               *cr,
                    const ApmmLadderState *state,
                    ApmmLadderPalette      palette,
                    int                    width,
                    int                    height)
{
  g_autoptr(ApmmLadderLayout) layout = NULL;

  g_return_if_fail (cr != NULL && state != NULL);

  layout = apmm_ladder_layout_new (state, width, height);
  apmm_ladder_layout_draw (layout, cr, palette);
}
