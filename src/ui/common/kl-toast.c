/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kl-toast.h"

/* Pages and dialogs show toasts in the nearest toast overlay without
 * knowing the window: the overlay around the widget, else the one that
 * is its window's content, else that of the window the dialog belongs
 * to. */

static AdwToastOverlay *
find_overlay (GtkWidget *widget)
{
  while (widget != NULL)
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
      GtkRoot *root;

      if (overlay != NULL)
        return ADW_TOAST_OVERLAY (overlay);

      root = gtk_widget_get_root (widget);
      if (ADW_IS_APPLICATION_WINDOW (root))
        {
          GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (root));

          if (ADW_IS_TOAST_OVERLAY (content))
            return ADW_TOAST_OVERLAY (content);
        }
      widget = GTK_IS_WINDOW (root) ? GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (root))) : NULL;
    }
  return NULL;
}

/**
 * kl_toast_add:
 * @widget: a widget in the window, or a dialog of it
 * @toast: (transfer full): the toast
 */
void
kl_toast_add (GtkWidget *widget,
              AdwToast  *toast)
{
  AdwToastOverlay *overlay;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = find_overlay (widget);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (overlay, toast);
  else
    g_object_unref (toast);
}

void
kl_toast_add_title (GtkWidget  *widget,
                    const char *title)
{
  kl_toast_add (widget, adw_toast_new (title));
}
