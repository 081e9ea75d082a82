/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "kl-store.h"
#include "kl-test-utils.h"

static void
test_create_and_seed (void)
{
  g_autofree char *path = kl_test_tmp_path ("seed/new.db");
  g_autoptr(KlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) themes = NULL;
  g_auto(GStrv) principles = NULL;
  g_auto(GStrv) levels = NULL;
  g_auto(GStrv) maturity = NULL;
  g_auto(GStrv) framework = NULL;
  const char *expected_themes[] = {
    "rehabilitering-og-recovery", "inddragelse-og-medbestemmelse",
    "helhed-og-sammenhaeng", "paaroerende", "misbrug", "peers", "fritid",
    "sundhed", "civilsamfund", "uddannelse-og-beskaeftigelse", "dokumentation",
    NULL
  };
  const char *expected_principles[] = {
    "samarbejde-med-borgeren", "tydelig-faglig-retning", "naervaerende-ledelse",
    "faglig-refleksion", "ledelsesinformation", "samarbejde-om-recovery",
    "recovery-orienterede-kompetencer", NULL
  };

  store = kl_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpstr (kl_store_get_path (store), ==, path);
  g_assert_cmpint (kl_store_get_schema_version (store), ==, KL_STORE_SCHEMA_VERSION);

  themes = kl_test_query_column (path, "SELECT uuid FROM theme WHERE builtin = 1 ORDER BY position");
  g_assert_cmpstrv (themes, expected_themes);
  principles = kl_test_query_column (path,
                                     "SELECT p.uuid FROM principle p JOIN framework f ON f.id = p.framework_id "
                                     "WHERE f.uuid = 'faglig-ledelse' ORDER BY p.position");
  g_assert_cmpstrv (principles, expected_principles);
  levels = kl_test_query_column (path, "SELECT name FROM competence_level ORDER BY level");
  g_assert_cmpstrv (levels, ((const char *[]) { "None", "Awareness", "Practising with support",
                                               "Independent", "Can teach others", NULL }));
  maturity = kl_test_query_column (path, "SELECT name FROM maturity_level ORDER BY maturity");
  g_assert_cmpstrv (maturity, ((const char *[]) { "Not started", "Started", "Partly in place",
                                                 "Well under way", "Embedded", NULL }));
  framework = kl_test_query_column (path, "PRAGMA journal_mode");
  g_assert_cmpstr (framework[0], ==, "wal");
  g_clear_pointer (&framework, g_strfreev);
  framework = kl_test_query_column (path, "PRAGMA page_size");
  g_assert_cmpstr (framework[0], ==, "16384");
}

/* The database itself refuses an enrolment status it does not know, as
 * the last line of defence behind the store's own checks. */
static void
test_enrolment_status_check (void)
{
  static const char *statuses[] = { "planned", "enrolled", "waitlisted", "completed", "cancelled", "no_show" };
  g_autofree char *path = kl_test_tmp_path ("status-check/kompetenceloeft.db");
  g_autoptr(KlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  store = kl_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_extended_result_codes (db, TRUE);
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA foreign_keys = ON;"
                                 "INSERT INTO unit (id, uuid, name, created_at, updated_at) "
                                 "  VALUES (1, 'u', 'Team Nord', 'x', 'x');"
                                 "INSERT INTO course (uuid, title, starts_on, ends_on, created_at, updated_at) "
                                 "  VALUES ('c', 'Recovery', '2026-01-05', '2026-01-06', 'x', 'x');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO staff (id, uuid, name, unit_id, created_at, updated_at) "
                                              "  VALUES (%u, 's%u', 'Person %u', 1, 'x', 'x');"
                                              "INSERT INTO enrolment (uuid, staff_id, course_id, status, created_at, updated_at) "
                                              "  VALUES ('e%u', %u, 1, '%s', 'x', 'x');",
                                              i + 1, i, i, i, i + 1, statuses[i]);
      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO enrolment (uuid, staff_id, course_id, status, created_at, updated_at) "
                                 "  VALUES ('e-bad', 1, 1, 'finished', 'x', 'x');",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT_CHECK);
  /* One enrolment per person and course, still. */
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO enrolment (uuid, staff_id, course_id, created_at, updated_at) "
                                 "  VALUES ('e-again', 2, 1, 'x', 'x');",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT_UNIQUE);
  sqlite3_close (db);
}

/* Dates are YYYY-MM-DD, real days, from 1900 to 2200. */
static void
test_dates (void)
{
  const char *good[] = { "2024-02-29", "1900-01-01", "2200-12-31", "2026-11-23" };
  const char *bad[] = { "", "2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31",
                        "2024-1-01", "2024-01-1", "24-01-01", "2024/01/01", "2024-01-01 ",
                        " 2024-01-01", "2024-01-01T10:00", "1899-12-31", "2201-01-01",
                        "2024-0a-01", "+024-01-01", "2024-01-\xd9\xa1" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GDate) date = kl_store_parse_date (good[i]);
      char text[11];

      g_assert_true (kl_store_is_date (good[i]));
      g_assert_nonnull (date);
      g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
      g_assert_cmpstr (text, ==, good[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      if (kl_store_is_date (bad[i]))
        g_test_fail_printf ("“%s” was taken for a date", bad[i]);
      g_assert_null (kl_store_parse_date (bad[i]));
    }
  g_assert_false (kl_store_is_date (NULL));
}

static void
test_permissions (void)
{
  /* A folder the store makes itself, not one the test prepared. */
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "perm", "sub", "kompetenceloeft.db", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(KlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  store = kl_store_open (path, &error);
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_reopen (void)
{
  g_autofree char *path = kl_test_tmp_path ("reopen.db");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) count = NULL;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(KlStore) store = kl_store_open (path, &error);
      g_assert_no_error (error);
    }

  /* Opening twice seeds once. */
  count = kl_test_query_column (path, "SELECT count(*) FROM theme");
  g_assert_cmpstr (count[0], ==, "11");
}

static void
assert_refused (const char *path,
                int         code,
                const char *message_part)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  g_autoptr(KlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  store = kl_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, KL_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, message_part));

  /* The file is left exactly as it was. */
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_refuse_not_sqlite (void)
{
  g_autofree char *path = kl_test_tmp_path ("notes.db");
  const char text[] = "Dette er en tekstfil, ikke en database.\n"
                      "Den er lang nok til at ligne en rigtig fil, men den er ikke SQLite.\n";

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  assert_refused (path, KL_STORE_ERROR_NOT_A_DATABASE, "not a Kompetenceløft database");
}

static void
test_refuse_newer_version (void)
{
  g_autofree char *path = kl_test_tmp_path ("newer.db");
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE future (x); PRAGMA user_version = 99;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused (path, KL_STORE_ERROR_NEWER_VERSION, "newer version");
}

static void
test_refuse_corrupt (void)
{
  g_autofree char *path = kl_test_tmp_path ("corrupt.db");
  g_autofree char *contents = NULL;
  gsize length;

  {
    g_autoptr(KlStore) store = kl_store_open (path, NULL);
    g_assert_nonnull (store);
  }
  {
    /* Checkpoint the WAL so every page is in the main file. */
    sqlite3 *db = NULL;
    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;", NULL, NULL, NULL);
    sqlite3_close (db);
  }

  /* Keep SQLite's header but scramble the schema page and beyond. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  for (gsize i = 100; i < length; i++)
    contents[i] = (char)(i * 7 + 13);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  assert_refused (path, KL_STORE_ERROR_CORRUPT, "damaged");
}

static void
test_refuse_unreadable_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = NULL;

  if (geteuid () == 0)
    {
      /* root may write anywhere; use a path under a file instead. */
      g_autofree char *file = kl_test_tmp_path ("plain-file");
      g_autofree char *path = g_build_filename (file, "x.db", NULL);

      g_assert_true (g_file_set_contents (file, "x", -1, NULL));
      store = kl_store_open (path, &error);
    }
  else
    {
      store = kl_store_open ("/proc/kompetenceloeft/x.db", &error);
    }

  g_assert_null (store);
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_CANNOT_OPEN);
}

int
main (int   argc,
      char *argv[])
{
  kl_test_init (&argc, &argv);

  g_test_add_func ("/store/create-and-seed", test_create_and_seed);
  g_test_add_func ("/store/permissions", test_permissions);
  g_test_add_func ("/store/dates", test_dates);
  g_test_add_func ("/store/enrolment-status-check", test_enrolment_status_check);
  g_test_add_func ("/store/reopen", test_reopen);
  g_test_add_func ("/store/refuse/not-sqlite", test_refuse_not_sqlite);
  g_test_add_func ("/store/refuse/newer-version", test_refuse_newer_version);
  g_test_add_func ("/store/refuse/corrupt", test_refuse_corrupt);
  g_test_add_func ("/store/refuse/unusable-path", test_refuse_unreadable_folder);

  return g_test_run ();
}
