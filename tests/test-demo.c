/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "kl-store.h"
#include "kl-test-utils.h"

static KlStore *
open_demo_store (const char *name)
{
  g_autoptr(GError) error = NULL;
  KlStore *store = kl_test_open_store (name);
  gint64 start = g_get_monotonic_time ();

  g_assert_true (kl_store_fill_demo (store, &error));
  g_assert_no_error (error);
  g_test_message ("kl_store_fill_demo took %.0f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  return store;
}

static char *
today_string (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
check_units (KlStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = kl_store_list_units (store, &error);
  guint top_level = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < units->len; i++)
    {
      KlUnit *unit = g_ptr_array_index (units, i);
      gint64 id = kl_record_get_id (KL_RECORD (unit));
      g_autoptr(GPtrArray) staff = NULL;
      guint children = 0;

      if (kl_unit_get_parent_id (unit) != 0)
        continue;
      top_level++;
      for (guint j = 0; j < units->len; j++)
        if (kl_unit_get_parent_id (g_ptr_array_index (units, j)) == id)
          children++;
      staff = kl_store_list_staff (store, id, TRUE, &error);
      g_assert_no_error (error);
      g_assert_true (children > 0 || staff->len > 0);
      /* Every tilbud has people, counting its teams. */
      g_assert_cmpuint (staff->len, >, 0);
    }
  g_assert_cmpuint (top_level, >=, 3);
}

static void
check_staff (KlStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = kl_store_list_staff (store, 0, TRUE, &error);
  g_autoptr(GPtrArray) current = kl_store_list_staff (store, 0, FALSE, &error);
  g_autoptr(GHashTable) emails = g_hash_table_new (g_str_hash, g_str_equal);
  guint left = 0;

  g_assert_no_error (error);
  g_assert_cmpint (kl_store_count_staff (store, NULL), >=, 40);
  g_assert_cmpuint (staff->len, >=, 40);

  for (guint i = 0; i < staff->len; i++)
    {
      KlStaff *person = g_ptr_array_index (staff, i);
      const char *email = kl_staff_get_email (person);
      const char *started = kl_staff_get_started_on (person);
      const char *left_on = kl_staff_get_left_on (person);
      double hours = kl_staff_get_weekly_hours (person);

      g_assert_nonnull (email);
      g_assert_true (g_str_is_ascii (email));
      g_assert_true (g_str_has_suffix (email, "@kommune.example.dk"));
      g_assert_null (strchr (email, ' '));
      g_assert_true (g_hash_table_add (emails, (gpointer)email));

      g_assert_nonnull (started);
      g_assert_cmpstr (started, >=, "2005-01-01");
      g_assert_cmpstr (started, <=, "2025-12-31");
      g_assert_true (hours >= 20 && hours <= 37);
      g_assert_cmpstr (kl_staff_get_job_title (person), !=, "");

      if (left_on != NULL && *left_on != '\0')
        {
          g_assert_cmpstr (left_on, >, started);
          left++;
        }
    }
  g_assert_cmpuint (left, >=, 2);
  g_assert_cmpuint (left, <=, 3);
  g_assert_cmpuint (current->len, ==, staff->len - left);
}

static void
check_courses (KlStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) courses = kl_store_list_courses (store, &error);
  g_autofree char *today = today_string ();
  guint per_status[KL_ENROLMENT_STATUS_NO_SHOW + 1] = { 0, };
  guint cancelled = 0, unlimited = 0, past = 0, future = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (courses->len, >=, 15);

  for (guint i = 0; i < courses->len; i++)
    {
      KlCourse *course = g_ptr_array_index (courses, i);
      gint64 id = kl_record_get_id (KL_RECORD (course));
      const char * const *themes = kl_course_get_theme_ids (course);
      g_autoptr(GPtrArray) enrolments = kl_store_list_enrolments_for_course (store, id, &error);
      const char *starts = kl_course_get_starts_on (course);

      g_assert_no_error (error);
      g_assert_nonnull (themes);
      g_assert_cmpuint (g_strv_length ((char **)themes), >=, 1);
      g_assert_cmpuint (g_strv_length ((char **)themes), <=, 3);
      g_assert_cmpfloat (kl_course_get_hours (course), >=, 6);
      g_assert_cmpfloat (kl_course_get_hours (course), <=, 37);
      g_assert_cmpfloat (kl_course_get_cost_dkk (course), <=, 12000);

      if (kl_course_get_status (course) == KL_COURSE_STATUS_CANCELLED)
        cancelled++;
      if (kl_course_get_capacity (course) < 0)
        unlimited++;
      else
        g_assert_cmpint (kl_course_get_seats_taken (course), <=, kl_course_get_capacity (course));
      if (strcmp (starts, today) < 0)
        past++;
      else
        future++;

      for (guint j = 0; j < enrolments->len; j++)
        {
          KlEnrolment *enrolment = g_ptr_array_index (enrolments, j);
          KlEnrolmentStatus status = kl_enrolment_get_status (enrolment);

          g_assert_cmpint (status, <=, KL_ENROLMENT_STATUS_NO_SHOW);
          per_status[status]++;

          /* People who have left are only on courses from their time. */
          if (strcmp (starts, today) > 0)
            {
              g_autoptr(KlStaff) staff = kl_store_get_staff (store, kl_enrolment_get_staff_id (enrolment),
                                                             &error);

              g_assert_no_error (error);
              g_assert_null (kl_staff_get_left_on (staff));
              g_assert_cmpint (status, !=, KL_ENROLMENT_STATUS_COMPLETED);
            }
          if (status == KL_ENROLMENT_STATUS_COMPLETED)
            g_assert_nonnull (kl_enrolment_get_completed_on (enrolment));
        }
    }

  for (guint s = 0; s <= KL_ENROLMENT_STATUS_NO_SHOW; s++)
    {
      g_test_message ("enrolments %s: %u", kl_enum_to_nick (KL_TYPE_ENROLMENT_STATUS, s), per_status[s]);
      g_assert_cmpuint (per_status[s], >, 0);
    }
  g_assert_cmpuint (cancelled, ==, 1);
  g_assert_cmpuint (unlimited, ==, 1);
  g_assert_cmpuint (past, >=, 5);
  g_assert_cmpuint (future, >=, 5);
}

static void
check_competences (KlStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = kl_store_list_staff (store, 0, TRUE, &error);
  g_autofree char *today = today_string ();
  guint with_history = 0, assessments = 0, goals = 0, rises = 0, falls = 0;
  guint per_goal_status[KL_GOAL_STATUS_DROPPED + 1] = { 0, };
  guint overdue = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < staff->len; i++)
    {
      gint64 id = kl_record_get_id (g_ptr_array_index (staff, i));
      g_autoptr(GPtrArray) history = kl_store_list_assessments (store, id, &error);
      g_autoptr(GPtrArray) person_goals = NULL;
      g_autoptr(GHashTable) dates = g_hash_table_new (g_str_hash, g_str_equal);

      g_assert_no_error (error);
      for (guint j = 0; j < history->len; j++)
        {
          KlAssessment *a = g_ptr_array_index (history, j);
          int target = kl_assessment_get_target (a);

          g_assert_cmpint (kl_assessment_get_level (a), >=, 0);
          g_assert_cmpint (kl_assessment_get_level (a), <=, 4);
          g_assert_true (target == -1 || (target >= 2 && target <= 4));
          g_assert_cmpstr (kl_assessment_get_assessed_on (a), <, today);
          g_hash_table_add (dates, (gpointer)kl_assessment_get_assessed_on (a));

          /* The history comes by theme, oldest first. */
          if (j > 0)
            {
              KlAssessment *before = g_ptr_array_index (history, j - 1);

              if (kl_assessment_get_theme_id (before) == kl_assessment_get_theme_id (a))
                {
                  if (kl_assessment_get_level (a) > kl_assessment_get_level (before))
                    rises++;
                  else if (kl_assessment_get_level (a) < kl_assessment_get_level (before))
                    falls++;
                }
            }
        }
      assessments += history->len;
      if (g_hash_table_size (dates) > 1)
        with_history++;

      person_goals = kl_store_list_goals (store, id, &error);
      g_assert_no_error (error);
      for (guint j = 0; j < person_goals->len; j++)
        {
          KlGoal *goal = g_ptr_array_index (person_goals, j);
          const char *due = kl_goal_get_due_on (goal);

          per_goal_status[kl_goal_get_status (goal)]++;
          if (kl_goal_get_status (goal) == KL_GOAL_STATUS_OPEN && due != NULL && strcmp (due, today) < 0)
            overdue++;
        }
      goals += person_goals->len;
    }

  g_test_message ("assessments: %u, staff with history: %u, rises: %u, falls: %u",
                  assessments, with_history, rises, falls);
  g_test_message ("goals: %u (open %u, overdue %u, achieved %u, dropped %u)", goals,
                  per_goal_status[KL_GOAL_STATUS_OPEN], overdue,
                  per_goal_status[KL_GOAL_STATUS_ACHIEVED], per_goal_status[KL_GOAL_STATUS_DROPPED]);
  g_assert_cmpuint (with_history, >=, staff->len / 2);
  /* Progress: levels mostly rise over time. */
  g_assert_cmpuint (rises, >, 4 * falls);
  g_assert_cmpuint (goals, >=, staff->len / 2);
  g_assert_cmpuint (per_goal_status[KL_GOAL_STATUS_OPEN], >, 0);
  g_assert_cmpuint (per_goal_status[KL_GOAL_STATUS_ACHIEVED], >, 0);
  g_assert_cmpuint (per_goal_status[KL_GOAL_STATUS_DROPPED], >, 0);
  g_assert_cmpuint (overdue, >, 0);
}

static void
check_principles (KlStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) principles = kl_store_list_principles (store, KL_FRAMEWORK_FAGLIG_LEDELSE, &error);
  g_autoptr(GPtrArray) units = kl_store_list_units (store, &error);
  g_autoptr(GPtrArray) actions = NULL;
  g_autofree char *today = today_string ();
  guint per_status[KL_ACTION_STATUS_DROPPED + 1] = { 0, };
  guint statuses = 0, past_due = 0, future_due = 0, assessed = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (principles->len, ==, 7);

  for (guint p = 0; p < principles->len; p++)
    {
      gint64 principle = kl_record_get_id (g_ptr_array_index (principles, p));
      guint count = 0;

      for (guint u = 0; u < units->len; u++)
        {
          KlUnit *unit = g_ptr_array_index (units, u);
          g_autoptr(GPtrArray) list = NULL;

          if (kl_unit_get_parent_id (unit) != 0)
            continue;
          list = kl_store_list_principle_assessments (store, kl_record_get_id (KL_RECORD (unit)),
                                                      principle, &error);
          g_assert_no_error (error);
          /* Two or three rounds for each tilbud. */
          g_assert_cmpuint (list->len, >=, 2);
          g_assert_cmpuint (list->len, <=, 3);
          for (guint i = 0; i < list->len; i++)
            {
              KlPrincipleAssessment *pa = g_ptr_array_index (list, i);

              g_assert_cmpint (kl_principle_assessment_get_maturity (pa), >=, 1);
              g_assert_cmpint (kl_principle_assessment_get_maturity (pa), <=, 5);
              g_assert_cmpstr (kl_principle_assessment_get_reflection (pa), !=, "");
              if (i > 0)
                g_assert_cmpint (kl_principle_assessment_get_maturity (pa), >=,
                                 kl_principle_assessment_get_maturity (g_ptr_array_index (list, i - 1)));
            }
          count += list->len;
        }
      g_assert_cmpuint (count, >, 0);
      assessed += count;
    }
  g_test_message ("principle assessments: %u", assessed);

  actions = kl_store_list_actions (store, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (actions->len, >=, 10);
  for (guint i = 0; i < actions->len; i++)
    {
      KlAction *action = g_ptr_array_index (actions, i);
      const char *due = kl_action_get_due_on (action);

      per_status[kl_action_get_status (action)]++;
      if (due != NULL && strcmp (due, today) < 0)
        past_due++;
      else if (due != NULL)
        future_due++;
    }
  for (guint s = 0; s <= KL_ACTION_STATUS_DROPPED; s++)
    if (per_status[s] > 0)
      statuses++;
  g_test_message ("actions: %u", actions->len);
  g_assert_cmpuint (statuses, >=, 3);
  g_assert_cmpuint (past_due, >, 0);
  g_assert_cmpuint (future_due, >, 0);
}

static void
test_fill_empty (void)
{
  g_autoptr(KlStore) store = open_demo_store ("fill/demo.db");

  check_units (store);
  check_staff (store);
  check_courses (store);
  check_competences (store);
  check_principles (store);
}

static void
test_refuses_when_not_empty (void)
{
  g_autoptr(KlStore) store = open_demo_store ("twice/demo.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) courses = kl_store_list_courses (store, &error);
  g_autoptr(GPtrArray) units = kl_store_list_units (store, &error);
  g_autoptr(GPtrArray) courses_after = NULL;
  g_autoptr(GPtrArray) units_after = NULL;
  gint64 staff = kl_store_count_staff (store, &error);

  g_assert_no_error (error);

  g_assert_false (kl_store_fill_demo (store, &error));
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_HAS_DATA);
  g_clear_error (&error);

  g_assert_cmpint (kl_store_count_staff (store, &error), ==, staff);
  courses_after = kl_store_list_courses (store, &error);
  units_after = kl_store_list_units (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (courses_after->len, ==, courses->len);
  g_assert_cmpuint (units_after->len, ==, units->len);
}

static void
test_refuses_user_data (void)
{
  g_autoptr(KlStore) store = kl_test_open_store ("user/data.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(KlUnit) unit = kl_unit_new ();
  g_autoptr(KlStaff) staff = kl_staff_new ();
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) courses = NULL;

  kl_unit_set_name (unit, "Mit team");
  g_assert_true (kl_store_save_unit (store, unit, &error));
  kl_staff_set_name (staff, "En medarbejder");
  kl_staff_set_unit_id (staff, kl_record_get_id (KL_RECORD (unit)));
  kl_staff_set_weekly_hours (staff, 37);
  g_assert_true (kl_store_save_staff (store, staff, &error));
  g_assert_no_error (error);

  g_assert_false (kl_store_fill_demo (store, &error));
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_HAS_DATA);
  g_clear_error (&error);

  g_assert_cmpint (kl_store_count_staff (store, NULL), ==, 1);
  units = kl_store_list_units (store, &error);
  courses = kl_store_list_courses (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (units->len, ==, 1);
  g_assert_cmpuint (courses->len, ==, 0);
}

static GPtrArray *
describe (KlStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = kl_store_list_staff (store, 0, TRUE, &error);
  g_autoptr(GPtrArray) courses = kl_store_list_courses (store, &error);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < staff->len; i++)
    {
      KlStaff *person = g_ptr_array_index (staff, i);
      g_autoptr(GPtrArray) history = kl_store_list_assessments (store, kl_record_get_id (KL_RECORD (person)),
                                                                &error);

      g_assert_no_error (error);
      g_ptr_array_add (lines, g_strdup_printf ("%s|%s|%s|%s|%s|%u", kl_staff_get_name (person),
                                               kl_staff_get_unit_name (person),
                                               kl_staff_get_job_title (person),
                                               kl_staff_get_started_on (person),
                                               kl_staff_get_email (person), history->len));
    }
  for (guint i = 0; i < courses->len; i++)
    {
      KlCourse *course = g_ptr_array_index (courses, i);

      g_ptr_array_add (lines, g_strdup_printf ("%s|%s|%d|%d", kl_course_get_title (course),
                                               kl_course_get_starts_on (course),
                                               kl_course_get_seats_taken (course),
                                               kl_course_get_waitlisted (course)));
    }
  return lines;
}

static void
test_deterministic (void)
{
  g_autoptr(KlStore) first = open_demo_store ("same/first.db");
  g_autoptr(KlStore) second = open_demo_store ("same/second.db");
  g_autoptr(GPtrArray) a = describe (first);
  g_autoptr(GPtrArray) b = describe (second);

  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (g_ptr_array_index (a, i), ==, g_ptr_array_index (b, i));
}

int
main (int    argc,
      char **argv)
{
  kl_test_init (&argc, &argv);

  g_test_add_func ("/demo/fill-empty", test_fill_empty);
  g_test_add_func ("/demo/refuses-when-not-empty", test_refuses_when_not_empty);
  g_test_add_func ("/demo/refuses-user-data", test_refuses_user_data);
  g_test_add_func ("/demo/deterministic", test_deterministic);

  return g_test_run ();
}
