/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kl-store-aggregates.h"

G_BEGIN_DECLS

#define KL_TYPE_OVERVIEW_OVERDUE_CARD (kl_overview_overdue_card_get_type ())
G_DECLARE_FINAL_TYPE (KlOverviewOverdueCard, kl_overview_overdue_card, KL, OVERVIEW_OVERDUE_CARD, GtkBox)

void kl_overview_overdue_card_set_overview (KlOverviewOverdueCard *self,
                                            KlOverview            *overview);

G_END_DECLS
