/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kl-csv.h"
#include "kl-io-util.h"

/* CSV for Danish Excel by default: UTF-8 with BOM, ";" between cells,
 * decimal comma, CRLF line ends, RFC 4180 quoting, ISO dates. */

static char
separator (KlCsvStyle style)
{
  return style == KL_CSV_DANISH ? ';' : ',';
}

/**
 * kl_csv_append_text:
 *
 * Appends a text cell, quoted when it holds the separator, a quote or a
 * line break. A cell a spreadsheet would run as a formula (starting with
 * =, +, -, @, tab or carriage return) gets a leading apostrophe.
 */
void
kl_csv_append_text (GString    *out,
                    const char *text,
                    KlCsvStyle  style)
{
  gboolean formula = text[0] == '=' || text[0] == '+' || text[0] == '-' ||
                     text[0] == '@' || text[0] == '\t' || text[0] == '\r';
  gboolean quote = strchr (text, separator (style)) != NULL || strpbrk (text, "\"\r\n") != NULL;

  if (quote)
    g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

static void
append_number (GString    *out,
               double      value,
               int         decimals,
               KlCsvStyle  style)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *dot;

  g_ascii_formatd (buffer, sizeof buffer, decimals == 2 ? "%.2f" : "%.1f", value);
  /* Whole numbers read better without ",0". */
  if (decimals == 1 && g_str_has_suffix (buffer, ".0"))
    buffer[strlen (buffer) - 2] = '\0';
  if (style == KL_CSV_DANISH && (dot = strchr (buffer, '.')) != NULL)
    *dot = ',';
  g_string_append (out, buffer);
}

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GString       *buffer;
  KlCsvStyle     style;
} Writer;

static gboolean
flush (Writer    *writer,
       gboolean   force,
       GError   **error)
{
  if (!force && writer->buffer->len < 64 * 1024)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (writer->cancellable, error) ||
      !g_output_stream_write_all (writer->stream, writer->buffer->str, writer->buffer->len,
                                  NULL, writer->cancellable, error))
    return FALSE;
  g_string_truncate (writer->buffer, 0);
  return TRUE;
}

static gboolean
write_row (const KlCell  *cells,
           guint          n_cells,
           gpointer       data,
           GError       **error)
{
  Writer *writer = data;

  for (guint i = 0; i < n_cells; i++)
    {
      const KlCell *cell = &cells[i];

      if (i > 0)
        g_string_append_c (writer->buffer, separator (writer->style));
      if (cell->is_null)
        continue;

      switch (cell->type)
        {
        case KL_CELL_TEXT:
        case KL_CELL_DATE:
          kl_csv_append_text (writer->buffer, cell->text ? cell->text : "", writer->style);
          break;
        case KL_CELL_INTEGER:
          g_string_append_printf (writer->buffer, "%" G_GINT64_FORMAT, (gint64)cell->number);
          break;
        case KL_CELL_NUMBER:
          append_number (writer->buffer, cell->number, 1, writer->style);
          break;
        case KL_CELL_MONEY:
          append_number (writer->buffer, cell->number, 2, writer->style);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  g_string_append (writer->buffer, "\r\n");
  return flush (writer, FALSE, error);
}

/**
 * kl_csv_export:
 * @store: the database
 * @kind: which table
 * @filter: (nullable): period and unit
 * @style: Danish (;, decimal comma) or international (,, decimal point)
 * @stream: where to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes one report as CSV, headers in the UI language.
 */
gboolean
kl_csv_export (KlStore               *store,
               KlReportKind           kind,
               const KlReportFilter  *filter,
               KlCsvStyle             style,
               GOutputStream         *stream,
               GCancellable          *cancellable,
               GError               **error)
{
  Writer writer = { stream, cancellable, g_string_sized_new (128 * 1024), style };
  const KlReportColumn *columns;
  guint n_columns;
  gboolean ok;

  g_return_val_if_fail (KL_IS_STORE (store), FALSE);

  g_string_append (writer.buffer, "\xEF\xBB\xBF");
  columns = kl_report_columns (kind, &n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      if (i > 0)
        g_string_append_c (writer.buffer, separator (style));
      kl_csv_append_text (writer.buffer, _(columns[i].title), style);
    }
  g_string_append (writer.buffer, "\r\n");

  ok = kl_store_report (store, kind, filter, write_row, &writer, error) &&
       flush (&writer, TRUE, error);

  g_string_free (writer.buffer, TRUE);
  return ok;
}

typedef struct
{
  KlReportKind           kind;
  const KlReportFilter  *filter;
  KlCsvStyle             style;
} Job;

static gboolean
write_to_stream (KlStore        *store,
                 GOutputStream  *stream,
                 gpointer        data,
                 GCancellable   *cancellable,
                 GError        **error)
{
  Job *job = data;

  return kl_csv_export (store, job->kind, job->filter, job->style, stream, cancellable, error);
}

gboolean
kl_csv_export_file (KlStore               *store,
                    KlReportKind           kind,
                    const KlReportFilter  *filter,
                    KlCsvStyle             style,
                    const char            *path,
                    GCancellable          *cancellable,
                    GError               **error)
{
  Job job = { kind, filter, style };

  return kl_io_write_file (store, path, write_to_stream, &job, cancellable, error);
}
