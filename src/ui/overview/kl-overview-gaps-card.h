/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kl-store-aggregates.h"

G_BEGIN_DECLS

#define KL_TYPE_OVERVIEW_GAPS_CARD (kl_overview_gaps_card_get_type ())
G_DECLARE_FINAL_TYPE (KlOverviewGapsCard, kl_overview_gaps_card, KL, OVERVIEW_GAPS_CARD, GtkBox)

void kl_overview_gaps_card_set_overview (KlOverviewGapsCard *self,
                                         KlOverview         *overview);

G_END_DECLS
