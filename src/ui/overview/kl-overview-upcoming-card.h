/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kl-store-aggregates.h"

G_BEGIN_DECLS

#define KL_TYPE_OVERVIEW_UPCOMING_CARD (kl_overview_upcoming_card_get_type ())
G_DECLARE_FINAL_TYPE (KlOverviewUpcomingCard, kl_overview_upcoming_card, KL, OVERVIEW_UPCOMING_CARD, GtkBox)

void kl_overview_upcoming_card_set_overview (KlOverviewUpcomingCard *self,
                                             KlOverview             *overview);

G_END_DECLS
