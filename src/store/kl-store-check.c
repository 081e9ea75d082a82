/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Validation of what is written: names, texts, dates, ranges, references
 * and e-mail addresses. */
#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <string.h>

#include "kl-store-private.h"

gboolean
_kl_check_name (const char  *value,
                const char  *field,
                const char  *label,
                GError     **error)
{
  g_autofree char *trimmed = NULL;

  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    return _kl_set_invalid (error, field, _("%s is not valid text"), _(label));

  trimmed = g_strstrip (g_strdup (value ? value : ""));
  if (*trimmed == '\0')
    return _kl_set_invalid (error, field, _("%s cannot be empty"), _(label));
  if (g_utf8_strlen (trimmed, -1) > KL_NAME_MAX)
    return _kl_set_invalid (error, field, _("%s is too long: at most %d characters"), _(label), KL_NAME_MAX);
  return TRUE;
}

gboolean
_kl_check_text (const char  *value,
                const char  *field,
                const char  *label,
                GError     **error)
{
  if (value == NULL)
    return TRUE;
  if (!g_utf8_validate (value, -1, NULL))
    return _kl_set_invalid (error, field, _("%s is not valid text"), _(label));
  if (g_utf8_strlen (value, -1) > KL_TEXT_MAX)
    return _kl_set_invalid (error, field, _("%s is too long: at most %d characters"), _(label), KL_TEXT_MAX);
  return TRUE;
}

/* Reads YYYY-MM-DD by hand: every date of an import passes here. */
static gboolean
read_date_parts (const char *text,
                 int        *year,
                 int        *month,
                 int        *day)
{
  static const char pattern[] = "dddd-dd-dd";

  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < sizeof pattern - 1; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != pattern[i])
      return FALSE;
  if (text[sizeof pattern - 1] != '\0')
    return FALSE;

  *year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  *month = (text[5] - '0') * 10 + (text[6] - '0');
  *day = (text[8] - '0') * 10 + (text[9] - '0');
  return *year >= 1900 && *year <= 2200 && g_date_valid_dmy (*day, *month, *year);
}

/**
 * kl_store_is_date:
 * @text: (nullable): a text
 *
 * Returns: whether @text is a real date as YYYY-MM-DD, between the years
 *   1900 and 2200
 */
gboolean
kl_store_is_date (const char *text)
{
  int y, m, d;

  return read_date_parts (text, &y, &m, &d);
}

/**
 * kl_store_parse_date:
 * @text: a date as YYYY-MM-DD
 *
 * Returns: (transfer full) (nullable): the date, or %NULL if @text is not
 *   a real date in that form (see kl_store_is_date())
 */
GDate *
kl_store_parse_date (const char *text)
{
  int y, m, d;

  if (!read_date_parts (text, &y, &m, &d))
    return NULL;
  return g_date_new_dmy (d, m, y);
}

gboolean
_kl_check_date (const char  *value,
                gboolean     required,
                const char  *field,
                const char  *label,
                GError     **error)
{
  if (value == NULL || *value == '\0')
    {
      if (required)
        return _kl_set_invalid (error, field, _("%s is missing"), _(label));
      return TRUE;
    }

  if (!kl_store_is_date (value))
    return _kl_set_invalid (error, field, _("%s is not a valid date (YYYY-MM-DD): %s"), _(label), value);
  return TRUE;
}

gboolean
_kl_check_range (int          value,
                 int          min,
                 int          max,
                 const char  *field,
                 const char  *label,
                 GError     **error)
{
  if (value < min || value > max)
    return _kl_set_invalid (error, field, _("%s must be between %d and %d, not %d"), _(label), min, max, value);
  return TRUE;
}

gboolean
_kl_check_reference (KlStore     *self,
                     const char  *table,
                     gint64       id,
                     const char  *field,
                     const char  *label,
                     GError     **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  /* In a bulk transaction the caller has resolved the references. */
  if (self->bulk && id > 0)
    return TRUE;

  sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE id = ?1", table);

  /* Interned for the statement cache; see _kl_store_id_for_uuid(). */
  if (id > 0 && (stmt = _kl_store_prepare (self, g_intern_string (sql), NULL)) != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      found = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) > 0;
      sqlite3_reset (stmt);
    }

  if (!found)
    return _kl_set_invalid (error, field, _("%s does not exist"), _(label));
  return TRUE;
}

gboolean
_kl_check_email (const char  *value,
                 GError     **error)
{
  const char *at;

  if (value == NULL || *value == '\0')
    return TRUE;

  at = strchr (value, '@');
  if (at == NULL || at == value || strchr (at + 1, '@') != NULL ||
      strchr (at + 1, '.') == NULL || g_str_has_suffix (value, ".") ||
      strpbrk (value, " \t\n,;<>") != NULL || strlen (value) > KL_NAME_MAX)
    return _kl_set_invalid (error, "email", _("“%s” is not an e-mail address"), value);

  return TRUE;
}
