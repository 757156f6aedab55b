/* apmm-preferences-window.c — appearance and autosave settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "apmm-preferences-window.h"

struct _ApmmPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *color_scheme_row;
  GtkSpinButton        *autosave_spin;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (ApmmPreferencesWindow, apmm_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Positions in the combo row's string list, matching the schema's choices. */
static const char *color_schemes[] = { "default", "light", "dark" };

static gboolean
scheme_to_position (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    {
      if (g_str_equal (scheme, color_schemes[i]))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
position_to_scheme (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  if (position >= G_N_ELEMENTS (color_schemes))
    position = 0;

  return g_variant_new_string (color_schemes[position]);
}

static void
apmm_preferences_window_dispose (GObject *object)
{
  ApmmPreferencesWindow *self = APMM_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), APMM_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (apmm_preferences_window_parent_class)->dispose (object);
}

static void
apmm_preferences_window_class_init (ApmmPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = apmm_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/apmm/Workshop/apmm-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ApmmPreferencesWindow, color_scheme_row);
  gtk_widget_class_bind_template_child (widget_class, ApmmPreferencesWindow, autosave_spin);
}

static void
apmm_preferences_window_init (ApmmPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                self->color_scheme_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                scheme_to_position, position_to_scheme, NULL, NULL);
  g_settings_bind (self->settings, "autosave-delay",
                   self->autosave_spin, "value", G_SETTINGS_BIND_DEFAULT);
}

ApmmPreferencesWindow *
apmm_preferences_window_new (void)
{
  return g_object_new (APMM_TYPE_PREFERENCES_WINDOW, NULL);
}
