/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void kl_toast_add        (GtkWidget  *widget,
                          AdwToast   *toast);
void kl_toast_add_title  (GtkWidget  *widget,
                          const char *title);

G_END_DECLS
