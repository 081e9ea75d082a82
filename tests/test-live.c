/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kl-live.h"
#include "kl-store-watch.h"
#include "kl-test-utils.h"

/* The one way views stay live: a burst of changes reloads once, a held
 * watch (a hidden page) reloads only when released, and other tables'
 * changes are ignored. */

typedef struct
{
  KlStore *store;
  guint    reloads;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = kl_test_open_store ("live/kompetenceloeft.db");
  f->reloads = 0;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
}

static void
count_reload (Fixture *f)
{
  f->reloads++;
}

static void
save_unit (Fixture    *f,
           const char *name)
{
  kl_test_add_unit (f->store, name, 0);
}

static void
run_idles (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_burst_reloads_once (Fixture       *f,
                         gconstpointer  data)
{
  static const char * const tables[] = { "unit", NULL };
  g_autoptr(KlStoreWatch) watch = kl_store_watch_new (f->store, tables, G_PRIORITY_HIGH_IDLE);

  g_signal_connect_swapped (watch, "reload", G_CALLBACK (count_reload), f);
  save_unit (f, "Bostøtte Nord");
  save_unit (f, "Bostøtte Syd");
  save_unit (f, "Værestedet");
  g_assert_true (kl_store_watch_get_pending (watch));
  g_assert_cmpuint (f->reloads, ==, 0);
  run_idles ();
  g_assert_cmpuint (f->reloads, ==, 1);
  g_assert_false (kl_store_watch_get_pending (watch));

  /* After a restore every table is announced: one reload. */
  kl_store_notify_all_changed (f->store);
  run_idles ();
  g_assert_cmpuint (f->reloads, ==, 2);
}

static void
test_other_tables_ignored (Fixture       *f,
                           gconstpointer  data)
{
  static const char * const tables[] = { "course", NULL };
  g_autoptr(KlStoreWatch) watch = kl_store_watch_new (f->store, tables, G_PRIORITY_HIGH_IDLE);

  g_signal_connect_swapped (watch, "reload", G_CALLBACK (count_reload), f);
  save_unit (f, "Bostøtte Nord");
  g_assert_false (kl_store_watch_get_pending (watch));
  run_idles ();
  g_assert_cmpuint (f->reloads, ==, 0);
}

static void
test_held_waits (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(KlStoreWatch) watch = kl_store_watch_new (f->store, NULL, G_PRIORITY_HIGH_IDLE);

  g_signal_connect_swapped (watch, "reload", G_CALLBACK (count_reload), f);
  kl_store_watch_set_held (watch, TRUE);
  save_unit (f, "Bostøtte Nord");
  save_unit (f, "Bostøtte Syd");
  kl_store_watch_reload_now (watch);
  run_idles ();
  g_assert_cmpuint (f->reloads, ==, 0);

  /* Released: one reload for all that happened meanwhile. */
  kl_store_watch_set_held (watch, FALSE);
  run_idles ();
  g_assert_cmpuint (f->reloads, ==, 1);

  /* Held and released with nothing changed: no reload. */
  kl_store_watch_set_held (watch, TRUE);
  kl_store_watch_set_held (watch, FALSE);
  run_idles ();
  g_assert_cmpuint (f->reloads, ==, 1);

  /* A queued reload that the owner has already done by other means. */
  save_unit (f, "Værestedet");
  kl_store_watch_cancel (watch);
  run_idles ();
  g_assert_cmpuint (f->reloads, ==, 1);

  /* Now, when free. */
  kl_store_watch_reload_now (watch);
  g_assert_cmpuint (f->reloads, ==, 2);
}

static guint page_reloads;

static void
on_page_reload (GtkWidget *page)
{
  g_assert_true (GTK_IS_LABEL (page));
  g_assert_true (gtk_widget_get_mapped (page));
  page_reloads++;
}

/* A page's watch is held while the page is not on screen. */
static void
test_widget_reloads_when_shown (Fixture       *f,
                                gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkStack *stack = GTK_STACK (gtk_stack_new ());
  GtkWidget *page = gtk_label_new ("page");
  GtkWidget *other = gtk_label_new ("other");
  g_autoptr(KlStoreWatch) watch = NULL;

  gtk_stack_add_named (stack, other, "other");
  gtk_stack_add_named (stack, page, "page");
  gtk_stack_set_visible_child (stack, other);
  gtk_window_set_child (window, GTK_WIDGET (stack));
  gtk_window_present (window);
  for (guint i = 0; i < 100 && !gtk_widget_get_mapped (other); i++)
    kl_test_wait (10);
  g_assert_true (gtk_widget_get_mapped (other));

  page_reloads = 0;
  watch = kl_live_watch (page, f->store, NULL, G_PRIORITY_HIGH_IDLE, G_CALLBACK (on_page_reload));
  g_assert_true (kl_store_watch_get_held (watch));

  save_unit (f, "Bostøtte Nord");
  save_unit (f, "Bostøtte Syd");
  kl_test_wait (50);
  g_assert_cmpuint (page_reloads, ==, 0);

  gtk_stack_set_visible_child (stack, page);
  for (guint i = 0; i < 100 && page_reloads == 0; i++)
    kl_test_wait (10);
  g_assert_cmpuint (page_reloads, ==, 1);
  g_assert_false (kl_store_watch_get_held (watch));

  /* On screen: each burst reloads, once. */
  save_unit (f, "Værestedet");
  save_unit (f, "Lindehuset");
  kl_test_wait (50);
  g_assert_cmpuint (page_reloads, ==, 2);

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  kl_test_init (&argc, &argv);
  gtk_init ();

  g_test_add ("/live/burst-reloads-once", Fixture, NULL, fixture_set_up, test_burst_reloads_once, fixture_tear_down);
  g_test_add ("/live/other-tables-ignored", Fixture, NULL, fixture_set_up, test_other_tables_ignored,
              fixture_tear_down);
  g_test_add ("/live/held-waits", Fixture, NULL, fixture_set_up, test_held_waits, fixture_tear_down);
  g_test_add ("/live/widget-reloads-when-shown", Fixture, NULL, fixture_set_up, test_widget_reloads_when_shown,
              fixture_tear_down);

  return g_test_run ();
}
