/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kl-unit.h"

/* A unit: a service (tilbud) or a team inside one. */
struct _KlUnit
{
  KlRecord parent_instance;

  char *name;
  gint64 parent_id;
};

G_DEFINE_FINAL_TYPE (KlUnit, kl_unit, KL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_PARENT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kl_unit_finalize (GObject *object)
{
  KlUnit *self = (KlUnit *)object;

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (kl_unit_parent_class)->finalize (object);
}

static void
kl_unit_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  KlUnit *self = KL_UNIT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_PARENT_ID:
      g_value_set_int64 (value, self->parent_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_unit_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  KlUnit *self = KL_UNIT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      kl_unit_set_name (self, g_value_get_string (value));
      break;

    case PROP_PARENT_ID:
      kl_unit_set_parent_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_unit_class_init (KlUnitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kl_unit_finalize;
  object_class->get_property = kl_unit_get_property;
  object_class->set_property = kl_unit_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PARENT_ID] =
    g_param_spec_int64 ("parent-id", NULL, NULL,
                         0, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kl_unit_init (KlUnit *self)
{
}

KlUnit *
kl_unit_new (void)
{
  return g_object_new (KL_TYPE_UNIT, NULL);
}

/* The unit's name */
const char *
kl_unit_get_name (KlUnit *self)
{
  g_return_val_if_fail (KL_IS_UNIT (self), NULL);

  return self->name;
}

void
kl_unit_set_name (KlUnit *self,
                 const char *name)
{
  g_return_if_fail (KL_IS_UNIT (self));

  if (kl_record_set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/* The parent unit, or 0 for a top-level unit */
gint64
kl_unit_get_parent_id (KlUnit *self)
{
  g_return_val_if_fail (KL_IS_UNIT (self), 0);

  return self->parent_id;
}

void
kl_unit_set_parent_id (KlUnit *self,
                      gint64 parent_id)
{
  g_return_if_fail (KL_IS_UNIT (self));

  if (self->parent_id == parent_id)
    return;
  self->parent_id = parent_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT_ID]);
}
