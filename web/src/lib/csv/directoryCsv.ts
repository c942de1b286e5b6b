// Actors and offers as CSV rows, both ways: the columns of the export, and reading an import into
// inputs that the model's schemas check row by row (the migration path from Excel lists).
// Lists sit in one cell separated by commas; yes/no cells say "ja" or "nein"; numbers use the
// German decimal comma; status in German. Headers are matched ignoring case, umlaut spelling and
// punctuation, so "PLZ", "plz" and "Plz." all work.
import {
  ACTOR_KINDS,
  DIRECTORY_STATUSES,
  DIRECTORY_STATUS_LABELS,
  OFFER_TYPES,
  actorInputSchema,
  emptyActorFields,
  emptyOfferFields,
  fieldErrors,
  foldForSearch,
  nameKey,
  offerInputSchema,
  type ActorFields,
  type ActorWithId,
  type OfferFields,
  type OfferWithId,
} from '@knotenpunkt/model';

export type CsvEntity = 'actor' | 'offer';

/** What reading a cell needs besides the cell. */
export interface ReadContext {
  /** Networks of rows with an empty "Netzwerke" cell (the current network). */
  defaultNetworkIds: string[];
  /** The user's networks: every row must list at least one (rules would refuse it). */
  myNetworkIds: string[];
  /** Actors offers may name, by id or by name. */
  actors: readonly { id: string; name: string }[];
}

/** What writing a cell needs besides the entry. */
export interface WriteContext {
  actorNames: ReadonlyMap<string, string>;
}

type Target = Record<string, unknown>;

interface Column<E> {
  header: string;
  /** Other headers read as this column (older exports, common Excel headings). */
  aliases?: readonly string[];
  /** The input field the column fills (dotted), to place the schema's messages. */
  field?: string;
  write: (entry: E, ctx: WriteContext) => string;
  /** Fills `target` from the cell; returns a German message when the cell cannot be read. */
  read?: (
    target: Target,
    cell: string,
    ctx: ReadContext,
    row: Record<string, string>,
  ) => string | void;
}

// ---------------------------------------------------------------- cell formats

const LIST_SEPARATOR = ', ';

export function splitList(cell: string): string[] {
  return cell
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

const joinList = (items: readonly string[]) => items.join(LIST_SEPARATOR);

const YES = new Set(['ja', 'j', 'x', '1', 'true', 'wahr', 'yes']);
const NO = new Set(['', 'nein', 'n', '0', 'false', 'falsch', 'no', '-']);

export function readYesNo(cell: string): boolean | undefined {
  const value = foldForSearch(cell);
  if (YES.has(value)) return true;
  if (NO.has(value)) return false;
  return undefined;
}

const yesNo = (value: boolean) => (value ? 'ja' : 'nein');

/** "51,3817" or "51.3817" → 51.3817; undefined when it is no number. */
export function readDecimal(cell: string): number | undefined {
  const text = cell.trim().replace(/\s/g, '');
  if (!/^[+-]?\d+([.,]\d+)?$/.test(text)) return undefined;
  return Number(text.replace(',', '.'));
}

const decimal = (value: number) => String(value).replace('.', ',');

const dateFormat = new Intl.DateTimeFormat('de-DE', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'Europe/Berlin',
});
const date = (value: Date | null) => (value ? dateFormat.format(value) : '');

/** Maps cells to the allowed values ignoring case and umlaut spelling ("behoerde/kommune"). */
function readChoices(
  cell: string,
  allowed: readonly string[],
  what: string,
): { values: string[]; error?: string } {
  const byFolded = new Map(allowed.map((value) => [foldForSearch(value), value]));
  const values: string[] = [];
  const unknown: string[] = [];
  // Choices may contain "/" but never a comma, so the list splits safely.
  for (const item of splitList(cell)) {
    const match = byFolded.get(foldForSearch(item));
    if (match) values.push(match);
    else unknown.push(item);
  }
  if (unknown.length > 0) {
    return {
      values,
      error: `Unbekannte ${what} „${unknown.join('“, „')}“. Möglich: ${allowed.join(', ')}.`,
    };
  }
  return { values: [...new Set(values)] };
}

function readStatus(target: Target, cell: string): string | void {
  if (cell.trim() === '') {
    target.status = 'draft';
    return;
  }
  const folded = foldForSearch(cell);
  const status = DIRECTORY_STATUSES.find(
    (s) => s === folded || foldForSearch(DIRECTORY_STATUS_LABELS[s]) === folded,
  );
  if (!status) return 'Bitte „Entwurf“, „Veröffentlicht“ oder „Archiviert“ angeben.';
  target.status = status;
}

function readNetworks(target: Target, cell: string, ctx: ReadContext): string | void {
  const ids = splitList(cell);
  if (ids.length === 0) {
    target.networkIds = [...ctx.defaultNetworkIds];
    return;
  }
  target.networkIds = [...new Set(ids)];
  if (!ids.some((id) => ctx.myNetworkIds.includes(id))) {
    return `Mindestens eines Ihrer Netzwerke angeben (${ctx.myNetworkIds.join(', ')}) oder die Zelle leer lassen.`;
  }
}

function readFlag(key: string) {
  return (target: Target, cell: string): string | void => {
    const value = readYesNo(cell);
    if (value === undefined) return 'Bitte „ja“ oder „nein“ angeben.';
    target[key] = value;
  };
}

const text = (key: string) => (target: Target, cell: string) => {
  target[key] = cell;
};
const list = (key: string) => (target: Target, cell: string) => {
  target[key] = splitList(cell);
};
const nested = (key: string, inner: string) => (target: Target, cell: string) => {
  target[key] = { ...(target[key] as object), [inner]: cell };
};

function readCoordinate(axis: 'lat' | 'lng', otherHeader: string) {
  return (target: Target, cell: string, _ctx: ReadContext, row: Record<string, string>) => {
    if (cell.trim() === '') return;
    const value = readDecimal(cell);
    if (value === undefined) return 'Bitte eine Zahl angeben, z. B. 51,3817.';
    if ((row[otherHeader] ?? '').trim() === '') return 'Breiten- und Längengrad gehören zusammen.';
    const current = (target.coordinates as { lat: number; lng: number } | null) ?? {
      lat: 0,
      lng: 0,
    };
    target.coordinates = { ...current, [axis]: value };
  };
}

// ---------------------------------------------------------------- columns

const LAT = 'Breitengrad';
const LNG = 'Längengrad';

export const ACTOR_COLUMNS: readonly Column<ActorWithId>[] = [
  { header: 'ID', write: (a) => a.id },
  { header: 'Name', field: 'name', write: (a) => a.name, read: text('name') },
  {
    header: 'Art',
    aliases: ['Arten', 'Typ', 'Kategorie'],
    field: 'kinds',
    write: (a) => joinList(a.kinds),
    read: (t, cell) => {
      const { values, error } = readChoices(cell, ACTOR_KINDS, 'Art');
      t.kinds = values;
      return error;
    },
  },
  {
    header: 'Kurzbeschreibung',
    field: 'shortDescription',
    write: (a) => a.shortDescription,
    read: text('shortDescription'),
  },
  {
    header: 'Beschreibung',
    field: 'description',
    write: (a) => a.description,
    read: text('description'),
  },
  {
    header: 'Handlungsfelder',
    aliases: ['Handlungsfeld'],
    field: 'fieldsOfAction',
    write: (a) => joinList(a.fieldsOfAction),
    read: list('fieldsOfAction'),
  },
  {
    header: 'Zielgruppen',
    aliases: ['Zielgruppe'],
    field: 'targetGroups',
    write: (a) => joinList(a.targetGroups),
    read: list('targetGroups'),
  },
  {
    header: 'Sprachen',
    aliases: ['Sprache'],
    field: 'languages',
    write: (a) => joinList(a.languages),
    read: list('languages'),
  },
  {
    header: 'Straße',
    aliases: ['Strasse', 'Adresse', 'Straße und Hausnummer'],
    field: 'address.street',
    write: (a) => a.address.street,
    read: nested('address', 'street'),
  },
  {
    header: 'PLZ',
    aliases: ['Postleitzahl'],
    field: 'address.postalCode',
    write: (a) => a.address.postalCode,
    read: nested('address', 'postalCode'),
  },
  {
    header: 'Ort',
    aliases: ['Stadt'],
    field: 'address.city',
    write: (a) => a.address.city,
    read: nested('address', 'city'),
  },
  {
    header: LAT,
    aliases: ['Breite', 'lat'],
    field: 'coordinates',
    write: (a) => (a.coordinates ? decimal(a.coordinates.lat) : ''),
    read: readCoordinate('lat', LNG),
  },
  {
    header: LNG,
    aliases: ['Länge', 'lng', 'lon'],
    field: 'coordinates',
    write: (a) => (a.coordinates ? decimal(a.coordinates.lng) : ''),
    read: readCoordinate('lng', LAT),
  },
  {
    header: 'Gemeinde',
    aliases: ['Kommune'],
    field: 'municipality',
    write: (a) => a.municipality,
    read: text('municipality'),
  },
  {
    header: 'Stadtteil/Ortsteil',
    aliases: ['Stadtteil', 'Ortsteil'],
    field: 'district',
    write: (a) => a.district,
    read: text('district'),
  },
  {
    header: 'Website',
    aliases: ['Webseite', 'Internet', 'Homepage'],
    field: 'website',
    write: (a) => a.website,
    read: text('website'),
  },
  {
    header: 'Telefon (öffentlich)',
    aliases: ['Telefon'],
    field: 'publicContact.phone',
    write: (a) => a.publicContact.phone,
    read: nested('publicContact', 'phone'),
  },
  {
    header: 'E-Mail (öffentlich)',
    aliases: ['E-Mail', 'Email', 'Mail'],
    field: 'publicContact.email',
    write: (a) => a.publicContact.email,
    read: nested('publicContact', 'email'),
  },
  {
    header: 'Unterstützung gesucht',
    field: 'supportWanted',
    write: (a) => a.supportWanted,
    read: text('supportWanted'),
  },
  {
    header: 'Status',
    field: 'status',
    write: (a) => DIRECTORY_STATUS_LABELS[a.status],
    read: readStatus,
  },
  {
    header: 'Netzwerke',
    aliases: ['Netzwerk'],
    field: 'networkIds',
    write: (a) => joinList(a.networkIds),
    read: readNetworks,
  },
  { header: 'Zuletzt geändert', write: (a) => date(a.updatedAt) },
  { header: 'Zuletzt bestätigt', write: (a) => date(a.lastConfirmedAt) },
];

export const OFFER_COLUMNS: readonly Column<OfferWithId>[] = [
  { header: 'ID', write: (o) => o.id },
  {
    header: 'Titel',
    aliases: ['Name', 'Angebot'],
    field: 'title',
    write: (o) => o.title,
    read: text('title'),
  },
  {
    header: 'Akteure',
    aliases: ['Akteur', 'Träger', 'Anbieter'],
    field: 'actorIds',
    write: (o, ctx) => joinList(o.actorIds.map((id) => ctx.actorNames.get(id) ?? id)),
    read: (t, cell, ctx, row) => {
      // The ID column of an export is exact; names are for lists typed by hand.
      const ids = splitList(row['Akteur-IDs'] ?? '');
      if (ids.length > 0) {
        const unknown = ids.filter((id) => !ctx.actors.some((a) => a.id === id));
        t.actorIds = ids;
        if (unknown.length > 0) return `Unbekannte Akteur-ID „${unknown.join('“, „')}“.`;
        return;
      }
      const { ids: found, missing } = resolveActors(cell, ctx.actors);
      t.actorIds = found;
      if (missing.length > 0) {
        return `Akteur „${missing.join('“, „')}“ nicht gefunden. Bitte zuerst die Akteure anlegen oder importieren.`;
      }
    },
  },
  { header: 'Akteur-IDs', write: (o) => joinList(o.actorIds) },
  {
    header: 'Kurzbeschreibung',
    field: 'shortDescription',
    write: (o) => o.shortDescription,
    read: text('shortDescription'),
  },
  {
    header: 'Beschreibung',
    field: 'description',
    write: (o) => o.description,
    read: text('description'),
  },
  {
    header: 'Angebotsart',
    aliases: ['Angebotsarten', 'Art', 'Typ'],
    field: 'offerTypes',
    write: (o) => joinList(o.offerTypes),
    read: (t, cell) => {
      const { values, error } = readChoices(cell, OFFER_TYPES, 'Angebotsart');
      t.offerTypes = values;
      return error;
    },
  },
  {
    header: 'Handlungsfelder',
    aliases: ['Handlungsfeld'],
    field: 'fieldsOfAction',
    write: (o) => joinList(o.fieldsOfAction),
    read: list('fieldsOfAction'),
  },
  {
    header: 'Zielgruppen',
    aliases: ['Zielgruppe'],
    field: 'targetGroups',
    write: (o) => joinList(o.targetGroups),
    read: list('targetGroups'),
  },
  {
    header: 'Sprachen',
    aliases: ['Sprache'],
    field: 'languages',
    write: (o) => joinList(o.languages),
    read: list('languages'),
  },
  {
    header: 'Ort',
    aliases: ['Adresse', 'Veranstaltungsort'],
    field: 'place',
    write: (o) => o.place,
    read: text('place'),
  },
  {
    header: 'Zeiten',
    aliases: ['Termine', 'Zeit'],
    field: 'schedule',
    write: (o) => o.schedule,
    read: text('schedule'),
  },
  { header: 'Kosten', field: 'cost', write: (o) => o.cost, read: text('cost') },
  { header: 'Kostenlos', field: 'free', write: (o) => yesNo(o.free), read: readFlag('free') },
  {
    header: 'Anmeldung nötig',
    field: 'registrationRequired',
    write: (o) => yesNo(o.registrationRequired),
    read: readFlag('registrationRequired'),
  },
  {
    header: 'Anmeldung',
    field: 'registration',
    write: (o) => o.registration,
    read: text('registration'),
  },
  {
    header: 'Kinderbetreuung',
    field: 'childcare',
    write: (o) => yesNo(o.childcare),
    read: readFlag('childcare'),
  },
  {
    header: 'Barrierefrei',
    field: 'barrierFree',
    write: (o) => yesNo(o.barrierFree),
    read: readFlag('barrierFree'),
  },
  {
    header: 'Status',
    field: 'status',
    write: (o) => DIRECTORY_STATUS_LABELS[o.status],
    read: readStatus,
  },
  {
    header: 'Netzwerke',
    aliases: ['Netzwerk'],
    field: 'networkIds',
    write: (o) => joinList(o.networkIds),
    read: readNetworks,
  },
  { header: 'Zuletzt geändert', write: (o) => date(o.updatedAt) },
  { header: 'Zuletzt bestätigt', write: (o) => date(o.lastConfirmedAt) },
];

/**
 * Actors named in a cell: the whole cell as one name first (names may contain commas), else
 * each comma-separated part; by id, or by name ignoring case, accents, umlaut spelling and legal
 * form.
 */
export function resolveActors(
  cell: string,
  actors: readonly { id: string; name: string }[],
): { ids: string[]; missing: string[] } {
  const byName = new Map(actors.map((a) => [foldForSearch(a.name), a.id]));
  // Then without legal forms: "Café International" for "Café International e. V.".
  const byKey = new Map<string, string>();
  for (const a of actors) if (!byKey.has(nameKey(a.name))) byKey.set(nameKey(a.name), a.id);
  const find = (item: string) =>
    actors.find((a) => a.id === item)?.id ??
    byName.get(foldForSearch(item)) ??
    byKey.get(nameKey(item));
  const whole = cell.trim() ? find(cell.trim()) : undefined;
  if (whole) return { ids: [whole], missing: [] };
  const ids: string[] = [];
  const missing: string[] = [];
  for (const item of splitList(cell)) {
    const id = find(item);
    if (id) {
      if (!ids.includes(id)) ids.push(id);
    } else missing.push(item);
  }
  return { ids, missing };
}

// ---------------------------------------------------------------- export

export function actorsCsvRows(actors: readonly ActorWithId[], ctx: WriteContext) {
  return {
    header: ACTOR_COLUMNS.map((c) => c.header),
    rows: actors.map((a) => ACTOR_COLUMNS.map((c) => c.write(a, ctx))),
  };
}

export function offersCsvRows(offers: readonly OfferWithId[], ctx: WriteContext) {
  return {
    header: OFFER_COLUMNS.map((c) => c.header),
    rows: offers.map((o) => OFFER_COLUMNS.map((c) => c.write(o, ctx))),
  };
}

// ---------------------------------------------------------------- import

export interface RowReading<F> {
  /** The row's line in the file (the header is line 1). */
  line: number;
  /** Name or title as typed, for the preview. */
  label: string;
  /** The ID cell (an exported entry), if any. */
  id: string;
  /** The parsed input when the row is valid. */
  input: F | null;
  /** German messages, each naming its column. */
  errors: string[];
}

export interface HeaderMapping {
  /** Column index in the file → our header. */
  columns: Map<number, string>;
  /** Headers of the file nobody reads (shown as a hint). */
  ignored: string[];
  /** Headers the import needs but the file lacks. */
  missing: string[];
}

const fold = (header: string) => foldForSearch(header).replaceAll(' ', '');

export function mapHeaders(entity: CsvEntity, header: readonly string[]): HeaderMapping {
  const columns: readonly Column<never>[] = entity === 'actor' ? ACTOR_COLUMNS : OFFER_COLUMNS;
  const known = new Map<string, string>();
  // Own headers win over aliases (offers have "Ort" as header, actors as "Stadt" alias).
  for (const column of columns) known.set(fold(column.header), column.header);
  for (const column of columns) {
    for (const alias of column.aliases ?? []) {
      if (!known.has(fold(alias))) known.set(fold(alias), column.header);
    }
  }
  const mapped = new Map<number, string>();
  const ignored: string[] = [];
  header.forEach((cell, index) => {
    const ours = known.get(fold(cell));
    if (ours && ![...mapped.values()].includes(ours)) mapped.set(index, ours);
    else if (cell.trim()) ignored.push(cell.trim());
  });
  const required = entity === 'actor' ? ['Name', 'Art'] : ['Titel', 'Akteure', 'Angebotsart'];
  const present = new Set(mapped.values());
  const missing = required.filter(
    (h) => !present.has(h) && !(h === 'Akteure' && present.has('Akteur-IDs')),
  );
  return { columns: mapped, ignored, missing };
}

/** Which column a schema message belongs to: the longest field that prefixes its path. */
function headerForPath(columns: readonly Column<never>[], path: string): string {
  let best: Column<never> | undefined;
  for (const column of columns) {
    if (!column.field) continue;
    if (path === column.field || path.startsWith(`${column.field}.`)) {
      if (!best || column.field.length > (best.field?.length ?? 0)) best = column;
    }
  }
  return best?.header ?? path;
}

function readRows<F>(
  entity: CsvEntity,
  rows: readonly (readonly string[])[],
  mapping: HeaderMapping,
  ctx: ReadContext,
): RowReading<F>[] {
  const columns: readonly Column<never>[] = entity === 'actor' ? ACTOR_COLUMNS : OFFER_COLUMNS;
  const schema = entity === 'actor' ? actorInputSchema : offerInputSchema;
  return rows.map((cells, index) => {
    const row: Record<string, string> = {};
    for (const [col, header] of mapping.columns) row[header] = cells[col] ?? '';
    const target: Target =
      entity === 'actor'
        ? emptyActorFields(ctx.defaultNetworkIds)
        : emptyOfferFields(ctx.defaultNetworkIds);
    const errors: string[] = [];
    const failed = new Set<string>();
    for (const column of columns) {
      const cell = row[column.header];
      if (cell === undefined || !column.read) continue;
      const problem = column.read(target, cell, ctx, row);
      if (problem) {
        errors.push(`${column.header}: ${problem}`);
        failed.add(column.header);
      }
    }
    const parsed = schema.safeParse(target);
    if (!parsed.success) {
      for (const [path, message] of Object.entries(fieldErrors(parsed.error))) {
        const header = headerForPath(columns, path);
        // A cell that could not be read already says why.
        if (!failed.has(header)) {
          errors.push(`${header}: ${message}`);
          failed.add(header);
        }
      }
    }
    return {
      line: index + 2,
      label: row[entity === 'actor' ? 'Name' : 'Titel'] ?? '',
      id: row.ID ?? '',
      input: parsed.success && errors.length === 0 ? (parsed.data as F) : null,
      errors,
    };
  });
}

export function readActorRows(
  rows: readonly (readonly string[])[],
  mapping: HeaderMapping,
  ctx: ReadContext,
): RowReading<ActorFields>[] {
  return readRows<ActorFields>('actor', rows, mapping, ctx);
}

export function readOfferRows(
  rows: readonly (readonly string[])[],
  mapping: HeaderMapping,
  ctx: ReadContext,
): RowReading<OfferFields>[] {
  return readRows<OfferFields>('offer', rows, mapping, ctx);
}

// ---------------------------------------------------------------- template

const ACTOR_EXAMPLE: Record<string, string> = {
  Name: 'Beispielverein e. V.',
  Art: 'Verein, Initiative',
  Kurzbeschreibung: 'Begegnungscafé mit Sprachtreff',
  Handlungsfelder: 'Gesellschaftliche Teilhabe',
  Zielgruppen: 'Familien, Frauen',
  Sprachen: 'Deutsch, Arabisch',
  Straße: 'Marktplatz 1',
  PLZ: '58675',
  Ort: 'Hemerfeld',
  Website: 'https://beispielverein.example',
  'Telefon (öffentlich)': '02372 1234',
  'E-Mail (öffentlich)': 'info@beispielverein.example',
  Status: 'Entwurf',
};

const OFFER_EXAMPLE: Record<string, string> = {
  Titel: 'Sprachcafé',
  Akteure: 'Beispielverein e. V.',
  Kurzbeschreibung: 'Deutsch sprechen in entspannter Runde',
  Angebotsart: 'Sprachtreff, Begegnung',
  Sprachen: 'Deutsch',
  Ort: 'Bürgerhaus, Marktplatz 1, Hemerfeld',
  Zeiten: 'dienstags 15–17 Uhr',
  Kostenlos: 'ja',
  'Anmeldung nötig': 'nein',
  Kinderbetreuung: 'ja',
  Barrierefrei: 'ja',
  Status: 'Entwurf',
};

/** The importable columns with one example row, as a starting point for an Excel list. */
export function csvTemplate(entity: CsvEntity): { header: string[]; rows: string[][] } {
  const columns: readonly Column<never>[] = entity === 'actor' ? ACTOR_COLUMNS : OFFER_COLUMNS;
  const example = entity === 'actor' ? ACTOR_EXAMPLE : OFFER_EXAMPLE;
  const header = columns.filter((c) => c.read).map((c) => c.header);
  return { header, rows: [header.map((h) => example[h] ?? '')] };
}
