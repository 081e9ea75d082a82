/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kl-record.h"
#include "kl-enums.h"

G_BEGIN_DECLS

#define KL_TYPE_COURSE (kl_course_get_type ())
G_DECLARE_FINAL_TYPE (KlCourse, kl_course, KL, COURSE, KlRecord)

KlCourse            *kl_course_new             (void);
const char          *kl_course_get_title       (KlCourse *self);
void                 kl_course_set_title       (KlCourse *self,
                                                const char *title);
const char          *kl_course_get_provider    (KlCourse *self);
void                 kl_course_set_provider    (KlCourse *self,
                                                const char *provider);
const char          *kl_course_get_description (KlCourse *self);
void                 kl_course_set_description (KlCourse *self,
                                                const char *description);
const char          *kl_course_get_starts_on   (KlCourse *self);
void                 kl_course_set_starts_on   (KlCourse *self,
                                                const char *starts_on);
const char          *kl_course_get_ends_on     (KlCourse *self);
void                 kl_course_set_ends_on     (KlCourse *self,
                                                const char *ends_on);
double               kl_course_get_hours       (KlCourse *self);
void                 kl_course_set_hours       (KlCourse *self,
                                                double hours);
double               kl_course_get_cost_dkk    (KlCourse *self);
void                 kl_course_set_cost_dkk    (KlCourse *self,
                                                double cost_dkk);
int                  kl_course_get_capacity    (KlCourse *self);
void                 kl_course_set_capacity    (KlCourse *self,
                                                int capacity);
const char          *kl_course_get_location    (KlCourse *self);
void                 kl_course_set_location    (KlCourse *self,
                                                const char *location);
const char          *kl_course_get_url         (KlCourse *self);
void                 kl_course_set_url         (KlCourse *self,
                                                const char *url);
KlCourseStatus       kl_course_get_status      (KlCourse *self);
void                 kl_course_set_status      (KlCourse *self,
                                                KlCourseStatus status);
const char * const  *kl_course_get_theme_ids   (KlCourse *self);
void                 kl_course_set_theme_ids   (KlCourse *self,
                                                const char * const *theme_ids);
int                  kl_course_get_seats_taken (KlCourse *self);
void                 kl_course_set_seats_taken (KlCourse *self,
                                                int seats_taken);
int                  kl_course_get_waitlisted  (KlCourse *self);
void                 kl_course_set_waitlisted  (KlCourse *self,
                                                int waitlisted);

G_END_DECLS
