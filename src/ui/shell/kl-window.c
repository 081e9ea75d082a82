/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kl-window-private.h"

/* The main window: the sidebar of sections and the section pages, each
 * built when first shown. Its actions (navigation, import, export) are
 * in kl-window-actions.c. */


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

/* A section is built, with the store as its construct property, when it
 * is first shown: only the visible one is built before the first frame. */
static GtkWidget *
build_page (KlWindow   *self,
            AdwBin     *slot,
            GType       type,
            const char *name)
{
  GtkWidget *page = g_object_new (type, "name", name, "store", self->store, NULL);

  adw_bin_set_child (slot, page);
  return page;
}

static void
fill_page (KlWindow   *self,
           const char *name)
{
  if (self->store == NULL || name == NULL)
    return;

  if (g_str_equal (name, "overview") && self->overview_page == NULL)
    self->overview_page = KL_OVERVIEW_PAGE (build_page (self, self->overview_slot, KL_TYPE_OVERVIEW_PAGE,
                                                        "overview_page"));
  else if (g_str_equal (name, "staff") && self->staff_page == NULL)
    self->staff_page = KL_STAFF_PAGE (build_page (self, self->staff_slot, KL_TYPE_STAFF_PAGE, "staff_page"));
  else if (g_str_equal (name, "courses") && self->courses_page == NULL)
    self->courses_page = KL_COURSES_PAGE (build_page (self, self->courses_slot, KL_TYPE_COURSES_PAGE,
                                                      "courses_page"));
  else if (g_str_equal (name, "principles") && self->principles_page == NULL)
    self->principles_page = KL_PRINCIPLES_PAGE (build_page (self, self->principles_slot, KL_TYPE_PRINCIPLES_PAGE,
                                                            "principles_page"));
  else if (g_str_equal (name, "matrix") && self->matrix_page == NULL)
    self->matrix_page = KL_MATRIX_PAGE (build_page (self, self->matrix_slot, KL_TYPE_MATRIX_PAGE, "matrix_page"));
}

static void
on_visible_child_changed (KlWindow *self)
{
  if (self->stack != NULL)
    fill_page (self, gtk_stack_get_visible_child_name (self->stack));
}

void
_kl_window_show_section (KlWindow   *self,
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
  _kl_window_show_section (self, gtk_widget_get_name (GTK_WIDGET (row)));
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
kl_window_constructed (GObject *object)
{
  KlWindow *self = (KlWindow *)object;

  G_OBJECT_CLASS (kl_window_parent_class)->constructed (object);

  g_signal_connect_object (self->stack, "notify::visible-child",
                           G_CALLBACK (on_visible_child_changed), self, G_CONNECT_SWAPPED);
  on_visible_child_changed (self);
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

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->import_chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), KL_TYPE_WINDOW);

  G_OBJECT_CLASS (kl_window_parent_class)->dispose (object);
}

static void
kl_window_finalize (GObject *object)
{
  KlWindow *self = (KlWindow *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->import_path, g_free);

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

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/shell/kl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KlWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KlWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, KlWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, KlWindow, overview_slot);
  gtk_widget_class_bind_template_child (widget_class, KlWindow, staff_slot);
  gtk_widget_class_bind_template_child (widget_class, KlWindow, courses_slot);
  gtk_widget_class_bind_template_child (widget_class, KlWindow, principles_slot);
  gtk_widget_class_bind_template_child (widget_class, KlWindow, matrix_slot);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_changed);

  _kl_window_class_add_actions (widget_class);
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

/**
 * kl_window_show_section:
 * @name: "overview", "staff", "courses", "matrix" or "principles"
 *
 * Shows a section, as its sidebar row or Alt+number would.
 */
void
kl_window_show_section (KlWindow   *self,
                        const char *name)
{
  g_return_if_fail (KL_IS_WINDOW (self));

  _kl_window_show_section (self, name);
}

/**
 * kl_window_show_staff:
 * @staff_id: a staff member
 *
 * Opens the Staff section at a person's profile.
 */
void
kl_window_show_staff (KlWindow *self,
                      gint64    staff_id)
{
  g_return_if_fail (KL_IS_WINDOW (self));

  _kl_window_show_section (self, "staff");
  if (self->staff_page != NULL)
    kl_staff_page_show_staff (self->staff_page, staff_id);
}

void
kl_window_add_toast (KlWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (KL_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
