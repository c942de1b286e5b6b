import { describe, expect, it } from 'vitest';
import { ACTOR_FIELD_LABELS, actorInputSchema, actorSchema, emptyActorFields } from './actor.ts';

const minimal = { name: 'Café International e. V.', kinds: ['Verein'], networkIds: ['hemer'] };

describe('actorInputSchema', () => {
  it('completes a minimal entry with defaults, as a draft', () => {
    const actor = actorInputSchema.parse(minimal);
    expect(actor.status).toBe('draft');
    expect(actor.address).toEqual({ street: '', postalCode: '', city: '' });
    expect(actor.publicContact).toEqual({ phone: '', email: '' });
    expect(actor.coordinates).toBeNull();
    expect(actor.fieldsOfAction).toEqual([]);
  });

  it('refuses unknown keys, unknown kinds and an entry without network', () => {
    expect(actorInputSchema.safeParse({ ...minimal, role: 'admin' }).success).toBe(false);
    expect(actorInputSchema.safeParse({ ...minimal, kinds: ['Partei'] }).success).toBe(false);
    expect(actorInputSchema.safeParse({ ...minimal, networkIds: [] }).success).toBe(false);
  });

  it('names the field in German when the website is not a web address', () => {
    const result = actorInputSchema.safeParse({ ...minimal, website: 'cafe-international.de' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['website']);
    expect(result.error?.issues[0]?.message).toMatch(/https:\/\//);
  });
});

describe('actorSchema', () => {
  it('requires the server stamps on the stored document', () => {
    const input = actorInputSchema.parse(minimal);
    expect(actorSchema.safeParse(input).success).toBe(false);
    const now = new Date();
    expect(
      actorSchema.safeParse({ ...input, createdAt: now, updatedAt: now, updatedBy: 'u1' }).success,
    ).toBe(true);
  });
});

describe('emptyActorFields', () => {
  it('starts a draft for the given networks that still needs a name and a kind', () => {
    const empty = emptyActorFields(['hemer']);
    expect(empty.status).toBe('draft');
    expect(empty.networkIds).toEqual(['hemer']);
    const result = actorInputSchema.safeParse(empty);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0]).sort()).toEqual(['kinds', 'name']);
  });

  it('has a German label for every input field', () => {
    expect(Object.keys(ACTOR_FIELD_LABELS).sort()).toEqual(
      Object.keys(actorInputSchema.shape).sort(),
    );
  });
});

describe('lastConfirmedAt', () => {
  it('is empty on stored actors that never had it', () => {
    const now = new Date();
    const stored = actorSchema.parse({
      ...actorInputSchema.parse(minimal),
      createdAt: now,
      updatedAt: now,
      updatedBy: 'u1',
    });
    expect(stored.lastConfirmedAt).toBeNull();
  });
});
