/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kl-action.h"
#include "kl-assessment.h"
#include "kl-builtin.h"
#include "kl-course.h"
#include "kl-enrolment.h"
#include "kl-goal.h"
#include "kl-principle.h"
#include "kl-principle-assessment.h"
#include "kl-report.h"
#include "kl-staff.h"
#include "kl-theme.h"
#include "kl-unit.h"

G_BEGIN_DECLS

#define KL_STORE_ERROR (kl_store_error_quark ())

typedef enum
{
  KL_STORE_ERROR_CANNOT_OPEN,
  KL_STORE_ERROR_NOT_A_DATABASE,
  KL_STORE_ERROR_CORRUPT,
  KL_STORE_ERROR_NEWER_VERSION,
  KL_STORE_ERROR_FAILED,
  KL_STORE_ERROR_INVALID,
  KL_STORE_ERROR_NOT_FOUND,
  KL_STORE_ERROR_IN_USE,
  KL_STORE_ERROR_HAS_DATA,
} KlStoreError;

/* The schema version this build writes and understands. */
#define KL_STORE_SCHEMA_VERSION 5

/* The built-in framework of the seven leadership principles. */
#define KL_FRAMEWORK_FAGLIG_LEDELSE KL_BUILTIN_FRAMEWORK_ID

#define KL_TYPE_STORE (kl_store_get_type ())
G_DECLARE_FINAL_TYPE (KlStore, kl_store, KL, STORE, GObject)

/* Called by kl_store_foreach() for each record; return FALSE with @error
 * set to stop. */
typedef gboolean (*KlStoreForeachFunc) (KlRecord  *record,
                                        gpointer   data,
                                        GError   **error);

GQuark      kl_store_error_quark       (void);
const char *kl_store_error_get_field   (const GError *error);
char       *kl_store_get_default_path  (void);
KlStore    *kl_store_open              (const char  *path,
                                        GError     **error);
const char *kl_store_get_path          (KlStore     *self);
void        kl_store_set_cache_size    (KlStore     *self,
                                        guint        mebibytes);
int         kl_store_get_schema_version (KlStore    *self);
KlStore    *kl_store_clone             (KlStore     *self,
                                        GError     **error);
gboolean    kl_store_is_date           (const char  *text);
GDate      *kl_store_parse_date        (const char  *text);
gboolean    kl_store_foreach           (KlStore             *self,
                                        GType                type,
                                        KlStoreForeachFunc   func,
                                        gpointer             data,
                                        GError             **error);
KlRecord   *kl_store_get_record        (KlStore     *self,
                                        GType        type,
                                        gint64       id,
                                        GError     **error);
gboolean    kl_store_has_records       (KlStore     *self,
                                        GType        type);
gint64      kl_store_lookup_id         (KlStore     *self,
                                        GType        type,
                                        const char  *uuid);
const char *kl_store_get_official_name (const char  *builtin_id);
void        kl_store_notify_all_changed (KlStore    *self);
gboolean    kl_store_begin_transaction (KlStore     *self,
                                        GError     **error);
gboolean    kl_store_begin_bulk_transaction (KlStore *self,
                                             GError **error);
gboolean    kl_store_commit_transaction (KlStore    *self,
                                         GError    **error);
void        kl_store_rollback_transaction (KlStore  *self);

/* Backups: kl-store-backup.c */
gboolean    kl_store_backup            (KlStore              *self,
                                        char                **out_path,
                                        GError              **error);
void        kl_store_backup_async      (KlStore              *self,
                                        gboolean              only_if_due,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
char       *kl_store_backup_finish     (KlStore              *self,
                                        GAsyncResult         *result,
                                        GError              **error);
gboolean    kl_store_backup_is_due     (KlStore              *self);
GPtrArray  *kl_store_list_backups      (KlStore              *self);
GPtrArray  *kl_store_list_backups_for  (const char           *db_path);
gboolean    kl_store_restore_backup    (KlStore              *self,
                                        const char           *backup_path,
                                        GError              **error);
gboolean    kl_store_set_aside         (const char           *db_path,
                                        char                **out_new_path,
                                        GError              **error);
gboolean    kl_store_restore_file      (const char           *db_path,
                                        const char           *backup_path,
                                        GError              **error);

/* Units and staff: kl-store-staff.c */
GPtrArray  *kl_store_list_units        (KlStore     *self,
                                        GError     **error);
KlUnit     *kl_store_get_unit          (KlStore     *self,
                                        gint64       id,
                                        GError     **error);
gboolean    kl_store_validate_unit     (KlStore     *self,
                                        KlUnit      *unit,
                                        GError     **error);
gboolean    kl_store_save_unit         (KlStore     *self,
                                        KlUnit      *unit,
                                        GError     **error);
gboolean    kl_store_delete_unit       (KlStore     *self,
                                        gint64       id,
                                        GError     **error);
GPtrArray  *kl_store_list_staff        (KlStore     *self,
                                        gint64       unit_id,
                                        gboolean     include_left,
                                        GError     **error);
KlStaff    *kl_store_get_staff         (KlStore     *self,
                                        gint64       id,
                                        GError     **error);
gint64      kl_store_count_staff       (KlStore     *self,
                                        GError     **error);
gboolean    kl_store_validate_staff    (KlStore     *self,
                                        KlStaff     *staff,
                                        GError     **error);
gboolean    kl_store_save_staff        (KlStore     *self,
                                        KlStaff     *staff,
                                        GError     **error);
gboolean    kl_store_delete_staff      (KlStore     *self,
                                        gint64       id,
                                        GError     **error);

/* Themes, assessments, goals: kl-store-competence.c */
GPtrArray  *kl_store_list_themes       (KlStore     *self,
                                        gboolean     include_archived,
                                        GError     **error);
gboolean    kl_store_save_theme        (KlStore     *self,
                                        KlTheme     *theme,
                                        GError     **error);
gboolean    kl_store_delete_theme      (KlStore     *self,
                                        gint64       id,
                                        GError     **error);
GPtrArray  *kl_store_list_assessments  (KlStore     *self,
                                        gint64       staff_id,
                                        GError     **error);
GPtrArray  *kl_store_list_current_assessments (KlStore  *self,
                                               gint64    staff_id,
                                               GError  **error);
gboolean    kl_store_validate_assessment (KlStore       *self,
                                          KlAssessment  *assessment,
                                          GError       **error);
gboolean    kl_store_save_assessment   (KlStore       *self,
                                        KlAssessment  *assessment,
                                        GError       **error);
gboolean    kl_store_save_assessments  (KlStore       *self,
                                        GPtrArray     *assessments,
                                        GError       **error);
gboolean    kl_store_delete_assessment (KlStore       *self,
                                        gint64         id,
                                        GError       **error);
GPtrArray  *kl_store_list_goals        (KlStore     *self,
                                        gint64       staff_id,
                                        GError     **error);
gboolean    kl_store_validate_goal     (KlStore     *self,
                                        KlGoal      *goal,
                                        GError     **error);
gboolean    kl_store_save_goal         (KlStore     *self,
                                        KlGoal      *goal,
                                        GError     **error);
gboolean    kl_store_delete_goal       (KlStore     *self,
                                        gint64       id,
                                        GError     **error);

/* Courses and enrolments: kl-store-courses.c */
GPtrArray  *kl_store_list_courses      (KlStore     *self,
                                        GError     **error);
KlCourse   *kl_store_get_course        (KlStore     *self,
                                        gint64       id,
                                        GError     **error);
gboolean    kl_store_validate_course   (KlStore     *self,
                                        KlCourse    *course,
                                        GError     **error);
gboolean    kl_store_save_course       (KlStore     *self,
                                        KlCourse    *course,
                                        GError     **error);
gboolean    kl_store_delete_course     (KlStore     *self,
                                        gint64       id,
                                        GError     **error);
GPtrArray  *kl_store_list_enrolments_for_course (KlStore  *self,
                                                 gint64    course_id,
                                                 GError  **error);
GPtrArray  *kl_store_list_enrolments_for_staff  (KlStore  *self,
                                                 gint64    staff_id,
                                                 GError  **error);
KlEnrolment *kl_store_get_enrolment    (KlStore            *self,
                                        gint64              id,
                                        GError            **error);
KlEnrolment *kl_store_enrol            (KlStore            *self,
                                        gint64              staff_id,
                                        gint64              course_id,
                                        KlEnrolmentStatus   status,
                                        GError            **error);
gboolean    kl_store_set_enrolment_status (KlStore            *self,
                                           gint64              id,
                                           KlEnrolmentStatus   status,
                                           const char         *completed_on,
                                           GArray             *promoted,
                                           GError            **error);
gboolean    kl_store_set_enrolment_note (KlStore     *self,
                                         gint64       id,
                                         const char  *note,
                                         GError     **error);
gint64      kl_store_find_enrolment    (KlStore     *self,
                                        gint64       staff_id,
                                        gint64       course_id);
GHashTable *kl_store_course_gaps       (KlStore     *self,
                                        gint64       course_id,
                                        GError     **error);
gboolean    kl_store_save_enrolment    (KlStore     *self,
                                        KlEnrolment *enrolment,
                                        GError     **error);
gboolean    kl_store_delete_enrolment  (KlStore     *self,
                                        gint64       id,
                                        GArray      *promoted,
                                        GError     **error);

/* Principles and actions: kl-store-principles.c */
GPtrArray  *kl_store_list_principles   (KlStore     *self,
                                        const char  *framework,
                                        GError     **error);
GPtrArray  *kl_store_list_principle_assessments (KlStore  *self,
                                                 gint64    unit_id,
                                                 gint64    principle_id,
                                                 GError  **error);
gboolean    kl_store_validate_principle_assessment (KlStore                *self,
                                                    KlPrincipleAssessment  *pa,
                                                    GError                **error);
gboolean    kl_store_save_principle_assessment (KlStore                *self,
                                                KlPrincipleAssessment  *pa,
                                                GError                **error);
gboolean    kl_store_delete_principle_assessment (KlStore  *self,
                                                  gint64    id,
                                                  GError  **error);
GPtrArray  *kl_store_list_actions      (KlStore     *self,
                                        gint64       unit_id,
                                        gint64       principle_id,
                                        GError     **error);
gboolean    kl_store_validate_action   (KlStore     *self,
                                        KlAction    *action,
                                        GError     **error);
gboolean    kl_store_save_action       (KlStore     *self,
                                        KlAction    *action,
                                        GError     **error);
gboolean    kl_store_delete_action     (KlStore     *self,
                                        gint64       id,
                                        GError     **error);

/* Reports for HR: kl-store-reports.c */
gboolean    kl_store_report            (KlStore               *self,
                                        KlReportKind           kind,
                                        const KlReportFilter  *filter,
                                        KlReportRowFunc        func,
                                        gpointer               data,
                                        GError               **error);
gint64      kl_store_find_unit         (KlStore     *self,
                                        const char  *name);

/* Demo data: kl-demo.c */
gboolean    kl_store_fill_demo         (KlStore     *self,
                                        GError     **error);

G_END_DECLS
