/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kl-record.h"

G_BEGIN_DECLS

#define KL_TYPE_UNIT (kl_unit_get_type ())
G_DECLARE_FINAL_TYPE (KlUnit, kl_unit, KL, UNIT, KlRecord)

KlUnit      *kl_unit_new           (void);
const char  *kl_unit_get_name      (KlUnit *self);
void         kl_unit_set_name      (KlUnit *self,
                                    const char *name);
gint64       kl_unit_get_parent_id (KlUnit *self);
void         kl_unit_set_parent_id (KlUnit *self,
                                    gint64 parent_id);

G_END_DECLS
