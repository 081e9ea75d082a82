/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kl-matrix-view.h"

G_BEGIN_DECLS

/* The competence matrix as one scrollable widget that draws only what is
 * in view, so ten thousand rows scroll as easily as ten.
 *
 *   ┌────────────┬───────────────────────────┐
 *   │ Name       │  theme names, slanted     │  header: click to sort
 *   │ Level 3+   │  coverage per theme       │  ⚠ where fewer than two
 *   ├────────────┼───────────────────────────┤
 *   │ names      │  cells                    │  scrolls both ways
 *   └────────────┴───────────────────────────┘
 *
 * The names stay put when scrolling sideways, the header and the
 * coverage row when scrolling down. Each cell is coloured by level and
 * always shows the number; a level below its target gets a corner mark.
 * Rows are people (their level and target) or units (the average level
 * of their staff, and how many of those assessed are at level 3 or
 * above). A cursor moves with the arrow keys; the focused cell is
 * described to assistive technology, and every cell has a tooltip. */

#define HEADER_HEIGHT   132
#define SUMMARY_HEIGHT   36
#define TOP             (HEADER_HEIGHT + SUMMARY_HEIGHT)
#define HEADER_TEXT     150     /* the width of a slanted theme name, in two lines */
#define END_PADDING     112     /* room for the last slanted name */
#define CELL_INSET        2
#define CELL_RADIUS       6.0
#define MARK_SIZE        11.0

struct _KlMatrixView
{
  GtkWidget      parent_instance;

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint          hscroll_policy : 1;
  guint          vscroll_policy : 1;

  KlMatrix      *matrix;
  guint         *order;        /* positions → matrix rows */
  char         **keys;         /* collation keys of the names, by matrix row */
  gint64         sort_theme;   /* 0: by name */

  int            hover_row;    /* positions; -1 for none */
  int            hover_column;
  int            cursor_row;
  int            cursor_column; /* -1: the name */
  int            pressed_row;
  int            pressed_column;
};

/* Geometry */

static inline gboolean
is_units (KlMatrixView *self)
{
  return self->matrix != NULL && self->matrix->kind == KL_MATRIX_UNITS;
}

static inline int
row_height (KlMatrixView *self)
{
  return is_units (self) ? 46 : 42;
}

static inline int
cell_width (KlMatrixView *self)
{
  return is_units (self) ? 56 : 46;
}

static inline int
name_width (KlMatrixView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  return CLAMP (width * 0.3, 128, 260);
}

static inline guint
n_rows (KlMatrixView *self)
{
  return self->matrix ? self->matrix->n_rows : 0;
}

static inline guint
n_columns (KlMatrixView *self)
{
  return self->matrix ? self->matrix->n_themes : 0;
}

static inline double
column_x (KlMatrixView *self,
          guint         column)
{
  return name_width (self) + 8 + column * cell_width (self) - gtk_adjustment_get_value (self->hadjustment);
}

static inline double
row_y (KlMatrixView *self,
       guint         position)
{
  return TOP + (double)position * row_height (self) - gtk_adjustment_get_value (self->vadjustment);
}

static inline const KlMatrixRow *
row_at (KlMatrixView *self,
        guint         position)
{
  return &self->matrix->rows[self->order[position]];
}

static inline KlMatrixCell *
cell_at (KlMatrixView *self,
         guint         position,
         guint         column)
{
  return kl_matrix_get_cell (self->matrix, self->order[position], column);
}

void _kl_matrix_view_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot);

G_END_DECLS
