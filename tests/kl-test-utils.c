/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "kl-test-utils.h"

/**
 * kl_test_init:
 *
 * Test set-up shared by every test program: isolated user folders, so no
 * test touches the real data, and the build tree's translations.
 */
void
kl_test_init (int    *argc,
              char ***argv)
{
  const char *localedir = g_getenv ("KOMPETENCELOEFT_LOCALEDIR");

  static const char svg[] = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>";

  /* Tests get empty XDG folders; load the MIME database from the real ones
   * first, or image loading cannot tell our SVG icons from plain text. */
  g_free (g_content_type_guess (NULL, (const guchar *)svg, sizeof svg - 1, NULL));

  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  kl_test_set_language ("en");
}

/**
 * kl_test_set_language:
 * @language: "en" or "da"
 *
 * Switches messages and number formats to English or Danish.
 */
void
kl_test_set_language (const char *language)
{
  if (g_str_equal (language, "da"))
    {
      g_setenv ("LANGUAGE", "da", TRUE);
      if (setlocale (LC_ALL, "da_DK.UTF-8") == NULL)
        g_error ("The da_DK.UTF-8 locale is missing; tools/test generates it");
    }
  else
    {
      g_unsetenv ("LANGUAGE");
      setlocale (LC_ALL, "C.UTF-8");
    }
}

/**
 * kl_test_tmp_path:
 * @name: a relative path
 *
 * Returns: (transfer full): @name inside the test's isolated data folder,
 *   whose parent folder exists
 */
char *
kl_test_tmp_path (const char *name)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "kl-tests", name, NULL);
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_steal_pointer (&path);
}

/**
 * kl_test_application_new:
 * @database: path of the database to open
 *
 * A process can register an application on the bus only once, so every
 * test in a program shares one; this opens @database in it.
 *
 * Returns: (transfer full): the registered application with @database open
 */
KlApplication *
kl_test_application_new (const char *database)
{
  static KlApplication *app;
  g_autoptr(GError) error = NULL;

  if (app == NULL)
    {
      app = kl_application_new ();
      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
    }

  kl_application_open_database (app, database, &error);
  g_assert_no_error (error);

  return g_object_ref (app);
}

static gboolean
on_wait_done (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

void
kl_test_wait (guint msec)
{
  gboolean done = FALSE;

  g_timeout_add (msec, on_wait_done, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
collect (GtkWidget *widget,
         GString   *out)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));
      if (text != NULL && *text != '\0')
        g_string_append_printf (out, "%s\n", text);
    }
  else if (GTK_IS_EDITABLE (widget) && !GTK_IS_TEXT (widget))
    {
      g_string_append_printf (out, "%s\n", gtk_editable_get_text (GTK_EDITABLE (widget)));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, out);
}

/**
 * kl_test_collect_text:
 * @root: a widget
 *
 * Gathers the text a user can see under @root: every visible label and
 * entry, one per line, in widget order.
 *
 * Returns: (transfer full): the text
 */
char *
kl_test_collect_text (GtkWidget *root)
{
  GString *out = g_string_new (NULL);

  collect (root, out);
  return g_string_free (out, FALSE);
}

/**
 * kl_test_find_window:
 * @type: a #GtkWindow subtype
 *
 * Returns: (transfer none) (nullable): the first toplevel of @type
 */
GtkWindow *
kl_test_find_window (GType type)
{
  g_autoptr(GListModel) toplevels = NULL;
  GtkWindow *found = NULL;

  toplevels = g_object_ref (gtk_window_get_toplevels ());
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && found == NULL; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        found = window;
    }

  return found;
}

/**
 * kl_test_find_descendant:
 * @root: a widget
 * @name: a template child's id, as set with gtk_buildable_get_buildable_id()
 *
 * Returns: (transfer none) (nullable): the first descendant with that id
 */
GtkWidget *
kl_test_find_descendant (GtkWidget  *root,
                         const char *name)
{
  /* Template children by their id; the pages the window builds later by
   * their widget name. */
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (root)), name) == 0 ||
      g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = kl_test_find_descendant (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

gboolean
kl_test_wait_for_text (GtkWidget  *root,
                       const char *needle,
                       gboolean    present)
{
  gint64 deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

  for (;;)
    {
      g_autofree char *text = kl_test_collect_text (root);

      if ((strstr (text, needle) != NULL) == present)
        return TRUE;
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      kl_test_wait (20);
    }
}

void
kl_test_keep_result (GObject      *source,
                     GAsyncResult *result,
                     gpointer      data)
{
  *(GAsyncResult **)data = g_object_ref (result);
}

GAsyncResult *
kl_test_wait_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

/**
 * kl_test_open_store:
 * @name: a relative path
 *
 * Returns: (transfer full): a store on @name inside the test's data folder
 */
KlStore *
kl_test_open_store (const char *name)
{
  g_autofree char *path = kl_test_tmp_path (name);
  g_autoptr(GError) error = NULL;
  KlStore *store;

  store = kl_store_open (path, &error);
  if (store == NULL)
    g_error ("Could not open %s: %s", path, error->message);
  return store;
}

/**
 * kl_test_query_column:
 * @path: a database file
 * @sql: a query
 *
 * Looks into a database with SQLite directly, as an outsider would.
 *
 * Returns: (transfer full): the first column of every row
 */
char **
kl_test_query_column (const char *path,
                      const char *sql)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (values, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_ptr_array_add (values, NULL);
  return (char **)g_ptr_array_free (g_steal_pointer (&values), FALSE);
}

/**
 * kl_test_import_path:
 * @name: a file in tests/data/import
 *
 * Returns: (transfer full): the path of @name
 */
char *
kl_test_import_path (const char *name)
{
  const char *data = g_getenv ("KL_TEST_DATA");

  g_assert_nonnull (data);
  return g_build_filename (data, "import", name, NULL);
}

char *
kl_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    g_error ("%s", error->message);
  return contents;
}

/**
 * kl_test_save:
 * @store: a store
 * @record: a unit, staff member, course, assessment, goal, action or
 *   principle assessment
 *
 * Returns: the id of @record, saved
 */
gint64
kl_test_save (KlStore  *store,
              gpointer  record)
{
  g_autoptr(GError) error = NULL;
  gboolean saved;

  if (KL_IS_UNIT (record))
    saved = kl_store_save_unit (store, record, &error);
  else if (KL_IS_STAFF (record))
    saved = kl_store_save_staff (store, record, &error);
  else if (KL_IS_THEME (record))
    saved = kl_store_save_theme (store, record, &error);
  else if (KL_IS_COURSE (record))
    saved = kl_store_save_course (store, record, &error);
  else if (KL_IS_ASSESSMENT (record))
    saved = kl_store_save_assessment (store, record, &error);
  else if (KL_IS_ENROLMENT (record))
    saved = kl_store_save_enrolment (store, record, &error);
  else if (KL_IS_GOAL (record))
    saved = kl_store_save_goal (store, record, &error);
  else if (KL_IS_ACTION (record))
    saved = kl_store_save_action (store, record, &error);
  else if (KL_IS_PRINCIPLE_ASSESSMENT (record))
    saved = kl_store_save_principle_assessment (store, record, &error);
  else
    g_error ("kl_test_save: cannot save a %s", G_OBJECT_TYPE_NAME (record));

  if (!saved)
    g_error ("Could not save a %s: %s", G_OBJECT_TYPE_NAME (record), error->message);
  return kl_record_get_id (KL_RECORD (record));
}

/* The id of the theme or principle @uuid; a built-in one's uuid is its
 * slug, such as "sundhed". */
gint64
kl_test_theme_id (KlStore    *store,
                  const char *uuid)
{
  gint64 id = kl_store_lookup_id (store, KL_TYPE_THEME, uuid);

  if (id <= 0)
    g_error ("No theme %s", uuid);
  return id;
}

gint64
kl_test_principle_id (KlStore    *store,
                      const char *uuid)
{
  gint64 id = kl_store_lookup_id (store, KL_TYPE_PRINCIPLE, uuid);

  if (id <= 0)
    g_error ("No principle %s", uuid);
  return id;
}

gint64
kl_test_add_unit (KlStore    *store,
                  const char *name,
                  gint64      parent_id)
{
  g_autoptr(KlUnit) unit = kl_unit_new ();

  kl_unit_set_name (unit, name);
  kl_unit_set_parent_id (unit, parent_id);
  return kl_test_save (store, unit);
}

/* NULL and -1 leave a field as a new record has it. */
KlStaff *
kl_test_staff_new (gint64      unit_id,
                   const char *name,
                   const char *job_title,
                   const char *email,
                   const char *started_on,
                   double      weekly_hours)
{
  KlStaff *staff = kl_staff_new ();

  kl_staff_set_name (staff, name);
  kl_staff_set_unit_id (staff, unit_id);
  kl_staff_set_job_title (staff, job_title);
  kl_staff_set_email (staff, email);
  kl_staff_set_started_on (staff, started_on);
  kl_staff_set_weekly_hours (staff, weekly_hours);
  return staff;
}

gint64
kl_test_add_staff_full (KlStore    *store,
                        gint64      unit_id,
                        const char *name,
                        const char *job_title,
                        const char *email,
                        const char *started_on,
                        double      weekly_hours)
{
  g_autoptr(KlStaff) staff = kl_test_staff_new (unit_id, name, job_title, email, started_on, weekly_hours);

  return kl_test_save (store, staff);
}

gint64
kl_test_add_staff (KlStore    *store,
                   gint64      unit_id,
                   const char *name,
                   const char *job_title)
{
  return kl_test_add_staff_full (store, unit_id, name, job_title, NULL, NULL, -1);
}

/* NULL and -1 leave a field as a new course has it. */
KlCourse *
kl_test_course_new (const char         *title,
                    const char         *provider,
                    const char * const *theme_ids,
                    const char         *starts_on,
                    const char         *ends_on,
                    double              hours,
                    double              cost_dkk,
                    int                 capacity)
{
  KlCourse *course = kl_course_new ();

  kl_course_set_title (course, title);
  kl_course_set_provider (course, provider);
  kl_course_set_theme_ids (course, theme_ids);
  kl_course_set_starts_on (course, starts_on);
  kl_course_set_ends_on (course, ends_on);
  kl_course_set_hours (course, hours);
  kl_course_set_cost_dkk (course, cost_dkk);
  kl_course_set_capacity (course, capacity);
  return course;
}

gint64
kl_test_add_course (KlStore            *store,
                    const char         *title,
                    const char         *provider,
                    const char * const *theme_ids,
                    const char         *starts_on,
                    const char         *ends_on,
                    double              hours,
                    double              cost_dkk,
                    int                 capacity)
{
  g_autoptr(KlCourse) course = kl_test_course_new (title, provider, theme_ids, starts_on, ends_on,
                                                   hours, cost_dkk, capacity);

  return kl_test_save (store, course);
}

KlAssessment *
kl_test_assessment_new (gint64      staff_id,
                        gint64      theme_id,
                        const char *assessed_on,
                        int         level,
                        int         target)
{
  KlAssessment *assessment = kl_assessment_new ();

  kl_assessment_set_staff_id (assessment, staff_id);
  kl_assessment_set_theme_id (assessment, theme_id);
  kl_assessment_set_assessed_on (assessment, assessed_on);
  kl_assessment_set_level (assessment, level);
  kl_assessment_set_target (assessment, target);
  return assessment;
}

gint64
kl_test_assess (KlStore    *store,
                gint64      staff_id,
                gint64      theme_id,
                const char *assessed_on,
                int         level,
                int         target)
{
  g_autoptr(KlAssessment) assessment = kl_test_assessment_new (staff_id, theme_id, assessed_on,
                                                               level, target);

  return kl_test_save (store, assessment);
}

/* Returns: (transfer full): the enrolment kl_store_enrol() made */
KlEnrolment *
kl_test_enrol (KlStore           *store,
               gint64             staff_id,
               gint64             course_id,
               KlEnrolmentStatus  status)
{
  g_autoptr(GError) error = NULL;
  KlEnrolment *enrolment;

  enrolment = kl_store_enrol (store, staff_id, course_id, status, &error);
  if (enrolment == NULL)
    g_error ("Could not enrol: %s", error->message);
  return enrolment;
}

/**
 * kl_test_add_enrolment:
 * @status: planned, enrolled or completed
 * @completed_on: (nullable): for a completed enrolment, when
 *
 * Enrols as a user does; a completed enrolment is enrolled first and
 * then marked completed on @completed_on.
 *
 * Returns: the id of the enrolment
 */
gint64
kl_test_add_enrolment (KlStore           *store,
                       gint64             staff_id,
                       gint64             course_id,
                       KlEnrolmentStatus  status,
                       const char        *completed_on)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlEnrolment) enrolment = NULL;
  gboolean completed = status == KL_ENROLMENT_STATUS_COMPLETED;
  gint64 id;

  enrolment = kl_test_enrol (store, staff_id, course_id, completed ? KL_ENROLMENT_STATUS_ENROLLED : status);
  id = kl_record_get_id (KL_RECORD (enrolment));
  if (completed && !kl_store_set_enrolment_status (store, id, status, completed_on, NULL, &error))
    g_error ("Could not complete an enrolment: %s", error->message);
  return id;
}

gint64
kl_test_add_goal (KlStore      *store,
                  gint64        staff_id,
                  const char   *text,
                  const char   *agreed_on,
                  const char   *due_on,
                  KlGoalStatus  status)
{
  g_autoptr(KlGoal) goal = kl_goal_new ();

  kl_goal_set_staff_id (goal, staff_id);
  kl_goal_set_text (goal, text);
  kl_goal_set_agreed_on (goal, agreed_on);
  kl_goal_set_due_on (goal, due_on);
  kl_goal_set_status (goal, status);
  return kl_test_save (store, goal);
}

/* @theme may be NULL, @owner_id 0 */
gint64
kl_test_add_action (KlStore        *store,
                    const char     *title,
                    const char     *principle,
                    const char     *theme,
                    gint64          unit_id,
                    gint64          owner_id,
                    const char     *due_on,
                    KlActionStatus  status)
{
  g_autoptr(KlAction) action = kl_action_new ();

  kl_action_set_title (action, title);
  kl_action_set_principle_id (action, kl_test_principle_id (store, principle));
  kl_action_set_theme_id (action, theme ? kl_test_theme_id (store, theme) : 0);
  kl_action_set_unit_id (action, unit_id);
  kl_action_set_owner_id (action, owner_id);
  kl_action_set_due_on (action, due_on);
  kl_action_set_status (action, status);
  return kl_test_save (store, action);
}

gint64
kl_test_add_maturity (KlStore    *store,
                      const char *principle,
                      gint64      unit_id,
                      const char *assessed_on,
                      int         maturity)
{
  g_autoptr(KlPrincipleAssessment) pa = kl_principle_assessment_new ();

  kl_principle_assessment_set_principle_id (pa, kl_test_principle_id (store, principle));
  kl_principle_assessment_set_unit_id (pa, unit_id);
  kl_principle_assessment_set_assessed_on (pa, assessed_on);
  kl_principle_assessment_set_maturity (pa, maturity);
  return kl_test_save (store, pa);
}

/* kl_test_init() for a program that shows widgets */
void
kl_test_init_ui (int    *argc,
                 char ***argv)
{
  kl_test_init (argc, argv);
  gtk_init ();
  adw_init ();
}

/**
 * kl_test_window_new:
 * @width: the default width, or 0 for the window's own
 *
 * Returns: (transfer full): a main window on @app, presented
 */
KlWindow *
kl_test_window_new (KlApplication *app,
                    int            width,
                    int            height)
{
  KlWindow *window = g_object_ref (kl_window_new (app));

  if (width > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* Destroys @window, of which the caller holds the last reference, and
 * checks that nothing else keeps it alive. */
void
kl_test_window_destroy (gpointer window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* Shows @section as the sidebar does and returns its page, named @page. */
GtkWidget *
kl_test_show_page (KlWindow   *window,
                   const char *section,
                   const char *page)
{
  GtkWidget *widget;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", section));
  widget = kl_test_find_descendant (GTK_WIDGET (window), page);
  g_assert_nonnull (widget);
  return widget;
}

/* Types @text into the entry row @id under @root. */
void
kl_test_set_text (gpointer    root,
                  const char *id,
                  const char *text)
{
  GtkWidget *row = kl_test_find_descendant (GTK_WIDGET (root), id);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* Whether the form row @id under @root is marked as wrong */
gboolean
kl_test_has_error (gpointer    root,
                   const char *id)
{
  return gtk_widget_has_css_class (kl_test_find_descendant (GTK_WIDGET (root), id), "error");
}
