/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kl-enums.h"

#define DEFINE_ENUM(TypeName, type_name, ...)                                  \
  GType                                                                        \
  type_name##_get_type (void)                                                  \
  {                                                                            \
    static gsize type_id;                                                      \
    static const GEnumValue values[] = { __VA_ARGS__, { 0, NULL, NULL } };     \
    if (g_once_init_enter (&type_id))                                          \
      g_once_init_leave (&type_id, g_enum_register_static (#TypeName, values)); \
    return type_id;                                                            \
  }

DEFINE_ENUM (KlGoalStatus, kl_goal_status,
             { KL_GOAL_STATUS_OPEN, "KL_GOAL_STATUS_OPEN", "open" },
             { KL_GOAL_STATUS_ACHIEVED, "KL_GOAL_STATUS_ACHIEVED", "achieved" },
             { KL_GOAL_STATUS_DROPPED, "KL_GOAL_STATUS_DROPPED", "dropped" })

DEFINE_ENUM (KlCourseStatus, kl_course_status,
             { KL_COURSE_STATUS_SCHEDULED, "KL_COURSE_STATUS_SCHEDULED", "scheduled" },
             { KL_COURSE_STATUS_CANCELLED, "KL_COURSE_STATUS_CANCELLED", "cancelled" })

DEFINE_ENUM (KlEnrolmentStatus, kl_enrolment_status,
             { KL_ENROLMENT_STATUS_PLANNED, "KL_ENROLMENT_STATUS_PLANNED", "planned" },
             { KL_ENROLMENT_STATUS_ENROLLED, "KL_ENROLMENT_STATUS_ENROLLED", "enrolled" },
             { KL_ENROLMENT_STATUS_WAITLISTED, "KL_ENROLMENT_STATUS_WAITLISTED", "waitlisted" },
             { KL_ENROLMENT_STATUS_COMPLETED, "KL_ENROLMENT_STATUS_COMPLETED", "completed" },
             { KL_ENROLMENT_STATUS_CANCELLED, "KL_ENROLMENT_STATUS_CANCELLED", "cancelled" },
             { KL_ENROLMENT_STATUS_NO_SHOW, "KL_ENROLMENT_STATUS_NO_SHOW", "no_show" })

DEFINE_ENUM (KlActionStatus, kl_action_status,
             { KL_ACTION_STATUS_OPEN, "KL_ACTION_STATUS_OPEN", "open" },
             { KL_ACTION_STATUS_IN_PROGRESS, "KL_ACTION_STATUS_IN_PROGRESS", "in_progress" },
             { KL_ACTION_STATUS_DONE, "KL_ACTION_STATUS_DONE", "done" },
             { KL_ACTION_STATUS_DROPPED, "KL_ACTION_STATUS_DROPPED", "dropped" })

/**
 * kl_enum_to_nick:
 * @type: one of the status enum types
 * @value: a value of @type
 *
 * Returns: (nullable): the value's stored name, such as "no_show"
 */
const char *
kl_enum_to_nick (GType type,
                 int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *v = g_enum_get_value (klass, value);

  return v ? v->value_nick : NULL;
}

/**
 * kl_enum_from_nick:
 * @type: one of the status enum types
 * @nick: a stored name, such as "no_show"
 * @value: (out): the value
 *
 * Returns: %TRUE if @nick is a value of @type
 */
gboolean
kl_enum_from_nick (GType       type,
                   const char *nick,
                   int        *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *v = nick ? g_enum_get_value_by_nick (klass, nick) : NULL;

  if (v == NULL)
    return FALSE;
  *value = v->value;
  return TRUE;
}

/**
 * kl_level_name:
 * @level: a competence level, 0–4
 *
 * Returns: the level's translated name, such as "Independent"
 */
const char *
kl_level_name (int level)
{
  static const char *names[] = {
    N_("None"), N_("Awareness"), N_("Practising with support"),
    N_("Independent"), N_("Can teach others"),
  };

  g_return_val_if_fail (level >= KL_LEVEL_MIN && level <= KL_LEVEL_MAX, "");
  return _(names[level]);
}

/**
 * kl_maturity_name:
 * @maturity: a maturity, 1–5
 *
 * Returns: the maturity's translated name, such as "Well under way"
 */
const char *
kl_maturity_name (int maturity)
{
  static const char *names[] = {
    N_("Not started"), N_("Started"), N_("Partly in place"),
    N_("Well under way"), N_("Embedded"),
  };

  g_return_val_if_fail (maturity >= KL_MATURITY_MIN && maturity <= KL_MATURITY_MAX, "");
  return _(names[maturity - 1]);
}

const char *
kl_enrolment_status_name (KlEnrolmentStatus status)
{
  switch (status)
    {
    case KL_ENROLMENT_STATUS_PLANNED:
      return C_("enrolment status", "Planned");
    case KL_ENROLMENT_STATUS_ENROLLED:
      return C_("enrolment status", "Enrolled");
    case KL_ENROLMENT_STATUS_WAITLISTED:
      return C_("enrolment status", "On waiting list");
    case KL_ENROLMENT_STATUS_COMPLETED:
      return C_("enrolment status", "Completed");
    case KL_ENROLMENT_STATUS_CANCELLED:
      return C_("enrolment status", "Cancelled");
    case KL_ENROLMENT_STATUS_NO_SHOW:
      return C_("enrolment status", "Did not show up");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
kl_goal_status_name (KlGoalStatus status)
{
  switch (status)
    {
    case KL_GOAL_STATUS_OPEN:
      return C_("goal status", "Open");
    case KL_GOAL_STATUS_ACHIEVED:
      return C_("goal status", "Achieved");
    case KL_GOAL_STATUS_DROPPED:
      return C_("goal status", "Dropped");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
kl_action_status_name (KlActionStatus status)
{
  switch (status)
    {
    case KL_ACTION_STATUS_OPEN:
      return C_("action status", "Open");
    case KL_ACTION_STATUS_IN_PROGRESS:
      return C_("action status", "In progress");
    case KL_ACTION_STATUS_DONE:
      return C_("action status", "Done");
    case KL_ACTION_STATUS_DROPPED:
      return C_("action status", "Dropped");
    default:
      g_return_val_if_reached ("");
    }
}
