/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kl-unit-dialog.h"

/* Adds or edits one unit: its name and the unit it is part of. */
struct _KlUnitDialog
{
  AdwWindow     parent_instance;

  KlStore      *store;
  KlUnit       *unit;            /* the unit being edited, or NULL */
  GArray       *parent_ids;      /* position in parent_row → unit id, 0 for none */

  AdwEntryRow  *name_row;
  AdwComboRow  *parent_row;
  GtkLabel     *error_label;
  GtkButton    *save_button;
};

G_DEFINE_FINAL_TYPE (KlUnitDialog, kl_unit_dialog, ADW_TYPE_WINDOW)

/* A unit can only be placed under a unit outside its own branch. */
static void
add_parents (KlUnitDialog  *self,
             GtkStringList *names,
             GPtrArray     *units,
             gint64         parent,
             const char    *path,
             guint          depth)
{
  gint64 self_id = self->unit ? kl_record_get_id (KL_RECORD (self->unit)) : 0;

  for (guint i = 0; i < units->len; i++)
    {
      KlUnit *unit = g_ptr_array_index (units, i);
      gint64 id = kl_record_get_id (KL_RECORD (unit));
      g_autofree char *label = NULL;

      if (kl_unit_get_parent_id (unit) != parent || (self_id != 0 && id == self_id))
        continue;

      /* A sub-unit is shown with its path: "Service › Team". */
      if (path != NULL)
        label = g_strdup_printf ("%s › %s", path, kl_unit_get_name (unit));
      else
        label = g_strdup (kl_unit_get_name (unit));

      gtk_string_list_append (names, label);
      g_array_append_val (self->parent_ids, id);
      if (depth < 16)
        add_parents (self, names, units, id, label, depth + 1);
    }
}

static void
load_parents (KlUnitDialog *self)
{
  g_autoptr(GPtrArray) units = kl_store_list_units (self->store, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;
  gint64 current = self->unit ? kl_unit_get_parent_id (self->unit) : 0;
  guint selected = 0;

  g_array_set_size (self->parent_ids, 0);
  gtk_string_list_append (names, _("Nothing (a top-level unit)"));
  g_array_append_val (self->parent_ids, none);
  if (units != NULL)
    add_parents (self, names, units, 0, NULL, 0);

  for (guint i = 0; i < self->parent_ids->len; i++)
    if (g_array_index (self->parent_ids, gint64, i) == current)
      selected = i;

  adw_combo_row_set_model (self->parent_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->parent_row, selected);
}

static void
clear_error (KlUnitDialog *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->parent_row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_label_set_label (self->error_label, "");
}

static void
show_error (KlUnitDialog *self,
            const GError *error)
{
  const char *field = kl_store_error_get_field (error);
  GtkWidget *row = NULL;

  if (g_strcmp0 (field, "name") == 0)
    row = GTK_WIDGET (self->name_row);
  else if (g_strcmp0 (field, "parent") == 0)
    row = GTK_WIDGET (self->parent_row);

  gtk_label_set_label (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
}

static void
on_input_changed (KlUnitDialog *self)
{
  /* Once the user corrects something, the old message no longer applies. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    clear_error (self);
}

static void
on_name_activated (KlUnitDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "unit.save", NULL);
}

/**
 * kl_unit_dialog_save:
 *
 * Saves the unit as the dialog shows it, what the Save button does. On
 * success the dialog closes; otherwise it stays open and says what to
 * correct, marking the row of the field at fault.
 *
 * Returns: %TRUE if the unit was saved
 */
gboolean
kl_unit_dialog_save (KlUnitDialog *self)
{
  g_autoptr(KlUnit) unit = kl_unit_new ();
  g_autoptr(GError) error = NULL;
  guint selected;

  g_return_val_if_fail (KL_IS_UNIT_DIALOG (self), FALSE);

  if (self->unit != NULL)
    {
      kl_record_set_id (KL_RECORD (unit), kl_record_get_id (KL_RECORD (self->unit)));
      kl_record_set_uuid (KL_RECORD (unit), kl_record_get_uuid (KL_RECORD (self->unit)));
      kl_record_set_created_at (KL_RECORD (unit), kl_record_get_created_at (KL_RECORD (self->unit)));
    }

  kl_unit_set_name (unit, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  selected = adw_combo_row_get_selected (self->parent_row);
  if (selected < self->parent_ids->len)
    kl_unit_set_parent_id (unit, g_array_index (self->parent_ids, gint64, selected));

  clear_error (self);
  if (!kl_store_save_unit (self->store, unit, &error))
    {
      show_error (self, error);
      return FALSE;
    }

  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  kl_unit_dialog_save (KL_UNIT_DIALOG (widget));
}

static void
kl_unit_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KL_TYPE_UNIT_DIALOG);

  G_OBJECT_CLASS (kl_unit_dialog_parent_class)->dispose (object);
}

static void
kl_unit_dialog_finalize (GObject *object)
{
  KlUnitDialog *self = (KlUnitDialog *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->unit);
  g_clear_pointer (&self->parent_ids, g_array_unref);

  G_OBJECT_CLASS (kl_unit_dialog_parent_class)->finalize (object);
}

static void
kl_unit_dialog_class_init (KlUnitDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kl_unit_dialog_dispose;
  object_class->finalize = kl_unit_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/preferences/kl-unit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KlUnitDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, KlUnitDialog, parent_row);
  gtk_widget_class_bind_template_child (widget_class, KlUnitDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, KlUnitDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_name_activated);

  gtk_widget_class_install_action (widget_class, "unit.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kl_unit_dialog_init (KlUnitDialog *self)
{
  self->parent_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kl_unit_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @store: the database
 * @unit: (nullable): the unit to edit, or %NULL to add a new one
 *
 * Returns: (transfer none): a new dialog, not yet shown
 */
KlUnitDialog *
kl_unit_dialog_new (GtkWindow *parent,
                    KlStore   *store,
                    KlUnit    *unit)
{
  KlUnitDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KL_IS_STORE (store), NULL);
  g_return_val_if_fail (unit == NULL || KL_IS_UNIT (unit), NULL);

  self = g_object_new (KL_TYPE_UNIT_DIALOG,
                       "transient-for", parent,
                       "title", unit ? _("Edit Unit") : _("New Unit"),
                       NULL);
  self->store = g_object_ref (store);
  g_set_object (&self->unit, unit);

  gtk_button_set_label (self->save_button, unit ? _("_Save") : _("_Add"));
  if (unit != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), kl_unit_get_name (unit));
  load_parents (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return self;
}
