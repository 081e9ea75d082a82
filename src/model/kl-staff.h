/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kl-record.h"

G_BEGIN_DECLS

#define KL_TYPE_STAFF (kl_staff_get_type ())
G_DECLARE_FINAL_TYPE (KlStaff, kl_staff, KL, STAFF, KlRecord)

KlStaff     *kl_staff_new                     (void);
const char  *kl_staff_get_name                (KlStaff *self);
void         kl_staff_set_name                (KlStaff *self,
                                               const char *name);
gint64       kl_staff_get_unit_id             (KlStaff *self);
void         kl_staff_set_unit_id             (KlStaff *self,
                                               gint64 unit_id);
const char  *kl_staff_get_unit_name           (KlStaff *self);
void         kl_staff_set_unit_name           (KlStaff *self,
                                               const char *unit_name);
const char  *kl_staff_get_job_title           (KlStaff *self);
void         kl_staff_set_job_title           (KlStaff *self,
                                               const char *job_title);
const char  *kl_staff_get_email               (KlStaff *self);
void         kl_staff_set_email               (KlStaff *self,
                                               const char *email);
const char  *kl_staff_get_started_on          (KlStaff *self);
void         kl_staff_set_started_on          (KlStaff *self,
                                               const char *started_on);
const char  *kl_staff_get_left_on             (KlStaff *self);
void         kl_staff_set_left_on             (KlStaff *self,
                                               const char *left_on);
double       kl_staff_get_weekly_hours        (KlStaff *self);
void         kl_staff_set_weekly_hours        (KlStaff *self,
                                               double weekly_hours);
const char  *kl_staff_get_note                (KlStaff *self);
void         kl_staff_set_note                (KlStaff *self,
                                               const char *note);
int          kl_staff_get_themes_below_target (KlStaff *self);
void         kl_staff_set_themes_below_target (KlStaff *self,
                                               int themes_below_target);

G_END_DECLS
