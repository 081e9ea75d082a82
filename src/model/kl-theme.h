/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kl-record.h"

G_BEGIN_DECLS

#define KL_TYPE_THEME (kl_theme_get_type ())
G_DECLARE_FINAL_TYPE (KlTheme, kl_theme, KL, THEME, KlRecord)

KlTheme     *kl_theme_new          (void);
const char  *kl_theme_get_name     (KlTheme *self);
void         kl_theme_set_name     (KlTheme *self,
                                    const char *name);
gboolean     kl_theme_get_builtin  (KlTheme *self);
void         kl_theme_set_builtin  (KlTheme *self,
                                    gboolean builtin);
gboolean     kl_theme_get_archived (KlTheme *self);
void         kl_theme_set_archived (KlTheme *self,
                                    gboolean archived);
int          kl_theme_get_position (KlTheme *self);
void         kl_theme_set_position (KlTheme *self,
                                    int position);

G_END_DECLS
