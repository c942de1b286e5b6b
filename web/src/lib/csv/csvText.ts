// CSV as German Excel writes and reads it: UTF-8 with a byte order mark (without it Excel reads
// umlauts as Windows-1252), `;` between cells (`,` is the decimal separator there), CRLF line
// ends. Reading accepts `;` or `,` and tab, with or without BOM, since files come from anywhere.
import Papa from 'papaparse';

export const BOM = '\uFEFF';
export const CSV_MIME = 'text/csv;charset=utf-8';

// A cell that starts like a formula would be run by Excel when the file is opened (CSV
// injection: "=HYPERLINK(…)" in a proposed entry). Such cells get a leading apostrophe, which
// Excel shows as text; reading removes it again. Phone numbers ("+49 2371 …") stay as they are.
const FORMULA_START = /^[=@\t\r]|^[+-].*[^\d\s()/+-]/s;
const GUARDED = /^'(?=[=@\t\r+-])/;

export function guardFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function unguardFormula(cell: string): string {
  return cell.replace(GUARDED, '');
}

/** The whole file: BOM, header line, one line per row. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const body = Papa.unparse(
    { fields: [...header], data: rows.map((row) => row.map(guardFormula)) },
    { delimiter: ';', newline: '\r\n', quotes: false, header: true },
  );
  return `${BOM}${body}\r\n`;
}

/**
 * The text of an uploaded file. "CSV UTF-8" from Excel is UTF-8; plain "CSV" from German Excel
 * is Windows-1252, which would turn every umlaut into garbage if read as UTF-8.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export interface ParsedCsv {
  header: string[];
  /** Data rows (the header removed), every cell trimmed and unguarded; blank lines dropped. */
  rows: string[][];
  /** Problems of the file as a whole (German), e.g. an unclosed quote. */
  problems: string[];
}

/** Reads a CSV file's text. The separator is detected from the header line. */
export function parseCsv(text: string): ParsedCsv {
  const withoutBom = text.startsWith(BOM) ? text.slice(1) : text;
  const result = Papa.parse<string[]>(withoutBom, {
    delimitersToGuess: [';', ',', '\t'],
    skipEmptyLines: 'greedy',
  });
  const problems = result.errors
    .filter((e) => e.type === 'Quotes')
    .map((e) =>
      e.row === undefined
        ? 'Ein Anführungszeichen ist nicht geschlossen.'
        : `Zeile ${e.row + 1}: Ein Anführungszeichen ist nicht geschlossen.`,
    );
  const [header = [], ...rows] = result.data.map((row) =>
    row.map((cell) => unguardFormula(cell.trim())),
  );
  return { header, rows, problems };
}
