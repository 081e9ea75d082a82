/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_ASSESSMENT_DIALOG (kl_assessment_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KlAssessmentDialog, kl_assessment_dialog, KL, ASSESSMENT_DIALOG, AdwWindow)

KlAssessmentDialog *kl_assessment_dialog_new        (GtkWindow          *parent,
                                                     KlStore            *store,
                                                     gint64              staff_id);
void                kl_assessment_dialog_set_values (KlAssessmentDialog *self,
                                                     const char         *theme_uuid,
                                                     int                 level,
                                                     int                 target);
gboolean            kl_assessment_dialog_save       (KlAssessmentDialog *self);

G_END_DECLS
