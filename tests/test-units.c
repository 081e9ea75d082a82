/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "kl-test-utils.h"
#include "kl-unit-dialog.h"
#include "kl-units-page.h"

typedef struct
{
  KlApplication *app;
  KlStore       *store;
  GtkWindow     *window;
  KlUnitsPage   *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = kl_test_tmp_path ("units.db");

  g_remove (path);
  fixture->app = kl_test_application_new (path);
  fixture->store = g_object_ref (kl_application_get_store (fixture->app));
  fixture->window = GTK_WINDOW (g_object_ref (adw_preferences_window_new ()));
  fixture->page = kl_units_page_new (fixture->store);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (fixture->window),
                              ADW_PREFERENCES_PAGE (fixture->page));
  gtk_window_present (fixture->window);
  kl_test_wait (100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->window);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->app);
}

static KlUnit *
save_unit (Fixture    *fixture,
           const char *name,
           gint64      parent_id)
{
  g_autoptr(KlUnit) unit = kl_unit_new ();
  g_autoptr(GError) error = NULL;

  kl_unit_set_name (unit, name);
  kl_unit_set_parent_id (unit, parent_id);
  kl_store_save_unit (fixture->store, unit, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&unit);
}

static gint64
unit_id (KlUnit *unit)
{
  return kl_record_get_id (KL_RECORD (unit));
}

static guint
count_units (Fixture *fixture)
{
  g_autoptr(GPtrArray) units = kl_store_list_units (fixture->store, NULL);

  return units->len;
}

static KlUnit *
find_unit (Fixture    *fixture,
           const char *name)
{
  g_autoptr(GPtrArray) units = kl_store_list_units (fixture->store, NULL);

  for (guint i = 0; i < units->len; i++)
    if (g_str_equal (kl_unit_get_name (g_ptr_array_index (units, i)), name))
      return g_object_ref (g_ptr_array_index (units, i));
  return NULL;
}

/* Opens the dialog the way the page's buttons do: Add Unit… for 0,
 * else the row's Edit button. */
static KlUnitDialog *
open_dialog (Fixture *fixture,
             gint64   id)
{
  KlUnitDialog *dialog;

  if (id == 0)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "units.add", NULL));
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "units.edit", "x", id));
  kl_test_wait (50);
  dialog = KL_UNIT_DIALOG (kl_test_find_window (KL_TYPE_UNIT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == fixture->window);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  return g_object_ref (dialog);
}

static GtkWidget *
dialog_child (KlUnitDialog *dialog,
              const char   *id)
{
  GtkWidget *widget = kl_test_find_descendant (GTK_WIDGET (dialog), id);

  g_assert_nonnull (widget);
  return widget;
}

static guint
find_choice (KlUnitDialog *dialog,
             const char   *label)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (dialog_child (dialog, "parent_row")));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), label))
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
set_name (KlUnitDialog *dialog,
          const char   *name)
{
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "name_row")), name);
}

static void
assert_dialog_closed (KlUnitDialog *dialog)
{
  kl_test_wait (20);
  g_assert_null (kl_test_find_window (KL_TYPE_UNIT_DIALOG));
  g_assert_finalize_object (dialog);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GtkWindow *dialog = kl_test_find_window (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (dialog);
  return ADW_MESSAGE_DIALOG (g_object_ref (dialog));
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* What a click on the button with that label does. */
static void
click (GtkWidget  *root,
       const char *label)
{
  GtkWidget *button = find_button (root, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  kl_assert_text_contains (fixture->page, "Units");
  kl_assert_text_contains (fixture->page, "Services and teams. A team can sit under a service.");
  kl_assert_text_contains (fixture->page, "No units yet — add your services and teams");
  g_assert_cmpstr (adw_preferences_page_get_title (ADW_PREFERENCES_PAGE (fixture->page)), ==, "Units");
}

static void
test_add (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(KlUnit) service = NULL;
  g_autoptr(KlUnit) team = NULL;
  g_autofree char *text = NULL;
  KlUnitDialog *dialog;
  guint choice;

  /* A top-level unit: the Add button's action, a name, Save. */
  dialog = open_dialog (fixture, 0);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "New Unit");
  kl_assert_text_contains (dialog, "Nothing (a top-level unit)");
  set_name (dialog, "Bostøtte Nord");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "unit.save", NULL));
  assert_dialog_closed (dialog);

  kl_assert_text_contains (fixture->page, "Bostøtte Nord");
  kl_assert_text_contains (fixture->page, "No staff members");
  kl_assert_text_lacks (fixture->page, "No units yet");
  service = find_unit (fixture, "Bostøtte Nord");
  g_assert_nonnull (service);
  g_assert_cmpint (kl_unit_get_parent_id (service), ==, 0);

  /* A team under it, saved with Enter in the name row. */
  g_object_unref (save_unit (fixture, "Aktivitetshuset", 0));
  dialog = open_dialog (fixture, 0);
  set_name (dialog, "Team Vest");
  choice = find_choice (dialog, "Bostøtte Nord");
  g_assert_cmpuint (choice, !=, GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (ADW_COMBO_ROW (dialog_child (dialog, "parent_row")), choice);
  g_signal_emit_by_name (dialog_child (dialog, "name_row"), "entry-activated");
  assert_dialog_closed (dialog);

  team = find_unit (fixture, "Team Vest");
  g_assert_nonnull (team);
  g_assert_cmpint (kl_unit_get_parent_id (team), ==, unit_id (service));
  kl_assert_text_contains (fixture->page, "Under Bostøtte Nord");

  /* The tree: the team follows its service, not the alphabet. */
  text = kl_test_collect_text (GTK_WIDGET (fixture->page));
  g_assert_true (strstr (text, "Aktivitetshuset") < strstr (text, "Bostøtte Nord\n"));
  g_assert_true (strstr (text, "Bostøtte Nord\n") < strstr (text, "Team Vest"));

  /* A unit cannot be moved under itself or its own teams. */
  dialog = open_dialog (fixture, unit_id (service));
  g_assert_cmpuint (find_choice (dialog, "Aktivitetshuset"), !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (find_choice (dialog, "Bostøtte Nord"), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (find_choice (dialog, "Bostøtte Nord › Team Vest"), ==, GTK_INVALID_LIST_POSITION);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  assert_dialog_closed (dialog);

  /* The team's dialog offers the other units, with their path. */
  dialog = open_dialog (fixture, unit_id (team));
  choice = adw_combo_row_get_selected (ADW_COMBO_ROW (dialog_child (dialog, "parent_row")));
  g_assert_cmpuint (choice, ==, find_choice (dialog, "Bostøtte Nord"));
  g_assert_cmpuint (find_choice (dialog, "Bostøtte Nord › Team Vest"), ==, GTK_INVALID_LIST_POSITION);
  gtk_window_close (GTK_WINDOW (dialog));
  assert_dialog_closed (dialog);
}

static void
test_blank_name (Fixture       *fixture,
                 gconstpointer  data)
{
  KlUnitDialog *dialog;
  GtkWidget *name_row;
  GtkWidget *error_label;

  dialog = open_dialog (fixture, 0);
  name_row = dialog_child (dialog, "name_row");
  error_label = dialog_child (dialog, "error_label");
  set_name (dialog, "   ");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "unit.save", NULL));
  kl_test_wait (20);

  /* The dialog stays, says what is wrong and where; nothing is saved. */
  g_assert_true (kl_test_find_window (KL_TYPE_UNIT_DIALOG) == GTK_WINDOW (dialog));
  kl_assert_text_contains (dialog, "The name cannot be empty");
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  g_assert_false (gtk_widget_has_css_class (dialog_child (dialog, "parent_row"), "error"));
  g_assert_cmpuint (count_units (fixture), ==, 0);
  kl_assert_text_contains (fixture->page, "No units yet");

  /* Correcting the name takes the message away. */
  set_name (dialog, "Bostøtte Syd");
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_true (kl_unit_dialog_save (dialog));
  assert_dialog_closed (dialog);
  g_assert_cmpuint (count_units (fixture), ==, 1);
}

static void
test_rename (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(KlUnit) unit = save_unit (fixture, "Bostøtte Nord", 0);
  g_autoptr(KlUnit) renamed = NULL;
  KlUnitDialog *dialog;

  kl_assert_text_contains (fixture->page, "Bostøtte Nord");

  dialog = open_dialog (fixture, unit_id (unit));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Unit");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, "name_row"))), ==, "Bostøtte Nord");
  set_name (dialog, "Bostøtten Nord & Øst");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "unit.save", NULL));
  assert_dialog_closed (dialog);

  /* Same record, new name; the name is shown as typed, not as markup. */
  renamed = kl_store_get_unit (fixture->store, unit_id (unit), NULL);
  g_assert_cmpstr (kl_unit_get_name (renamed), ==, "Bostøtten Nord & Øst");
  g_assert_cmpstr (kl_record_get_uuid (KL_RECORD (renamed)), ==, kl_record_get_uuid (KL_RECORD (unit)));
  g_assert_cmpuint (count_units (fixture), ==, 1);
  kl_assert_text_contains (fixture->page, "Bostøtten Nord & Øst");
  kl_assert_text_lacks (fixture->page, "Bostøtte Nord\n");
}

static void
test_delete_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(KlUnit) unit = save_unit (fixture, "Bostøtte Nord", 0);
  g_autoptr(KlStaff) staff = kl_staff_new ();
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  kl_staff_set_name (staff, "Mette Sørensen");
  kl_staff_set_unit_id (staff, unit_id (unit));
  kl_store_save_staff (fixture->store, staff, &error);
  g_assert_no_error (error);
  kl_assert_text_contains (fixture->page, "1 staff member");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "units.delete", "x", unit_id (unit)));
  kl_test_wait (50);

  dialog = find_message_dialog ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == fixture->window);
  kl_assert_text_contains (dialog, "Cannot Delete “Bostøtte Nord”");
  kl_assert_text_contains (dialog, "The unit still has 1 staff member. Move them to another unit first.");
  click (GTK_WIDGET (dialog), "_Close");
  kl_test_wait (20);
  g_assert_finalize_object (dialog);

  g_assert_cmpuint (count_units (fixture), ==, 1);
  kl_assert_text_contains (fixture->page, "Bostøtte Nord");
}

static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(KlUnit) service = save_unit (fixture, "Bostøtte Nord", 0);
  g_autoptr(KlUnit) team = save_unit (fixture, "Team Vest", unit_id (service));
  g_autoptr(KlUnit) restored = NULL;

  kl_assert_text_contains (fixture->page, "Under Bostøtte Nord");

  /* An empty unit goes at once, with Undo in a toast. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "units.delete", "x", unit_id (team)));
  kl_test_wait (50);
  g_assert_null (kl_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (count_units (fixture), ==, 1);
  kl_assert_text_lacks (fixture->page, "Team Vest");
  kl_assert_text_contains (fixture->window, "“Team Vest” deleted");

  click (GTK_WIDGET (fixture->window), "_Undo");
  kl_test_wait (50);

  /* The same unit is back where it was. */
  restored = find_unit (fixture, "Team Vest");
  g_assert_nonnull (restored);
  g_assert_cmpstr (kl_record_get_uuid (KL_RECORD (restored)), ==, kl_record_get_uuid (KL_RECORD (team)));
  g_assert_cmpint (kl_unit_get_parent_id (restored), ==, unit_id (service));
  kl_assert_text_contains (fixture->page, "Team Vest");
  kl_assert_text_contains (fixture->page, "Under Bostøtte Nord");
}

static void
test_delete_with_records (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(KlUnit) unit = save_unit (fixture, "Bostøtte Nord", 0);
  g_autoptr(KlPrincipleAssessment) pa = kl_principle_assessment_new ();
  g_autoptr(GPtrArray) principles = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  principles = kl_store_list_principles (fixture->store, KL_FRAMEWORK_FAGLIG_LEDELSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (principles->len, >, 0);
  kl_principle_assessment_set_principle_id (pa, kl_record_get_id (KL_RECORD (g_ptr_array_index (principles, 0))));
  kl_principle_assessment_set_unit_id (pa, unit_id (unit));
  kl_principle_assessment_set_assessed_on (pa, "2026-06-01");
  kl_principle_assessment_set_maturity (pa, 3);
  kl_store_save_principle_assessment (fixture->store, pa, &error);
  g_assert_no_error (error);

  /* Its self-assessments would go too and cannot come back: ask first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "units.delete", "x", unit_id (unit)));
  kl_test_wait (50);
  dialog = find_message_dialog ();
  kl_assert_text_contains (dialog, "Delete “Bostøtte Nord”?");
  kl_assert_text_contains (dialog, "This cannot be undone.");

  click (GTK_WIDGET (dialog), "_Cancel");
  kl_test_wait (20);
  g_assert_finalize_object (dialog);
  g_assert_cmpuint (count_units (fixture), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "units.delete", "x", unit_id (unit)));
  kl_test_wait (50);
  dialog = find_message_dialog ();
  click (GTK_WIDGET (dialog), "_Delete");
  kl_test_wait (20);
  g_assert_finalize_object (dialog);

  g_assert_cmpuint (count_units (fixture), ==, 0);
  kl_assert_text_contains (fixture->page, "No units yet");
  kl_assert_text_contains (fixture->window, "“Bostøtte Nord” deleted");
  g_assert_null (find_button (GTK_WIDGET (fixture->window), "_Undo"));
}

static void
test_store_changes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(KlUnit) unit = save_unit (fixture, "Bostøtte Nord", 0);
  g_autoptr(KlStaff) first = kl_staff_new ();
  g_autoptr(KlStaff) second = kl_staff_new ();
  g_autoptr(GError) error = NULL;

  /* The page follows changes made elsewhere, such as on the staff page. */
  kl_staff_set_name (first, "Mette Sørensen");
  kl_staff_set_unit_id (first, unit_id (unit));
  kl_store_save_staff (fixture->store, first, &error);
  g_assert_no_error (error);
  kl_staff_set_name (second, "Jonas Holm");
  kl_staff_set_unit_id (second, unit_id (unit));
  kl_store_save_staff (fixture->store, second, &error);
  g_assert_no_error (error);
  kl_assert_text_contains (fixture->page, "2 staff members");

  kl_staff_set_left_on (second, "2026-01-31");
  kl_store_save_staff (fixture->store, second, &error);
  g_assert_no_error (error);
  kl_assert_text_contains (fixture->page, "1 staff member · 1 former");
}

int
main (int   argc,
      char *argv[])
{
  kl_test_init_ui (&argc, &argv);

  g_test_add ("/units/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/units/add", Fixture, NULL, fixture_set_up, test_add, fixture_tear_down);
  g_test_add ("/units/blank-name", Fixture, NULL, fixture_set_up, test_blank_name, fixture_tear_down);
  g_test_add ("/units/rename", Fixture, NULL, fixture_set_up, test_rename, fixture_tear_down);
  g_test_add ("/units/delete-refused", Fixture, NULL, fixture_set_up, test_delete_refused, fixture_tear_down);
  g_test_add ("/units/delete-undo", Fixture, NULL, fixture_set_up, test_delete_undo, fixture_tear_down);
  g_test_add ("/units/delete-with-records", Fixture, NULL, fixture_set_up, test_delete_with_records, fixture_tear_down);
  g_test_add ("/units/store-changes", Fixture, NULL, fixture_set_up, test_store_changes, fixture_tear_down);

  return g_test_run ();
}
