/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kl-application.h"
#include "kl-window.h"

G_BEGIN_DECLS

void           kl_test_init              (int        *argc,
                                          char     ***argv);
void           kl_test_set_language      (const char *language);
char          *kl_test_tmp_path          (const char *name);
KlApplication *kl_test_application_new   (const char *database);
void           kl_test_wait              (guint       msec);
char          *kl_test_collect_text      (GtkWidget  *root);
GtkWindow     *kl_test_find_window       (GType       type);
GtkWidget     *kl_test_find_descendant   (GtkWidget  *root,
                                          const char *name);

/* Stores and files. Any failure ends the test. */
KlStore       *kl_test_open_store        (const char *name);
char         **kl_test_query_column      (const char *path,
                                          const char *sql);
char          *kl_test_import_path       (const char *name);
char          *kl_test_read_file         (const char *path);

/* Fixture builders: records as the app saves them, with what each test
 * sets and nothing else. The _new functions return the record unsaved,
 * for a test to change further; kl_test_save() saves any record and
 * returns its id. Any failure ends the test. */
gint64         kl_test_save              (KlStore    *store,
                                          gpointer    record);
gint64         kl_test_theme_id          (KlStore    *store,
                                          const char *uuid);
gint64         kl_test_principle_id      (KlStore    *store,
                                          const char *uuid);
gint64         kl_test_add_unit          (KlStore    *store,
                                          const char *name,
                                          gint64      parent_id);
KlStaff       *kl_test_staff_new         (gint64      unit_id,
                                          const char *name,
                                          const char *job_title,
                                          const char *email,
                                          const char *started_on,
                                          double      weekly_hours);
gint64         kl_test_add_staff         (KlStore    *store,
                                          gint64      unit_id,
                                          const char *name,
                                          const char *job_title);
gint64         kl_test_add_staff_full    (KlStore    *store,
                                          gint64      unit_id,
                                          const char *name,
                                          const char *job_title,
                                          const char *email,
                                          const char *started_on,
                                          double      weekly_hours);
KlCourse      *kl_test_course_new        (const char         *title,
                                          const char         *provider,
                                          const char * const *theme_ids,
                                          const char         *starts_on,
                                          const char         *ends_on,
                                          double              hours,
                                          double              cost_dkk,
                                          int                 capacity);
gint64         kl_test_add_course        (KlStore            *store,
                                          const char         *title,
                                          const char         *provider,
                                          const char * const *theme_ids,
                                          const char         *starts_on,
                                          const char         *ends_on,
                                          double              hours,
                                          double              cost_dkk,
                                          int                 capacity);
KlAssessment  *kl_test_assessment_new    (gint64      staff_id,
                                          gint64      theme_id,
                                          const char *assessed_on,
                                          int         level,
                                          int         target);
gint64         kl_test_assess            (KlStore    *store,
                                          gint64      staff_id,
                                          gint64      theme_id,
                                          const char *assessed_on,
                                          int         level,
                                          int         target);
KlEnrolment   *kl_test_enrol             (KlStore           *store,
                                          gint64             staff_id,
                                          gint64             course_id,
                                          KlEnrolmentStatus  status);
gint64         kl_test_add_enrolment     (KlStore           *store,
                                          gint64             staff_id,
                                          gint64             course_id,
                                          KlEnrolmentStatus  status,
                                          const char        *completed_on);
gint64         kl_test_add_goal          (KlStore      *store,
                                          gint64        staff_id,
                                          const char   *text,
                                          const char   *agreed_on,
                                          const char   *due_on,
                                          KlGoalStatus  status);
gint64         kl_test_add_action        (KlStore        *store,
                                          const char     *title,
                                          const char     *principle,
                                          const char     *theme,
                                          gint64          unit_id,
                                          gint64          owner_id,
                                          const char     *due_on,
                                          KlActionStatus  status);
gint64         kl_test_add_maturity      (KlStore    *store,
                                          const char *principle,
                                          gint64      unit_id,
                                          const char *assessed_on,
                                          int         maturity);

/* Windows and forms */
void           kl_test_init_ui           (int        *argc,
                                          char     ***argv);
KlWindow      *kl_test_window_new        (KlApplication *app,
                                          int            width,
                                          int            height);
void           kl_test_window_destroy    (gpointer       window);
GtkWidget     *kl_test_show_page         (KlWindow      *window,
                                          const char    *section,
                                          const char    *page);
void           kl_test_set_text          (gpointer    root,
                                          const char *id,
                                          const char *text);
gboolean       kl_test_has_error         (gpointer    root,
                                          const char *id);

/* For async calls: pass kl_test_keep_result as the callback and a
 * GAsyncResult * (NULL) as its data; kl_test_wait_result() runs the main
 * context until it is set and returns it. */
void           kl_test_keep_result       (GObject       *source,
                                          GAsyncResult  *result,
                                          gpointer       data);
GAsyncResult  *kl_test_wait_result       (GAsyncResult **slot);

/* What a user sees, once the view has settled: views update in idle
 * callbacks, so these wait up to three seconds for the text to come (or go). */
gboolean       kl_test_wait_for_text     (GtkWidget  *root,
                                          const char *needle,
                                          gboolean    present);

#define kl_assert_text_contains(root, needle) \
  G_STMT_START { \
    if (!kl_test_wait_for_text (GTK_WIDGET (root), (needle), TRUE)) \
      { \
        g_autofree char *__text = kl_test_collect_text (GTK_WIDGET (root)); \
        g_error ("Expected to see “%s” but the widget shows:\n%s", (needle), __text); \
      } \
  } G_STMT_END

#define kl_assert_text_lacks(root, needle) \
  G_STMT_START { \
    if (!kl_test_wait_for_text (GTK_WIDGET (root), (needle), FALSE)) \
      { \
        g_autofree char *__text = kl_test_collect_text (GTK_WIDGET (root)); \
        g_error ("Did not expect to see “%s” but the widget shows:\n%s", (needle), __text); \
      } \
  } G_STMT_END

G_END_DECLS
