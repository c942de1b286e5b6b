import { describe, expect, it } from 'vitest';
import { meetingInputSchema } from './meeting.ts';
import {
  cancellationText,
  defaultSubject,
  describeSegment,
  fillAnswerLinks,
  meetingMailBodies,
  meetingMailingInputSchema,
} from './meetingMailing.ts';
import { meetingDetailsText, formatMeetingSpan } from './meetingText.ts';

const meeting = meetingInputSchema.parse({
  kind: 'Netzwerktreffen',
  title: 'Netzwerktreffen <Winter>',
  topic: 'Bedarfe & Ressourcen',
  start: new Date('2026-12-08T15:00:00Z'),
  end: new Date('2026-12-08T17:00:00Z'),
  place: 'VHS, Raum 101',
  agenda: [
    { title: 'Begrüßung', durationMinutes: 15 },
    { title: 'Berichte', presenter: 'Y. Kaya' },
  ],
  capacity: 60,
});

const request = {
  networkId: 'hemerfeld',
  meetingId: 'm1',
  subject: 'Einladung',
  text: 'Guten Tag {{name}}, bitte antworten Sie: {{zusage}}',
  segment: { kind: 'subscribers', interests: [] },
  requestId: 'abcdef123456',
};

describe('meeting mails', () => {
  it('names day and time in Berlin time', () => {
    expect(formatMeetingSpan(meeting.start, meeting.end)).toBe(
      'Dienstag, 8. Dezember 2026, 16:00–18:00 Uhr',
    );
  });

  it('lists the facts of the meeting, the agenda indented', () => {
    const text = meetingDetailsText(meeting, 'https://app.example/termine/n/m1');
    expect(text).toContain('Wo: VHS, Raum 101');
    expect(text).toContain('Tagesordnung:\n  1. Begrüßung (15 Min.)\n  2. Berichte (Y. Kaya)');
    expect(text).toContain('Plätze: 60');
    expect(text).toContain('Mehr dazu: https://app.example/termine/n/m1');
  });

  it('adds the answer links and the details block to text and HTML, escaping the HTML', () => {
    const { bodyText, bodyHtml } = meetingMailBodies({
      text: 'Hallo <alle>,\n\nwir laden ein.',
      meeting,
      pageUrl: '',
      answerLinks: true,
    });
    expect(bodyText).toContain('Ich komme: {{zusage}}');
    expect(bodyText).toContain('Ich komme nicht: {{absage}}');
    expect(bodyText).toContain('Das Treffen im Überblick\nTreffen: Netzwerktreffen <Winter>');
    expect(bodyHtml).toContain('href="{{zusage}}"');
    expect(bodyHtml).toContain('Hallo &lt;alle&gt;');
    expect(bodyHtml).toContain('Netzwerktreffen &lt;Winter&gt;');
    expect(bodyHtml).not.toContain('<Winter>');
  });

  it('leaves the answer links out of mails that need none', () => {
    const { bodyText } = meetingMailBodies({
      text: 'Abgesagt.',
      meeting,
      pageUrl: '',
      answerLinks: false,
    });
    expect(bodyText).not.toContain('{{zusage}}');
  });

  it('accepts the answer-link placeholders and refuses unknown ones in the composer', () => {
    expect(meetingMailingInputSchema.safeParse(request).success).toBe(true);
    const bad = meetingMailingInputSchema.safeParse({ ...request, text: 'Hallo {{vorname}}' });
    expect(bad.error?.issues[0]?.path).toEqual(['text']);
    expect(bad.error?.issues[0]?.message).toContain('{{vorname}}');
  });

  it('fills example links into a test mail and keeps other placeholders', () => {
    expect(fillAnswerLinks('{{name}}: {{ zusage }}', { zusage: 'https://x/t' })).toBe(
      '{{name}}: https://x/t',
    );
  });

  it('describes segments and default subjects in German', () => {
    expect(describeSegment({ kind: 'subscribers', interests: ['Wohnen', 'Arbeitsmarkt'] })).toBe(
      'Abonnent/innen mit Interesse an: Wohnen, Arbeitsmarkt',
    );
    expect(describeSegment({ kind: 'rsvps', sets: ['yes', 'waitlisted'] })).toBe(
      'Eingeladene: Zusagen, Warteliste',
    );
    expect(defaultSubject('invitation', meeting)).toBe(
      'Einladung: Netzwerktreffen <Winter> am Dienstag, 8. Dezember 2026',
    );
    expect(cancellationText(meeting, 'Ein neuer Termin folgt.')).toContain(
      'Ein neuer Termin folgt.',
    );
  });
});
