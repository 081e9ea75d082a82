/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KL_TYPE_CHART_LEVELS (kl_chart_levels_get_type ())
G_DECLARE_FINAL_TYPE (KlChartLevels, kl_chart_levels, KL, CHART_LEVELS, GtkWidget)

GtkWidget *kl_chart_levels_new        (void);
void       kl_chart_levels_set_counts (KlChartLevels *self,
                                       const guint    levels[5],
                                       guint          not_assessed);
char      *kl_chart_levels_describe   (KlChartLevels *self);

G_END_DECLS
