/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "kl-chart-levels.h"
#include "kl-chart-palette.h"

/* How the staff of one theme spread over the levels: a bar cut in one
 * piece per level, 0 on the left, with the count printed on each piece
 * that has room, and the people not assessed as an outlined piece at the
 * end. Its text alternative says the same in words. */

#define HEIGHT      22
#define MIN_WIDTH   120
#define GAP         2.0
#define RADIUS      4.0

struct _KlChartLevels
{
  GtkWidget  parent_instance;

  guint      levels[5];
  guint      not_assessed;
};

G_DEFINE_FINAL_TYPE (KlChartLevels, kl_chart_levels, GTK_TYPE_WIDGET)

static void
kl_chart_levels_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = 2 * MIN_WIDTH;
    }
  else
    *minimum = *natural = HEIGHT;
}

static void
append_piece (GtkSnapshot     *snapshot,
              GtkWidget       *widget,
              PangoLayout     *layout,
              const graphene_rect_t *rect,
              const GdkRGBA   *fill,
              const GdkRGBA   *text,
              gboolean         outline,
              guint            count)
{
  GskRoundedRect rounded;
  char label[16];
  int text_width, text_height;

  gsk_rounded_rect_init_from_rect (&rounded, rect, RADIUS);
  if (outline)
    {
      const GdkRGBA colors[4] = { *fill, *fill, *fill, *fill };
      const float widths[4] = { 1, 1, 1, 1 };

      gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
    }
  else
    {
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, fill, rect);
      gtk_snapshot_pop (snapshot);
    }

  g_snprintf (label, sizeof label, "%u", count);
  pango_layout_set_text (layout, label, -1);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  if (text_width + 6 > rect->size.width)
    return;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (rect->origin.x + floor ((rect->size.width - text_width) / 2),
                                                rect->origin.y + floor ((rect->size.height - text_height) / 2)));
  gtk_snapshot_append_layout (snapshot, layout, text);
  gtk_snapshot_restore (snapshot);
}

static void
kl_chart_levels_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  KlChartLevels *self = KL_CHART_LEVELS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(PangoLayout) layout = NULL;
  PangoAttrList *attrs;
  guint total = self->not_assessed;
  guint pieces = 0;
  double x = 0, usable;
  GdkRGBA outline;

  for (guint i = 0; i < 5; i++)
    total += self->levels[i];
  for (guint i = 0; i < 5; i++)
    pieces += self->levels[i] > 0;
  pieces += self->not_assessed > 0;
  if (width <= 0 || height <= 0)
    return;

  kl_chart_foreground (widget, &outline, 0.25);
  if (total == 0)
    {
      graphene_rect_t rect = GRAPHENE_RECT_INIT (0.5, 0.5, width - 1, height - 1);

      layout = gtk_widget_create_pango_layout (widget, NULL);
      append_piece (snapshot, widget, layout, &rect, &outline, &outline, TRUE, 0);
      return;
    }

  layout = gtk_widget_create_pango_layout (widget, NULL);
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  usable = width - GAP * MAX (0, (int)pieces - 1);
  for (guint i = 0; i <= 5; i++)
    {
      guint count = i < 5 ? self->levels[i] : self->not_assessed;
      graphene_rect_t rect;
      KlChartSwatch swatch;
      double w;

      if (count == 0)
        continue;
      w = usable * count / total;
      rect = GRAPHENE_RECT_INIT (round (x), 0, MAX (1, round (x + w) - round (x)), height);
      if (i < 5)
        {
          kl_chart_level_swatch (i, &swatch);
          append_piece (snapshot, widget, layout, &rect, &swatch.fill, &swatch.text, FALSE, count);
        }
      else
        {
          GdkRGBA text;

          kl_chart_foreground (widget, &text, 0.7);
          rect.origin.x += 0.5;
          rect.origin.y += 0.5;
          rect.size.width -= 1;
          rect.size.height -= 1;
          append_piece (snapshot, widget, layout, &rect, &outline, &text, TRUE, count);
        }
      x += w + GAP;
    }
}

static char *
describe (KlChartLevels *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < 5; i++)
    {
      if (text->len > 0)
        g_string_append (text, ", ");
      /* Translators: one piece of a level distribution, e.g. "level 3: 4" */
      g_string_append_printf (text, C_("level distribution", "level %u: %u"), i, self->levels[i]);
    }
  g_string_append (text, ", ");
  /* Translators: the last piece of a level distribution */
  g_string_append_printf (text, C_("level distribution", "not assessed: %u"), self->not_assessed);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
kl_chart_levels_class_init (KlChartLevelsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = kl_chart_levels_measure;
  widget_class->snapshot = kl_chart_levels_snapshot;

  gtk_widget_class_set_css_name (widget_class, "levelschart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kl_chart_levels_init (KlChartLevels *self)
{
  kl_chart_watch_style (GTK_WIDGET (self));
  kl_chart_levels_set_counts (self, (guint[5]) { 0 }, 0);
}

GtkWidget *
kl_chart_levels_new (void)
{
  return g_object_new (KL_TYPE_CHART_LEVELS, NULL);
}

/**
 * kl_chart_levels_set_counts:
 * @levels: how many people are at each level 0–4
 * @not_assessed: how many have no assessment
 */
void
kl_chart_levels_set_counts (KlChartLevels *self,
                            const guint    levels[5],
                            guint          not_assessed)
{
  g_autofree char *description = NULL;

  g_return_if_fail (KL_IS_CHART_LEVELS (self));

  memcpy (self->levels, levels, sizeof self->levels);
  self->not_assessed = not_assessed;

  description = describe (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), description);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * kl_chart_levels_describe:
 *
 * Returns: (transfer full): the chart in words, such as "level 0: 1,
 *   level 1: 2, …, not assessed: 3"
 */
char *
kl_chart_levels_describe (KlChartLevels *self)
{
  g_return_val_if_fail (KL_IS_CHART_LEVELS (self), NULL);

  return describe (self);
}
