/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kl-chart-format.h"
#include "kl-chart-levels.h"
#include "kl-enums.h"
#include "kl-form.h"
#include "kl-overview-card.h"
#include "kl-overview-themes-card.h"

/* The Overview's card of competence by theme: how many are at or above
 * target, and how they spread over the levels. */

struct _KlOverviewThemesCard
{
  GtkBox         parent_instance;

  GtkListBox    *themes_list;
};

G_DEFINE_FINAL_TYPE (KlOverviewThemesCard, kl_overview_themes_card, GTK_TYPE_BOX)

/**
 * kl_overview_themes_card_set_overview:
 * @overview: the figures loaded
 *
 * Shows @overview's figures.
 */
void
kl_overview_themes_card_set_overview (KlOverviewThemesCard *self,
                                      KlOverview           *overview)
{
  g_return_if_fail (KL_IS_OVERVIEW_THEMES_CARD (self));
  g_return_if_fail (overview != NULL);

  _kl_overview_clear_list (self->themes_list);

  for (guint i = 0; i < overview->themes->len; i++)
    {
      KlThemeStatus *theme = &g_array_index (overview->themes, KlThemeStatus, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *name = _kl_overview_label_new (theme->name, NULL, NULL);
      g_autofree char *share = kl_chart_format_percent (theme->n_at_target, theme->n_with_target);
      GtkWidget *share_label = _kl_overview_label_new (share, "kl-overview-share", NULL);
      GtkWidget *chart = kl_chart_levels_new ();
      g_autofree char *targets = NULL;
      g_autofree char *covered = NULL;
      g_autofree char *caption = NULL;
      g_autofree char *description = NULL;
      GtkWidget *caption_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gboolean thin = theme->n_covered < KL_COVERAGE_MIN;

      gtk_widget_set_hexpand (name, TRUE);
      gtk_label_set_xalign (GTK_LABEL (share_label), 1);
      gtk_box_append (GTK_BOX (top), name);
      gtk_box_append (GTK_BOX (top), share_label);
      gtk_box_append (GTK_BOX (box), top);

      kl_chart_levels_set_counts (KL_CHART_LEVELS (chart), theme->levels,
                                  theme->n_staff > theme->n_assessed ? theme->n_staff - theme->n_assessed : 0);
      gtk_box_append (GTK_BOX (box), chart);

      if (theme->n_with_target == 0)
        targets = g_strdup (_("No targets set"));
      else
        /* Translators: in a theme's row: people at target of those with a target */
        targets = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u at target", "%u of %u at target",
                                                theme->n_with_target),
                                   theme->n_at_target, theme->n_with_target);
      /* Translators: in a theme's row: how many are at level 3 or above */
      covered = g_strdup_printf (_("%u at level 3 or above"), theme->n_covered);
      if (theme->n_staff > theme->n_assessed)
        {
          guint missing = theme->n_staff - theme->n_assessed;
          g_autofree char *unassessed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u not assessed",
                                                                      "%u not assessed", missing),
                                                         missing);

          caption = g_strdup_printf ("%s · %s · %s", targets, covered, unassessed);
        }
      else
        caption = g_strdup_printf ("%s · %s", targets, covered);
      if (thin)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "warning");
          gtk_widget_set_tooltip_text (icon, _("Fewer than two at level 3 or above: the team is vulnerable here"));
          gtk_box_append (GTK_BOX (caption_box), icon);
        }
      gtk_box_append (GTK_BOX (caption_box),
                      _kl_overview_label_new (caption, "caption", thin ? "warning" : "dim-label", NULL));
      gtk_box_append (GTK_BOX (box), caption_box);

      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_widget_set_margin_top (box, 10);
      gtk_widget_set_margin_bottom (box, 10);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

      /* Translators: a theme's row for assistive technology: theme, share, caption */
      description = g_strdup_printf (_("%s: %s at or above target. %s."), theme->name, share, caption);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
      gtk_widget_set_tooltip_text (row, _("Show in the competence matrix"));
      _kl_overview_set_link (row, LINK_MATRIX_THEME, theme->theme_id, NULL);
      gtk_list_box_append (self->themes_list, row);
    }
}

static void
kl_overview_themes_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KL_TYPE_OVERVIEW_THEMES_CARD);

  G_OBJECT_CLASS (kl_overview_themes_card_parent_class)->dispose (object);
}

static void
kl_overview_themes_card_class_init (KlOverviewThemesCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kl_overview_themes_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/overview/kl-overview-themes-card.ui");
  gtk_widget_class_bind_template_child (widget_class, KlOverviewThemesCard, themes_list);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_row_activated",
                                                G_CALLBACK (_kl_overview_on_row_activated));
}

static void
kl_overview_themes_card_init (KlOverviewThemesCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
