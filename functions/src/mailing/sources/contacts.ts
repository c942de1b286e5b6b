// The `contacts` source: contacts of the network's actors who consented to be contacted
// (consent.given) and have an address. Read page by page in document-id order.
import { ofNetwork, paths } from '@knotenpunkt/model';
import type { RecipientSource, SourceRecipient } from './types.ts';
import { RecipientGoneError, pageInIdOrder, settingsOf } from './types.ts';

export const contactsSource: RecipientSource = {
  async page(ctx, cursor, limit) {
    settingsOf(ctx, 'contacts');
    const query = ctx.db.collection(paths.contacts()).where(...ofNetwork(ctx.networkId));
    const { docs, next } = await pageInIdOrder(query, cursor, limit);
    const recipients: SourceRecipient[] = [];
    for (const doc of docs) {
      const email = doc.get('email');
      if (doc.get('consent.given') !== true || typeof email !== 'string' || !email) continue;
      recipients.push({
        address: email,
        name: String(doc.get('name') ?? ''),
        vars: { position: String(doc.get('position') ?? '') },
        sourceRef: doc.id,
      });
    }
    return { recipients, next };
  },
  // A contact deleted or whose consent was withdrawn after planning gets nothing.
  async personalize(ctx, recipient) {
    if (!recipient.sourceRef) return {};
    const doc = await ctx.db.doc(paths.contact(recipient.sourceRef)).get();
    if (!doc.exists) throw new RecipientGoneError('Der Kontakt wurde inzwischen gelöscht.');
    if (doc.get('consent.given') !== true) {
      throw new RecipientGoneError('Der Kontakt hat seine Einwilligung inzwischen zurückgezogen.');
    }
    return {};
  },
  // Contacts have no bounce flag yet: the failed delivery with the server's answer is the record
  // coordinators see in the mailing's error list.
};
