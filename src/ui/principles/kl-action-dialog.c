/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kl-action-dialog.h"
#include "kl-form.h"
#include "kl-principle-util.h"
#include "kl-unit-choice.h"

/* Adds or edits a leadership action: what will be done about a
 * principle, in which unit, by whom and by when. */
struct _KlActionDialog
{
  AdwWindow    parent_instance;

  KlStore     *store;
  KlAction    *action;
  GArray      *principle_ids;
  GArray      *theme_ids;     /* 0 = no theme */
  GArray      *unit_ids;
  GArray      *owner_ids;     /* 0 = nobody */

  GtkLabel    *error_label;
  AdwEntryRow *title_row;
  AdwComboRow *principle_row;
  AdwComboRow *theme_row;
  AdwComboRow *unit_row;
  AdwComboRow *owner_row;
  AdwEntryRow *due_row;
  AdwComboRow *status_row;
  AdwEntryRow *note_row;
};

G_DEFINE_FINAL_TYPE (KlActionDialog, kl_action_dialog, ADW_TYPE_WINDOW)

static gint64
selected_id (AdwComboRow *row,
             GArray      *ids)
{
  guint position = adw_combo_row_get_selected (row);

  return position < ids->len ? g_array_index (ids, gint64, position) : 0;
}

static void
select_id (AdwComboRow *row,
           GArray      *ids,
           gint64       id)
{
  guint position = kl_unit_choice_position (ids, id);

  adw_combo_row_set_selected (row, position != GTK_INVALID_LIST_POSITION ? position : 0);
}

gboolean
kl_action_dialog_save (KlActionDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *due = kl_parse_user_date (gtk_editable_get_text (GTK_EDITABLE (self->due_row)));
  KlFormField fields[] = {
    { "title", GTK_WIDGET (self->title_row) },
    { "principle", GTK_WIDGET (self->principle_row) },
    { "theme", GTK_WIDGET (self->theme_row) },
    { "unit", GTK_WIDGET (self->unit_row) },
    { "owner", GTK_WIDGET (self->owner_row) },
    { "due_on", GTK_WIDGET (self->due_row) },
    { "note", GTK_WIDGET (self->note_row) },
  };

  g_return_val_if_fail (KL_IS_ACTION_DIALOG (self), FALSE);

  if (due == NULL)
    {
      error = g_error_new (KL_STORE_ERROR, KL_STORE_ERROR_INVALID,
                           _("Write dates as day-month-year, for example 31-12-2026"));
      kl_form_show_error (self->error_label, fields, G_N_ELEMENTS (fields), error);
      gtk_widget_add_css_class (GTK_WIDGET (self->due_row), "error");
      return FALSE;
    }

  kl_action_set_title (self->action, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  kl_action_set_principle_id (self->action, selected_id (self->principle_row, self->principle_ids));
  kl_action_set_theme_id (self->action, selected_id (self->theme_row, self->theme_ids));
  kl_action_set_unit_id (self->action, selected_id (self->unit_row, self->unit_ids));
  kl_action_set_owner_id (self->action, selected_id (self->owner_row, self->owner_ids));
  kl_action_set_due_on (self->action, *due ? due : NULL);
  kl_action_set_status (self->action, adw_combo_row_get_selected (self->status_row));
  kl_action_set_note (self->action, gtk_editable_get_text (GTK_EDITABLE (self->note_row)));

  if (!kl_store_save_action (self->store, self->action, &error))
    {
      kl_form_show_error (self->error_label, fields, G_N_ELEMENTS (fields), error);
      return FALSE;
    }

  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

/* The owner is someone in the action's unit or below it; an owner from
 * elsewhere (moved since) stays on the list. */
static void
load_owners (KlActionDialog *self)
{
  gint64 unit_id = selected_id (self->unit_row, self->unit_ids);
  gint64 owner_id = self->owner_ids->len ? selected_id (self->owner_row, self->owner_ids)
                                         : kl_action_get_owner_id (self->action);
  g_autoptr(GPtrArray) staff = unit_id ? kl_store_list_staff (self->store, unit_id, FALSE, NULL) : NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;
  gboolean has_owner = owner_id == 0;

  g_array_set_size (self->owner_ids, 0);
  gtk_string_list_append (names, _("No owner"));
  g_array_append_val (self->owner_ids, none);
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      KlStaff *person = g_ptr_array_index (staff, i);
      gint64 id = kl_record_get_id (KL_RECORD (person));

      if (kl_staff_get_unit_id (person) == unit_id)
        gtk_string_list_append (names, kl_staff_get_name (person));
      else
        {
          g_autofree char *label = g_strdup_printf ("%s · %s", kl_staff_get_name (person),
                                                    kl_staff_get_unit_name (person));
          gtk_string_list_append (names, label);
        }
      g_array_append_val (self->owner_ids, id);
      has_owner |= id == owner_id;
    }
  if (!has_owner)
    {
      g_autoptr(KlRecord) owner = kl_store_get_record (self->store, KL_TYPE_STAFF, owner_id, NULL);

      if (owner != NULL)
        {
          gtk_string_list_append (names, kl_staff_get_name (KL_STAFF (owner)));
          g_array_append_val (self->owner_ids, owner_id);
        }
    }

  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (names));
  select_id (self->owner_row, self->owner_ids, owner_id);
}

static void
on_unit_changed (KlActionDialog *self)
{
  load_owners (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  kl_action_dialog_save (KL_ACTION_DIALOG (widget));
}

static void
kl_action_dialog_dispose (GObject *object)
{
  KlActionDialog *self = (KlActionDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KL_TYPE_ACTION_DIALOG);
  g_clear_object (&self->action);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kl_action_dialog_parent_class)->dispose (object);
}

static void
kl_action_dialog_finalize (GObject *object)
{
  KlActionDialog *self = (KlActionDialog *)object;

  g_clear_pointer (&self->principle_ids, g_array_unref);
  g_clear_pointer (&self->theme_ids, g_array_unref);
  g_clear_pointer (&self->unit_ids, g_array_unref);
  g_clear_pointer (&self->owner_ids, g_array_unref);

  G_OBJECT_CLASS (kl_action_dialog_parent_class)->finalize (object);
}

static void
kl_action_dialog_class_init (KlActionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kl_action_dialog_dispose;
  object_class->finalize = kl_action_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/principles/kl-action-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KlActionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, KlActionDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, KlActionDialog, principle_row);
  gtk_widget_class_bind_template_child (widget_class, KlActionDialog, theme_row);
  gtk_widget_class_bind_template_child (widget_class, KlActionDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, KlActionDialog, owner_row);
  gtk_widget_class_bind_template_child (widget_class, KlActionDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, KlActionDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, KlActionDialog, note_row);

  gtk_widget_class_install_action (widget_class, "action-dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kl_action_dialog_init (KlActionDialog *self)
{
  self->principle_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->theme_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->title_row, "entry-activated", G_CALLBACK (kl_action_dialog_save), self);
  g_signal_connect_swapped (self->due_row, "entry-activated", G_CALLBACK (kl_action_dialog_save), self);
  g_signal_connect_swapped (self->note_row, "entry-activated", G_CALLBACK (kl_action_dialog_save), self);
}

/**
 * kl_action_dialog_new:
 * @action: (nullable): the action to edit, or %NULL for a new one
 * @principle_id: for a new action, the principle to suggest, or 0
 * @unit_id: for a new action, the unit to suggest, or 0
 *
 * Returns: (transfer none): the dialog
 */
KlActionDialog *
kl_action_dialog_new (GtkWindow *parent,
                      KlStore   *store,
                      KlAction  *action,
                      gint64     principle_id,
                      gint64     unit_id)
{
  KlActionDialog *self;
  g_autoptr(GPtrArray) principles = NULL;
  g_autoptr(GPtrArray) themes = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GtkStringList) principle_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) theme_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) unit_names = NULL;
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autofree char *due = NULL;
  gint64 none = 0;

  g_return_val_if_fail (KL_IS_STORE (store), NULL);

  self = g_object_new (KL_TYPE_ACTION_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->action = kl_action_new ();
  gtk_window_set_title (GTK_WINDOW (self), action ? _("Edit Action") : _("Add Action"));

  if (action != NULL)
    {
      kl_record_set_id (KL_RECORD (self->action), kl_record_get_id (KL_RECORD (action)));
      kl_record_set_uuid (KL_RECORD (self->action), kl_record_get_uuid (KL_RECORD (action)));
      kl_action_set_owner_id (self->action, kl_action_get_owner_id (action));
      principle_id = kl_action_get_principle_id (action);
      unit_id = kl_action_get_unit_id (action);
    }

  principles = kl_store_list_principles (store, KL_FRAMEWORK_FAGLIG_LEDELSE, NULL);
  for (guint i = 0; principles != NULL && i < principles->len; i++)
    {
      KlPrinciple *principle = g_ptr_array_index (principles, i);
      g_autofree char *name = kl_principle_display_name (principle);
      gint64 id = kl_record_get_id (KL_RECORD (principle));

      gtk_string_list_append (principle_names, name);
      g_array_append_val (self->principle_ids, id);
    }
  adw_combo_row_set_model (self->principle_row, G_LIST_MODEL (principle_names));
  select_id (self->principle_row, self->principle_ids, principle_id);

  gtk_string_list_append (theme_names, _("No particular theme"));
  g_array_append_val (self->theme_ids, none);
  themes = kl_store_list_themes (store, TRUE, NULL);
  for (guint i = 0; themes != NULL && i < themes->len; i++)
    {
      KlTheme *theme = g_ptr_array_index (themes, i);
      gint64 id = kl_record_get_id (KL_RECORD (theme));

      /* An archived theme only for the action that already has it. */
      if (kl_theme_get_archived (theme) && (action == NULL || kl_action_get_theme_id (action) != id))
        continue;
      gtk_string_list_append (theme_names, kl_theme_get_builtin (theme) ? _(kl_theme_get_name (theme))
                                                                        : kl_theme_get_name (theme));
      g_array_append_val (self->theme_ids, id);
    }
  adw_combo_row_set_model (self->theme_row, G_LIST_MODEL (theme_names));
  select_id (self->theme_row, self->theme_ids, action ? kl_action_get_theme_id (action) : 0);

  units = kl_store_list_units (store, NULL);
  unit_names = kl_unit_choice_names (units, NULL, self->unit_ids);
  adw_combo_row_set_model (self->unit_row, G_LIST_MODEL (unit_names));
  select_id (self->unit_row, self->unit_ids, unit_id);
  load_owners (self);
  g_signal_connect_object (self->unit_row, "notify::selected", G_CALLBACK (on_unit_changed), self,
                           G_CONNECT_SWAPPED);

  for (int status = KL_ACTION_STATUS_OPEN; status <= KL_ACTION_STATUS_DROPPED; status++)
    gtk_string_list_append (statuses, kl_action_status_name (status));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));

  if (action != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), kl_action_get_title (action));
      adw_combo_row_set_selected (self->status_row, kl_action_get_status (action));
      gtk_editable_set_text (GTK_EDITABLE (self->note_row), kl_action_get_note (action) ?: "");
    }
  due = kl_form_date_for_entry (action ? kl_action_get_due_on (action) : NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->due_row), due);

  return self;
}
