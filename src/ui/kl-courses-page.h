/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KL_TYPE_COURSES_PAGE (kl_courses_page_get_type ())
G_DECLARE_FINAL_TYPE (KlCoursesPage, kl_courses_page, KL, COURSES_PAGE, AdwBin)

G_END_DECLS
