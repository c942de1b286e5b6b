import {
  actorInputSchema,
  contactInputSchema,
  offerInputSchema,
  type ActorKind,
} from '@knotenpunkt/model';
import { LANDKREIS, TOWN } from './demoNetworks.ts';

type Row = [
  id: string,
  name: string,
  kind: ActorKind,
  city: string,
  fields: string[],
  languages: string[],
  short: string,
  supportWanted?: string,
];

const BILDUNG = 'Bildung und Sprache (Kita und Schule)';
const ARBEIT = 'Arbeitsmarkt';
const TEILHABE = 'Gesellschaftliche Teilhabe';
const VIELFALT = 'Kulturelle Vielfalt';
const GESUNDHEIT = 'Gesundheit';
const WOHNEN = 'Wohnen';
const BERATUNG = 'Beratung';

const rows: Row[] = [
  [
    'koordinierungsstelle',
    'Koordinierungsstelle Integration Kreis Rheinwald',
    'Behörde/Kommune',
    'Rheinstadt',
    [BERATUNG, TEILHABE],
    ['Deutsch', 'Englisch'],
    'Koordiniert das Integrationsnetzwerk und berät Kommunen und Initiativen.',
  ],
  [
    'mbe-caritas',
    'Migrationsberatung für Erwachsene (Caritas)',
    'Beratungsstelle',
    'Rheinstadt',
    [BERATUNG, ARBEIT],
    ['Deutsch', 'Arabisch', 'Russisch'],
    'Beratung zu Aufenthalt, Sprache, Arbeit und Familie für Zugewanderte ab 27 Jahren.',
  ],
  [
    'jmd-diakonie',
    'Jugendmigrationsdienst der Diakonie',
    'Beratungsstelle',
    'Hemerfeld',
    [BERATUNG, BILDUNG],
    ['Deutsch', 'Farsi', 'Ukrainisch'],
    'Begleitung junger Menschen mit Migrationsgeschichte von 12 bis 27 Jahren.',
  ],
  [
    'vhs-rheinwald',
    'Volkshochschule Rheinwald',
    'Bildungsträger',
    'Rheinstadt',
    [BILDUNG],
    ['Deutsch'],
    'Integrationskurse, Berufssprachkurse und Alphabetisierung.',
    'Ehrenamtliche für die Hausaufgabenhilfe im Kurs',
  ],
  [
    'ditib-hemerfeld',
    'DITIB Moscheegemeinde Hemerfeld',
    'Moscheeverein',
    'Hemerfeld',
    [VIELFALT, TEILHABE],
    ['Deutsch', 'Türkisch', 'Arabisch'],
    'Gemeindeleben, Hausaufgabenhilfe und interreligiöser Dialog.',
  ],
  [
    'ev-kirche-hemerfeld',
    'Evangelische Kirchengemeinde Hemerfeld',
    'Kirchengemeinde',
    'Hemerfeld',
    [TEILHABE, VIELFALT],
    ['Deutsch'],
    'Begegnungscafé, Kleiderkammer und Patenschaften.',
    'Räume für ein zweites Sprachcafé',
  ],
  [
    'st-marien',
    'Katholische Pfarrei St. Marien',
    'Kirchengemeinde',
    'Rheinstadt',
    [TEILHABE],
    ['Deutsch', 'Polnisch'],
    'Offener Treff und Unterstützung im Alltag.',
  ],
  [
    'kita-regenbogen',
    'Kita Regenbogen',
    'Kita',
    'Hemerfeld',
    [BILDUNG],
    ['Deutsch', 'Türkisch'],
    'Mehrsprachige Kita mit Elterncafé.',
    'Sprachmittlung für Elterngespräche (Arabisch, Tigrinya)',
  ],
  [
    'gs-am-park',
    'Grundschule am Park',
    'Schule',
    'Hemerfeld',
    [BILDUNG],
    ['Deutsch'],
    'Grundschule mit Vorbereitungsklasse und Lesepatenschaften.',
  ],
  [
    'bbs-rheinstadt',
    'Berufsbildende Schule Rheinstadt',
    'Schule',
    'Rheinstadt',
    [BILDUNG, ARBEIT],
    ['Deutsch'],
    'Berufsvorbereitung und Ausbildung für junge Zugewanderte.',
  ],
  [
    'jobcenter',
    'Jobcenter Kreis Rheinwald',
    'Behörde/Kommune',
    'Rheinstadt',
    [ARBEIT],
    ['Deutsch', 'Englisch'],
    'Vermittlung in Arbeit und Ausbildung, Anerkennungsberatung.',
  ],
  [
    'jugendzentrum-ost',
    'Jugendzentrum Ost',
    'Jugendzentrum',
    'Hemerfeld',
    [TEILHABE],
    ['Deutsch', 'Arabisch'],
    'Offene Jugendarbeit, Sport und Musik.',
  ],
  [
    'afrika-forum',
    'Afrikanisches Forum Rheinwald e. V.',
    'Migrantenselbstorganisation',
    'Rheinstadt',
    [VIELFALT, TEILHABE],
    ['Deutsch', 'Französisch', 'Englisch'],
    'Selbstorganisation afrikanischer Communities, Kulturfeste und Beratung.',
  ],
  [
    'ukraine-hilfe',
    'Ukrainischer Verein „Mriya“',
    'Migrantenselbstorganisation',
    'Hemerfeld',
    [TEILHABE, BERATUNG],
    ['Ukrainisch', 'Russisch', 'Deutsch'],
    'Selbsthilfe und Beratung für Geflüchtete aus der Ukraine.',
    'Ehrenamtliche Dolmetscher/innen',
  ],
  [
    'gu-lindenweg',
    'Gemeinschaftsunterkunft Lindenweg',
    'Gemeinschaftsunterkunft',
    'Hemerfeld',
    [WOHNEN, TEILHABE],
    ['Deutsch', 'Englisch'],
    'Unterkunft für 120 Menschen mit Sozialbetreuung vor Ort.',
    'Freizeitangebote für Kinder am Nachmittag',
  ],
  [
    'willkommen-hemerfeld',
    'Initiative Willkommen in Hemerfeld',
    'Initiative',
    'Hemerfeld',
    [TEILHABE],
    ['Deutsch', 'Englisch'],
    'Ehrenamtliche begleiten Neuzugewanderte zu Ämtern und Ärzten.',
  ],
  [
    'gesundheitsamt',
    'Gesundheitsamt Kreis Rheinwald',
    'Behörde/Kommune',
    'Rheinstadt',
    [GESUNDHEIT],
    ['Deutsch'],
    'Impfberatung und Gesundheitslotsen (MiMi).',
  ],
  [
    'wohnraum-ev',
    'Wohnraum für alle e. V.',
    'Verein',
    'Rheinstadt',
    [WOHNEN, BERATUNG],
    ['Deutsch', 'Arabisch'],
    'Hilfe bei der Wohnungssuche und Mietfragen.',
  ],
  [
    'buergerstiftung',
    'Bürgerstiftung Rheinwald',
    'Stiftung',
    'Rheinstadt',
    [TEILHABE],
    ['Deutsch'],
    'Fördert Projekte für Zusammenhalt und Teilhabe.',
  ],
  [
    'sportverein',
    'TuS Hemerfeld 1911 e. V.',
    'Verein',
    'Hemerfeld',
    [TEILHABE],
    ['Deutsch'],
    'Sport für alle, Schwimmkurse für Frauen.',
  ],
  [
    'frauenberatung',
    'Frauenberatungsstelle „Lotta“',
    'Beratungsstelle',
    'Rheinstadt',
    [BERATUNG, GESUNDHEIT],
    ['Deutsch', 'Farsi', 'Arabisch'],
    'Beratung für Frauen, auch bei Gewalt, mit Sprachmittlung.',
  ],
];

const POSTAL: Record<string, string> = { Rheinstadt: '67550', Hemerfeld: '58675' };

export const demoActors = rows.map(
  ([id, name, kind, city, fields, languages, short, supportWanted], i) => ({
    id,
    input: actorInputSchema.parse({
      name,
      kinds: [kind],
      shortDescription: short,
      description: `${short} Ansprechbar für alle Partner im Netzwerk.`,
      fieldsOfAction: fields,
      targetGroups: [
        'Zugewanderte',
        ...(fields.includes(BILDUNG) ? ['Kinder und Jugendliche', 'Eltern'] : []),
      ],
      languages,
      address: {
        street: `${['Hauptstraße', 'Am Markt', 'Lindenweg', 'Schulstraße'][i % 4]} ${3 + i}`,
        postalCode: POSTAL[city],
        city,
      },
      coordinates:
        city === 'Hemerfeld'
          ? { lat: 51.38 + i * 0.002, lng: 7.77 + i * 0.002 }
          : { lat: 49.62 + i * 0.002, lng: 8.35 + i * 0.002 },
      municipality: city,
      website: `https://${id}.example`,
      publicContact: { phone: `0${2300 + i} 1234-${10 + i}`, email: `kontakt@${id}.example` },
      supportWanted: supportWanted ?? '',
      // Two drafts and one archived entry, so the directory shows its status filters.
      status: i === 3 || i === 12 ? 'draft' : i === 18 ? 'archived' : 'published',
      networkIds: city === 'Hemerfeld' ? [LANDKREIS, TOWN] : [LANDKREIS],
    }),
  }),
);

const offerRows: Array<
  [id: string, actorId: string, title: string, type: string, schedule: string, free: boolean]
> = [
  [
    'sprachcafe-ev',
    'ev-kirche-hemerfeld',
    'Sprachcafé im Gemeindehaus',
    'Sprachtreff',
    'dienstags 16–18 Uhr',
    true,
  ],
  [
    'integrationskurs',
    'vhs-rheinwald',
    'Integrationskurs mit Kinderbetreuung',
    'Sprachkurs',
    'Mo–Fr 8:30–12:00 Uhr',
    false,
  ],
  [
    'hausaufgaben-ditib',
    'ditib-hemerfeld',
    'Hausaufgabenhilfe für Grundschulkinder',
    'Kinder und Jugend',
    'Mo und Mi 14–16 Uhr',
    true,
  ],
  [
    'mbe-sprechstunde',
    'mbe-caritas',
    'Offene Sprechstunde Migrationsberatung',
    'Beratung',
    'donnerstags 9–12 Uhr',
    true,
  ],
  [
    'elterncafe',
    'kita-regenbogen',
    'Elterncafé mit Sprachmittlung',
    'Begegnung',
    'jeden 1. Freitag im Monat',
    true,
  ],
  ['lesepaten', 'gs-am-park', 'Lesepatenschaften', 'Patenschaft', 'nach Absprache', true],
  ['jobpaten', 'jobcenter', 'Jobpatenschaften', 'Patenschaft', 'nach Absprache', true],
  [
    'schwimmen-frauen',
    'sportverein',
    'Schwimmkurs für Frauen',
    'Freizeit und Sport',
    'samstags 10–11 Uhr',
    false,
  ],
  [
    'dolmetscherpool',
    'ukraine-hilfe',
    'Dolmetscherpool Ukrainisch/Russisch',
    'Übersetzung/Sprachmittlung',
    'auf Anfrage',
    true,
  ],
  [
    'wohnungssuche',
    'wohnraum-ev',
    'Sprechstunde Wohnungssuche',
    'Beratung',
    'mittwochs 15–17 Uhr',
    true,
  ],
  [
    'mimi-lotsen',
    'gesundheitsamt',
    'Gesundheitslotsen (MiMi) – Infoabende',
    'Bildung/Kurs',
    'monatlich, Termine auf Anfrage',
    true,
  ],
  ['kulturfest', 'afrika-forum', 'Afrikanisches Kulturfest', 'Begegnung', 'jährlich im Juni', true],
  [
    'begleitung-aemter',
    'willkommen-hemerfeld',
    'Begleitung zu Ämtern und Ärzten',
    'Patenschaft',
    'nach Absprache',
    true,
  ],
  [
    'jugendtreff',
    'jugendzentrum-ost',
    'Offener Jugendtreff',
    'Kinder und Jugend',
    'Di–Fr 15–20 Uhr',
    true,
  ],
];

export const demoOffers = offerRows.map(([id, actorId, title, type, schedule, free], i) => {
  const actor = demoActors.find((a) => a.id === actorId)!;
  return {
    id,
    input: offerInputSchema.parse({
      actorIds: [actorId],
      title,
      shortDescription: `${title} – ${actor.input.name}.`,
      offerTypes: [type],
      fieldsOfAction: actor.input.fieldsOfAction,
      targetGroups: actor.input.targetGroups,
      languages: actor.input.languages,
      place: `${actor.input.address.street}, ${actor.input.address.postalCode} ${actor.input.address.city}`,
      schedule,
      cost: free ? 'kostenlos' : 'Kostenbeitrag nach Absprache',
      free,
      registrationRequired: !free,
      childcare: i % 3 === 1,
      barrierFree: i % 2 === 0,
      status: actor.input.status === 'published' ? 'published' : 'draft',
      networkIds: actor.input.networkIds,
    }),
  };
});

const people = [
  'Leyla Yıldız',
  'Stefan Wagner',
  'Olena Kovalenko',
  'Amadou Diallo',
  'Maria Lehmann',
  'Rami Haddad',
  'Claudia Hoffmann',
  'Dariusz Nowak',
];

export const demoContacts = people.map((name, i) => {
  const actor = demoActors[(i * 3) % demoActors.length]!;
  return {
    id: `kontakt-${i + 1}`,
    input: contactInputSchema.parse({
      name,
      email: `${name
        .split(' ')[0]!
        .toLowerCase()
        .normalize('NFD')
        .replace(/[^a-z]/g, '')}@${actor.id}.example`,
      phone: `0170 55${String(1000 + i * 37)}`,
      position: i % 2 ? 'Ehrenamtliche Koordination' : 'Leitung',
      actorId: actor.id,
      kind: i % 2 ? 'volunteer' : 'professional',
      networkIds: actor.input.networkIds,
      consent: {
        given: true,
        note: 'Einverständnis auf dem Netzwerktreffen (Teilnehmerliste)',
        recordedAt: new Date('2026-09-15T10:00:00Z'),
      },
    }),
  };
});
