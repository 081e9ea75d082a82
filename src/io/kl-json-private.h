/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kl-json.h"

G_BEGIN_DECLS

typedef struct _KlJsonIds KlJsonIds;

KlJsonIds *_kl_json_ids_new        (KlStore    *store,
                                    GError    **error);
void       _kl_json_ids_free       (KlJsonIds  *ids);
void       _kl_json_ids_add        (KlJsonIds  *ids,
                                    KlRecord   *record);
void       _kl_json_append_record  (GString    *out,
                                    KlRecord   *record,
                                    KlJsonIds  *ids);
void       _kl_json_append_string  (GString    *out,
                                    const char *value);
void       _kl_json_append_double  (GString    *out,
                                    double      value);

G_END_DECLS
