// The `rsvps` source: a meeting's invitees by their answer (yes, waiting list, maybe, no, no
// answer yet), or a few named ones (the person who moved up from the waiting list). Read page by
// page in document-id order.
import { paths, rsvpSetOf, type RsvpAnswer } from '@knotenpunkt/model';
import type { RecipientSource, SourceRecipient } from '../../mailing/sources/types.ts';
import { SourceUnavailableError, pageInIdOrder, settingsOf } from '../../mailing/sources/types.ts';
import { meetingOfMailing } from './meetingMailing.ts';

type Doc = FirebaseFirestore.DocumentSnapshot;

function recipientOf(doc: Doc): SourceRecipient {
  return {
    address: String(doc.get('email')),
    name: String(doc.get('name') ?? ''),
    vars: { organisation: String(doc.get('organisation') ?? '') },
    sourceRef: doc.id,
  };
}

export const rsvpsSource: RecipientSource = {
  async page(ctx, cursor, limit) {
    const { answers, inviteeIds } = settingsOf(ctx, 'rsvps');
    const info = await meetingOfMailing(ctx.db, ctx.networkId, ctx.mailingId);
    if (!info) throw new SourceUnavailableError('Das Treffen dieses Versands gibt es nicht mehr.');
    const rsvps = ctx.db.collection(paths.rsvps(ctx.networkId, info.meetingId));
    const wanted = (doc: Doc) =>
      doc.exists &&
      answers.includes(
        rsvpSetOf({
          answer: (doc.get('answer') as RsvpAnswer | null) ?? null,
          waitlisted: doc.get('waitlisted') === true,
        }),
      );
    if (inviteeIds.length > 0) {
      const start = cursor ? Number(cursor) : 0;
      const slice = inviteeIds.slice(start, start + limit);
      const docs = slice.length > 0 ? await ctx.db.getAll(...slice.map((id) => rsvps.doc(id))) : [];
      const end = start + slice.length;
      return {
        recipients: docs.filter(wanted).map(recipientOf),
        next: end < inviteeIds.length ? String(end) : null,
      };
    }
    const { docs, next } = await pageInIdOrder(rsvps, cursor, limit);
    return { recipients: docs.filter(wanted).map(recipientOf), next };
  },
};
