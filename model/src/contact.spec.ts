import { describe, expect, it } from 'vitest';
import { contactInputSchema, emptyContactFields } from './contact.ts';

describe('contactInputSchema', () => {
  it('records no consent unless the coordinator says so', () => {
    const contact = contactInputSchema.parse({
      name: 'Aylin Demir',
      kind: 'volunteer',
      networkIds: ['hemer'],
    });
    expect(contact.consent).toEqual({ given: false, note: '', recordedAt: null });
    expect(contact.actorId).toBeNull();
  });

  it('refuses a kind other than volunteer or professional', () => {
    const result = contactInputSchema.safeParse({ name: 'X', kind: 'boss', networkIds: ['hemer'] });
    expect(result.error?.issues[0]?.message).toBe('Bitte ehrenamtlich oder hauptamtlich wählen.');
  });
});

describe('emptyContactFields', () => {
  it('starts a professional contact without consent, valid once named', () => {
    const empty = emptyContactFields(['hemer'], 'cafe');
    expect(empty.actorId).toBe('cafe');
    expect(contactInputSchema.safeParse(empty).success).toBe(false);
    expect(contactInputSchema.safeParse({ ...empty, name: 'Aylin Demir' }).success).toBe(true);
  });
});
