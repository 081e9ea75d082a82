/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "kl-back-button.h"
#include "kl-chart-format.h"
#include "kl-enums.h"
#include "kl-form.h"
#include "kl-live.h"
#include "kl-overview-columns.h"
#include "kl-overview-figures-card.h"
#include "kl-overview-gaps-card.h"
#include "kl-overview-overdue-card.h"
#include "kl-overview-page.h"
#include "kl-overview-principles-card.h"
#include "kl-overview-themes-card.h"
#include "kl-overview-training-card.h"
#include "kl-overview-upcoming-card.h"
#include "kl-toast.h"
#include "kl-store-aggregates.h"
#include "kl-unit-choice.h"

/* The Overview: where a unit stands, in one screen. Key figures on top,
 * then cards for the themes, the largest gaps, what is overdue, the
 * year's training, the courses with free seats and the leadership
 * principles. Every figure is a button or a row that leads to the view
 * that explains it. The figures come from the store's aggregate queries,
 * loaded in a worker thread and reloaded once per burst of changes. */

struct _KlOverviewPage
{
  AdwBin          parent_instance;

  KlStore        *store;
  KlStoreWatch   *watch;
  GCancellable   *cancellable;
  gboolean        loading;

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
  KlOverviewFiguresCard    *key_figures_section;
  KlOverviewThemesCard     *themes_section;
  KlOverviewGapsCard       *gaps_section;
  KlOverviewOverdueCard    *overdue_section;
  KlOverviewTrainingCard   *training_section;
  KlOverviewUpcomingCard   *upcoming_section;
  KlOverviewPrinciplesCard *principles_section;
};

G_DEFINE_FINAL_TYPE (KlOverviewPage, kl_overview_page, KL_TYPE_SECTION_PAGE)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Links */

static void
show_theme_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KlOverviewPage *self = KL_OVERVIEW_PAGE (widget);

  /* The matrix of this unit, those furthest below target in the theme
   * first, where the window offers that; else the matrix as it is. */
  if (!gtk_widget_activate_action (widget, "win.show-matrix", "(xx)", self->unit_id,
                                   g_variant_get_int64 (parameter)))
    gtk_widget_activate_action (widget, "win.show-section", "s", "matrix");
}

/* Filling the cards */

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

static void
show_overview (KlOverviewPage *self,
               KlOverview     *overview)
{
  fill_units (self, overview->units);
  self->first_year = overview->first_year;
  fill_years (self);
  gtk_stack_set_visible_child_name (self->state_stack, overview->n_staff_all > 0 ? "overview" : "empty");
  kl_overview_figures_card_set_overview (self->key_figures_section, overview);
  kl_overview_themes_card_set_overview (self->themes_section, overview);
  kl_overview_gaps_card_set_overview (self->gaps_section, overview);
  kl_overview_overdue_card_set_overview (self->overdue_section, overview);
  kl_overview_training_card_set_overview (self->training_section, overview);
  kl_overview_upcoming_card_set_overview (self->upcoming_section, overview);
  kl_overview_principles_card_set_overview (self->principles_section, overview);
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
      kl_store_watch_queue (self->watch);
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

/* GObject */

static void
kl_overview_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KlOverviewPage *self = KL_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, kl_overview_page_get_loading (self));
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
  g_clear_object (&self->watch);
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
  KlSectionPageClass *page_class = KL_SECTION_PAGE_CLASS (klass);

  page_class->set_store = (void (*) (KlSectionPage *, KlStore *))kl_overview_page_set_store;
  object_class->get_property = kl_overview_page_get_property;
  object_class->dispose = kl_overview_page_dispose;
  object_class->finalize = kl_overview_page_finalize;

  /**
   * KlOverviewPage:loading:
   *
   * Whether figures are being loaded.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KL_TYPE_BACK_BUTTON);
  g_type_ensure (KL_TYPE_OVERVIEW_COLUMNS);
  g_type_ensure (KL_TYPE_OVERVIEW_FIGURES_CARD);
  g_type_ensure (KL_TYPE_OVERVIEW_THEMES_CARD);
  g_type_ensure (KL_TYPE_OVERVIEW_GAPS_CARD);
  g_type_ensure (KL_TYPE_OVERVIEW_OVERDUE_CARD);
  g_type_ensure (KL_TYPE_OVERVIEW_TRAINING_CARD);
  g_type_ensure (KL_TYPE_OVERVIEW_UPCOMING_CARD);
  g_type_ensure (KL_TYPE_OVERVIEW_PRINCIPLES_CARD);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/overview/kl-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KlOverviewPage, content);
  gtk_widget_class_bind_template_child (widget_class, KlOverviewPage, title);
  gtk_widget_class_bind_template_child (widget_class, KlOverviewPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, KlOverviewPage, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KlOverviewPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KlOverviewPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, KlOverviewPage, key_figures_section);
  gtk_widget_class_bind_template_child (widget_class, KlOverviewPage, themes_section);
  gtk_widget_class_bind_template_child (widget_class, KlOverviewPage, gaps_section);
  gtk_widget_class_bind_template_child (widget_class, KlOverviewPage, overdue_section);
  gtk_widget_class_bind_template_child (widget_class, KlOverviewPage, training_section);
  gtk_widget_class_bind_template_child (widget_class, KlOverviewPage, upcoming_section);
  gtk_widget_class_bind_template_child (widget_class, KlOverviewPage, principles_section);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_year_selected);

  gtk_widget_class_install_action (widget_class, "overview.show-theme", "x", show_theme_action);
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
  g_clear_object (&self->watch);
  g_set_object (&self->store, store);
  /* Every table counts: the filters' units and years come with the
   * figures. */
  self->watch = kl_live_watch (GTK_WIDGET (self), store, NULL, G_PRIORITY_LOW, G_CALLBACK (reload));

  kl_store_watch_reload_now (self->watch);
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
  if (self->watch != NULL)
    kl_store_watch_reload_now (self->watch);
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
  if (self->watch != NULL)
    kl_store_watch_reload_now (self->watch);
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
  if (self->watch != NULL)
    kl_store_watch_reload_now (self->watch);
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

  return self->loading || (self->watch != NULL && kl_store_watch_get_pending (self->watch));
}
