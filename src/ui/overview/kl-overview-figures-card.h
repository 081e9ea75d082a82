/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kl-store-aggregates.h"

G_BEGIN_DECLS

#define KL_TYPE_OVERVIEW_FIGURES_CARD (kl_overview_figures_card_get_type ())
G_DECLARE_FINAL_TYPE (KlOverviewFiguresCard, kl_overview_figures_card, KL, OVERVIEW_FIGURES_CARD, GtkBox)

void kl_overview_figures_card_set_overview (KlOverviewFiguresCard *self,
                                            KlOverview            *overview);

G_END_DECLS
