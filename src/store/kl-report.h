/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The tables HR exports: each a fixed list of columns, rows from SQL. */
typedef enum
{
  KL_REPORT_ENROLMENTS,      /* the training overview: one row per enrolment */
  KL_REPORT_STAFF,
  KL_REPORT_COMPETENCES,     /* staff × theme: current level and target */
  KL_REPORT_COURSES,
  KL_REPORT_COVERAGE,        /* unit × theme */
  KL_REPORT_PRINCIPLES,      /* unit × principle */
  KL_REPORT_N_KINDS
} KlReportKind;

typedef enum
{
  KL_CELL_TEXT,
  KL_CELL_DATE,      /* text YYYY-MM-DD or empty */
  KL_CELL_INTEGER,
  KL_CELL_NUMBER,    /* decimals */
  KL_CELL_MONEY,     /* Danish kroner */
} KlCellType;

typedef struct
{
  const char *id;      /* stable, English, for scripts */
  const char *title;   /* translatable msgid for the header */
  KlCellType  type;
  double      width;   /* spreadsheet column width, in characters */
} KlReportColumn;

typedef struct
{
  KlCellType  type;
  gboolean    is_null;
  const char *text;
  double      number;
} KlCell;

typedef struct
{
  char   *from;        /* YYYY-MM-DD or NULL */
  char   *to;
  gint64  unit_id;     /* with sub-units; 0 for all */
} KlReportFilter;

typedef gboolean (*KlReportRowFunc) (const KlCell  *cells,
                                     guint          n_cells,
                                     gpointer       data,
                                     GError       **error);

const char            *kl_report_kind_to_string   (KlReportKind          kind);
gboolean               kl_report_kind_from_string (const char           *text,
                                                   KlReportKind         *kind);
const char            *kl_report_kind_title       (KlReportKind          kind);
const KlReportColumn  *kl_report_columns          (KlReportKind          kind,
                                                   guint                *n_columns);

G_END_DECLS
