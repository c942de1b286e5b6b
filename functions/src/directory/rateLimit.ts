import { Timestamp, type Firestore } from 'firebase-admin/firestore';
import type { Request } from 'firebase-functions/v2/https';
import { paths, sha256Hex } from '@knotenpunkt/model';

// A per-client limit for public endpoints, without a third-party captcha: one counter document
// per client and time window. The key is a hash of scope, client address and window, so the
// stored id names no address and a new window starts a new document; `expiresAt` lets a Firestore
// TTL policy delete old counters (firestore.indexes.json).

export interface RateLimit {
  scope: string;
  max: number;
  windowMs: number;
}

/**
 * The client's address. Behind Firebase Hosting the CDN sets Fastly-Client-IP (replacing whatever
 * a client sent); without it, the last X-Forwarded-For entry is the one Google's front end added.
 */
export function clientAddress(req: Pick<Request, 'headers' | 'ip'>): string {
  const fastly = req.headers['fastly-client-ip'];
  if (typeof fastly === 'string' && fastly.trim()) return fastly.trim();
  const forwarded = req.headers['x-forwarded-for'];
  const chain = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return chain.at(-1) ?? req.ip ?? 'unknown';
}

/** Counts one request; false when the client has used up the window's allowance. */
export async function takeToken(
  db: Firestore,
  limit: RateLimit,
  client: string,
  now: Date = new Date(),
): Promise<boolean> {
  const windowStart = Math.floor(now.getTime() / limit.windowMs) * limit.windowMs;
  const key = await sha256Hex(`${limit.scope}:${client}:${windowStart}`);
  const ref = db.doc(paths.rateLimit(key));
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
