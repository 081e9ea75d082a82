/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_GOAL_DIALOG (kl_goal_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KlGoalDialog, kl_goal_dialog, KL, GOAL_DIALOG, AdwWindow)

KlGoalDialog *kl_goal_dialog_new  (GtkWindow    *parent,
                                   KlStore      *store,
                                   gint64        staff_id,
                                   KlGoal       *goal);
gboolean      kl_goal_dialog_save (KlGoalDialog *self);

G_END_DECLS
