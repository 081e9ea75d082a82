/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "kl-course-detail.h"
#include "kl-course-dialog.h"
#include "kl-courses-page.h"
#include "kl-follow-up-dialog.h"
#include "kl-participants-dialog.h"
#include "kl-test-utils.h"
#include "kl-window.h"

/* The Courses section as a leader uses it: add a course, enrol people
 * beyond its seats, free a seat, complete several at once and record what
 * they learnt. */

typedef struct
{
  KlApplication *app;
  KlStore       *store;
  KlWindow      *window;
  KlCoursesPage *page;
  gint64         staff[5];
} Fixture;

static const char *names[] = { "Anne Holm", "Bo Jensen", "Carl Nielsen", "Dorte Ravn", "Eva Skov" };

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = kl_test_tmp_path ("courses.db");
  gint64 unit;

  fixture->app = kl_test_application_new (path);
  fixture->store = kl_application_get_store (fixture->app);
  unit = kl_test_add_unit (fixture->store, "Bostøtte Nord", 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    fixture->staff[i] = kl_test_add_staff (fixture->store, unit, names[i], NULL);

  fixture->window = kl_test_window_new (fixture->app, 1200, 800);
  fixture->page = KL_COURSES_PAGE (kl_test_show_page (fixture->window, "courses", "courses_page"));
  kl_test_wait (100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  kl_test_window_destroy (fixture->window);
  g_clear_object (&fixture->app);
}

static KlCourseDialog *
open_add_dialog (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "courses.add", NULL));
  kl_test_wait (50);
  return g_object_ref (KL_COURSE_DIALOG (kl_test_find_window (KL_TYPE_COURSE_DIALOG)));
}

static gint64
add_course_through_form (Fixture    *fixture,
                         const char *title,
                         const char *seats)
{
  g_autoptr(KlCourseDialog) dialog = open_add_dialog (fixture);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 30);
  g_autofree char *date = g_date_time_format (later, "%d-%m-%Y");

  kl_test_set_text (dialog, "title_row", title);
  kl_test_set_text (dialog, "provider_row", "VIA University College");
  kl_test_set_text (dialog, "starts_row", date);
  kl_test_set_text (dialog, "ends_row", date);
  kl_test_set_text (dialog, "hours_row", "7,5");
  kl_test_set_text (dialog, "cost_row", "4.500");
  kl_test_set_text (dialog, "capacity_row", seats);
  kl_course_dialog_set_theme (dialog, "rehabilitering-og-recovery", TRUE);
  g_assert_true (kl_course_dialog_save (dialog));
  g_assert_finalize_object (g_steal_pointer (&dialog));
  kl_test_wait (100);
  return kl_courses_page_get_shown (fixture->page);
}

static void
test_create_course (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(KlCourse) course = NULL;
  gint64 id;

  kl_assert_text_contains (fixture->page, "No Courses Yet");
  id = add_course_through_form (fixture, "Recovery i praksis", "2");
  g_assert_cmpint (id, !=, 0);

  course = kl_store_get_course (fixture->store, id, NULL);
  g_assert_cmpfloat (kl_course_get_hours (course), ==, 7.5);
  g_assert_cmpfloat (kl_course_get_cost_dkk (course), ==, 4500);
  g_assert_cmpint (kl_course_get_capacity (course), ==, 2);

  /* A period the course is not in hides it; one it is in shows it. */
  gtk_editable_set_text (GTK_EDITABLE (kl_test_find_descendant (GTK_WIDGET (fixture->page), "to_entry")), "01-01-2020");
  kl_test_wait (20);
  g_assert_cmpuint (g_list_model_get_n_items (kl_courses_page_get_model (fixture->page)), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (kl_test_find_descendant (GTK_WIDGET (fixture->page), "to_entry")), "");
  kl_test_wait (20);
  g_assert_cmpuint (g_list_model_get_n_items (kl_courses_page_get_model (fixture->page)), ==, 1);

  /* In the catalogue, with its theme and seats; and its page is open. */
  kl_assert_text_contains (fixture->page, "Recovery i praksis");
  kl_assert_text_contains (fixture->page, "Rehabilitation and recovery");
  kl_assert_text_contains (fixture->page, "0/2");
  kl_assert_text_contains (fixture->page, " · 7.5 hours · VIA University College");
  kl_assert_text_contains (fixture->page, "4500 kr. per person");
}

static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  struct {
    const char *title, *starts, *ends, *hours, *cost, *seats;
    gboolean theme;
    const char *row, *message;
  } cases[] = {
    { " ", "04-05-2026", "05-05-2026", "14", "0", "", TRUE, "title_row", "The title cannot be empty" },
    { "Kursus", "", "05-05-2026", "14", "0", "", TRUE, "starts_row", "Write the start date" },
    { "Kursus", "06-05-2026", "05-05-2026", "14", "0", "", TRUE, "ends_row", "The course ends before it starts" },
    { "Kursus", "04-05-2026", "05-05-2026", "mange", "0", "", TRUE, "hours_row", "Write the hours as a number" },
    { "Kursus", "04-05-2026", "05-05-2026", "-3", "0", "", TRUE, "hours_row", "Hours cannot be negative" },
    { "Kursus", "04-05-2026", "05-05-2026", "14", "-100", "", TRUE, "cost_row", "The cost cannot be negative" },
    { "Kursus", "04-05-2026", "05-05-2026", "14", "0", "2,5", TRUE, "capacity_row", "whole number" },
    { "Kursus", "04-05-2026", "05-05-2026", "14", "0", "", FALSE, "theme_group", "Choose at least one theme" },
  };
  g_autoptr(KlCourseDialog) dialog = open_add_dialog (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      kl_test_set_text (dialog, "title_row", cases[i].title);
      kl_test_set_text (dialog, "starts_row", cases[i].starts);
      kl_test_set_text (dialog, "ends_row", cases[i].ends);
      kl_test_set_text (dialog, "hours_row", cases[i].hours);
      kl_test_set_text (dialog, "cost_row", cases[i].cost);
      kl_test_set_text (dialog, "capacity_row", cases[i].seats);
      kl_course_dialog_set_theme (dialog, "sundhed", cases[i].theme);

      g_assert_false (kl_course_dialog_save (dialog));
      kl_assert_text_contains (dialog, cases[i].message);
      g_assert_true (gtk_widget_has_css_class (kl_test_find_descendant (GTK_WIDGET (dialog), cases[i].row), "error"));
    }
  g_assert_cmpuint (g_list_model_get_n_items (kl_courses_page_get_model (fixture->page)), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (g_steal_pointer (&dialog));
}

static KlCourseDetail *
detail (Fixture *fixture)
{
  return KL_COURSE_DETAIL (kl_test_find_descendant (GTK_WIDGET (fixture->page), "detail"));
}

static void
test_waitlist (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 course = add_course_through_form (fixture, "Recovery i praksis", "2");
  g_autoptr(KlParticipantsDialog) dialog = NULL;
  g_autoptr(GPtrArray) enrolments = NULL;
  g_autofree char *result = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail (fixture)), "course.enrol", NULL));
  kl_test_wait (50);
  dialog = g_object_ref (KL_PARTICIPANTS_DIALOG (kl_test_find_window (KL_TYPE_PARTICIPANTS_DIALOG)));
  kl_assert_text_contains (dialog, "2 free seats");

  /* Four people for two seats: two go on the waiting list. */
  for (guint i = 0; i < 4; i++)
    kl_participants_dialog_select (dialog, fixture->staff[i]);
  result = kl_participants_dialog_enrol (dialog);
  g_assert_cmpstr (result, ==, "2 enrolled, 2 on the waiting list");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (g_steal_pointer (&dialog));
  kl_test_wait (100);

  kl_assert_text_contains (fixture->page, "2 of 2 taken");
  kl_assert_text_contains (fixture->page, "Carl Nielsen\nNumber 1 on the waiting list");
  kl_assert_text_contains (fixture->page, "Dorte Ravn\nNumber 2 on the waiting list");

  /* Anne cancels: Carl, first on the list, gets her seat, and is told. */
  enrolments = kl_store_list_enrolments_for_course (fixture->store, course, NULL);
  for (guint i = 0; i < enrolments->len; i++)
    {
      KlEnrolment *e = g_ptr_array_index (enrolments, i);
      if (kl_enrolment_get_staff_id (e) == fixture->staff[0])
        g_assert_true (kl_course_detail_set_status (detail (fixture), kl_record_get_id (KL_RECORD (e)),
                                                    KL_ENROLMENT_STATUS_CANCELLED));
    }
  kl_test_wait (100);
  kl_assert_text_contains (fixture->window, "A seat was freed: Carl Nielsen moved up from the waiting list");
  kl_assert_text_contains (fixture->page, "Dorte Ravn\nNumber 1 on the waiting list");
  kl_assert_text_lacks (fixture->page, "Carl Nielsen\nNumber");
}

static void
test_bulk_complete_and_follow_up (Fixture       *fixture,
                                  gconstpointer  data)
{
  gint64 course = add_course_through_form (fixture, "Recovery i praksis", "");
  g_autoptr(GPtrArray) enrolments = NULL;
  g_autoptr(KlFollowUpDialog) follow_up = NULL;
  g_autoptr(GPtrArray) current = NULL;

  /* Bo was at level 1 in the course's theme. */
  {
    g_autoptr(KlAssessment) a = kl_assessment_new ();
    kl_assessment_set_staff_id (a, fixture->staff[1]);
    kl_assessment_set_theme_id (a, kl_store_lookup_id (fixture->store, KL_TYPE_THEME, "rehabilitering-og-recovery"));
    kl_assessment_set_assessed_on (a, "2025-01-01");
    kl_assessment_set_level (a, 1);
    kl_assessment_set_target (a, 3);
    g_assert_true (kl_store_save_assessment (fixture->store, a, NULL));
  }
  for (guint i = 0; i < 3; i++)
    kl_test_add_enrolment (fixture->store, fixture->staff[i], course, KL_ENROLMENT_STATUS_ENROLLED, NULL);
  kl_assert_text_contains (fixture->page, "Carl Nielsen\nEnrolled");

  enrolments = kl_store_list_enrolments_for_course (fixture->store, course, NULL);
  for (guint i = 0; i < enrolments->len; i++)
    {
      KlEnrolment *e = g_ptr_array_index (enrolments, i);
      if (kl_enrolment_get_staff_id (e) != fixture->staff[2])
        kl_course_detail_select (detail (fixture), kl_record_get_id (KL_RECORD (e)), TRUE);
    }
  g_assert_cmpuint (kl_course_detail_complete_selected (detail (fixture)), ==, 2);
  kl_test_wait (100);
  kl_assert_text_contains (fixture->window, "2 participants marked as completed");

  /* The follow-up offers one level up: Bo 1 → 2, Anne (never assessed) 0. */
  follow_up = g_object_ref (KL_FOLLOW_UP_DIALOG (kl_test_find_window (KL_TYPE_FOLLOW_UP_DIALOG)));
  kl_assert_text_contains (follow_up, "Anne Holm");
  kl_assert_text_contains (follow_up, "Bo Jensen");
  kl_assert_text_lacks (follow_up, "Carl Nielsen");
  g_assert_cmpint (kl_follow_up_dialog_get_level (follow_up, fixture->staff[1], "rehabilitering-og-recovery"), ==, 2);
  g_assert_cmpint (kl_follow_up_dialog_get_level (follow_up, fixture->staff[0], "rehabilitering-og-recovery"), ==, 0);
  g_assert_true (kl_follow_up_dialog_save (follow_up));
  g_assert_finalize_object (g_steal_pointer (&follow_up));

  current = kl_store_list_current_assessments (fixture->store, fixture->staff[1], NULL);
  g_assert_cmpuint (current->len, ==, 1);
  g_assert_cmpint (kl_assessment_get_level (g_ptr_array_index (current, 0)), ==, 2);
  g_assert_cmpint (kl_assessment_get_target (g_ptr_array_index (current, 0)), ==, 3);
  kl_assert_text_contains (fixture->page, "Anne Holm\nCompleted ");
}

static void
test_delete_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  gint64 course = add_course_through_form (fixture, "Recovery i praksis", "");
  GtkWindow *message;

  kl_test_add_enrolment (fixture->store, fixture->staff[0], course, KL_ENROLMENT_STATUS_PLANNED, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail (fixture)), "course.delete", NULL));
  kl_test_wait (50);
  message = kl_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (message);
  kl_assert_text_contains (message, "Cancel the course instead");
  {
    g_autoptr(KlRecord) still = kl_store_get_record (fixture->store, KL_TYPE_COURSE, course, NULL);
    g_assert_nonnull (still);
  }
  gtk_window_destroy (message);
}

int
main (int   argc,
      char *argv[])
{
  kl_test_init_ui (&argc, &argv);

  g_test_add ("/courses/create", Fixture, NULL, fixture_set_up, test_create_course, fixture_tear_down);
  g_test_add ("/courses/validation", Fixture, NULL, fixture_set_up, test_validation, fixture_tear_down);
  g_test_add ("/courses/waitlist", Fixture, NULL, fixture_set_up, test_waitlist, fixture_tear_down);
  g_test_add ("/courses/bulk-complete", Fixture, NULL, fixture_set_up, test_bulk_complete_and_follow_up, fixture_tear_down);
  g_test_add ("/courses/delete-refused", Fixture, NULL, fixture_set_up, test_delete_refused, fixture_tear_down);

  return g_test_run ();
}
