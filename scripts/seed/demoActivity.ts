import {
  CONSENT_TEXTS,
  FORM_IDS,
  consentTextDocument,
  consentTextId,
  currentConsentText,
  meetingInputSchema,
  rsvpSchema,
  sha256Hex,
  subscriberIdFor,
  subscriberInputSchema,
  subscriberSchema,
  type ConsentPurpose,
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
        minutes:
          '## Berichte aus den Arbeitskreisen\n\n- **AK Sprache und Bildung:** zwei neue Sprachcafés in Rheinstadt\n- **AK Arbeit und Ausbildung:** Jobpatenschaften starten im Januar\n\n## Verschiedenes\n\nDie Interkulturelle Woche war mit über 400 Gästen gut besucht.',
        minutesPublished: true,
        decisions: [
          'Das nächste Netzwerktreffen widmet sich den Ergebnissen der Fragebogenaktion.',
        ],
        tasks: [
          { title: 'Raum für das Wintertreffen reservieren', owner: 'Yasemin Kaya', done: true },
        ],
        results: 'Zwei neue Sprachcafés, Jobpatenschaften ab Januar, Fragebogenaktion beschlossen.',
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

const languages = ['Arabisch', 'Türkisch', 'Englisch', 'Persisch (Farsi/Dari)', 'Ukrainisch'];

/** The consent texts in force, stored once as the functions would (consentTexts/{purpose}-{version}). */
export async function demoConsentTexts(now: Date) {
  return Promise.all(
    CONSENT_TEXTS.map(async (draft) => ({
      id: consentTextId(draft.purpose, draft.version),
      doc: await consentTextDocument(draft, now),
    })),
  );
}

/**
 * 30 subscribers in every status: mostly confirmed, some unconfirmed (asked recently, so the
 * 30-day retention keeps them), unsubscribed and one undeliverable (bounced) per network; every
 * third also offered to volunteer, and a few only that.
 */
export async function demoSubscribers(now: Date) {
  const proof = async (purpose: ConsentPurpose, form: 'signup' | 'import', at: Date) => {
    const text = currentConsentText(purpose);
    return {
      form,
      formId: FORM_IDS[form],
      textVersion: text.version,
      textHash: await sha256Hex(text.text),
      requestedAt: at,
      mailSentAt: new Date(at.getTime() + 60_000),
      confirmedAt: null as Date | null,
      withdrawnAt: null as Date | null,
    };
  };
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
      const status =
        i % 10 === 7
          ? 'pending'
          : i % 10 === 9
            ? 'unsubscribed'
            : i === 3 || i === 23
              ? 'bounced'
              : 'confirmed';
      const requestedAt =
        status === 'pending'
          ? new Date(now.getTime() - (1 + (i % 5)) * DAY)
          : new Date(now.getTime() - (60 - i) * DAY);
      const confirmedAt = status === 'pending' ? null : new Date(requestedAt.getTime() + 3_600_000);
      const unsubscribedAt =
        status === 'unsubscribed' ? new Date(requestedAt.getTime() + 20 * DAY) : null;
      const form = i % 2 === 0 ? 'signup' : 'import';
      const volunteerOnly = i % 10 === 5;
      const volunteers = volunteerOnly || i % 3 === 0;
      const consent = async (purpose: ConsentPurpose) => ({
        ...(await proof(purpose, form, requestedAt)),
        confirmedAt,
        withdrawnAt: unsubscribedAt,
      });
      return {
        networkId: i < 20 ? LANDKREIS : TOWN,
        id: await subscriberIdFor(input.email),
        doc: subscriberSchema.parse({
          ...input,
          status,
          purposes: { invitations: !volunteerOnly, volunteer: volunteers },
          consents: {
            invitations: volunteerOnly ? null : await consent('invitations'),
            volunteer: volunteers ? await consent('volunteer') : null,
          },
          volunteer: volunteers
            ? {
                fieldsOfAction: [interests[(i + 1) % interests.length]!],
                languages: ['Deutsch', languages[i % languages.length]!],
                availability: i % 2 === 0 ? 'Nachmittags unter der Woche' : 'Am Wochenende',
                phone: i % 4 === 0 ? `0171 555 01${String(i).padStart(2, '0')}` : '',
              }
            : null,
          contactNote:
            volunteers && i % 6 === 0 && status === 'confirmed'
              ? {
                  contacted: true,
                  note: 'Telefonisch erreicht, kommt zum nächsten Sprachcafé.',
                  updatedAt: new Date(requestedAt.getTime() + 5 * DAY),
                  updatedBy: 'seed',
                }
              : null,
          importId: form === 'import' ? 'demo-import' : null,
          requestedAt,
          mailsSentAt: [],
          unsubscribedAt,
          bouncedAt: status === 'bounced' ? new Date(requestedAt.getTime() + 30 * DAY) : null,
          createdAt: requestedAt,
          updatedAt: unsubscribedAt ?? confirmedAt ?? requestedAt,
        }),
      };
    }),
  );
}

/**
 * Invitees of the two Landkreis meetings among the confirmed subscribers: answers of every kind
 * for the coming one (a few with persons and a comment, some without an answer yet), attendance
 * recorded for the past one. The settler counts the places from these on its first answer.
 */
export async function demoRsvps(now: Date) {
  const invited = (await demoSubscribers(now)).filter(
    (s) => s.networkId === LANDKREIS && s.doc.status === 'confirmed' && s.doc.purposes.invitations,
  );
  const answers = ['yes', 'yes', 'maybe', 'no', null, 'yes', null, 'yes'] as const;
  return invited.flatMap((s, i) => {
    const base = {
      email: s.doc.email,
      name: s.doc.name,
      organisation: s.doc.organisation,
      source: 'subscribers' as const,
      sourceRef: s.id,
      invitedAt: new Date(now.getTime() - 5 * DAY),
      promotedAt: null,
      updatedAt: new Date(now.getTime() - 2 * DAY),
    };
    const answer = answers[i % answers.length] ?? null;
    return [
      {
        networkId: LANDKREIS,
        meetingId: 'netzwerktreffen-winter',
        id: s.id,
        doc: rsvpSchema.parse({
          ...base,
          answer,
          waitlisted: false,
          persons: answer === 'yes' && i % 3 === 0 ? 2 : 1,
          comment: i === 0 ? 'Ich bringe eine Kollegin aus der Kita mit.' : '',
          order: answer === 'yes' ? i : null,
          attended: null,
          answeredAt: answer ? new Date(now.getTime() - (4 - (i % 3)) * DAY) : null,
        }),
      },
      {
        networkId: LANDKREIS,
        meetingId: 'netzwerktreffen-herbst',
        id: s.id,
        doc: rsvpSchema.parse({
          ...base,
          answer: 'yes',
          waitlisted: false,
          persons: 1,
          order: i,
          attended: i % 4 !== 3,
          answeredAt: new Date(now.getTime() - 35 * DAY),
        }),
      },
    ];
  });
}
