/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kl-action-lookup.h"
#include "kl-store.h"

G_BEGIN_DECLS

GtkWidget      *kl_action_row_new           (KlStore         *store,
                                             KlAction        *action,
                                             KlActionLookup  *lookup,
                                             const char      *today,
                                             gboolean         show_principle);

G_END_DECLS
