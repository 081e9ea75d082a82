/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kl-chart-format.h"
#include "kl-enums.h"
#include "kl-form.h"
#include "kl-overview-card.h"
#include "kl-overview-principles-card.h"

/* The Overview's card of the leadership principles: each principle's
 * latest self-assessment, or the average over units. */

struct _KlOverviewPrinciplesCard
{
  GtkBox         parent_instance;

  GtkLabel      *principles_caption;
  GtkListBox    *principles_list;
};

G_DEFINE_FINAL_TYPE (KlOverviewPrinciplesCard, kl_overview_principles_card, GTK_TYPE_BOX)

/**
 * kl_overview_principles_card_set_overview:
 * @overview: the figures loaded
 *
 * Shows @overview's figures.
 */
void
kl_overview_principles_card_set_overview (KlOverviewPrinciplesCard *self,
                                          KlOverview               *overview)
{
  guint n_units = 0;

  g_return_if_fail (KL_IS_OVERVIEW_PRINCIPLES_CARD (self));
  g_return_if_fail (overview != NULL);

  _kl_overview_clear_list (self->principles_list);

  for (guint i = 0; i < overview->principles->len; i++)
    {
      KlPrincipleStatus *p = &g_array_index (overview->principles, KlPrincipleStatus, i);
      g_autofree char *subtitle = NULL;
      g_autofree char *value = NULL;
      AdwActionRow *row;
      GtkWidget *bar, *value_label;
      int rounded = (int)floor (p->average_maturity + 0.5);

      n_units = p->n_units;
      if (p->n_assessed == 0)
        subtitle = g_strdup (_("Not assessed yet"));
      else
        {
          g_autofree char *date = kl_format_date (p->assessed_on);

          if (p->n_units <= 1 || p->n_assessed == 1)
            /* Translators: a principle's maturity name and the date of the assessment */
            subtitle = g_strdup_printf (_("%s · assessed %s"), kl_maturity_name (rounded), date);
          else if (p->min_maturity == p->max_maturity)
            /* Translators: a principle's maturity over units: name, assessed units, their maturity */
            subtitle = g_strdup_printf (_("%s · %u units, all at %d"), kl_maturity_name (rounded),
                                        p->n_assessed, p->min_maturity);
          else
            /* Translators: a principle's average maturity over units; name, assessed units, lowest, highest */
            subtitle = g_strdup_printf (_("%s · average of %u units, from %d to %d"),
                                        kl_maturity_name (rounded), p->n_assessed,
                                        p->min_maturity, p->max_maturity);
        }
      if (p->n_overdue_actions > 0)
        {
          g_autofree char *overdue = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action overdue",
                                                                   "%u actions overdue", p->n_overdue_actions),
                                                      p->n_overdue_actions);
          g_autofree char *joined = g_strdup_printf ("%s · %s", subtitle, overdue);

          g_free (subtitle);
          subtitle = g_steal_pointer (&joined);
        }

      row = _kl_overview_action_row_new (p->name, subtitle);
      bar = gtk_level_bar_new_for_interval (0, KL_MATURITY_MAX);
      gtk_level_bar_set_mode (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_MODE_DISCRETE);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), p->n_assessed > 0 ? rounded : 0);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
      gtk_widget_set_size_request (bar, 80, -1);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Maturity"), -1);

      value = p->n_assessed == 0 ? g_strdup ("–")
              : p->n_assessed == 1 ? g_strdup_printf ("%d", p->max_maturity)
              : kl_chart_format_number (p->average_maturity, 1);
      value_label = gtk_label_new (value);
      gtk_widget_add_css_class (value_label, "kl-overview-number");
      gtk_widget_set_size_request (value_label, 28, -1);
      gtk_label_set_xalign (GTK_LABEL (value_label), 1);

      adw_action_row_add_suffix (row, bar);
      adw_action_row_add_suffix (row, value_label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      _kl_overview_set_link (row, LINK_SECTION, 0, "principles");
      gtk_list_box_append (self->principles_list, GTK_WIDGET (row));
    }

  if (n_units > 1)
    gtk_label_set_text (self->principles_caption,
                        _("The latest self-assessment of each principle, from 1 Not started to 5 Embedded; "
                          "the average where several units have made one."));
  else
    gtk_label_set_text (self->principles_caption,
                        _("The unit's latest self-assessment of each principle, from 1 Not started to 5 Embedded."));
}

static void
kl_overview_principles_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KL_TYPE_OVERVIEW_PRINCIPLES_CARD);

  G_OBJECT_CLASS (kl_overview_principles_card_parent_class)->dispose (object);
}

static void
kl_overview_principles_card_class_init (KlOverviewPrinciplesCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kl_overview_principles_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/overview/kl-overview-principles-card.ui");
  gtk_widget_class_bind_template_child (widget_class, KlOverviewPrinciplesCard, principles_caption);
  gtk_widget_class_bind_template_child (widget_class, KlOverviewPrinciplesCard, principles_list);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_row_activated",
                                                G_CALLBACK (_kl_overview_on_row_activated));
}

static void
kl_overview_principles_card_init (KlOverviewPrinciplesCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
