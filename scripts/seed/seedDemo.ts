import { FieldValue, Timestamp, type Firestore } from 'firebase-admin/firestore';
import type { Auth } from 'firebase-admin/auth';
import { membershipPath, paths } from '@knotenpunkt/model';
import { DEMO_LOGINS } from './logins.mjs';
import { handleRefreshAllCalendars } from '../../functions/src/calendar/publicCalendar.ts';
import { handleRebuildDirectory } from '../../functions/src/directory/snapshot.ts';
import { demoNetworks, demoWorkingGroups } from './demoNetworks.ts';
import { demoActors, demoContacts, demoOffers } from './demoDirectory.ts';
import { demoQuestionnaireDocs } from './demoQuestionnaire.ts';
import { demoConsentTexts, demoMeetings, demoRsvps, demoSubscribers } from './demoActivity.ts';

const SEED_MARKER = 'system/seed';
const SEEDED_BY = 'seed';

/** Dates become Firestore Timestamps at this edge; everything else is written as parsed. */
function toFirestore(value: unknown): unknown {
  if (value instanceof Date) return Timestamp.fromDate(value);
  if (value instanceof Timestamp) return value;
  if (Array.isArray(value)) return value.map(toFirestore);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toFirestore(v)]));
  }
  return value;
}

async function ensureUser(auth: Auth, email: string, password: string, displayName: string) {
  try {
    return await auth.getUserByEmail(email);
  } catch {
    return auth.createUser({ email, password, displayName, emailVerified: true });
  }
}

export interface SeedOptions {
  db: Firestore;
  auth: Auth;
  now?: Date;
  /** Skip when the marker document exists (first start only). */
  ifEmpty?: boolean;
}

/** Writes the demo region: two networks, directory, working groups, meetings, subscribers, logins. */
export async function seedDemo({ db, auth, now = new Date(), ifEmpty = false }: SeedOptions) {
  if (ifEmpty && (await db.doc(SEED_MARKER).get()).exists) return { seeded: false };
  const stamp = Timestamp.fromDate(now);
  const audit = { createdAt: stamp, updatedAt: stamp, updatedBy: SEEDED_BY };
  const writer = db.bulkWriter();

  for (const network of demoNetworks) {
    writer.set(
      db.doc(paths.network(network.slug)),
      toFirestore({ ...network, createdAt: now, updatedAt: now }) as object,
    );
  }
  for (const login of DEMO_LOGINS) {
    const user = await ensureUser(auth, login.email, login.password, login.name);
    if (login.admin)
      writer.set(db.doc(paths.admin(user.uid)), { email: login.email, grantedAt: stamp });
    for (const networkId of login.networks) {
      writer.set(db.doc(paths.member(networkId, user.uid)), {
        role: 'coordinator',
        name: login.name,
        email: login.email,
        grantedAt: stamp,
        grantedBy: SEEDED_BY,
      });
    }
    if (login.networks.length > 0) {
      writer.set(db.doc(membershipPath(user.uid)), {
        networkIds: login.networks,
        updatedAt: stamp,
      });
    }
  }
  for (const wg of demoWorkingGroups) {
    writer.set(
      db.doc(paths.workingGroup(wg.networkId, wg.id)),
      toFirestore({ ...wg.input, ...audit }) as object,
    );
  }
  for (const actor of demoActors)
    writer.set(db.doc(paths.actor(actor.id)), toFirestore({ ...actor.input, ...audit }) as object);
  for (const offer of demoOffers)
    writer.set(db.doc(paths.offer(offer.id)), toFirestore({ ...offer.input, ...audit }) as object);
  for (const contact of demoContacts) {
    writer.set(
      db.doc(paths.contact(contact.id)),
      toFirestore({ ...contact.input, ...audit }) as object,
    );
  }
  for (const meeting of demoMeetings(now)) {
    writer.set(
      db.doc(paths.meeting(meeting.networkId, meeting.id)),
      toFirestore({ ...meeting.input, ...audit }) as object,
    );
  }
  for (const rsvp of await demoRsvps(now)) {
    writer.set(
      db.doc(paths.rsvp(rsvp.networkId, rsvp.meetingId, rsvp.id)),
      toFirestore(rsvp.doc) as object,
    );
  }
  for (const text of await demoConsentTexts(now)) {
    writer.set(db.doc(`consentTexts/${text.id}`), toFirestore(text.doc) as object);
  }
  for (const subscriber of await demoSubscribers(now)) {
    writer.set(
      db.doc(paths.subscriber(subscriber.networkId, subscriber.id)),
      toFirestore(subscriber.doc) as object,
    );
  }
  for (const { path, data } of await demoQuestionnaireDocs(now)) {
    writer.set(db.doc(path), toFirestore(data) as object);
  }
  writer.set(db.doc(SEED_MARKER), { seededAt: FieldValue.serverTimestamp() });
  await writer.close();
  // The public snapshots (directory, calendars) follow every write through the functions; built
  // here once as well, so the demo's public pages are complete as soon as the seed returns.
  await handleRebuildDirectory(db);
  await handleRefreshAllCalendars(db, now);
  return { seeded: true };
}
