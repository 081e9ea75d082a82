/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kl-store-aggregates.h"

G_BEGIN_DECLS

#define KL_TYPE_OVERVIEW_TRAINING_CARD (kl_overview_training_card_get_type ())
G_DECLARE_FINAL_TYPE (KlOverviewTrainingCard, kl_overview_training_card, KL, OVERVIEW_TRAINING_CARD, GtkBox)

void kl_overview_training_card_set_overview (KlOverviewTrainingCard *self,
                                             KlOverview             *overview);

G_END_DECLS
