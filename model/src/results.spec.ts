import { describe, expect, it } from 'vitest';
import { questionnaireInputSchema, questionsOf } from './questionnaire.ts';
import { needsAndResourcesTemplate } from './questionnaireTemplate.ts';
import { contributionOf, type Contribution } from './response.ts';
import {
  TEXT_CHARS_BUDGET,
  TallyMismatchError,
  addContribution,
  emptyTally,
  gapMap,
  gapState,
  histogramMean,
  histogramMedian,
  numberBins,
  numberStats,
  pairings,
  publicResultsOf,
  questionFigures,
  removeContribution,
  replaceContribution,
  respondentsOf,
  sameTally,
  segmentsOf,
  tallyOf,
  textsOf,
} from './results.ts';

const c = (counts: Record<string, string[]>, extra: Partial<Contribution> = {}): Contribution => ({
  segments: [],
  counts,
  texts: {},
  by: '',
  ...extra,
});

describe('adding and removing contributions', () => {
  it('adds counts per key, per breakdown and in total', () => {
    const t = emptyTally();
    addContribution(t, 'r1', c({ q: ['_', 'a'] }, { segments: ['kind:Verein'] }));
    addContribution(t, 'r2', c({ q: ['_', 'a', 'b'] }));
    expect(t.segments).toEqual({
      all: { n: 2, counts: { q: { _: 2, a: 2, b: 1 } } },
      'kind:Verein': { n: 1, counts: { q: { _: 1, a: 1 } } },
    });
    expect(respondentsOf(t)).toBe(2);
  });

  it('removing what was added leaves nothing behind, not even empty breakdowns', () => {
    const t = emptyTally();
    const one = c({ q: ['_', 'a'] }, { segments: ['field:Wohnen'], texts: { q: 'Hallo' } });
    addContribution(t, 'r1', one);
    removeContribution(t, 'r1', one);
    expect(t).toEqual(emptyTally());
  });

  it('an edit swaps the old answer for the new one', () => {
    const t = emptyTally();
    const before = c({ q: ['_', 'a'] }, { texts: { q: 'alt' } });
    const after = c({ q: ['_', 'b'] }, { texts: { q: 'neu' } });
    addContribution(t, 'r1', before);
    addContribution(t, 'r2', c({ q: ['_', 'a'] }));
    replaceContribution(t, 'r1', before, after);
    expect(t.segments.all).toEqual({ n: 2, counts: { q: { _: 2, a: 1, b: 1 } } });
    expect(t.texts).toEqual({ q: { r1: { t: 'neu', by: '', g: [] } } });
    expect(
      sameTally(
        t,
        tallyOf([
          ['r2', c({ q: ['_', 'a'] })],
          ['r1', after],
        ]),
      ),
    ).toBe(true);
  });

  it('refuses to subtract what was never added', () => {
    expect(() => removeContribution(emptyTally(), 'r1', c({ q: ['_'] }))).toThrow(
      TallyMismatchError,
    );
  });

  it('gives the same tally in any order of adds, removes and edits as a recount', () => {
    const pool = Array.from({ length: 40 }, (_, i) =>
      c(
        { q: ['_', `o${i % 3}`], n: ['_', String(i % 7)] },
        { segments: i % 2 ? ['kind:Kita'] : [], texts: i % 5 ? {} : { t: `Text ${i}` } },
      ),
    );
    const t = emptyTally();
    const current = new Map<string, Contribution>();
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    for (let step = 0; step < 400; step++) {
      const id = `r${rnd(15)}`;
      const next = rnd(4) === 0 ? null : pool[rnd(pool.length)]!;
      replaceContribution(t, id, current.get(id) ?? null, next);
      if (next) current.set(id, next);
      else current.delete(id);
    }
    expect(sameTally(t, tallyOf(current))).toBe(true);
  });

  it('leaves texts out beyond the budget but keeps counting them exactly', () => {
    const t = emptyTally();
    const big = 'x'.repeat(TEXT_CHARS_BUDGET - 5);
    const first = c({ q: ['_'] }, { texts: { q: big } });
    const second = c({ q: ['_'] }, { texts: { q: 'zu viel' } });
    addContribution(t, 'r1', first);
    addContribution(t, 'r2', second);
    expect(t.textsOmitted).toBe(1);
    expect(Object.keys(t.texts.q!)).toEqual(['r1']);
    removeContribution(t, 'r2', second);
    removeContribution(t, 'r1', first);
    expect(t).toEqual(emptyTally());
  });
});

describe('statistics from histograms', () => {
  const h = (entries: Array<[number, number]>) => new Map(entries);

  it('computes mean and median of a Likert histogram', () => {
    expect(
      histogramMean(
        h([
          [1, 1],
          [4, 2],
          [5, 1],
        ]),
      ),
    ).toBe(3.5);
    expect(
      histogramMedian(
        h([
          [1, 1],
          [4, 2],
          [5, 1],
        ]),
      ),
    ).toBe(4);
    expect(
      histogramMedian(
        h([
          [2, 1],
          [3, 1],
        ]),
      ),
    ).toBe(2.5);
    expect(
      histogramMedian(
        h([
          [1, 3],
          [5, 1],
        ]),
      ),
    ).toBe(1);
    expect(histogramMean(h([]))).toBeNull();
    expect(histogramMedian(h([]))).toBeNull();
  });

  it('gives count, sum, min, max, mean and median of numbers, and bins for a chart', () => {
    const values = h([
      [0, 1],
      [10, 2],
      [35, 1],
    ]);
    expect(numberStats(values)).toEqual({
      count: 4,
      sum: 55,
      min: 0,
      max: 35,
      mean: 13.75,
      median: 10,
    });
    const bins = numberBins(values, 4);
    expect(bins.map((b) => [b.label, b.count])).toEqual([
      ['0–8', 1],
      ['9–17', 2],
      ['18–26', 0],
      ['27–35', 1],
    ]);
  });
});

describe('figures, gap map and pairings of the template', () => {
  const q = questionnaireInputSchema.parse(needsAndResourcesTemplate(['Wohnen', 'Gesundheit']));
  const respondent = (name: string, actorId: string) => ({
    invitationId: actorId,
    name,
    actorId,
    actorName: name,
    kinds: ['Verein'],
    fields: [],
  });
  const answersA = {
    handlungsfelder: { options: ['wohnen'], other: '' },
    bedarf: { options: ['dolmetschen-und-sprachmittlung', 'raeume'], other: '' },
    'bedarf-sprachen': { options: ['arabisch'], other: '' },
    vernetzt: 2,
    zusammenarbeit: { 'den-netzwerktreffen': 5 },
    reichweite: 40,
    thema: 'Wohnungsmarkt',
  };
  const answersB = {
    handlungsfelder: { options: ['gesundheit'], other: '' },
    angebot: { options: ['dolmetschen-und-sprachmittlung'], other: '' },
    'angebot-sprachen': { options: ['arabisch', 'tigrinya'], other: '' },
    vernetzt: 5,
    reichweite: 10,
  };
  const tally = tallyOf([
    ['a', contributionOf(q.sections, answersA, respondent('Verein A', 'a'))],
    ['b', contributionOf(q.sections, answersB, respondent('Verein B', 'b'))],
  ]);
  const questions = questionsOf(q);
  const byId = (id: string) => questions.find((x) => x.id === id)!;

  it('shows counts and shares of choices, the scale histogram and number statistics', () => {
    const need = questionFigures(byId('bedarf'), tally.segments.all);
    expect(need.kind === 'choice' && need.bars.find((b) => b.key === 'raeume')).toMatchObject({
      count: 1,
      share: 1,
    });
    const scale = questionFigures(byId('vernetzt'), tally.segments.all);
    expect(scale.kind === 'scale' && scale.rows[0]).toMatchObject({
      counts: [0, 1, 0, 0, 1],
      mean: 3.5,
      median: 3.5,
    });
    const matrix = questionFigures(byId('zusammenarbeit'), tally.segments.all);
    expect(matrix.kind === 'scale' && matrix.rows.map((r) => r.answered)).toEqual([0, 1, 0]);
    const number = questionFigures(byId('reichweite'), tally.segments['field:Wohnen']);
    expect(number.kind === 'number' && number.stats).toMatchObject({ count: 1, mean: 40 });
    expect(textsOf(tally, 'thema', 'field:Gesundheit')).toEqual([]);
    expect(textsOf(tally, 'thema', 'all')).toEqual([
      { id: 'a', text: 'Wohnungsmarkt', by: 'Verein A' },
    ]);
  });

  it('sets needs beside offers per Handlungsfeld', () => {
    const map = gapMap(q.sections, tally);
    expect(map.fields.map((f) => f.label)).toEqual(['Gesundheit', 'Wohnen']);
    const arabic = map.rows.find((r) => r.label === 'Dolmetschen Arabisch')!;
    expect(arabic.total).toEqual({ need: 1, offer: 1 });
    expect(arabic.cells['field:Wohnen']).toEqual({ need: 1, offer: 0 });
    expect(arabic.cells['field:Gesundheit']).toEqual({ need: 0, offer: 1 });
    const rooms = map.rows.find((r) => r.label === 'Räume')!;
    expect(gapState(rooms.total)).toBe('gap');
    expect(gapState(map.rows.find((r) => r.label === 'Dolmetschen Tigrinya')!.total)).toBe(
      'surplus',
    );
    expect(segmentsOf(tally).map((s) => s.key)).toEqual([
      'field:Gesundheit',
      'field:Wohnen',
      'kind:Verein',
    ]);
  });

  it('suggests who could help whom, never an actor with itself', () => {
    const list = pairings(q.sections, [
      { id: 'a', answers: answersA, by: 'Verein A', actorId: 'a' },
      { id: 'b', answers: answersB, by: 'Verein B', actorId: 'b' },
      { id: 'b2', answers: { ...answersB, bedarf: answersA.bedarf }, by: 'Verein B', actorId: 'b' },
    ]);
    expect(
      list.map((p) => `${p.needBy} braucht ${p.category} — ${p.offerBy} bietet es an`),
    ).toEqual([
      'Verein A braucht Dolmetschen Arabisch — Verein B bietet es an',
      'Verein A braucht Dolmetschen und Sprachmittlung — Verein B bietet es an',
    ]);
  });

  it('publishes counts of all responses and of large enough Handlungsfelder only', () => {
    const published = publicResultsOf(q, 'Netzwerk', tally, new Date('2026-12-01'));
    expect(Object.keys(published.segments)).toEqual(['all']);
    expect(JSON.stringify(published)).not.toContain('Verein A');
    expect(JSON.stringify(published)).not.toContain('Wohnungsmarkt');
  });
});
