/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kl-store.h"

G_BEGIN_DECLS

typedef gboolean (*KlIoWriteFunc) (KlStore        *store,
                                   GOutputStream  *stream,
                                   gpointer        data,
                                   GCancellable   *cancellable,
                                   GError        **error);

gboolean kl_io_write_file (KlStore        *store,
                           const char     *path,
                           KlIoWriteFunc   write,
                           gpointer        data,
                           GCancellable   *cancellable,
                           GError        **error);

G_END_DECLS
