// POST /api/rsvp and POST /api/rsvp/status: the answer page behind the personal links in mails.
// Nothing is recorded by opening a link (a GET of the page is static HTML; scanners stop there):
// the page's script posts the link's answer, then persons and comment. Answers can change until
// the registration deadline (or the start).
import type { Firestore } from 'firebase-admin/firestore';
import type { Request } from 'firebase-functions/v2/https';
import {
  RSVP_ANSWERS,
  fieldErrors,
  paths,
  rsvpDeadline,
  rsvpMessage,
  rsvpOpen,
  rsvpRequestSchema,
  rsvpStatusRequestSchema,
  rsvpTallyPath,
  type RsvpAnswer,
  type RsvpMeetingView,
  type RsvpOutcome,
  type RsvpResponse,
  type RsvpView,
} from '@knotenpunkt/model';
import type { ApiResponse } from '../http/api.ts';
import { invalid, jsonBody } from '../directory/proposals.ts';
import { readMeeting } from '../calendar/publicCalendar.ts';
import { awaitOutcome, enqueueAnswer, type SettleDeps } from './settle.ts';
import { resolveRsvpToken, type RsvpTarget } from './tokens.ts';

const BODY_MAX_BYTES = 4_000;

export interface RsvpApiDeps {
  db: Firestore;
  now?: () => Date;
  settle: Omit<SettleDeps, 'db'>;
}

const TOKEN_INVALID: ApiResponse = {
  status: 404,
  body: {
    error: 'TOKEN_INVALID',
    message:
      'Dieser Link ist ungültig oder abgelaufen. Bitte nutzen Sie den Link aus Ihrer neuesten Einladung oder wenden Sie sich an die Koordination.',
  },
};

function refused(error: string, message: string, view: Omit<RsvpResponse, 'message' | 'outcome'>) {
  return { status: 409, body: { error, message, ...view, outcome: null } };
}

interface Loaded {
  meeting: NonNullable<ReturnType<typeof readMeeting>>;
  view: Omit<RsvpResponse, 'message' | 'outcome'>;
}

/** The meeting and the invitee's answer as the page shows them; null if either is gone. */
async function loadView(db: Firestore, target: RsvpTarget, now: Date): Promise<Loaded | null> {
  const { networkId, meetingId, inviteeId } = target;
  const [meetingSnap, networkSnap, rsvpSnap, tallySnap] = await db.getAll(
    db.doc(paths.meeting(networkId, meetingId)),
    db.doc(paths.network(networkId)),
    db.doc(paths.rsvp(networkId, meetingId, inviteeId)),
    db.doc(rsvpTallyPath(networkId, meetingId)),
  );
  const meeting = readMeeting(meetingSnap?.data());
  if (!meeting || !rsvpSnap?.exists) return null;
  const answer = rsvpSnap.get('answer') as unknown;
  const waitlisted = rsvpSnap.get('waitlisted') === true;
  const order = rsvpSnap.get('order') as unknown;
  let waitlistPosition: number | null = null;
  if (answer === 'yes' && waitlisted && typeof order === 'number') {
    const ahead = await db
      .collection(paths.rsvps(networkId, meetingId))
      .where('answer', '==', 'yes')
      .where('waitlisted', '==', true)
      .where('order', '<', order)
      .count()
      .get();
    waitlistPosition = ahead.data().count + 1;
  }
  const yesPersons = tallySnap?.exists ? Number(tallySnap.get('yesPersons')) || 0 : null;
  const deadline = meeting.registrationDeadline;
  const meetingView: RsvpMeetingView = {
    networkId,
    networkName: String(networkSnap?.get('name') ?? networkId),
    meetingId,
    kind: meeting.kind,
    title: meeting.title,
    topic: meeting.topic,
    start: meeting.start.toISOString(),
    end: meeting.end.toISOString(),
    place: meeting.place,
    onlineUrl: meeting.onlineUrl,
    cancelled: meeting.status === 'cancelled',
    deadline: deadline ? deadline.toISOString() : null,
    open: rsvpOpen(meeting, now),
    capacity: meeting.capacity,
    waitlist: meeting.waitlist,
    free: meeting.capacity === null ? null : Math.max(0, meeting.capacity - (yesPersons ?? 0)),
  };
  const rsvp: RsvpView = {
    name: String(rsvpSnap.get('name') ?? ''),
    answer: (RSVP_ANSWERS as readonly unknown[]).includes(answer) ? (answer as RsvpAnswer) : null,
    waitlisted,
    persons: Number(rsvpSnap.get('persons')) || 1,
    comment: String(rsvpSnap.get('comment') ?? ''),
    waitlistPosition,
  };
  return { meeting, view: { meeting: meetingView, rsvp } };
}

function respond(loaded: Loaded, outcome: RsvpOutcome | null): ApiResponse {
  const body: RsvpResponse = {
    ...loaded.view,
    outcome,
    message: rsvpMessage(loaded.view.rsvp, outcome),
  };
  return { status: 200, body };
}

function closedMessage(loaded: Loaded): string {
  if (loaded.meeting.status === 'cancelled') {
    return 'Dieses Treffen wurde abgesagt. Antworten sind nicht mehr nötig.';
  }
  const deadline = rsvpDeadline(loaded.meeting);
  return `Die Anmeldung ist seit ${deadline.toLocaleString('de-DE', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  })} Uhr geschlossen. Bitte wenden Sie sich bei Änderungen an die Koordination.`;
}

/** POST /api/rsvp/status: shows the meeting and the stored answer; records nothing. */
export async function handleRsvpStatus(req: Request, deps: RsvpApiDeps): Promise<ApiResponse> {
  const parsedBody = jsonBody(req, BODY_MAX_BYTES);
  if ('answer' in parsedBody) return parsedBody.answer;
  return rsvpStatus(parsedBody.body, deps);
}

/** POST /api/rsvp: records an answer (queued and settled against capacity and waiting list). */
export async function handleRsvp(req: Request, deps: RsvpApiDeps): Promise<ApiResponse> {
  const parsedBody = jsonBody(req, BODY_MAX_BYTES);
  if ('answer' in parsedBody) return parsedBody.answer;
  return recordRsvp(parsedBody.body, deps);
}

/** The status request after the HTTP checks (tests and benchmarks call it directly). */
export async function rsvpStatus(body: unknown, deps: RsvpApiDeps): Promise<ApiResponse> {
  const input = rsvpStatusRequestSchema.safeParse(body);
  if (!input.success) return invalid(fieldErrors(input.error));
  const now = (deps.now ?? (() => new Date()))();
  const target = await resolveRsvpToken(deps.db, input.data.token, now);
  if (!target) return TOKEN_INVALID;
  const loaded = await loadView(deps.db, target, now);
  if (!loaded) return TOKEN_INVALID;
  return respond(loaded, null);
}

/** The answer after the HTTP checks (tests and benchmarks call it directly). */
export async function recordRsvp(body: unknown, deps: RsvpApiDeps): Promise<ApiResponse> {
  const input = rsvpRequestSchema.safeParse(body);
  if (!input.success) return invalid(fieldErrors(input.error));
  const now = (deps.now ?? (() => new Date()))();
  const target = await resolveRsvpToken(deps.db, input.data.token, now);
  if (!target) return TOKEN_INVALID;
  const before = await loadView(deps.db, target, now);
  if (!before) return TOKEN_INVALID;
  if (!before.view.meeting.open) {
    const code = before.view.meeting.cancelled ? 'MEETING_CANCELLED' : 'RSVP_CLOSED';
    return refused(code, closedMessage(before), before.view);
  }

  const { answer, persons, comment } = input.data;
  const stored = before.view.rsvp;
  // Opening the same link again (a reload) must not cost the place in line.
  const unchanged =
    stored.answer === answer &&
    (persons === undefined || persons === stored.persons) &&
    (comment === undefined || comment === stored.comment);
  if (unchanged) {
    return respond(before, answer === 'yes' && stored.waitlisted ? 'waitlisted' : 'recorded');
  }

  const key = { networkId: target.networkId, meetingId: target.meetingId };
  const { requestId } = await enqueueAnswer(deps.db, key, {
    inviteeId: target.inviteeId,
    answer,
    persons: persons ?? null,
    comment: comment ?? null,
  });
  const outcome = await awaitOutcome(key, requestId, { db: deps.db, ...deps.settle });
  if (outcome === null) {
    return {
      status: 202,
      body: {
        ...before.view,
        outcome: null,
        pending: true,
        message:
          'Ihre Antwort ist eingegangen und wird gleich verbucht. Laden Sie die Seite in einer Minute neu, um den Stand zu sehen.',
      },
    };
  }
  const after = await loadView(deps.db, target, (deps.now ?? (() => new Date()))());
  if (!after) return TOKEN_INVALID;
  return respond(after, outcome);
}
