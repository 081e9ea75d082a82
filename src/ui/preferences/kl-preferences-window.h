/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kl-settings.h"
#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_PREFERENCES_WINDOW (kl_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (KlPreferencesWindow, kl_preferences_window, KL, PREFERENCES_WINDOW, AdwPreferencesWindow)

KlPreferencesWindow *kl_preferences_window_new            (KlSettings          *settings,
                                                           KlStore             *store);
void                 kl_preferences_window_update_backups (KlPreferencesWindow *self);

G_END_DECLS
