/* apmm-slides.h — the slide list for a session: what the room sees, in which
 * order, and what stays on the facilitator's screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "apmm-assessment.h"
#include "apmm-model.h"
#include "apmm-presentation.h"
#include "apmm-session.h"

G_BEGIN_DECLS

typedef enum {
  APMM_SLIDE_TITLE,
  APMM_SLIDE_LEVEL,
  APMM_SLIDE_CHASM,
  APMM_SLIDE_PROMPT,
  APMM_SLIDE_VOTE,
  APMM_SLIDE_LADDER,
  APMM_SLIDE_GAPS,
  APMM_SLIDE_ENTRY_POINT,
  APMM_SLIDE_NEXT_STEPS,
  APMM_SLIDE_COMPARISON,
} ApmmSlideKind;

#define APMM_SLIDE_N_KINDS 10
/* The number of slides in a deck of a session without a baseline: title,
 * five levels, chasm, three prompts, vote, ladder, gaps, entry point, next
 * steps. A session with a baseline also gets the comparison slide, after the
 * ladder. */
#define APMM_SLIDE_N_SLIDES 15
/* The number of slide ids, the comparison slide's included. */
#define APMM_SLIDE_N_IDS 16
/* The comparison slide shows at most this many changed criteria. */
#define APMM_SLIDE_MAX_CHANGES 3
/* The gaps slide shows at most this many gaps. */
#define APMM_SLIDE_MAX_GAPS 4
/* The next-steps slide shows at most this many actions. */
#define APMM_SLIDE_MAX_ACTIONS 6

/* One line of a slide's list: "mark  text — detail". */
typedef struct {
  char *mark;    /* a short lead-in ("Level 3", "Next 30 days"), or NULL */
  char *text;
  char *detail;  /* a second line in smaller type, or NULL */
} ApmmSlideItem;

/* One slide, as plain text the renderer lays out. Strings are owned by the
 * slide; NULL where the slide has none. */
typedef struct {
  ApmmSlideKind    kind;
  char            *id;             /* "title", "level-2", "prompt-failure", … */
  int              level;          /* the level slides' level, else -1 */
  gboolean         hidden;         /* hidden from the deck by the facilitator */
  ApmmSlideReveal  reveal;         /* what the facilitator opted in to show */

  char            *kicker;         /* a small line above the title */
  char            *title;
  char            *lead;           /* the sentence under the title */
  GPtrArray       *items;          /* ApmmSlideItem *, never NULL */
  char            *callout_label;  /* "Risk", "Warning", … */
  char            *callout;        /* the source's line, a risk, a warning */

  /* The vote slide: the distribution, drawn only when not hidden. */
  gboolean         votes_hidden;
  guint            votes[APMM_N_LEVELS];
  guint            n_votes;

  /* Only for the facilitator's console; never drawn on the wall. */
  char            *notes;
} ApmmSlide;

/* The default order of slide ids, NULL-terminated. */
const char * const *apmm_slide_get_default_ids  (void);
gboolean            apmm_slide_id_is_known      (const char   *id);
/* A translated name for the slide's kind, for lists ("Level", "Prompt", …). */
const char         *apmm_slide_kind_get_label   (ApmmSlideKind kind);

/* A snapshot of the slides for one state of a session, in presentation order.
 * Rebuild it when the session changes: building is cheap. */
typedef struct _ApmmSlideDeck ApmmSlideDeck;

/* @assessment may be NULL, then it is computed. The deck keeps a reference
 * on @session and the assessment's public view (hidden votes masked), for
 * drawings that need them (the ladder). */
ApmmSlideDeck      *apmm_slide_deck_new             (ApmmSession     *session,
                                                     ApmmModel       *model,
                                                     ApmmAssessment  *assessment);
void                apmm_slide_deck_free            (ApmmSlideDeck   *self);
ApmmSession        *apmm_slide_deck_get_session     (ApmmSlideDeck   *self);
ApmmAssessment     *apmm_slide_deck_get_assessment  (ApmmSlideDeck   *self);
/* The shown slides (hidden ones left out), in the facilitator's order. */
guint               apmm_slide_deck_get_n_slides    (ApmmSlideDeck   *self);
const ApmmSlide    *apmm_slide_deck_get_slide       (ApmmSlideDeck   *self,
                                                     guint            index);
/* Every slide, hidden ones included (with hidden set), in the same order. */
guint               apmm_slide_deck_get_n_all       (ApmmSlideDeck   *self);
const ApmmSlide    *apmm_slide_deck_get_any         (ApmmSlideDeck   *self,
                                                     guint            index);
/* The index among the shown slides of the slide @id, or -1 when it is hidden
 * or unknown. */
int                 apmm_slide_deck_find            (ApmmSlideDeck   *self,
                                                     const char      *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ApmmSlideDeck, apmm_slide_deck_free)

G_END_DECLS
