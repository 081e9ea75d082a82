/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo organisation: its units, staff, courses, goals, principle
 * reflections and leadership actions, as tables. Every name is invented. */
#include "config.h"

#define KL_DEMO_DATA
#include "kl-demo-private.h"

/* Units */

const DemoUnitRow demo_units[N_UNITS] = {
  [UNIT_BOSTOETTEN] = { "Bostøtten", -1,
                        { "uddannelse-og-beskaeftigelse", "civilsamfund" } },
  [UNIT_BOSTOETTE_NORD] = { "Bostøtte Nord", UNIT_BOSTOETTEN,
                            { "uddannelse-og-beskaeftigelse", "helhed-og-sammenhaeng" } },
  [UNIT_BOSTOETTE_SYD] = { "Bostøtte Syd", UNIT_BOSTOETTEN,
                           { "civilsamfund", "paaroerende" } },
  [UNIT_LINDEHUSET] = { "Bofællesskabet Lindehuset", -1,
                        { "misbrug", "sundhed" } },
  [UNIT_LINDEHUSET_107] = { "Lindehuset, midlertidigt ophold (§ 107)", UNIT_LINDEHUSET,
                            { "misbrug", "helhed-og-sammenhaeng" } },
  [UNIT_LINDEHUSET_108] = { "Lindehuset, længerevarende ophold (§ 108)", UNIT_LINDEHUSET,
                            { "sundhed", "paaroerende" } },
  [UNIT_VAERESTEDET] = { "Aktivitets- og samværstilbuddet Værestedet", -1,
                         { "fritid", "peers" } },
  [UNIT_VAERESTEDET_CAFE] = { "Værestedet, café og samvær", UNIT_VAERESTEDET,
                              { "peers", "civilsamfund" } },
  [UNIT_VAERESTEDET_VAERKSTED] = { "Værestedet, værksteder og aktiviteter", UNIT_VAERESTEDET,
                                   { "fritid", "uddannelse-og-beskaeftigelse" } },
};

/* Staff */

const DemoJobRow demo_jobs[N_JOBS] = {
  [JOB_PAEDAGOG] = { "Pædagog", "inddragelse-og-medbestemmelse" },
  [JOB_SOSU_ASSISTANT] = { "Social- og sundhedsassistent", "sundhed" },
  [JOB_NURSE] = { "Sygeplejerske", "sundhed" },
  [JOB_OCCUPATIONAL_THERAPIST] = { "Ergoterapeut", "rehabilitering-og-recovery" },
  [JOB_SOCIAL_WORKER] = { "Socialrådgiver", "uddannelse-og-beskaeftigelse" },
  [JOB_PEER] = { "Peer-medarbejder", "peers" },
  [JOB_PEDAGOGICAL_ASSISTANT] = { "Pædagogisk assistent", "fritid" },
  [JOB_PSYCHOLOGIST] = { "Psykolog", "rehabilitering-og-recovery" },
  [JOB_TEAM_LEADER] = { "Teamleder", "dokumentation" },
};

const DemoStaffRow demo_staff[] = {
  { "Mette Sørensen", UNIT_BOSTOETTE_NORD, JOB_TEAM_LEADER, FALSE },
  { "Lars Nielsen", UNIT_BOSTOETTE_NORD, JOB_PAEDAGOG, FALSE },
  { "Aisha Hussein", UNIT_BOSTOETTE_NORD, JOB_SOCIAL_WORKER, FALSE },
  { "Jonas Kristensen", UNIT_BOSTOETTE_NORD, JOB_SOSU_ASSISTANT, FALSE },
  { "Camilla Jørgensen", UNIT_BOSTOETTE_NORD, JOB_PAEDAGOG, FALSE },
  { "Mehmet Yilmaz", UNIT_BOSTOETTE_NORD, JOB_PAEDAGOG, FALSE },
  { "Signe Dahl", UNIT_BOSTOETTE_NORD, JOB_OCCUPATIONAL_THERAPIST, FALSE },
  { "Thomas Overgaard", UNIT_BOSTOETTE_NORD, JOB_PEER, FALSE },
  { "Birgitte Lund", UNIT_BOSTOETTE_NORD, JOB_NURSE, FALSE },
  { "Nanna Thomsen", UNIT_BOSTOETTE_NORD, JOB_PEDAGOGICAL_ASSISTANT, TRUE },
  { "Henrik Mikkelsen", UNIT_BOSTOETTE_SYD, JOB_TEAM_LEADER, FALSE },
  { "Louise Andersen", UNIT_BOSTOETTE_SYD, JOB_PAEDAGOG, FALSE },
  { "Fatima Ahmadi", UNIT_BOSTOETTE_SYD, JOB_SOSU_ASSISTANT, FALSE },
  { "Rasmus Bech", UNIT_BOSTOETTE_SYD, JOB_PAEDAGOG, FALSE },
  { "Karina Frederiksen", UNIT_BOSTOETTE_SYD, JOB_SOCIAL_WORKER, FALSE },
  { "Anders Holm", UNIT_BOSTOETTE_SYD, JOB_NURSE, FALSE },
  { "Julie Vestergaard", UNIT_BOSTOETTE_SYD, JOB_OCCUPATIONAL_THERAPIST, FALSE },
  { "Kasper Møller", UNIT_BOSTOETTE_SYD, JOB_PEER, FALSE },
  { "Marianne Poulsen", UNIT_BOSTOETTE_SYD, JOB_PAEDAGOG, FALSE },
  { "Ali Rahimi", UNIT_BOSTOETTE_SYD, JOB_PEDAGOGICAL_ASSISTANT, FALSE },
  { "Katrine Bak", UNIT_BOSTOETTEN, JOB_PSYCHOLOGIST, FALSE },
  { "Peter Lauridsen", UNIT_BOSTOETTEN, JOB_SOCIAL_WORKER, FALSE },
  { "Hanne Pedersen", UNIT_LINDEHUSET_107, JOB_TEAM_LEADER, FALSE },
  { "Mads Christensen", UNIT_LINDEHUSET_107, JOB_SOSU_ASSISTANT, FALSE },
  { "Sofie Jakobsen", UNIT_LINDEHUSET_107, JOB_NURSE, FALSE },
  { "Ewa Kowalska", UNIT_LINDEHUSET_107, JOB_SOSU_ASSISTANT, FALSE },
  { "Niels Madsen", UNIT_LINDEHUSET_107, JOB_PAEDAGOG, FALSE },
  { "Tina Kjær", UNIT_LINDEHUSET_107, JOB_PEDAGOGICAL_ASSISTANT, FALSE },
  { "Jesper Søndergaard", UNIT_LINDEHUSET_107, JOB_PAEDAGOG, TRUE },
  { "Pernille Rasmussen", UNIT_LINDEHUSET_108, JOB_TEAM_LEADER, FALSE },
  { "Ibrahim Khalil", UNIT_LINDEHUSET_108, JOB_PAEDAGOG, FALSE },
  { "Lene Hansen", UNIT_LINDEHUSET_108, JOB_SOSU_ASSISTANT, FALSE },
  { "Morten Iversen", UNIT_LINDEHUSET_108, JOB_NURSE, FALSE },
  { "Ida Østergaard", UNIT_LINDEHUSET_108, JOB_PAEDAGOG, FALSE },
  { "Susanne Larsen", UNIT_LINDEHUSET_108, JOB_SOSU_ASSISTANT, FALSE },
  { "Emil Schmidt", UNIT_LINDEHUSET_108, JOB_PEER, FALSE },
  { "Maja Nørgaard", UNIT_LINDEHUSET_108, JOB_OCCUPATIONAL_THERAPIST, FALSE },
  { "Anette Winther", UNIT_VAERESTEDET_CAFE, JOB_TEAM_LEADER, FALSE },
  { "Dorthe Eriksen", UNIT_VAERESTEDET_CAFE, JOB_PAEDAGOG, FALSE },
  { "Søren Bruun", UNIT_VAERESTEDET_CAFE, JOB_PEDAGOGICAL_ASSISTANT, FALSE },
  { "Amira Saleh", UNIT_VAERESTEDET_CAFE, JOB_PAEDAGOG, FALSE },
  { "Frederik Hvidt", UNIT_VAERESTEDET_CAFE, JOB_PEER, FALSE },
  { "Gitte Skov", UNIT_VAERESTEDET_CAFE, JOB_SOSU_ASSISTANT, FALSE },
  { "Michael Thygesen", UNIT_VAERESTEDET_VAERKSTED, JOB_OCCUPATIONAL_THERAPIST, FALSE },
  { "Cecilie Friis", UNIT_VAERESTEDET_VAERKSTED, JOB_PAEDAGOG, FALSE },
  { "Bo Kristiansen", UNIT_VAERESTEDET_VAERKSTED, JOB_PEDAGOGICAL_ASSISTANT, TRUE },
  { "Leila Nasser", UNIT_VAERESTEDET_VAERKSTED, JOB_SOCIAL_WORKER, FALSE },
  { "Christian Ravn", UNIT_VAERESTEDET_VAERKSTED, JOB_PAEDAGOG, FALSE },
};

/* Competence assessments: every staff member is assessed in these, in
 * their profession's theme and in their unit's, plus a few more. */
const char *demo_core_themes[] = {
  "rehabilitering-og-recovery", "inddragelse-og-medbestemmelse",
};

const char *demo_assessment_notes[] = {
  "Har gennemført grundkurset.",
  "Ønsker mere erfaring i praksis.",
  "Godt i gang – brug for sparring.",
  "Kan lære fra sig til nye kolleger.",
  "Aftalt ved MUS.",
  "Vil gerne være ressourceperson.",
  "Mangler at bruge det efter kurset.",
};

/* Assessment rounds, in days before today: roughly once a year, as a part
 * of the MUS conversation. */
const int demo_round_days_ago[N_ROUNDS] = { 820, 450, 75 };

/* Development goals (MUS) */

const DemoGoalRow demo_goals[] = {
  { "Deltage i kursus om pårørendesamarbejde", "paaroerende" },
  { "Blive tryg ved at bruge recovery-samtalen", "rehabilitering-og-recovery" },
  { "Lære at bruge FIT-målinger i samtaler med borgerne", "dokumentation" },
  { "Få mere viden om dobbeltdiagnoser", "misbrug" },
  { "Være med til at starte en gågruppe med borgerne", "fritid" },
  { "Styrke samarbejdet med jobcentret om borgere i uddannelse", "uddannelse-og-beskaeftigelse" },
  { "Skabe kontakt til to lokale foreninger", "civilsamfund" },
  { "Bruge motiverende samtale i hverdagen", "misbrug" },
  { "Være ressourceperson for kolleger i samarbejdet med peers", "peers" },
  { "Blive bedre til at inddrage borgeren i handleplanen", "inddragelse-og-medbestemmelse" },
  { "Lære mere om medicin og bivirkninger", "sundhed" },
  { "Koordinere bedre med behandlingspsykiatrien ved udskrivning", "helhed-og-sammenhaeng" },
  { "Tage et modul på diplomuddannelsen i psykiatri", NULL },
  { "Få supervision i svære samtaler", NULL },
  { "Skrive kortere og mere præcise journalnotater", "dokumentation" },
  { "Holde et oplæg for kollegerne om recovery", "rehabilitering-og-recovery" },
};

/* Courses */

const DemoCourseRow demo_courses[] = {
  { "Recovery-orienteret praksis – grundkursus", "VIA University College", "Aarhus",
    "Tre moduler om recovery, rehabilitering og den recovery-orienterede samtale.",
    { "rehabilitering-og-recovery", "inddragelse-og-medbestemmelse", NULL },
    37, 9500, 20, -320, 28, 14, COURSE_PLAIN },
  { "Pårørendesamarbejde i socialpsykiatrien", "Socialstyrelsen", "København",
    "Sådan inddrager vi pårørende og netværk – også når borgeren er i tvivl.",
    { "paaroerende", "helhed-og-sammenhaeng", NULL },
    14, 3200, 24, -285, 1, 12, COURSE_PLAIN },
  { "Dobbeltdiagnoser: misbrug og psykisk sårbarhed", "Center for Rusmiddelforskning", "Aarhus",
    "Viden om samtidig misbrug og psykisk sårbarhed, og om samarbejdet med misbrugsbehandlingen.",
    { "misbrug", "sundhed", NULL },
    21, 6400, 18, -240, 2, 10, COURSE_PLAIN },
  { "Motiverende samtale", "Psykiatrifonden", "København",
    "Grundlæggende træning i motiverende samtale (MI).",
    { "misbrug", "inddragelse-og-medbestemmelse", NULL },
    14, 4800, 16, -200, 1, 12, COURSE_PLAIN },
  { "Konflikthåndtering og deeskalering", "UCN", "Aalborg",
    "Forebyggelse og nedtrapning af konflikter med respekt for borgerens perspektiv.",
    { "rehabilitering-og-recovery", "helhed-og-sammenhaeng", NULL },
    12, 3500, 20, -160, 1, 15, COURSE_PLAIN },
  { "Sundhedsfremme og medicinforståelse", "Professionshøjskolen Absalon", "Online",
    "Fysisk sundhed, kost og bevægelse, psykofarmaka og bivirkninger.",
    { "sundhed", NULL },
    18, 5200, 24, -120, 2, 9, COURSE_PLAIN },
  { "Dokumentation af progression med FIT/VUM", "KL", "Online",
    "Sådan dokumenterer vi borgerens progression, og sådan bruger vi tallene i hverdagen.",
    { "dokumentation", NULL },
    6, 1500, 24, -75, 0, 16, COURSE_PLAIN },
  { "Peer-støtte i praksis", "Socialstyrelsen", "Odense",
    "For peer-medarbejdere og deres kolleger: roller, samarbejde og brug af egne erfaringer.",
    { "peers", "rehabilitering-og-recovery", NULL },
    12, 0, 16, -40, 1, 8, COURSE_PLAIN },
  { "Netværksarbejde og civilsamfund", "Københavns Professionshøjskole", "København",
    "Netværkskort, brobygning til foreninger og frivillige.",
    { "civilsamfund", "helhed-og-sammenhaeng", "fritid" },
    14, 3900, 20, -14, 1, 10, COURSE_PLAIN },
  { "Mentaliseringsbaseret tilgang", "Psykiatrifonden", "Aarhus",
    "Fire kursusdage over to måneder med træning mellem gangene.",
    { "rehabilitering-og-recovery", "inddragelse-og-medbestemmelse", NULL },
    30, 11500, 16, -25, 60, 12, COURSE_PLAIN },
  { "Introduktion til recovery og rehabilitering (e-læring)", "Socialstyrelsen", "Online",
    "Selvstændigt e-læringsforløb over seks uger. Gratis og uden loft over deltagere.",
    { "rehabilitering-og-recovery", NULL },
    6, 0, -1, 14, 42, 18, COURSE_PLAIN },
  { "Uddannelse og job som recovery", "VIA University College", "Aarhus",
    "Beskæftigelse og uddannelse som en del af recovery – samarbejdet med jobcentret.",
    { "uddannelse-og-beskaeftigelse", "rehabilitering-og-recovery", NULL },
    14, 4200, 18, 30, 1, 10, COURSE_PLAIN },
  { "Fritid og fællesskaber – netværksdag", "UCN", "Aalborg",
    "Besøg hos foreninger og fællesskaber, der tager imod borgere med psykisk sårbarhed.",
    { "fritid", "civilsamfund", NULL },
    7, 1800, 4, 45, 0, 7, COURSE_SEAT_FREED },
  { "Borgerinddragelse og medbestemmelse", "KL", "Odense",
    "Brugerråd, borgerens egne mål og medbestemmelse i hverdagen.",
    { "inddragelse-og-medbestemmelse", "dokumentation", NULL },
    12, 3600, 20, 70, 1, 4, COURSE_CANCELLED },
  { "Motiverende samtale – opfølgning og træning", "Psykiatrifonden", "København",
    "Træning i små grupper for dem, der har taget grundkurset.",
    { "misbrug", "inddragelse-og-medbestemmelse", NULL },
    7, 2400, 6, 100, 0, 8, COURSE_OVERBOOKED },
  { "Recovery-orienteret praksis – grundkursus, hold 2", "VIA University College", "Aarhus",
    "Tre moduler om recovery, rehabilitering og den recovery-orienterede samtale.",
    { "rehabilitering-og-recovery", "inddragelse-og-medbestemmelse", NULL },
    37, 9500, 20, 140, 28, 9, COURSE_PLAIN },
  { "Sundhedsfremme: kost, motion og søvn", "Professionshøjskolen Absalon", "Online",
    "Sådan støtter vi borgeren i sunde vaner, uden løftede pegefingre.",
    { "sundhed", "fritid", NULL },
    10, 2800, 24, 190, 1, 6, COURSE_PLAIN },
  { "Dobbeltdiagnoser – fordybelseskursus", "Center for Rusmiddelforskning", "Aarhus",
    "Fordybelse for ressourcepersoner: integreret indsats og samarbejde med behandlingen.",
    { "misbrug", "helhed-og-sammenhaeng", NULL },
    28, 12000, 12, 250, 3, 4, COURSE_PLAIN },
};

/* Principle assessments: one reflection for each principle and maturity. */

const DemoPrincipleRow demo_principles[] = {
  { "samarbejde-med-borgeren", {
      "Vi taler om inddragelse, men planerne skrives stadig mest af os.",
      "Vi er begyndt at spørge til borgerens egne mål ved opstart.",
      "Borgerens mål står i de fleste planer, men følges ikke altid op i hverdagen.",
      "Borgerne deltager i deres egne opfølgningsmøder, og mange sætter selv dagsordenen.",
      "Borgerens håb og drømme styrer retningen – også når det udfordrer vores rutiner.",
    } },
  { "tydelig-faglig-retning", {
      "Hver medarbejder arbejder ud fra egen erfaring; vi mangler et fælles fagligt grundlag.",
      "Vi har drøftet, hvad recovery betyder hos os, og er ved at skrive det ned.",
      "Den faglige tilgang er beskrevet, men nye kolleger kender den ikke godt nok.",
      "Vores faglige grundlag bruges, når vi prioriterer og vælger metoder.",
      "Alle kan forklare vores faglige retning, og den er pejlemærket i hverdagen.",
    } },
  { "naervaerende-ledelse", {
      "Ledelsen er mest på kontoret; medarbejderne savner sparring i hverdagen.",
      "Lederen deltager nu i udvalgte møder i teamene.",
      "Lederen er jævnligt ude i praksis, men feedbacken er ikke systematisk.",
      "Fast tilstedeværelse i teamene og løbende sparring på konkrete dilemmaer.",
      "Ledelsen kender praksis indefra og bruges som faglig sparringspartner.",
    } },
  { "faglig-refleksion", {
      "Refleksion sker mest tilfældigt, i overlapningen og på gangen.",
      "Vi har afprøvet refleksionsmøder, men de bliver ofte aflyst, når der er travlt.",
      "Refleksionsmøderne holdes som regel, men læringen følges ikke altid op.",
      "Faste refleksionsmøder med en fælles model; vi samler op på, hvad vi ændrer.",
      "Refleksion er en naturlig del af arbejdet, og vi justerer praksis ud fra den.",
    } },
  { "ledelsesinformation", {
      "Vi indberetter data, men bruger dem ikke selv.",
      "Ledergruppen har set på de første opgørelser fra FIT sammen.",
      "Teamene får tal om progression, men det er svært at omsætte dem til handling.",
      "Borgernes progression drøftes fast på teammøderne og påvirker prioriteringerne.",
      "Ledelsesinformation er et fagligt værktøj, som medarbejderne selv efterspørger.",
    } },
  { "samarbejde-om-recovery", {
      "Samarbejdet med pårørende og netværk afhænger af den enkelte medarbejder.",
      "Vi har kontakt til enkelte foreninger og er begyndt at invitere pårørende ind.",
      "Der er aftaler med flere samarbejdspartnere, men overgangene halter stadig.",
      "Pårørende, netværk og peers inddrages som regel, og samarbejdet med psykiatrien er styrket.",
      "Vi arbejder sammen på tværs om borgerens recovery – også med civilsamfundet.",
    } },
  { "recovery-orienterede-kompetencer", {
      "Vi har ikke overblik over medarbejdernes recovery-kompetencer.",
      "Kompetencematrixen er udfyldt første gang, og de største huller er fundet.",
      "Flere har været på kursus, men den nye viden spredes langsomt i teamet.",
      "Kompetenceudviklingen planlægges ud fra matrixen, og ressourcepersoner deler viden.",
      "Systematisk kompetenceudvikling er forankret, og vi følger op på effekten i praksis.",
    } },
};

/* Leadership actions */

const DemoActionRow demo_actions[] = {
  { "Indfør faste refleksionsmøder hver 14. dag", UNIT_BOSTOETTE_NORD,
    "faglig-refleksion", NULL, "Mette Sørensen", -120, KL_ACTION_STATUS_DONE,
    "Kører nu fast tirsdag i lige uger." },
  { "Sæt recovery på dagsordenen på personalemøder", UNIT_BOSTOETTEN,
    "recovery-orienterede-kompetencer", "rehabilitering-og-recovery", "Katrine Bak", -30,
    KL_ACTION_STATUS_IN_PROGRESS, "" },
  { "Opret en pårørendecafé to gange om året", UNIT_LINDEHUSET,
    "samarbejde-om-recovery", "paaroerende", "Hanne Pedersen", 60, KL_ACTION_STATUS_OPEN, "" },
  { "Brug FIT-målingerne på teammødet hver måned", UNIT_BOSTOETTE_SYD,
    "ledelsesinformation", "dokumentation", "Henrik Mikkelsen", 30, KL_ACTION_STATUS_IN_PROGRESS,
    "Første gennemgang holdt i september." },
  { "Lederen tager en vagt om måneden i hvert team", UNIT_LINDEHUSET_108,
    "naervaerende-ledelse", NULL, "Pernille Rasmussen", -10, KL_ACTION_STATUS_OPEN, "" },
  { "Skriv vores faglige grundlag for recovery på én side", UNIT_VAERESTEDET,
    "tydelig-faglig-retning", "rehabilitering-og-recovery", "Anette Winther", -200,
    KL_ACTION_STATUS_DONE, "" },
  { "Borgerne planlægger værkstedernes aktiviteter sammen med os", UNIT_VAERESTEDET_VAERKSTED,
    "samarbejde-med-borgeren", "inddragelse-og-medbestemmelse", "Michael Thygesen", 90,
    KL_ACTION_STATUS_OPEN, "" },
  { "Samarbejdsaftale med den lokale idrætsforening", UNIT_VAERESTEDET_CAFE,
    "samarbejde-om-recovery", "civilsamfund", "Frederik Hvidt", 150, KL_ACTION_STATUS_IN_PROGRESS,
    "Møde med formanden aftalt." },
  { "Kompetenceplan for hvert team ud fra kompetencematrixen", UNIT_BOSTOETTEN,
    "recovery-orienterede-kompetencer", NULL, NULL, 45, KL_ACTION_STATUS_OPEN, "" },
  { "Ansæt en peer-medarbejder på midlertidigt ophold", UNIT_LINDEHUSET_107,
    "samarbejde-om-recovery", "peers", NULL, -60, KL_ACTION_STATUS_DROPPED,
    "Udskudt: ingen bevilling i år. Tages op igen ved næste budget." },
  { "Borgerens egne mål står øverst i handleplanen", UNIT_BOSTOETTE_NORD,
    "samarbejde-med-borgeren", "inddragelse-og-medbestemmelse", "Aisha Hussein", -90,
    KL_ACTION_STATUS_DONE, "" },
  { "Gennemgå ledelsesinformationen med teamlederne hvert kvartal", UNIT_LINDEHUSET,
    "ledelsesinformation", "dokumentation", NULL, 20, KL_ACTION_STATUS_OPEN, "" },
  { "Introforløb om dobbeltdiagnoser for nye medarbejdere", UNIT_LINDEHUSET_107,
    "recovery-orienterede-kompetencer", "misbrug", "Sofie Jakobsen", 120, KL_ACTION_STATUS_OPEN, "" },
  { "Faste sparringsmøder mellem leder og teamleder", UNIT_BOSTOETTE_SYD,
    "naervaerende-ledelse", NULL, NULL, -150, KL_ACTION_STATUS_DROPPED,
    "Erstattet af de ugentlige driftsmøder." },
};

G_STATIC_ASSERT (G_N_ELEMENTS (demo_staff) == N_STAFF);
G_STATIC_ASSERT (G_N_ELEMENTS (demo_core_themes) == N_DEMO_CORE_THEMES);
G_STATIC_ASSERT (G_N_ELEMENTS (demo_assessment_notes) == N_DEMO_ASSESSMENT_NOTES);
G_STATIC_ASSERT (G_N_ELEMENTS (demo_goals) == N_DEMO_GOALS);
G_STATIC_ASSERT (G_N_ELEMENTS (demo_courses) == N_DEMO_COURSES);
G_STATIC_ASSERT (G_N_ELEMENTS (demo_principles) == N_DEMO_PRINCIPLES);
G_STATIC_ASSERT (G_N_ELEMENTS (demo_actions) == N_DEMO_ACTIONS);
