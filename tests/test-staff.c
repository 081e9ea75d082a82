/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "kl-assessment-dialog.h"
#include "kl-goal-dialog.h"
#include "kl-staff-dialog.h"
#include "kl-staff-page.h"
#include "kl-test-utils.h"
#include "kl-window.h"

/* The Staff section as a leader uses it: add people through the form,
 * find them, assess them, agree goals, delete and undo. */

typedef struct
{
  KlApplication *app;
  KlStore       *store;
  KlWindow      *window;
  KlStaffPage   *page;
  gint64         nord;
  gint64         syd;
  gint64         team;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = kl_test_tmp_path ("staff.db");

  fixture->app = kl_test_application_new (path);
  fixture->store = kl_application_get_store (fixture->app);
  fixture->nord = kl_test_add_unit (fixture->store, "Bostøtte Nord", 0);
  fixture->syd = kl_test_add_unit (fixture->store, "Bostøtte Syd", 0);
  fixture->team = kl_test_add_unit (fixture->store, "Team Å", fixture->nord);

  fixture->window = kl_test_window_new (fixture->app, 1200, 800);
  fixture->page = KL_STAFF_PAGE (kl_test_show_page (fixture->window, "staff", "staff_page"));
  kl_test_wait (100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  kl_test_window_destroy (fixture->window);
  g_clear_object (&fixture->app);
}

static guint
n_shown (Fixture *fixture)
{
  kl_test_wait (20);
  return g_list_model_get_n_items (kl_staff_page_get_model (fixture->page));
}

static KlStaffDialog *
open_add_dialog (Fixture *fixture)
{
  KlStaffDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "staff.add", NULL));
  kl_test_wait (50);
  dialog = KL_STAFF_DIALOG (kl_test_find_window (KL_TYPE_STAFF_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Add Staff Member");
  return dialog;
}

static void
test_empty_state (Fixture       *fixture,
                  gconstpointer  data)
{
  kl_assert_text_contains (fixture->page, "No Staff Yet");
  kl_assert_text_contains (fixture->page, "Add Your First Staff Member");
  kl_assert_text_contains (fixture->page, "Try Demo Data");

  /* The next step works: demo data fills the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "staff.demo", NULL));
  kl_test_wait (100);
  kl_assert_text_lacks (fixture->page, "No Staff Yet");
  g_assert_cmpuint (n_shown (fixture), >=, 40);
}

static void
test_add_through_form (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(KlStaffDialog) dialog = g_object_ref (open_add_dialog (fixture));

  kl_test_set_text (dialog, "name_row", "  Mette Sørensen ");
  kl_test_set_text (dialog, "job_row", "Pædagog");
  kl_test_set_text (dialog, "email_row", "mette@kommune.example.dk");
  kl_test_set_text (dialog, "started_row", "01-08-2019");
  kl_test_set_text (dialog, "hours_row", "32,5");
  g_assert_true (kl_staff_dialog_save (dialog));
  g_assert_finalize_object (g_steal_pointer (&dialog));
  kl_test_wait (100);

  /* The new person is in the list and their profile is open. */
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  kl_assert_text_contains (fixture->page, "Mette Sørensen\nPædagog · Bostøtte Nord");
  kl_assert_text_contains (fixture->page, "Started 1 August 2019 · 32.5 hours a week");
  kl_assert_text_contains (fixture->page, "mette@kommune.example.dk");
  g_assert_cmpint (kl_staff_page_get_shown (fixture->page), !=, 0);
}

static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  struct {
    const char *name;
    const char *email;
    const char *started;
    const char *left;
    const char *hours;
    const char *row;
    const char *message;
  } cases[] = {
    { "   ", "", "", "", "", "name_row", "The name cannot be empty" },
    { "Ib", "ib@", "", "", "", "email_row", "“ib@” is not an e-mail address" },
    { "Ib", "", "31-02-2026", "", "", "started_row", "Write dates as day-month-year" },
    { "Ib", "", "01-05-2026", "01-04-2026", "", "left_row", "The leaving date is before the start date" },
    { "Ib", "", "", "", "mange", "hours_row", "Write the weekly hours as a number" },
    { "Ib", "", "", "", "90", "hours_row", "Weekly hours must be between 0 and 80" },
  };
  g_autoptr(KlStaffDialog) dialog = g_object_ref (open_add_dialog (fixture));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      kl_test_set_text (dialog, "name_row", cases[i].name);
      kl_test_set_text (dialog, "email_row", cases[i].email);
      kl_test_set_text (dialog, "started_row", cases[i].started);
      kl_test_set_text (dialog, "left_row", cases[i].left);
      kl_test_set_text (dialog, "hours_row", cases[i].hours);

      g_assert_false (kl_staff_dialog_save (dialog));
      kl_assert_text_contains (dialog, cases[i].message);
      g_assert_true (kl_test_has_error (dialog, cases[i].row));
      g_assert_cmpint (kl_store_count_staff (fixture->store, NULL), ==, 0);
    }

  /* Correcting it clears the message and saves. */
  kl_test_set_text (dialog, "hours_row", "37");
  g_assert_true (kl_staff_dialog_save (dialog));
  g_assert_cmpint (kl_store_count_staff (fixture->store, NULL), ==, 1);
  g_assert_finalize_object (g_steal_pointer (&dialog));
}

static void
test_search_and_filter (Fixture       *fixture,
                        gconstpointer  data)
{
  gint64 left;

  kl_test_add_staff_full (fixture->store, fixture->nord, "Mette Sørensen", "Pædagog", "ms@example.dk", NULL,
                          -1);
  kl_test_add_staff (fixture->store, fixture->syd, "Ahmed Khan", "Sygeplejerske");
  kl_test_add_staff_full (fixture->store, fixture->team, "Åse Ølgaard", "Ergoterapeut", "aase@example.dk",
                          NULL, -1);
  left = kl_test_add_staff (fixture->store, fixture->nord, "Jens Berg", "Pædagog");
  {
    g_autoptr(KlRecord) jens = kl_store_get_record (fixture->store, KL_TYPE_STAFF, left, NULL);
    kl_staff_set_started_on (KL_STAFF (jens), "2020-01-01");
    kl_staff_set_left_on (KL_STAFF (jens), "2025-06-30");
    g_assert_true (kl_store_save_staff (fixture->store, KL_STAFF (jens), NULL));
  }
  kl_test_wait (100);

  /* Who has left is hidden by default. */
  g_assert_cmpuint (n_shown (fixture), ==, 3);
  kl_assert_text_lacks (fixture->page, "Jens Berg");

  /* Search on name, job title and e-mail, ignoring case. */
  kl_staff_page_set_search (fixture->page, "ØLGAARD");
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  kl_assert_text_contains (fixture->page, "Åse Ølgaard");
  kl_staff_page_set_search (fixture->page, "pædagog");
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  kl_staff_page_set_search (fixture->page, "example.dk");
  g_assert_cmpuint (n_shown (fixture), ==, 2);
  kl_staff_page_set_search (fixture->page, "ingen hedder sådan");
  g_assert_cmpuint (n_shown (fixture), ==, 0);
  kl_assert_text_contains (fixture->page, "No Matches");
  kl_staff_page_set_search (fixture->page, "");

  /* A unit shows its sub-units too. */
  kl_staff_page_set_unit (fixture->page, fixture->nord);
  g_assert_cmpuint (n_shown (fixture), ==, 2);
  kl_assert_text_contains (fixture->page, "Mette Sørensen");
  kl_assert_text_contains (fixture->page, "Åse Ølgaard");
  kl_assert_text_lacks (fixture->page, "Ahmed Khan");

  /* Showing those who left brings Jens back, marked as left. */
  g_object_set (fixture->page, "show-left", TRUE, NULL);
  g_assert_cmpuint (n_shown (fixture), ==, 3);
  kl_assert_text_contains (fixture->page, "Pædagog · Bostøtte Nord · left");
  kl_staff_page_set_unit (fixture->page, 0);
  g_assert_cmpuint (n_shown (fixture), ==, 4);
}

static void
test_assessment (Fixture       *fixture,
                 gconstpointer  data)
{
  gint64 id = kl_test_add_staff (fixture->store, fixture->nord, "Mette Sørensen", "Pædagog");
  g_autoptr(KlAssessmentDialog) dialog = NULL;
  g_autoptr(GPtrArray) current = NULL;

  kl_staff_page_show_staff (fixture->page, id);
  kl_test_wait (50);
  kl_assert_text_contains (fixture->page, "Health\nNot assessed yet");

  g_assert_true (gtk_widget_activate_action (kl_test_find_descendant (GTK_WIDGET (fixture->page), "profile"),
                                             "profile.record-assessment", NULL));
  kl_test_wait (50);
  dialog = g_object_ref (KL_ASSESSMENT_DIALOG (kl_test_find_window (KL_TYPE_ASSESSMENT_DIALOG)));

  /* Saving without a change says so. */
  g_assert_false (kl_assessment_dialog_save (dialog));
  kl_assert_text_contains (dialog, "Nothing was changed");

  kl_assessment_dialog_set_values (dialog, "sundhed", 2, 4);
  kl_assessment_dialog_set_values (dialog, "peers", 3, -1);
  g_assert_true (kl_assessment_dialog_save (dialog));
  g_assert_finalize_object (g_steal_pointer (&dialog));
  kl_test_wait (100);

  current = kl_store_list_current_assessments (fixture->store, id, NULL);
  g_assert_cmpuint (current->len, ==, 2);
  kl_assert_text_contains (fixture->page, "Health\n2 · Practising with support · target 4 · assessed ");
  kl_assert_text_contains (fixture->page, "Peer support\n3 · Independent · assessed ");

  /* The list counts the theme below target. */
  kl_assert_text_contains (fixture->page, "Mette Sørensen\nPædagog · Bostøtte Nord\n1\n");
}

static void
test_goal (Fixture       *fixture,
           gconstpointer  data)
{
  gint64 id = kl_test_add_staff (fixture->store, fixture->nord, "Mette Sørensen", "Pædagog");
  g_autoptr(KlGoalDialog) dialog = NULL;

  kl_staff_page_show_staff (fixture->page, id);
  kl_test_wait (50);
  kl_assert_text_contains (fixture->page, "No goals yet");

  g_assert_true (gtk_widget_activate_action (kl_test_find_descendant (GTK_WIDGET (fixture->page), "profile"),
                                             "profile.add-goal", NULL));
  kl_test_wait (50);
  dialog = g_object_ref (KL_GOAL_DIALOG (kl_test_find_window (KL_TYPE_GOAL_DIALOG)));

  /* A goal due before it was agreed is refused at the due date. */
  kl_test_set_text (dialog, "text_row", "Deltage i kursus om pårørendesamarbejde");
  kl_test_set_text (dialog, "agreed_row", "01-03-2025");
  kl_test_set_text (dialog, "due_row", "01-02-2025");
  g_assert_false (kl_goal_dialog_save (dialog));
  kl_assert_text_contains (dialog, "The due date is before the date the goal was agreed");
  g_assert_true (kl_test_has_error (dialog, "due_row"));

  /* Due in the past: saved, and shown as overdue. */
  kl_test_set_text (dialog, "due_row", "31-12-2025");
  g_assert_true (kl_goal_dialog_save (dialog));
  g_assert_finalize_object (g_steal_pointer (&dialog));
  kl_test_wait (100);
  kl_assert_text_contains (fixture->page, "Deltage i kursus om pårørendesamarbejde\nOpen · overdue since 31 December 2025");
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 id = kl_test_add_staff (fixture->store, fixture->nord, "Mette Sørensen", "Pædagog");
  kl_test_add_staff (fixture->store, fixture->nord, "Ahmed Khan", "Sygeplejerske");
  kl_test_wait (100);

  kl_staff_page_show_staff (fixture->page, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "staff.delete", NULL));
  kl_test_wait (50);
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  kl_assert_text_contains (fixture->window, "Deleted Mette Sørensen");
  kl_assert_text_contains (fixture->window, "Undo");

  /* Undo brings her back, profile and all. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "staff.undo-delete", NULL));
  g_assert_cmpuint (n_shown (fixture), ==, 2);
  g_assert_cmpint (kl_staff_page_get_shown (fixture->page), ==, id);
  g_assert_cmpint (kl_store_count_staff (fixture->store, NULL), ==, 2);

  /* Without Undo she is gone for good once the toast goes, at the
   * latest when the window closes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "staff.delete", NULL));
  g_assert_cmpint (kl_store_count_staff (fixture->store, NULL), ==, 2);
  kl_test_window_destroy (fixture->window);
  g_assert_cmpint (kl_store_count_staff (fixture->store, NULL), ==, 1);
  g_assert_null (kl_store_get_record (fixture->store, KL_TYPE_STAFF, id, NULL));

  /* The tear-down destroys the window again; keep a fresh one for it. */
  fixture->window = g_object_ref (kl_window_new (fixture->app));
}

int
main (int   argc,
      char *argv[])
{
  kl_test_init_ui (&argc, &argv);

  g_test_add ("/staff/empty-state", Fixture, NULL, fixture_set_up, test_empty_state, fixture_tear_down);
  g_test_add ("/staff/add-through-form", Fixture, NULL, fixture_set_up, test_add_through_form, fixture_tear_down);
  g_test_add ("/staff/validation", Fixture, NULL, fixture_set_up, test_validation, fixture_tear_down);
  g_test_add ("/staff/search-and-filter", Fixture, NULL, fixture_set_up, test_search_and_filter, fixture_tear_down);
  g_test_add ("/staff/assessment", Fixture, NULL, fixture_set_up, test_assessment, fixture_tear_down);
  g_test_add ("/staff/goal", Fixture, NULL, fixture_set_up, test_goal, fixture_tear_down);
  g_test_add ("/staff/delete-and-undo", Fixture, NULL, fixture_set_up, test_delete_and_undo, fixture_tear_down);

  return g_test_run ();
}
