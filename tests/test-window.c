/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "kl-export-dialog.h"
#include "kl-form.h"
#include "kl-preferences-window.h"
#include "kl-test-utils.h"
#include "kl-window.h"

typedef struct
{
  const char *language;
  const char *window_title;
  const char *sections[5][2];
  const char *preferences_title;
  const char *preferences_group;
  const char *shortcuts_group;
  const char *about_developer;
} Expected;

static const Expected english = {
  "en",
  "Kompetenceløft",
  {
    { "overview", "Overview" },
    { "staff", "Staff" },
    { "courses", "Courses" },
    { "matrix", "Competence Matrix" },
    { "principles", "Principles" },
  },
  "Preferences",
  "Appearance",
  "Sections",
  "The Kompetenceløft team",
};

static const Expected danish = {
  "da",
  "Kompetenceløft",
  {
    { "overview", "Overblik" },
    { "staff", "Medarbejdere" },
    { "courses", "Kurser" },
    { "matrix", "Kompetencematrix" },
    { "principles", "Principper" },
  },
  "Indstillinger",
  "Udseende",
  "Afsnit",
  "Kompetenceløft-teamet",
};

typedef struct
{
  KlApplication *app;
  KlWindow      *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const Expected *expected = data;
  g_autofree char *path = kl_test_tmp_path ("window.db");

  kl_test_set_language (expected->language);
  fixture->app = kl_test_application_new (path);
  fixture->window = kl_test_window_new (fixture->app, 0, 0);
  kl_test_wait (100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  kl_test_window_destroy (fixture->window);
  g_clear_object (&fixture->app);
  kl_test_set_language ("en");
}

static GtkWidget *
visible_page (Fixture *fixture)
{
  GtkWidget *page = NULL;
  const char *name = kl_window_get_visible_section (fixture->window);

  /* The section's page is the stack child of that name. */
  for (GtkWidget *w = GTK_WIDGET (fixture->window); w != NULL && page == NULL; )
    {
      if (GTK_IS_STACK (w))
        page = gtk_stack_get_child_by_name (GTK_STACK (w), name);
      else if (gtk_widget_get_first_child (w) != NULL)
        {
          w = gtk_widget_get_first_child (w);
          continue;
        }

      while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
        w = gtk_widget_get_parent (w);
      if (w != NULL)
        w = gtk_widget_get_next_sibling (w);
    }

  g_assert_nonnull (page);
  return page;
}

static void
test_sections (Fixture       *fixture,
               gconstpointer  data)
{
  const Expected *expected = data;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, expected->window_title);

  /* The sidebar names every section. */
  for (guint i = 0; i < G_N_ELEMENTS (expected->sections); i++)
    kl_assert_text_contains (fixture->window, expected->sections[i][1]);

  /* Visit them in reverse so the first one is not just the default. */
  for (int i = G_N_ELEMENTS (expected->sections) - 1; i >= 0; i--)
    {
      const char *name = expected->sections[i][0];
      const char *title = expected->sections[i][1];

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                                 "win.show-section", "s", name));
      kl_test_wait (20);
      g_assert_cmpstr (kl_window_get_visible_section (fixture->window), ==, name);
      kl_assert_text_contains (visible_page (fixture), title);
    }
}

static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  const Expected *expected = data;
  GtkWindow *preferences;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "preferences", NULL);
  kl_test_wait (50);

  preferences = kl_test_find_window (KL_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_object_ref (preferences);
  g_assert_cmpstr (gtk_window_get_title (preferences), ==, expected->preferences_title);
  kl_assert_text_contains (preferences, expected->preferences_group);
  g_assert_true (gtk_window_get_transient_for (preferences) == GTK_WINDOW (fixture->window));

  /* The database in use is named, so a user knows what to back up. */
  kl_assert_text_contains (preferences, "window.db");

  gtk_window_destroy (preferences);
  g_assert_finalize_object (preferences);
}

static void
test_style_preference (Fixture       *fixture,
                       gconstpointer  data)
{
  KlSettings *settings = kl_application_get_settings (fixture->app);
  AdwStyleManager *style = adw_style_manager_get_default ();

  kl_settings_set_color_scheme (settings, KL_COLOR_SCHEME_DARK);
  g_assert_true (adw_style_manager_get_dark (style));
  kl_settings_set_color_scheme (settings, KL_COLOR_SCHEME_LIGHT);
  g_assert_false (adw_style_manager_get_dark (style));
  kl_settings_set_color_scheme (settings, KL_COLOR_SCHEME_DEFAULT);
}

static void
test_about (Fixture       *fixture,
            gconstpointer  data)
{
  const Expected *expected = data;
  GtkWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "about", NULL);
  kl_test_wait (300);

  about = kl_test_find_window (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_object_ref (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_website (ADW_ABOUT_WINDOW (about)), !=, NULL);
  kl_assert_text_contains (about, "Kompetenceløft");
  kl_assert_text_contains (about, PACKAGE_VERSION);
  kl_assert_text_contains (about, expected->about_developer);

  gtk_window_destroy (about);
  g_assert_finalize_object (about);
}

static void
test_shortcuts (Fixture       *fixture,
                gconstpointer  data)
{
  const Expected *expected = data;
  GtkWindow *shortcuts;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.show-help-overlay", NULL));
  kl_test_wait (50);

  shortcuts = kl_test_find_window (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  kl_assert_text_contains (shortcuts, expected->shortcuts_group);
  kl_assert_text_contains (shortcuts, expected->sections[3][1]);
  gtk_widget_set_visible (GTK_WIDGET (shortcuts), FALSE);
}

static void
test_export_dialog (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = kl_test_tmp_path ("export/oversigt.csv");
  g_autofree char *contents = NULL;
  g_autoptr(KlExportOptions) options = NULL;
  g_autoptr(GError) error = NULL;
  KlExportDialog *dialog;
  GtkWidget *row;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export", NULL));
  kl_test_wait (100);
  dialog = KL_EXPORT_DIALOG (kl_test_find_window (KL_TYPE_EXPORT_DIALOG));
  g_assert_nonnull (dialog);
  g_object_ref (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Export");
  kl_assert_text_contains (dialog, "Spreadsheet (XLSX)");
  kl_assert_text_lacks (dialog, "\nTable\n");

  /* CSV asks which table. */
  row = kl_test_find_descendant (GTK_WIDGET (dialog), "format_row");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), KL_EXPORT_CSV);
  kl_assert_text_contains (dialog, "\nTable\nTraining overview\n");

  /* A date that is not one says so and stops the export. */
  row = kl_test_find_descendant (GTK_WIDGET (dialog), "from_row");
  gtk_editable_set_text (GTK_EDITABLE (row), "31-02-2026");
  kl_assert_text_contains (dialog, "Write dates as day-month-year");
  g_assert_null (kl_export_dialog_get_options (dialog, &error));
  g_clear_error (&error);
  gtk_editable_set_text (GTK_EDITABLE (row), "01-01-2026");
  kl_assert_text_lacks (dialog, "Write dates as day-month-year");
  options = kl_export_dialog_get_options (dialog, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (options->filter.from, ==, "2026-01-01");

  /* The export runs in a worker thread and the dialog closes when done. */
  kl_export_dialog_export_to (dialog, path);
  g_assert_true (kl_export_dialog_get_busy (dialog));
  for (guint i = 0; i < 100 && kl_export_dialog_get_busy (dialog); i++)
    kl_test_wait (20);
  g_assert_false (kl_export_dialog_get_busy (dialog));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBFStaff member;Unit;"));
  kl_assert_text_contains (fixture->window, "Exported to oversigt.csv");

  g_assert_finalize_object (dialog);
}

static void
test_user_dates (void)
{
  struct { const char *text; const char *iso; } cases[] = {
    { "31-12-2026", "2026-12-31" },
    { "1.2.2026", "2026-02-01" },
    { "2026-03-04", "2026-03-04" },
    { "", "" },
    { "31-02-2026", NULL },
    { "12/2026", NULL },
    { "i morgen", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iso = kl_parse_user_date (cases[i].text);
      g_assert_cmpstr (iso, ==, cases[i].iso);
    }
}

static void
test_accelerators (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkApplication *app = GTK_APPLICATION (fixture->app);
  static const struct { const char *action; const char *accel; } expected[] = {
    { "app.quit", "<Control>q" },
    { "window.close", "<Control>w" },
    { "app.preferences", "<Control>comma" },
    { "win.show-help-overlay", "<Control>question" },
    { "win.show-section::overview", "<Alt>1" },
    { "win.show-section::principles", "<Alt>5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, expected[i].action);

      g_assert_true (g_strv_contains ((const char * const *)accels, expected[i].accel));
    }
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(KlWindow) narrow = NULL;

  /* A window of phone width folds to one pane with a back button. */
  narrow = kl_test_window_new (fixture->app, 360, 640);
  for (guint i = 0; i < 150 && !kl_window_get_folded (narrow); i++)
    kl_test_wait (20);

  g_assert_true (kl_window_get_folded (narrow));
  gtk_widget_activate_action (GTK_WIDGET (narrow), "win.show-section", "s", "courses");
  kl_assert_text_contains (narrow, "No Courses Yet");
  g_assert_cmpstr (kl_window_get_visible_section (narrow), ==, "courses");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (narrow)), <=, 360);

  gtk_window_destroy (GTK_WINDOW (narrow));
  g_assert_finalize_object (g_steal_pointer (&narrow));
}

static void
test_window_state (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(KlWindow) first = NULL;
  g_autoptr(KlWindow) second = NULL;
  int width, height;

  first = kl_test_window_new (fixture->app, 900, 650);
  kl_test_wait (100);
  gtk_window_close (GTK_WINDOW (first));
  kl_test_wait (50);
  g_assert_finalize_object (g_steal_pointer (&first));

  /* A new window opens at the size the last one had when it closed. */
  second = g_object_ref (kl_window_new (fixture->app));
  gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 650);

  gtk_window_destroy (GTK_WINDOW (second));
  g_assert_finalize_object (g_steal_pointer (&second));
}

int
main (int   argc,
      char *argv[])
{
  kl_test_init_ui (&argc, &argv);

  for (guint i = 0; i < 2; i++)
    {
      const Expected *expected = i == 0 ? &english : &danish;
      g_autofree char *sections = g_strdup_printf ("/window/%s/sections", expected->language);
      g_autofree char *preferences = g_strdup_printf ("/window/%s/preferences", expected->language);
      g_autofree char *about = g_strdup_printf ("/window/%s/about", expected->language);
      g_autofree char *shortcuts = g_strdup_printf ("/window/%s/shortcuts", expected->language);

      g_test_add (sections, Fixture, expected, fixture_set_up, test_sections, fixture_tear_down);
      g_test_add (preferences, Fixture, expected, fixture_set_up, test_preferences, fixture_tear_down);
      g_test_add (about, Fixture, expected, fixture_set_up, test_about, fixture_tear_down);
      g_test_add (shortcuts, Fixture, expected, fixture_set_up, test_shortcuts, fixture_tear_down);
    }

  g_test_add ("/window/style-preference", Fixture, &english, fixture_set_up, test_style_preference, fixture_tear_down);
  g_test_add ("/window/accelerators", Fixture, &english, fixture_set_up, test_accelerators, fixture_tear_down);
  g_test_add ("/window/narrow", Fixture, &english, fixture_set_up, test_narrow, fixture_tear_down);
  g_test_add ("/window/state", Fixture, &english, fixture_set_up, test_window_state, fixture_tear_down);
  g_test_add ("/window/export-dialog", Fixture, &english, fixture_set_up, test_export_dialog, fixture_tear_down);
  g_test_add_func ("/window/user-dates", test_user_dates);

  return g_test_run ();
}
