/* apmm-assessment-page.h — the self-assessment: prompts, room votes, the criteria checklist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "apmm-document.h"

G_BEGIN_DECLS

#define APMM_TYPE_ASSESSMENT_PAGE (apmm_assessment_page_get_type ())
G_DECLARE_FINAL_TYPE (ApmmAssessmentPage, apmm_assessment_page, APMM, ASSESSMENT_PAGE, AdwBin)

GtkWidget   *apmm_assessment_page_new              (void);
ApmmSession *apmm_assessment_page_get_session      (ApmmAssessmentPage *self);
void         apmm_assessment_page_set_session      (ApmmAssessmentPage *self,
                                                    ApmmSession        *session);
/* The document shown; its verdict is followed through its "assessment". A
 * session set on its own gets a document of its own. */
ApmmDocument *apmm_assessment_page_get_document (ApmmAssessmentPage *self);
void          apmm_assessment_page_set_document (ApmmAssessmentPage *self,
                                                 ApmmDocument *document);
/* Scrolls the checklist to a criterion and puts the keyboard focus on it. */
void         apmm_assessment_page_focus_criterion  (ApmmAssessmentPage *self,
                                                    const char         *criterion_id);

G_END_DECLS
