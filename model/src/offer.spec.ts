import { describe, expect, it } from 'vitest';
import { OFFER_FIELD_LABELS, emptyOfferFields, offerInputSchema } from './offer.ts';

const minimal = {
  actorIds: ['a1'],
  title: 'Sprachcafé',
  offerTypes: ['Sprachtreff'],
  networkIds: ['hemer'],
};

describe('offerInputSchema', () => {
  it('completes a minimal offer with everything switched off', () => {
    const offer = offerInputSchema.parse(minimal);
    expect(offer).toMatchObject({
      free: false,
      childcare: false,
      barrierFree: false,
      status: 'draft',
    });
  });

  it('needs at least one actor and one offer type', () => {
    expect(offerInputSchema.safeParse({ ...minimal, actorIds: [] }).success).toBe(false);
    expect(offerInputSchema.safeParse({ ...minimal, offerTypes: [] }).success).toBe(false);
  });
});

describe('emptyOfferFields', () => {
  it('starts a draft for the given networks and actors that still needs a title and a type', () => {
    const empty = emptyOfferFields(['hemer'], ['a1']);
    expect(empty.actorIds).toEqual(['a1']);
    const result = offerInputSchema.safeParse(empty);
    expect(result.error?.issues.map((i) => i.path[0]).sort()).toEqual(['offerTypes', 'title']);
  });

  it('has a German label for every input field', () => {
    expect(Object.keys(OFFER_FIELD_LABELS).sort()).toEqual(
      Object.keys(offerInputSchema.shape).sort(),
    );
  });
});
