/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kl-json.h"
#include "kl-json-doc.h"
#include "kl-json-private.h"

/* Import in two passes: the file's shape is checked first (the format and
 * version, the lists, every record's id, duplicates), then every record
 * is checked field by field (types, required fields, ranges, dates,
 * statuses, references) as it is written, all in one transaction,
 * merging by id. The first problem names the array, the record and the
 * field, and the transaction is rolled back: nothing is written. */

typedef struct
{
  const char *array;
  GType       type;
  const char *table;
} ArrayInfo;

static const ArrayInfo arrays[KL_IMPORT_N_ARRAYS] = {
  { "units", 0, "unit" },
  { "themes", 0, "theme" },
  { "staff", 0, "staff" },
  { "assessments", 0, "assessment" },
  { "goals", 0, "goal" },
  { "courses", 0, "course" },
  { "enrolments", 0, "enrolment" },
  { "principle_assessments", 0, "principle_assessment" },
  { "actions", 0, "action" },
};

enum { UNITS, THEMES, STAFF, ASSESSMENTS, GOALS, COURSES, ENROLMENTS, PRINCIPLE_ASSESSMENTS, ACTIONS };

static GType
array_type (guint index)
{
  switch (index)
    {
    case UNITS: return KL_TYPE_UNIT;
    case THEMES: return KL_TYPE_THEME;
    case STAFF: return KL_TYPE_STAFF;
    case ASSESSMENTS: return KL_TYPE_ASSESSMENT;
    case GOALS: return KL_TYPE_GOAL;
    case COURSES: return KL_TYPE_COURSE;
    case ENROLMENTS: return KL_TYPE_ENROLMENT;
    case PRINCIPLE_ASSESSMENTS: return KL_TYPE_PRINCIPLE_ASSESSMENT;
    case ACTIONS: return KL_TYPE_ACTION;
    default: g_assert_not_reached ();
    }
}

typedef struct
{
  KlStore    *store;
  const char *path;
  KlJsonDoc  *doc;
  const KlJsonValue *arrays[KL_IMPORT_N_ARRAYS];
  GHashTable *ids[KL_IMPORT_N_ARRAYS];   /* uuid → its object, per array */
  GHashTable *written[KL_IMPORT_N_ARRAYS]; /* uuid → database id: written or looked up */
  KlJsonIds  *export_ids;
} Import;

/* Where a problem is: "staff[3f2a…].email" or "staff[4].id" */
typedef struct
{
  Import     *import;
  guint       array;
  guint       index;
  const char *id;
} Where;

G_GNUC_PRINTF (4, 5)
static gboolean
fail (Where       *where,
      const char  *field,
      GError     **error,
      const char  *format,
      ...)
{
  g_autofree char *what = NULL;
  g_autofree char *record = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (where->id != NULL)
    record = g_strdup (where->id);
  else
    record = g_strdup_printf ("%u", where->index);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: %s[%s]%s%s: %s",
               where->import->path, arrays[where->array].array, record,
               field ? "." : "", field ? field : "", what);
  return FALSE;
}

/* Field readers: each checks the JSON type and whether null is allowed. */

static const KlJsonValue *
member (Import            *import,
        const KlJsonValue *object,
        const char        *field)
{
  return kl_json_member (import->doc, object, field);
}

#define HOLDS_NULL(node) ((node)->type == KL_JSON_NULL)

static const char *
node_string (const KlJsonValue *node)
{
  return node != NULL && node->type == KL_JSON_STRING ? node->v.string : NULL;
}

static gboolean
read_string (Where              *where,
             const KlJsonValue  *object,
             const char         *field,
             gboolean            nullable,
             const char        **out,
             GError            **error)
{
  const KlJsonValue *node = member (where->import, object, field);

  *out = NULL;
  if (node == NULL || HOLDS_NULL (node))
    {
      if (nullable)
        return TRUE;
      return fail (where, field, error, node ? _("must not be null") : _("is missing"));
    }
  if (node->type != KL_JSON_STRING)
    return fail (where, field, error, _("must be a text string"));

  /* UTF-8: the reader has checked every string. */
  *out = node->v.string;
  return TRUE;
}

static gboolean
read_name (Where              *where,
           const KlJsonValue  *object,
           const char         *field,
           const char        **out,
           GError            **error)
{
  g_autofree char *trimmed = NULL;

  if (!read_string (where, object, field, FALSE, out, error))
    return FALSE;
  trimmed = g_strstrip (g_strdup (*out));
  if (*trimmed == '\0')
    return fail (where, field, error, _("must not be empty"));
  if (g_utf8_strlen (trimmed, -1) > 200)
    return fail (where, field, error, _("is too long: at most %d characters"), 200);
  return TRUE;
}

static gboolean
read_date (Where              *where,
           const KlJsonValue  *object,
           const char         *field,
           gboolean            nullable,
           const char        **out,
           GError            **error)
{
  if (!read_string (where, object, field, nullable, out, error))
    return FALSE;
  if (*out == NULL)
    return TRUE;
  if (**out == '\0' && nullable)
    {
      *out = NULL;
      return TRUE;
    }
  if (!kl_store_is_date (*out))
    return fail (where, field, error, _("“%s” is not a date in the form YYYY-MM-DD"), *out);
  return TRUE;
}

static gboolean
read_number (Where              *where,
             const KlJsonValue  *object,
             const char         *field,
             gboolean            nullable,
             gboolean            whole,
             gboolean           *is_null,
             double             *out,
             GError            **error)
{
  const KlJsonValue *node = member (where->import, object, field);

  *is_null = FALSE;
  if (node == NULL || HOLDS_NULL (node))
    {
      *is_null = TRUE;
      if (nullable)
        return TRUE;
      return fail (where, field, error, node ? _("must not be null") : _("is missing"));
    }
  if (node->type != KL_JSON_INT && node->type != KL_JSON_DOUBLE)
    return fail (where, field, error, _("must be a number"));

  *out = node->type == KL_JSON_INT ? (double)node->v.integer : node->v.number;
  if (whole && *out != (double)(gint64)*out)
    return fail (where, field, error, _("must be a whole number"));
  return TRUE;
}

static gboolean
read_int_range (Where              *where,
                const KlJsonValue  *object,
                const char         *field,
                gboolean            nullable,
                int                 min,
                int                 max,
                int                *out,
                GError            **error)
{
  gboolean is_null;
  double value = 0;

  if (!read_number (where, object, field, nullable, TRUE, &is_null, &value, error))
    return FALSE;
  if (is_null)
    {
      *out = -1;
      return TRUE;
    }
  if (value < min || value > max)
    return fail (where, field, error, _("must be between %d and %d, not %g"), min, max, value);
  *out = (int)value;
  return TRUE;
}

static gboolean
read_status (Where              *where,
             const KlJsonValue  *object,
             const char         *field,
             GType               type,
             int                *out,
             GError            **error)
{
  const char *nick;

  if (!read_string (where, object, field, FALSE, &nick, error))
    return FALSE;
  if (!kl_enum_from_nick (type, nick, out))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      g_autoptr(GString) allowed = g_string_new (NULL);

      for (guint i = 0; i < klass->n_values; i++)
        g_string_append_printf (allowed, "%s%s", i ? ", " : "", klass->values[i].value_nick);
      return fail (where, field, error, _("“%s” is not one of: %s"), nick, allowed->str);
    }
  return TRUE;
}

/* A reference resolves to a record in the file or in the database. */
static gboolean
read_reference (Where              *where,
                const KlJsonValue  *object,
                const char         *field,
                guint               target,
                gboolean            nullable,
                gint64             *out_id,
                GError            **error)
{
  const char *uuid;

  *out_id = 0;
  if (!read_string (where, object, field, nullable, &uuid, error))
    return FALSE;
  if (uuid == NULL || (nullable && *uuid == '\0'))
    return TRUE;

  /* A record written before this one, or looked up before: no query. */
  {
    gpointer id;

    if (g_hash_table_lookup_extended (where->import->written[target], uuid, NULL, &id))
      {
        *out_id = GPOINTER_TO_SIZE (id);
        return TRUE;
      }
  }
  *out_id = kl_store_lookup_id (where->import->store, array_type (target), uuid);
  if (*out_id == 0 && !g_hash_table_contains (where->import->ids[target], uuid))
    return fail (where, field, error, _("“%s” is not in the file’s %s nor in the database"),
                 uuid, arrays[target].array);
  /* Found in the database: no query the next time (such as a built-in
   * theme, which every assessment names). */
  if (*out_id != 0)
    g_hash_table_insert (where->import->written[target], (gpointer)uuid, GSIZE_TO_POINTER (*out_id));
  return TRUE;
}

static gboolean
read_principle (Where              *where,
                const KlJsonValue  *object,
                gint64             *out_id,
                GError            **error)
{
  const char *slug;

  if (!read_string (where, object, "principle", FALSE, &slug, error))
    return FALSE;
  *out_id = kl_store_lookup_id (where->import->store, KL_TYPE_PRINCIPLE, slug);
  if (*out_id == 0)
    return fail (where, "principle", error, _("“%s” is not a known principle"), slug);
  return TRUE;
}

static char *
trimmed (const char *text)
{
  return text ? g_strstrip (g_strdup (text)) : NULL;
}

/* Whether @id is one of the app's built-in themes. */
static gboolean
is_builtin_theme (KlStore    *store,
                  const char *id)
{
  g_autoptr(KlRecord) theme = kl_store_get_record (store, KL_TYPE_THEME,
                                                   kl_store_lookup_id (store, KL_TYPE_THEME, id), NULL);

  return theme != NULL && kl_theme_get_builtin (KL_THEME (theme));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* Builds the record an object describes, checking every field; references
 * get the database ids of the records written before it. */
static KlRecord *
build_record (Where              *where,
              const KlJsonValue  *object,
              GError            **error)
{
  Import *import = where->import;
  const char *s1, *s2, *s3, *s4;
  gint64 r1, r2, r3, r4;
  int i1, i2;
  double d1;
  gboolean is_null;

  switch (where->array)
    {
    case UNITS:
      {
        g_autoptr(KlUnit) unit = kl_unit_new ();

        if (!read_name (where, object, "name", &s1, error) ||
            !read_reference (where, object, "parent", UNITS, TRUE, &r1, error))
          return NULL;
        s2 = node_string (member (import, object, "parent"));
        if (g_strcmp0 (s2, where->id) == 0)
          {
            fail (where, "parent", error, _("a unit cannot be its own parent"));
            return NULL;
          }
        {
          g_autofree char *name = trimmed (s1);
          kl_unit_set_name (unit, name);
        }
        kl_unit_set_parent_id (unit, r1);
        return KL_RECORD (g_steal_pointer (&unit));
      }

    case THEMES:
      {
        g_autoptr(KlTheme) theme = kl_theme_new ();
        const KlJsonValue *builtin = member (import, object, "builtin");

        if (!read_name (where, object, "name", &s1, error))
          return NULL;
        if (builtin != NULL && !HOLDS_NULL (builtin) &&
            builtin->type != KL_JSON_BOOLEAN)
          {
            fail (where, "builtin", error, _("must be true or false"));
            return NULL;
          }
        {
          g_autofree char *name = trimmed (s1);
          kl_theme_set_name (theme, name);
        }
        kl_theme_set_builtin (theme, builtin != NULL && builtin->type == KL_JSON_BOOLEAN && builtin->v.boolean);
        {
          const KlJsonValue *archived = member (import, object, "archived");

          if (archived != NULL && !HOLDS_NULL (archived) &&
              archived->type != KL_JSON_BOOLEAN)
            {
              fail (where, "archived", error, _("must be true or false"));
              return NULL;
            }
          kl_theme_set_archived (theme, archived != NULL && archived->type == KL_JSON_BOOLEAN &&
                                        archived->v.boolean);
        }
        if (kl_theme_get_builtin (theme) && !is_builtin_theme (import->store, where->id))
          {
            fail (where, "builtin", error, _("“%s” is not one of the built-in themes"), where->id);
            return NULL;
          }
        /* A built-in theme named as the user's own is not taken over. */
        if (!kl_theme_get_builtin (theme) && is_builtin_theme (import->store, where->id))
          g_object_set_data (G_OBJECT (theme), "kl-ignore", GINT_TO_POINTER (TRUE));
        return KL_RECORD (g_steal_pointer (&theme));
      }

    case STAFF:
      {
        g_autoptr(KlStaff) staff = kl_staff_new ();
        g_autoptr(GError) local_error = NULL;

        if (!read_name (where, object, "name", &s1, error) ||
            !read_reference (where, object, "unit", UNITS, FALSE, &r1, error) ||
            !read_string (where, object, "job_title", TRUE, &s2, error) ||
            !read_string (where, object, "email", TRUE, &s3, error) ||
            !read_date (where, object, "started_on", TRUE, &s4, error))
          return NULL;
        {
          g_autofree char *name = trimmed (s1);
          g_autofree char *job = trimmed (s2 ? s2 : "");
          g_autofree char *email = trimmed (s3);

          kl_staff_set_name (staff, name);
          kl_staff_set_job_title (staff, job);
          kl_staff_set_email (staff, email && *email ? email : NULL);
        }
        kl_staff_set_unit_id (staff, r1);
        kl_staff_set_started_on (staff, s4);
        if (!read_date (where, object, "left_on", TRUE, &s4, error) ||
            !read_number (where, object, "weekly_hours", TRUE, FALSE, &is_null, &d1, error) ||
            !read_string (where, object, "note", TRUE, &s2, error))
          return NULL;
        kl_staff_set_left_on (staff, s4);
        if (!is_null && (d1 < 0 || d1 > 80))
          {
            fail (where, "weekly_hours", error, _("must be between 0 and 80, not %g"), d1);
            return NULL;
          }
        kl_staff_set_weekly_hours (staff, is_null ? -1 : d1);
        kl_staff_set_note (staff, s2 ? s2 : "");
        if (s3 != NULL && *s3 != '\0' && (strchr (s3, '@') == NULL || strchr (s3, ' ') != NULL ||
                                          strchr (strchr (s3, '@'), '.') == NULL || *s3 == '@'))
          {
            fail (where, "email", error, _("“%s” is not an e-mail address"), s3);
            return NULL;
          }
        if (kl_staff_get_started_on (staff) && s4 && strcmp (s4, kl_staff_get_started_on (staff)) < 0)
          {
            fail (where, "left_on", error, _("is before started_on"));
            return NULL;
          }
        return KL_RECORD (g_steal_pointer (&staff));
      }

    case ASSESSMENTS:
      {
        g_autoptr(KlAssessment) a = kl_assessment_new ();

        if (!read_reference (where, object, "staff", STAFF, FALSE, &r1, error) ||
            !read_reference (where, object, "theme", THEMES, FALSE, &r2, error) ||
            !read_int_range (where, object, "level", FALSE, KL_LEVEL_MIN, KL_LEVEL_MAX, &i1, error) ||
            !read_int_range (where, object, "target", TRUE, KL_LEVEL_MIN, KL_LEVEL_MAX, &i2, error) ||
            !read_date (where, object, "assessed_on", FALSE, &s1, error) ||
            !read_string (where, object, "note", TRUE, &s2, error))
          return NULL;
        kl_assessment_set_staff_id (a, r1);
        kl_assessment_set_theme_id (a, r2);
        kl_assessment_set_level (a, i1);
        kl_assessment_set_target (a, i2);
        kl_assessment_set_assessed_on (a, s1);
        kl_assessment_set_note (a, s2 ? s2 : "");
        return KL_RECORD (g_steal_pointer (&a));
      }

    case GOALS:
      {
        g_autoptr(KlGoal) goal = kl_goal_new ();

        if (!read_reference (where, object, "staff", STAFF, FALSE, &r1, error) ||
            !read_reference (where, object, "theme", THEMES, TRUE, &r2, error) ||
            !read_name (where, object, "text", &s1, error) ||
            !read_date (where, object, "agreed_on", FALSE, &s2, error) ||
            !read_date (where, object, "due_on", TRUE, &s3, error) ||
            !read_status (where, object, "status", KL_TYPE_GOAL_STATUS, &i1, error))
          return NULL;
        if (s3 != NULL && strcmp (s3, s2) < 0)
          {
            fail (where, "due_on", error, _("is before agreed_on"));
            return NULL;
          }
        kl_goal_set_staff_id (goal, r1);
        kl_goal_set_theme_id (goal, r2);
        {
          g_autofree char *text = trimmed (s1);
          kl_goal_set_text (goal, text);
        }
        kl_goal_set_agreed_on (goal, s2);
        kl_goal_set_due_on (goal, s3);
        kl_goal_set_status (goal, i1);
        return KL_RECORD (g_steal_pointer (&goal));
      }

    case COURSES:
      {
        g_autoptr(KlCourse) course = kl_course_new ();
        g_autoptr(GPtrArray) theme_ids = g_ptr_array_new ();
        const KlJsonValue *themes = member (import, object, "themes");
        double hours, cost, capacity;

        if (!read_name (where, object, "title", &s1, error) ||
            !read_string (where, object, "provider", TRUE, &s2, error) ||
            !read_date (where, object, "starts_on", FALSE, &s3, error) ||
            !read_date (where, object, "ends_on", FALSE, &s4, error))
          return NULL;
        if (strcmp (s4, s3) < 0)
          {
            fail (where, "ends_on", error, _("is before starts_on"));
            return NULL;
          }
        {
          g_autofree char *title = trimmed (s1);
          kl_course_set_title (course, title);
        }
        kl_course_set_provider (course, s2 ? s2 : "");
        kl_course_set_starts_on (course, s3);
        kl_course_set_ends_on (course, s4);

        if (!read_number (where, object, "hours", FALSE, FALSE, &is_null, &hours, error) ||
            !read_number (where, object, "cost_dkk", FALSE, FALSE, &is_null, &cost, error))
          return NULL;
        if (hours < 0)
          {
            fail (where, "hours", error, _("must not be negative"));
            return NULL;
          }
        if (cost < 0)
          {
            fail (where, "cost_dkk", error, _("must not be negative"));
            return NULL;
          }
        if (!read_number (where, object, "capacity", TRUE, TRUE, &is_null, &capacity, error))
          return NULL;
        if (!is_null && (capacity < 0 || capacity > 100000))
          {
            fail (where, "capacity", error, _("must be a number of seats from 0, or null for unlimited"));
            return NULL;
          }
        kl_course_set_hours (course, hours);
        kl_course_set_cost_dkk (course, cost);
        kl_course_set_capacity (course, is_null ? -1 : (int)capacity);

        if (!read_string (where, object, "location", TRUE, &s1, error) ||
            !read_status (where, object, "status", KL_TYPE_COURSE_STATUS, &i1, error) ||
            !read_string (where, object, "description", TRUE, &s2, error) ||
            !read_string (where, object, "url", TRUE, &s3, error))
          return NULL;
        kl_course_set_location (course, s1 ? s1 : "");
        kl_course_set_status (course, i1);
        kl_course_set_description (course, s2 ? s2 : "");
        kl_course_set_url (course, s3 ? s3 : "");

        if (themes != NULL && !HOLDS_NULL (themes))
          {
            if (themes->type != KL_JSON_ARRAY)
              {
                fail (where, "themes", error, _("must be a list of theme ids"));
                return NULL;
              }
            for (guint i = 0; i < themes->n; i++)
              {
                const KlJsonValue *item = kl_json_element (import->doc, themes, i);
                const char *uuid;

                if (item->type != KL_JSON_STRING)
                  {
                    fail (where, "themes", error, _("must be a list of theme ids"));
                    return NULL;
                  }
                uuid = item->v.string;
                if (!g_hash_table_contains (import->ids[THEMES], uuid) &&
                    kl_store_lookup_id (import->store, KL_TYPE_THEME, uuid) == 0)
                  {
                    fail (where, "themes", error, _("“%s” is not in the file’s themes nor in the database"), uuid);
                    return NULL;
                  }
                g_ptr_array_add (theme_ids, (gpointer)uuid);
              }
          }
        /* The store keeps a course's themes in id order. */
        g_ptr_array_sort (theme_ids, compare_strings);
        g_ptr_array_add (theme_ids, NULL);
        kl_course_set_theme_ids (course, (const char * const *)theme_ids->pdata);
        return KL_RECORD (g_steal_pointer (&course));
      }

    case ENROLMENTS:
      {
        g_autoptr(KlEnrolment) e = kl_enrolment_new ();

        if (!read_reference (where, object, "staff", STAFF, FALSE, &r1, error) ||
            !read_reference (where, object, "course", COURSES, FALSE, &r2, error) ||
            !read_status (where, object, "status", KL_TYPE_ENROLMENT_STATUS, &i1, error) ||
            !read_date (where, object, "enrolled_on", TRUE, &s1, error) ||
            !read_date (where, object, "completed_on", TRUE, &s2, error) ||
            !read_string (where, object, "note", TRUE, &s3, error))
          return NULL;
        kl_enrolment_set_staff_id (e, r1);
        kl_enrolment_set_course_id (e, r2);
        kl_enrolment_set_status (e, i1);
        kl_enrolment_set_enrolled_on (e, s1);
        kl_enrolment_set_completed_on (e, s2);
        kl_enrolment_set_note (e, s3 ? s3 : "");
        if (!read_int_range (where, object, "waitlist_position", TRUE, 1, G_MAXINT, &i2, error))
          return NULL;
        kl_enrolment_set_waitlist_position (e, i1 == KL_ENROLMENT_STATUS_WAITLISTED ? i2 : -1);
        return KL_RECORD (g_steal_pointer (&e));
      }

    case PRINCIPLE_ASSESSMENTS:
      {
        g_autoptr(KlPrincipleAssessment) pa = kl_principle_assessment_new ();

        if (!read_principle (where, object, &r1, error) ||
            !read_reference (where, object, "unit", UNITS, FALSE, &r2, error) ||
            !read_date (where, object, "assessed_on", FALSE, &s1, error) ||
            !read_int_range (where, object, "maturity", FALSE, KL_MATURITY_MIN, KL_MATURITY_MAX, &i1, error) ||
            !read_string (where, object, "reflection", TRUE, &s2, error))
          return NULL;
        kl_principle_assessment_set_principle_id (pa, r1);
        kl_principle_assessment_set_unit_id (pa, r2);
        kl_principle_assessment_set_assessed_on (pa, s1);
        kl_principle_assessment_set_maturity (pa, i1);
        kl_principle_assessment_set_reflection (pa, s2 ? s2 : "");
        return KL_RECORD (g_steal_pointer (&pa));
      }

    case ACTIONS:
      {
        g_autoptr(KlAction) action = kl_action_new ();

        if (!read_name (where, object, "title", &s1, error) ||
            !read_principle (where, object, &r1, error) ||
            !read_reference (where, object, "theme", THEMES, TRUE, &r2, error) ||
            !read_reference (where, object, "unit", UNITS, FALSE, &r3, error) ||
            !read_reference (where, object, "owner", STAFF, TRUE, &r4, error) ||
            !read_date (where, object, "due_on", TRUE, &s2, error) ||
            !read_status (where, object, "status", KL_TYPE_ACTION_STATUS, &i1, error) ||
            !read_string (where, object, "note", TRUE, &s3, error))
          return NULL;
        {
          g_autofree char *title = trimmed (s1);
          kl_action_set_title (action, title);
        }
        kl_action_set_principle_id (action, r1);
        kl_action_set_theme_id (action, r2);
        kl_action_set_unit_id (action, r3);
        kl_action_set_owner_id (action, r4);
        kl_action_set_due_on (action, s2);
        kl_action_set_status (action, i1);
        kl_action_set_note (action, s3 ? s3 : "");
        return KL_RECORD (g_steal_pointer (&action));
      }

    default:
      g_assert_not_reached ();
    }

  return NULL;
}

/* First pass: the file's shape, ids and duplicates. */
static gboolean
check_file (Import             *import,
            const KlJsonValue  *root,
            GError            **error)
{
  const KlJsonValue *top = root;
  const KlJsonValue *version;
  const char *format;

  if (root == NULL || root->type != KL_JSON_OBJECT)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: not an exchange file: the top level must be a JSON object"), import->path);
      return FALSE;
    }
  format = node_string (member (import, top, "format"));
  if (g_strcmp0 (format, KL_JSON_FORMAT) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: format: expected \"%s\", found %s%s%s"), import->path, KL_JSON_FORMAT,
                   format ? "\"" : "", format ? format : _("nothing"), format ? "\"" : "");
      return FALSE;
    }

  version = member (import, top, "version");
  if (version == NULL || version->type != KL_JSON_INT || version->v.integer < 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: version: must be a whole number from 1"), import->path);
      return FALSE;
    }
  if (version->v.integer > KL_JSON_VERSION)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s: version: the file is version %d of the format; this version of Kompetenceløft reads up to version %d. Update the app."),
                   import->path, (int)MIN (version->v.integer, G_MAXINT), KL_JSON_VERSION);
      return FALSE;
    }

  for (guint a = 0; a < KL_IMPORT_N_ARRAYS; a++)
    {
      const KlJsonValue *node = member (import, top, arrays[a].array);

      import->ids[a] = g_hash_table_new (g_str_hash, g_str_equal);
      if (node == NULL || HOLDS_NULL (node))
        continue;
      if (node->type != KL_JSON_ARRAY)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s: %s: must be a list"), import->path, arrays[a].array);
          return FALSE;
        }
      import->arrays[a] = node;

      for (guint i = 0; i < node->n; i++)
        {
          const KlJsonValue *item = kl_json_element (import->doc, node, i);
          Where where = { import, a, i, NULL };
          const char *id;

          if (item->type != KL_JSON_OBJECT)
            return fail (&where, NULL, error, _("must be an object"));
          if (!read_string (&where, item, "id", FALSE, &id, error))
            return FALSE;
          if (*id == '\0' || strlen (id) > 100)
            return fail (&where, "id", error, _("must be a non-empty text of at most 100 characters"));
          where.id = id;
          if (g_hash_table_contains (import->ids[a], id))
            return fail (&where, "id", error, _("appears more than once in the file"));
          g_hash_table_insert (import->ids[a], (gpointer)id, (gpointer)item);
        }
    }

  /* Every field of every record is checked as the record is built in
   * the second pass, inside its transaction. */
  return TRUE;
}

/* Units whose parent is in the file come after that parent. */
static gboolean
order_units (Import     *import,
             GPtrArray  *order,
             GError    **error)
{
  g_autoptr(GHashTable) state = g_hash_table_new (g_str_hash, g_str_equal);
  const KlJsonValue *units = import->arrays[UNITS];

  for (guint i = 0; units != NULL && i < units->n; i++)
    {
      const KlJsonValue *object = kl_json_element (import->doc, units, i);
      g_autoptr(GPtrArray) chain = g_ptr_array_new ();

      /* Walk up to a placed unit or the top, then place the chain. */
      while (object != NULL)
        {
          const char *id = kl_json_string_member (import->doc, object, "id");
          const char *parent;
          gpointer seen = g_hash_table_lookup (state, id);

          if (seen == GINT_TO_POINTER (2))
            break;
          if (seen == GINT_TO_POINTER (1))
            {
              Where where = { import, UNITS, i, id };
              return fail (&where, "parent", error, _("the units’ parents form a loop"));
            }
          g_hash_table_insert (state, (gpointer)id, GINT_TO_POINTER (1));
          g_ptr_array_add (chain, (gpointer)object);

          parent = node_string (member (import, object, "parent"));
          if (g_strcmp0 (parent, id) == 0)
            {
              Where where = { import, UNITS, i, id };
              return fail (&where, "parent", error, _("a unit cannot be its own parent"));
            }
          object = parent ? g_hash_table_lookup (import->ids[UNITS], parent) : NULL;
        }

      for (guint j = chain->len; j > 0; j--)
        {
          const KlJsonValue *placed = g_ptr_array_index (chain, j - 1);
          g_hash_table_insert (state, (gpointer)kl_json_string_member (import->doc, placed, "id"),
                               GINT_TO_POINTER (2));
          g_ptr_array_add (order, (gpointer)placed);
        }
    }
  return TRUE;
}

static gboolean
save_record (KlStore   *store,
             KlRecord  *record,
             GError   **error)
{
  if (KL_IS_UNIT (record))
    return kl_store_save_unit (store, KL_UNIT (record), error);
  if (KL_IS_THEME (record))
    return kl_store_save_theme (store, KL_THEME (record), error);
  if (KL_IS_STAFF (record))
    return kl_store_save_staff (store, KL_STAFF (record), error);
  if (KL_IS_ASSESSMENT (record))
    return kl_store_save_assessment (store, KL_ASSESSMENT (record), error);
  if (KL_IS_GOAL (record))
    return kl_store_save_goal (store, KL_GOAL (record), error);
  if (KL_IS_COURSE (record))
    return kl_store_save_course (store, KL_COURSE (record), error);
  if (KL_IS_ENROLMENT (record))
    return kl_store_save_enrolment (store, KL_ENROLMENT (record), error);
  if (KL_IS_PRINCIPLE_ASSESSMENT (record))
    return kl_store_save_principle_assessment (store, KL_PRINCIPLE_ASSESSMENT (record), error);
  if (KL_IS_ACTION (record))
    return kl_store_save_action (store, KL_ACTION (record), error);
  g_return_val_if_reached (FALSE);
}

/* The existing record as the exchange format writes it, or NULL. */
static char *
existing_as_json (Import  *import,
                  guint    array,
                  gint64   id)
{
  g_autoptr(KlRecord) record = kl_store_get_record (import->store, array_type (array), id, NULL);
  GString *text;

  if (record == NULL)
    return NULL;
  text = g_string_new (NULL);
  _kl_json_append_record (text, record, import->export_ids);
  return g_string_free (text, FALSE);
}

/* Second pass: write, merging by id, in one transaction. */
static gboolean
write_file (Import           *import,
            KlImportSummary  *summary,
            GError          **error)
{
  g_autoptr(GPtrArray) units = g_ptr_array_new ();
  g_autoptr(GPtrArray) archive = g_ptr_array_new ();

  if (!order_units (import, units, error))
    return FALSE;

  for (guint a = 0; a < KL_IMPORT_N_ARRAYS; a++)
    import->written[a] = g_hash_table_new (g_str_hash, g_str_equal);

  import->export_ids = _kl_json_ids_new (import->store, error);
  if (import->export_ids == NULL)
    return FALSE;

  for (guint a = 0; a < KL_IMPORT_N_ARRAYS; a++)
    {
      /* Into an empty table every record is new: no need to look for it. */
      gboolean any_before = kl_store_has_records (import->store, array_type (a));

      const KlJsonValue *list = import->arrays[a];
      guint n = a == UNITS ? units->len : (list ? list->n : 0);

      summary->counts[a].array = arrays[a].array;

      for (guint i = 0; i < n; i++)
        {
          const KlJsonValue *object = a == UNITS ? g_ptr_array_index (units, i)
                                                 : kl_json_element (import->doc, list, i);
          const char *uuid = kl_json_string_member (import->doc, object, "id");
          Where where = { import, a, i, uuid };
          g_autoptr(KlRecord) record = build_record (&where, object, error);
          g_autoptr(GError) local_error = NULL;
          gint64 existing;

          if (record == NULL)
            return FALSE;

          if (g_object_get_data (G_OBJECT (record), "kl-ignore") != NULL)
            {
              summary->counts[a].unchanged++;
              continue;
            }

          /* Built-in themes are the app's own: a file may archive or
           * restore one, but not rename it. */
          if (a == THEMES && kl_theme_get_builtin (KL_THEME (record)))
            {
              g_autoptr(KlRecord) builtin = kl_store_get_record (import->store, KL_TYPE_THEME,
                                                                 kl_store_lookup_id (import->store, KL_TYPE_THEME, uuid),
                                                                 NULL);

              if (builtin == NULL ||
                  kl_theme_get_archived (KL_THEME (builtin)) == kl_theme_get_archived (KL_THEME (record)))
                {
                  summary->counts[a].unchanged++;
                  continue;
                }
              kl_theme_set_archived (KL_THEME (builtin), kl_theme_get_archived (KL_THEME (record)));
              if (!kl_store_save_theme (import->store, KL_THEME (builtin), &local_error))
                return fail (&where, "archived", error, "%s", local_error->message);
              summary->counts[a].updated++;
              continue;
            }

          existing = any_before ? kl_store_lookup_id (import->store, array_type (a), uuid) : 0;
          kl_record_set_uuid (record, uuid);
          kl_record_set_id (record, existing);

          /* An archived theme takes no new assessments: archive it only
           * once the records that use it are in. */
          if (a == THEMES && kl_theme_get_archived (KL_THEME (record)))
            g_ptr_array_add (archive, (gpointer)uuid);

          if (existing != 0)
            {
              g_autofree char *before = existing_as_json (import, a, existing);
              g_autoptr(GString) after = g_string_new (NULL);

              _kl_json_append_record (after, record, import->export_ids);
              if (before != NULL && g_str_equal (before, after->str))
                {
                  summary->counts[a].unchanged++;
                  g_hash_table_insert (import->written[a], (gpointer)uuid, GSIZE_TO_POINTER (existing));
                  continue;
                }
            }

          if (a == THEMES)
            kl_theme_set_archived (KL_THEME (record), FALSE);

          if (!save_record (import->store, record, &local_error))
            {
              const char *field = kl_store_error_get_field (local_error);

              /* One enrolment per person and course: the database refuses
               * a second one; say which is the first. */
              if (a == ENROLMENTS)
                {
                  gint64 other = kl_store_find_enrolment (import->store,
                                                          kl_enrolment_get_staff_id (KL_ENROLMENT (record)),
                                                          kl_enrolment_get_course_id (KL_ENROLMENT (record)));
                  if (other != 0 && other != existing)
                    {
                      g_autoptr(KlRecord) first = kl_store_get_record (import->store, KL_TYPE_ENROLMENT,
                                                                       other, NULL);
                      return fail (&where, "course", error,
                                   _("the staff member is already enrolled in this course (enrolment “%s”)"),
                                   first ? kl_record_get_uuid (first) : "?");
                    }
                }
              return fail (&where, field, error, "%s", local_error->message);
            }

          if (existing != 0)
            summary->counts[a].updated++;
          else
            summary->counts[a].added++;
          g_hash_table_insert (import->written[a], (gpointer)uuid,
                               GSIZE_TO_POINTER (kl_record_get_id (record)));

          /* Later records refer to this one by its uuid. */
          _kl_json_ids_add (import->export_ids, record);
        }
    }

  for (guint i = 0; i < archive->len; i++)
    {
      const char *uuid = g_ptr_array_index (archive, i);
      g_autoptr(KlRecord) theme = kl_store_get_record (import->store, KL_TYPE_THEME,
                                                       kl_store_lookup_id (import->store, KL_TYPE_THEME, uuid),
                                                       NULL);

      if (theme == NULL || kl_theme_get_archived (KL_THEME (theme)))
        continue;
      kl_theme_set_archived (KL_THEME (theme), TRUE);
      if (!kl_store_save_theme (import->store, KL_THEME (theme), error))
        return FALSE;
    }

  return TRUE;
}

static void
import_clear (Import *import)
{
  for (guint a = 0; a < KL_IMPORT_N_ARRAYS; a++)
    {
      g_clear_pointer (&import->ids[a], g_hash_table_unref);
      g_clear_pointer (&import->written[a], g_hash_table_unref);
    }
  g_clear_pointer (&import->export_ids, _kl_json_ids_free);
}

/**
 * kl_json_import_file:
 * @store: the database to merge into
 * @path: an exchange file
 * @dry_run: check and count only; write nothing
 * @summary: (out caller-allocates): what was (or would be) added, updated
 *   and left unchanged
 * @error: return location for a #GError
 *
 * Merges an exchange file into the database by id: new records are added,
 * existing ones updated. The whole file is checked first and written in
 * one transaction, so a single bad record means nothing is imported; the
 * error then reads "FILE: ARRAY[ID].FIELD: what is wrong".
 */
gboolean
kl_json_import_file (KlStore          *store,
                     const char       *path,
                     gboolean          dry_run,
                     KlImportSummary  *summary,
                     GError          **error)
{
  g_autoptr(KlJsonDoc) doc = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  Import import = { store, path, };
  gsize length;
  gboolean ok;

  g_return_val_if_fail (KL_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  memset (summary, 0, sizeof *summary);

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", local_error->message);
      return FALSE;
    }
  if (length == 0 || strspn (contents, " \t\r\n") == length)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: the file is empty"), path);
      return FALSE;
    }

  /* The strings are decoded into @contents itself; their UTF-8 is
   * checked as they are read. */
  doc = kl_json_doc_parse (contents, length, &local_error);
  if (doc == NULL)
    {
      if (g_error_matches (local_error, KL_JSON_DOC_ERROR, KL_JSON_DOC_ERROR_NOT_UTF8))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("%s: not a JSON file: %s"), path, local_error->message);
      /* Such as two exports joined into one file. */
      else if (g_error_matches (local_error, KL_JSON_DOC_ERROR, KL_JSON_DOC_ERROR_TRAILING_TEXT))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("%s: not valid JSON: there is more text after the end of the exchange file"), path);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("%s: not valid JSON (is the file complete?): %s"), path, local_error->message);
      return FALSE;
    }
  import.doc = doc;
  ok = check_file (&import, kl_json_doc_root (doc), error);

  /* The whole file goes in as one transaction, a bulk one: the file's
   * references are resolved here. See also kl_store_set_cache_size(). */
  kl_store_set_cache_size (store, 128);

  if (ok)
    ok = kl_store_begin_bulk_transaction (store, error);
  if (ok)
    {
      ok = write_file (&import, summary, error);
      if (ok && !dry_run)
        ok = kl_store_commit_transaction (store, error);
      else
        kl_store_rollback_transaction (store);
    }

  kl_store_set_cache_size (store, 0);
  import_clear (&import);
  return ok;
}

/**
 * kl_import_summary_to_string:
 *
 * Returns: (transfer full): one line per array that has records, such as
 *   "staff: 3 added, 1 updated, 40 unchanged"
 */
char *
kl_import_summary_to_string (const KlImportSummary *summary)
{
  GString *out = g_string_new (NULL);

  for (guint a = 0; a < KL_IMPORT_N_ARRAYS; a++)
    {
      const KlImportCount *count = &summary->counts[a];

      if (count->added + count->updated + count->unchanged == 0)
        continue;
      g_string_append_printf (out, "%s%s: ", out->len ? "\n" : "", arrays[a].array);
      /* Translators: counts of records in an import, e.g. "3 added, 1 updated, 40 unchanged" */
      g_string_append_printf (out, _("%u added, %u updated, %u unchanged"),
                              count->added, count->updated, count->unchanged);
    }
  return g_string_free (out, FALSE);
}
