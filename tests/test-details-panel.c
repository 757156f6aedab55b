/* test-details-panel.c — editing the session's details and participants
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "apmm-session-file.h"

#include "apmm-details-panel.h"
#include "apmm-list-culling.h"

#include "apmm-test-utils.h"

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_text_view (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_TEXT_VIEW (widget);
}

static GtkWidget *
row (GtkWidget  *panel,
     const char *title)
{
  GtkWidget *found = apmm_test_find_widget (panel, is_row_titled, title);

  g_assert_nonnull (found);
  return found;
}

/* The row of the @index-th participant (from 0), made or not. */
static GtkWidget *
participant_row (GtkWidget *panel,
                 guint      index)
{
  return apmm_test_list_row (panel, "participant-name-row", index);
}

/* Where a participant's name is edited in its row. */
static GtkWidget *
name_text (GtkWidget *participant)
{
  GtkWidget *text = apmm_test_find_widget (participant, apmm_test_is_of_type,
                                           APMM_TEST_TYPE (GTK_TYPE_TEXT));

  g_assert_nonnull (text);
  return text;
}

/* Enter in the name applies it, as the apply button does. */
static void
apply_name (GtkWidget *participant)
{
  g_signal_emit_by_name (name_text (participant), "activate");
}

static void
test_template (void)
{
  GtkWidget *panel = g_object_ref_sink (apmm_details_panel_new ());

  g_assert_null (apmm_details_panel_get_session (APMM_DETAILS_PANEL (panel)));
  g_assert_finalize_object (panel);
}

static void
test_fields_edit_session (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *panel = g_object_ref_sink (apmm_details_panel_new ());
  GtkWidget *window, *notes;
  GtkTextBuffer *buffer;

  apmm_session_set_organisation (session, "Northwind");
  apmm_details_panel_set_session (APMM_DETAILS_PANEL (panel), session);
  window = apmm_test_show_in_window (panel, 420);

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (panel, "Organisation"))), ==, "Northwind");
  gtk_editable_set_text (GTK_EDITABLE (row (panel, "Organisation")), "Northwind Logistics");
  gtk_editable_set_text (GTK_EDITABLE (row (panel, "Facilitator")), "Sam Okafor");
  gtk_editable_set_text (GTK_EDITABLE (row (panel, "Workshop title")), "Q3 maturity check");
  g_assert_cmpstr (apmm_session_get_organisation (session), ==, "Northwind Logistics");
  g_assert_cmpstr (apmm_session_get_facilitator (session), ==, "Sam Okafor");
  g_assert_cmpstr (apmm_session_get_title (session), ==, "Q3 maturity check");

  notes = apmm_test_find_widget (panel, is_text_view, NULL);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes));
  gtk_text_buffer_set_text (buffer, "Board wants a verdict by June.", -1);
  g_assert_cmpstr (apmm_session_get_notes (session), ==, "Board wants a verdict by June.");

  /* Changes made elsewhere (undo, revert) show in the fields. */
  apmm_session_set_facilitator (session, "Someone Else");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (panel, "Facilitator"))), ==, "Someone Else");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (panel);
}

static void
test_date_validation (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *panel = g_object_ref_sink (apmm_details_panel_new ());
  GtkWidget *window, *date;

  apmm_session_set_date (session, "2024-05-14");
  apmm_details_panel_set_session (APMM_DETAILS_PANEL (panel), session);
  window = apmm_test_show_in_window (panel, 420);
  date = row (panel, "Date (YYYY-MM-DD)");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "2024-05-14");

  gtk_editable_set_text (GTK_EDITABLE (date), "2024-02-30");
  g_assert_true (gtk_widget_has_css_class (date, "error"));
  g_assert_cmpstr (apmm_session_get_date (session), ==, "2024-05-14");

  gtk_editable_set_text (GTK_EDITABLE (date), "14/05/2024");
  g_assert_true (gtk_widget_has_css_class (date, "error"));
  g_assert_cmpstr (apmm_session_get_date (session), ==, "2024-05-14");

  /* An unrelated edit must not wipe what the user is still typing. */
  apmm_session_set_title (session, "Kick-off");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "14/05/2024");

  gtk_editable_set_text (GTK_EDITABLE (date), "2024-02-29");
  g_assert_false (gtk_widget_has_css_class (date, "error"));
  g_assert_cmpstr (apmm_session_get_date (session), ==, "2024-02-29");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (panel);
}

/* The date is picked on a calendar that opens on the session's date; a
 * picked day becomes the session's date. */
static void
test_date_calendar (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *panel = g_object_ref_sink (apmm_details_panel_new ());
  GtkWidget *window, *button, *calendar;
  g_autoptr(GDateTime) shown = NULL;
  g_autoptr(GDateTime) picked = NULL;

  apmm_session_set_date (session, "2024-05-14");
  apmm_details_panel_set_session (APMM_DETAILS_PANEL (panel), session);
  window = apmm_test_show_in_window (panel, 420);

  button = apmm_test_find_widget (panel, apmm_test_is_of_type, APMM_TEST_TYPE (GTK_TYPE_MENU_BUTTON));
  g_assert_nonnull (button);
  apmm_test_assert_accessible_label (button, "Pick the date on a calendar");
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  apmm_test_iterate ();
  calendar = apmm_test_find_widget (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))),
                                    apmm_test_is_of_type, APMM_TEST_TYPE (GTK_TYPE_CALENDAR));
  g_assert_nonnull (calendar);
  shown = gtk_calendar_get_date (GTK_CALENDAR (calendar));
  g_assert_cmpint (g_date_time_get_year (shown), ==, 2024);
  g_assert_cmpint (g_date_time_get_month (shown), ==, 5);
  g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 14);
  g_assert_cmpstr (apmm_session_get_date (session), ==, "2024-05-14");

  picked = g_date_time_new_local (2024, 6, 3, 0, 0, 0);
  gtk_calendar_select_day (GTK_CALENDAR (calendar), picked);
  apmm_test_iterate ();
  g_assert_cmpstr (apmm_session_get_date (session), ==, "2024-06-03");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)))));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (panel);
}

static void
test_participants (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *panel = g_object_ref_sink (apmm_details_panel_new ());
  GtkWidget *window, *add, *ana, *remove;

  apmm_details_panel_set_session (APMM_DETAILS_PANEL (panel), session);
  window = apmm_test_show_in_window (panel, 420);
  add = row (panel, "Add participant");

  /* Enter adds, and empty names are refused. */
  gtk_editable_set_text (GTK_EDITABLE (add), "Ana");
  g_signal_emit_by_name (add, "entry-activated");
  g_assert_cmpuint (apmm_session_get_n_participants (session), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add)), ==, "");
  gtk_editable_set_text (GTK_EDITABLE (add), "   ");
  g_signal_emit_by_name (add, "entry-activated");
  g_assert_cmpuint (apmm_session_get_n_participants (session), ==, 1);

  /* So does the button. */
  gtk_editable_set_text (GTK_EDITABLE (add), "Ben");
  apmm_test_click (apmm_test_find_widget (add, apmm_test_is_button_with_icon, "list-add-symbolic"));
  g_assert_cmpuint (apmm_session_get_n_participants (session), ==, 2);
  g_assert_cmpstr (apmm_session_get_participant_name (session, 1), ==, "Ben");

  /* Rename in place. */
  ana = participant_row (panel, 0);
  g_assert_nonnull (apmm_test_find_widget (ana, apmm_test_is_label_with_text, "Participant 1"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_text (ana))), ==, "Ana");
  gtk_editable_set_text (GTK_EDITABLE (name_text (ana)), "Ana Lima");
  apply_name (ana);
  g_assert_cmpstr (apmm_session_get_participant_name (session, 0), ==, "Ana Lima");
  apmm_test_assert_accessible_label (ana, "Ana Lima");

  /* As in an entry row, the focus goes to the name, not to the row. */
  g_assert_true (gtk_widget_grab_focus (ana));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == name_text (ana));

  /* A name cannot be emptied: the old one comes back. */
  gtk_editable_set_text (GTK_EDITABLE (name_text (ana)), "  ");
  apply_name (ana);
  g_assert_cmpstr (apmm_session_get_participant_name (session, 0), ==, "Ana Lima");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_text (ana))), ==, "Ana Lima");

  /* Remove the first: Ben is left. */
  remove = apmm_test_find_widget (ana, apmm_test_is_button_with_icon, "user-trash-symbolic");
  g_assert_nonnull (remove);
  g_assert_nonnull (gtk_widget_get_tooltip_text (remove));
  apmm_test_click (remove);
  g_assert_cmpuint (apmm_session_get_n_participants (session), ==, 1);
  g_assert_cmpstr (apmm_session_get_participant_name (session, 0), ==, "Ben");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_text (participant_row (panel, 0)))),
                   ==, "Ben");
  g_assert_null (apmm_test_find_widget (panel, apmm_test_is_label_with_text, "Participant 2"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (panel);
}

/* A name being typed in one row, not applied yet, is not wiped out when
 * someone else votes or is renamed: only the row whose name changed is
 * set again. */
static void
test_rename_survives_votes (void)
{
  g_autoptr(ApmmSession) session = apmm_session_new ();
  GtkWidget *panel = g_object_ref_sink (apmm_details_panel_new ());
  GtkWidget *ana, *ben;

  apmm_session_add_participant (session, "Ana", -1);
  apmm_session_add_participant (session, "Ben", -1);
  apmm_details_panel_set_session (APMM_DETAILS_PANEL (panel), session);
  ana = participant_row (panel, 0);
  ben = participant_row (panel, 1);

  gtk_editable_set_text (GTK_EDITABLE (name_text (ana)), "Ana Li");
  apmm_session_set_participant_vote (session, 1, 3);
  apmm_session_rename_participant (session, 1, "Ben Okafor");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_text (ana))), ==, "Ana Li");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_text (ben))), ==, "Ben Okafor");
  apmm_test_assert_accessible_label (apmm_test_find_widget (ben, apmm_test_is_button_with_icon,
                                                            "user-trash-symbolic"),
                                     "Remove Ben Okafor");

  apply_name (ana);
  g_assert_cmpstr (apmm_session_get_participant_name (session, 0), ==, "Ana Li");

  g_assert_finalize_object (panel);
}

static void
test_switch_session (void)
{
  g_autoptr(ApmmSession) first = apmm_session_new ();
  g_autoptr(ApmmSession) second = apmm_session_new ();
  GtkWidget *panel = g_object_ref_sink (apmm_details_panel_new ());
  GtkWidget *window;

  apmm_session_set_organisation (first, "First");
  apmm_session_set_organisation (second, "Second");
  apmm_details_panel_set_session (APMM_DETAILS_PANEL (panel), first);
  window = apmm_test_show_in_window (panel, 420);
  apmm_details_panel_set_session (APMM_DETAILS_PANEL (panel), second);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (panel, "Organisation"))), ==, "Second");

  /* The old session no longer drives the panel, nor the panel it. */
  apmm_session_set_organisation (first, "Changed");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (panel, "Organisation"))), ==, "Second");

  apmm_details_panel_set_session (APMM_DETAILS_PANEL (panel), NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (adw_bin_get_child (ADW_BIN (panel)))),
                   ==, "empty");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (panel);
}

/* The window can be as narrow as 360 px, so the page must fold to fit that
 * with a full session, the example the app ships, in it. */
static void
test_fits_narrow_window (void)
{
  g_autoptr(ApmmSession) session = apmm_test_load_example ("meridian-insurance.apmm");
  GtkWidget *page = g_object_ref_sink (apmm_details_panel_new ());

  apmm_details_panel_set_session (APMM_DETAILS_PANEL (page), session);
  apmm_test_assert_fits_width (page, 360);
}

static ApmmSession *
session_with_people (guint n)
{
  ApmmSession *session = apmm_session_new ();

  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u", i);

      apmm_session_add_participant (session, name, -1);
    }
  return session;
}

/* With hundreds of participants the panel draws only the rows near the
 * view (docs/performance.md), and each row as soon as it is scrolled to. */
static void
test_long_list_draws_rows_in_view (void)
{
  g_autoptr(ApmmSession) session = session_with_people (300);
  GtkWidget *panel = g_object_ref_sink (apmm_details_panel_new ());
  GtkWidget *window;

  apmm_details_panel_set_session (APMM_DETAILS_PANEL (panel), session);
  window = apmm_test_show_in_window (panel, 420);
  apmm_test_wait_for_frame (panel);
  apmm_test_assert_draws_rows_in_view (participant_row (panel, 0), participant_row (panel, 299));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (panel);
}

/* Opening the panel with hundreds of participants makes the content of
 * the rows in view only (docs/performance.md): a row far below is a
 * placeholder a screen reader can still name, and is made when it is
 * scrolled to, with the name the participant has then, which can be
 * edited as in any other row. */
static void
test_long_list_builds_rows_in_view (void)
{
  g_autoptr(ApmmSession) session = session_with_people (300);
  GtkWidget *panel = g_object_ref_sink (apmm_details_panel_new ());
  GtkWidget *window, *scrolled, *last, *middle, *text;
  graphene_rect_t bounds;

  apmm_details_panel_set_session (APMM_DETAILS_PANEL (panel), session);
  window = apmm_test_show_in_window (panel, 420);
  apmm_test_wait_for_frame (panel);

  g_assert_true (apmm_list_row_is_built (GTK_LIST_BOX_ROW (participant_row (panel, 0))));
  middle = participant_row (panel, 150);
  last = participant_row (panel, 299);
  g_assert_false (apmm_list_row_is_built (GTK_LIST_BOX_ROW (middle)));
  g_assert_false (apmm_list_row_is_built (GTK_LIST_BOX_ROW (last)));
  g_assert_null (apmm_test_find_widget (last, apmm_test_is_of_type, APMM_TEST_TYPE (GTK_TYPE_TEXT)));
  apmm_test_assert_accessible_label (middle, "Person 151");
  apmm_test_assert_accessible_label (last, "Person 300");

  /* Renamed elsewhere (in the votes panel, say) before the row is made. */
  apmm_session_rename_participant (session, 299, "Zoë Okafor");
  apmm_test_assert_accessible_label (last, "Zoë Okafor");
  g_assert_false (apmm_list_row_is_built (GTK_LIST_BOX_ROW (last)));

  /* Scrolled to with the scroll bar. */
  scrolled = gtk_widget_get_ancestor (last, GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scrolled);
  g_assert_true (gtk_widget_compute_bounds (last, scrolled, &bounds));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)),
                            bounds.origin.y);
  apmm_test_wait_for_scrolling (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_true (apmm_list_row_is_built (GTK_LIST_BOX_ROW (last)));
  g_assert_false (apmm_list_row_is_built (GTK_LIST_BOX_ROW (middle)));
  text = name_text (last);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text)), ==, "Zoë Okafor");
  g_assert_cmpuint (apmm_test_count_colours (scrolled, text), >, 8);
  g_assert_nonnull (apmm_test_find_widget (last, apmm_test_is_label_with_text, "Participant 300"));
  apmm_test_assert_accessible_label (apmm_test_find_widget (last, apmm_test_is_button_with_icon,
                                                            "user-trash-symbolic"),
                                     "Remove Zoë Okafor");

  /* Its name is edited as any other's. */
  gtk_editable_set_text (GTK_EDITABLE (text), "Zoë Okafor-Lind");
  apply_name (last);
  g_assert_cmpstr (apmm_session_get_participant_name (session, 299), ==, "Zoë Okafor-Lind");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (panel);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/details-panel/template", test_template);
  g_test_add_func ("/details-panel/fields-edit-session", test_fields_edit_session);
  g_test_add_func ("/details-panel/date-validation", test_date_validation);
  g_test_add_func ("/details-panel/date-calendar", test_date_calendar);
  g_test_add_func ("/details-panel/participants", test_participants);
  g_test_add_func ("/details-panel/rename-survives-votes", test_rename_survives_votes);
  g_test_add_func ("/details-panel/switch-session", test_switch_session);
  g_test_add_func ("/details-panel/long-list-draws-rows-in-view", test_long_list_draws_rows_in_view);
  g_test_add_func ("/details-panel/long-list-builds-rows-in-view", test_long_list_builds_rows_in_view);
  g_test_add_func ("/details-panel/fits-narrow-window", test_fits_narrow_window);

  return g_test_run ();
}
