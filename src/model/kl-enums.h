/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The nicks are the values stored in the database and the JSON format. */

typedef enum
{
  KL_GOAL_STATUS_OPEN,
  KL_GOAL_STATUS_ACHIEVED,
  KL_GOAL_STATUS_DROPPED,
} KlGoalStatus;

typedef enum
{
  KL_COURSE_STATUS_SCHEDULED,
  KL_COURSE_STATUS_CANCELLED,
} KlCourseStatus;

typedef enum
{
  KL_ENROLMENT_STATUS_PLANNED,
  KL_ENROLMENT_STATUS_ENROLLED,
  KL_ENROLMENT_STATUS_WAITLISTED,
  KL_ENROLMENT_STATUS_COMPLETED,
  KL_ENROLMENT_STATUS_CANCELLED,
  KL_ENROLMENT_STATUS_NO_SHOW,
} KlEnrolmentStatus;

typedef enum
{
  KL_ACTION_STATUS_OPEN,
  KL_ACTION_STATUS_IN_PROGRESS,
  KL_ACTION_STATUS_DONE,
  KL_ACTION_STATUS_DROPPED,
} KlActionStatus;

#define KL_LEVEL_MIN 0
#define KL_LEVEL_MAX 4
#define KL_MATURITY_MIN 1
#define KL_MATURITY_MAX 5

#define KL_TYPE_GOAL_STATUS (kl_goal_status_get_type ())
#define KL_TYPE_COURSE_STATUS (kl_course_status_get_type ())
#define KL_TYPE_ENROLMENT_STATUS (kl_enrolment_status_get_type ())
#define KL_TYPE_ACTION_STATUS (kl_action_status_get_type ())

GType       kl_goal_status_get_type      (void) G_GNUC_CONST;
GType       kl_course_status_get_type    (void) G_GNUC_CONST;
GType       kl_enrolment_status_get_type (void) G_GNUC_CONST;
GType       kl_action_status_get_type    (void) G_GNUC_CONST;

const char *kl_enum_to_nick              (GType        type,
                                          int          value);
gboolean    kl_enum_from_nick            (GType        type,
                                          const char  *nick,
                                          int         *value);

const char *kl_level_name                (int          level);
const char *kl_maturity_name             (int          maturity);
const char *kl_enrolment_status_name     (KlEnrolmentStatus status);
const char *kl_goal_status_name          (KlGoalStatus status);
const char *kl_action_status_name        (KlActionStatus status);

G_END_DECLS
