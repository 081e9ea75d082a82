/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kl-store.h"

G_BEGIN_DECLS

/* The leader's own development: where each principle stands, per unit,
 * and the data behind the principles. Every figure comes from one
 * indexed query; nothing here loads whole tables. Dates are YYYY-MM-DD;
 * @today is passed in so "overdue" follows the caller's clock. */

/* One principle of a framework, for one unit or across all units. */
typedef struct
{
  gint64  principle_id;
  char   *slug;              /* the principle's id, such as "faglig-refleksion" */
  char   *name;              /* as stored: an English msgid for built-in principles */
  int     position;
  int     n_units;           /* units with at least one self-assessment */
  int     maturity;          /* one unit: its latest; all units: the lowest; 0 = none */
  double  average;           /* mean of the units' latest maturity; 0 = none */
  int     previous;          /* one unit: the assessment before the latest; 0 = none */
  int     n_up;              /* units whose latest is above their previous */
  int     n_down;            /* units whose latest is below their previous */
  char   *assessed_on;       /* the newest of the latest assessments, or NULL */
  int     open_actions;      /* open or in progress, in the unit and its sub-units */
  int     overdue_actions;   /* of those, due before @today */
} KlPrincipleStatus;

/* One unit's standing on one principle. */
typedef struct
{
  gint64  unit_id;
  gint64  parent_id;
  char   *unit_name;
  int     maturity;          /* latest; 0 = not assessed */
  int     previous;          /* 0 = none */
  char   *assessed_on;
  int     open_actions;      /* in this unit only */
  int     overdue_actions;
} KlPrincipleUnitStatus;

/* A competence theme in a unit: the current levels of its current staff. */
typedef struct
{
  gint64    theme_id;
  char     *theme_uuid;
  char     *name;            /* as stored: an English msgid for built-in themes */
  gboolean  builtin;
  int       n_assessed;      /* staff with a current assessment in the theme */
  int       n_independent;   /* of those, at level 3 (Independent) or above */
  int       n_below_target;  /* of those, below their target */
} KlThemeCoverage;

/* A staff member below target in a theme. */
typedef struct
{
  gint64  staff_id;
  char   *name;
  char   *unit_name;
  int     level;
  int     target;
} KlStaffGap;

/* A staff member who owns at least one action. */
typedef struct
{
  gint64  staff_id;
  char   *name;
} KlActionOwner;

void        kl_principle_status_free       (KlPrincipleStatus      *status);
void        kl_principle_unit_status_free  (KlPrincipleUnitStatus  *status);
void        kl_theme_coverage_free         (KlThemeCoverage        *coverage);
void        kl_staff_gap_free              (KlStaffGap             *gap);
void        kl_action_owner_free           (KlActionOwner          *owner);

GPtrArray  *kl_store_list_principle_status (KlStore     *self,
                                            const char  *framework,
                                            gint64       unit_id,
                                            const char  *today,
                                            GError     **error);
GPtrArray  *kl_store_list_principle_units  (KlStore     *self,
                                            gint64       principle_id,
                                            gint64       unit_id,
                                            const char  *today,
                                            GError     **error);
GPtrArray  *kl_store_list_unit_coverage    (KlStore     *self,
                                            gint64       unit_id,
                                            const char  *today,
                                            int         *n_staff,
                                            GError     **error);
GPtrArray  *kl_store_list_staff_with_gap   (KlStore     *self,
                                            gint64       unit_id,
                                            gint64       theme_id,
                                            const char  *today,
                                            int         *n_unassessed,
                                            GError     **error);
GPtrArray  *kl_store_list_action_owners    (KlStore     *self,
                                            GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlPrincipleStatus, kl_principle_status_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlPrincipleUnitStatus, kl_principle_unit_status_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlThemeCoverage, kl_theme_coverage_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlStaffGap, kl_staff_gap_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlActionOwner, kl_action_owner_free)

G_END_DECLS
