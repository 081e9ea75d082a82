/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_COURSE_DIALOG (kl_course_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KlCourseDialog, kl_course_dialog, KL, COURSE_DIALOG, AdwWindow)

KlCourseDialog *kl_course_dialog_new       (GtkWindow      *parent,
                                            KlStore        *store,
                                            KlCourse       *course);
void            kl_course_dialog_set_theme (KlCourseDialog *self,
                                            const char     *theme_uuid,
                                            gboolean        chosen);
gboolean        kl_course_dialog_save      (KlCourseDialog *self);

G_END_DECLS
