import { describe, expect, it } from 'vitest';
import { acceptsAnswers, questionnaireInputSchema } from './questionnaire.ts';

const choice = {
  id: 'angebot',
  kind: 'singleChoice',
  label: 'Gibt es ein Angebot?',
  options: ['Ja', 'Nein'],
};

describe('questionnaireInputSchema', () => {
  it('starts as a named, non-anonymous draft without public results', () => {
    const q = questionnaireInputSchema.parse({ title: 'Bedarfe und Ressourcen 2026' });
    expect(q).toMatchObject({
      status: 'draft',
      anonymous: false,
      resultsPublic: false,
      questions: [],
    });
  });

  it('needs two options for a choice question', () => {
    const result = questionnaireInputSchema.safeParse({
      title: 'T',
      questions: [{ ...choice, options: ['Ja'] }],
    });
    expect(result.error?.issues[0]?.path).toEqual(['questions', 0, 'options']);
  });

  it('refuses two questions with the same id', () => {
    const result = questionnaireInputSchema.safeParse({ title: 'T', questions: [choice, choice] });
    expect(result.error?.issues[0]?.message).toBe('Jede Frage braucht eine eigene Kennung.');
  });
});

describe('acceptsAnswers', () => {
  const now = new Date('2026-12-01T12:00:00Z');

  it('accepts while open and before the deadline', () => {
    expect(acceptsAnswers({ status: 'open', deadline: null }, now)).toBe(true);
    expect(acceptsAnswers({ status: 'open', deadline: new Date('2026-12-02') }, now)).toBe(true);
  });

  it('refuses drafts, closed questionnaires and late answers', () => {
    expect(acceptsAnswers({ status: 'draft', deadline: null }, now)).toBe(false);
    expect(acceptsAnswers({ status: 'closed', deadline: null }, now)).toBe(false);
    expect(acceptsAnswers({ status: 'open', deadline: new Date('2026-11-30') }, now)).toBe(false);
  });
});
