/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kl-application.h"

G_BEGIN_DECLS

#define KL_TYPE_WINDOW (kl_window_get_type ())
G_DECLARE_FINAL_TYPE (KlWindow, kl_window, KL, WINDOW, AdwApplicationWindow)

KlWindow   *kl_window_new                 (KlApplication *application);
KlStore    *kl_window_get_store           (KlWindow      *self);
gboolean    kl_window_get_folded          (KlWindow      *self);
const char *kl_window_get_visible_section (KlWindow      *self);
void        kl_window_add_toast           (KlWindow      *self,
                                           AdwToast      *toast);
void        kl_window_import_file         (KlWindow      *self,
                                           const char    *path);
void        kl_window_show_section        (KlWindow      *self,
                                           const char    *name);
void        kl_window_show_staff          (KlWindow      *self,
                                           gint64         staff_id);

G_END_DECLS
