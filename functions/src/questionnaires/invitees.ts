// Who gets a questionnaire: contacts (with consent and an address) of the network's actors,
// filtered by kind, Handlungsfeld or a choice of actors; or confirmed subscribers of the
// distribution list (optionally with one of some interests). One invitation per address.
import { FieldValue, Timestamp, type Firestore } from 'firebase-admin/firestore';
import {
  MAILING_RECIPIENT_FILTERS,
  actorMatchesAudience,
  contactIsInvitable,
  invitationIdFor,
  paths,
  type Audience,
  type Invitation,
  type QuestionnaireRef,
} from '@knotenpunkt/model';
import { actorsAndContactsOf } from '../directory/networkEntries.ts';
import { refs } from './docs.ts';

export type Invitee = Pick<
  Invitation,
  'name' | 'email' | 'source' | 'sourceRef' | 'actorId' | 'actorName' | 'actorKinds' | 'actorFields'
>;

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

export async function resolveAudience(
  db: Firestore,
  networkId: string,
  audience: Audience,
): Promise<Invitee[]> {
  if (audience.type === 'subscribers') {
    let q = db.collection(paths.subscribers(networkId)) as FirebaseFirestore.Query;
    for (const [field, op, value] of MAILING_RECIPIENT_FILTERS) q = q.where(field, op, value);
    const snap = await q.get();
    return snap.docs
      .filter((d) => {
        const interests = strings(d.get('interests'));
        return (
          audience.interests.length === 0 || audience.interests.some((i) => interests.includes(i))
        );
      })
      .map((d) => ({
        name: String(d.get('name') ?? ''),
        email: String(d.get('email') ?? '').toLowerCase(),
        source: 'subscriber' as const,
        sourceRef: d.id,
        actorId: null,
        actorName: String(d.get('organisation') ?? ''),
        actorKinds: [],
        actorFields: [],
      }))
      .filter((i) => i.email.includes('@'));
  }
  const { actors, contacts } = await actorsAndContactsOf(db, networkId);
  const chosen = new Map(
    actors
      .filter((a) =>
        actorMatchesAudience(
          {
            id: a.id,
            status: String(a.get('status') ?? ''),
            kinds: strings(a.get('kinds')),
            fieldsOfAction: strings(a.get('fieldsOfAction')),
          },
          audience,
        ),
      )
      .map((a) => [a.id, a]),
  );
  const out: Invitee[] = [];
  for (const c of contacts) {
    const actor = chosen.get(String(c.get('actorId') ?? ''));
    const email = String(c.get('email') ?? '').toLowerCase();
    const consent = { given: c.get('consent.given') === true };
    if (!actor || !contactIsInvitable({ email, consent })) continue;
    out.push({
      name: String(c.get('name') ?? ''),
      email,
      source: 'contact',
      sourceRef: c.id,
      actorId: actor.id,
      actorName: String(actor.get('name') ?? ''),
      actorKinds: strings(actor.get('kinds')),
      actorFields: strings(actor.get('fieldsOfAction')),
    });
  }
  return out;
}

/**
 * Creates the missing invitations and adds the mailing to all of them (in batches of 400).
 * Returns the ids of the invitations the mailing carries.
 */
export async function recordInvitations(
  db: Firestore,
  key: QuestionnaireRef,
  invitees: Invitee[],
  mailingId: string,
  now: Date,
): Promise<string[]> {
  const r = refs(db, key);
  const unique = new Map<string, Invitee>();
  for (const i of invitees) unique.set(await invitationIdFor(i.email), i);
  const ids = [...unique.keys()];
  for (let start = 0; start < ids.length; start += 400) {
    const chunk = ids.slice(start, start + 400);
    const snaps = await db.getAll(...chunk.map((id) => r.invitation(id)));
    const batch = db.batch();
    snaps.forEach((snap, i) => {
      const id = chunk[i]!;
      if (snap.exists) {
        batch.update(snap.ref, { mailingIds: FieldValue.arrayUnion(mailingId) });
        return;
      }
      batch.create(snap.ref, {
        ...unique.get(id)!,
        status: 'invited',
        invitedAt: Timestamp.fromDate(now),
        mailingIds: [mailingId],
        reminders: 0,
        lastRemindedAt: null,
        openedAt: null,
        submittedAt: null,
      });
    });
    await batch.commit();
  }
  return ids;
}

/**
 * Invitations that have not submitted yet get the reminder mailing; those through the open link
 * have no address and are never reminded.
 */
export async function recordReminders(
  db: Firestore,
  key: QuestionnaireRef,
  mailingId: string,
  now: Date,
): Promise<number> {
  const r = refs(db, key);
  const snap = await r.invitations.where('status', 'in', ['invited', 'opened', 'draft']).get();
  const open = snap.docs.filter((d) => d.get('source') !== 'open');
  for (let start = 0; start < open.length; start += 400) {
    const batch = db.batch();
    for (const doc of open.slice(start, start + 400)) {
      batch.update(doc.ref, {
        mailingIds: FieldValue.arrayUnion(mailingId),
        reminders: FieldValue.increment(1),
        lastRemindedAt: Timestamp.fromDate(now),
      });
    }
    await batch.commit();
  }
  return open.length;
}
