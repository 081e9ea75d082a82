/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kl-store-private.h"

/* Units */

#define UNIT_COLUMNS "u.id, u.uuid, u.created_at, u.updated_at, u.name, u.parent_id"

static gpointer
read_unit (sqlite3_stmt *stmt)
{
  KlUnit *unit = kl_unit_new ();

  _kl_store_read_record_base (KL_RECORD (unit), stmt, 0);
  kl_unit_set_name (unit, _kl_column_text (stmt, 4));
  kl_unit_set_parent_id (unit, sqlite3_column_int64 (stmt, 5));
  return unit;
}

/**
 * kl_store_list_units:
 *
 * Returns: (transfer full) (element-type KlUnit): every unit, by name
 */
GPtrArray *
kl_store_list_units (KlStore  *self,
                     GError  **error)
{
  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  return _kl_store_list (self,
                         "SELECT " UNIT_COLUMNS " FROM unit u ORDER BY u.name COLLATE NOCASE, u.id",
                         read_unit, NULL, 0, error);
}

KlUnit *
kl_store_get_unit (KlStore  *self,
                   gint64    id,
                   GError  **error)
{
  sqlite3_stmt *stmt;
  KlUnit *unit = NULL;
  int rc;

  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  stmt = _kl_store_prepare (self, "SELECT " UNIT_COLUMNS " FROM unit u WHERE u.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    unit = read_unit (stmt);
  sqlite3_reset (stmt);

  if (unit == NULL)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND, _("The unit was not found"));
      else
        _kl_store_sqlite_error (self, rc, error);
    }
  return unit;
}

static void
bind_unit (sqlite3_stmt *stmt,
           gpointer      record)
{
  KlUnit *unit = record;
  g_autofree char *name = g_strstrip (g_strdup (kl_unit_get_name (unit)));

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  _kl_bind_id_or_null (stmt, 2, kl_unit_get_parent_id (unit));
}

/* A unit may not become its own ancestor. */
static gboolean
creates_cycle (KlStore *self,
               gint64   unit_id,
               gint64   parent_id)
{
  sqlite3_stmt *stmt;
  gboolean cycle = FALSE;

  if (unit_id == 0 || parent_id == 0)
    return FALSE;
  if (unit_id == parent_id)
    return TRUE;

  stmt = _kl_store_prepare (self,
                            "WITH RECURSIVE up (id) AS ("
                            "  SELECT parent_id FROM unit WHERE id = ?1"
                            "  UNION SELECT u.parent_id FROM unit u JOIN up ON u.id = up.id"
                            "  WHERE u.parent_id IS NOT NULL)"
                            "SELECT count(*) FROM up WHERE id = ?2",
                            NULL);
  if (stmt == NULL)
    return TRUE;
  sqlite3_bind_int64 (stmt, 1, parent_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  cycle = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) > 0;
  sqlite3_reset (stmt);

  return cycle;
}

/**
 * kl_store_validate_unit:
 *
 * Checks @unit without writing it. Returns %FALSE with a
 * %KL_STORE_ERROR_INVALID error naming the field otherwise.
 */
gboolean
kl_store_validate_unit (KlStore  *self,
                        KlUnit   *unit,
                        GError  **error)
{
  gint64 parent = kl_unit_get_parent_id (unit);

  if (!_kl_check_name (kl_unit_get_name (unit), "name", N_("The name"), error))
    return FALSE;
  if (parent != 0 &&
      !_kl_check_reference (self, "unit", parent, "parent", N_("The parent unit"), error))
    return FALSE;
  if (creates_cycle (self, kl_record_get_id (KL_RECORD (unit)), parent))
    return _kl_set_invalid (error, "parent", _("A unit cannot be placed under itself or one of its own sub-units"));
  return TRUE;
}

/**
 * kl_store_save_unit:
 * @self: a #KlStore
 * @unit: a unit; inserted if it has no id yet, updated otherwise
 * @error: return location for a #GError
 *
 * Validates and writes @unit, filling in its id, uuid and timestamps.
 */
gboolean
kl_store_save_unit (KlStore  *self,
                    KlUnit   *unit,
                    GError  **error)
{
  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (KL_IS_UNIT (unit), FALSE);

  if (!kl_store_validate_unit (self, unit, error))
    return FALSE;

  if (!_kl_store_insert_or_update (self, KL_RECORD (unit),
                                   "INSERT INTO unit (name, parent_id, uuid, created_at, updated_at) "
                                   "VALUES (?1, ?2, :uuid, :now, :now)",
                                   "UPDATE unit SET name = ?1, parent_id = ?2, updated_at = :now "
                                   "WHERE id = :id",
                                   bind_unit, "unit", error))
    return FALSE;

  _kl_store_emit_changed (self, "unit");
  return TRUE;
}

/**
 * kl_store_delete_unit:
 *
 * Deletes an empty unit. A unit that still has staff (current or former)
 * or sub-units is refused with %KL_STORE_ERROR_IN_USE.
 */
gboolean
kl_store_delete_unit (KlStore  *self,
                      gint64    id,
                      GError  **error)
{
  gint64 staff, children;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);

  staff = _kl_store_query_int64 (self, "SELECT count(*) FROM staff WHERE unit_id = ?1", id, error);
  if (staff < 0)
    return FALSE;
  if (staff > 0)
    {
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The unit still has %d staff member. Move them to another unit first.",
                                "The unit still has %d staff members. Move them to another unit first.",
                                staff),
                   (int)staff);
      return FALSE;
    }

  children = _kl_store_query_int64 (self, "SELECT count(*) FROM unit WHERE parent_id = ?1", id, error);
  if (children < 0)
    return FALSE;
  if (children > 0)
    {
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_IN_USE,
                   _("The unit has sub-units. Move or delete them first."));
      return FALSE;
    }

  return _kl_store_delete_row (self, "unit", id, error);
}

/* Staff */

#define STAFF_COLUMNS \
  "s.id, s.uuid, s.created_at, s.updated_at, s.name, s.unit_id, u.name, s.job_title, " \
  "s.email, s.started_on, s.left_on, s.weekly_hours, s.note"

/* Themes below target: the current assessments with a target above
 * their level. */
#define BELOW_TARGET_SQL \
  "(SELECT count(*) FROM current_assessment ca WHERE ca.staff_id = s.id " \
  " AND ca.target IS NOT NULL AND ca.level < ca.target)"

static gpointer
read_staff (sqlite3_stmt *stmt)
{
  KlStaff *staff = kl_staff_new ();

  _kl_store_read_record_base (KL_RECORD (staff), stmt, 0);
  kl_staff_set_name (staff, _kl_column_text (stmt, 4));
  kl_staff_set_unit_id (staff, sqlite3_column_int64 (stmt, 5));
  kl_staff_set_unit_name (staff, _kl_column_text (stmt, 6));
  kl_staff_set_job_title (staff, _kl_column_text (stmt, 7));
  kl_staff_set_email (staff, _kl_column_text (stmt, 8));
  kl_staff_set_started_on (staff, _kl_column_text (stmt, 9));
  kl_staff_set_left_on (staff, _kl_column_text (stmt, 10));
  kl_staff_set_weekly_hours (staff, sqlite3_column_type (stmt, 11) == SQLITE_NULL
                                    ? -1 : sqlite3_column_double (stmt, 11));
  kl_staff_set_note (staff, _kl_column_text (stmt, 12));
  kl_staff_set_themes_below_target (staff, sqlite3_column_int (stmt, 13));
  return staff;
}

/**
 * kl_store_list_staff:
 * @self: a #KlStore
 * @unit_id: a unit, with its sub-units; 0 for all
 * @include_left: whether to include staff who have left
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type KlStaff): the staff, by name
 */
GPtrArray *
kl_store_list_staff (KlStore   *self,
                     gint64     unit_id,
                     gboolean   include_left,
                     GError   **error)
{
  gint64 args[] = { unit_id, include_left };

  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  return _kl_store_list (self,
                         "WITH RECURSIVE units (id) AS ("
                         "  SELECT id FROM unit WHERE ?1 = 0 OR id = ?1"
                         "  UNION SELECT u.id FROM unit u JOIN units ON u.parent_id = units.id) "
                         "SELECT " STAFF_COLUMNS ", " BELOW_TARGET_SQL " "
                         "FROM staff s JOIN unit u ON u.id = s.unit_id "
                         "WHERE s.unit_id IN units AND (?2 OR s.left_on IS NULL) "
                         "ORDER BY s.name COLLATE NOCASE, s.id",
                         read_staff, args, G_N_ELEMENTS (args), error);
}

KlStaff *
kl_store_get_staff (KlStore  *self,
                    gint64    id,
                    GError  **error)
{
  sqlite3_stmt *stmt;
  KlStaff *staff = NULL;
  int rc;

  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  stmt = _kl_store_prepare (self,
                            "SELECT " STAFF_COLUMNS ", " BELOW_TARGET_SQL " "
                            "FROM staff s JOIN unit u ON u.id = s.unit_id WHERE s.id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    staff = read_staff (stmt);
  sqlite3_reset (stmt);

  if (staff == NULL)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND,
                     _("The staff member was not found"));
      else
        _kl_store_sqlite_error (self, rc, error);
    }
  return staff;
}

/**
 * kl_store_count_staff:
 *
 * Returns: the number of staff (employed or not), or -1 on error
 */
gint64
kl_store_count_staff (KlStore  *self,
                      GError  **error)
{
  g_return_val_if_fail (KL_IS_STORE (self), -1);

  return _kl_store_query_int64 (self, "SELECT count(*) FROM staff WHERE id > ?1", 0, error);
}

static void
bind_staff (sqlite3_stmt *stmt,
            gpointer      record)
{
  KlStaff *staff = record;
  g_autofree char *name = g_strstrip (g_strdup (kl_staff_get_name (staff)));
  g_autofree char *job = g_strstrip (g_strdup (kl_staff_get_job_title (staff) ?: ""));
  g_autofree char *email = g_strstrip (g_strdup (kl_staff_get_email (staff) ?: ""));
  double hours = kl_staff_get_weekly_hours (staff);

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, kl_staff_get_unit_id (staff));
  sqlite3_bind_text (stmt, 3, job, -1, SQLITE_TRANSIENT);
  _kl_bind_text_or_null (stmt, 4, email);
  _kl_bind_text_or_null (stmt, 5, kl_staff_get_started_on (staff));
  _kl_bind_text_or_null (stmt, 6, kl_staff_get_left_on (staff));
  if (hours < 0)
    sqlite3_bind_null (stmt, 7);
  else
    sqlite3_bind_double (stmt, 7, hours);
  sqlite3_bind_text (stmt, 8, kl_staff_get_note (staff) ?: "", -1, SQLITE_TRANSIENT);
}

gboolean
kl_store_validate_staff (KlStore  *self,
                         KlStaff  *staff,
                         GError  **error)
{
  const char *started = kl_staff_get_started_on (staff);
  const char *left = kl_staff_get_left_on (staff);
  double hours = kl_staff_get_weekly_hours (staff);

  if (!_kl_check_name (kl_staff_get_name (staff), "name", N_("The name"), error) ||
      !_kl_check_reference (self, "unit", kl_staff_get_unit_id (staff), "unit", N_("The unit"), error) ||
      !_kl_check_text (kl_staff_get_job_title (staff), "job_title", N_("The job title"), error) ||
      !_kl_check_email (kl_staff_get_email (staff), error) ||
      !_kl_check_date (started, FALSE, "started_on", N_("The start date"), error) ||
      !_kl_check_date (left, FALSE, "left_on", N_("The leaving date"), error) ||
      !_kl_check_text (kl_staff_get_note (staff), "note", N_("The note"), error))
    return FALSE;

  if (kl_staff_get_job_title (staff) != NULL && g_utf8_strlen (kl_staff_get_job_title (staff), -1) > KL_NAME_MAX)
    return _kl_set_invalid (error, "job_title", _("%s is too long: at most %d characters"),
                            _("The job title"), KL_NAME_MAX);
  if (started != NULL && *started != '\0' && left != NULL && *left != '\0' && strcmp (left, started) < 0)
    return _kl_set_invalid (error, "left_on", _("The leaving date is before the start date"));
  if (hours > 80)
    return _kl_set_invalid (error, "weekly_hours", _("Weekly hours must be between 0 and 80"));
  if (hours < 0 && hours != -1)
    return _kl_set_invalid (error, "weekly_hours", _("Weekly hours cannot be negative"));

  return TRUE;
}

gboolean
kl_store_save_staff (KlStore  *self,
                     KlStaff  *staff,
                     GError  **error)
{
  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (KL_IS_STAFF (staff), FALSE);

  if (!kl_store_validate_staff (self, staff, error))
    return FALSE;

  if (!_kl_store_insert_or_update (self, KL_RECORD (staff),
                                   "INSERT INTO staff (name, unit_id, job_title, email, started_on, "
                                   "left_on, weekly_hours, note, uuid, created_at, updated_at) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, :uuid, :now, :now)",
                                   "UPDATE staff SET name = ?1, unit_id = ?2, job_title = ?3, email = ?4, "
                                   "started_on = ?5, left_on = ?6, weekly_hours = ?7, note = ?8, "
                                   "updated_at = :now WHERE id = :id",
                                   bind_staff, "staff", error))
    return FALSE;

  _kl_store_emit_changed (self, "staff");
  return TRUE;
}

/**
 * kl_store_delete_staff:
 *
 * Deletes a staff member with their assessments, goals and enrolments;
 * actions they owned keep going without an owner. Freed course seats go
 * to the first on the waiting list.
 */
gboolean
kl_store_delete_staff (KlStore  *self,
                       gint64    id,
                       GError  **error)
{
  g_autoptr(GArray) courses = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);

  if (!_kl_store_begin (self, error))
    return FALSE;

  /* Courses where the person held a seat. */
  stmt = _kl_store_prepare (self,
                            "SELECT course_id FROM enrolment WHERE staff_id = ?1 AND status = 'enrolled'",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 course = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (courses, course);
    }
  sqlite3_reset (stmt);

  stmt = _kl_store_prepare (self, "DELETE FROM staff WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_kl_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND,
                   _("The staff member was not found"));
      goto fail;
    }

  for (guint i = 0; i < courses->len; i++)
    if (!_kl_store_fill_free_seats (self, g_array_index (courses, gint64, i), NULL, error))
      goto fail;

  if (!_kl_store_commit (self, error))
    return FALSE;

  _kl_store_emit_changed (self, "staff");
  _kl_store_emit_changed (self, "enrolment");
  return TRUE;

fail:
  _kl_store_rollback (self);
  return FALSE;
}

gboolean
_kl_store_foreach_staff_table (KlStore             *self,
                               GType                type,
                               gint64               only_id,
                               KlStoreForeachFunc   func,
                               gpointer             data,
                               GError             **error)
{
  if (type == KL_TYPE_UNIT)
    return _kl_store_foreach_row (self, "SELECT " UNIT_COLUMNS " FROM unit u ORDER BY u.id", only_id,
                                  read_unit, func, data, error);

  return _kl_store_foreach_row (self,
                                "SELECT " STAFF_COLUMNS ", 0 FROM staff s JOIN unit u ON u.id = s.unit_id "
                                "ORDER BY s.id", only_id,
                                read_staff, func, data, error);
}
