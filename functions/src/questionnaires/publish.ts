// Closing a questionnaire: the last pending answers are aggregated and, if the coordinators chose
// so, the published figures (results/public: counts only, no texts or names) are written for the
// respondents or the public. Past deadlines close by themselves (the hourly schedule), and the
// optional automatic reminder goes out N days before the deadline.
import { FieldValue, Timestamp, type Firestore } from 'firebase-admin/firestore';
import {
  defaultReminderMail,
  paths,
  publicResultsOf,
  tallyFromSummary,
  type QuestionnaireRef,
} from '@knotenpunkt/model';
import { drain, readSummary, type DrainOptions } from './aggregate.ts';
import type { StartMailing } from './coordinate.ts';
import { questionnaireOf, refs, toTimestamps } from './docs.ts';
import { recordReminders } from './invitees.ts';

/** Writes or removes results/public to match the questionnaire's state. */
export async function publishResults(
  db: Firestore,
  key: QuestionnaireRef,
  now: Date,
  drainOptions: DrainOptions = {},
): Promise<'published' | 'withdrawn' | 'none'> {
  const r = refs(db, key);
  const snap = await r.questionnaire.get();
  const q = snap.exists ? questionnaireOf(snap) : null;
  if (!q || q.status !== 'closed' || q.resultsVisibility === 'coordinators') {
    const existing = await r.publicResults.get();
    if (!existing.exists) return 'none';
    await r.publicResults.delete();
    return 'withdrawn';
  }
  await drain(db, key, drainOptions);
  const summary = await readSummary(db, key);
  const network = await db.doc(paths.network(key.networkId)).get();
  const published = publicResultsOf(
    q,
    String(network.get('name') ?? key.networkId),
    summary ? tallyFromSummary(summary) : { segments: {} },
    now,
  );
  await r.publicResults.set(toTimestamps(published));
  return 'published';
}

const RELEVANT = ['status', 'resultsVisibility', 'title', 'intro', 'sections'] as const;

/** The questionnaire trigger: republish when something the published figures show changed. */
export async function handleQuestionnaireWritten(
  key: QuestionnaireRef,
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown> | undefined,
  deps: { db: Firestore; now?: Date; drain?: DrainOptions },
) {
  if (!after) return 'none';
  const changed =
    !before || RELEVANT.some((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
  if (!changed) return 'none';
  const involved =
    after.status === 'closed' ||
    before?.status === 'closed' ||
    before?.resultsVisibility !== after.resultsVisibility;
  if (!involved) return 'none';
  return publishResults(deps.db, key, deps.now ?? new Date(), deps.drain);
}

const DAY = 86_400_000;

/**
 * Hourly: closes open questionnaires whose deadline has passed, and sends the automatic reminder
 * of those whose reminder day has come. The reminder is claimed in a transaction
 * (autoReminderAt) before it is sent, so a run that overlaps another sends it once.
 */
export async function handleQuestionnaireSchedule(
  db: Firestore,
  deps: { now?: Date; startMailing: StartMailing },
) {
  const now = deps.now ?? new Date();
  const open = await db.collectionGroup('questionnaires').where('status', '==', 'open').get();
  const done = { closed: 0, reminded: 0 };
  for (const doc of open.docs) {
    const networkId = doc.ref.parent.parent?.id;
    if (!networkId) continue;
    const key = { networkId, questionnaireId: doc.id };
    const q = questionnaireOf(doc);
    if (q.deadline && q.deadline.getTime() < now.getTime()) {
      await doc.ref.update({
        status: 'closed',
        updatedAt: FieldValue.serverTimestamp(),
        updatedBy: 'system',
      });
      done.closed++;
      continue;
    }
    if (!q.deadline || q.reminderDaysBefore === null || q.autoReminderAt) continue;
    if (now.getTime() < q.deadline.getTime() - q.reminderDaysBefore * DAY) continue;
    const claimed = await db.runTransaction(async (tx) => {
      const fresh = await tx.get(doc.ref);
      if (fresh.get('autoReminderAt') || fresh.get('status') !== 'open') return false;
      tx.update(doc.ref, { autoReminderAt: Timestamp.fromDate(now) });
      return true;
    });
    if (!claimed) continue;
    const mailingId = db.collection(paths.mailings(networkId)).doc().id;
    const reminded = await recordReminders(db, key, mailingId, now);
    if (reminded === 0) continue;
    const network = await db.doc(paths.network(networkId)).get();
    const mail = defaultReminderMail(
      q.title,
      String(network.get('name') ?? networkId),
      q.deadline,
      q.anonymous,
    );
    await deps.startMailing(key, mailingId, { kind: 'reminder', ...mail }, { uid: 'system' });
    done.reminded++;
  }
  return done;
}
