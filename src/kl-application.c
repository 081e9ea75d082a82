/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kl-application.h"
#include "kl-csv.h"
#include "kl-json.h"
#include "kl-pdf.h"
#include "kl-xlsx.h"
#include "kl-preferences-window.h"
#include "kl-resources.h"
#include "kl-window.h"

struct _KlApplication
{
  AdwApplication  parent_instance;

  KlSettings     *settings;
  KlStore        *store;
  char           *database_path;
};

G_DEFINE_FINAL_TYPE (KlApplication, kl_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use this database file instead of the default one (created if missing)"), N_("FILE") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Fill an empty database with an example organisation"), NULL },
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Merge a JSON exchange file into the database and exit"), N_("FILE.json") },
  { "export", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Export in this format (json, csv, xlsx or pdf) and exit"), N_("FORMAT") },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The file to export to"), N_("FILE") },
  { "report", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The CSV table: enrolments (default), staff, competences or courses"), N_("KIND") },
  { "from", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Export only from this date"), N_("YYYY-MM-DD") },
  { "to", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Export only up to this date"), N_("YYYY-MM-DD") },
  { "unit", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Export only this unit and its sub-units"), N_("NAME") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { NULL }
};

static int
fail_command_line (const char *message)
{
  g_autofree char *line = g_strdelimit (g_strdup (message), "\r\n", ' ');

  /* One line, always: scripts read it. */
  g_printerr ("kompetenceloeft: %s\n", line);
  return EXIT_FAILURE;
}

static gboolean
fill_demo (KlApplication  *self,
           GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  if (kl_store_fill_demo (self->store, &local_error))
    return TRUE;
  g_set_error (error, local_error->domain, local_error->code, "%s: %s",
               kl_store_get_path (self->store), local_error->message);
  return FALSE;
}

static gboolean
run_import (KlApplication  *self,
            const char     *path,
            GError        **error)
{
  KlImportSummary summary;
  g_autofree char *text = NULL;

  if (!kl_json_import_file (self->store, path, FALSE, &summary, error))
    return FALSE;

  text = kl_import_summary_to_string (&summary);
  if (*text != '\0')
    g_print ("%s\n", text);
  return TRUE;
}

static gboolean
parse_filter (KlApplication   *self,
              GVariantDict    *options,
              KlReportFilter  *filter,
              GError         **error)
{
  const char *unit = NULL;
  struct { const char *option; char **out; } dates[] = {
    { "from", &filter->from },
    { "to", &filter->to },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      const char *text = NULL;
      g_autoptr(GDate) date = NULL;

      if (!g_variant_dict_lookup (options, dates[i].option, "&s", &text))
        continue;
      date = kl_store_parse_date (text);
      if (date == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--%s=%s: not a date in the form YYYY-MM-DD"), dates[i].option, text);
          return FALSE;
        }
      *dates[i].out = g_strdup (text);
    }

  if (filter->from != NULL && filter->to != NULL && strcmp (filter->to, filter->from) < 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--to=%s is before --from=%s"), filter->to, filter->from);
      return FALSE;
    }

  if (g_variant_dict_lookup (options, "unit", "&s", &unit))
    {
      filter->unit_id = kl_store_find_unit (self->store, unit);
      if (filter->unit_id == 0)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--unit=%s: there is no unit with that name"), unit);
          return FALSE;
        }
      if (filter->unit_id < 0)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--unit=%s: several units have that name"), unit);
          return FALSE;
        }
    }
  return TRUE;
}

static void
filter_clear (KlReportFilter *filter)
{
  g_clear_pointer (&filter->from, g_free);
  g_clear_pointer (&filter->to, g_free);
}

static gboolean
run_export (KlApplication  *self,
            GVariantDict   *options,
            const char     *format,
            const char     *output,
            GError        **error)
{
  KlReportFilter filter = { NULL, NULL, 0 };
  const char *report = "enrolments";
  KlReportKind kind;
  gboolean ok = FALSE;

  g_variant_dict_lookup (options, "report", "&s", &report);
  if (!kl_report_kind_from_string (report, &kind) || kind > KL_REPORT_COURSES)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--report=%s: use enrolments, staff, competences or courses"), report);
      return FALSE;
    }

  /* Checked for every format, though json is always the whole database. */
  if (!parse_filter (self, options, &filter, error))
    {
      filter_clear (&filter);
      return FALSE;
    }

  if (g_str_equal (format, "json"))
    ok = kl_json_export_file (self->store, output, NULL, error);
  else if (g_str_equal (format, "csv"))
    ok = kl_csv_export_file (self->store, kind, &filter, kl_settings_get_csv_style_default (),
                             output, NULL, error);
  else if (g_str_equal (format, "xlsx"))
    ok = kl_xlsx_export_file (self->store, &filter, output, NULL, error);
  else if (g_str_equal (format, "pdf"))
    ok = kl_pdf_export_file (self->store, &filter, output, NULL, error);
  else
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 _("--export=%s: unknown format; use json, csv, xlsx or pdf"), format);

  filter_clear (&filter);
  return ok;
}

static int
kl_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  KlApplication *self = KL_APPLICATION (app);
  const char *database = NULL;
  const char *import = NULL;
  const char *export = NULL;
  const char *output = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "Kompetenceløft", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  g_variant_dict_lookup (options, "database", "^&ay", &database);
  g_variant_dict_lookup (options, "import", "^&ay", &import);
  g_variant_dict_lookup (options, "export", "&s", &export);
  g_variant_dict_lookup (options, "output", "^&ay", &output);

  if (output != NULL && export == NULL)
    return fail_command_line (_("--output needs --export=FORMAT"));
  if (export != NULL && output == NULL)
    return fail_command_line (_("--export needs --output=FILE"));
  if (export == NULL &&
      (g_variant_dict_contains (options, "report") ||
       g_variant_dict_contains (options, "from") ||
       g_variant_dict_contains (options, "to") ||
       g_variant_dict_contains (options, "unit")))
    return fail_command_line (_("--report, --from, --to and --unit only apply to --export"));
  if (import != NULL && export != NULL)
    return fail_command_line (_("--import and --export cannot be used together"));

  if (database != NULL && *database != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (database);

      self->database_path = g_file_get_path (file);
      if (self->database_path == NULL)
        {
          g_autofree char *message = NULL;

          /* Translators: %s is what was given, e.g. https://example.org/x.db */
          message = g_strdup_printf (_("--database=%s: not a local file"), database);
          return fail_command_line (message);
        }
      /* Another database is another document: do not hand it to a
       * running instance that has its own database open. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }
  else
    {
      self->database_path = kl_store_get_default_path ();
    }

  if (import != NULL || export != NULL || g_variant_dict_contains (options, "demo"))
    {
      g_autoptr(GError) error = NULL;
      gboolean demo = g_variant_dict_contains (options, "demo");

      if (!kl_application_open_database (self, self->database_path, &error))
        return fail_command_line (error->message);

      /* Demo data, import and export succeed together or change nothing. */
      if (!kl_store_begin_transaction (self->store, &error) ||
          (demo && !fill_demo (self, &error)) ||
          (import != NULL && !run_import (self, import, &error)) ||
          (export != NULL && !run_export (self, options, export, output, &error)) ||
          !kl_store_commit_transaction (self->store, &error))
        {
          kl_store_rollback_transaction (self->store);
          return fail_command_line (error->message);
        }

      if (import != NULL || export != NULL)
        return EXIT_SUCCESS;
    }

  return -1;
}

static void
on_backup_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KlWindow) window = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = kl_store_backup_finish (KL_STORE (object), result, &error);

  if (error != NULL && gtk_widget_get_root (GTK_WIDGET (window)) != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Automatic backup failed: %s"), error->message);
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_timeout (toast, 0);
      kl_window_add_toast (window, toast);
    }
}

/* For tools/bench: quit once the first frame is on screen. Nothing else
 * changes before that moment. */
static void
on_first_frame (GdkFrameClock *clock,
                KlApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame, self);
  g_application_quit (G_APPLICATION (self));
}

static void
on_window_mapped (GtkWidget     *window,
                  KlApplication *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_first_frame), self, 0);
}

static void
show_main_window (KlApplication *self,
                  const char    *note)
{
  KlWindow *window = kl_window_new (self);

  if (g_getenv ("KOMPETENCELOEFT_QUIT_AFTER_FIRST_FRAME") != NULL)
    g_signal_connect_object (window, "map", G_CALLBACK (on_window_mapped), self, G_CONNECT_AFTER);
  gtk_window_present (GTK_WINDOW (window));

  if (note != NULL)
    kl_window_add_toast (window, adw_toast_new (note));

  /* At most one automatic backup a day, in a worker thread. */
  kl_store_backup_async (self->store, TRUE, NULL, on_backup_done, g_object_ref (window));
}

typedef struct
{
  KlApplication *app;
  char          *path;
  char          *backup;
} RecoveryData;

static void
recovery_data_free (gpointer  data,
                    GClosure *closure)
{
  RecoveryData *recovery = data;

  g_object_unref (recovery->app);
  g_free (recovery->path);
  g_free (recovery->backup);
  g_free (recovery);
}

static void
on_recovery_response (AdwMessageDialog *dialog,
                      const char       *response,
                      RecoveryData     *recovery)
{
  KlApplication *self = recovery->app;
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *note = NULL;
  gboolean done = FALSE;

  if (g_str_equal (response, "restore"))
    {
      done = kl_store_restore_file (recovery->path, recovery->backup, &error) &&
             kl_application_open_database (self, recovery->path, &error);
      note = g_strdup (_("The newest backup was restored. The damaged file was kept beside it."));
    }
  else if (g_str_equal (response, "new"))
    {
      done = kl_store_set_aside (recovery->path, &aside, &error) &&
             kl_application_open_database (self, recovery->path, &error);
      if (done)
        note = g_strdup_printf (_("Started a new database. The damaged one was kept as %s."), aside);
    }

  /* Keep the application alive while the dialog is replaced. */
  g_application_hold (G_APPLICATION (self));
  gtk_window_destroy (GTK_WINDOW (dialog));

  if (done)
    show_main_window (self, note);
  else if (error != NULL)
    kl_application_show_database_error (self, recovery->path, error);

  g_application_release (G_APPLICATION (self));
}

/**
 * kl_application_show_database_error:
 * @self: a #KlApplication
 * @path: the database that could not be opened
 * @error: why
 *
 * Explains why the database cannot be used, never repairing it silently:
 * a damaged file can be replaced by the newest backup or set aside for a
 * new database; either way the damaged file is kept.
 */
void
kl_application_show_database_error (KlApplication *self,
                                    const char    *path,
                                    const GError  *error)
{
  g_autoptr(GPtrArray) backups = kl_store_list_backups_for (path);
  AdwMessageDialog *dialog;
  RecoveryData *recovery;
  gboolean damaged = g_error_matches (error, KL_STORE_ERROR, KL_STORE_ERROR_CORRUPT) ||
                     g_error_matches (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_A_DATABASE);
  GString *body = g_string_new (error->message);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, _("Could Not Open the Database"), NULL));
  adw_message_dialog_add_response (dialog, "close", _("_Quit"));

  recovery = g_new0 (RecoveryData, 1);
  recovery->app = g_object_ref (self);
  recovery->path = g_strdup (path);

  if (damaged)
    {
      g_string_append (body, "\n\n");
      g_string_append (body, _("The file has not been changed. You can start a new, empty database; the damaged file is then kept beside it under a new name."));
      adw_message_dialog_add_response (dialog, "new", _("Start _New Database"));

      if (backups->len > 0)
        {
          recovery->backup = g_strdup (g_ptr_array_index (backups, 0));
          g_string_append (body, " ");
          g_string_append (body, _("Or restore the newest automatic backup."));
          adw_message_dialog_add_response (dialog, "restore", _("_Restore Backup"));
          adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
          adw_message_dialog_set_default_response (dialog, "restore");
        }
    }

  adw_message_dialog_set_body (dialog, body->str);
  g_string_free (body, TRUE);
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_recovery_response),
                         recovery, recovery_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
kl_application_activate (GApplication *app)
{
  KlApplication *self = KL_APPLICATION (app);
  GtkWindow *window;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  path = self->database_path ? g_strdup (self->database_path) : kl_store_get_default_path ();
  if (self->store == NULL && !kl_application_open_database (self, path, &error))
    {
      kl_application_show_database_error (self, path, error);
      return;
    }

  show_main_window (self, NULL);
}

static void
update_color_scheme (KlApplication *self)
{
  static const AdwColorScheme schemes[] = {
    [KL_COLOR_SCHEME_DEFAULT] = ADW_COLOR_SCHEME_DEFAULT,
    [KL_COLOR_SCHEME_LIGHT] = ADW_COLOR_SCHEME_FORCE_LIGHT,
    [KL_COLOR_SCHEME_DARK] = ADW_COLOR_SCHEME_FORCE_DARK,
  };
  KlColorScheme scheme = kl_settings_get_color_scheme (self->settings);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), schemes[scheme]);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  KlApplication *self = KL_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  KlPreferencesWindow *preferences;

  preferences = kl_preferences_window_new (self->settings, self->store);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_set_application (GTK_WINDOW (preferences), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  KlApplication *self = KL_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Kompetenceløft team", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application", self,
                        "application-name", _("Kompetenceløft"),
                        "application-icon", BASE_APPLICATION_ID,
                        "developer-name", _("The Kompetenceløft team"),
                        "version", PACKAGE_VERSION,
                        "website", "https://github.com/kompetenceloeft/kompetenceloeft",
                        "issue-url", "https://github.com/kompetenceloeft/kompetenceloeft/issues",
                        "copyright", "© 2026 The Kompetenceløft team",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: Replace "translator-credits" with your names, one name per line */
                        "translator-credits", _("translator-credits"),
                        "comments", _("Plan competence development and follow up on professional leadership in social psychiatry."),
                        NULL);
  adw_about_window_add_acknowledgement_section (ADW_ABOUT_WINDOW (about),
                                                _("Built on the work of"),
                                                (const char *[]) {
                                                  "Socialstyrelsen — Syv principper for faglig ledelse https://www.sbst.dk",
                                                  NULL
                                                });
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "preferences", preferences_activated },
  { "about", about_activated },
};

static void
kl_application_startup (GApplication *app)
{
  KlApplication *self = KL_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *help_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (kl_application_parent_class)->startup (app);

  /* GTK loads icons in worker threads; gdk-pixbuf's loader registry is not
   * safe to initialise from several at once, so do it here first. */
  g_slist_free (gdk_pixbuf_get_formats ());

  gtk_window_set_default_icon_name (BASE_APPLICATION_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", help_accels);

  for (guint i = 0; i < 5; i++)
    {
      static const char *sections[] = { "overview", "staff", "courses", "matrix", "principles" };
      g_autofree char *detailed = g_strdup_printf ("win.show-section::%s", sections[i]);
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", i + 1);
      const char *accels[] = { accel, NULL };

      gtk_application_set_accels_for_action (GTK_APPLICATION (self), detailed, accels);
    }

  self->settings = kl_settings_new ();
  g_signal_connect_object (self->settings, "notify::color-scheme",
                           G_CALLBACK (update_color_scheme), self,
                           G_CONNECT_SWAPPED);
  update_color_scheme (self);
}

static void
kl_application_finalize (GObject *object)
{
  KlApplication *self = (KlApplication *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (kl_application_parent_class)->finalize (object);
}

static void
kl_application_class_init (KlApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = kl_application_finalize;

  /* The static library's resources are only linked in when referenced. */
  kl_register_resource ();

  app_class->handle_local_options = kl_application_handle_local_options;
  app_class->startup = kl_application_startup;
  app_class->activate = kl_application_activate;
}

static void
kl_application_init (KlApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Plan staff competence development and follow up on professional leadership."));
}

/**
 * kl_application_new:
 *
 * Creates the application object. The database is opened when the
 * application is activated, from `--database` or the default location.
 *
 * Returns: (transfer full): a new #KlApplication
 */
KlApplication *
kl_application_new (void)
{
  return g_object_new (KL_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

KlSettings *
kl_application_get_settings (KlApplication *self)
{
  g_return_val_if_fail (KL_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * kl_application_open_database:
 * @self: a #KlApplication
 * @path: the database file, created if missing
 * @error: return location for a #GError
 *
 * Opens @path as the application's database, replacing any open one.
 *
 * Returns: %TRUE if the database is open
 */
gboolean
kl_application_open_database (KlApplication  *self,
                              const char     *path,
                              GError        **error)
{
  KlStore *store;

  g_return_val_if_fail (KL_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  store = kl_store_open (path, error);
  if (store == NULL)
    return FALSE;

  g_set_object (&self->store, store);
  g_object_unref (store);
  return TRUE;
}

/**
 * kl_application_get_store:
 * @self: a #KlApplication
 *
 * Returns: (transfer none) (nullable): the open database, once activated
 */
KlStore *
kl_application_get_store (KlApplication *self)
{
  g_return_val_if_fail (KL_IS_APPLICATION (self), NULL);

  return self->store;
}
