/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "kl-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KlApplication) app = NULL;
  const char *localedir;

  /* Running from the build tree (tools/run, tests) points this at the
   * freshly built catalogues instead of the installed ones. */
  localedir = g_getenv ("KOMPETENCELOEFT_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = kl_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
