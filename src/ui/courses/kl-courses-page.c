/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kl-back-button.h"
#include "kl-course-detail.h"
#include "kl-course-dialog.h"
#include "kl-courses-page.h"
#include "kl-form.h"
#include "kl-record-list.h"

/* The course catalogue: search, filter by time and theme, sort by date or
 * title; a course's page beside it (or instead of it when narrow). */
struct _KlCoursesPage
{
  AdwBin              parent_instance;

  KlStore            *store;
  KlRecordList       *courses;
  GtkCustomFilter    *filter;
  GtkCustomSorter    *sorter;
  GtkSingleSelection *selection;
  GPtrArray          *theme_uuids;   /* position in theme_dropdown - 1 → uuid */
  GHashTable         *theme_names;   /* uuid → display name */
  char               *search;
  char               *today;
  gboolean            sort_by_title;
  gint64              shown;

  AdwLeaflet         *leaflet;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *when_dropdown;
  GtkDropDown        *theme_dropdown;
  GtkEntry           *from_entry;
  GtkEntry           *to_entry;
  char               *from;            /* period, YYYY-MM-DD or NULL */
  char               *to;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  GtkStack           *detail_stack;
  AdwWindowTitle     *detail_title;
  AdwWindowTitle     *list_title;
  KlCourseDetail     *detail;
};

G_DEFINE_FINAL_TYPE (KlCoursesPage, kl_courses_page, KL_TYPE_SECTION_PAGE)

static KlCoursesPage *row_page;   /* for the row closures: one page per window */

static char *
course_row_subtitle (gpointer  unused,
                     KlCourse *course)
{
  g_autofree char *starts = NULL;
  const char *provider;

  if (course == NULL)
    return NULL;
  starts = kl_format_date (kl_course_get_starts_on (course));
  provider = kl_course_get_provider (course);
  if (kl_course_get_status (course) == KL_COURSE_STATUS_CANCELLED)
    /* Translators: a cancelled course in the list: "4 May 2026 · VIA · cancelled" */
    return g_strdup_printf (_("%s · %s · cancelled"), starts, provider && *provider ? provider : "–");
  {
    g_autofree char *hours = kl_format_number (kl_course_get_hours (course), 1);
    /* Translators: a course in the list: "4 May 2026 · 14 hours · VIA" */
    g_autofree char *when = g_strdup_printf (_("%s · %s hours"), starts, hours);

    if (provider == NULL || *provider == '\0')
      return g_steal_pointer (&when);
    return g_strdup_printf ("%s · %s", when, provider);
  }
}

static char *
course_row_themes (gpointer  unused,
                   KlCourse *course)
{
  const char * const *ids = course ? kl_course_get_theme_ids (course) : NULL;
  GString *out = g_string_new (NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      const char *name = row_page ? g_hash_table_lookup (row_page->theme_names, ids[i]) : NULL;
      g_string_append_printf (out, "%s%s", out->len ? " · " : "", name ? name : ids[i]);
    }
  return g_string_free (out, FALSE);
}

static char *
course_row_seats (gpointer  unused,
                  KlCourse *course)
{
  if (course == NULL)
    return NULL;
  if (kl_course_get_capacity (course) < 0)
    return g_strdup_printf ("%d", kl_course_get_seats_taken (course));
  return g_strdup_printf ("%d/%d", kl_course_get_seats_taken (course), kl_course_get_capacity (course));
}

static char *
course_row_seats_tooltip (gpointer  unused,
                          KlCourse *course)
{
  int taken = course ? kl_course_get_seats_taken (course) : 0;
  int waiting = course ? kl_course_get_waitlisted (course) : 0;
  g_autofree char *seats = NULL;

  if (course == NULL)
    return NULL;
  if (kl_course_get_capacity (course) < 0)
    seats = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d participant, no seat limit",
                                          "%d participants, no seat limit", taken), taken);
  else
    seats = g_strdup_printf (_("%d of %d seats taken"), taken, kl_course_get_capacity (course));
  if (waiting == 0)
    return g_steal_pointer (&seats);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s; %d on the waiting list",
                                       "%s; %d on the waiting list", waiting), seats, waiting);
}

static gboolean
matches_search (KlCoursesPage *self,
                KlCourse      *course)
{
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;

  if (self->search == NULL)
    return TRUE;
  text = g_strjoin ("\n", kl_course_get_title (course), kl_course_get_provider (course) ?: "",
                    kl_course_get_location (course) ?: "", NULL);
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, self->search) != NULL;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  KlCoursesPage *self = user_data;
  KlCourse *course = item;
  gboolean cancelled = kl_course_get_status (course) == KL_COURSE_STATUS_CANCELLED;
  gboolean past = strcmp (kl_course_get_ends_on (course), self->today) < 0;
  gboolean upcoming = strcmp (kl_course_get_starts_on (course), self->today) > 0;
  guint theme = gtk_drop_down_get_selected (self->theme_dropdown);
  gboolean keep;

  switch ((KlCourseFilter)gtk_drop_down_get_selected (self->when_dropdown))
    {
    case KL_COURSE_FILTER_CURRENT:
      keep = !cancelled && !past;
      break;
    case KL_COURSE_FILTER_UPCOMING:
      keep = !cancelled && upcoming;
      break;
    case KL_COURSE_FILTER_RUNNING:
      keep = !cancelled && !upcoming && !past;
      break;
    case KL_COURSE_FILTER_PAST:
      keep = !cancelled && past;
      break;
    case KL_COURSE_FILTER_CANCELLED:
      keep = cancelled;
      break;
    case KL_COURSE_FILTER_ALL:
    default:
      keep = TRUE;
    }

  /* A course is in the period when it runs on any day of it. */
  if (keep && self->from != NULL && strcmp (kl_course_get_ends_on (course), self->from) < 0)
    keep = FALSE;
  if (keep && self->to != NULL && strcmp (kl_course_get_starts_on (course), self->to) > 0)
    keep = FALSE;

  if (keep && theme > 0 && theme <= self->theme_uuids->len)
    keep = g_strv_contains (kl_course_get_theme_ids (course), g_ptr_array_index (self->theme_uuids, theme - 1));

  return keep && matches_search (self, course);
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  KlCoursesPage *self = user_data;
  KlCourse *x = (KlCourse *)a, *y = (KlCourse *)b;
  int result;

  if (self->sort_by_title)
    result = g_utf8_collate (kl_course_get_title (x), kl_course_get_title (y));
  else
    result = strcmp (kl_course_get_starts_on (x), kl_course_get_starts_on (y));
  return result != 0 ? result : g_utf8_collate (kl_course_get_title (x), kl_course_get_title (y));
}

static void
update_list_state (KlCoursesPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint total = self->courses ? g_list_model_get_n_items (G_LIST_MODEL (self->courses)) : 0;
  g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u course", "%u courses", shown),
                                               shown);

  gtk_stack_set_visible_child_name (self->list_stack, total == 0 ? "empty" : shown == 0 ? "no-results" : "list");
  adw_window_title_set_subtitle (self->list_title, total > 0 ? subtitle : NULL);
}

static void
refilter (KlCoursesPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_free (self->today);
  self->today = g_date_time_format (now, "%Y-%m-%d");
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_list_state (self);
}

static void
on_filter_changed (KlCoursesPage *self)
{
  if (self->theme_uuids != NULL)
    refilter (self);
}

static void
read_period_entry (GtkEntry  *entry,
                   char     **out)
{
  g_autofree char *iso = kl_parse_user_date (gtk_editable_get_text (GTK_EDITABLE (entry)));

  /* Half-typed dates filter nothing yet; a wrong one is marked. */
  if (iso == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  g_free (*out);
  *out = iso != NULL && *iso != '\0' ? g_steal_pointer (&iso) : NULL;
}

static void
on_period_changed (KlCoursesPage *self)
{
  read_period_entry (self->from_entry, &self->from);
  read_period_entry (self->to_entry, &self->to);
  if (self->theme_uuids != NULL)
    refilter (self);
}

static void
on_search_changed (KlCoursesPage *self)
{
  kl_courses_page_set_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_search_activate (KlCoursesPage *self)
{
  g_autoptr(KlCourse) first = g_list_model_get_item (G_LIST_MODEL (self->selection), 0);

  if (first != NULL)
    kl_courses_page_show_course (self, kl_record_get_id (KL_RECORD (first)));
}

static void
on_row_activated (KlCoursesPage *self,
                  guint          position)
{
  g_autoptr(KlCourse) course = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (course != NULL)
    kl_courses_page_show_course (self, kl_record_get_id (KL_RECORD (course)));
}

static void
reload_themes (KlCoursesPage *self)
{
  g_autoptr(GPtrArray) themes = kl_store_list_themes (self->store, TRUE, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->theme_uuids, 0);
  g_hash_table_remove_all (self->theme_names);
  gtk_string_list_append (names, _("All themes"));
  for (guint i = 0; themes != NULL && i < themes->len; i++)
    {
      KlTheme *theme = g_ptr_array_index (themes, i);
      const char *name = kl_theme_get_builtin (theme) ? _(kl_theme_get_name (theme)) : kl_theme_get_name (theme);

      g_hash_table_insert (self->theme_names, g_strdup (kl_record_get_uuid (KL_RECORD (theme))), g_strdup (name));
      if (kl_theme_get_archived (theme))
        continue;
      gtk_string_list_append (names, name);
      g_ptr_array_add (self->theme_uuids, g_strdup (kl_record_get_uuid (KL_RECORD (theme))));
    }
  g_signal_handlers_block_by_func (self->theme_dropdown, on_filter_changed, self);
  gtk_drop_down_set_model (self->theme_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->theme_dropdown, 0);
  g_signal_handlers_unblock_by_func (self->theme_dropdown, on_filter_changed, self);
}

static void
on_store_changed (KlCoursesPage *self,
                  const char    *table)
{
  if (g_str_equal (table, "theme"))
    reload_themes (self);
  if (self->shown != 0 && g_str_equal (table, "course"))
    {
      g_autoptr(KlRecord) shown = kl_store_get_record (self->store, KL_TYPE_COURSE, self->shown, NULL);

      if (shown == NULL)
        kl_courses_page_show_course (self, 0);
      else
        adw_window_title_set_title (self->detail_title, kl_course_get_title (KL_COURSE (shown)));
    }
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  KlCoursesPage *self = KL_COURSES_PAGE (widget);
  KlCourseDialog *dialog = kl_course_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store, NULL);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (kl_courses_page_show_course), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  adw_leaflet_navigate (KL_COURSES_PAGE (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KlCoursesPage *self = KL_COURSES_PAGE (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
sort_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KlCoursesPage *self = KL_COURSES_PAGE (widget);

  self->sort_by_title = g_str_equal (g_variant_get_string (parameter, NULL), "title");
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

static void
kl_courses_page_dispose (GObject *object)
{
  KlCoursesPage *self = (KlCoursesPage *)object;

  if (row_page == self)
    row_page = NULL;
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KL_TYPE_COURSES_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->courses);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kl_courses_page_parent_class)->dispose (object);
}

static void
kl_courses_page_finalize (GObject *object)
{
  KlCoursesPage *self = (KlCoursesPage *)object;

  g_clear_pointer (&self->theme_uuids, g_ptr_array_unref);
  g_clear_pointer (&self->theme_names, g_hash_table_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);

  G_OBJECT_CLASS (kl_courses_page_parent_class)->finalize (object);
}

static void
kl_courses_page_class_init (KlCoursesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  KlSectionPageClass *page_class = KL_SECTION_PAGE_CLASS (klass);

  page_class->set_store = (void (*) (KlSectionPage *, KlStore *))kl_courses_page_set_store;
  object_class->dispose = kl_courses_page_dispose;
  object_class->finalize = kl_courses_page_finalize;

  g_type_ensure (KL_TYPE_BACK_BUTTON);
  g_type_ensure (KL_TYPE_COURSE_DETAIL);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/courses/kl-courses-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KlCoursesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KlCoursesPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, KlCoursesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KlCoursesPage, when_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KlCoursesPage, theme_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KlCoursesPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, KlCoursesPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, KlCoursesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, KlCoursesPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, KlCoursesPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, KlCoursesPage, detail_title);
  gtk_widget_class_bind_template_child (widget_class, KlCoursesPage, list_title);
  gtk_widget_class_bind_template_child (widget_class, KlCoursesPage, detail);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_period_changed);

  gtk_widget_class_install_action (widget_class, "courses.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "courses.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "courses.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "courses.sort", "s", sort_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "courses.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "courses.add", NULL);
}

static void
kl_courses_page_init (KlCoursesPage *self)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;
  GtkListItemFactory *factory;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->today = g_date_time_format (now, "%Y-%m-%d");
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->sorter = gtk_custom_sorter_new (sort_func, self, NULL);
  filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered), GTK_SORTER (self->sorter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (update_list_state), self,
                           G_CONNECT_SWAPPED);

  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "course_row_subtitle", G_CALLBACK (course_row_subtitle),
                                           "course_row_themes", G_CALLBACK (course_row_themes),
                                           "course_row_seats", G_CALLBACK (course_row_seats),
                                           "course_row_seats_tooltip", G_CALLBACK (course_row_seats_tooltip),
                                           NULL);
  factory = gtk_builder_list_item_factory_new_from_resource (scope, RESOURCE_BASE_PATH "/ui/courses/kl-course-row.ui");
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  self->theme_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  row_page = self;
}

void
kl_courses_page_set_store (KlCoursesPage *self,
                           KlStore       *store)
{
  GtkFilterListModel *filtered;

  g_return_if_fail (KL_IS_COURSES_PAGE (self));
  g_return_if_fail (KL_IS_STORE (store));

  g_set_object (&self->store, store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  self->theme_uuids = g_ptr_array_new_with_free_func (g_free);
  reload_themes (self);

  g_clear_object (&self->courses);
  self->courses = kl_record_list_new_courses (store);
  filtered = GTK_FILTER_LIST_MODEL (gtk_sort_list_model_get_model (GTK_SORT_LIST_MODEL (
                                      gtk_single_selection_get_model (self->selection))));
  gtk_filter_list_model_set_model (filtered, G_LIST_MODEL (self->courses));
  update_list_state (self);
}

GListModel *
kl_courses_page_get_model (KlCoursesPage *self)
{
  g_return_val_if_fail (KL_IS_COURSES_PAGE (self), NULL);

  return G_LIST_MODEL (self->selection);
}

/**
 * kl_courses_page_show_course:
 * @course_id: a course, or 0 for none
 */
void
kl_courses_page_show_course (KlCoursesPage *self,
                             gint64         course_id)
{
  g_autoptr(KlRecord) course = NULL;

  g_return_if_fail (KL_IS_COURSES_PAGE (self));

  if (course_id != 0 && self->store != NULL)
    course = kl_store_get_record (self->store, KL_TYPE_COURSE, course_id, NULL);
  self->shown = course ? course_id : 0;
  kl_course_detail_set_course (self->detail, self->store, self->shown);
  adw_window_title_set_title (self->detail_title, course ? kl_course_get_title (KL_COURSE (course)) : "");
  gtk_stack_set_visible_child_name (self->detail_stack, course ? "detail" : "none");
  if (course != NULL)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

gint64
kl_courses_page_get_shown (KlCoursesPage *self)
{
  g_return_val_if_fail (KL_IS_COURSES_PAGE (self), 0);

  return self->shown;
}

void
kl_courses_page_set_search (KlCoursesPage *self,
                            const char    *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));

  g_return_if_fail (KL_IS_COURSES_PAGE (self));

  g_free (self->search);
  self->search = *trimmed ? g_utf8_casefold (trimmed, -1) : NULL;
  if (self->search != NULL)
    gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text ? text : "") != 0)
    {
      g_signal_handlers_block_by_func (self->search_entry, on_search_changed, self);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
      g_signal_handlers_unblock_by_func (self->search_entry, on_search_changed, self);
    }
  refilter (self);
}

/**
 * kl_courses_page_set_filter:
 * @theme_uuid: (nullable): only courses on this theme
 */
void
kl_courses_page_set_filter (KlCoursesPage  *self,
                            KlCourseFilter  filter,
                            const char     *theme_uuid)
{
  guint theme = 0;

  g_return_if_fail (KL_IS_COURSES_PAGE (self));

  for (guint i = 0; theme_uuid != NULL && i < self->theme_uuids->len; i++)
    if (g_str_equal (g_ptr_array_index (self->theme_uuids, i), theme_uuid))
      theme = i + 1;
  gtk_drop_down_set_selected (self->when_dropdown, filter);
  gtk_drop_down_set_selected (self->theme_dropdown, theme);
  refilter (self);
}
