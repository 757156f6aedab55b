/* apmm-presentation-actions.c — Present, zoom and full screen on the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-presentation-actions"

#include "config.h"

#include <string.h>

#include "apmm-audience-window.h"
#include "apmm-presentation-actions.h"
#include "apmm-window-private.h"

#define ZOOM_MIN  0.5
#define ZOOM_MAX  3.0
#define ZOOM_STEP 0.1

static const struct {
  const char *page;
  const char *slide;
} page_slides[] = {
  { "explorer", "level-0" },
  { "assessment", "vote" },
  { "gaps", "gaps" },
  { "roadmap", "entry-point" },
};

const char *
apmm_presentation_slide_for_page (const char *page)
{
  for (guint i = 0; page != NULL && i < G_N_ELEMENTS (page_slides); i++)
    if (strcmp (page_slides[i].page, page) == 0)
      return page_slides[i].slide;
  return NULL;
}

static void
present (ApmmWindow *self,
         const char *slide)
{
  ApmmSession *session = apmm_window_get_session (self);

  if (session == NULL)
    return;
  apmm_audience_window_present (GTK_WINDOW (self), session, self->view_stack, slide);
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  present (APMM_WINDOW (widget), NULL);
}

static void
present_current_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  ApmmWindow *self = APMM_WINDOW (widget);

  present (self, apmm_presentation_slide_for_page (adw_view_stack_get_visible_child_name (self->view_stack)));
}

static void
zoom (ApmmWindow *self,
      double      factor)
{
  double scale = factor;

  if (factor != 1.0)
    scale = g_settings_get_double (self->settings, "text-scale") + factor;
  g_settings_set_double (self->settings, "text-scale", CLAMP (scale, ZOOM_MIN, ZOOM_MAX));
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  zoom (APMM_WINDOW (widget), ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  zoom (APMM_WINDOW (widget), -ZOOM_STEP);
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  zoom (APMM_WINDOW (widget), 1.0);
}

static void
fullscreen_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  if (gtk_window_is_fullscreen (GTK_WINDOW (widget)))
    gtk_window_unfullscreen (GTK_WINDOW (widget));
  else
    gtk_window_fullscreen (GTK_WINDOW (widget));
}

void
apmm_presentation_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.present-current", NULL, present_current_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_reset_action);
  gtk_widget_class_install_action (widget_class, "win.fullscreen", NULL, fullscreen_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, GDK_SHIFT_MASK, "win.present-current", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.fullscreen", NULL);
}

/* One style sheet per display, rewritten when the setting changes: every
 * window with the class scales its text by it. */
static void
text_scale_changed_cb (GSettings  *settings,
                       const char *key,
                       GtkWidget  *window)
{
  GdkDisplay *display = gtk_widget_get_display (window);
  GtkCssProvider *provider = g_object_get_data (G_OBJECT (display), "apmm-zoom-provider");
  g_autofree char *css = NULL;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (provider == NULL)
    {
      provider = gtk_css_provider_new ();
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_object_set_data_full (G_OBJECT (display), "apmm-zoom-provider", provider, g_object_unref);
    }
  g_ascii_formatd (number, sizeof number, "%.0f", g_settings_get_double (settings, "text-scale") * 100);
  css = g_strdup_printf ("window.apmm-zoomable { font-size: %s%%; }", number);
  gtk_css_provider_load_from_data (provider, css, -1);
}

void
apmm_zoom_attach (GtkWidget *window,
                  GSettings *settings)
{
  g_return_if_fail (GTK_IS_WIDGET (window));
  g_return_if_fail (G_IS_SETTINGS (settings));

  gtk_widget_add_css_class (window, "apmm-zoomable");
  g_signal_connect_object (settings, "changed::text-scale", G_CALLBACK (text_scale_changed_cb),
                           window, 0);
  text_scale_changed_cb (settings, "text-scale", window);
}
