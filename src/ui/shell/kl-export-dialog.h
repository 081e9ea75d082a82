/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kl-io-task.h"
#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_EXPORT_DIALOG (kl_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KlExportDialog, kl_export_dialog, KL, EXPORT_DIALOG, AdwWindow)

KlExportDialog  *kl_export_dialog_new          (GtkWindow      *parent,
                                                KlStore        *store,
                                                KlCsvStyle      csv_style);
KlExportOptions *kl_export_dialog_get_options  (KlExportDialog *self,
                                                GError        **error);
void             kl_export_dialog_export_to    (KlExportDialog *self,
                                                const char     *path);
gboolean         kl_export_dialog_get_busy     (KlExportDialog *self);

G_END_DECLS
