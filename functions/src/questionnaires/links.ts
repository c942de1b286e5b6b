// Personal questionnaire links: 256 random bits in the URL fragment, stored only as SHA-256 in
// tokens/{hash}. For anonymous questionnaires the respondent's documents are keyed by values
// derived from the link itself (HMAC with the token as key), and drafts are sealed with a key
// derived the same way: without the link, neither the token hash nor the invitation leads to
// the response, and nobody with database access can read a draft.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { Timestamp, type Firestore } from 'firebase-admin/firestore';
import { paths, sha256Hex, tokenSchema, type Answers } from '@knotenpunkt/model';

/** A new link token: 32 random bytes, base64url. */
export function newLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

export const tokenHashOf = (token: string) => sha256Hex(token);

/** Where the answering page lives; the token stays in the fragment (never sent to a server log). */
export function linkUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/fragebogen#${token}`;
}

const DAY = 86_400_000;
/** Links work this long after the deadline (showing "Frist abgelaufen"), then expire. */
export const LINK_GRACE_DAYS = 30;
/** Without a deadline a link expires after a year. */
export const LINK_DAYS_WITHOUT_DEADLINE = 365;

export function linkExpiry(deadline: Date | null, now: Date): Date {
  return deadline
    ? new Date(Math.max(deadline.getTime(), now.getTime()) + LINK_GRACE_DAYS * DAY)
    : new Date(now.getTime() + LINK_DAYS_WITHOUT_DEADLINE * DAY);
}

/** Stores a new token for an invitation and returns the link's token (only place it exists). */
export async function issueLink(
  db: Firestore,
  target: { networkId: string; questionnaireId: string; invitationId: string },
  deadline: Date | null,
  now: Date,
): Promise<string> {
  const token = newLinkToken();
  const doc = tokenSchema.parse({
    purpose: 'questionnaire',
    networkId: target.networkId,
    targetPath: paths.invitation(target.networkId, target.questionnaireId, target.invitationId),
    expiresAt: linkExpiry(deadline, now),
    usedAt: null,
    createdAt: now,
  });
  await db.doc(paths.token(await tokenHashOf(token))).create({
    ...doc,
    expiresAt: Timestamp.fromDate(doc.expiresAt!),
    createdAt: Timestamp.fromDate(now),
  });
  return token;
}

function derive(token: string, purpose: string): Buffer {
  return createHmac('sha256', token).update(`knotenpunkt/questionnaire/${purpose}`).digest();
}

export interface RespondentKeys {
  responseId: string;
  draftId: string;
  /** Seals the draft (anonymous questionnaires); null: stored as is. */
  sealKey: Buffer | null;
}

/**
 * Identified: the invitation is the respondent (any of its links reaches the same draft and
 * response). Anonymous: ids and the draft key come from the link token alone.
 */
export function respondentKeys(
  token: string,
  invitationId: string,
  anonymous: boolean,
): RespondentKeys {
  if (!anonymous) return { responseId: invitationId, draftId: invitationId, sealKey: null };
  return {
    responseId: derive(token, 'response').toString('base64url'),
    draftId: derive(token, 'draft').toString('base64url'),
    sealKey: derive(token, 'draft-key'),
  };
}

/** AES-256-GCM: iv (12 bytes) ‖ tag (16 bytes) ‖ ciphertext, base64. */
export function seal(key: Buffer, answers: Answers): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(answers), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

export function unseal(key: Buffer, sealed: string): unknown {
  const raw = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString(
    'utf8',
  );
  return JSON.parse(text) as unknown;
}
