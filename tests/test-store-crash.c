/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kl-store.h"
#include "kl-test-utils.h"

/* Crash safety (DESIGN.md section 6): a writer is killed at random
 * moments, again and again, on the same database. Whatever it reported as
 * saved must be there afterwards, assessment conversations must be whole
 * or absent, and the file must pass SQLite's integrity check. */

#define CHILD_ENV "KL_CRASH_CHILD"
#define ROUNDS 12
#define BATCH 3

/* The writer */

static void
child_fail (const char   *what,
            const GError *error)
{
  fprintf (stderr, "crash writer: %s: %s\n", what, error ? error->message : "failed");
  exit (2);
}

static int
run_writer (const char *path)
{
  g_autoptr(KlStore) store = NULL;
  g_autoptr(KlUnit) unit = kl_unit_new ();
  g_autoptr(GPtrArray) themes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *unit_name = g_strdup_printf ("Nattevagt %d", (int)getpid ());

  store = kl_store_open (path, &error);
  if (store == NULL)
    child_fail ("open", error);

  themes = kl_store_list_themes (store, FALSE, &error);
  if (themes == NULL || themes->len < BATCH)
    child_fail ("themes", error);

  kl_unit_set_name (unit, unit_name);
  if (!kl_store_save_unit (store, unit, &error))
    child_fail ("unit", error);

  printf ("ready\n");
  fflush (stdout);

  for (guint n = 0; ; n++)
    {
      g_autoptr(KlStaff) staff = kl_staff_new ();
      g_autofree char *name = g_strdup_printf ("Medarbejder %u-%d", n, (int)getpid ());

      kl_staff_set_name (staff, name);
      kl_staff_set_unit_id (staff, kl_record_get_id (KL_RECORD (unit)));
      kl_staff_set_job_title (staff, "Social- og sundhedsassistent");
      kl_staff_set_email (staff, "vagt@example.dk");
      kl_staff_set_started_on (staff, "2024-01-01");
      kl_staff_set_weekly_hours (staff, 32);
      kl_staff_set_note (staff, "Skrevet af crash-testen.");
      if (!kl_store_save_staff (store, staff, &error))
        child_fail ("staff", error);

      printf ("staff %s\n", kl_record_get_uuid (KL_RECORD (staff)));
      fflush (stdout);

      /* Now and then a whole assessment conversation, in one go. */
      if (n % 7 == 3)
        {
          g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);

          for (guint i = 0; i < BATCH; i++)
            {
              KlAssessment *assessment = kl_assessment_new ();

              kl_assessment_set_staff_id (assessment, kl_record_get_id (KL_RECORD (staff)));
              kl_assessment_set_theme_id (assessment, kl_record_get_id (g_ptr_array_index (themes, i)));
              kl_assessment_set_assessed_on (assessment, "2025-03-01");
              kl_assessment_set_level (assessment, (int)(n + i) % 5);
              kl_assessment_set_target (assessment, 4);
              g_ptr_array_add (batch, assessment);
            }
          if (!kl_store_save_assessments (store, batch, &error))
            child_fail ("assessments", error);

          for (guint i = 0; i < BATCH; i++)
            printf ("assessment %s\n", kl_record_get_uuid (g_ptr_array_index (batch, i)));
          fflush (stdout);
        }
    }

  return 0;
}

/* The test */

/* Takes the complete lines out of @buffer into @lines. */
static void
take_lines (GString   *buffer,
            GPtrArray *lines)
{
  char *newline;

  while ((newline = memchr (buffer->str, '\n', buffer->len)) != NULL)
    {
      gsize length = newline - buffer->str;

      g_ptr_array_add (lines, g_strndup (buffer->str, length));
      g_string_erase (buffer, 0, length + 1);
    }
}

/* Reads what the writer says until @deadline (monotonic time), or until
 * the pipe is closed when @deadline is 0. */
static gboolean
read_until (int        fd,
            gint64     deadline,
            GString   *buffer,
            GPtrArray *lines)
{
  char chunk[4096];

  for (;;)
    {
      struct pollfd pfd = { fd, POLLIN, 0 };
      int timeout = -1;
      gssize got;

      if (deadline > 0)
        {
          gint64 left = deadline - g_get_monotonic_time ();

          if (left <= 0)
            return TRUE;
          timeout = (int)MAX (1, left / 1000);
        }

      if (poll (&pfd, 1, timeout) < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      if (pfd.revents == 0)
        continue;

      got = read (fd, chunk, sizeof chunk);
      if (got < 0 && errno == EINTR)
        continue;
      if (got <= 0)
        return FALSE;   /* the writer's end is closed */
      g_string_append_len (buffer, chunk, got);
      take_lines (buffer, lines);
    }
}

static gboolean
has_line (GPtrArray  *lines,
          guint       from,
          const char *text)
{
  for (guint i = from; i < lines->len; i++)
    if (g_str_equal (g_ptr_array_index (lines, i), text))
      return TRUE;
  return FALSE;
}

static void
test_kill_writer (void)
{
  g_autofree char *path = kl_test_tmp_path ("crash/kompetenceloeft.db");
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) staff_uuids = NULL;
  g_autoptr(GHashTable) assessment_uuids = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20250301);
  g_autoptr(KlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), CHILD_ENV, path, TRUE);
  g_auto(GStrv) integrity = NULL;
  g_auto(GStrv) staff = NULL;
  g_auto(GStrv) assessments = NULL;
  g_auto(GStrv) uneven = NULL;
  guint reported_staff = 0, reported_assessments = 0, missing = 0;
  guint rounds_with_output = 0;

  g_assert_nonnull (self_exe);

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autoptr(GString) buffer = g_string_new (NULL);
      const char *argv[] = { self_exe, NULL };
      guint ms = (guint)g_rand_int_range (rand, 50, 401);
      guint before = lines->len;
      guint reported;
      GPid pid = 0;
      int out_fd = -1;
      int status = 0;

      g_spawn_async_with_pipes (NULL, (char **)argv, env,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_CLOEXEC_PIPES,
                                NULL, NULL, &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);

      /* Most rounds kill while writing; every fourth may kill while the
       * store is still opening (recovering from the previous kill). */
      if (round % 4 != 1)
        {
          gint64 give_up = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;

          while (!has_line (lines, before, "ready") && g_get_monotonic_time () < give_up)
            if (!read_until (out_fd, g_get_monotonic_time () + 10 * G_TIME_SPAN_MILLISECOND, buffer, lines))
              break;
          g_assert_true (has_line (lines, before, "ready"));
        }
      read_until (out_fd, g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND, buffer, lines);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);

      /* Lines written before the kill were about committed saves too. */
      read_until (out_fd, 0, buffer, lines);
      close (out_fd);

      /* The writer must have been killed, not have given up by itself. */
      if (!WIFSIGNALED (status) || WTERMSIG (status) != SIGKILL)
        g_test_fail_printf ("Round %u: the writer stopped by itself (status %d) instead of being killed",
                            round, status);

      reported = 0;
      for (guint i = before; i < lines->len; i++)
        if (!g_str_equal (g_ptr_array_index (lines, i), "ready"))
          reported++;
      g_test_message ("Round %u: killed %u ms %s, %u records reported",
                      round, ms, round % 4 != 1 ? "into writing" : "after starting", reported);
      if (reported > 0)
        rounds_with_output++;
    }

  /* Open it as the app would after a crash. */
  store = kl_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (kl_store_get_schema_version (store), ==, KL_STORE_SCHEMA_VERSION);

  integrity = kl_test_query_column (path, "PRAGMA integrity_check");
  g_assert_cmpstrv (integrity, ((const char *[]) { "ok", NULL }));

  staff = kl_test_query_column (path, "SELECT uuid FROM staff");
  assessments = kl_test_query_column (path, "SELECT uuid FROM assessment");
  staff_uuids = g_hash_table_new (g_str_hash, g_str_equal);
  assessment_uuids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; staff[i] != NULL; i++)
    g_hash_table_add (staff_uuids, staff[i]);
  for (guint i = 0; assessments[i] != NULL; i++)
    g_hash_table_add (assessment_uuids, assessments[i]);

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      if (g_str_equal (line, "ready"))
        {
          continue;
        }
      else if (g_str_has_prefix (line, "staff "))
        {
          reported_staff++;
          if (!g_hash_table_contains (staff_uuids, line + 6))
            {
              if (missing++ < 20)
                g_test_message ("Reported as saved but missing: staff %s", line + 6);
            }
        }
      else if (g_str_has_prefix (line, "assessment "))
        {
          reported_assessments++;
          if (!g_hash_table_contains (assessment_uuids, line + 11))
            {
              if (missing++ < 20)
                g_test_message ("Reported as saved but missing: assessment %s", line + 11);
            }
        }
      else
        {
          g_test_fail_printf ("The writer said something unexpected: “%s”", line);
        }
    }

  g_test_message ("%u staff and %u assessments reported over %u rounds; %u staff in the file",
                  reported_staff, reported_assessments, ROUNDS, g_hash_table_size (staff_uuids));

  /* The test must have tested something. */
  g_assert_cmpuint (rounds_with_output, >=, ROUNDS / 2);
  g_assert_cmpuint (reported_staff, >, 0);
  g_assert_cmpuint (missing, ==, 0);
  g_assert_cmpint (kl_store_count_staff (store, NULL), ==, g_hash_table_size (staff_uuids));

  /* An assessment conversation is all there or not at all. */
  uneven = kl_test_query_column (path,
                                 "SELECT s.uuid FROM staff s JOIN assessment a ON a.staff_id = s.id "
                                 "GROUP BY s.id HAVING count(*) != 3");
  g_assert_cmpstrv (uneven, ((const char *[]) { NULL }));

  /* And the store goes on working. */
  {
    g_autoptr(KlUnit) unit = kl_unit_new ();

    kl_unit_set_name (unit, "Efter nedbruddet");
    g_assert_true (kl_store_save_unit (store, unit, &error));
    g_assert_no_error (error);
  }
}

int
main (int   argc,
      char *argv[])
{
  const char *child_path = g_getenv (CHILD_ENV);

  if (child_path != NULL)
    return run_writer (child_path);

  kl_test_init (&argc, &argv);

  g_test_add_func ("/store-crash/kill-writer", test_kill_writer);

  return g_test_run ();
}
