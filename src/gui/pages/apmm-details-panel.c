/* apmm-details-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-details-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "apmm-details-panel.h"
#include "apmm-gui-utils.h"
#include "apmm-hfw-bin.h"
#include "apmm-list-culling.h"
#include "apmm-session-file.h"

struct _ApmmDetailsPanel
{
  AdwBin         parent_instance;

  ApmmSession   *session;
  gboolean       syncing;
  gboolean       picking;   /* the calendar is being set to the session's date */

  GtkStack      *stack;
  AdwEntryRow   *organisation_row;
  AdwEntryRow   *title_row;
  AdwEntryRow   *facilitator_row;
  AdwEntryRow   *date_row;
  GtkMenuButton *date_button;
  GtkCalendar   *date_calendar;
  GtkWidget     *date_error_label;
  GtkTextView   *notes_view;
  GtkListBox    *participants_list;
  AdwEntryRow   *add_row;
  GtkWidget     *add_button;
};

G_DEFINE_FINAL_TYPE (ApmmDetailsPanel, apmm_details_panel, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define PARTICIPANT_KEY "apmm-participant"

static void
sync_notes (ApmmDetailsPanel *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  const char *notes = apmm_session_get_notes (self->session);
  g_autofree char *current = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (current, notes) != 0)
    gtk_text_buffer_set_text (buffer, notes, -1);
}

static void
sync_fields (ApmmDetailsPanel *self)
{
  self->syncing = TRUE;
  apmm_gui_sync_editable (GTK_EDITABLE (self->organisation_row),
                 apmm_session_get_organisation (self->session));
  apmm_gui_sync_editable (GTK_EDITABLE (self->title_row), apmm_session_get_title (self->session));
  apmm_gui_sync_editable (GTK_EDITABLE (self->facilitator_row),
                 apmm_session_get_facilitator (self->session));
  /* A date being typed is not in the session yet: leave the half-typed text. */
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->date_row), "error"))
    apmm_gui_sync_editable (GTK_EDITABLE (self->date_row), apmm_session_get_date (self->session));
  sync_notes (self);
  self->syncing = FALSE;
}

/* A participant's row: a plain GtkListBoxRow whose content, laid out and
 * styled as an AdwEntryRow (the "Participant N" title above the name, an
 * apply button once the name is edited, the remove button), is made when
 * the row first comes into view (apmm-list-culling.h). Until then it keeps
 * only the name, for its accessible label, and the widgets are NULL. */
typedef struct {
  ApmmDetailsPanel *panel;   /* not owned: the row is inside the panel */
  guint             index;
  char             *name;    /* the name the row was last given */
  GtkWidget        *text;
  GtkWidget        *apply_button;
  GtkWidget        *edit_icon;
  GtkWidget        *remove_button;
  gboolean          editing;
  gboolean          changed; /* edited since the name was last set or applied */
  gboolean          syncing;
} RowState;

#define ROW_STATE_KEY "apmm-row-state"

/* Rows made with the list, about what a view shows, so that a small
 * workshop is all there at once; the rest are made as they come into view. */
#define EAGER_ROWS 12
/* About the height of an entry row, until the list has measured some. */
#define ESTIMATED_ROW_HEIGHT 50

/* A participant's row, made or not. Once made it takes the keyboard focus
 * into the name, as an AdwEntryRow does: Tab goes from one name to its
 * remove button, then to the next name, and the arrow keys from name to
 * name. A row not made yet takes the focus itself (and is then made, as
 * the page scrolls to it). */
#define APMM_TYPE_NAME_ROW (apmm_name_row_get_type ())
G_DECLARE_FINAL_TYPE (ApmmNameRow, apmm_name_row, APMM, NAME_ROW, GtkListBoxRow)

struct _ApmmNameRow
{
  GtkListBoxRow parent_instance;
};

G_DEFINE_FINAL_TYPE (ApmmNameRow, apmm_name_row, GTK_TYPE_LIST_BOX_ROW)

static GtkWidget *
name_row_text (GtkWidget *row)
{
  RowState *state = g_object_get_data (G_OBJECT (row), ROW_STATE_KEY);

  return state != NULL ? state->text : NULL;
}

static gboolean
apmm_name_row_grab_focus (GtkWidget *widget)
{
  GtkWidget *text = name_row_text (widget);

  if (text != NULL)
    return gtk_widget_grab_focus (text);
  return GTK_WIDGET_CLASS (apmm_name_row_parent_class)->grab_focus (widget);
}

static gboolean
apmm_name_row_focus (GtkWidget        *widget,
                     GtkDirectionType  direction)
{
  GtkWidget *child = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (widget));

  if (name_row_text (widget) == NULL)
    return GTK_WIDGET_CLASS (apmm_name_row_parent_class)->focus (widget, direction);
  return child != NULL && gtk_widget_child_focus (child, direction);
}

static void
apmm_name_row_class_init (ApmmNameRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->grab_focus = apmm_name_row_grab_focus;
  widget_class->focus = apmm_name_row_focus;
}

static void
apmm_name_row_init (ApmmNameRow *self)
{
}

static void
row_state_free (gpointer data)
{
  RowState *state = data;

  g_free (state->name);
  g_free (state);
}

static void
set_remove_label (GtkWidget  *button,
                  const char *name)
{
  /* Translators: %s is a participant's name. */
  g_autofree char *label = g_strdup_printf (_("Remove %s"), name);

  apmm_gui_set_accessible_label (button, label);
}

/* As an AdwEntryRow: the pencil while the name is not being edited, the
 * apply button once it is changed. */
static void
update_row_state (RowState *state)
{
  gtk_widget_set_visible (state->apply_button, state->changed);
  gtk_widget_set_visible (state->edit_icon, !state->changed && !state->editing);
}

static void
rename_apply (GtkWidget *row)
{
  RowState *state = g_object_get_data (G_OBJECT (row), ROW_STATE_KEY);
  ApmmDetailsPanel *self = state->panel;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (state->text))));

  state->changed = FALSE;
  update_row_state (state);
  if (self->session == NULL || state->index >= apmm_session_get_n_participants (self->session))
    return;

  if (*name == '\0')
    {
      /* A participant keeps a name: put the old one back. */
      state->syncing = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (state->text),
                             apmm_session_get_participant_name (self->session, state->index));
      state->syncing = FALSE;
      return;
    }
  apmm_session_rename_participant (self->session, state->index, name);
}

static void
apply_clicked_cb (GtkWidget *button,
                  GtkWidget *row)
{
  if (gtk_widget_has_focus (button))
    gtk_widget_grab_focus (row);
  rename_apply (row);
}

static void
text_activate_cb (GtkText   *text,
                  GtkWidget *row)
{
  rename_apply (row);
}

static void
text_changed_cb (GtkEditable *text,
                 GtkWidget   *row)
{
  RowState *state = g_object_get_data (G_OBJECT (row), ROW_STATE_KEY);

  if (state->syncing || !state->editing)
    return;
  state->changed = TRUE;
  update_row_state (state);
}

/* The row is outlined while its name is edited, as an AdwEntryRow is. */
static void
text_state_flags_changed_cb (GtkWidget     *text,
                             GtkStateFlags  previous,
                             GtkWidget     *row)
{
  RowState *state = g_object_get_data (G_OBJECT (row), ROW_STATE_KEY);
  gboolean editing = (gtk_widget_get_state_flags (text) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;

  if (editing == state->editing)
    return;
  state->editing = editing;
  if (editing)
    gtk_widget_add_css_class (row, "focused");
  else
    gtk_widget_remove_css_class (row, "focused");
  update_row_state (state);
}

/* A click anywhere in the row but on a button edits the name. */
static void
row_pressed_cb (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                GtkWidget       *row)
{
  RowState *state = g_object_get_data (G_OBJECT (row), ROW_STATE_KEY);
  GtkWidget *picked = gtk_widget_pick (row, x, y, GTK_PICK_DEFAULT);

  if (state->text == NULL || picked == NULL
      || gtk_widget_get_ancestor (picked, GTK_TYPE_BUTTON) != NULL
      || gtk_widget_get_ancestor (picked, GTK_TYPE_TEXT) != NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  gtk_text_grab_focus_without_selecting (GTK_TEXT (state->text));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
remove_clicked_cb (GtkButton        *button,
                   ApmmDetailsPanel *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), PARTICIPANT_KEY));

  if (self->session != NULL && index < apmm_session_get_n_participants (self->session))
    apmm_session_remove_participant (self->session, index);
}

/* The title above the name, laid out as an AdwEntryRow lays out its own
 * (title and text centred together, 3 px apart, the text placed by its
 * baseline), so that the rows line up with the entry rows around them to
 * the pixel. */
#define TITLE_SPACING 3

static void
measure_editable_area (GtkWidget      *area,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  GtkWidget *title = gtk_widget_get_first_child (area);
  GtkWidget *text = gtk_widget_get_next_sibling (title);
  int title_min, title_nat, text_min, text_nat;

  gtk_widget_measure (title, orientation, for_size, &title_min, &title_nat, NULL, NULL);
  gtk_widget_measure (text, orientation, for_size, &text_min, &text_nat, NULL, NULL);
  *minimum = text_min + TITLE_SPACING + title_min;
  *natural = text_nat + TITLE_SPACING + title_nat;
  *minimum_baseline = -1;
  *natural_baseline = -1;
}

static void
allocate_editable_area (GtkWidget *area,
                        int        width,
                        int        height,
                        int        baseline)
{
  GtkWidget *title = gtk_widget_get_first_child (area);
  GtkWidget *text = gtk_widget_get_next_sibling (title);
  int title_height = 0, text_height = 0, text_baseline = -1;
  float title_offset;

  gtk_widget_measure (title, GTK_ORIENTATION_VERTICAL, width, NULL, &title_height, NULL, NULL);
  gtk_widget_measure (text, GTK_ORIENTATION_VERTICAL, width, NULL, &text_height, NULL, &text_baseline);
  title_offset = (float) ((double) (height - title_height - text_height - TITLE_SPACING) / 2.0);
  gtk_widget_allocate (title, width, title_height, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, title_offset)));
  text_baseline += (int) ((double) (height + title_height - text_height + TITLE_SPACING) / 2.0);
  gtk_widget_allocate (text, width, height, text_baseline, NULL);
}

/* The content of a participant's row, with the style classes libadwaita
 * gives an AdwEntryRow's parts, so that its style applies as it is.
 * It shows the name the session holds now. */
static void
build_participant_row (GtkListBoxRow *row)
{
  RowState *state = g_object_get_data (G_OBJECT (row), ROW_STATE_KEY);
  ApmmDetailsPanel *self = state->panel;
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *editable_area = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *suffixes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *title;
  g_autofree char *title_text = NULL;

  if (self->session != NULL && state->index < apmm_session_get_n_participants (self->session))
    {
      g_free (state->name);
      state->name = g_strdup (apmm_session_get_participant_name (self->session, state->index));
      apmm_gui_set_accessible_label (GTK_WIDGET (row), apmm_gui_participant_name (state->name));
    }

  gtk_widget_add_css_class (header, "header");
  gtk_widget_set_valign (header, GTK_ALIGN_CENTER);

  /* Translators: a participant's position in the list, e.g. "Participant 3". */
  title_text = g_strdup_printf (_("Participant %u"), state->index + 1);
  title = gtk_label_new (title_text);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_halign (title, GTK_ALIGN_START);
  gtk_widget_set_can_target (title, FALSE);
  gtk_widget_add_css_class (title, "subtitle");

  state->text = gtk_text_new ();
  gtk_widget_set_vexpand (state->text, TRUE);
  gtk_widget_set_hexpand (state->text, TRUE);
  gtk_text_set_placeholder_text (GTK_TEXT (state->text), _("Unnamed participant"));
  gtk_editable_set_text (GTK_EDITABLE (state->text), state->name);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (state->text),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL,
                                  -1);
  /* The window can keep the focused text a while after the row is gone. */
  g_signal_connect_object (state->text, "activate", G_CALLBACK (text_activate_cb), row, 0);
  g_signal_connect_object (state->text, "changed", G_CALLBACK (text_changed_cb), row, 0);
  g_signal_connect_object (state->text, "state-flags-changed",
                           G_CALLBACK (text_state_flags_changed_cb), row, 0);

  gtk_widget_set_hexpand (editable_area, TRUE);
  gtk_widget_set_overflow (editable_area, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_layout_manager (editable_area,
                                 gtk_custom_layout_new (NULL, measure_editable_area,
                                                        allocate_editable_area));
  gtk_box_append (GTK_BOX (editable_area), title);
  gtk_box_append (GTK_BOX (editable_area), state->text);
  gtk_box_append (GTK_BOX (header), editable_area);

  state->apply_button = gtk_button_new_from_icon_name ("adw-entry-apply-symbolic");
  gtk_widget_set_tooltip_text (state->apply_button, _("Apply"));
  gtk_widget_set_focus_on_click (state->apply_button, FALSE);
  gtk_widget_set_valign (state->apply_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (state->apply_button, "suggested-action");
  gtk_widget_add_css_class (state->apply_button, "circular");
  g_signal_connect (state->apply_button, "clicked", G_CALLBACK (apply_clicked_cb), row);
  gtk_box_append (GTK_BOX (header), state->apply_button);

  state->edit_icon = gtk_image_new_from_icon_name ("document-edit-symbolic");
  gtk_widget_set_valign (state->edit_icon, GTK_ALIGN_CENTER);
  gtk_widget_set_can_target (state->edit_icon, FALSE);
  gtk_widget_add_css_class (state->edit_icon, "edit-icon");
  gtk_box_append (GTK_BOX (header), state->edit_icon);

  state->remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (state->remove_button, _("Remove participant"));
  set_remove_label (state->remove_button, state->name);
  gtk_widget_set_valign (state->remove_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (state->remove_button, "flat");
  g_object_set_data (G_OBJECT (state->remove_button), PARTICIPANT_KEY,
                     GUINT_TO_POINTER (state->index));
  g_signal_connect (state->remove_button, "clicked", G_CALLBACK (remove_clicked_cb), self);
  gtk_widget_add_css_class (suffixes, "suffixes");
  gtk_box_append (GTK_BOX (suffixes), state->remove_button);
  gtk_box_append (GTK_BOX (header), suffixes);

  gtk_list_box_row_set_child (row, header);
  update_row_state (state);
}

static GtkWidget *
create_participant_row (ApmmDetailsPanel *self,
                        guint             index)
{
  GtkWidget *row = g_object_new (APMM_TYPE_NAME_ROW, NULL);
  RowState *state = g_new0 (RowState, 1);
  GtkGesture *click = gtk_gesture_click_new ();

  state->panel = self;
  state->index = index;
  state->name = g_strdup (apmm_session_get_participant_name (self->session, index));
  g_object_set_data_full (G_OBJECT (row), ROW_STATE_KEY, state, row_state_free);

  gtk_widget_add_css_class (row, "entry");
  gtk_widget_add_css_class (row, "participant-name-row");
  g_signal_connect (click, "pressed", G_CALLBACK (row_pressed_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));
  /* A screen reader names the row before its content is made, too. */
  apmm_gui_set_accessible_label (row, apmm_gui_participant_name (state->name));
  if (index < EAGER_ROWS)
    build_participant_row (GTK_LIST_BOX_ROW (row));
  else
    apmm_list_row_set_lazy (GTK_LIST_BOX_ROW (row), build_participant_row, ESTIMATED_ROW_HEIGHT);
  return row;
}

static void
rebuild_participants (ApmmDetailsPanel *self)
{
  GtkListBoxRow *row;
  guint n;

  /* The "Add participant" row stays last; everything before it is rebuilt. */
  while ((row = gtk_list_box_get_row_at_index (self->participants_list, 0)) != NULL
         && GTK_WIDGET (row) != GTK_WIDGET (self->add_row))
    gtk_list_box_remove (self->participants_list, GTK_WIDGET (row));

  if (self->session == NULL)
    return;

  n = apmm_session_get_n_participants (self->session);
  for (guint i = 0; i < n; i++)
    gtk_list_box_insert (self->participants_list, create_participant_row (self, i), i);
}

static void
session_changed_cb (ApmmDetailsPanel *self)
{
  sync_fields (self);
}

/* Renaming someone must not rebuild the list under the keyboard focus: when
 * the number of participants is unchanged, only the names are refreshed. */
static void
participants_changed_cb (ApmmDetailsPanel *self)
{
  guint n = apmm_session_get_n_participants (self->session);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->participants_list, n);

  if (row == NULL || GTK_WIDGET (row) != GTK_WIDGET (self->add_row))
    {
      rebuild_participants (self);
      return;
    }

  /* A vote counts as a participants change too: only a row whose name
   * changed is touched, in a room of hundreds, and a row not made yet only
   * in its accessible label. */
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *child = GTK_WIDGET (gtk_list_box_get_row_at_index (self->participants_list, i));
      RowState *state = g_object_get_data (G_OBJECT (child), ROW_STATE_KEY);
      const char *name = apmm_session_get_participant_name (self->session, i);

      if (g_strcmp0 (state->name, name) == 0)
        continue;

      g_free (state->name);
      state->name = g_strdup (name);
      apmm_gui_set_accessible_label (child, apmm_gui_participant_name (name));
      if (state->text == NULL)
        continue;
      state->syncing = TRUE;
      apmm_gui_sync_editable (GTK_EDITABLE (state->text), name);
      state->syncing = FALSE;
      state->changed = FALSE;
      update_row_state (state);
      set_remove_label (state->remove_button, name);
    }
}

static void
field_changed_cb (ApmmDetailsPanel *self,
                  GtkEditable      *editable)
{
  const char *text = gtk_editable_get_text (editable);

  if (self->syncing || self->session == NULL)
    return;

  if (editable == GTK_EDITABLE (self->organisation_row))
    apmm_session_set_organisation (self->session, text);
  else if (editable == GTK_EDITABLE (self->title_row))
    apmm_session_set_title (self->session, text);
  else if (editable == GTK_EDITABLE (self->facilitator_row))
    apmm_session_set_facilitator (self->session, text);
}

static void
date_changed_cb (ApmmDetailsPanel *self,
                 GtkEditable      *editable)
{
  const char *text = gtk_editable_get_text (editable);
  /* An empty field is not an error, only unfinished: GtkText also passes
   * through "" when its whole text is replaced. */
  gboolean valid = *text == '\0' || apmm_date_is_valid (text);

  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
  gtk_widget_set_visible (self->date_error_label, !valid);

  if (self->syncing || self->session == NULL || *text == '\0' || !valid)
    return;

  apmm_session_set_date (self->session, text);
}

static void
today_clicked_cb (ApmmDetailsPanel *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  gtk_menu_button_popdown (self->date_button);
}

/* The calendar opens on the session's date, or today without one. */
static void
date_popover_show_cb (ApmmDetailsPanel *self)
{
  const char *date = self->session != NULL ? apmm_session_get_date (self->session) : "";
  g_autoptr(GDateTime) shown = NULL;

  if (date != NULL && apmm_date_is_valid (date))
    {
      g_autofree char *iso = g_strconcat (date, "T00:00:00", NULL);
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();

      shown = g_date_time_new_from_iso8601 (iso, local);
    }
  if (shown == NULL)
    shown = g_date_time_new_now_local ();
  self->picking = TRUE;
  gtk_calendar_select_day (self->date_calendar, shown);
  self->picking = FALSE;
}

/* Picking a day writes it as the session keeps dates; the row shows it. */
static void
date_day_selected_cb (ApmmDetailsPanel *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *text = NULL;

  if (self->picking)
    return;
  day = gtk_calendar_get_date (self->date_calendar);
  text = g_date_time_format (day, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
  gtk_menu_button_popdown (self->date_button);
}

static void
notes_changed_cb (ApmmDetailsPanel *self,
                  GtkTextBuffer    *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->syncing || self->session == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  apmm_session_set_notes (self->session, text);
}

static void
add_text_changed_cb (ApmmDetailsPanel *self,
                     GtkEditable      *editable)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  gtk_widget_set_sensitive (self->add_button, *name != '\0');
}

static void
add_participant_cb (ApmmDetailsPanel *self)
{
  apmm_gui_add_participant_from (GTK_EDITABLE (self->add_row), self->session);
}

static void
apmm_details_panel_dispose (GObject *object)
{
  ApmmDetailsPanel *self = (ApmmDetailsPanel *)object;

  apmm_details_panel_set_session (self, NULL);

  G_OBJECT_CLASS (apmm_details_panel_parent_class)->dispose (object);
}

static void
apmm_details_panel_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ApmmDetailsPanel *self = APMM_DETAILS_PANEL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
apmm_details_panel_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ApmmDetailsPanel *self = APMM_DETAILS_PANEL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      apmm_details_panel_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
apmm_details_panel_class_init (ApmmDetailsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = apmm_details_panel_dispose;
  object_class->get_property = apmm_details_panel_get_property;
  object_class->set_property = apmm_details_panel_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         APMM_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (APMM_TYPE_HFW_BIN);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/apmm/Workshop/apmm-details-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, ApmmDetailsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, ApmmDetailsPanel, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, ApmmDetailsPanel, title_row);
  gtk_widget_class_bind_template_child (widget_class, ApmmDetailsPanel, facilitator_row);
  gtk_widget_class_bind_template_child (widget_class, ApmmDetailsPanel, date_row);
  gtk_widget_class_bind_template_child (widget_class, ApmmDetailsPanel, date_button);
  gtk_widget_class_bind_template_child (widget_class, ApmmDetailsPanel, date_calendar);
  gtk_widget_class_bind_template_child (widget_class, ApmmDetailsPanel, date_error_label);
  gtk_widget_class_bind_template_child (widget_class, ApmmDetailsPanel, notes_view);
  gtk_widget_class_bind_template_child (widget_class, ApmmDetailsPanel, participants_list);
  gtk_widget_class_bind_template_child (widget_class, ApmmDetailsPanel, add_row);
  gtk_widget_class_bind_template_child (widget_class, ApmmDetailsPanel, add_button);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, today_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_participant_cb);
}

static void
apmm_details_panel_init (ApmmDetailsPanel *self)
{
  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->syncing = FALSE;

  apmm_list_box_draw_rows_in_view (self->participants_list);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (notes_changed_cb), self, G_CONNECT_SWAPPED);
  apmm_gui_limit_text_buffer (gtk_text_view_get_buffer (self->notes_view), GTK_WIDGET (self->notes_view));
  apmm_gui_limit_editable (GTK_EDITABLE (self->organisation_row));
  apmm_gui_limit_editable (GTK_EDITABLE (self->title_row));
  apmm_gui_limit_editable (GTK_EDITABLE (self->facilitator_row));
  apmm_gui_limit_editable (GTK_EDITABLE (self->add_row));
}

GtkWidget *
apmm_details_panel_new (void)
{
  return g_object_new (APMM_TYPE_DETAILS_PANEL, NULL);
}

ApmmSession *
apmm_details_panel_get_session (ApmmDetailsPanel *self)
{
  g_return_val_if_fail (APMM_IS_DETAILS_PANEL (self), NULL);

  return self->session;
}

void
apmm_details_panel_set_session (ApmmDetailsPanel *self,
                                ApmmSession      *session)
{
  static const ApmmSessionHandler handlers[] = {
    { "changed", G_CALLBACK (session_changed_cb) },
    { "participants-changed", G_CALLBACK (participants_changed_cb) },
  };

  g_return_if_fail (APMM_IS_DETAILS_PANEL (self));
  g_return_if_fail (session == NULL || APMM_IS_SESSION (session));

  if (!apmm_gui_bind_session (self, &self->session, session, handlers, G_N_ELEMENTS (handlers)))
    return;

  gtk_stack_set_visible_child_name (self->stack, session != NULL ? "details" : "empty");
  if (session != NULL)
    {
      /* Start from what the session holds, not from a previous session's typing. */
      self->syncing = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), "");
      self->syncing = FALSE;
      sync_fields (self);
    }

  rebuild_participants (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}
