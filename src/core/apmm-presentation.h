/* apmm-presentation.h — how a session is presented: slide order, hidden slides,
 * what a slide may reveal, and the workshop's agenda
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What a slide shows beyond its defaults. By default the audience never sees
 * participants' names, evidence notes or owners: a slide shows them only when
 * the facilitator opts in for that slide. */
typedef enum {
  APMM_SLIDE_REVEAL_NONE   = 0,
  APMM_SLIDE_REVEAL_NAMES  = 1 << 0,  /* "names": participants' names */
  APMM_SLIDE_REVEAL_NOTES  = 1 << 1,  /* "notes": evidence and gap notes */
  APMM_SLIDE_REVEAL_OWNERS = 1 << 2,  /* "owners": gap and action owners */
} ApmmSlideReveal;

#define APMM_SLIDE_REVEAL_ALL (APMM_SLIDE_REVEAL_NAMES | APMM_SLIDE_REVEAL_NOTES | \
                               APMM_SLIDE_REVEAL_OWNERS)

/* Limits a file may not exceed. */
#define APMM_AGENDA_MAX_SEGMENTS 100
#define APMM_AGENDA_MAX_MINUTES  600

/* One segment of the agenda: a plain value. */
typedef struct {
  char   *title;
  guint   minutes;  /* 1..APMM_AGENDA_MAX_MINUTES */
  char   *slide;    /* the slide id the segment begins at, or NULL */
} ApmmAgendaSegment;

ApmmAgendaSegment *apmm_agenda_segment_new   (const char              *title,
                                              guint                    minutes,
                                              const char              *slide);
ApmmAgendaSegment *apmm_agenda_segment_copy  (const ApmmAgendaSegment *segment);
void               apmm_agenda_segment_free  (ApmmAgendaSegment       *segment);

/* A plain value too: the session stores a copy and hands out a borrowed one. */
typedef struct _ApmmPresentation ApmmPresentation;

ApmmPresentation   *apmm_presentation_new          (void);
ApmmPresentation   *apmm_presentation_copy         (const ApmmPresentation *self);
void                apmm_presentation_free         (ApmmPresentation       *self);
gboolean            apmm_presentation_equal        (const ApmmPresentation *a,
                                                    const ApmmPresentation *b);

/* Slide ids in the facilitator's order, NULL-terminated; NULL for the default
 * order. Slides the order leaves out follow in their default order. */
const char * const *apmm_presentation_get_order    (const ApmmPresentation *self);
void                apmm_presentation_set_order    (ApmmPresentation       *self,
                                                    const char * const     *order);
gboolean            apmm_presentation_is_hidden    (const ApmmPresentation *self,
                                                    const char             *slide_id);
void                apmm_presentation_set_hidden   (ApmmPresentation       *self,
                                                    const char             *slide_id,
                                                    gboolean                hidden);
ApmmSlideReveal     apmm_presentation_get_reveal   (const ApmmPresentation *self,
                                                    const char             *slide_id);
void                apmm_presentation_set_reveal   (ApmmPresentation       *self,
                                                    const char             *slide_id,
                                                    ApmmSlideReveal         reveal);

/* The agenda: the session's segments, or the half-day defaults when it has
 * none. Returns (transfer container) ApmmAgendaSegment pointers. */
GPtrArray          *apmm_presentation_dup_agenda   (const ApmmPresentation *self);
gboolean            apmm_presentation_has_agenda   (const ApmmPresentation *self);
/* @agenda NULL restores the defaults. */
void                apmm_presentation_set_agenda   (ApmmPresentation       *self,
                                                    GPtrArray              *agenda);
/* The default half-day agenda (3 h 30 min with a break). */
GPtrArray          *apmm_agenda_new_default        (void);

/* The file format (docs/session-format.md, keys "presentation" and "agenda").
 * Reading checks every value and names the place of a refusal; members it
 * does not know are kept through @origin when writing. */
ApmmPresentation   *apmm_presentation_from_json    (JsonObject             *root,
                                                    GError                **error);
void                apmm_presentation_to_json      (const ApmmPresentation *self,
                                                    JsonObject             *root,
                                                    JsonObject             *origin);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ApmmPresentation, apmm_presentation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ApmmAgendaSegment, apmm_agenda_segment_free)

G_END_DECLS
