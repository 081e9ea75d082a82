/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KL_TYPE_MATRIX_LEGEND (kl_matrix_legend_get_type ())
G_DECLARE_FINAL_TYPE (KlMatrixLegend, kl_matrix_legend, KL, MATRIX_LEGEND, GtkWidget)

GtkWidget *kl_matrix_legend_new       (void);
void       kl_matrix_legend_set_units (KlMatrixLegend *self,
                                       gboolean        units);

G_END_DECLS
