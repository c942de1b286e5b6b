// One-click unsubscribe (RFC 8058): POST /api/subscribers/unsubscribe?token=… with the body
// "List-Unsubscribe=One-Click" (mail programs) or {"token"} (the preferences page) takes the
// address off the list at once. A GET (someone opening the URL) changes nothing and leads to the
// preferences page. Unsubscribing twice answers the same.
import type { DocumentData } from 'firebase-admin/firestore';
import { tokenInputSchema, tokenValue } from '@knotenpunkt/model';
import { fail, parseOrFail } from '../platform/errors.ts';
import type { SubscriberDeps } from './deps.ts';
import { preferencesUrl } from './links.ts';
import { unsubscribeChange } from './record.ts';
import { hashToken, redeemToken } from './tokens.ts';

export const UNSUBSCRIBED = {
  ok: true,
  message:
    'Sie sind abgemeldet und erhalten keine Mails des Netzwerks mehr. Ihre Einwilligungen sind widerrufen.',
} as const;

/** The token from the query (List-Unsubscribe URL) or from a JSON body (the page). */
export function unsubscribeToken(query: unknown, body: unknown): unknown {
  const fromQuery = (query as { token?: unknown } | undefined)?.token;
  if (typeof fromQuery === 'string') return { token: fromQuery };
  if (body && typeof body === 'object' && 'token' in body) {
    return { token: (body as { token: unknown }).token };
  }
  return {};
}

export async function handleUnsubscribe(input: unknown, deps: SubscriberDeps) {
  const { token } = parseOrFail(tokenInputSchema, input);
  const now = deps.now();
  const { db } = deps;
  await db.runTransaction(async (tx) => {
    const link = await redeemToken(db, token, ['unsubscribe', 'preferences'], now, tx);
    const ref = db.doc(link.targetPath);
    const data: DocumentData | undefined = (await tx.get(ref)).data();
    if (!data) fail('TOKEN_INVALID', { field: 'token' });
    if (data.status === 'unsubscribed') return;
    tx.update(ref, unsubscribeChange(data, now));
  });
  return UNSUBSCRIBED;
}

/** Where a person who opened the unsubscribe URL in a browser is sent (nothing changes). */
export async function unsubscribePage(query: unknown, deps: SubscriberDeps): Promise<string> {
  const token = (query as { token?: unknown } | undefined)?.token;
  if (tokenValue.safeParse(token).success) {
    const snap = await deps.db.doc(`tokens/${hashToken(String(token))}`).get();
    const networkId = snap.get('networkId');
    if (typeof networkId === 'string')
      return preferencesUrl(deps.baseUrl, networkId, String(token));
  }
  return `${deps.baseUrl.replace(/\/+$/, '')}/`;
}
