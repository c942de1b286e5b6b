import { describe, expect, it } from 'vitest';
import { actorInputSchema } from './actor.ts';
import { offerInputSchema } from './offer.ts';
import {
  SUMMARY_SUPPORT_MAX,
  actorSummary,
  directoryShardSchema,
  offerSummary,
  serializeShard,
  shardOf,
  toPublicActor,
  toPublicOffer,
} from './directorySnapshot.ts';

const stamp = new Date('2026-11-20T10:00:00Z');

const storedActor = {
  ...actorInputSchema.parse({
    name: 'Café International e. V.',
    kinds: ['Verein'],
    networkIds: ['hemerfeld'],
    status: 'published',
    address: { street: 'Markt 1', postalCode: '58675', city: 'Hemerfeld' },
    publicContact: { phone: '02372 1234', email: 'info@cafe.example' },
    supportWanted: 'x'.repeat(400),
  }),
  createdAt: stamp,
  updatedAt: stamp,
  updatedBy: 'uid-of-a-coordinator',
  // Fields another feature may add later; the allowlist must drop them.
  internalNotes: 'Vorsitzender schwer erreichbar',
  contactIds: ['kontakt-1'],
};

describe('toPublicActor', () => {
  it('copies only the public fields and stamps id and date', () => {
    const actor = toPublicActor('cafe', storedActor, stamp);
    expect(actor.id).toBe('cafe');
    expect(actor.updatedAt).toBe('2026-11-20T10:00:00.000Z');
    expect(actor.publicContact).toEqual({ phone: '02372 1234', email: 'info@cafe.example' });
    for (const key of [
      'status',
      'networkIds',
      'createdAt',
      'updatedBy',
      'internalNotes',
      'contactIds',
    ]) {
      expect(actor).not.toHaveProperty(key);
    }
  });

  it('refuses stored data that does not parse', () => {
    expect(() => toPublicActor('x', { name: '' }, stamp)).toThrow();
  });
});

describe('summaries', () => {
  it('clip the support text and fall back to the town as Ort', () => {
    const summary = actorSummary(toPublicActor('cafe', storedActor, stamp));
    expect(summary.supportWanted.length).toBe(SUMMARY_SUPPORT_MAX);
    expect(summary.supportWanted.endsWith('…')).toBe(true);
    expect(summary.municipality).toBe('Hemerfeld');
    expect(summary).not.toHaveProperty('description');
    expect(summary.publicContact.email).toBe('info@cafe.example');
  });

  it("keep an offer's flags and actors for filtering", () => {
    const offer = toPublicOffer(
      'sprachcafe',
      {
        ...offerInputSchema.parse({
          actorIds: ['cafe'],
          title: 'Sprachcafé',
          offerTypes: ['Sprachtreff'],
          free: true,
          childcare: true,
          networkIds: ['hemerfeld'],
        }),
        updatedBy: 'uid',
      },
      stamp,
    );
    expect(offerSummary(offer)).toMatchObject({
      actorIds: ['cafe'],
      free: true,
      childcare: true,
      barrierFree: false,
    });
    expect(offer).not.toHaveProperty('updatedBy');
    expect(offer).not.toHaveProperty('networkIds');
  });
});

describe('shards', () => {
  it('put every id in the same shard every time, spread evenly', () => {
    expect(shardOf('cafe', 1)).toBe(0);
    expect(shardOf('cafe', 4)).toBe(shardOf('cafe', 4));
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[shardOf(`actor-${i}`, 4)]!++;
    for (const count of counts) expect(count).toBeGreaterThan(800);
  });

  it('serialize entries sorted by id, whatever order they were added in', () => {
    const summary = actorSummary(toPublicActor('cafe', storedActor, stamp));
    const a = serializeShard({ actors: { b: { ...summary, id: 'b' }, a: summary }, offers: {} });
    const b = serializeShard({ actors: { a: summary, b: { ...summary, id: 'b' } }, offers: {} });
    expect(a).toBe(b);
    expect(directoryShardSchema.parse(JSON.parse(a)).actors.b?.id).toBe('b');
  });
});
