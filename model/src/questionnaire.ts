// A questionnaire (Fragebogen): sections of questions, settings, and its invitations. Coordinators
// write it under firestore.rules (structure frozen once open); respondents answer through
// functions with a personal link (response.ts); results.ts aggregates the answers.
import { z } from 'zod';
import {
  docId,
  email,
  int,
  optionalText,
  optionalTimestamp,
  requiredText,
  textList,
  timestamp,
} from './primitives.ts';
import { sha256Hex } from './hash.ts';

export const QUESTIONNAIRE_STATUSES = ['draft', 'open', 'closed'] as const;
export type QuestionnaireStatus = (typeof QUESTIONNAIRE_STATUSES)[number];
export const QUESTIONNAIRE_STATUS_LABELS: Record<QuestionnaireStatus, string> = {
  draft: 'Entwurf',
  open: 'Offen',
  closed: 'Abgeschlossen',
};

export const QUESTION_KINDS = [
  'single',
  'multiple',
  'likert',
  'matrix',
  'number',
  'shortText',
  'longText',
  'fieldOfAction',
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  single: 'Einfachauswahl',
  multiple: 'Mehrfachauswahl',
  likert: 'Skala 1–5',
  matrix: 'Matrix (Zeilen × Skala 1–5)',
  number: 'Zahl',
  shortText: 'Kurzer Text',
  longText: 'Langer Text',
  fieldOfAction: 'Handlungsfeld',
};

/** Kinds answered by picking options ({ options, other }). */
export const CHOICE_KINDS: readonly QuestionKind[] = ['single', 'multiple', 'fieldOfAction'];
/** Kinds answered on the 1–5 scale. */
export const SCALE_KINDS: readonly QuestionKind[] = ['likert', 'matrix'];
export const TEXT_KINDS: readonly QuestionKind[] = ['shortText', 'longText'];

export const isChoiceKind = (kind: QuestionKind) => CHOICE_KINDS.includes(kind);
export const isScaleKind = (kind: QuestionKind) => SCALE_KINDS.includes(kind);
export const isTextKind = (kind: QuestionKind) => TEXT_KINDS.includes(kind);

/** Likert and matrix questions are answered with 1 … SCALE_POINTS. */
export const SCALE_POINTS = 5;
export const DEFAULT_SCALE_LABELS = [
  'trifft gar nicht zu',
  'trifft eher nicht zu',
  'teils, teils',
  'trifft eher zu',
  'trifft voll zu',
] as const;

export const MAX_SECTIONS = 20;
export const MAX_QUESTIONS = 100;
export const MAX_OPTIONS = 60;
export const MAX_ROWS = 30;
export const SHORT_TEXT_MAX = 300;
export const LONG_TEXT_MAX = 5000;
export const OTHER_TEXT_MAX = 300;
/** The answer key of the "Sonstiges" choice in counts and results. */
export const OTHER_KEY = 'other';
export const OTHER_LABEL = 'Sonstiges';

/**
 * A short stable key for questions, options, rows and sections, so answers and results survive
 * reordering and corrected wording.
 */
export const keySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, { error: 'Ungültige Kennung.' })
  .refine((k) => k !== OTHER_KEY && k !== '_', { error: 'Diese Kennung ist reserviert.' });

export const choiceOptionSchema = z.strictObject({
  id: keySchema,
  label: requiredText(200),
});
export type ChoiceOption = z.infer<typeof choiceOptionSchema>;

/**
 * Needs ↔ resources: a multiple-choice question is one side of a match group. The group's "need"
 * and "offer" questions list the same options (e.g. languages), so the gap map can set them side
 * by side and suggest pairings ("braucht Dolmetschen Arabisch — bietet es an").
 */
export const MATCH_SIDES = ['need', 'offer'] as const;
export type MatchSide = (typeof MATCH_SIDES)[number];
export const matchSchema = z.strictObject({
  key: keySchema,
  side: z.enum(MATCH_SIDES),
  /** Category name put before an option in pairings, e.g. "Dolmetschen" (+ " Arabisch"). */
  label: optionalText(100),
});
export type Match = z.infer<typeof matchSchema>;

export const questionSchema = z
  .strictObject({
    id: keySchema,
    kind: z.enum(QUESTION_KINDS, { error: 'Bitte eine Fragenart wählen.' }),
    label: requiredText(500),
    help: optionalText(1000),
    required: z.boolean().default(false),
    /** single, multiple, fieldOfAction */
    options: z
      .array(choiceOptionSchema)
      .max(MAX_OPTIONS, { error: `Höchstens ${MAX_OPTIONS} Antwortmöglichkeiten.` })
      .default([]),
    /** single, multiple: offer "Sonstiges" with a text field. */
    other: z.boolean().default(false),
    /** likert, matrix: the words for 1 … 5 (the middle ones may be empty). */
    scale: z
      .array(optionalText(60))
      .length(SCALE_POINTS)
      .default([...DEFAULT_SCALE_LABELS]),
    /** matrix: the statements rated on the scale. */
    rows: z
      .array(choiceOptionSchema)
      .max(MAX_ROWS, { error: `Höchstens ${MAX_ROWS} Zeilen.` })
      .default([]),
    /** number: whole numbers within min … max. */
    min: z.number().int().nullable().default(null),
    max: z.number().int().nullable().default(null),
    unit: optionalText(40),
    /** multiple: one side of a needs ↔ resources match group. */
    match: matchSchema.nullable().default(null),
  })
  .check((ctx) => {
    const q = ctx.value;
    const issue = (path: (string | number)[], message: string) =>
      ctx.issues.push({ code: 'custom', input: q, path, message });
    if (isChoiceKind(q.kind) && q.options.length < (q.kind === 'fieldOfAction' ? 1 : 2)) {
      issue(['options'], 'Bitte mindestens zwei Antwortmöglichkeiten angeben.');
    }
    const ids = (list: ChoiceOption[]) => new Set(list.map((o) => o.id)).size === list.length;
    const labels = (list: ChoiceOption[]) =>
      new Set(list.map((o) => o.label.toLowerCase())).size === list.length;
    if (!ids(q.options) || !labels(q.options)) {
      issue(['options'], 'Jede Antwortmöglichkeit darf nur einmal vorkommen.');
    }
    if (q.kind === 'matrix' && q.rows.length < 1) {
      issue(['rows'], 'Bitte mindestens eine Zeile angeben.');
    }
    if (!ids(q.rows) || !labels(q.rows)) {
      issue(['rows'], 'Jede Zeile darf nur einmal vorkommen.');
    }
    if (q.min !== null && q.max !== null && q.min > q.max) {
      issue(['max'], 'Der Höchstwert muss mindestens so groß sein wie der Mindestwert.');
    }
    if (q.match && q.kind !== 'multiple') {
      issue(['match'], 'Nur Mehrfachauswahl-Fragen können Bedarfe und Angebote abgleichen.');
    }
  });
export type Question = z.infer<typeof questionSchema>;
export type QuestionInput = z.input<typeof questionSchema>;

export const sectionSchema = z.strictObject({
  id: keySchema,
  title: optionalText(200),
  description: optionalText(2000),
  questions: z.array(questionSchema).default([]),
});
export type Section = z.infer<typeof sectionSchema>;

export const sectionsSchema = z
  .array(sectionSchema)
  .max(MAX_SECTIONS, { error: `Höchstens ${MAX_SECTIONS} Abschnitte.` })
  .default([])
  .check((ctx) => {
    const questions = ctx.value.flatMap((s) => s.questions);
    const issue = (message: string) =>
      ctx.issues.push({ code: 'custom', input: ctx.value, message });
    if (questions.length > MAX_QUESTIONS) issue(`Höchstens ${MAX_QUESTIONS} Fragen.`);
    if (new Set(questions.map((q) => q.id)).size !== questions.length) {
      issue('Jede Frage braucht eine eigene Kennung.');
    }
    if (new Set(ctx.value.map((s) => s.id)).size !== ctx.value.length) {
      issue('Jeder Abschnitt braucht eine eigene Kennung.');
    }
    // A match group pairs exactly one "need" with one "offer" question over the same options.
    const groups = new Map<string, Question[]>();
    for (const q of questions) {
      if (q.match) groups.set(q.match.key, [...(groups.get(q.match.key) ?? []), q]);
    }
    for (const [key, members] of groups) {
      const sides = members.map((q) => q.match?.side).sort();
      const options = members.map((q) =>
        q.options
          .map((o) => o.id)
          .sort()
          .join(','),
      );
      if (sides.join() !== 'need,offer' || options[0] !== options[1]) {
        issue(
          `Die Abgleichsgruppe „${key}“ braucht genau eine Bedarfs- und eine Angebotsfrage mit denselben Antwortmöglichkeiten.`,
        );
      }
    }
  });

/** Who sees the results besides the network's coordinators (after the questionnaire closed). */
export const RESULTS_VISIBILITIES = ['coordinators', 'respondents', 'public'] as const;
export type ResultsVisibility = (typeof RESULTS_VISIBILITIES)[number];
export const RESULTS_VISIBILITY_LABELS: Record<ResultsVisibility, string> = {
  coordinators: 'Nur die Koordination',
  respondents: 'Auch die Befragten (über ihren Link, nach Abschluss)',
  public: 'Öffentlich (nach Abschluss)',
};

export const MAX_REMINDER_DAYS = 60;

const questionnaireFields = {
  title: requiredText(),
  intro: optionalText(5000),
  sections: sectionsSchema,
  status: z.enum(QUESTIONNAIRE_STATUSES).default('draft'),
  /** Answers are accepted and may be edited until then (inclusive). */
  deadline: optionalTimestamp,
  /** Answers are stored without any link to the person or their link; fixed once open. */
  anonymous: z.boolean().default(false),
  resultsVisibility: z.enum(RESULTS_VISIBILITIES).default('coordinators'),
  /** Remind non-responders automatically this many days before the deadline; null: never. */
  reminderDaysBefore: int(1, MAX_REMINDER_DAYS).nullable().default(null),
  /**
   * An open link anyone may use while the questionnaire is open (rate-limited per client): each
   * visit gets a nameless invitation of its own (source 'open') and a personal token.
   */
  openLink: z.boolean().default(false),
};

/** What the questionnaire editor submits. */
export const questionnaireInputSchema = z.strictObject(questionnaireFields);
export type QuestionnaireInput = z.input<typeof questionnaireInputSchema>;
export type QuestionnaireFields = z.output<typeof questionnaireInputSchema>;

/** networks/{networkId}/questionnaires/{questionnaireId} */
export const questionnaireSchema = z.strictObject({
  ...questionnaireFields,
  /** When the automatic reminder was sent (kept by functions; null until then). */
  autoReminderAt: optionalTimestamp,
  createdAt: timestamp,
  updatedAt: timestamp,
  updatedBy: z.string(),
});
export type Questionnaire = z.infer<typeof questionnaireSchema>;
export type QuestionnaireWithId = Questionnaire & { id: string };

/** Questions, sections and anonymity change only while nobody can answer yet. */
export function isQuestionnaireEditable(status: QuestionnaireStatus): boolean {
  return status === 'draft';
}

/** Open and not past the deadline (if any). */
export function acceptsAnswers(q: Pick<Questionnaire, 'status' | 'deadline'>, now: Date): boolean {
  return q.status === 'open' && (q.deadline === null || now.getTime() <= q.deadline.getTime());
}

export function questionsOf(q: { sections: readonly Section[] }): Question[] {
  return q.sections.flatMap((s) => s.questions);
}

/**
 * Once open, only wording may change: same sections, questions, kinds, options, rows, scale size,
 * limits and match groups in the same order. Returns the first difference (German) or null.
 */
export function structureChange(before: readonly Section[], after: readonly Section[]) {
  const shape = (sections: readonly Section[]) =>
    JSON.stringify(
      sections.map((s) => [
        s.id,
        s.questions.map((q) => [
          q.id,
          q.kind,
          q.required,
          q.other,
          q.options.map((o) => o.id),
          q.rows.map((r) => r.id),
          q.min,
          q.max,
          q.match ? [q.match.key, q.match.side] : null,
        ]),
      ]),
    );
  return shape(before) === shape(after)
    ? null
    : 'Der Fragebogen ist geöffnet: Fragen, Antwortmöglichkeiten und Reihenfolge stehen fest. Nur Texte lassen sich noch korrigieren.';
}

/** A key from a label: "Dolmetschen (Arabisch)" → "dolmetschen-arabisch", unique among `taken`. */
export function keyFromLabel(label: string, taken: Iterable<string>, fallback = 'f'): string {
  const base =
    label
      .toLowerCase()
      .replace(/ä/g, 'ae')
      .replace(/ö/g, 'oe')
      .replace(/ü/g, 'ue')
      .replace(/ß/g, 'ss')
      .normalize('NFD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 30)
      .replace(/-+$/, '') || fallback;
  const used = new Set(taken);
  const start = /^[a-z0-9]/.test(base) && base !== OTHER_KEY ? base : `${fallback}-${base}`;
  if (!used.has(start)) return start;
  for (let i = 2; ; i++) {
    const candidate = `${start}-${i}`;
    if (!used.has(candidate)) return candidate;
  }
}

// ---------------------------------------------------------------- invitations

export const INVITATION_STATUSES = ['invited', 'opened', 'draft', 'submitted'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];
export const INVITATION_STATUS_LABELS: Record<InvitationStatus, string> = {
  invited: 'Eingeladen',
  opened: 'Geöffnet',
  draft: 'Entwurf',
  submitted: 'Abgeschickt',
};
const STATUS_RANK: Record<InvitationStatus, number> = {
  invited: 0,
  opened: 1,
  draft: 2,
  submitted: 3,
};
/** Progress only moves forward (a later draft save does not undo "submitted"). */
export function laterStatus(a: InvitationStatus, b: InvitationStatus): InvitationStatus {
  return STATUS_RANK[b] > STATUS_RANK[a] ? b : a;
}

/** contact / subscriber: invited by mail; open: someone who came through the open link. */
export const INVITEE_SOURCES = ['contact', 'subscriber', 'open'] as const;
export type InviteeSource = (typeof INVITEE_SOURCES)[number];
/** What an open-link invitation has instead of a contact or subscriber id. */
export const OPEN_LINK_SOURCE_REF = 'offener-link';

/**
 * networks/{n}/questionnaires/{q}/invitations/{id}: one invited person (a contact of an actor or
 * a subscriber of the distribution list), written only by functions, read by coordinators.
 * The id is derived from the address, so inviting someone twice keeps one invitation. In
 * anonymous questionnaires the opened/draft/submitted times stay null: nothing here may be
 * matched with the time an answer was stored.
 */
export const invitationSchema = z
  .strictObject({
    name: z.string().max(200),
    /** Empty only for invitations through the open link (nobody to write to). */
    email: z.union([z.literal(''), email]),
    source: z.enum(INVITEE_SOURCES),
    /** Contact or subscriber id (OPEN_LINK_SOURCE_REF for the open link). */
    sourceRef: docId,
    actorId: docId.nullable(),
    actorName: z.string().max(200),
    actorKinds: z.array(z.string().max(100)).max(10),
    actorFields: z.array(z.string().max(200)).max(30),
    status: z.enum(INVITATION_STATUSES),
    invitedAt: timestamp,
    /** The mailings that carried this person's links (invitation, reminders). */
    mailingIds: z.array(docId).max(50),
    reminders: int(0, 1000),
    lastRemindedAt: optionalTimestamp,
    openedAt: optionalTimestamp,
    submittedAt: optionalTimestamp,
  })
  .refine((i) => i.email !== '' || i.source === 'open', {
    path: ['email'],
    error: 'Bitte eine gültige E-Mail-Adresse angeben.',
  });
export type Invitation = z.infer<typeof invitationSchema>;
export type InvitationWithId = Invitation & { id: string };

/** The invitation id of an address: one invitation per person and questionnaire. */
export async function invitationIdFor(email: string): Promise<string> {
  return (await sha256Hex(`invitation\n${email.trim().toLowerCase()}`)).slice(0, 32);
}

/** Came through the open link: no person, no address, never reminded. */
export const isOpenLinkInvitation = (i: Pick<Invitation, 'source'>) => i.source === 'open';

/** Where the open link of a questionnaire leads (the ids in the fragment, as the personal links). */
export function openLinkUrl(baseUrl: string, key: QuestionnaireRef): string {
  return `${baseUrl.replace(/\/+$/, '')}/fragebogen/offen#${key.networkId}/${key.questionnaireId}`;
}

/** The ids in the open link's fragment ("#netzwerk/fragebogen"), or null. */
export function parseOpenLinkFragment(fragment: string): QuestionnaireRef | null {
  const parts = fragment.replace(/^#/, '').split('/');
  if (parts.length !== 2) return null;
  const parsed = questionnaireRefSchema.safeParse({
    networkId: parts[0],
    questionnaireId: parts[1],
  });
  return parsed.success ? parsed.data : null;
}

export type InvitationProgress = Record<InvitationStatus, number> & { total: number };

/** Counts per status (each invitation in exactly one), for the progress bar. */
export function invitationProgress(
  invitations: readonly Pick<Invitation, 'status'>[],
): InvitationProgress {
  const out: InvitationProgress = { total: 0, invited: 0, opened: 0, draft: 0, submitted: 0 };
  for (const i of invitations) {
    out[i.status]++;
    out.total++;
  }
  return out;
}

// ---------------------------------------------------------------- inviting (callable inputs)

/** Whom to invite: contacts of the network's actors (filtered), or subscribers of the list. */
export const audienceSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('actors'),
    /** Empty: any kind / field of action; actorIds empty: every actor matching the filters. */
    kinds: textList(20),
    fieldsOfAction: textList(30),
    actorIds: z.array(docId).max(500).default([]),
  }),
  z.strictObject({
    type: z.literal('subscribers'),
    /** Empty: all confirmed subscribers; else those with one of these interests. */
    interests: textList(20),
  }),
]);
export type Audience = z.infer<typeof audienceSchema>;

export type ActorAudience = Extract<Audience, { type: 'actors' }>;

/** Whether an actor's contacts are invited: not archived, and matching every filter given. */
export function actorMatchesAudience(
  actor: {
    id: string;
    status: string;
    kinds: readonly string[];
    fieldsOfAction: readonly string[];
  },
  audience: ActorAudience,
): boolean {
  return (
    actor.status !== 'archived' &&
    (audience.actorIds.length === 0 || audience.actorIds.includes(actor.id)) &&
    (audience.kinds.length === 0 || audience.kinds.some((k) => actor.kinds.includes(k))) &&
    (audience.fieldsOfAction.length === 0 ||
      audience.fieldsOfAction.some((f) => actor.fieldsOfAction.includes(f)))
  );
}

/** Contacts are invited with their consent and an address. */
export function contactIsInvitable(contact: { email: string; consent: { given: boolean } }) {
  return contact.consent.given && contact.email.includes('@');
}

export const questionnaireRefSchema = z.strictObject({
  networkId: docId,
  questionnaireId: docId,
});
export type QuestionnaireRef = z.infer<typeof questionnaireRefSchema>;

export const MAIL_SUBJECT_MAX = 200;
export const MAIL_BODY_MAX = 10_000;
/** The placeholder that becomes the personal link in invitation and reminder mails. */
export const LINK_PLACEHOLDER = '{{fragebogenlink}}';

const mailText = {
  subject: requiredText(MAIL_SUBJECT_MAX),
  body: requiredText(MAIL_BODY_MAX).refine((b) => b.includes(LINK_PLACEHOLDER), {
    error: `Der Text braucht den Platzhalter ${LINK_PLACEHOLDER} für den persönlichen Link.`,
  }),
};

export const inviteInputSchema = z.strictObject({
  ...questionnaireRefSchema.shape,
  audience: audienceSchema,
  ...mailText,
});
export type InviteInput = z.input<typeof inviteInputSchema>;

export const remindInputSchema = z.strictObject({
  ...questionnaireRefSchema.shape,
  ...mailText,
});
export type RemindInput = z.input<typeof remindInputSchema>;

export function defaultInvitationMail(title: string, networkName: string, deadline: Date | null) {
  const until = deadline
    ? ` bis zum ${deadline.toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin', day: 'numeric', month: 'long', year: 'numeric' })}`
    : '';
  return {
    subject: `Fragebogen: ${title}`,
    body: [
      'Guten Tag {{name}},',
      `das ${networkName} bittet Sie, den Fragebogen „${title}“${until} auszufüllen. Sie brauchen kein Konto: Ihr persönlicher Link öffnet den Fragebogen, Ihre Antworten werden als Entwurf gespeichert, und Sie können über denselben Link jederzeit weitermachen.`,
      LINK_PLACEHOLDER,
      'Bitte leiten Sie diesen Link nicht weiter – er gehört zu Ihrer Einladung.',
      'Vielen Dank für Ihre Mitarbeit!',
    ].join('\n\n'),
  };
}

export function defaultReminderMail(
  title: string,
  networkName: string,
  deadline: Date | null,
  anonymous = false,
) {
  const invitation = defaultInvitationMail(title, networkName, deadline);
  return {
    subject: `Erinnerung: ${invitation.subject}`,
    body: [
      'Guten Tag {{name}},',
      anonymous
        ? `wir haben Ihre Antworten zum Fragebogen „${title}“ noch nicht erhalten. Über diesen persönlichen Link können Sie ihn jetzt ausfüllen. (Die Befragung ist anonym: Einen begonnenen Entwurf finden Sie nur über den Link, mit dem Sie ihn angefangen haben.)`
        : `wir haben Ihre Antworten zum Fragebogen „${title}“ noch nicht erhalten. Über Ihren persönlichen Link können Sie ihn jetzt ausfüllen oder Ihren Entwurf abschließen:`,
      LINK_PLACEHOLDER,
      'Falls Sie schon geantwortet haben, betrachten Sie diese Nachricht bitte als gegenstandslos.',
      `Viele Grüße\n${networkName}`,
    ].join('\n\n'),
  };
}
