// The meetings' schedule (every five minutes; `npm start` runs it in development, tests call it):
// queues invitations whose chosen time has come, writes the reminder mailings ("Erinnerung" to
// yes-sayers and the waiting list, "Wir haben noch nichts von Ihnen gehört" to invitees without an
// answer) and settles RSVP queues whose requests died. Mailing ids name the meeting and its date,
// so running it twice (or a retried run) sends each reminder once; the pipeline sends each
// mailing once per address.
import { Timestamp, type Firestore } from 'firebase-admin/firestore';
import {
  berlinDateString,
  mailingSchedulePath,
  noAnswerSubject,
  noAnswerText,
  paths,
  reminderSubject,
  reminderText,
  rsvpSetOf,
  type RsvpAnswer,
  type RsvpSet,
} from '@knotenpunkt/model';
import { readMeeting } from '../calendar/publicCalendar.ts';
import { meetingMailing, promotionMailings } from './mailings.ts';
import { sweepRsvpQueues } from './settle.ts';

const DAY = 86_400_000;
/** Reminders are at most this many days ahead (model: reminderDays ≤ 30). */
const HORIZON_DAYS = 31;

export interface TickDeps {
  db: Firestore;
  baseUrl: string;
  now?: () => Date;
}

export const REMINDER_SETS: RsvpSet[] = ['yes', 'waitlisted'];
export const NO_ANSWER_SETS: RsvpSet[] = ['none'];

export const reminderMailingId = (meetingId: string, start: Date) =>
  `reminder-${meetingId}-${berlinDateString(start)}`;
export const noAnswerMailingId = (meetingId: string, start: Date) =>
  `noanswer-${meetingId}-${berlinDateString(start)}`;

/** Scheduled invitations whose time has come: draft → queued (the pipeline takes over). */
export async function queueDueMailings(db: Firestore, now: Date): Promise<number> {
  const due = await db
    .collection('mailingSchedule')
    .where('sendAt', '<=', Timestamp.fromDate(now))
    .limit(100)
    .get();
  let queued = 0;
  for (const entry of due.docs) {
    const networkId = String(entry.get('networkId'));
    const mailing = db.doc(paths.mailing(networkId, entry.id));
    const started = await db.runTransaction(async (tx) => {
      const snap = await tx.get(mailing);
      tx.delete(db.doc(mailingSchedulePath(entry.id)));
      // Deleted or sent off by hand meanwhile: nothing to do.
      if (!snap.exists || snap.get('status') !== 'draft') return false;
      tx.update(mailing, { status: 'queued', updatedAt: Timestamp.fromDate(now) });
      return true;
    });
    if (started) queued++;
  }
  return queued;
}

async function countSets(db: Firestore, networkId: string, meetingId: string, sets: RsvpSet[]) {
  const snap = await db
    .collection(paths.rsvps(networkId, meetingId))
    .select('answer', 'waitlisted')
    .get();
  return snap.docs.filter((d) =>
    sets.includes(
      rsvpSetOf({
        answer: (d.get('answer') as RsvpAnswer | null) ?? null,
        waitlisted: d.get('waitlisted') === true,
      }),
    ),
  ).length;
}

/** Writes the due reminder mailings; returns the ids it created. */
export async function createReminders(db: Firestore, baseUrl: string, now: Date) {
  const created: string[] = [];
  const networks = await db.collection(paths.networks()).select('name').get();
  for (const network of networks.docs) {
    const upcoming = await db
      .collection(paths.meetings(network.id))
      .where('start', '>', Timestamp.fromDate(now))
      .where('start', '<=', Timestamp.fromMillis(now.getTime() + HORIZON_DAYS * DAY))
      .get();
    for (const doc of upcoming.docs) {
      const meeting = readMeeting(doc.data());
      if (!meeting || meeting.status !== 'planned' || meeting.reminderDays === 0) continue;
      if (meeting.start.getTime() - meeting.reminderDays * DAY > now.getTime()) continue;
      const days = Math.max(0, Math.round((meeting.start.getTime() - now.getTime()) / DAY));
      const kinds = [
        {
          id: reminderMailingId(doc.id, meeting.start),
          sets: REMINDER_SETS,
          subject: reminderSubject(meeting),
          text: reminderText(meeting, days),
        },
        ...(meeting.remindNoAnswer
          ? [
              {
                id: noAnswerMailingId(doc.id, meeting.start),
                sets: NO_ANSWER_SETS,
                subject: noAnswerSubject(meeting),
                text: noAnswerText(meeting),
              },
            ]
          : []),
      ];
      for (const kind of kinds) {
        const ref = db.doc(paths.mailing(network.id, kind.id));
        if ((await ref.get()).exists) continue;
        // Nobody to remind yet: a later run (someone answers meanwhile) writes it.
        if ((await countSets(db, network.id, doc.id, kind.sets)) === 0) continue;
        const mailing = meetingMailing({
          purpose: 'reminder',
          meetingId: doc.id,
          meeting,
          networkId: network.id,
          networkName: String(network.get('name') ?? network.id),
          subject: kind.subject,
          text: kind.text,
          recipients: { source: 'rsvps', answers: kind.sets, inviteeIds: [] },
          answerLinks: true,
          status: 'queued',
          updatedBy: 'system',
          baseUrl,
          now,
        });
        try {
          await ref.create(mailing);
          created.push(kind.id);
        } catch (error) {
          // A concurrent run created it first.
          if ((error as { code?: unknown }).code !== 6) throw error;
        }
      }
    }
  }
  return created;
}

export async function handleMeetingsTick(deps: TickDeps) {
  const now = (deps.now ?? (() => new Date()))();
  const queued = await queueDueMailings(deps.db, now);
  const reminders = await createReminders(deps.db, deps.baseUrl, now);
  const swept = await sweepRsvpQueues({
    db: deps.db,
    now: () => now,
    onPromoted: promotionMailings(deps.db, deps.baseUrl),
  });
  return { queued, reminders, swept };
}
