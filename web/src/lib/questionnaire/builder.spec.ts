import { describe, expect, it } from 'vitest';
import { needsAndResourcesTemplate, questionnaireInputSchema } from '@knotenpunkt/model';
import {
  builderErrors,
  errorAt,
  moveQuestion,
  moved,
  newQuestion,
  newSection,
  withKind,
} from './builder.ts';

const template = questionnaireInputSchema.parse(needsAndResourcesTemplate(['Wohnen']));

describe('the questionnaire builder', () => {
  it('gives new questions and sections keys that are not taken yet', () => {
    const q = newQuestion('single', template.sections);
    expect(q.id).toBe('frage');
    expect(q.options.map((o) => o.id)).toEqual(['option', 'option-2']);
    const sections = [{ ...template.sections[0]!, questions: [q] }];
    expect(newQuestion('likert', sections).id).toBe('frage-2');
    expect(newSection(template.sections).id).toBe('abschnitt');
    expect(
      newQuestion('fieldOfAction', [], ['Wohnen', 'Arbeit']).options.map((o) => o.label),
    ).toEqual(['Wohnen', 'Arbeit']);
  });

  it('moves items within a list and questions across the edge of their section', () => {
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    const first = template.sections[0]!.questions.map((q) => q.id);
    const down = moveQuestion(template.sections, 0, first.length - 1, 1);
    expect(down[0]!.questions.map((q) => q.id)).toEqual(first.slice(0, -1));
    expect(down[1]!.questions[0]!.id).toBe(first.at(-1));
    const back = moveQuestion(down, 1, 0, -1);
    expect(back[0]!.questions.map((q) => q.id)).toEqual(first);
  });

  it('keeps wording and options when a single choice becomes a multiple choice', () => {
    const single = {
      ...newQuestion('single', []),
      label: 'Welche?',
      options: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ],
    };
    const multiple = withKind(single, 'multiple', []);
    expect(multiple).toMatchObject({ kind: 'multiple', label: 'Welche?', options: single.options });
    expect(withKind(single, 'number', []).options).toEqual([]);
  });

  it('reports the schema messages by path for the form', () => {
    const sections = [{ ...newSection([]), questions: [newQuestion('single', [])] }];
    const errors = builderErrors({ ...template, title: '', sections });
    expect(errors.title).toBe('Bitte ausfüllen.');
    expect(errorAt(errors, 'sections.0.questions.0')).toBe('Bitte ausfüllen.');
    expect(errors['sections.0.questions.0.options.0.label']).toBe('Bitte ausfüllen.');
    expect(builderErrors(template)).toEqual({});
  });
});
