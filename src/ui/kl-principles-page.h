/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KL_TYPE_PRINCIPLES_PAGE (kl_principles_page_get_type ())
G_DECLARE_FINAL_TYPE (KlPrinciplesPage, kl_principles_page, KL, PRINCIPLES_PAGE, AdwBin)

G_END_DECLS
