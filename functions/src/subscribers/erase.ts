// Erasure (DSGVO Art. 17), by the person (preferences page) or by a coordinator on request: the
// subscriber, their personal links, RSVPs and delivery records go; only a salted hash of the
// address stays in the network's suppression list, so a later import cannot silently add it again
// (a new signup by the person themselves, confirmed by mail, lifts it).
import { FieldValue, type DocumentReference, type Firestore } from 'firebase-admin/firestore';
import { deliveryIdFor, eraseInputSchema, paths } from '@knotenpunkt/model';
import { fail, parseOrFail } from '../platform/errors.ts';
import type { SubscriberDeps } from './deps.ts';
import { suppressionPath } from './salt.ts';
import { deleteTokensOf, redeemToken } from './tokens.ts';

export type ErasureBy = 'subscriber' | 'coordinator';

/** Every document outside the subscriber that holds the address or answers. */
async function traces(db: Firestore, networkId: string, subscriberId: string, email: string) {
  const [meetings, mailings] = await Promise.all([
    db.collection(paths.meetings(networkId)).select().get(),
    db.collection(paths.mailings(networkId)).select().get(),
  ]);
  const refs: DocumentReference[] = meetings.docs.map((m) =>
    db.doc(paths.rsvp(networkId, m.id, subscriberId)),
  );
  for (const m of mailings.docs) {
    refs.push(db.doc(paths.delivery(networkId, m.id, await deliveryIdFor(m.id, email))));
  }
  return refs;
}

/** Erases one subscriber; false when there was none. Safe to run again after a crash. */
export async function eraseSubscriber(
  db: Firestore,
  networkId: string,
  subscriberId: string,
  by: ErasureBy,
): Promise<boolean> {
  const ref = db.doc(paths.subscriber(networkId, subscriberId));
  const snap = await ref.get();
  if (!snap.exists) return false;
  const email = String(snap.get('email'));
  const suppression = db.doc(await suppressionPath(db, networkId, email));
  const refs = await traces(db, networkId, subscriberId, email);
  for (let i = 0; i < refs.length; i += 400) {
    const batch = db.batch();
    for (const r of refs.slice(i, i + 400)) batch.delete(r);
    await batch.commit();
  }
  await deleteTokensOf(db, ref.path);
  // Last, together: the suppression entry and the subscriber (a crash before leaves both to redo).
  const batch = db.batch();
  batch.set(suppression, {
    reason: by === 'subscriber' ? 'erasure' : 'coordinator',
    createdAt: FieldValue.serverTimestamp(),
  });
  batch.delete(ref);
  await batch.commit();
  return true;
}

/** POST /api/subscribers/erase {token, confirm: true}: the person's own erasure. */
export async function handleErase(body: unknown, deps: SubscriberDeps) {
  const input = parseOrFail(eraseInputSchema, body);
  const link = await redeemToken(deps.db, input.token, ['preferences'], deps.now());
  const subscriberId = link.targetPath.split('/').at(-1) ?? '';
  const erased = await eraseSubscriber(deps.db, link.networkId, subscriberId, 'subscriber');
  if (!erased) fail('TOKEN_INVALID', { field: 'token' });
  return {
    ok: true,
    message:
      'Ihre Daten sind gelöscht. Nur ein nicht umkehrbarer Prüfwert Ihrer Adresse bleibt gespeichert, damit sie nicht ohne Ihre erneute Anmeldung wieder eingetragen wird.',
  };
}
