/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_PRINCIPLE_ASSESSMENT_DIALOG (kl_principle_assessment_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KlPrincipleAssessmentDialog, kl_principle_assessment_dialog,
                      KL, PRINCIPLE_ASSESSMENT_DIALOG, AdwWindow)

KlPrincipleAssessmentDialog *kl_principle_assessment_dialog_new  (GtkWindow              *parent,
                                                                  KlStore                *store,
                                                                  gint64                  principle_id,
                                                                  gint64                  unit_id,
                                                                  KlPrincipleAssessment  *assessment);
gboolean                     kl_principle_assessment_dialog_save (KlPrincipleAssessmentDialog *self);

G_END_DECLS
