/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "kl-export-dialog.h"
#include "kl-form.h"
#include "kl-unit-choice.h"
#include "kl-window.h"

struct _KlExportDialog
{
  AdwWindow             parent_instance;

  KlStore              *store;
  KlCsvStyle            csv_style;
  GArray               *unit_ids;        /* position in unit_row → unit id, 0 for all */
  GCancellable         *cancellable;
  char                 *path;            /* of the export under way */
  GtkFileChooserNative *chooser;
  guint                 pulse_source;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwComboRow          *format_row;
  AdwComboRow          *report_row;
  AdwPreferencesGroup  *filter_group;
  AdwComboRow          *unit_row;
  AdwEntryRow          *from_row;
  AdwEntryRow          *to_row;
  GtkLabel             *date_error;
  GtkProgressBar       *progress_bar;
  GtkButton            *export_button;
};

G_DEFINE_FINAL_TYPE (KlExportDialog, kl_export_dialog, ADW_TYPE_WINDOW)

static KlExportFormat
selected_format (KlExportDialog *self)
{
  return adw_combo_row_get_selected (self->format_row);
}

static void
update_state (KlExportDialog *self)
{
  KlExportFormat format = selected_format (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(KlExportOptions) options = NULL;
  gboolean busy = self->cancellable != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->report_row), format == KL_EXPORT_CSV);
  /* The exchange file is always the whole database. */
  gtk_widget_set_visible (GTK_WIDGET (self->filter_group), format != KL_EXPORT_JSON);

  options = kl_export_dialog_get_options (self, &error);
  gtk_label_set_label (self->date_error, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->date_error), error != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-file", options != NULL && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.cancel", busy);
  gtk_stack_set_visible_child_name (self->stack, busy ? "progress" : "options");
}

static void
on_format_changed (KlExportDialog *self)
{
  update_state (self);
}

static void
on_date_changed (KlExportDialog *self,
                 GtkEditable    *editable)
{
  g_autofree char *iso = kl_parse_user_date (gtk_editable_get_text (editable));

  if (iso == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  update_state (self);
}

/**
 * kl_export_dialog_get_options:
 *
 * Returns: (transfer full) (nullable): what the dialog is set to export
 *   (without a path yet), or %NULL with a message saying what to correct
 */
KlExportOptions *
kl_export_dialog_get_options (KlExportDialog  *self,
                              GError         **error)
{
  g_autoptr(KlExportOptions) options = g_new0 (KlExportOptions, 1);
  g_autofree char *from = kl_parse_user_date (gtk_editable_get_text (GTK_EDITABLE (self->from_row)));
  g_autofree char *to = kl_parse_user_date (gtk_editable_get_text (GTK_EDITABLE (self->to_row)));
  guint unit = adw_combo_row_get_selected (self->unit_row);

  options->format = selected_format (self);
  options->report = adw_combo_row_get_selected (self->report_row);
  options->csv_style = self->csv_style;

  if (options->format == KL_EXPORT_JSON)
    return g_steal_pointer (&options);

  if (from == NULL || to == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Write dates as day-month-year, for example 31-12-2026"));
      return NULL;
    }
  if (*from != '\0' && *to != '\0' && g_strcmp0 (to, from) < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The period ends before it starts"));
      return NULL;
    }

  options->filter.from = *from ? g_steal_pointer (&from) : NULL;
  options->filter.to = *to ? g_steal_pointer (&to) : NULL;
  if (self->unit_ids != NULL && unit < self->unit_ids->len)
    options->filter.unit_id = g_array_index (self->unit_ids, gint64, unit);

  return g_steal_pointer (&options);
}

gboolean
kl_export_dialog_get_busy (KlExportDialog *self)
{
  g_return_val_if_fail (KL_IS_EXPORT_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

static gboolean
pulse (gpointer user_data)
{
  KlExportDialog *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
stop_busy (KlExportDialog *self)
{
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  g_clear_object (&self->cancellable);
  update_state (self);
}

static void
on_export_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KlExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  kl_export_finish (KL_STORE (object), result, &error);
  stop_busy (self);

  if (error == NULL)
    {
      g_autofree char *name = g_path_get_basename (self->path);
      g_autofree char *title = g_strdup_printf (_("Exported to %s"), name);
      g_autoptr(GFile) file = g_file_new_for_path (self->path);
      g_autofree char *uri = g_file_get_uri (file);
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "win.open-file");
      adw_toast_set_action_target (toast, "s", uri);

      if (KL_IS_WINDOW (parent))
        kl_window_add_toast (KL_WINDOW (parent), toast);
      else
        adw_toast_overlay_add_toast (self->toast_overlay, toast);
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Export stopped; no file was written")));
    }
  else
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Export Failed"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

/**
 * kl_export_dialog_export_to:
 *
 * Starts the export into @path in a worker thread; what the file
 * chooser calls once a file is picked.
 */
void
kl_export_dialog_export_to (KlExportDialog *self,
                            const char     *path)
{
  g_autoptr(KlExportOptions) options = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (KL_IS_EXPORT_DIALOG (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (self->cancellable == NULL);

  options = kl_export_dialog_get_options (self, &error);
  if (options == NULL)
    return;
  options->path = g_strdup (path);
  g_free (self->path);
  self->path = g_strdup (path);

  self->cancellable = g_cancellable_new ();
  self->pulse_source = g_timeout_add (100, pulse, self);
  update_state (self);

  kl_export_async (self->store, options, self->cancellable, on_export_done, g_object_ref (self));
}

static void
on_chooser_response (KlExportDialog       *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        kl_export_dialog_export_to (self, path);
    }
  g_clear_object (&self->chooser);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KlExportDialog *self = KL_EXPORT_DIALOG (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d");
  KlExportFormat format = selected_format (self);
  g_autofree char *name = NULL;

  /* Translators: the start of a suggested file name; keep it short, no spaces */
  name = g_strdup_printf ("%s-%s%s",
                          format == KL_EXPORT_JSON ? _("kompetenceloeft") : _("training-overview"),
                          stamp, kl_export_format_suffix (format));

  self->chooser = gtk_file_chooser_native_new (_("Export To"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KlExportDialog *self = KL_EXPORT_DIALOG (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
load_units (KlExportDialog *self)
{
  g_autoptr(GPtrArray) units = kl_store_list_units (self->store, NULL);
  g_autoptr(GtkStringList) names = kl_unit_choice_names (units, _("All units"), self->unit_ids);

  adw_combo_row_set_model (self->unit_row, G_LIST_MODEL (names));
}

static void
kl_export_dialog_dispose (GObject *object)
{
  KlExportDialog *self = (KlExportDialog *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), KL_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->chooser);

  G_OBJECT_CLASS (kl_export_dialog_parent_class)->dispose (object);
}

static void
kl_export_dialog_finalize (GObject *object)
{
  KlExportDialog *self = (KlExportDialog *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->unit_ids, g_array_unref);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (kl_export_dialog_parent_class)->finalize (object);
}

static void
kl_export_dialog_class_init (KlExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kl_export_dialog_dispose;
  object_class->finalize = kl_export_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/shell/kl-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KlExportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KlExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, KlExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, KlExportDialog, report_row);
  gtk_widget_class_bind_template_child (widget_class, KlExportDialog, filter_group);
  gtk_widget_class_bind_template_child (widget_class, KlExportDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, KlExportDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, KlExportDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, KlExportDialog, date_error);
  gtk_widget_class_bind_template_child (widget_class, KlExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, KlExportDialog, export_button);
  gtk_widget_class_bind_template_callback (widget_class, on_format_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed);

  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kl_export_dialog_init (KlExportDialog *self)
{
  self->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kl_export_dialog_new:
 * @parent: the main window
 * @store: the database to export
 * @csv_style: the CSV style from the preferences
 *
 * Returns: (transfer none): a new export dialog
 */
KlExportDialog *
kl_export_dialog_new (GtkWindow  *parent,
                      KlStore    *store,
                      KlCsvStyle  csv_style)
{
  KlExportDialog *self;

  g_return_val_if_fail (KL_IS_STORE (store), NULL);

  self = g_object_new (KL_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->csv_style = csv_style;
  load_units (self);
  update_state (self);

  return self;
}
