/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kl-form.h"
#include "kl-principle-detail.h"
#include "kl-principle-texts.h"
#include "kl-principle-util.h"
#include "kl-store-leadership.h"

/* One principle for the chosen unit: what it is about, how far the unit
 * has come over time, what is being done about it, the data behind it,
 * and questions and pitfalls to reflect on. The commands (record an
 * assessment, add or change an action) are the Principles page's. */
struct _KlPrincipleDetail
{
  AdwBin               parent_instance;

  KlStore             *store;
  KlActionLookup      *lookup;      /* the page's */
  gint64               principle_id;
  gint64               unit_id;
  char                *today;
  GPtrArray           *rows;        /* rows added to the groups */

  GtkLabel            *position_label;
  GtkLabel            *name_label;
  GtkLabel            *description_label;
  AdwPreferencesGroup *assessment_group;
  AdwPreferencesGroup *subunits_group;
  AdwPreferencesGroup *actions_group;
  AdwPreferencesGroup *data_group;
  AdwPreferencesGroup *coverage_group;
  AdwPreferencesGroup *questions_group;
  AdwPreferencesGroup *pitfalls_group;
};

G_DEFINE_FINAL_TYPE (KlPrincipleDetail, kl_principle_detail, ADW_TYPE_BIN)

static void
add_row (KlPrincipleDetail   *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, g_object_ref (row));
}

static void
clear_rows (KlPrincipleDetail *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/* "3 · Partly in place · ↑ up from 2 · 14 October 2026" */
static char *
standing_text (int         maturity,
               int         previous,
               const char *assessed_on)
{
  g_autofree char *text = kl_principle_maturity_text (maturity);
  g_autofree char *trend = kl_principle_trend_text (maturity, previous);
  g_autofree char *date = kl_format_date (assessed_on);
  GString *out = g_string_new (text);

  if (trend != NULL)
    g_string_append_printf (out, " · %s", trend);
  if (*date != '\0')
    g_string_append_printf (out, " · %s", date);
  return g_string_free (out, FALSE);
}

/* Units in tree order: each under its parent, those whose parent is not
 * listed at the top. */
static void
append_tree (GPtrArray  *out,
             GArray     *depths,
             GPtrArray  *units,
             GHashTable *listed,
             gint64      parent,
             int         depth)
{
  for (guint i = 0; i < units->len; i++)
    {
      KlPrincipleUnitStatus *status = g_ptr_array_index (units, i);
      gboolean is_root = !g_hash_table_contains (listed, &status->parent_id);

      if (depth == 0 ? !is_root : status->parent_id != parent)
        continue;
      g_ptr_array_add (out, status);
      g_array_append_val (depths, depth);
      if (depth < 8)
        append_tree (out, depths, units, listed, status->unit_id, depth + 1);
    }
}

static GPtrArray *
tree_order (GPtrArray *units,
            GArray    *depths)
{
  g_autoptr(GHashTable) listed = g_hash_table_new (g_int64_hash, g_int64_equal);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < units->len; i++)
    g_hash_table_add (listed, &((KlPrincipleUnitStatus *)g_ptr_array_index (units, i))->unit_id);
  append_tree (out, depths, units, listed, 0, 0);
  return out;
}

static GtkWidget *
unit_row (KlPrincipleDetail     *self,
          KlPrincipleUnitStatus *status,
          int                    depth)
{
  g_autofree char *standing = standing_text (status->maturity, status->previous, status->assessed_on);
  GtkWidget *row = text_row (status->unit_name, standing);

  /* Sub-units indented under their unit. */
  if (depth > 0)
    {
      GtkWidget *indent = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_widget_set_size_request (indent, 18 * depth, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), indent);
    }
  if (status->maturity > 0)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), kl_principle_maturity_bar (status->maturity));
  else
    gtk_widget_add_css_class (row, "dim-label");
  if (status->overdue_actions > 0)
    {
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d overdue action",
                                                             "%d overdue actions", status->overdue_actions),
                                                status->overdue_actions);

      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 kl_principle_status_icon ("dialog-warning-symbolic", label, "error"));
    }
  /* Choosing a unit shows its history. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "principles.set-unit");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_int64 (status->unit_id));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Show This Unit"));
  return row;
}

static void
show_units (KlPrincipleDetail   *self,
            AdwPreferencesGroup *group,
            gboolean             skip_chosen)
{
  g_autoptr(GPtrArray) units = kl_store_list_principle_units (self->store, self->principle_id, self->unit_id,
                                                              self->today, NULL);
  g_autoptr(GPtrArray) ordered = NULL;
  g_autoptr(GArray) depths = g_array_new (FALSE, FALSE, sizeof (int));
  guint shown = 0;

  if (units == NULL)
    return;
  ordered = tree_order (units, depths);
  for (guint i = 0; i < ordered->len; i++)
    {
      KlPrincipleUnitStatus *status = g_ptr_array_index (ordered, i);
      int depth = g_array_index (depths, int, i);

      if (skip_chosen && status->unit_id == self->unit_id)
        continue;
      add_row (self, group, unit_row (self, status, skip_chosen ? MAX (depth - 1, 0) : depth));
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (group), group != self->subunits_group || shown > 0);
  if (shown == 0 && group == self->assessment_group)
    add_row (self, group, text_row (_("No units yet"), _("Add your units in Preferences first.")));
}

static void
show_history (KlPrincipleDetail *self)
{
  g_autoptr(GPtrArray) history = kl_store_list_principle_assessments (self->store, self->unit_id,
                                                                      self->principle_id, NULL);

  if (history == NULL || history->len == 0)
    {
      add_row (self, self->assessment_group,
               text_row (_("Not assessed yet"),
                         _("Record the unit’s first self-assessment to follow how it develops.")));
      return;
    }

  for (guint i = history->len; i-- > 0; )
    {
      KlPrincipleAssessment *pa = g_ptr_array_index (history, i);
      int maturity = kl_principle_assessment_get_maturity (pa);
      int previous = i > 0 ? kl_principle_assessment_get_maturity (g_ptr_array_index (history, i - 1)) : 0;
      const char *reflection = kl_principle_assessment_get_reflection (pa);
      g_autofree char *title = kl_principle_maturity_text (maturity);
      g_autofree char *trend = kl_principle_trend_text (maturity, previous);
      g_autofree char *date = kl_format_date (kl_principle_assessment_get_assessed_on (pa));
      g_autoptr(GString) subtitle = g_string_new (date);
      GtkWidget *row, *edit;

      if (trend != NULL)
        g_string_append_printf (subtitle, " · %s", trend);
      if (reflection != NULL && *reflection != '\0')
        g_string_append_printf (subtitle, "\n%s", reflection);

      row = text_row (title, subtitle->str);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), kl_principle_maturity_bar (maturity));
      edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
      gtk_widget_set_tooltip_text (edit, _("Edit Self-Assessment"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Edit Self-Assessment"), -1);
      gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (edit, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "principles.edit-assessment");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (edit),
                                              g_variant_new_int64 (kl_record_get_id (KL_RECORD (pa))));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
      add_row (self, self->assessment_group, row);
    }
}

static int
compare_actions (gconstpointer a,
                 gconstpointer b,
                 gpointer      today)
{
  return kl_action_compare (*(KlAction **)a, *(KlAction **)b, today);
}

static void
show_actions (KlPrincipleDetail *self)
{
  g_autoptr(GPtrArray) actions = kl_store_list_actions (self->store, self->unit_id, self->principle_id, NULL);
  int open = 0, overdue = 0;

  if (actions == NULL || actions->len == 0)
    {
      add_row (self, self->actions_group,
               text_row (_("No actions yet"), _("What will you do to move this principle forward?")));
      adw_preferences_group_set_description (self->actions_group, NULL);
      return;
    }

  g_ptr_array_sort_with_data (actions, compare_actions, self->today);
  for (guint i = 0; i < actions->len; i++)
    {
      KlAction *action = g_ptr_array_index (actions, i);

      open += kl_action_is_active (action);
      overdue += kl_action_is_overdue (action, self->today);
      add_row (self, self->actions_group,
               kl_action_row_new (self->store, action, self->lookup, self->today, FALSE));
    }

  if (overdue > 0)
    {
      g_autofree char *open_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d open", "%d open", open),
                                                    open);
      g_autofree char *overdue_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d overdue", "%d overdue",
                                                                    overdue), overdue);
      g_autofree char *text = g_strdup_printf ("%s · %s", open_text, overdue_text);

      adw_preferences_group_set_description (self->actions_group, text);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d open", "%d open", open), open);

      adw_preferences_group_set_description (self->actions_group, text);
    }
}

static void
show_coverage (KlPrincipleDetail *self)
{
  g_autofree char *description = NULL;
  g_autoptr(GPtrArray) coverage = NULL;
  const char *unit = self->unit_id ? kl_action_lookup_unit (self->lookup, self->unit_id) : NULL;
  int n_staff = 0;

  coverage = kl_store_list_unit_coverage (self->store, self->unit_id, self->today, &n_staff, NULL);
  if (coverage == NULL)
    return;

  if (unit != NULL)
    /* Translators: %s is a unit, %d its number of current staff */
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "How many of the assessed staff in %s and its sub-units work "
                                                "independently (level 3) or above in each theme, from their "
                                                "profiles. %d current staff member.",
                                                "How many of the assessed staff in %s and its sub-units work "
                                                "independently (level 3) or above in each theme, from their "
                                                "profiles. %d current staff members.",
                                                n_staff),
                                   unit, n_staff);
  else
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "How many of the assessed staff in all units work independently "
                                                "(level 3) or above in each theme, from their profiles. "
                                                "%d current staff member.",
                                                "How many of the assessed staff in all units work independently "
                                                "(level 3) or above in each theme, from their profiles. "
                                                "%d current staff members.",
                                                n_staff),
                                   n_staff);
  adw_preferences_group_set_description (self->coverage_group, description);

  for (guint i = 0; i < coverage->len; i++)
    {
      KlThemeCoverage *theme = g_ptr_array_index (coverage, i);
      const char *name = theme->builtin ? _(theme->name) : theme->name;
      g_autoptr(GString) subtitle = g_string_new (NULL);
      GtkWidget *row, *bar, *percent;
      int share = theme->n_assessed ? (100 * theme->n_independent + theme->n_assessed / 2) / theme->n_assessed : 0;
      g_autofree char *percent_text = NULL;

      if (theme->n_assessed == 0)
        g_string_append (subtitle, _("No one assessed yet"));
      else
        {
          /* Translators: "5 of 8 assessed at level 3 or above" */
          g_string_append_printf (subtitle,
                                  g_dngettext (GETTEXT_PACKAGE, "%d of %d assessed at level 3 or above",
                                               "%d of %d assessed at level 3 or above", theme->n_assessed),
                                  theme->n_independent, theme->n_assessed);
          if (theme->n_below_target > 0)
            {
              g_string_append (subtitle, " · ");
              g_string_append_printf (subtitle,
                                      g_dngettext (GETTEXT_PACKAGE, "%d below target", "%d below target",
                                                   theme->n_below_target),
                                      theme->n_below_target);
            }
        }

      row = text_row (name, subtitle->str);
      if (theme->n_assessed > 0)
        {
          /* Translators: a share of the staff, e.g. "63%" (Danish "63 %") */
          percent_text = g_strdup_printf (_("%d%%"), share);
          percent = gtk_label_new (percent_text);
          gtk_widget_add_css_class (percent, "numeric");
          gtk_widget_set_valign (percent, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), percent);

          bar = gtk_level_bar_new_for_interval (0, 1);
          gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), (double)theme->n_independent / theme->n_assessed);
          gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
          gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
          gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
          gtk_widget_set_size_request (bar, 80, -1);
          gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, percent_text, -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
        }
      if (theme->n_below_target > 0)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   kl_principle_gap_button_new (self->store, self->unit_id, theme->theme_id,
                                                                name, self->today));
      add_row (self, self->coverage_group, row);
    }
}

static void
show_texts (KlPrincipleDetail      *self,
            const KlPrincipleTexts *texts)
{
  gtk_widget_set_visible (GTK_WIDGET (self->questions_group), texts != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->pitfalls_group), texts != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), texts != NULL);
  if (texts == NULL)
    return;

  gtk_label_set_label (self->description_label, _(texts->description));
  for (guint i = 0; texts->questions[i] != NULL; i++)
    add_row (self, self->questions_group, text_row (_(texts->questions[i]), NULL));
  for (guint i = 0; texts->pitfalls[i] != NULL; i++)
    {
      GtkWidget *row = text_row (_(texts->pitfalls[i]), NULL);

      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 kl_principle_status_icon ("dialog-warning-symbolic", _("Pitfall"), "warning"));
      add_row (self, self->pitfalls_group, row);
    }
}

static void
reload (KlPrincipleDetail *self)
{
  g_autoptr(KlRecord) principle = NULL;
  g_autoptr(GPtrArray) principles = NULL;
  g_autofree char *name = NULL;
  g_autofree char *position = NULL;
  const char *slug;

  clear_rows (self);
  if (self->store == NULL || self->principle_id == 0)
    return;
  principle = kl_store_get_record (self->store, KL_TYPE_PRINCIPLE, self->principle_id, NULL);
  if (principle == NULL)
    return;

  slug = kl_record_get_uuid (principle);
  name = kl_principle_display_name (KL_PRINCIPLE (principle));
  principles = kl_store_list_principles (self->store, KL_FRAMEWORK_FAGLIG_LEDELSE, NULL);
  /* Translators: e.g. "Principle 4 of 7" */
  position = g_strdup_printf (_("Principle %d of %u"), kl_principle_get_position (KL_PRINCIPLE (principle)),
                              principles ? principles->len : 0);
  gtk_label_set_label (self->position_label, position);
  gtk_label_set_label (self->name_label, name);

  if (self->unit_id != 0)
    {
      adw_preferences_group_set_description (self->assessment_group,
                                             kl_action_lookup_unit (self->lookup, self->unit_id));
      show_history (self);
      show_units (self, self->subunits_group, TRUE);
    }
  else
    {
      adw_preferences_group_set_description (self->assessment_group,
                                             _("Each unit’s latest self-assessment. "
                                               "Choose a unit to see its history."));
      show_units (self, self->assessment_group, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->subunits_group), FALSE);
    }

  show_actions (self);

  gtk_widget_set_visible (GTK_WIDGET (self->data_group), g_strcmp0 (slug, "ledelsesinformation") == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->coverage_group),
                          g_strcmp0 (slug, "recovery-orienterede-kompetencer") == 0);
  if (gtk_widget_get_visible (GTK_WIDGET (self->coverage_group)))
    show_coverage (self);

  show_texts (self, kl_principle_texts_lookup (slug));
}

static void
kl_principle_detail_dispose (GObject *object)
{
  KlPrincipleDetail *self = (KlPrincipleDetail *)object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), KL_TYPE_PRINCIPLE_DETAIL);
  g_clear_object (&self->store);
  self->lookup = NULL;

  G_OBJECT_CLASS (kl_principle_detail_parent_class)->dispose (object);
}

static void
kl_principle_detail_finalize (GObject *object)
{
  KlPrincipleDetail *self = (KlPrincipleDetail *)object;

  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (kl_principle_detail_parent_class)->finalize (object);
}

static void
kl_principle_detail_class_init (KlPrincipleDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kl_principle_detail_dispose;
  object_class->finalize = kl_principle_detail_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/principles/kl-principle-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, KlPrincipleDetail, position_label);
  gtk_widget_class_bind_template_child (widget_class, KlPrincipleDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, KlPrincipleDetail, description_label);
  gtk_widget_class_bind_template_child (widget_class, KlPrincipleDetail, assessment_group);
  gtk_widget_class_bind_template_child (widget_class, KlPrincipleDetail, subunits_group);
  gtk_widget_class_bind_template_child (widget_class, KlPrincipleDetail, actions_group);
  gtk_widget_class_bind_template_child (widget_class, KlPrincipleDetail, data_group);
  gtk_widget_class_bind_template_child (widget_class, KlPrincipleDetail, coverage_group);
  gtk_widget_class_bind_template_child (widget_class, KlPrincipleDetail, questions_group);
  gtk_widget_class_bind_template_child (widget_class, KlPrincipleDetail, pitfalls_group);
}

static void
kl_principle_detail_init (KlPrincipleDetail *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kl_principle_detail_show:
 * @lookup: names for actions' ids; kept by the caller for as long as
 *   the detail shows anything
 * @principle_id: the principle
 * @unit_id: a unit, or 0 for all units
 * @today: YYYY-MM-DD, for what is overdue
 *
 * Shows the principle for the unit as the data stands now. Call again
 * when the data changes.
 */
void
kl_principle_detail_show (KlPrincipleDetail *self,
                          KlStore           *store,
                          KlActionLookup    *lookup,
                          gint64             principle_id,
                          gint64             unit_id,
                          const char        *today)
{
  g_return_if_fail (KL_IS_PRINCIPLE_DETAIL (self));
  g_return_if_fail (KL_IS_STORE (store));
  g_return_if_fail (lookup != NULL);

  g_set_object (&self->store, store);
  self->lookup = lookup;
  self->principle_id = principle_id;
  self->unit_id = unit_id;
  g_free (self->today);
  self->today = g_strdup (today);
  reload (self);
}
