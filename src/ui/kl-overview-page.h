/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KL_TYPE_OVERVIEW_PAGE (kl_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (KlOverviewPage, kl_overview_page, KL, OVERVIEW_PAGE, AdwBin)

G_END_DECLS
