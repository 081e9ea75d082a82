/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_STAFF_PROFILE (kl_staff_profile_get_type ())
G_DECLARE_FINAL_TYPE (KlStaffProfile, kl_staff_profile, KL, STAFF_PROFILE, AdwBin)

void kl_staff_profile_set_staff (KlStaffProfile *self,
                                 KlStore        *store,
                                 gint64          staff_id);
void kl_staff_profile_reload    (KlStaffProfile *self);

G_END_DECLS
