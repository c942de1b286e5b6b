// The answering form's values per question (what the inputs hold, including a number typed but
// not yet valid) and their conversion to and from the answers the functions accept.
import {
  isChoiceKind,
  questionsOf,
  type Answers,
  type ChoiceAnswer,
  type Question,
  type Section,
} from '@knotenpunkt/model';

export type FormValue =
  | { kind: 'choice'; options: string[]; otherChecked: boolean; other: string }
  | { kind: 'scale'; value: number | null }
  | { kind: 'matrix'; rows: Record<string, number | null> }
  | { kind: 'number'; text: string }
  | { kind: 'text'; text: string };

export type FormState = Record<string, FormValue>;

export function emptyValue(q: Question): FormValue {
  if (isChoiceKind(q.kind)) return { kind: 'choice', options: [], otherChecked: false, other: '' };
  switch (q.kind) {
    case 'likert':
      return { kind: 'scale', value: null };
    case 'matrix':
      return { kind: 'matrix', rows: Object.fromEntries(q.rows.map((r) => [r.id, null])) };
    case 'number':
      return { kind: 'number', text: '' };
    default:
      return { kind: 'text', text: '' };
  }
}

/** The form's values for stored answers (unknown or mistyped answers start empty). */
export function formFromAnswers(sections: readonly Section[], answers: Answers): FormState {
  const form: FormState = {};
  for (const q of questionsOf({ sections })) {
    const value = answers[q.id];
    const empty = emptyValue(q);
    if (value === undefined) form[q.id] = empty;
    else if (empty.kind === 'choice' && typeof value === 'object' && 'options' in value) {
      const choice = value as ChoiceAnswer;
      form[q.id] = {
        kind: 'choice',
        options: [...choice.options],
        otherChecked: choice.other !== '',
        other: choice.other,
      };
    } else if (empty.kind === 'scale' && typeof value === 'number') {
      form[q.id] = { kind: 'scale', value };
    } else if (empty.kind === 'matrix' && typeof value === 'object' && !('options' in value)) {
      form[q.id] = {
        kind: 'matrix',
        rows: { ...empty.rows, ...(value as Record<string, number>) },
      };
    } else if (empty.kind === 'number' && typeof value === 'number') {
      form[q.id] = { kind: 'number', text: String(value) };
    } else if (empty.kind === 'text' && typeof value === 'string') {
      form[q.id] = { kind: 'text', text: value };
    } else form[q.id] = empty;
  }
  return form;
}

/** "1.234" or "1234" or "-5" → a whole number; anything else stays text (for the message). */
export function parseWhole(text: string): number | string | null {
  const t = text.trim().replace(/\.(?=\d{3}(\D|$))/g, '');
  if (t === '') return null;
  return /^-?\d+$/.test(t) ? Number(t) : text.trim();
}

/**
 * The answers to send. A draft leaves out numbers that are not numbers yet (the server would
 * refuse the whole draft); a submission sends them, so the check names the question.
 */
export function answersFromForm(
  sections: readonly Section[],
  form: FormState,
  mode: 'draft' | 'submit',
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const q of questionsOf({ sections })) {
    const v = form[q.id];
    if (!v) continue;
    switch (v.kind) {
      case 'choice': {
        const other = v.otherChecked ? v.other : '';
        if (v.options.length > 0 || other.trim()) out[q.id] = { options: v.options, other };
        break;
      }
      case 'scale':
        if (v.value !== null) out[q.id] = v.value;
        break;
      case 'matrix': {
        const rows = Object.fromEntries(
          Object.entries(v.rows).filter((e): e is [string, number] => e[1] !== null),
        );
        if (Object.keys(rows).length > 0) out[q.id] = rows;
        break;
      }
      case 'number': {
        const n = parseWhole(v.text);
        if (typeof n === 'number' || (n !== null && mode === 'submit')) out[q.id] = n;
        break;
      }
      case 'text':
        if (v.text.trim()) out[q.id] = v.text;
        break;
    }
  }
  return out;
}

/** How many questions have an answer, for the progress line. */
export function answeredCount(sections: readonly Section[], form: FormState): number {
  return Object.keys(answersFromForm(sections, form, 'draft')).length;
}
