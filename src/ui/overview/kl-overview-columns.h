/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KL_TYPE_OVERVIEW_COLUMNS (kl_overview_columns_get_type ())
G_DECLARE_FINAL_TYPE (KlOverviewColumns, kl_overview_columns, KL, OVERVIEW_COLUMNS, GtkWidget)

GtkWidget *kl_overview_columns_new    (void);
void       kl_overview_columns_append (KlOverviewColumns *self,
                                       GtkWidget         *child);

G_END_DECLS
