/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading records: one by one for exports, by id, as lists, and by uuid. */
#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "kl-store-private.h"

/**
 * _kl_store_foreach_row:
 *
 * Runs @sql (no parameters) and hands each row, read by @read, to @func.
 * For exports: records are made one at a time, never all at once.
 */
gboolean
_kl_store_foreach_row (KlStore             *self,
                       const char          *sql,
                       gint64               only_id,
                       gpointer           (*read) (sqlite3_stmt *stmt),
                       KlStoreForeachFunc   func,
                       gpointer             data,
                       GError             **error)
{
  g_autofree char *one = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  int rc;

  /* The queries' first column is the id; SQLite pushes this filter down
   * to the primary key. */
  if (only_id > 0)
    sql = one = g_strdup_printf ("SELECT * FROM (%s) WHERE id = %" G_GINT64_FORMAT, sql, only_id);

  /* Not cached: @func may run other queries while this one is open. */
  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return _kl_store_sqlite_error (self, rc, error);

  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(KlRecord) record = read (stmt);
      ok = func (record, data, error);
    }
  sqlite3_finalize (stmt);

  if (ok && rc != SQLITE_DONE)
    return _kl_store_sqlite_error (self, rc, error);
  return ok;
}

/**
 * kl_store_foreach:
 * @self: a #KlStore
 * @type: a record type, such as %KL_TYPE_STAFF
 * @func: called for each record; returns %FALSE with an error to stop
 * @data: data for @func
 * @error: return location for a #GError
 *
 * Visits every record of @type in a stable order (by id), without loading
 * them all into memory. Staff who have left and archived themes are
 * included.
 */
static gboolean
foreach_table (KlStore             *self,
               GType                type,
               gint64               only_id,
               KlStoreForeachFunc   func,
               gpointer             data,
               GError             **error)
{
  if (type == KL_TYPE_UNIT || type == KL_TYPE_STAFF)
    return _kl_store_foreach_staff_table (self, type, only_id, func, data, error);
  if (type == KL_TYPE_THEME || type == KL_TYPE_ASSESSMENT || type == KL_TYPE_GOAL)
    return _kl_store_foreach_competence_table (self, type, only_id, func, data, error);
  if (type == KL_TYPE_COURSE || type == KL_TYPE_ENROLMENT)
    return _kl_store_foreach_course_table (self, type, only_id, func, data, error);
  if (type == KL_TYPE_PRINCIPLE || type == KL_TYPE_PRINCIPLE_ASSESSMENT || type == KL_TYPE_ACTION)
    return _kl_store_foreach_principle_table (self, type, only_id, func, data, error);

  g_return_val_if_reached (FALSE);
}

gboolean
kl_store_foreach (KlStore             *self,
                  GType                type,
                  KlStoreForeachFunc   func,
                  gpointer             data,
                  GError             **error)
{
  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  return foreach_table (self, type, 0, func, data, error);
}

static gboolean
keep_record (KlRecord  *record,
             gpointer   data,
             GError   **error)
{
  g_set_object ((KlRecord **)data, record);
  return TRUE;
}

/**
 * kl_store_get_record:
 * @self: a #KlStore
 * @type: a record type, such as %KL_TYPE_GOAL
 * @id: the record's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the record, or %NULL with
 *   %KL_STORE_ERROR_NOT_FOUND
 */
KlRecord *
kl_store_get_record (KlStore  *self,
                     GType     type,
                     gint64    id,
                     GError  **error)
{
  KlRecord *record = NULL;

  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  if (id <= 0)
    {
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND, _("The record was not found"));
      return NULL;
    }
  if (!foreach_table (self, type, id, keep_record, &record, error))
    {
      g_clear_object (&record);
      return NULL;
    }
  if (record == NULL)
    g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND, _("The record was not found"));
  return record;
}

static const char *
table_for_type (GType type)
{
  if (type == KL_TYPE_UNIT) return "unit";
  if (type == KL_TYPE_STAFF) return "staff";
  if (type == KL_TYPE_THEME) return "theme";
  if (type == KL_TYPE_ASSESSMENT) return "assessment";
  if (type == KL_TYPE_GOAL) return "goal";
  if (type == KL_TYPE_COURSE) return "course";
  if (type == KL_TYPE_ENROLMENT) return "enrolment";
  if (type == KL_TYPE_PRINCIPLE) return "principle";
  if (type == KL_TYPE_PRINCIPLE_ASSESSMENT) return "principle_assessment";
  if (type == KL_TYPE_ACTION) return "action";
  return NULL;
}

/**
 * kl_store_has_records:
 * @type: a record type
 *
 * Returns: whether there is any record of @type
 */
gboolean
kl_store_has_records (KlStore *self,
                      GType    type)
{
  const char *table;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);

  table = table_for_type (type);
  g_return_val_if_fail (table != NULL, FALSE);

  return _kl_store_table_has_rows (self, table);
}

/**
 * kl_store_lookup_id:
 * @self: a #KlStore
 * @type: a record type
 * @uuid: a record's uuid (or slug, for built-in rows)
 *
 * Returns: the record's id, or 0 if there is none with @uuid
 */
gint64
kl_store_lookup_id (KlStore    *self,
                    GType       type,
                    const char *uuid)
{
  const char *table;

  g_return_val_if_fail (KL_IS_STORE (self), 0);

  table = table_for_type (type);
  g_return_val_if_fail (table != NULL, 0);

  return _kl_store_id_for_uuid (self, table, uuid);
}

/**
 * _kl_store_list:
 * @sql: a string literal; its parameters ?1, ?2… take @args in order
 * @read: makes a record of a row
 *
 * Runs a query and reads every row into a record.
 *
 * Returns: (transfer full) (nullable): the records, or %NULL with @error set
 */
GPtrArray *
_kl_store_list (KlStore       *self,
                const char    *sql,
                gpointer     (*read) (sqlite3_stmt *stmt),
                const gint64  *args,
                guint          n_args,
                GError       **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = _kl_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < n_args; i++)
    sqlite3_bind_int64 (stmt, i + 1, args[i]);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, read (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _kl_store_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&records);
}
