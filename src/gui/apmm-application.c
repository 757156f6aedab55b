/* apmm-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-application"

#include "config.h"

#include <glib/gi18n.h>

#include "apmm-application.h"
#include "apmm-window.h"

struct _ApmmApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (ApmmApplication, apmm_application, ADW_TYPE_APPLICATION)

static void
apmm_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (apmm_window_new (APMM_APPLICATION (app)));

  gtk_window_present (window);
}

static void
apmm_application_class_init (ApmmApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = apmm_application_activate;
}

static void
apmm_application_init (ApmmApplication *self)
{
}

ApmmApplication *
apmm_application_new (void)
{
  return g_object_new (APMM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/apmm/Workshop",
                       NULL);
}
