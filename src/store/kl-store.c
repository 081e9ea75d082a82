/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store object: opening a database, its path and settings, second
 * connections for worker threads, and change notification. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <unistd.h>

#include "kl-store-private.h"

G_DEFINE_FINAL_TYPE (KlStore, kl_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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
      _kl_set_sqlite_error (error, db, rc, path);
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
      _kl_set_sqlite_error (error, self->db, rc, path);
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

  if (!_kl_store_migrate (self, version, error))
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
