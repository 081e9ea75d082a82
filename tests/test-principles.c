/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "kl-action-dialog.h"
#include "kl-principle-assessment-dialog.h"
#include "kl-principle-texts.h"
#include "kl-principles-page.h"
#include "kl-staff-page.h"
#include "kl-store-leadership.h"
#include "kl-test-utils.h"
#include "kl-window.h"

/* The Principles section as a leader uses it: see where each unit stands
 * with the seven principles, record a self-assessment, plan actions,
 * follow up on what is overdue, and get from a principle to the data. */

typedef struct
{
  KlApplication    *app;
  KlStore          *store;
  KlWindow         *window;
  KlPrinciplesPage *page;
  gint64            nord;
  gint64            team;
  gint64            syd;
  gint64            mette;
  gint64            ahmed;
  gint64            sofie;
} Fixture;

#define NO_UNITS GINT_TO_POINTER (1)

/* Waits @msec, then until nothing is left to do: slow builds (sanitizers)
 * can take longer than @msec to run the page's reload. */
static void
settle (guint msec)
{
  kl_test_wait (msec);
  for (guint i = 0; i < 1000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = kl_test_tmp_path ("principles.db");

  fixture->app = kl_test_application_new (path);
  fixture->store = kl_application_get_store (fixture->app);
  if (data != NO_UNITS)
    {
      fixture->nord = kl_test_add_unit (fixture->store, "Bostøtte Nord", 0);
      fixture->team = kl_test_add_unit (fixture->store, "Team Å", fixture->nord);
      fixture->syd = kl_test_add_unit (fixture->store, "Bostøtte Syd", 0);
      fixture->mette = kl_test_add_staff (fixture->store, fixture->nord, "Mette Sørensen", NULL);
      fixture->ahmed = kl_test_add_staff (fixture->store, fixture->team, "Ahmed Khan", NULL);
      fixture->sofie = kl_test_add_staff (fixture->store, fixture->syd, "Sofie Jakobsen", NULL);
    }

  fixture->window = kl_test_window_new (fixture->app, 1200, 800);
  fixture->page = KL_PRINCIPLES_PAGE (kl_test_show_page (fixture->window, "principles", "principles_page"));
  /* What the window does; doing it again changes nothing. */
  kl_principles_page_set_store (fixture->page, fixture->store);
  settle (100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  kl_test_window_destroy (fixture->window);
  g_clear_object (&fixture->app);
  kl_test_set_language ("en");
}

/* The overview row of a principle. */
static GtkWidget *
overview_row (Fixture    *fixture,
              const char *slug)
{
  GtkWidget *list = kl_test_find_descendant (GTK_WIDGET (fixture->page), "principle_list");

  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), slug) == 0)
      return row;
  g_error ("No overview row for %s", slug);
}

/* The first visible descendant with a style class, such as an error icon. */
static GtkWidget *
find_styled (GtkWidget  *root,
             GType       type,
             const char *css_class)
{
  if (!gtk_widget_get_visible (root))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_has_css_class (root, css_class))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_styled (child, type, css_class);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
detail (Fixture *fixture)
{
  GtkWidget *widget = kl_test_find_descendant (GTK_WIDGET (fixture->page), "detail");

  g_assert_nonnull (widget);
  return widget;
}

/* Chooses the item shown as @text, as the user would in the list. */
static void
choose (gpointer    root,
        const char *id,
        const char *text)
{
  AdwComboRow *row = ADW_COMBO_ROW (kl_test_find_descendant (GTK_WIDGET (root), id));
  GListModel *model;

  g_assert_nonnull (row);
  model = adw_combo_row_get_model (row);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);
      g_autofree char *shown = g_strstrip (g_strdup (gtk_string_object_get_string (item)));

      if (g_str_equal (shown, text))
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }
  g_error ("“%s” is not a choice in %s", text, id);
}

static void
set_reflection (KlPrincipleAssessmentDialog *dialog,
                const char                  *text)
{
  GtkTextView *view = GTK_TEXT_VIEW (kl_test_find_descendant (GTK_WIDGET (dialog), "reflection_view"));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static KlPrincipleAssessmentDialog *
open_assessment_dialog (Fixture *fixture)
{
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "principles.record-assessment", NULL));
  settle (50);
  dialog = GTK_WIDGET (kl_test_find_window (KL_TYPE_PRINCIPLE_ASSESSMENT_DIALOG));
  g_assert_nonnull (dialog);
  return KL_PRINCIPLE_ASSESSMENT_DIALOG (g_object_ref (dialog));
}

static KlActionDialog *
open_action_dialog (Fixture *fixture)
{
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "principles.add-action", NULL));
  settle (50);
  dialog = GTK_WIDGET (kl_test_find_window (KL_TYPE_ACTION_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Add Action");
  return KL_ACTION_DIALOG (g_object_ref (dialog));
}

/* Every principle carries the app's own texts, in English and Danish. */
static void
check_texts (const KlPrincipleTexts *texts,
             const char             *language)
{
  guint n_questions = 0, n_pitfalls = 0;

  g_assert_nonnull (texts);
  g_assert_cmpuint (strlen (texts->description), >, 80);
  if (g_str_equal (language, "da"))
    g_assert_cmpstr (_(texts->description), !=, texts->description);

  for (; texts->questions[n_questions] != NULL; n_questions++)
    {
      const char *question = texts->questions[n_questions];
      const char *shown = _(question);

      g_assert_true (g_str_has_suffix (question, "?"));
      g_assert_true (g_str_has_suffix (shown, "?"));
      if (g_str_equal (language, "da"))
        g_assert_cmpstr (shown, !=, question);
    }
  for (; texts->pitfalls[n_pitfalls] != NULL; n_pitfalls++)
    {
      const char *pitfall = texts->pitfalls[n_pitfalls];
      const char *shown = _(pitfall);

      g_assert_cmpuint (strlen (shown), >, 20);
      if (g_str_equal (language, "da"))
        g_assert_cmpstr (shown, !=, pitfall);
    }

  g_assert_cmpuint (n_questions, >=, 3);
  g_assert_cmpuint (n_questions, <=, 5);
  g_assert_cmpuint (n_pitfalls, >=, 3);
  g_assert_cmpuint (n_pitfalls, <=, 5);
}

static void
test_texts (void)
{
  g_autofree char *path = kl_test_tmp_path ("texts.db");
  g_autoptr(KlStore) store = kl_store_open (path, NULL);
  g_autoptr(GPtrArray) principles = kl_store_list_principles (store, KL_FRAMEWORK_FAGLIG_LEDELSE, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const KlPrincipleTexts *all;
  guint n_all;

  g_assert_nonnull (principles);
  g_assert_cmpuint (principles->len, ==, 7);
  all = kl_principle_texts_all (&n_all);
  g_assert_cmpuint (n_all, ==, principles->len);

  for (guint l = 0; l < 2; l++)
    {
      const char *language = l == 0 ? "en" : "da";

      kl_test_set_language (language);
      for (guint i = 0; i < principles->len; i++)
        {
          const char *slug = kl_record_get_uuid (g_ptr_array_index (principles, i));

          g_test_message ("%s: %s", language, slug);
          check_texts (kl_principle_texts_lookup (slug), language);
          g_assert_true (&all[i] == kl_principle_texts_lookup (slug));
        }
    }
  kl_test_set_language ("en");

  /* No text is used twice. */
  for (guint i = 0; i < n_all; i++)
    {
      g_assert_true (g_hash_table_add (seen, (gpointer)all[i].description));
      for (guint q = 0; all[i].questions[q] != NULL; q++)
        g_assert_true (g_hash_table_add (seen, (gpointer)all[i].questions[q]));
      for (guint p = 0; all[i].pitfalls[p] != NULL; p++)
        g_assert_true (g_hash_table_add (seen, (gpointer)all[i].pitfalls[p]));
    }
  g_assert_null (kl_principle_texts_lookup ("no-such-principle"));
}

static void
test_empty_state (Fixture       *fixture,
                  gconstpointer  data)
{
  kl_assert_text_contains (fixture->page, "Seven Principles for Professional Leadership");
  kl_assert_text_contains (fixture->page, "Add Units in Preferences");
  kl_assert_text_contains (fixture->page, "Try Demo Data");
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "principles.add-action", NULL) &&
                  kl_test_find_window (KL_TYPE_ACTION_DIALOG) != NULL);

  kl_principles_page_set_view (fixture->page, "actions");
  kl_assert_text_contains (fixture->page, "No Leadership Actions Yet");
  kl_principles_page_set_view (fixture->page, "principles");

  /* With a unit, the seven principles are there to assess, in order. */
  kl_test_add_unit (fixture->store, "Bostøtte Nord", 0);
  settle (100);
  kl_assert_text_lacks (fixture->page, "Add Units in Preferences");
  kl_assert_text_contains (fixture->page, "Open a principle to read about it");
  kl_assert_text_contains (fixture->page,
                           "1\nWorking with the citizen\nNot assessed yet\n"
                           "2\nClear professional direction\nNot assessed yet\n"
                           "3\nPresent leadership\nNot assessed yet\n"
                           "4\nProfessional reflection\nNot assessed yet\n"
                           "5\nManagement information as a professional tool\nNot assessed yet\n"
                           "6\nWorking together on recovery\nNot assessed yet\n"
                           "7\nRecovery-oriented competences\nNot assessed yet\n");
  kl_assert_text_contains (detail (fixture), "No actions yet");
}

static void
test_record_assessment (Fixture       *fixture,
                        gconstpointer  data)
{
  gint64 reflection = kl_test_principle_id (fixture->store, "faglig-refleksion");
  g_autoptr(KlPrincipleAssessmentDialog) dialog = NULL;

  kl_principles_page_set_unit (fixture->page, fixture->nord);
  kl_principles_page_show_principle (fixture->page, reflection);
  settle (50);
  kl_assert_text_contains (overview_row (fixture, "faglig-refleksion"), "Professional reflection\nNot assessed yet");
  kl_assert_text_contains (detail (fixture), "Professional reflection");
  kl_assert_text_contains (detail (fixture), "Staff reflect regularly and in a structured way");
  kl_assert_text_contains (detail (fixture), "Reflection Questions");
  kl_assert_text_contains (detail (fixture), "Common Pitfalls");
  kl_assert_text_contains (detail (fixture), "Not assessed yet");

  /* The form: a maturity must be chosen and the date be a date. */
  dialog = open_assessment_dialog (fixture);
  kl_assert_text_contains (dialog, "Bostøtte Nord");
  kl_assert_text_contains (dialog, "Is there a fixed time and a fixed structure for reflection");
  g_assert_false (kl_principle_assessment_dialog_save (dialog));
  kl_assert_text_contains (dialog, "Choose how far the unit has come");
  g_assert_true (kl_test_has_error (dialog, "maturity_row"));

  choose (dialog, "maturity_row", "2 · Started");
  kl_test_set_text (dialog, "date_row", "31-02-2026");
  g_assert_false (kl_principle_assessment_dialog_save (dialog));
  kl_assert_text_contains (dialog, "Write the date as day-month-year");
  g_assert_true (kl_test_has_error (dialog, "date_row"));

  kl_test_set_text (dialog, "date_row", "01-03-2026");
  set_reflection (dialog, "Vi holder refleksionsmøder, men de bliver ofte aflyst.");
  g_assert_true (kl_principle_assessment_dialog_save (dialog));
  g_assert_finalize_object (g_steal_pointer (&dialog));
  settle (100);

  /* The overview and the principle's page show it at once. */
  kl_assert_text_contains (overview_row (fixture, "faglig-refleksion"),
                           "Professional reflection\n2 · Started\nAssessed 1 March 2026");
  kl_assert_text_contains (detail (fixture),
                           "2 · Started\n1 March 2026\nVi holder refleksionsmøder, men de bliver ofte aflyst.");

  /* A second assessment: the trend since the previous one shows. */
  dialog = open_assessment_dialog (fixture);
  choose (dialog, "maturity_row", "4 · Well under way");
  kl_test_set_text (dialog, "date_row", "15-09-2026");
  set_reflection (dialog, "Refleksion hver anden tirsdag, også når det er travlt.");
  g_assert_true (kl_principle_assessment_dialog_save (dialog));
  g_assert_finalize_object (g_steal_pointer (&dialog));
  settle (100);

  kl_assert_text_contains (overview_row (fixture, "faglig-refleksion"),
                           "Professional reflection\n4 · Well under way · ↑ up from 2\nAssessed 15 September 2026");
  /* Newest first in the history. */
  kl_assert_text_contains (detail (fixture),
                           "4 · Well under way\n15 September 2026 · ↑ up from 2\n"
                           "Refleksion hver anden tirsdag, også når det er travlt.\n"
                           "2 · Started\n1 March 2026\n");
  /* Other principles are untouched. */
  kl_assert_text_contains (overview_row (fixture, "naervaerende-ledelse"), "Present leadership\nNot assessed yet");

  /* All units: the lowest and the average, and how many units are assessed. */
  kl_principles_page_set_unit (fixture->page, 0);
  settle (50);
  kl_assert_text_contains (overview_row (fixture, "faglig-refleksion"),
                           "Lowest 4 · average 4 · ↑ up in 1 unit\n"
                           "1 of 3 units assessed · latest 15 September 2026");
  kl_assert_text_contains (detail (fixture),
                           "Bostøtte Nord\n4 · Well under way · ↑ up from 2 · 15 September 2026");
  kl_assert_text_contains (detail (fixture), "Bostøtte Syd\nNot assessed yet");

  /* A unit's row on the principle page opens that unit. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "principles.set-unit", "x", fixture->syd));
  settle (50);
  kl_assert_text_contains (overview_row (fixture, "faglig-refleksion"), "Professional reflection\nNot assessed yet");

  /* Saved elsewhere (an import, another window) while another section
   * is shown: the page has caught up when the leader comes back. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-section", "s", "staff");
  settle (50);
  {
    g_autoptr(KlPrincipleAssessment) pa = kl_principle_assessment_new ();

    kl_principle_assessment_set_principle_id (pa, reflection);
    kl_principle_assessment_set_unit_id (pa, fixture->syd);
    kl_principle_assessment_set_assessed_on (pa, "2026-10-01");
    kl_principle_assessment_set_maturity (pa, 3);
    g_assert_true (kl_store_save_principle_assessment (fixture->store, pa, NULL));
  }
  settle (100);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-section", "s", "principles");
  settle (100);
  kl_assert_text_contains (overview_row (fixture, "faglig-refleksion"),
                           "Professional reflection\n3 · Partly in place\nAssessed 1 October 2026");
}

static void
test_action_overdue (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(KlActionDialog) dialog = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  gint64 id;

  kl_principles_page_set_today (fixture->page, "2026-05-01");
  kl_principles_page_set_unit (fixture->page, fixture->nord);
  kl_principles_page_show_principle (fixture->page, kl_test_principle_id (fixture->store, "faglig-refleksion"));
  settle (50);

  /* The form suggests the principle and unit on screen. */
  dialog = open_action_dialog (fixture);
  kl_assert_text_contains (dialog, "Professional reflection");
  kl_assert_text_contains (dialog, "Bostøtte Nord");
  g_assert_false (kl_action_dialog_save (dialog));
  kl_assert_text_contains (dialog, "The title cannot be empty");
  g_assert_true (kl_test_has_error (dialog, "title_row"));

  kl_test_set_text (dialog, "title_row", "Faste refleksionsmøder hver anden tirsdag");
  /* The owner is someone in the unit or below it. */
  choose (dialog, "owner_row", "Mette Sørensen");
  choose (dialog, "owner_row", "Ahmed Khan · Team Å");
  kl_test_set_text (dialog, "due_row", "15-05-2026");
  kl_test_set_text (dialog, "note_row", "Aftalt på personalemødet");
  g_assert_true (kl_action_dialog_save (dialog));
  g_assert_finalize_object (g_steal_pointer (&dialog));
  settle (100);

  actions = kl_store_list_actions (fixture->store, 0, 0, NULL);
  g_assert_cmpuint (actions->len, ==, 1);
  id = kl_record_get_id (g_ptr_array_index (actions, 0));
  g_assert_cmpint (kl_action_get_owner_id (g_ptr_array_index (actions, 0)), ==, fixture->ahmed);

  /* Counted as open, not overdue. */
  kl_assert_text_contains (overview_row (fixture, "faglig-refleksion"), "1 open action");
  kl_assert_text_lacks (overview_row (fixture, "faglig-refleksion"), "overdue");
  kl_assert_text_contains (detail (fixture),
                           "Faste refleksionsmøder hver anden tirsdag\nOpen · due 15 May 2026\n"
                           "Ahmed Khan · Bostøtte Nord\nAftalt på personalemødet");
  kl_assert_text_lacks (detail (fixture), "overdue");
  g_assert_null (find_styled (detail (fixture), GTK_TYPE_IMAGE, "error"));

  /* The date passes: the action stands out as overdue. */
  kl_principles_page_set_today (fixture->page, "2026-05-16");
  settle (50);
  kl_assert_text_contains (overview_row (fixture, "faglig-refleksion"), "1 open action\n1 overdue action");
  kl_assert_text_contains (detail (fixture), "Open · overdue since 15 May 2026");
  /* Not by colour alone: an error icon that says "Overdue" */
  {
    GtkWidget *icon = find_styled (detail (fixture), GTK_TYPE_IMAGE, "error");

    g_assert_nonnull (icon);
    g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (icon)), ==, "dialog-warning-symbolic");
    g_assert_cmpstr (gtk_widget_get_tooltip_text (icon), ==, "Overdue");
  }
  kl_assert_text_contains (detail (fixture), "1 open · 1 overdue");

  /* Counted in the parent unit too, not in a unit beside it. */
  kl_principles_page_set_unit (fixture->page, fixture->syd);
  settle (50);
  kl_assert_text_lacks (overview_row (fixture, "faglig-refleksion"), "open action");
  kl_principles_page_set_unit (fixture->page, fixture->nord);
  settle (50);

  /* Done: no longer open, no longer overdue. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "principles.set-action-status", "(xs)",
                                             id, "done"));
  settle (100);
  kl_assert_text_lacks (overview_row (fixture, "faglig-refleksion"), "open action");
  kl_assert_text_lacks (overview_row (fixture, "faglig-refleksion"), "overdue");
  kl_assert_text_contains (detail (fixture), "Done · due 15 May 2026");

  /* Deleting can be undone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "principles.delete-action", "x", id));
  settle (100);
  kl_assert_text_contains (fixture->window, "Deleted “Faste refleksionsmøder hver anden tirsdag”");
  kl_assert_text_contains (detail (fixture), "No actions yet");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "principles.undo-delete-action", NULL));
  settle (100);
  kl_assert_text_contains (detail (fixture), "Faste refleksionsmøder hver anden tirsdag\nDone · due 15 May 2026");
}

static guint
n_actions_shown (Fixture *fixture)
{
  settle (20);
  return g_list_model_get_n_items (kl_principles_page_get_actions_model (fixture->page));
}

static void
test_actions_view (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *view;

  kl_test_add_action (fixture->store, "Refleksionsmøder i Nord", "faglig-refleksion", NULL, fixture->nord, fixture->mette,
                      "2026-04-01", KL_ACTION_STATUS_OPEN);
  kl_test_add_action (fixture->store, "Lederen med på aftenvagt", "naervaerende-ledelse", NULL, fixture->team,
                      fixture->ahmed, "2026-09-01", KL_ACTION_STATUS_IN_PROGRESS);
  kl_test_add_action (fixture->store, "Pårørendecafé", "samarbejde-om-recovery", "paaroerende", fixture->syd,
                      fixture->sofie, "2026-02-01", KL_ACTION_STATUS_DONE);
  kl_test_add_action (fixture->store, "Fælles fagligt grundlag", "tydelig-faglig-retning", NULL, fixture->syd, 0,
                      NULL, KL_ACTION_STATUS_DROPPED);
  kl_principles_page_set_today (fixture->page, "2026-06-01");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "principles.view", "s", "actions"));
  settle (50);
  g_assert_cmpstr (kl_principles_page_get_view (fixture->page), ==, "actions");
  view = kl_test_find_descendant (GTK_WIDGET (fixture->page), "actions_stack");

  /* Overdue first, then what is to be done, then what is finished. */
  g_assert_cmpuint (n_actions_shown (fixture), ==, 4);
  kl_assert_text_contains (view, "4 actions");
  kl_assert_text_contains (view,
                           "Refleksionsmøder i Nord\nOpen · overdue since 1 April 2026\n"
                           "Mette Sørensen · Bostøtte Nord\nProfessional reflection\n"
                           "Lederen med på aftenvagt\nIn progress · due 1 September 2026\n"
                           "Ahmed Khan · Team Å\nPresent leadership\n");
  kl_assert_text_contains (view, "Pårørendecafé\nDone · due 1 February 2026\nSofie Jakobsen · Bostøtte Syd\n"
                                 "Working together on recovery · Relatives");
  kl_assert_text_contains (view, "Fælles fagligt grundlag\nDropped · no due date\nNo owner · Bostøtte Syd");

  /* By status */
  choose (view, "status_row", "Overdue");
  g_assert_cmpuint (n_actions_shown (fixture), ==, 1);
  kl_assert_text_contains (view, "1 of 4 actions");
  kl_assert_text_contains (view, "Refleksionsmøder i Nord");
  kl_assert_text_lacks (view, "Lederen med på aftenvagt");
  choose (view, "status_row", "Open or in progress");
  g_assert_cmpuint (n_actions_shown (fixture), ==, 2);
  kl_assert_text_lacks (view, "Pårørendecafé");
  choose (view, "status_row", "Done");
  g_assert_cmpuint (n_actions_shown (fixture), ==, 1);
  kl_assert_text_contains (view, "Pårørendecafé");
  choose (view, "status_row", "All statuses");

  /* By unit, with its sub-units */
  choose (view, "action_unit_row", "Bostøtte Nord");
  g_assert_cmpuint (n_actions_shown (fixture), ==, 2);
  kl_assert_text_contains (view, "Refleksionsmøder i Nord");
  kl_assert_text_contains (view, "Lederen med på aftenvagt");
  kl_assert_text_lacks (view, "Pårørendecafé");
  choose (view, "action_unit_row", "Team Å");
  g_assert_cmpuint (n_actions_shown (fixture), ==, 1);
  kl_assert_text_contains (view, "Lederen med på aftenvagt");
  choose (view, "action_unit_row", "All units");
  g_assert_cmpuint (n_actions_shown (fixture), ==, 4);

  /* By owner, or those nobody owns */
  choose (view, "owner_row", "Sofie Jakobsen");
  g_assert_cmpuint (n_actions_shown (fixture), ==, 1);
  kl_assert_text_contains (view, "Pårørendecafé");
  choose (view, "owner_row", "No owner");
  g_assert_cmpuint (n_actions_shown (fixture), ==, 1);
  kl_assert_text_contains (view, "Fælles fagligt grundlag");

  /* Filters combine; nothing left says so. */
  choose (view, "status_row", "Overdue");
  g_assert_cmpuint (n_actions_shown (fixture), ==, 0);
  kl_assert_text_contains (view, "No actions match these filters");

  /* A new action shows up in the view as it is saved. */
  choose (view, "status_row", "All statuses");
  kl_test_add_action (fixture->store, "Kvartalsvis ledelsesinformation", "ledelsesinformation", NULL, fixture->syd, 0,
                      "2026-12-01", KL_ACTION_STATUS_OPEN);
  settle (100);
  g_assert_cmpuint (n_actions_shown (fixture), ==, 2);
  kl_assert_text_contains (view, "Kvartalsvis ledelsesinformation");

  /* Back to the principles */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "principles.view", "s", "principles"));
  g_assert_cmpstr (kl_principles_page_get_view (fixture->page), ==, "principles");
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_staff_with_gap (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *button, *popover, *row;
  KlStaffPage *staff_page;

  kl_test_assess (fixture->store, fixture->mette, kl_test_theme_id (fixture->store, "sundhed"), "2026-03-01",
                  1, 3);
  kl_test_assess (fixture->store, fixture->ahmed, kl_test_theme_id (fixture->store, "sundhed"), "2026-03-01",
                  3, 3);
  kl_test_assess (fixture->store, fixture->sofie, kl_test_theme_id (fixture->store, "sundhed"), "2026-03-01",
                  0, 2);
  kl_test_add_action (fixture->store, "Kursus i somatisk sundhed", "recovery-orienterede-kompetencer", "sundhed",
                      fixture->nord, 0, "2027-01-31", KL_ACTION_STATUS_OPEN);

  kl_principles_page_set_unit (fixture->page, fixture->nord);
  kl_principles_page_show_principle (fixture->page, kl_test_principle_id (fixture->store,
                                                                          "recovery-orienterede-kompetencer"));
  settle (100);

  /* The seventh principle shows the unit's coverage from the profiles. */
  kl_assert_text_contains (detail (fixture), "Competence Coverage");
  kl_assert_text_contains (detail (fixture), "Health\n1 of 2 assessed at level 3 or above · 1 below target\n50%");
  kl_assert_text_contains (detail (fixture), "Peer support\nNo one assessed yet");
  kl_assert_text_contains (detail (fixture), "Kursus i somatisk sundhed\nOpen · due 31 January 2027\n"
                                             "No owner · Bostøtte Nord\nHealth");

  /* From the action to the unit's staff below target in its theme. */
  button = find_named (detail (fixture), "gap-button");
  g_assert_nonnull (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  settle (50);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  /* What the open popover shows */
  popover = gtk_popover_get_child (GTK_POPOVER (popover));
  kl_assert_text_contains (popover, "Below Target in Health\nMette Sørensen\nBostøtte Nord · level 1, target 3");
  kl_assert_text_lacks (popover, "Ahmed Khan");
  kl_assert_text_lacks (popover, "Sofie Jakobsen");

  row = find_type (popover, ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  settle (100);
  g_assert_cmpstr (kl_window_get_visible_section (fixture->window), ==, "staff");
  staff_page = KL_STAFF_PAGE (kl_test_find_descendant (GTK_WIDGET (fixture->window), "staff_page"));
  g_assert_cmpint (kl_staff_page_get_shown (staff_page), ==, fixture->mette);
}

static void
test_management_information (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *row;

  kl_principles_page_show_principle (fixture->page, kl_test_principle_id (fixture->store,
                                                                          "ledelsesinformation"));
  settle (50);
  kl_assert_text_contains (detail (fixture), "Data for Steering");
  kl_assert_text_contains (detail (fixture), "Open the Overview");
  kl_assert_text_contains (detail (fixture), "Export for HR and Team Meetings");
  kl_assert_text_lacks (detail (fixture), "Competence Coverage");

  row = kl_test_find_descendant (detail (fixture), "overview_row");
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  settle (50);
  g_assert_cmpstr (kl_window_get_visible_section (fixture->window), ==, "overview");
}

static void
test_danish (void)
{
  Fixture fixture = { 0 };

  kl_test_set_language ("da");
  fixture_set_up (&fixture, NULL);
  kl_test_add_action (fixture.store, "Refleksionsmøder i Nord", "faglig-refleksion", NULL, fixture.nord, fixture.mette,
                      "2026-04-01", KL_ACTION_STATUS_OPEN);
  kl_principles_page_set_today (fixture.page, "2026-06-01");
  kl_principles_page_set_unit (fixture.page, fixture.nord);
  kl_principles_page_show_principle (fixture.page, kl_test_principle_id (fixture.store, "faglig-refleksion"));
  settle (100);

  kl_assert_text_contains (fixture.page, "Principper");
  kl_assert_text_contains (fixture.page, "Handlinger");
  kl_assert_text_contains (overview_row (&fixture, "faglig-refleksion"), "Faglig refleksion\nIkke vurderet endnu");
  kl_assert_text_contains (overview_row (&fixture, "faglig-refleksion"), "1 åben handling\n1 handling over fristen");
  kl_assert_text_contains (detail (&fixture), "Princip 4 af 7");
  kl_assert_text_contains (detail (&fixture), "Medarbejderne reflekterer jævnligt og struktureret over deres praksis");
  kl_assert_text_contains (detail (&fixture), "Selvevaluering");
  kl_assert_text_contains (detail (&fixture), "Refleksionsspørgsmål");
  kl_assert_text_contains (detail (&fixture), "Typiske faldgruber");
  kl_assert_text_contains (detail (&fixture), "Refleksionsmøder i Nord\nÅben · overskredet siden 1. april 2026\n"
                                              "Mette Sørensen · Bostøtte Nord");
  kl_assert_text_lacks (detail (&fixture), "Staff reflect");

  kl_principles_page_set_view (fixture.page, "actions");
  settle (50);
  kl_assert_text_contains (fixture.page, "Alle statusser");
  kl_assert_text_contains (fixture.page, "1 handling");
  fixture_tear_down (&fixture, NULL);
}

int
main (int   argc,
      char *argv[])
{
  kl_test_init (&argc, &argv);
  /* GLib decides once per process, at the first translation, whether
   * g_dngettext() translates at all: an app started in English would
   * stay English. Start in Danish, as the app does for a Danish user,
   * then switch to English for the tests that expect it. */
  g_setenv ("LC_ALL", "da_DK.UTF-8", TRUE);
  kl_test_set_language ("da");
  gtk_init ();
  adw_init ();
  (void)g_dngettext (GETTEXT_PACKAGE, "%u action", "%u actions", 2);
  g_unsetenv ("LC_ALL");
  kl_test_set_language ("en");

  g_test_add_func ("/principles/texts", test_texts);
  g_test_add ("/principles/empty-state", Fixture, NO_UNITS, fixture_set_up, test_empty_state, fixture_tear_down);
  g_test_add ("/principles/record-assessment", Fixture, NULL, fixture_set_up, test_record_assessment,
              fixture_tear_down);
  g_test_add ("/principles/action-overdue", Fixture, NULL, fixture_set_up, test_action_overdue, fixture_tear_down);
  g_test_add ("/principles/actions-view", Fixture, NULL, fixture_set_up, test_actions_view, fixture_tear_down);
  g_test_add ("/principles/staff-with-gap", Fixture, NULL, fixture_set_up, test_staff_with_gap, fixture_tear_down);
  g_test_add ("/principles/management-information", Fixture, NULL, fixture_set_up, test_management_information,
              fixture_tear_down);
  g_test_add_func ("/principles/danish", test_danish);

  return g_test_run ();
}
