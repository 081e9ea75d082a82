/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kl-record.h"

G_BEGIN_DECLS

#define KL_TYPE_PRINCIPLE (kl_principle_get_type ())
G_DECLARE_FINAL_TYPE (KlPrinciple, kl_principle, KL, PRINCIPLE, KlRecord)

KlPrinciple  *kl_principle_new              (void);
const char   *kl_principle_get_name         (KlPrinciple *self);
void          kl_principle_set_name         (KlPrinciple *self,
                                             const char *name);
gint64        kl_principle_get_framework_id (KlPrinciple *self);
void          kl_principle_set_framework_id (KlPrinciple *self,
                                             gint64 framework_id);
int           kl_principle_get_position     (KlPrinciple *self);
void          kl_principle_set_position     (KlPrinciple *self,
                                             int position);

G_END_DECLS
