/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "kl-test-utils.h"

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

/* Runs the real executable with no display, as HR's scripts would. */
static void
run_app (Run        *run,
         const char *first_arg,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *exe = g_getenv ("KL_EXECUTABLE_PATH");
  va_list args;

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (char *)exe);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "LANGUAGE", "en", TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);

  g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &run->status, &error);
  g_assert_no_error (error);
}

static void
assert_one_line_error (Run        *run,
                       const char *part)
{
  g_assert_false (g_spawn_check_wait_status (run->status, NULL));
  g_assert_true (g_str_has_prefix (run->err, "kompetenceloeft: "));
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
  if (strstr (run->err, part) == NULL)
    g_error ("Expected “%s” in: %s", part, run->err);
}

static void
test_version (void)
{
  g_auto(Run) run = { 0 };

  run_app (&run, "--version", NULL);
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  g_assert_cmpstr (run.out, ==, "Kompetenceløft " PACKAGE_VERSION "\n");
}

static void
test_help (void)
{
  g_auto(Run) run = { 0 };
  const char *options[] = {
    "--database=FILE", "--demo", "--import=FILE.json", "--export=FORMAT",
    "--output=FILE", "--report=KIND", "--from=YYYY-MM-DD", "--to=YYYY-MM-DD",
    "--unit=NAME", "--version",
  };

  run_app (&run, "--help", NULL);
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    if (strstr (run.out, options[i]) == NULL)
      g_error ("--help does not show %s:\n%s", options[i], run.out);
}

static void
test_option_combinations (void)
{
  {
    g_auto(Run) run = { 0 };
    run_app (&run, "--export=csv", NULL);
    assert_one_line_error (&run, "--output");
  }
  {
    g_auto(Run) run = { 0 };
    run_app (&run, "--output=x.csv", NULL);
    assert_one_line_error (&run, "--export");
  }
  {
    g_auto(Run) run = { 0 };
    run_app (&run, "--unit=Nord", NULL);
    assert_one_line_error (&run, "--export");
  }
}

static void
test_database_refused (void)
{
  g_autofree char *path = kl_test_tmp_path ("cli-not-a-db.db");
  g_autofree char *arg = g_strconcat ("--database=", path, NULL);
  g_autofree char *output = kl_test_tmp_path ("out.json");
  g_autofree char *output_arg = g_strconcat ("--output=", output, NULL);
  g_autofree char *after = NULL;
  g_auto(Run) run = { 0 };
  const char text[] = "Ikke en database, bare tekst som en bruger ved en fejl har valgt.\n";

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  run_app (&run, arg, "--export=json", output_arg, NULL);
  assert_one_line_error (&run, path);
  g_assert_nonnull (strstr (run.err, "not a Kompetenceløft database"));

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, text);
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
}

static void
test_database_created (void)
{
  g_autofree char *path = kl_test_tmp_path ("cli/new folder/fresh.db");
  g_autofree char *arg = g_strconcat ("--database=", path, NULL);
  g_auto(Run) run = { 0 };

  /* Import is not built yet, but --database already creates the file. */
  run_app (&run, arg, "--import=missing.json", NULL);
  g_assert_false (g_spawn_check_wait_status (run.status, NULL));
  g_assert_true (g_str_has_prefix (run.err, "kompetenceloeft: "));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

int
main (int   argc,
      char *argv[])
{
  kl_test_init (&argc, &argv);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/option-combinations", test_option_combinations);
  g_test_add_func ("/cli/database-refused", test_database_refused);
  g_test_add_func ("/cli/database-created", test_database_created);

  return g_test_run ();
}
