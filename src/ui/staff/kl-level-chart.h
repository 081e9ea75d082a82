/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KL_TYPE_LEVEL_CHART (kl_level_chart_get_type ())
G_DECLARE_FINAL_TYPE (KlLevelChart, kl_level_chart, KL, LEVEL_CHART, GtkWidget)

GtkWidget *kl_level_chart_new         (void);
void       kl_level_chart_set_history (KlLevelChart *self,
                                       GPtrArray    *assessments);
char      *kl_level_chart_describe    (KlLevelChart *self);

G_END_DECLS
