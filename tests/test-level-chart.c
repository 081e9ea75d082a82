/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "kl-assessment.h"
#include "kl-level-chart.h"
#include "kl-test-utils.h"

static KlAssessment *
assessment_new (const char *assessed_on,
                int         level,
                int         target)
{
  KlAssessment *assessment = kl_assessment_new ();

  kl_assessment_set_assessed_on (assessment, assessed_on);
  kl_assessment_set_level (assessment, level);
  kl_assessment_set_target (assessment, target);
  return assessment;
}

/* Three assessments, the latest with a target; @target_on_latest FALSE
 * moves the target to the first one. */
static GPtrArray *
history_new (gboolean target_on_latest)
{
  GPtrArray *history = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (history, assessment_new ("2024-03-12", 1, target_on_latest ? -1 : 4));
  g_ptr_array_add (history, assessment_new ("2025-03-12", 2, -1));
  g_ptr_array_add (history, assessment_new ("2026-02-04", 3, target_on_latest ? 3 : -1));
  return history;
}

static KlLevelChart *
chart_new (void)
{
  return KL_LEVEL_CHART (g_object_ref_sink (kl_level_chart_new ()));
}

/* Checks that every needle occurs in @text, each after the one before. */
static void
assert_in_order (const char        *text,
                 const char * const *needles)
{
  const char *at = text;

  for (guint i = 0; needles[i] != NULL; i++)
    {
      const char *found = strstr (at, needles[i]);

      if (found == NULL)
        g_error ("Expected “%s” after position %d in “%s”", needles[i], (int)(at - text), text);
      at = found + strlen (needles[i]);
    }
}

static void
assert_describes (KlLevelChart *chart,
                  const char   *expected)
{
  g_autofree char *text = kl_level_chart_describe (chart);

  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (chart)), ==, expected);
}

static void
test_widget (void)
{
  g_autoptr(KlLevelChart) chart = chart_new ();
  int minimum, natural;

  g_assert_false (gtk_widget_get_focusable (GTK_WIDGET (chart)));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (chart)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);

  gtk_widget_measure (GTK_WIDGET (chart), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, 80);
  g_assert_cmpint (natural, ==, 160);
  gtk_widget_measure (GTK_WIDGET (chart), GTK_ORIENTATION_VERTICAL, -1,
                      &minimum, &natural, NULL, NULL);
  g_assert_cmpint (natural, ==, 40);
}

static void
test_empty (void)
{
  g_autoptr(KlLevelChart) chart = chart_new ();
  g_autoptr(GPtrArray) history = history_new (TRUE);

  assert_describes (chart, "No assessments yet.");

  /* Emptying a chart says so again. */
  kl_level_chart_set_history (chart, history);
  g_ptr_array_set_size (history, 0);
  kl_level_chart_set_history (chart, history);
  assert_describes (chart, "No assessments yet.");
}

static void
test_one (void)
{
  g_autoptr(KlLevelChart) chart = chart_new ();
  g_autoptr(GPtrArray) history = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (history, assessment_new ("2024-03-12", 2, 3));
  kl_level_chart_set_history (chart, history);
  assert_describes (chart, "Level 2 on 12 March 2024. Target: 3.");

  /* No target, no target sentence. */
  kl_assessment_set_target (g_ptr_array_index (history, 0), -1);
  kl_level_chart_set_history (chart, history);
  assert_describes (chart, "Level 2 on 12 March 2024.");
}

static void
test_three (void)
{
  g_autoptr(KlLevelChart) chart = chart_new ();
  g_autoptr(GPtrArray) history = history_new (TRUE);
  const char *expected =
    "Level 1 on 12 March 2024, level 2 on 12 March 2025, level 3 on 4 February 2026. Target: 3.";

  kl_level_chart_set_history (chart, history);
  assert_describes (chart, expected);

  /* The chart keeps its own list. */
  g_ptr_array_set_size (history, 1);
  g_clear_pointer (&history, g_ptr_array_unref);
  assert_describes (chart, expected);

  /* Only the latest assessment's target counts. */
  history = history_new (FALSE);
  kl_level_chart_set_history (chart, history);
  assert_describes (chart,
                    "Level 1 on 12 March 2024, level 2 on 12 March 2025, level 3 on 4 February 2026.");
}

static void
test_danish (void)
{
  g_autoptr(KlLevelChart) chart = chart_new ();
  g_autoptr(GPtrArray) history = history_new (TRUE);
  g_autofree char *empty = NULL;
  g_autofree char *text = NULL;
  const char * const needles[] = { "1", "12", "marts 2024", "2", "12", "marts 2025",
                                   "3", "4", "februar 2026", "3", NULL };

  kl_test_set_language ("da");

  empty = kl_level_chart_describe (chart);
  g_assert_cmpstr (empty, !=, "");

  kl_level_chart_set_history (chart, history);
  text = kl_level_chart_describe (chart);
  g_test_message ("Danish: %s / %s", empty, text);
  g_assert_cmpstr (text, !=, "");
  assert_in_order (text, needles);
  g_assert_null (strstr (text, "March"));

  kl_test_set_language ("en");
}

static void
count_nodes (GskRenderNode *node,
             guint         *colors,
             guint         *others)
{
  switch ((int)gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        count_nodes (gsk_container_node_get_child (node, i), colors, others);
      break;

    case GSK_TRANSFORM_NODE:
      count_nodes (gsk_transform_node_get_child (node), colors, others);
      break;

    case GSK_CLIP_NODE:
      count_nodes (gsk_clip_node_get_child (node), colors, others);
      break;

    case GSK_ROUNDED_CLIP_NODE:
      count_nodes (gsk_rounded_clip_node_get_child (node), colors, others);
      break;

    case GSK_OPACITY_NODE:
      count_nodes (gsk_opacity_node_get_child (node), colors, others);
      break;

    case GSK_DEBUG_NODE:
      count_nodes (gsk_debug_node_get_child (node), colors, others);
      break;

    case GSK_COLOR_NODE:
      (*colors)++;
      break;

    default:
      (*others)++;
      break;
    }
}

/* The guide lines are colour nodes; returns the first one's colour. */
static const GdkRGBA *
first_color (GskRenderNode *node)
{
  switch ((int)gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        {
          const GdkRGBA *color = first_color (gsk_container_node_get_child (node, i));
          if (color != NULL)
            return color;
        }
      return NULL;

    case GSK_TRANSFORM_NODE:
      return first_color (gsk_transform_node_get_child (node));

    case GSK_CLIP_NODE:
      return first_color (gsk_clip_node_get_child (node));

    case GSK_DEBUG_NODE:
      return first_color (gsk_debug_node_get_child (node));

    case GSK_COLOR_NODE:
      return gsk_color_node_get_color (node);

    default:
      return NULL;
    }
}

static GskRenderNode *
render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  graphene_rect_t bounds;

  gdk_paintable_snapshot (paintable, snapshot,
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  gsk_render_node_get_bounds (node, &bounds);
  g_assert_cmpfloat (bounds.size.width, >=, gtk_widget_get_width (widget) - 1);
  g_assert_cmpfloat (bounds.size.height, >, 20);
  return node;
}

static void
test_render (void)
{
  g_autoptr(GPtrArray) history = history_new (TRUE);
  g_autoptr(GskRenderNode) empty = NULL;
  g_autoptr(GskRenderNode) full = NULL;
  g_autoptr(GskRenderNode) dark = NULL;
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWindow *window;
  GtkWidget *chart;
  guint colors = 0, others = 0;

  window = GTK_WINDOW (gtk_window_new ());
  g_object_ref (window);
  chart = kl_level_chart_new ();
  g_object_add_weak_pointer (G_OBJECT (chart), (gpointer *)&chart);
  gtk_window_set_child (window, chart);
  gtk_window_present (window);
  kl_test_wait (100);

  g_assert_cmpint (gtk_widget_get_width (chart), >=, 160);
  g_assert_cmpint (gtk_widget_get_height (chart), >=, 40);

  /* Without assessments only the five guide lines are drawn. */
  empty = render (chart);
  count_nodes (empty, &colors, &others);
  g_assert_cmpuint (colors, ==, 5);
  g_assert_cmpuint (others, ==, 0);

  /* With them the line, the dots and the target come on top. */
  kl_level_chart_set_history (KL_LEVEL_CHART (chart), history);
  kl_test_wait (20);
  full = render (chart);
  colors = others = 0;
  count_nodes (full, &colors, &others);
  g_assert_cmpuint (colors, ==, 5);
  g_assert_cmpuint (others, >, 0);

  /* The guides take the text colour: dark on light, light on dark. */
  g_assert_cmpfloat (first_color (full)->red, <, 0.5);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  kl_test_wait (50);
  dark = render (chart);
  g_assert_cmpfloat (first_color (dark)->red, >, 0.5);
  g_assert_cmpfloat (first_color (dark)->alpha, <, 0.5);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (window);
  g_assert_finalize_object (window);
  g_assert_null (chart);
}

int
main (int   argc,
      char *argv[])
{
  kl_test_init_ui (&argc, &argv);

  g_test_add_func ("/level-chart/widget", test_widget);
  g_test_add_func ("/level-chart/en/empty", test_empty);
  g_test_add_func ("/level-chart/en/one", test_one);
  g_test_add_func ("/level-chart/en/three", test_three);
  g_test_add_func ("/level-chart/da/three", test_danish);
  g_test_add_func ("/level-chart/render", test_render);

  return g_test_run ();
}
