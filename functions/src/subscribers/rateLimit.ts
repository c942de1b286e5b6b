// A per-client limit for the public signup, without a third-party captcha: one counter document
// per client and window under rateLimits/{id}. The id is a salted hash (salt.ts), so neither the
// id nor the document names or reveals the client's address; a Firestore TTL policy on
// expiresAt (firestore.indexes.json) deletes counters whose window has ended. The client's address comes from the directory's clientAddress (the
// address Firebase Hosting's CDN saw).
import { Timestamp, type Firestore } from 'firebase-admin/firestore';
import { paths } from '@knotenpunkt/model';
import { loadSalt, saltedHash } from './salt.ts';

export { clientAddress } from '../directory/rateLimit.ts';

export interface RateLimit {
  scope: string;
  max: number;
  windowMs: number;
}

/** Counts one request; false when the client has used up the window's allowance. */
export async function allowRequest(
  db: Firestore,
  limit: RateLimit,
  client: string,
  now: Date,
): Promise<boolean> {
  const windowStart = Math.floor(now.getTime() / limit.windowMs) * limit.windowMs;
  const id = saltedHash(await loadSalt(db), 'rateLimit', limit.scope, client, String(windowStart));
  const ref = db.doc(paths.rateLimit(id));
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    const count = snap.exists ? Number(snap.get('count')) || 0 : 0;
    if (count >= limit.max) return false;
    tx.set(ref, {
      scope: limit.scope,
      count: count + 1,
      windowStart: Timestamp.fromMillis(windowStart),
      expiresAt: Timestamp.fromMillis(windowStart + limit.windowMs),
    });
    return true;
  });
}
