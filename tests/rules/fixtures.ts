// Valid documents, built with the model's schemas so the rules are tested against exactly what
// web and functions write. Stored documents carry Dates (seeded); client writes carry
// serverTimestamp() stamps as the data layer sends them.
import { serverTimestamp, type DocumentData } from 'firebase/firestore';
import {
  actorInputSchema,
  actorSchema,
  consentTextSchema,
  contactInputSchema,
  contactSchema,
  deliverySchema,
  initialMailingProgress,
  mailingInputSchema,
  mailingSchema,
  meetingInputSchema,
  meetingSchema,
  memberSchema,
  membershipSchema,
  networkSchema,
  offerInputSchema,
  offerSchema,
  publicCalendarSchema,
  contributionOf,
  invitationSchema,
  publicResultsOf,
  questionnaireInputSchema,
  questionnaireSchema,
  responseSchema,
  resultsSummarySchema,
  emptyMeta,
  tallyOf,
  rsvpSchema,
  sha256Hex,
  subscriberIdFor,
  subscriberSchema,
  tokenSchema,
  workingGroupInputSchema,
  workingGroupSchema,
  adminSchema,
  type ActorInput,
  type ContactInput,
  type MailingInput,
  type MeetingInput,
  type OfferInput,
  type QuestionnaireInput,
} from '@knotenpunkt/model';
import { ADMIN, COORD_A, COORD_B, NETWORK_A, NETWORK_B } from './personas.ts';

export const T0 = new Date('2026-11-01T10:00:00Z');
const MEETING_START = new Date('2026-12-03T16:00:00Z');
const MEETING_END = new Date('2026-12-03T18:00:00Z');
export const CONSENT_TEXT = 'Ich möchte Einladungen des Netzwerks per E-Mail erhalten.';

/** Stamps of a stored document. */
const stored = { createdAt: T0, updatedAt: T0, updatedBy: 'seed' };

/** Stamps a client sends when creating. */
export const createStamps = (uid: string | null) => ({
  createdAt: serverTimestamp(),
  updatedAt: serverTimestamp(),
  updatedBy: uid ?? '',
});

/** Stamps a client sends when updating. */
export const updateStamps = (uid: string | null) => ({
  updatedAt: serverTimestamp(),
  updatedBy: uid ?? '',
});

// ---------------------------------------------------------------- inputs (what forms submit)

export const actorInput = (over: Partial<ActorInput> = {}) =>
  actorInputSchema.parse({
    name: 'Café International e. V.',
    kinds: ['Verein'],
    shortDescription: 'Begegnungscafé mit Sprachtreff',
    networkIds: [NETWORK_A],
    status: 'published',
    coordinates: { lat: 51.38, lng: 7.77 },
    ...over,
  });

export const offerInput = (over: Partial<OfferInput> = {}) =>
  offerInputSchema.parse({
    actorIds: ['cafe'],
    title: 'Sprachcafé',
    offerTypes: ['Sprachtreff'],
    schedule: 'dienstags 15–17 Uhr',
    free: true,
    networkIds: [NETWORK_A],
    status: 'published',
    ...over,
  });

export const contactInput = (over: Partial<ContactInput> = {}) =>
  contactInputSchema.parse({
    name: 'Aylin Demir',
    email: 'aylin.demir@example.de',
    kind: 'volunteer',
    networkIds: [NETWORK_A],
    consent: { given: true, note: 'Formular vom 3. 11.', recordedAt: T0 },
    ...over,
  });

export const meetingInput = (over: Partial<MeetingInput> = {}) =>
  meetingInputSchema.parse({
    kind: 'Netzwerktreffen',
    title: 'Netzwerktreffen Dezember',
    start: MEETING_START,
    end: MEETING_END,
    place: 'Rathaus, Saal 2',
    agenda: [{ title: 'Begrüßung' }],
    capacity: 40,
    public: true,
    ...over,
  });

export const workingGroupInput = () =>
  workingGroupInputSchema.parse({
    name: 'AK Sprache',
    fieldOfAction: 'Bildung und Sprache (Kita und Schule)',
    members: [{ kind: 'actor', id: 'cafe', name: 'Café International e. V.' }],
  });

export const mailingInput = (over: Partial<MailingInput> = {}) =>
  mailingInputSchema.parse({
    purpose: 'information',
    subject: 'Neues aus dem Netzwerk',
    bodyText: 'Liebe Akteurinnen und Akteure, …',
    recipients: { source: 'subscribers' },
    ...over,
  });

/** What the questionnaire editor writes: the input, and no automatic reminder sent yet. */
export const questionnaireInput = (over: Partial<QuestionnaireInput> = {}) => ({
  ...questionnaireInputSchema.parse({
    title: 'Bedarfe und Ressourcen 2026',
    sections: [
      {
        id: 'allgemein',
        title: 'Allgemein',
        questions: [
          { id: 'bedarf', kind: 'longText', label: 'Was fehlt in Ihrer Arbeit?' },
          { id: 'zufrieden', kind: 'likert', label: 'Wie zufrieden sind Sie mit dem Netzwerk?' },
        ],
      },
    ],
    ...over,
  }),
  autoReminderAt: null,
});

// ---------------------------------------------------------------- stored documents

export const storedNetwork = (slug: string, isPublic: boolean) =>
  networkSchema.parse({
    name: `Netzwerk ${slug}`,
    region: 'Kreis Rheinwald',
    slug,
    public: isPublic,
    createdAt: T0,
    updatedAt: T0,
  });

export const storedActor = (over: Partial<ActorInput> = {}) =>
  actorSchema.parse({ ...actorInput(over), ...stored });
export const storedOffer = (over: Partial<OfferInput> = {}) =>
  offerSchema.parse({ ...offerInput(over), ...stored });
export const storedContact = (over: Partial<ContactInput> = {}) =>
  contactSchema.parse({ ...contactInput(over), ...stored });
export const storedMeeting = (over: Partial<MeetingInput> = {}) =>
  meetingSchema.parse({ ...meetingInput(over), ...stored });
export const storedWorkingGroup = () =>
  workingGroupSchema.parse({ ...workingGroupInput(), ...stored });
export const storedMailing = (
  status: 'draft' | 'queued' | 'sending' | 'paused' | 'sent' = 'draft',
) =>
  mailingSchema.parse({
    ...mailingInput(),
    status,
    progress: initialMailingProgress(),
    ...stored,
  });
export const storedQuestionnaire = (over: Partial<QuestionnaireInput> = {}) =>
  questionnaireSchema.parse({ ...questionnaireInput(over), ...stored });

export const storedMember = (name: string, email: string) =>
  memberSchema.parse({ role: 'coordinator', name, email, grantedAt: T0, grantedBy: ADMIN.uid });

export const storedCalendar = () =>
  publicCalendarSchema.parse({
    meetings: [
      {
        id: 'm1',
        kind: 'Netzwerktreffen',
        title: 'Netzwerktreffen Dezember',
        start: MEETING_START,
        end: MEETING_END,
        place: 'Rathaus',
      },
    ],
    updatedAt: T0,
  });

export const storedRsvp = (subscriberId: string) =>
  rsvpSchema.parse({
    email: 'anna@example.de',
    source: 'subscribers',
    sourceRef: subscriberId,
    answer: 'yes',
    waitlisted: false,
    persons: 1,
    order: 0,
    attended: null,
    invitedAt: T0,
    answeredAt: T0,
    updatedAt: T0,
  });

export const storedDelivery = (key: string) =>
  deliverySchema.parse({
    address: 'anna@example.de',
    name: 'Anna Beispiel',
    vars: {},
    unsubscribeUrl: '',
    sourceRef: key,
    status: 'sent',
    attempts: 1,
    dueAt: T0,
    leaseId: '',
    lastAnswer: '250 2.0.0 Ok',
    messageId: '<1@knotenpunkt>',
    sentAt: T0,
    createdAt: T0,
    updatedAt: T0,
  });

const RESPONSE_ANSWERS = { bedarf: 'Räume', zufrieden: 4 };

export const storedResponse = () => {
  const contribution = contributionOf(questionnaireInput().sections, RESPONSE_ANSWERS, null);
  return responseSchema.parse({
    answers: RESPONSE_ANSWERS,
    respondent: null,
    contribution,
    version: 1,
    pending: false,
    applied: contribution,
    appliedVersion: 1,
    submittedAt: null,
    updatedAt: null,
  });
};

export const storedSummary = () =>
  resultsSummarySchema.parse({
    ...tallyOf([['r1', storedResponse().contribution]]),
    meta: emptyMeta(),
    updatedAt: T0,
  });

export const storedPublicResults = () =>
  publicResultsOf(questionnaireInput(), 'Netzwerk A', storedSummary(), T0);

export const storedInvitation = () =>
  invitationSchema.parse({
    name: 'Aylin Demir',
    email: 'aylin.demir@example.de',
    source: 'contact',
    sourceRef: 'kontakt-1',
    actorId: 'cafe',
    actorName: 'Café International e. V.',
    actorKinds: ['Verein'],
    actorFields: [],
    status: 'invited',
    invitedAt: T0,
    mailingIds: [],
    reminders: 0,
    lastRemindedAt: null,
    openedAt: null,
    submittedAt: null,
  });

export const storedToken = () =>
  tokenSchema.parse({
    purpose: 'unsubscribe',
    networkId: NETWORK_A,
    targetPath: `networks/${NETWORK_A}/subscribers/x`,
    expiresAt: null,
    usedAt: null,
    createdAt: T0,
  });

// ---------------------------------------------------------------- subscribers

export const emailFor = (key: string) => `${key.toLowerCase()}@example.de`;
export const subscriberIdOf = (key: string) => subscriberIdFor(emailFor(key));

export async function storedSubscriber(
  key: string,
  status: 'confirmed' | 'pending' | 'unsubscribed' | 'bounced' = 'confirmed',
) {
  const consent = {
    form: 'signup' as const,
    formId: 'mitmachen/2026-11',
    textVersion: '2026-11',
    textHash: await sha256Hex(CONSENT_TEXT),
    requestedAt: T0,
    mailSentAt: T0,
    confirmedAt: status === 'pending' ? null : T0,
    withdrawnAt: null,
  };
  return subscriberSchema.parse({
    email: emailFor(key),
    name: 'Anna Beispiel',
    organisation: 'Kita Regenbogen',
    interests: ['Bildung'],
    status,
    purposes: { invitations: true, volunteer: true },
    consents: { invitations: consent, volunteer: consent },
    volunteer: {
      fieldsOfAction: ['Bildung'],
      languages: ['Arabisch'],
      availability: '',
      phone: '',
    },
    contactNote: null,
    importId: null,
    requestedAt: T0,
    mailsSentAt: [],
    unsubscribedAt: null,
    bouncedAt: null,
    createdAt: T0,
    updatedAt: T0,
  });
}

export const storedConsentText = () =>
  consentTextSchema.parse({
    purpose: 'invitations',
    version: '2026-11',
    label: 'Einladungen und Informationen des Netzwerks',
    text: CONSENT_TEXT,
    textHash: 'a'.repeat(64),
    publishedAt: T0,
  });

/** A complete subscriber as a client would have to write it to create one (no rule allows it). */
export async function subscriberCreate(key: string): Promise<DocumentData> {
  const stored = await storedSubscriber(key);
  return {
    ...stored,
    name: 'Ben Beispiel',
    consents: {
      invitations: {
        ...stored.consents.invitations,
        form: 'coordinator',
        requestedAt: serverTimestamp(),
        confirmedAt: serverTimestamp(),
      },
      volunteer: null,
    },
    requestedAt: serverTimestamp(),
    createdAt: serverTimestamp(),
    updatedAt: serverTimestamp(),
  };
}

// ---------------------------------------------------------------- the shared world

/**
 * Network A is public, network B is not. coord-a coordinates A, coord-b coordinates B,
 * admin-1 is an admin, user-plain is signed in with no role.
 */
export function world(): Record<string, DocumentData> {
  return {
    [`admins/${ADMIN.uid}`]: adminSchema.parse({ email: 'admin@example.de', grantedAt: T0 }),
    [`networks/${NETWORK_A}`]: storedNetwork(NETWORK_A, true),
    [`networks/${NETWORK_B}`]: storedNetwork(NETWORK_B, false),
    [`networks/${NETWORK_A}/members/${COORD_A.uid}`]: storedMember(
      'Koordinatorin A',
      'a@example.de',
    ),
    [`networks/${NETWORK_B}/members/${COORD_B.uid}`]: storedMember('Koordinator B', 'b@example.de'),
    [`memberships/${COORD_A.uid}`]: membershipSchema.parse({
      networkIds: [NETWORK_A],
      updatedAt: T0,
    }),
    [`memberships/${COORD_B.uid}`]: membershipSchema.parse({
      networkIds: [NETWORK_B],
      updatedAt: T0,
    }),
  };
}
