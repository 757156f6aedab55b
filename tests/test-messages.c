/* test-messages.c — names and texts in the window's toasts and dialogs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libadwaita 1.2 parses a toast's title as markup: "Johnson & Johnson
 * ladder.png" gave an empty toast and a warning (fatal here). Control and
 * bidi characters in a file name are shown as escapes.
 */
#include "config.h"

#include <adwaita.h>

#include "apmm-test-utils.h"
#include "apmm-window.h"

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
test_toast_shows_text_as_is (void)
{
  const struct { const char *message; const char *shown; } cases[] = {
    { "Ladder exported to “Johnson & Johnson ladder.png”", "Ladder exported to “Johnson & Johnson ladder.png”" },
    { "<b>not bold</b> & <i>", "<b>not bold</b> & <i>" },
    { "evil\xe2\x80\xaegnp.apmm\nsecond line", "evil\\u202egnp.apmm\\nsecond line" },
  };

  /* One window per toast: an overlay shows one toast at a time. */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ApmmWindow *window = apmm_window_new (NULL);

      gtk_window_present (GTK_WINDOW (window));
      apmm_window_show_toast (window, cases[i].message);
      iterate (100);
      g_assert_nonnull (apmm_test_find_widget (GTK_WIDGET (window), apmm_test_is_label_with_text,
                                               cases[i].shown));
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

static void
test_open_error_names_file_safely (void)
{
  ApmmWindow *window = apmm_window_new (NULL);
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/bad\nname\x1b[2J.apmm");
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                                 "reason with\na newline");
  GList *toplevels;
  gboolean found = FALSE;

  gtk_window_present (GTK_WINDOW (window));
  apmm_window_show_open_error (window, file, error);
  iterate (100);

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      {
        AdwMessageDialog *dialog = l->data;

        g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                         "Could Not Open “bad\\nname\\x1b[2J.apmm”");
        g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, "reason with\\na newline");
        gtk_window_destroy (GTK_WINDOW (dialog));
        found = TRUE;
      }
  g_list_free (toplevels);
  g_assert_true (found);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/messages/toast-shows-text-as-is", test_toast_shows_text_as_is);
  g_test_add_func ("/messages/open-error-names-file-safely", test_open_error_names_file_safely);

  return g_test_run ();
}
