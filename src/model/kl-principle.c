/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kl-principle.h"

/* A guiding principle of a framework, such as the seven principles for professional leadership. */
struct _KlPrinciple
{
  KlRecord parent_instance;

  char *name;
  gint64 framework_id;
  int position;
};

G_DEFINE_FINAL_TYPE (KlPrinciple, kl_principle, KL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_FRAMEWORK_ID,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kl_principle_finalize (GObject *object)
{
  KlPrinciple *self = (KlPrinciple *)object;

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (kl_principle_parent_class)->finalize (object);
}

static void
kl_principle_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KlPrinciple *self = KL_PRINCIPLE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_FRAMEWORK_ID:
      g_value_set_int64 (value, self->framework_id);
      break;

    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_principle_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KlPrinciple *self = KL_PRINCIPLE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      kl_principle_set_name (self, g_value_get_string (value));
      break;

    case PROP_FRAMEWORK_ID:
      kl_principle_set_framework_id (self, g_value_get_int64 (value));
      break;

    case PROP_POSITION:
      kl_principle_set_position (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_principle_class_init (KlPrincipleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kl_principle_finalize;
  object_class->get_property = kl_principle_get_property;
  object_class->set_property = kl_principle_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FRAMEWORK_ID] =
    g_param_spec_int64 ("framework-id", NULL, NULL,
                         0, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL,
                       -1, G_MAXINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kl_principle_init (KlPrinciple *self)
{
}

KlPrinciple *
kl_principle_new (void)
{
  return g_object_new (KL_TYPE_PRINCIPLE, NULL);
}

/* English msgid */
const char *
kl_principle_get_name (KlPrinciple *self)
{
  g_return_val_if_fail (KL_IS_PRINCIPLE (self), NULL);

  return self->name;
}

void
kl_principle_set_name (KlPrinciple *self,
                      const char *name)
{
  g_return_if_fail (KL_IS_PRINCIPLE (self));

  if (kl_record_set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

gint64
kl_principle_get_framework_id (KlPrinciple *self)
{
  g_return_val_if_fail (KL_IS_PRINCIPLE (self), 0);

  return self->framework_id;
}

void
kl_principle_set_framework_id (KlPrinciple *self,
                              gint64 framework_id)
{
  g_return_if_fail (KL_IS_PRINCIPLE (self));

  if (self->framework_id == framework_id)
    return;
  self->framework_id = framework_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRAMEWORK_ID]);
}

int
kl_principle_get_position (KlPrinciple *self)
{
  g_return_val_if_fail (KL_IS_PRINCIPLE (self), 0);

  return self->position;
}

void
kl_principle_set_position (KlPrinciple *self,
                          int position)
{
  g_return_if_fail (KL_IS_PRINCIPLE (self));

  if (self->position == position)
    return;
  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}
