/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "kl-chart-format.h"
#include "kl-chart-palette.h"
#include "kl-enums.h"
#include "kl-matrix-view-private.h"

enum {
  PROP_0,
  PROP_SORT_THEME,
  PROP_N_ROWS,
  N_PROPS,

  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  CELL_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];


/* The widget: geometry and hit testing, sorting, the words for
 * tooltips and assistive technology, scrolling and input. The drawing is
 * in kl-matrix-view-draw.c; what both share in kl-matrix-view-private.h. */

static void kl_matrix_view_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KlMatrixView, kl_matrix_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, kl_matrix_view_scrollable_init))

static void
kl_matrix_view_scrollable_init (GtkScrollableInterface *iface)
{
}

typedef enum
{
  HIT_NONE,
  HIT_CORNER,
  HIT_HEADER,
  HIT_SUMMARY_NAME,
  HIT_SUMMARY,
  HIT_NAME,
  HIT_CELL,
} HitKind;

static HitKind
hit_test (KlMatrixView *self,
          double        x,
          double        y,
          int          *row,
          int          *column)
{
  int name_w = name_width (self);
  int col = -1, r = -1;

  *row = *column = -1;
  if (self->matrix == NULL)
    return HIT_NONE;

  if (x >= name_w)
    {
      double offset = x - name_w - 8 + gtk_adjustment_get_value (self->hadjustment);

      if (offset >= 0 && offset < (double)n_columns (self) * cell_width (self))
        col = offset / cell_width (self);
    }
  if (y >= TOP)
    {
      double offset = y - TOP + gtk_adjustment_get_value (self->vadjustment);

      if (offset >= 0 && offset < (double)n_rows (self) * row_height (self))
        r = offset / row_height (self);
    }

  *row = r;
  *column = col;
  if (y < HEADER_HEIGHT)
    return x < name_w ? HIT_CORNER : col >= 0 ? HIT_HEADER : HIT_NONE;
  if (y < TOP)
    return x < name_w ? HIT_SUMMARY_NAME : col >= 0 ? HIT_SUMMARY : HIT_NONE;
  if (r < 0)
    return HIT_NONE;
  if (x < name_w)
    return HIT_NAME;
  return col >= 0 ? HIT_CELL : HIT_NONE;
}

/* Sorting */

static int
cell_gap (const KlMatrixCell *cell,
          KlMatrixKind        kind)
{
  if (kind == KL_MATRIX_UNITS)
    return cell->n_below_target;
  if (cell->level < 0 || cell->target < 0 || cell->level >= cell->target)
    return 0;
  return cell->target - cell->level;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  KlMatrixView *self = data;
  guint x = *(const guint *)a, y = *(const guint *)b;
  int column = self->sort_theme ? kl_matrix_find_theme (self->matrix, self->sort_theme) : -1;

  if (column >= 0)
    {
      KlMatrixCell *cx = kl_matrix_get_cell (self->matrix, x, column);
      KlMatrixCell *cy = kl_matrix_get_cell (self->matrix, y, column);
      int gx = cell_gap (cx, self->matrix->kind), gy = cell_gap (cy, self->matrix->kind);

      /* The largest gap first; then the lowest level, those not
       * assessed after everyone assessed. */
      if (gx != gy)
        return gy - gx;
      if ((cx->level < 0) != (cy->level < 0))
        return cx->level < 0 ? 1 : -1;
      if (cx->average != cy->average)
        return cx->average < cy->average ? -1 : 1;
    }

  /* Units keep their tree order; people go by name as the language sorts. */
  if (self->matrix->kind == KL_MATRIX_STAFF)
    {
      int result = strcmp (self->keys[x], self->keys[y]);
      if (result != 0)
        return result;
    }
  return x < y ? -1 : x > y;
}

static void
sort_rows (KlMatrixView *self)
{
  guint n = n_rows (self);

  g_clear_pointer (&self->order, g_free);
  if (self->matrix == NULL)
    return;

  self->order = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    self->order[i] = i;
  g_qsort_with_data (self->order, n, sizeof (guint), compare_rows, self);
}

static void
clear_keys (KlMatrixView *self)
{
  if (self->keys == NULL)
    return;
  for (guint i = 0; self->keys[i] != NULL; i++)
    g_free (self->keys[i]);
  g_clear_pointer (&self->keys, g_free);
}

/* Words */

static char *
describe_coverage (KlMatrixView *self,
                   guint         column)
{
  const KlThemeStatus *theme = &self->matrix->themes[column];

  if (theme->n_covered < KL_COVERAGE_MIN)
    /* Translators: the coverage row of the matrix: theme, how many at level 3 or above */
    return g_strdup_printf (_("%s: %u at level 3 or above. Fewer than two: the team is vulnerable here."),
                            theme->name, theme->n_covered);
  /* Translators: the coverage row of the matrix: theme, how many at level 3 or above */
  return g_strdup_printf (_("%s: %u at level 3 or above."), theme->name, theme->n_covered);
}

static char *
describe_cell (KlMatrixView *self,
               guint         position,
               int           column)
{
  const KlMatrixRow *row = row_at (self, position);
  const KlMatrixCell *cell;
  const char *theme;

  if (column < 0)
    {
      if (is_units (self))
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u staff member", "%s, %u staff",
                                             row->n_staff),
                                row->name, row->n_staff);
      return g_strdup_printf ("%s, %s, %s", row->name, *row->job_title ? row->job_title : "–",
                              row->unit_name);
    }

  cell = cell_at (self, position, column);
  theme = self->matrix->themes[column].name;

  if (is_units (self))
    {
      g_autofree char *average = NULL;

      if (cell->n_assessed == 0)
        /* Translators: a unit's cell in the matrix: unit, theme */
        return g_strdup_printf (_("%s, %s: nobody assessed"), row->name, theme);
      average = kl_chart_format_number (cell->average, 1);
      /* Translators: a unit's cell in the matrix: unit, theme, average
       * level, people at level 3 or above, people assessed, people below target */
      return g_strdup_printf (_("%s, %s: average level %s; %u of %u assessed at level 3 or above; %u below target"),
                              row->name, theme, average, cell->n_covered, cell->n_assessed,
                              cell->n_below_target);
    }

  if (cell->level < 0)
    /* Translators: a person's cell in the matrix: name, theme */
    return g_strdup_printf (_("%s, %s: not assessed"), row->name, theme);
  if (cell->target < 0)
    /* Translators: a person's cell in the matrix: name, theme, level, level name */
    return g_strdup_printf (_("%s, %s: level %d, %s; no target"), row->name, theme, cell->level,
                            kl_level_name (cell->level));
  if (cell->level < cell->target)
    /* Translators: a person's cell in the matrix: name, theme, level, level name, target */
    return g_strdup_printf (_("%s, %s: level %d, %s; target %d, below target"), row->name, theme,
                            cell->level, kl_level_name (cell->level), cell->target);
  /* Translators: a person's cell in the matrix: name, theme, level, level name, target */
  return g_strdup_printf (_("%s, %s: level %d, %s; target %d"), row->name, theme, cell->level,
                          kl_level_name (cell->level), cell->target);
}

static void
update_accessible (KlMatrixView *self)
{
  g_autofree char *summary = kl_matrix_view_describe (self);
  g_autofree char *current = NULL;

  if (self->matrix != NULL && self->cursor_row >= 0 && (guint)self->cursor_row < n_rows (self))
    current = describe_cell (self, self->cursor_row, self->cursor_column);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  current ? current : summary,
                                  -1);
}

/* Size and scrolling */

static void
configure_adjustments (KlMatrixView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double body_w = MAX (0, width - name_width (self));
  double body_h = MAX (0, height - TOP);
  double content_w = 8 + (double)n_columns (self) * cell_width (self) + END_PADDING;
  double content_h = (double)n_rows (self) * row_height (self);

  if (self->hadjustment == NULL || self->vadjustment == NULL)
    return;
  gtk_adjustment_configure (self->hadjustment,
                            CLAMP (gtk_adjustment_get_value (self->hadjustment), 0, MAX (0, content_w - body_w)),
                            0, MAX (content_w, body_w), cell_width (self), body_w * 0.9, body_w);
  gtk_adjustment_configure (self->vadjustment,
                            CLAMP (gtk_adjustment_get_value (self->vadjustment), 0, MAX (0, content_h - body_h)),
                            0, MAX (content_h, body_h), row_height (self), body_h * 0.9, body_h);
}

static void
kl_matrix_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  configure_adjustments (KL_MATRIX_VIEW (widget));
}

static void
kl_matrix_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  KlMatrixView *self = KL_MATRIX_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 128 + 2 * cell_width (self);
      *natural = 260 + 8 + n_columns (self) * cell_width (self) + END_PADDING;
    }
  else
    {
      *minimum = TOP + row_height (self);
      *natural = TOP + CLAMP (n_rows (self), 1, 12) * row_height (self);
    }
}

static void
on_adjustment_changed (KlMatrixView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (KlMatrixView   *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  if (*slot == adjustment)
    return;
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, on_adjustment_changed, self);
      g_object_unref (*slot);
    }
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (on_adjustment_changed), self);
  configure_adjustments (self);
}

static void
scroll_to (KlMatrixView *self,
           int           position,
           int           column)
{
  if (position >= 0)
    {
      double top = (double)position * row_height (self);
      double page = gtk_adjustment_get_page_size (self->vadjustment);
      double value = gtk_adjustment_get_value (self->vadjustment);

      if (top < value)
        gtk_adjustment_set_value (self->vadjustment, top);
      else if (top + row_height (self) > value + page)
        gtk_adjustment_set_value (self->vadjustment, top + row_height (self) - page);
    }
  if (column >= 0)
    {
      double left = 8 + (double)column * cell_width (self);
      double page = gtk_adjustment_get_page_size (self->hadjustment);
      double value = gtk_adjustment_get_value (self->hadjustment);

      if (left < value)
        gtk_adjustment_set_value (self->hadjustment, MAX (0, left - 8));
      else if (left + cell_width (self) > value + page)
        gtk_adjustment_set_value (self->hadjustment, left + cell_width (self) - page);
    }
}

/* Input */

static void
set_cursor (KlMatrixView *self,
            int           position,
            int           column)
{
  guint rows = n_rows (self);

  if (rows == 0)
    return;
  self->cursor_row = CLAMP (position, 0, (int)rows - 1);
  self->cursor_column = CLAMP (column, -1, (int)n_columns (self) - 1);
  scroll_to (self, self->cursor_row, self->cursor_column);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * kl_matrix_view_activate_cell:
 * @position: a row as shown, after sorting
 * @column: a theme's column, or -1 for the row itself
 *
 * Does what a click on the cell does: emits ::cell-activated.
 */
void
kl_matrix_view_activate_cell (KlMatrixView *self,
                              guint         position,
                              int           column)
{
  g_return_if_fail (KL_IS_MATRIX_VIEW (self));
  g_return_if_fail (position < n_rows (self));

  g_signal_emit (self, signals[CELL_ACTIVATED], 0,
                 row_at (self, position)->id,
                 column >= 0 && (guint)column < n_columns (self) ? self->matrix->themes[column].theme_id : 0);
}

static void
toggle_sort (KlMatrixView *self,
             int           column)
{
  gint64 theme = column >= 0 ? self->matrix->themes[column].theme_id : 0;

  kl_matrix_view_set_sort_theme (self, self->sort_theme == theme ? 0 : theme);
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            KlMatrixView    *self)
{
  int row, column;
  HitKind hit = hit_test (self, x, y, &row, &column);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->pressed_row = row;
  self->pressed_column = hit == HIT_NAME ? -1 : column;
  if (hit == HIT_CELL || hit == HIT_NAME)
    set_cursor (self, row, hit == HIT_NAME ? -1 : column);
}

static void
on_released (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             KlMatrixView    *self)
{
  int row, column;
  HitKind hit = hit_test (self, x, y, &row, &column);

  if (hit == HIT_NAME)
    column = -1;
  if (row != self->pressed_row || column != self->pressed_column)
    return;

  switch (hit)
    {
    case HIT_CORNER:
      kl_matrix_view_set_sort_theme (self, 0);
      break;
    case HIT_HEADER:
    case HIT_SUMMARY:
      toggle_sort (self, column);
      break;
    case HIT_NAME:
    case HIT_CELL:
      kl_matrix_view_activate_cell (self, row, column);
      break;
    case HIT_SUMMARY_NAME:
    case HIT_NONE:
    default:
      break;
    }
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           KlMatrixView             *self)
{
  int row, column;
  HitKind hit = hit_test (self, x, y, &row, &column);

  if (hit != HIT_CELL && hit != HIT_NAME)
    row = -1;
  if (hit != HIT_CELL && hit != HIT_HEADER && hit != HIT_SUMMARY)
    column = -1;
  if (row != self->hover_row || column != self->hover_column)
    {
      self->hover_row = row;
      self->hover_column = column;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hit == HIT_NONE || hit == HIT_SUMMARY_NAME ? NULL : "pointer");
}

static void
on_leave (GtkEventControllerMotion *controller,
          KlMatrixView             *self)
{
  self->hover_row = self->hover_column = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                KlMatrixView          *self)
{
  int page = MAX (1, gtk_adjustment_get_page_size (self->vadjustment) / row_height (self) - 1);
  int row = MAX (self->cursor_row, 0), column = self->cursor_column;

  if (n_rows (self) == 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      row--;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      row++;
      break;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      column--;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      column++;
      break;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      row -= page;
      break;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      row += page;
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      if (state & GDK_CONTROL_MASK)
        row = 0;
      column = -1;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      if (state & GDK_CONTROL_MASK)
        row = n_rows (self) - 1;
      column = n_columns (self) - 1;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
      if (self->cursor_row >= 0)
        kl_matrix_view_activate_cell (self, self->cursor_row, self->cursor_column);
      return TRUE;
    default:
      return FALSE;
    }

  set_cursor (self, row, column);
  return TRUE;
}

static void
on_focus_changed (KlMatrixView *self)
{
  /* Coming in with Tab, the cursor starts on the first row in view,
   * without scrolling away from what the user is looking at. */
  if (self->cursor_row < 0 && n_rows (self) > 0 && gtk_widget_has_focus (GTK_WIDGET (self)))
    {
      self->cursor_row = MIN (gtk_adjustment_get_value (self->vadjustment) / row_height (self), n_rows (self) - 1);
      self->cursor_column = -1;
      update_accessible (self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
kl_matrix_view_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard,
                              GtkTooltip *tooltip)
{
  KlMatrixView *self = KL_MATRIX_VIEW (widget);
  g_autofree char *text = NULL;
  int row, column;
  HitKind hit;

  if (keyboard)
    {
      if (self->cursor_row < 0 || (guint)self->cursor_row >= n_rows (self))
        return FALSE;
      text = describe_cell (self, self->cursor_row, self->cursor_column);
      gtk_tooltip_set_text (tooltip, text);
      return TRUE;
    }

  hit = hit_test (self, x, y, &row, &column);
  switch (hit)
    {
    case HIT_CELL:
      text = describe_cell (self, row, column);
      break;
    case HIT_NAME:
      text = describe_cell (self, row, -1);
      break;
    case HIT_HEADER:
      /* Translators: tooltip of a theme's column header in the matrix */
      text = g_strdup_printf (_("%s — click to sort by the largest gap"), self->matrix->themes[column].name);
      break;
    case HIT_SUMMARY:
      text = describe_coverage (self, column);
      break;
    case HIT_SUMMARY_NAME:
      text = g_strdup (_("How many are at level 3 (Independent) or above. Fewer than two is marked: "
                         "one absence and nobody can carry the work."));
      break;
    case HIT_CORNER:
      text = g_strdup (_("Click to sort by name"));
      break;
    case HIT_NONE:
    default:
      return FALSE;
    }

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* GObject */

static void
kl_matrix_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KlMatrixView *self = KL_MATRIX_VIEW (object);

  switch (prop_id)
    {
    case PROP_SORT_THEME:
      g_value_set_int64 (value, self->sort_theme);
      break;
    case PROP_N_ROWS:
      g_value_set_uint (value, n_rows (self));
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_matrix_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KlMatrixView *self = KL_MATRIX_VIEW (object);

  switch (prop_id)
    {
    case PROP_SORT_THEME:
      kl_matrix_view_set_sort_theme (self, g_value_get_int64 (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_matrix_view_dispose (GObject *object)
{
  KlMatrixView *self = KL_MATRIX_VIEW (object);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_adjustment_changed, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_adjustment_changed, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_pointer (&self->matrix, kl_matrix_unref);

  G_OBJECT_CLASS (kl_matrix_view_parent_class)->dispose (object);
}

static void
kl_matrix_view_finalize (GObject *object)
{
  KlMatrixView *self = KL_MATRIX_VIEW (object);

  g_clear_pointer (&self->order, g_free);
  clear_keys (self);

  G_OBJECT_CLASS (kl_matrix_view_parent_class)->finalize (object);
}

static void
kl_matrix_view_class_init (KlMatrixViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = kl_matrix_view_get_property;
  object_class->set_property = kl_matrix_view_set_property;
  object_class->dispose = kl_matrix_view_dispose;
  object_class->finalize = kl_matrix_view_finalize;

  widget_class->measure = kl_matrix_view_measure;
  widget_class->size_allocate = kl_matrix_view_size_allocate;
  widget_class->snapshot = _kl_matrix_view_snapshot;
  widget_class->query_tooltip = kl_matrix_view_query_tooltip;

  /**
   * KlMatrixView:sort-theme:
   *
   * The theme whose gap orders the rows, largest first; 0 for by name.
   */
  properties[PROP_SORT_THEME] =
    g_param_spec_int64 ("sort-theme", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_ROWS] =
    g_param_spec_uint ("n-rows", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * KlMatrixView::cell-activated:
   * @row_id: the staff member or unit of the row
   * @theme_id: the theme of the column, or 0 for the row's name
   *
   * A cell was clicked, or chosen with Enter.
   */
  signals[CELL_ACTIVATED] =
    g_signal_new ("cell-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  gtk_widget_class_set_css_name (widget_class, "matrixview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
kl_matrix_view_init (KlMatrixView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *click;
  GtkEventController *controller;

  self->hover_row = self->hover_column = -1;
  self->cursor_row = -1;
  self->cursor_column = -1;
  self->pressed_row = self->pressed_column = -2;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  g_signal_connect (click, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (on_focus_changed), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_focus_changed), self);
  gtk_widget_add_controller (widget, controller);

  kl_chart_watch_style (widget);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Competence matrix"),
                                  -1);
}

GtkWidget *
kl_matrix_view_new (void)
{
  return g_object_new (KL_TYPE_MATRIX_VIEW, NULL);
}

/**
 * kl_matrix_view_set_matrix:
 * @matrix: (nullable): what to show
 *
 * Shows @matrix, keeping the sort order, and the cursor where it can.
 */
void
kl_matrix_view_set_matrix (KlMatrixView *self,
                           KlMatrix     *matrix)
{
  g_return_if_fail (KL_IS_MATRIX_VIEW (self));

  if (matrix != NULL)
    kl_matrix_ref (matrix);
  g_clear_pointer (&self->matrix, kl_matrix_unref);
  self->matrix = matrix;

  clear_keys (self);
  if (matrix != NULL && matrix->kind == KL_MATRIX_STAFF)
    {
      self->keys = g_new0 (char *, matrix->n_rows + 1);
      for (guint i = 0; i < matrix->n_rows; i++)
        self->keys[i] = g_utf8_collate_key (matrix->rows[i].name, -1);
    }
  if (self->sort_theme != 0 && (matrix == NULL || kl_matrix_find_theme (matrix, self->sort_theme) < 0))
    {
      self->sort_theme = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_THEME]);
    }
  sort_rows (self);

  self->hover_row = self->hover_column = -1;
  if (self->cursor_row >= (int)n_rows (self))
    self->cursor_row = (int)n_rows (self) - 1;
  if (self->cursor_column >= (int)n_columns (self))
    self->cursor_column = (int)n_columns (self) - 1;

  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ROWS]);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  configure_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * kl_matrix_view_get_matrix:
 *
 * Returns: (transfer none) (nullable): what is shown
 */
KlMatrix *
kl_matrix_view_get_matrix (KlMatrixView *self)
{
  g_return_val_if_fail (KL_IS_MATRIX_VIEW (self), NULL);

  return self->matrix;
}

/**
 * kl_matrix_view_set_sort_theme:
 * @theme_id: a theme to order the rows by its gap, or 0 for by name
 */
void
kl_matrix_view_set_sort_theme (KlMatrixView *self,
                               gint64        theme_id)
{
  g_return_if_fail (KL_IS_MATRIX_VIEW (self));

  if (self->sort_theme == theme_id)
    return;
  self->sort_theme = theme_id;
  sort_rows (self);
  if (self->matrix != NULL)
    {
      int column = kl_matrix_find_theme (self->matrix, theme_id);

      gtk_adjustment_set_value (self->vadjustment, 0);
      if (column >= 0)
        scroll_to (self, -1, column);
    }
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_THEME]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gint64
kl_matrix_view_get_sort_theme (KlMatrixView *self)
{
  g_return_val_if_fail (KL_IS_MATRIX_VIEW (self), 0);

  return self->sort_theme;
}

guint
kl_matrix_view_get_n_rows (KlMatrixView *self)
{
  g_return_val_if_fail (KL_IS_MATRIX_VIEW (self), 0);

  return n_rows (self);
}

/**
 * kl_matrix_view_get_row:
 * @position: a row as shown, after sorting
 *
 * Returns: (transfer none): the row
 */
const KlMatrixRow *
kl_matrix_view_get_row (KlMatrixView *self,
                        guint         position)
{
  g_return_val_if_fail (KL_IS_MATRIX_VIEW (self), NULL);
  g_return_val_if_fail (position < n_rows (self), NULL);

  return row_at (self, position);
}

/**
 * kl_matrix_view_get_cell:
 * @position: a row as shown, after sorting
 *
 * Returns: (transfer none): the cell
 */
KlMatrixCell *
kl_matrix_view_get_cell (KlMatrixView *self,
                         guint         position,
                         guint         column)
{
  g_return_val_if_fail (KL_IS_MATRIX_VIEW (self), NULL);
  g_return_val_if_fail (position < n_rows (self) && column < n_columns (self), NULL);

  return cell_at (self, position, column);
}

/**
 * kl_matrix_view_describe_cell:
 * @position: a row as shown, after sorting
 * @column: a theme's column, or -1 for the row itself
 *
 * Returns: (transfer full): the cell in words, as its tooltip and
 *   assistive technology give it
 */
char *
kl_matrix_view_describe_cell (KlMatrixView *self,
                              guint         position,
                              guint         column)
{
  g_return_val_if_fail (KL_IS_MATRIX_VIEW (self), NULL);
  g_return_val_if_fail (position < n_rows (self), NULL);

  return describe_cell (self, position, column < n_columns (self) ? (int)column : -1);
}

/**
 * kl_matrix_view_describe:
 *
 * Returns: (transfer full): a summary in words: how many rows, and the
 *   themes where the team is vulnerable
 */
char *
kl_matrix_view_describe (KlMatrixView *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) thin = g_string_new (NULL);

  g_return_val_if_fail (KL_IS_MATRIX_VIEW (self), NULL);

  if (self->matrix == NULL)
    return g_string_free (g_steal_pointer (&text), FALSE);

  if (is_units (self))
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u unit.", "%u units.", n_rows (self)),
                            n_rows (self));
  else
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u person.", "%u people.", n_rows (self)),
                            n_rows (self));

  for (guint c = 0; c < n_columns (self); c++)
    if (self->matrix->themes[c].n_covered < KL_COVERAGE_MIN)
      g_string_append_printf (thin, "%s%s", thin->len ? ", " : "", self->matrix->themes[c].name);

  g_string_append_c (text, ' ');
  if (thin->len > 0)
    /* Translators: %s is a list of themes */
    g_string_append_printf (text, _("Fewer than two at level 3 or above in: %s."), thin->str);
  else
    g_string_append (text, _("At least two are at level 3 or above in every theme."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
append_field (GString    *out,
              const char *text,
              gboolean    last)
{
  /* Tabs and line breaks would break the columns. */
  for (const char *p = text ? text : ""; *p; p++)
    g_string_append_c (out, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
  g_string_append_c (out, last ? '\n' : '\t');
}

/**
 * kl_matrix_view_to_text:
 *
 * The matrix as shown, as tab-separated text for a spreadsheet or a
 * screen reader: a row per person or unit, a column per theme ("2 (3)"
 * is level 2 with target 3), and the coverage row last.
 *
 * Returns: (transfer full): the text
 */
char *
kl_matrix_view_to_text (KlMatrixView *self)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint columns;

  g_return_val_if_fail (KL_IS_MATRIX_VIEW (self), NULL);

  if (self->matrix == NULL)
    return g_string_free (g_steal_pointer (&out), FALSE);

  columns = n_columns (self);
  if (is_units (self))
    {
      append_field (out, _("Unit"), FALSE);
      append_field (out, _("Staff"), columns == 0);
    }
  else
    {
      append_field (out, _("Name"), FALSE);
      append_field (out, _("Job title"), FALSE);
      append_field (out, _("Unit"), columns == 0);
    }
  for (guint c = 0; c < columns; c++)
    append_field (out, self->matrix->themes[c].name, c + 1 == columns);

  for (guint p = 0; p < n_rows (self); p++)
    {
      const KlMatrixRow *row = row_at (self, p);

      if (is_units (self))
        {
          g_autofree char *staff = g_strdup_printf ("%u", row->n_staff);
          g_autofree char *name = g_strdup_printf ("%*s%s", 2 * MIN (row->depth, 6), "", row->name);

          append_field (out, name, FALSE);
          append_field (out, staff, columns == 0);
        }
      else
        {
          append_field (out, row->name, FALSE);
          append_field (out, row->job_title, FALSE);
          append_field (out, row->unit_name, columns == 0);
        }

      for (guint c = 0; c < columns; c++)
        {
          KlMatrixCell *cell = cell_at (self, p, c);
          g_autofree char *value = NULL;

          if (cell->level < 0)
            value = g_strdup ("");
          else if (is_units (self))
            value = kl_chart_format_number (cell->average, 1);
          else if (cell->target >= 0)
            value = g_strdup_printf ("%d (%d)", cell->level, cell->target);
          else
            value = g_strdup_printf ("%d", cell->level);
          append_field (out, value, c + 1 == columns);
        }
    }

  append_field (out, _("Level 3 or above"), FALSE);
  append_field (out, "", is_units (self) && columns == 0);
  if (!is_units (self))
    append_field (out, "", columns == 0);
  for (guint c = 0; c < columns; c++)
    {
      g_autofree char *value = g_strdup_printf ("%u", self->matrix->themes[c].n_covered);
      append_field (out, value, c + 1 == columns);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
