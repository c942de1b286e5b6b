import { describe, expect, it } from 'vitest';
import { signupInputSchema, subscriberInputSchema } from './subscriber.ts';

describe('subscriberInputSchema', () => {
  it('normalises the address so it hashes to one id', () => {
    expect(subscriberInputSchema.parse({ email: ' Anna@Example.DE ' }).email).toBe(
      'anna@example.de',
    );
  });
});

describe('signupInputSchema', () => {
  const signup = {
    networkId: 'hemer',
    email: 'anna@example.de',
    consent: true,
    consentTextVersion: '2026-11',
  };

  it('accepts a signup with consent', () => {
    expect(signupInputSchema.parse(signup)).toMatchObject({ name: '', interests: [] });
  });

  it('refuses a signup without consent, saying why', () => {
    const result = signupInputSchema.safeParse({ ...signup, consent: false });
    expect(result.error?.issues[0]?.message).toBe(
      'Bitte stimmen Sie der Verarbeitung Ihrer Daten zu.',
    );
  });
});
