/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kl-goal.h"

/* A development goal agreed with a staff member (MUS). */
struct _KlGoal
{
  KlRecord parent_instance;

  gint64 staff_id;
  gint64 theme_id;
  char *text;
  char *agreed_on;
  char *due_on;
  KlGoalStatus status;
};

G_DEFINE_FINAL_TYPE (KlGoal, kl_goal, KL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_STAFF_ID,
  PROP_THEME_ID,
  PROP_TEXT,
  PROP_AGREED_ON,
  PROP_DUE_ON,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kl_goal_finalize (GObject *object)
{
  KlGoal *self = (KlGoal *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->agreed_on, g_free);
  g_clear_pointer (&self->due_on, g_free);

  G_OBJECT_CLASS (kl_goal_parent_class)->finalize (object);
}

static void
kl_goal_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  KlGoal *self = KL_GOAL (object);

  switch (prop_id)
    {
    case PROP_STAFF_ID:
      g_value_set_int64 (value, self->staff_id);
      break;

    case PROP_THEME_ID:
      g_value_set_int64 (value, self->theme_id);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_AGREED_ON:
      g_value_set_string (value, self->agreed_on);
      break;

    case PROP_DUE_ON:
      g_value_set_string (value, self->due_on);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_goal_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  KlGoal *self = KL_GOAL (object);

  switch (prop_id)
    {
    case PROP_STAFF_ID:
      kl_goal_set_staff_id (self, g_value_get_int64 (value));
      break;

    case PROP_THEME_ID:
      kl_goal_set_theme_id (self, g_value_get_int64 (value));
      break;

    case PROP_TEXT:
      kl_goal_set_text (self, g_value_get_string (value));
      break;

    case PROP_AGREED_ON:
      kl_goal_set_agreed_on (self, g_value_get_string (value));
      break;

    case PROP_DUE_ON:
      kl_goal_set_due_on (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      kl_goal_set_status (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_goal_class_init (KlGoalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kl_goal_finalize;
  object_class->get_property = kl_goal_get_property;
  object_class->set_property = kl_goal_set_property;

  properties[PROP_STAFF_ID] =
    g_param_spec_int64 ("staff-id", NULL, NULL,
                         0, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_THEME_ID] =
    g_param_spec_int64 ("theme-id", NULL, NULL,
                         0, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_AGREED_ON] =
    g_param_spec_string ("agreed-on", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DUE_ON] =
    g_param_spec_string ("due-on", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                        KL_TYPE_GOAL_STATUS, KL_GOAL_STATUS_OPEN,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kl_goal_init (KlGoal *self)
{
  self->status = KL_GOAL_STATUS_OPEN;
}

KlGoal *
kl_goal_new (void)
{
  return g_object_new (KL_TYPE_GOAL, NULL);
}

gint64
kl_goal_get_staff_id (KlGoal *self)
{
  g_return_val_if_fail (KL_IS_GOAL (self), 0);

  return self->staff_id;
}

void
kl_goal_set_staff_id (KlGoal *self,
                     gint64 staff_id)
{
  g_return_if_fail (KL_IS_GOAL (self));

  if (self->staff_id == staff_id)
    return;
  self->staff_id = staff_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAFF_ID]);
}

/* 0 for none */
gint64
kl_goal_get_theme_id (KlGoal *self)
{
  g_return_val_if_fail (KL_IS_GOAL (self), 0);

  return self->theme_id;
}

void
kl_goal_set_theme_id (KlGoal *self,
                     gint64 theme_id)
{
  g_return_if_fail (KL_IS_GOAL (self));

  if (self->theme_id == theme_id)
    return;
  self->theme_id = theme_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THEME_ID]);
}

const char *
kl_goal_get_text (KlGoal *self)
{
  g_return_val_if_fail (KL_IS_GOAL (self), NULL);

  return self->text;
}

void
kl_goal_set_text (KlGoal *self,
                 const char *text)
{
  g_return_if_fail (KL_IS_GOAL (self));

  if (kl_record_set_string (&self->text, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
kl_goal_get_agreed_on (KlGoal *self)
{
  g_return_val_if_fail (KL_IS_GOAL (self), NULL);

  return self->agreed_on;
}

void
kl_goal_set_agreed_on (KlGoal *self,
                      const char *agreed_on)
{
  g_return_if_fail (KL_IS_GOAL (self));

  if (kl_record_set_string (&self->agreed_on, agreed_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGREED_ON]);
}

/* or NULL */
const char *
kl_goal_get_due_on (KlGoal *self)
{
  g_return_val_if_fail (KL_IS_GOAL (self), NULL);

  return self->due_on;
}

void
kl_goal_set_due_on (KlGoal *self,
                   const char *due_on)
{
  g_return_if_fail (KL_IS_GOAL (self));

  if (kl_record_set_string (&self->due_on, due_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_ON]);
}

KlGoalStatus
kl_goal_get_status (KlGoal *self)
{
  g_return_val_if_fail (KL_IS_GOAL (self), 0);

  return self->status;
}

void
kl_goal_set_status (KlGoal *self,
                   KlGoalStatus status)
{
  g_return_if_fail (KL_IS_GOAL (self));

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}
