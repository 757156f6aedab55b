/* apmm-roadmap-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-roadmap-page"

#include "config.h"

#include <glib/gi18n.h>

#include "apmm-action-row.h"
#include "apmm-assessment.h"
#include "apmm-comparison-banner.h"
#include "apmm-gui-utils.h"
#include "apmm-hfw-bin.h"
#include "apmm-list-culling.h"
#include "apmm-session-file.h"
#include "apmm-session-caption.h"
#include "apmm-roadmap.h"
#include "apmm-roadmap-page.h"

struct _ApmmRoadmapPage
{
  AdwBin           parent_instance;
  ApmmSessionCaption *session_caption;

  ApmmSession     *session;

  ApmmDocument *document;

  GSignalGroup *document_signals;
  ApmmAssessment  *assessment;
  /* action id → ApmmActionRow (owned by the list box) */
  GHashTable      *rows;
  /* What the two rebuilt lists last showed, to leave them alone otherwise. */
  GStrv            shown_entry_points;
  GStrv            shown_uncovered;
  /* Changes that came while the page was out of view, shown when it is
   * mapped again: a hidden page costs an edit nothing. */
  gboolean         verdict_stale;
  gboolean         actions_stale;

  GtkLabel        *why_label;
  GtkLabel        *why_detail_label;
  GtkListBox      *entry_point_list;
  GtkLabel        *stale_label;
  /* The pick buttons of the shown entry points, to follow the session's pick. */
  GPtrArray       *pick_buttons;
  GtkWidget       *draft_button;
  GtkListBox      *action_list;
  GtkListBox      *uncovered_list;
  GtkWidget       *uncovered_done_label;
  GtkWidget       *comparison_banner;
};

G_DEFINE_FINAL_TYPE (ApmmRoadmapPage, apmm_roadmap_page, ADW_TYPE_BIN)

static void bind_session (ApmmRoadmapPage *self, ApmmSession *session);

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
  guint pos_a = apmm_action_row_get_position (APMM_ACTION_ROW (a));
  guint pos_b = apmm_action_row_get_position (APMM_ACTION_ROW (b));

  return (pos_a > pos_b) - (pos_a < pos_b);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static gboolean
strv_same (GStrv               a,
           const char * const *b)
{
  if (a == NULL || b == NULL)
    return a == NULL && b == NULL;
  return g_strv_equal ((const char * const *) a, b);
}

static gboolean
has_room_for (ApmmRoadmapPage *self,
              guint            n_new)
{
  g_autofree char *full = g_strdup_printf (_("A session holds at most %u actions"),
                                           APMM_SESSION_MAX_ACTIONS);

  return apmm_gui_check_room (GTK_WIDGET (self), apmm_session_get_n_actions (self->session) + n_new - 1,
                              APMM_SESSION_MAX_ACTIONS, full);
}

static void
append_action (ApmmRoadmapPage *self,
               ApmmAction      *action)
{
  GtkWidget *row;

  if (!has_room_for (self, 1))
    return;
  apmm_session_insert_action (self->session, -1, action);
  /* The new row exists now: put the user straight into its title. */
  row = g_hash_table_lookup (self->rows, action->id);
  if (row != NULL)
    apmm_action_row_focus_title (APMM_ACTION_ROW (row));
}

static void
add_for_gap_clicked_cb (ApmmRoadmapPage *self,
                        GtkButton       *button)
{
  const char *id = g_object_get_data (G_OBJECT (button), "criterion-id");
  guint n = apmm_assessment_get_n_gaps (self->assessment);

  for (guint i = 0; i < n; i++)
    {
      const ApmmGap *gap = apmm_assessment_get_gap (self->assessment, i);
      g_autofree char *action_id = NULL;
      g_autoptr(ApmmAction) action = NULL;

      if (g_strcmp0 (gap->criterion->id, id) != 0)
        continue;
      action_id = apmm_session_new_action_id (self->session);
      action = apmm_roadmap_draft_action (self->session, self->assessment, gap, action_id);
      append_action (self, action);
      return;
    }
}

/* "Pilot-to-Production Rescue or AI Feature Sprint or Monthly AI Ops
 * Retainer": the offers, each once, as the source names them. */
static char *
join_offers (const char * const *ids)
{
  ApmmModel *model = apmm_model_get_default ();
  g_autoptr(GString) names = g_string_new (NULL);
  const ApmmEntryPoint *previous = NULL;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      const ApmmEntryPoint *point = apmm_model_lookup_entry_point (model, ids[i]);

      if (point == NULL || (previous != NULL && apmm_entry_point_same_offer (previous, point)))
        continue;
      if (names->len > 0)
        /* Translators: joins two entry point names, "Pilot-to-Production Rescue or AI Feature Sprint". */
        g_string_append (names, _(" or "));
      g_string_append (names, point->offer);
      previous = point;
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
set_why (ApmmRoadmapPage *self,
         const char      *text,
         const char      *detail)
{
  gtk_label_set_text (self->why_label, text);
  gtk_label_set_text (self->why_detail_label, detail != NULL ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->why_detail_label), detail != NULL);
}

static void
sync_why (ApmmRoadmapPage    *self,
          const char * const *ids)
{
  ApmmModel *model = apmm_model_get_default ();
  guint evidence = apmm_assessment_get_evidence_level (self->assessment);
  const char *pick = apmm_assessment_get_entry_point (self->assessment);
  g_autofree char *names = NULL;
  g_autofree char *text = NULL;

  if (!apmm_assessment_get_assessed (self->assessment))
    {
      set_why (self, _("Not assessed yet"),
               _("No criterion is rated, so there is no evidence level and no entry point to "
                 "recommend. Start on the Self-Assessment page (Alt+2): rate each entry "
                 "criterion with the evidence the room can show."));
      return;
    }

  if (apmm_assessment_get_inconclusive (self->assessment))
    {
      const ApmmEntryPoint *sprint = apmm_model_lookup_entry_point (model, "diagnostic-sprint");
      g_autofree char *detail = NULL;

      /* Translators: %s is the name of the entry point, "APMM Diagnostic Sprint". */
      text = g_strdup_printf (_("Inconclusive — start with the %s"), sprint->name);
      detail = g_strdup_printf (_("Some criteria of level %u are still unknown, so the level "
                                  "cannot be pinned down yet."),
                                MIN (evidence + 1, APMM_MAX_LEVEL));
      set_why (self, text, detail);
      return;
    }

  if (pick != NULL)
    names = g_strdup (apmm_model_lookup_entry_point (model, pick)->name);
  else
    names = join_offers (ids);

  /* Translators: "Evidence level 2 (AI Active) → Pilot-to-Production Rescue or AI Feature Sprint". */
  text = g_strdup_printf (_("Evidence level %u (%s) → %s"), evidence,
                          apmm_model_get_level (model, evidence)->name, names);
  set_why (self, text,
           pick == NULL && g_strv_length ((GStrv) ids) > 1
           ? _("Several entry points fit this level: pick the one you will start with.")
           : NULL);
}

static void
pick_toggled_cb (ApmmRoadmapPage *self,
                 GtkCheckButton  *button)
{
  if (self->session == NULL || !gtk_check_button_get_active (button))
    return;

  apmm_session_set_entry_point (self->session, g_object_get_data (G_OBJECT (button), "entry-point-id"));
}

/* Follows the session's pick without rebuilding the rows, so the focus stays
 * on the button the user pressed. */
static void
sync_picks (ApmmRoadmapPage *self)
{
  const char *pick = apmm_assessment_get_entry_point (self->assessment);

  for (guint i = 0; i < self->pick_buttons->len; i++)
    {
      GtkCheckButton *button = g_ptr_array_index (self->pick_buttons, i);
      const char *id = g_object_get_data (G_OBJECT (button), "entry-point-id");

      g_signal_handlers_block_by_func (button, pick_toggled_cb, self);
      gtk_check_button_set_active (button, g_strcmp0 (id, pick) == 0);
      g_signal_handlers_unblock_by_func (button, pick_toggled_cb, self);
    }
}

static void
sync_stale (ApmmRoadmapPage *self)
{
  const char *pick = apmm_session_get_entry_point (self->session);
  const ApmmEntryPoint *point = apmm_model_lookup_entry_point (apmm_model_get_default (), pick);
  gboolean stale = apmm_assessment_get_entry_point_stale (self->assessment) &&
                   apmm_assessment_get_assessed (self->assessment) && point != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->stale_label), stale);
  if (stale)
    {
      g_autofree char *text = NULL;

      /* Translators: %s is an entry point, "Monthly AI Ops Retainer". */
      text = g_strdup_printf (_("Earlier pick “%s” no longer fits the evidence, so it is "
                                "ignored. Pick again below."), point->name);
      gtk_label_set_text (self->stale_label, text);
    }
}

static GtkWidget *
make_pick_button (ApmmRoadmapPage      *self,
                  const ApmmEntryPoint *point,
                  gboolean              alone,
                  GtkCheckButton       *group)
{
  GtkWidget *button = gtk_check_button_new_with_label (alone ? _("Start here") : point->name);
  g_autofree char *label = NULL;

  /* Translators: the accessible name of a radio button, "Start with Monthly AI Ops Retainer". */
  label = g_strdup_printf (_("Start with %s"), point->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (button), group);
  g_object_set_data_full (G_OBJECT (button), "entry-point-id", g_strdup (point->id), g_free);
  g_signal_connect_object (button, "toggled", G_CALLBACK (pick_toggled_cb), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->pick_buttons, button);

  return button;
}

/* One row per offer: the source's heading and its one description, and,
 * where several entry points fit, a button to pick each. */
static GtkWidget *
make_offer_row (ApmmRoadmapPage     *self,
                const char * const  *ids,
                guint               *i,
                gboolean             pickable)
{
  ApmmModel *model = apmm_model_get_default ();
  const ApmmEntryPoint *first = apmm_model_lookup_entry_point (model, ids[*i]);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (first->offer);
  GtkWidget *description = gtk_label_new (first->description);
  GtkWidget *picks = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  guint n = 0;

  while (ids[*i + n] != NULL &&
         apmm_entry_point_same_offer (first, apmm_model_lookup_entry_point (model, ids[*i + n])))
    n++;

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_widget_add_css_class (description, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), description);

  for (guint k = 0; pickable && k < n; k++)
    {
      /* One radio group across every offer: the first button leads it. */
      GtkCheckButton *group = self->pick_buttons->len > 0 ? g_ptr_array_index (self->pick_buttons, 0) : NULL;

      gtk_box_append (GTK_BOX (picks),
                      make_pick_button (self, apmm_model_lookup_entry_point (model, ids[*i + k]),
                                        n == 1, group));
    }
  if (pickable)
    gtk_box_append (GTK_BOX (box), picks);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "entry-point-row");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, first->offer, -1);

  *i += n;
  return row;
}

static void
sync_entry_points (ApmmRoadmapPage *self)
{
  const char * const *ids = apmm_assessment_get_entry_points (self->assessment);
  gboolean assessed = apmm_assessment_get_assessed (self->assessment);
  static const char * const none[] = { NULL };

  sync_why (self, ids);
  sync_stale (self);
  /* Before any rating there is nothing to recommend. */
  if (!assessed)
    ids = none;
  gtk_widget_set_visible (GTK_WIDGET (self->entry_point_list), ids[0] != NULL);
  if (!strv_same (self->shown_entry_points, ids))
    {
      gboolean pickable = g_strv_length ((GStrv) ids) > 1;

      clear_list (self->entry_point_list);
      g_ptr_array_set_size (self->pick_buttons, 0);
      for (guint i = 0; ids[i] != NULL;)
        {
          if (apmm_model_lookup_entry_point (apmm_model_get_default (), ids[i]) == NULL)
            {
              i++;
              continue;
            }
          gtk_list_box_append (self->entry_point_list, make_offer_row (self, ids, &i, pickable));
        }

      g_strfreev (self->shown_entry_points);
      self->shown_entry_points = g_strdupv ((char **) ids);
    }

  sync_picks (self);
}

static GtkWidget *
make_uncovered_row (ApmmRoadmapPage *self,
                    const ApmmGap   *gap)
{
  const ApmmCriterion *criterion = gap->criterion;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add Action"));
  GtkWidget *icon;
  g_autofree char *subtitle = NULL;
  g_autofree char *tooltip = NULL;

  /* Translators: "Level 3 · AI Reliable · Not met". */
  subtitle = g_strdup_printf (_("Level %u · %s · %s"), criterion->level,
                              apmm_model_get_level (apmm_model_get_default (), criterion->level)->name,
                              apmm_status_get_label (gap->status));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), criterion->title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  tooltip = g_strdup_printf (_("Add an action that closes “%s”"), criterion->title);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), "criterion-id", g_strdup (criterion->id), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (add_for_gap_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
sync_uncovered (ApmmRoadmapPage *self)
{
  g_auto(GStrv) uncovered = apmm_roadmap_dup_uncovered (self->session, self->assessment);
  guint n = apmm_assessment_get_n_gaps (self->assessment);
  gboolean any = uncovered[0] != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->uncovered_list), any);
  gtk_widget_set_visible (self->uncovered_done_label, !any);
  gtk_widget_set_sensitive (self->draft_button, any);
  if (strv_same (self->shown_uncovered, (const char * const *) uncovered))
    return;

  clear_list (self->uncovered_list);
  for (guint i = 0; i < n; i++)
    {
      const ApmmGap *gap = apmm_assessment_get_gap (self->assessment, i);

      if (g_strv_contains ((const char * const *) uncovered, gap->criterion->id))
        gtk_list_box_append (self->uncovered_list, make_uncovered_row (self, gap));
    }

  g_strfreev (self->shown_uncovered);
  self->shown_uncovered = g_steal_pointer (&uncovered);
}

static void
remove_all_rows (ApmmRoadmapPage *self)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    {
      gtk_list_box_remove (self->action_list, row);
      g_hash_table_iter_remove (&iter);
    }
}

/* About what the first view of the page shows. */
#define EAGER_ROWS 4

/* Rows are kept per action and re-sorted rather than rebuilt, so that typing
 * into an action or moving it keeps the focus where it is. A row whose
 * action did not change is left alone (apmm_action_row_update). */
static void
sync_actions (ApmmRoadmapPage *self)
{
  guint n = apmm_session_get_n_actions (self->session);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer id, row;
  gboolean moved = FALSE;

  for (guint i = 0; i < n; i++)
    {
      const ApmmAction *action = apmm_session_get_action (self->session, i);

      row = g_hash_table_lookup (self->rows, action->id);
      if (row == NULL)
        {
          /* The first rows are made at once; after them, each row is made
           * when it first comes near the view (apmm-list-culling.h), so a
           * roadmap of hundreds of actions opens as fast as a short one. */
          if (g_hash_table_size (self->rows) < EAGER_ROWS)
            row = apmm_action_row_new (self->session, action->id);
          else
            row = apmm_action_row_new_lazy (self->session, action->id);
          gtk_list_box_append (self->action_list, row);
          g_hash_table_insert (self->rows, g_strdup (action->id), row);
          moved = TRUE;
        }
      else if (apmm_action_row_get_position (APMM_ACTION_ROW (row)) != i)
        moved = TRUE;
      apmm_action_row_update (APMM_ACTION_ROW (row), action, i, n);
      g_hash_table_add (seen, action->id);
    }

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &id, &row))
    {
      if (g_hash_table_contains (seen, id))
        continue;
      gtk_list_box_remove (self->action_list, row);
      g_hash_table_iter_remove (&iter);
    }

  /* Typing into an action moves nothing: the list is sorted again only
   * when a row was added or moved. */
  if (moved)
    gtk_list_box_invalidate_sort (self->action_list);
}

/* The stack is the template's root, which the bin owns: it is not bound, so
 * that disposing the template and the bin do not both release it. */
static void
show_view (ApmmRoadmapPage *self,
           const char      *name)
{
  gtk_stack_set_visible_child_name (GTK_STACK (adw_bin_get_child (ADW_BIN (self))), name);
}

static void
apmm_roadmap_page_refresh (ApmmRoadmapPage *self)
{
  g_clear_pointer (&self->assessment, apmm_assessment_unref);

  if (self->session == NULL)
    {
      remove_all_rows (self);
      show_view (self, "empty");
      return;
    }

  self->assessment = apmm_assessment_ref (apmm_document_get_assessment (self->document));
  self->verdict_stale = self->actions_stale = FALSE;
  sync_entry_points (self);
  sync_actions (self);
  sync_uncovered (self);
  show_view (self, "roadmap");
}

/* A page the window has shown and then hidden is realized but not mapped:
 * it catches up when it is shown again. A page never shown (in a test, or
 * not yet in a window) follows at once. */
static gboolean
out_of_view (ApmmRoadmapPage *self)
{
  return gtk_widget_get_realized (GTK_WIDGET (self)) && !gtk_widget_get_mapped (GTK_WIDGET (self));
}

static void
sync_verdict (ApmmRoadmapPage *self)
{
  self->verdict_stale = FALSE;
  g_clear_pointer (&self->assessment, apmm_assessment_unref);
  self->assessment = apmm_assessment_ref (apmm_document_get_assessment (self->document));
  sync_entry_points (self);
  sync_uncovered (self);
}

/* A new verdict (after any change, a keystroke in a note too) moves only
 * the entry points and the uncovered gaps: the action rows do not show it. */
static void
assessment_changed_cb (ApmmRoadmapPage *self)
{
  if (self->session == NULL || self->document == NULL)
    apmm_roadmap_page_refresh (self);
  else if (out_of_view (self))
    self->verdict_stale = TRUE;
  else
    sync_verdict (self);
}

/* Before the new verdict: a new action's row exists when its insertion returns. */
static void
roadmap_changed_cb (ApmmRoadmapPage *self)
{
  if (out_of_view (self))
    self->actions_stale = TRUE;
  else
    {
      self->actions_stale = FALSE;
      sync_actions (self);
    }
}

static void
apmm_roadmap_page_map (GtkWidget *widget)
{
  ApmmRoadmapPage *self = APMM_ROADMAP_PAGE (widget);

  if (self->session != NULL && self->actions_stale)
    {
      self->actions_stale = FALSE;
      sync_actions (self);
    }
  if (self->session != NULL && self->document != NULL && self->verdict_stale)
    sync_verdict (self);

  GTK_WIDGET_CLASS (apmm_roadmap_page_parent_class)->map (widget);
}

static void
draft_clicked_cb (ApmmRoadmapPage *self)
{
  ApmmHistory *history;

  if (self->document == NULL)
    return;

  if (!has_room_for (self, MAX (apmm_assessment_get_n_gaps (self->assessment), 1)))
    return;

  /* One click, one undo step, however many actions it drafts. */
  history = apmm_document_get_history (self->document);
  apmm_history_begin_batch (history, _("Draft from Gaps"));
  apmm_roadmap_draft_from_gaps (self->session, apmm_model_get_default ());
  apmm_history_end_batch (history);
}

static void
add_clicked_cb (ApmmRoadmapPage *self)
{
  g_autofree char *id = NULL;
  g_autoptr(ApmmAction) action = NULL;

  if (self->session == NULL)
    return;

  id = apmm_session_new_action_id (self->session);
  action = apmm_action_new (id, _("New action"));
  append_action (self, action);
}

static void
apmm_roadmap_page_dispose (GObject *object)
{
  ApmmRoadmapPage *self = (ApmmRoadmapPage *)object;

  apmm_roadmap_page_set_document (self, NULL);
  g_clear_object (&self->document_signals);
  g_clear_pointer (&self->assessment, apmm_assessment_unref);
  if (self->rows != NULL)
    g_hash_table_remove_all (self->rows);
  gtk_widget_dispose_template (GTK_WIDGET (self), APMM_TYPE_ROADMAP_PAGE);

  G_OBJECT_CLASS (apmm_roadmap_page_parent_class)->dispose (object);
}

static void
apmm_roadmap_page_finalize (GObject *object)
{
  ApmmRoadmapPage *self = (ApmmRoadmapPage *)object;

  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->shown_entry_points, g_strfreev);
  g_clear_pointer (&self->shown_uncovered, g_strfreev);
  g_clear_pointer (&self->pick_buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (apmm_roadmap_page_parent_class)->finalize (object);
}

static void
apmm_roadmap_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ApmmRoadmapPage *self = APMM_ROADMAP_PAGE (object);

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
apmm_roadmap_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ApmmRoadmapPage *self = APMM_ROADMAP_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      apmm_roadmap_page_set_session (self, g_value_get_object (value));
      break;

    case PROP_DOCUMENT:
      apmm_roadmap_page_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
apmm_roadmap_page_class_init (ApmmRoadmapPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->map = apmm_roadmap_page_map;

  object_class->dispose = apmm_roadmap_page_dispose;
  object_class->finalize = apmm_roadmap_page_finalize;
  object_class->get_property = apmm_roadmap_page_get_property;
  object_class->set_property = apmm_roadmap_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         APMM_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         APMM_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (APMM_TYPE_SESSION_CAPTION);
  g_type_ensure (APMM_TYPE_HFW_BIN);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/apmm/Workshop/apmm-roadmap-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ApmmRoadmapPage, session_caption);
  gtk_widget_class_bind_template_child (widget_class, ApmmRoadmapPage, why_label);
  gtk_widget_class_bind_template_child (widget_class, ApmmRoadmapPage, why_detail_label);
  gtk_widget_class_bind_template_child (widget_class, ApmmRoadmapPage, entry_point_list);
  gtk_widget_class_bind_template_child (widget_class, ApmmRoadmapPage, stale_label);
  gtk_widget_class_bind_template_child (widget_class, ApmmRoadmapPage, draft_button);
  gtk_widget_class_bind_template_child (widget_class, ApmmRoadmapPage, action_list);
  gtk_widget_class_bind_template_child (widget_class, ApmmRoadmapPage, uncovered_list);
  gtk_widget_class_bind_template_child (widget_class, ApmmRoadmapPage, uncovered_done_label);
  gtk_widget_class_bind_template_callback (widget_class, draft_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
apmm_roadmap_page_init (ApmmRoadmapPage *self)
{
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pick_buttons = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  apmm_list_box_draw_rows_in_view (self->action_list);

  /* Ratings, gaps, the target and the actions all make a new verdict: the
   * page follows the document's. */
  self->document_signals = g_signal_group_new (APMM_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "notify::assessment",
                                 G_CALLBACK (assessment_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_box_set_sort_func (self->action_list, sort_rows, NULL, NULL);

  /* Under the page's title: which of a baseline's actions were done. */
  self->comparison_banner = apmm_comparison_banner_new (APMM_COMPARISON_BANNER_ROADMAP);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->why_label))),
                              self->comparison_banner,
                              gtk_widget_get_first_child (gtk_widget_get_parent (GTK_WIDGET (self->why_label))));

  apmm_roadmap_page_refresh (self);
}

GtkWidget *
apmm_roadmap_page_new (void)
{
  return g_object_new (APMM_TYPE_ROADMAP_PAGE, NULL);
}

ApmmSession *
apmm_roadmap_page_get_session (ApmmRoadmapPage *self)
{
  g_return_val_if_fail (APMM_IS_ROADMAP_PAGE (self), NULL);

  return self->session;
}

static void
bind_session (ApmmRoadmapPage *self,
                               ApmmSession     *session)
{
  static const ApmmSessionHandler handlers[] = {
    { "roadmap-changed", G_CALLBACK (roadmap_changed_cb) },
  };

  g_return_if_fail (APMM_IS_ROADMAP_PAGE (self));
  g_return_if_fail (session == NULL || APMM_IS_SESSION (session));

  if (self->session == session)
    return;

  /* Rows hold the session they edit: a new session gets new rows. */
  remove_all_rows (self);
  g_clear_pointer (&self->shown_entry_points, g_strfreev);
  g_clear_pointer (&self->shown_uncovered, g_strfreev);
  clear_list (self->entry_point_list);
  g_ptr_array_set_size (self->pick_buttons, 0);
  apmm_gui_bind_session (self, &self->session, session, handlers, G_N_ELEMENTS (handlers));
  apmm_session_caption_set_session (self->session_caption, session);
  apmm_comparison_banner_set_session (APMM_COMPARISON_BANNER (self->comparison_banner), session);
  apmm_roadmap_page_refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
apmm_roadmap_page_set_session (ApmmRoadmapPage *self,
                               ApmmSession *session)
{
  g_autoptr(ApmmDocument) document = NULL;

  g_return_if_fail (APMM_IS_ROADMAP_PAGE (self));
  g_return_if_fail (session == NULL || APMM_IS_SESSION (session));

  if (session == self->session && (session == NULL) == (self->document == NULL))
    return;

  /* A session on its own gets a document of its own, for its verdict. */
  document = apmm_gui_document_for_session (session);
  apmm_roadmap_page_set_document (self, document);
}

ApmmDocument *
apmm_roadmap_page_get_document (ApmmRoadmapPage *self)
{
  g_return_val_if_fail (APMM_IS_ROADMAP_PAGE (self), NULL);

  return self->document;
}

void
apmm_roadmap_page_set_document (ApmmRoadmapPage *self,
                                ApmmDocument *document)
{
  g_return_if_fail (APMM_IS_ROADMAP_PAGE (self));
  g_return_if_fail (document == NULL || APMM_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  g_signal_group_set_target (self->document_signals, document);
  bind_session (self, document != NULL ? apmm_document_get_session (document) : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}
