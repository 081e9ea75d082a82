/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "kl-csv.h"
#include "kl-json.h"
#include "kl-pdf.h"
#include "kl-store.h"
#include "kl-test-utils.h"
#include "kl-xlsx.h"

/* The exports for HR (DESIGN.md section 9), checked as the files a user
 * opens: the bytes of the CSV, the XML inside the XLSX, the text of the
 * PDF. */

/* A title near the 200 characters a name may have */
#define LONG_TITLE "Recovery-orienteret praksis i bostøtte og botilbud: samarbejde med borgeren, " \
                   "pårørende og netværk om mål, håb og drømme, med vægt på inddragelse " \
                   "og medbestemmelse i hverdagen"

typedef struct
{
  KlStore *store;
  gint64   nord;        /* Bostøtte Nord */
  gint64   oest;        /* Team Øst, part of Bostøtte Nord */
  gint64   vaerestedet;
} Org;

static void
org_clear (Org *org)
{
  g_clear_object (&org->store);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Org, org_clear)

static gint64
add_course (KlStore    *store,
            const char *title,
            const char *provider,
            const char *theme,
            const char *starts_on,
            const char *ends_on,
            double      hours,
            double      cost,
            int         capacity,
            const char *location)
{
  const char *themes[] = { theme, NULL };
  g_autoptr(KlCourse) course = kl_test_course_new (title, provider, themes, starts_on, ends_on,
                                                   hours, cost, capacity);

  kl_course_set_location (course, location);
  return kl_test_save (store, course);
}

static void
add_enrolment (KlStore           *store,
               gint64             staff,
               gint64             course,
               KlEnrolmentStatus  status,
               const char        *enrolled_on,
               const char        *completed_on)
{
  g_autoptr(KlEnrolment) enrolment = kl_enrolment_new ();

  kl_enrolment_set_staff_id (enrolment, staff);
  kl_enrolment_set_course_id (enrolment, course);
  kl_enrolment_set_status (enrolment, status);
  kl_enrolment_set_enrolled_on (enrolment, enrolled_on);
  kl_enrolment_set_completed_on (enrolment, completed_on);
  kl_test_save (store, enrolment);
}

/* A small organisation with names a spreadsheet could trip over: a
 * quote, the separator, a line break, job titles that look like
 * formulas, Danish letters. */
static void
org_init (Org        *org,
          const char *name)
{
  gint64 anne, bo, line, ole, recovery, samtale, lang;

  org->store = kl_test_open_store (name);

  org->nord = kl_test_add_unit (org->store, "Bostøtte Nord", 0);
  org->oest = kl_test_add_unit (org->store, "Team Øst", org->nord);
  org->vaerestedet = kl_test_add_unit (org->store, "Værestedet", 0);

  anne = kl_test_add_staff_full (org->store, org->nord, "Anne \"Pia\" Hansen", "=SUM(A1)", "anne@example.dk",
                                 "2019-08-01", 37);
  bo = kl_test_add_staff_full (org->store, org->oest, "Hansen; Bo", "+45 Pædagog", NULL, "2020-01-01", 32.5);
  line = kl_test_add_staff_full (org->store, org->oest, "Line\nLarsen", "-Sygeplejerske", NULL, "2021-08-01",
                                 7.5);
  ole = kl_test_add_staff_full (org->store, org->vaerestedet, "Ole Ørsted", "@Leder", "ole@example.dk",
                                "2018-02-01", 37);

  recovery = add_course (org->store, "Recovery i praksis", "VIA University College", "sundhed",
                         "2026-03-02", "2026-03-03", 7.5, 4500, 10, "Aarhus");
  samtale = add_course (org->store, "Motiverende samtale; trin 1", "Region Midt", "misbrug",
                        "2026-09-01", "2026-09-02", 14, 1250.5, -1, "Viborg");
  lang = add_course (org->store, LONG_TITLE, "Socialstyrelsen", "rehabilitering-og-recovery",
                     "2026-11-02", "2026-11-04", 21, 0, 30, "Odense");

  add_enrolment (org->store, anne, recovery, KL_ENROLMENT_STATUS_COMPLETED, "2026-02-01", "2026-03-03");
  add_enrolment (org->store, bo, samtale, KL_ENROLMENT_STATUS_ENROLLED, "2026-06-15", NULL);
  add_enrolment (org->store, line, recovery, KL_ENROLMENT_STATUS_PLANNED, NULL, NULL);
  add_enrolment (org->store, ole, samtale, KL_ENROLMENT_STATUS_COMPLETED, "2026-06-01", "2026-09-02");
  add_enrolment (org->store, ole, lang, KL_ENROLMENT_STATUS_PLANNED, NULL, NULL);

  kl_test_assess (org->store, anne, kl_test_theme_id (org->store, "sundhed"), "2026-01-10", 2, 3);
  kl_test_assess (org->store, anne, kl_test_theme_id (org->store, "sundhed"), "2026-04-01", 3, 3);
  kl_test_assess (org->store, bo, kl_test_theme_id (org->store, "misbrug"), "2026-02-01", 1, -1);

  kl_test_add_maturity (org->store, "faglig-refleksion", org->nord, "2026-06-01", 3);
}

static char *
csv (Org                  *org,
     KlReportKind          kind,
     const KlReportFilter *filter,
     KlCsvStyle            style)
{
  g_autofree char *path = kl_test_tmp_path ("export.csv");
  g_autoptr(GError) error = NULL;

  if (!kl_csv_export_file (org->store, kind, filter, style, path, NULL, &error))
    g_error ("CSV export failed: %s", error->message);
  return kl_test_read_file (path);
}

/* The CSV's lines, split at CRLF; the BOM is checked and dropped. */
static GStrv
csv_lines (const char *text)
{
  g_auto(GStrv) lines = NULL;
  GPtrArray *out = g_ptr_array_new ();

  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  g_assert_true (g_str_has_suffix (text, "\r\n"));
  lines = g_strsplit (text + 3, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
    g_ptr_array_add (out, g_strdup (lines[i]));
  g_ptr_array_add (out, NULL);
  return (GStrv)g_ptr_array_free (out, FALSE);
}

static void
assert_lines (const char         *text,
              const char * const *expected)
{
  g_auto(GStrv) lines = csv_lines (text);
  guint n = g_strv_length ((GStrv)expected);

  for (guint i = 0; i < MAX (n, g_strv_length (lines)); i++)
    if (i >= n || lines[i] == NULL || !g_str_equal (lines[i], expected[i]))
      {
        g_autofree char *escaped_text = g_strescape (text, "æøåÆØÅ");

        g_error ("Line %u of the CSV is\n  “%s”\nbut should be\n  “%s”\nThe file: %s", i + 1,
                 lines[i] ? lines[i] : "(none)", i < n ? expected[i] : "(none)", escaped_text);
      }
}

/* The first cell of each data row, as written, for filter tests */
static char *
first_cells (const char *text)
{
  g_auto(GStrv) lines = csv_lines (text);
  GString *out = g_string_new (NULL);

  for (guint i = 1; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      gsize length = strcspn (line, ";");

      if (line[0] == '"')
        {
          /* Up to the closing quote, past doubled ones */
          for (length = 1; line[length] != '\0'; length++)
            if (line[length] == '"' && line[length + 1] == '"')
              length++;
            else if (line[length] == '"')
              break;
          length++;
        }
      g_string_append_printf (out, "%s%.*s", out->len ? " | " : "", (int)length, line);
    }
  return g_string_free (out, FALSE);
}

/* CSV */

static void
test_csv_cells (void)
{
  static const struct { const char *text; KlCsvStyle style; const char *cell; } cases[] = {
    { "=SUM(A1)", KL_CSV_DANISH, "'=SUM(A1)" },
    { "+45 12 34 56 78", KL_CSV_DANISH, "'+45 12 34 56 78" },
    { "-Sygeplejerske", KL_CSV_DANISH, "'-Sygeplejerske" },
    { "@Leder", KL_CSV_DANISH, "'@Leder" },
    { "\tTab", KL_CSV_DANISH, "'\tTab" },
    { "\rCR", KL_CSV_DANISH, "\"'\rCR\"" },
    { "=A1;B1", KL_CSV_DANISH, "\"'=A1;B1\"" },
    { "Hansen; Bo", KL_CSV_DANISH, "\"Hansen; Bo\"" },
    { "Hansen; Bo", KL_CSV_INTERNATIONAL, "Hansen; Bo" },
    { "Hansen, Bo", KL_CSV_DANISH, "Hansen, Bo" },
    { "Hansen, Bo", KL_CSV_INTERNATIONAL, "\"Hansen, Bo\"" },
    { "Anne \"Pia\" Hansen", KL_CSV_DANISH, "\"Anne \"\"Pia\"\" Hansen\"" },
    { "Line\nLarsen", KL_CSV_DANISH, "\"Line\nLarsen\"" },
    { "Bostøtte Nord", KL_CSV_DANISH, "Bostøtte Nord" },
    { "2026-03-02", KL_CSV_DANISH, "2026-03-02" },
    { "", KL_CSV_DANISH, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      kl_csv_append_text (out, cases[i].text, cases[i].style);
      g_assert_cmpstr (out->str, ==, cases[i].cell);
    }
}

static void
test_csv_enrolments (void)
{
  g_auto(Org) org = { 0 };
  g_autofree char *danish = NULL;
  g_autofree char *international = NULL;
  const char *expected[] = {
    "Staff member;Unit;Job title;Course;Provider;Themes;Starts;Ends;Hours;Cost (DKK);Status;Enrolled on;Completed on",
    "\"Anne \"\"Pia\"\" Hansen\";Bostøtte Nord;'=SUM(A1);Recovery i praksis;VIA University College;Health;"
    "2026-03-02;2026-03-03;7,5;4500,00;Completed;2026-02-01;2026-03-03",
    "\"Hansen; Bo\";Team Øst;'+45 Pædagog;\"Motiverende samtale; trin 1\";Region Midt;Substance misuse;"
    "2026-09-01;2026-09-02;14;1250,50;Enrolled;2026-06-15;",
    "\"Line\nLarsen\";Team Øst;'-Sygeplejerske;Recovery i praksis;VIA University College;Health;"
    "2026-03-02;2026-03-03;7,5;4500,00;Planned;;",
    "Ole Ørsted;Værestedet;'@Leder;\"Motiverende samtale; trin 1\";Region Midt;Substance misuse;"
    "2026-09-01;2026-09-02;14;1250,50;Completed;2026-06-01;2026-09-02",
    "Ole Ørsted;Værestedet;'@Leder;" LONG_TITLE ";Socialstyrelsen;Rehabilitation and recovery;"
    "2026-11-02;2026-11-04;21;0,00;Planned;;",
    NULL
  };
  const char *expected_international[] = {
    "Staff member,Unit,Job title,Course,Provider,Themes,Starts,Ends,Hours,Cost (DKK),Status,Enrolled on,Completed on",
    "\"Anne \"\"Pia\"\" Hansen\",Bostøtte Nord,'=SUM(A1),Recovery i praksis,VIA University College,Health,"
    "2026-03-02,2026-03-03,7.5,4500.00,Completed,2026-02-01,2026-03-03",
    "Hansen; Bo,Team Øst,'+45 Pædagog,Motiverende samtale; trin 1,Region Midt,Substance misuse,"
    "2026-09-01,2026-09-02,14,1250.50,Enrolled,2026-06-15,",
    "\"Line\nLarsen\",Team Øst,'-Sygeplejerske,Recovery i praksis,VIA University College,Health,"
    "2026-03-02,2026-03-03,7.5,4500.00,Planned,,",
    "Ole Ørsted,Værestedet,'@Leder,Motiverende samtale; trin 1,Region Midt,Substance misuse,"
    "2026-09-01,2026-09-02,14,1250.50,Completed,2026-06-01,2026-09-02",
    "Ole Ørsted,Værestedet,'@Leder,\"" LONG_TITLE "\",Socialstyrelsen,Rehabilitation and recovery,"
    "2026-11-02,2026-11-04,21,0.00,Planned,,",
    NULL
  };

  org_init (&org, "csv-enrolments.db");
  danish = csv (&org, KL_REPORT_ENROLMENTS, NULL, KL_CSV_DANISH);

  /* Every line ends in CRLF; the only bare LF is inside Line's quoted name. */
  for (const char *p = danish; *p != '\0'; p++)
    if (*p == '\n' && p[-1] != '\r')
      g_assert_true (g_str_has_prefix (p - 5, "\"Line\nLarsen\""));
  assert_lines (danish, expected);

  /* The long title holds commas: quoted in the international style. */
  international = csv (&org, KL_REPORT_ENROLMENTS, NULL, KL_CSV_INTERNATIONAL);
  assert_lines (international, expected_international);
}

static void
test_csv_staff (void)
{
  g_auto(Org) org = { 0 };
  g_autofree char *text = NULL;
  const char *expected[] = {
    "Name;Unit;Job title;E-mail;Started;Left;Weekly hours;Courses completed;Training hours;Themes below target",
    "\"Anne \"\"Pia\"\" Hansen\";Bostøtte Nord;'=SUM(A1);anne@example.dk;2019-08-01;;37;1;7,5;0",
    "\"Hansen; Bo\";Team Øst;'+45 Pædagog;;2020-01-01;;32,5;0;0;0",
    "\"Line\nLarsen\";Team Øst;'-Sygeplejerske;;2021-08-01;;7,5;0;0;0",
    "Ole Ørsted;Værestedet;'@Leder;ole@example.dk;2018-02-01;;37;1;14;0",
    NULL
  };

  org_init (&org, "csv-staff.db");
  text = csv (&org, KL_REPORT_STAFF, NULL, KL_CSV_DANISH);
  assert_lines (text, expected);
}

static void
test_csv_competences (void)
{
  g_auto(Org) org = { 0 };
  g_autofree char *text = NULL;
  const char *expected[] = {
    "Staff member;Unit;Job title;Theme;Level;Level name;Target;Gap;Assessed on",
    "\"Anne \"\"Pia\"\" Hansen\";Bostøtte Nord;'=SUM(A1);Health;3;Independent;3;0;2026-04-01",
    "\"Hansen; Bo\";Team Øst;'+45 Pædagog;Substance misuse;1;Awareness;;0;2026-02-01",
    NULL
  };

  org_init (&org, "csv-competences.db");
  text = csv (&org, KL_REPORT_COMPETENCES, NULL, KL_CSV_DANISH);
  assert_lines (text, expected);
}

static void
test_csv_courses (void)
{
  g_auto(Org) org = { 0 };
  g_autofree char *text = NULL;
  const char *expected[] = {
    "Course;Provider;Themes;Starts;Ends;Hours;Cost per person (DKK);Seats;Enrolled;Waiting list;Completed;Status;Location",
    "Recovery i praksis;VIA University College;Health;2026-03-02;2026-03-03;7,5;4500,00;10;0;0;1;Scheduled;Aarhus",
    "\"Motiverende samtale; trin 1\";Region Midt;Substance misuse;2026-09-01;2026-09-02;14;1250,50;;1;0;1;Scheduled;Viborg",
    LONG_TITLE ";Socialstyrelsen;Rehabilitation and recovery;2026-11-02;2026-11-04;21;0,00;30;0;0;0;Scheduled;Odense",
    NULL
  };

  org_init (&org, "csv-courses.db");
  text = csv (&org, KL_REPORT_COURSES, NULL, KL_CSV_DANISH);
  assert_lines (text, expected);
}

static void
test_csv_danish_headers (void)
{
  g_auto(Org) org = { 0 };
  static const struct { KlReportKind kind; const char *header; } reports[] = {
    { KL_REPORT_ENROLMENTS, "Medarbejder;Enhed;Stilling;Kursus;Udbyder;Temaer;Start;Slut;Timer;Pris (kr.);"
                            "Status;Tilmeldt den;Gennemført den" },
    { KL_REPORT_STAFF, "Navn;Enhed;Stilling;E-mail;Påbegyndt;Fratrådt;Ugentlige timer;Gennemførte kurser;"
                       "Uddannelsestimer;Temaer under mål" },
    { KL_REPORT_COMPETENCES, "Medarbejder;Enhed;Stilling;Tema;Niveau;Niveaubetegnelse;Mål;Mangler;Vurderet den" },
    { KL_REPORT_COURSES, "Kursus;Udbyder;Temaer;Start;Slut;Timer;Pris pr. deltager (kr.);Pladser;Tilmeldte;"
                         "Venteliste;Gennemført;Status;Sted" },
  };

  org_init (&org, "csv-danish.db");
  kl_test_set_language ("da");
  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    {
      g_autofree char *text = csv (&org, reports[i].kind, NULL, KL_CSV_DANISH);
      g_auto(GStrv) lines = csv_lines (text);

      g_assert_cmpstr (lines[0], ==, reports[i].header);
      if (reports[i].kind == KL_REPORT_ENROLMENTS)
        g_assert_cmpstr (lines[1], ==,
                         "\"Anne \"\"Pia\"\" Hansen\";Bostøtte Nord;'=SUM(A1);Recovery i praksis;"
                         "VIA University College;Sundhed;2026-03-02;2026-03-03;7,5;4500,00;Gennemført;"
                         "2026-02-01;2026-03-03");
      if (reports[i].kind == KL_REPORT_COMPETENCES)
        g_assert_cmpstr (lines[1], ==,
                         "\"Anne \"\"Pia\"\" Hansen\";Bostøtte Nord;'=SUM(A1);Sundhed;3;Selvstændig;3;0;2026-04-01");
    }
  kl_test_set_language ("en");
}

static gboolean
append_row (const KlCell  *cells,
            guint          n_cells,
            gpointer       data,
            GError       **error)
{
  GString *out = data;

  if (out->len > 0)
    g_string_append_c (out, '\n');
  for (guint i = 0; i < n_cells; i++)
    {
      if (i > 0)
        g_string_append_c (out, '|');
      if (cells[i].is_null)
        continue;
      if (cells[i].type == KL_CELL_TEXT || cells[i].type == KL_CELL_DATE)
        g_string_append (out, cells[i].text);
      else
        g_string_append_printf (out, "%g", cells[i].number);
    }
  return TRUE;
}

/* A report's rows, cells joined by "|", rows by line breaks */
static char *
report_rows (Org          *org,
             KlReportKind  kind,
             gint64        unit_id,
             const char   *to)
{
  KlReportFilter filter = { NULL, (char *)to, unit_id };
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);

  if (!kl_store_report (org->store, kind, &filter, append_row, out, &error))
    g_error ("Report failed: %s", error->message);
  return g_string_free (out, FALSE);
}

/* Coverage rows of units and themes with someone assessed; the others
 * must show nobody, at target or otherwise. */
static char *
assessed_only (const char *rows)
{
  g_auto(GStrv) lines = g_strsplit (rows, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      if (g_str_has_suffix (lines[i], "|0|0|0|"))
        continue;
      g_string_append_printf (out, "%s%s", out->len ? "\n" : "", lines[i]);
    }
  return g_string_free (out, FALSE);
}

/* A period that ends before the latest assessment: the reports show each
 * person's assessment as it stood then. Anne (Bostøtte Nord) was assessed
 * in Health 2 → 3 on 10 January and 3 → 3 on 1 April 2026; Bo (Team Øst,
 * under Nord) in Substance misuse at 1 without a target on 1 February;
 * Line (Team Øst) never. */
static void
test_reports_as_of (void)
{
  g_auto(Org) org = { 0 };
  static const struct
  {
    KlReportKind kind;
    const char  *to;
    const char  *rows;
  } cases[] = {
    { KL_REPORT_COMPETENCES, NULL,
      "Anne \"Pia\" Hansen|Bostøtte Nord|=SUM(A1)|Health|3|Independent|3|0|2026-04-01\n"
      "Hansen; Bo|Team Øst|+45 Pædagog|Substance misuse|1|Awareness||0|2026-02-01" },
    { KL_REPORT_COMPETENCES, "2026-03-01",
      "Anne \"Pia\" Hansen|Bostøtte Nord|=SUM(A1)|Health|2|Practising with support|3|1|2026-01-10\n"
      "Hansen; Bo|Team Øst|+45 Pædagog|Substance misuse|1|Awareness||0|2026-02-01" },
    { KL_REPORT_COMPETENCES, "2025-12-31", "" },
    /* The last column: themes below target */
    { KL_REPORT_STAFF, NULL,
      "Anne \"Pia\" Hansen|Bostøtte Nord|=SUM(A1)|anne@example.dk|2019-08-01||37|1|7.5|0\n"
      "Hansen; Bo|Team Øst|+45 Pædagog||2020-01-01||32.5|0|0|0\n"
      "Line\nLarsen|Team Øst|-Sygeplejerske||2021-08-01||7.5|0|0|0" },
    { KL_REPORT_STAFF, "2026-03-01",
      "Anne \"Pia\" Hansen|Bostøtte Nord|=SUM(A1)|anne@example.dk|2019-08-01||37|0|0|1\n"
      "Hansen; Bo|Team Øst|+45 Pædagog||2020-01-01||32.5|0|0|0\n"
      "Line\nLarsen|Team Øst|-Sygeplejerske||2021-08-01||7.5|0|0|0" },
    { KL_REPORT_STAFF, "2025-12-31",
      "Anne \"Pia\" Hansen|Bostøtte Nord|=SUM(A1)|anne@example.dk|2019-08-01||37|0|0|0\n"
      "Hansen; Bo|Team Øst|+45 Pædagog||2020-01-01||32.5|0|0|0\n"
      "Line\nLarsen|Team Øst|-Sygeplejerske||2021-08-01||7.5|0|0|0" },
    /* Assessed, at or above target (or without one), level 3 or above,
     * average; Line, never assessed, is not at target. */
    { KL_REPORT_COVERAGE, NULL,
      "Bostøtte Nord|Health|1|1|1|3\n"
      "Team Øst|Substance misuse|1|1|0|1" },
    { KL_REPORT_COVERAGE, "2026-03-01",
      "Bostøtte Nord|Health|1|0|0|2\n"
      "Team Øst|Substance misuse|1|1|0|1" },
    { KL_REPORT_COVERAGE, "2025-12-31", "" },
  };

  org_init (&org, "reports-as-of.db");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *all = report_rows (&org, cases[i].kind, org.nord, cases[i].to);
      g_autofree char *rows = cases[i].kind == KL_REPORT_COVERAGE ? assessed_only (all) : g_strdup (all);

      if (!g_str_equal (rows, cases[i].rows))
        {
          g_test_message ("%s to %s: rows\n%s\nexpected\n%s", kl_report_kind_to_string (cases[i].kind),
                          cases[i].to, rows, cases[i].rows);
          g_test_fail ();
        }
    }
}

static void
test_csv_filters (void)
{
  g_auto(Org) org = { 0 };
  static const struct
  {
    KlReportKind kind;
    const char  *from;
    const char  *to;
    int          unit;   /* 0 all, 1 Bostøtte Nord, 2 Team Øst, 3 Værestedet */
    const char  *rows;
  } cases[] = {
    { KL_REPORT_ENROLMENTS, "2026-06-01", NULL, 0,
      "\"Hansen; Bo\" | Ole Ørsted | Ole Ørsted" },
    { KL_REPORT_ENROLMENTS, NULL, "2026-06-30", 0,
      "\"Anne \"\"Pia\"\" Hansen\" | \"Line\nLarsen\"" },
    { KL_REPORT_ENROLMENTS, "2026-03-03", "2026-03-03", 0,
      "\"Anne \"\"Pia\"\" Hansen\" | \"Line\nLarsen\"" },
    { KL_REPORT_ENROLMENTS, "2026-03-04", "2026-08-31", 0, "" },
    { KL_REPORT_ENROLMENTS, NULL, NULL, 1,
      "\"Anne \"\"Pia\"\" Hansen\" | \"Hansen; Bo\" | \"Line\nLarsen\"" },
    { KL_REPORT_ENROLMENTS, NULL, NULL, 2, "\"Hansen; Bo\" | \"Line\nLarsen\"" },
    { KL_REPORT_ENROLMENTS, "2026-06-01", NULL, 2, "\"Hansen; Bo\"" },
    { KL_REPORT_ENROLMENTS, NULL, NULL, 3, "Ole Ørsted | Ole Ørsted" },
    { KL_REPORT_STAFF, NULL, NULL, 3, "Ole Ørsted" },
    { KL_REPORT_STAFF, NULL, NULL, 1, "\"Anne \"\"Pia\"\" Hansen\" | \"Hansen; Bo\" | \"Line\nLarsen\"" },
    { KL_REPORT_COMPETENCES, NULL, NULL, 2, "\"Hansen; Bo\"" },
    { KL_REPORT_COURSES, NULL, NULL, 3, "\"Motiverende samtale; trin 1\" | " LONG_TITLE },
    { KL_REPORT_COURSES, NULL, NULL, 2, "Recovery i praksis | \"Motiverende samtale; trin 1\"" },
    { KL_REPORT_COURSES, "2026-06-01", "2026-09-30", 0, "\"Motiverende samtale; trin 1\"" },
  };

  org_init (&org, "csv-filters.db");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 units[] = { 0, org.nord, org.oest, org.vaerestedet };
      KlReportFilter filter = { (char *)cases[i].from, (char *)cases[i].to, units[cases[i].unit] };
      g_autofree char *text = csv (&org, cases[i].kind, &filter, KL_CSV_DANISH);
      g_autofree char *rows = first_cells (text);

      if (!g_str_equal (rows, cases[i].rows))
        g_test_fail_printf ("%s from %s to %s, unit %d: rows “%s”, expected “%s”",
                            kl_report_kind_to_string (cases[i].kind), cases[i].from, cases[i].to,
                            cases[i].unit, rows, cases[i].rows);
    }
}

/* XLSX */

static char *
unzip (const char *xlsx,
       const char *member)
{
  const char *argv[] = { "unzip", "-p", xlsx, member, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error))
    g_error ("Could not run unzip (tools/test installs it): %s", error->message);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("unzip -p %s %s failed: %s", xlsx, member, err);
  return out;
}

/* The <c> element of a cell, such as "G2" */
static char *
cell_xml (const char *sheet,
          const char *ref)
{
  g_autofree char *start = g_strdup_printf ("<c r=\"%s\"", ref);
  const char *p = strstr (sheet, start);
  const char *end, *next;

  if (p == NULL)
    return NULL;
  end = strstr (p, "</c>");
  next = strstr (p + 1, "<c ");
  if (end == NULL || (next != NULL && next < end))
    end = strstr (p, "/>");
  return g_strndup (p, end - p);
}

static char *
xml_unescape (const char *text)
{
  static const struct { const char *entity; const char *text; } entities[] = {
    { "&quot;", "\"" }, { "&apos;", "'" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&amp;", "&" },
  };
  GString *out = g_string_new (text);

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    g_string_replace (out, entities[i].entity, entities[i].text, 0);
  return g_string_free (out, FALSE);
}

/* The text of a cell: inline or from the shared strings */
static char *
cell_text (const char *sheet,
           const char *shared,
           const char *ref)
{
  g_autofree char *xml = cell_xml (sheet, ref);
  g_autoptr(GRegex) inline_text = g_regex_new ("<t[^>]*>([^<]*)</t>", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (xml == NULL)
    return NULL;
  if (strstr (xml, "t=\"inlineStr\"") != NULL || strstr (xml, "t=\"str\"") != NULL)
    {
      if (g_regex_match (inline_text, xml, 0, &match))
        {
          g_autofree char *raw = g_match_info_fetch (match, 1);
          return xml_unescape (raw);
        }
      return NULL;
    }
  if (strstr (xml, "t=\"s\"") != NULL && shared != NULL)
    {
      g_autoptr(GRegex) value = g_regex_new ("<v>(\\d+)</v>", 0, 0, NULL);
      g_autoptr(GMatchInfo) index_match = NULL;
      g_autofree char *index_text = NULL;
      const char *p = shared;
      int index;

      if (!g_regex_match (value, xml, 0, &index_match))
        return NULL;
      index_text = g_match_info_fetch (index_match, 1);
      index = atoi (index_text);
      for (int i = 0; i <= index && p != NULL; i++)
        p = strstr (p + 1, "<si>");
      if (p != NULL && g_regex_match (inline_text, p, 0, &match))
        {
          g_autofree char *raw = g_match_info_fetch (match, 1);
          return xml_unescape (raw);
        }
    }
  return NULL;
}

/* A number cell's value, or NULL if the cell is not a number */
static char *
cell_number (const char *sheet,
             const char *ref,
             int        *style)
{
  g_autofree char *xml = cell_xml (sheet, ref);
  g_autoptr(GRegex) number = g_regex_new ("^<c r=\"[A-Z]+\\d+\"(?: s=\"(\\d+)\")?><v>([-0-9.E]+)</v>$", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *style_text = NULL;

  if (xml == NULL || !g_regex_match (number, xml, 0, &match))
    return NULL;
  style_text = g_match_info_fetch (match, 1);
  *style = style_text && *style_text ? atoi (style_text) : 0;
  return g_match_info_fetch (match, 2);
}

/* The number format of a cell style, from styles.xml */
static char *
style_format (const char *styles,
              int         style)
{
  const char *xfs = strstr (styles, "<cellXfs");
  g_autoptr(GRegex) num_fmt_id = g_regex_new ("numFmtId=\"(\\d+)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *id = NULL;
  g_autofree char *wanted = NULL;
  const char *p = xfs;
  const char *code;

  g_assert_nonnull (xfs);
  for (int i = 0; i <= style && p != NULL; i++)
    p = strstr (p + 1, "<xf ");
  g_assert_nonnull (p);
  g_assert_true (g_regex_match (num_fmt_id, p, 0, &match));
  id = g_match_info_fetch (match, 1);
  wanted = g_strdup_printf ("<numFmt numFmtId=\"%s\" formatCode=\"", id);
  code = strstr (styles, wanted);
  if (code == NULL)
    return g_strdup_printf ("built-in %s", id);
  code += strlen (wanted);
  return g_strndup (code, strchr (code, '"') - code);
}

/* The width a sheet's <cols> gives column @column (1 for A). */
static double
column_width (const char *sheet,
              guint       column)
{
  g_autofree char *start = g_strdup_printf ("<col min=\"%u\" max=\"%u\" width=\"", column, column);
  const char *found = strstr (sheet, start);

  if (found == NULL)
    g_error ("The sheet sets no width for column %u", column);
  return g_ascii_strtod (found + strlen (start), NULL);
}

static void
check_xlsx (const char *language)
{
  g_auto(Org) org = { 0 };
  g_autofree char *path = kl_test_tmp_path ("export.xlsx");
  g_autofree char *workbook = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *shared = NULL;
  g_autofree char *styles = NULL;
  g_autofree char *format = NULL;
  g_autofree char *value = NULL;
  g_autoptr(GError) error = NULL;
  gboolean danish = g_str_equal (language, "da");
  const char *sheets[] = {
    danish ? "Uddannelsesoversigt" : "Training overview",
    danish ? "Medarbejderkompetencer" : "Staff competences",
    danish ? "Kurser" : "Courses",
    danish ? "Temadækning" : "Theme coverage",
    danish ? "Status på principper" : "Principle status",
  };
  const char *headers[] = {
    danish ? "Medarbejder" : "Staff member", danish ? "Enhed" : "Unit", danish ? "Stilling" : "Job title",
    danish ? "Kursus" : "Course", danish ? "Udbyder" : "Provider", danish ? "Temaer" : "Themes",
    danish ? "Start" : "Starts", danish ? "Slut" : "Ends", danish ? "Timer" : "Hours",
    danish ? "Pris (kr.)" : "Cost (DKK)", "Status", danish ? "Tilmeldt den" : "Enrolled on",
    danish ? "Gennemført den" : "Completed on",
  };
  g_autoptr(GString) problems = g_string_new (NULL);
  const char *position = NULL;
  struct stat info;
  int style = -1;

  org_init (&org, "xlsx.db");
  kl_test_set_language (language);
  g_assert_true (kl_xlsx_export_file (org.store, NULL, path, NULL, &error));
  g_assert_no_error (error);
  kl_test_set_language ("en");

  /* Exports hold personal data: only the user may read them. */
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  workbook = unzip (path, "xl/workbook.xml");
  for (guint i = 0; i < G_N_ELEMENTS (sheets); i++)
    {
      g_autofree char *name = g_strdup_printf ("<sheet name=\"%s\"", sheets[i]);
      const char *found = strstr (workbook, name);

      if (found == NULL)
        {
          g_string_append_printf (problems, "; the workbook has no sheet “%s”", sheets[i]);
          continue;
        }
      g_assert_true (found > position);
      position = found;
    }

  sheet = unzip (path, "xl/worksheets/sheet1.xml");
  styles = unzip (path, "xl/styles.xml");
  {
    const char *argv[] = { "unzip", "-l", path, NULL };
    g_autofree char *listing = NULL;

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &listing, NULL, NULL, NULL));
    if (strstr (listing, "xl/sharedStrings.xml") != NULL)
      shared = unzip (path, "xl/sharedStrings.xml");
  }

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      g_autofree char *ref = g_strdup_printf ("%c1", 'A' + i);
      g_autofree char *text = cell_text (sheet, shared, ref);

      if (g_strcmp0 (text, headers[i]) != 0)
        g_string_append_printf (problems, "; %s is “%s”, not “%s”", ref, text, headers[i]);
    }

  /* Row 2 is Anne's completed course. */
  {
    g_autofree char *name = cell_text (sheet, shared, "A2");
    g_autofree char *unit = cell_text (sheet, shared, "B2");
    g_autofree char *title = cell_text (sheet, shared, "C2");

    g_assert_cmpstr (name, ==, "Anne \"Pia\" Hansen");
    g_assert_cmpstr (unit, ==, "Bostøtte Nord");
    /* A spreadsheet cell is not a formula unless written as one. */
    g_assert_cmpstr (title, ==, "=SUM(A1)");
    g_assert_null (strstr (sheet, "<f>"));
  }

  /* Starts: a real date, 2 March 2026, shown as a date. */
  value = cell_number (sheet, "G2", &style);
  if (value == NULL)
    {
      g_autofree char *xml = cell_xml (sheet, "G2");
      g_error ("G2 (Starts) is not a number cell: %s", xml);
    }
  g_assert_cmpstr (value, ==, "46083");
  format = style_format (styles, style);
  /* Shown as the UI language writes dates; the cell is a date either way. */
  g_assert_cmpstr (format, ==, danish ? "dd-mm-yyyy" : "yyyy-mm-dd");
  g_clear_pointer (&value, g_free);
  g_clear_pointer (&format, g_free);

  value = cell_number (sheet, "M2", &style);
  g_assert_cmpstr (value, ==, "46084");
  g_clear_pointer (&value, g_free);

  /* Hours and cost are numbers, written the way XML wants them whatever
   * the user's locale. */
  value = cell_number (sheet, "I2", &style);
  if (g_strcmp0 (value, "7.5") != 0)
    {
      g_autofree char *xml = cell_xml (sheet, "I2");
      g_string_append_printf (problems, "; I2 (Hours, 7.5) is not the number 7.5: %s", xml);
    }
  g_clear_pointer (&value, g_free);
  value = cell_number (sheet, "J2", &style);
  g_assert_cmpstr (value, ==, "4500");
  format = style_format (styles, style);
  g_assert_cmpstr (format, ==, "#,##0.00");
  g_clear_pointer (&value, g_free);

  /* An empty date stays empty. */
  {
    g_autofree char *missing = cell_xml (sheet, "M3");
    g_assert_null (missing);
  }

  /* Numbers in the XML never take the locale's decimal comma. */
  {
    g_autoptr(GRegex) comma = g_regex_new ("(width=\"[0-9]+,[0-9]+\"|<v>-?[0-9]+,[0-9]+</v>)", 0, 0, NULL);
    g_autoptr(GMatchInfo) match = NULL;

    for (guint i = 1; i <= G_N_ELEMENTS (sheets); i++)
      {
        g_autofree char *member = g_strdup_printf ("xl/worksheets/sheet%u.xml", i);
        g_autofree char *xml = unzip (path, member);

        if (g_regex_match (comma, xml, 0, &match))
          {
            g_autofree char *found = g_match_info_fetch (match, 0);
            g_string_append_printf (problems, "; %s holds a number with a decimal comma: %s", member, found);
          }
        g_clear_pointer (&match, g_match_info_free);
      }
  }

  g_assert_nonnull (strstr (sheet, "state=\"frozen\""));
  g_assert_nonnull (strstr (sheet, "ySplit=\"1\""));
  g_assert_nonnull (strstr (sheet, "<autoFilter ref=\"A1:M6\"/>"));
  g_assert_nonnull (strstr (sheet, "<cols>"));

  /* Every column fits its header (up to 50 characters, where it wraps)
   * and its widest cell. */
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      double width = column_width (sheet, i + 1);
      double wanted = MIN (g_utf8_strlen (headers[i], -1) + 1, 50);

      if (width < wanted)
        g_string_append_printf (problems, "; column %c is %.1f wide, too narrow for “%s”", 'A' + i, width,
                                headers[i]);
    }
  g_assert_cmpfloat (column_width (sheet, 2), >=, g_utf8_strlen ("Bostøtte Nord", -1) + 1);
  g_assert_cmpfloat (column_width (sheet, 4), >=, g_utf8_strlen ("Motiverende samtale; trin 1", -1) + 1);
  g_assert_cmpfloat (column_width (sheet, 5), >=, g_utf8_strlen ("VIA University College", -1) + 1);

  /* It prints: landscape A4, one page wide, the header row on every page. */
  for (guint i = 1; i <= G_N_ELEMENTS (sheets); i++)
    {
      g_autofree char *member = g_strdup_printf ("xl/worksheets/sheet%u.xml", i);
      g_autofree char *xml = unzip (path, member);
      /* Some sheet names are quoted, some not: either will do. */
      g_autofree char *quoted = g_strdup_printf ("_xlnm.Print_Titles\" localSheetId=\"%u\">'%s'!$1:$1",
                                                 i - 1, sheets[i - 1]);
      g_autofree char *plain = g_strdup_printf ("_xlnm.Print_Titles\" localSheetId=\"%u\">%s!$1:$1",
                                                i - 1, sheets[i - 1]);

      if (strstr (xml, "orientation=\"landscape\"") == NULL || strstr (xml, "fitToPage=\"1\"") == NULL ||
          strstr (xml, "fitToHeight=\"0\"") == NULL || strstr (xml, "paperSize=\"9\"") == NULL)
        g_string_append_printf (problems, "; sheet “%s” does not print landscape A4, one page wide", sheets[i - 1]);
      if (strstr (workbook, quoted) == NULL && strstr (workbook, plain) == NULL)
        g_string_append_printf (problems, "; sheet “%s” does not repeat its header row", sheets[i - 1]);
    }

  /* The workbook says what it is and who made it. */
  {
    g_autofree char *core = unzip (path, "docProps/core.xml");
    const char *title = danish ? "<dc:title>Kompetenceløft: uddannelsesoversigt</dc:title>"
                               : "<dc:title>Kompetenceløft: training overview</dc:title>";

    g_assert_nonnull (strstr (core, title));
    g_assert_nonnull (strstr (core, "<dc:creator>"));
    g_assert_null (strstr (core, "<dc:creator></dc:creator>"));
  }

  if (problems->len > 0)
    g_test_fail_printf ("%s", problems->str + 2);
}

static void
test_xlsx (void)
{
  check_xlsx ("en");
}

static void
test_xlsx_danish (void)
{
  check_xlsx ("da");
}

/* PDF */

static char *
run_tool (const char *first,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;
  va_list args;

  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error))
    g_error ("Could not run %s (tools/test installs poppler-utils): %s", first, error->message);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", first, err);
  return out;
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("Expected “%s” in:\n%s", part, text);
}

static char *
pdf (Org                  *org,
     const KlReportFilter *filter,
     const char           *name)
{
  g_autofree char *path = kl_test_tmp_path (name);
  g_autoptr(GError) error = NULL;
  g_autofree char *head = NULL;

  if (!kl_pdf_export_file (org->store, filter, path, NULL, &error))
    g_error ("PDF export failed: %s", error->message);
  head = kl_test_read_file (path);
  g_assert_true (g_str_has_prefix (head, "%PDF-"));
  return g_steal_pointer (&path);
}

static int
pdf_pages (const char *path)
{
  g_autofree char *info = run_tool ("pdfinfo", path, NULL);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return atoi (pages + strlen ("Pages:"));
}

static void
test_pdf (void)
{
  g_auto(Org) org = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *last = NULL;
  g_autofree char *page_one = NULL;
  int pages;

  org_init (&org, "pdf.db");
  path = pdf (&org, NULL, "overview.pdf");
  text = run_tool ("pdftotext", "-layout", path, "-", NULL);

  assert_contains (text, "Training overview");
  assert_contains (text, "Bostøtte Nord · All periods");
  assert_contains (text, "Anne \"Pia\" Hansen — =SUM(A1)");
  assert_contains (text, "Completed courses");
  assert_contains (text, "Planned courses");
  assert_contains (text, "Recovery i praksis");
  assert_contains (text, "Motiverende samtale; trin 1");
  assert_contains (text, "7.5");
  assert_contains (text, "Completed training hours: 7.5");
  assert_contains (text, "Completed training hours: 14");
  assert_contains (text, "Current competence levels: Health 3 (target 3)");
  assert_contains (text, "Team Øst");
  assert_contains (text, "Ole Ørsted — @Leder");

  /* Each unit starts a page: three units, three pages. */
  pages = pdf_pages (path);
  g_assert_cmpint (pages, ==, 3);
  page_one = run_tool ("pdftotext", "-layout", "-f", "1", "-l", "1", path, "-", NULL);
  assert_contains (page_one, "Page 1 of 3");
  assert_contains (page_one, "Bostøtte Nord");
  g_assert_null (strstr (page_one, "Ole Ørsted"));
  last = run_tool ("pdftotext", "-layout", "-f", "3", "-l", "3", path, "-", NULL);
  assert_contains (last, "Page 3 of 3");
  assert_contains (last, "Værestedet");
}

/* A long course title wraps inside its column instead of running off
 * the page or over the next column. */
static void
test_pdf_long_title (void)
{
  g_auto(Org) org = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *boxes = NULL;
  g_auto(GStrv) words = g_strsplit (LONG_TITLE, " ", -1);
  g_autoptr(GRegex) word_box = g_regex_new ("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" "
                                            "xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>",
                                            0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GHashTable) lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  double date_column = G_MAXDOUBLE;
  double title_right = 0;
  guint found = 0;

  org_init (&org, "pdf-long.db");
  path = pdf (&org, NULL, "long.pdf");
  boxes = run_tool ("pdftotext", "-bbox", "-f", "3", "-l", "3", path, "-", NULL);

  /* Where the date column starts: the x of the row's date. */
  g_regex_match (word_box, boxes, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *x_min = g_match_info_fetch (match, 1);
      g_autofree char *y_min = g_match_info_fetch (match, 2);
      g_autofree char *x_max = g_match_info_fetch (match, 3);
      g_autofree char *word = g_match_info_fetch (match, 5);

      if (g_str_equal (word, "2026-11-02"))
        date_column = MIN (date_column, g_ascii_strtod (x_min, NULL));
      for (guint i = 0; words[i] != NULL; i++)
        if (g_str_equal (word, words[i]))
          {
            title_right = MAX (title_right, g_ascii_strtod (x_max, NULL));
            g_hash_table_add (lines, g_steal_pointer (&y_min));
            found++;
            break;
          }
      g_match_info_next (match, NULL);
    }

  g_test_message ("%u title words on %u lines, right edge %.1f pt, date column at %.1f pt",
                  found, g_hash_table_size (lines), title_right, date_column);

  /* Every word of the title is on the page, on several lines, left of
   * the date column and inside the right margin of A4 (595 pt). */
  g_assert_cmpuint (found, >=, g_strv_length (words));
  g_assert_cmpuint (g_hash_table_size (lines), >=, 3);
  g_assert_cmpfloat (date_column, <, 595);
  g_assert_cmpfloat (title_right, <=, date_column);
  g_assert_cmpfloat (title_right, <=, 595 - 48);
}

static void
test_pdf_filtered (void)
{
  g_auto(Org) org = { 0 };
  KlReportFilter filter = { (char *)"2026-01-01", (char *)"2026-06-30", 0 };
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  org_init (&org, "pdf-filtered.db");
  filter.unit_id = org.nord;
  path = pdf (&org, &filter, "filtered.pdf");
  text = run_tool ("pdftotext", "-layout", path, "-", NULL);

  assert_contains (text, "Period: 1 January 2026 – 30 June 2026");
  assert_contains (text, "Anne \"Pia\" Hansen");
  assert_contains (text, "Team Øst");
  /* Værestedet is not part of Bostøtte Nord; Bo's course is in September. */
  g_assert_null (strstr (text, "Ole Ørsted"));
  g_assert_null (strstr (text, "Værestedet"));
  g_assert_null (strstr (text, "Motiverende samtale"));
  g_assert_cmpint (pdf_pages (path), ==, 2);
  assert_contains (text, "Page 2 of 2");
}

static void
test_pdf_danish (void)
{
  g_auto(Org) org = { 0 };
  KlReportFilter filter = { (char *)"2026-01-01", (char *)"2026-06-30", 0 };
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  org_init (&org, "pdf-danish.db");
  kl_test_set_language ("da");
  path = pdf (&org, &filter, "danish.pdf");
  kl_test_set_language ("en");
  text = run_tool ("pdftotext", "-layout", path, "-", NULL);

  assert_contains (text, "Uddannelsesoversigt");
  assert_contains (text, "Periode: 1. januar 2026 – 30. juni 2026");
  assert_contains (text, "Side 1 af 3");
  assert_contains (text, "Gennemførte kurser");
  assert_contains (text, "Gennemførte uddannelsestimer: 7,5");
  assert_contains (text, "Nuværende kompetenceniveauer: Sundhed 3 (mål 3)");
}

/* A failed export leaves nothing behind: no half-written file where the
 * export should be, and an existing file untouched. */
static gboolean
export_any (Org         *org,
            const char  *format,
            const char  *path,
            GError     **error)
{
  if (g_str_equal (format, "csv"))
    return kl_csv_export_file (org->store, KL_REPORT_ENROLMENTS, NULL, KL_CSV_DANISH, path, NULL, error);
  if (g_str_equal (format, "json"))
    return kl_json_export_file (org->store, path, NULL, error);
  if (g_str_equal (format, "xlsx"))
    return kl_xlsx_export_file (org->store, NULL, path, NULL, error);
  if (g_str_equal (format, "pdf"))
    return kl_pdf_export_file (org->store, NULL, path, NULL, error);
  g_assert_not_reached ();
}

static char *
list_folder (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **)names->pdata);
}

static void
test_failed_export_leaves_nothing (void)
{
  g_auto(Org) org = { 0 };
  const char *formats[] = { "csv", "json", "xlsx", "pdf" };
  g_autofree char *dir = NULL;
  g_autofree char *probe = kl_test_tmp_path ("failed/probe");
  g_autoptr(GString) problems = g_string_new (NULL);

  org_init (&org, "failed.db");
  dir = g_path_get_dirname (probe);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strdup_printf ("overview.%s", formats[i]);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *kept_path = g_strdup_printf ("%s/kept.%s", dir, formats[i]);
      g_autofree char *listing = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) error_existing = NULL;
      struct rlimit saved, limited;
      void (*old_handler) (int);
      gboolean ok, ok_existing;

      g_assert_true (g_file_set_contents (kept_path, "the previous export\n", -1, NULL));

      /* Files may grow to 200 bytes: every export here is larger. The
       * database is only read. */
      g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
      limited = saved;
      limited.rlim_cur = 200;
      old_handler = signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limited), ==, 0);
      ok = export_any (&org, formats[i], path, &error);
      ok_existing = export_any (&org, formats[i], kept_path, &error_existing);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
      signal (SIGXFSZ, old_handler);

      g_assert_false (ok);
      g_assert_false (ok_existing);
      g_test_message ("%s: %s", formats[i], error->message);
      if (strstr (error->message, path) == NULL)
        g_string_append_printf (problems, "; the %s export's error does not name the file: “%s”",
                                formats[i], error->message);
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        g_string_append_printf (problems, "; the failed %s export left a partial file", formats[i]);

      /* An existing file is kept as it was. */
      g_assert_true (g_file_get_contents (kept_path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "the previous export\n");

      /* No temporary files either. */
      g_unlink (path);
      g_unlink (kept_path);
      listing = list_folder (dir);
      if (*listing != '\0')
        g_string_append_printf (problems, "; a failed %s export left files behind: %s", formats[i], listing);
    }

  if (problems->len > 0)
    g_test_fail_printf ("%s", problems->str + 2);
}

int
main (int   argc,
      char *argv[])
{
  kl_test_init (&argc, &argv);

  g_test_add_func ("/exports/csv/cells", test_csv_cells);
  g_test_add_func ("/exports/csv/enrolments", test_csv_enrolments);
  g_test_add_func ("/exports/csv/staff", test_csv_staff);
  g_test_add_func ("/exports/csv/competences", test_csv_competences);
  g_test_add_func ("/exports/csv/courses", test_csv_courses);
  g_test_add_func ("/exports/csv/danish-headers", test_csv_danish_headers);
  g_test_add_func ("/exports/csv/filters", test_csv_filters);
  g_test_add_func ("/exports/reports/as-of", test_reports_as_of);
  g_test_add_func ("/exports/xlsx/english", test_xlsx);
  g_test_add_func ("/exports/xlsx/danish", test_xlsx_danish);
  g_test_add_func ("/exports/pdf/overview", test_pdf);
  g_test_add_func ("/exports/pdf/long-title", test_pdf_long_title);
  g_test_add_func ("/exports/pdf/filtered", test_pdf_filtered);
  g_test_add_func ("/exports/pdf/danish", test_pdf_danish);
  g_test_add_func ("/exports/failed-export-leaves-nothing", test_failed_export_leaves_nothing);

  return g_test_run ();
}
