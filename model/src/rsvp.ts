// Rückmeldungen: who was invited to a meeting and what they answered. One document per invitee
// (id = SHA-256 of the address, so a subscriber's RSVP has the subscriber's id), written only by
// functions: the personal links in mails go through POST /api/rsvp, which queues the answer; one
// settler at a time applies queued answers in commit order (settleRsvps below), so "yes" persons
// never exceed the capacity and the waiting list keeps the order the answers arrived in.
import { z } from 'zod';
import { docId, email, int, optionalText, optionalTimestamp, timestamp } from './primitives.ts';

export const RSVP_ANSWERS = ['yes', 'no', 'maybe'] as const;
export type RsvpAnswer = (typeof RSVP_ANSWERS)[number];
export const RSVP_ANSWER_LABELS: Record<RsvpAnswer, string> = {
  yes: 'Zusage',
  no: 'Absage',
  maybe: 'Vielleicht',
};
/** The words of the buttons and links in mails. */
export const RSVP_ACTION_LABELS: Record<RsvpAnswer, string> = {
  yes: 'Ich komme',
  no: 'Ich komme nicht',
  maybe: 'Vielleicht',
};
/** Link parameter values (German, in the mail's URLs) for each answer. */
export const RSVP_ANSWER_PARAMS: Record<RsvpAnswer, string> = {
  yes: 'ja',
  no: 'nein',
  maybe: 'vielleicht',
};

export function answerFromParam(value: string | null): RsvpAnswer | null {
  const entry = Object.entries(RSVP_ANSWER_PARAMS).find(([, param]) => param === value);
  return entry ? (entry[0] as RsvpAnswer) : null;
}

/**
 * The groups an invitee falls into, e.g. for counts and for mailings to a meeting's invitees
 * (recipient source `rsvps`): confirmed yes, on the waiting list, maybe, no, no answer yet.
 */
export const RSVP_SETS = ['yes', 'waitlisted', 'maybe', 'no', 'none'] as const;
export type RsvpSet = (typeof RSVP_SETS)[number];
export const RSVP_SET_LABELS: Record<RsvpSet, string> = {
  yes: 'Zusagen',
  waitlisted: 'Warteliste',
  maybe: 'Vielleicht',
  no: 'Absagen',
  none: 'Keine Antwort',
};
/** One person's state, e.g. in a list of answers. */
export const RSVP_STATE_LABELS: Record<RsvpSet, string> = {
  yes: 'Zusage',
  waitlisted: 'Warteliste',
  maybe: 'Vielleicht',
  no: 'Absage',
  none: 'Keine Antwort',
};

export const PERSONS_MAX = 10;
export const RSVP_COMMENT_MAX = 1000;

/** Where an invitee came from (the invitation's recipient source). */
export const RSVP_SOURCES = ['subscribers', 'contacts', 'workingGroup', 'rsvps', 'test'] as const;
export type RsvpSource = (typeof RSVP_SOURCES)[number];

/** networks/{networkId}/meetings/{meetingId}/rsvps/{sha256(address)}: written only by functions. */
export const rsvpSchema = z.strictObject({
  email,
  name: optionalText(),
  organisation: optionalText(),
  source: z.enum(RSVP_SOURCES),
  /** The invitee's record in the source (subscriber id, contact id, actor id). */
  sourceRef: z.string().max(500).default(''),
  /** null: invited, not answered yet. */
  answer: z.enum(RSVP_ANSWERS).nullable(),
  /** A "yes" that waits for a place. */
  waitlisted: z.boolean(),
  persons: int(1, PERSONS_MAX),
  comment: optionalText(RSVP_COMMENT_MAX),
  /** Settling order of the last "yes": the waiting list moves up in this order. */
  order: int(0, Number.MAX_SAFE_INTEGER).nullable(),
  /** Recorded by a coordinator after the meeting; null: not recorded. */
  attended: z.boolean().nullable(),
  invitedAt: optionalTimestamp,
  answeredAt: optionalTimestamp,
  promotedAt: optionalTimestamp,
  updatedAt: timestamp,
});
export type Rsvp = z.infer<typeof rsvpSchema>;
export type RsvpWithId = Rsvp & { id: string };

export function rsvpSetOf(rsvp: Pick<Rsvp, 'answer' | 'waitlisted'>): RsvpSet {
  if (rsvp.answer === null) return 'none';
  if (rsvp.answer === 'yes') return rsvp.waitlisted ? 'waitlisted' : 'yes';
  return rsvp.answer;
}

// ---------------------------------------------------------------- requests (public API)

/** A personal link's secret: 256 random bits, base64url. tokens/{sha256} stores only the hash. */
export const rsvpToken = z
  .string({ error: 'Der Link ist unvollständig.' })
  .regex(/^[A-Za-z0-9_-]{43}$/, { error: 'Der Link ist unvollständig.' });

/** POST /api/rsvp: the answer page sends the answer of the link, later persons and comment. */
export const rsvpRequestSchema = z.strictObject({
  token: rsvpToken,
  answer: z.enum(RSVP_ANSWERS, { error: 'Bitte zusagen, absagen oder „vielleicht“ wählen.' }),
  /** Omitted: keep what was stored (1 for a first answer). */
  persons: int(1, PERSONS_MAX).optional(),
  comment: z
    .string()
    .trim()
    .max(RSVP_COMMENT_MAX, { error: `Höchstens ${RSVP_COMMENT_MAX} Zeichen.` })
    .optional(),
});
export type RsvpRequest = z.output<typeof rsvpRequestSchema>;
export type RsvpRequestInput = z.input<typeof rsvpRequestSchema>;

/** POST /api/rsvp/status: what the page shows without recording anything. */
export const rsvpStatusRequestSchema = z.strictObject({ token: rsvpToken });

/** What happened to an answer. */
export const RSVP_OUTCOMES = ['recorded', 'waitlisted', 'full', 'personsLimited'] as const;
export type RsvpOutcome = (typeof RSVP_OUTCOMES)[number];

/** The meeting as the answer page shows it (no internal data). */
export interface RsvpMeetingView {
  networkId: string;
  networkName: string;
  meetingId: string;
  kind: string;
  title: string;
  topic: string;
  start: string;
  end: string;
  place: string;
  onlineUrl: string;
  cancelled: boolean;
  /** ISO time until which answers can change; null: until the start. */
  deadline: string | null;
  open: boolean;
  capacity: number | null;
  waitlist: boolean;
  /** Free places now (null: unlimited). */
  free: number | null;
}

/** The answer as the page shows it. */
export interface RsvpView {
  name: string;
  answer: RsvpAnswer | null;
  waitlisted: boolean;
  persons: number;
  comment: string;
  /** 1-based place on the waiting list, when waitlisted. */
  waitlistPosition: number | null;
}

export interface RsvpResponse {
  meeting: RsvpMeetingView;
  rsvp: RsvpView;
  outcome: RsvpOutcome | null;
  /** German sentence summing up the state. */
  message: string;
}

/** The German message for an answer's state after settling. */
export function rsvpMessage(
  rsvp: Pick<RsvpView, 'answer' | 'waitlisted' | 'persons'>,
  outcome: RsvpOutcome | null,
) {
  if (outcome === 'full') {
    return 'Leider sind alle Plätze vergeben. Ihre Zusage konnte nicht angenommen werden.';
  }
  const base =
    rsvp.answer === 'yes'
      ? rsvp.waitlisted
        ? 'Sie stehen auf der Warteliste. Wenn ein Platz frei wird, rücken Sie automatisch nach und erhalten eine E-Mail.'
        : rsvp.persons > 1
          ? `Vielen Dank für Ihre Zusage für ${rsvp.persons} Personen.`
          : 'Vielen Dank für Ihre Zusage.'
      : rsvp.answer === 'no'
        ? 'Schade, dass Sie nicht kommen können. Ihre Absage ist gespeichert.'
        : rsvp.answer === 'maybe'
          ? 'Ihre Antwort „vielleicht“ ist gespeichert. Bitte sagen Sie zu oder ab, sobald Sie es wissen.'
          : 'Sie haben noch nicht geantwortet.';
  return outcome === 'personsLimited'
    ? `${base} Für weitere Personen ist leider kein Platz mehr frei.`
    : base;
}

// ---------------------------------------------------------------- settling (pure)

/** The part of an RSVP the settler decides on. */
export interface RsvpState {
  id: string;
  answer: RsvpAnswer | null;
  waitlisted: boolean;
  persons: number;
  comment: string;
  order: number | null;
}

/** A queued answer, in commit order. */
export interface QueuedAnswer {
  requestId: string;
  inviteeId: string;
  answer: RsvpAnswer;
  persons: number | null;
  comment: string | null;
}

export interface SettleLimits {
  /** null: unlimited */
  capacity: number | null;
  waitlist: boolean;
}

/** networks/{n}/meetings/{m}/rsvpState/tally: kept by the settler only. */
export const rsvpTallySchema = z.strictObject({
  /** Persons of confirmed "yes" answers. */
  yesPersons: int(0, 1_000_000),
  /** The next settling order number. */
  nextOrder: int(0, Number.MAX_SAFE_INTEGER),
  updatedAt: timestamp,
});
export type RsvpTally = z.infer<typeof rsvpTallySchema>;

export interface SettleInput {
  limits: SettleLimits;
  yesPersons: number;
  nextOrder: number;
  /** Current states of every invitee a request names, and the head of the waiting list. */
  states: ReadonlyMap<string, RsvpState>;
  /**
   * Whether `states` holds the whole waiting list. If not, only waitlisted entries up to
   * `waitlistLoadedUpTo` (their order) may move up: later ones may have unseen predecessors.
   */
  waitlistComplete: boolean;
  waitlistLoadedUpTo: number | null;
  requests: readonly QueuedAnswer[];
}

export interface SettleResult {
  yesPersons: number;
  nextOrder: number;
  /** Invitees whose state changed, with the new state. */
  changed: Map<string, RsvpState>;
  /** Per request: what happened. */
  outcomes: Map<string, RsvpOutcome>;
  /** Invitees moved from the waiting list to a place, in order. */
  promoted: string[];
}

const isConfirmed = (s: RsvpState) => s.answer === 'yes' && !s.waitlisted;

/**
 * Applies queued answers one after the other, then lets the waiting list move up into free
 * places (strictly in order: the first waiting person who does not fit stops the line).
 * - "yes" takes a place if the persons fit; else the waiting list (if on) or "full" (unchanged).
 * - A confirmed "yes" changing persons keeps its place; more persons than fit keep the old number.
 * - "no"/"maybe" release the place or leave the waiting list.
 */
export function settleRsvps(input: SettleInput): SettleResult {
  const { capacity, waitlist } = input.limits;
  const states = new Map(input.states);
  const changed = new Map<string, RsvpState>();
  const outcomes = new Map<string, RsvpOutcome>();
  const promoted: string[] = [];
  let yesPersons = input.yesPersons;
  let nextOrder = input.nextOrder;
  const fits = (persons: number) => capacity === null || yesPersons + persons <= capacity;
  const set = (state: RsvpState) => {
    states.set(state.id, state);
    changed.set(state.id, state);
  };

  for (const request of input.requests) {
    const current: RsvpState = states.get(request.inviteeId) ?? {
      id: request.inviteeId,
      answer: null,
      waitlisted: false,
      persons: 1,
      comment: '',
      order: null,
    };
    const persons = request.persons ?? current.persons;
    const comment = request.comment ?? current.comment;
    if (request.answer !== 'yes') {
      if (isConfirmed(current)) yesPersons -= current.persons;
      set({ ...current, answer: request.answer, waitlisted: false, persons, comment, order: null });
      outcomes.set(request.requestId, 'recorded');
      continue;
    }
    if (isConfirmed(current)) {
      const others = yesPersons - current.persons;
      if (capacity === null || others + persons <= capacity) {
        yesPersons = others + persons;
        set({ ...current, persons, comment });
        outcomes.set(request.requestId, 'recorded');
      } else {
        set({ ...current, comment });
        outcomes.set(request.requestId, 'personsLimited');
      }
      continue;
    }
    const waiting = current.answer === 'yes' && current.waitlisted;
    // Someone already waiting keeps their turn; nobody jumps the line by asking again.
    if (!waiting && fits(persons)) {
      yesPersons += persons;
      set({ ...current, answer: 'yes', waitlisted: false, persons, comment, order: nextOrder++ });
      outcomes.set(request.requestId, 'recorded');
    } else if (waiting || waitlist) {
      const order = waiting ? current.order : nextOrder++;
      set({ ...current, answer: 'yes', waitlisted: true, persons, comment, order });
      outcomes.set(request.requestId, 'waitlisted');
    } else {
      outcomes.set(request.requestId, 'full');
    }
  }

  // Move up from the waiting list while the first in line fits.
  const line = [...states.values()]
    .filter((s) => s.answer === 'yes' && s.waitlisted && s.order !== null)
    .filter(
      (s) =>
        input.waitlistComplete ||
        (input.waitlistLoadedUpTo !== null && (s.order ?? 0) <= input.waitlistLoadedUpTo),
    )
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  for (const next of line) {
    if (!fits(next.persons)) break;
    yesPersons += next.persons;
    set({ ...next, waitlisted: false });
    promoted.push(next.id);
  }
  return { yesPersons, nextOrder, changed, outcomes, promoted };
}

// ---------------------------------------------------------------- counts

export type RsvpCounts = Record<RsvpSet, number> & {
  /** Persons of confirmed "yes" answers. */
  yesPersons: number;
  waitlistedPersons: number;
  invitees: number;
  attended: number;
  attendedPersons: number;
};

export function countRsvps(
  rsvps: readonly Pick<Rsvp, 'answer' | 'waitlisted' | 'persons' | 'attended'>[],
): RsvpCounts {
  const counts: RsvpCounts = {
    yes: 0,
    waitlisted: 0,
    maybe: 0,
    no: 0,
    none: 0,
    yesPersons: 0,
    waitlistedPersons: 0,
    invitees: rsvps.length,
    attended: 0,
    attendedPersons: 0,
  };
  for (const rsvp of rsvps) {
    const set = rsvpSetOf(rsvp);
    counts[set]++;
    if (set === 'yes') counts.yesPersons += rsvp.persons;
    if (set === 'waitlisted') counts.waitlistedPersons += rsvp.persons;
    if (rsvp.attended) {
      counts.attended++;
      counts.attendedPersons += rsvp.persons;
    }
  }
  return counts;
}

/** Confirmed first (by name), then the waiting list in order, then maybe, no, no answer. */
export function sortRsvps<
  T extends Pick<Rsvp, 'answer' | 'waitlisted' | 'order' | 'name' | 'email'>,
>(rsvps: readonly T[]): T[] {
  const rank = (r: T) => RSVP_SETS.indexOf(rsvpSetOf(r));
  const label = (r: T) => (r.name || r.email).toLocaleLowerCase('de');
  return [...rsvps].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (rsvpSetOf(a) === 'waitlisted' ? (a.order ?? 0) - (b.order ?? 0) : 0) ||
      label(a).localeCompare(label(b), 'de'),
  );
}

// ---------------------------------------------------------------- coordinators' inputs

/** Callable markAttendance: after the meeting, who came. */
export const markAttendanceInputSchema = z.strictObject({
  networkId: docId,
  meetingId: docId,
  inviteeId: z.string().regex(/^[0-9a-f]{64}$/, { error: 'Ungültige Kennung.' }),
  attended: z.boolean().nullable(),
});
export type MarkAttendanceInput = z.infer<typeof markAttendanceInputSchema>;

// ---------------------------------------------------------------- paths

/** Answers waiting for the settler, one document per request, ordered by commit time. */
export const rsvpQueuePath = (networkId: string, meetingId: string) =>
  `networks/${networkId}/meetings/${meetingId}/rsvpQueue`;
/** The settler's result for a request, read (and removed) by the request that queued it. */
export const rsvpOutcomePath = (networkId: string, meetingId: string, requestId: string) =>
  `networks/${networkId}/meetings/${meetingId}/rsvpOutcomes/${requestId}`;
export const rsvpTallyPath = (networkId: string, meetingId: string) =>
  `networks/${networkId}/meetings/${meetingId}/rsvpState/tally`;
/** Held by the one settler at work for a meeting. */
export const rsvpLeasePath = (networkId: string, meetingId: string) =>
  `networks/${networkId}/meetings/${meetingId}/rsvpState/lease`;
