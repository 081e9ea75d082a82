/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the figures (kl-store-aggregates.c) and the matrix
 * (kl-store-matrix.c) share: the SQL that picks the staff in scope, the
 * parameters every statement takes, and the helpers of kl-store-scope.c
 * that bind them. */
#pragma once

#include "kl-store-aggregates.h"
#include "kl-store-private.h"

G_BEGIN_DECLS

/* The figures of the Overview and the Competence matrix, each one indexed
 * SQL query over the chosen staff, so no view has to load every record.
 *
 * Every statement takes the same parameters:
 *   ?1  the unit, with its sub-units (0 for all)
 *   ?2  today: "current" and "overdue" are measured on this day
 *   ?3  a job title, or NULL for all
 *   ?4  the first and ?5 the last day of the year of the training figures
 *   ?6  a limit or a number of days, where the query needs one */

#define COVERAGE_LEVEL G_STRINGIFY (KL_COVERAGE_LEVEL)

/* units: the chosen unit and its sub-units; people: their staff employed
 * on ?2; members: everyone who belongs there, also those who have left
 * since (their training still counts in the year they took it).
 *
 * Worked out once per query, or once for all the Overview's figures, into
 * temporary tables of the connection (fill_scope()), so that each figure
 * finds a person in scope with one lookup by id rather than walking the
 * unit tree and the staff again. "x IN (SELECT id FROM temp.kl_scope_person)"
 * is such a lookup; "x IN (SELECT id FROM people)" would copy the table
 * first. */
#define SCOPE_CTE \
  "WITH RECURSIVE units (id) AS (SELECT id FROM temp.kl_scope_unit), " \
  "people (id, unit_id) AS (SELECT id, unit_id FROM temp.kl_scope_person), " \
  "members (id) AS (SELECT id FROM temp.kl_scope_member) "

/* cur: each person's current assessment in each theme, the latest one on
 * or before ?2. The store keeps the latest of all in current_assessment;
 * only where that one is dated after ?2 (a past day asked for, or an
 * assessment entered ahead) is the history searched, starting from
 * current_assessment_assessed_idx, which finds none on most days. */
#define CURRENT_ROWS \
  "SELECT ca.staff_id, ca.theme_id, ca.level, ca.target" \
  "  FROM temp.kl_scope_person p CROSS JOIN current_assessment ca ON ca.staff_id = p.id" \
  "  WHERE ca.assessed_on <= ?2" \
  "  UNION ALL" \
  "  SELECT a.staff_id, a.theme_id, a.level, a.target FROM current_assessment ca" \
  "  JOIN assessment a ON a.id = (SELECT a2.id FROM assessment a2 WHERE a2.staff_id = ca.staff_id" \
  "    AND a2.theme_id = ca.theme_id AND a2.assessed_on <= ?2" \
  "    ORDER BY a2.assessed_on DESC, a2.id DESC LIMIT 1)" \
  "  WHERE ca.assessed_on > ?2 AND +ca.staff_id IN (SELECT id FROM temp.kl_scope_person) "
#define CURRENT_CTE ", cur (staff_id, theme_id, level, target) AS MATERIALIZED (" CURRENT_ROWS ") "

#define THEME_ORDER "t.builtin DESC, t.position, t.name COLLATE NOCASE, t.id"

/* Completed training in the year: the completion date, or the course's
 * last day if none was recorded. Two halves so that each can use an
 * index: the year's completion dates from enrolment_completed_idx alone
 * (the unary "+" keeps the planner from starting at the status or the
 * person instead), the course's enrolments for those without a date.
 * Materialised, so the statements that read it several times find it
 * once. */
#define DONE_CTE \
  ", done (staff_id, course_id, hours, cost, day) AS MATERIALIZED (" \
  "  SELECT e.staff_id, e.course_id, c.hours, c.cost_dkk, e.completed_on FROM enrolment e" \
  "  JOIN course c ON c.id = e.course_id" \
  "  WHERE +e.status = 'completed' AND e.completed_on BETWEEN ?4 AND ?5 AND +e.staff_id IN temp.kl_scope_member" \
  "  UNION ALL" \
  "  SELECT e.staff_id, e.course_id, c.hours, c.cost_dkk, c.ends_on FROM course c" \
  "  JOIN enrolment e ON e.course_id = c.id" \
  "  WHERE c.ends_on BETWEEN ?4 AND ?5 AND e.status = 'completed' AND e.completed_on IS NULL" \
  "  AND +e.staff_id IN temp.kl_scope_member) "

typedef struct
{
  gint64      unit_id;
  const char *job_title;
  char       *today;
  char        from[16];
  char        to[16];
  gboolean    scoped;   /* the scope tables hold this query's people */
  gint64      n_people; /* how many, once scoped */
} Params;

void          _kl_theme_status_clear     (gpointer                data);
void          _kl_aggregate_params_init  (Params                 *params,
                                          const KlAggregateQuery *query);
void          _kl_aggregate_params_clear (Params                 *params);
gboolean      _kl_aggregate_use_scope    (KlStore                *self,
                                          Params                 *params,
                                          GError                **error);
sqlite3_stmt *_kl_aggregate_prepare      (KlStore                *self,
                                          const char             *sql,
                                          Params                 *params,
                                          gint64                  extra,
                                          GError                **error);
gboolean      _kl_aggregate_finish       (KlStore                *self,
                                          sqlite3_stmt           *stmt,
                                          int                     rc,
                                          GError                **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Params, _kl_aggregate_params_clear)

G_END_DECLS
