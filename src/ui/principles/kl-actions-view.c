/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kl-action-row.h"
#include "kl-actions-view.h"
#include "kl-back-button.h"
#include "kl-store-leadership.h"
#include "kl-unit-choice.h"

/* The Actions view of the Principles page: every leadership action,
 * overdue first, filtered by status, unit and owner. */

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

struct _KlActionsView
{
  AdwBin               parent_instance;

  KlStore             *store;
  KlActionLookup      *lookup;   /* the page's */
  AdwViewStack        *stack;
  char                *today;
  gboolean             stale;    /* the actions need loading */

  GListStore          *actions;
  GtkCustomFilter     *filter;
  GtkCustomSorter     *sorter;
  GtkFilterListModel  *filtered;
  GtkSortListModel    *sorted;
  GArray              *unit_ids;
  GArray              *owner_ids;
  gint64               unit_id;
  StatusFilter         status_filter;
  gint64               owner_filter;

  GtkStack            *actions_stack;
  AdwComboRow         *status_row;
  AdwComboRow         *unit_row;
  AdwComboRow         *owner_row;
  AdwPreferencesGroup *actions_group;
  GtkListBox          *actions_list;
};

G_DEFINE_FINAL_TYPE (KlActionsView, kl_actions_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  KlActionsView *self = user_data;
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
  KlActionsView *self = user_data;

  return kl_action_compare ((KlAction *)a, (KlAction *)b, self->today);
}

static GtkWidget *
create_action_row (gpointer item,
                   gpointer user_data)
{
  KlActionsView *self = user_data;

  return kl_action_row_new (self->store, KL_ACTION (item), self->lookup, self->today, TRUE);
}

static void
update_actions_state (KlActionsView *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->actions));
  g_autofree char *description = NULL;

  gtk_stack_set_visible_child_name (self->actions_stack,
                                    total == 0 && self->unit_id == 0 ? "empty" : "list");
  if (shown == total)
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action", "%u actions", total), total);
  else
    /* Translators: "3 of 14 actions" shown by the filters */
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u action", "%u of %u actions", total),
                                   shown, total);
  adw_preferences_group_set_description (self->actions_group, description);
}

static void
reload_owners (KlActionsView *self)
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
reload_actions (KlActionsView *self)
{
  g_autoptr(GPtrArray) actions = kl_store_list_actions (self->store, self->unit_id, 0, NULL);

  if (actions == NULL)
    return;
  self->stale = FALSE;
  reload_owners (self);
  /* New rows, so the names and what is overdue are current. */
  g_list_store_splice (self->actions, 0, g_list_model_get_n_items (G_LIST_MODEL (self->actions)),
                       actions->pdata, actions->len);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  update_actions_state (self);
}

static void
on_action_filter_changed (KlActionsView *self)
{
  guint owner = adw_combo_row_get_selected (self->owner_row);

  self->status_filter = adw_combo_row_get_selected (self->status_row);
  self->owner_filter = owner < self->owner_ids->len ? g_array_index (self->owner_ids, gint64, owner) : OWNER_ANYONE;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_actions_state (self);
}

static void
on_action_unit_changed (KlActionsView *self)
{
  guint position = adw_combo_row_get_selected (self->unit_row);

  self->unit_id = position < self->unit_ids->len
                         ? g_array_index (self->unit_ids, gint64, position) : 0;
  if (self->store != NULL && self->today != NULL)
    reload_actions (self);
}

/* GObject */

static void
kl_actions_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KlActionsView *self = KL_ACTIONS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STACK:
      g_value_set_object (value, self->stack);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_actions_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KlActionsView *self = KL_ACTIONS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STACK:
      if (g_set_object (&self->stack, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_actions_view_dispose (GObject *object)
{
  KlActionsView *self = (KlActionsView *)object;

  /* The combo rows say their selection changed as they go. */
  if (self->actions_list != NULL)
    {
      gtk_list_box_bind_model (self->actions_list, NULL, NULL, NULL, NULL);
      g_signal_handlers_disconnect_by_data (self->status_row, self);
      g_signal_handlers_disconnect_by_data (self->unit_row, self);
      g_signal_handlers_disconnect_by_data (self->owner_row, self);
    }
  /* The box is both a template child and the bin's child. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KL_TYPE_ACTIONS_VIEW);
  g_clear_object (&self->sorted);
  g_clear_object (&self->actions);
  g_clear_object (&self->stack);
  g_clear_object (&self->store);
  self->lookup = NULL;

  G_OBJECT_CLASS (kl_actions_view_parent_class)->dispose (object);
}

static void
kl_actions_view_finalize (GObject *object)
{
  KlActionsView *self = (KlActionsView *)object;

  g_clear_pointer (&self->unit_ids, g_array_unref);
  g_clear_pointer (&self->owner_ids, g_array_unref);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (kl_actions_view_parent_class)->finalize (object);
}

static void
kl_actions_view_class_init (KlActionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kl_actions_view_dispose;
  object_class->finalize = kl_actions_view_finalize;
  object_class->get_property = kl_actions_view_get_property;
  object_class->set_property = kl_actions_view_set_property;

  /* The page's stack of views, for the view switchers. */
  properties[PROP_STACK] =
    g_param_spec_object ("stack", NULL, NULL,
                         ADW_TYPE_VIEW_STACK,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KL_TYPE_BACK_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/principles/kl-actions-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KlActionsView, actions_stack);
  gtk_widget_class_bind_template_child (widget_class, KlActionsView, status_row);
  gtk_widget_class_bind_template_child_full (widget_class, "action_unit_row", FALSE,
                                             G_STRUCT_OFFSET (KlActionsView, unit_row));
  gtk_widget_class_bind_template_child (widget_class, KlActionsView, owner_row);
  gtk_widget_class_bind_template_child (widget_class, KlActionsView, actions_group);
  gtk_widget_class_bind_template_child (widget_class, KlActionsView, actions_list);

  gtk_widget_class_bind_template_callback (widget_class, on_action_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_action_unit_changed);
}

static void
kl_actions_view_init (KlActionsView *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  self->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->owner_filter = OWNER_ANYONE;
  self->stale = TRUE;

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
}

/**
 * kl_actions_view_set_store:
 * @lookup: the names for the ids in actions; the page keeps it and
 *   reloads it, and outlives the view
 */
void
kl_actions_view_set_store (KlActionsView  *self,
                           KlStore        *store,
                           KlActionLookup *lookup)
{
  g_return_if_fail (KL_IS_ACTIONS_VIEW (self));
  g_return_if_fail (KL_IS_STORE (store));

  g_set_object (&self->store, store);
  self->lookup = lookup;
  self->stale = TRUE;
}

/**
 * kl_actions_view_set_units:
 * @units: (element-type KlUnit): every unit, by name
 *
 * Offers the units to filter by; a chosen unit that is gone gives way
 * to all units.
 */
void
kl_actions_view_set_units (KlActionsView *self,
                           GPtrArray     *units)
{
  g_autoptr(GtkStringList) names = NULL;

  g_return_if_fail (KL_IS_ACTIONS_VIEW (self));

  names = kl_unit_choice_names (units, _("All units"), self->unit_ids);
  if (kl_unit_choice_position (self->unit_ids, self->unit_id) == GTK_INVALID_LIST_POSITION)
    self->unit_id = 0;

  g_signal_handlers_block_matched (self->unit_row, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  adw_combo_row_set_model (self->unit_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->unit_row, kl_unit_choice_position (self->unit_ids, self->unit_id));
  g_signal_handlers_unblock_matched (self->unit_row, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

/**
 * kl_actions_view_reload:
 * @today: YYYY-MM-DD, for what is overdue
 *
 * Loads the actions as they are in the store now.
 */
void
kl_actions_view_reload (KlActionsView *self,
                        const char    *today)
{
  g_return_if_fail (KL_IS_ACTIONS_VIEW (self));
  g_return_if_fail (today != NULL);

  g_free (self->today);
  self->today = g_strdup (today);
  if (self->store != NULL)
    reload_actions (self);
}

/**
 * kl_actions_view_set_stale:
 * @today: YYYY-MM-DD, for what is overdue
 *
 * A row per action is costly with thousands of them (see
 * docs/performance.md): while the view is not shown, the page only
 * notes that it is out of date, and kl_actions_view_load_if_stale()
 * loads it when it is.
 */
void
kl_actions_view_set_stale (KlActionsView *self,
                           const char    *today)
{
  g_return_if_fail (KL_IS_ACTIONS_VIEW (self));
  g_return_if_fail (today != NULL);

  g_free (self->today);
  self->today = g_strdup (today);
  self->stale = TRUE;
}

void
kl_actions_view_load_if_stale (KlActionsView *self)
{
  g_return_if_fail (KL_IS_ACTIONS_VIEW (self));

  if (self->stale && self->store != NULL && self->today != NULL)
    reload_actions (self);
}

/**
 * kl_actions_view_get_unit:
 *
 * Returns: the unit the actions are filtered by, or 0 for all units
 */
gint64
kl_actions_view_get_unit (KlActionsView *self)
{
  g_return_val_if_fail (KL_IS_ACTIONS_VIEW (self), 0);

  return self->unit_id;
}

/**
 * kl_actions_view_get_model:
 *
 * Returns: (transfer none): the actions shown, filtered and in order
 */
GListModel *
kl_actions_view_get_model (KlActionsView *self)
{
  g_return_val_if_fail (KL_IS_ACTIONS_VIEW (self), NULL);

  return G_LIST_MODEL (self->sorted);
}
