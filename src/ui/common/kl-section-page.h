/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_SECTION_PAGE (kl_section_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (KlSectionPage, kl_section_page, KL, SECTION_PAGE, AdwBin)

struct _KlSectionPageClass
{
  AdwBinClass parent_class;

  /* Called when the page is given its store, at construction. */
  void (*set_store) (KlSectionPage *self,
                     KlStore       *store);
};

G_END_DECLS
