/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store's error domain, and how SQLite's errors become its errors. */
#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "kl-store-private.h"

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

gboolean
_kl_set_sqlite_error (GError      **error,
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
      return _kl_set_sqlite_error (error, self->db, rc, self->path);
    }
}
