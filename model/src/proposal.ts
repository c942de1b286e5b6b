import { z } from 'zod';
import { docId, email, optionalText, optionalTimestamp, timestamp } from './primitives.ts';

// The review inbox (/verwaltung/eingang): public proposals ("Eintrag vorschlagen") and
// self-service updates from upkeep links ("Ist Ihr Eintrag noch aktuell?") wait here until a
// coordinator of one of `networkIds` accepts (all or per field), edits or rejects them.

export const PROPOSAL_ENTITIES = ['actor', 'offer'] as const;
export const PROPOSAL_ORIGINS = ['public', 'upkeep'] as const;
export const PROPOSAL_STATUSES = ['open', 'accepted', 'rejected'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  open: 'Offen',
  accepted: 'Übernommen',
  rejected: 'Abgelehnt',
};

/** Who sent it (for questions back); never public. */
export const proposerSchema = z.strictObject({
  name: optionalText(),
  email,
});

/**
 * proposals/{id}: written only by functions (the public endpoint and the upkeep form); coordinators
 * of a listed network read it and set status/note/decidedAt/decidedBy when deciding.
 * `fields` holds the proposed values of actor or offer input fields (the keys of actorInputSchema /
 * offerInputSchema); for an update, only the fields that differ from the entry at submission time.
 */
export const proposalSchema = z.strictObject({
  entity: z.enum(PROPOSAL_ENTITIES),
  origin: z.enum(PROPOSAL_ORIGINS),
  /** null for a new entry; the actor/offer id for an update. */
  targetId: docId.nullable(),
  networkIds: z.array(docId).min(1).max(10),
  fields: z.record(z.string(), z.unknown()),
  proposer: proposerSchema.nullable(),
  status: z.enum(PROPOSAL_STATUSES),
  note: optionalText(1000),
  submittedAt: timestamp,
  decidedAt: optionalTimestamp,
  decidedBy: z.string().nullable().default(null),
});
export type Proposal = z.infer<typeof proposalSchema>;
export type ProposalWithId = Proposal & { id: string };

/** What a coordinator writes when deciding (firestore.rules allow exactly these keys to change). */
export const proposalDecisionSchema = z.strictObject({
  status: z.enum(['accepted', 'rejected']),
  note: optionalText(1000),
});
export type ProposalDecision = z.infer<typeof proposalDecisionSchema>;

export const PROPOSAL_TITLE_MAX = 200;
export const proposalTitle = (p: Pick<Proposal, 'fields'>) =>
  String(p.fields.name ?? p.fields.title ?? 'Ohne Titel').slice(0, PROPOSAL_TITLE_MAX);
