/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kl-store-aggregates.h"

G_BEGIN_DECLS

#define KL_TYPE_OVERVIEW_THEMES_CARD (kl_overview_themes_card_get_type ())
G_DECLARE_FINAL_TYPE (KlOverviewThemesCard, kl_overview_themes_card, KL, OVERVIEW_THEMES_CARD, GtkBox)

void kl_overview_themes_card_set_overview (KlOverviewThemesCard *self,
                                           KlOverview           *overview);

G_END_DECLS
