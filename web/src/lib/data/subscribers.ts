// The coordinators' side of the distribution list: the live list of a network's subscribers and
// what coordinators may change under firestore.rules (names, interests, the note on volunteers,
// "undeliverable"), plus the callables for what needs the functions: adding addresses (opt-in
// mail through the pipeline), resending a confirmation, unsubscribing on request, erasure.
import {
  doc,
  getDoc,
  onSnapshot,
  collection,
  serverTimestamp,
  updateDoc,
} from 'firebase/firestore';
import { httpsCallable } from 'firebase/functions';
import {
  consentTextPath,
  consentTextSchema,
  paths,
  subscriberSchema,
  type ConsentPurpose,
  type ConsentText,
  type ImportResult,
  type ImportSubscribersInput,
  type SubscriberWithId,
} from '@knotenpunkt/model';
import { db, functions } from '$lib/firebase/app';
import { requireUid } from './auth.ts';
import { listenLater, type Fail, type Next, type Unsubscribe } from './listen.ts';
import { parseDoc, parseDocs } from './parse.ts';
import { docData, queryDocs } from './snapshot.ts';

/** Every subscriber of the network (any status), by address. */
export function watchSubscribers(
  networkId: string,
  next: Next<SubscriberWithId[]>,
  fail: Fail,
): Unsubscribe {
  return listenLater(async () => {
    const ref = collection(await db(), paths.subscribers(networkId));
    return onSnapshot(
      ref,
      (snap) => {
        const list = parseDocs(subscriberSchema, queryDocs(snap), (id, value) => ({
          ...value,
          id,
        }));
        next(list.sort((a, b) => a.email.localeCompare(b.email, 'de')));
      },
      fail,
    );
  }, fail);
}

/** One subscriber; null once erased. */
export function watchSubscriber(
  networkId: string,
  id: string,
  next: Next<SubscriberWithId | null>,
  fail: Fail,
): Unsubscribe {
  return listenLater(async () => {
    const path = paths.subscriber(networkId, id);
    return onSnapshot(
      doc(await db(), path),
      (snap) => {
        try {
          next(snap.exists() ? { ...parseDoc(subscriberSchema, path, docData(snap)), id } : null);
        } catch (error) {
          fail(error);
        }
      },
      fail,
    );
  }, fail);
}

/** A stored consent text version (readable by anyone). */
export async function loadConsentText(
  purpose: ConsentPurpose,
  version: string,
): Promise<ConsentText | null> {
  const path = consentTextPath(purpose, version);
  const snap = await getDoc(doc(await db(), path));
  return snap.exists() ? parseDoc(consentTextSchema, path, docData(snap)) : null;
}

/** `fields` passed subscriberInputSchema's name/organisation/interests in the form. */
export async function updateSubscriberDetails(
  networkId: string,
  id: string,
  fields: { name: string; organisation: string; interests: string[] },
): Promise<void> {
  await updateDoc(doc(await db(), paths.subscriber(networkId, id)), {
    ...fields,
    updatedAt: serverTimestamp(),
  });
}

/** The coordinators' "contacted" note on a volunteer, stamped with time and author. */
export async function saveContactNote(
  networkId: string,
  id: string,
  note: { contacted: boolean; note: string },
): Promise<void> {
  const uid = await requireUid();
  await updateDoc(doc(await db(), paths.subscriber(networkId, id)), {
    contactNote: { ...note, updatedAt: serverTimestamp(), updatedBy: uid },
    updatedAt: serverTimestamp(),
  });
}

/** A mail to a confirmed address came back as undeliverable. */
export async function markBounced(networkId: string, id: string): Promise<void> {
  await updateDoc(doc(await db(), paths.subscriber(networkId, id)), {
    status: 'bounced',
    bouncedAt: serverTimestamp(),
    updatedAt: serverTimestamp(),
  });
}

async function call<I, O>(name: string, input: I): Promise<O> {
  const callable = httpsCallable<I, O>(await functions(), name);
  return (await callable(input)).data;
}

/** Adds one address or a CSV import; each new address gets an opt-in mail through the pipeline. */
export const importSubscribers = (input: ImportSubscribersInput) =>
  call<ImportSubscribersInput, ImportResult>('importSubscribers', input);

export const resendConfirmation = (networkId: string, subscriberId: string) =>
  call<{ networkId: string; subscriberId: string }, { sent: boolean }>('resendConfirmation', {
    networkId,
    subscriberId,
  });

export const unsubscribeSubscriber = (networkId: string, subscriberId: string) =>
  call('unsubscribeSubscriber', { networkId, subscriberId });

export const eraseSubscriber = (networkId: string, subscriberId: string) =>
  call('eraseSubscriber', { networkId, subscriberId });

export interface OptInProgress {
  status: string;
  total: number;
  sent: number;
  failed: number;
  bounced: number;
  /** All recipients planned: `total` is final. */
  planned: boolean;
}

/** The progress of an import's opt-in mailing (the pipeline keeps it on the mailing document). */
export function watchOptInMailing(
  networkId: string,
  mailingId: string,
  next: Next<OptInProgress | null>,
  fail: Fail,
): Unsubscribe {
  return listenLater(async () => {
    return onSnapshot(
      doc(await db(), paths.mailing(networkId, mailingId)),
      (snap) => {
        const data = snap.data() as
          { status?: unknown; progress?: Record<string, unknown> } | undefined;
        if (!data) return next(null);
        const n = (key: string) => Number(data.progress?.[key] ?? 0) || 0;
        next({
          status: String(data.status ?? ''),
          total: n('total'),
          sent: n('sent'),
          failed: n('failed'),
          bounced: n('bounced'),
          planned: data.progress?.planned === true,
        });
      },
      fail,
    );
  }, fail);
}
