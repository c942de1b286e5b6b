// Meetings and their answers: coordinators plan, publish minutes and read answers; visitors see
// only what the calendar function publishes; the RSVP machinery (queue, outcomes, tally, lease)
// and scheduled mailings are for functions alone.
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { doc, getDoc, setDoc, updateDoc, type DocumentData } from 'firebase/firestore';
import { describe, it } from 'vitest';
import {
  mailingSchedulePath,
  publicMeetingPath,
  publicMeetingSchema,
  rsvpLeasePath,
  rsvpOutcomePath,
  rsvpQueuePath,
  rsvpTallyPath,
} from '@knotenpunkt/model';
import {
  createStamps,
  meetingInput,
  storedMeeting,
  storedRsvp,
  updateStamps,
  T0,
} from './fixtures.ts';
import {
  ADMIN,
  COORD_A,
  COORD_B,
  NETWORK_A,
  NETWORK_B,
  PERSONAS,
  PUBLIC,
  SIGNED_IN,
} from './personas.ts';
import { rulesTestbed } from './testbed.ts';

const publicPage = (networkId: string) =>
  publicMeetingSchema.parse({
    id: 'm1',
    networkId,
    networkName: 'Netzwerk',
    kind: 'Netzwerktreffen',
    title: 'Netzwerktreffen Dezember',
    start: new Date('2026-12-03T16:00:00Z'),
    end: new Date('2026-12-03T18:00:00Z'),
    agenda: [],
    contactPerson: null,
    capacity: null,
    registrationDeadline: null,
    status: 'planned',
    attendedPersons: null,
    updatedAt: T0,
  });

const machinery = [
  `${rsvpQueuePath(NETWORK_A, 'm1')}/r1`,
  rsvpOutcomePath(NETWORK_A, 'm1', 'r1'),
  rsvpTallyPath(NETWORK_A, 'm1'),
  rsvpLeasePath(NETWORK_A, 'm1'),
  mailingSchedulePath('mail-1'),
];

const t = rulesTestbed(() => ({
  [`networks/${NETWORK_A}/meetings/m1`]: storedMeeting({ public: true, minutes: 'Entwurf' }),
  [`networks/${NETWORK_A}/meetings/m1/rsvps/r1`]: storedRsvp('s1'),
  [publicMeetingPath(NETWORK_A, 'm1')]: publicPage(NETWORK_A),
  [publicMeetingPath(NETWORK_B, 'm1')]: publicPage(NETWORK_B),
  ...Object.fromEntries(machinery.map((path) => [path, { written: 'by a function', at: T0 }])),
}));

const meeting = `networks/${NETWORK_A}/meetings/m1`;

describe('meeting pages for visitors', () => {
  it('a visitor can read the published page of a public meeting of a public network', async () => {
    await assertSucceeds(getDoc(doc(t.as(PUBLIC), publicMeetingPath(NETWORK_A, 'm1'))));
  });

  it('a visitor cannot read the page of a meeting of a network that is not public', async () => {
    await assertFails(getDoc(doc(t.as(PUBLIC), publicMeetingPath(NETWORK_B, 'm1'))));
  });

  it('a visitor cannot read the draft minutes in the meeting document of a public meeting', async () => {
    await assertFails(getDoc(doc(t.as(PUBLIC), meeting)));
    await assertFails(getDoc(doc(t.as(SIGNED_IN), meeting)));
  });

  it('nobody but the functions writes a published meeting page', async () => {
    for (const persona of [PUBLIC, COORD_A, ADMIN]) {
      await assertFails(
        setDoc(doc(t.as(persona), publicMeetingPath(NETWORK_A, 'm2')), publicPage(NETWORK_A)),
      );
    }
  });
});

describe('planning, minutes and reminders', () => {
  const db = () => t.as(COORD_A);
  const uid = COORD_A.uid;
  const update = (data: DocumentData) =>
    updateDoc(doc(db(), meeting), { ...data, ...updateStamps(uid) });

  it('a coordinator can plan a series meeting with a reminder three days before', async () => {
    await assertSucceeds(
      setDoc(doc(db(), `networks/${NETWORK_A}/meetings/s1`), {
        ...meetingInput({ seriesId: 'serie-1', reminderDays: 3, remindNoAnswer: true }),
        ...createStamps(uid),
      }),
    );
  });

  it('a coordinator can write minutes, decisions and tasks and publish them', async () => {
    await assertSucceeds(
      update({
        minutes: '## Protokoll\n- Begrüßung',
        decisions: ['Nächstes Treffen im Februar'],
        tasks: [{ title: 'Raum buchen', owner: 'Frau Kaya', due: T0, done: false }],
        minutesPublished: true,
      }),
    );
  });

  it('a coordinator cannot set reminders more than 30 days ahead or publish with a text value', async () => {
    await assertFails(update({ reminderDays: 31 }));
    await assertFails(update({ reminderDays: 1.5 }));
    await assertFails(update({ minutesPublished: 'ja' }));
    await assertFails(update({ tasks: 'Raum buchen' }));
  });

  it('a coordinator of another network cannot change the meeting', async () => {
    await assertFails(
      updateDoc(doc(t.as(COORD_B), meeting), { place: 'Bürgerhaus', ...updateStamps(COORD_B.uid) }),
    );
  });
});

describe('answers and the RSVP machinery', () => {
  it('a coordinator can read answers but cannot record attendance or an answer directly', async () => {
    const rsvp = `${meeting}/rsvps/r1`;
    await assertSucceeds(getDoc(doc(t.as(COORD_A), rsvp)));
    await assertFails(updateDoc(doc(t.as(COORD_A), rsvp), { attended: true }));
    await assertFails(updateDoc(doc(t.as(COORD_A), rsvp), { answer: 'no' }));
  });

  it('nobody reads or writes the queue, outcomes, tally, lease or scheduled mailings from a client', async () => {
    for (const persona of PERSONAS) {
      for (const path of machinery) {
        await assertFails(getDoc(doc(t.as(persona), path)));
        await assertFails(setDoc(doc(t.as(persona), path), { forged: true }));
      }
    }
  });
});
