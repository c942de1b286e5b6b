// Personal RSVP links: 256 random bits, base64url, stored only as tokens/{sha256}. A link names
// one invitee of one meeting and works until a month after the meeting (answers can change until
// the deadline; afterwards the page still shows the answer).
import { createHash, randomBytes } from 'node:crypto';
import { Timestamp, type Firestore, type WriteBatch } from 'firebase-admin/firestore';
import { paths, tokenSchema } from '@knotenpunkt/model';

/** Links stay valid this long after the meeting's end. */
export const RSVP_TOKEN_GRACE_MS = 30 * 86_400_000;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface RsvpTarget {
  networkId: string;
  meetingId: string;
  inviteeId: string;
}

/** Adds the token document to the batch and returns the token (the only copy). */
export function mintRsvpToken(
  db: Firestore,
  batch: WriteBatch,
  target: RsvpTarget,
  meetingEnd: Date,
  now: Date,
): string {
  const token = newToken();
  batch.create(db.doc(paths.token(tokenHash(token))), {
    purpose: 'rsvp',
    networkId: target.networkId,
    targetPath: paths.rsvp(target.networkId, target.meetingId, target.inviteeId),
    expiresAt: Timestamp.fromMillis(meetingEnd.getTime() + RSVP_TOKEN_GRACE_MS),
    usedAt: null,
    createdAt: Timestamp.fromDate(now),
  });
  return token;
}

const RSVP_PATH = /^networks\/([A-Za-z0-9_-]+)\/meetings\/([A-Za-z0-9_-]+)\/rsvps\/([0-9a-f]{64})$/;

/** The invitee a token names, or null when it is unknown, expired or not an RSVP link. */
export async function resolveRsvpToken(
  db: Firestore,
  token: string,
  now: Date,
): Promise<RsvpTarget | null> {
  const snap = await db.doc(paths.token(tokenHash(token))).get();
  if (!snap.exists) return null;
  const data = snap.data() ?? {};
  const parsed = tokenSchema.safeParse({
    ...data,
    expiresAt: data.expiresAt instanceof Timestamp ? data.expiresAt.toDate() : data.expiresAt,
    usedAt: data.usedAt instanceof Timestamp ? data.usedAt.toDate() : data.usedAt,
    createdAt: data.createdAt instanceof Timestamp ? data.createdAt.toDate() : data.createdAt,
  });
  if (!parsed.success || parsed.data.purpose !== 'rsvp') return null;
  if (parsed.data.expiresAt && parsed.data.expiresAt.getTime() <= now.getTime()) return null;
  const match = RSVP_PATH.exec(parsed.data.targetPath);
  if (!match || match[1] !== parsed.data.networkId) return null;
  return { networkId: match[1], meetingId: match[2]!, inviteeId: match[3]! };
}
