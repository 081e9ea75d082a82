/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "kl-chart-format.h"
#include "kl-chart-months.h"
#include "kl-enums.h"
#include "kl-form.h"
#include "kl-overview-card.h"
#include "kl-overview-training-card.h"

/* The Overview's card of the year's training: hours per month,
 * completed and planned, and hours and cost per theme. */

struct _KlOverviewTrainingCard
{
  GtkBox         parent_instance;

  GtkLabel      *training_title;
  GtkLabel      *training_caption;
  KlChartMonths *months_chart;
  GtkListBox    *training_list;
};

G_DEFINE_FINAL_TYPE (KlOverviewTrainingCard, kl_overview_training_card, GTK_TYPE_BOX)

/**
 * kl_overview_training_card_set_overview:
 * @overview: the figures loaded
 *
 * Shows @overview's figures.
 */
void
kl_overview_training_card_set_overview (KlOverviewTrainingCard *self,
                                        KlOverview             *overview)
{
  KlTrainingSum *total = &overview->training_total;
  g_autofree char *title = NULL;
  g_autofree char *caption = NULL;
  int current_month = 0;

  g_return_if_fail (KL_IS_OVERVIEW_TRAINING_CARD (self));
  g_return_if_fail (overview != NULL);

  /* Translators: %d is a year */
  title = g_strdup_printf (_("Training in %d"), overview->year);
  gtk_label_set_text (self->training_title, title);

  if (total->n_completed == 0)
    /* Translators: %d is a year */
    caption = g_strdup_printf (_("No training completed in %d."), overview->year);
  else
    {
      g_autofree char *hours = kl_chart_format_hours (total->hours);
      g_autofree char *cost = kl_chart_format_money (total->cost_dkk);
      g_autofree char *people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people",
                                                              total->n_people),
                                                 total->n_people);

      /* Translators: hours, cost and people of the year's completed training */
      caption = g_strdup_printf (_("Completed: %s hours costing %s, by %s. A course with several themes counts under each."),
                                 hours, cost, people);
    }
  gtk_label_set_text (self->training_caption, caption);

  if (atoi (overview->today) == overview->year)
    current_month = atoi (overview->today + 5);
  kl_chart_months_set_data (self->months_chart, overview->year, overview->hours_completed,
                            overview->hours_planned, current_month);

  _kl_overview_clear_list (self->training_list);
  for (guint i = 0; i < overview->training->len; i++)
    {
      KlTrainingSum *sum = &g_array_index (overview->training, KlTrainingSum, i);
      g_autofree char *hours = kl_chart_format_hours (sum->hours);
      g_autofree char *hours_text = g_strdup_printf (_("%s hours"), hours);
      g_autofree char *cost = kl_chart_format_money (sum->cost_dkk);
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u completed", "%u completed",
                                                                sum->n_completed),
                                                   sum->n_completed);
      AdwActionRow *row = _kl_overview_action_row_new (sum->name, subtitle);
      GtkWidget *numbers = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *hours_label = gtk_label_new (hours_text);
      GtkWidget *cost_label = gtk_label_new (cost);

      gtk_label_set_xalign (GTK_LABEL (hours_label), 1);
      gtk_label_set_xalign (GTK_LABEL (cost_label), 1);
      gtk_widget_add_css_class (hours_label, "kl-overview-number");
      gtk_widget_add_css_class (cost_label, "kl-overview-number");
      gtk_widget_add_css_class (cost_label, "dim-label");
      gtk_widget_add_css_class (cost_label, "caption");
      gtk_box_append (GTK_BOX (numbers), hours_label);
      gtk_box_append (GTK_BOX (numbers), cost_label);
      gtk_widget_set_valign (numbers, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (row, numbers);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), _("Show the courses"));
      _kl_overview_set_link (row, LINK_SECTION, 0, "courses");
      gtk_list_box_append (self->training_list, GTK_WIDGET (row));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->training_list), overview->training->len > 0);
}

static void
kl_overview_training_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KL_TYPE_OVERVIEW_TRAINING_CARD);

  G_OBJECT_CLASS (kl_overview_training_card_parent_class)->dispose (object);
}

static void
kl_overview_training_card_class_init (KlOverviewTrainingCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kl_overview_training_card_dispose;

  g_type_ensure (KL_TYPE_CHART_MONTHS);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/overview/kl-overview-training-card.ui");
  gtk_widget_class_bind_template_child (widget_class, KlOverviewTrainingCard, training_title);
  gtk_widget_class_bind_template_child (widget_class, KlOverviewTrainingCard, training_caption);
  gtk_widget_class_bind_template_child (widget_class, KlOverviewTrainingCard, months_chart);
  gtk_widget_class_bind_template_child (widget_class, KlOverviewTrainingCard, training_list);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_row_activated",
                                                G_CALLBACK (_kl_overview_on_row_activated));
}

static void
kl_overview_training_card_init (KlOverviewTrainingCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
