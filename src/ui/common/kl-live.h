/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kl-store-watch.h"

G_BEGIN_DECLS

KlStoreWatch *kl_live_watch (GtkWidget          *widget,
                             KlStore            *store,
                             const char * const *tables,
                             int                 priority,
                             GCallback           reload);

G_END_DECLS
