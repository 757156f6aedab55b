/* test-slide-renderer.c — every slide kind drawn within its bounds, type
 * sizes from the height, the themes' contrast, and the deck PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "apmm-cli.h"
#include "apmm-export.h"
#include "apmm-session-file.h"
#include "apmm-slide-renderer.h"

static const struct {
  int width;
  int height;
} sizes[] = {
  { 1024, 768 },
  { 1920, 1080 },
};

static char *
example_path (const char *name)
{
  return g_build_filename (SRC_ROOT, "data", "examples", name, NULL);
}

static ApmmSession *
load_example (const char *name)
{
  g_autofree char *path = example_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ApmmSession *session = apmm_session_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return session;
}

/* Draws every shown slide of @session at every size and theme and checks
 * what a person in the room would notice. Returns the kinds drawn. */
static guint
check_deck (ApmmSession *session)
{
  g_autoptr(ApmmSlideDeck) deck = apmm_slide_deck_new (session, apmm_model_get_default (), NULL);
  guint kinds = 0;

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint theme = 0; theme < APMM_SLIDE_N_THEMES; theme++)
      for (guint i = 0; i < apmm_slide_deck_get_n_slides (deck); i++)
        {
          int w = sizes[s].width, h = sizes[s].height;
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
          cairo_t *cr = cairo_create (surface);
          const ApmmSlide *slide = apmm_slide_deck_get_slide (deck, i);
          ApmmSlideMetrics m;

          apmm_slide_render (cr, deck, i, theme, w, h, &m);
          g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

          /* Something is drawn, and all of it inside the margins' frame. */
          g_assert_cmpfloat (m.ink.width, >, 0);
          g_assert_cmpfloat (m.ink.x, >=, w * 0.05);
          g_assert_cmpfloat (m.ink.y, >=, h * 0.05);
          g_assert_cmpfloat (m.ink.x + m.ink.width, <=, w * 0.95 + 1);
          g_assert_cmpfloat (m.ink.y + m.ink.height, <=, h * 0.95 + 1);

          /* Type read from the back of the room. */
          g_assert_cmpfloat (m.title_px, >=, 56.0 * h / 768.0 - 0.01);
          g_assert_cmpfloat (m.min_text_px, >=, 28.0 * h / 768.0 - 0.01);
          /* The examples' slides fit whole: nothing cut with an ellipsis. */
          if (m.truncated)
            g_error ("%s at %dx%d is cut", slide->id, w, h);

          kinds |= 1u << slide->kind;
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
        }
  return kinds;
}

static void
test_every_kind (void)
{
  g_autoptr(ApmmSession) empty = apmm_session_new ();
  g_autoptr(ApmmSession) complete = load_example ("meridian-insurance.apmm");
  g_autoptr(ApmmSession) other = load_example ("northwind-logistics.apmm");
  g_autofree char *later_path = g_build_filename (TEST_DATA_DIR, "meridian-insurance-later.apmm", NULL);
  g_autoptr(GFile) later_file = g_file_new_for_path (later_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmSession) later = apmm_session_load_file (later_file, NULL, &error);
  guint kinds = 0;

  /* A session with a baseline: the comparison slide. */
  g_assert_no_error (error);
  kinds |= check_deck (later);

  kinds |= check_deck (empty);
  kinds |= check_deck (complete);
  kinds |= check_deck (other);
  apmm_session_set_votes_hidden (complete, TRUE);
  kinds |= check_deck (complete);

  g_assert_cmphex (kinds, ==, (1u << APMM_SLIDE_N_KINDS) - 1);
}

static void
test_type_sizes (void)
{
  g_assert_cmpfloat (apmm_slide_body_px (768), >=, 28);
  g_assert_cmpfloat (apmm_slide_title_px (768), >=, 56);
  /* Sized from the height: twice the height, twice the type. */
  g_assert_cmpfloat_with_epsilon (apmm_slide_body_px (1536), 2 * apmm_slide_body_px (768), 0.001);
}

static void
test_contrast (void)
{
  for (guint theme = 0; theme < APMM_SLIDE_N_THEMES; theme++)
    {
      const ApmmSlidePalette *p = apmm_slide_theme_get_palette (theme);
      const ApmmSlideColor *grounds[] = { &p->background, &p->panel };
      const ApmmSlideColor *inks[] = { &p->text, &p->secondary, &p->accent };

      for (guint g = 0; g < G_N_ELEMENTS (grounds); g++)
        for (guint i = 0; i < G_N_ELEMENTS (inks); i++)
          {
            double ratio = apmm_slide_contrast_ratio (inks[i], grounds[g]);

            if (ratio < 7.0)
              g_error ("theme %u: colour %u on ground %u has contrast %.2f:1", theme, i, g, ratio);
          }
    }

  /* The formula itself: black on white is 21:1. */
  {
    ApmmSlideColor black = { 0, 0, 0 }, white = { 1, 1, 1 };

    g_assert_cmpfloat_with_epsilon (apmm_slide_contrast_ratio (&black, &white), 21.0, 0.001);
  }
}

/* The vote's bars say their counts in words, and hidden votes show none. */
static void
test_vote_hidden_draws_no_bars (void)
{
  g_autoptr(ApmmSession) session = load_example ("meridian-insurance.apmm");
  int w = 1024, h = 768;

  for (guint hidden = 0; hidden < 2; hidden++)
    {
      g_autoptr(ApmmSlideDeck) deck = NULL;
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
      cairo_t *cr = cairo_create (surface);
      ApmmSlideMetrics m;

      apmm_session_set_votes_hidden (session, hidden);
      deck = apmm_slide_deck_new (session, apmm_model_get_default (), NULL);
      apmm_slide_render (cr, deck, apmm_slide_deck_find (deck, "vote"), APMM_SLIDE_THEME_LIGHT, w, h, &m);
      /* Bars reach down the slide; the hidden vote is a heading and a sentence. */
      if (hidden)
        g_assert_cmpfloat (m.ink.y + m.ink.height, <, h * 0.5);
      else
        g_assert_cmpfloat (m.ink.y + m.ink.height, >, h * 0.6);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static void
test_timer (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1024, 768);
  cairo_t *cr = cairo_create (surface);
  cairo_rectangle_t ink;

  apmm_slide_render_timer (cr, "12:30", APMM_SLIDE_THEME_DARK, 1024, 768, &ink);
  /* Small, in the bottom right corner. */
  g_assert_cmpfloat (ink.x, >, 1024 * 0.7);
  g_assert_cmpfloat (ink.y, >, 768 * 0.8);
  g_assert_cmpfloat (ink.x + ink.width, <=, 1024);
  g_assert_cmpfloat (ink.y + ink.height, <=, 768);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The output of poppler's @tool for @path, or NULL without poppler-utils. */
static char *
poppler (const char *tool,
         const char *path)
{
  g_autofree char *program = g_find_program_in_path (tool);
  const char *argv[] = { program, path, "-", NULL };
  char *out = NULL;
  int status = 0;

  if (program == NULL)
    return NULL;
  if (strcmp (tool, "pdfinfo") == 0)
    argv[2] = NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  return out;
}

static void
test_deck_export (void)
{
  g_autofree char *dir = g_dir_make_tmp ("apmm-deck-XXXXXX", NULL);
  g_autofree char *input = g_build_filename (dir, "session.apmm", NULL);
  g_autofree char *output = g_build_filename (dir, "deck.pdf", NULL);
  g_autoptr(ApmmSession) session = load_example ("meridian-insurance.apmm");
  g_autoptr(ApmmPresentation) presentation = apmm_presentation_new ();
  g_autoptr(GString) err = g_string_new (NULL);
  g_autoptr(GFile) in_file = g_file_new_for_path (input);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;
  g_autofree char *count = NULL;
  g_autofree char *info = NULL;
  gsize len;

  apmm_presentation_set_hidden (presentation, "chasm", TRUE);
  apmm_session_set_presentation (session, presentation, NULL);
  g_assert_true (apmm_session_save_file (session, in_file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (apmm_export_cli ("slides", output, NULL, input, err), ==, APMM_EXIT_OK);
  g_assert_cmpstr (err->str, ==, "");
  g_assert_true (g_file_get_contents (output, &data, &len, NULL));
  g_assert_true (g_str_has_prefix (data, "%PDF"));
  /* One 16:9 page per shown slide: the hidden one is left out. */
  /* memmem, not g_strstr_len: compressed streams hold NUL bytes. */
  g_assert_nonnull (memmem (data, len, "/MediaBox [ 0 0 1280 720 ]", strlen ("/MediaBox [ 0 0 1280 720 ]")));
  info = poppler ("pdfinfo", output);
  if (info != NULL)
    {
      count = g_strdup_printf ("Pages:           %d\n", APMM_SLIDE_N_SLIDES - 1);
      g_assert_nonnull (strstr (info, count));
    }
  else
    g_test_message ("pdfinfo is not installed: the page count is not checked");

  /* The same privacy as the screen. */
  text = poppler ("pdftotext", output);
  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, "haven"));
      for (guint p = 0; p < apmm_session_get_n_participants (session); p++)
        g_assert_null (strstr (text, apmm_session_get_participant_name (session, p)));
      g_assert_null (strstr (text, "Ravi Menon"));
    }

  g_unlink (output);
  g_unlink (input);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/slide-renderer/every-kind", test_every_kind);
  g_test_add_func ("/slide-renderer/type-sizes", test_type_sizes);
  g_test_add_func ("/slide-renderer/contrast", test_contrast);
  g_test_add_func ("/slide-renderer/vote-hidden", test_vote_hidden_draws_no_bars);
  g_test_add_func ("/slide-renderer/timer", test_timer);
  g_test_add_func ("/slide-renderer/deck-export", test_deck_export);

  return g_test_run ();
}
