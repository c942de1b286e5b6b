// The preview of an import: every row ready, faulty or a duplicate, before anything is written.
// Duplicates are rows whose entry exists already (same ID, or the same name apart from case,
// accents and legal form; offers: the same title for the same actors) or that repeat an earlier
// row. They are skipped unless the coordinator asks otherwise; similar names only warn.
import { findSimilarNames, nameKey, type ActorFields, type OfferFields } from '@knotenpunkt/model';
import type { RowReading } from './directoryCsv.ts';

export type RowState = 'ready' | 'error' | 'duplicate';

export interface PlannedRow<F> extends RowReading<F> {
  state: RowState;
  /** Why the row is a duplicate (German). */
  duplicateOf: string;
  /** Names of existing entries close to this one (German hint, not blocking). */
  similar: string[];
}

export interface ImportPlan<F> {
  rows: PlannedRow<F>[];
  ready: number;
  errors: number;
  duplicates: number;
}

function summarise<F>(rows: PlannedRow<F>[]): ImportPlan<F> {
  return {
    rows,
    ready: rows.filter((r) => r.state === 'ready').length,
    errors: rows.filter((r) => r.state === 'error').length,
    duplicates: rows.filter((r) => r.state === 'duplicate').length,
  };
}

export function planActorImport(
  readings: readonly RowReading<ActorFields>[],
  existing: readonly { id: string; name: string }[],
): ImportPlan<ActorFields> {
  const byKey = new Map(existing.map((a) => [nameKey(a.name), a.name]));
  const ids = new Set(existing.map((a) => a.id));
  const seen = new Map<string, number>();
  const rows = readings.map((reading): PlannedRow<ActorFields> => {
    const base = { ...reading, duplicateOf: '', similar: [] as string[] };
    if (!reading.input) return { ...base, state: 'error' };
    const key = nameKey(reading.input.name);
    let duplicateOf = '';
    if (reading.id && ids.has(reading.id))
      duplicateOf = 'Diesen Eintrag (gleiche ID) gibt es schon.';
    else if (byKey.has(key)) duplicateOf = `Gibt es schon als „${byKey.get(key)}“.`;
    else if (seen.has(key)) duplicateOf = `Wie Zeile ${seen.get(key)} dieser Datei.`;
    if (!seen.has(key)) seen.set(key, reading.line);
    if (duplicateOf) return { ...base, state: 'duplicate', duplicateOf };
    const similar = findSimilarNames(reading.input.name, existing, (a) => a.name, { limit: 3 }).map(
      (match) => match.item.name,
    );
    return { ...base, state: 'ready', similar };
  });
  return summarise(rows);
}

const offerKey = (title: string, actorIds: readonly string[]) =>
  `${nameKey(title)}|${[...actorIds].sort().join(',')}`;

export function planOfferImport(
  readings: readonly RowReading<OfferFields>[],
  existing: readonly { id: string; title: string; actorIds: readonly string[] }[],
): ImportPlan<OfferFields> {
  const byKey = new Map(existing.map((o) => [offerKey(o.title, o.actorIds), o.title]));
  const ids = new Set(existing.map((o) => o.id));
  const seen = new Map<string, number>();
  const rows = readings.map((reading): PlannedRow<OfferFields> => {
    const base = { ...reading, duplicateOf: '', similar: [] as string[] };
    if (!reading.input) return { ...base, state: 'error' };
    const key = offerKey(reading.input.title, reading.input.actorIds);
    let duplicateOf = '';
    if (reading.id && ids.has(reading.id))
      duplicateOf = 'Diesen Eintrag (gleiche ID) gibt es schon.';
    else if (byKey.has(key))
      duplicateOf = `Gibt es schon als „${byKey.get(key)}“ desselben Akteurs.`;
    else if (seen.has(key)) duplicateOf = `Wie Zeile ${seen.get(key)} dieser Datei.`;
    if (!seen.has(key)) seen.set(key, reading.line);
    if (duplicateOf) return { ...base, state: 'duplicate', duplicateOf };
    return { ...base, state: 'ready' };
  });
  return summarise(rows);
}

/** The inputs to write: ready rows, and duplicates only when the coordinator wants them too. */
export function rowsToImport<F>(plan: ImportPlan<F>, includeDuplicates: boolean): PlannedRow<F>[] {
  return plan.rows.filter(
    (r) => r.input && (r.state === 'ready' || (includeDuplicates && r.state === 'duplicate')),
  );
}
