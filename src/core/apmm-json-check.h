/* apmm-json-check.h — checked reads of the session file's comparison and merge keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "baseline" and "disputes" keys are read by their own units; these
 * helpers check each member's type before reading it (json-glib 1.6's getters
 * emit criticals on a wrong type) and report a refusal the way the session
 * loader does: an APMM_SESSION_ERROR_INVALID naming the place.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The separator between the parts of a place in error messages. */
#define APMM_JSON_SEP " \xe2\x80\xba "

gboolean  apmm_json_fail         (GError      **error,
                                  const char   *path,
                                  const char   *reason);
/* Absent members leave *value alone and succeed. */
gboolean  apmm_json_get_string   (JsonObject   *object,
                                  const char   *key,
                                  const char   *path,
                                  const char  **value,
                                  GError      **error);
gboolean  apmm_json_get_integer  (JsonObject   *object,
                                  const char   *key,
                                  const char   *path,
                                  int           min,
                                  int           max,
                                  gboolean      nullable,
                                  int          *value,
                                  GError      **error);
/* A status string: met, partly, not-met or unknown. */
gboolean  apmm_json_get_status   (JsonNode     *node,
                                  const char   *path,
                                  int          *status,
                                  GError      **error);
/* Members of @origin whose keys are not in @known, added to @out sorted by key. */
void      apmm_json_add_unknowns (JsonObject   *out,
                                  JsonObject   *origin,
                                  const char * const *known);

G_END_DECLS
