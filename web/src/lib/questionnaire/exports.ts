// CSV exports of a questionnaire's results: the aggregates of a breakdown, the raw answers
// (without identity when anonymous), the gap map and the suggested pairings. German Excel CSV
// (csvText.ts).
import {
  ALL_SEGMENT,
  OTHER_LABEL,
  SCALE_POINTS,
  gapMap,
  isChoiceKind,
  questionFigures,
  questionsOf,
  type Answers,
  type ChoiceAnswer,
  type Pairing,
  type Question,
  type Respondent,
  type Section,
  type Tally,
} from '@knotenpunkt/model';
import { toCsv } from '../csv/csvText.ts';
import { csvNumber } from './format.ts';

const AGG_HEADER = [
  'Frage',
  'Teilgruppe',
  'Antwort',
  'Anzahl',
  'Anteil (%)',
  'Mittelwert',
  'Median',
];
const percent = (share: number) => csvNumber(Math.round(share * 1000) / 10);

export function segmentName(segment: string): string {
  if (segment === ALL_SEGMENT) return 'Alle';
  const [dimension, ...rest] = segment.split(':');
  return `${dimension === 'kind' ? 'Art' : 'Handlungsfeld'}: ${rest.join(':')}`;
}

/** One line per option, scale point or statistic of every question in one breakdown. */
export function aggregatesCsv(sections: readonly Section[], tally: Tally, segment: string): string {
  const rows: string[][] = [];
  const who = segmentName(segment);
  for (const q of questionsOf({ sections })) {
    const f = questionFigures(q, tally.segments[segment]);
    if (f.kind === 'choice') {
      for (const b of f.bars) {
        rows.push([q.label, who, b.label, String(b.count), percent(b.share), '', '']);
      }
    } else if (f.kind === 'scale') {
      for (const r of f.rows) {
        const prefix = q.kind === 'matrix' ? `${r.label}: ` : '';
        r.counts.forEach((n, i) => {
          const label = q.scale[i] ? `${i + 1} (${q.scale[i]})` : String(i + 1);
          const share = r.answered ? n / r.answered : 0;
          rows.push([q.label, who, `${prefix}${label}`, String(n), percent(share), '', '']);
        });
        rows.push([
          q.label,
          who,
          `${prefix}gesamt`,
          String(r.answered),
          '',
          csvNumber(r.mean),
          csvNumber(r.median),
        ]);
      }
    } else if (f.kind === 'number') {
      const s = f.stats;
      const line = (label: string, value: number | null) =>
        rows.push([q.label, who, label, csvNumber(value), '', '', '']);
      line('Anzahl', s.count);
      line('Summe', s.sum);
      line('Kleinster Wert', s.min);
      line('Größter Wert', s.max);
      rows.push([
        q.label,
        who,
        'gesamt',
        String(s.count),
        '',
        csvNumber(s.mean),
        csvNumber(s.median),
      ]);
    } else {
      rows.push([q.label, who, 'Antworten (Freitext)', String(f.answered), '', '', '']);
    }
  }
  return toCsv(AGG_HEADER, rows);
}

function answerText(q: Question, value: Answers[string] | undefined): string[] {
  if (q.kind === 'matrix') {
    const rows = (value ?? {}) as Record<string, number>;
    return q.rows.map((r) => (rows[r.id] ? String(rows[r.id]) : ''));
  }
  if (value === undefined) return [''];
  if (isChoiceKind(q.kind)) {
    const choice = value as ChoiceAnswer;
    const labels = choice.options.map((id) => q.options.find((o) => o.id === id)?.label ?? id);
    if (choice.other) labels.push(`${OTHER_LABEL}: ${choice.other}`);
    return [labels.join(', ')];
  }
  return [String(value)];
}

export interface RawResponse {
  answers: Answers;
  respondent: Respondent | null;
}

/** One line per response; identified questionnaires start with actor and person. */
export function rawCsv(
  sections: readonly Section[],
  responses: readonly RawResponse[],
  anonymous: boolean,
): string {
  const questions = questionsOf({ sections });
  const header = [
    ...(anonymous ? [] : ['Akteur', 'Person']),
    ...questions.flatMap((q) =>
      q.kind === 'matrix' ? q.rows.map((r) => `${q.label} – ${r.label}`) : [q.label],
    ),
  ];
  const rows = responses.map((r) => [
    ...(anonymous ? [] : [r.respondent?.actorName ?? '', r.respondent?.name ?? '']),
    ...questions.flatMap((q) => answerText(q, r.answers[q.id])),
  ]);
  if (!anonymous) rows.sort((a, b) => a[0]!.localeCompare(b[0]!, 'de'));
  return toCsv(header, rows);
}

export function gapCsv(sections: readonly Section[], tally: Tally): string {
  const map = gapMap(sections, tally);
  const header = [
    'Kategorie',
    'Bedarf gesamt',
    'Angebot gesamt',
    ...map.fields.flatMap((f) => [`Bedarf ${f.label}`, `Angebot ${f.label}`]),
  ];
  const rows = map.rows.map((r) => [
    r.label,
    String(r.total.need),
    String(r.total.offer),
    ...map.fields.flatMap((f) => [String(r.cells[f.key]!.need), String(r.cells[f.key]!.offer)]),
  ]);
  return toCsv(header, rows);
}

export function pairingsCsv(list: readonly Pairing[]): string {
  return toCsv(
    ['Kategorie', 'Braucht', 'Bietet an'],
    list.map((p) => [p.category, p.needBy, p.offerBy]),
  );
}

/** Scale points 1 … 5 for table headers. */
export const SCALE_VALUES = Array.from({ length: SCALE_POINTS }, (_, i) => i + 1);
