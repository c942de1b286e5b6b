import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { db } from '../platform/firebase.ts';
import {
  handlePublishMeeting,
  handleRebuildCalendar,
  handleRefreshAllCalendars,
} from './publicCalendar.ts';

export const onMeetingWritten = onDocumentWritten(
  'networks/{networkId}/meetings/{meetingId}',
  async (event) => {
    const { networkId, meetingId } = event.params;
    await handleRebuildCalendar(db(), networkId);
    await handlePublishMeeting(db(), networkId, meetingId);
  },
);

export const refreshCalendars = onSchedule(
  { schedule: 'every day 00:05', timeZone: 'Europe/Berlin' },
  async () => {
    await handleRefreshAllCalendars(db());
  },
);
