// Answers to a questionnaire: their shapes, the per-question validation with German messages
// (shared by the answering page and the functions), and what one response contributes to the
// results (results.ts adds and subtracts contributions).
import { z } from 'zod';
import {
  LONG_TEXT_MAX,
  OTHER_KEY,
  OTHER_TEXT_MAX,
  SCALE_POINTS,
  SHORT_TEXT_MAX,
  isChoiceKind,
  keySchema,
  questionsOf,
  type Question,
  type Section,
} from './questionnaire.ts';
import { docId, int, optionalTimestamp } from './primitives.ts';

// ---------------------------------------------------------------- answer values

/** single, multiple, fieldOfAction: chosen option ids, and the "Sonstiges" text ('' if none). */
export const choiceAnswerSchema = z.strictObject({
  options: z.array(keySchema).max(60),
  other: z.string().max(OTHER_TEXT_MAX),
});
export type ChoiceAnswer = z.infer<typeof choiceAnswerSchema>;

/** One stored answer: choices, a scale value or number, matrix ratings per row, or text. */
export const answerValueSchema = z.union([
  choiceAnswerSchema,
  z.number(),
  z.record(keySchema, int(1, SCALE_POINTS)),
  z.string().max(LONG_TEXT_MAX),
]);
export type AnswerValue = z.infer<typeof answerValueSchema>;

/** Answered questions only (unanswered ones are absent). */
export const answersSchema = z.record(keySchema, answerValueSchema);
export type Answers = z.infer<typeof answersSchema>;

// ---------------------------------------------------------------- validation

export type AnswerMode = 'draft' | 'submit';
export type AnswersCheck =
  { ok: true; answers: Answers } | { ok: false; answers: Answers; fields: Record<string, string> };

const REQUIRED = 'Bitte beantworten Sie diese Frage.';
const MAX_ANSWER_KEYS = 200;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function textLimit(q: Question) {
  return q.kind === 'shortText' ? SHORT_TEXT_MAX : LONG_TEXT_MAX;
}

/** The number range of a number question in words, e.g. "von 0 bis 500". */
export function rangeText(q: Pick<Question, 'min' | 'max'>): string {
  if (q.min !== null && q.max !== null) return `von ${q.min} bis ${q.max}`;
  if (q.min !== null) return `ab ${q.min}`;
  if (q.max !== null) return `bis ${q.max}`;
  return '';
}

type One = { value?: AnswerValue; error?: string };

function checkOne(q: Question, raw: unknown, mode: AnswerMode): One {
  if (raw === null || raw === undefined) return {};
  if (isChoiceKind(q.kind)) {
    if (!isRecord(raw) || !Array.isArray(raw.options)) {
      return { error: 'Ungültige Antwort: Bitte wählen Sie aus den Antwortmöglichkeiten.' };
    }
    const extra = Object.keys(raw).find((k) => k !== 'options' && k !== 'other');
    if (extra)
      return { error: 'Ungültige Antwort: Bitte wählen Sie aus den Antwortmöglichkeiten.' };
    const known = new Set(q.options.map((o) => o.id));
    const options = raw.options as unknown[];
    if (options.some((o) => typeof o !== 'string' || !known.has(o))) {
      return { error: 'Diese Antwortmöglichkeit gibt es bei der Frage nicht.' };
    }
    if (new Set(options).size !== options.length) {
      return { error: 'Jede Antwortmöglichkeit bitte nur einmal wählen.' };
    }
    const rawOther = raw.other ?? '';
    if (typeof rawOther !== 'string') return { error: 'Ungültige Angabe bei „Sonstiges“.' };
    const other = rawOther.trim();
    if (other && !q.other) return { error: '„Sonstiges“ ist bei dieser Frage nicht vorgesehen.' };
    if (other.length > OTHER_TEXT_MAX) {
      return { error: `Bei „Sonstiges“ bitte höchstens ${OTHER_TEXT_MAX} Zeichen.` };
    }
    const picked = q.options.map((o) => o.id).filter((id) => options.includes(id));
    if (q.kind === 'single' && picked.length + (other ? 1 : 0) > 1) {
      return { error: 'Bitte nur eine Möglichkeit wählen.' };
    }
    if (picked.length === 0 && !other) return {};
    return { value: { options: picked, other } };
  }
  switch (q.kind) {
    case 'likert': {
      if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1 || raw > SCALE_POINTS) {
        return { error: `Bitte einen Wert von 1 bis ${SCALE_POINTS} wählen.` };
      }
      return { value: raw };
    }
    case 'matrix': {
      if (!isRecord(raw)) return { error: `Bitte je Zeile einen Wert von 1 bis ${SCALE_POINTS}.` };
      const rows = new Set(q.rows.map((r) => r.id));
      const out: Record<string, number> = {};
      for (const [row, v] of Object.entries(raw)) {
        if (!rows.has(row)) return { error: 'Diese Zeile gibt es bei der Frage nicht.' };
        if (v === null || v === undefined) continue;
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > SCALE_POINTS) {
          return { error: `Bitte je Zeile einen Wert von 1 bis ${SCALE_POINTS} wählen.` };
        }
        out[row] = v;
      }
      const answered = q.rows.filter((r) => r.id in out);
      if (answered.length === 0) return {};
      if (mode === 'submit' && q.required && answered.length < q.rows.length) {
        return { value: out, error: 'Bitte beantworten Sie jede Zeile.' };
      }
      return { value: Object.fromEntries(answered.map((r) => [r.id, out[r.id]!])) };
    }
    case 'number': {
      if (typeof raw !== 'number' || !Number.isFinite(raw) || !Number.isInteger(raw)) {
        return { error: 'Bitte eine ganze Zahl angeben.' };
      }
      if (Math.abs(raw) > 1e12) return { error: 'Diese Zahl ist zu groß.' };
      const outside = (q.min !== null && raw < q.min) || (q.max !== null && raw > q.max);
      if (mode === 'submit' && outside) {
        return { value: raw, error: `Bitte eine Zahl ${rangeText(q)} angeben.` };
      }
      return { value: raw };
    }
    case 'shortText':
    case 'longText': {
      if (typeof raw !== 'string') return { error: 'Bitte Text eingeben.' };
      const text = raw.trim();
      const max = textLimit(q);
      if (text.length > max) return { error: `Höchstens ${max} Zeichen.` };
      return text ? { value: text } : {};
    }
    default:
      return { error: 'Unbekannte Fragenart.' };
  }
}

/**
 * Checks answers against the questions. Drafts need the right shapes only; a submission also
 * needs every required question answered and numbers within their range. `fields` names each
 * failing question by id with a German message; `answers` holds what was valid (to keep it).
 */
export function checkAnswers(
  sections: readonly Section[],
  input: unknown,
  mode: AnswerMode,
): AnswersCheck {
  const fields: Record<string, string> = {};
  const answers: Answers = {};
  if (!isRecord(input)) return { ok: false, answers, fields: { _: 'Keine Antworten erhalten.' } };
  const keys = Object.keys(input);
  if (keys.length > MAX_ANSWER_KEYS) {
    return { ok: false, answers, fields: { _: 'Zu viele Antworten.' } };
  }
  const questions = questionsOf({ sections });
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const key of keys) {
    if (!byId.has(key)) fields[key.slice(0, 60) || '_'] = 'Diese Frage gibt es nicht.';
  }
  for (const q of questions) {
    const { value, error } = checkOne(q, input[q.id], mode);
    if (value !== undefined) answers[q.id] = value;
    if (error) fields[q.id] = error;
    else if (mode === 'submit' && q.required && value === undefined) fields[q.id] = REQUIRED;
  }
  return Object.keys(fields).length === 0 ? { ok: true, answers } : { ok: false, answers, fields };
}

/** The question's label for messages ("Frage „Räume“: …"). */
export function questionLabel(sections: readonly Section[], id: string): string {
  return questionsOf({ sections }).find((q) => q.id === id)?.label ?? id;
}

// ---------------------------------------------------------------- contributions

/** A free text in the results: the text (shortened) and, unless anonymous, who wrote it. */
export const TEXT_EXCERPT_MAX = 500;

/** Breakdown keys: "kind:Verein", "field:Wohnen". Every response also counts in ALL_SEGMENT. */
export const ALL_SEGMENT = 'all';
export const segmentKey = (dimension: 'kind' | 'field', value: string) => `${dimension}:${value}`;
/** The key of "answered" in a question's counts. */
export const ANSWERED_KEY = '_';

/**
 * What one response adds to the results: per question a set of counter keys (each +1), its free
 * texts, the breakdowns it belongs to and, unless anonymous, the name shown beside its texts.
 */
export const contributionSchema = z.strictObject({
  segments: z.array(z.string().max(300)).max(60),
  counts: z.record(keySchema, z.array(z.string().max(100)).max(200)),
  texts: z.record(keySchema, z.string().max(TEXT_EXCERPT_MAX + 1)),
  by: z.string().max(300),
});
export type Contribution = z.infer<typeof contributionSchema>;

/** Who answered, for identified questionnaires (null when anonymous). */
export const respondentSchema = z.strictObject({
  invitationId: docId,
  name: z.string().max(200),
  actorId: docId.nullable(),
  actorName: z.string().max(200),
  kinds: z.array(z.string().max(100)).max(10),
  fields: z.array(z.string().max(200)).max(30),
});
export type Respondent = z.infer<typeof respondentSchema>;

export function excerpt(text: string): string {
  return text.length > TEXT_EXCERPT_MAX ? `${text.slice(0, TEXT_EXCERPT_MAX)}…` : text;
}

/** The counter keys, texts and breakdowns of one response (pure; computed at submission). */
export function contributionOf(
  sections: readonly Section[],
  answers: Answers,
  respondent: Respondent | null,
): Contribution {
  const counts: Record<string, string[]> = {};
  const texts: Record<string, string> = {};
  const fieldsAnswered = new Set<string>();
  for (const q of questionsOf({ sections })) {
    const value = answers[q.id];
    if (value === undefined) continue;
    const keys = [ANSWERED_KEY];
    if (isChoiceKind(q.kind) && typeof value === 'object' && 'options' in value) {
      const choice = value as ChoiceAnswer;
      keys.push(...choice.options);
      if (choice.other) {
        keys.push(OTHER_KEY);
        texts[q.id] = excerpt(choice.other);
      }
      if (q.kind === 'fieldOfAction') {
        for (const id of choice.options) {
          const label = q.options.find((o) => o.id === id)?.label;
          if (label) fieldsAnswered.add(label);
        }
      }
    } else if (q.kind === 'likert' || q.kind === 'number') {
      keys.push(String(value));
    } else if (q.kind === 'matrix' && typeof value === 'object') {
      for (const [row, v] of Object.entries(value as Record<string, number>))
        keys.push(`${row}:${v}`);
    } else if (typeof value === 'string') {
      texts[q.id] = excerpt(value);
    }
    counts[q.id] = keys;
  }
  // Breakdowns: the Handlungsfelder the respondent named in the questionnaire, else (identified)
  // the actor's; the actor's kinds only when identified.
  const fields = fieldsAnswered.size > 0 ? [...fieldsAnswered] : (respondent?.fields ?? []);
  const segments = [
    ...new Set([
      ...(respondent?.kinds ?? []).map((k) => segmentKey('kind', k)),
      ...fields.map((f) => segmentKey('field', f)),
    ]),
  ].sort();
  const by = respondent ? respondent.actorName || respondent.name : '';
  return { segments, counts, texts, by };
}

// ---------------------------------------------------------------- the stored response

/**
 * networks/{n}/questionnaires/{q}/responses/{id}: written only by functions. `contribution` is
 * what the current answers add to the results; `applied` what the aggregation has added so far
 * (null: nothing yet). `pending` while they differ: the aggregation subtracts `applied`, adds
 * `contribution` and clears `pending` in one transaction, so repeated or concurrent runs count
 * each response exactly once. Anonymous responses have a random-looking id, no respondent, no
 * times.
 */
export const responseSchema = z.strictObject({
  answers: answersSchema,
  respondent: respondentSchema.nullable(),
  contribution: contributionSchema,
  version: int(1, 1_000_000),
  pending: z.boolean(),
  applied: contributionSchema.nullable(),
  appliedVersion: int(0, 1_000_000),
  submittedAt: optionalTimestamp,
  updatedAt: optionalTimestamp,
});
export type QuestionnaireResponse = z.infer<typeof responseSchema>;
export type ResponseWithId = QuestionnaireResponse & { id: string };
