/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Internal to the Overview page and its cards. */

typedef enum
{
  LINK_SECTION,        /* section: a section's name */
  LINK_MATRIX_THEME,   /* id: a theme, or 0 */
  LINK_STAFF,          /* id: a staff member */
} KlOverviewLinkKind;

void          _kl_overview_set_link          (gpointer            object,
                                              KlOverviewLinkKind  kind,
                                              gint64              id,
                                              const char         *section);
void          _kl_overview_follow_link       (GtkWidget          *widget,
                                              GObject            *object);
void          _kl_overview_on_row_activated  (GtkWidget          *card,
                                              GtkListBoxRow      *row);
void          _kl_overview_clear_list        (GtkListBox         *list);
GtkWidget    *_kl_overview_label_new         (const char         *text,
                                              const char         *css_class,
                                              ...) G_GNUC_NULL_TERMINATED;
GtkWidget    *_kl_overview_link_icon         (void);
AdwActionRow *_kl_overview_action_row_new    (const char         *title,
                                              const char         *subtitle);
void          _kl_overview_add_placeholder   (GtkListBox         *list,
                                              const char         *text);

G_END_DECLS
