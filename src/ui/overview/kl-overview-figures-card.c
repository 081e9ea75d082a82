/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kl-chart-format.h"
#include "kl-enums.h"
#include "kl-form.h"
#include "kl-overview-card.h"
#include "kl-overview-figures-card.h"

/* The key figures on top of the Overview: staff, the share at target,
 * thin themes, the year's training hours and what is overdue, each a
 * tile that leads to the view that explains it. */

struct _KlOverviewFiguresCard
{
  GtkBox         parent_instance;

  GtkFlowBox    *key_figures;
};

G_DEFINE_FINAL_TYPE (KlOverviewFiguresCard, kl_overview_figures_card, GTK_TYPE_BOX)

static void
add_tile (KlOverviewFiguresCard *self,
          const char            *value,
          const char            *caption,
          const char            *detail,
          gboolean               warning,
          KlOverviewLinkKind     kind,
          const char            *section)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *value_label = _kl_overview_label_new (value, "kl-overview-value", NULL);
  GtkWidget *caption_label;
  g_autofree char *tooltip = NULL;

  if (warning)
    gtk_widget_add_css_class (value_label, "warning");
  gtk_box_append (GTK_BOX (box), value_label);
  caption_label = _kl_overview_label_new (caption, "kl-overview-caption", NULL);
  gtk_label_set_max_width_chars (GTK_LABEL (caption_label), 24);
  gtk_box_append (GTK_BOX (box), caption_label);
  if (detail != NULL)
    gtk_box_append (GTK_BOX (box), _kl_overview_label_new (detail, "caption", "dim-label", NULL));
  gtk_widget_set_valign (box, GTK_ALIGN_START);

  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "card");
  gtk_widget_add_css_class (button, "kl-overview-tile");
  tooltip = detail ? g_strdup_printf ("%s %s. %s", value, caption, detail) : g_strdup_printf ("%s %s", value, caption);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  _kl_overview_set_link (button, kind, 0, section);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (_kl_overview_follow_link), button);
  gtk_flow_box_append (self->key_figures, button);
}

/**
 * kl_overview_figures_card_set_overview:
 * @overview: the figures loaded
 *
 * Shows @overview's figures.
 */
void
kl_overview_figures_card_set_overview (KlOverviewFiguresCard *self,
                                       KlOverview            *overview)
{
  g_autofree char *staff = g_strdup_printf ("%" G_GINT64_FORMAT, overview->n_staff);
  g_autofree char *share = NULL;
  g_autofree char *share_detail = NULL;
  g_autofree char *thin = NULL;
  g_autofree char *hours = kl_chart_format_hours (overview->training_total.hours);
  g_autofree char *hours_caption = NULL;
  g_autofree char *cost = kl_chart_format_money (overview->training_total.cost_dkk);
  g_autofree char *goals = g_strdup_printf ("%u", overview->n_overdue_goals);
  g_autofree char *actions = g_strdup_printf ("%u", overview->n_overdue_actions);
  guint at = 0, with = 0, n_thin = 0;
  GtkWidget *child;

  g_return_if_fail (KL_IS_OVERVIEW_FIGURES_CARD (self));
  g_return_if_fail (overview != NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->key_figures))) != NULL)
    gtk_flow_box_remove (self->key_figures, child);

  for (guint i = 0; i < overview->themes->len; i++)
    {
      KlThemeStatus *theme = &g_array_index (overview->themes, KlThemeStatus, i);

      at += theme->n_at_target;
      with += theme->n_with_target;
      n_thin += theme->n_covered < KL_COVERAGE_MIN;
    }
  share = kl_chart_format_percent (at, with);
  /* Translators: under the share at target: assessments at target of those with a target */
  share_detail = g_strdup_printf (_("%u of %u targets met"), at, with);
  thin = g_strdup_printf ("%u", n_thin);
  /* Translators: %d is a year */
  hours_caption = g_strdup_printf (_("Training hours in %d"), overview->year);

  add_tile (self, staff, _("Staff employed"), NULL, FALSE, LINK_SECTION, "staff");
  add_tile (self, share, _("At or above target"), share_detail, FALSE, LINK_MATRIX_THEME, NULL);
  add_tile (self, thin, _("Themes with fewer than two at level 3 or above"), NULL, n_thin > 0,
            LINK_MATRIX_THEME, NULL);
  add_tile (self, hours, hours_caption, cost, FALSE, LINK_SECTION, "courses");
  add_tile (self, goals, _("Overdue development goals"), NULL, overview->n_overdue_goals > 0,
            LINK_SECTION, "staff");
  add_tile (self, actions, _("Overdue leadership actions"), NULL, overview->n_overdue_actions > 0,
            LINK_SECTION, "principles");
}

static void
kl_overview_figures_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KL_TYPE_OVERVIEW_FIGURES_CARD);

  G_OBJECT_CLASS (kl_overview_figures_card_parent_class)->dispose (object);
}

static void
kl_overview_figures_card_class_init (KlOverviewFiguresCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kl_overview_figures_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/overview/kl-overview-figures-card.ui");
  gtk_widget_class_bind_template_child (widget_class, KlOverviewFiguresCard, key_figures);
}

static void
kl_overview_figures_card_init (KlOverviewFiguresCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
