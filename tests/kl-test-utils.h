/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kl-application.h"

G_BEGIN_DECLS

void           kl_test_init              (int        *argc,
                                          char     ***argv);
void           kl_test_set_language      (const char *language);
char          *kl_test_tmp_path          (const char *name);
KlApplication *kl_test_application_new   (const char *database);
void           kl_test_wait              (guint       msec);
char          *kl_test_collect_text      (GtkWidget  *root);
GtkWindow     *kl_test_find_window       (GType       type);
GtkWidget     *kl_test_find_descendant   (GtkWidget  *root,
                                          const char *name);

/* For async calls: pass kl_test_keep_result as the callback and a
 * GAsyncResult * (NULL) as its data; kl_test_wait_result() runs the main
 * context until it is set and returns it. */
void           kl_test_keep_result       (GObject       *source,
                                          GAsyncResult  *result,
                                          gpointer       data);
GAsyncResult  *kl_test_wait_result       (GAsyncResult **slot);

/* What a user sees, once the view has settled: views update in idle
 * callbacks, so these wait up to three seconds for the text to come (or go). */
gboolean       kl_test_wait_for_text     (GtkWidget  *root,
                                          const char *needle,
                                          gboolean    present);

#define kl_assert_text_contains(root, needle) \
  G_STMT_START { \
    if (!kl_test_wait_for_text (GTK_WIDGET (root), (needle), TRUE)) \
      { \
        g_autofree char *__text = kl_test_collect_text (GTK_WIDGET (root)); \
        g_error ("Expected to see “%s” but the widget shows:\n%s", (needle), __text); \
      } \
  } G_STMT_END

#define kl_assert_text_lacks(root, needle) \
  G_STMT_START { \
    if (!kl_test_wait_for_text (GTK_WIDGET (root), (needle), FALSE)) \
      { \
        g_autofree char *__text = kl_test_collect_text (GTK_WIDGET (root)); \
        g_error ("Did not expect to see “%s” but the widget shows:\n%s", (needle), __text); \
      } \
  } G_STMT_END

G_END_DECLS
