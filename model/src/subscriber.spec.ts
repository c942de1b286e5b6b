import { describe, expect, it } from 'vitest';
import {
  activePurposes,
  importSubscribersInputSchema,
  mailBudget,
  preferencesInputSchema,
  signupInputSchema,
  subscriberInputSchema,
  tokenValue,
} from './subscriber.ts';

describe('subscriberInputSchema', () => {
  it('normalises the address so it hashes to one id', () => {
    expect(subscriberInputSchema.parse({ email: ' Anna@Example.DE ' }).email).toBe(
      'anna@example.de',
    );
  });
});

describe('signupInputSchema', () => {
  const signup = {
    networkId: 'hemerfeld',
    email: 'anna@example.de',
    purposes: { invitations: true, volunteer: false },
    consentVersions: { invitations: '2026-11' },
  };

  it('accepts a signup for invitations and fills the optional fields', () => {
    expect(signupInputSchema.parse(signup)).toMatchObject({
      name: '',
      interests: [],
      volunteer: null,
      website: '',
    });
  });

  it('refuses a signup without any purpose, naming the purposes', () => {
    const result = signupInputSchema.safeParse({
      ...signup,
      purposes: { invitations: false, volunteer: false },
    });
    expect(result.error?.issues[0]?.path).toEqual(['purposes']);
    expect(result.error?.issues[0]?.message).toBe('Bitte kreuzen Sie mindestens einen Zweck an.');
  });

  it('refuses a ticked purpose without the version of the text shown', () => {
    const result = signupInputSchema.safeParse({
      ...signup,
      purposes: { invitations: true, volunteer: true },
    });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'consentVersions.volunteer',
    ]);
  });

  it('drops volunteer details unless the volunteer purpose is ticked', () => {
    const parsed = signupInputSchema.parse({
      ...signup,
      volunteer: { languages: ['Arabisch'], fieldsOfAction: [], availability: '', phone: '' },
    });
    expect(parsed.volunteer).toBeNull();
  });

  it('keeps an empty volunteer profile when the purpose is ticked without details', () => {
    const parsed = signupInputSchema.parse({
      ...signup,
      purposes: { invitations: false, volunteer: true },
      consentVersions: { volunteer: '2026-11' },
    });
    expect(parsed.volunteer).toEqual({
      fieldsOfAction: [],
      languages: [],
      availability: '',
      phone: '',
    });
  });

  it('refuses unknown fields, so nothing unexpected is stored', () => {
    expect(signupInputSchema.safeParse({ ...signup, status: 'confirmed' }).success).toBe(false);
  });
});

describe('tokenValue', () => {
  it('accepts 256 bits in base64url and nothing shorter', () => {
    expect(tokenValue.safeParse('a'.repeat(43)).success).toBe(true);
    expect(tokenValue.safeParse('a'.repeat(42)).success).toBe(false);
    expect(tokenValue.safeParse('a'.repeat(42) + '/').success).toBe(false);
  });
});

describe('preferencesInputSchema', () => {
  it('needs the token and at least one purpose', () => {
    const result = preferencesInputSchema.safeParse({
      token: 'x'.repeat(43),
      purposes: { invitations: false, volunteer: false },
    });
    expect(result.error?.issues[0]?.path).toEqual(['purposes']);
  });
});

describe('importSubscribersInputSchema', () => {
  it('names the row and field of an invalid address', () => {
    const result = importSubscribersInputSchema.safeParse({
      networkId: 'hemerfeld',
      kind: 'import',
      rows: [{ email: 'a@example.de' }, { email: 'kein-at-zeichen' }],
    });
    expect(result.error?.issues[0]?.path).toEqual(['rows', 1, 'email']);
  });
});

describe('activePurposes', () => {
  const record = {
    form: 'signup' as const,
    formId: 'mitmachen/2026-11',
    textVersion: '2026-11',
    textHash: 'a'.repeat(64),
    requestedAt: new Date(0),
    mailSentAt: null,
    confirmedAt: new Date(1),
    withdrawnAt: null,
    note: '',
  };

  it('lists confirmed purposes that were not withdrawn', () => {
    expect(
      activePurposes({
        invitations: record,
        volunteer: { ...record, withdrawnAt: new Date(2) },
      }),
    ).toEqual(['invitations']);
    expect(
      activePurposes({ invitations: { ...record, confirmedAt: null }, volunteer: null }),
    ).toEqual([]);
  });
});

describe('mailBudget', () => {
  const now = new Date('2026-11-22T12:00:00Z');
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

  it('allows a third mail within 24 hours but not a fourth', () => {
    expect(mailBudget([hoursAgo(1), hoursAgo(2)], now).allowed).toBe(true);
    expect(mailBudget([hoursAgo(1), hoursAgo(2), hoursAgo(23)], now).allowed).toBe(false);
  });

  it('forgets mails older than 24 hours', () => {
    const budget = mailBudget([hoursAgo(1), hoursAgo(25), hoursAgo(30)], now);
    expect(budget.allowed).toBe(true);
    expect(budget.recent).toEqual([hoursAgo(1)]);
  });
});
