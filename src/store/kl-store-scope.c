/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The staff in scope of a figure or of the matrix, kept in temporary
 * tables, and the parameters every statement of theirs is bound with. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "kl-store-aggregates-private.h"

void
_kl_aggregate_params_init (Params                 *params,
                           const KlAggregateQuery *query)
{
  int year = query ? query->year : 0;

  params->unit_id = query ? query->unit_id : 0;
  params->job_title = query ? query->job_title : NULL;
  params->today = query && query->today ? g_strdup (query->today) : kl_aggregate_today ();
  if (year <= 0)
    year = atoi (params->today);
  g_snprintf (params->from, sizeof params->from, "%04d-01-01", CLAMP (year, 1, 9999));
  g_snprintf (params->to, sizeof params->to, "%04d-12-31", CLAMP (year, 1, 9999));
}

void
_kl_aggregate_params_clear (Params *params)
{
  g_clear_pointer (&params->today, g_free);
}

static void bind_params (sqlite3_stmt *stmt,
                         const Params *params,
                         gint64        extra);

/* Fills the scope tables for @params: ?1 the unit, ?2 the day, ?3 the job
 * title, as in the queries. */
static gboolean
fill_scope (KlStore       *self,
            Params        *params,
            GError       **error)
{
  static const char *const steps[] = {
    "DELETE FROM temp.kl_scope_unit",
    "DELETE FROM temp.kl_scope_member",
    "DELETE FROM temp.kl_scope_person",
    "WITH RECURSIVE units (id) AS ("
    "  SELECT id FROM unit WHERE ?1 = 0 OR id = ?1"
    "  UNION SELECT u.id FROM unit u JOIN units ON u.parent_id = units.id) "
    "INSERT INTO temp.kl_scope_unit SELECT id FROM units",
    "INSERT INTO temp.kl_scope_member SELECT s.id FROM staff s "
    "WHERE s.unit_id IN temp.kl_scope_unit AND (?3 IS NULL OR s.job_title = ?3)",
    "INSERT INTO temp.kl_scope_person SELECT s.id, s.unit_id FROM temp.kl_scope_member m "
    "JOIN staff s ON s.id = m.id "
    "WHERE (s.left_on IS NULL OR s.left_on > ?2) AND (s.started_on IS NULL OR s.started_on <= ?2)",
  };

  /* Temporary tables belong to the connection: made on its first use. */
  if (!_kl_store_exec (self,
                       "CREATE TEMP TABLE IF NOT EXISTS kl_scope_unit (id INTEGER PRIMARY KEY);"
                       "CREATE TEMP TABLE IF NOT EXISTS kl_scope_member (id INTEGER PRIMARY KEY);"
                       "CREATE TEMP TABLE IF NOT EXISTS kl_scope_person "
                       "  (id INTEGER PRIMARY KEY, unit_id INTEGER NOT NULL);",
                       error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      sqlite3_stmt *stmt = _kl_store_prepare (self, steps[i], error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      bind_params (stmt, params, 0);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return _kl_store_sqlite_error (self, rc, error);
    }
  /* The last step wrote one row per person in scope. */
  params->n_people = sqlite3_changes64 (self->db);
  params->scoped = TRUE;
  return TRUE;
}

/* The scope tables filled for @params, once. */
gboolean
_kl_aggregate_use_scope (KlStore  *self,
                         Params   *params,
                         GError  **error)
{
  return params->scoped || fill_scope (self, params, error);
}

static void
bind_params (sqlite3_stmt *stmt,
             const Params *params,
             gint64        extra)
{
  int n = sqlite3_bind_parameter_count (stmt);

  if (n >= 1)
    sqlite3_bind_int64 (stmt, 1, params->unit_id);
  if (n >= 2)
    sqlite3_bind_text (stmt, 2, params->today, -1, SQLITE_TRANSIENT);
  if (n >= 3)
    _kl_bind_text_or_null (stmt, 3, params->job_title);
  if (n >= 5)
    {
      sqlite3_bind_text (stmt, 4, params->from, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, params->to, -1, SQLITE_TRANSIENT);
    }
  if (n >= 6)
    sqlite3_bind_int64 (stmt, 6, extra);
}

/* A statement with its parameters bound; one that reads the scope tables
 * finds them filled for @params. */
sqlite3_stmt *
_kl_aggregate_prepare (KlStore       *self,
                       const char    *sql,
                       Params        *params,
                       gint64         extra,
                       GError       **error)
{
  sqlite3_stmt *stmt;

  if (strstr (sql, "temp.kl_scope_") != NULL && !_kl_aggregate_use_scope (self, params, error))
    return NULL;
  stmt = _kl_store_prepare (self, sql, error);
  if (stmt != NULL)
    bind_params (stmt, params, extra);
  return stmt;
}

gboolean
_kl_aggregate_finish (KlStore       *self,
                      sqlite3_stmt  *stmt,
                      int            rc,
                      GError       **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _kl_store_sqlite_error (self, rc, error);
  return TRUE;
}
