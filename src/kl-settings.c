/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kl-settings.h"

struct _KlSettings
{
  GObject    parent_instance;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (KlSettings, kl_settings, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_COLOR_SCHEME,
  PROP_CSV_STYLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_settings_changed (KlSettings *self,
                     const char *key,
                     GSettings  *settings)
{
  if (g_str_equal (key, "color-scheme"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR_SCHEME]);
  else if (g_str_equal (key, "csv-style"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CSV_STYLE]);
}

static void
kl_settings_finalize (GObject *object)
{
  KlSettings *self = (KlSettings *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kl_settings_parent_class)->finalize (object);
}

static void
kl_settings_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KlSettings *self = KL_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_COLOR_SCHEME:
      g_value_set_int (value, kl_settings_get_color_scheme (self));
      break;

    case PROP_CSV_STYLE:
      g_value_set_int (value, kl_settings_get_csv_style (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_settings_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  KlSettings *self = KL_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_COLOR_SCHEME:
      kl_settings_set_color_scheme (self, g_value_get_int (value));
      break;

    case PROP_CSV_STYLE:
      kl_settings_set_csv_style (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_settings_class_init (KlSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kl_settings_finalize;
  object_class->get_property = kl_settings_get_property;
  object_class->set_property = kl_settings_set_property;

  properties[PROP_COLOR_SCHEME] =
    g_param_spec_int ("color-scheme", NULL, NULL,
                      KL_COLOR_SCHEME_DEFAULT, KL_COLOR_SCHEME_DARK,
                      KL_COLOR_SCHEME_DEFAULT,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CSV_STYLE] =
    g_param_spec_int ("csv-style", NULL, NULL,
                      0, 1, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kl_settings_init (KlSettings *self)
{
  self->settings = g_settings_new (BASE_APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (on_settings_changed), self,
                           G_CONNECT_SWAPPED);
}

KlSettings *
kl_settings_new (void)
{
  return g_object_new (KL_TYPE_SETTINGS, NULL);
}

KlColorScheme
kl_settings_get_color_scheme (KlSettings *self)
{
  g_return_val_if_fail (KL_IS_SETTINGS (self), KL_COLOR_SCHEME_DEFAULT);

  return g_settings_get_enum (self->settings, "color-scheme");
}

void
kl_settings_set_color_scheme (KlSettings    *self,
                              KlColorScheme  scheme)
{
  g_return_if_fail (KL_IS_SETTINGS (self));
  g_return_if_fail (scheme <= KL_COLOR_SCHEME_DARK);

  g_settings_set_enum (self->settings, "color-scheme", scheme);
}

/**
 * kl_settings_restore_window_state:
 * @self: a #KlSettings
 * @window: a #GtkWindow that is not shown yet
 *
 * Gives @window the size and maximised state saved when the last main
 * window was closed.
 */
void
kl_settings_restore_window_state (KlSettings *self,
                                  GtkWindow  *window)
{
  g_return_if_fail (KL_IS_SETTINGS (self));
  g_return_if_fail (GTK_IS_WINDOW (window));

  gtk_window_set_default_size (window,
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (window);
}

/**
 * kl_settings_save_window_state:
 * @self: a #KlSettings
 * @window: the main window, about to close
 *
 * Saves @window's size and maximised state for the next start.
 */
void
kl_settings_save_window_state (KlSettings *self,
                               GtkWindow  *window)
{
  int width, height;

  g_return_if_fail (KL_IS_SETTINGS (self));
  g_return_if_fail (GTK_IS_WINDOW (window));

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);
}

/* 0: Danish (;, decimal comma), 1: international (,, decimal point) */
int
kl_settings_get_csv_style (KlSettings *self)
{
  g_return_val_if_fail (KL_IS_SETTINGS (self), 0);

  return g_settings_get_enum (self->settings, "csv-style");
}

void
kl_settings_set_csv_style (KlSettings *self,
                           int         style)
{
  g_return_if_fail (KL_IS_SETTINGS (self));

  g_settings_set_enum (self->settings, "csv-style", style);
}

/**
 * kl_settings_get_csv_style_default:
 *
 * The CSV style for the command line, which may run where the app's
 * settings schema is not installed: then the Danish style.
 */
int
kl_settings_get_csv_style_default (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, BASE_APPLICATION_ID, TRUE);
  if (schema == NULL)
    return 0;

  settings = g_settings_new_full (schema, NULL, NULL);
  return g_settings_get_enum (settings, "csv-style");
}
