/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "kl-store.h"
#include "kl-test-utils.h"

/* The rules of DESIGN.md sections 5 and 6, checked through the public
 * store API the way the GUI, the command line and the importer use it. */

static const char *builtin_theme_ids[] = {
  "rehabilitering-og-recovery", "inddragelse-og-medbestemmelse",
  "helhed-og-sammenhaeng", "paaroerende", "misbrug", "peers", "fritid",
  "sundhed", "civilsamfund", "uddannelse-og-beskaeftigelse", "dokumentation",
  NULL
};

/* Helpers: the shared fixture builders with this file's defaults */

/* Changes a file behind the store's back, as another program could. */
static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert (sqlite3_exec (db, sql, NULL, NULL, NULL) == SQLITE_OK);
  sqlite3_close (db);
}

/* The store stamps rows to the second. Some rules are about what happens
 * when two things happen in the same second, as they do when a leader
 * enrols a whole team in one go; starting right after the clock ticks
 * makes those tests deterministic. */
static void
wait_for_new_second (void)
{
  gint64 into = g_get_real_time () % G_USEC_PER_SEC;

  g_usleep (G_USEC_PER_SEC - into + 2000);
}

/* A validation error the user sees: the code, the field a form
 * highlights and a message that names the problem. */
static void
assert_invalid (GError     **error,
                const char  *field,
                const char  *message_part)
{
  g_assert_error (*error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID);
  if (*error != NULL)
    {
      g_assert_cmpstr (kl_store_error_get_field (*error), ==, field);
      if (strstr ((*error)->message, message_part) == NULL)
        g_test_fail_printf ("Expected the message to mention “%s”, but it says “%s”",
                            message_part, (*error)->message);
    }
  g_clear_error (error);
}

static void
assert_error_mentions (GError     **error,
                       int          code,
                       const char  *message_part)
{
  g_assert_error (*error, KL_STORE_ERROR, code);
  if (*error != NULL && strstr ((*error)->message, message_part) == NULL)
    g_test_fail_printf ("Expected the message to mention “%s”, but it says “%s”",
                        message_part, (*error)->message);
  g_clear_error (error);
}

static KlStaff *
new_staff (gint64      unit_id,
           const char *name)
{
  return kl_test_staff_new (unit_id, name, "Pædagog", NULL, "2021-08-01", 37);
}

static gint64
add_staff (KlStore    *store,
           gint64      unit_id,
           const char *name)
{
  return kl_test_add_staff_full (store, unit_id, name, "Pædagog", NULL, "2021-08-01", 37);
}

static KlCourse *
new_course (const char *title,
            int         capacity)
{
  return kl_test_course_new (title, "VIA University College", NULL, "2025-09-01", "2025-09-02",
                             14, 4500, capacity);
}

static gint64
add_course (KlStore    *store,
            const char *title,
            int         capacity)
{
  return kl_test_add_course (store, title, "VIA University College", NULL, "2025-09-01", "2025-09-02",
                             14, 4500, capacity);
}

static gint64
add_theme (KlStore    *store,
           const char *name)
{
  g_autoptr(KlTheme) theme = kl_theme_new ();

  kl_theme_set_name (theme, name);
  return kl_test_save (store, theme);
}

static KlAssessment *
new_assessment (gint64      staff_id,
                gint64      theme,
                const char *date,
                int         level)
{
  return kl_test_assessment_new (staff_id, theme, date, level, 3);
}

static KlEnrolmentStatus
enrolment_status (KlStore *store,
                  gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlEnrolment) enrolment = kl_store_get_enrolment (store, id, &error);

  if (enrolment == NULL)
    g_error ("Enrolment %" G_GINT64_FORMAT " is gone: %s", id, error->message);
  return kl_enrolment_get_status (enrolment);
}

/* The course's participant list as "name:status" lines, in list order. */
static char *
describe_course (KlStore *store,
                 gint64   course_id)
{
  g_autoptr(GPtrArray) list = kl_store_list_enrolments_for_course (store, course_id, NULL);
  GString *out = g_string_new (NULL);

  g_assert (list != NULL);
  for (guint i = 0; i < list->len; i++)
    {
      KlEnrolment *e = g_ptr_array_index (list, i);

      g_string_append_printf (out, "%s%s:%s", i > 0 ? ", " : "",
                              kl_enrolment_get_staff_name (e),
                              kl_enum_to_nick (KL_TYPE_ENROLMENT_STATUS, kl_enrolment_get_status (e)));
    }
  return g_string_free (out, FALSE);
}

static gint64
count_staff (KlStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 count = kl_store_count_staff (store, &error);

  g_assert_no_error (error);
  return count;
}

/* Units */

static void
test_unit_rules (void)
{
  g_autoptr(KlStore) store = kl_test_open_store ("units/units.db");
  g_autoptr(KlUnit) unit = kl_unit_new ();
  g_autoptr(KlUnit) fetched = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = g_strnfill (201, 'x');
  GString *danish = g_string_new (NULL);
  g_autofree char *danish_name = NULL;
  gint64 tilbud, team, sub_team;

  kl_unit_set_name (unit, "");
  g_assert_false (kl_store_save_unit (store, unit, &error));
  assert_invalid (&error, "name", "cannot be empty");

  kl_unit_set_name (unit, "   \t ");
  g_assert_false (kl_store_save_unit (store, unit, &error));
  assert_invalid (&error, "name", "cannot be empty");

  kl_unit_set_name (unit, long_name);
  g_assert_false (kl_store_save_unit (store, unit, &error));
  assert_invalid (&error, "name", "at most 200 characters");

  /* The limit counts characters, not bytes: 200 × “ø” is 400 bytes. */
  for (guint i = 0; i < 200; i++)
    g_string_append (danish, "ø");
  danish_name = g_string_free (danish, FALSE);
  kl_unit_set_name (unit, danish_name);
  g_assert_true (kl_store_validate_unit (store, unit, &error));
  g_assert_no_error (error);

  /* Bytes that are not UTF-8 are refused, never stored; also a name cut
   * off in the middle of a character (run under valgrind to see the
   * checker read past the end of such a name). */
  kl_unit_set_name (unit, "Team \xc3\x28");
  g_assert_false (kl_store_save_unit (store, unit, &error));
  assert_invalid (&error, "name", "not valid text");
  kl_unit_set_name (unit, "Team \xf0");
  g_assert_false (kl_store_save_unit (store, unit, &error));
  assert_invalid (&error, "name", "not valid text");

  kl_unit_set_name (unit, "Bostøtte Nord");
  kl_unit_set_parent_id (unit, 4242);
  g_assert_false (kl_store_save_unit (store, unit, &error));
  assert_invalid (&error, "parent", "parent unit does not exist");

  units = kl_store_list_units (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (units->len, ==, 0);
  g_assert_cmpint (kl_record_get_id (KL_RECORD (unit)), ==, 0);

  /* tilbud → team → sub-team */
  tilbud = kl_test_add_unit (store, "  Bostøtte Nord  ", 0);
  team = kl_test_add_unit (store, "Team Øst", tilbud);
  sub_team = kl_test_add_unit (store, "Nattevagt", team);

  fetched = kl_store_get_unit (store, tilbud, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kl_unit_get_name (fetched), ==, "Bostøtte Nord");
  g_assert_cmpint (kl_unit_get_parent_id (fetched), ==, 0);

  /* The tilbud under its own (grand)child, or under itself. */
  kl_unit_set_parent_id (fetched, sub_team);
  g_assert_false (kl_store_save_unit (store, fetched, &error));
  assert_invalid (&error, "parent", "under itself or one of its own sub-units");
  kl_unit_set_parent_id (fetched, team);
  g_assert_false (kl_store_save_unit (store, fetched, &error));
  assert_invalid (&error, "parent", "under itself or one of its own sub-units");
  kl_unit_set_parent_id (fetched, tilbud);
  g_assert_false (kl_store_save_unit (store, fetched, &error));
  assert_invalid (&error, "parent", "under itself or one of its own sub-units");

  g_clear_object (&fetched);
  fetched = kl_store_get_unit (store, tilbud, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kl_unit_get_parent_id (fetched), ==, 0);

  /* Moving a sub-team elsewhere in the tree is fine. */
  g_clear_object (&fetched);
  fetched = kl_store_get_unit (store, sub_team, &error);
  g_assert_no_error (error);
  kl_unit_set_parent_id (fetched, tilbud);
  g_assert_true (kl_store_save_unit (store, fetched, &error));
  g_assert_no_error (error);
}

static void
test_unit_delete (void)
{
  g_autoptr(KlStore) store = kl_test_open_store ("units/delete.db");
  g_autoptr(KlUnit) still = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GError) error = NULL;
  gint64 staffed, empty, parent, child;

  staffed = kl_test_add_unit (store, "Team Vest", 0);
  empty = kl_test_add_unit (store, "Team Syd", 0);
  add_staff (store, staffed, "Mette Sørensen");

  g_assert_false (kl_store_delete_unit (store, staffed, &error));
  assert_error_mentions (&error, KL_STORE_ERROR_IN_USE, "still has 1 staff member");
  still = kl_store_get_unit (store, staffed, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kl_unit_get_name (still), ==, "Team Vest");

  parent = kl_test_add_unit (store, "Bostøtte", 0);
  child = kl_test_add_unit (store, "Team Nord", parent);
  g_assert_false (kl_store_delete_unit (store, parent, &error));
  assert_error_mentions (&error, KL_STORE_ERROR_IN_USE, "sub-units");

  g_assert_true (kl_store_delete_unit (store, empty, &error));
  g_assert_no_error (error);
  g_assert_true (kl_store_delete_unit (store, child, &error));
  g_assert_no_error (error);

  units = kl_store_list_units (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (units->len, ==, 2);
  g_assert_cmpstr (kl_unit_get_name (g_ptr_array_index (units, 0)), ==, "Bostøtte");
  g_assert_cmpstr (kl_unit_get_name (g_ptr_array_index (units, 1)), ==, "Team Vest");

  g_clear_object (&still);
  still = kl_store_get_unit (store, empty, &error);
  g_assert_null (still);
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND);
}

/* Staff */

static void
test_staff_rules (void)
{
  g_autoptr(KlStore) store = kl_test_open_store ("staff/rules.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = g_strnfill (201, 'a');
  gint64 unit = kl_test_add_unit (store, "Team Øst", 0);
  gint64 before;
  static const char *bad_emails[] = { "mette@", "no-at-sign", "a b@x.dk", "@x.dk", "a@b@x.dk" };

  add_staff (store, unit, "Jonas Æbelø");
  before = count_staff (store);
  g_assert_cmpint (before, ==, 1);

  {
    g_autoptr(KlStaff) staff = new_staff (unit, "  ");
    g_assert_false (kl_store_save_staff (store, staff, &error));
    assert_invalid (&error, "name", "cannot be empty");
    g_assert_cmpint (kl_record_get_id (KL_RECORD (staff)), ==, 0);
  }
  {
    g_autoptr(KlStaff) staff = new_staff (unit, long_name);
    g_assert_false (kl_store_save_staff (store, staff, &error));
    assert_invalid (&error, "name", "at most 200 characters");
  }
  {
    g_autoptr(KlStaff) staff = new_staff (0, "Mette Sørensen");
    g_assert_false (kl_store_save_staff (store, staff, &error));
    assert_invalid (&error, "unit", "unit does not exist");
  }
  {
    g_autoptr(KlStaff) staff = new_staff (unit + 100, "Mette Sørensen");
    g_assert_false (kl_store_save_staff (store, staff, &error));
    assert_invalid (&error, "unit", "unit does not exist");
  }
  for (guint i = 0; i < G_N_ELEMENTS (bad_emails); i++)
    {
      g_autoptr(KlStaff) staff = new_staff (unit, "Mette Sørensen");
      kl_staff_set_email (staff, bad_emails[i]);
      g_assert_false (kl_store_save_staff (store, staff, &error));
      assert_invalid (&error, "email", bad_emails[i]);
    }
  {
    g_autoptr(KlStaff) staff = new_staff (unit, "Mette Sørensen");
    kl_staff_set_started_on (staff, "2025-02-30");
    g_assert_false (kl_store_save_staff (store, staff, &error));
    assert_invalid (&error, "started_on", "2025-02-30");
  }
  {
    g_autoptr(KlStaff) staff = new_staff (unit, "Mette Sørensen");
    kl_staff_set_started_on (staff, "1.8.2021");
    g_assert_false (kl_store_save_staff (store, staff, &error));
    assert_invalid (&error, "started_on", "YYYY-MM-DD");
  }
  {
    g_autoptr(KlStaff) staff = new_staff (unit, "Mette Sørensen");
    kl_staff_set_started_on (staff, "2021-08-01");
    kl_staff_set_left_on (staff, "2021-07-31");
    g_assert_false (kl_store_save_staff (store, staff, &error));
    assert_invalid (&error, "left_on", "before the start date");
  }
  {
    g_autoptr(KlStaff) staff = new_staff (unit, "Mette Sørensen");
    kl_staff_set_weekly_hours (staff, 90);
    g_assert_false (kl_store_save_staff (store, staff, &error));
    assert_invalid (&error, "weekly_hours", "between 0 and 80");
  }
  {
    g_autoptr(KlStaff) staff = new_staff (unit, "Mette Sørensen");
    kl_staff_set_weekly_hours (staff, -5);
    g_assert_false (kl_store_save_staff (store, staff, &error));
    assert_invalid (&error, "weekly_hours", "negative");
  }

  /* Invalid input never reaches the database. */
  g_assert_cmpint (count_staff (store), ==, before);

  {
    g_autoptr(KlStaff) staff = new_staff (unit, "Mette Sørensen");
    g_autoptr(KlStaff) fetched = NULL;

    kl_staff_set_email (staff, "mette.sorensen@kommune.dk");
    kl_staff_set_left_on (staff, "2021-08-01");
    kl_staff_set_weekly_hours (staff, 80);
    g_assert_true (kl_store_save_staff (store, staff, &error));
    g_assert_no_error (error);
    g_assert_cmpint (kl_record_get_id (KL_RECORD (staff)), >, 0);
    g_assert_true (g_uuid_string_is_valid (kl_record_get_uuid (KL_RECORD (staff))));

    fetched = kl_store_get_staff (store, kl_record_get_id (KL_RECORD (staff)), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (kl_staff_get_email (fetched), ==, "mette.sorensen@kommune.dk");
    g_assert_cmpstr (kl_staff_get_unit_name (fetched), ==, "Team Øst");
    g_assert_cmpfloat (kl_staff_get_weekly_hours (fetched), ==, 80);
  }
  g_assert_cmpint (count_staff (store), ==, before + 1);
}

static void
test_staff_update (void)
{
  g_autoptr(KlStore) store = kl_test_open_store ("staff/update.db");
  g_autoptr(KlStaff) staff = NULL;
  g_autoptr(KlStaff) fetched = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 unit = kl_test_add_unit (store, "Team Øst", 0);
  gint64 other = kl_test_add_unit (store, "Team Vest", 0);
  gint64 id = add_staff (store, unit, "Mette Sørensen");

  /* Pretend the person was entered long ago, so the update must show. */
  sql = g_strdup_printf ("UPDATE staff SET created_at = '2020-01-01T00:00:00Z', "
                         "updated_at = '2020-01-01T00:00:00Z' WHERE id = %" G_GINT64_FORMAT, id);
  exec_sql (kl_store_get_path (store), sql);

  staff = kl_store_get_staff (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kl_record_get_updated_at (KL_RECORD (staff)), ==, "2020-01-01T00:00:00Z");

  kl_staff_set_name (staff, "Mette Sørensen Holm");
  kl_staff_set_unit_id (staff, other);
  kl_staff_set_left_on (staff, "2025-06-30");
  g_assert_true (kl_store_save_staff (store, staff, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kl_record_get_id (KL_RECORD (staff)), ==, id);

  fetched = kl_store_get_staff (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kl_staff_get_name (fetched), ==, "Mette Sørensen Holm");
  g_assert_cmpstr (kl_staff_get_unit_name (fetched), ==, "Team Vest");
  g_assert_cmpstr (kl_staff_get_left_on (fetched), ==, "2025-06-30");
  g_assert_cmpstr (kl_record_get_created_at (KL_RECORD (fetched)), ==, "2020-01-01T00:00:00Z");
  g_assert_cmpstr (kl_record_get_updated_at (KL_RECORD (fetched)), >, "2020-01-01T00:00:00Z");
  g_assert_cmpstr (kl_record_get_updated_at (KL_RECORD (fetched)), ==,
                   kl_record_get_updated_at (KL_RECORD (staff)));
  g_assert_cmpint (count_staff (store), ==, 1);

  /* Someone who left is hidden from the current list, not deleted. */
  {
    g_autoptr(GPtrArray) current = kl_store_list_staff (store, 0, FALSE, &error);
    g_autoptr(GPtrArray) all = kl_store_list_staff (store, 0, TRUE, NULL);

    g_assert_no_error (error);
    g_assert_cmpuint (current->len, ==, 0);
    g_assert_cmpuint (all->len, ==, 1);
  }
}

static void
test_staff_delete_cascades (void)
{
  g_autoptr(KlStore) store = kl_test_open_store ("staff/delete.db");
  g_autoptr(KlAssessment) assessment = NULL;
  g_autoptr(KlGoal) goal = kl_goal_new ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(KlStaff) gone = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) left = NULL;
  gint64 unit = kl_test_add_unit (store, "Team Øst", 0);
  gint64 mette = add_staff (store, unit, "Mette Sørensen");
  gint64 jonas = add_staff (store, unit, "Jonas Æbelø");
  gint64 recovery = kl_test_theme_id (store, "rehabilitering-og-recovery");

  assessment = new_assessment (mette, recovery, "2025-03-01", 2);
  g_assert_true (kl_store_save_assessment (store, assessment, &error));
  g_assert_no_error (error);
  g_clear_object (&assessment);
  assessment = new_assessment (jonas, recovery, "2025-03-01", 1);
  g_assert_true (kl_store_save_assessment (store, assessment, &error));
  g_assert_no_error (error);

  kl_goal_set_staff_id (goal, mette);
  kl_goal_set_text (goal, "Tage kursus i recovery-samtaler");
  kl_goal_set_agreed_on (goal, "2025-03-01");
  g_assert_true (kl_store_save_goal (store, goal, &error));
  g_assert_no_error (error);

  g_assert_true (kl_store_delete_staff (store, mette, &error));
  g_assert_no_error (error);

  gone = kl_store_get_staff (store, mette, &error);
  g_assert_null (gone);
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  list = kl_store_list_assessments (store, mette, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = kl_store_list_goals (store, mette, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Nothing of the person is left in the file; the colleague is intact. */
  left = kl_test_query_column (kl_store_get_path (store),
                               "SELECT (SELECT count(*) FROM assessment) || '/' || (SELECT count(*) FROM goal)");
  g_assert_cmpstr (left[0], ==, "1/0");
  list = kl_store_list_assessments (store, jonas, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (count_staff (store), ==, 1);

  /* Deleting again says so. */
  g_assert_false (kl_store_delete_staff (store, mette, &error));
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND);
}

/* Assessments */

static void
test_assessment_rules (void)
{
  g_autoptr(KlStore) store = kl_test_open_store ("assessments/rules.db");
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 unit = kl_test_add_unit (store, "Team Øst", 0);
  gint64 mette = add_staff (store, unit, "Mette Sørensen");
  gint64 recovery = kl_test_theme_id (store, "rehabilitering-og-recovery");
  gint64 own_theme = add_theme (store, "Motiverende samtale");

  {
    g_autoptr(KlAssessment) a = new_assessment (mette, recovery, "2025-03-01", 5);
    g_assert_false (kl_store_save_assessment (store, a, &error));
    assert_invalid (&error, "level", "between 0 and 4");
    g_assert_cmpint (kl_record_get_id (KL_RECORD (a)), ==, 0);
  }
  {
    g_autoptr(KlAssessment) a = new_assessment (mette, recovery, "2025-03-01", -1);
    g_assert_false (kl_store_save_assessment (store, a, &error));
    assert_invalid (&error, "level", "between 0 and 4");
  }
  {
    g_autoptr(KlAssessment) a = new_assessment (mette, recovery, "2025-03-01", 2);
    kl_assessment_set_target (a, 7);
    g_assert_false (kl_store_save_assessment (store, a, &error));
    assert_invalid (&error, "target", "between 0 and 4");
  }
  {
    g_autoptr(KlAssessment) a = new_assessment (mette, recovery, NULL, 2);
    g_assert_false (kl_store_save_assessment (store, a, &error));
    assert_invalid (&error, "assessed_on", "missing");
  }
  {
    g_autoptr(KlAssessment) a = new_assessment (mette + 50, recovery, "2025-03-01", 2);
    g_assert_false (kl_store_save_assessment (store, a, &error));
    assert_invalid (&error, "staff", "staff member does not exist");
  }
  {
    g_autoptr(KlAssessment) a = new_assessment (mette, 999, "2025-03-01", 2);
    g_assert_false (kl_store_save_assessment (store, a, &error));
    assert_invalid (&error, "theme", "theme does not exist");
  }

  /* An archived theme takes no new assessments. */
  {
    g_autoptr(GPtrArray) themes = kl_store_list_themes (store, TRUE, &error);
    g_autoptr(KlAssessment) a = new_assessment (mette, own_theme, "2025-03-01", 2);
    KlTheme *theme = NULL;

    g_assert_no_error (error);
    for (guint i = 0; i < themes->len; i++)
      if (kl_record_get_id (g_ptr_array_index (themes, i)) == own_theme)
        theme = g_ptr_array_index (themes, i);
    g_assert (theme != NULL);
    kl_theme_set_archived (theme, TRUE);
    g_assert_true (kl_store_save_theme (store, theme, &error));
    g_assert_no_error (error);

    g_assert_false (kl_store_save_assessment (store, a, &error));
    assert_invalid (&error, "theme", "archived");
  }

  /* A valid level 0 with no target is fine. */
  {
    g_autoptr(KlAssessment) a = new_assessment (mette, recovery, "2025-03-01", 0);
    kl_assessment_set_target (a, -1);
    g_assert_true (kl_store_save_assessment (store, a, &error));
    g_assert_no_error (error);
  }

  list = kl_store_list_assessments (store, mette, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (kl_assessment_get_target (g_ptr_array_index (list, 0)), ==, -1);
}

static void
test_assessment_batch_all_or_nothing (void)
{
  g_autoptr(KlStore) store = kl_test_open_store ("assessments/batch.db");
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 unit = kl_test_add_unit (store, "Team Øst", 0);
  gint64 mette = add_staff (store, unit, "Mette Sørensen");

  g_ptr_array_add (batch, new_assessment (mette, kl_test_theme_id (store, "peers"), "2025-03-01", 2));
  g_ptr_array_add (batch, new_assessment (mette, kl_test_theme_id (store, "fritid"), "2025-03-01", 3));
  g_ptr_array_add (batch, new_assessment (mette, kl_test_theme_id (store, "sundhed"), "2025-03-01", 9));

  g_assert_false (kl_store_save_assessments (store, batch, &error));
  assert_invalid (&error, "level", "not 9");

  list = kl_store_list_assessments (store, mette, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  for (guint i = 0; i < batch->len; i++)
    g_assert_cmpint (kl_record_get_id (g_ptr_array_index (batch, i)), ==, 0);

  /* Corrected, the same batch goes in whole. */
  kl_assessment_set_level (g_ptr_array_index (batch, 2), 4);
  g_assert_true (kl_store_save_assessments (store, batch, &error));
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = kl_store_list_assessments (store, mette, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  for (guint i = 0; i < batch->len; i++)
    g_assert_cmpint (kl_record_get_id (g_ptr_array_index (batch, i)), >, 0);
}

static void
test_assessment_current_is_latest (void)
{
  g_autoptr(KlStore) store = kl_test_open_store ("assessments/current.db");
  g_autoptr(GPtrArray) current = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStaff) staff = NULL;
  gint64 unit = kl_test_add_unit (store, "Team Øst", 0);
  gint64 mette = add_staff (store, unit, "Mette Sørensen");
  gint64 peers = kl_test_theme_id (store, "peers");

  /* Entered out of order: the later conversation is typed in first. */
  {
    g_autoptr(KlAssessment) later = new_assessment (mette, peers, "2025-06-01", 3);
    g_autoptr(KlAssessment) earlier = new_assessment (mette, peers, "2025-01-15", 1);

    g_assert_true (kl_store_save_assessment (store, later, &error));
    g_assert_no_error (error);
    g_assert_true (kl_store_save_assessment (store, earlier, &error));
    g_assert_no_error (error);
  }

  current = kl_store_list_current_assessments (store, mette, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (current->len, ==, 1);
  g_assert_cmpint (kl_assessment_get_level (g_ptr_array_index (current, 0)), ==, 3);
  g_assert_cmpstr (kl_assessment_get_assessed_on (g_ptr_array_index (current, 0)), ==, "2025-06-01");

  history = kl_store_list_assessments (store, mette, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (kl_assessment_get_assessed_on (g_ptr_array_index (history, 0)), ==, "2025-01-15");
  g_assert_cmpint (kl_assessment_get_level (g_ptr_array_index (history, 0)), ==, 1);
  g_assert_cmpstr (kl_assessment_get_assessed_on (g_ptr_array_index (history, 1)), ==, "2025-06-01");
  g_assert_cmpint (kl_assessment_get_level (g_ptr_array_index (history, 1)), ==, 3);

  /* Current level 3 meets the target 3: nothing below target. */
  staff = kl_store_get_staff (store, mette, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kl_staff_get_themes_below_target (staff), ==, 0);
}

/* What current_assessment holds, as "staff:theme:level" in order. */
static char *
describe_current (KlStore *store)
{
  g_auto(GStrv) rows = kl_test_query_column (kl_store_get_path (store),
                                             "SELECT staff_id || ':' || theme_id || ':' || level "
                                             "FROM current_assessment ORDER BY staff_id, theme_id");

  return g_strjoinv (" ", rows);
}

/* The rows of current_assessment that differ from the history's latest,
 * both ways: none, whatever was written. */
static void
assert_current_matches_history (KlStore *store)
{
  g_auto(GStrv) differ = kl_test_query_column (kl_store_get_path (store),
            "WITH latest AS (SELECT a.staff_id, a.theme_id, a.id, a.assessed_on, a.level, a.target "
            "  FROM assessment a WHERE a.id = (SELECT a2.id FROM assessment a2 WHERE a2.staff_id = a.staff_id "
            "  AND a2.theme_id = a.theme_id ORDER BY a2.assessed_on DESC, a2.id DESC LIMIT 1)) "
            "SELECT count(*) FROM (SELECT * FROM latest EXCEPT SELECT * FROM current_assessment "
            "  UNION ALL SELECT * FROM current_assessment EXCEPT SELECT * FROM latest)");

  g_assert_cmpstr (differ[0], ==, "0");
}

static KlAssessment *
save_new_assessment (KlStore    *store,
                     gint64      staff_id,
                     gint64      theme,
                     const char *date,
                     int         level)
{
  g_autoptr(KlAssessment) assessment = new_assessment (staff_id, theme, date, level);
  g_autoptr(GError) error = NULL;

  g_assert_true (kl_store_save_assessment (store, assessment, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&assessment);
}

/* The store keeps each person's current assessment per theme in a table
 * of its own, for the Overview and the lists; every kind of write must
 * keep it equal to what the history says. */
static void
test_assessment_current_kept (void)
{
  g_autoptr(KlStore) store = kl_test_open_store ("assessments/current-kept.db");
  g_autoptr(KlAssessment) june = NULL;
  g_autoptr(KlAssessment) january = NULL;
  g_autoptr(KlAssessment) same_day = NULL;
  g_autoptr(KlAssessment) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  gint64 unit = kl_test_add_unit (store, "Team Øst", 0);
  gint64 mette = add_staff (store, unit, "Mette Sørensen");
  gint64 jonas = add_staff (store, unit, "Jonas Æbelø");
  gint64 peers = kl_test_theme_id (store, "peers");
  gint64 health = kl_test_theme_id (store, "sundhed");

  /* The later one typed in first; an earlier one does not replace it. */
  june = save_new_assessment (store, mette, peers, "2025-06-01", 3);
  january = save_new_assessment (store, mette, peers, "2025-01-15", 1);
  other = save_new_assessment (store, jonas, peers, "2025-02-01", 2);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":3 %" G_GINT64_FORMAT
                              ":%" G_GINT64_FORMAT ":2", mette, peers, jonas, peers);
  got = describe_current (store);
  g_assert_cmpstr (got, ==, expected);
  assert_current_matches_history (store);

  /* Two on the same day: the one entered last counts. */
  same_day = save_new_assessment (store, mette, peers, "2025-06-01", 4);
  assert_current_matches_history (store);

  /* Redated before the others: the June entries count again. */
  kl_assessment_set_assessed_on (same_day, "2024-12-01");
  g_assert_true (kl_store_save_assessment (store, same_day, &error));
  g_assert_no_error (error);
  assert_current_matches_history (store);

  /* Moved to another theme: both themes are right. */
  kl_assessment_set_theme_id (june, health);
  g_assert_true (kl_store_save_assessment (store, june, &error));
  g_assert_no_error (error);
  assert_current_matches_history (store);

  /* Its level corrected. */
  kl_assessment_set_level (january, 2);
  g_assert_true (kl_store_save_assessment (store, january, &error));
  g_assert_no_error (error);
  assert_current_matches_history (store);

  /* The current one deleted: the one before it takes its place. */
  g_assert_true (kl_store_delete_assessment (store, kl_record_get_id (KL_RECORD (january)), &error));
  g_assert_no_error (error);
  assert_current_matches_history (store);
  g_clear_pointer (&expected, g_free);
  g_clear_pointer (&got, g_free);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":4 %" G_GINT64_FORMAT
                              ":%" G_GINT64_FORMAT ":3 %" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":2",
                              mette, peers, mette, health, jonas, peers);
  got = describe_current (store);
  g_assert_cmpstr (got, ==, expected);

  /* A person deleted takes their rows along, and only theirs. */
  g_assert_true (kl_store_delete_staff (store, mette, &error));
  g_assert_no_error (error);
  assert_current_matches_history (store);
  g_clear_pointer (&expected, g_free);
  g_clear_pointer (&got, g_free);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":2", jonas, peers);
  got = describe_current (store);
  g_assert_cmpstr (got, ==, expected);
}

/* Goals */

static void
test_goal_rules (void)
{
  g_autoptr(KlStore) store = kl_test_open_store ("goals/rules.db");
  g_autoptr(KlGoal) goal = kl_goal_new ();
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GError) error = NULL;
  gint64 unit = kl_test_add_unit (store, "Team Øst", 0);
  gint64 mette = add_staff (store, unit, "Mette Sørensen");

  kl_goal_set_staff_id (goal, mette);
  kl_goal_set_agreed_on (goal, "2025-03-01");
  kl_goal_set_text (goal, "  \n ");
  g_assert_false (kl_store_save_goal (store, goal, &error));
  assert_invalid (&error, "text", "cannot be empty");

  kl_goal_set_text (goal, "Lede en recovery-workshop for teamet");
  kl_goal_set_due_on (goal, "2025-02-28");
  g_assert_false (kl_store_save_goal (store, goal, &error));
  assert_invalid (&error, "due_on", "before the date the goal was agreed");

  goals = kl_store_list_goals (store, mette, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (goals->len, ==, 0);

  kl_goal_set_due_on (goal, "2025-03-01");
  g_assert_true (kl_store_save_goal (store, goal, &error));
  g_assert_no_error (error);
  g_clear_pointer (&goals, g_ptr_array_unref);
  goals = kl_store_list_goals (store, mette, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (goals->len, ==, 1);
  g_assert_cmpstr (kl_goal_get_text (g_ptr_array_index (goals, 0)), ==, "Lede en recovery-workshop for teamet");
  g_assert_cmpint (kl_goal_get_status (g_ptr_array_index (goals, 0)), ==, KL_GOAL_STATUS_OPEN);
}

/* Themes */

static void
test_theme_rules (void)
{
  g_autoptr(KlStore) store = kl_test_open_store ("themes/rules.db");
  g_autoptr(GPtrArray) themes = NULL;
  g_autoptr(GPtrArray) visible = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KlAssessment) assessment = NULL;
  g_autoptr(GPtrArray) builtin_ids = g_ptr_array_new ();
  gint64 unit = kl_test_add_unit (store, "Team Øst", 0);
  gint64 mette = add_staff (store, unit, "Mette Sørensen");
  gint64 used = add_theme (store, "Motiverende samtale");
  gint64 unused = add_theme (store, "Skriftlighed");
  gint64 recovery = kl_test_theme_id (store, "rehabilitering-og-recovery");
  KlTheme *used_theme = NULL;

  /* The eleven built-in themes, with their contract ids, in order. */
  themes = kl_store_list_themes (store, TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < themes->len; i++)
    {
      KlTheme *theme = g_ptr_array_index (themes, i);

      if (kl_theme_get_builtin (theme))
        g_ptr_array_add (builtin_ids, (gpointer)kl_record_get_uuid (KL_RECORD (theme)));
      if (kl_record_get_id (KL_RECORD (theme)) == used)
        used_theme = theme;
    }
  g_ptr_array_add (builtin_ids, NULL);
  g_assert_cmpuint (builtin_ids->len, ==, 12);
  g_assert_cmpstrv ((const char * const *)builtin_ids->pdata, builtin_theme_ids);
  g_assert_cmpuint (themes->len, ==, 13);

  assessment = new_assessment (mette, used, "2025-03-01", 2);
  g_assert_true (kl_store_save_assessment (store, assessment, &error));
  g_assert_no_error (error);

  g_assert_false (kl_store_delete_theme (store, used, &error));
  assert_error_mentions (&error, KL_STORE_ERROR_IN_USE, "archive it instead");

  g_assert_false (kl_store_delete_theme (store, recovery, &error));
  assert_error_mentions (&error, KL_STORE_ERROR_IN_USE, "Built-in themes cannot be deleted");

  g_assert_true (kl_store_delete_theme (store, unused, &error));
  g_assert_no_error (error);

  /* Archive the theme in use: hidden from pickers, kept in history. */
  g_assert (used_theme != NULL);
  kl_theme_set_archived (used_theme, TRUE);
  g_assert_true (kl_store_save_theme (store, used_theme, &error));
  g_assert_no_error (error);

  visible = kl_store_list_themes (store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (visible->len, ==, 11);
  for (guint i = 0; i < visible->len; i++)
    g_assert_cmpint (kl_record_get_id (g_ptr_array_index (visible, i)), !=, used);
  g_clear_pointer (&themes, g_ptr_array_unref);
  themes = kl_store_list_themes (store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (themes->len, ==, 12);

  {
    g_autoptr(GPtrArray) history = kl_store_list_current_assessments (store, mette, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (history->len, ==, 1);
    g_assert_cmpint (kl_assessment_get_theme_id (g_ptr_array_index (history, 0)), ==, used);
  }
}

/* Courses */

static void
test_course_rules (void)
{
  g_autoptr(KlStore) store = kl_test_open_store ("courses/rules.db");
  g_autoptr(GPtrArray) courses = NULL;
  g_autoptr(GError) error = NULL;
  const char *unknown_theme[] = { "sundhed", "kaffebrygning", NULL };

  {
    g_autoptr(KlCourse) course = new_course (" ", 10);
    g_assert_false (kl_store_save_course (store, course, &error));
    assert_invalid (&error, "title", "cannot be empty");
  }
  {
    g_autoptr(KlCourse) course = new_course ("Recovery i praksis", 10);
    kl_course_set_starts_on (course, "2025-09-02");
    kl_course_set_ends_on (course, "2025-09-01");
    g_assert_false (kl_store_save_course (store, course, &error));
    assert_invalid (&error, "ends_on", "ends before it starts");
  }
  {
    g_autoptr(KlCourse) course = new_course ("Recovery i praksis", 10);
    kl_course_set_hours (course, -1);
    g_assert_false (kl_store_save_course (store, course, &error));
    assert_invalid (&error, "hours", "negative");
  }
  {
    g_autoptr(KlCourse) course = new_course ("Recovery i praksis", 10);
    kl_course_set_cost_dkk (course, -100);
    g_assert_false (kl_store_save_course (store, course, &error));
    assert_invalid (&error, "cost_dkk", "negative");
  }
  {
    g_autoptr(KlCourse) course = new_course ("Recovery i praksis", -2);
    g_assert_false (kl_store_save_course (store, course, &error));
    assert_invalid (&error, "capacity", "negative");
  }
  {
    g_autoptr(KlCourse) course = new_course ("Recovery i praksis", 10);
    kl_course_set_theme_ids (course, unknown_theme);
    g_assert_false (kl_store_save_course (store, course, &error));
    assert_invalid (&error, "themes", "kaffebrygning");
    g_assert_cmpint (kl_record_get_id (KL_RECORD (course)), ==, 0);
  }

  courses = kl_store_list_courses (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (courses->len, ==, 0);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

static char *
sorted_theme_ids (KlCourse *course)
{
  const char * const *ids = kl_course_get_theme_ids (course);
  g_autoptr(GPtrArray) list = g_ptr_array_new ();

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    g_ptr_array_add (list, (gpointer)ids[i]);
  g_ptr_array_sort (list, compare_strings);
  g_ptr_array_add (list, NULL);
  return g_strjoinv (",", (char **)list->pdata);
}

static void
test_course_themes_and_delete (void)
{
  g_autoptr(KlStore) store = kl_test_open_store ("courses/themes.db");
  g_autoptr(KlCourse) course = new_course ("Recovery i praksis", 10);
  g_autoptr(KlCourse) fetched = NULL;
  g_autoptr(KlEnrolment) enrolment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = NULL;
  const char *themes[] = { "sundhed", "peers", "rehabilitering-og-recovery", NULL };
  const char *fewer[] = { "peers", NULL };
  gint64 unit = kl_test_add_unit (store, "Team Øst", 0);
  gint64 mette = add_staff (store, unit, "Mette Sørensen");
  gint64 empty_course;

  kl_course_set_theme_ids (course, themes);
  g_assert_true (kl_store_save_course (store, course, &error));
  g_assert_no_error (error);

  fetched = kl_store_get_course (store, kl_record_get_id (KL_RECORD (course)), &error);
  g_assert_no_error (error);
  ids = sorted_theme_ids (fetched);
  g_assert_cmpstr (ids, ==, "peers,rehabilitering-og-recovery,sundhed");
  g_assert_cmpstr (kl_course_get_title (fetched), ==, "Recovery i praksis");
  g_assert_cmpint (kl_course_get_capacity (fetched), ==, 10);
  g_assert_cmpfloat (kl_course_get_cost_dkk (fetched), ==, 4500);

  /* Dropping themes on an update sticks. */
  kl_course_set_theme_ids (fetched, fewer);
  g_assert_true (kl_store_save_course (store, fetched, &error));
  g_assert_no_error (error);
  g_clear_object (&fetched);
  g_clear_pointer (&ids, g_free);
  fetched = kl_store_get_course (store, kl_record_get_id (KL_RECORD (course)), &error);
  g_assert_no_error (error);
  ids = sorted_theme_ids (fetched);
  g_assert_cmpstr (ids, ==, "peers");

  /* A course people signed up for is cancelled, never deleted. */
  enrolment = kl_test_enrol (store, mette, kl_record_get_id (KL_RECORD (course)), KL_ENROLMENT_STATUS_PLANNED);
  g_assert_false (kl_store_delete_course (store, kl_record_get_id (KL_RECORD (course)), &error));
  assert_error_mentions (&error, KL_STORE_ERROR_IN_USE, "1 enrolment");
  g_clear_object (&fetched);
  fetched = kl_store_get_course (store, kl_record_get_id (KL_RECORD (course)), &error);
  g_assert_no_error (error);
  g_assert_nonnull (fetched);

  empty_course = add_course (store, "Pårørendesamarbejde", 12);
  g_assert_true (kl_store_delete_course (store, empty_course, &error));
  g_assert_no_error (error);
  g_clear_object (&fetched);
  fetched = kl_store_get_course (store, empty_course, &error);
  g_assert_null (fetched);
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND);
}

/* Enrolments */

static gboolean
array_contains (GArray *array,
                gint64  value)
{
  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, gint64, i) == value)
      return TRUE;
  return FALSE;
}

static void
test_enrolment_waitlist (void)
{
  g_autoptr(KlStore) store = kl_test_open_store ("enrolments/waitlist.db");
  g_autoptr(GArray) promoted = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(KlEnrolment) ea = NULL;
  g_autoptr(KlEnrolment) eb = NULL;
  g_autoptr(KlEnrolment) ec = NULL;
  g_autoptr(KlEnrolment) ed = NULL;
  g_autoptr(KlEnrolment) dup = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listed = NULL;
  gint64 unit = kl_test_add_unit (store, "Team Øst", 0);
  /* Enrolled in the order A, B, C, D; C's name sorts after D's, as names
   * do: the waiting list must follow the order people joined it. */
  gint64 a = add_staff (store, unit, "Anna Holm");
  gint64 b = add_staff (store, unit, "Bo Ravn");
  gint64 c = add_staff (store, unit, "Signe Vinter");
  gint64 d = add_staff (store, unit, "Carl Dahl");
  gint64 course = add_course (store, "Recovery i praksis", 2);

  /* All four sign up within the same second, as from one dialog. */
  wait_for_new_second ();
  ea = kl_test_enrol (store, a, course, KL_ENROLMENT_STATUS_ENROLLED);
  eb = kl_test_enrol (store, b, course, KL_ENROLMENT_STATUS_ENROLLED);
  ec = kl_test_enrol (store, c, course, KL_ENROLMENT_STATUS_ENROLLED);
  ed = kl_test_enrol (store, d, course, KL_ENROLMENT_STATUS_ENROLLED);

  g_assert_cmpint (kl_enrolment_get_status (ea), ==, KL_ENROLMENT_STATUS_ENROLLED);
  g_assert_cmpint (kl_enrolment_get_status (eb), ==, KL_ENROLMENT_STATUS_ENROLLED);
  g_assert_cmpint (kl_enrolment_get_status (ec), ==, KL_ENROLMENT_STATUS_WAITLISTED);
  g_assert_cmpint (kl_enrolment_get_status (ed), ==, KL_ENROLMENT_STATUS_WAITLISTED);
  g_assert_nonnull (kl_enrolment_get_enrolled_on (ea));

  listed = describe_course (store, course);
  g_assert_cmpstr (listed, ==,
                   "Anna Holm:enrolled, Bo Ravn:enrolled, Signe Vinter:waitlisted, Carl Dahl:waitlisted");

  {
    g_autoptr(KlCourse) fetched = kl_store_get_course (store, course, &error);
    g_assert_no_error (error);
    g_assert_cmpint (kl_course_get_seats_taken (fetched), ==, 2);
    g_assert_cmpint (kl_course_get_waitlisted (fetched), ==, 2);
  }

  /* One seat each. */
  dup = kl_store_enrol (store, a, course, KL_ENROLMENT_STATUS_ENROLLED, &error);
  g_assert_null (dup);
  assert_invalid (&error, "staff", "already on this course");

  /* A gives up the seat: the first on the waiting list, C, gets it. */
  g_assert_true (kl_store_set_enrolment_status (store, kl_record_get_id (KL_RECORD (ea)),
                                                KL_ENROLMENT_STATUS_CANCELLED, NULL, promoted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (promoted->len, ==, 1);
  g_assert_true (array_contains (promoted, kl_record_get_id (KL_RECORD (ec))));
  g_assert_cmpint (enrolment_status (store, kl_record_get_id (KL_RECORD (ea))), ==, KL_ENROLMENT_STATUS_CANCELLED);
  g_assert_cmpint (enrolment_status (store, kl_record_get_id (KL_RECORD (ec))), ==, KL_ENROLMENT_STATUS_ENROLLED);
  g_assert_cmpint (enrolment_status (store, kl_record_get_id (KL_RECORD (ed))), ==, KL_ENROLMENT_STATUS_WAITLISTED);

  /* B's enrolment is removed altogether: D moves up. */
  g_array_set_size (promoted, 0);
  g_assert_true (kl_store_delete_enrolment (store, kl_record_get_id (KL_RECORD (eb)), promoted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (promoted->len, ==, 1);
  g_assert_true (array_contains (promoted, kl_record_get_id (KL_RECORD (ed))));
  g_assert_cmpint (enrolment_status (store, kl_record_get_id (KL_RECORD (ed))), ==, KL_ENROLMENT_STATUS_ENROLLED);
  g_clear_pointer (&listed, g_free);
  listed = describe_course (store, course);
  g_assert_cmpstr (listed, ==, "Carl Dahl:enrolled, Signe Vinter:enrolled, Anna Holm:cancelled");

  /* Completing: the course's last day unless a date is given. */
  g_assert_true (kl_store_set_enrolment_status (store, kl_record_get_id (KL_RECORD (ec)),
                                                KL_ENROLMENT_STATUS_COMPLETED, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (kl_store_set_enrolment_status (store, kl_record_get_id (KL_RECORD (ed)),
                                                KL_ENROLMENT_STATUS_COMPLETED, "2025-09-05", NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(KlEnrolment) done_c = kl_store_get_enrolment (store, kl_record_get_id (KL_RECORD (ec)), &error);
    g_autoptr(KlEnrolment) done_d = kl_store_get_enrolment (store, kl_record_get_id (KL_RECORD (ed)), NULL);

    g_assert_no_error (error);
    g_assert_cmpint (kl_enrolment_get_status (done_c), ==, KL_ENROLMENT_STATUS_COMPLETED);
    g_assert_cmpstr (kl_enrolment_get_completed_on (done_c), ==, "2025-09-02");
    g_assert_cmpint (kl_enrolment_get_status (done_d), ==, KL_ENROLMENT_STATUS_COMPLETED);
    g_assert_cmpstr (kl_enrolment_get_completed_on (done_d), ==, "2025-09-05");
  }

  /* A completion date must be a date. */
  g_assert_false (kl_store_set_enrolment_status (store, kl_record_get_id (KL_RECORD (ed)),
                                                 KL_ENROLMENT_STATUS_COMPLETED, "5/9/2025", NULL, &error));
  assert_invalid (&error, "completed_on", "5/9/2025");
}

/* Joining the waiting list by asking for a seat later (a planned
 * enrolment turned into a request) counts from when the person asked,
 * not from when the row was first made. */
static void
test_enrolment_waitlist_joined_later (void)
{
  g_autoptr(KlStore) store = kl_test_open_store ("enrolments/joined-later.db");
  g_autoptr(GArray) promoted = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(KlEnrolment) planned = NULL;
  g_autoptr(KlEnrolment) seat = NULL;
  g_autoptr(KlEnrolment) waiting = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listed = NULL;
  gint64 unit = kl_test_add_unit (store, "Team Øst", 0);
  gint64 pia = add_staff (store, unit, "Pia Lund");
  gint64 eva = add_staff (store, unit, "Eva Kjær");
  gint64 william = add_staff (store, unit, "William Berg");
  gint64 course = add_course (store, "Recovery i praksis", 1);

  wait_for_new_second ();
  planned = kl_test_enrol (store, pia, course, KL_ENROLMENT_STATUS_PLANNED);
  seat = kl_test_enrol (store, eva, course, KL_ENROLMENT_STATUS_ENROLLED);
  waiting = kl_test_enrol (store, william, course, KL_ENROLMENT_STATUS_ENROLLED);
  g_assert_cmpint (kl_enrolment_get_status (planned), ==, KL_ENROLMENT_STATUS_PLANNED);
  g_assert_cmpint (kl_enrolment_get_status (seat), ==, KL_ENROLMENT_STATUS_ENROLLED);
  g_assert_cmpint (kl_enrolment_get_status (waiting), ==, KL_ENROLMENT_STATUS_WAITLISTED);

  /* Pia now asks for a seat: the course is full, she queues behind William. */
  g_assert_true (kl_store_set_enrolment_status (store, kl_record_get_id (KL_RECORD (planned)),
                                                KL_ENROLMENT_STATUS_ENROLLED, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (enrolment_status (store, kl_record_get_id (KL_RECORD (planned))), ==,
                   KL_ENROLMENT_STATUS_WAITLISTED);
  listed = describe_course (store, course);
  g_assert_cmpstr (listed, ==, "Eva Kjær:enrolled, William Berg:waitlisted, Pia Lund:waitlisted");

  g_assert_true (kl_store_set_enrolment_status (store, kl_record_get_id (KL_RECORD (seat)),
                                                KL_ENROLMENT_STATUS_CANCELLED, NULL, promoted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (promoted->len, ==, 1);
  g_assert_true (array_contains (promoted, kl_record_get_id (KL_RECORD (waiting))));
  g_assert_cmpint (enrolment_status (store, kl_record_get_id (KL_RECORD (waiting))), ==,
                   KL_ENROLMENT_STATUS_ENROLLED);
  g_assert_cmpint (enrolment_status (store, kl_record_get_id (KL_RECORD (planned))), ==,
                   KL_ENROLMENT_STATUS_WAITLISTED);
}

static void
test_enrolment_capacity_raised (void)
{
  g_autoptr(KlStore) store = kl_test_open_store ("enrolments/capacity.db");
  g_autoptr(KlCourse) course = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listed = NULL;
  gint64 unit = kl_test_add_unit (store, "Team Øst", 0);
  gint64 course_id = add_course (store, "Peer-støtte", 1);
  gint64 ids[4];
  const char *names[] = { "Anna Holm", "Bo Ravn", "Carl Dahl", "Dorte Friis" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(KlEnrolment) e = kl_test_enrol (store, add_staff (store, unit, names[i]), course_id,
                                                KL_ENROLMENT_STATUS_ENROLLED);
      ids[i] = kl_record_get_id (KL_RECORD (e));
      g_assert_cmpint (kl_enrolment_get_status (e), ==,
                       i == 0 ? KL_ENROLMENT_STATUS_ENROLLED : KL_ENROLMENT_STATUS_WAITLISTED);
    }

  /* Two more seats: the first two on the waiting list get them. */
  course = kl_store_get_course (store, course_id, &error);
  g_assert_no_error (error);
  kl_course_set_capacity (course, 3);
  g_assert_true (kl_store_save_course (store, course, &error));
  g_assert_no_error (error);

  g_assert_cmpint (enrolment_status (store, ids[1]), ==, KL_ENROLMENT_STATUS_ENROLLED);
  g_assert_cmpint (enrolment_status (store, ids[2]), ==, KL_ENROLMENT_STATUS_ENROLLED);
  g_assert_cmpint (enrolment_status (store, ids[3]), ==, KL_ENROLMENT_STATUS_WAITLISTED);
  listed = describe_course (store, course_id);
  g_assert_cmpstr (listed, ==, "Anna Holm:enrolled, Bo Ravn:enrolled, Carl Dahl:enrolled, Dorte Friis:waitlisted");

  g_clear_object (&course);
  course = kl_store_get_course (store, course_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kl_course_get_seats_taken (course), ==, 3);
  g_assert_cmpint (kl_course_get_waitlisted (course), ==, 1);
}

static void
test_enrolment_cancelled_course (void)
{
  g_autoptr(KlStore) store = kl_test_open_store ("enrolments/cancelled.db");
  g_autoptr(KlCourse) course = NULL;
  g_autoptr(KlEnrolment) refused = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 unit = kl_test_add_unit (store, "Team Øst", 0);
  gint64 mette = add_staff (store, unit, "Mette Sørensen");
  gint64 course_id = add_course (store, "Fritid og fællesskab", 10);

  course = kl_store_get_course (store, course_id, &error);
  g_assert_no_error (error);
  kl_course_set_status (course, KL_COURSE_STATUS_CANCELLED);
  g_assert_true (kl_store_save_course (store, course, &error));
  g_assert_no_error (error);

  refused = kl_store_enrol (store, mette, course_id, KL_ENROLMENT_STATUS_ENROLLED, &error);
  g_assert_null (refused);
  assert_invalid (&error, "course", "cancelled");
  refused = kl_store_enrol (store, mette, course_id, KL_ENROLMENT_STATUS_PLANNED, &error);
  g_assert_null (refused);
  assert_invalid (&error, "course", "cancelled");

  list = kl_store_list_enrolments_for_staff (store, mette, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);

  /* Enrolling someone who does not exist says so. */
  refused = kl_store_enrol (store, mette + 10, add_course (store, "Sundhed", 5),
                            KL_ENROLMENT_STATUS_ENROLLED, &error);
  g_assert_null (refused);
  assert_invalid (&error, "staff", "staff member does not exist");
}

/* A planned enrolment in a course that is then cancelled cannot be
 * turned into a seat either. */
static void
test_enrolment_cancelled_course_status (void)
{
  g_autoptr(KlStore) store = kl_test_open_store ("enrolments/cancelled-status.db");
  g_autoptr(KlCourse) course = NULL;
  g_autoptr(KlEnrolment) planned = NULL;
  g_autoptr(GError) error = NULL;
  gint64 unit = kl_test_add_unit (store, "Team Øst", 0);
  gint64 mette = add_staff (store, unit, "Mette Sørensen");
  gint64 course_id = add_course (store, "Fritid og fællesskab", 10);

  planned = kl_test_enrol (store, mette, course_id, KL_ENROLMENT_STATUS_PLANNED);

  course = kl_store_get_course (store, course_id, &error);
  g_assert_no_error (error);
  kl_course_set_status (course, KL_COURSE_STATUS_CANCELLED);
  g_assert_true (kl_store_save_course (store, course, &error));
  g_assert_no_error (error);

  g_assert_false (kl_store_set_enrolment_status (store, kl_record_get_id (KL_RECORD (planned)),
                                                 KL_ENROLMENT_STATUS_ENROLLED, NULL, NULL, &error));
  assert_invalid (&error, "course", "cancelled");
  g_assert_cmpint (enrolment_status (store, kl_record_get_id (KL_RECORD (planned))), ==,
                   KL_ENROLMENT_STATUS_PLANNED);
}

static void
test_enrolment_planned_and_unlimited (void)
{
  g_autoptr(KlStore) store = kl_test_open_store ("enrolments/planned.db");
  g_autoptr(KlEnrolment) planned = NULL;
  g_autoptr(KlEnrolment) seat = NULL;
  g_autoptr(KlCourse) fetched = NULL;
  g_autoptr(GError) error = NULL;
  gint64 unit = kl_test_add_unit (store, "Team Øst", 0);
  gint64 one_seat = add_course (store, "Supervision", 1);
  gint64 unlimited = add_course (store, "E-læring: Recovery", -1);
  gint64 pia = add_staff (store, unit, "Pia Lund");
  gint64 eva = add_staff (store, unit, "Eva Kjær");

  /* Planning to go takes no seat. */
  planned = kl_test_enrol (store, pia, one_seat, KL_ENROLMENT_STATUS_PLANNED);
  g_assert_cmpint (kl_enrolment_get_status (planned), ==, KL_ENROLMENT_STATUS_PLANNED);
  g_assert_null (kl_enrolment_get_enrolled_on (planned));
  seat = kl_test_enrol (store, eva, one_seat, KL_ENROLMENT_STATUS_ENROLLED);
  g_assert_cmpint (kl_enrolment_get_status (seat), ==, KL_ENROLMENT_STATUS_ENROLLED);
  fetched = kl_store_get_course (store, one_seat, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kl_course_get_seats_taken (fetched), ==, 1);
  g_assert_cmpint (kl_course_get_waitlisted (fetched), ==, 0);
  g_clear_object (&fetched);

  /* No limit: nobody waits. */
  for (guint i = 0; i < 25; i++)
    {
      g_autofree char *name = g_strdup_printf ("Medarbejder %02u", i);
      g_autoptr(KlEnrolment) e = kl_test_enrol (store, add_staff (store, unit, name), unlimited,
                                                KL_ENROLMENT_STATUS_ENROLLED);
      g_assert_cmpint (kl_enrolment_get_status (e), ==, KL_ENROLMENT_STATUS_ENROLLED);
    }
  fetched = kl_store_get_course (store, unlimited, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kl_course_get_capacity (fetched), ==, -1);
  g_assert_cmpint (kl_course_get_seats_taken (fetched), ==, 25);
  g_assert_cmpint (kl_course_get_waitlisted (fetched), ==, 0);
}

/* Principles and actions */

static void
test_principle_assessment_rules (void)
{
  g_autoptr(KlStore) store = kl_test_open_store ("principles/maturity.db");
  g_autoptr(GPtrArray) principles = NULL;
  g_autoptr(GPtrArray) saved = NULL;
  g_autoptr(GError) error = NULL;
  gint64 unit = kl_test_add_unit (store, "Bostøtte Nord", 0);
  gint64 principle;

  principles = kl_store_list_principles (store, KL_FRAMEWORK_FAGLIG_LEDELSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (principles->len, ==, 7);
  g_assert_cmpstr (kl_record_get_uuid (g_ptr_array_index (principles, 0)), ==, "samarbejde-med-borgeren");
  principle = kl_record_get_id (g_ptr_array_index (principles, 0));

  for (int maturity = 0; maturity <= 6; maturity++)
    {
      g_autoptr(KlPrincipleAssessment) pa = kl_principle_assessment_new ();
      g_autofree char *date = g_strdup_printf ("2025-0%d-01", maturity + 1);
      gboolean ok;

      kl_principle_assessment_set_principle_id (pa, principle);
      kl_principle_assessment_set_unit_id (pa, unit);
      kl_principle_assessment_set_assessed_on (pa, date);
      kl_principle_assessment_set_maturity (pa, maturity);
      kl_principle_assessment_set_reflection (pa, "Vi taler om borgerens drømme på hvert møde.");
      ok = kl_store_save_principle_assessment (store, pa, &error);

      if (maturity < 1 || maturity > 5)
        {
          g_assert_false (ok);
          assert_invalid (&error, "maturity", "between 1 and 5");
        }
      else
        {
          g_assert_true (ok);
          g_assert_no_error (error);
        }
    }

  saved = kl_store_list_principle_assessments (store, unit, principle, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (saved->len, ==, 5);
  for (guint i = 0; i < saved->len; i++)
    g_assert_cmpint (kl_principle_assessment_get_maturity (g_ptr_array_index (saved, i)), ==, i + 1);
}

static void
test_action_rules (void)
{
  g_autoptr(KlStore) store = kl_test_open_store ("principles/actions.db");
  g_autoptr(GPtrArray) principles = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(KlAction) action = kl_action_new ();
  g_autoptr(GError) error = NULL;
  gint64 unit = kl_test_add_unit (store, "Bostøtte Nord", 0);
  gint64 owner = add_staff (store, unit, "Mette Sørensen");

  principles = kl_store_list_principles (store, KL_FRAMEWORK_FAGLIG_LEDELSE, &error);
  g_assert_no_error (error);
  g_assert (principles != NULL && principles->len == 7);

  kl_action_set_principle_id (action, kl_record_get_id (g_ptr_array_index (principles, 3)));
  kl_action_set_unit_id (action, unit);
  kl_action_set_due_on (action, "2025-10-01");
  kl_action_set_title (action, " ");
  g_assert_false (kl_store_save_action (store, action, &error));
  assert_invalid (&error, "title", "cannot be empty");

  kl_action_set_title (action, "Fast refleksionsmøde hver anden torsdag");
  kl_action_set_owner_id (action, owner + 40);
  g_assert_false (kl_store_save_action (store, action, &error));
  assert_invalid (&error, "owner", "owner does not exist");

  actions = kl_store_list_actions (store, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (actions->len, ==, 0);
  g_clear_pointer (&actions, g_ptr_array_unref);

  kl_action_set_owner_id (action, owner);
  g_assert_true (kl_store_save_action (store, action, &error));
  g_assert_no_error (error);

  /* The owner leaves and is deleted: the action goes on without one. */
  g_assert_true (kl_store_delete_staff (store, owner, &error));
  g_assert_no_error (error);
  actions = kl_store_list_actions (store, unit, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (actions->len, ==, 1);
  g_assert_cmpstr (kl_action_get_title (g_ptr_array_index (actions, 0)), ==,
                   "Fast refleksionsmøde hver anden torsdag");
  g_assert_cmpint (kl_action_get_owner_id (g_ptr_array_index (actions, 0)), ==, 0);
  g_assert_cmpint (kl_action_get_status (g_ptr_array_index (actions, 0)), ==, KL_ACTION_STATUS_OPEN);
}

/* Change notification */

typedef struct
{
  guint  calls;
  char  *last_table;
} Changes;

static void
on_changed (KlStore    *store,
            const char *table,
            Changes    *changes)
{
  changes->calls++;
  g_free (changes->last_table);
  changes->last_table = g_strdup (table);
}

static void
test_change_notification (void)
{
  g_autoptr(KlStore) store = kl_test_open_store ("signals/changed.db");
  g_autoptr(GError) error = NULL;
  Changes changes = { 0, NULL };
  gint64 unit = kl_test_add_unit (store, "Team Øst", 0);
  gulong handler;

  handler = g_signal_connect (store, "changed::staff", G_CALLBACK (on_changed), &changes);

  add_staff (store, unit, "Mette Sørensen");
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpstr (changes.last_table, ==, "staff");

  /* Other tables do not wake a staff view. */
  kl_test_add_unit (store, "Team Vest", 0);
  g_assert_cmpuint (changes.calls, ==, 1);

  /* Inside a transaction the news waits for the commit, once per table. */
  changes.calls = 0;
  g_assert_true (kl_store_begin_transaction (store, &error));
  g_assert_no_error (error);
  add_staff (store, unit, "Jonas Æbelø");
  add_staff (store, unit, "Aisha Rahman");
  g_assert_cmpuint (changes.calls, ==, 0);
  g_assert_true (kl_store_commit_transaction (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpstr (changes.last_table, ==, "staff");
  g_assert_cmpint (count_staff (store), ==, 3);

  /* Rolled back: nothing written, nothing announced. */
  changes.calls = 0;
  {
    g_autoptr(KlStaff) ghost = new_staff (unit, "Ole Ghost");
    g_autoptr(KlStaff) gone = NULL;

    g_assert_true (kl_store_begin_transaction (store, &error));
    g_assert_no_error (error);
    g_assert_true (kl_store_save_staff (store, ghost, &error));
    g_assert_no_error (error);
    g_assert_cmpint (count_staff (store), ==, 4);
    kl_store_rollback_transaction (store);

    g_assert_cmpuint (changes.calls, ==, 0);
    g_assert_cmpint (count_staff (store), ==, 3);
    gone = kl_store_get_staff (store, kl_record_get_id (KL_RECORD (ghost)), &error);
    g_assert_null (gone);
    g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* And the store works normally afterwards. */
  add_staff (store, unit, "Karen Bech");
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpint (count_staff (store), ==, 4);

  g_signal_handler_disconnect (store, handler);
  g_free (changes.last_table);
}

/* Migration */

static void
test_migrate_v1 (void)
{
  const char *data = g_getenv ("KL_TEST_DATA");
  g_autofree char *fixture = NULL;
  g_autofree char *path = kl_test_tmp_path ("migrate/kompetenceloeft.db");
  g_autofree char *contents = NULL;
  g_autoptr(KlStore) store = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GPtrArray) courses = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GArray) promoted = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) backup_version = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *current = NULL;
  gint64 mette_seat = 0, jonas_seat = 0;
  gsize length;

  g_assert (data != NULL);
  fixture = g_build_filename (data, "schema-v1.db", NULL);
  g_assert_true (g_file_get_contents (fixture, &contents, &length, NULL));
  g_assert_true (g_file_set_contents_full (path, contents, length, G_FILE_SET_CONTENTS_NONE, 0600, NULL));

  store = kl_store_open (path, &error);
  g_assert_no_error (error);
  g_assert (store != NULL);
  g_assert_cmpint (kl_store_get_schema_version (store), ==, KL_STORE_SCHEMA_VERSION);

  /* The backup was taken before the migration: it is still version 1. */
  backups = kl_store_list_backups (store);
  g_assert_cmpuint (backups->len, ==, 1);
  backup_version = kl_test_query_column (g_ptr_array_index (backups, 0), "PRAGMA user_version");
  g_assert_cmpstr (backup_version[0], ==, "1");

  g_assert_cmpint (count_staff (store), ==, 3);
  /* Version 4 worked out the current assessments from the history:
   * Mette's of March 2025 in Health (theme 8). */
  assert_current_matches_history (store);
  current = describe_current (store);
  g_assert_cmpstr (current, ==, "1:8:2");
  courses = kl_store_list_courses (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (courses->len, ==, 1);
  g_assert_cmpstr (kl_course_get_title (g_ptr_array_index (courses, 0)), ==, "Recovery i praksis");

  /* Jonas was put on the waiting list before Aisha. */
  listed = describe_course (store, kl_record_get_id (g_ptr_array_index (courses, 0)));
  g_assert_cmpstr (listed, ==, "Mette Sørensen:enrolled, Jonas Æbelø:waitlisted, Aisha Rahman:waitlisted");

  list = kl_store_list_enrolments_for_course (store, kl_record_get_id (g_ptr_array_index (courses, 0)), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      KlEnrolment *e = g_ptr_array_index (list, i);

      if (g_str_equal (kl_enrolment_get_staff_name (e), "Mette Sørensen"))
        mette_seat = kl_record_get_id (KL_RECORD (e));
      else if (g_str_equal (kl_enrolment_get_staff_name (e), "Jonas Æbelø"))
        jonas_seat = kl_record_get_id (KL_RECORD (e));
    }
  g_assert_cmpint (mette_seat, >, 0);
  g_assert_cmpint (jonas_seat, >, 0);

  g_assert_true (kl_store_set_enrolment_status (store, mette_seat, KL_ENROLMENT_STATUS_CANCELLED,
                                                NULL, promoted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (promoted->len, ==, 1);
  g_assert_true (array_contains (promoted, jonas_seat));
  g_assert_cmpint (enrolment_status (store, jonas_seat), ==, KL_ENROLMENT_STATUS_ENROLLED);

  /* Opening again does not migrate or back up again. */
  g_clear_object (&store);
  g_clear_pointer (&backups, g_ptr_array_unref);
  store = kl_store_open (path, &error);
  g_assert_no_error (error);
  backups = kl_store_list_backups (store);
  g_assert_cmpuint (backups->len, ==, 1);
}

/* Backups */

static void
test_backup_rotation (void)
{
  g_autoptr(KlStore) store = kl_test_open_store ("rotate/team.db");
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "kl-tests", "rotate", "backups", NULL);
  g_autofree char *last = NULL;
  g_autofree char *oldest = g_build_filename (dir, "team-20240101-000000.db", NULL);
  g_autofree char *kept_fake = g_build_filename (dir, "team-20240101-000010.db", NULL);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) staff = NULL;
  gint64 unit = kl_test_add_unit (store, "Team Øst", 0);
  GStatBuf st;

  add_staff (store, unit, "Mette Sørensen");

  /* Eleven older backups from another day, so names are distinct even
   * when the real ones land in the same second. */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint i = 0; i < 11; i++)
    {
      g_autofree char *name = g_strdup_printf ("team-20240101-0000%02u.db", i);
      g_autofree char *fake = g_build_filename (dir, name, NULL);

      g_assert_true (g_file_set_contents (fake, "old", -1, NULL));
    }

  for (guint i = 0; i < 12; i++)
    {
      g_clear_pointer (&last, g_free);
      g_assert_true (kl_store_backup (store, &last, &error));
      g_assert_no_error (error);
      g_assert_nonnull (last);
    }

  backups = kl_store_list_backups (store);
  g_assert_cmpuint (backups->len, ==, 10);
  g_assert_cmpstr (g_ptr_array_index (backups, 0), ==, last);
  g_assert_false (g_file_test (oldest, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (kept_fake, G_FILE_TEST_EXISTS));

  /* The newest is a private, complete copy. */
  g_assert_cmpint (g_stat (last, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  staff = kl_test_query_column (last, "SELECT name FROM staff");
  g_assert_cmpstrv (staff, ((const char *[]) { "Mette Sørensen", NULL }));
}

static gboolean
backup_has_staff (const char *backup,
                  const char *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM staff WHERE name = '%s'", name);
  g_auto(GStrv) count = kl_test_query_column (backup, sql);

  return g_strcmp0 (count[0], "1") == 0;
}

static void
test_backup_restore (void)
{
  g_autoptr(KlStore) store = kl_test_open_store ("restore/kompetenceloeft.db");
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  Changes changes = { 0, NULL };
  gint64 unit = kl_test_add_unit (store, "Team Øst", 0);
  gboolean safety_copy = FALSE;

  add_staff (store, unit, "Xenia Thomsen");

  /* A leader restores a backup taken moments ago (same second). */
  wait_for_new_second ();
  g_assert_true (kl_store_backup (store, &backup, &error));
  g_assert_no_error (error);
  add_staff (store, unit, "Yusuf Demir");
  before = kl_store_list_backups (store);

  g_signal_connect (store, "changed::staff", G_CALLBACK (on_changed), &changes);
  g_assert_true (kl_store_restore_backup (store, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.calls, ==, 1);

  staff = kl_store_list_staff (store, 0, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (staff->len, ==, 1);
  g_assert_cmpstr (kl_staff_get_name (g_ptr_array_index (staff, 0)), ==, "Xenia Thomsen");

  /* What was there before the restore is kept in a backup of its own. */
  after = kl_store_list_backups (store);
  for (guint i = 0; i < after->len; i++)
    if (backup_has_staff (g_ptr_array_index (after, i), "Yusuf Demir"))
      safety_copy = TRUE;
  if (!safety_copy)
    g_test_fail_printf ("No backup holds the state before the restore (Yusuf Demir): "
                        "%u backups before the restore, %u after",
                        before->len, after->len);

  g_free (changes.last_table);
}

/* A database made before new ones got 16 KiB pages keeps its 4 KiB, and
 * so do its backups: restoring one into a new database still works. */
static void
test_backup_restore_page_size (void)
{
  g_autofree char *old_path = kl_test_tmp_path ("page-size/old/kompetenceloeft.db");
  g_autofree char *old_dir = g_path_get_dirname (old_path);
  g_autoptr(KlStore) store = kl_test_open_store ("page-size/new/kompetenceloeft.db");
  g_autoptr(KlStore) old = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_auto(GStrv) size = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (g_mkdir_with_parents (old_dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (old_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA page_size = 4096; PRAGMA journal_mode = WAL;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  old = kl_test_open_store ("page-size/old/kompetenceloeft.db");
  add_staff (old, kl_test_add_unit (old, "Team Nord", 0), "Xenia Thomsen");
  g_assert_true (kl_store_backup (old, &backup, &error));
  g_assert_no_error (error);
  size = kl_test_query_column (backup, "PRAGMA page_size");
  g_assert_cmpstr (size[0], ==, "4096");
  g_clear_pointer (&size, g_strfreev);

  add_staff (store, kl_test_add_unit (store, "Team Syd", 0), "Yusuf Demir");
  g_assert_true (kl_store_restore_backup (store, backup, &error));
  g_assert_no_error (error);

  staff = kl_store_list_staff (store, 0, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (staff->len, ==, 1);
  g_assert_cmpstr (kl_staff_get_name (g_ptr_array_index (staff, 0)), ==, "Xenia Thomsen");
  size = kl_test_query_column (kl_store_get_path (store), "PRAGMA page_size");
  g_assert_cmpstr (size[0], ==, "16384");
  g_clear_pointer (&size, g_strfreev);
  /* The backup itself is left as it was. */
  size = kl_test_query_column (backup, "PRAGMA page_size");
  g_assert_cmpstr (size[0], ==, "4096");
}

/* A backup that is not there cannot replace the user's data. */
static void
test_backup_restore_missing (void)
{
  g_autoptr(KlStore) store = kl_test_open_store ("restore-missing/kompetenceloeft.db");
  g_autofree char *missing = kl_test_tmp_path ("restore-missing/backups/kompetenceloeft-20240101-000000.db");
  g_autoptr(GError) error = NULL;
  gint64 unit = kl_test_add_unit (store, "Team Øst", 0);
  gboolean ok;

  add_staff (store, unit, "Xenia Thomsen");

  ok = kl_store_restore_backup (store, missing, &error);
  g_assert_false (ok);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (count_staff (store), ==, 1);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

typedef struct
{
  GMainLoop *loop;
  char      *path;
  GError    *error;
  gboolean   done;
} BackupResult;

static void
on_backup_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  BackupResult *res = user_data;

  res->path = kl_store_backup_finish (KL_STORE (source), result, &res->error);
  res->done = TRUE;
  g_main_loop_quit (res->loop);
}

static void
test_backup_async (void)
{
  g_autoptr(KlStore) store = kl_test_open_store ("async/kompetenceloeft.db");
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) staff = NULL;
  BackupResult res = { loop, NULL, NULL, FALSE };
  gint64 unit = kl_test_add_unit (store, "Team Øst", 0);

  add_staff (store, unit, "Mette Sørensen");

  /* Nothing yet: due. */
  g_assert_true (kl_store_backup_is_due (store));
  g_assert_true (kl_store_backup (store, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (kl_store_backup_is_due (store));

  kl_store_backup_async (store, TRUE, NULL, on_backup_done, &res);
  g_main_loop_run (loop);
  g_assert_true (res.done);
  g_assert_no_error (res.error);
  g_assert_null (res.path);

  res.done = FALSE;
  kl_store_backup_async (store, FALSE, NULL, on_backup_done, &res);
  g_main_loop_run (loop);
  g_assert_true (res.done);
  g_assert_no_error (res.error);
  g_assert_nonnull (res.path);
  if (res.path != NULL)
    {
      g_assert_true (g_file_test (res.path, G_FILE_TEST_IS_REGULAR));
      staff = kl_test_query_column (res.path, "SELECT name FROM staff");
      g_assert_cmpstrv (staff, ((const char *[]) { "Mette Sørensen", NULL }));
    }

  g_free (res.path);
  g_clear_error (&res.error);
}

/* Damaged files */

static char *
find_set_aside (const char *dir,
                const char *prefix,
                const char *contents)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *found = NULL;

      if (g_str_has_prefix (name, prefix) &&
          g_file_get_contents (path, &found, NULL, NULL) &&
          g_strcmp0 (found, contents) == 0)
        return g_steal_pointer (&path);
    }
  return NULL;
}

static void
test_set_aside_and_restore_file (void)
{
  g_autofree char *path = kl_test_tmp_path ("damaged/kompetenceloeft.db");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *backup = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *aside_contents = NULL;
  g_autoptr(GError) error = NULL;
  const char damage[] = "Ikke længere en database: disken har spist den.\n"
                        "Filen er lang nok til at ligne en rigtig fil, men den er ikke SQLite.\n";
  GStatBuf st;

  {
    g_autoptr(KlStore) store = kl_test_open_store ("damaged/kompetenceloeft.db");
    gint64 unit = kl_test_add_unit (store, "Team Øst", 0);

    add_staff (store, unit, "Mette Sørensen");
    g_assert_true (kl_store_backup (store, &backup, &error));
    g_assert_no_error (error);
    add_staff (store, unit, "Jonas Æbelø");
  }

  g_assert_true (g_file_set_contents (path, damage, -1, NULL));
  {
    g_autoptr(KlStore) refused = kl_store_open (path, &error);
    g_assert_null (refused);
    g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_A_DATABASE);
    g_clear_error (&error);
  }

  /* Start a new database beside the damaged one. */
  g_assert_true (kl_store_set_aside (path, &aside, &error));
  g_assert_no_error (error);
  g_assert_nonnull (aside);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (aside, &aside_contents, NULL, NULL));
  g_assert_cmpstr (aside_contents, ==, damage);
  {
    g_autofree char *base = g_path_get_basename (aside);
    g_assert_true (g_str_has_prefix (base, "kompetenceloeft.db.damaged-"));
  }
  {
    g_autoptr(KlStore) fresh = kl_store_open (path, &error);
    g_assert_no_error (error);
    g_assert_cmpint (count_staff (fresh), ==, 0);
  }

  /* Or put the backup in place of a damaged file. */
  g_assert_true (g_file_set_contents (path, damage, -1, NULL));
  g_assert_true (kl_store_restore_file (path, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  {
    g_autoptr(KlStore) restored = kl_store_open (path, &error);
    g_autoptr(GPtrArray) staff = NULL;

    g_assert_no_error (error);
    g_assert (restored != NULL);
    staff = kl_store_list_staff (restored, 0, TRUE, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (staff->len, ==, 1);
    g_assert_cmpstr (kl_staff_get_name (g_ptr_array_index (staff, 0)), ==, "Mette Sørensen");
  }

  /* The damaged file is still there for someone to rescue. */
  g_clear_pointer (&aside, g_free);
  aside = find_set_aside (dir, "kompetenceloeft.db.damaged-", damage);
  g_assert_nonnull (aside);
}

/* Setting aside twice never destroys what was set aside first. */
static void
test_set_aside_keeps_every_copy (void)
{
  g_autofree char *path = kl_test_tmp_path ("aside-twice/kompetenceloeft.db");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *found = NULL;
  g_autoptr(GError) error = NULL;
  const char first_damage[] = "Første skadede fil: brugerens rigtige data, som nogen måske kan redde.\n";
  const char second_damage[] = "Anden skadede fil, den nye tomme database der heller ikke kunne åbnes.\n";

  wait_for_new_second ();
  g_assert_true (g_file_set_contents (path, first_damage, -1, NULL));
  g_assert_true (kl_store_set_aside (path, &first, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_set_contents (path, second_damage, -1, NULL));
  g_assert_true (kl_store_set_aside (path, &second, &error));
  g_assert_no_error (error);

  found = find_set_aside (dir, "kompetenceloeft.db.damaged-", first_damage);
  if (found == NULL)
    g_test_fail_printf ("The first damaged file (set aside as %s) was overwritten by the second (%s)",
                        first, second);
  g_clear_pointer (&found, g_free);
  found = find_set_aside (dir, "kompetenceloeft.db.damaged-", second_damage);
  g_assert_nonnull (found);
}

int
main (int   argc,
      char *argv[])
{
  kl_test_init (&argc, &argv);
  /* One broken rule should not hide the others. */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/store-rules/units/validation", test_unit_rules);
  g_test_add_func ("/store-rules/units/delete", test_unit_delete);
  g_test_add_func ("/store-rules/staff/validation", test_staff_rules);
  g_test_add_func ("/store-rules/staff/update", test_staff_update);
  g_test_add_func ("/store-rules/staff/delete-cascades", test_staff_delete_cascades);
  g_test_add_func ("/store-rules/assessments/validation", test_assessment_rules);
  g_test_add_func ("/store-rules/assessments/batch-all-or-nothing", test_assessment_batch_all_or_nothing);
  g_test_add_func ("/store-rules/assessments/current-is-latest", test_assessment_current_is_latest);
  g_test_add_func ("/store-rules/assessments/current-kept", test_assessment_current_kept);
  g_test_add_func ("/store-rules/goals/validation", test_goal_rules);
  g_test_add_func ("/store-rules/themes/rules", test_theme_rules);
  g_test_add_func ("/store-rules/courses/validation", test_course_rules);
  g_test_add_func ("/store-rules/courses/themes-and-delete", test_course_themes_and_delete);
  g_test_add_func ("/store-rules/enrolments/waitlist", test_enrolment_waitlist);
  g_test_add_func ("/store-rules/enrolments/waitlist-joined-later", test_enrolment_waitlist_joined_later);
  g_test_add_func ("/store-rules/enrolments/capacity-raised", test_enrolment_capacity_raised);
  g_test_add_func ("/store-rules/enrolments/cancelled-course", test_enrolment_cancelled_course);
  g_test_add_func ("/store-rules/enrolments/cancelled-course-status", test_enrolment_cancelled_course_status);
  g_test_add_func ("/store-rules/enrolments/planned-and-unlimited", test_enrolment_planned_and_unlimited);
  g_test_add_func ("/store-rules/principles/maturity", test_principle_assessment_rules);
  g_test_add_func ("/store-rules/principles/actions", test_action_rules);
  g_test_add_func ("/store-rules/signals/changed", test_change_notification);
  g_test_add_func ("/store-rules/migration/v1", test_migrate_v1);
  g_test_add_func ("/store-rules/backups/rotation", test_backup_rotation);
  g_test_add_func ("/store-rules/backups/restore", test_backup_restore);
  g_test_add_func ("/store-rules/backups/restore-missing", test_backup_restore_missing);
  g_test_add_func ("/store-rules/backups/restore-page-size", test_backup_restore_page_size);
  g_test_add_func ("/store-rules/backups/async", test_backup_async);
  g_test_add_func ("/store-rules/damaged/set-aside-and-restore-file", test_set_aside_and_restore_file);
  g_test_add_func ("/store-rules/damaged/set-aside-keeps-every-copy", test_set_aside_keeps_every_copy);

  return g_test_run ();
}
