/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kl-unit-choice.h"
#include "kl-unit.h"

static void
add_unit_names (GtkStringList *names,
                GArray        *ids,
                GPtrArray     *units,
                gint64         parent,
                int            depth)
{
  for (guint i = 0; i < units->len; i++)
    {
      KlUnit *unit = g_ptr_array_index (units, i);
      gint64 id = kl_record_get_id (KL_RECORD (unit));
      g_autofree char *label = NULL;

      if (kl_unit_get_parent_id (unit) != parent)
        continue;
      label = g_strdup_printf ("%*s%s", depth * 3, "", kl_unit_get_name (unit));
      gtk_string_list_append (names, label);
      g_array_append_val (ids, id);
      if (depth < 8)
        add_unit_names (names, ids, units, id, depth + 1);
    }
}

/**
 * kl_unit_choice_names:
 * @units: (element-type KlUnit): every unit
 * @all_label: (nullable): the first entry, standing for every unit (id 0)
 * @ids: filled with each entry's unit id
 *
 * Returns: (transfer full): the units' names in tree order, sub-units
 *   indented under their parent
 */
GtkStringList *
kl_unit_choice_names (GPtrArray  *units,
                      const char *all_label,
                      GArray     *ids)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  gint64 all = 0;

  g_array_set_size (ids, 0);
  if (all_label != NULL)
    {
      gtk_string_list_append (names, all_label);
      g_array_append_val (ids, all);
    }
  if (units != NULL)
    add_unit_names (names, ids, units, 0, 0);
  return names;
}

/**
 * kl_unit_choice_position:
 *
 * Returns: where @id is in @ids, or %GTK_INVALID_LIST_POSITION
 */
guint
kl_unit_choice_position (GArray *ids,
                         gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/**
 * kl_drop_down_set_quietly:
 * @model: (nullable): the new model, or %NULL to keep the current one
 * @handler_data: the data of the handlers that must not hear of it
 *
 * Sets the drop-down's model and selected position as the page's own
 * doing: its handlers connected with @handler_data are blocked meanwhile.
 * Setting the same model again keeps its rows.
 */
void
kl_drop_down_set_quietly (GtkDropDown *dropdown,
                          GListModel  *model,
                          guint        position,
                          gpointer     handler_data)
{
  g_signal_handlers_block_matched (dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, handler_data);
  if (model != NULL)
    gtk_drop_down_set_model (dropdown, model);
  gtk_drop_down_set_selected (dropdown, position);
  g_signal_handlers_unblock_matched (dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, handler_data);
}
