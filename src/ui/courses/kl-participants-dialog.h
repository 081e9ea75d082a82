/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_PARTICIPANTS_DIALOG (kl_participants_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KlParticipantsDialog, kl_participants_dialog, KL, PARTICIPANTS_DIALOG, AdwWindow)

KlParticipantsDialog *kl_participants_dialog_new    (GtkWindow            *parent,
                                                     KlStore              *store,
                                                     gint64                course_id);
GListModel           *kl_participants_dialog_get_model (KlParticipantsDialog *self);
void                  kl_participants_dialog_set_search (KlParticipantsDialog *self,
                                                         const char           *text);
void                  kl_participants_dialog_select (KlParticipantsDialog *self,
                                                     gint64                staff_id);
char                 *kl_participants_dialog_enrol (KlParticipantsDialog *self);

G_END_DECLS
