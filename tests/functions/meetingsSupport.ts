// Shared by the meeting suites: a public network of their own, meetings and invitees written as
// the functions would write them, and the answer page's requests.
import {
  meetingInputSchema,
  meetingSchema,
  normalizeAddress,
  paths,
  rsvpSchema,
  sha256Hex,
  type MeetingInput,
  type RsvpResponse,
} from '@knotenpunkt/model';
import { adminDb } from '../support/admin.ts';
import { APP_URL } from '../support/env.ts';
import { mintRsvpToken } from '../../functions/src/meetings/tokens.ts';

export const NETWORK = 'treffen-test';
export const NETWORK_NAME = 'Netzwerk Treffenprobe';
const DAY = 86_400_000;

export async function ensureNetwork(id = NETWORK, name = NETWORK_NAME, isPublic = true) {
  const now = new Date();
  await adminDb.doc(paths.network(id)).set({
    name,
    slug: id,
    region: 'Testkreis',
    description: '',
    contactPersons: [],
    fieldsOfAction: [],
    public: isPublic,
    createdAt: now,
    updatedAt: now,
  });
}

let counter = 0;
/** Unique per run: the Tasks emulator and maildev outlive a test file. */
export const uniqueId = (label: string) => `${label}-${Date.now().toString(36)}-${++counter}`;

export async function writeMeeting(
  id: string,
  over: Partial<MeetingInput> = {},
  networkId = NETWORK,
) {
  const start = new Date(Date.now() + 10 * DAY);
  const now = new Date();
  const meeting = meetingSchema.parse({
    ...meetingInputSchema.parse({
      kind: 'Netzwerktreffen',
      title: 'Netzwerktreffen Probe',
      start,
      end: new Date(start.getTime() + 2 * 3_600_000),
      place: 'Rathaus, Sitzungssaal',
      public: true,
      ...over,
    }),
    createdAt: now,
    updatedAt: now,
    updatedBy: 'test',
  });
  await adminDb.doc(paths.meeting(networkId, id)).set(meeting);
  return meeting;
}

export interface Invitee {
  id: string;
  email: string;
  token: string;
}

/** Invitees with their personal links, as an invitation's recipient source creates them. */
export async function invite(
  meetingId: string,
  emails: string[],
  meetingEnd: Date,
  networkId = NETWORK,
): Promise<Invitee[]> {
  const now = new Date();
  const invitees: Invitee[] = [];
  for (let i = 0; i < emails.length; i += 200) {
    const batch = adminDb.batch();
    for (const address of emails.slice(i, i + 200)) {
      const email = normalizeAddress(address);
      const id = await sha256Hex(email);
      batch.set(
        adminDb.doc(paths.rsvp(networkId, meetingId, id)),
        rsvpSchema.parse({
          email,
          name: `Gast ${email.split('@')[0]}`,
          source: 'test',
          answer: null,
          waitlisted: false,
          persons: 1,
          order: null,
          attended: null,
          invitedAt: now,
          updatedAt: now,
        }),
      );
      const token = mintRsvpToken(
        adminDb,
        batch,
        { networkId, meetingId, inviteeId: id },
        meetingEnd,
        now,
      );
      invitees.push({ id, email, token });
    }
    await batch.commit();
  }
  return invitees;
}

export const addresses = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}@treffen.test`);

export async function postJson(path: string, body: unknown) {
  const res = await fetch(`${APP_URL}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as RsvpResponse & Record<string, unknown> };
}

export const answer = (token: string, body: Record<string, unknown>) =>
  postJson('/api/rsvp', { token, ...body });

export async function rsvpOf(meetingId: string, inviteeId: string, networkId = NETWORK) {
  const snap = await adminDb.doc(paths.rsvp(networkId, meetingId, inviteeId)).get();
  return snap.data() ?? {};
}

export async function rsvpsOf(meetingId: string, networkId = NETWORK) {
  const snap = await adminDb.collection(paths.rsvps(networkId, meetingId)).get();
  return snap.docs.map(
    (d) => ({ id: d.id, ...d.data() }) as Record<string, unknown> & { id: string },
  );
}
