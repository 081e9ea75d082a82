/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kl-section-page.h"

/* What every section of the window shares: it is an AdwBin built by the
 * window with the store as its construct property. A section sets
 * KlSectionPageClass.set_store to take the store, and keeps itself live
 * with kl_live_watch(). */
typedef struct
{
  KlStore *store;
} KlSectionPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (KlSectionPage, kl_section_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kl_section_page_dispose (GObject *object)
{
  KlSectionPagePrivate *priv = kl_section_page_get_instance_private (KL_SECTION_PAGE (object));

  g_clear_object (&priv->store);

  G_OBJECT_CLASS (kl_section_page_parent_class)->dispose (object);
}

static void
kl_section_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KlSectionPage *self = KL_SECTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, kl_section_page_get_store (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_section_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KlSectionPage *self = KL_SECTION_PAGE (object);
  KlSectionPagePrivate *priv = kl_section_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&priv->store, g_value_get_object (value));
      if (priv->store != NULL && KL_SECTION_PAGE_GET_CLASS (self)->set_store != NULL)
        KL_SECTION_PAGE_GET_CLASS (self)->set_store (self, priv->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_section_page_class_init (KlSectionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kl_section_page_dispose;
  object_class->get_property = kl_section_page_get_property;
  object_class->set_property = kl_section_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         KL_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kl_section_page_init (KlSectionPage *self)
{
}

/**
 * kl_section_page_get_store:
 *
 * Returns: (transfer none) (nullable): the store the page was built with
 */
KlStore *
kl_section_page_get_store (KlSectionPage *self)
{
  KlSectionPagePrivate *priv;

  g_return_val_if_fail (KL_IS_SECTION_PAGE (self), NULL);

  priv = kl_section_page_get_instance_private (self);
  return priv->store;
}
