/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kl-store-private.h"

/* Themes */

#define THEME_COLUMNS "t.id, t.uuid, t.created_at, t.updated_at, t.name, t.builtin, t.archived, t.position"

static gpointer
read_theme (sqlite3_stmt *stmt)
{
  KlTheme *theme = kl_theme_new ();

  _kl_store_read_record_base (KL_RECORD (theme), stmt, 0);
  kl_theme_set_name (theme, _kl_column_text (stmt, 4));
  kl_theme_set_builtin (theme, sqlite3_column_int (stmt, 5));
  kl_theme_set_archived (theme, sqlite3_column_int (stmt, 6));
  kl_theme_set_position (theme, sqlite3_column_int (stmt, 7));
  return theme;
}

/**
 * kl_store_list_themes:
 * @include_archived: whether to list archived themes too
 *
 * Returns: (transfer full) (element-type KlTheme): the themes: built-in
 *   ones in their fixed order, then the user's own by name
 */
GPtrArray *
kl_store_list_themes (KlStore   *self,
                      gboolean   include_archived,
                      GError   **error)
{
  gint64 args[] = { include_archived };

  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  return _kl_store_list (self,
                         "SELECT " THEME_COLUMNS " FROM theme t WHERE ?1 OR NOT t.archived "
                         "ORDER BY t.builtin DESC, t.position, t.name COLLATE NOCASE",
                         read_theme, args, G_N_ELEMENTS (args), error);
}

static void
bind_theme (sqlite3_stmt *stmt,
            gpointer      record)
{
  KlTheme *theme = record;
  g_autofree char *name = g_strstrip (g_strdup (kl_theme_get_name (theme)));

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, kl_theme_get_archived (theme));
}

/**
 * kl_store_save_theme:
 *
 * Writes a user-defined theme. Built-in themes keep their name; only
 * their archived state may change.
 */
gboolean
kl_store_save_theme (KlStore  *self,
                     KlTheme  *theme,
                     GError  **error)
{
  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (KL_IS_THEME (theme), FALSE);

  if (!_kl_check_name (kl_theme_get_name (theme), "name", N_("The name"), error))
    return FALSE;

  if (!_kl_store_insert_or_update (self, KL_RECORD (theme),
                                   "INSERT INTO theme (name, archived, builtin, position, uuid, created_at, updated_at) "
                                   "VALUES (?1, ?2, 0, 1000, :uuid, :now, :now)",
                                   "UPDATE theme SET name = CASE WHEN builtin THEN name ELSE ?1 END, "
                                   "archived = ?2, updated_at = :now WHERE id = :id",
                                   bind_theme, "theme", error))
    return FALSE;

  _kl_store_emit_changed (self, "theme");
  return TRUE;
}

/**
 * kl_store_delete_theme:
 *
 * Deletes a user-defined theme nobody uses. A theme in use (assessments,
 * goals, courses or actions) is refused with %KL_STORE_ERROR_IN_USE:
 * archive it instead.
 */
gboolean
kl_store_delete_theme (KlStore  *self,
                       gint64    id,
                       GError  **error)
{
  gint64 uses;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);

  if (_kl_store_query_int64 (self, "SELECT builtin FROM theme WHERE id = ?1", id, error) == 1)
    {
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_IN_USE,
                   _("Built-in themes cannot be deleted; archive the theme instead"));
      return FALSE;
    }

  uses = _kl_store_query_int64 (self,
                                "SELECT (SELECT count(*) FROM assessment WHERE theme_id = ?1)"
                                " + (SELECT count(*) FROM goal WHERE theme_id = ?1)"
                                " + (SELECT count(*) FROM course_theme WHERE theme_id = ?1)"
                                " + (SELECT count(*) FROM action WHERE theme_id = ?1)",
                                id, error);
  if (uses < 0)
    return FALSE;
  if (uses > 0)
    {
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_IN_USE,
                   _("The theme is in use by assessments, goals, courses or actions; archive it instead"));
      return FALSE;
    }

  return _kl_store_delete_row (self, "theme", id, error);
}

/* Themes a new record may point at: existing and not archived. */
static gboolean
check_active_theme (KlStore     *self,
                    gint64       theme_id,
                    const char  *field,
                    GError     **error)
{
  gint64 archived;

  if (!_kl_check_reference (self, "theme", theme_id, field, N_("The theme"), error))
    return FALSE;
  archived = _kl_store_query_int64 (self, "SELECT archived FROM theme WHERE id = ?1", theme_id, error);
  if (archived < 0)
    return FALSE;
  if (archived > 0)
    return _kl_set_invalid (error, field, _("The theme is archived"));
  return TRUE;
}

/* Assessments */

#define ASSESSMENT_COLUMNS \
  "a.id, a.uuid, a.created_at, a.updated_at, a.staff_id, a.theme_id, a.assessed_on, " \
  "a.level, a.target, a.note"

static gpointer
read_assessment (sqlite3_stmt *stmt)
{
  KlAssessment *assessment = kl_assessment_new ();

  _kl_store_read_record_base (KL_RECORD (assessment), stmt, 0);
  kl_assessment_set_staff_id (assessment, sqlite3_column_int64 (stmt, 4));
  kl_assessment_set_theme_id (assessment, sqlite3_column_int64 (stmt, 5));
  kl_assessment_set_assessed_on (assessment, _kl_column_text (stmt, 6));
  kl_assessment_set_level (assessment, sqlite3_column_int (stmt, 7));
  kl_assessment_set_target (assessment, sqlite3_column_type (stmt, 8) == SQLITE_NULL
                                        ? -1 : sqlite3_column_int (stmt, 8));
  kl_assessment_set_note (assessment, _kl_column_text (stmt, 9));
  return assessment;
}

static GPtrArray *
list_assessments (KlStore     *self,
                  const char  *sql,
                  gint64       staff_id,
                  GError     **error)
{
  return _kl_store_list (self, sql, read_assessment, &staff_id, 1, error);
}

/**
 * kl_store_list_assessments:
 *
 * Returns: (transfer full) (element-type KlAssessment): the full history
 *   of @staff_id's assessments, by theme and then oldest first
 */
GPtrArray *
kl_store_list_assessments (KlStore  *self,
                           gint64    staff_id,
                           GError  **error)
{
  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  return list_assessments (self,
                           "SELECT " ASSESSMENT_COLUMNS " FROM assessment a WHERE a.staff_id = ?1 "
                           "ORDER BY a.theme_id, a.assessed_on, a.id",
                           staff_id, error);
}

/**
 * kl_store_list_current_assessments:
 *
 * Returns: (transfer full) (element-type KlAssessment): @staff_id's
 *   current assessment in each theme: the latest one
 */
GPtrArray *
kl_store_list_current_assessments (KlStore  *self,
                                   gint64    staff_id,
                                   GError  **error)
{
  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  return list_assessments (self,
                           "SELECT " ASSESSMENT_COLUMNS " FROM current_assessment ca "
                           "JOIN assessment a ON a.id = ca.assessment_id WHERE ca.staff_id = ?1 "
                           "ORDER BY a.theme_id",
                           staff_id, error);
}

static void
bind_assessment (sqlite3_stmt *stmt,
                 gpointer      record)
{
  KlAssessment *assessment = record;
  int target = kl_assessment_get_target (assessment);

  sqlite3_bind_int64 (stmt, 1, kl_assessment_get_staff_id (assessment));
  sqlite3_bind_int64 (stmt, 2, kl_assessment_get_theme_id (assessment));
  sqlite3_bind_text (stmt, 3, kl_assessment_get_assessed_on (assessment), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, kl_assessment_get_level (assessment));
  if (target < 0)
    sqlite3_bind_null (stmt, 5);
  else
    sqlite3_bind_int (stmt, 5, target);
  sqlite3_bind_text (stmt, 6, kl_assessment_get_note (assessment) ?: "", -1, SQLITE_TRANSIENT);
}

gboolean
kl_store_validate_assessment (KlStore       *self,
                              KlAssessment  *assessment,
                              GError       **error)
{
  int target = kl_assessment_get_target (assessment);

  if (!_kl_check_reference (self, "staff", kl_assessment_get_staff_id (assessment),
                            "staff", N_("The staff member"), error) ||
      !(kl_record_get_id (KL_RECORD (assessment)) != 0 ||
        check_active_theme (self, kl_assessment_get_theme_id (assessment), "theme", error)) ||
      !_kl_check_reference (self, "theme", kl_assessment_get_theme_id (assessment),
                            "theme", N_("The theme"), error) ||
      !_kl_check_date (kl_assessment_get_assessed_on (assessment), TRUE,
                       "assessed_on", N_("The assessment date"), error) ||
      !_kl_check_range (kl_assessment_get_level (assessment), KL_LEVEL_MIN, KL_LEVEL_MAX,
                        "level", N_("The level"), error) ||
      (target != -1 &&
       !_kl_check_range (target, KL_LEVEL_MIN, KL_LEVEL_MAX, "target", N_("The target"), error)) ||
      !_kl_check_text (kl_assessment_get_note (assessment), "note", N_("The note"), error))
    return FALSE;

  return TRUE;
}

static gboolean
write_assessment (KlStore       *self,
                  KlAssessment  *assessment,
                  GError       **error)
{
  return kl_store_validate_assessment (self, assessment, error) &&
         _kl_store_insert_or_update (self, KL_RECORD (assessment),
                                     "INSERT INTO assessment (staff_id, theme_id, assessed_on, level, target, "
                                     "note, uuid, created_at, updated_at) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, :uuid, :now, :now)",
                                     "UPDATE assessment SET staff_id = ?1, theme_id = ?2, assessed_on = ?3, "
                                     "level = ?4, target = ?5, note = ?6, updated_at = :now WHERE id = :id",
                                     bind_assessment, "assessment", error);
}

/**
 * kl_store_save_assessments:
 * @assessments: (element-type KlAssessment): new or changed assessments
 *
 * Writes several assessments at once — a whole assessment conversation —
 * in one transaction: all of them or none.
 */
gboolean
kl_store_save_assessments (KlStore    *self,
                           GPtrArray  *assessments,
                           GError    **error)
{
  g_autofree gboolean *was_new = NULL;

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (assessments != NULL, FALSE);

  was_new = g_new0 (gboolean, assessments->len + 1);
  for (guint i = 0; i < assessments->len; i++)
    was_new[i] = kl_record_get_id (g_ptr_array_index (assessments, i)) == 0;

  if (!_kl_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < assessments->len; i++)
    if (!write_assessment (self, g_ptr_array_index (assessments, i), error))
      {
        _kl_store_rollback (self);
        /* Nothing was written, so nothing has an id either. */
        for (guint j = 0; j < i; j++)
          if (was_new[j])
            kl_record_set_id (g_ptr_array_index (assessments, j), 0);
        return FALSE;
      }

  if (!_kl_store_commit (self, error))
    return FALSE;

  _kl_store_emit_changed (self, "assessment");
  return TRUE;
}

gboolean
kl_store_save_assessment (KlStore       *self,
                          KlAssessment  *assessment,
                          GError       **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_return_val_if_fail (KL_IS_ASSESSMENT (assessment), FALSE);

  g_ptr_array_add (one, assessment);
  return kl_store_save_assessments (self, one, error);
}

gboolean
kl_store_delete_assessment (KlStore  *self,
                            gint64    id,
                            GError  **error)
{

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);

  return _kl_store_delete_row (self, "assessment", id, error);
}

/* Goals */

#define GOAL_COLUMNS \
  "g.id, g.uuid, g.created_at, g.updated_at, g.staff_id, g.theme_id, g.text, g.agreed_on, " \
  "g.due_on, g.status"

static gpointer
read_goal (sqlite3_stmt *stmt)
{
  KlGoal *goal = kl_goal_new ();
  int status = KL_GOAL_STATUS_OPEN;

  _kl_store_read_record_base (KL_RECORD (goal), stmt, 0);
  kl_goal_set_staff_id (goal, sqlite3_column_int64 (stmt, 4));
  kl_goal_set_theme_id (goal, sqlite3_column_int64 (stmt, 5));
  kl_goal_set_text (goal, _kl_column_text (stmt, 6));
  kl_goal_set_agreed_on (goal, _kl_column_text (stmt, 7));
  kl_goal_set_due_on (goal, _kl_column_text (stmt, 8));
  kl_enum_from_nick (KL_TYPE_GOAL_STATUS, _kl_column_text (stmt, 9), &status);
  kl_goal_set_status (goal, status);
  return goal;
}

/**
 * kl_store_list_goals:
 *
 * Returns: (transfer full) (element-type KlGoal): @staff_id's development
 *   goals: open ones first by due date, then the rest, newest first
 */
GPtrArray *
kl_store_list_goals (KlStore  *self,
                     gint64    staff_id,
                     GError  **error)
{
  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  return _kl_store_list (self,
                         "SELECT " GOAL_COLUMNS " FROM goal g WHERE g.staff_id = ?1 "
                         "ORDER BY g.status != 'open', "
                         "CASE WHEN g.status = 'open' THEN coalesce (g.due_on, '9999') END, "
                         "g.agreed_on DESC, g.id",
                         read_goal, &staff_id, 1, error);
}

static void
bind_goal (sqlite3_stmt *stmt,
           gpointer      record)
{
  KlGoal *goal = record;
  g_autofree char *text = g_strstrip (g_strdup (kl_goal_get_text (goal)));

  sqlite3_bind_int64 (stmt, 1, kl_goal_get_staff_id (goal));
  _kl_bind_id_or_null (stmt, 2, kl_goal_get_theme_id (goal));
  sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, kl_goal_get_agreed_on (goal), -1, SQLITE_TRANSIENT);
  _kl_bind_text_or_null (stmt, 5, kl_goal_get_due_on (goal));
  sqlite3_bind_text (stmt, 6, kl_enum_to_nick (KL_TYPE_GOAL_STATUS, kl_goal_get_status (goal)),
                     -1, SQLITE_STATIC);
}

gboolean
kl_store_validate_goal (KlStore  *self,
                        KlGoal   *goal,
                        GError  **error)
{
  const char *agreed = kl_goal_get_agreed_on (goal);
  const char *due = kl_goal_get_due_on (goal);
  gint64 theme = kl_goal_get_theme_id (goal);

  if (!_kl_check_reference (self, "staff", kl_goal_get_staff_id (goal),
                            "staff", N_("The staff member"), error) ||
      (theme != 0 && !_kl_check_reference (self, "theme", theme, "theme", N_("The theme"), error)) ||
      !_kl_check_name (kl_goal_get_text (goal), "text", N_("The goal"), error) ||
      !_kl_check_date (agreed, TRUE, "agreed_on", N_("The date agreed"), error) ||
      !_kl_check_date (due, FALSE, "due_on", N_("The due date"), error))
    return FALSE;

  if (due != NULL && *due != '\0' && strcmp (due, agreed) < 0)
    return _kl_set_invalid (error, "due_on", _("The due date is before the date the goal was agreed"));
  return TRUE;
}

gboolean
kl_store_save_goal (KlStore  *self,
                    KlGoal   *goal,
                    GError  **error)
{
  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (KL_IS_GOAL (goal), FALSE);

  if (!kl_store_validate_goal (self, goal, error) ||
      !_kl_store_insert_or_update (self, KL_RECORD (goal),
                                   "INSERT INTO goal (staff_id, theme_id, text, agreed_on, due_on, status, "
                                   "uuid, created_at, updated_at) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, :uuid, :now, :now)",
                                   "UPDATE goal SET staff_id = ?1, theme_id = ?2, text = ?3, agreed_on = ?4, "
                                   "due_on = ?5, status = ?6, updated_at = :now WHERE id = :id",
                                   bind_goal, "goal", error))
    return FALSE;

  _kl_store_emit_changed (self, "goal");
  return TRUE;
}

gboolean
kl_store_delete_goal (KlStore  *self,
                      gint64    id,
                      GError  **error)
{

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);

  return _kl_store_delete_row (self, "goal", id, error);
}

gboolean
_kl_store_foreach_competence_table (KlStore             *self,
                                    GType                type,
                                    gint64               only_id,
                                    KlStoreForeachFunc   func,
                                    gpointer             data,
                                    GError             **error)
{
  if (type == KL_TYPE_THEME)
    return _kl_store_foreach_row (self, "SELECT " THEME_COLUMNS " FROM theme t ORDER BY t.id", only_id,
                                  read_theme, func, data, error);
  if (type == KL_TYPE_ASSESSMENT)
    return _kl_store_foreach_row (self, "SELECT " ASSESSMENT_COLUMNS " FROM assessment a ORDER BY a.id", only_id,
                                  read_assessment, func, data, error);

  return _kl_store_foreach_row (self, "SELECT " GOAL_COLUMNS " FROM goal g ORDER BY g.id", only_id,
                                read_goal, func, data, error);
}
