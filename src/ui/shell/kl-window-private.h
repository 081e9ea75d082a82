/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kl-courses-page.h"
#include "kl-matrix-page.h"
#include "kl-overview-page.h"
#include "kl-principles-page.h"
#include "kl-staff-page.h"
#include "kl-window.h"

G_BEGIN_DECLS

struct _KlWindow
{
  AdwApplicationWindow  parent_instance;

  KlStore              *store;
  GtkFileChooserNative *import_chooser;
  GCancellable         *cancellable;
  char                 *import_path;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  GtkStack             *stack;
  AdwBin               *overview_slot;
  AdwBin               *staff_slot;
  AdwBin               *courses_slot;
  AdwBin               *principles_slot;
  AdwBin               *matrix_slot;

  /* Built when first shown; see fill_page(). */
  KlOverviewPage       *overview_page;
  KlStaffPage          *staff_page;
  KlCoursesPage        *courses_page;
  KlPrinciplesPage     *principles_page;
  KlMatrixPage         *matrix_page;
};

void _kl_window_show_section      (KlWindow        *self,
                                   const char      *name);
void _kl_window_class_add_actions (GtkWidgetClass  *widget_class);

G_END_DECLS
