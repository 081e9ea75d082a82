/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes the demo organisation of kl-demo-data.c into a store, with a
 * history of assessments, goals, courses and actions around today. */
#include "config.h"

#include <glib/gi18n.h>

#include "kl-demo-private.h"

typedef struct
{
  gint64  id;
  guint32 started;           /* Julian day */
  guint32 left;              /* Julian day, 0 while employed */
  guint32 rounds[N_ROUNDS];  /* assessment dates, 0 where there was none */
} DemoPerson;

typedef struct
{
  KlStore    *store;
  GRand      *rand;
  guint32     today;          /* Julian day */
  GHashTable *themes;         /* uuid → id of each active theme */
  GHashTable *principles;     /* uuid → id */
  gint64      units[N_UNITS];
  DemoPerson  staff[N_STAFF];
  guint       goals[N_ROUNDS];   /* goals made so far, by round */
  guint       past_enrolments;
  guint       future_enrolments;
} Demo;

/* Helpers */

static int
between (Demo *demo,
         int   low,
         int   high)
{
  return g_rand_int_range (demo->rand, low, high + 1);
}

static gboolean
chance (Demo   *demo,
        double  probability)
{
  return g_rand_double (demo->rand) < probability;
}

static guint32
julian_for (int         year,
            GDateMonth  month,
            int         day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

/* Moves a Saturday or a Sunday on to the Monday. */
static guint32
workday (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  switch (g_date_get_weekday (&date))
    {
    case G_DATE_SATURDAY:
      return julian + 2;
    case G_DATE_SUNDAY:
      return julian + 1;
    case G_DATE_BAD_WEEKDAY:
    case G_DATE_MONDAY:
    case G_DATE_TUESDAY:
    case G_DATE_WEDNESDAY:
    case G_DATE_THURSDAY:
    case G_DATE_FRIDAY:
    default:
      return julian;
    }
}

static guint32
days_from_today (Demo *demo,
                 int   days)
{
  return (guint32)((gint64)demo->today + days);
}

/* Nobody holds courses or conversations in the summer holiday (July) or
 * over Christmas; such a date moves away from today, so the past stays
 * past and the future stays future. */
static guint32
outside_holidays (guint32   julian,
                  gboolean  earlier)
{
  GDate date;
  int year;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  year = g_date_get_year (&date);

  if (g_date_get_month (&date) == G_DATE_JULY)
    return earlier ? julian_for (year, G_DATE_JUNE, 24) : julian_for (year, G_DATE_AUGUST, 4);
  if (g_date_get_month (&date) == G_DATE_DECEMBER && g_date_get_day (&date) >= 20)
    return earlier ? julian_for (year, G_DATE_DECEMBER, 15) : julian_for (year + 1, G_DATE_JANUARY, 6);
  if (g_date_get_month (&date) == G_DATE_JANUARY && g_date_get_day (&date) <= 3)
    return earlier ? julian_for (year - 1, G_DATE_DECEMBER, 15) : julian_for (year, G_DATE_JANUARY, 6);
  return julian;
}

/* Jobs end with the month. */
static guint32
end_of_month (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_date_set_day (&date, g_date_get_days_in_month (g_date_get_month (&date), g_date_get_year (&date)));
  return g_date_get_julian (&date);
}

/* A working day about @days from today. */
static guint32
demo_day (Demo *demo,
          int   days)
{
  return workday (outside_holidays (days_from_today (demo, days), days < 0));
}

static char *
date_string (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_strdup_printf ("%04d-%02d-%02d", (int)g_date_get_year (&date),
                          (int)g_date_get_month (&date), (int)g_date_get_day (&date));
}

static gint64
theme_id (Demo       *demo,
          const char *uuid)
{
  if (uuid == NULL)
    return 0;
  return GPOINTER_TO_SIZE (g_hash_table_lookup (demo->themes, uuid));
}

static gint64
principle_id (Demo       *demo,
              const char *uuid)
{
  return GPOINTER_TO_SIZE (g_hash_table_lookup (demo->principles, uuid));
}

static gint64
staff_id (Demo       *demo,
          const char *name)
{
  for (guint i = 0; name != NULL && i < N_STAFF; i++)
    if (g_str_equal (demo_staff[i].name, name))
      return demo->staff[i].id;
  return 0;
}

/* firstname.lastname, in ASCII: æ → ae, ø → oe, å → aa. */
static char *
make_email (const char *name)
{
  g_autofree char *lower = g_utf8_strdown (name, -1);
  GString *email = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ')
        g_string_append_c (email, '.');
      else if (c == 0x00e6 || c == 0x00e4) /* æ ä */
        g_string_append (email, "ae");
      else if (c == 0x00f8 || c == 0x00f6) /* ø ö */
        g_string_append (email, "oe");
      else if (c == 0x00e5) /* å */
        g_string_append (email, "aa");
      else if (c == 0x00fc) /* ü */
        g_string_append (email, "ue");
      else if (c == 0x00e9) /* é */
        g_string_append_c (email, 'e');
      else if (c < 0x80 && (g_ascii_isalnum (c) || c == '-'))
        g_string_append_c (email, (char)c);
    }
  g_string_append (email, "@" DEMO_EMAIL_DOMAIN);
  return g_string_free (email, FALSE);
}

/* Indices 0 … n-1 in random order. */
static GArray *
shuffled (Demo  *demo,
          guint  n)
{
  GArray *order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);

  for (guint i = 0; i < n; i++)
    g_array_append_val (order, i);
  for (guint i = n; i > 1; i--)
    {
      guint j = g_rand_int_range (demo->rand, 0, i);
      guint swap = g_array_index (order, guint, i - 1);

      g_array_index (order, guint, i - 1) = g_array_index (order, guint, j);
      g_array_index (order, guint, j) = swap;
    }
  return order;
}

static gboolean
load_reference (Demo    *demo,
                GError **error)
{
  g_autoptr(GPtrArray) themes = kl_store_list_themes (demo->store, FALSE, error);
  g_autoptr(GPtrArray) principles = NULL;

  if (themes == NULL)
    return FALSE;
  principles = kl_store_list_principles (demo->store, KL_FRAMEWORK_FAGLIG_LEDELSE, error);
  if (principles == NULL)
    return FALSE;

  for (guint i = 0; i < themes->len; i++)
    {
      KlRecord *theme = g_ptr_array_index (themes, i);

      g_hash_table_insert (demo->themes, g_strdup (kl_record_get_uuid (theme)),
                           GSIZE_TO_POINTER (kl_record_get_id (theme)));
    }
  for (guint i = 0; i < principles->len; i++)
    {
      KlRecord *principle = g_ptr_array_index (principles, i);

      g_hash_table_insert (demo->principles, g_strdup (kl_record_get_uuid (principle)),
                           GSIZE_TO_POINTER (kl_record_get_id (principle)));
    }
  return TRUE;
}

/* Units and staff */

static gboolean
add_units (Demo    *demo,
           GError **error)
{
  for (guint i = 0; i < N_UNITS; i++)
    {
      g_autoptr(KlUnit) unit = kl_unit_new ();

      kl_unit_set_name (unit, demo_units[i].name);
      if (demo_units[i].parent >= 0)
        kl_unit_set_parent_id (unit, demo->units[demo_units[i].parent]);
      if (!kl_store_save_unit (demo->store, unit, error))
        return FALSE;
      demo->units[i] = kl_record_get_id (KL_RECORD (unit));
    }
  return TRUE;
}

static double
weekly_hours (Demo    *demo,
              DemoJob  job)
{
  int roll = between (demo, 0, 99);

  if (job == JOB_PEER)
    return roll < 50 ? 25 : 30;
  if (job == JOB_TEAM_LEADER || roll < 72)
    return 37;
  if (roll < 82)
    return 32;
  if (roll < 92)
    return 30;
  return 25;
}

static gboolean
add_staff (Demo    *demo,
           GError **error)
{
  guint32 first = julian_for (2005, G_DATE_JANUARY, 1);
  guint32 last = MIN (julian_for (2025, G_DATE_DECEMBER, 31), days_from_today (demo, -150));

  for (guint i = 0; i < N_STAFF; i++)
    {
      g_autoptr(KlStaff) staff = kl_staff_new ();
      g_autofree char *email = make_email (demo_staff[i].name);
      g_autofree char *started_on = NULL;
      g_autofree char *left_on = NULL;
      DemoPerson *person = &demo->staff[i];
      guint32 earliest = first;
      guint32 latest = last;

      /* Team leaders have been around for a while; peer workers are a
       * newer profession. */
      if (demo_staff[i].job == JOB_TEAM_LEADER)
        latest = julian_for (2016, G_DATE_DECEMBER, 31);
      if (demo_staff[i].job == JOB_PEER)
        earliest = julian_for (2016, G_DATE_JANUARY, 1);
      if (demo_staff[i].has_left)
        {
          person->left = end_of_month (days_from_today (demo, -between (demo, 60, 400)));
          latest = MIN (latest, person->left - 400);
        }
      person->started = workday (between (demo, earliest, MAX (latest, earliest)));

      started_on = date_string (person->started);
      if (person->left != 0)
        left_on = date_string (person->left);

      kl_staff_set_name (staff, demo_staff[i].name);
      kl_staff_set_unit_id (staff, demo->units[demo_staff[i].unit]);
      kl_staff_set_job_title (staff, demo_jobs[demo_staff[i].job].title);
      kl_staff_set_email (staff, email);
      kl_staff_set_started_on (staff, started_on);
      kl_staff_set_left_on (staff, left_on);
      kl_staff_set_weekly_hours (staff, weekly_hours (demo, demo_staff[i].job));
      if (!kl_store_save_staff (demo->store, staff, error))
        return FALSE;
      person->id = kl_record_get_id (KL_RECORD (staff));
    }
  return TRUE;
}

/* Competence assessments */

static void
add_theme (GPtrArray  *themes,
           const char *uuid)
{
  if (uuid != NULL && !g_ptr_array_find_with_equal_func (themes, uuid, g_str_equal, NULL))
    g_ptr_array_add (themes, (gpointer)uuid);
}

static gboolean
add_assessments_for (Demo    *demo,
                     guint    row,
                     GError **error)
{
  DemoPerson *person = &demo->staff[row];
  DemoUnit unit = demo_staff[row].unit;
  const char *specialty = demo_jobs[demo_staff[row].job].specialty;
  g_autoptr(GPtrArray) themes = g_ptr_array_new ();
  int level[G_N_ELEMENTS (kl_builtin_themes)];
  int target[G_N_ELEMENTS (kl_builtin_themes)];
  gboolean first_round = TRUE;
  guint extra;

  for (guint i = 0; i < G_N_ELEMENTS (demo_core_themes); i++)
    add_theme (themes, demo_core_themes[i]);
  add_theme (themes, specialty);
  add_theme (themes, demo_units[unit].focus[0]);
  if (chance (demo, 0.6))
    add_theme (themes, demo_units[unit].focus[1]);
  extra = between (demo, 0, 2);
  for (guint i = 0; i < extra; i++)
    add_theme (themes, kl_builtin_themes[between (demo, 0, G_N_ELEMENTS (kl_builtin_themes) - 1)].id);

  for (guint i = 0; i < themes->len; i++)
    {
      int roll = between (demo, 0, 99);

      if (g_str_equal (g_ptr_array_index (themes, i), specialty))
        level[i] = between (demo, 2, 3);
      else
        level[i] = roll < 25 ? 0 : roll < 75 ? 1 : 2;
      /* Long experience shows, but not in everything. */
      if (person->started < julian_for (2012, G_DATE_JANUARY, 1) && level[i] < 3 && chance (demo, 0.4))
        level[i]++;
      target[i] = chance (demo, 0.08) ? -1 : MAX (between (demo, 2, 4), MIN (level[i] + 1, 4));
    }

  for (guint r = 0; r < N_ROUNDS; r++)
    {
      g_autoptr(GPtrArray) batch = NULL;
      g_autofree char *assessed_on = NULL;
      guint32 date = person->rounds[r];

      if (date == 0)
        continue;

      if (!first_round)
        for (guint i = 0; i < themes->len; i++)
          {
            int roll = between (demo, 0, 99);

            if (roll < 62 && level[i] < KL_LEVEL_MAX)
              level[i]++;
            else if (roll >= 97 && level[i] > KL_LEVEL_MIN)
              level[i]--;
            if (target[i] >= 0 && level[i] >= target[i] && target[i] < KL_LEVEL_MAX && chance (demo, 0.5))
              target[i]++;
          }
      first_round = FALSE;

      batch = g_ptr_array_new_with_free_func (g_object_unref);
      assessed_on = date_string (date);
      for (guint i = 0; i < themes->len; i++)
        {
          gint64 id = theme_id (demo, g_ptr_array_index (themes, i));
          KlAssessment *assessment;

          if (id == 0)
            continue;
          assessment = kl_assessment_new ();
          kl_assessment_set_staff_id (assessment, person->id);
          kl_assessment_set_theme_id (assessment, id);
          kl_assessment_set_assessed_on (assessment, assessed_on);
          kl_assessment_set_level (assessment, level[i]);
          kl_assessment_set_target (assessment, target[i]);
          if (chance (demo, 0.07))
            kl_assessment_set_note (assessment,
                                    demo_assessment_notes[between (demo, 0, G_N_ELEMENTS (demo_assessment_notes) - 1)]);
          g_ptr_array_add (batch, assessment);
        }
      if (batch->len > 0 && !kl_store_save_assessments (demo->store, batch, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_assessments (Demo    *demo,
                 GError **error)
{
  for (guint i = 0; i < N_STAFF; i++)
    {
      DemoPerson *person = &demo->staff[i];

      /* Each unit holds its conversations in its own weeks. */
      for (guint r = 0; r < N_ROUNDS; r++)
        {
          guint32 date = demo_day (demo, -demo_round_days_ago[r] + 4 * (int)demo_staff[i].unit + between (demo, 0, 20));

          if (date < person->started + 45 || (person->left != 0 && date > person->left))
            continue;
          /* Not everyone made it to every round. */
          if ((r == 0 && chance (demo, 0.2)) || (r == 1 && chance (demo, 0.08)))
            continue;
          person->rounds[r] = date;
        }

      if (!add_assessments_for (demo, i, error))
        return FALSE;
    }
  return TRUE;
}

/* Development goals */

static gboolean
add_goal (Demo     *demo,
          guint     row,
          guint     goal,
          guint     when,
          GError  **error)
{
  /* Fixed patterns rather than chance, so every kind of goal is there
   * whatever the date. */
  static const KlGoalStatus old_goals[] = {
    KL_GOAL_STATUS_ACHIEVED, KL_GOAL_STATUS_ACHIEVED, KL_GOAL_STATUS_DROPPED,
  };
  static const KlGoalStatus last_years_goals[] = {
    KL_GOAL_STATUS_OPEN, KL_GOAL_STATUS_ACHIEVED, KL_GOAL_STATUS_DROPPED,
    KL_GOAL_STATUS_ACHIEVED, KL_GOAL_STATUS_OPEN,
  };
  DemoPerson *person = &demo->staff[row];
  g_autoptr(KlGoal) record = kl_goal_new ();
  g_autofree char *agreed_on = NULL;
  g_autofree char *due_on = NULL;
  guint32 agreed = person->rounds[when];
  guint n = demo->goals[when]++;
  KlGoalStatus status;

  if (agreed == 0)
    agreed = workday (person->started + 30);

  if (when == 0)
    {
      /* Long since due: reached or given up. */
      due_on = date_string (workday (agreed + between (demo, 180, 365)));
      status = old_goals[n % G_N_ELEMENTS (old_goals)];
    }
  else if (when == 1)
    {
      /* Due some months ago: those still open are overdue. */
      due_on = date_string (workday (agreed + between (demo, 200, 330)));
      status = last_years_goals[n % G_N_ELEMENTS (last_years_goals)];
    }
  else
    {
      if (n % 9 != 4)
        due_on = date_string (workday (agreed + between (demo, 120, 330)));
      status = n % 8 == 5 ? KL_GOAL_STATUS_ACHIEVED : KL_GOAL_STATUS_OPEN;
    }
  if (person->left != 0 && status == KL_GOAL_STATUS_OPEN)
    status = KL_GOAL_STATUS_DROPPED;

  agreed_on = date_string (agreed);
  kl_goal_set_staff_id (record, person->id);
  kl_goal_set_theme_id (record, theme_id (demo, demo_goals[goal].theme));
  kl_goal_set_text (record, demo_goals[goal].text);
  kl_goal_set_agreed_on (record, agreed_on);
  kl_goal_set_due_on (record, due_on);
  kl_goal_set_status (record, status);
  return kl_store_save_goal (demo->store, record, error);
}

static gboolean
add_goals (Demo    *demo,
           GError **error)
{
  for (guint i = 0; i < N_STAFF; i++)
    {
      DemoPerson *person = &demo->staff[i];
      guint goal = between (demo, 0, G_N_ELEMENTS (demo_goals) - 1);
      int latest = -1, earlier = -1;

      for (int r = N_ROUNDS - 1; r >= 0; r--)
        if (person->rounds[r] != 0)
          {
            if (latest < 0)
              latest = r;
            else if (earlier < 0)
              earlier = r;
          }

      if (latest < 0 || chance (demo, 0.2))
        continue;
      if (!add_goal (demo, i, goal, latest, error))
        return FALSE;
      if (earlier >= 0 && chance (demo, 0.7) &&
          !add_goal (demo, i, (goal + between (demo, 1, 5)) % G_N_ELEMENTS (demo_goals), earlier, error))
        return FALSE;
    }
  return TRUE;
}

/* Courses and enrolments */

static gboolean
set_status (Demo               *demo,
            gint64              enrolment,
            KlEnrolmentStatus   status,
            const char         *note,
            GError            **error)
{
  if (!kl_store_set_enrolment_status (demo->store, enrolment, status, NULL, NULL, error))
    return FALSE;
  return note == NULL || kl_store_set_enrolment_note (demo->store, enrolment, note, error);
}

static gboolean
add_course (Demo    *demo,
            guint    row,
            GError **error)
{
  g_autoptr(KlCourse) course = kl_course_new ();
  g_autoptr(GArray) order = NULL;
  g_autoptr(GArray) enrolments = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *starts_on = NULL;
  g_autofree char *ends_on = NULL;
  const char *themes[G_N_ELEMENTS (demo_courses[0].themes)] = { NULL, };
  guint32 starts = demo_day (demo, demo_courses[row].starts_in);
  guint32 ends = workday (starts + demo_courses[row].length);
  gboolean past = ends < demo->today;
  gboolean future = starts > demo->today;
  DemoCourseKind kind = demo_courses[row].kind;
  int wanted = demo_courses[row].participants;
  guint n_themes = 0;
  gint64 id;

  for (guint i = 0; demo_courses[row].themes[i] != NULL; i++)
    if (theme_id (demo, demo_courses[row].themes[i]) != 0)
      themes[n_themes++] = demo_courses[row].themes[i];

  starts_on = date_string (starts);
  ends_on = date_string (ends);
  kl_course_set_title (course, demo_courses[row].title);
  kl_course_set_provider (course, demo_courses[row].provider);
  kl_course_set_description (course, demo_courses[row].description);
  kl_course_set_starts_on (course, starts_on);
  kl_course_set_ends_on (course, ends_on);
  kl_course_set_hours (course, demo_courses[row].hours);
  kl_course_set_cost_dkk (course, demo_courses[row].cost_dkk);
  kl_course_set_capacity (course, demo_courses[row].capacity);
  kl_course_set_location (course, demo_courses[row].location);
  kl_course_set_status (course, KL_COURSE_STATUS_SCHEDULED);
  kl_course_set_theme_ids (course, themes);
  if (!kl_store_save_course (demo->store, course, error))
    return FALSE;
  id = kl_record_get_id (KL_RECORD (course));

  /* Past courses had those employed at the time; later ones only those
   * still here. */
  order = shuffled (demo, N_STAFF);
  for (guint i = 0; i < order->len && (int)enrolments->len < wanted; i++)
    {
      DemoPerson *person = &demo->staff[g_array_index (order, guint, i)];
      g_autoptr(KlEnrolment) enrolment = NULL;
      KlEnrolmentStatus status = KL_ENROLMENT_STATUS_ENROLLED;
      gint64 enrolment_id;

      if (person->started + 14 > starts)
        continue;
      if (past ? (person->left != 0 && person->left <= ends) : person->left != 0)
        continue;

      /* Far ahead, most are only pencilled in. */
      if (kind == COURSE_PLAIN && future)
        {
          guint n = demo->future_enrolments++;

          if (starts > days_from_today (demo, 120) ? n % 4 != 0 : n % 8 == 3)
            status = KL_ENROLMENT_STATUS_PLANNED;
        }

      enrolment = kl_store_enrol (demo->store, person->id, id, status, error);
      if (enrolment == NULL)
        return FALSE;

      /* Booked some weeks before the course, not on the day the demo is made. */
      if (kl_enrolment_get_enrolled_on (enrolment) != NULL)
        {
          guint32 booked = MIN ((guint32)(starts - between (demo, 20, 60)), demo->today);
          g_autofree char *booked_on = date_string (booked);

          kl_enrolment_set_enrolled_on (enrolment, booked_on);
          if (!kl_store_save_enrolment (demo->store, enrolment, error))
            return FALSE;
        }
      enrolment_id = kl_record_get_id (KL_RECORD (enrolment));
      g_array_append_val (enrolments, enrolment_id);

      if (past)
        {
          /* About one in twelve did not show up, as many cancelled. */
          guint n = demo->past_enrolments++;

          if (n % 12 == 5)
            status = KL_ENROLMENT_STATUS_NO_SHOW;
          else if (n % 12 == 9)
            status = KL_ENROLMENT_STATUS_CANCELLED;
          else
            status = KL_ENROLMENT_STATUS_COMPLETED;
          if (!set_status (demo, enrolment_id, status,
                           status == KL_ENROLMENT_STATUS_CANCELLED ? "Afbud på grund af vagtplanen." : NULL,
                           error))
            return FALSE;
        }
    }

  switch (kind)
    {
    case COURSE_SEAT_FREED:
      /* The second to sign up gives the seat away: the waiting list moves. */
      if (enrolments->len > 1 &&
          !set_status (demo, g_array_index (enrolments, gint64, 1), KL_ENROLMENT_STATUS_CANCELLED,
                       "Har meldt fra – pladsen er givet videre.", error))
        return FALSE;
      break;

    case COURSE_CANCELLED:
      /* The provider called it off: everyone's seat goes, then the course. */
      for (guint i = 0; i < enrolments->len; i++)
        if (!set_status (demo, g_array_index (enrolments, gint64, i), KL_ENROLMENT_STATUS_CANCELLED,
                         "Kurset blev aflyst.", error))
          return FALSE;
      kl_course_set_status (course, KL_COURSE_STATUS_CANCELLED);
      kl_course_set_description (course, "Aflyst af udbyderen på grund af for få tilmeldte.");
      if (!kl_store_save_course (demo->store, course, error))
        return FALSE;
      break;

    case COURSE_PLAIN:
    case COURSE_OVERBOOKED:
    default:
      break;
    }
  return TRUE;
}

static gboolean
add_courses (Demo    *demo,
             GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_courses); i++)
    if (!add_course (demo, i, error))
      return FALSE;
  return TRUE;
}

/* Principle assessments and actions */

static gboolean
add_principle_assessments (Demo    *demo,
                           GError **error)
{
  /* Two or three rounds per tilbud, about a year apart, in days before
   * today; the newest a month or two ago. */
  static const int rounds[][3] = {
    { 700, 360, 40 },
    { 690, 350, 25 },
    { 0, 380, 55 },
  };
  guint top = 0;

  for (guint u = 0; u < N_UNITS; u++)
    {
      int maturity[G_N_ELEMENTS (demo_principles)];

      if (demo_units[u].parent >= 0)
        continue;

      for (guint p = 0; p < G_N_ELEMENTS (demo_principles); p++)
        maturity[p] = between (demo, 1, 2) + (chance (demo, 0.2) ? 1 : 0);

      for (guint r = 0; r < G_N_ELEMENTS (rounds[0]); r++)
        {
          g_autofree char *assessed_on = NULL;

          if (rounds[top][r] == 0)
            continue;
          assessed_on = date_string (demo_day (demo, -rounds[top][r]));

          for (guint p = 0; p < G_N_ELEMENTS (demo_principles); p++)
            {
              g_autoptr(KlPrincipleAssessment) pa = NULL;
              gint64 id = principle_id (demo, demo_principles[p].principle);

              if (r > 0 && chance (demo, 0.6))
                maturity[p] = MIN (maturity[p] + 1, KL_MATURITY_MAX);
              if (id == 0)
                continue;

              pa = kl_principle_assessment_new ();
              kl_principle_assessment_set_principle_id (pa, id);
              kl_principle_assessment_set_unit_id (pa, demo->units[u]);
              kl_principle_assessment_set_assessed_on (pa, assessed_on);
              kl_principle_assessment_set_maturity (pa, maturity[p]);
              kl_principle_assessment_set_reflection (pa, demo_principles[p].reflections[maturity[p] - 1]);
              if (!kl_store_save_principle_assessment (demo->store, pa, error))
                return FALSE;
            }
        }
      top = MIN (top + 1, G_N_ELEMENTS (rounds) - 1);
    }
  return TRUE;
}

static gboolean
add_actions (Demo    *demo,
             GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_actions); i++)
    {
      g_autoptr(KlAction) action = NULL;
      g_autofree char *due_on = NULL;
      gint64 principle = principle_id (demo, demo_actions[i].principle);

      if (principle == 0)
        continue;

      action = kl_action_new ();
      due_on = date_string (demo_day (demo, demo_actions[i].due_in));
      kl_action_set_title (action, demo_actions[i].title);
      kl_action_set_principle_id (action, principle);
      kl_action_set_theme_id (action, theme_id (demo, demo_actions[i].theme));
      kl_action_set_unit_id (action, demo->units[demo_actions[i].unit]);
      kl_action_set_owner_id (action, staff_id (demo, demo_actions[i].owner));
      kl_action_set_due_on (action, due_on);
      kl_action_set_status (action, demo_actions[i].status);
      kl_action_set_note (action, demo_actions[i].note);
      if (!kl_store_save_action (demo->store, action, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
fill (Demo    *demo,
      GError **error)
{
  return load_reference (demo, error) &&
         add_units (demo, error) &&
         add_staff (demo, error) &&
         add_assessments (demo, error) &&
         add_goals (demo, error) &&
         add_courses (demo, error) &&
         add_principle_assessments (demo, error) &&
         add_actions (demo, error);
}

/**
 * kl_store_fill_demo:
 * @self: a #KlStore
 * @error: return location for a #GError
 *
 * Fills an empty database with a fictitious Danish example organisation —
 * units, staff, assessment history, goals, courses with enrolments in every
 * status, principle assessments and actions — in one transaction. A
 * database that already has staff is refused with
 * %KL_STORE_ERROR_HAS_DATA and left unchanged. The same data comes out
 * every time, with dates around today.
 *
 * Returns: %TRUE on success
 */
gboolean
kl_store_fill_demo (KlStore  *self,
                    GError  **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GHashTable) themes = NULL;
  g_autoptr(GHashTable) principles = NULL;
  g_autofree Demo *demo = NULL;
  gint64 staff;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  staff = kl_store_count_staff (self, error);
  if (staff < 0)
    return FALSE;
  if (staff > 0)
    {
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_HAS_DATA,
                   _("The database already has staff; demo data only goes into an empty database"));
      return FALSE;
    }

  now = g_date_time_new_now_local ();
  rand = g_rand_new_with_seed (DEMO_SEED);
  themes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  principles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  demo = g_new0 (Demo, 1);
  demo->store = self;
  demo->rand = rand;
  demo->today = julian_for (g_date_time_get_year (now), g_date_time_get_month (now),
                            g_date_time_get_day_of_month (now));
  demo->themes = themes;
  demo->principles = principles;

  if (!kl_store_begin_transaction (self, error))
    return FALSE;
  if (!fill (demo, error))
    {
      kl_store_rollback_transaction (self);
      return FALSE;
    }
  return kl_store_commit_transaction (self, error);
}
