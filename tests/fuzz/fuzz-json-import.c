/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kl-json.h"
#include "kl-store.h"

/* libFuzzer target for the JSON importer: whatever the file holds, the
 * import must not crash, must not make GLib or json-glib log a warning
 * or critical, and a failure must come with an error that names the file.
 *
 * One database for the whole run, already holding records the inputs can
 * refer to and update; every input is imported as a dry run, which runs
 * both passes (checking and writing) inside a transaction that is rolled
 * back, so the database is the same for every input.
 *
 * To look past a known finding for others, KL_FUZZ_ALLOW_CRITICALS=1 lets
 * warnings and criticals through. */

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

static KlStore *store;
static char *input_path;
static char *work_dir;

static const char base[] =
  "{\"format\": \"kompetenceloeft\", \"version\": 1,\n"
  " \"units\": [{\"id\": \"u-nord\", \"name\": \"Bostøtte Nord\", \"parent\": null},\n"
  "            {\"id\": \"u-oest\", \"name\": \"Team Øst\", \"parent\": \"u-nord\"}],\n"
  " \"themes\": [{\"id\": \"t-medicin\", \"name\": \"Medicinhåndtering\", \"builtin\": false}],\n"
  " \"staff\": [{\"id\": \"s-mette\", \"name\": \"Mette Sørensen\", \"unit\": \"u-oest\", \"job_title\": \"Pædagog\","
  "  \"email\": \"ms@example.dk\", \"started_on\": \"2019-08-01\", \"left_on\": null, \"weekly_hours\": 37.0, \"note\": \"\"}],\n"
  " \"assessments\": [{\"id\": \"a-1\", \"staff\": \"s-mette\", \"theme\": \"sundhed\", \"level\": 2, \"target\": 3,"
  "  \"assessed_on\": \"2026-03-12\", \"note\": \"\"}],\n"
  " \"goals\": [{\"id\": \"g-1\", \"staff\": \"s-mette\", \"theme\": null, \"text\": \"Recovery\","
  "  \"agreed_on\": \"2026-03-12\", \"due_on\": \"2026-12-31\", \"status\": \"open\"}],\n"
  " \"courses\": [{\"id\": \"c-1\", \"title\": \"Recovery i praksis\", \"provider\": \"VIA\", \"themes\": [\"sundhed\"],"
  "  \"starts_on\": \"2026-05-04\", \"ends_on\": \"2026-05-05\", \"hours\": 14.0, \"cost_dkk\": 4500.0, \"capacity\": 1,"
  "  \"location\": \"Aarhus\", \"status\": \"scheduled\", \"description\": \"\", \"url\": \"\"}],\n"
  " \"enrolments\": [{\"id\": \"e-1\", \"staff\": \"s-mette\", \"course\": \"c-1\", \"status\": \"enrolled\","
  "  \"enrolled_on\": \"2026-02-01\", \"completed_on\": null, \"note\": \"\"}],\n"
  " \"principle_assessments\": [{\"id\": \"pa-1\", \"principle\": \"faglig-refleksion\", \"unit\": \"u-nord\","
  "  \"assessed_on\": \"2026-06-01\", \"maturity\": 3, \"reflection\": \"\"}],\n"
  " \"actions\": [{\"id\": \"x-1\", \"title\": \"Refleksionsmøder\", \"principle\": \"faglig-refleksion\", \"theme\": null,"
  "  \"unit\": \"u-nord\", \"owner\": \"s-mette\", \"due_on\": \"2026-09-01\", \"status\": \"open\", \"note\": \"\"}]}\n";

/* libFuzzer keeps the input of an abort(); GLib's fatal messages end in
 * a breakpoint trap instead, which it does not catch. */
G_GNUC_NORETURN G_GNUC_PRINTF (1, 2)
static void
finding (const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
  abort ();
}

static gboolean allow_criticals;

static gboolean
is_finding (GLogLevelFlags level)
{
  if (level & G_LOG_LEVEL_ERROR)
    return TRUE;
  return !allow_criticals && (level & (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)) != 0;
}

static void
on_log (const char     *domain,
        GLogLevelFlags  level,
        const char     *message,
        gpointer        data)
{
  if (is_finding (level))
    finding ("%s: %s", domain ? domain : "(no domain)", message);
}

static GLogWriterOutput
on_structured_log (GLogLevelFlags    level,
                   const GLogField  *fields,
                   gsize             n_fields,
                   gpointer          data)
{
  if (is_finding (level))
    {
      for (gsize i = 0; i < n_fields; i++)
        if (g_str_equal (fields[i].key, "MESSAGE"))
          finding ("%s", (const char *)fields[i].value);
      finding ("a fatal log message");
    }
  return g_log_writer_default (level, fields, n_fields, data);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* libFuzzer ends a timed run with exit(). */
static void
clean_up (void)
{
  g_clear_object (&store);
  if (work_dir != NULL)
    remove_tree (work_dir);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  KlImportSummary summary;

  allow_criticals = g_strcmp0 (g_getenv ("KL_FUZZ_ALLOW_CRITICALS"), "1") == 0;
  g_log_set_default_handler (on_log, NULL);
  g_log_set_writer_func (on_structured_log, NULL, NULL);

  dir = g_dir_make_tmp ("kl-fuzz-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  work_dir = g_strdup (dir);
  atexit (clean_up);
  db = g_build_filename (dir, "kompetenceloeft.db", NULL);
  input_path = g_build_filename (dir, "input.json", NULL);

  store = kl_store_open (db, &error);
  if (store == NULL)
    g_error ("Could not open %s: %s", db, error->message);
  if (!g_file_set_contents (input_path, base, -1, &error) ||
      !kl_json_import_file (store, input_path, FALSE, &summary, &error))
    g_error ("Could not fill %s: %s", db, error->message);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  KlImportSummary summary;
  gboolean ok;

  if (!g_file_set_contents (input_path, (const char *)data, size, &error))
    finding ("Could not write %s: %s", input_path, error->message);

  ok = kl_json_import_file (store, input_path, TRUE, &summary, &error);
  if (ok && error != NULL)
    finding ("The import succeeded but set an error: %s", error->message);
  if (!ok && error == NULL)
    finding ("The import failed without an error");
  /* "FILE: where: what"; the command line prints it as one line. A line
   * break may only come from text quoted from the file: the parser's
   * own messages are one line. */
  if (!ok && !g_str_has_prefix (error->message, input_path))
    finding ("The error does not begin with the file: %s", error->message);
  if (!ok && g_str_has_prefix (error->message + strlen (input_path), ": not valid JSON") &&
      strchr (error->message, '\n') != NULL)
    finding ("The JSON syntax error is more than one line: %s", error->message);
  return 0;
}
