/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kl-chart-format.h"
#include "kl-enums.h"
#include "kl-form.h"
#include "kl-overview-card.h"
#include "kl-overview-upcoming-card.h"

/* The Overview's card of courses with free seats starting soon. */

struct _KlOverviewUpcomingCard
{
  GtkBox         parent_instance;

  GtkListBox    *upcoming_list;
};

G_DEFINE_FINAL_TYPE (KlOverviewUpcomingCard, kl_overview_upcoming_card, GTK_TYPE_BOX)

/**
 * kl_overview_upcoming_card_set_overview:
 * @overview: the figures loaded
 *
 * Shows @overview's figures.
 */
void
kl_overview_upcoming_card_set_overview (KlOverviewUpcomingCard *self,
                                        KlOverview             *overview)
{
  g_return_if_fail (KL_IS_OVERVIEW_UPCOMING_CARD (self));
  g_return_if_fail (overview != NULL);

  _kl_overview_clear_list (self->upcoming_list);

  if (overview->upcoming->len == 0)
    {
      _kl_overview_add_placeholder (self->upcoming_list, _("No course with free seats starts in the next 60 days."));
      return;
    }

  for (guint i = 0; i < overview->upcoming->len; i++)
    {
      KlUpcomingCourse *course = &g_array_index (overview->upcoming, KlUpcomingCourse, i);
      g_autofree char *starts = kl_format_date (course->starts_on);
      g_autofree char *hours = kl_chart_format_hours (course->hours);
      g_autofree char *subtitle = NULL;
      g_autofree char *seats = NULL;
      AdwActionRow *row;
      GtkWidget *seats_label;

      if (course->n_signed_up > 0)
        /* Translators: an upcoming course: start date, hours, people signed up */
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Starts %s · %s hours · %u of yours signed up",
                                                 "Starts %s · %s hours · %u of yours signed up",
                                                 course->n_signed_up),
                                    starts, hours, course->n_signed_up);
      else
        /* Translators: an upcoming course: start date, hours */
        subtitle = g_strdup_printf (_("Starts %s · %s hours"), starts, hours);

      if (course->free_seats < 0)
        seats = g_strdup (_("No seat limit"));
      else
        seats = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d free seat", "%d free seats",
                                              course->free_seats),
                                 course->free_seats);

      row = _kl_overview_action_row_new (course->title, subtitle);
      seats_label = gtk_label_new (seats);
      gtk_widget_add_css_class (seats_label, "kl-overview-pill");
      gtk_widget_set_valign (seats_label, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (row, seats_label);
      adw_action_row_add_suffix (row, _kl_overview_link_icon ());
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      _kl_overview_set_link (row, LINK_SECTION, 0, "courses");
      gtk_list_box_append (self->upcoming_list, GTK_WIDGET (row));
    }
}

static void
kl_overview_upcoming_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KL_TYPE_OVERVIEW_UPCOMING_CARD);

  G_OBJECT_CLASS (kl_overview_upcoming_card_parent_class)->dispose (object);
}

static void
kl_overview_upcoming_card_class_init (KlOverviewUpcomingCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kl_overview_upcoming_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/overview/kl-overview-upcoming-card.ui");
  gtk_widget_class_bind_template_child (widget_class, KlOverviewUpcomingCard, upcoming_list);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_row_activated",
                                                G_CALLBACK (_kl_overview_on_row_activated));
}

static void
kl_overview_upcoming_card_init (KlOverviewUpcomingCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
