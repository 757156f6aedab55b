/* test-i18n.c — the German translation loads: catalogue, window and desktop entry
 *
 * Runs with LANGUAGE=de against the catalogue meson builds into
 * BUILD_ROOT/po, so it checks the whole path a German user takes: po/de.po
 * compiled by the i18n module, gettext picking it up, GtkBuilder translating
 * the window's template, and msgfmt merging the desktop entry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "apmm-ladder-renderer.h"
#include "apmm-session-file.h"
#include "apmm-window.h"

/* Strings of the window and its menus, as the user sees them in English. */
static const char * const window_strings[] = {
  "_New Session",
  "_Open…",
  "Open _Example",
  "_Save",
  "Save _As…",
  "_Keyboard Shortcuts",
  "_Preferences",
  "_About APMM Workshop",
  "Main Menu",
  "Recent Sessions",
};

/* The four pages, in the order of the view switcher. */
static const char * const page_titles[] = {
  "_Level Explorer",
  "_Self-Assessment",
  "_Gap Map",
  "_Roadmap",
};

static void
assert_translated (const char *msgid)
{
  const char *translation = g_dgettext (GETTEXT_PACKAGE, msgid);

  g_test_message ("%s → %s", msgid, translation);
  g_assert_cmpstr (translation, !=, msgid);
  g_assert_cmpuint (strlen (translation), >, 0);
  /* A mnemonic must survive the translation, or Alt+letter stops working. */
  if (strchr (msgid, '_') != NULL)
    g_assert_nonnull (strchr (translation, '_'));
}

static void
test_catalogue (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (window_strings); i++)
    assert_translated (window_strings[i]);
  for (guint i = 0; i < G_N_ELEMENTS (page_titles); i++)
    assert_translated (page_titles[i]);

  /* A string the catalogue cannot have comes back unchanged. */
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "no such string in apmm-workshop"), ==,
                   "no such string in apmm-workshop");
}

static AdwViewStack *
find_view_stack (GtkWidget *widget)
{
  if (ADW_IS_VIEW_STACK (widget))
    return ADW_VIEW_STACK (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwViewStack *found = find_view_stack (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_window (void)
{
  GtkWidget *window = g_object_new (APMM_TYPE_WINDOW, NULL);
  AdwViewStack *stack = find_view_stack (window);
  g_autoptr(GtkSelectionModel) pages = NULL;
  guint n_pages;

  g_assert_nonnull (stack);
  pages = adw_view_stack_get_pages (stack);
  n_pages = g_list_model_get_n_items (G_LIST_MODEL (pages));
  g_assert_cmpuint (n_pages, ==, G_N_ELEMENTS (page_titles));

  for (guint i = 0; i < n_pages; i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      const char *title = adw_view_stack_page_get_title (page);

      g_test_message ("page %u: %s", i, title);
      g_assert_cmpstr (title, ==, g_dgettext (GETTEXT_PACKAGE, page_titles[i]));
      g_assert_cmpstr (title, !=, page_titles[i]);
    }

  g_clear_object (&pages);
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_desktop_entry (void)
{
  g_autoptr(GKeyFile) entry = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *comment_de = NULL;
  g_autofree char *name_de = NULL;

  g_key_file_load_from_file (entry, BUILD_ROOT "/data/" APP_ID ".desktop",
                             G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);

  comment = g_key_file_get_string (entry, "Desktop Entry", "Comment", &error);
  g_assert_no_error (error);
  comment_de = g_key_file_get_locale_string (entry, "Desktop Entry", "Comment", "de", &error);
  g_assert_no_error (error);

  g_assert_cmpstr (comment_de, !=, comment);
  g_assert_cmpstr (comment_de, ==, g_dgettext (GETTEXT_PACKAGE, comment));

  /* The product name stays the product name. */
  name_de = g_key_file_get_locale_string (entry, "Desktop Entry", "Name", "de", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name_de, ==, "APMM Workshop");
}

/* At the sizes a 1024×768 or larger window gives the ladder (the Level
 * Explorer's column is 470×690 at 1024×768), every marker keeps its word and
 * every vote count says "votes", not a bare number. */
static void
assert_ladder_labels (const char *ratings_file)
{
  static const int window_sizes[][2] = { { 470, 690 }, { 600, 690 }, { 1024, 768 }, { 760, 1010 }, { 883, 1010 }, { 1920, 1080 } };
  g_autofree char *path = g_build_filename (SRC_ROOT, "data", "examples", ratings_file, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmSession) session = apmm_session_load_file (file, NULL, &error);
  ApmmLadderState state;

  g_assert_no_error (error);
  apmm_ladder_state_init (&state, session, apmm_model_get_default (), NULL);
  g_assert_true (state.has_perceived);
  for (guint s = 0; s < G_N_ELEMENTS (window_sizes); s++)
    {
      int w = window_sizes[s][0], h = window_sizes[s][1];
      ApmmLadderLayout *layout = apmm_ladder_layout_new (&state, w, h);
      static const ApmmLadderMarker markers[] = {
        APMM_LADDER_MARKER_EVIDENCE, APMM_LADDER_MARKER_PERCEIVED, APMM_LADDER_MARKER_TARGET,
      };
      cairo_rectangle_t rect;

      g_test_message ("%d×%d", w, h);
      for (guint m = 0; m < G_N_ELEMENTS (markers); m++)
        {
          g_assert_true (apmm_ladder_layout_get_marker_label_rect (layout, markers[m], &rect));
          g_assert_cmpfloat (apmm_ladder_layout_get_marker_label_px (layout, markers[m]), >=, 14);
        }
      for (guint level = 0; level < APMM_N_LEVELS; level++)
        if (state.votes[level] > 0)
          {
            g_assert_true (apmm_ladder_layout_get_votes_rect (layout, level, &rect));
            /* "6 votes" is at least twice as wide as it is high; "6" is not. */
            g_assert_cmpfloat (rect.width, >, 2 * rect.height);
          }
      apmm_ladder_layout_free (layout);
    }
}

/* One German word for the people in the room, everywhere. */
static void
test_one_word_for_participants (void)
{
  static const char * const msgids[] = {
    "Participants", "Add participant", "Rename participant", "Remove participant",
    "Participant %u", "more than %d participants",
  };

  for (guint i = 0; i < G_N_ELEMENTS (msgids); i++)
    {
      const char *german = g_dgettext (GETTEXT_PACKAGE, msgids[i]);

      g_test_message ("%s → %s", msgids[i], german);
      g_assert_nonnull (strstr (german, "Teilnehmende"));
    }
}

/* The German words ("Gefühlt", "Ziel", "6 Stimmen") keep their place too. */
static void
test_ladder_labels (void)
{
  assert_ladder_labels ("meridian-insurance.apmm");
  assert_ladder_labels ("northwind-logistics.apmm");
}

int
main (int   argc,
      char *argv[])
{
  /* The tests run with LC_ALL=C.UTF-8. glibc ignores LANGUAGE in the plain
   * "C" locale but honours it in C.UTF-8, so no German locale needs to be
   * installed for the catalogue to be used. */
  g_setenv ("LANGUAGE", "de", TRUE);
  g_assert_nonnull (setlocale (LC_ALL, ""));
  bindtextdomain (GETTEXT_PACKAGE, BUILD_ROOT "/po");
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/i18n/catalogue", test_catalogue);
  g_test_add_func ("/i18n/window", test_window);
  g_test_add_func ("/i18n/desktop-entry", test_desktop_entry);
  g_test_add_func ("/i18n/ladder-labels", test_ladder_labels);
  g_test_add_func ("/i18n/one-word-for-participants", test_one_word_for_participants);

  return g_test_run ();
}
