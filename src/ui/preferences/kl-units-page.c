/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kl-unit-dialog.h"
#include "kl-units-page.h"
#include "kl-live.h"

/* The preferences page where the organisation is set up: services and
 * the teams under them, as a tree of rows. */
struct _KlUnitsPage
{
  AdwPreferencesPage   parent_instance;

  KlStore             *store;
  KlStoreWatch        *watch;          /* reloads when shown; see kl-live.h */
  GPtrArray           *rows;           /* the unit rows now in units_group */

  AdwPreferencesGroup *units_group;
  AdwActionRow        *empty_row;
};

G_DEFINE_FINAL_TYPE (KlUnitsPage, kl_units_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  guint current;
  guint former;
} StaffCount;

/* How many staff each unit has, from one pass over all staff. */
static GHashTable *
count_staff (KlStore *store)
{
  g_autoptr(GPtrArray) staff = kl_store_list_staff (store, 0, TRUE, NULL);
  GHashTable *counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      KlStaff *member = g_ptr_array_index (staff, i);
      gint64 unit_id = kl_staff_get_unit_id (member);
      const char *left_on = kl_staff_get_left_on (member);
      StaffCount *count = g_hash_table_lookup (counts, &unit_id);

      if (count == NULL)
        {
          count = g_new0 (StaffCount, 1);
          g_hash_table_insert (counts, g_memdup2 (&unit_id, sizeof unit_id), count);
        }
      if (left_on != NULL && *left_on != '\0')
        count->former++;
      else
        count->current++;
    }

  return counts;
}

static char *
describe_staff (const StaffCount *count)
{
  g_autofree char *current = NULL;
  g_autofree char *former = NULL;

  if (count == NULL || (count->current == 0 && count->former == 0))
    return g_strdup (_("No staff members"));

  if (count->current > 0)
    current = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u staff member", "%u staff members",
                                            count->current),
                               count->current);
  if (count->former > 0 && current != NULL)
    /* Translators: follows the number of staff members, as in "12 staff members · 2 former" */
    former = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u former", "%u former", count->former),
                              count->former);
  else if (count->former > 0)
    former = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u former staff member", "%u former staff members",
                                           count->former),
                              count->former);

  if (current != NULL && former != NULL)
    return g_strdup_printf ("%s · %s", current, former);
  if (current != NULL)
    return g_steal_pointer (&current);
  return g_steal_pointer (&former);
}

static GtkWidget *
create_button (const char *icon_name,
               const char *tooltip,
               const char *accessible_label,
               const char *action_name,
               gint64      unit_id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (unit_id));
  return button;
}

static GtkWidget *
create_row (KlUnit           *unit,
            const char       *parent_name,
            const StaffCount *count,
            guint             depth)
{
  const char *name = kl_unit_get_name (unit);
  gint64 id = kl_record_get_id (KL_RECORD (unit));
  g_autofree char *staff = describe_staff (count);
  g_autofree char *subtitle = NULL;
  g_autofree char *edit_label = NULL;
  g_autofree char *delete_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit;
  GtkWidget *delete;

  if (parent_name != NULL)
    {
      /* Translators: the subtitle of a team, %s is the service it belongs to */
      g_autofree char *under = g_strdup_printf (_("Under %s"), parent_name);

      subtitle = g_strdup_printf ("%s · %s", under, staff);
    }
  else
    subtitle = g_steal_pointer (&staff);

  /* Names are the user's text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  /* The tree shows as indentation: a team sits in from its service. */
  if (depth > 0)
    {
      GtkWidget *guide = gtk_separator_new (GTK_ORIENTATION_VERTICAL);

      gtk_widget_set_margin_start (guide, 6 + 24 * (depth - 1));
      gtk_widget_set_margin_end (guide, 6);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), guide);
    }

  /* Translators: the accessible name of an icon-only button; %s is a unit's name */
  edit_label = g_strdup_printf (_("Edit %s"), name);
  /* Translators: the accessible name of an icon-only button; %s is a unit's name */
  delete_label = g_strdup_printf (_("Delete %s"), name);
  edit = create_button ("document-edit-symbolic", _("Edit"), edit_label, "units.edit", id);
  delete = create_button ("user-trash-symbolic", _("Delete"), delete_label, "units.delete", id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), edit);

  return row;
}

static void
add_rows (KlUnitsPage *self,
          GPtrArray   *units,
          GHashTable  *counts,
          GHashTable  *shown,
          gint64       parent,
          const char  *parent_name,
          guint        depth)
{
  for (guint i = 0; i < units->len; i++)
    {
      KlUnit *unit = g_ptr_array_index (units, i);
      gint64 id = kl_record_get_id (KL_RECORD (unit));
      GtkWidget *row;

      if (kl_unit_get_parent_id (unit) != parent || g_hash_table_contains (shown, unit))
        continue;

      g_hash_table_add (shown, unit);
      row = create_row (unit, parent_name, g_hash_table_lookup (counts, &id), depth);
      adw_preferences_group_add (self->units_group, row);
      g_ptr_array_add (self->rows, row);
      add_rows (self, units, counts, shown, id, kl_unit_get_name (unit), depth + 1);
    }
}

static void
reload (KlUnitsPage *self)
{
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GHashTable) shown = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->units_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  units = kl_store_list_units (self->store, &error);
  if (units == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty_row), error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->empty_row), TRUE);
      return;
    }

  counts = count_staff (self->store);
  shown = g_hash_table_new (NULL, NULL);
  add_rows (self, units, counts, shown, 0, NULL, 0);

  /* The store refuses cycles, so this only catches what it could not. */
  for (guint i = 0; i < units->len; i++)
    {
      KlUnit *unit = g_ptr_array_index (units, i);

      if (!g_hash_table_contains (shown, unit))
        add_rows (self, units, counts, shown, kl_unit_get_parent_id (unit), NULL, 0);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty_row),
                                 _("No units yet — add your services and teams"));
  gtk_widget_set_visible (GTK_WIDGET (self->empty_row), units->len == 0);
}

static GtkWindow *
get_window (KlUnitsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
add_toast (KlUnitsPage *self,
           AdwToast    *toast)
{
  GtkWindow *window = get_window (self);
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (ADW_IS_PREFERENCES_WINDOW (window))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), toast);
  else if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

static void
show_message (KlUnitsPage *self,
              const char  *heading,
              const char  *body)
{
  GtkWidget *dialog = adw_message_dialog_new (get_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_undo_clicked (AdwToast    *toast,
                 KlUnitsPage *self)
{
  KlUnit *deleted = g_object_get_data (G_OBJECT (toast), "kl-unit");
  g_autoptr(KlUnit) unit = kl_unit_new ();
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  /* The same uuid: to exports and other copies it is the same unit. */
  kl_record_set_uuid (KL_RECORD (unit), kl_record_get_uuid (KL_RECORD (deleted)));
  kl_unit_set_name (unit, kl_unit_get_name (deleted));
  kl_unit_set_parent_id (unit, kl_unit_get_parent_id (deleted));

  if (!kl_store_save_unit (self->store, unit, &error))
    {
      g_autofree char *title = g_markup_printf_escaped (_("Could not restore “%s”: %s"),
                                                        kl_unit_get_name (deleted), error->message);
      add_toast (self, adw_toast_new (title));
    }
}

static void
delete_unit (KlUnitsPage *self,
             KlUnit      *unit,
             gboolean     undoable)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (!kl_store_delete_unit (self->store, kl_record_get_id (KL_RECORD (unit)), &error))
    {
      /* Translators: the heading of a message; %s is a unit's name */
      g_autofree char *heading = g_strdup_printf (_("Cannot Delete “%s”"), kl_unit_get_name (unit));

      show_message (self, heading, error->message);
      return;
    }

  title = g_markup_printf_escaped (_("“%s” deleted"), kl_unit_get_name (unit));
  toast = adw_toast_new (title);
  if (undoable)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      g_object_set_data_full (G_OBJECT (toast), "kl-unit", g_object_ref (unit), g_object_unref);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked), self, 0);
    }
  add_toast (self, toast);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    KlUnitsPage      *self)
{
  if (g_str_equal (response, "delete"))
    delete_unit (self, g_object_get_data (G_OBJECT (dialog), "kl-unit"), FALSE);
}

/* The store deletes a unit's self-assessments and leadership actions with
 * it; those cannot come back with Undo, so the user is asked first. */
static gboolean
has_unit_records (KlUnitsPage *self,
                  gint64       id)
{
  g_autoptr(GPtrArray) assessments = kl_store_list_principle_assessments (self->store, id, 0, NULL);
  g_autoptr(GPtrArray) actions = kl_store_list_actions (self->store, id, 0, NULL);

  return (assessments != NULL && assessments->len > 0) || (actions != NULL && actions->len > 0);
}

/* Whether the store will refuse: no point asking about a deletion that
 * cannot happen. */
static gboolean
is_unit_in_use (KlUnitsPage *self,
                gint64       id)
{
  g_autoptr(GPtrArray) staff = kl_store_list_staff (self->store, id, TRUE, NULL);
  g_autoptr(GPtrArray) units = kl_store_list_units (self->store, NULL);

  if (staff != NULL && staff->len > 0)
    return TRUE;
  for (guint i = 0; units != NULL && i < units->len; i++)
    if (kl_unit_get_parent_id (g_ptr_array_index (units, i)) == id)
      return TRUE;
  return FALSE;
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KlUnitsPage *self = KL_UNITS_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(KlUnit) unit = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  unit = kl_store_get_unit (self->store, id, &error);
  if (unit == NULL)
    {
      show_message (self, _("Cannot Delete the Unit"), error->message);
      return;
    }

  if (is_unit_in_use (self, id) || !has_unit_records (self, id))
    {
      delete_unit (self, unit, TRUE);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_window (self), NULL, NULL));
  /* Translators: %s is a unit's name */
  adw_message_dialog_format_heading (dialog, _("Delete “%s”?"), kl_unit_get_name (unit));
  adw_message_dialog_set_body (dialog, _("The unit’s self-assessments of the leadership principles and its leadership actions are deleted with it. This cannot be undone."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "kl-unit", g_steal_pointer (&unit), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  KlUnitsPage *self = KL_UNITS_PAGE (widget);

  gtk_window_present (GTK_WINDOW (kl_unit_dialog_new (get_window (self), self->store, NULL)));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KlUnitsPage *self = KL_UNITS_PAGE (widget);
  g_autoptr(KlUnit) unit = NULL;
  g_autoptr(GError) error = NULL;

  unit = kl_store_get_unit (self->store, g_variant_get_int64 (parameter), &error);
  if (unit == NULL)
    {
      show_message (self, _("Cannot Edit the Unit"), error->message);
      return;
    }

  gtk_window_present (GTK_WINDOW (kl_unit_dialog_new (get_window (self), self->store, unit)));
}

/* The units and the staff counted in them. */
static const char * const watched_tables[] = { "unit", "staff", NULL };

static void
kl_units_page_constructed (GObject *object)
{
  KlUnitsPage *self = (KlUnitsPage *)object;

  G_OBJECT_CLASS (kl_units_page_parent_class)->constructed (object);

  g_assert (KL_IS_STORE (self->store));
  self->watch = kl_live_watch (GTK_WIDGET (self), self->store, watched_tables, G_PRIORITY_HIGH_IDLE,
                               G_CALLBACK (reload));
  reload (self);
}

static void
kl_units_page_dispose (GObject *object)
{
  KlUnitsPage *self = (KlUnitsPage *)object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), KL_TYPE_UNITS_PAGE);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->watch);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kl_units_page_parent_class)->dispose (object);
}

static void
kl_units_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KlUnitsPage *self = KL_UNITS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_units_page_class_init (KlUnitsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kl_units_page_constructed;
  object_class->dispose = kl_units_page_dispose;
  object_class->set_property = kl_units_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         KL_TYPE_STORE,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/preferences/kl-units-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KlUnitsPage, units_group);
  gtk_widget_class_bind_template_child (widget_class, KlUnitsPage, empty_row);

  gtk_widget_class_install_action (widget_class, "units.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "units.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "units.delete", "x", delete_action);
}

static void
kl_units_page_init (KlUnitsPage *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kl_units_page_new:
 * @store: the database
 *
 * Returns: (transfer floating): a preferences page listing the units as
 *   a tree, where units are added, renamed, moved and deleted
 */
KlUnitsPage *
kl_units_page_new (KlStore *store)
{
  g_return_val_if_fail (KL_IS_STORE (store), NULL);

  return g_object_new (KL_TYPE_UNITS_PAGE,
                       "store", store,
                       NULL);
}
