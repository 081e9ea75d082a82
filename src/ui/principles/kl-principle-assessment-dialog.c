/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kl-form.h"
#include "kl-principle-assessment-dialog.h"
#include "kl-principle-texts.h"
#include "kl-principle-util.h"
#include "kl-unit-choice.h"

/* A leader's self-assessment of one principle for one unit: how far the
 * unit has come (maturity 1–5), when, and a reflection. The principle's
 * reflection questions are at hand while writing. */
struct _KlPrincipleAssessmentDialog
{
  AdwWindow              parent_instance;

  KlStore               *store;
  KlPrincipleAssessment *assessment;
  GArray                *unit_ids;

  AdwWindowTitle        *window_title;
  GtkLabel              *error_label;
  AdwComboRow           *unit_row;
  AdwComboRow           *maturity_row;
  AdwEntryRow           *date_row;
  GtkTextView           *reflection_view;
  AdwPreferencesGroup   *questions_group;
  AdwExpanderRow        *questions_row;
};

G_DEFINE_FINAL_TYPE (KlPrincipleAssessmentDialog, kl_principle_assessment_dialog, ADW_TYPE_WINDOW)

/* Maturity positions: 0 = "Choose…", then 1–5. */

gboolean
kl_principle_assessment_dialog_save (KlPrincipleAssessmentDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = kl_parse_user_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  g_autofree char *reflection = kl_text_view_get_text (self->reflection_view);
  guint unit = adw_combo_row_get_selected (self->unit_row);
  guint maturity = adw_combo_row_get_selected (self->maturity_row);
  KlFormField fields[] = {
    { "unit", GTK_WIDGET (self->unit_row) },
    { "maturity", GTK_WIDGET (self->maturity_row) },
    { "assessed_on", GTK_WIDGET (self->date_row) },
    { "reflection", GTK_WIDGET (self->reflection_view) },
  };

  g_return_val_if_fail (KL_IS_PRINCIPLE_ASSESSMENT_DIALOG (self), FALSE);

  if (maturity < KL_MATURITY_MIN || maturity > KL_MATURITY_MAX)
    error = g_error_new (KL_STORE_ERROR, KL_STORE_ERROR_INVALID, _("Choose how far the unit has come"));
  else if (date == NULL || *date == '\0')
    error = g_error_new (KL_STORE_ERROR, KL_STORE_ERROR_INVALID,
                         _("Write the date as day-month-year, for example 31-12-2026"));
  if (error != NULL)
    {
      kl_form_show_error (self->error_label, fields, G_N_ELEMENTS (fields), error);
      gtk_widget_add_css_class (maturity < KL_MATURITY_MIN || maturity > KL_MATURITY_MAX
                                ? GTK_WIDGET (self->maturity_row) : GTK_WIDGET (self->date_row),
                                "error");
      return FALSE;
    }

  kl_principle_assessment_set_unit_id (self->assessment,
                                       unit < self->unit_ids->len ? g_array_index (self->unit_ids, gint64, unit) : 0);
  kl_principle_assessment_set_maturity (self->assessment, maturity);
  kl_principle_assessment_set_assessed_on (self->assessment, date);
  kl_principle_assessment_set_reflection (self->assessment, g_strstrip (reflection));

  if (!kl_store_save_principle_assessment (self->store, self->assessment, &error))
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
  kl_principle_assessment_dialog_save (KL_PRINCIPLE_ASSESSMENT_DIALOG (widget));
}

static void
kl_principle_assessment_dialog_dispose (GObject *object)
{
  KlPrincipleAssessmentDialog *self = (KlPrincipleAssessmentDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KL_TYPE_PRINCIPLE_ASSESSMENT_DIALOG);
  g_clear_object (&self->assessment);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kl_principle_assessment_dialog_parent_class)->dispose (object);
}

static void
kl_principle_assessment_dialog_finalize (GObject *object)
{
  KlPrincipleAssessmentDialog *self = (KlPrincipleAssessmentDialog *)object;

  g_clear_pointer (&self->unit_ids, g_array_unref);

  G_OBJECT_CLASS (kl_principle_assessment_dialog_parent_class)->finalize (object);
}

static void
kl_principle_assessment_dialog_class_init (KlPrincipleAssessmentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kl_principle_assessment_dialog_dispose;
  object_class->finalize = kl_principle_assessment_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/principles/kl-principle-assessment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KlPrincipleAssessmentDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, KlPrincipleAssessmentDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, KlPrincipleAssessmentDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, KlPrincipleAssessmentDialog, maturity_row);
  gtk_widget_class_bind_template_child (widget_class, KlPrincipleAssessmentDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, KlPrincipleAssessmentDialog, reflection_view);
  gtk_widget_class_bind_template_child (widget_class, KlPrincipleAssessmentDialog, questions_group);
  gtk_widget_class_bind_template_child (widget_class, KlPrincipleAssessmentDialog, questions_row);

  gtk_widget_class_install_action (widget_class, "principle-assessment.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "principle-assessment.save", NULL);
}

static void
kl_principle_assessment_dialog_init (KlPrincipleAssessmentDialog *self)
{
  self->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->date_row, "entry-activated",
                            G_CALLBACK (kl_principle_assessment_dialog_save), self);
}

static void
add_questions (KlPrincipleAssessmentDialog *self,
               const char                  *slug)
{
  const KlPrincipleTexts *texts = kl_principle_texts_lookup (slug);

  gtk_widget_set_visible (GTK_WIDGET (self->questions_group), texts != NULL);
  for (guint i = 0; texts != NULL && texts->questions[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(texts->questions[i]));
      adw_expander_row_add_row (self->questions_row, row);
    }
}

/**
 * kl_principle_assessment_dialog_new:
 * @principle_id: the principle assessed
 * @unit_id: the unit to suggest, or 0
 * @assessment: (nullable): an assessment to edit, or %NULL for a new one
 *   made today
 *
 * Returns: (transfer none): the dialog
 */
KlPrincipleAssessmentDialog *
kl_principle_assessment_dialog_new (GtkWindow             *parent,
                                    KlStore               *store,
                                    gint64                 principle_id,
                                    gint64                 unit_id,
                                    KlPrincipleAssessment *assessment)
{
  KlPrincipleAssessmentDialog *self;
  g_autoptr(KlRecord) principle = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GtkStringList) unit_names = NULL;
  g_autoptr(GtkStringList) maturities = gtk_string_list_new (NULL);
  g_autofree char *today = kl_principle_today (NULL);
  g_autofree char *date = NULL;
  guint unit_position;
  int maturity = 0;

  g_return_val_if_fail (KL_IS_STORE (store), NULL);

  self = g_object_new (KL_TYPE_PRINCIPLE_ASSESSMENT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->assessment = kl_principle_assessment_new ();
  kl_principle_assessment_set_principle_id (self->assessment, principle_id);

  gtk_window_set_title (GTK_WINDOW (self), assessment ? _("Edit Self-Assessment") : _("Record Self-Assessment"));
  adw_window_title_set_title (self->window_title, gtk_window_get_title (GTK_WINDOW (self)));
  principle = kl_store_get_record (store, KL_TYPE_PRINCIPLE, principle_id, NULL);
  if (principle != NULL)
    {
      g_autofree char *name = kl_principle_display_name (KL_PRINCIPLE (principle));

      adw_window_title_set_subtitle (self->window_title, name);
      add_questions (self, kl_record_get_uuid (principle));
    }

  units = kl_store_list_units (store, NULL);
  unit_names = kl_unit_choice_names (units, NULL, self->unit_ids);
  adw_combo_row_set_model (self->unit_row, G_LIST_MODEL (unit_names));

  gtk_string_list_append (maturities, _("Choose…"));
  for (int m = KL_MATURITY_MIN; m <= KL_MATURITY_MAX; m++)
    {
      g_autofree char *text = kl_principle_maturity_text (m);

      gtk_string_list_append (maturities, text);
    }
  adw_combo_row_set_model (self->maturity_row, G_LIST_MODEL (maturities));

  if (assessment != NULL)
    {
      g_autofree char *reflection = g_strdup (kl_principle_assessment_get_reflection (assessment));

      kl_record_set_id (KL_RECORD (self->assessment), kl_record_get_id (KL_RECORD (assessment)));
      kl_record_set_uuid (KL_RECORD (self->assessment), kl_record_get_uuid (KL_RECORD (assessment)));
      unit_id = kl_principle_assessment_get_unit_id (assessment);
      maturity = kl_principle_assessment_get_maturity (assessment);
      date = kl_form_date_for_entry (kl_principle_assessment_get_assessed_on (assessment));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->reflection_view), reflection ? reflection : "", -1);
    }
  else
    {
      /* Start from where the unit stood last time. */
      if (unit_id != 0)
        history = kl_store_list_principle_assessments (store, unit_id, principle_id, NULL);
      if (history != NULL && history->len > 0)
        maturity = kl_principle_assessment_get_maturity (g_ptr_array_index (history, history->len - 1));
      date = kl_form_date_for_entry (today);
    }

  unit_position = kl_unit_choice_position (self->unit_ids, unit_id);
  adw_combo_row_set_selected (self->unit_row, unit_position != GTK_INVALID_LIST_POSITION ? unit_position : 0);
  adw_combo_row_set_selected (self->maturity_row, maturity);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);

  return self;
}
