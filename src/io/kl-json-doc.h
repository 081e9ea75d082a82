/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A JSON text read into a compact tree for the importer: one block of
 * values and one of object members instead of a GObject-style node per
 * value, and the strings decoded in place in the text itself. An exchange
 * file of 50 MB becomes a tree of about the same size, read in a fraction
 * of the time json-glib takes. */

typedef enum
{
  KL_JSON_NULL,
  KL_JSON_BOOLEAN,
  KL_JSON_INT,      /* a number without fraction or exponent that fits gint64 */
  KL_JSON_DOUBLE,
  KL_JSON_STRING,
  KL_JSON_ARRAY,
  KL_JSON_OBJECT,
} KlJsonType;

typedef struct
{
  KlJsonType type;
  guint32    n;         /* elements or members, for arrays and objects */
  union
  {
    gboolean    boolean;
    gint64      integer;
    double      number;
    const char *string;  /* NUL-terminated, inside the document's text */
    gsize       first;   /* the first element or member, for arrays and objects */
  } v;
} KlJsonValue;

typedef struct _KlJsonDoc KlJsonDoc;

#define KL_JSON_DOC_ERROR (kl_json_doc_error_quark ())

typedef enum
{
  KL_JSON_DOC_ERROR_SYNTAX,        /* not JSON, or not all of it */
  KL_JSON_DOC_ERROR_NOT_UTF8,      /* bytes that are not UTF-8 text */
  KL_JSON_DOC_ERROR_TRAILING_TEXT, /* more text after one whole value */
} KlJsonDocError;

GQuark             kl_json_doc_error_quark (void);

KlJsonDoc         *kl_json_doc_parse      (char               *text,
                                           gsize               length,
                                           GError            **error);
void               kl_json_doc_free       (KlJsonDoc          *doc);
const KlJsonValue *kl_json_doc_root       (const KlJsonDoc    *doc);

const KlJsonValue *kl_json_member         (const KlJsonDoc    *doc,
                                           const KlJsonValue  *object,
                                           const char         *name);
const char        *kl_json_string_member  (const KlJsonDoc    *doc,
                                           const KlJsonValue  *object,
                                           const char         *name);
const KlJsonValue *kl_json_element        (const KlJsonDoc    *doc,
                                           const KlJsonValue  *array,
                                           guint               index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlJsonDoc, kl_json_doc_free)

G_END_DECLS
