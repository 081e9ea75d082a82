/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kl-action-lookup.h"
#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_ACTIONS_VIEW (kl_actions_view_get_type ())
G_DECLARE_FINAL_TYPE (KlActionsView, kl_actions_view, KL, ACTIONS_VIEW, AdwBin)

void        kl_actions_view_set_store     (KlActionsView  *self,
                                           KlStore        *store,
                                           KlActionLookup *lookup);
void        kl_actions_view_set_units     (KlActionsView  *self,
                                           GPtrArray      *units);
void        kl_actions_view_reload        (KlActionsView  *self,
                                           const char     *today);
void        kl_actions_view_set_stale     (KlActionsView  *self,
                                           const char     *today);
void        kl_actions_view_load_if_stale (KlActionsView  *self);
gint64      kl_actions_view_get_unit      (KlActionsView  *self);
GListModel *kl_actions_view_get_model     (KlActionsView  *self);

G_END_DECLS
