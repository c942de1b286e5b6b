// The demo's closed questionnaire "Bedarfe und Ressourcen" of the Landkreis network: 28
// invitations (21 actors, 7 volunteers from the distribution list), 25 answers that follow each
// actor's profile, and the results exactly as the aggregation keeps them (summary, published
// figures).
import {
  DEFAULT_FIELDS_OF_ACTION,
  contributionOf,
  emptyMeta,
  invitationIdFor,
  invitationSchema,
  needsAndResourcesTemplate,
  paths,
  publicResultsOf,
  questionnaireInputSchema,
  questionnaireSchema,
  questionsOf,
  responseSchema,
  resultsSummarySchema,
  tallyOf,
  type Answers,
  type Contribution,
  type Respondent,
} from '@knotenpunkt/model';
import { demoActors } from './demoDirectory.ts';
import { LANDKREIS, demoNetworks } from './demoNetworks.ts';

const DAY = 86_400_000;
export const DEMO_QUESTIONNAIRE_ID = 'bedarfe-und-ressourcen';

const volunteers = [
  { name: 'Ingrid Schäfer', organisation: '' },
  { name: 'Mahmoud Al-Sayed', organisation: 'Elternbeirat Grundschule am Park' },
  { name: 'Katarzyna Wiśniewska', organisation: '' },
  { name: 'Peter Hansen', organisation: 'Seniorenbeirat Rheinstadt' },
  { name: 'Selin Öztürk', organisation: '' },
  { name: 'Jan Köhler', organisation: '' },
  { name: 'Aster Tesfaye', organisation: 'Eritreische Gemeinde' },
];

const TOPICS = [
  'Wohnungssuche für Familien',
  'Sprachmittlung in Arztpraxen',
  'Ehrenamt gewinnen und halten',
  'Übergang Schule – Ausbildung',
  'Kinderbetreuung während der Sprachkurse',
];

export function demoQuestionnaire(now: Date) {
  const fields = [...DEFAULT_FIELDS_OF_ACTION];
  const template = questionnaireInputSchema.parse({
    ...needsAndResourcesTemplate(fields, `Bedarfe und Ressourcen ${now.getFullYear()}`),
    status: 'closed',
    deadline: new Date(now.getTime() - 14 * DAY),
    resultsVisibility: 'public',
  });
  const questionnaire = questionnaireSchema.parse({
    ...template,
    autoReminderAt: new Date(now.getTime() - 17 * DAY),
    createdAt: new Date(now.getTime() - 45 * DAY),
    updatedAt: new Date(now.getTime() - 13 * DAY),
    updatedBy: 'seed',
  });
  const questions = questionsOf(questionnaire);
  const option = (questionId: string, label: string) =>
    questions.find((q) => q.id === questionId)?.options.find((o) => o.label === label)?.id;
  const options = (questionId: string, labels: string[]) =>
    [...new Set(labels)].map((l) => option(questionId, l)).filter((id): id is string => !!id);
  const rows = questions.find((q) => q.id === 'zusammenarbeit')!.rows.map((r) => r.id);
  const meetings = questions.find((q) => q.id === 'treffen')!.options.map((o) => o.id);
  const language = (l: string) => (l === 'Farsi' ? 'Dari/Farsi' : l);

  function actorAnswers(i: number, actor: (typeof demoActors)[number]['input']): Answers {
    const kind = actor.kinds[0]!;
    const wanted = actor.supportWanted.toLowerCase();
    const needs = [
      ...(wanted.includes('ehrenamtlich') || kind === 'Gemeinschaftsunterkunft'
        ? ['Ehrenamtliche']
        : []),
      ...(wanted.includes('räume') ? ['Räume'] : []),
      ...(wanted.includes('sprachmittlung') ||
      wanted.includes('dolmetsch') ||
      ['Kita', 'Schule'].includes(kind)
        ? ['Dolmetschen und Sprachmittlung']
        : []),
      ...(i % 3 === 0 ? ['Finanzierung'] : []),
      ...(i % 4 === 1 ? ['Fachwissen'] : []),
      ...(i % 5 === 2 ? ['Kontakte'] : []),
    ];
    const spoken = actor.languages.filter((l) => l !== 'Deutsch').map(language);
    const offers = [
      ...(spoken.length > 0 ? ['Dolmetschen und Sprachmittlung'] : []),
      ...(['Beratungsstelle', 'Behörde/Kommune', 'Bildungsträger'].includes(kind)
        ? ['Fachwissen']
        : []),
      ...(['Kirchengemeinde', 'Moscheeverein', 'Bildungsträger', 'Jugendzentrum'].includes(kind)
        ? ['Räume']
        : []),
      ...(['Verein', 'Initiative', 'Migrantenselbstorganisation'].includes(kind)
        ? ['Ehrenamtliche']
        : []),
      ...(kind === 'Stiftung' ? ['Finanzierung'] : []),
      ...(kind === 'Behörde/Kommune' ? ['Kontakte'] : []),
      ...(i % 6 === 4 ? ['Sachmittel'] : []),
    ];
    const needLanguages = needs.includes('Dolmetschen und Sprachmittlung')
      ? [['Arabisch', 'Tigrinya'], ['Dari/Farsi'], ['Ukrainisch', 'Arabisch'], ['Türkisch']][i % 4]!
      : [];
    const answers: Answers = {
      handlungsfelder: {
        options: options('handlungsfelder', actor.fieldsOfAction),
        other: '',
      },
      reichweite: 20 + ((i * 37) % 380),
      vernetzt: 2 + ((i * 3) % 4),
      zusammenarbeit: Object.fromEntries(rows.map((r, k) => [r, 2 + ((i + k * 2) % 4)])),
      treffen: { options: [meetings[i % meetings.length]!], other: '' },
    };
    const chosenNeeds = options('bedarf', needs);
    if (chosenNeeds.length > 0 || i % 7 === 3) {
      answers.bedarf = {
        options: chosenNeeds,
        other: i % 7 === 3 ? 'Fahrdienste zu Terminen' : '',
      };
    }
    if (needLanguages.length > 0) {
      answers['bedarf-sprachen'] = {
        options: options('bedarf-sprachen', needLanguages),
        other: '',
      };
    }
    if (actor.supportWanted) answers['bedarf-text'] = actor.supportWanted;
    const chosenOffers = options('angebot', offers);
    if (chosenOffers.length > 0) answers.angebot = { options: chosenOffers, other: '' };
    const offeredLanguages = options('angebot-sprachen', spoken);
    if (offeredLanguages.length > 0) {
      answers['angebot-sprachen'] = { options: offeredLanguages, other: '' };
    }
    if (i % 3 === 1) answers.thema = TOPICS[i % TOPICS.length]!;
    return answers;
  }

  function volunteerAnswers(i: number): Answers {
    return {
      handlungsfelder: {
        options: options('handlungsfelder', [fields[(i * 2) % fields.length]!]),
        other: '',
      },
      angebot: { options: options('angebot', ['Ehrenamtliche']), other: '' },
      ...(i % 2 === 0
        ? {
            'angebot-sprachen': {
              options: options('angebot-sprachen', ['Arabisch', 'Englisch']),
              other: '',
            },
          }
        : {}),
      vernetzt: 1 + (i % 3),
      treffen: { options: [meetings[(i + 1) % meetings.length]!], other: '' },
      thema: TOPICS[(i + 2) % TOPICS.length]!,
    };
  }

  return { questionnaire, actorAnswers, volunteerAnswers };
}

/** Every document of the demo questionnaire: path → data (Dates, written by seedDemo). */
export async function demoQuestionnaireDocs(now: Date) {
  const networkName = demoNetworks.find((n) => n.slug === LANDKREIS)?.name ?? LANDKREIS;
  const { questionnaire, actorAnswers, volunteerAnswers } = demoQuestionnaire(now);
  const key = { networkId: LANDKREIS, questionnaireId: DEMO_QUESTIONNAIRE_ID };
  const docs: Array<{ path: string; data: object }> = [];
  const contributions: Array<[string, Contribution]> = [];
  const invitedAt = new Date(now.getTime() - 40 * DAY);

  // 21 actors of the Landkreis network and 7 volunteers: 28 invitations, 25 answers.
  const actors = demoActors
    .filter((a) => a.input.networkIds.includes(LANDKREIS) && a.input.status !== 'archived')
    .slice(0, 21);
  const people = [
    ...actors.map((a, i) => ({
      email: a.input.publicContact.email || `kontakt@${a.id}.example`,
      name: `Team ${a.input.name}`,
      source: 'contact' as const,
      actorId: a.id,
      actorName: a.input.name,
      kinds: a.input.kinds,
      fields: a.input.fieldsOfAction,
      answers: actorAnswers(i, a.input),
    })),
    ...volunteers.map((v, i) => ({
      email: `${v.name
        .toLowerCase()
        .normalize('NFD')
        .replace(/[^a-z]+/g, '.')}@mail.example`,
      name: v.name,
      source: 'subscriber' as const,
      actorId: null,
      actorName: v.organisation,
      kinds: [] as string[],
      fields: [] as string[],
      answers: volunteerAnswers(i),
    })),
  ];

  for (const [i, person] of people.entries()) {
    const invitationId = await invitationIdFor(person.email);
    // All but the last three answered; those opened the link, kept a draft, or did not react.
    const pending = i - (people.length - 3);
    const status = pending < 0 ? 'submitted' : (['opened', 'draft', 'invited'] as const)[pending]!;
    const submittedAt = new Date(now.getTime() - (35 - (i % 20)) * DAY);
    docs.push({
      path: paths.invitation(key.networkId, key.questionnaireId, invitationId),
      data: invitationSchema.parse({
        name: person.name,
        email: person.email,
        source: person.source,
        sourceRef: person.actorId ?? invitationId,
        actorId: person.actorId,
        actorName: person.actorName,
        actorKinds: person.kinds,
        actorFields: person.fields,
        status,
        invitedAt,
        mailingIds: [],
        reminders: i >= 18 ? 1 : 0,
        lastRemindedAt: i >= 18 ? questionnaire.autoReminderAt : null,
        openedAt: status === 'invited' ? null : new Date(submittedAt.getTime() - DAY),
        submittedAt: status === 'submitted' ? submittedAt : null,
      }),
    });
    if (status !== 'submitted') continue;
    const respondent: Respondent = {
      invitationId,
      name: person.name,
      actorId: person.actorId,
      actorName: person.actorName,
      kinds: [...person.kinds],
      fields: [...person.fields],
    };
    const contribution = contributionOf(questionnaire.sections, person.answers, respondent);
    contributions.push([invitationId, contribution]);
    docs.push({
      path: paths.response(key.networkId, key.questionnaireId, invitationId),
      data: responseSchema.parse({
        answers: person.answers,
        respondent,
        contribution,
        version: 1,
        pending: false,
        applied: contribution,
        appliedVersion: 1,
        submittedAt,
        updatedAt: submittedAt,
      }),
    });
  }

  const tally = tallyOf(contributions);
  const closedAt = new Date(now.getTime() - 13 * DAY);
  docs.push({
    path: paths.resultsSummary(key.networkId, key.questionnaireId),
    data: resultsSummarySchema.parse({
      ...tally,
      meta: {
        ...emptyMeta(),
        batches: 1,
        reads: contributions.length + 1,
        writes: 1,
        recountedAt: closedAt,
      },
      updatedAt: closedAt,
    }),
  });
  docs.push({
    path: paths.publicResults(key.networkId, key.questionnaireId),
    data: publicResultsOf(questionnaire, networkName, tally, closedAt),
  });
  docs.unshift({
    path: paths.questionnaire(key.networkId, key.questionnaireId),
    data: questionnaire,
  });
  return docs;
}
