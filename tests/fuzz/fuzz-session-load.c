/* fuzz-session-load.c — libFuzzer target for the session loader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any input must either load or fail with an APMM_SESSION_ERROR; whatever
 * loads must save, load again to an equal session and save to the same bytes.
 * Whatever JSON the reader's scan accepts must be what json-glib's parser
 * reads from it, node for node (the scan builds the tree itself).
 * The verdict is computed too, since the window does that for every file it
 * opens. Built with clang by build-and-run.sh, and replayed over the corpus by
 * replay.c under `meson test`.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "apmm-assessment.h"
#include "apmm-session-file-private.h"
#include "../json-tree-identical.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check_round_trip (ApmmSession *session)
{
  g_autoptr(GBytes) saved = apmm_session_to_bytes (session);
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmSession) reloaded = apmm_session_load_bytes (saved, &error);
  g_autoptr(GBytes) saved_again = NULL;

  if (reloaded == NULL)
    g_error ("A saved session does not load again: %s", error->message);
  if (!apmm_session_equal (session, reloaded))
    g_error ("A saved session loads again with different content");

  saved_again = apmm_session_to_bytes (reloaded);
  if (!g_bytes_equal (saved, saved_again))
    g_error ("Saving a reloaded session changes its bytes");
}

static void
check_assessment (ApmmSession *session)
{
  g_autoptr(ApmmAssessment) assessment = apmm_assessment_new (session, apmm_model_get_default ());
  g_autoptr(JsonNode) summary = apmm_assessment_to_summary (assessment);
  g_autofree char *text = apmm_session_file_json_to_string (summary);

  g_assert (text != NULL && text[0] == '{');
}

/* The tree the scan builds against json-glib's, for every input it accepts
 * (json-glib accepts more, which the scan refuses on purpose). */
static void
check_tree (GBytes *bytes)
{
  g_autoptr(JsonNode) ours = apmm_sf_parse_json (bytes, NULL);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *difference = NULL;
  gsize len = 0;
  const char *text = g_bytes_get_data (bytes, &len);

  if (ours == NULL)
    return;

  if (len >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    {
      text += 3;
      len -= 3;
    }
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, text, (gssize) len, &error))
    g_error ("The scan accepts what json-glib refuses: %s", error->message);
  difference = json_tree_difference (ours, json_parser_get_root (parser), "");
  if (difference != NULL)
    g_error ("The scan's tree is not json-glib's at %s", difference);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(ApmmSession) session = apmm_session_load_bytes (bytes, &error);

  check_tree (bytes);
  if (session == NULL)
    {
      if (error == NULL || error->domain != APMM_SESSION_ERROR || strchr (error->message, '\n') != NULL)
        g_error ("A refused input must give a one-line session error");
      return 0;
    }

  g_assert (error == NULL);
  check_round_trip (session);
  check_assessment (session);

  return 0;
}
