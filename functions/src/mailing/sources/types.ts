// Recipient sources are pluggable: the pipeline asks one for pages of recipients and tells it
// about addresses the mail server refused for good. It knows nothing else about them.
import {
  FieldPath,
  type Firestore,
  type Query,
  type QueryDocumentSnapshot,
} from 'firebase-admin/firestore';
import type { RecipientSourceName, Recipients } from '@knotenpunkt/model';

export interface SourceRecipient {
  address: string;
  name: string;
  /** Extra placeholder values (model: SOURCE_PLACEHOLDERS). */
  vars?: Record<string, string>;
  /** A one-click unsubscribe URL (List-Unsubscribe, RFC 8058) when the source offers one. */
  unsubscribeUrl?: string;
  /** The recipient's record in the source, handed back in onPermanentFailure. */
  sourceRef?: string;
}

export interface SourceContext {
  db: Firestore;
  networkId: string;
  mailingId: string;
  baseUrl: string;
  recipients: Recipients;
}

export interface SourcePage {
  recipients: SourceRecipient[];
  /** Opaque position after this page; null after the last one. */
  next: string | null;
}

export interface PermanentFailure {
  address: string;
  sourceRef: string;
  /** The mail server's answer, e.g. "550 5.1.1 unknown user". */
  answer: string;
}

export interface RecipientSource {
  /** Recipients in a stable order from `cursor` on; the same cursor gives the same page. */
  page(ctx: SourceContext, cursor: string | null, limit: number): Promise<SourcePage>;
  /** The address was refused permanently (5xx): e.g. mark a subscriber bounced. */
  onPermanentFailure?(ctx: SourceContext, failure: PermanentFailure): Promise<void>;
  /**
   * Values for one mail only, made when it is sent and never stored with the delivery: e.g. a
   * personal link whose token the database keeps only as a hash (questionnaires). Called for
   * every attempt; a failure counts as a temporary error (the delivery is tried again), except
   * RecipientGoneError: the person no longer wants mail, and nothing is sent.
   */
  personalize?(
    ctx: SourceContext,
    recipient: { address: string; sourceRef: string },
  ): Promise<Record<string, string>>;
}

export type SourceRegistry = Record<RecipientSourceName, RecipientSource>;

/**
 * Thrown by personalize() when the recipient left after the mailing was planned (unsubscribed or
 * erased): the delivery ends as failed with this reason, and no mail goes out.
 */
export class RecipientGoneError extends Error {}

/** A source that cannot deliver recipients (not built yet, or its data is missing). */
export class SourceUnavailableError extends Error {}

/** Narrows the mailing's recipients to the source's own settings. */
export function settingsOf<S extends RecipientSourceName>(
  ctx: SourceContext,
  source: S,
): Extract<Recipients, { source: S }> {
  if (ctx.recipients.source !== source) {
    throw new SourceUnavailableError(
      `Die Empfängerquelle ${source} passt nicht zu diesem Versand.`,
    );
  }
  return ctx.recipients as Extract<Recipients, { source: S }>;
}

/**
 * One page of a query in document-id order: a stable order whose cursor is the last id, so the
 * same cursor gives the same page. `next` is null after the last page.
 */
export async function pageInIdOrder(
  query: Query,
  cursor: string | null,
  limit: number,
): Promise<{ docs: QueryDocumentSnapshot[]; next: string | null }> {
  let q = query.orderBy(FieldPath.documentId()).limit(limit);
  if (cursor) q = q.startAfter(cursor);
  const snap = await q.get();
  const last = snap.docs.at(-1);
  return { docs: snap.docs, next: snap.size === limit && last ? last.id : null };
}
