/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kl-record.h"

G_BEGIN_DECLS

#define KL_TYPE_PRINCIPLE_ASSESSMENT (kl_principle_assessment_get_type ())
G_DECLARE_FINAL_TYPE (KlPrincipleAssessment, kl_principle_assessment, KL, PRINCIPLE_ASSESSMENT, KlRecord)

KlPrincipleAssessment  *kl_principle_assessment_new              (void);
gint64                  kl_principle_assessment_get_principle_id (KlPrincipleAssessment *self);
void                    kl_principle_assessment_set_principle_id (KlPrincipleAssessment *self,
                                                                  gint64 principle_id);
gint64                  kl_principle_assessment_get_unit_id      (KlPrincipleAssessment *self);
void                    kl_principle_assessment_set_unit_id      (KlPrincipleAssessment *self,
                                                                  gint64 unit_id);
const char             *kl_principle_assessment_get_assessed_on  (KlPrincipleAssessment *self);
void                    kl_principle_assessment_set_assessed_on  (KlPrincipleAssessment *self,
                                                                  const char *assessed_on);
int                     kl_principle_assessment_get_maturity     (KlPrincipleAssessment *self);
void                    kl_principle_assessment_set_maturity     (KlPrincipleAssessment *self,
                                                                  int maturity);
const char             *kl_principle_assessment_get_reflection   (KlPrincipleAssessment *self);
void                    kl_principle_assessment_set_reflection   (KlPrincipleAssessment *self,
                                                                  const char *reflection);

G_END_DECLS
