// Mails about a meeting: the invitation composer's input, the segments it can address, and the
// texts of the mails the functions write themselves (reminders, cancellation, waiting list). Each
// mail is a mailing of the one pipeline; the meeting's details block and the personal answer links
// are added here, so every mail about a meeting looks the same.
import { z } from 'zod';
import type { Meeting } from './meeting.ts';
import { formatBerlinDay, meetingDetailLines, meetingDetailsText } from './meetingText.ts';
import { docId, requiredText, textList, uniqueList } from './primitives.ts';
import { RSVP_ACTION_LABELS, RSVP_SETS, RSVP_SET_LABELS, type RsvpAnswer } from './rsvp.ts';

/** Who a meeting mail goes to. */
export const segmentSchema = z.discriminatedUnion(
  'kind',
  [
    /** Confirmed subscribers of the network; with interests: those with at least one of them. */
    z.strictObject({ kind: z.literal('subscribers'), interests: textList(20) }),
    /** The members of a working group (contacts, and actors' public addresses). */
    z.strictObject({ kind: z.literal('workingGroup'), workingGroupId: docId }),
    /** Contacts of the network's actors who consented to be contacted. */
    z.strictObject({ kind: z.literal('contacts') }),
    /** The meeting's invitees by their answer. */
    z.strictObject({
      kind: z.literal('rsvps'),
      sets: uniqueList(z.enum(RSVP_SETS), 1, RSVP_SETS.length),
    }),
  ],
  { error: 'Bitte einen Empfängerkreis wählen.' },
);
export type Segment = z.infer<typeof segmentSchema>;
export type SegmentKind = Segment['kind'];

export const SEGMENT_LABELS: Record<SegmentKind, string> = {
  subscribers: 'Einladungsverteiler',
  workingGroup: 'Mitglieder eines Arbeitskreises',
  contacts: 'Kontakte der Akteure (mit Einwilligung)',
  rsvps: 'Eingeladene nach Antwort',
};

/** "Einladungsverteiler: Interesse Arbeitsmarkt oder Wohnen" and the like. */
export function describeSegment(segment: Segment, workingGroupName = ''): string {
  switch (segment.kind) {
    case 'subscribers':
      return segment.interests.length === 0
        ? 'Alle bestätigten Abonnent/innen des Einladungsverteilers'
        : `Abonnent/innen mit Interesse an: ${segment.interests.join(', ')}`;
    case 'workingGroup':
      return `Mitglieder des Arbeitskreises ${workingGroupName ? `„${workingGroupName}“` : ''}`.trim();
    case 'contacts':
      return 'Kontakte der Akteure mit Einwilligung';
    case 'rsvps':
      return `Eingeladene: ${segment.sets.map((s) => RSVP_SET_LABELS[s]).join(', ')}`;
  }
}

/** Per-recipient links the sources fill in (functions/src/meetings/sources). */
export const RSVP_LINK_PLACEHOLDERS: Record<RsvpAnswer, string> = {
  yes: 'zusage',
  no: 'absage',
  maybe: 'vielleicht',
};
/** The answer page without an answer: change persons or comment, or look it up. */
export const RSVP_PAGE_PLACEHOLDER = 'antwortseite';
export const MEETING_LINK_PLACEHOLDERS = [
  ...Object.values(RSVP_LINK_PLACEHOLDERS),
  RSVP_PAGE_PLACEHOLDER,
] as const;

/** What the composer's text may use. */
export const COMPOSER_PLACEHOLDERS = [
  'anrede',
  'name',
  'email',
  'netzwerk',
  ...MEETING_LINK_PLACEHOLDERS,
];

export const MEETING_MAILING_PURPOSES = ['invitation', 'reminder', 'information'] as const;
export type MeetingMailingPurpose = (typeof MEETING_MAILING_PURPOSES)[number];
export const MEETING_MAILING_PURPOSE_LABELS: Record<MeetingMailingPurpose, string> = {
  invitation: 'Einladung',
  reminder: 'Erinnerung',
  information: 'Information',
};

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

export const MAIL_TEXT_MAX = 10_000;

/** Callable sendMeetingMailing: the invitation composer (also a test to oneself, or later). */
export const meetingMailingInputSchema = z
  .strictObject({
    networkId: docId,
    meetingId: docId,
    purpose: z.enum(MEETING_MAILING_PURPOSES).default('invitation'),
    subject: requiredText(200),
    text: requiredText(MAIL_TEXT_MAX),
    segment: segmentSchema,
    /** null: now. Callables carry it as an ISO string. */
    sendAt: z
      .union([z.date(), z.iso.datetime({ offset: true, error: 'Bitte einen Zeitpunkt angeben.' })])
      .nullable()
      .default(null)
      .transform((v) => (typeof v === 'string' ? new Date(v) : v)),
    /** Only to the coordinator's own address, with example links; nothing is recorded. */
    test: z.boolean().default(false),
    /** Chosen by the form once: sending twice (a double click, a retry) makes one mailing. */
    requestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: 'Ungültige Kennung.' }),
  })
  .check((ctx) => {
    for (const field of ['subject', 'text'] as const) {
      const unknown = [...ctx.value[field].matchAll(PLACEHOLDER)]
        .map((m) => m[1] ?? '')
        .filter((name) => !COMPOSER_PLACEHOLDERS.includes(name));
      if (unknown.length > 0) {
        ctx.issues.push({
          code: 'custom',
          input: ctx.value[field],
          path: [field],
          message: `Unbekannter Platzhalter {{${unknown[0]}}}. Möglich sind: ${COMPOSER_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}.`,
        });
      }
    }
  });
export type MeetingMailingInput = z.input<typeof meetingMailingInputSchema>;
export type MeetingMailingRequest = z.output<typeof meetingMailingInputSchema>;

/** Callable previewMeetingMailing: how many would receive it (and a few of them). */
export const meetingMailingPreviewInputSchema = z.strictObject({
  networkId: docId,
  meetingId: docId,
  segment: segmentSchema,
});
export type MeetingMailingPreviewInput = z.input<typeof meetingMailingPreviewInputSchema>;

export interface MeetingMailingPreview {
  count: number;
  /** The first few, for the coordinator to recognise the segment. */
  sample: Array<{ name: string; email: string }>;
}

export interface MeetingMailingResult {
  mailingId: string;
  /** 'queued': sending now; 'scheduled': at sendAt; 'test': to the coordinator only. */
  status: 'queued' | 'scheduled' | 'test';
}

/** mailingSchedule/{mailingId}: a draft mailing the meetings tick sends at `sendAt`. */
export const mailingScheduleSchema = z.strictObject({
  networkId: docId,
  meetingId: docId,
  sendAt: z.date(),
  createdBy: z.string().max(128),
  createdAt: z.date(),
});
export type MailingSchedule = z.infer<typeof mailingScheduleSchema>;
export const mailingSchedulePath = (mailingId: string) => `mailingSchedule/${mailingId}`;

// ---------------------------------------------------------------- bodies

type MeetingForMail = Pick<
  Meeting,
  | 'kind'
  | 'title'
  | 'topic'
  | 'start'
  | 'end'
  | 'place'
  | 'onlineUrl'
  | 'agenda'
  | 'capacity'
  | 'registrationDeadline'
  | 'contactPerson'
  | 'status'
>;

export function escapeHtmlText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const placeholder = (name: string) => `{{${name}}}`;

function paragraphsHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtmlText(p).replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');
}

const BUTTON =
  'display:inline-block;margin:0 0.5em 0.5em 0;padding:0.6em 1.1em;border-radius:6px;' +
  'font-weight:bold;text-decoration:none;';
const BUTTON_COLORS: Record<RsvpAnswer, string> = {
  yes: 'background:#1f6f43;color:#ffffff;',
  no: 'background:#8a1c1c;color:#ffffff;',
  maybe: 'background:#e8e8e8;color:#1a1a1a;',
};

export interface MeetingMailParts {
  /** The text written for this mail (placeholders allowed). */
  text: string;
  meeting: MeetingForMail;
  /** The public page, or '' for internal meetings. */
  pageUrl: string;
  /** Add the three answer links (invitations, reminders, the waiting list's news). */
  answerLinks: boolean;
}

const ANSWERS: RsvpAnswer[] = ['yes', 'no', 'maybe'];

/**
 * The mailing's text and HTML templates: the written text, the answer links (placeholders the
 * recipient source fills per person) and the meeting's details block.
 */
export function meetingMailBodies({ text, meeting, pageUrl, answerLinks }: MeetingMailParts) {
  const linksText = answerLinks
    ? [
        'Bitte geben Sie uns mit einem Klick Bescheid:',
        ...ANSWERS.map(
          (a) => `${RSVP_ACTION_LABELS[a]}: ${placeholder(RSVP_LINK_PLACEHOLDERS[a])}`,
        ),
        `Personenzahl oder Kommentar ändern: ${placeholder(RSVP_PAGE_PLACEHOLDER)}`,
      ].join('\n')
    : '';
  const bodyText = [
    text.trim(),
    linksText,
    `Das Treffen im Überblick\n${meetingDetailsText(meeting, pageUrl)}`,
  ]
    .filter(Boolean)
    .join('\n\n');

  const linksHtml = answerLinks
    ? `<p><strong>Bitte geben Sie uns mit einem Klick Bescheid:</strong></p><p>${ANSWERS.map(
        (a) =>
          `<a href="${placeholder(RSVP_LINK_PLACEHOLDERS[a])}" style="${BUTTON}${BUTTON_COLORS[a]}">${RSVP_ACTION_LABELS[a]}</a>`,
      ).join(
        ' ',
      )}</p><p style="font-size:0.9em">Personenzahl oder Kommentar ändern: <a href="${placeholder(RSVP_PAGE_PLACEHOLDER)}">Antwortseite öffnen</a></p>`
    : '';
  const rows = meetingDetailLines(meeting, pageUrl)
    .map(
      ({ label, value }) =>
        `<tr><th style="text-align:left;vertical-align:top;padding:0.2em 1em 0.2em 0">${escapeHtmlText(label)}</th><td style="padding:0.2em 0">${escapeHtmlText(value).replace(/\n/g, '<br>')}</td></tr>`,
    )
    .join('');
  const bodyHtml = [
    paragraphsHtml(text),
    linksHtml,
    `<h2 style="font-size:1.1em;margin-top:1.5em">Das Treffen im Überblick</h2><table style="border-collapse:collapse">${rows}</table>`,
  ]
    .filter(Boolean)
    .join('\n');
  return { bodyText, bodyHtml };
}

/** Replaces the answer-link placeholders, e.g. with example links in a test mail. */
export function fillAnswerLinks(template: string, links: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (match, name: string) =>
    Object.hasOwn(links, name) ? (links[name] ?? '') : match,
  );
}

// ---------------------------------------------------------------- texts the functions send

export function defaultSubject(purpose: MeetingMailingPurpose, meeting: MeetingForMail): string {
  const day = formatBerlinDay(meeting.start);
  const prefix = { invitation: 'Einladung', reminder: 'Erinnerung', information: 'Information' };
  return `${prefix[purpose]}: ${meeting.title} am ${day}`.slice(0, 200);
}

export function defaultInvitationText(meeting: MeetingForMail, networkName: string): string {
  const sender = meeting.contactPerson?.name || `Ihr Netzwerk ${networkName}`;
  return [
    '{{anrede}}',
    `herzlich laden wir Sie zum ${meeting.kind} „${meeting.title}“ ein${meeting.topic ? ` – diesmal zum Thema: ${meeting.topic}` : ''}.`,
    'Die Einzelheiten finden Sie unten, den Termin für Ihren Kalender im Anhang.',
    `Wir freuen uns auf Sie!\n${sender}`,
  ].join('\n\n');
}

export function reminderText(meeting: MeetingForMail, days: number): string {
  const when = days === 1 ? 'morgen' : days === 0 ? 'heute' : `in ${days} Tagen`;
  return [
    '{{anrede}}',
    `wir erinnern Sie an das Treffen „${meeting.title}“ ${when}. Sie haben zugesagt oder stehen auf der Warteliste.`,
    'Falls Sie doch nicht kommen können, sagen Sie bitte mit einem Klick ab – so kann jemand von der Warteliste nachrücken.',
  ].join('\n\n');
}

export function reminderSubject(meeting: MeetingForMail): string {
  return `Erinnerung: ${meeting.title} am ${formatBerlinDay(meeting.start)}`.slice(0, 200);
}

export function noAnswerText(meeting: MeetingForMail): string {
  return [
    '{{anrede}}',
    `wir haben noch nichts von Ihnen gehört: Kommen Sie zum Treffen „${meeting.title}“?`,
    'Ein Klick genügt – auch eine Absage hilft uns bei der Planung.',
  ].join('\n\n');
}

export function noAnswerSubject(meeting: MeetingForMail): string {
  return `Wir haben noch nichts von Ihnen gehört: ${meeting.title}`.slice(0, 200);
}

export function cancellationText(meeting: MeetingForMail, notice: string): string {
  return [
    '{{anrede}}',
    `leider müssen wir das Treffen „${meeting.title}“ am ${formatBerlinDay(meeting.start)} absagen.`,
    notice.trim(),
    'Im Anhang finden Sie die Absage für Ihren Kalender. Wir bitten um Ihr Verständnis.',
  ]
    .filter(Boolean)
    .join('\n\n');
}

export function cancellationSubject(meeting: MeetingForMail): string {
  return `Abgesagt: ${meeting.title} am ${formatBerlinDay(meeting.start)}`.slice(0, 200);
}

export function promotionText(meeting: MeetingForMail): string {
  return [
    '{{anrede}}',
    `gute Nachricht: Für das Treffen „${meeting.title}“ ist ein Platz frei geworden. Sie sind von der Warteliste nachgerückt und angemeldet.`,
    'Falls Sie inzwischen nicht mehr kommen können, sagen Sie bitte mit einem Klick ab.',
  ].join('\n\n');
}

export function promotionSubject(meeting: MeetingForMail): string {
  return `Ein Platz ist frei: ${meeting.title}`.slice(0, 200);
}
