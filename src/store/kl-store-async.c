/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The matrix and the Overview loaded in a worker thread, on the store's
 * reading connection: GTask pairs around kl_store_load_matrix() and
 * kl_store_load_overview(). */
#include "config.h"

#include <gio/gio.h>

#include "kl-store-aggregates.h"
#include "kl-store-private.h"

typedef struct
{
  KlMatrixKind      kind;
  gint64            unit_id;
  char             *job_title;
  char             *today;
  int               year;
} LoadJob;

static void
load_job_free (gpointer data)
{
  LoadJob *job = data;

  g_free (job->job_title);
  g_free (job->today);
  g_free (job);
}

static LoadJob *
load_job_new (KlMatrixKind            kind,
              const KlAggregateQuery *query)
{
  LoadJob *job = g_new0 (LoadJob, 1);

  job->kind = kind;
  if (query != NULL)
    {
      job->unit_id = query->unit_id;
      job->job_title = g_strdup (query->job_title);
      job->today = g_strdup (query->today);
      job->year = query->year;
    }
  return job;
}

static void
load_job_query (LoadJob          *job,
                KlAggregateQuery *query)
{
  query->unit_id = job->unit_id;
  query->job_title = job->job_title;
  query->today = job->today;
  query->year = job->year;
}

static void
load_matrix_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  KlStore *store = KL_STORE (source_object);
  KlStore *connection;
  g_autoptr(GError) error = NULL;
  KlAggregateQuery query;
  KlMatrix *matrix = NULL;

  load_job_query (task_data, &query);
  connection = _kl_store_acquire_reader (store, &error);
  if (connection != NULL)
    {
      if (!g_cancellable_set_error_if_cancelled (cancellable, &error))
        matrix = kl_store_load_matrix (connection, ((LoadJob *)task_data)->kind, &query, &error);
      _kl_store_release_reader (store, connection);
    }
  if (matrix == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, matrix, (GDestroyNotify)kl_matrix_unref);
}

/**
 * kl_store_load_matrix_async:
 *
 * Loads the matrix as kl_store_load_matrix() does, in a worker thread on
 * the store's reading connection: with thousands of staff it takes longer
 * than a frame.
 */
void
kl_store_load_matrix_async (KlStore                 *self,
                            KlMatrixKind             kind,
                            const KlAggregateQuery  *query,
                            GCancellable            *cancellable,
                            GAsyncReadyCallback      callback,
                            gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KL_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kl_store_load_matrix_async);
  g_task_set_task_data (task, load_job_new (kind, query), load_job_free);
  g_task_run_in_thread (task, load_matrix_thread);
}

/**
 * kl_store_load_matrix_finish:
 *
 * Returns: (transfer full): the matrix, or %NULL with @error set
 */
KlMatrix *
kl_store_load_matrix_finish (KlStore       *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
load_overview_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  KlStore *store = KL_STORE (source_object);
  KlStore *connection;
  g_autoptr(GError) error = NULL;
  KlAggregateQuery query;
  KlOverview *overview = NULL;

  load_job_query (task_data, &query);
  connection = _kl_store_acquire_reader (store, &error);
  if (connection != NULL)
    {
      if (!g_cancellable_set_error_if_cancelled (cancellable, &error))
        overview = kl_store_load_overview (connection, &query, &error);
      _kl_store_release_reader (store, connection);
    }
  if (overview == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, overview, (GDestroyNotify)kl_overview_free);
}

/**
 * kl_store_load_overview_async:
 *
 * Loads the Overview's figures as kl_store_load_overview() does, in a
 * worker thread on a connection of its own.
 */
void
kl_store_load_overview_async (KlStore                 *self,
                              const KlAggregateQuery  *query,
                              GCancellable            *cancellable,
                              GAsyncReadyCallback      callback,
                              gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KL_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kl_store_load_overview_async);
  g_task_set_task_data (task, load_job_new (KL_MATRIX_STAFF, query), load_job_free);
  g_task_run_in_thread (task, load_overview_thread);
}

/**
 * kl_store_load_overview_finish:
 *
 * Returns: (transfer full): the figures, or %NULL with @error set
 */
KlOverview *
kl_store_load_overview_finish (KlStore       *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
