// Callable markAttendance: after the meeting, coordinators tick who came. The public meeting page
// shows the number of persons present, so it is rebuilt right after.
import { Timestamp, type Firestore } from 'firebase-admin/firestore';
import { markAttendanceInputSchema, paths } from '@knotenpunkt/model';
import type { Caller } from '../platform/access.ts';
import { fail, parseOrFail } from '../platform/errors.ts';
import { handlePublishMeeting } from '../calendar/publicCalendar.ts';
import { assertCoordinatorOf } from './access.ts';

export async function handleMarkAttendance(
  data: unknown,
  caller: Caller | undefined,
  deps: { db: Firestore; now?: () => Date },
) {
  const input = parseOrFail(markAttendanceInputSchema, data);
  await assertCoordinatorOf(deps.db, caller, input.networkId);
  const ref = deps.db.doc(paths.rsvp(input.networkId, input.meetingId, input.inviteeId));
  const now = (deps.now ?? (() => new Date()))();
  try {
    await ref.update({ attended: input.attended, updatedAt: Timestamp.fromDate(now) });
  } catch (error) {
    if ((error as { code?: unknown }).code === 5) fail('INVALID_ARGUMENT', { field: 'inviteeId' });
    throw error;
  }
  await handlePublishMeeting(deps.db, input.networkId, input.meetingId);
  return { ok: true };
}
