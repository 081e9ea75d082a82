/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The built-in themes, principles and framework: the one table of their
 * ids and names, which the store seeds a new database from. */
#include "config.h"

#include <glib/gi18n.h>

#include "kl-builtin.h"

/* Names are English msgids, shown translated; the official names are the
 * Danish ones the exchange format uses. */
const KlBuiltin kl_builtin_themes[] = {
  { "rehabilitering-og-recovery", N_("Rehabilitation and recovery"), "Rehabilitering og recovery" },
  { "inddragelse-og-medbestemmelse", N_("Involvement and co-determination"), "Inddragelse og medbestemmelse" },
  { "helhed-og-sammenhaeng", N_("Coherent, joined-up support"), "Helhed og sammenhæng" },
  { "paaroerende", N_("Relatives"), "Pårørende" },
  { "misbrug", N_("Substance misuse"), "Misbrug" },
  { "peers", N_("Peer support"), "Peers" },
  { "fritid", N_("Leisure"), "Fritid" },
  { "sundhed", N_("Health"), "Sundhed" },
  { "civilsamfund", N_("Civil society"), "Civilsamfund" },
  { "uddannelse-og-beskaeftigelse", N_("Education and employment"), "Uddannelse og beskæftigelse" },
  { "dokumentation", N_("Documenting progress and development"), "Dokumentation af progression og udvikling" },
};

const KlBuiltin kl_builtin_principles[] = {
  { KL_BUILTIN_PRINCIPLE_SAMARBEJDE_MED_BORGEREN, N_("Working with the citizen"),
    "Samarbejde med borgeren" },
  { KL_BUILTIN_PRINCIPLE_TYDELIG_FAGLIG_RETNING, N_("Clear professional direction"),
    "Tydelig faglig retning" },
  { KL_BUILTIN_PRINCIPLE_NAERVAERENDE_LEDELSE, N_("Present leadership"),
    "Nærværende ledelse" },
  { KL_BUILTIN_PRINCIPLE_FAGLIG_REFLEKSION, N_("Professional reflection"),
    "Faglig refleksion" },
  { KL_BUILTIN_PRINCIPLE_LEDELSESINFORMATION, N_("Management information as a professional tool"),
    "Ledelsesinformation som fagligt værktøj" },
  { KL_BUILTIN_PRINCIPLE_SAMARBEJDE_OM_RECOVERY, N_("Working together on recovery"),
    "Samarbejde om recovery" },
  { KL_BUILTIN_PRINCIPLE_RECOVERY_ORIENTEREDE_KOMPETENCER, N_("Recovery-oriented competences"),
    "Recovery-orienterede kompetencer" },
};

/* The exchange format has no official name for it. */
const KlBuiltin kl_builtin_framework = {
  KL_BUILTIN_FRAMEWORK_ID, N_("Professional leadership"), NULL,
};

/**
 * kl_builtin_get_official_name:
 * @builtin_id: a built-in theme's or principle's id
 *
 * Returns: (nullable): its official Danish name, or %NULL for any other id
 */
const char *
kl_builtin_get_official_name (const char *builtin_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (kl_builtin_themes); i++)
    if (g_strcmp0 (kl_builtin_themes[i].id, builtin_id) == 0)
      return kl_builtin_themes[i].official_name;
  for (guint i = 0; i < G_N_ELEMENTS (kl_builtin_principles); i++)
    if (g_strcmp0 (kl_builtin_principles[i].id, builtin_id) == 0)
      return kl_builtin_principles[i].official_name;
  return NULL;
}
