/* apmm-window-actions.c — the window's actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "apmm-compare-dialogs.h"
#include "apmm-export-dialog.h"
#include "apmm-presentation-actions.h"
#include "apmm-report-dialog.h"
#include "apmm-session-file.h"
#include "apmm-window-private.h"

static void
new_session_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  apmm_window_new_session (APMM_WINDOW (widget));
}

static void
open_response_cb (GtkNativeDialog *native,
                  int              response,
                  ApmmWindow      *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
      ApmmWindow *showing = app != NULL ? apmm_window_find_for_file (app, file) : NULL;

      /* A file already open in another window is focused, not opened twice. */
      if (showing != NULL && showing != self)
        {
          gtk_window_present (GTK_WINDOW (showing));
          g_object_unref (native);
          return;
        }

      apmm_window_open_file (self, file);
    }

  g_object_unref (native);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ApmmWindow *self = APMM_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Open Session"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (filter, _("APMM Sessions"));
  gtk_file_filter_add_mime_type (filter, APMM_SESSION_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "apmm");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);

  g_signal_connect_object (native, "response", G_CALLBACK (open_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
open_example_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  apmm_window_open_example (APMM_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  apmm_window_save (APMM_WINDOW (widget));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  apmm_window_save_as (APMM_WINDOW (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ApmmWindow *self = APMM_WINDOW (widget);
  g_autofree char *message = NULL;

  if (apmm_window_get_history (self) == NULL || !apmm_history_can_undo (apmm_window_get_history (self)))
    return;

  message = g_strdup_printf (_("Undone: %s"), apmm_history_get_undo_label (apmm_window_get_history (self)));
  apmm_history_undo (apmm_window_get_history (self));
  apmm_window_show_toast (self, message);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ApmmWindow *self = APMM_WINDOW (widget);
  g_autofree char *message = NULL;

  if (apmm_window_get_history (self) == NULL || !apmm_history_can_redo (apmm_window_get_history (self)))
    return;

  message = g_strdup_printf (_("Redone: %s"), apmm_history_get_redo_label (apmm_window_get_history (self)));
  apmm_history_redo (apmm_window_get_history (self));
  apmm_window_show_toast (self, message);
}

static void
export_ladder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  ApmmWindow *self = APMM_WINDOW (widget);
  const char *organisation;
  g_autofree char *basename = NULL;

  if (apmm_window_get_session (self) == NULL)
    return;

  organisation = apmm_session_get_organisation (apmm_window_get_session (self));
  basename = g_strdup_printf (_("%s ladder"), organisation[0] != '\0' ? organisation : _("APMM"));
  apmm_export_ladder_dialog (GTK_WINDOW (self), apmm_window_get_session (self), basename);
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  ApmmWindow *self = APMM_WINDOW (widget);

  if (apmm_window_get_session (self) == NULL)
    return;
  gtk_window_present (GTK_WINDOW (apmm_report_dialog_new (GTK_WINDOW (self), apmm_window_get_session (self))));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  ApmmWindow *self = APMM_WINDOW (widget);

  if (apmm_window_get_session (self) == NULL)
    return;
  apmm_report_print (GTK_WINDOW (self), apmm_window_get_session (self));
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  apmm_compare_dialog_show (APMM_WINDOW (widget));
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  apmm_merge_dialog_show (APMM_WINDOW (widget));
}

static void
show_details_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  ApmmWindow *self = APMM_WINDOW (widget);

  if (apmm_window_get_session (self) == NULL)
    return;

  adw_flap_set_reveal_flap (self->details_flap, !adw_flap_get_reveal_flap (self->details_flap));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  ApmmWindow *self = APMM_WINDOW (widget);

  if (apmm_window_get_session (self) == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (param, NULL));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* Whether the section's item @index is labelled @label. */
static gboolean
menu_item_is (GMenuModel *section,
              int         index,
              const char *label)
{
  g_autofree char *current = NULL;

  return index < g_menu_model_get_n_items (section) &&
         g_menu_model_get_item_attribute (section, index, G_MENU_ATTRIBUTE_LABEL, "s", &current) &&
         g_str_equal (current, label);
}

/* The main menu names what Undo and Redo would do, like the buttons' tooltips.
 * The items are replaced only when their labels change: each replacement
 * rebuilds the menu's widgets, and most edits leave the labels as they were. */
static void
update_edit_menu (ApmmWindow *self,
                  gboolean    can_undo,
                  gboolean    can_redo)
{
  GMenuModel *section = G_MENU_MODEL (self->edit_section);
  g_autofree char *undo = NULL;
  g_autofree char *redo = NULL;

  if (apmm_window_get_session (self) == NULL)
    {
      g_menu_remove_all (self->edit_section);
      return;
    }

  undo = can_undo ? g_strdup_printf (_("_Undo “%s”"), apmm_history_get_undo_label (apmm_window_get_history (self)))
                  : g_strdup (_("_Undo"));
  redo = can_redo ? g_strdup_printf (_("_Redo “%s”"), apmm_history_get_redo_label (apmm_window_get_history (self)))
                  : g_strdup (_("_Redo"));
  if (g_menu_model_get_n_items (section) == 2 && menu_item_is (section, 0, undo) && menu_item_is (section, 1, redo))
    return;

  g_menu_remove_all (self->edit_section);
  g_menu_append (self->edit_section, undo, "win.undo");
  g_menu_append (self->edit_section, redo, "win.redo");
}

/* Sets @widget's tooltip unless it already says @text: a new tooltip is
 * also a new accessible description. */
static void
set_tooltip (GtkWidget  *widget,
             const char *text)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

void
_apmm_window_update_actions (ApmmWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_session = apmm_window_get_session (self) != NULL;
  gboolean can_undo = apmm_window_get_history (self) != NULL && apmm_history_can_undo (apmm_window_get_history (self));
  gboolean can_redo = apmm_window_get_history (self) != NULL && apmm_history_can_redo (apmm_window_get_history (self));
  g_autofree char *undo_tip = NULL;
  g_autofree char *redo_tip = NULL;

  gtk_widget_action_set_enabled (widget, "win.save", has_session);
  gtk_widget_action_set_enabled (widget, "win.save-as", has_session);
  gtk_widget_action_set_enabled (widget, "win.export-ladder", has_session);
  gtk_widget_action_set_enabled (widget, "win.export-report", has_session);
  gtk_widget_action_set_enabled (widget, "win.print", has_session);
  gtk_widget_action_set_enabled (widget, "win.compare", has_session);
  gtk_widget_action_set_enabled (widget, "win.show-details", has_session);
  gtk_widget_action_set_enabled (widget, "win.show-page", has_session);
  gtk_widget_action_set_enabled (widget, "win.undo", can_undo);
  gtk_widget_action_set_enabled (widget, "win.redo", can_redo);

  /* The buttons say what they would undo, so nothing is undone blindly. */
  undo_tip = can_undo ? g_strdup_printf (_("Undo “%s” (Ctrl+Z)"), apmm_history_get_undo_label (apmm_window_get_history (self)))
                      : g_strdup (_("Nothing to Undo"));
  redo_tip = can_redo ? g_strdup_printf (_("Redo “%s” (Shift+Ctrl+Z)"), apmm_history_get_redo_label (apmm_window_get_history (self)))
                      : g_strdup (_("Nothing to Redo"));
  update_edit_menu (self, can_undo, can_redo);
  set_tooltip (self->undo_button, undo_tip);
  set_tooltip (self->redo_button, redo_tip);
  gtk_widget_set_visible (self->details_button, has_session);
  gtk_widget_set_visible (self->undo_button, has_session);
  gtk_widget_set_visible (self->redo_button, has_session);
  if (!has_session)
    adw_flap_set_reveal_flap (self->details_flap, FALSE);
}


/* The keyboard shortcuts window is built the first time it is asked for.
 * GTK would build gtk/help-overlay.ui for every window as it opens, which
 * cost 7 % of the first frame (docs/performance.md). */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  ApmmWindow *self = APMM_WINDOW (widget);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/org/apmm/Workshop/apmm-shortcuts-window.ui");

      self->shortcuts_window = GTK_WINDOW (g_object_ref (gtk_builder_get_object (builder, "help_overlay")));
      gtk_window_set_modal (self->shortcuts_window, TRUE);
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
    }
  gtk_window_present (self->shortcuts_window);
}

void
_apmm_window_class_actions_init (ApmmWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.new-session", NULL, new_session_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-example", "s", open_example_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.export-ladder", NULL, export_ladder_action);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, export_report_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "win.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "win.show-details", NULL, show_details_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  apmm_presentation_install_actions (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-session", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export-ladder", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-report", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-details", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK,
                                       "win.show-help-overlay", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-page", "s", "explorer");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-page", "s", "assessment");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-page", "s", "gaps");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-page", "s", "roadmap");
}
