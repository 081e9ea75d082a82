/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_STAFF_DIALOG (kl_staff_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KlStaffDialog, kl_staff_dialog, KL, STAFF_DIALOG, AdwWindow)

KlStaffDialog *kl_staff_dialog_new      (GtkWindow     *parent,
                                         KlStore       *store,
                                         KlStaff       *staff);
void           kl_staff_dialog_set_unit (KlStaffDialog *self,
                                         gint64         unit_id);
gboolean       kl_staff_dialog_save     (KlStaffDialog *self);

G_END_DECLS
