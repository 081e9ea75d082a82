/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "kl-store-private.h"

#define KEEP_BACKUPS 10
#define BACKUP_INTERVAL (G_TIME_SPAN_DAY)

static char *
backup_dir_for (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);

  return g_build_filename (dir, "backups", NULL);
}

static char *
backup_prefix_for (const char *db_path)
{
  g_autofree char *base = g_path_get_basename (db_path);

  if (g_str_has_suffix (base, ".db"))
    base[strlen (base) - 3] = '\0';
  return g_strconcat (base, "-", NULL);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)b, *(const char * const *)a);
}

/**
 * kl_store_list_backups_for:
 * @db_path: a database file
 *
 * Returns: (transfer full) (element-type utf8): the automatic backups of
 *   @db_path, newest first
 */
GPtrArray *
kl_store_list_backups_for (const char *db_path)
{
  g_autofree char *dir = backup_dir_for (db_path);
  g_autofree char *prefix = backup_prefix_for (db_path);
  GPtrArray *backups = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      /* prefix + YYYYMMDD-HHMMSS + .db */
      if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".db") &&
          strlen (name) == strlen (prefix) + 15 + 3)
        g_ptr_array_add (backups, g_build_filename (dir, name, NULL));
    }

  g_ptr_array_sort (backups, compare_newest_first);
  return backups;
}

GPtrArray *
kl_store_list_backups (KlStore *self)
{
  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  return kl_store_list_backups_for (self->path);
}

static void
rotate (const char *db_path)
{
  g_autoptr(GPtrArray) backups = kl_store_list_backups_for (db_path);

  for (guint i = KEEP_BACKUPS; i < backups->len; i++)
    g_unlink (g_ptr_array_index (backups, i));
}

/* Copies @db_path consistently with VACUUM INTO, on a connection of its
 * own so it can run in a worker thread while the app goes on writing. */
static gboolean
backup_file (const char  *db_path,
             char       **out_path,
             GError     **error)
{
  g_autofree char *dir = backup_dir_for (db_path);
  g_autofree char *prefix = backup_prefix_for (db_path);
  g_autofree char *path = NULL;
  g_autofree char *tmp = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int fd;
  int rc;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_FAILED,
                   _("Could not create the backup folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  path = g_strdup_printf ("%s%s%s%s.db", dir, G_DIR_SEPARATOR_S, prefix, stamp);
  tmp = g_strdup_printf ("%s%s.%s%s.db.tmp", dir, G_DIR_SEPARATOR_S, prefix, stamp);

  /* VACUUM INTO fills an empty file; creating it first makes it private.
   * The copy gets its name only when complete, replacing one from the
   * same second: the newest copy is the one that counts. */
  g_unlink (tmp);
  fd = g_open (tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_FAILED,
                   _("Could not create the backup %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 5000);
      rc = sqlite3_prepare_v2 (db, "VACUUM INTO ?1", -1, &stmt, NULL);
    }
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, tmp, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_FAILED,
                   _("Could not back up %s: %s"), db_path,
                   db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      g_unlink (tmp);
      return FALSE;
    }
  sqlite3_close (db);

  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_unlink (tmp);
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_FAILED,
                   _("Could not create the backup %s: %s"), path, g_strerror (saved));
      return FALSE;
    }

  rotate (db_path);

  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return TRUE;
}

/**
 * kl_store_backup:
 * @self: a #KlStore
 * @out_path: (out) (optional): where the backup was written
 * @error: return location for a #GError
 *
 * Writes a consistent copy of the database into `backups/` beside it and
 * keeps only the newest ten. Blocks: use kl_store_backup_async() from the
 * GUI.
 */
gboolean
kl_store_backup (KlStore     *self,
                 char       **out_path,
                 GError     **error)
{
  g_return_val_if_fail (KL_IS_STORE (self), FALSE);

  return backup_file (self->path, out_path, error);
}

static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  const char *db_path = task_data;
  g_autoptr(GError) error = NULL;
  char *path = NULL;

  if (backup_file (db_path, &path, &error))
    g_task_return_pointer (task, path, g_free);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * kl_store_backup_async:
 * @self: a #KlStore
 * @only_if_due: back up only if the newest backup is a day old or more
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Backs up the database in a worker thread on its own connection.
 */
void
kl_store_backup_async (KlStore             *self,
                       gboolean             only_if_due,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KL_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kl_store_backup_async);
  g_task_set_task_data (task, g_strdup (self->path), g_free);

  if (only_if_due && !kl_store_backup_is_due (self))
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  g_task_run_in_thread (task, backup_thread);
}

/**
 * kl_store_backup_finish:
 *
 * Returns: (transfer full) (nullable): the backup's path, or %NULL if none
 *   was due or on error (then @error is set)
 */
char *
kl_store_backup_finish (KlStore       *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * kl_store_backup_is_due:
 *
 * Returns: %TRUE if there is no backup from the last 24 hours
 */
gboolean
kl_store_backup_is_due (KlStore *self)
{
  g_autoptr(GPtrArray) backups = kl_store_list_backups (self);
  GStatBuf st;

  if (backups->len == 0)
    return TRUE;
  if (g_stat (g_ptr_array_index (backups, 0), &st) != 0)
    return TRUE;

  return g_get_real_time () - (gint64)st.st_mtime * G_USEC_PER_SEC >= BACKUP_INTERVAL;
}

static void
remove_with_companions (const char *path)
{
  static const char *companions[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *file = g_strconcat (path, companions[i], NULL);
      g_unlink (file);
    }
}

/* Copies @from to @to, readable only by the user, synced to disk. */
static gboolean
copy_private (const char  *from,
              const char  *to,
              GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;
  int fd;

  if (!g_file_get_contents (from, &contents, &length, error))
    return FALSE;

  remove_with_companions (to);
  fd = g_open (to, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0 || write (fd, contents, length) != (gssize)length || fsync (fd) != 0)
    {
      int saved = errno;
      if (fd >= 0)
        close (fd);
      g_unlink (to);
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_FAILED,
                   _("Could not write %s: %s"), to, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* Gives @source, a private copy, the page size of @target. */
static gboolean
same_page_size (KlStore  *source,
                KlStore  *target,
                GError  **error)
{
  gint64 size = _kl_store_query_int64 (target, "PRAGMA page_size", 0, NULL);
  g_autofree char *sql = NULL;

  if (size <= 0 || _kl_store_query_int64 (source, "PRAGMA page_size", 0, NULL) == size)
    return TRUE;

  /* A WAL database keeps its page size even through VACUUM. */
  sql = g_strdup_printf ("PRAGMA journal_mode = DELETE;"
                         "PRAGMA page_size = %" G_GINT64_FORMAT ";"
                         "VACUUM;"
                         "PRAGMA journal_mode = WAL;", size);
  return _kl_store_exec (source, sql, error);
}

/**
 * kl_store_restore_backup:
 * @self: a #KlStore
 * @backup_path: one of kl_store_list_backups()
 * @error: return location for a #GError
 *
 * Replaces the open database's content with the backup's, in one step on
 * the live connection, after backing up the current content. Every table
 * is announced as changed.
 */
gboolean
kl_store_restore_backup (KlStore     *self,
                         const char  *backup_path,
                         GError     **error)
{
  g_autoptr(KlStore) source = NULL;
  g_autofree char *work = g_strconcat (self->path, ".restoring", NULL);
  sqlite3_backup *copy;
  int rc;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (!g_file_test (backup_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND,
                   _("The backup %s does not exist"), backup_path);
      return FALSE;
    }

  /* Work on a private copy: the backup itself stays as it is, and an
   * older one is brought up to date in the copy. */
  if (!copy_private (backup_path, work, error))
    return FALSE;
  source = kl_store_open (work, error);
  if (source == NULL)
    {
      remove_with_companions (work);
      return FALSE;
    }

  /* SQLite copies into a database in WAL mode only between equal page
   * sizes; a backup from before 16 KiB pages is made over to the open
   * database's size first, in the private copy. */
  if (!same_page_size (source, self, error) ||
      !kl_store_backup (self, NULL, error))
    {
      g_clear_object (&source);
      remove_with_companions (work);
      return FALSE;
    }

  copy = sqlite3_backup_init (self->db, "main", source->db, "main");
  if (copy == NULL)
    rc = sqlite3_errcode (self->db);
  else
    {
      rc = sqlite3_backup_step (copy, -1);
      sqlite3_backup_finish (copy);
    }
  g_clear_object (&source);
  remove_with_companions (work);
  if (rc != SQLITE_DONE)
    return _kl_store_sqlite_error (self, rc, error);

  kl_store_notify_all_changed (self);
  return TRUE;
}

static gboolean
move_aside (const char  *path,
            const char  *suffix,
            GError     **error)
{
  static const char *companions[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *from = g_strconcat (path, companions[i], NULL);
      g_autofree char *to = g_strconcat (path, suffix, companions[i], NULL);

      if (!g_file_test (from, G_FILE_TEST_EXISTS))
        continue;
      if (g_rename (from, to) != 0)
        {
          int saved = errno;
          g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_FAILED,
                       _("Could not move %s aside: %s"), from, g_strerror (saved));
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * kl_store_set_aside:
 * @db_path: a database that could not be opened
 * @out_new_path: (out) (optional): where it was moved
 * @error: return location for a #GError
 *
 * Renames a damaged database (and its WAL files) to
 * `NAME.damaged-YYYYMMDD-HHMMSS`, keeping it, so a new database can be
 * created at @db_path.
 */
gboolean
kl_store_set_aside (const char  *db_path,
                    char       **out_new_path,
                    GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, ".damaged-%Y%m%d-%H%M%S");
  g_autofree char *suffix = g_strdup (stamp);
  g_autofree char *target = g_strconcat (db_path, suffix, NULL);

  /* Never replace a damaged file set aside before. */
  for (guint n = 2; g_file_test (target, G_FILE_TEST_EXISTS); n++)
    {
      g_free (suffix);
      g_free (target);
      suffix = g_strdup_printf ("%s-%u", stamp, n);
      target = g_strconcat (db_path, suffix, NULL);
    }

  if (!move_aside (db_path, suffix, error))
    return FALSE;

  if (out_new_path != NULL)
    *out_new_path = g_steal_pointer (&target);
  return TRUE;
}

/**
 * kl_store_restore_file:
 * @db_path: a database that could not be opened
 * @backup_path: a backup to put in its place
 * @error: return location for a #GError
 *
 * Sets the damaged database aside (see kl_store_set_aside()) and puts a
 * private copy of @backup_path in its place.
 */
gboolean
kl_store_restore_file (const char  *db_path,
                       const char  *backup_path,
                       GError     **error)
{
  g_autofree char *tmp = g_strconcat (db_path, ".restoring", NULL);

  if (!copy_private (backup_path, tmp, error))
    return FALSE;

  if (!kl_store_set_aside (db_path, NULL, error))
    {
      g_unlink (tmp);
      return FALSE;
    }

  if (g_rename (tmp, db_path) != 0)
    {
      int saved = errno;
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_FAILED,
                   _("Could not move %s into place: %s"), tmp, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
