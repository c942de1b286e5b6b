// The mail pipeline's recipient source `upkeep`: the entries of an upkeep round, in actor-id
// order; entries answered meanwhile (a resumed mailing) are skipped. The personal link is made
// when each mail is sent and never stored with the delivery: the database keeps only its hash.
import { randomBytes } from 'node:crypto';
import { Timestamp, type Firestore } from 'firebase-admin/firestore';
import { UPKEEP_LINK_DAYS, paths, sha256Hex } from '@knotenpunkt/model';
import type { RecipientSource, SourceRecipient } from '../mailing/sources/types.ts';
import { pageInIdOrder, settingsOf } from '../mailing/sources/types.ts';

const DAY = 86_400_000;

/** Where the form lives; the token stays in the fragment (never in a server log or a Referer). */
export function upkeepLinkUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/eintrag-aktuell#${token}`;
}

/** Stores a new token (256 random bits, kept only as SHA-256) for one entry; returns the token. */
export async function issueUpkeepToken(
  db: Firestore,
  target: { networkId: string; roundId: string; actorId: string },
  now: Date,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.doc(paths.token(await sha256Hex(token))).create({
    purpose: 'upkeep',
    networkId: target.networkId,
    targetPath: paths.upkeepEntry(target.networkId, target.roundId, target.actorId),
    expiresAt: Timestamp.fromMillis(now.getTime() + UPKEEP_LINK_DAYS * DAY),
    usedAt: null,
    createdAt: Timestamp.fromDate(now),
  });
  return token;
}

export const upkeepSource: RecipientSource = {
  async page(ctx, cursor, limit) {
    const { roundId } = settingsOf(ctx, 'upkeep');
    const query = ctx.db.collection(paths.upkeepEntries(ctx.networkId, roundId));
    const { docs, next } = await pageInIdOrder(query, cursor, limit);
    const recipients: SourceRecipient[] = [];
    for (const doc of docs) {
      if (doc.get('status') !== 'open') continue;
      recipients.push({
        address: String(doc.get('email')),
        name: String(doc.get('name') ?? ''),
        vars: { akteur: String(doc.get('actorName') ?? '') },
        sourceRef: doc.id,
      });
    }
    return { recipients, next };
  },

  async personalize(ctx, recipient) {
    const { roundId } = settingsOf(ctx, 'upkeep');
    const token = await issueUpkeepToken(
      ctx.db,
      { networkId: ctx.networkId, roundId, actorId: recipient.sourceRef },
      new Date(),
    );
    return { aktualisierungslink: upkeepLinkUrl(ctx.baseUrl, token) };
  },
};
