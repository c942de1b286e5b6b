import { describe, expect, it } from 'vitest';
import { mapHeaders, readActorRows, readOfferRows, type ReadContext } from './directoryCsv.ts';
import { parseCsv } from './csvText.ts';
import { planActorImport, planOfferImport, rowsToImport } from './importPlan.ts';

const ctx: ReadContext = {
  defaultNetworkIds: ['hemer'],
  myNetworkIds: ['hemer'],
  actors: [{ id: 'cafe', name: 'Café International e. V.' }],
};

function actorPlan(csv: string) {
  const parsed = parseCsv(csv);
  return planActorImport(readActorRows(parsed.rows, mapHeaders('actor', parsed.header), ctx), [
    { id: 'cafe', name: 'Café International e. V.' },
    { id: 'vhs', name: 'Volkshochschule Rheinwald' },
  ]);
}

describe('planActorImport', () => {
  const plan = actorPlan(
    'ID;Name;Art\n' +
      ';Nähcafé Rheinstadt;Initiative\n' +
      ';cafe international;Verein\n' +
      ';Nähcafé Rheinstadt e. V.;Verein\n' +
      ';;Verein\n' +
      'vhs;VHS;Bildungsträger\n' +
      ';Volkshochschule Rheinwlad;Bildungsträger\n',
  );

  it('counts ready, faulty and duplicate rows', () => {
    expect([plan.ready, plan.errors, plan.duplicates]).toEqual([2, 1, 3]);
    expect(plan.rows.map((r) => r.state)).toEqual([
      'ready',
      'duplicate',
      'duplicate',
      'error',
      'duplicate',
      'ready',
    ]);
  });

  it('says which entry or line a duplicate repeats', () => {
    expect(plan.rows[1]?.duplicateOf).toBe('Gibt es schon als „Café International e. V.“.');
    expect(plan.rows[2]?.duplicateOf).toBe('Wie Zeile 2 dieser Datei.');
    expect(plan.rows[4]?.duplicateOf).toBe('Diesen Eintrag (gleiche ID) gibt es schon.');
  });

  it('warns about similar names without blocking the row', () => {
    expect(plan.rows[5]?.similar).toEqual(['Volkshochschule Rheinwald']);
  });

  it('imports ready rows, and duplicates only when asked to', () => {
    expect(rowsToImport(plan, false).map((r) => r.line)).toEqual([2, 7]);
    expect(rowsToImport(plan, true).map((r) => r.line)).toEqual([2, 3, 4, 6, 7]);
  });
});

describe('planOfferImport', () => {
  it('calls an offer a duplicate when the same actor already has it', () => {
    const parsed = parseCsv(
      'Titel;Akteure;Angebotsart\nSprachcafé;Café International;Sprachtreff\nNähkurs;Café International;Bildung/Kurs\n',
    );
    const plan = planOfferImport(
      readOfferRows(parsed.rows, mapHeaders('offer', parsed.header), ctx),
      [{ id: 'o1', title: 'Sprachcafe', actorIds: ['cafe'] }],
    );
    expect(plan.rows.map((r) => r.state)).toEqual(['duplicate', 'ready']);
  });
});
