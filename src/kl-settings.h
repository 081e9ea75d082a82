/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  KL_COLOR_SCHEME_DEFAULT,
  KL_COLOR_SCHEME_LIGHT,
  KL_COLOR_SCHEME_DARK,
} KlColorScheme;

#define KL_TYPE_SETTINGS (kl_settings_get_type ())
G_DECLARE_FINAL_TYPE (KlSettings, kl_settings, KL, SETTINGS, GObject)

KlSettings    *kl_settings_new                (void);
KlColorScheme  kl_settings_get_color_scheme   (KlSettings    *self);
void           kl_settings_set_color_scheme   (KlSettings    *self,
                                               KlColorScheme  scheme);
int            kl_settings_get_csv_style      (KlSettings    *self);
void           kl_settings_set_csv_style      (KlSettings    *self,
                                               int            style);
int            kl_settings_get_csv_style_default (void);
void           kl_settings_restore_window_state (KlSettings  *self,
                                                 GtkWindow   *window);
void           kl_settings_save_window_state    (KlSettings  *self,
                                                 GtkWindow   *window);

G_END_DECLS
