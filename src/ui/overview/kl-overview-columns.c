/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kl-overview-columns.h"

/* The Overview's cards in one column when narrow and two when there is
 * room, each card going to the shorter column in turn, so a long card
 * beside a short one leaves no hole. */

#define COLUMN_MIN_WIDTH 340
#define SPACING          18

struct _KlOverviewColumns
{
  GtkWidget  parent_instance;
};

static void kl_overview_columns_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KlOverviewColumns, kl_overview_columns, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, kl_overview_columns_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

static void
kl_overview_columns_add_child (GtkBuildable *buildable,
                               GtkBuilder   *builder,
                               GObject      *child,
                               const char   *type)
{
  if (GTK_IS_WIDGET (child))
    kl_overview_columns_append (KL_OVERVIEW_COLUMNS (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
kl_overview_columns_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = kl_overview_columns_add_child;
}

static guint
n_columns_for (int width)
{
  return width >= 2 * COLUMN_MIN_WIDTH + SPACING ? 2 : 1;
}

/* Places the visible children for @width: fills @x, @y and @heights (one
 * per child, in order), and returns the height of the taller column. */
static int
lay_out (GtkWidget *widget,
         int        width,
         int       *xs,
         int       *ys,
         int       *heights)
{
  guint columns = n_columns_for (width);
  int column_width = columns == 2 ? (width - SPACING) / 2 : width;
  int bottom[2] = { 0, 0 };
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      guint column;
      int height;

      if (!gtk_widget_should_layout (child))
        {
          heights[i] = -1;
          continue;
        }
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, column_width, NULL, &height, NULL, NULL);
      column = columns == 2 && bottom[1] < bottom[0] ? 1 : 0;
      xs[i] = column * (column_width + SPACING);
      ys[i] = bottom[column] + (bottom[column] > 0 ? SPACING : 0);
      heights[i] = height;
      bottom[column] = ys[i] + height;
    }

  return MAX (bottom[0], bottom[1]);
}

static guint
n_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static void
kl_overview_columns_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int min = 0, nat = 0;

      for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          min = MAX (min, child_min);
          nat = MAX (nat, child_nat);
        }
      *minimum = min;
      *natural = MAX (2 * MAX (nat, COLUMN_MIN_WIDTH) + SPACING, min);
    }
  else
    {
      guint n = n_children (widget);
      g_autofree int *xs = g_new0 (int, n + 1);
      g_autofree int *ys = g_new0 (int, n + 1);
      g_autofree int *heights = g_new0 (int, n + 1);
      int width = for_size, unused;

      if (width < 0)
        kl_overview_columns_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &width, &unused, NULL, NULL);
      *minimum = *natural = lay_out (widget, width, xs, ys, heights);
    }
}

static void
kl_overview_columns_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  guint n = n_children (widget);
  g_autofree int *xs = g_new0 (int, n + 1);
  g_autofree int *ys = g_new0 (int, n + 1);
  g_autofree int *heights = g_new0 (int, n + 1);
  int column_width = n_columns_for (width) == 2 ? (width - SPACING) / 2 : width;
  guint i = 0;

  lay_out (widget, width, xs, ys, heights);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    if (heights[i] >= 0)
      gtk_widget_size_allocate (child, &(GtkAllocation) { xs[i], ys[i], column_width, heights[i] }, -1);
}

static GtkSizeRequestMode
kl_overview_columns_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
kl_overview_columns_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (kl_overview_columns_parent_class)->dispose (object);
}

static void
kl_overview_columns_class_init (KlOverviewColumnsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kl_overview_columns_dispose;
  widget_class->measure = kl_overview_columns_measure;
  widget_class->size_allocate = kl_overview_columns_size_allocate;
  widget_class->get_request_mode = kl_overview_columns_get_request_mode;

  gtk_widget_class_set_css_name (widget_class, "overviewcolumns");
}

static void
kl_overview_columns_init (KlOverviewColumns *self)
{
}

GtkWidget *
kl_overview_columns_new (void)
{
  return g_object_new (KL_TYPE_OVERVIEW_COLUMNS, NULL);
}

void
kl_overview_columns_append (KlOverviewColumns *self,
                            GtkWidget         *child)
{
  g_return_if_fail (KL_IS_OVERVIEW_COLUMNS (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  gtk_widget_set_parent (child, GTK_WIDGET (self));
}
