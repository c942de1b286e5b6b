// The answering routes' contract (POST /api/fragebogen/laden|entwurf|absenden), shared by the
// answering page and the functions.
import { z } from 'zod';
import { questionnaireRefSchema, sectionsSchema } from './questionnaire.ts';
import { answersSchema } from './response.ts';
import { segmentTallySchema } from './results.ts';

/** The personal link's token: 32 random bytes, base64url (43 characters, 256 bits). */
export const answerTokenSchema = z
  .string({ error: 'Der Link ist unvollständig.' })
  .regex(/^[A-Za-z0-9_-]{43}$/, { error: 'Der Link ist unvollständig.' });

export const answerLoadRequestSchema = z.strictObject({ token: answerTokenSchema });
export const answerSaveRequestSchema = z.strictObject({
  token: answerTokenSchema,
  answers: z.record(z.string().max(100), z.unknown()),
});
export type AnswerSaveRequest = z.infer<typeof answerSaveRequestSchema>;

/** POST /api/fragebogen/offen: the open link asks for a personal token of its own. */
export const openLinkRequestSchema = questionnaireRefSchema;
export const openLinkAnswerSchema = z.strictObject({ token: answerTokenSchema });

/** Largest request body of the answering routes (a long text per question fits easily). */
export const ANSWER_BODY_MAX_BYTES = 200_000;

export const ANSWER_SESSION_STATES = ['open', 'submitted', 'closed'] as const;
export type AnswerSessionState = (typeof ANSWER_SESSION_STATES)[number];

const isoDate = z.iso.datetime().nullable();

/** What the page gets for a link: the questionnaire, the answers so far and where things stand. */
export const answerSessionSchema = z.strictObject({
  /** open: answers accepted; submitted: accepted and already sent once; closed: too late. */
  state: z.enum(ANSWER_SESSION_STATES),
  networkName: z.string(),
  title: z.string(),
  intro: z.string(),
  sections: sectionsSchema,
  deadline: isoDate,
  anonymous: z.boolean(),
  /** The link came from the open link: the address of this page is the way back to the draft. */
  viaOpenLink: z.boolean(),
  /** Whom the link belongs to (identified questionnaires only). */
  respondent: z.strictObject({ name: z.string(), actorName: z.string() }).nullable(),
  /** The draft if there is one, else the submitted answers. */
  answers: answersSchema,
  draftSaved: z.boolean(),
  submitted: z.boolean(),
  submittedAt: isoDate,
  /** Published figures after closing, when respondents may see them (per breakdown). */
  results: z.record(z.string(), segmentTallySchema).nullable(),
});
export type AnswerSession = z.infer<typeof answerSessionSchema>;

export const answerSavedSchema = z.strictObject({
  saved: z.literal(true),
  savedAt: z.iso.datetime(),
});
export const answerSubmittedSchema = z.strictObject({
  submitted: z.literal(true),
  submittedAt: isoDate,
  editableUntil: isoDate,
});

/** A refusal of the routes: a code, a German message, and per question (id → message). */
export const answerErrorSchema = z.object({
  error: z.string(),
  message: z.string(),
  field: z.string().optional(),
  fields: z.record(z.string(), z.string()).optional(),
});
