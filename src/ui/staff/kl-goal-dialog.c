/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kl-form.h"
#include "kl-goal-dialog.h"

/* Adds or edits a development goal agreed at the development
 * conversation (MUS), optionally tied to a competence theme. */
struct _KlGoalDialog
{
  AdwWindow    parent_instance;

  KlStore     *store;
  KlGoal      *goal;
  GArray      *theme_ids;   /* position in theme_row → theme id; 0 = none */

  GtkLabel    *error_label;
  AdwEntryRow *text_row;
  AdwComboRow *theme_row;
  AdwEntryRow *agreed_row;
  AdwEntryRow *due_row;
  AdwComboRow *status_row;
};

G_DEFINE_FINAL_TYPE (KlGoalDialog, kl_goal_dialog, ADW_TYPE_WINDOW)

gboolean
kl_goal_dialog_save (KlGoalDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *agreed = kl_parse_user_date (gtk_editable_get_text (GTK_EDITABLE (self->agreed_row)));
  g_autofree char *due = kl_parse_user_date (gtk_editable_get_text (GTK_EDITABLE (self->due_row)));
  guint theme = adw_combo_row_get_selected (self->theme_row);
  KlFormField fields[] = {
    { "text", GTK_WIDGET (self->text_row) },
    { "theme", GTK_WIDGET (self->theme_row) },
    { "agreed_on", GTK_WIDGET (self->agreed_row) },
    { "due_on", GTK_WIDGET (self->due_row) },
  };

  if (agreed == NULL || due == NULL)
    {
      error = g_error_new (KL_STORE_ERROR, KL_STORE_ERROR_INVALID,
                           _("Write dates as day-month-year, for example 31-12-2026"));
      kl_form_show_error (self->error_label, fields, G_N_ELEMENTS (fields), error);
      gtk_widget_add_css_class (GTK_WIDGET (agreed == NULL ? self->agreed_row : self->due_row), "error");
      return FALSE;
    }

  kl_goal_set_text (self->goal, gtk_editable_get_text (GTK_EDITABLE (self->text_row)));
  kl_goal_set_theme_id (self->goal, theme < self->theme_ids->len ? g_array_index (self->theme_ids, gint64, theme) : 0);
  kl_goal_set_agreed_on (self->goal, *agreed ? agreed : NULL);
  kl_goal_set_due_on (self->goal, *due ? due : NULL);
  kl_goal_set_status (self->goal, adw_combo_row_get_selected (self->status_row));

  if (!kl_store_save_goal (self->store, self->goal, &error))
    {
      kl_form_show_error (self->error_label, fields, G_N_ELEMENTS (fields), error);
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
  kl_goal_dialog_save (KL_GOAL_DIALOG (widget));
}

static void
kl_goal_dialog_dispose (GObject *object)
{
  KlGoalDialog *self = (KlGoalDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KL_TYPE_GOAL_DIALOG);
  g_clear_object (&self->goal);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kl_goal_dialog_parent_class)->dispose (object);
}

static void
kl_goal_dialog_finalize (GObject *object)
{
  KlGoalDialog *self = (KlGoalDialog *)object;

  g_clear_pointer (&self->theme_ids, g_array_unref);

  G_OBJECT_CLASS (kl_goal_dialog_parent_class)->finalize (object);
}

static void
kl_goal_dialog_class_init (KlGoalDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kl_goal_dialog_dispose;
  object_class->finalize = kl_goal_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/staff/kl-goal-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KlGoalDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, KlGoalDialog, text_row);
  gtk_widget_class_bind_template_child (widget_class, KlGoalDialog, theme_row);
  gtk_widget_class_bind_template_child (widget_class, KlGoalDialog, agreed_row);
  gtk_widget_class_bind_template_child (widget_class, KlGoalDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, KlGoalDialog, status_row);

  gtk_widget_class_install_action (widget_class, "goal.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kl_goal_dialog_init (KlGoalDialog *self)
{
  self->theme_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->text_row, "entry-activated", G_CALLBACK (kl_goal_dialog_save), self);
}

/**
 * kl_goal_dialog_new:
 * @staff_id: whose goal it is
 * @goal: (nullable): the goal to edit, or %NULL for a new one agreed today
 *
 * Returns: (transfer none): the dialog
 */
KlGoalDialog *
kl_goal_dialog_new (GtkWindow *parent,
                    KlStore   *store,
                    gint64     staff_id,
                    KlGoal    *goal)
{
  KlGoalDialog *self;
  g_autoptr(GPtrArray) themes = NULL;
  g_autoptr(GtkStringList) theme_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *agreed = NULL;
  g_autofree char *due = NULL;
  gint64 none = 0;

  g_return_val_if_fail (KL_IS_STORE (store), NULL);

  self = g_object_new (KL_TYPE_GOAL_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->goal = kl_goal_new ();
  kl_goal_set_staff_id (self->goal, staff_id);
  gtk_window_set_title (GTK_WINDOW (self), goal ? _("Edit Goal") : _("Add Goal"));

  gtk_string_list_append (theme_names, _("No particular theme"));
  g_array_append_val (self->theme_ids, none);
  themes = kl_store_list_themes (store, FALSE, NULL);
  for (guint i = 0; themes != NULL && i < themes->len; i++)
    {
      KlTheme *theme = g_ptr_array_index (themes, i);
      gint64 id = kl_record_get_id (KL_RECORD (theme));

      gtk_string_list_append (theme_names, kl_theme_get_builtin (theme) ? _(kl_theme_get_name (theme))
                                                                        : kl_theme_get_name (theme));
      g_array_append_val (self->theme_ids, id);
    }
  adw_combo_row_set_model (self->theme_row, G_LIST_MODEL (theme_names));

  for (int status = KL_GOAL_STATUS_OPEN; status <= KL_GOAL_STATUS_DROPPED; status++)
    gtk_string_list_append (statuses, kl_goal_status_name (status));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));

  if (goal != NULL)
    {
      kl_record_set_id (KL_RECORD (self->goal), kl_record_get_id (KL_RECORD (goal)));
      kl_record_set_uuid (KL_RECORD (self->goal), kl_record_get_uuid (KL_RECORD (goal)));
      gtk_editable_set_text (GTK_EDITABLE (self->text_row), kl_goal_get_text (goal));
      for (guint i = 0; i < self->theme_ids->len; i++)
        if (g_array_index (self->theme_ids, gint64, i) == kl_goal_get_theme_id (goal))
          adw_combo_row_set_selected (self->theme_row, i);
      adw_combo_row_set_selected (self->status_row, kl_goal_get_status (goal));
    }

  agreed = kl_form_date_for_entry (goal ? kl_goal_get_agreed_on (goal) : today);
  due = kl_form_date_for_entry (goal ? kl_goal_get_due_on (goal) : NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->agreed_row), agreed);
  gtk_editable_set_text (GTK_EDITABLE (self->due_row), due);

  return self;
}
