/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Renders a page or dialog of the real app to PNG, for looking at what we
 * build and for the metainfo screenshots. Run through tools/screenshot. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "kl-application.h"
#include "kl-preferences-window.h"
#include "kl-principles-page.h"
#include "kl-window.h"

typedef enum { SECTION, STAFF_DETAIL, COURSE_DETAIL, PRINCIPLE_DETAIL, APP_ACTION, WIN_ACTION, DATABASE_ERROR } Kind;

static const struct
{
  const char *name;
  Kind        kind;
  const char *target;
  const char *description;
} pages[] = {
  { "overview", SECTION, "overview", "the Overview section" },
  { "staff", SECTION, "staff", "the Staff section" },
  { "staff-detail", STAFF_DETAIL, "staff", "a staff member's profile (the first in the list)" },
  { "courses", SECTION, "courses", "the Courses section" },
  { "course-detail", COURSE_DETAIL, "courses", "a course's page (the first in the list)" },
  { "matrix", SECTION, "matrix", "the Competence matrix section" },
  { "principles", SECTION, "principles", "the Principles section" },
  { "principle-detail", PRINCIPLE_DETAIL, "recovery-orienterede-kompetencer",
    "a principle's page (the seventh, with competence coverage)" },
  { "preferences", APP_ACTION, "preferences", "the Preferences window" },
  { "about", APP_ACTION, "about", "the About window" },
  { "shortcuts", WIN_ACTION, "win.show-help-overlay", "the Keyboard Shortcuts window" },
  { "export", WIN_ACTION, "win.export", "the Export dialog" },
  { "database-error", DATABASE_ERROR, NULL, "what a damaged --database file shows" },
};

static char *opt_database;
static char *opt_page;
static char *opt_output;
static int opt_width = 1100;
static int opt_height = 720;
static gboolean opt_dark;
static gboolean opt_list;

static const GOptionEntry entries[] = {
  { "database", 0, 0, G_OPTION_ARG_FILENAME, &opt_database, "Database to show", "FILE" },
  { "page", 0, 0, G_OPTION_ARG_STRING, &opt_page, "Page or dialog to render", "NAME" },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, &opt_output, "PNG file to write", "FILE.png" },
  { "width", 0, 0, G_OPTION_ARG_INT, &opt_width, "Window width", "W" },
  { "height", 0, 0, G_OPTION_ARG_INT, &opt_height, "Window height", "H" },
  { "dark", 0, 0, G_OPTION_ARG_NONE, &opt_dark, "Use the dark style", NULL },
  { "list", 0, 0, G_OPTION_ARG_NONE, &opt_list, "List the pages and dialogs", NULL },
  { NULL }
};

static void
wait_ms (guint msec)
{
  gint64 end = g_get_monotonic_time () + msec * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWindow *
newest_other_window (GtkWindow *main_window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window != main_window && gtk_widget_get_visible (GTK_WIDGET (window)))
        found = window;
    }

  return found;
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
save_png (GtkWidget   *widget,
          const char  *path,
          GError     **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Nothing was drawn");
      return FALSE;
    }

  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not write %s", path);
      return FALSE;
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KlApplication) app = NULL;
  const char *localedir = g_getenv ("KOMPETENCELOEFT_LOCALEDIR");
  GtkWindow *window;
  GtkWindow *shown;
  int page = -1;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new ("- render a page of Kompetenceløft to PNG");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("screenshot: %s\n", error->message);
      return 2;
    }

  if (opt_list)
    {
      for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
        g_print ("%-14s %s\n", pages[i].name, pages[i].description);
      return 0;
    }

  for (guint i = 0; opt_page != NULL && i < G_N_ELEMENTS (pages); i++)
    if (g_str_equal (pages[i].name, opt_page))
      page = i;
  if (page < 0 || opt_database == NULL || opt_output == NULL)
    {
      g_printerr ("screenshot: need --database, --output and a --page from --list\n");
      return 2;
    }

  app = kl_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      g_printerr ("screenshot: %s\n", error->message);
      return 1;
    }

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      opt_dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                               : ADW_COLOR_SCHEME_FORCE_LIGHT);

  if (pages[page].kind == DATABASE_ERROR)
    {
      if (kl_application_open_database (app, opt_database, &error))
        {
          g_printerr ("screenshot: %s opens fine; give a damaged file\n", opt_database);
          return 1;
        }
      kl_application_show_database_error (app, opt_database, error);
      wait_ms (700);
      shown = newest_other_window (NULL);
      if (shown == NULL || !save_png (GTK_WIDGET (shown), opt_output, &error))
        {
          g_printerr ("screenshot: could not render the error\n");
          return 1;
        }
      return 0;
    }

  if (!kl_application_open_database (app, opt_database, &error))
    {
      g_printerr ("screenshot: %s\n", error->message);
      return 1;
    }

  window = GTK_WINDOW (kl_window_new (app));
  gtk_window_set_default_size (window, opt_width, opt_height);
  gtk_window_present (window);
  wait_ms (300);

  switch (pages[page].kind)
    {
    case SECTION:
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", pages[page].target);
      break;
    case STAFF_DETAIL:
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", pages[page].target);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-first-staff", NULL);
      break;
    case COURSE_DETAIL:
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", pages[page].target);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-first-course", NULL);
      break;
    case PRINCIPLE_DETAIL:
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", "principles");
      wait_ms (100);
      gtk_widget_activate_action (find_widget (GTK_WIDGET (window), KL_TYPE_PRINCIPLES_PAGE),
                                  "principles.show-principle", "s", pages[page].target);
      break;
    case APP_ACTION:
      g_action_group_activate_action (G_ACTION_GROUP (app), pages[page].target, NULL);
      break;
    case WIN_ACTION:
      gtk_widget_activate_action (GTK_WIDGET (window), pages[page].target, NULL);
      break;
    case DATABASE_ERROR:
    default:
      g_assert_not_reached ();
    }
  wait_ms (700);

  shown = pages[page].kind <= PRINCIPLE_DETAIL ? window : newest_other_window (window);
  if (shown == NULL)
    {
      g_printerr ("screenshot: %s did not open\n", pages[page].name);
      return 1;
    }

  if (!save_png (GTK_WIDGET (shown), opt_output, &error))
    {
      g_printerr ("screenshot: %s\n", error->message);
      return 1;
    }

  gtk_window_destroy (window);
  return 0;
}
