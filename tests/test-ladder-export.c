/* test-ladder-export.c — PNG, SVG and PDF exports of the ladder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "apmm-cli.h"
#include "apmm-export.h"
#include "apmm-session-file.h"

typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("apmm-export-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static ApmmSession *
busy_session (void)
{
  ApmmSession *session = apmm_session_new ();

  apmm_session_set_organisation (session, "Northwind");
  apmm_session_set_status (session, "l1.tools-purchased", APMM_STATUS_MET);
  apmm_session_set_status (session, "l1.budget-allocated", APMM_STATUS_MET);
  apmm_session_set_status (session, "l2.live-real-data", APMM_STATUS_PARTLY);
  apmm_session_add_participant (session, "Ada", 3);
  apmm_session_add_participant (session, "Grace", 2);
  apmm_session_add_participant (session, "Edsger", 3);
  apmm_session_set_target_level (session, 3);
  return session;
}

static GFile *
export_to (Fixture     *fixture,
           ApmmSession *session,
           const char  *format,
           const char  *name,
           const char  *size)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  GFile *file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (apmm_export_session (session, format, file, size, &error));
  g_assert_no_error (error);
  return file;
}

static cairo_surface_t *
load_png (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

static void
test_formats (void)
{
  g_assert_true (apmm_export_format_is_known ("png"));
  g_assert_true (apmm_export_format_is_known ("svg"));
  g_assert_true (apmm_export_format_is_known ("pdf"));
  g_assert_false (apmm_export_format_is_known ("gif"));
  g_assert_false (apmm_export_format_is_known (NULL));
  g_assert_true (apmm_export_format_is_known ("slides"));
  g_assert_cmpstr (apmm_export_list_formats (), ==, "png, svg, pdf, slides");
}

static void
test_png_sizes (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ApmmSession) session = busy_session ();
  g_autoptr(GFile) standard = export_to (fixture, session, "png", "a.png", NULL);
  g_autoptr(GFile) small = export_to (fixture, session, "png", "b.png", "800x600");
  cairo_surface_t *surface;

  surface = load_png (standard);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1920);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 1080);
  cairo_surface_destroy (surface);

  surface = load_png (small);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 600);
  cairo_surface_destroy (surface);
}

static void
test_bad_size (Fixture       *fixture,
               gconstpointer  data)
{
  static const char *bad[] = { "800", "800x", "x600", "800x600x2", "10x10", "99999x600", "axb", "" };
  g_autoptr(ApmmSession) session = busy_session ();
  g_autofree char *path = g_build_filename (fixture->dir, "c.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (apmm_export_session (session, "png", file, bad[i], &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_assert_null (strchr (error->message, '\n'));
    }
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
parse_start (GMarkupParseContext  *context,
             const char           *element,
             const char          **names,
             const char          **values,
             gpointer              user_data,
             GError              **error)
{
  guint *n_elements = user_data;

  (*n_elements)++;
}

static guint
parse_xml (const char *text,
           gsize       length)
{
  static const GMarkupParser parser = { parse_start, NULL, NULL, NULL, NULL };
  g_autoptr(GError) error = NULL;
  guint n_elements = 0;
  GMarkupParseContext *context = g_markup_parse_context_new (&parser, 0, &n_elements, NULL);

  g_markup_parse_context_parse (context, text, length, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  g_markup_parse_context_free (context);
  return n_elements;
}

/* Mean absolute difference per channel, 0..255. */
static double
mean_difference (cairo_surface_t *a,
                 cairo_surface_t *b)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  int sa = cairo_image_surface_get_stride (a), sb = cairo_image_surface_get_stride (b);
  const guchar *da = cairo_image_surface_get_data (a), *db = cairo_image_surface_get_data (b);
  guint64 sum = 0;

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, w);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, h);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      for (int c = 0; c < 3; c++)
        sum += ABS ((int) da[y * sa + x * 4 + c] - (int) db[y * sb + x * 4 + c]);
  return (double) sum / ((double) w * h * 3);
}

static void
test_svg (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(ApmmSession) session = busy_session ();
  g_autoptr(GFile) svg = export_to (fixture, session, "svg", "l.svg", "960x540");
  g_autoptr(GFile) png = export_to (fixture, session, "png", "l.png", "960x540");
  g_autofree char *svg_path = g_file_get_path (svg);
  g_autofree char *raster = g_build_filename (fixture->dir, "rsvg.png", NULL);
  g_autofree char *text = NULL;
  g_autofree char *rsvg = g_find_program_in_path ("rsvg-convert");
  g_autoptr(GError) error = NULL;
  cairo_surface_t *ours, *theirs;
  gsize length;
  int status = 0;
  double difference;

  g_assert_true (g_file_get_contents (svg_path, &text, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (parse_xml (text, length), >, 20);
  g_assert_nonnull (strstr (text, "width=\"960px\""));

  if (rsvg == NULL)
    {
      g_test_skip ("rsvg-convert is not installed");
      return;
    }
  {
    const char *argv[] = { rsvg, "--background-color=white", "-o", raster, svg_path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                 NULL, NULL, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

  /* An independent renderer draws the SVG like our PNG: the picture survives. */
  ours = load_png (png);
  {
    g_autoptr(GFile) raster_file = g_file_new_for_path (raster);

    theirs = load_png (raster_file);
  }
  difference = mean_difference (ours, theirs);
  g_test_message ("mean absolute difference PNG vs rsvg-convert(SVG): %.3f", difference);
  g_assert_cmpfloat (difference, <, 3.0);
  cairo_surface_destroy (ours);
  cairo_surface_destroy (theirs);
}

static guint
count_pages (const char *pdf,
             gsize       length)
{
  static const char needle[] = "/Type /Page";
  const char *end = pdf + length;
  guint pages = 0;

  /* The streams are binary: search bytes, not a string. */
  for (const char *p = pdf; p + sizeof needle < end; p++)
    if (memcmp (p, needle, sizeof needle - 1) == 0 && p[sizeof needle - 1] != 's')
      pages++;
  return pages;
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(ApmmSession) session = busy_session ();
  g_autoptr(GFile) pdf = export_to (fixture, session, "pdf", "l.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_load_contents (pdf, NULL, &contents, &length, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (count_pages (contents, length), ==, 1);
  g_assert_true (length > 6 && memcmp (contents + length - 6, "%%EOF\n", 6) == 0);
}

static void
test_atomic_replace (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(ApmmSession) session = busy_session ();
  g_autofree char *path = g_build_filename (fixture->dir, "ladder.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *contents = NULL;
  guint n_files = 0;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  /* A failing export leaves the old file as it was. */
  g_assert_false (apmm_export_session (session, "png", file, "1x1", &error));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_clear_error (&error);

  g_assert_true (apmm_export_session (session, "png", file, "640x480", &error));
  g_assert_no_error (error);
  cairo_surface_destroy (load_png (file));

  /* Nothing but the result is left behind. */
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);
}

static void
test_unwritable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(ApmmSession) session = busy_session ();
  g_autofree char *path = g_build_filename (fixture->dir, "missing", "ladder.svg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (apmm_export_session (session, "svg", file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_null (strchr (error->message, '\n'));

  g_clear_error (&error);
  g_assert_false (apmm_export_session (session, "gif", file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(ApmmSession) session = busy_session ();
  g_autofree char *input = g_build_filename (fixture->dir, "in.apmm", NULL);
  g_autofree char *output = g_build_filename (fixture->dir, "out.png", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "nope.apmm", NULL);
  g_autofree char *unwritable = g_build_filename (fixture->dir, "no", "out.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (input);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) err = g_string_new (NULL);

  g_assert_true (apmm_session_save_file (session, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (apmm_export_cli ("png", output, "640x360", input, err), ==, APMM_EXIT_OK);
  g_assert_cmpstr (err->str, ==, "");
  g_assert_true (g_file_test (output, G_FILE_TEST_IS_REGULAR));

  /* Every failure is one line on standard error. */
  g_assert_cmpint (apmm_export_cli ("png", output, NULL, missing, err), ==, APMM_EXIT_INVALID);
  g_assert_cmpuint (strchr (err->str, '\n') - err->str, ==, err->len - 1);
  g_string_truncate (err, 0);

  g_assert_cmpint (apmm_export_cli ("svg", unwritable, NULL, input, err), ==, APMM_EXIT_INVALID);
  g_assert_cmpuint (strchr (err->str, '\n') - err->str, ==, err->len - 1);
  g_string_truncate (err, 0);

  g_assert_cmpint (apmm_export_cli ("gif", output, NULL, input, err), ==, APMM_EXIT_USAGE);
  g_assert_nonnull (strstr (err->str, "png, svg, pdf"));
}

static char *
saved_input (Fixture    *fixture,
             const char *name)
{
  g_autoptr(ApmmSession) session = busy_session ();
  char *input = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (input);
  g_autoptr(GError) error = NULL;

  g_assert_true (apmm_session_save_file (session, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return input;
}

static void
assert_one_line (GString *err)
{
  g_assert_cmpuint (err->len, >, 0);
  g_assert_cmpuint (strchr (err->str, '\n') - err->str, ==, err->len - 1);
}

/* `--export=png --output=s.apmm s.apmm` once replaced the session with a
 * picture: the same file under any name (a hard link, a symlink) is refused
 * and the session is untouched. */
static void
test_cli_own_input (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *input = saved_input (fixture, "s.apmm");
  g_autofree char *hard = g_build_filename (fixture->dir, "hard.png", NULL);
  g_autofree char *soft = g_build_filename (fixture->dir, "soft.png", NULL);
  g_autofree char *dotted = g_build_filename (fixture->dir, ".", "s.apmm", NULL);
  g_autofree char *before = NULL;
  const char *outputs[] = { input, dotted, hard, soft };

  g_assert_true (g_file_get_contents (input, &before, NULL, NULL));
  g_assert_cmpint (link (input, hard), ==, 0);
  g_assert_cmpint (symlink ("s.apmm", soft), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_autoptr(GString) err = g_string_new (NULL);
      g_autofree char *after = NULL;

      g_assert_cmpint (apmm_export_cli ("png", outputs[i], NULL, input, err), ==, APMM_EXIT_USAGE);
      assert_one_line (err);
      g_assert_nonnull (strstr (err->str, "is the session being exported"));
      g_assert_true (g_file_get_contents (input, &after, NULL, NULL));
      g_assert_cmpstr (after, ==, before);
    }
  g_unlink (hard);
  g_unlink (soft);
}

/* An output that is a FIFO once blocked forever: refused at once. */
static void
test_cli_fifo_output (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *input = saved_input (fixture, "in.apmm");
  g_autofree char *fifo = g_build_filename (fixture->dir, "pipe.png", NULL);
  g_autoptr(GString) err = g_string_new (NULL);

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_cmpint (apmm_export_cli ("png", fifo, "640x360", input, err), ==, APMM_EXIT_INVALID);
  assert_one_line (err);
  g_assert_nonnull (strstr (err->str, "not a regular file"));
  g_string_truncate (err, 0);
  g_assert_cmpint (apmm_export_cli ("pdf", "/dev/null", NULL, input, err), ==, APMM_EXIT_INVALID);
  assert_one_line (err);
  g_unlink (fifo);
}

/* Re-exporting a private picture leaves it private. */
static void
test_cli_keeps_mode (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *input = saved_input (fixture, "in.apmm");
  g_autofree char *output = g_build_filename (fixture->dir, "private.png", NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  GStatBuf st;

  g_assert_true (g_file_set_contents (output, "old", -1, NULL));
  g_assert_cmpint (g_chmod (output, 0600), ==, 0);
  g_assert_cmpint (apmm_export_cli ("png", output, "640x360", input, err), ==, APMM_EXIT_OK);
  g_assert_cmpint (g_stat (output, &st), ==, 0);
  g_assert_cmphex (st.st_mode & 07777, ==, 0600);
  g_assert_cmpint (st.st_size, >, 3);
}

/* A name holding a newline, an escape sequence and a right-to-left override
 * reaches standard error as escapes, on one line. */
static void
test_cli_hostile_name (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *input = g_build_filename (fixture->dir, "bad\n\x1b[2J\xe2\x80\xae" "gnp.apmm", NULL);
  g_autofree char *output = g_build_filename (fixture->dir, "out.png", NULL);
  g_autoptr(GString) err = g_string_new (NULL);

  g_assert_true (g_file_set_contents (input, "{ not a session", -1, NULL));
  g_assert_cmpint (apmm_export_cli ("png", output, NULL, input, err), ==, APMM_EXIT_INVALID);
  assert_one_line (err);
  g_assert_null (strchr (err->str, '\x1b'));
  g_assert_null (strstr (err->str, "\xe2\x80\xae"));
  g_assert_nonnull (strstr (err->str, "bad\\n\\x1b[2J\\u202egnp.apmm"));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  g_unlink (input);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ladder-export/formats", test_formats);
#define ADD(path, func) \
  g_test_add ("/ladder-export/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("png-sizes", test_png_sizes);
  ADD ("bad-size", test_bad_size);
  ADD ("svg", test_svg);
  ADD ("pdf", test_pdf);
  ADD ("atomic-replace", test_atomic_replace);
  ADD ("unwritable", test_unwritable);
  ADD ("cli", test_cli);
  ADD ("cli-own-input", test_cli_own_input);
  ADD ("cli-fifo-output", test_cli_fifo_output);
  ADD ("cli-keeps-mode", test_cli_keeps_mode);
  ADD ("cli-hostile-name", test_cli_hostile_name);
#undef ADD

  return g_test_run ();
}
