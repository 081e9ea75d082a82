/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_STORE_WATCH (kl_store_watch_get_type ())
G_DECLARE_FINAL_TYPE (KlStoreWatch, kl_store_watch, KL, STORE_WATCH, GObject)

KlStoreWatch *kl_store_watch_new         (KlStore            *store,
                                          const char * const *tables,
                                          int                 priority);
void          kl_store_watch_queue       (KlStoreWatch       *self);
void          kl_store_watch_reload_now  (KlStoreWatch       *self);
void          kl_store_watch_cancel      (KlStoreWatch       *self);
void          kl_store_watch_set_held    (KlStoreWatch       *self,
                                          gboolean            held);
gboolean      kl_store_watch_get_held    (KlStoreWatch       *self);
gboolean      kl_store_watch_get_pending (KlStoreWatch       *self);

G_END_DECLS
