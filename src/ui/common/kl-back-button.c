/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kl-back-button.h"

/* The back button of a section's header bar: visible only while the
 * window is folded, when it leads back to the sidebar. It follows the
 * "folded" property of whatever window it is in, and the window's
 * win.show-sidebar action. */
struct _KlBackButton
{
  GtkButton  parent_instance;

  GBinding  *folded_binding;
};

G_DEFINE_FINAL_TYPE (KlBackButton, kl_back_button, GTK_TYPE_BUTTON)

static void
kl_back_button_root (GtkWidget *widget)
{
  KlBackButton *self = KL_BACK_BUTTON (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (kl_back_button_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (root != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (root), "folded") != NULL)
    self->folded_binding = g_object_bind_property (root, "folded", self, "visible",
                                                   G_BINDING_SYNC_CREATE);
}

static void
kl_back_button_unroot (GtkWidget *widget)
{
  KlBackButton *self = KL_BACK_BUTTON (widget);

  g_clear_pointer (&self->folded_binding, g_binding_unbind);

  GTK_WIDGET_CLASS (kl_back_button_parent_class)->unroot (widget);
}

static void
kl_back_button_class_init (KlBackButtonClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->root = kl_back_button_root;
  widget_class->unroot = kl_back_button_unroot;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/common/kl-back-button.ui");
}

static void
kl_back_button_init (KlBackButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
