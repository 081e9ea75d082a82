/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The built-in reference rows every database has: their ids, their names
 * and their official Danish names, in one table. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The framework of the built-in principles. */
#define KL_BUILTIN_FRAMEWORK_ID "faglig-ledelse"

/* The built-in principles' ids, for the texts about them. */
#define KL_BUILTIN_PRINCIPLE_SAMARBEJDE_MED_BORGEREN          "samarbejde-med-borgeren"
#define KL_BUILTIN_PRINCIPLE_TYDELIG_FAGLIG_RETNING           "tydelig-faglig-retning"
#define KL_BUILTIN_PRINCIPLE_NAERVAERENDE_LEDELSE             "naervaerende-ledelse"
#define KL_BUILTIN_PRINCIPLE_FAGLIG_REFLEKSION                "faglig-refleksion"
#define KL_BUILTIN_PRINCIPLE_LEDELSESINFORMATION              "ledelsesinformation"
#define KL_BUILTIN_PRINCIPLE_SAMARBEJDE_OM_RECOVERY           "samarbejde-om-recovery"
#define KL_BUILTIN_PRINCIPLE_RECOVERY_ORIENTEREDE_KOMPETENCER "recovery-orienterede-kompetencer"

#define KL_N_BUILTIN_THEMES     11
#define KL_N_BUILTIN_PRINCIPLES  7

typedef struct
{
  const char *id;             /* the slug: the row's uuid in every database */
  const char *name;           /* an English msgid: pass it through _() */
  const char *official_name;  /* as the national initiative and Socialstyrelsen
                               * write it, whatever the UI language; or NULL */
} KlBuiltin;

/* In the order the app shows them. */
extern const KlBuiltin kl_builtin_themes[KL_N_BUILTIN_THEMES];
extern const KlBuiltin kl_builtin_principles[KL_N_BUILTIN_PRINCIPLES];
extern const KlBuiltin kl_builtin_framework;

const char *kl_builtin_get_official_name (const char *builtin_id);

G_END_DECLS
