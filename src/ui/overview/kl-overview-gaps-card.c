/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kl-chart-format.h"
#include "kl-enums.h"
#include "kl-form.h"
#include "kl-overview-card.h"
#include "kl-overview-gaps-card.h"

/* The Overview's card of the largest gaps: the themes where staff are
 * furthest below their targets. */

struct _KlOverviewGapsCard
{
  GtkBox         parent_instance;

  GtkListBox    *gaps_list;
};

G_DEFINE_FINAL_TYPE (KlOverviewGapsCard, kl_overview_gaps_card, GTK_TYPE_BOX)

/**
 * kl_overview_gaps_card_set_overview:
 * @overview: the figures loaded
 *
 * Shows @overview's figures.
 */
void
kl_overview_gaps_card_set_overview (KlOverviewGapsCard *self,
                                    KlOverview         *overview)
{
  g_return_if_fail (KL_IS_OVERVIEW_GAPS_CARD (self));
  g_return_if_fail (overview != NULL);

  _kl_overview_clear_list (self->gaps_list);

  if (overview->gaps->len == 0)
    {
      _kl_overview_add_placeholder (self->gaps_list, _("No gaps: everyone assessed is at or above their target."));
      return;
    }

  for (guint i = 0; i < overview->gaps->len; i++)
    {
      KlThemeStatus *theme = &g_array_index (overview->gaps, KlThemeStatus, i);
      g_autofree char *below = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person below target",
                                                             "%u people below target", theme->n_below_target),
                                                theme->n_below_target);
      g_autofree char *short_by = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u level short in all",
                                                                "%u levels short in all", theme->gap),
                                                   theme->gap);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", below, short_by);
      g_autofree char *rank = g_strdup_printf ("%u", i + 1);
      AdwActionRow *row = _kl_overview_action_row_new (theme->name, subtitle);
      GtkWidget *rank_label = gtk_label_new (rank);

      gtk_widget_add_css_class (rank_label, "kl-overview-rank");
      gtk_widget_set_valign (rank_label, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (row, rank_label);
      adw_action_row_add_suffix (row, _kl_overview_link_icon ());
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), _("Show who is furthest below target"));
      _kl_overview_set_link (row, LINK_MATRIX_THEME, theme->theme_id, NULL);
      gtk_list_box_append (self->gaps_list, GTK_WIDGET (row));
    }
}

static void
kl_overview_gaps_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KL_TYPE_OVERVIEW_GAPS_CARD);

  G_OBJECT_CLASS (kl_overview_gaps_card_parent_class)->dispose (object);
}

static void
kl_overview_gaps_card_class_init (KlOverviewGapsCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kl_overview_gaps_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/overview/kl-overview-gaps-card.ui");
  gtk_widget_class_bind_template_child (widget_class, KlOverviewGapsCard, gaps_list);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_row_activated",
                                                G_CALLBACK (_kl_overview_on_row_activated));
}

static void
kl_overview_gaps_card_init (KlOverviewGapsCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
