/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kl-store.h"

G_BEGIN_DECLS

/* What the Principles section's widgets share. */

char       *kl_principle_today            (const char  *override);
char       *kl_principle_maturity_text    (int          maturity);
char       *kl_principle_trend_text       (int          maturity,
                                           int          previous);
char       *kl_principle_display_name     (KlPrinciple *principle);

GtkWidget  *kl_principle_maturity_bar     (int          maturity);
GtkWidget  *kl_principle_status_icon      (const char  *icon_name,
                                           const char  *label,
                                           const char  *css_class);
GtkWidget  *kl_principle_gap_button_new   (KlStore     *store,
                                           gint64       unit_id,
                                           gint64       theme_id,
                                           const char  *theme_name,
                                           const char  *today);

void        kl_principle_add_toast        (GtkWidget   *widget,
                                           AdwToast    *toast);

G_END_DECLS
