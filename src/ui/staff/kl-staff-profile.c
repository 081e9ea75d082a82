/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kl-assessment-dialog.h"
#include "kl-enrol-dialog.h"
#include "kl-form.h"
#include "kl-goal-dialog.h"
#include "kl-level-chart.h"
#include "kl-staff-profile.h"
#include "kl-live.h"

/* One person's profile: details, every theme's current level against the
 * target with its history, development goals and courses. */
struct _KlStaffProfile
{
  AdwBin               parent_instance;

  KlStore             *store;
  gint64               staff_id;
  KlStoreWatch        *watch;          /* reloads when shown; see kl-live.h */
  GPtrArray           *rows;          /* (element-type GtkWidget): rows added to the groups */

  AdwAvatar           *avatar;
  GtkLabel            *name_label;
  GtkLabel            *role_label;
  GtkLabel            *details_label;
  GtkButton           *left_button;
  AdwPreferencesGroup *competence_group;
  AdwPreferencesGroup *goal_group;
  AdwPreferencesGroup *course_group;
};

G_DEFINE_FINAL_TYPE (KlStaffProfile, kl_staff_profile, ADW_TYPE_BIN)

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
add_row (KlStaffProfile      *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, g_object_ref (row));
}

static void
clear_rows (KlStaffProfile *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static char *
theme_name (KlTheme *theme)
{
  const char *name = kl_theme_get_name (theme);

  return g_strdup (kl_theme_get_builtin (theme) ? _(name) : name);
}

static void
show_details (KlStaffProfile *self,
              KlStaff        *staff)
{
  g_autoptr(GString) details = g_string_new (NULL);
  const char *job = kl_staff_get_job_title (staff);

  adw_avatar_set_text (self->avatar, kl_staff_get_name (staff));
  gtk_label_set_label (self->name_label, kl_staff_get_name (staff));
  if (job != NULL && *job != '\0')
    {
      g_autofree char *role = g_strdup_printf ("%s · %s", job, kl_staff_get_unit_name (staff));
      gtk_label_set_label (self->role_label, role);
    }
  else
    gtk_label_set_label (self->role_label, kl_staff_get_unit_name (staff));

  if (kl_staff_get_started_on (staff) != NULL)
    {
      g_autofree char *date = kl_format_date (kl_staff_get_started_on (staff));
      g_string_append_printf (details, _("Started %s"), date);
    }
  if (kl_staff_get_left_on (staff) != NULL)
    {
      g_autofree char *date = kl_format_date (kl_staff_get_left_on (staff));
      g_string_append (details, details->len ? " · " : "");
      g_string_append_printf (details, _("Left %s"), date);
    }
  if (kl_staff_get_weekly_hours (staff) >= 0)
    {
      g_autofree char *hours = kl_format_number (kl_staff_get_weekly_hours (staff), 2);
      g_string_append (details, details->len ? " · " : "");
      g_string_append_printf (details, _("%s hours a week"), hours);
    }
  if (kl_staff_get_email (staff) != NULL)
    g_string_append_printf (details, "%s%s", details->len ? "\n" : "", kl_staff_get_email (staff));
  if (kl_staff_get_note (staff) != NULL && *kl_staff_get_note (staff) != '\0')
    g_string_append_printf (details, "%s%s", details->len ? "\n" : "", kl_staff_get_note (staff));
  gtk_label_set_label (self->details_label, details->str);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), details->len > 0);

  gtk_button_set_label (self->left_button, kl_staff_get_left_on (staff) ? _("Employed _Again")
                                                                        : _("Mark as _Left"));
}

static gboolean
goal_is_overdue (KlGoal     *goal,
                 const char *date)
{
  return kl_goal_get_status (goal) == KL_GOAL_STATUS_OPEN && kl_goal_get_due_on (goal) != NULL &&
         strcmp (kl_goal_get_due_on (goal), date) < 0;
}

static void
show_competences (KlStaffProfile *self,
                  GPtrArray      *themes,
                  GPtrArray      *history,
                  GPtrArray      *goals)
{
  g_autofree char *now = today ();
  guint shown = 0;

  for (guint t = 0; t < themes->len; t++)
    {
      KlTheme *theme = g_ptr_array_index (themes, t);
      gint64 theme_id = kl_record_get_id (KL_RECORD (theme));
      g_autoptr(GPtrArray) mine = g_ptr_array_new ();
      g_autoptr(GString) subtitle = g_string_new (NULL);
      g_autofree char *name = theme_name (theme);
      KlAssessment *current = NULL, *previous = NULL;
      GtkWidget *row, *chart;

      for (guint i = 0; i < history->len; i++)
        {
          KlAssessment *a = g_ptr_array_index (history, i);
          if (kl_assessment_get_theme_id (a) == theme_id)
            g_ptr_array_add (mine, a);
        }
      if (mine->len > 0)
        current = g_ptr_array_index (mine, mine->len - 1);
      if (mine->len > 1)
        previous = g_ptr_array_index (mine, mine->len - 2);

      /* Archived themes only show where there is history. */
      if (kl_theme_get_archived (theme) && current == NULL)
        continue;

      if (current != NULL)
        {
          int level = kl_assessment_get_level (current);
          int target = kl_assessment_get_target (current);
          g_autofree char *date = kl_format_date (kl_assessment_get_assessed_on (current));

          /* Translators: a current level, e.g. "3 · Independent" */
          g_string_append_printf (subtitle, _("%d · %s"), level, kl_level_name (level));
          if (target >= 0)
            {
              g_string_append (subtitle, " · ");
              g_string_append_printf (subtitle, _("target %d"), target);
            }
          g_string_append (subtitle, " · ");
          g_string_append_printf (subtitle, _("assessed %s"), date);
          if (previous != NULL && kl_assessment_get_level (previous) != level)
            {
              int change = level - kl_assessment_get_level (previous);
              g_string_append_printf (subtitle, " (%s%d)", change > 0 ? "↑" : "↓", ABS (change));
            }
        }
      else
        g_string_append (subtitle, _("Not assessed yet"));

      for (guint g = 0; g < goals->len; g++)
        {
          KlGoal *goal = g_ptr_array_index (goals, g);

          if (kl_goal_get_theme_id (goal) != theme_id || kl_goal_get_status (goal) != KL_GOAL_STATUS_OPEN)
            continue;
          g_string_append (subtitle, "\n");
          g_string_append_printf (subtitle, goal_is_overdue (goal, now) ? _("Goal (overdue): %s") : _("Goal: %s"),
                                  kl_goal_get_text (goal));
        }

      row = text_row (name, subtitle->str);
      if (current != NULL && kl_assessment_get_target (current) > kl_assessment_get_level (current))
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_set_tooltip_text (icon, _("Below target"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Below target"), -1);
          gtk_widget_add_css_class (icon, "warning");
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
        }
      if (mine->len > 0)
        {
          chart = kl_level_chart_new ();
          gtk_widget_set_valign (chart, GTK_ALIGN_CENTER);
          kl_level_chart_set_history (KL_LEVEL_CHART (chart), mine);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), chart);
        }
      add_row (self, self->competence_group, row);
      shown++;
    }

  if (shown == 0)
    add_row (self, self->competence_group, text_row (_("There are no competence themes"), NULL));
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *action,
             GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

static void
show_goals (KlStaffProfile *self,
            GPtrArray      *goals,
            GHashTable     *theme_names)
{
  g_autofree char *now = today ();

  for (guint i = 0; i < goals->len; i++)
    {
      KlGoal *goal = g_ptr_array_index (goals, i);
      gint64 id = kl_record_get_id (KL_RECORD (goal));
      KlGoalStatus status = kl_goal_get_status (goal);
      g_autoptr(GString) subtitle = g_string_new (kl_goal_status_name (status));
      const char *theme = g_hash_table_lookup (theme_names, GINT_TO_POINTER ((int)kl_goal_get_theme_id (goal)));
      gboolean overdue = goal_is_overdue (goal, now);
      GtkWidget *row;

      if (theme != NULL)
        g_string_append_printf (subtitle, " · %s", theme);
      if (kl_goal_get_due_on (goal) != NULL)
        {
          g_autofree char *due = kl_format_date (kl_goal_get_due_on (goal));
          g_string_append (subtitle, " · ");
          g_string_append_printf (subtitle, overdue ? _("overdue since %s") : _("due %s"), due);
        }

      row = text_row (kl_goal_get_text (goal), subtitle->str);
      if (overdue)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "error");
          gtk_widget_set_tooltip_text (icon, _("Overdue"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Overdue"), -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
          gtk_widget_add_css_class (row, "kl-overdue-row");
        }
      if (status == KL_GOAL_STATUS_OPEN)
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     icon_button ("emblem-ok-symbolic", _("Mark as Achieved"),
                                                  "profile.goal-achieved", g_variant_new_int64 (id)));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     icon_button ("window-close-symbolic", _("Drop Goal"),
                                                  "profile.goal-dropped", g_variant_new_int64 (id)));
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button ("document-edit-symbolic", _("Edit Goal"),
                                              "profile.edit-goal", g_variant_new_int64 (id)));
      add_row (self, self->goal_group, row);
    }

  if (goals->len == 0)
    add_row (self, self->goal_group, text_row (_("No goals yet"), _("Add what you agreed at the development conversation.")));
}

static void
show_courses (KlStaffProfile *self,
              GPtrArray      *enrolments)
{
  g_autofree char *now = today ();
  double this_year = 0, overall = 0;

  for (guint i = 0; i < enrolments->len; i++)
    {
      KlEnrolment *e = g_ptr_array_index (enrolments, i);
      KlEnrolmentStatus status = kl_enrolment_get_status (e);
      const char *when = status == KL_ENROLMENT_STATUS_COMPLETED && kl_enrolment_get_completed_on (e)
                         ? kl_enrolment_get_completed_on (e) : kl_enrolment_get_course_starts_on (e);
      g_autofree char *date = kl_format_date (when);
      g_autofree char *hours = kl_format_number (kl_enrolment_get_course_hours (e), 1);
      g_autofree char *subtitle = NULL;

      /* Translators: an enrolment: status · date · hours, e.g. "Completed · 12 March 2026 · 14 hours" */
      subtitle = g_strdup_printf (_("%s · %s · %s hours"), kl_enrolment_status_name (status), date, hours);
      add_row (self, self->course_group, text_row (kl_enrolment_get_course_title (e), subtitle));

      if (status == KL_ENROLMENT_STATUS_COMPLETED)
        {
          overall += kl_enrolment_get_course_hours (e);
          if (when != NULL && strncmp (when, now, 4) == 0)
            this_year += kl_enrolment_get_course_hours (e);
        }
    }

  if (enrolments->len == 0)
    add_row (self, self->course_group, text_row (_("No courses yet"), NULL));
  else
    {
      g_autofree char *year = kl_format_number (this_year, 1);
      g_autofree char *all = kl_format_number (overall, 1);
      g_autofree char *text = g_strdup_printf (_("%s hours completed this year, %s in all"), year, all);

      adw_preferences_group_set_description (self->course_group, text);
      return;
    }
  adw_preferences_group_set_description (self->course_group, NULL);
}

/**
 * kl_staff_profile_reload:
 *
 * Shows the person's current data.
 */
void
kl_staff_profile_reload (KlStaffProfile *self)
{
  g_autoptr(KlRecord) staff = NULL;
  g_autoptr(GPtrArray) themes = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GPtrArray) enrolments = NULL;
  g_autoptr(GHashTable) theme_names = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  g_return_if_fail (KL_IS_STAFF_PROFILE (self));

  if (self->watch != NULL)
    kl_store_watch_cancel (self->watch);
  clear_rows (self);

  if (self->store == NULL || self->staff_id == 0)
    return;

  staff = kl_store_get_record (self->store, KL_TYPE_STAFF, self->staff_id, NULL);
  themes = kl_store_list_themes (self->store, TRUE, NULL);
  history = kl_store_list_assessments (self->store, self->staff_id, NULL);
  goals = kl_store_list_goals (self->store, self->staff_id, NULL);
  enrolments = kl_store_list_enrolments_for_staff (self->store, self->staff_id, NULL);
  if (staff == NULL || themes == NULL || history == NULL || goals == NULL || enrolments == NULL)
    return;

  for (guint i = 0; i < themes->len; i++)
    g_hash_table_insert (theme_names,
                         GINT_TO_POINTER ((int)kl_record_get_id (g_ptr_array_index (themes, i))),
                         theme_name (g_ptr_array_index (themes, i)));

  show_details (self, KL_STAFF (staff));
  show_competences (self, themes, history, goals);
  show_goals (self, goals, theme_names);
  show_courses (self, enrolments);
}

static void
on_watch_reload (KlStaffProfile *self)
{
  if (self->staff_id != 0)
    kl_staff_profile_reload (self);
}

static GtkWindow *
parent_window (KlStaffProfile *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
record_assessment_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  KlStaffProfile *self = KL_STAFF_PROFILE (widget);
  KlAssessmentDialog *dialog = kl_assessment_dialog_new (parent_window (self), self->store, self->staff_id);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_goal_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KlStaffProfile *self = KL_STAFF_PROFILE (widget);
  KlGoalDialog *dialog = kl_goal_dialog_new (parent_window (self), self->store, self->staff_id, NULL);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_goal_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KlStaffProfile *self = KL_STAFF_PROFILE (widget);
  g_autoptr(KlRecord) goal = kl_store_get_record (self->store, KL_TYPE_GOAL, g_variant_get_int64 (parameter), NULL);

  if (goal != NULL)
    gtk_window_present (GTK_WINDOW (kl_goal_dialog_new (parent_window (self), self->store,
                                                        self->staff_id, KL_GOAL (goal))));
}

static void
set_goal_status (KlStaffProfile *self,
                 gint64          id,
                 KlGoalStatus    status)
{
  g_autoptr(KlRecord) goal = kl_store_get_record (self->store, KL_TYPE_GOAL, id, NULL);

  if (goal == NULL)
    return;
  kl_goal_set_status (KL_GOAL (goal), status);
  kl_store_save_goal (self->store, KL_GOAL (goal), NULL);
}

static void
goal_achieved_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  set_goal_status (KL_STAFF_PROFILE (widget), g_variant_get_int64 (parameter), KL_GOAL_STATUS_ACHIEVED);
}

static void
goal_dropped_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  set_goal_status (KL_STAFF_PROFILE (widget), g_variant_get_int64 (parameter), KL_GOAL_STATUS_DROPPED);
}

static void
enrol_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KlStaffProfile *self = KL_STAFF_PROFILE (widget);

  gtk_window_present (GTK_WINDOW (kl_enrol_dialog_new (parent_window (self), self->store, self->staff_id)));
}

static void
kl_staff_profile_dispose (GObject *object)
{
  KlStaffProfile *self = (KlStaffProfile *)object;

  g_clear_object (&self->watch);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), KL_TYPE_STAFF_PROFILE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kl_staff_profile_parent_class)->dispose (object);
}

static void
kl_staff_profile_class_init (KlStaffProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kl_staff_profile_dispose;

  g_type_ensure (KL_TYPE_LEVEL_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/staff/kl-staff-profile.ui");
  gtk_widget_class_bind_template_child (widget_class, KlStaffProfile, avatar);
  gtk_widget_class_bind_template_child (widget_class, KlStaffProfile, name_label);
  gtk_widget_class_bind_template_child (widget_class, KlStaffProfile, role_label);
  gtk_widget_class_bind_template_child (widget_class, KlStaffProfile, details_label);
  gtk_widget_class_bind_template_child (widget_class, KlStaffProfile, left_button);
  gtk_widget_class_bind_template_child (widget_class, KlStaffProfile, competence_group);
  gtk_widget_class_bind_template_child (widget_class, KlStaffProfile, goal_group);
  gtk_widget_class_bind_template_child (widget_class, KlStaffProfile, course_group);

  gtk_widget_class_install_action (widget_class, "profile.record-assessment", NULL, record_assessment_action);
  gtk_widget_class_install_action (widget_class, "profile.add-goal", NULL, add_goal_action);
  gtk_widget_class_install_action (widget_class, "profile.edit-goal", "x", edit_goal_action);
  gtk_widget_class_install_action (widget_class, "profile.goal-achieved", "x", goal_achieved_action);
  gtk_widget_class_install_action (widget_class, "profile.goal-dropped", "x", goal_dropped_action);
  gtk_widget_class_install_action (widget_class, "profile.enrol", NULL, enrol_action);
}

static void
kl_staff_profile_init (KlStaffProfile *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kl_staff_profile_set_staff:
 * @store: the database
 * @staff_id: the person, or 0
 *
 * Shows @staff_id's profile and keeps it current as data changes.
 */
void
kl_staff_profile_set_staff (KlStaffProfile *self,
                            KlStore        *store,
                            gint64          staff_id)
{
  g_return_if_fail (KL_IS_STAFF_PROFILE (self));

  if (store != self->store)
    {
      g_clear_object (&self->watch);
      g_set_object (&self->store, store);
      if (store != NULL)
        self->watch = kl_live_watch (GTK_WIDGET (self), store, NULL, G_PRIORITY_DEFAULT_IDLE,
                                     G_CALLBACK (on_watch_reload));
    }
  self->staff_id = staff_id;
  kl_staff_profile_reload (self);
}
