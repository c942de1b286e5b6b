import { z } from 'zod';
import {
  LIMITS,
  optionalText,
  optionalTimestamp,
  requiredText,
  textList,
  timestamp,
} from './primitives.ts';

export const QUESTIONNAIRE_STATUSES = ['draft', 'open', 'closed'] as const;
export type QuestionnaireStatus = (typeof QUESTIONNAIRE_STATUSES)[number];
export const QUESTIONNAIRE_STATUS_LABELS: Record<QuestionnaireStatus, string> = {
  draft: 'Entwurf',
  open: 'Offen',
  closed: 'Abgeschlossen',
};

export const QUESTION_KINDS = ['text', 'singleChoice', 'multipleChoice', 'scale'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** Scale questions are answered with 1 (trifft nicht zu) … SCALE_MAX (trifft voll zu). */
export const SCALE_MAX = 5;
export const MAX_QUESTIONS = 100;

/** A short stable key, so answers and results survive reordering and rewording. */
export const questionIdSchema = z
  .string()
  .regex(/^[a-z0-9_-]{1,40}$/, { error: 'Ungültige Fragenkennung.' });

export const questionSchema = z
  .strictObject({
    id: questionIdSchema,
    kind: z.enum(QUESTION_KINDS, { error: 'Bitte eine Fragenart wählen.' }),
    label: requiredText(500),
    help: optionalText(1000),
    required: z.boolean().default(false),
    /** Choices of singleChoice/multipleChoice questions; unused otherwise. */
    options: textList(20),
  })
  .check((ctx) => {
    const { kind, options } = ctx.value;
    if ((kind === 'singleChoice' || kind === 'multipleChoice') && options.length < 2) {
      ctx.issues.push({
        code: 'custom',
        input: options,
        path: ['options'],
        message: 'Bitte mindestens zwei Antwortmöglichkeiten angeben.',
      });
    }
    if (new Set(options).size !== options.length) {
      ctx.issues.push({
        code: 'custom',
        input: options,
        path: ['options'],
        message: 'Jede Antwortmöglichkeit darf nur einmal vorkommen.',
      });
    }
  });
export type Question = z.infer<typeof questionSchema>;

export const questionsSchema = z
  .array(questionSchema)
  .max(MAX_QUESTIONS, { error: `Höchstens ${MAX_QUESTIONS} Fragen.` })
  .default([])
  .refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, {
    error: 'Jede Frage braucht eine eigene Kennung.',
  });

const questionnaireFields = {
  title: requiredText(),
  intro: optionalText(LIMITS.longText),
  questions: questionsSchema,
  status: z.enum(QUESTIONNAIRE_STATUSES).default('draft'),
  deadline: optionalTimestamp,
  /** Answers are stored without the actor; fixed once the questionnaire has opened. */
  anonymous: z.boolean().default(false),
  /** The results may be shown on the network's public page. */
  resultsPublic: z.boolean().default(false),
};

/** What the questionnaire editor submits. */
export const questionnaireInputSchema = z.strictObject(questionnaireFields);
export type QuestionnaireInput = z.input<typeof questionnaireInputSchema>;

/** networks/{networkId}/questionnaires/{questionnaireId} */
export const questionnaireSchema = z.strictObject({
  ...questionnaireFields,
  createdAt: timestamp,
  updatedAt: timestamp,
  updatedBy: z.string(),
});
export type Questionnaire = z.infer<typeof questionnaireSchema>;
export type QuestionnaireWithId = Questionnaire & { id: string };

/** Questions and anonymity can change only while nobody can answer yet. */
export function isQuestionnaireEditable(status: QuestionnaireStatus): boolean {
  return status === 'draft';
}

/** Open and before the deadline (if any). */
export function acceptsAnswers(q: Pick<Questionnaire, 'status' | 'deadline'>, now: Date): boolean {
  return q.status === 'open' && (q.deadline === null || now <= q.deadline);
}
