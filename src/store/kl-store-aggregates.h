/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kl-store.h"

G_BEGIN_DECLS

/* A theme is vulnerable when fewer than this many people are at level 3
 * (Independent) or above: one absence and nobody can carry the work. */
#define KL_COVERAGE_LEVEL 3
#define KL_COVERAGE_MIN   2

/* Whom and when the figures are about. */
typedef struct
{
  gint64      unit_id;    /* a unit with its sub-units; 0 for all */
  const char *job_title;  /* only staff with this job title; NULL for all */
  const char *today;      /* YYYY-MM-DD: "current" and "overdue" are as of
                           * this day; NULL for today */
  int         year;       /* the calendar year of training figures; 0 for
                           * the year of @today */
} KlAggregateQuery;

typedef struct
{
  gint64  theme_id;
  char   *name;            /* in the UI language */
  guint   n_staff;         /* staff employed, in the query */
  guint   n_assessed;      /* with a current assessment in the theme */
  guint   n_with_target;   /* whose current assessment has a target */
  guint   n_at_target;     /* of those, level at or above the target */
  guint   n_below_target;
  guint   gap;             /* levels short: the sum of target − level */
  guint   n_covered;       /* at level KL_COVERAGE_LEVEL or above */
  guint   levels[5];       /* how many at each level 0–4 */
  double  average_level;   /* of those assessed; 0 if nobody is */
} KlThemeStatus;

typedef struct
{
  gint64  course_id;
  char   *title;
  char   *starts_on;
  char   *ends_on;
  double  hours;
  double  cost_dkk;
  int     capacity;        /* -1 for no limit */
  guint   seats_taken;     /* enrolled and completed */
  int     free_seats;      /* -1 for no limit */
  guint   n_signed_up;     /* planned, enrolled or waitlisted from the query's units */
} KlUpcomingCourse;

typedef struct
{
  gint64  theme_id;        /* 0 for courses without a theme, or the total */
  char   *name;
  guint   n_completed;     /* completed enrolments */
  guint   n_people;        /* different people who completed */
  double  hours;
  double  cost_dkk;
} KlTrainingSum;

typedef enum
{
  KL_OVERDUE_GOAL,
  KL_OVERDUE_ACTION,
} KlOverdueKind;

typedef struct
{
  KlOverdueKind  kind;
  gint64         id;
  char          *title;
  gint64         staff_id;   /* the goal's staff member, the action's owner, or 0 */
  char          *staff_name; /* their name, or NULL */
  char          *unit_name;  /* the staff member's unit, or the action's */
  char          *due_on;
  guint          days_overdue;
} KlOverdueItem;

typedef struct
{
  gint64  principle_id;
  char   *slug;
  char   *name;            /* in the UI language */
  guint   n_units;         /* units in the query */
  guint   n_assessed;      /* of those, units that have assessed the principle */
  double  average_maturity; /* of their latest assessments; 0 if none */
  int     min_maturity;
  int     max_maturity;
  char   *assessed_on;     /* the newest of those assessments, or NULL */
  guint   n_open_actions;
  guint   n_overdue_actions;
} KlPrincipleStatus;

/* The competence matrix: rows (staff, or units) × themes. */
typedef enum
{
  KL_MATRIX_STAFF,
  KL_MATRIX_UNITS,
} KlMatrixKind;

typedef struct
{
  gint64      id;          /* staff or unit */
  const char *name;
  const char *job_title;   /* staff */
  const char *unit_name;   /* staff */
  guint       depth;       /* units: levels below the top of the query */
  guint       n_staff;     /* units: employed staff, sub-units included */
} KlMatrixRow;

typedef struct
{
  gint8   level;           /* staff: the current level; units: the rounded
                            * average; -1 if nobody is assessed */
  gint8   target;          /* staff: -1 if none */
  guint16 n_assessed;      /* units */
  guint16 n_covered;       /* units: at level KL_COVERAGE_LEVEL or above */
  guint16 n_below_target;  /* units */
  float   average;         /* units */
} KlMatrixCell;

typedef struct
{
  KlMatrixKind   kind;
  guint          n_rows;
  guint          n_themes;
  KlMatrixRow   *rows;
  KlThemeStatus *themes;   /* the columns, with their totals over all rows */
  KlMatrixCell  *cells;    /* n_rows × n_themes, row by row */
  /*< private >*/
  GStringChunk  *strings;
  gatomicrefcount ref_count;
} KlMatrix;

#define KL_TYPE_MATRIX (kl_matrix_get_type ())

GType         kl_matrix_get_type                 (void) G_GNUC_CONST;
KlMatrix     *kl_matrix_ref                      (KlMatrix  *matrix);
void          kl_matrix_unref                    (KlMatrix  *matrix);
KlMatrixCell *kl_matrix_get_cell                 (KlMatrix  *matrix,
                                                  guint      row,
                                                  guint      theme);
int           kl_matrix_find_theme               (KlMatrix  *matrix,
                                                  gint64     theme_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlMatrix, kl_matrix_unref)

/* What the Overview shows. */
#define KL_OVERVIEW_GAPS           3
#define KL_OVERVIEW_UPCOMING_DAYS 60
#define KL_OVERVIEW_OVERDUE_ITEMS  4   /* of each kind */

typedef struct
{
  char          *today;
  int            year;
  gint64         n_staff;
  GArray        *themes;          /* KlThemeStatus, in theme order */
  GArray        *gaps;            /* KlThemeStatus, largest first */
  GArray        *upcoming;        /* KlUpcomingCourse */
  GArray        *training;        /* KlTrainingSum per theme */
  KlTrainingSum  training_total;
  double         hours_completed[12];
  double         hours_planned[12];
  guint          n_overdue_goals;
  guint          n_overdue_actions;
  GArray        *overdue;         /* KlOverdueItem: the longest overdue of each kind */
  GArray        *principles;      /* KlPrincipleStatus */
  /* For the page's filters and its empty state, loaded with the figures
   * so that nothing waits for them on the main thread: */
  GPtrArray     *units;           /* every KlUnit, by name */
  int            first_year;      /* kl_store_aggregate_year_range() */
  gint64         n_staff_all;     /* every staff record, also those who have left */
} KlOverview;

void          kl_overview_free                   (KlOverview *overview);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlOverview, kl_overview_free)

char         *kl_aggregate_today                 (void);

gint64        kl_store_aggregate_staff_count     (KlStore                 *self,
                                                  const KlAggregateQuery  *query,
                                                  GError                 **error);
GArray       *kl_store_aggregate_themes          (KlStore                 *self,
                                                  const KlAggregateQuery  *query,
                                                  GError                 **error);
GArray       *kl_store_aggregate_gaps            (KlStore                 *self,
                                                  const KlAggregateQuery  *query,
                                                  guint                    limit,
                                                  GError                 **error);
GArray       *kl_store_aggregate_upcoming_courses (KlStore                *self,
                                                   const KlAggregateQuery *query,
                                                   guint                   days,
                                                   GError                **error);
GArray       *kl_store_aggregate_training        (KlStore                 *self,
                                                  const KlAggregateQuery  *query,
                                                  KlTrainingSum           *total,
                                                  GError                 **error);
gboolean      kl_store_aggregate_training_months (KlStore                 *self,
                                                  const KlAggregateQuery  *query,
                                                  double                   completed[12],
                                                  double                   planned[12],
                                                  GError                 **error);
gboolean      kl_store_aggregate_overdue_counts  (KlStore                 *self,
                                                  const KlAggregateQuery  *query,
                                                  guint                   *n_goals,
                                                  guint                   *n_actions,
                                                  GError                 **error);
GArray       *kl_store_aggregate_overdue         (KlStore                 *self,
                                                  const KlAggregateQuery  *query,
                                                  guint                    limit,
                                                  GError                 **error);
GArray       *kl_store_aggregate_principles      (KlStore                 *self,
                                                  const KlAggregateQuery  *query,
                                                  GError                 **error);
GStrv         kl_store_aggregate_job_titles      (KlStore                 *self,
                                                  const KlAggregateQuery  *query,
                                                  GError                 **error);
gboolean      kl_store_aggregate_year_range      (KlStore                 *self,
                                                  int                     *first,
                                                  int                     *last,
                                                  GError                 **error);
KlMatrix     *kl_store_load_matrix               (KlStore                 *self,
                                                  KlMatrixKind             kind,
                                                  const KlAggregateQuery  *query,
                                                  GError                 **error);
KlMatrix     *kl_store_load_matrix_finish        (KlStore                 *self,
                                                  GAsyncResult            *result,
                                                  GError                 **error);
void          kl_store_load_matrix_async         (KlStore                 *self,
                                                  KlMatrixKind             kind,
                                                  const KlAggregateQuery  *query,
                                                  GCancellable            *cancellable,
                                                  GAsyncReadyCallback      callback,
                                                  gpointer                 user_data);
KlOverview   *kl_store_load_overview             (KlStore                 *self,
                                                  const KlAggregateQuery  *query,
                                                  GError                 **error);
void          kl_store_load_overview_async       (KlStore                 *self,
                                                  const KlAggregateQuery  *query,
                                                  GCancellable            *cancellable,
                                                  GAsyncReadyCallback      callback,
                                                  gpointer                 user_data);
KlOverview   *kl_store_load_overview_finish      (KlStore                 *self,
                                                  GAsyncResult            *result,
                                                  GError                 **error);

G_END_DECLS
