// One delivery record per recipient and mailing, written only by the pipeline. Its id is a hash of
// mailing id and address, so a recipient can never be planned twice, and its status is the
// pipeline's work queue: what is queued and due gets claimed (status sending, with a lease),
// sent, and recorded.
import { z } from 'zod';
import { sha256Hex } from './hash.ts';
import { email, int, optionalTimestamp, timestamp } from './primitives.ts';

export const DELIVERY_STATUSES = ['queued', 'sending', 'sent', 'failed', 'bounced'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = {
  queued: 'Wartet',
  sending: 'Wird gesendet',
  sent: 'Versendet',
  failed: 'Fehlgeschlagen',
  bounced: 'Unzustellbar',
};

/** Statuses the pipeline still has to work on. */
export const PENDING_DELIVERY_STATUSES = ['queued', 'sending'] as const satisfies DeliveryStatus[];

/**
 * How a delivery moves. `sending → queued` is a temporary SMTP error (retried later) or a worker
 * handing back what it claimed when the mailing was paused; `sending → sending` is a new worker
 * taking over after the lease of a dead one expired; `sent → bounced` is a later bounce report.
 */
const DELIVERY_TRANSITIONS: Record<DeliveryStatus, readonly DeliveryStatus[]> = {
  queued: ['sending'],
  sending: ['sent', 'failed', 'queued', 'sending'],
  sent: ['bounced'],
  failed: [],
  bounced: [],
};

export function deliveryMayChange(from: DeliveryStatus, to: DeliveryStatus): boolean {
  return DELIVERY_TRANSITIONS[from].includes(to);
}

const varName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/);

/** networks/{networkId}/mailings/{mailingId}/deliveries/{deliveryIdFor(mailingId, address)} */
export const deliverySchema = z.strictObject({
  address: email,
  name: z.string().max(200),
  /** Per-recipient placeholder values from the source (e.g. position, personal links). */
  vars: z.record(varName, z.string().max(2000)),
  /** The source's one-click unsubscribe URL (List-Unsubscribe); empty when it has none. */
  unsubscribeUrl: z.string().max(2000),
  /** The recipient's record in the source (contact id, subscriber id); empty for test lists. */
  sourceRef: z.string().max(500),
  status: z.enum(DELIVERY_STATUSES),
  /** Times it was handed to a worker for SMTP. */
  attempts: int(0, 1000),
  /** Not to be attempted before; while `sending`, the end of the worker's lease. */
  dueAt: timestamp,
  /** The claim of the worker holding it; empty when none. */
  leaseId: z.string().max(100),
  /** The last SMTP answer or error, e.g. "250 2.0.0 Ok: queued" or "550 5.1.1 unknown user". */
  lastAnswer: z.string().max(1000),
  /** Stable across retries, so a receiving server can recognise a repeated mail. */
  messageId: z.string().max(500),
  sentAt: optionalTimestamp,
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Delivery = z.infer<typeof deliverySchema>;
export type DeliveryWithId = Delivery & { id: string };

/** Addresses are compared lowercase and trimmed: one delivery per mailbox. */
export function normalizeAddress(address: string): string {
  return address.trim().toLowerCase();
}

/** The delivery's document id: SHA-256 of mailing id and normalised address. */
export function deliveryIdFor(mailingId: string, address: string): Promise<string> {
  return sha256Hex(`${mailingId}\n${normalizeAddress(address)}`);
}
