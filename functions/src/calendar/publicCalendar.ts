import { FieldValue, Timestamp, type Firestore } from 'firebase-admin/firestore';
import { calendarEntrySchema, paths, type CalendarEntry } from '@knotenpunkt/model';

const MAX_ENTRIES = 20;

/**
 * Rebuilds the public snapshot of a network's upcoming public meetings from the meetings
 * themselves. Running it twice, or out of order, gives the same document: it never applies
 * deltas, and the transaction makes concurrent rebuilds serialize.
 */
export async function handleRebuildCalendar(
  db: Firestore,
  networkId: string,
  now: Date = new Date(),
) {
  const query = db
    .collection(paths.meetings(networkId))
    .where('public', '==', true)
    .where('end', '>=', Timestamp.fromDate(now))
    .orderBy('end')
    .limit(MAX_ENTRIES * 2);
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(query);
    const meetings: CalendarEntry[] = snap.docs
      .filter((d) => d.get('status') !== 'cancelled')
      .map((d) =>
        calendarEntrySchema.parse({
          id: d.id,
          kind: d.get('kind'),
          title: d.get('title'),
          start: (d.get('start') as Timestamp).toDate(),
          end: (d.get('end') as Timestamp).toDate(),
          place: d.get('place') ?? '',
        }),
      )
      .sort((a, b) => a.start.getTime() - b.start.getTime())
      .slice(0, MAX_ENTRIES);
    tx.set(db.doc(paths.publicCalendar(networkId)), {
      meetings,
      updatedAt: FieldValue.serverTimestamp(),
    });
    return meetings.length;
  });
}

/** Past meetings drop out of every network's snapshot once a day. */
export async function handleRefreshAllCalendars(db: Firestore, now: Date = new Date()) {
  const networks = await db.collection(paths.networks()).select().get();
  let entries = 0;
  for (const network of networks.docs) entries += await handleRebuildCalendar(db, network.id, now);
  return { networks: networks.size, entries };
}
