/* apmm-result-strip.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-result-strip"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "apmm-wrap-box.h"
#include "apmm-assessment.h"
#include "apmm-gui-utils.h"
#include "apmm-hfw-bin.h"
#include "apmm-result-strip.h"

struct _ApmmResultStrip
{
  AdwBin       parent_instance;

  /* The strip shows the document's verdict and follows it. */
  ApmmDocument *document;
  GSignalGroup *document_signals;

  GtkLabel    *evidence_label;
  GtkLabel    *perceived_label;
  GtkWidget   *hidden_box;
  GtkWidget   *sections_box;
  GtkLabel    *hidden_label;
  GtkLabel    *overestimation_label;
  GtkLabel    *inconclusive_label;
  GtkLevelBar *progress_bar;
  GtkLabel    *progress_label;
  GtkWidget   *progress_box;
};

G_DEFINE_FINAL_TYPE (ApmmResultStrip, apmm_result_strip, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_level (guint level)
{
  const ApmmLevel *info = apmm_model_get_level (apmm_model_get_default (), level);

  /* Translators: a maturity level, e.g. "Level 2 · AI Active". */
  return g_strdup_printf (_("Level %u · %s"), level, info->name);
}

static void
update_perceived (ApmmResultStrip *self,
                  ApmmAssessment  *assessment)
{
  gboolean hidden = apmm_assessment_get_votes_hidden (assessment);
  guint perceived;
  int over;

  /* While the votes are hidden nothing on the strip may hint at them, not even
   * the overestimation sentence, or the room would anchor on it. */
  gtk_widget_set_visible (self->hidden_box, hidden);
  gtk_widget_set_visible (GTK_WIDGET (self->perceived_label), !hidden);
  gtk_widget_set_visible (GTK_WIDGET (self->overestimation_label), !hidden);
  if (hidden)
    {
      guint total = apmm_assessment_get_votes (assessment, NULL);
      g_autofree char *text = g_strdup_printf (ngettext ("Votes hidden — %u cast",
                                                         "Votes hidden — %u cast", total),
                                               total);
      gtk_label_set_text (self->hidden_label, text);
      gtk_label_set_text (self->perceived_label, "");
      gtk_label_set_text (self->overestimation_label, "");
      return;
    }

  if (apmm_assessment_get_perceived_level (assessment, &perceived))
    {
      g_autofree char *text = format_level (perceived);
      gtk_label_set_text (self->perceived_label, text);
    }
  else
    gtk_label_set_text (self->perceived_label, _("No votes yet"));

  if (!apmm_assessment_get_assessed (assessment))
    gtk_label_set_text (self->overestimation_label,
                        _("Not assessed yet: rate the entry criteria below to see the evidence level"));
  else if (apmm_assessment_get_overestimation (assessment, &over))
    {
      g_autofree char *text = apmm_assessment_describe_overestimation (over);

      /* The source's headline fact, where the room is caught overestimating. */
      if (over > 0)
        {
          g_autofree char *fact = g_strdup_printf ("%s. %s", text,
                                                   _("Most organisations overestimate their maturity by at least one level."));
          gtk_label_set_text (self->overestimation_label, fact);
        }
      else
        gtk_label_set_text (self->overestimation_label, text);
    }
  else
    gtk_label_set_text (self->overestimation_label,
                        _("Take the room's vote to compare how it feels with the evidence"));
}

static char *
describe_inconclusive (guint unknown,
                       guint level)
{
  const ApmmEntryPoint *sprint = apmm_model_lookup_entry_point (apmm_model_get_default (),
                                                                "diagnostic-sprint");

  return g_strdup_printf (ngettext ("Inconclusive: %u criterion of level %u is unknown — recommend the %s",
                                    "Inconclusive: %u criteria of level %u are unknown — recommend the %s",
                                    unknown),
                          unknown, level, sprint ? sprint->name : "");
}

static void
update_inconclusive (ApmmResultStrip *self,
                     ApmmAssessment  *assessment)
{
  guint evidence = apmm_assessment_get_evidence_level (assessment);
  guint next = MIN (evidence + 1, APMM_MAX_LEVEL);
  g_autofree char *text = NULL;

  /* The line keeps its place when it empties, so the strip does not change
   * height under the pointer while the room rates: it keeps a sentence of
   * the same kind, laid out but not drawn. */
  if (!apmm_assessment_get_assessed (assessment) ||
      !apmm_assessment_get_inconclusive (assessment) || evidence >= APMM_MAX_LEVEL)
    {
      text = describe_inconclusive (apmm_model_get_level (apmm_model_get_default (), next)->n_criteria,
                                    next);
      gtk_label_set_text (self->inconclusive_label, text);
      gtk_widget_set_child_visible (GTK_WIDGET (self->inconclusive_label), FALSE);
      return;
    }

  text = describe_inconclusive (apmm_assessment_get_n_unknown (assessment, evidence + 1), evidence + 1);
  gtk_label_set_text (self->inconclusive_label, text);
  gtk_widget_set_child_visible (GTK_WIDGET (self->inconclusive_label), TRUE);
}

/* A level bar shows only a value: its name says what the value measures. */
static void
set_progress_name (GtkLevelBar *bar,
                   const char  *name)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

static void
update_progress (ApmmResultStrip *self,
                 ApmmAssessment  *assessment)
{
  guint evidence = apmm_assessment_get_evidence_level (assessment);
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  double progress;

  gtk_widget_set_visible (self->progress_box, apmm_assessment_get_assessed (assessment));
  if (!apmm_assessment_get_next_level_progress (assessment, &progress))
    {
      set_progress_name (self->progress_bar, _("Progress towards level 4"));
      gtk_level_bar_set_value (self->progress_bar, 1.0);
      gtk_label_set_text (self->progress_label, _("Level 4 reached: every criterion is met"));
      return;
    }

  text = apmm_result_strip_describe_progress (assessment);
  /* Translators: the accessible name of the progress bar, e.g. "Progress towards level 3". */
  name = g_strdup_printf (_("Progress towards level %u"), evidence + 1);
  set_progress_name (self->progress_bar, name);
  gtk_level_bar_set_value (self->progress_bar, CLAMP (progress, 0.0, 1.0));
  gtk_label_set_text (self->progress_label, text);
}

static void
apmm_result_strip_update (ApmmResultStrip *self)
{
  g_autoptr(ApmmAssessment) assessment = NULL;
  g_autofree char *evidence = NULL;

  gtk_widget_set_visible (adw_bin_get_child (ADW_BIN (self)), self->document != NULL);
  if (self->document == NULL)
    return;

  /* The strip is on the projector: it shows the public view. */
  assessment = apmm_assessment_dup_public (apmm_document_get_assessment (self->document));
  if (apmm_assessment_get_assessed (assessment))
    evidence = format_level (apmm_assessment_get_evidence_level (assessment));
  else
    evidence = g_strdup (_("Not assessed yet"));
  gtk_label_set_text (self->evidence_label, evidence);

  update_perceived (self, assessment);
  update_inconclusive (self, assessment);
  update_progress (self, assessment);
}

static void
reveal_clicked_cb (ApmmResultStrip *self)
{
  if (self->document != NULL)
    apmm_session_set_votes_hidden (apmm_document_get_session (self->document), FALSE);
}

static void
apmm_result_strip_dispose (GObject *object)
{
  ApmmResultStrip *self = (ApmmResultStrip *)object;

  apmm_result_strip_set_document (self, NULL);
  g_clear_object (&self->document_signals);

  G_OBJECT_CLASS (apmm_result_strip_parent_class)->dispose (object);
}

static void
apmm_result_strip_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ApmmResultStrip *self = APMM_RESULT_STRIP (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, apmm_result_strip_get_session (self));
      break;

    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
apmm_result_strip_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ApmmResultStrip *self = APMM_RESULT_STRIP (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      apmm_result_strip_set_session (self, g_value_get_object (value));
      break;

    case PROP_DOCUMENT:
      apmm_result_strip_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
apmm_result_strip_class_init (ApmmResultStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = apmm_result_strip_dispose;
  object_class->get_property = apmm_result_strip_get_property;
  object_class->set_property = apmm_result_strip_set_property;

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
  g_type_ensure (APMM_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/apmm/Workshop/apmm-result-strip.ui");
  gtk_widget_class_bind_template_child (widget_class, ApmmResultStrip, evidence_label);
  gtk_widget_class_bind_template_child (widget_class, ApmmResultStrip, perceived_label);
  gtk_widget_class_bind_template_child (widget_class, ApmmResultStrip, hidden_box);
  gtk_widget_class_bind_template_child (widget_class, ApmmResultStrip, hidden_label);
  gtk_widget_class_bind_template_child (widget_class, ApmmResultStrip, overestimation_label);
  gtk_widget_class_bind_template_child (widget_class, ApmmResultStrip, inconclusive_label);
  gtk_widget_class_bind_template_child (widget_class, ApmmResultStrip, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ApmmResultStrip, sections_box);
  gtk_widget_class_bind_template_child (widget_class, ApmmResultStrip, progress_label);
  gtk_widget_class_bind_template_child (widget_class, ApmmResultStrip, progress_box);
  gtk_widget_class_bind_template_callback (widget_class, reveal_clicked_cb);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
apmm_result_strip_init (ApmmResultStrip *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* One new verdict per change, computed once by the document. */
  self->document_signals = g_signal_group_new (APMM_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "notify::assessment",
                                 G_CALLBACK (apmm_result_strip_update), self, G_CONNECT_SWAPPED);

  apmm_result_strip_update (self);
}

GtkWidget *
apmm_result_strip_new (void)
{
  return g_object_new (APMM_TYPE_RESULT_STRIP, NULL);
}

ApmmSession *
apmm_result_strip_get_session (ApmmResultStrip *self)
{
  g_return_val_if_fail (APMM_IS_RESULT_STRIP (self), NULL);

  return self->document != NULL ? apmm_document_get_session (self->document) : NULL;
}

void
apmm_result_strip_set_session (ApmmResultStrip *self,
                               ApmmSession     *session)
{
  g_autoptr(ApmmDocument) document = NULL;

  g_return_if_fail (APMM_IS_RESULT_STRIP (self));
  g_return_if_fail (session == NULL || APMM_IS_SESSION (session));

  if (session == apmm_result_strip_get_session (self))
    return;

  document = apmm_gui_document_for_session (session);
  apmm_result_strip_set_document (self, document);
}

ApmmDocument *
apmm_result_strip_get_document (ApmmResultStrip *self)
{
  g_return_val_if_fail (APMM_IS_RESULT_STRIP (self), NULL);

  return self->document;
}

void
apmm_result_strip_set_document (ApmmResultStrip *self,
                                ApmmDocument    *document)
{
  g_return_if_fail (APMM_IS_RESULT_STRIP (self));
  g_return_if_fail (document == NULL || APMM_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  g_signal_group_set_target (self->document_signals, document);
  apmm_result_strip_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * apmm_result_strip_describe_progress:
 * @assessment: an assessment
 *
 * Says what the next-level progress counts, "1 of 7 level 3 criteria met,
 * 2 partly", rather than a percentage that hides how partly met criteria
 * are weighed.
 *
 * Returns: (transfer full): the sentence; at level 4, that it is reached
 */
char *
apmm_result_strip_describe_progress (ApmmAssessment *assessment)
{
  guint met, partly, total;

  if (!apmm_assessment_get_next_level_counts (assessment, &met, &partly, &total))
    return g_strdup (_("Level 4 reached: every criterion is met"));

  if (partly == 0)
    /* Translators: "1 of 7 level 3 criteria met"; the plural follows the total. */
    return g_strdup_printf (ngettext ("%u of %u level %u criterion met",
                                      "%u of %u level %u criteria met", total),
                            met, total, apmm_assessment_get_evidence_level (assessment) + 1);

  /* Translators: "1 of 7 level 3 criteria met, 2 partly"; the plural follows the total. */
  return g_strdup_printf (ngettext ("%u of %u level %u criterion met, %u partly",
                                    "%u of %u level %u criteria met, %u partly", total),
                          met, total, apmm_assessment_get_evidence_level (assessment) + 1, partly);
}
