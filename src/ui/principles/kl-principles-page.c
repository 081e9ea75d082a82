/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kl-action-dialog.h"
#include "kl-action-lookup.h"
#include "kl-actions-view.h"
#include "kl-live.h"
#include "kl-principle-assessment-dialog.h"
#include "kl-principle-util.h"
#include "kl-principles-page.h"
#include "kl-principles-view.h"
#include "kl-store-leadership.h"

/* The leader's own development: the seven principles with how far each
 * unit has come, a page per principle (KlPrinciplesView), and every
 * leadership action (KlActionsView). The page holds the store, loads
 * what both views show, and carries the commands they offer. */

struct _KlPrinciplesPage
{
  AdwBin              parent_instance;

  KlStore            *store;
  KlStoreWatch       *watch;
  gboolean            units_changed;
  KlActionLookup     *lookup;
  char               *view;
  char               *today_override;
  char               *today;
  guint               n_units;
  KlAction           *deleted;

  AdwViewStack       *view_stack;
  KlPrinciplesView   *principles_view;
  KlActionsView      *actions_view;
};

G_DEFINE_FINAL_TYPE (KlPrinciplesPage, kl_principles_page, KL_TYPE_SECTION_PAGE)

enum {
  PROP_0,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const watched_tables[] = {
  "principle_assessment", "action", "unit", "staff", "theme", "assessment", "principle", "framework", NULL,
};

/* Reloading */

static void
update_actions (KlPrinciplesPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "principles.record-assessment",
                                 self->store != NULL && self->n_units > 0 &&
                                 kl_principles_view_get_shown (self->principles_view) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "principles.add-action", self->store != NULL && self->n_units > 0);
}

static void
reload_units (KlPrinciplesPage *self)
{
  g_autoptr(GPtrArray) units = kl_store_list_units (self->store, NULL);

  self->n_units = units ? units->len : 0;
  kl_principles_view_set_units (self->principles_view, units);
  kl_actions_view_set_units (self->actions_view, units);
}

static void
update_today (KlPrinciplesPage *self)
{
  g_free (self->today);
  self->today = kl_principle_today (self->today_override);
}

static void
reload (KlPrinciplesPage *self)
{
  if (self->store == NULL)
    return;

  update_today (self);
  kl_action_lookup_reload (self->lookup);
  if (self->units_changed)
    {
      self->units_changed = FALSE;
      reload_units (self);
    }
  kl_principles_view_reload (self->principles_view, self->today);
  /* A row per action is costly with thousands of them: only load the
   * actions view when it is shown (see docs/performance.md). */
  if (g_strcmp0 (self->view, "actions") == 0)
    kl_actions_view_reload (self->actions_view, self->today);
  else
    kl_actions_view_set_stale (self->actions_view, self->today);
  update_actions (self);
}

static void
on_store_changed (KlPrinciplesPage *self,
                  const char       *table)
{
  /* The watch reloads; the unit choices are only built again when the
   * units did change. */
  if (g_str_equal (table, "unit"))
    self->units_changed = TRUE;
}

/* Signal handlers */

static void
on_view_changed (KlPrinciplesPage *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (name != NULL)
    kl_principles_page_set_view (self, name);
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
  kl_principles_view_navigate_back (KL_PRINCIPLES_PAGE (widget)->principles_view);
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

  gint64 shown = kl_principles_view_get_shown (self->principles_view);

  if (self->store == NULL || shown == 0)
    return;
  gtk_window_present (GTK_WINDOW (kl_principle_assessment_dialog_new (parent_window (self), self->store, shown,
                                                                      kl_principles_view_get_unit (self->principles_view),
                                                                      NULL)));
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
  gtk_window_present (GTK_WINDOW (kl_action_dialog_new (parent_window (self), self->store, NULL,
                                                        kl_principles_view_get_shown (self->principles_view),
                                                        in_actions ? kl_actions_view_get_unit (self->actions_view)
                                                                   : kl_principles_view_get_unit (self->principles_view))));
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

  /* Open across midnight: what is overdue has changed. Data changed
   * meanwhile is the watch's to catch up on. */
  if (self->watch != NULL && g_strcmp0 (today, self->today) != 0)
    kl_store_watch_reload_now (self->watch);
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

  g_clear_object (&self->watch);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed, self);
  /* The stack says its visible child changed as it goes. */
  if (self->view_stack != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->view_stack, self);
      g_signal_handlers_disconnect_by_data (self->principles_view, self);
    }
  /* The stack is both a template child and the bin's child: let the bin
   * let go of it first, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KL_TYPE_PRINCIPLES_PAGE);
  g_clear_object (&self->deleted);
  g_clear_pointer (&self->lookup, kl_action_lookup_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kl_principles_page_parent_class)->dispose (object);
}

static void
kl_principles_page_finalize (GObject *object)
{
  KlPrinciplesPage *self = (KlPrinciplesPage *)object;

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
  KlSectionPageClass *page_class = KL_SECTION_PAGE_CLASS (klass);

  page_class->set_store = (void (*) (KlSectionPage *, KlStore *))kl_principles_page_set_store;
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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KL_TYPE_PRINCIPLES_VIEW);
  g_type_ensure (KL_TYPE_ACTIONS_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/principles/kl-principles-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KlPrinciplesPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, KlPrinciplesPage, principles_view);
  gtk_widget_class_bind_template_child (widget_class, KlPrinciplesPage, actions_view);

  gtk_widget_class_bind_template_callback (widget_class, on_view_changed);
  gtk_widget_class_bind_template_callback (widget_class, update_actions);

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
  self->view = g_strdup ("principles");
  self->units_changed = TRUE;
  update_today (self);

  gtk_widget_init_template (GTK_WIDGET (self));

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
  g_clear_object (&self->watch);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed, self);
  g_set_object (&self->store, store);
  g_clear_pointer (&self->lookup, kl_action_lookup_free);
  self->lookup = kl_action_lookup_new (store);
  kl_principles_view_set_store (self->principles_view, store, self->lookup);
  kl_actions_view_set_store (self->actions_view, store, self->lookup);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  self->watch = kl_live_watch (GTK_WIDGET (self), store, watched_tables, G_PRIORITY_HIGH_IDLE, G_CALLBACK (reload));
  self->units_changed = TRUE;
  kl_store_watch_reload_now (self->watch);
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

  kl_principles_view_show_principle (self->principles_view, principle_id);
}

gint64
kl_principles_page_get_shown (KlPrinciplesPage *self)
{
  g_return_val_if_fail (KL_IS_PRINCIPLES_PAGE (self), 0);

  return kl_principles_view_get_shown (self->principles_view);
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
  g_return_if_fail (KL_IS_PRINCIPLES_PAGE (self));

  kl_principles_view_set_unit (self->principles_view, unit_id);
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
  if (g_str_equal (view, "actions"))
    kl_actions_view_load_if_stale (self->actions_view);
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

  return kl_actions_view_get_model (self->actions_view);
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
  if (self->watch != NULL)
    kl_store_watch_reload_now (self->watch);
}
