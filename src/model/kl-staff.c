/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kl-staff.h"

/* A staff member. Personal data: never logged. */
struct _KlStaff
{
  KlRecord parent_instance;

  char *name;
  gint64 unit_id;
  char *unit_name;
  char *job_title;
  char *email;
  char *started_on;
  char *left_on;
  double weekly_hours;
  char *note;
  int themes_below_target;
};

G_DEFINE_FINAL_TYPE (KlStaff, kl_staff, KL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_UNIT_ID,
  PROP_UNIT_NAME,
  PROP_JOB_TITLE,
  PROP_EMAIL,
  PROP_STARTED_ON,
  PROP_LEFT_ON,
  PROP_WEEKLY_HOURS,
  PROP_NOTE,
  PROP_THEMES_BELOW_TARGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kl_staff_finalize (GObject *object)
{
  KlStaff *self = (KlStaff *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->unit_name, g_free);
  g_clear_pointer (&self->job_title, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->started_on, g_free);
  g_clear_pointer (&self->left_on, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (kl_staff_parent_class)->finalize (object);
}

static void
kl_staff_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  KlStaff *self = KL_STAFF (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_UNIT_ID:
      g_value_set_int64 (value, self->unit_id);
      break;

    case PROP_UNIT_NAME:
      g_value_set_string (value, self->unit_name);
      break;

    case PROP_JOB_TITLE:
      g_value_set_string (value, self->job_title);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_STARTED_ON:
      g_value_set_string (value, self->started_on);
      break;

    case PROP_LEFT_ON:
      g_value_set_string (value, self->left_on);
      break;

    case PROP_WEEKLY_HOURS:
      g_value_set_double (value, self->weekly_hours);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_THEMES_BELOW_TARGET:
      g_value_set_int (value, self->themes_below_target);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_staff_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  KlStaff *self = KL_STAFF (object);

  switch (prop_id)
    {
    case PROP_NAME:
      kl_staff_set_name (self, g_value_get_string (value));
      break;

    case PROP_UNIT_ID:
      kl_staff_set_unit_id (self, g_value_get_int64 (value));
      break;

    case PROP_UNIT_NAME:
      kl_staff_set_unit_name (self, g_value_get_string (value));
      break;

    case PROP_JOB_TITLE:
      kl_staff_set_job_title (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      kl_staff_set_email (self, g_value_get_string (value));
      break;

    case PROP_STARTED_ON:
      kl_staff_set_started_on (self, g_value_get_string (value));
      break;

    case PROP_LEFT_ON:
      kl_staff_set_left_on (self, g_value_get_string (value));
      break;

    case PROP_WEEKLY_HOURS:
      kl_staff_set_weekly_hours (self, g_value_get_double (value));
      break;

    case PROP_NOTE:
      kl_staff_set_note (self, g_value_get_string (value));
      break;

    case PROP_THEMES_BELOW_TARGET:
      kl_staff_set_themes_below_target (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_staff_class_init (KlStaffClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kl_staff_finalize;
  object_class->get_property = kl_staff_get_property;
  object_class->set_property = kl_staff_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_UNIT_ID] =
    g_param_spec_int64 ("unit-id", NULL, NULL,
                         0, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_UNIT_NAME] =
    g_param_spec_string ("unit-name", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_JOB_TITLE] =
    g_param_spec_string ("job-title", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STARTED_ON] =
    g_param_spec_string ("started-on", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LEFT_ON] =
    g_param_spec_string ("left-on", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_WEEKLY_HOURS] =
    g_param_spec_double ("weekly-hours", NULL, NULL,
                          -1, G_MAXDOUBLE, -1,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_THEMES_BELOW_TARGET] =
    g_param_spec_int ("themes-below-target", NULL, NULL,
                       -1, G_MAXINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kl_staff_init (KlStaff *self)
{
  self->weekly_hours = -1;
}

KlStaff *
kl_staff_new (void)
{
  return g_object_new (KL_TYPE_STAFF, NULL);
}

const char *
kl_staff_get_name (KlStaff *self)
{
  g_return_val_if_fail (KL_IS_STAFF (self), NULL);

  return self->name;
}

void
kl_staff_set_name (KlStaff *self,
                  const char *name)
{
  g_return_if_fail (KL_IS_STAFF (self));

  if (kl_record_set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

gint64
kl_staff_get_unit_id (KlStaff *self)
{
  g_return_val_if_fail (KL_IS_STAFF (self), 0);

  return self->unit_id;
}

void
kl_staff_set_unit_id (KlStaff *self,
                     gint64 unit_id)
{
  g_return_if_fail (KL_IS_STAFF (self));

  if (self->unit_id == unit_id)
    return;
  self->unit_id = unit_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT_ID]);
}

/* The unit's name, for display */
const char *
kl_staff_get_unit_name (KlStaff *self)
{
  g_return_val_if_fail (KL_IS_STAFF (self), NULL);

  return self->unit_name;
}

void
kl_staff_set_unit_name (KlStaff *self,
                       const char *unit_name)
{
  g_return_if_fail (KL_IS_STAFF (self));

  if (kl_record_set_string (&self->unit_name, unit_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT_NAME]);
}

const char *
kl_staff_get_job_title (KlStaff *self)
{
  g_return_val_if_fail (KL_IS_STAFF (self), NULL);

  return self->job_title;
}

void
kl_staff_set_job_title (KlStaff *self,
                       const char *job_title)
{
  g_return_if_fail (KL_IS_STAFF (self));

  if (kl_record_set_string (&self->job_title, job_title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOB_TITLE]);
}

const char *
kl_staff_get_email (KlStaff *self)
{
  g_return_val_if_fail (KL_IS_STAFF (self), NULL);

  return self->email;
}

void
kl_staff_set_email (KlStaff *self,
                   const char *email)
{
  g_return_if_fail (KL_IS_STAFF (self));

  if (kl_record_set_string (&self->email, email))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

/* YYYY-MM-DD or NULL */
const char *
kl_staff_get_started_on (KlStaff *self)
{
  g_return_val_if_fail (KL_IS_STAFF (self), NULL);

  return self->started_on;
}

void
kl_staff_set_started_on (KlStaff *self,
                        const char *started_on)
{
  g_return_if_fail (KL_IS_STAFF (self));

  if (kl_record_set_string (&self->started_on, started_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTED_ON]);
}

/* YYYY-MM-DD, or NULL while employed */
const char *
kl_staff_get_left_on (KlStaff *self)
{
  g_return_val_if_fail (KL_IS_STAFF (self), NULL);

  return self->left_on;
}

void
kl_staff_set_left_on (KlStaff *self,
                     const char *left_on)
{
  g_return_if_fail (KL_IS_STAFF (self));

  if (kl_record_set_string (&self->left_on, left_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEFT_ON]);
}

/* -1 when not known */
double
kl_staff_get_weekly_hours (KlStaff *self)
{
  g_return_val_if_fail (KL_IS_STAFF (self), 0);

  return self->weekly_hours;
}

void
kl_staff_set_weekly_hours (KlStaff *self,
                          double weekly_hours)
{
  g_return_if_fail (KL_IS_STAFF (self));

  if (self->weekly_hours == weekly_hours)
    return;
  self->weekly_hours = weekly_hours;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEEKLY_HOURS]);
}

const char *
kl_staff_get_note (KlStaff *self)
{
  g_return_val_if_fail (KL_IS_STAFF (self), NULL);

  return self->note;
}

void
kl_staff_set_note (KlStaff *self,
                  const char *note)
{
  g_return_if_fail (KL_IS_STAFF (self));

  if (kl_record_set_string (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

/* How many themes are below the target, for display */
int
kl_staff_get_themes_below_target (KlStaff *self)
{
  g_return_val_if_fail (KL_IS_STAFF (self), 0);

  return self->themes_below_target;
}

void
kl_staff_set_themes_below_target (KlStaff *self,
                                 int themes_below_target)
{
  g_return_if_fail (KL_IS_STAFF (self));

  if (self->themes_below_target == themes_below_target)
    return;
  self->themes_below_target = themes_below_target;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THEMES_BELOW_TARGET]);
}
