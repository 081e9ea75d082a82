/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_FOLLOW_UP_DIALOG (kl_follow_up_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KlFollowUpDialog, kl_follow_up_dialog, KL, FOLLOW_UP_DIALOG, AdwWindow)

KlFollowUpDialog *kl_follow_up_dialog_new     (GtkWindow        *parent,
                                               KlStore          *store,
                                               gint64            course_id,
                                               GArray           *enrolment_ids);
int               kl_follow_up_dialog_get_level (KlFollowUpDialog *self,
                                                 gint64            staff_id,
                                                 const char       *theme_uuid);
gboolean          kl_follow_up_dialog_save    (KlFollowUpDialog *self);

G_END_DECLS
