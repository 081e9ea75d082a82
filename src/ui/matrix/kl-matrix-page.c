/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kl-back-button.h"
#include "kl-matrix-legend.h"
#include "kl-matrix-page.h"
#include "kl-matrix-view.h"
#include "kl-unit-choice.h"
#include "kl-live.h"
#include "kl-toast.h"

/* The Competence matrix section: staff × themes, or units × themes,
 * filtered by unit and job title, sorted by name or by the gap in a
 * theme. The figures are loaded in a worker thread, so a big
 * organisation never freezes the window; the page reloads by itself
 * when the data changes, once per burst of changes. */

struct _KlMatrixPage
{
  AdwBin               parent_instance;

  KlStore             *store;
  GCancellable        *cancellable;
  KlStoreWatch        *watch;           /* reloads when shown; see kl-live.h */
  guint                pending;         /* loads under way */

  gint64               unit_id;
  char                *job_title;
  GArray              *unit_ids;        /* dropdown position → unit */
  GPtrArray           *job_titles;      /* dropdown position → title; NULL for all */
  GArray              *menu_themes;     /* the themes in the sort menu */
  GSimpleAction       *sort_action;     /* sort.theme: the menu's radio items */

  GtkBox              *content;
  GtkWidget           *filters;
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton       *menu_button;
  GtkSpinner          *spinner;
  GtkDropDown         *unit_dropdown;
  GtkDropDown         *job_dropdown;
  GtkStack            *state_stack;
  GtkSpinner          *big_spinner;
  AdwViewStack        *view_stack;
  GtkStack            *staff_stack;
  KlMatrixView        *staff_view;
  KlMatrixView        *unit_view;
  KlMatrixLegend      *legend;
};

G_DEFINE_FINAL_TYPE (KlMatrixPage, kl_matrix_page, KL_TYPE_SECTION_PAGE)

enum {
  PROP_0,
  PROP_LOADING,
  PROP_SORT_THEME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (KlMatrixPage *self);

/* The tables the matrix is drawn from. */
static const char * const matrix_tables[] = { "unit", "staff", "assessment", "theme", NULL };

static void
set_loading (KlMatrixPage *self,
             guint         pending)
{
  gboolean was = self->pending > 0;

  self->pending = pending;
  gtk_spinner_set_spinning (self->spinner, pending > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), pending > 0);
  if (was != (pending > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* The dropdowns */

static void
reload_units (KlMatrixPage *self)
{
  g_autoptr(GPtrArray) units = kl_store_list_units (self->store, NULL);
  g_autoptr(GtkStringList) names = kl_unit_choice_names (units, _("All units"), self->unit_ids);
  guint selected = kl_unit_choice_position (self->unit_ids, self->unit_id);

  if (selected == GTK_INVALID_LIST_POSITION)
    {
      selected = 0;
      self->unit_id = 0;
    }
  kl_drop_down_set_quietly (self->unit_dropdown, G_LIST_MODEL (names), selected, self);
}

static void
reload_job_titles (KlMatrixPage *self)
{
  KlAggregateQuery query = { .unit_id = self->unit_id };
  g_auto(GStrv) titles = kl_store_aggregate_job_titles (self->store, &query, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  g_ptr_array_set_size (self->job_titles, 0);
  gtk_string_list_append (names, _("All job titles"));
  g_ptr_array_add (self->job_titles, NULL);
  for (guint i = 0; titles != NULL && titles[i] != NULL; i++)
    {
      gtk_string_list_append (names, titles[i]);
      g_ptr_array_add (self->job_titles, g_strdup (titles[i]));
      if (g_strcmp0 (titles[i], self->job_title) == 0)
        selected = i + 1;
    }
  /* A title nobody in this unit has stays chosen, and shows why the
   * matrix is empty. */
  if (self->job_title != NULL && selected == 0)
    {
      gtk_string_list_append (names, self->job_title);
      g_ptr_array_add (self->job_titles, g_strdup (self->job_title));
      selected = self->job_titles->len - 1;
    }

  kl_drop_down_set_quietly (self->job_dropdown, G_LIST_MODEL (names), selected, self);
}

/* The menu: how to sort, and copying the matrix. */
static void
rebuild_menu (KlMatrixPage *self,
              KlMatrix     *matrix)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) sort = g_menu_new ();
  g_autoptr(GMenu) copy = g_menu_new ();
  g_autoptr(GMenuItem) by_name = NULL;
  gboolean same = self->menu_themes->len == matrix->n_themes;

  for (guint i = 0; same && i < matrix->n_themes; i++)
    same = g_array_index (self->menu_themes, gint64, i) == matrix->themes[i].theme_id;
  if (same && gtk_menu_button_get_menu_model (self->menu_button) != NULL)
    return;

  g_array_set_size (self->menu_themes, 0);
  by_name = g_menu_item_new (_("_Name"), NULL);
  g_menu_item_set_action_and_target_value (by_name, "sort.theme", g_variant_new_int64 (0));
  g_menu_append_item (sort, by_name);
  for (guint i = 0; i < matrix->n_themes; i++)
    {
      /* Translators: a sort order of the matrix; %s is a theme */
      g_autofree char *label = g_strdup_printf (_("Largest Gap in %s"), matrix->themes[i].name);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "sort.theme",
                                               g_variant_new_int64 (matrix->themes[i].theme_id));
      g_menu_append_item (sort, item);
      g_array_append_val (self->menu_themes, matrix->themes[i].theme_id);
    }
  g_menu_append_section (menu, _("Sort By"), G_MENU_MODEL (sort));
  g_menu_append (copy, _("_Copy Matrix as Text"), "matrix.copy");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (copy));
  gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (menu));
}

static void
update_subtitle (KlMatrixPage *self)
{
  KlMatrix *matrix = kl_matrix_view_get_matrix (self->staff_view);
  gint64 sorted = kl_matrix_view_get_sort_theme (self->staff_view);
  int column = matrix && sorted ? kl_matrix_find_theme (matrix, sorted) : -1;
  g_autofree char *people = NULL;
  g_autofree char *subtitle = NULL;

  if (matrix == NULL)
    {
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
      return;
    }
  people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", matrix->n_rows),
                            matrix->n_rows);
  if (column >= 0)
    /* Translators: the matrix's subtitle: how many people, and the theme they are sorted by */
    subtitle = g_strdup_printf (_("%s · largest gap in %s first"), people, matrix->themes[column].name);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle ? subtitle : people);
}

static void
on_sort_change_state (GSimpleAction *action,
                      GVariant      *state,
                      KlMatrixPage  *self)
{
  kl_matrix_view_set_sort_theme (self->staff_view, g_variant_get_int64 (state));
}

static void
on_sort_theme_changed (KlMatrixPage *self)
{
  if (self->sort_action != NULL)
    g_simple_action_set_state (self->sort_action,
                               g_variant_new_int64 (kl_matrix_view_get_sort_theme (self->staff_view)));
  update_subtitle (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_THEME]);
}

static void
on_unit_selected (KlMatrixPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->unit_dropdown);

  if (selected < self->unit_ids->len)
    kl_matrix_page_set_unit (self, g_array_index (self->unit_ids, gint64, selected));
}

static void
on_job_selected (KlMatrixPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->job_dropdown);

  if (selected < self->job_titles->len)
    kl_matrix_page_set_job_title (self, g_ptr_array_index (self->job_titles, selected));
}

/* Loading */

static void
update_state (KlMatrixPage *self)
{
  KlMatrix *staff = kl_matrix_view_get_matrix (self->staff_view);
  gint64 total = self->store ? kl_store_count_staff (self->store, NULL) : 0;

  /* The first load of a big organisation takes a moment. */
  gtk_spinner_set_spinning (self->big_spinner, staff == NULL && total > 0);
  if (total <= 0)
    gtk_stack_set_visible_child_name (self->state_stack, "empty");
  else if (staff == NULL)
    gtk_stack_set_visible_child_name (self->state_stack, "loading");
  else
    gtk_stack_set_visible_child_name (self->state_stack, "matrix");
  gtk_stack_set_visible_child_name (self->staff_stack,
                                    staff != NULL && staff->n_rows == 0 ? "no-matches" : "matrix");
  gtk_widget_set_visible (GTK_WIDGET (self->legend), total > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->menu_button), total > 0);
  gtk_widget_set_visible (self->filters, total > 0);
  /* With nobody to show there is nothing to switch between, and the
   * header shows the section's name. */
  adw_view_stack_page_set_visible (adw_view_stack_get_page (self->view_stack,
                                                            gtk_widget_get_parent (GTK_WIDGET (self->unit_view))),
                                   total > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matrix.copy", staff != NULL && staff->n_rows > 0);
}

static void
on_matrix_loaded (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(KlMatrixPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KlMatrix) matrix = kl_store_load_matrix_finish (KL_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_loading (self, self->pending > 0 ? self->pending - 1 : 0);
  if (matrix == NULL)
    {
      kl_toast_add_title (GTK_WIDGET (self), error->message);
      return;
    }

  if (matrix->kind == KL_MATRIX_STAFF)
    {
      rebuild_menu (self, matrix);
      kl_matrix_view_set_matrix (self->staff_view, matrix);
      update_subtitle (self);
    }
  else
    kl_matrix_view_set_matrix (self->unit_view, matrix);
  update_state (self);
}

static void
load (KlMatrixPage *self)
{
  KlAggregateQuery query = { .unit_id = self->unit_id, .job_title = self->job_title };

  if (self->store == NULL)
    return;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  set_loading (self, 2);
  kl_store_load_matrix_async (self->store, KL_MATRIX_STAFF, &query, self->cancellable,
                              on_matrix_loaded, g_object_ref (self));
  kl_store_load_matrix_async (self->store, KL_MATRIX_UNITS, &query, self->cancellable,
                              on_matrix_loaded, g_object_ref (self));
}

/* Loads now, or when the page is next shown. */
static void
reload (KlMatrixPage *self)
{
  if (self->watch != NULL)
    kl_store_watch_reload_now (self->watch);
}

/* The filters follow at once; the matrix through the watch. */
static void
on_store_changed (KlMatrixPage *self,
                  const char   *table)
{
  if (g_str_equal (table, "unit"))
    reload_units (self);
  if (g_str_equal (table, "unit") || g_str_equal (table, "staff"))
    reload_job_titles (self);
}

/* Actions and clicks */

static void
on_staff_cell_activated (KlMatrixPage *self,
                         gint64        staff_id,
                         gint64        theme_id)
{
  /* The profile shows every theme, with this one's history in it. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-staff", "x", staff_id);
}

static void
on_unit_cell_activated (KlMatrixPage *self,
                        gint64        unit_id,
                        gint64        theme_id)
{
  /* From a unit's row to its people. */
  kl_matrix_page_show_theme (self, unit_id, theme_id);
}

static void
on_view_changed (KlMatrixPage *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  gboolean units = g_strcmp0 (name, "units") == 0;

  if (self->legend != NULL)
    kl_matrix_legend_set_units (self->legend, units);
  if (self->sort_action != NULL)
    g_simple_action_set_enabled (self->sort_action, !units);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KlMatrixPage *self = KL_MATRIX_PAGE (widget);
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  KlMatrixView *view = g_strcmp0 (name, "units") == 0 ? self->unit_view : self->staff_view;
  g_autofree char *text = kl_matrix_view_to_text (view);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  kl_toast_add_title (GTK_WIDGET (self), _("Matrix copied; paste it into a spreadsheet"));
}

static void
kl_matrix_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KlMatrixPage *self = KL_MATRIX_PAGE (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, kl_matrix_page_get_loading (self));
      break;

    case PROP_SORT_THEME:
      g_value_set_int64 (value, kl_matrix_view_get_sort_theme (self->staff_view));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_matrix_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KlMatrixPage *self = KL_MATRIX_PAGE (object);

  switch (prop_id)
    {
    case PROP_SORT_THEME:
      kl_matrix_view_set_sort_theme (self->staff_view, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_matrix_page_dispose (GObject *object)
{
  KlMatrixPage *self = KL_MATRIX_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->watch);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed, self);
  g_clear_object (&self->store);

  /* The box is both a template child and the bin's child. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KL_TYPE_MATRIX_PAGE);

  G_OBJECT_CLASS (kl_matrix_page_parent_class)->dispose (object);
}

static void
kl_matrix_page_finalize (GObject *object)
{
  KlMatrixPage *self = KL_MATRIX_PAGE (object);

  g_clear_pointer (&self->unit_ids, g_array_unref);
  g_clear_pointer (&self->job_titles, g_ptr_array_unref);
  g_clear_pointer (&self->menu_themes, g_array_unref);
  g_clear_object (&self->sort_action);
  g_clear_pointer (&self->job_title, g_free);

  G_OBJECT_CLASS (kl_matrix_page_parent_class)->finalize (object);
}

static void
kl_matrix_page_class_init (KlMatrixPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  KlSectionPageClass *page_class = KL_SECTION_PAGE_CLASS (klass);

  object_class->get_property = kl_matrix_page_get_property;
  object_class->set_property = kl_matrix_page_set_property;
  page_class->set_store = (void (*) (KlSectionPage *, KlStore *))kl_matrix_page_set_store;
  object_class->dispose = kl_matrix_page_dispose;
  object_class->finalize = kl_matrix_page_finalize;

  /**
   * KlMatrixPage:loading:
   *
   * Whether figures are being loaded.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /**
   * KlMatrixPage:sort-theme:
   *
   * The theme whose largest gaps come first among the staff; 0 for by name.
   */
  properties[PROP_SORT_THEME] =
    g_param_spec_int64 ("sort-theme", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KL_TYPE_BACK_BUTTON);
  g_type_ensure (KL_TYPE_MATRIX_VIEW);
  g_type_ensure (KL_TYPE_MATRIX_LEGEND);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/matrix/kl-matrix-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KlMatrixPage, content);
  gtk_widget_class_bind_template_child (widget_class, KlMatrixPage, filters);
  gtk_widget_class_bind_template_child (widget_class, KlMatrixPage, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, KlMatrixPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, KlMatrixPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, KlMatrixPage, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KlMatrixPage, job_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KlMatrixPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, KlMatrixPage, big_spinner);
  gtk_widget_class_bind_template_child (widget_class, KlMatrixPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, KlMatrixPage, staff_stack);
  gtk_widget_class_bind_template_child (widget_class, KlMatrixPage, staff_view);
  gtk_widget_class_bind_template_child (widget_class, KlMatrixPage, unit_view);
  gtk_widget_class_bind_template_child (widget_class, KlMatrixPage, legend);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_job_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_sort_theme_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_staff_cell_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_cell_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_view_changed);

  gtk_widget_class_install_action (widget_class, "matrix.copy", NULL, copy_action);
}

static void
kl_matrix_page_init (KlMatrixPage *self)
{
  self->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->job_titles = g_ptr_array_new_with_free_func (g_free);
  self->menu_themes = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_stack_set_visible_child_name (self->state_stack, "empty");

  {
    g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

    self->sort_action = g_simple_action_new_stateful ("theme", G_VARIANT_TYPE_INT64, g_variant_new_int64 (0));
    g_signal_connect (self->sort_action, "change-state", G_CALLBACK (on_sort_change_state), self);
    g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (self->sort_action));
    gtk_widget_insert_action_group (GTK_WIDGET (self), "sort", G_ACTION_GROUP (group));
  }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matrix.copy", FALSE);
  on_view_changed (self);
}

/**
 * kl_matrix_page_set_store:
 *
 * Shows the matrix of @store; it follows changes to the data by itself.
 */
void
kl_matrix_page_set_store (KlMatrixPage *self,
                          KlStore      *store)
{
  g_return_if_fail (KL_IS_MATRIX_PAGE (self));
  g_return_if_fail (KL_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed, self);
  g_set_object (&self->store, store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_clear_object (&self->watch);
  self->watch = kl_live_watch (GTK_WIDGET (self), store, matrix_tables, G_PRIORITY_LOW, G_CALLBACK (load));

  reload_units (self);
  reload_job_titles (self);
  update_state (self);
  reload (self);
}

/**
 * kl_matrix_page_set_unit:
 * @unit_id: a unit, shown with its sub-units; 0 for all
 */
void
kl_matrix_page_set_unit (KlMatrixPage *self,
                         gint64        unit_id)
{
  guint position;

  g_return_if_fail (KL_IS_MATRIX_PAGE (self));

  if (self->unit_id == unit_id)
    return;
  self->unit_id = unit_id;
  position = kl_unit_choice_position (self->unit_ids, unit_id);
  if (position != GTK_INVALID_LIST_POSITION)
    kl_drop_down_set_quietly (self->unit_dropdown, NULL, position, self);
  if (self->store != NULL)
    reload_job_titles (self);
  reload (self);
}

/**
 * kl_matrix_page_set_job_title:
 * @job_title: (nullable): only staff with this job title; %NULL for all
 */
void
kl_matrix_page_set_job_title (KlMatrixPage *self,
                              const char   *job_title)
{
  g_return_if_fail (KL_IS_MATRIX_PAGE (self));

  if (job_title != NULL && *job_title == '\0')
    job_title = NULL;
  if (g_strcmp0 (self->job_title, job_title) == 0)
    return;
  g_free (self->job_title);
  self->job_title = g_strdup (job_title);
  if (self->store != NULL)
    reload_job_titles (self);
  reload (self);
}

/**
 * kl_matrix_page_show_theme:
 * @unit_id: a unit, or 0 for all
 * @theme_id: a theme, or 0
 *
 * Shows the people of a unit, those furthest below their target in
 * @theme first: where the Overview's gaps lead.
 */
void
kl_matrix_page_show_theme (KlMatrixPage *self,
                           gint64        unit_id,
                           gint64        theme_id)
{
  g_return_if_fail (KL_IS_MATRIX_PAGE (self));

  adw_view_stack_set_visible_child_name (self->view_stack, "staff");
  kl_matrix_page_set_unit (self, unit_id);
  kl_matrix_view_set_sort_theme (self->staff_view, theme_id);
}

/**
 * kl_matrix_page_get_loading:
 *
 * Returns: whether figures are being loaded
 */
gboolean
kl_matrix_page_get_loading (KlMatrixPage *self)
{
  g_return_val_if_fail (KL_IS_MATRIX_PAGE (self), FALSE);

  return self->pending > 0 || (self->watch != NULL && kl_store_watch_get_pending (self->watch));
}

/**
 * kl_matrix_page_get_staff_view:
 *
 * Returns: (transfer none): the staff × themes view
 */
KlMatrixView *
kl_matrix_page_get_staff_view (KlMatrixPage *self)
{
  g_return_val_if_fail (KL_IS_MATRIX_PAGE (self), NULL);

  return self->staff_view;
}

/**
 * kl_matrix_page_get_unit_view:
 *
 * Returns: (transfer none): the units × themes view
 */
KlMatrixView *
kl_matrix_page_get_unit_view (KlMatrixPage *self)
{
  g_return_val_if_fail (KL_IS_MATRIX_PAGE (self), NULL);

  return self->unit_view;
}
