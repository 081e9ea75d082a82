/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_ENROL_DIALOG (kl_enrol_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KlEnrolDialog, kl_enrol_dialog, KL, ENROL_DIALOG, AdwWindow)

KlEnrolDialog *kl_enrol_dialog_new   (GtkWindow     *parent,
                                      KlStore       *store,
                                      gint64         staff_id);
gboolean       kl_enrol_dialog_enrol (KlEnrolDialog *self,
                                      gint64         course_id);

G_END_DECLS
