/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kl-enrolment.h"

/* A staff member's enrolment in a course. */
struct _KlEnrolment
{
  KlRecord parent_instance;

  gint64 staff_id;
  gint64 course_id;
  KlEnrolmentStatus status;
  char *enrolled_on;
  char *completed_on;
  char *note;
  char *staff_name;
  char *course_title;
  char *course_starts_on;
  double course_hours;
  int waitlist_position;
};

G_DEFINE_FINAL_TYPE (KlEnrolment, kl_enrolment, KL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_STAFF_ID,
  PROP_COURSE_ID,
  PROP_STATUS,
  PROP_ENROLLED_ON,
  PROP_COMPLETED_ON,
  PROP_NOTE,
  PROP_STAFF_NAME,
  PROP_COURSE_TITLE,
  PROP_COURSE_STARTS_ON,
  PROP_COURSE_HOURS,
  PROP_WAITLIST_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kl_enrolment_finalize (GObject *object)
{
  KlEnrolment *self = (KlEnrolment *)object;

  g_clear_pointer (&self->enrolled_on, g_free);
  g_clear_pointer (&self->completed_on, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->staff_name, g_free);
  g_clear_pointer (&self->course_title, g_free);
  g_clear_pointer (&self->course_starts_on, g_free);

  G_OBJECT_CLASS (kl_enrolment_parent_class)->finalize (object);
}

static void
kl_enrolment_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KlEnrolment *self = KL_ENROLMENT (object);

  switch (prop_id)
    {
    case PROP_STAFF_ID:
      g_value_set_int64 (value, self->staff_id);
      break;

    case PROP_COURSE_ID:
      g_value_set_int64 (value, self->course_id);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_ENROLLED_ON:
      g_value_set_string (value, self->enrolled_on);
      break;

    case PROP_COMPLETED_ON:
      g_value_set_string (value, self->completed_on);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_STAFF_NAME:
      g_value_set_string (value, self->staff_name);
      break;

    case PROP_COURSE_TITLE:
      g_value_set_string (value, self->course_title);
      break;

    case PROP_COURSE_STARTS_ON:
      g_value_set_string (value, self->course_starts_on);
      break;

    case PROP_COURSE_HOURS:
      g_value_set_double (value, self->course_hours);
      break;

    case PROP_WAITLIST_POSITION:
      g_value_set_int (value, self->waitlist_position);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_enrolment_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KlEnrolment *self = KL_ENROLMENT (object);

  switch (prop_id)
    {
    case PROP_STAFF_ID:
      kl_enrolment_set_staff_id (self, g_value_get_int64 (value));
      break;

    case PROP_COURSE_ID:
      kl_enrolment_set_course_id (self, g_value_get_int64 (value));
      break;

    case PROP_STATUS:
      kl_enrolment_set_status (self, g_value_get_enum (value));
      break;

    case PROP_ENROLLED_ON:
      kl_enrolment_set_enrolled_on (self, g_value_get_string (value));
      break;

    case PROP_COMPLETED_ON:
      kl_enrolment_set_completed_on (self, g_value_get_string (value));
      break;

    case PROP_NOTE:
      kl_enrolment_set_note (self, g_value_get_string (value));
      break;

    case PROP_STAFF_NAME:
      kl_enrolment_set_staff_name (self, g_value_get_string (value));
      break;

    case PROP_COURSE_TITLE:
      kl_enrolment_set_course_title (self, g_value_get_string (value));
      break;

    case PROP_COURSE_STARTS_ON:
      kl_enrolment_set_course_starts_on (self, g_value_get_string (value));
      break;

    case PROP_COURSE_HOURS:
      kl_enrolment_set_course_hours (self, g_value_get_double (value));
      break;

    case PROP_WAITLIST_POSITION:
      kl_enrolment_set_waitlist_position (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_enrolment_class_init (KlEnrolmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kl_enrolment_finalize;
  object_class->get_property = kl_enrolment_get_property;
  object_class->set_property = kl_enrolment_set_property;

  properties[PROP_STAFF_ID] =
    g_param_spec_int64 ("staff-id", NULL, NULL,
                         0, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_COURSE_ID] =
    g_param_spec_int64 ("course-id", NULL, NULL,
                         0, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                        KL_TYPE_ENROLMENT_STATUS, KL_ENROLMENT_STATUS_PLANNED,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ENROLLED_ON] =
    g_param_spec_string ("enrolled-on", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_COMPLETED_ON] =
    g_param_spec_string ("completed-on", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STAFF_NAME] =
    g_param_spec_string ("staff-name", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_COURSE_TITLE] =
    g_param_spec_string ("course-title", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_COURSE_STARTS_ON] =
    g_param_spec_string ("course-starts-on", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_COURSE_HOURS] =
    g_param_spec_double ("course-hours", NULL, NULL,
                          -1, G_MAXDOUBLE, 0,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_WAITLIST_POSITION] =
    g_param_spec_int ("waitlist-position", NULL, NULL,
                       -1, G_MAXINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kl_enrolment_init (KlEnrolment *self)
{
  self->status = KL_ENROLMENT_STATUS_PLANNED;
  self->waitlist_position = -1;
}

KlEnrolment *
kl_enrolment_new (void)
{
  return g_object_new (KL_TYPE_ENROLMENT, NULL);
}

gint64
kl_enrolment_get_staff_id (KlEnrolment *self)
{
  g_return_val_if_fail (KL_IS_ENROLMENT (self), 0);

  return self->staff_id;
}

void
kl_enrolment_set_staff_id (KlEnrolment *self,
                          gint64 staff_id)
{
  g_return_if_fail (KL_IS_ENROLMENT (self));

  if (self->staff_id == staff_id)
    return;
  self->staff_id = staff_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAFF_ID]);
}

gint64
kl_enrolment_get_course_id (KlEnrolment *self)
{
  g_return_val_if_fail (KL_IS_ENROLMENT (self), 0);

  return self->course_id;
}

void
kl_enrolment_set_course_id (KlEnrolment *self,
                           gint64 course_id)
{
  g_return_if_fail (KL_IS_ENROLMENT (self));

  if (self->course_id == course_id)
    return;
  self->course_id = course_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COURSE_ID]);
}

KlEnrolmentStatus
kl_enrolment_get_status (KlEnrolment *self)
{
  g_return_val_if_fail (KL_IS_ENROLMENT (self), 0);

  return self->status;
}

void
kl_enrolment_set_status (KlEnrolment *self,
                        KlEnrolmentStatus status)
{
  g_return_if_fail (KL_IS_ENROLMENT (self));

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
kl_enrolment_get_enrolled_on (KlEnrolment *self)
{
  g_return_val_if_fail (KL_IS_ENROLMENT (self), NULL);

  return self->enrolled_on;
}

void
kl_enrolment_set_enrolled_on (KlEnrolment *self,
                             const char *enrolled_on)
{
  g_return_if_fail (KL_IS_ENROLMENT (self));

  if (kl_record_set_string (&self->enrolled_on, enrolled_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENROLLED_ON]);
}

const char *
kl_enrolment_get_completed_on (KlEnrolment *self)
{
  g_return_val_if_fail (KL_IS_ENROLMENT (self), NULL);

  return self->completed_on;
}

void
kl_enrolment_set_completed_on (KlEnrolment *self,
                              const char *completed_on)
{
  g_return_if_fail (KL_IS_ENROLMENT (self));

  if (kl_record_set_string (&self->completed_on, completed_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETED_ON]);
}

const char *
kl_enrolment_get_note (KlEnrolment *self)
{
  g_return_val_if_fail (KL_IS_ENROLMENT (self), NULL);

  return self->note;
}

void
kl_enrolment_set_note (KlEnrolment *self,
                      const char *note)
{
  g_return_if_fail (KL_IS_ENROLMENT (self));

  if (kl_record_set_string (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

/* for display */
const char *
kl_enrolment_get_staff_name (KlEnrolment *self)
{
  g_return_val_if_fail (KL_IS_ENROLMENT (self), NULL);

  return self->staff_name;
}

void
kl_enrolment_set_staff_name (KlEnrolment *self,
                            const char *staff_name)
{
  g_return_if_fail (KL_IS_ENROLMENT (self));

  if (kl_record_set_string (&self->staff_name, staff_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAFF_NAME]);
}

/* for display */
const char *
kl_enrolment_get_course_title (KlEnrolment *self)
{
  g_return_val_if_fail (KL_IS_ENROLMENT (self), NULL);

  return self->course_title;
}

void
kl_enrolment_set_course_title (KlEnrolment *self,
                              const char *course_title)
{
  g_return_if_fail (KL_IS_ENROLMENT (self));

  if (kl_record_set_string (&self->course_title, course_title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COURSE_TITLE]);
}

/* for display */
const char *
kl_enrolment_get_course_starts_on (KlEnrolment *self)
{
  g_return_val_if_fail (KL_IS_ENROLMENT (self), NULL);

  return self->course_starts_on;
}

void
kl_enrolment_set_course_starts_on (KlEnrolment *self,
                                  const char *course_starts_on)
{
  g_return_if_fail (KL_IS_ENROLMENT (self));

  if (kl_record_set_string (&self->course_starts_on, course_starts_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COURSE_STARTS_ON]);
}

/* for display */
double
kl_enrolment_get_course_hours (KlEnrolment *self)
{
  g_return_val_if_fail (KL_IS_ENROLMENT (self), 0);

  return self->course_hours;
}

void
kl_enrolment_set_course_hours (KlEnrolment *self,
                              double course_hours)
{
  g_return_if_fail (KL_IS_ENROLMENT (self));

  if (self->course_hours == course_hours)
    return;
  self->course_hours = course_hours;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COURSE_HOURS]);
}

/* place in the queue while waitlisted, else -1 */
int
kl_enrolment_get_waitlist_position (KlEnrolment *self)
{
  g_return_val_if_fail (KL_IS_ENROLMENT (self), 0);

  return self->waitlist_position;
}

void
kl_enrolment_set_waitlist_position (KlEnrolment *self,
                                   int waitlist_position)
{
  g_return_if_fail (KL_IS_ENROLMENT (self));

  if (self->waitlist_position == waitlist_position)
    return;
  self->waitlist_position = waitlist_position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAITLIST_POSITION]);
}
