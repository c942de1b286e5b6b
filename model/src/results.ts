// The results (Auswertung) of a questionnaire: one summary document of counters kept exactly by
// adding and subtracting response contributions (response.ts), and the figures derived from it
// for charts, tables and the needs ↔ resources gap map. All arithmetic is pure and exact.
import { z } from 'zod';
import {
  OTHER_KEY,
  OTHER_LABEL,
  SCALE_POINTS,
  isChoiceKind,
  keySchema,
  questionsOf,
  sectionsSchema,
  type Question,
  type Section,
} from './questionnaire.ts';
import {
  ALL_SEGMENT,
  ANSWERED_KEY,
  type Answers,
  type ChoiceAnswer,
  type Contribution,
} from './response.ts';
import { int, optionalTimestamp } from './primitives.ts';

// ---------------------------------------------------------------- the summary document

const count = int(0, 100_000_000);

/** One breakdown (all responses, or those of an actor kind / Handlungsfeld). */
export const segmentTallySchema = z.strictObject({
  /** Responses in this breakdown. */
  n: count,
  /** Per question: counter key → responses (ANSWERED_KEY = answered the question). */
  counts: z.record(keySchema, z.record(z.string(), count)),
});
export type SegmentTally = z.infer<typeof segmentTallySchema>;

export const textEntrySchema = z.strictObject({
  t: z.string(),
  /** Actor or person; '' when anonymous. */
  by: z.string(),
  /** The response's breakdowns, so filtered views show the matching texts. */
  g: z.array(z.string()),
});
export type TextEntry = z.infer<typeof textEntrySchema>;

/** The counters and texts; the part a recount rebuilds and tests compare. */
export const tallySchema = z.strictObject({
  segments: z.record(z.string(), segmentTallySchema),
  /** Per question: response id → text entry. */
  texts: z.record(keySchema, z.record(z.string(), textEntrySchema)),
  /** Characters of all stored texts (to stay below the document size limit). */
  textChars: count,
  /** Texts left out because the summary reached TEXT_CHARS_BUDGET (counts stay exact). */
  textsOmitted: count,
});
export type Tally = z.infer<typeof tallySchema>;

/** What the aggregation did so far (for benchmarks and the "Neu berechnen" note). */
export const aggregationMetaSchema = z.strictObject({
  /** Transactions that changed the summary. */
  batches: count,
  /** Document reads and writes spent on aggregation (drains and recounts). */
  reads: count,
  writes: count,
  /** Response versions applied by the incremental aggregation. */
  applied: count,
  recountedAt: optionalTimestamp,
});
export type AggregationMeta = z.infer<typeof aggregationMetaSchema>;

/**
 * networks/{n}/questionnaires/{q}/results/summary: every figure of the results view in one
 * document, written only by functions, read by the network's coordinators.
 */
export const resultsSummarySchema = z.strictObject({
  ...tallySchema.shape,
  meta: aggregationMetaSchema,
  updatedAt: optionalTimestamp,
});
export type ResultsSummary = z.infer<typeof resultsSummarySchema>;

/** Stored texts stay below this many characters, keeping the summary far below 1 MiB. */
export const TEXT_CHARS_BUDGET = 400_000;

export function emptyTally(): Tally {
  return { segments: {}, texts: {}, textChars: 0, textsOmitted: 0 };
}

export function emptyMeta(): AggregationMeta {
  return { batches: 0, reads: 0, writes: 0, applied: 0, recountedAt: null };
}

export function respondentsOf(tally: Pick<Tally, 'segments'>): number {
  return tally.segments[ALL_SEGMENT]?.n ?? 0;
}

// ---------------------------------------------------------------- exact arithmetic

/** Raised when subtracting what was never added: the summary no longer matches the responses. */
export class TallyMismatchError extends Error {}

function bump(tally: Tally, segment: string, c: Contribution, sign: 1 | -1) {
  const seg = (tally.segments[segment] ??= { n: 0, counts: {} });
  seg.n += sign;
  if (seg.n < 0) throw new TallyMismatchError(`segment ${segment} below zero`);
  for (const [qid, keys] of Object.entries(c.counts)) {
    const q = (seg.counts[qid] ??= {});
    for (const key of keys) {
      const next = (q[key] ?? 0) + sign;
      if (next < 0) throw new TallyMismatchError(`${segment}/${qid}/${key} below zero`);
      if (next === 0) delete q[key];
      else q[key] = next;
    }
    if (Object.keys(q).length === 0) delete seg.counts[qid];
  }
  if (seg.n === 0) {
    if (Object.keys(seg.counts).length > 0)
      throw new TallyMismatchError(`segment ${segment} empty with counts left`);
    delete tally.segments[segment];
  }
}

/** Adds one response's contribution (in place; returns the tally). */
export function addContribution(tally: Tally, responseId: string, c: Contribution): Tally {
  for (const segment of [ALL_SEGMENT, ...c.segments]) bump(tally, segment, c, 1);
  for (const [qid, text] of Object.entries(c.texts)) {
    if (tally.textChars + text.length > TEXT_CHARS_BUDGET) {
      tally.textsOmitted++;
      continue;
    }
    (tally.texts[qid] ??= {})[responseId] = { t: text, by: c.by, g: [...c.segments] };
    tally.textChars += text.length;
  }
  return tally;
}

/** Subtracts a contribution added before (in place; returns the tally). */
export function removeContribution(tally: Tally, responseId: string, c: Contribution): Tally {
  for (const segment of [ALL_SEGMENT, ...c.segments]) bump(tally, segment, c, -1);
  for (const qid of Object.keys(c.texts)) {
    const entry = tally.texts[qid]?.[responseId];
    if (entry) {
      tally.textChars -= entry.t.length;
      delete tally.texts[qid]![responseId];
      if (Object.keys(tally.texts[qid]!).length === 0) delete tally.texts[qid];
    } else {
      if (tally.textsOmitted === 0) throw new TallyMismatchError(`text ${qid} missing`);
      tally.textsOmitted--;
    }
  }
  return tally;
}

/** An edit: the old contribution out, the new one in. */
export function replaceContribution(
  tally: Tally,
  responseId: string,
  before: Contribution | null,
  after: Contribution | null,
): Tally {
  if (before) removeContribution(tally, responseId, before);
  if (after) addContribution(tally, responseId, after);
  return tally;
}

/** The tally of these contributions from scratch (a recount), in id order. */
export function tallyOf(contributions: Iterable<[id: string, c: Contribution]>): Tally {
  const tally = emptyTally();
  const sorted = [...contributions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [id, c] of sorted) addContribution(tally, id, c);
  return tally;
}

/** Order-independent comparison of two tallies (what tests and the benchmark check). */
export function sameTally(a: Tally, b: Tally): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function tallyFromSummary(summary: ResultsSummary): Tally {
  const { segments, texts, textChars, textsOmitted } = summary;
  return { segments, texts, textChars, textsOmitted };
}

// ---------------------------------------------------------------- statistics from histograms

/** Histogram over values → how many. */
export type Histogram = ReadonlyMap<number, number>;

export function histogramTotal(h: Histogram): number {
  let n = 0;
  for (const c of h.values()) n += c;
  return n;
}

export function histogramMean(h: Histogram): number | null {
  let n = 0;
  let sum = 0;
  for (const [v, c] of h) {
    n += c;
    sum += v * c;
  }
  return n === 0 ? null : sum / n;
}

/** The median (the mean of the two middle values when the count is even). */
export function histogramMedian(h: Histogram): number | null {
  const n = histogramTotal(h);
  if (n === 0) return null;
  const sorted = [...h.entries()].filter(([, c]) => c > 0).sort(([a], [b]) => a - b);
  const at = (rank: number) => {
    let seen = 0;
    for (const [v, c] of sorted) {
      seen += c;
      if (seen >= rank) return v;
    }
    return sorted.at(-1)![0];
  };
  return n % 2 === 1 ? at((n + 1) / 2) : (at(n / 2) + at(n / 2 + 1)) / 2;
}

export interface NumberStats {
  count: number;
  sum: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  median: number | null;
}

export function numberStats(h: Histogram): NumberStats {
  let sum = 0;
  let min: number | null = null;
  let max: number | null = null;
  for (const [v, c] of h) {
    if (c <= 0) continue;
    sum += v * c;
    min = min === null ? v : Math.min(min, v);
    max = max === null ? v : Math.max(max, v);
  }
  return {
    count: histogramTotal(h),
    sum,
    min,
    max,
    mean: histogramMean(h),
    median: histogramMedian(h),
  };
}

export interface Bin {
  label: string;
  from: number;
  to: number;
  count: number;
}

/** Groups whole-number values into at most `maxBins` ranges of equal width for a bar chart. */
export function numberBins(h: Histogram, maxBins = 8): Bin[] {
  const { min, max } = numberStats(h);
  if (min === null || max === null) return [];
  const width = Math.max(1, Math.ceil((max - min + 1) / maxBins));
  const bins: Bin[] = [];
  for (let from = min; from <= max; from += width) {
    const to = Math.min(max, from + width - 1);
    bins.push({ label: from === to ? `${from}` : `${from}–${to}`, from, to, count: 0 });
  }
  for (const [v, c] of h) {
    const bin = bins[Math.floor((v - min) / width)];
    if (bin) bin.count += c;
  }
  return bins;
}

// ---------------------------------------------------------------- per-question figures

export interface Bar {
  key: string;
  label: string;
  count: number;
  /** count / answered (0…1); for multiple choice the shares add up to more than 1. */
  share: number;
}

export interface ScaleRow {
  key: string;
  label: string;
  /** Responses per scale point 1…5. */
  counts: number[];
  answered: number;
  mean: number | null;
  median: number | null;
}

export type QuestionFigures =
  | { kind: 'choice'; question: Question; answered: number; bars: Bar[] }
  | { kind: 'scale'; question: Question; answered: number; rows: ScaleRow[] }
  | { kind: 'number'; question: Question; answered: number; stats: NumberStats; bins: Bin[] }
  | { kind: 'text'; question: Question; answered: number };

function scaleRow(key: string, label: string, h: Map<number, number>): ScaleRow {
  const counts = Array.from({ length: SCALE_POINTS }, (_, i) => h.get(i + 1) ?? 0);
  return {
    key,
    label,
    counts,
    answered: histogramTotal(h),
    mean: histogramMean(h),
    median: histogramMedian(h),
  };
}

/** The figures of one question in one breakdown. */
export function questionFigures(q: Question, seg: SegmentTally | undefined): QuestionFigures {
  const counts = seg?.counts[q.id] ?? {};
  const answered = counts[ANSWERED_KEY] ?? 0;
  const share = (n: number) => (answered === 0 ? 0 : n / answered);
  if (isChoiceKind(q.kind)) {
    const bars: Bar[] = q.options.map((o) => ({
      key: o.id,
      label: o.label,
      count: counts[o.id] ?? 0,
      share: share(counts[o.id] ?? 0),
    }));
    if (q.other) {
      const n = counts[OTHER_KEY] ?? 0;
      bars.push({ key: OTHER_KEY, label: OTHER_LABEL, count: n, share: share(n) });
    }
    return { kind: 'choice', question: q, answered, bars };
  }
  if (q.kind === 'likert') {
    const h = new Map<number, number>();
    for (let v = 1; v <= SCALE_POINTS; v++) if (counts[v]) h.set(v, counts[v]!);
    return { kind: 'scale', question: q, answered, rows: [scaleRow(q.id, q.label, h)] };
  }
  if (q.kind === 'matrix') {
    const rows = q.rows.map((r) => {
      const h = new Map<number, number>();
      for (let v = 1; v <= SCALE_POINTS; v++) {
        const n = counts[`${r.id}:${v}`];
        if (n) h.set(v, n);
      }
      return scaleRow(r.id, r.label, h);
    });
    return { kind: 'scale', question: q, answered, rows };
  }
  if (q.kind === 'number') {
    const h = new Map<number, number>();
    for (const [key, n] of Object.entries(counts)) {
      if (key !== ANSWERED_KEY) h.set(Number(key), n);
    }
    return { kind: 'number', question: q, answered, stats: numberStats(h), bins: numberBins(h) };
  }
  return { kind: 'text', question: q, answered };
}

/** Texts of a question in a breakdown, e.g. for the list under a chart. */
export function textsOf(tally: Pick<Tally, 'texts'>, questionId: string, segment: string) {
  const entries = Object.entries(tally.texts[questionId] ?? {});
  return entries
    .filter(([, e]) => segment === ALL_SEGMENT || e.g.includes(segment))
    .map(([id, e]) => ({ id, text: e.t, by: e.by }))
    .sort((a, b) => a.text.localeCompare(b.text, 'de'));
}

// ---------------------------------------------------------------- breakdowns

export interface SegmentChoice {
  key: string;
  dimension: 'kind' | 'field';
  label: string;
  n: number;
}

/** The breakdowns present in the results (for the filter), by dimension and name. */
export function segmentsOf(tally: Pick<Tally, 'segments'>): SegmentChoice[] {
  const out: SegmentChoice[] = [];
  for (const [key, seg] of Object.entries(tally.segments)) {
    const m = /^(kind|field):(.+)$/.exec(key);
    if (m) out.push({ key, dimension: m[1] as 'kind' | 'field', label: m[2]!, n: seg.n });
  }
  return out.sort(
    (a, b) => a.dimension.localeCompare(b.dimension) || a.label.localeCompare(b.label, 'de'),
  );
}

// ---------------------------------------------------------------- needs ↔ resources

export interface MatchGroup {
  key: string;
  label: string;
  need: Question;
  offer: Question;
}

/** The match groups of a questionnaire (need and offer question of each). */
export function matchGroups(sections: readonly Section[]): MatchGroup[] {
  const groups = new Map<string, Partial<MatchGroup>>();
  for (const q of questionsOf({ sections })) {
    if (!q.match) continue;
    const g = groups.get(q.match.key) ?? { key: q.match.key, label: '' };
    g[q.match.side] = q;
    if (q.match.label) g.label = q.match.label;
    groups.set(q.match.key, g);
  }
  return [...groups.values()].filter((g): g is MatchGroup => !!g.need && !!g.offer);
}

/** "Dolmetschen Arabisch", or just the option when the group has no label. */
export function categoryLabel(group: Pick<MatchGroup, 'label'>, optionLabel: string): string {
  return group.label ? `${group.label} ${optionLabel}` : optionLabel;
}

export interface GapCell {
  need: number;
  offer: number;
}

export interface GapRow {
  group: string;
  option: string;
  label: string;
  /** Per Handlungsfeld (segment key) and in total. */
  cells: Record<string, GapCell>;
  total: GapCell;
}

export interface GapMap {
  /** Handlungsfelder present in the results, as columns. */
  fields: SegmentChoice[];
  rows: GapRow[];
}

/** How many respondents need vs offer each category, per Handlungsfeld and in total. */
export function gapMap(sections: readonly Section[], tally: Pick<Tally, 'segments'>): GapMap {
  const fields = segmentsOf(tally).filter((s) => s.dimension === 'field');
  const rows: GapRow[] = [];
  const cell = (segment: string, g: MatchGroup, option: string): GapCell => {
    const counts = tally.segments[segment]?.counts;
    return {
      need: counts?.[g.need.id]?.[option] ?? 0,
      offer: counts?.[g.offer.id]?.[option] ?? 0,
    };
  };
  for (const g of matchGroups(sections)) {
    for (const o of g.need.options) {
      rows.push({
        group: g.key,
        option: o.id,
        label: categoryLabel(g, o.label),
        cells: Object.fromEntries(fields.map((f) => [f.key, cell(f.key, g, o.id)])),
        total: cell(ALL_SEGMENT, g, o.id),
      });
    }
  }
  return { fields, rows };
}

/** A need without any offer, more needs than offers, balanced, or only offered. */
export function gapState(c: GapCell): 'gap' | 'short' | 'covered' | 'surplus' | 'none' {
  if (c.need === 0 && c.offer === 0) return 'none';
  if (c.offer === 0) return 'gap';
  if (c.need > c.offer) return 'short';
  if (c.need === 0) return 'surplus';
  return 'covered';
}

export interface Pairing {
  category: string;
  group: string;
  option: string;
  needBy: string;
  needActorId: string | null;
  offerBy: string;
  offerActorId: string | null;
}

export interface PairableResponse {
  id: string;
  answers: Answers;
  /** Actor (or person) name; pairings need identified responses. */
  by: string;
  actorId: string | null;
}

/**
 * Suggested pairings: every respondent needing a category with every other respondent offering
 * it ("Akteur A braucht Dolmetschen Arabisch — Akteur B bietet es an"). Identified only.
 */
export function pairings(
  sections: readonly Section[],
  responses: readonly PairableResponse[],
): Pairing[] {
  const out: Pairing[] = [];
  const picked = (r: PairableResponse, q: Question, option: string) =>
    ((r.answers[q.id] as ChoiceAnswer | undefined)?.options ?? []).includes(option);
  const same = (a: PairableResponse, b: PairableResponse) =>
    a.id === b.id || (a.actorId !== null && a.actorId === b.actorId);
  const who = (r: PairableResponse) => r.actorId ?? `response:${r.id}`;
  const seen = new Set<string>();
  for (const g of matchGroups(sections)) {
    for (const o of g.need.options) {
      const needs = responses.filter((r) => picked(r, g.need, o.id));
      const offers = responses.filter((r) => picked(r, g.offer, o.id));
      for (const n of needs) {
        for (const f of offers) {
          // Two contacts of one actor answering alike make one suggestion, not two.
          const key = `${g.key}\n${o.id}\n${who(n)}\n${who(f)}`;
          if (same(n, f) || seen.has(key)) continue;
          seen.add(key);
          out.push({
            category: categoryLabel(g, o.label),
            group: g.key,
            option: o.id,
            needBy: n.by,
            needActorId: n.actorId,
            offerBy: f.by,
            offerActorId: f.actorId,
          });
        }
      }
    }
  }
  return out.sort(
    (a, b) =>
      a.category.localeCompare(b.category, 'de') ||
      a.needBy.localeCompare(b.needBy, 'de') ||
      a.offerBy.localeCompare(b.offerBy, 'de'),
  );
}

// ---------------------------------------------------------------- published results

/** Breakdowns with fewer responses are left out of published results (they could identify). */
export const PUBLIC_SEGMENT_MIN = 3;

/**
 * networks/{n}/questionnaires/{q}/results/public: what respondents or the public see once the
 * questionnaire is closed: the questions and the counts (all responses, and Handlungsfelder with
 * at least PUBLIC_SEGMENT_MIN responses), never free texts, names or actor kinds.
 */
export const publicResultsSchema = z.strictObject({
  title: z.string(),
  intro: z.string(),
  networkName: z.string(),
  sections: sectionsSchema,
  segments: z.record(z.string(), segmentTallySchema),
  publishedAt: optionalTimestamp,
});
export type PublicResults = z.infer<typeof publicResultsSchema>;

export function publicResultsOf(
  q: { title: string; intro: string; sections: Section[] },
  networkName: string,
  tally: Pick<Tally, 'segments'>,
  now: Date,
): PublicResults {
  const segments = Object.fromEntries(
    Object.entries(tally.segments).filter(
      ([key, seg]) =>
        key === ALL_SEGMENT || (key.startsWith('field:') && seg.n >= PUBLIC_SEGMENT_MIN),
    ),
  );
  return {
    title: q.title,
    intro: q.intro,
    networkName,
    sections: q.sections,
    segments,
    publishedAt: now,
  };
}
