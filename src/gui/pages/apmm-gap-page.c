/* apmm-gap-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-gap-page"

#include "config.h"

#include <glib/gi18n.h>

#include "apmm-wrap-box.h"
#include "apmm-assessment.h"
#include "apmm-gap-matrix.h"
#include "apmm-comparison-banner.h"
#include "apmm-gap-page.h"
#include "apmm-gap-row.h"
#include "apmm-list-culling.h"
#include "apmm-gui-utils.h"
#include "apmm-hfw-bin.h"
#include "apmm-session-caption.h"

struct _ApmmGapPage
{
  AdwBin           parent_instance;
  ApmmSessionCaption *session_caption;

  ApmmSession     *session;

  ApmmDocument *document;

  GSignalGroup *document_signals;
  ApmmAssessment  *assessment;
  /* criterion id → ApmmGapRow (owned by the list box) */
  GHashTable      *rows;
  guint            first_target;
  gboolean         syncing;
  /* The row the user is editing: its new rank waits until the focus leaves
   * it, so it does not jump away from the pointer. */
  GtkWidget       *held_row;
  gboolean         resort_pending;
  /* A new verdict came while the page was out of view: it is shown when the
   * page is mapped again, so a hidden page costs an edit nothing. */
  gboolean         stale;

  GtkLabel        *summary_label;
  GtkLabel        *tagline_label;
  GtkWidget       *comparison_banner;
  GtkWidget       *controls_box;
  GtkDropDown     *target_dropdown;
  GtkStringList   *target_levels;
  GtkToggleButton *list_toggle;
  GtkToggleButton *matrix_toggle;
  GtkWidget       *reset_button;
  GtkStack        *stack;
  GtkListBox      *gap_list;
  ApmmGapMatrix   *matrix;
  AdwStatusPage   *empty_page;
};

G_DEFINE_FINAL_TYPE (ApmmGapPage, apmm_gap_page, ADW_TYPE_BIN)

static void bind_session (ApmmGapPage *self, ApmmSession *session);

enum {
  PROP_0,
  PROP_SESSION,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
sort_rows (GtkListBoxRow *a,
           GtkListBoxRow *b,
           gpointer       user_data)
{
  guint rank_a = apmm_gap_row_get_rank (APMM_GAP_ROW (a));
  guint rank_b = apmm_gap_row_get_rank (APMM_GAP_ROW (b));

  return (rank_a > rank_b) - (rank_a < rank_b);
}

/* The new manual order is a rule of the Gap Map: core works it out. */
static void
move_gap (ApmmGapPage *self,
          const char  *id,
          const char  *anchor,
          gboolean     after)
{
  g_auto(GStrv) order = apmm_assessment_dup_gap_order_moving (self->assessment, id, anchor, after);

  if (order != NULL)
    apmm_session_set_gap_order (self->session, (const char * const *) order);
}

static void
row_move_cb (ApmmGapPage *self,
             int          offset,
             ApmmGapRow  *row)
{
  guint index = apmm_gap_row_get_rank (row) - 1;
  guint n = apmm_assessment_get_n_gaps (self->assessment);
  const ApmmGap *neighbour;

  if ((offset < 0 && index == 0) || (offset > 0 && index + 1 >= n))
    return;

  neighbour = apmm_assessment_get_gap (self->assessment, index + offset);
  move_gap (self, apmm_gap_row_get_criterion_id (row), neighbour->criterion->id, offset > 0);
}

static void
row_gap_dropped_cb (ApmmGapPage *self,
                    const char  *dragged,
                    gboolean     after,
                    ApmmGapRow  *row)
{
  move_gap (self, dragged, apmm_gap_row_get_criterion_id (row), after);
}

static gboolean
row_has_focus (GtkWidget *row)
{
  GtkRoot *root = gtk_widget_get_root (row);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row));
}

static void
row_focus_left_cb (ApmmGapPage        *self,
                   GtkEventController *controller)
{
  if (gtk_event_controller_get_widget (controller) != self->held_row)
    return;

  self->held_row = NULL;
  if (self->resort_pending)
    {
      self->resort_pending = FALSE;
      gtk_list_box_invalidate_sort (self->gap_list);
    }
}

static void
remove_all_rows (ApmmGapPage *self)
{
  GHashTableIter iter;
  gpointer row;

  self->held_row = NULL;
  self->resort_pending = FALSE;
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    {
      gtk_list_box_remove (self->gap_list, row);
      g_hash_table_iter_remove (&iter);
    }
}

/* About what the first view of the page shows. */
#define EAGER_ROWS 4

static GtkWidget *
ensure_row (ApmmGapPage *self,
            const char  *id)
{
  GtkWidget *row = g_hash_table_lookup (self->rows, id);
  GtkEventController *focus;

  if (row != NULL)
    return row;

  /* The first rows are made at once, the others when they first come near
   * the view (apmm-list-culling.h). */
  if (g_hash_table_size (self->rows) < EAGER_ROWS)
    row = apmm_gap_row_new (self->session, id);
  else
    row = apmm_gap_row_new_lazy (self->session, id);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (row_focus_left_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (row, focus);
  g_signal_connect_object (row, "move", G_CALLBACK (row_move_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "gap-dropped", G_CALLBACK (row_gap_dropped_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_list_box_append (self->gap_list, row);
  g_hash_table_insert (self->rows, g_strdup (id), row);

  return row;
}

/* Rows are kept per criterion and re-sorted rather than rebuilt, so that the
 * focus stays where the user is working when a gap moves. */
static void
sync_rows (ApmmGapPage *self)
{
  guint n = apmm_assessment_get_n_gaps (self->assessment);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer id;
  gpointer row;

  for (guint i = 0; i < n; i++)
    {
      const ApmmGap *gap = apmm_assessment_get_gap (self->assessment, i);

      row = ensure_row (self, gap->criterion->id);
      apmm_gap_row_update (APMM_GAP_ROW (row), gap, i + 1, n);
      g_hash_table_add (seen, (gpointer) gap->criterion->id);
    }

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &id, &row))
    {
      if (g_hash_table_contains (seen, id))
        continue;
      if (row == self->held_row)
        self->held_row = NULL;
      gtk_list_box_remove (self->gap_list, row);
      g_hash_table_iter_remove (&iter);
    }

  if (self->held_row != NULL && row_has_focus (self->held_row))
    self->resort_pending = TRUE;
  else
    {
      self->held_row = NULL;
      gtk_list_box_invalidate_sort (self->gap_list);
    }
}

static void
sync_target (ApmmGapPage *self)
{
  ApmmModel *model = apmm_model_get_default ();
  guint evidence = apmm_assessment_get_evidence_level (self->assessment);
  guint target = apmm_assessment_get_target_level (self->assessment);
  guint first = MIN (evidence + 1, APMM_MAX_LEVEL + 1);

  if (first != self->first_target)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

      for (guint level = first; level <= APMM_MAX_LEVEL; level++)
        /* Translators: an entry of the target level picker, "Level 3 · AI Reliable". */
        g_ptr_array_add (names, g_strdup_printf (_("Level %u · %s"), level,
                                                 apmm_model_get_level (model, level)->name));
      g_ptr_array_add (names, NULL);
      gtk_string_list_splice (self->target_levels, 0,
                              g_list_model_get_n_items (G_LIST_MODEL (self->target_levels)),
                              (const char * const *) names->pdata);
      self->first_target = first;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->target_dropdown), first <= APMM_MAX_LEVEL);
  if (first <= APMM_MAX_LEVEL && target >= first)
    gtk_drop_down_set_selected (self->target_dropdown, target - first);
}

static guint
count_chasm_gaps (ApmmAssessment *assessment)
{
  guint n = apmm_assessment_get_n_gaps (assessment);
  guint count = 0;

  for (guint i = 0; i < n; i++)
    if (apmm_assessment_get_gap (assessment, i)->crosses_chasm)
      count++;

  return count;
}

static void
sync_summary (ApmmGapPage *self)
{
  ApmmModel *model = apmm_model_get_default ();
  guint evidence = apmm_assessment_get_evidence_level (self->assessment);
  guint target = apmm_assessment_get_target_level (self->assessment);
  guint n = apmm_assessment_get_n_gaps (self->assessment);
  guint chasm = count_chasm_gaps (self->assessment);
  g_autofree char *where = NULL;
  g_autofree char *gaps = NULL;
  g_autofree char *text = NULL;

  if (!apmm_assessment_get_assessed (self->assessment))
    {
      gtk_label_set_text (self->summary_label,
                          _("Not assessed yet: every criterion is still unknown. Rate them on the "
                            "Self-Assessment page (Alt+2) to find the evidence level and the real gaps."));
      return;
    }

  /* Translators: "Evidence level 1 (AI Licensed)." */
  where = g_strdup_printf (_("Evidence level %u (%s)."), evidence,
                           apmm_model_get_level (model, evidence)->name);
  /* Translators: "7 gaps to close to reach level 3 (AI Reliable)." */
  gaps = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u gap to close to reach level %u (%s).",
                                       "%u gaps to close to reach level %u (%s).", n),
                          n, target, apmm_model_get_level (model, target)->name);
  if (chasm > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s %s %u of them crosses the Failure Chasm.",
                                         "%s %s %u of them cross the Failure Chasm.", chasm),
                            where, gaps, chasm);
  else
    text = g_strdup_printf ("%s %s", where, gaps);

  gtk_label_set_text (self->summary_label, text);
}

static void
sync_view (ApmmGapPage *self)
{
  gboolean has_gaps = self->assessment != NULL && apmm_assessment_get_n_gaps (self->assessment) > 0;

  gtk_widget_set_visible (self->controls_box, self->assessment != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), has_gaps);
  gtk_widget_set_sensitive (GTK_WIDGET (self->list_toggle), has_gaps);
  gtk_widget_set_sensitive (GTK_WIDGET (self->matrix_toggle), has_gaps);
  gtk_widget_set_sensitive (self->reset_button,
                            self->session != NULL && apmm_session_get_gap_order (self->session) != NULL);

  if (!has_gaps)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (gtk_toggle_button_get_active (self->matrix_toggle))
    gtk_stack_set_visible_child_name (self->stack, "matrix");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
sync_empty_page (ApmmGapPage *self)
{
  g_autofree char *description = NULL;
  guint evidence;

  if (self->assessment == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("No Session"));
      adw_status_page_set_description (self->empty_page,
                                       _("Start or open a session to map its gaps."));
      return;
    }

  /* Gaps can only be empty when the evidence stands on the top level: below
   * it, the next level always has an unmet criterion. */
  evidence = apmm_assessment_get_evidence_level (self->assessment);
  description = g_strdup_printf (_("No gaps — every criterion up to level %u is met. "
                                   "There is no higher level to target."), evidence);
  adw_status_page_set_title (self->empty_page, _("No Gaps"));
  adw_status_page_set_description (self->empty_page, description);
}

static void
apmm_gap_page_refresh (ApmmGapPage *self)
{
  self->stale = FALSE;
  self->syncing = TRUE;
  g_clear_pointer (&self->assessment, apmm_assessment_unref);

  if (self->session == NULL)
    {
      remove_all_rows (self);
      apmm_gap_matrix_set_gaps (self->matrix, NULL);
    }
  else
    {
      self->assessment = apmm_assessment_ref (apmm_document_get_assessment (self->document));
      sync_target (self);
      sync_summary (self);
      sync_rows (self);
      apmm_gap_matrix_set_gaps (self->matrix, self->assessment);
    }

  sync_empty_page (self);
  sync_view (self);
  self->syncing = FALSE;
}

static void
session_changed_cb (ApmmGapPage *self)
{
  /* A page the window has shown and then hidden is realized but not
   * mapped; one never shown (in a test, or not in a window yet) follows at
   * once. */
  if (self->session != NULL && gtk_widget_get_realized (GTK_WIDGET (self))
      && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->stale = TRUE;
  else
    apmm_gap_page_refresh (self);
}

static void
apmm_gap_page_map (GtkWidget *widget)
{
  ApmmGapPage *self = APMM_GAP_PAGE (widget);

  if (self->stale)
    apmm_gap_page_refresh (self);

  GTK_WIDGET_CLASS (apmm_gap_page_parent_class)->map (widget);
}

/* An edit of a gap's impact or effort re-ranks it; while the user works in
 * its row, the row stays put and moves once they leave it. An explicit move
 * (the arrows, a drop) re-sorts at once. The session's signals come before
 * the document's new verdict, which refreshes the page. */
static void
gap_changed_cb (ApmmGapPage *self,
                const char  *criterion_id)
{
  GtkWidget *row = criterion_id != NULL ? g_hash_table_lookup (self->rows, criterion_id) : NULL;

  if (row != NULL && row_has_focus (row))
    self->held_row = row;
}

static void
order_changed_cb (ApmmGapPage *self)
{
  self->held_row = NULL;
  self->resort_pending = FALSE;
}

static void
target_selected_cb (ApmmGapPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->target_dropdown);

  if (self->syncing || self->session == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  apmm_session_set_target_level (self->session, (int) (self->first_target + selected));
}

static void
reset_clicked_cb (ApmmGapPage *self)
{
  if (self->session != NULL)
    apmm_session_set_gap_order (self->session, NULL);
}

static void
view_toggled_cb (ApmmGapPage *self)
{
  if (!self->syncing)
    sync_view (self);
}

static void
apmm_gap_page_dispose (GObject *object)
{
  ApmmGapPage *self = (ApmmGapPage *)object;

  apmm_gap_page_set_document (self, NULL);
  g_clear_object (&self->document_signals);
  g_clear_pointer (&self->assessment, apmm_assessment_unref);
  if (self->rows != NULL)
    g_hash_table_remove_all (self->rows);
  gtk_widget_dispose_template (GTK_WIDGET (self), APMM_TYPE_GAP_PAGE);

  G_OBJECT_CLASS (apmm_gap_page_parent_class)->dispose (object);
}

static void
apmm_gap_page_finalize (GObject *object)
{
  ApmmGapPage *self = (ApmmGapPage *)object;

  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (apmm_gap_page_parent_class)->finalize (object);
}

static void
apmm_gap_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ApmmGapPage *self = APMM_GAP_PAGE (object);

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
apmm_gap_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ApmmGapPage *self = APMM_GAP_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      apmm_gap_page_set_session (self, g_value_get_object (value));
      break;

    case PROP_DOCUMENT:
      apmm_gap_page_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
apmm_gap_page_class_init (ApmmGapPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->map = apmm_gap_page_map;

  object_class->dispose = apmm_gap_page_dispose;
  object_class->finalize = apmm_gap_page_finalize;
  object_class->get_property = apmm_gap_page_get_property;
  object_class->set_property = apmm_gap_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         APMM_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         APMM_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (APMM_TYPE_GAP_MATRIX);

  g_type_ensure (APMM_TYPE_WRAP_BOX);
  g_type_ensure (APMM_TYPE_SESSION_CAPTION);
  g_type_ensure (APMM_TYPE_HFW_BIN);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/apmm/Workshop/apmm-gap-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ApmmGapPage, session_caption);
  gtk_widget_class_bind_template_child (widget_class, ApmmGapPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ApmmGapPage, tagline_label);
  gtk_widget_class_bind_template_child (widget_class, ApmmGapPage, controls_box);
  gtk_widget_class_bind_template_child (widget_class, ApmmGapPage, target_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ApmmGapPage, target_levels);
  gtk_widget_class_bind_template_child (widget_class, ApmmGapPage, list_toggle);
  gtk_widget_class_bind_template_child (widget_class, ApmmGapPage, matrix_toggle);
  gtk_widget_class_bind_template_child (widget_class, ApmmGapPage, reset_button);
  gtk_widget_class_bind_template_child (widget_class, ApmmGapPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ApmmGapPage, gap_list);
  gtk_widget_class_bind_template_child (widget_class, ApmmGapPage, matrix);
  gtk_widget_class_bind_template_child (widget_class, ApmmGapPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, target_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, reset_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_toggled_cb);
}

static void
apmm_gap_page_init (ApmmGapPage *self)
{
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->first_target = G_MAXUINT;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Every change that can move, add or remove a gap, or change its figures,
   * makes a new verdict: the page follows the document's. */
  self->document_signals = g_signal_group_new (APMM_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "notify::assessment",
                                 G_CALLBACK (session_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_box_set_sort_func (self->gap_list, sort_rows, NULL, NULL);
  apmm_list_box_draw_rows_in_view (self->gap_list);
  /* The source's own line for what this page does: naming the gaps. */
  gtk_label_set_text (self->tagline_label, apmm_model_get_tagline (apmm_model_get_default ()));

  /* Under the summary: the gaps closed and opened since a baseline. */
  self->comparison_banner = apmm_comparison_banner_new (APMM_COMPARISON_BANNER_GAPS);
  gtk_widget_set_margin_top (self->comparison_banner, 6);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->summary_label))),
                              self->comparison_banner, GTK_WIDGET (self->summary_label));

  apmm_gap_page_refresh (self);
}

GtkWidget *
apmm_gap_page_new (void)
{
  return g_object_new (APMM_TYPE_GAP_PAGE, NULL);
}

ApmmSession *
apmm_gap_page_get_session (ApmmGapPage *self)
{
  g_return_val_if_fail (APMM_IS_GAP_PAGE (self), NULL);

  return self->session;
}

static void
bind_session (ApmmGapPage *self,
                           ApmmSession *session)
{
  /* The page redraws on the document's new verdict; these only note what
   * kind of edit it was, which comes first. */
  static const ApmmSessionHandler handlers[] = {
    { "gap-changed", G_CALLBACK (gap_changed_cb) },
    { "gap-order-changed", G_CALLBACK (order_changed_cb) },
  };

  g_return_if_fail (APMM_IS_GAP_PAGE (self));
  g_return_if_fail (session == NULL || APMM_IS_SESSION (session));

  if (self->session == session)
    return;

  /* Rows hold the session they edit: a new session gets new rows. */
  remove_all_rows (self);
  apmm_gui_bind_session (self, &self->session, session, handlers, G_N_ELEMENTS (handlers));
  apmm_session_caption_set_session (self->session_caption, session);
  apmm_comparison_banner_set_session (APMM_COMPARISON_BANNER (self->comparison_banner), session);
  apmm_gap_page_refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
apmm_gap_page_set_session (ApmmGapPage *self,
                           ApmmSession *session)
{
  g_autoptr(ApmmDocument) document = NULL;

  g_return_if_fail (APMM_IS_GAP_PAGE (self));
  g_return_if_fail (session == NULL || APMM_IS_SESSION (session));

  if (session == self->session && (session == NULL) == (self->document == NULL))
    return;

  /* A session on its own gets a document of its own, for its verdict. */
  document = apmm_gui_document_for_session (session);
  apmm_gap_page_set_document (self, document);
}

ApmmDocument *
apmm_gap_page_get_document (ApmmGapPage *self)
{
  g_return_val_if_fail (APMM_IS_GAP_PAGE (self), NULL);

  return self->document;
}

void
apmm_gap_page_set_document (ApmmGapPage *self,
                            ApmmDocument *document)
{
  g_return_if_fail (APMM_IS_GAP_PAGE (self));
  g_return_if_fail (document == NULL || APMM_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  g_signal_group_set_target (self->document_signals, document);
  bind_session (self, document != NULL ? apmm_document_get_session (document) : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}
