/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "kl-chart-format.h"

/**
 * kl_chart_format_number:
 * @decimals: digits after the decimal separator
 *
 * Returns: (transfer full): @value with the locale's decimal separator
 *   and digit grouping, such as "12.400" or "2,5" in Danish
 */
char *
kl_chart_format_number (double value,
                  int    decimals)
{
  /* printf follows LC_NUMERIC; the ' flag groups thousands. */
  return g_strdup_printf ("%'.*f", CLAMP (decimals, 0, 6), value);
}

/* Whole hours without decimals, half hours with one. */
char *
kl_chart_format_hours (double hours)
{
  return kl_chart_format_number (hours, fabs (hours - round (hours)) < 0.05 ? 0 : 1);
}

char *
kl_chart_format_money (double kroner)
{
  g_autofree char *amount = kl_chart_format_number (round (kroner), 0);

  /* Translators: an amount in Danish kroner; Danish writes "12.400 kr." */
  return g_strdup_printf (_("DKK %s"), amount);
}

/**
 * kl_chart_format_percent:
 *
 * Returns: (transfer full): @part of @whole as a whole percentage, such
 *   as "67%" ("67 %" in Danish); "–" when @whole is 0
 */
char *
kl_chart_format_percent (guint part,
                   guint whole)
{
  if (whole == 0)
    return g_strdup ("–");

  /* Translators: a percentage; Danish puts a space before the sign */
  return g_strdup_printf (_("%d%%"), (int)floor (100.0 * part / whole + 0.5));
}

/**
 * kl_chart_format_month:
 * @month: 1–12
 * @abbreviated: "Jan" rather than "January"
 *
 * Returns: (transfer full): the month's name in the user's language
 */
char *
kl_chart_format_month (int      month,
                 gboolean abbreviated)
{
  char text[64];
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, CLAMP (month, 1, 12), 2000);
  if (g_date_strftime (text, sizeof text, abbreviated ? "%b" : "%B", &date) == 0)
    return g_strdup_printf ("%d", month);
  return g_strdup (text);
}
