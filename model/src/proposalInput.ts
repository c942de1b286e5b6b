import { z } from 'zod';
import { actorInputSchema } from './actor.ts';
import { offerInputSchema } from './offer.ts';
import { docId, optionalText, uniqueList } from './primitives.ts';
import { proposerSchema } from './proposal.ts';

// What the public form "Eintrag vorschlagen" posts to POST /api/proposals. The fields are a subset
// of the actor/offer input (status, networks and coordinates are the coordinators' decision), so
// the review inbox (proposalReview.ts) can apply them as they are.

/** Proposals larger than this (bytes of JSON) are refused before parsing. */
export const PROPOSAL_BODY_MAX_BYTES = 32_000;

/** The honeypot: a field people never see or fill in; bots that fill every field do. */
export const HONEYPOT_FIELD = 'homepage';

export const proposedActorFieldsSchema = actorInputSchema.pick({
  name: true,
  kinds: true,
  shortDescription: true,
  description: true,
  fieldsOfAction: true,
  targetGroups: true,
  languages: true,
  address: true,
  municipality: true,
  district: true,
  website: true,
  publicContact: true,
  supportWanted: true,
});
export type ProposedActorFields = z.output<typeof proposedActorFieldsSchema>;

export const proposedOfferFieldsSchema = offerInputSchema
  .pick({
    title: true,
    shortDescription: true,
    description: true,
    offerTypes: true,
    fieldsOfAction: true,
    targetGroups: true,
    languages: true,
    place: true,
    schedule: true,
    cost: true,
    free: true,
    registrationRequired: true,
    registration: true,
    childcare: true,
    barrierFree: true,
  })
  .extend({
    // Offers belong to published actors of the directory (new actors are proposed first).
    actorIds: uniqueList(docId, 1, 10),
  });
export type ProposedOfferFields = z.output<typeof proposedOfferFieldsSchema>;

const common = {
  networkId: z
    .string({ error: 'Bitte ein Netzwerk wählen.' })
    .min(1, { error: 'Bitte ein Netzwerk wählen.' })
    .pipe(docId),
  proposer: proposerSchema,
  privacy: z.literal(true, { error: 'Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu.' }),
  [HONEYPOT_FIELD]: optionalText(500),
};

export const publicProposalInputSchema = z.discriminatedUnion(
  'entity',
  [
    z.strictObject({ entity: z.literal('actor'), fields: proposedActorFieldsSchema, ...common }),
    z.strictObject({ entity: z.literal('offer'), fields: proposedOfferFieldsSchema, ...common }),
  ],
  { error: 'Bitte wählen Sie, ob Sie einen Akteur oder ein Angebot vorschlagen.' },
);
export type PublicProposalInput = z.input<typeof publicProposalInputSchema>;
export type PublicProposal = z.output<typeof publicProposalInputSchema>;
