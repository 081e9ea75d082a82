/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KL_TYPE_RECORD (kl_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (KlRecord, kl_record, KL, RECORD, GObject)

struct _KlRecordClass
{
  GObjectClass parent_class;
};

gint64      kl_record_get_id          (KlRecord    *self);
void        kl_record_set_id          (KlRecord    *self,
                                       gint64       id);
const char *kl_record_get_uuid        (KlRecord    *self);
void        kl_record_set_uuid        (KlRecord    *self,
                                       const char  *uuid);
const char *kl_record_get_created_at  (KlRecord    *self);
void        kl_record_set_created_at  (KlRecord    *self,
                                       const char  *created_at);
const char *kl_record_get_updated_at  (KlRecord    *self);
void        kl_record_set_updated_at  (KlRecord    *self,
                                       const char  *updated_at);

gboolean    kl_record_set_string      (char       **field,
                                       const char  *value);

G_END_DECLS
