/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kl-form.h"
#include "kl-staff-dialog.h"

/* Adds or edits a staff member. The store checks the input; its message
 * is shown at the field it is about, and nothing is saved until it is
 * right. */
struct _KlStaffDialog
{
  AdwWindow     parent_instance;

  KlStore      *store;
  KlStaff      *staff;      /* a copy being edited */
  GArray       *unit_ids;

  GtkLabel     *error_label;
  AdwEntryRow  *name_row;
  AdwEntryRow  *job_row;
  AdwEntryRow  *email_row;
  AdwComboRow  *unit_row;
  AdwEntryRow  *started_row;
  AdwEntryRow  *left_row;
  AdwEntryRow  *hours_row;
  GtkFrame     *note_frame;
  GtkTextView  *note_view;
};

G_DEFINE_FINAL_TYPE (KlStaffDialog, kl_staff_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define N_FIELDS 8

static void
get_fields (KlStaffDialog *self,
            KlFormField   *fields)
{
  KlFormField all[N_FIELDS] = {
    { "name", GTK_WIDGET (self->name_row) },
    { "job_title", GTK_WIDGET (self->job_row) },
    { "email", GTK_WIDGET (self->email_row) },
    { "unit", GTK_WIDGET (self->unit_row) },
    { "started_on", GTK_WIDGET (self->started_row) },
    { "left_on", GTK_WIDGET (self->left_row) },
    { "weekly_hours", GTK_WIDGET (self->hours_row) },
    { "note", GTK_WIDGET (self->note_frame) },
  };

  memcpy (fields, all, sizeof all);
}

static gboolean
read_date (KlStaffDialog  *self,
           AdwEntryRow    *row,
           const char     *field,
           char          **out,
           GError        **error)
{
  g_autofree char *iso = kl_parse_user_date (gtk_editable_get_text (GTK_EDITABLE (row)));

  if (iso == NULL)
    {
      g_autoptr(GError) invalid = g_error_new (KL_STORE_ERROR, KL_STORE_ERROR_INVALID,
                                               _("Write dates as day-month-year, for example 31-12-2026"));
      g_propagate_error (error, g_steal_pointer (&invalid));
      return FALSE;
    }
  *out = *iso ? g_steal_pointer (&iso) : NULL;
  return TRUE;
}

/**
 * kl_staff_dialog_save:
 *
 * Saves what the form says; on a mistake, shows it and returns %FALSE.
 * What the Save button does.
 */
gboolean
kl_staff_dialog_save (KlStaffDialog *self)
{
  KlFormField fields[N_FIELDS];
  g_autoptr(GError) error = NULL;
  g_autofree char *started = NULL;
  g_autofree char *left = NULL;
  g_autofree char *note = kl_text_view_get_text (self->note_view);
  const char *hours_text = gtk_editable_get_text (GTK_EDITABLE (self->hours_row));
  guint unit = adw_combo_row_get_selected (self->unit_row);
  double hours = -1;

  get_fields (self, fields);

  kl_staff_set_name (self->staff, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  kl_staff_set_job_title (self->staff, gtk_editable_get_text (GTK_EDITABLE (self->job_row)));
  kl_staff_set_email (self->staff, gtk_editable_get_text (GTK_EDITABLE (self->email_row)));
  kl_staff_set_unit_id (self->staff, unit < self->unit_ids->len ? g_array_index (self->unit_ids, gint64, unit) : 0);
  kl_staff_set_note (self->staff, note);

  if (!read_date (self, self->started_row, "started_on", &started, &error))
    {
      kl_form_show_error (self->error_label, fields, N_FIELDS, error);
      gtk_widget_add_css_class (GTK_WIDGET (self->started_row), "error");
      return FALSE;
    }
  if (!read_date (self, self->left_row, "left_on", &left, &error))
    {
      kl_form_show_error (self->error_label, fields, N_FIELDS, error);
      gtk_widget_add_css_class (GTK_WIDGET (self->left_row), "error");
      return FALSE;
    }
  if (*hours_text != '\0' && !kl_parse_user_number (hours_text, &hours))
    {
      error = g_error_new (KL_STORE_ERROR, KL_STORE_ERROR_INVALID,
                           _("Write the weekly hours as a number, for example 37 or 32,5"));
      kl_form_show_error (self->error_label, fields, N_FIELDS, error);
      gtk_widget_add_css_class (GTK_WIDGET (self->hours_row), "error");
      return FALSE;
    }
  kl_staff_set_started_on (self->staff, started);
  kl_staff_set_left_on (self->staff, left);
  kl_staff_set_weekly_hours (self->staff, hours);

  if (kl_staff_get_unit_id (self->staff) == 0 && self->unit_ids->len == 0)
    {
      error = g_error_new (KL_STORE_ERROR, KL_STORE_ERROR_INVALID,
                           _("There are no units yet. Add your services and teams under Preferences → Units first."));
      kl_form_show_error (self->error_label, fields, N_FIELDS, error);
      return FALSE;
    }

  if (!kl_store_save_staff (self->store, self->staff, &error))
    {
      kl_form_show_error (self->error_label, fields, N_FIELDS, error);
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, kl_record_get_id (KL_RECORD (self->staff)));
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  kl_staff_dialog_save (KL_STAFF_DIALOG (widget));
}

static void
on_entry_activated (KlStaffDialog *self)
{
  kl_staff_dialog_save (self);
}

static void
load_units (KlStaffDialog *self)
{
  g_autoptr(GPtrArray) units = kl_store_list_units (self->store, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      KlUnit *unit = g_ptr_array_index (units, i);
      gint64 id = kl_record_get_id (KL_RECORD (unit));

      gtk_string_list_append (names, kl_unit_get_name (unit));
      g_array_append_val (self->unit_ids, id);
    }
  adw_combo_row_set_model (self->unit_row, G_LIST_MODEL (names));
}

void
kl_staff_dialog_set_unit (KlStaffDialog *self,
                          gint64         unit_id)
{
  g_return_if_fail (KL_IS_STAFF_DIALOG (self));

  for (guint i = 0; i < self->unit_ids->len; i++)
    if (g_array_index (self->unit_ids, gint64, i) == unit_id)
      adw_combo_row_set_selected (self->unit_row, i);
}

static void
kl_staff_dialog_dispose (GObject *object)
{
  KlStaffDialog *self = (KlStaffDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KL_TYPE_STAFF_DIALOG);
  g_clear_object (&self->staff);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kl_staff_dialog_parent_class)->dispose (object);
}

static void
kl_staff_dialog_finalize (GObject *object)
{
  KlStaffDialog *self = (KlStaffDialog *)object;

  g_clear_pointer (&self->unit_ids, g_array_unref);

  G_OBJECT_CLASS (kl_staff_dialog_parent_class)->finalize (object);
}

static void
kl_staff_dialog_class_init (KlStaffDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kl_staff_dialog_dispose;
  object_class->finalize = kl_staff_dialog_finalize;

  /**
   * KlStaffDialog::saved:
   * @staff_id: the saved staff member
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/staff/kl-staff-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KlStaffDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, KlStaffDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, KlStaffDialog, job_row);
  gtk_widget_class_bind_template_child (widget_class, KlStaffDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, KlStaffDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, KlStaffDialog, started_row);
  gtk_widget_class_bind_template_child (widget_class, KlStaffDialog, left_row);
  gtk_widget_class_bind_template_child (widget_class, KlStaffDialog, hours_row);
  gtk_widget_class_bind_template_child (widget_class, KlStaffDialog, note_frame);
  gtk_widget_class_bind_template_child (widget_class, KlStaffDialog, note_view);

  gtk_widget_class_install_action (widget_class, "staff-dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "staff-dialog.save", NULL);
}

static void
kl_staff_dialog_init (KlStaffDialog *self)
{
  self->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->name_row, "entry-activated", G_CALLBACK (on_entry_activated), self);
  g_signal_connect_swapped (self->job_row, "entry-activated", G_CALLBACK (on_entry_activated), self);
  g_signal_connect_swapped (self->email_row, "entry-activated", G_CALLBACK (on_entry_activated), self);
}

/**
 * kl_staff_dialog_new:
 * @parent: the window it belongs to
 * @store: the database
 * @staff: (nullable): the person to edit, or %NULL to add one
 *
 * Returns: (transfer none): the dialog
 */
KlStaffDialog *
kl_staff_dialog_new (GtkWindow *parent,
                     KlStore   *store,
                     KlStaff   *staff)
{
  KlStaffDialog *self;
  g_autofree char *started = NULL;
  g_autofree char *left = NULL;

  g_return_val_if_fail (KL_IS_STORE (store), NULL);

  self = g_object_new (KL_TYPE_STAFF_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->staff = kl_staff_new ();
  load_units (self);

  gtk_window_set_title (GTK_WINDOW (self), staff ? _("Edit Staff Member") : _("Add Staff Member"));
  if (staff == NULL)
    return self;

  /* Edit a copy: the person in the list changes only once saved. */
  kl_record_set_id (KL_RECORD (self->staff), kl_record_get_id (KL_RECORD (staff)));
  kl_record_set_uuid (KL_RECORD (self->staff), kl_record_get_uuid (KL_RECORD (staff)));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), kl_staff_get_name (staff));
  gtk_editable_set_text (GTK_EDITABLE (self->job_row), kl_staff_get_job_title (staff) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), kl_staff_get_email (staff) ?: "");
  kl_staff_dialog_set_unit (self, kl_staff_get_unit_id (staff));
  started = kl_form_date_for_entry (kl_staff_get_started_on (staff));
  left = kl_form_date_for_entry (kl_staff_get_left_on (staff));
  gtk_editable_set_text (GTK_EDITABLE (self->started_row), started);
  gtk_editable_set_text (GTK_EDITABLE (self->left_row), left);
  if (kl_staff_get_weekly_hours (staff) >= 0)
    {
      g_autofree char *hours = kl_format_number (kl_staff_get_weekly_hours (staff), 2);
      gtk_editable_set_text (GTK_EDITABLE (self->hours_row), hours);
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), kl_staff_get_note (staff) ?: "", -1);

  return self;
}
