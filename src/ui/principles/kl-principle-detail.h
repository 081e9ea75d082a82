/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kl-action-row.h"
#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_PRINCIPLE_DETAIL (kl_principle_detail_get_type ())
G_DECLARE_FINAL_TYPE (KlPrincipleDetail, kl_principle_detail, KL, PRINCIPLE_DETAIL, AdwBin)

void kl_principle_detail_show (KlPrincipleDetail *self,
                               KlStore           *store,
                               KlActionLookup    *lookup,
                               gint64             principle_id,
                               gint64             unit_id,
                               const char        *today);

G_END_DECLS
