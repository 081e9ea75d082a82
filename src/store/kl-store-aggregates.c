/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The figures of the Overview, each one SQL query over the chosen staff,
 * and the Overview's loader that reads them all at once. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "kl-store-aggregates-private.h"

/* Built-in names are English msgids, shown in the UI language. */
static char *
column_name (sqlite3_stmt *stmt,
             int           name_column,
             int           builtin_column)
{
  const char *name = _kl_column_text (stmt, name_column);

  if (name == NULL)
    return NULL;
  return g_strdup (builtin_column < 0 || sqlite3_column_int (stmt, builtin_column) ? _(name) : name);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup (_kl_column_text (stmt, column));
}

/**
 * kl_aggregate_today:
 *
 * Returns: (transfer full): today's local date as YYYY-MM-DD
 */
char *
kl_aggregate_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static gint64
aggregate_staff_count (KlStore  *self,
                       Params   *params,
                       GError  **error)
{
  return _kl_aggregate_use_scope (self, params, error) ? params->n_people : -1;
}

/**
 * kl_store_aggregate_staff_count:
 * @query: (nullable): whom and when
 *
 * Returns: how many staff are employed in the query's units on its day,
 *   with its job title; -1 on error
 */
gint64
kl_store_aggregate_staff_count (KlStore                 *self,
                                const KlAggregateQuery  *query,
                                GError                 **error)
{
  g_auto(Params) params = { 0 };

  g_return_val_if_fail (KL_IS_STORE (self), -1);

  _kl_aggregate_params_init (&params, query);
  return aggregate_staff_count (self, &params, error);
}

void
_kl_theme_status_clear (gpointer data)
{
  KlThemeStatus *status = data;

  g_clear_pointer (&status->name, g_free);
}

/* Adds one person's current assessment in a theme to its figures. */
static void
count_assessment (KlThemeStatus *status,
                  int            level,
                  int            target,
                  double        *level_sum)
{
  if (level < 0 || level >= (int)G_N_ELEMENTS (status->levels))
    return;
  status->n_assessed++;
  status->levels[level]++;
  *level_sum += level;
  if (level >= KL_COVERAGE_LEVEL)
    status->n_covered++;
  if (target < 0)
    return;
  status->n_with_target++;
  if (level >= target)
    status->n_at_target++;
  else
    {
      status->n_below_target++;
      status->gap += (guint)(target - level);
    }
}

static GArray *
aggregate_themes (KlStore  *self,
                  Params   *params,
                  GError  **error)
{
  g_autoptr(GArray) list = g_array_new (FALSE, TRUE, sizeof (KlThemeStatus));
  g_autoptr(GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree double *level_sums = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (list, _kl_theme_status_clear);
  if (!_kl_aggregate_use_scope (self, params, error))
    return NULL;
  stmt = _kl_aggregate_prepare (self,
                                "SELECT t.id, t.name, t.builtin FROM theme t "
                                "WHERE NOT t.archived ORDER BY " THEME_ORDER,
                                params, 0, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KlThemeStatus status = { 0 };

      status.theme_id = sqlite3_column_int64 (stmt, 0);
      status.name = column_name (stmt, 1, 2);
      status.n_staff = params->n_people;
      g_array_append_val (list, status);
    }
  if (!_kl_aggregate_finish (self, stmt, rc, error))
    return NULL;
  if (list->len == 0)
    return g_steal_pointer (&list);

  /* Counted here rather than with a GROUP BY: sorting ~50,000 rows by
   * theme costs SQLite more than reading them. */
  for (guint i = 0; i < list->len; i++)
    g_hash_table_insert (index, &g_array_index (list, KlThemeStatus, i).theme_id, GUINT_TO_POINTER (i + 1));
  level_sums = g_new0 (double, list->len);
  stmt = _kl_aggregate_prepare (self, SCOPE_CTE CURRENT_ROWS, params, 0, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 theme_id = sqlite3_column_int64 (stmt, 1);
      guint i = GPOINTER_TO_UINT (g_hash_table_lookup (index, &theme_id));

      if (i == 0)
        continue;  /* an archived theme */
      count_assessment (&g_array_index (list, KlThemeStatus, i - 1), sqlite3_column_int (stmt, 2),
                        sqlite3_column_type (stmt, 3) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 3),
                        &level_sums[i - 1]);
    }
  if (!_kl_aggregate_finish (self, stmt, rc, error))
    return NULL;

  for (guint i = 0; i < list->len; i++)
    {
      KlThemeStatus *status = &g_array_index (list, KlThemeStatus, i);

      if (status->n_assessed > 0)
        status->average_level = level_sums[i] / status->n_assessed;
    }
  return g_steal_pointer (&list);
}

/**
 * kl_store_aggregate_themes:
 * @query: (nullable): whom and when
 *
 * Where the staff stand in each theme that is not archived, in the
 * themes' order: how many are assessed, at or below their target, how
 * many levels they are short, how many are at each level. Only a
 * current assessment with a target counts towards "at target"; people
 * without a target have no gap.
 *
 * Returns: (transfer full) (element-type KlThemeStatus): one per theme
 */
GArray *
kl_store_aggregate_themes (KlStore                 *self,
                           const KlAggregateQuery  *query,
                           GError                 **error)
{
  g_auto(Params) params = { 0 };

  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  _kl_aggregate_params_init (&params, query);
  return aggregate_themes (self, &params, error);
}

static int
compare_gaps (gconstpointer a,
              gconstpointer b)
{
  const KlThemeStatus *x = a, *y = b;

  if (x->gap != y->gap)
    return x->gap > y->gap ? -1 : 1;
  if (x->n_below_target != y->n_below_target)
    return x->n_below_target > y->n_below_target ? -1 : 1;
  return 0;
}

/* The themes with a gap out of kl_store_aggregate_themes()' list, which
 * is in the themes' order: a stable sort keeps that order among equals. */
static GArray *
gaps_from_themes (GArray *themes,
                  guint   limit)
{
  g_autoptr(GArray) gaps = g_array_new (FALSE, TRUE, sizeof (KlThemeStatus));
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (KlThemeStatus));

  g_array_set_clear_func (gaps, _kl_theme_status_clear);
  for (guint i = 0; i < themes->len; i++)
    if (g_array_index (themes, KlThemeStatus, i).n_below_target > 0)
      g_array_append_val (order, g_array_index (themes, KlThemeStatus, i));
  /* A stable sort since GLib 2.32. */
  g_array_sort (order, compare_gaps);

  for (guint i = 0; i < order->len && i < limit; i++)
    {
      KlThemeStatus copy = g_array_index (order, KlThemeStatus, i);

      copy.name = g_strdup (copy.name);
      g_array_append_val (gaps, copy);
    }
  return g_steal_pointer (&gaps);
}

/**
 * kl_store_aggregate_gaps:
 * @query: (nullable): whom and when
 * @limit: how many themes at most
 *
 * The themes with the largest gaps: the most levels short of the
 * targets, then the most people below target.
 *
 * Returns: (transfer full) (element-type KlThemeStatus): themes with a
 *   gap, largest first
 */
GArray *
kl_store_aggregate_gaps (KlStore                 *self,
                         const KlAggregateQuery  *query,
                         guint                    limit,
                         GError                 **error)
{
  g_autoptr(GArray) themes = NULL;

  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  themes = kl_store_aggregate_themes (self, query, error);
  if (themes == NULL)
    return NULL;
  return gaps_from_themes (themes, limit);
}

static void
upcoming_clear (gpointer data)
{
  KlUpcomingCourse *course = data;

  g_clear_pointer (&course->title, g_free);
  g_clear_pointer (&course->starts_on, g_free);
  g_clear_pointer (&course->ends_on, g_free);
}

static GArray *
aggregate_upcoming_courses (KlStore  *self,
                            Params   *params,
                            guint     days,
                            GError  **error)
{
  g_autoptr(GArray) list = g_array_new (FALSE, TRUE, sizeof (KlUpcomingCourse));
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (list, upcoming_clear);
  stmt = _kl_aggregate_prepare (self,
                                /* Seats are counted only for the courses in the window,
                                 * through enrolment_course_status_idx. */
                                SCOPE_CTE ", "
                                "soon (id, title, starts_on, ends_on, hours, cost_dkk, capacity, taken) AS ("
                                "  SELECT c.id, c.title, c.starts_on, c.ends_on, c.hours, c.cost_dkk, c.capacity, "
                                "  (SELECT count(*) FROM enrolment e WHERE e.course_id = c.id "
                                "    AND e.status IN ('enrolled', 'completed')) "
                                "  FROM course c WHERE c.starts_on BETWEEN ?2 AND date (?2, '+' || ?6 || ' days') "
                                "  AND c.status = 'scheduled') "
                                "SELECT c.id, c.title, c.starts_on, c.ends_on, c.hours, c.cost_dkk, c.capacity, c.taken, "
                                "(SELECT count(*) FROM enrolment e WHERE e.course_id = c.id "
                                "  AND e.status IN ('planned', 'enrolled', 'waitlisted') "
                                "  AND +e.staff_id IN (SELECT id FROM temp.kl_scope_person)) "
                                "FROM soon c WHERE c.capacity IS NULL OR c.capacity > c.taken "
                                "ORDER BY c.starts_on, c.title COLLATE NOCASE, c.id",
                                params, days, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KlUpcomingCourse course = { 0 };

      course.course_id = sqlite3_column_int64 (stmt, 0);
      course.title = column_dup (stmt, 1);
      course.starts_on = column_dup (stmt, 2);
      course.ends_on = column_dup (stmt, 3);
      course.hours = sqlite3_column_double (stmt, 4);
      course.cost_dkk = sqlite3_column_double (stmt, 5);
      course.capacity = sqlite3_column_type (stmt, 6) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 6);
      course.seats_taken = sqlite3_column_int (stmt, 7);
      course.free_seats = course.capacity < 0 ? -1 : MAX (0, course.capacity - (int)course.seats_taken);
      course.n_signed_up = sqlite3_column_int (stmt, 8);
      g_array_append_val (list, course);
    }
  if (!_kl_aggregate_finish (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

/**
 * kl_store_aggregate_upcoming_courses:
 * @query: (nullable): whose sign-ups to count, and from which day
 * @days: how far ahead to look
 *
 * Scheduled courses that start within @days of the query's day and
 * still have free seats (enrolled and completed participants hold a
 * seat), soonest first.
 *
 * Returns: (transfer full) (element-type KlUpcomingCourse): the courses
 */
GArray *
kl_store_aggregate_upcoming_courses (KlStore                 *self,
                                     const KlAggregateQuery  *query,
                                     guint                    days,
                                     GError                 **error)
{
  g_auto(Params) params = { 0 };

  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  _kl_aggregate_params_init (&params, query);
  return aggregate_upcoming_courses (self, &params, days, error);
}

static void
training_sum_clear (gpointer data)
{
  KlTrainingSum *sum = data;

  g_clear_pointer (&sum->name, g_free);
}

/* One theme's training while it is being added up. */
typedef struct
{
  KlTrainingSum  sum;
  GHashTable    *people;     /* staff ids seen, for n_people */
  char          *sort_name;  /* as stored: the list is ordered by it */
  gboolean       builtin;
  int            position;
} ThemeTraining;

static void
theme_training_clear (gpointer data)
{
  ThemeTraining *t = data;

  g_clear_pointer (&t->sum.name, g_free);
  g_clear_pointer (&t->people, g_hash_table_unref);
  g_clear_pointer (&t->sort_name, g_free);
}

static void
theme_training_free (gpointer data)
{
  theme_training_clear (data);
  g_free (data);
}

static void
add_training (ThemeTraining *t,
              gint64         staff_id,
              double         hours,
              double         cost)
{
  t->sum.n_completed++;
  t->sum.hours += hours;
  t->sum.cost_dkk += cost;
  if (t->people == NULL)
    t->people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  if (!g_hash_table_contains (t->people, &staff_id))
    g_hash_table_add (t->people, g_memdup2 (&staff_id, sizeof staff_id));
}

/* Most hours first, then the themes' own order; courses without a theme
 * last. */
static int
compare_theme_training (gconstpointer a,
                        gconstpointer b)
{
  const ThemeTraining *x = *(ThemeTraining *const *)a;
  const ThemeTraining *y = *(ThemeTraining *const *)b;
  int c;

  if ((x->sum.theme_id == 0) != (y->sum.theme_id == 0))
    return x->sum.theme_id == 0 ? 1 : -1;
  if (x->sum.hours != y->sum.hours)
    return x->sum.hours > y->sum.hours ? -1 : 1;
  if (x->builtin != y->builtin)
    return x->builtin ? -1 : 1;
  if (x->position != y->position)
    return x->position < y->position ? -1 : 1;
  /* SQLite's NOCASE, as the themes are ordered elsewhere. */
  if ((c = g_ascii_strcasecmp (x->sort_name ? x->sort_name : "", y->sort_name ? y->sort_name : "")) != 0)
    return c;
  return x->sum.theme_id < y->sum.theme_id ? -1 : x->sum.theme_id > y->sum.theme_id;
}

/* The themes of every course, as course id → GArray of theme ids. */
static GHashTable *
load_course_themes (KlStore  *self,
                    GError  **error)
{
  g_autoptr(GHashTable) themes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        (GDestroyNotify)g_array_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _kl_store_prepare (self, "SELECT course_id, theme_id FROM course_theme ORDER BY course_id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 course_id = sqlite3_column_int64 (stmt, 0);
      gint64 theme_id = sqlite3_column_int64 (stmt, 1);
      GArray *list = g_hash_table_lookup (themes, &course_id);

      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_hash_table_insert (themes, g_memdup2 (&course_id, sizeof course_id), list);
        }
      g_array_append_val (list, theme_id);
    }
  if (!_kl_aggregate_finish (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&themes);
}

/* The training per theme, in the list's order, from the themes seen. */
static gboolean
list_training (KlStore     *self,
               GHashTable  *by_theme,
               GArray      *list,
               GError     **error)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _kl_store_prepare (self, "SELECT id, name, builtin, position FROM theme", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 theme_id = sqlite3_column_int64 (stmt, 0);
      ThemeTraining *t = g_hash_table_lookup (by_theme, &theme_id);

      if (t == NULL)
        continue;
      t->sum.name = column_name (stmt, 1, 2);
      t->sort_name = column_dup (stmt, 1);
      t->builtin = sqlite3_column_int (stmt, 2) != 0;
      t->position = sqlite3_column_int (stmt, 3);
    }
  if (!_kl_aggregate_finish (self, stmt, rc, error))
    return FALSE;

  g_hash_table_iter_init (&iter, by_theme);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (order, value);
  g_ptr_array_sort (order, compare_theme_training);
  for (guint i = 0; i < order->len; i++)
    {
      ThemeTraining *t = g_ptr_array_index (order, i);
      KlTrainingSum sum = t->sum;

      sum.n_people = g_hash_table_size (t->people);
      sum.name = t->sum.theme_id != 0 ? g_steal_pointer (&t->sum.name) : g_strdup (_("Without a theme"));
      g_array_append_val (list, sum);
    }
  return TRUE;
}

/* The year's training: the completed training is read once and added up
 * here, per theme (a course with several themes counts under each), in
 * total and per month; SQLite's GROUP BY and count (DISTINCT) would sort
 * it three times. Then the hours planned per month. Any of the outputs
 * may be NULL. */
static gboolean
load_training (KlStore       *self,
               Params        *params,
               GArray        *list,
               KlTrainingSum *total,
               double         completed[12],
               double         planned[12],
               GError       **error)
{
  g_autoptr(GHashTable) course_themes = NULL;
  g_autoptr(GHashTable) by_theme = NULL;
  ThemeTraining all = { { 0 }, NULL, NULL, FALSE, 0 };
  sqlite3_stmt *stmt;
  int rc;

  if (total != NULL)
    memset (total, 0, sizeof *total);
  if (completed != NULL)
    memset (completed, 0, 12 * sizeof (double));
  if (planned != NULL)
    memset (planned, 0, 12 * sizeof (double));

  if (list != NULL)
    {
      course_themes = load_course_themes (self, error);
      if (course_themes == NULL)
        return FALSE;
      by_theme = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, theme_training_free);
    }

  stmt = _kl_aggregate_prepare (self,
                                SCOPE_CTE DONE_CTE
                                "SELECT staff_id, course_id, hours, cost, CAST (substr (day, 6, 2) AS INTEGER) FROM done",
                                params, 0, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 staff_id = sqlite3_column_int64 (stmt, 0);
      gint64 course_id = sqlite3_column_int64 (stmt, 1);
      double hours = sqlite3_column_double (stmt, 2);
      double cost = sqlite3_column_double (stmt, 3);
      int month = sqlite3_column_int (stmt, 4);
      GArray *themes;
      gint64 none = 0;

      add_training (&all, staff_id, hours, cost);
      if (completed != NULL && month >= 1 && month <= 12)
        completed[month - 1] += hours;
      if (by_theme == NULL)
        continue;

      themes = g_hash_table_lookup (course_themes, &course_id);
      for (guint i = 0; i < (themes ? themes->len : 1); i++)
        {
          gint64 *theme_id = themes ? &g_array_index (themes, gint64, i) : &none;
          ThemeTraining *t = g_hash_table_lookup (by_theme, theme_id);

          if (t == NULL)
            {
              t = g_new0 (ThemeTraining, 1);
              t->sum.theme_id = *theme_id;
              g_hash_table_insert (by_theme, &t->sum.theme_id, t);
            }
          add_training (t, staff_id, hours, cost);
        }
    }
  if (!_kl_aggregate_finish (self, stmt, rc, error))
    {
      theme_training_clear (&all);
      return FALSE;
    }

  if (total != NULL)
    {
      *total = all.sum;
      total->n_people = all.people ? g_hash_table_size (all.people) : 0;
    }
  theme_training_clear (&all);
  if (by_theme != NULL && !list_training (self, by_theme, list, error))
    return FALSE;
  if (planned == NULL)
    return TRUE;

  /* Starting at the year's courses: the "+" keeps the planner from
   * probing the course's index once for every person in scope. */
  stmt = _kl_aggregate_prepare (self,
                                "SELECT CAST (substr (c.starts_on, 6, 2) AS INTEGER), total(c.hours) "
                                "FROM course c CROSS JOIN enrolment e ON e.course_id = c.id "
                                "WHERE c.starts_on BETWEEN ?4 AND ?5 AND c.ends_on >= ?2 AND c.status = 'scheduled' "
                                "AND e.status IN ('planned', 'enrolled') "
                                "AND +e.staff_id IN (SELECT id FROM temp.kl_scope_person) GROUP BY 1",
                                params, 0, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int month = sqlite3_column_int (stmt, 0);

      if (month >= 1 && month <= 12)
        planned[month - 1] = sqlite3_column_double (stmt, 1);
    }
  return _kl_aggregate_finish (self, stmt, rc, error);
}

/**
 * kl_store_aggregate_training:
 * @query: (nullable): whose training, and which year
 * @total: (out caller-allocates) (optional): the year's totals, where a
 *   course with several themes counts once
 *
 * Hours and cost of the training completed in the query's year, per
 * theme. A course with several themes counts under each of them; courses
 * without a theme come last, with @theme_id 0. The cost is the course's
 * cost per person for each completed participant. Staff who have left
 * since still count.
 *
 * Returns: (transfer full) (element-type KlTrainingSum): the themes with
 *   completed training, most hours first
 */
GArray *
kl_store_aggregate_training (KlStore                 *self,
                             const KlAggregateQuery  *query,
                             KlTrainingSum           *total,
                             GError                 **error)
{
  g_autoptr(GArray) list = g_array_new (FALSE, TRUE, sizeof (KlTrainingSum));
  g_auto(Params) params = { 0 };

  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  g_array_set_clear_func (list, training_sum_clear);
  _kl_aggregate_params_init (&params, query);
  if (!load_training (self, &params, list, total, NULL, NULL, error))
    return NULL;
  return g_steal_pointer (&list);
}

/**
 * kl_store_aggregate_training_months:
 * @query: (nullable): whose training, and which year
 * @completed: (out caller-allocates): hours completed in each month
 * @planned: (out caller-allocates) (nullable): hours planned or enrolled
 *   in courses not yet over on the query's day, by the month they start
 *
 * Training hours per month of the query's year.
 */
gboolean
kl_store_aggregate_training_months (KlStore                 *self,
                                    const KlAggregateQuery  *query,
                                    double                   completed[12],
                                    double                   planned[12],
                                    GError                 **error)
{
  g_auto(Params) params = { 0 };

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (completed != NULL, FALSE);

  _kl_aggregate_params_init (&params, query);
  return load_training (self, &params, NULL, NULL, completed, planned, error);
}

#define OVERDUE_GOALS \
  "FROM goal g JOIN staff s ON s.id = g.staff_id JOIN unit un ON un.id = s.unit_id " \
  "WHERE g.status = 'open' AND g.due_on < ?2 AND g.staff_id IN (SELECT id FROM temp.kl_scope_person) "

#define OVERDUE_ACTIONS \
  "FROM action x JOIN unit un ON un.id = x.unit_id LEFT JOIN staff o ON o.id = x.owner_id " \
  "WHERE x.status IN ('open', 'in_progress') AND x.due_on < ?2 AND x.unit_id IN temp.kl_scope_unit "

static gboolean
aggregate_overdue_counts (KlStore  *self,
                          Params   *params,
                          guint    *n_goals,
                          guint    *n_actions,
                          GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _kl_aggregate_prepare (self,
                                SCOPE_CTE
                                "SELECT (SELECT count(*) " OVERDUE_GOALS "), (SELECT count(*) " OVERDUE_ACTIONS ")",
                                params, 0, error);
  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (n_goals != NULL)
        *n_goals = sqlite3_column_int (stmt, 0);
      if (n_actions != NULL)
        *n_actions = sqlite3_column_int (stmt, 1);
      rc = SQLITE_DONE;
    }
  return _kl_aggregate_finish (self, stmt, rc, error);
}

/**
 * kl_store_aggregate_overdue_counts:
 * @query: (nullable): whom and when
 * @n_goals: (out) (optional): open development goals past their due date,
 *   of staff employed in the query
 * @n_actions: (out) (optional): open or started leadership actions of the
 *   query's units past their due date (the job title does not apply)
 */
gboolean
kl_store_aggregate_overdue_counts (KlStore                 *self,
                                   const KlAggregateQuery  *query,
                                   guint                   *n_goals,
                                   guint                   *n_actions,
                                   GError                 **error)
{
  g_auto(Params) params = { 0 };

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);

  _kl_aggregate_params_init (&params, query);
  return aggregate_overdue_counts (self, &params, n_goals, n_actions, error);
}

static void
overdue_clear (gpointer data)
{
  KlOverdueItem *item = data;

  g_clear_pointer (&item->title, g_free);
  g_clear_pointer (&item->staff_name, g_free);
  g_clear_pointer (&item->unit_name, g_free);
  g_clear_pointer (&item->due_on, g_free);
}

static GArray *
aggregate_overdue (KlStore  *self,
                   Params   *params,
                   guint     limit,
                   GError  **error)
{
  g_autoptr(GArray) list = g_array_new (FALSE, TRUE, sizeof (KlOverdueItem));
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (list, overdue_clear);
  stmt = _kl_aggregate_prepare (self,
                                SCOPE_CTE
                                "SELECT * FROM (SELECT 0, g.id, g.text, g.staff_id, s.name, un.name, g.due_on, "
                                "  CAST (julianday (?2) - julianday (g.due_on) AS INTEGER) " OVERDUE_GOALS
                                "  ORDER BY g.due_on, g.id LIMIT ?6) "
                                "UNION ALL "
                                "SELECT * FROM (SELECT 1, x.id, x.title, x.owner_id, o.name, un.name, x.due_on, "
                                "  CAST (julianday (?2) - julianday (x.due_on) AS INTEGER) " OVERDUE_ACTIONS
                                "  ORDER BY x.due_on, x.id LIMIT ?6) "
                                "ORDER BY 7, 1, 2",
                                params, limit, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KlOverdueItem item = { 0 };

      item.kind = sqlite3_column_int (stmt, 0) == 0 ? KL_OVERDUE_GOAL : KL_OVERDUE_ACTION;
      item.id = sqlite3_column_int64 (stmt, 1);
      item.title = column_dup (stmt, 2);
      item.staff_id = sqlite3_column_int64 (stmt, 3);
      item.staff_name = column_dup (stmt, 4);
      item.unit_name = column_dup (stmt, 5);
      item.due_on = column_dup (stmt, 6);
      item.days_overdue = MAX (0, sqlite3_column_int (stmt, 7));
      g_array_append_val (list, item);
    }
  if (!_kl_aggregate_finish (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

/**
 * kl_store_aggregate_overdue:
 * @query: (nullable): whom and when
 * @limit: how many goals, and how many actions, at most
 *
 * The overdue goals and actions that kl_store_aggregate_overdue_counts()
 * counts: the @limit longest overdue of each, the longest overdue first.
 *
 * Returns: (transfer full) (element-type KlOverdueItem): the items
 */
GArray *
kl_store_aggregate_overdue (KlStore                 *self,
                            const KlAggregateQuery  *query,
                            guint                    limit,
                            GError                 **error)
{
  g_auto(Params) params = { 0 };

  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  _kl_aggregate_params_init (&params, query);
  return aggregate_overdue (self, &params, limit, error);
}

static void
principle_status_clear (gpointer data)
{
  KlPrincipleStatus *status = data;

  g_clear_pointer (&status->slug, g_free);
  g_clear_pointer (&status->name, g_free);
  g_clear_pointer (&status->assessed_on, g_free);
}

static GArray *
aggregate_principles (KlStore  *self,
                      Params   *params,
                      GError  **error)
{
  g_autoptr(GArray) list = g_array_new (FALSE, TRUE, sizeof (KlPrincipleStatus));
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (list, principle_status_clear);
  stmt = _kl_aggregate_prepare (self,
                                SCOPE_CTE
                                ", latest (unit_id, principle_id, maturity, assessed_on) AS ("
                                "  SELECT pa.unit_id, pa.principle_id, pa.maturity, pa.assessed_on "
                                "  FROM principle_assessment pa WHERE pa.unit_id IN temp.kl_scope_unit "
                                "  AND pa.id = (SELECT pa2.id FROM principle_assessment pa2 "
                                "    WHERE pa2.unit_id = pa.unit_id AND pa2.principle_id = pa.principle_id "
                                "    AND pa2.assessed_on <= ?2 ORDER BY pa2.assessed_on DESC, pa2.id DESC LIMIT 1)) "
                                "SELECT p.id, p.uuid, p.name, (SELECT count(*) FROM units), count(l.maturity), "
                                "avg(l.maturity), min(l.maturity), max(l.maturity), max(l.assessed_on), "
                                "(SELECT count(*) FROM action x WHERE x.principle_id = p.id AND x.unit_id IN temp.kl_scope_unit "
                                "  AND x.status IN ('open', 'in_progress')), "
                                "(SELECT count(*) FROM action x WHERE x.principle_id = p.id AND x.unit_id IN temp.kl_scope_unit "
                                "  AND x.status IN ('open', 'in_progress') AND x.due_on < ?2) "
                                "FROM principle p JOIN framework f ON f.id = p.framework_id AND f.uuid = '"
                                KL_FRAMEWORK_FAGLIG_LEDELSE "' "
                                "LEFT JOIN latest l ON l.principle_id = p.id "
                                "GROUP BY p.id ORDER BY p.position",
                                params, 0, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KlPrincipleStatus status = { 0 };

      status.principle_id = sqlite3_column_int64 (stmt, 0);
      status.slug = column_dup (stmt, 1);
      status.name = column_name (stmt, 2, -1);
      status.n_units = sqlite3_column_int (stmt, 3);
      status.n_assessed = sqlite3_column_int (stmt, 4);
      status.average_maturity = sqlite3_column_double (stmt, 5);
      status.min_maturity = sqlite3_column_int (stmt, 6);
      status.max_maturity = sqlite3_column_int (stmt, 7);
      status.assessed_on = column_dup (stmt, 8);
      status.n_open_actions = sqlite3_column_int (stmt, 9);
      status.n_overdue_actions = sqlite3_column_int (stmt, 10);
      g_array_append_val (list, status);
    }
  if (!_kl_aggregate_finish (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

/**
 * kl_store_aggregate_principles:
 * @query: (nullable): which units, and as of when
 *
 * The seven leadership principles in their order, each with the latest
 * maturity its units have given it: the average over the units that
 * assessed it (for one unit without sub-units, simply its maturity), the
 * lowest and the highest, and the open and overdue actions.
 *
 * Returns: (transfer full) (element-type KlPrincipleStatus): the principles
 */
GArray *
kl_store_aggregate_principles (KlStore                 *self,
                               const KlAggregateQuery  *query,
                               GError                 **error)
{
  g_auto(Params) params = { 0 };

  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  _kl_aggregate_params_init (&params, query);
  return aggregate_principles (self, &params, error);
}

static int
compare_collated (gconstpointer a,
                  gconstpointer b)
{
  return g_utf8_collate (*(const char **)a, *(const char **)b);
}

/**
 * kl_store_aggregate_job_titles:
 * @query: (nullable): the unit and the day; its job title does not apply
 *
 * Returns: (transfer full): the job titles of the unit's employed staff,
 *   in alphabetical order
 */
GStrv
kl_store_aggregate_job_titles (KlStore                 *self,
                               const KlAggregateQuery  *query,
                               GError                 **error)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  KlAggregateQuery any = { 0 };
  g_auto(Params) params = { 0 };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  if (query != NULL)
    any = *query;
  any.job_title = NULL;
  _kl_aggregate_params_init (&params, &any);
  stmt = _kl_aggregate_prepare (self,
                                SCOPE_CTE
                                "SELECT DISTINCT s.job_title FROM staff s WHERE s.id IN (SELECT id FROM temp.kl_scope_person) "
                                "AND trim (s.job_title) != ''",
                                &params, 0, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (titles, column_dup (stmt, 0));
  if (!_kl_aggregate_finish (self, stmt, rc, error))
    return NULL;

  g_ptr_array_sort (titles, compare_collated);
  g_ptr_array_add (titles, NULL);
  return (GStrv)g_ptr_array_free (g_steal_pointer (&titles), FALSE);
}

/**
 * kl_store_aggregate_year_range:
 * @first: (out): the first year with assessments or training
 * @last: (out): the last year with courses, at least this year
 */
gboolean
kl_store_aggregate_year_range (KlStore  *self,
                               int      *first,
                               int      *last,
                               GError  **error)
{
  g_autofree char *today = kl_aggregate_today ();
  sqlite3_stmt *stmt;
  int this_year = atoi (today);
  int rc;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);

  *first = *last = this_year;
  stmt = _kl_store_prepare (self,
                            /* Each min () and max () alone, so each is one
                             * step in its index. */
                            "SELECT min (y), max (y) FROM ("
                            "  SELECT CAST (substr ((SELECT min (assessed_on) FROM assessment), 1, 4) AS INTEGER) y"
                            "  UNION ALL SELECT CAST (substr ((SELECT min (starts_on) FROM course), 1, 4) AS INTEGER)"
                            "  UNION ALL SELECT CAST (substr ((SELECT max (starts_on) FROM course), 1, 4) AS INTEGER)) "
                            "WHERE y > 0",
                            error);
  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        {
          *first = MIN (this_year, sqlite3_column_int (stmt, 0));
          *last = MAX (this_year, sqlite3_column_int (stmt, 1));
        }
      rc = SQLITE_DONE;
    }
  /* A typo in a date must not make a list of a thousand years. */
  *first = MAX (*first, this_year - 30);
  *last = MIN (*last, this_year + 5);
  return _kl_aggregate_finish (self, stmt, rc, error);
}

/* Everything the Overview shows, loaded at once */

/**
 * kl_overview_free:
 *
 * Frees the figures from kl_store_load_overview().
 */
void
kl_overview_free (KlOverview *overview)
{
  if (overview == NULL)
    return;

  g_clear_pointer (&overview->themes, g_array_unref);
  g_clear_pointer (&overview->gaps, g_array_unref);
  g_clear_pointer (&overview->upcoming, g_array_unref);
  g_clear_pointer (&overview->training, g_array_unref);
  g_clear_pointer (&overview->overdue, g_array_unref);
  g_clear_pointer (&overview->principles, g_array_unref);
  g_clear_pointer (&overview->units, g_ptr_array_unref);
  training_sum_clear (&overview->training_total);
  g_free (overview->today);
  g_free (overview);
}

/**
 * kl_store_load_overview:
 * @query: (nullable): whom and when
 *
 * Every figure of the Overview, each from its own query: the staff count,
 * the themes, the %KL_OVERVIEW_GAPS largest gaps, the courses of the next
 * %KL_OVERVIEW_UPCOMING_DAYS days with free seats, the year's training per
 * theme and per month, what is overdue (the first
 * %KL_OVERVIEW_OVERDUE_ITEMS) and the principles.
 *
 * Returns: (transfer full): the figures, or %NULL with @error set
 */
KlOverview *
kl_store_load_overview (KlStore                 *self,
                        const KlAggregateQuery  *query,
                        GError                 **error)
{
  g_autoptr(KlOverview) overview = g_new0 (KlOverview, 1);
  g_auto(Params) params = { 0 };
  KlAggregateQuery q = { 0 };
  int last_year;

  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  if (query != NULL)
    q = *query;
  overview->today = q.today ? g_strdup (q.today) : kl_aggregate_today ();
  q.today = overview->today;
  overview->year = q.year > 0 ? q.year : atoi (overview->today);
  q.year = overview->year;

  /* One scope for all the figures. */
  _kl_aggregate_params_init (&params, &q);
  if ((overview->n_staff = aggregate_staff_count (self, &params, error)) < 0 ||
      (overview->themes = aggregate_themes (self, &params, error)) == NULL ||
      (overview->upcoming = aggregate_upcoming_courses (self, &params, KL_OVERVIEW_UPCOMING_DAYS,
                                                        error)) == NULL ||
      !aggregate_overdue_counts (self, &params, &overview->n_overdue_goals,
                                 &overview->n_overdue_actions, error) ||
      (overview->overdue = aggregate_overdue (self, &params, KL_OVERVIEW_OVERDUE_ITEMS, error)) == NULL ||
      (overview->principles = aggregate_principles (self, &params, error)) == NULL ||
      (overview->units = kl_store_list_units (self, error)) == NULL ||
      !kl_store_aggregate_year_range (self, &overview->first_year, &last_year, error) ||
      (overview->n_staff_all = kl_store_count_staff (self, error)) < 0)
    return NULL;

  /* From the figures above rather than by asking again. */
  overview->gaps = gaps_from_themes (overview->themes, KL_OVERVIEW_GAPS);

  overview->training = g_array_new (FALSE, TRUE, sizeof (KlTrainingSum));
  g_array_set_clear_func (overview->training, training_sum_clear);
  if (!load_training (self, &params, overview->training, &overview->training_total,
                      overview->hours_completed, overview->hours_planned, error))
    return NULL;

  return g_steal_pointer (&overview);
}
