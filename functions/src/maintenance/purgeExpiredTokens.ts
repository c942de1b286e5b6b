import { Timestamp, type Firestore } from 'firebase-admin/firestore';
import { TOKENS } from '@knotenpunkt/model';

/** Deletes token documents whose expiresAt lies in the past, in batches. Safe to run twice. */
export async function handlePurgeExpiredTokens(
  db: Firestore,
  now: Date = new Date(),
  batchSize = 400,
) {
  let deleted = 0;
  for (;;) {
    const snap = await db
      .collection(TOKENS)
      .where('expiresAt', '<', Timestamp.fromDate(now))
      .limit(batchSize)
      .get();
    if (snap.empty) return { deleted };
    const batch = db.batch();
    for (const doc of snap.docs) batch.delete(doc.ref);
    await batch.commit();
    deleted += snap.size;
  }
}
