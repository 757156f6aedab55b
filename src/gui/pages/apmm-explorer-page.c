/* apmm-explorer-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-explorer-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "apmm-assessment.h"
#include "apmm-explorer-page.h"
#include "apmm-gui-utils.h"
#include "apmm-hfw-bin.h"
#include "apmm-safe-text.h"
#include "apmm-session-caption.h"
#include "apmm-ladder-widget.h"

/* Below this width the ladder sits above the detail instead of beside it. */
#define WIDE_THRESHOLD   800
/* Side by side, the ladder takes this share of the width, within these bounds. */
#define LADDER_SHARE     0.46
#define LADDER_MIN_WIDTH 280
#define LADDER_MAX_WIDTH 760
/* Stacked, the ladder takes at most this share of the height. */
#define LADDER_MAX_SHARE 0.42

struct _ApmmExplorerPage
{
  GtkWidget    parent_instance;
  ApmmSessionCaption *session_caption;

  ApmmSession *session;

  ApmmDocument *document;

  GSignalGroup *document_signals;
  guint        selected_level;

  GtkWidget   *empty_page;
  AdwBin      *ladder_slot;
  GtkWidget   *ladder;
  GtkWidget   *detail_scroll;
  GtkLabel    *number_label;
  GtkLabel    *name_label;
  GtkLabel    *description_label;
  GtkWidget   *chasm_box;
  GtkLabel    *chasm_title_label;
  GtkLabel    *chasm_where_label;
  GtkLabel    *chasm_text_label;
  GtkBox      *signs_box;
  GtkLabel    *risk_label;
  GtkWidget   *no_criteria_label;
  GtkListBox  *criteria_list;
  GtkWidget   *climb_box;
  GtkLabel    *climb_title_label;
  GtkLabel    *climb_label;
  GtkBox      *entry_points_box;
  GtkWidget   *not_assessed_label;
  GtkLabel    *fact_label;
};

G_DEFINE_FINAL_TYPE (ApmmExplorerPage, apmm_explorer_page, GTK_TYPE_WIDGET)

static void bind_session (ApmmExplorerPage *self, ApmmSession *session);

enum {
  PROP_0,
  PROP_SESSION,
  PROP_DOCUMENT,
  PROP_SELECTED_LEVEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A paragraph of the level's text, taking the width it is given. */
static GtkWidget *
wrapped_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = apmm_gui_wrapped_label (text, css_class);

  gtk_widget_set_hexpand (label, TRUE);
  return label;
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_widget_unparent (child);
}

static const char *
status_css_class (ApmmStatus status)
{
  switch (status)
    {
    case APMM_STATUS_MET:
      return "status-met";
    case APMM_STATUS_PARTLY:
      return "status-partly";
    case APMM_STATUS_NOT_MET:
      return "status-not-met";
    case APMM_STATUS_UNKNOWN:
    default:
      return "status-unknown";
    }
}

/* A glance at each note: the whole of a long one is a click away. */
#define NOTE_EXCERPT_CHARS 280
#define NOTE_EXCERPT_LINES 4
/* The row's and the button's ApmmCriterion: the model's live as long as
 * the program. */
#define CRITERION_KEY "apmm-criterion"

/* Made when first opened, from the session: the row holds no copy. */
static void
create_note_popover (GtkMenuButton *button,
                     gpointer       user_data)
{
  ApmmExplorerPage *self = user_data;
  const ApmmCriterion *criterion = g_object_get_data (G_OBJECT (button), CRITERION_KEY);
  const char *note = apmm_session_get_evidence_note (self->session, criterion->id);
  const char *title = criterion->title;
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *heading = wrapped_label (title, "heading");

  /* A text view lays out only what is in view: a note may be 64 KiB. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), note, -1);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (view, "inline");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Evidence note"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title,
                                  -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_widget_set_size_request (scroller, 420, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);

  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (button, popover);
}

static GtkWidget *
create_note_button (ApmmExplorerPage    *self,
                    const ApmmCriterion *criterion)
{
  GtkWidget *button = gtk_menu_button_new ();

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Show Whole Note"));
  gtk_menu_button_set_always_show_arrow (GTK_MENU_BUTTON (button), FALSE);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "note-more");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, criterion->title,
                                  -1);
  g_object_set_data (G_OBJECT (button), CRITERION_KEY, (gpointer) criterion);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_note_popover, self, NULL);

  return button;
}

/* A row of the criteria list: the criterion, a glance at its evidence
 * note and its rating. A grid rather than an AdwActionRow: the action
 * row's horizontal box asks its wrapped labels for their width at its
 * height, which GTK 4.8 answers by laying the text out about ten times. */
static GtkWidget *
create_criterion_row (ApmmExplorerPage    *self,
                      const ApmmCriterion *criterion)
{
  ApmmStatus status = apmm_session_get_status (self->session, criterion->id);
  const char *note = apmm_session_get_evidence_note (self->session, criterion->id);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *badge = gtk_label_new (apmm_status_get_label (status));
  guint lines = 1;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (row, "criterion-summary");
  g_object_set_data (G_OBJECT (row), CRITERION_KEY, (gpointer) criterion);
  /* Shown, the description is enough; heard, the row is named by its criterion. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, criterion->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, criterion->description,
                                  -1);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 3);
  gtk_grid_attach (GTK_GRID (grid), wrapped_label (criterion->description, "title"), 0, 0, 1, 1);
  if (*note != '\0')
    {
      gboolean clipped = FALSE;
      g_autofree char *excerpt = apmm_text_excerpt (note, NOTE_EXCERPT_CHARS, NOTE_EXCERPT_LINES, &clipped);

      gtk_grid_attach (GTK_GRID (grid), wrapped_label (excerpt, "subtitle"), 0, lines++, 1, 1);
      if (clipped)
        gtk_grid_attach (GTK_GRID (grid), create_note_button (self, criterion), 0, lines++, 1, 1);
    }

  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "status-badge");
  gtk_widget_add_css_class (badge, status_css_class (status));
  gtk_grid_attach (GTK_GRID (grid), badge, 1, 0, 1, lines);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);

  return row;
}

static void
update_criteria (ApmmExplorerPage *self,
                 const ApmmLevel  *level)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->criteria_list, 0)) != NULL)
    gtk_list_box_remove (self->criteria_list, GTK_WIDGET (row));

  gtk_widget_set_visible (self->no_criteria_label, level->n_criteria == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->criteria_list), level->n_criteria > 0);
  if (self->session == NULL)
    return;

  for (guint i = 0; i < level->n_criteria; i++)
    gtk_list_box_append (self->criteria_list, create_criterion_row (self, level->criteria[i]));
}

/* One rating changed: only its row is made again. */
static void
update_criterion (ApmmExplorerPage    *self,
                  const ApmmCriterion *criterion)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->criteria_list, i)) != NULL; i++)
    if (g_object_get_data (G_OBJECT (row), CRITERION_KEY) == criterion)
      {
        gtk_list_box_remove (self->criteria_list, GTK_WIDGET (row));
        gtk_list_box_insert (self->criteria_list, create_criterion_row (self, criterion), i);
        return;
      }
}

static void
update_chasm (ApmmExplorerPage *self,
              const ApmmLevel  *level)
{
  ApmmModel *model = apmm_model_get_default ();
  gboolean below = level->number == APMM_CHASM_BELOW;
  gboolean above = level->number == APMM_CHASM_BELOW + 1;

  gtk_widget_set_visible (self->chasm_box, below || above);
  if (!below && !above)
    return;

  gtk_label_set_text (self->chasm_title_label, apmm_model_get_chasm_title (model));
  gtk_label_set_text (self->chasm_where_label,
                      below ? _("This level sits at the edge of the chasm: the climb to Level 3 crosses it.")
                            : _("This level is the far side of the chasm: standing here means it was crossed."));
  gtk_label_set_text (self->chasm_text_label, apmm_model_get_chasm_text (model));
}

static void
update_signs (ApmmExplorerPage *self,
              const ApmmLevel  *level)
{
  clear_box (GTK_WIDGET (self->signs_box));

  for (guint i = 0; level->signs != NULL && level->signs[i] != NULL; i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *bullet = gtk_label_new ("•");

      /* Top-aligned by yalign, not valign: a start-aligned child beside a
       * wrapping label makes GtkBox's height requests inconsistent. */
      gtk_label_set_yalign (GTK_LABEL (bullet), 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (bullet),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, "",
                                      -1);
      gtk_box_append (GTK_BOX (row), bullet);
      /* In a bin: the row would otherwise measure the text's width for
       * its height, a bisection of about ten layouts (apmm-hfw-bin.h). */
      gtk_box_append (GTK_BOX (row), apmm_hfw_bin_new (wrapped_label (level->signs[i], "level-sign")));
      gtk_box_append (self->signs_box, row);
    }
}

static void
update_entry_points (ApmmExplorerPage *self,
                     const ApmmLevel  *level)
{
  ApmmModel *model = apmm_model_get_default ();
  guint n = apmm_model_get_n_entry_points (model);
  const ApmmEntryPoint *shown = NULL;

  clear_box (GTK_WIDGET (self->entry_points_box));

  /* The diagnostic sprint (min level -1) serves no level: it answers an
   * inconclusive assessment, which the Self-Assessment page reports. */
  for (guint i = 0; i < n; i++)
    {
      const ApmmEntryPoint *entry = apmm_model_get_entry_point (model, i);
      GtkWidget *card;

      if (entry->min_level < 0 || (int) level->number < entry->min_level
          || (int) level->number > entry->max_level)
        continue;
      /* The source offers some entry points together: one card per offer. */
      if (shown != NULL && apmm_entry_point_same_offer (shown, entry))
        continue;
      shown = entry;

      card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      gtk_widget_add_css_class (card, "card");
      gtk_widget_add_css_class (card, "entry-point-card");
      gtk_box_append (GTK_BOX (card), wrapped_label (entry->offer, "heading"));
      gtk_box_append (GTK_BOX (card), wrapped_label (entry->description, NULL));
      gtk_box_append (self->entry_points_box, card);
    }
}

static void
update_detail (ApmmExplorerPage *self)
{
  const ApmmLevel *level = apmm_model_get_level (apmm_model_get_default (), self->selected_level);
  g_autofree char *number = NULL;
  g_autofree char *climb_title = NULL;

  /* Translators: the caption above a level's name, e.g. "Level 2". */
  number = g_strdup_printf (_("Level %u"), level->number);
  gtk_label_set_text (self->number_label, number);
  gtk_label_set_text (self->name_label, level->name);
  gtk_label_set_text (self->description_label, level->description);
  gtk_label_set_text (self->risk_label, level->risk);

  gtk_widget_set_visible (self->climb_box, level->climb != NULL);
  if (level->climb != NULL)
    {
      climb_title = g_strdup_printf (_("To Climb to Level %u"), level->number + 1);
      gtk_label_set_text (self->climb_title_label, climb_title);
      gtk_label_set_text (self->climb_label, level->climb);
    }
  /* The source's headline fact about this climb, where it has one. */
  gtk_widget_set_visible (GTK_WIDGET (self->fact_label), level->fact != NULL);
  gtk_label_set_text (self->fact_label, level->fact != NULL ? level->fact : "");

  update_chasm (self, level);
  update_signs (self, level);
  update_criteria (self, level);
  update_entry_points (self, level);
}

static void
update_visibility (ApmmExplorerPage *self)
{
  gtk_widget_set_child_visible (self->empty_page, self->session == NULL);
  gtk_widget_set_child_visible (GTK_WIDGET (self->ladder_slot), self->session != NULL);
  gtk_widget_set_child_visible (self->detail_scroll, self->session != NULL);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Before any rating the page is the model, not a verdict: it says so. */
static void
update_not_assessed (ApmmExplorerPage *self)
{
  ApmmAssessment *assessment = self->document != NULL ? apmm_document_get_assessment (self->document)
                                                      : NULL;

  gtk_widget_set_visible (self->not_assessed_label,
                          assessment != NULL && !apmm_assessment_get_assessed (assessment));
}

static void
rating_changed_cb (ApmmExplorerPage *self,
                   const char       *criterion_id)
{
  const ApmmCriterion *criterion = apmm_model_lookup_criterion (apmm_model_get_default (),
                                                                criterion_id);

  if (criterion != NULL && criterion->level == self->selected_level && self->session != NULL)
    update_criterion (self, criterion);
}

static void
level_activated_cb (ApmmExplorerPage *self,
                    int               level)
{
  if (level >= 0 && level <= APMM_MAX_LEVEL)
    apmm_explorer_page_set_selected_level (self, level);
}

static gboolean
level_to_ladder (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  g_value_set_int (to, g_value_get_uint (from));
  return TRUE;
}

/* The ladder may have no rung selected (-1); the page always shows a level. */
static gboolean
level_from_ladder (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  int level = g_value_get_int (from);

  if (level < 0)
    return FALSE;

  g_value_set_uint (to, level);
  return TRUE;
}

static gboolean
key_pressed_cb (ApmmExplorerPage      *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0 || self->session == NULL)
    return GDK_EVENT_PROPAGATE;
  /* Arrows belong to whatever text the user is editing. */
  if (focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus)))
    return GDK_EVENT_PROPAGATE;

  /* The ladder is drawn with the top level at the top: Up climbs. */
  if ((keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up) && self->selected_level < APMM_MAX_LEVEL)
    {
      apmm_explorer_page_set_selected_level (self, self->selected_level + 1);
      return GDK_EVENT_STOP;
    }
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) && self->selected_level > 0)
    {
      apmm_explorer_page_set_selected_level (self, self->selected_level - 1);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

static gboolean
is_wide (int width)
{
  return width >= WIDE_THRESHOLD;
}

static void
apmm_explorer_page_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  ApmmExplorerPage *self = APMM_EXPLORER_PAGE (widget);
  int ladder_min = 0, ladder_nat = 0, detail_min = 0, detail_nat = 0;

  if (self->session == NULL)
    {
      gtk_widget_measure (self->empty_page, orientation, for_size, minimum, natural, NULL, NULL);
      return;
    }

  gtk_widget_measure (GTK_WIDGET (self->ladder_slot), orientation, -1,
                      &ladder_min, &ladder_nat, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    gtk_widget_measure (self->detail_scroll, orientation, -1,
                        &detail_min, &detail_nat, NULL, NULL);
  else
    {
      /* The details scroll vertically, so their height asks only for the
       * scrollbar's. Measuring the scrolled window would lay out every
       * wrapped text at a width nobody will give it (for_size -1), only to
       * throw the height away; the height of the text at its real width is
       * measured once, when the scrolled window is allocated. */
      gtk_widget_measure (gtk_scrolled_window_get_vscrollbar (GTK_SCROLLED_WINDOW (self->detail_scroll)),
                          orientation, -1, &detail_min, NULL, NULL, NULL);
      detail_nat = detail_min;
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* It can always fall back to stacking, so the narrower layout sets the minimum. */
      *minimum = MAX (ladder_min, detail_min);
      *natural = MAX (ladder_nat, LADDER_MIN_WIDTH) + detail_nat;
    }
  else if (for_size < 0 || is_wide (for_size))
    {
      *minimum = MAX (ladder_min, detail_min);
      *natural = MAX (ladder_nat, detail_nat);
    }
  else
    {
      *minimum = ladder_min + detail_min;
      *natural = ladder_nat + detail_nat;
    }
}

static void
apmm_explorer_page_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  ApmmExplorerPage *self = APMM_EXPLORER_PAGE (widget);
  int ladder_min, ladder_nat, size;

  if (self->session == NULL)
    {
      gtk_widget_allocate (self->empty_page, width, height, -1, NULL);
      return;
    }

  if (is_wide (width))
    {
      gtk_widget_measure (GTK_WIDGET (self->ladder_slot), GTK_ORIENTATION_HORIZONTAL, height,
                          &ladder_min, &ladder_nat, NULL, NULL);
      size = CLAMP ((int) (width * LADDER_SHARE), LADDER_MIN_WIDTH, LADDER_MAX_WIDTH);
      size = MAX (size, ladder_min);
      gtk_widget_allocate (GTK_WIDGET (self->ladder_slot), size, height, -1, NULL);
      gtk_widget_allocate (self->detail_scroll, width - size, height, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (size, 0)));
      return;
    }

  gtk_widget_measure (GTK_WIDGET (self->ladder_slot), GTK_ORIENTATION_VERTICAL, width,
                      &ladder_min, &ladder_nat, NULL, NULL);
  size = MIN (MAX (ladder_nat, (int) (height * LADDER_MAX_SHARE)), (int) (height * LADDER_MAX_SHARE));
  size = MAX (size, ladder_min);
  gtk_widget_allocate (GTK_WIDGET (self->ladder_slot), width, size, -1, NULL);
  gtk_widget_allocate (self->detail_scroll, width, MAX (0, height - size), -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, size)));
}

static GtkSizeRequestMode
apmm_explorer_page_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
apmm_explorer_page_dispose (GObject *object)
{
  ApmmExplorerPage *self = (ApmmExplorerPage *)object;

  apmm_explorer_page_set_document (self, NULL);
  g_clear_object (&self->document_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), APMM_TYPE_EXPLORER_PAGE);

  G_OBJECT_CLASS (apmm_explorer_page_parent_class)->dispose (object);
}

static void
apmm_explorer_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ApmmExplorerPage *self = APMM_EXPLORER_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SELECTED_LEVEL:
      g_value_set_uint (value, self->selected_level);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
apmm_explorer_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ApmmExplorerPage *self = APMM_EXPLORER_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      apmm_explorer_page_set_session (self, g_value_get_object (value));
      break;

    case PROP_DOCUMENT:
      apmm_explorer_page_set_document (self, g_value_get_object (value));
      break;

    case PROP_SELECTED_LEVEL:
      apmm_explorer_page_set_selected_level (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
apmm_explorer_page_class_init (ApmmExplorerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = apmm_explorer_page_dispose;
  object_class->get_property = apmm_explorer_page_get_property;
  object_class->set_property = apmm_explorer_page_set_property;

  widget_class->measure = apmm_explorer_page_measure;
  widget_class->size_allocate = apmm_explorer_page_size_allocate;
  widget_class->get_request_mode = apmm_explorer_page_get_request_mode;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         APMM_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         APMM_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SELECTED_LEVEL] =
    g_param_spec_uint ("selected-level", NULL, NULL,
                       0, APMM_MAX_LEVEL, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (APMM_TYPE_HFW_BIN);
  g_type_ensure (APMM_TYPE_SESSION_CAPTION);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/apmm/Workshop/apmm-explorer-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ApmmExplorerPage, session_caption);
  gtk_widget_class_bind_template_child (widget_class, ApmmExplorerPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ApmmExplorerPage, ladder_slot);
  gtk_widget_class_bind_template_child (widget_class, ApmmExplorerPage, detail_scroll);
  gtk_widget_class_bind_template_child (widget_class, ApmmExplorerPage, number_label);
  gtk_widget_class_bind_template_child (widget_class, ApmmExplorerPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, ApmmExplorerPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, ApmmExplorerPage, chasm_box);
  gtk_widget_class_bind_template_child (widget_class, ApmmExplorerPage, chasm_title_label);
  gtk_widget_class_bind_template_child (widget_class, ApmmExplorerPage, chasm_where_label);
  gtk_widget_class_bind_template_child (widget_class, ApmmExplorerPage, chasm_text_label);
  gtk_widget_class_bind_template_child (widget_class, ApmmExplorerPage, signs_box);
  gtk_widget_class_bind_template_child (widget_class, ApmmExplorerPage, risk_label);
  gtk_widget_class_bind_template_child (widget_class, ApmmExplorerPage, no_criteria_label);
  gtk_widget_class_bind_template_child (widget_class, ApmmExplorerPage, criteria_list);
  gtk_widget_class_bind_template_child (widget_class, ApmmExplorerPage, climb_box);
  gtk_widget_class_bind_template_child (widget_class, ApmmExplorerPage, climb_title_label);
  gtk_widget_class_bind_template_child (widget_class, ApmmExplorerPage, climb_label);
  gtk_widget_class_bind_template_child (widget_class, ApmmExplorerPage, entry_points_box);
  gtk_widget_class_bind_template_child (widget_class, ApmmExplorerPage, not_assessed_label);
  gtk_widget_class_bind_template_child (widget_class, ApmmExplorerPage, fact_label);

  gtk_widget_class_set_css_name (widget_class, "apmm-explorer-page");
}

static void
apmm_explorer_page_init (ApmmExplorerPage *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->document_signals = g_signal_group_new (APMM_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "notify::assessment",
                                 G_CALLBACK (update_not_assessed), self, G_CONNECT_SWAPPED);

  self->ladder = apmm_ladder_widget_new ();
  adw_bin_set_child (self->ladder_slot, self->ladder);
  g_object_bind_property_full (self, "selected-level", self->ladder, "selected-level",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               level_to_ladder, level_from_ladder, NULL, NULL);
  g_signal_connect_object (self->ladder, "level-activated",
                           G_CALLBACK (level_activated_cb), self, G_CONNECT_SWAPPED);

  /* Capture, so Up/Down move through the levels wherever the focus is on the
   * page, rather than moving the focus between read-only rows. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  update_visibility (self);
  update_detail (self);
}

GtkWidget *
apmm_explorer_page_new (void)
{
  return g_object_new (APMM_TYPE_EXPLORER_PAGE, NULL);
}

ApmmSession *
apmm_explorer_page_get_session (ApmmExplorerPage *self)
{
  g_return_val_if_fail (APMM_IS_EXPLORER_PAGE (self), NULL);

  return self->session;
}

static void
bind_session (ApmmExplorerPage *self,
                                ApmmSession      *session)
{
  static const ApmmSessionHandler handlers[] = {
    { "rating-changed", G_CALLBACK (rating_changed_cb) },
  };
  ApmmAssessment *assessment;

  g_return_if_fail (APMM_IS_EXPLORER_PAGE (self));
  g_return_if_fail (session == NULL || APMM_IS_SESSION (session));

  if (!apmm_gui_bind_session (self, &self->session, session, handlers, G_N_ELEMENTS (handlers)))
    return;
  apmm_session_caption_set_session (self->session_caption, session);

  update_visibility (self);
  update_not_assessed (self);
  /* A freshly opened session starts on the level its evidence supports:
   * the details are made once, for that level. */
  if (self->document != NULL)
    {
      guint level;

      assessment = apmm_document_get_assessment (self->document);
      level = MIN (apmm_assessment_get_evidence_level (assessment), APMM_MAX_LEVEL);
      if (level != self->selected_level)
        {
          self->selected_level = level;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_LEVEL]);
        }
    }
  update_detail (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

guint
apmm_explorer_page_get_selected_level (ApmmExplorerPage *self)
{
  g_return_val_if_fail (APMM_IS_EXPLORER_PAGE (self), 0);

  return self->selected_level;
}

void
apmm_explorer_page_set_selected_level (ApmmExplorerPage *self,
                                       guint             level)
{
  g_return_if_fail (APMM_IS_EXPLORER_PAGE (self));

  level = MIN (level, APMM_MAX_LEVEL);
  if (self->selected_level == level)
    return;

  self->selected_level = level;
  update_detail (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_LEVEL]);
}

void
apmm_explorer_page_set_session (ApmmExplorerPage *self,
                                ApmmSession *session)
{
  g_autoptr(ApmmDocument) document = NULL;

  g_return_if_fail (APMM_IS_EXPLORER_PAGE (self));
  g_return_if_fail (session == NULL || APMM_IS_SESSION (session));

  if (session == self->session && (session == NULL) == (self->document == NULL))
    return;

  /* A session on its own gets a document of its own, for its verdict. */
  document = apmm_gui_document_for_session (session);
  apmm_explorer_page_set_document (self, document);
}

ApmmDocument *
apmm_explorer_page_get_document (ApmmExplorerPage *self)
{
  g_return_val_if_fail (APMM_IS_EXPLORER_PAGE (self), NULL);

  return self->document;
}

void
apmm_explorer_page_set_document (ApmmExplorerPage *self,
                                 ApmmDocument *document)
{
  g_return_if_fail (APMM_IS_EXPLORER_PAGE (self));
  g_return_if_fail (document == NULL || APMM_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  g_signal_group_set_target (self->document_signals, document);
  apmm_ladder_widget_set_document (APMM_LADDER_WIDGET (self->ladder), document);
  bind_session (self, document != NULL ? apmm_document_get_session (document) : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}
