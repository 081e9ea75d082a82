/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The SQLite wrappers the kl-store-*.c files share: the statement cache,
 * transactions and bulk mode, and writing and deleting rows. */
#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <time.h>

#include "kl-store-private.h"

/**
 * _kl_store_prepare:
 *
 * Returns a cached, reset statement for @sql, owned by the store.
 */
sqlite3_stmt *
_kl_store_prepare (KlStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _kl_store_sqlite_error (self, rc, error);
      return NULL;
    }

  /* Statements live as long as the store, by the address of @sql: a
   * string literal, or a text from g_intern_string(). */
  g_hash_table_insert (self->statements, (gpointer)sql, stmt);
  return stmt;
}

gboolean
_kl_store_exec (KlStore     *self,
                const char  *sql,
                GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _kl_store_sqlite_error (self, rc, error);
  return TRUE;
}

gboolean
_kl_store_step_done (KlStore       *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _kl_store_sqlite_error (self, rc, error);
  return TRUE;
}

/* Runs a statement without results through the statement cache: the
 * savepoints around every write would otherwise be parsed each time. */
static gboolean
exec_cached (KlStore     *self,
             const char  *sql,
             GError     **error)
{
  sqlite3_stmt *stmt = _kl_store_prepare (self, g_intern_string (sql), error);

  return stmt != NULL && _kl_store_step_done (self, stmt, error);
}

/* Before the commit of a bulk transaction: what it put off, in order. */
static gboolean
finish_bulk (KlStore  *self,
             GError  **error)
{
  g_autoptr(GPtrArray) deferred = g_steal_pointer (&self->deferred);

  self->bulk = FALSE;
  for (guint i = 0; deferred != NULL && i < deferred->len; i++)
    if (!_kl_store_exec (self, g_ptr_array_index (deferred, i), error))
      return FALSE;
  return TRUE;
}

/* Transactions nest: the outermost is a real transaction, inner ones are
 * savepoints, so a store function that is one transaction on its own can
 * also be part of a larger one (an import, the demo data). */
gboolean
_kl_store_begin (KlStore  *self,
                 GError  **error)
{
  g_autofree char *sql = NULL;

  /* Inside a bulk transaction a failed write fails it all: the caller
   * rolls back the whole of it, so single writes need no savepoint. */
  if (self->bulk && self->depth >= self->bulk_depth)
    {
      self->depth++;
      return TRUE;
    }

  if (self->depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT kl%u", self->depth);

  if (!exec_cached (self, sql, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

gboolean
_kl_store_commit (KlStore  *self,
                  GError  **error)
{
  g_autofree char *sql = NULL;

  g_assert (self->depth > 0);

  if (self->bulk && self->depth > self->bulk_depth)
    {
      self->depth--;
      return TRUE;
    }

  if (self->depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE kl%u", self->depth - 1);

  if ((self->bulk && self->depth == self->bulk_depth && !finish_bulk (self, error)) ||
      !exec_cached (self, sql, error))
    {
      _kl_store_rollback (self);
      return FALSE;
    }
  self->depth--;

  if (self->depth == 0)
    {
      g_autoptr(GPtrArray) tables = g_steal_pointer (&self->pending);

      for (guint i = 0; tables != NULL && i < tables->len; i++)
        _kl_store_emit_changed (self, g_ptr_array_index (tables, i));
    }
  return TRUE;
}

void
_kl_store_rollback (KlStore *self)
{
  g_autofree char *sql = NULL;

  if (self->depth == 0)
    return;

  /* No savepoint to go back to: kl_store_begin_bulk_transaction()'s
   * caller rolls back the whole of it. */
  if (self->bulk && self->depth > self->bulk_depth)
    {
      self->depth--;
      return;
    }

  /* The schema comes back with the rest. */
  if (self->bulk && self->depth == self->bulk_depth)
    {
      g_clear_pointer (&self->deferred, g_ptr_array_unref);
      self->bulk = FALSE;
    }

  if (self->depth == 1)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_clear_pointer (&self->pending, g_ptr_array_unref);
    }
  else
    {
      sql = g_strdup_printf ("ROLLBACK TO kl%u; RELEASE kl%u", self->depth - 1, self->depth - 1);
      sqlite3_exec (self->db, sql, NULL, NULL, NULL);
    }
  self->depth--;
}

/**
 * kl_store_begin_transaction:
 *
 * Starts a transaction around several writes, such as an import: either
 * all of them reach the database or none. Change notifications wait for
 * the commit. Transactions nest.
 */
gboolean
kl_store_begin_transaction (KlStore  *self,
                            GError  **error)
{
  g_return_val_if_fail (KL_IS_STORE (self), FALSE);

  return _kl_store_begin (self, error);
}

/* Whether @table, one of the schema's, has a row; when it cannot tell, as
 * if it had. */
gboolean
_kl_store_table_has_rows (KlStore    *self,
                          const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM \"%s\" LIMIT 1", table);
  sqlite3_stmt *stmt;
  gboolean any;

  /* Interned for the statement cache; see _kl_store_id_for_uuid(). */
  stmt = _kl_store_prepare (self, g_intern_string (sql), NULL);
  if (stmt == NULL)
    return TRUE;
  any = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return any;
}

/* Puts off the indexes and triggers of the tables that are empty now:
 * dropped here, made again by finish_bulk() from the same SQL, so an index
 * is built once from sorted rows instead of row by row. A rollback brings
 * them back as they were. */
static gboolean
defer_indexes (KlStore  *self,
               GError  **error)
{
  g_autoptr(GPtrArray) drop = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) create_indexes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) create_triggers = g_ptr_array_new_with_free_func (g_free);
  gboolean current_assessment = FALSE;
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT m.type, m.name, m.tbl_name, m.sql FROM sqlite_master m "
                           "WHERE m.type IN ('index', 'trigger') AND m.sql IS NOT NULL "
                           "AND m.tbl_name IN (SELECT name FROM sqlite_master WHERE type = 'table') "
                           "ORDER BY m.type, m.name",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return _kl_store_sqlite_error (self, rc, error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *type = (const char *)sqlite3_column_text (stmt, 0);
      const char *name = (const char *)sqlite3_column_text (stmt, 1);
      const char *table = (const char *)sqlite3_column_text (stmt, 2);

      if (_kl_store_table_has_rows (self, table))
        continue;

      g_ptr_array_add (drop, g_strdup_printf ("DROP %s \"%s\"", type, name));
      g_ptr_array_add (g_str_equal (type, "index") ? create_indexes : create_triggers,
                       g_strdup ((const char *)sqlite3_column_text (stmt, 3)));
      /* Its triggers keep current_assessment; put off, it is filled once. */
      if (g_str_equal (type, "trigger") && g_str_equal (table, "assessment"))
        current_assessment = TRUE;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _kl_store_sqlite_error (self, rc, error);

  for (guint i = 0; i < drop->len; i++)
    if (!_kl_store_exec (self, g_ptr_array_index (drop, i), error))
      return FALSE;

  /* The indexes first, over all rows; then the derived rows, which are
   * worked out through them; then the triggers, which from then on keep
   * it all up to date. */
  self->deferred = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_extend_and_steal (self->deferred, g_steal_pointer (&create_indexes));
  if (current_assessment)
    g_ptr_array_add (self->deferred, g_strdup (_kl_store_fill_current_assessment));
  g_ptr_array_extend_and_steal (self->deferred, g_steal_pointer (&create_triggers));
  return TRUE;
}

/**
 * kl_store_begin_bulk_transaction:
 *
 * Starts a transaction for writing many records at once, such as an
 * import, as kl_store_begin_transaction() does, and besides:
 *
 * - references are not looked up before each write: the caller has
 *   resolved every one (SQLite's foreign keys still refuse a broken one);
 * - the indexes and triggers of the tables that are empty now are made
 *   again just before the commit instead of kept up row by row;
 * - writes inside it take no savepoints of their own: when one fails,
 *   what it wrote before failing stays until the caller rolls back the
 *   bulk transaction, which it must then do.
 *
 * Inside another transaction it is a savepoint, as with
 * kl_store_begin_transaction(); it cannot hold another bulk transaction.
 * End it with kl_store_commit_transaction() or
 * kl_store_rollback_transaction().
 */
gboolean
kl_store_begin_bulk_transaction (KlStore  *self,
                                 GError  **error)
{
  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->bulk, FALSE);

  if (!_kl_store_begin (self, error))
    return FALSE;
  if (!defer_indexes (self, error))
    {
      _kl_store_rollback (self);
      return FALSE;
    }
  self->bulk = TRUE;
  self->bulk_depth = self->depth;
  return TRUE;
}

gboolean
kl_store_commit_transaction (KlStore  *self,
                             GError  **error)
{
  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  return _kl_store_commit (self, error);
}

void
kl_store_rollback_transaction (KlStore *self)
{
  g_return_if_fail (KL_IS_STORE (self));

  _kl_store_rollback (self);
}

/* UTC as YYYY-MM-DDTHH:MM:SSZ, written with every record: made once a
 * second per connection, without GDateTime's general formatting. Valid
 * until the next call. */
const char *
_kl_store_now (KlStore *self)
{
  gint64 seconds = g_get_real_time () / G_USEC_PER_SEC;
  time_t t = (time_t)seconds;
  struct tm tm;

  if (seconds == self->now_seconds && self->now_text[0] != '\0')
    return self->now_text;

  self->now_seconds = seconds;
  if (gmtime_r (&t, &tm) == NULL)
    g_strlcpy (self->now_text, "1970-01-01T00:00:00Z", sizeof self->now_text);
  else
    g_snprintf (self->now_text, sizeof self->now_text, "%04d-%02d-%02dT%02d:%02d:%02dZ",
                tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return self->now_text;
}

char *
_kl_store_new_uuid (void)
{
  return g_uuid_string_random ();
}

/* Runs a query with one integer argument and returns the first column
 * of the first row, or 0 when there is no row. */
gint64
_kl_store_query_int64 (KlStore     *self,
                       const char  *sql,
                       gint64       arg,
                       GError     **error)
{
  sqlite3_stmt *stmt = _kl_store_prepare (self, sql, error);
  gint64 value = 0;
  int rc;

  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, arg);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      _kl_store_sqlite_error (self, rc, error);
      value = -1;
    }
  sqlite3_reset (stmt);

  return value;
}

gint64
_kl_store_id_for_uuid (KlStore    *self,
                       const char *table,
                       const char *uuid)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;

  if (uuid == NULL)
    return 0;

  /* @table is one of ours, never user input, so the interned text is a
   * small fixed set and the statement stays in the store's cache. */
  sql = g_strdup_printf ("SELECT id FROM %s WHERE uuid = ?1", table);
  stmt = _kl_store_prepare (self, g_intern_string (sql), NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id;
}

void
_kl_bind_text_or_null (sqlite3_stmt *stmt,
                       int           index,
                       const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
_kl_bind_id_or_null (sqlite3_stmt *stmt,
                     int           index,
                     gint64        id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

const char *
_kl_column_text (sqlite3_stmt *stmt,
                 int           column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

void
_kl_store_read_record_base (KlRecord     *record,
                            sqlite3_stmt *stmt,
                            int           first)
{
  kl_record_set_id (record, sqlite3_column_int64 (stmt, first));
  kl_record_set_uuid (record, _kl_column_text (stmt, first + 1));
  kl_record_set_created_at (record, _kl_column_text (stmt, first + 2));
  kl_record_set_updated_at (record, _kl_column_text (stmt, first + 3));
}

/**
 * _kl_store_insert_or_update:
 *
 * Writes @record: inserted when it has no id yet (a uuid is made unless
 * it has one), updated otherwise. @bind fills the entity's own fields as
 * ?1, ?2…; the statements use :id, :uuid and :now for the rest.
 */
gboolean
_kl_store_insert_or_update (KlStore     *self,
                            KlRecord    *record,
                            const char  *insert_sql,
                            const char  *update_sql,
                            void       (*bind) (sqlite3_stmt *stmt, gpointer record),
                            const char  *table,
                            GError     **error)
{
  const char *now = _kl_store_now (self);
  gboolean insert = kl_record_get_id (record) == 0;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _kl_store_prepare (self, insert ? insert_sql : update_sql, error);
  if (stmt == NULL)
    return FALSE;

  bind (stmt, record);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":now"), now, -1, SQLITE_STATIC);
  if (insert)
    {
      g_autofree char *uuid = kl_record_get_uuid (record) ? NULL : _kl_store_new_uuid ();

      if (uuid != NULL)
        kl_record_set_uuid (record, uuid);
      sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":uuid"),
                         kl_record_get_uuid (record), -1, SQLITE_TRANSIENT);
    }
  else
    {
      sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":id"),
                          kl_record_get_id (record));
    }

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return _kl_store_sqlite_error (self, rc, error);

  if (insert)
    {
      kl_record_set_id (record, sqlite3_last_insert_rowid (self->db));
      kl_record_set_created_at (record, now);
    }
  else if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND,
                   _("The record was not found; it may have been deleted"));
      return FALSE;
    }
  kl_record_set_updated_at (record, now);

  return TRUE;
}

/**
 * _kl_store_delete_row:
 *
 * Deletes one row of @table (one of ours) and announces the change;
 * %KL_STORE_ERROR_NOT_FOUND if there is no such row.
 */
gboolean
_kl_store_delete_row (KlStore     *self,
                      const char  *table,
                      gint64       id,
                      GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", table);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _kl_store_sqlite_error (self, rc, error);

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND,
                   _("The record was not found; it may have been deleted already"));
      return FALSE;
    }

  _kl_store_emit_changed (self, table);
  return TRUE;
}
