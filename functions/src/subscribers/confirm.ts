// Double opt-in, second step (POST /api/subscribers/confirm): the confirmation page posts the
// token from the link as soon as a person opens it. A scanner that only fetches the page URL
// never reaches this (the token sits in the URL fragment), and GET is not a route at all.
import type { DocumentData } from 'firebase-admin/firestore';
import { CONSENT_PURPOSES, deliveryIdFor, paths, tokenInputSchema } from '@knotenpunkt/model';
import { fail, parseOrFail } from '../platform/errors.ts';
import type { SubscriberDeps } from './deps.ts';
import { preferencesLinks } from './deliver.ts';
import { consentsOf, toDate } from './record.ts';
import { suppressionPath } from './salt.ts';
import { redeemToken, writeTokens } from './tokens.ts';

export interface ConfirmAnswer {
  ok: true;
  networkId: string;
  networkName: string;
  /** For the page to go on to the preferences without another mail. */
  preferencesToken: string;
  alreadyConfirmed: boolean;
}

export async function handleConfirm(body: unknown, deps: SubscriberDeps): Promise<ConfirmAnswer> {
  const { token } = parseOrFail(tokenInputSchema, body);
  const now = deps.now();
  const { db } = deps;
  const result = await db.runTransaction(async (tx) => {
    const link = await redeemToken(db, token, ['confirmSubscription'], now, tx);
    const ref = db.doc(link.targetPath);
    const snap = await tx.get(ref);
    const data: DocumentData | undefined = snap.data();
    if (!data) fail('TOKEN_INVALID', { field: 'token' });
    const status = String(data.status);
    // A link of an earlier request after the person unsubscribed is no consent to come back.
    if (status !== 'pending' && status !== 'confirmed') fail('TOKEN_INVALID', { field: 'token' });
    const email = String(data.email);
    const suppression = await suppressionPath(db, link.networkId, email);
    // Opt-in mails of an import went through the pipeline: its delivery says when.
    const importId = typeof data.importId === 'string' ? data.importId : null;
    const delivery = importId
      ? await tx.get(
          db.doc(paths.delivery(link.networkId, importId, await deliveryIdFor(importId, email))),
        )
      : null;
    const prefs = preferencesLinks(deps, link.networkId, ref.path, now);
    writeTokens(tx, prefs.tokens);
    if (!link.usedAt) tx.update(link.ref, { usedAt: now });
    if (status === 'confirmed') return { networkId: link.networkId, prefs, already: true };

    const consents = consentsOf(data);
    for (const purpose of CONSENT_PURPOSES) {
      const record = consents[purpose];
      if (!record || record.confirmedAt || record.withdrawnAt) continue;
      consents[purpose] = {
        ...record,
        mailSentAt: record.mailSentAt ?? toDate(delivery?.get('sentAt')),
        confirmedAt: now,
      };
    }
    tx.update(ref, { status: 'confirmed', consents, updatedAt: now });
    // The person's own new consent lifts an earlier erasure's block on imports.
    tx.delete(db.doc(suppression));
    return { networkId: link.networkId, prefs, already: false };
  });
  const network = await db.doc(paths.network(result.networkId)).get();
  return {
    ok: true,
    networkId: result.networkId,
    networkName: String(network.get('name') ?? result.networkId),
    preferencesToken: result.prefs.tokens[0]!.token,
    alreadyConfirmed: result.already,
  };
}
