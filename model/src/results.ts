import { z } from 'zod';
import { QUESTION_KINDS, questionIdSchema } from './questionnaire.ts';
import { int, timestamp } from './primitives.ts';

/**
 * networks/{networkId}/questionnaires/{questionnaireId}/results/{questionId}: the evaluation of one
 * question, kept by a function from the responses (one document per question keeps each well below
 * 1 MiB even with many free-text answers). Readable by the public when resultsPublic.
 */
export const questionResultSchema = z.strictObject({
  questionId: questionIdSchema,
  kind: z.enum(QUESTION_KINDS),
  /** Responses received for the questionnaire when this was computed. */
  respondents: int(0, 1_000_000),
  /** Responses that answered this question. */
  answered: int(0, 1_000_000),
  /** Per option (choices) or per scale value ("1"…"5"). */
  counts: z.record(z.string(), int(0, 1_000_000)),
  /** counts / answered, 0…1. */
  shares: z.record(z.string(), z.number().min(0).max(1)),
  /** Scale questions only. */
  mean: z.number().nullable(),
  /** Free-text answers (text questions only). */
  texts: z.array(z.string()),
  updatedAt: timestamp,
});
export type QuestionResult = z.infer<typeof questionResultSchema>;
