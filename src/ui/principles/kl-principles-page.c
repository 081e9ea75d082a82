/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kl-action-dialog.h"
#include "kl-action-row.h"
#include "kl-back-button.h"
#include "kl-form.h"
#include "kl-principle-assessment-dialog.h"
#include "kl-principle-detail.h"
#include "kl-principle-util.h"
#include "kl-unit-choice.h"
#include "kl-principles-page.h"
#include "kl-store-leadership.h"

/* The leader's own development: the seven principles with how far each
 * unit has come, a page per principle, and every leadership action. */

typedef enum
{
  STATUS_ALL,
  STATUS_ACTIVE,
  STATUS_OVERDUE,
  STATUS_OPEN,
  STATUS_IN_PROGRESS,
  STATUS_DONE,
  STATUS_DROPPED,
} StatusFilter;

#define OWNER_ANYONE (-1)

struct _KlPrinciplesPage
{
  AdwBin              parent_instance;

  KlStore            *store;
  gulong              changed_handler;
  guint               reload_source;
  gboolean            units_changed;
  gboolean            dirty;         /* changed while not shown */
  gboolean            actions_stale; /* the actions view needs loading */
  KlActionLookup     *lookup;
  char               *view;
  char               *today_override;
  char               *today;
  guint               n_units;

  /* Principles view */
  gint64              unit_id;
  gint64              shown;
  GArray             *unit_ids;

  /* Actions view */
  GListStore         *actions;
  GtkCustomFilter    *filter;
  GtkCustomSorter    *sorter;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GArray             *action_unit_ids;
  GArray             *owner_ids;
  gint64              action_unit_id;
  StatusFilter        status_filter;
  gint64              owner_filter;
  KlAction           *deleted;

  AdwViewStack       *view_stack;
  AdwLeaflet         *leaflet;
  GtkStack           *list_stack;
  GtkDropDown        *unit_dropdown;
  GtkLabel           *hint_label;
  GtkListBox         *principle_list;
  AdwWindowTitle     *detail_title;
  GtkStack           *detail_stack;
  KlPrincipleDetail  *detail;
  GtkStack           *actions_stack;
  AdwComboRow        *status_row;
  AdwComboRow        *action_unit_row;
  AdwComboRow        *owner_row;
  AdwPreferencesGroup *actions_group;
  GtkListBox         *actions_list;
};

G_DEFINE_FINAL_TYPE (KlPrinciplesPage, kl_principles_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (KlPrinciplesPage *self);

/* The overview: one row per principle */

static GtkWidget *
caption_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
principle_row_new (KlPrinciplesPage  *self,
                   KlPrincipleStatus *status)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *label;
  g_autofree char *number = g_strdup_printf ("%d", status->position);
  g_autofree char *standing = NULL;
  g_autofree char *trend = NULL;
  g_autofree char *date = kl_format_date (status->assessed_on);
  g_autoptr(GString) meta = g_string_new (NULL);
  int bar_value = status->maturity;

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  label = gtk_label_new (number);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_set_size_request (label, 16, -1);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (_(status->name));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (text), label);

  if (status->n_units == 0)
    standing = g_strdup (_("Not assessed yet"));
  else if (self->unit_id != 0)
    {
      standing = kl_principle_maturity_text (status->maturity);
      trend = kl_principle_trend_text (status->maturity, status->previous);
    }
  else
    {
      g_autofree char *average = kl_format_number (status->average, 1);

      /* Translators: across all units: the lowest and the average of each unit's latest maturity */
      standing = g_strdup_printf (_("Lowest %d · average %s"), status->maturity, average);
      bar_value = (int)round (status->average);
      if (status->n_up > 0 || status->n_down > 0)
        {
          g_autofree char *up = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "↑ up in %d unit",
                                                              "↑ up in %d units", status->n_up), status->n_up);
          g_autofree char *down = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "↓ down in %d unit",
                                                                "↓ down in %d units", status->n_down),
                                                   status->n_down);

          trend = status->n_up && status->n_down ? g_strdup_printf ("%s · %s", up, down)
                                                 : g_strdup (status->n_up ? up : down);
        }
    }
  if (trend != NULL)
    {
      g_autofree char *joined = g_strdup_printf ("%s · %s", standing, trend);

      g_free (standing);
      standing = g_steal_pointer (&joined);
    }
  label = gtk_label_new (standing);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (status->n_units == 0)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (text), label);

  if (status->n_units > 0)
    {
      GtkWidget *bar = kl_principle_maturity_bar (bar_value);

      gtk_widget_set_halign (bar, GTK_ALIGN_START);
      gtk_widget_set_size_request (bar, 160, -1);
      gtk_box_append (GTK_BOX (text), bar);
    }

  if (self->unit_id == 0 && status->n_units > 0)
    {
      /* Translators: "3 of 9 units assessed" */
      g_string_append_printf (meta, g_dngettext (GETTEXT_PACKAGE, "%d of %u unit assessed", "%d of %u units assessed",
                                                 self->n_units),
                              status->n_units, self->n_units);
      g_string_append (meta, " · ");
      g_string_append_printf (meta, _("latest %s"), date);
    }
  else if (*date != '\0')
    g_string_append_printf (meta, _("Assessed %s"), date);
  if (status->open_actions > 0)
    {
      g_string_append (meta, meta->len ? " · " : "");
      g_string_append_printf (meta, g_dngettext (GETTEXT_PACKAGE, "%d open action", "%d open actions",
                                                 status->open_actions),
                              status->open_actions);
    }
  if (meta->len > 0)
    gtk_box_append (GTK_BOX (text), caption_label (meta->str, "dim-label"));

  if (status->overdue_actions > 0)
    {
      GtkWidget *overdue = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      g_autofree char *overdue_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d overdue action",
                                                                    "%d overdue actions",
                                                                    status->overdue_actions),
                                                       status->overdue_actions);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Overdue"), -1);
      gtk_box_append (GTK_BOX (overdue), icon);
      label = caption_label (overdue_text, "error");
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_box_append (GTK_BOX (overdue), label);
      gtk_box_append (GTK_BOX (text), overdue);
    }

  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, status->slug);
  g_object_set_data (G_OBJECT (row), "principle-id", GSIZE_TO_POINTER (status->principle_id));
  return row;
}

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
select_shown_row (KlPrinciplesPage *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->principle_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) &&
        (gint64)GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "principle-id")) == self->shown)
      {
        gtk_list_box_select_row (self->principle_list, GTK_LIST_BOX_ROW (row));
        return;
      }
  gtk_list_box_unselect_all (self->principle_list);
}

static void
reload_overview (KlPrinciplesPage *self)
{
  g_autoptr(GPtrArray) statuses = kl_store_list_principle_status (self->store, KL_FRAMEWORK_FAGLIG_LEDELSE,
                                                                  self->unit_id, self->today, NULL);
  gboolean any_assessed = FALSE;

  clear_list_box (self->principle_list);
  for (guint i = 0; statuses != NULL && i < statuses->len; i++)
    {
      KlPrincipleStatus *status = g_ptr_array_index (statuses, i);

      any_assessed |= status->n_units > 0;
      gtk_list_box_append (self->principle_list, principle_row_new (self, status));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), !any_assessed && self->n_units > 0);
  gtk_stack_set_visible_child_name (self->list_stack, self->n_units > 0 ? "list" : "no-units");

  /* Something to look at when there is room for both panes. */
  if (self->shown == 0 && statuses != NULL && statuses->len > 0)
    self->shown = ((KlPrincipleStatus *)g_ptr_array_index (statuses, 0))->principle_id;
  select_shown_row (self);
}

static void
reload_detail (KlPrinciplesPage *self)
{
  g_autoptr(KlRecord) principle = NULL;
  g_autofree char *name = NULL;

  if (self->shown != 0)
    principle = kl_store_get_record (self->store, KL_TYPE_PRINCIPLE, self->shown, NULL);
  if (principle == NULL || self->n_units == 0)
    {
      adw_window_title_set_title (self->detail_title, "");
      adw_window_title_set_subtitle (self->detail_title, "");
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  name = kl_principle_display_name (KL_PRINCIPLE (principle));
  adw_window_title_set_title (self->detail_title, name);
  adw_window_title_set_subtitle (self->detail_title, self->unit_id ? kl_action_lookup_unit (self->lookup, self->unit_id)
                                                                   : _("All units"));
  kl_principle_detail_show (self->detail, self->store, self->lookup, self->shown, self->unit_id, self->today);
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
}

/* Units */

static void
reload_units (KlPrinciplesPage *self)
{
  g_autoptr(GPtrArray) units = kl_store_list_units (self->store, NULL);
  g_autoptr(GtkStringList) names = kl_unit_choice_names (units, _("All units"), self->unit_ids);
  g_autoptr(GtkStringList) action_names = kl_unit_choice_names (units, _("All units"), self->action_unit_ids);
  guint position;

  self->n_units = units ? units->len : 0;

  if (kl_unit_choice_position (self->unit_ids, self->unit_id) == GTK_INVALID_LIST_POSITION)
    self->unit_id = 0;
  if (kl_unit_choice_position (self->action_unit_ids, self->action_unit_id) == GTK_INVALID_LIST_POSITION)
    self->action_unit_id = 0;

  position = kl_unit_choice_position (self->unit_ids, self->unit_id);
  kl_drop_down_set_quietly (self->unit_dropdown, G_LIST_MODEL (names), position, self);
  gtk_widget_set_visible (GTK_WIDGET (self->unit_dropdown), self->unit_ids->len > 2);

  g_signal_handlers_block_matched (self->action_unit_row, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  adw_combo_row_set_model (self->action_unit_row, G_LIST_MODEL (action_names));
  adw_combo_row_set_selected (self->action_unit_row,
                              kl_unit_choice_position (self->action_unit_ids, self->action_unit_id));
  g_signal_handlers_unblock_matched (self->action_unit_row, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "principles.add-action", self->n_units > 0);
}

/* The actions view */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  KlPrinciplesPage *self = user_data;
  KlAction *action = item;
  KlActionStatus status = kl_action_get_status (action);

  if (self->owner_filter != OWNER_ANYONE && kl_action_get_owner_id (action) != self->owner_filter)
    return FALSE;

  switch (self->status_filter)
    {
    case STATUS_ACTIVE:
      return kl_action_is_active (action);
    case STATUS_OVERDUE:
      return kl_action_is_overdue (action, self->today);
    case STATUS_OPEN:
      return status == KL_ACTION_STATUS_OPEN;
    case STATUS_IN_PROGRESS:
      return status == KL_ACTION_STATUS_IN_PROGRESS;
    case STATUS_DONE:
      return status == KL_ACTION_STATUS_DONE;
    case STATUS_DROPPED:
      return status == KL_ACTION_STATUS_DROPPED;
    case STATUS_ALL:
    default:
      return TRUE;
    }
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  KlPrinciplesPage *self = user_data;

  return kl_action_compare ((KlAction *)a, (KlAction *)b, self->today);
}

static GtkWidget *
create_action_row (gpointer item,
                   gpointer user_data)
{
  KlPrinciplesPage *self = user_data;

  return kl_action_row_new (self->store, KL_ACTION (item), self->lookup, self->today, TRUE);
}

static void
update_actions_state (KlPrinciplesPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->actions));
  g_autofree char *description = NULL;

  gtk_stack_set_visible_child_name (self->actions_stack,
                                    total == 0 && self->action_unit_id == 0 ? "empty" : "list");
  if (shown == total)
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action", "%u actions", total), total);
  else
    /* Translators: "3 of 14 actions" shown by the filters */
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u action", "%u of %u actions", total),
                                   shown, total);
  adw_preferences_group_set_description (self->actions_group, description);
}

static void
reload_owners (KlPrinciplesPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *owners = kl_action_lookup_get_owners (self->lookup);
  gint64 anyone = OWNER_ANYONE, nobody = 0;
  guint position;

  g_array_set_size (self->owner_ids, 0);
  gtk_string_list_append (names, _("Anyone"));
  g_array_append_val (self->owner_ids, anyone);
  gtk_string_list_append (names, _("No owner"));
  g_array_append_val (self->owner_ids, nobody);
  for (guint i = 0; i < owners->len; i++)
    {
      KlActionOwner *owner = g_ptr_array_index (owners, i);

      gtk_string_list_append (names, owner->name);
      g_array_append_val (self->owner_ids, owner->staff_id);
    }

  position = kl_unit_choice_position (self->owner_ids, self->owner_filter);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      self->owner_filter = OWNER_ANYONE;
      position = 0;
    }
  g_signal_handlers_block_matched (self->owner_row, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->owner_row, position);
  g_signal_handlers_unblock_matched (self->owner_row, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

static void
reload_actions (KlPrinciplesPage *self)
{
  g_autoptr(GPtrArray) actions = kl_store_list_actions (self->store, self->action_unit_id, 0, NULL);

  if (actions == NULL)
    return;
  self->actions_stale = FALSE;
  reload_owners (self);
  /* New rows, so the names and what is overdue are current. */
  g_list_store_splice (self->actions, 0, g_list_model_get_n_items (G_LIST_MODEL (self->actions)),
                       actions->pdata, actions->len);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  update_actions_state (self);
}

static void
on_action_filter_changed (KlPrinciplesPage *self)
{
  guint owner = adw_combo_row_get_selected (self->owner_row);

  self->status_filter = adw_combo_row_get_selected (self->status_row);
  self->owner_filter = owner < self->owner_ids->len ? g_array_index (self->owner_ids, gint64, owner) : OWNER_ANYONE;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_actions_state (self);
}

static void
on_action_unit_changed (KlPrinciplesPage *self)
{
  guint position = adw_combo_row_get_selected (self->action_unit_row);

  self->action_unit_id = position < self->action_unit_ids->len
                         ? g_array_index (self->action_unit_ids, gint64, position) : 0;
  if (self->store != NULL)
    reload_actions (self);
}

/* Reloading */

static void
update_today (KlPrinciplesPage *self)
{
  g_free (self->today);
  self->today = kl_principle_today (self->today_override);
}

static void
reload (KlPrinciplesPage *self)
{
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store == NULL)
    return;

  self->dirty = FALSE;
  update_today (self);
  kl_action_lookup_reload (self->lookup);
  if (self->units_changed)
    {
      self->units_changed = FALSE;
      reload_units (self);
    }
  reload_overview (self);
  reload_detail (self);
  /* A row per action is costly with thousands of them: only load the
   * actions view when it is shown (see docs/performance.md). */
  if (g_strcmp0 (self->view, "actions") == 0)
    reload_actions (self);
  else
    self->actions_stale = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "principles.record-assessment",
                                 self->shown != 0 && self->n_units > 0);
}

static gboolean
reload_idle (gpointer user_data)
{
  reload (user_data);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (KlPrinciplesPage *self,
                  const char       *table)
{
  static const char *tables[] = {
    "principle_assessment", "action", "unit", "staff", "theme", "assessment", "principle", "framework", NULL,
  };

  if (!g_strv_contains (tables, table))
    return;
  if (g_str_equal (table, "unit"))
    self->units_changed = TRUE;
  /* Out of sight: catch up when shown again. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  /* Several writes in a row reload once, before the next frame. */
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, reload_idle, self, NULL);
}

/* Signal handlers */

static void
on_unit_changed (KlPrinciplesPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->unit_dropdown);

  if (selected < self->unit_ids->len)
    kl_principles_page_set_unit (self, g_array_index (self->unit_ids, gint64, selected));
}

static void
on_view_changed (KlPrinciplesPage *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (name != NULL)
    kl_principles_page_set_view (self, name);
}

static void
on_principle_activated (KlPrinciplesPage *self,
                        GtkListBoxRow    *row)
{
  kl_principles_page_show_principle (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "principle-id")));
}

/* Page actions */

static GtkWindow *
parent_window (KlPrinciplesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (KlPrinciplesPage *self,
            const GError     *error)
{
  kl_principle_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  adw_leaflet_navigate (KL_PRINCIPLES_PAGE (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
set_unit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  kl_principles_page_set_unit (KL_PRINCIPLES_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
show_principle_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KlPrinciplesPage *self = KL_PRINCIPLES_PAGE (widget);
  gint64 id;

  if (self->store == NULL)
    return;
  id = kl_store_lookup_id (self->store, KL_TYPE_PRINCIPLE, g_variant_get_string (parameter, NULL));
  if (id > 0)
    {
      kl_principles_page_set_view (self, "principles");
      kl_principles_page_show_principle (self, id);
    }
}

static void
record_assessment_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  KlPrinciplesPage *self = KL_PRINCIPLES_PAGE (widget);

  if (self->store == NULL || self->shown == 0)
    return;
  gtk_window_present (GTK_WINDOW (kl_principle_assessment_dialog_new (parent_window (self), self->store,
                                                                      self->shown, self->unit_id, NULL)));
}

static void
edit_assessment_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KlPrinciplesPage *self = KL_PRINCIPLES_PAGE (widget);
  g_autoptr(KlRecord) pa = NULL;

  if (self->store == NULL)
    return;
  pa = kl_store_get_record (self->store, KL_TYPE_PRINCIPLE_ASSESSMENT, g_variant_get_int64 (parameter), NULL);
  if (pa != NULL)
    gtk_window_present (GTK_WINDOW (kl_principle_assessment_dialog_new (
                          parent_window (self), self->store,
                          kl_principle_assessment_get_principle_id (KL_PRINCIPLE_ASSESSMENT (pa)),
                          kl_principle_assessment_get_unit_id (KL_PRINCIPLE_ASSESSMENT (pa)),
                          KL_PRINCIPLE_ASSESSMENT (pa))));
}

static void
add_action_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KlPrinciplesPage *self = KL_PRINCIPLES_PAGE (widget);
  gboolean in_actions = g_strcmp0 (self->view, "actions") == 0;

  if (self->store == NULL || self->n_units == 0)
    return;
  gtk_window_present (GTK_WINDOW (kl_action_dialog_new (parent_window (self), self->store, NULL, self->shown,
                                                        in_actions ? self->action_unit_id : self->unit_id)));
}

static void
edit_action_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KlPrinciplesPage *self = KL_PRINCIPLES_PAGE (widget);
  g_autoptr(KlRecord) action = NULL;

  if (self->store == NULL)
    return;
  action = kl_store_get_record (self->store, KL_TYPE_ACTION, g_variant_get_int64 (parameter), NULL);
  if (action != NULL)
    gtk_window_present (GTK_WINDOW (kl_action_dialog_new (parent_window (self), self->store, KL_ACTION (action),
                                                          0, 0)));
}

static void
set_action_status_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  KlPrinciplesPage *self = KL_PRINCIPLES_PAGE (widget);
  g_autoptr(KlRecord) action = NULL;
  g_autoptr(GError) error = NULL;
  const char *nick = NULL;
  gint64 id = 0;
  int status;

  g_variant_get (parameter, "(x&s)", &id, &nick);
  if (self->store == NULL || !kl_enum_from_nick (KL_TYPE_ACTION_STATUS, nick, &status))
    return;
  action = kl_store_get_record (self->store, KL_TYPE_ACTION, id, NULL);
  if (action == NULL)
    return;
  kl_action_set_status (KL_ACTION (action), status);
  if (!kl_store_save_action (self->store, KL_ACTION (action), &error))
    show_error (self, error);
}

static void
delete_action_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KlPrinciplesPage *self = KL_PRINCIPLES_PAGE (widget);
  g_autoptr(KlRecord) action = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (self->store == NULL)
    return;
  action = kl_store_get_record (self->store, KL_TYPE_ACTION, g_variant_get_int64 (parameter), NULL);
  if (action == NULL)
    return;
  if (!kl_store_delete_action (self->store, kl_record_get_id (action), &error))
    {
      show_error (self, error);
      return;
    }

  /* Undo puts it back as it was, under the same id in exports. */
  g_set_object (&self->deleted, KL_ACTION (action));
  title = g_strdup_printf (_("Deleted “%s”"), kl_action_get_title (KL_ACTION (action)));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "principles.undo-delete-action");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  kl_principle_add_toast (GTK_WIDGET (self), toast);
}

static void
undo_delete_action_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  KlPrinciplesPage *self = KL_PRINCIPLES_PAGE (widget);
  g_autoptr(KlAction) action = g_steal_pointer (&self->deleted);
  g_autoptr(GError) error = NULL;

  if (action == NULL || self->store == NULL)
    return;
  kl_record_set_id (KL_RECORD (action), 0);
  if (!kl_store_save_action (self->store, action, &error))
    show_error (self, error);
}

static void
demo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KlPrinciplesPage *self = KL_PRINCIPLES_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && !kl_store_fill_demo (self->store, &error))
    show_error (self, error);
}

/* GObject */

static void
kl_principles_page_map (GtkWidget *widget)
{
  KlPrinciplesPage *self = KL_PRINCIPLES_PAGE (widget);
  g_autofree char *today = kl_principle_today (self->today_override);

  GTK_WIDGET_CLASS (kl_principles_page_parent_class)->map (widget);

  /* Data changed meanwhile, or open across midnight: what is overdue
   * has changed. */
  if (self->store != NULL && (self->dirty || g_strcmp0 (today, self->today) != 0))
    reload (self);
}

static void
kl_principles_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KlPrinciplesPage *self = KL_PRINCIPLES_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_VIEW:
      g_value_set_string (value, self->view);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_principles_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KlPrinciplesPage *self = KL_PRINCIPLES_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      if (g_value_get_object (value) != NULL)
        kl_principles_page_set_store (self, g_value_get_object (value));
      break;

    case PROP_VIEW:
      kl_principles_page_set_view (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_principles_page_dispose (GObject *object)
{
  KlPrinciplesPage *self = (KlPrinciplesPage *)object;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_handler, self->store);
  /* The rows and drop-down say their selection changed as they go. */
  if (self->actions_list != NULL)
    {
      gtk_list_box_bind_model (self->actions_list, NULL, NULL, NULL, NULL);
      g_signal_handlers_disconnect_by_data (self->unit_dropdown, self);
      g_signal_handlers_disconnect_by_data (self->status_row, self);
      g_signal_handlers_disconnect_by_data (self->action_unit_row, self);
      g_signal_handlers_disconnect_by_data (self->owner_row, self);
      g_signal_handlers_disconnect_by_data (self->principle_list, self);
      g_signal_handlers_disconnect_by_data (self->view_stack, self);
    }
  /* The stack is both a template child and the bin's child: let the bin
   * let go of it first, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KL_TYPE_PRINCIPLES_PAGE);
  g_clear_object (&self->sorted);
  g_clear_object (&self->actions);
  g_clear_object (&self->deleted);
  g_clear_pointer (&self->lookup, kl_action_lookup_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kl_principles_page_parent_class)->dispose (object);
}

static void
kl_principles_page_finalize (GObject *object)
{
  KlPrinciplesPage *self = (KlPrinciplesPage *)object;

  g_clear_pointer (&self->unit_ids, g_array_unref);
  g_clear_pointer (&self->action_unit_ids, g_array_unref);
  g_clear_pointer (&self->owner_ids, g_array_unref);
  g_clear_pointer (&self->view, g_free);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->today_override, g_free);

  G_OBJECT_CLASS (kl_principles_page_parent_class)->finalize (object);
}

static void
kl_principles_page_class_init (KlPrinciplesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kl_principles_page_dispose;
  object_class->finalize = kl_principles_page_finalize;
  object_class->get_property = kl_principles_page_get_property;
  object_class->set_property = kl_principles_page_set_property;
  widget_class->map = kl_principles_page_map;

  /* "principles" or "actions" */
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL,
                         "principles",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         KL_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KL_TYPE_BACK_BUTTON);
  g_type_ensure (KL_TYPE_PRINCIPLE_DETAIL);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/principles/kl-principles-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KlPrinciplesPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, KlPrinciplesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KlPrinciplesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, KlPrinciplesPage, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KlPrinciplesPage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, KlPrinciplesPage, principle_list);
  gtk_widget_class_bind_template_child (widget_class, KlPrinciplesPage, detail_title);
  gtk_widget_class_bind_template_child (widget_class, KlPrinciplesPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, KlPrinciplesPage, detail);
  gtk_widget_class_bind_template_child (widget_class, KlPrinciplesPage, actions_stack);
  gtk_widget_class_bind_template_child (widget_class, KlPrinciplesPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, KlPrinciplesPage, action_unit_row);
  gtk_widget_class_bind_template_child (widget_class, KlPrinciplesPage, owner_row);
  gtk_widget_class_bind_template_child (widget_class, KlPrinciplesPage, actions_group);
  gtk_widget_class_bind_template_child (widget_class, KlPrinciplesPage, actions_list);

  gtk_widget_class_bind_template_callback (widget_class, on_unit_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_view_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_principle_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_action_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_action_unit_changed);

  gtk_widget_class_install_property_action (widget_class, "principles.view", "view");
  gtk_widget_class_install_action (widget_class, "principles.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "principles.set-unit", "x", set_unit_action);
  gtk_widget_class_install_action (widget_class, "principles.show-principle", "s", show_principle_action);
  gtk_widget_class_install_action (widget_class, "principles.record-assessment", NULL, record_assessment_action);
  gtk_widget_class_install_action (widget_class, "principles.edit-assessment", "x", edit_assessment_action);
  gtk_widget_class_install_action (widget_class, "principles.add-action", NULL, add_action_action);
  gtk_widget_class_install_action (widget_class, "principles.edit-action", "x", edit_action_action);
  gtk_widget_class_install_action (widget_class, "principles.set-action-status", "(xs)", set_action_status_action);
  gtk_widget_class_install_action (widget_class, "principles.delete-action", "x", delete_action_action);
  gtk_widget_class_install_action (widget_class, "principles.undo-delete-action", NULL, undo_delete_action_action);
  gtk_widget_class_install_action (widget_class, "principles.demo", NULL, demo_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "principles.add-action", NULL);
}

static void
kl_principles_page_init (KlPrinciplesPage *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  self->view = g_strdup ("principles");
  self->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->action_unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->owner_filter = OWNER_ANYONE;
  self->units_changed = TRUE;
  update_today (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->actions = g_list_store_new (KL_TYPE_ACTION);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->sorter = gtk_custom_sorter_new (sort_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->actions)), GTK_FILTER (self->filter));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filtered), GTK_SORTER (self->sorter));
  gtk_list_box_bind_model (self->actions_list, G_LIST_MODEL (self->sorted), create_action_row, self, NULL);
  gtk_list_box_set_placeholder (self->actions_list,
                                g_object_new (ADW_TYPE_ACTION_ROW,
                                              "title", _("No actions match these filters"),
                                              "use-markup", FALSE,
                                              NULL));

  gtk_string_list_append (statuses, _("All statuses"));
  gtk_string_list_append (statuses, _("Open or in progress"));
  gtk_string_list_append (statuses, _("Overdue"));
  for (int status = KL_ACTION_STATUS_OPEN; status <= KL_ACTION_STATUS_DROPPED; status++)
    gtk_string_list_append (statuses, kl_action_status_name (status));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "principles.record-assessment", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "principles.add-action", FALSE);
}

/**
 * kl_principles_page_set_store:
 *
 * Shows the principles, self-assessments and actions of @store; the page
 * updates itself when data changes. Setting the same store again does
 * nothing.
 */
void
kl_principles_page_set_store (KlPrinciplesPage *self,
                              KlStore          *store)
{
  g_return_if_fail (KL_IS_PRINCIPLES_PAGE (self));
  g_return_if_fail (KL_IS_STORE (store));

  if (store == self->store)
    return;
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_handler, self->store);
  g_set_object (&self->store, store);
  g_clear_pointer (&self->lookup, kl_action_lookup_free);
  self->lookup = kl_action_lookup_new (store);
  self->changed_handler = g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                                                   G_CONNECT_SWAPPED);
  self->shown = 0;
  self->units_changed = TRUE;
  reload (self);
}

/**
 * kl_principles_page_show_principle:
 * @principle_id: a principle
 *
 * Opens the principle's page for the chosen unit.
 */
void
kl_principles_page_show_principle (KlPrinciplesPage *self,
                                   gint64            principle_id)
{
  g_return_if_fail (KL_IS_PRINCIPLES_PAGE (self));

  self->shown = principle_id;
  select_shown_row (self);
  if (self->store != NULL)
    {
      reload_detail (self);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "principles.record-assessment",
                                     self->shown != 0 && self->n_units > 0);
    }
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

gint64
kl_principles_page_get_shown (KlPrinciplesPage *self)
{
  g_return_val_if_fail (KL_IS_PRINCIPLES_PAGE (self), 0);

  return self->shown;
}

/**
 * kl_principles_page_set_unit:
 * @unit_id: a unit, or 0 for all units
 *
 * Shows how far the unit has come; its actions include its sub-units'.
 */
void
kl_principles_page_set_unit (KlPrinciplesPage *self,
                             gint64            unit_id)
{
  guint position;

  g_return_if_fail (KL_IS_PRINCIPLES_PAGE (self));

  position = kl_unit_choice_position (self->unit_ids, unit_id);
  if (position == GTK_INVALID_LIST_POSITION || self->unit_id == unit_id)
    return;
  self->unit_id = unit_id;
  if (gtk_drop_down_get_selected (self->unit_dropdown) != position)
    gtk_drop_down_set_selected (self->unit_dropdown, position);
  if (self->store != NULL)
    {
      reload_overview (self);
      reload_detail (self);
    }
}

/**
 * kl_principles_page_set_view:
 * @view: "principles" for the seven principles, "actions" for every
 *   leadership action
 */
void
kl_principles_page_set_view (KlPrinciplesPage *self,
                             const char       *view)
{
  g_return_if_fail (KL_IS_PRINCIPLES_PAGE (self));

  if (g_strcmp0 (view, "actions") != 0)
    view = "principles";
  if (g_strcmp0 (view, self->view) == 0)
    return;
  g_free (self->view);
  self->view = g_strdup (view);
  adw_view_stack_set_visible_child_name (self->view_stack, view);
  if (g_str_equal (view, "actions") && self->actions_stale && self->store != NULL)
    reload_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

const char *
kl_principles_page_get_view (KlPrinciplesPage *self)
{
  g_return_val_if_fail (KL_IS_PRINCIPLES_PAGE (self), NULL);

  return self->view;
}

/**
 * kl_principles_page_get_actions_model:
 *
 * Returns: (transfer none): the actions the Actions view shows, filtered
 *   and in order
 */
GListModel *
kl_principles_page_get_actions_model (KlPrinciplesPage *self)
{
  g_return_val_if_fail (KL_IS_PRINCIPLES_PAGE (self), NULL);

  return G_LIST_MODEL (self->sorted);
}

/**
 * kl_principles_page_set_today:
 * @today: (nullable): YYYY-MM-DD to use as today, or %NULL for the clock
 *
 * What is overdue depends on the date; tests move it.
 */
void
kl_principles_page_set_today (KlPrinciplesPage *self,
                              const char       *today)
{
  g_return_if_fail (KL_IS_PRINCIPLES_PAGE (self));

  g_free (self->today_override);
  self->today_override = g_strdup (today);
  reload (self);
}
