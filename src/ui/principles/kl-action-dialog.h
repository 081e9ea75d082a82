/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_ACTION_DIALOG (kl_action_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KlActionDialog, kl_action_dialog, KL, ACTION_DIALOG, AdwWindow)

KlActionDialog *kl_action_dialog_new  (GtkWindow      *parent,
                                       KlStore        *store,
                                       KlAction       *action,
                                       gint64          principle_id,
                                       gint64          unit_id);
gboolean        kl_action_dialog_save (KlActionDialog *self);

G_END_DECLS
