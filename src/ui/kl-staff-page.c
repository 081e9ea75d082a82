/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kl-back-button.h"
#include "kl-staff-page.h"

struct _KlStaffPage
{
  AdwBin  parent_instance;
};

G_DEFINE_FINAL_TYPE (KlStaffPage, kl_staff_page, ADW_TYPE_BIN)

static void
kl_staff_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KL_TYPE_STAFF_PAGE);

  G_OBJECT_CLASS (kl_staff_page_parent_class)->dispose (object);
}

static void
kl_staff_page_class_init (KlStaffPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kl_staff_page_dispose;

  g_type_ensure (KL_TYPE_BACK_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/kl-staff-page.ui");
}

static void
kl_staff_page_init (KlStaffPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
