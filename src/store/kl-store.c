/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "kl-store-private.h"

G_DEFINE_FINAL_TYPE (KlStore, kl_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Validation errors carry the field they are about, so a form can
 * highlight it. */
typedef struct
{
  char *field;
} KlStoreErrorPrivate;

static void
kl_store_error_private_init (KlStoreErrorPrivate *priv)
{
  priv->field = NULL;
}

static void
kl_store_error_private_copy (const KlStoreErrorPrivate *src,
                             KlStoreErrorPrivate       *dest)
{
  dest->field = g_strdup (src->field);
}

static void
kl_store_error_private_clear (KlStoreErrorPrivate *priv)
{
  g_clear_pointer (&priv->field, g_free);
}

G_DEFINE_EXTENDED_ERROR (KlStoreError, kl_store_error)

/**
 * kl_store_error_get_field:
 * @error: a #GError
 *
 * Returns: (nullable): the field a %KL_STORE_ERROR_INVALID error is about,
 *   such as "name" or "ends_on"
 */
const char *
kl_store_error_get_field (const GError *error)
{
  if (error == NULL || error->domain != KL_STORE_ERROR)
    return NULL;

  return kl_store_error_get_private (error)->field;
}

gboolean
_kl_set_invalid (GError     **error,
                 const char  *field,
                 const char  *format,
                 ...)
{
  va_list args;
  GError *new_error;

  va_start (args, format);
  new_error = g_error_new_valist (KL_STORE_ERROR, KL_STORE_ERROR_INVALID, format, args);
  va_end (args);

  kl_store_error_get_private (new_error)->field = g_strdup (field);
  g_propagate_error (error, new_error);
  return FALSE;
}

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

/* Each step brings the schema from version i to i + 1. */
static const char *migrations[] = {
  schema_v1,
  schema_v2,
  schema_v3,
  schema_v4,
  schema_v5,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == KL_STORE_SCHEMA_VERSION);

/* Built-in reference rows; names are English msgids, shown translated. */
static const struct { const char *id; const char *name; } builtin_themes[] = {
  { "rehabilitering-og-recovery", N_("Rehabilitation and recovery") },
  { "inddragelse-og-medbestemmelse", N_("Involvement and co-determination") },
  { "helhed-og-sammenhaeng", N_("Coherent, joined-up support") },
  { "paaroerende", N_("Relatives") },
  { "misbrug", N_("Substance misuse") },
  { "peers", N_("Peer support") },
  { "fritid", N_("Leisure") },
  { "sundhed", N_("Health") },
  { "civilsamfund", N_("Civil society") },
  { "uddannelse-og-beskaeftigelse", N_("Education and employment") },
  { "dokumentation", N_("Documenting progress and development") },
};

static const struct { const char *id; const char *name; } builtin_principles[] = {
  { "samarbejde-med-borgeren", N_("Working with the citizen") },
  { "tydelig-faglig-retning", N_("Clear professional direction") },
  { "naervaerende-ledelse", N_("Present leadership") },
  { "faglig-refleksion", N_("Professional reflection") },
  { "ledelsesinformation", N_("Management information as a professional tool") },
  { "samarbejde-om-recovery", N_("Working together on recovery") },
  { "recovery-orienterede-kompetencer", N_("Recovery-oriented competences") },
};

static const char *competence_levels[] = {
  N_("None"), N_("Awareness"), N_("Practising with support"),
  N_("Independent"), N_("Can teach others"),
};

static const char *maturity_levels[] = {
  N_("Not started"), N_("Started"), N_("Partly in place"),
  N_("Well under way"), N_("Embedded"),
};

static void
kl_store_finalize (GObject *object)
{
  KlStore *self = (KlStore *)object;

  g_clear_object (&self->reader);
  g_mutex_clear (&self->reader_lock);
  g_clear_pointer (&self->deferred, g_ptr_array_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (kl_store_parent_class)->finalize (object);
}

static void
kl_store_class_init (KlStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kl_store_finalize;

  /* The app never asks SQLite how much memory it uses; without the count
   * each of SQLite's allocations skips a mutex. Only possible before
   * SQLite's first use in the process; otherwise nothing changes. */
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);

  /**
   * KlStore::changed:
   * @table: the table that changed, also the signal's detail
   *
   * Emitted after a write to @table has been committed, so open views
   * can reload what they show.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
kl_store_init (KlStore *self)
{
  g_mutex_init (&self->reader_lock);
  /* By the SQL text's address: the texts are literals or interned (see
   * _kl_store_prepare()), and an import looks one up for every row. */
  self->statements = g_hash_table_new_full (NULL, NULL, NULL,
                                            (GDestroyNotify)sqlite3_finalize);
}

/**
 * kl_store_get_default_path:
 *
 * Returns the database file used when none is given on the command line:
 * `kompetenceloeft.db` in the application's folder under the user data dir.
 *
 * Returns: (transfer full): the path
 */
char *
kl_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), BASE_APPLICATION_ID,
                           "kompetenceloeft.db", NULL);
}

static gboolean
set_sqlite_error (GError      **error,
                  sqlite3      *db,
                  int           rc,
                  const char   *path)
{
  g_autofree char *basename = g_path_get_basename (path);
  int code = KL_STORE_ERROR_FAILED;

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_A_DATABASE,
                   _("%s is not a Kompetenceløft database"), path);
      return FALSE;
    case SQLITE_CORRUPT:
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_CORRUPT,
                   _("%s is damaged and cannot be read"), path);
      return FALSE;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_IOERR:
      code = KL_STORE_ERROR_CANNOT_OPEN;
      break;
    default:
      break;
    }

  g_set_error (error, KL_STORE_ERROR, code,
               _("Could not use the database %s: %s"),
               path, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

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
    return set_sqlite_error (error, self->db, rc, self->path);
  return TRUE;
}

static gboolean
seed_reference_data (KlStore     *self,
                     GError     **error)
{
  const char *now = _kl_store_now (self);

  for (guint i = 0; i < G_N_ELEMENTS (builtin_themes); i++)
    if (!insert_reference_row (self,
                               "INSERT INTO theme (uuid, name, builtin, position, created_at, updated_at) "
                               "VALUES (?1, ?2, 1, ?3, ?4, ?4)",
                               builtin_themes[i].id, builtin_themes[i].name, i, now, error))
      return FALSE;

  if (!insert_reference_row (self,
                             "INSERT INTO framework (uuid, name, builtin, id, created_at, updated_at) "
                             "VALUES (?1, ?2, 1, ?3, ?4, ?4)",
                             "faglig-ledelse", N_("Professional leadership"), 1, now, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (builtin_principles); i++)
    if (!insert_reference_row (self,
                               "INSERT INTO principle (uuid, name, position, framework_id, created_at, updated_at) "
                               "VALUES (?1, ?2, ?3, 1, ?4, ?4)",
                               builtin_principles[i].id, builtin_principles[i].name, i + 1, now, error))
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
static gboolean
migrate (KlStore     *self,
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

/* Looks at an existing file without writing to it: the header must be
 * SQLite's, the schema readable and the version one we know. */
static gboolean
inspect_existing (const char  *path,
                  int         *out_version,
                  GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = 0;
  int tables = 0;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      version = sqlite3_column_int (stmt, 0);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  stmt = NULL;

  /* Reading the schema catches a damaged header or catalogue without the
   * cost of checking every page at each start. */
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_master", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      tables = sqlite3_column_int (stmt, 0);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, db, rc, path);
      sqlite3_close (db);
      return FALSE;
    }
  sqlite3_close (db);

  if (version > KL_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NEWER_VERSION,
                   _("%s was written by a newer version of Kompetenceløft; update the app to open it"),
                   path);
      return FALSE;
    }

  /* Some other program's database: leave it alone. */
  if (version == 0 && tables > 0)
    {
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_A_DATABASE,
                   _("%s is not a Kompetenceløft database"), path);
      return FALSE;
    }

  *out_version = version;
  return TRUE;
}

static gboolean
ensure_file (const char  *path,
             gboolean    *created,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  *created = FALSE;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_CANNOT_OPEN,
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0)
    {
      *created = TRUE;
      close (fd);
      return TRUE;
    }
  if (errno == EEXIST)
    {
      if (g_access (path, R_OK | W_OK) == 0)
        return TRUE;
    }

  {
    int saved = errno;
    g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_CANNOT_OPEN,
                 _("Could not open %s: %s"), path, g_strerror (saved));
  }
  return FALSE;
}

/**
 * kl_store_open:
 * @path: the database file; created if missing
 * @error: return location for a #GError
 *
 * Opens a Kompetenceløft database, creating and seeding it if the file
 * does not exist yet. A file that is not a usable database, or one written
 * by a newer version, is refused with an error and never modified.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
KlStore *
kl_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(KlStore) self = NULL;
  gboolean created = FALSE;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!ensure_file (path, &created, error))
    return NULL;

  if (!created && !inspect_existing (path, &version, error))
    return NULL;

  self = g_object_new (KL_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, path);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, 5000);

  /* A new database gets 16 KiB pages: a quarter of the writes and reads
   * of SQLite's 4 KiB for the same data, which an import or a backup
   * feels most. An existing one keeps its size; the pragma then does
   * nothing. */
  if (!_kl_store_exec (self,
                 "PRAGMA page_size = " G_STRINGIFY (KL_STORE_PAGE_SIZE) ";"
                 "PRAGMA journal_mode = WAL;"
                 "PRAGMA synchronous = NORMAL;"
                 "PRAGMA foreign_keys = ON;"
                 "PRAGMA temp_store = MEMORY;",
                 error))
    return NULL;

  if (!migrate (self, version, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
kl_store_get_path (KlStore *self)
{
  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  return self->path;
}

/**
 * kl_store_set_cache_size:
 * @mebibytes: how much of the database this connection may keep in memory;
 *   0 for SQLite's default (2 MiB)
 *
 * A large write, such as an import into one transaction, touches more
 * pages than the default cache holds; SQLite then writes them out and
 * reads them back again and again. Only for connections that do such
 * writes: the GUI's own connection keeps the default.
 */
void
kl_store_set_cache_size (KlStore *self,
                         guint    mebibytes)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (KL_IS_STORE (self));

  sql = g_strdup_printf ("PRAGMA cache_size = -%u", mebibytes ? MIN (mebibytes, 1024) * 1024 : 2000);
  _kl_store_exec (self, sql, NULL);
}

int
kl_store_get_schema_version (KlStore *self)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  g_return_val_if_fail (KL_IS_STORE (self), -1);

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return version;
}

/* Internal helpers shared by the kl-store-*.c files. */

gboolean
_kl_store_sqlite_error (KlStore  *self,
                        int       rc,
                        GError  **error)
{
  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT:
      /* Validation runs first, so this is a rule the checks missed. */
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID,
                   _("The change breaks a rule of the database: %s"),
                   sqlite3_errmsg (self->db));
      return FALSE;
    default:
      return set_sqlite_error (error, self->db, rc, self->path);
    }
}

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
static gboolean
table_has_rows (KlStore    *self,
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

      if (table_has_rows (self, table))
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
    g_ptr_array_add (self->deferred, g_strdup (FILL_CURRENT_ASSESSMENT));
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

void
_kl_store_emit_changed (KlStore    *self,
                        const char *table)
{
  if (self->depth > 0)
    {
      const char *interned = g_intern_string (table);

      if (self->pending == NULL)
        self->pending = g_ptr_array_new ();
      if (!g_ptr_array_find (self->pending, interned, NULL))
        g_ptr_array_add (self->pending, (gpointer)interned);
      return;
    }

  g_signal_emit (self, signals[CHANGED], g_quark_from_string (table), table);
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

/* Validation */

gboolean
_kl_check_name (const char  *value,
                const char  *field,
                const char  *label,
                GError     **error)
{
  g_autofree char *trimmed = NULL;

  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    return _kl_set_invalid (error, field, _("%s is not valid text"), _(label));

  trimmed = g_strstrip (g_strdup (value ? value : ""));
  if (*trimmed == '\0')
    return _kl_set_invalid (error, field, _("%s cannot be empty"), _(label));
  if (g_utf8_strlen (trimmed, -1) > KL_NAME_MAX)
    return _kl_set_invalid (error, field, _("%s is too long: at most %d characters"), _(label), KL_NAME_MAX);
  return TRUE;
}

gboolean
_kl_check_text (const char  *value,
                const char  *field,
                const char  *label,
                GError     **error)
{
  if (value == NULL)
    return TRUE;
  if (!g_utf8_validate (value, -1, NULL))
    return _kl_set_invalid (error, field, _("%s is not valid text"), _(label));
  if (g_utf8_strlen (value, -1) > KL_TEXT_MAX)
    return _kl_set_invalid (error, field, _("%s is too long: at most %d characters"), _(label), KL_TEXT_MAX);
  return TRUE;
}

/* Reads YYYY-MM-DD by hand: every date of an import passes here. */
static gboolean
read_date_parts (const char *text,
                 int        *year,
                 int        *month,
                 int        *day)
{
  static const char pattern[] = "dddd-dd-dd";

  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < sizeof pattern - 1; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != pattern[i])
      return FALSE;
  if (text[sizeof pattern - 1] != '\0')
    return FALSE;

  *year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  *month = (text[5] - '0') * 10 + (text[6] - '0');
  *day = (text[8] - '0') * 10 + (text[9] - '0');
  return *year >= 1900 && *year <= 2200 && g_date_valid_dmy (*day, *month, *year);
}

/**
 * kl_store_is_date:
 * @text: (nullable): a text
 *
 * Returns: whether @text is a real date as YYYY-MM-DD, between the years
 *   1900 and 2200
 */
gboolean
kl_store_is_date (const char *text)
{
  int y, m, d;

  return read_date_parts (text, &y, &m, &d);
}

/**
 * kl_store_parse_date:
 * @text: a date as YYYY-MM-DD
 *
 * Returns: (transfer full) (nullable): the date, or %NULL if @text is not
 *   a real date in that form (see kl_store_is_date())
 */
GDate *
kl_store_parse_date (const char *text)
{
  int y, m, d;

  if (!read_date_parts (text, &y, &m, &d))
    return NULL;
  return g_date_new_dmy (d, m, y);
}

gboolean
_kl_check_date (const char  *value,
                gboolean     required,
                const char  *field,
                const char  *label,
                GError     **error)
{
  if (value == NULL || *value == '\0')
    {
      if (required)
        return _kl_set_invalid (error, field, _("%s is missing"), _(label));
      return TRUE;
    }

  if (!kl_store_is_date (value))
    return _kl_set_invalid (error, field, _("%s is not a valid date (YYYY-MM-DD): %s"), _(label), value);
  return TRUE;
}

gboolean
_kl_check_range (int          value,
                 int          min,
                 int          max,
                 const char  *field,
                 const char  *label,
                 GError     **error)
{
  if (value < min || value > max)
    return _kl_set_invalid (error, field, _("%s must be between %d and %d, not %d"), _(label), min, max, value);
  return TRUE;
}

gboolean
_kl_check_reference (KlStore     *self,
                     const char  *table,
                     gint64       id,
                     const char  *field,
                     const char  *label,
                     GError     **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  /* In a bulk transaction the caller has resolved the references. */
  if (self->bulk && id > 0)
    return TRUE;

  sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE id = ?1", table);

  /* Interned for the statement cache; see _kl_store_id_for_uuid(). */
  if (id > 0 && (stmt = _kl_store_prepare (self, g_intern_string (sql), NULL)) != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      found = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) > 0;
      sqlite3_reset (stmt);
    }

  if (!found)
    return _kl_set_invalid (error, field, _("%s does not exist"), _(label));
  return TRUE;
}

gboolean
_kl_check_email (const char  *value,
                 GError     **error)
{
  const char *at;

  if (value == NULL || *value == '\0')
    return TRUE;

  at = strchr (value, '@');
  if (at == NULL || at == value || strchr (at + 1, '@') != NULL ||
      strchr (at + 1, '.') == NULL || g_str_has_suffix (value, ".") ||
      strpbrk (value, " \t\n,;<>") != NULL || strlen (value) > KL_NAME_MAX)
    return _kl_set_invalid (error, "email", _("“%s” is not an e-mail address"), value);

  return TRUE;
}

/**
 * kl_store_clone:
 * @self: a #KlStore
 * @error: return location for a #GError
 *
 * Opens a second connection to the same database, for a worker thread:
 * exports, imports and backups run on their own connection.
 *
 * Returns: (transfer full): the new store
 */
KlStore *
kl_store_clone (KlStore  *self,
                GError  **error)
{
  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  return kl_store_open (self->path, error);
}

/* The page cache of the reader: what the Overview and the matrix read at
 * a large organisation's size, so a second load finds it in memory. */
#define READER_CACHE_MIB 16

/**
 * _kl_store_acquire_reader:
 *
 * A connection for reading in a worker thread, such as the Overview's
 * figures. Loads take turns on one connection kept open for them, so its
 * page cache, its prepared statements and its temporary tables carry over
 * from one load to the next; a load that finds it in use, by a load of
 * another view, gets a connection of its own. Give it back with
 * _kl_store_release_reader() in the same thread.
 *
 * Returns: (transfer full): the connection, or %NULL with @error set
 */
KlStore *
_kl_store_acquire_reader (KlStore  *self,
                          GError  **error)
{
  if (!g_mutex_trylock (&self->reader_lock))
    return kl_store_clone (self, error);

  if (self->reader == NULL)
    {
      self->reader = kl_store_clone (self, error);
      if (self->reader == NULL)
        {
          g_mutex_unlock (&self->reader_lock);
          return NULL;
        }
      self->reader->is_reader = TRUE;
      kl_store_set_cache_size (self->reader, READER_CACHE_MIB);
    }
  return g_object_ref (self->reader);
}

void
_kl_store_release_reader (KlStore *self,
                          KlStore *reader)
{
  if (reader->is_reader)
    g_mutex_unlock (&self->reader_lock);
  g_object_unref (reader);
}

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

  return table_has_rows (self, table);
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

/* The official Danish names of the built-in themes and principles, as
 * the national initiative and Socialstyrelsen write them; the exchange
 * format uses these whatever the UI language. */
const char *
kl_store_get_official_name (const char *builtin_id)
{
  static const struct { const char *id; const char *name; } names[] = {
    { "rehabilitering-og-recovery", "Rehabilitering og recovery" },
    { "inddragelse-og-medbestemmelse", "Inddragelse og medbestemmelse" },
    { "helhed-og-sammenhaeng", "Helhed og sammenhæng" },
    { "paaroerende", "Pårørende" },
    { "misbrug", "Misbrug" },
    { "peers", "Peers" },
    { "fritid", "Fritid" },
    { "sundhed", "Sundhed" },
    { "civilsamfund", "Civilsamfund" },
    { "uddannelse-og-beskaeftigelse", "Uddannelse og beskæftigelse" },
    { "dokumentation", "Dokumentation af progression og udvikling" },
    { "samarbejde-med-borgeren", "Samarbejde med borgeren" },
    { "tydelig-faglig-retning", "Tydelig faglig retning" },
    { "naervaerende-ledelse", "Nærværende ledelse" },
    { "faglig-refleksion", "Faglig refleksion" },
    { "ledelsesinformation", "Ledelsesinformation som fagligt værktøj" },
    { "samarbejde-om-recovery", "Samarbejde om recovery" },
    { "recovery-orienterede-kompetencer", "Recovery-orienterede kompetencer" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (names[i].id, builtin_id) == 0)
      return names[i].name;
  return NULL;
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

/**
 * kl_store_notify_all_changed:
 *
 * Announces every table as changed: after a restore, or after another
 * connection (an import in a worker thread) wrote to the database.
 */
void
kl_store_notify_all_changed (KlStore *self)
{
  static const char *tables[] = {
    "unit", "staff", "theme", "assessment", "goal", "course", "enrolment",
    "principle", "principle_assessment", "action",
  };

  g_return_if_fail (KL_IS_STORE (self));

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    _kl_store_emit_changed (self, tables[i]);
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
