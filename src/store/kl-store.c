/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "kl-store.h"

struct _KlStore
{
  GObject  parent_instance;

  char    *path;
  sqlite3 *db;
};

G_DEFINE_FINAL_TYPE (KlStore, kl_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (kl-store-error-quark, kl_store_error)

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

  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (kl_store_parent_class)->finalize (object);
}

static void
kl_store_class_init (KlStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kl_store_finalize;
}

static void
kl_store_init (KlStore *self)
{
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
exec_sql (KlStore     *self,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_sqlite_error (error, self->db, rc, self->path);
  return TRUE;
}

static char *
now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
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
  g_autofree char *now = now_utc ();

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
create_schema (KlStore     *self,
               GError     **error)
{
  if (!exec_sql (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!exec_sql (self, schema_v1, error) ||
      !seed_reference_data (self, error) ||
      !exec_sql (self, "PRAGMA user_version = 1", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return exec_sql (self, "COMMIT", error);
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

  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *verdict = (const char *)sqlite3_column_text (stmt, 0);
      rc = g_strcmp0 (verdict, "ok") == 0 ? SQLITE_OK : SQLITE_CORRUPT;
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

  if (!exec_sql (self,
                 "PRAGMA journal_mode = WAL;"
                 "PRAGMA synchronous = NORMAL;"
                 "PRAGMA foreign_keys = ON;",
                 error))
    return NULL;

  if (version == 0 && !create_schema (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
kl_store_get_path (KlStore *self)
{
  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  return self->path;
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
