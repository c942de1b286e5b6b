import { describe, expect, it } from 'vitest';
import { fieldErrors } from './validation.ts';
import { publicProposalInputSchema } from './proposalInput.ts';

const actor = {
  entity: 'actor',
  networkId: 'hemerfeld',
  fields: { name: 'Nähcafé International', kinds: ['Initiative'] },
  proposer: { name: 'Aylin K.', email: 'Aylin@Example.de' },
  privacy: true,
};

function errorsOf(input: unknown) {
  const result = publicProposalInputSchema.safeParse(input);
  return result.success ? {} : fieldErrors(result.error);
}

describe('publicProposalInputSchema', () => {
  it('accepts a minimal actor and fills the other fields with defaults', () => {
    const parsed = publicProposalInputSchema.parse(actor);
    expect(parsed.entity).toBe('actor');
    expect(parsed.proposer.email).toBe('aylin@example.de');
    expect(parsed.fields).toMatchObject({ languages: [], website: '', address: { city: '' } });
    expect(parsed.homepage).toBe('');
  });

  it('names the field of each kind of bad input', () => {
    expect(Object.keys(errorsOf({ ...actor, fields: { ...actor.fields, name: '' } }))).toEqual([
      'fields.name',
    ]);
    expect(errorsOf({ ...actor, networkId: '' })).toHaveProperty('networkId');
    expect(errorsOf({ ...actor, proposer: { email: 'keine-adresse' } })).toHaveProperty(
      'proposer.email',
    );
    expect(errorsOf({ ...actor, privacy: false })).toHaveProperty('privacy');
    expect(errorsOf({ ...actor, fields: { ...actor.fields, status: 'published' } })).toHaveProperty(
      'fields.status',
    );
    expect(errorsOf({ ...actor, entity: 'meeting' })).toHaveProperty('entity');
  });

  it('needs an actor for a proposed offer', () => {
    const offer = {
      ...actor,
      entity: 'offer',
      fields: { title: 'Nähcafé', offerTypes: ['Begegnung'], actorIds: [] },
    };
    expect(errorsOf(offer)).toHaveProperty('fields.actorIds');
    expect(
      publicProposalInputSchema.safeParse({
        ...offer,
        fields: { ...offer.fields, actorIds: ['a'] },
      }).success,
    ).toBe(true);
  });
});
