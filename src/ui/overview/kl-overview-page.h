/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kl-section-page.h"
#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_OVERVIEW_PAGE (kl_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (KlOverviewPage, kl_overview_page, KL, OVERVIEW_PAGE, KlSectionPage)

void      kl_overview_page_set_store   (KlOverviewPage *self,
                                        KlStore        *store);
void      kl_overview_page_set_unit    (KlOverviewPage *self,
                                        gint64          unit_id);
void      kl_overview_page_set_year    (KlOverviewPage *self,
                                        int             year);
void      kl_overview_page_set_today   (KlOverviewPage *self,
                                        const char     *today);
gboolean  kl_overview_page_get_loading (KlOverviewPage *self);

G_END_DECLS
