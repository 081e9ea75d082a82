/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Measures Kompetenceløft on synthetic data; run through tools/bench.
 *
 * In-process figures time the functions the UI itself calls, with
 * g_get_monotonic_time() around them. Whole-process figures spawn the
 * real executable and read its peak memory from wait4()'s rusage. Every
 * figure is the median of several runs, printed beside its baseline
 * where it has one. */
/* wait4(), memmem() */
#define _GNU_SOURCE
#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "kl-application.h"
#include "kl-bench-data.h"
#include "kl-staff-page.h"
#include "kl-store.h"
#include "kl-window.h"

#if __has_include ("kl-store-aggregates.h")
#include "kl-store-aggregates.h"
#define HAVE_AGGREGATES 1
#else
#define HAVE_AGGREGATES 0
#endif

/* Figures */

typedef enum { IN_MS, IN_MB } Unit;

typedef struct
{
  const char *id;
  const char *label;
  Unit        unit;
  double      goal;        /* in @unit; 0 for none */
  double      goal_ratio;  /* to the baseline; 0 for none */
  const char *baseline_label;
  GArray     *samples;     /* double */
  GArray     *baseline;    /* double */
  char       *note;
  gboolean    failed;      /* a run failed: the figure is incomplete */
} Figure;

static Figure *
figure_new (const char *id,
            const char *label,
            Unit        unit,
            double      goal,
            double      goal_ratio,
            const char *baseline_label)
{
  Figure *figure = g_new0 (Figure, 1);

  figure->id = id;
  figure->label = label;
  figure->unit = unit;
  figure->goal = goal;
  figure->goal_ratio = goal_ratio;
  figure->baseline_label = baseline_label;
  figure->samples = g_array_new (FALSE, FALSE, sizeof (double));
  figure->baseline = g_array_new (FALSE, FALSE, sizeof (double));
  return figure;
}

static void
figure_free (Figure *figure)
{
  g_array_unref (figure->samples);
  g_array_unref (figure->baseline);
  g_free (figure->note);
  g_free (figure);
}

static void
add (Figure *figure,
     double  value)
{
  g_array_append_val (figure->samples, value);
}

static void
add_baseline (Figure *figure,
              double  value)
{
  g_array_append_val (figure->baseline, value);
}

static void
set_note (Figure     *figure,
          const char *note)
{
  if (figure->note == NULL)
    figure->note = g_strdup (note);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static void
stats (GArray *values,
       double *median,
       double *min,
       double *max)
{
  g_autoptr(GArray) sorted = g_array_copy (values);
  guint n = sorted->len;

  g_array_sort (sorted, compare_doubles);
  *min = g_array_index (sorted, double, 0);
  *max = g_array_index (sorted, double, n - 1);
  *median = n % 2 ? g_array_index (sorted, double, n / 2)
                  : (g_array_index (sorted, double, n / 2 - 1) + g_array_index (sorted, double, n / 2)) / 2;
}

static char *
format_value (double value,
              Unit   unit)
{
  if (unit == IN_MB)
    return g_strdup_printf ("%.1f MB", value);
  if (value >= 10000)
    return g_strdup_printf ("%.2f s", value / 1000);
  if (value >= 100)
    return g_strdup_printf ("%.0f ms", value);
  if (value >= 10)
    return g_strdup_printf ("%.1f ms", value);
  return g_strdup_printf ("%.2f ms", value);
}

/* Right-aligns @text in @width characters (not bytes: "≤", "×", "–"). */
static const char *
pad (GString    *out,
     const char *text,
     int         width)
{
  int length = g_utf8_strlen (text, -1);

  g_string_truncate (out, 0);
  for (int i = length; i < width; i++)
    g_string_append_c (out, ' ');
  g_string_append (out, text);
  return out->str;
}

static const char *
pad_left (GString    *out,
          const char *text,
          int         width)
{
  int length = g_utf8_strlen (text, -1);

  g_string_assign (out, text);
  for (int i = length; i < width; i++)
    g_string_append_c (out, ' ');
  return out->str;
}

static void
print_row (const char *label,
           const char *median,
           const char *min,
           const char *max,
           const char *baseline,
           const char *ratio,
           const char *goal,
           const char *result)
{
  g_autoptr(GString) a = g_string_new (NULL), b = g_string_new (NULL), c = g_string_new (NULL);
  g_autoptr(GString) d = g_string_new (NULL), e = g_string_new (NULL), f = g_string_new (NULL);
  g_autoptr(GString) g = g_string_new (NULL), h = g_string_new (NULL);

  g_print ("%s %s %s %s %s %s %s  %s\n", pad_left (a, label, 34), pad (b, median, 10), pad (c, min, 10),
           pad (d, max, 10), pad (e, baseline, 10), pad (f, ratio, 7), pad (g, goal, 10), pad_left (h, result, 0));
}

static void
print_table (GPtrArray         *figures,
             const KlBenchSize *size,
             guint              runs)
{
  const char *unit_key[] = { "ms", "mb" };
  guint n_pass = 0, n_miss = 0, n_failed = 0;

  g_print ("\n");
  print_row ("figure", "median", "min", "max", "baseline", "ratio", "goal", "result");
  for (guint i = 0; i < figures->len; i++)
    {
      Figure *f = g_ptr_array_index (figures, i);
      double median, min, max, base = 0, bmin, bmax, ratio = 0;
      g_autofree char *s_median = NULL, *s_min = NULL, *s_max = NULL, *s_base = NULL;
      g_autofree char *s_ratio = NULL, *s_goal = NULL, *s_result = NULL;
      const char *result;
      gboolean has_goal = f->goal > 0 || f->goal_ratio > 0;
      gboolean pass = FALSE;

      if (f->samples->len == 0)
        {
          print_row (f->label, "–", "–", "–", "–", "–", "–", f->note ? f->note : "not measured");
          continue;
        }

      stats (f->samples, &median, &min, &max);
      s_median = format_value (median, f->unit);
      s_min = format_value (min, f->unit);
      s_max = format_value (max, f->unit);
      if (f->baseline->len > 0)
        {
          stats (f->baseline, &base, &bmin, &bmax);
          s_base = format_value (base, f->unit);
          ratio = base > 0 ? median / base : 0;
          s_ratio = g_strdup_printf ("%.2f×", ratio);
        }
      if (f->goal_ratio > 0)
        {
          s_goal = g_strdup_printf ("≤%.1f×", f->goal_ratio);
          pass = f->baseline->len > 0 && ratio <= f->goal_ratio;
        }
      else if (f->goal > 0)
        {
          g_autofree char *value = format_value (f->goal, f->unit);
          s_goal = g_strconcat ("≤", value, NULL);
          pass = median <= f->goal;
        }
      pass = pass && !f->failed;
      result = f->failed ? "FAIL" : !has_goal ? "info" : pass ? "pass" : "MISS";
      if (has_goal && !f->failed)
        {
          if (pass)
            n_pass++;
          else
            n_miss++;
        }

      s_result = g_strconcat (result, f->note ? "  " : "", f->note ? f->note : "", NULL);
      print_row (f->label, s_median, s_min, s_max, s_base ? s_base : "–", s_ratio ? s_ratio : "–",
                 s_goal ? s_goal : "–", s_result);
    }
  for (guint i = 0; i < figures->len; i++)
    {
      Figure *f = g_ptr_array_index (figures, i);

      n_failed += f->failed && (f->goal > 0 || f->goal_ratio > 0);
    }
  g_print ("\n%u goals met, %u missed, %u not measured (size %s, %u runs)\n\n",
           n_pass, n_miss, n_failed, size->name, runs);

  for (guint i = 0; i < figures->len; i++)
    {
      Figure *f = g_ptr_array_index (figures, i);
      const char *u = unit_key[f->unit];
      double median, min, max, base, bmin, bmax;
      GString *line = g_string_new (NULL);

      g_string_append_printf (line, "BENCH figure=%s size=%s", f->id, size->name);
      if (f->samples->len == 0)
        {
          g_string_append_printf (line, " status=%s",
                                  f->failed ? "error"
                                  : f->note && strstr (f->note, "not measured yet") ? "not-measured-yet"
                                  : "skipped");
          g_print ("%s\n", line->str);
          g_string_free (line, TRUE);
          continue;
        }
      stats (f->samples, &median, &min, &max);
      g_string_append_printf (line, " median_%s=%.2f min_%s=%.2f max_%s=%.2f n=%u",
                              u, median, u, min, u, max, f->samples->len);
      if (f->baseline->len > 0)
        {
          stats (f->baseline, &base, &bmin, &bmax);
          g_string_append_printf (line, " baseline_%s=%.2f ratio=%.3f", u, base, base > 0 ? median / base : 0);
          if (f->goal_ratio > 0)
            g_string_append_printf (line, " goal_ratio=%.2f pass=%d", f->goal_ratio,
                                    !f->failed && base > 0 && median / base <= f->goal_ratio);
        }
      else if (f->goal_ratio > 0)
        g_string_append_printf (line, " goal_ratio=%.2f pass=0", f->goal_ratio);
      if (f->goal > 0)
        g_string_append_printf (line, " goal_%s=%g pass=%d", u, f->goal, !f->failed && median <= f->goal);
      if (f->failed)
        g_string_append (line, " status=error");
      g_print ("%s\n", line->str);
      g_string_free (line, TRUE);
    }
}

/* Running processes */

typedef struct
{
  double ms;
  double peak_mb;
} Proc;

static char *opt_tmp_dir;

/* SIGCHLD is blocked in the bench so that sigtimedwait() can wait for a
 * child with a deadline; children get it back before exec. */
static sigset_t sigchld_set;

static pid_t
spawn (const char * const  *argv,
       char               **envp,
       int                  in,
       int                  out,
       int                  err)
{
  pid_t pid = fork ();

  if (pid == 0)
    {
      sigprocmask (SIG_UNBLOCK, &sigchld_set, NULL);
      dup2 (in, 0);
      dup2 (out, 1);
      dup2 (err, 2);
      execve (argv[0], (char * const *)argv, envp);
      _exit (127);
    }
  return pid;
}

/* Reaps @pid, or kills it once @deadline (monotonic µs) has passed.
 * Returns FALSE if it had to be killed. */
static gboolean
reap (pid_t          pid,
      gint64         deadline,
      int           *status,
      struct rusage *usage)
{
  for (;;)
    {
      gint64 left = deadline - g_get_monotonic_time ();
      struct timespec wait;

      if (wait4 (pid, status, WNOHANG, usage) == pid)
        return TRUE;
      if (left <= 0)
        {
          kill (pid, SIGKILL);
          wait4 (pid, status, 0, usage);
          return FALSE;
        }
      wait.tv_sec = left / G_USEC_PER_SEC;
      wait.tv_nsec = (left % G_USEC_PER_SEC) * 1000;
      sigtimedwait (&sigchld_set, NULL, &wait);
    }
}

/* Runs @argv to its end: the wall time from fork to reaping, and the
 * peak resident memory of that child alone (wait4's rusage). A run that
 * takes longer than @timeout_s is ended and counts as failed. */
static gboolean
run_process (const char * const  *argv,
             char               **envp,
             const char          *stdin_path,
             const char          *stdout_path,
             guint                timeout_s,
             Proc                *out,
             GError             **error)
{
  g_autofree char *err_path = g_build_filename (opt_tmp_dir, "stderr.txt", NULL);
  g_autofree char *name = g_path_get_basename (argv[0]);
  int in = open (stdin_path ? stdin_path : "/dev/null", O_RDONLY | O_CLOEXEC);
  int o = open (stdout_path ? stdout_path : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  int e = open (err_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  struct rusage usage;
  gint64 start, end;
  gboolean finished;
  int status = 0;
  pid_t pid;

  if (in < 0 || o < 0 || e < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not open the files for %s", name);
      if (in >= 0) close (in);
      if (o >= 0) close (o);
      if (e >= 0) close (e);
      return FALSE;
    }

  start = g_get_monotonic_time ();
  pid = spawn (argv, envp, in, o, e);
  close (in);
  close (o);
  close (e);
  if (pid < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not run %s: %s", name, g_strerror (errno));
      return FALSE;
    }
  finished = reap (pid, start + timeout_s * G_USEC_PER_SEC, &status, &usage);
  end = g_get_monotonic_time ();

  if (!finished)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "%s took longer than %u s and was stopped",
                   name, timeout_s);
      return FALSE;
    }

  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_autofree char *text = NULL;

      g_file_get_contents (err_path, &text, NULL, NULL);
      if (WIFEXITED (status) && WEXITSTATUS (status) == 127 && (text == NULL || *text == '\0'))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "could not execute %s", name);
          return FALSE;
        }
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s failed (%s %d): %s", name,
                   WIFEXITED (status) ? "exit" : "signal",
                   WIFEXITED (status) ? WEXITSTATUS (status) : WTERMSIG (status),
                   text ? g_strstrip (text) : "");
      return FALSE;
    }

  out->ms = (end - start) / 1000.0;
  out->peak_mb = usage.ru_maxrss / 1024.0;
  return TRUE;
}

static gboolean
read_proc_status (pid_t        pid,
                  const char  *key,
                  double      *mb)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int)pid);
  g_autofree char *text = NULL;
  const char *line;

  if (!g_file_get_contents (path, &text, NULL, NULL) || (line = strstr (text, key)) == NULL)
    return FALSE;
  *mb = g_ascii_strtod (line + strlen (key), NULL) / 1024.0;
  return TRUE;
}

static guint64
cpu_ticks (pid_t pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int)pid);
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after;

  if (!g_file_get_contents (path, &text, NULL, NULL) || (after = strrchr (text, ')')) == NULL)
    return 0;
  /* Fields after the command: state is field 3, utime 14, stime 15. */
  fields = g_strsplit (after + 2, " ", 0);
  if (g_strv_length (fields) < 13)
    return 0;
  return g_ascii_strtoull (fields[11], NULL, 10) + g_ascii_strtoull (fields[12], NULL, 10);
}

/* Starts the GUI, waits until it has been idle for a second, then reads
 * its peak memory (VmHWM) and ends it. */
static gboolean
run_gui_until_idle (const char * const  *argv,
                    char               **envp,
                    double              *peak_mb,
                    double              *settled_ms,
                    double              *idle_cpu,
                    GError             **error)
{
  g_autofree char *err_path = g_build_filename (opt_tmp_dir, "stderr.txt", NULL);
  g_autofree char *name = g_path_get_basename (argv[0]);
  int e = open (err_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  gint64 start = g_get_monotonic_time (), last_busy = start;
  guint64 last_ticks = 0;
  guint64 history[11];
  guint n_samples = 0;
  long hz = sysconf (_SC_CLK_TCK);
  gboolean settled = FALSE;
  struct rusage usage;
  int status, null;
  pid_t pid;

  null = open ("/dev/null", O_RDWR | O_CLOEXEC);
  pid = spawn (argv, envp, null, null, e);
  close (null);
  close (e);
  if (pid < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not run %s", name);
      return FALSE;
    }

  *peak_mb = 0;
  for (;;)
    {
      gint64 now;
      guint64 ticks;
      double mb;

      g_usleep (100000);
      now = g_get_monotonic_time ();
      if (wait4 (pid, &status, WNOHANG, &usage) == pid)
        {
          g_autofree char *text = NULL;

          g_file_get_contents (err_path, &text, NULL, NULL);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s ended early: %s", name,
                       text ? g_strstrip (text) : "");
          return FALSE;
        }
      ticks = last_ticks = cpu_ticks (pid);
      if (read_proc_status (pid, "VmHWM:", &mb))
        *peak_mb = MAX (*peak_mb, mb);
      /* Idle: under 5 % of a core over the last second (a spinner or a
       * blinking cursor never quite stops). */
      if (n_samples < G_N_ELEMENTS (history))
        history[n_samples++] = ticks;
      else
        {
          memmove (history, history + 1, sizeof history - sizeof history[0]);
          history[G_N_ELEMENTS (history) - 1] = ticks;
        }
      if (n_samples == G_N_ELEMENTS (history) &&
          (double)(ticks - history[0]) / hz > 0.05 * (G_N_ELEMENTS (history) - 1) / 10.0)
        last_busy = now;
      else if (n_samples == G_N_ELEMENTS (history) && now - start >= 2 * G_USEC_PER_SEC)
        {
          settled = TRUE;
          break;
        }
      if (now - start > 60 * G_USEC_PER_SEC)
        break;
    }
  *settled_ms = (last_busy - start) / 1000.0;
  *idle_cpu = n_samples > 1 ? 100.0 * (last_ticks - history[0]) / hz / ((n_samples - 1) / 10.0) : 0;

  kill (pid, SIGTERM);
  if (reap (pid, g_get_monotonic_time () + 5 * G_USEC_PER_SEC, &status, &usage))
    *peak_mb = MAX (*peak_mb, usage.ru_maxrss / 1024.0);
  if (!settled)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                   "%s was still busy after 60 s (peak so far %.0f MB); stopped", name, *peak_mb);
      return FALSE;
    }
  return TRUE;
}

/* The SQL of the training overview, as compiled into the app: the
 * baseline runs exactly the join the app runs. */
static char *
find_report_sql (const char  *app_path,
                 GError     **error)
{
  g_autofree char *binary = NULL;
  gsize length;
  const char *marker = "WITH RECURSIVE units";

  if (!g_file_get_contents (app_path, &binary, &length, error))
    return NULL;

  for (const char *p = binary; p != NULL && p < binary + length;)
    {
      const char *hit = memmem (p, binary + length - p, marker, strlen (marker));
      const char *end;

      if (hit == NULL)
        break;
      end = memchr (hit, '\0', binary + length - hit);
      if (end == NULL)
        break;
      /* The enrolments report is the one that selects e.enrolled_on. */
      if ((hit == binary || hit[-1] == '\0') &&
          g_strstr_len (hit, end - hit, "e.enrolled_on") != NULL &&
          g_strstr_len (hit, end - hit, "FROM enrolment e") != NULL)
        return g_strndup (hit, end - hit);
      p = end + 1;
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               "the training overview's SQL was not found in %s", app_path);
  return NULL;
}

/* In-process GUI probe: run as its own process so its memory and warm
 * caches stay apart from the rest. */

static gboolean frame_done;

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  frame_done = TRUE;
}

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Returns when @window's next frame has been painted. */
static void
wait_for_frame (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (3000, on_timeout, &timed_out);
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);

  frame_done = FALSE;
  gtk_widget_queue_draw (window);
  while (!frame_done && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  if (!timed_out)
    g_source_remove (timeout);
}

static double
since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Lets pending work (idle handlers, reloads) run for @ms. Not "until
 * nothing happens": a spinner or a blinking cursor never stops. */
static void
drain (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

/* Lets the process's threads finish what they do (the Overview loads in
 * a worker thread): returns once the process used less than a tenth of
 * a core over the last @window_ms, or after 30 s. */
static void
settle_cpu (guint window_ms)
{
  gint64 start = g_get_monotonic_time ();
  gint64 window_start = start;
  guint64 ticks_start = cpu_ticks (getpid ());
  long hz = sysconf (_SC_CLK_TCK);

  while (g_get_monotonic_time () - start < 30 * G_USEC_PER_SEC)
    {
      gint64 now;
      guint64 ticks;

      drain (window_ms);
      now = g_get_monotonic_time ();
      ticks = cpu_ticks (getpid ());
      if ((double)(ticks - ticks_start) / hz < 0.1 * (now - window_start) / G_USEC_PER_SEC)
        break;
      window_start = now;
      ticks_start = ticks;
    }
  if (g_getenv ("KL_BENCH_DEBUG"))
    g_printerr ("settle_cpu %u: %.0f ms\n", window_ms, since (start));
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}


static int
probe_gui (const char *database,
           guint       runs)
{
  g_autoptr(KlApplication) app = kl_application_new ();
  g_autoptr(GError) error = NULL;
  /* Typed as a user would: a surname with a non-ASCII letter. */
  const char *query = "sørensen";
  KlStaffPage *page;
  GListModel *model;
  GtkWidget *window;
  guint n;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error) ||
      !kl_application_open_database (app, database, &error))
    {
      g_printerr ("kl-bench: %s\n", error->message);
      return 1;
    }

  /* A blinking cursor animates every frame for ten seconds after each
   * keystroke: it would keep the bench from ever seeing the app idle. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  window = GTK_WIDGET (kl_window_new (app));
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (window);
  settle_cpu (500);

  kl_window_show_section (KL_WINDOW (window), "staff");
  page = KL_STAFF_PAGE (find_widget (window, KL_TYPE_STAFF_PAGE));
  wait_for_frame (window);
  settle_cpu (300);

  /* Opening profiles: as a click on a row does, for people spread over
   * the list. The first, warming up, is not counted. */
  model = kl_staff_page_get_model (page);
  n = g_list_model_get_n_items (model);
  g_print ("INFO profile staff_listed=%u\n", n);
  for (guint i = 0; n > 0 && i <= runs * 4; i++)
    {
      g_autoptr(KlStaff) staff = g_list_model_get_item (model, (guint)((guint64)(i * 7919) % n));
      gint64 start = g_get_monotonic_time ();
      double call, frame;

      kl_staff_page_show_staff (page, kl_record_get_id (KL_RECORD (staff)));
      call = since (start);
      wait_for_frame (window);
      frame = since (start);
      if (i > 0)
        g_print ("SAMPLE profile %.4f\nSAMPLE profile-frame %.4f\n", call, frame);
      drain (50);
    }

  /* Search as you type over everybody, those who have left included. */
  g_object_set (page, "show-left", TRUE, NULL);
  settle_cpu (300);
  g_print ("INFO search staff_searched=%u\n", g_list_model_get_n_items (model));
  for (guint round = 0; round < runs; round++)
    {
      glong length = g_utf8_strlen (query, -1);
      double worst = 0;

      for (glong step = 1; step <= 2 * length; step++)
        {
          glong chars = step <= length ? step : 2 * length - step;
          g_autofree char *text = g_utf8_substring (query, 0, chars);
          gint64 start = g_get_monotonic_time ();
          double call, frame;

          kl_staff_page_set_search (page, text);
          call = since (start);
          wait_for_frame (window);
          frame = since (start);
          g_print ("SAMPLE search %.4f\nSAMPLE search-frame %.4f\n", call, frame);
          if (round == 0)
            g_print ("INFO search \"%s\": %.1f ms, %u shown\n", text, call, g_list_model_get_n_items (model));
          worst = MAX (worst, call);
          drain (20);
        }
      g_print ("SAMPLE search-worst %.4f\n", worst);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  drain (50);
  return 0;
}

/* Reads the probe's SAMPLE lines into their figures. */
static void
read_probe_output (const char *text,
                   GPtrArray  *figures,
                   GString    *info)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "SAMPLE "))
        {
          g_auto(GStrv) parts = g_strsplit (lines[i] + 7, " ", 2);

          if (g_strv_length (parts) != 2)
            continue;
          for (guint j = 0; j < figures->len; j++)
            {
              Figure *f = g_ptr_array_index (figures, j);

              if (g_str_equal (f->id, parts[0]))
                add (f, g_ascii_strtod (parts[1], NULL));
            }
        }
      else if (g_str_has_prefix (lines[i], "INFO "))
        g_string_append_printf (info, "  %s\n", lines[i] + 5);
    }
}


#if HAVE_AGGREGATES
static void
free_array (GArray *array)
{
  if (array != NULL)
    g_array_unref (array);
}

typedef struct
{
  gboolean  done;
  gpointer  result;
} Pending;

static void
on_overview_loaded (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Pending *pending = user_data;
  g_autoptr(GError) error = NULL;

  pending->result = kl_store_load_overview_finish (KL_STORE (object), result, &error);
  if (error != NULL)
    g_printerr ("kl-bench: overview: %s\n", error->message);
  pending->done = TRUE;
}

static void
on_matrix_loaded (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Pending *pending = user_data;
  g_autoptr(GError) error = NULL;

  pending->result = kl_store_load_matrix_finish (KL_STORE (object), result, &error);
  if (error != NULL)
    g_printerr ("kl-bench: matrix: %s\n", error->message);
  pending->done = TRUE;
}
#endif

#if HAVE_AGGREGATES
/* One kl_store_load_overview_async() to its callback; -1 if it failed. */
static double
time_overview_async (KlStore *store)
{
  Pending pending = { FALSE, NULL };
  gint64 start = g_get_monotonic_time ();
  double ms;

  kl_store_load_overview_async (store, NULL, NULL, on_overview_loaded, &pending);
  while (!pending.done)
    g_main_context_iteration (NULL, TRUE);
  ms = since (start);
  if (pending.result == NULL)
    return -1;
  kl_overview_free (pending.result);
  return ms;
}
#endif

/* What the Overview asks for, the way it asks: the async call, which
 * loads in a worker thread on the store's reading connection; also the
 * first load of a store just opened (as at start-up, when that connection
 * is new and its cache empty), the plain call on a warm connection, and
 * the matrix. The first of each warms up and is not counted. */
static void
measure_aggregates (const char *database,
                    guint       runs,
                    GString    *info,
                    Figure     *overview,
                    Figure     *overview_first,
                    Figure     *overview_sync,
                    Figure     *matrix)
{
#if HAVE_AGGREGATES
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = kl_store_open (database, &error);

  if (store == NULL)
    {
      set_note (overview, error->message);
      return;
    }

  for (guint i = 0; i <= runs; i++)
    {
      g_autoptr(KlStore) fresh = kl_store_open (database, &error);
      double ms = fresh ? time_overview_async (fresh) : -1;

      if (ms < 0)
        {
          set_note (overview_first, "kl_store_load_overview_async failed");
          break;
        }
      if (i > 0)
        add (overview_first, ms);
    }

  for (guint i = 0; i <= runs; i++)
    {
      double ms = time_overview_async (store);

      if (ms < 0)
        {
          set_note (overview, "kl_store_load_overview_async failed");
          break;
        }
      if (i > 0)
        add (overview, ms);
    }

  for (guint i = 0; i <= runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(KlOverview) result = kl_store_load_overview (store, NULL, &error);
      double ms = since (start);

      if (result == NULL)
        {
          set_note (overview_sync, error->message);
          break;
        }
      if (i > 0)
        add (overview_sync, ms);
    }

  /* Where the time goes: each part once more, on the warm connection. */
  {
    KlAggregateQuery q = { 0 };
    g_autofree char *today = kl_aggregate_today ();
    KlTrainingSum total;
    double completed[12], planned[12];
    guint n_goals, n_actions;
    gint64 t;

    q.today = today;
    q.year = atoi (today);
    g_string_append (info, "  overview parts (sync, warm):");
#define PART(name, call) \
    G_STMT_START { \
      t = g_get_monotonic_time (); \
      call; \
      g_string_append_printf (info, " %s %.1f ms", name, since (t)); \
    } G_STMT_END
    PART ("staff_count", kl_store_aggregate_staff_count (store, &q, NULL));
    PART ("themes", free_array (kl_store_aggregate_themes (store, &q, NULL)));
    PART ("gaps", free_array (kl_store_aggregate_gaps (store, &q, KL_OVERVIEW_GAPS, NULL)));
    PART ("upcoming", free_array (kl_store_aggregate_upcoming_courses (store, &q, KL_OVERVIEW_UPCOMING_DAYS, NULL)));
    PART ("training", free_array (kl_store_aggregate_training (store, &q, &total, NULL)));
    PART ("training_months", kl_store_aggregate_training_months (store, &q, completed, planned, NULL));
    PART ("overdue_counts", kl_store_aggregate_overdue_counts (store, &q, &n_goals, &n_actions, NULL));
    PART ("overdue", free_array (kl_store_aggregate_overdue (store, &q, KL_OVERVIEW_OVERDUE_ITEMS, NULL)));
    PART ("principles", free_array (kl_store_aggregate_principles (store, &q, NULL)));
#undef PART
    g_string_append (info, "\n");
  }

  for (guint i = 0; i <= runs; i++)
    {
      Pending pending = { FALSE, NULL };
      gint64 start = g_get_monotonic_time ();
      double ms;

      kl_store_load_matrix_async (store, KL_MATRIX_STAFF, NULL, NULL, on_matrix_loaded, &pending);
      while (!pending.done)
        g_main_context_iteration (NULL, TRUE);
      ms = since (start);
      if (pending.result == NULL)
        {
          set_note (matrix, "kl_store_load_matrix_async failed");
          break;
        }
      kl_matrix_unref (pending.result);
      if (i > 0)
        add (matrix, ms);
    }
#else
  set_note (overview, "not measured yet: src/store/kl-store-aggregates.h is missing");
  set_note (overview_first, "not measured yet");
  set_note (overview_sync, "not measured yet");
  set_note (matrix, "not measured yet");
#endif
}

static gboolean
count_row (const KlCell  *cells,
           guint          n_cells,
           gpointer       data,
           GError       **error)
{
  (*(guint *)data)++;
  return TRUE;
}

/* The SQL behind the exports alone: each report once, rows counted and
 * dropped. The XLSX has every report but "staff" as a sheet; what is left
 * of its time is writing the file. */
static void
measure_reports (const char *database,
                 GString    *info)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = kl_store_open (database, &error);

  if (store == NULL)
    return;
  g_string_append (info, "  report SQL alone (rows, ms):");
  for (KlReportKind kind = 0; kind < KL_REPORT_N_KINDS; kind++)
    {
      gint64 start = g_get_monotonic_time ();
      guint rows = 0;
      double ms;

      if (!kl_store_report (store, kind, NULL, count_row, &rows, &error))
        {
          g_string_append_printf (info, " %s failed: %s", kl_report_kind_to_string (kind), error->message);
          g_clear_error (&error);
          continue;
        }
      ms = since (start);
      g_string_append_printf (info, " %s %u %.0f;", kl_report_kind_to_string (kind), rows, ms);
    }
  g_string_append (info, "\n");
}

/* What the main window loads before its first frame, on a fresh
 * connection as at start-up: the lists behind the Staff, Courses and
 * Principles pages. */
static void
measure_startup_queries (const char *database,
                         GString    *info)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = kl_store_open (database, &error);
  gint64 start;

  if (store == NULL)
    return;
  g_string_append (info, "  start-up queries (fresh connection):");
#define QUERY(name, call) \
  G_STMT_START { \
    g_autoptr(GPtrArray) rows = NULL; \
    start = g_get_monotonic_time (); \
    rows = call; \
    g_string_append_printf (info, " %s %u rows %.0f ms;", name, rows ? rows->len : 0, since (start)); \
  } G_STMT_END
  QUERY ("kl_store_list_staff", kl_store_list_staff (store, 0, FALSE, NULL));
  QUERY ("kl_store_list_courses", kl_store_list_courses (store, NULL));
  QUERY ("kl_store_list_actions", kl_store_list_actions (store, 0, 0, NULL));
#undef QUERY
  g_string_append (info, "\n");
}

static char *opt_size = NULL;
static int opt_runs = 5;
static char *opt_data_dir;
static char *opt_app;
static char *opt_bare;
static char *opt_probe;
static char *opt_database;
static gboolean opt_generate_only;
static gboolean opt_keep;
static char **opt_only;

static const GOptionEntry entries[] = {
  { "size", 0, 0, G_OPTION_ARG_STRING, &opt_size, "Data size: S, M or L (default L)", "S|M|L" },
  { "runs", 0, 0, G_OPTION_ARG_INT, &opt_runs, "Runs per figure (default 5)", "N" },
  { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &opt_data_dir, "Where generated data is cached", "DIR" },
  { "app", 0, 0, G_OPTION_ARG_FILENAME, &opt_app, "The kompetenceloeft executable", "FILE" },
  { "bare", 0, 0, G_OPTION_ARG_FILENAME, &opt_bare, "The bare baseline executable", "FILE" },
  { "generate-only", 0, 0, G_OPTION_ARG_NONE, &opt_generate_only, "Only make the cached data", NULL },
  { "keep", 0, 0, G_OPTION_ARG_NONE, &opt_keep, "Keep the exported files", NULL },
  { "only", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_only,
    "Measure only these (repeatable): startup, gui-memory, gui, overview, csv, xlsx, json", "PART" },
  { "probe", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &opt_probe, NULL, NULL },
  { "database", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &opt_database, NULL, NULL },
  { NULL }
};

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fail (Figure       *figure,
      const GError *error)
{
  g_autofree char *first_line = g_strndup (error->message, strcspn (error->message, "\n"));

  g_printerr ("kl-bench: %s: %s\n", figure->id, error->message);
  if (g_utf8_strlen (first_line, -1) > 70)
    {
      g_autofree char *cut = g_utf8_substring (first_line, 0, 68);
      g_free (first_line);
      first_line = g_strconcat (cut, "…", NULL);
    }
  if (figure->note == NULL)
    figure->note = g_strconcat ("failed: ", first_line, NULL);
  figure->failed = TRUE;
}

static double
file_mb (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size / 1048576.0 : 0;
}

static guint
count_lines (const char *path)
{
  g_autofree char *text = NULL;
  gsize length;
  guint n = 0;

  if (!g_file_get_contents (path, &text, &length, NULL))
    return 0;
  for (gsize i = 0; i < length; i++)
    n += text[i] == '\n';
  return n;
}

static const char *opt_self;

/* Others share the machine: say how busy it was. */
static char *
read_loadavg (void)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return g_strdup ("?");
  fields = g_strsplit (text, " ", 4);
  return g_strdup_printf ("%s %s %s", fields[0], fields[1], fields[2]);
}

/* Whether to measure @name this time (--only), saying so. */
static gboolean
phase (const char *name,
       const char *what,
       gint64      bench_start)
{
  if (opt_only != NULL && !g_strv_contains ((const char * const *)opt_only, name))
    return FALSE;
  g_printerr ("[%5.1f s] Measuring %s…\n", (g_get_monotonic_time () - bench_start) / 1e6, what);
  return TRUE;
}

/* Copies the program at *@path into the temporary folder and points
 * *@path at the copy. A program being linked right now is waited for:
 * the copy is taken only when the file has not changed for two seconds
 * and is the same after copying. */
static gboolean
snapshot (char       **path,
          const char  *name,
          GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (*path);
  g_autofree char *copy = g_build_filename (opt_tmp_dir, name, NULL);
  g_autoptr(GFile) destination = g_file_new_for_path (copy);

  for (guint attempt = 0; attempt < 30; attempt++)
    {
      GStatBuf before, after, copied;

      if (attempt > 0)
        g_usleep (G_USEC_PER_SEC);
      if (g_stat (*path, &before) != 0 || before.st_size == 0 ||
          time (NULL) - before.st_mtime < 2)
        continue;
      g_clear_error (error);
      if (!g_file_copy (source, destination, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
        continue;
      if (g_stat (*path, &after) == 0 && g_stat (copy, &copied) == 0 &&
          after.st_mtime == before.st_mtime && after.st_size == before.st_size &&
          copied.st_size == before.st_size)
        {
          g_clear_error (error);
          g_chmod (copy, 0700);
          g_free (*path);
          *path = g_steal_pointer (&copy);
          return TRUE;
        }
    }
  if (error != NULL && *error == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                 "%s kept changing (is something building?); could not take a copy", *path);
  return FALSE;
}

static int
run_bench (const KlBenchSize *size,
           guint              runs,
           const char        *database)
{
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func ((GDestroyNotify)figure_free);
  g_autoptr(GString) info = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  g_auto(GStrv) env_frame = NULL;
  g_auto(GStrv) env_cli = NULL;
  g_autofree char *db_arg = g_strconcat ("--database=", database, NULL);
  const char *self = opt_self;
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  g_autofree char *sql = NULL;
  g_autofree char *runs_arg = g_strdup_printf ("--runs=%u", runs);
  g_autofree char *csv_out = g_build_filename (opt_tmp_dir, "overview.csv", NULL);
  g_autofree char *csv_base = g_build_filename (opt_tmp_dir, "baseline.csv", NULL);
  g_autofree char *csv_cmds = g_build_filename (opt_tmp_dir, "baseline.sql", NULL);
  g_autofree char *xlsx_out = g_build_filename (opt_tmp_dir, "export.xlsx", NULL);
  g_autofree char *json_out = g_build_filename (opt_tmp_dir, "export.json", NULL);
  g_autofree char *import_db = g_build_filename (opt_tmp_dir, "import.db", NULL);
  g_autofree char *import_arg = g_strconcat ("--database=", import_db, NULL);
  g_autofree char *probe_out = g_build_filename (opt_tmp_dir, "probe.txt", NULL);
  g_autofree char *csv_output_arg = g_strconcat ("--output=", csv_out, NULL);
  g_autofree char *xlsx_output_arg = g_strconcat ("--output=", xlsx_out, NULL);
  g_autofree char *json_output_arg = g_strconcat ("--output=", json_out, NULL);
  g_autofree char *json_import_arg = g_strconcat ("--import=", json_out, NULL);
  gint64 bench_start = g_get_monotonic_time ();
  g_autofree char *load_before = read_loadavg ();
  g_autofree char *load_after = NULL;
  gboolean gui_hangs = FALSE;
  /* KL_BENCH_STARTUP_TIMEOUT: only to test the bench itself */
  guint startup_timeout = g_getenv ("KL_BENCH_STARTUP_TIMEOUT") ? atoi (g_getenv ("KL_BENCH_STARTUP_TIMEOUT")) : 60;
  Proc proc;

  Figure *startup = figure_new ("startup", "start to first frame", IN_MS, 0, 1.3, "bare");
  Figure *startup_mem = figure_new ("startup-memory", "  peak memory at first frame", IN_MB, 0, 0, "bare");
  Figure *profile = figure_new ("profile", "open a staff profile", IN_MS, 30, 0, NULL);
  Figure *profile_frame = figure_new ("profile-frame", "  … until painted", IN_MS, 0, 0, NULL);
  Figure *search = figure_new ("search", "search: one keystroke", IN_MS, 8, 0, NULL);
  Figure *search_frame = figure_new ("search-frame", "  … until painted", IN_MS, 0, 0, NULL);
  Figure *search_worst = figure_new ("search-worst", "  slowest keystroke of each word", IN_MS, 0, 0, NULL);
  Figure *overview = figure_new ("overview", "overview aggregates (async)", IN_MS, 50, 0, NULL);
  Figure *overview_first = figure_new ("overview-first", "  … first load after opening", IN_MS, 0, 0, NULL);
  Figure *overview_sync = figure_new ("overview-sync", "  … sync, warm connection", IN_MS, 0, 0, NULL);
  Figure *matrix = figure_new ("matrix", "competence matrix, staff (async)", IN_MS, 0, 0, NULL);
  Figure *csv = figure_new ("csv", "CSV training overview", IN_MS, 0, 1.5, "sqlite3");
  Figure *xlsx = figure_new ("xlsx", "XLSX export", IN_MS, 3000, 0, NULL);
  Figure *xlsx_mem = figure_new ("xlsx-memory", "  peak memory", IN_MB, 100, 0, NULL);
  Figure *json_export = figure_new ("json-export", "JSON export", IN_MS, 3000, 0, NULL);
  Figure *json_export_mem = figure_new ("json-export-memory", "  peak memory", IN_MB, 0, 0, NULL);
  Figure *json_import = figure_new ("json-import", "JSON import, empty database", IN_MS, 3000, 0, NULL);
  Figure *json_import_mem = figure_new ("json-import-memory", "  peak memory", IN_MB, 0, 0, NULL);
  Figure *gui_mem = figure_new ("gui-memory", "GUI peak memory at the overview", IN_MB, 200, 0, NULL);

  g_ptr_array_add (figures, startup);
  g_ptr_array_add (figures, startup_mem);
  g_ptr_array_add (figures, profile);
  g_ptr_array_add (figures, profile_frame);
  g_ptr_array_add (figures, search);
  g_ptr_array_add (figures, search_frame);
  g_ptr_array_add (figures, search_worst);
  g_ptr_array_add (figures, overview);
  g_ptr_array_add (figures, overview_first);
  g_ptr_array_add (figures, overview_sync);
  g_ptr_array_add (figures, matrix);
  g_ptr_array_add (figures, csv);
  g_ptr_array_add (figures, xlsx);
  g_ptr_array_add (figures, xlsx_mem);
  g_ptr_array_add (figures, json_export);
  g_ptr_array_add (figures, json_export_mem);
  g_ptr_array_add (figures, json_import);
  g_ptr_array_add (figures, json_import_mem);
  g_ptr_array_add (figures, gui_mem);

  env_frame = g_environ_setenv (g_strdupv (env), "KOMPETENCELOEFT_QUIT_AFTER_FIRST_FRAME", "1", TRUE);
  env = g_environ_unsetenv (env, "KOMPETENCELOEFT_QUIT_AFTER_FIRST_FRAME");
  /* Import and export need no display, and get none. */
  env_cli = g_environ_unsetenv (g_environ_unsetenv (g_strdupv (env), "DISPLAY"), "WAYLAND_DISPLAY");

  /* The app makes its daily automatic backup when it starts; make it
   * now, so the runs measure an ordinary start. */
  {
    g_autoptr(KlStore) store = kl_store_open (database, &error);

    if (store == NULL)
      {
        g_printerr ("kl-bench: %s\n", error->message);
        return 1;
      }
    if (kl_store_backup_is_due (store))
      {
        g_printerr ("Making today's automatic backup of %s first\n", database);
        if (!kl_store_backup (store, NULL, &error))
          {
            g_printerr ("kl-bench: %s\n", error->message);
            return 1;
          }
      }
  }
  g_string_append_printf (info, "  data %s: %.1f MB\n", database, file_mb (database));

  /* Start to first frame, against the bare program; one warm-up each. */
  if (phase ("startup", "start-up", bench_start))
  {
    const char *app_argv[] = { opt_app, db_arg, NULL };
    const char *bare_argv[] = { opt_bare, NULL };

    for (guint i = 0; i <= runs; i++)
      {
        if (!run_process (bare_argv, env_frame, NULL, NULL, 60, &proc, &error))
          {
            fail (startup, error);
            g_clear_error (&error);
            break;
          }
        if (i > 0)
          {
            add_baseline (startup, proc.ms);
            add_baseline (startup_mem, proc.peak_mb);
          }
        if (!run_process (app_argv, env_frame, NULL, NULL, startup_timeout, &proc, &error))
          {
            gui_hangs = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
            fail (startup, error);
            g_clear_error (&error);
            break;
          }
        if (i > 0)
          {
            add (startup, proc.ms);
            add (startup_mem, proc.peak_mb);
          }
      }
  }

  if (opt_only == NULL || g_strv_contains ((const char * const *)opt_only, "startup"))
    measure_startup_queries (database, info);

  if (gui_hangs)
    {
      set_note (gui_mem, "skipped: the main window did not show in time");
      set_note (profile, "skipped: the main window did not show in time");
      set_note (search, "skipped: the main window did not show in time");
      gui_mem->failed = profile->failed = search->failed = TRUE;
    }
  else if (phase ("gui-memory", "the GUI's memory at the overview", bench_start))
  {
    const char *app_argv[] = { opt_app, db_arg, NULL };

    for (guint i = 0; i < runs; i++)
      {
        double mb, settled, idle_cpu;

        if (!run_gui_until_idle (app_argv, env, &mb, &settled, &idle_cpu, &error))
          {
            fail (gui_mem, error);
            g_clear_error (&error);
            break;
          }
        add (gui_mem, mb);
        if (i == 0)
          g_string_append_printf (info, "  gui-memory: the GUI was busy for %.0f ms after starting, "
                                  "then used %.1f %% of a core while idle\n", settled, idle_cpu);
      }
  }

  if (!gui_hangs && phase ("gui", "the staff profile and search", bench_start))
  {
    const char *probe_argv[] = { self, "--probe=gui", db_arg, runs_arg, NULL };
    g_autofree char *text = NULL;

    if (!run_process (probe_argv, env, NULL, probe_out, 180, &proc, &error))
      {
        fail (profile, error);
        fail (search, error);
        g_clear_error (&error);
      }
    else if (g_file_get_contents (probe_out, &text, NULL, NULL))
      read_probe_output (text, figures, info);
  }

  if (phase ("overview", "the overview aggregates", bench_start))
    measure_aggregates (database, MAX (runs, 10), info, overview, overview_first, overview_sync, matrix);

  if (phase ("csv", "the CSV training overview", bench_start) &&
      (sql = find_report_sql (opt_app, &error)) == NULL)
    {
      fail (csv, error);
      g_clear_error (&error);
    }
  else if (sql != NULL && sqlite3 == NULL)
    set_note (csv, "sqlite3 is not installed");
  else if (sql != NULL)
    {
      g_autofree char *commands = g_strdup_printf (".parameter set ?1 0\n"
                                                   ".parameter set ?2 NULL\n"
                                                   ".parameter set ?3 NULL\n"
                                                   "%s;\n", sql);
      const char *app_argv[] = { opt_app, db_arg, "--export=csv", csv_output_arg, NULL };
      const char *sqlite_argv[] = { sqlite3, "-csv", "-bail", database, NULL };

      if (!g_file_set_contents (csv_cmds, commands, -1, &error))
        {
          fail (csv, error);
          g_clear_error (&error);
        }
      for (guint i = 0; error == NULL && i <= runs; i++)
        {
          if (!run_process (sqlite_argv, env_cli, csv_cmds, csv_base, 60, &proc, &error))
            break;
          if (i > 0)
            add_baseline (csv, proc.ms);
          if (!run_process (app_argv, env_cli, NULL, NULL, 120, &proc, &error))
            break;
          if (i > 0)
            add (csv, proc.ms);
        }
      if (error != NULL)
        {
          fail (csv, error);
          g_clear_error (&error);
        }
      else
        g_string_append_printf (info, "  csv: %u lines from the app (with header), %u from sqlite3; %.1f MB\n",
                                count_lines (csv_out), count_lines (csv_base), file_mb (csv_out));
    }

  if (phase ("xlsx", "the XLSX export", bench_start))
  {
    const char *app_argv[] = { opt_app, db_arg, "--export=xlsx", xlsx_output_arg, NULL };

    for (guint i = 0; i < runs; i++)
      {
        if (!run_process (app_argv, env_cli, NULL, NULL, 120, &proc, &error))
          {
            fail (xlsx, error);
            g_clear_error (&error);
            break;
          }
        add (xlsx, proc.ms);
        add (xlsx_mem, proc.peak_mb);
      }
    g_string_append_printf (info, "  xlsx: %.1f MB\n", file_mb (xlsx_out));
    measure_reports (database, info);
  }

  if (phase ("json", "the JSON export and import", bench_start))
  {
    const char *export_argv[] = { opt_app, db_arg, "--export=json", json_output_arg, NULL };
    const char *import_argv[] = { opt_app, import_arg, json_import_arg, NULL };
    gboolean exported = FALSE;

    for (guint i = 0; i < runs; i++)
      {
        if (!run_process (export_argv, env_cli, NULL, NULL, 120, &proc, &error))
          {
            fail (json_export, error);
            g_clear_error (&error);
            break;
          }
        exported = TRUE;
        add (json_export, proc.ms);
        add (json_export_mem, proc.peak_mb);
      }
    g_string_append_printf (info, "  json: %.1f MB\n", file_mb (json_out));

    for (guint i = 0; exported && i < runs; i++)
      {
        kl_bench_remove_database (import_db);
        if (!run_process (import_argv, env_cli, NULL, NULL, 120, &proc, &error))
          {
            fail (json_import, error);
            g_clear_error (&error);
            break;
          }
        add (json_import, proc.ms);
        add (json_import_mem, proc.peak_mb);
      }
    kl_bench_remove_database (import_db);
  }

  g_print ("\nKompetenceløft bench, size %s: %u staff, %u units, %u courses, %u enrolments, "
           "%u assessments, %u goals, %u actions; %u runs\n",
           size->name, size->staff, size->units, size->courses, size->enrolments,
           size->assessments, size->goals, size->actions, runs);
  load_after = read_loadavg ();
  g_print ("  load average (1, 5, 15 min) before: %s; after: %s\n", load_before, load_after);
  g_print ("%s", info->str);
  print_table (figures, size, runs);
  g_printerr ("The bench took %.0f s\n", (g_get_monotonic_time () - bench_start) / 1e6);
  return 0;
}


int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *self = NULL;
  g_autofree char *tools_dir = NULL;
  g_autofree char *build_dir = NULL;
  g_autofree char *top = NULL;
  g_autofree char *database = NULL;
  const char *localedir = g_getenv ("KOMPETENCELOEFT_LOCALEDIR");
  const KlBenchSize *size;
  int status;

  /* Before any thread starts, so that none takes SIGCHLD: see reap(). */
  sigemptyset (&sigchld_set);
  sigaddset (&sigchld_set, SIGCHLD);
  sigprocmask (SIG_BLOCK, &sigchld_set, NULL);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new ("- measure Kompetenceløft on synthetic data");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("kl-bench: %s\n", error->message);
      return 2;
    }
  if (opt_runs < 1 || opt_runs > 100)
    {
      g_printerr ("kl-bench: --runs must be between 1 and 100\n");
      return 2;
    }

  if (g_strcmp0 (opt_probe, "gui") == 0)
    return opt_database ? probe_gui (opt_database, opt_runs) : 2;

  size = kl_bench_size_find (opt_size ? opt_size : "L");
  if (size == NULL)
    {
      g_printerr ("kl-bench: --size must be S, M or L\n");
      return 2;
    }

  /* Paths default to the build tree this program was built in. */
  self = g_file_read_link ("/proc/self/exe", NULL);
  tools_dir = g_path_get_dirname (self);
  build_dir = g_path_get_dirname (tools_dir);
  top = g_path_get_dirname (build_dir);
  if (opt_data_dir == NULL)
    opt_data_dir = g_build_filename (top, "tools", "bench-data", NULL);
  if (opt_app == NULL)
    opt_app = g_build_filename (build_dir, "src", "kompetenceloeft", NULL);
  if (opt_bare == NULL)
    opt_bare = g_build_filename (tools_dir, "kl-bench-bare", NULL);

  database = kl_bench_ensure_data (size, opt_data_dir, &error);
  if (database == NULL)
    {
      g_printerr ("kl-bench: could not make the %s data: %s\n", size->name, error->message);
      return 1;
    }
  if (opt_generate_only)
    {
      g_print ("%s\n", database);
      return 0;
    }

  opt_tmp_dir = g_dir_make_tmp ("kl-bench-XXXXXX", &error);
  if (opt_tmp_dir == NULL)
    {
      g_printerr ("kl-bench: %s\n", error->message);
      return 1;
    }

  /* Others may rebuild the tree while the bench runs: every run uses
   * the same copies of the programs. */
  if (!snapshot (&opt_app, "kompetenceloeft", &error) ||
      !snapshot (&opt_bare, "kl-bench-bare", &error) ||
      !snapshot (&self, "kl-bench", &error))
    {
      g_printerr ("kl-bench: %s\n", error->message);
      remove_tree (opt_tmp_dir);
      return 1;
    }
  opt_self = self;
  {
    const char *version_argv[] = { opt_app, "--version", NULL };
    g_auto(GStrv) env = g_get_environ ();
    Proc proc;

    if (!run_process (version_argv, env, NULL, NULL, 30, &proc, &error))
      {
        g_printerr ("kl-bench: %s\n", error->message);
        remove_tree (opt_tmp_dir);
        return 1;
      }
  }

  status = run_bench (size, opt_runs, database);

  if (opt_keep)
    g_printerr ("Exported files kept in %s\n", opt_tmp_dir);
  else
    remove_tree (opt_tmp_dir);
  return status;
}
