/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "kl-back-button.h"
#include "kl-chart-format.h"
#include "kl-chart-levels.h"
#include "kl-chart-months.h"
#include "kl-enums.h"
#include "kl-form.h"
#include "kl-overview-columns.h"
#include "kl-overview-page.h"
#include "kl-toast.h"
#include "kl-store-aggregates.h"
#include "kl-unit-choice.h"

/* The Overview: where a unit stands, in one screen. Key figures on top,
 * then cards for the themes, the largest gaps, what is overdue, the
 * year's training, the courses with free seats and the leadership
 * principles. Every figure is a button or a row that leads to the view
 * that explains it. The figures come from the store's aggregate queries,
 * loaded in a worker thread and reloaded once per burst of changes. */

typedef enum
{
  LINK_SECTION,        /* name */
  LINK_MATRIX_THEME,   /* id: a theme, or 0 */
  LINK_STAFF,          /* id: a staff member */
} LinkKind;

typedef struct
{
  LinkKind  kind;
  gint64    id;
  char     *section;
} Link;

struct _KlOverviewPage
{
  AdwBin          parent_instance;

  KlStore        *store;
  GCancellable   *cancellable;
  guint           reload_source;
  gboolean        loading;
  gboolean        dirty;

  gint64          unit_id;
  int             year;           /* 0: this year */
  int             first_year;     /* of the year filter; 0 until loaded */
  char           *today;          /* NULL: the real today */
  GArray         *unit_ids;
  GArray         *years;

  GtkBox         *content;
  AdwWindowTitle *title;
  GtkSpinner     *spinner;
  GtkDropDown    *unit_dropdown;
  GtkDropDown    *year_dropdown;
  GtkStack       *state_stack;
  GtkFlowBox     *key_figures;
  GtkListBox     *themes_list;
  GtkListBox     *gaps_list;
  GtkListBox     *overdue_list;
  GtkLabel       *overdue_caption;
  GtkLabel       *training_title;
  GtkLabel       *training_caption;
  KlChartMonths  *months_chart;
  GtkListBox     *training_list;
  GtkListBox     *upcoming_list;
  GtkLabel       *principles_caption;
  GtkListBox     *principles_list;
};

G_DEFINE_FINAL_TYPE (KlOverviewPage, kl_overview_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GQuark link_quark;

static void reload (KlOverviewPage *self);

/* Links */

static void
link_free (gpointer data)
{
  Link *link = data;

  g_free (link->section);
  g_free (link);
}

static void
set_link (gpointer    object,
          LinkKind    kind,
          gint64      id,
          const char *section)
{
  Link *link = g_new0 (Link, 1);

  link->kind = kind;
  link->id = id;
  link->section = g_strdup (section);
  g_object_set_qdata_full (G_OBJECT (object), link_quark, link, link_free);
}


static void
follow_link (KlOverviewPage *self,
             GObject        *object)
{
  Link *link = g_object_get_qdata (object, link_quark);

  if (link == NULL)
    return;

  switch (link->kind)
    {
    case LINK_STAFF:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-staff", "x", link->id);
      break;

    case LINK_MATRIX_THEME:
      /* The matrix of this unit, those furthest below target in the theme
       * first, where the window offers that; else the matrix as it is. */
      if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.show-matrix", "(xx)", self->unit_id, link->id))
        gtk_widget_activate_action (GTK_WIDGET (self), "win.show-section", "s", "matrix");
      break;

    case LINK_SECTION:
    default:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-section", "s", link->section);
      break;
    }
}

static void
on_row_activated (KlOverviewPage *self,
                  GtkListBoxRow  *row)
{
  follow_link (self, G_OBJECT (row));
}

static void
on_tile_clicked (GtkButton      *button,
                 KlOverviewPage *self)
{
  follow_link (self, G_OBJECT (button));
}

/* Building blocks */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
label_new (const char *text,
           const char *css_class,
           ...)
{
  GtkWidget *label = gtk_label_new (text);
  va_list args;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  va_start (args, css_class);
  for (const char *c = css_class; c != NULL; c = va_arg (args, const char *))
    gtk_widget_add_css_class (label, c);
  va_end (args);
  return label;
}

static GtkWidget *
link_icon (void)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("go-next-symbolic");

  gtk_widget_add_css_class (icon, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, NULL, -1);
  return icon;
}

static AdwActionRow *
action_row_new (const char *title,
                const char *subtitle)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, subtitle);
  adw_action_row_set_title_lines (row, 2);
  adw_action_row_set_subtitle_lines (row, 3);
  return row;
}

static void
add_placeholder (GtkListBox *list,
                 const char *text)
{
  GtkWidget *label = label_new (text, "dim-label", NULL);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (list, row);
}

static void
add_tile (KlOverviewPage *self,
          const char     *value,
          const char     *caption,
          const char     *detail,
          gboolean        warning,
          LinkKind        kind,
          const char     *section)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *value_label = label_new (value, "kl-overview-value", NULL);
  GtkWidget *caption_label;
  g_autofree char *tooltip = NULL;

  if (warning)
    gtk_widget_add_css_class (value_label, "warning");
  gtk_box_append (GTK_BOX (box), value_label);
  caption_label = label_new (caption, "kl-overview-caption", NULL);
  gtk_label_set_max_width_chars (GTK_LABEL (caption_label), 24);
  gtk_box_append (GTK_BOX (box), caption_label);
  if (detail != NULL)
    gtk_box_append (GTK_BOX (box), label_new (detail, "caption", "dim-label", NULL));
  gtk_widget_set_valign (box, GTK_ALIGN_START);

  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "card");
  gtk_widget_add_css_class (button, "kl-overview-tile");
  tooltip = detail ? g_strdup_printf ("%s %s. %s", value, caption, detail) : g_strdup_printf ("%s %s", value, caption);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  set_link (button, kind, 0, section);
  g_signal_connect (button, "clicked", G_CALLBACK (on_tile_clicked), self);
  gtk_flow_box_append (self->key_figures, button);
}

/* Filling the cards */

static void
fill_key_figures (KlOverviewPage *self,
                  KlOverview     *overview)
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
fill_themes (KlOverviewPage *self,
             KlOverview     *overview)
{
  clear_list (self->themes_list);

  for (guint i = 0; i < overview->themes->len; i++)
    {
      KlThemeStatus *theme = &g_array_index (overview->themes, KlThemeStatus, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *name = label_new (theme->name, NULL, NULL);
      g_autofree char *share = kl_chart_format_percent (theme->n_at_target, theme->n_with_target);
      GtkWidget *share_label = label_new (share, "kl-overview-share", NULL);
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
                      label_new (caption, "caption", thin ? "warning" : "dim-label", NULL));
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
      set_link (row, LINK_MATRIX_THEME, theme->theme_id, NULL);
      gtk_list_box_append (self->themes_list, row);
    }
}

static void
fill_gaps (KlOverviewPage *self,
           KlOverview     *overview)
{
  clear_list (self->gaps_list);

  if (overview->gaps->len == 0)
    {
      add_placeholder (self->gaps_list, _("No gaps: everyone assessed is at or above their target."));
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
      AdwActionRow *row = action_row_new (theme->name, subtitle);
      GtkWidget *rank_label = gtk_label_new (rank);

      gtk_widget_add_css_class (rank_label, "kl-overview-rank");
      gtk_widget_set_valign (rank_label, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (row, rank_label);
      adw_action_row_add_suffix (row, link_icon ());
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), _("Show who is furthest below target"));
      set_link (row, LINK_MATRIX_THEME, theme->theme_id, NULL);
      gtk_list_box_append (self->gaps_list, GTK_WIDGET (row));
    }
}

static void
fill_overdue (KlOverviewPage *self,
              KlOverview     *overview)
{
  g_autofree char *goals = NULL;
  g_autofree char *actions = NULL;
  g_autofree char *caption = NULL;
  guint total = overview->n_overdue_goals + overview->n_overdue_actions;

  clear_list (self->overdue_list);

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
      add_placeholder (self->overdue_list, _("Nothing overdue. Well done."));
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

      row = action_row_new (item->title, subtitle);
      late_label = gtk_label_new (late);
      gtk_widget_add_css_class (late_label, "kl-overview-late");
      gtk_widget_set_valign (late_label, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (late_label, _("Days past the due date"));
      adw_action_row_add_suffix (row, late_label);
      adw_action_row_add_suffix (row, link_icon ());
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      if (item->kind == KL_OVERDUE_GOAL)
        set_link (row, LINK_STAFF, item->staff_id, NULL);
      else
        set_link (row, LINK_SECTION, 0, "principles");
      gtk_list_box_append (self->overdue_list, GTK_WIDGET (row));
    }

  if (total > overview->overdue->len)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more",
                                                            "And %u more", total - overview->overdue->len),
                                               total - overview->overdue->len);
      add_placeholder (self->overdue_list, more);
    }
}

static void
fill_training (KlOverviewPage *self,
               KlOverview     *overview)
{
  KlTrainingSum *total = &overview->training_total;
  g_autofree char *title = NULL;
  g_autofree char *caption = NULL;
  int current_month = 0;

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

  clear_list (self->training_list);
  for (guint i = 0; i < overview->training->len; i++)
    {
      KlTrainingSum *sum = &g_array_index (overview->training, KlTrainingSum, i);
      g_autofree char *hours = kl_chart_format_hours (sum->hours);
      g_autofree char *hours_text = g_strdup_printf (_("%s hours"), hours);
      g_autofree char *cost = kl_chart_format_money (sum->cost_dkk);
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u completed", "%u completed",
                                                                sum->n_completed),
                                                   sum->n_completed);
      AdwActionRow *row = action_row_new (sum->name, subtitle);
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
      set_link (row, LINK_SECTION, 0, "courses");
      gtk_list_box_append (self->training_list, GTK_WIDGET (row));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->training_list), overview->training->len > 0);
}

static void
fill_upcoming (KlOverviewPage *self,
               KlOverview     *overview)
{
  clear_list (self->upcoming_list);

  if (overview->upcoming->len == 0)
    {
      add_placeholder (self->upcoming_list, _("No course with free seats starts in the next 60 days."));
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

      row = action_row_new (course->title, subtitle);
      seats_label = gtk_label_new (seats);
      gtk_widget_add_css_class (seats_label, "kl-overview-pill");
      gtk_widget_set_valign (seats_label, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (row, seats_label);
      adw_action_row_add_suffix (row, link_icon ());
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      set_link (row, LINK_SECTION, 0, "courses");
      gtk_list_box_append (self->upcoming_list, GTK_WIDGET (row));
    }
}

static void
fill_principles (KlOverviewPage *self,
                 KlOverview     *overview)
{
  guint n_units = 0;

  clear_list (self->principles_list);

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

      row = action_row_new (p->name, subtitle);
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
      set_link (row, LINK_SECTION, 0, "principles");
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
update_title (KlOverviewPage *self,
              KlOverview     *overview)
{
  guint selected = gtk_drop_down_get_selected (self->unit_dropdown);
  GtkStringObject *item = gtk_drop_down_get_selected_item (self->unit_dropdown);
  g_autofree char *unit = g_strdup (item ? gtk_string_object_get_string (item) : "");
  g_autofree char *date = kl_format_date (overview->today);
  g_autofree char *subtitle = NULL;

  g_strstrip (unit);
  if (selected == 0 || *unit == '\0')
    /* Translators: the Overview's subtitle for all units: the date */
    subtitle = g_strdup_printf (_("All units · %s"), date);
  else
    subtitle = g_strdup_printf ("%s · %s", unit, date);
  adw_window_title_set_subtitle (self->title, subtitle);
}

static void fill_units   (KlOverviewPage *self,
                          GPtrArray      *units);
static void fill_years   (KlOverviewPage *self);
static void queue_reload (KlOverviewPage *self);

static void
show_overview (KlOverviewPage *self,
               KlOverview     *overview)
{
  fill_units (self, overview->units);
  self->first_year = overview->first_year;
  fill_years (self);
  gtk_stack_set_visible_child_name (self->state_stack, overview->n_staff_all > 0 ? "overview" : "empty");
  fill_key_figures (self, overview);
  fill_themes (self, overview);
  fill_gaps (self, overview);
  fill_overdue (self, overview);
  fill_training (self, overview);
  fill_upcoming (self, overview);
  fill_principles (self, overview);
  update_title (self, overview);
}

/* Filters */

static gboolean
same_strings (GListModel    *model,
              GtkStringList *names)
{
  guint n;

  if (model == NULL || !GTK_IS_STRING_LIST (model))
    return FALSE;
  n = g_list_model_get_n_items (model);
  if (n != g_list_model_get_n_items (G_LIST_MODEL (names)))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i),
                   gtk_string_list_get_string (names, i)) != 0)
      return FALSE;
  return TRUE;
}

static void
fill_units (KlOverviewPage *self,
            GPtrArray      *units)
{
  g_autoptr(GtkStringList) names = kl_unit_choice_names (units, _("All units"), self->unit_ids);
  guint selected = kl_unit_choice_position (self->unit_ids, self->unit_id);
  GListModel *current;

  /* The unit shown was deleted meanwhile. */
  if (selected == GTK_INVALID_LIST_POSITION)
    {
      selected = 0;
      self->unit_id = 0;
      queue_reload (self);
    }
  /* The figures reload after every change; the drop-down's rows are only
   * built again when the units did change (the same model is a no-op). */
  current = gtk_drop_down_get_model (self->unit_dropdown);
  kl_drop_down_set_quietly (self->unit_dropdown, same_strings (current, names) ? current : G_LIST_MODEL (names),
                            selected, self);
  gtk_widget_set_visible (GTK_WIDGET (self->unit_dropdown), self->unit_ids->len > 2);
}

static int
this_year (KlOverviewPage *self)
{
  g_autofree char *today = self->today ? g_strdup (self->today) : kl_aggregate_today ();

  return atoi (today);
}

static void
fill_years (KlOverviewPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  int current = this_year (self);
  int first = self->first_year ? MIN (self->first_year, current) : current;
  guint selected = 0;

  g_array_set_size (self->years, 0);
  for (int year = current; year >= first; year--)
    {
      char text[16];

      g_snprintf (text, sizeof text, "%d", year);
      gtk_string_list_append (names, text);
      g_array_append_val (self->years, year);
      if (year == (self->year ? self->year : current))
        selected = self->years->len - 1;
    }
  kl_drop_down_set_quietly (self->year_dropdown, G_LIST_MODEL (names), selected, self);
}

static void
on_unit_selected (KlOverviewPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->unit_dropdown);

  if (selected < self->unit_ids->len)
    kl_overview_page_set_unit (self, g_array_index (self->unit_ids, gint64, selected));
}

static void
on_year_selected (KlOverviewPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->year_dropdown);

  if (selected < self->years->len)
    kl_overview_page_set_year (self, g_array_index (self->years, int, selected));
}

/* Loading */

static void
set_loading (KlOverviewPage *self,
             gboolean        loading)
{
  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
on_overview_loaded (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(KlOverviewPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KlOverview) overview = kl_store_load_overview_finish (KL_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_loading (self, FALSE);
  if (overview == NULL)
    {
      kl_toast_add_title (GTK_WIDGET (self), error->message);
      return;
    }
  show_overview (self, overview);
}

static void
reload (KlOverviewPage *self)
{
  KlAggregateQuery query = { .unit_id = self->unit_id };
  g_autofree char *today = NULL;
  int current;

  if (self->store == NULL)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  self->dirty = FALSE;

  /* A past year is shown as it stood at its end. */
  current = this_year (self);
  query.year = self->year ? self->year : current;
  if (query.year < current)
    today = g_strdup_printf ("%04d-12-31", query.year);
  else
    today = g_strdup (self->today);
  query.today = today;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  set_loading (self, TRUE);
  kl_store_load_overview_async (self->store, &query, self->cancellable, on_overview_loaded,
                                g_object_ref (self));
}

static gboolean
reload_idle (gpointer data)
{
  KlOverviewPage *self = data;

  self->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
queue_reload (KlOverviewPage *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_LOW, reload_idle, self, NULL);
}

static void
on_store_changed (KlOverviewPage *self,
                  const char     *table)
{
  /* The filters' units and years come with the figures. */
  queue_reload (self);
}

/* GObject */

static void
kl_overview_page_map (GtkWidget *widget)
{
  KlOverviewPage *self = KL_OVERVIEW_PAGE (widget);

  GTK_WIDGET_CLASS (kl_overview_page_parent_class)->map (widget);
  if (self->dirty)
    queue_reload (self);
}

static void
kl_overview_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KlOverviewPage *self = KL_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, kl_overview_page_get_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_overview_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KlOverviewPage *self = KL_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      if (g_value_get_object (value) != NULL)
        kl_overview_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_overview_page_dispose (GObject *object)
{
  KlOverviewPage *self = KL_OVERVIEW_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed, self);
  g_clear_object (&self->store);

  /* The box is both a template child and the bin's child. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KL_TYPE_OVERVIEW_PAGE);

  G_OBJECT_CLASS (kl_overview_page_parent_class)->dispose (object);
}

static void
kl_overview_page_finalize (GObject *object)
{
  KlOverviewPage *self = KL_OVERVIEW_PAGE (object);

  g_clear_pointer (&self->unit_ids, g_array_unref);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (kl_overview_page_parent_class)->finalize (object);
}

static void
kl_overview_page_class_init (KlOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = kl_overview_page_get_property;
  object_class->set_property = kl_overview_page_set_property;
  object_class->dispose = kl_overview_page_dispose;
  object_class->finalize = kl_overview_page_finalize;
  widget_class->map = kl_overview_page_map;

  /**
   * KlOverviewPage:loading:
   *
   * Whether figures are being loaded.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         KL_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  link_quark = g_quark_from_static_string ("kl-overview-link");

  g_type_ensure (KL_TYPE_BACK_BUTTON);
  g_type_ensure (KL_TYPE_CHART_MONTHS);
  g_type_ensure (KL_TYPE_OVERVIEW_COLUMNS);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/overview/kl-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KlOverviewPage, content);
  gtk_widget_class_bind_template_child (widget_class, KlOverviewPage, title);
  gtk_widget_class_bind_template_child (widget_class, KlOverviewPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, KlOverviewPage, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KlOverviewPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KlOverviewPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, KlOverviewPage, key_figures);
  gtk_widget_class_bind_template_child (widget_class, KlOverviewPage, themes_list);
  gtk_widget_class_bind_template_child (widget_class, KlOverviewPage, gaps_list);
  gtk_widget_class_bind_template_child (widget_class, KlOverviewPage, overdue_list);
  gtk_widget_class_bind_template_child (widget_class, KlOverviewPage, overdue_caption);
  gtk_widget_class_bind_template_child (widget_class, KlOverviewPage, training_title);
  gtk_widget_class_bind_template_child (widget_class, KlOverviewPage, training_caption);
  gtk_widget_class_bind_template_child (widget_class, KlOverviewPage, months_chart);
  gtk_widget_class_bind_template_child (widget_class, KlOverviewPage, training_list);
  gtk_widget_class_bind_template_child (widget_class, KlOverviewPage, upcoming_list);
  gtk_widget_class_bind_template_child (widget_class, KlOverviewPage, principles_caption);
  gtk_widget_class_bind_template_child (widget_class, KlOverviewPage, principles_list);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_year_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
kl_overview_page_init (KlOverviewPage *self)
{
  self->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->years = g_array_new (FALSE, FALSE, sizeof (int));

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
}

/**
 * kl_overview_page_set_store:
 *
 * Sums up @store; the page follows changes to the data by itself.
 */
void
kl_overview_page_set_store (KlOverviewPage *self,
                            KlStore        *store)
{
  g_return_if_fail (KL_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (KL_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed, self);
  g_set_object (&self->store, store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);

  reload (self);
}

/**
 * kl_overview_page_set_unit:
 * @unit_id: a unit, summed up with its sub-units; 0 for all
 */
void
kl_overview_page_set_unit (KlOverviewPage *self,
                           gint64          unit_id)
{
  guint position;

  g_return_if_fail (KL_IS_OVERVIEW_PAGE (self));

  if (self->unit_id == unit_id)
    return;
  self->unit_id = unit_id;
  position = kl_unit_choice_position (self->unit_ids, unit_id);
  if (position != GTK_INVALID_LIST_POSITION && gtk_drop_down_get_selected (self->unit_dropdown) != position)
    kl_drop_down_set_quietly (self->unit_dropdown, NULL, position, self);
  reload (self);
}

/**
 * kl_overview_page_set_year:
 * @year: the year of the training figures; a past year shows everything
 *   as it stood at its end; 0 for this year
 */
void
kl_overview_page_set_year (KlOverviewPage *self,
                           int             year)
{
  g_return_if_fail (KL_IS_OVERVIEW_PAGE (self));

  if (year == this_year (self))
    year = 0;
  if (self->year == year)
    return;
  self->year = year;
  fill_years (self);
  reload (self);
}

/**
 * kl_overview_page_set_today:
 * @today: (nullable): the day to measure "current" and "overdue" on, as
 *   YYYY-MM-DD; %NULL for the real today
 */
void
kl_overview_page_set_today (KlOverviewPage *self,
                            const char     *today)
{
  g_return_if_fail (KL_IS_OVERVIEW_PAGE (self));

  g_free (self->today);
  self->today = g_strdup (today);
  self->year = 0;
  fill_years (self);
  reload (self);
}

/**
 * kl_overview_page_get_loading:
 *
 * Returns: whether figures are being loaded
 */
gboolean
kl_overview_page_get_loading (KlOverviewPage *self)
{
  g_return_val_if_fail (KL_IS_OVERVIEW_PAGE (self), FALSE);

  return self->loading || self->reload_source != 0;
}
