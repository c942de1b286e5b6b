// Sends one transactional mail to a subscriber through the project's mail module, with the
// one-click unsubscribe headers every subscriber mail carries (List-Unsubscribe with
// List-Unsubscribe-Post, added by the transport), and records when it went out.
import type { DocumentReference, Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import type { ConsentPurpose } from '@knotenpunkt/model';
import { fail } from '../platform/errors.ts';
import type { SubscriberDeps } from './deps.ts';
import { issueToken, type IssuedToken } from './tokens.ts';
import { confirmUrl, oneClickUnsubscribeUrl, preferencesUrl } from './links.ts';
import type { SubscriberMail } from './mails.ts';
import { consentsOf } from './record.ts';

/** The tokens and URLs of a confirmation mail (written by the caller's transaction). */
export function confirmationLinks(
  deps: Pick<SubscriberDeps, 'db' | 'baseUrl'>,
  networkId: string,
  target: string,
  now: Date,
) {
  const confirm = issueToken(deps.db, 'confirmSubscription', networkId, target, now);
  const prefs = issueToken(deps.db, 'preferences', networkId, target, now);
  return {
    tokens: [confirm, prefs] as IssuedToken[],
    confirmUrl: confirmUrl(deps.baseUrl, networkId, confirm.token),
    preferencesUrl: preferencesUrl(deps.baseUrl, networkId, prefs.token),
    oneClickUrl: oneClickUnsubscribeUrl(deps.baseUrl, prefs.token),
  };
}

/** The token and URLs of a mail that only links the preferences page. */
export function preferencesLinks(
  deps: Pick<SubscriberDeps, 'db' | 'baseUrl'>,
  networkId: string,
  target: string,
  now: Date,
) {
  const prefs = issueToken(deps.db, 'preferences', networkId, target, now);
  return {
    tokens: [prefs] as IssuedToken[],
    preferencesUrl: preferencesUrl(deps.baseUrl, networkId, prefs.token),
    oneClickUrl: oneClickUnsubscribeUrl(deps.baseUrl, prefs.token),
  };
}

/** One mail to a subscriber, from the network's name, with RFC 8058 one-click unsubscribe. */
export async function sendSubscriberMail(
  deps: Pick<SubscriberDeps, 'mailer'>,
  to: string,
  mail: SubscriberMail,
  oneClickUrl: string,
  networkName: string,
): Promise<void> {
  const mailer = deps.mailer();
  try {
    await mailer.send({ to, ...mail, fromName: networkName, unsubscribeUrl: oneClickUrl });
  } catch (error) {
    logger.error('subscriber mail failed', error);
    fail('MAIL_FAILED');
  } finally {
    mailer.close();
  }
}

/**
 * Stamps mailSentAt on the unconfirmed consent records; with `requestedAt`, only on those of that
 * request (a newer signup in the meantime has its own records and its own mail).
 */
export async function recordMailSent(
  db: Firestore,
  ref: DocumentReference,
  purposes: readonly ConsentPurpose[],
  sentAt: Date,
  requestedAt?: Date,
): Promise<void> {
  await db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (!snap.exists) return;
    const consents = consentsOf(snap.data() ?? {});
    const update: Record<string, Date> = {};
    for (const purpose of purposes) {
      const record = consents[purpose];
      if (!record || record.confirmedAt || record.withdrawnAt) continue;
      if (requestedAt && record.requestedAt?.getTime() !== requestedAt.getTime()) continue;
      update[`consents.${purpose}.mailSentAt`] = sentAt;
    }
    if (Object.keys(update).length > 0) tx.update(ref, update);
  });
}
