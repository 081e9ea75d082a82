/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "kl-course-dialog.h"
#include "kl-form.h"

/* Adds or edits a course. Dates can be typed (dd-mm-åååå or ISO) or
 * picked from a calendar; money in Danish number format. */
struct _KlCourseDialog
{
  AdwWindow            parent_instance;

  KlStore             *store;
  KlCourse            *course;
  GPtrArray           *theme_checks;   /* GtkCheckButton, with "uuid" data */

  GtkLabel            *error_label;
  AdwEntryRow         *title_row;
  AdwEntryRow         *provider_row;
  AdwEntryRow         *starts_row;
  AdwEntryRow         *ends_row;
  GtkPopover          *starts_popover;
  GtkPopover          *ends_popover;
  GtkCalendar         *starts_calendar;
  GtkCalendar         *ends_calendar;
  AdwEntryRow         *hours_row;
  AdwEntryRow         *cost_row;
  AdwEntryRow         *capacity_row;
  AdwEntryRow         *location_row;
  AdwEntryRow         *url_row;
  AdwPreferencesGroup *theme_group;
  GtkFrame            *description_frame;
  GtkTextView         *description_view;
};

G_DEFINE_FINAL_TYPE (KlCourseDialog, kl_course_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
pick_date (AdwEntryRow *row,
           GtkCalendar *calendar,
           GtkPopover  *popover)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%d-%m-%Y");

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_popover_popdown (popover);
}

static void
on_starts_picked (KlCourseDialog *self)
{
  pick_date (self->starts_row, self->starts_calendar, self->starts_popover);
  if (*gtk_editable_get_text (GTK_EDITABLE (self->ends_row)) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->ends_row), gtk_editable_get_text (GTK_EDITABLE (self->starts_row)));
}

static void
on_ends_picked (KlCourseDialog *self)
{
  pick_date (self->ends_row, self->ends_calendar, self->ends_popover);
}

static gboolean
fail (KlCourseDialog *self,
      GtkWidget      *widget,
      const char     *message)
{
  g_autoptr(GError) error = g_error_new_literal (KL_STORE_ERROR, KL_STORE_ERROR_INVALID, message);
  KlFormField fields[] = { { NULL, widget } };

  kl_form_show_error (self->error_label, fields, 0, error);
  gtk_widget_add_css_class (widget, "error");
  gtk_widget_grab_focus (widget);
  return FALSE;
}

gboolean
kl_course_dialog_save (KlCourseDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) themes = g_ptr_array_new ();
  g_autofree char *starts = kl_parse_user_date (gtk_editable_get_text (GTK_EDITABLE (self->starts_row)));
  g_autofree char *ends = kl_parse_user_date (gtk_editable_get_text (GTK_EDITABLE (self->ends_row)));
  g_autofree char *description = kl_text_view_get_text (self->description_view);
  const char *hours_text = gtk_editable_get_text (GTK_EDITABLE (self->hours_row));
  const char *cost_text = gtk_editable_get_text (GTK_EDITABLE (self->cost_row));
  const char *capacity_text = gtk_editable_get_text (GTK_EDITABLE (self->capacity_row));
  double hours = 0, cost = 0, capacity = -1;
  KlFormField fields[] = {
    { "title", GTK_WIDGET (self->title_row) },
    { "provider", GTK_WIDGET (self->provider_row) },
    { "starts_on", GTK_WIDGET (self->starts_row) },
    { "ends_on", GTK_WIDGET (self->ends_row) },
    { "hours", GTK_WIDGET (self->hours_row) },
    { "cost_dkk", GTK_WIDGET (self->cost_row) },
    { "capacity", GTK_WIDGET (self->capacity_row) },
    { "location", GTK_WIDGET (self->location_row) },
    { "url", GTK_WIDGET (self->url_row) },
    { "themes", GTK_WIDGET (self->theme_group) },
    { "description", GTK_WIDGET (self->description_frame) },
  };

  kl_form_clear_error (self->error_label, fields, G_N_ELEMENTS (fields));

  if (starts == NULL || *starts == '\0')
    return fail (self, GTK_WIDGET (self->starts_row), _("Write the start date as day-month-year, for example 04-05-2026"));
  if (ends == NULL || *ends == '\0')
    return fail (self, GTK_WIDGET (self->ends_row), _("Write the end date as day-month-year, for example 05-05-2026"));
  if (*hours_text != '\0' && !kl_parse_user_number (hours_text, &hours))
    return fail (self, GTK_WIDGET (self->hours_row), _("Write the hours as a number, for example 14 or 7,5"));
  if (*cost_text != '\0' && !kl_parse_user_number (cost_text, &cost))
    return fail (self, GTK_WIDGET (self->cost_row), _("Write the cost in kroner, for example 4.500 or 4500,00"));
  if (*capacity_text != '\0' && (!kl_parse_user_number (capacity_text, &capacity) || capacity != (int)capacity))
    return fail (self, GTK_WIDGET (self->capacity_row), _("Write the number of seats as a whole number, or leave it empty for no limit"));

  for (guint i = 0; i < self->theme_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->theme_checks, i);
      if (gtk_check_button_get_active (check))
        g_ptr_array_add (themes, g_object_get_data (G_OBJECT (check), "uuid"));
    }
  if (themes->len == 0)
    return fail (self, GTK_WIDGET (self->theme_group), _("Choose at least one theme the course builds"));
  g_ptr_array_add (themes, NULL);

  kl_course_set_title (self->course, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  kl_course_set_provider (self->course, gtk_editable_get_text (GTK_EDITABLE (self->provider_row)));
  kl_course_set_starts_on (self->course, starts);
  kl_course_set_ends_on (self->course, ends);
  kl_course_set_hours (self->course, hours);
  kl_course_set_cost_dkk (self->course, cost);
  kl_course_set_capacity (self->course, (int)capacity);
  kl_course_set_location (self->course, gtk_editable_get_text (GTK_EDITABLE (self->location_row)));
  kl_course_set_url (self->course, gtk_editable_get_text (GTK_EDITABLE (self->url_row)));
  kl_course_set_description (self->course, description);
  kl_course_set_theme_ids (self->course, (const char * const *)themes->pdata);

  if (!kl_store_save_course (self->store, self->course, &error))
    {
      kl_form_show_error (self->error_label, fields, G_N_ELEMENTS (fields), error);
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, kl_record_get_id (KL_RECORD (self->course)));
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  kl_course_dialog_save (KL_COURSE_DIALOG (widget));
}

void
kl_course_dialog_set_theme (KlCourseDialog *self,
                            const char     *theme_uuid,
                            gboolean        chosen)
{
  g_return_if_fail (KL_IS_COURSE_DIALOG (self));

  for (guint i = 0; i < self->theme_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->theme_checks, i);
      if (g_strcmp0 (g_object_get_data (G_OBJECT (check), "uuid"), theme_uuid) == 0)
        gtk_check_button_set_active (check, chosen);
    }
}

static void
kl_course_dialog_dispose (GObject *object)
{
  KlCourseDialog *self = (KlCourseDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KL_TYPE_COURSE_DIALOG);
  g_clear_pointer (&self->theme_checks, g_ptr_array_unref);
  g_clear_object (&self->course);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kl_course_dialog_parent_class)->dispose (object);
}

static void
kl_course_dialog_class_init (KlCourseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kl_course_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/courses/kl-course-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KlCourseDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, KlCourseDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, KlCourseDialog, provider_row);
  gtk_widget_class_bind_template_child (widget_class, KlCourseDialog, starts_row);
  gtk_widget_class_bind_template_child (widget_class, KlCourseDialog, ends_row);
  gtk_widget_class_bind_template_child (widget_class, KlCourseDialog, starts_popover);
  gtk_widget_class_bind_template_child (widget_class, KlCourseDialog, ends_popover);
  gtk_widget_class_bind_template_child (widget_class, KlCourseDialog, starts_calendar);
  gtk_widget_class_bind_template_child (widget_class, KlCourseDialog, ends_calendar);
  gtk_widget_class_bind_template_child (widget_class, KlCourseDialog, hours_row);
  gtk_widget_class_bind_template_child (widget_class, KlCourseDialog, cost_row);
  gtk_widget_class_bind_template_child (widget_class, KlCourseDialog, capacity_row);
  gtk_widget_class_bind_template_child (widget_class, KlCourseDialog, location_row);
  gtk_widget_class_bind_template_child (widget_class, KlCourseDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, KlCourseDialog, theme_group);
  gtk_widget_class_bind_template_child (widget_class, KlCourseDialog, description_frame);
  gtk_widget_class_bind_template_child (widget_class, KlCourseDialog, description_view);
  gtk_widget_class_bind_template_callback (widget_class, on_starts_picked);
  gtk_widget_class_bind_template_callback (widget_class, on_ends_picked);

  gtk_widget_class_install_action (widget_class, "course-dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "course-dialog.save", NULL);
}

static void
kl_course_dialog_init (KlCourseDialog *self)
{
  self->theme_checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

/**
 * kl_course_dialog_new:
 * @course: (nullable): the course to edit, or %NULL to add one
 *
 * Returns: (transfer none): the dialog
 */
KlCourseDialog *
kl_course_dialog_new (GtkWindow *parent,
                      KlStore   *store,
                      KlCourse  *course)
{
  KlCourseDialog *self;
  g_autoptr(GPtrArray) themes = NULL;

  g_return_val_if_fail (KL_IS_STORE (store), NULL);

  self = g_object_new (KL_TYPE_COURSE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->course = kl_course_new ();
  gtk_window_set_title (GTK_WINDOW (self), course ? _("Edit Course") : _("Add Course"));

  themes = kl_store_list_themes (store, FALSE, NULL);
  for (guint i = 0; themes != NULL && i < themes->len; i++)
    {
      KlTheme *theme = g_ptr_array_index (themes, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kl_theme_get_builtin (theme)
                                     ? _(kl_theme_get_name (theme)) : kl_theme_get_name (theme));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data_full (G_OBJECT (check), "uuid", g_strdup (kl_record_get_uuid (KL_RECORD (theme))), g_free);
      adw_preferences_group_add (self->theme_group, row);
      g_ptr_array_add (self->theme_checks, check);
    }

  if (course == NULL)
    return self;

  kl_record_set_id (KL_RECORD (self->course), kl_record_get_id (KL_RECORD (course)));
  kl_record_set_uuid (KL_RECORD (self->course), kl_record_get_uuid (KL_RECORD (course)));
  kl_course_set_status (self->course, kl_course_get_status (course));
  set_text (self->title_row, kl_course_get_title (course));
  set_text (self->provider_row, kl_course_get_provider (course));
  {
    g_autofree char *starts = kl_form_date_for_entry (kl_course_get_starts_on (course));
    g_autofree char *ends = kl_form_date_for_entry (kl_course_get_ends_on (course));
    g_autofree char *hours = kl_format_number (kl_course_get_hours (course), 2);
    g_autofree char *cost = kl_format_number (kl_course_get_cost_dkk (course), 2);
    g_autofree char *capacity = kl_course_get_capacity (course) >= 0
                                ? g_strdup_printf ("%d", kl_course_get_capacity (course)) : g_strdup ("");

    set_text (self->starts_row, starts);
    set_text (self->ends_row, ends);
    set_text (self->hours_row, hours);
    set_text (self->cost_row, cost);
    set_text (self->capacity_row, capacity);
  }
  set_text (self->location_row, kl_course_get_location (course));
  set_text (self->url_row, kl_course_get_url (course));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            kl_course_get_description (course) ?: "", -1);
  for (const char * const *ids = kl_course_get_theme_ids (course); ids && *ids; ids++)
    kl_course_dialog_set_theme (self, *ids, TRUE);

  return self;
}
