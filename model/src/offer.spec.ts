import { describe, expect, it } from 'vitest';
import { offerInputSchema } from './offer.ts';

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
