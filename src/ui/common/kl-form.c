/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "kl-form.h"
#include "kl-store.h"

/* What the forms share: showing the store's validation error at the
 * field it is about, and dates and numbers as a Danish user writes them. */

/**
 * kl_form_show_error:
 * @label: where the message is shown
 * @fields: the form's fields
 * @error: the store's error; its field is highlighted and focused
 */
void
kl_form_show_error (GtkLabel          *label,
                    const KlFormField *fields,
                    guint              n_fields,
                    const GError      *error)
{
  const char *field = kl_store_error_get_field (error);

  kl_form_clear_error (label, fields, n_fields);
  gtk_label_set_label (label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);

  for (guint i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].field, field) == 0)
      {
        gtk_widget_add_css_class (fields[i].widget, "error");
        gtk_widget_grab_focus (fields[i].widget);
        gtk_accessible_update_state (GTK_ACCESSIBLE (fields[i].widget),
                                     GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
      }
}

void
kl_form_clear_error (GtkLabel          *label,
                     const KlFormField *fields,
                     guint              n_fields)
{
  gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
  for (guint i = 0; i < n_fields; i++)
    {
      gtk_widget_remove_css_class (fields[i].widget, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (fields[i].widget), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/**
 * kl_parse_user_date:
 * @text: a date as a Danish user types it: dd-mm-åååå (also with . or /)
 *   or ISO åååå-mm-dd
 *
 * Returns: (transfer full) (nullable): the date as YYYY-MM-DD, an empty
 *   string for empty input, or %NULL if @text is not a date
 */
char *
kl_parse_user_date (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  int a, b, c;
  char s1, s2, extra;

  if (*trimmed == '\0')
    return g_strdup ("");

  if (sscanf (trimmed, "%d%c%d%c%d%c", &a, &s1, &b, &s2, &c, &extra) != 5 || s1 != s2 ||
      (s1 != '-' && s1 != '.' && s1 != '/'))
    return NULL;

  /* åååå-mm-dd, else dd-mm-åååå */
  if (a > 31 && s1 == '-' && g_date_valid_dmy (c, b, a))
    return g_strdup_printf ("%04d-%02d-%02d", a, b, c);
  if (c >= 1900 && c <= 2200 && g_date_valid_dmy (a, b, c))
    return g_strdup_printf ("%04d-%02d-%02d", c, b, a);
  return NULL;
}

/**
 * kl_form_date_for_entry:
 * @iso: (nullable): YYYY-MM-DD
 *
 * Returns: (transfer full): the date as typed in the forms, dd-mm-åååå
 */
char *
kl_form_date_for_entry (const char *iso)
{
  int y, m, d;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return g_strdup ("");
  return g_strdup_printf ("%02d-%02d-%04d", d, m, y);
}

/**
 * kl_format_date:
 * @iso: (nullable): YYYY-MM-DD
 *
 * Returns: (transfer full): the date for reading, such as "12 March 2026"
 *   (Danish "12. marts 2026"), or an empty string
 */
char *
kl_format_date (const char *iso)
{
  g_autoptr(GDate) date = kl_store_parse_date (iso);
  char buffer[64];

  if (date == NULL)
    return g_strdup ("");
  /* Translators: a date as shown in the app, see strftime(3) */
  g_date_strftime (buffer, sizeof buffer, _("%-d %B %Y"), date);
  return g_strdup (buffer);
}

/* "4.500" and "1.250.000": dots between groups of three digits */
static gboolean
dots_group_thousands (const char *text)
{
  const char *dot = strchr (text, '.');

  if (dot == NULL || dot == text)
    return FALSE;
  for (; dot != NULL; dot = strchr (dot + 1, '.'))
    if (strspn (dot + 1, "0123456789") != 3 || (dot[4] != '\0' && dot[4] != '.'))
      return FALSE;
  return TRUE;
}

/**
 * kl_parse_user_number:
 * @text: a number as a Danish user writes it: "37", "32,5", "4.500",
 *   "4.500,50"; a decimal point ("32.5") and spaces between groups are
 *   understood too
 * @value: (out): the number
 *
 * Returns: %TRUE if @text is a number
 */
gboolean
kl_parse_user_number (const char *text,
                      double     *value)
{
  g_autoptr(GString) number = g_string_new (NULL);
  gboolean has_comma;
  gboolean thousands;
  char *end = NULL;

  for (const char *p = text ? text : ""; *p != '\0'; p++)
    if (*p != ' ' && (guchar)*p != 0xc2 && (guchar)*p != 0xa0)
      g_string_append_c (number, *p);
  if (number->len == 0)
    return FALSE;

  has_comma = strchr (number->str, ',') != NULL;
  thousands = has_comma || dots_group_thousands (number->str);
  for (char *p = number->str; *p != '\0'; p++)
    if (*p == '.' && thousands)
      memmove (p, p + 1, strlen (p)), p--;
    else if (*p == ',')
      *p = '.';

  *value = g_ascii_strtod (number->str, &end);
  return end != NULL && *end == '\0' && end != number->str;
}

/**
 * kl_format_number:
 *
 * Returns: (transfer full): @value in the user's number format, with up to
 *   @decimals decimals and none when it is whole ("37", "32,5")
 */
char *
kl_format_number (double value,
                  int    decimals)
{
  char *text;

  /* printf honours LC_NUMERIC: "11.500" and "32,5" in Danish. */
  if (value == (gint64)value && ABS (value) < 1e15)
    return g_strdup_printf ("%'.0f", value);

  text = g_strdup_printf ("%'.*f", decimals, value);
  if (strchr (text, '.') || strchr (text, ','))
    {
      char *end = text + strlen (text) - 1;
      while (*end == '0')
        *end-- = '\0';
      if (*end == '.' || *end == ',')
        *end = '\0';
    }
  return text;
}

char *
kl_text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}
