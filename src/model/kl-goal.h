/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kl-record.h"
#include "kl-enums.h"

G_BEGIN_DECLS

#define KL_TYPE_GOAL (kl_goal_get_type ())
G_DECLARE_FINAL_TYPE (KlGoal, kl_goal, KL, GOAL, KlRecord)

KlGoal      *kl_goal_new           (void);
gint64       kl_goal_get_staff_id  (KlGoal *self);
void         kl_goal_set_staff_id  (KlGoal *self,
                                    gint64 staff_id);
gint64       kl_goal_get_theme_id  (KlGoal *self);
void         kl_goal_set_theme_id  (KlGoal *self,
                                    gint64 theme_id);
const char  *kl_goal_get_text      (KlGoal *self);
void         kl_goal_set_text      (KlGoal *self,
                                    const char *text);
const char  *kl_goal_get_agreed_on (KlGoal *self);
void         kl_goal_set_agreed_on (KlGoal *self,
                                    const char *agreed_on);
const char  *kl_goal_get_due_on    (KlGoal *self);
void         kl_goal_set_due_on    (KlGoal *self,
                                    const char *due_on);
KlGoalStatus kl_goal_get_status    (KlGoal *self);
void         kl_goal_set_status    (KlGoal *self,
                                    KlGoalStatus status);

G_END_DECLS
