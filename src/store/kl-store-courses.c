/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kl-store-private.h"

/* Courses */

#define COURSE_COLUMNS \
  "c.id, c.uuid, c.created_at, c.updated_at, c.title, c.provider, c.description, c.starts_on, " \
  "c.ends_on, c.hours, c.cost_dkk, c.capacity, c.location, c.url, c.status, " \
  "(SELECT group_concat (uuid, char(10)) FROM (SELECT t.uuid FROM course_theme ct " \
  "  JOIN theme t ON t.id = ct.theme_id WHERE ct.course_id = c.id ORDER BY t.uuid)), " \
  "(SELECT count(*) FROM enrolment e WHERE e.course_id = c.id AND e.status IN ('enrolled', 'completed')), " \
  "(SELECT count(*) FROM enrolment e WHERE e.course_id = c.id AND e.status = 'waitlisted')"

static gpointer
read_course (sqlite3_stmt *stmt)
{
  KlCourse *course = kl_course_new ();
  const char *themes = _kl_column_text (stmt, 15);
  g_auto(GStrv) theme_ids = themes ? g_strsplit (themes, "\n", -1) : g_new0 (char *, 1);
  int status = KL_COURSE_STATUS_SCHEDULED;

  _kl_store_read_record_base (KL_RECORD (course), stmt, 0);
  kl_course_set_title (course, _kl_column_text (stmt, 4));
  kl_course_set_provider (course, _kl_column_text (stmt, 5));
  kl_course_set_description (course, _kl_column_text (stmt, 6));
  kl_course_set_starts_on (course, _kl_column_text (stmt, 7));
  kl_course_set_ends_on (course, _kl_column_text (stmt, 8));
  kl_course_set_hours (course, sqlite3_column_double (stmt, 9));
  kl_course_set_cost_dkk (course, sqlite3_column_double (stmt, 10));
  kl_course_set_capacity (course, sqlite3_column_type (stmt, 11) == SQLITE_NULL
                                  ? -1 : sqlite3_column_int (stmt, 11));
  kl_course_set_location (course, _kl_column_text (stmt, 12));
  kl_course_set_url (course, _kl_column_text (stmt, 13));
  kl_enum_from_nick (KL_TYPE_COURSE_STATUS, _kl_column_text (stmt, 14), &status);
  kl_course_set_status (course, status);
  kl_course_set_theme_ids (course, (const char * const *)theme_ids);
  kl_course_set_seats_taken (course, sqlite3_column_int (stmt, 16));
  kl_course_set_waitlisted (course, sqlite3_column_int (stmt, 17));
  return course;
}

/**
 * kl_store_list_courses:
 *
 * Returns: (transfer full) (element-type KlCourse): every course, newest
 *   start first
 */
GPtrArray *
kl_store_list_courses (KlStore  *self,
                       GError  **error)
{
  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  return _kl_store_list (self,
                         "SELECT " COURSE_COLUMNS " FROM course c ORDER BY c.starts_on DESC, c.title",
                         read_course, NULL, 0, error);
}

KlCourse *
kl_store_get_course (KlStore  *self,
                     gint64    id,
                     GError  **error)
{
  sqlite3_stmt *stmt;
  KlCourse *course = NULL;
  int rc;

  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  stmt = _kl_store_prepare (self, "SELECT " COURSE_COLUMNS " FROM course c WHERE c.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    course = read_course (stmt);
  sqlite3_reset (stmt);

  if (course == NULL)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND, _("The course was not found"));
      else
        _kl_store_sqlite_error (self, rc, error);
    }
  return course;
}

static void
bind_course (sqlite3_stmt *stmt,
             gpointer      record)
{
  KlCourse *course = record;
  g_autofree char *title = g_strstrip (g_strdup (kl_course_get_title (course)));
  int capacity = kl_course_get_capacity (course);

  sqlite3_bind_text (stmt, 1, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, kl_course_get_provider (course) ?: "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, kl_course_get_description (course) ?: "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, kl_course_get_starts_on (course), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, kl_course_get_ends_on (course), -1, SQLITE_TRANSIENT);
  sqlite3_bind_double (stmt, 6, kl_course_get_hours (course));
  sqlite3_bind_double (stmt, 7, kl_course_get_cost_dkk (course));
  if (capacity < 0)
    sqlite3_bind_null (stmt, 8);
  else
    sqlite3_bind_int (stmt, 8, capacity);
  sqlite3_bind_text (stmt, 9, kl_course_get_location (course) ?: "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, kl_course_get_url (course) ?: "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, kl_enum_to_nick (KL_TYPE_COURSE_STATUS, kl_course_get_status (course)),
                     -1, SQLITE_STATIC);
}

gboolean
kl_store_validate_course (KlStore   *self,
                          KlCourse  *course,
                          GError   **error)
{
  const char *starts = kl_course_get_starts_on (course);
  const char *ends = kl_course_get_ends_on (course);
  const char * const *themes = kl_course_get_theme_ids (course);

  if (!_kl_check_name (kl_course_get_title (course), "title", N_("The title"), error) ||
      !_kl_check_text (kl_course_get_provider (course), "provider", N_("The provider"), error) ||
      !_kl_check_text (kl_course_get_description (course), "description", N_("The description"), error) ||
      !_kl_check_date (starts, TRUE, "starts_on", N_("The start date"), error) ||
      !_kl_check_date (ends, TRUE, "ends_on", N_("The end date"), error) ||
      !_kl_check_text (kl_course_get_location (course), "location", N_("The location"), error) ||
      !_kl_check_text (kl_course_get_url (course), "url", N_("The link"), error))
    return FALSE;

  if (strcmp (ends, starts) < 0)
    return _kl_set_invalid (error, "ends_on", _("The course ends before it starts"));
  if (isnan (kl_course_get_hours (course)) || kl_course_get_hours (course) < 0)
    return _kl_set_invalid (error, "hours", _("Hours cannot be negative"));
  if (kl_course_get_hours (course) > 10000)
    return _kl_set_invalid (error, "hours", _("Hours must be at most 10,000"));
  if (isnan (kl_course_get_cost_dkk (course)) || kl_course_get_cost_dkk (course) < 0)
    return _kl_set_invalid (error, "cost_dkk", _("The cost cannot be negative"));
  if (kl_course_get_capacity (course) < -1)
    return _kl_set_invalid (error, "capacity", _("The number of seats cannot be negative"));

  for (guint i = 0; themes != NULL && themes[i] != NULL; i++)
    if (_kl_store_id_for_uuid (self, "theme", themes[i]) == 0)
      return _kl_set_invalid (error, "themes", _("The theme “%s” does not exist"), themes[i]);

  return TRUE;
}

static gboolean
write_course_themes (KlStore   *self,
                     KlCourse  *course,
                     GError   **error)
{
  const char * const *themes = kl_course_get_theme_ids (course);
  gint64 id = kl_record_get_id (KL_RECORD (course));
  sqlite3_stmt *stmt;

  stmt = _kl_store_prepare (self, "DELETE FROM course_theme WHERE course_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_kl_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; themes != NULL && themes[i] != NULL; i++)
    {
      stmt = _kl_store_prepare (self,
                                "INSERT OR IGNORE INTO course_theme (course_id, theme_id) "
                                "SELECT ?1, id FROM theme WHERE uuid = ?2",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, themes[i], -1, SQLITE_TRANSIENT);
      if (!_kl_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Seats are held by enrolled and completed participants. */
static gint64
seats_taken (KlStore  *self,
             gint64    course_id,
             GError  **error)
{
  return _kl_store_query_int64 (self,
                                "SELECT count(*) FROM enrolment WHERE course_id = ?1 "
                                "AND status IN ('enrolled', 'completed')",
                                course_id, error);
}

/* A billion seats for a course without a limit; -1 on error */
static gint64
course_capacity (KlStore  *self,
                 gint64    course_id,
                 GError  **error)
{
  return _kl_store_query_int64 (self, "SELECT coalesce (capacity, 1000000000) FROM course WHERE id = ?1",
                                course_id, error);
}

/**
 * _kl_store_fill_free_seats:
 * @promoted: (nullable) (element-type gint64): receives the enrolments
 *   moved up from the waiting list
 *
 * Gives free seats of @course_id to the waiting list, first come first
 * served. Runs inside the caller's transaction.
 */
gboolean
_kl_store_fill_free_seats (KlStore  *self,
                           gint64    course_id,
                           GArray   *promoted,
                           GError  **error)
{
  for (;;)
    {
      gint64 capacity = course_capacity (self, course_id, error);
      gint64 taken = seats_taken (self, course_id, error);
      gint64 next;
      sqlite3_stmt *stmt;

      if (capacity < 0 || taken < 0)
        return FALSE;
      if (taken >= capacity)
        return TRUE;

      next = _kl_store_query_int64 (self,
                                    "SELECT id FROM enrolment WHERE course_id = ?1 AND status = 'waitlisted' "
                                    "ORDER BY waitlist_position, id LIMIT 1",
                                    course_id, error);
      if (next < 0)
        return FALSE;
      if (next == 0)
        return TRUE;

      stmt = _kl_store_prepare (self,
                                "UPDATE enrolment SET status = 'enrolled', waitlist_position = NULL, "
                                "enrolled_on = coalesce (enrolled_on, date ('now')), "
                                "updated_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, next);
      if (!_kl_store_step_done (self, stmt, error))
        return FALSE;
      if (promoted != NULL)
        g_array_append_val (promoted, next);
    }
}

gboolean
kl_store_save_course (KlStore   *self,
                      KlCourse  *course,
                      GError   **error)
{
  gboolean was_new;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (KL_IS_COURSE (course), FALSE);

  if (!kl_store_validate_course (self, course, error))
    return FALSE;

  was_new = kl_record_get_id (KL_RECORD (course)) == 0;
  if (!_kl_store_begin (self, error))
    return FALSE;

  if (!_kl_store_insert_or_update (self, KL_RECORD (course),
                                   "INSERT INTO course (title, provider, description, starts_on, ends_on, "
                                   "hours, cost_dkk, capacity, location, url, status, uuid, created_at, updated_at) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, :uuid, :now, :now)",
                                   "UPDATE course SET title = ?1, provider = ?2, description = ?3, "
                                   "starts_on = ?4, ends_on = ?5, hours = ?6, cost_dkk = ?7, capacity = ?8, "
                                   "location = ?9, url = ?10, status = ?11, updated_at = :now WHERE id = :id",
                                   bind_course, "course", error) ||
      !write_course_themes (self, course, error) ||
      /* More seats may let people in from the waiting list. */
      (kl_course_get_status (course) == KL_COURSE_STATUS_SCHEDULED &&
       !_kl_store_fill_free_seats (self, kl_record_get_id (KL_RECORD (course)), NULL, error)))
    {
      _kl_store_rollback (self);
      if (was_new)
        kl_record_set_id (KL_RECORD (course), 0);
      return FALSE;
    }

  if (!_kl_store_commit (self, error))
    return FALSE;

  _kl_store_emit_changed (self, "course");
  _kl_store_emit_changed (self, "enrolment");
  return TRUE;
}

/**
 * kl_store_delete_course:
 *
 * Deletes a course without enrolments. A course with enrolments is
 * refused with %KL_STORE_ERROR_IN_USE: cancel it instead, so the history
 * of who was planned stays.
 */
gboolean
kl_store_delete_course (KlStore  *self,
                        gint64    id,
                        GError  **error)
{
  gint64 enrolments;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);

  enrolments = _kl_store_query_int64 (self, "SELECT count(*) FROM enrolment WHERE course_id = ?1", id, error);
  if (enrolments < 0)
    return FALSE;
  if (enrolments > 0)
    {
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The course has %d enrolment. Cancel the course instead: that keeps the history.",
                                "The course has %d enrolments. Cancel the course instead: that keeps the history.",
                                enrolments),
                   (int)enrolments);
      return FALSE;
    }

  return _kl_store_delete_row (self, "course", id, error);
}

/* Enrolments */

/* The next queue number on a course's waiting list. */
#define NEXT_IN_QUEUE(course) \
  "(SELECT coalesce (max (q.waitlist_position), 0) + 1 FROM enrolment q WHERE q.course_id = " course ")"

#define ENROLMENT_COLUMNS \
  "e.id, e.uuid, e.created_at, e.updated_at, e.staff_id, e.course_id, e.status, e.enrolled_on, " \
  "e.completed_on, e.note, s.name, c.title, c.starts_on, c.hours, e.waitlist_position"

static gpointer
read_enrolment (sqlite3_stmt *stmt)
{
  KlEnrolment *enrolment = kl_enrolment_new ();
  int status = KL_ENROLMENT_STATUS_PLANNED;

  _kl_store_read_record_base (KL_RECORD (enrolment), stmt, 0);
  kl_enrolment_set_staff_id (enrolment, sqlite3_column_int64 (stmt, 4));
  kl_enrolment_set_course_id (enrolment, sqlite3_column_int64 (stmt, 5));
  kl_enum_from_nick (KL_TYPE_ENROLMENT_STATUS, _kl_column_text (stmt, 6), &status);
  kl_enrolment_set_status (enrolment, status);
  kl_enrolment_set_enrolled_on (enrolment, _kl_column_text (stmt, 7));
  kl_enrolment_set_completed_on (enrolment, _kl_column_text (stmt, 8));
  kl_enrolment_set_note (enrolment, _kl_column_text (stmt, 9));
  kl_enrolment_set_staff_name (enrolment, _kl_column_text (stmt, 10));
  kl_enrolment_set_course_title (enrolment, _kl_column_text (stmt, 11));
  kl_enrolment_set_course_starts_on (enrolment, _kl_column_text (stmt, 12));
  kl_enrolment_set_course_hours (enrolment, sqlite3_column_double (stmt, 13));
  kl_enrolment_set_waitlist_position (enrolment, sqlite3_column_type (stmt, 14) == SQLITE_NULL
                                                 ? -1 : sqlite3_column_int (stmt, 14));
  return enrolment;
}

static GPtrArray *
list_enrolments (KlStore     *self,
                 const char  *sql,
                 gint64       id,
                 GError     **error)
{
  return _kl_store_list (self, sql, read_enrolment, &id, 1, error);
}

/**
 * kl_store_list_enrolments_for_course:
 *
 * Returns: (transfer full) (element-type KlEnrolment): the course's
 *   participants by status, the waiting list in its order, then by name
 */
GPtrArray *
kl_store_list_enrolments_for_course (KlStore  *self,
                                     gint64    course_id,
                                     GError  **error)
{
  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  return list_enrolments (self,
                          "SELECT " ENROLMENT_COLUMNS " FROM enrolment e "
                          "JOIN staff s ON s.id = e.staff_id JOIN course c ON c.id = e.course_id "
                          "WHERE e.course_id = ?1 ORDER BY CASE e.status WHEN 'enrolled' THEN 0 "
                          "WHEN 'completed' THEN 1 WHEN 'planned' THEN 2 WHEN 'waitlisted' THEN 3 ELSE 4 END, "
                          "e.waitlist_position, s.name COLLATE NOCASE, e.id",
                          course_id, error);
}

/**
 * kl_store_list_enrolments_for_staff:
 *
 * Returns: (transfer full) (element-type KlEnrolment): the staff
 *   member's courses, newest first
 */
GPtrArray *
kl_store_list_enrolments_for_staff (KlStore  *self,
                                    gint64    staff_id,
                                    GError  **error)
{
  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  return list_enrolments (self,
                          "SELECT " ENROLMENT_COLUMNS " FROM enrolment e "
                          "JOIN staff s ON s.id = e.staff_id JOIN course c ON c.id = e.course_id "
                          "WHERE e.staff_id = ?1 ORDER BY c.starts_on DESC, e.id",
                          staff_id, error);
}

KlEnrolment *
kl_store_get_enrolment (KlStore  *self,
                        gint64    id,
                        GError  **error)
{
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  list = list_enrolments (self,
                          "SELECT " ENROLMENT_COLUMNS " FROM enrolment e "
                          "JOIN staff s ON s.id = e.staff_id JOIN course c ON c.id = e.course_id "
                          "WHERE e.id = ?1",
                          id, error);
  if (list == NULL)
    return NULL;
  if (list->len == 0)
    {
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND, _("The enrolment was not found"));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (list, 0));
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * kl_store_enrol:
 * @self: a #KlStore
 * @staff_id: who
 * @course_id: in which course
 * @status: %KL_ENROLMENT_STATUS_PLANNED or %KL_ENROLMENT_STATUS_ENROLLED
 * @error: return location for a #GError
 *
 * Enrols a staff member. Enrolling in a full course puts the person on
 * the waiting list instead, behind those already on it.
 *
 * Returns: (transfer full): the new enrolment, with its resulting status
 */
KlEnrolment *
kl_store_enrol (KlStore            *self,
                gint64              staff_id,
                gint64              course_id,
                KlEnrolmentStatus   status,
                GError            **error)
{
  const char *now = _kl_store_now (self);
  g_autofree char *uuid = _kl_store_new_uuid ();
  g_autofree char *date = today ();
  gint64 capacity, taken, existing, cancelled;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (KL_IS_STORE (self), NULL);
  g_return_val_if_fail (status == KL_ENROLMENT_STATUS_PLANNED ||
                        status == KL_ENROLMENT_STATUS_ENROLLED, NULL);

  if (!_kl_check_reference (self, "staff", staff_id, "staff", N_("The staff member"), error) ||
      !_kl_check_reference (self, "course", course_id, "course", N_("The course"), error))
    return NULL;

  cancelled = _kl_store_query_int64 (self, "SELECT status = 'cancelled' FROM course WHERE id = ?1",
                                     course_id, error);
  if (cancelled != 0)
    {
      if (cancelled > 0)
        _kl_set_invalid (error, "course", _("The course is cancelled"));
      return NULL;
    }

  if (!_kl_store_begin (self, error))
    return NULL;

  stmt = _kl_store_prepare (self, "SELECT count(*) FROM enrolment WHERE staff_id = ?1 AND course_id = ?2", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  sqlite3_bind_int64 (stmt, 2, course_id);
  existing = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (existing > 0)
    {
      _kl_set_invalid (error, "staff", _("The staff member is already on this course"));
      goto fail;
    }

  if (status == KL_ENROLMENT_STATUS_ENROLLED)
    {
      capacity = course_capacity (self, course_id, error);
      taken = capacity < 0 ? -1 : seats_taken (self, course_id, error);
      if (taken < 0)
        goto fail;
      if (taken >= capacity)
        status = KL_ENROLMENT_STATUS_WAITLISTED;
    }

  stmt = _kl_store_prepare (self,
                            "INSERT INTO enrolment (uuid, staff_id, course_id, status, enrolled_on, "
                            "waitlist_position, note, created_at, updated_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, CASE WHEN ?6 THEN " NEXT_IN_QUEUE ("?3") " END, "
                            "'', ?7, ?7)",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, staff_id);
  sqlite3_bind_int64 (stmt, 3, course_id);
  sqlite3_bind_text (stmt, 4, kl_enum_to_nick (KL_TYPE_ENROLMENT_STATUS, status), -1, SQLITE_STATIC);
  _kl_bind_text_or_null (stmt, 5, status == KL_ENROLMENT_STATUS_PLANNED ? NULL : date);
  sqlite3_bind_int (stmt, 6, status == KL_ENROLMENT_STATUS_WAITLISTED);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
  if (!_kl_store_step_done (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (self->db);

  if (!_kl_store_commit (self, error))
    return NULL;

  _kl_store_emit_changed (self, "enrolment");
  return kl_store_get_enrolment (self, id, error);

fail:
  _kl_store_rollback (self);
  return NULL;
}

/**
 * kl_store_set_enrolment_status:
 * @self: a #KlStore
 * @id: an enrolment
 * @status: the new status
 * @completed_on: (nullable): for %KL_ENROLMENT_STATUS_COMPLETED, the date;
 *   %NULL for the course's end date
 * @promoted: (nullable) (element-type gint64): receives the enrolments
 *   moved up from the waiting list because a seat was freed
 * @error: return location for a #GError
 *
 * Changes one person's status. Cancelling a seat moves the first on the
 * waiting list up, in the same transaction. Asking for a seat in a full
 * course puts the person on the waiting list.
 */
gboolean
kl_store_set_enrolment_status (KlStore            *self,
                               gint64              id,
                               KlEnrolmentStatus   status,
                               const char         *completed_on,
                               GArray             *promoted,
                               GError            **error)
{
  g_autoptr(KlEnrolment) current = NULL;
  g_autoptr(KlCourse) course = NULL;
  const char *now = _kl_store_now (self);
  g_autofree char *date = today ();
  KlEnrolmentStatus old;
  const char *completed = NULL;
  sqlite3_stmt *stmt;
  gint64 course_id;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);

  current = kl_store_get_enrolment (self, id, error);
  if (current == NULL)
    return FALSE;
  old = kl_enrolment_get_status (current);
  course_id = kl_enrolment_get_course_id (current);
  course = kl_store_get_course (self, course_id, error);
  if (course == NULL)
    return FALSE;

  if (status == KL_ENROLMENT_STATUS_COMPLETED)
    {
      completed = completed_on ? completed_on : kl_course_get_ends_on (course);
      if (!_kl_check_date (completed, TRUE, "completed_on", N_("The completion date"), error))
        return FALSE;
    }

  if ((status == KL_ENROLMENT_STATUS_ENROLLED || status == KL_ENROLMENT_STATUS_WAITLISTED) &&
      old != status && kl_course_get_status (course) == KL_COURSE_STATUS_CANCELLED)
    return _kl_set_invalid (error, "course", _("The course is cancelled"));

  if (!_kl_store_begin (self, error))
    return FALSE;

  if (status == KL_ENROLMENT_STATUS_ENROLLED && old != KL_ENROLMENT_STATUS_ENROLLED &&
      old != KL_ENROLMENT_STATUS_COMPLETED)
    {
      gint64 capacity = course_capacity (self, course_id, error);
      gint64 taken = capacity < 0 ? -1 : seats_taken (self, course_id, error);

      if (taken < 0)
        goto fail;
      if (taken >= capacity)
        status = KL_ENROLMENT_STATUS_WAITLISTED;
    }

  stmt = _kl_store_prepare (self,
                            "UPDATE enrolment SET status = ?2, completed_on = ?3, "
                            "enrolled_on = CASE WHEN ?2 IN ('enrolled', 'completed') "
                            "  THEN coalesce (enrolled_on, ?4) ELSE enrolled_on END, "
                            "waitlist_position = CASE WHEN ?2 = 'waitlisted' "
                            "  THEN coalesce (waitlist_position, " NEXT_IN_QUEUE ("enrolment.course_id") ") ELSE NULL END, "
                            "updated_at = ?5 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, kl_enum_to_nick (KL_TYPE_ENROLMENT_STATUS, status), -1, SQLITE_STATIC);
  _kl_bind_text_or_null (stmt, 3, completed);
  sqlite3_bind_text (stmt, 4, date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  if (!_kl_store_step_done (self, stmt, error))
    goto fail;

  /* A seat given up before the course lets the next person in. */
  if (old == KL_ENROLMENT_STATUS_ENROLLED &&
      (status == KL_ENROLMENT_STATUS_CANCELLED || status == KL_ENROLMENT_STATUS_PLANNED ||
       status == KL_ENROLMENT_STATUS_WAITLISTED) &&
      kl_course_get_status (course) == KL_COURSE_STATUS_SCHEDULED &&
      !_kl_store_fill_free_seats (self, course_id, promoted, error))
    goto fail;

  if (!_kl_store_commit (self, error))
    return FALSE;

  _kl_store_emit_changed (self, "enrolment");
  return TRUE;

fail:
  _kl_store_rollback (self);
  return FALSE;
}

/**
 * kl_store_set_enrolment_note:
 *
 * Changes the note on an enrolment.
 */
gboolean
kl_store_set_enrolment_note (KlStore     *self,
                             gint64       id,
                             const char  *note,
                             GError     **error)
{
  sqlite3_stmt *stmt;
  const char *now = _kl_store_now (self);

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);

  if (!_kl_check_text (note, "note", N_("The note"), error))
    return FALSE;

  stmt = _kl_store_prepare (self, "UPDATE enrolment SET note = ?2, updated_at = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, note ? note : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  if (!_kl_store_step_done (self, stmt, error))
    return FALSE;

  _kl_store_emit_changed (self, "enrolment");
  return TRUE;
}

/**
 * kl_store_delete_enrolment:
 * @promoted: (nullable) (element-type gint64): see
 *   kl_store_set_enrolment_status()
 *
 * Removes an enrolment as if it never was; a freed seat goes to the
 * waiting list.
 */
gboolean
kl_store_delete_enrolment (KlStore  *self,
                           gint64    id,
                           GArray   *promoted,
                           GError  **error)
{
  g_autoptr(KlEnrolment) current = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);

  current = kl_store_get_enrolment (self, id, error);
  if (current == NULL)
    return FALSE;

  if (!_kl_store_begin (self, error))
    return FALSE;

  stmt = _kl_store_prepare (self, "DELETE FROM enrolment WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_kl_store_step_done (self, stmt, error))
    goto fail;

  if (kl_enrolment_get_status (current) == KL_ENROLMENT_STATUS_ENROLLED &&
      !_kl_store_fill_free_seats (self, kl_enrolment_get_course_id (current), promoted, error))
    goto fail;

  if (!_kl_store_commit (self, error))
    return FALSE;

  _kl_store_emit_changed (self, "enrolment");
  return TRUE;

fail:
  _kl_store_rollback (self);
  return FALSE;
}

gboolean
_kl_store_foreach_course_table (KlStore             *self,
                                GType                type,
                                gint64               only_id,
                                KlStoreForeachFunc   func,
                                gpointer             data,
                                GError             **error)
{
  if (type == KL_TYPE_COURSE)
    return _kl_store_foreach_row (self, "SELECT " COURSE_COLUMNS " FROM course c ORDER BY c.id", only_id,
                                  read_course, func, data, error);

  return _kl_store_foreach_row (self,
                                "SELECT " ENROLMENT_COLUMNS " FROM enrolment e "
                                "JOIN staff s ON s.id = e.staff_id JOIN course c ON c.id = e.course_id "
                                "ORDER BY e.id", only_id,
                                read_enrolment, func, data, error);
}

static void
bind_enrolment (sqlite3_stmt *stmt,
                gpointer      record)
{
  KlEnrolment *enrolment = record;
  KlEnrolmentStatus status = kl_enrolment_get_status (enrolment);

  sqlite3_bind_int64 (stmt, 1, kl_enrolment_get_staff_id (enrolment));
  sqlite3_bind_int64 (stmt, 2, kl_enrolment_get_course_id (enrolment));
  sqlite3_bind_text (stmt, 3, kl_enum_to_nick (KL_TYPE_ENROLMENT_STATUS, status), -1, SQLITE_STATIC);
  _kl_bind_text_or_null (stmt, 4, kl_enrolment_get_enrolled_on (enrolment));
  _kl_bind_text_or_null (stmt, 5, kl_enrolment_get_completed_on (enrolment));
  sqlite3_bind_text (stmt, 6, kl_enrolment_get_note (enrolment) ?: "", -1, SQLITE_TRANSIENT);
  if (kl_enrolment_get_waitlist_position (enrolment) > 0)
    sqlite3_bind_int (stmt, 7, kl_enrolment_get_waitlist_position (enrolment));
  else
    sqlite3_bind_null (stmt, 7);
}

/**
 * kl_store_save_enrolment:
 *
 * Writes an enrolment exactly as given, status included, without the
 * seat and waiting-list rules: for imports and restores. Everyday changes
 * go through kl_store_enrol() and kl_store_set_enrolment_status().
 */
gboolean
kl_store_save_enrolment (KlStore      *self,
                         KlEnrolment  *enrolment,
                         GError      **error)
{
  const char *enrolled = kl_enrolment_get_enrolled_on (enrolment);
  const char *completed = kl_enrolment_get_completed_on (enrolment);

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (KL_IS_ENROLMENT (enrolment), FALSE);

  if (!_kl_check_reference (self, "staff", kl_enrolment_get_staff_id (enrolment), "staff",
                            N_("The staff member"), error) ||
      !_kl_check_reference (self, "course", kl_enrolment_get_course_id (enrolment), "course",
                            N_("The course"), error) ||
      !_kl_check_date (enrolled, FALSE, "enrolled_on", N_("The enrolment date"), error) ||
      !_kl_check_date (completed, FALSE, "completed_on", N_("The completion date"), error) ||
      !_kl_check_text (kl_enrolment_get_note (enrolment), "note", N_("The note"), error))
    return FALSE;

  if (!_kl_store_insert_or_update (self, KL_RECORD (enrolment),
                                   "INSERT INTO enrolment (staff_id, course_id, status, enrolled_on, "
                                   "completed_on, note, waitlist_position, uuid, created_at, updated_at) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, CASE WHEN ?3 = 'waitlisted' THEN "
                                   "coalesce (?7, " NEXT_IN_QUEUE ("?2") ") END, :uuid, :now, :now)",
                                   "UPDATE enrolment SET staff_id = ?1, course_id = ?2, status = ?3, "
                                   "enrolled_on = ?4, completed_on = ?5, note = ?6, "
                                   "waitlist_position = CASE WHEN ?3 = 'waitlisted' THEN coalesce (?7, waitlist_position, "
                                   NEXT_IN_QUEUE ("?2") ") END, "
                                   "updated_at = :now WHERE id = :id",
                                   bind_enrolment, "enrolment", error))
    return FALSE;

  _kl_store_emit_changed (self, "enrolment");
  return TRUE;
}

/**
 * kl_store_course_gaps:
 * @course_id: a course
 *
 * For the people a course is for: how many of the course's themes each
 * staff member is below target in, by their current assessments.
 *
 * Returns: (transfer full): staff id → number of themes (as pointers)
 */
GHashTable *
kl_store_course_gaps (KlStore  *self,
                      gint64    course_id,
                      GError  **error)
{
  g_autoptr(GHashTable) gaps = g_hash_table_new (g_direct_hash, g_direct_equal);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  stmt = _kl_store_prepare (self,
                            "SELECT ca.staff_id, count(*) FROM current_assessment ca "
                            "WHERE ca.theme_id IN (SELECT theme_id FROM course_theme WHERE course_id = ?1) "
                            "AND ca.target IS NOT NULL AND ca.level < ca.target "
                            "GROUP BY ca.staff_id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, course_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (gaps, GSIZE_TO_POINTER (sqlite3_column_int64 (stmt, 0)),
                         GINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _kl_store_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&gaps);
}

/**
 * kl_store_find_enrolment:
 *
 * Returns: the id of @staff_id's enrolment in @course_id, or 0
 */
gint64
kl_store_find_enrolment (KlStore *self,
                         gint64   staff_id,
                         gint64   course_id)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (KL_IS_STORE (self), 0);

  stmt = _kl_store_prepare (self, "SELECT id FROM enrolment WHERE staff_id = ?1 AND course_id = ?2", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  sqlite3_bind_int64 (stmt, 2, course_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}
