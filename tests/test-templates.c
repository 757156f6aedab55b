/* test-templates.c — every .ui in the resource builds on GTK 4.8 / libadwaita 1.2
 *
 * A .ui file escapes the compiler's version pinning: a property or class newer
 * than our floor only fails when the template is instantiated. So this test
 * instantiates every composite template found in the resource (type name from
 * the file name, apmm-foo-bar.ui → ApmmFooBar) and builds every other .ui with
 * GtkBuilder, then checks each widget is finalized (no leaks).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <gmodule.h>

#define RESOURCE_ROOT "/org/apmm/Workshop/"

static char *
type_func_name_for (const char *basename)
{
  g_autofree char *stem = g_strndup (basename, strlen (basename) - strlen (".ui"));

  g_strdelimit (stem, "-", '_');
  return g_strconcat (stem, "_get_type", NULL);
}

static GType
ensure_type (const char *basename)
{
  GModule *self = g_module_open (NULL, 0);
  g_autofree char *func_name = type_func_name_for (basename);
  GType (*get_type) (void) = NULL;
  gboolean found;

  found = g_module_symbol (self, func_name, (gpointer *) &get_type);
  g_module_close (self);

  return found && get_type != NULL ? get_type () : G_TYPE_INVALID;
}

static gboolean
is_template (GBytes *bytes)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);

  return g_strstr_len (data, len, "<template ") != NULL;
}

static void
collect_ui_files (const char *path,
                  GPtrArray  *out)
{
  g_auto(GStrv) children = g_resources_enumerate_children (path, 0, NULL);

  for (guint i = 0; children != NULL && children[i] != NULL; i++)
    {
      g_autofree char *child = g_strconcat (path, children[i], NULL);

      if (g_str_has_suffix (children[i], "/"))
        collect_ui_files (child, out);
      else if (g_str_has_suffix (children[i], ".ui"))
        g_ptr_array_add (out, g_steal_pointer (&child));
    }
}

static void
check_template (const char *path)
{
  g_autofree char *basename = g_path_get_basename (path);
  GType type = ensure_type (basename);
  GObject *object;

  g_test_message ("instantiating %s", path);
  g_assert_true (type != G_TYPE_INVALID);
  g_assert_true (g_type_is_a (type, GTK_TYPE_WIDGET));

  object = g_object_new (type, NULL);
  if (GTK_IS_WINDOW (object))
    {
      g_object_ref (object);
      gtk_window_destroy (GTK_WINDOW (object));
    }
  else
    g_object_ref_sink (object);

  g_assert_finalize_object (object);
}

static void
check_builder_file (const char *path)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GError) error = NULL;
  GSList *objects;

  g_test_message ("building %s", path);
  gtk_builder_add_from_resource (builder, path, &error);
  g_assert_no_error (error);

  objects = gtk_builder_get_objects (builder);
  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_WINDOW (l->data))
      gtk_window_destroy (GTK_WINDOW (l->data));
  g_slist_free (objects);
}

static void
test_all_ui_files (void)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  guint n_templates = 0;

  collect_ui_files (RESOURCE_ROOT, files);
  g_assert_cmpuint (files->len, >, 2);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);

      g_assert_nonnull (bytes);
      if (is_template (bytes))
        {
          check_template (path);
          n_templates++;
        }
      else
        check_builder_file (path);
    }

  /* The window and the preferences at least. */
  g_assert_cmpuint (n_templates, >=, 2);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/templates/all", test_all_ui_files);

  return g_test_run ();
}
