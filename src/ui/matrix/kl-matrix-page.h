/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kl-section-page.h"

#include "kl-matrix-view.h"
#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_MATRIX_PAGE (kl_matrix_page_get_type ())
G_DECLARE_FINAL_TYPE (KlMatrixPage, kl_matrix_page, KL, MATRIX_PAGE, KlSectionPage)

void          kl_matrix_page_set_store      (KlMatrixPage *self,
                                             KlStore      *store);
void          kl_matrix_page_set_unit       (KlMatrixPage *self,
                                             gint64        unit_id);
void          kl_matrix_page_set_job_title  (KlMatrixPage *self,
                                             const char   *job_title);
void          kl_matrix_page_show_theme     (KlMatrixPage *self,
                                             gint64        unit_id,
                                             gint64        theme_id);
gboolean      kl_matrix_page_get_loading    (KlMatrixPage *self);
KlMatrixView *kl_matrix_page_get_staff_view (KlMatrixPage *self);
KlMatrixView *kl_matrix_page_get_unit_view  (KlMatrixPage *self);

G_END_DECLS
