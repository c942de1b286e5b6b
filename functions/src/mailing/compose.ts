// One mail of a mailing for one recipient: templates rendered with the recipient's values, the
// German footer, and the headers every bulk mail carries (Message-ID, List-Id, List-Unsubscribe).
import type { Mailing } from '@knotenpunkt/model';
import { escapeHtml } from '../mail/html.ts';
import { htmlDocument, renderHtml, renderSubject, renderText, textToHtml } from '../mail/render.ts';
import type { OutgoingMail } from '../mail/transport.ts';
import type { ClaimedDelivery, NetworkInfo } from './store.ts';

export interface ComposeContext {
  networkId: string;
  network: NetworkInfo;
  /** Domain of the sender address, for Message-IDs and the List-Id. */
  domain: string;
}

/** Stable for a delivery, so a mail sent again after a crash carries the same id. */
export function messageIdFor(deliveryId: string, mailingId: string, domain: string): string {
  return `<${deliveryId.slice(0, 32)}.${mailingId}@${domain}>`;
}

/** The German footer: who sent it and how to stop receiving such mails. */
export function footer(networkName: string, unsubscribeUrl: string, replyTo: string) {
  const sender = `Diese Nachricht hat Ihnen das Netzwerk „${networkName}“ über Knotenpunkt geschickt.`;
  const stop = unsubscribeUrl
    ? 'Wenn Sie keine solchen Nachrichten mehr erhalten möchten, können Sie sich hier abmelden:'
    : replyTo
      ? 'Wenn Sie keine solchen Nachrichten mehr erhalten möchten, antworten Sie bitte kurz auf diese Nachricht.'
      : 'Wenn Sie keine solchen Nachrichten mehr erhalten möchten, wenden Sie sich bitte an die Koordinierungsstelle des Netzwerks.';
  const text = [sender, unsubscribeUrl ? `${stop} ${unsubscribeUrl}` : stop].join('\n');
  const link = unsubscribeUrl ? ` <a href="${escapeHtml(unsubscribeUrl)}">Abmelden</a>` : '';
  const html = `<p>${escapeHtml(sender)}<br>${escapeHtml(stop)}${link}</p>`;
  return { text, html };
}

export function composeMail(
  mailing: Mailing,
  delivery: ClaimedDelivery,
  ctx: ComposeContext,
): OutgoingMail {
  const vars: Record<string, string> = {
    ...delivery.vars,
    name: delivery.name,
    email: delivery.address,
    netzwerk: ctx.network.name,
    abmeldelink: delivery.unsubscribeUrl,
  };
  const text = renderText(mailing.bodyText, vars);
  const content = mailing.bodyHtml ? renderHtml(mailing.bodyHtml, vars) : textToHtml(text);
  const foot = footer(ctx.network.name, delivery.unsubscribeUrl, ctx.network.replyTo);
  return {
    to: delivery.address,
    ...(delivery.name ? { toName: delivery.name } : {}),
    fromName: ctx.network.name,
    ...(ctx.network.replyTo ? { replyTo: ctx.network.replyTo } : {}),
    subject: renderSubject(mailing.subject, vars),
    text: `${text.trimEnd()}\n\n-- \n${foot.text}\n`,
    html: htmlDocument(content, foot.html),
    messageId: delivery.messageId,
    list: { id: `${ctx.networkId}.${ctx.domain}`, name: ctx.network.name },
    ...(delivery.unsubscribeUrl ? { unsubscribeUrl: delivery.unsubscribeUrl } : {}),
    attachments: mailing.attachments,
  };
}
