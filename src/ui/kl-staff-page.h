/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KL_TYPE_STAFF_PAGE (kl_staff_page_get_type ())
G_DECLARE_FINAL_TYPE (KlStaffPage, kl_staff_page, KL, STAFF_PAGE, AdwBin)

G_END_DECLS
