/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Choosing a unit from a list, as every page and dialog with a unit
 * drop-down or combo row does: the names in tree order with their ids
 * beside them, and a drop-down set without waking its own handlers. */

GtkStringList *kl_unit_choice_names        (GPtrArray   *units,
                                            const char  *all_label,
                                            GArray      *ids);
guint          kl_unit_choice_position     (GArray      *ids,
                                            gint64       id);
void           kl_drop_down_set_quietly    (GtkDropDown *dropdown,
                                            GListModel  *model,
                                            guint        position,
                                            gpointer     handler_data);

G_END_DECLS
