import { describe, expect, it } from 'vitest';
import { tokenValue } from '@knotenpunkt/model';
import { hashToken, newTokenValue, TOKEN_LIFETIME_DAYS } from './tokens.ts';

describe('personal link tokens', () => {
  it('carry 256 random bits in base64url that the model accepts', () => {
    const tokens = Array.from({ length: 100 }, newTokenValue);
    expect(new Set(tokens).size).toBe(100);
    for (const t of tokens) {
      expect(Buffer.from(t, 'base64url')).toHaveLength(32);
      expect(tokenValue.safeParse(t).success).toBe(true);
    }
  });

  it('are stored as their SHA-256 only', () => {
    expect(hashToken('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('expire: confirmation links with the unconfirmed signup, mail footers after a year', () => {
    expect(TOKEN_LIFETIME_DAYS.confirmSubscription).toBe(30);
    expect(TOKEN_LIFETIME_DAYS.preferences).toBeGreaterThanOrEqual(365);
  });
});
