/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kl-section-page.h"

#include "kl-store.h"

G_BEGIN_DECLS

typedef enum
{
  KL_COURSE_FILTER_CURRENT,    /* upcoming and running */
  KL_COURSE_FILTER_UPCOMING,
  KL_COURSE_FILTER_RUNNING,
  KL_COURSE_FILTER_PAST,
  KL_COURSE_FILTER_CANCELLED,
  KL_COURSE_FILTER_ALL,
} KlCourseFilter;

#define KL_TYPE_COURSES_PAGE (kl_courses_page_get_type ())
G_DECLARE_FINAL_TYPE (KlCoursesPage, kl_courses_page, KL, COURSES_PAGE, KlSectionPage)

void        kl_courses_page_set_store   (KlCoursesPage  *self,
                                         KlStore        *store);
GListModel *kl_courses_page_get_model   (KlCoursesPage  *self);
void        kl_courses_page_show_course (KlCoursesPage  *self,
                                         gint64          course_id);
gint64      kl_courses_page_get_shown   (KlCoursesPage  *self);
void        kl_courses_page_set_search  (KlCoursesPage  *self,
                                         const char     *text);
void        kl_courses_page_set_filter  (KlCoursesPage  *self,
                                         KlCourseFilter  filter,
                                         const char     *theme_uuid);

G_END_DECLS
