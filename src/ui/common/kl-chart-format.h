/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Numbers and dates as the user writes them: "1.234,5" in Danish. */

char *kl_chart_format_number  (double      value,
                               int         decimals);
char *kl_chart_format_hours   (double      hours);
char *kl_chart_format_money   (double      kroner);
char *kl_chart_format_percent (guint       part,
                               guint       whole);
char *kl_chart_format_month   (int         month,
                               gboolean    abbreviated);

G_END_DECLS
