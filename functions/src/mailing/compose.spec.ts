import { describe, expect, it } from 'vitest';
import { initialMailingProgress, mailingSchema, type Mailing } from '@knotenpunkt/model';
import { composeMail, footer, messageIdFor } from './compose.ts';
import type { ClaimedDelivery } from './store.ts';

const now = new Date('2026-11-22T10:00:00Z');

function mailing(over: Partial<Mailing> = {}): Mailing {
  return mailingSchema.parse({
    purpose: 'information',
    subject: 'Hallo {{name}}',
    bodyText: 'Guten Tag {{name}},\n\nneues aus {{netzwerk}}.',
    recipients: { source: 'contacts' },
    status: 'sending',
    progress: initialMailingProgress(),
    createdAt: now,
    updatedAt: now,
    updatedBy: 'u1',
    ...over,
  });
}

function delivery(over: Partial<ClaimedDelivery> = {}): ClaimedDelivery {
  return {
    id: 'a'.repeat(64),
    address: 'anna@example.de',
    name: 'Anna <Admin>',
    vars: { position: 'Leitung' },
    unsubscribeUrl: '',
    sourceRef: 'kontakt-1',
    status: 'sending',
    attempts: 1,
    dueAt: now,
    leaseId: 'l1',
    lastAnswer: '',
    messageId: '<aaaa.m1@knotenpunkt.local>',
    sentAt: null,
    createdAt: now,
    updatedAt: now,
    ...over,
  };
}

const ctx = {
  networkId: 'hemerfeld',
  network: { name: 'Netzwerk Integration Hemerfeld', replyTo: 'koordination@hemerfeld.example' },
  domain: 'knotenpunkt.local',
};

describe('composeMail', () => {
  it('renders subject, text and HTML with the recipient and network, escaping in HTML only', () => {
    const mail = composeMail(mailing(), delivery(), ctx);
    expect(mail.subject).toBe('Hallo Anna <Admin>');
    expect(mail.text).toMatch(
      /^Guten Tag Anna <Admin>,\n\nneues aus Netzwerk Integration Hemerfeld\./,
    );
    expect(mail.html).toContain('<p>Guten Tag Anna &lt;Admin&gt;,</p>');
    expect(mail.html).not.toContain('<Admin>');
  });

  it('sends in the name of the network, with its contact as Reply-To and its List-Id', () => {
    const mail = composeMail(mailing(), delivery(), ctx);
    expect(mail).toMatchObject({
      to: 'anna@example.de',
      toName: 'Anna <Admin>',
      fromName: 'Netzwerk Integration Hemerfeld',
      replyTo: 'koordination@hemerfeld.example',
      messageId: '<aaaa.m1@knotenpunkt.local>',
      list: { id: 'hemerfeld.knotenpunkt.local', name: 'Netzwerk Integration Hemerfeld' },
    });
    expect(mail.unsubscribeUrl).toBeUndefined();
  });

  it('uses the HTML template when there is one, with escaped values and the footer', () => {
    const mail = composeMail(
      mailing({ bodyHtml: '<h1>Hallo {{name}}</h1><p>{{position}}</p>' }),
      delivery(),
      ctx,
    );
    expect(mail.html).toContain('<h1>Hallo Anna &lt;Admin&gt;</h1><p>Leitung</p>');
    expect(mail.html).toContain('über Knotenpunkt geschickt');
  });

  it('offers the source’s unsubscribe link in the headers, the footer and {{abmeldelink}}', () => {
    const url = 'https://knotenpunkt.example/abmelden?t=abc&x=1';
    const mail = composeMail(
      mailing({ bodyText: 'Abmelden: {{abmeldelink}}' }),
      delivery({ unsubscribeUrl: url }),
      ctx,
    );
    expect(mail.unsubscribeUrl).toBe(url);
    expect(mail.text).toContain(`hier abmelden: ${url}`);
    expect(mail.html).toContain('href="https://knotenpunkt.example/abmelden?t=abc&amp;x=1"');
  });

  it('attaches the mailing’s files to every mail', () => {
    const ics = {
      name: 'treffen.ics',
      contentType: 'text/calendar; method=PUBLISH',
      content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR',
      encoding: 'utf8' as const,
    };
    expect(composeMail(mailing({ attachments: [ics] }), delivery(), ctx).attachments).toEqual([
      ics,
    ]);
  });
});

describe('footer', () => {
  it('names the network and asks for a reply when there is no unsubscribe link', () => {
    expect(footer('Netz', '', 'a@b.de').text).toBe(
      'Diese Nachricht hat Ihnen das Netzwerk „Netz“ über Knotenpunkt geschickt.\n' +
        'Wenn Sie keine solchen Nachrichten mehr erhalten möchten, antworten Sie bitte kurz auf diese Nachricht.',
    );
  });

  it('points to the coordination office when there is neither link nor reply address', () => {
    expect(footer('Netz', '', '').text).toContain('an die Koordinierungsstelle des Netzwerks');
  });
});

describe('messageIdFor', () => {
  it('is the same for the same delivery and names the sender domain', () => {
    const id = messageIdFor('f'.repeat(64), 'm1', 'knotenpunkt.local');
    expect(id).toBe(`<${'f'.repeat(32)}.m1@knotenpunkt.local>`);
    expect(messageIdFor('f'.repeat(64), 'm1', 'knotenpunkt.local')).toBe(id);
  });
});
