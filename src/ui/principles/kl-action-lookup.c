/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kl-action-lookup.h"
#include "kl-principle-util.h"
#include "kl-store-leadership.h"

/* The names an action shows for the ids it holds, loaded once per
 * reload of the page instead of once per row. */
struct _KlActionLookup
{
  KlStore    *store;
  GHashTable *units;       /* gint64* → name */
  GHashTable *themes;
  GHashTable *principles;
  GHashTable *owners;
  GPtrArray  *owner_list;  /* KlActionOwner, by name */
};

static GHashTable *
name_table (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

static void
put_name (GHashTable *table,
          gint64      id,
          const char *name)
{
  g_hash_table_insert (table, g_memdup2 (&id, sizeof id), g_strdup (name));
}

/**
 * kl_action_lookup_new:
 *
 * Returns: (transfer full): names for the ids in actions, loaded
 */
KlActionLookup *
kl_action_lookup_new (KlStore *store)
{
  KlActionLookup *lookup = g_new0 (KlActionLookup, 1);

  lookup->store = g_object_ref (store);
  kl_action_lookup_reload (lookup);
  return lookup;
}

void
kl_action_lookup_reload (KlActionLookup *lookup)
{
  g_autoptr(GPtrArray) units = kl_store_list_units (lookup->store, NULL);
  g_autoptr(GPtrArray) themes = kl_store_list_themes (lookup->store, TRUE, NULL);
  g_autoptr(GPtrArray) principles = kl_store_list_principles (lookup->store, KL_FRAMEWORK_FAGLIG_LEDELSE, NULL);

  g_clear_pointer (&lookup->units, g_hash_table_unref);
  g_clear_pointer (&lookup->themes, g_hash_table_unref);
  g_clear_pointer (&lookup->principles, g_hash_table_unref);
  g_clear_pointer (&lookup->owners, g_hash_table_unref);
  g_clear_pointer (&lookup->owner_list, g_ptr_array_unref);

  lookup->units = name_table ();
  lookup->themes = name_table ();
  lookup->principles = name_table ();
  lookup->owners = name_table ();

  for (guint i = 0; units != NULL && i < units->len; i++)
    put_name (lookup->units, kl_record_get_id (g_ptr_array_index (units, i)),
              kl_unit_get_name (g_ptr_array_index (units, i)));
  for (guint i = 0; themes != NULL && i < themes->len; i++)
    {
      KlTheme *theme = g_ptr_array_index (themes, i);

      put_name (lookup->themes, kl_record_get_id (KL_RECORD (theme)),
                kl_theme_get_builtin (theme) ? _(kl_theme_get_name (theme)) : kl_theme_get_name (theme));
    }
  for (guint i = 0; principles != NULL && i < principles->len; i++)
    {
      g_autofree char *name = kl_principle_display_name (g_ptr_array_index (principles, i));

      put_name (lookup->principles, kl_record_get_id (g_ptr_array_index (principles, i)), name);
    }

  lookup->owner_list = kl_store_list_action_owners (lookup->store, NULL);
  if (lookup->owner_list == NULL)
    lookup->owner_list = g_ptr_array_new_with_free_func ((GDestroyNotify)kl_action_owner_free);
  for (guint i = 0; i < lookup->owner_list->len; i++)
    {
      KlActionOwner *owner = g_ptr_array_index (lookup->owner_list, i);

      put_name (lookup->owners, owner->staff_id, owner->name);
    }
}

void
kl_action_lookup_free (KlActionLookup *lookup)
{
  if (lookup == NULL)
    return;
  g_clear_pointer (&lookup->units, g_hash_table_unref);
  g_clear_pointer (&lookup->themes, g_hash_table_unref);
  g_clear_pointer (&lookup->principles, g_hash_table_unref);
  g_clear_pointer (&lookup->owners, g_hash_table_unref);
  g_clear_pointer (&lookup->owner_list, g_ptr_array_unref);
  g_clear_object (&lookup->store);
  g_free (lookup);
}

const char *
kl_action_lookup_unit (KlActionLookup *lookup,
                       gint64          unit_id)
{
  return g_hash_table_lookup (lookup->units, &unit_id);
}

const char *
kl_action_lookup_theme (KlActionLookup *lookup,
                        gint64          theme_id)
{
  return g_hash_table_lookup (lookup->themes, &theme_id);
}

const char *
kl_action_lookup_principle (KlActionLookup *lookup,
                            gint64          principle_id)
{
  return g_hash_table_lookup (lookup->principles, &principle_id);
}

const char *
kl_action_lookup_owner (KlActionLookup *lookup,
                        gint64          staff_id)
{
  return g_hash_table_lookup (lookup->owners, &staff_id);
}

/**
 * kl_action_lookup_get_owners:
 *
 * Returns: (transfer none) (element-type KlActionOwner): the staff who
 *   own actions, by name
 */
GPtrArray *
kl_action_lookup_get_owners (KlActionLookup *lookup)
{
  return lookup->owner_list;
}
