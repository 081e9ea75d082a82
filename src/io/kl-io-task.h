/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kl-csv.h"
#include "kl-json.h"
#include "kl-store.h"

G_BEGIN_DECLS

typedef enum
{
  KL_EXPORT_XLSX,
  KL_EXPORT_CSV,
  KL_EXPORT_PDF,
  KL_EXPORT_JSON,
} KlExportFormat;

typedef struct
{
  KlExportFormat  format;
  KlReportKind    report;    /* for CSV */
  KlCsvStyle      csv_style;
  KlReportFilter  filter;    /* from/to owned */
  char           *path;
} KlExportOptions;

KlExportOptions *kl_export_options_copy   (const KlExportOptions *options);
void             kl_export_options_free   (KlExportOptions       *options);
const char      *kl_export_format_suffix  (KlExportFormat         format);

gboolean  kl_export_run             (KlStore                *store,
                                     const KlExportOptions  *options,
                                     GCancellable           *cancellable,
                                     GError                **error);
void      kl_export_async           (KlStore                *store,
                                     const KlExportOptions  *options,
                                     GCancellable           *cancellable,
                                     GAsyncReadyCallback     callback,
                                     gpointer                user_data);
gboolean  kl_export_finish          (KlStore                *store,
                                     GAsyncResult           *result,
                                     GError                **error);
void      kl_import_async           (KlStore                *store,
                                     const char             *path,
                                     gboolean                dry_run,
                                     GCancellable           *cancellable,
                                     GAsyncReadyCallback     callback,
                                     gpointer                user_data);
gboolean  kl_import_finish          (KlStore                *store,
                                     GAsyncResult           *result,
                                     KlImportSummary        *summary,
                                     GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlExportOptions, kl_export_options_free)

G_END_DECLS
