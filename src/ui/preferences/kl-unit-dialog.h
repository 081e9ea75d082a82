/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_UNIT_DIALOG (kl_unit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KlUnitDialog, kl_unit_dialog, KL, UNIT_DIALOG, AdwWindow)

KlUnitDialog *kl_unit_dialog_new  (GtkWindow    *parent,
                                   KlStore      *store,
                                   KlUnit       *unit);
gboolean      kl_unit_dialog_save (KlUnitDialog *self);

G_END_DECLS
