import { describe, expect, it } from 'vitest';
import { questionnaireInputSchema } from './questionnaire.ts';
import { checkAnswers, contributionOf, excerpt, TEXT_EXCERPT_MAX } from './response.ts';

const { sections } = questionnaireInputSchema.parse({
  title: 'T',
  sections: [
    {
      id: 's',
      questions: [
        { id: 'bedarf', kind: 'longText', label: 'Was fehlt?', required: true },
        {
          id: 'bereich',
          kind: 'multiple',
          label: 'Bereiche',
          options: [
            { id: 'kita', label: 'Kita' },
            { id: 'schule', label: 'Schule' },
          ],
          other: true,
        },
        {
          id: 'traeger',
          kind: 'single',
          label: 'Träger',
          options: [
            { id: 'frei', label: 'frei' },
            { id: 'kommunal', label: 'kommunal' },
          ],
          required: true,
        },
        { id: 'zufrieden', kind: 'likert', label: 'Wie zufrieden?' },
        {
          id: 'matrix',
          kind: 'matrix',
          label: 'Bewertung',
          rows: [
            { id: 'info', label: 'Information' },
            { id: 'treffen', label: 'Treffen' },
          ],
          required: true,
        },
        { id: 'anzahl', kind: 'number', label: 'Wie viele?', min: 0, max: 100 },
        { id: 'kurz', kind: 'shortText', label: 'Kurz' },
        {
          id: 'felder',
          kind: 'fieldOfAction',
          label: 'Handlungsfelder',
          options: [
            { id: 'wohnen', label: 'Wohnen' },
            { id: 'arbeit', label: 'Arbeitsmarkt' },
          ],
        },
      ],
    },
  ],
});

const complete = {
  bedarf: ' Sprachkurse ',
  traeger: { options: ['frei'], other: '' },
  matrix: { info: 4, treffen: 2 },
};

describe('checkAnswers for a submission', () => {
  it('accepts complete answers, trims texts and leaves unanswered questions out', () => {
    const result = checkAnswers(sections, { ...complete, kurz: '   ', anzahl: null }, 'submit');
    expect(result).toEqual({
      ok: true,
      answers: {
        bedarf: 'Sprachkurse',
        traeger: { options: ['frei'], other: '' },
        matrix: { info: 4, treffen: 2 },
      },
    });
  });

  it('names each required question left empty, also a matrix with a row missing', () => {
    const result = checkAnswers(sections, { bedarf: ' ', matrix: { info: 3 } }, 'submit');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.fields).toEqual({
      bedarf: 'Bitte beantworten Sie diese Frage.',
      traeger: 'Bitte beantworten Sie diese Frage.',
      matrix: 'Bitte beantworten Sie jede Zeile.',
    });
  });

  it('refuses unknown options, wrong types, values out of range, oversized text and unknown questions', () => {
    const cases: Array<[object, string, RegExp]> = [
      [{ traeger: { options: ['privat'], other: '' } }, 'traeger', /gibt es bei der Frage nicht/],
      [{ traeger: { options: ['frei', 'kommunal'], other: '' } }, 'traeger', /nur eine/],
      [{ traeger: 'frei' }, 'traeger', /Antwortmöglichkeiten/],
      [{ zufrieden: 6 }, 'zufrieden', /1 bis 5/],
      [{ zufrieden: '4' }, 'zufrieden', /1 bis 5/],
      [{ matrix: { info: 4, treffen: 2, extra: 1 } }, 'matrix', /Zeile gibt es/],
      [{ anzahl: 101 }, 'anzahl', /von 0 bis 100/],
      [{ anzahl: 2.5 }, 'anzahl', /ganze Zahl/],
      [{ kurz: 'x'.repeat(301) }, 'kurz', /Höchstens 300 Zeichen/],
      [{ bereich: { options: [], other: 'y'.repeat(301) } }, 'bereich', /höchstens 300/],
      [{ felder: { options: ['wohnen'], other: 'Sport' } }, 'felder', /nicht vorgesehen/],
      [{ unbekannt: 'x' }, 'unbekannt', /gibt es nicht/],
    ];
    for (const [extra, field, message] of cases) {
      const result = checkAnswers(sections, { ...complete, ...extra }, 'submit');
      expect(result.ok, field).toBe(false);
      expect(!result.ok && Object.keys(result.fields), field).toEqual([field]);
      expect(!result.ok && result.fields[field], field).toMatch(message);
    }
  });
});

describe('checkAnswers for a draft', () => {
  it('keeps incomplete answers and numbers outside the range, but not wrong shapes', () => {
    expect(checkAnswers(sections, { anzahl: 500, matrix: { info: 2 } }, 'draft')).toEqual({
      ok: true,
      answers: { anzahl: 500, matrix: { info: 2 } },
    });
    const bad = checkAnswers(sections, { anzahl: 'viele', kurz: 'ok' }, 'draft');
    expect(bad).toEqual({
      ok: false,
      answers: { kurz: 'ok' },
      fields: { anzahl: 'Bitte eine ganze Zahl angeben.' },
    });
  });
});

describe('contributionOf', () => {
  const answers = {
    bedarf: 'Räume',
    bereich: { options: ['kita', 'schule'], other: 'Hort' },
    traeger: { options: ['frei'], other: '' },
    zufrieden: 4,
    matrix: { info: 4, treffen: 2 },
    anzahl: 12,
    felder: { options: ['wohnen'], other: '' },
  };

  it('lists a counter key per answer and keeps the texts', () => {
    const c = contributionOf(sections, answers, null);
    expect(c.counts).toEqual({
      bedarf: ['_'],
      bereich: ['_', 'kita', 'schule', 'other'],
      traeger: ['_', 'frei'],
      zufrieden: ['_', '4'],
      matrix: ['_', 'info:4', 'treffen:2'],
      anzahl: ['_', '12'],
      felder: ['_', 'wohnen'],
    });
    expect(c.texts).toEqual({ bedarf: 'Räume', bereich: 'Hort' });
    expect(c.by).toBe('');
  });

  it('uses the answered Handlungsfelder, else the actor’s, and the actor kind only when identified', () => {
    const respondent = {
      invitationId: 'i1',
      name: 'Leyla Yıldız',
      actorId: 'kita-regenbogen',
      actorName: 'Kita Regenbogen',
      kinds: ['Kita'],
      fields: ['Bildung'],
    };
    expect(contributionOf(sections, answers, null).segments).toEqual(['field:Wohnen']);
    expect(contributionOf(sections, answers, respondent)).toMatchObject({
      segments: ['field:Wohnen', 'kind:Kita'],
      by: 'Kita Regenbogen',
    });
    expect(contributionOf(sections, { bedarf: 'x' }, respondent).segments).toEqual([
      'field:Bildung',
      'kind:Kita',
    ]);
  });

  it('shortens long texts for the results', () => {
    const long = 'a'.repeat(TEXT_EXCERPT_MAX + 10);
    expect(excerpt(long)).toHaveLength(TEXT_EXCERPT_MAX + 1);
    expect(contributionOf(sections, { bedarf: long }, null).texts.bedarf).toBe(excerpt(long));
  });
});
