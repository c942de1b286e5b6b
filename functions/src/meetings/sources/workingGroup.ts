// The `workingGroup` source: the members of a working group. Contacts with an address who
// consented to be contacted, and actors through their public contact address.
import { paths } from '@knotenpunkt/model';
import type { RecipientSource, SourceRecipient } from '../../mailing/sources/types.ts';
import { SourceUnavailableError, settingsOf } from '../../mailing/sources/types.ts';

interface Member {
  kind: 'actor' | 'contact';
  id: string;
  name: string;
}

export const workingGroupSource: RecipientSource = {
  async page(ctx, cursor, limit) {
    const { workingGroupId } = settingsOf(ctx, 'workingGroup');
    const group = await ctx.db.doc(paths.workingGroup(ctx.networkId, workingGroupId)).get();
    if (!group.exists) {
      throw new SourceUnavailableError('Den Arbeitskreis dieses Versands gibt es nicht mehr.');
    }
    const members = ((group.get('members') ?? []) as Member[]).filter(
      (m) => m && (m.kind === 'actor' || m.kind === 'contact') && typeof m.id === 'string',
    );
    const start = cursor ? Number(cursor) : 0;
    const slice = members.slice(start, start + limit);
    const refs = slice.map((m) =>
      ctx.db.doc(m.kind === 'actor' ? paths.actor(m.id) : paths.contact(m.id)),
    );
    const docs = refs.length > 0 ? await ctx.db.getAll(...refs) : [];
    const recipients: SourceRecipient[] = [];
    docs.forEach((doc, i) => {
      const member = slice[i];
      if (!member || !doc.exists) return;
      const networkIds = (doc.get('networkIds') ?? []) as string[];
      if (!networkIds.includes(ctx.networkId)) return;
      if (member.kind === 'contact') {
        const email = doc.get('email');
        if (doc.get('consent.given') !== true || typeof email !== 'string' || !email) return;
        recipients.push({
          address: email,
          name: String(doc.get('name') ?? member.name),
          vars: { position: String(doc.get('position') ?? '') },
          sourceRef: `contact:${doc.id}`,
        });
      } else {
        const email = doc.get('publicContact.email');
        if (typeof email !== 'string' || !email) return;
        recipients.push({
          address: email,
          name: String(doc.get('name') ?? member.name),
          vars: { position: '' },
          sourceRef: `actor:${doc.id}`,
        });
      }
    });
    const end = start + slice.length;
    return { recipients, next: end < members.length ? String(end) : null };
  },
};
