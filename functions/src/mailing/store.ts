// The narrow interface between the pipeline and its data (after listmonk's manager.Store): the
// worker never builds a query itself. firestoreStore.ts implements it with firebase-admin.
import type { Delivery, Mailing, MailingProgress, MailingStatus } from '@knotenpunkt/model';

export interface MailingKey {
  networkId: string;
  mailingId: string;
}

/** What the mails need to know about the sending network. */
export interface NetworkInfo {
  name: string;
  /** The first contact person's address, as Reply-To; empty when there is none. */
  replyTo: string;
}

export interface LoadedMailing {
  mailing: Mailing;
  network: NetworkInfo;
}

/** A recipient resolved by a source, ready to become a delivery record. */
export interface PlannedDelivery {
  id: string;
  address: string;
  name: string;
  vars: Record<string, string>;
  unsubscribeUrl: string;
  sourceRef: string;
  messageId: string;
}

export interface ClaimedDelivery extends Delivery {
  id: string;
}

export interface Counts {
  total: number;
  sent: number;
  failed: number;
  bounced: number;
  /** queued or sending */
  pending: number;
}

export type Outcome =
  | { status: 'sent'; answer: string }
  | { status: 'queued'; answer: string; dueAt: Date }
  | { status: 'failed'; answer: string };

/**
 * A conditional change of the mailing document: applied only while its status is one of
 * `expect` and (unless run is null) its progress.run equals `run`. Counts are written only when
 * taken later than the stored ones, so a slow writer cannot put back older figures.
 */
export interface MailingChange {
  run: number | null;
  expect: readonly MailingStatus[];
  status?: MailingStatus;
  progress?: Partial<Omit<MailingProgress, 'total' | 'sent' | 'failed' | 'bounced' | 'countedAt'>>;
  counts?: { counts: Counts; countedAt: Date };
}

export interface UpdateResult {
  applied: boolean;
  status: MailingStatus;
  run: number;
}

export interface MailingStore {
  load(key: MailingKey): Promise<LoadedMailing | null>;
  /** The mailing's status and run, for the worker's frequent "still go on?" check. */
  status(key: MailingKey): Promise<{ status: MailingStatus; run: number } | null>;
  /**
   * queued (run − 1) → sending (run). 'running' when this run has begun already (a task that ran
   * twice), 'stale' when the mailing is elsewhere (paused again, cancelled, a later run).
   */
  begin(key: MailingKey, run: number, now: Date): Promise<'started' | 'running' | 'stale'>;
  /** Creates the delivery records that do not exist yet; returns how many were new. */
  plan(key: MailingKey, deliveries: PlannedDelivery[], now: Date): Promise<number>;
  /**
   * Claims up to `limit` deliveries that are due (queued, or sending with an expired lease):
   * status sending, attempts + 1, dueAt = leaseUntil. Atomic, so two workers never claim the same.
   */
  claim(
    key: MailingKey,
    claim: { leaseId: string; limit: number; now: Date; leaseUntil: Date },
  ): Promise<ClaimedDelivery[]>;
  /** When the earliest pending delivery becomes due; null when nothing is pending. */
  nextDueAt(key: MailingKey): Promise<Date | null>;
  record(key: MailingKey, deliveryId: string, outcome: Outcome, now: Date): Promise<void>;
  /** Hands claimed, unsent deliveries back (queued, due now), if the lease is still ours. */
  release(key: MailingKey, deliveryIds: string[], leaseId: string, now: Date): Promise<void>;
  count(key: MailingKey): Promise<Counts>;
  /** Applies the change if its condition holds; returns the status and run afterwards. */
  update(key: MailingKey, change: MailingChange): Promise<UpdateResult | null>;
}
