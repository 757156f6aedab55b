/* apmm-criterion-marks.c — what moved since the baseline, and what the groups dispute, for one criterion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-criterion-marks"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "apmm-compare.h"
#include "apmm-criterion-marks.h"
#include "apmm-gui-utils.h"
#include "apmm-wrap-box.h"

struct _ApmmCriterionMarks
{
  AdwPreferencesRow  parent_instance;

  ApmmSession   *session;
  char          *criterion_id;
  gboolean       changed;
  gboolean       disputed;
  gboolean       filtered;

  GtkWidget     *box;
  GtkWidget     *changed_label;
  GtkWidget     *dispute_box;
};

G_DEFINE_FINAL_TYPE (ApmmCriterionMarks, apmm_criterion_marks, ADW_TYPE_PREFERENCES_ROW)

#define STATUS_KEY "apmm-status"

static const char *
status_class (ApmmStatus status)
{
  static const char * const classes[] = {
    "status-unknown", "status-not-met", "status-partly", "status-met",
  };

  return classes[status];
}

static GtkWidget *
status_pill (ApmmStatus status)
{
  GtkWidget *pill = gtk_label_new (apmm_status_get_label (status));

  gtk_widget_set_halign (pill, GTK_ALIGN_START);
  gtk_widget_add_css_class (pill, "gap-status");
  gtk_widget_add_css_class (pill, status_class (status));

  return pill;
}

/* One group's card: its name, its status and its note. */
static GtkWidget *
group_card (const ApmmGroupRating *rating)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *name = NULL;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "group-card");
  gtk_widget_set_hexpand (card, TRUE);
  gtk_box_append (GTK_BOX (card), apmm_gui_wrapped_label (rating->group, "heading"));
  gtk_box_append (GTK_BOX (card), status_pill (rating->status));
  if (rating->note[0] != '\0')
    gtk_box_append (GTK_BOX (card), apmm_gui_wrapped_label (rating->note, NULL));

  /* Translators: a group's view of a disputed criterion, for screen readers,
   * e.g. "it-ops: Partly". */
  name = g_strdup_printf (_("%s: %s"), rating->group, apmm_status_get_label (rating->status));
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  return card;
}

static void
settle_clicked_cb (GtkButton          *button,
                   ApmmCriterionMarks *self)
{
  ApmmStatus status = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), STATUS_KEY));

  if (self->session != NULL && self->disputed)
    apmm_session_settle_dispute (self->session, self->criterion_id, status);
}

/* In a wrap box, so that a narrow window folds the buttons onto more lines. */
static GtkWidget *
settle_buttons (ApmmCriterionMarks *self)
{
  static const ApmmStatus order[] = {
    APMM_STATUS_MET, APMM_STATUS_PARTLY, APMM_STATUS_NOT_MET, APMM_STATUS_UNKNOWN,
  };
  GtkWidget *box = apmm_wrap_box_new ();
  GtkWidget *label = gtk_label_new (_("Settle as"));

  g_object_set (box, "min-children-per-line", 1, "max-children-per-line", 5,
                "column-spacing", 6, "row-spacing", 6, NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  apmm_wrap_box_append (APMM_WRAP_BOX (box), label);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      GtkWidget *button = gtk_button_new_with_label (apmm_status_get_label (order[i]));
      g_autofree char *name = NULL;

      /* Translators: a button that settles a disputed criterion, e.g. "Settle as Met". */
      name = g_strdup_printf (_("Settle as %s"), apmm_status_get_label (order[i]));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data (G_OBJECT (button), STATUS_KEY, GUINT_TO_POINTER (order[i]));
      g_signal_connect (button, "clicked", G_CALLBACK (settle_clicked_cb), self);
      apmm_wrap_box_append (APMM_WRAP_BOX (box), button);
    }

  return box;
}

static void
rebuild_dispute (ApmmCriterionMarks *self)
{
  ApmmDisputes *disputes = self->session != NULL ? apmm_session_get_disputes (self->session) : NULL;
  GtkWidget *child, *groups;
  guint n = apmm_disputes_get_n_groups (disputes, self->criterion_id);

  while ((child = gtk_widget_get_first_child (self->dispute_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->dispute_box), child);

  self->disputed = n > 0;
  gtk_widget_set_visible (self->dispute_box, self->disputed);
  if (!self->disputed)
    return;

  gtk_box_append (GTK_BOX (self->dispute_box),
                  apmm_gui_wrapped_label (_("Disputed: the groups rated this differently"), "dispute-heading"));
  /* Side by side; the wrap box folds them into fewer columns on a narrow
   * window and, unlike a flow box, keeps Tab out of the cards. */
  groups = apmm_wrap_box_new ();
  g_object_set (groups, "min-children-per-line", 1, "max-children-per-line", MIN (n, 4),
                "column-spacing", 8, "row-spacing", 8, NULL);
  for (guint i = 0; i < n; i++)
    apmm_wrap_box_append (APMM_WRAP_BOX (groups),
                          group_card (apmm_disputes_get_group (disputes, self->criterion_id, i)));
  gtk_box_append (GTK_BOX (self->dispute_box), groups);
  gtk_box_append (GTK_BOX (self->dispute_box), settle_buttons (self));
}

static void
update_changed (ApmmCriterionMarks *self)
{
  ApmmBaseline *baseline = self->session != NULL ? apmm_session_get_baseline (self->session) : NULL;
  ApmmStatus then, now;
  g_autofree char *text = NULL;

  self->changed = FALSE;
  if (baseline != NULL)
    {
      then = apmm_baseline_get_status (baseline, self->criterion_id);
      now = apmm_session_get_status (self->session, self->criterion_id);
      self->changed = then != now;
      if (apmm_baseline_get_date (baseline)[0] != '\0')
        /* Translators: the status a criterion had at the baseline, e.g.
         * "Changed: was Partly on 2026-03-12". */
        text = g_strdup_printf (_("Changed: was %s on %s"), apmm_status_get_label (then),
                                apmm_baseline_get_date (baseline));
      else
        text = g_strdup_printf (_("Changed: was %s at the baseline"), apmm_status_get_label (then));
      gtk_label_set_label (GTK_LABEL (self->changed_label), text);
      gtk_widget_remove_css_class (self->changed_label, "status-up");
      gtk_widget_remove_css_class (self->changed_label, "status-down");
      gtk_widget_add_css_class (self->changed_label, now > then ? "status-up" : "status-down");
    }
  gtk_widget_set_visible (self->changed_label, self->changed);
}

static void
update (ApmmCriterionMarks *self)
{
  update_changed (self);
  rebuild_dispute (self);
  gtk_widget_set_visible (GTK_WIDGET (self), !self->filtered && (self->changed || self->disputed));
}

static void
rating_changed_cb (ApmmCriterionMarks *self,
                   const char         *criterion_id)
{
  if (g_strcmp0 (criterion_id, self->criterion_id) == 0)
    update_changed (self);
  gtk_widget_set_visible (GTK_WIDGET (self), !self->filtered && (self->changed || self->disputed));
}

static void
comparison_changed_cb (ApmmCriterionMarks *self)
{
  update (self);
}

static void
apmm_criterion_marks_dispose (GObject *object)
{
  ApmmCriterionMarks *self = APMM_CRITERION_MARKS (object);

  apmm_criterion_marks_set_session (self, NULL);

  G_OBJECT_CLASS (apmm_criterion_marks_parent_class)->dispose (object);
}

static void
apmm_criterion_marks_finalize (GObject *object)
{
  ApmmCriterionMarks *self = APMM_CRITERION_MARKS (object);

  g_free (self->criterion_id);

  G_OBJECT_CLASS (apmm_criterion_marks_parent_class)->finalize (object);
}

static void
apmm_criterion_marks_class_init (ApmmCriterionMarksClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = apmm_criterion_marks_dispose;
  object_class->finalize = apmm_criterion_marks_finalize;
}

static void
apmm_criterion_marks_init (ApmmCriterionMarks *self)
{
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "criterion-marks");

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_margin_top (self->box, 8);
  gtk_widget_set_margin_bottom (self->box, 12);
  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);
  self->changed_label = apmm_gui_wrapped_label ("", "criterion-changed");
  self->dispute_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_box_append (GTK_BOX (self->box), self->changed_label);
  gtk_box_append (GTK_BOX (self->box), self->dispute_box);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), self->box);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
apmm_criterion_marks_new (ApmmSession *session,
                          const char  *criterion_id)
{
  ApmmCriterionMarks *self;

  g_return_val_if_fail (session == NULL || APMM_IS_SESSION (session), NULL);
  g_return_val_if_fail (criterion_id != NULL, NULL);

  self = g_object_new (APMM_TYPE_CRITERION_MARKS, NULL);
  self->criterion_id = g_strdup (criterion_id);
  apmm_criterion_marks_set_session (self, session);

  return GTK_WIDGET (self);
}

void
apmm_criterion_marks_set_session (ApmmCriterionMarks *self,
                                  ApmmSession        *session)
{
  static const ApmmSessionHandler handlers[] = {
    { "rating-changed", G_CALLBACK (rating_changed_cb) },
    { "notify::baseline", G_CALLBACK (comparison_changed_cb) },
    { "notify::disputes", G_CALLBACK (comparison_changed_cb) },
  };

  g_return_if_fail (APMM_IS_CRITERION_MARKS (self));

  if (apmm_gui_bind_session (self, &self->session, session, handlers, G_N_ELEMENTS (handlers)))
    update (self);
}

const char *
apmm_criterion_marks_get_criterion_id (ApmmCriterionMarks *self)
{
  g_return_val_if_fail (APMM_IS_CRITERION_MARKS (self), NULL);

  return self->criterion_id;
}

gboolean
apmm_criterion_marks_is_changed (ApmmCriterionMarks *self)
{
  g_return_val_if_fail (APMM_IS_CRITERION_MARKS (self), FALSE);

  return self->changed;
}

gboolean
apmm_criterion_marks_is_disputed (ApmmCriterionMarks *self)
{
  g_return_val_if_fail (APMM_IS_CRITERION_MARKS (self), FALSE);

  return self->disputed;
}

void
apmm_criterion_marks_set_filtered (ApmmCriterionMarks *self,
                                   gboolean            filtered)
{
  g_return_if_fail (APMM_IS_CRITERION_MARKS (self));

  self->filtered = !!filtered;
  gtk_widget_set_visible (GTK_WIDGET (self), !self->filtered && (self->changed || self->disputed));
}
