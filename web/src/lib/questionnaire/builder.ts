// Pure editing steps of the questionnaire builder: new sections, questions and options with
// stable keys, moving things up and down, and the German messages of the schema per path.
import {
  DEFAULT_SCALE_LABELS,
  MAX_OPTIONS,
  keyFromLabel,
  questionnaireInputSchema,
  questionsOf,
  type ChoiceOption,
  type Question,
  type QuestionKind,
  type QuestionnaireFields,
  type Section,
} from '@knotenpunkt/model';

export function takenQuestionIds(sections: readonly Section[]): string[] {
  return questionsOf({ sections }).map((q) => q.id);
}

export function newSection(sections: readonly Section[]): Section {
  return {
    id: keyFromLabel(
      'abschnitt',
      sections.map((s) => s.id),
    ),
    title: '',
    description: '',
    questions: [],
  };
}

export function newOption(list: readonly ChoiceOption[], label = ''): ChoiceOption {
  return {
    id: keyFromLabel(
      label || 'option',
      list.map((o) => o.id),
      'o',
    ),
    label,
  };
}

/** A new question of a kind, with what that kind needs to start (two options, a row, …). */
export function newQuestion(
  kind: QuestionKind,
  sections: readonly Section[],
  fieldsOfAction: readonly string[] = [],
): Question {
  const id = keyFromLabel('frage', takenQuestionIds(sections));
  const options: ChoiceOption[] = [];
  if (kind === 'fieldOfAction') {
    for (const f of fieldsOfAction) options.push(newOption(options, f));
  } else if (kind === 'single' || kind === 'multiple') {
    options.push(newOption(options));
    options.push(newOption(options));
  }
  return {
    id,
    kind,
    label: kind === 'fieldOfAction' ? 'In welchen Handlungsfeldern sind Sie tätig?' : '',
    help: '',
    required: false,
    options,
    other: false,
    scale: [...DEFAULT_SCALE_LABELS],
    rows: kind === 'matrix' ? [newOption([], '')] : [],
    min: null,
    max: null,
    unit: '',
    match: null,
  };
}

/** A copy of the list with the item at `index` moved by `delta` (stays inside the list). */
export function moved<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const out = [...list];
  const [item] = out.splice(index, 1);
  out.splice(to, 0, item!);
  return out;
}

/**
 * Moves a question up or down; at the edge of its section it moves into the neighbouring section
 * (last place going up, first place going down).
 */
export function moveQuestion(
  sections: readonly Section[],
  sectionIndex: number,
  questionIndex: number,
  delta: -1 | 1,
): Section[] {
  const out = sections.map((s) => ({ ...s, questions: [...s.questions] }));
  const section = out[sectionIndex];
  if (!section) return out;
  const to = questionIndex + delta;
  if (to >= 0 && to < section.questions.length) {
    section.questions = moved(section.questions, questionIndex, delta);
    return out;
  }
  const neighbour = out[sectionIndex + delta];
  if (!neighbour) return out;
  const [q] = section.questions.splice(questionIndex, 1);
  if (delta < 0) neighbour.questions.push(q!);
  else neighbour.questions.unshift(q!);
  return out;
}

/** Changing a draft question's kind keeps its wording and drops what the new kind cannot use. */
export function withKind(q: Question, kind: QuestionKind, fieldsOfAction: readonly string[]) {
  const fresh = newQuestion(kind, [], fieldsOfAction);
  const keepsOptions = (kind === 'single' || kind === 'multiple') && q.options.length >= 2;
  return {
    ...fresh,
    id: q.id,
    label: q.label || fresh.label,
    help: q.help,
    required: q.required,
    options: keepsOptions ? q.options : fresh.options,
    rows: kind === 'matrix' && q.rows.length > 0 ? q.rows : fresh.rows,
    scale: q.scale,
  } satisfies Question;
}

export const canAddOption = (list: readonly ChoiceOption[]) => list.length < MAX_OPTIONS;

/** The schema's German messages by dotted path ("sections.0.questions.2.options"). */
export function builderErrors(fields: QuestionnaireFields | unknown): Record<string, string> {
  const result = questionnaireInputSchema.safeParse(fields);
  if (result.success) return {};
  const out: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    out[key] ??= issue.message;
  }
  return out;
}

/** The first message at or below a path (a question shows those of its options and rows too). */
export function errorAt(errors: Record<string, string>, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const prefix = `${path}.`;
  return Object.entries(errors).find(([k]) => k.startsWith(prefix))?.[1];
}
