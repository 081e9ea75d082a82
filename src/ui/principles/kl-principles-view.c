/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kl-back-button.h"
#include "kl-form.h"
#include "kl-principle-detail.h"
#include "kl-principle-util.h"
#include "kl-principles-view.h"
#include "kl-store-leadership.h"
#include "kl-unit-choice.h"

/* The Principles view of the Principles page: the seven principles with
 * how far the chosen unit, or every unit, has come, and the page of the
 * principle chosen. The page loads the data; the view shows it. */

struct _KlPrinciplesView
{
  AdwBin              parent_instance;

  KlStore            *store;
  KlActionLookup     *lookup;        /* the page's */
  AdwViewStack       *stack;
  char               *today;
  guint               n_units;
  gint64              unit_id;
  gint64              shown;
  GArray             *unit_ids;

  AdwLeaflet         *leaflet;
  GtkStack           *list_stack;
  GtkDropDown        *unit_dropdown;
  GtkLabel           *hint_label;
  GtkListBox         *principle_list;
  AdwWindowTitle     *detail_title;
  GtkStack           *detail_stack;
  KlPrincipleDetail  *detail;
};

G_DEFINE_FINAL_TYPE (KlPrinciplesView, kl_principles_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STACK,
  PROP_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One row per principle */

static void
set_shown (KlPrinciplesView *self,
           gint64            principle_id)
{
  if (self->shown == principle_id)
    return;
  self->shown = principle_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN]);
}

static GtkWidget *
caption_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
principle_row_new (KlPrinciplesView  *self,
                   KlPrincipleStatus *status)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *label;
  g_autofree char *number = g_strdup_printf ("%d", status->position);
  g_autofree char *standing = NULL;
  g_autofree char *trend = NULL;
  g_autofree char *date = kl_format_date (status->assessed_on);
  g_autoptr(GString) meta = g_string_new (NULL);
  int bar_value = status->maturity;

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  label = gtk_label_new (number);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_set_size_request (label, 16, -1);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (_(status->name));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (text), label);

  if (status->n_units == 0)
    standing = g_strdup (_("Not assessed yet"));
  else if (self->unit_id != 0)
    {
      standing = kl_principle_maturity_text (status->maturity);
      trend = kl_principle_trend_text (status->maturity, status->previous);
    }
  else
    {
      g_autofree char *average = kl_format_number (status->average, 1);

      /* Translators: across all units: the lowest and the average of each unit's latest maturity */
      standing = g_strdup_printf (_("Lowest %d · average %s"), status->maturity, average);
      bar_value = (int)round (status->average);
      if (status->n_up > 0 || status->n_down > 0)
        {
          g_autofree char *up = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "↑ up in %d unit",
                                                              "↑ up in %d units", status->n_up), status->n_up);
          g_autofree char *down = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "↓ down in %d unit",
                                                                "↓ down in %d units", status->n_down),
                                                   status->n_down);

          trend = status->n_up && status->n_down ? g_strdup_printf ("%s · %s", up, down)
                                                 : g_strdup (status->n_up ? up : down);
        }
    }
  if (trend != NULL)
    {
      g_autofree char *joined = g_strdup_printf ("%s · %s", standing, trend);

      g_free (standing);
      standing = g_steal_pointer (&joined);
    }
  label = gtk_label_new (standing);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (status->n_units == 0)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (text), label);

  if (status->n_units > 0)
    {
      GtkWidget *bar = kl_principle_maturity_bar (bar_value);

      gtk_widget_set_halign (bar, GTK_ALIGN_START);
      gtk_widget_set_size_request (bar, 160, -1);
      gtk_box_append (GTK_BOX (text), bar);
    }

  if (self->unit_id == 0 && status->n_units > 0)
    {
      /* Translators: "3 of 9 units assessed" */
      g_string_append_printf (meta, g_dngettext (GETTEXT_PACKAGE, "%d of %u unit assessed", "%d of %u units assessed",
                                                 self->n_units),
                              status->n_units, self->n_units);
      g_string_append (meta, " · ");
      g_string_append_printf (meta, _("latest %s"), date);
    }
  else if (*date != '\0')
    g_string_append_printf (meta, _("Assessed %s"), date);
  if (status->open_actions > 0)
    {
      g_string_append (meta, meta->len ? " · " : "");
      g_string_append_printf (meta, g_dngettext (GETTEXT_PACKAGE, "%d open action", "%d open actions",
                                                 status->open_actions),
                              status->open_actions);
    }
  if (meta->len > 0)
    gtk_box_append (GTK_BOX (text), caption_label (meta->str, "dim-label"));

  if (status->overdue_actions > 0)
    {
      GtkWidget *overdue = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      g_autofree char *overdue_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d overdue action",
                                                                    "%d overdue actions",
                                                                    status->overdue_actions),
                                                       status->overdue_actions);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Overdue"), -1);
      gtk_box_append (GTK_BOX (overdue), icon);
      label = caption_label (overdue_text, "error");
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_box_append (GTK_BOX (overdue), label);
      gtk_box_append (GTK_BOX (text), overdue);
    }

  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, status->slug);
  g_object_set_data (G_OBJECT (row), "principle-id", GSIZE_TO_POINTER (status->principle_id));
  return row;
}

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
select_shown_row (KlPrinciplesView *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->principle_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) &&
        (gint64)GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "principle-id")) == self->shown)
      {
        gtk_list_box_select_row (self->principle_list, GTK_LIST_BOX_ROW (row));
        return;
      }
  gtk_list_box_unselect_all (self->principle_list);
}

static void
reload_overview (KlPrinciplesView *self)
{
  g_autoptr(GPtrArray) statuses = kl_store_list_principle_status (self->store, KL_FRAMEWORK_FAGLIG_LEDELSE,
                                                                  self->unit_id, self->today, NULL);
  gboolean any_assessed = FALSE;

  clear_list_box (self->principle_list);
  for (guint i = 0; statuses != NULL && i < statuses->len; i++)
    {
      KlPrincipleStatus *status = g_ptr_array_index (statuses, i);

      any_assessed |= status->n_units > 0;
      gtk_list_box_append (self->principle_list, principle_row_new (self, status));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), !any_assessed && self->n_units > 0);
  gtk_stack_set_visible_child_name (self->list_stack, self->n_units > 0 ? "list" : "no-units");

  /* Something to look at when there is room for both panes. */
  if (self->shown == 0 && statuses != NULL && statuses->len > 0)
    set_shown (self, ((KlPrincipleStatus *)g_ptr_array_index (statuses, 0))->principle_id);
  select_shown_row (self);
}

static void
reload_detail (KlPrinciplesView *self)
{
  g_autoptr(KlRecord) principle = NULL;
  g_autofree char *name = NULL;

  if (self->shown != 0)
    principle = kl_store_get_record (self->store, KL_TYPE_PRINCIPLE, self->shown, NULL);
  if (principle == NULL || self->n_units == 0)
    {
      adw_window_title_set_title (self->detail_title, "");
      adw_window_title_set_subtitle (self->detail_title, "");
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  name = kl_principle_display_name (KL_PRINCIPLE (principle));
  adw_window_title_set_title (self->detail_title, name);
  adw_window_title_set_subtitle (self->detail_title, self->unit_id ? kl_action_lookup_unit (self->lookup, self->unit_id)
                                                                   : _("All units"));
  kl_principle_detail_show (self->detail, self->store, self->lookup, self->shown, self->unit_id, self->today);
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
}

/* Signal handlers */

static void
on_unit_changed (KlPrinciplesView *self)
{
  guint selected = gtk_drop_down_get_selected (self->unit_dropdown);

  if (selected < self->unit_ids->len)
    kl_principles_view_set_unit (self, g_array_index (self->unit_ids, gint64, selected));
}

static void
on_principle_activated (KlPrinciplesView *self,
                        GtkListBoxRow    *row)
{
  kl_principles_view_show_principle (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "principle-id")));
}

/* GObject */

static void
kl_principles_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KlPrinciplesView *self = KL_PRINCIPLES_VIEW (object);

  switch (prop_id)
    {
    case PROP_STACK:
      g_value_set_object (value, self->stack);
      break;

    case PROP_SHOWN:
      g_value_set_int64 (value, self->shown);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_principles_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KlPrinciplesView *self = KL_PRINCIPLES_VIEW (object);

  switch (prop_id)
    {
    case PROP_STACK:
      if (g_set_object (&self->stack, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_principles_view_dispose (GObject *object)
{
  KlPrinciplesView *self = (KlPrinciplesView *)object;

  /* The rows and drop-down say their selection changed as they go. */
  if (self->principle_list != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->unit_dropdown, self);
      g_signal_handlers_disconnect_by_data (self->principle_list, self);
    }
  /* The leaflet is both a template child and the bin's child: let the
   * bin let go of it first, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KL_TYPE_PRINCIPLES_VIEW);
  g_clear_object (&self->stack);
  g_clear_object (&self->store);
  self->lookup = NULL;

  G_OBJECT_CLASS (kl_principles_view_parent_class)->dispose (object);
}

static void
kl_principles_view_finalize (GObject *object)
{
  KlPrinciplesView *self = (KlPrinciplesView *)object;

  g_clear_pointer (&self->unit_ids, g_array_unref);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (kl_principles_view_parent_class)->finalize (object);
}

static void
kl_principles_view_class_init (KlPrinciplesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kl_principles_view_dispose;
  object_class->finalize = kl_principles_view_finalize;
  object_class->get_property = kl_principles_view_get_property;
  object_class->set_property = kl_principles_view_set_property;

  /* The page's stack of views, for the view switchers. */
  properties[PROP_STACK] =
    g_param_spec_object ("stack", NULL, NULL,
                         ADW_TYPE_VIEW_STACK,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* The principle whose page is shown; 0 for none. */
  properties[PROP_SHOWN] =
    g_param_spec_int64 ("shown", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KL_TYPE_BACK_BUTTON);
  g_type_ensure (KL_TYPE_PRINCIPLE_DETAIL);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/principles/kl-principles-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KlPrinciplesView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KlPrinciplesView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, KlPrinciplesView, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KlPrinciplesView, hint_label);
  gtk_widget_class_bind_template_child (widget_class, KlPrinciplesView, principle_list);
  gtk_widget_class_bind_template_child (widget_class, KlPrinciplesView, detail_title);
  gtk_widget_class_bind_template_child (widget_class, KlPrinciplesView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, KlPrinciplesView, detail);

  gtk_widget_class_bind_template_callback (widget_class, on_unit_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_principle_activated);
}

static void
kl_principles_view_init (KlPrinciplesView *self)
{
  self->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kl_principles_view_set_store:
 * @lookup: the names for the ids in actions; the page keeps it and
 *   reloads it, and outlives the view
 */
void
kl_principles_view_set_store (KlPrinciplesView *self,
                              KlStore          *store,
                              KlActionLookup   *lookup)
{
  g_return_if_fail (KL_IS_PRINCIPLES_VIEW (self));
  g_return_if_fail (KL_IS_STORE (store));

  g_set_object (&self->store, store);
  self->lookup = lookup;
  set_shown (self, 0);
}

/**
 * kl_principles_view_set_units:
 * @units: (element-type KlUnit): every unit, by name
 *
 * Offers the units to choose from; a chosen unit that is gone gives way
 * to all units.
 */
void
kl_principles_view_set_units (KlPrinciplesView *self,
                              GPtrArray        *units)
{
  g_autoptr(GtkStringList) names = NULL;
  guint position;

  g_return_if_fail (KL_IS_PRINCIPLES_VIEW (self));

  names = kl_unit_choice_names (units, _("All units"), self->unit_ids);
  self->n_units = units ? units->len : 0;
  if (kl_unit_choice_position (self->unit_ids, self->unit_id) == GTK_INVALID_LIST_POSITION)
    self->unit_id = 0;

  position = kl_unit_choice_position (self->unit_ids, self->unit_id);
  kl_drop_down_set_quietly (self->unit_dropdown, G_LIST_MODEL (names), position, self);
  gtk_widget_set_visible (GTK_WIDGET (self->unit_dropdown), self->unit_ids->len > 2);
}

/**
 * kl_principles_view_reload:
 * @today: YYYY-MM-DD, for what is overdue
 *
 * Shows the principles, and the page of the one chosen, as they are in
 * the store now.
 */
void
kl_principles_view_reload (KlPrinciplesView *self,
                           const char       *today)
{
  g_return_if_fail (KL_IS_PRINCIPLES_VIEW (self));
  g_return_if_fail (today != NULL);

  g_free (self->today);
  self->today = g_strdup (today);
  if (self->store == NULL)
    return;
  reload_overview (self);
  reload_detail (self);
}

/**
 * kl_principles_view_show_principle:
 * @principle_id: a principle
 *
 * Opens the principle's page for the chosen unit.
 */
void
kl_principles_view_show_principle (KlPrinciplesView *self,
                                   gint64            principle_id)
{
  g_return_if_fail (KL_IS_PRINCIPLES_VIEW (self));

  set_shown (self, principle_id);
  select_shown_row (self);
  if (self->store != NULL && self->today != NULL)
    reload_detail (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

gint64
kl_principles_view_get_shown (KlPrinciplesView *self)
{
  g_return_val_if_fail (KL_IS_PRINCIPLES_VIEW (self), 0);

  return self->shown;
}

/**
 * kl_principles_view_set_unit:
 * @unit_id: a unit, or 0 for all units
 */
void
kl_principles_view_set_unit (KlPrinciplesView *self,
                             gint64            unit_id)
{
  guint position;

  g_return_if_fail (KL_IS_PRINCIPLES_VIEW (self));

  position = kl_unit_choice_position (self->unit_ids, unit_id);
  if (position == GTK_INVALID_LIST_POSITION || self->unit_id == unit_id)
    return;
  self->unit_id = unit_id;
  if (gtk_drop_down_get_selected (self->unit_dropdown) != position)
    gtk_drop_down_set_selected (self->unit_dropdown, position);
  if (self->store != NULL && self->today != NULL)
    {
      reload_overview (self);
      reload_detail (self);
    }
}

gint64
kl_principles_view_get_unit (KlPrinciplesView *self)
{
  g_return_val_if_fail (KL_IS_PRINCIPLES_VIEW (self), 0);

  return self->unit_id;
}

/**
 * kl_principles_view_navigate_back:
 *
 * From a principle's page back to the list, where the two do not fit
 * side by side.
 */
void
kl_principles_view_navigate_back (KlPrinciplesView *self)
{
  g_return_if_fail (KL_IS_PRINCIPLES_VIEW (self));

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}
