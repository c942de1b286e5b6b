import {
  meetingInputSchema,
  sha256Hex,
  subscriberIdFor,
  subscriberInputSchema,
} from '@knotenpunkt/model';
import { LANDKREIS, TOWN } from './demoNetworks.ts';

const DAY = 86_400_000;

/**
 * A Tuesday about `days` from now at a local hour, so the demo always has past and upcoming
 * meetings on a plausible weekday.
 */
function at(now: Date, days: number, hour: number) {
  const d = new Date(now.getTime() + days * DAY);
  while (d.getUTCDay() !== 2) d.setUTCDate(d.getUTCDate() + 1);
  d.setUTCHours(hour - 1, 0, 0, 0); // Europe/Berlin in winter is UTC+1; close enough for a demo
  return d;
}

export function demoMeetings(now: Date) {
  return [
    {
      networkId: LANDKREIS,
      id: 'netzwerktreffen-herbst',
      input: meetingInputSchema.parse({
        kind: 'Netzwerktreffen',
        title: 'Netzwerktreffen im Herbst',
        topic: 'Rückblick auf die Interkulturelle Woche, Bericht aus den Arbeitskreisen',
        start: at(now, -30, 16),
        end: at(now, -30, 18),
        place: 'Kreishaus Rheinstadt, Sitzungssaal 2, Hauptstraße 1, 67550 Rheinstadt',
        agenda: [
          { title: 'Begrüßung' },
          { title: 'Berichte der Arbeitskreise' },
          { title: 'Verschiedenes' },
        ],
        public: true,
        minutes: 'Anwesend: 24 Personen aus 17 Organisationen. Die Arbeitskreise berichteten …',
      }),
    },
    {
      networkId: LANDKREIS,
      id: 'netzwerktreffen-winter',
      input: meetingInputSchema.parse({
        kind: 'Netzwerktreffen',
        title: 'Netzwerktreffen: Bedarfe und Ressourcen 2027',
        topic: 'Ergebnisse der Fragebogenaktion und Planung der Schwerpunkte für 2027',
        start: at(now, 14, 16),
        end: at(now, 14, 18),
        place: 'Volkshochschule Rheinwald, Raum 101, Am Markt 4, 67550 Rheinstadt',
        agenda: [
          { title: 'Begrüßung und Vorstellungsrunde', durationMinutes: 20 },
          {
            title: 'Ergebnisse der Fragebogenaktion',
            durationMinutes: 40,
            presenter: 'Yasemin Kaya',
          },
          { title: 'Schwerpunkte 2027 in Kleingruppen', durationMinutes: 50 },
        ],
        capacity: 60,
        waitlist: true,
        registrationDeadline: at(now, 10, 12),
        public: true,
        contactPerson: {
          name: 'Yasemin Kaya',
          role: 'Koordinierungsstelle',
          phone: '06341 912-420',
          email: 'integration@kreis-rheinwald.example',
        },
      }),
    },
    {
      networkId: TOWN,
      id: 'dialogcafe-januar',
      input: meetingInputSchema.parse({
        kind: 'Dialogcafé',
        title: 'Dialogcafé: Ankommen in Hemerfeld',
        topic: 'Neuzugewanderte und Alteingesessene im Gespräch',
        start: at(now, 45, 17),
        end: at(now, 45, 19),
        place: 'Evangelisches Gemeindehaus, Lindenweg 5, 58675 Hemerfeld',
        workingGroupId: null,
        public: true,
      }),
    },
  ];
}

const first = [
  'Aylin',
  'Jan',
  'Fatima',
  'Lukas',
  'Oksana',
  'Samir',
  'Katrin',
  'Tesfay',
  'Birgit',
  'Hassan',
  'Elena',
  'Markus',
  'Nour',
  'Sabine',
  'Ahmad',
];
const last = [
  'Öztürk',
  'Müller',
  'Rahimi',
  'Becker',
  'Shevchenko',
  'Khalil',
  'Fischer',
  'Gebremedhin',
  'Schulz',
  'Yousef',
  'Popescu',
  'Weber',
  'Aziz',
  'Koch',
  'Noori',
];
const orgs = [
  'Kita Regenbogen',
  'Grundschule am Park',
  'Caritas',
  'DITIB Hemerfeld',
  'Ev. Kirchengemeinde',
  '',
  'Jobcenter',
  'Initiative Willkommen',
  '',
];
const interests = [
  'Bildung und Sprache (Kita und Schule)',
  'Arbeitsmarkt',
  'Gesellschaftliche Teilhabe',
  'Wohnen',
  'Beratung',
];

export const DEMO_CONSENT_TEXT =
  'Ich bin damit einverstanden, dass das Netzwerk meine Angaben speichert, um mir Einladungen ' +
  'und Informationen per E-Mail zu senden. Ich kann die Einwilligung jederzeit widerrufen.';
export const DEMO_CONSENT_VERSION = '2026-11';

export async function demoSubscribers(now: Date) {
  const textHash = await sha256Hex(DEMO_CONSENT_TEXT);
  return Promise.all(
    Array.from({ length: 30 }, async (_, i) => {
      const name = `${first[i % first.length]} ${last[(i * 7) % last.length]}`;
      const input = subscriberInputSchema.parse({
        email: `${name
          .toLowerCase()
          .normalize('NFD')
          .replace(/[^a-z ]/g, '')
          .replace(' ', '.')}${i}@mail.example`,
        name,
        organisation: orgs[i % orgs.length],
        interests: [
          interests[i % interests.length]!,
          ...(i % 4 === 0 ? [interests[(i + 2) % interests.length]!] : []),
        ],
      });
      const requestedAt = new Date(now.getTime() - (60 - i) * DAY);
      // Mostly confirmed; a few pending and unsubscribed so lists show every status.
      const status = i % 10 === 7 ? 'pending' : i % 10 === 9 ? 'unsubscribed' : 'confirmed';
      return {
        networkId: i < 20 ? LANDKREIS : TOWN,
        id: await subscriberIdFor(input.email),
        doc: {
          ...input,
          status,
          consent: {
            form: 'import' as const,
            textVersion: DEMO_CONSENT_VERSION,
            textHash,
            requestedAt,
            confirmedAt: status === 'pending' ? null : new Date(requestedAt.getTime() + 3_600_000),
          },
          unsubscribedAt:
            status === 'unsubscribed' ? new Date(requestedAt.getTime() + 20 * DAY) : null,
          createdAt: requestedAt,
          updatedAt: requestedAt,
        },
      };
    }),
  );
}
