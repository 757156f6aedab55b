/* apmm-window-private.h — what apmm-window-actions.c shares with apmm-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "apmm-window.h"

G_BEGIN_DECLS

typedef void (*ApmmWindowThen) (ApmmWindow *self,
                                gpointer    user_data);

struct _ApmmWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwHeaderBar         *header_bar;
  GtkStack             *title_stack;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkMenuButton        *primary_menu_button;
  GtkMenuButton        *example_menu_button;
  GMenuModel           *primary_menu;
  GMenuModel           *example_menu;
  GtkStack             *main_stack;
  GtkSpinner           *opening_spinner;
  GtkWindow            *shortcuts_window;
  guint                 opening_source;
  AdwViewStack         *view_stack;
  AdwFlap              *details_flap;
  AdwBin               *explorer_bin;
  AdwBin               *assessment_bin;
  AdwBin               *gaps_bin;
  AdwBin               *roadmap_bin;
  AdwBin               *details_bin;
  GtkInfoBar           *info_bar;
  GtkLabel             *info_label;
  GtkListBox           *recent_list;
  GtkWidget            *recent_box;
  GtkWidget            *details_button;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;
  GMenu                *edit_section;

  GSettings            *settings;

  /* The document shown, and what follows it: the window binds its titles and
   * follows its state with these, whichever document it shows. */
  ApmmDocument         *document;
  GBindingGroup        *document_bindings;
  GSignalGroup         *document_signals;
  GSignalGroup         *history_signals;

  /* Set while a file is read for this window. */
  GCancellable         *loading;

  /* Logout inhibition while there is unsaved work. */
  guint                 inhibit_cookie;

  /* Set once the user agreed to close without saving. */
  gboolean              close_confirmed;
};

void  _apmm_window_class_actions_init  (ApmmWindowClass  *klass);
void  _apmm_window_update_actions      (ApmmWindow       *self);
/* Runs @then after making sure unsaved changes are saved or knowingly
 * discarded; does nothing when the user cancels. */
void  _apmm_window_confirm_discard     (ApmmWindow       *self,
                                        ApmmWindowThen    then,
                                        gpointer          user_data,
                                        GDestroyNotify    destroy);
/* What the Save dialog does with the file picked: saves the document there. */
void  _apmm_window_save_to             (ApmmWindow       *self,
                                        GFile            *file);

G_END_DECLS
