// Reviewing a proposal in the inbox: which proposed fields differ from the entry, and the entry
// that results from accepting all of them or some. Pure; the web app parses the result with the
// entity's input schema before writing, so a proposal never bypasses validation.
import {
  ACTOR_FIELD_LABELS,
  actorInputSchema,
  emptyActorFields,
  type ActorFields,
} from './actor.ts';
import {
  OFFER_FIELD_LABELS,
  emptyOfferFields,
  offerInputSchema,
  type OfferFields,
} from './offer.ts';
import type { Proposal } from './proposal.ts';

export type ProposalEntity = Proposal['entity'];
export type EntryFields = ActorFields | OfferFields;

/** Fields a proposal may change. Status and networks are the coordinators' decision. */
const NOT_PROPOSABLE = new Set(['status', 'networkIds']);

export function fieldLabels(entity: ProposalEntity): Record<string, string> {
  return entity === 'actor' ? ACTOR_FIELD_LABELS : OFFER_FIELD_LABELS;
}

/** The input fields of the entity in form order (the schema's order). */
export function entryFieldOrder(entity: ProposalEntity): string[] {
  return Object.keys(entity === 'actor' ? actorInputSchema.shape : offerInputSchema.shape);
}

export function isProposableField(entity: ProposalEntity, key: string): boolean {
  return entryFieldOrder(entity).includes(key) && !NOT_PROPOSABLE.has(key);
}

export interface FieldChange {
  key: string;
  /** German label; the key itself for fields the entity does not have. */
  label: string;
  /** The entry's value now; undefined for a new entry. */
  current: unknown;
  proposed: unknown;
  /** False when the proposed value equals the current one (nothing to accept). */
  changed: boolean;
  /** False for keys the coordinators decide (status, networks) or the entity lacks: shown, never applied. */
  applicable: boolean;
}

/** Values compare by content; object keys in any order, text trimmed. */
function canonical(value: unknown): unknown {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value instanceof Date ? value.toISOString() : value;
}

/** Entry input fields are plain JSON (text, numbers, booleans, lists, small objects). */
function copy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a ?? null)) === JSON.stringify(canonical(b ?? null));
}

/**
 * The proposed fields side by side with the entry (null for a proposed new entry, compared with
 * an empty one), in form order; unknown keys last.
 */
export function proposalChanges(
  entity: ProposalEntity,
  fields: Record<string, unknown>,
  current: EntryFields | null,
): FieldChange[] {
  const order = entryFieldOrder(entity);
  const labels = fieldLabels(entity);
  const empty = entity === 'actor' ? emptyActorFields([]) : emptyOfferFields([]);
  const rank = (key: string) => {
    const index = order.indexOf(key);
    return index === -1 ? order.length : index;
  };
  return Object.keys(fields)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((key) => {
      const now = current ? (current as Record<string, unknown>)[key] : undefined;
      const proposed = fields[key];
      return {
        key,
        label: labels[key] ?? key,
        current: now,
        proposed,
        // A new entry starts empty: an empty proposed value (the form's default) changes nothing.
        changed: !sameValue(now ?? (empty as Record<string, unknown>)[key], proposed),
        applicable: isProposableField(entity, key),
      };
    });
}

/** The keys worth accepting: applicable and different from the entry. */
export function acceptableKeys(changes: readonly FieldChange[]): string[] {
  return changes.filter((c) => c.changed && c.applicable).map((c) => c.key);
}

/**
 * The entry after accepting `keys` of the proposal: the current entry, or a new draft for the
 * proposal's networks, with those fields replaced. Parse the result with the input schema.
 */
export function applyProposal(
  proposal: Pick<Proposal, 'entity' | 'fields' | 'networkIds'>,
  current: EntryFields | null,
  keys: readonly string[],
): Record<string, unknown> {
  const base: Record<string, unknown> = current
    ? copy(current)
    : proposal.entity === 'actor'
      ? emptyActorFields(proposal.networkIds)
      : emptyOfferFields(proposal.networkIds);
  for (const key of keys) {
    if (!isProposableField(proposal.entity, key) || !(key in proposal.fields)) continue;
    base[key] = copy(proposal.fields[key]);
  }
  return base;
}
