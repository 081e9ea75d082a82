/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "kl-store.h"

G_BEGIN_DECLS

/* Limits on free text, so a pasted document cannot bloat the database. */
#define KL_NAME_MAX 200
#define KL_TEXT_MAX 10000

/* The page size of a new database; see kl_store_open(). */
#define KL_STORE_PAGE_SIZE 16384

struct _KlStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
  guint       depth;        /* nesting of transactions and savepoints */
  GPtrArray  *pending;      /* tables changed inside the transaction */

  GMutex      reader_lock;  /* held while a thread reads through reader */
  KlStore    *reader;       /* see _kl_store_acquire_reader() */
  gboolean    is_reader;    /* this is another store's reader */

  gboolean    bulk;         /* see kl_store_begin_bulk_transaction() */
  guint       bulk_depth;   /* its depth */
  GPtrArray  *deferred;     /* SQL the bulk transaction runs before its commit */

  gint64      now_seconds;  /* see _kl_store_now() */
  char        now_text[32];
};

/* kl-store-error.c */
gboolean      _kl_set_sqlite_error       (GError       **error,
                                          sqlite3       *db,
                                          int            rc,
                                          const char    *path);

/* kl-store-schema.c */
extern const char _kl_store_fill_current_assessment[];
gboolean      _kl_store_migrate          (KlStore       *self,
                                          int            version,
                                          GError       **error);

/* kl-store-sql.c */
gboolean      _kl_store_table_has_rows   (KlStore       *self,
                                          const char    *table);

KlStore      *_kl_store_acquire_reader   (KlStore       *self,
                                          GError       **error);
void          _kl_store_release_reader   (KlStore       *self,
                                          KlStore       *reader);
sqlite3_stmt *_kl_store_prepare          (KlStore       *self,
                                          const char    *sql,
                                          GError       **error);
gboolean      _kl_store_sqlite_error     (KlStore       *self,
                                          int            rc,
                                          GError       **error);
gboolean      _kl_store_exec             (KlStore       *self,
                                          const char    *sql,
                                          GError       **error);
gboolean      _kl_store_step_done        (KlStore       *self,
                                          sqlite3_stmt  *stmt,
                                          GError       **error);
gboolean      _kl_store_begin            (KlStore       *self,
                                          GError       **error);
gboolean      _kl_store_commit           (KlStore       *self,
                                          GError       **error);
void          _kl_store_rollback         (KlStore       *self);
GPtrArray    *_kl_store_list             (KlStore       *self,
                                          const char    *sql,
                                          gpointer     (*read) (sqlite3_stmt *stmt),
                                          const gint64  *args,
                                          guint          n_args,
                                          GError       **error);
gboolean      _kl_store_delete_row       (KlStore       *self,
                                          const char    *table,
                                          gint64         id,
                                          GError       **error);
void          _kl_store_emit_changed     (KlStore       *self,
                                          const char    *table);
const char   *_kl_store_now              (KlStore       *self);
char         *_kl_store_new_uuid         (void);
gint64        _kl_store_query_int64      (KlStore       *self,
                                          const char    *sql,
                                          gint64         arg,
                                          GError       **error);
gint64        _kl_store_id_for_uuid      (KlStore       *self,
                                          const char    *table,
                                          const char    *uuid);

void          _kl_bind_text_or_null      (sqlite3_stmt  *stmt,
                                          int            index,
                                          const char    *text);
void          _kl_bind_id_or_null        (sqlite3_stmt  *stmt,
                                          int            index,
                                          gint64         id);
const char   *_kl_column_text            (sqlite3_stmt  *stmt,
                                          int            column);

/* Validation: each sets KL_STORE_ERROR_INVALID naming @field. */
gboolean      _kl_set_invalid            (GError       **error,
                                          const char    *field,
                                          const char    *format,
                                          ...) G_GNUC_PRINTF (3, 4);
/* The checks: @field names the field for the caller; @label is what a
 * message calls it, given untranslated with N_() and translated only when
 * there is a message to write, since every record saved runs them. */
gboolean      _kl_check_name             (const char    *value,
                                          const char    *field,
                                          const char    *label,
                                          GError       **error);
gboolean      _kl_check_text             (const char    *value,
                                          const char    *field,
                                          const char    *label,
                                          GError       **error);
gboolean      _kl_check_date             (const char    *value,
                                          gboolean       required,
                                          const char    *field,
                                          const char    *label,
                                          GError       **error);
gboolean      _kl_check_range            (int            value,
                                          int            min,
                                          int            max,
                                          const char    *field,
                                          const char    *label,
                                          GError       **error);
gboolean      _kl_check_reference        (KlStore       *self,
                                          const char    *table,
                                          gint64         id,
                                          const char    *field,
                                          const char    *label,
                                          GError       **error);
gboolean      _kl_check_email            (const char    *value,
                                          GError       **error);

gboolean      _kl_store_fill_free_seats  (KlStore       *self,
                                          gint64         course_id,
                                          GArray        *promoted,
                                          GError       **error);

gboolean      _kl_store_foreach_row      (KlStore             *self,
                                          const char          *sql,
                                          gint64               only_id,
                                          gpointer           (*read) (sqlite3_stmt *stmt),
                                          KlStoreForeachFunc   func,
                                          gpointer             data,
                                          GError             **error);
gboolean      _kl_store_foreach_staff_table      (KlStore *self, GType type, gint64 only_id,
                                                  KlStoreForeachFunc func,
                                                  gpointer data, GError **error);
gboolean      _kl_store_foreach_competence_table (KlStore *self, GType type, gint64 only_id,
                                                  KlStoreForeachFunc func,
                                                  gpointer data, GError **error);
gboolean      _kl_store_foreach_course_table     (KlStore *self, GType type, gint64 only_id,
                                                  KlStoreForeachFunc func,
                                                  gpointer data, GError **error);
gboolean      _kl_store_foreach_principle_table  (KlStore *self, GType type, gint64 only_id,
                                                  KlStoreForeachFunc func,
                                                  gpointer data, GError **error);

/* Shared by the record readers. */
void          _kl_store_read_record_base (KlRecord      *record,
                                          sqlite3_stmt  *stmt,
                                          int            first_column);
gboolean      _kl_store_insert_or_update (KlStore       *self,
                                          KlRecord      *record,
                                          const char    *insert_sql,
                                          const char    *update_sql,
                                          void         (*bind) (sqlite3_stmt *stmt, gpointer record),
                                          const char    *table,
                                          GError       **error);

G_END_DECLS
