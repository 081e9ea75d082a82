/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kl-course.h"

/* A course in the catalogue. */
struct _KlCourse
{
  KlRecord parent_instance;

  char *title;
  char *provider;
  char *description;
  char *starts_on;
  char *ends_on;
  double hours;
  double cost_dkk;
  int capacity;
  char *location;
  char *url;
  KlCourseStatus status;
  char **theme_ids;
  int seats_taken;
  int waitlisted;
};

G_DEFINE_FINAL_TYPE (KlCourse, kl_course, KL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_PROVIDER,
  PROP_DESCRIPTION,
  PROP_STARTS_ON,
  PROP_ENDS_ON,
  PROP_HOURS,
  PROP_COST_DKK,
  PROP_CAPACITY,
  PROP_LOCATION,
  PROP_URL,
  PROP_STATUS,
  PROP_THEME_IDS,
  PROP_SEATS_TAKEN,
  PROP_WAITLISTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kl_course_finalize (GObject *object)
{
  KlCourse *self = (KlCourse *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->provider, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->starts_on, g_free);
  g_clear_pointer (&self->ends_on, g_free);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->theme_ids, g_strfreev);

  G_OBJECT_CLASS (kl_course_parent_class)->finalize (object);
}

static void
kl_course_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KlCourse *self = KL_COURSE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_PROVIDER:
      g_value_set_string (value, self->provider);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_STARTS_ON:
      g_value_set_string (value, self->starts_on);
      break;

    case PROP_ENDS_ON:
      g_value_set_string (value, self->ends_on);
      break;

    case PROP_HOURS:
      g_value_set_double (value, self->hours);
      break;

    case PROP_COST_DKK:
      g_value_set_double (value, self->cost_dkk);
      break;

    case PROP_CAPACITY:
      g_value_set_int (value, self->capacity);
      break;

    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_THEME_IDS:
      g_value_set_boxed (value, self->theme_ids);
      break;

    case PROP_SEATS_TAKEN:
      g_value_set_int (value, self->seats_taken);
      break;

    case PROP_WAITLISTED:
      g_value_set_int (value, self->waitlisted);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_course_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  KlCourse *self = KL_COURSE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      kl_course_set_title (self, g_value_get_string (value));
      break;

    case PROP_PROVIDER:
      kl_course_set_provider (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      kl_course_set_description (self, g_value_get_string (value));
      break;

    case PROP_STARTS_ON:
      kl_course_set_starts_on (self, g_value_get_string (value));
      break;

    case PROP_ENDS_ON:
      kl_course_set_ends_on (self, g_value_get_string (value));
      break;

    case PROP_HOURS:
      kl_course_set_hours (self, g_value_get_double (value));
      break;

    case PROP_COST_DKK:
      kl_course_set_cost_dkk (self, g_value_get_double (value));
      break;

    case PROP_CAPACITY:
      kl_course_set_capacity (self, g_value_get_int (value));
      break;

    case PROP_LOCATION:
      kl_course_set_location (self, g_value_get_string (value));
      break;

    case PROP_URL:
      kl_course_set_url (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      kl_course_set_status (self, g_value_get_enum (value));
      break;

    case PROP_THEME_IDS:
      kl_course_set_theme_ids (self, g_value_get_boxed (value));
      break;

    case PROP_SEATS_TAKEN:
      kl_course_set_seats_taken (self, g_value_get_int (value));
      break;

    case PROP_WAITLISTED:
      kl_course_set_waitlisted (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_course_class_init (KlCourseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kl_course_finalize;
  object_class->get_property = kl_course_get_property;
  object_class->set_property = kl_course_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PROVIDER] =
    g_param_spec_string ("provider", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STARTS_ON] =
    g_param_spec_string ("starts-on", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ENDS_ON] =
    g_param_spec_string ("ends-on", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_HOURS] =
    g_param_spec_double ("hours", NULL, NULL,
                          -1, G_MAXDOUBLE, 0,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_COST_DKK] =
    g_param_spec_double ("cost-dkk", NULL, NULL,
                          -1, G_MAXDOUBLE, 0,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAPACITY] =
    g_param_spec_int ("capacity", NULL, NULL,
                       -1, G_MAXINT, -1,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                        KL_TYPE_COURSE_STATUS, KL_COURSE_STATUS_SCHEDULED,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_THEME_IDS] =
    g_param_spec_boxed ("theme-ids", NULL, NULL,
                         G_TYPE_STRV,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SEATS_TAKEN] =
    g_param_spec_int ("seats-taken", NULL, NULL,
                       -1, G_MAXINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_WAITLISTED] =
    g_param_spec_int ("waitlisted", NULL, NULL,
                       -1, G_MAXINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kl_course_init (KlCourse *self)
{
  self->capacity = -1;
  self->status = KL_COURSE_STATUS_SCHEDULED;
}

KlCourse *
kl_course_new (void)
{
  return g_object_new (KL_TYPE_COURSE, NULL);
}

const char *
kl_course_get_title (KlCourse *self)
{
  g_return_val_if_fail (KL_IS_COURSE (self), NULL);

  return self->title;
}

void
kl_course_set_title (KlCourse *self,
                    const char *title)
{
  g_return_if_fail (KL_IS_COURSE (self));

  if (kl_record_set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
kl_course_get_provider (KlCourse *self)
{
  g_return_val_if_fail (KL_IS_COURSE (self), NULL);

  return self->provider;
}

void
kl_course_set_provider (KlCourse *self,
                       const char *provider)
{
  g_return_if_fail (KL_IS_COURSE (self));

  if (kl_record_set_string (&self->provider, provider))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROVIDER]);
}

const char *
kl_course_get_description (KlCourse *self)
{
  g_return_val_if_fail (KL_IS_COURSE (self), NULL);

  return self->description;
}

void
kl_course_set_description (KlCourse *self,
                          const char *description)
{
  g_return_if_fail (KL_IS_COURSE (self));

  if (kl_record_set_string (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

const char *
kl_course_get_starts_on (KlCourse *self)
{
  g_return_val_if_fail (KL_IS_COURSE (self), NULL);

  return self->starts_on;
}

void
kl_course_set_starts_on (KlCourse *self,
                        const char *starts_on)
{
  g_return_if_fail (KL_IS_COURSE (self));

  if (kl_record_set_string (&self->starts_on, starts_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTS_ON]);
}

const char *
kl_course_get_ends_on (KlCourse *self)
{
  g_return_val_if_fail (KL_IS_COURSE (self), NULL);

  return self->ends_on;
}

void
kl_course_set_ends_on (KlCourse *self,
                      const char *ends_on)
{
  g_return_if_fail (KL_IS_COURSE (self));

  if (kl_record_set_string (&self->ends_on, ends_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENDS_ON]);
}

double
kl_course_get_hours (KlCourse *self)
{
  g_return_val_if_fail (KL_IS_COURSE (self), 0);

  return self->hours;
}

void
kl_course_set_hours (KlCourse *self,
                    double hours)
{
  g_return_if_fail (KL_IS_COURSE (self));

  if (self->hours == hours)
    return;
  self->hours = hours;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOURS]);
}

double
kl_course_get_cost_dkk (KlCourse *self)
{
  g_return_val_if_fail (KL_IS_COURSE (self), 0);

  return self->cost_dkk;
}

void
kl_course_set_cost_dkk (KlCourse *self,
                       double cost_dkk)
{
  g_return_if_fail (KL_IS_COURSE (self));

  if (self->cost_dkk == cost_dkk)
    return;
  self->cost_dkk = cost_dkk;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COST_DKK]);
}

/* -1 for unlimited */
int
kl_course_get_capacity (KlCourse *self)
{
  g_return_val_if_fail (KL_IS_COURSE (self), 0);

  return self->capacity;
}

void
kl_course_set_capacity (KlCourse *self,
                       int capacity)
{
  g_return_if_fail (KL_IS_COURSE (self));

  if (self->capacity == capacity)
    return;
  self->capacity = capacity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPACITY]);
}

const char *
kl_course_get_location (KlCourse *self)
{
  g_return_val_if_fail (KL_IS_COURSE (self), NULL);

  return self->location;
}

void
kl_course_set_location (KlCourse *self,
                       const char *location)
{
  g_return_if_fail (KL_IS_COURSE (self));

  if (kl_record_set_string (&self->location, location))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCATION]);
}

const char *
kl_course_get_url (KlCourse *self)
{
  g_return_val_if_fail (KL_IS_COURSE (self), NULL);

  return self->url;
}

void
kl_course_set_url (KlCourse *self,
                  const char *url)
{
  g_return_if_fail (KL_IS_COURSE (self));

  if (kl_record_set_string (&self->url, url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}

KlCourseStatus
kl_course_get_status (KlCourse *self)
{
  g_return_val_if_fail (KL_IS_COURSE (self), 0);

  return self->status;
}

void
kl_course_set_status (KlCourse *self,
                     KlCourseStatus status)
{
  g_return_if_fail (KL_IS_COURSE (self));

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/* uuids of the course's themes */
const char * const *
kl_course_get_theme_ids (KlCourse *self)
{
  g_return_val_if_fail (KL_IS_COURSE (self), NULL);

  return (const char * const *)self->theme_ids;
}

void
kl_course_set_theme_ids (KlCourse *self,
                        const char * const *theme_ids)
{
  g_return_if_fail (KL_IS_COURSE (self));

  if ((const char * const *)self->theme_ids == theme_ids)
    return;
  g_strfreev (self->theme_ids);
  self->theme_ids = g_strdupv ((char **)theme_ids);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THEME_IDS]);
}

/* Enrolled and completed participants, for display */
int
kl_course_get_seats_taken (KlCourse *self)
{
  g_return_val_if_fail (KL_IS_COURSE (self), 0);

  return self->seats_taken;
}

void
kl_course_set_seats_taken (KlCourse *self,
                          int seats_taken)
{
  g_return_if_fail (KL_IS_COURSE (self));

  if (self->seats_taken == seats_taken)
    return;
  self->seats_taken = seats_taken;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEATS_TAKEN]);
}

/* People on the waiting list, for display */
int
kl_course_get_waitlisted (KlCourse *self)
{
  g_return_val_if_fail (KL_IS_COURSE (self), 0);

  return self->waitlisted;
}

void
kl_course_set_waitlisted (KlCourse *self,
                         int waitlisted)
{
  g_return_if_fail (KL_IS_COURSE (self));

  if (self->waitlisted == waitlisted)
    return;
  self->waitlisted = waitlisted;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAITLISTED]);
}
