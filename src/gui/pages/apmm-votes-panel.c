/* apmm-votes-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-votes-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "apmm-wrap-box.h"
#include "apmm-gui-utils.h"
#include "apmm-hfw-bin.h"
#include "apmm-list-culling.h"
#include "apmm-votes-panel.h"

struct _ApmmVotesPanel
{
  AdwBin           parent_instance;

  ApmmSession     *session;
  gboolean         anonymous;
  gboolean         syncing;

  GtkToggleButton *people_button;
  GtkToggleButton *hands_button;
  GtkToggleButton *hide_button;
  GtkWidget       *controls_box;
  AdwEntryRow     *add_row;
  GtkWidget       *hidden_banner;
  GtkLabel        *hidden_label;
  GtkStack        *mode_stack;
  GtkListBox      *people_list;
  GtkListBox      *hands_list;

  GtkLabel        *tally_labels[APMM_N_LEVELS];
};

G_DEFINE_FINAL_TYPE (ApmmVotesPanel, apmm_votes_panel, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_ANONYMOUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define PARTICIPANT_KEY "apmm-participant"
#define LEVEL_KEY       "apmm-level"

static char *
format_level (guint level)
{
  const ApmmLevel *info = apmm_model_get_level (apmm_model_get_default (), level);

  return g_strdup_printf (_("Level %u · %s"), level, info->name);
}

static void
vote_clicked_cb (GtkButton      *button,
                 ApmmVotesPanel *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), PARTICIPANT_KEY));
  int level = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), LEVEL_KEY));

  if (self->session != NULL && index < apmm_session_get_n_participants (self->session))
    apmm_session_set_participant_vote (self->session, index, level);
}

/* What a participant's row shows, so that a change touches only the rows it
 * changed: a vote or a rename is one participant, in a room of hundreds.
 * A row is a plain GtkListBoxRow whose content is made when it first comes
 * into view (apmm-list-culling.h): until then only the name is kept, for
 * its accessible label, and the widgets below are NULL. */
typedef struct {
  ApmmVotesPanel *panel;   /* not owned: the row is inside the panel */
  guint           index;
  char           *name;
  int             vote;
  gboolean        hidden;
  GtkWidget      *title_label;
  GtkWidget      *subtitle_label;
  GtkWidget      *votes_box;
  GtkWidget      *clear_button;
} RowState;

#define ROW_STATE_KEY "apmm-row-state"

/* Rows made with the list, about what a view shows, so that a small
 * workshop is all there at once; the rest are made as they come into view. */
#define EAGER_ROWS 12
/* About the height of a row with a title and a subtitle, until the list
 * has measured some. */
#define ESTIMATED_ROW_HEIGHT 50

static void
row_state_free (gpointer data)
{
  RowState *state = data;

  g_free (state->name);
  g_free (state);
}

static void
set_vote_button_label (GtkWidget  *button,
                       int         level,
                       const char *name)
{
  g_autofree char *label = NULL;

  if (level < 0)
    /* Translators: %s is a participant's name. */
    label = g_strdup_printf (_("Clear the vote of %s"), name);
  else
    {
      g_autofree char *tooltip = format_level (level);

      /* Translators: "Alice votes Level 2 · AI Active". */
      label = g_strdup_printf (_("%s votes %s"), name, tooltip);
    }
  apmm_gui_set_accessible_label (button, label);
}

static GtkWidget *
create_vote_button (ApmmVotesPanel *self,
                    guint           index,
                    int             level,
                    const char     *name)
{
  GtkWidget *button;

  if (level < 0)
    {
      button = gtk_button_new_from_icon_name ("edit-clear-symbolic");
      gtk_widget_set_tooltip_text (button, _("Clear vote"));
      gtk_widget_add_css_class (button, "flat");
    }
  else
    {
      g_autofree char *number = g_strdup_printf ("%d", level);
      g_autofree char *tooltip = format_level (level);

      button = gtk_button_new_with_label (number);
      gtk_widget_set_tooltip_text (button, tooltip);
    }

  set_vote_button_label (button, level, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "vote-button");
  g_object_set_data (G_OBJECT (button), PARTICIPANT_KEY, GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (button), LEVEL_KEY, GINT_TO_POINTER (level));
  g_signal_connect (button, "clicked", G_CALLBACK (vote_clicked_cb), self);

  return button;
}

static void update_participant_row (ApmmVotesPanel *self,
                                    GtkWidget      *row,
                                    guint           index,
                                    gboolean        hidden);

static GtkWidget *
create_row_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

/* The content of a participant's row, laid out as an AdwActionRow lays
 * out a title, a subtitle and suffixes, with the same style classes, so
 * that libadwaita's style for rows applies to it as it is. It shows
 * the session as it is now, whatever happened before it was made. */
static void
build_participant_row (GtkListBoxRow *row)
{
  RowState *state = g_object_get_data (G_OBJECT (row), ROW_STATE_KEY);
  ApmmVotesPanel *self = state->panel;
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *title_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title_bin;
  GtkWidget *suffixes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  if (self->session != NULL && state->index < apmm_session_get_n_participants (self->session))
    {
      g_free (state->name);
      state->name = g_strdup (apmm_session_get_participant_name (self->session, state->index));
    }

  gtk_widget_add_css_class (header, "header");
  gtk_widget_set_valign (header, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (title_box, "title");
  gtk_widget_set_valign (title_box, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (title_box, TRUE);
  state->title_label = create_row_label ("title");
  gtk_label_set_text (GTK_LABEL (state->title_label), apmm_gui_participant_name (state->name));
  state->subtitle_label = create_row_label ("subtitle");
  gtk_box_append (GTK_BOX (title_box), state->title_label);
  gtk_box_append (GTK_BOX (title_box), state->subtitle_label);
  /* The list asks each row for its width at the whole list's height, and
   * GTK 4.8's wrapped labels answer that by laying their text out at width
   * after width (a hundred times per label). The name's width does not
   * depend on the height: ApmmHfwBin answers without asking them. */
  title_bin = apmm_hfw_bin_new (title_box);
  gtk_widget_set_hexpand (title_bin, TRUE);
  gtk_widget_set_valign (title_bin, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), title_bin);

  gtk_widget_add_css_class (suffixes, "suffixes");
  state->votes_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (state->votes_box, "linked");
  gtk_widget_set_valign (state->votes_box, GTK_ALIGN_CENTER);
  for (int level = 0; level <= APMM_MAX_LEVEL; level++)
    gtk_box_append (GTK_BOX (state->votes_box),
                    create_vote_button (self, state->index, level, state->name));
  gtk_box_append (GTK_BOX (suffixes), state->votes_box);
  state->clear_button = create_vote_button (self, state->index, -1, state->name);
  gtk_box_append (GTK_BOX (suffixes), state->clear_button);
  gtk_box_append (GTK_BOX (header), suffixes);

  gtk_list_box_row_set_child (row, header);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, state->subtitle_label, NULL,
                                  -1);

  state->vote = G_MININT;
  if (self->session != NULL && state->index < apmm_session_get_n_participants (self->session))
    update_participant_row (self, GTK_WIDGET (row), state->index,
                            apmm_session_get_votes_hidden (self->session));
}

static GtkWidget *
create_participant_row (ApmmVotesPanel *self,
                        guint           index)
{
  GtkWidget *row = gtk_list_box_row_new ();
  RowState *state = g_new0 (RowState, 1);

  state->panel = self;
  state->index = index;
  state->name = g_strdup (apmm_session_get_participant_name (self->session, index));
  state->vote = G_MININT;
  g_object_set_data_full (G_OBJECT (row), ROW_STATE_KEY, state, row_state_free);

  gtk_widget_add_css_class (row, "participant-vote-row");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* A screen reader names the row before its content is made, too. */
  apmm_gui_set_accessible_label (row, apmm_gui_participant_name (state->name));
  if (index < EAGER_ROWS)
    build_participant_row (GTK_LIST_BOX_ROW (row));
  else
    apmm_list_row_set_lazy (GTK_LIST_BOX_ROW (row), build_participant_row, ESTIMATED_ROW_HEIGHT);
  return row;
}

/* A renamed participant: the row's title and its buttons' names, or only
 * its accessible label while its content is not made. */
static void
rename_participant_row (GtkWidget  *row,
                        const char *name)
{
  RowState *state = g_object_get_data (G_OBJECT (row), ROW_STATE_KEY);
  int level = 0;

  if (g_strcmp0 (state->name, name) == 0)
    return;

  g_free (state->name);
  state->name = g_strdup (name);
  apmm_gui_set_accessible_label (row, apmm_gui_participant_name (name));
  if (state->title_label == NULL)
    return;

  gtk_label_set_text (GTK_LABEL (state->title_label), apmm_gui_participant_name (name));
  for (GtkWidget *child = gtk_widget_get_first_child (state->votes_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child), level++)
    set_vote_button_label (child, level, name);
  set_vote_button_label (state->clear_button, -1, name);
}

/* A row not made yet shows nothing to update: it reads the session when
 * it is made. */
static void
update_participant_row (ApmmVotesPanel *self,
                        GtkWidget      *row,
                        guint           index,
                        gboolean        hidden)
{
  RowState *state = g_object_get_data (G_OBJECT (row), ROW_STATE_KEY);
  int vote = apmm_session_get_participant_vote (self->session, index);
  g_autofree char *subtitle = NULL;
  int level = 0;

  if (state->subtitle_label == NULL || (vote == state->vote && hidden == state->hidden))
    return;
  state->vote = vote;
  state->hidden = hidden;

  if (vote < 0)
    subtitle = g_strdup (_("No vote yet"));
  else if (hidden)
    subtitle = g_strdup (_("Vote recorded"));
  else
    subtitle = format_level (vote);
  gtk_label_set_text (GTK_LABEL (state->subtitle_label), subtitle);

  /* While hidden, the buttons still record a vote but never show which one. */
  for (GtkWidget *child = gtk_widget_get_first_child (state->votes_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child), level++)
    {
      if (!hidden && level == vote)
        gtk_widget_add_css_class (child, "vote-current");
      else
        gtk_widget_remove_css_class (child, "vote-current");
    }
}

static void
update_people (ApmmVotesPanel *self)
{
  gboolean hidden = apmm_session_get_votes_hidden (self->session);
  guint index = 0;

  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->people_list, index)) != NULL)
    {
      update_participant_row (self, GTK_WIDGET (row), index, hidden);
      index++;
    }
}

static void
rebuild_people (ApmmVotesPanel *self)
{
  GtkListBoxRow *row;
  guint n;

  while ((row = gtk_list_box_get_row_at_index (self->people_list, 0)) != NULL)
    gtk_list_box_remove (self->people_list, GTK_WIDGET (row));

  if (self->session == NULL)
    return;

  n = apmm_session_get_n_participants (self->session);
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->people_list, create_participant_row (self, i));
  update_people (self);
}

static void
tally_clicked_cb (GtkButton      *button,
                  ApmmVotesPanel *self)
{
  guint level = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), LEVEL_KEY));
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "apmm-delta"));
  guint count;

  if (self->session == NULL)
    return;

  count = apmm_session_get_tally (self->session, level);
  if (delta < 0 && count == 0)
    return;
  apmm_session_set_tally (self->session, level, delta < 0 ? count - 1 : count + 1);
}

static GtkWidget *
create_tally_button (ApmmVotesPanel *self,
                     guint           level,
                     int             delta)
{
  GtkWidget *button = gtk_button_new_from_icon_name (delta < 0 ? "list-remove-symbolic"
                                                               : "list-add-symbolic");
  g_autofree char *label = NULL;

  /* Translators: %u is a maturity level number. */
  label = g_strdup_printf (delta < 0 ? _("Remove one vote for level %u")
                                     : _("Add one vote for level %u"), level);
  gtk_widget_set_tooltip_text (button, delta < 0 ? _("Remove one vote") : _("Add one vote"));
  apmm_gui_set_accessible_label (button, label);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "circular");
  g_object_set_data (G_OBJECT (button), LEVEL_KEY, GUINT_TO_POINTER (level));
  g_object_set_data (G_OBJECT (button), "apmm-delta", GINT_TO_POINTER (delta));
  g_signal_connect (button, "clicked", G_CALLBACK (tally_clicked_cb), self);

  return button;
}

static void
build_hands (ApmmVotesPanel *self)
{
  for (guint level = 0; level < APMM_N_LEVELS; level++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = format_level (level);
      GtkWidget *count = gtk_label_new (NULL);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_label_set_width_chars (GTK_LABEL (count), 3);
      gtk_widget_add_css_class (count, "title-3");
      gtk_widget_add_css_class (count, "numeric");
      gtk_widget_add_css_class (count, "tally-count");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), create_tally_button (self, level, -1));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), count);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), create_tally_button (self, level, +1));
      gtk_list_box_append (self->hands_list, row);
      self->tally_labels[level] = GTK_LABEL (count);
    }
}

static void
update_hands (ApmmVotesPanel *self)
{
  gboolean hidden = apmm_session_get_votes_hidden (self->session);

  /* Hidden counts are not merely invisible: the labels hold no text at all. */
  for (guint level = 0; level < APMM_N_LEVELS; level++)
    {
      g_autofree char *text = NULL;

      if (!hidden)
        text = g_strdup_printf ("%u", apmm_session_get_tally (self->session, level));
      gtk_label_set_text (self->tally_labels[level], text ? text : "");
      gtk_widget_set_visible (GTK_WIDGET (self->tally_labels[level]), !hidden);
    }
}

static void
update_votes (ApmmVotesPanel *self)
{
  guint counts[APMM_N_LEVELS];
  gboolean hidden;

  gtk_widget_set_visible (adw_bin_get_child (ADW_BIN (self)), self->session != NULL);
  if (self->session == NULL)
    return;

  hidden = apmm_session_get_votes_hidden (self->session);
  self->syncing = TRUE;
  gtk_toggle_button_set_active (self->hide_button, hidden);
  self->syncing = FALSE;

  gtk_widget_set_visible (self->hidden_banner, hidden);
  if (hidden)
    {
      guint total = apmm_session_count_votes (self->session, counts);
      g_autofree char *text = g_strdup_printf (ngettext ("Votes hidden — %u cast",
                                                         "Votes hidden — %u cast", total),
                                               total);
      gtk_label_set_text (self->hidden_label, text);
    }

  update_people (self);
  update_hands (self);
}

static void
votes_changed_cb (ApmmVotesPanel *self)
{
  update_votes (self);
}

/* A vote also counts as a participants change: keep the rows (and the keyboard
 * focus on their buttons) unless people were added or removed. */
static void
participants_changed_cb (ApmmVotesPanel *self)
{
  guint n = apmm_session_get_n_participants (self->session);
  GtkListBoxRow *row;

  if (gtk_list_box_get_row_at_index (self->people_list, n) != NULL
      || (n > 0 && gtk_list_box_get_row_at_index (self->people_list, n - 1) == NULL))
    {
      rebuild_people (self);
      return;
    }

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->people_list, i)) != NULL; i++)
    rename_participant_row (GTK_WIDGET (row), apmm_session_get_participant_name (self->session, i));
  update_people (self);
}

static void
mode_toggled_cb (ApmmVotesPanel *self)
{
  if (self->syncing)
    return;

  apmm_votes_panel_set_anonymous (self, gtk_toggle_button_get_active (self->hands_button));
}

static void
hide_toggled_cb (ApmmVotesPanel *self)
{
  if (self->syncing || self->session == NULL)
    return;

  apmm_session_set_votes_hidden (self->session, gtk_toggle_button_get_active (self->hide_button));
}

static void
reveal_clicked_cb (ApmmVotesPanel *self)
{
  if (self->session != NULL)
    apmm_session_set_votes_hidden (self->session, FALSE);
}

static void
apmm_votes_panel_dispose (GObject *object)
{
  ApmmVotesPanel *self = (ApmmVotesPanel *)object;

  apmm_votes_panel_set_session (self, NULL);

  G_OBJECT_CLASS (apmm_votes_panel_parent_class)->dispose (object);
}

static void
apmm_votes_panel_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ApmmVotesPanel *self = APMM_VOTES_PANEL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_ANONYMOUS:
      g_value_set_boolean (value, self->anonymous);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
apmm_votes_panel_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ApmmVotesPanel *self = APMM_VOTES_PANEL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      apmm_votes_panel_set_session (self, g_value_get_object (value));
      break;

    case PROP_ANONYMOUS:
      apmm_votes_panel_set_anonymous (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The room's names can be taken where the votes are, without opening the
 * session details: type a name, press Enter, type the next. */
static void
add_participant_cb (ApmmVotesPanel *self)
{
  apmm_gui_add_participant_from (GTK_EDITABLE (self->add_row), self->session);
}

static void
apmm_votes_panel_class_init (ApmmVotesPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = apmm_votes_panel_dispose;
  object_class->get_property = apmm_votes_panel_get_property;
  object_class->set_property = apmm_votes_panel_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         APMM_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ANONYMOUS] =
    g_param_spec_boolean ("anonymous", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (APMM_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/apmm/Workshop/apmm-votes-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, ApmmVotesPanel, people_button);
  gtk_widget_class_bind_template_child (widget_class, ApmmVotesPanel, hands_button);
  gtk_widget_class_bind_template_child (widget_class, ApmmVotesPanel, hide_button);
  gtk_widget_class_bind_template_child (widget_class, ApmmVotesPanel, controls_box);
  gtk_widget_class_bind_template_child (widget_class, ApmmVotesPanel, hidden_banner);
  gtk_widget_class_bind_template_child (widget_class, ApmmVotesPanel, hidden_label);
  gtk_widget_class_bind_template_child (widget_class, ApmmVotesPanel, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, ApmmVotesPanel, people_list);
  gtk_widget_class_bind_template_child (widget_class, ApmmVotesPanel, hands_list);
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, hide_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, reveal_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_participant_cb);
  gtk_widget_class_bind_template_child (widget_class, ApmmVotesPanel, add_row);
}

static void
apmm_votes_panel_init (ApmmVotesPanel *self)
{
  GtkWidget *empty_label;

  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->syncing = FALSE;

  apmm_list_box_draw_rows_in_view (self->people_list);

  empty_label = gtk_label_new (_("No participants yet. Add them below, or switch to Show of "
                                 "Hands to count votes anonymously."));
  gtk_label_set_wrap (GTK_LABEL (empty_label), TRUE);
  gtk_widget_add_css_class (empty_label, "dim-label");
  gtk_widget_set_margin_top (empty_label, 18);
  gtk_widget_set_margin_bottom (empty_label, 18);
  gtk_widget_set_margin_start (empty_label, 12);
  gtk_widget_set_margin_end (empty_label, 12);
  gtk_list_box_set_placeholder (self->people_list, empty_label);

  build_hands (self);
  update_votes (self);
}

GtkWidget *
apmm_votes_panel_new (void)
{
  return g_object_new (APMM_TYPE_VOTES_PANEL, NULL);
}

ApmmSession *
apmm_votes_panel_get_session (ApmmVotesPanel *self)
{
  g_return_val_if_fail (APMM_IS_VOTES_PANEL (self), NULL);

  return self->session;
}

void
apmm_votes_panel_set_session (ApmmVotesPanel *self,
                              ApmmSession    *session)
{
  static const ApmmSessionHandler handlers[] = {
    { "votes-changed", G_CALLBACK (votes_changed_cb) },
    { "participants-changed", G_CALLBACK (participants_changed_cb) },
  };

  g_return_if_fail (APMM_IS_VOTES_PANEL (self));
  g_return_if_fail (session == NULL || APMM_IS_SESSION (session));

  if (!apmm_gui_bind_session (self, &self->session, session, handlers, G_N_ELEMENTS (handlers)))
    return;
  /* A room without named participants votes by show of hands. */
  if (session != NULL)
    apmm_votes_panel_set_anonymous (self, apmm_session_get_n_participants (session) == 0);

  rebuild_people (self);
  update_votes (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

gboolean
apmm_votes_panel_get_anonymous (ApmmVotesPanel *self)
{
  g_return_val_if_fail (APMM_IS_VOTES_PANEL (self), FALSE);

  return self->anonymous;
}

void
apmm_votes_panel_set_anonymous (ApmmVotesPanel *self,
                                gboolean        anonymous)
{
  g_return_if_fail (APMM_IS_VOTES_PANEL (self));

  anonymous = !!anonymous;
  self->syncing = TRUE;
  gtk_toggle_button_set_active (anonymous ? self->hands_button : self->people_button, TRUE);
  self->syncing = FALSE;
  gtk_stack_set_visible_child_name (self->mode_stack, anonymous ? "hands" : "people");

  if (self->anonymous == anonymous)
    return;

  self->anonymous = anonymous;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANONYMOUS]);
}
