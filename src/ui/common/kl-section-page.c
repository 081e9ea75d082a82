/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kl-section-page.h"

/* What every section of the window shares: it is an AdwBin built by the
 * window with the store as its construct property. A section sets
 * KlSectionPageClass.set_store to take the store (and keeps it itself),
 * and keeps itself live with kl_live_watch(). */
G_DEFINE_ABSTRACT_TYPE (KlSectionPage, kl_section_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kl_section_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KlSectionPage *self = KL_SECTION_PAGE (object);
  KlStore *store;

  switch (prop_id)
    {
    case PROP_STORE:
      store = g_value_get_object (value);
      if (store != NULL && KL_SECTION_PAGE_GET_CLASS (self)->set_store != NULL)
        KL_SECTION_PAGE_GET_CLASS (self)->set_store (self, store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_section_page_class_init (KlSectionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->set_property = kl_section_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         KL_TYPE_STORE,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kl_section_page_init (KlSectionPage *self)
{
}
