/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A form field: the store's field name and the widget that edits it. */
typedef struct
{
  const char *field;
  GtkWidget  *widget;
} KlFormField;

void      kl_form_show_error      (GtkLabel           *label,
                                   const KlFormField  *fields,
                                   guint               n_fields,
                                   const GError       *error);
void      kl_form_clear_error     (GtkLabel           *label,
                                   const KlFormField  *fields,
                                   guint               n_fields);
char     *kl_form_date_for_entry  (const char         *iso);
char     *kl_parse_user_date      (const char         *text);
char     *kl_format_date          (const char         *iso);
gboolean  kl_parse_user_number    (const char         *text,
                                   double             *value);
char     *kl_format_number        (double              value,
                                   int                 decimals);
char     *kl_text_view_get_text   (GtkTextView        *view);

G_END_DECLS
