// Personal links: 256 random bits, base64url in the link, only the SHA-256 stored as the id of
// tokens/{hash} with purpose, target and expiry. A token is checked on every use; nothing but
// its hash is ever written or logged.
import { createHash, randomBytes } from 'node:crypto';
import {
  Timestamp,
  type DocumentReference,
  type Firestore,
  type Transaction,
} from 'firebase-admin/firestore';
import { paths, type TokenPurpose } from '@knotenpunkt/model';
import { fail } from '../platform/errors.ts';

const DAY = 86_400_000;

/** How long each kind of link works. */
export const TOKEN_LIFETIME_DAYS: Partial<Record<TokenPurpose, number>> = {
  // The same span after which unconfirmed signups are deleted.
  confirmSubscription: 30,
  // The footer link of every mail (preferences, one-click unsubscribe): a year-old mail still works.
  preferences: 400,
  unsubscribe: 400,
};

export function newTokenValue(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface IssuedToken {
  token: string;
  ref: DocumentReference;
  data: {
    purpose: TokenPurpose;
    networkId: string;
    targetPath: string;
    expiresAt: Timestamp | null;
    usedAt: null;
    createdAt: Timestamp;
  };
}

/** A fresh token for a subscriber; the caller writes `data` to `ref` (in its transaction). */
export function issueToken(
  db: Firestore,
  purpose: TokenPurpose,
  networkId: string,
  targetPath: string,
  now: Date,
): IssuedToken {
  const token = newTokenValue();
  const days = TOKEN_LIFETIME_DAYS[purpose];
  return {
    token,
    ref: db.doc(paths.token(hashToken(token))),
    data: {
      purpose,
      networkId,
      targetPath,
      expiresAt: days ? Timestamp.fromMillis(now.getTime() + days * DAY) : null,
      usedAt: null,
      createdAt: Timestamp.fromDate(now),
    },
  };
}

export function writeTokens(tx: Transaction, tokens: IssuedToken[]) {
  for (const t of tokens) tx.create(t.ref, t.data);
}

export interface RedeemedToken {
  ref: DocumentReference;
  purpose: TokenPurpose;
  networkId: string;
  targetPath: string;
  usedAt: Date | null;
}

/**
 * Looks a token up (in the transaction when given) and checks purpose and expiry. Unknown,
 * expired and wrong-purpose tokens all answer TOKEN_INVALID, so a link reveals nothing.
 */
export async function redeemToken(
  db: Firestore,
  token: string,
  purposes: readonly TokenPurpose[],
  now: Date,
  tx?: Transaction,
): Promise<RedeemedToken> {
  const ref = db.doc(paths.token(hashToken(token)));
  const snap = tx ? await tx.get(ref) : await ref.get();
  if (!snap.exists) fail('TOKEN_INVALID', { field: 'token' });
  const purpose = snap.get('purpose') as TokenPurpose;
  const expiresAt = snap.get('expiresAt') as Timestamp | null;
  if (!purposes.includes(purpose) || (expiresAt && expiresAt.toMillis() <= now.getTime())) {
    fail('TOKEN_INVALID', { field: 'token' });
  }
  const usedAt = snap.get('usedAt') as Timestamp | null;
  return {
    ref,
    purpose,
    networkId: String(snap.get('networkId')),
    targetPath: String(snap.get('targetPath')),
    usedAt: usedAt ? usedAt.toDate() : null,
  };
}

/** Deletes every token that points at a document (erasure, retention). */
export async function deleteTokensOf(db: Firestore, targetPath: string): Promise<number> {
  let deleted = 0;
  for (;;) {
    const snap = await db
      .collection('tokens')
      .where('targetPath', '==', targetPath)
      .limit(400)
      .get();
    if (snap.empty) return deleted;
    const batch = db.batch();
    for (const doc of snap.docs) batch.delete(doc.ref);
    await batch.commit();
    deleted += snap.size;
  }
}
