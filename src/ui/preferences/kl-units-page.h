/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_UNITS_PAGE (kl_units_page_get_type ())
G_DECLARE_FINAL_TYPE (KlUnitsPage, kl_units_page, KL, UNITS_PAGE, AdwPreferencesPage)

KlUnitsPage *kl_units_page_new (KlStore *store);

G_END_DECLS
