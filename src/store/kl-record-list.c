/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kl-record-list.h"
#include "kl-store-watch.h"

/* A GListModel of records from the store that reloads itself when one of
 * the tables it depends on changes, so open views stay current. */
struct _KlRecordList
{
  GObject           parent_instance;

  KlStore          *store;
  GType             item_type;
  GPtrArray        *items;
  KlRecordListLoad  load;
  gpointer          data;
  GDestroyNotify    data_free;
  GError           *error;
  KlStoreWatch     *watch;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KlRecordList, kl_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
get_item_type (GListModel *model)
{
  return KL_RECORD_LIST (model)->item_type;
}

static guint
get_n_items (GListModel *model)
{
  return KL_RECORD_LIST (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  KlRecordList *self = KL_RECORD_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
on_reload (KlRecordList *self)
{
  kl_record_list_reload (self, NULL);
}

static void
kl_record_list_dispose (GObject *object)
{
  KlRecordList *self = (KlRecordList *)object;

  if (self->watch != NULL)
    g_signal_handlers_disconnect_by_func (self->watch, on_reload, self);
  g_clear_object (&self->watch);

  G_OBJECT_CLASS (kl_record_list_parent_class)->dispose (object);
}

static void
kl_record_list_finalize (GObject *object)
{
  KlRecordList *self = (KlRecordList *)object;

  if (self->data_free != NULL)
    g_clear_pointer (&self->data, self->data_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_error (&self->error);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kl_record_list_parent_class)->finalize (object);
}

static void
kl_record_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KlRecordList *self = KL_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_record_list_class_init (KlRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kl_record_list_dispose;
  object_class->finalize = kl_record_list_finalize;
  object_class->get_property = kl_record_list_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kl_record_list_init (KlRecordList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * kl_record_list_new:
 * @store: the store to load from
 * @item_type: the records' type
 * @tables: the tables whose changes make the list reload
 * @load: loads the records
 * @data: (nullable): passed to @load
 * @data_free: (nullable): frees @data
 *
 * Returns: (transfer full): a new list, already loaded
 */
KlRecordList *
kl_record_list_new (KlStore            *store,
                    GType               item_type,
                    const char * const *tables,
                    KlRecordListLoad    load,
                    gpointer            data,
                    GDestroyNotify      data_free)
{
  KlRecordList *self;

  g_return_val_if_fail (KL_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (item_type, KL_TYPE_RECORD), NULL);
  g_return_val_if_fail (load != NULL, NULL);

  self = g_object_new (KL_TYPE_RECORD_LIST, NULL);
  self->store = g_object_ref (store);
  self->item_type = item_type;
  self->load = load;
  self->data = data;
  self->data_free = data_free;
  /* Several writes in a row reload once. */
  self->watch = kl_store_watch_new (store, tables, G_PRIORITY_HIGH_IDLE);
  g_signal_connect_object (self->watch, "reload", G_CALLBACK (on_reload), self, G_CONNECT_SWAPPED);
  kl_record_list_reload (self, NULL);

  return self;
}

/**
 * kl_record_list_reload:
 *
 * Loads the records again. On error the list keeps what it had and the
 * error is kept for kl_record_list_get_error().
 */
gboolean
kl_record_list_reload (KlRecordList  *self,
                       GError       **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) local_error = NULL;
  guint removed;

  g_return_val_if_fail (KL_IS_RECORD_LIST (self), FALSE);

  kl_store_watch_cancel (self->watch);

  items = self->load (self->store, self->data, &local_error);
  g_clear_error (&self->error);
  if (items == NULL)
    {
      self->error = g_error_copy (local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  removed = self->items->len;
  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&items);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->items->len);
  if (removed != self->items->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  return TRUE;
}

KlStore *
kl_record_list_get_store (KlRecordList *self)
{
  g_return_val_if_fail (KL_IS_RECORD_LIST (self), NULL);

  return self->store;
}

/**
 * kl_record_list_get_error:
 *
 * Returns: (nullable): why the last load failed, if it did
 */
const GError *
kl_record_list_get_error (KlRecordList *self)
{
  g_return_val_if_fail (KL_IS_RECORD_LIST (self), NULL);

  return self->error;
}

/**
 * kl_record_list_find_id:
 *
 * Returns: the position of the record with @id, or %GTK_INVALID_LIST_POSITION
 *   (G_MAXUINT) if it is not in the list
 */
guint
kl_record_list_find_id (KlRecordList *self,
                        gint64        id)
{
  g_return_val_if_fail (KL_IS_RECORD_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->items->len; i++)
    if (kl_record_get_id (g_ptr_array_index (self->items, i)) == id)
      return i;
  return G_MAXUINT;
}

/* The lists the views use. @data carries the query's arguments. */

typedef struct
{
  gint64   a;
  gint64   b;
  gboolean flag;
} Args;

static Args *
args_new (gint64   a,
          gint64   b,
          gboolean flag)
{
  Args *args = g_new0 (Args, 1);

  args->a = a;
  args->b = b;
  args->flag = flag;
  return args;
}

static GPtrArray *
load_units (KlStore  *store,
            gpointer  data,
            GError  **error)
{
  return kl_store_list_units (store, error);
}

KlRecordList *
kl_record_list_new_units (KlStore *store)
{
  static const char *tables[] = { "unit", NULL };

  return kl_record_list_new (store, KL_TYPE_UNIT, tables, load_units, NULL, NULL);
}

static GPtrArray *
load_themes (KlStore  *store,
             gpointer  data,
             GError  **error)
{
  return kl_store_list_themes (store, ((Args *)data)->flag, error);
}

KlRecordList *
kl_record_list_new_themes (KlStore  *store,
                           gboolean  include_archived)
{
  static const char *tables[] = { "theme", NULL };

  return kl_record_list_new (store, KL_TYPE_THEME, tables, load_themes,
                             args_new (0, 0, include_archived), g_free);
}

static GPtrArray *
load_staff (KlStore  *store,
            gpointer  data,
            GError  **error)
{
  Args *args = data;

  return kl_store_list_staff (store, args->a, args->flag, error);
}

/**
 * kl_record_list_new_staff:
 * @unit_id: a unit, with its sub-units; 0 for all
 * @include_left: whether to include staff who have left
 */
KlRecordList *
kl_record_list_new_staff (KlStore  *store,
                          gint64    unit_id,
                          gboolean  include_left)
{
  static const char *tables[] = { "staff", "unit", "assessment", NULL };

  return kl_record_list_new (store, KL_TYPE_STAFF, tables, load_staff,
                             args_new (unit_id, 0, include_left), g_free);
}

static GPtrArray *
load_courses (KlStore  *store,
              gpointer  data,
              GError  **error)
{
  return kl_store_list_courses (store, error);
}

KlRecordList *
kl_record_list_new_courses (KlStore *store)
{
  static const char *tables[] = { "course", "enrolment", "theme", NULL };

  return kl_record_list_new (store, KL_TYPE_COURSE, tables, load_courses, NULL, NULL);
}

static GPtrArray *
load_course_enrolments (KlStore  *store,
                        gpointer  data,
                        GError  **error)
{
  return kl_store_list_enrolments_for_course (store, ((Args *)data)->a, error);
}

KlRecordList *
kl_record_list_new_enrolments_for_course (KlStore *store,
                                          gint64   course_id)
{
  static const char *tables[] = { "enrolment", "staff", "course", NULL };

  return kl_record_list_new (store, KL_TYPE_ENROLMENT, tables, load_course_enrolments,
                             args_new (course_id, 0, FALSE), g_free);
}

static GPtrArray *
load_staff_enrolments (KlStore  *store,
                       gpointer  data,
                       GError  **error)
{
  return kl_store_list_enrolments_for_staff (store, ((Args *)data)->a, error);
}

KlRecordList *
kl_record_list_new_enrolments_for_staff (KlStore *store,
                                         gint64   staff_id)
{
  static const char *tables[] = { "enrolment", "course", NULL };

  return kl_record_list_new (store, KL_TYPE_ENROLMENT, tables, load_staff_enrolments,
                             args_new (staff_id, 0, FALSE), g_free);
}

static GPtrArray *
load_assessments (KlStore  *store,
                  gpointer  data,
                  GError  **error)
{
  return kl_store_list_assessments (store, ((Args *)data)->a, error);
}

KlRecordList *
kl_record_list_new_assessments (KlStore *store,
                                gint64   staff_id)
{
  static const char *tables[] = { "assessment", NULL };

  return kl_record_list_new (store, KL_TYPE_ASSESSMENT, tables, load_assessments,
                             args_new (staff_id, 0, FALSE), g_free);
}

static GPtrArray *
load_goals (KlStore  *store,
            gpointer  data,
            GError  **error)
{
  return kl_store_list_goals (store, ((Args *)data)->a, error);
}

KlRecordList *
kl_record_list_new_goals (KlStore *store,
                          gint64   staff_id)
{
  static const char *tables[] = { "goal", NULL };

  return kl_record_list_new (store, KL_TYPE_GOAL, tables, load_goals,
                             args_new (staff_id, 0, FALSE), g_free);
}

static GPtrArray *
load_actions (KlStore  *store,
              gpointer  data,
              GError  **error)
{
  Args *args = data;

  return kl_store_list_actions (store, args->a, args->b, error);
}

KlRecordList *
kl_record_list_new_actions (KlStore *store,
                            gint64   unit_id,
                            gint64   principle_id)
{
  static const char *tables[] = { "action", "unit", "staff", NULL };

  return kl_record_list_new (store, KL_TYPE_ACTION, tables, load_actions,
                             args_new (unit_id, principle_id, FALSE), g_free);
}
