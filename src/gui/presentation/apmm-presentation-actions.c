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
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.fullscreen", NULL);
}

/* libadwaita 1.2's typography classes and their sizes in points. */
static const struct {
  const char *name;
  double      points;
} type_classes[] = {
  { "large-title", 24 }, { "title-1", 20 }, { "title-2", 15 }, { "title-3", 15 },
  { "title-4", 13 }, { "heading", 11 }, { "body", 11 }, { "caption-heading", 9 }, { "caption", 9 },
};

/* One style sheet per display, rewritten when the setting changes: every
 * window with the class scales its text by it. */
static void
text_scale_changed_cb (GSettings  *settings,
                       const char *key,
                       GtkWidget  *window)
{
  GdkDisplay *display = gtk_widget_get_display (window);
  GtkCssProvider *provider = g_object_get_data (G_OBJECT (display), "apmm-zoom-provider");
  g_autoptr(GString) css = g_string_new (NULL);
  double scale = g_settings_get_double (settings, "text-scale");
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (provider == NULL)
    {
      provider = gtk_css_provider_new ();
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_object_set_data_full (G_OBJECT (display), "apmm-zoom-provider", provider, g_object_unref);
    }
  g_ascii_formatd (number, sizeof number, "%.0f", scale * 100);
  g_string_append_printf (css, "window.apmm-zoomable { font-size: %s%%; }\n", number);
  /* libadwaita's type classes are in points: scale each of them too. */
  for (guint i = 0; i < G_N_ELEMENTS (type_classes); i++)
    {
      g_ascii_formatd (number, sizeof number, "%.1f", type_classes[i].points * scale);
      g_string_append_printf (css, "window.apmm-zoomable .%s { font-size: %spt; }\n",
                              type_classes[i].name, number);
    }
  gtk_css_provider_load_from_data (provider, css->str, -1);
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval, GDK_CONTROL_MASK),
                                                          gtk_named_action_new (action)));
}

void
apmm_zoom_attach (GtkWidget *window,
                  GSettings *settings)
{
  GtkShortcutController *shortcuts;

  g_return_if_fail (GTK_IS_WIDGET (window));
  g_return_if_fail (G_IS_SETTINGS (settings));

  /* In the capture phase, so that a focused page cannot take Ctrl++ first. */
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (shortcuts), GTK_PHASE_CAPTURE);
  add_shortcut (shortcuts, GDK_KEY_plus, "win.zoom-in");
  add_shortcut (shortcuts, GDK_KEY_equal, "win.zoom-in");
  add_shortcut (shortcuts, GDK_KEY_KP_Add, "win.zoom-in");
  add_shortcut (shortcuts, GDK_KEY_minus, "win.zoom-out");
  add_shortcut (shortcuts, GDK_KEY_KP_Subtract, "win.zoom-out");
  add_shortcut (shortcuts, GDK_KEY_0, "win.zoom-reset");
  add_shortcut (shortcuts, GDK_KEY_KP_0, "win.zoom-reset");
  gtk_widget_add_controller (window, GTK_EVENT_CONTROLLER (shortcuts));

  gtk_widget_add_css_class (window, "apmm-zoomable");
  g_signal_connect_object (settings, "changed::text-scale", G_CALLBACK (text_scale_changed_cb),
                           window, 0);
  text_scale_changed_cb (settings, "text-scale", window);
}
