/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kl-store.h"

G_BEGIN_DECLS

/* Loads the list's records; returns a GPtrArray of KlRecord or NULL. */
typedef GPtrArray *(*KlRecordListLoad) (KlStore   *store,
                                        gpointer   data,
                                        GError   **error);

#define KL_TYPE_RECORD_LIST (kl_record_list_get_type ())
G_DECLARE_FINAL_TYPE (KlRecordList, kl_record_list, KL, RECORD_LIST, GObject)

KlRecordList *kl_record_list_new          (KlStore            *store,
                                           GType               item_type,
                                           const char * const *tables,
                                           KlRecordListLoad    load,
                                           gpointer            data,
                                           GDestroyNotify      data_free);
gboolean      kl_record_list_reload       (KlRecordList       *self,
                                           GError            **error);
KlStore      *kl_record_list_get_store    (KlRecordList       *self);
const GError *kl_record_list_get_error    (KlRecordList       *self);
guint         kl_record_list_find_id      (KlRecordList       *self,
                                           gint64              id);

KlRecordList *kl_record_list_new_units                  (KlStore  *store);
KlRecordList *kl_record_list_new_themes                 (KlStore  *store,
                                                         gboolean  include_archived);
KlRecordList *kl_record_list_new_staff                  (KlStore  *store,
                                                         gint64    unit_id,
                                                         gboolean  include_left);
KlRecordList *kl_record_list_new_courses                (KlStore  *store);
KlRecordList *kl_record_list_new_enrolments_for_course  (KlStore  *store,
                                                         gint64    course_id);
KlRecordList *kl_record_list_new_enrolments_for_staff   (KlStore  *store,
                                                         gint64    staff_id);
KlRecordList *kl_record_list_new_assessments            (KlStore  *store,
                                                         gint64    staff_id);
KlRecordList *kl_record_list_new_goals                  (KlStore  *store,
                                                         gint64    staff_id);
KlRecordList *kl_record_list_new_actions                (KlStore  *store,
                                                         gint64    unit_id,
                                                         gint64    principle_id);

G_END_DECLS
