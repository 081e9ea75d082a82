/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kl-builtin.h"
#include "kl-principle-texts.h"

/* Written for leaders in social psychiatry, in the project's own words.
 * Keep three to five questions and pitfalls per principle, each something
 * a leader can act on or bring to a team meeting. */

/* Translators: the texts below describe the seven principles for
 * professional leadership in social psychiatry. Write them as a Danish
 * leader in socialpsykiatri would say them, not as a literal translation. */
static const KlPrincipleTexts texts[] = {
  {
    KL_BUILTIN_PRINCIPLE_SAMARBEJDE_MED_BORGEREN,
    N_("The citizen’s own hopes, wishes and dreams set the direction of the support. "
       "Staff work with the citizen, not for them: goals are written in the citizen’s own words, "
       "and the citizen takes part in planning and following up on them."),
    {
      N_("When did you last read a plan where the goals were written in the citizen’s own words?"),
      N_("How do staff find out what matters most to a citizen who finds it hard to put it into words?"),
      N_("Which decisions about a citizen’s everyday life are still made at staff meetings without the citizen?"),
      N_("How do you, as a leader, hear the citizens’ own experience of the support?"),
      NULL,
    },
    {
      N_("Staff set the goals, and the citizen is only asked to sign the plan."),
      N_("“Involvement” becomes a form to fill in rather than a conversation."),
      N_("Worry about risk quietly overrides what the citizen wants, without it being discussed with them."),
      N_("Dreams that seem unrealistic are dismissed instead of being broken down into first steps."),
      NULL,
    },
  },
  {
    KL_BUILTIN_PRINCIPLE_TYDELIG_FAGLIG_RETNING,
    N_("The unit has one explicit, shared professional approach, such as a recovery-oriented method, "
       "that everyone can explain. It guides which methods are used, how the day is prioritised "
       "and what is documented."),
    {
      N_("Could every member of staff explain the unit’s professional approach to a new colleague in two minutes?"),
      N_("Which of your daily routines do not fit the approach you say you work from?"),
      N_("How does the approach show when you prioritise on a busy day with too few hands?"),
      N_("How are new staff and substitutes introduced to the way you work?"),
      NULL,
    },
    {
      N_("The approach lives in a document on the shared drive but not in daily practice."),
      N_("Too many methods are introduced at once, so none of them is learnt properly."),
      N_("Each shift or team quietly works in its own way."),
      N_("The direction is announced but never followed up."),
      NULL,
    },
  },
  {
    KL_BUILTIN_PRINCIPLE_NAERVAERENDE_LEDELSE,
    N_("The leader is present in daily practice and knows the work with the citizens from the inside. "
       "The leader gives feedback, asks about the professional reasons for what is done, "
       "and helps staff with difficult dilemmas when they arise."),
    {
      N_("How many hours last month did you spend where the work with the citizens happens?"),
      N_("When did you last give a member of staff specific feedback on a situation you saw yourself?"),
      N_("Who do staff turn to with a difficult dilemma in the evening or at the weekend?"),
      N_("What do you know about the citizens’ everyday life that you did not learn from reports?"),
      NULL,
    },
    {
      N_("Being present turns into checking up, and staff feel watched rather than supported."),
      N_("Meetings and administration fill the calendar, so visits are the first thing to go."),
      N_("The leader takes over the task instead of helping the member of staff to solve it."),
      N_("Only the day shift ever sees the leader."),
      NULL,
    },
  },
  {
    KL_BUILTIN_PRINCIPLE_FAGLIG_REFLEKSION,
    N_("Staff reflect regularly and in a structured way on their practice: what they did, why, "
       "and what it meant for the citizen. What they learn is turned into changes in the way they work."),
    {
      N_("Is there a fixed time and a fixed structure for reflection, and is it kept when things get busy?"),
      N_("What did you last change in practice because of something you reflected on together?"),
      N_("Do you also reflect on situations that went well, and on why they did?"),
      N_("Is it safe for staff to bring up their own mistakes and doubts?"),
      NULL,
    },
    {
      N_("Reflection meetings turn into case handovers or practical planning."),
      N_("The same few people speak every time."),
      N_("Conclusions are not written down, so nothing changes."),
      N_("Reflection is cancelled as soon as the rota is tight."),
      NULL,
    },
  },
  {
    KL_BUILTIN_PRINCIPLE_LEDELSESINFORMATION,
    N_("Data on the citizens’ progress and the unit’s results is used to steer practice, "
       "not only to report upwards. Leader and staff look at the figures together, "
       "ask what they say about the support, and adjust."),
    {
      N_("Which figures do you look at together with your staff, and how often?"),
      N_("When did data last lead to a change in how you support a citizen or a group of citizens?"),
      N_("Can staff see what happens to what they document?"),
      N_("Which question about your practice would you like data to answer that you cannot answer today?"),
      NULL,
    },
    {
      N_("Data is collected for the administration and never comes back to the staff."),
      N_("Activity such as hours and visits is counted instead of the citizens’ progress."),
      N_("Figures are used to place blame rather than to learn."),
      N_("So many things are measured that nobody has time to act on any of them."),
      NULL,
    },
  },
  {
    KL_BUILTIN_PRINCIPLE_SAMARBEJDE_OM_RECOVERY,
    N_("The unit works with relatives, networks, other sectors, civil society and peers "
       "around the citizen’s recovery. The leader makes working across boundaries part of "
       "everyday work, not something that depends on a few enthusiasts."),
    {
      N_("Which partners does a typical citizen depend on, and which of them do you actually work with?"),
      N_("How are relatives involved when the citizen wants them to be, "
         "and how do you handle it when the citizen does not?"),
      N_("What do you do to help citizens into communities outside the service: clubs, associations, education, work?"),
      N_("Do you work with peer workers or people with lived experience, and how are they part of the team?"),
      NULL,
    },
    {
      N_("Cooperation rests on personal contacts and disappears when someone leaves."),
      N_("Relatives are seen as a problem to be handled rather than as a resource."),
      N_("The transitions between psychiatry, the job centre and the municipality are left to the citizen."),
      N_("Civil society is mentioned in the plans, but nobody has time to build the bridges."),
      NULL,
    },
  },
  {
    KL_BUILTIN_PRINCIPLE_RECOVERY_ORIENTEREDE_KOMPETENCER,
    N_("The staff’s recovery-oriented knowledge and skills are developed systematically: "
       "the leader knows where the unit stands, targets training where the gaps are, "
       "and makes sure new knowledge is used in practice."),
    {
      N_("In which competence themes does the unit have the fewest staff who work independently?"),
      N_("How do you follow up after a course, so that the new knowledge reaches the rest of the team?"),
      N_("Do the goals agreed in the development conversations add up to what the unit needs?"),
      N_("Who on the team can teach others, and do they get the chance to?"),
      NULL,
    },
    {
      N_("Courses go to whoever asks first rather than to what the unit needs."),
      N_("Staff come back from a course and nothing changes in practice."),
      N_("Competences are assessed once and never followed up."),
      N_("Training is planned for permanent staff only, not for substitutes and night staff."),
      NULL,
    },
  },
};

/* One entry for each built-in principle, in their order. */
G_STATIC_ASSERT (G_N_ELEMENTS (texts) == KL_N_BUILTIN_PRINCIPLES);

/**
 * kl_principle_texts_lookup:
 * @principle_id: a principle's slug, such as "faglig-refleksion"
 *
 * Returns: (nullable): the principle's texts, or %NULL if the app has
 *   none for it (a principle of a user-defined framework)
 */
const KlPrincipleTexts *
kl_principle_texts_lookup (const char *principle_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (g_strcmp0 (texts[i].id, principle_id) == 0)
      return &texts[i];
  return NULL;
}

/**
 * kl_principle_texts_all:
 * @n_texts: (out): the number of entries
 *
 * Returns: the texts of every built-in principle, in order
 */
const KlPrincipleTexts *
kl_principle_texts_all (guint *n_texts)
{
  *n_texts = G_N_ELEMENTS (texts);
  return texts;
}
