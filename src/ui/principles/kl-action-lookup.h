/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "kl-store.h"

G_BEGIN_DECLS

/* The names an action row shows for the ids an action holds. Small
 * tables: units, themes, principles, and the staff who own actions. */
typedef struct _KlActionLookup KlActionLookup;

KlActionLookup *kl_action_lookup_new        (KlStore         *store);
void            kl_action_lookup_reload     (KlActionLookup  *lookup);
void            kl_action_lookup_free       (KlActionLookup  *lookup);
const char     *kl_action_lookup_unit       (KlActionLookup  *lookup,
                                             gint64           unit_id);
const char     *kl_action_lookup_theme      (KlActionLookup  *lookup,
                                             gint64           theme_id);
const char     *kl_action_lookup_principle  (KlActionLookup  *lookup,
                                             gint64           principle_id);
const char     *kl_action_lookup_owner      (KlActionLookup  *lookup,
                                             gint64           staff_id);
GPtrArray      *kl_action_lookup_get_owners (KlActionLookup  *lookup);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlActionLookup, kl_action_lookup_free)

G_END_DECLS
