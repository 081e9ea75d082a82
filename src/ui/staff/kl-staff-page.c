/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kl-back-button.h"
#include "kl-record-list.h"
#include "kl-staff-dialog.h"
#include "kl-staff-page.h"
#include "kl-staff-profile.h"
#include "kl-unit-choice.h"
#include "kl-toast.h"

typedef enum { SORT_NAME, SORT_UNIT, SORT_GAP } SortKey;

struct _KlStaffPage
{
  AdwBin               parent_instance;

  KlStore             *store;
  KlRecordList        *staff;
  GtkCustomFilter     *filter;
  GtkCustomSorter     *sorter;
  GtkFilterListModel  *filtered;
  GtkSingleSelection  *selection;
  GArray              *unit_ids;
  char                *search;         /* casefolded */
  gint64               unit_id;
  gboolean             show_left;
  SortKey              sort;
  gint64               pending_delete; /* hidden until its toast is gone */
  gint64               shown;

  AdwLeaflet          *leaflet;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *unit_dropdown;
  GtkStack            *list_stack;
  GtkListView         *list_view;
  GtkStack            *profile_stack;
  AdwWindowTitle      *profile_title;
  AdwWindowTitle      *list_title;
  KlStaffProfile      *profile;
};

G_DEFINE_FINAL_TYPE (KlStaffPage, kl_staff_page, KL_TYPE_SECTION_PAGE)

enum {
  PROP_0,
  PROP_SHOW_LEFT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GQuark search_key_quark;

/* Row texts for the list item template. */

static char *
staff_row_subtitle (gpointer  unused,
                    KlStaff  *staff)
{
  const char *job;

  if (staff == NULL)
    return NULL;
  job = kl_staff_get_job_title (staff);
  if (kl_staff_get_left_on (staff) != NULL)
    /* Translators: staff row for someone who has left: "Pædagog · Team Nord · left" */
    return g_strdup_printf (_("%s · %s · left"), job && *job ? job : "–", kl_staff_get_unit_name (staff));
  if (job == NULL || *job == '\0')
    return g_strdup (kl_staff_get_unit_name (staff));
  return g_strdup_printf ("%s · %s", job, kl_staff_get_unit_name (staff));
}

static char *
staff_row_gap (gpointer  unused,
               KlStaff  *staff)
{
  return staff ? g_strdup_printf ("%d", kl_staff_get_themes_below_target (staff)) : NULL;
}

static gboolean
staff_row_has_gap (gpointer  unused,
                   KlStaff  *staff)
{
  return staff != NULL && kl_staff_get_themes_below_target (staff) > 0;
}

static char *
staff_row_gap_tooltip (gpointer  unused,
                       KlStaff  *staff)
{
  int n = staff ? kl_staff_get_themes_below_target (staff) : 0;

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d theme below target", "%d themes below target", n), n);
}

/* Search matches name, job title and e-mail, ignoring case; the folded
 * text is kept on the record so a keystroke does not fold 10,000 names. */
static const char *
search_key (KlStaff *staff)
{
  const char *key = g_object_get_qdata (G_OBJECT (staff), search_key_quark);

  if (key == NULL)
    {
      g_autofree char *joined = g_strjoin ("\n", kl_staff_get_name (staff),
                                           kl_staff_get_job_title (staff) ?: "",
                                           kl_staff_get_email (staff) ?: "", NULL);
      char *folded = g_utf8_casefold (joined, -1);

      g_object_set_qdata_full (G_OBJECT (staff), search_key_quark, folded, g_free);
      key = folded;
    }
  return key;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  KlStaffPage *self = user_data;
  KlStaff *staff = item;

  if (kl_record_get_id (item) == self->pending_delete)
    return FALSE;
  if (self->search != NULL && strstr (search_key (staff), self->search) == NULL)
    return FALSE;
  return TRUE;
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  KlStaffPage *self = user_data;
  KlStaff *x = (KlStaff *)a, *y = (KlStaff *)b;
  int result = 0;

  if (self->sort == SORT_UNIT)
    result = g_utf8_collate (kl_staff_get_unit_name (x), kl_staff_get_unit_name (y));
  else if (self->sort == SORT_GAP)
    result = kl_staff_get_themes_below_target (y) - kl_staff_get_themes_below_target (x);

  if (result == 0)
    result = g_utf8_collate (kl_staff_get_name (x), kl_staff_get_name (y));
  return result;
}

static void
update_list_state (KlStaffPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint total = self->staff ? g_list_model_get_n_items (G_LIST_MODEL (self->staff)) : 0;
  g_autofree char *subtitle = NULL;

  if (total == 0 && self->unit_id == 0 && self->search == NULL)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");

  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", shown), shown);
  adw_window_title_set_subtitle (self->list_title, total > 0 ? subtitle : NULL);
}

static void
on_items_changed (KlStaffPage *self)
{
  update_list_state (self);
}

static void
reload_staff (KlStaffPage *self)
{
  g_autoptr(KlRecordList) staff = NULL;

  if (self->store == NULL)
    return;

  staff = kl_record_list_new_staff (self->store, self->unit_id, self->show_left);
  g_set_object (&self->staff, staff);
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (self->staff));
  update_list_state (self);
}

static void
reload_units (KlStaffPage *self)
{
  g_autoptr(GPtrArray) units = kl_store_list_units (self->store, NULL);
  g_autoptr(GtkStringList) names = kl_unit_choice_names (units, _("All units"), self->unit_ids);
  guint selected = kl_unit_choice_position (self->unit_ids, self->unit_id);

  kl_drop_down_set_quietly (self->unit_dropdown, G_LIST_MODEL (names),
                            selected == GTK_INVALID_LIST_POSITION ? 0 : selected, self);
  gtk_widget_set_visible (GTK_WIDGET (self->unit_dropdown), self->unit_ids->len > 2);
}

static void
on_store_changed (KlStaffPage *self,
                  const char  *table)
{
  if (g_str_equal (table, "unit"))
    reload_units (self);
  if (self->shown != 0 && g_str_equal (table, "staff"))
    {
      g_autoptr(KlRecord) shown = kl_store_get_record (self->store, KL_TYPE_STAFF, self->shown, NULL);

      if (shown == NULL)
        kl_staff_page_show_staff (self, 0);
      else
        adw_window_title_set_title (self->profile_title, kl_staff_get_name (KL_STAFF (shown)));
    }
}

static void
on_unit_changed (KlStaffPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->unit_dropdown);

  if (selected < self->unit_ids->len)
    kl_staff_page_set_unit (self, g_array_index (self->unit_ids, gint64, selected));
}

static void
on_search_changed (KlStaffPage *self)
{
  kl_staff_page_set_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_search_activate (KlStaffPage *self)
{
  /* Enter opens the first match. */
  g_autoptr(KlStaff) first = g_list_model_get_item (G_LIST_MODEL (self->selection), 0);

  if (first != NULL)
    kl_staff_page_show_staff (self, kl_record_get_id (KL_RECORD (first)));
}

static void
on_row_activated (KlStaffPage *self,
                  guint        position)
{
  g_autoptr(KlStaff) staff = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (staff != NULL)
    kl_staff_page_show_staff (self, kl_record_get_id (KL_RECORD (staff)));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  KlStaffPage *self = KL_STAFF_PAGE (widget);
  KlStaffDialog *dialog = kl_staff_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store, NULL);

  kl_staff_dialog_set_unit (dialog, self->unit_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (kl_staff_page_show_staff), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KlStaffPage *self = KL_STAFF_PAGE (widget);
  g_autoptr(KlStaff) staff = KL_STAFF (kl_store_get_record (self->store, KL_TYPE_STAFF, self->shown, NULL));
  KlStaffDialog *dialog;

  if (staff == NULL)
    return;
  dialog = kl_staff_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store, staff);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_error (KlStaffPage  *self,
            const GError *error)
{
  kl_toast_add (GTK_WIDGET (self), adw_toast_new (error->message));
}

static void
mark_left_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KlStaffPage *self = KL_STAFF_PAGE (widget);
  g_autoptr(KlStaff) staff = KL_STAFF (kl_store_get_record (self->store, KL_TYPE_STAFF, self->shown, NULL));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (staff == NULL)
    return;

  /* The history stays; the person leaves the default list. */
  kl_staff_set_left_on (staff, kl_staff_get_left_on (staff) ? NULL : today);
  if (!kl_store_save_staff (self->store, staff, &error))
    {
      show_error (self, error);
      return;
    }
  title = kl_staff_get_left_on (staff)
          ? g_strdup_printf (_("%s is marked as having left"), kl_staff_get_name (staff))
          : g_strdup_printf (_("%s is employed again"), kl_staff_get_name (staff));
  kl_toast_add (GTK_WIDGET (self), adw_toast_new (title));
}

static void
finish_delete (KlStaffPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = self->pending_delete;

  if (id == 0)
    return;
  self->pending_delete = 0;
  if (!kl_store_delete_staff (self->store, id, &error))
    show_error (self, error);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
}

static void
on_delete_toast_dismissed (KlStaffPage *self)
{
  finish_delete (self);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KlStaffPage *self = KL_STAFF_PAGE (widget);
  gint64 id = self->pending_delete;

  self->pending_delete = 0;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
  if (id != 0)
    kl_staff_page_show_staff (self, id);
}

/* Deleting is undoable: the person disappears at once, and is really
 * deleted when the toast goes away without Undo. */
static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KlStaffPage *self = KL_STAFF_PAGE (widget);
  g_autoptr(KlStaff) staff = KL_STAFF (kl_store_get_record (self->store, KL_TYPE_STAFF, self->shown, NULL));
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (staff == NULL)
    return;

  finish_delete (self);
  self->pending_delete = self->shown;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_MORE_STRICT);
  kl_staff_page_show_staff (self, 0);

  title = g_strdup_printf (_("Deleted %s"), kl_staff_get_name (staff));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "staff.undo-delete");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_delete_toast_dismissed), self,
                           G_CONNECT_SWAPPED);
  kl_toast_add (GTK_WIDGET (self), toast);
}

static void
demo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KlStaffPage *self = KL_STAFF_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!kl_store_fill_demo (self->store, &error))
    show_error (self, error);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KlStaffPage *self = KL_STAFF_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KlStaffPage *self = KL_STAFF_PAGE (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
sort_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KlStaffPage *self = KL_STAFF_PAGE (widget);
  const char *key = g_variant_get_string (parameter, NULL);

  self->sort = g_str_equal (key, "unit") ? SORT_UNIT : g_str_equal (key, "gap") ? SORT_GAP : SORT_NAME;
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

static void
kl_staff_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KlStaffPage *self = KL_STAFF_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOW_LEFT:
      g_value_set_boolean (value, self->show_left);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_staff_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KlStaffPage *self = KL_STAFF_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOW_LEFT:
      if (self->show_left != g_value_get_boolean (value))
        {
          self->show_left = g_value_get_boolean (value);
          reload_staff (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_staff_page_dispose (GObject *object)
{
  KlStaffPage *self = (KlStaffPage *)object;

  finish_delete (self);
  /* The leaflet is both a template child and the bin's child: let the
   * bin let go of it first, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KL_TYPE_STAFF_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->staff);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kl_staff_page_parent_class)->dispose (object);
}

static void
kl_staff_page_finalize (GObject *object)
{
  KlStaffPage *self = (KlStaffPage *)object;

  g_clear_pointer (&self->unit_ids, g_array_unref);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (kl_staff_page_parent_class)->finalize (object);
}

static void
kl_staff_page_class_init (KlStaffPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  KlSectionPageClass *page_class = KL_SECTION_PAGE_CLASS (klass);

  page_class->set_store = (void (*) (KlSectionPage *, KlStore *))kl_staff_page_set_store;
  object_class->dispose = kl_staff_page_dispose;
  object_class->finalize = kl_staff_page_finalize;
  object_class->get_property = kl_staff_page_get_property;
  object_class->set_property = kl_staff_page_set_property;

  /* Staff who have left keep their history but are hidden by default. */
  properties[PROP_SHOW_LEFT] =
    g_param_spec_boolean ("show-left", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  search_key_quark = g_quark_from_static_string ("kl-search-key");

  g_type_ensure (KL_TYPE_BACK_BUTTON);
  g_type_ensure (KL_TYPE_STAFF_PROFILE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/staff/kl-staff-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KlStaffPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KlStaffPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, KlStaffPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KlStaffPage, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KlStaffPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, KlStaffPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, KlStaffPage, profile_stack);
  gtk_widget_class_bind_template_child (widget_class, KlStaffPage, profile_title);
  gtk_widget_class_bind_template_child (widget_class, KlStaffPage, list_title);
  gtk_widget_class_bind_template_child (widget_class, KlStaffPage, profile);

  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_changed);

  gtk_widget_class_install_action (widget_class, "staff.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "staff.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "staff.mark-left", NULL, mark_left_action);
  gtk_widget_class_install_action (widget_class, "staff.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "staff.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_install_action (widget_class, "staff.demo", NULL, demo_action);
  gtk_widget_class_install_action (widget_class, "staff.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "staff.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "staff.sort", "s", sort_action);
  gtk_widget_class_install_property_action (widget_class, "staff.show-left", "show-left");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "staff.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "staff.add", NULL);
}

static void
kl_staff_page_init (KlStaffPage *self)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr(GtkSortListModel) sorted = NULL;
  GtkListItemFactory *factory;

  self->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->sorter = gtk_custom_sorter_new (sort_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filtered), GTK_SORTER (self->sorter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (on_items_changed), self,
                           G_CONNECT_SWAPPED);

  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "staff_row_subtitle", G_CALLBACK (staff_row_subtitle),
                                           "staff_row_gap", G_CALLBACK (staff_row_gap),
                                           "staff_row_has_gap", G_CALLBACK (staff_row_has_gap),
                                           "staff_row_gap_tooltip", G_CALLBACK (staff_row_gap_tooltip),
                                           NULL);
  factory = gtk_builder_list_item_factory_new_from_resource (scope, RESOURCE_BASE_PATH "/ui/staff/kl-staff-row.ui");
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
}

/**
 * kl_staff_page_set_store:
 *
 * Shows the staff of @store; the list updates itself when data changes.
 */
void
kl_staff_page_set_store (KlStaffPage *self,
                         KlStore     *store)
{
  g_return_if_fail (KL_IS_STAFF_PAGE (self));
  g_return_if_fail (KL_IS_STORE (store));

  g_set_object (&self->store, store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  reload_units (self);
  reload_staff (self);
}

/**
 * kl_staff_page_get_model:
 *
 * Returns: (transfer none): what the list shows, filtered and sorted
 */
GListModel *
kl_staff_page_get_model (KlStaffPage *self)
{
  g_return_val_if_fail (KL_IS_STAFF_PAGE (self), NULL);

  return G_LIST_MODEL (self->selection);
}

/**
 * kl_staff_page_show_staff:
 * @staff_id: a staff member, or 0 for nobody
 *
 * Opens a person's profile.
 */
void
kl_staff_page_show_staff (KlStaffPage *self,
                          gint64       staff_id)
{
  g_autoptr(KlStaff) staff = NULL;

  g_return_if_fail (KL_IS_STAFF_PAGE (self));

  if (staff_id != 0 && self->store != NULL)
    staff = KL_STAFF (kl_store_get_record (self->store, KL_TYPE_STAFF, staff_id, NULL));

  self->shown = staff ? staff_id : 0;
  kl_staff_profile_set_staff (self->profile, self->store, self->shown);

  adw_window_title_set_title (self->profile_title, staff ? kl_staff_get_name (staff) : "");
  gtk_stack_set_visible_child_name (self->profile_stack, staff ? "profile" : "none");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.edit", staff != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.delete", staff != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.mark-left", staff != NULL);

  if (staff != NULL)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

gint64
kl_staff_page_get_shown (KlStaffPage *self)
{
  g_return_val_if_fail (KL_IS_STAFF_PAGE (self), 0);

  return self->shown;
}

void
kl_staff_page_set_search (KlStaffPage *self,
                          const char  *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *folded = *trimmed ? g_utf8_casefold (trimmed, -1) : NULL;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  g_return_if_fail (KL_IS_STAFF_PAGE (self));

  if (g_strcmp0 (folded, self->search) == 0)
    return;
  if (self->search != NULL && folded != NULL && strstr (folded, self->search) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (folded == NULL || (self->search != NULL && strstr (self->search, folded) != NULL))
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  g_free (self->search);
  self->search = g_steal_pointer (&folded);

  /* The search bar clears its entry when it closes: open it first. */
  if (self->search != NULL)
    gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text ? text : "") != 0)
    {
      /* Replacing the text passes through "" on the way: ignore that. */
      g_signal_handlers_block_by_func (self->search_entry, on_search_changed, self);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
      g_signal_handlers_unblock_by_func (self->search_entry, on_search_changed, self);
    }
  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

/**
 * kl_staff_page_set_unit:
 * @unit_id: a unit, shown with its sub-units; 0 for all
 */
void
kl_staff_page_set_unit (KlStaffPage *self,
                        gint64       unit_id)
{
  g_return_if_fail (KL_IS_STAFF_PAGE (self));

  if (self->unit_id == unit_id)
    return;
  self->unit_id = unit_id;
  for (guint i = 0; i < self->unit_ids->len; i++)
    if (g_array_index (self->unit_ids, gint64, i) == unit_id &&
        gtk_drop_down_get_selected (self->unit_dropdown) != i)
      gtk_drop_down_set_selected (self->unit_dropdown, i);
  reload_staff (self);
}
