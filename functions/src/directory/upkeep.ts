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
  ofNetwork,
  paths,
  startUpkeepRoundInputSchema,
  upkeepEntrySchema,
  type UpkeepEntry,
} from '@knotenpunkt/model';
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

interface Asked {
  actorId: string;
  entry: UpkeepEntry;
}

/** Whom to ask for each published actor of the network; actors nobody can be asked for. */
export async function upkeepRecipients(db: Firestore, networkId: string) {
  const [actors, contacts] = await Promise.all([
    db
      .collection(paths.actors())
      .where(...ofNetwork(networkId))
      .get(),
    db
      .collection(paths.contacts())
      .where(...ofNetwork(networkId))
      .get(),
  ]);
  const contactOf = new Map<string, FirebaseFirestore.QueryDocumentSnapshot>();
  for (const c of [...contacts.docs].sort((a, b) => a.id.localeCompare(b.id))) {
    const actorId = text(c.get('actorId'));
    if (!actorId || contactOf.has(actorId)) continue;
    if (c.get('consent.given') === true && text(c.get('email')).includes('@')) {
      contactOf.set(actorId, c);
    }
  }
  const asked: Asked[] = [];
  const unreachable: { id: string; name: string }[] = [];
  for (const actor of actors.docs) {
    if (actor.get('status') !== 'published') continue;
    const name = text(actor.get('name'));
    const contact = contactOf.get(actor.id);
    const publicEmail = text(actor.get('publicContact.email'));
    const address = contact ? text(contact.get('email')) : publicEmail;
    const parsed = upkeepEntrySchema.safeParse({
      actorName: name,
      name: contact ? text(contact.get('name')) : '',
      email: address,
      contactId: contact?.id ?? null,
      status: 'open',
      respondedAt: null,
      proposalId: null,
    });
    if (parsed.success) asked.push({ actorId: actor.id, entry: parsed.data });
    else unreachable.push({ id: actor.id, name });
  }
  return { asked, unreachable };
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
