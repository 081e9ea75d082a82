/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kl-store.h"

G_BEGIN_DECLS

gboolean kl_xlsx_export_file (KlStore               *store,
                              const KlReportFilter  *filter,
                              const char            *path,
                              GCancellable          *cancellable,
                              GError               **error);

G_END_DECLS
