/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "kl-test-utils.h"

/* Import and export from the command line (DESIGN.md section 7), the way
 * HR's scripts run them: the real executable, no display, one line on
 * stderr and a non-zero exit status for anything that goes wrong, and
 * nothing changed when it does. */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

typedef struct
{
  const char *language;    /* "en" or "da" */
  rlim_t      file_limit;  /* 0: none */
} Setup;

static void
limit_file_size (gpointer data)
{
  const Setup *setup = data;
  struct rlimit limit = { setup->file_limit, setup->file_limit };

  /* A write past the limit fails with EFBIG instead of killing us. */
  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

static void
run_argv (Run         *run,
          const Setup *setup,
          GPtrArray   *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *exe = g_getenv ("KL_EXECUTABLE_PATH");
  gboolean danish = setup && g_strcmp0 (setup->language, "da") == 0;

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (char *)exe);
  for (guint i = 0; i < args->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (args, i));
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "LANGUAGE", danish ? "da" : "en", TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", danish ? "da_DK.UTF-8" : "C.UTF-8", TRUE);

  g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_DEFAULT,
                setup && setup->file_limit ? limit_file_size : NULL, (gpointer)setup,
                &run->out, &run->err, &run->status, &error);
  g_assert_no_error (error);

  /* In the sanitizer build, LeakSanitizer may add the list of the
   * suppressions it used; that is not what a user sees. */
  {
    char *report = strstr (run->err, "-----------------------------------------------------\nSuppressions used:");

    if (report != NULL)
      *report = '\0';
    if (report != NULL && report > run->err && report[-1] == '\n' && report - 1 > run->err && report[-2] == '\n')
      report[-1] = '\0';
  }
}

/* Runs the real executable with no display, as HR's scripts would. */
static void
run_app (Run        *run,
         const char *first_arg,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *)arg);
  va_end (ap);
  run_argv (run, NULL, args);
}

static void
run_app_with (Run         *run,
              const Setup *setup,
              const char  *first_arg,
              ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *)arg);
  va_end (ap);
  run_argv (run, setup, args);
}

static void
assert_success (Run *run)
{
  if (!g_spawn_check_wait_status (run->status, NULL))
    g_error ("kompetenceloeft failed: %s", run->err);
  g_assert_cmpstr (run->err, ==, "");
}

/* The failure a user sees: one line "kompetenceloeft: …" naming what
 * went wrong; each of the NULL-terminated @... must be in it. */
static void
assert_one_line_error (Run        *run,
                       const char *first_part,
                       ...)
{
  va_list ap;

  if (g_spawn_check_wait_status (run->status, NULL))
    g_error ("Expected a failure, but kompetenceloeft succeeded (stdout: %s)", run->out);
  if (!g_str_has_prefix (run->err, "kompetenceloeft: ") || !g_str_has_suffix (run->err, "\n") ||
      strchr (run->err, '\n') != run->err + strlen (run->err) - 1)
    g_error ("Expected one line “kompetenceloeft: …” on stderr, got:\n%s", run->err);

  va_start (ap, first_part);
  for (const char *part = first_part; part != NULL; part = va_arg (ap, const char *))
    if (strstr (run->err, part) == NULL)
      g_error ("Expected “%s” in: %s", part, run->err);
  va_end (ap);
}

static char *
option (const char *name,
        const char *value)
{
  return g_strdup_printf ("--%s=%s", name, value);
}

/* A database with the records of tests/data/import/good.json */
static char *
good_database (const char *name)
{
  g_autofree char *path = kl_test_tmp_path (name);
  g_autofree char *database = option ("database", path);
  g_autofree char *good = kl_test_import_path ("good.json");
  g_autofree char *import = option ("import", good);
  g_auto(Run) run = { 0 };

  run_app (&run, database, import, NULL);
  assert_success (&run);
  return g_steal_pointer (&path);
}

static char *
demo_database (const char *name)
{
  g_autofree char *path = kl_test_tmp_path (name);
  g_autofree char *database = option ("database", path);
  g_autofree char *json = g_strconcat (path, ".json", NULL);
  g_autofree char *output = option ("output", json);
  g_auto(Run) run = { 0 };

  run_app (&run, database, "--demo", "--export=json", output, NULL);
  assert_success (&run);
  return g_steal_pointer (&path);
}

/* The whole database as the exchange format, without the export time */
static char *
database_content (const char *db)
{
  g_autofree char *database = option ("database", db);
  g_autofree char *json = g_strconcat (db, "-content.json", NULL);
  g_autofree char *output = option ("output", json);
  g_autofree char *text = NULL;
  g_autoptr(GRegex) stamp = g_regex_new ("^  \"exported_at\": \"[0-9T:Z-]+\",\n", G_REGEX_MULTILINE, 0, NULL);
  g_auto(Run) run = { 0 };

  run_app (&run, database, "--export=json", output, NULL);
  assert_success (&run);
  text = kl_test_read_file (json);
  g_unlink (json);
  return g_regex_replace_literal (stamp, text, -1, 0, "", 0, NULL);
}

static JsonObject *
parse_object (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (!json_parser_load_from_file (parser, path, &error))
    g_error ("%s is not valid JSON: %s", path, error->message);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
assert_private_file (const char *path,
                     const char *magic)
{
  g_autofree char *contents = NULL;
  gsize length;
  struct stat info;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, strlen (magic));
  g_assert_cmpmem (contents, strlen (magic), magic, strlen (magic));
  /* Exports hold personal data: only the user may read them. */
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
}

static char *
run_tool (const char *first,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    g_error ("Could not run %s (tools/test installs it): %s", first, error->message);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* Tests */

static void
test_demo_export_json (void)
{
  g_autofree char *path = kl_test_tmp_path ("demo/kompetenceloeft.db");
  g_autofree char *json = kl_test_tmp_path ("demo/export.json");
  g_autofree char *database = option ("database", path);
  g_autofree char *output = option ("output", json);
  g_autoptr(JsonObject) top = NULL;
  g_autoptr(GHashTable) statuses = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *enrolments;
  g_auto(Run) run = { 0 };

  run_app (&run, database, "--demo", "--export=json", output, NULL);
  assert_success (&run);
  assert_private_file (json, "{");

  top = parse_object (json);
  g_assert_cmpstr (json_object_get_string_member (top, "format"), ==, "kompetenceloeft");
  g_assert_cmpint (json_object_get_int_member (top, "version"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (top, "units")), >=, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (top, "staff")), >=, 40);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (top, "courses")), >=, 15);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (top, "themes")), >=, 11);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (top, "assessments")), >, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (top, "goals")), >, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (top, "principle_assessments")), >, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (top, "actions")), >, 0);

  enrolments = json_object_get_array_member (top, "enrolments");
  for (guint i = 0; i < json_array_get_length (enrolments); i++)
    g_hash_table_add (statuses, (gpointer)json_object_get_string_member (json_array_get_object_element (enrolments, i),
                                                                         "status"));
  g_assert_cmpuint (g_hash_table_size (statuses), ==, 6);
}

static void
test_import_good (void)
{
  g_autofree char *path = kl_test_tmp_path ("import/kompetenceloeft.db");
  g_autofree char *database = option ("database", path);
  g_autofree char *good = kl_test_import_path ("good.json");
  g_autofree char *import = option ("import", good);
  g_autofree char *content = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) again = { 0 };

  run_app (&run, database, import, NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==,
                   "units: 2 added, 0 updated, 0 unchanged\n"
                   "themes: 1 added, 0 updated, 1 unchanged\n"
                   "staff: 2 added, 0 updated, 0 unchanged\n"
                   "assessments: 2 added, 0 updated, 0 unchanged\n"
                   "goals: 1 added, 0 updated, 0 unchanged\n"
                   "courses: 2 added, 0 updated, 0 unchanged\n"
                   "enrolments: 2 added, 0 updated, 0 unchanged\n"
                   "principle_assessments: 1 added, 0 updated, 0 unchanged\n"
                   "actions: 1 added, 0 updated, 0 unchanged\n");

  content = database_content (path);
  g_assert_nonnull (strstr (content, "{\"id\": \"s-mette\", \"name\": \"Mette Sørensen\", \"unit\": \"u-oest\", "
                                     "\"job_title\": \"Pædagog\", \"email\": \"ms@example.dk\", "
                                     "\"started_on\": \"2019-08-01\", \"left_on\": null, "
                                     "\"weekly_hours\": 37.0, \"note\": \"\"}"));

  /* The same file again changes nothing. */
  run_app (&again, database, import, NULL);
  assert_success (&again);
  g_assert_nonnull (strstr (again.out, "staff: 0 added, 0 updated, 2 unchanged\n"));
  g_assert_nonnull (strstr (again.out, "units: 0 added, 0 updated, 2 unchanged\n"));
}

static void
test_import_bad (void)
{
  static const struct { const char *file; const char *where; } cases[] = {
    { "unknown-reference.json", "staff[s-orphan].unit: " },
    { "bad-level.json", "assessments[a-bad-level].level: " },
    { "duplicate-id.json", "staff[s-twin].id: " },
    { "unit-loop.json", "units[u-a].parent: " },
    { "end-before-start.json", "courses[c-backwards].ends_on: " },
  };
  g_autofree char *path = good_database ("import-bad/kompetenceloeft.db");
  g_autofree char *database = option ("database", path);
  g_autofree char *before = database_content (path);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *file = kl_test_import_path (cases[i].file);
      g_autofree char *import = option ("import", file);
      g_autofree char *expected = g_strdup_printf ("kompetenceloeft: %s: %s", file, cases[i].where);
      g_autofree char *after = NULL;
      g_auto(Run) run = { 0 };

      run_app (&run, database, import, NULL);
      assert_one_line_error (&run, file, NULL);
      if (!g_str_has_prefix (run.err, expected))
        g_error ("Expected the error to begin “%s”, got: %s", expected, run.err);
      g_assert_cmpstr (run.out, ==, "");

      after = database_content (path);
      g_assert_cmpstr (after, ==, before);
    }
}

/* A file that fails only when written (two enrolments of one person on
 * one course) is rolled back whole. */
static void
test_import_rolled_back (void)
{
  g_autofree char *path = good_database ("import-rollback/kompetenceloeft.db");
  g_autofree char *database = option ("database", path);
  g_autofree char *file = kl_test_import_path ("duplicate-enrolment.json");
  g_autofree char *import = option ("import", file);
  g_autofree char *before = database_content (path);
  g_autofree char *after = NULL;
  g_auto(Run) run = { 0 };

  run_app (&run, database, import, NULL);
  assert_one_line_error (&run, file, "enrolments[e-second]", NULL);
  after = database_content (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_null (strstr (after, "Bostøtte Nord (ændret)"));
}

/* Text from the file with a line break in it still makes one line. */
static void
test_import_line_breaks (void)
{
  static const struct { const char *file; const char *part; } cases[] = {
    { "value-with-line-break.json", "staff[s-break].started_on: “2026- 01-15” is not a date" },
    { "id-with-line-break.json", "staff[s- break].name: must not be empty" },
    { "syntax-error-line-break.json", "not valid JSON" },
  };
  g_autofree char *path = good_database ("import-line-breaks/kompetenceloeft.db");
  g_autofree char *database = option ("database", path);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *file = kl_test_import_path (cases[i].file);
      g_autofree char *import = option ("import", file);
      g_auto(Run) run = { 0 };

      run_app (&run, database, import, NULL);
      assert_one_line_error (&run, file, cases[i].part, NULL);
    }
}

static void
test_import_missing_file (void)
{
  g_autofree char *path = good_database ("import-missing/kompetenceloeft.db");
  g_autofree char *database = option ("database", path);
  g_autofree char *file = kl_test_tmp_path ("import-missing/no-such-file.json");
  g_autofree char *import = option ("import", file);
  g_auto(Run) run = { 0 };

  run_app (&run, database, import, NULL);
  assert_one_line_error (&run, file, NULL);
}

static void
test_export_csv (void)
{
  g_autofree char *path = good_database ("csv/kompetenceloeft.db");
  g_autofree char *database = option ("database", path);
  g_autofree char *csv = kl_test_tmp_path ("csv/staff.csv");
  g_autofree char *output = option ("output", csv);
  g_autofree char *text = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) overview = { 0 };

  run_app (&run, database, "--export=csv", "--report=staff", output, NULL);
  assert_success (&run);
  assert_private_file (csv, "\xEF\xBB\xBF");
  text = kl_test_read_file (csv);
  g_assert_cmpstr (text, ==,
                   "\xEF\xBB\xBF"
                   "Name;Unit;Job title;E-mail;Started;Left;Weekly hours;Courses completed;Training hours;"
                   "Themes below target\r\n"
                   "Jonas Æbelø;Bostøtte Nord;Social- og sundhedsassistent;;2021-02-15;;32,5;0;0;0\r\n"
                   "Mette Sørensen;Team Øst;Pædagog;ms@example.dk;2019-08-01;;37;1;14;1\r\n");
  g_clear_pointer (&text, g_free);

  /* Without --report: the training overview. */
  run_app (&overview, database, "--export=csv", output, NULL);
  assert_success (&overview);
  text = kl_test_read_file (csv);
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF" "Staff member;Unit;Job title;Course;Provider;Themes;"
                                         "Starts;Ends;Hours;Cost (DKK);Status;Enrolled on;Completed on\r\n"));
  g_assert_nonnull (strstr (text, "\r\nMette Sørensen;Team Øst;Pædagog;Recovery i praksis;VIA University College;"
                                  "Rehabilitation and recovery;2026-05-04;2026-05-05;14;4500,00;Completed;"
                                  "2026-02-01;2026-05-05\r\n"));
}

static void
test_export_filters (void)
{
  g_autofree char *path = good_database ("filters/kompetenceloeft.db");
  g_autofree char *database = option ("database", path);
  g_autofree char *csv = kl_test_tmp_path ("filters/overview.csv");
  g_autofree char *output = option ("output", csv);

  /* A unit by name, any case, with its sub-units */
  {
    g_auto(Run) run = { 0 };
    g_autofree char *text = NULL;

    run_app (&run, database, "--export=csv", "--unit=team øst", output, NULL);
    assert_success (&run);
    text = kl_test_read_file (csv);
    g_assert_nonnull (strstr (text, "\r\nMette Sørensen;"));
    g_assert_null (strstr (text, "Jonas Æbelø"));
  }
  {
    g_auto(Run) run = { 0 };
    g_autofree char *text = NULL;

    run_app (&run, database, "--export=csv", "--report=staff", "--unit=Bostøtte Nord", output, NULL);
    assert_success (&run);
    text = kl_test_read_file (csv);
    g_assert_nonnull (strstr (text, "\r\nMette Sørensen;"));
    g_assert_nonnull (strstr (text, "\r\nJonas Æbelø;"));
  }
  /* A period: the medicine course is in September. */
  {
    g_auto(Run) run = { 0 };
    g_autofree char *text = NULL;

    run_app (&run, database, "--export=csv", "--report=courses", "--from=2026-06-01", "--to=2026-12-31",
             output, NULL);
    assert_success (&run);
    text = kl_test_read_file (csv);
    g_assert_nonnull (strstr (text, "\r\nMedicin i hverdagen;"));
    g_assert_null (strstr (text, "Recovery i praksis"));
  }
  /* JSON is always the whole database. */
  {
    g_autofree char *json = kl_test_tmp_path ("filters/all.json");
    g_autofree char *json_output = option ("output", json);
    g_autofree char *text = NULL;
    g_auto(Run) run = { 0 };

    run_app (&run, database, "--export=json", "--unit=Team Øst", "--from=2026-06-01", json_output, NULL);
    assert_success (&run);
    text = kl_test_read_file (json);
    g_assert_nonnull (strstr (text, "\"Jonas Æbelø\""));
    g_assert_nonnull (strstr (text, "\"Recovery i praksis\""));
  }
}

static void
test_export_bad_options (void)
{
  static const struct { const char *args[3]; const char *part; } cases[] = {
    { { "--export=csv", "--report=bogus", NULL }, "--report=bogus" },
    { { "--export=csv", "--from=2026-13-01", NULL }, "--from=2026-13-01" },
    { { "--export=pdf", "--to=2026-02-30", NULL }, "--to=2026-02-30" },
    { { "--export=csv", "--from=2026-06-01", "--to=2026-05-31" }, "--to=2026-05-31" },
    { { "--export=xlsx", "--unit=NoSuchUnit", NULL }, "NoSuchUnit" },
    { { "--export=docx", NULL, NULL }, "docx" },
  };
  g_autofree char *path = good_database ("options/kompetenceloeft.db");
  g_autofree char *database = option ("database", path);
  g_autofree char *file = kl_test_tmp_path ("options/out.file");
  g_autofree char *output = option ("output", file);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_auto(Run) run = { 0 };

      g_ptr_array_add (args, database);
      for (guint j = 0; j < G_N_ELEMENTS (cases[i].args) && cases[i].args[j] != NULL; j++)
        g_ptr_array_add (args, (char *)cases[i].args[j]);
      g_ptr_array_add (args, output);
      run_argv (&run, NULL, args);
      assert_one_line_error (&run, cases[i].part, NULL);
      g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
    }
}

static void
test_export_xlsx_pdf (void)
{
  g_autofree char *path = good_database ("xlsx-pdf/kompetenceloeft.db");
  g_autofree char *database = option ("database", path);
  g_autofree char *xlsx = kl_test_tmp_path ("xlsx-pdf/overview.xlsx");
  g_autofree char *pdf = kl_test_tmp_path ("xlsx-pdf/overview.pdf");
  g_autofree char *xlsx_output = option ("output", xlsx);
  g_autofree char *pdf_output = option ("output", pdf);
  g_autofree char *workbook = NULL;
  g_autofree char *text = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) run_pdf = { 0 };

  run_app (&run, database, "--export=xlsx", xlsx_output, NULL);
  assert_success (&run);
  assert_private_file (xlsx, "PK\x03\x04");
  workbook = run_tool ("unzip", "-p", xlsx, "xl/workbook.xml", NULL);
  g_assert_nonnull (strstr (workbook, "<sheet name=\"Training overview\""));
  g_assert_nonnull (strstr (workbook, "<sheet name=\"Principle status\""));

  run_app (&run_pdf, database, "--export=pdf", pdf_output, NULL);
  assert_success (&run_pdf);
  assert_private_file (pdf, "%PDF-");
  text = run_tool ("pdftotext", "-layout", pdf, "-", NULL);
  g_assert_nonnull (strstr (text, "Training overview"));
  g_assert_nonnull (strstr (text, "Mette Sørensen — Pædagog"));
  g_assert_nonnull (strstr (text, "Page 1 of 2"));
}

/* With a Danish locale the exports speak Danish, and the numbers inside
 * the XLSX stay XML numbers. */
static void
test_export_danish (void)
{
  const Setup danish = { "da", 0 };
  g_autofree char *path = good_database ("danish/kompetenceloeft.db");
  g_autofree char *database = option ("database", path);
  g_autofree char *csv = kl_test_tmp_path ("danish/personale.csv");
  g_autofree char *xlsx = kl_test_tmp_path ("danish/oversigt.xlsx");
  g_autofree char *csv_output = option ("output", csv);
  g_autofree char *xlsx_output = option ("output", xlsx);
  g_autofree char *text = NULL;
  g_autofree char *workbook = NULL;
  g_autofree char *sheet = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) run_xlsx = { 0 };

  run_app_with (&run, &danish, database, "--export=csv", "--report=staff", csv_output, NULL);
  assert_success (&run);
  text = kl_test_read_file (csv);
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF" "Navn;Enhed;Stilling;E-mail;Påbegyndt;Fratrådt;"
                                         "Ugentlige timer;Gennemførte kurser;Uddannelsestimer;Temaer under mål\r\n"));

  run_app_with (&run_xlsx, &danish, database, "--export=xlsx", xlsx_output, NULL);
  assert_success (&run_xlsx);
  workbook = run_tool ("unzip", "-p", xlsx, "xl/workbook.xml", NULL);
  if (strstr (workbook, "<sheet name=\"Uddannelsesoversigt\"") == NULL)
    g_test_fail_printf ("Under a Danish locale the workbook has no sheet “Uddannelsesoversigt”");
  sheet = run_tool ("unzip", "-p", xlsx, "xl/worksheets/sheet1.xml", NULL);
  {
    g_autoptr(GRegex) comma = g_regex_new ("(width=\"[0-9]+,[0-9]+\"|<v>-?[0-9]+,[0-9]+</v>)", 0, 0, NULL);
    g_autoptr(GMatchInfo) match = NULL;

    if (g_regex_match (comma, sheet, 0, &match))
      {
        g_autofree char *found = g_match_info_fetch (match, 0);
        g_test_fail_printf ("Under a Danish locale xl/worksheets/sheet1.xml holds a number with a decimal "
                            "comma, which the file format does not allow: %s", found);
      }
  }
}

static void
test_demo_refused (void)
{
  g_autofree char *path = good_database ("demo-refused/kompetenceloeft.db");
  g_autofree char *database = option ("database", path);
  g_autofree char *before = database_content (path);
  g_autofree char *after = NULL;
  g_auto(Run) run = { 0 };

  run_app (&run, database, "--demo", NULL);
  assert_one_line_error (&run, "already has staff", NULL);
  g_assert_cmpstr (run.out, ==, "");
  after = database_content (path);
  g_assert_cmpstr (after, ==, before);

  /* Nor is an import in the same command applied. */
  {
    g_autofree char *file = kl_test_tmp_path ("demo-refused/more.json");
    g_autofree char *import = option ("import", file);
    g_autofree char *again = NULL;
    g_auto(Run) both = { 0 };

    g_assert_true (g_file_set_contents (file,
                                        "{\"format\": \"kompetenceloeft\", \"version\": 1, \"units\": "
                                        "[{\"id\": \"u-new\", \"name\": \"Ny enhed\"}]}", -1, NULL));
    run_app (&both, database, "--demo", import, NULL);
    assert_one_line_error (&both, "already has staff", NULL);
    again = database_content (path);
    g_assert_cmpstr (again, ==, before);
  }
}

static void
test_output_folder_missing (void)
{
  const char *formats[] = { "json", "csv", "xlsx", "pdf" };
  g_autofree char *path = good_database ("no-folder/kompetenceloeft.db");
  g_autofree char *database = option ("database", path);
  g_autofree char *folder = kl_test_tmp_path ("no-folder/no such folder");

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *file = g_strdup_printf ("%s/out.%s", folder, formats[i]);
      g_autofree char *output = option ("output", file);
      g_autofree char *export = option ("export", formats[i]);
      g_auto(Run) run = { 0 };

      run_app (&run, database, export, output, NULL);
      assert_one_line_error (&run, file, NULL);
      g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
    }
}

/* An export that fails half-way (here: the disk takes only 40 kB) leaves
 * no half-written file, and an earlier export at that path untouched. */
static void
test_failed_export_no_partial_file (void)
{
  const Setup small_disk = { "en", 40000 };
  const char *formats[] = { "json", "pdf" };
  g_autofree char *path = demo_database ("partial/kompetenceloeft.db");
  g_autofree char *database = option ("database", path);
  g_autoptr(GString) problems = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *file = g_strdup_printf ("%s.%s", path, formats[i]);
      g_autofree char *kept = g_strdup_printf ("%s-kept.%s", path, formats[i]);
      g_autofree char *output = option ("output", file);
      g_autofree char *kept_output = option ("output", kept);
      g_autofree char *export = option ("export", formats[i]);
      g_autofree char *contents = NULL;
      g_autofree char *line = NULL;
      g_auto(Run) run = { 0 };
      g_auto(Run) run_kept = { 0 };

      g_unlink (file);
      run_app_with (&run, &small_disk, database, export, output, NULL);
      line = g_strchomp (g_strdup (run.err));
      g_test_message ("%s: %s", formats[i], line);
      g_assert_false (g_spawn_check_wait_status (run.status, NULL));
      if (!g_str_has_prefix (run.err, "kompetenceloeft: ") || strchr (run.err, '\n') != run.err + strlen (run.err) - 1)
        g_string_append_printf (problems, "; the %s export did not fail with one line: %s", formats[i], line);
      else if (strstr (run.err, file) == NULL)
        g_string_append_printf (problems, "; the %s export's error does not name the file: “%s”", formats[i], line);
      if (g_file_test (file, G_FILE_TEST_EXISTS))
        g_string_append_printf (problems, "; the failed %s export left a partial file", formats[i]);

      g_assert_true (g_file_set_contents (kept, "the previous export\n", -1, NULL));
      run_app_with (&run_kept, &small_disk, database, export, kept_output, NULL);
      g_assert_false (g_spawn_check_wait_status (run_kept.status, NULL));
      contents = kl_test_read_file (kept);
      g_assert_cmpstr (contents, ==, "the previous export\n");
    }

  if (problems->len > 0)
    g_test_fail_printf ("%s", problems->str + 2);
}

int
main (int   argc,
      char *argv[])
{
  kl_test_init (&argc, &argv);

  g_test_add_func ("/cli-io/demo-export-json", test_demo_export_json);
  g_test_add_func ("/cli-io/import/good", test_import_good);
  g_test_add_func ("/cli-io/import/bad", test_import_bad);
  g_test_add_func ("/cli-io/import/rolled-back", test_import_rolled_back);
  g_test_add_func ("/cli-io/import/line-breaks", test_import_line_breaks);
  g_test_add_func ("/cli-io/import/missing-file", test_import_missing_file);
  g_test_add_func ("/cli-io/export/csv", test_export_csv);
  g_test_add_func ("/cli-io/export/filters", test_export_filters);
  g_test_add_func ("/cli-io/export/bad-options", test_export_bad_options);
  g_test_add_func ("/cli-io/export/xlsx-pdf", test_export_xlsx_pdf);
  g_test_add_func ("/cli-io/export/danish", test_export_danish);
  g_test_add_func ("/cli-io/export/output-folder-missing", test_output_folder_missing);
  g_test_add_func ("/cli-io/export/failed-no-partial-file", test_failed_export_no_partial_file);
  g_test_add_func ("/cli-io/demo-refused", test_demo_refused);

  return g_test_run ();
}
