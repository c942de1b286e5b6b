import { z } from 'zod';
import { docId, email, int, optionalTimestamp, timestamp } from './primitives.ts';

export const DELIVERY_STATUSES = ['pending', 'sent', 'failed', 'skipped'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * networks/{networkId}/mailings/{mailingId}/deliveries/{subscriberId}: one per recipient, keyed by
 * the recipient so a mail goes out at most once per mailing. Written only by the pipeline.
 */
export const deliverySchema = z.strictObject({
  subscriberId: docId,
  email,
  status: z.enum(DELIVERY_STATUSES),
  attempts: int(0, 100),
  lastError: z.string().max(1000),
  messageId: z.string().max(500),
  sentAt: optionalTimestamp,
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Delivery = z.infer<typeof deliverySchema>;
