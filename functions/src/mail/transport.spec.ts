import { describe, expect, it } from 'vitest';
import {
  addressOf,
  assertSmtpAllowed,
  classifySmtpError,
  domainOf,
  headerSafe,
  isProduction,
  listIdHeader,
} from './transport.ts';

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

describe('headers', () => {
  it('turn every control character of a value into a space', () => {
    expect(headerSafe('a\r\nBcc: x@example.org\u0000\tb\u2028c')).toBe('a Bcc: x@example.org b c');
  });

  it('List-Id quotes an ASCII name and escapes its quotes', () => {
    expect(listIdHeader('Hemerfeld.Knotenpunkt.local', 'Netzwerk "Hemerfeld"')).toBe(
      '"Netzwerk \\"Hemerfeld\\"" <hemerfeld.knotenpunkt.local>',
    );
  });

  it('List-Id encodes a name with umlauts as an encoded word, without line breaks', () => {
    const header = listIdHeader('x.example', 'Bürgernetz\r\nBcc: a@b');
    expect(header).toBe('=?UTF-8?Q?B=C3=BCrgernetz_Bcc=3A_a=40b?= <x.example>');
  });

  it('finds the address and domain of a sender with display name', () => {
    expect(addressOf('Knotenpunkt <noreply@Knotenpunkt.local>')).toBe('noreply@Knotenpunkt.local');
    expect(domainOf('Knotenpunkt <noreply@Knotenpunkt.local>')).toBe('knotenpunkt.local');
    expect(domainOf('noreply@example.org')).toBe('example.org');
  });
});

describe('classifySmtpError', () => {
  it('treats 4xx answers as temporary', () => {
    expect(
      classifySmtpError({ responseCode: 451, response: '451 4.3.0 Bitte später erneut' }),
    ).toEqual({ code: 451, temporary: true, answer: '451 4.3.0 Bitte später erneut' });
  });

  it('treats 5xx answers as permanent', () => {
    expect(classifySmtpError({ responseCode: 550, response: '550 5.1.1 unknown user' })).toEqual({
      code: 550,
      temporary: false,
      answer: '550 5.1.1 unknown user',
    });
  });

  it('treats timeouts and refused connections as temporary', () => {
    const timeout = Object.assign(new Error('Greeting never received'), { code: 'ETIMEDOUT' });
    expect(classifySmtpError(timeout)).toEqual({
      code: null,
      temporary: true,
      answer: 'Greeting never received',
    });
  });
});
