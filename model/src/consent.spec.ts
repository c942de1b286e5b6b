import { describe, expect, it } from 'vitest';
import {
  CONSENT_PURPOSES,
  CONSENT_TEXTS,
  consentTextDocument,
  currentConsentText,
  findConsentText,
  isConsentActive,
} from './consent.ts';
import { sha256Hex } from './hash.ts';

describe('consent texts', () => {
  it('has a text in force for every purpose', () => {
    for (const purpose of CONSENT_PURPOSES) {
      expect(currentConsentText(purpose).text.length).toBeGreaterThan(50);
    }
  });

  it('never lists one purpose and version twice', () => {
    const keys = CONSENT_TEXTS.map((t) => `${t.purpose}-${t.version}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('finds a version and stores it with the SHA-256 of its text', async () => {
    const draft = findConsentText('invitations', '2026-11');
    expect(draft).toBeDefined();
    const doc = await consentTextDocument(draft!, new Date(0));
    expect(doc.textHash).toBe(await sha256Hex(draft!.text));
    expect(doc.label).toBe('Einladungen und Informationen des Netzwerks');
    expect(findConsentText('invitations', '1999-01')).toBeUndefined();
  });
});

describe('isConsentActive', () => {
  it('is true only for a confirmed consent that was not withdrawn', () => {
    const base = {
      form: 'signup' as const,
      formId: 'mitmachen/2026-11',
      textVersion: '2026-11',
      textHash: 'a'.repeat(64),
      requestedAt: new Date(0),
      mailSentAt: null,
      confirmedAt: null,
      withdrawnAt: null,
      note: '',
    };
    expect(isConsentActive(base)).toBe(false);
    expect(isConsentActive({ ...base, confirmedAt: new Date(1) })).toBe(true);
    expect(isConsentActive({ ...base, confirmedAt: new Date(1), withdrawnAt: new Date(2) })).toBe(
      false,
    );
    expect(isConsentActive(null)).toBe(false);
  });
});
