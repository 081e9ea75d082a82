/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KL_TYPE_MATRIX_PAGE (kl_matrix_page_get_type ())
G_DECLARE_FINAL_TYPE (KlMatrixPage, kl_matrix_page, KL, MATRIX_PAGE, AdwBin)

G_END_DECLS
