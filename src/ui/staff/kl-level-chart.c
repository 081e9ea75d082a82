/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "kl-assessment.h"
#include "kl-enums.h"
#include "kl-level-chart.h"

/* A sparkline of one staff member's levels in one theme over time. The
 * text alternative says everything the drawing shows, so the chart is an
 * image to assistive technology and never the only way to read a level. */

#define MIN_WIDTH       80
#define NATURAL_WIDTH  160
#define MIN_HEIGHT      32
#define NATURAL_HEIGHT  40

#define DOT_RADIUS       3.0
#define LATEST_RADIUS    4.0
#define DOT_GAP          1.5
#define LINE_WIDTH       2.0
#define PADDING          (LATEST_RADIUS + DOT_GAP)
#define GUIDE_ALPHA      0.12
#define TARGET_ALPHA     0.55

struct _KlLevelChart
{
  GtkWidget  parent_instance;

  GPtrArray *history;
};

G_DEFINE_FINAL_TYPE (KlLevelChart, kl_level_chart, GTK_TYPE_WIDGET)

static gboolean
parse_date (const char *iso,
            GDate      *date)
{
  int year, month, day;

  g_date_clear (date, 1);
  if (iso == NULL ||
      sscanf (iso, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static char *
format_date (const char *iso)
{
  GDate date;
  char text[128];

  if (!parse_date (iso, &date))
    return g_strdup (iso != NULL ? iso : "");

  /* Translators: a date, see strftime(3); Danish: "%-d. %B %Y" */
  if (g_date_strftime (text, sizeof text, _("%-d %B %Y"), &date) == 0)
    return g_strdup (iso);

  return g_strdup (text);
}

static char *
build_description (GPtrArray *history)
{
  g_autoptr(GString) items = NULL;
  g_autofree char *sentence = NULL;
  g_autofree char *target_text = NULL;
  KlAssessment *latest;
  int target;

  if (history->len == 0)
    return g_strdup (_("No assessments yet."));

  items = g_string_new (NULL);
  for (guint i = 0; i < history->len; i++)
    {
      KlAssessment *assessment = g_ptr_array_index (history, i);
      g_autofree char *date = format_date (kl_assessment_get_assessed_on (assessment));
      int level = kl_assessment_get_level (assessment);

      if (i == 0)
        {
          /* Translators: the first assessment of a theme, e.g. "Level 1 on 12 March 2024" */
          g_string_append_printf (items, C_("level history", "Level %d on %s"), level, date);
        }
      else
        {
          /* Translators: separates the assessments in a history */
          g_string_append (items, C_("level history", ", "));
          /* Translators: a later assessment, e.g. "level 2 on 4 February 2026" */
          g_string_append_printf (items, C_("level history", "level %d on %s"), level, date);
        }
    }

  /* Translators: %s is the list of assessments; this makes it a sentence */
  sentence = g_strdup_printf (C_("level history", "%s."), items->str);

  latest = g_ptr_array_index (history, history->len - 1);
  target = kl_assessment_get_target (latest);
  if (target < 0)
    return g_steal_pointer (&sentence);

  /* Translators: the target level of the latest assessment, after the history */
  target_text = g_strdup_printf (_("Target: %d."), target);
  return g_strjoin (" ", sentence, target_text, NULL);
}

static double
level_y (int height,
         int level)
{
  double step = (height - 2 * PADDING) / (KL_LEVEL_MAX - KL_LEVEL_MIN);

  level = CLAMP (level, KL_LEVEL_MIN, KL_LEVEL_MAX);

  /* Centred on a pixel row, so 1 px guides stay sharp. */
  return round (PADDING + (KL_LEVEL_MAX - level) * step) + 0.5;
}

/* Fills @xs with each assessment's position on the time axis. Assessments on
 * one day, or with dates that are not dates, are spread out evenly instead. */
static void
compute_x (GPtrArray *history,
           int        width,
           double    *xs)
{
  double left = PADDING;
  double span = width - 2 * PADDING;
  guint32 first = 0, last = 0;
  gboolean by_date = TRUE;

  for (guint i = 0; i < history->len && by_date; i++)
    {
      GDate date;

      if (!parse_date (kl_assessment_get_assessed_on (g_ptr_array_index (history, i)), &date))
        by_date = FALSE;
      else if (i == 0)
        first = last = g_date_get_julian (&date);
      else
        {
          first = MIN (first, g_date_get_julian (&date));
          last = MAX (last, g_date_get_julian (&date));
        }
    }

  for (guint i = 0; i < history->len; i++)
    {
      if (history->len == 1)
        xs[i] = left + span / 2;
      else if (by_date && last > first)
        {
          GDate date;

          parse_date (kl_assessment_get_assessed_on (g_ptr_array_index (history, i)), &date);
          xs[i] = left + span * (g_date_get_julian (&date) - first) / (last - first);
        }
      else
        xs[i] = left + span * i / (history->len - 1);
    }
}

static void
kl_level_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
    }
  else
    {
      *minimum = MIN_HEIGHT;
      *natural = NATURAL_HEIGHT;
    }
}

static void
kl_level_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  KlLevelChart *self = KL_LEVEL_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autofree double *xs = NULL;
  KlAssessment *latest;
  GdkRGBA fg, guide, accent;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  guide = fg;
  guide.alpha *= GUIDE_ALPHA;

  /* libadwaita 1.2 does not let C read @accent_color; these are its
   * default blue for the light and the dark style. */
  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    gdk_rgba_parse (&accent, "#78aeed");
  else
    gdk_rgba_parse (&accent, "#3584e4");

  for (int level = KL_LEVEL_MIN; level <= KL_LEVEL_MAX; level++)
    gtk_snapshot_append_color (snapshot, &guide,
                               &GRAPHENE_RECT_INIT (0, level_y (height, level) - 0.5, width, 1));

  if (self->history->len == 0)
    return;

  xs = g_new (double, self->history->len);
  compute_x (self->history, width, xs);
  latest = g_ptr_array_index (self->history, self->history->len - 1);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (kl_assessment_get_target (latest) >= 0)
    {
      static const double dashes[] = { 4, 3 };
      double y = level_y (height, kl_assessment_get_target (latest));

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * TARGET_ALPHA);
      cairo_set_line_width (cr, 1);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_move_to (cr, 0, y);
      cairo_line_to (cr, width, y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  gdk_cairo_set_source_rgba (cr, &accent);
  cairo_set_line_width (cr, LINE_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i < self->history->len; i++)
    {
      KlAssessment *assessment = g_ptr_array_index (self->history, i);

      cairo_line_to (cr, xs[i], level_y (height, kl_assessment_get_level (assessment)));
    }
  cairo_stroke (cr);

  for (guint i = 0; i < self->history->len; i++)
    {
      KlAssessment *assessment = g_ptr_array_index (self->history, i);
      double y = level_y (height, kl_assessment_get_level (assessment));
      double radius = i + 1 == self->history->len ? LATEST_RADIUS : DOT_RADIUS;

      /* A transparent ring keeps each dot apart from the line. */
      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_arc (cr, xs[i], y, radius + DOT_GAP, 0, 2 * G_PI);
      cairo_fill (cr);

      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
      cairo_arc (cr, xs[i], y, radius, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  cairo_destroy (cr);
}

static void
kl_level_chart_finalize (GObject *object)
{
  KlLevelChart *self = KL_LEVEL_CHART (object);

  g_clear_pointer (&self->history, g_ptr_array_unref);

  G_OBJECT_CLASS (kl_level_chart_parent_class)->finalize (object);
}

static void
kl_level_chart_class_init (KlLevelChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = kl_level_chart_finalize;

  widget_class->measure = kl_level_chart_measure;
  widget_class->snapshot = kl_level_chart_snapshot;

  gtk_widget_class_set_css_name (widget_class, "levelchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kl_level_chart_init (KlLevelChart *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);

  kl_level_chart_set_history (self, NULL);
}

/**
 * kl_level_chart_new:
 *
 * Returns: (transfer floating): a chart with no assessments
 */
GtkWidget *
kl_level_chart_new (void)
{
  return g_object_new (KL_TYPE_LEVEL_CHART, NULL);
}

/**
 * kl_level_chart_set_history:
 * @self: a #KlLevelChart
 * @assessments: (nullable) (element-type KlAssessment): one staff member's
 *   assessments in one theme, oldest first
 *
 * Shows @assessments, and their target if the latest has one. The chart
 * keeps its own references, so @assessments may change afterwards.
 */
void
kl_level_chart_set_history (KlLevelChart *self,
                            GPtrArray    *assessments)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (KL_IS_LEVEL_CHART (self));

  history = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; assessments != NULL && i < assessments->len; i++)
    {
      KlAssessment *assessment = g_ptr_array_index (assessments, i);

      g_return_if_fail (KL_IS_ASSESSMENT (assessment));
      g_ptr_array_add (history, g_object_ref (assessment));
    }

  g_clear_pointer (&self->history, g_ptr_array_unref);
  self->history = g_steal_pointer (&history);

  description = build_description (self->history);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), description);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * kl_level_chart_describe:
 * @self: a #KlLevelChart
 *
 * The chart in words, as given to assistive technology and shown as its
 * tooltip, such as "Level 1 on 12 March 2024, level 3 on 4 February 2026.
 * Target: 3."
 *
 * Returns: (transfer full): the text alternative, in the current language
 */
char *
kl_level_chart_describe (KlLevelChart *self)
{
  g_return_val_if_fail (KL_IS_LEVEL_CHART (self), NULL);

  return build_description (self->history);
}
