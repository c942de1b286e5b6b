import { describe, expect, it } from 'vitest';
import {
  checkAnswers,
  needsAndResourcesTemplate,
  questionnaireInputSchema,
} from '@knotenpunkt/model';
import { answersFromForm, formFromAnswers, parseWhole } from './answerForm.ts';

const { sections } = questionnaireInputSchema.parse(needsAndResourcesTemplate(['Wohnen']));

describe('the answering form', () => {
  it('turns stored answers into form values and back without loss', () => {
    const answers = {
      handlungsfelder: { options: ['wohnen'], other: '' },
      bedarf: { options: ['raeume'], other: 'Busse' },
      vernetzt: 4,
      reichweite: 1200,
      thema: 'Wohnen',
    };
    const form = formFromAnswers(sections, answers);
    expect(form.bedarf).toEqual({
      kind: 'choice',
      options: ['raeume'],
      otherChecked: true,
      other: 'Busse',
    });
    expect(answersFromForm(sections, form, 'submit')).toEqual(answers);
  });

  it('keeps a number that is not a number out of drafts but lets the check name it on submit', () => {
    const form = formFromAnswers(sections, {});
    form.reichweite = { kind: 'number', text: 'viele' };
    expect(answersFromForm(sections, form, 'draft')).toEqual({});
    const submit = answersFromForm(sections, form, 'submit');
    const check = checkAnswers(sections, submit, 'submit');
    expect(!check.ok && check.fields.reichweite).toBe('Bitte eine ganze Zahl angeben.');
  });

  it('forgets the "Sonstiges" text when its box is unticked', () => {
    const form = formFromAnswers(sections, { bedarf: { options: [], other: 'Busse' } });
    const choice = form.bedarf!;
    if (choice.kind === 'choice') choice.otherChecked = false;
    expect(answersFromForm(sections, form, 'draft')).toEqual({});
  });

  it('reads whole numbers with German thousands dots', () => {
    expect(parseWhole('1.200')).toBe(1200);
    expect(parseWhole(' 42 ')).toBe(42);
    expect(parseWhole('')).toBeNull();
    expect(parseWhole('3,5')).toBe('3,5');
  });
});
