/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "kl-json.h"
#include "kl-json-doc.h"
#include "kl-io-task.h"
#include "kl-store-aggregates.h"
#include "kl-store.h"
#include "kl-test-utils.h"

/* The JSON exchange format of DESIGN.md section 8, through kl_json_*:
 * round trips, merging by id, and one fixture file per mistake a leader
 * or an HR script can make, each refused with an error that names the
 * array, the record and the field, leaving the database as it was. */

static const struct
{
  const char *array;
  const char *table;
} arrays[] = {
  { "units", "unit" },
  { "themes", "theme" },
  { "staff", "staff" },
  { "assessments", "assessment" },
  { "goals", "goal" },
  { "courses", "course" },
  { "enrolments", "enrolment" },
  { "principle_assessments", "principle_assessment" },
  { "actions", "action" },
};

/* json-glib reports misuse of its API with g_critical; the importer must
 * never provoke one, whatever the file says. Such criticals are collected
 * and fail the test that caused them instead of aborting the program, so
 * the remaining tests still run. */
static GString *criticals;

static gboolean
on_fatal_log (const char     *log_domain,
              GLogLevelFlags  log_level,
              const char     *message,
              gpointer        user_data)
{
  if (g_strcmp0 (log_domain, "Json") != 0)
    return TRUE;
  g_string_append_printf (criticals, "%s%s", criticals->len ? "; " : "", message);
  return FALSE;
}

static void
assert_no_criticals (const char *what)
{
  if (criticals->len > 0)
    g_test_fail_printf ("%s made json-glib log a critical: %s", what, criticals->str);
  g_string_truncate (criticals, 0);
}

/* Helpers */

/* Collects what is wrong, each thing once (the dry run and the real
 * import usually fail the same way). */
G_GNUC_PRINTF (2, 3)
static void
add_problem (GString    *problems,
             const char *format,
             ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  if (strstr (problems->str, text) == NULL)
    g_string_append_printf (problems, "%s%s", problems->len ? "; " : "", text);
}


static KlStore *
open_store (const char *name)
{
  /* GLib resets this handler at the start of every test case; every test
   * opens a store first. */
  g_test_log_set_fatal_handler (on_fatal_log, NULL);

  return kl_test_open_store (name);
}

/* The export as written to a file, without its "exported_at" line, which
 * is the only part that depends on the clock. */
static char *
export_text (KlStore    *store,
             const char *name)
{
  g_autofree char *path = kl_test_tmp_path (name);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) stamp = NULL;
  g_auto(GStrv) lines = NULL;
  GString *out = g_string_new (NULL);
  guint stamps = 0;

  if (!kl_json_export_file (store, path, NULL, &error))
    g_error ("Could not export to %s: %s", path, error->message);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));

  stamp = g_regex_new ("^  \"exported_at\": \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\",$", 0, 0, NULL);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_regex_match (stamp, lines[i], 0, NULL))
        {
          stamps++;
          continue;
        }
      g_string_append_printf (out, "%s%s", i > 0 ? "\n" : "", lines[i]);
    }
  g_assert_cmpuint (stamps, ==, 1);
  g_assert_true (g_str_has_prefix (out->str, "{\n  \"format\": \"kompetenceloeft\",\n  \"version\": 1,\n"));
  return g_string_free (out, FALSE);
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (!json_parser_load_from_data (parser, text, -1, &error))
    g_error ("Not valid JSON: %s\n%s", error->message, text);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static JsonArray *
get_array (JsonObject *top,
           const char *name)
{
  JsonNode *node = json_object_get_member (top, name);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    g_error ("The export has no array “%s”", name);
  return json_node_get_array (node);
}

/* The record with @id in an array of an export */
static JsonObject *
find_record (JsonObject *top,
             const char *array,
             const char *id)
{
  JsonArray *list = get_array (top, array);

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *record = json_array_get_object_element (list, i);

      if (g_strcmp0 (json_object_get_string_member (record, "id"), id) == 0)
        return record;
    }
  g_error ("%s has no record %s", array, id);
  return NULL;
}

static char *
record_text (JsonNode *node)
{
  return json_to_string (node, FALSE);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* A record as text, a course's themes sorted: the export may list them
 * in another order than the file did. */
static char *
comparable_text (JsonNode *node)
{
  g_autoptr(JsonNode) copy = json_node_copy (node);
  JsonObject *object = json_node_get_object (copy);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  JsonArray *themes;
  JsonArray *sorted;

  if (!json_object_has_member (object, "themes"))
    return record_text (copy);
  themes = json_object_get_array_member (object, "themes");
  for (guint i = 0; i < json_array_get_length (themes); i++)
    g_ptr_array_add (ids, g_strdup (json_array_get_string_element (themes, i)));
  g_ptr_array_sort (ids, compare_strings);
  sorted = json_array_sized_new (ids->len);
  for (guint i = 0; i < ids->len; i++)
    json_array_add_string_element (sorted, g_ptr_array_index (ids, i));
  json_object_set_array_member (object, "themes", sorted);
  return record_text (copy);
}

/* When two exports differ, say how: per array, as sets keyed by id. */
static void
describe_differences (const char *a,
                      const char *b)
{
  g_autoptr(JsonObject) first = parse_object (a);
  g_autoptr(JsonObject) second = parse_object (b);

  for (guint n = 0; n < G_N_ELEMENTS (arrays); n++)
    {
      JsonArray *one = get_array (first, arrays[n].array);
      JsonArray *two = get_array (second, arrays[n].array);
      g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      gboolean same_order = json_array_get_length (one) == json_array_get_length (two);
      guint differences = 0;

      for (guint i = 0; i < json_array_get_length (one); i++)
        {
          JsonObject *record = json_array_get_object_element (one, i);
          g_hash_table_insert (by_id, (gpointer)json_object_get_string_member (record, "id"),
                               record_text (json_array_get_element (one, i)));
        }
      for (guint i = 0; i < json_array_get_length (two); i++)
        {
          JsonObject *record = json_array_get_object_element (two, i);
          const char *id = json_object_get_string_member (record, "id");
          g_autofree char *text = record_text (json_array_get_element (two, i));
          const char *before = g_hash_table_lookup (by_id, id);

          if (same_order &&
              g_strcmp0 (json_object_get_string_member (json_array_get_object_element (one, i), "id"), id) != 0)
            same_order = FALSE;
          if (before == NULL)
            g_test_message ("%s: %s is only in the second export: %s", arrays[n].array, id, text);
          else if (!g_str_equal (before, text))
            g_test_message ("%s: %s differs:\n  first:  %s\n  second: %s", arrays[n].array, id, before, text);
          if (before == NULL || !g_str_equal (before, text))
            differences++;
          g_hash_table_remove (by_id, id);
        }
      if (g_hash_table_size (by_id) > 0)
        {
          GHashTableIter iter;
          gpointer id, text;

          g_hash_table_iter_init (&iter, by_id);
          while (g_hash_table_iter_next (&iter, &id, &text))
            g_test_message ("%s: %s is only in the first export: %s", arrays[n].array, (char *)id, (char *)text);
        }
      else if (!same_order && differences == 0)
        g_test_message ("%s: the same records, in another order", arrays[n].array);
    }
}

static void
assert_same_export (const char *what,
                    const char *a,
                    const char *b)
{
  if (g_str_equal (a, b))
    return;
  describe_differences (a, b);
  g_test_fail_printf ("%s: the exports differ (differences above)", what);
}

/* The ids of a table in database order, read with SQLite as an outsider */
static GPtrArray *
ids_by_row (KlStore    *store,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM %s ORDER BY id", table);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (kl_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ids;
}

/* Every array holds every record of its table, in the order of the
 * table's ids, so two exports of the same data are the same bytes. */
static void
assert_export_in_id_order (KlStore    *store,
                           const char *text)
{
  g_autoptr(JsonObject) top = parse_object (text);

  for (guint n = 0; n < G_N_ELEMENTS (arrays); n++)
    {
      g_autoptr(GPtrArray) ids = ids_by_row (store, arrays[n].table);
      JsonArray *list = get_array (top, arrays[n].array);

      g_assert_cmpuint (json_array_get_length (list), ==, ids->len);
      for (guint i = 0; i < ids->len; i++)
        {
          const char *id = json_object_get_string_member (json_array_get_object_element (list, i), "id");

          if (g_strcmp0 (id, g_ptr_array_index (ids, i)) != 0)
            {
              g_test_fail_printf ("%s[%u] is %s, but the record with the next id is %s",
                                  arrays[n].array, i, id, (char *)g_ptr_array_index (ids, i));
              break;
            }
        }
    }
}

static const KlImportCount *
count_of (const KlImportSummary *summary,
          const char            *array)
{
  for (guint i = 0; i < KL_IMPORT_N_ARRAYS; i++)
    if (g_strcmp0 (summary->counts[i].array, array) == 0)
      return &summary->counts[i];
  g_error ("The summary has no counts for %s", array);
  return NULL;
}

static void
assert_counts (const KlImportSummary *summary,
               const char            *array,
               guint                  added,
               guint                  updated,
               guint                  unchanged)
{
  const KlImportCount *count = count_of (summary, array);

  if (count->added != added || count->updated != updated || count->unchanged != unchanged)
    g_test_fail_printf ("%s: expected %u added, %u updated, %u unchanged; got %u, %u, %u", array,
                        added, updated, unchanged, count->added, count->updated, count->unchanged);
}

static void
import_ok (KlStore         *store,
           const char      *path,
           KlImportSummary *summary)
{
  g_autoptr(GError) error = NULL;

  if (!kl_json_import_file (store, path, FALSE, summary, &error))
    g_error ("Could not import %s: %s", path, error->message);
  assert_no_criticals (path);
}

static KlStore *
store_with_good_file (const char *name)
{
  g_autofree char *good = kl_test_import_path ("good.json");
  KlStore *store = open_store (name);
  KlImportSummary summary;

  import_ok (store, good, &summary);
  return store;
}

/* The first column of every row of @sql, joined by spaces, read with
 * SQLite as an outsider */
static char *
query_text (KlStore    *store,
            const char *sql)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (kl_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s%s", out->len ? " " : "", (const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define SCHEMA_SQL \
  "SELECT type || ':' || name || ':' || sql FROM sqlite_master " \
  "WHERE type IN ('index', 'trigger') ORDER BY type, name"

/* An import into empty tables builds their indexes and the current
 * assessments once, at the end; whether it is written, only tried or
 * refused, the schema is whole afterwards. */
static void
test_import_bulk_keeps_schema (void)
{
  g_autoptr(KlStore) store = open_store ("bulk/kompetenceloeft.db");
  g_autofree char *good = kl_test_import_path ("good.json");
  g_autofree char *bad = kl_test_tmp_path ("bulk/late-error.json");
  g_autofree char *schema = query_text (store, SCHEMA_SQL);
  g_autofree char *after = NULL;
  g_autofree char *differ = NULL;
  g_autoptr(GError) error = NULL;
  KlImportSummary summary;

  g_assert_cmpuint (strlen (schema), >, 0);
  g_assert_true (g_file_set_contents (bad,
    "{\"format\": \"kompetenceloeft\", \"version\": 1,\n"
    " \"units\": [{\"id\": \"u-nord\", \"name\": \"Bostøtte Nord\", \"parent\": null}],\n"
    " \"staff\": [{\"id\": \"s-mette\", \"name\": \"Mette Sørensen\", \"unit\": \"u-nord\"}],\n"
    " \"assessments\": [\n"
    "  {\"id\": \"a-ok\", \"staff\": \"s-mette\", \"theme\": \"sundhed\", \"level\": 2, \"assessed_on\": \"2026-10-01\"},\n"
    "  {\"id\": \"a-bad\", \"staff\": \"s-mette\", \"theme\": \"sundhed\", \"level\": 7, \"assessed_on\": \"2026-10-02\"}]}\n",
    -1, NULL));

  /* Tried only */
  g_assert_true (kl_json_import_file (store, good, TRUE, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.counts[2].added, >, 0);
  g_assert_cmpint (kl_store_count_staff (store, NULL), ==, 0);
  after = query_text (store, SCHEMA_SQL);
  g_assert_cmpstr (after, ==, schema);
  g_clear_pointer (&after, g_free);

  /* Refused at the second assessment, after a unit, a person and an
   * assessment were written */
  g_assert_false (kl_json_import_file (store, bad, FALSE, &summary, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "assessments[a-bad].level: must be between 0 and 4, not 7"));
  g_clear_error (&error);
  g_assert_cmpint (kl_store_count_staff (store, NULL), ==, 0);
  after = query_text (store, SCHEMA_SQL);
  g_assert_cmpstr (after, ==, schema);
  g_clear_pointer (&after, g_free);

  /* Written */
  import_ok (store, good, &summary);
  g_assert_cmpint (kl_store_count_staff (store, NULL), >, 0);
  after = query_text (store, SCHEMA_SQL);
  g_assert_cmpstr (after, ==, schema);
  differ = query_text (store,
    "WITH latest AS (SELECT a.staff_id, a.theme_id, a.id, a.assessed_on, a.level, a.target "
    "  FROM assessment a WHERE a.id = (SELECT a2.id FROM assessment a2 WHERE a2.staff_id = a.staff_id "
    "  AND a2.theme_id = a.theme_id ORDER BY a2.assessed_on DESC, a2.id DESC LIMIT 1)) "
    "SELECT (SELECT count(*) FROM current_assessment) || '/' || (SELECT count(*) FROM "
    "  (SELECT * FROM latest EXCEPT SELECT * FROM current_assessment "
    "   UNION ALL SELECT * FROM current_assessment EXCEPT SELECT * FROM latest))");
  g_assert_true (g_str_has_suffix (differ, "/0"));
  g_assert_false (g_str_has_prefix (differ, "0/"));
  g_clear_pointer (&differ, g_free);

  /* Imported again, into tables that now have rows: all unchanged. */
  import_ok (store, good, &summary);
  g_assert_cmpuint (summary.counts[2].added, ==, 0);
  g_clear_pointer (&after, g_free);
  after = query_text (store, SCHEMA_SQL);
  g_assert_cmpstr (after, ==, schema);
}

/* As the window imports: in a worker thread on a connection of its own,
 * while the window's connection has statements prepared against the
 * schema the bulk transaction changes and changes back. */
static void
test_import_async (void)
{
  g_autoptr(KlStore) store = open_store ("async/kompetenceloeft.db");
  g_autofree char *good = kl_test_import_path ("good.json");
  g_autofree char *schema = query_text (store, SCHEMA_SQL);
  g_autofree char *after = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) loaded = NULL;
  g_autoptr(KlOverview) overview = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GError) error = NULL;
  KlImportSummary summary;

  /* Prepared on this connection before the import. */
  g_assert_cmpint (kl_store_count_staff (store, NULL), ==, 0);
  staff = kl_store_list_staff (store, 0, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (staff->len, ==, 0);
  g_clear_pointer (&staff, g_ptr_array_unref);

  kl_import_async (store, good, FALSE, NULL, kl_test_keep_result, &result);
  g_assert_true (kl_import_finish (store, kl_test_wait_result (&result), &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.counts[2].added, >, 0);

  after = query_text (store, SCHEMA_SQL);
  g_assert_cmpstr (after, ==, schema);
  g_assert_cmpint (kl_store_count_staff (store, NULL), ==, summary.counts[2].added);
  staff = kl_store_list_staff (store, 0, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (staff->len, >, 0);

  /* The Overview's reading connection sees it too. */
  kl_store_load_overview_async (store, NULL, NULL, kl_test_keep_result, &loaded);
  overview = kl_store_load_overview_finish (store, kl_test_wait_result (&loaded), &error);
  g_assert_no_error (error);
  g_assert_cmpint (overview->n_staff_all, ==, summary.counts[2].added);
}

static KlStaff *
staff_by_uuid (KlStore    *store,
               const char *uuid)
{
  gint64 id = kl_store_lookup_id (store, KL_TYPE_STAFF, uuid);
  g_autoptr(GError) error = NULL;
  KlStaff *staff;

  g_assert_cmpint (id, >, 0);
  staff = kl_store_get_staff (store, id, &error);
  g_assert_no_error (error);
  return staff;
}

static KlTheme *
theme_by_uuid (KlStore    *store,
               const char *uuid)
{
  g_autoptr(GPtrArray) themes = kl_store_list_themes (store, TRUE, NULL);

  g_assert_nonnull (themes);
  for (guint i = 0; i < themes->len; i++)
    if (g_strcmp0 (kl_record_get_uuid (g_ptr_array_index (themes, i)), uuid) == 0)
      return g_object_ref (g_ptr_array_index (themes, i));
  g_error ("No theme %s", uuid);
  return NULL;
}

/* Round trips */

static void
test_round_trip_demo (void)
{
  g_autoptr(KlStore) demo = open_store ("round-trip/demo.db");
  g_autoptr(KlStore) empty = open_store ("round-trip/empty.db");
  g_autofree char *path = kl_test_tmp_path ("round-trip/demo.json");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(JsonObject) top = NULL;
  g_autoptr(GError) error = NULL;
  KlImportSummary summary;

  g_assert_true (kl_store_fill_demo (demo, &error));
  g_assert_no_error (error);

  first = export_text (demo, "round-trip/demo.json");
  assert_export_in_id_order (demo, first);
  top = parse_object (first);
  g_assert_cmpuint (json_array_get_length (get_array (top, "staff")), ==, 48);

  import_ok (empty, path, &summary);
  for (guint n = 0; n < G_N_ELEMENTS (arrays); n++)
    {
      guint length = json_array_get_length (get_array (top, arrays[n].array));

      /* The built-in themes are there already; everything else is new. */
      if (g_str_equal (arrays[n].array, "themes"))
        assert_counts (&summary, "themes", length - 11, 0, 11);
      else
        assert_counts (&summary, arrays[n].array, length, 0, 0);
    }

  second = export_text (empty, "round-trip/again.json");
  assert_export_in_id_order (empty, second);
  assert_same_export ("demo → import → export", first, second);
}

static void
test_round_trip_schema_v1 (void)
{
  const char *data = g_getenv ("KL_TEST_DATA");
  g_autofree char *source = g_build_filename (data, "schema-v1.db", NULL);
  g_autofree char *copy = kl_test_tmp_path ("round-trip-v1/kompetenceloeft.db");
  g_autofree char *path = kl_test_tmp_path ("round-trip-v1/v1.json");
  g_autofree char *contents = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(KlStore) old = NULL;
  g_autoptr(KlStore) empty = open_store ("round-trip-v1/empty.db");
  g_autoptr(JsonObject) top = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStaff) jonas = NULL;
  KlImportSummary summary;
  JsonObject *record;
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents_full (copy, contents, length, G_FILE_SET_CONTENTS_NONE, 0600, NULL));
  old = kl_store_open (copy, &error);
  g_assert_no_error (error);

  first = export_text (old, "round-trip-v1/v1.json");
  assert_export_in_id_order (old, first);
  top = parse_object (first);

  /* What the version-1 database holds, as the exchange format writes it. */
  g_assert_cmpuint (json_array_get_length (get_array (top, "staff")), ==, 3);
  record = find_record (top, "staff", "a1b2c3d4-0000-4000-8000-000000000002");
  g_assert_cmpstr (json_object_get_string_member (record, "name"), ==, "Jonas Æbelø");
  g_assert_cmpstr (json_object_get_string_member (record, "unit"), ==, "6f1c1f0e-4a57-4c1e-9d59-0c3f2a1b7e02");
  g_assert_true (json_object_get_null_member (record, "email"));
  g_assert_cmpfloat (json_object_get_double_member (record, "weekly_hours"), ==, 32.0);
  record = find_record (top, "units", "6f1c1f0e-4a57-4c1e-9d59-0c3f2a1b7e02");
  g_assert_cmpstr (json_object_get_string_member (record, "name"), ==, "Team Øst");
  g_assert_cmpstr (json_object_get_string_member (record, "parent"), ==, "6f1c1f0e-4a57-4c1e-9d59-0c3f2a1b7e01");
  record = find_record (top, "enrolments", "e0000000-0000-4000-8000-000000000003");
  g_assert_cmpstr (json_object_get_string_member (record, "status"), ==, "waitlisted");
  record = find_record (top, "assessments", "b0000000-0000-4000-8000-000000000002");
  g_assert_cmpstr (json_object_get_string_member (record, "theme"), ==, "sundhed");
  g_assert_cmpint (json_object_get_int_member (record, "level"), ==, 2);
  record = find_record (top, "actions", "a0000000-0000-4000-8000-000000000009");
  g_assert_cmpstr (json_object_get_string_member (record, "principle"), ==, "faglig-refleksion");
  /* Built-in themes carry their official Danish names, whatever the UI language. */
  record = find_record (top, "themes", "sundhed");
  g_assert_cmpstr (json_object_get_string_member (record, "name"), ==, "Sundhed");
  g_assert_true (json_object_get_boolean_member (record, "builtin"));

  import_ok (empty, path, &summary);
  assert_counts (&summary, "staff", 3, 0, 0);
  assert_counts (&summary, "enrolments", 3, 0, 0);
  jonas = staff_by_uuid (empty, "a1b2c3d4-0000-4000-8000-000000000002");
  g_assert_cmpstr (kl_staff_get_name (jonas), ==, "Jonas Æbelø");

  second = export_text (empty, "round-trip-v1/again.json");
  assert_same_export ("version-1 database → import → export", first, second);
}

/* A built-in theme a leader has archived stays archived through a
 * backup and restore. */
static void
test_round_trip_archived_builtin (void)
{
  g_autoptr(KlStore) source = open_store ("round-trip-archived/source.db");
  g_autoptr(KlStore) empty = open_store ("round-trip-archived/empty.db");
  g_autofree char *path = kl_test_tmp_path ("round-trip-archived/source.json");
  g_autoptr(KlTheme) fritid = theme_by_uuid (source, "fritid");
  g_autoptr(KlTheme) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  KlImportSummary summary;

  kl_theme_set_archived (fritid, TRUE);
  g_assert_true (kl_store_save_theme (source, fritid, &error));
  g_assert_no_error (error);

  first = export_text (source, "round-trip-archived/source.json");
  g_assert_nonnull (strstr (first, "{\"id\": \"fritid\", \"name\": \"Fritid\", \"builtin\": true, \"archived\": true}"));

  import_ok (empty, path, &summary);
  restored = theme_by_uuid (empty, "fritid");
  if (!kl_theme_get_archived (restored))
    g_test_fail_printf ("The built-in theme “fritid” was archived in the exported database "
                        "but is not archived after importing the export into an empty one");
  second = export_text (empty, "round-trip-archived/again.json");
  assert_same_export ("archived built-in theme → import → export", first, second);
}

/* A user's own theme with assessment history, archived once no longer
 * used for new assessments: backup and restore keep both. */
static void
test_round_trip_archived_theme_in_use (void)
{
  g_autoptr(KlStore) source = open_store ("round-trip-archived-in-use/source.db");
  g_autoptr(KlStore) empty = open_store ("round-trip-archived-in-use/empty.db");
  g_autofree char *path = kl_test_tmp_path ("round-trip-archived-in-use/source.json");
  g_autoptr(KlTheme) theme = kl_theme_new ();
  g_autoptr(KlAssessment) assessment = kl_assessment_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  KlImportSummary summary;
  gint64 unit;

  kl_theme_set_name (theme, "Medicinhåndtering");
  g_assert_true (kl_store_save_theme (source, theme, &error));
  g_assert_no_error (error);
  unit = kl_test_add_unit (source, "Bostøtte Nord", 0);
  kl_assessment_set_staff_id (assessment, kl_test_add_staff_full (source, unit, "Mette Sørensen", "Pædagog",
                                                                  NULL, "2021-08-01", 37));
  kl_assessment_set_theme_id (assessment, kl_record_get_id (KL_RECORD (theme)));
  kl_assessment_set_level (assessment, 2);
  kl_assessment_set_target (assessment, 3);
  kl_assessment_set_assessed_on (assessment, "2026-03-12");
  g_assert_true (kl_store_save_assessment (source, assessment, &error));
  g_assert_no_error (error);
  kl_theme_set_archived (theme, TRUE);
  g_assert_true (kl_store_save_theme (source, theme, &error));
  g_assert_no_error (error);

  first = export_text (source, "round-trip-archived-in-use/source.json");
  if (!kl_json_import_file (empty, path, FALSE, &summary, &error))
    {
      g_test_fail_printf ("The export of a database with an archived theme that has assessments "
                          "cannot be imported into an empty database: %s", error->message);
      return;
    }
  second = export_text (empty, "round-trip-archived-in-use/again.json");
  assert_same_export ("archived theme in use → import → export", first, second);
}

/* The waiting list is first come, first served; a restore from the
 * exchange format must not change who gets the next free seat. */
static void
test_round_trip_waitlist_order (void)
{
  g_autoptr(KlStore) source = open_store ("round-trip-waitlist/source.db");
  g_autoptr(KlStore) empty = open_store ("round-trip-waitlist/empty.db");
  g_autofree char *path = kl_test_tmp_path ("round-trip-waitlist/source.json");
  g_autoptr(KlCourse) course = kl_course_new ();
  g_autoptr(KlEnrolment) anne = NULL;
  g_autoptr(KlEnrolment) bo = NULL;
  g_autoptr(KlEnrolment) carl = NULL;
  g_autoptr(GArray) promoted = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) promoted_after = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *first_in_line = NULL;
  const char *first_after;
  KlImportSummary summary;
  gint64 unit;

  unit = kl_test_add_unit (source, "Bostøtte Nord", 0);
  kl_course_set_title (course, "Recovery i praksis");
  kl_course_set_starts_on (course, "2026-05-04");
  kl_course_set_ends_on (course, "2026-05-05");
  kl_course_set_hours (course, 14);
  kl_course_set_capacity (course, 1);
  g_assert_true (kl_store_save_course (source, course, &error));
  g_assert_no_error (error);

  /* Anne has the seat; Bo is planned; Carl asks for a seat and waits;
   * then Bo asks for a seat and waits behind Carl. */
  anne = kl_store_enrol (source, kl_test_add_staff_full (source, unit, "Anne Hansen", "Pædagog", NULL,
                                                         "2021-08-01", 37),
                         kl_record_get_id (KL_RECORD (course)), KL_ENROLMENT_STATUS_ENROLLED, &error);
  g_assert_no_error (error);
  bo = kl_store_enrol (source, kl_test_add_staff_full (source, unit, "Bo Jensen", "Pædagog", NULL,
                                                       "2021-08-01", 37),
                       kl_record_get_id (KL_RECORD (course)), KL_ENROLMENT_STATUS_PLANNED, &error);
  g_assert_no_error (error);
  carl = kl_store_enrol (source, kl_test_add_staff_full (source, unit, "Carl Nielsen", "Pædagog", NULL,
                                                         "2021-08-01", 37),
                         kl_record_get_id (KL_RECORD (course)), KL_ENROLMENT_STATUS_ENROLLED, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kl_enrolment_get_status (carl), ==, KL_ENROLMENT_STATUS_WAITLISTED);
  g_assert_true (kl_store_set_enrolment_status (source, kl_record_get_id (KL_RECORD (bo)),
                                                KL_ENROLMENT_STATUS_ENROLLED, NULL, NULL, &error));
  g_assert_no_error (error);

  text = export_text (source, "round-trip-waitlist/source.json");
  import_ok (empty, path, &summary);
  assert_counts (&summary, "enrolments", 3, 0, 0);

  /* Anne cancels, in both databases: Carl waited longest. */
  g_assert_true (kl_store_set_enrolment_status (source, kl_record_get_id (KL_RECORD (anne)),
                                                KL_ENROLMENT_STATUS_CANCELLED, NULL, promoted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (promoted->len, ==, 1);
  g_assert_cmpint (g_array_index (promoted, gint64, 0), ==, kl_record_get_id (KL_RECORD (carl)));
  first_in_line = g_strdup (kl_record_get_uuid (KL_RECORD (carl)));

  g_assert_true (kl_store_set_enrolment_status (empty,
                                                kl_store_lookup_id (empty, KL_TYPE_ENROLMENT,
                                                                    kl_record_get_uuid (KL_RECORD (anne))),
                                                KL_ENROLMENT_STATUS_CANCELLED, NULL, promoted_after, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (promoted_after->len, ==, 1);
  first_after = g_array_index (promoted_after, gint64, 0) == kl_store_lookup_id (empty, KL_TYPE_ENROLMENT, first_in_line)
                ? "Carl Nielsen" : "Bo Jensen";
  if (!g_str_equal (first_after, "Carl Nielsen"))
    g_test_fail_printf ("After export and import, a freed seat went to %s, not to Carl Nielsen, "
                        "who was first on the waiting list: the exchange format loses the waiting-list order",
                        first_after);
}

/* Importing */

static void
test_import_good_values (void)
{
  g_autofree char *good = kl_test_import_path ("good.json");
  g_autoptr(KlStore) store = open_store ("good/kompetenceloeft.db");
  g_autoptr(JsonObject) file = NULL;
  g_autoptr(JsonObject) exported = NULL;
  g_autoptr(KlStaff) jonas = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  KlImportSummary summary;

  import_ok (store, good, &summary);
  assert_counts (&summary, "units", 2, 0, 0);
  assert_counts (&summary, "themes", 1, 0, 1);
  assert_counts (&summary, "staff", 2, 0, 0);
  assert_counts (&summary, "assessments", 2, 0, 0);
  assert_counts (&summary, "goals", 1, 0, 0);
  assert_counts (&summary, "courses", 2, 0, 0);
  assert_counts (&summary, "enrolments", 2, 0, 0);
  assert_counts (&summary, "principle_assessments", 1, 0, 0);
  assert_counts (&summary, "actions", 1, 0, 0);

  jonas = staff_by_uuid (store, "s-jonas");
  g_assert_cmpstr (kl_staff_get_name (jonas), ==, "Jonas Æbelø");
  g_assert_cmpstr (kl_staff_get_job_title (jonas), ==, "Social- og sundhedsassistent");
  g_assert_cmpfloat (kl_staff_get_weekly_hours (jonas), ==, 32.5);
  g_assert_cmpstr (kl_staff_get_note (jonas), ==, "Nattevagt");
  g_assert_cmpint (kl_staff_get_unit_id (jonas), ==, kl_store_lookup_id (store, KL_TYPE_UNIT, "u-nord"));

  /* Every record of the file comes out of the export exactly as it went in. */
  g_assert_true (g_file_get_contents (good, &contents, NULL, NULL));
  file = parse_object (contents);
  text = export_text (store, "good/export.json");
  exported = parse_object (text);
  for (guint n = 0; n < G_N_ELEMENTS (arrays); n++)
    {
      JsonArray *list = get_array (file, arrays[n].array);

      for (guint i = 0; i < json_array_get_length (list); i++)
        {
          JsonObject *record = json_array_get_object_element (list, i);
          g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (),
                                                             find_record (exported, arrays[n].array,
                                                                          json_object_get_string_member (record, "id")));
          g_autofree char *in = comparable_text (json_array_get_element (list, i));
          g_autofree char *out = comparable_text (node);

          g_assert_cmpstr (out, ==, in);
        }
    }
  /* All eleven built-in themes are exported, with the user's own one. */
  g_assert_cmpuint (json_array_get_length (get_array (exported, "themes")), ==, 12);
}

static void
test_import_idempotent (void)
{
  g_autoptr(KlStore) demo = open_store ("idempotent/demo.db");
  g_autoptr(KlStore) store = open_store ("idempotent/copy.db");
  g_autofree char *path = kl_test_tmp_path ("idempotent/demo.json");
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *own = NULL;
  g_autoptr(GError) error = NULL;
  KlImportSummary summary;

  g_assert_true (kl_store_fill_demo (demo, &error));
  g_assert_no_error (error);
  g_free (export_text (demo, "idempotent/demo.json"));

  import_ok (store, path, &summary);
  first = export_text (store, "idempotent/first.json");

  import_ok (store, path, &summary);
  for (guint i = 0; i < KL_IMPORT_N_ARRAYS; i++)
    {
      const KlImportCount *count = &summary.counts[i];

      if (count->added != 0 || count->updated != 0)
        g_test_fail_printf ("The second import of the same file: %s: %u added, %u updated",
                            count->array, count->added, count->updated);
    }
  assert_counts (&summary, "staff", 0, 0, 48);
  again = export_text (store, "idempotent/again.json");
  assert_same_export ("import twice", first, again);

  /* A database imports its own export as all unchanged. */
  import_ok (demo, path, &summary);
  for (guint i = 0; i < KL_IMPORT_N_ARRAYS; i++)
    if (summary.counts[i].added != 0 || summary.counts[i].updated != 0)
      g_test_fail_printf ("Importing a database's own export: %s: %u added, %u updated",
                          summary.counts[i].array, summary.counts[i].added, summary.counts[i].updated);
  own = export_text (demo, "idempotent/own.json");
  assert_same_export ("import of a database's own export", first, own);
}

/* The same for files written by other programs: one lists a course's
 * themes in its own order, one has spaces around names. */
static void
test_import_idempotent_hand_written (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = kl_test_import_path (name);
  g_autofree char *db = g_strdup_printf ("idempotent-%s/kompetenceloeft.db", name);
  g_autofree char *first_name = g_strdup_printf ("idempotent-%s/first.json", name);
  g_autofree char *again_name = g_strdup_printf ("idempotent-%s/again.json", name);
  g_autoptr(KlStore) store = open_store (db);
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  KlImportSummary summary;

  import_ok (store, path, &summary);
  first = export_text (store, first_name);

  import_ok (store, path, &summary);
  for (guint i = 0; i < KL_IMPORT_N_ARRAYS; i++)
    {
      const KlImportCount *count = &summary.counts[i];

      if (count->added != 0 || count->updated != 0)
        g_string_append_printf (problems, "; %s: %u added, %u updated", count->array, count->added, count->updated);
    }
  again = export_text (store, again_name);
  assert_same_export (name, first, again);
  if (problems->len > 0)
    g_test_fail_printf ("The second import of the same %s%s", name, problems->str);
}

static void
test_import_dry_run (void)
{
  g_autofree char *good = kl_test_import_path ("good.json");
  g_autoptr(KlStore) store = open_store ("dry-run/kompetenceloeft.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = export_text (store, "dry-run/before.json");
  g_autofree char *after = NULL;
  KlImportSummary summary;

  g_assert_true (kl_json_import_file (store, good, TRUE, &summary, &error));
  g_assert_no_error (error);
  assert_counts (&summary, "staff", 2, 0, 0);
  assert_counts (&summary, "courses", 2, 0, 0);
  g_assert_cmpint (kl_store_count_staff (store, NULL), ==, 0);
  after = export_text (store, "dry-run/after.json");
  g_assert_cmpstr (after, ==, before);
}

static void
test_import_summary_text (void)
{
  g_autofree char *good = kl_test_import_path ("good.json");
  g_autoptr(KlStore) store = open_store ("summary/kompetenceloeft.db");
  g_autofree char *text = NULL;
  KlImportSummary summary;

  import_ok (store, good, &summary);
  text = kl_import_summary_to_string (&summary);
  g_assert_cmpstr (text, ==,
                   "units: 2 added, 0 updated, 0 unchanged\n"
                   "themes: 1 added, 0 updated, 1 unchanged\n"
                   "staff: 2 added, 0 updated, 0 unchanged\n"
                   "assessments: 2 added, 0 updated, 0 unchanged\n"
                   "goals: 1 added, 0 updated, 0 unchanged\n"
                   "courses: 2 added, 0 updated, 0 unchanged\n"
                   "enrolments: 2 added, 0 updated, 0 unchanged\n"
                   "principle_assessments: 1 added, 0 updated, 0 unchanged\n"
                   "actions: 1 added, 0 updated, 0 unchanged");
}

/* HR merges the exports of two leaders, each with their own unit. */
static void
test_merge_two_leaders (void)
{
  g_autoptr(KlStore) nord = open_store ("merge/nord.db");
  g_autoptr(KlStore) oest = open_store ("merge/oest.db");
  g_autoptr(KlStore) hr = open_store ("merge/hr.db");
  g_autofree char *nord_path = kl_test_tmp_path ("merge/nord.json");
  g_autofree char *oest_path = kl_test_tmp_path ("merge/oest.json");
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(KlStaff) changed = NULL;
  g_autoptr(KlStaff) merged = NULL;
  g_autoptr(KlStaff) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mette_uuid = NULL;
  g_autofree char *sofie_uuid = NULL;
  KlImportSummary summary;
  gint64 unit, mette;

  unit = kl_test_add_unit (nord, "Bostøtte Nord", 0);
  mette = kl_test_add_staff_full (nord, unit, "Mette Sørensen", "Pædagog", NULL, "2021-08-01", 37);
  kl_test_add_staff_full (nord, unit, "Jonas Æbelø", "Social- og sundhedsassistent", NULL, "2021-08-01", 37);
  kl_test_add_staff_full (nord, unit, "Aisha Rahman", "Sygeplejerske", NULL, "2021-08-01", 37);
  unit = kl_test_add_unit (oest, "Team Øst", 0);
  kl_test_add_staff_full (oest, unit, "Sofie Holm", "Ergoterapeut", NULL, "2021-08-01", 37);
  kl_test_add_staff_full (oest, unit, "Peter Lund", "Pædagogisk assistent", NULL, "2021-08-01", 37);

  g_free (export_text (nord, "merge/nord.json"));
  g_free (export_text (oest, "merge/oest.json"));

  import_ok (hr, nord_path, &summary);
  assert_counts (&summary, "units", 1, 0, 0);
  assert_counts (&summary, "staff", 3, 0, 0);
  import_ok (hr, oest_path, &summary);
  assert_counts (&summary, "units", 1, 0, 0);
  assert_counts (&summary, "staff", 2, 0, 0);

  units = kl_store_list_units (hr, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (units->len, ==, 2);
  g_assert_cmpstr (kl_unit_get_name (g_ptr_array_index (units, 0)), ==, "Bostøtte Nord");
  g_assert_cmpstr (kl_unit_get_name (g_ptr_array_index (units, 1)), ==, "Team Øst");
  staff = kl_store_list_staff (hr, 0, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (staff->len, ==, 5);
  for (guint i = 0; i < staff->len; i++)
    {
      KlStaff *person = g_ptr_array_index (staff, i);
      const char *name = kl_staff_get_name (person);
      gboolean in_oest = g_str_equal (name, "Sofie Holm") || g_str_equal (name, "Peter Lund");

      g_assert_cmpstr (kl_staff_get_unit_name (person), ==, in_oest ? "Team Øst" : "Bostøtte Nord");
      if (g_str_equal (name, "Sofie Holm"))
        sofie_uuid = g_strdup (kl_record_get_uuid (KL_RECORD (person)));
    }

  /* Mette becomes team leader; Nord exports again. */
  changed = kl_store_get_staff (nord, mette, &error);
  g_assert_no_error (error);
  mette_uuid = g_strdup (kl_record_get_uuid (KL_RECORD (changed)));
  kl_staff_set_job_title (changed, "Teamleder");
  g_assert_true (kl_store_save_staff (nord, changed, &error));
  g_assert_no_error (error);
  g_free (export_text (nord, "merge/nord.json"));

  import_ok (hr, nord_path, &summary);
  assert_counts (&summary, "units", 0, 0, 1);
  assert_counts (&summary, "staff", 0, 1, 2);
  merged = staff_by_uuid (hr, mette_uuid);
  g_assert_cmpstr (kl_staff_get_job_title (merged), ==, "Teamleder");
  other = staff_by_uuid (hr, sofie_uuid);
  g_assert_cmpstr (kl_staff_get_job_title (other), ==, "Ergoterapeut");
  g_assert_cmpint (kl_store_count_staff (hr, NULL), ==, 5);
}

/* Optional fields may be left out, unknown ones are ignored, built-in
 * themes and principles need not be in the file. */
static void
test_import_optional_fields (void)
{
  g_autofree char *path = kl_test_import_path ("minimal.json");
  g_autoptr(KlStore) store = open_store ("minimal/kompetenceloeft.db");
  g_autoptr(JsonObject) exported = NULL;
  g_autofree char *text = NULL;
  KlImportSummary summary;
  JsonObject *record;

  import_ok (store, path, &summary);
  assert_counts (&summary, "units", 1, 0, 0);
  assert_counts (&summary, "themes", 0, 0, 0);
  assert_counts (&summary, "staff", 1, 0, 0);
  assert_counts (&summary, "assessments", 1, 0, 0);
  assert_counts (&summary, "goals", 1, 0, 0);
  assert_counts (&summary, "courses", 1, 0, 0);
  assert_counts (&summary, "enrolments", 1, 0, 0);
  assert_counts (&summary, "principle_assessments", 1, 0, 0);
  assert_counts (&summary, "actions", 1, 0, 0);

  text = export_text (store, "minimal/export.json");
  g_assert_null (strstr (text, "telefon"));
  g_assert_null (strstr (text, "farve"));
  exported = parse_object (text);

  record = find_record (exported, "units", "u-min");
  g_assert_true (json_object_get_null_member (record, "parent"));
  record = find_record (exported, "staff", "s-min");
  g_assert_cmpstr (json_object_get_string_member (record, "job_title"), ==, "");
  g_assert_true (json_object_get_null_member (record, "email"));
  g_assert_true (json_object_get_null_member (record, "started_on"));
  g_assert_true (json_object_get_null_member (record, "left_on"));
  g_assert_true (json_object_get_null_member (record, "weekly_hours"));
  g_assert_cmpstr (json_object_get_string_member (record, "note"), ==, "");
  record = find_record (exported, "assessments", "a-min");
  g_assert_cmpstr (json_object_get_string_member (record, "theme"), ==, "sundhed");
  g_assert_true (json_object_get_null_member (record, "target"));
  g_assert_cmpstr (json_object_get_string_member (record, "note"), ==, "");
  record = find_record (exported, "goals", "g-min");
  g_assert_true (json_object_get_null_member (record, "theme"));
  g_assert_true (json_object_get_null_member (record, "due_on"));
  record = find_record (exported, "courses", "c-min");
  g_assert_true (json_object_get_null_member (record, "capacity"));
  g_assert_cmpstr (json_object_get_string_member (record, "description"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (record, "url"), ==, "");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (record, "themes")), ==, 1);
  record = find_record (exported, "enrolments", "e-min");
  g_assert_true (json_object_get_null_member (record, "enrolled_on"));
  g_assert_true (json_object_get_null_member (record, "completed_on"));
  g_assert_cmpstr (json_object_get_string_member (record, "note"), ==, "");
  record = find_record (exported, "principle_assessments", "pa-min");
  g_assert_cmpstr (json_object_get_string_member (record, "principle"), ==, "naervaerende-ledelse");
  record = find_record (exported, "actions", "x-min");
  g_assert_true (json_object_get_null_member (record, "theme"));
  g_assert_true (json_object_get_null_member (record, "owner"));
  g_assert_true (json_object_get_null_member (record, "due_on"));
  g_assert_cmpstr (json_object_get_string_member (record, "note"), ==, "");
}

/* A file refers to records that are only in the database. */
static void
test_import_references_to_database (void)
{
  g_autoptr(KlStore) store = store_with_good_file ("references/kompetenceloeft.db");
  g_autofree char *path = kl_test_tmp_path ("references/more.json");
  g_autoptr(GPtrArray) assessments = NULL;
  KlImportSummary summary;
  const char text[] =
    "{\"format\": \"kompetenceloeft\", \"version\": 1,\n"
    " \"assessments\": [{\"id\": \"a-new\", \"staff\": \"s-jonas\", \"theme\": \"t-medicin\","
    " \"level\": 3, \"target\": 4, \"assessed_on\": \"2026-10-01\", \"note\": \"\"}],\n"
    " \"enrolments\": [{\"id\": \"e-jonas-medicin\", \"staff\": \"s-jonas\", \"course\": \"c-medicin\","
    " \"status\": \"planned\"}]}\n";

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  import_ok (store, path, &summary);
  assert_counts (&summary, "assessments", 1, 0, 0);
  assert_counts (&summary, "enrolments", 1, 0, 0);
  assert_counts (&summary, "staff", 0, 0, 0);

  assessments = kl_store_list_assessments (store, kl_store_lookup_id (store, KL_TYPE_STAFF, "s-jonas"), NULL);
  g_assert_nonnull (assessments);
  g_assert_cmpuint (assessments->len, ==, 1);
  g_assert_cmpint (kl_assessment_get_level (g_ptr_array_index (assessments, 0)), ==, 3);
  g_assert_cmpint (kl_assessment_get_theme_id (g_ptr_array_index (assessments, 0)), ==,
                   kl_store_lookup_id (store, KL_TYPE_THEME, "t-medicin"));
}

/* The built-in themes are the app's own: no file renames or archives them. */
static void
test_import_builtin_themes_unchanged (void)
{
  g_autoptr(KlStore) store = open_store ("builtin/kompetenceloeft.db");
  g_autofree char *path = kl_test_tmp_path ("builtin/themes.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) themes = NULL;
  KlImportSummary summary;
  const char text[] =
    "{\"format\": \"kompetenceloeft\", \"version\": 1, \"themes\": [\n"
    " {\"id\": \"sundhed\", \"name\": \"Sundhed og trivsel\", \"builtin\": true, \"archived\": true},\n"
    " {\"id\": \"fritid\", \"name\": \"Fritid og kultur\", \"builtin\": false, \"archived\": true}]}\n";

  /* A file may archive a built-in theme (an export of an archived one
   * must come back the same), but never rename one, and a built-in id
   * claimed as the user's own theme is left alone. */
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_true (kl_json_import_file (store, path, FALSE, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_of (&summary, "themes")->added, ==, 0);
  g_assert_cmpuint (count_of (&summary, "themes")->updated, ==, 1);
  assert_no_criticals (path);

  themes = kl_store_list_themes (store, TRUE, NULL);
  for (guint i = 0; i < themes->len; i++)
    {
      KlTheme *theme = g_ptr_array_index (themes, i);
      const char *id = kl_record_get_uuid (KL_RECORD (theme));

      g_assert_true (kl_theme_get_builtin (theme) || !g_str_equal (id, "sundhed"));
      if (g_str_equal (id, "sundhed"))
        {
          g_assert_cmpstr (kl_theme_get_name (theme), ==, "Health");
          g_assert_true (kl_theme_get_archived (theme));
        }
      if (g_str_equal (id, "fritid"))
        {
          g_assert_cmpstr (kl_theme_get_name (theme), ==, "Leisure");
          g_assert_false (kl_theme_get_archived (theme));
        }
    }
}

/* Mistakes: one fixture per mistake */

/* The importer's own JSON reader: values, escapes, and where a broken
 * text is broken. */
static void
test_reader (void)
{
  char text[] = "{\"a\": 1, \"b\": -2.5e1, \"s\": \"\\u00d8st \\ud83d\\ude00 \\\"q\\\" \\\\ \\/\", "
                "\"t\": true, \"f\": false, \"n\": null, \"l\": [1, [2], {}], \"a\": 7,\n"
                "\"big\": 99999999999999999999, \"line\": \"2026-\n01-15\"}";
  static const struct { const char *text; const char *message; int code; } broken[] = {
    { "{\"a\" 1}", "line 1, column 6: expected “:” after the member name “a”", KL_JSON_DOC_ERROR_SYNTAX },
    { "{\"a\": 1,\n \"b\": }", "line 2, column 7: unexpected “}”", KL_JSON_DOC_ERROR_SYNTAX },
    { "{\"a\": 1 \"b\": 2}", "line 1, column 9: expected “,” or “}” after the member “a”", KL_JSON_DOC_ERROR_SYNTAX },
    { "{1: 2}", "line 1, column 2: expected a member name in double quotes", KL_JSON_DOC_ERROR_SYNTAX },
    { "[1, 2", "line 1, column 6: the file ends too early", KL_JSON_DOC_ERROR_SYNTAX },
    { "[1 2]", "line 1, column 4: expected “,” or “]” in a list", KL_JSON_DOC_ERROR_SYNTAX },
    { "[1, 2,]", "line 1, column 7: unexpected “]”", KL_JSON_DOC_ERROR_SYNTAX },
    { "\"abc", "a text string is not closed", KL_JSON_DOC_ERROR_SYNTAX },
    { "\"\\x\"", "line 1, column 2: “\\x” is not an escape sequence", KL_JSON_DOC_ERROR_SYNTAX },
    { "\"\\ud800 alone\"", "“\\u” must be followed by a character code", KL_JSON_DOC_ERROR_SYNTAX },
    { "\"\\u12\"", "“\\u” must be followed by a character code", KL_JSON_DOC_ERROR_SYNTAX },
    { "1.", "not a number", KL_JSON_DOC_ERROR_SYNTAX },
    { "-", "line 1, column 1: unexpected “-”", KL_JSON_DOC_ERROR_SYNTAX },
    { "tru", "line 1, column 1: unexpected “t”", KL_JSON_DOC_ERROR_SYNTAX },
    { "01", "line 1, column 1: not a number", KL_JSON_DOC_ERROR_SYNTAX },
    { "{} {}", "line 1, column 4: there is more text after the end", KL_JSON_DOC_ERROR_TRAILING_TEXT },
    { "", "the file ends too early", KL_JSON_DOC_ERROR_SYNTAX },
    /* Only UTF-8 is text: Latin-1, an encoded surrogate, a character cut
     * short, a stray byte outside any string. */
    { "{\"s\": \"B\xf8rge\"}", "line 1, column 9: the text is not UTF-8", KL_JSON_DOC_ERROR_NOT_UTF8 },
    { "[\"\xed\xa0\x80\"]", "line 1, column 3: the text is not UTF-8", KL_JSON_DOC_ERROR_NOT_UTF8 },
    { "[\"\xc3\"]", "line 1, column 3: the text is not UTF-8", KL_JSON_DOC_ERROR_NOT_UTF8 },
    { "[\xf8]", "line 1, column 2: the text is not UTF-8", KL_JSON_DOC_ERROR_NOT_UTF8 },
    { "[1]\xff", "line 1, column 4: there is more text after the end", KL_JSON_DOC_ERROR_TRAILING_TEXT },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(KlJsonDoc) doc = kl_json_doc_parse (text, strlen (text), &error);
  const KlJsonValue *root, *value, *list;
  g_autofree char *deep = NULL;

  g_assert_no_error (error);
  root = kl_json_doc_root (doc);
  g_assert_cmpint (root->type, ==, KL_JSON_OBJECT);
  g_assert_cmpuint (root->n, ==, 10);

  /* A member given twice: the last one counts, as with json-glib. */
  value = kl_json_member (doc, root, "a");
  g_assert_cmpint (value->type, ==, KL_JSON_INT);
  g_assert_cmpint (value->v.integer, ==, 7);
  value = kl_json_member (doc, root, "b");
  g_assert_cmpint (value->type, ==, KL_JSON_DOUBLE);
  g_assert_cmpfloat (value->v.number, ==, -25.0);
  g_assert_cmpstr (kl_json_string_member (doc, root, "s"), ==, "Øst 😀 \"q\" \\ /");
  g_assert_true (kl_json_member (doc, root, "t")->v.boolean);
  g_assert_cmpint (kl_json_member (doc, root, "f")->type, ==, KL_JSON_BOOLEAN);
  g_assert_false (kl_json_member (doc, root, "f")->v.boolean);
  g_assert_cmpint (kl_json_member (doc, root, "n")->type, ==, KL_JSON_NULL);
  g_assert_null (kl_json_member (doc, root, "missing"));
  g_assert_null (kl_json_string_member (doc, root, "a"));
  /* Too large for a whole number: kept as a number all the same. */
  g_assert_cmpint (kl_json_member (doc, root, "big")->type, ==, KL_JSON_DOUBLE);
  /* A raw line break inside a string is taken as it is. */
  g_assert_cmpstr (kl_json_string_member (doc, root, "line"), ==, "2026-\n01-15");

  list = kl_json_member (doc, root, "l");
  g_assert_cmpint (list->type, ==, KL_JSON_ARRAY);
  g_assert_cmpuint (list->n, ==, 3);
  g_assert_cmpint (kl_json_element (doc, list, 0)->v.integer, ==, 1);
  value = kl_json_element (doc, list, 1);
  g_assert_cmpint (value->type, ==, KL_JSON_ARRAY);
  g_assert_cmpint (kl_json_element (doc, value, 0)->v.integer, ==, 2);
  value = kl_json_element (doc, list, 2);
  g_assert_cmpint (value->type, ==, KL_JSON_OBJECT);
  g_assert_cmpuint (value->n, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autofree char *copy = g_strdup (broken[i].text);
      g_autoptr(KlJsonDoc) bad = kl_json_doc_parse (copy, strlen (copy), &error);

      g_assert_null (bad);
      g_assert_error (error, KL_JSON_DOC_ERROR, broken[i].code);
      if (strstr (error->message, broken[i].message) == NULL)
        g_error ("%s: “%s” lacks “%s”", broken[i].text, error->message, broken[i].message);
      g_clear_error (&error);
    }

  /* A NUL inside a string, which strlen() would not see. */
  {
    char with_nul[] = "[\"a\0b\"]";
    g_autoptr(KlJsonDoc) bad = kl_json_doc_parse (with_nul, sizeof with_nul - 1, &error);

    g_assert_null (bad);
    g_assert_error (error, KL_JSON_DOC_ERROR, KL_JSON_DOC_ERROR_NOT_UTF8);
    g_clear_error (&error);
  }

  /* Nesting deep enough to exhaust the stack is refused, not followed. */
  deep = g_strnfill (100000, '[');
  g_assert_null (kl_json_doc_parse (deep, strlen (deep), &error));
  g_assert_nonnull (strstr (error->message, "nested too deeply"));
}

typedef struct
{
  const char *file;
  const char *where;   /* what follows "<path>: " */
  const char *what;    /* a part of what follows @where */
  const char *lacks;   /* jargon the message must not show */
  gboolean    quotes_line_break;  /* the file's text has one; the command line flattens it */
} ImportError;

static const ImportError import_errors[] = {
  { "bad-level.json", "assessments[a-bad-level].level: ", "must be between 0 and 4, not 7", NULL },
  { "end-before-start.json", "courses[c-backwards].ends_on: ", "before starts_on", NULL },
  { "missing-name.json", "staff[s-blank].name: ", "must not be empty", NULL },
  { "bad-date.json", "assessments[a-feb30].assessed_on: ", "“2026-02-30” is not a date in the form YYYY-MM-DD", NULL },
  { "noncanonical-date.json", "staff[s-plus].started_on: ", "“2026-+1-15” is not a date", NULL },
  { "bad-status.json", "enrolments[e-done].status: ",
    "“done” is not one of: planned, enrolled, waitlisted, completed, cancelled, no_show", NULL },
  { "unknown-reference.json", "staff[s-orphan].unit: ", "“u-nowhere” is not in the file’s units nor in the database", NULL },
  { "duplicate-id.json", "staff[s-twin].id: ", "more than once", NULL },
  { "missing-id.json", "staff[1].id: ", "is missing", NULL },
  { "record-not-object.json", "staff[1]: ", "must be an object", NULL },
  { "array-not-list.json", "staff: ", "must be a list", NULL },
  { "newer-version.json", "version: ", "version 2", NULL },
  { "wrong-format.json", "format: ", "\"personaleplan\"", NULL },
  { "format-not-text.json", "format: ", "kompetenceloeft", NULL },
  { "top-level-list.json", "", "JSON object", NULL },
  { "not-json.txt", "", "not valid JSON", NULL },
  { "truncated.json", "", "not valid JSON", NULL },
  { "syntax-error-line-break.json", "", "not valid JSON", NULL },
  { "value-with-line-break.json", "staff[s-break].started_on: ", "“2026- 01-15” is not a date", NULL, TRUE },
  { "id-with-line-break.json", "staff[s- break].name: ", "must not be empty", NULL, TRUE },
  { "empty.json", "", "the file is empty", NULL },
  /* Two exports run together with cat: refused, not half imported */
  { "two-objects.json", "", NULL, NULL },
  /* Saved from a program that writes Latin-1: where, and what to do. */
  { "latin1.json", "", "not a JSON file: line 6, column 31: the text is not UTF-8", NULL },
  { "bad-email.json", "staff[s-mail].email: ", "“mette.example.dk” is not an e-mail address", NULL },
  { "negative-hours.json", "courses[c-negative].hours: ", "must not be negative", NULL },
  { "negative-weekly-hours.json", "staff[s-minus].weekly_hours: ", "between 0 and 80", NULL },
  { "maturity-out-of-range.json", "principle_assessments[pa-six].maturity: ", "must be between 1 and 5, not 6", NULL },
  { "capacity-negative.json", "courses[c-seats].capacity: ", "null for unlimited", NULL },
  { "unit-loop.json", "units[u-a].parent: ", "loop", NULL },
  { "self-parent.json", "units[u-self].parent: ", "own parent", NULL },
  { "wrong-type.json", "assessments[a-text-level].level: ", "must be a number", NULL },
  { "bad-archived.json", "themes[t-archived].archived: ", "true or false", NULL },
  { "archived-not-value.json", "themes[t-archived].archived: ", "true or false", NULL },
  { "not-builtin-theme.json", "themes[t-mine].builtin: ", "not one of the built-in themes", NULL },
  { "principle-as-theme.json", "themes[faglig-refleksion].builtin: ", "not one of the built-in themes", NULL },
  { "unknown-principle.json", "actions[x-unknown].principle: ", "“ottende-princip” is not a known principle", NULL },
  { "unknown-course-theme.json", "courses[c-theme].themes: ", "“t-nowhere”", NULL },
  { "due-before-agreed.json", "goals[g-backwards].due_on: ", "before agreed_on", NULL },
  { "left-before-started.json", "staff[s-left].left_on: ", "before started_on", NULL },
  { "duplicate-enrolment.json", "enrolments[e-second].course: ", "already enrolled in this course (enrolment “e-first”)", "constraint" },
};

static void
test_import_error (gconstpointer data)
{
  const ImportError *expected = data;
  g_autofree char *path = kl_test_import_path (expected->file);
  g_autofree char *db = g_strdup_printf ("errors/%s.db", expected->file);
  g_autofree char *before_name = g_strdup_printf ("errors/%s-before.json", expected->file);
  g_autofree char *after_name = g_strdup_printf ("errors/%s-after.json", expected->file);
  g_autoptr(KlStore) store = store_with_good_file (db);
  g_autofree char *before = export_text (store, before_name);
  g_autofree char *after = NULL;
  g_autofree char *prefix = g_strdup_printf ("%s: %s", path, expected->where);
  g_autoptr(GString) problems = g_string_new (NULL);
  gint64 staff_before = kl_store_count_staff (store, NULL);

  for (int dry_run = 1; dry_run >= 0; dry_run--)
    {
      g_autoptr(GError) error = NULL;
      KlImportSummary summary;
      gboolean ok = kl_json_import_file (store, path, dry_run, &summary, &error);
      g_autofree char *message = NULL;
      const char *rest;

      if (criticals->len > 0)
        add_problem (problems, "json-glib logged a critical: %s", criticals->str);
      g_string_truncate (criticals, 0);
      if (ok)
        {
          add_problem (problems, "it was imported, expected the error “%s…”", prefix);
          continue;
        }
      g_assert_nonnull (error);
      g_test_message ("%s: %s", expected->file, error->message);

      /* One line a user can act on: file, array[id].field, what is wrong.
       * Only text quoted from the file may break it; the command line
       * prints such a message as one line. */
      message = g_strdup (error->message);
      if (expected->quotes_line_break)
        g_strdelimit (message, "\r\n", ' ');
      if (strchr (message, '\n') != NULL)
        add_problem (problems, "the message has several lines: “%s”", message);
      if (!g_str_has_prefix (message, prefix))
        {
          add_problem (problems, "expected the message to start with “%s”, but it is “%s”", prefix, message);
          continue;
        }
      rest = message + strlen (prefix);
      if (*rest == '\0')
        add_problem (problems, "the message does not say what is wrong: “%s”", message);
      if (expected->what != NULL && strstr (rest, expected->what) == NULL)
        add_problem (problems, "expected the message to say “%s”, but it is “%s”", expected->what, message);
      if (expected->lacks != NULL && strstr (rest, expected->lacks) != NULL)
        add_problem (problems, "the message should not show “%s” to a user: “%s”", expected->lacks, message);
    }

  /* Nothing was written. */
  after = export_text (store, after_name);
  if (!g_str_equal (before, after))
    {
      describe_differences (before, after);
      add_problem (problems, "the database changed (differences above)");
    }
  if (kl_store_count_staff (store, NULL) != staff_before)
    add_problem (problems, "the database had %" G_GINT64_FORMAT " staff before and %" G_GINT64_FORMAT " after",
                 staff_before, kl_store_count_staff (store, NULL));

  if (problems->len > 0)
    g_test_fail_printf ("%s: %s", expected->file, problems->str);
}

static void
test_import_missing_file (void)
{
  g_autofree char *path = kl_test_tmp_path ("missing/no-such-file.json");
  g_autoptr(KlStore) store = open_store ("missing/kompetenceloeft.db");
  g_autoptr(GError) error = NULL;
  KlImportSummary summary;

  g_assert_false (kl_json_import_file (store, path, FALSE, &summary, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_null (strchr (error->message, '\n'));
}

int
main (int   argc,
      char *argv[])
{
  kl_test_init (&argc, &argv);
  criticals = g_string_new (NULL);

  g_test_add_func ("/json/round-trip/demo", test_round_trip_demo);
  g_test_add_func ("/json/round-trip/schema-v1", test_round_trip_schema_v1);
  g_test_add_func ("/json/round-trip/archived-builtin-theme", test_round_trip_archived_builtin);
  g_test_add_func ("/json/round-trip/archived-theme-in-use", test_round_trip_archived_theme_in_use);
  g_test_add_func ("/json/round-trip/waitlist-order", test_round_trip_waitlist_order);
  g_test_add_func ("/json/import/good-values", test_import_good_values);
  g_test_add_func ("/json/import/idempotent", test_import_idempotent);
  g_test_add_data_func ("/json/import/idempotent-hand-written/theme-order", "good.json",
                        test_import_idempotent_hand_written);
  g_test_add_data_func ("/json/import/idempotent-hand-written/spaces", "untrimmed.json",
                        test_import_idempotent_hand_written);
  g_test_add_func ("/json/import/dry-run", test_import_dry_run);
  g_test_add_func ("/json/import/summary-text", test_import_summary_text);
  g_test_add_func ("/json/import/merge-two-leaders", test_merge_two_leaders);
  g_test_add_func ("/json/import/optional-fields", test_import_optional_fields);
  g_test_add_func ("/json/import/references-to-database", test_import_references_to_database);
  g_test_add_func ("/json/import/builtin-themes-unchanged", test_import_builtin_themes_unchanged);
  g_test_add_func ("/json/import/missing-file", test_import_missing_file);
  g_test_add_func ("/json/import/bulk-keeps-schema", test_import_bulk_keeps_schema);
  g_test_add_func ("/json/import/async", test_import_async);
  g_test_add_func ("/json/reader", test_reader);
  for (guint i = 0; i < G_N_ELEMENTS (import_errors); i++)
    {
      g_autofree char *name = g_strdup (import_errors[i].file);
      g_autofree char *test_path = NULL;

      *strrchr (name, '.') = '\0';
      test_path = g_strdup_printf ("/json/errors/%s", name);
      g_test_add_data_func (test_path, &import_errors[i], test_import_error);
    }

  return g_test_run ();
}
