/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kl-record.h"

/* What every stored record has: the database's integer key, a stable
 * uuid (a slug for built-in rows) and UTC timestamps. */
typedef struct
{
  gint64  id;
  char   *uuid;
  char   *created_at;
  char   *updated_at;
} KlRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (KlRecord, kl_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * kl_record_set_string:
 * @field: a string field
 * @value: (nullable): the new value
 *
 * Replaces *@field by a copy of @value.
 *
 * Returns: %TRUE if the value changed
 */
gboolean
kl_record_set_string (char       **field,
                      const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
kl_record_finalize (GObject *object)
{
  KlRecordPrivate *priv = kl_record_get_instance_private (KL_RECORD (object));

  g_clear_pointer (&priv->uuid, g_free);
  g_clear_pointer (&priv->created_at, g_free);
  g_clear_pointer (&priv->updated_at, g_free);

  G_OBJECT_CLASS (kl_record_parent_class)->finalize (object);
}

static void
kl_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KlRecordPrivate *priv = kl_record_get_instance_private (KL_RECORD (object));

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, priv->id);
      break;

    case PROP_UUID:
      g_value_set_string (value, priv->uuid);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, priv->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_string (value, priv->updated_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_record_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  KlRecord *self = KL_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      kl_record_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_UUID:
      kl_record_set_uuid (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      kl_record_set_created_at (self, g_value_get_string (value));
      break;

    case PROP_UPDATED_AT:
      kl_record_set_updated_at (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_record_class_init (KlRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kl_record_finalize;
  object_class->get_property = kl_record_get_property;
  object_class->set_property = kl_record_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kl_record_init (KlRecord *self)
{
}

gint64
kl_record_get_id (KlRecord *self)
{
  KlRecordPrivate *priv = kl_record_get_instance_private (self);

  g_return_val_if_fail (KL_IS_RECORD (self), 0);

  return priv->id;
}

void
kl_record_set_id (KlRecord *self,
                  gint64    id)
{
  KlRecordPrivate *priv = kl_record_get_instance_private (self);

  g_return_if_fail (KL_IS_RECORD (self));

  if (priv->id == id)
    return;
  priv->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
kl_record_get_uuid (KlRecord *self)
{
  KlRecordPrivate *priv = kl_record_get_instance_private (self);

  g_return_val_if_fail (KL_IS_RECORD (self), NULL);

  return priv->uuid;
}

void
kl_record_set_uuid (KlRecord   *self,
                    const char *uuid)
{
  KlRecordPrivate *priv = kl_record_get_instance_private (self);

  g_return_if_fail (KL_IS_RECORD (self));

  if (kl_record_set_string (&priv->uuid, uuid))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

const char *
kl_record_get_created_at (KlRecord *self)
{
  KlRecordPrivate *priv = kl_record_get_instance_private (self);

  g_return_val_if_fail (KL_IS_RECORD (self), NULL);

  return priv->created_at;
}

void
kl_record_set_created_at (KlRecord   *self,
                          const char *created_at)
{
  KlRecordPrivate *priv = kl_record_get_instance_private (self);

  g_return_if_fail (KL_IS_RECORD (self));

  if (kl_record_set_string (&priv->created_at, created_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

const char *
kl_record_get_updated_at (KlRecord *self)
{
  KlRecordPrivate *priv = kl_record_get_instance_private (self);

  g_return_val_if_fail (KL_IS_RECORD (self), NULL);

  return priv->updated_at;
}

void
kl_record_set_updated_at (KlRecord   *self,
                          const char *updated_at)
{
  KlRecordPrivate *priv = kl_record_get_instance_private (self);

  g_return_if_fail (KL_IS_RECORD (self));

  if (kl_record_set_string (&priv->updated_at, updated_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}
