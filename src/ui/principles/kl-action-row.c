/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kl-action-row.h"
#include "kl-form.h"
#include "kl-principle-util.h"
#include "kl-store-leadership.h"

static GMenuModel *
action_menu (KlAction *action)
{
  static const KlActionStatus statuses[] = {
    KL_ACTION_STATUS_OPEN, KL_ACTION_STATUS_IN_PROGRESS, KL_ACTION_STATUS_DONE, KL_ACTION_STATUS_DROPPED,
  };
  static const char *labels[] = {
    N_("Mark as _Open"), N_("Mark as _In Progress"), N_("Mark as _Done"), N_("Mark as D_ropped"),
  };
  gint64 id = kl_record_get_id (KL_RECORD (action));
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) status_section = g_menu_new ();
  g_autoptr(GMenu) edit_section = g_menu_new ();
  g_autoptr(GMenuItem) edit = g_menu_item_new (_("_Edit…"), NULL);
  g_autoptr(GMenuItem) delete = g_menu_item_new (_("_Delete"), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autoptr(GMenuItem) item = NULL;

      if (statuses[i] == kl_action_get_status (action))
        continue;
      item = g_menu_item_new (_(labels[i]), NULL);
      g_menu_item_set_action_and_target_value (item, "principles.set-action-status",
                                               g_variant_new ("(xs)", id,
                                                              kl_enum_to_nick (KL_TYPE_ACTION_STATUS, statuses[i])));
      g_menu_append_item (status_section, item);
    }
  g_menu_item_set_action_and_target_value (edit, "principles.edit-action", g_variant_new_int64 (id));
  g_menu_item_set_action_and_target_value (delete, "principles.delete-action", g_variant_new_int64 (id));
  g_menu_append_item (edit_section, edit);
  g_menu_append_item (edit_section, delete);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (status_section));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit_section));
  return G_MENU_MODEL (menu);
}

/**
 * kl_action_row_new:
 * @lookup: names for the action's ids
 * @today: YYYY-MM-DD, for what is overdue
 * @show_principle: whether to name the action's principle
 *
 * A leadership action as a row: status, due date, owner, unit, theme and
 * note; overdue actions carry an error icon and say so in words. The row
 * opens the action for editing; its menu changes the status. An action
 * tied to a theme has a button listing the unit's staff below target in
 * that theme.
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
kl_action_row_new (KlStore        *store,
                   KlAction       *action,
                   KlActionLookup *lookup,
                   const char     *today,
                   gboolean        show_principle)
{
  gint64 id = kl_record_get_id (KL_RECORD (action));
  KlActionStatus status = kl_action_get_status (action);
  gboolean overdue = kl_action_is_overdue (action, today);
  const char *owner = kl_action_lookup_owner (lookup, kl_action_get_owner_id (action));
  const char *unit = kl_action_lookup_unit (lookup, kl_action_get_unit_id (action));
  const char *theme = kl_action_lookup_theme (lookup, kl_action_get_theme_id (action));
  const char *principle = kl_action_lookup_principle (lookup, kl_action_get_principle_id (action));
  const char *note = kl_action_get_note (action);
  g_autoptr(GString) subtitle = g_string_new (kl_action_status_name (status));
  g_autoptr(GMenuModel) menu = action_menu (action);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *menu_button;

  g_string_append (subtitle, " · ");
  if (kl_action_get_due_on (action) != NULL)
    {
      g_autofree char *due = kl_format_date (kl_action_get_due_on (action));

      g_string_append_printf (subtitle, overdue ? _("overdue since %s") : _("due %s"), due);
    }
  else
    g_string_append (subtitle, _("no due date"));

  g_string_append_c (subtitle, '\n');
  g_string_append (subtitle, owner ? owner : _("No owner"));
  if (unit != NULL)
    g_string_append_printf (subtitle, " · %s", unit);

  if ((show_principle && principle != NULL) || theme != NULL)
    {
      g_string_append_c (subtitle, '\n');
      if (show_principle && principle != NULL)
        g_string_append (subtitle, principle);
      if (theme != NULL)
        g_string_append_printf (subtitle, "%s%s", show_principle && principle ? " · " : "", theme);
    }
  if (note != NULL && *note != '\0')
    {
      g_autofree char *first_line = g_strndup (note, strcspn (note, "\n"));

      g_string_append_printf (subtitle, "\n%s", first_line);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kl_action_get_title (action));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);

  /* Overdue: an error icon, and "overdue since" in words. */
  if (overdue)
    {
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 kl_principle_status_icon ("dialog-warning-symbolic", _("Overdue"), "error"));
      gtk_widget_add_css_class (row, "kl-overdue-row");
    }
  else if (status == KL_ACTION_STATUS_DONE)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), kl_principle_status_icon ("object-select-symbolic",
                                                                               kl_action_status_name (status),
                                                                               "success"));
  else if (status == KL_ACTION_STATUS_DROPPED)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), kl_principle_status_icon ("window-close-symbolic",
                                                                               kl_action_status_name (status),
                                                                               "dim-label"));

  if (theme != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               kl_principle_gap_button_new (store, kl_action_get_unit_id (action),
                                                            kl_action_get_theme_id (action), theme, today));

  menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), menu);
  gtk_widget_set_tooltip_text (menu_button, _("Change Status"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Change Status"), -1);
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu_button);

  /* Activating the row opens the action. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "principles.edit-action");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_int64 (id));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "action-id", GSIZE_TO_POINTER (id));
  return row;
}
