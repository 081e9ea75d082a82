/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "kl-report.h"
#include "kl-store-private.h"

static const char *kind_names[KL_REPORT_N_KINDS] = {
  "enrolments", "staff", "competences", "courses", "coverage", "principles",
};

const char *
kl_report_kind_to_string (KlReportKind kind)
{
  g_return_val_if_fail (kind < KL_REPORT_N_KINDS, NULL);

  return kind_names[kind];
}

gboolean
kl_report_kind_from_string (const char   *text,
                            KlReportKind *kind)
{
  for (guint i = 0; i < KL_REPORT_N_KINDS; i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * kl_report_kind_title:
 *
 * Returns: the report's translated title, also the spreadsheet's sheet name
 */
const char *
kl_report_kind_title (KlReportKind kind)
{
  switch (kind)
    {
    case KL_REPORT_ENROLMENTS:
      return _("Training overview");
    case KL_REPORT_STAFF:
      return _("Staff");
    case KL_REPORT_COMPETENCES:
      return _("Staff competences");
    case KL_REPORT_COURSES:
      return _("Courses");
    case KL_REPORT_COVERAGE:
      return _("Theme coverage");
    case KL_REPORT_PRINCIPLES:
      return _("Principle status");
    case KL_REPORT_N_KINDS:
    default:
      g_return_val_if_reached ("");
    }
}

static const KlReportColumn enrolment_columns[] = {
  { "staff", N_("Staff member"), KL_CELL_TEXT, 24 },
  { "unit", N_("Unit"), KL_CELL_TEXT, 22 },
  { "job_title", N_("Job title"), KL_CELL_TEXT, 22 },
  { "course", N_("Course"), KL_CELL_TEXT, 36 },
  { "provider", N_("Provider"), KL_CELL_TEXT, 22 },
  { "themes", N_("Themes"), KL_CELL_TEXT, 36 },
  { "starts_on", N_("Starts"), KL_CELL_DATE, 11 },
  { "ends_on", N_("Ends"), KL_CELL_DATE, 11 },
  { "hours", N_("Hours"), KL_CELL_NUMBER, 8 },
  { "cost_dkk", N_("Cost (DKK)"), KL_CELL_MONEY, 11 },
  { "status", N_("Status"), KL_CELL_TEXT, 16 },
  { "enrolled_on", N_("Enrolled on"), KL_CELL_DATE, 11 },
  { "completed_on", N_("Completed on"), KL_CELL_DATE, 11 },
};

static const KlReportColumn staff_columns[] = {
  { "name", N_("Name"), KL_CELL_TEXT, 24 },
  { "unit", N_("Unit"), KL_CELL_TEXT, 22 },
  { "job_title", N_("Job title"), KL_CELL_TEXT, 22 },
  { "email", N_("E-mail"), KL_CELL_TEXT, 28 },
  { "started_on", N_("Started"), KL_CELL_DATE, 11 },
  { "left_on", N_("Left"), KL_CELL_DATE, 11 },
  { "weekly_hours", N_("Weekly hours"), KL_CELL_NUMBER, 8 },
  { "courses_completed", N_("Courses completed"), KL_CELL_INTEGER, 10 },
  { "hours_completed", N_("Training hours"), KL_CELL_NUMBER, 10 },
  { "themes_below_target", N_("Themes below target"), KL_CELL_INTEGER, 10 },
};

static const KlReportColumn competence_columns[] = {
  { "staff", N_("Staff member"), KL_CELL_TEXT, 24 },
  { "unit", N_("Unit"), KL_CELL_TEXT, 22 },
  { "job_title", N_("Job title"), KL_CELL_TEXT, 22 },
  { "theme", N_("Theme"), KL_CELL_TEXT, 36 },
  { "level", N_("Level"), KL_CELL_INTEGER, 7 },
  { "level_name", N_("Level name"), KL_CELL_TEXT, 22 },
  { "target", N_("Target"), KL_CELL_INTEGER, 7 },
  { "gap", N_("Gap"), KL_CELL_INTEGER, 6 },
  { "assessed_on", N_("Assessed on"), KL_CELL_DATE, 11 },
};

static const KlReportColumn course_columns[] = {
  { "title", N_("Course"), KL_CELL_TEXT, 36 },
  { "provider", N_("Provider"), KL_CELL_TEXT, 22 },
  { "themes", N_("Themes"), KL_CELL_TEXT, 36 },
  { "starts_on", N_("Starts"), KL_CELL_DATE, 11 },
  { "ends_on", N_("Ends"), KL_CELL_DATE, 11 },
  { "hours", N_("Hours"), KL_CELL_NUMBER, 8 },
  { "cost_dkk", N_("Cost per person (DKK)"), KL_CELL_MONEY, 12 },
  { "capacity", N_("Seats"), KL_CELL_INTEGER, 7 },
  { "enrolled", N_("Enrolled"), KL_CELL_INTEGER, 9 },
  { "waitlisted", N_("Waiting list"), KL_CELL_INTEGER, 9 },
  { "completed", N_("Completed"), KL_CELL_INTEGER, 9 },
  { "status", N_("Status"), KL_CELL_TEXT, 12 },
  { "location", N_("Location"), KL_CELL_TEXT, 16 },
};

static const KlReportColumn coverage_columns[] = {
  { "unit", N_("Unit"), KL_CELL_TEXT, 22 },
  { "theme", N_("Theme"), KL_CELL_TEXT, 36 },
  { "staff_assessed", N_("Staff assessed"), KL_CELL_INTEGER, 10 },
  { "at_target", N_("At or above target"), KL_CELL_INTEGER, 10 },
  { "independent", N_("Level 3 or above"), KL_CELL_INTEGER, 10 },
  { "average_level", N_("Average level"), KL_CELL_NUMBER, 10 },
};

static const KlReportColumn principle_columns[] = {
  { "unit", N_("Unit"), KL_CELL_TEXT, 22 },
  { "principle", N_("Principle"), KL_CELL_TEXT, 40 },
  { "maturity", N_("Maturity"), KL_CELL_INTEGER, 9 },
  { "maturity_name", N_("Maturity name"), KL_CELL_TEXT, 18 },
  { "assessed_on", N_("Assessed on"), KL_CELL_DATE, 11 },
  { "open_actions", N_("Open actions"), KL_CELL_INTEGER, 9 },
  { "overdue_actions", N_("Overdue actions"), KL_CELL_INTEGER, 9 },
};

/**
 * kl_report_columns:
 * @n_columns: (out): the number of columns
 *
 * Returns: the report's columns; titles are msgids, to pass through _()
 */
const KlReportColumn *
kl_report_columns (KlReportKind  kind,
                   guint        *n_columns)
{
#define COLUMNS(array) *n_columns = G_N_ELEMENTS (array); return array
  switch (kind)
    {
    case KL_REPORT_ENROLMENTS: COLUMNS (enrolment_columns);
    case KL_REPORT_STAFF: COLUMNS (staff_columns);
    case KL_REPORT_COMPETENCES: COLUMNS (competence_columns);
    case KL_REPORT_COURSES: COLUMNS (course_columns);
    case KL_REPORT_COVERAGE: COLUMNS (coverage_columns);
    case KL_REPORT_PRINCIPLES: COLUMNS (principle_columns);
    case KL_REPORT_N_KINDS:
    default:
      *n_columns = 0;
      g_return_val_if_reached (NULL);
    }
#undef COLUMNS
}

#define UNITS_CTE \
  "WITH RECURSIVE units (id) AS (" \
  "  SELECT id FROM unit WHERE ?1 = 0 OR id = ?1" \
  "  UNION SELECT u.id FROM unit u JOIN units ON u.parent_id = units.id) "

/* The id of a person's assessment in a theme as it stood on ?3 (the
 * latest, without ?3), from their row in current_assessment: the history
 * is searched only where the current one is dated after ?3. NULL if
 * there was none yet. */
#define ASSESSMENT_AS_OF(ca) \
  "CASE WHEN ?3 IS NULL OR " ca ".assessed_on <= ?3 THEN " ca ".assessment_id " \
  "ELSE (SELECT a2.id FROM assessment a2 WHERE a2.staff_id = " ca ".staff_id " \
  "AND a2.theme_id = " ca ".theme_id AND a2.assessed_on <= ?3 " \
  "ORDER BY a2.assessed_on DESC, a2.id DESC LIMIT 1) END"

#define THEME_IDS(course) \
  "(SELECT group_concat (ct.theme_id, ',') FROM course_theme ct WHERE ct.course_id = " course ")"

static const char *report_sql[KL_REPORT_N_KINDS] = {
  /* enrolments */
  UNITS_CTE
  "SELECT s.name, un.name, s.job_title, c.title, c.provider, " THEME_IDS ("c.id") ", "
  "c.starts_on, c.ends_on, c.hours, c.cost_dkk, e.status, e.enrolled_on, e.completed_on "
  "FROM enrolment e JOIN staff s ON s.id = e.staff_id JOIN unit un ON un.id = s.unit_id "
  "JOIN course c ON c.id = e.course_id "
  "WHERE s.unit_id IN units AND (?2 IS NULL OR c.ends_on >= ?2) AND (?3 IS NULL OR c.starts_on <= ?3) "
  "ORDER BY un.name COLLATE NOCASE, s.name COLLATE NOCASE, c.starts_on, e.id",

  /* staff */
  UNITS_CTE
  "SELECT s.name, un.name, s.job_title, s.email, s.started_on, s.left_on, s.weekly_hours, "
  "(SELECT count(*) FROM enrolment e JOIN course c ON c.id = e.course_id WHERE e.staff_id = s.id "
  "  AND e.status = 'completed' AND (?2 IS NULL OR e.completed_on >= ?2) AND (?3 IS NULL OR e.completed_on <= ?3)), "
  "(SELECT total (c.hours) FROM enrolment e JOIN course c ON c.id = e.course_id WHERE e.staff_id = s.id "
  "  AND e.status = 'completed' AND (?2 IS NULL OR e.completed_on >= ?2) AND (?3 IS NULL OR e.completed_on <= ?3)), "
  "(SELECT count(*) FROM current_assessment ca JOIN assessment a ON a.id = " ASSESSMENT_AS_OF ("ca") " "
  "  WHERE ca.staff_id = s.id AND a.target IS NOT NULL AND a.level < a.target) "
  "FROM staff s JOIN unit un ON un.id = s.unit_id "
  "WHERE s.unit_id IN units AND (?2 IS NULL OR s.left_on IS NULL OR s.left_on >= ?2) "
  "AND (?3 IS NULL OR s.started_on IS NULL OR s.started_on <= ?3) "
  "ORDER BY un.name COLLATE NOCASE, s.name COLLATE NOCASE, s.id",

  /* competences */
  UNITS_CTE
  "SELECT s.name, un.name, s.job_title, a.theme_id, a.level, a.level, a.target, "
  "CASE WHEN a.target > a.level THEN a.target - a.level ELSE 0 END, a.assessed_on "
  "FROM current_assessment ca JOIN assessment a ON a.id = " ASSESSMENT_AS_OF ("ca") " "
  "JOIN staff s ON s.id = ca.staff_id JOIN unit un ON un.id = s.unit_id "
  "JOIN theme t ON t.id = a.theme_id "
  "WHERE s.unit_id IN units AND (?2 IS NULL OR s.left_on IS NULL OR s.left_on >= ?2) "
  "ORDER BY un.name COLLATE NOCASE, s.name COLLATE NOCASE, s.id, t.builtin DESC, t.position, t.name",

  /* courses: participants counted from the chosen units only */
  UNITS_CTE
  "SELECT c.title, c.provider, " THEME_IDS ("c.id") ", c.starts_on, c.ends_on, c.hours, c.cost_dkk, "
  "c.capacity, "
  "(SELECT count(*) FROM enrolment e JOIN staff s ON s.id = e.staff_id WHERE e.course_id = c.id "
  "  AND e.status = 'enrolled' AND s.unit_id IN units), "
  "(SELECT count(*) FROM enrolment e JOIN staff s ON s.id = e.staff_id WHERE e.course_id = c.id "
  "  AND e.status = 'waitlisted' AND s.unit_id IN units), "
  "(SELECT count(*) FROM enrolment e JOIN staff s ON s.id = e.staff_id WHERE e.course_id = c.id "
  "  AND e.status = 'completed' AND s.unit_id IN units), "
  "c.status, c.location "
  "FROM course c "
  "WHERE (?2 IS NULL OR c.ends_on >= ?2) AND (?3 IS NULL OR c.starts_on <= ?3) "
  "AND (?1 = 0 OR EXISTS (SELECT 1 FROM enrolment e JOIN staff s ON s.id = e.staff_id "
  "  WHERE e.course_id = c.id AND s.unit_id IN units)) "
  "ORDER BY c.starts_on, c.title COLLATE NOCASE, c.id",

  /* coverage: each unit on its own, by its current staff's current levels */
  UNITS_CTE
  "SELECT un.name, t.id, count(a.id), "
  "count(CASE WHEN a.id IS NOT NULL AND (a.target IS NULL OR a.level >= a.target) THEN 1 END), "
  "count(CASE WHEN a.level >= 3 THEN 1 END), avg(a.level) "
  "FROM unit un CROSS JOIN theme t "
  "LEFT JOIN staff s ON s.unit_id = un.id AND (s.left_on IS NULL OR s.left_on > coalesce (?3, date ('now'))) "
  "LEFT JOIN current_assessment ca ON ca.staff_id = s.id AND ca.theme_id = t.id "
  "LEFT JOIN assessment a ON a.id = " ASSESSMENT_AS_OF ("ca") " "
  "WHERE un.id IN units AND NOT t.archived "
  "GROUP BY un.id, t.id "
  "ORDER BY un.name COLLATE NOCASE, un.id, t.builtin DESC, t.position, t.name",

  /* principles: the latest self-assessment per unit and principle */
  UNITS_CTE
  "SELECT un.name, p.id, pa.maturity, pa.maturity, pa.assessed_on, "
  "(SELECT count(*) FROM action x WHERE x.unit_id = un.id AND x.principle_id = p.id "
  "  AND x.status IN ('open', 'in_progress')), "
  "(SELECT count(*) FROM action x WHERE x.unit_id = un.id AND x.principle_id = p.id "
  "  AND x.status IN ('open', 'in_progress') AND x.due_on < coalesce (?3, date ('now'))) "
  "FROM unit un CROSS JOIN principle p JOIN framework f ON f.id = p.framework_id AND f.uuid = '" KL_FRAMEWORK_FAGLIG_LEDELSE "' "
  "LEFT JOIN principle_assessment pa ON pa.id = (SELECT pa2.id FROM principle_assessment pa2 "
  "  WHERE pa2.unit_id = un.id AND pa2.principle_id = p.id "
  "  AND (?3 IS NULL OR pa2.assessed_on <= ?3) ORDER BY pa2.assessed_on DESC, pa2.id DESC LIMIT 1) "
  "WHERE un.id IN units "
  "ORDER BY un.name COLLATE NOCASE, un.id, p.position",
};

/* Theme and principle ids → the names a user reads */
static GHashTable *
load_names (KlStore     *self,
            const char  *sql,
            GError     **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  sqlite3_stmt *stmt = _kl_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = _kl_column_text (stmt, 1);
      gboolean builtin = sqlite3_column_int (stmt, 2);

      g_hash_table_insert (names, GINT_TO_POINTER (sqlite3_column_int (stmt, 0)),
                           g_strdup (builtin ? _(name) : name));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _kl_store_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&names);
}

static char *
theme_list (GHashTable *themes,
            const char *ids)
{
  g_auto(GStrv) parts = ids ? g_strsplit (ids, ",", -1) : NULL;
  GString *out = g_string_new (NULL);

  for (guint i = 0; parts != NULL && parts[i] != NULL; i++)
    {
      const char *name = g_hash_table_lookup (themes, GINT_TO_POINTER (atoi (parts[i])));
      if (name != NULL)
        g_string_append_printf (out, "%s%s", out->len ? ", " : "", name);
    }
  return g_string_free (out, FALSE);
}

/**
 * kl_store_report:
 * @self: a #KlStore
 * @kind: which table
 * @filter: (nullable): period and unit
 * @func: called with each row's cells, in kl_report_columns() order
 * @data: data for @func
 * @error: return location for a #GError
 *
 * Produces one of HR's tables straight from indexed SQL, row by row.
 * Names of built-in themes, principles, levels and statuses come in the
 * UI language.
 */
gboolean
kl_store_report (KlStore               *self,
                 KlReportKind           kind,
                 const KlReportFilter  *filter,
                 KlReportRowFunc        func,
                 gpointer               data,
                 GError               **error)
{
  g_autoptr(GHashTable) themes = NULL;
  g_autoptr(GHashTable) principles = NULL;
  const KlReportColumn *columns;
  guint n_columns;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (kind < KL_REPORT_N_KINDS, FALSE);

  columns = kl_report_columns (kind, &n_columns);
  themes = load_names (self, "SELECT id, name, builtin FROM theme", error);
  principles = load_names (self, "SELECT id, name, 1 FROM principle", error);
  if (themes == NULL || principles == NULL)
    return FALSE;

  rc = sqlite3_prepare_v2 (self->db, report_sql[kind], -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return _kl_store_sqlite_error (self, rc, error);

  sqlite3_bind_int64 (stmt, 1, filter ? filter->unit_id : 0);
  _kl_bind_text_or_null (stmt, 2, filter ? filter->from : NULL);
  _kl_bind_text_or_null (stmt, 3, filter ? filter->to : NULL);

  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree KlCell *cells = g_new0 (KlCell, n_columns);
      g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < n_columns; i++)
        {
          KlCell *cell = &cells[i];
          const char *id = columns[i].id;

          cell->type = columns[i].type;
          cell->is_null = sqlite3_column_type (stmt, i) == SQLITE_NULL;
          cell->number = sqlite3_column_double (stmt, i);
          cell->text = _kl_column_text (stmt, i);

          if (g_str_equal (id, "themes"))
            {
              char *names = theme_list (themes, cell->text);
              g_ptr_array_add (owned, names);
              cell->text = names;
              cell->is_null = FALSE;
            }
          else if (g_str_equal (id, "theme") && !cell->is_null)
            cell->text = g_hash_table_lookup (themes, GINT_TO_POINTER (sqlite3_column_int (stmt, i)));
          else if (g_str_equal (id, "principle"))
            cell->text = g_hash_table_lookup (principles, GINT_TO_POINTER (sqlite3_column_int (stmt, i)));
          else if (g_str_equal (id, "level_name") && !cell->is_null)
            cell->text = kl_level_name (sqlite3_column_int (stmt, i));
          else if (g_str_equal (id, "maturity_name") && !cell->is_null)
            cell->text = kl_maturity_name (sqlite3_column_int (stmt, i));
          else if (g_str_equal (id, "status") && kind == KL_REPORT_ENROLMENTS)
            {
              int status = 0;
              kl_enum_from_nick (KL_TYPE_ENROLMENT_STATUS, cell->text, &status);
              cell->text = kl_enrolment_status_name (status);
            }
          else if (g_str_equal (id, "status") && kind == KL_REPORT_COURSES)
            cell->text = g_str_equal (cell->text, "cancelled") ? C_("course status", "Cancelled")
                                                               : C_("course status", "Scheduled");
        }

      ok = func (cells, n_columns, data, error);
    }
  sqlite3_finalize (stmt);

  if (ok && rc != SQLITE_DONE)
    return _kl_store_sqlite_error (self, rc, error);
  return ok;
}

/**
 * kl_store_find_unit:
 * @name: a unit's name; case and surrounding spaces do not matter
 *
 * Returns: the unit's id, 0 if there is none, or -1 if several units
 *   have that name
 */
gint64
kl_store_find_unit (KlStore    *self,
                    const char *name)
{
  g_autoptr(GPtrArray) units = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *wanted = NULL;
  gint64 id = 0;
  int found = 0;

  g_return_val_if_fail (KL_IS_STORE (self), 0);

  units = kl_store_list_units (self, NULL);
  if (units == NULL || name == NULL)
    return 0;

  /* SQLite's NOCASE folds only ASCII; "team øst" must find "Team Øst". */
  trimmed = g_strstrip (g_strdup (name));
  wanted = g_utf8_casefold (trimmed, -1);
  for (guint i = 0; i < units->len; i++)
    {
      KlUnit *unit = g_ptr_array_index (units, i);
      g_autofree char *folded = g_utf8_casefold (kl_unit_get_name (unit), -1);

      if (g_str_equal (folded, wanted))
        {
          id = kl_record_get_id (KL_RECORD (unit));
          found++;
        }
    }

  return found > 1 ? -1 : id;
}
