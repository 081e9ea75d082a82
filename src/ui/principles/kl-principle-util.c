/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kl-principle-util.h"
#include "kl-store-leadership.h"
#include "kl-toast.h"

/**
 * kl_principle_today:
 * @override: (nullable): a date to use instead of today, YYYY-MM-DD
 *
 * Returns: (transfer full): today's local date as YYYY-MM-DD
 */
char *
kl_principle_today (const char *override)
{
  g_autoptr(GDateTime) now = NULL;

  if (override != NULL)
    return g_strdup (override);
  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * kl_principle_maturity_text:
 * @maturity: 1–5, or 0 for none
 *
 * Returns: (transfer full): such as "3 · Partly in place", or "Not
 *   assessed yet"
 */
char *
kl_principle_maturity_text (int maturity)
{
  if (maturity < KL_MATURITY_MIN || maturity > KL_MATURITY_MAX)
    return g_strdup (_("Not assessed yet"));
  /* Translators: a current level, e.g. "3 · Independent" */
  return g_strdup_printf (_("%d · %s"), maturity, kl_maturity_name (maturity));
}

/**
 * kl_principle_trend_text:
 *
 * Returns: (transfer full) (nullable): the change since the previous
 *   assessment in words, with an arrow; %NULL if there is no previous one
 */
char *
kl_principle_trend_text (int maturity,
                         int previous)
{
  if (maturity <= 0 || previous <= 0)
    return NULL;
  if (maturity > previous)
    /* Translators: the maturity rose since the previous self-assessment */
    return g_strdup_printf (_("↑ up from %d"), previous);
  if (maturity < previous)
    /* Translators: the maturity fell since the previous self-assessment */
    return g_strdup_printf (_("↓ down from %d"), previous);
  /* Translators: the maturity is the same as at the previous self-assessment */
  return g_strdup (_("→ unchanged"));
}

/**
 * kl_principle_display_name:
 *
 * Returns: (transfer full): the principle's name in the UI language
 */
char *
kl_principle_display_name (KlPrinciple *principle)
{
  /* Built-in names are msgids; a user's own pass through unchanged. */
  return g_strdup (_(kl_principle_get_name (principle)));
}

/**
 * kl_principle_maturity_bar:
 * @maturity: 0–5
 *
 * Returns: (transfer floating): five blocks, @maturity of them filled;
 *   always shown next to the maturity in words
 */
GtkWidget *
kl_principle_maturity_bar (int maturity)
{
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, KL_MATURITY_MAX);

  gtk_level_bar_set_mode (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_MODE_DISCRETE);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), CLAMP (maturity, 0, KL_MATURITY_MAX));
  /* One colour for every step: the number says how far, not the hue. */
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_set_size_request (bar, 80, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Maturity"), -1);
  return bar;
}

/**
 * kl_principle_status_icon:
 * @label: what the icon means, for the tooltip and screen readers
 *
 * Returns: (transfer floating): an icon that says something
 */
GtkWidget *
kl_principle_status_icon (const char *icon_name,
                          const char *label,
                          const char *css_class)
{
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (icon, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  if (css_class != NULL)
    gtk_widget_add_css_class (icon, css_class);
  return icon;
}

/**
 * kl_principle_add_toast:
 *
 * Shows @toast in @widget's window.
 */
void
kl_principle_add_toast (GtkWidget *widget,
                        AdwToast  *toast)
{
  kl_toast_add (widget, toast);
}

/* Staff below target: a button whose popover lists them, each opening
 * the person's profile. The list is read when the popover opens. */

typedef struct
{
  KlStore *store;
  gint64   unit_id;
  gint64   theme_id;
  char    *theme_name;
  char    *today;
} GapQuery;

static void
gap_query_free (gpointer data)
{
  GapQuery *query = data;

  g_clear_object (&query->store);
  g_free (query->theme_name);
  g_free (query->today);
  g_free (query);
}

static void
on_gap_row_activated (GtkListBox    *list,
                      GtkListBoxRow *row,
                      GtkMenuButton *button)
{
  gint64 staff_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "staff-id"));
  gtk_menu_button_popdown (button);
  gtk_widget_activate_action (GTK_WIDGET (button), "win.show-staff", "x", staff_id);
}

static void
create_gap_popover (GtkMenuButton *button,
                    gpointer       user_data)
{
  GapQuery *query = g_object_get_data (G_OBJECT (button), "gap-query");
  g_autoptr(GPtrArray) gaps = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *label;
  int unassessed = 0;

  gaps = kl_store_list_staff_with_gap (query->store, query->unit_id, query->theme_id, query->today,
                                       &unassessed, NULL);

  gtk_widget_set_size_request (box, 300, -1);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  /* Translators: heading of the list of staff below their target in a theme */
  heading = g_strdup_printf (_("Below Target in %s"), query->theme_name);
  label = gtk_label_new (heading);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  if (gaps != NULL && gaps->len > 0)
    {
      GtkWidget *scrolled = gtk_scrolled_window_new ();
      GtkWidget *list = gtk_list_box_new ();

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
      for (guint i = 0; i < gaps->len; i++)
        {
          KlStaffGap *gap = g_ptr_array_index (gaps, i);
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *subtitle = NULL;

          /* Translators: a person below target: "Bostøtte Nord · level 1, target 3" */
          subtitle = g_strdup_printf (_("%s · level %d, target %d"), gap->unit_name, gap->level, gap->target);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gap->name);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_widget_set_tooltip_text (row, _("Open Profile"));
          g_object_set_data (G_OBJECT (row), "staff-id", GSIZE_TO_POINTER (gap->staff_id));
          gtk_list_box_append (GTK_LIST_BOX (list), row);
        }
      g_signal_connect_object (list, "row-activated", G_CALLBACK (on_gap_row_activated), button, 0);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
      gtk_box_append (GTK_BOX (box), scrolled);
    }
  else
    {
      label = gtk_label_new (_("No one in the unit is below their target in this theme."));
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), label);
    }

  if (unassessed > 0)
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%d staff member has not been assessed in this theme yet.",
                                           "%d staff members have not been assessed in this theme yet.",
                                           unassessed),
                              unassessed);

      label = gtk_label_new (text);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), label);
    }

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (button, popover);
}

/**
 * kl_principle_gap_button_new:
 * @unit_id: a unit, with its sub-units; 0 for all
 * @theme_name: the theme's name as shown
 * @today: YYYY-MM-DD
 *
 * Returns: (transfer floating): a button listing the staff below target
 *   in the theme, each row opening their profile
 */
GtkWidget *
kl_principle_gap_button_new (KlStore    *store,
                             gint64      unit_id,
                             gint64      theme_id,
                             const char *theme_name,
                             const char *today)
{
  GtkWidget *button = gtk_menu_button_new ();
  GapQuery *query = g_new0 (GapQuery, 1);
  g_autofree char *tooltip = NULL;

  query->store = g_object_ref (store);
  query->unit_id = unit_id;
  query->theme_id = theme_id;
  query->theme_name = g_strdup (theme_name);
  query->today = g_strdup (today);
  g_object_set_data_full (G_OBJECT (button), "gap-query", query, gap_query_free);

  /* Translators: tooltip of a button listing the staff below target in a theme */
  tooltip = g_strdup_printf (_("Staff Below Target in %s"), theme_name);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "kl-staff-symbolic");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_gap_popover, NULL, NULL);
  gtk_widget_set_name (button, "gap-button");
  return button;
}
