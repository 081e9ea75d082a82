/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kl-back-button.h"
#include "kl-courses-page.h"

struct _KlCoursesPage
{
  AdwBin  parent_instance;
};

G_DEFINE_FINAL_TYPE (KlCoursesPage, kl_courses_page, ADW_TYPE_BIN)

static void
kl_courses_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KL_TYPE_COURSES_PAGE);

  G_OBJECT_CLASS (kl_courses_page_parent_class)->dispose (object);
}

static void
kl_courses_page_class_init (KlCoursesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kl_courses_page_dispose;

  g_type_ensure (KL_TYPE_BACK_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/kl-courses-page.ui");
}

static void
kl_courses_page_init (KlCoursesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
