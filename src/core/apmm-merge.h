/* apmm-merge.h — breakout groups' sessions merged into one for the plenary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "apmm-session.h"

G_BEGIN_DECLS

#define APMM_MERGE_MIN_GROUPS 2
#define APMM_MERGE_MAX_GROUPS 20

#define APMM_MERGE_ERROR (apmm_merge_error_quark ())

typedef enum {
  APMM_MERGE_ERROR_COUNT,              /* fewer than 2 or more than 20 sessions */
  APMM_MERGE_ERROR_OTHER_ORGANISATION, /* the groups assessed different organisations */
  APMM_MERGE_ERROR_TOO_LARGE,          /* the merged session would break a file limit */
} ApmmMergeError;

GQuark        apmm_merge_error_quark   (void);

/* A group's name is its file's name without the folder and ".apmm"
 * ("group-a.apmm" → "group-a"); an empty name becomes "Group N"; a name
 * already taken gets " (2)", " (3)", … Returns as many names as @paths. */
GStrv         apmm_merge_group_names   (const char * const *paths);

/* Merges @n_sessions (2 to 20) sessions of the same organisation, the
 * sessions[i] rated by the group named groups[i]. The rules are in
 * docs/compare-and-merge.md: votes pooled, agreement kept, disagreement
 * disputed at the lowest status (met > partly > not-met > unknown), notes
 * kept with their group's name, gaps and actions combined. */
ApmmSession  *apmm_merge_sessions      (ApmmSession * const *sessions,
                                        const char * const  *groups,
                                        guint                n_sessions,
                                        GError             **error);

G_END_DECLS
