import {
  FieldValue,
  Timestamp,
  type DocumentData,
  type Firestore,
  type QueryDocumentSnapshot,
} from 'firebase-admin/firestore';
import {
  calendarEntrySchema,
  meetingInputSchema,
  paths,
  publicMeetingPath,
  publicMeetingSchema,
  type CalendarEntry,
  type MeetingInput,
} from '@knotenpunkt/model';

const MAX_ENTRIES = 20;
const MAX_PAST = 10;

function entryOf(d: QueryDocumentSnapshot): CalendarEntry {
  return calendarEntrySchema.parse({
    id: d.id,
    kind: d.get('kind'),
    title: d.get('title'),
    start: (d.get('start') as Timestamp).toDate(),
    end: (d.get('end') as Timestamp).toDate(),
    place: d.get('place') ?? '',
    topic: d.get('topic') ?? '',
    minutesPublished: d.get('minutesPublished') === true,
  });
}

/**
 * Rebuilds the public snapshot of a network's upcoming (and recent) public meetings from the
 * meetings themselves. Running it twice, or out of order, gives the same document: it never
 * applies deltas, and the transaction makes concurrent rebuilds serialize.
 */
export async function handleRebuildCalendar(
  db: Firestore,
  networkId: string,
  now: Date = new Date(),
) {
  const meetings = db.collection(paths.meetings(networkId));
  const upcoming = meetings
    .where('public', '==', true)
    .where('end', '>=', Timestamp.fromDate(now))
    .orderBy('end')
    .limit(MAX_ENTRIES * 2);
  const recent = meetings
    .where('public', '==', true)
    .where('end', '<', Timestamp.fromDate(now))
    .orderBy('end', 'desc')
    .limit(MAX_PAST * 2);
  return db.runTransaction(async (tx) => {
    const [next, past] = await Promise.all([tx.get(upcoming), tx.get(recent)]);
    const planned = (d: QueryDocumentSnapshot) => d.get('status') !== 'cancelled';
    const entries: CalendarEntry[] = next.docs
      .filter(planned)
      .map(entryOf)
      .sort((a, b) => a.start.getTime() - b.start.getTime())
      .slice(0, MAX_ENTRIES);
    const before: CalendarEntry[] = past.docs
      .filter(planned)
      .map(entryOf)
      .sort((a, b) => b.start.getTime() - a.start.getTime())
      .slice(0, MAX_PAST);
    tx.set(db.doc(paths.publicCalendar(networkId)), {
      meetings: entries,
      past: before,
      updatedAt: FieldValue.serverTimestamp(),
    });
    return entries.length;
  });
}

/**
 * Past meetings drop out of every network's snapshot once a day; the public meeting pages are
 * rebuilt too (attendance recorded without a meeting change, e.g. by the demo seed).
 */
export async function handleRefreshAllCalendars(db: Firestore, now: Date = new Date()) {
  const networks = await db.collection(paths.networks()).select().get();
  let entries = 0;
  for (const network of networks.docs) {
    entries += await handleRebuildCalendar(db, network.id, now);
    const publicMeetings = await db
      .collection(paths.meetings(network.id))
      .where('public', '==', true)
      .select()
      .limit(200)
      .get();
    for (const meeting of publicMeetings.docs) {
      await handlePublishMeeting(db, network.id, meeting.id);
    }
  }
  return { networks: networks.size, entries };
}

const INPUT_KEYS = Object.keys(meetingInputSchema.shape) as (keyof MeetingInput)[];

/** A stored meeting with the form's defaults for fields older documents lack; null if broken. */
export function readMeeting(data: DocumentData | undefined) {
  if (!data) return null;
  const fields = Object.fromEntries(
    INPUT_KEYS.filter((k) => data[k] !== undefined).map((k) => {
      const value: unknown = data[k];
      return [k, value instanceof Timestamp ? value.toDate() : value];
    }),
  );
  // Timestamps inside lists (tasks' due dates) become Dates as well.
  if (Array.isArray(fields.tasks)) {
    fields.tasks = (fields.tasks as Array<Record<string, unknown>>).map((t) => ({
      ...t,
      due: t.due instanceof Timestamp ? t.due.toDate() : (t.due ?? null),
    }));
  }
  const parsed = meetingInputSchema.safeParse(fields);
  if (!parsed.success) return null;
  const updatedAt = data.updatedAt instanceof Timestamp ? data.updatedAt.toDate() : null;
  return { ...parsed.data, updatedAt };
}

/** Persons the coordinators recorded as present; null while nobody is recorded. */
async function attendedPersons(db: Firestore, networkId: string, meetingId: string) {
  const snap = await db
    .collection(paths.rsvps(networkId, meetingId))
    .where('attended', '==', true)
    .select('persons')
    .get();
  if (snap.empty) return null;
  return snap.docs.reduce((sum, d) => sum + (Number(d.get('persons')) || 1), 0);
}

/**
 * Keeps networks/{n}/public/meeting-{id}, the page visitors read: present while the meeting is
 * public, without minutes, decisions and results until the coordinators publish them. Rebuilt
 * whole from the meeting on every change, so running it twice changes nothing.
 */
export async function handlePublishMeeting(
  db: Firestore,
  networkId: string,
  meetingId: string,
): Promise<'published' | 'removed'> {
  const [meetingSnap, networkSnap] = await Promise.all([
    db.doc(paths.meeting(networkId, meetingId)).get(),
    db.doc(paths.network(networkId)).get(),
  ]);
  const target = db.doc(publicMeetingPath(networkId, meetingId));
  const meeting = readMeeting(meetingSnap.data());
  if (!meeting || !meeting.public) {
    await target.delete();
    return 'removed';
  }
  const published = meeting.minutesPublished;
  const page = publicMeetingSchema.parse({
    id: meetingId,
    networkId,
    networkName: String(networkSnap.get('name') ?? networkId),
    kind: meeting.kind,
    title: meeting.title,
    topic: meeting.topic,
    start: meeting.start,
    end: meeting.end,
    place: meeting.place,
    onlineUrl: meeting.onlineUrl,
    agenda: meeting.agenda,
    contactPerson: meeting.contactPerson,
    capacity: meeting.capacity,
    registrationDeadline: meeting.registrationDeadline,
    status: meeting.status,
    minutes: published ? meeting.minutes : '',
    decisions: published ? meeting.decisions : [],
    results: published ? meeting.results : '',
    attendedPersons: await attendedPersons(db, networkId, meetingId),
    updatedAt: meeting.updatedAt ?? new Date(),
  });
  await target.set(page);
  return 'published';
}
