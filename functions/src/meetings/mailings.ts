// Every mail about a meeting is a mailing of the one pipeline (functions/src/mailing): the
// invitation composer's (callable sendMeetingMailing), the cancellation notice, the waiting
// list's news and the reminders. This module writes those mailing documents: the text with the
// answer links and the meeting's details block (model: meetingMailBodies), the meeting's .ics
// attached, the recipient source of the segment. Ids are deterministic where a retry must not
// send twice (the composer's request id, one cancellation, one reminder per meeting and date,
// one mail per promotion).
import {
  Timestamp,
  type DocumentReference,
  type Firestore,
  type Query,
  type Transaction,
} from 'firebase-admin/firestore';
import {
  DEFAULT_MAILING_SETTINGS,
  ICS_CONTENT_TYPE,
  MAILING_RECIPIENT_FILTERS,
  RSVP_ANSWERS,
  cancelMeetingInputSchema,
  cancellationSubject,
  cancellationText,
  fillAnswerLinks,
  icsFileName,
  initialMailingProgress,
  mailingScheduleSchema,
  mailingSchedulePath,
  mailingSchema,
  meetingIcs,
  meetingMailBodies,
  meetingMailingInputSchema,
  meetingMailingPreviewInputSchema,
  meetingPageUrl,
  normalizeAddress,
  paths,
  promotionSubject,
  promotionText,
  rsvpSetOf,
  RSVP_LINK_PLACEHOLDERS,
  RSVP_PAGE_PLACEHOLDER,
  type Mailing,
  type MailingPurpose,
  type MeetingMailingPreview,
  type MeetingMailingResult,
  type Recipients,
  type RsvpAnswer,
  type RsvpSet,
  type Segment,
} from '@knotenpunkt/model';
import { contactsSource } from '../mailing/sources/contacts.ts';
import type { RecipientSource, SourceContext } from '../mailing/sources/types.ts';
import type { Caller } from '../platform/access.ts';
import { assert, fail, parseOrFail } from '../platform/errors.ts';
import { readMeeting } from '../calendar/publicCalendar.ts';
import { assertCoordinatorOf } from './access.ts';
import { exampleRsvpUrl } from './links.ts';
import type { MeetingKey, PromotionHook, StoredMeeting } from './settle.ts';
import { workingGroupSource } from './sources/workingGroup.ts';

export interface MeetingMailDeps {
  db: Firestore;
  baseUrl: string;
  now?: () => Date;
}

const clock = (deps: { now?: () => Date }) => (deps.now ?? (() => new Date()))();

/** The recipient source settings of a composer segment. */
export function recipientsOf(segment: Segment): Recipients {
  switch (segment.kind) {
    case 'subscribers':
      return { source: 'subscribers', interests: segment.interests };
    case 'workingGroup':
      return { source: 'workingGroup', workingGroupId: segment.workingGroupId };
    case 'contacts':
      return { source: 'contacts' };
    case 'rsvps':
      return { source: 'rsvps', answers: segment.sets, inviteeIds: [] };
  }
}

export interface MeetingMailSpec {
  purpose: MailingPurpose;
  meetingId: string;
  meeting: StoredMeeting;
  networkId: string;
  networkName: string;
  subject: string;
  text: string;
  recipients: Recipients;
  answerLinks: boolean;
  status: 'draft' | 'queued';
  updatedBy: string;
  baseUrl: string;
  now: Date;
}

/** The mailing document (validated by the pipeline's own schema before it is written). */
export function meetingMailing(spec: MeetingMailSpec): Mailing {
  const { meeting } = spec;
  const pageUrl = meeting.public
    ? meetingPageUrl(spec.baseUrl, spec.networkId, spec.meetingId)
    : '';
  const { bodyText, bodyHtml } = meetingMailBodies({
    text: spec.text,
    meeting,
    pageUrl,
    answerLinks: spec.answerLinks,
  });
  const ics = meetingIcs(
    { ...meeting, updatedAt: meeting.updatedAt ?? spec.now },
    {
      networkId: spec.networkId,
      meetingId: spec.meetingId,
      networkName: spec.networkName,
      pageUrl,
    },
    spec.now,
  );
  const method = meeting.status === 'cancelled' ? 'CANCEL' : 'PUBLISH';
  return mailingSchema.parse({
    purpose: spec.purpose,
    meetingId: spec.meetingId,
    subject: spec.subject,
    bodyText,
    bodyHtml,
    attachments: [
      {
        name: icsFileName(meeting.title, meeting.start),
        contentType: `${ICS_CONTENT_TYPE}; method=${method}`,
        content: ics,
        encoding: 'utf8',
      },
    ],
    recipients: spec.recipients,
    settings: DEFAULT_MAILING_SETTINGS,
    status: spec.status,
    progress: initialMailingProgress(),
    createdAt: spec.now,
    updatedAt: spec.now,
    updatedBy: spec.updatedBy,
  });
}

async function loadMeeting(db: Firestore, networkId: string, meetingId: string) {
  const [meetingSnap, networkSnap] = await db.getAll(
    db.doc(paths.meeting(networkId, meetingId)),
    db.doc(paths.network(networkId)),
  );
  const meeting = readMeeting(meetingSnap?.data());
  if (!meeting) fail('INVALID_ARGUMENT', { field: 'meetingId' });
  return { meeting, networkName: String(networkSnap?.get('name') ?? networkId) };
}

function isAlreadyExists(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 6 || code === 'already-exists';
}

/** Creates the document unless it exists; true when this call created it. */
async function createOnce(ref: DocumentReference, data: object): Promise<boolean> {
  try {
    await ref.create(data);
    return true;
  } catch (error) {
    if (isAlreadyExists(error)) return false;
    throw error;
  }
}

// ---------------------------------------------------------------- the composer

/** Send now if the chosen time is at most this close. */
const NOW_SLACK_MS = 60_000;

/**
 * Callable sendMeetingMailing: the invitation composer sends now, at a time (a draft the
 * meetings' schedule queues), or a test to the coordinator's own address with example links.
 */
export async function handleSendMeetingMailing(
  data: unknown,
  caller: Caller | undefined,
  deps: MeetingMailDeps,
): Promise<MeetingMailingResult> {
  const input = parseOrFail(meetingMailingInputSchema, data);
  const me = await assertCoordinatorOf(deps.db, caller, input.networkId);
  const now = clock(deps);
  const { meeting, networkName } = await loadMeeting(deps.db, input.networkId, input.meetingId);
  assert(meeting.status === 'planned', 'INVALID_ARGUMENT', {
    field: 'meetingId',
    fields: { meetingId: 'Das Treffen ist abgesagt.' },
  });
  const answerLinks = input.purpose !== 'information';
  const base = {
    purpose: input.purpose,
    meetingId: input.meetingId,
    meeting,
    networkId: input.networkId,
    networkName,
    subject: input.subject,
    text: input.text,
    answerLinks,
    updatedBy: me.uid,
    baseUrl: deps.baseUrl,
    now,
  };
  const ref = deps.db.doc(paths.mailing(input.networkId, `m-${input.requestId}`));

  if (input.test) {
    assert(me.email, 'INVALID_ARGUMENT', {
      field: 'test',
      fields: { test: 'Ihr Zugang hat keine E-Mail-Adresse für den Testversand.' },
    });
    const mailing = meetingMailing({
      ...base,
      subject: `[Test] ${input.subject}`.slice(0, 200),
      recipients: {
        source: 'test',
        recipients: [{ email: me.email, name: '' }],
        unsubscribe: false,
      },
      status: 'queued',
    });
    const examples: Record<string, string> = {
      [RSVP_PAGE_PLACEHOLDER]: exampleRsvpUrl(deps.baseUrl),
    };
    for (const answer of RSVP_ANSWERS) {
      examples[RSVP_LINK_PLACEHOLDERS[answer]] = exampleRsvpUrl(deps.baseUrl, answer);
    }
    mailing.bodyText = fillAnswerLinks(mailing.bodyText, examples);
    mailing.bodyHtml = fillAnswerLinks(mailing.bodyHtml, examples);
    await createOnce(ref, mailing);
    return { mailingId: ref.id, status: 'test' };
  }

  const later = input.sendAt !== null && input.sendAt.getTime() > now.getTime() + NOW_SLACK_MS;
  const mailing = meetingMailing({
    ...base,
    recipients: recipientsOf(input.segment),
    status: later ? 'draft' : 'queued',
  });
  if (!later) {
    await createOnce(ref, mailing);
    return { mailingId: ref.id, status: 'queued' };
  }
  const schedule = mailingScheduleSchema.parse({
    networkId: input.networkId,
    meetingId: input.meetingId,
    sendAt: input.sendAt,
    createdBy: me.uid,
    createdAt: now,
  });
  const batch = deps.db.batch();
  batch.create(ref, mailing);
  batch.set(deps.db.doc(mailingSchedulePath(ref.id)), schedule);
  try {
    await batch.commit();
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
  }
  return { mailingId: ref.id, status: 'scheduled' };
}

// ---------------------------------------------------------------- recipient count

const PREVIEW_MAX_PAGES = 100;
const SAMPLE = 5;

async function countWith(source: RecipientSource, ctx: SourceContext) {
  const seen = new Map<string, { name: string; email: string }>();
  let cursor: string | null = null;
  for (let i = 0; i < PREVIEW_MAX_PAGES; i++) {
    const page = await source.page(ctx, cursor, 500);
    for (const r of page.recipients) {
      const key = normalizeAddress(r.address);
      if (!seen.has(key)) seen.set(key, { name: r.name, email: key });
    }
    cursor = page.next;
    if (!cursor) break;
  }
  return [...seen.values()];
}

/** How many would receive a mail to the segment, and the first few of them. */
export async function previewRecipients(
  db: Firestore,
  networkId: string,
  meetingId: string,
  segment: Segment,
  baseUrl: string,
): Promise<MeetingMailingPreview> {
  let people: Array<{ name: string; email: string }>;
  if (segment.kind === 'subscribers') {
    // Counted without the source: it writes personal links for every page it reads.
    let query: Query = db.collection(paths.subscribers(networkId));
    for (const [field, op, value] of MAILING_RECIPIENT_FILTERS)
      query = query.where(field, op, value);
    if (segment.interests.length > 0) {
      query = query.where('interests', 'array-contains-any', segment.interests);
    }
    const [count, sample] = await Promise.all([
      query.count().get(),
      query.select('name', 'email').limit(SAMPLE).get(),
    ]);
    return {
      count: count.data().count,
      sample: sample.docs.map((d) => ({
        name: String(d.get('name') ?? ''),
        email: String(d.get('email') ?? ''),
      })),
    };
  }
  if (segment.kind === 'rsvps') {
    const snap = await db
      .collection(paths.rsvps(networkId, meetingId))
      .select('name', 'email', 'answer', 'waitlisted')
      .get();
    people = snap.docs
      .filter((d) =>
        segment.sets.includes(
          rsvpSetOf({
            answer: (d.get('answer') as RsvpAnswer | null) ?? null,
            waitlisted: d.get('waitlisted') === true,
          }) as RsvpSet,
        ),
      )
      .map((d) => ({ name: String(d.get('name') ?? ''), email: String(d.get('email') ?? '') }));
  } else {
    const ctx: SourceContext = {
      db,
      networkId,
      mailingId: '',
      baseUrl,
      recipients: recipientsOf(segment),
    };
    people = await countWith(
      segment.kind === 'contacts' ? contactsSource : workingGroupSource,
      ctx,
    );
  }
  return { count: people.length, sample: people.slice(0, SAMPLE) };
}

export async function handlePreviewMeetingMailing(
  data: unknown,
  caller: Caller | undefined,
  deps: MeetingMailDeps,
): Promise<MeetingMailingPreview> {
  const input = parseOrFail(meetingMailingPreviewInputSchema, data);
  await assertCoordinatorOf(deps.db, caller, input.networkId);
  return previewRecipients(deps.db, input.networkId, input.meetingId, input.segment, deps.baseUrl);
}

// ---------------------------------------------------------------- cancellation

/** Who hears of a cancellation: everyone who might come. */
export const CANCELLATION_SETS: RsvpSet[] = ['yes', 'waitlisted', 'maybe'];

/**
 * Callable cancelMeeting: the meeting becomes cancelled and, in the same transaction, one notice
 * (with the .ics that removes it from calendars) goes to everyone who said yes, waits or said
 * maybe. Cancelling twice changes nothing and sends nothing more.
 */
export async function handleCancelMeeting(
  data: unknown,
  caller: Caller | undefined,
  deps: MeetingMailDeps,
): Promise<{ mailingId: string | null }> {
  const input = parseOrFail(cancelMeetingInputSchema, data);
  const me = await assertCoordinatorOf(deps.db, caller, input.networkId);
  const meetingRef = deps.db.doc(paths.meeting(input.networkId, input.meetingId));
  const networkRef = deps.db.doc(paths.network(input.networkId));
  const mailingRef = deps.db.doc(paths.mailing(input.networkId, `cancel-${input.meetingId}`));
  return deps.db.runTransaction(async (tx) => {
    const now = clock(deps);
    const [meetingSnap, networkSnap, existing] = await tx.getAll(
      meetingRef,
      networkRef,
      mailingRef,
    );
    const meeting = readMeeting(meetingSnap?.data());
    if (!meeting) fail('INVALID_ARGUMENT', { field: 'meetingId' });
    if (meeting.status === 'cancelled')
      return { mailingId: existing?.exists ? mailingRef.id : null };
    const stamp = Timestamp.fromDate(now);
    tx.update(meetingRef, { status: 'cancelled', updatedAt: stamp, updatedBy: me.uid });
    if (!input.notify || existing?.exists) return { mailingId: null };
    const cancelled = { ...meeting, status: 'cancelled' as const, updatedAt: now };
    tx.create(
      mailingRef,
      meetingMailing({
        purpose: 'cancellation',
        meetingId: input.meetingId,
        meeting: cancelled,
        networkId: input.networkId,
        networkName: String(networkSnap?.get('name') ?? input.networkId),
        subject: cancellationSubject(cancelled),
        text: cancellationText(cancelled, input.notice),
        recipients: { source: 'rsvps', answers: CANCELLATION_SETS, inviteeIds: [] },
        answerLinks: false,
        status: 'queued',
        updatedBy: me.uid,
        baseUrl: deps.baseUrl,
        now,
      }),
    );
    return { mailingId: mailingRef.id };
  });
}

// ---------------------------------------------------------------- the waiting list

/** One mail per promotion: the id names the invitee and their place in line. */
export function promotionMailingId(meetingId: string, inviteeId: string, order: number) {
  return `promo-${meetingId}-${inviteeId.slice(0, 24)}-${order}`;
}

/** Writes, inside the settler's transaction, the mail to each person who moved up. */
export function promotionMailings(db: Firestore, baseUrl: string): PromotionHook {
  return (tx: Transaction, key: MeetingKey, meeting, promoted, now) => {
    for (const { inviteeId, order } of promoted) {
      const id = promotionMailingId(key.meetingId, inviteeId, order);
      tx.create(
        db.doc(paths.mailing(key.networkId, id)),
        meetingMailing({
          purpose: 'promotion',
          meetingId: key.meetingId,
          meeting: meeting.data,
          networkId: key.networkId,
          networkName: meeting.networkName,
          subject: promotionSubject(meeting.data),
          text: promotionText(meeting.data),
          recipients: { source: 'rsvps', answers: ['yes'], inviteeIds: [inviteeId] },
          answerLinks: true,
          status: 'queued',
          updatedBy: 'system',
          baseUrl,
          now,
        }),
      );
    }
  };
}
