/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kl-preferences-window.h"

struct _KlPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  KlSettings           *settings;
  KlStore              *store;

  AdwComboRow          *style_row;
  AdwActionRow         *database_row;
};

G_DEFINE_FINAL_TYPE (KlPreferencesWindow, kl_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kl_preferences_window_constructed (GObject *object)
{
  KlPreferencesWindow *self = (KlPreferencesWindow *)object;

  G_OBJECT_CLASS (kl_preferences_window_parent_class)->constructed (object);

  g_object_bind_property (self->settings, "color-scheme",
                          self->style_row, "selected",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);

  if (self->store != NULL)
    adw_action_row_set_subtitle (self->database_row, kl_store_get_path (self->store));
}

static void
kl_preferences_window_dispose (GObject *object)
{
  KlPreferencesWindow *self = (KlPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KL_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

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

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/kl-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KlPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, KlPreferencesWindow, database_row);
}

static void
kl_preferences_window_init (KlPreferencesWindow *self)
{
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
