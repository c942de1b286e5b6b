// What a recipient source needs to know about the mailing it resolves: is it about a meeting, and
// do its recipients get personal answer links? Read once per page from the mailing document.
import type { Firestore } from 'firebase-admin/firestore';
import { paths } from '@knotenpunkt/model';
import { readMeeting } from '../../calendar/publicCalendar.ts';

/** Mails with the three answer links; only invitations add people to the invitees. */
export const LINK_PURPOSES: readonly string[] = ['invitation', 'reminder', 'promotion'];

export interface MeetingMailInfo {
  meetingId: string;
  purpose: string;
  meetingEnd: Date;
  /** Add invitees who have no RSVP document yet (an invitation). */
  invite: boolean;
  links: boolean;
}

export async function meetingOfMailing(
  db: Firestore,
  networkId: string,
  mailingId: string,
): Promise<MeetingMailInfo | null> {
  const mailing = await db.doc(paths.mailing(networkId, mailingId)).get();
  const meetingId = mailing.get('meetingId') as unknown;
  const purpose = String(mailing.get('purpose') ?? '');
  if (typeof meetingId !== 'string' || !meetingId) return null;
  const meeting = readMeeting((await db.doc(paths.meeting(networkId, meetingId)).get()).data());
  if (!meeting) return null;
  return {
    meetingId,
    purpose,
    meetingEnd: meeting.end,
    invite: purpose === 'invitation',
    links: LINK_PURPOSES.includes(purpose) && meeting.status === 'planned',
  };
}
