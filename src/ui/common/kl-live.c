/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kl-live.h"

/* How a page stays live: a KlStoreWatch on its store, held while the
 * page is unmapped, so a burst of changes reloads the page once, and a
 * page nobody sees reloads only when it is shown again. */

static void
on_map (KlStoreWatch *watch)
{
  kl_store_watch_set_held (watch, FALSE);
}

static void
on_unmap (KlStoreWatch *watch)
{
  kl_store_watch_set_held (watch, TRUE);
}

/**
 * kl_live_watch:
 * @widget: the page
 * @store: its store
 * @tables: (nullable): the tables the page shows; %NULL for all
 * @priority: the priority of the idle that reloads
 * @reload: called as `void reload (GtkWidget *widget)`, once per burst
 *   of changes and only while @widget is mapped
 *
 * Call kl_store_watch_reload_now() on the watch to load at once (or, if
 * the page is hidden, when it is next shown).
 *
 * Returns: (transfer full): the watch; the page keeps it and drops it
 *   when it drops the store
 */
KlStoreWatch *
kl_live_watch (GtkWidget          *widget,
               KlStore            *store,
               const char * const *tables,
               int                 priority,
               GCallback           reload)
{
  KlStoreWatch *watch;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (KL_IS_STORE (store), NULL);
  g_return_val_if_fail (reload != NULL, NULL);

  watch = kl_store_watch_new (store, tables, priority);
  kl_store_watch_set_held (watch, !gtk_widget_get_mapped (widget));
  g_signal_connect_object (widget, "map", G_CALLBACK (on_map), watch, G_CONNECT_SWAPPED);
  g_signal_connect_object (widget, "unmap", G_CALLBACK (on_unmap), watch, G_CONNECT_SWAPPED);
  g_signal_connect_object (watch, "reload", reload, widget, G_CONNECT_SWAPPED);

  return watch;
}
