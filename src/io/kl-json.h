/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kl-store.h"

G_BEGIN_DECLS

#define KL_JSON_FORMAT "kompetenceloeft"
#define KL_JSON_VERSION 1

/* What an import would do (or did), per array of the file. */
typedef struct
{
  const char *array;
  guint       added;
  guint       updated;
  guint       unchanged;
} KlImportCount;

#define KL_IMPORT_N_ARRAYS 9

typedef struct
{
  KlImportCount counts[KL_IMPORT_N_ARRAYS];
} KlImportSummary;

gboolean kl_json_export        (KlStore           *store,
                                GOutputStream     *stream,
                                GCancellable      *cancellable,
                                GError           **error);
gboolean kl_json_export_file   (KlStore           *store,
                                const char        *path,
                                GCancellable      *cancellable,
                                GError           **error);
gboolean kl_json_import_file   (KlStore           *store,
                                const char        *path,
                                gboolean           dry_run,
                                KlImportSummary   *summary,
                                GError           **error);
char    *kl_import_summary_to_string (const KlImportSummary *summary);

G_END_DECLS
