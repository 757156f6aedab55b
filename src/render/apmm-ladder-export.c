/* apmm-ladder-export.c — the ladder as PNG, SVG or PDF, written atomically
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-ladder-export"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "apmm-cli.h"
#include "apmm-export.h"
#include "apmm-file-writer.h"
#include "apmm-ladder-renderer.h"
#include "apmm-safe-text.h"
#include "apmm-session-file.h"
#include "apmm-slide-renderer.h"

typedef cairo_surface_t *(*SurfaceFunc) (cairo_write_func_t  write,
                                         void               *closure,
                                         double              width,
                                         double              height);

/* One row per format. Report formats join by adding a row with their own writer. */
typedef struct {
  const char   *name;
  int           default_width;
  int           default_height;
  gboolean    (*write) (ApmmSession  *session,
                        const char   *format,
                        int           width,
                        int           height,
                        GByteArray   *out,
                        GError      **error);
  SurfaceFunc   vector_surface;
} ExportFormat;

static gboolean write_png    (ApmmSession *, const char *, int, int, GByteArray *, GError **);
static gboolean write_vector (ApmmSession *, const char *, int, int, GByteArray *, GError **);
static gboolean write_slides (ApmmSession *, const char *, int, int, GByteArray *, GError **);

static cairo_surface_t *
svg_surface (cairo_write_func_t write,
             void              *closure,
             double             width,
             double             height)
{
  cairo_surface_t *surface = cairo_svg_surface_create_for_stream (write, closure, width, height);

  cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
  /* Pixels, not points: a 1920×1080 SVG opens at the size of a 1920×1080 PNG. */
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  return surface;
}

static const ExportFormat formats[] = {
  { "png", 1920, 1080, write_png, NULL },
  { "svg", 1920, 1080, write_vector, svg_surface },
  /* A4 landscape in points: the ladder alone on one page. */
  { "pdf", 842, 595, write_vector, cairo_pdf_surface_create_for_stream },
  /* The presentation as a deck: 16:9 pages, one slide each (--size is not used). */
  { "slides", APMM_SLIDE_PDF_WIDTH, APMM_SLIDE_PDF_HEIGHT, write_slides, NULL },
};

static const ExportFormat *
lookup_format (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (name != NULL && g_ascii_strcasecmp (formats[i].name, name) == 0)
      return &formats[i];
  return NULL;
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* "Meridian Insurance · 2026-03-12", or NULL when the session names neither. */
static char *
caption_text (ApmmSession *session)
{
  const char *organisation = apmm_session_get_organisation (session);
  const char *date = apmm_session_get_date (session);

  if (*organisation != '\0' && *date != '\0')
    return g_strdup_printf ("%s · %s", organisation, date);
  if (*organisation != '\0' || *date != '\0')
    return g_strdup (*organisation != '\0' ? organisation : date);
  return NULL;
}

/* A strip under the ladder that says whose ladder it is, and when: an
 * exported picture travels without its session. */
static void
draw_caption (cairo_t    *cr,
              const char *text,
              int         width,
              int         y,
              int         height)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");
  int text_height = 0;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, y, width, height);
  cairo_fill (cr);
  pango_font_description_set_absolute_size (font, height * 0.42 * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (width * 0.94) * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_get_pixel_size (layout, NULL, &text_height);
  cairo_set_source_rgb (cr, 0.36, 0.39, 0.46);
  cairo_move_to (cr, width * 0.03, y + (height - text_height) / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_session (cairo_t     *cr,
              ApmmSession *session,
              int          width,
              int          height)
{
  g_autofree char *caption = caption_text (session);
  int caption_height = caption != NULL ? MAX (height / 16, 16) : 0;
  ApmmLadderState state;

  apmm_ladder_state_init (&state, session, apmm_model_get_default (), NULL);
  apmm_ladder_render (cr, &state, APMM_LADDER_PALETTE_LIGHT, width, height - caption_height);
  if (caption != NULL)
    draw_caption (cr, caption, width, height - caption_height, caption_height);
}

static gboolean
check_status (cairo_status_t   status,
              const char      *format,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Cannot draw the ladder as %s: %s"), format, cairo_status_to_string (status));
  return FALSE;
}

static gboolean
write_png (ApmmSession  *session,
           const char   *format,
           int           width,
           int           height,
           GByteArray   *out,
           GError      **error)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  draw_session (cr, session, width, height);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, append_cb, out);
  cairo_surface_destroy (surface);
  return check_status (status, format, error);
}

static gboolean
write_vector (ApmmSession  *session,
              const char   *format,
              int           width,
              int           height,
              GByteArray   *out,
              GError      **error)
{
  const ExportFormat *f = lookup_format (format);
  cairo_surface_t *surface = f->vector_surface (append_cb, out, width, height);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  draw_session (cr, session, width, height);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  /* Finishing flushes the document's tail into @out. */
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return check_status (status, format, error);
}

static gboolean
write_slides (ApmmSession  *session,
              const char   *format,
              int           width,
              int           height,
              GByteArray   *out,
              GError      **error)
{
  g_autoptr(ApmmSlideDeck) deck = apmm_slide_deck_new (session, apmm_model_get_default (), NULL);

  return apmm_slide_deck_to_pdf (deck, APMM_SLIDE_THEME_LIGHT, out, error);
}

/* "WxH", each side within the sizes the ladder is designed for (and a little more). */
static gboolean
parse_size (const char  *size,
            int         *width,
            int         *height,
            GError     **error)
{
  guint64 w = 0, h = 0;
  char *end = NULL;

  w = g_ascii_strtoull (size, &end, 10);
  if (end != size && (*end == 'x' || *end == 'X'))
    {
      const char *rest = end + 1;

      h = g_ascii_strtoull (rest, &end, 10);
      if (end != rest && *end == '\0' && w >= 240 && h >= 240 && w <= 8192 && h <= 8192)
        {
          *width = (int) w;
          *height = (int) h;
          return TRUE;
        }
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("Invalid size “%s”: expected WIDTHxHEIGHT, each from 240 to 8192"), size);
  return FALSE;
}

gboolean
apmm_export_format_is_known (const char *format)
{
  return lookup_format (format) != NULL;
}

const char *
apmm_export_list_formats (void)
{
  static char *list;

  if (g_once_init_enter (&list))
    {
      GString *str = g_string_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
        g_string_append_printf (str, "%s%s", i ? ", " : "", formats[i].name);
      g_once_init_leave (&list, g_string_free (str, FALSE));
    }
  return list;
}

gboolean
apmm_export_session (ApmmSession  *session,
                     const char   *format,
                     GFile        *output,
                     const char   *size,
                     GError      **error)
{
  const ExportFormat *f;
  g_autoptr(GByteArray) data = NULL;
  int width, height;

  g_return_val_if_fail (APMM_IS_SESSION (session), FALSE);
  g_return_val_if_fail (G_IS_FILE (output), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  f = lookup_format (format);
  if (f == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Unknown export format “%s” (known: %s)"),
                   format ? format : "", apmm_export_list_formats ());
      return FALSE;
    }

  width = f->default_width;
  height = f->default_height;
  if (size != NULL && !parse_size (size, &width, &height, error))
    return FALSE;

  /* Everything is drawn into memory first, so a failure never leaves half a file. */
  data = g_byte_array_new ();
  if (!f->write (session, f->name, width, height, data, error))
    return FALSE;
  /* The file writer names the file in its messages, keeps an existing
   * file's mode and refuses pipes and devices at once. */
  return apmm_file_write_data (output, data->data, data->len, APMM_FILE_WRITE_NONE,
                               NULL, NULL, NULL, error);
}

/* TRUE when @output names the same file as @input: the same inode, whatever
 * the path (a hard link, a symlink, "./s.apmm"). */
static gboolean
same_file (const char *input,
           const char *output)
{
  GStatBuf in_st, out_st;

  return g_stat (input, &in_st) == 0 && g_stat (output, &out_st) == 0 &&
         in_st.st_dev == out_st.st_dev && in_st.st_ino == out_st.st_ino;
}

static int
fail_cli (GString    *err,
          int         status,
          const char *message)
{
  g_autofree char *safe = apmm_safe_text (message);

  g_string_append_printf (err, "%s\n", safe);
  return status;
}

int
apmm_export_cli (const char *format,
                 const char *output,
                 const char *size,
                 const char *input,
                 GString    *err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmSession) session = NULL;
  g_autoptr(GFile) in_file = NULL;
  g_autoptr(GFile) out_file = NULL;
  g_autofree char *in_path = NULL;
  g_autofree char *out_path = NULL;

  g_return_val_if_fail (err != NULL, APMM_EXIT_USAGE);

  if (!apmm_export_format_is_known (format))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown export format “%s” (known: %s)"),
                                                  format ? format : "", apmm_export_list_formats ());
      return fail_cli (err, APMM_EXIT_USAGE, message);
    }
  if (output == NULL || *output == '\0' || input == NULL || *input == '\0')
    return fail_cli (err, APMM_EXIT_USAGE, _("Usage: --export=FORMAT --output=PATH [--size=WxH] FILE"));

  in_file = g_file_new_for_commandline_arg (input);
  out_file = g_file_new_for_commandline_arg (output);
  in_path = g_file_get_path (in_file);
  out_path = g_file_get_path (out_file);
  if (in_path != NULL && out_path != NULL && same_file (in_path, out_path))
    {
      g_autofree char *name = apmm_safe_file_name (out_file);
      g_autofree char *message =
        g_strdup_printf (_("The output “%s” is the session being exported; choose another output file"),
                         name);
      return fail_cli (err, APMM_EXIT_USAGE, message);
    }

  session = apmm_session_load_file (in_file, NULL, &error);
  if (session == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", input, error->message);
      return fail_cli (err, APMM_EXIT_INVALID, message);
    }

  if (!apmm_export_session (session, format, out_file, size, &error))
    return fail_cli (err,
                     g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT)
                     ? APMM_EXIT_USAGE : APMM_EXIT_INVALID,
                     error->message);
  return APMM_EXIT_OK;
}
