import { createNetworkInputSchema, workingGroupInputSchema } from '@knotenpunkt/model';

// A Landkreis network and the local network of one of its towns (see DESIGN.md: one deployment
// hosts several networks of a region).
export const LANDKREIS = 'landkreis-rheinwald';
export const TOWN = 'hemerfeld';

export const demoNetworks = [
  createNetworkInputSchema.parse({
    slug: LANDKREIS,
    name: 'Integrationsnetzwerk Landkreis Rheinwald',
    region: 'Landkreis Rheinwald',
    description:
      'Im Integrationsnetzwerk arbeiten Kommune, Wohlfahrtsverbände, Kirchen- und Moscheegemeinden, ' +
      'Schulen, Kitas, Beratungsstellen und Migrantenselbstorganisationen zusammen. Wir treffen uns ' +
      'alle zwei Monate, tauschen Informationen aus und planen gemeinsame Angebote.',
    contactPersons: [
      {
        name: 'Yasemin Kaya',
        role: 'Koordinierungsstelle Integration',
        phone: '06341 912-420',
        email: 'integration@kreis-rheinwald.example',
      },
      { name: 'Thomas Berger', role: 'Stellvertretung', phone: '06341 912-421', email: '' },
    ],
    public: true,
  }),
  createNetworkInputSchema.parse({
    slug: TOWN,
    name: 'Netzwerk Integration Hemerfeld',
    region: 'Stadt Hemerfeld (Landkreis Rheinwald)',
    description:
      'Das lokale Netzwerk der Stadt Hemerfeld: Ehrenamtliche, Schulen, Kitas, Kirchengemeinden, ' +
      'der Moscheeverein und das Jobcenter stimmen ihre Angebote für Zugewanderte ab.',
    contactPersons: [
      {
        name: 'Jonas Richter',
        role: 'Integrationsbeauftragter der Stadt',
        phone: '02372 551-30',
        email: 'integration@hemerfeld.example',
      },
    ],
    fieldsOfAction: [
      'Bildung und Sprache (Kita und Schule)',
      'Arbeitsmarkt',
      'Gesellschaftliche Teilhabe',
      'Wohnen',
      'Beratung',
    ],
    public: true,
  }),
];

export const demoWorkingGroups = [
  {
    networkId: LANDKREIS,
    id: 'ak-sprache',
    input: workingGroupInputSchema.parse({
      name: 'AK Sprache und Bildung',
      fieldOfAction: 'Bildung und Sprache (Kita und Schule)',
      description: 'Sprachkurse, Sprachcafés und Elternarbeit in Kitas und Schulen abstimmen.',
      lead: 'Anna Schmitt (VHS Rheinwald)',
      members: [
        { kind: 'actor', id: 'vhs-rheinwald', name: 'Volkshochschule Rheinwald' },
        { kind: 'actor', id: 'kita-regenbogen', name: 'Kita Regenbogen' },
        { kind: 'actor', id: 'gs-am-park', name: 'Grundschule am Park' },
        { kind: 'actor', id: 'ditib-hemerfeld', name: 'DITIB Moscheegemeinde Hemerfeld' },
      ],
    }),
  },
  {
    networkId: LANDKREIS,
    id: 'ak-arbeit',
    input: workingGroupInputSchema.parse({
      name: 'AK Arbeit und Ausbildung',
      fieldOfAction: 'Arbeitsmarkt',
      description:
        'Übergänge in Ausbildung und Arbeit, Anerkennung von Abschlüssen, Jobpatenschaften.',
      lead: 'Mehmet Demir (Jobcenter)',
      members: [
        { kind: 'actor', id: 'jobcenter', name: 'Jobcenter Kreis Rheinwald' },
        { kind: 'actor', id: 'bbs-rheinstadt', name: 'Berufsbildende Schule Rheinstadt' },
        { kind: 'actor', id: 'mbe-caritas', name: 'Migrationsberatung für Erwachsene (Caritas)' },
      ],
    }),
  },
];
