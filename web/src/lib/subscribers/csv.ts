// The distribution list as CSV, both ways (German Excel: UTF-8 with BOM, ";"; see csvText.ts):
// the export of the list and of the volunteers, and reading an import into rows that the model's
// schema checks one by one, with a German message per row and field.
import {
  IMPORT_ROWS_MAX,
  SUBSCRIBER_STATUS_LABELS,
  fieldErrors,
  foldForSearch,
  subscriberInputSchema,
  type SubscriberFields,
  type SubscriberStatus,
  type SubscriberWithId,
} from '@knotenpunkt/model';
import { toCsv, type ParsedCsv } from '../csv/csvText.ts';
import { purposesLabel, statusSince } from './list.ts';

const day = (date: Date | null | undefined) =>
  date ? date.toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin' }) : '';

export const EXPORT_HEADER = [
  'E-Mail',
  'Name',
  'Organisation',
  'Interessen',
  'Zwecke',
  'Status',
  'Seit',
  'Eingetragen am',
] as const;

export function subscribersCsv(list: readonly SubscriberWithId[]): string {
  return toCsv(
    EXPORT_HEADER,
    list.map((s) => [
      s.email,
      s.name,
      s.organisation,
      s.interests.join(', '),
      purposesLabel(s),
      SUBSCRIBER_STATUS_LABELS[s.status],
      day(statusSince(s)),
      day(s.createdAt),
    ]),
  );
}

export function volunteersCsv(list: readonly SubscriberWithId[]): string {
  return toCsv(
    [
      'E-Mail',
      'Name',
      'Organisation',
      'Telefon',
      'Handlungsfelder',
      'Sprachen',
      'Verfügbarkeit',
      'Kontaktiert',
      'Notiz',
    ],
    list.map((s) => [
      s.email,
      s.name,
      s.organisation,
      s.volunteer?.phone ?? '',
      (s.volunteer?.fieldsOfAction ?? []).join(', '),
      (s.volunteer?.languages ?? []).join(', '),
      s.volunteer?.availability ?? '',
      s.contactNote?.contacted ? 'ja' : 'nein',
      s.contactNote?.note ?? '',
    ]),
  );
}

// ---------------------------------------------------------------- import

type Column = 'email' | 'name' | 'organisation' | 'interests' | 'firstName' | 'lastName';

const HEADERS: Record<string, Column> = {
  email: 'email',
  'e mail': 'email',
  'e mail adresse': 'email',
  emailadresse: 'email',
  mail: 'email',
  adresse: 'email',
  name: 'name',
  'vor und nachname': 'name',
  vorname: 'firstName',
  nachname: 'lastName',
  organisation: 'organisation',
  einrichtung: 'organisation',
  institution: 'organisation',
  verein: 'organisation',
  interessen: 'interests',
  interesse: 'interests',
  themen: 'interests',
};

const headerKey = (header: string) =>
  foldForSearch(header)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export interface ImportColumns {
  /** Column index per known column. */
  index: Partial<Record<Column, number>>;
  /** Headers that are not read. */
  ignored: string[];
  /** Problems that stop the import (German). */
  missing: string[];
}

export function mapImportHeader(header: readonly string[]): ImportColumns {
  const index: Partial<Record<Column, number>> = {};
  const ignored: string[] = [];
  header.forEach((h, i) => {
    const column = HEADERS[headerKey(h)];
    if (column && index[column] === undefined) index[column] = i;
    else if (h.trim()) ignored.push(h.trim());
  });
  return { index, ignored, missing: index.email === undefined ? ['E-Mail'] : [] };
}

export type ImportRowState = 'ready' | 'error' | 'known';

export interface ImportRow {
  /** Line in the file (the header is line 1). */
  line: number;
  email: string;
  input: SubscriberFields | null;
  state: ImportRowState;
  /** Field → German message. */
  errors: Record<string, string>;
  /** For known addresses: their status in the list. */
  knownStatus: SubscriberStatus | null;
}

const FIELD_LABELS: Record<string, string> = {
  email: 'E-Mail',
  name: 'Name',
  organisation: 'Organisation',
  interests: 'Interessen',
};

export function fieldLabel(path: string): string {
  return FIELD_LABELS[path.split('.')[0] ?? ''] ?? path;
}

/** Reads and checks every row; duplicates in the file and addresses already listed are marked. */
export function readImportRows(
  parsed: Pick<ParsedCsv, 'header' | 'rows'>,
  known: ReadonlyMap<string, SubscriberStatus>,
): { columns: ImportColumns; rows: ImportRow[]; tooMany: boolean } {
  const columns = mapImportHeader(parsed.header);
  if (columns.missing.length > 0) return { columns, rows: [], tooMany: false };
  const cell = (row: readonly string[], column: Column) => {
    const i = columns.index[column];
    return i === undefined ? '' : (row[i] ?? '').trim();
  };
  const seen = new Map<string, number>();
  const rows = parsed.rows.map((row, i): ImportRow => {
    const line = i + 2;
    const name =
      cell(row, 'name') ||
      [cell(row, 'firstName'), cell(row, 'lastName')].filter(Boolean).join(' ');
    const candidate = {
      email: cell(row, 'email'),
      name,
      organisation: cell(row, 'organisation'),
      interests: cell(row, 'interests')
        .split(/[,;|]/)
        .map((v) => v.trim())
        .filter(Boolean),
    };
    const result = subscriberInputSchema.safeParse(candidate);
    if (!result.success) {
      return {
        line,
        email: candidate.email,
        input: null,
        state: 'error',
        errors: fieldErrors(result.error),
        knownStatus: null,
      };
    }
    const email = result.data.email;
    const first = seen.get(email);
    if (first !== undefined) {
      return {
        line,
        email,
        input: null,
        state: 'error',
        errors: { email: `Doppelt in der Datei (schon in Zeile ${first}).` },
        knownStatus: null,
      };
    }
    seen.set(email, line);
    const knownStatus = known.get(email) ?? null;
    return {
      line,
      email,
      input: result.data,
      state: knownStatus ? 'known' : 'ready',
      errors: {},
      knownStatus,
    };
  });
  return { columns, rows, tooMany: rows.length > IMPORT_ROWS_MAX };
}

/** A file to start from. */
export function importTemplate(): string {
  return toCsv(
    ['E-Mail', 'Name', 'Organisation', 'Interessen'],
    [
      ['anna.beispiel@example.de', 'Anna Beispiel', 'Kita Regenbogen', 'Arbeitsmarkt, Wohnen'],
      ['b.yilmaz@example.de', 'Berkan Yılmaz', '', ''],
    ],
  );
}
