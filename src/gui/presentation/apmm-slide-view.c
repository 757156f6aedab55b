/* apmm-slide-view.c — one slide of a deck, drawn by the slide renderer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-slide-view"

#include "config.h"

#include "apmm-slide-view.h"

/* Smaller views draw a slide this tall and scale it down. */
#define PREVIEW_HEIGHT 720

struct _ApmmSlideView
{
  GtkWidget           parent_instance;

  ApmmSlideDeck      *deck;   /* not owned */
  int                 index;  /* -1: nothing (past the end) */
  ApmmSlideTheme      theme;
  ApmmSlideViewBlank  blank;
  char               *timer;
};

G_DEFINE_FINAL_TYPE (ApmmSlideView, apmm_slide_view, GTK_TYPE_WIDGET)

static void
apmm_slide_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  ApmmSlideView *self = APMM_SLIDE_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->blank != APMM_SLIDE_VIEW_SLIDE || self->deck == NULL || self->index < 0 ||
      (guint) self->index >= apmm_slide_deck_get_n_slides (self->deck))
    {
      double level = self->blank == APMM_SLIDE_VIEW_WHITE ? 1.0 : 0.0;

      cairo_set_source_rgb (cr, level, level, level);
      cairo_paint (cr);
    }
  else
    {
      /* A preview is the wall in miniature: drawn at a projector's height,
       * then scaled down, so it wraps and places things as the wall does. */
      double k = height < PREVIEW_HEIGHT ? (double) height / PREVIEW_HEIGHT : 1.0;

      cairo_save (cr);
      cairo_scale (cr, k, k);
      apmm_slide_render (cr, self->deck, self->index, self->theme,
                         (int) (width / k), (int) (height / k), NULL);
      cairo_restore (cr);
    }

  if (self->timer != NULL)
    apmm_slide_render_timer (cr, self->timer, self->theme, width, height, NULL);
  cairo_destroy (cr);
}

static void
apmm_slide_view_finalize (GObject *object)
{
  ApmmSlideView *self = APMM_SLIDE_VIEW (object);

  g_free (self->timer);

  G_OBJECT_CLASS (apmm_slide_view_parent_class)->finalize (object);
}

static void
apmm_slide_view_class_init (ApmmSlideViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = apmm_slide_view_finalize;
  widget_class->snapshot = apmm_slide_view_snapshot;
  gtk_widget_class_set_css_name (widget_class, "slideview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
apmm_slide_view_init (ApmmSlideView *self)
{
  self->index = -1;
}

GtkWidget *
apmm_slide_view_new (void)
{
  return g_object_new (APMM_TYPE_SLIDE_VIEW, NULL);
}

void
apmm_slide_view_set_slide (ApmmSlideView *self,
                           ApmmSlideDeck *deck,
                           int            index)
{
  g_return_if_fail (APMM_IS_SLIDE_VIEW (self));

  self->deck = deck;
  self->index = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
apmm_slide_view_set_theme (ApmmSlideView  *self,
                           ApmmSlideTheme  theme)
{
  g_return_if_fail (APMM_IS_SLIDE_VIEW (self));

  if (self->theme == theme)
    return;
  self->theme = theme;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
apmm_slide_view_set_blank (ApmmSlideView      *self,
                           ApmmSlideViewBlank  blank)
{
  g_return_if_fail (APMM_IS_SLIDE_VIEW (self));

  if (self->blank == blank)
    return;
  self->blank = blank;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
apmm_slide_view_set_timer (ApmmSlideView *self,
                           const char    *text)
{
  g_return_if_fail (APMM_IS_SLIDE_VIEW (self));

  if (g_strcmp0 (self->timer, text) == 0)
    return;
  g_free (self->timer);
  self->timer = g_strdup (text);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
