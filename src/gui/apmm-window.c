/* apmm-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "apmm-window.h"

struct _ApmmWindow
{
  AdwApplicationWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (ApmmWindow, apmm_window, ADW_TYPE_APPLICATION_WINDOW)

static void
apmm_window_class_init (ApmmWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/apmm/Workshop/apmm-window.ui");
}

static void
apmm_window_init (ApmmWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ApmmWindow *
apmm_window_new (ApmmApplication *application)
{
  return g_object_new (APMM_TYPE_WINDOW, "application", application, NULL);
}
