// Building and changing subscriber documents the same way in every handler.
import type { DocumentData, Firestore } from 'firebase-admin/firestore';
import { Timestamp } from 'firebase-admin/firestore';
import {
  CONSENT_PURPOSES,
  FORM_IDS,
  paths,
  subscriberIdFor,
  type ConsentForm,
  type ConsentPurpose,
  type ConsentRecord,
  type Purposes,
} from '@knotenpunkt/model';

export async function subscriberRef(db: Firestore, networkId: string, email: string) {
  return db.doc(paths.subscriber(networkId, await subscriberIdFor(email)));
}

export function newConsent(
  form: ConsentForm,
  proof: { textVersion: string; textHash: string },
  now: Date,
  confirmed = false,
  note = '',
): ConsentRecord {
  return {
    note,
    form,
    formId: FORM_IDS[form],
    textVersion: proof.textVersion,
    textHash: proof.textHash,
    requestedAt: now,
    mailSentAt: null,
    confirmedAt: confirmed ? now : null,
    withdrawnAt: null,
  };
}

export const chosenPurposes = (purposes: Purposes): ConsentPurpose[] =>
  CONSENT_PURPOSES.filter((p) => purposes[p]);

/** Firestore gives Timestamps back; handlers work with Dates. */
export function toDate(value: unknown): Date | null {
  if (value instanceof Timestamp) return value.toDate();
  if (value instanceof Date) return value;
  return null;
}

export function toDates(value: unknown): Date[] {
  return Array.isArray(value) ? value.map(toDate).filter((d): d is Date => d !== null) : [];
}

/** The consent records of a stored subscriber, with Dates. */
export function consentsOf(data: DocumentData): Record<ConsentPurpose, ConsentRecord | null> {
  const out = {} as Record<ConsentPurpose, ConsentRecord | null>;
  for (const purpose of CONSENT_PURPOSES) {
    const r = (data.consents as Record<string, DocumentData | null> | undefined)?.[purpose];
    out[purpose] = r
      ? ({
          ...r,
          requestedAt: toDate(r.requestedAt),
          mailSentAt: toDate(r.mailSentAt),
          confirmedAt: toDate(r.confirmedAt),
          withdrawnAt: toDate(r.withdrawnAt),
        } as ConsentRecord)
      : null;
  }
  return out;
}

/**
 * The change that takes someone off the list: every consent withdrawn now, no purpose left, the
 * volunteer details (and the coordinators' note on them) deleted as they have no purpose any
 * more. The address and the consent records stay as proof, until the person asks for erasure.
 */
export function unsubscribeChange(data: DocumentData, now: Date): DocumentData {
  const consents = consentsOf(data);
  for (const purpose of CONSENT_PURPOSES) {
    const record = consents[purpose];
    if (record && !record.withdrawnAt) consents[purpose] = { ...record, withdrawnAt: now };
  }
  return {
    status: 'unsubscribed',
    unsubscribedAt: now,
    purposes: { invitations: false, volunteer: false },
    consents,
    volunteer: null,
    contactNote: null,
    updatedAt: now,
  };
}

/** Dates as ISO strings for JSON answers. */
export function jsonSafe(value: unknown): unknown {
  if (value instanceof Timestamp) return value.toDate().toISOString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonSafe(v)]));
  }
  return value;
}
