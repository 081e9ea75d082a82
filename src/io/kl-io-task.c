/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kl-io-task.h"
#include "kl-pdf.h"
#include "kl-xlsx.h"

/* Exports and imports run in a worker thread, each on a database
 * connection of its own, so the window stays responsive. */

KlExportOptions *
kl_export_options_copy (const KlExportOptions *options)
{
  KlExportOptions *copy = g_new0 (KlExportOptions, 1);

  *copy = *options;
  copy->filter.from = g_strdup (options->filter.from);
  copy->filter.to = g_strdup (options->filter.to);
  copy->path = g_strdup (options->path);
  return copy;
}

void
kl_export_options_free (KlExportOptions *options)
{
  if (options == NULL)
    return;
  g_free (options->filter.from);
  g_free (options->filter.to);
  g_free (options->path);
  g_free (options);
}

const char *
kl_export_format_suffix (KlExportFormat format)
{
  switch (format)
    {
    case KL_EXPORT_XLSX:
      return ".xlsx";
    case KL_EXPORT_CSV:
      return ".csv";
    case KL_EXPORT_PDF:
      return ".pdf";
    case KL_EXPORT_JSON:
      return ".json";
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * kl_export_run:
 *
 * Writes one export as @options say, on @store's connection.
 */
gboolean
kl_export_run (KlStore                *store,
               const KlExportOptions  *options,
               GCancellable           *cancellable,
               GError                **error)
{
  switch (options->format)
    {
    case KL_EXPORT_XLSX:
      return kl_xlsx_export_file (store, &options->filter, options->path, cancellable, error);
    case KL_EXPORT_CSV:
      return kl_csv_export_file (store, options->report, &options->filter, options->csv_style,
                                 options->path, cancellable, error);
    case KL_EXPORT_PDF:
      return kl_pdf_export_file (store, &options->filter, options->path, cancellable, error);
    case KL_EXPORT_JSON:
      return kl_json_export_file (store, options->path, cancellable, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_autoptr(KlStore) connection = NULL;
  g_autoptr(GError) error = NULL;

  connection = kl_store_clone (KL_STORE (source_object), &error);
  if (connection == NULL || !kl_export_run (connection, task_data, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
kl_export_async (KlStore                *store,
                 const KlExportOptions  *options,
                 GCancellable           *cancellable,
                 GAsyncReadyCallback     callback,
                 gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KL_IS_STORE (store));
  g_return_if_fail (options != NULL && options->path != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, kl_export_async);
  g_task_set_task_data (task, kl_export_options_copy (options), (GDestroyNotify)kl_export_options_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
kl_export_finish (KlStore       *store,
                  GAsyncResult  *result,
                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  char            *path;
  gboolean         dry_run;
  KlImportSummary  summary;
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_free (job->path);
  g_free (job);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(KlStore) connection = NULL;
  g_autoptr(GError) error = NULL;

  connection = kl_store_clone (KL_STORE (source_object), &error);
  if (connection == NULL ||
      !kl_json_import_file (connection, job->path, job->dry_run, &job->summary, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * kl_import_async:
 * @dry_run: only check the file and count what would change
 *
 * Imports an exchange file in a worker thread. When it has written
 * anything, @store announces every table as changed so open views reload.
 */
void
kl_import_async (KlStore             *store,
                 const char          *path,
                 gboolean             dry_run,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  g_return_if_fail (KL_IS_STORE (store));
  g_return_if_fail (path != NULL);

  job = g_new0 (ImportJob, 1);
  job->path = g_strdup (path);
  job->dry_run = dry_run;

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, kl_import_async);
  g_task_set_task_data (task, job, import_job_free);
  g_task_run_in_thread (task, import_thread);
}

gboolean
kl_import_finish (KlStore          *store,
                  GAsyncResult     *result,
                  KlImportSummary  *summary,
                  GError          **error)
{
  ImportJob *job;

  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  job = g_task_get_task_data (G_TASK (result));
  if (summary != NULL)
    *summary = job->summary;
  if (!job->dry_run)
    kl_store_notify_all_changed (store);
  return TRUE;
}
