/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KL_TYPE_BACK_BUTTON (kl_back_button_get_type ())
G_DECLARE_FINAL_TYPE (KlBackButton, kl_back_button, KL, BACK_BUTTON, GtkButton)

G_END_DECLS
