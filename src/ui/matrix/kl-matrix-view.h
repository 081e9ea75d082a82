/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kl-store-aggregates.h"

G_BEGIN_DECLS

#define KL_TYPE_MATRIX_VIEW (kl_matrix_view_get_type ())
G_DECLARE_FINAL_TYPE (KlMatrixView, kl_matrix_view, KL, MATRIX_VIEW, GtkWidget)

GtkWidget  *kl_matrix_view_new              (void);
void        kl_matrix_view_set_matrix       (KlMatrixView *self,
                                             KlMatrix     *matrix);
KlMatrix   *kl_matrix_view_get_matrix       (KlMatrixView *self);
void        kl_matrix_view_set_sort_theme   (KlMatrixView *self,
                                             gint64        theme_id);
gint64      kl_matrix_view_get_sort_theme   (KlMatrixView *self);
guint       kl_matrix_view_get_n_rows       (KlMatrixView *self);
const KlMatrixRow *kl_matrix_view_get_row   (KlMatrixView *self,
                                             guint         position);
KlMatrixCell *kl_matrix_view_get_cell       (KlMatrixView *self,
                                             guint         position,
                                             guint         column);
char       *kl_matrix_view_describe_cell    (KlMatrixView *self,
                                             guint         position,
                                             guint         column);
char       *kl_matrix_view_describe         (KlMatrixView *self);
char       *kl_matrix_view_to_text          (KlMatrixView *self);
void        kl_matrix_view_activate_cell    (KlMatrixView *self,
                                             guint         position,
                                             int           column);

G_END_DECLS
