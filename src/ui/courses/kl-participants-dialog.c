/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kl-participants-dialog.h"
#include "kl-record-list.h"
#include "kl-toast.h"

/* Picks several staff for a course: searchable, by unit, with who already
 * has the course and who has a gap in its themes (the people it is for)
 * shown first. Enrolling beyond the seats waitlists, in the order picked. */
struct _KlParticipantsDialog
{
  AdwWindow           parent_instance;

  KlStore            *store;
  gint64              course_id;
  KlRecordList       *staff;
  GHashTable         *gaps;          /* staff id → themes below target */
  GHashTable         *enrolled;      /* staff ids already on the course */
  GArray             *unit_ids;
  GtkCustomFilter    *filter;
  GtkMultiSelection  *selection;
  char               *search;

  GtkLabel           *intro_label;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *unit_dropdown;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (KlParticipantsDialog, kl_participants_dialog, ADW_TYPE_WINDOW)

static gint64
staff_id_of (gpointer item)
{
  return kl_record_get_id (KL_RECORD (item));
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  KlParticipantsDialog *self = user_data;
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;

  if (self->search == NULL)
    return TRUE;
  text = g_strjoin ("\n", kl_staff_get_name (item), kl_staff_get_job_title (item) ?: "", NULL);
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, self->search) != NULL;
}

/* Those the course is for first: most themes below target, then by name;
 * those already on it last. */
static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  KlParticipantsDialog *self = user_data;
  gint64 x = staff_id_of ((gpointer)a), y = staff_id_of ((gpointer)b);
  int on_x = g_hash_table_contains (self->enrolled, GSIZE_TO_POINTER (x));
  int on_y = g_hash_table_contains (self->enrolled, GSIZE_TO_POINTER (y));
  int gap_x = GPOINTER_TO_INT (g_hash_table_lookup (self->gaps, GSIZE_TO_POINTER (x)));
  int gap_y = GPOINTER_TO_INT (g_hash_table_lookup (self->gaps, GSIZE_TO_POINTER (y)));

  if (on_x != on_y)
    return on_x - on_y;
  if (gap_x != gap_y)
    return gap_y - gap_x;
  return g_utf8_collate (kl_staff_get_name ((gpointer)a), kl_staff_get_name ((gpointer)b));
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *hint = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (hint, "kl-gap-badge");
  gtk_widget_set_valign (hint, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (labels), name);
  gtk_box_append (GTK_BOX (labels), detail);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), hint);
  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  KlParticipantsDialog *self = user_data;
  KlStaff *staff = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *labels = gtk_widget_get_first_child (box);
  GtkWidget *name = gtk_widget_get_first_child (labels);
  GtkWidget *detail = gtk_widget_get_next_sibling (name);
  GtkWidget *hint = gtk_widget_get_next_sibling (labels);
  gint64 id = staff_id_of (staff);
  int gap = GPOINTER_TO_INT (g_hash_table_lookup (self->gaps, GSIZE_TO_POINTER (id)));
  gboolean enrolled = g_hash_table_contains (self->enrolled, GSIZE_TO_POINTER (id));
  g_autofree char *line = NULL;
  g_autofree char *gap_text = NULL;

  line = g_strdup_printf ("%s · %s", kl_staff_get_job_title (staff) && *kl_staff_get_job_title (staff)
                                     ? kl_staff_get_job_title (staff) : "–", kl_staff_get_unit_name (staff));
  gtk_label_set_label (GTK_LABEL (name), kl_staff_get_name (staff));
  gtk_label_set_label (GTK_LABEL (detail), line);

  if (enrolled)
    gap_text = g_strdup (_("Already on the course"));
  else if (gap > 0)
    gap_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Below target in %d of its themes",
                                             "Below target in %d of its themes", gap), gap);
  gtk_label_set_label (GTK_LABEL (hint), gap_text ? gap_text : "");
  gtk_widget_set_visible (hint, gap_text != NULL);
  gtk_list_item_set_selectable (item, !enrolled);
  gtk_widget_set_sensitive (box, !enrolled);
}

static void
on_filter_changed (KlParticipantsDialog *self)
{
  kl_participants_dialog_set_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
load_staff (KlParticipantsDialog *self,
            gint64                unit_id)
{
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;

  g_clear_object (&self->staff);
  self->staff = kl_record_list_new_staff (self->store, unit_id, FALSE);
  sorted = GTK_SORT_LIST_MODEL (gtk_multi_selection_get_model (self->selection));
  filtered = GTK_FILTER_LIST_MODEL (gtk_sort_list_model_get_model (sorted));
  gtk_filter_list_model_set_model (filtered, G_LIST_MODEL (self->staff));
}

static void
on_unit_changed (KlParticipantsDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->unit_dropdown);

  if (self->store != NULL && selected < self->unit_ids->len)
    load_staff (self, g_array_index (self->unit_ids, gint64, selected));
}

/**
 * kl_participants_dialog_enrol:
 *
 * Enrols the chosen people, in list order; those beyond the seats go on
 * the waiting list.
 *
 * Returns: (transfer full): what happened, for the user
 */
char *
kl_participants_dialog_enrol (KlParticipantsDialog *self)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  g_autoptr(GError) error = NULL;
  guint enrolled = 0, waiting = 0;
  g_autofree char *seats = NULL;
  g_autofree char *waits = NULL;

  g_return_val_if_fail (KL_IS_PARTICIPANTS_DIALOG (self), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KlStaff) staff = NULL;
      g_autoptr(KlEnrolment) enrolment = NULL;

      if (!gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), i))
        continue;
      staff = g_list_model_get_item (model, i);
      enrolment = kl_store_enrol (self->store, staff_id_of (staff), self->course_id,
                                  KL_ENROLMENT_STATUS_ENROLLED, &error);
      if (enrolment == NULL)
        return g_strdup (error->message);
      if (kl_enrolment_get_status (enrolment) == KL_ENROLMENT_STATUS_WAITLISTED)
        waiting++;
      else
        enrolled++;
    }

  seats = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u enrolled", "%u enrolled", enrolled), enrolled);
  if (waiting == 0)
    return g_steal_pointer (&seats);
  waits = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u on the waiting list", "%u on the waiting list",
                                        waiting), waiting);
  /* Translators: "3 enrolled, 2 on the waiting list" */
  return g_strdup_printf (_("%s, %s"), seats, waits);
}

static void
enrol_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KlParticipantsDialog *self = KL_PARTICIPANTS_DIALOG (widget);
  g_autofree char *result = kl_participants_dialog_enrol (self);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent != NULL)
    kl_toast_add_title (GTK_WIDGET (parent), result);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_selection_changed (KlParticipantsDialog *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "participants.enrol", !gtk_bitset_is_empty (selected));
}

static void
kl_participants_dialog_dispose (GObject *object)
{
  KlParticipantsDialog *self = (KlParticipantsDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KL_TYPE_PARTICIPANTS_DIALOG);
  g_clear_object (&self->selection);
  g_clear_object (&self->staff);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kl_participants_dialog_parent_class)->dispose (object);
}

static void
kl_participants_dialog_finalize (GObject *object)
{
  KlParticipantsDialog *self = (KlParticipantsDialog *)object;

  g_clear_pointer (&self->gaps, g_hash_table_unref);
  g_clear_pointer (&self->enrolled, g_hash_table_unref);
  g_clear_pointer (&self->unit_ids, g_array_unref);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (kl_participants_dialog_parent_class)->finalize (object);
}

static void
kl_participants_dialog_class_init (KlParticipantsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kl_participants_dialog_dispose;
  object_class->finalize = kl_participants_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/courses/kl-participants-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KlParticipantsDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, KlParticipantsDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KlParticipantsDialog, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KlParticipantsDialog, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_changed);

  gtk_widget_class_install_action (widget_class, "participants.enrol", NULL, enrol_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kl_participants_dialog_init (KlParticipantsDialog *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;

  self->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->enrolled = g_hash_table_new (NULL, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered),
                                    GTK_SORTER (gtk_custom_sorter_new (sort_func, self, NULL)));
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (sorted));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (on_selection_changed), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
}

KlParticipantsDialog *
kl_participants_dialog_new (GtkWindow *parent,
                            KlStore   *store,
                            gint64     course_id)
{
  KlParticipantsDialog *self;
  g_autoptr(KlCourse) course = NULL;
  g_autoptr(GPtrArray) enrolments = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *intro = NULL;
  gint64 all = 0;

  g_return_val_if_fail (KL_IS_STORE (store), NULL);

  self = g_object_new (KL_TYPE_PARTICIPANTS_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->course_id = course_id;
  self->gaps = kl_store_course_gaps (store, course_id, NULL);
  if (self->gaps == NULL)
    self->gaps = g_hash_table_new (NULL, NULL);

  enrolments = kl_store_list_enrolments_for_course (store, course_id, NULL);
  for (guint i = 0; enrolments != NULL && i < enrolments->len; i++)
    g_hash_table_add (self->enrolled,
                      GSIZE_TO_POINTER (kl_enrolment_get_staff_id (g_ptr_array_index (enrolments, i))));

  course = kl_store_get_course (store, course_id, NULL);
  if (course != NULL)
    {
      int capacity = kl_course_get_capacity (course);
      int free_seats = MAX (capacity - kl_course_get_seats_taken (course), 0);

      intro = capacity < 0
              ? g_strdup_printf (_("Choose who goes to “%s”. People with a gap in its themes come first."),
                                 kl_course_get_title (course))
              : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Choose who goes to “%s”: %d free seat. Anyone more goes on the waiting list.",
                                              "Choose who goes to “%s”: %d free seats. Anyone more goes on the waiting list.",
                                              free_seats),
                                 kl_course_get_title (course), free_seats);
      gtk_label_set_label (self->intro_label, intro);
    }

  gtk_string_list_append (names, _("All units"));
  g_array_append_val (self->unit_ids, all);
  units = kl_store_list_units (store, NULL);
  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      gint64 id = kl_record_get_id (g_ptr_array_index (units, i));
      gtk_string_list_append (names, kl_unit_get_name (g_ptr_array_index (units, i)));
      g_array_append_val (self->unit_ids, id);
    }
  gtk_drop_down_set_model (self->unit_dropdown, G_LIST_MODEL (names));

  load_staff (self, 0);
  on_selection_changed (self);
  return self;
}

GListModel *
kl_participants_dialog_get_model (KlParticipantsDialog *self)
{
  g_return_val_if_fail (KL_IS_PARTICIPANTS_DIALOG (self), NULL);

  return G_LIST_MODEL (self->selection);
}

void
kl_participants_dialog_set_search (KlParticipantsDialog *self,
                                   const char           *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));

  g_return_if_fail (KL_IS_PARTICIPANTS_DIALOG (self));

  g_free (self->search);
  self->search = *trimmed ? g_utf8_casefold (trimmed, -1) : NULL;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/**
 * kl_participants_dialog_select:
 *
 * Adds a person to the choice, as clicking their row would.
 */
void
kl_participants_dialog_select (KlParticipantsDialog *self,
                               gint64                staff_id)
{
  GListModel *model = G_LIST_MODEL (self->selection);

  g_return_if_fail (KL_IS_PARTICIPANTS_DIALOG (self));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      if (staff_id_of (item) == staff_id)
        gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, FALSE);
    }
}
