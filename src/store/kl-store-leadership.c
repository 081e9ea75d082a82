/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kl-store-leadership.h"
#include "kl-store-private.h"

/* A unit with all the units below it; ?N = 0 means every unit. */
#define UNITS_CTE(param) \
  "units (id) AS (" \
  "  SELECT id FROM unit WHERE " param " = 0 OR id = " param \
  "  UNION SELECT u.id FROM unit u JOIN units ON u.parent_id = units.id)"

/* Still employed on @today (?today is bound by each query). */
#define CURRENT_STAFF(s, today) "(" s ".left_on IS NULL OR " s ".left_on > " today ")"

/* Open actions: the ones a leader still has to do something about. */
#define ACTIVE_ACTION(x) x ".status IN ('open', 'in_progress')"

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup (_kl_column_text (stmt, column));
}

typedef gpointer (*ReadRow) (sqlite3_stmt *stmt);

static GPtrArray *
collect (KlStore        *self,
         sqlite3_stmt   *stmt,
         ReadRow         read,
         GDestroyNotify  free_func,
         GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, read (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _kl_store_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

void
kl_principle_status_free (KlPrincipleStatus *status)
{
  if (status == NULL)
    return;
  g_free (status->slug);
  g_free (status->name);
  g_free (status->assessed_on);
  g_free (status);
}

void
kl_principle_unit_status_free (KlPrincipleUnitStatus *status)
{
  if (status == NULL)
    return;
  g_free (status->unit_name);
  g_free (status->assessed_on);
  g_free (status);
}

void
kl_theme_coverage_free (KlThemeCoverage *coverage)
{
  if (coverage == NULL)
    return;
  g_free (coverage->theme_uuid);
  g_free (coverage->name);
  g_free (coverage);
}

void
kl_staff_gap_free (KlStaffGap *gap)
{
  if (gap == NULL)
    return;
  g_free (gap->name);
  g_free (gap->unit_name);
  g_free (gap);
}

void
kl_action_owner_free (KlActionOwner *owner)
{
  if (owner == NULL)
    return;
  g_free (owner->name);
  g_free (owner);
}

/* Principle status */

static gpointer
read_principle_status (sqlite3_stmt *stmt)
{
  KlPrincipleStatus *status = g_new0 (KlPrincipleStatus, 1);

  status->principle_id = sqlite3_column_int64 (stmt, 0);
  status->slug = dup_column (stmt, 1);
  status->name = dup_column (stmt, 2);
  status->position = sqlite3_column_int (stmt, 3);
  status->n_units = sqlite3_column_int (stmt, 4);
  status->maturity = sqlite3_column_int (stmt, 5);
  status->average = sqlite3_column_double (stmt, 6);
  status->previous = sqlite3_column_int (stmt, 7);
  status->n_up = sqlite3_column_int (stmt, 8);
  status->n_down = sqlite3_column_int (stmt, 9);
  status->assessed_on = dup_column (stmt, 10);
  status->open_actions = sqlite3_column_int (stmt, 11);
  status->overdue_actions = sqlite3_column_int (stmt, 12);
  return status;
}

/**
 * kl_store_list_principle_status:
 * @framework: a framework's id, such as "faglig-ledelse"
 * @unit_id: a unit, or 0 for all units
 * @today: YYYY-MM-DD; actions due before it are overdue
 *
 * For each principle of @framework, in order: the unit's latest
 * self-assessment and the one before it (with @unit_id 0: the lowest and
 * the average of every unit's latest, and how many units went up or
 * down), and its open and overdue actions, counted in the unit and its
 * sub-units.
 *
 * Returns: (transfer full) (element-type KlPrincipleStatus): one entry
 *   per principle
 */
GPtrArray *
kl_store_list_principle_status (KlStore     *self,
                                const char  *framework,
                                gint64       unit_id,
                                const char  *today,
                                GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KL_IS_STORE (self), NULL);
  g_return_val_if_fail (framework != NULL, NULL);
  g_return_val_if_fail (today != NULL, NULL);

  /* latest: each unit's newest assessment per principle, with the
   * maturity before it. principle_assessment_unit_idx serves both. */
  stmt = _kl_store_prepare (self,
                            "WITH RECURSIVE " UNITS_CTE ("?2") ", "
                            "latest (principle_id, unit_id, maturity, assessed_on, previous) AS ("
                            "  SELECT pa.principle_id, pa.unit_id, pa.maturity, pa.assessed_on, "
                            "    (SELECT pp.maturity FROM principle_assessment pp "
                            "     WHERE pp.unit_id = pa.unit_id AND pp.principle_id = pa.principle_id "
                            "     AND (pp.assessed_on < pa.assessed_on "
                            "          OR (pp.assessed_on = pa.assessed_on AND pp.id < pa.id)) "
                            "     ORDER BY pp.assessed_on DESC, pp.id DESC LIMIT 1) "
                            "  FROM principle_assessment pa "
                            "  WHERE (?2 = 0 OR pa.unit_id = ?2) "
                            "  AND pa.id = (SELECT pl.id FROM principle_assessment pl "
                            "    WHERE pl.unit_id = pa.unit_id AND pl.principle_id = pa.principle_id "
                            "    ORDER BY pl.assessed_on DESC, pl.id DESC LIMIT 1)) "
                            "SELECT p.id, p.uuid, p.name, p.position, count(l.unit_id), "
                            "coalesce (min(l.maturity), 0), coalesce (avg(l.maturity), 0), "
                            "coalesce (max(l.previous), 0), "
                            "count(CASE WHEN l.maturity > l.previous THEN 1 END), "
                            "count(CASE WHEN l.maturity < l.previous THEN 1 END), "
                            "max(l.assessed_on), "
                            "(SELECT count(*) FROM action x WHERE x.principle_id = p.id "
                            "  AND " ACTIVE_ACTION ("x") " AND x.unit_id IN units), "
                            "(SELECT count(*) FROM action x WHERE x.principle_id = p.id "
                            "  AND " ACTIVE_ACTION ("x") " AND x.unit_id IN units AND x.due_on < ?3) "
                            "FROM principle p JOIN framework f ON f.id = p.framework_id "
                            "LEFT JOIN latest l ON l.principle_id = p.id "
                            "WHERE f.uuid = ?1 "
                            "GROUP BY p.id ORDER BY p.position",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, framework, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  sqlite3_bind_text (stmt, 3, today, -1, SQLITE_TRANSIENT);
  return collect (self, stmt, read_principle_status, (GDestroyNotify)kl_principle_status_free, error);
}

/* Per unit */

static gpointer
read_principle_unit_status (sqlite3_stmt *stmt)
{
  KlPrincipleUnitStatus *status = g_new0 (KlPrincipleUnitStatus, 1);

  status->unit_id = sqlite3_column_int64 (stmt, 0);
  status->unit_name = dup_column (stmt, 1);
  status->parent_id = sqlite3_column_int64 (stmt, 2);
  status->maturity = sqlite3_column_int (stmt, 3);
  status->assessed_on = dup_column (stmt, 4);
  status->previous = sqlite3_column_int (stmt, 5);
  status->open_actions = sqlite3_column_int (stmt, 6);
  status->overdue_actions = sqlite3_column_int (stmt, 7);
  return status;
}

/**
 * kl_store_list_principle_units:
 * @principle_id: a principle
 * @unit_id: a unit, listed with its sub-units; 0 for every unit
 * @today: YYYY-MM-DD; actions due before it are overdue
 *
 * Returns: (transfer full) (element-type KlPrincipleUnitStatus): each
 *   unit's latest self-assessment of the principle and the maturity
 *   before it, and its own open and overdue actions; units by name
 */
GPtrArray *
kl_store_list_principle_units (KlStore     *self,
                               gint64       principle_id,
                               gint64       unit_id,
                               const char  *today,
                               GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KL_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  stmt = _kl_store_prepare (self,
                            "WITH RECURSIVE " UNITS_CTE ("?2") " "
                            "SELECT un.id, un.name, un.parent_id, pa.maturity, pa.assessed_on, "
                            "(SELECT pp.maturity FROM principle_assessment pp "
                            "  WHERE pp.unit_id = un.id AND pp.principle_id = ?1 "
                            "  AND (pp.assessed_on < pa.assessed_on "
                            "       OR (pp.assessed_on = pa.assessed_on AND pp.id < pa.id)) "
                            "  ORDER BY pp.assessed_on DESC, pp.id DESC LIMIT 1), "
                            "(SELECT count(*) FROM action x WHERE x.unit_id = un.id AND x.principle_id = ?1 "
                            "  AND " ACTIVE_ACTION ("x") "), "
                            "(SELECT count(*) FROM action x WHERE x.unit_id = un.id AND x.principle_id = ?1 "
                            "  AND " ACTIVE_ACTION ("x") " AND x.due_on < ?3) "
                            "FROM unit un "
                            "LEFT JOIN principle_assessment pa ON pa.id = (SELECT pl.id "
                            "  FROM principle_assessment pl WHERE pl.unit_id = un.id AND pl.principle_id = ?1 "
                            "  ORDER BY pl.assessed_on DESC, pl.id DESC LIMIT 1) "
                            "WHERE un.id IN units "
                            "ORDER BY un.name COLLATE NOCASE, un.id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, principle_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  sqlite3_bind_text (stmt, 3, today, -1, SQLITE_TRANSIENT);
  return collect (self, stmt, read_principle_unit_status, (GDestroyNotify)kl_principle_unit_status_free, error);
}

/* Competence coverage */

static gpointer
read_theme_coverage (sqlite3_stmt *stmt)
{
  KlThemeCoverage *coverage = g_new0 (KlThemeCoverage, 1);

  coverage->theme_id = sqlite3_column_int64 (stmt, 0);
  coverage->theme_uuid = dup_column (stmt, 1);
  coverage->name = dup_column (stmt, 2);
  coverage->builtin = sqlite3_column_int (stmt, 3);
  coverage->n_assessed = sqlite3_column_int (stmt, 4);
  coverage->n_independent = sqlite3_column_int (stmt, 5);
  coverage->n_below_target = sqlite3_column_int (stmt, 6);
  return coverage;
}

/**
 * kl_store_list_unit_coverage:
 * @unit_id: a unit, with its sub-units; 0 for all
 * @today: YYYY-MM-DD; staff who had left by then do not count
 * @n_staff: (out) (optional): the unit's current staff
 *
 * How well the unit's current staff cover each active competence theme,
 * by their current (latest) levels.
 *
 * Returns: (transfer full) (element-type KlThemeCoverage): one entry per
 *   theme, in the themes' order
 */
GPtrArray *
kl_store_list_unit_coverage (KlStore     *self,
                             gint64       unit_id,
                             const char  *today,
                             int         *n_staff,
                             GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KL_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  if (n_staff != NULL)
    {
      stmt = _kl_store_prepare (self,
                                "WITH RECURSIVE " UNITS_CTE ("?1") " "
                                "SELECT count(*) FROM staff s WHERE s.unit_id IN units "
                                "AND " CURRENT_STAFF ("s", "?2"),
                                error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, unit_id);
      sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        *n_staff = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
    }

  stmt = _kl_store_prepare (self,
                            "WITH RECURSIVE " UNITS_CTE ("?1") ", "
                            "cur (theme_id, level, target) AS ("
                            "  SELECT a.theme_id, a.level, a.target FROM staff s "
                            "  JOIN current_assessment a ON a.staff_id = s.id "
                            "  WHERE s.unit_id IN units AND " CURRENT_STAFF ("s", "?2") ") "
                            "SELECT t.id, t.uuid, t.name, t.builtin, count(c.theme_id), "
                            "count(CASE WHEN c.level >= 3 THEN 1 END), "
                            "count(CASE WHEN c.target IS NOT NULL AND c.level < c.target THEN 1 END) "
                            "FROM theme t LEFT JOIN cur c ON c.theme_id = t.id "
                            "WHERE NOT t.archived "
                            "GROUP BY t.id "
                            "ORDER BY t.builtin DESC, t.position, t.name COLLATE NOCASE",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
  return collect (self, stmt, read_theme_coverage, (GDestroyNotify)kl_theme_coverage_free, error);
}

/* Staff with a gap */

static gpointer
read_staff_gap (sqlite3_stmt *stmt)
{
  KlStaffGap *gap = g_new0 (KlStaffGap, 1);

  gap->staff_id = sqlite3_column_int64 (stmt, 0);
  gap->name = dup_column (stmt, 1);
  gap->unit_name = dup_column (stmt, 2);
  gap->level = sqlite3_column_int (stmt, 3);
  gap->target = sqlite3_column_int (stmt, 4);
  return gap;
}

/**
 * kl_store_list_staff_with_gap:
 * @unit_id: a unit, with its sub-units; 0 for all
 * @theme_id: a competence theme
 * @today: YYYY-MM-DD; staff who had left by then are left out
 * @n_unassessed: (out) (optional): current staff never assessed in the theme
 *
 * Returns: (transfer full) (element-type KlStaffGap): the current staff
 *   whose latest level in the theme is below their target, the largest
 *   gap first
 */
GPtrArray *
kl_store_list_staff_with_gap (KlStore     *self,
                              gint64       unit_id,
                              gint64       theme_id,
                              const char  *today,
                              int         *n_unassessed,
                              GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KL_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  if (n_unassessed != NULL)
    {
      stmt = _kl_store_prepare (self,
                                "WITH RECURSIVE " UNITS_CTE ("?1") " "
                                "SELECT count(*) FROM staff s WHERE s.unit_id IN units "
                                "AND " CURRENT_STAFF ("s", "?3") " "
                                "AND NOT EXISTS (SELECT 1 FROM assessment a "
                                "  WHERE a.staff_id = s.id AND a.theme_id = ?2)",
                                error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, unit_id);
      sqlite3_bind_int64 (stmt, 2, theme_id);
      sqlite3_bind_text (stmt, 3, today, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        *n_unassessed = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
    }

  stmt = _kl_store_prepare (self,
                            "WITH RECURSIVE " UNITS_CTE ("?1") " "
                            "SELECT s.id, s.name, un.name, a.level, a.target "
                            "FROM staff s JOIN unit un ON un.id = s.unit_id "
                            "JOIN current_assessment a ON a.staff_id = s.id AND a.theme_id = ?2 "
                            "WHERE s.unit_id IN units AND " CURRENT_STAFF ("s", "?3") " "
                            "AND a.target IS NOT NULL AND a.level < a.target "
                            "ORDER BY a.target - a.level DESC, s.name COLLATE NOCASE, s.id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_int64 (stmt, 2, theme_id);
  sqlite3_bind_text (stmt, 3, today, -1, SQLITE_TRANSIENT);
  return collect (self, stmt, read_staff_gap, (GDestroyNotify)kl_staff_gap_free, error);
}

/* Owners */

static gpointer
read_action_owner (sqlite3_stmt *stmt)
{
  KlActionOwner *owner = g_new0 (KlActionOwner, 1);

  owner->staff_id = sqlite3_column_int64 (stmt, 0);
  owner->name = dup_column (stmt, 1);
  return owner;
}

/**
 * kl_store_list_action_owners:
 *
 * Returns: (transfer full) (element-type KlActionOwner): the staff who
 *   own at least one leadership action, by name
 */
GPtrArray *
kl_store_list_action_owners (KlStore  *self,
                             GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  stmt = _kl_store_prepare (self,
                            "SELECT s.id, s.name FROM staff s "
                            "WHERE s.id IN (SELECT x.owner_id FROM action x WHERE x.owner_id IS NOT NULL) "
                            "ORDER BY s.name COLLATE NOCASE, s.id",
                            error);
  if (stmt == NULL)
    return NULL;
  return collect (self, stmt, read_action_owner, (GDestroyNotify)kl_action_owner_free, error);
}
