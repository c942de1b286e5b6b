// "Ist Ihr Eintrag noch aktuell?": a coordinator starts an upkeep round. Each published actor of
// the network is asked once, through one contact: the first who consented and has an address,
// else the organisation's public address. The round's entries are written first, then a queued
// mailing of the one pipeline whose recipient source `upkeep` (upkeepSource.ts) pages through them
// and makes each personal link when the mail goes out.
import { Timestamp, type Firestore } from 'firebase-admin/firestore';
import {
  DEFAULT_MAILING_SETTINGS,
  fieldErrors,
  initialMailingProgress,
  mailingInputSchema,
  paths,
  chooseUpkeepRecipients,
  startUpkeepRoundInputSchema,
} from '@knotenpunkt/model';
import { actorsAndContactsOf } from './networkEntries.ts';
import type { Caller } from '../platform/access.ts';
import { assert, fail, parseOrFail } from '../platform/errors.ts';

export interface UpkeepDeps {
  db: Firestore;
  now?: () => Date;
}

async function assertCoordinator(db: Firestore, caller: Caller | undefined, networkId: string) {
  assert(caller, 'UNAUTHENTICATED');
  const member = await db.doc(paths.member(networkId, caller.uid)).get();
  assert(member.exists, 'NOT_COORDINATOR');
  return caller;
}

/** The mail as the pipeline will check it (the `upkeep` source's placeholders). */
function assertMail(subject: string, body: string) {
  const result = mailingInputSchema.safeParse({
    purpose: 'upkeep',
    subject,
    bodyText: body,
    recipients: { source: 'upkeep', roundId: 'check' },
  });
  if (result.success) return;
  const fields = Object.fromEntries(
    Object.entries(fieldErrors(result.error)).map(([k, v]) => [k === 'bodyText' ? 'body' : k, v]),
  );
  fail('INVALID_ARGUMENT', { field: Object.keys(fields)[0] ?? '_', fields });
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** Whom to ask for each published actor of the network; actors nobody can be asked for. */
export async function upkeepRecipients(db: Firestore, networkId: string) {
  const { actors, contacts } = await actorsAndContactsOf(db, networkId);
  return chooseUpkeepRecipients(
    actors.map((a) => ({
      id: a.id,
      name: text(a.get('name')),
      status: text(a.get('status')),
      publicContact: { email: text(a.get('publicContact.email')) },
    })),
    contacts.map((c) => ({
      id: c.id,
      actorId: text(c.get('actorId')) || null,
      name: text(c.get('name')),
      email: text(c.get('email')),
      consent: { given: c.get('consent.given') === true },
    })),
  );
}

export async function handleStartUpkeepRound(
  data: unknown,
  caller: Caller | undefined,
  deps: UpkeepDeps,
) {
  const input = parseOrFail(startUpkeepRoundInputSchema, data);
  assertMail(input.subject, input.body);
  const who = await assertCoordinator(deps.db, caller, input.networkId);
  const { asked, unreachable } = await upkeepRecipients(deps.db, input.networkId);
  if (asked.length === 0) {
    fail('INVALID_ARGUMENT', {
      field: 'networkId',
      fields: {
        networkId:
          'Kein veröffentlichter Akteur des Netzwerks hat eine Kontaktperson mit Einwilligung oder eine öffentliche E-Mail-Adresse.',
      },
    });
  }
  const now = Timestamp.fromDate(deps.now?.() ?? new Date());
  // The round and its mailing share one id.
  const roundId = deps.db.collection(paths.mailings(input.networkId)).doc().id;
  for (let start = 0; start < asked.length; start += 400) {
    const batch = deps.db.batch();
    for (const { actorId, entry } of asked.slice(start, start + 400)) {
      batch.set(deps.db.doc(paths.upkeepEntry(input.networkId, roundId, actorId)), entry);
    }
    await batch.commit();
  }
  await deps.db.doc(paths.upkeepRound(input.networkId, roundId)).set({
    mailingId: roundId,
    actors: asked.length,
    unreachable: unreachable.slice(0, 1000),
    createdAt: now,
    createdBy: who.uid,
  });
  // Last: the pipeline starts as soon as the mailing exists, and its source reads the entries.
  await deps.db.doc(paths.mailing(input.networkId, roundId)).create({
    purpose: 'upkeep',
    meetingId: null,
    subject: input.subject,
    bodyText: input.body,
    bodyHtml: '',
    attachments: [],
    recipients: { source: 'upkeep', roundId },
    settings: DEFAULT_MAILING_SETTINGS,
    status: 'queued',
    progress: initialMailingProgress(),
    createdAt: now,
    updatedAt: now,
    updatedBy: who.uid,
  });
  return { roundId, mailingId: roundId, actors: asked.length, unreachable: unreachable.length };
}
