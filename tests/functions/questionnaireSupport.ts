// A questionnaire of the demo network with invitations and personal links, written the way the
// functions do, and the answering routes called over HTTP like the answering page does.
import { Timestamp } from 'firebase-admin/firestore';
import {
  invitationIdFor,
  needsAndResourcesTemplate,
  paths,
  questionnaireInputSchema,
  questionnaireSchema,
  questionsOf,
  tallyFromSummary,
  resultsSummarySchema,
  type QuestionnaireInput,
  type QuestionnaireRef,
  type Tally,
} from '@knotenpunkt/model';
import { toDates, toTimestamps } from '../../functions/src/questionnaires/docs.ts';
import { issueLink } from '../../functions/src/questionnaires/links.ts';
import { adminDb } from '../support/admin.ts';
import { APP_URL } from '../support/env.ts';

export const NETWORK = 'landkreis-rheinwald';
const FIELDS = ['Bildung und Sprache (Kita und Schule)', 'Wohnen', 'Gesundheit'];
let counter = 0;

export interface Setup {
  key: QuestionnaireRef;
  tokens: string[];
  invitationIds: string[];
}

/** An open questionnaire from the template with `people` invited actors and their links. */
export async function openQuestionnaire(
  over: Partial<QuestionnaireInput> = {},
  people = 3,
): Promise<Setup> {
  const questionnaireId = `fb-${Date.now().toString(36)}-${++counter}`;
  const key = { networkId: NETWORK, questionnaireId };
  const now = new Date();
  const q = questionnaireSchema.parse({
    ...questionnaireInputSchema.parse({
      ...needsAndResourcesTemplate(FIELDS),
      status: 'open',
      deadline: new Date(now.getTime() + 7 * 86_400_000),
      ...over,
    }),
    autoReminderAt: null,
    createdAt: now,
    updatedAt: now,
    updatedBy: 'test',
  });
  await adminDb.doc(paths.questionnaire(NETWORK, questionnaireId)).set(toTimestamps(q));
  const tokens: string[] = [];
  const invitationIds: string[] = [];
  for (let i = 0; i < people; i++) {
    const email = `person-${i}@${questionnaireId}.example`;
    const invitationId = await invitationIdFor(email);
    await adminDb.doc(paths.invitation(NETWORK, questionnaireId, invitationId)).set({
      name: `Person ${i}`,
      email,
      source: 'contact',
      sourceRef: `kontakt-${i}`,
      actorId: `akteur-${i}`,
      actorName: `Akteur ${i}`,
      actorKinds: [i % 2 ? 'Verein' : 'Kita'],
      actorFields: ['Wohnen'],
      status: 'invited',
      invitedAt: Timestamp.fromDate(now),
      mailingIds: [],
      reminders: 0,
      lastRemindedAt: null,
      openedAt: null,
      submittedAt: null,
    });
    tokens.push(await issueLink(adminDb, { ...key, invitationId }, q.deadline, now));
    invitationIds.push(invitationId);
  }
  return { key, tokens, invitationIds };
}

export interface ApiAnswer {
  status: number;
  body: Record<string, unknown> & {
    message?: string;
    field?: string;
    fields?: Record<string, string>;
  };
}

export async function api(
  route: 'laden' | 'entwurf' | 'absenden',
  body: unknown,
): Promise<ApiAnswer> {
  const res = await fetch(`${APP_URL}/api/fragebogen/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as ApiAnswer['body'] };
}

const template = questionnaireInputSchema.parse(needsAndResourcesTemplate(FIELDS));
const question = (id: string) => questionsOf(template).find((q) => q.id === id)!;
const optionIds = (id: string) => question(id).options.map((o) => o.id);
const rowIds = (id: string) => question(id).rows.map((r) => r.id);
const pick = (id: string, ...labels: string[]) =>
  labels.map((l) => question(id).options.find((o) => o.label === l)!.id);

/** Answers to the template that pass a submission; `i` varies them. */
export function answersFor(i: number) {
  const [info, meetings] = rowIds('zusammenarbeit');
  return {
    handlungsfelder: { options: [optionIds('handlungsfelder')[i % 3]!], other: '' },
    reichweite: 10 * (i % 7),
    bedarf: {
      options:
        i % 2
          ? pick('bedarf', 'Ehrenamtliche', 'Räume')
          : pick('bedarf', 'Dolmetschen und Sprachmittlung'),
      other: i % 5 === 0 ? `Busfahrten ${i}` : '',
    },
    'bedarf-sprachen': { options: i % 2 ? [] : pick('bedarf-sprachen', 'Arabisch'), other: '' },
    angebot: {
      options:
        i % 3 === 0
          ? pick('angebot', 'Dolmetschen und Sprachmittlung')
          : pick('angebot', 'Fachwissen'),
      other: '',
    },
    'angebot-sprachen': {
      options: i % 3 === 0 ? pick('angebot-sprachen', 'Arabisch', 'Tigrinya') : [],
      other: '',
    },
    vernetzt: 1 + (i % 5),
    zusammenarbeit: { [info!]: 1 + (i % 5), [meetings!]: 5 - (i % 5) },
    treffen: { options: [optionIds('treffen')[i % 3]!], other: '' },
    thema: `Thema ${i}`,
  };
}

export async function responseDocs(key: QuestionnaireRef) {
  return (await adminDb.collection(paths.responses(key.networkId, key.questionnaireId)).get()).docs;
}

export async function summaryTally(key: QuestionnaireRef): Promise<Tally | null> {
  const snap = await adminDb.doc(paths.resultsSummary(key.networkId, key.questionnaireId)).get();
  return snap.exists ? tallyFromSummary(resultsSummarySchema.parse(toDates(snap.data()))) : null;
}

export async function pendingCount(key: QuestionnaireRef): Promise<number> {
  const snap = await adminDb
    .collection(paths.responses(key.networkId, key.questionnaireId))
    .where('pending', '==', true)
    .count()
    .get();
  return snap.data().count;
}
