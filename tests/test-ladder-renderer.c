/* test-ladder-renderer.c — what a viewer notices in the ladder picture
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "apmm-ladder-renderer.h"
#include "apmm-session-file.h"

/* The light palette's evidence colour, as the image stores it. */
#define EVIDENCE_RGB 0x1a5fb4
#define PERCEIVED_RGB 0xb24000

static const int sizes[][2] = { { 320, 240 }, { 1024, 768 }, { 1920, 1080 }, { 3840, 2160 } };

/* A session whose evidence level is @level: every criterion up to it met, the
 * next level's criteria rated "not met" so the verdict is conclusive. */
static ApmmSession *
session_at_level (guint level)
{
  ApmmModel *model = apmm_model_get_default ();
  ApmmSession *session = apmm_session_new ();

  for (guint i = 0; i < apmm_model_get_n_criteria (model); i++)
    {
      const ApmmCriterion *c = apmm_model_get_criterion (model, i);

      if (c->level <= level)
        apmm_session_set_status (session, c->id, APMM_STATUS_MET);
      else if (c->level == level + 1)
        apmm_session_set_status (session, c->id, APMM_STATUS_NOT_MET);
    }
  return session;
}

static void
state_for (ApmmLadderState *state,
           ApmmSession     *session)
{
  apmm_ladder_state_init (state, session, apmm_model_get_default (), NULL);
}

static cairo_surface_t *
render (const ApmmLadderState *state,
        ApmmLadderPalette      palette,
        int                    width,
        int                    height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  apmm_ladder_render (cr, state, palette, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpfloat (y, <, cairo_image_surface_get_height (surface));
  return *(const guint32 *) (data + (int) y * stride + (int) x * 4) & 0xffffff;
}

static gboolean
rect_inside (const cairo_rectangle_t *inner,
             const cairo_rectangle_t *outer)
{
  return inner->x >= outer->x - 0.5 && inner->y >= outer->y - 0.5 &&
         inner->x + inner->width <= outer->x + outer->width + 0.5 &&
         inner->y + inner->height <= outer->y + outer->height + 0.5;
}

static gboolean
rects_overlap (const cairo_rectangle_t *a,
               const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static int
rung_of_rect (int                      width,
              int                      height,
              const cairo_rectangle_t *rect)
{
  return apmm_ladder_layout_rung_at (width, height, rect->x + rect->width / 2,
                                     rect->y + rect->height / 2);
}

static void
test_evidence_on_its_rung (void)
{
  for (guint level = 0; level <= APMM_MAX_LEVEL; level++)
    {
      g_autoptr(ApmmSession) session = session_at_level (level);
      g_autoptr(ApmmLadderLayout) layout = NULL;
      ApmmLadderState state;
      cairo_surface_t *surface;
      cairo_rectangle_t marker, own;
      double probe_x, probe_dy;

      state_for (&state, session);
      g_assert_cmpuint (state.evidence_level, ==, level);
      g_assert_false (state.inconclusive);

      layout = apmm_ladder_layout_new (&state, 1024, 768);
      g_assert_true (apmm_ladder_layout_get_marker_rect (layout, APMM_LADDER_MARKER_EVIDENCE,
                                                         &marker));
      g_assert_cmpint (rung_of_rect (1024, 768, &marker), ==, level);

      /* The solid marker is in the evidence colour on its rung and on no
       * other. The probe sits just inside its top edge, above the label. */
      surface = render (&state, APMM_LADDER_PALETTE_LIGHT, 1024, 768);
      apmm_ladder_layout_get_rung_rect (1024, 768, level, &own);
      probe_x = marker.x + marker.width / 2;
      probe_dy = marker.y + marker.height * 0.05 - own.y;
      for (guint other = 0; other <= APMM_MAX_LEVEL; other++)
        {
          cairo_rectangle_t rung;
          guint32 pixel;

          apmm_ladder_layout_get_rung_rect (1024, 768, other, &rung);
          pixel = pixel_at (surface, probe_x, rung.y + probe_dy);
          if (other == level)
            g_assert_cmphex (pixel, ==, EVIDENCE_RGB);
          else
            g_assert_cmphex (pixel, !=, EVIDENCE_RGB);
        }
      cairo_surface_destroy (surface);
    }
}

static void
test_perceived_differs (void)
{
  g_autoptr(ApmmSession) session = session_at_level (1);
  g_autoptr(ApmmLadderLayout) layout = NULL;
  ApmmLadderState state;
  cairo_rectangle_t evidence, perceived, arrow;
  cairo_surface_t *surface;
  const char *label;

  apmm_session_set_perceived_level (session, 3);
  state_for (&state, session);
  g_assert_true (state.has_perceived);
  g_assert_cmpint (state.overestimation, ==, 2);

  layout = apmm_ladder_layout_new (&state, 1920, 1080);
  g_assert_true (apmm_ladder_layout_get_marker_rect (layout, APMM_LADDER_MARKER_EVIDENCE, &evidence));
  g_assert_true (apmm_ladder_layout_get_marker_rect (layout, APMM_LADDER_MARKER_PERCEIVED, &perceived));
  g_assert_cmpint (rung_of_rect (1920, 1080, &evidence), ==, 1);
  g_assert_cmpint (rung_of_rect (1920, 1080, &perceived), ==, 3);
  /* Higher on the screen means a smaller y. */
  g_assert_cmpfloat (perceived.y + perceived.height, <, evidence.y);

  g_assert_true (apmm_ladder_layout_get_marker_rect (layout, APMM_LADDER_MARKER_ESTIMATION, &arrow));
  label = apmm_ladder_layout_get_marker_text (layout, APMM_LADDER_MARKER_ESTIMATION);
  g_assert_nonnull (label);
  g_assert_true (g_str_has_prefix (label, "+2"));
  g_assert_nonnull (strstr (label, "overestimated"));

  /* The outlined marker: its edge is drawn in the perceived colour, its middle is not. */
  surface = render (&state, APMM_LADDER_PALETTE_LIGHT, 1920, 1080);
  g_assert_cmphex (pixel_at (surface, perceived.x + perceived.width / 2, perceived.y + 2), ==,
                   PERCEIVED_RGB);
  g_assert_cmphex (pixel_at (surface, perceived.x + perceived.width * 0.3,
                             perceived.y + perceived.height * 0.25), ==, 0xffffff);
  cairo_surface_destroy (surface);
}

static void
test_perceived_matches (void)
{
  g_autoptr(ApmmSession) session = session_at_level (2);
  g_autoptr(ApmmLadderLayout) layout = NULL;
  ApmmLadderState state;
  cairo_rectangle_t rect;

  apmm_session_set_perceived_level (session, 2);
  state_for (&state, session);
  layout = apmm_ladder_layout_new (&state, 1920, 1080);
  g_assert_true (apmm_ladder_layout_get_marker_rect (layout, APMM_LADDER_MARKER_PERCEIVED, &rect));
  g_assert_cmpint (rung_of_rect (1920, 1080, &rect), ==, 2);
  g_assert_false (apmm_ladder_layout_get_marker_rect (layout, APMM_LADDER_MARKER_ESTIMATION, &rect));
}

static gsize
count_differences (cairo_surface_t         *a,
                   cairo_surface_t         *b,
                   const cairo_rectangle_t *area)
{
  gsize n = 0;

  for (int y = (int) area->y; y < (int) (area->y + area->height); y++)
    for (int x = (int) area->x; x < (int) (area->x + area->width); x++)
      n += pixel_at (a, x, y) != pixel_at (b, x, y);
  return n;
}

/* The part of a rung where its votes are drawn, right of the names. */
static void
votes_column (guint              level,
              cairo_rectangle_t *rect)
{
  apmm_ladder_layout_get_rung_rect (1024, 768, level, rect);
  rect->x += rect->width * 0.44;
  rect->width *= 0.125;
}

static void
test_votes_change_picture (void)
{
  g_autoptr(ApmmSession) session = session_at_level (2);
  g_autoptr(ApmmLadderLayout) layout = NULL;
  ApmmLadderState before, after, hidden;
  cairo_surface_t *a, *b, *c;
  cairo_rectangle_t column, votes;

  state_for (&before, session);
  apmm_session_add_participant (session, "Ada", 3);
  apmm_session_add_participant (session, "Grace", 3);
  apmm_session_set_tally (session, 1, 4);
  state_for (&after, session);
  g_assert_cmpuint (after.n_votes, ==, 6);
  apmm_session_set_votes_hidden (session, TRUE);
  state_for (&hidden, session);

  a = render (&before, APMM_LADDER_PALETTE_LIGHT, 1024, 768);
  b = render (&after, APMM_LADDER_PALETTE_LIGHT, 1024, 768);
  c = render (&hidden, APMM_LADDER_PALETTE_LIGHT, 1024, 768);

  /* The rungs that got votes change; the one without does not. */
  votes_column (3, &column);
  g_assert_cmpuint (count_differences (a, b, &column), >, 100);
  votes_column (1, &column);
  g_assert_cmpuint (count_differences (a, b, &column), >, 100);
  votes_column (0, &column);
  g_assert_cmpuint (count_differences (a, b, &column), ==, 0);

  /* Hidden votes show no counts, but say so. */
  layout = apmm_ladder_layout_new (&hidden, 1024, 768);
  g_assert_true (apmm_ladder_layout_get_votes_rect (layout, 0, &votes));
  g_assert_cmpuint (count_differences (b, c, &votes), >, 100);
  votes_column (3, &column);
  g_assert_cmpuint (count_differences (a, c, &column), ==, 0);

  /* …and the perceived level they add up to stays hidden too, in the picture
   * and in what a screen reader hears. */
  g_assert_true (after.has_perceived);
  g_assert_false (hidden.has_perceived);
  {
    g_autofree char *said = apmm_ladder_state_describe (&hidden);
    g_assert_null (strstr (said, "Perceived level 3"));
    g_assert_nonnull (strstr (said, "hidden"));
  }

  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
  cairo_surface_destroy (c);
}

static void
check_texts_fit (const ApmmLadderState *state,
                 int                    width,
                 int                    height)
{
  g_autoptr(ApmmLadderLayout) layout = apmm_ladder_layout_new (state, width, height);
  cairo_rectangle_t image = { 0, 0, width, height };

  for (guint i = 0; i < APMM_N_LEVELS; i++)
    {
      cairo_rectangle_t rung, name, description, votes;

      apmm_ladder_layout_get_rung_rect (width, height, i, &rung);
      apmm_ladder_layout_get_name_rect (layout, i, &name);
      g_assert_cmpfloat (name.width, >, 0);
      g_assert_true (rect_inside (&name, &image));
      g_assert_true (rect_inside (&name, &rung));
      /* Names stay clear of every marker and its label. */
      for (ApmmLadderMarker m = 0; m < APMM_LADDER_N_MARKERS; m++)
        {
          cairo_rectangle_t marker;

          if (apmm_ladder_layout_get_marker_rect (layout, m, &marker) &&
              m != APMM_LADDER_MARKER_ESTIMATION)
            g_assert_false (rects_overlap (&name, &marker));
          if (apmm_ladder_layout_get_marker_label_rect (layout, m, &marker))
            g_assert_false (rects_overlap (&name, &marker));
        }
      if (apmm_ladder_layout_get_description_rect (layout, i, &description))
        {
          g_assert_true (rect_inside (&description, &rung));
          g_assert_false (rects_overlap (&name, &description));
          g_assert_cmpfloat (description.x + description.width, <=, rung.x + rung.width * 0.44);
        }
      if (apmm_ladder_layout_get_votes_rect (layout, i, &votes) && !state->votes_hidden)
        {
          g_assert_true (rect_inside (&votes, &rung));
          g_assert_false (rects_overlap (&name, &votes));
        }
    }
}

static void
test_names_inside (void)
{
  g_autoptr(ApmmSession) session = session_at_level (2);
  ApmmLadderState state;

  for (guint level = 0; level < APMM_N_LEVELS; level++)
    apmm_session_add_participant (session, "P", (int) level);
  apmm_session_set_tally (session, 3, 30);
  state_for (&state, session);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    check_texts_fit (&state, sizes[i][0], sizes[i][1]);
  /* A tall sidebar, too. */
  check_texts_fit (&state, 320, 720);
}

static void
test_projector_text_size (void)
{
  g_autoptr(ApmmSession) session = session_at_level (2);
  g_autoptr(ApmmLadderLayout) layout = NULL;
  ApmmLadderState state;

  state_for (&state, session);
  layout = apmm_ladder_layout_new (&state, 1024, 768);
  for (guint i = 0; i < APMM_N_LEVELS; i++)
    {
      cairo_rectangle_t name;

      apmm_ladder_layout_get_name_rect (layout, i, &name);
      g_assert_cmpfloat (name.height, >=, 24);
    }
}

/* The busiest realistic session: every marker, an inconclusive floor, an
 * overestimation and 40 votes, as in tools/bench-ladder.c. */
static ApmmSession *
busiest_session (void)
{
  ApmmSession *session = apmm_session_new ();
  static const guint spread[APMM_N_LEVELS] = { 2, 6, 12, 14, 6 };

  apmm_session_set_status (session, "l1.tools-purchased", APMM_STATUS_MET);
  apmm_session_set_status (session, "l1.budget-allocated", APMM_STATUS_MET);
  apmm_session_set_status (session, "l2.live-real-data", APMM_STATUS_MET);
  apmm_session_set_status (session, "l2.owned-use-case", APMM_STATUS_PARTLY);
  apmm_session_set_target_level (session, 3);
  for (guint level = 0; level < APMM_N_LEVELS; level++)
    for (guint k = 0; k < spread[level]; k++)
      apmm_session_add_participant (session, "P", (int) level);
  return session;
}

/* At the sizes a 1024×768 or larger window gives the ladder (the Level
 * Explorer's column is 470×690 at 1024×768), every marker keeps its word and
 * every vote count says "votes", not a bare number. */
static void
assert_ladder_labels (const char *ratings_file)
{
  static const int window_sizes[][2] = { { 470, 690 }, { 600, 690 }, { 1024, 768 }, { 760, 1010 }, { 883, 1010 }, { 1920, 1080 } };
  g_autofree char *path = g_build_filename (SRC_ROOT, "data", "examples", ratings_file, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmSession) session = apmm_session_load_file (file, NULL, &error);
  ApmmLadderState state;

  g_assert_no_error (error);
  apmm_ladder_state_init (&state, session, apmm_model_get_default (), NULL);
  g_assert_true (state.has_perceived);
  for (guint s = 0; s < G_N_ELEMENTS (window_sizes); s++)
    {
      int w = window_sizes[s][0], h = window_sizes[s][1];
      ApmmLadderLayout *layout = apmm_ladder_layout_new (&state, w, h);
      static const ApmmLadderMarker markers[] = {
        APMM_LADDER_MARKER_EVIDENCE, APMM_LADDER_MARKER_PERCEIVED, APMM_LADDER_MARKER_TARGET,
      };
      cairo_rectangle_t rect;

      g_test_message ("%d×%d", w, h);
      for (guint m = 0; m < G_N_ELEMENTS (markers); m++)
        {
          g_assert_true (apmm_ladder_layout_get_marker_label_rect (layout, markers[m], &rect));
          g_assert_cmpfloat (apmm_ladder_layout_get_marker_label_px (layout, markers[m]), >=, 14);
        }
      for (guint level = 0; level < APMM_N_LEVELS; level++)
        if (state.votes[level] > 0)
          {
            g_assert_true (apmm_ladder_layout_get_votes_rect (layout, level, &rect));
            /* "6 votes" is at least twice as wide as it is high; "6" is not. */
            g_assert_cmpfloat (rect.width, >, 2 * rect.height);
          }
      apmm_ladder_layout_free (layout);
    }
}

/* The progress marker says what it counts, as the result strip does. */
static void
test_progress_counts (void)
{
  g_autofree char *path = g_build_filename (SRC_ROOT, "data", "examples", "meridian-insurance.apmm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ApmmSession) session = apmm_session_load_file (file, NULL, NULL);
  g_autoptr(ApmmLadderLayout) layout = NULL;
  ApmmLadderState state;

  apmm_ladder_state_init (&state, session, apmm_model_get_default (), NULL);
  layout = apmm_ladder_layout_new (&state, 1920, 1080);
  g_assert_cmpstr (apmm_ladder_layout_get_marker_text (layout, APMM_LADDER_MARKER_PROGRESS), ==,
                   "1/7 met, 2 partly");
}

static void
test_labels_in_window (void)
{
  assert_ladder_labels ("meridian-insurance.apmm");
  assert_ladder_labels ("northwind-logistics.apmm");
}

/* The sizes the room sees: an export, the Level Explorer's ladder in a
 * 1024×768 window, and the projector sizes. */
static const int room_sizes[][2] = { { 1024, 768 }, { 360, 690 }, { 1920, 1080 }, { 3840, 2160 } };

static void
test_marker_text_readable (void)
{
  g_autoptr(ApmmSession) session = busiest_session ();
  ApmmLadderState state;

  state_for (&state, session);
  g_assert_true (state.inconclusive && state.has_perceived && state.has_progress);
  for (guint s = 0; s < G_N_ELEMENTS (room_sizes); s++)
    {
      int w = room_sizes[s][0], h = room_sizes[s][1];
      g_autoptr(ApmmLadderLayout) layout = apmm_ladder_layout_new (&state, w, h);
      double size = 0;

      for (ApmmLadderMarker m = 0; m < APMM_LADDER_N_MARKERS; m++)
        {
          double px = apmm_ladder_layout_get_marker_label_px (layout, m);
          cairo_rectangle_t rect;

          /* Never shrunk below 14 px: dropped instead… */
          if (px > 0)
            g_assert_cmpfloat (px, >=, 14);
          /* …and every marker label has the same size. */
          if (px > 0 && size > 0)
            g_assert_cmpfloat_with_epsilon (px, size, 0.01);
          if (px > 0)
            size = px;
          /* A marker whose word was dropped is named by the legend. */
          if (m <= APMM_LADDER_MARKER_TARGET && px == 0)
            g_assert_true (apmm_ladder_layout_get_legend_rect (layout, m, &rect));
        }
      g_assert_cmpfloat (size, >=, 14);
      /* The vote counts are no louder than the markers' words. */
      for (guint i = 0; i < APMM_N_LEVELS; i++)
        {
          cairo_rectangle_t votes, label;

          g_assert_true (apmm_ladder_layout_get_votes_rect (layout, i, &votes));
          g_assert_true (apmm_ladder_layout_get_marker_label_rect (layout, APMM_LADDER_MARKER_PROGRESS,
                                                                   &label));
          g_assert_cmpfloat (votes.height, <=, label.height + 0.5);
        }
      for (guint i = 0; i < APMM_N_LEVELS; i++)
        {
          cairo_rectangle_t name;

          apmm_ladder_layout_get_name_rect (layout, i, &name);
          g_assert_cmpfloat (name.height, >=, 24);
        }
    }

  /* In the Level Explorer the lanes are narrow: a legend names the shapes. */
  {
    g_autoptr(ApmmLadderLayout) layout = apmm_ladder_layout_new (&state, 360, 690);
    cairo_rectangle_t entry, rung0;

    apmm_ladder_layout_get_rung_rect (360, 690, 0, &rung0);
    for (ApmmLadderMarker m = 0; m <= APMM_LADDER_MARKER_TARGET; m++)
      {
        g_assert_true (apmm_ladder_layout_get_legend_rect (layout, m, &entry));
        g_assert_cmpfloat (entry.y, >=, rung0.y + rung0.height);
        g_assert_cmpfloat (entry.y + entry.height, <=, 690);
      }
  }
}

/* A rung less its border, as thick as the thickest palette draws it. */
static void
rung_inside (int                width,
             int                height,
             guint              level,
             cairo_rectangle_t *inner)
{
  double line;

  apmm_ladder_layout_get_rung_rect (width, height, level, inner);
  line = MAX (1.0, round (inner->height * 0.03));
  inner->x += line;
  inner->y += line;
  inner->width -= 2 * line;
  inner->height -= 2 * line;
}

static void
test_labels_clear (void)
{
  g_autoptr(ApmmSession) session = busiest_session ();
  ApmmLadderState state;

  state_for (&state, session);
  for (guint s = 0; s < G_N_ELEMENTS (room_sizes); s++)
    {
      int w = room_sizes[s][0], h = room_sizes[s][1];
      g_autoptr(ApmmLadderLayout) layout = apmm_ladder_layout_new (&state, w, h);
      cairo_rectangle_t labels[APMM_LADDER_N_MARKERS + APMM_N_LEVELS];
      guint n = 0;

      for (ApmmLadderMarker m = 0; m < APMM_LADDER_N_MARKERS; m++)
        if (apmm_ladder_layout_get_marker_label_rect (layout, m, &labels[n]))
          n++;
      for (guint i = 0; i < APMM_N_LEVELS; i++)
        if (apmm_ladder_layout_get_votes_rect (layout, i, &labels[n]))
          n++;
      g_assert_cmpuint (n, >=, 5);

      for (guint a = 0; a < n; a++)
        {
          gboolean inside = FALSE;

          /* Each label lies within one rung's border: none covers a border. */
          for (guint i = 0; i < APMM_N_LEVELS && !inside; i++)
            {
              cairo_rectangle_t inner;

              rung_inside (w, h, i, &inner);
              inside = rect_inside (&labels[a], &inner);
            }
          g_assert_true (inside);
          for (guint b = a + 1; b < n; b++)
            g_assert_false (rects_overlap (&labels[a], &labels[b]));
        }
    }
}

static void
test_hidden_votes_badge (void)
{
  g_autoptr(ApmmSession) session = busiest_session ();
  ApmmLadderState state;

  apmm_session_set_votes_hidden (session, TRUE);
  state_for (&state, session);
  g_assert_false (state.has_perceived);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      int w = sizes[s][0], h = sizes[s][1];
      g_autoptr(ApmmLadderLayout) layout = apmm_ladder_layout_new (&state, w, h);
      cairo_rectangle_t badge, title, chasm;

      g_assert_false (apmm_ladder_layout_get_marker_rect (layout, APMM_LADDER_MARKER_PERCEIVED,
                                                          &badge));
      g_assert_true (apmm_ladder_layout_get_votes_rect (layout, 0, &badge));
      apmm_ladder_layout_get_chasm_label_rect (layout, &title);
      apmm_ladder_layout_get_chasm_rect (w, h, &chasm);
      g_assert_cmpfloat (title.width, >, 0);
      g_assert_true (rect_inside (&badge, &chasm));
      /* The badge and the title each have a backing around them; those do
       * not meet either (0.08 and 0.1 rung heights of padding). */
      g_assert_cmpfloat (badge.x - (title.x + title.width), >=,
                         0.18 * chasm.height / 0.72);
    }
}

static void
test_inconclusive_floor (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(ApmmLadderLayout) layout = NULL;
  g_autofree char *description = NULL;
  ApmmLadderState state;
  const char *text;

  apmm_session_set_status (session, "l1.tools-purchased", APMM_STATUS_MET);
  apmm_session_set_status (session, "l1.budget-allocated", APMM_STATUS_MET);
  apmm_session_set_status (session, "l2.live-real-data", APMM_STATUS_MET);
  state_for (&state, session);
  g_assert_true (state.inconclusive);

  layout = apmm_ladder_layout_new (&state, 1920, 1080);
  text = apmm_ladder_layout_get_marker_text (layout, APMM_LADDER_MARKER_EVIDENCE);
  g_assert_nonnull (strstr (text, "≥ 1"));
  g_assert_nonnull (strstr (text, "inconclusive"));
  description = apmm_ladder_state_describe (&state);
  g_assert_nonnull (strstr (description, "inconclusive"));
}

/* Before any rating the ladder shows no verdict: no evidence pill (not even
 * "≥ 0"), no target flag, no progress; the room's votes still show. */
static void
test_unassessed (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autofree char *description = NULL;
  ApmmLadderState state;

  apmm_session_add_participant (session, "Ana", 2);
  state_for (&state, session);
  g_assert_true (state.unassessed);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(ApmmLadderLayout) layout = apmm_ladder_layout_new (&state, sizes[s][0], sizes[s][1]);
      cairo_rectangle_t rect;

      g_assert_false (apmm_ladder_layout_get_marker_rect (layout, APMM_LADDER_MARKER_EVIDENCE, &rect));
      g_assert_false (apmm_ladder_layout_get_marker_rect (layout, APMM_LADDER_MARKER_TARGET, &rect));
      g_assert_false (apmm_ladder_layout_get_marker_rect (layout, APMM_LADDER_MARKER_PROGRESS, &rect));
      g_assert_false (apmm_ladder_layout_get_marker_rect (layout, APMM_LADDER_MARKER_ESTIMATION, &rect));
      g_assert_true (apmm_ladder_layout_get_marker_rect (layout, APMM_LADDER_MARKER_PERCEIVED, &rect));
    }
  description = apmm_ladder_state_describe (&state);
  g_assert_true (g_str_has_prefix (description, "Not assessed yet: no criterion is rated."));

  /* The first rating brings the verdict. */
  apmm_session_set_status (session, "l1.tools-purchased", APMM_STATUS_NOT_MET);
  state_for (&state, session);
  g_assert_false (state.unassessed);
}

static void
test_hit_testing (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      int w = sizes[s][0], h = sizes[s][1];
      cairo_rectangle_t chasm, rung;

      for (guint i = 0; i < APMM_N_LEVELS; i++)
        {
          apmm_ladder_layout_get_rung_rect (w, h, i, &rung);
          g_assert_true (rect_inside (&rung, &(cairo_rectangle_t) { 0, 0, w, h }));
          g_assert_cmpint (rung_of_rect (w, h, &rung), ==, i);
          if (i > 0)
            {
              cairo_rectangle_t below;

              apmm_ladder_layout_get_rung_rect (w, h, i - 1, &below);
              g_assert_cmpfloat (rung.y + rung.height, <=, below.y);
            }
        }
      apmm_ladder_layout_get_chasm_rect (w, h, &chasm);
      g_assert_cmpint (rung_of_rect (w, h, &chasm), ==, -1);
      g_assert_cmpint (apmm_ladder_layout_rung_at (w, h, -5, h / 2.0), ==, -1);
    }
}

static void
test_description (void)
{
  g_autoptr(ApmmSession) session = session_at_level (2);
  g_autofree char *text = NULL;
  g_autofree char *rung = NULL;
  ApmmLadderState state;

  apmm_session_set_perceived_level (session, 3);
  apmm_session_set_target_level (session, 3);
  state_for (&state, session);
  text = apmm_ladder_state_describe (&state);
  g_assert_true (g_str_has_prefix (text, "Evidence level 2, AI Active. "
                                         "Perceived level 3: overestimated by 1 level. "
                                         "Target 3."));
  rung = apmm_ladder_state_describe_rung (&state, 3);
  g_assert_true (g_str_has_prefix (rung, "Level 3, AI Reliable"));
  g_assert_nonnull (strstr (rung, "Perceived level"));
  g_assert_nonnull (strstr (rung, "Target level"));
}

static void
test_interpolation (void)
{
  g_autoptr(ApmmSession) low = session_at_level (0);
  g_autoptr(ApmmSession) high = session_at_level (4);
  ApmmLadderState a, b, mid;

  state_for (&a, low);
  state_for (&b, high);
  apmm_ladder_state_interpolate (&mid, &a, &b, 0.5);
  g_assert_cmpfloat_with_epsilon (mid.evidence, 2.0, 1e-9);
  g_assert_cmpuint (mid.evidence_level, ==, 4);
  g_assert_false (apmm_ladder_state_positions_equal (&mid, &b));
  apmm_ladder_state_interpolate (&mid, &a, &b, 1.0);
  g_assert_true (apmm_ladder_state_positions_equal (&mid, &b));
}

static void
test_palettes (void)
{
  g_autoptr(ApmmSession) session = session_at_level (3);
  ApmmLadderState state;
  guint32 corners[3];

  state_for (&state, session);
  for (guint p = APMM_LADDER_PALETTE_LIGHT; p <= APMM_LADDER_PALETTE_HIGH_CONTRAST; p++)
    {
      cairo_surface_t *surface = render (&state, p, 640, 480);

      corners[p] = pixel_at (surface, 1, 1);
      cairo_surface_destroy (surface);
    }
  g_assert_cmphex (corners[APMM_LADDER_PALETTE_LIGHT], ==, 0xffffff);
  g_assert_cmphex (corners[APMM_LADDER_PALETTE_DARK] & 0xff, <, 0x40);
  g_assert_cmphex (corners[APMM_LADDER_PALETTE_HIGH_CONTRAST], ==, 0xffffff);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ladder-renderer/evidence-on-its-rung", test_evidence_on_its_rung);
  g_test_add_func ("/ladder-renderer/perceived-differs", test_perceived_differs);
  g_test_add_func ("/ladder-renderer/perceived-matches", test_perceived_matches);
  g_test_add_func ("/ladder-renderer/votes-change-picture", test_votes_change_picture);
  g_test_add_func ("/ladder-renderer/names-inside", test_names_inside);
  g_test_add_func ("/ladder-renderer/projector-text-size", test_projector_text_size);
  g_test_add_func ("/ladder-renderer/marker-text-readable", test_marker_text_readable);
  g_test_add_func ("/ladder-renderer/labels-clear", test_labels_clear);
  g_test_add_func ("/ladder-renderer/hidden-votes-badge", test_hidden_votes_badge);
  g_test_add_func ("/ladder-renderer/inconclusive-floor", test_inconclusive_floor);
  g_test_add_func ("/ladder-renderer/unassessed", test_unassessed);
  g_test_add_func ("/ladder-renderer/labels-in-window", test_labels_in_window);
  g_test_add_func ("/ladder-renderer/progress-counts", test_progress_counts);
  g_test_add_func ("/ladder-renderer/hit-testing", test_hit_testing);
  g_test_add_func ("/ladder-renderer/description", test_description);
  g_test_add_func ("/ladder-renderer/interpolation", test_interpolation);
  g_test_add_func ("/ladder-renderer/palettes", test_palettes);

  return g_test_run ();
}
