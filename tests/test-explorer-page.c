/* test-explorer-page.c — walking the room through the levels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "apmm-session-file.h"

#include "apmm-explorer-page.h"
#include "apmm-ladder-widget.h"

#include "apmm-session-caption.h"

#include "apmm-test-utils.h"

static gboolean
is_shown_label (GtkWidget     *widget,
                gconstpointer  text)
{
  return GTK_IS_LABEL (widget)
         && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0
         && gtk_widget_is_drawable (widget);
}

static gboolean
shows (GtkWidget  *page,
       const char *text)
{
  return apmm_test_find_widget (page, is_shown_label, text) != NULL;
}

/* Sends a key press through the page's own key handling, as the keyboard would. */
static gboolean
press_key (GtkWidget *page,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (page);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }

  return handled;
}

static void
test_template (void)
{
  GtkWidget *page = g_object_ref_sink (apmm_explorer_page_new ());

  g_assert_cmpuint (apmm_explorer_page_get_selected_level (APMM_EXPLORER_PAGE (page)), ==, 0);
  g_assert_finalize_object (page);
}

static void
test_shows_selected_level (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *page = g_object_ref_sink (apmm_explorer_page_new ());
  GtkWidget *window;

  apmm_session_set_status (session, "l1.tools-purchased", APMM_STATUS_MET);
  apmm_session_set_status (session, "l1.budget-allocated", APMM_STATUS_MET);
  apmm_explorer_page_set_session (APMM_EXPLORER_PAGE (page), session);
  window = apmm_test_show_in_window (page, 1024);

  /* It opens on the level the evidence supports. */
  g_assert_cmpuint (apmm_explorer_page_get_selected_level (APMM_EXPLORER_PAGE (page)), ==, 1);
  g_assert_true (shows (page, "AI Licensed"));
  g_assert_true (shows (page, "To Climb to Level 2"));

  g_assert_false (shows (page, "The Failure Chasm"));

  apmm_explorer_page_set_selected_level (APMM_EXPLORER_PAGE (page), 2);
  g_assert_true (shows (page, "AI Active"));
  g_assert_true (shows (page, "The Failure Chasm"));
  g_assert_false (shows (page, "AI Licensed"));
  /* The source's one offer, with its one description, not two cards. */
  g_assert_true (shows (page, "Pilot-to-Production Rescue or AI Feature Sprint"));
  g_assert_false (shows (page, "AI Feature Sprint"));

  /* Level 3 lies in both overlapping ranges of the source. */
  apmm_explorer_page_set_selected_level (APMM_EXPLORER_PAGE (page), 3);
  g_assert_true (shows (page, "Pilot-to-Production Rescue or AI Feature Sprint"));
  g_assert_true (shows (page, "Monthly AI Ops Retainer"));
  apmm_explorer_page_set_selected_level (APMM_EXPLORER_PAGE (page), 2);

  /* Down goes one level down the ladder; Up climbs back. */
  g_assert_true (press_key (page, GDK_KEY_Down));
  g_assert_cmpuint (apmm_explorer_page_get_selected_level (APMM_EXPLORER_PAGE (page)), ==, 1);
  g_assert_true (shows (page, "AI Licensed"));
  g_assert_true (press_key (page, GDK_KEY_Down));
  g_assert_false (press_key (page, GDK_KEY_Down));
  g_assert_true (shows (page, "AI Curious"));
  g_assert_true (shows (page, "Level 0 has no entry criteria: every organisation starts here."));
  /* Level 0 says what Level 1 is; it does not advise buying tools. */
  g_assert_false (shows (page, "To reach Level 1, buy the AI tools or licences and allocate an AI budget."));
  g_assert_nonnull (strstr (apmm_model_get_level (apmm_model_get_default (), 0)->climb,
                            "Level 1 is where AI tools or licences have been bought"));
  g_assert_true (press_key (page, GDK_KEY_Up));
  g_assert_true (shows (page, "AI Licensed"));
  /* The climb from 1 to 2 carries the source's 70–80 % of lost spend. */
  g_assert_true (shows (page, "The distance between Level 1 (AI Licensed) and Level 2 (AI Active) is "
                              "where 70–80% of enterprise AI spend disappears — not into bad "
                              "technology, but into the absence of any standard for what production "
                              "actually requires."));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
}

static void
test_ladder_drives_selection (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *page = g_object_ref_sink (apmm_explorer_page_new ());
  GtkWidget *window, *ladder;

  apmm_explorer_page_set_session (APMM_EXPLORER_PAGE (page), session);
  window = apmm_test_show_in_window (page, 1024);
  /* An empty session: the page is the model, not a verdict, and says so. */
  g_assert_true (shows (page, "Not assessed yet. This page shows the model, not a verdict: rate the "
                              "entry criteria on the Self-Assessment page (Alt+2) to find the "
                              "evidence level."));
  apmm_session_set_status (session, "l1.tools-purchased", APMM_STATUS_NOT_MET);
  g_assert_false (shows (page, "Not assessed yet. This page shows the model, not a verdict: rate the "
                               "entry criteria on the Self-Assessment page (Alt+2) to find the "
                               "evidence level."));
  apmm_session_set_status (session, "l1.tools-purchased", APMM_STATUS_UNKNOWN);
  ladder = apmm_test_find_widget (page, apmm_test_is_of_type,
                                  APMM_TEST_TYPE (APMM_TYPE_LADDER_WIDGET));
  g_assert_nonnull (ladder);

  g_signal_emit_by_name (ladder, "level-activated", 4);
  g_assert_cmpuint (apmm_explorer_page_get_selected_level (APMM_EXPLORER_PAGE (page)), ==, 4);
  g_assert_true (shows (page, "AI Native"));
  g_assert_cmpint (apmm_ladder_widget_get_selected_level (APMM_LADDER_WIDGET (ladder)), ==, 4);

  apmm_ladder_widget_set_selected_level (APMM_LADDER_WIDGET (ladder), 3);
  g_assert_cmpuint (apmm_explorer_page_get_selected_level (APMM_EXPLORER_PAGE (page)), ==, 3);
  g_assert_true (shows (page, "AI Reliable"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
}

static void
test_ratings_live (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *page = g_object_ref_sink (apmm_explorer_page_new ());
  GtkWidget *window;

  apmm_explorer_page_set_session (APMM_EXPLORER_PAGE (page), session);
  apmm_explorer_page_set_selected_level (APMM_EXPLORER_PAGE (page), 3);
  window = apmm_test_show_in_window (page, 1024);

  g_assert_false (shows (page, "Met"));
  g_assert_true (shows (page, "The Failure Chasm"));

  apmm_session_set_status (session, "l3.rollback", APMM_STATUS_MET);
  apmm_session_set_evidence_note (session, "l3.rollback", "Runbook RB-12");
  apmm_test_iterate ();
  g_assert_true (shows (page, "Met"));
  g_assert_true (shows (page, "Runbook RB-12"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
}

static void
test_narrow_and_empty (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *page = g_object_ref_sink (apmm_explorer_page_new ());
  GtkWidget *window = apmm_test_show_in_window (page, 600);

  g_assert_true (shows (page, "No Session"));
  g_assert_false (shows (page, "AI Curious"));

  apmm_explorer_page_set_session (APMM_EXPLORER_PAGE (page), session);
  apmm_test_iterate ();
  g_assert_false (shows (page, "No Session"));
  g_assert_true (shows (page, "AI Curious"));

  apmm_explorer_page_set_session (APMM_EXPLORER_PAGE (page), NULL);
  apmm_test_iterate ();
  g_assert_true (shows (page, "No Session"));
  g_assert_false (press_key (page, GDK_KEY_Up));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
}

static gboolean
label_contains (GtkWidget     *widget,
                gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
is_note_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget)
         && g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), "Show Whole Note") == 0;
}

/* A long evidence note is shown as a glance, with the whole of it one
 * click away: a label shapes all of its text at every width. */
static void
test_long_note_clipped (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  g_autoptr(GString) note = g_string_new ("Rollback rehearsed");
  GtkWidget *page = g_object_ref_sink (apmm_explorer_page_new ());
  GtkWidget *window, *label, *button, *popover, *view, *other_row;
  g_autofree char *shown = NULL;
  GtkTextIter start, end;

  for (guint i = 0; i < 2000; i++)
    g_string_append (note, " and logged");
  g_string_append (note, " END-OF-NOTE");
  apmm_session_set_evidence_note (session, "l3.rollback", note->str);
  apmm_session_set_evidence_note (session, "l3.cost-tracked", "Runbook RB-12");
  apmm_explorer_page_set_session (APMM_EXPLORER_PAGE (page), session);
  apmm_explorer_page_set_selected_level (APMM_EXPLORER_PAGE (page), 3);
  window = apmm_test_show_in_window (page, 1024);

  label = apmm_test_find_widget (page, label_contains, "Rollback rehearsed");
  g_assert_nonnull (label);
  g_assert_cmpint (g_utf8_strlen (gtk_label_get_text (GTK_LABEL (label)), -1), <=, 281);
  /* Cut after a whole word. */
  g_assert_true (g_str_has_suffix (gtk_label_get_text (GTK_LABEL (label)), " logged…") ||
                 g_str_has_suffix (gtk_label_get_text (GTK_LABEL (label)), " and…"));
  g_assert_null (apmm_test_find_widget (page, label_contains, "END-OF-NOTE"));
  /* A short note is shown whole, with nothing more to show. */
  g_assert_true (shows (page, "Runbook RB-12"));

  button = apmm_test_find_widget (page, is_note_button, NULL);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_ancestor (label, gtk_widget_get_parent (button)));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  apmm_test_iterate ();
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  view = apmm_test_find_widget (popover, apmm_test_is_of_type, APMM_TEST_TYPE (GTK_TYPE_TEXT_VIEW));
  g_assert_nonnull (view);
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (view)));
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), &start, &end);
  shown = gtk_text_iter_get_text (&start, &end);
  g_assert_cmpstr (shown, ==, note->str);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));

  /* A rating makes its own row again, not its neighbours'. */
  other_row = gtk_widget_get_ancestor (apmm_test_find_widget (page, is_shown_label, "Runbook RB-12"),
                                       GTK_TYPE_LIST_BOX_ROW);
  apmm_session_set_status (session, "l3.rollback", APMM_STATUS_MET);
  apmm_test_iterate ();
  g_assert_true (shows (page, "Met"));
  g_assert_true (gtk_widget_get_ancestor (apmm_test_find_widget (page, is_shown_label, "Runbook RB-12"),
                                          GTK_TYPE_LIST_BOX_ROW) == other_row);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
}

/* The window can be as narrow as 360 px, so the page must fold to fit that
 * with a full session, the example the app ships, in it. */
static void
test_fits_narrow_window (void)
{
  g_autoptr(ApmmSession) session = apmm_test_load_example ("meridian-insurance.apmm");
  GtkWidget *page = g_object_ref_sink (apmm_explorer_page_new ());

  apmm_explorer_page_set_session (APMM_EXPLORER_PAGE (page), session);
  apmm_test_assert_fits_width (page, 360);
}

/* The organisation and the date (in the user's format) stand under the
 * page's title, since the wide header bar shows only the view switcher. */
static void
test_session_caption (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *page;
  GtkWidget *caption;

  apmm_session_set_organisation (session, "Acme Mutual");
  apmm_session_set_date (session, "2026-05-14");
  page = g_object_ref_sink (apmm_explorer_page_new ());
  apmm_explorer_page_set_session (APMM_EXPLORER_PAGE (page), session);
  caption = apmm_test_find_widget (page, apmm_test_is_of_type, APMM_TEST_TYPE (APMM_TYPE_SESSION_CAPTION));
  g_assert_nonnull (caption);
  g_assert_cmpstr (apmm_session_caption_get_text (APMM_SESSION_CAPTION (caption)), ==, "Acme Mutual · 14 May 2026");
  apmm_session_set_organisation (session, "Acme Re");
  g_assert_cmpstr (apmm_session_caption_get_text (APMM_SESSION_CAPTION (caption)), ==, "Acme Re · 14 May 2026");
  /* A 64 KiB name is shown by its start: the date stays in view. */
  {
    g_autofree char *long_name = g_strnfill (65536, 'x');
    const char *text;

    apmm_session_set_organisation (session, long_name);
    text = apmm_session_caption_get_text (APMM_SESSION_CAPTION (caption));
    g_assert_true (g_str_has_prefix (text, "xxxx"));
    g_assert_true (g_str_has_suffix (text, "… · 14 May 2026"));
    g_assert_cmpint (g_utf8_strlen (text, -1), <=, 140);
  }

  g_assert_finalize_object (page);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/explorer-page/template", test_template);
  g_test_add_func ("/explorer-page/shows-selected-level", test_shows_selected_level);
  g_test_add_func ("/explorer-page/ladder-drives-selection", test_ladder_drives_selection);
  g_test_add_func ("/explorer-page/ratings-live", test_ratings_live);
  g_test_add_func ("/explorer-page/long-note-clipped", test_long_note_clipped);
  g_test_add_func ("/explorer-page/narrow-and-empty", test_narrow_and_empty);
  g_test_add_func ("/explorer-page/fits-narrow-window", test_fits_narrow_window);

  g_test_add_func ("/explorer-page/session-caption", test_session_caption);
  return g_test_run ();
}
