/* apmm-presenter-console.c — the facilitator's screen while presenting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-presenter-console"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "apmm-audience-window.h"
#include "apmm-presenter-console.h"

/* What the console shows, kept on the window. */
typedef struct {
  ApmmAudienceWindow *audience;  /* owns the console */
  ApmmSlideView      *current;
  ApmmSlideView      *next;
  GtkLabel           *position;
  GtkLabel           *notes;
  GtkLabel           *segment;
  GtkLabel           *clock;
  GtkToggleButton    *reveal;
  GtkDropDown        *criterion;
  GtkDropDown        *status;
  GtkListBox         *slides;
  GtkListBox         *agenda;
  GtkLabel           *agenda_total;
  gboolean            editing_agenda;  /* the change came from the agenda's own rows */
  guint               rebuild_id;
  char               *shown_id;  /* the slide the console last showed */
  gboolean            syncing;
} Console;

static const ApmmStatus statuses[] = {
  APMM_STATUS_UNKNOWN, APMM_STATUS_NOT_MET, APMM_STATUS_PARTLY, APMM_STATUS_MET,
};

static void rebuild_agenda (Console *console);

static void
console_free (Console *console)
{
  g_clear_handle_id (&console->rebuild_id, g_source_remove);
  g_free (console->shown_id);
  g_free (console);
}

static Console *
console_of (GtkWindow *window)
{
  return g_object_get_data (G_OBJECT (window), "apmm-console");
}

static ApmmSession *
session_of (Console *console)
{
  return apmm_slide_deck_get_session (apmm_audience_window_get_deck (console->audience));
}

static char *
format_time (gint64 seconds)
{
  return g_strdup_printf ("%d:%02d", (int) (seconds / 60), (int) (seconds % 60));
}

static void
update_segment (Console *console)
{
  gint64 elapsed = apmm_audience_window_get_elapsed (console->audience);
  g_autofree char *text = NULL;
  g_autofree char *clock = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const char *title;
  gint64 planned;

  if (apmm_audience_window_get_segment (console->audience, &title, &planned))
    {
      gint64 left = planned - elapsed;

      g_autofree char *spent = format_time (elapsed);
      g_autofree char *rest = format_time (ABS (left));

      if (left >= 0)
        /* TRANSLATORS: a segment, its elapsed and its remaining time (minutes:seconds) */
        text = g_strdup_printf (_("%s — %s elapsed, %s left"), title, spent, rest);
      else
        text = g_strdup_printf (_("%s — %s over the planned time"), title, rest);
      if (left < 0)
        gtk_widget_add_css_class (GTK_WIDGET (console->segment), "warning");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (console->segment), "warning");
    }
  else
    text = g_strdup (_("No agenda segment for this slide"));
  if (!apmm_audience_window_get_timer_running (console->audience))
    {
      g_autofree char *paused = g_strdup_printf (_("%s (timer paused: T starts it)"), text);

      g_free (text);
      text = g_steal_pointer (&paused);
    }
  gtk_label_set_text (console->segment, text);
  clock = g_date_time_format (now, "%H:%M");
  gtk_label_set_text (console->clock, clock);
}

static void
sync_rating (Console *console)
{
  ApmmModel *model = apmm_model_get_default ();
  guint index = gtk_drop_down_get_selected (console->criterion);
  ApmmStatus status;

  if (index >= apmm_model_get_n_criteria (model))
    return;
  status = apmm_session_get_status (session_of (console), apmm_model_get_criterion (model, index)->id);
  console->syncing = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (statuses[i] == status)
      gtk_drop_down_set_selected (console->status, i);
  console->syncing = FALSE;
}

/* The criterion a slide is about, for Rate live: the one a prompt informs
 * first, or the top gap. */
static const char *
criterion_for_slide (Console         *console,
                     const ApmmSlide *slide)
{
  ApmmSlideDeck *deck = apmm_audience_window_get_deck (console->audience);
  ApmmAssessment *assessment = apmm_slide_deck_get_assessment (deck);

  if (slide->kind == APMM_SLIDE_PROMPT)
    {
      const ApmmPrompt *prompt = apmm_model_lookup_prompt (apmm_model_get_default (),
                                                           slide->id + strlen ("prompt-"));

      return prompt != NULL && prompt->informs[0] != NULL ? prompt->informs[0] : NULL;
    }
  if (slide->kind == APMM_SLIDE_GAPS && apmm_assessment_get_n_gaps (assessment) > 0)
    return apmm_assessment_get_gap (assessment, 0)->criterion->id;
  return NULL;
}

static void
preselect_criterion (Console         *console,
                     const ApmmSlide *slide)
{
  ApmmModel *model = apmm_model_get_default ();
  const char *id;

  if (slide == NULL || g_strcmp0 (console->shown_id, slide->id) == 0)
    return;
  g_free (console->shown_id);
  console->shown_id = g_strdup (slide->id);
  if ((id = criterion_for_slide (console, slide)) == NULL)
    return;
  for (guint i = 0; i < apmm_model_get_n_criteria (model); i++)
    if (g_strcmp0 (apmm_model_get_criterion (model, i)->id, id) == 0)
      gtk_drop_down_set_selected (console->criterion, i);
}

static void
audience_changed_cb (GtkWindow *window)
{
  Console *console = console_of (window);
  ApmmSlideDeck *deck = apmm_audience_window_get_deck (console->audience);
  int index = apmm_audience_window_get_index (console->audience);
  guint n = apmm_slide_deck_get_n_slides (deck);
  const ApmmSlide *slide = index >= 0 && (guint) index < n ? apmm_slide_deck_get_slide (deck, index) : NULL;
  g_autofree char *position = NULL;
  const char *blank = "";

  ApmmSlideTheme theme = adw_style_manager_get_dark (adw_style_manager_get_default ())
                         ? APMM_SLIDE_THEME_DARK : APMM_SLIDE_THEME_LIGHT;

  /* The previews look like the wall. */
  apmm_slide_view_set_theme (console->current, theme);
  apmm_slide_view_set_theme (console->next, theme);
  apmm_slide_view_set_slide (console->current, deck, index);
  apmm_slide_view_set_blank (console->current, apmm_audience_window_get_blank (console->audience));
  apmm_slide_view_set_slide (console->next, deck, (guint) index + 1 < n ? index + 1 : -1);

  if (apmm_audience_window_get_blank (console->audience) == APMM_SLIDE_VIEW_BLACK)
    blank = _(" — the wall is black (B)");
  else if (apmm_audience_window_get_blank (console->audience) == APMM_SLIDE_VIEW_WHITE)
    blank = _(" — the wall is white (W)");
  position = g_strdup_printf (_("Slide %d of %u%s"), index + 1, n, blank);
  gtk_label_set_text (console->position, position);
  gtk_label_set_text (console->notes, slide != NULL && slide->notes != NULL
                                      ? slide->notes : _("No private notes for this slide."));

  console->syncing = TRUE;
  gtk_toggle_button_set_active (console->reveal, !apmm_session_get_votes_hidden (session_of (console)));
  console->syncing = FALSE;
  preselect_criterion (console, slide);
  sync_rating (console);
  update_segment (console);
}

static void
reveal_toggled_cb (GtkToggleButton *button,
                   Console         *console)
{
  if (console->syncing)
    return;
  apmm_session_set_votes_hidden (session_of (console), !gtk_toggle_button_get_active (button));
}

static void
criterion_selected_cb (GtkDropDown *dropdown,
                       GParamSpec  *pspec,
                       Console     *console)
{
  sync_rating (console);
}

static void
status_selected_cb (GtkDropDown *dropdown,
                    GParamSpec  *pspec,
                    Console     *console)
{
  ApmmModel *model = apmm_model_get_default ();
  guint criterion = gtk_drop_down_get_selected (console->criterion);
  guint status = gtk_drop_down_get_selected (dropdown);

  if (console->syncing || criterion >= apmm_model_get_n_criteria (model) || status >= G_N_ELEMENTS (statuses))
    return;
  apmm_session_set_status (session_of (console), apmm_model_get_criterion (model, criterion)->id,
                           statuses[status]);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                Console               *console)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));

  /* Keys meant for a focused control (a drop-down's list) stay there. */
  if (focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL)
    return FALSE;
  return apmm_audience_window_handle_key (console->audience, keyval, state);
}

static GtkWidget *
rating_row (Console *console)
{
  ApmmModel *model = apmm_model_get_default ();
  g_autoptr(GtkStringList) criteria = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (_("Rate live:"));

  for (guint i = 0; i < apmm_model_get_n_criteria (model); i++)
    {
      const ApmmCriterion *criterion = apmm_model_get_criterion (model, i);
      g_autofree char *text = g_strdup_printf (_("Level %u · %s"), criterion->level, criterion->title);

      gtk_string_list_append (criteria, text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    gtk_string_list_append (labels, apmm_status_get_label (statuses[i]));

  console->criterion = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&criteria)), NULL));
  console->status = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (console->criterion), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Criterion"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (console->status), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Status"), -1);
  g_signal_connect (console->criterion, "notify::selected", G_CALLBACK (criterion_selected_cb), console);
  g_signal_connect (console->status, "notify::selected", G_CALLBACK (status_selected_cb), console);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (console->criterion));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (console->status));
  return box;
}

/* --- Hiding and moving slides ------------------------------------------ */

static void
change_presentation (Console    *console,
                     const char *id,
                     int         hide,   /* -1: leave, 0 show, 1 hide */
                     int         move)   /* -1 up, +1 down, 0 none */
{
  ApmmSession *session = session_of (console);
  ApmmSlideDeck *deck = apmm_audience_window_get_deck (console->audience);
  g_autoptr(ApmmPresentation) presentation = apmm_presentation_copy (apmm_session_get_presentation (session));
  guint n = apmm_slide_deck_get_n_all (deck);

  if (hide >= 0)
    {
      apmm_presentation_set_hidden (presentation, id, hide);
      apmm_session_set_presentation (session, presentation, hide ? _("Hide a slide") : _("Show a slide"));
      return;
    }

  {
    g_autofree const char **order = g_new0 (const char *, n + 1);
    guint at = 0;

    for (guint i = 0; i < n; i++)
      {
        order[i] = apmm_slide_deck_get_any (deck, i)->id;
        if (g_strcmp0 (order[i], id) == 0)
          at = i;
      }
    if ((move < 0 && at == 0) || (move > 0 && at + 1 >= n))
      return;
    order[at] = order[at + move];
    order[at + move] = id;
    apmm_presentation_set_order (presentation, order);
    apmm_session_set_presentation (session, presentation, _("Move a slide"));
  }
}

static void
shown_toggled_cb (GtkCheckButton *button,
                  Console        *console)
{
  change_presentation (console, g_object_get_data (G_OBJECT (button), "slide-id"),
                       !gtk_check_button_get_active (button), 0);
}

static void
move_clicked_cb (GtkButton *button,
                 Console   *console)
{
  change_presentation (console, g_object_get_data (G_OBJECT (button), "slide-id"), -1,
                       GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "move")));
}

static GtkWidget *
move_button (Console    *console,
             const char *id,
             const char *title,
             int         move,
             gboolean    sensitive)
{
  GtkWidget *button = gtk_button_new_from_icon_name (move < 0 ? "go-up-symbolic" : "go-down-symbolic");
  g_autofree char *label = g_strdup_printf (move < 0 ? _("Move “%s” Up") : _("Move “%s” Down"), title);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_sensitive (button, sensitive);
  gtk_widget_set_tooltip_text (button, move < 0 ? _("Move Up") : _("Move Down"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (button), "slide-id", g_strdup (id), g_free);
  g_object_set_data (G_OBJECT (button), "move", GINT_TO_POINTER (move));
  g_signal_connect (button, "clicked", G_CALLBACK (move_clicked_cb), console);
  return button;
}

static gboolean
rebuild_slides_cb (gpointer data)
{
  Console *console = data;
  ApmmSlideDeck *deck = apmm_audience_window_get_deck (console->audience);
  GtkWidget *child;
  guint n = apmm_slide_deck_get_n_all (deck);

  console->rebuild_id = 0;
  /* Rows being edited keep their focus: only outside edits rebuild them. */
  if (console->agenda != NULL && !console->editing_agenda)
    rebuild_agenda (console);
  console->editing_agenda = FALSE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (console->slides))) != NULL)
    gtk_list_box_remove (console->slides, child);

  for (guint i = 0; i < n; i++)
    {
      const ApmmSlide *slide = apmm_slide_deck_get_any (deck, i);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      g_autofree char *label = g_strdup_printf ("%s: %s", apmm_slide_kind_get_label (slide->kind), slide->title);
      GtkWidget *check = gtk_check_button_new_with_label (label);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), !slide->hidden);
      gtk_widget_set_hexpand (check, TRUE);
      gtk_widget_set_tooltip_text (check, _("Shown in the presentation and the deck"));
      g_object_set_data_full (G_OBJECT (check), "slide-id", g_strdup (slide->id), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (shown_toggled_cb), console);
      gtk_box_append (GTK_BOX (row), check);
      gtk_box_append (GTK_BOX (row), move_button (console, slide->id, slide->title, -1, i > 0));
      gtk_box_append (GTK_BOX (row), move_button (console, slide->id, slide->title, +1, i + 1 < n));
      gtk_list_box_append (console->slides, row);
    }
  return G_SOURCE_REMOVE;
}

/* After the handler that changed the presentation has returned: it may be
 * one of the rows' buttons. */
static void
presentation_changed_cb (GtkWindow *window)
{
  Console *console = console_of (window);

  if (console->rebuild_id == 0)
    console->rebuild_id = g_idle_add (rebuild_slides_cb, console);
}

static GtkWidget *
slides_page (Console *console)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  console->slides = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (console->slides, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (console->slides), "boxed-list");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (console->slides));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  rebuild_slides_cb (console);
  return scroller;
}

/* --- The agenda ------------------------------------------------------------ */

static void
update_agenda_total (Console   *console,
                     GPtrArray *agenda)
{
  g_autofree char *sum = NULL;
  guint total = 0;

  for (guint i = 0; i < agenda->len; i++)
    total += ((ApmmAgendaSegment *) g_ptr_array_index (agenda, i))->minutes;
  sum = g_strdup_printf (_("%u h %02u min in all"), total / 60, total % 60);
  gtk_label_set_text (console->agenda_total, sum);
}

static void
set_segment (Console    *console,
             guint       index,
             const char *title,
             int         minutes)
{
  ApmmSession *session = session_of (console);
  g_autoptr(ApmmPresentation) presentation = apmm_presentation_copy (apmm_session_get_presentation (session));
  g_autoptr(GPtrArray) agenda = apmm_presentation_dup_agenda (presentation);
  ApmmAgendaSegment *segment;

  if (index >= agenda->len)
    return;
  segment = g_ptr_array_index (agenda, index);
  if (title != NULL)
    {
      g_free (segment->title);
      segment->title = g_strdup (title);
    }
  if (minutes > 0)
    segment->minutes = CLAMP (minutes, 1, APMM_AGENDA_MAX_MINUTES);
  apmm_presentation_set_agenda (presentation, agenda);
  console->editing_agenda = TRUE;
  apmm_session_set_presentation (session, presentation, _("Edit the agenda"));
  update_agenda_total (console, agenda);
}

static void
minutes_changed_cb (GtkSpinButton *spin,
                    Console       *console)
{
  set_segment (console, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (spin), "segment")), NULL,
               gtk_spin_button_get_value_as_int (spin));
}

static void
title_changed_cb (GtkEditable *editable,
                  Console     *console)
{
  set_segment (console, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "segment")),
               gtk_editable_get_text (editable), 0);
}

static void
rebuild_agenda (Console *console)
{
  g_autoptr(GPtrArray) agenda =
    apmm_presentation_dup_agenda (apmm_session_get_presentation (session_of (console)));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (console->agenda))) != NULL)
    gtk_list_box_remove (console->agenda, child);

  for (guint i = 0; i < agenda->len; i++)
    {
      const ApmmAgendaSegment *segment = g_ptr_array_index (agenda, i);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *title = gtk_entry_new ();
      GtkWidget *minutes = gtk_spin_button_new_with_range (1, APMM_AGENDA_MAX_MINUTES, 5);
      g_autofree char *title_label = g_strdup_printf (_("Title of segment %u"), i + 1);
      g_autofree char *minutes_label = g_strdup_printf (_("Minutes of “%s”"), segment->title);

      gtk_editable_set_text (GTK_EDITABLE (title), segment->title);
      gtk_widget_set_hexpand (title, TRUE);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (minutes), segment->minutes);
      gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LABEL, title_label, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (minutes), GTK_ACCESSIBLE_PROPERTY_LABEL, minutes_label, -1);
      g_object_set_data (G_OBJECT (title), "segment", GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (minutes), "segment", GUINT_TO_POINTER (i));
      /* The title is taken on Return, not per key: one undo step per edit. */
      g_signal_connect (title, "activate", G_CALLBACK (title_changed_cb), console);
      g_signal_connect (minutes, "value-changed", G_CALLBACK (minutes_changed_cb), console);
      gtk_box_append (GTK_BOX (row), title);
      gtk_box_append (GTK_BOX (row), minutes);
      gtk_list_box_append (console->agenda, row);
    }
  console->agenda_total = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (console->agenda_total, 0);
  gtk_list_box_append (console->agenda, GTK_WIDGET (console->agenda_total));
  update_agenda_total (console, agenda);
}

static GtkWidget *
agenda_page (Console *console)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  console->agenda = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (console->agenda, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (console->agenda), "boxed-list");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (console->agenda));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  rebuild_agenda (console);
  return scroller;
}

static GtkWidget *
side_panel (Console *console,
            float    ratio)
{
  GtkWidget *next_frame;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = gtk_label_new (_("Next"));
  GtkWidget *notes_heading = gtk_label_new (_("Private notes"));
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (notes_heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (notes_heading), 0);
  console->next = APMM_SLIDE_VIEW (apmm_slide_view_new ());
  gtk_widget_set_size_request (GTK_WIDGET (console->next), 320, 180);
  next_frame = gtk_aspect_frame_new (0.5, 0.0, ratio, FALSE);
  gtk_aspect_frame_set_child (GTK_ASPECT_FRAME (next_frame), GTK_WIDGET (console->next));
  console->notes = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (console->notes, TRUE);
  gtk_label_set_xalign (console->notes, 0);
  gtk_label_set_yalign (console->notes, 0);
  gtk_widget_add_css_class (GTK_WIDGET (console->notes), "apmm-console-notes");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (console->notes));
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);

  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), next_frame);
  {
    GtkWidget *stack = gtk_stack_new ();
    GtkWidget *switcher = gtk_stack_switcher_new ();
    GtkWidget *notes_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

    gtk_box_append (GTK_BOX (notes_box), notes_heading);
    gtk_box_append (GTK_BOX (notes_box), scroller);
    gtk_stack_add_titled (GTK_STACK (stack), notes_box, "notes", _("Notes"));
    gtk_stack_add_titled (GTK_STACK (stack), slides_page (console), "slides", _("Slides"));
    gtk_stack_add_titled (GTK_STACK (stack), agenda_page (console), "agenda", _("Agenda"));
    gtk_widget_set_vexpand (stack, TRUE);
    gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), GTK_STACK (stack));
    gtk_box_append (GTK_BOX (box), switcher);
    gtk_box_append (GTK_BOX (box), stack);
  }
  gtk_widget_set_size_request (box, 360, -1);
  return box;
}

static GtkWidget *
bottom_bar (Console *console)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  console->segment = GTK_LABEL (gtk_label_new (NULL));
  console->clock = GTK_LABEL (gtk_label_new (NULL));
  console->reveal = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("_Reveal Votes")));
  gtk_label_set_xalign (console->segment, 0);
  gtk_label_set_wrap (console->segment, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (console->segment), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (console->clock), "title-2");
  gtk_widget_add_css_class (GTK_WIDGET (console->clock), "numeric");
  g_signal_connect (console->reveal, "toggled", G_CALLBACK (reveal_toggled_cb), console);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (console->segment));
  gtk_box_append (GTK_BOX (box), rating_row (console));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (console->reveal));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (console->clock));
  return box;
}

GtkWindow *
apmm_presenter_console_new (ApmmAudienceWindow *audience)
{
  GtkWindow *window;
  Console *console = g_new0 (Console, 1);
  GtkWidget *grid = gtk_grid_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkWidget *frame;
  int width, height;
  float ratio;

  window = g_object_new (GTK_TYPE_WINDOW,
                         "application", gtk_window_get_application (GTK_WINDOW (audience)),
                         "title", _("Presenter Console"),
                         "default-width", 1024,
                         "default-height", 720,
                         "hide-on-close", TRUE,
                         NULL);
  console->audience = audience;
  g_object_set_data_full (G_OBJECT (window), "apmm-console", console, (GDestroyNotify) console_free);

  console->position = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (console->position), "title-3");
  gtk_label_set_xalign (console->position, 0);
  console->current = APMM_SLIDE_VIEW (apmm_slide_view_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (console->current), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (console->current), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (console->current), 480, 270);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  g_object_set (grid, "margin-start", 18, "margin-end", 18, "margin-top", 18, "margin-bottom", 18, NULL);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (console->position), 0, 0, 2, 1);
  gtk_window_get_default_size (GTK_WINDOW (audience), &width, &height);
  ratio = width > 0 && height > 0 ? (float) width / height : 16.0f / 9.0f;
  frame = gtk_aspect_frame_new (0.5, 0.0, ratio, FALSE);
  gtk_aspect_frame_set_child (GTK_ASPECT_FRAME (frame), GTK_WIDGET (console->current));
  gtk_grid_attach (GTK_GRID (grid), frame, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), side_panel (console, ratio), 1, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), bottom_bar (console), 0, 2, 2, 1);
  gtk_window_set_child (window, grid);

  /* The clicker's keys win over focus navigation; open lists keep theirs. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), console);
  gtk_widget_add_controller (GTK_WIDGET (window), keys);
  g_signal_connect_object (audience, "changed", G_CALLBACK (audience_changed_cb), window, G_CONNECT_SWAPPED);
  g_signal_connect_object (session_of (console), "presentation-changed",
                           G_CALLBACK (presentation_changed_cb), window, G_CONNECT_SWAPPED);
  audience_changed_cb (window);
  return window;
}
