/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kl-principle-assessment.h"

/* A unit's self-assessment of one principle. */
struct _KlPrincipleAssessment
{
  KlRecord parent_instance;

  gint64 principle_id;
  gint64 unit_id;
  char *assessed_on;
  int maturity;
  char *reflection;
};

G_DEFINE_FINAL_TYPE (KlPrincipleAssessment, kl_principle_assessment, KL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PRINCIPLE_ID,
  PROP_UNIT_ID,
  PROP_ASSESSED_ON,
  PROP_MATURITY,
  PROP_REFLECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kl_principle_assessment_finalize (GObject *object)
{
  KlPrincipleAssessment *self = (KlPrincipleAssessment *)object;

  g_clear_pointer (&self->assessed_on, g_free);
  g_clear_pointer (&self->reflection, g_free);

  G_OBJECT_CLASS (kl_principle_assessment_parent_class)->finalize (object);
}

static void
kl_principle_assessment_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  KlPrincipleAssessment *self = KL_PRINCIPLE_ASSESSMENT (object);

  switch (prop_id)
    {
    case PROP_PRINCIPLE_ID:
      g_value_set_int64 (value, self->principle_id);
      break;

    case PROP_UNIT_ID:
      g_value_set_int64 (value, self->unit_id);
      break;

    case PROP_ASSESSED_ON:
      g_value_set_string (value, self->assessed_on);
      break;

    case PROP_MATURITY:
      g_value_set_int (value, self->maturity);
      break;

    case PROP_REFLECTION:
      g_value_set_string (value, self->reflection);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_principle_assessment_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  KlPrincipleAssessment *self = KL_PRINCIPLE_ASSESSMENT (object);

  switch (prop_id)
    {
    case PROP_PRINCIPLE_ID:
      kl_principle_assessment_set_principle_id (self, g_value_get_int64 (value));
      break;

    case PROP_UNIT_ID:
      kl_principle_assessment_set_unit_id (self, g_value_get_int64 (value));
      break;

    case PROP_ASSESSED_ON:
      kl_principle_assessment_set_assessed_on (self, g_value_get_string (value));
      break;

    case PROP_MATURITY:
      kl_principle_assessment_set_maturity (self, g_value_get_int (value));
      break;

    case PROP_REFLECTION:
      kl_principle_assessment_set_reflection (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_principle_assessment_class_init (KlPrincipleAssessmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kl_principle_assessment_finalize;
  object_class->get_property = kl_principle_assessment_get_property;
  object_class->set_property = kl_principle_assessment_set_property;

  properties[PROP_PRINCIPLE_ID] =
    g_param_spec_int64 ("principle-id", NULL, NULL,
                         0, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_UNIT_ID] =
    g_param_spec_int64 ("unit-id", NULL, NULL,
                         0, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ASSESSED_ON] =
    g_param_spec_string ("assessed-on", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MATURITY] =
    g_param_spec_int ("maturity", NULL, NULL,
                       -1, G_MAXINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REFLECTION] =
    g_param_spec_string ("reflection", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kl_principle_assessment_init (KlPrincipleAssessment *self)
{
}

KlPrincipleAssessment *
kl_principle_assessment_new (void)
{
  return g_object_new (KL_TYPE_PRINCIPLE_ASSESSMENT, NULL);
}

gint64
kl_principle_assessment_get_principle_id (KlPrincipleAssessment *self)
{
  g_return_val_if_fail (KL_IS_PRINCIPLE_ASSESSMENT (self), 0);

  return self->principle_id;
}

void
kl_principle_assessment_set_principle_id (KlPrincipleAssessment *self,
                                         gint64 principle_id)
{
  g_return_if_fail (KL_IS_PRINCIPLE_ASSESSMENT (self));

  if (self->principle_id == principle_id)
    return;
  self->principle_id = principle_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRINCIPLE_ID]);
}

gint64
kl_principle_assessment_get_unit_id (KlPrincipleAssessment *self)
{
  g_return_val_if_fail (KL_IS_PRINCIPLE_ASSESSMENT (self), 0);

  return self->unit_id;
}

void
kl_principle_assessment_set_unit_id (KlPrincipleAssessment *self,
                                    gint64 unit_id)
{
  g_return_if_fail (KL_IS_PRINCIPLE_ASSESSMENT (self));

  if (self->unit_id == unit_id)
    return;
  self->unit_id = unit_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT_ID]);
}

const char *
kl_principle_assessment_get_assessed_on (KlPrincipleAssessment *self)
{
  g_return_val_if_fail (KL_IS_PRINCIPLE_ASSESSMENT (self), NULL);

  return self->assessed_on;
}

void
kl_principle_assessment_set_assessed_on (KlPrincipleAssessment *self,
                                        const char *assessed_on)
{
  g_return_if_fail (KL_IS_PRINCIPLE_ASSESSMENT (self));

  if (kl_record_set_string (&self->assessed_on, assessed_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSESSED_ON]);
}

/* 1–5 */
int
kl_principle_assessment_get_maturity (KlPrincipleAssessment *self)
{
  g_return_val_if_fail (KL_IS_PRINCIPLE_ASSESSMENT (self), 0);

  return self->maturity;
}

void
kl_principle_assessment_set_maturity (KlPrincipleAssessment *self,
                                     int maturity)
{
  g_return_if_fail (KL_IS_PRINCIPLE_ASSESSMENT (self));

  if (self->maturity == maturity)
    return;
  self->maturity = maturity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MATURITY]);
}

const char *
kl_principle_assessment_get_reflection (KlPrincipleAssessment *self)
{
  g_return_val_if_fail (KL_IS_PRINCIPLE_ASSESSMENT (self), NULL);

  return self->reflection;
}

void
kl_principle_assessment_set_reflection (KlPrincipleAssessment *self,
                                       const char *reflection)
{
  g_return_if_fail (KL_IS_PRINCIPLE_ASSESSMENT (self));

  if (kl_record_set_string (&self->reflection, reflection))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFLECTION]);
}
