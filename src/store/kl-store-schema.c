/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The schema: its versions as SQL, the migrations between them, and the
 * reference rows a new database is seeded with. */
#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "kl-builtin.h"
#include "kl-store-private.h"

/* Schema version 1: the whole data model of DESIGN.md section 5. */
static const char schema_v1[] =
  "CREATE TABLE unit ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  parent_id INTEGER REFERENCES unit (id) ON DELETE RESTRICT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);"
  "CREATE INDEX unit_parent_idx ON unit (parent_id);"

  "CREATE TABLE staff ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  unit_id INTEGER NOT NULL REFERENCES unit (id) ON DELETE RESTRICT,"
  "  job_title TEXT NOT NULL DEFAULT '',"
  "  email TEXT,"
  "  started_on TEXT,"
  "  left_on TEXT,"
  "  weekly_hours REAL CHECK (weekly_hours IS NULL OR weekly_hours >= 0),"
  "  note TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  CHECK (left_on IS NULL OR started_on IS NULL OR left_on >= started_on));"
  "CREATE INDEX staff_unit_idx ON staff (unit_id, name);"
  "CREATE INDEX staff_name_idx ON staff (name COLLATE NOCASE);"

  "CREATE TABLE theme ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),"
  "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);"

  "CREATE TABLE competence_level ("
  "  level INTEGER PRIMARY KEY CHECK (level BETWEEN 0 AND 4),"
  "  name TEXT NOT NULL);"

  "CREATE TABLE maturity_level ("
  "  maturity INTEGER PRIMARY KEY CHECK (maturity BETWEEN 1 AND 5),"
  "  name TEXT NOT NULL);"

  "CREATE TABLE assessment ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  staff_id INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,"
  "  theme_id INTEGER NOT NULL REFERENCES theme (id) ON DELETE RESTRICT,"
  "  assessed_on TEXT NOT NULL,"
  "  level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 4),"
  "  target INTEGER CHECK (target IS NULL OR target BETWEEN 0 AND 4),"
  "  note TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);"
  "CREATE INDEX assessment_staff_theme_idx ON assessment (staff_id, theme_id, assessed_on, id);"
  "CREATE INDEX assessment_theme_idx ON assessment (theme_id);"

  "CREATE TABLE goal ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  staff_id INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,"
  "  theme_id INTEGER REFERENCES theme (id) ON DELETE RESTRICT,"
  "  text TEXT NOT NULL CHECK (length(trim(text)) > 0),"
  "  agreed_on TEXT NOT NULL,"
  "  due_on TEXT,"
  "  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'achieved', 'dropped')),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);"
  "CREATE INDEX goal_staff_idx ON goal (staff_id);"
  "CREATE INDEX goal_status_due_idx ON goal (status, due_on);"
  "CREATE INDEX goal_theme_idx ON goal (theme_id);"

  "CREATE TABLE course ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  provider TEXT NOT NULL DEFAULT '',"
  "  description TEXT NOT NULL DEFAULT '',"
  "  starts_on TEXT NOT NULL,"
  "  ends_on TEXT NOT NULL,"
  "  hours REAL NOT NULL DEFAULT 0 CHECK (hours >= 0),"
  "  cost_dkk REAL NOT NULL DEFAULT 0 CHECK (cost_dkk >= 0),"
  "  capacity INTEGER CHECK (capacity IS NULL OR capacity >= 0),"
  "  location TEXT NOT NULL DEFAULT '',"
  "  url TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  CHECK (ends_on >= starts_on));"
  "CREATE INDEX course_starts_idx ON course (starts_on);"

  "CREATE TABLE course_theme ("
  "  course_id INTEGER NOT NULL REFERENCES course (id) ON DELETE CASCADE,"
  "  theme_id INTEGER NOT NULL REFERENCES theme (id) ON DELETE RESTRICT,"
  "  PRIMARY KEY (course_id, theme_id)) WITHOUT ROWID;"
  "CREATE INDEX course_theme_theme_idx ON course_theme (theme_id, course_id);"

  "CREATE TABLE enrolment ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  staff_id INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,"
  "  course_id INTEGER NOT NULL REFERENCES course (id) ON DELETE RESTRICT,"
  "  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'enrolled', 'waitlisted', 'completed', 'cancelled', 'no_show')),"
  "  enrolled_on TEXT,"
  "  completed_on TEXT,"
  "  note TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  UNIQUE (staff_id, course_id));"
  "CREATE INDEX enrolment_course_status_idx ON enrolment (course_id, status);"
  "CREATE INDEX enrolment_status_completed_idx ON enrolment (status, completed_on);"

  "CREATE TABLE framework ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);"

  "CREATE TABLE principle ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  framework_id INTEGER NOT NULL REFERENCES framework (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  name TEXT NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  UNIQUE (framework_id, position));"

  "CREATE TABLE principle_assessment ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  principle_id INTEGER NOT NULL REFERENCES principle (id) ON DELETE RESTRICT,"
  "  unit_id INTEGER NOT NULL REFERENCES unit (id) ON DELETE CASCADE,"
  "  assessed_on TEXT NOT NULL,"
  "  maturity INTEGER NOT NULL CHECK (maturity BETWEEN 1 AND 5),"
  "  reflection TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);"
  "CREATE INDEX principle_assessment_unit_idx ON principle_assessment (unit_id, principle_id, assessed_on, id);"
  "CREATE INDEX principle_assessment_principle_idx ON principle_assessment (principle_id, assessed_on);"

  "CREATE TABLE action ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  principle_id INTEGER NOT NULL REFERENCES principle (id) ON DELETE RESTRICT,"
  "  theme_id INTEGER REFERENCES theme (id) ON DELETE RESTRICT,"
  "  unit_id INTEGER NOT NULL REFERENCES unit (id) ON DELETE CASCADE,"
  "  owner_id INTEGER REFERENCES staff (id) ON DELETE SET NULL,"
  "  due_on TEXT,"
  "  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),"
  "  note TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);"
  "CREATE INDEX action_unit_status_idx ON action (unit_id, status, due_on);"
  "CREATE INDEX action_principle_idx ON action (principle_id, status);"
  "CREATE INDEX action_owner_idx ON action (owner_id);"
  "CREATE INDEX action_theme_idx ON action (theme_id);";

/* Version 2: each waiting list keeps its order in a queue number, given
 * when a person joins it, rather than relying on timestamps that tie. */
static const char schema_v2[] =
  "ALTER TABLE enrolment ADD COLUMN waitlist_position INTEGER;"
  "UPDATE enrolment SET waitlist_position = (SELECT count(*) FROM enrolment e2 "
  "  WHERE e2.course_id = enrolment.course_id AND e2.status = 'waitlisted' "
  "  AND (e2.created_at < enrolment.created_at "
  "       OR (e2.created_at = enrolment.created_at AND e2.id <= enrolment.id))) "
  "WHERE status = 'waitlisted';"
  "CREATE INDEX enrolment_waitlist_idx ON enrolment (course_id, status, waitlist_position, id);"
  "CREATE INDEX enrolment_staff_idx ON enrolment (staff_id);";

/* Version 3: indexes for the Overview at a large organisation's size.
 * The first day with an assessment is one index step; the completed
 * training of a year and each person's latest assessments are read from
 * their indexes alone, without visiting the table rows. The completed
 * training's index starts with the date, not the status: one that starts
 * with the status tempts the planner to use it for "status = ?" alone,
 * as in the courses report, which then takes seconds. */
static const char schema_v3[] =
  "CREATE INDEX assessment_assessed_idx ON assessment (assessed_on);"
  "DROP INDEX assessment_staff_theme_idx;"
  "CREATE INDEX assessment_staff_theme_idx ON assessment (staff_id, theme_id, assessed_on, id, level, target);"
  "CREATE INDEX enrolment_completed_idx ON enrolment (completed_on, status, staff_id, course_id);";

/* Version 4: each person's current assessment in each theme (the latest,
 * by date and then by id), kept by triggers in the same statement as the
 * write, so views that need "where does everyone stand" read ~5 rows a
 * person instead of working it out from the whole history. Triggers
 * rather than store code, so that every path that writes assessments
 * (the editor, the import, deleting a person, a unit's cascade) keeps it
 * right. Also: the course and status index covers the person. */
#define LATEST_ASSESSMENT_OF(staff, theme) \
  "INSERT OR IGNORE INTO current_assessment " \
  "  SELECT staff_id, theme_id, id, assessed_on, level, target FROM assessment " \
  "  WHERE staff_id = " staff " AND theme_id = " theme \
  "  ORDER BY assessed_on DESC, id DESC LIMIT 1;"

#define FILL_CURRENT_ASSESSMENT \
  "INSERT INTO current_assessment " \
  "  SELECT a.staff_id, a.theme_id, a.id, a.assessed_on, a.level, a.target FROM assessment a " \
  "  WHERE a.id = (SELECT a2.id FROM assessment a2 WHERE a2.staff_id = a.staff_id " \
  "    AND a2.theme_id = a.theme_id ORDER BY a2.assessed_on DESC, a2.id DESC LIMIT 1);"

static const char schema_v4[] =
  "CREATE TABLE current_assessment ("
  "  staff_id INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,"
  "  theme_id INTEGER NOT NULL REFERENCES theme (id) ON DELETE CASCADE,"
  "  assessment_id INTEGER NOT NULL,"
  "  assessed_on TEXT NOT NULL,"
  "  level INTEGER NOT NULL,"
  "  target INTEGER,"
  "  PRIMARY KEY (staff_id, theme_id)) WITHOUT ROWID;"
  "CREATE INDEX current_assessment_assessed_idx ON current_assessment (assessed_on);"
  FILL_CURRENT_ASSESSMENT
  "CREATE TRIGGER current_assessment_insert AFTER INSERT ON assessment BEGIN "
  "  INSERT INTO current_assessment VALUES (new.staff_id, new.theme_id, new.id, new.assessed_on, "
  "    new.level, new.target) "
  "  ON CONFLICT (staff_id, theme_id) DO UPDATE SET assessment_id = excluded.assessment_id, "
  "    assessed_on = excluded.assessed_on, level = excluded.level, target = excluded.target "
  "  WHERE excluded.assessed_on > current_assessment.assessed_on "
  "    OR (excluded.assessed_on = current_assessment.assessed_on "
  "        AND excluded.assessment_id > current_assessment.assessment_id);"
  "END;"
  "CREATE TRIGGER current_assessment_delete AFTER DELETE ON assessment BEGIN "
  "  DELETE FROM current_assessment WHERE staff_id = old.staff_id AND theme_id = old.theme_id "
  "    AND assessment_id = old.id;"
  LATEST_ASSESSMENT_OF ("old.staff_id", "old.theme_id")
  "END;"
  "CREATE TRIGGER current_assessment_update "
  "AFTER UPDATE OF staff_id, theme_id, assessed_on, level, target ON assessment BEGIN "
  "  DELETE FROM current_assessment WHERE (staff_id = old.staff_id AND theme_id = old.theme_id) "
  "    OR (staff_id = new.staff_id AND theme_id = new.theme_id);"
  LATEST_ASSESSMENT_OF ("old.staff_id", "old.theme_id")
  LATEST_ASSESSMENT_OF ("new.staff_id", "new.theme_id")
  "END;"
  /* A course's participants with a status, from the index alone. Queries
   * that filter on a list of people write "+e.staff_id IN …", so that the
   * planner does not probe the index once for every person on the list. */
  "DROP INDEX enrolment_course_status_idx;"
  "CREATE INDEX enrolment_course_status_idx ON enrolment (course_id, status, staff_id);";

/* Version 5: the enrolment table made again, for the speed of its writes
 * (an import writes 100,000 at a large organisation's size):
 * - its status is checked with "=" and "OR" instead of "IN (…)", for
 *   which SQLite builds a small temporary index at every insert, which
 *   tripled an insert's cost;
 * - fewer indexes to keep up to date. The person's index repeated the
 *   unique index on person and course, which serves "staff_id = ?" as
 *   well; the status-and-date index served only the step to version 2
 *   (see also version 3); the waiting list's order joins the course and
 *   status index, which still covers the person.
 * The columns keep their order; no other table refers to enrolment. */
static const char schema_v5[] =
  "CREATE TABLE enrolment_v5 ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  staff_id INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,"
  "  course_id INTEGER NOT NULL REFERENCES course (id) ON DELETE RESTRICT,"
  "  status TEXT NOT NULL DEFAULT 'planned' CHECK (status = 'planned' OR status = 'enrolled'"
  "    OR status = 'waitlisted' OR status = 'completed' OR status = 'cancelled' OR status = 'no_show'),"
  "  enrolled_on TEXT,"
  "  completed_on TEXT,"
  "  note TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  waitlist_position INTEGER,"
  "  UNIQUE (staff_id, course_id));"
  "INSERT INTO enrolment_v5 (id, uuid, staff_id, course_id, status, enrolled_on, completed_on, note, "
  "  created_at, updated_at, waitlist_position) "
  "SELECT id, uuid, staff_id, course_id, status, enrolled_on, completed_on, note, "
  "  created_at, updated_at, waitlist_position FROM enrolment;"
  "DROP TABLE enrolment;"
  "ALTER TABLE enrolment_v5 RENAME TO enrolment;"
  "CREATE INDEX enrolment_completed_idx ON enrolment (completed_on, status, staff_id, course_id);"
  "CREATE INDEX enrolment_course_status_idx ON enrolment (course_id, status, waitlist_position, staff_id);";

/* What a bulk transaction runs to fill current_assessment once; see
 * defer_indexes(). */
const char _kl_store_fill_current_assessment[] = FILL_CURRENT_ASSESSMENT;

/* Each step brings the schema from version i to i + 1. */
static const char *migrations[] = {
  schema_v1,
  schema_v2,
  schema_v3,
  schema_v4,
  schema_v5,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == KL_STORE_SCHEMA_VERSION);

/* The levels' names, English msgids shown translated; the built-in
 * themes, principles and framework are in kl-builtin.c. */
static const char *competence_levels[] = {
  N_("None"), N_("Awareness"), N_("Practising with support"),
  N_("Independent"), N_("Can teach others"),
};

static const char *maturity_levels[] = {
  N_("Not started"), N_("Started"), N_("Partly in place"),
  N_("Well under way"), N_("Embedded"),
};

static gboolean
insert_reference_row (KlStore     *self,
                      const char  *sql,
                      const char  *text1,
                      const char  *text2,
                      gint64       number,
                      const char  *now,
                      GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, text1, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, text2, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, number);
      sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    return _kl_set_sqlite_error (error, self->db, rc, self->path);
  return TRUE;
}

static gboolean
seed_reference_data (KlStore     *self,
                     GError     **error)
{
  const char *now = _kl_store_now (self);

  for (guint i = 0; i < G_N_ELEMENTS (kl_builtin_themes); i++)
    if (!insert_reference_row (self,
                               "INSERT INTO theme (uuid, name, builtin, position, created_at, updated_at) "
                               "VALUES (?1, ?2, 1, ?3, ?4, ?4)",
                               kl_builtin_themes[i].id, kl_builtin_themes[i].name, i, now, error))
      return FALSE;

  if (!insert_reference_row (self,
                             "INSERT INTO framework (uuid, name, builtin, id, created_at, updated_at) "
                             "VALUES (?1, ?2, 1, ?3, ?4, ?4)",
                             kl_builtin_framework.id, kl_builtin_framework.name, 1, now, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (kl_builtin_principles); i++)
    if (!insert_reference_row (self,
                               "INSERT INTO principle (uuid, name, position, framework_id, created_at, updated_at) "
                               "VALUES (?1, ?2, ?3, 1, ?4, ?4)",
                               kl_builtin_principles[i].id, kl_builtin_principles[i].name, i + 1, now, error))
      return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (competence_levels); i++)
    if (!insert_reference_row (self,
                               "INSERT INTO competence_level (name, level) "
                               "VALUES (?2, ?3)",
                               NULL, competence_levels[i], i, now, error))
      return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (maturity_levels); i++)
    if (!insert_reference_row (self,
                               "INSERT INTO maturity_level (name, maturity) "
                               "VALUES (?2, ?3)",
                               NULL, maturity_levels[i], i + 1, now, error))
      return FALSE;

  return TRUE;
}

static gboolean
run_migration (KlStore     *self,
               int          from_version,
               GError     **error)
{
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", from_version + 1);

  if (!_kl_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!_kl_store_exec (self, migrations[from_version], error) ||
      (from_version == 0 && !seed_reference_data (self, error)) ||
      !_kl_store_exec (self, set_version, error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return _kl_store_exec (self, "COMMIT", error);
}

/* Brings the schema up to date, one step and one transaction at a time,
 * with a backup of an existing database taken first. */
gboolean
_kl_store_migrate (KlStore     *self,
                   int          version,
                   GError     **error)
{
  if (version > 0 && version < KL_STORE_SCHEMA_VERSION)
    {
      g_autofree char *backup = NULL;

      if (!kl_store_backup (self, &backup, error))
        return FALSE;
    }

  for (int v = version; v < KL_STORE_SCHEMA_VERSION; v++)
    if (!run_migration (self, v, error))
      return FALSE;

  return TRUE;
}

/* The official Danish names of the built-in themes and principles, as
 * the national initiative and Socialstyrelsen write them; the exchange
 * format uses these whatever the UI language. */
const char *
kl_store_get_official_name (const char *builtin_id)
{
  return kl_builtin_get_official_name (builtin_id);
}
