// The mail pipeline's recipient source `questionnaire`: the invitations a mailing carries (its id
// in mailingIds), in id order; reminders skip those who have answered meanwhile. The personal
// link is made when each mail is sent (personalize) and never stored in the delivery record, so
// the database holds only the token's hash – nobody reading it can open someone's questionnaire.
import { isOpenLinkInvitation } from '@knotenpunkt/model';
import type { RecipientSource, SourceRecipient } from '../mailing/sources/types.ts';
import { SourceUnavailableError, pageInIdOrder, settingsOf } from '../mailing/sources/types.ts';
import { invitationOf, questionnaireOf, refs } from './docs.ts';
import { issueLink, linkUrl } from './links.ts';

export const questionnaireSource: RecipientSource = {
  async page(ctx, cursor, limit) {
    const { questionnaireId, kind } = settingsOf(ctx, 'questionnaire');
    const r = refs(ctx.db, { networkId: ctx.networkId, questionnaireId });
    const query = r.invitations.where('mailingIds', 'array-contains', ctx.mailingId);
    const { docs, next } = await pageInIdOrder(query, cursor, limit);
    const recipients: SourceRecipient[] = [];
    for (const doc of docs) {
      const invitation = invitationOf(doc);
      if (kind === 'reminder' && invitation.status === 'submitted') continue;
      if (isOpenLinkInvitation(invitation)) continue; // nobody to write to
      recipients.push({
        address: invitation.email,
        name: invitation.name,
        vars: { akteur: invitation.actorName },
        sourceRef: doc.id,
      });
    }
    return { recipients, next };
  },

  async personalize(ctx, recipient) {
    const { questionnaireId } = settingsOf(ctx, 'questionnaire');
    const key = { networkId: ctx.networkId, questionnaireId };
    const snap = await refs(ctx.db, key).questionnaire.get();
    if (!snap.exists) throw new SourceUnavailableError('Der Fragebogen ist gelöscht.');
    const q = questionnaireOf(snap);
    const token = await issueLink(
      ctx.db,
      { ...key, invitationId: recipient.sourceRef },
      q.deadline,
      new Date(),
    );
    return { fragebogenlink: linkUrl(ctx.baseUrl, token) };
  },
};
