// The distribution list's recipient sources for the mail pipeline (functions/src/mailing):
// - subscribers: confirmed subscribers who chose invitations (optionally with one of the
//   interests), each mail with its own preferences link and one-click unsubscribe URL;
// - subscriberImport: the still pending addresses of one coordinator import, each with its
//   confirmation link (the opt-in mails).
// Each page writes the personal tokens of its recipients in one batch. A repeated page makes new
// tokens, but the pipeline keeps the delivery planned first, so only unused tokens are left to
// expire.
import { Timestamp, type Firestore, type Query } from 'firebase-admin/firestore';
import { MAILING_RECIPIENT_FILTERS, paths } from '@knotenpunkt/model';
import type { RecipientSource, SourceContext, SourceRecipient } from '../mailing/sources/types.ts';
import { RecipientGoneError, pageInIdOrder, settingsOf } from '../mailing/sources/types.ts';
import { confirmUrl, oneClickUnsubscribeUrl, preferencesUrl } from './links.ts';
import { issueToken, type IssuedToken } from './tokens.ts';

const greeting = (name: string) => (name ? `Guten Tag ${name},` : 'Guten Tag,');

async function pageOf(
  ctx: SourceContext,
  query: Query,
  cursor: string | null,
  limit: number,
  withConfirm: boolean,
) {
  const { docs, next } = await pageInIdOrder(query, cursor, limit);
  const now = new Date();
  const tokens: IssuedToken[] = [];
  const recipients: SourceRecipient[] = docs.map((doc) => {
    const name = String(doc.get('name') ?? '');
    const prefs = issueToken(ctx.db, 'preferences', ctx.networkId, doc.ref.path, now);
    tokens.push(prefs);
    const vars: Record<string, string> = {
      anrede: greeting(name),
      organisation: String(doc.get('organisation') ?? ''),
      einstellungslink: preferencesUrl(ctx.baseUrl, ctx.networkId, prefs.token),
    };
    if (withConfirm) {
      const confirm = issueToken(ctx.db, 'confirmSubscription', ctx.networkId, doc.ref.path, now);
      tokens.push(confirm);
      vars.bestaetigungslink = confirmUrl(ctx.baseUrl, ctx.networkId, confirm.token);
    }
    return {
      address: String(doc.get('email')),
      name,
      vars,
      unsubscribeUrl: oneClickUnsubscribeUrl(ctx.baseUrl, prefs.token),
      sourceRef: doc.id,
    };
  });
  for (let i = 0; i < tokens.length; i += 400) {
    const batch = ctx.db.batch();
    for (const t of tokens.slice(i, i + 400)) batch.create(t.ref, t.data);
    await batch.commit();
  }
  return { recipients, next };
}

/** A permanent SMTP refusal: the address is marked undeliverable (coordinators see "bounced"). */
async function markBounced(db: Firestore, networkId: string, subscriberId: string) {
  const ref = db.doc(paths.subscriber(networkId, subscriberId));
  await db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    const status = snap.get('status');
    if (!snap.exists || (status !== 'confirmed' && status !== 'pending')) return;
    const now = Timestamp.now();
    tx.update(ref, { status: 'bounced', bouncedAt: now, updatedAt: now });
  });
}

/**
 * Checked right before each mail: someone who unsubscribed or was erased after the mailing was
 * planned gets nothing (the planned list is a snapshot).
 */
async function assertStill(
  ctx: SourceContext,
  subscriberId: string,
  wanted: (doc: FirebaseFirestore.DocumentSnapshot) => boolean,
) {
  if (!subscriberId) return {};
  const doc = await ctx.db.doc(paths.subscriber(ctx.networkId, subscriberId)).get();
  if (!doc.exists) throw new RecipientGoneError('Die Adresse wurde inzwischen gelöscht.');
  if (!wanted(doc)) throw new RecipientGoneError('Die Person hat sich inzwischen abgemeldet.');
  return {};
}

export const subscribersSource: RecipientSource = {
  async page(ctx, cursor, limit) {
    const { interests } = settingsOf(ctx, 'subscribers');
    let query: Query = ctx.db.collection(paths.subscribers(ctx.networkId));
    for (const [field, op, value] of MAILING_RECIPIENT_FILTERS)
      query = query.where(field, op, value);
    if (interests.length > 0) query = query.where('interests', 'array-contains-any', interests);
    return pageOf(ctx, query, cursor, limit, false);
  },
  personalize: (ctx, recipient) =>
    assertStill(ctx, recipient.sourceRef, (doc) =>
      MAILING_RECIPIENT_FILTERS.every(([field, , value]) => doc.get(field) === value),
    ),
  async onPermanentFailure(ctx, failure) {
    if (failure.sourceRef) await markBounced(ctx.db, ctx.networkId, failure.sourceRef);
  },
};

export const subscriberImportSource: RecipientSource = {
  async page(ctx, cursor, limit) {
    const { importId } = settingsOf(ctx, 'subscriberImport');
    const query = ctx.db
      .collection(paths.subscribers(ctx.networkId))
      .where('importId', '==', importId)
      .where('status', '==', 'pending');
    return pageOf(ctx, query, cursor, limit, true);
  },
  personalize: (ctx, recipient) =>
    assertStill(ctx, recipient.sourceRef, (doc) => doc.get('status') === 'pending'),
  async onPermanentFailure(ctx, failure) {
    if (failure.sourceRef) await markBounced(ctx.db, ctx.networkId, failure.sourceRef);
  },
};
