/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "kl-json.h"
#include "kl-json-private.h"
#include "kl-io-util.h"

/* The exchange format is written as a stream, record by record, so even
 * a large municipality's database never sits in memory as a JSON tree. */

void
_kl_json_append_string (GString    *out,
                        const char *value)
{
  if (value == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = (guchar)*p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char)c);
        }
    }
  g_string_append_c (out, '"');
}

void
_kl_json_append_double (GString *out,
                        double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_dtostr (buffer, sizeof buffer, value);
  g_string_append (out, buffer);
  if (strpbrk (buffer, ".eEn") == NULL)
    g_string_append (out, ".0");
}

static void
key (GString    *out,
     const char *name)
{
  g_string_append_printf (out, ", \"%s\": ", name);
}

static void
first_key (GString    *out,
           const char *name)
{
  g_string_append_printf (out, "{\"%s\": ", name);
}

static void
string_or_null (GString    *out,
                const char *value)
{
  _kl_json_append_string (out, value != NULL && *value != '\0' ? value : NULL);
}

static void
int_or_null (GString *out,
             gint64   value,
             gboolean is_null)
{
  if (is_null)
    g_string_append (out, "null");
  else
    g_string_append_printf (out, "%" G_GINT64_FORMAT, value);
}

/* id → uuid maps for the references */
struct _KlJsonIds
{
  GHashTable *unit;
  GHashTable *staff;
  GHashTable *theme;
  GHashTable *course;
  GHashTable *principle;
};

static gboolean
collect_uuid (KlRecord  *record,
              gpointer   data,
              GError   **error)
{
  g_hash_table_insert (data, GINT_TO_POINTER ((int)kl_record_get_id (record)),
                       g_strdup (kl_record_get_uuid (record)));
  return TRUE;
}

KlJsonIds *
_kl_json_ids_new (KlStore  *store,
                  GError  **error)
{
  KlJsonIds *ids = g_new0 (KlJsonIds, 1);
  struct { GHashTable **table; GType type; } maps[] = {
    { &ids->unit, KL_TYPE_UNIT },
    { &ids->staff, KL_TYPE_STAFF },
    { &ids->theme, KL_TYPE_THEME },
    { &ids->course, KL_TYPE_COURSE },
    { &ids->principle, KL_TYPE_PRINCIPLE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (maps); i++)
    {
      *maps[i].table = g_hash_table_new_full (NULL, NULL, NULL, g_free);
      if (!kl_store_foreach (store, maps[i].type, collect_uuid, *maps[i].table, error))
        {
          _kl_json_ids_free (ids);
          return NULL;
        }
    }
  return ids;
}

/* Makes a newly written record known, so later records can refer to it. */
void
_kl_json_ids_add (KlJsonIds *ids,
                  KlRecord  *record)
{
  GHashTable *map = NULL;

  if (KL_IS_UNIT (record))
    map = ids->unit;
  else if (KL_IS_STAFF (record))
    map = ids->staff;
  else if (KL_IS_THEME (record))
    map = ids->theme;
  else if (KL_IS_COURSE (record))
    map = ids->course;

  if (map != NULL)
    g_hash_table_insert (map, GINT_TO_POINTER ((int)kl_record_get_id (record)),
                         g_strdup (kl_record_get_uuid (record)));
}

void
_kl_json_ids_free (KlJsonIds *ids)
{
  g_clear_pointer (&ids->unit, g_hash_table_unref);
  g_clear_pointer (&ids->staff, g_hash_table_unref);
  g_clear_pointer (&ids->theme, g_hash_table_unref);
  g_clear_pointer (&ids->course, g_hash_table_unref);
  g_clear_pointer (&ids->principle, g_hash_table_unref);
  g_free (ids);
}

static const char *
lookup (GHashTable *map,
        gint64      id)
{
  return id > 0 ? g_hash_table_lookup (map, GINT_TO_POINTER ((int)id)) : NULL;
}

/**
 * _kl_json_append_record:
 *
 * Writes @record as the exchange format's object, references as ids.
 * Also used by the import to tell unchanged records from changed ones.
 */
void
_kl_json_append_record (GString   *out,
                        KlRecord  *record,
                        KlJsonIds *ids)
{
  first_key (out, "id");
  _kl_json_append_string (out, kl_record_get_uuid (record));

  if (KL_IS_UNIT (record))
    {
      KlUnit *unit = KL_UNIT (record);

      key (out, "name"), _kl_json_append_string (out, kl_unit_get_name (unit));
      key (out, "parent"), _kl_json_append_string (out, lookup (ids->unit, kl_unit_get_parent_id (unit)));
    }
  else if (KL_IS_THEME (record))
    {
      KlTheme *theme = KL_THEME (record);
      gboolean builtin = kl_theme_get_builtin (theme);
      const char *name = builtin ? kl_store_get_official_name (kl_record_get_uuid (record)) : NULL;

      key (out, "name"), _kl_json_append_string (out, name ? name : kl_theme_get_name (theme));
      key (out, "builtin"), g_string_append (out, builtin ? "true" : "false");
      key (out, "archived"), g_string_append (out, kl_theme_get_archived (theme) ? "true" : "false");
    }
  else if (KL_IS_STAFF (record))
    {
      KlStaff *staff = KL_STAFF (record);
      double hours = kl_staff_get_weekly_hours (staff);

      key (out, "name"), _kl_json_append_string (out, kl_staff_get_name (staff));
      key (out, "unit"), _kl_json_append_string (out, lookup (ids->unit, kl_staff_get_unit_id (staff)));
      key (out, "job_title"), _kl_json_append_string (out, kl_staff_get_job_title (staff) ?: "");
      key (out, "email"), string_or_null (out, kl_staff_get_email (staff));
      key (out, "started_on"), string_or_null (out, kl_staff_get_started_on (staff));
      key (out, "left_on"), string_or_null (out, kl_staff_get_left_on (staff));
      key (out, "weekly_hours");
      if (hours < 0)
        g_string_append (out, "null");
      else
        _kl_json_append_double (out, hours);
      key (out, "note"), _kl_json_append_string (out, kl_staff_get_note (staff) ?: "");
    }
  else if (KL_IS_ASSESSMENT (record))
    {
      KlAssessment *a = KL_ASSESSMENT (record);
      int target = kl_assessment_get_target (a);

      key (out, "staff"), _kl_json_append_string (out, lookup (ids->staff, kl_assessment_get_staff_id (a)));
      key (out, "theme"), _kl_json_append_string (out, lookup (ids->theme, kl_assessment_get_theme_id (a)));
      key (out, "level"), int_or_null (out, kl_assessment_get_level (a), FALSE);
      key (out, "target"), int_or_null (out, target, target < 0);
      key (out, "assessed_on"), _kl_json_append_string (out, kl_assessment_get_assessed_on (a));
      key (out, "note"), _kl_json_append_string (out, kl_assessment_get_note (a) ?: "");
    }
  else if (KL_IS_GOAL (record))
    {
      KlGoal *goal = KL_GOAL (record);

      key (out, "staff"), _kl_json_append_string (out, lookup (ids->staff, kl_goal_get_staff_id (goal)));
      key (out, "theme"), _kl_json_append_string (out, lookup (ids->theme, kl_goal_get_theme_id (goal)));
      key (out, "text"), _kl_json_append_string (out, kl_goal_get_text (goal));
      key (out, "agreed_on"), _kl_json_append_string (out, kl_goal_get_agreed_on (goal));
      key (out, "due_on"), string_or_null (out, kl_goal_get_due_on (goal));
      key (out, "status"), _kl_json_append_string (out, kl_enum_to_nick (KL_TYPE_GOAL_STATUS,
                                                                         kl_goal_get_status (goal)));
    }
  else if (KL_IS_COURSE (record))
    {
      KlCourse *course = KL_COURSE (record);
      const char * const *themes = kl_course_get_theme_ids (course);
      int capacity = kl_course_get_capacity (course);

      key (out, "title"), _kl_json_append_string (out, kl_course_get_title (course));
      key (out, "provider"), _kl_json_append_string (out, kl_course_get_provider (course) ?: "");
      key (out, "themes");
      g_string_append_c (out, '[');
      for (guint i = 0; themes != NULL && themes[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append (out, ", ");
          _kl_json_append_string (out, themes[i]);
        }
      g_string_append_c (out, ']');
      key (out, "starts_on"), _kl_json_append_string (out, kl_course_get_starts_on (course));
      key (out, "ends_on"), _kl_json_append_string (out, kl_course_get_ends_on (course));
      key (out, "hours"), _kl_json_append_double (out, kl_course_get_hours (course));
      key (out, "cost_dkk"), _kl_json_append_double (out, kl_course_get_cost_dkk (course));
      key (out, "capacity"), int_or_null (out, capacity, capacity < 0);
      key (out, "location"), _kl_json_append_string (out, kl_course_get_location (course) ?: "");
      key (out, "status"), _kl_json_append_string (out, kl_enum_to_nick (KL_TYPE_COURSE_STATUS,
                                                                         kl_course_get_status (course)));
      key (out, "description"), _kl_json_append_string (out, kl_course_get_description (course) ?: "");
      key (out, "url"), _kl_json_append_string (out, kl_course_get_url (course) ?: "");
    }
  else if (KL_IS_ENROLMENT (record))
    {
      KlEnrolment *e = KL_ENROLMENT (record);

      key (out, "staff"), _kl_json_append_string (out, lookup (ids->staff, kl_enrolment_get_staff_id (e)));
      key (out, "course"), _kl_json_append_string (out, lookup (ids->course, kl_enrolment_get_course_id (e)));
      key (out, "status"), _kl_json_append_string (out, kl_enum_to_nick (KL_TYPE_ENROLMENT_STATUS,
                                                                         kl_enrolment_get_status (e)));
      key (out, "enrolled_on"), string_or_null (out, kl_enrolment_get_enrolled_on (e));
      key (out, "completed_on"), string_or_null (out, kl_enrolment_get_completed_on (e));
      key (out, "note"), _kl_json_append_string (out, kl_enrolment_get_note (e) ?: "");
      /* Beyond the design's example, and only on the waiting list: keeps
       * its order through an export and import. */
      if (kl_enrolment_get_waitlist_position (e) > 0)
        key (out, "waitlist_position"), int_or_null (out, kl_enrolment_get_waitlist_position (e), FALSE);
    }
  else if (KL_IS_PRINCIPLE_ASSESSMENT (record))
    {
      KlPrincipleAssessment *pa = KL_PRINCIPLE_ASSESSMENT (record);

      key (out, "principle"), _kl_json_append_string (out, lookup (ids->principle,
                                                                   kl_principle_assessment_get_principle_id (pa)));
      key (out, "unit"), _kl_json_append_string (out, lookup (ids->unit, kl_principle_assessment_get_unit_id (pa)));
      key (out, "assessed_on"), _kl_json_append_string (out, kl_principle_assessment_get_assessed_on (pa));
      key (out, "maturity"), int_or_null (out, kl_principle_assessment_get_maturity (pa), FALSE);
      key (out, "reflection"), _kl_json_append_string (out, kl_principle_assessment_get_reflection (pa) ?: "");
    }
  else if (KL_IS_ACTION (record))
    {
      KlAction *action = KL_ACTION (record);

      key (out, "title"), _kl_json_append_string (out, kl_action_get_title (action));
      key (out, "principle"), _kl_json_append_string (out, lookup (ids->principle, kl_action_get_principle_id (action)));
      key (out, "theme"), _kl_json_append_string (out, lookup (ids->theme, kl_action_get_theme_id (action)));
      key (out, "unit"), _kl_json_append_string (out, lookup (ids->unit, kl_action_get_unit_id (action)));
      key (out, "owner"), _kl_json_append_string (out, lookup (ids->staff, kl_action_get_owner_id (action)));
      key (out, "due_on"), string_or_null (out, kl_action_get_due_on (action));
      key (out, "status"), _kl_json_append_string (out, kl_enum_to_nick (KL_TYPE_ACTION_STATUS,
                                                                         kl_action_get_status (action)));
      key (out, "note"), _kl_json_append_string (out, kl_action_get_note (action) ?: "");
    }
  else
    {
      g_assert_not_reached ();
    }

  g_string_append_c (out, '}');
}

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GString       *buffer;
  KlJsonIds     *ids;
  guint          count;
} Writer;

static gboolean
flush_buffer (Writer   *writer,
              gboolean  force,
              GError  **error)
{
  if (!force && writer->buffer->len < 64 * 1024)
    return TRUE;

  if (!g_output_stream_write_all (writer->stream, writer->buffer->str, writer->buffer->len,
                                  NULL, writer->cancellable, error))
    return FALSE;
  g_string_truncate (writer->buffer, 0);
  return TRUE;
}

static gboolean
write_record (KlRecord  *record,
              gpointer   data,
              GError   **error)
{
  Writer *writer = data;

  g_string_append (writer->buffer, writer->count++ == 0 ? "\n    " : ",\n    ");
  _kl_json_append_record (writer->buffer, record, writer->ids);
  return flush_buffer (writer, FALSE, error);
}

/**
 * kl_json_export:
 * @store: the database to export
 * @stream: where to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the whole database in the exchange format, version 1
 * (docs/json-format.md). Built-in principles are not written; built-in
 * themes are, with their official Danish names.
 */
gboolean
kl_json_export (KlStore        *store,
                GOutputStream  *stream,
                GCancellable   *cancellable,
                GError        **error)
{
  static const struct { const char *name; GType (*type) (void); } arrays[] = {
    { "units", kl_unit_get_type },
    { "themes", kl_theme_get_type },
    { "staff", kl_staff_get_type },
    { "assessments", kl_assessment_get_type },
    { "goals", kl_goal_get_type },
    { "courses", kl_course_get_type },
    { "enrolments", kl_enrolment_get_type },
    { "principle_assessments", kl_principle_assessment_get_type },
    { "actions", kl_action_get_type },
  };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  Writer writer = { stream, cancellable, NULL, NULL, 0 };
  gboolean ok = TRUE;

  g_return_val_if_fail (KL_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  writer.ids = _kl_json_ids_new (store, error);
  if (writer.ids == NULL)
    return FALSE;
  writer.buffer = g_string_sized_new (128 * 1024);

  g_string_append_printf (writer.buffer,
                          "{\n  \"format\": \"%s\",\n  \"version\": %d,\n  \"exported_at\": \"%s\"",
                          KL_JSON_FORMAT, KL_JSON_VERSION, stamp);

  for (guint i = 0; ok && i < G_N_ELEMENTS (arrays); i++)
    {
      g_string_append_printf (writer.buffer, ",\n  \"%s\": [", arrays[i].name);
      writer.count = 0;
      ok = !g_cancellable_set_error_if_cancelled (cancellable, error) &&
           kl_store_foreach (store, arrays[i].type (), write_record, &writer, error);
      g_string_append (writer.buffer, writer.count > 0 ? "\n  ]" : "]");
    }
  g_string_append (writer.buffer, "\n}\n");

  ok = ok && flush_buffer (&writer, TRUE, error);

  g_string_free (writer.buffer, TRUE);
  _kl_json_ids_free (writer.ids);
  return ok;
}

static gboolean
write_to_stream (KlStore        *store,
                 GOutputStream  *stream,
                 gpointer        data,
                 GCancellable   *cancellable,
                 GError        **error)
{
  return kl_json_export (store, stream, cancellable, error);
}

/**
 * kl_json_export_file:
 *
 * Exports to @path; see kl_io_write_file().
 */
gboolean
kl_json_export_file (KlStore       *store,
                     const char    *path,
                     GCancellable  *cancellable,
                     GError       **error)
{
  return kl_io_write_file (store, path, write_to_stream, NULL, cancellable, error);
}
