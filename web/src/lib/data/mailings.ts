// Mailings (Versand) of one network: live list and progress, the delivery records that failed,
// the consenting contacts a mailing can go to, and the coordinator's writes (a draft, sending it
// off, pause, resume, cancel). The pipeline itself runs in functions/src/mailing.
import {
  addDoc,
  collection,
  deleteDoc,
  doc,
  limit,
  onSnapshot,
  orderBy,
  query,
  serverTimestamp,
  updateDoc,
  where,
} from 'firebase/firestore';
import {
  deliverySchema,
  initialMailingProgress,
  mailingSchema,
  ofNetwork,
  paths,
  type DeliveryWithId,
  type MailingContent,
  type MailingWithId,
} from '@knotenpunkt/model';
import { db } from '$lib/firebase/app';
import { requireUid } from './auth.ts';
import { listenLater, type Fail, type Next, type Unsubscribe } from './listen.ts';
import { parseDoc, parseDocs } from './parse.ts';
import { docData, queryDocs } from './snapshot.ts';

const LIST_LIMIT = 100;
const FAILED_LIMIT = 50;

/** The network's mailings, newest first. */
export function watchMailings(
  networkId: string,
  next: Next<MailingWithId[]>,
  fail: Fail,
): Unsubscribe {
  return listenLater(async () => {
    const q = query(
      collection(await db(), paths.mailings(networkId)),
      orderBy('createdAt', 'desc'),
      limit(LIST_LIMIT),
    );
    return onSnapshot(
      q,
      (snap) => next(parseDocs(mailingSchema, queryDocs(snap), (id, value) => ({ ...value, id }))),
      fail,
    );
  }, fail);
}

/** One mailing with its progress, live; null when it does not exist (any more). */
export function watchMailing(
  networkId: string,
  mailingId: string,
  next: Next<MailingWithId | null>,
  fail: Fail,
): Unsubscribe {
  return listenLater(async () => {
    const ref = doc(await db(), paths.mailing(networkId, mailingId));
    return onSnapshot(
      ref,
      (snap) => {
        if (!snap.exists()) return next(null);
        try {
          next({ ...parseDoc(mailingSchema, snap.ref.path, docData(snap)), id: snap.id });
        } catch (error) {
          fail(error);
        }
      },
      fail,
    );
  }, fail);
}

/** The deliveries the mail server refused for good, for the error list. */
export function watchFailedDeliveries(
  networkId: string,
  mailingId: string,
  next: Next<DeliveryWithId[]>,
  fail: Fail,
): Unsubscribe {
  return listenLater(async () => {
    const q = query(
      collection(await db(), paths.deliveries(networkId, mailingId)),
      where('status', 'in', ['failed', 'bounced']),
      limit(FAILED_LIMIT),
    );
    return onSnapshot(
      q,
      (snap) => next(parseDocs(deliverySchema, queryDocs(snap), (id, value) => ({ ...value, id }))),
      fail,
    );
  }, fail);
}

/**
 * How many of the network's contacts a mailing to "Kontakte" reaches: those who consented and
 * have an address (the same rule as the pipeline's contacts source).
 */
export function watchContactRecipientCount(
  networkId: string,
  next: Next<number>,
  fail: Fail,
): Unsubscribe {
  return listenLater(async () => {
    const q = query(collection(await db(), paths.contacts()), where(...ofNetwork(networkId)));
    return onSnapshot(
      q,
      (snap) =>
        next(
          snap.docs.filter((d) => d.get('consent.given') === true && Boolean(d.get('email')))
            .length,
        ),
      fail,
    );
  }, fail);
}

/**
 * Saves a mailing (`content` has passed mailingInputSchema) as a draft and, with `send`, sends it
 * off at once. Returns the new document's id.
 */
export async function createMailing(
  networkId: string,
  content: MailingContent,
  send: boolean,
): Promise<string> {
  const uid = await requireUid();
  const firestore = await db();
  const ref = await addDoc(collection(firestore, paths.mailings(networkId)), {
    ...content,
    status: 'draft',
    progress: initialMailingProgress(),
    createdAt: serverTimestamp(),
    updatedAt: serverTimestamp(),
    updatedBy: uid,
  });
  if (send) await setMailingStatus(networkId, ref.id, 'queued');
  return ref.id;
}

/** Send a draft or resume (queued), pause, or cancel: the rules allow what mailingStatus.ts lists. */
export async function setMailingStatus(
  networkId: string,
  mailingId: string,
  status: 'queued' | 'paused' | 'cancelled',
): Promise<void> {
  const uid = await requireUid();
  await updateDoc(doc(await db(), paths.mailing(networkId, mailingId)), {
    status,
    updatedAt: serverTimestamp(),
    updatedBy: uid,
  });
}

export async function deleteMailingDraft(networkId: string, mailingId: string): Promise<void> {
  await deleteDoc(doc(await db(), paths.mailing(networkId, mailingId)));
}
