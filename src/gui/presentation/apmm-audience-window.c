/* apmm-audience-window.c — the slides on the wall
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-audience-window"

#include "config.h"

#include <glib/gi18n.h>

#include "apmm-audience-window.h"
#include "apmm-presenter-console.h"

struct _ApmmAudienceWindow
{
  GtkWindow            parent_instance;

  ApmmSlideView       *view;
  GtkWindow           *parent;        /* weak */
  AdwViewStack        *stack;         /* weak */
  char                *return_page;
  ApmmSession         *session;
  ApmmSlideDeck       *deck;
  GtkWindow           *console;
  GdkMonitor          *monitor;       /* where the slides are shown, or NULL */

  int                  index;
  ApmmSlideViewBlank   blank;
  GString             *number;        /* digits typed before Return */

  gboolean             timer_shown;   /* on the wall */
  gboolean             timer_running;
  gint64               elapsed_us;    /* before started_us */
  gint64               started_us;
  int                  segment;       /* index in agenda, -1 for none */
  GPtrArray           *agenda;
  guint                tick_id;
};

G_DEFINE_FINAL_TYPE (ApmmAudienceWindow, apmm_audience_window, GTK_TYPE_WINDOW)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* --- State ------------------------------------------------------------------ */

static ApmmSlideTheme
current_theme (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ())
         ? APMM_SLIDE_THEME_DARK : APMM_SLIDE_THEME_LIGHT;
}

static char *
format_seconds (gint64 seconds)
{
  return g_strdup_printf ("%d:%02d", (int) (seconds / 60), (int) (seconds % 60));
}

/* The segment a slide falls in: the last one starting at or before it. */
static int
segment_for_index (ApmmAudienceWindow *self,
                   int                 index)
{
  int found = -1, found_at = -1;

  for (guint i = 0; i < self->agenda->len; i++)
    {
      const ApmmAgendaSegment *segment = g_ptr_array_index (self->agenda, i);
      int at;

      if (segment->slide == NULL || (at = apmm_slide_deck_find (self->deck, segment->slide)) < 0)
        continue;
      if (at <= index && at >= found_at)
        {
          found = i;
          found_at = at;
        }
    }
  return found;
}

static void
update_title (ApmmAudienceWindow *self)
{
  g_autofree char *title = NULL;
  guint n = apmm_slide_deck_get_n_slides (self->deck);

  if (self->blank == APMM_SLIDE_VIEW_BLACK)
    title = g_strdup (_("Black screen"));
  else if (self->blank == APMM_SLIDE_VIEW_WHITE)
    title = g_strdup (_("White screen"));
  else if (self->index < 0 || (guint) self->index >= n)
    title = g_strdup (_("End of the presentation"));
  else
    /* TRANSLATORS: the audience window's title: "Slide 3 of 15: AI Active" */
    title = g_strdup_printf (_("Slide %d of %u: %s"), self->index + 1, n,
                             apmm_slide_deck_get_slide (self->deck, self->index)->title);
  gtk_window_set_title (GTK_WINDOW (self), title);

  /* The slide's words, for screen readers and test robots. */
  if (self->blank == APMM_SLIDE_VIEW_SLIDE && self->index >= 0 && (guint) self->index < n)
    {
      const ApmmSlide *slide = apmm_slide_deck_get_slide (self->deck, self->index);
      g_autofree char *label = g_strdup_printf ("%s. %s", slide->title, slide->lead != NULL ? slide->lead : "");

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

static void
update_timer_text (ApmmAudienceWindow *self)
{
  g_autofree char *text = NULL;

  if (self->timer_shown)
    text = format_seconds (apmm_audience_window_get_elapsed (self));
  apmm_slide_view_set_timer (self->view, text);
}

static void
refresh (ApmmAudienceWindow *self)
{
  int segment = segment_for_index (self, self->index);

  /* A new segment starts its own clock, running if the last one was. */
  if (segment != self->segment)
    {
      self->segment = segment;
      self->elapsed_us = 0;
      self->started_us = g_get_monotonic_time ();
    }
  apmm_slide_view_set_slide (self->view, self->deck, self->index);
  apmm_slide_view_set_blank (self->view, self->blank);
  apmm_slide_view_set_theme (self->view, current_theme ());
  update_timer_text (self);
  update_title (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
rebuild_deck (ApmmAudienceWindow *self)
{
  g_autofree char *id = NULL;
  ApmmSlideDeck *old = self->deck;
  int n;

  if (old != NULL && self->index >= 0 && (guint) self->index < apmm_slide_deck_get_n_slides (old))
    id = g_strdup (apmm_slide_deck_get_slide (old, self->index)->id);

  self->deck = apmm_slide_deck_new (self->session, apmm_model_get_default (), NULL);
  g_clear_pointer (&self->agenda, g_ptr_array_unref);
  self->agenda = apmm_presentation_dup_agenda (apmm_session_get_presentation (self->session));

  /* Stay on the same slide where it is still shown. */
  n = apmm_slide_deck_get_n_slides (self->deck);
  if (id != NULL && apmm_slide_deck_find (self->deck, id) >= 0)
    self->index = apmm_slide_deck_find (self->deck, id);
  else
    self->index = CLAMP (self->index, 0, MAX (n - 1, 0));

  refresh (self);
  g_clear_pointer (&old, apmm_slide_deck_free);
}

static gboolean
tick_cb (gpointer data)
{
  ApmmAudienceWindow *self = data;

  update_timer_text (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return G_SOURCE_CONTINUE;
}

static void
move (ApmmAudienceWindow *self,
      int                 delta)
{
  int n = apmm_slide_deck_get_n_slides (self->deck);

  /* A blank screen comes back first; the next key moves. */
  if (self->blank != APMM_SLIDE_VIEW_SLIDE)
    {
      apmm_audience_window_set_blank (self, APMM_SLIDE_VIEW_SLIDE);
      return;
    }
  apmm_audience_window_go_to (self, CLAMP (self->index + delta, 0, MAX (n - 1, 0)));
}

static void
toggle_blank (ApmmAudienceWindow *self,
              ApmmSlideViewBlank  blank)
{
  apmm_audience_window_set_blank (self, self->blank == blank ? APMM_SLIDE_VIEW_SLIDE : blank);
}

static void
toggle_running (ApmmAudienceWindow *self)
{
  gint64 now = g_get_monotonic_time ();

  if (self->timer_running)
    self->elapsed_us += now - self->started_us;
  else
    self->started_us = now;
  self->timer_running = !self->timer_running;
  if (self->timer_running && self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
  else if (!self->timer_running)
    g_clear_handle_id (&self->tick_id, g_source_remove);
  refresh (self);
}

static void
toggle_console (ApmmAudienceWindow *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->console)) && gtk_window_is_active (self->console))
    gtk_window_present (GTK_WINDOW (self));
  else
    gtk_window_present (self->console);
}

static gboolean
jump_to_number (ApmmAudienceWindow *self)
{
  guint64 number = 0;

  if (self->number->len == 0)
    return FALSE;
  g_ascii_string_to_unsigned (self->number->str, 10, 1, G_MAXINT, &number, NULL);
  g_string_truncate (self->number, 0);
  if (number >= 1 && number <= apmm_slide_deck_get_n_slides (self->deck))
    {
      self->blank = APMM_SLIDE_VIEW_SLIDE;
      apmm_audience_window_go_to (self, number - 1);
    }
  return TRUE;
}

/* --- Callbacks ------------------------------------------------------------ */

static gboolean
key_pressed_cb (ApmmAudienceWindow *self,
                guint               keyval,
                guint               keycode,
                GdkModifierType     state)
{
  return apmm_audience_window_handle_key (self, keyval, state);
}

static void
click_released_cb (ApmmAudienceWindow *self,
                   int                 n_press,
                   double              x,
                   double              y,
                   GtkGestureClick    *gesture)
{
  move (self, gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) == 3 ? -1 : 1);
}

static gboolean
scroll_cb (ApmmAudienceWindow *self,
           double              dx,
           double              dy)
{
  if (dy > 0 || dx > 0)
    move (self, 1);
  else if (dy < 0 || dx < 0)
    move (self, -1);
  return TRUE;
}

static void
session_changed_cb (ApmmAudienceWindow *self)
{
  rebuild_deck (self);
}

static void
dark_changed_cb (ApmmAudienceWindow *self)
{
  refresh (self);
}

/* --- Vfuncs ------------------------------------------------------------------ */

static gboolean
apmm_audience_window_close_request (GtkWindow *window)
{
  ApmmAudienceWindow *self = APMM_AUDIENCE_WINDOW (window);

  if (self->console != NULL)
    gtk_window_destroy (g_steal_pointer (&self->console));
  if (self->stack != NULL && self->return_page != NULL)
    adw_view_stack_set_visible_child_name (self->stack, self->return_page);
  if (self->parent != NULL)
    gtk_window_present (self->parent);

  return GTK_WINDOW_CLASS (apmm_audience_window_parent_class)->close_request (window);
}

static void
apmm_audience_window_dispose (GObject *object)
{
  ApmmAudienceWindow *self = APMM_AUDIENCE_WINDOW (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->console != NULL)
    gtk_window_destroy (g_steal_pointer (&self->console));
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_weak_pointer (&self->parent);
  g_clear_weak_pointer (&self->stack);
  g_clear_object (&self->session);
  g_clear_object (&self->monitor);

  G_OBJECT_CLASS (apmm_audience_window_parent_class)->dispose (object);
}

static void
apmm_audience_window_finalize (GObject *object)
{
  ApmmAudienceWindow *self = APMM_AUDIENCE_WINDOW (object);

  g_clear_pointer (&self->deck, apmm_slide_deck_free);
  g_clear_pointer (&self->agenda, g_ptr_array_unref);
  g_free (self->return_page);
  g_string_free (self->number, TRUE);

  G_OBJECT_CLASS (apmm_audience_window_parent_class)->finalize (object);
}

static void
apmm_audience_window_class_init (ApmmAudienceWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = apmm_audience_window_dispose;
  object_class->finalize = apmm_audience_window_finalize;
  window_class->close_request = apmm_audience_window_close_request;

  /* The presentation's state changed: slide, blank, timer or content. */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
apmm_audience_window_init (ApmmAudienceWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *scroll =
    gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES |
                                     GTK_EVENT_CONTROLLER_SCROLL_DISCRETE);

  self->number = g_string_new (NULL);
  self->segment = -2;
  self->view = APMM_SLIDE_VIEW (apmm_slide_view_new ());
  gtk_window_set_child (GTK_WINDOW (self), GTK_WIDGET (self->view));
  gtk_window_set_default_size (GTK_WINDOW (self), 1024, 768);
  gtk_widget_add_css_class (GTK_WIDGET (self), "apmm-audience");

  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect_swapped (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->view), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->view), scroll);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}

/* --- Public API ---------------------------------------------------------------- */

/* The monitor @parent is not on, or NULL with only one. */
static GdkMonitor *
other_monitor (GtkWindow *parent)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (parent));
  GListModel *monitors = gdk_display_get_monitors (display);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (parent));
  g_autoptr(GdkMonitor) mine = NULL;

  if (g_list_model_get_n_items (monitors) < 2)
    return NULL;
  if (surface != NULL)
    mine = gdk_display_get_monitor_at_surface (display, surface);
  if (mine != NULL)
    g_object_ref (mine);
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      if (monitor != mine)
        return g_steal_pointer (&monitor);
    }
  return NULL;
}

/* Full screen is the window manager's to grant; sized to the monitor, the
 * slides cover it even where there is none (a kiosk, a headless test). */
static void
cover_monitor (ApmmAudienceWindow *self,
               GtkWindow          *parent)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (parent));
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (parent));
  GdkMonitor *monitor = self->monitor;
  GdkRectangle area;

  if (monitor == NULL && surface != NULL)
    monitor = gdk_display_get_monitor_at_surface (display, surface);
  if (monitor == NULL)
    return;
  gdk_monitor_get_geometry (monitor, &area);
  gtk_window_set_default_size (GTK_WINDOW (self), area.width, area.height);
}

ApmmAudienceWindow *
apmm_audience_window_present (GtkWindow    *parent,
                              ApmmSession  *session,
                              AdwViewStack *stack,
                              const char   *slide_id)
{
  ApmmAudienceWindow *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (APMM_IS_SESSION (session), NULL);

  self = g_object_new (APMM_TYPE_AUDIENCE_WINDOW,
                       "application", gtk_window_get_application (parent),
                       NULL);
  g_set_weak_pointer (&self->parent, parent);
  if (stack != NULL)
    {
      g_set_weak_pointer (&self->stack, stack);
      self->return_page = g_strdup (adw_view_stack_get_visible_child_name (stack));
    }
  self->session = g_object_ref (session);
  g_signal_connect_swapped (session, "changed", G_CALLBACK (session_changed_cb), self);
  rebuild_deck (self);
  if (slide_id != NULL && apmm_slide_deck_find (self->deck, slide_id) >= 0)
    apmm_audience_window_go_to (self, apmm_slide_deck_find (self->deck, slide_id));
  else
    apmm_audience_window_go_to (self, 0);

  self->monitor = other_monitor (parent);
  cover_monitor (self, parent);
  self->console = apmm_presenter_console_new (self);
  if (self->monitor != NULL)
    {
      /* Two screens: the wall gets the slides, the laptop the console. */
      gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), self->monitor);
      gtk_window_present (GTK_WINDOW (self));
      gtk_window_maximize (self->console);
      gtk_window_present (self->console);
    }
  else
    {
      gtk_window_fullscreen (GTK_WINDOW (self));
      gtk_window_present (GTK_WINDOW (self));
    }
  return self;
}

ApmmSlideDeck *
apmm_audience_window_get_deck (ApmmAudienceWindow *self)
{
  g_return_val_if_fail (APMM_IS_AUDIENCE_WINDOW (self), NULL);

  return self->deck;
}

int
apmm_audience_window_get_index (ApmmAudienceWindow *self)
{
  g_return_val_if_fail (APMM_IS_AUDIENCE_WINDOW (self), -1);

  return self->index;
}

void
apmm_audience_window_go_to (ApmmAudienceWindow *self,
                            int                 index)
{
  g_return_if_fail (APMM_IS_AUDIENCE_WINDOW (self));

  self->index = CLAMP (index, 0, MAX ((int) apmm_slide_deck_get_n_slides (self->deck) - 1, 0));
  refresh (self);
}

ApmmSlideViewBlank
apmm_audience_window_get_blank (ApmmAudienceWindow *self)
{
  g_return_val_if_fail (APMM_IS_AUDIENCE_WINDOW (self), APMM_SLIDE_VIEW_SLIDE);

  return self->blank;
}

void
apmm_audience_window_set_blank (ApmmAudienceWindow *self,
                                ApmmSlideViewBlank  blank)
{
  g_return_if_fail (APMM_IS_AUDIENCE_WINDOW (self));

  self->blank = blank;
  refresh (self);
}

gboolean
apmm_audience_window_get_timer_shown (ApmmAudienceWindow *self)
{
  g_return_val_if_fail (APMM_IS_AUDIENCE_WINDOW (self), FALSE);

  return self->timer_shown;
}

void
apmm_audience_window_toggle_timer (ApmmAudienceWindow *self)
{
  g_return_if_fail (APMM_IS_AUDIENCE_WINDOW (self));

  self->timer_shown = !self->timer_shown;
  refresh (self);
}

gint64
apmm_audience_window_get_elapsed (ApmmAudienceWindow *self)
{
  gint64 us;

  g_return_val_if_fail (APMM_IS_AUDIENCE_WINDOW (self), 0);

  us = self->elapsed_us;
  if (self->timer_running)
    us += g_get_monotonic_time () - self->started_us;
  return us / G_USEC_PER_SEC;
}

gboolean
apmm_audience_window_get_timer_running (ApmmAudienceWindow *self)
{
  g_return_val_if_fail (APMM_IS_AUDIENCE_WINDOW (self), FALSE);

  return self->timer_running;
}

gboolean
apmm_audience_window_get_segment (ApmmAudienceWindow  *self,
                                  const char         **title,
                                  gint64              *planned)
{
  const ApmmAgendaSegment *segment;

  g_return_val_if_fail (APMM_IS_AUDIENCE_WINDOW (self), FALSE);

  if (self->segment < 0)
    return FALSE;
  segment = g_ptr_array_index (self->agenda, self->segment);
  *title = segment->title;
  *planned = (gint64) segment->minutes * 60;
  return TRUE;
}

gboolean
apmm_audience_window_handle_key (ApmmAudienceWindow *self,
                                 guint               keyval,
                                 GdkModifierType     state)
{
  g_return_val_if_fail (APMM_IS_AUDIENCE_WINDOW (self), FALSE);

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    {
      g_string_append_c (self->number, '0' + (keyval - GDK_KEY_0));
      return TRUE;
    }
  if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    {
      g_string_append_c (self->number, '0' + (keyval - GDK_KEY_KP_0));
      return TRUE;
    }
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && jump_to_number (self))
    return TRUE;
  g_string_truncate (self->number, 0);

  switch (keyval)
    {
    case GDK_KEY_Right: case GDK_KEY_Down: case GDK_KEY_Page_Down: case GDK_KEY_space:
    case GDK_KEY_Return: case GDK_KEY_KP_Enter:
      move (self, 1);
      return TRUE;
    case GDK_KEY_Left: case GDK_KEY_Up: case GDK_KEY_Page_Up: case GDK_KEY_BackSpace:
      move (self, -1);
      return TRUE;
    case GDK_KEY_Home:
      self->blank = APMM_SLIDE_VIEW_SLIDE;
      apmm_audience_window_go_to (self, 0);
      return TRUE;
    case GDK_KEY_End:
      self->blank = APMM_SLIDE_VIEW_SLIDE;
      apmm_audience_window_go_to (self, apmm_slide_deck_get_n_slides (self->deck) - 1);
      return TRUE;
    case GDK_KEY_b: case GDK_KEY_B: case GDK_KEY_period:
      toggle_blank (self, APMM_SLIDE_VIEW_BLACK);
      return TRUE;
    case GDK_KEY_w: case GDK_KEY_W: case GDK_KEY_comma:
      toggle_blank (self, APMM_SLIDE_VIEW_WHITE);
      return TRUE;
    case GDK_KEY_t: case GDK_KEY_T:
      toggle_running (self);
      return TRUE;
    case GDK_KEY_s: case GDK_KEY_S:
      apmm_audience_window_toggle_timer (self);
      return TRUE;
    case GDK_KEY_c: case GDK_KEY_C:
      toggle_console (self);
      return TRUE;
    case GDK_KEY_Escape:
      apmm_audience_window_leave (self);
      return TRUE;
    default:
      return FALSE;
    }
}

GtkWindow *
apmm_audience_window_get_console (ApmmAudienceWindow *self)
{
  g_return_val_if_fail (APMM_IS_AUDIENCE_WINDOW (self), NULL);

  return self->console;
}

GdkMonitor *
apmm_audience_window_get_monitor (ApmmAudienceWindow *self)
{
  g_return_val_if_fail (APMM_IS_AUDIENCE_WINDOW (self), NULL);

  return self->monitor;
}

void
apmm_audience_window_leave (ApmmAudienceWindow *self)
{
  g_return_if_fail (APMM_IS_AUDIENCE_WINDOW (self));

  gtk_window_close (GTK_WINDOW (self));
}
