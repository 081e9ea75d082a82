/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>

#include "kl-json-doc.h"

/* Deeper than any exchange file, shallow enough for the C stack. */
#define MAX_DEPTH 256

typedef struct
{
  const char  *name;
  KlJsonValue  value;
} Member;

struct _KlJsonDoc
{
  KlJsonValue  root;
  GArray      *elements;  /* KlJsonValue: every array's elements, each array's together */
  GArray      *members;   /* Member: every object's members, each object's together */
};

typedef struct
{
  KlJsonDoc  *doc;
  const char *start;
  char       *p;
  char       *end;
  GArray     *element_stack;  /* of the arrays being read */
  GArray     *member_stack;   /* of the objects being read */
  guint       depth;
} Parser;

G_DEFINE_QUARK (kl-json-doc-error-quark, kl_json_doc_error)

G_GNUC_PRINTF (4, 5)
static gboolean
fail_with (Parser          *parser,
           KlJsonDocError   code,
           GError         **error,
           const char      *format,
           ...)
{
  g_autofree char *what = NULL;
  guint line = 1, column = 1;
  va_list args;

  for (const char *c = parser->start; c < parser->p && c < parser->end; c++)
    {
      if (*c == '\n')
        {
          line++;
          column = 1;
        }
      else if ((*c & 0xc0) != 0x80)
        column++;
    }

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: where a JSON file is broken, then what is wrong there */
  g_set_error (error, KL_JSON_DOC_ERROR, code, _("line %u, column %u: %s"), line, column, what);
  return FALSE;
}

#define fail(parser, error, ...) fail_with ((parser), KL_JSON_DOC_ERROR_SYNTAX, (error), __VA_ARGS__)

/* JSON text is UTF-8; a NUL is not text either. @c is what
 * g_utf8_get_char_validated() read. */
static gboolean
is_text (gunichar c)
{
  return c != (gunichar)-1 && c != (gunichar)-2 && c != 0;
}

static gboolean
not_utf8 (Parser  *parser,
          GError **error)
{
  return fail_with (parser, KL_JSON_DOC_ERROR_NOT_UTF8, error, _("the text is not UTF-8"));
}

static void
skip_space (Parser *parser)
{
  while (parser->p < parser->end &&
         (*parser->p == ' ' || *parser->p == '\n' || *parser->p == '\r' || *parser->p == '\t'))
    parser->p++;
}

/* Takes @c if it comes next, after any space. */
static gboolean
take (Parser *parser,
      char    c)
{
  skip_space (parser);
  if (parser->p < parser->end && *parser->p == c)
    {
      parser->p++;
      return TRUE;
    }
  return FALSE;
}

static gboolean
unexpected (Parser  *parser,
            GError **error)
{
  gunichar c;
  char text[8] = { 0 };

  if (parser->p >= parser->end)
    return fail (parser, error, _("the file ends too early"));
  c = g_utf8_get_char_validated (parser->p, parser->end - parser->p);
  if (!is_text (c))
    return not_utf8 (parser, error);
  if (!g_unichar_isprint (c))
    return fail (parser, error, _("unexpected character"));
  g_unichar_to_utf8 (c, text);
  return fail (parser, error, _("unexpected “%s”"), text);
}

/* A member's name as a message quotes it: on one line, and not too long. */
static char *
quoted_name (const char *name)
{
  g_autofree char *line = g_strdelimit (g_strdup (name), "\r\n\t", ' ');

  if (g_utf8_strlen (line, -1) > 40)
    {
      char *cut = g_utf8_offset_to_pointer (line, 40);

      *cut = '\0';
      return g_strconcat (line, "…", NULL);
    }
  return g_steal_pointer (&line);
}

static int
hex_digit (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Four hex digits at @p, or -1. */
static int
read_hex4 (const char *p,
           const char *end)
{
  int value = 0;

  if (end - p < 4)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      int digit = hex_digit (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* A string, decoded where it stands: escapes only ever shrink the text,
 * and the closing quote makes room for the NUL. Raw line breaks and tabs
 * inside a string are taken as they are, as json-glib does. Only strings
 * can hold more than ASCII, so the UTF-8 is checked here, as it is read. */
static gboolean
read_string (Parser      *parser,
             const char **out,
             GError     **error)
{
  char *r = ++parser->p;  /* past the opening quote */
  char *w = r;
  char *start = w;

  for (;;)
    {
      char c;

      if (r >= parser->end)
        {
          parser->p = r;
          return fail (parser, error, _("a text string is not closed"));
        }
      c = *r;
      if (c == '"')
        break;
      if (c != '\\' && c != '\0' && (guchar)c < 0x80)
        {
          *w++ = *r++;
          continue;
        }
      if (c != '\\')
        {
          /* A NUL, or a character beyond ASCII. */
          gunichar ch = g_utf8_get_char_validated (r, parser->end - r);
          int n;

          if (!is_text (ch))
            {
              parser->p = r;
              return not_utf8 (parser, error);
            }
          n = g_utf8_skip[(guchar)c];
          memmove (w, r, n);
          w += n;
          r += n;
          continue;
        }

      if (r + 1 >= parser->end)
        {
          parser->p = r;
          return fail (parser, error, _("a text string is not closed"));
        }
      switch (r[1])
        {
        case '"': *w++ = '"'; r += 2; break;
        case '\\': *w++ = '\\'; r += 2; break;
        case '/': *w++ = '/'; r += 2; break;
        case 'b': *w++ = '\b'; r += 2; break;
        case 'f': *w++ = '\f'; r += 2; break;
        case 'n': *w++ = '\n'; r += 2; break;
        case 'r': *w++ = '\r'; r += 2; break;
        case 't': *w++ = '\t'; r += 2; break;
        case 'u':
          {
            int unit = read_hex4 (r + 2, parser->end);
            gunichar ch;

            if (unit < 0 || (unit >= 0xdc00 && unit <= 0xdfff))
              {
                parser->p = r;
                return fail (parser, error, _("“\\u” must be followed by a character code"));
              }
            r += 6;
            ch = unit;
            if (unit >= 0xd800 && unit <= 0xdbff)
              {
                /* A character beyond the first 65,536 is written as two. */
                int low = r + 1 < parser->end && r[0] == '\\' && r[1] == 'u' ? read_hex4 (r + 2, parser->end) : -1;

                if (low < 0xdc00 || low > 0xdfff)
                  {
                    parser->p = r;
                    return fail (parser, error, _("“\\u” must be followed by a character code"));
                  }
                r += 6;
                ch = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
              }
            w += g_unichar_to_utf8 (ch, w);
          }
          break;
        default:
          parser->p = r;
          return fail (parser, error, _("“\\%c” is not an escape sequence"),
                       g_ascii_isprint (r[1]) ? r[1] : '?');
        }
    }

  *w = '\0';
  parser->p = r + 1;
  *out = start;
  return TRUE;
}

static gboolean
read_number (Parser      *parser,
             KlJsonValue *value,
             GError     **error)
{
  char *p = parser->p;
  gboolean whole = TRUE;
  char *end = NULL;

  if (p < parser->end && *p == '-')
    p++;
  if (p >= parser->end || !g_ascii_isdigit (*p))
    return unexpected (parser, error);
  if (*p == '0')
    p++;
  else
    while (p < parser->end && g_ascii_isdigit (*p))
      p++;
  if (p < parser->end && *p == '.')
    {
      whole = FALSE;
      if (++p >= parser->end || !g_ascii_isdigit (*p))
        {
          parser->p = p;
          return fail (parser, error, _("not a number"));
        }
      while (p < parser->end && g_ascii_isdigit (*p))
        p++;
    }
  if (p < parser->end && (*p == 'e' || *p == 'E'))
    {
      whole = FALSE;
      p++;
      if (p < parser->end && (*p == '+' || *p == '-'))
        p++;
      if (p >= parser->end || !g_ascii_isdigit (*p))
        {
          parser->p = p;
          return fail (parser, error, _("not a number"));
        }
      while (p < parser->end && g_ascii_isdigit (*p))
        p++;
    }

  /* The number is followed by something that is not part of it (at the
   * worst the end of the file, which g_file_get_contents() ends in a
   * NUL), so strtoll and strtod stop where it ends. */
  if (whole)
    {
      errno = 0;
      value->v.integer = g_ascii_strtoll (parser->p, &end, 10);
      if (errno == 0 && end == p)
        {
          value->type = KL_JSON_INT;
          parser->p = p;
          return TRUE;
        }
    }
  value->type = KL_JSON_DOUBLE;
  value->v.number = g_ascii_strtod (parser->p, &end);
  if (end != p)
    return fail (parser, error, _("not a number"));
  parser->p = p;
  return TRUE;
}

static gboolean
read_word (Parser     *parser,
           const char *word)
{
  gsize length = strlen (word);

  if ((gsize)(parser->end - parser->p) < length || memcmp (parser->p, word, length) != 0)
    return FALSE;
  parser->p += length;
  return TRUE;
}

static gboolean read_value (Parser      *parser,
                            KlJsonValue *value,
                            GError     **error);

/* What should have come next, where something else does. */
typedef enum
{
  EXPECTED_NAME,        /* a member's name */
  EXPECTED_COLON,       /* after a member's name */
  EXPECTED_MEMBER_END,  /* after a member's value */
  EXPECTED_ELEMENT_END, /* after a list's element */
} Expected;

static gboolean
missing (Parser      *parser,
         Expected     expected,
         const char  *name,
         GError     **error)
{
  g_autofree char *quoted = name ? quoted_name (name) : NULL;

  if (parser->p >= parser->end)
    return unexpected (parser, error);
  switch (expected)
    {
    case EXPECTED_NAME:
      return fail (parser, error, _("expected a member name in double quotes"));
    case EXPECTED_COLON:
      return fail (parser, error, _("expected “:” after the member name “%s”"), quoted);
    case EXPECTED_MEMBER_END:
      return fail (parser, error, _("expected “,” or “}” after the member “%s”"), quoted);
    case EXPECTED_ELEMENT_END:
    default:
      return fail (parser, error, _("expected “,” or “]” in a list"));
    }
}

/* A list or object is read: its items move from @stack, where they
 * were gathered since @mark, to the end of @items, all together. */
static void
close_container (KlJsonValue *value,
                 KlJsonType   type,
                 GArray      *stack,
                 guint        mark,
                 GArray      *items)
{
  value->type = type;
  value->n = stack->len - mark;
  value->v.first = items->len;
  g_array_append_vals (items, stack->data + (gsize)mark * g_array_get_element_size (stack), value->n);
  g_array_set_size (stack, mark);
}

static gboolean
read_object (Parser      *parser,
             KlJsonValue *value,
             GError     **error)
{
  guint mark = parser->member_stack->len;

  parser->p++;  /* { */
  if (!take (parser, '}'))
    for (;;)
      {
        Member member = { NULL, { KL_JSON_NULL, 0, { 0 } } };

        skip_space (parser);
        if (parser->p >= parser->end || *parser->p != '"')
          return missing (parser, EXPECTED_NAME, NULL, error);
        if (!read_string (parser, &member.name, error))
          return FALSE;
        if (!take (parser, ':'))
          return missing (parser, EXPECTED_COLON, member.name, error);
        if (!read_value (parser, &member.value, error))
          return FALSE;
        g_array_append_val (parser->member_stack, member);

        if (take (parser, ','))
          continue;
        if (take (parser, '}'))
          break;
        return missing (parser, EXPECTED_MEMBER_END, member.name, error);
      }

  close_container (value, KL_JSON_OBJECT, parser->member_stack, mark, parser->doc->members);
  return TRUE;
}

static gboolean
read_array (Parser      *parser,
            KlJsonValue *value,
            GError     **error)
{
  guint mark = parser->element_stack->len;

  parser->p++;  /* [ */
  if (!take (parser, ']'))
    for (;;)
      {
        KlJsonValue element = { KL_JSON_NULL, 0, { 0 } };

        if (!read_value (parser, &element, error))
          return FALSE;
        g_array_append_val (parser->element_stack, element);

        if (take (parser, ','))
          continue;
        if (take (parser, ']'))
          break;
        return missing (parser, EXPECTED_ELEMENT_END, NULL, error);
      }

  close_container (value, KL_JSON_ARRAY, parser->element_stack, mark, parser->doc->elements);
  return TRUE;
}

static gboolean
read_value (Parser      *parser,
            KlJsonValue *value,
            GError     **error)
{
  gboolean ok;

  skip_space (parser);
  if (parser->p >= parser->end)
    return unexpected (parser, error);

  switch (*parser->p)
    {
    case '{':
    case '[':
      if (parser->depth >= MAX_DEPTH)
        return fail (parser, error, _("lists and objects are nested too deeply"));
      parser->depth++;
      ok = *parser->p == '{' ? read_object (parser, value, error) : read_array (parser, value, error);
      parser->depth--;
      return ok;

    case '"':
      value->type = KL_JSON_STRING;
      return read_string (parser, &value->v.string, error);

    case 't':
    case 'f':
      value->type = KL_JSON_BOOLEAN;
      value->v.boolean = *parser->p == 't';
      if (read_word (parser, value->v.boolean ? "true" : "false"))
        return TRUE;
      return unexpected (parser, error);

    case 'n':
      value->type = KL_JSON_NULL;
      if (read_word (parser, "null"))
        return TRUE;
      return unexpected (parser, error);

    default:
      return read_number (parser, value, error);
    }
}

/**
 * kl_json_doc_parse:
 * @text: (inout): JSON text, which the document decodes its strings into
 *   and so must outlive it; followed by a NUL, as g_file_get_contents()
 *   leaves it
 * @length: the length of @text without that NUL
 *
 * Returns: (transfer full): the document, or %NULL with @error set, in
 *   %KL_JSON_DOC_ERROR, to where the text is broken ("line 3, column 7: …")
 */
KlJsonDoc *
kl_json_doc_parse (char     *text,
                   gsize     length,
                   GError  **error)
{
  g_autoptr(KlJsonDoc) doc = g_new0 (KlJsonDoc, 1);
  g_autoptr(GArray) element_stack = g_array_new (FALSE, FALSE, sizeof (KlJsonValue));
  g_autoptr(GArray) member_stack = g_array_new (FALSE, FALSE, sizeof (Member));
  Parser parser = { doc, text, text, text + length, element_stack, member_stack, 0 };

  g_return_val_if_fail (text != NULL && text[length] == '\0', NULL);

  doc->elements = g_array_new (FALSE, FALSE, sizeof (KlJsonValue));
  doc->members = g_array_new (FALSE, FALSE, sizeof (Member));

  if (!read_value (&parser, &doc->root, error))
    return NULL;
  skip_space (&parser);
  if (parser.p < parser.end)
    {
      fail_with (&parser, KL_JSON_DOC_ERROR_TRAILING_TEXT, error, _("there is more text after the end"));
      return NULL;
    }
  return g_steal_pointer (&doc);
}

void
kl_json_doc_free (KlJsonDoc *doc)
{
  if (doc == NULL)
    return;
  g_clear_pointer (&doc->elements, g_array_unref);
  g_clear_pointer (&doc->members, g_array_unref);
  g_free (doc);
}

const KlJsonValue *
kl_json_doc_root (const KlJsonDoc *doc)
{
  return &doc->root;
}

/**
 * kl_json_member:
 *
 * Returns: (nullable): the member @name of @object, the last one if it
 *   appears twice, or %NULL if @object has none or is not an object
 */
const KlJsonValue *
kl_json_member (const KlJsonDoc   *doc,
                const KlJsonValue *object,
                const char        *name)
{
  const Member *members;

  if (object == NULL || object->type != KL_JSON_OBJECT)
    return NULL;
  members = &g_array_index (doc->members, Member, object->v.first);
  for (guint i = object->n; i > 0; i--)
    if (members[i - 1].name[0] == name[0] && strcmp (members[i - 1].name, name) == 0)
      return &members[i - 1].value;
  return NULL;
}

/**
 * kl_json_string_member:
 *
 * Returns: (nullable): the member @name of @object if it is a string
 */
const char *
kl_json_string_member (const KlJsonDoc   *doc,
                       const KlJsonValue *object,
                       const char        *name)
{
  const KlJsonValue *value = kl_json_member (doc, object, name);

  return value != NULL && value->type == KL_JSON_STRING ? value->v.string : NULL;
}

/**
 * kl_json_element:
 *
 * Returns: element @index of @array, which must have that many
 */
const KlJsonValue *
kl_json_element (const KlJsonDoc   *doc,
                 const KlJsonValue *array,
                 guint              index)
{
  g_return_val_if_fail (array != NULL && array->type == KL_JSON_ARRAY, NULL);
  g_return_val_if_fail (index < array->n, NULL);

  return &g_array_index (doc->elements, KlJsonValue, array->v.first + index);
}
