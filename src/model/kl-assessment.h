/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kl-record.h"

G_BEGIN_DECLS

#define KL_TYPE_ASSESSMENT (kl_assessment_get_type ())
G_DECLARE_FINAL_TYPE (KlAssessment, kl_assessment, KL, ASSESSMENT, KlRecord)

KlAssessment  *kl_assessment_new             (void);
gint64         kl_assessment_get_staff_id    (KlAssessment *self);
void           kl_assessment_set_staff_id    (KlAssessment *self,
                                              gint64 staff_id);
gint64         kl_assessment_get_theme_id    (KlAssessment *self);
void           kl_assessment_set_theme_id    (KlAssessment *self,
                                              gint64 theme_id);
const char    *kl_assessment_get_assessed_on (KlAssessment *self);
void           kl_assessment_set_assessed_on (KlAssessment *self,
                                              const char *assessed_on);
int            kl_assessment_get_level       (KlAssessment *self);
void           kl_assessment_set_level       (KlAssessment *self,
                                              int level);
int            kl_assessment_get_target      (KlAssessment *self);
void           kl_assessment_set_target      (KlAssessment *self,
                                              int target);
const char    *kl_assessment_get_note        (KlAssessment *self);
void           kl_assessment_set_note        (KlAssessment *self,
                                              const char *note);

G_END_DECLS
