/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kl-chart-format.h"
#include "kl-chart-palette.h"
#include "kl-enums.h"
#include "kl-matrix-view-private.h"

/* How the competence matrix is drawn: only the rows and columns in view,
 * the names fixed on the left, the header and coverage row fixed on top. */

static PangoLayout *
make_layout (GtkWidget *widget,
             double     scale,
             gboolean   bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, NULL);
  PangoAttrList *attrs = pango_attr_list_new ();

  if (scale != 1.0)
    pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static void
append_text_at (GtkSnapshot   *snapshot,
                PangoLayout   *layout,
                double         x,
                double         y,
                const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (x), round (y)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
append_centered (GtkSnapshot           *snapshot,
                 PangoLayout           *layout,
                 const char            *text,
                 const graphene_rect_t *rect,
                 const GdkRGBA         *color)
{
  int w, h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  append_text_at (snapshot, layout,
                  rect->origin.x + (rect->size.width - w) / 2,
                  rect->origin.y + (rect->size.height - h) / 2, color);
}

static void
append_rounded (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                const GdkRGBA         *color)
{
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, rect, CELL_RADIUS);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, rect);
  gtk_snapshot_pop (snapshot);
}

static void
append_outline (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                const GdkRGBA         *color,
                float                  width)
{
  GskRoundedRect rounded;
  const float widths[4] = { width, width, width, width };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&rounded, rect, CELL_RADIUS);
  gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
}

/* A triangle in the top right corner: a square turned 45°, clipped by
 * the cell. */
static void
append_corner_mark (GtkSnapshot           *snapshot,
                    const graphene_rect_t *rect,
                    const GdkRGBA         *color)
{
  GskRoundedRect rounded;
  double side = MARK_SIZE * G_SQRT2;

  gsk_rounded_rect_init_from_rect (&rounded, rect, CELL_RADIUS);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (rect->origin.x + rect->size.width, rect->origin.y));
  gtk_snapshot_rotate (snapshot, 45);
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (-side / 2, -side / 2, side, side));
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);
}

static void
append_warning_icon (GtkWidget     *widget,
                     GtkSnapshot   *snapshot,
                     double         x,
                     double         y,
                     int            size,
                     const GdkRGBA *color)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));
  g_autoptr(GtkIconPaintable) icon = NULL;

  icon = gtk_icon_theme_lookup_icon (theme, "dialog-warning-symbolic", NULL, size,
                                     gtk_widget_get_scale_factor (widget), GTK_TEXT_DIR_NONE, 0);
  if (icon == NULL)
    return;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (x), round (y)));
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot, size, size, color, 1);
  gtk_snapshot_restore (snapshot);
}

static graphene_rect_t
cell_rect (KlMatrixView *self,
           guint         position,
           guint         column)
{
  return GRAPHENE_RECT_INIT (column_x (self, column) + CELL_INSET, row_y (self, position) + CELL_INSET + 1,
                             cell_width (self) - 2 * CELL_INSET, row_height (self) - 2 * CELL_INSET - 2);
}

typedef struct
{
  PangoLayout *number;
  PangoLayout *small;
  PangoLayout *small_bold;
  PangoLayout *name;
  PangoLayout *header;
  GdkRGBA      fg;
  GdkRGBA      dim;
  GdkRGBA      faint;
  GdkRGBA      line;
  GdkRGBA      stripe;
  GdkRGBA      accent;
  KlChartSwatch warning;
} Paint;

static void
paint_init (KlMatrixView *self,
            Paint        *paint)
{
  GtkWidget *widget = GTK_WIDGET (self);

  paint->number = make_layout (widget, 1.0, TRUE);
  paint->small = make_layout (widget, PANGO_SCALE_SMALL, FALSE);
  paint->small_bold = make_layout (widget, PANGO_SCALE_SMALL, TRUE);
  paint->name = make_layout (widget, 1.0, FALSE);
  paint->header = make_layout (widget, PANGO_SCALE_SMALL, FALSE);
  pango_layout_set_ellipsize (paint->name, PANGO_ELLIPSIZE_END);
  pango_layout_set_ellipsize (paint->small, PANGO_ELLIPSIZE_END);
  pango_layout_set_ellipsize (paint->header, PANGO_ELLIPSIZE_END);
  pango_layout_set_wrap (paint->header, PANGO_WRAP_WORD);
  pango_layout_set_width (paint->header, HEADER_TEXT * PANGO_SCALE);
  pango_layout_set_height (paint->header, -2);
  pango_layout_set_spacing (paint->header, -2 * PANGO_SCALE);

  kl_chart_foreground (widget, &paint->fg, 1.0);
  kl_chart_foreground (widget, &paint->dim, 0.65);
  kl_chart_foreground (widget, &paint->faint, 0.18);
  kl_chart_foreground (widget, &paint->line, 0.12);
  kl_chart_foreground (widget, &paint->stripe, 0.035);
  kl_chart_accent (&paint->accent);
  kl_chart_warning (&paint->warning);
}

static void
paint_clear (Paint *paint)
{
  g_clear_object (&paint->number);
  g_clear_object (&paint->small);
  g_clear_object (&paint->small_bold);
  g_clear_object (&paint->name);
  g_clear_object (&paint->header);
}

static void
draw_cell (KlMatrixView *self,
           GtkSnapshot  *snapshot,
           Paint        *paint,
           guint         position,
           guint         column)
{
  KlMatrixCell *cell = cell_at (self, position, column);
  graphene_rect_t rect = cell_rect (self, position, column);
  KlChartSwatch swatch;

  if (cell->level < 0)
    {
      append_outline (snapshot, &rect, &paint->faint, 1);
      append_centered (snapshot, paint->number, "–", &rect, &paint->dim);
      return;
    }

  kl_chart_level_swatch (cell->level, &swatch);
  append_rounded (snapshot, &rect, &swatch.fill);

  if (is_units (self))
    {
      g_autofree char *average = kl_chart_format_number (cell->average, 1);
      g_autofree char *coverage = NULL;
      graphene_rect_t top = rect, bottom = rect;
      gboolean thin = cell->n_covered < KL_COVERAGE_MIN;

      top.size.height = rect.size.height * 0.58;
      bottom.origin.y = rect.origin.y + rect.size.height * 0.52;
      bottom.size.height = rect.size.height * 0.44;
      append_centered (snapshot, paint->number, average, &top, &swatch.text);
      /* Translators: in a unit's cell: at level 3 or above / assessed; keep it short */
      coverage = g_strdup_printf (C_("matrix cell", "%u/%u"), cell->n_covered, cell->n_assessed);
      append_centered (snapshot, thin ? paint->small_bold : paint->small, coverage, &bottom, &swatch.text);
    }
  else
    {
      char text[4] = { '0' + cell->level, '\0' };

      append_centered (snapshot, paint->number, text, &rect, &swatch.text);
    }

  if (cell->n_below_target > 0)
    {
      GdkRGBA mark;

      kl_chart_mark (&swatch, &mark);
      append_corner_mark (snapshot, &rect, &mark);
    }
}

static void
draw_body (KlMatrixView *self,
           GtkSnapshot  *snapshot,
           Paint        *paint,
           int           width,
           int           height)
{
  int name_w = name_width (self);
  int rh = row_height (self);
  double vvalue = gtk_adjustment_get_value (self->vadjustment);
  guint first = MAX (0, vvalue / rh);
  guint last = MIN (n_rows (self), (guint)ceil ((vvalue + height - TOP) / rh) + 1);
  double hvalue = gtk_adjustment_get_value (self->hadjustment);
  guint first_column = MAX (0, (hvalue - 8) / cell_width (self));
  guint last_column = MIN (n_columns (self),
                           (guint)ceil ((hvalue + width - name_w) / cell_width (self)) + 1);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, TOP, width, MAX (0, height - TOP)));

  /* Stripes and the hovered row across the whole width. */
  for (guint p = first; p < last; p++)
    {
      double y = row_y (self, p);

      if ((int)p == self->hover_row)
        gtk_snapshot_append_color (snapshot, &paint->faint, &GRAPHENE_RECT_INIT (0, y, width, rh));
      else if (p % 2 == 1)
        gtk_snapshot_append_color (snapshot, &paint->stripe, &GRAPHENE_RECT_INIT (0, y, width, rh));
    }

  /* Cells */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (name_w, TOP, MAX (0, width - name_w),
                                                         MAX (0, height - TOP)));
  for (guint p = first; p < last; p++)
    for (guint c = first_column; c < last_column; c++)
      draw_cell (self, snapshot, paint, p, c);

  if (gtk_widget_has_focus (GTK_WIDGET (self)) && self->cursor_row >= 0 && self->cursor_column >= 0 &&
      (guint)self->cursor_row < n_rows (self))
    {
      graphene_rect_t rect = cell_rect (self, self->cursor_row, self->cursor_column);

      graphene_rect_inset (&rect, -2, -2);
      append_outline (snapshot, &rect, &paint->accent, 2);
    }
  gtk_snapshot_pop (snapshot);

  /* Names */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, TOP, name_w, MAX (0, height - TOP)));
  for (guint p = first; p < last; p++)
    {
      const KlMatrixRow *row = row_at (self, p);
      double y = row_y (self, p);
      double indent = 12 + (is_units (self) ? 14 * MIN (row->depth, 6) : 0);
      int text_width = MAX (10, name_w - indent - 8);
      g_autofree char *detail = NULL;
      int h1, h2;

      if (is_units (self))
        detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u staff member", "%u staff", row->n_staff),
                                  row->n_staff);
      else if (*row->job_title)
        detail = g_strdup_printf ("%s · %s", row->job_title, row->unit_name);
      else
        detail = g_strdup (row->unit_name);

      pango_layout_set_width (paint->name, text_width * PANGO_SCALE);
      pango_layout_set_width (paint->small, text_width * PANGO_SCALE);
      pango_layout_set_text (paint->name, row->name, -1);
      pango_layout_set_text (paint->small, detail, -1);
      pango_layout_get_pixel_size (paint->name, NULL, &h1);
      pango_layout_get_pixel_size (paint->small, NULL, &h2);
      append_text_at (snapshot, paint->name, indent, y + (rh - h1 - h2) / 2, &paint->fg);
      append_text_at (snapshot, paint->small, indent, y + (rh - h1 - h2) / 2 + h1, &paint->dim);

      if (gtk_widget_has_focus (GTK_WIDGET (self)) && self->cursor_column < 0 && (int)p == self->cursor_row)
        {
          graphene_rect_t rect = GRAPHENE_RECT_INIT (4, y + 2, name_w - 8, rh - 4);
          append_outline (snapshot, &rect, &paint->accent, 2);
        }
    }
  pango_layout_set_width (paint->small, -1);
  gtk_snapshot_pop (snapshot);

  gtk_snapshot_pop (snapshot);
}

static void
draw_header (KlMatrixView *self,
             GtkSnapshot  *snapshot,
             Paint        *paint,
             int           width)
{
  int name_w = name_width (self);
  int cw = cell_width (self);
  g_autofree char *count = NULL;
  int sort_column = self->sort_theme ? kl_matrix_find_theme (self->matrix, self->sort_theme) : -1;
  const char *label;
  int w, h;

  /* The corner: what the rows are, and how many. */
  label = is_units (self) ? _("Unit") : _("Name");
  pango_layout_set_text (paint->small_bold, label, -1);
  pango_layout_get_pixel_size (paint->small_bold, &w, &h);
  append_text_at (snapshot, paint->small_bold, 12, HEADER_HEIGHT - h - 8,
                  sort_column < 0 ? &paint->accent : &paint->dim);
  if (sort_column < 0)
    {
      /* A small bar under the label says what the rows are sorted by. */
      gtk_snapshot_append_color (snapshot, &paint->accent,
                                 &GRAPHENE_RECT_INIT (12, HEADER_HEIGHT - 5, w, 2));
    }
  count = is_units (self)
          ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unit", "%u units", n_rows (self)), n_rows (self))
          : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", n_rows (self)), n_rows (self));
  pango_layout_set_text (paint->small, count, -1);
  pango_layout_get_pixel_size (paint->small, NULL, &h);
  append_text_at (snapshot, paint->small, 12, HEADER_HEIGHT - 2 * h - 10, &paint->dim);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (name_w, 0, MAX (0, width - name_w), TOP));
  for (guint c = 0; c < n_columns (self); c++)
    {
      double x = column_x (self, c);
      gboolean sorted = (int)c == sort_column;

      if (x + cw < name_w || x > width)
        continue;

      if ((int)c == self->hover_column)
        gtk_snapshot_append_color (snapshot, &paint->stripe, &GRAPHENE_RECT_INIT (x, 0, cw, TOP));

      pango_layout_set_text (paint->header, self->matrix->themes[c].name, -1);
      pango_layout_get_pixel_size (paint->header, &w, &h);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + cw / 2.0 - h / 2.0, HEADER_HEIGHT - 10));
      gtk_snapshot_rotate (snapshot, -45);
      gtk_snapshot_append_layout (snapshot, paint->header, sorted ? &paint->accent : &paint->fg);
      gtk_snapshot_restore (snapshot);

      if (sorted)
        gtk_snapshot_append_color (snapshot, &paint->accent,
                                   &GRAPHENE_RECT_INIT (x + 6, HEADER_HEIGHT - 5, cw - 12, 2));
    }

  /* The coverage row */
  for (guint c = 0; c < n_columns (self); c++)
    {
      const KlThemeStatus *theme = &self->matrix->themes[c];
      double x = column_x (self, c);
      graphene_rect_t rect = GRAPHENE_RECT_INIT (x + CELL_INSET, HEADER_HEIGHT + 4, cw - 2 * CELL_INSET,
                                                 SUMMARY_HEIGHT - 8);
      char text[16];

      if (x + cw < name_w || x > width)
        continue;
      g_snprintf (text, sizeof text, "%u", theme->n_covered);
      if (theme->n_covered < KL_COVERAGE_MIN)
        {
          int tw, th;
          double total;

          append_rounded (snapshot, &rect, &paint->warning.fill);
          pango_layout_set_text (paint->number, text, -1);
          pango_layout_get_pixel_size (paint->number, &tw, &th);
          total = 14 + 3 + tw;
          append_warning_icon (GTK_WIDGET (self), snapshot, rect.origin.x + (rect.size.width - total) / 2,
                               rect.origin.y + (rect.size.height - 14) / 2, 14, &paint->warning.text);
          append_text_at (snapshot, paint->number, rect.origin.x + (rect.size.width - total) / 2 + 17,
                          rect.origin.y + (rect.size.height - th) / 2, &paint->warning.text);
        }
      else
        {
          append_outline (snapshot, &rect, &paint->faint, 1);
          append_centered (snapshot, paint->number, text, &rect, &paint->fg);
        }
    }
  gtk_snapshot_pop (snapshot);

  pango_layout_set_width (paint->small, (name_w - 20) * PANGO_SCALE);
  pango_layout_set_text (paint->small, _("Level 3 or above"), -1);
  pango_layout_get_pixel_size (paint->small, NULL, &h);
  append_text_at (snapshot, paint->small, 12, HEADER_HEIGHT + (SUMMARY_HEIGHT - h) / 2, &paint->dim);
  pango_layout_set_width (paint->small, -1);

  /* Rules between the parts */
  gtk_snapshot_append_color (snapshot, &paint->line, &GRAPHENE_RECT_INIT (0, TOP - 1, width, 1));
  gtk_snapshot_append_color (snapshot, &paint->line, &GRAPHENE_RECT_INIT (0, HEADER_HEIGHT, width, 1));
  gtk_snapshot_append_color (snapshot, &paint->line,
                             &GRAPHENE_RECT_INIT (name_w - 1, 0, 1, gtk_widget_get_height (GTK_WIDGET (self))));
}

void
_kl_matrix_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  KlMatrixView *self = KL_MATRIX_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  Paint paint = { 0 };

  if (self->matrix == NULL || width <= 0 || height <= 0)
    return;

  paint_init (self, &paint);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_body (self, snapshot, &paint, width, height);
  draw_header (self, snapshot, &paint, width);
  gtk_snapshot_pop (snapshot);
  paint_clear (&paint);
}

