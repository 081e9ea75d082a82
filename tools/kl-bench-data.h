/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kl-store.h"

G_BEGIN_DECLS

/* How many records of each kind a data set has. */
typedef struct
{
  const char *name;
  guint       units;
  guint       staff;
  guint       courses;
  guint       enrolments;
  guint       assessments;
  guint       goals;
  guint       actions;
} KlBenchSize;

const KlBenchSize *kl_bench_size_find       (const char         *name);
char              *kl_bench_ensure_data     (const KlBenchSize  *size,
                                             const char         *data_dir,
                                             GError            **error);
void               kl_bench_remove_database (const char         *path);

G_END_DECLS
