/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The competence matrix: its boxed type, and the queries that fill it
 * by person or by unit. */
#include "config.h"

#include <math.h>

#include "kl-store-aggregates-private.h"

G_DEFINE_BOXED_TYPE (KlMatrix, kl_matrix, kl_matrix_ref, kl_matrix_unref)

static KlMatrix *
kl_matrix_new (KlMatrixKind kind)
{
  KlMatrix *matrix = g_new0 (KlMatrix, 1);

  g_atomic_ref_count_init (&matrix->ref_count);
  matrix->kind = kind;
  matrix->strings = g_string_chunk_new (4096);
  return matrix;
}

KlMatrix *
kl_matrix_ref (KlMatrix *matrix)
{
  g_return_val_if_fail (matrix != NULL, NULL);

  g_atomic_ref_count_inc (&matrix->ref_count);
  return matrix;
}

void
kl_matrix_unref (KlMatrix *matrix)
{
  g_return_if_fail (matrix != NULL);

  if (!g_atomic_ref_count_dec (&matrix->ref_count))
    return;

  for (guint i = 0; i < matrix->n_themes; i++)
    _kl_theme_status_clear (&matrix->themes[i]);
  g_free (matrix->themes);
  g_free (matrix->rows);
  g_free (matrix->cells);
  g_string_chunk_free (matrix->strings);
  g_free (matrix);
}

/**
 * kl_matrix_get_cell:
 *
 * Returns: (transfer none): the cell of @row in the @theme'th column
 */
KlMatrixCell *
kl_matrix_get_cell (KlMatrix *matrix,
                    guint     row,
                    guint     theme)
{
  g_return_val_if_fail (matrix != NULL, NULL);
  g_return_val_if_fail (row < matrix->n_rows && theme < matrix->n_themes, NULL);

  return &matrix->cells[(gsize)row * matrix->n_themes + theme];
}

/**
 * kl_matrix_find_theme:
 *
 * Returns: the column of @theme_id, or -1
 */
int
kl_matrix_find_theme (KlMatrix *matrix,
                      gint64    theme_id)
{
  g_return_val_if_fail (matrix != NULL, -1);

  for (guint i = 0; i < matrix->n_themes; i++)
    if (matrix->themes[i].theme_id == theme_id)
      return i;
  return -1;
}

static const char *
intern (KlMatrix   *matrix,
        const char *text)
{
  return g_string_chunk_insert_const (matrix->strings, text ? text : "");
}

static void
clear_cells (KlMatrix *matrix)
{
  gsize n = (gsize)matrix->n_rows * matrix->n_themes;

  matrix->cells = g_new0 (KlMatrixCell, MAX (n, 1));
  for (gsize i = 0; i < n; i++)
    matrix->cells[i].level = matrix->cells[i].target = -1;
}

static int
theme_column (KlMatrix   *matrix,
              GHashTable *columns,
              gint64      theme_id)
{
  gpointer value;

  if (!g_hash_table_lookup_extended (columns, &theme_id, NULL, &value))
    return -1;
  return GPOINTER_TO_INT (value);
}

static gboolean
load_staff_matrix (KlStore       *self,
                   KlMatrix      *matrix,
                   Params        *params,
                   GHashTable    *columns,
                   GError       **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (KlMatrixRow));
  g_autoptr(GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _kl_aggregate_prepare (self,
                                SCOPE_CTE
                                "SELECT s.id, s.name, s.job_title, un.name FROM people p "
                                "JOIN staff s ON s.id = p.id JOIN unit un ON un.id = s.unit_id "
                                "ORDER BY s.name COLLATE NOCASE, s.id",
                                params, 0, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KlMatrixRow row = { 0 };

      row.id = sqlite3_column_int64 (stmt, 0);
      row.name = intern (matrix, _kl_column_text (stmt, 1));
      row.job_title = intern (matrix, _kl_column_text (stmt, 2));
      row.unit_name = intern (matrix, _kl_column_text (stmt, 3));
      g_array_append_val (rows, row);
    }
  if (!_kl_aggregate_finish (self, stmt, rc, error))
    return FALSE;

  matrix->n_rows = rows->len;
  matrix->rows = (KlMatrixRow *)(gpointer)g_array_free (g_steal_pointer (&rows), FALSE);
  for (guint i = 0; i < matrix->n_rows; i++)
    g_hash_table_insert (index, &matrix->rows[i].id, GUINT_TO_POINTER (i + 1));
  clear_cells (matrix);

  stmt = _kl_aggregate_prepare (self,
                                SCOPE_CTE CURRENT_CTE
                                "SELECT staff_id, theme_id, level, target FROM cur",
                                params, 0, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 staff_id = sqlite3_column_int64 (stmt, 0);
      guint row = GPOINTER_TO_UINT (g_hash_table_lookup (index, &staff_id));
      int column = theme_column (matrix, columns, sqlite3_column_int64 (stmt, 1));
      KlMatrixCell *cell;

      if (row == 0 || column < 0)
        continue;
      cell = kl_matrix_get_cell (matrix, row - 1, column);
      cell->level = sqlite3_column_int (stmt, 2);
      cell->target = sqlite3_column_type (stmt, 3) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 3);
      cell->n_assessed = 1;
      cell->n_covered = cell->level >= KL_COVERAGE_LEVEL;
      cell->n_below_target = cell->target >= 0 && cell->level < cell->target;
      cell->average = cell->level;
    }
  return _kl_aggregate_finish (self, stmt, rc, error);
}

typedef struct
{
  KlMatrixRow row;
  gint64      parent_id;
} UnitRow;

/* Parents before their sub-units, siblings by name. */
static void
order_units (GArray   *units,
             gint64    parent_id,
             guint     depth,
             gboolean *used,
             GArray   *out)
{
  for (guint i = 0; i < units->len; i++)
    {
      UnitRow *unit = &g_array_index (units, UnitRow, i);

      if (used[i] || unit->parent_id != parent_id)
        continue;
      used[i] = TRUE;
      unit->row.depth = depth;
      g_array_append_val (out, unit->row);
      if (depth < 32)
        order_units (units, unit->row.id, depth + 1, used, out);
    }
}

static gboolean
load_unit_matrix (KlStore       *self,
                  KlMatrix      *matrix,
                  Params        *params,
                  GHashTable    *columns,
                  GError       **error)
{
  g_autoptr(GArray) units = g_array_new (FALSE, TRUE, sizeof (UnitRow));
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (KlMatrixRow));
  g_autoptr(GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) in_scope = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gboolean *used = NULL;
  sqlite3_stmt *stmt;
  int rc;

#define TREE_CTE \
  ", tree (root, id) AS (SELECT id, id FROM units " \
  "  UNION ALL SELECT tree.root, u.id FROM unit u JOIN tree ON u.parent_id = tree.id) "

  stmt = _kl_aggregate_prepare (self,
                                SCOPE_CTE TREE_CTE
                                "SELECT un.id, un.name, coalesce (un.parent_id, 0), "
                                "(SELECT count(*) FROM tree JOIN people p ON p.unit_id = tree.id WHERE tree.root = un.id) "
                                "FROM unit un WHERE un.id IN temp.kl_scope_unit ORDER BY un.name COLLATE NOCASE, un.id",
                                params, 0, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      UnitRow unit = { { 0 }, 0 };

      unit.row.id = sqlite3_column_int64 (stmt, 0);
      unit.row.name = intern (matrix, _kl_column_text (stmt, 1));
      unit.parent_id = sqlite3_column_int64 (stmt, 2);
      unit.row.n_staff = sqlite3_column_int (stmt, 3);
      g_array_append_val (units, unit);
    }
  if (!_kl_aggregate_finish (self, stmt, rc, error))
    return FALSE;

  /* The top of the query: units whose parent is not in it. */
  for (guint i = 0; i < units->len; i++)
    g_hash_table_add (in_scope, &g_array_index (units, UnitRow, i).row.id);
  for (guint i = 0; i < units->len; i++)
    {
      UnitRow *unit = &g_array_index (units, UnitRow, i);

      if (!g_hash_table_contains (in_scope, &unit->parent_id))
        unit->parent_id = 0;
    }
  used = g_new0 (gboolean, units->len + 1);
  order_units (units, 0, 0, used, rows);

  matrix->n_rows = rows->len;
  matrix->rows = (KlMatrixRow *)(gpointer)g_array_free (g_steal_pointer (&rows), FALSE);
  for (guint i = 0; i < matrix->n_rows; i++)
    g_hash_table_insert (index, &matrix->rows[i].id, GUINT_TO_POINTER (i + 1));
  clear_cells (matrix);

  /* Each unit's own staff first, then summed up the tree. */
  stmt = _kl_aggregate_prepare (self,
                                SCOPE_CTE CURRENT_CTE TREE_CTE
                                ", own (unit_id, theme_id, n, covered, below, levels) AS ("
                                "  SELECT p.unit_id, c.theme_id, count(*), "
                                "  count(CASE WHEN c.level >= " COVERAGE_LEVEL " THEN 1 END), "
                                "  count(CASE WHEN c.level < c.target THEN 1 END), total(c.level) "
                                "  FROM cur c JOIN people p ON p.id = c.staff_id GROUP BY p.unit_id, c.theme_id) "
                                "SELECT tree.root, own.theme_id, sum(own.n), sum(own.covered), sum(own.below), "
                                "total(own.levels) / sum(own.n) "
                                "FROM tree JOIN own ON own.unit_id = tree.id "
                                "GROUP BY tree.root, own.theme_id",
                                params, 0, error);
#undef TREE_CTE
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 unit_id = sqlite3_column_int64 (stmt, 0);
      guint row = GPOINTER_TO_UINT (g_hash_table_lookup (index, &unit_id));
      int column = theme_column (matrix, columns, sqlite3_column_int64 (stmt, 1));
      KlMatrixCell *cell;

      if (row == 0 || column < 0)
        continue;
      cell = kl_matrix_get_cell (matrix, row - 1, column);
      cell->n_assessed = sqlite3_column_int (stmt, 2);
      cell->n_covered = sqlite3_column_int (stmt, 3);
      cell->n_below_target = sqlite3_column_int (stmt, 4);
      cell->average = sqlite3_column_double (stmt, 5);
      cell->level = (gint8)CLAMP (floor (cell->average + 0.5), KL_LEVEL_MIN, KL_LEVEL_MAX);
    }
  return _kl_aggregate_finish (self, stmt, rc, error);
}

/**
 * kl_store_load_matrix:
 * @kind: staff or units as rows
 * @query: (nullable): whom and when
 *
 * The competence matrix: for %KL_MATRIX_STAFF each employed staff member
 * of the query, by name, with their current level and target in each
 * theme; for %KL_MATRIX_UNITS each unit of the query (parents before
 * their sub-units) with the average level, the coverage and the people
 * below target of its staff, sub-units included. The columns carry the
 * theme totals of kl_store_aggregate_themes().
 *
 * Returns: (transfer full): the matrix, or %NULL with @error set
 */
KlMatrix *
kl_store_load_matrix (KlStore                 *self,
                      KlMatrixKind             kind,
                      const KlAggregateQuery  *query,
                      GError                 **error)
{
  g_autoptr(KlMatrix) matrix = kl_matrix_new (kind);
  g_autoptr(GHashTable) columns = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) themes = NULL;
  g_auto(Params) params = { 0 };
  gboolean ok;

  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  themes = kl_store_aggregate_themes (self, query, error);
  if (themes == NULL)
    return NULL;
  matrix->n_themes = themes->len;
  g_array_set_clear_func (themes, NULL);
  matrix->themes = (KlThemeStatus *)(gpointer)g_array_free (g_steal_pointer (&themes), FALSE);
  for (guint i = 0; i < matrix->n_themes; i++)
    g_hash_table_insert (columns, &matrix->themes[i].theme_id, GINT_TO_POINTER (i));

  _kl_aggregate_params_init (&params, query);
  if (kind == KL_MATRIX_UNITS)
    ok = load_unit_matrix (self, matrix, &params, columns, error);
  else
    ok = load_staff_matrix (self, matrix, &params, columns, error);

  return ok ? g_steal_pointer (&matrix) : NULL;
}
