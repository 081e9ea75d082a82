/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KL_TYPE_CHART_MONTHS (kl_chart_months_get_type ())
G_DECLARE_FINAL_TYPE (KlChartMonths, kl_chart_months, KL, CHART_MONTHS, GtkWidget)

GtkWidget *kl_chart_months_new      (void);
void       kl_chart_months_set_data (KlChartMonths *self,
                                     int            year,
                                     const double   completed[12],
                                     const double   planned[12],
                                     int            current_month);
char      *kl_chart_months_describe (KlChartMonths *self);

G_END_DECLS
