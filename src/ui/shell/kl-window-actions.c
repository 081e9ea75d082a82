/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kl-export-dialog.h"
#include "kl-io-task.h"
#include "kl-window-private.h"

/* The window's actions: the win.* names that pages, menus and shortcuts
 * use to move between sections, open a person or a course, and to
 * import and export. */

static void
show_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _kl_window_show_section (KL_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KlWindow *self = KL_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KlWindow *self = KL_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  KlCsvStyle style = KL_CSV_DANISH;
  KlExportDialog *dialog;

  if (KL_IS_APPLICATION (app))
    style = kl_settings_get_csv_style (kl_application_get_settings (KL_APPLICATION (app)));

  dialog = kl_export_dialog_new (GTK_WINDOW (self), self->store, style);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_first_staff_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  KlWindow *self = KL_WINDOW (widget);
  g_autoptr(KlStaff) first = NULL;

  _kl_window_show_section (self, "staff");
  if (self->staff_page == NULL)
    return;
  first = g_list_model_get_item (kl_staff_page_get_model (self->staff_page), 0);
  if (first != NULL)
    kl_staff_page_show_staff (self->staff_page, kl_record_get_id (KL_RECORD (first)));
}

static void
show_first_course_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  KlWindow *self = KL_WINDOW (widget);
  g_autoptr(KlCourse) first = NULL;

  _kl_window_show_section (self, "courses");
  if (self->courses_page == NULL)
    return;
  first = g_list_model_get_item (kl_courses_page_get_model (self->courses_page), 0);
  if (first != NULL)
    kl_courses_page_show_course (self->courses_page, kl_record_get_id (KL_RECORD (first)));
}

static void
show_staff_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  kl_window_show_staff (KL_WINDOW (widget), g_variant_get_int64 (parameter));
}

/* The matrix sorted by the gap in one theme, for a unit: where the
 * overview's figures lead. */
static void
show_matrix_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KlWindow *self = KL_WINDOW (widget);
  gint64 unit_id, theme_id;

  g_variant_get (parameter, "(xx)", &unit_id, &theme_id);
  _kl_window_show_section (self, "matrix");
  if (self->matrix_page != NULL)
    kl_matrix_page_show_theme (self->matrix_page, unit_id, theme_id);
}

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  /* Through the OpenURI portal inside Flatpak. */
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

static void
show_error (KlWindow   *self,
            const char *heading,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KlWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  KlImportSummary summary;
  guint added = 0, updated = 0;
  g_autofree char *title = NULL;

  g_clear_object (&self->cancellable);
  if (!kl_import_finish (KL_STORE (object), result, &summary, &error))
    {
      show_error (self, _("Import Failed"), error->message);
      return;
    }

  for (guint i = 0; i < KL_IMPORT_N_ARRAYS; i++)
    {
      added += summary.counts[i].added;
      updated += summary.counts[i].updated;
    }
  /* Translators: after an import, e.g. "Imported: 12 added, 3 updated" */
  title = g_strdup_printf (_("Imported: %u added, %u updated"), added, updated);
  kl_window_add_toast (self, adw_toast_new (title));
}

static void
on_import_confirmed (AdwMessageDialog *dialog,
                     const char       *response,
                     KlWindow         *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");

  if (!g_str_equal (response, "import") || self->cancellable != NULL)
    return;

  self->cancellable = g_cancellable_new ();
  kl_import_async (self->store, path, FALSE, self->cancellable, on_import_done, g_object_ref (self));
}

/* The dry run: tell the user what an import would do before it does it. */
static void
on_import_checked (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(KlWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *path = self->import_path;
  KlImportSummary summary;
  AdwMessageDialog *dialog;

  g_clear_object (&self->cancellable);
  if (!kl_import_finish (KL_STORE (object), result, &summary, &error))
    {
      show_error (self, _("This File Cannot Be Imported"), error->message);
      return;
    }

  text = kl_import_summary_to_string (&summary);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Import This File?"), NULL));
  adw_message_dialog_format_body (dialog, "%s\n\n%s",
                                  _("Records with the same id are updated; new ones are added. Nothing is deleted."),
                                  *text ? text : _("The file has no records."));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "import", _("_Import"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "import");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_import_confirmed), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * kl_window_import_file:
 *
 * Checks @path in a worker thread and asks the user to confirm the
 * import, showing what will be added and updated.
 */
void
kl_window_import_file (KlWindow   *self,
                       const char *path)
{
  g_return_if_fail (KL_IS_WINDOW (self));

  if (self->cancellable != NULL)
    return;
  g_free (self->import_path);
  self->import_path = g_strdup (path);
  self->cancellable = g_cancellable_new ();
  kl_import_async (self->store, path, TRUE, self->cancellable, on_import_checked, g_object_ref (self));
}

static void
on_import_chooser_response (KlWindow             *self,
                            int                   response,
                            GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        kl_window_import_file (self, path);
    }
  g_clear_object (&self->import_chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KlWindow *self = KL_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Exchange files (JSON)"));
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_filter_add_mime_type (filter, "application/json");

  self->import_chooser = gtk_file_chooser_native_new (_("Import"), GTK_WINDOW (self),
                                                      GTK_FILE_CHOOSER_ACTION_OPEN,
                                                      _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->import_chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->import_chooser), filter);
  g_signal_connect_object (self->import_chooser, "response", G_CALLBACK (on_import_chooser_response),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->import_chooser));
}

void
_kl_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-section", "s", show_section_action);
  gtk_widget_class_install_action (widget_class, "win.show-staff", "x", show_staff_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.show-first-staff", NULL, show_first_staff_action);
  gtk_widget_class_install_action (widget_class, "win.show-first-course", NULL, show_first_course_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.open-file", "s", open_file_action);
  gtk_widget_class_install_action (widget_class, "win.show-matrix", "(xx)", show_matrix_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
}
