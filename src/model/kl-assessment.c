/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kl-assessment.h"

/* One assessment of one staff member in one theme. */
struct _KlAssessment
{
  KlRecord parent_instance;

  gint64 staff_id;
  gint64 theme_id;
  char *assessed_on;
  int level;
  int target;
  char *note;
};

G_DEFINE_FINAL_TYPE (KlAssessment, kl_assessment, KL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_STAFF_ID,
  PROP_THEME_ID,
  PROP_ASSESSED_ON,
  PROP_LEVEL,
  PROP_TARGET,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kl_assessment_finalize (GObject *object)
{
  KlAssessment *self = (KlAssessment *)object;

  g_clear_pointer (&self->assessed_on, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (kl_assessment_parent_class)->finalize (object);
}

static void
kl_assessment_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KlAssessment *self = KL_ASSESSMENT (object);

  switch (prop_id)
    {
    case PROP_STAFF_ID:
      g_value_set_int64 (value, self->staff_id);
      break;

    case PROP_THEME_ID:
      g_value_set_int64 (value, self->theme_id);
      break;

    case PROP_ASSESSED_ON:
      g_value_set_string (value, self->assessed_on);
      break;

    case PROP_LEVEL:
      g_value_set_int (value, self->level);
      break;

    case PROP_TARGET:
      g_value_set_int (value, self->target);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_assessment_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KlAssessment *self = KL_ASSESSMENT (object);

  switch (prop_id)
    {
    case PROP_STAFF_ID:
      kl_assessment_set_staff_id (self, g_value_get_int64 (value));
      break;

    case PROP_THEME_ID:
      kl_assessment_set_theme_id (self, g_value_get_int64 (value));
      break;

    case PROP_ASSESSED_ON:
      kl_assessment_set_assessed_on (self, g_value_get_string (value));
      break;

    case PROP_LEVEL:
      kl_assessment_set_level (self, g_value_get_int (value));
      break;

    case PROP_TARGET:
      kl_assessment_set_target (self, g_value_get_int (value));
      break;

    case PROP_NOTE:
      kl_assessment_set_note (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_assessment_class_init (KlAssessmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kl_assessment_finalize;
  object_class->get_property = kl_assessment_get_property;
  object_class->set_property = kl_assessment_set_property;

  properties[PROP_STAFF_ID] =
    g_param_spec_int64 ("staff-id", NULL, NULL,
                         0, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_THEME_ID] =
    g_param_spec_int64 ("theme-id", NULL, NULL,
                         0, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ASSESSED_ON] =
    g_param_spec_string ("assessed-on", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LEVEL] =
    g_param_spec_int ("level", NULL, NULL,
                       -1, G_MAXINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TARGET] =
    g_param_spec_int ("target", NULL, NULL,
                       -1, G_MAXINT, -1,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kl_assessment_init (KlAssessment *self)
{
  self->target = -1;
}

KlAssessment *
kl_assessment_new (void)
{
  return g_object_new (KL_TYPE_ASSESSMENT, NULL);
}

gint64
kl_assessment_get_staff_id (KlAssessment *self)
{
  g_return_val_if_fail (KL_IS_ASSESSMENT (self), 0);

  return self->staff_id;
}

void
kl_assessment_set_staff_id (KlAssessment *self,
                           gint64 staff_id)
{
  g_return_if_fail (KL_IS_ASSESSMENT (self));

  if (self->staff_id == staff_id)
    return;
  self->staff_id = staff_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAFF_ID]);
}

gint64
kl_assessment_get_theme_id (KlAssessment *self)
{
  g_return_val_if_fail (KL_IS_ASSESSMENT (self), 0);

  return self->theme_id;
}

void
kl_assessment_set_theme_id (KlAssessment *self,
                           gint64 theme_id)
{
  g_return_if_fail (KL_IS_ASSESSMENT (self));

  if (self->theme_id == theme_id)
    return;
  self->theme_id = theme_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THEME_ID]);
}

const char *
kl_assessment_get_assessed_on (KlAssessment *self)
{
  g_return_val_if_fail (KL_IS_ASSESSMENT (self), NULL);

  return self->assessed_on;
}

void
kl_assessment_set_assessed_on (KlAssessment *self,
                              const char *assessed_on)
{
  g_return_if_fail (KL_IS_ASSESSMENT (self));

  if (kl_record_set_string (&self->assessed_on, assessed_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSESSED_ON]);
}

/* 0–4 */
int
kl_assessment_get_level (KlAssessment *self)
{
  g_return_val_if_fail (KL_IS_ASSESSMENT (self), 0);

  return self->level;
}

void
kl_assessment_set_level (KlAssessment *self,
                        int level)
{
  g_return_if_fail (KL_IS_ASSESSMENT (self));

  if (self->level == level)
    return;
  self->level = level;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
}

/* 0–4, or -1 for none */
int
kl_assessment_get_target (KlAssessment *self)
{
  g_return_val_if_fail (KL_IS_ASSESSMENT (self), 0);

  return self->target;
}

void
kl_assessment_set_target (KlAssessment *self,
                         int target)
{
  g_return_if_fail (KL_IS_ASSESSMENT (self));

  if (self->target == target)
    return;
  self->target = target;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

const char *
kl_assessment_get_note (KlAssessment *self)
{
  g_return_val_if_fail (KL_IS_ASSESSMENT (self), NULL);

  return self->note;
}

void
kl_assessment_set_note (KlAssessment *self,
                       const char *note)
{
  g_return_if_fail (KL_IS_ASSESSMENT (self));

  if (kl_record_set_string (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}
