/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kl-overview-card.h"

/* What the Overview's cards share: links from a figure to the view that
 * explains it, and the labels and rows they are built of. */

typedef struct
{
  KlOverviewLinkKind  kind;
  gint64              id;
  char               *section;
} Link;

static GQuark
link_quark (void)
{
  return g_quark_from_static_string ("kl-overview-link");
}

static void
link_free (gpointer data)
{
  Link *link = data;

  g_free (link->section);
  g_free (link);
}

/**
 * _kl_overview_set_link:
 * @object: a row or a tile
 * @id: a theme for %LINK_MATRIX_THEME (0 for none), a staff member for
 *   %LINK_STAFF
 * @section: (nullable): the section for %LINK_SECTION
 *
 * Where the row or tile leads; _kl_overview_follow_link() goes there.
 */
void
_kl_overview_set_link (gpointer            object,
                       KlOverviewLinkKind  kind,
                       gint64              id,
                       const char         *section)
{
  Link *link = g_new0 (Link, 1);

  link->kind = kind;
  link->id = id;
  link->section = g_strdup (section);
  g_object_set_qdata_full (G_OBJECT (object), link_quark (), link, link_free);
}

/**
 * _kl_overview_follow_link:
 * @widget: where the action is activated from
 * @object: a row or a tile with a link
 *
 * Shows what @object's link leads to; a theme in the matrix goes through
 * the page's `overview.show-theme`, which knows the unit shown.
 */
void
_kl_overview_follow_link (GtkWidget *widget,
                          GObject   *object)
{
  Link *link = g_object_get_qdata (object, link_quark ());

  if (link == NULL)
    return;

  switch (link->kind)
    {
    case LINK_STAFF:
      gtk_widget_activate_action (widget, "win.show-staff", "x", link->id);
      break;

    case LINK_MATRIX_THEME:
      gtk_widget_activate_action (widget, "overview.show-theme", "x", link->id);
      break;

    case LINK_SECTION:
    default:
      gtk_widget_activate_action (widget, "win.show-section", "s", link->section);
      break;
    }
}

/* A template callback for the cards' lists: swapped, the card first. */
void
_kl_overview_on_row_activated (GtkWidget     *card,
                               GtkListBoxRow *row)
{
  _kl_overview_follow_link (card, G_OBJECT (row));
}

/* Building blocks */

void
_kl_overview_clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

GtkWidget *
_kl_overview_label_new (const char *text,
                        const char *css_class,
                        ...)
{
  GtkWidget *label = gtk_label_new (text);
  va_list args;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  va_start (args, css_class);
  for (const char *c = css_class; c != NULL; c = va_arg (args, const char *))
    gtk_widget_add_css_class (label, c);
  va_end (args);
  return label;
}

GtkWidget *
_kl_overview_link_icon (void)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("go-next-symbolic");

  gtk_widget_add_css_class (icon, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, NULL, -1);
  return icon;
}

AdwActionRow *
_kl_overview_action_row_new (const char *title,
                             const char *subtitle)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, subtitle);
  adw_action_row_set_title_lines (row, 2);
  adw_action_row_set_subtitle_lines (row, 3);
  return row;
}

void
_kl_overview_add_placeholder (GtkListBox *list,
                              const char *text)
{
  GtkWidget *label = _kl_overview_label_new (text, "dim-label", NULL);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (list, row);
}
