/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kl-section-page.h"

#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_STAFF_PAGE (kl_staff_page_get_type ())
G_DECLARE_FINAL_TYPE (KlStaffPage, kl_staff_page, KL, STAFF_PAGE, KlSectionPage)

void        kl_staff_page_set_store     (KlStaffPage *self,
                                         KlStore     *store);
GListModel *kl_staff_page_get_model     (KlStaffPage *self);
void        kl_staff_page_show_staff    (KlStaffPage *self,
                                         gint64       staff_id);
gint64      kl_staff_page_get_shown     (KlStaffPage *self);
void        kl_staff_page_set_search    (KlStaffPage *self,
                                         const char  *text);
void        kl_staff_page_set_unit      (KlStaffPage *self,
                                         gint64       unit_id);

G_END_DECLS
