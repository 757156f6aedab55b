/* test-style.c — the application's stylesheet, loaded as the running app
 * loads it (AdwApplication's style.css and style-hc.css), on every page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "apmm-application.h"
#include "apmm-test-utils.h"
#include "apmm-window-private.h"

typedef struct {
  const char *color_scheme;   /* the app's own setting, as Preferences sets it */
  gboolean    high_contrast;  /* the desktop's accessibility setting */
} Scheme;

static void
collect_borders (GskRenderNode *node,
                 GPtrArray     *borders)
{
  switch ((int) gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_borders (gsk_container_node_get_child (node, i), borders);
      break;
    case GSK_TRANSFORM_NODE:
      collect_borders (gsk_transform_node_get_child (node), borders);
      break;
    case GSK_OPACITY_NODE:
      collect_borders (gsk_opacity_node_get_child (node), borders);
      break;
    case GSK_COLOR_MATRIX_NODE:
      collect_borders (gsk_color_matrix_node_get_child (node), borders);
      break;
    case GSK_REPEAT_NODE:
      collect_borders (gsk_repeat_node_get_child (node), borders);
      break;
    case GSK_CLIP_NODE:
      collect_borders (gsk_clip_node_get_child (node), borders);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      collect_borders (gsk_rounded_clip_node_get_child (node), borders);
      break;
    case GSK_SHADOW_NODE:
      collect_borders (gsk_shadow_node_get_child (node), borders);
      break;
    case GSK_BLUR_NODE:
      collect_borders (gsk_blur_node_get_child (node), borders);
      break;
    case GSK_DEBUG_NODE:
      collect_borders (gsk_debug_node_get_child (node), borders);
      break;
    case GSK_BLEND_NODE:
      collect_borders (gsk_blend_node_get_bottom_child (node), borders);
      collect_borders (gsk_blend_node_get_top_child (node), borders);
      break;
    case GSK_CROSS_FADE_NODE:
      collect_borders (gsk_cross_fade_node_get_start_child (node), borders);
      collect_borders (gsk_cross_fade_node_get_end_child (node), borders);
      break;
    case GSK_BORDER_NODE:
      g_ptr_array_add (borders, gsk_render_node_ref (node));
      break;
    default:
      break;
    }
}

/* The window's border nodes as GTK draws it now. */
static GPtrArray *
window_borders (ApmmWindow *window)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GPtrArray *borders = g_ptr_array_new_with_free_func ((GDestroyNotify) gsk_render_node_unref);

  apmm_test_wait_for_frame (GTK_WIDGET (window));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  gdk_paintable_snapshot (paintable, snapshot,
                          gtk_widget_get_width (GTK_WIDGET (window)),
                          gtk_widget_get_height (GTK_WIDGET (window)));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  collect_borders (node, borders);
  return borders;
}

static gboolean
is_separator (GskRenderNode *border)
{
  const float *widths = gsk_border_node_get_widths (border);

  return widths[0] == 0 && widths[1] == 0 && widths[2] == 1 && widths[3] == 0;
}

static gboolean
same_colour (const GdkRGBA *a,
             const GdkRGBA *b)
{
  return G_APPROX_VALUE (a->red, b->red, 0.002) && G_APPROX_VALUE (a->green, b->green, 0.002) &&
         G_APPROX_VALUE (a->blue, b->blue, 0.002) && G_APPROX_VALUE (a->alpha, b->alpha, 0.002);
}

/* The separator between list rows that libadwaita 1.2 draws: @card_shade_color,
 * or in high contrast the card's text colour at half its opacity. */
static GdkRGBA
libadwaita_separator (ApmmWindow *window)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (window));
  GdkRGBA colour;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (adw_style_manager_get_high_contrast (adw_style_manager_get_default ()))
    {
      g_assert_true (gtk_style_context_lookup_color (context, "card_fg_color", &colour));
      colour.alpha *= 0.5;
    }
  else
    g_assert_true (gtk_style_context_lookup_color (context, "card_shade_color", &colour));
  G_GNUC_END_IGNORE_DEPRECATIONS

  return colour;
}

/* GTK 4.8's cairo renderer draws a border whose sides differ in colour as a
 * mesh gradient, cairo's slowest path (ui/style.css, "Borders drawn as plain
 * fills"). Every border on @where must have one colour on all four sides,
 * and a list row's 1 px separator must keep libadwaita's colour. Returns how
 * many separators there are. */
static guint
assert_borders_are_fills (ApmmWindow *window,
                          const char *where)
{
  GdkRGBA separator = libadwaita_separator (window);
  g_autoptr(GPtrArray) borders = window_borders (window);
  guint separators = 0;

  for (guint i = 0; i < borders->len; i++)
    {
      GskRenderNode *border = g_ptr_array_index (borders, i);
      const GdkRGBA *colors = gsk_border_node_get_colors (border);
      const float *widths = gsk_border_node_get_widths (border);
      graphene_rect_t bounds;

      gsk_render_node_get_bounds (border, &bounds);
      for (guint side = 1; side < 4; side++)
        if (!gdk_rgba_equal (&colors[0], &colors[side]))
          {
            g_autofree char *first = gdk_rgba_to_string (&colors[0]);
            g_autofree char *other = gdk_rgba_to_string (&colors[side]);

            g_error ("%s: the border at %.0f,%.0f (%.0f x %.0f, widths %g %g %g %g) has side 0 %s and side %u %s",
                     where, bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height,
                     widths[0], widths[1], widths[2], widths[3], first, side, other);
          }
      if (is_separator (border))
        {
          g_autofree char *expected = gdk_rgba_to_string (&separator);
          g_autofree char *drawn = gdk_rgba_to_string (&colors[2]);

          if (!same_colour (&colors[2], &separator))
            g_error ("%s: a row separator is %s, libadwaita's is %s", where, drawn, expected);
          separators++;
        }
    }
  g_test_message ("%s: %u borders, %u row separators", where, borders->len, separators);
  return separators;
}

static void
test_borders_draw_as_fills (gconstpointer data)
{
  const Scheme *scheme = data;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GSettings) a11y = NULL;
  AdwStyleManager *style = adw_style_manager_get_default ();
  const char *pages[] = { "explorer", "assessment", "gaps", "roadmap" };
  ApmmWindow *window;

  settings = g_settings_new ("org.apmm.Workshop");
  g_settings_set_string (settings, "color-scheme", scheme->color_scheme);
  /* libadwaita 1.2 reads high contrast from this key when there is no
   * settings portal (gsettings-desktop-schemas, installed by tools/setup). */
  a11y = g_settings_new ("org.gnome.desktop.a11y.interface");
  g_settings_set_boolean (a11y, "high-contrast", scheme->high_contrast);
  apmm_test_iterate ();
  g_assert_cmpint (adw_style_manager_get_dark (style), ==, g_str_equal (scheme->color_scheme, "dark"));
  g_assert_cmpint (adw_style_manager_get_high_contrast (style), ==, scheme->high_contrast);

  window = apmm_window_new (GTK_APPLICATION (g_application_get_default ()));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  apmm_window_open_example (window, "meridian-insurance");
  while (!gdk_surface_get_mapped (gtk_native_get_surface (GTK_NATIVE (window))))
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      guint separators;

      adw_view_stack_set_visible_child_name (window->view_stack, pages[i]);
      separators = assert_borders_are_fills (window, pages[i]);

      /* The lists keep their separators between rows. */
      if (g_str_equal (pages[i], "assessment") || g_str_equal (pages[i], "roadmap"))
        g_assert_cmpuint (separators, >, 0);
    }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-details", NULL);
  g_assert_cmpuint (assert_borders_are_fills (window, "details sidebar"), >, 0);

  /* Saved as it opened: the window closes without asking. */
  gtk_window_destroy (GTK_WINDOW (window));
  apmm_test_iterate ();
  g_settings_reset (settings, "color-scheme");
  g_settings_reset (a11y, "high-contrast");
}

int
main (int   argc,
      char *argv[])
{
  static const Scheme light = { "light", FALSE };
  static const Scheme dark = { "dark", FALSE };
  static const Scheme high_contrast = { "light", TRUE };
  static const Scheme high_contrast_dark = { "dark", TRUE };

  g_autoptr(ApmmApplication) app = NULL;
  g_autoptr(GError) error = NULL;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* Registering runs the app's start-up: libadwaita loads its stylesheets
   * and the colour scheme follows the app's setting. */
  app = apmm_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_data_func ("/style/borders-draw-as-fills/light", &light, test_borders_draw_as_fills);
  g_test_add_data_func ("/style/borders-draw-as-fills/dark", &dark, test_borders_draw_as_fills);
  g_test_add_data_func ("/style/borders-draw-as-fills/high-contrast", &high_contrast, test_borders_draw_as_fills);
  g_test_add_data_func ("/style/borders-draw-as-fills/high-contrast-dark", &high_contrast_dark,
                        test_borders_draw_as_fills);

  return g_test_run ();
}
