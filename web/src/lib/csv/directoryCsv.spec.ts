import { describe, expect, it } from 'vitest';
import {
  actorInputSchema,
  offerInputSchema,
  type ActorWithId,
  type OfferWithId,
} from '@knotenpunkt/model';
import { parseCsv, toCsv } from './csvText.ts';
import {
  actorsCsvRows,
  csvTemplate,
  mapHeaders,
  offersCsvRows,
  readActorRows,
  readDecimal,
  readOfferRows,
  readYesNo,
  resolveActors,
  splitList,
  type ReadContext,
} from './directoryCsv.ts';

const T = new Date('2026-03-05T10:00:00Z');
const ctx: ReadContext = {
  defaultNetworkIds: ['hemer'],
  myNetworkIds: ['hemer', 'rheinwald'],
  actors: [
    { id: 'cafe', name: 'Café International e. V.' },
    { id: 'kita', name: 'Kita Regenbogen' },
    { id: 'komma', name: 'Beratung, Bildung und mehr' },
  ],
};

const cafe: ActorWithId = {
  ...actorInputSchema.parse({
    name: 'Café International e. V.',
    kinds: ['Verein', 'Initiative'],
    languages: ['Deutsch', 'Arabisch'],
    address: { street: 'Marktplatz 1', postalCode: '58675', city: 'Hemerfeld' },
    coordinates: { lat: 51.3817, lng: 7.7712 },
    publicContact: { phone: '+49 2372 1234', email: 'info@cafe.example' },
    supportWanted: 'Ehrenamtliche',
    status: 'published',
    networkIds: ['hemer'],
  }),
  id: 'cafe',
  lastConfirmedAt: null,
  createdAt: T,
  updatedAt: T,
  updatedBy: 'u1',
};

const sprachcafe: OfferWithId = {
  ...offerInputSchema.parse({
    actorIds: ['cafe', 'kita'],
    title: 'Sprachcafé',
    offerTypes: ['Sprachtreff'],
    free: true,
    childcare: true,
    networkIds: ['hemer'],
  }),
  id: 'sprachcafe',
  lastConfirmedAt: T,
  createdAt: T,
  updatedAt: T,
  updatedBy: 'u1',
};

/** Reads a file's text as the import does. */
function readActors(csv: string) {
  const parsed = parseCsv(csv);
  return readActorRows(parsed.rows, mapHeaders('actor', parsed.header), ctx);
}

function readOffers(csv: string) {
  const parsed = parseCsv(csv);
  return readOfferRows(parsed.rows, mapHeaders('offer', parsed.header), ctx);
}

describe('cell formats', () => {
  it('splits lists at commas and line breaks', () => {
    expect(splitList('Deutsch, Arabisch,,\nFarsi ')).toEqual(['Deutsch', 'Arabisch', 'Farsi']);
  });

  it('reads yes and no in the usual spellings', () => {
    expect(['ja', 'Ja', 'x', '1', 'WAHR'].map(readYesNo)).toEqual([true, true, true, true, true]);
    expect(['nein', '', '0', 'falsch'].map(readYesNo)).toEqual([false, false, false, false]);
    expect(readYesNo('vielleicht')).toBeUndefined();
  });

  it('reads decimal commas and points', () => {
    expect(readDecimal('51,3817')).toBe(51.3817);
    expect(readDecimal('7.77')).toBe(7.77);
    expect(readDecimal('-0,5')).toBe(-0.5);
    expect(readDecimal('Nord')).toBeUndefined();
  });
});

describe('actor export', () => {
  const { header, rows } = actorsCsvRows([cafe], { actorNames: new Map() });

  it('has German headers and German cell formats', () => {
    expect(header.slice(0, 3)).toEqual(['ID', 'Name', 'Art']);
    const cell = (h: string) => rows[0]?.[header.indexOf(h)];
    expect(cell('Art')).toBe('Verein, Initiative');
    expect(cell('Breitengrad')).toBe('51,3817');
    expect(cell('Status')).toBe('Veröffentlicht');
    expect(cell('Zuletzt geändert')).toBe('05.03.2026');
    expect(cell('Zuletzt bestätigt')).toBe('');
  });

  it('reads back into the same actor', () => {
    const [row] = readActors(toCsv(header, rows));
    expect(row?.errors).toEqual([]);
    const {
      id: _id,
      lastConfirmedAt: _l,
      createdAt: _c,
      updatedAt: _u,
      updatedBy: _b,
      ...input
    } = cafe;
    expect(row?.input).toEqual(input);
    expect(row?.id).toBe('cafe');
  });
});

describe('offer export', () => {
  const actorNames = new Map([
    ['cafe', 'Café International e. V.'],
    ['kita', 'Kita Regenbogen'],
  ]);
  const { header, rows } = offersCsvRows([sprachcafe], { actorNames });

  it('names the actors and keeps their ids', () => {
    const cell = (h: string) => rows[0]?.[header.indexOf(h)];
    expect(cell('Akteure')).toBe('Café International e. V., Kita Regenbogen');
    expect(cell('Akteur-IDs')).toBe('cafe, kita');
    expect(cell('Kostenlos')).toBe('ja');
    expect(cell('Barrierefrei')).toBe('nein');
  });

  it('reads back into the same offer', () => {
    const [row] = readOffers(toCsv(header, rows));
    expect(row?.errors).toEqual([]);
    expect(row?.input).toMatchObject({
      actorIds: ['cafe', 'kita'],
      title: 'Sprachcafé',
      free: true,
      childcare: true,
      barrierFree: false,
    });
  });
});

describe('reading an import', () => {
  it('matches headers ignoring case, umlaut spelling and punctuation, and names the rest', () => {
    const mapping = mapHeaders('actor', ['name', 'ART', 'Strasse', 'plz.', 'Bemerkung']);
    expect([...mapping.columns.values()]).toEqual(['Name', 'Art', 'Straße', 'PLZ']);
    expect(mapping.ignored).toEqual(['Bemerkung']);
    expect(mapping.missing).toEqual([]);
  });

  it('names required columns the file lacks', () => {
    expect(mapHeaders('actor', ['Name']).missing).toEqual(['Art']);
    expect(mapHeaders('offer', ['Titel', 'Akteur-IDs', 'Angebotsart']).missing).toEqual([]);
  });

  it('fills defaults: draft, the current network, empty fields', () => {
    const [row] = readActors('Name;Art\nNähcafé;initiative\n');
    expect(row?.input).toMatchObject({
      name: 'Nähcafé',
      kinds: ['Initiative'],
      status: 'draft',
      networkIds: ['hemer'],
      coordinates: null,
    });
  });

  it('reports each faulty cell with its column and line, in German', () => {
    const rows = readActors(
      'Name;Art;PLZ;Website;Status\n' +
        'Gut;Verein;58675;https://gut.example;Entwurf\n' +
        ';Partei;123;gut.example;gelöscht\n',
    );
    expect(rows[0]?.errors).toEqual([]);
    const bad = rows[1];
    expect(bad?.line).toBe(3);
    expect(bad?.input).toBeNull();
    expect(bad?.errors).toEqual([
      expect.stringMatching(/^Art: Unbekannte Art „Partei“/),
      expect.stringMatching(/^Status: Bitte „Entwurf“/),
      'Name: Bitte ausfüllen.',
      'PLZ: Bitte eine fünfstellige Postleitzahl angeben.',
      'Website: Bitte eine Adresse beginnend mit https:// angeben.',
    ]);
  });

  it('refuses rows that list none of the user’s networks', () => {
    const [row] = readActors('Name;Art;Netzwerke\nKita;Kita;fremd\n');
    expect(row?.errors).toEqual([expect.stringMatching(/^Netzwerke: Mindestens eines Ihrer/)]);
  });

  it('needs both coordinates or none', () => {
    const [row] = readActors('Name;Art;Breitengrad;Längengrad\nKita;Kita;51,3;\n');
    expect(row?.errors).toEqual(['Breitengrad: Breiten- und Längengrad gehören zusammen.']);
  });

  it('finds an offer’s actors by name and reports unknown ones', () => {
    const rows = readOffers(
      'Titel;Akteure;Angebotsart;Kostenlos\n' +
        'Elterncafé;kita regenbogen;Begegnung;ja\n' +
        'Nähkurs;Unbekannter Verein;Bildung/Kurs;vielleicht\n',
    );
    expect(rows[0]?.input?.actorIds).toEqual(['kita']);
    expect(rows[1]?.errors).toEqual([
      expect.stringMatching(/^Akteure: Akteur „Unbekannter Verein“ nicht gefunden/),
      'Kostenlos: Bitte „ja“ oder „nein“ angeben.',
    ]);
  });
});

describe('resolveActors', () => {
  it('takes a name with a comma as a whole before splitting', () => {
    expect(resolveActors('Beratung, Bildung und mehr', ctx.actors).ids).toEqual(['komma']);
    expect(resolveActors('Cafe International e. V., kita', ctx.actors)).toEqual({
      ids: ['cafe', 'kita'],
      missing: [],
    });
  });
});

describe('csvTemplate', () => {
  it('lists the importable columns with an example that imports cleanly', () => {
    const template = csvTemplate('actor');
    expect(template.header).not.toContain('ID');
    expect(template.header).not.toContain('Zuletzt geändert');
    const [row] = readActors(toCsv(template.header, template.rows));
    expect(row?.errors).toEqual([]);
    expect(row?.input?.name).toBe('Beispielverein e. V.');
  });

  it('has an offer example whose actor is the actor example', () => {
    const template = csvTemplate('offer');
    const parsed = parseCsv(toCsv(template.header, template.rows));
    const [row] = readOfferRows(parsed.rows, mapHeaders('offer', parsed.header), {
      ...ctx,
      actors: [{ id: 'bsp', name: 'Beispielverein e. V.' }],
    });
    expect(row?.errors).toEqual([]);
    expect(row?.input?.actorIds).toEqual(['bsp']);
  });
});
