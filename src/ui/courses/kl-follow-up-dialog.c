/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kl-follow-up-dialog.h"
#include "kl-form.h"

/* After people complete a course: offer to record a new assessment in the
 * course's themes, one level up from today's (at most 4), editable and
 * skippable, so training shows up as progress in their profiles. */

typedef struct
{
  gint64       staff_id;
  gint64       theme_id;
  char        *theme_uuid;
  int          target;
  GtkDropDown *level;
  GtkCheckButton *include;
} Entry;

struct _KlFollowUpDialog
{
  AdwWindow            parent_instance;

  KlStore             *store;
  char                *date;
  GArray              *entries;

  AdwPreferencesPage  *page;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (KlFollowUpDialog, kl_follow_up_dialog, ADW_TYPE_WINDOW)

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_clear_pointer (&entry->theme_uuid, g_free);
}

int
kl_follow_up_dialog_get_level (KlFollowUpDialog *self,
                               gint64            staff_id,
                               const char       *theme_uuid)
{
  g_return_val_if_fail (KL_IS_FOLLOW_UP_DIALOG (self), -1);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);
      if (entry->staff_id == staff_id && g_strcmp0 (entry->theme_uuid, theme_uuid) == 0)
        return gtk_drop_down_get_selected (entry->level);
    }
  return -1;
}

gboolean
kl_follow_up_dialog_save (KlFollowUpDialog *self)
{
  g_autoptr(GPtrArray) assessments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);
      KlAssessment *a;

      if (!gtk_check_button_get_active (entry->include))
        continue;
      a = kl_assessment_new ();
      kl_assessment_set_staff_id (a, entry->staff_id);
      kl_assessment_set_theme_id (a, entry->theme_id);
      kl_assessment_set_assessed_on (a, self->date);
      kl_assessment_set_level (a, gtk_drop_down_get_selected (entry->level));
      kl_assessment_set_target (a, entry->target);
      kl_assessment_set_note (a, _("After the course"));
      g_ptr_array_add (assessments, a);
    }

  if (assessments->len > 0 && !kl_store_save_assessments (self->store, assessments, &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
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
  kl_follow_up_dialog_save (KL_FOLLOW_UP_DIALOG (widget));
}

static void
kl_follow_up_dialog_dispose (GObject *object)
{
  KlFollowUpDialog *self = (KlFollowUpDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KL_TYPE_FOLLOW_UP_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kl_follow_up_dialog_parent_class)->dispose (object);
}

static void
kl_follow_up_dialog_finalize (GObject *object)
{
  KlFollowUpDialog *self = (KlFollowUpDialog *)object;

  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->date, g_free);

  G_OBJECT_CLASS (kl_follow_up_dialog_parent_class)->finalize (object);
}

static void
kl_follow_up_dialog_class_init (KlFollowUpDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kl_follow_up_dialog_dispose;
  object_class->finalize = kl_follow_up_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/courses/kl-follow-up-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KlFollowUpDialog, page);
  gtk_widget_class_bind_template_child (widget_class, KlFollowUpDialog, error_label);

  gtk_widget_class_install_action (widget_class, "follow-up.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kl_follow_up_dialog_init (KlFollowUpDialog *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kl_follow_up_dialog_new:
 * @enrolment_ids: (element-type gint64): the enrolments just completed
 *
 * Returns: (transfer none): the dialog
 */
KlFollowUpDialog *
kl_follow_up_dialog_new (GtkWindow *parent,
                         KlStore   *store,
                         gint64     course_id,
                         GArray    *enrolment_ids)
{
  KlFollowUpDialog *self;
  g_autoptr(KlCourse) course = kl_store_get_course (store, course_id, NULL);
  g_autoptr(GPtrArray) themes = kl_store_list_themes (store, TRUE, NULL);

  g_return_val_if_fail (KL_IS_STORE (store), NULL);

  self = g_object_new (KL_TYPE_FOLLOW_UP_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->date = g_strdup (course ? kl_course_get_ends_on (course) : NULL);

  for (guint e = 0; course != NULL && themes != NULL && e < enrolment_ids->len; e++)
    {
      g_autoptr(KlEnrolment) enrolment = kl_store_get_enrolment (store, g_array_index (enrolment_ids, gint64, e), NULL);
      g_autoptr(GPtrArray) current = NULL;
      AdwPreferencesGroup *group;

      if (enrolment == NULL)
        continue;
      if (kl_enrolment_get_completed_on (enrolment) != NULL)
        {
          g_free (self->date);
          self->date = g_strdup (kl_enrolment_get_completed_on (enrolment));
        }
      current = kl_store_list_current_assessments (store, kl_enrolment_get_staff_id (enrolment), NULL);
      group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (group, kl_enrolment_get_staff_name (enrolment));

      for (guint t = 0; t < themes->len; t++)
        {
          KlTheme *theme = g_ptr_array_index (themes, t);
          g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);
          Entry entry = { kl_enrolment_get_staff_id (enrolment), kl_record_get_id (KL_RECORD (theme)),
                          g_strdup (kl_record_get_uuid (KL_RECORD (theme))), -1 };
          int level = -1;
          GtkWidget *row;
          g_autofree char *subtitle = NULL;

          if (!g_strv_contains (kl_course_get_theme_ids (course), entry.theme_uuid))
            {
              g_free (entry.theme_uuid);
              continue;
            }
          for (guint c = 0; current != NULL && c < current->len; c++)
            {
              KlAssessment *a = g_ptr_array_index (current, c);
              if (kl_assessment_get_theme_id (a) == entry.theme_id)
                {
                  level = kl_assessment_get_level (a);
                  entry.target = kl_assessment_get_target (a);
                }
            }

          for (int l = KL_LEVEL_MIN; l <= KL_LEVEL_MAX; l++)
            {
              g_autofree char *name = g_strdup_printf (_("%d · %s"), l, kl_level_name (l));
              gtk_string_list_append (levels, name);
            }
          entry.level = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (levels)), NULL));
          gtk_drop_down_set_selected (entry.level, MIN (level + 1, KL_LEVEL_MAX));
          gtk_widget_set_valign (GTK_WIDGET (entry.level), GTK_ALIGN_CENTER);
          entry.include = GTK_CHECK_BUTTON (gtk_check_button_new ());
          gtk_check_button_set_active (entry.include, TRUE);
          gtk_widget_set_valign (GTK_WIDGET (entry.include), GTK_ALIGN_CENTER);

          subtitle = level < 0 ? g_strdup (_("Not assessed before"))
                               : g_strdup_printf (_("Today: %d · %s"), level, kl_level_name (level));
          row = adw_action_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kl_theme_get_builtin (theme)
                                         ? _(kl_theme_get_name (theme)) : kl_theme_get_name (theme));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), GTK_WIDGET (entry.include));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (entry.level));
          gtk_accessible_update_property (GTK_ACCESSIBLE (entry.level), GTK_ACCESSIBLE_PROPERTY_LABEL, _("New level"), -1);
          adw_preferences_group_add (group, row);
          g_array_append_val (self->entries, entry);
        }
      adw_preferences_page_add (self->page, group);
    }

  return self;
}
