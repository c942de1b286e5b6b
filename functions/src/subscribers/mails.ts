// The single mails of the distribution list (one per signup, not bulk): the confirmation with its
// one-click link and the "already subscribed" notice. Both carry the footer every subscriber mail
// has: why it came, and the link to the preferences page; the headers add one-click unsubscribe.
import {
  CONSENT_PURPOSE_LABELS,
  PENDING_RETENTION_DAYS,
  type ConsentPurpose,
} from '@knotenpunkt/model';
import { escapeHtml } from '../mail/html.ts';

export interface SubscriberMail {
  subject: string;
  text: string;
  html: string;
}

const BODY_STYLE = 'font-family:sans-serif;line-height:1.5;color:#1a1a1a;max-width:40em';
const BUTTON_STYLE =
  'display:inline-block;padding:10px 16px;background:#0b5c4a;color:#fff;text-decoration:none;border-radius:4px';
const FOOTER_STYLE =
  'margin-top:2em;padding-top:1em;border-top:1px solid #ccc;font-size:0.9em;color:#555';

/** The footer of every mail to a subscriber: who sends it, and the preferences link. */
export function subscriberFooter(networkName: string, preferencesUrl: string) {
  const why = `Sie erhalten diese Nachricht, weil Ihre Adresse im Einladungsverteiler des Netzwerks „${networkName}“ eingetragen ist.`;
  const what = 'Einstellungen ändern, Ihre Daten abrufen oder löschen, abmelden:';
  return {
    text: `-- \n${why}\n${what} ${preferencesUrl}\n`,
    html: `<div style="${FOOTER_STYLE}"><p>${escapeHtml(why)}<br>${escapeHtml(what)} <a href="${escapeHtml(preferencesUrl)}">Meine Einstellungen</a></p></div>`,
  };
}

function layout(
  paragraphs: string[],
  button: { href: string; label: string },
  after: string[],
  footer: { text: string; html: string },
): { text: string; html: string } {
  const para = (p: string) => `<p>${escapeHtml(p)}</p>`;
  const html =
    `<!doctype html><html lang="de"><head><meta charset="utf-8"></head><body style="${BODY_STYLE}">` +
    paragraphs.map(para).join('\n') +
    `<p><a href="${escapeHtml(button.href)}" style="${BUTTON_STYLE}">${escapeHtml(button.label)}</a></p>` +
    after.map(para).join('\n') +
    footer.html +
    '</body></html>';
  const text = [...paragraphs, `${button.label}: ${button.href}`, ...after].join('\n\n');
  return { text: `${text}\n\n${footer.text}`, html };
}

export interface ConfirmationMailInput {
  networkName: string;
  purposes: ConsentPurpose[];
  confirmUrl: string;
  preferencesUrl: string;
  /** A coordinator entered the address (single or CSV import) rather than the person. */
  byCoordinator: boolean;
  name?: string;
}

export function confirmationMail(input: ConfirmationMailInput): SubscriberMail {
  const greeting = input.name ? `Guten Tag ${input.name},` : 'Guten Tag,';
  const how = input.byCoordinator
    ? `die Koordinierungsstelle des Netzwerks „${input.networkName}“ möchte Sie in seinen Einladungsverteiler aufnehmen. Das geschieht nur, wenn Sie zustimmen.`
    : `Sie haben sich (oder jemand hat Ihre Adresse) für den Einladungsverteiler des Netzwerks „${input.networkName}“ angemeldet.`;
  const purposes = `Zweck: ${input.purposes.map((p) => CONSENT_PURPOSE_LABELS[p]).join('; ')}.`;
  const ask = 'Bitte bestätigen Sie Ihre Anmeldung mit einem Klick:';
  const ignore = `Wenn Sie das nicht möchten, ignorieren Sie diese Nachricht einfach: Ohne Bestätigung erhalten Sie nichts weiter, und Ihre Adresse wird nach ${PENDING_RETENTION_DAYS} Tagen gelöscht.`;
  const body = layout(
    [greeting, how, purposes, ask],
    { href: input.confirmUrl, label: 'Anmeldung bestätigen' },
    [ignore],
    subscriberFooter(input.networkName, input.preferencesUrl),
  );
  return { subject: `Bitte bestätigen Sie Ihre Anmeldung: ${input.networkName}`, ...body };
}

export function alreadySubscribedMail(input: {
  networkName: string;
  preferencesUrl: string;
  name?: string;
}): SubscriberMail {
  const greeting = input.name ? `Guten Tag ${input.name},` : 'Guten Tag,';
  const body = layout(
    [
      greeting,
      `Sie sind bereits im Einladungsverteiler des Netzwerks „${input.networkName}“ angemeldet – Sie müssen nichts weiter tun.`,
      'Über Ihre persönliche Seite können Sie Ihre Interessen und Zwecke ändern, Ihre Daten herunterladen oder sich abmelden:',
    ],
    { href: input.preferencesUrl, label: 'Meine Einstellungen' },
    ['Wenn Sie sich nicht erneut angemeldet haben, können Sie diese Nachricht ignorieren.'],
    subscriberFooter(input.networkName, input.preferencesUrl),
  );
  return { subject: `Sie sind bereits angemeldet: ${input.networkName}`, ...body };
}
