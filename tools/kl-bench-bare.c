/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The baseline for tools/bench's start-up figure: the least a libadwaita
 * app can show, an empty AdwApplicationWindow with a header bar at the
 * main window's default size. It quits right after its first frame, the
 * way the app does with KOMPETENCELOEFT_QUIT_AFTER_FIRST_FRAME=1. */
#include <adwaita.h>
#include <locale.h>

static void
on_first_frame (GdkFrameClock  *clock,
                GApplication   *app)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame, app);
  g_application_quit (app);
}

static void
on_window_mapped (GtkWidget    *window,
                  GApplication *app)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_first_frame), app, 0);
}

static void
on_activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);

  g_signal_connect_object (window, "map", G_CALLBACK (on_window_mapped), app, G_CONNECT_AFTER);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  setlocale (LC_ALL, "");
  app = adw_application_new ("io.github.kompetenceloeft.Kompetenceloeft.BenchBare",
                             G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
