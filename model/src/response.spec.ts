import { describe, expect, it } from 'vitest';
import { questionSchema, type Question } from './questionnaire.ts';
import { answersSchemaFor } from './response.ts';

const questions: Question[] = [
  { id: 'bedarf', kind: 'text', label: 'Was fehlt?', required: true },
  {
    id: 'bereich',
    kind: 'multipleChoice',
    label: 'Bereiche',
    options: ['Kita', 'Schule', 'Arbeit'],
  },
  { id: 'zufrieden', kind: 'scale', label: 'Wie zufrieden?' },
  {
    id: 'traeger',
    kind: 'singleChoice',
    label: 'Träger',
    options: ['frei', 'kommunal'],
    required: true,
  },
].map((q) => questionSchema.parse(q));

const schema = answersSchemaFor(questions);

describe('answersSchemaFor', () => {
  it('accepts complete answers and fills unanswered optional questions', () => {
    expect(schema.parse({ bedarf: ' Sprachkurse ', traeger: 'frei' })).toEqual({
      bedarf: 'Sprachkurse',
      bereich: [],
      zufrieden: null,
      traeger: 'frei',
    });
  });

  it('names a required question left empty', () => {
    const result = schema.safeParse({ bedarf: '  ', traeger: 'frei' });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['bedarf']);
  });

  it('refuses choices that are not offered, scale values outside 1–5 and unknown questions', () => {
    const base = { bedarf: 'x', traeger: 'frei' };
    expect(schema.safeParse({ ...base, traeger: 'privat' }).success).toBe(false);
    expect(schema.safeParse({ ...base, bereich: ['Kita', 'Kita'] }).success).toBe(false);
    expect(schema.safeParse({ ...base, zufrieden: 6 }).success).toBe(false);
    expect(schema.safeParse({ ...base, extra: 'x' }).success).toBe(false);
  });
});
