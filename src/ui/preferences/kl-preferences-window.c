/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "kl-preferences-window.h"
#include "kl-units-page.h"

struct _KlPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  KlSettings           *settings;
  KlStore              *store;

  AdwComboRow          *style_row;
  AdwComboRow          *csv_row;
  AdwActionRow         *database_row;
  AdwPreferencesGroup  *backups_group;
  AdwActionRow         *no_backups_row;
  GtkButton            *backup_button;
  GPtrArray            *backup_rows;
};

G_DEFINE_FINAL_TYPE (KlPreferencesWindow, kl_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "kompetenceloeft-20261123-093000.db" → a date a person reads */
static char *
format_backup_name (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  gsize len = strlen (base);
  int y, mo, d, h, mi, sec;

  if (len < 18 ||
      sscanf (base + len - 18, "%4d%2d%2d-%2d%2d%2d.db", &y, &mo, &d, &h, &mi, &sec) != 6 ||
      (utc = g_date_time_new_utc (y, mo, d, h, mi, sec)) == NULL)
    return g_steal_pointer (&base);

  local = g_date_time_to_local (utc);
  /* Translators: a backup's date and time, see g_date_time_format() */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

static void
on_restore_response (AdwMessageDialog    *dialog,
                     const char          *response,
                     KlPreferencesWindow *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "backup-path");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "restore"))
    return;

  if (kl_store_restore_backup (self->store, path, &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                      adw_toast_new (_("Backup restored")));
  else
    {
      g_autofree char *title = g_strdup_printf (_("Could not restore the backup: %s"), error->message);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (title));
    }
  kl_preferences_window_update_backups (self);
}

static void
on_restore_clicked (GtkButton           *button,
                    KlPreferencesWindow *self)
{
  const char *path = g_object_get_data (G_OBJECT (button), "backup-path");
  g_autofree char *when = format_backup_name (path);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                        _("Restore This Backup?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("Everything will be as it was on %s. The current data is backed up first, so this can be undone by restoring that backup."),
                                  when);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "backup-path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_restore_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * kl_preferences_window_update_backups:
 *
 * Lists the database's backups, newest first, each with a Restore button.
 */
void
kl_preferences_window_update_backups (KlPreferencesWindow *self)
{
  g_autoptr(GPtrArray) backups = NULL;

  g_return_if_fail (KL_IS_PREFERENCES_WINDOW (self));

  for (guint i = 0; i < self->backup_rows->len; i++)
    adw_preferences_group_remove (self->backups_group, g_ptr_array_index (self->backup_rows, i));
  g_ptr_array_set_size (self->backup_rows, 0);

  backups = self->store ? kl_store_list_backups (self->store) : g_ptr_array_new ();
  gtk_widget_set_visible (GTK_WIDGET (self->no_backups_row), backups->len == 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->backup_button), self->store != NULL);

  for (guint i = 0; i < backups->len; i++)
    {
      const char *path = g_ptr_array_index (backups, i);
      g_autofree char *title = format_backup_name (path);
      g_autofree char *accessible = g_strdup_printf (_("Restore the backup from %s"), title);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      g_object_set_data_full (G_OBJECT (button), "backup-path", g_strdup (path), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_restore_clicked), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->backups_group, row);
      g_ptr_array_add (self->backup_rows, row);
    }
}

static void
on_backup_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KlPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = kl_store_backup_finish (KL_STORE (object), result, &error);

  gtk_widget_set_sensitive (GTK_WIDGET (self->backup_button), TRUE);
  if (path == NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Could not back up: %s"), error->message);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (title));
      return;
    }

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (_("Backup made")));
  kl_preferences_window_update_backups (self);
}

static void
on_backup_clicked (KlPreferencesWindow *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->backup_button), FALSE);
  kl_store_backup_async (self->store, FALSE, NULL, on_backup_done, g_object_ref (self));
}

static void
kl_preferences_window_constructed (GObject *object)
{
  KlPreferencesWindow *self = (KlPreferencesWindow *)object;

  G_OBJECT_CLASS (kl_preferences_window_parent_class)->constructed (object);

  g_object_bind_property (self->settings, "color-scheme",
                          self->style_row, "selected",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (self->settings, "csv-style",
                          self->csv_row, "selected",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);

  if (self->store != NULL)
    {
      adw_action_row_set_subtitle (self->database_row, kl_store_get_path (self->store));
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                  ADW_PREFERENCES_PAGE (kl_units_page_new (self->store)));
    }
  kl_preferences_window_update_backups (self);
}

static void
kl_preferences_window_dispose (GObject *object)
{
  KlPreferencesWindow *self = (KlPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KL_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->backup_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (kl_preferences_window_parent_class)->dispose (object);
}

static void
kl_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  KlPreferencesWindow *self = KL_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_preferences_window_class_init (KlPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kl_preferences_window_constructed;
  object_class->dispose = kl_preferences_window_dispose;
  object_class->set_property = kl_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         KL_TYPE_SETTINGS,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         KL_TYPE_STORE,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/preferences/kl-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KlPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, KlPreferencesWindow, csv_row);
  gtk_widget_class_bind_template_child (widget_class, KlPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, KlPreferencesWindow, backups_group);
  gtk_widget_class_bind_template_child (widget_class, KlPreferencesWindow, no_backups_row);
  gtk_widget_class_bind_template_child (widget_class, KlPreferencesWindow, backup_button);
  gtk_widget_class_bind_template_callback (widget_class, on_backup_clicked);
}

static void
kl_preferences_window_init (KlPreferencesWindow *self)
{
  self->backup_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kl_preferences_window_new:
 * @settings: the application's settings
 * @store: (nullable): the open database, shown by its location
 *
 * Returns: (transfer full): a new preferences window
 */
KlPreferencesWindow *
kl_preferences_window_new (KlSettings *settings,
                           KlStore    *store)
{
  g_return_val_if_fail (KL_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (store == NULL || KL_IS_STORE (store), NULL);

  return g_object_new (KL_TYPE_PREFERENCES_WINDOW,
                       "settings", settings,
                       "store", store,
                       NULL);
}
