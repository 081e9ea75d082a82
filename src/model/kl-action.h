/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kl-record.h"
#include "kl-enums.h"

G_BEGIN_DECLS

#define KL_TYPE_ACTION (kl_action_get_type ())
G_DECLARE_FINAL_TYPE (KlAction, kl_action, KL, ACTION, KlRecord)

KlAction      *kl_action_new              (void);
const char    *kl_action_get_title        (KlAction *self);
void           kl_action_set_title        (KlAction *self,
                                           const char *title);
gint64         kl_action_get_principle_id (KlAction *self);
void           kl_action_set_principle_id (KlAction *self,
                                           gint64 principle_id);
gint64         kl_action_get_theme_id     (KlAction *self);
void           kl_action_set_theme_id     (KlAction *self,
                                           gint64 theme_id);
gint64         kl_action_get_unit_id      (KlAction *self);
void           kl_action_set_unit_id      (KlAction *self,
                                           gint64 unit_id);
gint64         kl_action_get_owner_id     (KlAction *self);
void           kl_action_set_owner_id     (KlAction *self,
                                           gint64 owner_id);
const char    *kl_action_get_due_on       (KlAction *self);
void           kl_action_set_due_on       (KlAction *self,
                                           const char *due_on);
KlActionStatus kl_action_get_status       (KlAction *self);
void           kl_action_set_status       (KlAction *self,
                                           KlActionStatus status);
const char    *kl_action_get_note         (KlAction *self);
void           kl_action_set_note         (KlAction *self,
                                           const char *note);

gboolean       kl_action_is_active        (KlAction *self);
gboolean       kl_action_is_overdue       (KlAction *self,
                                           const char *today);
int            kl_action_compare          (KlAction *a,
                                           KlAction *b,
                                           const char *today);

G_END_DECLS
