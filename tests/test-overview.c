/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "kl-matrix-page.h"
#include "kl-matrix-view.h"
#include "kl-overview-page.h"
#include "kl-staff-page.h"
#include "kl-test-utils.h"
#include "kl-window.h"

/* The Overview and the Competence matrix as a leader sees them, on a
 * small organisation whose figures were worked out by hand:
 *
 *   Nord ─ Team Å        Syd
 *
 *   Anna     Nord    Pædagog         Health 2→3  Misuse 0→2  Peers 3→3
 *   Bo       Nord    Pædagog         Health 3→3  Misuse 1→2  Peers 4→3
 *   Cecilie  Team Å  Sygeplejerske   Health 4    Misuse 2→2  Peers 3→4
 *   Dorte    Syd     Pædagog         Health 1→3  Misuse 2→3
 *
 * (level→target, assessed in 2024.) The Overview is looked at on 15 June
 * 2026: targets met 4 of 10 (40%); largest gaps Misuse (4 levels, 3
 * people), Health (3, 2), Peer support (1, 1); 9 themes with fewer than
 * two at level 3; training completed in 2026 45 hours for 9500 kr.;
 * two goals and two actions overdue. */

#define TODAY "2026-06-15"

typedef struct
{
  KlApplication  *app;
  KlStore        *store;
  KlWindow       *window;
  KlOverviewPage *overview;
  KlMatrixPage   *matrix;
  gint64          nord, team, syd;
  gint64          anna, bo, cecilie, dorte;
  gint64          health, misuse, peers;
} Fixture;

static void
fill (Fixture *f)
{
  KlStore *store = f->store;
  const char *health_misuse[] = { "sundhed", "misbrug", NULL };
  const char *misuse[] = { "misbrug", NULL };
  const char *peers[] = { "peers", NULL };
  const char *none[] = { NULL };
  gint64 recovery, first_aid, full, upcoming;

  f->health = kl_store_lookup_id (store, KL_TYPE_THEME, "sundhed");
  f->misuse = kl_store_lookup_id (store, KL_TYPE_THEME, "misbrug");
  f->peers = kl_store_lookup_id (store, KL_TYPE_THEME, "peers");

  f->nord = kl_test_add_unit (store, "Nord", 0);
  f->team = kl_test_add_unit (store, "Team Å", f->nord);
  f->syd = kl_test_add_unit (store, "Syd", 0);
  f->anna = kl_test_add_staff (store, f->nord, "Anna", "Pædagog");
  f->bo = kl_test_add_staff (store, f->nord, "Bo", "Pædagog");
  f->cecilie = kl_test_add_staff (store, f->team, "Cecilie", "Sygeplejerske");
  f->dorte = kl_test_add_staff (store, f->syd, "Dorte", "Pædagog");

  kl_test_assess (store, f->anna, f->health, "2023-01-10", 1, 3);
  kl_test_assess (store, f->anna, f->health, "2024-02-01", 2, 3);
  kl_test_assess (store, f->bo, f->health, "2024-03-01", 3, 3);
  kl_test_assess (store, f->cecilie, f->health, "2024-03-01", 4, -1);
  kl_test_assess (store, f->dorte, f->health, "2024-03-01", 1, 3);
  kl_test_assess (store, f->anna, f->misuse, "2024-02-01", 0, 2);
  kl_test_assess (store, f->bo, f->misuse, "2024-02-01", 1, 2);
  kl_test_assess (store, f->cecilie, f->misuse, "2024-02-01", 2, 2);
  kl_test_assess (store, f->dorte, f->misuse, "2024-04-01", 3, 3);
  kl_test_assess (store, f->dorte, f->misuse, "2024-04-01", 2, 3);
  kl_test_assess (store, f->anna, f->peers, "2024-02-01", 3, 3);
  kl_test_assess (store, f->bo, f->peers, "2024-02-01", 4, 3);
  kl_test_assess (store, f->cecilie, f->peers, "2024-02-01", 3, 4);

  recovery = kl_test_add_course (store, "Recovery og sundhed", NULL, health_misuse, "2026-02-02",
                                 "2026-02-02", 14, 3000, 10);
  first_aid = kl_test_add_course (store, "Førstehjælp", NULL, none, "2026-05-05", "2026-05-05", 3, 500, -1);
  kl_test_add_enrolment (store, f->anna, recovery, KL_ENROLMENT_STATUS_COMPLETED, "2026-02-02");
  kl_test_add_enrolment (store, f->cecilie, recovery, KL_ENROLMENT_STATUS_COMPLETED, "2026-02-02");
  kl_test_add_enrolment (store, f->dorte, recovery, KL_ENROLMENT_STATUS_COMPLETED, "2026-02-02");
  kl_test_add_enrolment (store, f->anna, first_aid, KL_ENROLMENT_STATUS_COMPLETED, "2026-05-05");

  full = kl_test_add_course (store, "Fuldt hold", NULL, misuse, "2026-06-20", "2026-06-20", 4, 800, 2);
  kl_test_add_enrolment (store, f->anna, full, KL_ENROLMENT_STATUS_ENROLLED, NULL);
  kl_test_add_enrolment (store, f->bo, full, KL_ENROLMENT_STATUS_ENROLLED, NULL);
  upcoming = kl_test_add_course (store, "Motiverende samtale", NULL, misuse, "2026-07-01", "2026-07-01", 6,
                                 1200, 3);
  kl_test_add_enrolment (store, f->cecilie, upcoming, KL_ENROLMENT_STATUS_ENROLLED, NULL);
  kl_test_add_enrolment (store, f->dorte, upcoming, KL_ENROLMENT_STATUS_PLANNED, NULL);
  kl_test_add_course (store, "Netværksmøder", NULL, peers, "2026-08-14", "2026-08-14", 5, 0, -1);
  kl_test_add_course (store, "For sent", NULL, peers, "2026-08-15", "2026-08-15", 5, 0, -1);

  kl_test_add_goal (store, f->anna, "Anna, forfalden", "2025-09-01", "2026-06-01", KL_GOAL_STATUS_OPEN);
  kl_test_add_goal (store, f->anna, "Anna, forfalder i dag", "2025-09-01", "2026-06-15", KL_GOAL_STATUS_OPEN);
  kl_test_add_goal (store, f->dorte, "Dorte, forfalden", "2025-09-01", "2026-05-01", KL_GOAL_STATUS_OPEN);
  kl_test_add_action (store, "Refleksionsmøder", "faglig-refleksion", NULL, f->nord, 0, "2026-06-10",
                      KL_ACTION_STATUS_OPEN);
  kl_test_add_action (store, "Leder på gulvet", "faglig-refleksion", NULL, f->team, 0, "2026-04-01",
                      KL_ACTION_STATUS_IN_PROGRESS);
  kl_test_add_action (store, "Færdig", "faglig-refleksion", NULL, f->syd, 0, "2026-01-01",
                      KL_ACTION_STATUS_DONE);

  kl_test_add_maturity (store, "samarbejde-med-borgeren", f->nord, "2025-05-01", 2);
  kl_test_add_maturity (store, "samarbejde-med-borgeren", f->nord, "2026-05-01", 4);
  kl_test_add_maturity (store, "samarbejde-med-borgeren", f->team, "2026-02-01", 3);
  kl_test_add_maturity (store, "samarbejde-med-borgeren", f->syd, "2026-03-01", 1);
}

static void
wait_for (GObject    *page,
          gboolean  (*loading) (gpointer page))
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  /* Let the idle reload start, then wait for the worker thread. */
  kl_test_wait (20);
  while (loading (page))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  kl_test_wait (20);
}

static void
wait_overview (Fixture *f)
{
  wait_for (G_OBJECT (f->overview), (gboolean (*) (gpointer))kl_overview_page_get_loading);
}

static void
wait_matrix (Fixture *f)
{
  wait_for (G_OBJECT (f->matrix), (gboolean (*) (gpointer))kl_matrix_page_get_loading);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = kl_test_tmp_path ("overview.db");

  f->app = kl_test_application_new (path);
  f->store = kl_application_get_store (f->app);
  if (data != NULL)
    fill (f);

  f->window = kl_test_window_new (f->app, 1200, 900);
  f->overview = KL_OVERVIEW_PAGE (kl_test_find_descendant (GTK_WIDGET (f->window), "overview_page"));
  /* The window builds a section when it is first shown. */
  g_assert_null (kl_test_find_descendant (GTK_WIDGET (f->window), "matrix_page"));
  kl_window_show_section (f->window, "matrix");
  f->matrix = KL_MATRIX_PAGE (kl_test_find_descendant (GTK_WIDGET (f->window), "matrix_page"));
  kl_window_show_section (f->window, "overview");
  g_assert_nonnull (f->overview);
  g_assert_nonnull (f->matrix);

  /* What the window does when it builds its pages. */
  kl_overview_page_set_store (f->overview, f->store);
  kl_matrix_page_set_store (f->matrix, f->store);
  kl_overview_page_set_today (f->overview, TODAY);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  kl_test_window_destroy (f->window);
  g_clear_object (&f->app);
}

static void
show_section (Fixture    *f,
              const char *name)
{
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-section", "s", name);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  show_section (f, "overview");
  wait_overview (f);
  kl_assert_text_contains (f->overview, "Where Your Units Stand");
  kl_assert_text_contains (f->overview, "Go to Staff");

  show_section (f, "matrix");
  wait_matrix (f);
  kl_assert_text_contains (f->matrix, "No Competences to Show Yet");
}

static void
test_overview_figures (Fixture       *f,
                       gconstpointer  data)
{
  show_section (f, "overview");
  wait_overview (f);

  /* Key figures */
  kl_assert_text_contains (f->overview, "4\nStaff employed\n");
  kl_assert_text_contains (f->overview, "40%\nAt or above target\n4 of 10 targets met\n");
  kl_assert_text_contains (f->overview, "9\nThemes with fewer than two at level 3 or above\n");
  kl_assert_text_contains (f->overview, "45\nTraining hours in 2026\nDKK 9500\n");
  kl_assert_text_contains (f->overview, "2\nOverdue development goals\n");
  kl_assert_text_contains (f->overview, "2\nOverdue leadership actions\n");
  kl_assert_text_contains (f->overview, "All units · 15 June 2026");

  /* Share at target and coverage per theme */
  kl_assert_text_contains (f->overview, "Health\n33%\n1 of 3 at target · 2 at level 3 or above\n");
  kl_assert_text_contains (f->overview, "Substance misuse\n25%\n1 of 4 at target · 0 at level 3 or above\n");
  kl_assert_text_contains (f->overview, "Peer support\n67%\n2 of 3 at target · 3 at level 3 or above · 1 not assessed\n");
  kl_assert_text_contains (f->overview, "Leisure\n–\nNo targets set · 0 at level 3 or above · 4 not assessed\n");

  /* The three largest gaps, largest first */
  kl_assert_text_contains (f->overview,
                           "1\nSubstance misuse\n3 people below target · 4 levels short in all\n"
                           "2\nHealth\n2 people below target · 3 levels short in all\n"
                           "3\nPeer support\n1 person below target · 1 level short in all\n");

  /* What is overdue, longest first */
  kl_assert_text_contains (f->overview, "2 development goals and 2 leadership actions are past their due date.");
  kl_assert_text_contains (f->overview,
                           "Leder på gulvet\nLeadership action · Team Å · due 1 April 2026\n75 days\n"
                           "Dorte, forfalden\nDevelopment goal · Dorte · due 1 May 2026\n45 days\n"
                           "Anna, forfalden\nDevelopment goal · Anna · due 1 June 2026\n14 days\n"
                           "Refleksionsmøder\nLeadership action · Nord · due 10 June 2026\n5 days\n");
  kl_assert_text_lacks (f->overview, "Anna, forfalder i dag");

  /* The year's training, per theme */
  kl_assert_text_contains (f->overview, "Training in 2026\n"
                                        "Completed: 45 hours costing DKK 9500, by 3 people.");
  kl_assert_text_contains (f->overview, "Health\n3 completed\n42 hours\nDKK 9000\n");
  kl_assert_text_contains (f->overview, "Without a theme\n1 completed\n3 hours\nDKK 500\n");

  /* Courses with free seats in the next 60 days */
  kl_assert_text_contains (f->overview, "Motiverende samtale\nStarts 1 July 2026 · 6 hours · 2 of yours signed up\n"
                                        "2 free seats\n");
  kl_assert_text_contains (f->overview, "Netværksmøder\nStarts 14 August 2026 · 5 hours\nNo seat limit\n");
  kl_assert_text_lacks (f->overview, "Fuldt hold");
  kl_assert_text_lacks (f->overview, "For sent");

  /* The principles' latest maturity */
  kl_assert_text_contains (f->overview, "Working with the citizen\n"
                                        "Partly in place · average of 3 units, from 1 to 4\n2.7\n");
  kl_assert_text_contains (f->overview, "Clear professional direction\nNot assessed yet\n–\n");
}

static void
test_overview_unit_and_year (Fixture       *f,
                             gconstpointer  data)
{
  show_section (f, "overview");
  wait_overview (f);

  /* Nord with Team Å */
  kl_overview_page_set_unit (f->overview, f->nord);
  wait_overview (f);
  kl_assert_text_contains (f->overview, "3\nStaff employed\n");
  kl_assert_text_contains (f->overview, "Nord · 15 June 2026");
  kl_assert_text_contains (f->overview, "Health\n50%\n1 of 2 at target · 2 at level 3 or above\n");
  kl_assert_text_contains (f->overview, "1\nOverdue development goals\n");
  kl_assert_text_contains (f->overview, "Completed: 31 hours costing DKK 6500, by 2 people.");
  kl_assert_text_lacks (f->overview, "Dorte, forfalden");

  /* 2025, as it stood at its end: no training completed that year */
  kl_overview_page_set_unit (f->overview, 0);
  kl_overview_page_set_year (f->overview, 2025);
  wait_overview (f);
  kl_assert_text_contains (f->overview, "All units · 31 December 2025");
  kl_assert_text_contains (f->overview, "No training completed in 2025.");
  kl_assert_text_contains (f->overview, "0\nOverdue development goals\n");
}

static void
test_overview_links (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *themes, *overdue, *row;

  show_section (f, "overview");
  wait_overview (f);

  /* A theme leads to the matrix. */
  themes = kl_test_find_descendant (GTK_WIDGET (f->overview), "themes_list");
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (themes), 0));
  g_signal_emit_by_name (themes, "row-activated", row);
  g_assert_cmpstr (kl_window_get_visible_section (f->window), ==, "matrix");

  /* An overdue goal leads to the person's profile. */
  show_section (f, "overview");
  overdue = kl_test_find_descendant (GTK_WIDGET (f->overview), "overdue_list");
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (overdue), 1));
  g_signal_emit_by_name (overdue, "row-activated", row);
  g_assert_cmpstr (kl_window_get_visible_section (f->window), ==, "staff");
  g_assert_cmpint (kl_staff_page_get_shown (KL_STAFF_PAGE (kl_test_find_descendant (GTK_WIDGET (f->window),
                                                                                    "staff_page"))),
                   ==, f->dorte);

  /* An overdue action leads to the principles. */
  show_section (f, "overview");
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (overdue), 0));
  g_signal_emit_by_name (overdue, "row-activated", row);
  g_assert_cmpstr (kl_window_get_visible_section (f->window), ==, "principles");
}

static void
test_overview_follows_changes (Fixture       *f,
                               gconstpointer  data)
{
  show_section (f, "overview");
  wait_overview (f);
  kl_assert_text_contains (f->overview, "Substance misuse\n25%\n1 of 4 at target · 0 at level 3 or above\n");

  /* Anna reaches her target in Misuse. */
  kl_test_assess (f->store, f->anna, f->misuse, "2024-06-01", 3, 2);
  wait_overview (f);
  kl_assert_text_contains (f->overview, "Substance misuse\n50%\n2 of 4 at target · 1 at level 3 or above\n");
  kl_assert_text_contains (f->overview, "5 of 10 targets met");
}

static void
test_overview_danish_numbers (Fixture       *f,
                              gconstpointer  data)
{
  const char *health[] = { "sundhed", NULL };
  gint64 id;

  kl_test_set_language ("da");

  /* A big course, to see the thousands grouped. */
  id = kl_test_add_course (f->store, "Lang uddannelse", NULL, health, "2026-03-02", "2026-03-02", 1250.5,
                           25000, -1);
  kl_test_add_enrolment (f->store, f->bo, id, KL_ENROLMENT_STATUS_COMPLETED, "2026-03-02");

  show_section (f, "overview");
  kl_overview_page_set_today (f->overview, TODAY);
  wait_overview (f);

  /* Decimal comma and grouped thousands, whatever the translation says
   * around them. */
  kl_assert_text_contains (f->overview, "\n1.295,5\n");      /* hours: 45 + 1250.5 */
  kl_assert_text_contains (f->overview, "34.500");           /* kroner: 9500 + 25000 */
  kl_assert_text_contains (f->overview, "\n2,7\n");          /* average maturity */
  kl_assert_text_contains (f->overview, "15. juni 2026");

  kl_test_set_language ("en");
}

static KlMatrixView *
staff_view (Fixture *f)
{
  return kl_matrix_page_get_staff_view (f->matrix);
}

static char *
row_names (KlMatrixView *view)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < kl_matrix_view_get_n_rows (view); i++)
    g_string_append_printf (names, "%s%s", i ? "," : "", kl_matrix_view_get_row (view, i)->name);
  return g_string_free (names, FALSE);
}

static void
test_matrix_filters (Fixture       *f,
                     gconstpointer  data)
{
  KlMatrixView *view = staff_view (f);
  KlMatrix *matrix;
  g_autofree char *all = NULL;
  g_autofree char *nurses = NULL;
  g_autofree char *syd = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *cell = NULL;
  int health;

  show_section (f, "matrix");
  wait_matrix (f);

  all = row_names (view);
  g_assert_cmpstr (all, ==, "Anna,Bo,Cecilie,Dorte");
  matrix = kl_matrix_view_get_matrix (view);
  health = kl_matrix_find_theme (matrix, f->health);
  g_assert_cmpint (kl_matrix_view_get_cell (view, 0, health)->level, ==, 2);
  g_assert_cmpint (kl_matrix_view_get_cell (view, 0, health)->target, ==, 3);
  g_assert_cmpuint (matrix->themes[health].n_covered, ==, 2);
  cell = kl_matrix_view_describe_cell (view, 0, health);
  g_assert_cmpstr (cell, ==, "Anna, Health: level 2, Practising with support; target 3, below target");
  summary = kl_matrix_view_describe (view);
  g_assert_true (g_str_has_prefix (summary, "4 people. Fewer than two at level 3 or above in: "));
  g_assert_nonnull (strstr (summary, "Substance misuse"));
  g_assert_null (strstr (summary, "Health"));

  /* A job title */
  kl_matrix_page_set_job_title (f->matrix, "Sygeplejerske");
  wait_matrix (f);
  nurses = row_names (view);
  g_assert_cmpstr (nurses, ==, "Cecilie");
  g_assert_cmpuint (kl_matrix_view_get_matrix (view)->themes[health].n_covered, ==, 1);

  /* A unit; all job titles again */
  kl_matrix_page_set_job_title (f->matrix, NULL);
  kl_matrix_page_set_unit (f->matrix, f->syd);
  wait_matrix (f);
  syd = row_names (view);
  g_assert_cmpstr (syd, ==, "Dorte");

  /* Nobody matches */
  kl_matrix_page_set_job_title (f->matrix, "Sygeplejerske");
  wait_matrix (f);
  g_assert_cmpuint (kl_matrix_view_get_n_rows (view), ==, 0);
  kl_assert_text_contains (f->matrix, "No One Matches");
}

static void
test_matrix_sort_and_open (Fixture       *f,
                           gconstpointer  data)
{
  KlMatrixView *view = staff_view (f);
  g_autofree char *by_gap = NULL;
  g_autofree char *by_name = NULL;
  g_autofree char *text = NULL;
  KlStaffPage *staff_page;

  show_section (f, "matrix");
  wait_matrix (f);

  /* Largest gap in Misuse first: Anna 2, Bo 1, Dorte 1, Cecilie 0. */
  kl_matrix_page_show_theme (f->matrix, 0, f->misuse);
  wait_matrix (f);
  by_gap = row_names (view);
  g_assert_cmpstr (by_gap, ==, "Anna,Bo,Dorte,Cecilie");
  kl_matrix_view_set_sort_theme (view, 0);
  by_name = row_names (view);
  g_assert_cmpstr (by_name, ==, "Anna,Bo,Cecilie,Dorte");

  /* The text version, for a spreadsheet or a screen reader */
  text = kl_matrix_view_to_text (view);
  g_assert_true (g_str_has_prefix (text, "Name\tJob title\tUnit\tRehabilitation and recovery\t"));
  g_assert_nonnull (strstr (text, "\nCecilie\tSygeplejerske\tTeam Å\t"));
  g_assert_nonnull (strstr (text, "\nLevel 3 or above\t\t\t"));

  /* A click on a cell opens the person's profile. */
  kl_matrix_view_activate_cell (view, 2, kl_matrix_find_theme (kl_matrix_view_get_matrix (view), f->health));
  g_assert_cmpstr (kl_window_get_visible_section (f->window), ==, "staff");
  staff_page = KL_STAFF_PAGE (kl_test_find_descendant (GTK_WIDGET (f->window), "staff_page"));
  g_assert_cmpint (kl_staff_page_get_shown (staff_page), ==, f->cecilie);
}

static void
test_matrix_units (Fixture       *f,
                   gconstpointer  data)
{
  KlMatrixView *view = kl_matrix_page_get_unit_view (f->matrix);
  g_autofree char *names = NULL;
  g_autofree char *cell = NULL;
  int health;

  show_section (f, "matrix");
  wait_matrix (f);

  names = row_names (view);
  g_assert_cmpstr (names, ==, "Nord,Team Å,Syd");
  health = kl_matrix_find_theme (kl_matrix_view_get_matrix (view), f->health);
  cell = kl_matrix_view_describe_cell (view, 0, health);
  g_assert_cmpstr (cell, ==, "Nord, Health: average level 3.0; 2 of 3 assessed at level 3 or above; 1 below target");

  /* A unit leads to its people. */
  kl_matrix_view_activate_cell (view, 2, health);
  wait_matrix (f);
  g_clear_pointer (&names, g_free);
  names = row_names (staff_view (f));
  g_assert_cmpstr (names, ==, "Dorte");
  g_assert_cmpint (kl_matrix_view_get_sort_theme (staff_view (f)), ==, f->health);
}

static void
test_matrix_follows_changes (Fixture       *f,
                             gconstpointer  data)
{
  KlMatrixView *view = staff_view (f);
  int misuse;

  show_section (f, "matrix");
  wait_matrix (f);
  misuse = kl_matrix_find_theme (kl_matrix_view_get_matrix (view), f->misuse);
  g_assert_cmpuint (kl_matrix_view_get_matrix (view)->themes[misuse].n_covered, ==, 0);

  kl_test_assess (f->store, f->cecilie, f->misuse, "2024-09-01", 3, 2);
  wait_matrix (f);
  g_assert_cmpint (kl_matrix_view_get_cell (view, 2, misuse)->level, ==, 3);
  g_assert_cmpuint (kl_matrix_view_get_matrix (view)->themes[misuse].n_covered, ==, 1);

  kl_test_add_staff (f->store, f->syd, "Åse", "Ergoterapeut");
  wait_matrix (f);
  /* Danish order puts Å last. */
  g_assert_cmpuint (kl_matrix_view_get_n_rows (view), ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  kl_test_init_ui (&argc, &argv);

#define ADD(name, filled, func) \
  g_test_add ("/overview/" name, Fixture, filled ? "filled" : NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("empty", FALSE, test_empty);
  ADD ("figures", TRUE, test_overview_figures);
  ADD ("unit-and-year", TRUE, test_overview_unit_and_year);
  ADD ("links", TRUE, test_overview_links);
  ADD ("follows-changes", TRUE, test_overview_follows_changes);
  ADD ("danish-numbers", TRUE, test_overview_danish_numbers);
  ADD ("matrix/filters", TRUE, test_matrix_filters);
  ADD ("matrix/sort-and-open", TRUE, test_matrix_sort_and_open);
  ADD ("matrix/units", TRUE, test_matrix_units);
  ADD ("matrix/follows-changes", TRUE, test_matrix_follows_changes);

  return g_test_run ();
}
