/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <fcntl.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "kl-xlsx.h"

/* A workbook for HR: one sheet per report, frozen header row,
 * autofilter, columns as wide as their headers and contents, real dates
 * and numbers, headers and date format in the UI language, and pages
 * that print: landscape, one page wide, the header row on every page.
 * Written in libxlsxwriter's constant-memory mode, row by row, so a large
 * municipality's export stays small in memory; the column widths, which
 * the file keeps apart from the rows, are set when the rows are done. */

/* Column widths, in characters: headers wrap beyond the widest. */
#define MIN_WIDTH     6.0
#define MAX_WIDTH    50.0
#define WIDTH_MARGIN  2.0

static const KlReportKind sheets[] = {
  KL_REPORT_ENROLMENTS,
  KL_REPORT_COMPETENCES,
  KL_REPORT_COURSES,
  KL_REPORT_COVERAGE,
  KL_REPORT_PRINCIPLES,
};

typedef struct
{
  lxw_worksheet *sheet;
  lxw_format    *date;
  lxw_format    *money;
  lxw_format    *decimal;
  GCancellable  *cancellable;
  lxw_row_t      row;
  lxw_error      status;
  double        *widths;        /* the widest content of each column */
  guint          n_widths;
} Sheet;

static void
measure (Sheet  *sheet,
         guint   column,
         double  width)
{
  if (column < sheet->n_widths && width > sheet->widths[column])
    sheet->widths[column] = width;
}

/* How many characters a number takes as the cell shows it, counted
 * without formatting it: this runs for every number in the workbook. */
static double
number_width (double   number,
              int      decimals,
              gboolean thousands)
{
  double magnitude = fabs (number);
  double digits = magnitude < 10 ? 1 : floor (log10 (magnitude)) + 1;
  double width = digits + (number < 0);

  if (decimals > 0)
    width += decimals + 1;
  if (thousands)
    width += floor ((digits - 1) / 3);
  return width;
}

/* A text's width is its length in characters; its length in bytes is
 * never less, so most cells are passed over without counting. */
static void
measure_text (Sheet      *sheet,
              guint       column,
              const char *text)
{
  size_t bytes = strlen (text);

  if (column < sheet->n_widths && bytes > sheet->widths[column])
    measure (sheet, column, g_utf8_strlen (text, bytes));
}

static gboolean
write_row (const KlCell  *cells,
           guint          n_cells,
           gpointer       data,
           GError       **error)
{
  Sheet *sheet = data;
  lxw_row_t row = ++sheet->row;

  if (row % 1000 == 0 && g_cancellable_set_error_if_cancelled (sheet->cancellable, error))
    return FALSE;

  for (guint i = 0; i < n_cells && sheet->status == LXW_NO_ERROR; i++)
    {
      const KlCell *cell = &cells[i];
      lxw_col_t col = i;

      if (cell->is_null)
        continue;

      switch (cell->type)
        {
        case KL_CELL_TEXT:
          if (cell->text != NULL && *cell->text != '\0')
            {
              sheet->status = worksheet_write_string (sheet->sheet, row, col, cell->text, NULL);
              measure_text (sheet, i, cell->text);
            }
          break;
        case KL_CELL_DATE:
          {
            int y, m, d;

            if (cell->text != NULL && sscanf (cell->text, "%4d-%2d-%2d", &y, &m, &d) == 3)
              {
                lxw_datetime date = { y, m, d, 0, 0, 0 };
                sheet->status = worksheet_write_datetime (sheet->sheet, row, col, &date, sheet->date);
                measure (sheet, i, 10);
              }
          }
          break;
        case KL_CELL_INTEGER:
          sheet->status = worksheet_write_number (sheet->sheet, row, col, cell->number, NULL);
          measure (sheet, i, number_width (cell->number, 0, FALSE));
          break;
        case KL_CELL_NUMBER:
          sheet->status = worksheet_write_number (sheet->sheet, row, col, cell->number, sheet->decimal);
          measure (sheet, i, number_width (cell->number, 1, FALSE));
          break;
        case KL_CELL_MONEY:
          sheet->status = worksheet_write_number (sheet->sheet, row, col, cell->number, sheet->money);
          measure (sheet, i, number_width (cell->number, 2, TRUE));
          break;
        default:
          g_assert_not_reached ();
        }
    }

  if (sheet->status != LXW_NO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", lxw_strerror (sheet->status));
      return FALSE;
    }
  return TRUE;
}

/**
 * kl_xlsx_export_file:
 * @store: the database
 * @filter: (nullable): period and unit
 * @path: the .xlsx file to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the training overview, staff competences, courses, theme
 * coverage per unit and principle status as sheets of one workbook.
 * The file appears at @path only when complete.
 */
static gboolean write_workbook (KlStore               *store,
                                const KlReportFilter  *filter,
                                const char            *path,
                                GCancellable          *cancellable,
                                GError               **error);

gboolean
kl_xlsx_export_file (KlStore               *store,
                     const KlReportFilter  *filter,
                     const char            *path,
                     GCancellable          *cancellable,
                     GError               **error)
{
  locale_t c_numeric, previous;
  gboolean ok;

  g_return_val_if_fail (KL_IS_STORE (store), FALSE);

  /* libxlsxwriter prints numbers with printf: in a Danish locale that
   * would write "7,5" into the XML. Use C numbers in this thread only,
   * keeping the user's language for the headers. */
  c_numeric = newlocale (LC_NUMERIC_MASK, "C", duplocale (LC_GLOBAL_LOCALE));
  previous = uselocale (c_numeric);
  ok = write_workbook (store, filter, path, cancellable, error);
  uselocale (previous);
  freelocale (c_numeric);
  return ok;
}

static double
header_width (const KlReportColumn *column)
{
  return g_utf8_strlen (_(column->title), -1) + WIDTH_MARGIN;
}

/* A column is at least as wide as its header up to MAX_WIDTH, so only a
 * header longer than that wraps: the header row's height is known before
 * any row is written, as constant-memory mode needs. */
static void
write_header (Sheet                *sheet,
              const KlReportColumn *columns,
              guint                 n_columns,
              lxw_format           *format)
{
  guint lines = 1;

  for (guint c = 0; c < n_columns; c++)
    lines = MAX (lines, (guint)ceil (header_width (&columns[c]) / MAX_WIDTH));
  if (lines > 1)
    worksheet_set_row (sheet->sheet, 0, 15.0 * lines, NULL);
  for (guint c = 0; c < n_columns; c++)
    worksheet_write_string (sheet->sheet, 0, c, _(columns[c].title), format);
}

/* Each column as wide as its header or its widest cell, within bounds.
 * The widths are kept apart from the rows in the file, so they can be
 * set once the rows are written. */
static void
set_column_widths (Sheet                *sheet,
                   const KlReportColumn *columns,
                   guint                 n_columns)
{
  for (guint c = 0; c < n_columns; c++)
    {
      double width = CLAMP (MAX (header_width (&columns[c]), sheet->widths[c] + WIDTH_MARGIN), MIN_WIDTH, MAX_WIDTH);

      worksheet_set_column (sheet->sheet, c, c, width, NULL);
    }
}

static gboolean
write_workbook (KlStore               *store,
                const KlReportFilter  *filter,
                const char            *path,
                GCancellable          *cancellable,
                GError               **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *tmp = NULL;
  g_autofree char *tmpdir = g_strdup (g_get_tmp_dir ());
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = tmpdir };
  lxw_workbook *workbook;
  lxw_format *header, *date, *money, *decimal;
  lxw_error status;
  gboolean ok = TRUE;
  int fd;

  /* A private temporary file beside the target, renamed when complete. */
  tmp = g_build_filename (dir, ".kompetenceloeft-XXXXXX.xlsx", NULL);
  fd = g_mkstemp_full (tmp, O_RDWR, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", path, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  workbook = workbook_new_opt (tmp, &options);
  if (workbook == NULL)
    {
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: could not start the workbook"), path);
      return FALSE;
    }

  {
    /* Translators: the title of an exported workbook, in its properties */
    g_autofree char *title = g_strdup (_("Kompetenceløft: training overview"));
    /* The person exporting, as office programs do: GLib says "Unknown"
     * when the account has no real name. */
    const char *real_name = g_get_real_name ();
    g_autofree char *author = g_strdup (g_str_equal (real_name, "Unknown") ? g_get_user_name () : real_name);
    lxw_doc_properties properties = { .title = title, .author = author };

    workbook_set_properties (workbook, &properties);
  }

  header = workbook_add_format (workbook);
  format_set_bold (header);
  format_set_bottom (header, LXW_BORDER_THIN);
  format_set_text_wrap (header);
  format_set_align (header, LXW_ALIGN_VERTICAL_TOP);
  date = workbook_add_format (workbook);
  /* Translators: how a spreadsheet shows dates, in Excel's codes; the
   * cell stays a real date. Danish: dd-mm-yyyy */
  format_set_num_format (date, C_("spreadsheet date format", "yyyy-mm-dd"));
  money = workbook_add_format (workbook);
  format_set_num_format (money, "#,##0.00");
  decimal = workbook_add_format (workbook);
  format_set_num_format (decimal, "0.0");

  for (guint s = 0; ok && s < G_N_ELEMENTS (sheets); s++)
    {
      guint n_columns;
      const KlReportColumn *columns = kl_report_columns (sheets[s], &n_columns);
      const char *title = kl_report_kind_title (sheets[s]);
      /* Excel allows sheet names of at most 31 characters. */
      g_autofree char *name = g_utf8_strlen (title, -1) > 31 ? g_utf8_substring (title, 0, 31) : g_strdup (title);
      g_autofree double *widths = g_new0 (double, n_columns);
      Sheet sheet = { NULL, date, money, decimal, cancellable, 0, LXW_NO_ERROR, widths, n_columns };

      sheet.sheet = workbook_add_worksheet (workbook, name);
      if (sheet.sheet == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: could not add the sheet “%s”"), path, name);
          ok = FALSE;
          break;
        }

      worksheet_freeze_panes (sheet.sheet, 1, 0);
      worksheet_set_landscape (sheet.sheet);
      worksheet_set_paper (sheet.sheet, 9);           /* A4 */
      worksheet_fit_to_pages (sheet.sheet, 1, 0);     /* one page wide, as long as it takes */
      worksheet_repeat_rows (sheet.sheet, 0, 0);
      write_header (&sheet, columns, n_columns, header);

      ok = kl_store_report (store, sheets[s], filter, write_row, &sheet, error);
      if (ok)
        {
          set_column_widths (&sheet, columns, n_columns);
          worksheet_autofilter (sheet.sheet, 0, 0, MAX (sheet.row, 1), n_columns - 1);
        }
    }

  status = workbook_close (workbook);
  if (ok && status != LXW_NO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", path, lxw_strerror (status));
      ok = FALSE;
    }

  if (ok && g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", path, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp);
  else
    g_chmod (path, 0600);

  return ok;
}
