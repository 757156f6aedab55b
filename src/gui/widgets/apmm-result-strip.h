/* apmm-result-strip.h — the live verdict: evidence, perceived level, the gap between them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "apmm-assessment.h"
#include "apmm-document.h"

G_BEGIN_DECLS

#define APMM_TYPE_RESULT_STRIP (apmm_result_strip_get_type ())
G_DECLARE_FINAL_TYPE (ApmmResultStrip, apmm_result_strip, APMM, RESULT_STRIP, AdwBin)

GtkWidget   *apmm_result_strip_new         (void);
ApmmSession *apmm_result_strip_get_session (ApmmResultStrip *self);
/* A session on its own gets a document of its own (apmm_gui_document_for_session()). */
void         apmm_result_strip_set_session (ApmmResultStrip *self,
                                            ApmmSession     *session);
/* The strip shows the document's public verdict and follows its "assessment". */
ApmmDocument *apmm_result_strip_get_document (ApmmResultStrip *self);
void         apmm_result_strip_set_document (ApmmResultStrip *self,
                                             ApmmDocument    *document);

/* The sentence for perceived − evidence, e.g. "The room rates itself one level
 * above the evidence". Shared so every page words it the same way. */
char        *apmm_result_strip_describe_overestimation (int levels);
/* What the next-level progress counts: "1 of 7 level 3 criteria met, 2 partly". */
char        *apmm_result_strip_describe_progress       (ApmmAssessment *assessment);

G_END_DECLS
