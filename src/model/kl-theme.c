/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kl-theme.h"

/* A competence theme. Built-in themes have a slug as uuid and an English msgid as name. */
struct _KlTheme
{
  KlRecord parent_instance;

  char *name;
  gboolean builtin;
  gboolean archived;
  int position;
};

G_DEFINE_FINAL_TYPE (KlTheme, kl_theme, KL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_BUILTIN,
  PROP_ARCHIVED,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kl_theme_finalize (GObject *object)
{
  KlTheme *self = (KlTheme *)object;

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (kl_theme_parent_class)->finalize (object);
}

static void
kl_theme_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  KlTheme *self = KL_THEME (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_BUILTIN:
      g_value_set_boolean (value, self->builtin);
      break;

    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->archived);
      break;

    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_theme_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  KlTheme *self = KL_THEME (object);

  switch (prop_id)
    {
    case PROP_NAME:
      kl_theme_set_name (self, g_value_get_string (value));
      break;

    case PROP_BUILTIN:
      kl_theme_set_builtin (self, g_value_get_boolean (value));
      break;

    case PROP_ARCHIVED:
      kl_theme_set_archived (self, g_value_get_boolean (value));
      break;

    case PROP_POSITION:
      kl_theme_set_position (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_theme_class_init (KlThemeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kl_theme_finalize;
  object_class->get_property = kl_theme_get_property;
  object_class->set_property = kl_theme_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BUILTIN] =
    g_param_spec_boolean ("builtin", NULL, NULL,
                           FALSE,
                           (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ARCHIVED] =
    g_param_spec_boolean ("archived", NULL, NULL,
                           FALSE,
                           (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL,
                       -1, G_MAXINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kl_theme_init (KlTheme *self)
{
}

KlTheme *
kl_theme_new (void)
{
  return g_object_new (KL_TYPE_THEME, NULL);
}

const char *
kl_theme_get_name (KlTheme *self)
{
  g_return_val_if_fail (KL_IS_THEME (self), NULL);

  return self->name;
}

void
kl_theme_set_name (KlTheme *self,
                  const char *name)
{
  g_return_if_fail (KL_IS_THEME (self));

  if (kl_record_set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

gboolean
kl_theme_get_builtin (KlTheme *self)
{
  g_return_val_if_fail (KL_IS_THEME (self), FALSE);

  return self->builtin;
}

void
kl_theme_set_builtin (KlTheme *self,
                     gboolean builtin)
{
  g_return_if_fail (KL_IS_THEME (self));

  if (self->builtin == builtin)
    return;
  self->builtin = builtin;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUILTIN]);
}

gboolean
kl_theme_get_archived (KlTheme *self)
{
  g_return_val_if_fail (KL_IS_THEME (self), FALSE);

  return self->archived;
}

void
kl_theme_set_archived (KlTheme *self,
                      gboolean archived)
{
  g_return_if_fail (KL_IS_THEME (self));

  if (self->archived == archived)
    return;
  self->archived = archived;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARCHIVED]);
}

int
kl_theme_get_position (KlTheme *self)
{
  g_return_val_if_fail (KL_IS_THEME (self), 0);

  return self->position;
}

void
kl_theme_set_position (KlTheme *self,
                      int position)
{
  g_return_if_fail (KL_IS_THEME (self));

  if (self->position == position)
    return;
  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}
