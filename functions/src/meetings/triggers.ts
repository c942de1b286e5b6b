import { onDocumentUpdated } from 'firebase-functions/v2/firestore';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { callable } from '../platform/callable.ts';
import { db } from '../platform/firebase.ts';
import { handleMarkAttendance } from './attendance.ts';
import { meetingMailDeps } from './deps.ts';
import {
  handleCancelMeeting,
  handlePreviewMeetingMailing,
  handleSendMeetingMailing,
  promotionMailings,
} from './mailings.ts';
import { handleMeetingsTick } from './reminders.ts';
import { settleMeeting } from './settle.ts';

export const sendMeetingMailing = callable((data, caller) =>
  handleSendMeetingMailing(data, caller, meetingMailDeps()),
);

export const previewMeetingMailing = callable((data, caller) =>
  handlePreviewMeetingMailing(data, caller, meetingMailDeps()),
);

export const cancelMeeting = callable((data, caller) =>
  handleCancelMeeting(data, caller, meetingMailDeps()),
);

export const markAttendance = callable((data, caller) =>
  handleMarkAttendance(data, caller, { db: db() }),
);

/** Invitations at their time, reminders, and RSVP queues whose requests died. */
export const meetingsTick = onSchedule(
  { schedule: 'every 5 minutes', timeZone: 'Europe/Berlin' },
  async () => {
    await handleMeetingsTick(meetingMailDeps());
  },
);

/**
 * More places (or the waiting list switched on): the waiting list moves up at once. Idempotent:
 * settling a settled meeting changes nothing.
 */
export const onMeetingCapacityChanged = onDocumentUpdated(
  'networks/{networkId}/meetings/{meetingId}',
  async (event) => {
    const before = event.data?.before;
    const after = event.data?.after;
    if (!before || !after) return;
    if (
      before.get('capacity') === after.get('capacity') &&
      before.get('waitlist') === after.get('waitlist')
    ) {
      return;
    }
    const deps = meetingMailDeps();
    await settleMeeting(event.params, {
      db: deps.db,
      onPromoted: promotionMailings(deps.db, deps.baseUrl),
    });
  },
);
