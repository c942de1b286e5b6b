import { describe, expect, it } from 'vitest';
import { BOM, decodeCsvBytes, guardFormula, parseCsv, toCsv, unguardFormula } from './csvText.ts';

describe('toCsv', () => {
  const csv = toCsv(
    ['Name', 'Ort'],
    [
      ['Café International e. V.', 'Hemerfeld'],
      ['Verein „Mriya“; Selbsthilfe', 'Rheinstadt'],
    ],
  );

  it('starts with a byte order mark and separates cells with semicolons', () => {
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1).split('\r\n')[0]).toBe('Name;Ort');
  });

  it('ends lines with CRLF and quotes cells that contain the separator', () => {
    expect(csv.slice(1)).toBe(
      'Name;Ort\r\nCafé International e. V.;Hemerfeld\r\n"Verein „Mriya“; Selbsthilfe";Rheinstadt\r\n',
    );
  });

  it('keeps line breaks inside a quoted cell', () => {
    const text = toCsv(['Beschreibung'], [['Zeile eins\nZeile zwei']]);
    expect(parseCsv(text).rows).toEqual([['Zeile eins\nZeile zwei']]);
  });
});

describe('formula guard', () => {
  it('defuses cells Excel would run as formulas', () => {
    expect(guardFormula('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(guardFormula('@SUMME(A1)')).toBe("'@SUMME(A1)");
    expect(guardFormula('-2+3+cmd|x')).toBe("'-2+3+cmd|x");
  });

  it('leaves phone numbers and plain text alone', () => {
    expect(guardFormula('+49 2371 12345')).toBe('+49 2371 12345');
    expect(guardFormula('(02371) 12-345')).toBe('(02371) 12-345');
    expect(guardFormula('Sprachcafé')).toBe('Sprachcafé');
  });

  it('is undone when reading', () => {
    for (const cell of ['=1+1', '@x', '-Hausaufgaben', '+49 2371', 'Text']) {
      expect(unguardFormula(guardFormula(cell))).toBe(cell);
    }
    expect(unguardFormula("'Apostroph vorn")).toBe("'Apostroph vorn");
  });
});

describe('parseCsv', () => {
  it('reads what toCsv wrote, with umlauts intact', () => {
    const parsed = parseCsv(
      toCsv(['Name', 'Sprachen'], [['Kita Größenwahn', 'Deutsch, Türkisch']]),
    );
    expect(parsed.header).toEqual(['Name', 'Sprachen']);
    expect(parsed.rows).toEqual([['Kita Größenwahn', 'Deutsch, Türkisch']]);
    expect(parsed.problems).toEqual([]);
  });

  it('detects commas as separator and skips blank lines', () => {
    const parsed = parseCsv('Name,Art\n"Kita Regenbogen",Kita\n\n  \nGrundschule am Park,Schule\n');
    expect(parsed.rows).toEqual([
      ['Kita Regenbogen', 'Kita'],
      ['Grundschule am Park', 'Schule'],
    ]);
  });

  it('trims cells', () => {
    expect(parseCsv('Name;Art\n  Kita  ; Kita \n').rows).toEqual([['Kita', 'Kita']]);
  });

  it('reports an unclosed quote', () => {
    expect(parseCsv('Name;Art\n"Kita;Kita\n').problems).toHaveLength(1);
  });
});

describe('decodeCsvBytes', () => {
  it('reads UTF-8, with or without byte order mark', () => {
    const bytes = new TextEncoder().encode(`${BOM}Name;Ort\nKita Größenwahn;Hemerfeld`);
    expect(parseCsv(decodeCsvBytes(bytes)).rows).toEqual([['Kita Größenwahn', 'Hemerfeld']]);
  });

  it('reads what German Excel saves as plain CSV (Windows-1252)', () => {
    // "Straße;Ort\nMarktstraße 1;Hemerfeld" in Windows-1252: ß is 0xDF.
    const text = 'Straße;Ort\nMarktstraße 1;Hemerfeld';
    const bytes = Uint8Array.from([...text].map((ch) => ch.charCodeAt(0)));
    expect(decodeCsvBytes(bytes)).toBe(text);
  });
});
