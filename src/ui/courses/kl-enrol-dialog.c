/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kl-enrol-dialog.h"
#include "kl-form.h"

/* Picks a course for one staff member: the courses that have not ended,
 * each with its free seats; enrolling in a full one waitlists. */
struct _KlEnrolDialog
{
  AdwWindow            parent_instance;

  KlStore             *store;
  gint64               staff_id;
  GPtrArray           *rows;

  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  AdwPreferencesGroup *course_group;
};

G_DEFINE_FINAL_TYPE (KlEnrolDialog, kl_enrol_dialog, ADW_TYPE_WINDOW)

static void load (KlEnrolDialog *self);

/**
 * kl_enrol_dialog_enrol:
 *
 * Enrols the person in @course_id and says where they ended up.
 */
gboolean
kl_enrol_dialog_enrol (KlEnrolDialog *self,
                       gint64         course_id)
{
  g_autoptr(KlEnrolment) enrolment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (KL_IS_ENROL_DIALOG (self), FALSE);

  enrolment = kl_store_enrol (self->store, self->staff_id, course_id, KL_ENROLMENT_STATUS_ENROLLED, &error);
  if (enrolment == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return FALSE;
    }

  if (kl_enrolment_get_status (enrolment) == KL_ENROLMENT_STATUS_WAITLISTED)
    title = g_strdup_printf (_("The course is full: on the waiting list for %s"),
                             kl_enrolment_get_course_title (enrolment));
  else
    title = g_strdup_printf (_("Enrolled in %s"), kl_enrolment_get_course_title (enrolment));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
  load (self);
  return TRUE;
}

static void
enrol_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  kl_enrol_dialog_enrol (KL_ENROL_DIALOG (widget), g_variant_get_int64 (parameter));
}

static void
load (KlEnrolDialog *self)
{
  g_autoptr(GPtrArray) courses = kl_store_list_courses (self->store, NULL);
  g_autoptr(GPtrArray) mine = kl_store_list_enrolments_for_staff (self->store, self->staff_id, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->course_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  /* Soonest first. */
  for (guint i = courses ? courses->len : 0; i > 0; i--)
    {
      KlCourse *course = g_ptr_array_index (courses, i - 1);
      gint64 id = kl_record_get_id (KL_RECORD (course));
      int capacity = kl_course_get_capacity (course);
      g_autofree char *date = kl_format_date (kl_course_get_starts_on (course));
      g_autofree char *subtitle = NULL;
      gboolean already = FALSE;
      GtkWidget *row, *button;

      if (kl_course_get_status (course) == KL_COURSE_STATUS_CANCELLED ||
          strcmp (kl_course_get_ends_on (course), today) < 0)
        continue;
      for (guint j = 0; mine != NULL && j < mine->len; j++)
        already |= kl_enrolment_get_course_id (g_ptr_array_index (mine, j)) == id;

      if (capacity < 0)
        subtitle = g_strdup_printf (_("%s · no seat limit"), date);
      else if (kl_course_get_seats_taken (course) >= capacity)
        subtitle = g_strdup_printf (_("%s · full, %d on the waiting list"), date, kl_course_get_waitlisted (course));
      else
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %d free seat", "%s · %d free seats",
                                                 capacity - kl_course_get_seats_taken (course)),
                                    date, capacity - kl_course_get_seats_taken (course));

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kl_course_get_title (course));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      button = gtk_button_new_with_mnemonic (already ? _("Enrolled") : _("_Enrol"));
      gtk_widget_set_sensitive (button, !already);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "enrol.course");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->course_group, row);
      g_ptr_array_add (self->rows, row);
    }

  gtk_stack_set_visible_child_name (self->stack, self->rows->len ? "courses" : "empty");
}

static void
kl_enrol_dialog_dispose (GObject *object)
{
  KlEnrolDialog *self = (KlEnrolDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KL_TYPE_ENROL_DIALOG);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kl_enrol_dialog_parent_class)->dispose (object);
}

static void
kl_enrol_dialog_class_init (KlEnrolDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kl_enrol_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/courses/kl-enrol-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KlEnrolDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KlEnrolDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, KlEnrolDialog, course_group);

  gtk_widget_class_install_action (widget_class, "enrol.course", "x", enrol_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kl_enrol_dialog_init (KlEnrolDialog *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

KlEnrolDialog *
kl_enrol_dialog_new (GtkWindow *parent,
                     KlStore   *store,
                     gint64     staff_id)
{
  KlEnrolDialog *self;

  g_return_val_if_fail (KL_IS_STORE (store), NULL);

  self = g_object_new (KL_TYPE_ENROL_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->staff_id = staff_id;
  load (self);
  return self;
}
