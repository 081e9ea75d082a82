/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kl-action-lookup.h"
#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_PRINCIPLES_VIEW (kl_principles_view_get_type ())
G_DECLARE_FINAL_TYPE (KlPrinciplesView, kl_principles_view, KL, PRINCIPLES_VIEW, AdwBin)

void    kl_principles_view_set_store      (KlPrinciplesView *self,
                                           KlStore          *store,
                                           KlActionLookup   *lookup);
void    kl_principles_view_set_units      (KlPrinciplesView *self,
                                           GPtrArray        *units);
void    kl_principles_view_reload         (KlPrinciplesView *self,
                                           const char       *today);
void    kl_principles_view_show_principle (KlPrinciplesView *self,
                                           gint64            principle_id);
gint64  kl_principles_view_get_shown      (KlPrinciplesView *self);
void    kl_principles_view_set_unit       (KlPrinciplesView *self,
                                           gint64            unit_id);
gint64  kl_principles_view_get_unit       (KlPrinciplesView *self);
void    kl_principles_view_navigate_back  (KlPrinciplesView *self);

G_END_DECLS
