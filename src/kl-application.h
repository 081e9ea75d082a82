/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kl-settings.h"
#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_APPLICATION (kl_application_get_type ())
G_DECLARE_FINAL_TYPE (KlApplication, kl_application, KL, APPLICATION, AdwApplication)

KlApplication *kl_application_new           (void);
KlSettings    *kl_application_get_settings  (KlApplication *self);
KlStore       *kl_application_get_store     (KlApplication *self);
gboolean       kl_application_open_database (KlApplication  *self,
                                             const char     *path,
                                             GError        **error);
void           kl_application_show_database_error (KlApplication *self,
                                                   const char    *path,
                                                   const GError  *error);

G_END_DECLS
