/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kl-store-aggregates.h"

G_BEGIN_DECLS

#define KL_TYPE_OVERVIEW_PRINCIPLES_CARD (kl_overview_principles_card_get_type ())
G_DECLARE_FINAL_TYPE (KlOverviewPrinciplesCard, kl_overview_principles_card, KL, OVERVIEW_PRINCIPLES_CARD, GtkBox)

void kl_overview_principles_card_set_overview (KlOverviewPrinciplesCard *self,
                                               KlOverview               *overview);

G_END_DECLS
