// Public meeting pages (Firestore Lite: the published snapshots only) and the answer page behind
// the personal links in mails (POST /api/rsvp: nothing is recorded by opening a link; the page
// posts the link's answer from the browser).
import { doc, getDoc } from 'firebase/firestore/lite';
import {
  paths,
  publicCalendarSchema,
  publicMeetingPath,
  publicMeetingSchema,
  type CalendarEntry,
  type NetworkWithId,
  type PublicMeeting,
  type RsvpRequestInput,
  type RsvpResponse,
} from '@knotenpunkt/model';
import { liteDb } from '$lib/firebase/app';
import { parseDoc } from './parse.ts';
import { listPublicNetworks } from './public.ts';

export interface NetworkCalendar {
  network: NetworkWithId;
  upcoming: CalendarEntry[];
  past: CalendarEntry[];
}

/** Every public network's published calendar (one read each), networks by name. */
export async function listPublicCalendars(): Promise<NetworkCalendar[]> {
  const networks = await listPublicNetworks();
  const db = await liteDb();
  return Promise.all(
    networks.map(async (network) => {
      const path = paths.publicCalendar(network.id);
      const snap = await getDoc(doc(db, path));
      if (!snap.exists()) return { network, upcoming: [], past: [] };
      const calendar = parseDoc(publicCalendarSchema, path, snap.data());
      return { network, upcoming: calendar.meetings, past: calendar.past };
    }),
  );
}

function isPermissionDenied(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'permission-denied';
}

/** A public meeting's page, or null when there is none (or its network is not public). */
export async function getPublicMeeting(
  networkId: string,
  meetingId: string,
): Promise<PublicMeeting | null> {
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(networkId) || !/^[A-Za-z0-9_-]{1,128}$/.test(meetingId)) {
    return null;
  }
  const db = await liteDb();
  const path = publicMeetingPath(networkId, meetingId);
  try {
    const snap = await getDoc(doc(db, path));
    return snap.exists() ? parseDoc(publicMeetingSchema, path, snap.data()) : null;
  } catch (error) {
    if (isPermissionDenied(error)) return null;
    throw error;
  }
}

// ---------------------------------------------------------------- the answer page

export type RsvpResult =
  | { ok: true; status: number; response: RsvpResponse & { pending?: boolean } }
  | { ok: false; status: number; message: string; response?: RsvpResponse; field?: string };

const NETWORK_ERROR =
  'Der Server ist gerade nicht erreichbar. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.';

async function post(path: string, body: unknown): Promise<RsvpResult> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, message: NETWORK_ERROR };
  }
  const data = (await res.json().catch(() => null)) as
    (RsvpResponse & { message?: string; field?: string; fields?: Record<string, string> }) | null;
  if (res.ok && data) return { ok: true, status: res.status, response: data };
  const field = data?.field;
  const message =
    (field && data?.fields?.[field]) ||
    data?.message ||
    'Ihre Antwort konnte nicht gespeichert werden. Bitte versuchen Sie es erneut.';
  return {
    ok: false,
    status: res.status,
    message,
    ...(data?.meeting ? { response: data } : {}),
    ...(field ? { field } : {}),
  };
}

/** Records an answer (and persons, comment). */
export function sendRsvp(input: RsvpRequestInput): Promise<RsvpResult> {
  return post('/api/rsvp', input);
}

/** The meeting and the stored answer; records nothing. */
export function loadRsvp(token: string): Promise<RsvpResult> {
  return post('/api/rsvp/status', { token });
}
