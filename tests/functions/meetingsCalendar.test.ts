// What visitors and calendar apps see of a network's meetings: the iCal feed (parsed with a real
// iCalendar parser), a meeting's .ics, and the published meeting page with minutes only once
// published and the number of persons present once recorded.
import { meetingIcs, paths, publicMeetingPath } from '@knotenpunkt/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { handleRefreshAllCalendars } from '../../functions/src/calendar/publicCalendar.ts';
import { handleMarkAttendance } from '../../functions/src/meetings/attendance.ts';
import { adminDb, eventually } from '../support/admin.ts';
import { APP_URL } from '../support/env.ts';
import { parseIcs } from '../support/ical.ts';
import {
  NETWORK,
  NETWORK_NAME,
  addresses,
  answer,
  ensureNetwork,
  invite,
  uniqueId,
  writeMeeting,
} from './meetingsSupport.ts';

const HIDDEN_NETWORK = 'treffen-intern';
const COORDINATOR = { uid: 'treffen-koordination', email: 'koordination@treffen.test' };
const DAY = 86_400_000;

beforeAll(async () => {
  await ensureNetwork();
  await ensureNetwork(HIDDEN_NETWORK, 'Internes Netzwerk', false);
  await adminDb.doc(paths.member(NETWORK, COORDINATOR.uid)).set({
    role: 'coordinator',
    name: 'Kim Koordination',
    email: COORDINATOR.email,
    grantedAt: new Date(),
    grantedBy: 'test',
  });
});

async function feed(networkId: string) {
  const res = await fetch(`${APP_URL}/api/ical/${networkId}.ics`);
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    text: await res.text(),
  };
}

describe('the iCal feed of a network', () => {
  it('parses with an iCalendar parser and lists only the public meetings, cancelled ones as such', async () => {
    const open = uniqueId('offen');
    const internal = uniqueId('intern');
    const cancelled = uniqueId('abgesagt');
    // Calendars count in whole seconds.
    const start = new Date(Math.floor((Date.now() + 20 * DAY) / 60_000) * 60_000);
    await writeMeeting(open, {
      title: 'Dialogcafé, Sprache; Begegnung',
      start,
      end: new Date(start.getTime() + 7_200_000),
      place: 'Bürgerhaus, Saal 2',
    });
    await writeMeeting(internal, { title: 'Interne Vorbesprechung', public: false });
    await writeMeeting(cancelled, { title: 'Workshop Elternarbeit', status: 'cancelled' });

    const res = await feed(NETWORK);
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/calendar/);
    const calendar = parseIcs(res.text);
    expect(calendar.name).toBe(NETWORK_NAME);
    const byUid = new Map(calendar.events.map((e) => [e.uid, e]));
    const event = byUid.get(`${open}.${NETWORK}@knotenpunkt`);
    expect(event).toMatchObject({
      summary: 'Dialogcafé, Sprache; Begegnung',
      location: 'Bürgerhaus, Saal 2',
      status: 'CONFIRMED',
    });
    expect(event?.start.toISOString()).toBe(start.toISOString());
    expect(event?.description).toContain(`${APP_URL}/termine/${NETWORK}/${open}`);
    expect(byUid.has(`${internal}.${NETWORK}@knotenpunkt`)).toBe(false);
    expect(calendar.events.map((e) => e.summary)).not.toContain('Interne Vorbesprechung');
    expect(byUid.get(`${cancelled}.${NETWORK}@knotenpunkt`)?.status).toBe('CANCELLED');
  });

  it('answers 404 for a network that is not public or does not exist', async () => {
    await writeMeeting(uniqueId('versteckt'), { title: 'Geheim' }, HIDDEN_NETWORK);
    const hidden = await feed(HIDDEN_NETWORK);
    expect(hidden.status).toBe(404);
    expect(hidden.text).not.toContain('Geheim');
    expect((await feed('gibt-es-nicht')).status).toBe(404);
  });
});

describe('a meeting’s calendar file', () => {
  it('parses, and a cancellation carries METHOD:CANCEL with the same UID and a higher sequence', async () => {
    const meeting = await writeMeeting(uniqueId('datei'), { agenda: [{ title: 'Begrüßung' }] });
    const ref = { networkId: NETWORK, meetingId: 'm1', networkName: NETWORK_NAME, pageUrl: '' };
    const planned = parseIcs(meetingIcs(meeting, ref, new Date()));
    const later = {
      ...meeting,
      status: 'cancelled' as const,
      updatedAt: new Date(Date.now() + 5000),
    };
    const cancel = parseIcs(meetingIcs(later, ref, new Date()));
    expect(planned.method).toBe('PUBLISH');
    expect(planned.events[0]?.description).toContain('Tagesordnung:\n1. Begrüßung');
    expect(cancel.method).toBe('CANCEL');
    expect(cancel.events[0]?.uid).toBe(planned.events[0]?.uid);
    expect(cancel.events[0]!.sequence).toBeGreaterThan(planned.events[0]!.sequence);
    expect(cancel.events[0]?.status).toBe('CANCELLED');
  });
});

describe('the published meeting page', () => {
  it('shows minutes only once published and the persons present once recorded', async () => {
    const id = uniqueId('protokoll');
    const meeting = await writeMeeting(id, {
      minutes: '## Ergebnisse\nEntwurf',
      decisions: ['Nächstes Treffen im März'],
    });
    const page = () => adminDb.doc(publicMeetingPath(NETWORK, id)).get();
    const first = await eventually(async () => ((await page()).exists ? await page() : undefined));
    expect(first.get('minutes')).toBe('');
    expect(first.get('decisions')).toEqual([]);
    expect(first.get('attendedPersons')).toBeNull();

    await adminDb.doc(paths.meeting(NETWORK, id)).update({ minutesPublished: true });
    await eventually(async () =>
      (await page()).get('minutes') === '## Ergebnisse\nEntwurf' ? true : undefined,
    );
    expect((await page()).get('decisions')).toEqual(['Nächstes Treffen im März']);

    const [guest] = await invite(id, addresses(id, 1), meeting.end);
    await answer(guest!.token, { answer: 'yes', persons: 2 });
    const deps = { db: adminDb };
    await handleMarkAttendance(
      { networkId: NETWORK, meetingId: id, inviteeId: guest!.id, attended: true },
      COORDINATOR,
      deps,
    );
    expect((await page()).get('attendedPersons')).toBe(2);
    await expect(
      handleMarkAttendance(
        { networkId: NETWORK, meetingId: id, inviteeId: guest!.id, attended: true },
        { uid: 'jemand-anderes' },
        deps,
      ),
    ).rejects.toMatchObject({ details: { code: 'NOT_COORDINATOR' } });
  });

  it('counts attendance recorded without a meeting change at the daily refresh', async () => {
    const id = uniqueId('nachgetragen');
    const meeting = await writeMeeting(id);
    const page = () => adminDb.doc(publicMeetingPath(NETWORK, id)).get();
    await eventually(async () => ((await page()).exists ? true : undefined));
    const [guest] = await invite(id, addresses(id, 1), meeting.end);
    await adminDb.doc(paths.rsvp(NETWORK, id, guest!.id)).update({ answer: 'yes', attended: true });
    await handleRefreshAllCalendars(adminDb);
    expect((await page()).get('attendedPersons')).toBe(1);
  });

  it('disappears when the meeting becomes internal', async () => {
    const id = uniqueId('zurueck');
    await writeMeeting(id);
    const page = () => adminDb.doc(publicMeetingPath(NETWORK, id)).get();
    await eventually(async () => ((await page()).exists ? true : undefined));
    await adminDb.doc(paths.meeting(NETWORK, id)).update({ public: false });
    await eventually(async () => ((await page()).exists ? undefined : true));
  });
});
