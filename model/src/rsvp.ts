import { z } from 'zod';
import { docId, email, int, optionalText, timestamp } from './primitives.ts';

export const RSVP_ANSWERS = ['yes', 'no', 'maybe'] as const;
export type RsvpAnswer = (typeof RSVP_ANSWERS)[number];
export const RSVP_ANSWER_LABELS: Record<RsvpAnswer, string> = {
  yes: 'Zusage',
  no: 'Absage',
  maybe: 'Vielleicht',
};

/**
 * The groups an invitee falls into, e.g. for counts and for mailings to a meeting's invitees
 * (recipient source `rsvps`): confirmed yes, on the waiting list, maybe, no, no answer yet.
 */
export const RSVP_SETS = ['yes', 'waitlisted', 'maybe', 'no', 'none'] as const;
export type RsvpSet = (typeof RSVP_SETS)[number];

/** What the answer page behind a personal link submits (the token names subscriber and meeting). */
export const rsvpInputSchema = z.strictObject({
  answer: z.enum(RSVP_ANSWERS, { error: 'Bitte zusagen, absagen oder „vielleicht“ wählen.' }),
  persons: int(1, 10).default(1),
  comment: optionalText(1000),
});
export type RsvpInput = z.input<typeof rsvpInputSchema>;

/** networks/{networkId}/meetings/{meetingId}/rsvps/{subscriberId}: written only by functions. */
export const rsvpSchema = rsvpInputSchema.extend({
  subscriberId: docId,
  name: optionalText(),
  email,
  waitlisted: z.boolean(),
  answeredAt: timestamp,
  updatedAt: timestamp,
});
export type Rsvp = z.infer<typeof rsvpSchema>;
