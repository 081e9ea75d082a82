/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo organisation's tables (kl-demo-data.c), shared with the code
 * that writes them into a store (kl-demo.c). */
#pragma once

#include "kl-store.h"

G_BEGIN_DECLS

/* A fictitious organisation in a Danish municipality's social psychiatry.
 * Every name is invented. The same seed gives the same people, courses and
 * history every time; dates are relative to the day the data is made, so
 * the example always looks current. */

#define DEMO_SEED 20261123
#define DEMO_EMAIL_DOMAIN "kommune.example.dk"

/* The tables' lengths; kl-demo-data.c checks them. */
#define N_STAFF                 48
#define N_DEMO_CORE_THEMES       2
#define N_DEMO_ASSESSMENT_NOTES  7
#define N_DEMO_GOALS            16
#define N_DEMO_COURSES          18
#define N_DEMO_PRINCIPLES        7
#define N_DEMO_ACTIONS          14

/* Assessment rounds, in days before today: see demo_round_days_ago. */
#define N_ROUNDS 3

typedef enum
{
  UNIT_BOSTOETTEN,
  UNIT_BOSTOETTE_NORD,
  UNIT_BOSTOETTE_SYD,
  UNIT_LINDEHUSET,
  UNIT_LINDEHUSET_107,
  UNIT_LINDEHUSET_108,
  UNIT_VAERESTEDET,
  UNIT_VAERESTEDET_CAFE,
  UNIT_VAERESTEDET_VAERKSTED,
  N_UNITS
} DemoUnit;

typedef enum
{
  JOB_PAEDAGOG,
  JOB_SOSU_ASSISTANT,
  JOB_NURSE,
  JOB_OCCUPATIONAL_THERAPIST,
  JOB_SOCIAL_WORKER,
  JOB_PEER,
  JOB_PEDAGOGICAL_ASSISTANT,
  JOB_PSYCHOLOGIST,
  JOB_TEAM_LEADER,
  N_JOBS
} DemoJob;

typedef enum
{
  COURSE_PLAIN,
  COURSE_OVERBOOKED,   /* everyone asks for a seat: some end on the waiting list */
  COURSE_SEAT_FREED,   /* overbooked, then someone gives up a seat */
  COURSE_CANCELLED,    /* cancelled after people had enrolled */
} DemoCourseKind;

typedef struct
{
  const char *name;
  int         parent;   /* a DemoUnit, or -1 for a top-level unit */
  const char *focus[2]; /* themes the unit works most with */
} DemoUnitRow;

typedef struct
{
  const char *title;
  const char *specialty; /* the theme the profession brings the most of */
} DemoJobRow;

typedef struct
{
  const char *name;
  DemoUnit    unit;
  DemoJob     job;
  gboolean    has_left;
} DemoStaffRow;

typedef struct
{
  const char *text;
  const char *theme; /* or NULL */
} DemoGoalRow;

typedef struct
{
  const char     *title;
  const char     *provider;
  const char     *location;
  const char     *description;
  const char     *themes[4];     /* NULL-terminated */
  double          hours;
  double          cost_dkk;
  int             capacity;      /* -1 for no limit */
  int             starts_in;     /* days from today; negative in the past */
  int             length;        /* days from the first to the last */
  int             participants;
  DemoCourseKind  kind;
} DemoCourseRow;

typedef struct
{
  const char *principle;
  const char *reflections[5];
} DemoPrincipleRow;

typedef struct
{
  const char     *title;
  DemoUnit        unit;
  const char     *principle;
  const char     *theme;     /* or NULL */
  const char     *owner;     /* a staff member of the unit, or NULL */
  int             due_in;    /* days from today */
  KlActionStatus  status;
  const char     *note;
} DemoActionRow;

/* kl-demo-data.c defines the tables without these lengths, to check them. */
#ifndef KL_DEMO_DATA
extern const DemoUnitRow demo_units[N_UNITS];
extern const DemoJobRow demo_jobs[N_JOBS];
extern const DemoStaffRow demo_staff[N_STAFF];
extern const DemoGoalRow demo_goals[N_DEMO_GOALS];
extern const DemoCourseRow demo_courses[N_DEMO_COURSES];
extern const DemoPrincipleRow demo_principles[N_DEMO_PRINCIPLES];
extern const DemoActionRow demo_actions[N_DEMO_ACTIONS];
extern const char *demo_core_themes[N_DEMO_CORE_THEMES];
extern const char *demo_assessment_notes[N_DEMO_ASSESSMENT_NOTES];
extern const int demo_round_days_ago[N_ROUNDS];
#endif

G_END_DECLS
