/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kl-courses-page.h"
#include "kl-matrix-page.h"
#include "kl-overview-page.h"
#include "kl-principles-page.h"
#include "kl-staff-page.h"
#include "kl-window.h"

struct _KlWindow
{
  AdwApplicationWindow  parent_instance;

  KlStore              *store;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  GtkStack             *stack;
};

G_DEFINE_FINAL_TYPE (KlWindow, kl_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
select_sidebar_row (KlWindow   *self,
                    const char *name)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (gtk_widget_get_name (row), name) == 0)
        {
          gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (row));
          return;
        }
    }
}

static void
show_section (KlWindow   *self,
              const char *name)
{
  if (gtk_stack_get_child_by_name (self->stack, name) == NULL)
    {
      g_warning ("No section called “%s”", name);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, name);
  select_sidebar_row (self, name);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_sidebar_row_activated (KlWindow      *self,
                          GtkListBoxRow *row)
{
  show_section (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
on_leaflet_folded_changed (KlWindow *self)
{
  /* Also notified while the template is built and torn down. */
  if (self->leaflet == NULL || self->sidebar == NULL)
    return;

  /* When unfolded the sidebar shows the selection; when folded the
   * sidebar is a plain menu, so no row stays highlighted. */
  if (adw_leaflet_get_folded (self->leaflet))
    gtk_list_box_set_selection_mode (self->sidebar, GTK_SELECTION_NONE);
  else
    {
      gtk_list_box_set_selection_mode (self->sidebar, GTK_SELECTION_BROWSE);
      select_sidebar_row (self, gtk_stack_get_visible_child_name (self->stack));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
}

static void
show_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  show_section (KL_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KlWindow *self = KL_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
kl_window_constructed (GObject *object)
{
  KlWindow *self = (KlWindow *)object;

  G_OBJECT_CLASS (kl_window_parent_class)->constructed (object);

  select_sidebar_row (self, gtk_stack_get_visible_child_name (self->stack));
}

static gboolean
kl_window_close_request (GtkWindow *window)
{
  GtkApplication *app = gtk_window_get_application (window);

  if (KL_IS_APPLICATION (app))
    kl_settings_save_window_state (kl_application_get_settings (KL_APPLICATION (app)), window);

  return GTK_WINDOW_CLASS (kl_window_parent_class)->close_request (window);
}

static void
kl_window_dispose (GObject *object)
{
  KlWindow *self = (KlWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KL_TYPE_WINDOW);

  G_OBJECT_CLASS (kl_window_parent_class)->dispose (object);
}

static void
kl_window_finalize (GObject *object)
{
  KlWindow *self = (KlWindow *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (kl_window_parent_class)->finalize (object);
}

static void
kl_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KlWindow *self = KL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_FOLDED:
      g_value_set_boolean (value, kl_window_get_folded (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  KlWindow *self = KL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_window_class_init (KlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = kl_window_constructed;
  object_class->dispose = kl_window_dispose;
  object_class->finalize = kl_window_finalize;
  object_class->get_property = kl_window_get_property;
  object_class->set_property = kl_window_set_property;
  window_class->close_request = kl_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         KL_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KL_TYPE_OVERVIEW_PAGE);
  g_type_ensure (KL_TYPE_STAFF_PAGE);
  g_type_ensure (KL_TYPE_COURSES_PAGE);
  g_type_ensure (KL_TYPE_MATRIX_PAGE);
  g_type_ensure (KL_TYPE_PRINCIPLES_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/kl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KlWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KlWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, KlWindow, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_changed);

  gtk_widget_class_install_action (widget_class, "win.show-section", "s", show_section_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
}

static void
kl_window_init (KlWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/**
 * kl_window_new:
 * @application: the application, which owns the open database
 *
 * Creates the main window on the application's database.
 *
 * Returns: (transfer full): a new #KlWindow
 */
KlWindow *
kl_window_new (KlApplication *application)
{
  KlWindow *self;

  g_return_val_if_fail (KL_IS_APPLICATION (application), NULL);

  self = g_object_new (KL_TYPE_WINDOW,
                       "application", application,
                       "store", kl_application_get_store (application),
                       NULL);
  kl_settings_restore_window_state (kl_application_get_settings (application),
                                    GTK_WINDOW (self));

  return self;
}

KlStore *
kl_window_get_store (KlWindow *self)
{
  g_return_val_if_fail (KL_IS_WINDOW (self), NULL);

  return self->store;
}

gboolean
kl_window_get_folded (KlWindow *self)
{
  g_return_val_if_fail (KL_IS_WINDOW (self), FALSE);

  /* Asked by the pages' back buttons while the template is being built. */
  return self->leaflet != NULL && adw_leaflet_get_folded (self->leaflet);
}

const char *
kl_window_get_visible_section (KlWindow *self)
{
  g_return_val_if_fail (KL_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

void
kl_window_add_toast (KlWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (KL_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
