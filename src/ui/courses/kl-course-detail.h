/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_COURSE_DETAIL (kl_course_detail_get_type ())
G_DECLARE_FINAL_TYPE (KlCourseDetail, kl_course_detail, KL, COURSE_DETAIL, AdwBin)

void     kl_course_detail_set_course     (KlCourseDetail *self,
                                          KlStore        *store,
                                          gint64          course_id);
void     kl_course_detail_reload         (KlCourseDetail *self);
void     kl_course_detail_select         (KlCourseDetail *self,
                                          gint64          enrolment_id,
                                          gboolean        selected);
gboolean kl_course_detail_set_status     (KlCourseDetail    *self,
                                          gint64             enrolment_id,
                                          KlEnrolmentStatus  status);
guint    kl_course_detail_complete_selected (KlCourseDetail *self);

G_END_DECLS
