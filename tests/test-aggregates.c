/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kl-store-aggregates.h"
#include "kl-test-utils.h"

/* Every figure of the Overview and the Competence matrix, checked against
 * a small organisation built by hand, whose answers were worked out on
 * paper. "Today" is 15 June 2026.
 *
 *   Nord ─ Team Å        Syd
 *
 *   Anna     Nord    Pædagog         Health 2→3  Misuse 0→2  Peers 3→3
 *   Bo       Nord    Pædagog         Health 3→3  Misuse 1→2  Peers 4→3
 *   Cecilie  Team Å  Sygeplejerske   Health 4    Misuse 2→2  Peers 3→4
 *   Dorte    Syd     Pædagog         Health 1→3  Misuse 2→3  (none)
 *   Erik     Nord    Ergoterapeut    left on 31 March 2026; Health 0→4 in 2025
 *   Frida    Nord    Psykolog        starts 1 September 2026
 *
 * (level→target; a number alone has no target.) Anna's Health has an
 * older assessment (1→3, January 2025) and a future one (4, September
 * 2026); Dorte was assessed twice in Misuse on one day, 3→3 and then
 * 2→3, and the later entry counts. */

#define TODAY "2026-06-15"

typedef struct
{
  KlStore *store;
  gint64   nord, team, syd;
  gint64   anna, bo, cecilie, dorte, erik, frida;
  gint64   health, misuse, peers;
  gint64   upcoming, unlimited;
} Fixture;

static void
set_left (KlStore    *store,
          gint64      staff_id,
          const char *left_on)
{
  g_autoptr(KlRecord) staff = kl_store_get_record (store, KL_TYPE_STAFF, staff_id, NULL);
  g_autoptr(GError) error = NULL;

  kl_staff_set_left_on (KL_STAFF (staff), left_on);
  kl_store_save_staff (store, KL_STAFF (staff), &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *health_misuse[] = { "sundhed", "misbrug", NULL };
  const char *peers_only[] = { "peers", NULL };
  const char *misuse_only[] = { "misbrug", NULL };
  const char *no_themes[] = { NULL };
  gint64 recovery, peer_course, no_theme, full, cancelled, past, too_late;
  gint64 archived;

  f->store = kl_test_open_store ("aggregates.db");

  f->health = kl_store_lookup_id (f->store, KL_TYPE_THEME, "sundhed");
  f->misuse = kl_store_lookup_id (f->store, KL_TYPE_THEME, "misbrug");
  f->peers = kl_store_lookup_id (f->store, KL_TYPE_THEME, "peers");

  f->nord = kl_test_add_unit (f->store, "Nord", 0);
  f->team = kl_test_add_unit (f->store, "Team Å", f->nord);
  f->syd = kl_test_add_unit (f->store, "Syd", 0);

  f->anna = kl_test_add_staff (f->store, f->nord, "Anna", "Pædagog");
  f->bo = kl_test_add_staff_full (f->store, f->nord, "Bo", "Pædagog", NULL, "2015-01-01", -1);
  f->cecilie = kl_test_add_staff (f->store, f->team, "Cecilie", "Sygeplejerske");
  f->dorte = kl_test_add_staff (f->store, f->syd, "Dorte", "Pædagog");
  f->erik = kl_test_add_staff_full (f->store, f->nord, "Erik", "Ergoterapeut", NULL, "2020-01-01", -1);
  f->frida = kl_test_add_staff_full (f->store, f->nord, "Frida", "Psykolog", NULL, "2026-09-01", -1);

  kl_test_assess (f->store, f->anna, f->health, "2025-01-10", 1, 3);
  kl_test_assess (f->store, f->anna, f->health, "2026-02-01", 2, 3);
  kl_test_assess (f->store, f->anna, f->health, "2026-09-01", 4, 3);
  kl_test_assess (f->store, f->bo, f->health, "2026-03-01", 3, 3);
  kl_test_assess (f->store, f->cecilie, f->health, "2026-03-01", 4, -1);
  kl_test_assess (f->store, f->dorte, f->health, "2026-03-01", 1, 3);
  kl_test_assess (f->store, f->erik, f->health, "2025-06-01", 0, 4);
  kl_test_assess (f->store, f->frida, f->health, "2026-05-01", 0, 4);

  kl_test_assess (f->store, f->anna, f->misuse, "2026-02-01", 0, 2);
  kl_test_assess (f->store, f->bo, f->misuse, "2026-02-01", 1, 2);
  kl_test_assess (f->store, f->cecilie, f->misuse, "2026-02-01", 2, 2);
  kl_test_assess (f->store, f->dorte, f->misuse, "2026-04-01", 3, 3);
  kl_test_assess (f->store, f->dorte, f->misuse, "2026-04-01", 2, 3);

  kl_test_assess (f->store, f->anna, f->peers, "2026-02-01", 3, 3);
  kl_test_assess (f->store, f->bo, f->peers, "2026-02-01", 4, 3);
  kl_test_assess (f->store, f->cecilie, f->peers, "2026-02-01", 3, 4);

  /* An archived theme never shows, even with a gap in it. */
  {
    g_autoptr(KlTheme) theme = kl_theme_new ();

    kl_theme_set_name (theme, "Medicinhåndtering");
    kl_store_save_theme (f->store, theme, &error);
    g_assert_no_error (error);
    archived = kl_record_get_id (KL_RECORD (theme));
    kl_test_assess (f->store, f->anna, archived, "2026-02-01", 0, 4);
    kl_theme_set_archived (theme, TRUE);
    kl_store_save_theme (f->store, theme, &error);
    g_assert_no_error (error);
  }

  /* Training */
  recovery = kl_test_add_course (f->store, "Recovery og sundhed", NULL, health_misuse, "2026-02-01",
                                 "2026-02-02", 14, 3000, 10);
  peer_course = kl_test_add_course (f->store, "Peer-støtte", NULL, peers_only, "2025-11-10", "2025-11-10", 7,
                                    1500, 10);
  no_theme = kl_test_add_course (f->store, "Førstehjælp", NULL, no_themes, "2026-05-05", "2026-05-05", 3, 500,
                                 -1);
  kl_test_add_enrolment (f->store, f->anna, recovery, KL_ENROLMENT_STATUS_COMPLETED, "2026-02-02");
  kl_test_add_enrolment (f->store, f->cecilie, recovery, KL_ENROLMENT_STATUS_COMPLETED, "2026-02-02");
  kl_test_add_enrolment (f->store, f->erik, recovery, KL_ENROLMENT_STATUS_COMPLETED, "2026-02-02");
  kl_test_add_enrolment (f->store, f->dorte, recovery, KL_ENROLMENT_STATUS_COMPLETED, "2026-02-02");
  kl_test_add_enrolment (f->store, f->bo, peer_course, KL_ENROLMENT_STATUS_COMPLETED, "2025-11-10");
  kl_test_add_enrolment (f->store, f->anna, no_theme, KL_ENROLMENT_STATUS_COMPLETED, "2026-05-05");
  set_left (f->store, f->erik, "2026-03-31");

  /* Courses ahead: within 60 days of 15 June means until 14 August. */
  full = kl_test_add_course (f->store, "Fuldt hold", NULL, misuse_only, "2026-06-20", "2026-06-20", 4, 800, 2);
  kl_test_add_enrolment (f->store, f->anna, full, KL_ENROLMENT_STATUS_ENROLLED, NULL);
  kl_test_add_enrolment (f->store, f->bo, full, KL_ENROLMENT_STATUS_ENROLLED, NULL);
  f->upcoming = kl_test_add_course (f->store, "Motiverende samtale", NULL, misuse_only, "2026-07-01",
                                    "2026-07-01", 6, 1200, 3);
  kl_test_add_enrolment (f->store, f->cecilie, f->upcoming, KL_ENROLMENT_STATUS_ENROLLED, NULL);
  kl_test_add_enrolment (f->store, f->dorte, f->upcoming, KL_ENROLMENT_STATUS_PLANNED, NULL);
  f->unlimited = kl_test_add_course (f->store, "Netværksmøder", NULL, peers_only, "2026-08-14", "2026-08-14",
                                     5, 0, -1);
  too_late = kl_test_add_course (f->store, "For sent", NULL, peers_only, "2026-08-15", "2026-08-15", 5, 0, -1);
  {
    g_autoptr(KlCourse) course = kl_test_course_new ("Aflyst", NULL, peers_only, "2026-06-25", "2026-06-25",
                                                     5, 0, -1);

    kl_course_set_status (course, KL_COURSE_STATUS_CANCELLED);
    cancelled = kl_test_save (f->store, course);
  }
  past = kl_test_add_course (f->store, "I går", NULL, peers_only, "2026-06-14", "2026-06-14", 5, 0, -1);
  (void)too_late;
  (void)cancelled;
  (void)past;

  /* Goals and actions */
  kl_test_add_goal (f->store, f->anna, "Anna, forfalden", "2025-09-01", "2026-06-01", KL_GOAL_STATUS_OPEN);
  kl_test_add_goal (f->store, f->anna, "Anna, forfalder i dag", "2025-09-01", "2026-06-15",
                    KL_GOAL_STATUS_OPEN);
  kl_test_add_goal (f->store, f->bo, "Bo, nået", "2025-09-01", "2026-01-01", KL_GOAL_STATUS_ACHIEVED);
  kl_test_add_goal (f->store, f->dorte, "Dorte, forfalden", "2025-09-01", "2026-05-01", KL_GOAL_STATUS_OPEN);
  kl_test_add_goal (f->store, f->erik, "Erik, er stoppet", "2025-09-01", "2026-01-01", KL_GOAL_STATUS_OPEN);
  kl_test_add_goal (f->store, f->cecilie, "Cecilie, uden frist", "2025-09-01", NULL, KL_GOAL_STATUS_OPEN);

  kl_test_add_action (f->store, "Refleksionsmøder", "faglig-refleksion", NULL, f->nord, f->anna, "2026-06-10",
                      KL_ACTION_STATUS_OPEN);
  kl_test_add_action (f->store, "Leder på gulvet", "naervaerende-ledelse", NULL, f->team, 0, "2026-04-01",
                      KL_ACTION_STATUS_IN_PROGRESS);
  kl_test_add_action (f->store, "Færdig", "faglig-refleksion", NULL, f->syd, 0, "2026-01-01",
                      KL_ACTION_STATUS_DONE);
  kl_test_add_action (f->store, "Senere", "faglig-refleksion", NULL, f->syd, 0, "2026-07-01",
                      KL_ACTION_STATUS_OPEN);
  kl_test_add_action (f->store, "Droppet", "faglig-refleksion", NULL, f->syd, 0, "2026-01-01",
                      KL_ACTION_STATUS_DROPPED);

  /* Principles */
  kl_test_add_maturity (f->store, "samarbejde-med-borgeren", f->nord, "2025-05-01", 2);
  kl_test_add_maturity (f->store, "samarbejde-med-borgeren", f->nord, "2026-05-01", 4);
  kl_test_add_maturity (f->store, "samarbejde-med-borgeren", f->team, "2026-02-01", 3);
  kl_test_add_maturity (f->store, "samarbejde-med-borgeren", f->syd, "2026-03-01", 1);
  kl_test_add_maturity (f->store, "tydelig-faglig-retning", f->nord, "2026-07-01", 5);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);
}

static const KlThemeStatus *
find_theme (GArray *themes,
            gint64  theme_id)
{
  for (guint i = 0; i < themes->len; i++)
    if (g_array_index (themes, KlThemeStatus, i).theme_id == theme_id)
      return &g_array_index (themes, KlThemeStatus, i);
  g_assert_not_reached ();
}

#define assert_levels(s, l0, l1, l2, l3, l4) \
  G_STMT_START { \
    g_assert_cmpuint ((s)->levels[0], ==, l0); \
    g_assert_cmpuint ((s)->levels[1], ==, l1); \
    g_assert_cmpuint ((s)->levels[2], ==, l2); \
    g_assert_cmpuint ((s)->levels[3], ==, l3); \
    g_assert_cmpuint ((s)->levels[4], ==, l4); \
  } G_STMT_END

static void
test_staff_count (Fixture       *f,
                  gconstpointer  data)
{
  KlAggregateQuery all = { .today = TODAY };
  KlAggregateQuery nord = { .unit_id = f->nord, .today = TODAY };
  KlAggregateQuery team = { .unit_id = f->team, .today = TODAY };
  KlAggregateQuery paedagog = { .job_title = "Pædagog", .today = TODAY };
  KlAggregateQuery end_2025 = { .today = "2025-12-31" };
  KlAggregateQuery autumn = { .today = "2026-09-01" };

  /* Erik has left and Frida has not started yet. */
  g_assert_cmpint (kl_store_aggregate_staff_count (f->store, &all, NULL), ==, 4);
  g_assert_cmpint (kl_store_aggregate_staff_count (f->store, &nord, NULL), ==, 3);
  g_assert_cmpint (kl_store_aggregate_staff_count (f->store, &team, NULL), ==, 1);
  g_assert_cmpint (kl_store_aggregate_staff_count (f->store, &paedagog, NULL), ==, 3);
  g_assert_cmpint (kl_store_aggregate_staff_count (f->store, &end_2025, NULL), ==, 5);
  g_assert_cmpint (kl_store_aggregate_staff_count (f->store, &autumn, NULL), ==, 5);
}

static void
test_share_at_target (Fixture       *f,
                      gconstpointer  data)
{
  KlAggregateQuery all = { .today = TODAY };
  KlAggregateQuery nord = { .unit_id = f->nord, .today = TODAY };
  KlAggregateQuery paedagog = { .job_title = "Pædagog", .today = TODAY };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) themes = kl_store_aggregate_themes (f->store, &all, &error);
  g_autoptr(GArray) in_nord = NULL;
  g_autoptr(GArray) of_paedagog = NULL;
  const KlThemeStatus *s;

  g_assert_no_error (error);
  /* The eleven built-in themes, in their order; not the archived one. */
  g_assert_cmpuint (themes->len, ==, 11);
  g_assert_cmpint (g_array_index (themes, KlThemeStatus, 0).theme_id, ==,
                   kl_store_lookup_id (f->store, KL_TYPE_THEME, "rehabilitering-og-recovery"));
  g_assert_cmpstr (g_array_index (themes, KlThemeStatus, 0).name, ==, "Rehabilitation and recovery");

  /* Health: Anna 2→3 (the assessment of September is not yet),
   * Bo 3→3, Cecilie 4, Dorte 1→3. */
  s = find_theme (themes, f->health);
  g_assert_cmpstr (s->name, ==, "Health");
  g_assert_cmpuint (s->n_staff, ==, 4);
  g_assert_cmpuint (s->n_assessed, ==, 4);
  g_assert_cmpuint (s->n_with_target, ==, 3);
  g_assert_cmpuint (s->n_at_target, ==, 1);
  g_assert_cmpuint (s->n_below_target, ==, 2);
  g_assert_cmpuint (s->gap, ==, 3);
  g_assert_cmpuint (s->n_covered, ==, 2);
  assert_levels (s, 0, 1, 1, 1, 1);
  g_assert_cmpfloat_with_epsilon (s->average_level, 2.5, 1e-9);

  /* Misuse: Dorte's later entry of the same day counts (2, not 3). */
  s = find_theme (themes, f->misuse);
  g_assert_cmpuint (s->n_assessed, ==, 4);
  g_assert_cmpuint (s->n_with_target, ==, 4);
  g_assert_cmpuint (s->n_at_target, ==, 1);
  g_assert_cmpuint (s->n_below_target, ==, 3);
  g_assert_cmpuint (s->gap, ==, 4);
  g_assert_cmpuint (s->n_covered, ==, 0);
  assert_levels (s, 1, 1, 2, 0, 0);
  g_assert_cmpfloat_with_epsilon (s->average_level, 1.25, 1e-9);

  s = find_theme (themes, f->peers);
  g_assert_cmpuint (s->n_assessed, ==, 3);
  g_assert_cmpuint (s->n_at_target, ==, 2);
  g_assert_cmpuint (s->n_with_target, ==, 3);
  g_assert_cmpuint (s->gap, ==, 1);
  g_assert_cmpuint (s->n_covered, ==, 3);
  assert_levels (s, 0, 0, 0, 2, 1);

  s = find_theme (themes, kl_store_lookup_id (f->store, KL_TYPE_THEME, "fritid"));
  g_assert_cmpuint (s->n_staff, ==, 4);
  g_assert_cmpuint (s->n_assessed, ==, 0);
  g_assert_cmpuint (s->n_covered, ==, 0);
  g_assert_cmpfloat (s->average_level, ==, 0);

  /* Nord, with Team Å: Anna, Bo and Cecilie. */
  in_nord = kl_store_aggregate_themes (f->store, &nord, &error);
  g_assert_no_error (error);
  s = find_theme (in_nord, f->health);
  g_assert_cmpuint (s->n_staff, ==, 3);
  g_assert_cmpuint (s->n_assessed, ==, 3);
  g_assert_cmpuint (s->n_with_target, ==, 2);
  g_assert_cmpuint (s->n_at_target, ==, 1);
  g_assert_cmpuint (s->gap, ==, 1);
  g_assert_cmpuint (s->n_covered, ==, 2);

  of_paedagog = kl_store_aggregate_themes (f->store, &paedagog, &error);
  g_assert_no_error (error);
  s = find_theme (of_paedagog, f->health);
  g_assert_cmpuint (s->n_staff, ==, 3);
  g_assert_cmpuint (s->n_at_target, ==, 1);
  g_assert_cmpuint (s->n_below_target, ==, 2);
  g_assert_cmpuint (s->gap, ==, 3);
  g_assert_cmpuint (s->n_covered, ==, 1);
}

static void
test_as_of_a_day (Fixture       *f,
                  gconstpointer  data)
{
  KlAggregateQuery end_2025 = { .today = "2025-12-31" };
  KlAggregateQuery autumn = { .today = "2026-09-01" };
  g_autoptr(GArray) then = kl_store_aggregate_themes (f->store, &end_2025, NULL);
  g_autoptr(GArray) later = kl_store_aggregate_themes (f->store, &autumn, NULL);
  const KlThemeStatus *s;

  /* At the end of 2025: Anna 1→3 and Erik 0→4 in Health. */
  s = find_theme (then, f->health);
  g_assert_cmpuint (s->n_staff, ==, 5);
  g_assert_cmpuint (s->n_assessed, ==, 2);
  g_assert_cmpuint (s->gap, ==, 2 + 4);
  g_assert_cmpuint (s->n_covered, ==, 0);

  /* In September Anna's newest assessment counts (4), and Frida 0→4 has
   * started. */
  s = find_theme (later, f->health);
  g_assert_cmpuint (s->n_assessed, ==, 5);
  g_assert_cmpuint (s->n_covered, ==, 3);
  g_assert_cmpuint (s->gap, ==, 2 + 4);
}

static void
test_gaps (Fixture       *f,
           gconstpointer  data)
{
  KlAggregateQuery all = { .today = TODAY };
  KlAggregateQuery nord = { .unit_id = f->nord, .today = TODAY };
  KlAggregateQuery syd = { .unit_id = f->syd, .today = TODAY };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) gaps = kl_store_aggregate_gaps (f->store, &all, 3, &error);
  g_autoptr(GArray) nord_gaps = NULL;
  g_autoptr(GArray) syd_gaps = NULL;
  g_autoptr(GArray) one = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (gaps->len, ==, 3);
  g_assert_cmpint (g_array_index (gaps, KlThemeStatus, 0).theme_id, ==, f->misuse);
  g_assert_cmpuint (g_array_index (gaps, KlThemeStatus, 0).gap, ==, 4);
  g_assert_cmpuint (g_array_index (gaps, KlThemeStatus, 0).n_below_target, ==, 3);
  g_assert_cmpint (g_array_index (gaps, KlThemeStatus, 1).theme_id, ==, f->health);
  g_assert_cmpuint (g_array_index (gaps, KlThemeStatus, 1).gap, ==, 3);
  g_assert_cmpint (g_array_index (gaps, KlThemeStatus, 2).theme_id, ==, f->peers);
  g_assert_cmpuint (g_array_index (gaps, KlThemeStatus, 2).gap, ==, 1);

  /* Nord: Misuse 3; Health and Peer support tie at 1, in theme order. */
  nord_gaps = kl_store_aggregate_gaps (f->store, &nord, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nord_gaps->len, ==, 3);
  g_assert_cmpint (g_array_index (nord_gaps, KlThemeStatus, 0).theme_id, ==, f->misuse);
  g_assert_cmpuint (g_array_index (nord_gaps, KlThemeStatus, 0).gap, ==, 3);
  g_assert_cmpint (g_array_index (nord_gaps, KlThemeStatus, 1).theme_id, ==, f->peers);
  g_assert_cmpint (g_array_index (nord_gaps, KlThemeStatus, 2).theme_id, ==, f->health);

  /* Only themes with a gap are listed. */
  syd_gaps = kl_store_aggregate_gaps (f->store, &syd, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (syd_gaps->len, ==, 2);
  g_assert_cmpint (g_array_index (syd_gaps, KlThemeStatus, 0).theme_id, ==, f->health);
  g_assert_cmpint (g_array_index (syd_gaps, KlThemeStatus, 1).theme_id, ==, f->misuse);

  one = kl_store_aggregate_gaps (f->store, &all, 1, &error);
  g_assert_cmpuint (one->len, ==, 1);
}

static void
test_coverage_warnings (Fixture       *f,
                        gconstpointer  data)
{
  KlAggregateQuery all = { .today = TODAY };
  KlAggregateQuery paedagog = { .job_title = "Pædagog", .today = TODAY };
  g_autoptr(GArray) themes = kl_store_aggregate_themes (f->store, &all, NULL);
  g_autoptr(GArray) of_paedagog = kl_store_aggregate_themes (f->store, &paedagog, NULL);
  guint vulnerable = 0;

  /* Fewer than two at level 3 or above: the team is vulnerable. */
  for (guint i = 0; i < themes->len; i++)
    if (g_array_index (themes, KlThemeStatus, i).n_covered < KL_COVERAGE_MIN)
      vulnerable++;
  g_assert_cmpuint (vulnerable, ==, 9);
  g_assert_cmpuint (find_theme (themes, f->health)->n_covered, >=, KL_COVERAGE_MIN);
  g_assert_cmpuint (find_theme (themes, f->peers)->n_covered, >=, KL_COVERAGE_MIN);
  g_assert_cmpuint (find_theme (themes, f->misuse)->n_covered, <, KL_COVERAGE_MIN);

  /* Among the pædagoger only Bo is at level 3 in Health. */
  g_assert_cmpuint (find_theme (of_paedagog, f->health)->n_covered, ==, 1);
  g_assert_cmpuint (find_theme (of_paedagog, f->peers)->n_covered, ==, 2);
}

static void
test_upcoming_courses (Fixture       *f,
                       gconstpointer  data)
{
  KlAggregateQuery all = { .today = TODAY };
  KlAggregateQuery nord = { .unit_id = f->nord, .today = TODAY };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) courses = kl_store_aggregate_upcoming_courses (f->store, &all, 60, &error);
  g_autoptr(GArray) for_nord = NULL;
  KlUpcomingCourse *c;

  g_assert_no_error (error);
  /* Not the full one, the cancelled one, yesterday's or day 61's. */
  g_assert_cmpuint (courses->len, ==, 2);
  c = &g_array_index (courses, KlUpcomingCourse, 0);
  g_assert_cmpint (c->course_id, ==, f->upcoming);
  g_assert_cmpstr (c->title, ==, "Motiverende samtale");
  g_assert_cmpstr (c->starts_on, ==, "2026-07-01");
  g_assert_cmpint (c->capacity, ==, 3);
  g_assert_cmpuint (c->seats_taken, ==, 1);
  g_assert_cmpint (c->free_seats, ==, 2);
  g_assert_cmpuint (c->n_signed_up, ==, 2);
  c = &g_array_index (courses, KlUpcomingCourse, 1);
  g_assert_cmpint (c->course_id, ==, f->unlimited);
  g_assert_cmpint (c->capacity, ==, -1);
  g_assert_cmpint (c->free_seats, ==, -1);

  for_nord = kl_store_aggregate_upcoming_courses (f->store, &nord, 60, &error);
  g_assert_cmpuint (for_nord->len, ==, 2);
  g_assert_cmpuint (g_array_index (for_nord, KlUpcomingCourse, 0).n_signed_up, ==, 1);
}

static const KlTrainingSum *
find_sum (GArray *sums,
          gint64  theme_id)
{
  for (guint i = 0; i < sums->len; i++)
    if (g_array_index (sums, KlTrainingSum, i).theme_id == theme_id)
      return &g_array_index (sums, KlTrainingSum, i);
  return NULL;
}

static void
test_training (Fixture       *f,
               gconstpointer  data)
{
  KlAggregateQuery all = { .today = TODAY };
  KlAggregateQuery nord = { .unit_id = f->nord, .today = TODAY };
  KlAggregateQuery last_year = { .today = TODAY, .year = 2025 };
  KlAggregateQuery sygeplejerske = { .today = TODAY, .job_title = "Sygeplejerske" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) sums = NULL;
  g_autoptr(GArray) nord_sums = NULL;
  g_autoptr(GArray) sums_2025 = NULL;
  g_autoptr(GArray) nurse_sums = NULL;
  KlTrainingSum total;
  const KlTrainingSum *s;

  /* 2026: the recovery course (14 h, 3000 kr.) by Anna, Cecilie, Dorte
   * and Erik, who has left since; first aid (3 h, 500 kr.) by Anna. */
  sums = kl_store_aggregate_training (f->store, &all, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sums->len, ==, 3);
  /* Most hours first; Misuse and Health tie, in theme order; the course
   * without a theme last. */
  g_assert_cmpint (g_array_index (sums, KlTrainingSum, 0).theme_id, ==, f->misuse);
  g_assert_cmpint (g_array_index (sums, KlTrainingSum, 1).theme_id, ==, f->health);
  g_assert_cmpint (g_array_index (sums, KlTrainingSum, 2).theme_id, ==, 0);
  g_assert_cmpstr (g_array_index (sums, KlTrainingSum, 2).name, ==, "Without a theme");
  s = find_sum (sums, f->health);
  g_assert_cmpstr (s->name, ==, "Health");
  g_assert_cmpuint (s->n_completed, ==, 4);
  g_assert_cmpuint (s->n_people, ==, 4);
  g_assert_cmpfloat (s->hours, ==, 56);
  g_assert_cmpfloat (s->cost_dkk, ==, 12000);
  s = find_sum (sums, 0);
  g_assert_cmpfloat (s->hours, ==, 3);
  g_assert_cmpfloat (s->cost_dkk, ==, 500);
  g_assert_null (find_sum (sums, f->peers));
  /* The total counts a course with two themes once. */
  g_assert_cmpuint (total.n_completed, ==, 5);
  g_assert_cmpuint (total.n_people, ==, 4);
  g_assert_cmpfloat (total.hours, ==, 59);
  g_assert_cmpfloat (total.cost_dkk, ==, 12500);

  nord_sums = kl_store_aggregate_training (f->store, &nord, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (find_sum (nord_sums, f->health)->hours, ==, 42);
  g_assert_cmpfloat (total.hours, ==, 45);
  g_assert_cmpfloat (total.cost_dkk, ==, 9500);
  g_assert_cmpuint (total.n_people, ==, 3);

  sums_2025 = kl_store_aggregate_training (f->store, &last_year, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sums_2025->len, ==, 1);
  g_assert_cmpint (g_array_index (sums_2025, KlTrainingSum, 0).theme_id, ==, f->peers);
  g_assert_cmpfloat (total.hours, ==, 7);
  g_assert_cmpfloat (total.cost_dkk, ==, 1500);

  nurse_sums = kl_store_aggregate_training (f->store, &sygeplejerske, &total, &error);
  g_assert_cmpfloat (total.hours, ==, 14);
  g_assert_cmpuint (total.n_people, ==, 1);
}

/* Completed training counts on its completion date, or on the course's
 * last day when none was recorded (as an imported file may have it). */
static void
set_completed_on (Fixture    *f,
                  gint64      staff,
                  const char *course_title,
                  const char *completed_on)
{
  g_autoptr(GPtrArray) courses = kl_store_list_courses (f->store, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KlRecord) enrolment = NULL;
  gint64 course = 0;

  for (guint i = 0; i < courses->len; i++)
    if (g_str_equal (kl_course_get_title (g_ptr_array_index (courses, i)), course_title))
      course = kl_record_get_id (g_ptr_array_index (courses, i));
  enrolment = kl_store_get_record (f->store, KL_TYPE_ENROLMENT, kl_store_find_enrolment (f->store, staff, course),
                                   NULL);
  g_assert_nonnull (enrolment);
  kl_enrolment_set_completed_on (KL_ENROLMENT (enrolment), completed_on);
  g_assert_true (kl_store_save_enrolment (f->store, KL_ENROLMENT (enrolment), &error));
  g_assert_no_error (error);
}

static void
test_training_completion_date (Fixture       *f,
                               gconstpointer  data)
{
  KlAggregateQuery all = { .today = TODAY };
  double completed[12];
  g_autoptr(GError) error = NULL;
  KlTrainingSum total;

  /* Anna's first aid, 5 May 2026: no date recorded counts in May. */
  set_completed_on (f, f->anna, "Førstehjælp", NULL);
  g_assert_true (kl_store_aggregate_training_months (f->store, &all, completed, NULL, &error));
  g_assert_cmpfloat (completed[4], ==, 3);
  g_clear_pointer (&error, g_error_free);
  g_array_unref (kl_store_aggregate_training (f->store, &all, &total, &error));
  g_assert_cmpfloat (total.hours, ==, 59);

  /* Recorded in June, it counts in June, once. */
  set_completed_on (f, f->anna, "Førstehjælp", "2026-06-01");
  g_assert_true (kl_store_aggregate_training_months (f->store, &all, completed, NULL, &error));
  g_assert_cmpfloat (completed[4], ==, 0);
  g_assert_cmpfloat (completed[5], ==, 3);
  g_array_unref (kl_store_aggregate_training (f->store, &all, &total, &error));
  g_assert_cmpfloat (total.hours, ==, 59);

  /* Recorded in the next year, it leaves this year's figures. */
  set_completed_on (f, f->anna, "Førstehjælp", "2027-01-04");
  g_array_unref (kl_store_aggregate_training (f->store, &all, &total, &error));
  g_assert_cmpfloat (total.hours, ==, 56);
}

static void
test_training_months (Fixture       *f,
                      gconstpointer  data)
{
  KlAggregateQuery all = { .today = TODAY };
  KlAggregateQuery nord = { .unit_id = f->nord, .today = TODAY };
  double completed[12], planned[12];
  g_autoptr(GError) error = NULL;

  g_assert_true (kl_store_aggregate_training_months (f->store, &all, completed, planned, &error));
  g_assert_no_error (error);
  for (guint m = 0; m < 12; m++)
    {
      double want_completed = m == 1 ? 56 : m == 4 ? 3 : 0;
      /* June: the full course, Anna and Bo (4 h each); July: Cecilie
       * enrolled and Dorte planned (6 h each). */
      double want_planned = m == 5 ? 8 : m == 6 ? 12 : 0;

      g_assert_cmpfloat (completed[m], ==, want_completed);
      g_assert_cmpfloat (planned[m], ==, want_planned);
    }

  g_assert_true (kl_store_aggregate_training_months (f->store, &nord, completed, NULL, &error));
  g_assert_cmpfloat (completed[1], ==, 42);
  g_assert_cmpfloat (completed[4], ==, 3);
}

static void
test_overdue (Fixture       *f,
              gconstpointer  data)
{
  KlAggregateQuery all = { .today = TODAY };
  KlAggregateQuery nord = { .unit_id = f->nord, .today = TODAY };
  KlAggregateQuery syd = { .unit_id = f->syd, .today = TODAY };
  KlAggregateQuery tomorrow = { .today = "2026-06-16" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) items = NULL;
  guint goals = 99, actions = 99;
  KlOverdueItem *item;

  /* Anna's and Dorte's; not the one due today, the achieved one, the
   * one without a date, nor Erik's, who has left. */
  g_assert_true (kl_store_aggregate_overdue_counts (f->store, &all, &goals, &actions, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (goals, ==, 2);
  g_assert_cmpuint (actions, ==, 2);

  g_assert_true (kl_store_aggregate_overdue_counts (f->store, &nord, &goals, &actions, &error));
  g_assert_cmpuint (goals, ==, 1);
  g_assert_cmpuint (actions, ==, 2);
  g_assert_true (kl_store_aggregate_overdue_counts (f->store, &syd, &goals, &actions, &error));
  g_assert_cmpuint (goals, ==, 1);
  g_assert_cmpuint (actions, ==, 0);
  g_assert_true (kl_store_aggregate_overdue_counts (f->store, &tomorrow, &goals, &actions, &error));
  g_assert_cmpuint (goals, ==, 3);

  items = kl_store_aggregate_overdue (f->store, &all, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 4);
  item = &g_array_index (items, KlOverdueItem, 0);
  g_assert_cmpint (item->kind, ==, KL_OVERDUE_ACTION);
  g_assert_cmpstr (item->title, ==, "Leder på gulvet");
  g_assert_cmpstr (item->unit_name, ==, "Team Å");
  g_assert_null (item->staff_name);
  g_assert_cmpuint (item->days_overdue, ==, 75);
  item = &g_array_index (items, KlOverdueItem, 1);
  g_assert_cmpint (item->kind, ==, KL_OVERDUE_GOAL);
  g_assert_cmpstr (item->title, ==, "Dorte, forfalden");
  g_assert_cmpint (item->staff_id, ==, f->dorte);
  g_assert_cmpstr (item->staff_name, ==, "Dorte");
  g_assert_cmpuint (item->days_overdue, ==, 45);
  item = &g_array_index (items, KlOverdueItem, 2);
  g_assert_cmpstr (item->title, ==, "Anna, forfalden");
  g_assert_cmpstr (item->due_on, ==, "2026-06-01");
  item = &g_array_index (items, KlOverdueItem, 3);
  g_assert_cmpstr (item->title, ==, "Refleksionsmøder");
  g_assert_cmpint (item->staff_id, ==, f->anna);
  g_assert_cmpstr (item->staff_name, ==, "Anna");
  g_assert_cmpuint (item->days_overdue, ==, 5);

  g_clear_pointer (&items, g_array_unref);
  /* The limit is per kind, so a long list of goals cannot hide the
   * actions. */
  items = kl_store_aggregate_overdue (f->store, &all, 1, &error);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpstr (g_array_index (items, KlOverdueItem, 0).title, ==, "Leder på gulvet");
  g_assert_cmpstr (g_array_index (items, KlOverdueItem, 1).title, ==, "Dorte, forfalden");
}

static void
test_principles (Fixture       *f,
                 gconstpointer  data)
{
  KlAggregateQuery all = { .today = TODAY };
  KlAggregateQuery nord = { .unit_id = f->nord, .today = TODAY };
  KlAggregateQuery end_2025 = { .today = "2025-12-31" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) principles = kl_store_aggregate_principles (f->store, &all, &error);
  g_autoptr(GArray) in_nord = NULL;
  g_autoptr(GArray) then = NULL;
  KlPrincipleStatus *p;

  g_assert_no_error (error);
  g_assert_cmpuint (principles->len, ==, 7);
  p = &g_array_index (principles, KlPrincipleStatus, 0);
  g_assert_cmpstr (p->slug, ==, "samarbejde-med-borgeren");
  g_assert_cmpstr (p->name, ==, "Working with the citizen");
  g_assert_cmpuint (p->n_units, ==, 3);
  g_assert_cmpuint (p->n_assessed, ==, 3);
  g_assert_cmpfloat_with_epsilon (p->average_maturity, 8.0 / 3, 1e-9);
  g_assert_cmpint (p->min_maturity, ==, 1);
  g_assert_cmpint (p->max_maturity, ==, 4);
  g_assert_cmpstr (p->assessed_on, ==, "2026-05-01");
  /* The assessment of July is not yet. */
  p = &g_array_index (principles, KlPrincipleStatus, 1);
  g_assert_cmpstr (p->slug, ==, "tydelig-faglig-retning");
  g_assert_cmpuint (p->n_assessed, ==, 0);
  g_assert_null (p->assessed_on);
  p = &g_array_index (principles, KlPrincipleStatus, 3);
  g_assert_cmpstr (p->slug, ==, "faglig-refleksion");
  g_assert_cmpuint (p->n_open_actions, ==, 2);
  g_assert_cmpuint (p->n_overdue_actions, ==, 1);

  in_nord = kl_store_aggregate_principles (f->store, &nord, &error);
  p = &g_array_index (in_nord, KlPrincipleStatus, 0);
  g_assert_cmpuint (p->n_units, ==, 2);
  g_assert_cmpuint (p->n_assessed, ==, 2);
  g_assert_cmpfloat_with_epsilon (p->average_maturity, 3.5, 1e-9);
  p = &g_array_index (in_nord, KlPrincipleStatus, 2);
  g_assert_cmpstr (p->slug, ==, "naervaerende-ledelse");
  g_assert_cmpuint (p->n_overdue_actions, ==, 1);

  then = kl_store_aggregate_principles (f->store, &end_2025, &error);
  p = &g_array_index (then, KlPrincipleStatus, 0);
  g_assert_cmpuint (p->n_assessed, ==, 1);
  g_assert_cmpfloat (p->average_maturity, ==, 2);
}

static void
test_job_titles_and_years (Fixture       *f,
                           gconstpointer  data)
{
  KlAggregateQuery everyone = { .today = TODAY, .job_title = "Pædagog" };
  KlAggregateQuery in_syd = { .unit_id = f->syd, .today = TODAY };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) all = kl_store_aggregate_job_titles (f->store, &everyone, &error);
  g_auto(GStrv) syd = kl_store_aggregate_job_titles (f->store, &in_syd, &error);
  const char *want_all[] = { "Pædagog", "Sygeplejerske", NULL };
  const char *want_syd[] = { "Pædagog", NULL };
  int first, last;

  g_assert_no_error (error);
  /* Titles of employed staff only, whatever title is chosen. */
  g_assert_cmpstrv (all, want_all);
  g_assert_cmpstrv (syd, want_syd);

  g_assert_true (kl_store_aggregate_year_range (f->store, &first, &last, &error));
  g_assert_cmpint (first, ==, 2025);
  g_assert_cmpint (last, >=, 2026);
}

static void
test_staff_matrix (Fixture       *f,
                   gconstpointer  data)
{
  KlAggregateQuery all = { .today = TODAY };
  KlAggregateQuery nurses = { .today = TODAY, .job_title = "Sygeplejerske" };
  g_autoptr(GError) error = NULL;
  g_autoptr(KlMatrix) matrix = kl_store_load_matrix (f->store, KL_MATRIX_STAFF, &all, &error);
  g_autoptr(KlMatrix) filtered = NULL;
  int health, misuse, peers;
  KlMatrixCell *cell;

  g_assert_no_error (error);
  g_assert_cmpuint (matrix->n_rows, ==, 4);
  g_assert_cmpuint (matrix->n_themes, ==, 11);
  g_assert_cmpstr (matrix->rows[0].name, ==, "Anna");
  g_assert_cmpstr (matrix->rows[0].job_title, ==, "Pædagog");
  g_assert_cmpstr (matrix->rows[0].unit_name, ==, "Nord");
  g_assert_cmpstr (matrix->rows[3].name, ==, "Dorte");
  g_assert_cmpint (matrix->rows[3].id, ==, f->dorte);

  health = kl_matrix_find_theme (matrix, f->health);
  misuse = kl_matrix_find_theme (matrix, f->misuse);
  peers = kl_matrix_find_theme (matrix, f->peers);
  g_assert_cmpint (health, >=, 0);
  g_assert_cmpint (kl_matrix_find_theme (matrix, 123456), ==, -1);

  cell = kl_matrix_get_cell (matrix, 0, health);
  g_assert_cmpint (cell->level, ==, 2);
  g_assert_cmpint (cell->target, ==, 3);
  g_assert_cmpuint (cell->n_below_target, ==, 1);
  cell = kl_matrix_get_cell (matrix, 2, health);
  g_assert_cmpint (cell->level, ==, 4);
  g_assert_cmpint (cell->target, ==, -1);
  g_assert_cmpuint (cell->n_below_target, ==, 0);
  cell = kl_matrix_get_cell (matrix, 3, misuse);
  g_assert_cmpint (cell->level, ==, 2);
  cell = kl_matrix_get_cell (matrix, 3, peers);
  g_assert_cmpint (cell->level, ==, -1);
  g_assert_cmpint (cell->target, ==, -1);

  /* The columns carry the coverage row. */
  g_assert_cmpuint (matrix->themes[health].n_covered, ==, 2);
  g_assert_cmpuint (matrix->themes[misuse].n_covered, ==, 0);

  filtered = kl_store_load_matrix (f->store, KL_MATRIX_STAFF, &nurses, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (filtered->n_rows, ==, 1);
  g_assert_cmpstr (filtered->rows[0].name, ==, "Cecilie");
  g_assert_cmpuint (filtered->themes[health].n_covered, ==, 1);
}

static void
test_unit_matrix (Fixture       *f,
                  gconstpointer  data)
{
  KlAggregateQuery all = { .today = TODAY };
  KlAggregateQuery nord = { .unit_id = f->nord, .today = TODAY };
  g_autoptr(GError) error = NULL;
  g_autoptr(KlMatrix) matrix = kl_store_load_matrix (f->store, KL_MATRIX_UNITS, &all, &error);
  g_autoptr(KlMatrix) of_nord = NULL;
  int health, peers;
  KlMatrixCell *cell;

  g_assert_no_error (error);
  /* Parents before their sub-units. */
  g_assert_cmpuint (matrix->n_rows, ==, 3);
  g_assert_cmpstr (matrix->rows[0].name, ==, "Nord");
  g_assert_cmpuint (matrix->rows[0].depth, ==, 0);
  g_assert_cmpuint (matrix->rows[0].n_staff, ==, 3);
  g_assert_cmpstr (matrix->rows[1].name, ==, "Team Å");
  g_assert_cmpuint (matrix->rows[1].depth, ==, 1);
  g_assert_cmpuint (matrix->rows[1].n_staff, ==, 1);
  g_assert_cmpstr (matrix->rows[2].name, ==, "Syd");
  g_assert_cmpuint (matrix->rows[2].depth, ==, 0);

  health = kl_matrix_find_theme (matrix, f->health);
  peers = kl_matrix_find_theme (matrix, f->peers);
  /* Nord with Team Å: Anna 2, Bo 3, Cecilie 4. */
  cell = kl_matrix_get_cell (matrix, 0, health);
  g_assert_cmpuint (cell->n_assessed, ==, 3);
  g_assert_cmpuint (cell->n_covered, ==, 2);
  g_assert_cmpuint (cell->n_below_target, ==, 1);
  g_assert_cmpfloat_with_epsilon (cell->average, 3.0, 1e-6);
  g_assert_cmpint (cell->level, ==, 3);
  cell = kl_matrix_get_cell (matrix, 1, health);
  g_assert_cmpfloat_with_epsilon (cell->average, 4.0, 1e-6);
  cell = kl_matrix_get_cell (matrix, 2, health);
  g_assert_cmpuint (cell->n_assessed, ==, 1);
  g_assert_cmpint (cell->level, ==, 1);
  /* Nobody in Syd is assessed in Peer support. */
  cell = kl_matrix_get_cell (matrix, 2, peers);
  g_assert_cmpuint (cell->n_assessed, ==, 0);
  g_assert_cmpint (cell->level, ==, -1);

  /* A unit's view starts at that unit. */
  of_nord = kl_store_load_matrix (f->store, KL_MATRIX_UNITS, &nord, &error);
  g_assert_cmpuint (of_nord->n_rows, ==, 2);
  g_assert_cmpuint (of_nord->rows[0].depth, ==, 0);
  g_assert_cmpstr (of_nord->rows[1].name, ==, "Team Å");
}

/* kl_store_load_overview_async() to its end */
static KlOverview *
load_overview_async (KlStore                *store,
                     const KlAggregateQuery *query)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  KlOverview *overview;

  kl_store_load_overview_async (store, query, NULL, kl_test_keep_result, &result);
  overview = kl_store_load_overview_finish (store, kl_test_wait_result (&result), &error);
  g_assert_no_error (error);
  return overview;
}

static void
test_load_overview (Fixture       *f,
                    gconstpointer  data)
{
  KlAggregateQuery all = { .today = TODAY };
  KlAggregateQuery nurses = { .today = TODAY, .job_title = "Sygeplejerske" };
  g_autoptr(GError) error = NULL;
  g_autoptr(KlOverview) overview = kl_store_load_overview (f->store, &all, &error);
  g_autoptr(KlOverview) loaded = NULL;
  g_autoptr(KlMatrix) matrix = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) result2 = NULL;

  /* Everything the Overview shows, in one go */
  g_assert_no_error (error);
  g_assert_cmpstr (overview->today, ==, TODAY);
  g_assert_cmpint (overview->year, ==, 2026);
  g_assert_cmpint (overview->n_staff, ==, 4);
  g_assert_cmpuint (overview->themes->len, ==, 11);
  g_assert_cmpuint (overview->gaps->len, ==, KL_OVERVIEW_GAPS);
  g_assert_cmpuint (overview->upcoming->len, ==, 2);
  g_assert_cmpfloat (overview->training_total.hours, ==, 59);
  g_assert_cmpfloat (overview->hours_completed[1], ==, 56);
  g_assert_cmpfloat (overview->hours_planned[6], ==, 12);
  g_assert_cmpuint (overview->n_overdue_goals, ==, 2);
  g_assert_cmpuint (overview->n_overdue_actions, ==, 2);
  g_assert_cmpuint (overview->overdue->len, ==, 4);
  g_assert_cmpuint (overview->principles->len, ==, 7);

  /* The same in worker threads, both at once: one on the store's
   * reading connection, the other on a connection of its own */
  kl_store_load_overview_async (f->store, &all, NULL, kl_test_keep_result, &result);
  kl_store_load_matrix_async (f->store, KL_MATRIX_STAFF, &nurses, NULL, kl_test_keep_result, &result2);
  loaded = kl_store_load_overview_finish (f->store, kl_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->n_staff, ==, 4);
  g_assert_cmpfloat (loaded->training_total.cost_dkk, ==, 12500);

  matrix = kl_store_load_matrix_finish (f->store, kl_test_wait_result (&result2), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matrix->n_rows, ==, 1);
  g_assert_cmpstr (matrix->rows[0].name, ==, "Cecilie");

  /* The reading connection is kept between loads; it still sees what was
   * written since, and each load's own units. */
  kl_test_add_staff_full (f->store, f->nord, "Gustav", "Pædagog", NULL, "2026-01-01", -1);
  g_clear_pointer (&loaded, kl_overview_free);
  loaded = load_overview_async (f->store, &all);
  g_assert_cmpint (loaded->n_staff, ==, 5);
  g_assert_cmpint (loaded->n_staff_all, ==, 7);

  g_clear_pointer (&loaded, kl_overview_free);
  loaded = load_overview_async (f->store, &nurses);
  g_assert_cmpint (loaded->n_staff, ==, 1);

  /* The worker threads let go of the store just after they answer. */
  g_clear_object (&result);
  g_clear_object (&result2);
  while (g_atomic_int_get (&G_OBJECT (f->store)->ref_count) > 1)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
test_empty_database (void)
{
  g_autofree char *path = kl_test_tmp_path ("empty.db");
  g_autoptr(KlStore) store = kl_store_open (path, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) themes = NULL;
  g_autoptr(GArray) gaps = NULL;
  g_autoptr(GArray) sums = NULL;
  g_autoptr(KlMatrix) matrix = NULL;
  KlTrainingSum total;

  g_assert_cmpint (kl_store_aggregate_staff_count (store, NULL, &error), ==, 0);
  themes = kl_store_aggregate_themes (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (themes->len, ==, 11);
  gaps = kl_store_aggregate_gaps (store, NULL, 3, &error);
  g_assert_cmpuint (gaps->len, ==, 0);
  sums = kl_store_aggregate_training (store, NULL, &total, &error);
  g_assert_cmpuint (sums->len, ==, 0);
  g_assert_cmpfloat (total.hours, ==, 0);
  matrix = kl_store_load_matrix (store, KL_MATRIX_STAFF, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matrix->n_rows, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  kl_test_init (&argc, &argv);

#define ADD(name, func) \
  g_test_add ("/aggregates/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("staff-count", test_staff_count);
  ADD ("share-at-target", test_share_at_target);
  ADD ("as-of-a-day", test_as_of_a_day);
  ADD ("gaps", test_gaps);
  ADD ("coverage-warnings", test_coverage_warnings);
  ADD ("upcoming-courses", test_upcoming_courses);
  ADD ("training", test_training);
  ADD ("training-months", test_training_months);
  ADD ("training-completion-date", test_training_completion_date);
  ADD ("overdue", test_overdue);
  ADD ("principles", test_principles);
  ADD ("job-titles-and-years", test_job_titles_and_years);
  ADD ("staff-matrix", test_staff_matrix);
  ADD ("unit-matrix", test_unit_matrix);
  ADD ("load-overview", test_load_overview);
  g_test_add_func ("/aggregates/empty-database", test_empty_database);

  return g_test_run ();
}
