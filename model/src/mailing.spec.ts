import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAILING_SETTINGS,
  initialMailingProgress,
  mailingInputSchema,
  mailingProgressSchema,
  placeholdersIn,
  remainingOf,
} from './mailing.ts';

const information = {
  purpose: 'information',
  subject: 'Neues aus dem Netzwerk',
  bodyText: 'Liebe Akteurinnen und Akteure, …',
  recipients: { source: 'subscribers' },
};

describe('mailingInputSchema', () => {
  it('sends information to all confirmed subscribers when no interest is chosen', () => {
    const mailing = mailingInputSchema.parse(information);
    expect(mailing.recipients).toEqual({ source: 'subscribers', interests: [] });
    expect(mailing.meetingId).toBeNull();
  });

  it('fills in an empty HTML template, no attachments and the default throttle', () => {
    const mailing = mailingInputSchema.parse(information);
    expect(mailing.bodyHtml).toBe('');
    expect(mailing.attachments).toEqual([]);
    expect(mailing.settings).toEqual(DEFAULT_MAILING_SETTINGS);
    expect(DEFAULT_MAILING_SETTINGS).toEqual({
      perMinute: 600,
      batchSize: 50,
      pauseAfterErrors: 5,
    });
  });

  it('asks for the meeting of an invitation', () => {
    const result = mailingInputSchema.safeParse({ ...information, purpose: 'invitation' });
    expect(result.error?.issues[0]).toMatchObject({
      path: ['meetingId'],
      message: 'Bitte ein Treffen wählen.',
    });
  });

  it('asks for the meeting when writing to those who answered its RSVP', () => {
    const result = mailingInputSchema.safeParse({
      ...information,
      recipients: { source: 'rsvps', answers: ['yes'] },
    });
    expect(result.error?.issues[0]?.path).toEqual(['meetingId']);
  });

  it('refuses an unknown recipient source', () => {
    const result = mailingInputSchema.safeParse({ ...information, recipients: { source: 'all' } });
    expect(result.success).toBe(false);
  });

  it('addresses the consenting contacts of the network without further settings', () => {
    const mailing = mailingInputSchema.parse({
      ...information,
      recipients: { source: 'contacts' },
    });
    expect(mailing.recipients).toEqual({ source: 'contacts' });
  });

  it('normalises the addresses of a test list and refuses an invalid one', () => {
    const mailing = mailingInputSchema.parse({
      ...information,
      recipients: { source: 'test', recipients: [{ email: ' Anna@Example.DE ' }] },
    });
    expect(mailing.recipients).toEqual({
      source: 'test',
      recipients: [{ email: 'anna@example.de', name: '' }],
      unsubscribe: false,
    });
    const bad = mailingInputSchema.safeParse({
      ...information,
      recipients: { source: 'test', recipients: [{ email: 'keine-adresse' }] },
    });
    expect(bad.error?.issues[0]?.path).toEqual(['recipients', 'recipients', 0, 'email']);
  });

  it('names a mistyped placeholder and lists the ones the source offers', () => {
    const result = mailingInputSchema.safeParse({
      ...information,
      recipients: { source: 'contacts' },
      bodyText: 'Guten Tag {{ name }}, Ihre Funktion: {{position}}. {{Organisation}}',
    });
    expect(result.error?.issues).toHaveLength(1);
    expect(result.error?.issues[0]).toMatchObject({ path: ['bodyText'] });
    expect(result.error?.issues[0]?.message).toBe(
      'Unbekannter Platzhalter {{Organisation}}. Möglich sind: {{name}}, {{email}}, {{netzwerk}}, {{abmeldelink}}, {{position}}.',
    );
  });

  it('accepts an .ics attachment and refuses a file name with a path or line break', () => {
    const ics = {
      name: 'einladung.ics',
      contentType: 'text/calendar; method=REQUEST',
      content: 'BEGIN:VCALENDAR',
    };
    const mailing = mailingInputSchema.parse({ ...information, attachments: [ics] });
    expect(mailing.attachments[0]).toEqual({ ...ics, encoding: 'utf8' });
    for (const name of ['../etc/passwd', 'a\r\nBcc: x@example.org']) {
      const result = mailingInputSchema.safeParse({
        ...information,
        attachments: [{ ...ics, name }],
      });
      expect(result.error?.issues[0]?.path).toEqual(['attachments', 0, 'name']);
    }
  });

  it('refuses attachments that together exceed the size limit', () => {
    const big = { name: 'a.txt', contentType: 'text/plain', content: 'x'.repeat(300_000) };
    const result = mailingInputSchema.safeParse({ ...information, attachments: [big, big] });
    expect(result.error?.issues[0]?.message).toBe('Die Anhänge sind zusammen zu groß.');
  });

  it('refuses a throttle outside 1 to 60 000 mails a minute', () => {
    for (const perMinute of [0, 60_001, 1.5]) {
      const result = mailingInputSchema.safeParse({ ...information, settings: { perMinute } });
      expect(result.error?.issues[0]?.path).toEqual(['settings', 'perMinute']);
    }
  });
});

describe('placeholdersIn', () => {
  it('finds each placeholder once, with or without spaces inside the braces', () => {
    expect(placeholdersIn('{{name}} {{ netzwerk }} {{name}} {{ 1x }} {name}')).toEqual([
      'name',
      'netzwerk',
    ]);
  });
});

describe('initialMailingProgress', () => {
  it('is a valid progress with nothing planned, sent or leased', () => {
    const progress = mailingProgressSchema.parse(initialMailingProgress());
    expect(progress).toMatchObject({ total: 0, sent: 0, planned: false, run: 0 });
    expect(remainingOf(progress)).toBe(0);
  });

  it('counts what is neither sent, failed nor bounced as remaining', () => {
    const progress = { ...initialMailingProgress(), total: 10, sent: 5, failed: 1, bounced: 1 };
    expect(remainingOf(progress)).toBe(3);
  });
});
