/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kl-store-private.h"

/* Principles */

static gpointer
read_principle (sqlite3_stmt *stmt)
{
  KlPrinciple *principle = kl_principle_new ();

  _kl_store_read_record_base (KL_RECORD (principle), stmt, 0);
  kl_principle_set_name (principle, _kl_column_text (stmt, 4));
  kl_principle_set_framework_id (principle, sqlite3_column_int64 (stmt, 5));
  kl_principle_set_position (principle, sqlite3_column_int (stmt, 6));
  return principle;
}

/**
 * kl_store_list_principles:
 * @framework: a framework's id, such as "faglig-ledelse"
 *
 * Returns: (transfer full) (element-type KlPrinciple): the framework's
 *   principles in their order
 */
GPtrArray *
kl_store_list_principles (KlStore     *self,
                          const char  *framework,
                          GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  stmt = _kl_store_prepare (self,
                            "SELECT p.id, p.uuid, p.created_at, p.updated_at, p.name, p.framework_id, p.position "
                            "FROM principle p JOIN framework f ON f.id = p.framework_id "
                            "WHERE f.uuid = ?1 ORDER BY p.position",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, framework, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, read_principle (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _kl_store_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* Principle assessments */

#define PRINCIPLE_ASSESSMENT_COLUMNS \
  "pa.id, pa.uuid, pa.created_at, pa.updated_at, pa.principle_id, pa.unit_id, pa.assessed_on, " \
  "pa.maturity, pa.reflection"

static gpointer
read_principle_assessment (sqlite3_stmt *stmt)
{
  KlPrincipleAssessment *pa = kl_principle_assessment_new ();

  _kl_store_read_record_base (KL_RECORD (pa), stmt, 0);
  kl_principle_assessment_set_principle_id (pa, sqlite3_column_int64 (stmt, 4));
  kl_principle_assessment_set_unit_id (pa, sqlite3_column_int64 (stmt, 5));
  kl_principle_assessment_set_assessed_on (pa, _kl_column_text (stmt, 6));
  kl_principle_assessment_set_maturity (pa, sqlite3_column_int (stmt, 7));
  kl_principle_assessment_set_reflection (pa, _kl_column_text (stmt, 8));
  return pa;
}

/**
 * kl_store_list_principle_assessments:
 * @unit_id: a unit
 * @principle_id: a principle, or 0 for all
 *
 * Returns: (transfer full) (element-type KlPrincipleAssessment): the
 *   unit's self-assessments, oldest first
 */
GPtrArray *
kl_store_list_principle_assessments (KlStore  *self,
                                     gint64    unit_id,
                                     gint64    principle_id,
                                     GError  **error)
{
  gint64 args[] = { unit_id, principle_id };

  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  return _kl_store_list (self,
                         "SELECT " PRINCIPLE_ASSESSMENT_COLUMNS " FROM principle_assessment pa "
                         "WHERE pa.unit_id = ?1 AND (?2 = 0 OR pa.principle_id = ?2) "
                         "ORDER BY pa.principle_id, pa.assessed_on, pa.id",
                         read_principle_assessment, args, G_N_ELEMENTS (args), error);
}

static void
bind_principle_assessment (sqlite3_stmt *stmt,
                           gpointer      record)
{
  KlPrincipleAssessment *pa = record;

  sqlite3_bind_int64 (stmt, 1, kl_principle_assessment_get_principle_id (pa));
  sqlite3_bind_int64 (stmt, 2, kl_principle_assessment_get_unit_id (pa));
  sqlite3_bind_text (stmt, 3, kl_principle_assessment_get_assessed_on (pa), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, kl_principle_assessment_get_maturity (pa));
  sqlite3_bind_text (stmt, 5, kl_principle_assessment_get_reflection (pa) ?: "", -1, SQLITE_TRANSIENT);
}

gboolean
kl_store_validate_principle_assessment (KlStore                *self,
                                        KlPrincipleAssessment  *pa,
                                        GError                **error)
{
  return _kl_check_reference (self, "principle", kl_principle_assessment_get_principle_id (pa),
                              "principle", N_("The principle"), error) &&
         _kl_check_reference (self, "unit", kl_principle_assessment_get_unit_id (pa),
                              "unit", N_("The unit"), error) &&
         _kl_check_date (kl_principle_assessment_get_assessed_on (pa), TRUE,
                         "assessed_on", N_("The assessment date"), error) &&
         _kl_check_range (kl_principle_assessment_get_maturity (pa), KL_MATURITY_MIN, KL_MATURITY_MAX,
                          "maturity", N_("The maturity"), error) &&
         _kl_check_text (kl_principle_assessment_get_reflection (pa), "reflection",
                         N_("The reflection"), error);
}

gboolean
kl_store_save_principle_assessment (KlStore                *self,
                                    KlPrincipleAssessment  *pa,
                                    GError                **error)
{
  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (KL_IS_PRINCIPLE_ASSESSMENT (pa), FALSE);

  if (!kl_store_validate_principle_assessment (self, pa, error) ||
      !_kl_store_insert_or_update (self, KL_RECORD (pa),
                                   "INSERT INTO principle_assessment (principle_id, unit_id, assessed_on, "
                                   "maturity, reflection, uuid, created_at, updated_at) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, :uuid, :now, :now)",
                                   "UPDATE principle_assessment SET principle_id = ?1, unit_id = ?2, "
                                   "assessed_on = ?3, maturity = ?4, reflection = ?5, updated_at = :now "
                                   "WHERE id = :id",
                                   bind_principle_assessment, "principle_assessment", error))
    return FALSE;

  _kl_store_emit_changed (self, "principle_assessment");
  return TRUE;
}

gboolean
kl_store_delete_principle_assessment (KlStore  *self,
                                      gint64    id,
                                      GError  **error)
{

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);

  return _kl_store_delete_row (self, "principle_assessment", id, error);
}

/* Actions */

#define ACTION_COLUMNS \
  "x.id, x.uuid, x.created_at, x.updated_at, x.title, x.principle_id, x.theme_id, x.unit_id, " \
  "x.owner_id, x.due_on, x.status, x.note"

static gpointer
read_action (sqlite3_stmt *stmt)
{
  KlAction *action = kl_action_new ();
  int status = KL_ACTION_STATUS_OPEN;

  _kl_store_read_record_base (KL_RECORD (action), stmt, 0);
  kl_action_set_title (action, _kl_column_text (stmt, 4));
  kl_action_set_principle_id (action, sqlite3_column_int64 (stmt, 5));
  kl_action_set_theme_id (action, sqlite3_column_int64 (stmt, 6));
  kl_action_set_unit_id (action, sqlite3_column_int64 (stmt, 7));
  kl_action_set_owner_id (action, sqlite3_column_int64 (stmt, 8));
  kl_action_set_due_on (action, _kl_column_text (stmt, 9));
  kl_enum_from_nick (KL_TYPE_ACTION_STATUS, _kl_column_text (stmt, 10), &status);
  kl_action_set_status (action, status);
  kl_action_set_note (action, _kl_column_text (stmt, 11));
  return action;
}

/**
 * kl_store_list_actions:
 * @unit_id: a unit, with its sub-units; 0 for all
 * @principle_id: a principle, or 0 for all
 *
 * Returns: (transfer full) (element-type KlAction): leadership actions,
 *   by due date (those without one last)
 */
GPtrArray *
kl_store_list_actions (KlStore  *self,
                       gint64    unit_id,
                       gint64    principle_id,
                       GError  **error)
{
  gint64 args[] = { unit_id, principle_id };

  g_return_val_if_fail (KL_IS_STORE (self), NULL);

  return _kl_store_list (self,
                         "WITH RECURSIVE units (id) AS ("
                         "  SELECT id FROM unit WHERE ?1 = 0 OR id = ?1"
                         "  UNION SELECT u.id FROM unit u JOIN units ON u.parent_id = units.id) "
                         "SELECT " ACTION_COLUMNS " FROM action x "
                         "WHERE x.unit_id IN units AND (?2 = 0 OR x.principle_id = ?2) "
                         "ORDER BY x.due_on IS NULL, x.due_on, x.id",
                         read_action, args, G_N_ELEMENTS (args), error);
}

static void
bind_action (sqlite3_stmt *stmt,
             gpointer      record)
{
  KlAction *action = record;
  g_autofree char *title = g_strstrip (g_strdup (kl_action_get_title (action)));

  sqlite3_bind_text (stmt, 1, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, kl_action_get_principle_id (action));
  _kl_bind_id_or_null (stmt, 3, kl_action_get_theme_id (action));
  sqlite3_bind_int64 (stmt, 4, kl_action_get_unit_id (action));
  _kl_bind_id_or_null (stmt, 5, kl_action_get_owner_id (action));
  _kl_bind_text_or_null (stmt, 6, kl_action_get_due_on (action));
  sqlite3_bind_text (stmt, 7, kl_enum_to_nick (KL_TYPE_ACTION_STATUS, kl_action_get_status (action)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, kl_action_get_note (action) ?: "", -1, SQLITE_TRANSIENT);
}

gboolean
kl_store_validate_action (KlStore   *self,
                          KlAction  *action,
                          GError   **error)
{
  gint64 theme = kl_action_get_theme_id (action);
  gint64 owner = kl_action_get_owner_id (action);

  return _kl_check_name (kl_action_get_title (action), "title", N_("The title"), error) &&
         _kl_check_reference (self, "principle", kl_action_get_principle_id (action),
                              "principle", N_("The principle"), error) &&
         (theme == 0 || _kl_check_reference (self, "theme", theme, "theme", N_("The theme"), error)) &&
         _kl_check_reference (self, "unit", kl_action_get_unit_id (action), "unit", N_("The unit"), error) &&
         (owner == 0 || _kl_check_reference (self, "staff", owner, "owner", N_("The owner"), error)) &&
         _kl_check_date (kl_action_get_due_on (action), FALSE, "due_on", N_("The due date"), error) &&
         _kl_check_text (kl_action_get_note (action), "note", N_("The note"), error);
}

gboolean
kl_store_save_action (KlStore   *self,
                      KlAction  *action,
                      GError   **error)
{
  g_return_val_if_fail (KL_IS_STORE (self), FALSE);
  g_return_val_if_fail (KL_IS_ACTION (action), FALSE);

  if (!kl_store_validate_action (self, action, error) ||
      !_kl_store_insert_or_update (self, KL_RECORD (action),
                                   "INSERT INTO action (title, principle_id, theme_id, unit_id, owner_id, "
                                   "due_on, status, note, uuid, created_at, updated_at) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, :uuid, :now, :now)",
                                   "UPDATE action SET title = ?1, principle_id = ?2, theme_id = ?3, "
                                   "unit_id = ?4, owner_id = ?5, due_on = ?6, status = ?7, note = ?8, "
                                   "updated_at = :now WHERE id = :id",
                                   bind_action, "action", error))
    return FALSE;

  _kl_store_emit_changed (self, "action");
  return TRUE;
}

gboolean
kl_store_delete_action (KlStore  *self,
                        gint64    id,
                        GError  **error)
{

  g_return_val_if_fail (KL_IS_STORE (self), FALSE);

  return _kl_store_delete_row (self, "action", id, error);
}

gboolean
_kl_store_foreach_principle_table (KlStore             *self,
                                   GType                type,
                                   gint64               only_id,
                                   KlStoreForeachFunc   func,
                                   gpointer             data,
                                   GError             **error)
{
  if (type == KL_TYPE_PRINCIPLE)
    return _kl_store_foreach_row (self,
                                  "SELECT p.id, p.uuid, p.created_at, p.updated_at, p.name, p.framework_id, "
                                  "p.position FROM principle p ORDER BY p.framework_id, p.position", only_id,
                                  read_principle, func, data, error);
  if (type == KL_TYPE_PRINCIPLE_ASSESSMENT)
    return _kl_store_foreach_row (self,
                                  "SELECT " PRINCIPLE_ASSESSMENT_COLUMNS " FROM principle_assessment pa "
                                  "ORDER BY pa.id", only_id,
                                  read_principle_assessment,
                                  func, data, error);

  return _kl_store_foreach_row (self, "SELECT " ACTION_COLUMNS " FROM action x ORDER BY x.id", only_id,
                                read_action, func, data, error);
}
