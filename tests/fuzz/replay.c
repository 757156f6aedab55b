/* replay.c — runs the fuzz target over every file of the given folders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plain driver for machines without clang: `meson test fuzz-replay`
 * replays the seed corpus, and any crasher the fuzzer found and added to it.
 *
 * `replay --save FILE` instead loads FILE and prints it as APMM Workshop saves
 * it: tests/check-schema.py validates that output against the schema.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>

#include <glib.h>

#include "apmm-session-file.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static guint
replay_folder (const char *folder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (folder, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    g_error ("%s", error->message);

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  /* A stable order, so that a failure is easy to reproduce. */
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);
      g_autofree char *data = NULL;
      gsize len = 0;

      if (!g_file_get_contents (path, &data, &len, &error))
        g_error ("%s", error->message);
      printf ("# %s\n", path);
      fflush (stdout);
      LLVMFuzzerTestOneInput ((const uint8_t *) data, len);
    }

  return names->len;
}

static int
print_saved (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmSession) session = apmm_session_load_file (file, NULL, &error);
  g_autoptr(GBytes) bytes = NULL;

  if (session == NULL)
    {
      fprintf (stderr, "%s: %s\n", path, error->message);
      return 1;
    }

  bytes = apmm_session_to_bytes (session);
  fwrite (g_bytes_get_data (bytes, NULL), 1, g_bytes_get_size (bytes), stdout);

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  guint n = 0;

  if (argc == 3 && g_str_equal (argv[1], "--save"))
    return print_saved (argv[2]);

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s FOLDER…\n", argv[0]);
      return 2;
    }

  for (int i = 1; i < argc; i++)
    n += replay_folder (argv[i]);

  if (n == 0)
    g_error ("The corpus is empty");
  printf ("1..1\nok 1 replayed %u inputs\n", n);

  return 0;
}
