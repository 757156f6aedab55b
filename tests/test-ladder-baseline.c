/* test-ladder-baseline.c — a re-assessment's baseline drawn on the ladder as ghosts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "apmm-compare.h"
#include "apmm-ladder-renderer.h"
#include "apmm-session-file.h"

#define W 1280
#define H 720

static ApmmSession *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ApmmSession *session = apmm_session_load_file (file, NULL, &error);

  g_assert_no_error (error);

  return session;
}

static ApmmSession *
load_later (void)
{
  return load (TEST_DATA_DIR "/meridian-insurance-later.apmm");
}

static void
assert_in_rung (const cairo_rectangle_t *rect,
                guint                    level)
{
  cairo_rectangle_t rung;
  double cy = rect->y + rect->height / 2;

  apmm_ladder_layout_get_rung_rect (W, H, level, &rung);
  g_assert_cmpfloat (cy, >, rung.y);
  g_assert_cmpfloat (cy, <, rung.y + rung.height);
}

static void
assert_inside (const cairo_rectangle_t *inner,
               const cairo_rectangle_t *outer)
{
  g_assert_cmpfloat (inner->x, >=, outer->x);
  g_assert_cmpfloat (inner->y, >=, outer->y);
  g_assert_cmpfloat (inner->x + inner->width, <=, outer->x + outer->width + 0.01);
  g_assert_cmpfloat (inner->y + inner->height, <=, outer->y + outer->height + 0.01);
}

static void
test_level_rose (void)
{
  g_autoptr(ApmmSession) session = load_later ();
  g_autoptr(ApmmLadderLayout) layout = NULL;
  g_autofree char *description = NULL;
  ApmmLadderState state;
  cairo_rectangle_t ghost, label, now;

  apmm_ladder_state_init (&state, session, apmm_model_get_default (), NULL);
  g_assert_true (state.has_baseline);
  g_assert_cmpstr (state.baseline_label, ==, "+1 since 2026-03-12");

  layout = apmm_ladder_layout_new (&state, W, H);
  /* The evidence was at 2 in March: the ghost sits on rung 2, the label in it. */
  g_assert_true (apmm_ladder_layout_get_ghost_rect (layout, APMM_LADDER_MARKER_EVIDENCE, &ghost));
  assert_in_rung (&ghost, 2);
  g_assert_true (apmm_ladder_layout_get_marker_rect (layout, APMM_LADDER_MARKER_EVIDENCE, &now));
  assert_in_rung (&now, 3);
  g_assert_true (apmm_ladder_layout_get_movement_rect (layout, &label));
  assert_inside (&label, &ghost);
  /* The room voted 3 then and now: no perceived ghost under the marker. */
  g_assert_false (apmm_ladder_layout_get_ghost_rect (layout, APMM_LADDER_MARKER_PERCEIVED, &ghost));

  description = apmm_ladder_state_describe (&state);
  g_assert_nonnull (strstr (description, "Evidence level: +1 since 2026-03-12."));
}

static void
test_perceived_moved (void)
{
  g_autoptr(ApmmSession) session = load_later ();
  g_autoptr(ApmmLadderLayout) layout = NULL;
  ApmmLadderState state;
  cairo_rectangle_t ghost;

  /* Everyone now votes 4: the March vote of 3 shows as a ghost on rung 3. */
  for (guint i = 0; i < apmm_session_get_n_participants (session); i++)
    apmm_session_set_participant_vote (session, i, 4);
  apmm_ladder_state_init (&state, session, apmm_model_get_default (), NULL);
  layout = apmm_ladder_layout_new (&state, W, H);
  g_assert_true (apmm_ladder_layout_get_ghost_rect (layout, APMM_LADDER_MARKER_PERCEIVED, &ghost));
  assert_in_rung (&ghost, 3);

  /* Hidden votes hide the earlier vote too. */
  apmm_session_set_votes_hidden (session, TRUE);
  apmm_ladder_state_init (&state, session, apmm_model_get_default (), NULL);
  g_clear_pointer (&layout, apmm_ladder_layout_free);
  layout = apmm_ladder_layout_new (&state, W, H);
  g_assert_false (apmm_ladder_layout_get_ghost_rect (layout, APMM_LADDER_MARKER_PERCEIVED, &ghost));
}

static void
test_level_stayed (void)
{
  g_autoptr(ApmmSession) session = load (SRC_ROOT "/data/examples/meridian-insurance.apmm");
  g_autoptr(ApmmBaseline) baseline = apmm_baseline_new_from_session (session, "earlier.apmm");
  g_autoptr(ApmmLadderLayout) layout = NULL;
  ApmmLadderState state;
  cairo_rectangle_t ghost, label, rung, now;

  apmm_session_set_baseline (session, baseline);
  apmm_ladder_state_init (&state, session, apmm_model_get_default (), NULL);
  g_assert_cmpstr (state.baseline_label, ==, "No change since 2026-03-12");
  layout = apmm_ladder_layout_new (&state, W, H);
  /* A halo around the evidence pill of now, on rung 2. */
  g_assert_true (apmm_ladder_layout_get_ghost_rect (layout, APMM_LADDER_MARKER_EVIDENCE, &ghost));
  g_assert_true (apmm_ladder_layout_get_marker_rect (layout, APMM_LADDER_MARKER_EVIDENCE, &now));
  assert_inside (&now, &ghost);
  apmm_ladder_layout_get_rung_rect (W, H, 2, &rung);
  assert_inside (&ghost, &rung);
  g_clear_pointer (&layout, apmm_ladder_layout_free);

  /* The label goes under it, still on rung 2, where there is room. */
  layout = apmm_ladder_layout_new (&state, 1920, 1600);
  g_assert_true (apmm_ladder_layout_get_movement_rect (layout, &label));
  apmm_ladder_layout_get_rung_rect (1920, 1600, 2, &rung);
  assert_inside (&label, &rung);
}

static void
test_no_baseline (void)
{
  g_autoptr(ApmmSession) session = load (SRC_ROOT "/data/examples/meridian-insurance.apmm");
  g_autoptr(ApmmLadderLayout) layout = NULL;
  ApmmLadderState state;
  cairo_rectangle_t rect;

  apmm_ladder_state_init (&state, session, apmm_model_get_default (), NULL);
  g_assert_false (state.has_baseline);
  layout = apmm_ladder_layout_new (&state, W, H);
  g_assert_false (apmm_ladder_layout_get_ghost_rect (layout, APMM_LADDER_MARKER_EVIDENCE, &rect));
  g_assert_false (apmm_ladder_layout_get_movement_rect (layout, &rect));
}

/* The ghost is drawn: pixels on rung 2's evidence lane differ from the same
 * picture without a baseline. */
static void
test_ghost_drawn (void)
{
  g_autoptr(ApmmSession) session = load_later ();
  ApmmLadderState with, without;
  cairo_surface_t *a = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
  cairo_surface_t *b = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
  g_autoptr(ApmmLadderLayout) layout = NULL;
  cairo_rectangle_t ghost;
  guint differ = 0;
  cairo_t *cr;

  apmm_ladder_state_init (&with, session, apmm_model_get_default (), NULL);
  without = with;
  without.has_baseline = FALSE;
  layout = apmm_ladder_layout_new (&with, W, H);
  g_assert_true (apmm_ladder_layout_get_ghost_rect (layout, APMM_LADDER_MARKER_EVIDENCE, &ghost));

  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint palette = 0; palette <= APMM_LADDER_PALETTE_HIGH_CONTRAST; palette++)
        {
          cr = cairo_create (pass == 0 ? a : b);
          apmm_ladder_render (cr, pass == 0 ? &with : &without, palette, W, H);
          cairo_destroy (cr);
        }
    }
  cairo_surface_flush (a);
  cairo_surface_flush (b);
  for (int y = (int) ghost.y; y < (int) (ghost.y + ghost.height); y++)
    for (int x = (int) ghost.x; x < (int) (ghost.x + ghost.width); x++)
      {
        guint32 pa = ((guint32 *) (cairo_image_surface_get_data (a) + y * cairo_image_surface_get_stride (a)))[x];
        guint32 pb = ((guint32 *) (cairo_image_surface_get_data (b) + y * cairo_image_surface_get_stride (b)))[x];

        differ += pa != pb;
      }
  g_assert_cmpuint (differ, >, ghost.width * 2);

  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ladder-baseline/level-rose", test_level_rose);
  g_test_add_func ("/ladder-baseline/perceived-moved", test_perceived_moved);
  g_test_add_func ("/ladder-baseline/level-stayed", test_level_stayed);
  g_test_add_func ("/ladder-baseline/no-baseline", test_no_baseline);
  g_test_add_func ("/ladder-baseline/ghost-drawn", test_ghost_drawn);

  return g_test_run ();
}
