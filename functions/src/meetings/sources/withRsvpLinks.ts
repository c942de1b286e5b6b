// Wraps any recipient source for mails about a meeting: every recipient of an invitation becomes
// an invitee (networks/{n}/meetings/{m}/rsvps/{sha256(address)}, answer null until they answer),
// and every recipient of an invitation, reminder or waiting-list mail gets personal answer links
// ({{zusage}}, {{absage}}, {{vielleicht}}, {{antwortseite}}). The links' tokens are written in the
// page's batch; a repeated page mints new ones, but the pipeline keeps the delivery planned first,
// so the extra tokens are never sent and expire with the meeting.
import { Timestamp } from 'firebase-admin/firestore';
import {
  RSVP_LINK_PLACEHOLDERS,
  RSVP_PAGE_PLACEHOLDER,
  normalizeAddress,
  paths,
  sha256Hex,
  type RsvpSource,
} from '@knotenpunkt/model';
import type { RecipientSource, SourceRecipient } from '../../mailing/sources/types.ts';
import { rsvpUrl } from '../links.ts';
import { mintRsvpToken } from '../tokens.ts';
import { meetingOfMailing } from './meetingMailing.ts';

/** Recipients per batch: an RSVP document and a token each, below Firestore's 500 writes. */
const CHUNK = 200;

const greeting = (name: string) => (name ? `Guten Tag ${name},` : 'Guten Tag,');

export function withRsvpLinks(source: RecipientSource, sourceName: RsvpSource): RecipientSource {
  const wrapped: RecipientSource = {
    async page(ctx, cursor, limit) {
      const page = await source.page(ctx, cursor, limit);
      const recipients: SourceRecipient[] = page.recipients.map((r) => ({
        ...r,
        vars: { anrede: greeting(r.name), ...r.vars },
      }));
      const info =
        recipients.length > 0 ? await meetingOfMailing(ctx.db, ctx.networkId, ctx.mailingId) : null;
      if (!info || !info.links) return { ...page, recipients };

      const rsvps = ctx.db.collection(paths.rsvps(ctx.networkId, info.meetingId));
      const ids = await Promise.all(recipients.map((r) => sha256Hex(normalizeAddress(r.address))));
      const existing = await ctx.db.getAll(...ids.map((id) => rsvps.doc(id)));
      const now = new Date();
      const stamp = Timestamp.fromDate(now);
      const out: SourceRecipient[] = [];
      const seen = new Set<string>();
      for (let start = 0; start < recipients.length; start += CHUNK) {
        const batch = ctx.db.batch();
        recipients.slice(start, start + CHUNK).forEach((recipient, offset) => {
          const i = start + offset;
          const id = ids[i] ?? '';
          const known = existing[i]?.exists === true;
          if (!known && !info.invite) {
            // Only invitations add invitees; a reminder reaches those who have a document.
            out.push(recipient);
            return;
          }
          if (!known && !seen.has(id)) {
            batch.create(rsvps.doc(id), {
              email: normalizeAddress(recipient.address),
              name: recipient.name.slice(0, 200),
              organisation: String(recipient.vars?.organisation ?? '').slice(0, 200),
              source: sourceName,
              sourceRef: (recipient.sourceRef ?? '').slice(0, 500),
              answer: null,
              waitlisted: false,
              persons: 1,
              comment: '',
              order: null,
              attended: null,
              invitedAt: stamp,
              answeredAt: null,
              promotedAt: null,
              updatedAt: stamp,
            });
          }
          seen.add(id);
          const token = mintRsvpToken(
            ctx.db,
            batch,
            { networkId: ctx.networkId, meetingId: info.meetingId, inviteeId: id },
            info.meetingEnd,
            now,
          );
          out.push({
            ...recipient,
            vars: {
              ...recipient.vars,
              [RSVP_LINK_PLACEHOLDERS.yes]: rsvpUrl(ctx.baseUrl, token, 'yes'),
              [RSVP_LINK_PLACEHOLDERS.no]: rsvpUrl(ctx.baseUrl, token, 'no'),
              [RSVP_LINK_PLACEHOLDERS.maybe]: rsvpUrl(ctx.baseUrl, token, 'maybe'),
              [RSVP_PAGE_PLACEHOLDER]: rsvpUrl(ctx.baseUrl, token),
            },
          });
        });
        await batch.commit();
      }
      return { ...page, recipients: out };
    },
  };
  if (source.onPermanentFailure) {
    wrapped.onPermanentFailure = (ctx, failure) => source.onPermanentFailure!(ctx, failure);
  }
  if (source.personalize) {
    wrapped.personalize = (ctx, recipient) => source.personalize!(ctx, recipient);
  }
  return wrapped;
}
