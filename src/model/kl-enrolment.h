/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kl-record.h"
#include "kl-enums.h"

G_BEGIN_DECLS

#define KL_TYPE_ENROLMENT (kl_enrolment_get_type ())
G_DECLARE_FINAL_TYPE (KlEnrolment, kl_enrolment, KL, ENROLMENT, KlRecord)

KlEnrolment      *kl_enrolment_new                   (void);
gint64            kl_enrolment_get_staff_id          (KlEnrolment *self);
void              kl_enrolment_set_staff_id          (KlEnrolment *self,
                                                      gint64 staff_id);
gint64            kl_enrolment_get_course_id         (KlEnrolment *self);
void              kl_enrolment_set_course_id         (KlEnrolment *self,
                                                      gint64 course_id);
KlEnrolmentStatus kl_enrolment_get_status            (KlEnrolment *self);
void              kl_enrolment_set_status            (KlEnrolment *self,
                                                      KlEnrolmentStatus status);
const char       *kl_enrolment_get_enrolled_on       (KlEnrolment *self);
void              kl_enrolment_set_enrolled_on       (KlEnrolment *self,
                                                      const char *enrolled_on);
const char       *kl_enrolment_get_completed_on      (KlEnrolment *self);
void              kl_enrolment_set_completed_on      (KlEnrolment *self,
                                                      const char *completed_on);
const char       *kl_enrolment_get_note              (KlEnrolment *self);
void              kl_enrolment_set_note              (KlEnrolment *self,
                                                      const char *note);
const char       *kl_enrolment_get_staff_name        (KlEnrolment *self);
void              kl_enrolment_set_staff_name        (KlEnrolment *self,
                                                      const char *staff_name);
const char       *kl_enrolment_get_course_title      (KlEnrolment *self);
void              kl_enrolment_set_course_title      (KlEnrolment *self,
                                                      const char *course_title);
const char       *kl_enrolment_get_course_starts_on  (KlEnrolment *self);
void              kl_enrolment_set_course_starts_on  (KlEnrolment *self,
                                                      const char *course_starts_on);
double            kl_enrolment_get_course_hours      (KlEnrolment *self);
void              kl_enrolment_set_course_hours      (KlEnrolment *self,
                                                      double course_hours);
int               kl_enrolment_get_waitlist_position (KlEnrolment *self);
void              kl_enrolment_set_waitlist_position (KlEnrolment *self,
                                                      int waitlist_position);

G_END_DECLS
