/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kl-store.h"

G_BEGIN_DECLS

typedef enum
{
  KL_CSV_DANISH,          /* ; separator, decimal comma: what Danish Excel opens */
  KL_CSV_INTERNATIONAL,   /* , separator, decimal point */
} KlCsvStyle;

gboolean kl_csv_export      (KlStore               *store,
                             KlReportKind           kind,
                             const KlReportFilter  *filter,
                             KlCsvStyle             style,
                             GOutputStream         *stream,
                             GCancellable          *cancellable,
                             GError               **error);
gboolean kl_csv_export_file (KlStore               *store,
                             KlReportKind           kind,
                             const KlReportFilter  *filter,
                             KlCsvStyle             style,
                             const char            *path,
                             GCancellable          *cancellable,
                             GError               **error);
void     kl_csv_append_text (GString               *out,
                             const char            *text,
                             KlCsvStyle             style);

G_END_DECLS
