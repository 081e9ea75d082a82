/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
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
