/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The synthetic data of tools/bench: a fictitious organisation of a given
 * size, made through the real store API from a fixed seed, and cached. */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "kl-bench-data.h"

/* Bump when the generated data changes, so caches are made again.
 * 3: new databases have 16 KiB pages. */
#define GENERATOR_VERSION 3
#define GENERATOR_SEED    0x6b6c0000u

/* The data is as of this day, whatever day the bench runs: the same seed
 * gives the same content, bar timestamps. */
#define ANCHOR_DATE "2026-11-01"
#define FIRST_DATE  "2023-01-02"

static const KlBenchSize sizes[] = {
  { "S", 4, 50, 20, 400, 550, 25, 15 },
  { "M", 40, 1000, 300, 10000, 11000, 500, 200 },
  { "L", 200, 10000, 2000, 100000, 110000, 5000, 2000 },
};

/* Invented names, put together at random. */
static const char *first_names[] = {
  "Mette", "Anne", "Hanne", "Lone", "Susanne", "Camilla", "Louise", "Maria", "Sofie", "Ida",
  "Line", "Pia", "Jens", "Peter", "Lars", "Søren", "Niels", "Henrik", "Thomas", "Morten",
  "Jesper", "Mads", "Rasmus", "Mikkel", "Anders", "Kasper", "Emil", "Fatima", "Amir", "Yasmin",
};

static const char *last_names[] = {
  "Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
  "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Poulsen",
  "Johansen", "Møller", "Mortensen", "Holm", "Bech", "Dahl", "Lund", "Kjær", "Frost", "Winther",
  "Skov", "Brandt", "Østergaard", "Krogh",
};

static const char *job_titles[] = {
  "Pædagog", "Pædagog", "Pædagog", "Socialpædagog", "Social- og sundhedsassistent",
  "Social- og sundhedsassistent", "Socialrådgiver", "Sygeplejerske", "Ergoterapeut",
  "Psykolog", "Peer-medarbejder", "Pædagogisk assistent", "Teamleder",
};

static const char *unit_kinds[] = {
  "Bostøtte", "Bofællesskabet", "Værestedet", "Botilbuddet", "Aktivitetstilbuddet", "Støttecentret",
};

static const char *areas[] = {
  "Nord", "Syd", "Øst", "Vest", "Centrum", "Havnen", "Engen", "Skoven",
};

static const char *course_topics[] = {
  "Recovery i praksis", "Motiverende samtale", "Traumebevidst tilgang", "Pårørendesamarbejde",
  "Peer-støtte i hverdagen", "Dobbeltdiagnoser", "Netværksmøder", "Dokumentation af progression",
  "Konflikthåndtering", "Medicinhåndtering", "Sundhedsfremme", "Fritid og fællesskab",
  "Vejen til uddannelse og job", "Borgerinddragelse", "Mentaliseringsbaseret tilgang", "Low arousal",
};

static const char *course_formats[] = {
  "grundkursus", "temadag", "opfølgning", "modul 1", "modul 2", "netværksdag", "workshop",
};

static const char *providers[] = {
  "Kursushuset Nord", "Akademi for Socialpsykiatri", "Recoveryskolen", "Fagcenter Øst",
  "Netværksakademiet", "Kommunens uddannelsesteam",
};

static const char *locations[] = {
  "Aarhus", "Odense", "Vejle", "Aalborg", "Roskilde", "Online", "Hos os",
};

static const char *goal_texts[] = {
  "Gennemføre kursus og bruge metoden i mindst to forløb",
  "Tage ansvar for pårørendemøder i teamet",
  "Være tovholder på netværksmøder",
  "Lære at dokumentere progression systematisk",
  "Deltage i faglig sparring hver måned",
  "Introducere en ny kollega til recovery-tilgangen",
  "Afprøve peer-samarbejde i to borgerforløb",
  "Styrke samarbejdet med jobcentret",
};

static const char *action_titles[] = {
  "Fast refleksionsmøde hver anden uge",
  "Fælles sprog for recovery i teamet",
  "Borgerens egne mål først i handleplanen",
  "Månedlig gennemgang af ledelsesinformation",
  "Aftale om samarbejde med pårørende",
  "Sidemandsoplæring i motiverende samtale",
  "Lederen deltager i vagtskifte en gang om ugen",
  "Peer-medarbejder med i visitationen",
};

typedef struct
{
  KlStore     *store;
  GRand       *rand;
  const KlBenchSize *size;
  guint32      first_day;   /* Julian days */
  guint32      anchor_day;
  GArray      *units;       /* gint64 */
  GArray      *teams;       /* gint64: units staff work in */
  GArray      *staff;       /* gint64 */
  GArray      *courses;     /* gint64 */
  GArray      *course_start;
  GArray      *course_end;
  GArray      *course_cancelled;
  GArray      *theme_ids;   /* gint64 */
  GPtrArray   *theme_slugs;
  GArray      *principle_ids;
} Generator;

static guint32
julian (const char *text)
{
  g_autoptr(GDate) date = kl_store_parse_date (text);

  g_assert (date != NULL);
  return g_date_get_julian (date);
}

static char *
date_text (guint32 day)
{
  g_autoptr(GDate) date = g_date_new_julian (day);

  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

static int
pick (Generator *gen,
      int        n)
{
  return g_rand_int_range (gen->rand, 0, n);
}

static gboolean
chance (Generator *gen,
        double     p)
{
  return g_rand_double (gen->rand) < p;
}

/* A v4-shaped uuid from the seeded generator, so ids repeat too. */
static void
set_uuid (Generator *gen,
          gpointer   record)
{
  guint32 a = g_rand_int (gen->rand), b = g_rand_int (gen->rand);
  guint32 c = g_rand_int (gen->rand), d = g_rand_int (gen->rand);
  g_autofree char *uuid = g_strdup_printf ("%08x-%04x-%04x-%04x-%04x%08x",
                                           a, b >> 16, (b & 0x0fff) | 0x4000,
                                           ((c >> 16) & 0x3fff) | 0x8000, c & 0xffff, d);

  kl_record_set_uuid (KL_RECORD (record), uuid);
}

static gboolean
begin (Generator  *gen,
       GError    **error)
{
  return kl_store_begin_transaction (gen->store, error);
}

static gboolean
commit (Generator  *gen,
        GError    **error)
{
  return kl_store_commit_transaction (gen->store, error);
}

#define BATCH 10000

static gboolean
generate_units (Generator  *gen,
                GError    **error)
{
  guint n_top = MAX (1, gen->size->units / 10);
  g_autoptr(GPtrArray) top_names = g_ptr_array_new_with_free_func (g_free);

  if (!begin (gen, error))
    return FALSE;
  for (guint i = 0; i < gen->size->units; i++)
    {
      g_autoptr(KlUnit) unit = kl_unit_new ();
      g_autofree char *name = NULL;
      gint64 id;

      if (i < n_top)
        {
          name = g_strdup_printf ("%s %s %u", unit_kinds[i % G_N_ELEMENTS (unit_kinds)],
                                  areas[(i / G_N_ELEMENTS (unit_kinds)) % G_N_ELEMENTS (areas)], i + 1);
          g_ptr_array_add (top_names, g_strdup (name));
        }
      else
        {
          guint parent = (i - n_top) % n_top;

          name = g_strdup_printf ("%s, team %u", (char *)g_ptr_array_index (top_names, parent),
                                  (i - n_top) / n_top + 1);
          kl_unit_set_parent_id (unit, g_array_index (gen->units, gint64, parent));
        }
      kl_unit_set_name (unit, name);
      set_uuid (gen, unit);
      if (!kl_store_save_unit (gen->store, unit, error))
        return FALSE;
      id = kl_record_get_id (KL_RECORD (unit));
      g_array_append_val (gen->units, id);
      if (i >= n_top || gen->size->units == 1)
        g_array_append_val (gen->teams, id);
    }
  return commit (gen, error);
}

static gboolean
generate_staff (Generator  *gen,
                GError    **error)
{
  static const double hours[] = { 37, 37, 37, 32, 30, 25, 20 };

  if (!begin (gen, error))
    return FALSE;
  for (guint i = 0; i < gen->size->staff; i++)
    {
      g_autoptr(KlStaff) staff = kl_staff_new ();
      const char *first = first_names[pick (gen, G_N_ELEMENTS (first_names))];
      const char *last = last_names[pick (gen, G_N_ELEMENTS (last_names))];
      char initial = "ABCDEFGHIJKLMNOPRSTV"[pick (gen, 20)];
      g_autofree char *name = g_strdup_printf ("%s %c. %s", first, initial, last);
      g_autofree char *ascii = g_str_to_ascii (name, "C");
      g_autofree char *local = NULL;
      g_autofree char *email = NULL;
      g_autofree char *started = NULL;
      g_autofree char *left = NULL;
      guint32 start_day = gen->first_day - pick (gen, 15 * 365);
      gint64 unit, id;

      if (i > 0 && i % BATCH == 0 && (!commit (gen, error) || !begin (gen, error)))
        return FALSE;

      /* "Mette K. Sørensen" → mette.k.soerensen.17@… */
      local = g_ascii_strdown (ascii, -1);
      g_strdelimit (local, " ", '.');
      email = g_strdup_printf ("%s.%u@kommune.example.dk", local, i + 1);
      for (char *dots; (dots = strstr (email, "..")) != NULL;)
        memmove (dots, dots + 1, strlen (dots));

      unit = chance (gen, 0.9) || gen->teams->len == gen->units->len
             ? g_array_index (gen->teams, gint64, pick (gen, gen->teams->len))
             : g_array_index (gen->units, gint64, pick (gen, gen->units->len));
      started = date_text (start_day);
      if (chance (gen, 0.04))
        left = date_text (MIN (gen->anchor_day - 1, start_day + 200 + pick (gen, 3000)));

      kl_staff_set_name (staff, name);
      kl_staff_set_unit_id (staff, unit);
      kl_staff_set_job_title (staff, job_titles[pick (gen, G_N_ELEMENTS (job_titles))]);
      kl_staff_set_email (staff, email);
      kl_staff_set_started_on (staff, started);
      kl_staff_set_left_on (staff, left);
      kl_staff_set_weekly_hours (staff, hours[pick (gen, G_N_ELEMENTS (hours))]);
      set_uuid (gen, staff);
      if (!kl_store_save_staff (gen->store, staff, error))
        return FALSE;
      id = kl_record_get_id (KL_RECORD (staff));
      g_array_append_val (gen->staff, id);
    }
  return commit (gen, error);
}

static gboolean
generate_courses (Generator  *gen,
                  GError    **error)
{
  if (!begin (gen, error))
    return FALSE;
  for (guint i = 0; i < gen->size->courses; i++)
    {
      g_autoptr(KlCourse) course = kl_course_new ();
      g_autofree char *title = g_strdup_printf ("%s, %s (hold %u)",
                                                course_topics[pick (gen, G_N_ELEMENTS (course_topics))],
                                                course_formats[pick (gen, G_N_ELEMENTS (course_formats))],
                                                i + 1);
      guint32 start = gen->first_day + pick (gen, 5 * 365);
      guint days = 1 + pick (gen, 3);
      guint32 end = start + days - 1;
      g_autofree char *starts_on = date_text (start);
      g_autofree char *ends_on = date_text (end);
      const char *themes[4] = { NULL };
      guint n_themes = 1 + pick (gen, 3);
      gboolean cancelled = chance (gen, 0.04);
      gint64 id;

      for (guint t = 0; t < n_themes; t++)
        {
          gboolean again;

          do
            {
              themes[t] = g_ptr_array_index (gen->theme_slugs, pick (gen, gen->theme_slugs->len));
              again = FALSE;
              for (guint u = 0; u < t; u++)
                again |= g_str_equal (themes[u], themes[t]);
            }
          while (again);
        }

      kl_course_set_title (course, title);
      kl_course_set_provider (course, providers[pick (gen, G_N_ELEMENTS (providers))]);
      kl_course_set_description (course, chance (gen, 0.5) ? "Praksisnært forløb med opgaver mellem gangene." : "");
      kl_course_set_starts_on (course, starts_on);
      kl_course_set_ends_on (course, ends_on);
      kl_course_set_hours (course, days * 7.0 - (chance (gen, 0.2) ? 3.5 : 0));
      kl_course_set_cost_dkk (course, pick (gen, 49) * 250.0);
      kl_course_set_capacity (course, chance (gen, 0.25) ? -1 : 15 + pick (gen, 46));
      kl_course_set_location (course, locations[pick (gen, G_N_ELEMENTS (locations))]);
      kl_course_set_status (course, cancelled ? KL_COURSE_STATUS_CANCELLED : KL_COURSE_STATUS_SCHEDULED);
      kl_course_set_theme_ids (course, themes);
      set_uuid (gen, course);
      if (!kl_store_save_course (gen->store, course, error))
        return FALSE;
      id = kl_record_get_id (KL_RECORD (course));
      g_array_append_val (gen->courses, id);
      g_array_append_val (gen->course_start, start);
      g_array_append_val (gen->course_end, end);
      g_array_append_val (gen->course_cancelled, cancelled);
    }
  return commit (gen, error);
}

/* kl_store_enrol() applies the seat rules but is slow for 100,000 rows;
 * kl_store_save_enrolment() writes the statuses as given, as an import
 * does. */
static gboolean
generate_enrolments (Generator  *gen,
                     GError    **error)
{
  guint n_staff = gen->staff->len;
  guint n_courses = gen->courses->len;
  guint written = 0;
  g_autofree guint *chosen = g_new (guint, n_courses);

  if (!begin (gen, error))
    return FALSE;
  for (guint i = 0; i < n_staff; i++)
    {
      guint count = MIN (n_courses, gen->size->enrolments / n_staff + (i < gen->size->enrolments % n_staff));

      for (guint j = 0; j < count; j++)
        {
          g_autoptr(KlEnrolment) enrolment = kl_enrolment_new ();
          g_autofree char *enrolled_on = NULL;
          g_autofree char *completed_on = NULL;
          KlEnrolmentStatus status;
          guint course;
          guint32 start, end;
          gboolean again;

          do
            {
              course = pick (gen, n_courses);
              again = FALSE;
              for (guint k = 0; k < j; k++)
                again |= chosen[k] == course;
            }
          while (again);
          chosen[j] = course;

          start = g_array_index (gen->course_start, guint32, course);
          end = g_array_index (gen->course_end, guint32, course);
          if (g_array_index (gen->course_cancelled, gboolean, course))
            status = KL_ENROLMENT_STATUS_CANCELLED;
          else if (end < gen->anchor_day)
            {
              double p = g_rand_double (gen->rand);
              status = p < 0.80 ? KL_ENROLMENT_STATUS_COMPLETED
                     : p < 0.88 ? KL_ENROLMENT_STATUS_NO_SHOW : KL_ENROLMENT_STATUS_CANCELLED;
            }
          else
            {
              double p = g_rand_double (gen->rand);
              status = p < 0.55 ? KL_ENROLMENT_STATUS_ENROLLED
                     : p < 0.80 ? KL_ENROLMENT_STATUS_PLANNED
                     : p < 0.92 ? KL_ENROLMENT_STATUS_WAITLISTED : KL_ENROLMENT_STATUS_CANCELLED;
            }
          if (status != KL_ENROLMENT_STATUS_PLANNED)
            enrolled_on = date_text (MIN (start, gen->anchor_day) - 14 - pick (gen, 100));
          if (status == KL_ENROLMENT_STATUS_COMPLETED)
            completed_on = date_text (end);

          kl_enrolment_set_staff_id (enrolment, g_array_index (gen->staff, gint64, i));
          kl_enrolment_set_course_id (enrolment, g_array_index (gen->courses, gint64, course));
          kl_enrolment_set_status (enrolment, status);
          kl_enrolment_set_enrolled_on (enrolment, enrolled_on);
          kl_enrolment_set_completed_on (enrolment, completed_on);
          set_uuid (gen, enrolment);
          if (!kl_store_save_enrolment (gen->store, enrolment, error))
            return FALSE;

          if (++written % BATCH == 0 && (!commit (gen, error) || !begin (gen, error)))
            return FALSE;
        }
    }
  return commit (gen, error);
}

static gboolean
generate_assessments (Generator  *gen,
                      GError    **error)
{
  guint n_staff = gen->staff->len;
  guint n_themes = gen->theme_ids->len;
  guint written = 0;

  if (!begin (gen, error))
    return FALSE;
  for (guint i = 0; i < n_staff; i++)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
      guint count = gen->size->assessments / n_staff + (i < gen->size->assessments % n_staff);
      guint k = MIN (MIN (count, n_themes), 4 + (guint)pick (gen, 3));
      guint subset[16];
      int level[16], target[16];
      guint32 first = julian ("2022-01-10") + pick (gen, 700);

      for (guint t = 0; t < k; t++)
        {
          gboolean again;

          do
            {
              subset[t] = pick (gen, n_themes);
              again = FALSE;
              for (guint u = 0; u < t; u++)
                again |= subset[u] == subset[t];
            }
          while (again);
          level[t] = pick (gen, 3);
          target[t] = chance (gen, 0.75) ? MIN (4, level[t] + 1 + pick (gen, 2)) : -1;
        }

      for (guint j = 0; j < count; j++)
        {
          KlAssessment *assessment = kl_assessment_new ();
          guint t = j % k;
          guint round = j / k;
          g_autofree char *assessed_on = date_text (MIN (gen->anchor_day - 1, first + round * 365 + pick (gen, 20)));

          if (round > 0)
            level[t] = MIN (4, level[t] + pick (gen, 2));
          kl_assessment_set_staff_id (assessment, g_array_index (gen->staff, gint64, i));
          kl_assessment_set_theme_id (assessment, g_array_index (gen->theme_ids, gint64, subset[t]));
          kl_assessment_set_assessed_on (assessment, assessed_on);
          kl_assessment_set_level (assessment, level[t]);
          kl_assessment_set_target (assessment, target[t]);
          set_uuid (gen, assessment);
          g_ptr_array_add (batch, assessment);
        }

      /* One conversation's assessments at a time, as the dialog saves them. */
      if (batch->len > 0 && !kl_store_save_assessments (gen->store, batch, error))
        return FALSE;
      written += batch->len;
      if (written >= BATCH)
        {
          written = 0;
          if (!commit (gen, error) || !begin (gen, error))
            return FALSE;
        }
    }
  return commit (gen, error);
}

static gboolean
generate_goals (Generator  *gen,
                GError    **error)
{
  if (!begin (gen, error))
    return FALSE;
  for (guint i = 0; i < gen->size->goals; i++)
    {
      g_autoptr(KlGoal) goal = kl_goal_new ();
      guint32 agreed = gen->first_day + pick (gen, 1400);
      guint32 due = agreed + 90 + pick (gen, 275);
      g_autofree char *agreed_on = date_text (MIN (agreed, gen->anchor_day - 1));
      g_autofree char *due_on = chance (gen, 0.1) ? NULL : date_text (MAX (due, MIN (agreed, gen->anchor_day - 1)));
      double p = g_rand_double (gen->rand);
      KlGoalStatus status;

      if (due < gen->anchor_day)
        status = p < 0.6 ? KL_GOAL_STATUS_ACHIEVED : p < 0.7 ? KL_GOAL_STATUS_DROPPED : KL_GOAL_STATUS_OPEN;
      else
        status = p < 0.85 ? KL_GOAL_STATUS_OPEN : KL_GOAL_STATUS_ACHIEVED;

      kl_goal_set_staff_id (goal, g_array_index (gen->staff, gint64, pick (gen, gen->staff->len)));
      kl_goal_set_theme_id (goal, chance (gen, 0.7)
                                  ? g_array_index (gen->theme_ids, gint64, pick (gen, gen->theme_ids->len)) : 0);
      kl_goal_set_text (goal, goal_texts[pick (gen, G_N_ELEMENTS (goal_texts))]);
      kl_goal_set_agreed_on (goal, agreed_on);
      kl_goal_set_due_on (goal, due_on);
      kl_goal_set_status (goal, status);
      set_uuid (gen, goal);
      if (!kl_store_save_goal (gen->store, goal, error))
        return FALSE;
    }
  return commit (gen, error);
}

static gboolean
generate_principles (Generator  *gen,
                     GError    **error)
{
  static const char *reflections[] = {
    "", "Vi taler om det, men det er ikke en fast del af hverdagen endnu.",
    "Det er på plads i de fleste teams; vi mangler opfølgning.",
  };

  if (!begin (gen, error))
    return FALSE;
  for (guint u = 0; u < gen->units->len; u++)
    for (guint p = 0; p < gen->principle_ids->len; p++)
      {
        int maturity = 1 + pick (gen, 3);

        for (guint round = 0; round < 2; round++)
          {
            g_autoptr(KlPrincipleAssessment) pa = kl_principle_assessment_new ();
            g_autofree char *assessed_on = date_text (julian ("2025-03-03") + round * 365 + pick (gen, 30));

            maturity = MIN (5, maturity + (int)round * pick (gen, 2));
            kl_principle_assessment_set_principle_id (pa, g_array_index (gen->principle_ids, gint64, p));
            kl_principle_assessment_set_unit_id (pa, g_array_index (gen->units, gint64, u));
            kl_principle_assessment_set_assessed_on (pa, assessed_on);
            kl_principle_assessment_set_maturity (pa, maturity);
            kl_principle_assessment_set_reflection (pa, reflections[pick (gen, G_N_ELEMENTS (reflections))]);
            set_uuid (gen, pa);
            if (!kl_store_save_principle_assessment (gen->store, pa, error))
              return FALSE;
          }
      }
  return commit (gen, error);
}

static gboolean
generate_actions (Generator  *gen,
                  GError    **error)
{
  if (!begin (gen, error))
    return FALSE;
  for (guint i = 0; i < gen->size->actions; i++)
    {
      g_autoptr(KlAction) action = kl_action_new ();
      g_autofree char *due_on = date_text (gen->first_day + 900 + pick (gen, 900));
      double p = g_rand_double (gen->rand);

      kl_action_set_title (action, action_titles[pick (gen, G_N_ELEMENTS (action_titles))]);
      kl_action_set_principle_id (action, g_array_index (gen->principle_ids, gint64,
                                                         pick (gen, gen->principle_ids->len)));
      kl_action_set_theme_id (action, chance (gen, 0.5)
                                      ? g_array_index (gen->theme_ids, gint64, pick (gen, gen->theme_ids->len)) : 0);
      kl_action_set_unit_id (action, g_array_index (gen->units, gint64, pick (gen, gen->units->len)));
      kl_action_set_owner_id (action, chance (gen, 0.6)
                                      ? g_array_index (gen->staff, gint64, pick (gen, gen->staff->len)) : 0);
      kl_action_set_due_on (action, due_on);
      kl_action_set_status (action, p < 0.4 ? KL_ACTION_STATUS_OPEN
                                    : p < 0.65 ? KL_ACTION_STATUS_IN_PROGRESS
                                    : p < 0.9 ? KL_ACTION_STATUS_DONE : KL_ACTION_STATUS_DROPPED);
      set_uuid (gen, action);
      if (!kl_store_save_action (gen->store, action, error))
        return FALSE;
    }
  return commit (gen, error);
}

/**
 * kl_bench_remove_database:
 *
 * Deletes a database file with its -wal, -shm and -journal files.
 */
void
kl_bench_remove_database (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

/* Fills a new database at @path with @size's data through the store. */
static gboolean
generate (const KlBenchSize  *size,
          const char  *path,
          GError     **error)
{
  g_autoptr(KlStore) store = NULL;
  g_autoptr(GPtrArray) themes = NULL;
  g_autoptr(GPtrArray) principles = NULL;
  Generator gen = { 0 };
  gboolean ok;
  gint64 start = g_get_monotonic_time ();
  struct { const char *what; gboolean (*func) (Generator *, GError **); } steps[] = {
    { "units", generate_units },
    { "staff", generate_staff },
    { "courses", generate_courses },
    { "enrolments", generate_enrolments },
    { "assessments", generate_assessments },
    { "goals", generate_goals },
    { "principle assessments", generate_principles },
    { "actions", generate_actions },
  };

  kl_bench_remove_database (path);
  store = kl_store_open (path, error);
  if (store == NULL)
    return FALSE;

  gen.store = store;
  gen.size = size;
  gen.rand = g_rand_new_with_seed (GENERATOR_SEED + (guint32)(size - sizes));
  gen.first_day = julian (FIRST_DATE);
  gen.anchor_day = julian (ANCHOR_DATE);
  gen.units = g_array_new (FALSE, FALSE, sizeof (gint64));
  gen.teams = g_array_new (FALSE, FALSE, sizeof (gint64));
  gen.staff = g_array_new (FALSE, FALSE, sizeof (gint64));
  gen.courses = g_array_new (FALSE, FALSE, sizeof (gint64));
  gen.course_start = g_array_new (FALSE, FALSE, sizeof (guint32));
  gen.course_end = g_array_new (FALSE, FALSE, sizeof (guint32));
  gen.course_cancelled = g_array_new (FALSE, FALSE, sizeof (gboolean));
  gen.theme_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gen.theme_slugs = g_ptr_array_new_with_free_func (g_free);
  gen.principle_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  themes = kl_store_list_themes (store, FALSE, error);
  principles = kl_store_list_principles (store, KL_FRAMEWORK_FAGLIG_LEDELSE, error);
  ok = themes != NULL && principles != NULL;
  for (guint i = 0; ok && i < themes->len; i++)
    {
      gint64 id = kl_record_get_id (g_ptr_array_index (themes, i));

      g_array_append_val (gen.theme_ids, id);
      g_ptr_array_add (gen.theme_slugs, g_strdup (kl_record_get_uuid (g_ptr_array_index (themes, i))));
    }
  for (guint i = 0; ok && i < principles->len; i++)
    {
      gint64 id = kl_record_get_id (g_ptr_array_index (principles, i));

      g_array_append_val (gen.principle_ids, id);
    }

  for (guint i = 0; ok && i < G_N_ELEMENTS (steps); i++)
    {
      gint64 t0 = g_get_monotonic_time ();

      g_printerr ("  %-22s", steps[i].what);
      ok = steps[i].func (&gen, error);
      if (!ok)
        kl_store_rollback_transaction (store);
      g_printerr (" %6.1f s\n", (g_get_monotonic_time () - t0) / 1e6);
    }

  g_rand_free (gen.rand);
  g_array_unref (gen.units);
  g_array_unref (gen.teams);
  g_array_unref (gen.staff);
  g_array_unref (gen.courses);
  g_array_unref (gen.course_start);
  g_array_unref (gen.course_end);
  g_array_unref (gen.course_cancelled);
  g_array_unref (gen.theme_ids);
  g_ptr_array_unref (gen.theme_slugs);
  g_array_unref (gen.principle_ids);

  if (ok)
    g_printerr ("  generated in %.1f s\n", (g_get_monotonic_time () - start) / 1e6);
  return ok;
}

/**
 * kl_bench_ensure_data:
 * @size: the data set
 * @data_dir: where data sets are cached
 *
 * Returns: (transfer full): the cached database for @size, made first if
 *   it is missing or was made by another version of the generator
 */
char *
kl_bench_ensure_data (const KlBenchSize  *size,
                      const char         *data_dir,
                      GError            **error)
{
  g_autofree char *base = g_strdup_printf ("%s-v%d", size->name, KL_STORE_SCHEMA_VERSION);
  g_autofree char *db_name = g_strconcat (base, ".db", NULL);
  g_autofree char *stamp_name = g_strconcat (base, ".stamp", NULL);
  g_autofree char *path = g_build_filename (data_dir, db_name, NULL);
  g_autofree char *stamp_path = g_build_filename (data_dir, stamp_name, NULL);
  g_autofree char *tmp = NULL;
  g_autofree char *stamp = g_strdup_printf ("generator=%d seed=%u size=%s schema=%d\n", GENERATOR_VERSION,
                                            GENERATOR_SEED, size->name, KL_STORE_SCHEMA_VERSION);
  g_autofree char *old_stamp = NULL;

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR) &&
      g_file_get_contents (stamp_path, &old_stamp, NULL, NULL) &&
      g_str_equal (old_stamp, stamp))
    return g_steal_pointer (&path);

  if (g_mkdir_with_parents (data_dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   "Could not create %s: %s", data_dir, g_strerror (errno));
      return NULL;
    }

  g_printerr ("Generating the %s data set in %s\n", size->name, path);
  tmp = g_strdup_printf ("%s.tmp-%d", path, (int)getpid ());
  if (!generate (size, tmp, error))
    {
      kl_bench_remove_database (tmp);
      return NULL;
    }
  kl_bench_remove_database (path);
  if (g_rename (tmp, path) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   "Could not rename %s: %s", tmp, g_strerror (errno));
      return NULL;
    }
  if (!g_file_set_contents (stamp_path, stamp, -1, error))
    return NULL;
  return g_steal_pointer (&path);
}

/**
 * kl_bench_size_find:
 * @name: "S", "M" or "L"
 *
 * Returns: (nullable): the data set of that name
 */
const KlBenchSize *
kl_bench_size_find (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    if (g_ascii_strcasecmp (sizes[i].name, name) == 0)
      return &sizes[i];
  return NULL;
}
