import { describe, expect, it } from 'vitest';
import { alreadySubscribedMail, confirmationMail } from './mails.ts';

describe('confirmationMail', () => {
  const mail = confirmationMail({
    networkName: 'Netzwerk <Hemerfeld>',
    purposes: ['invitations', 'volunteer'],
    confirmUrl: 'https://example.de/netzwerk/hemerfeld/bestaetigen#t=abc',
    preferencesUrl: 'https://example.de/netzwerk/hemerfeld/einstellungen#t=def',
    byCoordinator: false,
    name: 'Anna',
  });

  it('asks in German for one click on the link, in text and HTML', () => {
    expect(mail.subject).toBe('Bitte bestätigen Sie Ihre Anmeldung: Netzwerk <Hemerfeld>');
    expect(mail.text).toContain('Guten Tag Anna,');
    expect(mail.text).toContain(
      'Anmeldung bestätigen: https://example.de/netzwerk/hemerfeld/bestaetigen#t=abc',
    );
    expect(mail.text).toContain('Ich möchte mich ehrenamtlich engagieren');
    expect(mail.text).toContain('nach 30 Tagen gelöscht');
    expect(mail.html).toContain('href="https://example.de/netzwerk/hemerfeld/bestaetigen#t=abc"');
  });

  it('has the footer with the preferences link and escapes names in HTML', () => {
    expect(mail.text).toContain('einstellungen#t=def');
    expect(mail.html).toContain('Netzwerk &lt;Hemerfeld&gt;');
    expect(mail.html).not.toContain('<Hemerfeld>');
  });
});

describe('alreadySubscribedMail', () => {
  it('says the address is already subscribed and links the preferences', () => {
    const mail = alreadySubscribedMail({
      networkName: 'Netzwerk Hemerfeld',
      preferencesUrl: 'https://example.de/p#t=x',
    });
    expect(mail.subject).toBe('Sie sind bereits angemeldet: Netzwerk Hemerfeld');
    expect(mail.text).toContain('Meine Einstellungen: https://example.de/p#t=x');
  });
});
