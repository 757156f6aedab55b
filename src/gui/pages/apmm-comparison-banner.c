/* apmm-comparison-banner.c — what moved since the baseline, on the Gap Map and the Roadmap
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-comparison-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "apmm-comparison-banner.h"
#include "apmm-compare.h"
#include "apmm-gui-utils.h"

struct _ApmmComparisonBanner
{
  GtkBox                    parent_instance;

  ApmmComparisonBannerKind  kind;
  ApmmSession              *session;
  GtkWidget                *heading;
  GtkWidget                *lines;
};

G_DEFINE_FINAL_TYPE (ApmmComparisonBanner, apmm_comparison_banner, GTK_TYPE_BOX)

static void
add_line (ApmmComparisonBanner *self,
          const char           *text,
          const char           *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (self->lines), label);
}

/* "Closed (6): Rollback procedure, Output monitoring, …" */
static void
add_criteria_line (ApmmComparisonBanner *self,
                   gboolean              closed,
                   const char * const   *ids)
{
  ApmmModel *model = apmm_model_get_default ();
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; ids[i] != NULL; i++)
    g_ptr_array_add (titles, (gpointer) apmm_model_lookup_criterion (model, ids[i])->title);
  if (titles->len == 0)
    return;
  g_ptr_array_add (titles, NULL);
  joined = g_strjoinv (", ", (char **) titles->pdata);
  if (closed)
    /* Translators: the number of gaps closed since the baseline, then their names. */
    text = g_strdup_printf (_("Closed (%u): %s"), titles->len - 1, joined);
  else
    /* Translators: the number of new gaps since the baseline, then their names. */
    text = g_strdup_printf (_("New (%u): %s"), titles->len - 1, joined);
  add_line (self, text, closed ? "status-up" : "status-down");
}

static void
fill_gaps (ApmmComparisonBanner *self,
           ApmmComparison       *comparison)
{
  const char * const *closed = apmm_comparison_get_gaps_closed (comparison);
  const char * const *opened = apmm_comparison_get_gaps_opened (comparison);

  add_criteria_line (self, TRUE, closed);
  add_criteria_line (self, FALSE, opened);
  if (closed[0] == NULL && opened[0] == NULL)
    add_line (self, _("No gap was closed or opened."), "dim-label");
}

static void
fill_roadmap (ApmmComparisonBanner *self,
              ApmmComparison       *comparison)
{
  ApmmBaseline *baseline = apmm_comparison_get_baseline (comparison);
  guint n = apmm_baseline_get_n_actions (baseline);
  g_autofree char *summary = NULL;

  if (n == 0)
    {
      add_line (self, _("The earlier session had no roadmap actions."), "dim-label");
      return;
    }

  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u earlier action done:",
                                          "%u of %u earlier actions done:", n),
                             apmm_comparison_get_n_actions_done (comparison), n);
  add_line (self, summary, NULL);
  for (guint i = 0; i < n; i++)
    {
      const ApmmAction *action = apmm_baseline_get_action (baseline, i);
      gboolean done = apmm_comparison_is_action_done (comparison, action->id);
      g_autofree char *text = NULL;

      /* Translators: an earlier roadmap action, marked done (✓) or not yet (○). */
      text = g_strdup_printf (done ? _("✓ %s") : _("○ %s"),
                              action->title[0] != '\0' ? action->title : action->id);
      add_line (self, text, done ? "status-up" : "dim-label");
    }
}

static void
update (ApmmComparisonBanner *self)
{
  ApmmBaseline *baseline = self->session != NULL ? apmm_session_get_baseline (self->session) : NULL;
  g_autoptr(ApmmComparison) comparison = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *movement = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->lines)) != NULL)
    gtk_box_remove (GTK_BOX (self->lines), child);

  gtk_widget_set_visible (GTK_WIDGET (self), baseline != NULL);
  if (baseline == NULL)
    return;

  comparison = apmm_comparison_new (baseline, self->session, apmm_model_get_default ());
  movement = apmm_comparison_dup_movement_label (comparison);
  /* Translators: the heading of the comparison card, e.g.
   * "Compared with 2026-03-12 · evidence level +1 since 2026-03-12". */
  if (apmm_baseline_get_date (baseline)[0] != '\0')
    heading = g_strdup_printf (_("Compared with the session of %s · evidence level %s"),
                               apmm_baseline_get_date (baseline), movement);
  else
    heading = g_strdup_printf (_("Compared with an earlier session · evidence level %s"), movement);
  gtk_label_set_label (GTK_LABEL (self->heading), heading);

  if (self->kind == APMM_COMPARISON_BANNER_GAPS)
    fill_gaps (self, comparison);
  else
    fill_roadmap (self, comparison);
}

static void
session_changed_cb (ApmmComparisonBanner *self)
{
  update (self);
}

static void
apmm_comparison_banner_dispose (GObject *object)
{
  apmm_comparison_banner_set_session (APMM_COMPARISON_BANNER (object), NULL);

  G_OBJECT_CLASS (apmm_comparison_banner_parent_class)->dispose (object);
}

static void
apmm_comparison_banner_class_init (ApmmComparisonBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = apmm_comparison_banner_dispose;
}

static void
apmm_comparison_banner_init (ApmmComparisonBanner *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "comparison-banner");

  self->heading = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->heading), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->heading), 0);
  gtk_widget_add_css_class (self->heading, "heading");
  self->lines = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_box_append (GTK_BOX (self), self->heading);
  gtk_box_append (GTK_BOX (self), self->lines);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
apmm_comparison_banner_new (ApmmComparisonBannerKind kind)
{
  ApmmComparisonBanner *self = g_object_new (APMM_TYPE_COMPARISON_BANNER, NULL);

  self->kind = kind;

  return GTK_WIDGET (self);
}

void
apmm_comparison_banner_set_session (ApmmComparisonBanner *self,
                                    ApmmSession          *session)
{
  /* Any change may move the comparison: one recomputation per edit. */
  static const ApmmSessionHandler handlers[] = {
    { "changed", G_CALLBACK (session_changed_cb) },
    { "notify::baseline", G_CALLBACK (session_changed_cb) },
  };

  g_return_if_fail (APMM_IS_COMPARISON_BANNER (self));

  if (apmm_gui_bind_session (self, &self->session, session, handlers, G_N_ELEMENTS (handlers)))
    update (self);
}
