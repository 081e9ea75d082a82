/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kl-store-watch.h"

/* The one way every view stays live: the store says a table changed,
 * the watch asks its owner to reload once for a burst of changes (in an
 * idle), and not at all while it is held. A view holds its watch while
 * nobody can see it; released, it reloads once if anything changed in
 * the meantime. The record lists use it unheld; the pages through
 * kl_live_watch(), which holds it while the page is unmapped. */
struct _KlStoreWatch
{
  GObject   parent_instance;

  KlStore  *store;
  GStrv     tables;
  int       priority;
  guint     source;
  gboolean  held;
  gboolean  dirty;   /* a reload is owed for when the watch is released */
};

G_DEFINE_FINAL_TYPE (KlStoreWatch, kl_store_watch, G_TYPE_OBJECT)

enum {
  RELOAD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
reload_idle (gpointer user_data)
{
  KlStoreWatch *self = user_data;

  self->source = 0;
  kl_store_watch_reload_now (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (KlStoreWatch *self,
                  const char   *table,
                  KlStore      *store)
{
  if (self->tables != NULL && !g_strv_contains ((const char * const *)self->tables, table))
    return;

  kl_store_watch_queue (self);
}

static void
kl_store_watch_dispose (GObject *object)
{
  KlStoreWatch *self = (KlStoreWatch *)object;

  g_clear_handle_id (&self->source, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kl_store_watch_parent_class)->dispose (object);
}

static void
kl_store_watch_finalize (GObject *object)
{
  KlStoreWatch *self = (KlStoreWatch *)object;

  g_clear_pointer (&self->tables, g_strfreev);

  G_OBJECT_CLASS (kl_store_watch_parent_class)->finalize (object);
}

static void
kl_store_watch_class_init (KlStoreWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kl_store_watch_dispose;
  object_class->finalize = kl_store_watch_finalize;

  /**
   * KlStoreWatch::reload:
   *
   * Emitted once for a burst of changes to the watched tables, or by
   * kl_store_watch_reload_now(); never while the watch is held.
   */
  signals[RELOAD] =
    g_signal_new ("reload",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
kl_store_watch_init (KlStoreWatch *self)
{
}

/**
 * kl_store_watch_new:
 * @store: the store to follow
 * @tables: (nullable): the tables whose changes count; %NULL for all
 * @priority: the priority of the idle that reloads, such as
 *   %G_PRIORITY_HIGH_IDLE for lists or %G_PRIORITY_LOW for figures
 *
 * Returns: (transfer full): a new, unheld watch
 */
KlStoreWatch *
kl_store_watch_new (KlStore            *store,
                    const char * const *tables,
                    int                 priority)
{
  KlStoreWatch *self;

  g_return_val_if_fail (KL_IS_STORE (store), NULL);

  self = g_object_new (KL_TYPE_STORE_WATCH, NULL);
  self->store = g_object_ref (store);
  self->tables = tables != NULL ? g_strdupv ((char **)tables) : NULL;
  self->priority = priority;
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);

  return self;
}

/**
 * kl_store_watch_queue:
 *
 * Asks for a reload: in an idle if the watch is free, several requests
 * in a row giving one; when it is released if it is held.
 */
void
kl_store_watch_queue (KlStoreWatch *self)
{
  g_return_if_fail (KL_IS_STORE_WATCH (self));

  if (self->held)
    self->dirty = TRUE;
  else if (self->source == 0)
    self->source = g_idle_add_full (self->priority, reload_idle, self, NULL);
}

/**
 * kl_store_watch_reload_now:
 *
 * Reloads at once, dropping a queued reload; if the watch is held, the
 * reload waits until it is released.
 */
void
kl_store_watch_reload_now (KlStoreWatch *self)
{
  g_return_if_fail (KL_IS_STORE_WATCH (self));

  g_clear_handle_id (&self->source, g_source_remove);
  if (self->held)
    {
      self->dirty = TRUE;
      return;
    }

  self->dirty = FALSE;
  g_signal_emit (self, signals[RELOAD], 0);
}

/**
 * kl_store_watch_set_held:
 * @held: whether reloads wait
 *
 * A held watch remembers that something changed; released, it reloads
 * once if anything did.
 */
void
kl_store_watch_set_held (KlStoreWatch *self,
                         gboolean      held)
{
  g_return_if_fail (KL_IS_STORE_WATCH (self));

  held = !!held;
  if (self->held == held)
    return;
  self->held = held;
  if (held && self->source != 0)
    {
      g_clear_handle_id (&self->source, g_source_remove);
      self->dirty = TRUE;
    }
  else if (!held && self->dirty)
    kl_store_watch_queue (self);
}

/**
 * kl_store_watch_cancel:
 *
 * Forgets a queued or owed reload: for an owner that has just loaded by
 * other means.
 */
void
kl_store_watch_cancel (KlStoreWatch *self)
{
  g_return_if_fail (KL_IS_STORE_WATCH (self));

  g_clear_handle_id (&self->source, g_source_remove);
  self->dirty = FALSE;
}

gboolean
kl_store_watch_get_held (KlStoreWatch *self)
{
  g_return_val_if_fail (KL_IS_STORE_WATCH (self), FALSE);

  return self->held;
}

/**
 * kl_store_watch_get_pending:
 *
 * Returns: whether a reload is queued and not yet run
 */
gboolean
kl_store_watch_get_pending (KlStoreWatch *self)
{
  g_return_val_if_fail (KL_IS_STORE_WATCH (self), FALSE);

  return self->source != 0;
}
