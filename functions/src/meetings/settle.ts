// The one place where answers become places. A request queues its answer (one document, no
// contention) and then makes sure the queue gets settled: whoever holds the meeting's lease
// drains the queue in commit order, a hundred answers per transaction, against the tally of
// confirmed persons (model: settleRsvps). Everyone else waits for their outcome document. A
// transaction re-reads the lease, so a settler that lost its lease (took too long, crashed)
// cannot commit; the next request or the scheduled sweep takes over an expired lease.
import { randomUUID } from 'node:crypto';
import {
  FieldValue,
  Timestamp,
  type DocumentData,
  type DocumentReference,
  type Firestore,
  type Transaction,
} from 'firebase-admin/firestore';
import {
  paths,
  rsvpLeasePath,
  rsvpOutcomePath,
  rsvpQueuePath,
  rsvpTallyPath,
  settleRsvps,
  RSVP_ANSWERS,
  type QueuedAnswer,
  type RsvpAnswer,
  type RsvpOutcome,
  type RsvpState,
} from '@knotenpunkt/model';
import { readMeeting } from '../calendar/publicCalendar.ts';

export interface MeetingKey {
  networkId: string;
  meetingId: string;
}

export type StoredMeeting = NonNullable<ReturnType<typeof readMeeting>>;

/**
 * What the settler tells about people moved up from the waiting list (their mail), inside its
 * transaction after all reads: the hook may only write.
 */
export type PromotionHook = (
  tx: Transaction,
  key: MeetingKey,
  meeting: { data: StoredMeeting; networkName: string },
  promoted: Array<{ inviteeId: string; order: number }>,
  now: Date,
) => void;

export interface SettleDeps {
  db: Firestore;
  now?: () => Date;
  onPromoted?: PromotionHook;
}

export const LEASE_MS = 15_000;
/** Answers per transaction: each needs up to three writes (RSVP, queue entry, outcome). */
export const SETTLE_BATCH = 100;
/** Head of the waiting list read per transaction. */
const WAITLIST_HEAD = 100;
/** Settled outcomes nobody picked up are removed after this long. */
export const OUTCOME_TTL_MS = 60 * 60_000;

const clock = (deps: SettleDeps) => (deps.now ?? (() => new Date()))();

export interface QueuedRequest {
  requestId: string;
  /** Commit time of the queue entry: the order answers are settled in. */
  queuedAt: Date;
}

/** Queues an answer; its commit time decides its place in line. */
export async function enqueueAnswer(
  db: Firestore,
  key: MeetingKey,
  answer: { inviteeId: string; answer: RsvpAnswer; persons: number | null; comment: string | null },
): Promise<QueuedRequest> {
  const ref = db.collection(rsvpQueuePath(key.networkId, key.meetingId)).doc();
  const result = await ref.create({
    ...answer,
    requestedAt: FieldValue.serverTimestamp(),
  });
  return { requestId: ref.id, queuedAt: result.writeTime.toDate() };
}

// ---------------------------------------------------------------- the lease

function isAlreadyExists(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 6 || code === 'already-exists' || code === 'ALREADY_EXISTS';
}

/** Takes the meeting's lease if it is free or expired. */
export async function acquireLease(
  ref: DocumentReference,
  owner: string,
  now: Date,
): Promise<boolean> {
  const lease = { owner, until: Timestamp.fromMillis(now.getTime() + LEASE_MS) };
  try {
    await ref.create(lease);
    return true;
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
  }
  const snap = await ref.get();
  const until = snap.get('until') as Timestamp | undefined;
  if (snap.exists && until && until.toMillis() > now.getTime()) return false;
  try {
    // Only the expired lease we looked at may be removed, never a fresh one.
    if (snap.exists && snap.updateTime) await ref.delete({ lastUpdateTime: snap.updateTime });
    await ref.create(lease);
    return true;
  } catch {
    return false;
  }
}

export async function releaseLease(db: Firestore, ref: DocumentReference, owner: string) {
  await db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (snap.exists && snap.get('owner') === owner) tx.delete(ref);
  });
}

// ---------------------------------------------------------------- one settling transaction

interface TallyState {
  yesPersons: number;
  nextOrder: number;
}

/** The tally from the RSVPs themselves, for a meeting the settler has not seen yet. */
async function countTally(tx: Transaction, db: Firestore, key: MeetingKey): Promise<TallyState> {
  const snap = await tx.get(
    db.collection(paths.rsvps(key.networkId, key.meetingId)).where('answer', '==', 'yes'),
  );
  let yesPersons = 0;
  let nextOrder = 0;
  for (const doc of snap.docs) {
    if (doc.get('waitlisted') !== true) yesPersons += Number(doc.get('persons')) || 1;
    const order = doc.get('order');
    if (typeof order === 'number') nextOrder = Math.max(nextOrder, order + 1);
  }
  return { yesPersons, nextOrder };
}

function stateOf(id: string, data: DocumentData | undefined): RsvpState {
  const answer = data?.answer as unknown;
  return {
    id,
    answer: (RSVP_ANSWERS as readonly unknown[]).includes(answer) ? (answer as RsvpAnswer) : null,
    waitlisted: data?.waitlisted === true,
    persons: Number(data?.persons) || 1,
    comment: typeof data?.comment === 'string' ? data.comment : '',
    order: typeof data?.order === 'number' ? data.order : null,
  };
}

export interface StepResult {
  lost: boolean;
  processed: number;
  outcomes: Map<string, RsvpOutcome>;
  promoted: string[];
}

/** Settles up to SETTLE_BATCH queued answers (and moves the waiting list up) atomically. */
async function settleStep(key: MeetingKey, owner: string, deps: SettleDeps): Promise<StepResult> {
  const { db } = deps;
  const leaseRef = db.doc(rsvpLeasePath(key.networkId, key.meetingId));
  const tallyRef = db.doc(rsvpTallyPath(key.networkId, key.meetingId));
  const rsvps = db.collection(paths.rsvps(key.networkId, key.meetingId));
  const queue = db
    .collection(rsvpQueuePath(key.networkId, key.meetingId))
    .orderBy('requestedAt')
    .limit(SETTLE_BATCH);
  return db.runTransaction(async (tx) => {
    const now = clock(deps);
    const lease = await tx.get(leaseRef);
    if (!lease.exists || lease.get('owner') !== owner) {
      return { lost: true, processed: 0, outcomes: new Map(), promoted: [] };
    }
    const [meetingSnap, networkSnap, tallySnap, queueSnap, waitSnap] = await Promise.all([
      tx.get(db.doc(paths.meeting(key.networkId, key.meetingId))),
      tx.get(db.doc(paths.network(key.networkId))),
      tx.get(tallyRef),
      tx.get(queue),
      tx.get(
        rsvps
          .where('answer', '==', 'yes')
          .where('waitlisted', '==', true)
          .orderBy('order')
          .limit(WAITLIST_HEAD),
      ),
    ]);
    const meeting = readMeeting(meetingSnap.data());
    const tally: TallyState = tallySnap.exists
      ? {
          yesPersons: Number(tallySnap.get('yesPersons')) || 0,
          nextOrder: Number(tallySnap.get('nextOrder')) || 0,
        }
      : await countTally(tx, db, key);

    const requests: QueuedAnswer[] = queueSnap.docs.map((d) => ({
      requestId: d.id,
      inviteeId: String(d.get('inviteeId')),
      answer: d.get('answer') as RsvpAnswer,
      persons: typeof d.get('persons') === 'number' ? (d.get('persons') as number) : null,
      comment: typeof d.get('comment') === 'string' ? (d.get('comment') as string) : null,
    }));
    const ids = [...new Set(requests.map((r) => r.inviteeId))];
    const current = ids.length > 0 ? await tx.getAll(...ids.map((id) => rsvps.doc(id))) : [];

    const states = new Map<string, RsvpState>();
    for (const doc of waitSnap.docs) states.set(doc.id, stateOf(doc.id, doc.data()));
    for (const doc of current) if (doc.exists) states.set(doc.id, stateOf(doc.id, doc.data()));
    // An answer for an invitee without a document (removed meanwhile) changes nothing.
    const known = requests.filter((r) => states.has(r.inviteeId));
    const lastWaiting = waitSnap.docs.at(-1)?.get('order');

    const result = settleRsvps({
      limits: { capacity: meeting?.capacity ?? null, waitlist: meeting?.waitlist ?? false },
      yesPersons: tally.yesPersons,
      nextOrder: tally.nextOrder,
      states,
      waitlistComplete: waitSnap.size < WAITLIST_HEAD,
      waitlistLoadedUpTo: typeof lastWaiting === 'number' ? lastWaiting : null,
      requests: known,
    });

    const stamp = Timestamp.fromDate(now);
    // answeredAt is the commit time of the invitee's latest answer: the order of the line.
    const answered = new Map<string, Timestamp>();
    for (const doc of queueSnap.docs) {
      const at = doc.get('requestedAt');
      if (at instanceof Timestamp) answered.set(String(doc.get('inviteeId')), at);
    }
    const promoted = new Set(result.promoted);
    for (const [id, state] of result.changed) {
      tx.update(rsvps.doc(id), {
        answer: state.answer,
        waitlisted: state.waitlisted,
        persons: state.persons,
        comment: state.comment,
        order: state.order,
        ...(answered.has(id) ? { answeredAt: answered.get(id) } : {}),
        ...(promoted.has(id) ? { promotedAt: stamp } : {}),
        updatedAt: stamp,
      });
    }
    for (const doc of queueSnap.docs) {
      tx.delete(doc.ref);
      tx.set(db.doc(rsvpOutcomePath(key.networkId, key.meetingId, doc.id)), {
        outcome: result.outcomes.get(doc.id) ?? 'recorded',
        inviteeId: doc.get('inviteeId'),
        settledAt: stamp,
        expiresAt: Timestamp.fromMillis(now.getTime() + OUTCOME_TTL_MS),
      });
    }
    tx.set(tallyRef, {
      yesPersons: result.yesPersons,
      nextOrder: result.nextOrder,
      updatedAt: stamp,
    });
    tx.update(leaseRef, { until: Timestamp.fromMillis(now.getTime() + LEASE_MS) });
    if (result.promoted.length > 0 && deps.onPromoted && meeting) {
      deps.onPromoted(
        tx,
        key,
        { data: meeting, networkName: String(networkSnap.get('name') ?? key.networkId) },
        result.promoted.map((id) => ({
          inviteeId: id,
          order: result.changed.get(id)?.order ?? 0,
        })),
        now,
      );
    }
    return {
      lost: false,
      processed: queueSnap.size,
      outcomes: result.outcomes,
      promoted: result.promoted,
    };
  });
}

/** Settles until the queue is empty (or the lease is lost); returns every outcome it decided. */
export async function drainQueue(key: MeetingKey, owner: string, deps: SettleDeps) {
  const outcomes = new Map<string, RsvpOutcome>();
  const promoted: string[] = [];
  for (;;) {
    const result = await settleStep(key, owner, deps);
    for (const [id, outcome] of result.outcomes) outcomes.set(id, outcome);
    promoted.push(...result.promoted);
    // A full batch may have left more; a promotion may have freed the way for more. Answers
    // queued after the last read are settled by their own requests.
    if (result.lost || (result.processed < SETTLE_BATCH && result.promoted.length === 0)) break;
  }
  return { outcomes, promoted };
}

/** Settles the meeting's queue now if nobody else is at it (sweeps, capacity changes). */
export async function settleMeeting(key: MeetingKey, deps: SettleDeps) {
  const owner = randomUUID();
  const leaseRef = deps.db.doc(rsvpLeasePath(key.networkId, key.meetingId));
  if (!(await acquireLease(leaseRef, owner, clock(deps)))) return null;
  try {
    return await drainQueue(key, owner, deps);
  } finally {
    await releaseLease(deps.db, leaseRef, owner);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Makes sure the request's answer gets settled and returns its outcome: settles the queue itself
 * when the lease is free, else waits for the settler's outcome document. null when it did not
 * happen within `timeoutMs` (the answer stays queued; the next settler takes it).
 */
export async function awaitOutcome(
  key: MeetingKey,
  requestId: string,
  deps: SettleDeps,
  timeoutMs = 25_000,
): Promise<RsvpOutcome | null> {
  const { db } = deps;
  const outcomeRef = db.doc(rsvpOutcomePath(key.networkId, key.meetingId, requestId));
  const deadline = Date.now() + timeoutMs;
  let pause = 40;
  for (;;) {
    const settled = await settleMeeting(key, deps);
    const mine = settled?.outcomes.get(requestId);
    const snap = mine ? null : await outcomeRef.get();
    const outcome = mine ?? (snap?.exists ? (snap.get('outcome') as RsvpOutcome) : undefined);
    if (outcome) {
      await outcomeRef.delete().catch(() => undefined);
      return outcome;
    }
    if (Date.now() > deadline) return null;
    await sleep(pause + Math.random() * pause);
    pause = Math.min(pause * 1.5, 400);
  }
}

/** Settles queues whose answers waited longer than a minute (their request died) and removes
 * outcomes nobody picked up. Run by the meetings' schedule. */
export async function sweepRsvpQueues(deps: SettleDeps) {
  const { db } = deps;
  const now = clock(deps);
  const stale = await db
    .collectionGroup('rsvpQueue')
    .where('requestedAt', '<', Timestamp.fromMillis(now.getTime() - 60_000))
    .limit(500)
    .get();
  const meetings = new Map<string, MeetingKey>();
  for (const doc of stale.docs) {
    const meetingRef = doc.ref.parent.parent;
    const networkId = meetingRef?.parent.parent?.id;
    if (meetingRef && networkId) {
      meetings.set(meetingRef.path, { networkId, meetingId: meetingRef.id });
    }
  }
  for (const key of meetings.values()) await settleMeeting(key, deps);
  const old = await db
    .collectionGroup('rsvpOutcomes')
    .where('expiresAt', '<', Timestamp.fromDate(now))
    .limit(500)
    .get();
  if (!old.empty) {
    const batch = db.batch();
    for (const doc of old.docs) batch.delete(doc.ref);
    await batch.commit();
  }
  return { meetings: meetings.size, outcomesRemoved: old.size };
}
