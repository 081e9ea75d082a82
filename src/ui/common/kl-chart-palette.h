/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Colours for custom drawing, which cannot read the stylesheet's named
 * colours in GTK 4.8: fixed palettes for the light and the dark style,
 * close to data/style.css's @kl_level_0…4. A text colour is given with
 * every fill, so numbers on it stay readable. */

typedef struct
{
  GdkRGBA fill;
  GdkRGBA text;
} KlChartSwatch;

gboolean kl_chart_is_dark         (void);
void     kl_chart_level_swatch    (int            level,
                                   KlChartSwatch *swatch);
void     kl_chart_accent          (GdkRGBA       *color);
void     kl_chart_accent_light    (GdkRGBA       *color);
void     kl_chart_mark            (const KlChartSwatch *swatch,
                                   GdkRGBA       *color);
void     kl_chart_warning         (KlChartSwatch *swatch);
void     kl_chart_foreground      (GtkWidget     *widget,
                                   GdkRGBA       *color,
                                   double         alpha);
void     kl_chart_watch_style     (GtkWidget     *widget);

G_END_DECLS
