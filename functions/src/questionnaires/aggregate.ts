// Exact incremental aggregation. Every response carries its current `contribution` and the one
// the results hold (`applied`); `pending` marks the difference. One transaction takes a batch of
// pending responses and the summary, subtracts each `applied`, adds each `contribution` and clears
// `pending`: a trigger that fires twice, two runs at once or an edit during a run can never count
// a response twice or lose it (the transaction sees each response in exactly one state).
//
// Cost per response: one read (the query inside the transaction) and one write (its marker),
// plus one read and one write of the summary per batch – at most 4, and close to 2 under load.
// The summary is one document (the results view reads just it); batches are at least a second
// apart, and the response trigger enqueues one run per two-second window, so the summary gets
// well under Firestore's sustained write rate of about one per second.
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import {
  emptyMeta,
  emptyTally,
  replaceContribution,
  resultsSummarySchema,
  tallyFromSummary,
  tallyOf,
  type Contribution,
  type QuestionnaireRef,
  type ResultsSummary,
  type Tally,
} from '@knotenpunkt/model';
import { refs, responseOf, toDates } from './docs.ts';
import { systemClock, waitUntilDue, type Clock } from '../platform/clock.ts';
import { AGGREGATE_WINDOW_MS, aggregateTaskFor, type Enqueue } from './tasks.ts';

export interface DrainOptions {
  batchSize?: number;
  /** Least time between two summary writes of one run. */
  minIntervalMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface DrainStats {
  batches: number;
  applied: number;
  reads: number;
  writes: number;
}

export const BATCH_SIZE = 200;

function summaryOf(data: unknown): ResultsSummary {
  return resultsSummarySchema.parse(toDates(data));
}

function summaryDoc(tally: Tally, meta: ResultsSummary['meta']) {
  return { ...tally, meta, updatedAt: FieldValue.serverTimestamp() };
}

/** Applies every pending response of the questionnaire, batch by batch. */
export async function drain(
  db: Firestore,
  key: QuestionnaireRef,
  { batchSize = BATCH_SIZE, minIntervalMs = 1000, sleep = defaultSleep }: DrainOptions = {},
): Promise<DrainStats> {
  const r = refs(db, key);
  const stats: DrainStats = { batches: 0, applied: 0, reads: 0, writes: 0 };
  let lastWrite = 0;
  for (;;) {
    const wait = lastWrite + minIntervalMs - Date.now();
    if (lastWrite && wait > 0) await sleep(wait);
    const batch = await db.runTransaction(async (tx) => {
      const pending = await tx.get(r.responses.where('pending', '==', true).limit(batchSize));
      // An empty query still costs one read.
      if (pending.empty) return { applied: 0, reads: 1, writes: 0 };
      const snap = await tx.get(r.summary);
      const summary = snap.exists ? summaryOf(snap.data()) : null;
      const tally = summary ? tallyFromSummary(summary) : emptyTally();
      const meta = summary?.meta ?? emptyMeta();
      for (const doc of pending.docs) {
        const response = responseOf(doc);
        replaceContribution(tally, doc.id, response.applied, response.contribution);
        tx.update(doc.ref, {
          pending: false,
          applied: response.contribution,
          appliedVersion: response.version,
        });
      }
      const reads = pending.size + 1;
      const writes = pending.size + 1;
      tx.set(
        r.summary,
        summaryDoc(tally, {
          ...meta,
          batches: meta.batches + 1,
          reads: meta.reads + reads,
          writes: meta.writes + writes,
          applied: meta.applied + pending.size,
        }),
      );
      return { applied: pending.size, reads, writes };
    });
    stats.reads += batch.reads;
    stats.writes += batch.writes;
    if (batch.applied === 0) break;
    stats.batches++;
    stats.applied += batch.applied;
    lastWrite = Date.now();
    if (batch.applied < batchSize) break;
  }
  return stats;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The response trigger: a pending response asks for an aggregation run after the current
 * window. The aggregation's own marker write (pending → false) asks for nothing.
 */
export async function handleResponseWritten(
  key: QuestionnaireRef,
  after: { pending?: unknown } | undefined,
  deps: { enqueue: Enqueue; now?: Date },
): Promise<'enqueued' | 'exists' | 'idle'> {
  if (after?.pending !== true) return 'idle';
  const task = await aggregateTaskFor(key, deps.now ?? new Date());
  return deps.enqueue(
    {
      type: 'aggregate',
      networkId: key.networkId,
      questionnaireId: key.questionnaireId,
      notBefore: task.scheduleTime.getTime(),
    },
    task,
  );
}

/**
 * The aggregation task: starts no earlier than its window's end, so it sees every response whose
 * trigger found the task already queued; then drains.
 */
export async function runAggregateTask(
  db: Firestore,
  task: QuestionnaireRef & { notBefore?: number },
  clock: Clock = systemClock,
): Promise<DrainStats> {
  await waitUntilDue(task.notBefore, AGGREGATE_WINDOW_MS + 1000, clock);
  return drain(db, { networkId: task.networkId, questionnaireId: task.questionnaireId });
}

/**
 * "Neu berechnen": rebuilds the summary from every response in one transaction. The summary
 * becomes the sum of what each response says was applied – the invariant the incremental runs
 * keep – and then a run applies whatever is still pending. Afterwards the summary equals a count
 * of all current answers from scratch.
 */
export async function recount(
  db: Firestore,
  key: QuestionnaireRef,
  now: Date = new Date(),
  drainOptions: DrainOptions = {},
): Promise<{ respondents: number; reads: number; writes: number }> {
  const r = refs(db, key);
  const { reads } = await db.runTransaction(async (tx) => {
    const all = await tx.get(r.responses);
    const snap = await tx.get(r.summary);
    const meta = snap.exists ? summaryOf(snap.data()).meta : emptyMeta();
    const applied: Array<[string, Contribution]> = [];
    for (const doc of all.docs) {
      const response = responseOf(doc);
      if (response.applied) applied.push([doc.id, response.applied]);
    }
    const count = all.size + 1;
    tx.set(
      r.summary,
      summaryDoc(tallyOf(applied), {
        ...meta,
        reads: meta.reads + count,
        writes: meta.writes + 1,
        recountedAt: now,
      }),
    );
    return { reads: count };
  });
  const stats = await drain(db, key, drainOptions);
  const after = await r.summary.get();
  const tally = tallyFromSummary(summaryOf(after.data()));
  return {
    respondents: tally.segments.all?.n ?? 0,
    reads: reads + stats.reads + 1,
    writes: 1 + stats.writes,
  };
}

/** The tally of all responses' current answers from scratch (for comparisons; no writes). */
export async function countFromScratch(db: Firestore, key: QuestionnaireRef): Promise<Tally> {
  const all = await refs(db, key).responses.get();
  return tallyOf(all.docs.map((doc) => [doc.id, responseOf(doc).contribution]));
}

export async function readSummary(
  db: Firestore,
  key: QuestionnaireRef,
): Promise<ResultsSummary | null> {
  const snap = await refs(db, key).summary.get();
  return snap.exists ? summaryOf(snap.data()) : null;
}
