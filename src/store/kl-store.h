/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KL_STORE_ERROR (kl_store_error_quark ())

typedef enum
{
  KL_STORE_ERROR_CANNOT_OPEN,
  KL_STORE_ERROR_NOT_A_DATABASE,
  KL_STORE_ERROR_CORRUPT,
  KL_STORE_ERROR_NEWER_VERSION,
  KL_STORE_ERROR_FAILED,
} KlStoreError;

/* The schema version this build writes and understands. */
#define KL_STORE_SCHEMA_VERSION 1

#define KL_TYPE_STORE (kl_store_get_type ())
G_DECLARE_FINAL_TYPE (KlStore, kl_store, KL, STORE, GObject)

GQuark      kl_store_error_quark       (void);
char       *kl_store_get_default_path  (void);
KlStore    *kl_store_open              (const char  *path,
                                        GError     **error);
const char *kl_store_get_path          (KlStore     *self);
int         kl_store_get_schema_version (KlStore    *self);

G_END_DECLS
