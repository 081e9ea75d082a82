/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "kl-chart-format.h"
#include "kl-chart-months.h"
#include "kl-chart-palette.h"

/* Training hours per month of a year: a column per month, the hours
 * completed in the accent colour and the hours still planned stacked on
 * top in a lighter shade, the total printed above. The current month's
 * name is bold. The text alternative lists every month with hours. */

#define MIN_WIDTH      240
#define NATURAL_WIDTH  480
#define MIN_HEIGHT     120
#define NATURAL_HEIGHT 170
#define LABEL_GAP      4
#define RADIUS         3.0

struct _KlChartMonths
{
  GtkWidget  parent_instance;

  int        year;
  int        current_month;
  double     completed[12];
  double     planned[12];
};

G_DEFINE_FINAL_TYPE (KlChartMonths, kl_chart_months, GTK_TYPE_WIDGET)

static void
kl_chart_months_measure (GtkWidget      *widget,
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
      *natural = NATURAL_WIDTH;
    }
  else
    {
      *minimum = MIN_HEIGHT;
      *natural = NATURAL_HEIGHT;
    }
}

static PangoLayout *
small_layout (GtkWidget *widget,
              gboolean   bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, NULL);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static void
append_text (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             const char    *text,
             double         center_x,
             double         y,
             const GdkRGBA *color)
{
  int w, h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (center_x - w / 2.0), round (y)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
append_bar (GtkSnapshot           *snapshot,
            const graphene_rect_t *rect,
            const GdkRGBA         *color,
            gboolean               round_top)
{
  GskRoundedRect rounded;
  graphene_size_t r = GRAPHENE_SIZE_INIT (round_top ? RADIUS : 0, round_top ? RADIUS : 0);
  graphene_size_t none = GRAPHENE_SIZE_INIT (0, 0);

  if (rect->size.height <= 0)
    return;
  gsk_rounded_rect_init (&rounded, rect, &r, &r, &none, &none);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, rect);
  gtk_snapshot_pop (snapshot);
}

static void
kl_chart_months_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  KlChartMonths *self = KL_CHART_MONTHS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(PangoLayout) values = small_layout (widget, TRUE);
  g_autoptr(PangoLayout) months = small_layout (widget, FALSE);
  g_autoptr(PangoLayout) current = small_layout (widget, TRUE);
  GdkRGBA fg, dim, guide, accent, light;
  double max = 0, slot, bar, top, bottom, scale;
  int label_height;

  if (width <= 0 || height <= 0)
    return;

  kl_chart_foreground (widget, &fg, 1.0);
  kl_chart_foreground (widget, &dim, 0.7);
  kl_chart_foreground (widget, &guide, 0.15);
  kl_chart_accent (&accent);
  kl_chart_accent_light (&light);

  for (guint m = 0; m < 12; m++)
    max = MAX (max, self->completed[m] + self->planned[m]);

  pango_layout_set_text (months, "M", -1);
  pango_layout_get_pixel_size (months, NULL, &label_height);
  slot = width / 12.0;
  bar = MIN (36, floor (slot * 0.62));
  top = label_height + LABEL_GAP;
  bottom = height - label_height - LABEL_GAP;
  scale = max > 0 ? (bottom - top) / max : 0;

  gtk_snapshot_append_color (snapshot, &guide, &GRAPHENE_RECT_INIT (0, bottom, width, 1));

  for (guint m = 0; m < 12; m++)
    {
      double center = slot * m + slot / 2;
      double x = round (center - bar / 2);
      double done = round (self->completed[m] * scale);
      double ahead = round ((self->completed[m] + self->planned[m]) * scale) - done;
      g_autofree char *name = kl_chart_format_month (m + 1, TRUE);
      gboolean is_current = (int)m + 1 == self->current_month;

      append_bar (snapshot, &GRAPHENE_RECT_INIT (x, bottom - done - ahead, bar, ahead), &light, TRUE);
      append_bar (snapshot, &GRAPHENE_RECT_INIT (x, bottom - done, bar, done), &accent, ahead <= 0);

      if (self->completed[m] + self->planned[m] > 0)
        {
          g_autofree char *value = kl_chart_format_hours (self->completed[m] + self->planned[m]);

          append_text (snapshot, values, value, center, bottom - done - ahead - label_height - 2,
                       self->completed[m] > 0 ? &fg : &dim);
        }

      /* Month names are dropped to every other one when narrow. */
      if (slot >= 30 || m % 2 == 0)
        append_text (snapshot, is_current ? current : months, name, center, bottom + LABEL_GAP,
                     is_current ? &fg : &dim);
    }
}

static char *
describe (KlChartMonths *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean any = FALSE;

  /* Translators: the start of the training chart's text alternative */
  g_string_append_printf (text, _("Training hours per month in %d."), self->year);
  for (guint m = 0; m < 12; m++)
    {
      g_autofree char *name = NULL;
      g_autofree char *done = NULL;
      g_autofree char *ahead = NULL;

      if (self->completed[m] <= 0 && self->planned[m] <= 0)
        continue;
      any = TRUE;
      name = kl_chart_format_month (m + 1, FALSE);
      done = kl_chart_format_hours (self->completed[m]);
      ahead = kl_chart_format_hours (self->planned[m]);
      g_string_append_c (text, ' ');
      if (self->planned[m] > 0)
        /* Translators: one month in the training chart's text alternative */
        g_string_append_printf (text, _("%s: %s hours completed, %s planned."), name, done, ahead);
      else
        /* Translators: one month in the training chart's text alternative */
        g_string_append_printf (text, _("%s: %s hours completed."), name, done);
    }
  if (!any)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, _("No training completed or planned."));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
kl_chart_months_class_init (KlChartMonthsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = kl_chart_months_measure;
  widget_class->snapshot = kl_chart_months_snapshot;

  gtk_widget_class_set_css_name (widget_class, "monthschart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kl_chart_months_init (KlChartMonths *self)
{
  kl_chart_watch_style (GTK_WIDGET (self));
}

GtkWidget *
kl_chart_months_new (void)
{
  return g_object_new (KL_TYPE_CHART_MONTHS, NULL);
}

/**
 * kl_chart_months_set_data:
 * @completed: hours completed in each month
 * @planned: (nullable): hours planned in each month
 * @current_month: the month to mark as now, 1–12, or 0
 */
void
kl_chart_months_set_data (KlChartMonths *self,
                          int            year,
                          const double   completed[12],
                          const double   planned[12],
                          int            current_month)
{
  g_autofree char *description = NULL;

  g_return_if_fail (KL_IS_CHART_MONTHS (self));

  self->year = year;
  self->current_month = current_month;
  memcpy (self->completed, completed, sizeof self->completed);
  if (planned != NULL)
    memcpy (self->planned, planned, sizeof self->planned);
  else
    memset (self->planned, 0, sizeof self->planned);

  description = describe (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * kl_chart_months_describe:
 *
 * Returns: (transfer full): the chart in words
 */
char *
kl_chart_months_describe (KlChartMonths *self)
{
  g_return_val_if_fail (KL_IS_CHART_MONTHS (self), NULL);

  return describe (self);
}
