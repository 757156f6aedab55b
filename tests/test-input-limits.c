/* test-input-limits.c — what the UI accepts, a session file can hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A transcript pasted into a note, a very long name, the 501st participant or
 * action: each is stopped at the limit the reader enforces
 * (docs/session-format.md), with a toast that says so, and what was accepted
 * saves and opens again.
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "apmm-details-panel.h"
#include "apmm-gui-utils.h"
#include "apmm-session-file.h"
#include "apmm-test-utils.h"
#include "apmm-text-field.h"
#include "apmm-votes-panel.h"

/* A window with a toast overlay around @child, as the app's window has. */
static GtkWidget *
window_with (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), child);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_present (GTK_WINDOW (window));
  apmm_test_iterate ();
  return window;
}

static gboolean
is_cut_toast (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_LABEL (widget) &&
         strstr (gtk_label_get_label (GTK_LABEL (widget)), (const char *) data) != NULL;
}

static gboolean
shows_toast (GtkWidget  *window,
             const char *words)
{
  apmm_test_iterate ();
  return apmm_test_find_widget (window, is_cut_toast, words) != NULL;
}

/* @n bytes of words, as a pasted transcript would be. */
static char *
text_of_bytes (gsize n,
               char  c)
{
  char *text = g_malloc (n + 1);

  memset (text, c, n);
  for (gsize i = 7; i < n; i += 8)
    text[i] = ' ';
  text[n] = '\0';
  return text;
}

static void
test_note_paste_is_cut (void)
{
  GtkWidget *field = apmm_text_field_new ();
  GtkWidget *window = window_with (field);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (apmm_text_field_get_view (APMM_TEXT_FIELD (field))));
  g_autofree char *transcript = text_of_bytes (78 * 1024, 'a');
  g_autofree char *text = NULL;

  /* A paste inserts at the cursor, as this does. */
  gtk_text_buffer_insert_at_cursor (buffer, "Said: ", -1);
  gtk_text_buffer_insert_at_cursor (buffer, transcript, -1);
  text = apmm_text_field_dup_text (APMM_TEXT_FIELD (field));
  g_assert_cmpuint (strlen (text), ==, APMM_SESSION_MAX_STRING);
  g_assert_true (g_str_has_prefix (text, "Said: aaaaaaa aaa"));
  g_assert_true (shows_toast (window, "cut at 64 KiB"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_cut_between_characters (void)
{
  GtkWidget *field = apmm_text_field_new ();
  GtkWidget *window = window_with (field);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (apmm_text_field_get_view (APMM_TEXT_FIELD (field))));
  g_autoptr(GString) euros = g_string_new (NULL);
  g_autofree char *text = NULL;

  /* "€" is three bytes: 64 KiB is not a whole number of them. */
  while (euros->len <= APMM_SESSION_MAX_STRING)
    g_string_append (euros, "€");
  gtk_text_buffer_insert_at_cursor (buffer, euros->str, -1);
  text = apmm_text_field_dup_text (APMM_TEXT_FIELD (field));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpuint (strlen (text), <=, APMM_SESSION_MAX_STRING);
  g_assert_cmpuint (strlen (text), >, APMM_SESSION_MAX_STRING - 3);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_details_fields_and_round_trip (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(ApmmSession) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *panel = apmm_details_panel_new ();
  GtkWidget *window = window_with (panel);
  GtkWidget *row;
  g_autofree char *long_name = text_of_bytes (70 * 1024, 'n');
  int position = 0;

  apmm_details_panel_set_session (APMM_DETAILS_PANEL (panel), session);
  apmm_test_iterate ();
  row = apmm_test_find_widget (panel, apmm_test_is_of_type, APMM_TEST_TYPE (ADW_TYPE_ENTRY_ROW));
  g_assert_nonnull (row);
  gtk_editable_insert_text (GTK_EDITABLE (row), long_name, -1, &position);
  apmm_test_iterate ();
  /* (A one-line entry holds at most 65,535 characters of its own.) */
  g_assert_cmpuint (strlen (gtk_editable_get_text (GTK_EDITABLE (row))), <=, APMM_SESSION_MAX_STRING);
  g_assert_cmpuint (strlen (gtk_editable_get_text (GTK_EDITABLE (row))), >, APMM_SESSION_MAX_STRING - 8);
  g_assert_true (shows_toast (window, "cut at 64 KiB"));
  g_assert_cmpstr (apmm_session_get_organisation (session), ==, gtk_editable_get_text (GTK_EDITABLE (row)));

  /* What the field accepted, the file keeps and gives back. */
  bytes = apmm_session_to_bytes (session);
  again = apmm_session_load_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (apmm_session_get_organisation (again), ==, apmm_session_get_organisation (session));

  apmm_details_panel_set_session (APMM_DETAILS_PANEL (panel), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_participant_count (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *panel = apmm_votes_panel_new ();
  GtkWidget *window = window_with (panel);
  GtkWidget *row;

  for (guint i = 0; i < APMM_SESSION_MAX_PARTICIPANTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u", i + 1);

      apmm_session_add_participant (session, name, -1);
    }
  apmm_votes_panel_set_session (APMM_VOTES_PANEL (panel), session);
  apmm_test_iterate ();

  row = apmm_test_find_widget (panel, apmm_test_is_of_type, APMM_TEST_TYPE (ADW_TYPE_ENTRY_ROW));
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "One too many");
  g_signal_emit_by_name (row, "entry-activated");
  apmm_test_iterate ();
  g_assert_cmpuint (apmm_session_get_n_participants (session), ==, APMM_SESSION_MAX_PARTICIPANTS);
  g_assert_true (shows_toast (window, "at most 500 participants"));

  apmm_votes_panel_set_session (APMM_VOTES_PANEL (panel), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/input-limits/note-paste-is-cut", test_note_paste_is_cut);
  g_test_add_func ("/input-limits/cut-between-characters", test_cut_between_characters);
  g_test_add_func ("/input-limits/details-fields-and-round-trip", test_details_fields_and_round_trip);
  g_test_add_func ("/input-limits/participant-count", test_participant_count);

  return g_test_run ();
}
