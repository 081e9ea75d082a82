/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "kl-chart-palette.h"

/* Light: the stylesheet's level colours with dark text. Dark: deeper
 * versions of the same hues with light text, so a full matrix does not
 * glare, and the highest level is still the brightest. */
static const char *light_fill[] = { "#deddda", "#f9f06b", "#ffbe6f", "#8ff0a4", "#33d17a" };
static const char *light_text[] = { "#3d3846", "#241f31", "#241f31", "#241f31", "#241f31" };
static const char *dark_fill[] = { "#48484e", "#7d7020", "#9c5812", "#2f7d47", "#57c783" };
static const char *dark_text[] = { "#deddda", "#ffffff", "#ffffff", "#ffffff", "#0f2417" };

gboolean
kl_chart_is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

/**
 * kl_chart_level_swatch:
 * @level: a competence level 0–4
 *
 * Fills @swatch with the level's fill and a text colour readable on it.
 */
void
kl_chart_level_swatch (int            level,
                       KlChartSwatch *swatch)
{
  gboolean dark = kl_chart_is_dark ();

  level = CLAMP (level, 0, 4);
  gdk_rgba_parse (&swatch->fill, dark ? dark_fill[level] : light_fill[level]);
  gdk_rgba_parse (&swatch->text, dark ? dark_text[level] : light_text[level]);
}

/* libadwaita 1.2's default accent blue, as @accent_color draws it. */
void
kl_chart_accent (GdkRGBA *color)
{
  gdk_rgba_parse (color, kl_chart_is_dark () ? "#78aeed" : "#1c71d8");
}

/* The accent, lighter: for what is planned rather than done. */
void
kl_chart_accent_light (GdkRGBA *color)
{
  kl_chart_accent (color);
  color->alpha = 0.35;
}

/* The corner mark of a level below its target, on @swatch: red in the
 * light style; in the dark style, where red is lost on the deep fills,
 * the swatch's own text colour. */
void
kl_chart_mark (const KlChartSwatch *swatch,
               GdkRGBA             *color)
{
  if (kl_chart_is_dark ())
    *color = swatch->text;
  else
    gdk_rgba_parse (color, "#c01c28");
}

/* A coverage warning: fill and text. */
void
kl_chart_warning (KlChartSwatch *swatch)
{
  if (kl_chart_is_dark ())
    {
      gdk_rgba_parse (&swatch->fill, "#6e4a0a");
      gdk_rgba_parse (&swatch->text, "#ffffff");
    }
  else
    {
      gdk_rgba_parse (&swatch->fill, "#fbe1a6");
      gdk_rgba_parse (&swatch->text, "#5e3a00");
    }
}

/**
 * kl_chart_foreground:
 * @alpha: how much of the widget's text colour to use
 *
 * The widget's own text colour from the stylesheet, faded to @alpha:
 * right in both styles for guides and labels.
 */
void
kl_chart_foreground (GtkWidget *widget,
                     GdkRGBA   *color,
                     double     alpha)
{
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
  color->alpha *= alpha;
}

/**
 * kl_chart_watch_style:
 *
 * Redraws @widget when the style changes between light and dark.
 */
void
kl_chart_watch_style (GtkWidget *widget)
{
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), widget, G_CONNECT_SWAPPED);
}
