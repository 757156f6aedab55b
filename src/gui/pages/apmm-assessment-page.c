/* apmm-assessment-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-assessment-page"

#include "config.h"

#include <glib/gi18n.h>

#include "apmm-assessment-page.h"
#include "apmm-criterion-marks.h"
#include "apmm-criterion-row.h"
#include "apmm-gui-utils.h"
#include "apmm-hfw-bin.h"
#include "apmm-session-caption.h"
#include "apmm-result-strip.h"
#include "apmm-votes-panel.h"

struct _ApmmAssessmentPage
{
  AdwBin               parent_instance;
  ApmmSessionCaption *session_caption;

  ApmmSession         *session;

  ApmmDocument *document;

  GSignalGroup *document_signals;
  /* criterion id → ApmmCriterionRow (borrowed: the rows live in the page) */
  GHashTable          *rows;
  /* prompt id → GtkTextBuffer of its notes (borrowed) */
  GHashTable          *prompt_buffers;
  /* criterion id → ApmmCriterionMarks under its row (borrowed) */
  GHashTable          *marks;
  GtkToggleButton     *disputed_button;
  gboolean             syncing;

  GtkStack            *stack;
  ApmmResultStrip     *result_strip;
  GtkScrolledWindow   *scrolled_window;
  GtkWidget           *content_box;
  AdwPreferencesGroup *prompts_group;
  ApmmVotesPanel      *votes_panel;
  GtkBox              *criteria_box;
};

G_DEFINE_FINAL_TYPE (ApmmAssessmentPage, apmm_assessment_page, ADW_TYPE_BIN)

static void bind_session (ApmmAssessmentPage *self, ApmmSession *session);

enum {
  PROP_0,
  PROP_SESSION,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define PROMPT_KEY    "apmm-prompt"
#define CRITERION_KEY "apmm-criterion"
/* Space left above a criterion the page scrolls to, so its level heading stays in view. */
#define SCROLL_MARGIN 48

static void
jump_clicked_cb (GtkButton          *button,
                 ApmmAssessmentPage *self)
{
  apmm_assessment_page_focus_criterion (self, g_object_get_data (G_OBJECT (button), CRITERION_KEY));
}

static void
prompt_notes_changed_cb (GtkTextBuffer      *buffer,
                         ApmmAssessmentPage *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->syncing || self->session == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  apmm_session_set_prompt_notes (self->session, g_object_get_data (G_OBJECT (buffer), PROMPT_KEY),
                                 text);
}

static GtkWidget *
create_informs_button (ApmmAssessmentPage  *self,
                       const ApmmCriterion *criterion)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label;
  g_autofree char *text = NULL;

  /* Translators: a button that jumps to a criterion, e.g. "L3 · Rollback procedure". */
  text = g_strdup_printf (_("L%u · %s"), criterion->level, criterion->title);
  label = apmm_gui_wrapped_label (text, NULL);
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, _("Go to this criterion in the checklist"));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "informs-button");
  g_object_set_data_full (G_OBJECT (button), CRITERION_KEY, g_strdup (criterion->id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (jump_clicked_cb), self);

  return button;
}

/* The criteria a prompt informs, as a short list of links under a caption:
 * a list reads the same at every width, where a row of links would not fit
 * a narrow window. */
static GtkWidget *
create_informs_box (ApmmAssessmentPage *self,
                    const ApmmPrompt   *prompt)
{
  ApmmModel *model = apmm_model_get_default ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), apmm_gui_wrapped_label (_("Informs:"), "dim-label"));
  gtk_widget_set_margin_bottom (gtk_widget_get_first_child (box), 2);

  for (guint i = 0; prompt->informs != NULL && prompt->informs[i] != NULL; i++)
    {
      const ApmmCriterion *criterion = apmm_model_lookup_criterion (model, prompt->informs[i]);

      if (criterion != NULL)
        gtk_box_append (GTK_BOX (box), create_informs_button (self, criterion));
    }

  return box;
}

static GtkWidget *
create_notes_view (ApmmAssessmentPage *self,
                   const ApmmPrompt   *prompt)
{
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_autofree char *label = NULL;

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 10);
  gtk_widget_set_size_request (view, -1, 56);
  gtk_widget_add_css_class (view, "prompt-notes");
  /* Translators: the accessible name of a notes field, e.g. "Notes: On adoption". */
  label = g_strdup_printf (_("Notes: %s"), prompt->title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);

  g_object_set_data_full (G_OBJECT (buffer), PROMPT_KEY, g_strdup (prompt->id), g_free);
  g_signal_connect (buffer, "changed", G_CALLBACK (prompt_notes_changed_cb), self);
  g_hash_table_insert (self->prompt_buffers, g_strdup (prompt->id), buffer);

  return view;
}

static GtkWidget *
create_prompt_card (ApmmAssessmentPage *self,
                    const ApmmPrompt   *prompt)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *warning = apmm_gui_wrapped_label (prompt->warning, "prompt-warning");

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "prompt-card");
  gtk_widget_set_margin_bottom (card, 12);

  gtk_box_append (GTK_BOX (card), apmm_gui_wrapped_label (prompt->title, "heading"));
  gtk_box_append (GTK_BOX (card), apmm_gui_wrapped_label (prompt->question, "prompt-question"));

  /* The warning icon is drawn by the stylesheet: an image beside a wrapping
   * label in a GtkBox gives inconsistent height requests in GTK 4.8. */
  gtk_widget_add_css_class (warning, "with-warning-icon");
  gtk_box_append (GTK_BOX (card), warning);

  gtk_box_append (GTK_BOX (card), create_notes_view (self, prompt));
  gtk_box_append (GTK_BOX (card), create_informs_box (self, prompt));

  return card;
}

static GtkWidget *
create_chasm_marker (void)
{
  ApmmModel *model = apmm_model_get_default ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  gtk_widget_add_css_class (box, "chasm-note");
  gtk_box_append (GTK_BOX (box), apmm_gui_wrapped_label (apmm_model_get_chasm_title (model), "heading"));
  gtk_box_append (GTK_BOX (box), apmm_gui_wrapped_label (apmm_model_get_chasm_text (model), NULL));

  return box;
}

static GtkWidget *
create_level_group (ApmmAssessmentPage *self,
                    const ApmmLevel    *level)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *title = NULL;

  /* Translators: a maturity level, e.g. "Level 2 · AI Active". */
  title = g_strdup_printf (_("Level %u · %s"), level->number, level->name);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), level->description);

  for (guint i = 0; i < level->n_criteria; i++)
    {
      GtkWidget *row = apmm_criterion_row_new (self->session, level->criteria[i]->id);

      GtkWidget *marks = apmm_criterion_marks_new (self->session, level->criteria[i]->id);

      g_hash_table_insert (self->rows, g_strdup (level->criteria[i]->id), row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_hash_table_insert (self->marks, g_strdup (level->criteria[i]->id), marks);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), marks);
    }

  return group;
}

/* The "Disputed" filter: with it on, only the criteria merged groups
 * disagree on are shown, each with the groups' views side by side. */
static void
apply_disputed_filter (ApmmAssessmentPage *self)
{
  ApmmModel *model = apmm_model_get_default ();
  gboolean filter = gtk_toggle_button_get_active (self->disputed_button);
  GtkWidget *child;

  for (guint i = 0; i < apmm_model_get_n_criteria (model); i++)
    {
      const char *id = apmm_model_get_criterion (model, i)->id;
      ApmmCriterionMarks *marks = g_hash_table_lookup (self->marks, id);
      gboolean shown = !filter || apmm_criterion_marks_is_disputed (marks);

      gtk_widget_set_visible (g_hash_table_lookup (self->rows, id), shown);
      apmm_criterion_marks_set_filtered (marks, !shown);
    }

  /* Level groups without a disputed criterion, and the chasm note, go too. */
  for (child = gtk_widget_get_next_sibling (gtk_widget_get_first_child (GTK_WIDGET (self->criteria_box)));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      gboolean any = !filter;

      if (ADW_IS_PREFERENCES_GROUP (child))
        for (guint i = 0; !any && i < apmm_model_get_n_criteria (model); i++)
          {
            GtkWidget *marks = g_hash_table_lookup (self->marks, apmm_model_get_criterion (model, i)->id);

            any = apmm_criterion_marks_is_disputed (APMM_CRITERION_MARKS (marks)) &&
                  gtk_widget_is_ancestor (marks, child);
          }
      gtk_widget_set_visible (child, any);
    }
}

static void
disputes_changed_cb (ApmmAssessmentPage *self)
{
  ApmmDisputes *disputes = self->session != NULL ? apmm_session_get_disputes (self->session) : NULL;
  g_auto(GStrv) ids = apmm_disputes_dup_criteria (disputes);
  guint n = g_strv_length (ids);
  g_autofree char *label = NULL;

  /* Translators: a filter button with the number of disputed criteria. */
  label = g_strdup_printf (_("Disputed (%u)"), n);
  gtk_button_set_label (GTK_BUTTON (self->disputed_button), label);
  gtk_widget_set_visible (GTK_WIDGET (self->disputed_button), n > 0);
  if (n == 0 && gtk_toggle_button_get_active (self->disputed_button))
    gtk_toggle_button_set_active (self->disputed_button, FALSE);
  else
    apply_disputed_filter (self);
}

/* Once the filtered list is laid out (the tick of the next frame, since a
 * tick comes before the layout of its own frame): the first disputed
 * criterion, in view. */
static gboolean
scroll_to_disputed_cb (GtkWidget     *widget,
                       GdkFrameClock *clock,
                       gpointer       user_data)
{
  ApmmAssessmentPage *self = APMM_ASSESSMENT_PAGE (widget);
  guint *ticks = user_data;

  if ((*ticks)++ == 0)
    return G_SOURCE_CONTINUE;
  ApmmDisputes *disputes = self->session != NULL ? apmm_session_get_disputes (self->session) : NULL;
  g_auto(GStrv) ids = apmm_disputes_dup_criteria (disputes);

  if (ids[0] != NULL && gtk_toggle_button_get_active (self->disputed_button))
    apmm_assessment_page_focus_criterion (self, ids[0]);

  return G_SOURCE_REMOVE;
}

static void
disputed_toggled_cb (ApmmAssessmentPage *self)
{
  apply_disputed_filter (self);
  if (gtk_toggle_button_get_active (self->disputed_button))
    gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_disputed_cb, g_new0 (guint, 1), g_free);
}

static void
build_disputed_filter (ApmmAssessmentPage *self)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (self->criteria_box));

  self->disputed_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  gtk_widget_set_halign (GTK_WIDGET (self->disputed_button), GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->disputed_button),
                               _("Show only the criteria the groups rated differently"));
  gtk_widget_add_css_class (GTK_WIDGET (self->disputed_button), "pill");
  gtk_widget_set_visible (GTK_WIDGET (self->disputed_button), FALSE);
  g_signal_connect_swapped (self->disputed_button, "toggled", G_CALLBACK (disputed_toggled_cb), self);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->disputed_button));
}

static void
build_content (ApmmAssessmentPage *self)
{
  ApmmModel *model = apmm_model_get_default ();
  guint n_prompts = apmm_model_get_n_prompts (model);

  for (guint i = 0; i < n_prompts; i++)
    adw_preferences_group_add (self->prompts_group,
                               create_prompt_card (self, apmm_model_get_prompt (model, i)));

  build_disputed_filter (self);
  for (guint number = 1; number <= APMM_MAX_LEVEL; number++)
    {
      gtk_box_append (self->criteria_box,
                      create_level_group (self, apmm_model_get_level (model, number)));
      if (number == APMM_CHASM_BELOW)
        gtk_box_append (self->criteria_box, create_chasm_marker ());
    }
}

static void
sync_prompt (ApmmAssessmentPage *self,
             const char         *prompt_id)
{
  GtkTextBuffer *buffer = g_hash_table_lookup (self->prompt_buffers, prompt_id);
  const char *notes = self->session ? apmm_session_get_prompt_notes (self->session, prompt_id) : "";
  g_autofree char *current = NULL;
  GtkTextIter start, end;

  if (buffer == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (current, notes) == 0)
    return;

  self->syncing = TRUE;
  gtk_text_buffer_set_text (buffer, notes, -1);
  self->syncing = FALSE;
}

static void
prompt_changed_cb (ApmmAssessmentPage *self,
                   const char         *prompt_id)
{
  sync_prompt (self, prompt_id);
}

static void
apmm_assessment_page_dispose (GObject *object)
{
  ApmmAssessmentPage *self = (ApmmAssessmentPage *)object;

  apmm_assessment_page_set_document (self, NULL);
  g_clear_object (&self->document_signals);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->prompt_buffers, g_hash_table_unref);
  g_clear_pointer (&self->marks, g_hash_table_unref);

  G_OBJECT_CLASS (apmm_assessment_page_parent_class)->dispose (object);
}

static void
apmm_assessment_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ApmmAssessmentPage *self = APMM_ASSESSMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
apmm_assessment_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ApmmAssessmentPage *self = APMM_ASSESSMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      apmm_assessment_page_set_session (self, g_value_get_object (value));
      break;

    case PROP_DOCUMENT:
      apmm_assessment_page_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
apmm_assessment_page_class_init (ApmmAssessmentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = apmm_assessment_page_dispose;
  object_class->get_property = apmm_assessment_page_get_property;
  object_class->set_property = apmm_assessment_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         APMM_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         APMM_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (APMM_TYPE_HFW_BIN);
  g_type_ensure (APMM_TYPE_RESULT_STRIP);
  g_type_ensure (APMM_TYPE_VOTES_PANEL);

  g_type_ensure (APMM_TYPE_SESSION_CAPTION);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/apmm/Workshop/apmm-assessment-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ApmmAssessmentPage, session_caption);
  gtk_widget_class_bind_template_child (widget_class, ApmmAssessmentPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ApmmAssessmentPage, result_strip);
  gtk_widget_class_bind_template_child (widget_class, ApmmAssessmentPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, ApmmAssessmentPage, content_box);
  gtk_widget_class_bind_template_child (widget_class, ApmmAssessmentPage, prompts_group);
  gtk_widget_class_bind_template_child (widget_class, ApmmAssessmentPage, votes_panel);
  gtk_widget_class_bind_template_child (widget_class, ApmmAssessmentPage, criteria_box);
}

static void
apmm_assessment_page_init (ApmmAssessmentPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->document_signals = g_signal_group_new (APMM_TYPE_DOCUMENT);

  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->prompt_buffers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->marks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  build_content (self);
}

GtkWidget *
apmm_assessment_page_new (void)
{
  return g_object_new (APMM_TYPE_ASSESSMENT_PAGE, NULL);
}

ApmmSession *
apmm_assessment_page_get_session (ApmmAssessmentPage *self)
{
  g_return_val_if_fail (APMM_IS_ASSESSMENT_PAGE (self), NULL);

  return self->session;
}

static void
bind_session (ApmmAssessmentPage *self,
                                  ApmmSession        *session)
{
  static const ApmmSessionHandler handlers[] = {
    { "prompt-changed", G_CALLBACK (prompt_changed_cb) },
  };
  GHashTableIter iter;
  gpointer key, row;

  g_return_if_fail (APMM_IS_ASSESSMENT_PAGE (self));
  g_return_if_fail (session == NULL || APMM_IS_SESSION (session));

  if (!apmm_gui_bind_session (self, &self->session, session, handlers, G_N_ELEMENTS (handlers)))
    return;

  apmm_session_caption_set_session (self->session_caption, session);
  apmm_votes_panel_set_session (self->votes_panel, session);
  if (self->rows != NULL)
    {
      g_hash_table_iter_init (&iter, self->rows);
      while (g_hash_table_iter_next (&iter, NULL, &row))
        apmm_criterion_row_set_session (row, session);
    }
  /* After the marks rows have seen the change: the filter asks them. */
  if (session != NULL)
    g_signal_connect_object (session, "notify::disputes", G_CALLBACK (disputes_changed_cb), self,
                             G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  if (self->marks != NULL)
    {
      g_hash_table_iter_init (&iter, self->marks);
      while (g_hash_table_iter_next (&iter, NULL, &row))
        apmm_criterion_marks_set_session (row, session);
      disputes_changed_cb (self);
    }
  if (self->prompt_buffers != NULL)
    {
      g_hash_table_iter_init (&iter, self->prompt_buffers);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        sync_prompt (self, key);
    }

  gtk_stack_set_visible_child_name (self->stack, session != NULL ? "content" : "empty");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
apmm_assessment_page_focus_criterion (ApmmAssessmentPage *self,
                                      const char         *criterion_id)
{
  ApmmCriterionRow *row;
  GtkAdjustment *adjustment;
  graphene_point_t point;

  g_return_if_fail (APMM_IS_ASSESSMENT_PAGE (self));
  g_return_if_fail (criterion_id != NULL);

  row = g_hash_table_lookup (self->rows, criterion_id);
  if (row == NULL)
    return;

  apmm_criterion_row_highlight (row);

  /* Scroll explicitly rather than trusting focus-follows-scroll, so the row
   * lands near the top with its level heading visible. */
  adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  if (gtk_widget_compute_point (GTK_WIDGET (row), gtk_widget_get_parent (self->content_box),
                                &GRAPHENE_POINT_INIT (0, 0), &point))
    gtk_adjustment_set_value (adjustment, MAX (0, point.y - SCROLL_MARGIN));
}

void
apmm_assessment_page_set_session (ApmmAssessmentPage *self,
                                  ApmmSession *session)
{
  g_autoptr(ApmmDocument) document = NULL;

  g_return_if_fail (APMM_IS_ASSESSMENT_PAGE (self));
  g_return_if_fail (session == NULL || APMM_IS_SESSION (session));

  if (session == self->session && (session == NULL) == (self->document == NULL))
    return;

  /* A session on its own gets a document of its own, for its verdict. */
  document = apmm_gui_document_for_session (session);
  apmm_assessment_page_set_document (self, document);
}

ApmmDocument *
apmm_assessment_page_get_document (ApmmAssessmentPage *self)
{
  g_return_val_if_fail (APMM_IS_ASSESSMENT_PAGE (self), NULL);

  return self->document;
}

void
apmm_assessment_page_set_document (ApmmAssessmentPage *self,
                                   ApmmDocument *document)
{
  g_return_if_fail (APMM_IS_ASSESSMENT_PAGE (self));
  g_return_if_fail (document == NULL || APMM_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  g_signal_group_set_target (self->document_signals, document);
  apmm_result_strip_set_document (self->result_strip, document);
  bind_session (self, document != NULL ? apmm_document_get_session (document) : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}
