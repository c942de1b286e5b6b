import { describe, expect, it } from 'vitest';
import { parseCsv } from '../csv/csvText.ts';
import { mapImportHeader, readImportRows, subscribersCsv } from './csv.ts';
import { subscriber } from './fixtures.ts';

describe('mapImportHeader', () => {
  it('recognises common German headings in any spelling', () => {
    const columns = mapImportHeader([
      'E-Mail-Adresse',
      'Vorname',
      'Nachname',
      'Einrichtung',
      'Notiz',
    ]);
    expect(columns.index).toEqual({ email: 0, firstName: 1, lastName: 2, organisation: 3 });
    expect(columns.ignored).toEqual(['Notiz']);
    expect(columns.missing).toEqual([]);
  });

  it('names the missing address column', () => {
    expect(mapImportHeader(['Name']).missing).toEqual(['E-Mail']);
  });
});

describe('readImportRows', () => {
  const file = parseCsv(
    '\uFEFFE-Mail;Name;Interessen\r\n' +
      'Anna@Example.de;Anna;Arbeitsmarkt, Wohnen\r\n' +
      'kein-at;Ben;\r\n' +
      'anna@example.de;Anna doppelt;\r\n' +
      'carla@example.de;Carla;\r\n',
  );

  it('checks each row, numbering lines as in the file', () => {
    const { rows } = readImportRows(file, new Map([['carla@example.de', 'confirmed']]));
    expect(rows.map((r) => [r.line, r.state])).toEqual([
      [2, 'ready'],
      [3, 'error'],
      [4, 'error'],
      [5, 'known'],
    ]);
    expect(rows[0]!.input).toEqual({
      email: 'anna@example.de',
      name: 'Anna',
      organisation: '',
      interests: ['Arbeitsmarkt', 'Wohnen'],
    });
    expect(rows[1]!.errors.email).toBe('Bitte eine gültige E-Mail-Adresse angeben.');
    expect(rows[2]!.errors.email).toBe('Doppelt in der Datei (schon in Zeile 2).');
    expect(rows[3]!.knownStatus).toBe('confirmed');
  });
});

describe('subscribersCsv', () => {
  it('writes German Excel CSV: BOM, semicolons, labels in German', () => {
    const csv = subscribersCsv([subscriber({ email: 'anna@example.de', name: 'Anna; B.' })]);
    expect(
      csv.startsWith(
        '\uFEFFE-Mail;Name;Organisation;Interessen;Zwecke;Status;Seit;Eingetragen am\r\n',
      ),
    ).toBe(true);
    expect(csv).toContain('anna@example.de;"Anna; B."');
    expect(csv).toContain(';Bestätigt;');
  });
});
