/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kl-course-detail.h"
#include "kl-live.h"
#include "kl-course-dialog.h"
#include "kl-follow-up-dialog.h"
#include "kl-form.h"
#include "kl-participants-dialog.h"
#include "kl-toast.h"

/* A course's page: what, when and for which themes; time and money; the
 * participants by status with the waiting list in order. People can be
 * moved between statuses one by one or several at once. */
struct _KlCourseDetail
{
  AdwBin               parent_instance;

  KlStore             *store;
  gint64               course_id;
  KlStoreWatch        *watch;          /* reloads when shown; see kl-live.h */
  GPtrArray           *rows;
  GHashTable          *checks;          /* enrolment id → GtkCheckButton */
  gboolean             updating;

  GtkLabel            *title_label;
  GtkLabel            *when_label;
  GtkLabel            *themes_label;
  GtkLabel            *description_label;
  AdwPreferencesGroup *facts_group;
  AdwPreferencesGroup *participant_group;
  GtkButton           *complete_button;
};

G_DEFINE_FINAL_TYPE (KlCourseDetail, kl_course_detail, ADW_TYPE_BIN)

static const KlEnrolmentStatus status_order[] = {
  KL_ENROLMENT_STATUS_PLANNED, KL_ENROLMENT_STATUS_ENROLLED, KL_ENROLMENT_STATUS_WAITLISTED,
  KL_ENROLMENT_STATUS_COMPLETED, KL_ENROLMENT_STATUS_CANCELLED, KL_ENROLMENT_STATUS_NO_SHOW,
};

static void
clear_rows (KlCourseDetail *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
  g_hash_table_remove_all (self->checks);
}

static void
add_row (KlCourseDetail      *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle,
         GtkWidget          **out_row)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, g_object_ref (row));
  if (out_row != NULL)
    *out_row = row;
}

/* Says who was moved up from the waiting list, by name. */
static void
announce_promoted (KlCourseDetail *self,
                   GArray         *promoted)
{
  for (guint i = 0; i < promoted->len; i++)
    {
      g_autoptr(KlEnrolment) e = kl_store_get_enrolment (self->store, g_array_index (promoted, gint64, i), NULL);
      g_autofree char *title = NULL;

      if (e == NULL)
        continue;
      title = g_strdup_printf (_("A seat was freed: %s moved up from the waiting list"), kl_enrolment_get_staff_name (e));
      kl_toast_add_title (GTK_WIDGET (self), title);
    }
}

/**
 * kl_course_detail_set_status:
 *
 * Changes one participant's status, as its drop-down does. Completing
 * offers to record the competence the course built.
 */
gboolean
kl_course_detail_set_status (KlCourseDetail    *self,
                             gint64             enrolment_id,
                             KlEnrolmentStatus  status)
{
  g_autoptr(GArray) promoted = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (KL_IS_COURSE_DETAIL (self), FALSE);

  if (!kl_store_set_enrolment_status (self->store, enrolment_id, status, NULL, promoted, &error))
    {
      kl_toast_add_title (GTK_WIDGET (self), error->message);
      kl_course_detail_reload (self);
      return FALSE;
    }
  announce_promoted (self, promoted);

  if (status == KL_ENROLMENT_STATUS_COMPLETED)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      g_array_append_val (ids, enrolment_id);
      gtk_window_present (GTK_WINDOW (kl_follow_up_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                               self->store, self->course_id, ids)));
    }
  return TRUE;
}

static void
on_status_selected (GtkDropDown    *drop,
                    GParamSpec     *pspec,
                    KlCourseDetail *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (drop), "enrolment"));
  guint selected = gtk_drop_down_get_selected (drop);

  if (self->updating || selected >= G_N_ELEMENTS (status_order))
    return;
  kl_course_detail_set_status (self, id, status_order[selected]);
}

void
kl_course_detail_select (KlCourseDetail *self,
                         gint64          enrolment_id,
                         gboolean        selected)
{
  GtkCheckButton *check;

  g_return_if_fail (KL_IS_COURSE_DETAIL (self));

  check = g_hash_table_lookup (self->checks, GSIZE_TO_POINTER (enrolment_id));
  if (check != NULL)
    gtk_check_button_set_active (check, selected);
}

/**
 * kl_course_detail_complete_selected:
 *
 * Marks every ticked participant as having completed the course (on its
 * end date) and offers the follow-up assessment for them together.
 *
 * Returns: how many were marked
 */
guint
kl_course_detail_complete_selected (KlCourseDetail *self)
{
  g_autoptr(GArray) done = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key, value;
  GtkRoot *root;

  g_return_val_if_fail (KL_IS_COURSE_DETAIL (self), 0);

  g_hash_table_iter_init (&iter, self->checks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 id = GPOINTER_TO_SIZE (key);

      if (!gtk_check_button_get_active (GTK_CHECK_BUTTON (value)))
        continue;
      if (!kl_store_set_enrolment_status (self->store, id, KL_ENROLMENT_STATUS_COMPLETED, NULL, NULL, &error))
        {
          kl_toast_add_title (GTK_WIDGET (self), error->message);
          g_clear_error (&error);
          continue;
        }
      g_array_append_val (done, id);
    }

  if (done->len > 0)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u participant marked as completed",
                                                             "%u participants marked as completed", done->len),
                                                done->len);
      kl_toast_add_title (GTK_WIDGET (self), title);
      root = gtk_widget_get_root (GTK_WIDGET (self));
      gtk_window_present (GTK_WINDOW (kl_follow_up_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                               self->store, self->course_id, done)));
    }
  return done->len;
}

static void
on_check_toggled (KlCourseDetail *self)
{
  GHashTableIter iter;
  gpointer value;
  gboolean any = FALSE;

  g_hash_table_iter_init (&iter, self->checks);
  while (!any && g_hash_table_iter_next (&iter, NULL, &value))
    any = gtk_check_button_get_active (GTK_CHECK_BUTTON (value));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "course.complete-selected", any);
}

static GtkWidget *
status_dropdown (KlCourseDetail    *self,
                 gint64             enrolment_id,
                 KlEnrolmentStatus  status,
                 const char        *name)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *label = g_strdup_printf (_("Status of %s"), name);
  GtkWidget *drop;

  for (guint i = 0; i < G_N_ELEMENTS (status_order); i++)
    gtk_string_list_append (names, kl_enrolment_status_name (status_order[i]));
  drop = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (status_order); i++)
    if (status_order[i] == status)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (drop), i);
  gtk_widget_set_valign (drop, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (drop), "enrolment", GSIZE_TO_POINTER (enrolment_id));
  g_signal_connect (drop, "notify::selected", G_CALLBACK (on_status_selected), self);
  return drop;
}

void
kl_course_detail_reload (KlCourseDetail *self)
{
  g_autoptr(KlCourse) course = NULL;
  g_autoptr(GPtrArray) enrolments = NULL;
  g_autoptr(GPtrArray) themes = NULL;
  g_autoptr(GString) theme_text = g_string_new (NULL);
  g_autofree char *starts = NULL;
  g_autofree char *ends = NULL;
  g_autofree char *when = NULL;
  int capacity, completed = 0, booked = 0, waiting = 0;
  guint position = 0;

  g_return_if_fail (KL_IS_COURSE_DETAIL (self));

  if (self->watch != NULL)
    kl_store_watch_cancel (self->watch);
  self->updating = TRUE;
  clear_rows (self);
  self->updating = FALSE;
  if (self->store == NULL || self->course_id == 0)
    return;

  course = kl_store_get_course (self->store, self->course_id, NULL);
  enrolments = kl_store_list_enrolments_for_course (self->store, self->course_id, NULL);
  themes = kl_store_list_themes (self->store, TRUE, NULL);
  if (course == NULL || enrolments == NULL || themes == NULL)
    return;

  gtk_label_set_label (self->title_label, kl_course_get_title (course));
  starts = kl_format_date (kl_course_get_starts_on (course));
  ends = kl_format_date (kl_course_get_ends_on (course));
  when = g_str_equal (kl_course_get_starts_on (course), kl_course_get_ends_on (course))
         ? g_strdup (starts) : g_strdup_printf (_("%s to %s"), starts, ends);
  {
    g_autoptr(GString) line = g_string_new (when);
    const char *provider = kl_course_get_provider (course);
    const char *location = kl_course_get_location (course);

    if (provider && *provider)
      g_string_append_printf (line, " · %s", provider);
    if (location && *location)
      g_string_append_printf (line, " · %s", location);
    if (kl_course_get_status (course) == KL_COURSE_STATUS_CANCELLED)
      g_string_append_printf (line, " · %s", C_("course status", "Cancelled"));
    gtk_label_set_label (self->when_label, line->str);
  }
  for (guint i = 0; i < themes->len; i++)
    {
      KlTheme *theme = g_ptr_array_index (themes, i);
      if (g_strv_contains (kl_course_get_theme_ids (course), kl_record_get_uuid (KL_RECORD (theme))))
        g_string_append_printf (theme_text, "%s%s", theme_text->len ? " · " : "",
                                kl_theme_get_builtin (theme) ? _(kl_theme_get_name (theme)) : kl_theme_get_name (theme));
    }
  gtk_label_set_label (self->themes_label, theme_text->str);
  gtk_label_set_label (self->description_label, kl_course_get_description (course) ?: "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          kl_course_get_description (course) && *kl_course_get_description (course));

  /* Participants: seats first, then the waiting list in its order. */
  for (guint i = 0; i < enrolments->len; i++)
    {
      KlEnrolment *e = g_ptr_array_index (enrolments, i);
      gint64 id = kl_record_get_id (KL_RECORD (e));
      KlEnrolmentStatus status = kl_enrolment_get_status (e);
      g_autofree char *subtitle = NULL;
      GtkWidget *row, *check;

      if (status == KL_ENROLMENT_STATUS_COMPLETED)
        completed++;
      if (status == KL_ENROLMENT_STATUS_ENROLLED || status == KL_ENROLMENT_STATUS_COMPLETED)
        booked++;
      if (status == KL_ENROLMENT_STATUS_WAITLISTED)
        subtitle = g_strdup_printf (_("Number %u on the waiting list"), ++position), waiting++;
      else if (status == KL_ENROLMENT_STATUS_COMPLETED && kl_enrolment_get_completed_on (e))
        {
          g_autofree char *date = kl_format_date (kl_enrolment_get_completed_on (e));
          subtitle = g_strdup_printf (_("Completed %s"), date);
        }

      add_row (self, self->participant_group, kl_enrolment_get_staff_name (e), subtitle, &row);
      check = gtk_check_button_new ();
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      {
        g_autofree char *label = g_strdup_printf (_("Select %s"), kl_enrolment_get_staff_name (e));
        gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      }
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_check_toggled), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 status_dropdown (self, id, status, kl_enrolment_get_staff_name (e)));
      g_hash_table_insert (self->checks, GSIZE_TO_POINTER (id), check);
    }
  if (enrolments->len == 0)
    add_row (self, self->participant_group, _("Nobody is enrolled yet"), _("Use Enrol People to add participants."), NULL);
  on_check_toggled (self);

  /* Seats, hours and money. */
  capacity = kl_course_get_capacity (course);
  {
    g_autofree char *seats = capacity < 0
                             ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d taken, no seat limit",
                                                             "%d taken, no seat limit", booked), booked)
                             : g_strdup_printf (_("%d of %d taken"), booked, capacity);
    g_autofree char *waitlist = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d person", "%d people", waiting),
                                                 waiting);
    g_autofree char *hours = kl_format_number (kl_course_get_hours (course), 1);
    g_autofree char *hours_total = kl_format_number (kl_course_get_hours (course) * completed, 1);
    g_autofree char *cost = kl_format_number (kl_course_get_cost_dkk (course), 2);
    g_autofree char *cost_total = kl_format_number (kl_course_get_cost_dkk (course) * booked, 2);
    g_autofree char *hours_line = g_strdup_printf (_("%s hours each; %s hours completed in all"), hours, hours_total);
    g_autofree char *cost_line = g_strdup_printf (_("%s kr. per person; %s kr. for the seats taken"), cost, cost_total);

    add_row (self, self->facts_group, _("Seats"), seats, NULL);
    add_row (self, self->facts_group, _("Waiting list"), waitlist, NULL);
    add_row (self, self->facts_group, _("Hours"), hours_line, NULL);
    add_row (self, self->facts_group, _("Cost"), cost_line, NULL);
  }
}

static void
on_watch_reload (KlCourseDetail *self)
{
  if (self->course_id != 0)
    kl_course_detail_reload (self);
}

static GtkWindow *
parent_window (KlCourseDetail *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KlCourseDetail *self = KL_COURSE_DETAIL (widget);
  g_autoptr(KlCourse) course = kl_store_get_course (self->store, self->course_id, NULL);

  if (course != NULL)
    gtk_window_present (GTK_WINDOW (kl_course_dialog_new (parent_window (self), self->store, course)));
}

static void
enrol_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KlCourseDetail *self = KL_COURSE_DETAIL (widget);

  gtk_window_present (GTK_WINDOW (kl_participants_dialog_new (parent_window (self), self->store, self->course_id)));
}

static void
complete_selected_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  kl_course_detail_complete_selected (KL_COURSE_DETAIL (widget));
}

static void
on_cancel_response (AdwMessageDialog *dialog,
                    const char       *response,
                    KlCourseDetail   *self)
{
  g_autoptr(KlCourse) course = kl_store_get_course (self->store, self->course_id, NULL);
  g_autoptr(GPtrArray) enrolments = NULL;
  g_autoptr(GError) error = NULL;

  if (course == NULL || g_str_equal (response, "keep-course"))
    return;

  /* One transaction: the course and, if chosen, every seat with it. */
  if (!kl_store_begin_transaction (self->store, &error))
    goto out;
  if (g_str_equal (response, "cancel-all"))
    {
      enrolments = kl_store_list_enrolments_for_course (self->store, self->course_id, &error);
      for (guint i = 0; enrolments != NULL && i < enrolments->len && error == NULL; i++)
        {
          KlEnrolment *e = g_ptr_array_index (enrolments, i);
          KlEnrolmentStatus status = kl_enrolment_get_status (e);

          if (status == KL_ENROLMENT_STATUS_PLANNED || status == KL_ENROLMENT_STATUS_ENROLLED ||
              status == KL_ENROLMENT_STATUS_WAITLISTED)
            kl_store_set_enrolment_status (self->store, kl_record_get_id (KL_RECORD (e)),
                                           KL_ENROLMENT_STATUS_CANCELLED, NULL, NULL, &error);
        }
    }
  kl_course_set_status (course, KL_COURSE_STATUS_CANCELLED);
  if (error == NULL && kl_store_save_course (self->store, course, &error) &&
      kl_store_commit_transaction (self->store, &error))
    {
      kl_toast_add_title (GTK_WIDGET (self), _("The course is cancelled"));
      return;
    }
  kl_store_rollback_transaction (self->store);

out:
  kl_toast_add_title (GTK_WIDGET (self), error->message);
}

static void
cancel_course_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KlCourseDetail *self = KL_COURSE_DETAIL (widget);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), _("Cancel the Course?"),
                                                       _("The course stays in the catalogue as cancelled. What should happen to the people signed up for it?")));
  adw_message_dialog_add_responses (dialog,
                                    "keep-course", _("_Keep the Course"),
                                    "keep-people", _("Keep Their _Sign-ups"),
                                    "cancel-all", _("Cancel _Everyone’s Seat"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "cancel-all", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "keep-course");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_cancel_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KlCourseDetail *self = KL_COURSE_DETAIL (widget);
  g_autoptr(GError) error = NULL;

  /* Refused with an explanation while anyone is enrolled. */
  if (!kl_store_delete_course (self->store, self->course_id, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (parent_window (self), _("The Course Cannot Be Deleted"),
                                                  error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  kl_toast_add_title (GTK_WIDGET (self), _("Course deleted"));
}

static void
kl_course_detail_dispose (GObject *object)
{
  KlCourseDetail *self = (KlCourseDetail *)object;

  g_clear_object (&self->watch);
  self->updating = TRUE;
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), KL_TYPE_COURSE_DETAIL);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kl_course_detail_parent_class)->dispose (object);
}

static void
kl_course_detail_class_init (KlCourseDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kl_course_detail_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/courses/kl-course-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, KlCourseDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, KlCourseDetail, when_label);
  gtk_widget_class_bind_template_child (widget_class, KlCourseDetail, themes_label);
  gtk_widget_class_bind_template_child (widget_class, KlCourseDetail, description_label);
  gtk_widget_class_bind_template_child (widget_class, KlCourseDetail, facts_group);
  gtk_widget_class_bind_template_child (widget_class, KlCourseDetail, participant_group);
  gtk_widget_class_bind_template_child (widget_class, KlCourseDetail, complete_button);

  gtk_widget_class_install_action (widget_class, "course.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "course.enrol", NULL, enrol_action);
  gtk_widget_class_install_action (widget_class, "course.complete-selected", NULL, complete_selected_action);
  gtk_widget_class_install_action (widget_class, "course.cancel-course", NULL, cancel_course_action);
  gtk_widget_class_install_action (widget_class, "course.delete", NULL, delete_action);
}

static void
kl_course_detail_init (KlCourseDetail *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->checks = g_hash_table_new (NULL, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
kl_course_detail_set_course (KlCourseDetail *self,
                             KlStore        *store,
                             gint64          course_id)
{
  g_return_if_fail (KL_IS_COURSE_DETAIL (self));

  if (store != self->store)
    {
      g_clear_object (&self->watch);
      g_set_object (&self->store, store);
      if (store != NULL)
        self->watch = kl_live_watch (GTK_WIDGET (self), store, NULL, G_PRIORITY_DEFAULT_IDLE,
                                     G_CALLBACK (on_watch_reload));
    }
  self->course_id = course_id;
  kl_course_detail_reload (self);
}
