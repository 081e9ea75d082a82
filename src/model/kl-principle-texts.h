/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KL_PRINCIPLE_TEXTS_MAX 5

/* The app's own words about a principle: what it is about, questions a
 * leader can reflect on with the team, and the pitfalls we see most.
 * The strings are English msgids: pass them through _() to show them. */
typedef struct
{
  const char *id;                                     /* the principle's slug */
  const char *description;
  const char *questions[KL_PRINCIPLE_TEXTS_MAX + 1];  /* NULL-terminated */
  const char *pitfalls[KL_PRINCIPLE_TEXTS_MAX + 1];   /* NULL-terminated */
} KlPrincipleTexts;

const KlPrincipleTexts *kl_principle_texts_lookup (const char *principle_id);
const KlPrincipleTexts *kl_principle_texts_all    (guint      *n_texts);

G_END_DECLS
