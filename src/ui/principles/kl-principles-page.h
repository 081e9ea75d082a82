/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kl-section-page.h"
#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_PRINCIPLES_PAGE (kl_principles_page_get_type ())
G_DECLARE_FINAL_TYPE (KlPrinciplesPage, kl_principles_page, KL, PRINCIPLES_PAGE, KlSectionPage)

void        kl_principles_page_set_store          (KlPrinciplesPage *self,
                                                   KlStore          *store);
void        kl_principles_page_show_principle     (KlPrinciplesPage *self,
                                                   gint64            principle_id);
gint64      kl_principles_page_get_shown          (KlPrinciplesPage *self);
void        kl_principles_page_set_unit           (KlPrinciplesPage *self,
                                                   gint64            unit_id);
void        kl_principles_page_set_view           (KlPrinciplesPage *self,
                                                   const char       *view);
const char *kl_principles_page_get_view           (KlPrinciplesPage *self);
GListModel *kl_principles_page_get_actions_model  (KlPrinciplesPage *self);
void        kl_principles_page_set_today          (KlPrinciplesPage *self,
                                                   const char       *today);

G_END_DECLS
