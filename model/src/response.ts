import { z } from 'zod';
import { SCALE_MAX, questionIdSchema, type Question } from './questionnaire.ts';
import { LIMITS, docId, timestamp } from './primitives.ts';

/** One answer: free text, one choice, several choices, a scale value, or nothing. */
export const answerValueSchema = z.union([
  z.string().max(LIMITS.longText),
  z.array(z.string().max(LIMITS.shortText)).max(20),
  z.number(),
  z.null(),
]);
export type AnswerValue = z.infer<typeof answerValueSchema>;

export const answersSchema = z.record(questionIdSchema, answerValueSchema);
export type Answers = z.infer<typeof answersSchema>;

/** What the questionnaire page behind a personal link submits; checked with answersSchemaFor. */
export const responseInputSchema = z.strictObject({ answers: answersSchema });
export type ResponseInput = z.input<typeof responseInputSchema>;

/** networks/{networkId}/questionnaires/{questionnaireId}/responses/{id}: written only by functions. */
export const responseSchema = z.strictObject({
  /** null when the questionnaire is anonymous. */
  actorId: docId.nullable(),
  answers: answersSchema,
  submittedAt: timestamp,
});
export type QuestionnaireResponse = z.infer<typeof responseSchema>;

const REQUIRED = 'Bitte beantworten.';

function answerSchemaFor(question: Question): z.ZodType<AnswerValue> {
  const optional = <T extends z.ZodType<AnswerValue>>(schema: T) =>
    question.required ? schema : z.union([schema, z.null()]).default(null);
  switch (question.kind) {
    case 'text': {
      const text = z
        .string()
        .trim()
        .max(LIMITS.longText, {
          error: `Höchstens ${LIMITS.longText} Zeichen.`,
        });
      return question.required
        ? text.min(1, { error: REQUIRED })
        : z
            .union([text, z.null()])
            .default(null)
            .transform((v) => (v === '' ? null : v));
    }
    case 'singleChoice':
      return optional(
        z.enum(question.options as [string, ...string[]], {
          error: 'Bitte eine Möglichkeit wählen.',
        }),
      );
    case 'multipleChoice': {
      const choices = z
        .array(z.enum(question.options as [string, ...string[]]))
        .refine((v) => new Set(v).size === v.length, { error: 'Jede Möglichkeit nur einmal.' });
      return question.required ? choices.min(1, { error: REQUIRED }) : choices.default([]);
    }
    case 'scale':
      return optional(
        z
          .number({ error: REQUIRED })
          .int()
          .min(1, { error: `Bitte 1 bis ${SCALE_MAX} wählen.` })
          .max(SCALE_MAX, { error: `Bitte 1 bis ${SCALE_MAX} wählen.` }),
      );
  }
}

/**
 * The schema for the answers to these questions: every question answered in its kind's shape,
 * required ones present, no answers to questions that do not exist.
 */
export function answersSchemaFor(questions: readonly Question[]) {
  return z.strictObject(Object.fromEntries(questions.map((q) => [q.id, answerSchemaFor(q)])));
}
