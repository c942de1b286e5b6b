import { describe, expect, it } from 'vitest';
import { assertSmtpAllowed, isProduction } from './transport.ts';

describe('assertSmtpAllowed', () => {
  it('accepts the local mail catcher outside production', () => {
    expect(assertSmtpAllowed('smtp://127.0.0.1:1025', false).port).toBe('1025');
  });
  it('refuses a remote SMTP server outside production', () => {
    expect(() => assertSmtpAllowed('smtp://mail.example.org:587', false)).toThrow(
      /nur an 127.0.0.1/,
    );
  });
  it('allows a remote SMTP server in production', () => {
    expect(assertSmtpAllowed('smtps://user:pw@mail.example.org:465', true).hostname).toBe(
      'mail.example.org',
    );
  });
  it('rejects something that is not an SMTP URL', () => {
    expect(() => assertSmtpAllowed('http://127.0.0.1', false)).toThrow(/smtp:\/\//);
    expect(() => assertSmtpAllowed('kein url', false)).toThrow(/gültige Adresse/);
  });
});

describe('isProduction', () => {
  it('is false in the emulator even though it sets K_SERVICE', () => {
    expect(isProduction({ K_SERVICE: 'api', FUNCTIONS_EMULATOR: 'true' })).toBe(false);
  });
  it('is true on Cloud Run', () => {
    expect(isProduction({ K_SERVICE: 'api' })).toBe(true);
    expect(isProduction({})).toBe(false);
  });
});
