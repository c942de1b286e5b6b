// MailingStore on Firestore. Deliveries are the work queue: a composite index on (status, dueAt)
// serves "what is due" (firestore.indexes.json); claims and conditional changes are
// transactions, everything else single writes.
import { Timestamp, type DocumentData, type Firestore } from 'firebase-admin/firestore';
import {
  PENDING_DELIVERY_STATUSES,
  deliverySchema,
  mailingSchema,
  paths,
  type MailingStatus,
} from '@knotenpunkt/model';
import type { ClaimedDelivery, Counts, MailingKey, MailingStore, Outcome } from './store.ts';

/** firebase-admin hands out Timestamps; the model's schemas expect Dates. */
export function toDates(value: unknown): unknown {
  if (value instanceof Timestamp) return value.toDate();
  if (Array.isArray(value)) return value.map(toDates);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toDates(v)]));
  }
  return value;
}

const ts = (date: Date) => Timestamp.fromDate(date);
/** gRPC status of a create() whose document exists. */
const ALREADY_EXISTS = 6;

export function firestoreStore(db: Firestore): MailingStore {
  const mailingRef = (key: MailingKey) => db.doc(paths.mailing(key.networkId, key.mailingId));
  const deliveries = (key: MailingKey) =>
    db.collection(paths.deliveries(key.networkId, key.mailingId));
  const pending = (key: MailingKey) =>
    deliveries(key).where('status', 'in', [...PENDING_DELIVERY_STATUSES]);

  return {
    async load(key) {
      const [mailing, network] = await Promise.all([
        mailingRef(key).get(),
        db.doc(paths.network(key.networkId)).get(),
      ]);
      if (!mailing.exists) return null;
      const persons = (network.get('contactPersons') ?? []) as Array<{ email?: unknown }>;
      const replyTo = persons.find((p) => typeof p.email === 'string' && p.email)?.email;
      return {
        mailing: mailingSchema.parse(toDates(mailing.data())),
        network: {
          name: String(network.get('name') ?? key.networkId),
          replyTo: typeof replyTo === 'string' ? replyTo : '',
        },
      };
    },

    async status(key) {
      const snap = await mailingRef(key).get();
      if (!snap.exists) return null;
      return {
        status: snap.get('status') as MailingStatus,
        run: Number(snap.get('progress.run') ?? 0),
      };
    },

    async begin(key, run, now) {
      const ref = mailingRef(key);
      return db.runTransaction(async (tx) => {
        const snap = await tx.get(ref);
        if (!snap.exists) return 'stale';
        const status = snap.get('status') as MailingStatus;
        const current = Number(snap.get('progress.run') ?? 0);
        if (status === 'sending' && current === run) return 'running';
        if (status !== 'queued' || current !== run - 1) return 'stale';
        tx.update(ref, {
          status: 'sending',
          'progress.run': run,
          'progress.consecutiveErrors': 0,
          'progress.pauseReason': '',
          'progress.heartbeatAt': ts(now),
          'progress.startedAt': snap.get('progress.startedAt') ?? ts(now),
          'progress.finishedAt': null,
        });
        return 'started';
      });
    },

    async plan(key, planned, now) {
      const unique = [...new Map(planned.map((d) => [d.id, d])).values()];
      if (unique.length === 0) return 0;
      // create() fails for a record that exists (planned by an earlier, crashed attempt or a
      // task that ran twice): exactly what keeps a recipient from being planned twice.
      const writer = db.bulkWriter({ throttling: false });
      writer.onWriteError((error) => error.code !== ALREADY_EXISTS && error.failedAttempts < 5);
      let created = 0;
      const failures: unknown[] = [];
      for (const d of unique) {
        writer
          .create(deliveries(key).doc(d.id), {
            address: d.address,
            name: d.name,
            vars: d.vars,
            unsubscribeUrl: d.unsubscribeUrl,
            sourceRef: d.sourceRef,
            status: 'queued',
            attempts: 0,
            dueAt: ts(now),
            leaseId: '',
            lastAnswer: '',
            messageId: d.messageId,
            sentAt: null,
            createdAt: ts(now),
            updatedAt: ts(now),
          })
          .then(
            () => created++,
            (error: { code?: number }) => {
              if (error.code !== ALREADY_EXISTS) failures.push(error);
            },
          );
      }
      await writer.close();
      if (failures.length > 0) throw failures[0];
      return created;
    },

    async claim(key, { leaseId, limit, now, leaseUntil }) {
      const due = pending(key).where('dueAt', '<=', ts(now)).orderBy('dueAt').limit(limit);
      return db.runTransaction(async (tx) => {
        const snap = await tx.get(due);
        const claimed: ClaimedDelivery[] = [];
        for (const doc of snap.docs) {
          const parsed = deliverySchema.safeParse(toDates(doc.data()));
          if (!parsed.success) {
            tx.update(doc.ref, {
              status: 'failed',
              leaseId: '',
              lastAnswer: 'Ungültiger Zustelleintrag',
              updatedAt: ts(now),
            });
            continue;
          }
          const attempts = parsed.data.attempts + 1;
          tx.update(doc.ref, {
            status: 'sending',
            attempts,
            leaseId,
            dueAt: ts(leaseUntil),
            updatedAt: ts(now),
          });
          claimed.push({
            ...parsed.data,
            id: doc.id,
            status: 'sending',
            attempts,
            leaseId,
            dueAt: leaseUntil,
          });
        }
        return claimed;
      });
    },

    async nextDueAt(key) {
      const snap = await pending(key).orderBy('dueAt').limit(1).get();
      const due = snap.docs[0]?.get('dueAt') as Timestamp | undefined;
      return due ? due.toDate() : null;
    },

    async record(key, deliveryId, outcome: Outcome, now) {
      const patch: DocumentData = {
        status: outcome.status,
        leaseId: '',
        lastAnswer: outcome.answer.slice(0, 1000),
        updatedAt: ts(now),
      };
      if (outcome.status === 'sent') patch.sentAt = ts(now);
      if (outcome.status === 'queued') patch.dueAt = ts(outcome.dueAt);
      await deliveries(key).doc(deliveryId).update(patch);
    },

    async release(key, deliveryIds, leaseId, now) {
      if (deliveryIds.length === 0) return;
      await db.runTransaction(async (tx) => {
        const refs = deliveryIds.map((id) => deliveries(key).doc(id));
        const snaps = await tx.getAll(...refs);
        snaps.forEach((snap) => {
          if (snap.get('status') !== 'sending' || snap.get('leaseId') !== leaseId) return;
          tx.update(snap.ref, {
            status: 'queued',
            leaseId: '',
            // It was claimed, not attempted.
            attempts: Math.max(0, Number(snap.get('attempts') ?? 1) - 1),
            dueAt: ts(now),
            updatedAt: ts(now),
          });
        });
      });
    },

    async count(key): Promise<Counts> {
      const all = deliveries(key);
      const [total, sent, failed, bounced] = await Promise.all([
        all.count().get(),
        all.where('status', '==', 'sent').count().get(),
        all.where('status', '==', 'failed').count().get(),
        all.where('status', '==', 'bounced').count().get(),
      ]).then((snaps) => snaps.map((s) => s.data().count));
      return {
        total: total!,
        sent: sent!,
        failed: failed!,
        bounced: bounced!,
        pending: total! - sent! - failed! - bounced!,
      };
    },

    async update(key, change) {
      const ref = mailingRef(key);
      return db.runTransaction(async (tx) => {
        const snap = await tx.get(ref);
        if (!snap.exists) return null;
        const status = snap.get('status') as MailingStatus;
        const run = Number(snap.get('progress.run') ?? 0);
        if (!change.expect.includes(status) || (change.run !== null && run !== change.run)) {
          return { applied: false, status, run };
        }
        const patch: DocumentData = {};
        if (change.status) patch.status = change.status;
        for (const [field, value] of Object.entries(change.progress ?? {})) {
          patch[`progress.${field}`] = value instanceof Date ? ts(value) : value;
        }
        if (change.counts) {
          const stored = snap.get('progress.countedAt') as Timestamp | null | undefined;
          if (!stored || stored.toMillis() <= change.counts.countedAt.getTime()) {
            const { counts, countedAt } = change.counts;
            patch['progress.total'] = counts.total;
            patch['progress.sent'] = counts.sent;
            patch['progress.failed'] = counts.failed;
            patch['progress.bounced'] = counts.bounced;
            patch['progress.countedAt'] = ts(countedAt);
          }
        }
        if (Object.keys(patch).length > 0) tx.update(ref, patch);
        return { applied: true, status: change.status ?? status, run };
      });
    },
  };
}
