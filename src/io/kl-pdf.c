/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "kl-io-util.h"
#include "kl-pdf.h"

/* An A4 training overview per unit: each person's completed and planned
 * courses with dates and hours, current competence levels and totals;
 * title, period, unit, print date and "page X of Y". Laid out twice:
 * once to count the pages, once to draw them. */

#define PAGE_WIDTH 595.0   /* A4 in points */
#define PAGE_HEIGHT 842.0
#define MARGIN 48.0
#define CONTENT_WIDTH (PAGE_WIDTH - 2 * MARGIN)
#define FOOTER_HEIGHT 28.0

typedef enum
{
  BLOCK_UNIT,        /* a unit's heading: starts a new page */
  BLOCK_PERSON,
  BLOCK_SUBHEADING,
  BLOCK_ROW,         /* a course: title, dates, hours, status */
  BLOCK_TEXT,
  BLOCK_TOTAL,
} BlockKind;

typedef struct
{
  BlockKind  kind;
  char      *text[4];
} Block;

static void
block_free (gpointer data)
{
  Block *block = data;

  for (guint i = 0; i < G_N_ELEMENTS (block->text); i++)
    g_free (block->text[i]);
  g_free (block);
}

static void
add_block (GPtrArray  *blocks,
           BlockKind   kind,
           const char *a,
           const char *b,
           const char *c,
           const char *d)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->text[0] = g_strdup (a);
  block->text[1] = g_strdup (b);
  block->text[2] = g_strdup (c);
  block->text[3] = g_strdup (d);
  g_ptr_array_add (blocks, block);
}

static char *
format_hours (double hours)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* Hours in the user's number format: "7,5" in Danish. */
  if (hours == (gint64)hours)
    g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, (gint64)hours);
  else
    g_snprintf (buffer, sizeof buffer, "%.1f", hours);
  return g_strdup (buffer);
}

static gboolean
in_period (const KlReportFilter *filter,
           const char           *starts,
           const char           *ends)
{
  if (filter == NULL)
    return TRUE;
  if (filter->from != NULL && ends != NULL && strcmp (ends, filter->from) < 0)
    return FALSE;
  if (filter->to != NULL && starts != NULL && strcmp (starts, filter->to) > 0)
    return FALSE;
  return TRUE;
}

static gboolean
is_in_subtree (GPtrArray *units,
               gint64     unit_id,
               gint64     root)
{
  for (int guard = 0; unit_id != 0 && guard < 1000; guard++)
    {
      if (unit_id == root)
        return TRUE;
      for (guint i = 0; i < units->len; i++)
        {
          KlUnit *unit = g_ptr_array_index (units, i);
          if (kl_record_get_id (KL_RECORD (unit)) == unit_id)
            {
              unit_id = kl_unit_get_parent_id (unit);
              break;
            }
          if (i + 1 == units->len)
            return FALSE;
        }
    }
  return FALSE;
}

static gboolean
collect_blocks (KlStore               *store,
                const KlReportFilter  *filter,
                GPtrArray             *blocks,
                GCancellable          *cancellable,
                GError               **error)
{
  g_autoptr(GPtrArray) units = kl_store_list_units (store, error);
  g_autoptr(GPtrArray) themes = NULL;
  g_autoptr(GPtrArray) everyone = NULL;
  g_autoptr(GHashTable) theme_names = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) by_unit = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);

  if (units == NULL)
    return FALSE;

  /* Everyone employed, by unit, in name order. */
  everyone = kl_store_list_staff (store, 0, FALSE, error);
  if (everyone == NULL)
    return FALSE;
  for (guint s = 0; s < everyone->len; s++)
    {
      KlStaff *person = g_ptr_array_index (everyone, s);
      gpointer key = GINT_TO_POINTER ((int)kl_staff_get_unit_id (person));
      GPtrArray *list = g_hash_table_lookup (by_unit, key);

      if (list == NULL)
        g_hash_table_insert (by_unit, key, list = g_ptr_array_new ());
      g_ptr_array_add (list, person);
    }
  themes = kl_store_list_themes (store, TRUE, error);
  if (themes == NULL)
    return FALSE;
  for (guint i = 0; i < themes->len; i++)
    {
      KlTheme *theme = g_ptr_array_index (themes, i);
      const char *name = kl_theme_get_name (theme);

      g_hash_table_insert (theme_names, GINT_TO_POINTER ((int)kl_record_get_id (KL_RECORD (theme))),
                           (gpointer)(kl_theme_get_builtin (theme) ? _(name) : name));
    }

  for (guint u = 0; u < units->len; u++)
    {
      KlUnit *unit = g_ptr_array_index (units, u);
      gint64 unit_id = kl_record_get_id (KL_RECORD (unit));
      GPtrArray *staff = g_hash_table_lookup (by_unit, GINT_TO_POINTER ((int)unit_id));
      double unit_hours = 0;
      gboolean any = FALSE;

      if (filter != NULL && filter->unit_id != 0 && !is_in_subtree (units, unit_id, filter->unit_id))
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      for (guint s = 0; staff != NULL && s < staff->len; s++)
        {
          KlStaff *person = g_ptr_array_index (staff, s);
          gint64 person_id = kl_record_get_id (KL_RECORD (person));
          g_autoptr(GPtrArray) enrolments = NULL;
          g_autoptr(GPtrArray) levels = NULL;
          g_autoptr(GString) competences = g_string_new (NULL);
          g_autofree char *total = NULL;
          g_autofree char *total_text = NULL;
          double hours = 0;
          gboolean completed_heading = FALSE, planned_heading = FALSE;

          if (!any)
            {
              add_block (blocks, BLOCK_UNIT, kl_unit_get_name (unit), NULL, NULL, NULL);
              any = TRUE;
            }
          add_block (blocks, BLOCK_PERSON, kl_staff_get_name (person), kl_staff_get_job_title (person), NULL, NULL);

          enrolments = kl_store_list_enrolments_for_staff (store, person_id, error);
          levels = kl_store_list_current_assessments (store, person_id, error);
          if (enrolments == NULL || levels == NULL)
            return FALSE;

          /* Completed first, then what is planned or booked. */
          for (int pass = 0; pass < 2; pass++)
            for (guint e = enrolments->len; e > 0; e--)
              {
                KlEnrolment *enrolment = g_ptr_array_index (enrolments, e - 1);
                KlEnrolmentStatus status = kl_enrolment_get_status (enrolment);
                gboolean completed = status == KL_ENROLMENT_STATUS_COMPLETED;
                gboolean planned = status == KL_ENROLMENT_STATUS_PLANNED ||
                                   status == KL_ENROLMENT_STATUS_ENROLLED ||
                                   status == KL_ENROLMENT_STATUS_WAITLISTED;
                const char *starts = kl_enrolment_get_course_starts_on (enrolment);
                const char *when = completed && kl_enrolment_get_completed_on (enrolment)
                                   ? kl_enrolment_get_completed_on (enrolment) : starts;
                g_autofree char *course_hours = NULL;

                if ((pass == 0 && !completed) || (pass == 1 && !planned) ||
                    !in_period (filter, when, when))
                  continue;

                if (pass == 0 && !completed_heading)
                  {
                    add_block (blocks, BLOCK_SUBHEADING, _("Completed courses"), NULL, NULL, NULL);
                    completed_heading = TRUE;
                  }
                if (pass == 1 && !planned_heading)
                  {
                    add_block (blocks, BLOCK_SUBHEADING, _("Planned courses"), NULL, NULL, NULL);
                    planned_heading = TRUE;
                  }

                course_hours = format_hours (kl_enrolment_get_course_hours (enrolment));
                add_block (blocks, BLOCK_ROW, kl_enrolment_get_course_title (enrolment), when,
                           course_hours, kl_enrolment_status_name (status));
                if (completed)
                  hours += kl_enrolment_get_course_hours (enrolment);
              }

          if (!completed_heading && !planned_heading)
            add_block (blocks, BLOCK_TEXT, _("No courses in the period."), NULL, NULL, NULL);

          for (guint l = 0; l < levels->len; l++)
            {
              KlAssessment *a = g_ptr_array_index (levels, l);
              const char *theme = g_hash_table_lookup (theme_names,
                                                       GINT_TO_POINTER ((int)kl_assessment_get_theme_id (a)));
              int target = kl_assessment_get_target (a);

              if (competences->len > 0)
                g_string_append (competences, "; ");
              if (target >= 0)
                /* Translators: a theme's current level and target, e.g. "Sundhed 2 (mål 3)" */
                g_string_append_printf (competences, _("%s %d (target %d)"), theme ? theme : "?",
                                        kl_assessment_get_level (a), target);
              else
                g_string_append_printf (competences, "%s %d", theme ? theme : "?", kl_assessment_get_level (a));
            }
          if (competences->len > 0)
            {
              g_autofree char *line = g_strdup_printf (_("Current competence levels: %s"), competences->str);
              add_block (blocks, BLOCK_TEXT, line, NULL, NULL, NULL);
            }

          total = format_hours (hours);
          total_text = g_strdup_printf (_("Completed training hours: %s"), total);
          add_block (blocks, BLOCK_TOTAL, total_text, NULL, NULL, NULL);
          unit_hours += hours;
        }

      if (any)
        {
          g_autofree char *total = format_hours (unit_hours);
          g_autofree char *text = g_strdup_printf (_("Completed training hours in the unit: %s"), total);
          add_block (blocks, BLOCK_TOTAL, text, NULL, NULL, NULL);
        }
    }

  if (blocks->len == 0)
    add_block (blocks, BLOCK_TEXT, _("There are no staff in the chosen unit."), NULL, NULL, NULL);
  return TRUE;
}

typedef struct
{
  cairo_t              *cr;
  const char           *title;
  char                 *period;
  char                 *printed;
  const char           *unit;
  int                   page;
  int                   n_pages;
  double                y;
  gboolean              draw;
} Pager;

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *font,
             double      width,
             const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double)h / PANGO_SCALE;
}

static void
show (Pager       *pager,
      PangoLayout *layout,
      double       x,
      double       y)
{
  if (!pager->draw)
    return;
  cairo_move_to (pager->cr, x, y);
  pango_cairo_show_layout (pager->cr, layout);
}

static void
finish_page (Pager *pager)
{
  g_autofree char *number = NULL;
  g_autoptr(PangoLayout) left = NULL;
  g_autoptr(PangoLayout) right = NULL;

  /* Translators: page numbers at the foot of the PDF */
  number = g_strdup_printf (_("Page %d of %d"), pager->page, MAX (pager->n_pages, pager->page));
  left = make_layout (pager->cr, "Sans 7.5", CONTENT_WIDTH / 2, pager->printed);
  right = make_layout (pager->cr, "Sans 7.5", CONTENT_WIDTH / 2, number);
  pango_layout_set_alignment (right, PANGO_ALIGN_RIGHT);

  if (pager->draw)
    {
      cairo_set_source_rgb (pager->cr, 0.4, 0.4, 0.4);
      show (pager, left, MARGIN, PAGE_HEIGHT - MARGIN + 8);
      show (pager, right, MARGIN + CONTENT_WIDTH / 2, PAGE_HEIGHT - MARGIN + 8);
      cairo_show_page (pager->cr);
    }
}

static void
start_page (Pager *pager)
{
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) sub = NULL;
  g_autofree char *subtitle = NULL;

  pager->page++;
  pager->y = MARGIN;

  subtitle = pager->unit ? g_strdup_printf ("%s · %s", pager->unit, pager->period) : g_strdup (pager->period);
  title = make_layout (pager->cr, "Sans Bold 15", CONTENT_WIDTH, pager->title);
  sub = make_layout (pager->cr, "Sans 9", CONTENT_WIDTH, subtitle);

  if (pager->draw)
    cairo_set_source_rgb (pager->cr, 0.1, 0.1, 0.1);
  show (pager, title, MARGIN, pager->y);
  pager->y += layout_height (title) + 2;
  if (pager->draw)
    cairo_set_source_rgb (pager->cr, 0.35, 0.35, 0.35);
  show (pager, sub, MARGIN, pager->y);
  pager->y += layout_height (sub) + 6;
  if (pager->draw)
    {
      cairo_set_source_rgb (pager->cr, 0.2, 0.45, 0.4);
      cairo_set_line_width (pager->cr, 1);
      cairo_move_to (pager->cr, MARGIN, pager->y);
      cairo_line_to (pager->cr, PAGE_WIDTH - MARGIN, pager->y);
      cairo_stroke (pager->cr);
    }
  pager->y += 12;
}

/* Makes room for @height, starting a new page if it does not fit. */
static void
need (Pager  *pager,
      double  height)
{
  if (pager->y + height <= PAGE_HEIGHT - MARGIN - FOOTER_HEIGHT)
    return;
  finish_page (pager);
  start_page (pager);
}

static void
paginate (Pager     *pager,
          GPtrArray *blocks)
{
  static const double columns[] = { 0.52, 0.16, 0.1, 0.22 };
  gboolean started = FALSE;

  pager->page = 0;
  pager->unit = NULL;

  for (guint i = 0; i < blocks->len; i++)
    {
      Block *block = g_ptr_array_index (blocks, i);

      /* Each unit starts a page of its own, named in the page header. */
      if (block->kind == BLOCK_UNIT)
        {
          if (started)
            finish_page (pager);
          pager->unit = block->text[0];
          started = FALSE;
        }
      if (!started)
        {
          start_page (pager);
          started = TRUE;
        }

      switch (block->kind)
        {
        case BLOCK_UNIT:
          {
            g_autoptr(PangoLayout) layout = make_layout (pager->cr, "Sans Bold 12", CONTENT_WIDTH,
                                                         block->text[0]);

            if (pager->draw)
              cairo_set_source_rgb (pager->cr, 0.1, 0.1, 0.1);
            show (pager, layout, MARGIN, pager->y);
            pager->y += layout_height (layout) + 8;
          }
          break;

        case BLOCK_PERSON:
          {
            g_autofree char *text = block->text[1] && *block->text[1]
                                    ? g_strdup_printf ("%s — %s", block->text[0], block->text[1])
                                    : g_strdup (block->text[0]);
            g_autoptr(PangoLayout) layout = make_layout (pager->cr, "Sans Bold 10", CONTENT_WIDTH, text);

            /* Keep a name with at least its first lines. */
            need (pager, layout_height (layout) + 40);
            pager->y += 6;
            if (pager->draw)
              cairo_set_source_rgb (pager->cr, 0.1, 0.1, 0.1);
            show (pager, layout, MARGIN, pager->y);
            pager->y += layout_height (layout) + 3;
          }
          break;

        case BLOCK_SUBHEADING:
        case BLOCK_TEXT:
        case BLOCK_TOTAL:
          {
            const char *font = block->kind == BLOCK_SUBHEADING ? "Sans Italic 8.5"
                             : block->kind == BLOCK_TOTAL ? "Sans Bold 8.5" : "Sans 8.5";
            g_autoptr(PangoLayout) layout = make_layout (pager->cr, font, CONTENT_WIDTH - 12, block->text[0]);

            /* A heading stays with the first row under it. */
            need (pager, layout_height (layout) + (block->kind == BLOCK_SUBHEADING ? 14 : 0));
            if (pager->draw)
              cairo_set_source_rgb (pager->cr, 0.15, 0.15, 0.15);
            show (pager, layout, MARGIN + 12, pager->y);
            pager->y += layout_height (layout) + 2;
          }
          break;

        case BLOCK_ROW:
          {
            PangoLayout *cells[4];
            double height = 0, x = MARGIN + 20;

            for (guint c = 0; c < 4; c++)
              {
                cells[c] = make_layout (pager->cr, "Sans 8.5", (CONTENT_WIDTH - 20) * columns[c] - 6,
                                        block->text[c]);
                if (c == 2)
                  pango_layout_set_alignment (cells[c], PANGO_ALIGN_RIGHT);
                height = MAX (height, layout_height (cells[c]));
              }
            need (pager, height);
            if (pager->draw)
              cairo_set_source_rgb (pager->cr, 0.15, 0.15, 0.15);
            for (guint c = 0; c < 4; c++)
              {
                show (pager, cells[c], x, pager->y);
                x += (CONTENT_WIDTH - 20) * columns[c];
                g_object_unref (cells[c]);
              }
            pager->y += height + 2;
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (started)
    finish_page (pager);
}

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
} Sink;

static cairo_status_t
write_to_sink (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->stream, data, length, NULL, sink->cancellable, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

typedef struct
{
  const KlReportFilter *filter;
} Job;

static char *
format_date (const char *iso)
{
  g_autoptr(GDate) date = kl_store_parse_date (iso);
  char buffer[64];

  if (date == NULL)
    return g_strdup (iso);
  /* Translators: a date in the PDF, see strftime(3); Danish: "%-d. %B %Y" */
  g_date_strftime (buffer, sizeof buffer, _("%-d %B %Y"), date);
  return g_strdup (buffer);
}

static gboolean
write_pdf (KlStore        *store,
           GOutputStream  *stream,
           gpointer        data,
           GCancellable   *cancellable,
           GError        **error)
{
  Job *job = data;
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func (block_free);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *today_text = format_date (today);
  Sink sink = { stream, cancellable, NULL };
  cairo_surface_t *surface;
  Pager pager = { 0 };
  cairo_status_t status;

  if (!collect_blocks (store, job->filter, blocks, cancellable, error))
    return FALSE;

  pager.title = _("Training overview");
  if (job->filter && (job->filter->from || job->filter->to))
    {
      g_autofree char *from = job->filter->from ? format_date (job->filter->from) : g_strdup ("…");
      g_autofree char *to = job->filter->to ? format_date (job->filter->to) : g_strdup ("…");
      pager.period = g_strdup_printf (_("Period: %s – %s"), from, to);
    }
  else
    pager.period = g_strdup (_("All periods"));
  pager.printed = g_strdup_printf (_("Printed %s"), today_text);

  surface = cairo_pdf_surface_create_for_stream (write_to_sink, &sink, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, pager.title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Kompetenceløft");
  pager.cr = cairo_create (surface);

  /* Count the pages, then draw them. */
  pager.draw = FALSE;
  paginate (&pager, blocks);
  pager.n_pages = pager.page;
  pager.draw = TRUE;
  paginate (&pager, blocks);

  cairo_destroy (pager.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  g_free (pager.period);
  g_free (pager.printed);

  if (sink.error != NULL)
    {
      g_propagate_error (error, sink.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/**
 * kl_pdf_export_file:
 * @store: the database
 * @filter: (nullable): period and unit
 * @path: the PDF to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the A4 training overview, one section per unit.
 */
gboolean
kl_pdf_export_file (KlStore               *store,
                    const KlReportFilter  *filter,
                    const char            *path,
                    GCancellable          *cancellable,
                    GError               **error)
{
  Job job = { filter };

  g_return_val_if_fail (KL_IS_STORE (store), FALSE);

  return kl_io_write_file (store, path, write_pdf, &job, cancellable, error);
}
