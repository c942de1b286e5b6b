// Meetings of one network for its coordinators: live lists, planning (also a series), minutes,
// answers live, the meeting's mailings, and the functions that send, cancel and record
// attendance. Public pages use publicMeetings.ts (Firestore Lite) instead.
import {
  addDoc,
  collection,
  deleteDoc,
  doc,
  onSnapshot,
  orderBy,
  query,
  serverTimestamp,
  updateDoc,
  where,
  writeBatch,
} from 'firebase/firestore';
import { httpsCallable } from 'firebase/functions';
import {
  mailingSchema,
  meetingSchema,
  paths,
  rsvpSchema,
  type CancelMeetingInput,
  type MailingWithId,
  type MarkAttendanceInput,
  type MeetingInput,
  type MeetingMailingInput,
  type MeetingMailingPreview,
  type MeetingMailingPreviewInput,
  type MeetingMailingResult,
  type MeetingMinutes,
  type MeetingWithId,
  type RsvpWithId,
} from '@knotenpunkt/model';
import { db, functions } from '$lib/firebase/app';
import { requireUid } from './auth.ts';
import { listenLater, type Fail, type Next, type Unsubscribe } from './listen.ts';
import { parseDoc, parseDocs } from './parse.ts';
import { docData, queryDocs } from './snapshot.ts';

export function watchMeetings(
  networkId: string,
  next: Next<MeetingWithId[]>,
  fail: Fail,
): Unsubscribe {
  return listenLater(async () => {
    const q = query(collection(await db(), paths.meetings(networkId)), orderBy('start'));
    return onSnapshot(
      q,
      (snap) => next(parseDocs(meetingSchema, queryDocs(snap), (id, value) => ({ ...value, id }))),
      fail,
    );
  }, fail);
}

export function watchMeeting(
  networkId: string,
  id: string,
  next: Next<MeetingWithId | null>,
  fail: Fail,
): Unsubscribe {
  return listenLater(async () => {
    const path = paths.meeting(networkId, id);
    return onSnapshot(
      doc(await db(), path),
      (snap) => {
        try {
          next(snap.exists() ? { ...parseDoc(meetingSchema, path, docData(snap)), id } : null);
        } catch (error) {
          fail(error);
        }
      },
      fail,
    );
  }, fail);
}

const stamps = (uid: string) => ({
  createdAt: serverTimestamp(),
  updatedAt: serverTimestamp(),
  updatedBy: uid,
});

/** `input` has passed meetingInputSchema in the form. Returns the new meeting's id. */
export async function createMeeting(networkId: string, input: MeetingInput): Promise<string> {
  const uid = await requireUid();
  const ref = await addDoc(collection(await db(), paths.meetings(networkId)), {
    ...input,
    ...stamps(uid),
  });
  return ref.id;
}

/** "Serie anlegen": one meeting per date, written together, sharing a series id. */
export async function createSeries(
  networkId: string,
  inputs: MeetingInput[],
): Promise<{ seriesId: string; ids: string[] }> {
  const uid = await requireUid();
  const firestore = await db();
  const meetings = collection(firestore, paths.meetings(networkId));
  const seriesId = doc(meetings).id;
  const batch = writeBatch(firestore);
  const ids: string[] = [];
  for (const input of inputs) {
    const ref = doc(meetings);
    ids.push(ref.id);
    batch.set(ref, { ...input, seriesId, ...stamps(uid) });
  }
  await batch.commit();
  return { seriesId, ids };
}

/** Saves fields of a meeting (the form's, or minutes and tasks); the rules check the whole. */
export async function updateMeeting(
  networkId: string,
  id: string,
  fields: Partial<MeetingInput> | MeetingMinutes,
): Promise<void> {
  const uid = await requireUid();
  await updateDoc(doc(await db(), paths.meeting(networkId, id)), {
    ...fields,
    updatedAt: serverTimestamp(),
    updatedBy: uid,
  });
}

export async function deleteMeeting(networkId: string, id: string): Promise<void> {
  await deleteDoc(doc(await db(), paths.meeting(networkId, id)));
}

/** Invitees and their answers, live. */
export function watchRsvps(
  networkId: string,
  meetingId: string,
  next: Next<RsvpWithId[]>,
  fail: Fail,
): Unsubscribe {
  return listenLater(async () => {
    const q = collection(await db(), paths.rsvps(networkId, meetingId));
    return onSnapshot(
      q,
      (snap) => next(parseDocs(rsvpSchema, queryDocs(snap), (id, value) => ({ ...value, id }))),
      fail,
    );
  }, fail);
}

/** The mailings about a meeting (invitations, reminders, …), newest first, live. */
export function watchMeetingMailings(
  networkId: string,
  meetingId: string,
  next: Next<MailingWithId[]>,
  fail: Fail,
): Unsubscribe {
  return listenLater(async () => {
    const q = query(
      collection(await db(), paths.mailings(networkId)),
      where('meetingId', '==', meetingId),
    );
    return onSnapshot(
      q,
      (snap) =>
        next(
          parseDocs(mailingSchema, queryDocs(snap), (id, value) => ({ ...value, id })).sort(
            (a, b) => b.createdAt.getTime() - a.createdAt.getTime(),
          ),
        ),
      fail,
    );
  }, fail);
}

async function call<I, O>(name: string, input: I): Promise<O> {
  const callable = httpsCallable<I, O>(await functions(), name);
  return (await callable(input)).data;
}

/** The composer: send now, at a time, or a test to oneself. */
export function sendMeetingMailing(input: MeetingMailingInput): Promise<MeetingMailingResult> {
  const { sendAt, ...rest } = input;
  // Callables carry JSON: the time travels as an ISO string.
  return call('sendMeetingMailing', {
    ...rest,
    sendAt: sendAt instanceof Date ? sendAt.toISOString() : (sendAt ?? null),
  });
}

export function previewMeetingMailing(
  input: MeetingMailingPreviewInput,
): Promise<MeetingMailingPreview> {
  return call('previewMeetingMailing', input);
}

export function cancelMeeting(input: CancelMeetingInput): Promise<{ mailingId: string | null }> {
  return call('cancelMeeting', input);
}

export function markAttendance(input: MarkAttendanceInput): Promise<{ ok: true }> {
  return call('markAttendance', input);
}
