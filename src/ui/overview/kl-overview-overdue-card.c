/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kl-chart-format.h"
#include "kl-enums.h"
#include "kl-form.h"
#include "kl-overview-card.h"
#include "kl-overview-overdue-card.h"

/* The Overview's card of what is overdue: development goals and
 * leadership actions past their due date, the longest overdue first. */

struct _KlOverviewOverdueCard
{
  GtkBox         parent_instance;

  GtkLabel      *overdue_caption;
  GtkListBox    *overdue_list;
};

G_DEFINE_FINAL_TYPE (KlOverviewOverdueCard, kl_overview_overdue_card, GTK_TYPE_BOX)

/**
 * kl_overview_overdue_card_set_overview:
 * @overview: the figures loaded
 *
 * Shows @overview's figures.
 */
void
kl_overview_overdue_card_set_overview (KlOverviewOverdueCard *self,
                                       KlOverview            *overview)
{
  g_autofree char *goals = NULL;
  g_autofree char *actions = NULL;
  g_autofree char *caption = NULL;
  guint total = overview->n_overdue_goals + overview->n_overdue_actions;

  g_return_if_fail (KL_IS_OVERVIEW_OVERDUE_CARD (self));
  g_return_if_fail (overview != NULL);

  _kl_overview_clear_list (self->overdue_list);

  goals = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u development goal", "%u development goals",
                                        overview->n_overdue_goals),
                           overview->n_overdue_goals);
  actions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u leadership action", "%u leadership actions",
                                          overview->n_overdue_actions),
                             overview->n_overdue_actions);
  if (total == 0)
    caption = g_strdup (_("Nothing is past its due date."));
  else
    /* Translators: "2 development goals and 1 leadership action are past their due date." */
    caption = g_strdup_printf (_("%s and %s are past their due date."), goals, actions);
  gtk_label_set_text (self->overdue_caption, caption);

  if (overview->overdue->len == 0)
    {
      _kl_overview_add_placeholder (self->overdue_list, _("Nothing overdue. Well done."));
      return;
    }

  for (guint i = 0; i < overview->overdue->len; i++)
    {
      KlOverdueItem *item = &g_array_index (overview->overdue, KlOverdueItem, i);
      g_autofree char *due = kl_format_date (item->due_on);
      g_autofree char *subtitle = NULL;
      g_autofree char *late = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days",
                                                            item->days_overdue),
                                               item->days_overdue);
      AdwActionRow *row;
      GtkWidget *late_label;

      if (item->kind == KL_OVERDUE_GOAL)
        /* Translators: an overdue goal: the staff member, the due date */
        subtitle = g_strdup_printf (_("Development goal · %s · due %s"), item->staff_name, due);
      else if (item->staff_name != NULL)
        /* Translators: an overdue action: the unit, the owner, the due date */
        subtitle = g_strdup_printf (_("Leadership action · %s · %s · due %s"), item->unit_name,
                                    item->staff_name, due);
      else
        /* Translators: an overdue action: the unit, the due date */
        subtitle = g_strdup_printf (_("Leadership action · %s · due %s"), item->unit_name, due);

      row = _kl_overview_action_row_new (item->title, subtitle);
      late_label = gtk_label_new (late);
      gtk_widget_add_css_class (late_label, "kl-overview-late");
      gtk_widget_set_valign (late_label, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (late_label, _("Days past the due date"));
      adw_action_row_add_suffix (row, late_label);
      adw_action_row_add_suffix (row, _kl_overview_link_icon ());
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      if (item->kind == KL_OVERDUE_GOAL)
        _kl_overview_set_link (row, LINK_STAFF, item->staff_id, NULL);
      else
        _kl_overview_set_link (row, LINK_SECTION, 0, "principles");
      gtk_list_box_append (self->overdue_list, GTK_WIDGET (row));
    }

  if (total > overview->overdue->len)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more",
                                                            "And %u more", total - overview->overdue->len),
                                               total - overview->overdue->len);
      _kl_overview_add_placeholder (self->overdue_list, more);
    }
}

static void
kl_overview_overdue_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KL_TYPE_OVERVIEW_OVERDUE_CARD);

  G_OBJECT_CLASS (kl_overview_overdue_card_parent_class)->dispose (object);
}

static void
kl_overview_overdue_card_class_init (KlOverviewOverdueCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kl_overview_overdue_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/overview/kl-overview-overdue-card.ui");
  gtk_widget_class_bind_template_child (widget_class, KlOverviewOverdueCard, overdue_caption);
  gtk_widget_class_bind_template_child (widget_class, KlOverviewOverdueCard, overdue_list);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_row_activated",
                                                G_CALLBACK (_kl_overview_on_row_activated));
}

static void
kl_overview_overdue_card_init (KlOverviewOverdueCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
