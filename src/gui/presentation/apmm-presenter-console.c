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

struct _ApmmPresenterConsole
{
  GtkWindow           parent_instance;

  ApmmAudienceWindow *audience;  /* owns the console */
  ApmmSlideView      *current;
  ApmmSlideView      *next;
  GtkAspectFrame     *current_frame;
  GtkAspectFrame     *next_frame;
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
};

typedef ApmmPresenterConsole Console;

G_DEFINE_FINAL_TYPE (ApmmPresenterConsole, apmm_presenter_console, GTK_TYPE_WINDOW)

static const ApmmStatus statuses[] = {
  APMM_STATUS_UNKNOWN, APMM_STATUS_NOT_MET, APMM_STATUS_PARTLY, APMM_STATUS_MET,
};

static void rebuild_agenda (Console *console);

static Console *
console_of (GtkWindow *window)
{
  return APMM_PRESENTER_CONSOLE (window);
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

/* --- Vfuncs and public API ------------------------------------------------- */

static void
apmm_presenter_console_dispose (GObject *object)
{
  ApmmPresenterConsole *self = APMM_PRESENTER_CONSOLE (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_pointer (&self->shown_id, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), APMM_TYPE_PRESENTER_CONSOLE);

  G_OBJECT_CLASS (apmm_presenter_console_parent_class)->dispose (object);
}

static void
apmm_presenter_console_class_init (ApmmPresenterConsoleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = apmm_presenter_console_dispose;

  g_type_ensure (APMM_TYPE_SLIDE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/apmm/Workshop/apmm-presenter-console.ui");
  gtk_widget_class_bind_template_child (widget_class, ApmmPresenterConsole, current_frame);
  gtk_widget_class_bind_template_child (widget_class, ApmmPresenterConsole, next_frame);
  gtk_widget_class_bind_template_child (widget_class, ApmmPresenterConsole, current);
  gtk_widget_class_bind_template_child (widget_class, ApmmPresenterConsole, next);
  gtk_widget_class_bind_template_child (widget_class, ApmmPresenterConsole, position);
  gtk_widget_class_bind_template_child (widget_class, ApmmPresenterConsole, notes);
  gtk_widget_class_bind_template_child (widget_class, ApmmPresenterConsole, segment);
  gtk_widget_class_bind_template_child (widget_class, ApmmPresenterConsole, clock);
  gtk_widget_class_bind_template_child (widget_class, ApmmPresenterConsole, reveal);
  gtk_widget_class_bind_template_child (widget_class, ApmmPresenterConsole, criterion);
  gtk_widget_class_bind_template_child (widget_class, ApmmPresenterConsole, status);
  gtk_widget_class_bind_template_child (widget_class, ApmmPresenterConsole, slides);
  gtk_widget_class_bind_template_child (widget_class, ApmmPresenterConsole, agenda);
}

static void
setup_short_label_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_list_item_set_child (item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

/* The criteria's names are long: the button shows them shortened, so the
 * console fits a 1024-pixel laptop screen; the list shows them whole. */
static void
shorten_criterion_button (ApmmPresenterConsole *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_short_label_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), NULL);
  gtk_drop_down_set_factory (self->criterion, factory);
}

static void
fill_rating_choices (ApmmPresenterConsole *self)
{
  ApmmModel *model = apmm_model_get_default ();
  g_autoptr(GtkStringList) criteria = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < apmm_model_get_n_criteria (model); i++)
    {
      const ApmmCriterion *criterion = apmm_model_get_criterion (model, i);
      g_autofree char *text = g_strdup_printf (_("Level %u · %s"), criterion->level, criterion->title);

      gtk_string_list_append (criteria, text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    gtk_string_list_append (labels, apmm_status_get_label (statuses[i]));
  shorten_criterion_button (self);
  gtk_drop_down_set_model (self->criterion, G_LIST_MODEL (criteria));
  gtk_drop_down_set_model (self->status, G_LIST_MODEL (labels));
}

static void
apmm_presenter_console_init (ApmmPresenterConsole *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  fill_rating_choices (self);

  /* The clicker's keys win over focus navigation; open lists keep theirs. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/**
 * apmm_presenter_console_new:
 * @audience: the slides on the wall, which own the console
 *
 * Returns: (transfer none): the console, not yet shown
 */
GtkWindow *
apmm_presenter_console_new (ApmmAudienceWindow *audience)
{
  ApmmPresenterConsole *self;
  int width, height;
  float ratio;

  g_return_val_if_fail (APMM_IS_AUDIENCE_WINDOW (audience), NULL);

  self = g_object_new (APMM_TYPE_PRESENTER_CONSOLE,
                       "application", gtk_window_get_application (GTK_WINDOW (audience)),
                       NULL);
  self->audience = audience;

  /* The previews have the wall's shape. */
  gtk_window_get_default_size (GTK_WINDOW (audience), &width, &height);
  ratio = width > 0 && height > 0 ? (float) width / height : 16.0f / 9.0f;
  gtk_aspect_frame_set_ratio (self->current_frame, ratio);
  gtk_aspect_frame_set_ratio (self->next_frame, ratio);

  g_signal_connect (self->reveal, "toggled", G_CALLBACK (reveal_toggled_cb), self);
  g_signal_connect (self->criterion, "notify::selected", G_CALLBACK (criterion_selected_cb), self);
  g_signal_connect (self->status, "notify::selected", G_CALLBACK (status_selected_cb), self);
  g_signal_connect_object (audience, "changed", G_CALLBACK (audience_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session_of (self), "presentation-changed",
                           G_CALLBACK (presentation_changed_cb), self, G_CONNECT_SWAPPED);
  rebuild_slides_cb (self);
  audience_changed_cb (GTK_WINDOW (self));
  return GTK_WINDOW (self);
}
