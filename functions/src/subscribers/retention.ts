// Storage limitation (DSGVO Art. 5 (1) e), run daily: signups nobody confirmed are deleted with
// their tokens PENDING_RETENTION_DAYS after the last request (also those whose opt-in mail
// bounced), and expired tokens go too (rate-limit counters expire by a Firestore TTL policy).
// Confirmed, unsubscribed (kept as proof of the withdrawal until erasure is asked for) and younger
// entries stay.
import { Timestamp, type DocumentData, type Firestore } from 'firebase-admin/firestore';
import { CONSENT_PURPOSES, PENDING_RETENTION_DAYS } from '@knotenpunkt/model';
import { handlePurgeExpiredTokens } from '../maintenance/purgeExpiredTokens.ts';
import { deleteTokensOf } from './tokens.ts';

const DAY = 86_400_000;

function neverConfirmed(data: DocumentData): boolean {
  const consents = (data.consents ?? {}) as Record<string, { confirmedAt?: unknown } | null>;
  return CONSENT_PURPOSES.every((p) => !consents[p]?.confirmedAt);
}

export interface RetentionResult {
  unconfirmedDeleted: number;
  tokensDeleted: number;
}

export async function handleSubscriberRetention(
  db: Firestore,
  now: Date = new Date(),
): Promise<RetentionResult> {
  const cutoff = Timestamp.fromMillis(now.getTime() - PENDING_RETENTION_DAYS * DAY);
  let unconfirmedDeleted = 0;
  let tokensDeleted = 0;
  for (const status of ['pending', 'bounced']) {
    const due = await db
      .collectionGroup('subscribers')
      .where('status', '==', status)
      .where('requestedAt', '<', cutoff)
      .get();
    for (const doc of due.docs) {
      if (!neverConfirmed(doc.data())) continue;
      // Checked again in a transaction: the person may confirm (or sign up again) right now.
      const deleted = await db.runTransaction(async (tx) => {
        const fresh = await tx.get(doc.ref);
        const data = fresh.data();
        const requestedAt = data?.requestedAt as Timestamp | undefined;
        if (!data || data.status !== status || !neverConfirmed(data)) return false;
        if (!requestedAt || requestedAt.toMillis() >= cutoff.toMillis()) return false;
        tx.delete(doc.ref);
        return true;
      });
      if (!deleted) continue;
      unconfirmedDeleted++;
      tokensDeleted += await deleteTokensOf(db, doc.ref.path);
    }
  }
  tokensDeleted += (await handlePurgeExpiredTokens(db, now)).deleted;

  return { unconfirmedDeleted, tokensDeleted };
}
