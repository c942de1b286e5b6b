// What coordinators do to the list through functions (the rest they do under firestore.rules):
// add addresses (one or a CSV import) that then get an opt-in mail and stay pending until the
// person confirms, resend a confirmation, unsubscribe someone who asked, erase on request.
import type { DocumentData, DocumentSnapshot, Firestore } from 'firebase-admin/firestore';
import {
  currentConsentText,
  importSubscribersInputSchema,
  mailBudget,
  paths,
  subscriberIdFor,
  subscriberRefInputSchema,
  type ImportOutcome,
  type ImportResult,
} from '@knotenpunkt/model';
import type { Caller } from '../platform/access.ts';
import { fail, parseOrFail } from '../platform/errors.ts';
import { assertCoordinator } from './access.ts';
import { consentProof, ensureConsentTexts } from './consentTexts.ts';
import type { SubscriberDeps } from './deps.ts';
import { confirmationLinks, recordMailSent, sendSubscriberMail } from './deliver.ts';
import { eraseSubscriber } from './erase.ts';
import { confirmationMail } from './mails.ts';
import { loadNetwork } from './network.ts';
import { startOptInMailing } from './optInMailing.ts';
import { chosenPurposes, newConsent, toDates, unsubscribeChange } from './record.ts';
import { loadSalt, suppressionPathWith } from './salt.ts';
import { writeTokens } from './tokens.ts';

async function getAllChunked(db: Firestore, docPaths: string[]): Promise<DocumentSnapshot[]> {
  const out: DocumentSnapshot[] = [];
  for (let i = 0; i < docPaths.length; i += 300) {
    const refs = docPaths.slice(i, i + 300).map((p) => db.doc(p));
    out.push(...(await db.getAll(...refs)));
  }
  return out;
}

function outcomeOf(existing: DocumentSnapshot, suppressed: boolean): ImportOutcome | null {
  if (suppressed && !existing.exists) return 'suppressed';
  if (!existing.exists) return null;
  switch (existing.get('status')) {
    case 'pending':
      return 'pending';
    case 'confirmed':
      return 'subscribed';
    case 'bounced':
      return 'bounced';
    default:
      return 'refused';
  }
}

/**
 * Adds addresses as pending, each with a consent record of the coordinator's form and the note
 * where they came from, then starts one opt-in mailing through the pipeline for those added.
 * Known, unsubscribed and erased (suppressed) addresses are reported, never changed.
 */
export async function handleImportSubscribers(
  data: unknown,
  caller: Caller | undefined,
  deps: SubscriberDeps,
): Promise<ImportResult> {
  const input = parseOrFail(importSubscribersInputSchema, data);
  const { db } = deps;
  const coordinator = await assertCoordinator(db, caller, input.networkId);
  const network = await loadNetwork(db, input.networkId);
  const seen = new Map<string, number>();
  input.rows.forEach((row, i) => {
    if (seen.has(row.email)) {
      const field = `rows.${i}.email`;
      const message = `Diese Adresse steht schon in Zeile ${(seen.get(row.email) ?? 0) + 1}.`;
      fail('INVALID_ARGUMENT', { field, fields: { [field]: message } });
    }
    seen.set(row.email, i);
  });
  const now = deps.now();
  await ensureConsentTexts(db, now);
  const text = currentConsentText('invitations');
  const proof = (await consentProof('invitations', text.version))!;
  const note = [
    `Eingetragen von ${coordinator.email ?? coordinator.uid}`,
    input.source ? `Herkunft: ${input.source}` : '',
  ]
    .filter(Boolean)
    .join('. ');

  const ids = await Promise.all(input.rows.map((r) => subscriberIdFor(r.email)));
  const salt = await loadSalt(db);
  const suppressionPaths = input.rows.map((r) => suppressionPathWith(salt, network.id, r.email));
  const [existing, suppressed] = await Promise.all([
    getAllChunked(
      db,
      ids.map((id) => paths.subscriber(network.id, id)),
    ),
    getAllChunked(db, suppressionPaths),
  ]);
  const importId = db.collection(paths.mailings(network.id)).doc().id;
  const outcomes: ImportOutcome[] = input.rows.map(
    (_, i) => outcomeOf(existing[i]!, suppressed[i]!.exists) ?? 'added',
  );

  const writer = db.bulkWriter();
  writer.onWriteError(() => false); // an address created meanwhile stays as it is
  const writes = input.rows.map(async (row, i) => {
    if (outcomes[i] !== 'added') return;
    try {
      await writer.create(db.doc(paths.subscriber(network.id, ids[i]!)), {
        ...row,
        status: 'pending',
        purposes: { invitations: true, volunteer: false },
        consents: {
          invitations: newConsent(input.kind, proof, now, false, note),
          volunteer: null,
        },
        volunteer: null,
        contactNote: null,
        importId,
        requestedAt: now,
        mailsSentAt: [],
        unsubscribedAt: null,
        bouncedAt: null,
        createdAt: now,
        updatedAt: now,
      } satisfies DocumentData);
    } catch {
      outcomes[i] = 'pending';
    }
  });
  await writer.close();
  await Promise.all(writes);

  const added = outcomes.filter((o) => o === 'added').length;
  const mailingId =
    added > 0 ? await startOptInMailing(db, network.id, importId, coordinator.uid, now) : null;
  return { importId, mailingId, outcomes };
}

/** Another confirmation mail for one pending address (at most MAILS_PER_DAY_MAX a day). */
export async function handleResendConfirmation(
  data: unknown,
  caller: Caller | undefined,
  deps: SubscriberDeps,
) {
  const input = parseOrFail(subscriberRefInputSchema, data);
  const { db } = deps;
  await assertCoordinator(db, caller, input.networkId);
  const network = await loadNetwork(db, input.networkId);
  const ref = db.doc(paths.subscriber(input.networkId, input.subscriberId));
  const now = deps.now();
  const plan = await db.runTransaction(async (tx) => {
    const data: DocumentData | undefined = (await tx.get(ref)).data();
    if (!data) fail('SUBSCRIBER_NOT_FOUND', { field: 'subscriberId' });
    if (data.status !== 'pending') fail('SUBSCRIBER_NOT_PENDING', { field: 'subscriberId' });
    const budget = mailBudget(toDates(data.mailsSentAt), now);
    if (!budget.allowed) fail('MAIL_LIMIT_REACHED', { field: 'subscriberId' });
    const links = confirmationLinks(deps, input.networkId, ref.path, now);
    writeTokens(tx, links.tokens);
    tx.update(ref, { mailsSentAt: [...budget.recent, now], updatedAt: now });
    return { links, data };
  });
  const purposes = chosenPurposes(plan.data.purposes);
  const mail = confirmationMail({
    networkName: network.name,
    purposes,
    confirmUrl: plan.links.confirmUrl,
    preferencesUrl: plan.links.preferencesUrl,
    byCoordinator: plan.data.importId !== null,
    name: String(plan.data.name ?? ''),
  });
  await sendSubscriberMail(
    deps,
    String(plan.data.email),
    mail,
    plan.links.oneClickUrl,
    network.name,
  );
  await recordMailSent(db, ref, purposes, deps.now());
  return { sent: true };
}

/** Someone asked the coordinator (by phone, by letter) to be taken off the list. */
export async function handleUnsubscribeSubscriber(
  data: unknown,
  caller: Caller | undefined,
  deps: SubscriberDeps,
) {
  const input = parseOrFail(subscriberRefInputSchema, data);
  const { db } = deps;
  await assertCoordinator(db, caller, input.networkId);
  const ref = db.doc(paths.subscriber(input.networkId, input.subscriberId));
  const now = deps.now();
  await db.runTransaction(async (tx) => {
    const data: DocumentData | undefined = (await tx.get(ref)).data();
    if (!data) fail('SUBSCRIBER_NOT_FOUND', { field: 'subscriberId' });
    if (data.status !== 'unsubscribed') tx.update(ref, unsubscribeChange(data, now));
  });
  return { unsubscribed: true };
}

/** Erasure on request (DSGVO Art. 17), keeping only the salted hash in the suppression list. */
export async function handleEraseSubscriber(
  data: unknown,
  caller: Caller | undefined,
  deps: SubscriberDeps,
) {
  const input = parseOrFail(subscriberRefInputSchema, data);
  await assertCoordinator(deps.db, caller, input.networkId);
  const erased = await eraseSubscriber(deps.db, input.networkId, input.subscriberId, 'coordinator');
  if (!erased) fail('SUBSCRIBER_NOT_FOUND', { field: 'subscriberId' });
  return { erased: true };
}
