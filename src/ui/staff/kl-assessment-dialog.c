/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kl-assessment-dialog.h"
#include "kl-form.h"

/* Records an assessment of one or several themes at once: every theme
 * with its current level and target, changed ones saved together. */

typedef struct
{
  gint64       theme_id;
  char        *uuid;
  int          level;      /* current, -1 if never assessed */
  int          target;
  GtkDropDown *level_drop;
  GtkDropDown *target_drop;
} ThemeRow;

struct _KlAssessmentDialog
{
  AdwWindow            parent_instance;

  KlStore             *store;
  gint64               staff_id;
  GArray              *rows;    /* ThemeRow */

  GtkLabel            *error_label;
  AdwEntryRow         *date_row;
  AdwEntryRow         *note_row;
  AdwPreferencesGroup *theme_group;
};

G_DEFINE_FINAL_TYPE (KlAssessmentDialog, kl_assessment_dialog, ADW_TYPE_WINDOW)

static void
theme_row_clear (gpointer data)
{
  ThemeRow *row = data;

  g_clear_pointer (&row->uuid, g_free);
}

/* Level drop-down positions: 0 = "Not assessed", 1 + level otherwise.
 * Target: 0 = "No target", 1 + target otherwise. */
static GtkStringList *
level_names (const char *none)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, none);
  for (int level = KL_LEVEL_MIN; level <= KL_LEVEL_MAX; level++)
    {
      /* Translators: a level in a list, e.g. "3 · Independent" */
      g_autofree char *name = g_strdup_printf (_("%d · %s"), level, kl_level_name (level));
      gtk_string_list_append (names, name);
    }
  return names;
}

gboolean
kl_assessment_dialog_save (KlAssessmentDialog *self)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *date = kl_parse_user_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  KlFormField fields[] = {
    { "assessed_on", GTK_WIDGET (self->date_row) },
    { "note", GTK_WIDGET (self->note_row) },
  };

  if (date == NULL || *date == '\0')
    {
      error = g_error_new (KL_STORE_ERROR, KL_STORE_ERROR_INVALID,
                           _("Write the date as day-month-year, for example 31-12-2026"));
      kl_form_show_error (self->error_label, fields, G_N_ELEMENTS (fields), error);
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
      return FALSE;
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      ThemeRow *row = &g_array_index (self->rows, ThemeRow, i);
      int level = (int)gtk_drop_down_get_selected (row->level_drop) - 1;
      int target = (int)gtk_drop_down_get_selected (row->target_drop) - 1;
      KlAssessment *assessment;

      if (level < 0 || (level == row->level && target == row->target))
        continue;

      assessment = kl_assessment_new ();
      kl_assessment_set_staff_id (assessment, self->staff_id);
      kl_assessment_set_theme_id (assessment, row->theme_id);
      kl_assessment_set_assessed_on (assessment, date);
      kl_assessment_set_level (assessment, level);
      kl_assessment_set_target (assessment, target);
      kl_assessment_set_note (assessment, gtk_editable_get_text (GTK_EDITABLE (self->note_row)));
      g_ptr_array_add (changed, assessment);
    }

  if (changed->len == 0)
    {
      error = g_error_new (KL_STORE_ERROR, KL_STORE_ERROR_INVALID,
                           _("Nothing was changed. Choose a new level or target for at least one theme."));
      kl_form_show_error (self->error_label, fields, G_N_ELEMENTS (fields), error);
      return FALSE;
    }

  if (!kl_store_save_assessments (self->store, changed, &error))
    {
      kl_form_show_error (self->error_label, fields, G_N_ELEMENTS (fields), error);
      return FALSE;
    }

  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

/**
 * kl_assessment_dialog_set_values:
 * @level: 0–4, or -1 for not assessed
 * @target: 0–4, or -1 for no target
 *
 * Sets a theme's row, as the user would with its drop-downs.
 */
void
kl_assessment_dialog_set_values (KlAssessmentDialog *self,
                                 const char         *theme_uuid,
                                 int                 level,
                                 int                 target)
{
  g_return_if_fail (KL_IS_ASSESSMENT_DIALOG (self));

  for (guint i = 0; i < self->rows->len; i++)
    {
      ThemeRow *row = &g_array_index (self->rows, ThemeRow, i);

      if (g_strcmp0 (row->uuid, theme_uuid) != 0)
        continue;
      gtk_drop_down_set_selected (row->level_drop, level + 1);
      gtk_drop_down_set_selected (row->target_drop, target + 1);
    }
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  kl_assessment_dialog_save (KL_ASSESSMENT_DIALOG (widget));
}

static void
load (KlAssessmentDialog *self)
{
  g_autoptr(GPtrArray) themes = kl_store_list_themes (self->store, FALSE, NULL);
  g_autoptr(GPtrArray) current = kl_store_list_current_assessments (self->store, self->staff_id, NULL);

  for (guint t = 0; themes != NULL && t < themes->len; t++)
    {
      KlTheme *theme = g_ptr_array_index (themes, t);
      g_autoptr(GtkStringList) levels = level_names (_("Not assessed"));
      g_autoptr(GtkStringList) targets = level_names (_("No target"));
      g_autofree char *target_label = NULL;
      ThemeRow row = { kl_record_get_id (KL_RECORD (theme)), g_strdup (kl_record_get_uuid (KL_RECORD (theme))), -1, -1 };
      const char *name = kl_theme_get_builtin (theme) ? _(kl_theme_get_name (theme)) : kl_theme_get_name (theme);
      GtkWidget *action_row = adw_action_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      for (guint i = 0; current != NULL && i < current->len; i++)
        {
          KlAssessment *a = g_ptr_array_index (current, i);
          if (kl_assessment_get_theme_id (a) == row.theme_id)
            {
              row.level = kl_assessment_get_level (a);
              row.target = kl_assessment_get_target (a);
            }
        }

      row.level_drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (levels)), NULL));
      row.target_drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (targets)), NULL));
      gtk_drop_down_set_selected (row.level_drop, row.level + 1);
      gtk_drop_down_set_selected (row.target_drop, row.target + 1);

      /* Translators: accessible names of a theme's two drop-downs */
      gtk_accessible_update_property (GTK_ACCESSIBLE (row.level_drop), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Level"), -1);
      target_label = g_strdup (_("Target"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row.target_drop), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      target_label, -1);
      gtk_widget_set_tooltip_text (GTK_WIDGET (row.level_drop), _("Level"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (row.target_drop), _("Target"));

      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (row.level_drop));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (row.target_drop));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), name);
      adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), box);
      adw_preferences_group_add (self->theme_group, action_row);
      g_array_append_val (self->rows, row);
    }
}

static void
kl_assessment_dialog_dispose (GObject *object)
{
  KlAssessmentDialog *self = (KlAssessmentDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KL_TYPE_ASSESSMENT_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kl_assessment_dialog_parent_class)->dispose (object);
}

static void
kl_assessment_dialog_finalize (GObject *object)
{
  KlAssessmentDialog *self = (KlAssessmentDialog *)object;

  g_clear_pointer (&self->rows, g_array_unref);

  G_OBJECT_CLASS (kl_assessment_dialog_parent_class)->finalize (object);
}

static void
kl_assessment_dialog_class_init (KlAssessmentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kl_assessment_dialog_dispose;
  object_class->finalize = kl_assessment_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/staff/kl-assessment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KlAssessmentDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, KlAssessmentDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, KlAssessmentDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, KlAssessmentDialog, theme_group);

  gtk_widget_class_install_action (widget_class, "assessment.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "assessment.save", NULL);
}

static void
kl_assessment_dialog_init (KlAssessmentDialog *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (ThemeRow));
  g_array_set_clear_func (self->rows, theme_row_clear);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kl_assessment_dialog_new:
 * @staff_id: whose competences are assessed
 *
 * Returns: (transfer none): the dialog, dated today
 */
KlAssessmentDialog *
kl_assessment_dialog_new (GtkWindow *parent,
                          KlStore   *store,
                          gint64     staff_id)
{
  KlAssessmentDialog *self;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *iso = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *date = kl_form_date_for_entry (iso);

  g_return_val_if_fail (KL_IS_STORE (store), NULL);

  self = g_object_new (KL_TYPE_ASSESSMENT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->staff_id = staff_id;
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  load (self);

  return self;
}
