/* apmm-model.h — the built-in APMM model: levels, criteria, prompts, entry points
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define APMM_MODEL_ID       "apmm"
#define APMM_MODEL_VERSION  1
/* The value of the session file's "model" key. */
#define APMM_MODEL_REF      "apmm-1"
#define APMM_N_LEVELS       5
#define APMM_MAX_LEVEL      4
/* The Failure Chasm lies between this level and the next. */
#define APMM_CHASM_BELOW    2

typedef enum {
  APMM_STATUS_UNKNOWN = 0,
  APMM_STATUS_NOT_MET,
  APMM_STATUS_PARTLY,
  APMM_STATUS_MET,
} ApmmStatus;

#define APMM_N_STATUSES 4

/* Every string below is already translated to the user's language. */
typedef struct {
  const char  *id;           /* "l3.rollback" */
  guint        level;        /* 1..4 */
  guint        index;        /* position in the model's table (stable ranking tie-break) */
  const char  *title;        /* short label, e.g. "Rollback procedure" */
  const char  *description;  /* the full criterion */
  const char  *action;       /* a short imperative that closes the gap, for drafted actions */
} ApmmCriterion;

typedef struct {
  guint                 number;       /* 0..4 */
  const char           *name;         /* "AI Active" */
  const char           *description;  /* one-line description */
  const char * const   *signs;        /* NULL-terminated */
  const char           *risk;
  const char           *climb;        /* what it takes to climb to the next level; NULL at 4 */
  const char           *fact;         /* the source's headline fact about the climb, or NULL */
  const ApmmCriterion * const *criteria; /* NULL-terminated; empty at level 0 */
  guint                 n_criteria;
} ApmmLevel;

typedef struct {
  const char          *id;        /* "adoption" */
  const char          *title;     /* "On adoption" */
  const char          *question;
  const char          *warning;   /* the source's warning, in its words */
  const char * const  *informs;   /* NULL-terminated criterion ids */
} ApmmPrompt;

typedef struct {
  const char  *id;           /* "pilot-rescue" */
  const char  *name;
  const char  *description;
  /* The heading of the offer the entry point is part of: the source offers
   * some together ("Pilot-to-Production Rescue or AI Feature Sprint", one
   * description). Equal to @name for an entry point offered alone. Entry
   * points of one offer are adjacent in the model and share its range. */
  const char  *offer;
  int          min_level;    /* -1 for the diagnostic sprint (serves "not sure") */
  int          max_level;
} ApmmEntryPoint;

#define APMM_TYPE_MODEL (apmm_model_get_type ())
G_DECLARE_FINAL_TYPE (ApmmModel, apmm_model, APMM, MODEL, GObject)

ApmmModel             *apmm_model_get_default         (void);
ApmmModel             *apmm_model_new_from_bytes      (GBytes      *xml,
                                                       GError     **error);
const char            *apmm_model_get_title           (ApmmModel   *self);
const char            *apmm_model_get_tagline         (ApmmModel   *self);
const char            *apmm_model_get_chasm_title     (ApmmModel   *self);
const char            *apmm_model_get_chasm_text      (ApmmModel   *self);
const ApmmLevel       *apmm_model_get_level           (ApmmModel   *self,
                                                       guint        level);
guint                  apmm_model_get_n_criteria      (ApmmModel   *self);
const ApmmCriterion   *apmm_model_get_criterion       (ApmmModel   *self,
                                                       guint        index);
const ApmmCriterion   *apmm_model_lookup_criterion    (ApmmModel   *self,
                                                       const char  *id);
guint                  apmm_model_get_n_prompts       (ApmmModel   *self);
const ApmmPrompt      *apmm_model_get_prompt          (ApmmModel   *self,
                                                       guint        index);
const ApmmPrompt      *apmm_model_lookup_prompt       (ApmmModel   *self,
                                                       const char  *id);
guint                  apmm_model_get_n_entry_points  (ApmmModel   *self);
const ApmmEntryPoint  *apmm_model_get_entry_point     (ApmmModel   *self,
                                                       guint        index);
const ApmmEntryPoint  *apmm_model_lookup_entry_point  (ApmmModel   *self,
                                                       const char  *id);
/* TRUE when @a and @b are shown as one offer. */
gboolean               apmm_entry_point_same_offer    (const ApmmEntryPoint *a,
                                                       const ApmmEntryPoint *b);

/* Status identifiers as in the session file: "met", "partly", "not-met", "unknown". */
const char            *apmm_status_to_string          (ApmmStatus   status);
gboolean               apmm_status_from_string        (const char  *str,
                                                       ApmmStatus  *status);
/* Translated label for the user: "Met", "Partly", "Not met", "Unknown". */
const char            *apmm_status_get_label          (ApmmStatus   status);

G_END_DECLS
