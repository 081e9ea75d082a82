/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kl-chart-palette.h"
#include "kl-enums.h"
#include "kl-matrix-legend.h"

/* The key to the matrix: a sample of each level, the corner mark, an
 * empty cell and the coverage warning, each with its meaning in words.
 * The samples are drawn as the matrix draws its cells; the words are
 * ordinary labels. */

typedef enum
{
  SAMPLE_LEVEL,
  SAMPLE_MARK,
  SAMPLE_EMPTY,
  SAMPLE_WARNING,
} SampleKind;

#define KL_TYPE_MATRIX_SAMPLE (kl_matrix_sample_get_type ())
G_DECLARE_FINAL_TYPE (KlMatrixSample, kl_matrix_sample, KL, MATRIX_SAMPLE, GtkWidget)

struct _KlMatrixSample
{
  GtkWidget  parent_instance;

  SampleKind kind;
  int        level;
};

G_DEFINE_FINAL_TYPE (KlMatrixSample, kl_matrix_sample, GTK_TYPE_WIDGET)

static void
kl_matrix_sample_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 28 : 22;
}

static void
kl_matrix_sample_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  KlMatrixSample *self = (KlMatrixSample *)widget;
  graphene_rect_t rect = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  PangoAttrList *attrs = pango_attr_list_new ();
  GskRoundedRect rounded;
  KlChartSwatch swatch;
  GdkRGBA faint, dim, mark;
  char text[8] = "";
  int w, h;

  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  gsk_rounded_rect_init_from_rect (&rounded, &rect, 5);
  kl_chart_foreground (widget, &faint, 0.18);
  kl_chart_foreground (widget, &dim, 0.65);

  switch (self->kind)
    {
    case SAMPLE_LEVEL:
    case SAMPLE_MARK:
      kl_chart_level_swatch (self->kind == SAMPLE_MARK ? 2 : self->level, &swatch);
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, &swatch.fill, &rect);
      if (self->kind == SAMPLE_MARK)
        {
          double side = 10 * G_SQRT2;

          kl_chart_mark (&swatch, &mark);
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (rect.size.width, 0));
          gtk_snapshot_rotate (snapshot, 45);
          gtk_snapshot_append_color (snapshot, &mark, &GRAPHENE_RECT_INIT (-side / 2, -side / 2, side, side));
          gtk_snapshot_restore (snapshot);
        }
      gtk_snapshot_pop (snapshot);
      g_snprintf (text, sizeof text, "%d", self->kind == SAMPLE_MARK ? 2 : self->level);
      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((rect.size.width - w) / 2, (rect.size.height - h) / 2));
      gtk_snapshot_append_layout (snapshot, layout, &swatch.text);
      break;

    case SAMPLE_EMPTY:
      {
        const float widths[4] = { 1, 1, 1, 1 };
        const GdkRGBA colors[4] = { faint, faint, faint, faint };

        gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
        pango_layout_set_text (layout, "–", -1);
        pango_layout_get_pixel_size (layout, &w, &h);
        gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((rect.size.width - w) / 2, (rect.size.height - h) / 2));
        gtk_snapshot_append_layout (snapshot, layout, &dim);
      }
      break;

    case SAMPLE_WARNING:
      {
        GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));
        g_autoptr(GtkIconPaintable) icon = NULL;

        kl_chart_warning (&swatch);
        gtk_snapshot_push_rounded_clip (snapshot, &rounded);
        gtk_snapshot_append_color (snapshot, &swatch.fill, &rect);
        gtk_snapshot_pop (snapshot);
        icon = gtk_icon_theme_lookup_icon (theme, "dialog-warning-symbolic", NULL, 14,
                                           gtk_widget_get_scale_factor (widget), GTK_TEXT_DIR_NONE, 0);
        gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((rect.size.width - 14) / 2,
                                                                (rect.size.height - 14) / 2));
        gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot, 14, 14,
                                                  &swatch.text, 1);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
kl_matrix_sample_class_init (KlMatrixSampleClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = kl_matrix_sample_measure;
  widget_class->snapshot = kl_matrix_sample_snapshot;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
kl_matrix_sample_init (KlMatrixSample *self)
{
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  kl_chart_watch_style (GTK_WIDGET (self));
}

static GtkWidget *
sample_new (SampleKind kind,
            int        level)
{
  KlMatrixSample *sample = g_object_new (KL_TYPE_MATRIX_SAMPLE, NULL);

  sample->kind = kind;
  sample->level = level;
  return GTK_WIDGET (sample);
}

/* Items side by side, wrapping to the next line like words. */

#define KL_TYPE_WRAP_BOX (kl_wrap_box_get_type ())
G_DECLARE_FINAL_TYPE (KlWrapBox, kl_wrap_box, KL, WRAP_BOX, GtkWidget)

#define WRAP_COLUMN_SPACING 16
#define WRAP_ROW_SPACING     4

struct _KlWrapBox
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (KlWrapBox, kl_wrap_box, GTK_TYPE_WIDGET)

/* Places the children in @width; returns the height needed. */
static int
wrap_lay_out (GtkWidget *widget,
              int        width,
              gboolean   allocate)
{
  int x = 0, y = 0, line_height = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      int w, h;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &w, NULL, NULL);
      w = MIN (w, width);
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, w, NULL, &h, NULL, NULL);
      if (x > 0 && x + w > width)
        {
          x = 0;
          y += line_height + WRAP_ROW_SPACING;
          line_height = 0;
        }
      if (allocate)
        gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, w, h }, -1);
      x += w + WRAP_COLUMN_SPACING;
      line_height = MAX (line_height, h);
    }
  return y + line_height;
}

static void
kl_wrap_box_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int min = 0, nat = 0;

      for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          min = MAX (min, child_min);
          nat += child_nat + (nat > 0 ? WRAP_COLUMN_SPACING : 0);
        }
      *minimum = min;
      *natural = nat;
    }
  else
    {
      int width = for_size, unused;

      if (width < 0)
        kl_wrap_box_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &width, &unused, NULL, NULL);
      *minimum = *natural = wrap_lay_out (widget, width, FALSE);
    }
}

static void
kl_wrap_box_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  wrap_lay_out (widget, width, TRUE);
}

static GtkSizeRequestMode
kl_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
kl_wrap_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (kl_wrap_box_parent_class)->dispose (object);
}

static void
kl_wrap_box_class_init (KlWrapBoxClass *klass)
{
  GTK_WIDGET_CLASS (klass)->measure = kl_wrap_box_measure;
  GTK_WIDGET_CLASS (klass)->size_allocate = kl_wrap_box_size_allocate;
  GTK_WIDGET_CLASS (klass)->get_request_mode = kl_wrap_box_get_request_mode;
  G_OBJECT_CLASS (klass)->dispose = kl_wrap_box_dispose;
}

static void
kl_wrap_box_init (KlWrapBox *self)
{
}

struct _KlMatrixLegend
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkWidget *flow;
  GtkWidget *units_note;
};

G_DEFINE_FINAL_TYPE (KlMatrixLegend, kl_matrix_legend, GTK_TYPE_WIDGET)

static void
add_item (KlMatrixLegend *self,
          GtkWidget      *sample,
          const char     *text)
{
  GtkWidget *item = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (item), sample);
  gtk_box_append (GTK_BOX (item), label);
  gtk_widget_set_parent (item, self->flow);
}

static void
kl_matrix_legend_dispose (GObject *object)
{
  KlMatrixLegend *self = KL_MATRIX_LEGEND (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (kl_matrix_legend_parent_class)->dispose (object);
}

static void
kl_matrix_legend_class_init (KlMatrixLegendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kl_matrix_legend_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "matrixlegend");
}

static void
kl_matrix_legend_init (KlMatrixLegend *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->flow = g_object_new (KL_TYPE_WRAP_BOX, NULL);
  gtk_box_append (GTK_BOX (self->box), self->flow);

  for (int level = KL_LEVEL_MIN; level <= KL_LEVEL_MAX; level++)
    add_item (self, sample_new (SAMPLE_LEVEL, level), kl_level_name (level));
  add_item (self, sample_new (SAMPLE_MARK, 0), _("Below target"));
  add_item (self, sample_new (SAMPLE_EMPTY, 0), _("Not assessed"));
  add_item (self, sample_new (SAMPLE_WARNING, 0), _("Fewer than two at level 3 or above"));

  self->units_note = gtk_label_new (_("For units: the average level, and below it how many of those "
                                      "assessed are at level 3 or above."));
  gtk_label_set_wrap (GTK_LABEL (self->units_note), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->units_note), 0);
  gtk_widget_add_css_class (self->units_note, "caption");
  gtk_widget_add_css_class (self->units_note, "dim-label");
  gtk_widget_set_margin_start (self->units_note, 6);
  gtk_widget_set_visible (self->units_note, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->units_note);
}

GtkWidget *
kl_matrix_legend_new (void)
{
  return g_object_new (KL_TYPE_MATRIX_LEGEND, NULL);
}

/**
 * kl_matrix_legend_set_units:
 *
 * Explains the cells of units rather than of people.
 */
void
kl_matrix_legend_set_units (KlMatrixLegend *self,
                            gboolean        units)
{
  g_return_if_fail (KL_IS_MATRIX_LEGEND (self));

  gtk_widget_set_visible (self->units_note, units);
}
